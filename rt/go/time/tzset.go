package time

// POSIX TZ rule strings, such as "EST5EDT,M3.2.0,M11.1.0": the zones in
// effect after a TZif file's last transition.

// tzset returns the zone in effect at unix time sec according to the TZ
// rule string s, with the period around sec during which it applies. The
// period is exact near a transition and otherwise the calendar year (of
// 365 days). lastTxSec is the last transition of the file.
func tzset(s string, lastTxSec, sec int64) (name string, offset int, start, end int64, isDST, ok bool) {
	var (
		stdName, dstName     string
		stdOffset, dstOffset int
	)

	stdName, s, ok = tzsetName(s)
	if ok {
		stdOffset, s, ok = tzsetOffset(s)
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}
	// POSIX offsets count hours west of UTC.
	stdOffset = -stdOffset

	if len(s) == 0 || s[0] == ',' {
		// No daylight savings time.
		return stdName, stdOffset, lastTxSec, omega, false, true
	}

	dstName, s, ok = tzsetName(s)
	if ok {
		if len(s) == 0 || s[0] == ',' {
			dstOffset = stdOffset + secondsPerHour
		} else {
			dstOffset, s, ok = tzsetOffset(s)
			dstOffset = -dstOffset
		}
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}

	if len(s) == 0 {
		// The default DST rules per POSIX (the US rules).
		s = ",M3.2.0,M11.1.0"
	}
	if s[0] != ',' && s[0] != ';' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]

	var startRule, endRule rule
	startRule, s, ok = tzsetRule(s)
	if !ok || len(s) == 0 || s[0] != ',' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]
	endRule, s, ok = tzsetRule(s)
	if !ok || len(s) > 0 {
		return "", 0, 0, 0, false, false
	}

	// The year of sec (in UTC), the second within it, and its start.
	days, sod := floorDiv(sec, secondsPerDay)
	y, _, _ := civilFromDays(days)
	year := int(y)
	jan1 := daysFromCivil(y, 1, 1)
	ysec := (days-jan1)*secondsPerDay + sod
	abs := jan1 * secondsPerDay

	startSec := int64(tzruleTime(year, startRule, stdOffset))
	endSec := int64(tzruleTime(year, endRule, dstOffset))
	dstIsDST, stdIsDST := true, false
	// In the southern hemisphere daylight saving time spans the new year:
	// swap the roles.
	if endSec < startSec {
		startSec, endSec = endSec, startSec
		stdName, dstName = dstName, stdName
		stdOffset, dstOffset = dstOffset, stdOffset
		stdIsDST, dstIsDST = dstIsDST, stdIsDST
	}

	switch {
	case ysec < startSec:
		return stdName, stdOffset, abs, startSec + abs, stdIsDST, true
	case ysec >= endSec:
		return stdName, stdOffset, endSec + abs, abs + 365*secondsPerDay, stdIsDST, true
	default:
		return dstName, dstOffset, startSec + abs, endSec + abs, dstIsDST, true
	}
}

// tzsetName returns the zone abbreviation at the start of s: alphabetic,
// at least three letters, or anything quoted in <>.
func tzsetName(s string) (string, string, bool) {
	if len(s) == 0 {
		return "", "", false
	}
	if s[0] != '<' {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case '0' <= c && c <= '9', c == ',', c == '-', c == '+':
				if i < 3 {
					return "", "", false
				}
				return s[:i], s[i:], true
			}
		}
		if len(s) < 3 {
			return "", "", false
		}
		return s, "", true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '>' {
			return s[1:i], s[i+1:], true
		}
	}
	return "", "", false
}

