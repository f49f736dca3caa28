//! IR that breaks its contract is reported as an error (for the driver's
//! `internal compiler error`), never a crash.

mod support;

use frontend::ir::*;
use frontend::source::{FileId, Span};
use support::*;

fn compile(p: &Program) -> Result<String, codegen::CodegenError> {
    codegen::emit_llvm_ir(
        p,
        &codegen::Options {
            opt_level: 0,
            pic: false,
            library: false,
        },
    )
}

#[test]
fn use_before_definition() {
    let mut p = Prog::new();
    let int = p.int();
    let f = p.declare("main.f", &[], &[int]);
    let mut b = p.body(f);
    let later = ValueId(5);
    b.ret(&[later]);
    p.define(f, b);
    let e = compile(&p.p).unwrap_err();
    assert!(e.message.contains("main.f"), "{}", e.message);
}

#[test]
fn mismatched_operands() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let f = p.declare("main.f", &[], &[int]);
    let mut b = p.body(f);
    let x = b.int(int, 1);
    let y = b.str(s, "a");
    let span = Span::new(FileId(3), 10, 20);
    b.f.blocks[0].instrs.push(Instr {
        dest: None,
        kind: InstrKind::Binary(BinOp::Add, x, y),
        span,
    });
    b.ret(&[x]);
    p.define(f, b);
    let e = compile(&p.p).unwrap_err();
    assert_eq!(e.span, Some(span));
    assert!(e.message.contains("Add of int and string"), "{}", e.message);
}

#[test]
fn wrong_representation() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let f = p.declare("main.f", &[], &[int]);
    let mut b = p.body(f);
    // A string constant claiming to be an int.
    let x = b.v(int, InstrKind::Const(Const::String(b"x".to_vec())));
    b.ret(&[x]);
    p.define(f, b);
    let _ = s;
    assert!(compile(&p.p).is_err());
}

#[test]
fn branch_to_missing_block() {
    let mut p = Prog::new();
    let f = p.declare("main.f", &[], &[]);
    let mut b = p.body(f);
    b.jump(BlockId(9));
    p.define(f, b);
    let e = compile(&p.p).unwrap_err();
    assert!(e.message.contains("b9"), "{}", e.message);
}

#[test]
fn missing_interface_method() {
    let mut p = Prog::new();
    let s = p.string();
    let int = p.int();
    let sig = p.func_type(&[], &[s]);
    let stringer = p.iface(&[("String", sig)]);
    let t = p.named("T", int);
    let f = p.declare("main.f", &[], &[]);
    let mut b = p.body(f);
    let x = b.int(t, 1);
    let _ = b.v(stringer, InstrKind::MakeInterface(x));
    b.ret(&[]);
    p.define(f, b);
    let e = compile(&p.p).unwrap_err();
    assert!(e.message.contains("missing method String"), "{}", e.message);
}
