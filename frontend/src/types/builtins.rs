//! Calls of the predeclared functions (`len`, `append`, `make`...) and of
//! package `unsafe`'s, with gc's messages. `len`/`cap` of arrays and
//! constant strings, and `unsafe.Sizeof` and friends, are constants.

use super::constant::{CmpOp, Rat, Value};
use super::object::Builtin;
use super::operand::{Mode, Operand};
use super::sizes::Sizes;
use super::ty::{BasicKind, ChanDir, TyId, TypeCtx, TypeKind};
use super::Checker;
use crate::syntax::ast::{Expr, ExprKind};

/// (minimum argument count, variadic)
fn arity(b: Builtin) -> (usize, bool) {
    use Builtin::*;
    match b {
        Append => (1, true),
        Cap | Clear | Close | Imag | Len | New | Panic | Real => (1, false),
        Complex | Copy | Delete => (2, false),
        Make => (1, true),
        Max | Min => (1, true),
        Print | Println => (0, true),
        Recover => (0, false),
        Add => (2, false),
        Alignof | Offsetof | Sizeof | SliceData | StringData => (1, false),
        Slice | String => (2, false),
    }
}

impl<'a> Checker<'a> {
    pub(super) fn builtin_call(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        dots: bool,
    ) -> Operand<'a> {
        let name = b.name();
        let call_s = Self::expr_text(e);
        if dots && b != Builtin::Append {
            self.error(
                e.span.start(),
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            for a in args {
                self.use_expr(a);
            }
            return Operand::invalid(Some(e));
        }
        let special = matches!(b, Builtin::Make | Builtin::New | Builtin::Offsetof);
        let mut ops: Vec<Operand<'a>> = Vec::new();
        let saved_call = self.has_call_or_recv;
        if matches!(b, Builtin::Len | Builtin::Cap) {
            self.has_call_or_recv = false;
        }
        if !special {
            if args.len() == 1 {
                ops = self.multi_expr(&args[0]);
            } else {
                for a in args {
                    ops.push(self.expr(a));
                }
            }
            if ops.iter().any(|x| x.is_invalid()) {
                self.has_call_or_recv |= saved_call;
                return Operand::invalid(Some(e));
            }
        }
        let nargs = if special { args.len() } else { ops.len() };
        let (min, variadic) = arity(b);
        let msg = if nargs < min {
            "not enough"
        } else if !variadic && nargs > min {
            "too many"
        } else {
            ""
        };
        if !msg.is_empty() {
            self.error(
                e.span.start(),
                format!("invalid operation: {msg} arguments for {call_s} (expected {min}, found {nargs})"),
            );
            self.has_call_or_recv |= saved_call;
            return Operand::invalid(Some(e));
        }
        let r = self.builtin_inner(e, b, args, ops, dots, &call_s);
        let inner_call = self.has_call_or_recv;
        if matches!(b, Builtin::Len | Builtin::Cap) {
            self.has_call_or_recv = saved_call || inner_call;
        }
        if !r.is_const() && !r.is_invalid() {
            self.has_call_or_recv = true;
        }
        r
    }

