//! Syntax trees back to source text, in the one-line short form gc uses in
//! its messages (`cannot use x + y (...)`, `f(…)`): function literal and
//! composite literal bodies print as `{…}`.

use super::ast::*;

/// An expression as gc prints it in diagnostics.
pub fn expr_string(x: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, x, 0);
    out
}

/// A simple statement as gc prints it in diagnostics (`x := 1`, `x++`).
pub fn stmt_string(s: &Stmt) -> String {
    let mut out = String::new();
    stmt(&mut out, s);
    out
}

/// Deeper trees are elided, so printing cannot exhaust the stack.
const MAX_DEPTH: u32 = 200;

fn list(out: &mut String, xs: &[Expr], depth: u32) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, depth);
    }
}

fn expr(out: &mut String, x: &Expr, depth: u32) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    let d = depth + 1;
    match &x.kind {
        ExprKind::Bad => out.push_str("<bad expr>"),
        ExprKind::Ident(name) => out.push_str(name),
        ExprKind::BasicLit(lit) => out.push_str(&lit.raw),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                expr(out, t, d);
            }
            out.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { ty, body } => {
            func_type(out, ty, true, d);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            expr(out, inner, d);
            out.push(')');
        }
        ExprKind::Selector { x, sel, .. } => {
            expr(out, x, d);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, indices, .. } => {
            expr(out, x, d);
            out.push('[');
            list(out, indices, d);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(out, x, d);
            out.push('[');
            if let Some(lo) = lo {
                expr(out, lo, d);
            }
            out.push(':');
            if let Some(hi) = hi {
                expr(out, hi, d);
            }
            if let Some(max) = max {
                out.push(':');
                expr(out, max, d);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty, .. } => {
            expr(out, x, d);
            out.push_str(".(");
            match ty {
                Some(t) => expr(out, t, d),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func, args, dots, ..
        } => {
            expr(out, func, d);
            out.push('(');
            list(out, args, d);
            if *dots {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(inner) => {
            out.push('*');
            expr(out, inner, d);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.as_str());
            expr(out, x, d);
        }
        ExprKind::Binary { op, x, y, .. } => {
            expr(out, x, d);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            expr(out, y, d);
        }
        ExprKind::KeyValue { key, value, .. } => {
            expr(out, key, d);
            out.push_str(": ");
            expr(out, value, d);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                Some(l) => expr(out, l, d),
                None => out.push_str("..."),
            }
            out.push(']');
            expr(out, elem, d);
        }
        ExprKind::SliceType(elem) => {
            out.push_str("[]");
            expr(out, elem, d);
        }
        ExprKind::StructType(fields) => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                for (j, n) in f.names.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&n.name);
                }
                if !f.names.is_empty() {
                    out.push(' ');
                }
                expr(out, &f.ty, d);
                if let Some(tag) = &f.tag {
                    out.push(' ');
                    out.push_str(&tag.raw);
                }
            }
            out.push('}');
        }
        ExprKind::FuncType(ty) => func_type(out, ty, true, d),
        ExprKind::InterfaceType(elems) => {
            out.push_str("interface{");
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match e {
                    InterfaceElem::Method { name, ty } => {
                        out.push_str(&name.name);
                        func_type(out, ty, false, d);
                    }
                    InterfaceElem::Embed(t) => expr(out, t, d),
                }
            }
            out.push('}');
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            expr(out, key, d);
            out.push(']');
            expr(out, value, d);
        }
        ExprKind::ChanType { dir, elem } => {
            if *dir == ChanDir::Recv {
                out.push_str("<-");
            }
            out.push_str("chan");
            if *dir == ChanDir::Send {
                out.push_str("<-");
            }
            out.push(' ');
            let paren = *dir == ChanDir::Both
                && matches!(
                    elem.kind,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        ..
                    }
                );
            if paren {
                out.push('(');
            }
            expr(out, elem, d);
            if paren {
                out.push(')');
            }
        }
        ExprKind::Ellipsis(elem) => {
            out.push_str("...");
            expr(out, elem, d);
        }
    }
}

