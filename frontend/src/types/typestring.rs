//! Types printed as gc prints them in messages (`types2`'s type writer):
//! `[]int`, `map[string]*T`, `func(int) (string, error)`,
//! `struct{a int; b string}`, `interface{M()}`, `fmt.Stringer`.

use super::constant::quote_go;
use super::object::{PackageInfo, PkgId};
use super::ty::{ChanDir, Sig, TyId, TypeCtx, TypeKind};

pub struct TypeWriter<'t> {
    tcx: &'t TypeCtx,
    pkgs: &'t [PackageInfo],
    /// Names of this package are not qualified; `None` qualifies all.
    cur: Option<PkgId>,
    depth: u32,
    /// Print parameter names of signatures (gc omits them when printing
    /// a method's `have`/`want` forms).
    param_names: bool,
}

impl<'t> TypeWriter<'t> {
    pub fn new(tcx: &'t TypeCtx, pkgs: &'t [PackageInfo], cur: Option<PkgId>) -> TypeWriter<'t> {
        TypeWriter {
            tcx,
            pkgs,
            cur,
            depth: 0,
            param_names: true,
        }
    }

    /// Without parameter names in signatures.
    pub fn without_param_names(mut self) -> TypeWriter<'t> {
        self.param_names = false;
        self
    }

    pub fn write(&mut self, t: TyId) -> String {
        let mut s = String::new();
        self.typ(&mut s, t);
        s
    }

    fn qualifier(&self, pkg: Option<PkgId>) -> String {
        let Some(p) = pkg else {
            return String::new();
        };
        if Some(p) == self.cur {
            return String::new();
        }
        let Some(info) = self.pkgs.get(p.0 as usize) else {
            return String::new();
        };
        let same_name = self.pkgs.iter().filter(|q| q.name == info.name).count();
        if same_name > 1 {
            format!("{}.", quote_go(info.path.as_bytes()))
        } else {
            format!("{}.", info.name)
        }
    }

    fn typ(&mut self, s: &mut String, t: TyId) {
        self.depth += 1;
        if self.depth > 50 {
            s.push_str("...");
            self.depth -= 1;
            return;
        }
        let tcx = self.tcx;
        match tcx.kind(t) {
            TypeKind::Basic(b) => s.push_str(b.name()),
            TypeKind::Pointer(e) => {
                s.push('*');
                self.typ(s, *e);
            }
            TypeKind::Slice(e) => {
                s.push_str("[]");
                self.typ(s, *e);
            }
            TypeKind::Array(n, e) => {
                s.push_str(&format!("[{n}]"));
                self.typ(s, *e);
            }
            TypeKind::Map(k, v) => {
                s.push_str("map[");
                self.typ(s, *k);
                s.push(']');
                self.typ(s, *v);
            }
            TypeKind::Chan(d, e) => {
                let parens =
                    *d == ChanDir::Both && matches!(tcx.kind(*e), TypeKind::Chan(ChanDir::Recv, _));
                s.push_str(match d {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                if parens {
                    s.push('(');
                }
                self.typ(s, *e);
                if parens {
                    s.push(')');
                }
            }
            TypeKind::Struct(fs) => {
                s.push_str("struct{");
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.typ(s, f.ty);
                    if !f.tag.is_empty() {
                        s.push(' ');
                        s.push_str(&quote_go(f.tag.as_bytes()));
                    }
                }
                s.push('}');
            }
            TypeKind::Func(sig) => {
                s.push_str("func");
                let sig = sig.clone();
                self.signature(s, &sig);
            }
            TypeKind::Interface(i) => {
                if i.any && i.is_empty() {
                    s.push_str("any");
                } else if let (true, true, false, Some(terms)) =
                    (i.implicit, i.methods.is_empty(), i.comparable, &i.terms)
                {
                    let terms = terms.clone();
                    for (k, t) in terms.iter().enumerate() {
                        if k > 0 {
                            s.push_str(" | ");
                        }
                        if t.tilde {
                            s.push('~');
                        }
                        self.typ(s, t.ty);
                    }
                } else {
                    s.push_str("interface{");
                    let mut first = true;
                    if i.comparable {
                        s.push_str("comparable");
                        first = false;
                    }
                    for m in &i.methods {
                        if !first {
                            s.push_str("; ");
                        }
                        first = false;
                        s.push_str(&m.name);
                        if let TypeKind::Func(sig) = tcx.kind(m.sig) {
                            let sig = sig.clone();
                            self.signature(s, &sig);
                        }
                    }
                    if let Some(terms) = &i.terms {
                        if !first {
                            s.push_str("; ");
                        }
                        for (k, term) in terms.iter().enumerate() {
                            if k > 0 {
                                s.push_str(" | ");
                            }
                            if term.tilde {
                                s.push('~');
                            }
                            self.typ(s, term.ty);
                        }
                    }
                    s.push('}');
                }
            }
            TypeKind::Tuple(ts) => {
                s.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.typ(s, *t);
                }
                s.push(')');
            }
            TypeKind::Named(n) => match tcx.named_info(*n) {
                Some(info) => {
                    s.push_str(&self.qualifier(info.pkg));
                    s.push_str(&info.name);
                    if !info.targs.is_empty() {
                        s.push('[');
                        for (i, a) in info.targs.iter().enumerate() {
                            if i > 0 {
                                s.push_str(", ");
                            }
                            self.typ(s, *a);
                        }
                        s.push(']');
                    } else if !info.tparams.is_empty() {
                        s.push('[');
                        for (i, p) in info.tparams.iter().enumerate() {
                            if i > 0 {
                                s.push_str(", ");
                            }
                            self.typ(s, *p);
                            if let Some(pi) = tcx.as_tparam(*p).and_then(|p| tcx.tparam_info(p)) {
                                s.push(' ');
                                let c = pi.constraint;
                                self.typ(s, c);
                            }
                        }
                        s.push(']');
                    }
                }
                None => s.push_str("invalid type"),
            },
            TypeKind::TypeParam(p) => match tcx.tparam_info(*p) {
                Some(info) => s.push_str(&info.name),
                None => s.push_str("invalid type"),
            },
        }
        self.depth -= 1;
    }

    fn signature(&mut self, s: &mut String, sig: &Sig) {
        let named = self.param_names && sig.names.len() == sig.params.len() + sig.results.len();
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if let Some(n) = sig.names.get(i).filter(|n| named && !n.is_empty()) {
                s.push_str(n);
                s.push(' ');
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                match self.tcx.kind(*p) {
                    TypeKind::Slice(e) => {
                        let e = *e;
                        self.typ(s, e)
                    }
                    _ => self.typ(s, *p),
                }
            } else {
                self.typ(s, *p);
            }
        }
        s.push(')');
        let np = sig.params.len();
        match sig.results.len() {
            0 => {}
            1 if !named || sig.names.get(np).is_none_or(|n| n.is_empty()) => {
                s.push(' ');
                self.typ(s, sig.results[0]);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if let Some(n) = sig.names.get(np + i).filter(|n| named && !n.is_empty()) {
                        s.push_str(n);
                        s.push(' ');
                    }
                    self.typ(s, *r);
                }
                s.push(')');
            }
        }
    }
}
