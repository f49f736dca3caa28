//! Func values, closures, interfaces, method calls, type assertions and
//! panics with values.

mod support;

use frontend::ir::*;
use support::*;

/// A counter closure capturing a heap variable; a top-level function used
/// as a func value.
#[test]
fn closures() {
    let mut p = Prog::new();
    let int = p.int();
    let pint = p.ptr(int);
    let fn_t = p.func_type(&[int], &[int]);
    // func add(x int) int  (closure body: *capture0 += x; return *capture0)
    let body_f = p.declare("main.counter.func1", &[int], &[int]);
    let mut b = p.body(body_f);
    let x = b.param(0);
    let cell = b.v(pint, InstrKind::Capture(0));
    let v = b.v(int, InstrKind::Load(cell));
    let v2 = b.bin(int, BinOp::Add, v, x);
    b.e(InstrKind::Store {
        addr: cell,
        value: v2,
    });
    b.ret(&[v2]);
    p.define(body_f, b);
    // func counter(start int) func(int) int
    let counter = p.declare("main.counter", &[int], &[fn_t]);
    let mut b = p.body(counter);
    let start = b.param(0);
    let cell = b.v(pint, InstrKind::New(int));
    b.e(InstrKind::Store {
        addr: cell,
        value: start,
    });
    let c = b.v(
        fn_t,
        InstrKind::MakeClosure {
            func: body_f,
            captures: vec![cell],
        },
    );
    b.ret(&[c]);
    p.define(counter, b);
    // func double(x int) int
    let double = p.declare("main.double", &[int], &[int]);
    let mut b = p.body(double);
    let x = b.param(0);
    let r = b.bin(int, BinOp::Add, x, x);
    b.ret(&[r]);
    p.define(double, b);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let k = b.int(int, 100);
    let f = b.call(Some(fn_t), counter, &[k]).unwrap();
    let mut outs = Vec::new();
    for i in [1, 2, 3] {
        let a = b.int(int, i);
        outs.push(b.v(
            int,
            InstrKind::Call {
                callee: Callee::Value(f),
                args: vec![a],
            },
        ));
    }
    let d = b.v(fn_t, InstrKind::FuncValue(double));
    let a = b.int(int, 21);
    outs.push(b.v(
        int,
        InstrKind::Call {
            callee: Callee::Value(d),
            args: vec![a],
        },
    ));
    b.println(&outs);
    b.ret(&[]);
    p.main(b, main);
    expect_output(&p.p, "closures", "101 103 106 42\n");
}

