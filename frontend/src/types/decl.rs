//! Declarations: package-level objects checked lazily and in dependency
//! order (with cycle detection), local declarations in function bodies,
//! method collection, and the check for invalid recursive types.

use super::constant::Value;
use super::object::{ObjKind, ScopeKind, VarKind};
use super::operand::{Mode, Operand};
use super::ty::{TyId, TypeCtx, TypeKind};
use super::{Checker, Color, Ctx, DeclInfo, FuncCtx, ObjId};
use crate::diag::Diagnostic;
use crate::syntax::ast::{self, Expr, GenKind, Spec};

impl<'a> Checker<'a> {
    /// Checks the declaration of a package-level object (once).
    pub(super) fn obj_decl(&mut self, obj: ObjId) {
        match self.colors.get(&obj) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                self.check_cycle(obj);
                return;
            }
            None => {}
        }
        let Some(d) = self.decls.get(&obj).cloned() else {
            return;
        };
        self.colors.insert(obj, Color::Grey);
        self.obj_path.push(obj);
        let saved = std::mem::replace(
            &mut self.ctx,
            Ctx {
                scope: d.file_scope(),
                decl: Some(obj),
                iota: None,
                func: None,
            },
        );
        let saved_locals = std::mem::take(&mut self.locals);
        match d {
            DeclInfo::Const {
                ty,
                init,
                iota,
                inherited,
                ..
            } => self.const_decl(obj, ty, init, iota, inherited),
            DeclInfo::Var { lhs, ty, init, .. } => self.var_decl(obj, &lhs, ty, init),
            DeclInfo::Type { spec, .. } => self.type_decl(obj, spec),
            DeclInfo::Func { decl, .. } => self.func_decl(obj, decl),
        }
        // Closures in package-level initialisers declare locals too.
        self.report_unused_locals();
        self.locals = saved_locals;
        self.ctx = saved;
        self.obj_path.pop();
        self.colors.insert(obj, Color::Black);
    }

    /// A reference to an object whose declaration is in progress: decides
    /// whether the cycle is valid (types through a defined type, or
    /// variables and constants, which the initialisation-order check
    /// reports) and reports it otherwise.
    fn check_cycle(&mut self, obj: ObjId) {
        let Some(start) = self.obj_path.iter().position(|&o| o == obj) else {
            return;
        };
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        let mut nval = 0;
        let mut ndef = 0;
        for &o in &cycle {
            match &self.objs.get(o).kind {
                ObjKind::Const(_) | ObjKind::Var(_) => nval += 1,
                ObjKind::TypeName { alias: false } => ndef += 1,
                _ => {}
            }
        }
        if nval == cycle.len() {
            return;
        }
        if nval == 0 && ndef > 0 {
            return;
        }
        self.cycle_error(&cycle);
    }

    pub(super) fn cycle_error(&mut self, cycle: &[ObjId]) {
        // Start at the object first in the source.
        let start = cycle
            .iter()
            .enumerate()
            .min_by_key(|(_, o)| {
                let s = self.objs.get(**o).span;
                (s.file, s.lo)
            })
            .map(|(i, _)| i)
            .unwrap_or(0);
        let first = cycle[start];
        let o = self.objs.get(first);
        let name = o.name.clone();
        let span = o.span;
        let is_type = o.is_type_name();
        if cycle.len() == 1 {
            let msg = if is_type {
                format!("invalid recursive type: {name} refers to itself")
            } else {
                format!("invalid cycle in declaration: {name} refers to itself")
            };
            self.error(span, msg);
            return;
        }
        let mut msg = if is_type {
            format!("invalid recursive type {name}")
        } else {
            format!("invalid cycle in declaration of {name}")
        };
        for i in 0..cycle.len() {
            let a = cycle[(start + i) % cycle.len()];
            let b = cycle[(start + i + 1) % cycle.len()];
            let ao = self.objs.get(a);
            let pos = self.pos_string(ao.span);
            msg.push_str(&format!(
                "\n\t{pos}: {} refers to {}",
                ao.name,
                self.objs.get(b).name
            ));
        }
        self.error(span, msg);
    }

    /// `invalid recursive type` for a cycle through instances of generic
    /// types: reported at the first declared (non-instance) type.
    fn instance_cycle_error(&mut self, cycle: &[super::NamedId]) {
        let entries: Vec<(bool, String, crate::source::Span)> = cycle
            .iter()
            .map(|&n| {
                let info = self.tcx.named_info(n).cloned();
                let inst = info.as_ref().is_some_and(|i| i.origin.is_some());
                let t = self.tcx.intern(TypeKind::Named(n));
                let name = if inst {
                    self.ts(t)
                } else {
                    info.as_ref().map(|i| i.name.clone()).unwrap_or_default()
                };
                let span = info.map(|i| self.objs.get(i.obj).span).unwrap_or_default();
                (inst, name, span)
            })
            .collect();
        let start = entries
            .iter()
            .enumerate()
            .min_by_key(|(_, (inst, _, s))| (*inst, s.file, s.lo))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let Some((_, name, span)) = entries.get(start).cloned() else {
            return;
        };
        let mut msg = format!("invalid recursive type {name}");
        for i in 0..entries.len() {
            let (_, a, sa) = &entries[(start + i) % entries.len()];
            let (_, b, _) = &entries[(start + i + 1) % entries.len()];
            let pos = self.pos_string(*sa);
            msg.push_str(&format!("\n\t{pos}: {a} refers to {b}"));
        }
        self.error(span, msg);
    }

    fn const_decl(
        &mut self,
        obj: ObjId,
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
        inherited: bool,
    ) {
        self.ctx.iota = Some(iota);
        // Errors in a repeated (inherited) expression are reported at the
        // constant being declared.
        let saved_pos = self.err_pos.take();
        if inherited {
            self.err_pos = Some(self.objs.get(obj).span);
        }
        self.const_decl_inner(obj, ty, init);
        self.err_pos = saved_pos;
    }

    fn const_decl_inner(&mut self, obj: ObjId, ty: Option<&'a Expr>, init: Option<&'a Expr>) {
        let mut t = None;
        if let Some(te) = ty {
            let tt = self.type_expr(te);
            if !self.tcx.is_invalid(tt) && !self.tcx.is_const_type(tt) {
                let s = self.ts(tt);
                self.error(te.span.start(), format!("invalid constant type {s}"));
                self.objs.get_mut(obj).ty = TypeCtx::INVALID;
                return;
            }
            t = Some(tt);
        }
        let mut x = match init {
            Some(e) => self.expr(e),
            None => Operand::invalid(None),
        };
        self.init_const(obj, &mut x, t);
    }

    pub(super) fn init_const(&mut self, obj: ObjId, x: &mut Operand<'a>, t: Option<TyId>) {
        if x.is_invalid() || self.tcx.is_invalid(x.ty) || t.is_some_and(|t| self.tcx.is_invalid(t))
        {
            self.objs.get_mut(obj).ty = TypeCtx::INVALID;
            return;
        }
        if !x.is_const() {
            let s = self.op_string(x);
            self.error(x.pos(), format!("{s} is not constant"));
            self.objs.get_mut(obj).ty = TypeCtx::INVALID;
            return;
        }
        let target = t.unwrap_or(x.ty);
        self.objs.get_mut(obj).ty = target;
        self.assignment(x, Some(target), "constant declaration");
        if let Mode::Const(v) = &x.mode {
            self.objs.get_mut(obj).kind = ObjKind::Const(v.clone());
        } else {
            self.objs.get_mut(obj).ty = TypeCtx::INVALID;
        }
    }

    fn var_decl(
        &mut self,
        obj: ObjId,
        lhs: &[ObjId],
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
    ) {
        let vars: Vec<ObjId> = if lhs.is_empty() {
            vec![obj]
        } else {
            lhs.to_vec()
        };
        if let Some(te) = ty {
            let t = self.var_type(te);
            for &v in &vars {
                self.objs.get_mut(v).ty = t;
            }
        }
        let Some(init) = init else {
            if ty.is_none() {
                self.objs.get_mut(obj).ty = TypeCtx::INVALID;
            }
            return;
        };
        if lhs.is_empty() {
            let hint = ty.map(|_| self.objs.get(obj).ty);
            let desc = self.target_desc(obj);
            let mut x = self.expr_with_target(init, hint, Some(&desc));
            self.init_var(obj, &mut x, "variable declaration", ty.is_some());
            return;
        }
        // n:1 — the other variables are declared by this one check.
        for &v in &vars {
            if v != obj {
                self.colors.insert(v, Color::Black);
            }
        }
        self.init_vars(&vars, std::slice::from_ref(init), None, ty.is_some());
        // All variables of the declaration depend on what the initialiser
        // refers to.
        if let Some(d) = self.deps.get(&obj).cloned() {
            for &v in &vars {
                if v != obj {
                    self.deps.insert(v, d.clone());
                }
            }
        }
    }

    fn type_decl(&mut self, obj: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            if !spec.type_params.is_empty() {
                self.open_scope(ScopeKind::Block);
                self.declare_type_params(&spec.type_params);
                let t = self.type_expr(&spec.ty);
                self.close_scope();
                self.objs.get_mut(obj).ty = t;
                return;
            }
            let t = self.type_expr(&spec.ty);
            self.objs.get_mut(obj).ty = t;
            return;
        }
        let pkg = Some(self.pkg);
        let named = self.tcx.new_named(obj, &spec.name.name, pkg);
        self.objs.get_mut(obj).ty = named;
        let Some(n) = self.tcx.as_named(named) else {
            return;
        };
        let local = self.ctx.func.is_some();
        if local {
            self.local_types += 1;
            let k = self.local_types;
            if let Some(m) = self.tcx.named_mut(n) {
                m.local = Some(k);
            }
        }
        let opened = !spec.type_params.is_empty();
        if opened {
            self.open_scope(ScopeKind::Block);
            let tps = self.declare_type_params_of(&spec.type_params, Some(n));
            if let Some(m) = self.tcx.named_mut(n) {
                m.tparams = tps;
            }
        }
        let saved_incomplete = std::mem::replace(&mut self.iface_incomplete, false);
        let rhs = self.type_expr(&spec.ty);
        let incomplete = self.iface_incomplete;
        self.iface_incomplete = saved_incomplete || incomplete;
        if incomplete && spec.type_params.is_empty() {
            let scope = self.ctx.scope;
            self.pending_ifaces.push((obj, spec, scope));
        }
        if self.tcx.is_tparam(rhs) {
            self.error(
                spec.ty.span.start(),
                "cannot use a type parameter as RHS in type declaration",
            );
        }
        let mut u = self.tcx.under(rhs);
        if self.tcx.is_tparam(rhs) {
            u = TypeCtx::INVALID;
        }
        if self.tcx.is_invalid(u) && self.tcx.is_named(rhs) {
            // `type A B` where B is still being declared: a cycle through
            // defined types only — or an instance of a generic type still
            // being declared, whose underlying type comes later.
            let instance = self
                .tcx
                .as_named(rhs)
                .and_then(|r| self.tcx.named_info(r))
                .is_some_and(|i| i.origin.is_some());
            if instance {
                self.pending_underlying.push((n, rhs));
            } else {
                self.report_named_cycle(obj, rhs);
            }
        }
        if let Some(m) = self.tcx.named_mut(n) {
            m.underlying = u;
        }
        if opened {
            self.close_scope();
        }
        self.collect_methods(obj, n);
        self.flush_pending_instances();
        if local {
            self.flush_later_verify();
        }
    }

    /// Recomputes interface types whose method sets were incomplete
    /// because an embedded interface was still being declared (reached
    /// through a method signature), until the method sets settle.
    pub(super) fn complete_pending_interfaces(&mut self) {
        let pending = std::mem::take(&mut self.pending_ifaces);
        if pending.is_empty() {
            return;
        }
        // Pending declarations are innermost first, so one pass completes
        // chains of embeddings; a second confirms.
        for _ in 0..3 {
            let mut changed = false;
            for &(obj, spec, scope) in &pending {
                let Some(n) = self.tcx.as_named(self.objs.get(obj).ty) else {
                    continue;
                };
                let saved_scope = std::mem::replace(&mut self.ctx.scope, scope);
                let t = self.type_expr(&spec.ty);
                self.ctx.scope = saved_scope;
                let u = self.tcx.under(t);
                let old = self
                    .tcx
                    .named_info(n)
                    .map(|i| i.underlying)
                    .unwrap_or(TypeCtx::INVALID);
                if !self.tcx.identical(u, old) {
                    if let Some(m) = self.tcx.named_mut(n) {
                        m.underlying = u;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        self.pending_ifaces.clear();
        self.iface_incomplete = false;
    }

    /// `type A B; type B A`: follows the chain of names back to `obj`.
    fn report_named_cycle(&mut self, obj: ObjId, rhs: TyId) {
        let mut chain = vec![obj];
        let mut t = rhs;
        for _ in 0..100 {
            let Some(n) = self.tcx.as_named(t) else {
                return;
            };
            let Some(info) = self.tcx.named_info(n) else {
                return;
            };
            let o = info.obj;
            if o == obj {
                self.cycle_error(&chain);
                return;
            }
            if chain.contains(&o) {
                return;
            }
            chain.push(o);
            // The next link is the declared RHS of `o`.
            let next = match self.decls.get(&o) {
                Some(DeclInfo::Type { spec, .. }) => match self.info.types.get(&spec.ty.id) {
                    Some(tv) => tv.ty,
                    None => return,
                },
                _ => return,
            };
            t = next;
        }
    }

    /// Checks the methods declared for the type name `obj` and attaches
    /// them to its named type.
    fn collect_methods(&mut self, obj: ObjId, n: super::NamedId) {
        let Some(ms) = self.methods.get(&obj).cloned() else {
            return;
        };
        let nt = self.tcx.intern(TypeKind::Named(n));
        let fields: Vec<(String, crate::source::Span)> = match self.tcx.under_kind(nt) {
            TypeKind::Struct(fs) => fs
                .iter()
                .map(|f| (f.name.clone(), crate::source::Span::default()))
                .collect(),
            _ => Vec::new(),
        };
        let mut seen: Vec<ObjId> = Vec::new();
        let tname = self.objs.get(obj).name.clone();
        for m in ms {
            let mname = self.objs.get(m).name.clone();
            let mspan = self.objs.get(m).span;
            if mname != "_" {
                if let Some(&old) = seen.iter().find(|&&o| self.objs.get(o).name == mname) {
                    let at = self.pos_string(self.objs.get(old).span);
                    self.error(
                        mspan,
                        format!("method {tname}.{mname} already declared at {at}"),
                    );
                    continue;
                }
                if fields.iter().any(|(f, _)| *f == mname) {
                    let fspan = self.field_span(obj, &mname);
                    let at = self.pos_string(fspan);
                    self.error(mspan, format!("field and method with the same name {mname}\n\t{at}: other declaration of {mname}"));
                    continue;
                }
                seen.push(m);
            }
            if let Some(info) = self.tcx.named_mut(n) {
                info.methods.push(m);
            }
        }
        // Signatures now, so method sets are complete wherever the type is
        // used (declarations are checked lazily).
        let ms: Vec<ObjId> = self
            .tcx
            .named_info(n)
            .map(|i| i.methods.clone())
            .unwrap_or_default();
        for m in ms {
            self.obj_decl(m);
        }
    }

    /// Where a field of a struct type declaration is declared.
    fn field_span(&self, tobj: ObjId, name: &str) -> crate::source::Span {
        if let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&tobj) {
            if let ast::ExprKind::StructType(fields) = &spec.ty.kind {
                for f in fields {
                    for n in &f.names {
                        if n.name == name {
                            return n.span;
                        }
                    }
                }
            }
        }
        self.objs.get(tobj).span
    }

    /// A function or method signature.
    fn func_decl(&mut self, obj: ObjId, decl: &'a ast::FuncDecl) {
        let file_scope = self.ctx.scope;
        let scope = self.func_scope(file_scope);
        self.ctx.scope = scope;
        self.func_scopes.insert(obj, scope);
        let mut tparams = Vec::new();
        let mut recv_ty = None;
        if let Some(recv) = &decl.recv {
            let (rt, rtp) = self.receiver(recv, decl);
            recv_ty = Some(rt);
            tparams = rtp;
        }
        let mut method_tparams = Vec::new();
        if !decl.type_params.is_empty() {
            // Go 1.27: methods may have their own type parameters.
            let own = self.declare_type_params(&decl.type_params);
            if decl.recv.is_some() {
                method_tparams = own;
            } else {
                tparams = own;
            }
            if decl.body.is_none() {
                self.error(decl.name.span, "generic function is missing function body");
            }
        }
        let sig = self.signature(&decl.ty, None, true);
        let o = self.objs.get_mut(obj);
        o.ty = sig.ty;
        o.recv = recv_ty;
        o.tparams = tparams;
        o.method_tparams = method_tparams;
        self.func_sigs.insert(obj, sig);
    }

    /// The receiver: declares the receiver variable (and, for generic base
    /// types, the receiver's type parameters) in the function scope.
    fn receiver(&mut self, recv: &'a ast::Field, decl: &'a ast::FuncDecl) -> (TyId, Vec<TyId>) {
        let _ = decl;
        // Strip `*` and parentheses to find the base type expression.
        let mut te = recv.ty.unparen();
        let mut ptr = false;
        if let ast::ExprKind::Star(x) = &te.kind {
            ptr = true;
            te = x.unparen();
        }
        let mut rtparams = Vec::new();
        let base = match &te.kind {
            ast::ExprKind::Index { x, indices, .. } => {
                // Generic receiver `T[P, Q]`: the names are the base type's
                // type parameters.
                let bt = self.type_internal_generic_ok(x);
                if let Some(n) = self.tcx.as_named(bt) {
                    let tps = self
                        .tcx
                        .named_info(n)
                        .map(|i| i.tparams.clone())
                        .unwrap_or_default();
                    if tps.len() != indices.len() {
                        let s = self.ts(bt);
                        self.error(
                            te.pos(),
                            format!("receiver declares {} type parameters, but receiver base type declares {}", indices.len(), tps.len()),
                        );
                        let _ = s;
                    }
                    for (i, idx) in indices.iter().enumerate() {
                        let Some(&tp) = tps.get(i) else { break };
                        if let ast::ExprKind::Ident(name) = &idx.kind {
                            if name == "_" {
                                continue;
                            }
                            let span = idx.span;
                            let o =
                                self.new_obj(name, ObjKind::TypeName { alias: false }, tp, span);
                            let scope = self.ctx.scope;
                            self.objs.insert(scope, o);
                            self.record_use(idx.id, o);
                        } else {
                            let s = Self::expr_text(idx);
                            self.error(
                                idx.span.start(),
                                format!("receiver type parameter {s} must be an identifier"),
                            );
                        }
                    }
                    rtparams = tps;
                    self.record(te, &Operand::new(Mode::TypeExpr, bt, te));
                }
                bt
            }
            _ => {
                let t = self.type_internal_generic_ok(te);
                if self.is_generic_type(t) {
                    let s = self.ts(t);
                    self.error(
                        te.span.start(),
                        format!("cannot use generic type {s} without instantiation"),
                    );
                }
                t
            }
        };
        // An alias may denote the pointer type `*T` itself.
        let mut base = base;
        if !ptr && !self.tcx.is_named(base) {
            if let TypeKind::Pointer(elem) = self.tcx.kind(base).clone() {
                if self.tcx.is_named(elem) {
                    ptr = true;
                    base = elem;
                }
            }
        }
        let mut rt = base;
        if !self.tcx.is_invalid(base) {
            self.check_receiver_base(base, ptr, te);
            if ptr {
                rt = self.tcx.pointer(base);
            }
        }
        self.record(&recv.ty, &Operand::new(Mode::TypeExpr, rt, &recv.ty));
        let name = recv.names.first();
        let o = self.new_obj(
            name.map(|n| n.name.as_str()).unwrap_or(""),
            ObjKind::Var(VarKind::Recv),
            rt,
            name.map(|n| n.span).unwrap_or(recv.ty.span),
        );
        if let Some(n) = name {
            let scope = self.ctx.scope;
            self.declare(scope, Some(n), o);
        }
        (rt, rtparams)
    }

    fn type_internal_generic_ok(&mut self, e: &'a Expr) -> TyId {
        let x = self.raw_expr(e, None, true);
        match x.mode {
            Mode::TypeExpr => x.ty,
            Mode::Invalid => TypeCtx::INVALID,
            _ => {
                let s = self.op_string(&x);
                self.error(x.start(), format!("{s} is not a type"));
                TypeCtx::INVALID
            }
        }
    }

    fn check_receiver_base(&mut self, base: TyId, ptr: bool, te: &'a Expr) {
        let pos = te.span.start();
        let Some(n) = self.tcx.as_named(base) else {
            let s = self.ts(base);
            if matches!(self.tcx.kind(base), TypeKind::Basic(_)) {
                self.error(
                    pos,
                    format!("cannot define new methods on non-local type {s}"),
                );
            } else {
                // gc names the whole receiver type here.
                let recv = if ptr {
                    self.tcx.intern(TypeKind::Pointer(base))
                } else {
                    base
                };
                let s = self.ts(recv);
                self.error(pos, format!("invalid receiver type {s}"));
            }
            return;
        };
        let pkg = self.tcx.named_info(n).and_then(|i| i.pkg);
        if pkg != Some(self.pkg) {
            let s = self.ts(base);
            self.error(
                pos,
                format!("cannot define new methods on non-local type {s}"),
            );
            return;
        }
        match self.tcx.under_kind(base) {
            TypeKind::Pointer(_) | TypeKind::Interface(_) => {
                let s = self.ts(base);
                self.error(
                    pos,
                    format!("invalid receiver type {s} (pointer or interface type)"),
                );
            }
            _ => {}
        }
    }

    /// Checks a function body after all package-level declarations.
    pub(super) fn check_func_body(&mut self, obj: ObjId, overlay: bool) {
        let Some(&(decl, file_scope)) = self.func_decls.get(&obj) else {
            return;
        };
        let Some(body) = &decl.body else {
            let extern_ok = (overlay || self.cgo_generated == Some(file_scope))
                && decl.directives.iter().any(|d| d.name() == "rgo:extern");
            let std_pkg = self.is_std_package();
            // gc never compiles blank functions: `func _()` needs no body.
            let blank = decl.name.name == "_";
            if !extern_ok && !std_pkg && !blank && decl.type_params.is_empty() {
                self.body_less.push(decl.name.span);
            }
            return;
        };
        let Some(&scope) = self.func_scopes.get(&obj) else {
            return;
        };
        let Some(sig) = self.func_sigs.get(&obj).cloned() else {
            return;
        };
        let saved = std::mem::replace(
            &mut self.ctx,
            Ctx {
                scope,
                decl: Some(obj),
                iota: None,
                func: Some(FuncCtx {
                    sig: sig.ty,
                    results: sig.results.clone(),
                    named_results: sig.named_results,
                    owner: decl.name.id,
                }),
            },
        );
        // Parameters and results belong to the function.
        for &p in sig.params.iter().chain(sig.results.iter()) {
            self.objs.get_mut(p).owner = Some(decl.name.id);
        }
        let params_scope = scope;
        for o in self.objs.scope(params_scope).order.clone() {
            self.objs.get_mut(o).owner = Some(decl.name.id);
        }
        self.locals.clear();
        self.func_body(body, sig.ty, &sig.results);
        self.report_unused_locals();
        self.ctx = saved;
    }

    fn is_std_package(&self) -> bool {
        let Some(info) = self.pkgs.get(self.pkg.0 as usize) else {
            return false;
        };
        let first = info.path.split('/').next().unwrap_or("");
        info.path != "main" && !first.contains('.')
    }

    /// `declared and not used: x` for the locals of the body just checked.
    pub(super) fn report_unused_locals(&mut self) {
        let mut locals = std::mem::take(&mut self.locals);
        // In order of the positions reported (line directives may name
        // other files).
        locals.sort_by_cached_key(|&o| {
            let p = self.sources.position(self.objs.get(o).span);
            (p.file.to_string(), p.line, p.col)
        });
        for o in locals {
            let obj = self.objs.get(o);
            if !obj.used && obj.name != "_" && !obj.name.is_empty() {
                let msg = format!("declared and not used: {}", obj.name);
                let span = obj.span;
                self.error_with(Diagnostic::error(span, msg));
            }
        }
    }

    /// A `const`, `var` or `type` declaration inside a function.
    pub(super) fn local_decl(&mut self, g: &'a ast::GenDecl) {
        match g.kind {
            GenKind::Const => {
                let mut last: Option<(&'a Option<Expr>, &'a [Expr])> = None;
                for spec in &g.specs {
                    let Spec::Value(vs) = spec else { continue };
                    let (ty, values, inherited) = if vs.values.is_empty() && vs.ty.is_none() {
                        match last {
                            Some((t, v)) => (t.as_ref(), v, true),
                            None => (None, &[][..], false),
                        }
                    } else {
                        last = Some((&vs.ty, &vs.values));
                        (vs.ty.as_ref(), &vs.values[..], false)
                    };
                    let mut objs = Vec::new();
                    for (i, name) in vs.names.iter().enumerate() {
                        let o = self.new_obj(
                            &name.name,
                            ObjKind::Const(Value::Unknown),
                            TypeCtx::INVALID,
                            name.span,
                        );
                        let saved_iota = self.ctx.iota;
                        self.const_decl(o, ty, values.get(i), vs.iota, inherited);
                        self.ctx.iota = saved_iota;
                        objs.push((name, o));
                    }
                    self.arity(vs.span, &vs.names, values, true, inherited);
                    let scope = self.ctx.scope;
                    for (name, o) in objs {
                        self.declare(scope, Some(name), o);
                    }
                }
            }
            GenKind::Var => {
                for spec in &g.specs {
                    let Spec::Value(vs) = spec else { continue };
                    let objs: Vec<ObjId> = vs
                        .names
                        .iter()
                        .map(|n| self.new_local(n, TypeCtx::INVALID))
                        .collect();
                    let declared_ty = vs.ty.as_ref().map(|te| self.var_type(te));
                    if let Some(t) = declared_ty {
                        for &o in &objs {
                            self.objs.get_mut(o).ty = t;
                        }
                    }
                    if vs.values.is_empty() {
                        if declared_ty.is_none() {
                            for &o in &objs {
                                self.objs.get_mut(o).ty = TypeCtx::INVALID;
                            }
                        }
                    } else if vs.values.len() == objs.len() {
                        for (i, &o) in objs.iter().enumerate() {
                            let desc = self.target_desc(o);
                            let mut x =
                                self.expr_with_target(&vs.values[i], declared_ty, Some(&desc));
                            self.init_var(o, &mut x, "variable declaration", declared_ty.is_some());
                        }
                    } else if vs.values.len() == 1 {
                        self.init_vars(&objs, &vs.values, None, declared_ty.is_some());
                    } else {
                        for v in &vs.values {
                            self.use_expr(v);
                        }
                        self.var_arity_error(&vs.names, &vs.values);
                        for &o in &objs {
                            if self.tcx.is_invalid(self.objs.get(o).ty) && declared_ty.is_none() {
                                self.objs.get_mut(o).ty = TypeCtx::INVALID;
                            }
                        }
                    }
                    let scope = self.ctx.scope;
                    for (i, &o) in objs.iter().enumerate() {
                        self.declare(scope, vs.names.get(i), o);
                    }
                }
            }
            GenKind::Type => {
                for spec in &g.specs {
                    let Spec::Type(ts) = spec else { continue };
                    let o = self.new_obj(
                        &ts.name.name,
                        ObjKind::TypeName { alias: ts.alias },
                        TypeCtx::INVALID,
                        ts.name.span,
                    );
                    // The name is in scope inside its own declaration.
                    let scope = self.ctx.scope;
                    self.declare(scope, Some(&ts.name), o);
                    if ts.alias {
                        self.local_aliases.push(o);
                    }
                    self.type_decl(o, ts);
                    if ts.alias {
                        self.local_aliases.pop();
                    }
                    self.complete_pending_interfaces();
                    self.valid_types(&[o]);
                }
            }
        }
    }

    /// Reports struct types that contain themselves (directly or through
    /// arrays and other structs), as gc's `invalid recursive type`.
    pub(super) fn valid_types(&mut self, order: &[ObjId]) {
        let mut reported: Vec<super::NamedId> = Vec::new();
        for &o in order {
            if !self.objs.get(o).is_type_name() {
                continue;
            }
            let t = self.objs.get(o).ty;
            let Some(n) = self.tcx.as_named(t) else {
                continue;
            };
            let mut path = vec![n];
            if let Some(cycle) = self.find_self_containment(self.tcx.under(t), &mut path, 0) {
                if cycle.iter().any(|n| reported.contains(n)) {
                    continue;
                }
                // Instances of generic types are named by their type string
                // (the generic type itself is not in the cycle).
                let instance = |ck: &Self, n: super::NamedId| {
                    ck.tcx.named_info(n).is_some_and(|i| i.origin.is_some())
                };
                reported.extend(cycle.iter().copied().filter(|&n| !instance(self, n)));
                if cycle.iter().any(|&n| instance(self, n)) {
                    self.instance_cycle_error(&cycle);
                } else {
                    let objs: Vec<ObjId> = cycle
                        .iter()
                        .filter_map(|n| self.tcx.named_info(*n).map(|i| i.obj))
                        .collect();
                    self.cycle_error(&objs);
                }
                for &nn in &cycle {
                    if let Some(m) = self.tcx.named_mut(nn) {
                        m.underlying = TypeCtx::INVALID;
                    }
                }
            }
        }
        let keys = std::mem::take(&mut self.delayed_map_keys);
        for (k, span) in keys {
            if !self.tcx.is_invalid(self.tcx.under(k)) && !self.comparable(k) {
                let s = self.ts(k);
                self.error(span, format!("invalid map key type {s}"));
            }
        }
    }

    /// Looks for the named type `path[0]` inside `t` by value.
    fn find_self_containment(
        &self,
        t: TyId,
        path: &mut Vec<super::NamedId>,
        depth: u32,
    ) -> Option<Vec<super::NamedId>> {
        if depth > 64 {
            return None;
        }
        match self.tcx.kind(t) {
            TypeKind::Named(n) => {
                if let Some(i) = path.iter().position(|p| p == n) {
                    if i == 0 {
                        return Some(path.clone());
                    }
                    return None;
                }
                let pkg = self.tcx.named_info(*n).and_then(|i| i.pkg);
                if pkg != Some(self.pkg) {
                    return None;
                }
                path.push(*n);
                let r = self.find_self_containment(self.tcx.under(t), path, depth + 1);
                path.pop();
                r
            }
            TypeKind::Array(_, e) => self.find_self_containment(*e, path, depth + 1),
            TypeKind::Struct(fs) => {
                for f in fs.clone() {
                    if let Some(c) = self.find_self_containment(f.ty, path, depth + 1) {
                        return Some(c);
                    }
                }
                None
            }
            _ => None,
        }
    }
}
