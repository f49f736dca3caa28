//! End-to-end against the real runtime (`rt`'s `librt.a`), when it has
//! been built; skipped otherwise.

mod support;

use frontend::ir::*;
use support::*;

/// Runs at -O0 and -O2 and compares stderr (where `print` writes) and
/// the exit status.
fn expect_rt(p: &Program, name: &str, stderr: &str, code: i32) {
    for opt in [0, 2] {
        let Some(r) = run_rt(p, opt, name) else {
            eprintln!("runtime library not built; skipping {name}");
            return;
        };
        assert_eq!(r.stderr, stderr, "stderr at -O{opt}");
        assert_eq!(r.code, code, "exit status at -O{opt}");
    }
}

#[test]
fn hello_runtime() {
    let mut p = Prog::new();
    let s = p.string();
    let int = p.int();
    let f64t = p.f64();
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let hello = b.str(s, "hello");
    let n = b.int(int, -42);
    let f = b.v(f64t, InstrKind::Const(Const::Float(1.5)));
    let t = b.v(p.bool(), InstrKind::Const(Const::Bool(true)));
    b.println(&[hello, n, f, t]);
    b.ret(&[]);
    p.main(b, main);
    expect_rt(&p.p, "hello", "hello -42 1.5 true\n", 0);
}

/// Maps keyed by strings and by structs (hashed by the runtime from the
/// descriptors codegen emits), slice growth as gc grows, an error's
/// message printed by `panic`.
#[test]
fn maps_slices_and_panics() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let boolt = p.bool();
    let msi = p.map(s, int);
    let point = p.strukt(&[("x", int), ("name", s)]);
    let mpi = p.map(point, int);
    let ints = p.slice(int);
    let okt = p.tuple(&[int, boolt]);
    let err_sig = p.func_type(&[], &[s]);
    let error_u = p.iface(&[("Error", err_sig)]);
    let error_t = p.ty(Type::Named(Named {
        name: "error".into(),
        pkg: String::new(),
        underlying: error_u,
        methods: Vec::new(),
    }));
    let eface = p.eface();
    // type E struct{ code int }; func (e *E) Error() string
    let eu = p.strukt(&[("code", int)]);
    let et = p.named("E", eu);
    let pet = p.ptr(et);
    let e_error = p.declare("main.(*E).Error", &[pet], &[s]);
    let mut b = p.body(e_error);
    let r = b.str(s, "E happened");
    b.ret(&[r]);
    p.define(e_error, b);
    p.add_method(et, "Error", err_sig, e_error, true);

    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let m = b.v(msi, InstrKind::MakeMap { hint: None });
    for (i, k) in ["one", "two", "three"].iter().enumerate() {
        let kv = b.str(s, k);
        let v = b.int(int, i as i128 + 1);
        b.e(InstrKind::MapStore {
            map: m,
            key: kv,
            value: v,
        });
    }
    let k = b.str(s, "two");
    let v = b.v(
        int,
        InstrKind::MapIndex {
            map: m,
            key: k,
            comma_ok: false,
        },
    );
    let k = b.str(s, "four");
    let t = b.v(
        okt,
        InstrKind::MapIndex {
            map: m,
            key: k,
            comma_ok: true,
        },
    );
    let ok = b.v(boolt, InstrKind::Extract { tuple: t, index: 1 });
    let n = b.v(int, InstrKind::Len(m));
    b.println(&[v, ok, n]);
    // Struct keys: equal contents hash and compare equal.
    let mp = b.v(mpi, InstrKind::MakeMap { hint: None });
    let l = b.local("pt", point);
    let pp = b.v(p.ptr(point), InstrKind::LocalAddr(l));
    let fx = b.v(p.ptr(int), InstrKind::FieldAddr { base: pp, index: 0 });
    let fname = b.v(p.ptr(s), InstrKind::FieldAddr { base: pp, index: 1 });
    let seven = b.int(int, 7);
    b.e(InstrKind::Store {
        addr: fx,
        value: seven,
    });
    let ab = b.str(s, "ab");
    let a = b.str(s, "a");
    let bb = b.str(s, "b");
    let ab2 = b.bin(s, BinOp::Concat, a, bb);
    b.e(InstrKind::Store {
        addr: fname,
        value: ab,
    });
    let k1 = b.v(point, InstrKind::Load(pp));
    b.e(InstrKind::MapStore {
        map: mp,
        key: k1,
        value: seven,
    });
    b.e(InstrKind::Store {
        addr: fname,
        value: ab2,
    });
    let k2 = b.v(point, InstrKind::Load(pp));
    let got = b.v(
        int,
        InstrKind::MapIndex {
            map: mp,
            key: k2,
            comma_ok: false,
        },
    );
    b.println(&[got]);
    // Caps while appending one at a time: 1 2 4 8 ... as gc.
    let zero = b.int(int, 0);
    let mut sl = b.v(
        ints,
        InstrKind::MakeSlice {
            len: zero,
            cap: zero,
        },
    );
    let mut caps = Vec::new();
    for i in 0..5 {
        let x = b.int(int, i);
        sl = b.v(
            ints,
            InstrKind::Append {
                slice: sl,
                elems: vec![x],
            },
        );
        caps.push(b.v(int, InstrKind::Cap(sl)));
    }
    b.println(&caps);
    // panic(error(&E{}))
    let e = b.v(pet, InstrKind::New(et));
    let ev = b.v(error_t, InstrKind::MakeInterface(e));
    let any = b.v(eface, InstrKind::ChangeInterface(ev));
    b.e(InstrKind::Panic(any));
    b.term(Terminator::Unreachable);
    p.main(b, main);
    let Some(r) = run_rt(&p.p, 2, "rtmaps") else {
        return;
    };
    let want = "2 false 3\n7\n1 2 4 4 8\npanic: E happened\n\ngoroutine 1 [running]:\n";
    assert!(r.stderr.starts_with(want), "stderr: {}", r.stderr);
    assert_eq!(r.code, 2);
    let r0 = run_rt(&p.p, 0, "rtmaps").expect("runtime");
    assert!(r0.stderr.starts_with(want), "stderr at -O0: {}", r0.stderr);
}

