//! The shape of optimised code: what LLVM makes of the IR we emit.

mod support;

use frontend::ir::*;
use support::*;

fn ir(p: &Program, opt: u8) -> String {
    codegen::emit_llvm_ir(
        p,
        &codegen::Options {
            opt_level: opt,
            pic: false,
            library: false,
        },
    )
    .expect("codegen")
}

/// The text of function `name` in the module `ir`.
fn function<'a>(ir: &'a str, name: &str) -> &'a str {
    let start = ir
        .find(&format!("@{name}("))
        .and_then(|i| ir[..i].rfind("define"))
        .unwrap_or_else(|| panic!("no function {name} in\n{ir}"));
    let end = ir[start..]
        .find("\n}\n")
        .map_or(ir.len(), |e| start + e + 3);
    &ir[start..end]
}

/// `func sum(s []int) int { for i := 0; i < len(s); i++ { t += s[i] } }`
/// with the bounds check the front end emits: LLVM removes the check.
#[test]
fn bounds_check_in_counted_loop_is_removed() {
    let mut p = Prog::new();
    let int = p.int();
    let ints = p.slice(int);
    let pint = p.ptr(int);
    let boolt = p.bool();
    let sum = p.declare("main.sum", &[ints], &[int]);
    let mut b = p.body(sum);
    let s = b.param(0);
    let li = b.local("i", int);
    let lt = b.local("t", int);
    let head = b.block();
    let body = b.block();
    let exit = b.block();
    b.jump(head);
    b.at(head);
    let pi = b.v(pint, InstrKind::LocalAddr(li));
    let i = b.v(int, InstrKind::Load(pi));
    let n = b.v(int, InstrKind::Len(s));
    let c = b.bin(boolt, BinOp::Lt, i, n);
    b.branch(c, body, exit);
    b.at(body);
    let pi = b.v(pint, InstrKind::LocalAddr(li));
    let i = b.v(int, InstrKind::Load(pi));
    let n = b.v(int, InstrKind::Len(s));
    b.e(InstrKind::BoundsCheck {
        kind: BoundsKind::Index,
        x: i,
        y: n,
    });
    let d = b.v(pint, InstrKind::DataPtr(s));
    let e = b.v(pint, InstrKind::IndexAddr { base: d, index: i });
    let x = b.v(int, InstrKind::Load(e));
    let pt = b.v(pint, InstrKind::LocalAddr(lt));
    let t = b.v(int, InstrKind::Load(pt));
    let t2 = b.bin(int, BinOp::Add, t, x);
    b.e(InstrKind::Store {
        addr: pt,
        value: t2,
    });
    let one = b.int(int, 1);
    let i2 = b.bin(int, BinOp::Add, i, one);
    b.e(InstrKind::Store {
        addr: pi,
        value: i2,
    });
    b.jump(head);
    b.at(exit);
    let pt = b.v(pint, InstrKind::LocalAddr(lt));
    let t = b.v(int, InstrKind::Load(pt));
    b.ret(&[t]);
    p.define(sum, b);
    // Exported, so it survives (inlined into its C wrapper).
    p.p.funcs[sum.0 as usize].export = Some("Sum".into());
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let zero = b.int(int, 0);
    let s = b.v(
        ints,
        InstrKind::MakeSlice {
            len: zero,
            cap: zero,
        },
    );
    let mut xs = Vec::new();
    for k in 1..=10 {
        xs.push(b.int(int, k));
    }
    let s = b.v(
        ints,
        InstrKind::Append {
            slice: s,
            elems: xs,
        },
    );
    let r = b.call(Some(int), sum, &[s]).unwrap();
    b.println(&[r]);
    b.ret(&[]);
    p.main(b, main);
    expect_output(&p.p, "sumloop", "55\n");
    let text = ir(&p.p, 2);
    let f = function(&text, "Sum");
    if std::env::var("SHOW").is_ok() {
        eprintln!("{f}");
    }
    assert!(
        !f.contains("rgo_panic_bounds"),
        "bounds check survived:\n{f}"
    );
    assert!(!f.contains("alloca"), "locals not promoted:\n{f}");
}

/// Boxing a constant allocates nothing; an unused heap object is deleted.
#[test]
fn constant_boxes_and_dead_allocations() {
    let mut p = Prog::new();
    let int = p.int();
    let eface = p.eface();
    let pint = p.ptr(int);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let k = b.int(int, 42);
    let e = b.v(eface, InstrKind::MakeInterface(k));
    let h = b.v(pint, InstrKind::New(int));
    b.e(InstrKind::Store { addr: h, value: k });
    b.println(&[e]);
    b.ret(&[]);
    p.main(b, main);
    let text = ir(&p.p, 2);
    let f = function(&text, "__rgo_main");
    assert!(!f.contains("rgo_alloc"), "allocation survived:\n{f}");
    assert!(f.contains("rgo_printeface"), "print vanished:\n{f}");
}
