//! End-to-end: small programs built as IR, compiled, linked with the C
//! runtime stubs, and run.

mod support;

use support::*;

#[test]
fn hello() {
    let mut p = Prog::new();
    let s = p.string();
    let int = p.int();
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let hello = b.str(s, "hello, world");
    let n = b.int(int, 42);
    b.println(&[hello, n]);
    b.ret(&[]);
    p.main(b, main);
    expect_output(&p.p, "hello", "hello, world 42\n");
}

#[test]
fn llvm_version_is_22() {
    assert!(codegen::llvm_version().starts_with("22."));
}
