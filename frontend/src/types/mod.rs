//! Type checking: Go's spec semantics with gc's error messages.
//!
//! [`check_packages`] checks the loaded packages in dependency order and
//! returns a [`Checked`] program: the type table ([`TypeCtx`]), the objects
//! every name denotes ([`ObjTable`]), and per-node facts ([`Info`]) that
//! lowering reads: the type and constant value of every expression, the
//! object of every identifier, field and method selections, type-switch
//! variables, generic instantiations, and each package's variable
//! initialisation order.
//!
//! The checker follows the structure of gc's own (`types2`): package-level
//! objects are collected first ([`resolver`]), then declared lazily in
//! dependency order ([`decl`]), then function bodies are checked
//! ([`stmt`]). Untyped constant expressions are evaluated exactly
//! ([`constant`]) and get their final type from their context.

pub mod bigint;
pub mod constant;
pub mod object;
pub mod ty;

mod assign;
mod builtins;
mod call;
mod conversion;
mod decl;
mod directives;
mod expr;
mod index;
mod infer;
mod initorder;
mod limits;
mod literal;
mod lookup;
mod mono;
mod operand;
mod resolver;
mod returns;
mod sizes;
mod stmt;
mod typestring;
mod typexpr;
mod universe;

#[cfg(test)]
pub(crate) mod tests;

use std::collections::{HashMap, HashSet};

use crate::diag::Diagnostic;
use crate::loader::Package;
use crate::source::{SourceMap, Span};
use crate::syntax::ast::{self, NodeId};

pub use crate::syntax::printer::expr_string;
pub use constant::Value;
pub use lookup::{Lookup, MethodSetEntry, Selection, SelectionKind};
pub use object::{
    Builtin, Initializer, ObjId, ObjKind, ObjTable, Object, PackageInfo, PkgId, ScopeId, VarKind,
};
pub use operand::Mode;
pub use sizes::Sizes;
pub use ty::{BasicKind, NamedId, TParamId, TyId, TypeCtx, TypeKind};

use operand::Operand;

/// What the checker knows about one expression.
///
/// Untyped constant expressions are recorded with the type their context
/// gave them (`x + 1` with `x float64`: `1` is a `float64` constant, its
/// value rounded); untyped values the context left untyped (the result of
/// a comparison used as a condition) keep an untyped type, whose default
/// type applies. `nil` has mode [`Mode::Nil`] and the type it was
/// converted to.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    /// Value, variable (addressable), map index, constant (with its
    /// value), type, builtin, nil, comma-ok...
    pub mode: Mode,
    /// For comma-ok forms used with two results (`v, ok := m[k]`,
    /// `x.(T)`, `<-ch`): a tuple `(T, bool)`. For calls with several
    /// results: a tuple of them.
    pub ty: TyId,
}

impl TypeAndValue {
    pub fn value(&self) -> Option<&Value> {
        match &self.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_type(&self) -> bool {
        matches!(self.mode, Mode::TypeExpr)
    }
}

/// A generic function or type used with these type arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    pub targs: Vec<TyId>,
    /// The instantiated type (the function's signature, or the type).
    pub ty: TyId,
}

/// Facts recorded per syntax node.
#[derive(Debug, Default)]
pub struct Info {
    /// Every checked expression (by [`ast::Expr::id`]).
    pub types: HashMap<NodeId, TypeAndValue>,
    /// Declared identifiers ([`ast::Ident::id`]) → their object. The
    /// left-hand identifiers of `:=` and of `for k, v := range` are
    /// expressions: their [`ast::Expr::id`] is the key (a redeclared
    /// variable of `:=` is in `uses` instead).
    pub defs: HashMap<NodeId, ObjId>,
    /// Identifier expressions ([`ast::Expr::id`]) → the object used. For a
    /// qualified identifier `pkg.Name`: both the `sel` ident
    /// ([`ast::Ident::id`]) and the selector expression map to the object.
    pub uses: HashMap<NodeId, ObjId>,
    /// Selector expressions that select a field or method (by the selector
    /// expression's id).
    pub selections: HashMap<NodeId, Selection>,
    /// Type-switch clauses ([`ast::CaseClause::id`]) → the clause's variable.
    pub implicits: HashMap<NodeId, ObjId>,
    /// Identifier or selector expressions denoting an instantiated generic
    /// function or type (for `f[int]`, the expression `f`; for a generic
    /// method of Go 1.27, the selector `x.M`). The type arguments may
    /// mention the enclosing generic function's type parameters.
    pub instances: HashMap<NodeId, Instance>,
    /// Keys of keyed struct literals ([`ast::Expr::id`] of the key) → the
    /// path of field indices they set: one index for a field of the struct
    /// itself, more for a promoted field (Go 1.27), embedded fields first.
    pub field_keys: HashMap<NodeId, Vec<u32>>,
}

