//! Structs, arrays and tuples: small ones held in registers, large ones
//! (indirect) through memory; passing, returning, fields, elements,
//! equality.

mod support;

use frontend::ir::*;
use support::*;

const OPAQUE: &str = "int64_t opaque_int(int64_t x) { return x; }\n";

/// `type Big struct { a, b, c, d, e, f, g, h, i int }` (72 bytes: indirect)
/// and `type Small struct { x int32; s string }`; functions that build,
/// pass and return them.
#[test]
fn structs_small_and_big() {
    let mut p = Prog::new();
    let int = p.int();
    let i32t = p.intk(IntKind::Int32);
    let s = p.string();
    let boolt = p.bool();
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let fields: Vec<(&str, TypeId)> = names.iter().map(|n| (*n, int)).collect();
    let big_u = p.strukt(&fields);
    let big = p.named("Big", big_u);
    let small_u = p.strukt(&[("x", i32t), ("s", s)]);
    let small = p.named("Small", small_u);
    let pbig = p.ptr(big);
    let psmall = p.ptr(small);
    let oi = p.extern_fn("main.opaque", &[int], &[int], "opaque_int");

    // func mk(n int) (Big, Small, int): fields i*n, Small{n, "s"}, n+1
    let mk = p.declare("main.mk", &[int], &[big, small, int]);
    let mut b = p.body(mk);
    let n = b.param(0);
    let l = b.local("r", big);
    let la = b.v(pbig, InstrKind::LocalAddr(l));
    for i in 0..9u32 {
        let fa = b.v(p.ptr(int), InstrKind::FieldAddr { base: la, index: i });
        let k = b.int(int, i as i128 + 1);
        let v = b.bin(int, BinOp::Mul, n, k);
        b.e(InstrKind::Store { addr: fa, value: v });
    }
    let r = b.v(big, InstrKind::Load(la));
    let ls = b.local("s", small);
    let lsa = b.v(psmall, InstrKind::LocalAddr(ls));
    let fx = b.v(
        p.ptr(i32t),
        InstrKind::FieldAddr {
            base: lsa,
            index: 0,
        },
    );
    let n32 = b.v(i32t, InstrKind::Convert(n));
    b.e(InstrKind::Store {
        addr: fx,
        value: n32,
    });
    let fs = b.v(
        p.ptr(s),
        InstrKind::FieldAddr {
            base: lsa,
            index: 1,
        },
    );
    let sv = b.str(s, "small");
    b.e(InstrKind::Store {
        addr: fs,
        value: sv,
    });
    let sm = b.v(small, InstrKind::Load(lsa));
    let one = b.int(int, 1);
    let n1 = b.bin(int, BinOp::Add, n, one);
    b.ret(&[r, sm, n1]);
    p.define(mk, b);

    // func sum(b Big) int
    let sum = p.declare("main.sum", &[big], &[int]);
    let mut b = p.body(sum);
    let x = b.param(0);
    let mut acc = b.int(int, 0);
    for i in 0..9u32 {
        let f = b.v(int, InstrKind::Field { base: x, index: i });
        acc = b.bin(int, BinOp::Add, acc, f);
    }
    b.ret(&[acc]);
    p.define(sum, b);

    // func id(b Big) Big { return b }
    let id = p.declare("main.id", &[big], &[big]);
    let mut b = p.body(id);
    let x = b.param(0);
    b.ret(&[x]);
    p.define(id, b);

    let tup = p.tuple(&[big, small, int]);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let c = b.int(int, 2);
    let two = b.call(Some(int), oi, &[c]).unwrap();
    let t = b.call(Some(tup), mk, &[two]).unwrap();
    let bg = b.v(big, InstrKind::Extract { tuple: t, index: 0 });
    let sm = b.v(small, InstrKind::Extract { tuple: t, index: 1 });
    let n = b.v(int, InstrKind::Extract { tuple: t, index: 2 });
    let total = b.call(Some(int), sum, &[bg]).unwrap();
    let x = b.v(i32t, InstrKind::Field { base: sm, index: 0 });
    let str_ = b.v(s, InstrKind::Field { base: sm, index: 1 });
    let bg2 = b.call(Some(big), id, &[bg]).unwrap();
    let eq = b.bin(boolt, BinOp::Eq, bg, bg2);
    let last = b.v(
        int,
        InstrKind::Field {
            base: bg2,
            index: 8,
        },
    );
    b.println(&[total, x, str_, n, eq, last]);
    // Equality notices a difference in the last field.
    let l = b.local("m", big);
    let la = b.v(pbig, InstrKind::LocalAddr(l));
    b.e(InstrKind::Store {
        addr: la,
        value: bg,
    });
    let fa = b.v(p.ptr(int), InstrKind::FieldAddr { base: la, index: 8 });
    let z = b.int(int, 0);
    b.e(InstrKind::Store { addr: fa, value: z });
    let m = b.v(big, InstrKind::Load(la));
    let ne = b.bin(boolt, BinOp::Ne, bg, m);
    let eq2 = b.bin(boolt, BinOp::Eq, sm, sm);
    b.println(&[ne, eq2]);
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "structs",
        OPAQUE,
        "90 2 small 3 true 18\ntrue true\n",
        0,
    );
}

