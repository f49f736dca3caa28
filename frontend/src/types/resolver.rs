//! Package-level structure: imports, the collection of package-level
//! objects from all files, methods grouped by receiver base type, and the
//! order in which declarations and function bodies are checked.

use super::constant::Value;
use super::object::{ObjKind, PackageInfo, PkgId, ScopeKind, VarKind};
use super::ty::TypeCtx;
use super::{Checker, Ctx, DeclInfo};
use crate::diag::Diagnostic;
use crate::loader::Package;
use crate::syntax::ast::{self, Decl, ExprKind, GenKind, Spec};

/// A `.`-import: the objects it made visible and whether one was used.
struct DotImport {
    span: crate::source::Span,
    path: String,
    objs: Vec<super::ObjId>,
}

impl<'a> Checker<'a> {
    pub(super) fn check_package(&mut self, index: usize, p: &'a Package) -> PkgId {
        let scope = self.objs.new_scope(Some(self.universe), ScopeKind::Package);
        let first_obj = self.objs.objs.len();
        let pkg = PkgId(self.pkgs.len() as u32);
        self.pkgs.push(PackageInfo {
            path: p.path.clone(),
            name: p.name.clone(),
            scope,
            index: Some(index),
            init_order: Vec::new(),
            init_funcs: Vec::new(),
        });
        self.pkg_by_path.insert(p.path.clone(), pkg);
        self.pkg = pkg;
        self.decls.clear();
        self.colors.clear();
        self.obj_path.clear();
        self.deps.clear();
        self.methods.clear();
        self.func_decls.clear();
        self.cgo_files.clear();
        self.cgo_generated = None;
        self.first_err = false;
        self.made_chans.clear();

        let mut imports = Vec::new();
        let mut dot_imports: Vec<DotImport> = Vec::new();
        let mut order = Vec::new();
        let mut method_decls = Vec::new();
        let mut funcs_in_order = Vec::new();

        for file in &p.files {
            let file_scope = self.objs.new_scope(Some(scope), ScopeKind::File);
            self.ctx = Ctx {
                scope: file_scope,
                decl: None,
                iota: None,
                func: None,
            };
            if file.cgo_generated {
                self.cgo_generated = Some(file_scope);
            }
            if file.package.name == "_" {
                self.error(file.package.span, "invalid package name _");
            }
            // Imports.
            for imp in &file.imports {
                if imp.path == "C" {
                    self.cgo_files.insert(file_scope);
                    continue;
                }
                let Some(&ipkg) = self.pkg_by_path.get(&imp.path) else {
                    self.error(
                        imp.path_span,
                        format!("could not import {} (package not found)", imp.path),
                    );
                    continue;
                };
                let Some(info) = self.pkgs.get(ipkg.0 as usize) else {
                    continue;
                };
                let pkg_name = info.name.clone();
                let pkg_scope = info.scope;
                let local = imp.name.as_ref().map(|n| n.name.clone());
                match local.as_deref() {
                    Some("_") => continue,
                    Some(".") => {
                        let mut objs = Vec::new();
                        let names: Vec<_> = self.objs.scope(pkg_scope).order.clone();
                        for o in names {
                            if self.objs.get(o).is_exported() {
                                if let Some(old) = self.objs.insert(file_scope, o) {
                                    let _ = old;
                                } else {
                                    objs.push(o);
                                }
                            }
                        }
                        dot_imports.push(DotImport {
                            span: imp.span.start(),
                            path: imp.path.clone(),
                            objs,
                        });
                        continue;
                    }
                    _ => {}
                }
                let name = local.clone().unwrap_or(pkg_name.clone());
                if name == "init" {
                    self.error(
                        imp.span,
                        "cannot import package as init - init must be a func",
                    );
                    continue;
                }
                let o = self.new_obj(
                    &name,
                    ObjKind::PkgName(ipkg),
                    TypeCtx::INVALID,
                    imp.span.start(),
                );
                self.declare(file_scope, imp.name.as_ref(), o);
                // A duplicate import is redeclared, and (never usable)
                // also unused.
                if self.objs.lookup_local(file_scope, &name) != Some(o) {
                    self.objs.get_mut(o).used = false;
                }
                imports.push((o, imp.path.clone(), local.is_some(), imp.span.start()));
            }

            // Declarations.
            for decl in &file.decls {
                match decl {
                    Decl::Gen(g) => self.collect_gen_decl(g, scope, file_scope, &mut order),
                    Decl::Func(f) => {
                        let o = self.new_obj(
                            &f.name.name,
                            ObjKind::Func,
                            TypeCtx::INVALID,
                            f.name.span,
                        );
                        self.record_def(&f.name, o);
                        self.decls.insert(
                            o,
                            DeclInfo::Func {
                                file_scope,
                                decl: f,
                            },
                        );
                        self.func_decls.insert(o, (f, file_scope));
                        funcs_in_order.push(o);
                        if f.recv.is_some() {
                            method_decls.push((o, f));
                            continue;
                        }
                        let name = f.name.name.as_str();
                        if name == "init" || (name == "main" && p.name == "main") {
                            if !f.type_params.is_empty() {
                                self.error(
                                    f.type_params[0].span,
                                    format!("func {name} must have no type parameters"),
                                );
                            } else if !f.ty.params.is_empty() || !f.ty.results.is_empty() {
                                self.error(
                                    f.name.span,
                                    format!(
                                        "func {name} must have no arguments and no return values"
                                    ),
                                );
                            }
                        }
                        if name == "init" {
                            if f.body.is_none() {
                                self.error(f.name.span, "func init must have a body");
                            }
                            self.objs.get_mut(o).used = true;
                            if let Some(info) = self.pkgs.get_mut(pkg.0 as usize) {
                                info.init_funcs.push(o);
                            }
                            order.push(o);
                            continue;
                        }
                        if name != "_" {
                            self.declare(scope, Some(&f.name), o);
                        }
                        order.push(o);
                    }
                }
            }
        }

        // Conflicts between package-level names and file-scope imports.
        for file_imports in &imports {
            let (o, path, _, _) = file_imports;
            let name = self.objs.get(*o).name.clone();
            if let Some(other) = self.objs.lookup_local(scope, &name) {
                let ospan = self.objs.get(other).span;
                let ispan = self.objs.get(*o).span;
                let ipos = self.pos_string(ispan);
                let pname = match self.objs.get(*o).kind {
                    ObjKind::PkgName(p) => self
                        .pkgs
                        .get(p.0 as usize)
                        .map_or(name.clone(), |i| i.name.clone()),
                    _ => name.clone(),
                };
                self.error_with(Diagnostic::error(
                    ospan,
                    format!(
                        "{name} already declared through import of package {pname} ({path:?})\n\t{ipos}: other declaration of {name}"
                    ),
                ));
            }
        }

        // Methods, grouped by receiver base type.
        for (o, f) in &method_decls {
            if let Some(recv) = &f.recv {
                if let Some(base) = receiver_base_name(&recv.ty) {
                    if let Some(t) = self.objs.lookup_local(scope, base) {
                        let t = self.resolve_alias_name(scope, t);
                        if self.objs.get(t).is_type_name() && self.decls.contains_key(&t) {
                            self.methods.entry(t).or_default().push(*o);
                        }
                    }
                }
            }
        }

        // Package-level declarations: types first, as gc does, then the rest.
        let types: Vec<_> = order
            .iter()
            .copied()
            .filter(|o| matches!(self.decls.get(o), Some(DeclInfo::Type { .. })))
            .collect();
        for o in types {
            self.obj_decl(o);
        }
        self.complete_pending_interfaces();
        for o in order.clone() {
            self.obj_decl(o);
        }
        for (o, _) in &method_decls {
            self.obj_decl(*o);
        }
        self.flush_later_verify();
        self.valid_types(&order);

        // Function bodies.
        for o in funcs_in_order {
            self.check_func_body(o, p.overlay);
        }

        // Unused imports.
        let mut unused = Vec::new();
        for (o, path, named, span) in &imports {
            let obj = self.objs.get(*o);
            if !obj.used {
                let msg = if *named {
                    format!("{path:?} imported as {} and not used", obj.name)
                } else {
                    format!("{path:?} imported and not used")
                };
                unused.push((*span, msg));
            }
        }
        for d in &dot_imports {
            if !d.objs.iter().any(|o| self.dot_used.contains(o)) {
                unused.push((d.span, format!("{:?} imported and not used", d.path)));
            }
        }
        for (span, msg) in unused {
            self.error(span, msg);
        }

        self.check_instantiation_cycles();
        self.mono = super::mono::MonoGraph::default();
        self.compute_init_order(pkg, &order);
        if self.diags.is_empty() {
            for span in std::mem::take(&mut self.body_less) {
                self.error(span, "missing function body");
            }
            if p.errors.is_empty() {
                self.check_directives(p);
            }
            if self.diags.is_empty() {
                self.check_embed_types(p);
                self.check_size_limits(first_obj);
            }
        }
        self.body_less.clear();
        pkg
    }