/// The result of checking a program.
#[derive(Debug)]
pub struct Checked {
    pub tcx: TypeCtx,
    pub objs: ObjTable,
    /// One per loaded package, in the same order, plus `unsafe` at the end.
    pub pkgs: Vec<PackageInfo>,
    pub info: Info,
    /// Loader package index → checked package.
    pub pkg_of_index: Vec<PkgId>,
}

impl Checked {
    pub fn obj(&self, id: ObjId) -> &Object {
        self.objs.get(id)
    }

    pub fn type_of(&self, e: &ast::Expr) -> Option<&TypeAndValue> {
        self.info.types.get(&e.id)
    }

    /// A type's Go spelling, fully qualified by package name (for `%T`-like
    /// names and messages outside any package).
    pub fn type_string(&self, t: TyId) -> String {
        typestring::TypeWriter::new(&self.tcx, &self.pkgs, None).write(t)
    }

    pub fn sizes(&self) -> Sizes<'_> {
        Sizes::new(&self.tcx)
    }

    /// The methods of `t` (a defined type, a pointer to one, or a struct
    /// with embedded fields), declared and promoted, with the path to each
    /// one's receiver.
    pub fn method_set(&self, t: TyId) -> Vec<MethodSetEntry> {
        lookup::method_set(&self.tcx, &self.objs, t)
    }

    /// Substitutes type parameters (instantiating generic types).
    pub fn subst(&mut self, t: TyId, map: &HashMap<TParamId, TyId>) -> TyId {
        let mut pending = Vec::new();
        typexpr::subst_types(&mut self.tcx, t, map, &mut pending)
    }

    /// The substitution for a generic named type's instance (its origin's
    /// type parameters to its type arguments); empty otherwise.
    pub fn instance_subst(&self, t: TyId) -> HashMap<TParamId, TyId> {
        lookup::instance_map(&self.tcx, t)
    }

    /// Looks up field or method `name` of `t` as the checker does.
    pub fn lookup(&self, t: TyId, name: &str, pkg: Option<PkgId>) -> lookup::Lookup {
        lookup::lookup_in(&self.tcx, &self.objs, t, name, pkg)
    }
}

/// Checks `packages` (dependencies first) and returns what lowering needs,
/// or every error found (gc's messages and positions). Checking stops after
/// the first package with errors, as the go command does.
pub fn check_packages(
    sources: &SourceMap,
    packages: &[Package],
) -> Result<Checked, Vec<Diagnostic>> {
    let mut ck = Checker::new(sources);
    let mut pkg_of_index = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        let id = ck.check_package(i, p);
        pkg_of_index.push(id);
        // Errors the parser found that do not stop gc before type checking
        // are reported together with the checker's.
        // They come first: the order of first errors ranks the files
        // when the errors are printed (see `diag::render`).
        if !ck.diags.is_empty() || !p.errors.is_empty() {
            let mut d = p.errors.clone();
            d.append(&mut ck.diags);
            return Err(d);
        }
    }
    Ok(Checked {
        tcx: ck.tcx,
        objs: ck.objs,
        pkgs: ck.pkgs,
        info: ck.info,
        pkg_of_index,
    })
}

/// An instance of a generic type whose constraints are verified later: the
/// type, its type arguments, the argument expressions and the instantiating
/// expression.
type PendingInstance<'a> = (NamedId, Vec<TyId>, &'a [ast::Expr], &'a ast::Expr);

/// Colour of a package-level object during declaration (cycle detection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Color {
    Grey,
    Black,
}

