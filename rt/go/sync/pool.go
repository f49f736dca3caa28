package sync

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. Items come back in gc's order for one goroutine: the first
// item Put into an empty pool (gc's per-P private slot), then the others,
// most recent first. As in gc, a collection moves the pool's items to a
// victim cache and the next one drops them, so an item survives at most
// two collections unused (rgo applies the collections when the pool is
// next used, comparing cycle counts). gc keeps a pool per P, so there a
// goroutine that moved to another P may miss items; here it never does.
type Pool struct {
	noCopy noCopy

	mu      Mutex
	private any
	shared  []any
	// The victim cache: what the pool held before the last collection.
	victimPrivate any
	victim        []any
	cycle         uint32

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

//rgo:extern rgo_gc_cycles
func gcCycles() uint32

// age applies the collections since the pool was last used. p.mu is held.
func (p *Pool) age() {
	now := gcCycles()
	switch now - p.cycle {
	case 0:
		return
	case 1:
		clear(p.victim)
		p.victimPrivate, p.victim = p.private, p.shared
	default:
		clear(p.victim)
		clear(p.shared)
		p.victimPrivate, p.victim = nil, nil
	}
	p.private, p.shared = nil, nil
	p.cycle = now
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.age()
	if p.private == nil {
		p.private = x
	} else {
		p.shared = append(p.shared, x)
	}
	p.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller. If Get would otherwise return nil and
// p.New is non-nil, Get returns the result of calling p.New.
func (p *Pool) Get() any {
	p.mu.Lock()
	p.age()
	x := p.take()
	p.mu.Unlock()
	if x == nil && p.New != nil {
		return p.New()
	}
	return x
}

// take removes the next item (nil if none): the private one, the newest
// shared one, then from the victim cache the private one and the oldest.
func (p *Pool) take() any {
	if x := p.private; x != nil {
		p.private = nil
		return x
	}
	if n := len(p.shared); n > 0 {
		x := p.shared[n-1]
		p.shared[n-1] = nil
		p.shared = p.shared[:n-1]
		return x
	}
	if x := p.victimPrivate; x != nil {
		p.victimPrivate = nil
		return x
	}
	if len(p.victim) > 0 {
		x := p.victim[0]
		p.victim[0] = nil
		p.victim = p.victim[1:]
		return x
	}
	return nil
}
