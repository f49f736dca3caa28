//! Go's integer and floating-point semantics: wrapping, checked division,
//! shifts, conversions as amd64 gc performs them.

mod support;

use frontend::ir::*;
use support::*;

/// C functions returning their argument, so values reach the program
/// opaquely and nothing is folded at compile time.
const OPAQUE: &str = r#"
int64_t opaque_int(int64_t x) { return x; }
double opaque_f64(double x) { return x; }
"#;

/// A program whose main prints, one per line, `f(opaque(x))` for each
/// case; `f` builds its result from the opaque value.
fn cases(p: &mut Prog, build: &mut dyn FnMut(&mut Prog, &mut Body, FuncId, FuncId)) {
    let int = p.int();
    let f64t = p.f64();
    let oi = p.extern_fn("main.opaqueInt", &[int], &[int], "opaque_int");
    let of = p.extern_fn("main.opaqueF64", &[f64t], &[f64t], "opaque_f64");
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    build(p, &mut b, oi, of);
    b.ret(&[]);
    p.main(b, main);
}

#[test]
fn division_and_remainder() {
    let mut p = Prog::new();
    cases(&mut p, &mut |p, b, oi, _| {
        let int = p.int();
        let i8t = p.intk(IntKind::Int8);
        let uint = p.intk(IntKind::Uint);
        let pairs: [(i128, i128); 5] = [
            (i64::MIN as i128, -1),
            (7, -2),
            (-7, 2),
            (-7, -2),
            (i64::MAX as i128, 3),
        ];
        for (x, y) in pairs {
            let cx = b.int(int, x);
            let cy = b.int(int, y);
            let x = b.call(Some(int), oi, &[cx]).unwrap();
            let y = b.call(Some(int), oi, &[cy]).unwrap();
            let q = b.bin(int, BinOp::Div, x, y);
            let r = b.bin(int, BinOp::Rem, x, y);
            // Constant operands take LLVM's folding path.
            let qc = b.bin(int, BinOp::Div, cx, cy);
            let rc = b.bin(int, BinOp::Rem, cx, cy);
            b.println(&[q, r, qc, rc]);
        }
        // int8: -128 / -1 wraps to -128.
        let c = b.int(int, -128);
        let x = b.call(Some(int), oi, &[c]).unwrap();
        let x8 = b.v(i8t, InstrKind::Convert(x));
        let m1 = b.int(i8t, -1);
        let q = b.bin(i8t, BinOp::Div, x8, m1);
        let r = b.bin(i8t, BinOp::Rem, x8, m1);
        b.println(&[q, r]);
        // Unsigned: -1 as uint is MaxUint64.
        let c = b.int(int, -1);
        let x = b.call(Some(int), oi, &[c]).unwrap();
        let u = b.v(uint, InstrKind::Convert(x));
        let seven = b.int(uint, 7);
        let q = b.bin(uint, BinOp::Div, u, seven);
        let r = b.bin(uint, BinOp::Rem, u, seven);
        b.println(&[u, q, r]);
    });
    let want = "-9223372036854775808 0 -9223372036854775808 0\n\
                -3 1 -3 1\n\
                -3 -1 -3 -1\n\
                3 -1 3 -1\n\
                3074457345618258602 1 3074457345618258602 1\n\
                -128 0\n\
                18446744073709551615 2635249153387078802 1\n";
    expect_run(&p.p, "division", OPAQUE, want, 0);
}

#[test]
fn divide_by_zero_panics() {
    let mut p = Prog::new();
    cases(&mut p, &mut |p, b, oi, _| {
        let int = p.int();
        let s = p.string();
        let c = b.int(int, 0);
        let z = b.call(Some(int), oi, &[c]).unwrap();
        let one = b.int(int, 1);
        let before = b.str(s, "before");
        b.println(&[before]);
        let q = b.bin(int, BinOp::Div, one, z);
        b.println(&[q]);
    });
    expect_run(
        &p.p,
        "divzero",
        OPAQUE,
        "before\npanic: runtime error: integer divide by zero\n",
        2,
    );
}