    /// Follows `type A = B` declarations of this package (syntactically) to
    /// the type name methods declared on `A` belong to.
    fn resolve_alias_name(&self, scope: super::ScopeId, mut t: super::ObjId) -> super::ObjId {
        for _ in 0..16 {
            let Some(DeclInfo::Type { spec, .. }) = self.decls.get(&t) else {
                return t;
            };
            if !spec.alias {
                return t;
            }
            // An alias of `T` or `*T` (a receiver may name either).
            let mut ty = spec.ty.unparen();
            if let ExprKind::Star(x) = &ty.kind {
                ty = x.unparen();
            }
            let Some(name) = ty.as_ident() else {
                return t;
            };
            match self.objs.lookup_local(scope, name) {
                Some(next) => t = next,
                None => return t,
            }
        }
        t
    }

    fn collect_gen_decl(
        &mut self,
        g: &'a ast::GenDecl,
        scope: super::ScopeId,
        file_scope: super::ScopeId,
        order: &mut Vec<super::ObjId>,
    ) {
        match g.kind {
            GenKind::Const => {
                let mut last: Option<(&'a Option<ast::Expr>, &'a [ast::Expr])> = None;
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
                    for (i, name) in vs.names.iter().enumerate() {
                        let o = self.new_obj(
                            &name.name,
                            ObjKind::Const(Value::Unknown),
                            TypeCtx::INVALID,
                            name.span,
                        );
                        self.decls.insert(
                            o,
                            DeclInfo::Const {
                                file_scope,
                                ty,
                                init: values.get(i),
                                iota: vs.iota,
                                inherited,
                            },
                        );
                        self.declare_pkg_obj(scope, name, o);
                        order.push(o);
                    }
                    self.arity(vs.span, &vs.names, values, true, inherited);
                }
            }
            GenKind::Var => {
                for spec in &g.specs {
                    let Spec::Value(vs) = spec else { continue };
                    let objs: Vec<_> = vs
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(
                                &n.name,
                                ObjKind::Var(VarKind::Global),
                                TypeCtx::INVALID,
                                n.span,
                            )
                        })
                        .collect();
                    let n_to_1 = vs.values.len() == 1 && vs.names.len() > 1;
                    for (i, name) in vs.names.iter().enumerate() {
                        let o = objs[i];
                        let info = if n_to_1 {
                            DeclInfo::Var {
                                file_scope,
                                lhs: objs.clone(),
                                ty: vs.ty.as_ref(),
                                init: vs.values.first(),
                            }
                        } else {
                            DeclInfo::Var {
                                file_scope,
                                lhs: Vec::new(),
                                ty: vs.ty.as_ref(),
                                init: vs.values.get(i),
                            }
                        };
                        self.decls.insert(o, info);
                        self.declare_pkg_obj(scope, name, o);
                        order.push(o);
                    }
                    if !n_to_1 && !vs.values.is_empty() && vs.values.len() != vs.names.len() {
                        self.var_arity_error(&vs.names, &vs.values);
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
                    self.decls.insert(
                        o,
                        DeclInfo::Type {
                            file_scope,
                            spec: ts,
                        },
                    );
                    self.declare_pkg_obj(scope, &ts.name, o);
                    order.push(o);
                }
            }
        }
    }

    fn declare_pkg_obj(&mut self, scope: super::ScopeId, name: &ast::Ident, o: super::ObjId) {
        if name.name == "init" {
            self.error(name.span, "cannot declare init - must be func");
            self.record_def(name, o);
            return;
        }
        if name.name == "main"
            && self
                .pkgs
                .get(self.pkg.0 as usize)
                .is_some_and(|p| p.name == "main")
        {
            self.error(name.span, "cannot declare main - must be func");
            self.record_def(name, o);
            return;
        }
        self.declare(scope, Some(name), o);
    }

    /// Checks that a const declaration has as many values as names.
    pub(super) fn arity(
        &mut self,
        span: crate::source::Span,
        names: &[ast::Ident],
        inits: &[ast::Expr],
        is_const: bool,
        inherited: bool,
    ) {
        let l = names.len();
        let r = inits.len();
        if l < r {
            let n = &inits[l];
            if inherited {
                let at = self.pos_string(n.span);
                self.error(span, format!("extra init expr at {at}"));
            } else {
                self.error(
                    n.pos(),
                    format!("extra init expr {}", super::expr_string(n)),
                );
            }
        } else if l > r && (is_const || r != 1) {
            let n = &names[r];
            self.error(n.span, format!("missing init expr for {}", n.name));
        }
    }

    /// `var a, b T = x` and `var p, q = 1, 2, 3`.
    pub(super) fn var_arity_error(&mut self, names: &[ast::Ident], values: &[ast::Expr]) {
        let l = names.len();
        let r = values.len();
        if l < r {
            let n = &values[l];
            self.error(
                n.pos(),
                format!("extra init expr {}", super::expr_string(n)),
            );
        } else if r > 1 {
            let n = &names[r];
            self.error(n.span, format!("missing init expr for {}", n.name));
        } else if let Some(v) = values.first() {
            let msg = format!(
                "assignment mismatch: {} but {}",
                plural(l, "variable"),
                plural(r, "value")
            );
            self.error(v.pos(), msg);
        }
    }

    /// Marks objects made visible by a dot-import as used.
    pub(super) fn mark_dot_use(&mut self, o: super::ObjId) {
        if self.objs.get(o).pkg != Some(self.pkg) {
            self.dot_used.insert(o);
        }
    }
}

pub(super) fn plural(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The base type name of a receiver type expression: `T`, `*T`, `T[P]`,
/// `*T[P]`, parenthesised or not.
pub(super) fn receiver_base_name(e: &ast::Expr) -> Option<&str> {
    let mut e = e.unparen();
    if let ExprKind::Star(x) = &e.kind {
        e = x.unparen();
    }
    if let ExprKind::Index { x, .. } = &e.kind {
        e = x.unparen();
    }
    e.as_ident()
}
