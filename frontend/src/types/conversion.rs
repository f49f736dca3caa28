//! Conversions `T(x)`: constant conversions (exact, with gc's overflow and
//! truncation errors) and the spec's convertibility rules for values.

use super::constant::{encode_rune, Value};
use super::expr::representation;
use super::operand::{Mode, Operand};
use super::ty::{BasicKind, TyId, TypeKind};
use super::Checker;

impl<'a> Checker<'a> {
    pub(super) fn conversion(&mut self, x: &mut Operand<'a>, t: TyId) {
        let const_arg = x.is_const();
        let mut ok = false;
        let mut cause = String::new();
        if const_arg && self.tcx.is_const_type(t) {
            let k = self.tcx.basic_kind(t).unwrap_or(BasicKind::Invalid);
            let v = x.val().cloned().unwrap_or(Value::Unknown);
            match representation(&v, k, self.tcx.basic_kind(x.ty)) {
                Ok(nv) => {
                    x.mode = Mode::Const(nv);
                    ok = true;
                }
                Err(_) => {
                    if self.tcx.is_integer(x.ty) && k.is_string() {
                        let r = v.to_int().and_then(|i| i.to_i64()).unwrap_or(-1);
                        let r = if (0..=0x10FFFF).contains(&r) {
                            r
                        } else {
                            0xFFFD
                        };
                        x.mode = Mode::Const(Value::String(encode_rune(r)));
                        ok = true;
                    } else if self.tcx.is_integer(x.ty) && k.is_integer() {
                        let ts = self.ts(t);
                        self.error(x.pos(), format!("constant {v} overflows {ts}"));
                        x.mode = Mode::Invalid;
                        return;
                    }
                }
            }
        } else if const_arg && self.tcx.is_tparam(t) {
            let terms = self.tcx.tparam_terms(t);
            ok = match terms {
                Some(ts) if !ts.is_empty() => {
                    let v = x.val().cloned().unwrap_or(Value::Unknown);
                    let mut all = true;
                    for u in ts {
                        let uk = self.tcx.basic_kind(u);
                        let s_to_bytes = self.tcx.is_string(x.ty) && self.is_bytes_or_runes(u);
                        let fits = match uk {
                            Some(k) => {
                                representation(&v, k, self.tcx.basic_kind(x.ty)).is_ok()
                                    || (self.tcx.is_integer(x.ty) && k.is_string())
                            }
                            None => false,
                        };
                        if !fits && !s_to_bytes {
                            all = false;
                            let us = self.ts(u);
                            let ts = self.ts(t);
                            if self.tcx.is_integer(x.ty) && self.tcx.is_integer(u) {
                                cause = format!("constant {v} overflows {us} (in {ts})");
                            } else {
                                let xs = self.op_string(x);
                                cause = format!("cannot convert {xs} to type {us} (in {ts})");
                            }
                            break;
                        }
                    }
                    all
                }
                _ => {
                    let ts = self.ts(t);
                    cause = format!("{ts} does not contain specific types");
                    false
                }
            };
            x.mode = Mode::Value;
        } else {
            let (c_ok, c) = self.convertible_to(x, t);
            ok = c_ok;
            cause = c;
            if ok {
                x.mode = Mode::Value;
            }
        }
        if !ok {
            let xs = self.op_string(x);
            let ts = self.ts(t);
            if cause.is_empty() {
                self.error(x.pos(), format!("cannot convert {xs} to type {ts}"));
            } else {
                self.error(
                    x.pos(),
                    format!("cannot convert {xs} to type {ts}: {cause}"),
                );
            }
            x.mode = Mode::Invalid;
            return;
        }
        if self.tcx.is_untyped(x.ty) {
            let mut fin = t;
            if x.is_nil() {
                // keep t
            } else if (self.tcx.is_interface(t) && !self.tcx.is_tparam(t))
                || (const_arg && !self.tcx.is_const_type(t))
            {
                fin = self.tcx.default_type(x.ty);
            } else if const_arg && self.tcx.is_integer(x.ty) && self.tcx.is_string(t) {
                fin = x.ty;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        x.ty = t;
    }

    fn is_bytes_or_runes(&self, t: TyId) -> bool {
        match self.tcx.under_kind(t) {
            TypeKind::Slice(e) => matches!(
                self.tcx.basic_kind(*e).map(|k| k.canon()),
                Some(BasicKind::Uint8) | Some(BasicKind::Int32)
            ),
            _ => false,
        }
    }

    /// Whether a non-constant `x` converts to `t`, with gc's cause.
    pub(super) fn convertible_to(&mut self, x: &Operand<'a>, t: TyId) -> (bool, String) {
        let (ok, cause) = self.assignable_to(x, t);
        if ok {
            return (true, String::new());
        }
        let v = x.ty;
        let vu = self.tcx.under(v);
        let tu = self.tcx.under(t);
        let vp = self.tcx.is_tparam(v);
        let tp = self.tcx.is_tparam(t);
        if !vp && !tp && self.identical_ignore_tags(vu, tu) {
            return (true, String::new());
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.tcx.kind(v).clone(), self.tcx.kind(t).clone())
        {
            if !self.tcx.is_named(v) && !self.tcx.is_named(t) {
                let au = self.tcx.under(a);
                let bu = self.tcx.under(b);
                if !self.tcx.is_tparam(a)
                    && !self.tcx.is_tparam(b)
                    && self.identical_ignore_tags(au, bu)
                {
                    return (true, String::new());
                }
            }
        }
        if self.convertible_basic(v, t) {
            return (true, String::new());
        }
        if vp || tp {
            let vs: Vec<TyId> = if vp {
                self.tcx.tparam_terms(v).unwrap_or_default()
            } else {
                vec![v]
            };
            let ts: Vec<TyId> = if tp {
                self.tcx.tparam_terms(t).unwrap_or_default()
            } else {
                vec![t]
            };
            if vs.is_empty() || ts.is_empty() {
                return (false, cause);
            }
            for &a in &vs {
                for &b in &ts {
                    let y = Operand {
                        ty: a,
                        mode: Mode::Value,
                        ..x.clone()
                    };
                    if !self.convertible_to(&y, b).0 {
                        let as_ = self.ts(a);
                        let bs = self.ts(b);
                        let c = if vp && tp {
                            format!(
                                "cannot convert {as_} (in {}) to type {bs} (in {})",
                                self.ts(v),
                                self.ts(t)
                            )
                        } else if vp {
                            format!("cannot convert {as_} (in {}) to type {bs}", self.ts(v))
                        } else {
                            let xs = self.op_string(x);
                            format!("cannot convert {xs} to type {bs} (in {})", self.ts(t))
                        };
                        return (false, c);
                    }
                }
            }
            return (true, String::new());
        }
        (false, cause)
    }

    fn convertible_basic(&self, v: TyId, t: TyId) -> bool {
        let tcx = &self.tcx;
        let num = |x: TyId| tcx.is_integer(x) || tcx.is_float(x);
        if num(v) && num(t) {
            return true;
        }
        if tcx.is_complex(v) && tcx.is_complex(t) {
            return true;
        }
        let vu = tcx.under(v);
        let tu = tcx.under(t);
        if tcx.is_string(t) && !tcx.is_tparam(t) {
            if tcx.is_integer(v) && !tcx.is_tparam(v) {
                return true;
            }
            if self.is_bytes_or_runes(vu) {
                return true;
            }
        }
        if tcx.is_string(v) && !tcx.is_tparam(v) && self.is_bytes_or_runes(tu) {
            return true;
        }
        let is_unsafe_ptr =
            |x: TyId| matches!(tcx.under_kind(x), TypeKind::Basic(BasicKind::UnsafePointer));
        let is_ptr = |x: TyId| matches!(tcx.under_kind(x), TypeKind::Pointer(_));
        let is_uintptr = |x: TyId| {
            matches!(
                tcx.basic_kind(x).map(|k| k.canon()),
                Some(BasicKind::Uintptr)
            )
        };
        if (is_ptr(v) || is_uintptr(v)) && is_unsafe_ptr(t) {
            return true;
        }
        if is_unsafe_ptr(v) && (is_ptr(t) || is_uintptr(t)) {
            return true;
        }
        // Slice to array or array pointer.
        if let TypeKind::Slice(se) = tcx.kind(vu) {
            match tcx.kind(tu) {
                TypeKind::Array(_, ae) if tcx.identical(*se, *ae) => return true,
                TypeKind::Pointer(p) => {
                    if let TypeKind::Array(_, ae) = tcx.under_kind(*p) {
                        if tcx.identical(*se, *ae) {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// Type identity ignoring struct tags (for conversions).
    fn identical_ignore_tags(&mut self, a: TyId, b: TyId) -> bool {
        if self.tcx.identical(a, b) {
            return true;
        }
        let sa = self.strip_tags(a, 0);
        let sb = self.strip_tags(b, 0);
        self.tcx.identical(sa, sb)
    }

    fn strip_tags(&mut self, t: TyId, depth: u32) -> TyId {
        if depth > 20 {
            return t;
        }
        match self.tcx.kind(t).clone() {
            TypeKind::Struct(fs) => {
                let fs2 = fs
                    .into_iter()
                    .map(|f| super::ty::Field {
                        tag: String::new(),
                        ty: self.strip_tags(f.ty, depth + 1),
                        ..f
                    })
                    .collect();
                self.tcx.intern(TypeKind::Struct(fs2))
            }
            TypeKind::Pointer(e) => {
                let e2 = self.strip_tags(e, depth + 1);
                self.tcx.pointer(e2)
            }
            TypeKind::Array(n, e) => {
                let e2 = self.strip_tags(e, depth + 1);
                self.tcx.intern(TypeKind::Array(n, e2))
            }
            TypeKind::Slice(e) => {
                let e2 = self.strip_tags(e, depth + 1);
                self.tcx.slice(e2)
            }
            TypeKind::Map(k, v) => {
                let k2 = self.strip_tags(k, depth + 1);
                let v2 = self.strip_tags(v, depth + 1);
                self.tcx.intern(TypeKind::Map(k2, v2))
            }
            TypeKind::Chan(d, e) => {
                let e2 = self.strip_tags(e, depth + 1);
                self.tcx.intern(TypeKind::Chan(d, e2))
            }
            TypeKind::Func(s) => {
                let params = s
                    .params
                    .iter()
                    .map(|&p| self.strip_tags(p, depth + 1))
                    .collect();
                let results = s
                    .results
                    .iter()
                    .map(|&p| self.strip_tags(p, depth + 1))
                    .collect();
                self.tcx.func(params, results, s.variadic)
            }
            _ => t,
        }
    }
}
