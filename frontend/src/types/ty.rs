//! The checker's representation of Go types.
//!
//! Types are interned in a [`TypeCtx`]: a [`TyId`] names one structurally
//! unique type. Two spellings of the same type may still have different ids
//! when they differ only in an alias (`[]byte` and `[]uint8`, `any` and
//! `interface{}`), because gc's messages print the spelling used; each id
//! therefore also has a *canonical* id with aliases resolved, and Go type
//! identity is equality of canonical ids ([`TypeCtx::identical`]).
//!
//! Defined (named) types and type parameters have their own tables
//! ([`NamedInfo`], [`TypeParamInfo`]); a named type's underlying type is
//! filled in when its declaration is checked.

use std::collections::HashMap;

use super::object::{ObjId, PkgId};
pub use crate::syntax::ast::ChanDir;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TyId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NamedId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TParamId(pub u32);

/// Basic types, including the untyped kinds of constants and the `byte` and
/// `rune` aliases (distinct ids, same canonical type as `uint8`/`int32`).
/// The discriminant is the type's [`TyId`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
    Byte,
    Rune,
}

pub const BASIC_KINDS: [BasicKind; 28] = [
    BasicKind::Invalid,
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::Complex64,
    BasicKind::Complex128,
    BasicKind::String,
    BasicKind::UnsafePointer,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedComplex,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
    BasicKind::Byte,
    BasicKind::Rune,
];

impl BasicKind {
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            Byte => "byte",
            Rune => "rune",
        }
    }

    /// `byte` → `uint8`, `rune` → `int32`.
    pub fn canon(self) -> BasicKind {
        match self {
            BasicKind::Byte => BasicKind::Uint8,
            BasicKind::Rune => BasicKind::Int32,
            k => k,
        }
    }

    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self.canon(),
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(
            self.canon(),
            Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr
        )
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }

    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }

    /// Types a constant can have.
    pub fn is_const_type(self) -> bool {
        self.is_boolean() || self.is_numeric() || self.is_string()
    }

    /// Size in bits of an integer type (amd64).
    pub fn int_bits(self) -> u32 {
        use BasicKind::*;
        match self.canon() {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 => 32,
            _ => 64,
        }
    }
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TyId,
    pub embedded: bool,
    /// The tag's value (decoded), empty if none.
    pub tag: String,
    /// The declaring package, for unexported names only (part of identity).
    pub pkg: Option<PkgId>,
}

/// A function signature (without receiver). Parameter names are not part
/// of a type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sig {
    pub params: Vec<TyId>,
    pub results: Vec<TyId>,
    /// The last parameter is `...T`; its type is `[]T`.
    pub variadic: bool,
    /// Parameter and result names as declared, for printing only (not part
    /// of identity; empty when unnamed).
    pub names: Vec<String>,
}

/// An interface method.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IMethod {
    pub name: String,
    /// The declaring package, for unexported names only.
    pub pkg: Option<PkgId>,
    /// A [`TypeKind::Func`].
    pub sig: TyId,
}

/// A type-set term `T` or `~T`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TyId,
}

/// An interface: its complete method set (embedded interfaces flattened,
/// sorted by name) and, for constraints, its type set.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Iface {
    pub methods: Vec<IMethod>,
    /// `None`: all types (no type terms). `Some(terms)`: the union of the
    /// terms (empty: the empty type set).
    pub terms: Option<Vec<Term>>,
    /// Embeds `comparable`.
    pub comparable: bool,
    /// Spelled `any` (printing only; not part of identity).
    pub any: bool,
    /// A constraint written as a bare union or type (`~int | ~float64`),
    /// printed that way (not part of identity).
    pub implicit: bool,
}

impl Iface {
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty() && self.terms.is_none() && !self.comparable
    }

    /// A basic interface: usable as a variable's type.
    pub fn is_basic(&self) -> bool {
        self.terms.is_none() && !self.comparable
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(BasicKind),
    Pointer(TyId),
    Slice(TyId),
    Array(u64, TyId),
    Map(TyId, TyId),
    Chan(ChanDir, TyId),
    Struct(Vec<Field>),
    Func(Sig),
    Interface(Iface),
    /// The results of a multi-value call; never a variable's type.
    Tuple(Vec<TyId>),
    Named(NamedId),
    TypeParam(TParamId),
}

