//! One function body: the lowering state ([`FnLowerer`]), parameters and
//! results, where each variable lives (stack slot, heap object, capture,
//! global), and the function declarations' entry point.

use std::collections::{HashMap, HashSet};

use super::builder::Builder;
use super::escape;
use super::Lowerer;
use crate::ir::{self, BlockId, Const, FuncId, InstrKind, LocalId, Terminator, TypeId, ValueId};
use crate::source::Span;
use crate::syntax::ast::{self, Expr, ExprKind};
use crate::types::{BasicKind, ObjId, TParamId, TyId, TypeKind};

/// Where a variable lives.
#[derive(Clone, Copy, Debug)]
pub(super) enum Storage {
    /// A stack slot.
    Local(LocalId),
    /// A heap object (or a captured variable's address) whose address is
    /// this value.
    Addr(ValueId),
    /// A heap object whose address changes per loop iteration, kept in
    /// this pointer-typed slot.
    Slot(LocalId),
}

/// A `break`/`continue` target.
pub(super) struct Target {
    pub label: Option<String>,
    pub brk: BlockId,
    pub cont: Option<BlockId>,
}

pub(super) struct FnLowerer<'l, 'a> {
    pub lw: &'l mut Lowerer<'a>,
    pub b: Builder,
    pub subst: HashMap<TParamId, TyId>,
    pub vars: HashMap<ObjId, Storage>,
    pub escapes: HashSet<ObjId>,
    /// Slices whose first backing array gc would put on the stack
    /// ([`escape::stack_backed_slices`]).
    pub stack_slices: HashSet<ObjId>,
    /// Result types (concrete).
    pub result_tys: Vec<TyId>,
    /// Named result variables.
    pub named_results: Vec<ObjId>,
    /// The function's link name (closures are named after it).
    pub name: String,
    pub targets: Vec<Target>,
    /// Blocks of labeled statements (for `goto`).
    pub labels: HashMap<String, BlockId>,
    /// Labels whose statement has been lowered (each label a `goto`
    /// names must be, by the time the function is finished).
    pub labels_placed: HashSet<String>,
    /// The body of the next switch clause (for `fallthrough`).
    pub fallthrough: Option<BlockId>,
    /// The label of the statement being lowered, for loops and switches.
    pub pending_label: Option<String>,
    /// The list of deferred calls, when the function has `defer`s.
    pub defers: Option<LocalId>,
    /// Slots for unnamed results while deferred calls run.
    pub ret_slots: Vec<LocalId>,
    /// Inside the body of a range-over-func loop (a yield function).
    pub yield_ctx: Option<super::rangefunc::YieldCtx>,
    /// The body calls `recover()`: the function is never inlined (whether
    /// `recover` works depends on who called the function).
    pub calls_recover: bool,
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub fn new(
        lw: &'l mut Lowerer<'a>,
        name: String,
        span: Span,
        subst: HashMap<TParamId, TyId>,
    ) -> FnLowerer<'l, 'a> {
        FnLowerer {
            lw,
            b: Builder::new(span),
            subst,
            vars: HashMap::new(),
            escapes: HashSet::new(),
            stack_slices: HashSet::new(),
            result_tys: Vec::new(),
            named_results: Vec::new(),
            name,
            targets: Vec::new(),
            labels: HashMap::new(),
            labels_placed: HashSet::new(),
            fallthrough: None,
            pending_label: None,
            defers: None,
            ret_slots: Vec::new(),
            yield_ctx: None,
            calls_recover: false,
        }
    }

    // -----------------------------------------------------------------
    // Types
    // -----------------------------------------------------------------

    /// A checker type made concrete (type parameters substituted).
    pub fn cty(&mut self, t: TyId) -> TyId {
        let subst = std::mem::take(&mut self.subst);
        let r = self.lw.concrete(t, &subst);
        self.subst = subst;
        r
    }

    /// The IR type of a checker type.
    pub fn ty(&mut self, t: TyId) -> TypeId {
        let subst = std::mem::take(&mut self.subst);
        let r = self.lw.ir_type(t, &subst);
        self.subst = subst;
        r
    }

    pub fn ptr_to(&mut self, t: TyId) -> TypeId {
        let t = self.cty(t);
        let p = self.lw.ck.tcx.pointer(t);
        self.ty(p)
    }

    pub fn basic(&mut self, k: BasicKind) -> TypeId {
        self.lw.ir_basic(k)
    }

    pub fn int_ty(&mut self) -> TypeId {
        self.basic(BasicKind::Int)
    }

    pub fn bool_ty(&mut self) -> TypeId {
        self.basic(BasicKind::Bool)
    }

