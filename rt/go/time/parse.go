package time

import "errors"

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error returns the string representation of a ParseError.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) +
			": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

var errBad = errors.New("bad value for field") // only ever inside a ParseError

var shortDayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

var shortMonthNames = []string{
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
}

// lookup finds the name of tab that starts val, ignoring ASCII case, and
// returns its index and the rest of val.
func lookup(tab []string, val string) (int, string, error) {
	for i, v := range tab {
		if len(val) >= len(v) && equalFoldASCII(val[:len(v)], v) {
			return i, val[len(v):], nil
		}
	}
	return -1, val, errBad
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y || x < 'a' || x > 'z' {
			return false
		}
	}
	return true
}

// getnum reads a one- or two-digit number (exactly two when fixed).
func getnum(s string, fixed bool) (int, string, error) {
	if !isDigit(s, 0) {
		return 0, s, errBad
	}
	if !isDigit(s, 1) {
		if fixed {
			return 0, s, errBad
		}
		return int(s[0] - '0'), s[1:], nil
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], nil
}

// getnum3 reads a number of one to three digits (exactly three when
// fixed).
func getnum3(s string, fixed bool) (int, string, error) {
	n, i := 0, 0
	for ; i < 3 && isDigit(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, errBad
	}
	return n, s[i:], nil
}

func trimSpaces(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// skip removes the literal prefix from value; a run of spaces in prefix
// matches any run of spaces (or none at the end of value).
func skip(value, prefix string) (string, error) {
	for len(prefix) > 0 {
		if prefix[0] == ' ' {
			if len(value) > 0 && value[0] != ' ' {
				return value, errBad
			}
			prefix = trimSpaces(prefix)
			value = trimSpaces(value)
			continue
		}
		if len(value) == 0 || value[0] != prefix[0] {
			return value, errBad
		}
		prefix = prefix[1:]
		value = value[1:]
	}
	return value, nil
}

// atoi parses an optionally signed decimal number, all of s.
func atoi(s string) (int, error) {
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	q, rem, err := leadingInt(s)
	x := int(q)
	if err != nil || len(rem) > 0 {
		return 0, errBad
	}
	if neg {
		x = -x
	}
	return x, nil
}

// leadingInt consumes the leading decimal digits of s (up to 1<<63).
func leadingInt(s string) (x uint64, rem string, err error) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if x > 1<<63/10 {
			return 0, rem, errBad
		}
		x = x*10 + uint64(c) - '0'
		if x > 1<<63 {
			return 0, rem, errBad
		}
	}
	return x, s[i:], nil
}

func commaOrPeriod(b byte) bool {
	return b == '.' || b == ','
}

// parseNanoseconds reads a fractional second of nbytes bytes (separator
// included) from value; digits beyond nanoseconds are ignored.
func parseNanoseconds(value string, nbytes int) (ns int, rangeErrString string, err error) {
	if !commaOrPeriod(value[0]) {
		return 0, "", errBad
	}
	if nbytes > 10 {
		value = value[:10]
		nbytes = 10
	}
	if ns, err = atoi(value[1:nbytes]); err != nil {
		return 0, "", err
	}
	if ns < 0 {
		return 0, "fractional second", nil
	}
	for i := nbytes; i < 10; i++ {
		ns *= 10
	}
	return ns, "", nil
}

// parseTimeZone returns the length of the zone abbreviation at the start
// of value: three upper-case letters, or four or five ending in T (and
// WITA), ChST and MeST, GMT with an optional hour offset, or a bare
// signed hour offset.
func parseTimeZone(value string) (length int, ok bool) {
	if len(value) < 3 {
		return 0, false
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4, true
	}
	if value[:3] == "GMT" {
		if len(value) == 3 {
			return 3, true
		}
		return 3 + parseSignedOffset(value[3:]), true
	}
	if value[0] == '+' || value[0] == '-' {
		length = parseSignedOffset(value)
		return length, length > 0
	}
	n := 0
	for n < 6 && n < len(value) && 'A' <= value[n] && value[n] <= 'Z' {
		n++
	}
	switch n {
	case 3:
		return 3, true
	case 4:
		if value[3] == 'T' || value[:4] == "WITA" {
			return 4, true
		}
	case 5:
		if value[4] == 'T' {
			return 5, true
		}
	}
	return 0, false
}

