//! Package initialisation: `pkg.init` assigns the package-level variables
//! in the order the checker computed (dependencies first), then calls the
//! package's `func init()`s, lowered as `pkg.init.0`, `pkg.init.1`, ... in
//! source order. [`crate::ir::Program::inits`] lists each package's
//! `pkg.init` in package dependency order.

use std::collections::HashMap;

use super::escape;
use super::func::FnLowerer;
use super::Lowerer;
use crate::diag::Diagnostic;
use crate::ir::{Callee, Const, InstrKind, Signature, Terminator};
use crate::loader::embed::{split, Embed};
use crate::syntax::ast::{Decl, Expr, GenKind, NodeId, Spec};
use crate::types::{BasicKind, TypeCtx, TypeKind};

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
        if info.init_order.is_empty() && info.init_funcs.is_empty() && package.embeds.is_empty() {
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
        for e in &package.embeds {
            f.store_embed(e);
        }
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

impl FnLowerer<'_, '_> {
    /// Stores the files of a `//go:embed` variable in it: the one file's
    /// contents for a `string` or `[]byte`, an `embed.FS` listing the
    /// files and their directories otherwise.
    fn store_embed(&mut self, e: &Embed) {
        let Some(&o) = self.lw.ck.info.defs.get(&e.var) else {
            return;
        };
        let t = self.lw.ck.obj(o).ty;
        let g = self.lw.global(o);
        let pt = self.ptr_to(t);
        let it = self.ty(t);
        self.set_span(e.span);
        let a = self.b.val(InstrKind::GlobalAddr(g), pt);
        let string_t = TypeCtx::basic(BasicKind::String);
        let st = self.ty(string_t);
        let is_string = self.lw.ck.tcx.basic_kind(t) == Some(BasicKind::String);
        let is_bytes = matches!(self.under_kind(t), TypeKind::Slice(el)
            if self.lw.ck.tcx.basic_kind(el) == Some(BasicKind::Uint8));
        if is_string || is_bytes {
            let [(_, data)] = e.files.as_slice() else {
                let what = if is_string { "string" } else { "[]byte" };
                self.lw.diags.push(Diagnostic::error(
                    e.span,
                    format!("invalid go:embed: multiple files for type {what}"),
                ));
                return;
            };
            let mut v = self
                .b
                .val(InstrKind::Const(Const::String(data.clone())), st);
            if is_bytes {
                v = self.b.val(InstrKind::Convert(v), it);
            }
            self.b.store(a, v);
            return;
        }
        // embed.FS: struct { files *[]file }, file: struct { name, data
        // string; hash [16]byte }.
        let fields = match self.under_kind(t) {
            TypeKind::Struct(fs) => fs,
            _ => Vec::new(),
        };
        let files_ptr_t = fields.first().map(|f| f.ty);
        let slice_t = files_ptr_t.and_then(|p| match self.under_kind(p) {
            TypeKind::Pointer(s) => Some(s),
            _ => None,
        });
        let file_t = slice_t.and_then(|s| match self.under_kind(s) {
            TypeKind::Slice(f) => Some(f),
            _ => None,
        });
        let (Some(files_ptr_t), Some(slice_t), Some(file_t)) = (files_ptr_t, slice_t, file_t)
        else {
            let ts = self.lw.ck.type_string(t);
            self.lw.diags.push(Diagnostic::error(
                e.span,
                format!("go:embed cannot apply to var of type {ts}"),
            ));
            return;
        };
        let mut names: Vec<(String, Option<&Vec<u8>>)> = e
            .dirs
            .iter()
            .map(|d| (d.clone(), None))
            .chain(e.files.iter().map(|(n, d)| (n.clone(), Some(d))))
            .collect();
        names.sort_by(|x, y| split(&x.0).cmp(&split(&y.0)));
        let n = names.len() as u64;
        let arr_t = self.lw.ck.tcx.intern(TypeKind::Array(n, file_t));
        let at = self.ty(arr_t);
        let apt = self.ptr_to(arr_t);
        let fpt = self.ptr_to(file_t);
        let spt = self.ptr_to(string_t);
        let arr = self.b.val(InstrKind::New(at), apt);
        for (i, (name, data)) in names.iter().enumerate() {
            let idx = self.int(i as i64);
            let fp = self.b.val(
                InstrKind::IndexAddr {
                    base: arr,
                    index: idx,
                },
                fpt,
            );
            let nv = self.b.val(
                InstrKind::Const(Const::String(name.clone().into_bytes())),
                st,
            );
            let na = self.b.val(InstrKind::FieldAddr { base: fp, index: 0 }, spt);
            self.b.store(na, nv);
            if let Some(d) = data {
                let dv = self
                    .b
                    .val(InstrKind::Const(Const::String((*d).clone())), st);
                let da = self.b.val(InstrKind::FieldAddr { base: fp, index: 1 }, spt);
                self.b.store(da, dv);
            }
        }
        let zero = self.int(0);
        let first = self.b.val(
            InstrKind::IndexAddr {
                base: arr,
                index: zero,
            },
            fpt,
        );
        let len = self.int(n as i64);
        let sit = self.ty(slice_t);
        let header = self.b.val(
            InstrKind::MakeSliceHeader {
                data: first,
                len,
                cap: len,
            },
            sit,
        );
        let sp_it = self.ty(files_ptr_t);
        let holder = self.b.val(InstrKind::New(sit), sp_it);
        self.b.store(holder, header);
        let fpa_t = self.ptr_to(files_ptr_t);
        let fa = self
            .b
            .val(InstrKind::FieldAddr { base: a, index: 0 }, fpa_t);
        self.b.store(fa, holder);
    }
}
