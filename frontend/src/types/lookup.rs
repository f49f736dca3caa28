//! Field and method lookup (through embedded fields, with Go's depth and
//! ambiguity rules), method sets, interface satisfaction, and
//! comparability.

use std::collections::HashMap;

use super::object::PkgId;
use super::ty::{TyId, TypeCtx, TypeKind};
use super::{Checker, ObjId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f`, a struct field.
    FieldVal,
    /// `x.m`, a method value or the callee of a method call.
    MethodVal,
    /// `T.m`, a method expression.
    MethodExpr,
}

/// What a selector expression `x.name` denotes.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` (for method expressions: the type `T`).
    pub recv: TyId,
    /// Indices of the struct fields traversed, embedded fields first; for a
    /// field selection the last index is the field's.
    pub path: Vec<u32>,
    /// The method's function, for methods of defined types.
    pub method: Option<ObjId>,
    /// For methods of an interface (reached directly or through embedded
    /// fields): the interface type and the method's index in its sorted
    /// method list.
    pub iface_method: Option<(TyId, u32)>,
    /// Whether a pointer is dereferenced along the path (including `x`
    /// itself being a pointer).
    pub indirect: bool,
    /// The type of the selector expression.
    pub ty: TyId,
}

/// One entry of a type's method set, for lowering's method tables.
#[derive(Clone, Debug)]
pub struct MethodSetEntry {
    pub name: String,
    pub method: ObjId,
    pub path: Vec<u32>,
    pub indirect: bool,
    pub pointer_receiver: bool,
}

/// The result of looking up a name in a type.
#[derive(Clone, Debug)]
pub enum Lookup {
    NotFound,
    /// Several candidates at the shallowest depth.
    Ambiguous,
    Field {
        path: Vec<u32>,
        ty: TyId,
        indirect: bool,
    },
    Method {
        path: Vec<u32>,
        obj: ObjId,
        /// The method's receiver is a pointer.
        ptr_recv: bool,
        /// The named type on which it is declared (for substituting type
        /// arguments of generic types).
        on: TyId,
        indirect: bool,
    },
    IfaceMethod {
        path: Vec<u32>,
        iface: TyId,
        index: u32,
        sig: TyId,
        indirect: bool,
    },
}