/// Arrays: element by constant and dynamic index, of small and large
/// arrays, and array equality.
#[test]
fn arrays() {
    let mut p = Prog::new();
    let int = p.int();
    let boolt = p.bool();
    let a3 = p.array(3, int);
    let a20 = p.array(20, int);
    let oi = p.extern_fn("main.opaque", &[int], &[int], "opaque_int");
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let l3 = b.local("a", a3);
    let l20 = b.local("b", a20);
    let pa3 = p.ptr(a3);
    let pa20 = p.ptr(a20);
    let pint = p.ptr(int);
    let p3 = b.v(pa3, InstrKind::LocalAddr(l3));
    let p20 = b.v(pa20, InstrKind::LocalAddr(l20));
    for i in 0..20 {
        let idx = b.int(int, i);
        let v = b.int(int, i * i);
        let e = b.v(
            pint,
            InstrKind::IndexAddr {
                base: p20,
                index: idx,
            },
        );
        b.e(InstrKind::Store { addr: e, value: v });
        if i < 3 {
            let e = b.v(
                pint,
                InstrKind::IndexAddr {
                    base: p3,
                    index: idx,
                },
            );
            b.e(InstrKind::Store { addr: e, value: v });
        }
    }
    let v3 = b.v(a3, InstrKind::Load(p3));
    let v20 = b.v(a20, InstrKind::Load(p20));
    let c = b.int(int, 2);
    let two = b.call(Some(int), oi, &[c]).unwrap();
    let c = b.int(int, 17);
    let seventeen = b.call(Some(int), oi, &[c]).unwrap();
    let k1 = b.int(int, 1);
    let e1 = b.v(
        int,
        InstrKind::Element {
            base: v3,
            index: k1,
        },
    );
    let e2 = b.v(
        int,
        InstrKind::Element {
            base: v3,
            index: two,
        },
    );
    let e3 = b.v(
        int,
        InstrKind::Element {
            base: v20,
            index: seventeen,
        },
    );
    let e4 = b.v(
        int,
        InstrKind::Element {
            base: v20,
            index: k1,
        },
    );
    // Changing the array after loading it does not change the value.
    let e = b.v(
        pint,
        InstrKind::IndexAddr {
            base: p20,
            index: seventeen,
        },
    );
    let z = b.int(int, 0);
    b.e(InstrKind::Store { addr: e, value: z });
    let e5 = b.v(
        int,
        InstrKind::Element {
            base: v20,
            index: seventeen,
        },
    );
    let w20 = b.v(a20, InstrKind::Load(p20));
    let same = b.bin(boolt, BinOp::Eq, v20, v20);
    let differ = b.bin(boolt, BinOp::Eq, v20, w20);
    b.println(&[e1, e2, e3, e4, e5, same, differ]);
    b.ret(&[]);
    p.main(b, main);
    expect_run(&p.p, "arrays", OPAQUE, "1 4 289 1 289 true false\n", 0);
}

