//! Channels: `make(chan T, n)`, send, receive (with comma-ok), `close`,
//! `for range ch`. Every operation is a call of a runtime entry point (see
//! `rt/ABI.md`, "Channels") with the flattened C ABI: elements travel
//! through the address of a stack slot.

use std::collections::HashMap;

use super::func::FnLowerer;
use crate::ir::{self, Callee, FuncId, InstrKind, Signature, Terminator, TypeId, ValueId};
use crate::source::Span;
use crate::syntax::ast::Expr;
use crate::types::{BasicKind, TyId, TypeKind};

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// A function bound to runtime symbol `sym` with this signature (one
    /// per symbol and signature: channel entry points take the channel and
    /// element pointers at their Go types).
    pub(super) fn rt_extern(
        &mut self,
        sym: &str,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
    ) -> FuncId {
        let sig = Signature {
            params,
            results,
            variadic: false,
        };
        let prefix = format!("rgo.{sym}.");
        for (i, f) in self.lw.prog.funcs.iter().enumerate() {
            if f.external.as_deref() == Some(sym) && f.sig == sig && f.name.starts_with(&prefix) {
                return FuncId(i as u32);
            }
        }
        let name = format!("{prefix}{}", self.lw.prog.funcs.len());
        let span = self.b.span;
        let id = self.lw.reserve(name, sig.clone(), span);
        let f = &mut self.lw.prog.funcs[id.0 as usize];
        f.values = sig.params.clone();
        f.params = (0..sig.params.len() as u32).map(ValueId).collect();
        f.external = Some(sym.to_string());
        id
    }

    /// The element type of channel type `t`.
    pub(super) fn chan_elem(&mut self, t: TyId) -> Option<TyId> {
        match self.under_kind(t) {
            TypeKind::Chan(_, elem) => Some(elem),
            _ => None,
        }
    }

    /// `make(chan T, size)`; `ct` is the channel type.
    pub(super) fn make_chan(&mut self, e: &'a Expr, ct: TyId, size: Option<&'a Expr>) -> ValueId {
        let it = self.ty(ct);
        let Some(elem) = self.chan_elem(ct) else {
            self.ice(e.pos(), "make(chan) of a non-channel type");
            return self.zero(it);
        };
        let n = match size {
            Some(s) => {
                let v = self.expr(s);
                self.int_index(v, s)
            }
            None => self.int(0),
        };
        let et = self.ty(elem);
        let up = self.basic(BasicKind::UnsafePointer);
        let int = self.int_ty();
        self.set_span(e.pos());
        let desc = self.b.val(InstrKind::TypeDesc(et), up);
        let f = self.rt_extern("rgo_makechan", vec![up, int], vec![it]);
        self.b
            .call(Callee::Direct(f), vec![desc, n], Some(it))
            .unwrap_or(ValueId(0))
    }

    /// A stack slot of the element type of channel type `ct`: (its address,
    /// the element's IR type, the element type).
    fn elem_slot(&mut self, ct: TyId) -> (ValueId, TypeId, TyId) {
        let elem = self
            .chan_elem(ct)
            .unwrap_or(crate::types::TypeCtx::basic(BasicKind::Int));
        let et = self.ty(elem);
        let pt = self.ptr_to(elem);
        let slot = self.temp("chanelem", et);
        let a = self.b.local_addr(slot, pt);
        (a, et, elem)
    }

    /// `ch <- value`.
    pub(super) fn chan_send(&mut self, ch: &'a Expr, value: &'a Expr, span: Span) {
        let ct = self.tyof(ch);
        let c = self.expr(ch);
        let (a, _, elem) = self.elem_slot(ct);
        let v = self.expr_to(value, elem);
        self.b.store(a, v);
        self.set_span(span);
        self.send_at(ct, c, a);
    }

    /// Sends the element at `a` on channel `c` of type `ct`.
    fn send_at(&mut self, ct: TyId, c: ValueId, a: ValueId) {
        let cit = self.ty(ct);
        let at = self.b.value_type(a);
        let f = self.rt_extern("rgo_chansend", vec![cit, at], Vec::new());
        self.b.call(Callee::Direct(f), vec![c, a], None);
    }

    /// Receives from channel `c` of type `ct` into the slot at `a`; the
    /// value is the comma-ok flag.
    pub(super) fn recv_into(&mut self, ct: TyId, c: ValueId, a: ValueId) -> ValueId {
        let cit = self.ty(ct);
        let at = self.b.value_type(a);
        let bt = self.bool_ty();
        let f = self.rt_extern("rgo_chanrecv", vec![cit, at], vec![bt]);
        self.b
            .call(Callee::Direct(f), vec![c, a], Some(bt))
            .unwrap_or(ValueId(0))
    }

    /// `<-x`; `e` is the receive expression (its type is a `(T, bool)`
    /// tuple in comma-ok assignments).
    pub(super) fn chan_recv(&mut self, e: &'a Expr, x: &'a Expr) -> ValueId {
        let ct = self.tyof(x);
        let c = self.expr(x);
        let t = self.tyof(e);
        if self.lw.ck.tcx.tuple_elems(t).is_some() {
            // A helper per channel type returns the (value, ok) tuple.
            let it = self.ty(t);
            let f = self.recv2_helper(ct, it);
            self.set_span(e.pos());
            return self
                .b
                .call(Callee::Direct(f), vec![c], Some(it))
                .unwrap_or(ValueId(0));
        }
        let (a, et, _) = self.elem_slot(ct);
        self.set_span(e.pos());
        self.recv_into(ct, c, a);
        self.b.load(a, et)
    }

    /// `func(c chan T) (T, bool)`: a comma-ok receive.
    fn recv2_helper(&mut self, ct: TyId, tuple: TypeId) -> FuncId {
        let cit = self.ty(ct);
        let elem = self
            .chan_elem(ct)
            .unwrap_or(crate::types::TypeCtx::basic(BasicKind::Int));
        let et = self.ty(elem);
        let bt = self.bool_ty();
        let name = format!("rgo.chanrecv2[{}]", self.lw.prog.type_name(cit));
        if let Some(i) = self.lw.prog.funcs.iter().position(|f| f.name == name) {
            return FuncId(i as u32);
        }
        let _ = tuple;
        let span = self.b.span;
        let sig = Signature {
            params: vec![cit],
            results: vec![et, bt],
            variadic: false,
        };
        let id = self.lw.reserve(name.clone(), sig, span);
        let mut f = FnLowerer::new(&mut *self.lw, name, span, HashMap::new());
        f.result_tys = vec![elem, crate::types::TypeCtx::basic(BasicKind::Bool)];
        let c = f.b.param(cit);
        let (a, et, _) = f.elem_slot(ct);
        let ok = f.recv_into(ct, c, a);
        let v = f.b.load(a, et);
        f.b.terminate(Terminator::Return(vec![v, ok]));
        f.finish(id);
        id
    }

    /// `close(ch)`.
    pub(super) fn chan_close(&mut self, e: &'a Expr, ch: &'a Expr) {
        let ct = self.tyof(ch);
        let cit = self.ty(ct);
        let c = self.expr(ch);
        self.set_span(e.pos());
        let f = self.rt_extern("rgo_closechan", vec![cit], Vec::new());
        self.b.call(Callee::Direct(f), vec![c], None);
    }

    /// The loop head of `for v := range ch`: receives into a fresh slot
    /// and branches to `body` (with the value) or `done` once the channel
    /// is closed and drained.
    pub(super) fn range_chan_head(
        &mut self,
        ct: TyId,
        c: ValueId,
        body: ir::BlockId,
        done: ir::BlockId,
    ) -> (ValueId, TyId) {
        let (a, et, elem) = self.elem_slot(ct);
        let ok = self.recv_into(ct, c, a);
        self.b.branch(ok, body, done);
        self.b.set_block(body);
        (self.b.load(a, et), elem)
    }
}