/// A package-level declaration waiting to be checked.
#[derive(Clone, Debug)]
enum DeclInfo<'a> {
    Const {
        file_scope: ScopeId,
        ty: Option<&'a ast::Expr>,
        init: Option<&'a ast::Expr>,
        iota: u32,
        /// The spec whose values are repeated (implicit repetition).
        inherited: bool,
    },
    Var {
        file_scope: ScopeId,
        /// All variables of a `var a, b = f()` spec (n:1); empty for 1:1.
        lhs: Vec<ObjId>,
        ty: Option<&'a ast::Expr>,
        init: Option<&'a ast::Expr>,
    },
    Type {
        file_scope: ScopeId,
        spec: &'a ast::TypeSpec,
    },
    Func {
        file_scope: ScopeId,
        decl: &'a ast::FuncDecl,
    },
}

impl DeclInfo<'_> {
    fn file_scope(&self) -> ScopeId {
        match self {
            DeclInfo::Const { file_scope, .. }
            | DeclInfo::Var { file_scope, .. }
            | DeclInfo::Type { file_scope, .. }
            | DeclInfo::Func { file_scope, .. } => *file_scope,
        }
    }
}

/// Per-function checking state.
#[derive(Clone, Debug)]
struct FuncCtx {
    /// The function's signature (a `Func` type).
    sig: TyId,
    /// Result variables (named or not).
    results: Vec<ObjId>,
    named_results: bool,
    /// Identity of the function for [`Object::owner`].
    owner: NodeId,
}

/// The lexical context of the code being checked; saved and restored when
/// checking jumps to another declaration.
#[derive(Clone, Debug)]
struct Ctx {
    scope: ScopeId,
    /// The package-level object whose declaration or body is being checked
    /// (dependency edges for initialisation order).
    decl: Option<ObjId>,
    /// The value of `iota` in a constant declaration.
    iota: Option<u32>,
    func: Option<FuncCtx>,
}