// parseSignedOffset returns the length of a signed hour offset in
// [-23, +23] at the start of value, or 0.
func parseSignedOffset(value string) int {
	sign := value[0]
	if sign != '-' && sign != '+' {
		return 0
	}
	x, rem, err := leadingInt(value[1:])
	if err != nil || value[1:] == rem || x > 23 {
		return 0
	}
	return len(value) - len(rem)
}

// Parse parses a formatted string and returns the time value it
// represents, following the layout (see the Layout constant). Without
// time zone information the result is in UTC; with a zone offset matching
// the local zone, in Local; otherwise in a fabricated location with that
// offset.
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}

// ParseInLocation is like Parse but differs in two important ways. First,
// in the absence of time zone information, Parse interprets a time as
// UTC; ParseInLocation interprets the time as in the given location.
// Second, when given a zone offset or abbreviation, Parse tries to match
// it against the Local location; ParseInLocation uses the given location.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

// parsed collects the fields read so far.
type parsed struct {
	year, month, day, yday int
	hour, min, sec, nsec   int
	am, pm                 bool
	z                      *Location
	zoneOffset             int
	zoneName               string
	rangeErr               string // the field that is out of range
}

func parse(layout, value string, defaultLocation, local *Location) (Time, error) {
	alayout, avalue := layout, value
	p := parsed{month: -1, day: -1, yday: -1, zoneOffset: -1}

	for {
		prefix, std, suffix := nextStdChunk(layout)
		stdstr := layout[len(prefix) : len(layout)-len(suffix)]
		var err error
		value, err = skip(value, prefix)
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, prefix, value, ""}
		}
		if std == 0 {
			if len(value) != 0 {
				return Time{}, &ParseError{alayout, avalue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = suffix
		hold := value
		value, err = p.element(std, value, layout)
		if p.rangeErr != "" {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ": " + p.rangeErr + " out of range"}
		}
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, stdstr, hold, ""}
		}
	}
	if p.pm && p.hour < 12 {
		p.hour += 12
	} else if p.am && p.hour == 12 {
		p.hour = 0
	}

	if p.yday >= 0 {
		m, d := 0, 0
		yday := p.yday
		if isLeap(p.year) {
			if yday == 31+29 {
				m, d = int(February), 29
			} else if yday > 31+29 {
				yday--
			}
		}
		if yday < 1 || yday > 365 {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year out of range"}
		}
		if m == 0 {
			// Month and day of a non-leap year's day yday.
			m = 1
			for yday > daysIn(Month(m), 2001) {
				yday -= daysIn(Month(m), 2001)
				m++
			}
			d = yday
		}
		if p.month >= 0 && p.month != m {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match month"}
		}
		p.month = m
		if p.day >= 0 && p.day != d {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match day"}
		}
		p.day = d
	} else {
		if p.month < 0 {
			p.month = int(January)
		}
		if p.day < 0 {
			p.day = 1
		}
	}

	if p.day < 1 || p.day > daysIn(Month(p.month), p.year) {
		return Time{}, &ParseError{alayout, avalue, "", value, ": day out of range"}
	}

	if p.z != nil {
		return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, p.z), nil
	}

	if p.zoneOffset != -1 {
		t := Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, UTC)
		t.addSec(-int64(p.zoneOffset))
		// The local zone, if it has this offset (and name) at that time.
		name, offset, _, _, _ := local.lookup(t.unixSec())
		if offset == p.zoneOffset && (p.zoneName == "" || name == p.zoneName) {
			t.setLoc(local)
			return t, nil
		}
		t.setLoc(FixedZone(p.zoneName, p.zoneOffset))
		return t, nil
	}

	if p.zoneName != "" {
		t := Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, UTC)
		// The local zone of that name, if it has one.
		offset, ok := local.lookupName(p.zoneName, t.unixSec())
		if ok {
			t.addSec(-int64(offset))
			t.setLoc(local)
			return t, nil
		}
		// Otherwise an unknown offset, but GMT+h has one.
		if len(p.zoneName) > 3 && p.zoneName[:3] == "GMT" {
			offset, _ = atoi(p.zoneName[3:])
			offset *= 3600
		}
		t.setLoc(FixedZone(p.zoneName, offset))
		return t, nil
	}

	return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, defaultLocation), nil
}