/// Run-time errors reported with gc's messages.
#[test]
fn runtime_errors() {
    let cases: [(&str, &str); 3] = [
        (
            "index",
            "panic: runtime error: index out of range [5] with length 3\n",
        ),
        ("divide", "panic: runtime error: integer divide by zero\n"),
        (
            "assert",
            "panic: interface conversion: interface {} is string, not int\n",
        ),
    ];
    for (which, want) in cases {
        let mut p = Prog::new();
        let int = p.int();
        let s = p.string();
        let eface = p.eface();
        let main = p.declare("main.main", &[], &[]);
        let mut b = p.body(main);
        match which {
            "index" => {
                let x = b.int(int, 5);
                let y = b.int(int, 3);
                b.e(InstrKind::BoundsCheck {
                    kind: BoundsKind::Index,
                    x,
                    y,
                });
            }
            "divide" => {
                let x = b.int(int, 5);
                let y = b.int(int, 0);
                let q = b.bin(int, BinOp::Div, x, y);
                b.println(&[q]);
            }
            _ => {
                let v = b.str(s, "x");
                let e = b.v(eface, InstrKind::MakeInterface(v));
                let _ = b.v(
                    int,
                    InstrKind::TypeAssert {
                        value: e,
                        asserted: int,
                        comma_ok: false,
                    },
                );
            }
        }
        b.ret(&[]);
        p.main(b, main);
        let Some(r) = run_rt(&p.p, 2, which) else {
            return;
        };
        assert!(r.stderr.starts_with(want), "{which}: {}", r.stderr);
        assert_eq!(r.code, 2, "{which}");
    }
}
