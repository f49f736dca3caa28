//! Escape analysis (simple and conservative) and closure capture lists.
//!
//! A local variable lives on the heap when its address may outlive the
//! call: its address is taken (`&x`, `&x.f`, `&a[i]` on an array), a
//! pointer-receiver method is called on it or bound as a method value, an
//! array variable is sliced, or a function literal captures it (captures are
//! by reference). Everything else is a stack slot.

use std::collections::HashSet;

use crate::source::Span;
use crate::syntax::ast::{Block, Expr, ExprKind, NodeId, RangeStmt, Stmt, StmtKind, UnaryOp};
use crate::types::{Checked, ObjId, ObjKind, SelectionKind, TypeKind, VarKind};

/// A visit event.
pub(super) enum Node<'a> {
    Expr(&'a Expr),
    /// Before the body of a range statement.
    EnterRange(&'a RangeStmt),
    ExitRange,
    EnterLit(&'a Expr),
    ExitLit,
}

pub(super) fn walk_block<'a>(b: &'a Block, f: &mut dyn FnMut(Node<'a>)) {
    for s in &b.stmts {
        walk_stmt(s, f);
    }
}

pub(super) fn walk_stmt<'a>(s: &'a Stmt, f: &mut dyn FnMut(Node<'a>)) {
    match &s.kind {
        StmtKind::Empty
        | StmtKind::Bad
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_) => {}
        StmtKind::Fallthrough => {}
        StmtKind::Decl(g) => {
            for spec in &g.specs {
                match spec {
                    crate::syntax::ast::Spec::Value(v) => {
                        if let Some(t) = &v.ty {
                            walk_expr(t, f);
                        }
                        for e in &v.values {
                            walk_expr(e, f);
                        }
                    }
                    crate::syntax::ast::Spec::Type(t) => walk_expr(&t.ty, f),
                }
            }
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, f),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(e, f),
        StmtKind::Send { chan, value, .. } => {
            walk_expr(chan, f);
            walk_expr(value, f);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, f),
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter().chain(rhs.iter()) {
                walk_expr(e, f);
            }
        }
        StmtKind::Return(es) => {
            for e in es {
                walk_expr(e, f);
            }
        }
        StmtKind::Block(b) => walk_block(b, f),
        StmtKind::If(i) => {
            if let Some(init) = &i.init {
                walk_stmt(init, f);
            }
            walk_expr(&i.cond, f);
            walk_block(&i.then, f);
            if let Some(e) = &i.els {
                walk_stmt(e, f);
            }
        }
        StmtKind::Switch(sw) => {
            if let Some(init) = &sw.init {
                walk_stmt(init, f);
            }
            if let Some(t) = &sw.tag {
                walk_expr(t, f);
            }
            for c in &sw.clauses {
                for e in c.exprs.iter().flatten() {
                    walk_expr(e, f);
                }
                for s in &c.body {
                    walk_stmt(s, f);
                }
            }
        }
        StmtKind::TypeSwitch(ts) => {
            if let Some(init) = &ts.init {
                walk_stmt(init, f);
            }
            walk_expr(&ts.x, f);
            for c in &ts.clauses {
                for e in c.exprs.iter().flatten() {
                    walk_expr(e, f);
                }
                for s in &c.body {
                    walk_stmt(s, f);
                }
            }
        }
        StmtKind::Select(sel) => {
            for c in &sel.clauses {
                if let Some(comm) = &c.comm {
                    walk_stmt(comm, f);
                }
                for s in &c.body {
                    walk_stmt(s, f);
                }
            }
        }
        StmtKind::For(fs) => {
            if let Some(init) = &fs.init {
                walk_stmt(init, f);
            }
            if let Some(c) = &fs.cond {
                walk_expr(c, f);
            }
            if let Some(p) = &fs.post {
                walk_stmt(p, f);
            }
            walk_block(&fs.body, f);
        }
        StmtKind::Range(r) => {
            if let Some(k) = &r.key {
                walk_expr(k, f);
            }
            if let Some(v) = &r.value {
                walk_expr(v, f);
            }
            walk_expr(&r.x, f);
            f(Node::EnterRange(r));
            walk_block(&r.body, f);
            f(Node::ExitRange);
        }
    }
}