// element reads the value of layout element std from the start of value;
// layout is what follows the element.
func (p *parsed) element(std int, value, layout string) (string, error) {
	var err error
	switch std & stdMask {
	case stdYear:
		if len(value) < 2 {
			return value, errBad
		}
		if p.year, err = atoi(value[0:2]); err != nil {
			return value[2:], err
		}
		// Two-digit years from 69 on are 19xx.
		if p.year >= 69 {
			p.year += 1900
		} else {
			p.year += 2000
		}
		return value[2:], nil
	case stdLongYear:
		if len(value) < 4 || !isDigit(value, 0) {
			return value, errBad
		}
		p.year, err = atoi(value[0:4])
		return value[4:], err
	case stdMonth:
		p.month, value, err = lookup(shortMonthNames, value)
		p.month++
	case stdLongMonth:
		p.month, value, err = lookup(longMonthNames, value)
		p.month++
	case stdNumMonth, stdZeroMonth:
		p.month, value, err = getnum(value, std == stdZeroMonth)
		if err == nil && (p.month <= 0 || 12 < p.month) {
			p.rangeErr = "month"
		}
	case stdWeekDay:
		_, value, err = lookup(shortDayNames, value) // checked, then ignored
	case stdLongWeekDay:
		_, value, err = lookup(longDayNames, value)
	case stdDay, stdUnderDay, stdZeroDay:
		if std == stdUnderDay && len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
		// Any one- or two-digit day; checked against the month at the end.
		p.day, value, err = getnum(value, std == stdZeroDay)
	case stdUnderYearDay, stdZeroYearDay:
		for i := 0; i < 2; i++ {
			if std == stdUnderYearDay && len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
		}
		p.yday, value, err = getnum3(value, std == stdZeroYearDay)
	case stdHour:
		p.hour, value, err = getnum(value, false)
		if p.hour < 0 || 24 <= p.hour {
			p.rangeErr = "hour"
		}
	case stdHour12, stdZeroHour12:
		p.hour, value, err = getnum(value, std == stdZeroHour12)
		if p.hour < 0 || 12 < p.hour {
			p.rangeErr = "hour"
		}
	case stdMinute, stdZeroMinute:
		p.min, value, err = getnum(value, std == stdZeroMinute)
		if p.min < 0 || 60 <= p.min {
			p.rangeErr = "minute"
		}
	case stdSecond, stdZeroSecond:
		p.sec, value, err = getnum(value, std == stdZeroSecond)
		if err != nil {
			break
		}
		if p.sec < 0 || 60 <= p.sec {
			p.rangeErr = "second"
			break
		}
		// A fractional second may follow even when the layout has none.
		if len(value) >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1) {
			_, next, _ := nextStdChunk(layout)
			next &= stdMask
			if next == stdFracSecond0 || next == stdFracSecond9 {
				break
			}
			n := 2
			for n < len(value) && isDigit(value, n) {
				n++
			}
			p.nsec, p.rangeErr, err = parseNanoseconds(value, n)
			value = value[n:]
		}
	case stdPM, stdpm:
		if len(value) < 2 {
			return value, errBad
		}
		am, pm := "AM", "PM"
		if std&stdMask == stdpm {
			am, pm = "am", "pm"
		}
		switch value[0:2] {
		case pm:
			p.pm = true
		case am:
			p.am = true
		default:
			err = errBad
		}
		value = value[2:]
	case stdISO8601TZ, stdISO8601ShortTZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ColonSecondsTZ:
		if len(value) >= 1 && value[0] == 'Z' {
			p.z = UTC
			return value[1:], nil
		}
		return p.numericZone(std&stdMask, value)
	case stdNumTZ, stdNumShortTZ, stdNumColonTZ, stdNumSecondsTz, stdNumColonSecondsTZ:
		return p.numericZone(std&stdMask, value)
	case stdTZ:
		if len(value) >= 3 && value[0:3] == "UTC" {
			p.z = UTC
			return value[3:], nil
		}
		n, ok := parseTimeZone(value)
		if !ok {
			return value, errBad
		}
		p.zoneName, value = value[:n], value[n:]
	case stdFracSecond0:
		// Exactly as many digits as the layout has.
		ndigit := 1 + digitsLen(std)
		if len(value) < ndigit {
			return value, errBad
		}
		p.nsec, p.rangeErr, err = parseNanoseconds(value, ndigit)
		value = value[ndigit:]
	case stdFracSecond9:
		if len(value) < 2 || !commaOrPeriod(value[0]) || value[1] < '0' || '9' < value[1] {
			break // no fractional second
		}
		// Any number of digits, as after a seconds element.
		i := 0
		for i+1 < len(value) && '0' <= value[i+1] && value[i+1] <= '9' {
			i++
		}
		p.nsec, p.rangeErr, err = parseNanoseconds(value, 1+i)
		value = value[1+i:]
	}
	return value, err
}

