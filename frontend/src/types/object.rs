//! Objects (what names denote), scopes and packages.
//!
//! Every declared entity — constant, variable, type name, function, package
//! name, label, builtin — is an [`Object`] in one table, named by an
//! [`ObjId`]. Scopes map names to objects; the universe scope is the root,
//! then each package's scope, each file's scope (imports), and nested
//! function and block scopes.

use std::collections::HashMap;

use super::constant::Value;
use super::ty::TyId;
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(pub u32);

/// The built-in functions (universe and package `unsafe`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
            Add => "Add",
            Alignof => "Alignof",
            Offsetof => "Offsetof",
            Sizeof => "Sizeof",
            Slice => "Slice",
            SliceData => "SliceData",
            String => "String",
            StringData => "StringData",
        }
    }

    /// Whether the builtin belongs to package `unsafe`.
    pub fn is_unsafe(self) -> bool {
        use Builtin::*;
        matches!(
            self,
            Add | Alignof | Offsetof | Sizeof | Slice | SliceData | String | StringData
        )
    }
}

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VarKind {
    /// Package-level.
    Global,
    /// Function-local (including parameters, results, receivers).
    Local,
    Param,
    Result,
    Recv,
    /// A struct field.
    Field,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Const(Value),
    Var(VarKind),
    /// A type name; `alias` for `type A = B`.
    TypeName {
        alias: bool,
    },
    Func,
    PkgName(PkgId),
    Builtin(Builtin),
    Nil,
    Label,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub ty: TyId,
    /// `None` for universe objects.
    pub pkg: Option<PkgId>,
    /// The declaring identifier.
    pub span: Span,
    /// Variables and imports: used. Labels: referenced.
    pub used: bool,
    /// Methods: the receiver type (`T` or `*T`, `T` possibly generic).
    pub recv: Option<TyId>,
    /// Generic functions: their type parameters (`TypeParam` types). For
    /// methods of generic types: the receiver's type parameters.
    pub tparams: Vec<TyId>,
    /// Generic methods (Go 1.27): the method's own type parameters.
    pub method_tparams: Vec<TyId>,
    /// Fields: embedded.
    pub embedded: bool,
    /// For locals: the function they are declared in (the name of a
    /// function declaration or a function literal expression), so lowering
    /// can tell captured variables from its own.
    pub owner: Option<crate::syntax::ast::NodeId>,
}

impl Object {
    pub fn is_exported(&self) -> bool {
        is_exported(&self.name)
    }

    pub fn is_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var(_))
    }

    pub fn is_global_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var(VarKind::Global))
    }

    pub fn is_type_name(&self) -> bool {
        matches!(self.kind, ObjKind::TypeName { .. })
    }

    pub fn is_func(&self) -> bool {
        matches!(self.kind, ObjKind::Func)
    }
}

pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Universe,
    Package,
    File,
    Func,
    Block,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub kind: ScopeKind,
    pub names: HashMap<String, ObjId>,
    /// Declaration order (for deterministic iteration).
    pub order: Vec<ObjId>,
}

/// A checked package.
#[derive(Clone, Debug)]
pub struct PackageInfo {
    pub path: String,
    pub name: String,
    pub scope: ScopeId,
    /// Index into the loader's package list; `None` for `unsafe`.
    pub index: Option<usize>,
    /// Package-level variable initialisation, in execution order.
    pub init_order: Vec<Initializer>,
    /// `func init()`s in source order.
    pub init_funcs: Vec<ObjId>,
}

/// One package-level initialisation: `lhs = rhs` where `rhs` is the
/// expression with node id `rhs` (a single expression; several variables
/// when it is a multi-value call).
#[derive(Clone, Debug)]
pub struct Initializer {
    /// The variables (`None` for `_`).
    pub lhs: Vec<Option<ObjId>>,
    pub rhs: crate::syntax::ast::NodeId,
}

/// The table of objects and scopes.
#[derive(Debug, Default)]
pub struct ObjTable {
    pub objs: Vec<Object>,
    pub scopes: Vec<Scope>,
}

impl ObjTable {
    pub fn new_obj(&mut self, o: Object) -> ObjId {
        self.objs.push(o);
        ObjId(self.objs.len() as u32 - 1)
    }

    pub fn get(&self, id: ObjId) -> &Object {
        // Ids are only created by `new_obj`, so they are always in range.
        &self.objs[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objs[id.0 as usize]
    }

    pub fn new_scope(&mut self, parent: Option<ScopeId>, kind: ScopeKind) -> ScopeId {
        self.scopes.push(Scope {
            parent,
            kind,
            names: HashMap::new(),
            order: Vec::new(),
        });
        ScopeId(self.scopes.len() as u32 - 1)
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    /// Inserts unless the name exists; returns the existing object if so.
    pub fn insert(&mut self, scope: ScopeId, obj: ObjId) -> Option<ObjId> {
        let name = self.get(obj).name.clone();
        let s = &mut self.scopes[scope.0 as usize];
        if let Some(&old) = s.names.get(&name) {
            return Some(old);
        }
        s.names.insert(name, obj);
        s.order.push(obj);
        None
    }

    pub fn lookup_local(&self, scope: ScopeId, name: &str) -> Option<ObjId> {
        self.scope(scope).names.get(name).copied()
    }

    /// Looks a name up through the scope chain.
    pub fn lookup(&self, mut scope: ScopeId, name: &str) -> Option<(ScopeId, ObjId)> {
        loop {
            let s = self.scope(scope);
            if let Some(&o) = s.names.get(name) {
                return Some((scope, o));
            }
            scope = s.parent?;
        }
    }
}