pub(super) fn walk_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(Node<'a>)) {
    f(Node::Expr(e));
    match &e.kind {
        ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(_) => {}
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                walk_expr(t, f);
            }
            for el in elts {
                walk_expr(el, f);
            }
        }
        ExprKind::FuncLit { body, .. } => {
            f(Node::EnterLit(e));
            walk_block(body, f);
            f(Node::ExitLit);
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::SliceType(x) | ExprKind::Ellipsis(x) => {
            walk_expr(x, f)
        }
        ExprKind::Selector { x, .. } => walk_expr(x, f),
        ExprKind::Index { x, indices, .. } => {
            walk_expr(x, f);
            for i in indices {
                walk_expr(i, f);
            }
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(x, f);
            for i in [lo, hi, max].into_iter().flatten() {
                walk_expr(i, f);
            }
        }
        ExprKind::TypeAssert { x, ty, .. } => {
            walk_expr(x, f);
            if let Some(t) = ty {
                walk_expr(t, f);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(func, f);
            for a in args {
                walk_expr(a, f);
            }
        }
        ExprKind::Unary { x, .. } => walk_expr(x, f),
        ExprKind::Binary { x, y, .. } => {
            walk_expr(x, f);
            walk_expr(y, f);
        }
        ExprKind::KeyValue { key, value, .. } => {
            walk_expr(key, f);
            walk_expr(value, f);
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                walk_expr(l, f);
            }
            walk_expr(elem, f);
        }
        ExprKind::MapType { key, value } => {
            walk_expr(key, f);
            walk_expr(value, f);
        }
        ExprKind::ChanType { elem, .. } => walk_expr(elem, f),
        ExprKind::StructType(_) | ExprKind::FuncType(_) | ExprKind::InterfaceType(_) => {}
    }
}

