//! Composite literals: structs (keyed or positional), arrays (including
//! `[...]T`), slices and maps, with elided element types.

use std::collections::HashMap;

use super::constant::Value;
use super::operand::{Mode, Operand};
use super::ty::{TyId, TypeKind};
use super::Checker;
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(super) fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elts: &'a [Expr],
        hint: Option<TyId>,
    ) -> Operand<'a> {
        let (typ, base, open_array) = match ty {
            Some(te) => {
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    let et = self.var_type(elem);
                    (et, et, true)
                } else {
                    let t = self.type_expr(te);
                    (t, t, false)
                }
            }
            None => match hint {
                Some(h) => {
                    let mut base = h;
                    if let Some(TypeKind::Pointer(b)) =
                        self.core_type(h).map(|c| self.tcx.kind(c).clone())
                    {
                        base = b;
                    }
                    (h, base, false)
                }
                None => {
                    self.error(e.span.start(), "missing type in composite literal");
                    for el in elts {
                        self.use_elem(el);
                    }
                    return Operand::invalid(Some(e));
                }
            },
        };
        if self.tcx.is_invalid(typ) {
            for el in elts {
                self.use_elem(el);
            }
            return Operand::invalid(Some(e));
        }
        if open_array {
            let n = self.indexed_elts(elts, typ, None);
            let at = self.tcx.intern(TypeKind::Array(n, typ));
            if let Some(te) = ty {
                self.record(te, &Operand::new(Mode::TypeExpr, at, te));
            }
            return Operand::new(Mode::Value, at, e);
        }
        let core = self.core_type(base);
        match core.map(|c| self.tcx.kind(c).clone()) {
            Some(TypeKind::Struct(fields)) => {
                if elts.is_empty() {
                    return Operand::new(Mode::Value, typ, e);
                }
                if matches!(elts[0].kind, ExprKind::KeyValue { .. }) {
                    // Keys may name promoted fields (Go 1.27); paths of the
                    // fields set so far, to find duplicates and overlaps.
                    let mut visited: Vec<(Vec<u32>, String)> = Vec::new();
                    let st = core.unwrap_or(base);
                    for el in elts {
                        let ExprKind::KeyValue { key, value, .. } = &el.kind else {
                            self.error(
                                el.span.start(),
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        };
                        let Some(n) = key.as_ident() else {
                            self.expr(value);
                            let ks = Self::expr_text(key);
                            self.error(
                                el.span.start(),
                                format!("invalid field name {ks} in struct literal"),
                            );
                            continue;
                        };
                        let (path, ft) = match self.lookup_field_or_method(st, n, Some(self.pkg)) {
                            super::Lookup::Field { path, ty, indirect } => {
                                if indirect {
                                    self.expr(value);
                                    self.error(
                                        key.span.start(),
                                        format!(
                                            "invalid implicit pointer indirection to reach {n}"
                                        ),
                                    );
                                    continue;
                                }
                                (path, ty)
                            }
                            super::Lookup::Method { .. } | super::Lookup::IfaceMethod { .. } => {
                                self.expr(value);
                                self.error(key.span.start(), format!("{n} is not a field"));
                                continue;
                            }
                            _ => {
                                self.expr(value);
                                let msg = self.struct_lit_lookup_error(base, n, &fields);
                                self.error(key.span.start(), msg);
                                continue;
                            }
                        };
                        let hint = Self::struct_field_hint(value, Some(ft));
                        let mut x = self.expr_with_target(value, hint, Some("struct literal"));
                        self.assignment(&mut x, Some(ft), "struct literal");
                        let mut conflict = None;
                        for (p, pname) in &visited {
                            if *p == path {
                                conflict =
                                    Some(format!("duplicate field name {n} in struct literal"));
                            } else if path.starts_with(p) {
                                conflict = Some(format!(
                                    "cannot specify promoted field {n} and enclosing embedded field {pname}"
                                ));
                            } else if p.starts_with(&path) {
                                conflict = Some(format!(
                                    "cannot specify embedded field {n} and enclosed promoted field {pname}"
                                ));
                            }
                            if conflict.is_some() {
                                break;
                            }
                        }
                        if let Some(msg) = conflict {
                            self.error(el.span.start(), msg);
                            continue;
                        }
                        self.info.field_keys.insert(key.id, path.clone());
                        visited.push((path, n.to_string()));
                    }
                } else {
                    for (i, el) in elts.iter().enumerate() {
                        if let ExprKind::KeyValue { .. } = &el.kind {
                            self.error(
                                el.span.start(),
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let hint = fields.get(i).map(|f| f.ty);
                        let hint = Self::struct_field_hint(el, hint);
                        let mut x = self.expr_with_target(el, hint, Some("struct literal"));
                        let Some(f) = fields.get(i) else {
                            let bs = self.ts(base);
                            self.error(
                                x.pos(),
                                format!("too many values in struct literal of type {bs}"),
                            );
                            break;
                        };
                        if f.pkg.is_some() && f.pkg != Some(self.pkg) {
                            let bs = self.ts(base);
                            self.error(
                                x.pos(),
                                format!("implicit assignment to unexported field {} in struct literal of type {bs}", f.name),
                            );
                            continue;
                        }
                        let ft = f.ty;
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                    if elts.len() < fields.len() {
                        let rb = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.span,
                        };
                        let bs = self.ts(base);
                        self.error(rb, format!("too few values in struct literal of type {bs}"));
                    }
                }
            }
            Some(TypeKind::Array(n, elem)) => {
                self.indexed_elts(elts, elem, Some(n));
            }
            Some(TypeKind::Slice(elem)) => {
                self.indexed_elts(elts, elem, None);
            }
            Some(TypeKind::Map(k, v)) => {
                let key_iface = self.tcx.is_interface(k);
                let mut visited: HashMap<Value, Vec<TyId>> = HashMap::new();
                for el in elts {
                    let ExprKind::KeyValue { key, value, .. } = &el.kind else {
                        self.error(el.span.start(), "missing key in map literal");
                        continue;
                    };
                    let mut x = self.expr_with_target(key, Some(k), Some("map literal"));
                    self.assignment(&mut x, Some(k), "map literal");
                    if let Some(kv) = x.val().cloned() {
                        let kv = normalize_key(kv);
                        let entry = visited.entry(kv.clone()).or_default();
                        let dup = if key_iface {
                            entry.iter().any(|t| self.tcx.identical(*t, x.ty))
                        } else {
                            !entry.is_empty()
                        };
                        entry.push(x.ty);
                        if dup {
                            let vs = x.val().map(|v| v.to_string()).unwrap_or_default();
                            self.error(x.pos(), format!("duplicate key {vs} in map literal"));
                            continue;
                        }
                    }
                    let mut y = self.expr_with_target(value, Some(v), Some("map literal"));
                    self.assignment(&mut y, Some(v), "map literal");
                }
            }
            _ => {
                for el in elts {
                    self.use_elem(el);
                }
                // A literal of a type whose declaration is in progress
                // (`type H [len(H{})]int`) needs the type it is part of.
                let declaring = self.tcx.as_named(base).and_then(|n| {
                    let o = self.tcx.named_info(n)?.obj;
                    self.obj_path.iter().position(|&p| p == o)
                });
                if let Some(i) = declaring.filter(|_| self.tcx.is_invalid(self.tcx.under(base))) {
                    let cycle = self.obj_path[i..].to_vec();
                    self.cycle_error(&cycle);
                    return Operand::invalid(Some(e));
                }
                if !self.tcx.is_invalid(base) {
                    let qual = if ty.is_none() { " element" } else { "" };
                    let ts = self.ts(typ);
                    let cause = if core.is_none() {
                        " (no common underlying type)"
                    } else {
                        ""
                    };
                    self.error(
                        e.span.start(),
                        format!("invalid composite literal{qual} type {ts}{cause}"),
                    );
                }
                return Operand::invalid(Some(e));
            }
        }
        Operand::new(Mode::Value, typ, e)
    }

    /// The hint for a struct literal's field value: its field's type, except
    /// for a composite literal, whose type may be elided only in array,
    /// slice and map literals.
    fn struct_field_hint(value: &Expr, ft: Option<TyId>) -> Option<TyId> {
        match &value.unparen().kind {
            ExprKind::CompositeLit { ty: None, .. } => None,
            _ => ft,
        }
    }

    fn use_elem(&mut self, el: &'a Expr) {
        match &el.kind {
            ExprKind::KeyValue { value, .. } => {
                self.use_expr(value);
            }
            _ => {
                self.use_expr(el);
            }
        }
    }

    /// Elements of an array or slice literal; returns the length implied.
    fn indexed_elts(&mut self, elts: &'a [Expr], elem: TyId, length: Option<u64>) -> u64 {
        let mut visited: Vec<i64> = Vec::new();
        let mut index: i64 = 0;
        let mut max: i64 = 0;
        for el in elts {
            let mut valid = false;
            let mut eval = el;
            if let ExprKind::KeyValue { key, value, .. } = &el.kind {
                let mut kx = self.expr(key);
                if self.valid_index(&mut kx, "index", false) {
                    match self.const_int(&kx) {
                        Some(i) => {
                            if let Some(l) = length {
                                if i as u64 >= l {
                                    let vs = kx.val().map(|v| v.to_string()).unwrap_or_default();
                                    self.error(
                                        kx.pos(),
                                        format!(
                                            "invalid argument: index {vs} out of bounds [0:{l}]"
                                        ),
                                    );
                                } else {
                                    index = i;
                                    valid = true;
                                }
                            } else {
                                index = i;
                                valid = true;
                            }
                        }
                        None => {
                            let ks = Self::expr_text(key);
                            self.error(
                                el.span.start(),
                                format!("index {ks} must be integer constant"),
                            );
                        }
                    }
                }
                eval = value;
            } else if length.is_some_and(|l| index as u64 >= l) {
                let l = length.unwrap_or(0);
                self.error(
                    el.span.start(),
                    format!("index {index} is out of bounds (>= {l})"),
                );
            } else {
                valid = true;
            }
            if valid {
                if visited.contains(&index) {
                    self.error(
                        el.span.start(),
                        format!("duplicate index {index} in array or slice literal"),
                    );
                }
                visited.push(index);
            }
            index += 1;
            if index > max {
                max = index;
            }
            let mut x = self.expr_with_target(eval, Some(elem), Some("array or slice literal"));
            self.assignment(&mut x, Some(elem), "array or slice literal");
        }
        max.max(0) as u64
    }

    fn struct_lit_lookup_error(
        &self,
        base: TyId,
        sel: &str,
        fields: &[super::ty::Field],
    ) -> String {
        let bs = self.ts(base);
        let lower = sel.to_lowercase();
        let alt = fields.iter().find(|f| f.name.to_lowercase() == lower);
        let Some(alt) = alt else {
            return format!("unknown field {sel} in struct literal of type {bs}");
        };
        let same_pkg = alt.pkg.is_none() || alt.pkg == Some(self.pkg);
        if alt.name == sel && !same_pkg {
            return format!(
                "cannot refer to unexported field {} in struct literal of type {bs}",
                alt.name
            );
        }
        let exported = super::object::is_exported;
        if !same_pkg && exported(sel) && !exported(&alt.name) {
            return format!(
                "unknown field {sel} in struct literal of type {bs}, but does have unexported {}",
                alt.name
            );
        }
        format!(
            "unknown field {sel} in struct literal of type {bs}, but does have {}",
            alt.name
        )
    }
}

/// Map literal keys compare by value: `1` and `1.0` are the same key.
fn normalize_key(v: Value) -> Value {
    match &v {
        Value::Float(r) if r.is_int() => Value::Int(r.num().clone()),
        Value::Complex(re, im) if im.sign() == 0 && re.is_int() => Value::Int(re.num().clone()),
        Value::Complex(re, im) if im.sign() == 0 => Value::Float(re.clone()),
        _ => v,
    }
}
