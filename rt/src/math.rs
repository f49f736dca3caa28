//! `math.Exp` as gc computes it on amd64.
//!
//! On amd64 gc's `math.Exp` is an assembly routine (`archExp`) whose
//! algorithm differs from the portable `math.exp`: a reduction by ln 2 in
//! two parts, a degree-8 Taylor polynomial of x/16, then squaring four
//! times through (x+2)*x, and a final scaling by 2^k. Its results differ
//! from the portable version's in the last bit for about one input in ten,
//! and it takes a fused multiply-add path when the CPU has FMA (and AVX),
//! decided at run time as gc decides it. This is that routine, operation
//! for operation, for codegen to bind `math.archExp` to.

use std::sync::OnceLock;

/// ln 2 in two parts: an upper part exact in few bits, and the rest.
const LN2U: f64 = 0.693_147_180_559_663;
const LN2L: f64 = 2.823_529_056_303_157_7e-13;
/// Above this, e^x overflows.
const OVERFLOW: f64 = 709.782_712_893_384;

/// Taylor coefficients 1/2!, 1/3!, ... 1/8! (then 1 and 2 as used below).
const C2: f64 = 0.5;
const C3: f64 = 0.166_666_666_666_666_66;
const C4: f64 = 0.041_666_666_666_666_664;
const C5: f64 = 0.008_333_333_333_333_333;
const C6: f64 = 0.001_388_888_888_888_889;
const C7: f64 = 1.984_126_984_126_984e-4;
const C8: f64 = 2.480_158_730_158_73e-5;

/// Whether gc would take the FMA path: the CPU has AVX and FMA, and
/// `GODEBUG` does not turn either off (`cpu.fma=off`, `cpu.avx=off`,
/// `cpu.all=off`).
fn use_fma() -> bool {
    static FMA: OnceLock<bool> = OnceLock::new();
    *FMA.get_or_init(|| {
        let off = std::env::var("GODEBUG").is_ok_and(|v| {
            v.split(',')
                .any(|s| matches!(s, "cpu.fma=off" | "cpu.avx=off" | "cpu.all=off"))
        });
        !off && is_x86_feature_detected!("avx") && is_x86_feature_detected!("fma")
    })
}

/// gc's amd64 `math.Exp`.
#[no_mangle]
pub extern "C" fn rgo_math_exp(x: f64) -> f64 {
    exp(x, use_fma())
}

fn exp(mut x: f64, fma: bool) -> f64 {
    let bits = x.to_bits();
    if bits & !(1 << 63) >= f64::INFINITY.to_bits() {
        // -Inf gives 0; NaN and +Inf themselves.
        return if x == f64::NEG_INFINITY { 0.0 } else { x };
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    // CVTSD2SL: round to nearest, ties to even.
    let k = (core::f64::consts::LOG2_E * x).round_ties_even() as i32;
    let fk = k as f64;
    if fma {
        x = (-LN2U).mul_add(fk, x);
        x = (-LN2L).mul_add(fk, x);
        x *= 0.0625;
        let mut p = C8;
        for c in [C7, C6, C5, C4, C3, C2, 1.0] {
            p = p.mul_add(x, c);
        }
        x *= p;
        for _ in 0..3 {
            x *= x + 2.0;
        }
        x = x.mul_add(x + 2.0, 1.0);
    } else {
        x -= LN2U * fk;
        x -= LN2L * fk;
        x *= 0.0625;
        let mut p = C8;
        for c in [C7, C6, C5, C4, C3, C2, 1.0] {
            p = p * x + c;
        }
        x *= p;
        for _ in 0..4 {
            x *= x + 2.0;
        }
        x += 1.0;
    }
    // x * 2^k, through a denormal scale when 2^k is below the normal
    // range.
    let e = k + 0x3ff;
    if e <= 0 {
        if e < -52 {
            return 0.0;
        }
        x *= f64::from_bits(((e + 0x3fe) as u64) << 52);
        return x * f64::from_bits(1 << 52);
    }
    if e >= 0x7ff {
        return f64::INFINITY;
    }
    x * f64::from_bits((e as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        for fma in [false, true] {
            assert_eq!(exp(f64::NEG_INFINITY, fma), 0.0);
            assert_eq!(exp(f64::INFINITY, fma), f64::INFINITY);
            assert!(exp(f64::NAN, fma).is_nan());
            assert_eq!(exp(710.0, fma), f64::INFINITY);
            assert_eq!(exp(-800.0, fma), 0.0);
            assert_eq!(exp(0.0, fma), 1.0);
        }
    }

    #[test]
    fn matches_gc_fma_results() {
        // Printed by gc's math.Exp on an amd64 machine with FMA.
        assert_eq!(exp(1.5, true), 4.481689070338065);
        assert_eq!(exp(-1.5, true), 0.22313016014842982);
        assert_eq!(exp(1.0, true), std::f64::consts::E);
    }
}