impl Checker<'_> {
    /// Looks up `name` (declared in package `pkg` if unexported) in `t`,
    /// following Go's rules for embedded fields. `t` may be a pointer to a
    /// defined type or struct.
    pub(super) fn lookup_field_or_method(
        &mut self,
        t: TyId,
        name: &str,
        pkg: Option<PkgId>,
    ) -> Lookup {
        lookup_in(&self.tcx, &self.objs, t, name, pkg)
    }

    /// The signature of method `m` as seen on the (possibly instantiated)
    /// named type `on`.
    pub(super) fn method_sig(&mut self, m: ObjId, on: TyId) -> TyId {
        let sig = self.objs.get(m).ty;
        let Some(n) = self.tcx.as_named(on) else {
            return sig;
        };
        let Some(info) = self.tcx.named_info(n).cloned() else {
            return sig;
        };
        let Some(origin) = info.origin else {
            return sig;
        };
        let tparams = self
            .tcx
            .named_info(origin)
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        let map = self.tparam_map(&tparams, &info.targs);
        self.subst(sig, &map)
    }

    /// Whether values of `t` can be compared with `==`.
    pub(super) fn comparable(&self, t: TyId) -> bool {
        comparable_type(&self.tcx, t, 0)
    }

    /// Why `v` does not implement interface `iface`, as gc's parenthesised
    /// cause (`(missing method M)`), or `None` if it does. `static_`:
    /// interfaces `v` must have all methods too.
    pub(super) fn missing_method_cause(
        &mut self,
        v: TyId,
        iface: TyId,
        static_: bool,
    ) -> Option<String> {
        let methods = self.tcx.iface(iface)?.methods.clone();
        if methods.is_empty() {
            return None;
        }
        // A type parameter has the methods of its constraint.
        let v_iface = match self.tcx.as_tparam(v) {
            Some(p) => self
                .tcx
                .tparam_info(p)
                .and_then(|i| self.tcx.iface(i.constraint))
                .cloned(),
            None => self.tcx.iface(v).cloned(),
        };
        if let Some(vi) = v_iface {
            for m in &methods {
                match vi
                    .methods
                    .iter()
                    .find(|x| x.name == m.name && x.pkg == m.pkg)
                {
                    None => {
                        if !static_ {
                            continue;
                        }
                        return Some(format!("(missing method {})", m.name));
                    }
                    Some(f) => {
                        if !self.tcx.identical(f.sig, m.sig) {
                            let fs = format!("{}{}", m.name, self.sig_string(f.sig));
                            let ms = format!("{}{}", m.name, self.sig_string(m.sig));
                            return Some(format!(
                                "(wrong type for method {})\n\t\thave {fs}\n\t\twant {ms}",
                                m.name
                            ));
                        }
                    }
                }
            }
            return None;
        }
        for m in &methods {
            match self.lookup_field_or_method(v, &m.name, m.pkg) {
                Lookup::Method {
                    obj,
                    ptr_recv,
                    on,
                    indirect,
                    ..
                } => {
                    let is_ptr = matches!(self.tcx.kind(v), TypeKind::Pointer(_));
                    if ptr_recv && !is_ptr && !indirect {
                        return Some(format!("(method {} has pointer receiver)", m.name));
                    }
                    let sig = self.method_sig(obj, on);
                    if !self.tcx.identical(sig, m.sig) {
                        let fs = format!("{}{}", m.name, self.sig_string(sig));
                        let ms = format!("{}{}", m.name, self.sig_string(m.sig));
                        if fs == ms {
                            return Some(format!("(wrong type for method {})", m.name));
                        }
                        return Some(format!(
                            "(wrong type for method {})\n\t\thave {fs}\n\t\twant {ms}",
                            m.name
                        ));
                    }
                }
                Lookup::IfaceMethod { sig, .. } => {
                    if !self.tcx.identical(sig, m.sig) {
                        let fs = format!("{}{}", m.name, self.sig_string(sig));
                        let ms = format!("{}{}", m.name, self.sig_string(m.sig));
                        return Some(format!(
                            "(wrong type for method {})\n\t\thave {fs}\n\t\twant {ms}",
                            m.name
                        ));
                    }
                }
                Lookup::Field { .. } => {
                    let vs = self.ts(v);
                    return Some(format!("({vs}.{} is a field, not a method)", m.name));
                }
                Lookup::Ambiguous => {
                    let vs = self.ts(v);
                    return Some(format!("(ambiguous selector {vs}.{})", m.name));
                }
                Lookup::NotFound => {
                    // A pointer receiver method on the pointed-to type?
                    if let Some(elem) = self.tcx.pointer_elem(v) {
                        if self.tcx.is_interface(elem) {
                            let vs = self.ts(v);
                            return Some(format!(
                                "(type {vs} is pointer to interface, not interface)"
                            ));
                        }
                    }
                    // Same name with different case?
                    let lower = m.name.to_lowercase();
                    let alt = self
                        .method_names(v)
                        .into_iter()
                        .find(|n| n.to_lowercase() == lower);
                    if let Some(alt_name) = alt {
                        if alt_name == m.name {
                            return Some(format!("(unexported method {})", m.name));
                        }
                        if let Lookup::Method { obj, on, .. } =
                            self.lookup_field_or_method(v, &alt_name, Some(self.pkg))
                        {
                            let sig = self.method_sig(obj, on);
                            let fs = format!("{alt_name}{}", self.sig_string(sig));
                            let ms = format!("{}{}", m.name, self.sig_string(m.sig));
                            return Some(format!(
                                "(missing method {})\n\t\thave {fs}\n\t\twant {ms}",
                                m.name
                            ));
                        }
                    }
                    return Some(format!("(missing method {})", m.name));
                }
            }
        }
        None
    }

    fn method_names(&self, t: TyId) -> Vec<String> {
        let base = self.tcx.pointer_elem(t).unwrap_or(t);
        let Some(n) = self.tcx.as_named(base) else {
            return Vec::new();
        };
        let Some(info) = self.tcx.named_info(n) else {
            return Vec::new();
        };
        info.methods
            .iter()
            .map(|m| self.objs.get(*m).name.clone())
            .collect()
    }

    /// `(int) string` for a func type (used after a method name).
    pub(super) fn sig_string(&self, sig: TyId) -> String {
        let s = super::typestring::TypeWriter::new(&self.tcx, &self.pkgs, Some(self.pkg))
            .without_param_names()
            .write(sig);
        s.strip_prefix("func").unwrap_or(&s).to_string()
    }

    /// Whether `v` implements interface `t` (also `comparable` and type
    /// sets, for constraints). `Err(cause)` in gc's words otherwise.
    pub(super) fn implements(&mut self, v: TyId, t: TyId, constraint: bool) -> Result<(), String> {
        let verb = if constraint { "satisfy" } else { "implement" };
        if self.tcx.is_invalid(v) || self.tcx.is_invalid(t) {
            return Ok(());
        }
        let Some(ti) = self.tcx.iface(t).cloned() else {
            let vs = self.ts(v);
            let ts = self.ts(t);
            return Err(format!(
                "{vs} does not {verb} {ts} ({ts} is not an interface)"
            ));
        };
        if ti.terms.as_ref().is_some_and(|ts| ts.is_empty()) {
            let ts = self.ts(t);
            return Err(format!("cannot {verb} {ts} (empty type set)"));
        }
        if let Some(cause) = self.missing_method_cause(v, t, true) {
            let vs = self.ts(v);
            let ts = self.ts(t);
            return Err(format!("{vs} does not {verb} {ts} {cause}"));
        }
        if ti.comparable && !self.comparable(v) {
            let vs = self.ts(v);
            return Err(format!("{vs} does not {verb} comparable"));
        }
        if let Some(terms) = &ti.terms {
            let ok = if let Some(vterms) = self.tcx.tparam_terms(v) {
                !vterms.is_empty() && vterms.iter().all(|&vt| self.in_terms(vt, terms))
            } else {
                self.in_terms(v, terms)
            };
            if !ok {
                let vs = self.ts(v);
                let ts = self.ts(t);
                if self.tcx.is_tparam(v) {
                    return Err(format!("{vs} does not {verb} {ts}"));
                }
                // `int` where `~int` would do: suggested.
                let alt = terms.iter().find(|x| {
                    !x.tilde
                        && self.tcx.identical(x.ty, self.tcx.under(x.ty))
                        && self.tcx.identical(self.tcx.under(v), x.ty)
                });
                if let Some(alt) = alt {
                    let als = self.ts(alt.ty);
                    return Err(format!(
                        "{vs} does not {verb} {ts} (possibly missing ~ for {als} in {ts})"
                    ));
                }
                return Err(format!(
                    "{vs} does not {verb} {ts} ({vs} missing in {})",
                    self.terms_string(terms)
                ));
            }
        }
        Ok(())
    }

    fn terms_string(&self, terms: &[super::ty::Term]) -> String {
        terms
            .iter()
            .map(|x| format!("{}{}", if x.tilde { "~" } else { "" }, self.ts(x.ty)))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn in_terms(&self, v: TyId, terms: &[super::ty::Term]) -> bool {
        terms.iter().any(|x| {
            if x.tilde {
                self.tcx.identical(self.tcx.under(v), x.ty)
            } else {
                self.tcx.identical(v, x.ty)
            }
        })
    }

    /// `None` if `t` satisfies constraint `c`; otherwise gc's message
    /// (`T does not satisfy C (cause)`, `cannot satisfy C (empty type
    /// set)`).
    pub(super) fn satisfies(&mut self, t: TyId, c: TyId) -> Option<String> {
        self.implements(t, c, true).err()
    }
}

