//! Package initialisation order (the spec's rule): repeatedly initialise
//! the earliest variable in declaration order that does not depend on an
//! uninitialised variable, where dependencies go through the functions and
//! methods an initialiser refers to. Cycles are reported as gc does.

use std::collections::{HashMap, HashSet};

use super::object::{Initializer, ObjKind, PkgId};
use super::{Checker, DeclInfo, ObjId};

impl Checker<'_> {
    pub(super) fn compute_init_order(&mut self, pkg: PkgId, order: &[ObjId]) {
        // Variables and constants in declaration order.
        let vars: Vec<ObjId> = order
            .iter()
            .copied()
            .filter(|o| matches!(self.objs.get(*o).kind, ObjKind::Var(_) | ObjKind::Const(_)))
            .collect();
        let is_val = |ck: &Self, o: ObjId| {
            matches!(ck.objs.get(o).kind, ObjKind::Var(_) | ObjKind::Const(_))
        };
        // Transitive value dependencies through functions.
        let mut vdeps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut seen: HashSet<ObjId> = HashSet::new();
            let mut out: HashSet<ObjId> = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            while let Some(o) = stack.pop() {
                if !seen.insert(o) {
                    continue;
                }
                if is_val(self, o) {
                    out.insert(o);
                } else if let Some(ds) = self.deps.get(&o) {
                    stack.extend(ds.iter().copied());
                }
            }
            vdeps.insert(v, out);
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted_specs: HashSet<ObjId> = HashSet::new();
        let mut inits: Vec<Initializer> = Vec::new();
        let mut remaining: Vec<ObjId> = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining.iter().position(|v| {
                vdeps
                    .get(v)
                    .is_none_or(|ds| ds.iter().all(|d| done.contains(d) && d != v))
            });
            let Some(i) = pick else {
                // A cycle: report it for the earliest variable on one, then
                // carry on as if its variables were initialised.
                let mut reported = false;
                for &v in &remaining {
                    if let Some(path) = self.find_cycle(v) {
                        self.report_init_cycle(&path);
                        for o in &path {
                            done.insert(*o);
                        }
                        remaining.retain(|o| !path.contains(o));
                        reported = true;
                        break;
                    }
                }
                if !reported {
                    return;
                }
                continue;
            };
            let v = remaining.remove(i);
            done.insert(v);
            if !matches!(self.objs.get(v).kind, ObjKind::Var(_)) {
                continue;
            }
            if let Some(DeclInfo::Var {
                lhs,
                init: Some(init),
                ..
            }) = self.decls.get(&v)
            {
                let key = if lhs.is_empty() { v } else { lhs[0] };
                if emitted_specs.insert(key) {
                    let lhs_objs: Vec<Option<ObjId>> = if lhs.is_empty() {
                        vec![Some(v)]
                    } else {
                        lhs.iter()
                            .map(|o| {
                                if self.objs.get(*o).name == "_" {
                                    None
                                } else {
                                    Some(*o)
                                }
                            })
                            .collect()
                    };
                    let lhs_objs = if lhs.is_empty() && self.objs.get(v).name == "_" {
                        vec![None]
                    } else {
                        lhs_objs
                    };
                    inits.push(Initializer {
                        lhs: lhs_objs,
                        rhs: init.id,
                    });
                    // All variables of an n:1 declaration are initialised now.
                    for o in lhs {
                        done.insert(*o);
                    }
                    remaining.retain(|o| !lhs.contains(o));
                }
            }
        }
        if let Some(p) = self.pkgs.get_mut(pkg.0 as usize) {
            p.init_order = inits;
        }
    }

    /// A dependency path from `start` back to itself (through variables,
    /// constants and functions), if any.
    fn find_cycle(&self, start: ObjId) -> Option<Vec<ObjId>> {
        let mut path = vec![start];
        let mut seen: HashSet<ObjId> = HashSet::new();
        if self.dfs_cycle(start, start, &mut path, &mut seen) {
            return Some(path);
        }
        None
    }

    fn dfs_cycle(
        &self,
        start: ObjId,
        cur: ObjId,
        path: &mut Vec<ObjId>,
        seen: &mut HashSet<ObjId>,
    ) -> bool {
        let Some(ds) = self.deps.get(&cur) else {
            return false;
        };
        for &d in ds {
            if d == start {
                return true;
            }
            if !seen.insert(d) {
                continue;
            }
            path.push(d);
            if self.dfs_cycle(start, d, path, seen) {
                return true;
            }
            path.pop();
        }
        false
    }

    fn report_init_cycle(&mut self, path: &[ObjId]) {
        let first = path[0];
        let name = self.objs.get(first).name.clone();
        let span = self.objs.get(first).span;
        if path.len() == 1 {
            self.error(
                span,
                format!("initialization cycle: {name} refers to itself"),
            );
            return;
        }
        let mut msg = format!("initialization cycle for {name}");
        for i in 0..path.len() {
            let a = path[i];
            let b = path[(i + 1) % path.len()];
            let ao = self.objs.get(a);
            let p = self.pos_string(ao.span);
            msg.push_str(&format!(
                "\n\t{p}: {} refers to {}",
                ao.name,
                self.objs.get(b).name
            ));
        }
        self.error(span, msg);
    }
}