/// `type Stringer interface { String() string }` implemented by a value
/// receiver on a struct (boxed), a pointer receiver, and a value receiver
/// on a pointer-shaped type; calls through the interface, type
/// assertions, type switches, interface equality, panics with values.
#[test]
fn interfaces() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let boolt = p.bool();
    let str_sig = p.func_type(&[], &[s]);
    let stringer = p.iface(&[("String", str_sig)]);
    let named_stringer = p.named("Stringer", stringer);
    let eface = p.eface();
    let uptr = p.uptr();

    // type P struct { x, y int }; func (p P) String() string
    let pu = p.strukt(&[("x", int), ("y", int)]);
    let pt = p.named("P", pu);
    let p_string = p.declare("main.P.String", &[pt], &[s]);
    let mut b = p.body(p_string);
    let recv = b.param(0);
    let x = b.v(
        int,
        InstrKind::Field {
            base: recv,
            index: 0,
        },
    );
    let y = b.v(
        int,
        InstrKind::Field {
            base: recv,
            index: 1,
        },
    );
    let sum = b.bin(int, BinOp::Add, x, y);
    let big = b.int(int, 100);
    let isbig = b.bin(boolt, BinOp::Gt, sum, big);
    let yes = b.block();
    let no = b.block();
    b.branch(isbig, yes, no);
    b.at(yes);
    let r = b.str(s, "big P");
    b.ret(&[r]);
    b.at(no);
    let r = b.str(s, "small P");
    b.ret(&[r]);
    p.define(p_string, b);
    p.add_method(pt, "String", str_sig, p_string, false);

    // type C int; func (c *C) String() string
    let ct = p.named("C", int);
    let pct = p.ptr(ct);
    let c_string = p.declare("main.(*C).String", &[pct], &[s]);
    let mut b = p.body(c_string);
    let r = b.str(s, "*C");
    b.ret(&[r]);
    p.define(c_string, b);
    p.add_method(ct, "String", str_sig, c_string, true);

    // type M map[int]int; func (m M) String() string (pointer-shaped)
    let mu = p.map(int, int);
    let mt = p.named("M", mu);
    let m_string = p.declare("main.M.String", &[mt], &[s]);
    let mut b = p.body(m_string);
    let m = b.param(0);
    let n = b.v(int, InstrKind::Len(m));
    let zero = b.int(int, 0);
    let empty = b.bin(boolt, BinOp::Eq, n, zero);
    let yes = b.block();
    let no = b.block();
    b.branch(empty, yes, no);
    b.at(yes);
    let r = b.str(s, "empty M");
    b.ret(&[r]);
    b.at(no);
    let r = b.str(s, "M");
    b.ret(&[r]);
    p.define(m_string, b);
    p.add_method(mt, "String", str_sig, m_string, false);

    let ppt = p.ptr(pt);
    let call_string = |b: &mut Body, i: ValueId| {
        b.v(
            s,
            InstrKind::Call {
                callee: Callee::Interface { iface: i, index: 0 },
                args: vec![],
            },
        )
    };
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    // P{60, 50} as Stringer; &P as Stringer; *C; M.
    let l = b.local("p", pt);
    let lp = b.v(ppt, InstrKind::LocalAddr(l));
    let f0 = b.v(p.ptr(int), InstrKind::FieldAddr { base: lp, index: 0 });
    let k = b.int(int, 60);
    b.e(InstrKind::Store { addr: f0, value: k });
    let f1 = b.v(p.ptr(int), InstrKind::FieldAddr { base: lp, index: 1 });
    let k = b.int(int, 50);
    b.e(InstrKind::Store { addr: f1, value: k });
    let pv = b.v(pt, InstrKind::Load(lp));
    let i1 = b.v(named_stringer, InstrKind::MakeInterface(pv));
    // Changing p afterwards does not change the boxed copy.
    let k = b.int(int, 0);
    b.e(InstrKind::Store { addr: f0, value: k });
    let i2 = b.v(named_stringer, InstrKind::MakeInterface(lp));
    let cp = b.v(pct, InstrKind::New(ct));
    let i3 = b.v(named_stringer, InstrKind::MakeInterface(cp));
    let mv = b.v(mt, InstrKind::MakeMap { hint: None });
    let i4 = b.v(named_stringer, InstrKind::MakeInterface(mv));
    let r1 = call_string(&mut b, i1);
    let r2 = call_string(&mut b, i2);
    let r3 = call_string(&mut b, i3);
    let r4 = call_string(&mut b, i4);
    b.println(&[r1, r2, r3, r4]);

    // Type assertions: e := interface{}(i1); e.(P), e.(*C) with ok, e.(Stringer)
    let e = b.v(eface, InstrKind::ChangeInterface(i1));
    let back = b.v(
        pt,
        InstrKind::TypeAssert {
            value: e,
            asserted: pt,
            comma_ok: false,
        },
    );
    let bx = b.v(
        int,
        InstrKind::Field {
            base: back,
            index: 0,
        },
    );
    let okt = p.tuple(&[pct, boolt]);
    let t = b.v(
        okt,
        InstrKind::TypeAssert {
            value: e,
            asserted: pct,
            comma_ok: true,
        },
    );
    let ok1 = b.v(boolt, InstrKind::Extract { tuple: t, index: 1 });
    let okst = p.tuple(&[named_stringer, boolt]);
    let t = b.v(
        okst,
        InstrKind::TypeAssert {
            value: e,
            asserted: named_stringer,
            comma_ok: true,
        },
    );
    let st = b.v(named_stringer, InstrKind::Extract { tuple: t, index: 0 });
    let ok2 = b.v(boolt, InstrKind::Extract { tuple: t, index: 1 });
    let r5 = call_string(&mut b, st);
    // An int in an interface{} is not a Stringer.
    let n = b.int(int, 7);
    let en = b.v(eface, InstrKind::MakeInterface(n));
    let t = b.v(
        okst,
        InstrKind::TypeAssert {
            value: en,
            asserted: named_stringer,
            comma_ok: true,
        },
    );
    let ok3 = b.v(boolt, InstrKind::Extract { tuple: t, index: 1 });
    b.println(&[bx, ok1, ok2, r5, ok3]);

    // Type switch by descriptor; interface equality.
    let d = b.v(uptr, InstrKind::TypeDescOf(en));
    let want = b.v(uptr, InstrKind::TypeDesc(int));
    let is_int = b.bin(boolt, BinOp::Eq, d, want);
    let en2 = b.v(eface, InstrKind::MakeInterface(n));
    let same = b.bin(boolt, BinOp::Eq, en, en2);
    let k8 = b.int(int, 8);
    let en3 = b.v(eface, InstrKind::MakeInterface(k8));
    let differ = b.bin(boolt, BinOp::Eq, en, en3);
    let nil = b.v(eface, InstrKind::Const(Const::Zero));
    let isnil = b.bin(boolt, BinOp::Eq, nil, nil);
    let notnil = b.bin(boolt, BinOp::Eq, en, nil);
    let sv = b.str(s, "x");
    let es = b.v(eface, InstrKind::MakeInterface(sv));
    let sv2 = b.str(s, "x");
    let es2 = b.v(eface, InstrKind::MakeInterface(sv2));
    let seq = b.bin(boolt, BinOp::Eq, es, es2);
    b.println(&[is_int, same, differ, isnil, notnil, seq]);

    // A failing assertion panics.
    let _ = b.v(
        pct,
        InstrKind::TypeAssert {
            value: e,
            asserted: pct,
            comma_ok: false,
        },
    );
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "ifaces",
        "",
        "big P small P *C empty M\n60 false true big P false\ntrue true false true false true\n\
         panic: interface conversion: interface {} is main.P, not *main.C\n",
        2,
    );
}