pub(crate) struct Checker<'a> {
    sources: &'a SourceMap,
    tcx: TypeCtx,
    objs: ObjTable,
    pkgs: Vec<PackageInfo>,
    info: Info,
    diags: Vec<Diagnostic>,
    universe: ScopeId,
    unsafe_pkg: PkgId,
    pkg_by_path: HashMap<String, PkgId>,

    // The package being checked.
    pkg: PkgId,
    decls: HashMap<ObjId, DeclInfo<'a>>,
    colors: HashMap<ObjId, Color>,
    obj_path: Vec<ObjId>,
    /// Package-level dependencies: object → package-level objects its
    /// declaration (or body) refers to.
    deps: HashMap<ObjId, Vec<ObjId>>,
    /// Methods declared for each type name of the package.
    methods: HashMap<ObjId, Vec<ObjId>>,
    /// Function declarations by object.
    func_decls: HashMap<ObjId, (&'a ast::FuncDecl, ScopeId)>,
    /// File scopes of the package's files with `import "C"`: there `C.name`
    /// names the declaration generated for it (see [`Checker::cgo_name`]).
    cgo_files: HashSet<ScopeId>,
    /// The generated declarations' file scope (body-less functions bound to
    /// C wrappers are allowed there).
    cgo_generated: Option<ScopeId>,
    /// Set while the callee of `a, b := C.f(...)` is resolved: that form
    /// names the variant that also returns `errno`.
    cgo_two_results: bool,
    /// Local variables declared in the function being checked (for the
    /// `declared and not used` check at its end).
    locals: Vec<ObjId>,
    /// Generic type instances whose underlying type must be computed once
    /// the origin's declaration is complete.
    pending_instances: Vec<NamedId>,
    /// Defined types declared as an instance whose underlying type was
    /// not known yet (`type B[Q any] A[Q]` while A is being declared).
    pending_underlying: Vec<(NamedId, TyId)>,
    /// Scopes holding each function declaration's parameters.
    func_scopes: HashMap<ObjId, ScopeId>,
    /// Checked signatures of function declarations.
    func_sigs: HashMap<ObjId, typexpr::SigInfo>,
    /// Body-less functions outside the overlay (`missing function body`,
    /// reported only if checking succeeds, as gc does).
    body_less: Vec<Span>,
    /// Explicit type arguments of partially instantiated generic functions
    /// (by the function expression), completed by inference at the call.
    partial_targs: HashMap<NodeId, Vec<TyId>>,
    /// Instantiations of the package's generic types and functions.
    mono: mono::MonoGraph,
    /// Nesting of type unification (bounded; see `unify`).
    unify_depth: u32,
    /// Type parameters of generic function arguments being inferred
    /// jointly with a callee's: bound on the argument side too.
    unify_rhs: Vec<TParamId>,
    /// While type parameter constraints are being declared: instances to
    /// verify once all constraints are known (a constraint may mention a
    /// later type parameter).
    deferred_verify: Option<Vec<PendingInstance<'a>>>,
    /// Instances in generic types' constraints, verified after the
    /// package-level declarations (or the local type declaration).
    later_verify: Vec<PendingInstance<'a>>,
    /// Untyped constant left operands of non-constant shifts.
    shift_lhs: std::collections::HashSet<NodeId>,
    /// Whether the expression being checked contains a call or receive
    /// (`len` of an array is then not constant).
    has_call_or_recv: bool,
    /// Map key types to check for comparability once their declaration is
    /// complete.
    delayed_map_keys: Vec<(TyId, Span)>,
    /// Channel types made by `make` in the package, with the package-level
    /// declaration holding the call (checked by `check_size_limits`).
    made_chans: Vec<(TyId, ObjId)>,
    /// Local alias declarations in progress (`type A = []A` refers to
    /// itself).
    local_aliases: Vec<ObjId>,
    /// Where errors are reported instead of their own position (inside
    /// repeated constant expressions: at the constant declared).
    err_pos: Option<Span>,
    /// Obj-path lengths where checking an interface's method signature
    /// began (embedding an incomplete interface from there is not a cycle).
    method_sig_marks: Vec<usize>,
    /// The interface being computed embeds one that is still incomplete.
    iface_incomplete: bool,
    /// Interface type declarations to complete after the type declarations.
    pending_ifaces: Vec<(ObjId, &'a ast::TypeSpec, ScopeId)>,
    /// Objects made visible by dot-imports that were used.
    dot_used: std::collections::HashSet<ObjId>,
    /// Counter for numbering local named types.
    local_types: u32,
    ctx: Ctx,
    /// Whether the first error has been reported (follow-up errors about
    /// invalid operands are then suppressed, as gc does).
    first_err: bool,
}

impl<'a> Checker<'a> {
    fn new(sources: &'a SourceMap) -> Checker<'a> {
        let mut objs = ObjTable::default();
        let universe = objs.new_scope(None, object::ScopeKind::Universe);
        let mut ck = Checker {
            sources,
            tcx: TypeCtx::new(),
            objs,
            pkgs: Vec::new(),
            info: Info::default(),
            diags: Vec::new(),
            universe,
            unsafe_pkg: PkgId(0),
            pkg_by_path: HashMap::new(),
            pkg: PkgId(0),
            decls: HashMap::new(),
            colors: HashMap::new(),
            obj_path: Vec::new(),
            deps: HashMap::new(),
            methods: HashMap::new(),
            func_decls: HashMap::new(),
            cgo_files: HashSet::new(),
            cgo_generated: None,
            cgo_two_results: false,
            locals: Vec::new(),
            pending_instances: Vec::new(),
            pending_underlying: Vec::new(),
            local_types: 0,
            dot_used: std::collections::HashSet::new(),
            err_pos: None,
            method_sig_marks: Vec::new(),
            iface_incomplete: false,
            pending_ifaces: Vec::new(),
            func_scopes: HashMap::new(),
            func_sigs: HashMap::new(),
            body_less: Vec::new(),
            partial_targs: HashMap::new(),
            unify_depth: 0,
            mono: mono::MonoGraph::default(),
            unify_rhs: Vec::new(),
            deferred_verify: None,
            later_verify: Vec::new(),
            shift_lhs: std::collections::HashSet::new(),
            has_call_or_recv: false,
            delayed_map_keys: Vec::new(),
            made_chans: Vec::new(),
            local_aliases: Vec::new(),
            ctx: Ctx {
                scope: universe,
                decl: None,
                iota: None,
                func: None,
            },
            first_err: false,
        };
        ck.setup_universe();
        ck
    }

    // -----------------------------------------------------------------
    // Diagnostics
    // -----------------------------------------------------------------

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        let msg = msg.into();
        let span = self.err_pos.unwrap_or(span);
        if self.first_err && (msg.contains("invalid operand") || msg.contains("invalid type")) {
            return;
        }
        self.first_err = true;
        self.diags.push(Diagnostic::error(span, msg));
    }

    fn error_with(&mut self, d: Diagnostic) {
        self.first_err = true;
        self.diags.push(d);
    }

    /// `file:line:col` as gc prints positions inside messages.
    fn pos_string(&self, span: Span) -> String {
        let p = self.sources.position(span);
        format!("{}:{}:{}", display_file(p.file), p.line, p.col)
    }

    // -----------------------------------------------------------------
    // Printing types and operands for messages
    // -----------------------------------------------------------------

    /// A type as gc prints it in messages from the current package.
    fn ts(&self, t: TyId) -> String {
        typestring::TypeWriter::new(&self.tcx, &self.pkgs, Some(self.pkg)).write(t)
    }

    // -----------------------------------------------------------------
    // Recording
    // -----------------------------------------------------------------

    fn record(&mut self, e: &ast::Expr, x: &Operand<'_>) {
        if matches!(x.mode, Mode::Invalid) {
            return;
        }
        self.info.types.insert(
            e.id,
            TypeAndValue {
                mode: x.mode.clone(),
                ty: x.ty,
            },
        );
    }

    fn record_def(&mut self, id: &ast::Ident, obj: ObjId) {
        self.info.defs.insert(id.id, obj);
    }

    fn record_use(&mut self, node: NodeId, obj: ObjId) {
        self.info.uses.insert(node, obj);
    }

    // -----------------------------------------------------------------
    // Scopes
    // -----------------------------------------------------------------

    fn open_scope(&mut self, kind: object::ScopeKind) {
        let s = self.objs.new_scope(Some(self.ctx.scope), kind);
        self.ctx.scope = s;
    }

    fn close_scope(&mut self) {
        if let Some(p) = self.objs.scope(self.ctx.scope).parent {
            self.ctx.scope = p;
        }
    }

    fn lookup(&self, name: &str) -> Option<ObjId> {
        self.objs.lookup(self.ctx.scope, name).map(|(_, o)| o)
    }

    /// Declares `obj` in `scope`, reporting a redeclaration.
    fn declare(&mut self, scope: ScopeId, ident: Option<&ast::Ident>, obj: ObjId) {
        let name = self.objs.get(obj).name.clone();
        if name == "_" {
            if let Some(id) = ident {
                self.record_def(id, obj);
            }
            return;
        }
        if let Some(old) = self.objs.insert(scope, obj) {
            // The object is not in scope: no `declared and not used` for it.
            self.objs.get_mut(obj).used = true;
            let span = self.objs.get(obj).span;
            let old_span = self.objs.get(old).span;
            let other = self.pos_string(old_span);
            self.error_with(
                Diagnostic::error(
                    span,
                    format!(
                        "{name} redeclared in this block\n\t{other}: other declaration of {name}"
                    ),
                )
                .with_label(old_span, format!("other declaration of {name}")),
            );
            return;
        }
        if let Some(id) = ident {
            self.record_def(id, obj);
        }
    }

    fn new_obj(&mut self, name: &str, kind: ObjKind, ty: TyId, span: Span) -> ObjId {
        let owner = self.ctx.func.as_ref().map(|f| f.owner);
        self.objs.new_obj(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: Some(self.pkg),
            span,
            used: false,
            recv: None,
            tparams: Vec::new(),
            method_tparams: Vec::new(),
            embedded: false,
            owner,
        })
    }

    /// A new local variable, tracked for the `declared and not used` check.
    fn new_local(&mut self, ident: &ast::Ident, ty: TyId) -> ObjId {
        let o = self.new_obj(&ident.name, ObjKind::Var(VarKind::Local), ty, ident.span);
        if ident.name != "_" {
            self.locals.push(o);
        }
        o
    }

    /// Records a dependency of the current package-level declaration.
    fn add_dep(&mut self, obj: ObjId) {
        let Some(d) = self.ctx.decl else { return };
        let o = self.objs.get(obj);
        if o.pkg != Some(self.pkg) {
            return;
        }
        let is_pkg_level = match o.kind {
            ObjKind::Var(VarKind::Global) | ObjKind::Const(_) => true,
            ObjKind::Func => o.recv.is_none() || self.decls.contains_key(&obj),
            _ => false,
        };
        if !is_pkg_level || !self.decls.contains_key(&obj) {
            return;
        }
        let v = self.deps.entry(d).or_default();
        if !v.contains(&obj) {
            v.push(obj);
        }
    }
}

/// gc prints file names relative to the current directory with `./`.
fn display_file(name: &str) -> String {
    name.to_string()
}
