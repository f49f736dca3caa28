//! Package initialisation: `pkg.init` assigns the package-level variables
//! in the order the checker computed (dependencies first), then calls the
//! package's `func init()`s, lowered as `pkg.init.0`, `pkg.init.1`, ... in
//! source order. [`crate::ir::Program::inits`] lists each package's
//! `pkg.init` in package dependency order.

use std::collections::HashMap;

use super::escape;
use super::func::FnLowerer;
use super::Lowerer;
use crate::ir::{Callee, InstrKind, Signature, Terminator};
use crate::syntax::ast::{Decl, Expr, GenKind, NodeId, Spec};

impl<'a> Lowerer<'a> {
    pub(super) fn lower_package_init(&mut self, pi: usize) {
        let Some(&pkg) = self.ck.pkg_of_index.get(pi) else {
            return;
        };
        let Some(info) = self.ck.pkgs.get(pkg.0 as usize).cloned() else {
            return;
        };
        let Some(package) = self.packages.get(pi) else {
            return;
        };
        // Initialiser expressions by node id.
        let mut exprs: HashMap<NodeId, &'a Expr> = HashMap::new();
        for f in &package.files {
            for d in &f.decls {
                let Decl::Gen(g) = d else { continue };
                if g.kind != GenKind::Var {
                    continue;
                }
                for spec in &g.specs {
                    if let Spec::Value(vs) = spec {
                        for v in &vs.values {
                            exprs.insert(v.id, v);
                        }
                    }
                }
            }
        }
        if info.init_order.is_empty() && info.init_funcs.is_empty() {
            return;
        }
        let name = format!("{}.init", info.path);
        let span = package
            .files
            .first()
            .map(|f| f.package.span)
            .unwrap_or_default();
        let sig = Signature {
            params: Vec::new(),
            results: Vec::new(),
            variadic: false,
        };
        let id = self.reserve(name.clone(), sig, span);
        // The `func init()`s, numbered in source order.
        let mut init_funcs = Vec::new();
        for (k, &o) in info.init_funcs.iter().enumerate() {
            let fid = self.func_id(o, Vec::new());
            if let Some(func) = self.prog.funcs.get_mut(fid.0 as usize) {
                func.name = format!("{}.init.{k}", info.path);
            }
            init_funcs.push(fid);
        }
        let inits: Vec<&'a Expr> = info
            .init_order
            .iter()
            .filter_map(|i| exprs.get(&i.rhs).copied())
            .collect();
        let mut f = FnLowerer::new(self, name, span, HashMap::new());
        f.escapes = escape::escaping_vars_exprs(&f.lw.ck, &inits);
        for init in &info.init_order {
            let Some(&e) = exprs.get(&init.rhs) else {
                f.ice(span, "initialiser expression not found");
                continue;
            };
            f.set_span(e.pos());
            let vals = f.rhs_values(std::slice::from_ref(e), init.lhs.len());
            for (lhs, (v, t)) in init.lhs.iter().zip(vals) {
                let Some(o) = lhs else { continue };
                let g = f.lw.global(*o);
                let ot = f.lw.ck.obj(*o).ty;
                let cv = f.convert_value(v, t, ot);
                let pt = f.ptr_to(ot);
                let a = f.b.val(InstrKind::GlobalAddr(g), pt);
                f.b.store(a, cv);
            }
        }
        f.set_span(span);
        for fid in init_funcs {
            f.b.call(Callee::Direct(fid), Vec::new(), None);
        }
        f.b.terminate(Terminator::Return(Vec::new()));
        f.finish(id);
        self.prog.inits.push(id);
    }
}
