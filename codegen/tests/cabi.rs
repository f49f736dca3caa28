//! The flattened C ABI: `//rgo:extern` functions called from Go, and
//! `//export` functions called from C.

mod support;

use frontend::ir::*;
use support::*;

const C_SIDE: &str = r#"
/* func greet(name string, n int) string */
GoString c_greet(const uint8_t *p, int64_t len, int64_t n) {
    char *buf = malloc(len + 32);
    int k = sprintf(buf, "hi %.*s x%lld", (int)len, p, (long long)n);
    GoString s = { (const uint8_t *)buf, k }; return s;
}
/* func divmod(a, b int) (int, int) */
void c_divmod(int64_t *out, int64_t a, int64_t b) { out[0] = a / b; out[1] = a % b; }
/* func sum(xs []int) int */
int64_t c_sum(const int64_t *p, int64_t len, int64_t cap) {
    (void)cap; int64_t s = 0; for (int64_t i = 0; i < len; i++) s += p[i]; return s;
}
/* func norm(p Point) float64 where Point{x, y float64} */
double c_norm(const double *pt) { return pt[0] * pt[0] + pt[1] * pt[1]; }
/* func ok(b bool) bool */
uint8_t c_not(uint8_t b) { return !b; }

/* The exported Go functions, called back from C. */
extern int64_t Twice(int64_t);
extern GoString Hello(const uint8_t *, int64_t);
extern void Pair(int64_t *out, int64_t);
int64_t c_call_exports(int64_t x) {
    GoString s = Hello((const uint8_t *)"C", 1);
    int64_t pr[2]; Pair(pr, x);
    printf("[%.*s %lld %lld]\n", (int)s.len, s.ptr, (long long)pr[0], (long long)pr[1]);
    return Twice(x);
}
"#;

#[test]
fn externs_and_exports() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let f64t = p.f64();
    let boolt = p.bool();
    let ints = p.slice(int);
    let point = p.strukt(&[("x", f64t), ("y", f64t)]);
    let greet = p.extern_fn("main.greet", &[s, int], &[s], "c_greet");
    let divmod = p.extern_fn("main.divmod", &[int, int], &[int, int], "c_divmod");
    let sum = p.extern_fn("main.sum", &[ints], &[int], "c_sum");
    let norm = p.extern_fn("main.norm", &[point], &[f64t], "c_norm");
    let not = p.extern_fn("main.not", &[boolt], &[boolt], "c_not");
    let call_exports = p.extern_fn("main.callExports", &[int], &[int], "c_call_exports");

    // Exported: Twice(x int) int, Hello(s string) string, Pair(x int) (int, int)
    let twice = p.declare("main.Twice", &[int], &[int]);
    let mut b = p.body(twice);
    let x = b.param(0);
    let r = b.bin(int, BinOp::Add, x, x);
    b.ret(&[r]);
    p.define(twice, b);
    p.p.funcs[twice.0 as usize].export = Some("Twice".into());
    let hello = p.declare("main.Hello", &[s], &[s]);
    let mut b = p.body(hello);
    let x = b.param(0);
    let pre = b.str(s, "hello ");
    let r = b.bin(s, BinOp::Concat, pre, x);
    b.ret(&[r]);
    p.define(hello, b);
    p.p.funcs[hello.0 as usize].export = Some("Hello".into());
    let pair = p.declare("main.Pair", &[int], &[int, int]);
    let mut b = p.body(pair);
    let x = b.param(0);
    let one = b.int(int, 1);
    let r = b.bin(int, BinOp::Add, x, one);
    b.ret(&[x, r]);
    p.define(pair, b);
    p.p.funcs[pair.0 as usize].export = Some("Pair".into());

    let tup = p.tuple(&[int, int]);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let name = b.str(s, "gopher");
    let three = b.int(int, 3);
    let g = b.call(Some(s), greet, &[name, three]).unwrap();
    let a = b.int(int, 17);
    let dm = b.call(Some(tup), divmod, &[a, three]).unwrap();
    let q = b.v(
        int,
        InstrKind::Extract {
            tuple: dm,
            index: 0,
        },
    );
    let r = b.v(
        int,
        InstrKind::Extract {
            tuple: dm,
            index: 1,
        },
    );
    let zero = b.int(int, 0);
    let xs = b.v(
        ints,
        InstrKind::MakeSlice {
            len: zero,
            cap: zero,
        },
    );
    let xs = b.v(
        ints,
        InstrKind::Append {
            slice: xs,
            elems: vec![a, three, r],
        },
    );
    let total = b.call(Some(int), sum, &[xs]).unwrap();
    let lp = b.local("pt", point);
    let pp = b.v(p.ptr(point), InstrKind::LocalAddr(lp));
    let fx = b.v(p.ptr(f64t), InstrKind::FieldAddr { base: pp, index: 0 });
    let k = b.v(f64t, InstrKind::Const(Const::Float(3.0)));
    b.e(InstrKind::Store { addr: fx, value: k });
    let fy = b.v(p.ptr(f64t), InstrKind::FieldAddr { base: pp, index: 1 });
    let k = b.v(f64t, InstrKind::Const(Const::Float(4.0)));
    b.e(InstrKind::Store { addr: fy, value: k });
    let pv = b.v(point, InstrKind::Load(pp));
    let nrm = b.call(Some(f64t), norm, &[pv]).unwrap();
    let t = b.v(boolt, InstrKind::Const(Const::Bool(true)));
    let nt = b.call(Some(boolt), not, &[t]).unwrap();
    b.println(&[g, q, r, total, nrm, nt]);
    let k = b.int(int, 21);
    let viac = b.call(Some(int), call_exports, &[k]).unwrap();
    b.println(&[viac]);
    // A func value of an extern function.
    let ft = p.func_type(&[boolt], &[boolt]);
    let fv = b.v(ft, InstrKind::FuncValue(not));
    let f = b.v(boolt, InstrKind::Const(Const::Bool(false)));
    let r = b.v(
        boolt,
        InstrKind::Call {
            callee: Callee::Value(fv),
            args: vec![f],
        },
    );
    b.println(&[r]);
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "cabi",
        C_SIDE,
        "hi gopher x3 5 2 22 2.500000e+01 false\n[hello C 21 22]\n42\ntrue\n",
        0,
    );
}

