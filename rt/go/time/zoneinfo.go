package time

import (
	"errors"
	"sync"
	"syscall"
)

// A Location maps time instants to the zone in use at that time.
// Typically, the Location represents the collection of time offsets in use
// in a geographical area.
type Location struct {
	name string
	zone []zone
	tx   []zoneTrans

	// extend is a POSIX TZ string (as in the footer of a TZif file) that
	// describes the zones after the last transition.
	extend string

	// The zone of the most recent lookups, valid in [cacheStart,
	// cacheEnd).
	cacheStart int64
	cacheEnd   int64
	cacheZone  *zone
}

// A zone represents a single time zone such as CET.
type zone struct {
	name   string
	offset int // seconds east of UTC
	isDST  bool
}

// A zoneTrans represents a single time zone transition.
type zoneTrans struct {
	when         int64 // transition time, in seconds since 1970 GMT
	index        uint8 // the index of the zone that goes into effect then
	isstd, isutc bool  // ignored
}

// alpha and omega are the beginning and end of time for zone transitions.
const (
	alpha = -1 << 63
	omega = 1<<63 - 1
)

// UTC represents Universal Coordinated Time (UTC).
var UTC *Location = &utcLoc

var utcLoc = Location{name: "UTC"}

// Local represents the system's local time zone (from $TZ, else
// /etc/localtime).
var Local *Location = &localLoc

var localLoc Location
var localOnce sync.Once

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	if l == &localLoc {
		localOnce.Do(initLocal)
	}
	return l
}

// String returns a descriptive name for the time zone information,
// corresponding to the name argument to LoadLocation or FixedZone.
func (l *Location) String() string {
	return l.get().name
}

var unnamedFixedZones []*Location
var unnamedFixedZonesOnce sync.Once

// FixedZone returns a Location that always uses the given zone name and
// offset (seconds east of UTC).
func FixedZone(name string, offset int) *Location {
	// Most calls to FixedZone have an unnamed zone with an offset by the
	// hour: share those.
	const hoursBeforeUTC, hoursAfterUTC = 12, 14
	hour := offset / 60 / 60
	if name == "" && -hoursBeforeUTC <= hour && hour <= +hoursAfterUTC && hour*60*60 == offset {
		unnamedFixedZonesOnce.Do(func() {
			unnamedFixedZones = make([]*Location, hoursBeforeUTC+1+hoursAfterUTC)
			for hr := -hoursBeforeUTC; hr <= +hoursAfterUTC; hr++ {
				unnamedFixedZones[hr+hoursBeforeUTC] = fixedZone("", hr*60*60)
			}
		})
		return unnamedFixedZones[hour+hoursBeforeUTC]
	}
	return fixedZone(name, offset)
}

func fixedZone(name string, offset int) *Location {
	l := &Location{
		name:       name,
		zone:       []zone{{name, offset, false}},
		tx:         []zoneTrans{{alpha, 0, false, false}},
		cacheStart: alpha,
		cacheEnd:   omega,
	}
	l.cacheZone = &l.zone[0]
	return l
}

// lookup returns information about the time zone in use at an instant in
// time expressed as seconds since January 1, 1970 00:00:00 UTC: the zone's
// abbreviation, offset and DST flag, and the period [start, end) in which
// it applies.
func (l *Location) lookup(sec int64) (name string, offset int, start, end int64, isDST bool) {
	l = l.get()

	if len(l.zone) == 0 {
		return "UTC", 0, alpha, omega, false
	}

	if zone := l.cacheZone; zone != nil && l.cacheStart <= sec && sec < l.cacheEnd {
		return zone.name, zone.offset, l.cacheStart, l.cacheEnd, zone.isDST
	}

	if len(l.tx) == 0 || sec < l.tx[0].when {
		zone := &l.zone[l.lookupFirstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return zone.name, zone.offset, alpha, end, zone.isDST
	}

	// Binary search for the last transition at or before sec.
	tx := l.tx
	end = omega
	lo, hi := 0, len(tx)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if sec < tx[m].when {
			end = tx[m].when
			hi = m
		} else {
			lo = m
		}
	}
	zone := &l.zone[tx[lo].index]
	name, offset, start, isDST = zone.name, zone.offset, tx[lo].when, zone.isDST

	// After the last transition, the TZ rule string takes over.
	if lo == len(tx)-1 && l.extend != "" {
		if ename, eoffset, estart, eend, eisDST, ok := tzset(l.extend, start, sec); ok {
			return ename, eoffset, estart, eend, eisDST
		}
	}
	return name, offset, start, end, isDST
}

// lookupFirstZone returns the index of the zone to use for times before
// the first transition: the first non-DST zone that a transition goes to
// first, else the first non-DST zone, else zone 0.
func (l *Location) lookupFirstZone() int {
	if !l.firstZoneUsed() {
		return 0
	}
	if len(l.tx) > 0 && l.zone[l.tx[0].index].isDST {
		for zi := int(l.tx[0].index) - 1; zi >= 0; zi-- {
			if !l.zone[zi].isDST {
				return zi
			}
		}
	}
	for zi := range l.zone {
		if !l.zone[zi].isDST {
			return zi
		}
	}
	return 0
}

