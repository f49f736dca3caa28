// Package time provides functionality for measuring and displaying time
// (rgo overlay: durations, the monotonic and wall clocks, Sleep; no time
// zones or calendar formatting yet).
package time

//rgo:extern rgo_nanotime
func nanotime() int64

//rgo:extern rgo_walltime
func walltime(out *[2]int64)

//rgo:extern rgo_sleep
func sleep(ns int64)

// A Duration represents the elapsed time between two instants as an int64
// nanosecond count.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func utoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

// frac formats v / 10^prec, leaving out the fraction's trailing zeros (and
// the point when nothing remains of it).
func frac(v uint64, prec int) string {
	p := uint64(1)
	for i := 0; i < prec; i++ {
		p *= 10
	}
	ip, fp := v/p, v%p
	if fp == 0 {
		return utoa(ip)
	}
	digits := make([]byte, prec)
	for i := prec - 1; i >= 0; i-- {
		digits[i] = byte('0' + fp%10)
		fp /= 10
	}
	n := prec
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	return utoa(ip) + "." + string(digits[:n])
}

// String returns a string representing the duration in the form "72h3m0.5s".
// Leading zero units are omitted. Durations less than one second use a
// smaller unit (milli-, micro-, or nanoseconds) so the leading digit is
// non-zero. The zero duration formats as 0s.
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var s string
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			s = utoa(u) + "ns"
		case u < uint64(Millisecond):
			s = frac(u, 3) + "µs"
		default:
			s = frac(u, 6) + "ms"
		}
	} else {
		s = frac(u%uint64(Minute), 9) + "s"
		m := u / uint64(Minute)
		if m > 0 {
			s = utoa(m%60) + "m" + s
			if h := m / 60; h > 0 {
				s = utoa(h) + "h" + s
			}
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m.
// If m <= 0, Truncate returns d unchanged.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// lessThanHalf reports whether x+x < y but avoids overflow, assuming x and
// y are both positive (Duration is signed).
func lessThanHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}

// Round returns the result of rounding d to the nearest multiple of m.
// Halfway values round away from zero. If the result exceeds the maximum
// (or minimum) value that can be stored in a Duration, Round returns the
// maximum (or minimum) duration. If m <= 0, Round returns d unchanged.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns the absolute value of d. As a special case, the minimum
// Duration is converted to the maximum.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// A Time represents an instant in time with nanosecond precision: wall
// clock seconds and nanoseconds since the Unix epoch, plus a monotonic
// clock reading when it came from Now.
type Time struct {
	sec     int64
	nsec    int64
	mono    int64
	hasMono bool
}

// Now returns the current local time.
func Now() Time {
	var w [2]int64
	walltime(&w)
	return Time{sec: w[0], nsec: w[1], mono: nanotime(), hasMono: true}
}

// Unix returns the local Time corresponding to the given Unix time, sec
// seconds and nsec nanoseconds since January 1, 1970 UTC.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec, nsec: nsec}
}

// UnixMilli returns the local Time corresponding to the given Unix time,
// msec milliseconds since January 1, 1970 UTC.
func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

// Since returns the time elapsed since t.
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t.
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Sub returns the duration t-u, saturating at the minimum and maximum
// Durations. Monotonic readings are used when both times have one.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		return subMono(t.mono, u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

func subMono(t, u int64) Duration {
	d := Duration(t - u)
	if d < 0 && t > u {
		return maxDuration
	}
	if d > 0 && t < u {
		return minDuration
	}
	return d
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	r := Time{sec: t.sec + dsec, nsec: nsec, mono: t.mono, hasMono: t.hasMono}
	if t.hasMono {
		r.mono = t.mono + int64(d)
	}
	return r
}

// After reports whether the time instant t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether the time instant t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u represent the same time instant.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Compare compares the time instant t with u: -1, 0 or +1.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

// IsZero reports whether t represents the zero time instant (here: the
// zero Time value).
func (t Time) IsZero() bool {
	return t.sec == 0 && t.nsec == 0 && !t.hasMono
}

// Unix returns t as a Unix time, the number of seconds elapsed since
// January 1, 1970 UTC.
func (t Time) Unix() int64 { return t.sec }

// UnixMilli returns t as a Unix time in milliseconds.
func (t Time) UnixMilli() int64 { return t.sec*1e3 + t.nsec/1e6 }

// UnixMicro returns t as a Unix time in microseconds.
func (t Time) UnixMicro() int64 { return t.sec*1e6 + t.nsec/1e3 }

// UnixNano returns t as a Unix time in nanoseconds.
func (t Time) UnixNano() int64 { return t.sec*1e9 + t.nsec }

// Nanosecond returns the nanosecond offset within the second specified by
// t, in the range [0, 999999999].
func (t Time) Nanosecond() int { return int(t.nsec) }

// Sleep pauses the current goroutine for at least the duration d. A
// negative or zero duration causes Sleep to return immediately.
func Sleep(d Duration) {
	sleep(int64(d))
}