/// With `pic`, the object links into a shared library (no relocations
/// that need a fixed address), with the exported function visible.
#[test]
fn pic_objects_link_into_shared_libraries() {
    let mut p = Prog::new();
    let int = p.int();
    let twice = p.declare("main.Twice", &[int], &[int]);
    let mut b = p.body(twice);
    let x = b.param(0);
    let r = b.bin(int, BinOp::Add, x, x);
    let s = p.string();
    let eface = p.eface();
    let hi = b.str(s, "hi");
    let e = b.v(eface, InstrKind::MakeInterface(hi));
    b.println(&[e]);
    b.ret(&[r]);
    p.define(twice, b);
    p.p.funcs[twice.0 as usize].export = Some("Twice".into());
    let dir = std::env::temp_dir().join(format!("rgo-codegen-pic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let obj = dir.join("lib.o");
    let so = dir.join("lib.so");
    codegen::emit_object(
        &p.p,
        &codegen::Options {
            opt_level: 2,
            pic: true,
            library: true,
        },
        &obj,
    )
    .expect("codegen");
    let out = std::process::Command::new("cc")
        .stdin(std::process::Stdio::piped())
        .arg("-shared")
        .arg("-o")
        .arg(&so)
        .arg(&obj)
        .output()
        .expect("run cc");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nm = std::process::Command::new("nm")
        .stdin(std::process::Stdio::piped())
        .arg("-D")
        .arg("--defined-only")
        .arg(&so)
        .output()
        .expect("run nm");
    let syms = String::from_utf8_lossy(&nm.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(syms.contains(" T Twice"), "{syms}");
    assert!(
        !syms.contains("main.Twice"),
        "Go functions stay internal: {syms}"
    );
    assert!(!syms.contains("type:"), "descriptors stay hidden: {syms}");
}