    /// The concrete type the checker recorded for an expression (untyped
    /// types replaced by their defaults).
    pub fn tyof(&mut self, e: &Expr) -> TyId {
        // An instantiated generic function: its recorded type may still be
        // the generic signature; the instance has the instantiated one.
        // For `f[T1](args)` with the other type arguments inferred, the
        // instance is recorded on `f`.
        let inner = e.unparen();
        let inst = match &inner.kind {
            ExprKind::Index { x, .. } => self
                .lw
                .ck
                .info
                .instances
                .get(&inner.id)
                .or_else(|| self.lw.ck.info.instances.get(&x.unparen().id)),
            _ => self.lw.ck.info.instances.get(&inner.id),
        };
        if let Some(t) = inst.map(|i| i.ty) {
            return self.cty(t);
        }
        let t = match self.lw.ck.info.types.get(&e.id) {
            Some(tv) => tv.ty,
            None => {
                self.ice(e.span, "expression without a recorded type");
                crate::types::TypeCtx::INVALID
            }
        };
        let t = self.lw.ck.tcx.default_type(t);
        self.cty(t)
    }

    pub fn ice(&mut self, span: Span, what: &str) {
        self.lw.ice(span, what);
    }

    pub fn set_span(&mut self, span: Span) {
        self.b.span = span;
        self.lw.cur_span = span;
    }

    // -----------------------------------------------------------------
    // Constants
    // -----------------------------------------------------------------

    pub fn const_int(&mut self, v: i64, ty: TypeId) -> ValueId {
        self.b.konst(Const::Int(v as i128), ty)
    }

    pub fn int(&mut self, v: i64) -> ValueId {
        let t = self.int_ty();
        self.const_int(v, t)
    }

    pub fn zero(&mut self, ty: TypeId) -> ValueId {
        self.b.konst(Const::Zero, ty)
    }

    // -----------------------------------------------------------------
    // Variables
    // -----------------------------------------------------------------

    /// The address of a variable (local, captured or global).
    pub fn var_addr(&mut self, obj: ObjId) -> ValueId {
        let o = self.lw.ck.obj(obj).clone();
        if o.is_global_var() {
            let g = self.lw.global(obj);
            let pt = self.ptr_to(o.ty);
            return self.b.val(InstrKind::GlobalAddr(g), pt);
        }
        match self.vars.get(&obj).copied() {
            Some(Storage::Local(l)) => {
                let pt = self.ptr_to(o.ty);
                self.b.local_addr(l, pt)
            }
            Some(Storage::Addr(v)) => v,
            Some(Storage::Slot(l)) => {
                let pt = self.ptr_to(o.ty);
                let t = self.lw.ck.tcx.pointer(o.ty);
                let ppt = self.ptr_to(t);
                let a = self.b.local_addr(l, ppt);
                self.b.load(a, pt)
            }
            None => {
                let span = o.span;
                self.ice(span, &format!("variable {} has no storage", o.name));
                // Give it a slot so lowering can continue.
                self.declare_var(obj)
            }
        }
    }

    /// Allocates storage for a local variable at its declaration point and
    /// returns its address; the variable is zero.
    pub fn declare_var(&mut self, obj: ObjId) -> ValueId {
        let o = self.lw.ck.obj(obj).clone();
        let t = self.ty(o.ty);
        let pt = self.ptr_to(o.ty);
        if self.escapes.contains(&obj) {
            let a = self.b.val(InstrKind::New(t), pt);
            self.vars.insert(obj, Storage::Addr(a));
            return a;
        }
        let l = self.b.new_local(&o.name, t);
        self.vars.insert(obj, Storage::Local(l));
        let a = self.b.local_addr(l, pt);
        let z = self.zero(t);
        self.b.store(a, z);
        a
    }

    /// Declares a variable initialised with `v`.
    pub fn declare_var_with(&mut self, obj: ObjId, v: ValueId) {
        let a = self.declare_var(obj);
        self.b.store(a, v);
    }

    /// A temporary stack slot holding `v`; returns its address.
    pub fn spill(&mut self, v: ValueId, t: TyId) -> ValueId {
        let it = self.ty(t);
        let pt = self.ptr_to(t);
        let l = self.b.new_local("tmp", it);
        let a = self.b.local_addr(l, pt);
        self.b.store(a, v);
        a
    }

    /// A fresh stack slot of type `t` (not initialised); returns its local.
    pub fn temp(&mut self, name: &str, t: TypeId) -> LocalId {
        self.b.new_local(name, t)
    }

    /// Builds the function into its reserved slot.
    pub fn finish(mut self, id: FuncId) {
        let unplaced: Vec<String> = self
            .labels
            .keys()
            .filter(|l| !self.labels_placed.contains(*l))
            .cloned()
            .collect();
        for l in unplaced {
            let span = self.b.span;
            self.ice(
                span,
                &format!("goto {l}: the label is not in this function"),
            );
        }
        let default = if self.result_tys.is_empty() {
            Terminator::Return(Vec::new())
        } else {
            Terminator::Unreachable
        };
        let (blocks, values, locals, params) = self.b.finish(default);
        if let Some(f) = self.lw.prog.funcs.get_mut(id.0 as usize) {
            f.noinline |= self.calls_recover;
            f.blocks = blocks;
            f.values = values;
            f.locals = locals;
            f.params = params;
        }
    }

