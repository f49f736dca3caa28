//! Checks of `//go:embed`, `//go:linkname` and `//go:noescape` directives. gc makes them
//! once the package type-checks cleanly, in two rounds: where a directive
//! stands and what its file imports, then (only if that found nothing)
//! the type of an embedding variable.

use super::ty::{BasicKind, TypeKind};
use super::Checker;
use crate::loader::Package;
use crate::source::Span;
use crate::syntax::ast::{Decl, Directive, GenKind, Spec};

const EMBED_IMPORT: &str =
    "go:embed requires import \"embed\" (or import _ \"embed\", if package is not used)";

impl Checker<'_> {
    /// The first round: misplaced `//go:embed`, `//go:embed` on a variable
    /// it cannot fill, and either directive without the import it needs.
    pub(super) fn check_directives(&mut self, p: &Package) {
        for f in &p.files {
            let imports = |path: &str| f.imports.iter().any(|i| i.path == path);
            let (unsafe_ok, embed_ok) = (imports("unsafe"), imports("embed"));
            for d in &f.directives {
                if d.name() == "go:linkname" && !unsafe_ok {
                    self.error(
                        at(d),
                        "//go:linkname only allowed in Go files that import \"unsafe\"",
                    );
                }
            }
            let mut placed: Vec<Span> = Vec::new();
            for decl in &f.decls {
                match decl {
                    Decl::Gen(g) => {
                        for d in g.directives.iter().filter(|d| d.name() == "go:embed") {
                            placed.push(d.span);
                            // The spec the directive precedes.
                            let spec = g.specs.iter().find(|s| spec_lo(s) > d.span.lo);
                            let msg = match spec {
                                Some(Spec::Value(_)) if g.kind != GenKind::Var => {
                                    "misplaced go:embed directive"
                                }
                                Some(Spec::Type(_)) | None => "misplaced go:embed directive",
                                Some(Spec::Value(_)) if !embed_ok => EMBED_IMPORT,
                                Some(Spec::Value(vs)) if vs.names.len() > 1 => {
                                    "go:embed cannot apply to multiple vars"
                                }
                                Some(Spec::Value(vs)) if !vs.values.is_empty() => {
                                    "go:embed cannot apply to var with initializer"
                                }
                                Some(Spec::Value(vs)) if vs.ty.is_none() => {
                                    "go:embed cannot apply to var without type"
                                }
                                Some(Spec::Value(_)) => continue,
                            };
                            self.error(at(d), msg);
                        }
                    }
                    Decl::Func(fd) => {
                        if fd.body.is_some() && fd.has_directive("go:noescape") {
                            self.error(
                                fd.name.span,
                                "can only use //go:noescape with external func implementations",
                            );
                        }
                        for d in fd.directives.iter().filter(|d| d.name() == "go:embed") {
                            placed.push(d.span);
                            self.error(at(d), "misplaced go:embed directive");
                        }
                    }
                }
            }
            // The rest stand inside function bodies.
            for d in &f.directives {
                if d.name() != "go:embed" || placed.contains(&d.span) {
                    continue;
                }
                let msg = if !self.var_follows(d) {
                    "misplaced go:embed directive"
                } else if !embed_ok {
                    EMBED_IMPORT
                } else {
                    "go:embed cannot apply to var inside func"
                };
                self.error(at(d), msg);
            }
        }
    }

    /// The second round: an embedding variable must be a string, a byte
    /// slice or an `embed.FS`.
    pub(super) fn check_embed_types(&mut self, p: &Package) {
        for f in &p.files {
            for decl in &f.decls {
                let Decl::Gen(g) = decl else { continue };
                if g.kind != GenKind::Var {
                    continue;
                }
                for d in g.directives.iter().filter(|d| d.name() == "go:embed") {
                    let Some(Spec::Value(vs)) = g.specs.iter().find(|s| spec_lo(s) > d.span.lo)
                    else {
                        continue;
                    };
                    let Some(name) = vs.names.first() else {
                        continue;
                    };
                    let Some(&o) = self.info.defs.get(&name.id) else {
                        continue;
                    };
                    let t = self.objs.get(o).ty;
                    if self.tcx.is_invalid(t) || self.embeddable(t) {
                        continue;
                    }
                    let ts = self.ts(t);
                    self.error(
                        name.span,
                        format!("go:embed cannot apply to var of type {ts}"),
                    );
                }
            }
        }
    }

    fn embeddable(&self, t: super::TyId) -> bool {
        if let TypeKind::Named(n) = self.tcx.kind(t) {
            let fs = self.tcx.named_info(*n).is_some_and(|i| {
                i.name == "FS"
                    && i.pkg
                        .and_then(|p| self.pkgs.get(p.0 as usize))
                        .is_some_and(|p| p.path == "embed")
            });
            if fs {
                return true;
            }
        }
        match self.tcx.under_kind(t) {
            TypeKind::Basic(b) => b.canon() == BasicKind::String,
            TypeKind::Slice(e) => matches!(
                self.tcx.under_kind(*e),
                TypeKind::Basic(b) if b.canon() == BasicKind::Uint8
            ),
            _ => false,
        }
    }

    /// Whether a `var` declaration is the next thing after directive `d`.
    fn var_follows(&self, d: &Directive) -> bool {
        let text = &self.sources.file(d.span.file).text;
        let rest = text.get(d.span.hi as usize..).unwrap_or("");
        let mut rest = rest.trim_start();
        // Other comments may stand between.
        while rest.starts_with("//") {
            rest = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        }
        rest.strip_prefix("var")
            .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == '('))
    }
}

/// Where gc reports a directive: at its name, after the `//`.
fn at(d: &Directive) -> Span {
    Span::new(d.span.file, d.span.lo + 2, d.span.lo + 2)
}

fn spec_lo(s: &Spec) -> u32 {
    match s {
        Spec::Value(v) => v.span.lo,
        Spec::Type(t) => t.span.lo,
    }
}
