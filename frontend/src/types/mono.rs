//! Instantiation cycles: a generic type or function that (directly or
//! through others) instantiates itself with ever larger type arguments,
//! such as `type T[P any] struct{ x *T[[]P] }`, cannot be compiled by
//! monomorphisation; gc rejects it with `instantiation cycle`.
//!
//! Every instantiation inside the package records, for each type parameter
//! instantiated, an edge from each type parameter its type argument
//! mentions: weight 0 when the argument is that type parameter itself,
//! 1 when it is a larger type built from it. A cycle of positive weight
//! is an instantiation cycle; it is found as gc does, with a longest-path
//! variant of Bellman-Ford.

use std::collections::HashMap;

use super::ty::{TParamId, TyId, TypeKind};
use super::Checker;
use crate::source::Span;

/// One "type parameter `dst` is instantiated with a type built from
/// `src`" fact.
#[derive(Clone, Debug)]
struct Edge {
    src: usize,
    dst: usize,
    weight: i64,
    /// Where the type argument is written (or the instantiation, when it
    /// was inferred).
    pos: Span,
    /// The type argument.
    targ: TyId,
}

#[derive(Clone, Debug, Default)]
struct Vertex {
    weight: i64,
    /// The edge by which the heaviest path reached this vertex.
    pre: usize,
    /// That path's length.
    len: usize,
}

/// The instantiation graph of the package being checked.
#[derive(Debug, Default)]
pub(super) struct MonoGraph {
    vertices: Vec<(TParamId, Vertex)>,
    index: HashMap<TParamId, usize>,
    edges: Vec<Edge>,
}

impl MonoGraph {
    fn vertex(&mut self, p: TParamId) -> usize {
        if let Some(&i) = self.index.get(&p) {
            return i;
        }
        let i = self.vertices.len();
        self.vertices.push((p, Vertex::default()));
        self.index.insert(p, i);
        i
    }
}

impl Checker<'_> {
    /// Records that the type parameters `tparams` of a generic type or
    /// function of this package are instantiated with `targs`; `pos(i)` is
    /// where the i-th argument is written.
    pub(super) fn record_mono(
        &mut self,
        tparams: &[TyId],
        targs: &[TyId],
        pos: &dyn Fn(usize) -> Span,
    ) {
        for (i, (&tp, &ta)) in tparams.iter().zip(targs.iter()).enumerate() {
            let Some(p) = self.tcx.as_tparam(tp) else {
                continue;
            };
            if !self.is_local_tparam(p) || !self.tcx.has_tparams(ta) {
                continue;
            }
            let mut found: Vec<TParamId> = Vec::new();
            self.tparams_in(ta, &mut found, 0);
            let dst = self.mono.vertex(p);
            for q in found {
                let src = self.mono.vertex(q);
                let weight = if self.tcx.as_tparam(ta) == Some(q) {
                    0
                } else {
                    1
                };
                self.mono.edges.push(Edge {
                    src,
                    dst,
                    weight,
                    pos: pos(i),
                    targ: ta,
                });
            }
        }
    }

    /// Whether type parameter `p` is declared in the package being checked.
    fn is_local_tparam(&self, p: TParamId) -> bool {
        self.tcx
            .tparam_info(p)
            .is_some_and(|i| self.objs.get(i.obj).pkg == Some(self.pkg))
    }

    /// The type parameters of this package that `t` mentions.
    fn tparams_in(&self, t: TyId, out: &mut Vec<TParamId>, depth: u32) {
        if depth > 32 || !self.tcx.has_tparams(t) {
            return;
        }
        let d = depth + 1;
        match self.tcx.kind(t) {
            TypeKind::TypeParam(p) => {
                if self.is_local_tparam(*p) && !out.contains(p) {
                    out.push(*p);
                }
            }
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array(_, e)
            | TypeKind::Chan(_, e) => self.tparams_in(*e, out, d),
            TypeKind::Map(k, v) => {
                self.tparams_in(*k, out, d);
                self.tparams_in(*v, out, d);
            }
            TypeKind::Func(s) => {
                for x in s.params.iter().chain(s.results.iter()) {
                    self.tparams_in(*x, out, d);
                }
            }
            TypeKind::Struct(fs) => {
                for f in fs {
                    self.tparams_in(f.ty, out, d);
                }
            }
            TypeKind::Interface(i) => {
                for m in &i.methods {
                    self.tparams_in(m.sig, out, d);
                }
            }
            TypeKind::Tuple(ts) => {
                for x in ts {
                    self.tparams_in(*x, out, d);
                }
            }
            TypeKind::Named(n) => {
                if let Some(info) = self.tcx.named_info(*n) {
                    for x in &info.targs {
                        self.tparams_in(*x, out, d);
                    }
                }
            }
            TypeKind::Basic(_) => {}
        }
    }

    /// Reports the first instantiation cycle of the package, if any.
    pub(super) fn check_instantiation_cycles(&mut self) {
        let n = self.mono.vertices.len();
        if n == 0 {
            return;
        }
        let mut again = true;
        while again {
            again = false;
            for i in 0..self.mono.edges.len() {
                let Some(e) = self.mono.edges.get(i).cloned() else {
                    break;
                };
                let (Some(src), Some(dst)) = (
                    self.mono.vertices.get(e.src).map(|v| v.1.clone()),
                    self.mono.vertices.get(e.dst).map(|v| v.1.clone()),
                ) else {
                    break;
                };
                // The heaviest paths (unlike the usual shortest ones).
                let w = src.weight + e.weight;
                if w <= dst.weight {
                    continue;
                }
                if let Some(v) = self.mono.vertices.get_mut(e.dst) {
                    v.1.pre = i;
                    v.1.len = src.len + 1;
                    v.1.weight = w;
                }
                if src.len + 1 >= n {
                    self.report_instance_loop(e.dst);
                    return;
                }
                again = true;
            }
        }
    }

    fn report_instance_loop(&mut self, mut v: usize) {
        // The path ends in a cycle, maybe after a tail: walk back until a
        // vertex repeats, then keep only the cycle.
        let mut stack: Vec<usize> = Vec::new();
        let mut seen = vec![false; self.mono.vertices.len()];
        while seen.get(v) == Some(&false) {
            stack.push(v);
            if let Some(s) = seen.get_mut(v) {
                *s = true;
            }
            let pre = self.mono.vertices.get(v).map_or(0, |x| x.1.pre);
            v = self.mono.edges.get(pre).map_or(v, |e| e.src);
        }
        while stack.first().is_some_and(|&x| x != v) {
            stack.remove(0);
        }
        let Some(&(p0, _)) = self.mono.vertices.get(v) else {
            return;
        };
        let Some(obj0) = self.tcx.tparam_info(p0).map(|i| i.obj) else {
            return;
        };
        let mut msg = String::from("instantiation cycle:");
        for &x in &stack {
            let pre = self.mono.vertices.get(x).map_or(0, |y| y.1.pre);
            let Some(e) = self.mono.edges.get(pre).cloned() else {
                continue;
            };
            let name = self
                .mono
                .vertices
                .get(e.dst)
                .and_then(|d| self.tcx.tparam_info(d.0))
                .map(|i| i.name.clone())
                .unwrap_or_default();
            let pos = self.pos_string(e.pos);
            let ts = self.ts(e.targ);
            msg.push_str(&format!("\n\t{pos}: {name} instantiated as {ts}"));
        }
        let span = self.objs.get(obj0).span;
        self.error(span, msg);
    }
}
