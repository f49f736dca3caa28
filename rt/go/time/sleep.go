package time

//rgo:extern rgo_gosleep
func sleep(ns int64)

// Sleep pauses the current goroutine for at least the duration d. A
// negative or zero duration causes Sleep to return immediately.
func Sleep(d Duration) {
	sleep(int64(d))
}