    fn builtin_inner(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        mut ops: Vec<Operand<'a>>,
        dots: bool,
        call_s: &str,
    ) -> Operand<'a> {
        let name = b.name();
        let int = TypeCtx::basic(BasicKind::Int);
        match b {
            Builtin::Append => {
                let x = ops[0].clone();
                let elem = match self.slice_elem(&x) {
                    Ok(t) => t,
                    Err(msg) => {
                        self.error(x.pos(), format!("invalid append: {msg}"));
                        return Operand::invalid(Some(e));
                    }
                };
                // append([]byte, string...)
                if ops.len() == 2 && dots {
                    let bytes = self.tcx.slice(TypeCtx::basic(BasicKind::Byte));
                    if self.assignable_to(&x, bytes).0
                        && self.bytes_or_string_with_string(ops[1].ty)
                    {
                        let mut y = ops[1].clone();
                        if self.tcx.is_untyped(y.ty) {
                            self.convert_untyped(&mut y, TypeCtx::basic(BasicKind::String));
                        }
                        return Operand::new(Mode::Value, x.ty, e);
                    }
                }
                let slice_e = self.tcx.slice(elem);
                let sig = super::ty::Sig {
                    params: vec![x.ty, slice_e],
                    results: vec![x.ty],
                    variadic: true,
                    names: Vec::new(),
                };
                self.arguments(e, &sig, &mut ops, dots, "append");
                Operand::new(Mode::Value, x.ty, e)
            }
            Builtin::Len | Builtin::Cap => {
                let x = ops[0].clone();
                let is_len = b == Builtin::Len;
                let mut mode = Mode::Invalid;
                let t = if self.tcx.is_tparam(x.ty) {
                    self.tcx.iface(x.ty).map(|_| x.ty).unwrap_or(x.ty)
                } else {
                    self.tcx.under(x.ty)
                };
                let t = match self.tcx.kind(t) {
                    TypeKind::Pointer(p)
                        if matches!(self.tcx.under_kind(*p), TypeKind::Array(..)) =>
                    {
                        self.tcx.under(*p)
                    }
                    _ => t,
                };
                match self.tcx.kind(t).clone() {
                    TypeKind::Basic(k) if k.is_string() && is_len => {
                        mode = match x.val() {
                            Some(Value::String(s)) => Mode::Const(Value::int(s.len() as i64)),
                            _ => Mode::Value,
                        };
                    }
                    TypeKind::Array(n, _) => {
                        mode = if self.has_call_or_recv {
                            Mode::Value
                        } else {
                            Mode::Const(Value::int(n as i64))
                        };
                    }
                    TypeKind::Slice(_) | TypeKind::Chan(..) => mode = Mode::Value,
                    TypeKind::Map(..) if is_len => mode = Mode::Value,
                    TypeKind::TypeParam(_) => {
                        let terms = self.tcx.tparam_terms(x.ty).unwrap_or_default();
                        let ok = !terms.is_empty()
                            && terms.iter().all(|&u| {
                                let uu = self.tcx.under(u);
                                let uu = match self.tcx.kind(uu) {
                                    TypeKind::Pointer(p) => self.tcx.under(*p),
                                    _ => uu,
                                };
                                match self.tcx.kind(uu) {
                                    TypeKind::Basic(k) => k.is_string() && is_len,
                                    TypeKind::Array(..)
                                    | TypeKind::Slice(_)
                                    | TypeKind::Chan(..) => true,
                                    TypeKind::Map(..) => is_len,
                                    _ => false,
                                }
                            });
                        if ok {
                            mode = Mode::Value;
                        }
                    }
                    _ => {}
                }
                if mode == Mode::Invalid {
                    if !self.tcx.is_invalid(self.tcx.under(x.ty)) {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!("invalid argument: {s} for built-in {name}"),
                        );
                    }
                    return Operand::invalid(Some(e));
                }
                Operand::new(mode, int, e)
            }
            Builtin::Clear => {
                let x = &ops[0];
                let ok = self.type_set(x.ty).into_iter().all(|(_, u)| {
                    matches!(
                        u.map(|u| self.tcx.kind(u)),
                        Some(TypeKind::Map(..)) | Some(TypeKind::Slice(_))
                    )
                });
                if !ok {
                    let s = self.op_string(x);
                    self.error(
                        x.pos(),
                        format!("invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"),
                    );
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::NoValue, TypeCtx::INVALID, e)
            }
            Builtin::Close => {
                let x = &ops[0];
                for (_, u) in self.type_set(x.ty) {
                    let why = match u.map(|u| self.tcx.kind(u)) {
                        Some(TypeKind::Chan(ChanDir::Recv, _)) => "receive-only channel",
                        Some(TypeKind::Chan(..)) => continue,
                        _ => "non-channel",
                    };
                    let s = self.op_string(x);
                    self.error(
                        x.pos(),
                        format!("invalid operation: cannot close {why} {s}"),
                    );
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::NoValue, TypeCtx::INVALID, e)
            }
            Builtin::Complex => {
                let mut x = ops[0].clone();
                let mut y = ops[1].clone();
                let xu = self.tcx.is_untyped(x.ty);
                let yu = self.tcx.is_untyped(y.ty);
                match (xu, yu) {
                    (false, false) => {}
                    (true, false) => {
                        let t = y.ty;
                        self.convert_untyped(&mut x, t);
                    }
                    (false, true) => {
                        let t = x.ty;
                        self.convert_untyped(&mut y, t);
                    }
                    (true, true) => {
                        if x.is_const() && y.is_const() {
                            let uf = TypeCtx::basic(BasicKind::UntypedFloat);
                            for o in [&mut x, &mut y] {
                                let real = o
                                    .val()
                                    .and_then(|v| v.to_complex())
                                    .is_some_and(|(_, im)| im.sign() == 0);
                                if self.tcx.is_numeric(o.ty) && real {
                                    o.ty = uf;
                                }
                            }
                        } else {
                            let f64t = TypeCtx::basic(BasicKind::Float64);
                            self.convert_untyped(&mut x, f64t);
                            self.convert_untyped(&mut y, f64t);
                        }
                    }
                }
                if x.is_invalid() || y.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                if !self.tcx.identical(x.ty, y.ty) {
                    let xs = self.ts(x.ty);
                    let ys = self.ts(y.ty);
                    self.error(
                        x.pos(),
                        format!("invalid operation: {call_s} (mismatched types {xs} and {ys})"),
                    );
                    return Operand::invalid(Some(e));
                }
                let res = match self.tcx.basic_kind(x.ty) {
                    Some(BasicKind::Float32) => Some(BasicKind::Complex64),
                    Some(BasicKind::Float64) => Some(BasicKind::Complex128),
                    Some(BasicKind::UntypedFloat) => Some(BasicKind::UntypedComplex),
                    _ => None,
                };
                let Some(res) = res.filter(|_| !self.tcx.is_tparam(x.ty)) else {
                    let xs = self.ts(x.ty);
                    self.error(
                        x.pos(),
                        format!(
                            "invalid argument: arguments have type {xs}, expected floating-point"
                        ),
                    );
                    return Operand::invalid(Some(e));
                };
                let mut rt = TypeCtx::basic(res);
                if self.tcx.is_named(x.ty) {
                    rt = TypeCtx::basic(res);
                }
                if let (Some(xv), Some(yv)) = (x.val().cloned(), y.val().cloned()) {
                    let re = xv.to_rat().unwrap_or_else(Rat::zero);
                    let im = yv.to_rat().unwrap_or_else(Rat::zero);
                    return Operand::new(Mode::Const(Value::Complex(re, im)), rt, e);
                }
                Operand::new(Mode::Value, rt, e)
            }
            Builtin::Copy => {
                let x = ops[0].clone();
                let y = ops[1].clone();
                let dst = match self.slice_elem(&x) {
                    Ok(t) => t,
                    Err(msg) => {
                        self.error(x.pos(), format!("invalid copy: {msg}"));
                        return Operand::invalid(Some(e));
                    }
                };
                let bytes = self.tcx.slice(TypeCtx::basic(BasicKind::Byte));
                // Bytes from a string (or from a type set of strings and
                // byte slices).
                let special = self.assignable_to(&x, bytes).0
                    && self.type_set(y.ty).into_iter().all(|(_, u)| {
                        u.is_some_and(|u| match self.tcx.kind(u) {
                            TypeKind::Slice(el) => {
                                self.tcx.identical(*el, TypeCtx::basic(BasicKind::Byte))
                            }
                            TypeKind::Basic(k) => k.is_string(),
                            _ => false,
                        })
                    });
                if !special {
                    let src = match self.slice_elem(&y) {
                        Ok(t) => t,
                        // A string source copies bytes.
                        Err(_) if self.tcx.is_string(y.ty) => TypeCtx::basic(BasicKind::Byte),
                        Err(msg) => {
                            self.error(y.pos(), format!("invalid copy: {msg}"));
                            return Operand::invalid(Some(e));
                        }
                    };
                    if !self.tcx.identical(dst, src) {
                        let xs = self.op_string(&x);
                        let ys = self.op_string(&y);
                        let ds = self.ts(dst);
                        let ss = self.ts(src);
                        self.error(
                            x.pos(),
                            format!("invalid copy: arguments {xs} and {ys} have different element types {ds} and {ss}"),
                        );
                        return Operand::invalid(Some(e));
                    }
                }
                Operand::new(Mode::Value, int, e)
            }
            Builtin::Delete => {
                let x = ops[0].clone();
                let mut key: Option<TyId> = None;
                for (_, u) in self.type_set(x.ty) {
                    let k = match u.map(|u| self.tcx.kind(u)) {
                        Some(TypeKind::Map(k, _)) => *k,
                        _ => {
                            let s = self.op_string(&x);
                            self.error(x.pos(), format!("invalid argument: {s} is not a map"));
                            return Operand::invalid(Some(e));
                        }
                    };
                    if key.is_some_and(|p| !self.tcx.identical(p, k)) {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!("invalid argument: maps of {s} must have identical key types"),
                        );
                        return Operand::invalid(Some(e));
                    }
                    key = Some(k);
                }
                let key = key.unwrap_or(TypeCtx::INVALID);
                let mut k = ops[1].clone();
                self.assignment(&mut k, Some(key), "argument to delete");
                if k.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::NoValue, TypeCtx::INVALID, e)
            }
            Builtin::Imag | Builtin::Real => {
                let mut x = ops[0].clone();
                if self.tcx.is_untyped(x.ty) {
                    if x.is_const() {
                        if self.tcx.is_numeric(x.ty) {
                            x.ty = TypeCtx::basic(BasicKind::UntypedComplex);
                        }
                    } else {
                        self.convert_untyped(&mut x, TypeCtx::basic(BasicKind::Complex128));
                        if x.is_invalid() {
                            return Operand::invalid(Some(e));
                        }
                    }
                }
                let res = match self.tcx.basic_kind(x.ty) {
                    Some(BasicKind::Complex64) => Some(BasicKind::Float32),
                    Some(BasicKind::Complex128) => Some(BasicKind::Float64),
                    Some(BasicKind::UntypedComplex) => Some(BasicKind::UntypedFloat),
                    _ => None,
                };
                let Some(res) = res.filter(|_| !self.tcx.is_tparam(x.ty)) else {
                    let xs = self.ts(x.ty);
                    self.error(
                        x.pos(),
                        format!("invalid argument: argument has type {xs}, expected complex type"),
                    );
                    return Operand::invalid(Some(e));
                };
                let rt = TypeCtx::basic(res);
                if let Some(v) = x.val() {
                    let (re, im) = v.to_complex().unwrap_or((Rat::zero(), Rat::zero()));
                    let r = if b == Builtin::Real { re } else { im };
                    return Operand::new(Mode::Const(Value::Float(r)), rt, e);
                }
                Operand::new(Mode::Value, rt, e)
            }
            Builtin::Make => {
                let arg0 = &args[0];
                let t = self.var_type(arg0);
                if self.tcx.is_invalid(t) {
                    for a in &args[1..] {
                        self.use_expr(a);
                    }
                    return Operand::invalid(Some(e));
                }
                let u = self.common_under(t, &|ck: &Self, _, u: Option<TyId>| match u
                    .map(|u| ck.tcx.kind(u))
                {
                    Some(TypeKind::Slice(_))
                    | Some(TypeKind::Map(..))
                    | Some(TypeKind::Chan(..)) => None,
                    None => Some("no specific type".to_string()),
                    Some(_) => Some("type must be slice, map, or channel".to_string()),
                });
                if let (Ok(u), Some(d)) = (&u, self.ctx.decl) {
                    if let TypeKind::Chan(..) = self.tcx.kind(*u) {
                        self.made_chans.push((*u, d));
                    }
                }
                let min = match u.map(|u| self.tcx.kind(u)) {
                    Ok(TypeKind::Slice(_)) => 2,
                    Ok(_) => 1,
                    Err(why) => {
                        let s = Self::expr_text(arg0);
                        self.error(
                            arg0.span.start(),
                            format!("invalid argument: cannot make {s}: {why}"),
                        );
                        return Operand::invalid(Some(e));
                    }
                };
                let nargs = args.len();
                if nargs < min || min + 1 < nargs {
                    self.error(
                        e.span.start(),
                        format!("invalid operation: {call_s} expects {min} or {} arguments; found {nargs}", min + 1),
                    );
                    return Operand::invalid(Some(e));
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    if let Some(v) = self.index_arg(a, None, "index") {
                        sizes.push(v);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error(
                        args[1].span.start(),
                        "invalid argument: length and capacity swapped",
                    );
                }
                Operand::new(Mode::Value, t, e)
            }
            Builtin::Max | Builtin::Min => {
                let mut x = ops[0].clone();
                for (i, op) in ops.clone().into_iter().enumerate() {
                    let mut a = op;
                    if !self.tcx.is_ordered(a.ty) {
                        let s = self.op_string(&a);
                        self.error(a.pos(), format!("invalid argument: {s} cannot be ordered"));
                        return Operand::invalid(Some(e));
                    }
                    if i > 0 {
                        self.match_types(&mut x, &mut a);
                        if x.is_invalid() || a.is_invalid() {
                            return Operand::invalid(Some(e));
                        }
                        if !self.tcx.identical(x.ty, a.ty) {
                            let xs = self.ts(x.ty);
                            let as_ = self.ts(a.ty);
                            let ae = a.expr.map(Self::expr_text).unwrap_or_default();
                            self.error(
                                a.pos(),
                                format!("invalid argument: mismatched types {xs} (previous argument) and {as_} (type of {ae})"),
                            );
                            return Operand::invalid(Some(e));
                        }
                        if let (Some(xv), Some(av)) = (x.val().cloned(), a.val().cloned()) {
                            let op = if b == Builtin::Max {
                                CmpOp::Gt
                            } else {
                                CmpOp::Lt
                            };
                            let better = super::expr::match_kinds(&av, &xv)
                                .and_then(|(p, q)| p.compare(op, &q))
                                .unwrap_or(false);
                            if better {
                                x = a.clone();
                            }
                        } else {
                            x.mode = Mode::Value;
                        }
                        ops[i] = a;
                    }
                }
                if !x.is_const() {
                    x.mode = Mode::Value;
                    let empty = self.tcx.empty_iface;
                    self.assignment(&mut x, Some(empty), &format!("argument to built-in {name}"));
                    if x.is_invalid() {
                        return Operand::invalid(Some(e));
                    }
                }
                for a in &ops {
                    if let Some(ae) = a.expr {
                        self.update_expr_type(ae, x.ty, true);
                    }
                }
                Operand { expr: Some(e), ..x }
            }
            Builtin::New => {
                let arg = &args[0];
                let mut x = self.expr_or_type(arg);
                match x.mode {
                    Mode::Invalid => return Operand::invalid(Some(e)),
                    Mode::TypeExpr => {}
                    _ => {
                        if self.tcx.is_untyped(x.ty) {
                            self.assignment(&mut x, None, "argument to new");
                            if x.is_invalid() {
                                return Operand::invalid(Some(e));
                            }
                        }
                    }
                }
                let t = self.tcx.pointer(x.ty);
                Operand::new(Mode::Value, t, e)
            }
            Builtin::Panic => {
                let mut x = ops[0].clone();
                let empty = self.tcx.empty_iface;
                self.assignment(&mut x, Some(empty), "argument to panic");
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::NoValue, TypeCtx::INVALID, e)
            }
            Builtin::Print | Builtin::Println => {
                for a in ops.iter_mut() {
                    self.assignment(a, None, &format!("argument to built-in {name}"));
                    if a.is_invalid() {
                        return Operand::invalid(Some(e));
                    }
                }
                Operand::new(Mode::NoValue, TypeCtx::INVALID, e)
            }
            Builtin::Recover => Operand::new(Mode::Value, self.tcx.empty_iface, e),
            Builtin::Add => {
                let mut x = ops[0].clone();
                let up = TypeCtx::basic(BasicKind::UnsafePointer);
                self.assignment(&mut x, Some(up), "argument to unsafe.Add");
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let mut y = ops[1].clone();
                if !self.valid_index(&mut y, "length", true) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::Value, up, e)
            }
            Builtin::Alignof | Builtin::Sizeof => {
                let mut x = ops[0].clone();
                self.assignment(&mut x, None, &format!("argument to unsafe.{name}"));
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let uptr = TypeCtx::basic(BasicKind::Uintptr);
                if self.has_var_size(x.ty, 0) {
                    return Operand::new(Mode::Value, uptr, e);
                }
                let sz = Sizes::new(&self.tcx);
                let v = if b == Builtin::Sizeof {
                    sz.sizeof(x.ty)
                } else {
                    sz.alignof(x.ty)
                };
                Operand::new(Mode::Const(Value::int(v as i64)), uptr, e)
            }
            Builtin::Offsetof => self.offsetof(e, &args[0]),
            Builtin::Slice => {
                let x = ops[0].clone();
                let Some(elem) = self.tcx.pointer_elem(x.ty) else {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("invalid argument: {s} is not a pointer"));
                    return Operand::invalid(Some(e));
                };
                let mut y = ops[1].clone();
                if !self.valid_index(&mut y, "length", false) {
                    return Operand::invalid(Some(e));
                }
                let t = self.tcx.slice(elem);
                Operand::new(Mode::Value, t, e)
            }
            Builtin::SliceData => {
                let x = ops[0].clone();
                let Some(TypeKind::Slice(elem)) =
                    self.core_type(x.ty).map(|u| self.tcx.kind(u).clone())
                else {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("invalid argument: {s} is not a slice"));
                    return Operand::invalid(Some(e));
                };
                let t = self.tcx.pointer(elem);
                Operand::new(Mode::Value, t, e)
            }
            Builtin::String => {
                let mut x = ops[0].clone();
                let bp = self.tcx.pointer(TypeCtx::basic(BasicKind::Byte));
                self.assignment(&mut x, Some(bp), "argument to unsafe.String");
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let mut y = ops[1].clone();
                if !self.valid_index(&mut y, "length", false) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::Value, TypeCtx::basic(BasicKind::String), e)
            }
            Builtin::StringData => {
                let mut x = ops[0].clone();
                self.assignment(
                    &mut x,
                    Some(TypeCtx::basic(BasicKind::String)),
                    "argument to unsafe.StringData",
                );
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let bp = self.tcx.pointer(TypeCtx::basic(BasicKind::Byte));
                Operand::new(Mode::Value, bp, e)
            }
        }
    }

    /// Whether the size of `t` depends on type parameters (then `Sizeof`
    /// and `Alignof` are not constant).
    fn has_var_size(&self, t: TyId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match self.tcx.kind(t) {
            TypeKind::TypeParam(_) => true,
            TypeKind::Named(_) => {
                let targs_var = self
                    .tcx
                    .as_named(t)
                    .and_then(|n| self.tcx.named_info(n))
                    .is_some_and(|i| i.targs.iter().any(|a| self.tcx.has_tparams(*a)));
                targs_var && self.has_var_size(self.tcx.under(t), depth + 1)
            }
            TypeKind::Array(_, e) => self.has_var_size(*e, depth + 1),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.has_var_size(f.ty, depth + 1)),
            _ => false,
        }
    }

    /// Whether every type of `t`'s type set is `[]byte` or a string type,
    /// and at least one is a string (`append(b, s...)`'s special case).
    fn bytes_or_string_with_string(&self, t: TyId) -> bool {
        let set = if self.tcx.is_tparam(t) {
            match self.tcx.tparam_terms(t) {
                Some(ts) if !ts.is_empty() => ts,
                _ => return false,
            }
        } else {
            vec![t]
        };
        let byte = TypeCtx::basic(BasicKind::Byte);
        let mut has_string = false;
        for u in set {
            match self.tcx.under_kind(u) {
                TypeKind::Slice(e) if self.tcx.identical(*e, byte) => {}
                TypeKind::Basic(k) if k.is_string() => has_string = true,
                _ => return false,
            }
        }
        has_string
    }

    /// The element type of a slice operand (for `append` and `copy`), or
    /// gc's complaint.
    fn slice_elem(&self, x: &Operand<'a>) -> Result<TyId, String> {
        let mut elem: Option<TyId> = None;
        for (_, u) in self.type_set(x.ty) {
            match u.map(|u| self.tcx.kind(u)) {
                Some(TypeKind::Slice(e)) => {
                    if let Some(p) = elem {
                        if !self.tcx.identical(p, *e) {
                            let xs = self.op_string(x);
                            return Err(format!(
                                "mismatched slice element types {} and {} in {xs}",
                                self.ts(p),
                                self.ts(*e)
                            ));
                        }
                    }
                    elem = Some(*e);
                }
                _ => {
                    if x.is_nil() {
                        return Err("argument must be a slice; have untyped nil".into());
                    }
                    let xs = self.op_string(x);
                    return Err(format!("argument must be a slice; have {xs}"));
                }
            }
        }
        elem.ok_or_else(|| "argument must be a slice".into())
    }

    /// `unsafe.Offsetof(x.f)`.
    fn offsetof(&mut self, e: &'a Expr, arg0: &'a Expr) -> Operand<'a> {
        let uptr = TypeCtx::basic(BasicKind::Uintptr);
        let ExprKind::Selector { x: base, sel, .. } = &arg0.unparen().kind else {
            let s = Self::expr_text(arg0);
            self.error(
                arg0.span.start(),
                format!("invalid argument: {s} is not a selector expression"),
            );
            return Operand::invalid(Some(e));
        };
        let x = self.expr(base);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        let sel_x = self.raw_expr(arg0.unparen(), None, false);
        if sel_x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        let Some(s) = self.info.selections.get(&arg0.unparen().id).cloned() else {
            return Operand::invalid(Some(e));
        };
        if s.kind != super::SelectionKind::FieldVal {
            let a = Self::expr_text(arg0);
            self.error(
                arg0.span.start(),
                format!("invalid argument: {a} is a method value"),
            );
            return Operand::invalid(Some(e));
        }
        // Sum the offsets along the path; embedded pointers are an error.
        let mut t = x.ty;
        let mut off = 0u64;
        for (i, &idx) in s.path.iter().enumerate() {
            if i > 0 {
                if let TypeKind::Pointer(_) = self.tcx.kind(t) {
                    let bs = Self::expr_text(base);
                    self.error(
                        arg0.span.start(),
                        format!(
                            "invalid argument: field {} is embedded via a pointer in {bs}",
                            sel.name
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
            }
            let sz = Sizes::new(&self.tcx);
            let st = match self.tcx.kind(t) {
                TypeKind::Pointer(p) if i == 0 => *p,
                _ => t,
            };
            let offs = sz.field_offsets(st);
            off += offs.get(idx as usize).copied().unwrap_or(0);
            t = self
                .tcx
                .struct_fields(st)
                .and_then(|fs| fs.get(idx as usize))
                .map(|f| f.ty)
                .unwrap_or(TypeCtx::INVALID);
        }
        Operand::new(Mode::Const(Value::int(off as i64)), uptr, e)
    }
}