/// `panic("boom")` with a constant string.
#[test]
fn panic_value() {
    let mut p = Prog::new();
    let s = p.string();
    let eface = p.eface();
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let v = b.str(s, "boom");
    let e = b.v(eface, InstrKind::MakeInterface(v));
    b.e(InstrKind::Panic(e));
    b.term(Terminator::Unreachable);
    p.main(b, main);
    expect_run(&p.p, "panic", "", "panic: boom\n", 2);
}

/// Complex arithmetic, including gc's special cases of division.
#[test]
fn complex_numbers() {
    let mut p = Prog::new();
    let c128 = p.ty(Type::Complex128);
    let c64 = p.ty(Type::Complex64);
    let f64t = p.f64();
    let of = p.extern_fn("main.opaque", &[f64t], &[f64t], "opaque_f64");
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    // complex(re, im) from opaque parts, through memory: fields 0 and 1
    // of a complex are its parts.
    let pf = p.ptr(f64t);
    let pc = p.ptr(c128);
    let l = b.local("c", c128);
    let mk = |b: &mut Body, re: f64, im: f64| {
        let a = b.v(pc, InstrKind::LocalAddr(l));
        for (i, x) in [re, im].into_iter().enumerate() {
            let k = b.v(f64t, InstrKind::Const(Const::Float(x)));
            let v = b.call(Some(f64t), of, &[k]).unwrap();
            let fa = b.v(
                pf,
                InstrKind::FieldAddr {
                    base: a,
                    index: i as u32,
                },
            );
            b.e(InstrKind::Store { addr: fa, value: v });
        }
        b.v(c128, InstrKind::Load(a))
    };
    let cases: [((f64, f64), (f64, f64)); 5] = [
        ((1.0, 2.0), (3.0, 4.0)),
        ((1.0, 2.0), (0.0, 0.0)),
        ((f64::INFINITY, 1.0), (3.0, 4.0)),
        ((1.0, 2.0), (f64::INFINITY, f64::NAN)),
        ((f64::NAN, 1.0), (0.0, 0.0)),
    ];
    for ((a, bb), (c, d)) in cases {
        // Once folded by LLVM (constants), once at run time.
        let x = b.v(c128, InstrKind::Const(Const::Complex(a, bb)));
        let y = b.v(c128, InstrKind::Const(Const::Complex(c, d)));
        let q = b.bin(c128, BinOp::Div, x, y);
        let x = mk(&mut b, a, bb);
        let y = mk(&mut b, c, d);
        let q2 = b.bin(c128, BinOp::Div, x, y);
        let re = b.v(f64t, InstrKind::Field { base: q2, index: 0 });
        b.println(&[q, q2, re]);
    }
    let x = b.v(c64, InstrKind::Const(Const::Complex(1.0, 2.0)));
    let y = b.v(c64, InstrKind::Const(Const::Complex(3.0, 4.0)));
    let m = b.bin(c64, BinOp::Mul, x, y);
    let q = b.bin(c64, BinOp::Div, x, y);
    b.println(&[m, q]);
    b.ret(&[]);
    p.main(b, main);
    let want = "(4.400000e-01+8.000000e-02i) (4.400000e-01+8.000000e-02i) 4.400000e-01\n\
                (inf+infi) (inf+infi) inf\n\
                (inf-infi) (inf-infi) inf\n\
                (0.000000e+00+0.000000e+00i) (0.000000e+00+0.000000e+00i) 0.000000e+00\n\
                (nan+infi) (nan+infi) nan\n\
                (-5.000000e+00+1.000000e+01i) (4.400000e-01+8.000000e-02i)\n";
    expect_run(
        &p.p,
        "complex",
        "double opaque_f64(double x) { return x; }\n",
        want,
        0,
    );
}