    /// Binds a parameter value to its variable (stack or heap).
    pub fn bind_param(&mut self, obj: ObjId, v: ValueId) {
        let a = self.declare_var(obj);
        self.b.store(a, v);
    }

    /// `return` with the current values of the named results.
    pub fn return_named(&mut self) {
        let mut vals = Vec::new();
        for r in self.named_results.clone() {
            let t = self.lw.ck.obj(r).ty;
            let it = self.ty(t);
            let a = self.var_addr(r);
            vals.push(self.b.load(a, it));
        }
        self.emit_return(vals);
    }
}

impl<'a> Lowerer<'a> {
    /// Lowers a declared function or method (with type arguments applied).
    pub(super) fn lower_decl(
        &mut self,
        id: FuncId,
        obj: ObjId,
        decl: &'a ast::FuncDecl,
        subst: HashMap<TParamId, TyId>,
        pkg: usize,
    ) {
        self.cur_span = decl.name.span;
        if let Some(f) = self.prog.funcs.get_mut(id.0 as usize) {
            if let Some(exp) = decl.export_name() {
                f.export = Some(exp.to_string());
            }
            f.noinline = decl.has_directive("go:noinline");
        }
        let Some(body) = &decl.body else {
            // Bound to C: in the overlay, cgo's generated declarations, or
            // linked to a runtime function gc provides.
            let overlay = self.packages.get(pkg).is_some_and(|p| {
                p.overlay
                    || p.files
                        .iter()
                        .any(|f| f.cgo_generated && f.file == decl.name.span.file)
            });
            let sym = decl
                .directives
                .iter()
                .find(|d| d.name() == "rgo:extern")
                .and_then(|d| d.args().next())
                .filter(|_| overlay)
                .or_else(|| runtime_linkname(decl))
                .map(str::to_string);
            match sym {
                Some(s) => {
                    let sig = self.prog.funcs.get(id.0 as usize).map(|f| f.sig.clone());
                    if let (Some(f), Some(sig)) = (self.prog.funcs.get_mut(id.0 as usize), sig) {
                        let mut values = Vec::new();
                        let mut params = Vec::new();
                        for p in &sig.params {
                            values.push(*p);
                            params.push(ValueId(values.len() as u32 - 1));
                        }
                        f.values = values;
                        f.params = params;
                        f.external = Some(s);
                    }
                }
                _ if self.forward_to_portable(id, obj, decl) => {}
                _ => {
                    let name = self.ck.obj(obj).name.clone();
                    self.ice(
                        decl.name.span,
                        &format!(
                            "function {name} without a body (assembly, go:linkname) not supported yet"
                        ),
                    );
                }
            }
            return;
        };
        let name = self
            .prog
            .funcs
            .get(id.0 as usize)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let o = self.ck.obj(obj).clone();
        let mut f = FnLowerer::new(self, name, decl.name.span, subst);
        f.escapes = escape::escaping_vars(&f.lw.ck, body);
        f.stack_slices = escape::stack_backed_slices(&f.lw.ck, body, &f.escapes);
        // Receiver, then parameters.
        if let Some(recv) = &decl.recv {
            let rt = o.recv.unwrap_or(crate::types::TypeCtx::INVALID);
            let it = f.ty(rt);
            let v = f.b.param(it);
            if let Some(n) = recv.names.first() {
                if let Some(&ro) = f.lw.ck.info.defs.get(&n.id) {
                    if n.name != "_" {
                        f.bind_param(ro, v);
                    }
                }
            }
        }
        f.bind_signature_params(&decl.ty, o.ty);
        f.lower_body(body);
        f.finish(id);
    }
}

/// Body-less functions of the standard library that gc's runtime provides
/// through `//go:linkname`, and that rgo's runtime has too: the link
/// target and the runtime's symbol (`rt/ABI.md`).
const RUNTIME_LINKNAMES: &[(&str, &str)] = &[
    ("runtime.newcoro", "rgo_newcoro"),
    ("runtime.coroswitch", "rgo_coroswitch"),
];

/// The runtime symbol a body-less `decl` is linked to, if rgo's runtime
/// provides it.
fn runtime_linkname(decl: &ast::FuncDecl) -> Option<&'static str> {
    let target = decl.directives.iter().find_map(|d| {
        if !matches!(d.name(), "go:linkname" | "go:linknamestd") {
            return None;
        }
        let mut args = d.args();
        (args.next()? == decl.name.name).then_some(())?;
        args.next()
    })?;
    RUNTIME_LINKNAMES
        .iter()
        .find(|(t, _)| *t == target)
        .map(|&(_, sym)| sym)
}

