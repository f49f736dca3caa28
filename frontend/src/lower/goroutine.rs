//! `go f(args)`: the function value and the arguments are evaluated in
//! the current goroutine and packed into a closure (`outer.gowrapN`, whose
//! captures are those values, calling `f` with them); the runtime's
//! `rgo_go` starts a goroutine running it.

use std::collections::HashMap;

use super::func::FnLowerer;
use crate::ir::{Callee, InstrKind, Signature, Terminator, ValueId};
use crate::source::Span;
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::Mode;

/// How the wrapper makes the call: the captures hold the callee (for func
/// values and interfaces) and then the arguments.
enum Target {
    Direct(crate::ir::FuncId),
    Value,
    Interface(u32),
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// A `func()` value closing over `caps`: a new function
    /// `outer.kindN` whose body `body` lowers, given the captured values
    /// as its own (the wrappers of `defer` and `go`).
    pub(super) fn wrapper_closure(
        &mut self,
        kind: &str,
        span: Span,
        caps: Vec<ValueId>,
        body: impl FnOnce(&mut FnLowerer<'_, 'a>, Vec<ValueId>),
    ) -> ValueId {
        let cap_tys: Vec<_> = caps.iter().map(|v| self.b.value_type(*v)).collect();
        let name = self.wrapper_name(kind);
        let sig = Signature {
            params: Vec::new(),
            results: Vec::new(),
            variadic: false,
        };
        let id = self.lw.reserve(name.clone(), sig, span);
        {
            let mut f = FnLowerer::new(&mut *self.lw, name, span, HashMap::new());
            let vals: Vec<ValueId> = cap_tys
                .iter()
                .enumerate()
                .map(|(i, t)| f.b.val(InstrKind::Capture(i as u32), *t))
                .collect();
            body(&mut f, vals);
            f.b.terminate(Terminator::Return(Vec::new()));
            f.finish(id);
        }
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let ft = self.ty(fty);
        self.b.val(
            InstrKind::MakeClosure {
                func: id,
                captures: caps,
            },
            ft,
        )
    }

    /// The name of this function's next wrapper of `kind` (`deferwrap`,
    /// `gowrap`): `outer.kindN`, numbered from 1 per function and kind.
    fn wrapper_name(&mut self, kind: &str) -> String {
        let outer = self.name.clone();
        let n = self
            .lw
            .defer_counts
            .entry(format!("{outer}#{kind}"))
            .or_insert(0);
        *n += 1;
        format!("{outer}.{kind}{n}")
    }

    /// `go f(args)`.
    pub(super) fn go_stmt(&mut self, call: &'a Expr) {
        let e = call.unparen();
        let ExprKind::Call { func, args, .. } = &e.kind else {
            self.ice(e.pos(), "go of a non-call");
            return;
        };
        if let Some(Mode::Builtin(b)) = self.lw.ck.info.types.get(&func.id).map(|t| t.mode.clone())
        {
            let clo = self.builtin_thunk(e, b, args, "gowrap");
            let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
            let ft = self.ty(fty);
            let go = self.rt_extern("rgo_go", vec![ft], Vec::new());
            self.b.call(Callee::Direct(go), vec![clo], None);
            return;
        }
        let Some((callee, argv, ret)) = self.prepare_call(e) else {
            return;
        };
        let mut caps = Vec::new();
        let target = match callee {
            Callee::Direct(f) => Target::Direct(f),
            Callee::Value(v) => {
                caps.push(v);
                Target::Value
            }
            Callee::Interface { iface, index } => {
                caps.push(iface);
                Target::Interface(index)
            }
        };
        caps.extend(argv);
        self.set_span(e.pos());
        let clo = self.wrapper_closure("gowrap", e.pos(), caps, |f, vals| match target {
            Target::Direct(fid) => {
                f.b.call(Callee::Direct(fid), vals, ret);
            }
            Target::Value => {
                let (fv, rest) = vals.split_first().expect("func value captured");
                f.b.call(Callee::Value(*fv), rest.to_vec(), ret);
            }
            Target::Interface(index) => {
                let (iv, rest) = vals.split_first().expect("interface captured");
                f.b.call(Callee::Interface { iface: *iv, index }, rest.to_vec(), ret);
            }
        });
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let ft = self.ty(fty);
        let go = self.rt_extern("rgo_go", vec![ft], Vec::new());
        self.b.call(Callee::Direct(go), vec![clo], None);
    }
}