fn comparable_type(tcx: &TypeCtx, t: TyId, depth: u32) -> bool {
    if depth > 64 {
        return true;
    }
    if let Some(p) = tcx.as_tparam(t) {
        let Some(info) = tcx.tparam_info(p) else {
            return false;
        };
        let Some(i) = tcx.iface(info.constraint) else {
            return false;
        };
        if i.comparable {
            return true;
        }
        return match &i.terms {
            Some(ts) => !ts.is_empty() && ts.iter().all(|x| comparable_type(tcx, x.ty, depth + 1)),
            None => false,
        };
    }
    match tcx.under_kind(t) {
        TypeKind::Basic(b) => *b != super::BasicKind::UntypedNil,
        TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Interface(_) => true,
        TypeKind::Struct(fs) => fs.iter().all(|f| comparable_type(tcx, f.ty, depth + 1)),
        TypeKind::Array(_, e) => comparable_type(tcx, *e, depth + 1),
        _ => false,
    }
}

/// Field/method lookup without the checker (also used by lowering).
pub(super) fn lookup_in(
    tcx: &TypeCtx,
    objs: &super::ObjTable,
    t: TyId,
    name: &str,
    pkg: Option<PkgId>,
) -> Lookup {
    if name == "_" {
        return Lookup::NotFound;
    }
    let exported = super::object::is_exported(name);
    let name_matches =
        |n: &str, p: Option<PkgId>| n == name && (exported || p == pkg || p.is_none());
    // A (non-defined) pointer type: look in its base type — unless that is
    // an interface or type parameter (whose pointers have no methods).
    let (start, start_indirect) = match tcx.kind(t) {
        TypeKind::Pointer(b) => {
            if matches!(tcx.under_kind(*b), TypeKind::Interface(_)) || tcx.is_tparam(*b) {
                return Lookup::NotFound;
            }
            (*b, true)
        }
        _ => (t, false),
    };
    // A defined pointer type: fields (not methods) of what it points to.
    if let (TypeKind::Named(_), TypeKind::Pointer(b)) = (tcx.kind(t), tcx.under_kind(t)) {
        let b = *b;
        if matches!(tcx.kind(b), TypeKind::Pointer(_)) {
            return Lookup::NotFound;
        }
        return match lookup_in(tcx, objs, b, name, pkg) {
            Lookup::Field { path, ty, .. } => Lookup::Field {
                path,
                ty,
                indirect: true,
            },
            Lookup::Ambiguous => Lookup::Ambiguous,
            _ => Lookup::NotFound,
        };
    }
    let mut current: Vec<(TyId, Vec<u32>, bool)> = vec![(start, Vec::new(), start_indirect)];
    let mut seen: Vec<TyId> = Vec::new();
    while !current.is_empty() {
        let mut next: Vec<(TyId, Vec<u32>, bool)> = Vec::new();
        let mut found: Option<Lookup> = None;
        let mut count = 0;
        // The same embedded type reached along several paths at this depth
        // is looked at once; a name found in it is ambiguous.
        let mut unique: Vec<(TyId, Vec<u32>, bool, bool)> = Vec::new();
        for (typ, path, indirect) in current {
            match unique.iter_mut().find(|u| tcx.canon(u.0) == tcx.canon(typ)) {
                Some(u) => u.3 = true,
                None => unique.push((typ, path, indirect, false)),
            }
        }
        for (typ, path, indirect, multiples) in unique {
            let before = count;
            if let Some(n) = tcx.as_named(typ) {
                if seen.contains(&tcx.canon(typ)) {
                    continue;
                }
                seen.push(tcx.canon(typ));
                if let Some(info) = tcx.named_info(n) {
                    for &m in &info.methods {
                        let o = objs.get(m);
                        let mpkg = if exported { None } else { o.pkg };
                        if name_matches(&o.name, mpkg) {
                            let ptr_recv = o
                                .recv
                                .is_some_and(|r| matches!(tcx.kind(r), TypeKind::Pointer(_)));
                            count += 1;
                            found = Some(Lookup::Method {
                                path: path.clone(),
                                obj: m,
                                ptr_recv,
                                on: typ,
                                indirect,
                            });
                        }
                    }
                }
            }
            match tcx.under_kind(typ) {
                TypeKind::Struct(fs) => {
                    for (i, f) in fs.iter().enumerate() {
                        if name_matches(&f.name, f.pkg) {
                            count += 1;
                            let mut p = path.clone();
                            p.push(i as u32);
                            found = Some(Lookup::Field {
                                path: p,
                                ty: f.ty,
                                indirect,
                            });
                        }
                        if f.embedded {
                            let (ft, ind) = match tcx.kind(f.ty) {
                                TypeKind::Pointer(b) => (*b, true),
                                _ => (f.ty, false),
                            };
                            let mut p = path.clone();
                            p.push(i as u32);
                            next.push((ft, p, indirect || ind));
                        }
                    }
                }
                TypeKind::Interface(iface) => {
                    if let Some(i) = iface
                        .methods
                        .iter()
                        .position(|m| name_matches(&m.name, m.pkg))
                    {
                        count += 1;
                        found = Some(Lookup::IfaceMethod {
                            path: path.clone(),
                            iface: typ,
                            index: i as u32,
                            sig: iface.methods[i].sig,
                            indirect,
                        });
                    }
                }
                _ => {}
            }
            if multiples && count > before {
                count += 1;
            }
        }
        if count > 1 {
            return Lookup::Ambiguous;
        }
        if let Some(f) = found {
            return f;
        }
        current = next;
    }
    Lookup::NotFound
}

