//! Expressions: constants (folded), variables and their addresses,
//! selectors, indexing and slicing with explicit bounds and nil checks,
//! operators (short-circuit `&&`/`||` through a stack slot), implicit
//! conversions to interfaces, type assertions, function literals.

use super::escape;
use super::func::{FnLowerer, Storage};
use crate::ir::{BinOp, BoundsKind, Const, InstrKind, TypeId, UnOp, ValueId};
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::types::{BasicKind, Mode, ObjKind, SelectionKind, TyId, TypeKind, Value};

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// The value of an expression (for comma-ok forms recorded as tuples:
    /// the tuple).
    pub fn expr(&mut self, e: &'a Expr) -> ValueId {
        self.set_span(e.pos());
        let tv = self.lw.ck.info.types.get(&e.id).cloned();
        if let Some(tv) = &tv {
            if let Mode::Const(v) = &tv.mode {
                let t = self.tyof(e);
                return self.const_value(v, t);
            }
            if tv.mode == Mode::Nil {
                let t = self.tyof(e);
                let it = self.ty(t);
                return self.zero(it);
            }
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(_) => self.ident(e),
            ExprKind::Selector { x, sel, .. } => self.selector(e, x, sel),
            ExprKind::Index { x, indices, .. } => self.index(e, x, indices),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
                ..
            } => self.slice(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.b.stmt(InstrKind::NilCheck(p));
                let t = self.tyof(e);
                let it = self.ty(t);
                self.b.load(p, it)
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::Call { .. } => match self.call(e) {
                Some(v) => v,
                None => {
                    self.ice(e.pos(), "call without a value used as a value");
                    self.int(0)
                }
            },
            ExprKind::CompositeLit { .. } => self.composite(e),
            ExprKind::FuncLit { .. } => self.func_lit(e),
            ExprKind::TypeAssert { x, .. } => self.type_assert(e, x),
            _ => {
                self.ice(e.pos(), "unexpected expression");
                self.int(0)
            }
        }
    }

    /// The value of `e` converted to type `to` (implicit conversions of
    /// assignment: to interfaces, between identical underlying types).
    pub fn expr_to(&mut self, e: &'a Expr, to: TyId) -> ValueId {
        let v = self.expr(e);
        let from = self.tyof(e);
        self.convert_value(v, from, to)
    }

    /// An implicit conversion of `v` from type `from` to type `to`.
    pub fn convert_value(&mut self, v: ValueId, from: TyId, to: TyId) -> ValueId {
        let from = self.cty(from);
        let to = self.cty(to);
        if self.lw.ck.tcx.identical(from, to) {
            return v;
        }
        let it = self.ty(to);
        if self.lw.ck.tcx.basic_kind(from) == Some(BasicKind::UntypedNil) {
            // `error(nil)`: the nil of the target type.
            return self.zero(it);
        }
        if self.lw.ck.tcx.is_interface(to) {
            if self.lw.ck.tcx.is_interface(from) {
                return self.b.val(InstrKind::ChangeInterface(v), it);
            }
            return self.b.val(InstrKind::MakeInterface(v), it);
        }
        let ft = self.ty(from);
        if ft == it {
            return v;
        }
        self.b.val(InstrKind::Convert(v), it)
    }

    /// A constant of type `t`.
    pub fn const_value(&mut self, v: &Value, t: TyId) -> ValueId {
        let t = self.cty(t);
        let it = self.ty(t);
        let k = self.lw.ck.tcx.basic_kind(t).map(|k| k.canon());
        let c = match (k, v) {
            (Some(k), _) if k.is_integer() => match v.to_int() {
                Some(i) => Const::Int(i.to_i128_wrapping()),
                None => Const::Zero,
            },
            (Some(BasicKind::Float32), _) => Const::Float(
                v.to_rat()
                    .and_then(|r| r.to_f32())
                    .map(|f| f as f64)
                    .unwrap_or(0.0),
            ),
            (Some(k), _) if k.is_float() => {
                Const::Float(v.to_rat().map(|r| r.approx_f64()).unwrap_or(0.0))
            }
            (Some(BasicKind::Complex64), _) => {
                let (re, im) = v.to_complex().unwrap_or_default_pair();
                let f =
                    |r: &crate::types::constant::Rat| r.to_f32().map(|x| x as f64).unwrap_or(0.0);
                Const::Complex(f(&re), f(&im))
            }
            (Some(k), _) if k.is_complex() => {
                let (re, im) = v.to_complex().unwrap_or_default_pair();
                Const::Complex(re.approx_f64(), im.approx_f64())
            }
            (_, Value::String(s)) => Const::String(s.clone()),
            (_, Value::Bool(b)) => Const::Bool(*b),
            _ => Const::Zero,
        };
        self.b.konst(c, it)
    }

    fn ident(&mut self, e: &'a Expr) -> ValueId {
        let Some(&obj) = self.lw.ck.info.uses.get(&e.id) else {
            self.ice(e.pos(), "identifier without an object");
            return self.int(0);
        };
        self.object_value(e, obj)
    }

    /// The value of a (possibly qualified) identifier denoting `obj`.
    fn object_value(&mut self, e: &'a Expr, obj: crate::types::ObjId) -> ValueId {
        let o = self.lw.ck.obj(obj).clone();
        match o.kind {
            ObjKind::Var(_) => {
                let a = self.var_addr(obj);
                let it = self.ty(o.ty);
                self.b.load(a, it)
            }
            ObjKind::Func => {
                let targs = self.instance_targs(e);
                let f = self.lw.func_id(obj, targs);
                let t = self.tyof(e);
                let it = self.ty(t);
                self.b.val(InstrKind::FuncValue(f), it)
            }
            ObjKind::Nil => {
                let t = self.tyof(e);
                let it = self.ty(t);
                self.zero(it)
            }
            _ => {
                self.ice(e.pos(), &format!("{} is not a value", o.name));
                self.int(0)
            }
        }
    }

    /// Type arguments of a generic function used at `e` (made concrete).
    pub fn instance_targs(&mut self, e: &Expr) -> Vec<TyId> {
        let inst = self.lw.ck.info.instances.get(&e.unparen().id).cloned();
        match inst {
            Some(i) => i.targs.iter().map(|t| self.cty(*t)).collect(),
            None => Vec::new(),
        }
    }

    /// Whether the checker recorded `e` as addressable.
    pub fn is_addressable(&self, e: &Expr) -> bool {
        self.lw
            .ck
            .info
            .types
            .get(&e.id)
            .is_some_and(|tv| tv.mode == Mode::Variable)
    }

    // -----------------------------------------------------------------
    // Addresses
    // -----------------------------------------------------------------

    /// The address of an addressable expression (or of a composite
    /// literal, which is allocated).
    pub fn addr(&mut self, e: &'a Expr) -> ValueId {
        self.set_span(e.pos());
        match &e.kind {
            ExprKind::Paren(x) => self.addr(x),
            ExprKind::Ident(_) => {
                let Some(&obj) = self
                    .lw
                    .ck
                    .info
                    .uses
                    .get(&e.id)
                    .or_else(|| self.lw.ck.info.defs.get(&e.id))
                else {
                    self.ice(e.pos(), "identifier without an object");
                    return self.int(0);
                };
                self.var_addr(obj)
            }
            ExprKind::Selector { x, sel, .. } => {
                if let Some(&obj) = self.lw.ck.info.uses.get(&sel.id) {
                    // Qualified identifier.
                    return self.var_addr(obj);
                }
                let Some(s) = self.lw.ck.info.selections.get(&e.id).cloned() else {
                    self.ice(e.pos(), "selector without selection");
                    return self.int(0);
                };
                let recv = self.cty(s.recv);
                let (base_ptr, base_ty, from_pointer) =
                    match self.lw.ck.tcx.under_kind(recv).clone() {
                        TypeKind::Pointer(b) => {
                            let p = self.expr(x);
                            (p, b, true)
                        }
                        _ => {
                            if self.is_addressable(x) {
                                (self.addr(x), recv, false)
                            } else {
                                let v = self.expr(x);
                                (self.spill(v, recv), recv, false)
                            }
                        }
                    };
                self.field_path_addr(base_ptr, base_ty, &s.path, from_pointer)
            }
            ExprKind::Index { x, indices, .. } => {
                let Some(idx) = indices.first() else {
                    self.ice(e.pos(), "index without index");
                    return self.int(0);
                };
                let xt = self.tyof(x);
                match self.under_kind(xt) {
                    TypeKind::Array(n, elem) => {
                        let base = if self.is_addressable(x) {
                            self.addr(x)
                        } else {
                            let v = self.expr(x);
                            self.spill(v, xt)
                        };
                        let i = self.index_value(idx, Some(n));
                        let pt = self.ptr_to(elem);
                        self.b.val(InstrKind::IndexAddr { base, index: i }, pt)
                    }
                    TypeKind::Pointer(p) => {
                        let base = self.expr(x);
                        self.b.stmt(InstrKind::NilCheck(base));
                        let (n, elem) = match self.under_kind(p) {
                            TypeKind::Array(n, elem) => (n, elem),
                            _ => {
                                self.ice(e.pos(), "index of pointer to non-array");
                                return self.int(0);
                            }
                        };
                        let i = self.index_value(idx, Some(n));
                        let pt = self.ptr_to(elem);
                        self.b.val(InstrKind::IndexAddr { base, index: i }, pt)
                    }
                    TypeKind::Slice(elem) => {
                        let s = self.expr(x);
                        let it = self.int_ty();
                        let len = self.b.val(InstrKind::Len(s), it);
                        let i = self.index_checked(idx, len);
                        let pt = self.ptr_to(elem);
                        let data = self.b.val(InstrKind::DataPtr(s), pt);
                        self.b.val(
                            InstrKind::IndexAddr {
                                base: data,
                                index: i,
                            },
                            pt,
                        )
                    }
                    _ => {
                        self.ice(
                            e.pos(),
                            "address of an index expression that is not addressable",
                        );
                        self.int(0)
                    }
                }
            }
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.b.stmt(InstrKind::NilCheck(p));
                p
            }
            ExprKind::CompositeLit { .. } => self.composite_addr(e),
            _ => {
                self.ice(e.pos(), "address of a non-addressable expression");
                self.int(0)
            }
        }
    }

    /// `&base.f1.f2...`: follows a field path from a pointer to a struct,
    /// loading through embedded pointers. `from_pointer`: the base is a
    /// pointer value (checked for nil), not the address of a variable.
    pub fn field_path_addr(
        &mut self,
        base_ptr: ValueId,
        base_ty: TyId,
        path: &[u32],
        from_pointer: bool,
    ) -> ValueId {
        let mut p = base_ptr;
        let mut t = self.cty(base_ty);
        if from_pointer {
            self.b.stmt(InstrKind::NilCheck(p));
        }
        for (k, &i) in path.iter().enumerate() {
            let Some(fty) = self
                .lw
                .ck
                .tcx
                .struct_fields(t)
                .and_then(|fs| fs.get(i as usize))
                .map(|f| f.ty)
            else {
                self.ice(self.b.span, "field path through a non-struct");
                return p;
            };
            let pt = self.ptr_to(fty);
            p = self.b.val(InstrKind::FieldAddr { base: p, index: i }, pt);
            t = self.cty(fty);
            if k + 1 < path.len() {
                if let TypeKind::Pointer(inner) = self.lw.ck.tcx.kind(t).clone() {
                    let it = self.ty(t);
                    p = self.b.load(p, it);
                    self.b.stmt(InstrKind::NilCheck(p));
                    t = inner;
                }
            }
        }
        p
    }

    /// An index converted to `int` after its bounds check against the
    /// constant length `n` (skipped when the index is constant).
    pub fn index_value(&mut self, idx: &'a Expr, n: Option<u64>) -> ValueId {
        let is_const = self
            .lw
            .ck
            .info
            .types
            .get(&idx.id)
            .is_some_and(|tv| matches!(tv.mode, Mode::Const(_)));
        let i = self.expr(idx);
        if let (false, Some(n)) = (is_const, n) {
            let it = self.int_ty();
            let len = self.const_int(n as i64, it);
            self.b.bounds(BoundsKind::Index, i, len);
        }
        self.int_index(i, idx)
    }

    /// An index checked against a dynamic length, converted to `int`.
    pub fn index_checked(&mut self, idx: &'a Expr, len: ValueId) -> ValueId {
        let i = self.expr(idx);
        self.b.bounds(BoundsKind::Index, i, len);
        self.int_index(i, idx)
    }

    /// Converts an integer value to `int` (for address arithmetic).
    pub fn int_index(&mut self, v: ValueId, e: &Expr) -> ValueId {
        let t = self.tyof(e);
        let int = self.int_ty();
        if self.ty(t) == int {
            return v;
        }
        self.b.val(InstrKind::Convert(v), int)
    }

    // -----------------------------------------------------------------
    // Selectors
    // -----------------------------------------------------------------

    fn selector(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        sel: &'a crate::syntax::ast::Ident,
    ) -> ValueId {
        if let Some(&obj) = self.lw.ck.info.uses.get(&sel.id) {
            // Qualified identifier `pkg.Name`.
            return self.object_value(e, obj);
        }
        let Some(s) = self.lw.ck.info.selections.get(&e.id).cloned() else {
            self.ice(e.pos(), "selector without selection");
            return self.int(0);
        };
        match s.kind {
            SelectionKind::FieldVal => {
                let recv = self.cty(s.recv);
                let through_ptr = matches!(self.lw.ck.tcx.under_kind(recv), TypeKind::Pointer(_));
                if through_ptr || self.is_addressable(x) || s.indirect {
                    let a = self.addr(e);
                    let t = self.tyof(e);
                    let it = self.ty(t);
                    return self.b.load(a, it);
                }
                // A field of a struct value.
                let mut v = self.expr(x);
                let mut t = recv;
                for &i in &s.path {
                    let Some(fty) = self
                        .lw
                        .ck
                        .tcx
                        .struct_fields(t)
                        .and_then(|fs| fs.get(i as usize))
                        .map(|f| f.ty)
                    else {
                        self.ice(e.pos(), "field of a non-struct");
                        return v;
                    };
                    let it = self.ty(fty);
                    v = self.b.val(InstrKind::Field { base: v, index: i }, it);
                    t = self.cty(fty);
                }
                v
            }
            SelectionKind::MethodVal => self.method_value(e, x, &s),
            SelectionKind::MethodExpr => self.method_expr_value(e, &s),
        }
    }

    // -----------------------------------------------------------------
    // Indexing and slicing
    // -----------------------------------------------------------------

    fn index(&mut self, e: &'a Expr, x: &'a Expr, indices: &'a [Expr]) -> ValueId {
        // An instantiated generic function `f[int]`.
        if self.lw.ck.info.instances.contains_key(&x.unparen().id) {
            if let Some(Mode::Value) = self.lw.ck.info.types.get(&x.id).map(|t| t.mode.clone()) {
                let obj = match &x.unparen().kind {
                    ExprKind::Ident(_) => self.lw.ck.info.uses.get(&x.unparen().id).copied(),
                    ExprKind::Selector { sel, .. } => self.lw.ck.info.uses.get(&sel.id).copied(),
                    _ => None,
                };
                if let Some(obj) = obj {
                    let targs = self.instance_targs(x);
                    let f = self.lw.func_id(obj, targs);
                    let t = self.tyof(e);
                    let it = self.ty(t);
                    return self.b.val(InstrKind::FuncValue(f), it);
                }
            }
        }
        let Some(idx) = indices.first() else {
            self.ice(e.pos(), "index without index");
            return self.int(0);
        };
        let xt = self.tyof(x);
        match self.under_kind(xt) {
            TypeKind::Map(k, _) => {
                let m = self.expr(x);
                let key = self.expr_to(idx, k);
                let t = self.tyof(e);
                let comma_ok = self.lw.ck.tcx.tuple_elems(t).is_some();
                let it = self.ty(t);
                self.set_span(e.pos());
                self.b.val(
                    InstrKind::MapIndex {
                        map: m,
                        key,
                        comma_ok,
                    },
                    it,
                )
            }
            TypeKind::Basic(_) => {
                // A string: bytes are read through its data pointer.
                let s = self.expr(x);
                let it = self.int_ty();
                let len = self.b.val(InstrKind::Len(s), it);
                let i = self.index_checked(idx, len);
                let byte = self.basic(BasicKind::Uint8);
                let bt = self
                    .lw
                    .ck
                    .tcx
                    .pointer(crate::types::TypeCtx::basic(BasicKind::Uint8));
                let bp = self.ty(bt);
                let data = self.b.val(InstrKind::DataPtr(s), bp);
                let p = self.b.val(
                    InstrKind::IndexAddr {
                        base: data,
                        index: i,
                    },
                    bp,
                );
                self.b.load(p, byte)
            }
            TypeKind::Array(n, elem) if !self.is_addressable(x) => {
                let v = self.expr(x);
                let i = self.index_value(idx, Some(n));
                let it = self.ty(elem);
                self.b.val(InstrKind::Element { base: v, index: i }, it)
            }
            _ => {
                let a = self.addr(e);
                let t = self.tyof(e);
                let it = self.ty(t);
                self.b.load(a, it)
            }
        }
    }

    fn slice(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> ValueId {
        let xt = self.tyof(x);
        let rt = self.tyof(e);
        let rit = self.ty(rt);
        let int = self.int_ty();
        let kind = self.under_kind(xt);
        // The data pointer, length and capacity of what is sliced.
        let (data, len, cap, elem, is_string, is_array) = match kind {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let bt = self
                    .lw
                    .ck
                    .tcx
                    .pointer(crate::types::TypeCtx::basic(BasicKind::Uint8));
                let bp = self.ty(bt);
                let data = self.b.val(InstrKind::DataPtr(s), bp);
                let len = self.b.val(InstrKind::Len(s), int);
                (
                    data,
                    len,
                    len,
                    crate::types::TypeCtx::basic(BasicKind::Uint8),
                    true,
                    false,
                )
            }
            TypeKind::Slice(elem) => {
                let s = self.expr(x);
                let pt = self.ptr_to(elem);
                let data = self.b.val(InstrKind::DataPtr(s), pt);
                let len = self.b.val(InstrKind::Len(s), int);
                let cap = self.b.val(InstrKind::Cap(s), int);
                (data, len, cap, elem, false, false)
            }
            TypeKind::Array(n, elem) => {
                let base = self.addr(x);
                let pt = self.ptr_to(elem);
                let zero = self.int(0);
                let data = self.b.val(InstrKind::IndexAddr { base, index: zero }, pt);
                let len = self.const_int(n as i64, int);
                (data, len, len, elem, false, true)
            }
            TypeKind::Pointer(p) => {
                let base = self.expr(x);
                self.b.stmt(InstrKind::NilCheck(base));
                let (n, elem) = match self.under_kind(p) {
                    TypeKind::Array(n, elem) => (n, elem),
                    _ => {
                        self.ice(e.pos(), "slice of pointer to non-array");
                        return self.int(0);
                    }
                };
                let pt = self.ptr_to(elem);
                let zero = self.int(0);
                let data = self.b.val(InstrKind::IndexAddr { base, index: zero }, pt);
                let len = self.const_int(n as i64, int);
                (data, len, len, elem, false, true)
            }
            _ => {
                self.ice(e.pos(), "slice of unsliceable value");
                return self.int(0);
            }
        };
        let lo_v = match lo {
            Some(l) => {
                let v = self.expr(l);
                Some(self.int_index(v, l))
            }
            None => None,
        };
        let hi_raw = hi.map(|h| (self.expr(h), h));
        let max_raw = max.map(|m| (self.expr(m), m));
        self.set_span(e.pos());
        let zero = self.int(0);
        let lo_v = lo_v.unwrap_or(zero);
        let (hi_v, max_v) = if three {
            let (m, me) = match max_raw {
                Some(m) => m,
                None => (cap, x),
            };
            let kind3 = if is_array {
                BoundsKind::Slice3Alen
            } else {
                BoundsKind::Slice3Acap
            };
            self.b.bounds(kind3, m, cap);
            let m = self.int_index(m, me);
            let (h, he) = match hi_raw {
                Some(h) => h,
                None => (m, x),
            };
            self.b.bounds(BoundsKind::Slice3B, h, m);
            let h = self.int_index(h, he);
            self.b.bounds(BoundsKind::Slice3C, lo_v, h);
            (h, m)
        } else {
            let h = match hi_raw {
                Some((h, he)) => {
                    let kind = if is_string || is_array {
                        BoundsKind::SliceAlen
                    } else {
                        BoundsKind::SliceAcap
                    };
                    let bound = if is_string || is_array { len } else { cap };
                    self.b.bounds(kind, h, bound);
                    self.int_index(h, he)
                }
                None => len,
            };
            self.b.bounds(BoundsKind::SliceB, lo_v, h);
            (h, cap)
        };
        let pt = self.ptr_to(elem);
        let new_data = self.b.val(
            InstrKind::IndexAddr {
                base: data,
                index: lo_v,
            },
            pt,
        );
        let new_len = self.b.binary(BinOp::Sub, hi_v, lo_v, int);
        if is_string {
            return self.b.val(
                InstrKind::MakeStringHeader {
                    data: new_data,
                    len: new_len,
                },
                rit,
            );
        }
        let new_cap = self.b.binary(BinOp::Sub, max_v, lo_v, int);
        self.b.val(
            InstrKind::MakeSliceHeader {
                data: new_data,
                len: new_len,
                cap: new_cap,
            },
            rit,
        )
    }

    // -----------------------------------------------------------------
    // Operators
    // -----------------------------------------------------------------

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, x: &'a Expr) -> ValueId {
        let t = self.tyof(e);
        let it = self.ty(t);
        match op {
            UnaryOp::Pos => self.expr(x),
            UnaryOp::Neg => {
                let v = self.expr(x);
                self.b.val(InstrKind::Unary(UnOp::Neg, v), it)
            }
            UnaryOp::Not => {
                let v = self.expr(x);
                self.b.val(InstrKind::Unary(UnOp::Not, v), it)
            }
            UnaryOp::Xor => {
                let v = self.expr(x);
                self.b.val(InstrKind::Unary(UnOp::Complement, v), it)
            }
            UnaryOp::Addr => self.addr(x),
            UnaryOp::Recv => self.chan_recv(e, x),
            UnaryOp::Tilde => {
                self.ice(e.pos(), "unexpected ~");
                self.zero(it)
            }
        }
    }

    fn binary(&mut self, e: &'a Expr, op: BinaryOp, x: &'a Expr, y: &'a Expr) -> ValueId {
        match op {
            BinaryOp::LAnd | BinaryOp::LOr => return self.logical(e, op, x, y),
            _ => {}
        }
        let t = self.tyof(e);
        let it = self.ty(t);
        if op.is_comparison() {
            let xt = self.tyof(x);
            let yt = self.tyof(y);
            let (xi, yi) = (self.is_iface(xt), self.is_iface(yt));
            let mut a = self.expr(x);
            let mut b = self.expr(y);
            // Mixed interface / concrete comparisons compare as interfaces.
            if xi && !yi {
                b = self.convert_value(b, yt, xt);
            } else if yi && !xi {
                a = self.convert_value(a, xt, yt);
            } else if !self.lw.ck.tcx.identical(xt, yt) {
                // Assignable types (named/unnamed): compare as x's type.
                b = self.convert_value(b, yt, xt);
            }
            self.set_span(e.pos());
            let bop = match op {
                BinaryOp::Eq => BinOp::Eq,
                BinaryOp::Ne => BinOp::Ne,
                BinaryOp::Lt => BinOp::Lt,
                BinaryOp::Le => BinOp::Le,
                BinaryOp::Gt => BinOp::Gt,
                _ => BinOp::Ge,
            };
            return self.b.binary(bop, a, b, it);
        }
        let a = self.expr(x);
        let b = self.expr(y);
        self.set_span(e.pos());
        let is_string = self.lw.ck.tcx.is_string(t);
        let bop = match op {
            BinaryOp::Add if is_string => BinOp::Concat,
            BinaryOp::Add => BinOp::Add,
            BinaryOp::Sub => BinOp::Sub,
            BinaryOp::Mul => BinOp::Mul,
            BinaryOp::Div => BinOp::Div,
            BinaryOp::Rem => BinOp::Rem,
            BinaryOp::And => BinOp::And,
            BinaryOp::Or => BinOp::Or,
            BinaryOp::Xor => BinOp::Xor,
            BinaryOp::AndNot => BinOp::AndNot,
            BinaryOp::Shl => BinOp::Shl,
            _ => BinOp::Shr,
        };
        self.b.binary(bop, a, b, it)
    }

    /// `x && y`, `x || y`: `y` is evaluated only when needed.
    fn logical(&mut self, e: &'a Expr, op: BinaryOp, x: &'a Expr, y: &'a Expr) -> ValueId {
        let t = self.tyof(e);
        let it = self.ty(t);
        let pt = self.ptr_to(t);
        let slot = self.temp("cond", it);
        let a = self.expr(x);
        let addr = self.b.local_addr(slot, pt);
        self.b.store(addr, a);
        let rhs = self.b.new_block();
        let done = self.b.new_block();
        if op == BinaryOp::LAnd {
            self.b.branch(a, rhs, done);
        } else {
            self.b.branch(a, done, rhs);
        }
        self.b.set_block(rhs);
        let bv = self.expr(y);
        let addr = self.b.local_addr(slot, pt);
        self.b.store(addr, bv);
        self.b.jump(done);
        self.b.set_block(done);
        let addr = self.b.local_addr(slot, pt);
        self.b.load(addr, it)
    }

    fn type_assert(&mut self, e: &'a Expr, x: &'a Expr) -> ValueId {
        let v = self.expr(x);
        let t = self.tyof(e);
        let it = self.ty(t);
        let (asserted, comma_ok) = match self.lw.ck.tcx.tuple_elems(t) {
            Some(ts) => (ts.first().copied().unwrap_or(t), true),
            None => (t, false),
        };
        let at = self.ty(asserted);
        self.set_span(e.pos());
        self.b.val(
            InstrKind::TypeAssert {
                value: v,
                asserted: at,
                comma_ok,
            },
            it,
        )
    }

    /// A function literal: a closure capturing its free variables by
    /// reference.
    fn func_lit(&mut self, e: &'a Expr) -> ValueId {
        let ExprKind::FuncLit { ty, body } = &e.kind else {
            return self.int(0);
        };
        let captures = escape::free_vars(&self.lw.ck, e);
        let fty = self.tyof(e);
        let sig = {
            let subst = self.subst.clone();
            self.lw.func_sig(fty, &subst)
        };
        let name = self.lw.closure_name(&self.name);
        let span = e.span.start();
        let id = self.lw.reserve(name.clone(), sig, span);
        // Addresses of the captured variables, in the enclosing function.
        let mut cap_vals = Vec::new();
        for &c in &captures {
            cap_vals.push(self.var_addr(c));
        }
        let subst = self.subst.clone();
        let cap_types: Vec<TypeId> = captures
            .iter()
            .map(|&c| {
                let t = self.lw.ck.obj(c).ty;
                self.ptr_to(t)
            })
            .collect();
        {
            let mut f = FnLowerer::new(&mut *self.lw, name, span, subst);
            f.escapes = escape::escaping_vars(&f.lw.ck, body);
            f.stack_slices = escape::stack_backed_slices(&f.lw.ck, body, &f.escapes);
            for (i, &c) in captures.iter().enumerate() {
                let ct = cap_types[i];
                let a = f.b.val(InstrKind::Capture(i as u32), ct);
                f.vars.insert(c, Storage::Addr(a));
            }
            f.bind_signature_params(ty, fty);
            f.lower_body(body);
            f.finish(id);
        }
        self.set_span(e.pos());
        let it = self.ty(fty);
        self.b.val(
            InstrKind::MakeClosure {
                func: id,
                captures: cap_vals,
            },
            it,
        )
    }
}

/// `(re, im)` or zeros.
trait PairOrZero {
    fn unwrap_or_default_pair(self) -> (crate::types::constant::Rat, crate::types::constant::Rat);
}

impl PairOrZero for Option<(crate::types::constant::Rat, crate::types::constant::Rat)> {
    fn unwrap_or_default_pair(self) -> (crate::types::constant::Rat, crate::types::constant::Rat) {
        self.unwrap_or_else(|| {
            (
                crate::types::constant::Rat::zero(),
                crate::types::constant::Rat::zero(),
            )
        })
    }
}