// tzsetOffset parses [+-]hh[:mm[:ss]] at the start of s, in seconds.
func tzsetOffset(s string) (offset int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		s = s[1:]
		neg = true
	}

	var hours int
	hours, s, ok = tzsetNum(s, 0, 24*7)
	if !ok {
		return 0, "", false
	}
	off := hours * secondsPerHour
	if len(s) > 0 && s[0] == ':' {
		var mins int
		mins, s, ok = tzsetNum(s[1:], 0, 59)
		if !ok {
			return 0, "", false
		}
		off += mins * secondsPerMinute
		if len(s) > 0 && s[0] == ':' {
			var secs int
			secs, s, ok = tzsetNum(s[1:], 0, 59)
			if !ok {
				return 0, "", false
			}
			off += secs
		}
	}
	if neg {
		off = -off
	}
	return off, s, true
}

// ruleKind is the form of a TZ transition rule.
type ruleKind int

const (
	ruleJulian       ruleKind = iota // Jn: day 1..365, February 29 never counted
	ruleDOY                          // n: day 0..365
	ruleMonthWeekDay                 // Mm.w.d: day d (0 = Sunday) of week w (5 = last) of month m
)

// A rule is a transition rule with its time of day (seconds, local).
type rule struct {
	kind ruleKind
	day  int
	week int
	mon  int
	time int
}

// tzsetRule parses a rule from the start of s.
func tzsetRule(s string) (rule, string, bool) {
	var r rule
	if len(s) == 0 {
		return rule{}, "", false
	}
	ok := false
	switch {
	case s[0] == 'J':
		var jday int
		jday, s, ok = tzsetNum(s[1:], 1, 365)
		if !ok {
			return rule{}, "", false
		}
		r.kind = ruleJulian
		r.day = jday
	case s[0] == 'M':
		var mon int
		mon, s, ok = tzsetNum(s[1:], 1, 12)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		var week int
		week, s, ok = tzsetNum(s[1:], 1, 5)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		var day int
		day, s, ok = tzsetNum(s[1:], 0, 6)
		if !ok {
			return rule{}, "", false
		}
		r.kind = ruleMonthWeekDay
		r.day = day
		r.week = week
		r.mon = mon
	default:
		var day int
		day, s, ok = tzsetNum(s, 0, 365)
		if !ok {
			return rule{}, "", false
		}
		r.kind = ruleDOY
		r.day = day
	}

	if len(s) == 0 || s[0] != '/' {
		r.time = 2 * secondsPerHour // 2am is the default
		return r, s, true
	}

	offset, s, ok := tzsetOffset(s[1:])
	if !ok {
		return rule{}, "", false
	}
	r.time = offset
	return r, s, true
}

// tzsetNum parses a decimal number in [min, max] at the start of s.
func tzsetNum(s string, min, max int) (num int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	num = 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			if i == 0 || num < min {
				return 0, "", false
			}
			return num, s[i:], true
		}
		num *= 10
		num += int(c) - '0'
		if num > max {
			return 0, "", false
		}
	}
	if num < min {
		return 0, "", false
	}
	return num, "", true
}

// tzruleTime returns the second of the year (UTC) at which rule r takes
// effect in year, for a zone whose offset before it is off.
func tzruleTime(year int, r rule, off int) int {
	var day int // day of the year, 0-based
	switch r.kind {
	case ruleJulian:
		day = r.day - 1
		if isLeap(year) && r.day >= 60 {
			day++
		}
	case ruleDOY:
		day = r.day
	case ruleMonthWeekDay:
		jan1 := daysFromCivil(int64(year), 1, 1)
		first := daysFromCivil(int64(year), r.mon, 1)
		// The first day d of the month falling on weekday r.day, then
		// week by week, staying inside the month.
		d := (r.day - int(weekday(first)) + 7) % 7
		n := daysIn(Month(r.mon), year)
		for i := 1; i < r.week && d+7 < n; i++ {
			d += 7
		}
		day = int(first-jan1) + d
	}
	return day*secondsPerDay + r.time - off
}

// daysIn returns the number of days in month m of year.
func daysIn(m Month, year int) int {
	switch m {
	case February:
		if isLeap(year) {
			return 29
		}
		return 28
	case April, June, September, November:
		return 30
	}
	return 31
}