// firstZoneUsed reports whether the first zone is used by some
// transition.
func (l *Location) firstZoneUsed() bool {
	for _, tx := range l.tx {
		if tx.index == 0 {
			return true
		}
	}
	return false
}

// lookupName returns the offset of the zone with the given abbreviation,
// preferring the one in effect around unix time unix.
func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	for i := range l.zone {
		zone := &l.zone[i]
		if zone.name == name {
			nam, offset, _, _, _ := l.lookup(unix - int64(zone.offset))
			if nam == zone.name {
				return offset, true
			}
		}
	}
	for i := range l.zone {
		zone := &l.zone[i]
		if zone.name == name {
			return zone.offset, true
		}
	}
	return
}

var errLocation = errors.New("time: invalid location name")

var zoneSources = []string{
	"/usr/share/zoneinfo/",
	"/usr/share/lib/zoneinfo/",
	"/usr/lib/locale/TZ/",
	"/etc/zoneinfo/",
}

// LoadLocation returns the Location with the given name: "" or "UTC"
// returns UTC, "Local" returns Local, otherwise the name is taken to be a
// location in the IANA Time Zone database, such as "America/New_York",
// looked up in $ZONEINFO and then the system's zoneinfo directories.
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errLocation
	}
	if zoneinfo, ok := syscall.Getenv("ZONEINFO"); ok && zoneinfo != "" {
		if z, err := loadLocation(name, []string{zoneinfo + "/"}); err == nil {
			return z, nil
		}
	}
	return loadLocation(name, zoneSources)
}

