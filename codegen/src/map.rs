//! Maps: every operation is a runtime call taking the map's type
//! descriptor, with keys and values passed by address (stack temporaries
//! that SROA removes again around the call).
//!
//! A lookup returns a pointer to the value or null; the zero value is
//! produced here on a miss, so the runtime needs no zero buffer.

use frontend::ir::{Type, TypeId, ValueId};
use inkwell::values::{BasicValueEnum, PointerValue};

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    fn map_types(&self, mt: TypeId) -> Result<(TypeId, TypeId)> {
        match self.under(mt) {
            Type::Map(k, v) => Ok((*k, *v)),
            _ => Err(ice!("{} is not a map type", self.g.prog.type_name(mt))),
        }
    }

    pub(crate) fn make_map(
        &mut self,
        mt: TypeId,
        hint: Option<ValueId>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let desc = self.g.typedesc(mt)?;
        let h = match hint {
            Some(h) => self.index_i64(h)?,
            None => self.i64c(0),
        };
        self.call_rt_val("rgo_makemap", &[desc.into(), h.into()])
    }

    /// The key, in memory until [`FnCx::end_spill`].
    fn key_ptr(&mut self, kt: TypeId, key: ValueId) -> Result<(PointerValue<'ctx>, bool)> {
        let k = self.val(key)?;
        self.spill_short(kt, k)
    }

    pub(crate) fn map_index(
        &mut self,
        map: ValueId,
        key: ValueId,
        comma_ok: bool,
        dest: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let mt = self.ty(map)?;
        let (kt, vt) = self.map_types(mt)?;
        let desc = self.g.typedesc(mt)?;
        let m = self.ptr(map)?;
        let kp = self.key_ptr(kt, key)?;
        let vp = self
            .call_rt_val("rgo_mapaccess", &[desc.into(), m.into(), kp.0.into()])?
            .into_pointer_value();
        self.end_spill(kp)?;
        let found = self.b.build_is_not_null(vp, "")?;
        let v = self.load_or_zero(vt, vp, found)?;
        if !comma_ok {
            return Ok(v);
        }
        let ok = self.go_bool(found)?;
        self.make_tuple(dest, &[v, ok])
    }

    /// `*p` if `present` (an `i1`), else the zero value of `t`.
    pub(crate) fn load_or_zero(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
        present: inkwell::values::IntValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let l = self.g.layout(t)?;
        if l.size == 0 {
            return self.zero(t);
        }
        let load_bb = self.new_block("load");
        let zero_bb = self.new_block("zero");
        let done = self.new_block("loaded");
        self.b.build_conditional_branch(present, load_bb, zero_bb)?;
        if self.g.is_indirect(t)? {
            // One temporary, filled on either path.
            let tmp = self.temp(t, "elem")?;
            self.b.position_at_end(load_bb);
            let n = self.i64c(l.size);
            self.b
                .build_memcpy(tmp, l.align as u32, p, l.align as u32, n)?;
            self.b.build_unconditional_branch(done)?;
            self.b.position_at_end(zero_bb);
            self.zero_into(t, tmp)?;
            self.b.build_unconditional_branch(done)?;
            self.b.position_at_end(done);
            return Ok(tmp.into());
        }
        self.b.position_at_end(load_bb);
        let v = self.load(t, p)?;
        let load_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(zero_bb);
        let z = self.zero(t)?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let ty = self.g.mem_type(t)?;
        self.phi(ty, &[(v, load_end), (z, zero_bb)])
    }

    pub(crate) fn map_store(&mut self, map: ValueId, key: ValueId, value: ValueId) -> Result<()> {
        let mt = self.ty(map)?;
        let (kt, vt) = self.map_types(mt)?;
        let desc = self.g.typedesc(mt)?;
        let m = self.ptr(map)?;
        let kp = self.key_ptr(kt, key)?;
        let slot = self
            .call_rt_val("rgo_mapassign", &[desc.into(), m.into(), kp.0.into()])?
            .into_pointer_value();
        self.end_spill(kp)?;
        let v = self.val(value)?;
        self.store(vt, slot, v)
    }

    pub(crate) fn map_delete(&mut self, map: ValueId, key: ValueId) -> Result<()> {
        let mt = self.ty(map)?;
        let (kt, _) = self.map_types(mt)?;
        let desc = self.g.typedesc(mt)?;
        let m = self.ptr(map)?;
        let kp = self.key_ptr(kt, key)?;
        self.call_rt("rgo_mapdelete", &[desc.into(), m.into(), kp.0.into()])?;
        self.end_spill(kp)
    }

    pub(crate) fn map_iter_start(&mut self, map: ValueId) -> Result<BasicValueEnum<'ctx>> {
        let mt = self.ty(map)?;
        let desc = self.g.typedesc(mt)?;
        let m = self.ptr(map)?;
        self.call_rt_val("rgo_mapiterinit", &[desc.into(), m.into()])
    }

    /// `(ok, key, value)`; zero key and value when done.
    pub(crate) fn map_iter_next(
        &mut self,
        it: ValueId,
        tt: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let (kt, vt) = match self.g.prog.ty(tt) {
            Type::Tuple(e) if e.len() == 3 => (e[1], e[2]),
            _ => return Err(ice!("MapIterNext must produce a (bool, K, V) tuple")),
        };
        let itp = self.ptr(it)?;
        let ok = self
            .call_rt_val("rgo_mapiternext", &[itp.into()])?
            .into_int_value();
        let more = self.cond_i1(ok)?;
        let yes = self.new_block("iter.entry");
        let no = self.new_block("iter.done");
        let done = self.new_block("iter.next");
        self.b.build_conditional_branch(more, yes, no)?;
        // An indirect tuple is one temporary written on both paths.
        let indirect = self.g.is_indirect(tt)?;
        let tmp = if indirect {
            Some(self.temp(tt, "iter")?)
        } else {
            None
        };
        self.b.position_at_end(yes);
        let kp = self
            .call_rt_val("rgo_mapiterkey", &[itp.into()])?
            .into_pointer_value();
        let k = self.load(kt, kp)?;
        let vp = self
            .call_rt_val("rgo_mapiterelem", &[itp.into()])?
            .into_pointer_value();
        let v = self.load(vt, vp)?;
        let t = self.i8c(1).into();
        let full = self.tuple_into(tt, tmp, &[t, k, v])?;
        let yes_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(no);
        let empty = match tmp {
            Some(tmp) => {
                self.zero_into(tt, tmp)?;
                tmp.into()
            }
            None => self.zero(tt)?,
        };
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        match tmp {
            Some(tmp) => Ok(tmp.into()),
            None => {
                let ty = self.g.mem_type(tt)?;
                self.phi(ty, &[(full, yes_end), (empty, no)])
            }
        }
    }

    /// Builds a tuple, into `tmp` when it is indirect.
    fn tuple_into(
        &mut self,
        tt: TypeId,
        tmp: Option<PointerValue<'ctx>>,
        members: &[BasicValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        let Some(tmp) = tmp else {
            return self.make_tuple(tt, members);
        };
        let elems = match self.g.prog.ty(tt) {
            Type::Tuple(e) => e.clone(),
            _ => return Err(ice!("tuple of a non-tuple type")),
        };
        let l = self.g.layout(tt)?;
        for (i, (e, x)) in elems.iter().zip(members).enumerate() {
            let q = self.gep_bytes(tmp, l.offsets[i])?;
            self.store(*e, q, *x)?;
        }
        Ok(tmp.into())
    }
}