// numericZone reads a numeric zone offset in the form of std.
func (p *parsed) numericZone(std int, value string) (string, error) {
	var sign, hh, mm, ss string
	switch std {
	case stdISO8601ColonTZ, stdNumColonTZ: // -07:00
		if len(value) < 6 || value[3] != ':' {
			return value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], "00", value[6:]
	case stdNumShortTZ, stdISO8601ShortTZ: // -07
		if len(value) < 3 {
			return value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], "00", "00", value[3:]
	case stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ: // -07:00:00
		if len(value) < 9 || value[3] != ':' || value[6] != ':' {
			return value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], value[7:9], value[9:]
	case stdISO8601SecondsTZ, stdNumSecondsTz: // -070000
		if len(value) < 7 {
			return value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], value[5:7], value[7:]
	default: // -0700
		if len(value) < 5 {
			return value, errBad
		}
		sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], "00", value[5:]
	}
	h, _, err := getnum(hh, true)
	var m, s int
	if err == nil {
		m, _, err = getnum(mm, true)
	}
	if err == nil {
		s, _, err = getnum(ss, true)
	}
	// Offsets of 24 hours, or 60 minutes or seconds, are accepted.
	if h > 24 {
		p.rangeErr = "time zone offset hour"
	}
	if m > 60 {
		p.rangeErr = "time zone offset minute"
	}
	if s > 60 {
		p.rangeErr = "time zone offset second"
	}
	p.zoneOffset = (h*60+m)*60 + s
	switch sign[0] {
	case '+':
	case '-':
		p.zoneOffset = -p.zoneOffset
	default:
		err = errBad
	}
	return value, err
}

// parseDurationError describes a problem parsing a duration string.
type parseDurationError struct {
	message string
	value   string
}

func (e *parseDurationError) Error() string {
	return "time: " + e.message + " " + quote(e.value)
}

// unitNanos returns the length in nanoseconds of a duration unit.
func unitNanos(u string) (uint64, bool) {
	switch u {
	case "ns":
		return uint64(Nanosecond), true
	case "us", "µs", "μs": // micro sign, Greek mu
		return uint64(Microsecond), true
	case "ms":
		return uint64(Millisecond), true
	case "s":
		return uint64(Second), true
	case "m":
		return uint64(Minute), true
	case "h":
		return uint64(Hour), true
	}
	return 0, false
}

// leadingFraction consumes the leading decimal digits of s as a fraction:
// x / scale. Digits beyond what a uint64 holds are dropped.
func leadingFraction(s string) (x uint64, scale float64, rem string) {
	i := 0
	scale = 1
	overflow := false
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if overflow {
			continue
		}
		if x > (1<<63-1)/10 {
			overflow = true
			continue
		}
		y := x*10 + uint64(c) - '0'
		if y > 1<<63 {
			overflow = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
}

// ParseDuration parses a duration string: a possibly signed sequence of
// decimal numbers, each with optional fraction and a unit suffix, such as
// "300ms", "-1.5h" or "2h45m". Valid time units are "ns", "us" (or "µs"),
// "ms", "s", "m", "h".
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, &parseDurationError{"invalid duration", orig}
	}
	for s != "" {
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, &parseDurationError{"invalid duration", orig}
		}
		// The integer part, then an optional fraction.
		n := len(s)
		v, rest, err := leadingInt(s)
		if err != nil {
			return 0, &parseDurationError{"invalid duration", orig}
		}
		s = rest
		pre := n != len(s)
		var f uint64
		scale := 1.0
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			n := len(s)
			f, scale, s = leadingFraction(s)
			post = n != len(s)
		}
		if !pre && !post {
			return 0, &parseDurationError{"invalid duration", orig}
		}
		// The unit: everything up to the next number.
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, &parseDurationError{"missing unit in duration", orig}
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitNanos(u)
		if !ok {
			return 0, &parseDurationError{"unknown unit " + quote(u) + " in duration", orig}
		}
		if v > 1<<63/unit {
			return 0, &parseDurationError{"invalid duration", orig}
		}
		v *= unit
		if f > 0 {
			// In floating point: exact to the nanosecond even for hours.
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, &parseDurationError{"invalid duration", orig}
			}
		}
		d += v
		if d > 1<<63 {
			return 0, &parseDurationError{"invalid duration", orig}
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, &parseDurationError{"invalid duration", orig}
	}
	return Duration(d), nil
}
