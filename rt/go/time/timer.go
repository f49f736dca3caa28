package time

// Timers and tickers run on the runtime's timer heap (the scheduler's):
// when a timer fires, its function runs on the scheduler without blocking
// (a non-blocking send of the current time, or starting a goroutine).

//rgo:extern rgo_starttimer
func startTimer(delay int64, period int64, f func()) int64

//rgo:extern rgo_stoptimer
func stopTimer(id int64) bool

// markTimerChan makes len and cap of c report 0: as of Go 1.23 a timer's
// channel behaves as unbuffered (its one buffered value is an
// implementation detail that Stop and Reset discard).
//
//rgo:extern rgo_marktimerchan
func markTimerChan(c chan Time)

// The Timer type represents a single event. When the Timer expires, the
// current time will be sent on C, unless the Timer was created by
// AfterFunc.
type Timer struct {
	C  <-chan Time
	id int64
	f  func()
}

func sendTime(c chan Time) func() {
	return func() {
		select {
		case c <- Now():
		default:
		}
	}
}

// drain empties a timer's channel, so that no stale value is received
// after Stop or Reset; whether there was a value (a timer whose value
// was never received counts as not yet fired, as in Go 1.23).
func drain(c <-chan Time) bool {
	drained := false
	for {
		select {
		case <-c:
			drained = true
		default:
			return drained
		}
	}
}

// NewTimer creates a new Timer that will send the current time on its
// channel after at least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	markTimerChan(c)
	t := &Timer{C: c, f: sendTime(c)}
	t.id = startTimer(int64(d), 0, t.f)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops
// the timer, false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	active := stopTimer(t.id)
	if t.C != nil && drain(t.C) {
		active = true
	}
	return active
}

// Reset changes the timer to expire after duration d. It returns true if
// the timer had been active, false if the timer had expired or been
// stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	active := stopTimer(t.id)
	if t.C != nil && drain(t.C) {
		active = true
	}
	t.id = startTimer(int64(d), 0, t.f)
	return active
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own
// goroutine. It returns a Timer that can be used to cancel the call using
// its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: func() { go f() }}
	t.id = startTimer(int64(d), 0, t.f)
	return t
}

// A Ticker holds a channel that delivers “ticks” of a clock at intervals.
type Ticker struct {
	C  <-chan Time
	id int64
	f  func()
}

// NewTicker returns a new Ticker containing a channel that will send the
// current time on the channel after each tick. The period of the ticks is
// specified by the duration argument. The duration d must be greater than
// zero; if not, NewTicker will panic.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	markTimerChan(c)
	t := &Ticker{C: c, f: sendTime(c)}
	t.id = startTimer(int64(d), int64(d), t.f)
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	if t.f == nil {
		return
	}
	stopTimer(t.id)
	drain(t.C)
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.f == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	stopTimer(t.id)
	drain(t.C)
	t.id = startTimer(int64(d), int64(d), t.f)
}

// Tick is a convenience wrapper for NewTicker providing access to the
// ticking channel only.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
