//! The universe scope (predeclared types, constants, `nil`, builtins) and
//! package `unsafe`.

use super::constant::Value;
use super::object::{Builtin, ObjKind, Object, PackageInfo, PkgId, ScopeKind};
use super::ty::{BasicKind, IMethod, Iface, TypeCtx, TypeKind};
use super::Checker;
use crate::source::Span;

const UNIVERSE_TYPES: [BasicKind; 20] = [
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
    BasicKind::Byte,
    BasicKind::Rune,
    BasicKind::Invalid,
];

const UNIVERSE_BUILTINS: [Builtin; 18] = [
    Builtin::Append,
    Builtin::Cap,
    Builtin::Clear,
    Builtin::Close,
    Builtin::Complex,
    Builtin::Copy,
    Builtin::Delete,
    Builtin::Imag,
    Builtin::Len,
    Builtin::Make,
    Builtin::Max,
    Builtin::Min,
    Builtin::New,
    Builtin::Panic,
    Builtin::Print,
    Builtin::Println,
    Builtin::Real,
    Builtin::Recover,
];

const UNSAFE_BUILTINS: [Builtin; 8] = [
    Builtin::Add,
    Builtin::Alignof,
    Builtin::Offsetof,
    Builtin::Sizeof,
    Builtin::Slice,
    Builtin::SliceData,
    Builtin::String,
    Builtin::StringData,
];

impl Checker<'_> {
    fn universe_obj(&mut self, name: &str, kind: ObjKind, ty: super::TyId) -> super::ObjId {
        self.objs.new_obj(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: None,
            span: Span::default(),
            used: false,
            recv: None,
            tparams: Vec::new(),
            method_tparams: Vec::new(),
            embedded: false,
            owner: None,
        })
    }

    pub(super) fn setup_universe(&mut self) {
        let u = self.universe;
        for k in UNIVERSE_TYPES {
            if k == BasicKind::Invalid {
                continue;
            }
            let o = self.universe_obj(
                k.name(),
                ObjKind::TypeName {
                    alias: matches!(k, BasicKind::Byte | BasicKind::Rune),
                },
                TypeCtx::basic(k),
            );
            self.objs.insert(u, o);
        }
        // any = interface{}
        let any = self.tcx.any_ty;
        let o = self.universe_obj("any", ObjKind::TypeName { alias: true }, any);
        self.objs.insert(u, o);

        // type error interface { Error() string }
        let err_obj = self.universe_obj(
            "error",
            ObjKind::TypeName { alias: false },
            TypeCtx::INVALID,
        );
        let err_ty = self.tcx.new_named(err_obj, "error", None);
        let string = TypeCtx::basic(BasicKind::String);
        let sig = self.tcx.func(Vec::new(), vec![string], false);
        let err_iface = self.tcx.intern(TypeKind::Interface(Iface {
            methods: vec![IMethod {
                name: "Error".into(),
                pkg: None,
                sig,
            }],
            terms: None,
            comparable: false,
            any: false,
            implicit: false,
        }));
        if let Some(n) = self.tcx.as_named(err_ty) {
            if let Some(info) = self.tcx.named_mut(n) {
                info.underlying = err_iface;
            }
        }
        self.objs.get_mut(err_obj).ty = err_ty;
        self.objs.insert(u, err_obj);
        self.tcx.error_ty = err_ty;

        // type comparable interface{ comparable }
        let cmp_obj = self.universe_obj(
            "comparable",
            ObjKind::TypeName { alias: false },
            TypeCtx::INVALID,
        );
        let cmp_ty = self.tcx.new_named(cmp_obj, "comparable", None);
        let cmp_iface = self.tcx.intern(TypeKind::Interface(Iface {
            methods: Vec::new(),
            terms: None,
            comparable: true,
            any: false,
            implicit: false,
        }));
        if let Some(n) = self.tcx.as_named(cmp_ty) {
            if let Some(info) = self.tcx.named_mut(n) {
                info.underlying = cmp_iface;
            }
        }
        self.objs.get_mut(cmp_obj).ty = cmp_ty;
        self.objs.insert(u, cmp_obj);
        self.tcx.comparable_ty = cmp_ty;

        let ub = TypeCtx::basic(BasicKind::UntypedBool);
        for (name, v) in [("true", true), ("false", false)] {
            let o = self.universe_obj(name, ObjKind::Const(Value::Bool(v)), ub);
            self.objs.insert(u, o);
        }
        let o = self.universe_obj(
            "iota",
            ObjKind::Const(Value::int(0)),
            TypeCtx::basic(BasicKind::UntypedInt),
        );
        self.objs.insert(u, o);
        let o = self.universe_obj("nil", ObjKind::Nil, TypeCtx::basic(BasicKind::UntypedNil));
        self.objs.insert(u, o);
        for b in UNIVERSE_BUILTINS {
            let o = self.universe_obj(b.name(), ObjKind::Builtin(b), TypeCtx::INVALID);
            self.objs.insert(u, o);
        }

        // Package unsafe.
        let scope = self.objs.new_scope(Some(u), ScopeKind::Package);
        let pkg = PkgId(self.pkgs.len() as u32);
        self.pkgs.push(PackageInfo {
            path: "unsafe".into(),
            name: "unsafe".into(),
            scope,
            index: None,
            init_order: Vec::new(),
            init_funcs: Vec::new(),
        });
        self.unsafe_pkg = pkg;
        self.pkg_by_path.insert("unsafe".into(), pkg);
        let o = self.objs.new_obj(Object {
            name: "Pointer".into(),
            kind: ObjKind::TypeName { alias: false },
            ty: TypeCtx::basic(BasicKind::UnsafePointer),
            pkg: Some(pkg),
            span: Span::default(),
            used: false,
            recv: None,
            tparams: Vec::new(),
            method_tparams: Vec::new(),
            embedded: false,
            owner: None,
        });
        self.objs.insert(scope, o);
        for b in UNSAFE_BUILTINS {
            let o = self.objs.new_obj(Object {
                name: b.name().into(),
                kind: ObjKind::Builtin(b),
                ty: TypeCtx::INVALID,
                pkg: Some(pkg),
                span: Span::default(),
                used: false,
                recv: None,
                tparams: Vec::new(),
                method_tparams: Vec::new(),
                embedded: false,
                owner: None,
            });
            self.objs.insert(scope, o);
        }
    }
}
