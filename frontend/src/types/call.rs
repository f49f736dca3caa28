//! Calls (functions, methods, conversions, builtins), argument passing
//! with variadics and multi-value spreading, and selector expressions
//! (qualified identifiers, fields, method values and method expressions).

use super::lookup::{Lookup, Selection, SelectionKind};
use super::object::{ObjKind, ScopeKind};
use super::operand::{Mode, Operand};
use super::ty::{Sig, TyId, TypeCtx, TypeKind};
use super::Checker;
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(super) fn call_expr(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        dots: bool,
        hint: Option<TyId>,
    ) -> Operand<'a> {
        let _ = hint;
        let f = self.raw_expr(func, None, true);
        match f.mode.clone() {
            Mode::Invalid => {
                for a in args {
                    self.use_expr(a);
                }
                Operand::invalid(Some(e))
            }
            Mode::TypeExpr => self.conversion_call(e, f.ty, args, dots),
            Mode::Builtin(b) => self.builtin_call(e, b, args, dots),
            _ => self.func_call(e, func, f, args, dots),
        }
    }

    fn conversion_call(
        &mut self,
        e: &'a Expr,
        t: TyId,
        args: &'a [Expr],
        dots: bool,
    ) -> Operand<'a> {
        let ts = self.ts(t);
        match args.len() {
            0 => {
                self.error(
                    e.span.start(),
                    format!("missing argument in conversion to {ts}"),
                );
                return Operand::invalid(Some(e));
            }
            1 => {}
            _ => {
                for a in args {
                    self.use_expr(a);
                }
                self.error(
                    args[args.len() - 1].span.start(),
                    format!("too many arguments in conversion to {ts}"),
                );
                return Operand::invalid(Some(e));
            }
        }
        let mut x = self.expr(&args[0]);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if dots {
            self.error(
                args[0].span.start(),
                format!("invalid use of ... in conversion to {ts}"),
            );
            return Operand::invalid(Some(e));
        }
        if self.tcx.is_interface(t) && !self.tcx.is_tparam(t) {
            if let Some(i) = self.tcx.iface(t) {
                if !i.is_basic() {
                    self.error(
                        e.span.start(),
                        format!("cannot use interface {ts} in conversion (contains specific type constraints or is comparable)"),
                    );
                    return Operand::invalid(Some(e));
                }
            }
        }
        self.conversion(&mut x, t);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        x.expr = Some(e);
        x
    }

    fn func_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        f: Operand<'a>,
        args: &'a [Expr],
        dots: bool,
    ) -> Operand<'a> {
        // `len`/`cap` of an array are not constant with a call.
        self.has_call_or_recv = true;
        let u = self.common_under(
            f.ty,
            &|ck: &Self, t: Option<TyId>, u: Option<TyId>| match (t, u) {
                (Some(t), Some(u)) if ck.tcx.sig(u).is_none() => {
                    Some(format!("{} is not a function", ck.ts(t)))
                }
                _ => None,
            },
        );
        let sig = u.as_ref().ok().and_then(|u| self.tcx.sig(*u).cloned());
        let Some(sig) = sig else {
            let s = self.op_string(&f);
            let why = match u {
                Err(cause) => cause,
                Ok(_) => format!("{} is not a function", self.ts(f.ty)),
            };
            self.error(
                f.pos(),
                format!("invalid operation: cannot call {s}: {why}"),
            );
            for a in args {
                self.use_expr(a);
            }
            return Operand::invalid(Some(e));
        };
        // Arguments (a single multi-valued call is spread).
        let mut ops: Vec<Operand<'a>> = Vec::new();
        if args.len() == 1 && !dots {
            ops = self.multi_expr_allow(&args[0], true);
        } else {
            for a in args {
                let mut x = self.raw_expr(a, None, true);
                self.exclude_call_arg(&mut x);
                self.single_value(&mut x);
                ops.push(x);
            }
        }
        let mut sig = sig;
        // Generic functions: infer or complete the type arguments.
        let generic_obj = self.generic_func_obj(func);
        if let Some(obj) = generic_obj {
            // Argument counts are checked before inference.
            let nargs = ops.len();
            let npars = sig.params.len();
            let count_ok = if sig.variadic && !dots {
                nargs + 1 >= npars
            } else {
                nargs == npars
            };
            if !count_ok && !ops.iter().any(|x| x.is_invalid()) {
                let fname = Self::expr_text(func);
                self.arguments(e, &sig, &mut ops, dots, &fname);
                return Operand::invalid(Some(e));
            }
            match self.infer_call(e, func, obj, &sig, &mut ops, dots) {
                Some(s) => sig = s,
                None => return Operand::invalid(Some(e)),
            }
        }
        let fname = Self::expr_text(func);
        self.arguments(e, &sig, &mut ops, dots, &fname);
        let ty = match sig.results.len() {
            0 => return Operand::new(Mode::NoValue, TypeCtx::INVALID, e),
            1 => sig.results[0],
            _ => self.tcx.tuple(sig.results.clone()),
        };
        Operand::new(Mode::Value, ty, e)
    }

    /// Arguments that are types or builtins are errors; generic function
    /// values are allowed (they may be inferred).
    fn exclude_call_arg(&mut self, x: &mut Operand<'a>) {
        let msg = match x.mode {
            Mode::NoValue => "used as value",
            Mode::Builtin(_) => "must be called",
            Mode::TypeExpr => "is not an expression",
            _ => return,
        };
        let s = self.op_string(x);
        self.error(x.pos(), format!("{s} {msg}"));
        x.mode = Mode::Invalid;
    }

    /// The generic function object a callee expression names, when it is
    /// not already instantiated.
    fn generic_func_obj(&self, func: &'a Expr) -> Option<super::ObjId> {
        let inner = func.unparen();
        if let ExprKind::Index { x, .. } = &inner.kind {
            // f[int] partially instantiated: handled by index_expr, which
            // records the instance when complete.
            return self.generic_callee(x).map(|(o, _)| o);
        }
        self.generic_callee(inner).map(|(o, _)| o)
    }

    /// The generic function, or generic method (Go 1.27), an expression
    /// denotes when it is not instantiated yet, with the type parameters to
    /// infer.
    pub(super) fn generic_callee(&self, e: &Expr) -> Option<(super::ObjId, Vec<TyId>)> {
        let inner = e.unparen();
        if self.info.instances.contains_key(&inner.id) {
            return None;
        }
        match &inner.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {}
            _ => return None,
        }
        // A method selected on a value.
        if let Some(s) = self.info.selections.get(&inner.id) {
            let m = s.method?;
            let o = self.objs.get(m);
            return (!o.method_tparams.is_empty()).then(|| (m, o.method_tparams.clone()));
        }
        let obj = match &inner.kind {
            ExprKind::Ident(_) => self.info.uses.get(&inner.id).copied(),
            ExprKind::Selector { sel, .. } => self.info.uses.get(&sel.id).copied(),
            _ => None,
        }?;
        let o = self.objs.get(obj);
        (o.is_func() && o.recv.is_none() && !o.tparams.is_empty()).then(|| (obj, o.tparams.clone()))
    }

    /// Checks argument count and assignability against a signature.
    pub(super) fn arguments(
        &mut self,
        e: &'a Expr,
        sig: &Sig,
        ops: &mut [Operand<'a>],
        dots: bool,
        fname: &str,
    ) {
        if ops.iter().any(|x| x.is_invalid()) {
            return;
        }
        let nargs = ops.len();
        let npars = sig.params.len();
        let mut params = sig.params.clone();
        if sig.variadic {
            if dots {
                if nargs == 1 && npars > 1 {
                    let s = ops[0].expr.map(Self::expr_text).unwrap_or_default();
                    let _ = s;
                }
            } else if nargs >= npars.saturating_sub(1) {
                // Expand the variadic parameter to one per argument.
                let last = params.pop();
                let elem = last
                    .and_then(|t| match self.tcx.kind(t) {
                        TypeKind::Slice(el) => Some(*el),
                        _ => None,
                    })
                    .unwrap_or(TypeCtx::INVALID);
                while params.len() < nargs {
                    params.push(elem);
                }
            }
        } else if dots {
            let call_start = e.span.start();
            self.error(
                call_start,
                format!("cannot use ... in call to non-variadic {fname}"),
            );
            return;
        }
        if nargs != params.len() {
            let (qual, at) = if nargs > params.len() {
                ("too many", ops[params.len()].pos())
            } else if nargs > 0 {
                ("not enough", ops[nargs - 1].pos())
            } else {
                ("not enough", e.span.start())
            };
            let have: Vec<TyId> = ops.iter().map(|x| x.ty).collect();
            let hs = self.types_summary(&have, false, dots);
            let ws = self.types_summary(&sig.params, sig.variadic, false);
            self.error(
                at,
                format!("{qual} arguments in call to {fname}\n\thave {hs}\n\twant {ws}"),
            );
            return;
        }
        // Generic function arguments of a non-generic function: their type
        // arguments follow from the parameter types.
        for (i, x) in ops.iter_mut().enumerate() {
            let Some(&p) = params.get(i) else { continue };
            let generic = x.expr.is_some_and(|e| self.generic_value(e).is_some());
            if generic
                && self.tcx.sig(p).is_some()
                && !self.reverse_instantiate(x, p, super::infer::InferSite::Arg(fname))
                && x.is_invalid()
            {
                return;
            }
        }
        let context = format!("argument to {fname}");
        for (i, x) in ops.iter_mut().enumerate() {
            self.assignment(x, Some(params[i]), &context);
        }
    }

    // -----------------------------------------------------------------
    // Selectors
    // -----------------------------------------------------------------

    pub(super) fn selector(&mut self, e: &'a Expr, want_type: bool) -> Operand<'a> {
        let ExprKind::Selector { x: base, sel, .. } = &e.kind else {
            return Operand::invalid(Some(e));
        };
        // `C.name` in a file with `import "C"`.
        if let ExprKind::Ident(pname) = &base.kind {
            if pname == "C" && self.objs.lookup(self.ctx.scope, pname).is_none() {
                if let Some(x) = self.cgo_name(e, sel, want_type) {
                    return x;
                }
            }
        }
        // Qualified identifier `pkg.Name`.
        if let ExprKind::Ident(pname) = &base.kind {
            if let Some((scope, o)) = self.objs.lookup(self.ctx.scope, pname) {
                if let ObjKind::PkgName(pkg) = self.objs.get(o).kind {
                    self.objs.get_mut(o).used = true;
                    self.record_use(base.id, o);
                    let _ = scope;
                    let Some(pinfo) = self.pkgs.get(pkg.0 as usize) else {
                        return Operand::invalid(Some(e));
                    };
                    let pscope = pinfo.scope;
                    let pkg_name = pinfo.name.clone();
                    let found = self.objs.lookup_local(pscope, &sel.name);
                    let exp = match found {
                        Some(x) if self.objs.get(x).is_exported() => x,
                        Some(_) => {
                            self.error(
                                sel.span,
                                format!("name {} not exported by package {pkg_name}", sel.name),
                            );
                            return Operand::invalid(Some(e));
                        }
                        None => {
                            let es = Self::expr_text(e);
                            // An exported name differing only in case?
                            let lower = sel.name.to_lowercase();
                            let alt = self
                                .objs
                                .scope(pscope)
                                .order
                                .iter()
                                .map(|&o| self.objs.get(o))
                                .find(|o| o.is_exported() && o.name.to_lowercase() == lower)
                                .map(|o| o.name.clone());
                            match alt {
                                Some(a) => {
                                    self.error(sel.span, format!("undefined: {es} (but have {a})"))
                                }
                                None => self.error(sel.span, format!("undefined: {es}")),
                            }
                            return Operand::invalid(Some(e));
                        }
                    };
                    self.record_use(sel.id, exp);
                    self.record_use(e.id, exp);
                    let ob = self.objs.get(exp).clone();
                    if want_type && !ob.is_type_name() {
                        let s = Self::expr_text(e);
                        let what = self.object_kind(exp);
                        let _ = what;
                        let x = self.qualified_operand(e, exp, ob);
                        if x.is_invalid() {
                            return x;
                        }
                        let os = self.op_string(&x);
                        let _ = s;
                        self.error(e.span.start(), format!("{os} is not a type"));
                        return Operand::invalid(Some(e));
                    }
                    return self.qualified_operand(e, exp, ob);
                }
            }
        }
        let x = self.expr_or_type_allow(base, true);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if let Mode::Builtin(_) = x.mode {
            let s = self.op_string(&x);
            self.error(
                e.pos(),
                format!("invalid use of {s} in selector expression"),
            );
            return Operand::invalid(Some(e));
        }
        if want_type {
            let es = Self::expr_text(e);
            self.error(sel.span, format!("{es} is not a type"));
            return Operand::invalid(Some(e));
        }
        if self.tcx.is_invalid(self.tcx.under(x.ty)) {
            return Operand::invalid(Some(e));
        }
        let name = sel.name.as_str();
        let is_type = x.mode == Mode::TypeExpr;
        // Type parameters: fields and methods of the constraint's core
        // type or its methods.
        let lookup_ty = x.ty;
        let r = self.lookup_field_or_method(lookup_ty, name, Some(self.pkg));
        let r = match r {
            Lookup::NotFound if self.tcx.is_tparam(lookup_ty) => {
                let c = self
                    .tcx
                    .as_tparam(lookup_ty)
                    .and_then(|p| self.tcx.tparam_info(p))
                    .map(|i| i.constraint);
                match c {
                    Some(c) => match self.lookup_field_or_method(c, name, Some(self.pkg)) {
                        Lookup::IfaceMethod {
                            path,
                            iface,
                            index,
                            sig,
                            ..
                        } => Lookup::IfaceMethod {
                            path,
                            iface,
                            index,
                            sig,
                            indirect: false,
                        },
                        _ => match self.core_type(lookup_ty) {
                            Some(core) if self.tcx.struct_fields(core).is_some() => {
                                self.lookup_field_or_method(core, name, Some(self.pkg))
                            }
                            _ => Lookup::NotFound,
                        },
                    },
                    None => Lookup::NotFound,
                }
            }
            r => r,
        };
        match r {
            Lookup::NotFound => {
                let xs = x.expr.map(Self::expr_text).unwrap_or_default();
                let why = self.lookup_error(x.ty, name);
                self.error(sel.span, format!("{xs}.{name} undefined ({why})"));
                Operand::invalid(Some(e))
            }
            Lookup::Ambiguous => {
                let xs = x.expr.map(Self::expr_text).unwrap_or_default();
                self.error(sel.span, format!("ambiguous selector {xs}.{name}"));
                Operand::invalid(Some(e))
            }
            Lookup::Field { path, ty, indirect } => {
                if is_type {
                    let ts = self.ts(x.ty);
                    self.error(
                        base.span.start(),
                        format!("operand for field selector {name} must be value of type {ts}"),
                    );
                    return Operand::invalid(Some(e));
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::FieldVal,
                        recv: x.ty,
                        path,
                        method: None,
                        iface_method: None,
                        indirect,
                        ty,
                    },
                );
                let mode = if x.mode == Mode::Variable || indirect {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                Operand::new(mode, ty, e)
            }
            Lookup::Method {
                path,
                obj,
                ptr_recv,
                on,
                indirect,
            } => {
                if let Some(d) = self.decls.get(&obj).cloned() {
                    let _ = d;
                    self.obj_decl(obj);
                }
                self.add_dep(obj);
                let msig = self.method_sig(obj, on);
                let x_is_ptr = matches!(self.tcx.kind(x.ty), TypeKind::Pointer(_));
                if is_type {
                    if ptr_recv && !x_is_ptr && !indirect {
                        let ts = self.ts(x.ty);
                        self.error(
                            sel.span,
                            format!("invalid method expression {ts}.{name} (needs pointer receiver (*{ts}).{name})"),
                        );
                        return Operand::invalid(Some(e));
                    }
                    let mut s = self.tcx.sig(msig).cloned().unwrap_or(Sig {
                        params: Vec::new(),
                        results: Vec::new(),
                        variadic: false,
                        names: Vec::new(),
                    });
                    s.params.insert(0, x.ty);
                    if !s.names.is_empty() {
                        // The receiver's name, when the parameters have names.
                        let rname = self
                            .func_decls
                            .get(&obj)
                            .and_then(|(d, _)| d.recv.as_ref())
                            .and_then(|r| r.names.first())
                            .map(|n| n.name.clone())
                            .unwrap_or_else(|| "_".into());
                        s.names.insert(0, rname);
                    }
                    let fty = self.tcx.intern(TypeKind::Func(s));
                    self.info.selections.insert(
                        e.id,
                        Selection {
                            kind: SelectionKind::MethodExpr,
                            recv: x.ty,
                            path,
                            method: Some(obj),
                            iface_method: None,
                            indirect,
                            ty: fty,
                        },
                    );
                    return Operand::new(Mode::Value, fty, e);
                }
                if ptr_recv && !x_is_ptr && !indirect && x.mode != Mode::Variable {
                    let ts = self.ts(x.ty);
                    self.error(
                        sel.span,
                        format!("cannot call pointer method {name} on {ts}"),
                    );
                    return Operand::invalid(Some(e));
                }
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        recv: x.ty,
                        path,
                        method: Some(obj),
                        iface_method: None,
                        indirect,
                        ty: msig,
                    },
                );
                Operand::new(Mode::Value, msig, e)
            }
            Lookup::IfaceMethod {
                path,
                iface,
                index,
                sig,
                indirect,
            } => {
                let kind = if is_type {
                    SelectionKind::MethodExpr
                } else {
                    SelectionKind::MethodVal
                };
                let ty = if is_type {
                    let mut s = self.tcx.sig(sig).cloned().unwrap_or(Sig {
                        params: Vec::new(),
                        results: Vec::new(),
                        variadic: false,
                        names: Vec::new(),
                    });
                    s.params.insert(0, x.ty);
                    if !s.names.is_empty() {
                        s.names.insert(0, "_".into());
                    }
                    self.tcx.intern(TypeKind::Func(s))
                } else {
                    sig
                };
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind,
                        recv: x.ty,
                        path,
                        method: None,
                        iface_method: Some((iface, index)),
                        indirect,
                        ty,
                    },
                );
                Operand::new(Mode::Value, ty, e)
            }
        }
    }

    /// `C.name` in a file that imports "C": the declaration generated for
    /// the name (`_Ctype_name`, `_Cfunc_name`, `_C2func_name` when the call
    /// also returns errno, or a constant), as cgo rewrites it. `None`
    /// outside such a file.
    fn cgo_name(
        &mut self,
        e: &'a Expr,
        sel: &crate::syntax::ast::Ident,
        want_type: bool,
    ) -> Option<Operand<'a>> {
        let name = sel.name.as_str();
        let mut scope = Some(self.ctx.scope);
        while let Some(s) = scope {
            if self.objs.scope(s).kind == ScopeKind::File {
                break;
            }
            scope = self.objs.scope(s).parent;
        }
        if !scope.is_some_and(|s| self.cgo_files.contains(&s)) {
            return None;
        }
        let two = std::mem::take(&mut self.cgo_two_results);
        let pscope = self.pkgs.get(self.pkg.0 as usize)?.scope;
        let prefixes: &[&str] = if two {
            &["_C2func_"]
        } else {
            &[
                "_Ctype_",
                "_Cfunc_",
                "_Cvar_",
                "_Ciconst_",
                "_Cfconst_",
                "_Csconst_",
            ]
        };
        let found = prefixes
            .iter()
            .map(|p| format!("{p}{name}"))
            .find(|m| self.objs.lookup_local(pscope, m).is_some());
        let Some(mangled) = found else {
            self.error(
                e.span.start(),
                format!("could not determine what C.{name} refers to"),
            );
            return Some(Operand::invalid(Some(e)));
        };
        let x = self.ident(e, &mangled, want_type);
        // The lowering reads qualified identifiers from the selector.
        if let Some(&o) = self.info.uses.get(&e.id) {
            self.record_use(sel.id, o);
        }
        Some(x)
    }

    fn qualified_operand(
        &mut self,
        e: &'a Expr,
        o: super::ObjId,
        ob: super::Object,
    ) -> Operand<'a> {
        match ob.kind {
            ObjKind::Const(v) => Operand::new(Mode::Const(v), ob.ty, e),
            ObjKind::TypeName { .. } => Operand::new(Mode::TypeExpr, ob.ty, e),
            ObjKind::Var(_) => Operand::new(Mode::Variable, ob.ty, e),
            ObjKind::Func => Operand::new(Mode::Value, ob.ty, e),
            ObjKind::Builtin(b) => Operand::new(Mode::Builtin(b), TypeCtx::INVALID, e),
            _ => {
                let _ = o;
                Operand::invalid(Some(e))
            }
        }
    }

    /// gc's explanation for a failed field or method lookup.
    fn lookup_error(&mut self, t: TyId, sel: &str) -> String {
        let ts = self.ts(t);
        if let Some(elem) = self.tcx.pointer_elem(t) {
            if self.tcx.is_tparam(elem) {
                return format!("type {ts} is pointer to type parameter, not type parameter");
            }
            if self.tcx.is_interface(elem) {
                return format!("type {ts} is pointer to interface, not interface");
            }
        }
        // A field or method with another spelling.
        let lower = sel.to_lowercase();
        let mut alt: Option<(String, bool, Option<super::PkgId>)> = None;
        let base = match self.tcx.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        if let Some(n) = self.tcx.as_named(base) {
            if let Some(info) = self.tcx.named_info(n) {
                for &m in &info.methods {
                    let o = self.objs.get(m);
                    if o.name.to_lowercase() == lower && o.name != sel {
                        alt = Some((o.name.clone(), false, o.pkg));
                    }
                    if o.name == sel {
                        alt = Some((o.name.clone(), false, o.pkg));
                    }
                }
            }
        }
        if alt.is_none() {
            if let Some(fs) = self.tcx.struct_fields(base) {
                for f in fs {
                    if f.name.to_lowercase() == lower {
                        alt = Some((
                            f.name.clone(),
                            true,
                            f.pkg.or(Some(self.pkg)).filter(|_| f.pkg.is_some()),
                        ));
                        break;
                    }
                }
            }
        }
        let Some((alt_name, is_field, alt_pkg)) = alt else {
            return format!("type {ts} has no field or method {sel}");
        };
        let what = if is_field { "field" } else { "method" };
        let same_pkg = alt_pkg.is_none_or(|p| p == self.pkg);
        let exported = |s: &str| super::object::is_exported(s);
        let tail = |s: &str| s.chars().skip(1).collect::<String>();
        enum Case {
            Missing,
            Misspelled,
            Unexported,
            Inaccessible,
        }
        let case = if same_pkg {
            if alt_name == sel {
                Case::Missing
            } else {
                Case::Misspelled
            }
        } else if exported(sel) {
            if exported(&alt_name) {
                Case::Misspelled
            } else if tail(sel) == tail(&alt_name) {
                Case::Unexported
            } else {
                Case::Missing
            }
        } else if exported(&alt_name) {
            if tail(sel) == tail(&alt_name) {
                Case::Misspelled
            } else {
                Case::Missing
            }
        } else if sel == alt_name {
            Case::Inaccessible
        } else {
            Case::Missing
        };
        match case {
            Case::Missing => format!("type {ts} has no field or method {sel}"),
            Case::Misspelled => {
                format!("type {ts} has no field or method {sel}, but does have {what} {alt_name}")
            }
            Case::Unexported => {
                format!("type {ts} has no field or method {sel}, but does have unexported {what} {alt_name}")
            }
            Case::Inaccessible => format!("cannot refer to unexported {what} {alt_name}"),
        }
    }
}