/// Something that walks syntax, calling a visitor on each node.
type Walker<'w, 'a> = dyn FnMut(&mut dyn FnMut(Node<'a>)) + 'w;

/// Whether `o` is a function-local variable (parameters included).
pub(super) fn is_local_var(ck: &Checked, o: ObjId) -> bool {
    matches!(
        ck.obj(o).kind,
        ObjKind::Var(VarKind::Local | VarKind::Param | VarKind::Result | VarKind::Recv)
    )
}

/// The variable whose storage an addressable expression denotes (by
/// value: not through pointers, slices or maps).
pub(super) fn root_var(ck: &Checked, e: &Expr) -> Option<ObjId> {
    let e = e.unparen();
    match &e.kind {
        ExprKind::Ident(_) => {
            let o = *ck.info.uses.get(&e.id)?;
            is_local_var(ck, o).then_some(o)
        }
        ExprKind::Selector { x, .. } => {
            let sel = ck.info.selections.get(&e.id)?;
            if sel.kind != SelectionKind::FieldVal || sel.indirect {
                return None;
            }
            root_var(ck, x)
        }
        ExprKind::Index { x, .. } => {
            let t = ck.type_of(x)?.ty;
            match ck.tcx.under_kind(t) {
                TypeKind::Array(..) => root_var(ck, x),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The variables of a function body that must live on the heap.
pub(super) fn escaping_vars(ck: &Checked, body: &Block) -> HashSet<ObjId> {
    escaping_in(ck, &mut |f| walk_block(body, f))
}

/// The variables that must live on the heap among those declared in
/// expressions (package-level initialisers).
pub(super) fn escaping_vars_exprs(ck: &Checked, exprs: &[&Expr]) -> HashSet<ObjId> {
    escaping_in(ck, &mut |f| {
        for e in exprs {
            walk_expr(e, f);
        }
    })
}

fn escaping_in<'a>(ck: &Checked, walk: &mut Walker<'_, 'a>) -> HashSet<ObjId> {
    let mut out: HashSet<ObjId> = HashSet::new();
    // Owners (function literal ids) we are inside of, innermost last.
    let mut lits: Vec<NodeId> = Vec::new();
    // Bodies of range-over-func loops we are inside of (they become
    // closures too); `None` for other range statements.
    let mut ranges: Vec<Option<Span>> = Vec::new();
    walk(&mut |n| match n {
        Node::EnterLit(l) => lits.push(l.id),
        Node::ExitLit => {
            lits.pop();
        }
        Node::EnterRange(r) => ranges.push(is_range_func(ck, r).then_some(r.body.span)),
        Node::ExitRange => {
            ranges.pop();
        }
        Node::Expr(e) => match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = ck.info.uses.get(&e.id) {
                    if let Some(&inner) = lits.last() {
                        if is_local_var(ck, o) && ck.obj(o).owner != Some(inner) {
                            out.insert(o);
                        }
                    }
                    if let Some(body) = ranges.iter().rev().flatten().next() {
                        if is_local_var(ck, o) && !within(ck.obj(o).span, *body) {
                            out.insert(o);
                        }
                    }
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                if let Some(o) = root_var(ck, x) {
                    out.insert(o);
                }
            }
            ExprKind::Selector { x, .. } => {
                if let Some(sel) = ck.info.selections.get(&e.id) {
                    if sel.kind == SelectionKind::MethodVal {
                        if let Some(m) = sel.method {
                            let ptr_recv = ck
                                .obj(m)
                                .recv
                                .is_some_and(|r| matches!(ck.tcx.kind(r), TypeKind::Pointer(_)));
                            let x_ptr = matches!(ck.tcx.kind(sel.recv), TypeKind::Pointer(_));
                            if ptr_recv && !x_ptr && !sel.indirect {
                                if let Some(o) = root_var(ck, x) {
                                    out.insert(o);
                                }
                            }
                        }
                    }
                }
            }
            ExprKind::Slice { x, .. } => {
                if let Some(tv) = ck.type_of(x) {
                    if matches!(ck.tcx.under_kind(tv.ty), TypeKind::Array(..)) {
                        if let Some(o) = root_var(ck, x) {
                            out.insert(o);
                        }
                    }
                }
            }
            _ => {}
        },
    });
    out
}

/// The variables a function literal uses that are declared outside it, in
/// order of first use: its captures.
pub(super) fn free_vars(ck: &Checked, lit: &Expr) -> Vec<ObjId> {
    let mut inside: HashSet<NodeId> = HashSet::new();
    let mut out: Vec<ObjId> = Vec::new();
    if let ExprKind::FuncLit { body, .. } = &lit.kind {
        inside.insert(lit.id);
        walk_block(body, &mut |n| match n {
            Node::EnterLit(l) => {
                inside.insert(l.id);
            }
            Node::ExitLit | Node::EnterRange(_) | Node::ExitRange => {}
            Node::Expr(e) => {
                if let ExprKind::Ident(_) = &e.kind {
                    if let Some(&o) = ck.info.uses.get(&e.id) {
                        if is_local_var(ck, o)
                            && !ck.obj(o).owner.is_some_and(|ow| inside.contains(&ow))
                            && !out.contains(&o)
                        {
                            out.push(o);
                        }
                    }
                }
            }
        });
    }
    out
}

/// Local slice variables whose backing array never leaves the function:
/// every use is `len(v)`, `cap(v)`, an element `v[i]` (not its address),
/// `v = append(v, ...)` or `range v`, and the variable itself does not
/// escape. gc gives the first backing array of such a slice a 32-byte
/// stack buffer, which shows in `cap`; lowering mirrors that growth.
pub(super) fn stack_backed_slices(
    ck: &Checked,
    body: &Block,
    escaping: &HashSet<ObjId>,
) -> HashSet<ObjId> {
    let mut allowed: HashSet<NodeId> = HashSet::new();
    let mut disqualified: HashSet<ObjId> = HashSet::new();
    allowed_in_stmts(ck, &body.stmts, &mut allowed);
    let ident_obj = |e: &Expr| -> Option<ObjId> {
        match &e.unparen().kind {
            ExprKind::Ident(_) => ck.info.uses.get(&e.unparen().id).copied(),
            _ => None,
        }
    };
    let mut uses: Vec<(NodeId, ObjId)> = Vec::new();
    walk_block(body, &mut |n| {
        let Node::Expr(e) = n else { return };
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = ck.info.uses.get(&e.id) {
                    uses.push((e.id, o));
                }
            }
            ExprKind::Call { func, args, .. } => {
                let is_len_cap = ck.info.types.get(&func.id).is_some_and(|tv| {
                    matches!(
                        tv.mode,
                        crate::types::Mode::Builtin(
                            crate::types::Builtin::Len | crate::types::Builtin::Cap
                        )
                    )
                });
                if is_len_cap {
                    if let Some(a) = args.first() {
                        if ident_obj(a).is_some() {
                            allowed.insert(a.unparen().id);
                        }
                    }
                }
            }
            ExprKind::Index { x, .. } if ident_obj(x).is_some() => {
                allowed.insert(x.unparen().id);
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                if let ExprKind::Index { x: base, .. } = &x.unparen().kind {
                    if let Some(o) = ident_obj(base) {
                        disqualified.insert(o);
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                // A pointer method called on an element takes its address.
                if let (ExprKind::Index { x: base, .. }, Some(sel)) =
                    (&x.unparen().kind, ck.info.selections.get(&e.id))
                {
                    let ptr_recv = sel.method.is_some_and(|m| {
                        ck.obj(m)
                            .recv
                            .is_some_and(|r| matches!(ck.tcx.kind(r), TypeKind::Pointer(_)))
                    });
                    if ptr_recv && !sel.indirect {
                        if let Some(o) = ident_obj(base) {
                            disqualified.insert(o);
                        }
                    }
                }
            }
            _ => {}
        }
    });
    let mut candidates: HashSet<ObjId> = HashSet::new();
    for &(_, o) in &uses {
        if is_local_var(ck, o) && matches!(ck.tcx.under_kind(ck.obj(o).ty), TypeKind::Slice(_)) {
            candidates.insert(o);
        }
    }
    for (id, o) in uses {
        if !allowed.contains(&id) {
            disqualified.insert(o);
        }
    }
    candidates
        .into_iter()
        .filter(|o| {
            !disqualified.contains(o)
                && !escaping.contains(o)
                && ck.obj(*o).kind == ObjKind::Var(VarKind::Local)
        })
        .collect()
}

/// Marks the operands of `v = append(v, ...)` and `range v` as allowed uses.
fn allowed_in_stmts(ck: &Checked, stmts: &[Stmt], allowed: &mut HashSet<NodeId>) {
    for s in stmts {
        allowed_in_stmt(ck, s, allowed);
    }
}

fn allowed_in_stmt(ck: &Checked, s: &Stmt, allowed: &mut HashSet<NodeId>) {
    match &s.kind {
        StmtKind::Assign { lhs, rhs, op, .. } if *op == crate::syntax::ast::AssignOp::Assign => {
            for (l, r) in lhs.iter().zip(rhs.iter()) {
                let (
                    ExprKind::Ident(_),
                    ExprKind::Call {
                        func, args, dots, ..
                    },
                ) = (&l.unparen().kind, &r.unparen().kind)
                else {
                    continue;
                };
                let is_append = ck.info.types.get(&func.id).is_some_and(|tv| {
                    tv.mode == crate::types::Mode::Builtin(crate::types::Builtin::Append)
                });
                let Some(first) = args.first() else { continue };
                let lo = ck.info.uses.get(&l.unparen().id);
                let fo = ck.info.uses.get(&first.unparen().id);
                // `append(v, v...)` passes v's elements: still fine, but
                // keep it simple and allow only other sources.
                let self_source = *dots
                    && args
                        .get(1)
                        .is_some_and(|a| ck.info.uses.get(&a.unparen().id) == lo);
                if is_append && lo.is_some() && lo == fo && !self_source {
                    allowed.insert(l.unparen().id);
                    allowed.insert(first.unparen().id);
                }
            }
        }
        StmtKind::Range(r) => {
            if let ExprKind::Ident(_) = &r.x.unparen().kind {
                if ck
                    .type_of(&r.x)
                    .is_some_and(|tv| matches!(ck.tcx.under_kind(tv.ty), TypeKind::Slice(_)))
                {
                    allowed.insert(r.x.unparen().id);
                }
            }
            allowed_in_stmts(ck, &r.body.stmts, allowed);
        }
        StmtKind::Labeled { stmt, .. } => allowed_in_stmt(ck, stmt, allowed),
        StmtKind::Block(b) => allowed_in_stmts(ck, &b.stmts, allowed),
        StmtKind::If(i) => {
            if let Some(init) = &i.init {
                allowed_in_stmt(ck, init, allowed);
            }
            allowed_in_stmts(ck, &i.then.stmts, allowed);
            if let Some(e) = &i.els {
                allowed_in_stmt(ck, e, allowed);
            }
        }
        StmtKind::Switch(sw) => {
            if let Some(init) = &sw.init {
                allowed_in_stmt(ck, init, allowed);
            }
            for c in &sw.clauses {
                allowed_in_stmts(ck, &c.body, allowed);
            }
        }
        StmtKind::TypeSwitch(ts) => {
            for c in &ts.clauses {
                allowed_in_stmts(ck, &c.body, allowed);
            }
        }
        StmtKind::For(f) => {
            if let Some(init) = &f.init {
                allowed_in_stmt(ck, init, allowed);
            }
            if let Some(p) = &f.post {
                allowed_in_stmt(ck, p, allowed);
            }
            allowed_in_stmts(ck, &f.body.stmts, allowed);
        }
        _ => {}
    }
}

/// Whether a range statement ranges over a function (an iterator).
pub(super) fn is_range_func(ck: &Checked, r: &RangeStmt) -> bool {
    ck.type_of(&r.x)
        .is_some_and(|tv| matches!(ck.tcx.under_kind(tv.ty), TypeKind::Func(_)))
}

fn within(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && inner.lo >= outer.lo && inner.hi <= outer.hi
}

/// The variables the body of a range-over-func loop uses that are declared
/// outside it (its yield function's captures), in order of first use. The
/// iteration variables of a `:=` loop belong to the body.
pub(super) fn range_func_free_vars(ck: &Checked, r: &RangeStmt) -> Vec<ObjId> {
    let mut own: HashSet<ObjId> = HashSet::new();
    if r.define {
        for e in [r.key.as_ref(), r.value.as_ref()].into_iter().flatten() {
            if let Some(&o) = ck.info.defs.get(&e.id) {
                own.insert(o);
            }
        }
    }
    let mut out: Vec<ObjId> = Vec::new();
    let mut visit = |n: Node<'_>| {
        let Node::Expr(e) = n else { return };
        if let ExprKind::Ident(_) = &e.kind {
            if let Some(&o) = ck.info.uses.get(&e.id) {
                if is_local_var(ck, o)
                    && !own.contains(&o)
                    && !within(ck.obj(o).span, r.body.span)
                    && !out.contains(&o)
                {
                    out.push(o);
                }
            }
        }
    };
    if !r.define {
        for e in [r.key.as_ref(), r.value.as_ref()].into_iter().flatten() {
            walk_expr(e, &mut visit);
        }
    }
    walk_block(&r.body, &mut visit);
    out
}

/// Whether an expression contains a function call or a receive (then
/// `len` of an array expression is not constant: it must be evaluated).
pub(super) fn has_call(e: &Expr) -> bool {
    let mut found = false;
    walk_expr(e, &mut |n| {
        if let Node::Expr(x) = n {
            if matches!(
                x.kind,
                ExprKind::Call { .. }
                    | ExprKind::Unary {
                        op: UnaryOp::Recv,
                        ..
                    }
            ) {
                found = true;
            }
        }
    });
    found
}