/// Boxing run-time integers: small ones from the static table, others on
/// the heap; both read back and compare correctly, at every width.
#[test]
fn boxed_integers() {
    let mut p = Prog::new();
    let int = p.int();
    let boolt = p.bool();
    let i32t = p.intk(IntKind::Int32);
    let i8t = p.intk(IntKind::Int8);
    let eface = p.eface();
    let oi = p.extern_fn("main.opaque", &[int], &[int], "opaque_int");
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let mut outs = Vec::new();
    for (t, n) in [
        (int, 5),
        (int, 1000),
        (int, -3),
        (i32t, 200),
        (i32t, -70000),
        (i8t, -1),
    ] {
        let c = b.int(int, n);
        let v = b.call(Some(int), oi, &[c]).unwrap();
        let v = if t == int {
            v
        } else {
            b.v(t, InstrKind::Convert(v))
        };
        let e = b.v(eface, InstrKind::MakeInterface(v));
        let back = b.v(
            t,
            InstrKind::TypeAssert {
                value: e,
                asserted: t,
                comma_ok: false,
            },
        );
        let e2 = b.v(eface, InstrKind::MakeInterface(v));
        let same = b.bin(boolt, BinOp::Eq, e, e2);
        outs.push(back);
        outs.push(same);
    }
    b.println(&outs);
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "boxints",
        "int64_t opaque_int(int64_t x) { return x; }\n",
        "5 true 1000 true -3 true 200 true -70000 true -1 true\n",
        0,
    );
}