impl<'a> Lowerer<'a> {
    /// The standard library implements some functions in assembly for
    /// amd64 (`math.archFloor`...) next to a portable Go version of the
    /// same signature (`math.floor`), selected by a constant
    /// (`haveArchFloor`). Such a body-less `archF` becomes a call of `f`.
    fn forward_to_portable(&mut self, id: FuncId, obj: ObjId, decl: &'a ast::FuncDecl) -> bool {
        let o = self.ck.obj(obj).clone();
        if o.recv.is_some() || !decl.type_params.is_empty() {
            return false;
        }
        let Some(rest) = o.name.strip_prefix("arch") else {
            return false;
        };
        let mut chars = rest.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let portable = format!("{}{}", first.to_lowercase(), chars.as_str());
        let Some(scope) = o
            .pkg
            .and_then(|p| self.ck.pkgs.get(p.0 as usize))
            .map(|p| p.scope)
        else {
            return false;
        };
        let Some(target) = self.ck.objs.lookup_local(scope, &portable) else {
            return false;
        };
        let t = self.ck.obj(target).clone();
        if !t.is_func()
            || !self.ck.tcx.identical(t.ty, o.ty)
            || !self.func_decls.contains_key(&target)
        {
            return false;
        }
        let callee = self.func_id(target, Vec::new());
        let Some(sig) = self.prog.funcs.get(id.0 as usize).map(|f| f.sig.clone()) else {
            return false;
        };
        let name = self
            .prog
            .funcs
            .get(id.0 as usize)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let mut f = FnLowerer::new(self, name, decl.name.span, HashMap::new());
        let args: Vec<ValueId> = sig.params.iter().map(|t| f.b.param(*t)).collect();
        let ret = match sig.results.len() {
            0 => None,
            1 => Some(sig.results[0]),
            _ => Some(f.lw.tuple_type(sig.results.clone())),
        };
        let r = f.b.call(crate::ir::Callee::Direct(callee), args, ret);
        let rets = match (r, sig.results.len()) {
            (Some(v), 1) => vec![v],
            (Some(v), n) => (0..n)
                .map(|i| {
                    f.b.val(
                        InstrKind::Extract {
                            tuple: v,
                            index: i as u32,
                        },
                        sig.results[i],
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        f.b.terminate(Terminator::Return(rets));
        f.finish(id);
        true
    }
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// Creates the IR parameters of a signature and binds named ones; sets
    /// up the results.
    pub fn bind_signature_params(&mut self, ft: &'a ast::FuncType, fty: TyId) {
        let fty = self.cty(fty);
        let sig = self.lw.ck.tcx.sig(fty).cloned();
        let Some(sig) = sig else { return };
        let mut i = 0;
        for field in &ft.params {
            let n = field.names.len().max(1);
            for k in 0..n {
                let t = sig
                    .params
                    .get(i)
                    .copied()
                    .unwrap_or(crate::types::TypeCtx::INVALID);
                let it = self.ty(t);
                let v = self.b.param(it);
                if let Some(name) = field.names.get(k) {
                    if name.name != "_" {
                        if let Some(&o) = self.lw.ck.info.defs.get(&name.id) {
                            self.bind_param(o, v);
                        }
                    }
                }
                i += 1;
            }
        }
        self.result_tys = sig.results.clone();
        for field in &ft.results {
            for name in &field.names {
                if let Some(&o) = self.lw.ck.info.defs.get(&name.id) {
                    self.declare_var(o);
                    self.named_results.push(o);
                }
            }
        }
    }

    /// Lowers a function body and the implicit return at its end.
    pub fn lower_body(&mut self, body: &'a ast::Block) {
        if super::defer::contains_defer(&body.stmts) {
            self.setup_defers();
        }
        self.stmts(&body.stmts);
        if !self.b.is_terminated() {
            self.set_span(body.rbrace());
            if self.result_tys.is_empty() {
                self.emit_return(Vec::new());
            } else if !self.named_results.is_empty() {
                self.return_named();
            } else {
                self.b.terminate(Terminator::Unreachable);
            }
        }
    }

    /// Whether a checker type is an interface (after substitution).
    pub fn is_iface(&mut self, t: TyId) -> bool {
        let t = self.cty(t);
        self.lw.ck.tcx.is_interface(t)
    }

    pub fn under_kind(&mut self, t: TyId) -> TypeKind {
        let t = self.cty(t);
        self.lw.ck.tcx.under_kind(t).clone()
    }

    #[allow(dead_code)]
    pub fn ir(&self) -> &ir::Program {
        &self.lw.prog
    }
}
