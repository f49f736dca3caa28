//! Slices: headers, `len`/`cap` (of slices, strings, maps and chans),
//! `make`, `append` and `copy`.
//!
//! A slice is `{ptr, i64 len, i64 cap}`. `append` stays inline while the
//! capacity suffices and calls `rgo_growslice` (gc's growth policy) only
//! when it does not; the elements are then stored (or, for `append(s,
//! t...)`, `memmove`d) after the old length.

use frontend::ir::{Type, TypeId, ValueId};
use inkwell::values::{BasicValueEnum, IntValue, PointerValue, StructValue};
use inkwell::IntPredicate;

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// The element type of a slice type.
    pub(crate) fn slice_elem(&self, t: TypeId) -> Result<TypeId> {
        match self.under(t) {
            Type::Slice(e) => Ok(*e),
            _ => Err(ice!("{} is not a slice type", self.g.prog.type_name(t))),
        }
    }

    pub(crate) fn slice_value(
        &mut self,
        p: PointerValue<'ctx>,
        len: IntValue<'ctx>,
        cap: IntValue<'ctx>,
    ) -> Result<StructValue<'ctx>> {
        let i64t = self.g.cx.i64_type();
        let ty = self
            .g
            .cx
            .struct_type(&[self.g.ptr_type(), i64t.into(), i64t.into()], false);
        let s = self.b.build_insert_value(ty.get_undef(), p, 0, "")?;
        let s = self.b.build_insert_value(s, len, 1, "")?;
        let s = self.b.build_insert_value(s, cap, 2, "")?;
        Ok(s.into_struct_value())
    }

    pub(crate) fn make_slice_header(
        &mut self,
        data: ValueId,
        len: ValueId,
        cap: ValueId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let p = self.ptr(data)?;
        let l = self.index_i64(len)?;
        let c = self.index_i64(cap)?;
        Ok(self.slice_value(p, l, c)?.into())
    }

    pub(crate) fn data_ptr(&mut self, v: ValueId) -> Result<BasicValueEnum<'ctx>> {
        let x = self.val(v)?;
        Ok(self.parts(x)?.0.into())
    }

    pub(crate) fn len(&mut self, v: ValueId) -> Result<IntValue<'ctx>> {
        let t = self.ty(v)?;
        match self.under(t).clone() {
            Type::String | Type::Slice(_) => {
                let x = self.val(v)?.into_struct_value();
                Ok(self.b.build_extract_value(x, 1, "")?.into_int_value())
            }
            Type::Map(..) => {
                let m = self.ptr(v)?;
                Ok(self
                    .call_rt_val("rgo_maplen", &[m.into()])?
                    .into_int_value())
            }
            Type::Chan(..) => {
                let c = self.ptr(v)?;
                Ok(self
                    .call_rt_val("rgo_chanlen", &[c.into()])?
                    .into_int_value())
            }
            Type::Array(n, _) => Ok(self.i64c(n)),
            Type::Pointer(a) => match self.under(a) {
                Type::Array(n, _) => Ok(self.i64c(*n)),
                _ => Err(ice!("len of {}", self.g.prog.type_name(t))),
            },
            _ => Err(ice!("len of {}", self.g.prog.type_name(t))),
        }
    }

    pub(crate) fn cap(&mut self, v: ValueId) -> Result<IntValue<'ctx>> {
        let t = self.ty(v)?;
        match self.under(t).clone() {
            Type::Slice(_) => {
                let x = self.val(v)?.into_struct_value();
                Ok(self.b.build_extract_value(x, 2, "")?.into_int_value())
            }
            Type::Chan(..) => {
                let c = self.ptr(v)?;
                Ok(self
                    .call_rt_val("rgo_chancap", &[c.into()])?
                    .into_int_value())
            }
            Type::Array(n, _) => Ok(self.i64c(n)),
            Type::Pointer(a) => match self.under(a) {
                Type::Array(n, _) => Ok(self.i64c(*n)),
                _ => Err(ice!("cap of {}", self.g.prog.type_name(t))),
            },
            _ => Err(ice!("cap of {}", self.g.prog.type_name(t))),
        }
    }

    /// `make([]T, len, cap)`.
    pub(crate) fn make_slice(
        &mut self,
        t: TypeId,
        len: ValueId,
        cap: ValueId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let e = self.slice_elem(t)?;
        let l = self.make_arg(len)?;
        let c = self.make_arg(cap)?;
        let desc = self.g.typedesc(e)?;
        let p = self
            .call_rt_val("rgo_makeslice", &[desc.into(), l.into(), c.into()])?
            .into_pointer_value();
        Ok(self.slice_value(p, l, c)?.into())
    }

    /// A `make` size argument as an `int`: an unsigned value above MaxInt
    /// becomes negative, which the runtime rejects as out of range.
    fn make_arg(&mut self, v: ValueId) -> Result<IntValue<'ctx>> {
        let t = self.ty(v)?;
        let x = self.int(v)?;
        let signed = self.is_signed(t);
        if !signed && x.get_type().get_bit_width() == 64 {
            return Ok(x);
        }
        self.ext_i64(x, signed)
    }

    /// Makes room for `extra` more elements: the slice (pointer, new
    /// length, capacity) after growing it if needed, and the old length.
    fn grow(
        &mut self,
        st: TypeId,
        s: BasicValueEnum<'ctx>,
        extra: IntValue<'ctx>,
    ) -> Result<(
        PointerValue<'ctx>,
        IntValue<'ctx>,
        IntValue<'ctx>,
        IntValue<'ctx>,
    )> {
        let e = self.slice_elem(st)?;
        let sv = s.into_struct_value();
        let p = self.b.build_extract_value(sv, 0, "")?.into_pointer_value();
        let len = self.b.build_extract_value(sv, 1, "")?.into_int_value();
        let cap = self.b.build_extract_value(sv, 2, "")?.into_int_value();
        let newlen = self.b.build_int_add(len, extra, "")?;
        let full = self
            .b
            .build_int_compare(IntPredicate::UGT, newlen, cap, "")?;
        let start = self.cur_block()?;
        let grow_bb = self.new_block("append.grow");
        let done = self.new_block("append.done");
        self.b.build_conditional_branch(full, grow_bb, done)?;
        self.b.position_at_end(grow_bb);
        let desc = self.g.typedesc(e)?;
        let out = self.temp(st, "grown")?;
        self.call_rt(
            "rgo_growslice",
            &[
                out.into(),
                desc.into(),
                p.into(),
                len.into(),
                cap.into(),
                extra.into(),
            ],
        )?;
        let grown = self.load(st, out)?.into_struct_value();
        let gp = self.b.build_extract_value(grown, 0, "")?;
        let gcap = self.b.build_extract_value(grown, 2, "")?;
        let grow_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let p = self
            .phi(self.g.ptr_type(), &[(p.into(), start), (gp, grow_end)])?
            .into_pointer_value();
        let cap = self
            .phi(
                self.g.cx.i64_type().into(),
                &[(cap.into(), start), (gcap, grow_end)],
            )?
            .into_int_value();
        Ok((p, newlen, cap, len))
    }

    /// `append(s, elems...)` with the elements listed.
    pub(crate) fn append(
        &mut self,
        slice: ValueId,
        elems: &[ValueId],
    ) -> Result<BasicValueEnum<'ctx>> {
        let st = self.ty(slice)?;
        let e = self.slice_elem(st)?;
        let s = self.val(slice)?;
        if elems.is_empty() {
            return Ok(s);
        }
        let extra = self.i64c(elems.len() as u64);
        let (p, newlen, cap, old) = self.grow(st, s, extra)?;
        for (i, x) in elems.iter().enumerate() {
            let idx = self.b.build_int_add(old, self.i64c(i as u64), "")?;
            let q = self.gep_index(e, p, idx)?;
            let xv = self.val(*x)?;
            self.store(e, q, xv)?;
        }
        Ok(self.slice_value(p, newlen, cap)?.into())
    }

    /// `append(dst, src...)`; `src` may be a string for `[]byte`.
    pub(crate) fn append_slice(
        &mut self,
        dst: ValueId,
        src: ValueId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let st = self.ty(dst)?;
        let e = self.slice_elem(st)?;
        let size = self.g.layout(e)?.size;
        let align = self.g.align(e)?;
        let s = self.val(dst)?;
        let x = self.val(src)?;
        let (sp, n) = self.parts(x)?;
        let (p, newlen, cap, old) = self.grow(st, s, n)?;
        let q = self.gep_index(e, p, old)?;
        let bytes = self.b.build_int_mul(n, self.i64c(size), "")?;
        self.b.build_memmove(q, align, sp, align, bytes)?;
        Ok(self.slice_value(p, newlen, cap)?.into())
    }

    /// `copy(dst, src)`: the number of elements copied.
    pub(crate) fn copy(&mut self, dst: ValueId, src: ValueId) -> Result<IntValue<'ctx>> {
        let st = self.ty(dst)?;
        let e = self.slice_elem(st)?;
        let size = self.g.layout(e)?.size;
        let align = self.g.align(e)?;
        let d = self.val(dst)?;
        let s = self.val(src)?;
        let (dp, dn) = self.parts(d)?;
        let (sp, sn) = self.parts(s)?;
        let less = self.b.build_int_compare(IntPredicate::SLT, dn, sn, "")?;
        let n = self.b.build_select(less, dn, sn, "")?.into_int_value();
        let bytes = self.b.build_int_mul(n, self.i64c(size), "")?;
        self.b.build_memmove(dp, align, sp, align, bytes)?;
        Ok(n)
    }
}