/// Globals, init functions in order, recursion.
#[test]
fn globals_inits_recursion() {
    let mut p = Prog::new();
    let int = p.int();
    let pint = p.ptr(int);
    let g = p.global("main.counter", int);
    // func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
    let fib = p.declare("main.fib", &[int], &[int]);
    let boolt = p.bool();
    let mut b = p.body(fib);
    let n = b.param(0);
    let two = b.int(int, 2);
    let lt = b.bin(boolt, BinOp::Lt, n, two);
    let small = b.block();
    let big = b.block();
    b.branch(lt, small, big);
    b.at(small);
    b.ret(&[n]);
    b.at(big);
    let one = b.int(int, 1);
    let n1 = b.bin(int, BinOp::Sub, n, one);
    let n2 = b.bin(int, BinOp::Sub, n, two);
    let f1 = b.call(Some(int), fib, &[n1]).unwrap();
    let f2 = b.call(Some(int), fib, &[n2]).unwrap();
    let r = b.bin(int, BinOp::Add, f1, f2);
    b.ret(&[r]);
    p.define(fib, b);
    // Two inits: counter = fib(20); counter *= 2.
    let init1 = p.declare("main.init.0", &[], &[]);
    let mut b = p.body(init1);
    let ga = b.v(pint, InstrKind::GlobalAddr(g));
    let k = b.int(int, 20);
    let f = b.call(Some(int), fib, &[k]).unwrap();
    b.e(InstrKind::Store { addr: ga, value: f });
    b.ret(&[]);
    p.define(init1, b);
    let init2 = p.declare("main.init.1", &[], &[]);
    let mut b = p.body(init2);
    let ga = b.v(pint, InstrKind::GlobalAddr(g));
    let v = b.v(int, InstrKind::Load(ga));
    let k = b.int(int, 2);
    let v2 = b.bin(int, BinOp::Mul, v, k);
    b.e(InstrKind::Store {
        addr: ga,
        value: v2,
    });
    b.ret(&[]);
    p.define(init2, b);
    p.p.inits = vec![init1, init2];
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let ga = b.v(pint, InstrKind::GlobalAddr(g));
    let v = b.v(int, InstrKind::Load(ga));
    b.println(&[v]);
    b.ret(&[]);
    p.main(b, main);
    expect_output(&p.p, "globals", "13530\n");
}

/// A loop whose block order in the IR is not dominance order, and whose
/// entry block is a loop header.
#[test]
fn loops_and_block_order() {
    let mut p = Prog::new();
    let int = p.int();
    let boolt = p.bool();
    let pint = p.ptr(int);
    // func count(n int) int: i, sum locals; b0 is the loop header.
    let count = p.declare("main.count", &[int], &[int]);
    let mut b = p.body(count);
    let n = b.param(0);
    let li = b.local("i", int);
    let ls = b.local("sum", int);
    let head = BlockId(0);
    let exit = b.block();
    let body = b.block();
    b.at(head);
    let pi = b.v(pint, InstrKind::LocalAddr(li));
    let i = b.v(int, InstrKind::Load(pi));
    let c = b.bin(boolt, BinOp::Lt, i, n);
    b.branch(c, body, exit);
    b.at(exit);
    let ps = b.v(pint, InstrKind::LocalAddr(ls));
    let s = b.v(int, InstrKind::Load(ps));
    b.ret(&[s]);
    b.at(body);
    let pi2 = b.v(pint, InstrKind::LocalAddr(li));
    let ps2 = b.v(pint, InstrKind::LocalAddr(ls));
    let i2 = b.v(int, InstrKind::Load(pi2));
    let s2 = b.v(int, InstrKind::Load(ps2));
    let s3 = b.bin(int, BinOp::Add, s2, i2);
    b.e(InstrKind::Store {
        addr: ps2,
        value: s3,
    });
    let one = b.int(int, 1);
    let i3 = b.bin(int, BinOp::Add, i2, one);
    b.e(InstrKind::Store {
        addr: pi2,
        value: i3,
    });
    b.jump(head);
    p.define(count, b);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let k = b.int(int, 101);
    let r = b.call(Some(int), count, &[k]).unwrap();
    b.println(&[r]);
    b.ret(&[]);
    p.main(b, main);
    expect_output(&p.p, "loops", "5050\n");
}