/// The method set of `t` with paths (see [`Checker::method_set_of`]):
/// every method name reachable at its shallowest unambiguous depth.
pub(super) fn method_set(tcx: &TypeCtx, objs: &super::ObjTable, t: TyId) -> Vec<MethodSetEntry> {
    let mut names: Vec<String> = Vec::new();
    collect_method_names(tcx, objs, t, &mut names, 0, &mut Vec::new());
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for n in names {
        let pkg = None;
        let r = match lookup_in(tcx, objs, t, &n, pkg) {
            Lookup::NotFound => {
                // Unexported: look up with the declaring package.
                let p = objs_pkg_of_method(tcx, objs, t, &n);
                lookup_in(tcx, objs, t, &n, p)
            }
            r => r,
        };
        if let Lookup::Method {
            path,
            obj,
            ptr_recv,
            indirect,
            ..
        } = r
        {
            out.push(MethodSetEntry {
                name: n,
                method: obj,
                path,
                indirect,
                pointer_receiver: ptr_recv,
            });
        }
    }
    out
}

fn objs_pkg_of_method(tcx: &TypeCtx, objs: &super::ObjTable, t: TyId, name: &str) -> Option<PkgId> {
    let mut names = Vec::new();
    let mut pkgs = Vec::new();
    collect_method_names_pkgs(tcx, objs, t, &mut names, &mut pkgs, 0, &mut Vec::new());
    names
        .iter()
        .position(|n| n == name)
        .and_then(|i| pkgs.get(i).copied().flatten())
}

