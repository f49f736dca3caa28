//! Lowering: the checked syntax tree to the typed IR ([`crate::ir`]).
//!
//! [`lower_program`] starts from the package initialisers and `main.main`
//! and lowers the functions they reach (a worklist). A defined type gets
//! its method table, and its methods are lowered, once its values can
//! reach an interface (boxed, asserted, or inside such a value), since its
//! methods can then be called dynamically. Generic functions and methods
//! of generic types are instantiated per type-argument list: the checker's
//! types are substituted ([`Lowerer::concrete`]) before they become IR
//! types.
//!
//! The pieces, by language concept:
//! - [`types`]: checker types to IR types;
//! - [`func`]: one function body: parameters, results, where each
//!   variable lives (stack slot or heap, decided by [`escape`]);
//! - [`expr`], [`call`], [`builtin`], [`composite`]: expressions;
//! - [`stmt`], [`switch`], [`range`], [`rangefunc`], [`defer`]: statements
//!   and control flow;
//! - [`method`]: promoted methods, method values and method expressions;
//! - [`init`]: package variable initialisation and `init` functions;
//! - [`builder`]: blocks and values of the function being built.
//!
//! Constructs the runtime cannot run yet (goroutines, channels, `select`)
//! are reported as `internal compiler error: ... not supported yet` where
//! they appear. Deferred calls run on returns and, through the runtime's
//! defer frames, during panics, where `recover()` can stop them (see
//! [`defer`]).

mod builder;
mod builtin;
mod call;
mod chan;
mod composite;
mod defer;
mod escape;
mod expr;
mod func;
mod goroutine;
mod init;
mod method;
mod range;
mod rangefunc;
mod select;
mod stmt;
mod switch;
mod types;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet, VecDeque};

use crate::diag::Diagnostic;
use crate::ir::{self, FuncId, GlobalId, TypeId};
use crate::loader::Package;
use crate::source::{SourceMap, Span};
use crate::syntax::ast::{self, Decl};
use crate::types::{Checked, MethodSetEntry, ObjId, TParamId, TyId, TypeKind};

/// Lowers a checked program: package initialisers in dependency order,
/// then `main.main` if there is one.
pub fn lower_program(
    _sources: &SourceMap,
    packages: &[Package],
    checked: Checked,
) -> Result<ir::Program, Vec<Diagnostic>> {
    let mut lw = Lowerer::new(packages, checked);
    lw.run();
    if !lw.diags.is_empty() {
        return Err(lw.diags);
    }
    Ok(lw.prog)
}

/// Identity of a lowered function, so each is lowered once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FuncKey {
    /// A declared function or method, with type arguments (canonical).
    Decl(ObjId, Vec<TyId>),
    /// A promoted method of a type (canonical), by name.
    Promoted(TyId, String),
    /// The function behind a method value `x.M` of type (canonical) `T`.
    Bound(TyId, String),
    /// The function behind a method expression `T.M`.
    MethodExpr(TyId, String),
}

/// A function waiting to be lowered.
enum Job<'a> {
    Decl {
        id: FuncId,
        obj: ObjId,
        decl: &'a ast::FuncDecl,
        subst: HashMap<TParamId, TyId>,
        pkg: usize,
    },
    Promoted {
        id: FuncId,
        recv: TyId,
        name: String,
    },
    Bound {
        id: FuncId,
        recv: TyId,
        name: String,
    },
    MethodExpr {
        id: FuncId,
        recv: TyId,
        name: String,
    },
}

pub(super) struct Lowerer<'a> {
    packages: &'a [Package],
    ck: Checked,
    prog: ir::Program,
    type_map: HashMap<TyId, TypeId>,
    type_dedup: HashMap<ir::Type, TypeId>,
    /// Named types whose method tables remain to be built.
    /// IR id → checker type.
    pending_method_tables: HashMap<TypeId, TyId>,
    funcs: HashMap<FuncKey, FuncId>,
    queue: VecDeque<Job<'a>>,
    /// Function declarations by object, with their package's index.
    func_decls: HashMap<ObjId, (&'a ast::FuncDecl, usize)>,
    globals: HashMap<ObjId, GlobalId>,
    diags: Vec<Diagnostic>,
    /// Closure counters per enclosing function name (`f.func1`, ...).
    closure_counts: HashMap<String, u32>,
    /// Deferred-call wrappers per enclosing function (`f.deferwrap1`).
    defer_counts: HashMap<String, u32>,
    /// Where the code being lowered is (for internal errors).
    cur_span: Span,
}