func containsDotDot(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// loadLocation reads the TZif file name from the first directory of dirs
// that has it.
func loadLocation(name string, dirs []string) (*Location, error) {
	for _, dir := range dirs {
		data, err := readFile(dir + name)
		if err != nil {
			continue
		}
		if l, err := LoadLocationFromTZData(name, data); err == nil {
			return l, nil
		}
	}
	return nil, errors.New("unknown time zone " + name)
}

// initLocal sets up the local zone from $TZ: unset means /etc/localtime
// (named "Local"), empty or unknown means UTC.
func initLocal() {
	tz, ok := syscall.Getenv("TZ")
	switch {
	case !ok:
		if z, err := loadLocation("localtime", []string{"/etc/"}); err == nil {
			localLoc = *z
			localLoc.name = "Local"
			return
		}
	case tz != "":
		if tz[0] == ':' {
			tz = tz[1:]
		}
		if tz != "" && tz[0] == '/' {
			if z, err := loadLocation(tz, []string{""}); err == nil {
				localLoc = *z
				if tz == "/etc/localtime" {
					localLoc.name = "Local"
				} else {
					localLoc.name = tz
				}
				return
			}
		} else if tz != "" && tz != "UTC" {
			if z, err := LoadLocation(tz); err == nil {
				localLoc = *z
				return
			}
		}
	}
	localLoc.name = "UTC"
}

// readFile reads a whole file (up to 10 MB, more than any zoneinfo file).
func readFile(name string) ([]byte, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var buf [4096]byte
	var data []byte
	for {
		n, err := syscall.Read(fd, buf[:])
		if n > 0 {
			data = append(data, buf[:n]...)
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return data, nil
		}
		if len(data) > 10<<20 {
			return nil, errors.New("time: file " + name + " is too large")
		}
	}
}

var errBadData = errors.New("malformed time zone information")

// tzReader reads big-endian fields of a TZif file.
type tzReader struct {
	p     []byte
	error bool
}

func (d *tzReader) read(n int) []byte {
	if len(d.p) < n {
		d.p = nil
		d.error = true
		return nil
	}
	p := d.p[0:n]
	d.p = d.p[n:]
	return p
}

func (d *tzReader) big4() (uint32, bool) {
	p := d.read(4)
	if len(p) < 4 {
		d.error = true
		return 0, false
	}
	return uint32(p[3]) | uint32(p[2])<<8 | uint32(p[1])<<16 | uint32(p[0])<<24, true
}

func (d *tzReader) big8() (uint64, bool) {
	n1, ok1 := d.big4()
	n2, ok2 := d.big4()
	if !ok1 || !ok2 {
		d.error = true
		return 0, false
	}
	return uint64(n1)<<32 | uint64(n2), true
}

func (d *tzReader) byte() (uint8, bool) {
	p := d.read(1)
	if len(p) < 1 {
		d.error = true
		return 0, false
	}
	return p[0], true
}

// LoadLocationFromTZData returns a Location with the given name
// initialized from the IANA Time Zone database-formatted (TZif) data.
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	d := tzReader{p: data}

	if magic := d.read(4); string(magic) != "TZif" {
		return nil, errBadData
	}
	var version int
	var p []byte
	if p = d.read(16); len(p) != 16 {
		return nil, errBadData
	} else {
		switch p[0] {
		case 0:
			version = 1
		case '2':
			version = 2
		case '3':
			version = 3
		default:
			return nil, errBadData
		}
	}

	// The header counts: UTC/local indicators, standard/wall indicators,
	// leap seconds, transitions, zones, abbreviation bytes.
	const (
		NUTCLocal = iota
		NStdWall
		NLeap
		NTime
		NZone
		NChar
	)
	var n [6]int
	for i := 0; i < 6; i++ {
		nn, ok := d.big4()
		if !ok {
			return nil, errBadData
		}
		if uint32(int(nn)) != nn {
			return nil, errBadData
		}
		n[i] = int(nn)
	}

	// Version 2+ files repeat the data with 64-bit times after the 32-bit
	// block: skip to it.
	is64 := false
	if version > 1 {
		skip := n[NTime]*4 + n[NTime] + n[NZone]*6 + n[NChar] + n[NLeap]*4*2 + n[NStdWall] + n[NUTCLocal]
		skip += 4 + 16
		d.read(skip)
		is64 = true
		for i := 0; i < 6; i++ {
			nn, ok := d.big4()
			if !ok {
				return nil, errBadData
			}
			if uint32(int(nn)) != nn {
				return nil, errBadData
			}
			n[i] = int(nn)
		}
	}

	size := 4
	if is64 {
		size = 8
	}

	txtimes := tzReader{p: d.read(n[NTime] * size)}
	txzones := d.read(n[NTime])
	zonedata := tzReader{p: d.read(n[NZone] * 6)}
	abbrev := d.read(n[NChar])
	d.read(n[NLeap] * (size + 4))
	isstd := d.read(n[NStdWall])
	isutc := d.read(n[NUTCLocal])
	if d.error {
		return nil, errBadData
	}

	var extend string
	rest := d.p
	if len(rest) > 2 && rest[0] == '\n' && rest[len(rest)-1] == '\n' {
		extend = string(rest[1 : len(rest)-1])
	}

	nzone := n[NZone]
	if nzone == 0 {
		// A location with no zones is invalid.
		return nil, errBadData
	}
	zones := make([]zone, nzone)
	for i := range zones {
		var ok bool
		var n uint32
		if n, ok = zonedata.big4(); !ok {
			return nil, errBadData
		}
		if uint32(int(n)) != n {
			return nil, errBadData
		}
		zones[i].offset = int(int32(n))
		var b byte
		if b, ok = zonedata.byte(); !ok {
			return nil, errBadData
		}
		zones[i].isDST = b != 0
		if b, ok = zonedata.byte(); !ok || int(b) >= len(abbrev) {
			return nil, errBadData
		}
		zones[i].name = byteString(abbrev[b:])
	}

	tx := make([]zoneTrans, n[NTime])
	for i := range tx {
		var n int64
		if !is64 {
			n4, ok := txtimes.big4()
			if !ok {
				return nil, errBadData
			}
			n = int64(int32(n4))
		} else {
			n8, ok := txtimes.big8()
			if !ok {
				return nil, errBadData
			}
			n = int64(n8)
		}
		tx[i].when = n
		if int(txzones[i]) >= len(zones) {
			return nil, errBadData
		}
		tx[i].index = txzones[i]
		if i < len(isstd) {
			tx[i].isstd = isstd[i] != 0
		}
		if i < len(isutc) {
			tx[i].isutc = isutc[i] != 0
		}
	}

	if len(tx) == 0 {
		// Build a fake transition to cover all time; this happens in fixed
		// locations like "Etc/GMT0".
		tx = append(tx, zoneTrans{when: alpha, index: 0})
	}

	l := &Location{zone: zones, tx: tx, name: name, extend: extend}

	// Fill in the cache with information about right now, since that will
	// be the most common lookup.
	var w [2]int64
	walltime(&w)
	sec := w[0]
	for i := range tx {
		if tx[i].when <= sec && (i+1 == len(tx) || sec < tx[i+1].when) {
			l.cacheStart = tx[i].when
			l.cacheEnd = omega
			l.cacheZone = &l.zone[tx[i].index]
			if i+1 < len(tx) {
				l.cacheEnd = tx[i+1].when
			} else if l.extend != "" {
				// If we're at the end of the known zone transitions, try
				// the extend string.
				if name, offset, estart, eend, isDST, ok := tzset(l.extend, l.cacheStart, sec); ok {
					l.cacheStart = estart
					l.cacheEnd = eend
					// Find the zone that is returned by tzset to avoid
					// allocation if possible.
					if zoneIdx := findZone(l.zone, name, offset, isDST); zoneIdx != -1 {
						l.cacheZone = &l.zone[zoneIdx]
					} else {
						l.cacheZone = &zone{name: name, offset: offset, isDST: isDST}
					}
				}
			}
			break
		}
	}

	return l, nil
}

func findZone(zones []zone, name string, offset int, isDST bool) int {
	for i, z := range zones {
		if z.name == name && z.offset == offset && z.isDST == isDST {
			return i
		}
	}
	return -1
}

// byteString returns the string up to the first NUL in p.
func byteString(p []byte) string {
	for i := 0; i < len(p); i++ {
		if p[i] == 0 {
			return string(p[0:i])
		}
	}
	return string(p)
}