#[test]
fn shifts() {
    let mut p = Prog::new();
    cases(&mut p, &mut |p, b, oi, _| {
        let int = p.int();
        let uint = p.intk(IntKind::Uint);
        let i32t = p.intk(IntKind::Int32);
        let u8t = p.intk(IntKind::Uint8);
        let opaque = |b: &mut Body, t: TypeId, n: i128| {
            let c = b.int(int, n);
            let x = b.call(Some(int), oi, &[c]).unwrap();
            if t == int {
                x
            } else {
                b.v(t, InstrKind::Convert(x))
            }
        };
        let one = opaque(b, int, 1);
        let m8 = opaque(b, int, -8);
        let n64 = opaque(b, uint, 64);
        let n70 = opaque(b, int, 70);
        let n1 = opaque(b, int, 1);
        let u_all = opaque(b, uint, -1);
        let n63 = opaque(b, u8t, 63);
        let n200 = opaque(b, u8t, 200);
        let one32 = opaque(b, i32t, 1);
        let n31 = opaque(b, uint, 31);
        let r1 = b.bin(int, BinOp::Shl, one, n64);
        let r2 = b.bin(int, BinOp::Shr, m8, n70);
        let r3 = b.bin(int, BinOp::Shr, m8, n1);
        let r4 = b.bin(uint, BinOp::Shr, u_all, n64);
        let r5 = b.bin(uint, BinOp::Shr, u_all, n63);
        let r6 = b.bin(int, BinOp::Shl, one, n200);
        let r7 = b.bin(i32t, BinOp::Shl, one32, n31);
        let r8 = b.bin(int, BinOp::Shl, one, n63);
        b.println(&[r1, r2, r3, r4, r5, r6, r7, r8]);
        // A negative signed count panics.
        let neg = opaque(b, int, -1);
        let r = b.bin(int, BinOp::Shl, one, neg);
        b.println(&[r]);
    });
    expect_run(
        &p.p,
        "shifts",
        OPAQUE,
        "0 -1 -4 0 1 0 -2147483648 -9223372036854775808\npanic: runtime error: negative shift amount\n",
        2,
    );
}

#[test]
fn float_to_int_as_amd64() {
    let mut p = Prog::new();
    cases(&mut p, &mut |p, b, _, of| {
        let f64t = p.f64();
        let kinds = [
            IntKind::Int64,
            IntKind::Int32,
            IntKind::Int8,
            IntKind::Uint8,
            IntKind::Uint16,
            IntKind::Uint32,
            IntKind::Uint64,
        ];
        let inputs = [
            f64::NAN,
            1e19,
            3e9,
            300.7,
            -1.5,
            18446744073709551616.0,
            -1.0,
            5e9,
            -2147483648.9,
            f64::NEG_INFINITY,
        ];
        for x in inputs {
            let c = b.v(f64t, InstrKind::Const(Const::Float(x)));
            let v = b.call(Some(f64t), of, &[c]).unwrap();
            let mut outs = Vec::new();
            for k in kinds {
                let t = p.intk(k);
                outs.push(b.v(t, InstrKind::Convert(v)));
            }
            b.println(&outs);
        }
    });
    // int64 int32 int8 uint8 uint16 uint32 uint64
    let want = "\
-9223372036854775808 -2147483648 0 0 0 0 9223372036854775808
-9223372036854775808 -2147483648 0 0 0 0 10000000000000000000
3000000000 -2147483648 0 0 0 3000000000 3000000000
300 300 44 44 300 300 300
-1 -1 -1 255 65535 4294967295 18446744073709551615
-9223372036854775808 -2147483648 0 0 0 0 9223372036854775808
-1 -1 -1 255 65535 4294967295 18446744073709551615
5000000000 -2147483648 0 0 0 705032704 5000000000
-2147483648 -2147483648 0 0 0 2147483648 18446744071562067968
-9223372036854775808 -2147483648 0 0 0 0 9223372036854775808
";
    expect_run(&p.p, "f2i", OPAQUE, want, 0);
}
