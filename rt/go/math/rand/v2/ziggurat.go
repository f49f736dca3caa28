package rand

import (
	"math"
	"sync"
)

// NormFloat64 and ExpFloat64 use the ziggurat method (Marsaglia & Tsang,
// "The Ziggurat Method for Generating Random Variables", 2000): 128 boxes
// for the normal distribution, 256 for the exponential. The tables are
// computed on first use by the paper's set-up procedure, in float64 and
// then rounded to float32, which gives exactly gc's tables.

const (
	rn = 3.442619855899       // start of the normal tail
	vn = 9.91256303526217e-3  // area of each normal box
	re = 7.69711747013104972  // start of the exponential tail
	ve = 3.949659822581572e-3 // area of each exponential box
)

var (
	zigOnce sync.Once
	kn      [128]uint32
	wn, fn  [128]float32
	ke      [256]uint32
	we, fe  [256]float32
)

func zigSetup() {
	const m1 = 1 << 31
	dn, tn := rn, rn
	q := vn / math.Exp(-.5*dn*dn)
	kn[0] = uint32((dn / q) * m1)
	kn[1] = 0
	wn[0] = float32(q / m1)
	wn[127] = float32(dn / m1)
	fn[0] = 1
	fn[127] = float32(math.Exp(-.5 * dn * dn))
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * math.Log(vn/dn+math.Exp(-.5*dn*dn)))
		kn[i+1] = uint32((dn / tn) * m1)
		tn = dn
		fn[i] = float32(math.Exp(-.5 * dn * dn))
		wn[i] = float32(dn / m1)
	}

	const m2 = 1 << 32
	de, te := re, re
	q = ve / math.Exp(-de)
	ke[0] = uint32((de / q) * m2)
	ke[1] = 0
	we[0] = float32(q / m2)
	we[255] = float32(de / m2)
	fe[0] = 1
	fe[255] = float32(math.Exp(-de))
	for i := 254; i >= 1; i-- {
		de = -math.Log(ve/de + math.Exp(-de))
		ke[i+1] = uint32((de / te) * m2)
		te = de
		fe[i] = float32(math.Exp(-de))
		we[i] = float32(de / m2)
	}
}

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}

// NormFloat64 returns a normally distributed float64 in the range
// -math.MaxFloat64 through +math.MaxFloat64 inclusive, with standard
// normal distribution (mean = 0, stddev = 1).
func (r *Rand) NormFloat64() float64 {
	zigOnce.Do(zigSetup)
	for {
		u := r.Uint64()
		j := int32(u) // the sign is the result's
		i := u >> 32 & 0x7F
		x := float64(j) * float64(wn[i])
		if absInt32(j) < kn[i] {
			// Inside the box's rectangle.
			return x
		}
		if i == 0 {
			// The tail beyond rn, by Marsaglia's method.
			for {
				x = -math.Log(r.Float64()) * (1.0 / rn)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		if fn[i]+float32(r.Float64())*(fn[i-1]-fn[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 in the range (0,
// +math.MaxFloat64] with an exponential distribution whose rate parameter
// (lambda) is 1 and whose mean is 1/lambda (1).
func (r *Rand) ExpFloat64() float64 {
	zigOnce.Do(zigSetup)
	for {
		u := r.Uint64()
		j := uint32(u)
		i := uint8(u >> 32)
		x := float64(j) * float64(we[i])
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return re - math.Log(r.Float64())
		}
		if fe[i]+float32(r.Float64())*(fe[i-1]-fe[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}