impl<'a> Lowerer<'a> {
    fn new(packages: &'a [Package], ck: Checked) -> Lowerer<'a> {
        let mut func_decls = HashMap::new();
        for (pi, p) in packages.iter().enumerate() {
            for f in &p.files {
                for d in &f.decls {
                    if let Decl::Func(fd) = d {
                        if let Some(&o) = ck.info.defs.get(&fd.name.id) {
                            func_decls.insert(o, (fd, pi));
                        }
                    }
                }
            }
        }
        Lowerer {
            packages,
            ck,
            prog: ir::Program::default(),
            type_map: HashMap::new(),
            type_dedup: HashMap::new(),
            pending_method_tables: HashMap::new(),
            funcs: HashMap::new(),
            queue: VecDeque::new(),
            func_decls,
            globals: HashMap::new(),
            diags: Vec::new(),
            closure_counts: HashMap::new(),
            defer_counts: HashMap::new(),
            cur_span: Span::default(),
        }
    }

    fn run(&mut self) {
        // Package initialisers, dependencies first.
        for pi in 0..self.packages.len() {
            self.lower_package_init(pi);
        }
        // main.main
        if let Some(last) = self.packages.last() {
            if last.name == "main" {
                let pkg = self.ck.pkg_of_index.get(self.packages.len() - 1).copied();
                let main_obj = pkg
                    .and_then(|p| self.ck.pkgs.get(p.0 as usize))
                    .and_then(|p| self.ck.objs.lookup_local(p.scope, "main"));
                if let Some(m) = main_obj {
                    let id = self.func_id(m, Vec::new());
                    self.prog.main = Some(id);
                }
            }
        }
        // `//export`ed functions: C may call them.
        for (pi, pkg) in self.packages.iter().enumerate() {
            let scope = self
                .ck
                .pkg_of_index
                .get(pi)
                .and_then(|p| self.ck.pkgs.get(p.0 as usize))
                .map(|p| p.scope);
            let Some(scope) = scope else { continue };
            for f in &pkg.files {
                for d in &f.decls {
                    let ast::Decl::Func(fd) = d else { continue };
                    if fd.recv.is_some() || fd.export_name().is_none() {
                        continue;
                    }
                    if let Some(obj) = self.ck.objs.lookup_local(scope, &fd.name.name) {
                        self.func_id(obj, Vec::new());
                    }
                }
            }
        }
        self.drain();
    }

    /// Lowers queued functions, and builds the method tables of the
    /// defined types that can be reached dynamically, until nothing is
    /// left.
    fn drain(&mut self) {
        let mut scanned = 0;
        let mut roots: Vec<TypeId> = Vec::new();
        let mut seen: HashSet<TypeId> = HashSet::new();
        loop {
            if let Some(job) = self.queue.pop_front() {
                self.lower_job(job);
                continue;
            }
            // Every function reserved so far has its body now.
            while scanned < self.prog.funcs.len() {
                dynamic_types(&self.prog.funcs[scanned], &mut roots);
                scanned += 1;
            }
            let mut built = false;
            while let Some(t) = roots.pop() {
                if !seen.insert(t) {
                    continue;
                }
                let ty = self.prog.ty(t).clone();
                match ty {
                    ir::Type::Named(n) => {
                        if let Some(ck_t) = self.pending_method_tables.remove(&t) {
                            self.build_method_table(ck_t, t);
                            built = true;
                        }
                        roots.push(n.underlying);
                    }
                    ir::Type::Pointer(e)
                    | ir::Type::Slice(e)
                    | ir::Type::Array(_, e)
                    | ir::Type::Chan(_, e) => roots.push(e),
                    ir::Type::Map(k, v) => roots.extend([k, v]),
                    ir::Type::Struct(fs) => roots.extend(fs.iter().map(|f| f.ty)),
                    ir::Type::Tuple(ts) => roots.extend(ts),
                    _ => {}
                }
            }
            if !built && self.queue.is_empty() {
                break;
            }
        }
    }

    fn lower_job(&mut self, job: Job<'a>) {
        match job {
            Job::Decl {
                id,
                obj,
                decl,
                subst,
                pkg,
            } => self.lower_decl(id, obj, decl, subst, pkg),
            Job::Promoted { id, recv, name } => self.lower_promoted(id, recv, &name),
            Job::Bound { id, recv, name } => self.lower_bound(id, recv, &name),
            Job::MethodExpr { id, recv, name } => self.lower_method_expr(id, recv, &name),
        }
    }

    /// Reports an internal error at the current position.
    pub(super) fn ice_here(&mut self, what: &str) {
        self.ice(self.cur_span, what);
    }

    pub(super) fn ice(&mut self, span: Span, what: &str) {
        let msg = format!("internal compiler error: {what}");
        if !self
            .diags
            .iter()
            .any(|d| d.span == span && d.message == msg)
        {
            self.diags.push(Diagnostic::error(span, msg));
        }
    }

    /// The package path of a checked package.
    fn pkg_path(&self, pkg: Option<crate::types::PkgId>) -> String {
        pkg.and_then(|p| self.ck.pkgs.get(p.0 as usize))
            .map(|p| p.path.clone())
            .unwrap_or_default()
    }

    /// A reserved function (body filled in later).
    fn reserve(&mut self, name: String, sig: ir::Signature, span: Span) -> FuncId {
        let id = FuncId(self.prog.funcs.len() as u32);
        self.prog.funcs.push(ir::Function {
            name,
            sig,
            params: Vec::new(),
            values: Vec::new(),
            locals: Vec::new(),
            blocks: Vec::new(),
            external: None,
            span,
            export: None,
            noinline: false,
        });
        id
    }

    /// The function for declared function or method `obj` instantiated with
    /// `targs` (for methods of generic types: the receiver's type
    /// arguments).
    pub(super) fn func_id(&mut self, obj: ObjId, targs: Vec<TyId>) -> FuncId {
        let targs: Vec<TyId> = targs.iter().map(|t| self.ck.tcx.canon(*t)).collect();
        let key = FuncKey::Decl(obj, targs.clone());
        if let Some(&id) = self.funcs.get(&key) {
            return id;
        }
        let o = self.ck.obj(obj).clone();
        // The receiver's type parameters, then (generic methods) the
        // method's own.
        let subst: HashMap<TParamId, TyId> = o
            .tparams
            .iter()
            .chain(o.method_tparams.iter())
            .zip(targs.iter())
            .filter_map(|(p, a)| self.ck.tcx.as_tparam(*p).map(|p| (p, *a)))
            .collect();
        let mut sig = self.func_sig(o.ty, &subst);
        let mut recv_name = String::new();
        if let Some(r) = o.recv {
            let rt = self.concrete(r, &subst);
            let rid = self.ir_type(rt, &HashMap::new());
            sig.params.insert(0, rid);
            recv_name = self.recv_name(rt);
        }
        let pkg = self.pkg_path(o.pkg);
        let mut name = if recv_name.is_empty() {
            format!("{pkg}.{}", o.name)
        } else {
            format!("{pkg}.{recv_name}.{}", o.name)
        };
        let own_targs = if o.recv.is_none() {
            &targs[..]
        } else {
            targs.get(o.tparams.len()..).unwrap_or(&[])
        };
        if !own_targs.is_empty() {
            let args: Vec<String> = own_targs.iter().map(|t| self.ck.type_string(*t)).collect();
            name = format!("{name}[{}]", args.join(","));
        }
        let Some(&(decl, pi)) = self.func_decls.get(&obj) else {
            let id = self.reserve(name, sig, o.span);
            self.ice(o.span, &format!("function {} has no declaration", o.name));
            self.funcs.insert(key, id);
            return id;
        };
        let id = self.reserve(name, sig, decl.name.span);
        self.funcs.insert(key, id);
        self.queue.push_back(Job::Decl {
            id,
            obj,
            decl,
            subst,
            pkg: pi,
        });
        id
    }

    /// `T`, `(*T)`, `T[int]` as in method link names.
    fn recv_name(&self, rt: TyId) -> String {
        let (base, ptr) = match self.ck.tcx.kind(rt) {
            TypeKind::Pointer(b) => (*b, true),
            _ => (rt, false),
        };
        let mut s = match self
            .ck
            .tcx
            .as_named(base)
            .and_then(|n| self.ck.tcx.named_info(n))
        {
            Some(info) => {
                let mut s = info.name.clone();
                if !info.targs.is_empty() {
                    let args: Vec<String> =
                        info.targs.iter().map(|t| self.ck.type_string(*t)).collect();
                    s = format!("{s}[{}]", args.join(","));
                }
                s
            }
            None => self.ck.type_string(base),
        };
        if ptr {
            s = format!("(*{s})");
        }
        s
    }

    /// The IR signature of a checker function type.
    pub(super) fn func_sig(&mut self, fty: TyId, subst: &HashMap<TParamId, TyId>) -> ir::Signature {
        let t = self.concrete(fty, subst);
        match self.ck.tcx.sig(t).cloned() {
            Some(s) => self.ir_sig(&s),
            None => ir::Signature {
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            },
        }
    }

    /// The global for package-level variable `obj`.
    pub(super) fn global(&mut self, obj: ObjId) -> GlobalId {
        if let Some(&g) = self.globals.get(&obj) {
            return g;
        }
        let o = self.ck.obj(obj).clone();
        let ty = self.ir_type(o.ty, &HashMap::new());
        let pkg = self.pkg_path(o.pkg);
        let id = GlobalId(self.prog.globals.len() as u32);
        // A variable cgo generated with `//rgo:extern sym` is the C
        // variable `sym`.
        let extern_sym = o
            .name
            .starts_with("_Cvar_")
            .then(|| {
                self.packages
                    .iter()
                    .flat_map(|p| &p.files)
                    .filter(|f| f.cgo_generated && f.file == o.span.file)
                    .flat_map(|f| &f.decls)
                    .find_map(|d| match d {
                        ast::Decl::Gen(g) if g.span.lo <= o.span.lo && o.span.hi <= g.span.hi => g
                            .directives
                            .iter()
                            .find(|d| d.name() == "rgo:extern")
                            .and_then(|d| d.args().next())
                            .map(str::to_string),
                        _ => None,
                    })
            })
            .flatten();
        self.prog.globals.push(ir::Global {
            name: format!("{pkg}.{}", o.name),
            ty,
            span: o.span,
            extern_sym,
        });
        self.globals.insert(obj, id);
        id
    }

    /// A fresh closure name inside function `outer`.
    pub(super) fn closure_name(&mut self, outer: &str) -> String {
        let n = self.closure_counts.entry(outer.to_string()).or_insert(0);
        *n += 1;
        // Closures nested in closures are numbered `.1`, `.2`.
        if outer.rsplit('.').next().is_some_and(|last| {
            last.starts_with("func")
                && last[4..].chars().all(|c| c.is_ascii_digit())
                && last.len() > 4
        }) {
            format!("{outer}.{n}")
        } else {
            format!("{outer}.func{n}")
        }
    }

    /// The method table of a named type: its methods and promoted methods
    /// (from embedded types and embedded interfaces), for both receiver
    /// kinds, sorted by name.
    fn build_method_table(&mut self, t: TyId, id: TypeId) {
        if self.ck.tcx.is_interface(t) {
            return;
        }
        let ptr = self.ck.tcx.pointer(t);
        let entries = self.ck.method_set(t);
        let mut methods = Vec::new();
        for e in entries {
            // In the value type's method set unless it needs a pointer
            // receiver that no embedded pointer provides.
            let pointer_receiver = e.pointer_receiver && !e.indirect;
            let recv = if pointer_receiver { ptr } else { t };
            let mty = {
                let m = self.ck.obj(e.method).ty;
                let on = self.method_owner(t, &e);
                let map = self.ck.instance_subst(on);
                self.concrete(m, &map)
            };
            let func = if e.path.is_empty() {
                let targs = self
                    .ck
                    .tcx
                    .as_named(t)
                    .and_then(|n| self.ck.tcx.named_info(n))
                    .map(|i| i.targs.clone())
                    .unwrap_or_default();
                self.func_id(e.method, targs)
            } else {
                let span = self.ck.obj(e.method).span;
                self.promoted_func(recv, &e.name, mty, span)
            };
            let msig = self.ir_type(mty, &HashMap::new());
            methods.push(ir::Method {
                name: e.name.clone(),
                sig: msig,
                func,
                pointer_receiver,
            });
        }
        // Methods of embedded interfaces, called through the field.
        let mut names = Vec::new();
        self.embedded_iface_methods(t, 0, &mut names);
        for (name, pkg) in names {
            if methods.iter().any(|m| m.name == name) {
                continue;
            }
            if let crate::types::Lookup::IfaceMethod { sig, .. } = self.ck.lookup(t, &name, pkg) {
                let sig = self.ck.tcx.canon(sig);
                let span = self.cur_span;
                let func = self.promoted_func(t, &name, sig, span);
                let msig = self.ir_type(sig, &HashMap::new());
                methods.push(ir::Method {
                    name,
                    sig: msig,
                    func,
                    pointer_receiver: false,
                });
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(ir::Type::Named(n)) = self.prog.types.get_mut(id.0 as usize) {
            n.methods = methods;
        }
    }

    /// Names (and packages, for unexported ones) of the methods of
    /// interfaces embedded in struct type `t`, at any depth.
    fn embedded_iface_methods(
        &self,
        t: TyId,
        depth: u32,
        out: &mut Vec<(String, Option<crate::types::PkgId>)>,
    ) {
        if depth > 8 {
            return;
        }
        let base = match self.ck.tcx.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        let Some(fields) = self.ck.tcx.struct_fields(base) else {
            return;
        };
        for f in fields {
            if !f.embedded {
                continue;
            }
            if let Some(i) = self
                .ck
                .tcx
                .iface(f.ty)
                .filter(|_| self.ck.tcx.is_interface(f.ty))
            {
                for m in &i.methods {
                    if !out.iter().any(|(n, _)| *n == m.name) {
                        out.push((m.name.clone(), m.pkg));
                    }
                }
            } else {
                self.embedded_iface_methods(f.ty, depth + 1, out);
            }
        }
    }

    /// The named type that declares a method reached through `e.path`.
    fn method_owner(&mut self, t: TyId, e: &MethodSetEntry) -> TyId {
        let mut cur = t;
        for &i in &e.path {
            let base = match self.ck.tcx.kind(cur) {
                TypeKind::Pointer(b) => *b,
                _ => cur,
            };
            let Some(fs) = self.ck.tcx.struct_fields(base) else {
                break;
            };
            let Some(f) = fs.get(i as usize) else { break };
            cur = f.ty;
        }
        match self.ck.tcx.kind(cur) {
            TypeKind::Pointer(b) => *b,
            _ => cur,
        }
    }

    /// The wrapper that calls a promoted method on the embedded field;
    /// `mty` is the method's (concrete) signature.
    fn promoted_func(&mut self, recv: TyId, name: &str, mty: TyId, span: Span) -> FuncId {
        let recv = self.ck.tcx.canon(recv);
        let key = FuncKey::Promoted(recv, name.to_string());
        if let Some(&id) = self.funcs.get(&key) {
            return id;
        }
        let base = match self.ck.tcx.kind(recv) {
            TypeKind::Pointer(b) => *b,
            _ => recv,
        };
        let mut sig = self.func_sig(mty, &HashMap::new());
        let rid = self.ir_type(recv, &HashMap::new());
        sig.params.insert(0, rid);
        let pkg = self
            .ck
            .tcx
            .as_named(base)
            .and_then(|n| self.ck.tcx.named_info(n))
            .and_then(|i| i.pkg);
        let fname = format!("{}.{}.{}", self.pkg_path(pkg), self.recv_name(recv), name);
        let id = self.reserve(fname, sig, span);
        self.funcs.insert(key, id);
        self.queue.push_back(Job::Promoted {
            id,
            recv,
            name: name.to_string(),
        });
        id
    }
}

/// The types whose values a function can put into interfaces or look up
/// dynamically: their method tables may be used (through itabs, type
/// switches, or the runtime's formatting, which calls `String` and `Error`
/// methods of the values it walks).
fn dynamic_types(f: &ir::Function, out: &mut Vec<TypeId>) {
    for b in &f.blocks {
        for ins in &b.instrs {
            match &ins.kind {
                ir::InstrKind::MakeInterface(v) => {
                    if let Some(&t) = f.values.get(v.0 as usize) {
                        out.push(t);
                    }
                }
                ir::InstrKind::TypeAssert { asserted, .. } => out.push(*asserted),
                ir::InstrKind::TypeDesc(t) => out.push(*t),
                _ => {}
            }
        }
    }
}