fn collect_method_names(
    tcx: &TypeCtx,
    objs: &super::ObjTable,
    t: TyId,
    out: &mut Vec<String>,
    depth: u32,
    seen: &mut Vec<TyId>,
) {
    let mut pkgs = Vec::new();
    collect_method_names_pkgs(tcx, objs, t, out, &mut pkgs, depth, seen);
}

fn collect_method_names_pkgs(
    tcx: &TypeCtx,
    objs: &super::ObjTable,
    t: TyId,
    out: &mut Vec<String>,
    pkgs: &mut Vec<Option<PkgId>>,
    depth: u32,
    seen: &mut Vec<TyId>,
) {
    if depth > 32 {
        return;
    }
    let base = match tcx.kind(t) {
        TypeKind::Pointer(b) => *b,
        _ => t,
    };
    if seen.contains(&tcx.canon(base)) {
        return;
    }
    seen.push(tcx.canon(base));
    if let Some(n) = tcx.as_named(base) {
        if let Some(info) = tcx.named_info(n) {
            for &m in &info.methods {
                let o = objs.get(m);
                out.push(o.name.clone());
                pkgs.push(o.pkg);
            }
        }
    }
    if let TypeKind::Struct(fs) = tcx.under_kind(base) {
        for f in fs {
            if f.embedded {
                collect_method_names_pkgs(tcx, objs, f.ty, out, pkgs, depth + 1, seen);
            }
        }
    }
}

/// Builds the substitution map of a generic named instance.
pub(super) fn instance_map(tcx: &TypeCtx, t: TyId) -> HashMap<super::TParamId, TyId> {
    let mut m = HashMap::new();
    if let Some(n) = tcx.as_named(t) {
        if let Some(info) = tcx.named_info(n) {
            if let Some(o) = info.origin.and_then(|o| tcx.named_info(o)) {
                for (p, a) in o.tparams.iter().zip(info.targs.iter()) {
                    if let Some(pid) = tcx.as_tparam(*p) {
                        m.insert(pid, *a);
                    }
                }
            }
        }
    }
    m
}
