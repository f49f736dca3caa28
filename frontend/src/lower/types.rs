//! Checker types → IR types.
//!
//! Lowering works with the checker's types ([`TyId`]) and turns them into
//! IR types at the leaves. Generic code is lowered per instance: the
//! instance's substitution (type parameters → type arguments) is applied
//! first ([`Lowerer::concrete`]), so only concrete types reach
//! [`Lowerer::ir_type`].
//!
//! IR types are deduplicated so that [`TypeId`] equality is Go type
//! identity: unnamed types by structure (aliases such as `byte` resolved by
//! the checker's canonical ids), defined types by identity (one per
//! declaration, and per type-argument list for instances). A defined
//! type's method table is built after the type itself (its methods'
//! signatures may mention it), and only for types whose values can reach
//! an interface (see `drain` in the parent module): the type waits in
//! `pending_method_tables` until [`Lowerer::build_method_table`] fills it in.

use std::collections::HashMap;

use super::Lowerer;
use crate::ir::{self, TypeId};
use crate::syntax::ast::ChanDir;
use crate::types::ty::Sig;
use crate::types::{BasicKind, TParamId, TyId, TypeCtx, TypeKind};

impl Lowerer<'_> {
    /// `t` with the type parameters of `subst` replaced, canonical (so that
    /// identical types have equal ids).
    pub(super) fn concrete(&mut self, t: TyId, subst: &HashMap<TParamId, TyId>) -> TyId {
        let t = if subst.is_empty() {
            t
        } else {
            self.ck.subst(t, subst)
        };
        self.ck.tcx.canon(t)
    }

    /// The IR type of checker type `t` under `subst`.
    pub(super) fn ir_type(&mut self, t: TyId, subst: &HashMap<TParamId, TyId>) -> TypeId {
        let t = self.concrete(t, subst);
        self.ir_type_of(t)
    }

    /// The IR type of a basic kind (untyped kinds: their default type).
    pub(super) fn ir_basic(&mut self, k: BasicKind) -> TypeId {
        self.ir_type_of(TypeCtx::basic(k))
    }

    /// The IR signature of a (concrete) checker signature.
    pub(super) fn ir_sig(&mut self, s: &Sig) -> ir::Signature {
        let params = s.params.iter().map(|&p| self.ir_of(p)).collect();
        let results = s.results.iter().map(|&r| self.ir_of(r)).collect();
        ir::Signature {
            params,
            results,
            variadic: s.variadic,
        }
    }

    /// Interns an unnamed IR type.
    pub(super) fn intern_ir(&mut self, t: ir::Type) -> TypeId {
        if let Some(&id) = self.type_dedup.get(&t) {
            return id;
        }
        let id = TypeId(self.prog.types.len() as u32);
        self.prog.types.push(t.clone());
        self.type_dedup.insert(t, id);
        id
    }

    fn ir_of(&mut self, t: TyId) -> TypeId {
        let t = self.ck.tcx.canon(t);
        self.ir_type_of(t)
    }

    /// The IR type of a concrete, canonical checker type.
    fn ir_type_of(&mut self, t: TyId) -> TypeId {
        if let Some(&id) = self.type_map.get(&t) {
            return id;
        }
        let kind = self.ck.tcx.kind(t).clone();
        let ir_t = match kind {
            TypeKind::Named(n) => return self.ir_named(t, n),
            TypeKind::Basic(b) => match basic(b) {
                Some(x) => x,
                None => {
                    self.ice_here(&format!("no IR type for {}", b.name()));
                    ir::Type::Bool
                }
            },
            TypeKind::Pointer(e) => ir::Type::Pointer(self.ir_of(e)),
            TypeKind::Slice(e) => ir::Type::Slice(self.ir_of(e)),
            TypeKind::Array(n, e) => ir::Type::Array(n, self.ir_of(e)),
            TypeKind::Map(k, v) => {
                let k = self.ir_of(k);
                let v = self.ir_of(v);
                ir::Type::Map(k, v)
            }
            TypeKind::Chan(d, e) => {
                let d = match d {
                    ChanDir::Both => ir::ChanDir::Both,
                    ChanDir::Send => ir::ChanDir::Send,
                    ChanDir::Recv => ir::ChanDir::Recv,
                };
                ir::Type::Chan(d, self.ir_of(e))
            }
            TypeKind::Struct(fs) => {
                let mut fields = Vec::with_capacity(fs.len());
                for f in fs {
                    let ty = self.ir_of(f.ty);
                    let pkg = self.pkg_path(f.pkg);
                    fields.push(ir::Field {
                        name: f.name,
                        ty,
                        embedded: f.embedded,
                        tag: f.tag,
                        pkg,
                    });
                }
                ir::Type::Struct(fields)
            }
            TypeKind::Func(s) => ir::Type::Func(self.ir_sig(&s)),
            TypeKind::Interface(i) => {
                // The checker keeps methods sorted by name and selections
                // index into that order: keep it.
                let mut methods = Vec::with_capacity(i.methods.len());
                for m in i.methods {
                    let sig = self.ir_of(m.sig);
                    methods.push(ir::InterfaceMethod { name: m.name, sig });
                }
                ir::Type::Interface(methods)
            }
            TypeKind::Tuple(ts) => ir::Type::Tuple(ts.iter().map(|&x| self.ir_of(x)).collect()),
            TypeKind::TypeParam(p) => {
                let name = self
                    .ck
                    .tcx
                    .tparam_info(p)
                    .map(|i| i.name.clone())
                    .unwrap_or_default();
                self.ice_here(&format!("type parameter {name} not instantiated"));
                ir::Type::Bool
            }
        };
        let id = self.intern_ir(ir_t);
        self.type_map.insert(t, id);
        id
    }

    /// A defined type: its own id, the underlying type, and a method
    /// table to build later.
    fn ir_named(&mut self, t: TyId, n: crate::types::NamedId) -> TypeId {
        let Some(info) = self.ck.tcx.named_info(n).cloned() else {
            self.ice_here("unknown defined type");
            return self.ir_basic(BasicKind::Bool);
        };
        let (pkg_path, pkg_name) = match info.pkg.and_then(|p| self.ck.pkgs.get(p.0 as usize)) {
            Some(p) => (p.path.clone(), p.name.clone()),
            None => (String::new(), String::new()),
        };
        let id = TypeId(self.prog.types.len() as u32);
        // A placeholder until the underlying type is known (it may refer
        // back to this type).
        self.prog.types.push(ir::Type::Named(ir::Named {
            name: String::new(),
            pkg: pkg_path,
            underlying: id,
            methods: Vec::new(),
        }));
        self.type_map.insert(t, id);
        let mut name = if pkg_name.is_empty() {
            info.name.clone()
        } else {
            format!("{pkg_name}.{}", info.name)
        };
        if !info.targs.is_empty() {
            let args: Vec<String> = info
                .targs
                .iter()
                .map(|&a| {
                    let a = self.ir_of(a);
                    self.prog.type_name(a)
                })
                .collect();
            name.push_str(&format!("[{}]", args.join(",")));
        }
        let under = self.ck.tcx.canon(info.underlying);
        if self.ck.tcx.is_invalid(under) {
            self.ice_here(&format!("defined type {name} has no underlying type"));
        }
        let u = self.ir_type_of(under);
        let u = self.prog.underlying(u);
        if let Some(ir::Type::Named(nm)) = self.prog.types.get_mut(id.0 as usize) {
            nm.name = name;
            nm.underlying = u;
        }
        self.pending_method_tables.insert(id, t);
        id
    }
}