/// A defined type (or an instance of a generic one).
#[derive(Clone, Debug)]
pub struct NamedInfo {
    pub obj: ObjId,
    pub name: String,
    pub pkg: Option<PkgId>,
    /// `Invalid` until the declaration has been checked.
    pub underlying: TyId,
    /// Declared methods (for an instance: its origin's).
    pub methods: Vec<ObjId>,
    /// Type parameters of a generic type.
    pub tparams: Vec<TyId>,
    /// Type arguments of an instance.
    pub targs: Vec<TyId>,
    /// The generic type this is an instance of.
    pub origin: Option<NamedId>,
    /// Declared inside a function: gc numbers such types (`main.T·1`).
    pub local: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct TypeParamInfo {
    pub name: String,
    pub obj: ObjId,
    /// An interface type (possibly still `Invalid` while being declared).
    pub constraint: TyId,
    pub index: u32,
}

/// The type table.
#[derive(Debug)]
pub struct TypeCtx {
    kinds: Vec<TypeKind>,
    canon: Vec<TyId>,
    interner: HashMap<TypeKind, TyId>,
    pub named: Vec<NamedInfo>,
    pub tparams: Vec<TypeParamInfo>,
    /// Instances of generic types: (origin, canonical type arguments).
    pub instances: HashMap<(NamedId, Vec<TyId>), NamedId>,
    /// The `error` type (set up by the universe).
    pub error_ty: TyId,
    /// `comparable`.
    pub comparable_ty: TyId,
    /// The empty interface, spelled `any`.
    pub any_ty: TyId,
    /// `interface{}`.
    pub empty_iface: TyId,
    /// Nesting of instance expansions in progress (a guard against
    /// generic types that instantiate themselves with ever larger type
    /// arguments).
    pub expand_depth: u32,
}

impl Default for TypeCtx {
    fn default() -> Self {
        TypeCtx::new()
    }
}

impl TypeCtx {
    pub fn new() -> TypeCtx {
        let mut t = TypeCtx {
            kinds: Vec::new(),
            canon: Vec::new(),
            interner: HashMap::new(),
            named: Vec::new(),
            tparams: Vec::new(),
            instances: HashMap::new(),
            error_ty: TyId(0),
            comparable_ty: TyId(0),
            any_ty: TyId(0),
            empty_iface: TyId(0),
            expand_depth: 0,
        };
        for k in BASIC_KINDS {
            t.intern(TypeKind::Basic(k));
        }
        t.empty_iface = t.intern(TypeKind::Interface(Iface {
            methods: Vec::new(),
            terms: None,
            comparable: false,
            any: false,
            implicit: false,
        }));
        t.any_ty = t.intern(TypeKind::Interface(Iface {
            methods: Vec::new(),
            terms: None,
            comparable: false,
            any: true,
            implicit: false,
        }));
        t
    }

    pub const INVALID: TyId = TyId(BasicKind::Invalid as u32);

    pub fn basic(k: BasicKind) -> TyId {
        TyId(k as u32)
    }

    pub fn kind(&self, t: TyId) -> &TypeKind {
        self.kinds
            .get(t.0 as usize)
            .unwrap_or(&TypeKind::Basic(BasicKind::Invalid))
    }

    pub fn canon(&self, t: TyId) -> TyId {
        self.canon.get(t.0 as usize).copied().unwrap_or(t)
    }

    /// Go type identity.
    pub fn identical(&self, a: TyId, b: TyId) -> bool {
        self.canon(a) == self.canon(b)
    }

    pub fn intern(&mut self, k: TypeKind) -> TyId {
        if let Some(&id) = self.interner.get(&k) {
            return id;
        }
        let ck = self.canon_kind(&k);
        let c = if ck != k { Some(self.intern(ck)) } else { None };
        let id = TyId(self.kinds.len() as u32);
        self.kinds.push(k.clone());
        self.canon.push(c.unwrap_or(id));
        self.interner.insert(k, id);
        id
    }