/// `func(a, b int) string` (without `func` for interface methods).
fn func_type(out: &mut String, ty: &FuncType, keyword: bool, depth: u32) {
    if keyword {
        out.push_str("func");
    }
    params(out, &ty.params, depth);
    match ty.results.as_slice() {
        [] => {}
        [single] if single.names.is_empty() => {
            out.push(' ');
            expr(out, &single.ty, depth);
        }
        results => {
            out.push(' ');
            params(out, results, depth);
        }
    }
}

fn params(out: &mut String, fields: &[Field], depth: u32) {
    out.push('(');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        for (j, n) in f.names.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push_str(&n.name);
        }
        if !f.names.is_empty() {
            out.push(' ');
        }
        expr(out, &f.ty, depth);
    }
    out.push(')');
}

fn stmt(out: &mut String, s: &Stmt) {
    match &s.kind {
        StmtKind::Expr(x) => expr(out, x, 0),
        StmtKind::Send { chan, value, .. } => {
            expr(out, chan, 0);
            out.push_str(" <- ");
            expr(out, value, 0);
        }
        StmtKind::IncDec { x, inc, .. } => {
            expr(out, x, 0);
            out.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign { lhs, op, rhs, .. } => {
            list(out, lhs, 0);
            out.push_str(match op {
                AssignOp::Assign => " = ",
                AssignOp::Define => " := ",
                AssignOp::Op(_) => " ",
            });
            if let AssignOp::Op(b) = op {
                out.push_str(b.as_str());
                out.push_str("= ");
            }
            list(out, rhs, 0);
        }
        StmtKind::Go(x) => {
            out.push_str("go ");
            expr(out, x, 0);
        }
        StmtKind::Defer(x) => {
            out.push_str("defer ");
            expr(out, x, 0);
        }
        StmtKind::Return(xs) => {
            out.push_str("return");
            if !xs.is_empty() {
                out.push(' ');
                list(out, xs, 0);
            }
        }
        StmtKind::Break(l) | StmtKind::Continue(l) => {
            out.push_str(if matches!(s.kind, StmtKind::Break(_)) {
                "break"
            } else {
                "continue"
            });
            if let Some(l) = l {
                out.push(' ');
                out.push_str(&l.name);
            }
        }
        StmtKind::Goto(l) => {
            out.push_str("goto ");
            out.push_str(&l.name);
        }
        StmtKind::Fallthrough => out.push_str("fallthrough"),
        StmtKind::Empty => {}
        _ => out.push('…'),
    }
}

#[cfg(test)]
mod tests {
    use super::super::ast::NodeIdGen;
    use super::super::parser::parse_expr;
    use super::*;
    use crate::source::SourceMap;

    fn round(src: &str) -> String {
        let mut sm = SourceMap::new();
        let f = sm.add("x.go", src);
        let (x, diags) = parse_expr(&sm, f, &mut NodeIdGen::new());
        assert!(diags.is_empty(), "{src}: {diags:?}");
        expr_string(&x)
    }

    #[test]
    fn short_form() {
        assert_eq!(round("a+b*c"), "a + b * c");
        assert_eq!(round("f(x, y...)"), "f(x, y...)");
        assert_eq!(round("[]int{1, 2}"), "[]int{…}");
        assert_eq!(
            round("func(a, b int) (string, error) { return }"),
            "func(a, b int) (string, error) {…}"
        );
        assert_eq!(round("map[string]chan<- *T{}"), "map[string]chan<- *T{}");
        assert_eq!(round("x.(type)"), "x.(type)");
        assert_eq!(round("s[1:2:3]"), "s[1:2:3]");
        assert_eq!(round("<-ch"), "<-ch");
        assert_eq!(
            round("struct{a, b int `t`; E}{}"),
            "struct{a, b int `t`; E}{}"
        );
        assert_eq!(
            round("interface{ M(int) bool; ~int | string }(nil)"),
            "interface{M(int) bool; ~int | string}(nil)"
        );
    }
}