/// The IR type of a basic kind; untyped kinds by their default type.
fn basic(b: BasicKind) -> Option<ir::Type> {
    use crate::ir::IntKind as I;
    use BasicKind::*;
    Some(match b.canon() {
        Bool | UntypedBool => ir::Type::Bool,
        Int | UntypedInt => ir::Type::Int(I::Int),
        Int8 => ir::Type::Int(I::Int8),
        Int16 => ir::Type::Int(I::Int16),
        Int32 | UntypedRune => ir::Type::Int(I::Int32),
        Int64 => ir::Type::Int(I::Int64),
        Uint => ir::Type::Int(I::Uint),
        Uint8 => ir::Type::Int(I::Uint8),
        Uint16 => ir::Type::Int(I::Uint16),
        Uint32 => ir::Type::Int(I::Uint32),
        Uint64 => ir::Type::Int(I::Uint64),
        Uintptr => ir::Type::Int(I::Uintptr),
        Float32 => ir::Type::Float32,
        Float64 | UntypedFloat => ir::Type::Float64,
        Complex64 => ir::Type::Complex64,
        Complex128 | UntypedComplex => ir::Type::Complex128,
        String | UntypedString => ir::Type::String,
        UnsafePointer | UntypedNil => ir::Type::UnsafePointer,
        Invalid | Byte | Rune => return None,
    })
}