    fn canon_kind(&self, k: &TypeKind) -> TypeKind {
        let c = |t: &TyId| self.canon(*t);
        match k {
            TypeKind::Basic(b) => TypeKind::Basic(b.canon()),
            TypeKind::Pointer(t) => TypeKind::Pointer(c(t)),
            TypeKind::Slice(t) => TypeKind::Slice(c(t)),
            TypeKind::Array(n, t) => TypeKind::Array(*n, c(t)),
            TypeKind::Map(a, b) => TypeKind::Map(c(a), c(b)),
            TypeKind::Chan(d, t) => TypeKind::Chan(*d, c(t)),
            TypeKind::Struct(fs) => TypeKind::Struct(
                fs.iter()
                    .map(|f| Field {
                        ty: c(&f.ty),
                        ..f.clone()
                    })
                    .collect(),
            ),
            TypeKind::Func(s) => TypeKind::Func(Sig {
                params: s.params.iter().map(c).collect(),
                results: s.results.iter().map(c).collect(),
                variadic: s.variadic,
                names: Vec::new(),
            }),
            TypeKind::Interface(i) => TypeKind::Interface(Iface {
                methods: i
                    .methods
                    .iter()
                    .map(|m| IMethod {
                        sig: c(&m.sig),
                        ..m.clone()
                    })
                    .collect(),
                terms: i.terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|t| Term {
                            tilde: t.tilde,
                            ty: c(&t.ty),
                        })
                        .collect()
                }),
                comparable: i.comparable,
                any: false,
                implicit: false,
            }),
            TypeKind::Tuple(ts) => TypeKind::Tuple(ts.iter().map(c).collect()),
            TypeKind::Named(n) => TypeKind::Named(*n),
            TypeKind::TypeParam(p) => TypeKind::TypeParam(*p),
        }
    }

    // Constructors.

    pub fn pointer(&mut self, t: TyId) -> TyId {
        self.intern(TypeKind::Pointer(t))
    }

    pub fn slice(&mut self, t: TyId) -> TyId {
        self.intern(TypeKind::Slice(t))
    }

    pub fn tuple(&mut self, ts: Vec<TyId>) -> TyId {
        self.intern(TypeKind::Tuple(ts))
    }

    pub fn func(&mut self, params: Vec<TyId>, results: Vec<TyId>, variadic: bool) -> TyId {
        self.intern(TypeKind::Func(Sig {
            params,
            results,
            variadic,
            names: Vec::new(),
        }))
    }

    pub fn new_named(&mut self, obj: ObjId, name: &str, pkg: Option<PkgId>) -> TyId {
        let id = NamedId(self.named.len() as u32);
        self.named.push(NamedInfo {
            obj,
            name: name.to_string(),
            pkg,
            underlying: TypeCtx::INVALID,
            methods: Vec::new(),
            tparams: Vec::new(),
            targs: Vec::new(),
            origin: None,
            local: None,
        });
        self.intern(TypeKind::Named(id))
    }

    pub fn new_tparam(&mut self, obj: ObjId, name: &str, index: u32) -> TyId {
        let id = TParamId(self.tparams.len() as u32);
        self.tparams.push(TypeParamInfo {
            name: name.to_string(),
            obj,
            constraint: TypeCtx::INVALID,
            index,
        });
        self.intern(TypeKind::TypeParam(id))
    }

    pub fn named_info(&self, n: NamedId) -> Option<&NamedInfo> {
        self.named.get(n.0 as usize)
    }

    pub fn named_mut(&mut self, n: NamedId) -> Option<&mut NamedInfo> {
        self.named.get_mut(n.0 as usize)
    }

    pub fn tparam_info(&self, p: TParamId) -> Option<&TypeParamInfo> {
        self.tparams.get(p.0 as usize)
    }

    pub fn as_named(&self, t: TyId) -> Option<NamedId> {
        match self.kind(t) {
            TypeKind::Named(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_tparam(&self, t: TyId) -> Option<TParamId> {
        match self.kind(t) {
            TypeKind::TypeParam(p) => Some(*p),
            _ => None,
        }
    }

    /// The underlying type: named types resolved (type parameters stay).
    pub fn under(&self, t: TyId) -> TyId {
        let mut t = t;
        for _ in 0..100 {
            match self.kind(t) {
                TypeKind::Named(n) => match self.named_info(*n) {
                    Some(info) => t = info.underlying,
                    None => return TypeCtx::INVALID,
                },
                _ => return t,
            }
        }
        TypeCtx::INVALID
    }

    pub fn under_kind(&self, t: TyId) -> &TypeKind {
        self.kind(self.under(t))
    }

    pub fn basic_kind(&self, t: TyId) -> Option<BasicKind> {
        match self.under_kind(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_named(&self, t: TyId) -> bool {
        matches!(self.kind(t), TypeKind::Named(_))
    }

    /// Defined types, basic types and type parameters have names; others are
    /// type literals (assignability rules depend on this).
    pub fn has_name(&self, t: TyId) -> bool {
        matches!(
            self.kind(t),
            TypeKind::Named(_) | TypeKind::Basic(_) | TypeKind::TypeParam(_)
        )
    }

    pub fn is_tparam(&self, t: TyId) -> bool {
        matches!(self.kind(t), TypeKind::TypeParam(_))
    }

    pub fn is_invalid(&self, t: TyId) -> bool {
        self.canon(t) == TypeCtx::INVALID
    }

    pub fn is_untyped(&self, t: TyId) -> bool {
        matches!(self.kind(t), TypeKind::Basic(b) if b.is_untyped())
    }

    pub fn is_interface(&self, t: TyId) -> bool {
        matches!(self.under_kind(t), TypeKind::Interface(_)) && !self.is_tparam(t)
    }

    pub fn iface(&self, t: TyId) -> Option<&Iface> {
        match self.under_kind(t) {
            TypeKind::Interface(i) => Some(i),
            _ => None,
        }
    }

    pub fn sig(&self, t: TyId) -> Option<&Sig> {
        match self.under_kind(t) {
            TypeKind::Func(s) => Some(s),
            _ => None,
        }
    }

    pub fn struct_fields(&self, t: TyId) -> Option<&[Field]> {
        match self.under_kind(t) {
            TypeKind::Struct(f) => Some(f),
            _ => None,
        }
    }

    pub fn pointer_elem(&self, t: TyId) -> Option<TyId> {
        match self.under_kind(t) {
            TypeKind::Pointer(e) => Some(*e),
            _ => None,
        }
    }

    pub fn tuple_elems(&self, t: TyId) -> Option<&[TyId]> {
        match self.kind(t) {
            TypeKind::Tuple(ts) => Some(ts),
            _ => None,
        }
    }

    /// The type's type-set terms if it is a type parameter, for predicates
    /// that must hold for all types of the set. `None` for ordinary types
    /// and type parameters without terms.
    pub fn tparam_terms(&self, t: TyId) -> Option<Vec<TyId>> {
        let p = self.as_tparam(t)?;
        let info = self.tparam_info(p)?;
        let iface = self.iface(info.constraint)?;
        iface
            .terms
            .as_ref()
            .map(|ts| ts.iter().map(|t| t.ty).collect())
    }

    /// Whether `pred` holds for the basic kind of `t`, or for every term's
    /// type when `t` is a type parameter (false for an unrestricted one).
    pub fn all_basic(&self, t: TyId, pred: impl Fn(BasicKind) -> bool) -> bool {
        if self.is_tparam(t) {
            return match self.tparam_terms(t) {
                Some(ts) if !ts.is_empty() => {
                    ts.iter().all(|&x| self.basic_kind(x).is_some_and(&pred))
                }
                _ => false,
            };
        }
        self.basic_kind(t).is_some_and(pred)
    }

    pub fn is_integer(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_float)
    }
    pub fn is_complex(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_complex)
    }
    pub fn is_numeric(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_numeric)
    }
    pub fn is_string(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_string)
    }
    pub fn is_boolean(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_boolean)
    }
    pub fn is_ordered(&self, t: TyId) -> bool {
        self.all_basic(t, BasicKind::is_ordered)
    }
    pub fn is_const_type(&self, t: TyId) -> bool {
        !self.is_tparam(t) && self.basic_kind(t).is_some_and(BasicKind::is_const_type)
    }

    /// The default type of an untyped type (`untyped int` → `int`...).
    pub fn default_type(&self, t: TyId) -> TyId {
        match self.kind(t) {
            TypeKind::Basic(b) => TypeCtx::basic(match b {
                BasicKind::UntypedBool => BasicKind::Bool,
                BasicKind::UntypedInt => BasicKind::Int,
                BasicKind::UntypedRune => BasicKind::Rune,
                BasicKind::UntypedFloat => BasicKind::Float64,
                BasicKind::UntypedComplex => BasicKind::Complex128,
                BasicKind::UntypedString => BasicKind::String,
                k => *k,
            }),
            _ => t,
        }
    }

    /// Whether a type contains type parameters (is not fully instantiated).
    pub fn has_tparams(&self, t: TyId) -> bool {
        let mut seen = Vec::new();
        self.has_tparams_rec(t, &mut seen)
    }

    fn has_tparams_rec(&self, t: TyId, seen: &mut Vec<TyId>) -> bool {
        if seen.contains(&t) {
            return false;
        }
        seen.push(t);
        match self.kind(t) {
            TypeKind::Basic(_) => false,
            TypeKind::TypeParam(_) => true,
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                self.has_tparams_rec(*e, seen)
            }
            TypeKind::Chan(_, e) => self.has_tparams_rec(*e, seen),
            TypeKind::Map(k, v) => self.has_tparams_rec(*k, seen) || self.has_tparams_rec(*v, seen),
            TypeKind::Struct(fs) => {
                let tys: Vec<TyId> = fs.iter().map(|f| f.ty).collect();
                tys.iter().any(|&x| self.has_tparams_rec(x, seen))
            }
            TypeKind::Func(s) => {
                let tys: Vec<TyId> = s.params.iter().chain(s.results.iter()).copied().collect();
                tys.iter().any(|&x| self.has_tparams_rec(x, seen))
            }
            TypeKind::Interface(i) => {
                let mut tys: Vec<TyId> = i.methods.iter().map(|m| m.sig).collect();
                if let Some(ts) = &i.terms {
                    tys.extend(ts.iter().map(|t| t.ty));
                }
                tys.iter().any(|&x| self.has_tparams_rec(x, seen))
            }
            TypeKind::Tuple(ts) => {
                let tys = ts.clone();
                tys.iter().any(|&x| self.has_tparams_rec(x, seen))
            }
            TypeKind::Named(n) => match self.named_info(*n) {
                Some(info) => {
                    let targs = info.targs.clone();
                    targs.iter().any(|&x| self.has_tparams_rec(x, seen))
                }
                None => false,
            },
        }
    }

    /// Substitutes type parameters (by id) in `t`. Instances of generic
    /// named types are created on demand through `instantiate`.
    pub fn subst(
        &mut self,
        t: TyId,
        map: &HashMap<TParamId, TyId>,
        instantiate: &mut dyn FnMut(&mut TypeCtx, NamedId, Vec<TyId>) -> TyId,
    ) -> TyId {
        if map.is_empty() {
            return t;
        }
        let k = self.kind(t).clone();
        match k {
            TypeKind::Basic(_) => t,
            TypeKind::TypeParam(p) => map.get(&p).copied().unwrap_or(t),
            TypeKind::Pointer(e) => {
                let e2 = self.subst(e, map, instantiate);
                if e2 == e {
                    t
                } else {
                    self.pointer(e2)
                }
            }
            TypeKind::Slice(e) => {
                let e2 = self.subst(e, map, instantiate);
                if e2 == e {
                    t
                } else {
                    self.slice(e2)
                }
            }
            TypeKind::Array(n, e) => {
                let e2 = self.subst(e, map, instantiate);
                self.intern(TypeKind::Array(n, e2))
            }
            TypeKind::Chan(d, e) => {
                let e2 = self.subst(e, map, instantiate);
                self.intern(TypeKind::Chan(d, e2))
            }
            TypeKind::Map(a, b) => {
                let a2 = self.subst(a, map, instantiate);
                let b2 = self.subst(b, map, instantiate);
                self.intern(TypeKind::Map(a2, b2))
            }
            TypeKind::Struct(fs) => {
                let fs2 = fs
                    .into_iter()
                    .map(|f| Field {
                        ty: self.subst(f.ty, map, instantiate),
                        ..f
                    })
                    .collect();
                self.intern(TypeKind::Struct(fs2))
            }
            TypeKind::Func(s) => {
                let params = s
                    .params
                    .iter()
                    .map(|&p| self.subst(p, map, instantiate))
                    .collect();
                let results = s
                    .results
                    .iter()
                    .map(|&p| self.subst(p, map, instantiate))
                    .collect();
                self.intern(TypeKind::Func(Sig {
                    params,
                    results,
                    variadic: s.variadic,
                    names: s.names.clone(),
                }))
            }
            TypeKind::Interface(i) => {
                let methods = i
                    .methods
                    .iter()
                    .map(|m| IMethod {
                        sig: self.subst(m.sig, map, instantiate),
                        ..m.clone()
                    })
                    .collect();
                let terms = i.terms.as_ref().map(|ts| {
                    ts.iter()
                        .map(|tm| Term {
                            tilde: tm.tilde,
                            ty: self.subst(tm.ty, map, instantiate),
                        })
                        .collect()
                });
                self.intern(TypeKind::Interface(Iface {
                    methods,
                    terms,
                    comparable: i.comparable,
                    any: i.any,
                    implicit: i.implicit,
                }))
            }
            TypeKind::Tuple(ts) => {
                let ts2 = ts
                    .iter()
                    .map(|&p| self.subst(p, map, instantiate))
                    .collect();
                self.tuple(ts2)
            }
            TypeKind::Named(n) => {
                // A generic type used inside its own declaration (`G[P]`
                // with its own parameters) is the generic type itself;
                // substitute its parameters as an instance's arguments.
                let (targs, origin) = match self.named_info(n) {
                    Some(info) if info.targs.is_empty() && !info.tparams.is_empty() => {
                        (info.tparams.clone(), Some(n))
                    }
                    Some(info) => (info.targs.clone(), info.origin),
                    None => return t,
                };
                if targs.is_empty() {
                    return t;
                }
                let new_args: Vec<TyId> = targs
                    .iter()
                    .map(|&a| self.subst(a, map, instantiate))
                    .collect();
                if new_args == targs {
                    return t;
                }
                match origin {
                    Some(o) => instantiate(self, o, new_args),
                    None => t,
                }
            }
        }
    }
}
