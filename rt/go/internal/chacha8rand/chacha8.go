// Package chacha8rand implements a pseudorandom generator based on
// ChaCha8, as specified at https://c2sp.org/chacha8rand (rgo overlay: the
// block function in portable Go instead of gc's assembly).
//
// Each iteration takes a 32-byte seed as a ChaCha8 key with a zero nonce
// and runs 16 blocks (counters 0 to 15, four at a time); the constants and
// counter are not added back into their words, the output of each group of
// four blocks is interleaved word by word, and the last 32 bytes of the
// 1024 become the next seed while the other 992 are output.
package chacha8rand

const (
	ctrInc = 4  // the counter advances by 4 blocks per call of block
	ctrMax = 16 // and the seed is replaced when it reaches 16
	chunk  = 32 // uint64s produced by one call of block
	reseed = 4  // uint64s of a chunk that become the next seed
)

// State holds the state of one generator: a buffer of output, the seed
// and the counter of the iteration in progress.
type State struct {
	buf  [32]uint64
	seed [4]uint64
	i    uint32
	n    uint32
	c    uint32
}

// Next returns the next random value, along with a boolean indicating
// whether one was available. If one is not available, the caller should
// call Refill and then repeat the call to Next.
func (s *State) Next() (uint64, bool) {
	i := s.i
	if i >= s.n {
		return 0, false
	}
	s.i = i + 1
	return s.buf[i&31], true
}

// Init seeds the State with the given seed value.
func (s *State) Init(seed [32]byte) {
	s.Init64([4]uint64{le64(seed[0:]), le64(seed[8:]), le64(seed[16:]), le64(seed[24:])})
}

// Init64 seeds the state with the given seed value.
func (s *State) Init64(seed [4]uint64) {
	s.seed = seed
	block(&s.seed, &s.buf, 0)
	s.c = 0
	s.i = 0
	s.n = chunk
}

// Refill refills the state with more random values. After a call to
// Refill, an immediate call to Next will succeed (unless multiple
// goroutines are incorrectly sharing a state).
func (s *State) Refill() {
	s.c += ctrInc
	if s.c == ctrMax {
		// The end of an iteration: its last words are the next seed.
		copy(s.seed[:], s.buf[len(s.buf)-reseed:])
		s.c = 0
	}
	block(&s.seed, &s.buf, s.c)
	s.i = 0
	s.n = uint32(len(s.buf))
	if s.c == ctrMax-ctrInc {
		s.n = uint32(len(s.buf)) - reseed
	}
}

// Reseed reseeds the state with new random values. After a call to
// Reseed, any previously returned random values have been erased from the
// memory of the state and cannot be recovered.
func (s *State) Reseed() {
	var seed [4]uint64
	for i := range seed {
		for {
			x, ok := s.Next()
			if ok {
				seed[i] = x
				break
			}
			s.Refill()
		}
	}
	s.Init64(seed)
}

// Marshal marshals the state into a byte slice: "chacha8:", the number of
// values used in this iteration (big-endian), then the seed
// (little-endian).
func Marshal(s *State) []byte {
	data := make([]byte, 6*8)
	copy(data, "chacha8:")
	used := (s.c/ctrInc)*chunk + s.i
	putBE64(data[1*8:], uint64(used))
	for i, seed := range s.seed {
		putLE64(data[(2+i)*8:], seed)
	}
	return data
}

type errUnmarshalChaCha8 struct{}

func (*errUnmarshalChaCha8) Error() string {
	return "invalid ChaCha8 encoding"
}

// Unmarshal unmarshals the state from a byte slice.
func Unmarshal(s *State, data []byte) error {
	if len(data) != 6*8 || string(data[:8]) != "chacha8:" {
		return new(errUnmarshalChaCha8)
	}
	used := be64(data[1*8:])
	if used > (ctrMax/ctrInc)*chunk-reseed {
		return new(errUnmarshalChaCha8)
	}
	for i := range s.seed {
		s.seed[i] = le64(data[(2+i)*8:])
	}
	s.c = ctrInc * (uint32(used) / chunk)
	block(&s.seed, &s.buf, s.c)
	s.i = uint32(used) % chunk
	s.n = chunk
	if s.c == ctrMax-ctrInc {
		s.n = chunk - reseed
	}
	return nil
}

// The ChaCha constants "expand 32-byte k".
const (
	k0 = 0x61707865
	k1 = 0x3320646e
	k2 = 0x79622d32
	k3 = 0x6b206574
)

// block runs ChaCha8 on four blocks, counters counter to counter+3, with
// the key seed, and stores the 64 words of output interleaved (word w of
// block b at position 4*w+b, as 32-bit halves of buf's little-endian
// uint64s).
func block(seed *[4]uint64, buf *[32]uint64, counter uint32) {
	var key [8]uint32
	for i, s := range seed {
		key[2*i] = uint32(s)
		key[2*i+1] = uint32(s >> 32)
	}
	var out [16][4]uint32
	for b := uint32(0); b < 4; b++ {
		x := [16]uint32{
			k0, k1, k2, k3,
			key[0], key[1], key[2], key[3],
			key[4], key[5], key[6], key[7],
			counter + b, 0, 0, 0,
		}
		for round := 0; round < 4; round++ {
			// A column round, then a diagonal round.
			x[0], x[4], x[8], x[12] = qr(x[0], x[4], x[8], x[12])
			x[1], x[5], x[9], x[13] = qr(x[1], x[5], x[9], x[13])
			x[2], x[6], x[10], x[14] = qr(x[2], x[6], x[10], x[14])
			x[3], x[7], x[11], x[15] = qr(x[3], x[7], x[11], x[15])
			x[0], x[5], x[10], x[15] = qr(x[0], x[5], x[10], x[15])
			x[1], x[6], x[11], x[12] = qr(x[1], x[6], x[11], x[12])
			x[2], x[7], x[8], x[13] = qr(x[2], x[7], x[8], x[13])
			x[3], x[4], x[9], x[14] = qr(x[3], x[4], x[9], x[14])
		}
		// Only the key words get their input added back.
		for w := 4; w < 12; w++ {
			x[w] += key[w-4]
		}
		for w := range x {
			out[w][b] = x[w]
		}
	}
	for w := range out {
		buf[2*w] = uint64(out[w][0]) | uint64(out[w][1])<<32
		buf[2*w+1] = uint64(out[w][2]) | uint64(out[w][3])<<32
	}
}

// qr is the ChaCha quarter round.
func qr(a, b, c, d uint32) (uint32, uint32, uint32, uint32) {
	a += b
	d ^= a
	d = d<<16 | d>>16
	c += d
	b ^= c
	b = b<<12 | b>>20
	a += b
	d ^= a
	d = d<<8 | d>>24
	c += d
	b ^= c
	b = b<<7 | b>>25
	return a, b, c, d
}

func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func be64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func putLE64(b []byte, v uint64) {
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func putBE64(b []byte, v uint64) {
	for i := 0; i < 8; i++ {
		b[7-i] = byte(v >> (8 * i))
	}
}
