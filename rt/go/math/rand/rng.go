package rand

import "sync"

// rngSource is the additive lagged Fibonacci generator behind NewSource:
// each step adds the value 273 places back in a ring of 607 values (all
// arithmetic modulo 2^64), which is the recurrence
//
//	y[k] = y[k-273] + y[k-607].
//
// Seeding fills the ring from a multiplicative congruential generator and
// mixes in the "cooked" values: the state of the same generator, seeded
// with 1, after 7.8e12 steps.
type rngSource struct {
	tap  int           // index into vec
	feed int           // index into vec
	vec  [rngLen]int64 // current feedback register
}

const (
	rngLen   = 607
	rngTap   = 273
	rngMax   = 1 << 63
	rngMask  = rngMax - 1
	int32max = (1 << 31) - 1

	// cookSteps is how far the cooked state is from its seeding.
	cookSteps = 7_800_000_000_000
)

// seedrand computes x[n+1] = 48271 * x[n] mod (2**31 - 1), without
// overflow (Schrage's method).
func seedrand(x int32) int32 {
	const (
		A = 48271
		Q = 44488
		R = 3399
	)
	hi := x / Q
	lo := x % Q
	x = A*lo - R*hi
	if x < 0 {
		x += int32max
	}
	return x
}

var (
	cookOnce  sync.Once
	rngCooked [rngLen]int64
)

// ringPoly is a polynomial in x of degree < rngLen, modulo the
// generator's characteristic polynomial x^607 - x^334 - 1. The
// coefficient of x^j stands for y[j-606]: the polynomial x^(k+606) mod the
// characteristic polynomial gives y[k] as a combination of y[-606..0].
type ringPoly [rngLen]uint64

// mulMod returns a*b modulo the characteristic polynomial.
func mulMod(a, b *ringPoly) *ringPoly {
	var prod [2*rngLen - 1]uint64
	for i, ai := range a {
		if ai == 0 {
			continue
		}
		for j, bj := range b {
			prod[i+j] += ai * bj
		}
	}
	// Reduce, highest power first: x^n = x^(n-273) + x^(n-607).
	for n := len(prod) - 1; n >= rngLen; n-- {
		c := prod[n]
		prod[n-rngTap] += c
		prod[n-rngLen] += c
	}
	var r ringPoly
	copy(r[:], prod[:rngLen])
	return &r
}

// mulX returns a*x modulo the characteristic polynomial.
func mulX(a *ringPoly) *ringPoly {
	var r ringPoly
	top := a[rngLen-1]
	copy(r[1:], a[:rngLen-1])
	r[rngLen-rngTap] += top
	r[0] += top
	return &r
}

// cook computes rngCooked: the ring of a generator seeded with 1 (by the
// seeding below without cooked values, shifting 20 and 10 bits instead of
// 40 and 20) after cookSteps steps, by exponentiation rather than by
// running it.
func cook() {
	var start [rngLen]int64
	x := int32(1)
	for i := -20; i < rngLen; i++ {
		x = seedrand(x)
		if i >= 0 {
			u := int64(x) << 20
			x = seedrand(x)
			u ^= int64(x) << 10
			x = seedrand(x)
			u ^= int64(x)
			start[i] = u
		}
	}
	// Step k writes y[k] to ring position (334-k) mod 607; y[-606..0]
	// are the initial contents of positions (334-k) mod 607.
	pos := func(k int64) int {
		p := (rngLen - rngTap - k) % rngLen
		if p < 0 {
			p += rngLen
		}
		return int(p)
	}
	// p = x^cookSteps: y[cookSteps-606] in terms of y[-606..0].
	var one, base ringPoly
	one[0] = 1
	base[1] = 1
	p, b := &one, &base
	for e := uint64(cookSteps); e > 0; e >>= 1 {
		if e&1 == 1 {
			p = mulMod(p, b)
		}
		b = mulMod(b, b)
	}
	for m := int64(0); m < rngLen; m++ {
		var y uint64
		for j, c := range p {
			y += c * uint64(start[pos(int64(j)-606)])
		}
		rngCooked[pos(cookSteps-606+m)] = int64(y)
		p = mulX(p)
	}
}

// Seed uses the provided seed value to initialize the generator to a
// deterministic state.
func (rng *rngSource) Seed(seed int64) {
	cookOnce.Do(cook)
	rng.tap = 0
	rng.feed = rngLen - rngTap

	seed = seed % int32max
	if seed < 0 {
		seed += int32max
	}
	if seed == 0 {
		seed = 89482311
	}

	x := int32(seed)
	for i := -20; i < rngLen; i++ {
		x = seedrand(x)
		if i >= 0 {
			u := int64(x) << 40
			x = seedrand(x)
			u ^= int64(x) << 20
			x = seedrand(x)
			u ^= int64(x)
			u ^= rngCooked[i]
			rng.vec[i] = u
		}
	}
}

// Int63 returns a non-negative pseudo-random 63-bit integer as an int64.
func (rng *rngSource) Int63() int64 {
	return int64(rng.Uint64() & rngMask)
}

// Uint64 returns a non-negative pseudo-random 64-bit integer as a uint64.
func (rng *rngSource) Uint64() uint64 {
	rng.tap--
	if rng.tap < 0 {
		rng.tap += rngLen
	}
	rng.feed--
	if rng.feed < 0 {
		rng.feed += rngLen
	}
	x := rng.vec[rng.feed] + rng.vec[rng.tap]
	rng.vec[rng.feed] = x
	return uint64(x)
}
