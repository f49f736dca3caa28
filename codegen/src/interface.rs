//! Interfaces: conversion to and between interface types, type
//! assertions, dynamic types, and equality.
//!
//! An interface is `{tab, data}`: `tab` is the dynamic type's descriptor
//! for empty interfaces and an itab (whose second word is the descriptor)
//! for the others. Pointer-shaped values are the data word themselves;
//! other values are boxed. A value that is an LLVM constant is boxed in
//! read-only data instead of the heap (boxes are never written), so
//! `fmt.Println("x", 1)` allocates nothing for its arguments. Itabs for
//! static conversions are constants; dynamic ones come from `rgo_getitab`.

use frontend::ir::{Type, TypeId, ValueId};
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;

use crate::function::FnCx;
use crate::layout::pointer_shaped;
use crate::Result;

/// The value is a compile-time constant.
fn is_const(v: BasicValueEnum<'_>) -> bool {
    match v {
        BasicValueEnum::IntValue(x) => x.is_const(),
        BasicValueEnum::FloatValue(x) => x.is_const(),
        BasicValueEnum::PointerValue(x) => x.is_const(),
        BasicValueEnum::StructValue(x) => x.is_const(),
        BasicValueEnum::ArrayValue(x) => x.is_const(),
        _ => false,
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    pub(crate) fn is_empty_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(m) if m.is_empty())
    }

    /// `{tab, data}` of an interface value.
    pub(crate) fn iface_parts(
        &mut self,
        x: BasicValueEnum<'ctx>,
    ) -> Result<(PointerValue<'ctx>, PointerValue<'ctx>)> {
        let BasicValueEnum::StructValue(s) = x else {
            return Err(crate::ice!("expected an interface value, got {x:?}"));
        };
        let tab = self.b.build_extract_value(s, 0, "")?.into_pointer_value();
        let data = self.b.build_extract_value(s, 1, "")?.into_pointer_value();
        Ok((tab, data))
    }

    pub(crate) fn iface_value(
        &mut self,
        tab: PointerValue<'ctx>,
        data: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let p = self.g.ptr_type();
        let ty = self.g.cx.struct_type(&[p, p], false);
        let s = self.b.build_insert_value(ty.get_undef(), tab, 0, "")?;
        let s = self.b.build_insert_value(s, data, 1, "")?;
        Ok(s.into_struct_value().into())
    }

    /// The dynamic type descriptor (null for nil) of an interface of type
    /// `it` whose first word is `tab`.
    pub(crate) fn dyn_type(
        &mut self,
        it: TypeId,
        tab: PointerValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        if self.is_empty_iface(it) {
            return Ok(tab);
        }
        let start = self.cur_block()?;
        let load_bb = self.new_block("itab.type");
        let done = self.new_block("itab.done");
        let is_nil = self.b.build_is_null(tab, "")?;
        self.b.build_conditional_branch(is_nil, done, load_bb)?;
        self.b.position_at_end(load_bb);
        let q = self.gep_bytes(tab, 8)?;
        let typ = self.b.build_load(self.g.ptr_type(), q, "")?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let null = self.g.ptr_type().const_zero();
        Ok(self
            .phi(self.g.ptr_type(), &[(null, start), (typ, load_bb)])?
            .into_pointer_value())
    }

    pub(crate) fn type_desc_of(&mut self, v: ValueId) -> Result<PointerValue<'ctx>> {
        let it = self.ty(v)?;
        let x = self.val(v)?;
        let (tab, _) = self.iface_parts(x)?;
        self.dyn_type(it, tab)
    }

    /// The data word for a value of concrete type `t`.
    pub(crate) fn iface_word(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        if pointer_shaped(self.g.prog, t) {
            return self.word_of(t, x);
        }
        let l = self.g.layout(t)?;
        if !self.g.is_indirect(t)? && is_const(x) {
            return Ok(self
                .g
                .private_const("go.box", &x, l.align as u32)
                .as_pointer_value());
        }
        if let (Type::Int(_) | Type::Bool, BasicValueEnum::IntValue(i)) = (self.under(t), x) {
            return self.box_int(t, i);
        }
        let p = self.alloc(t)?;
        self.store(t, p, x)?;
        Ok(p)
    }

    /// Boxes an integer: values below 256 point into a constant table (as
    /// gc's `staticuint64s`; entry `v` holds `v`, so on little-endian x86
    /// it reads as `v` at any width), others are allocated.
    fn box_int(&mut self, t: TypeId, x: IntValue<'ctx>) -> Result<PointerValue<'ctx>> {
        let table = self.g.small_ints();
        let i64t = self.g.cx.i64_type();
        let v = self.b.build_int_z_extend_or_bit_cast(x, i64t, "")?;
        let entry = |cx: &mut Self| -> Result<PointerValue<'ctx>> {
            // SAFETY (of the LLVM call): an index below 256 into [256 x i64].
            Ok(unsafe { cx.b.build_in_bounds_gep(i64t, table, &[v], "")? })
        };
        if x.get_type().get_bit_width() <= 8 {
            return entry(self);
        }
        let start = self.cur_block()?;
        let alloc_bb = self.new_block("box.alloc");
        let done = self.new_block("box.done");
        let small =
            self.b
                .build_int_compare(IntPredicate::ULT, v, i64t.const_int(256, false), "")?;
        let static_p = entry(self)?;
        self.b.build_conditional_branch(small, done, alloc_bb)?;
        self.b.position_at_end(alloc_bb);
        let heap = self.alloc(t)?;
        self.store(t, heap, x.into())?;
        let alloc_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        Ok(self
            .phi(
                self.g.ptr_type(),
                &[(static_p.into(), start), (heap.into(), alloc_end)],
            )?
            .into_pointer_value())
    }

    /// The single pointer inside a pointer-shaped value.
    fn word_of(&mut self, t: TypeId, x: BasicValueEnum<'ctx>) -> Result<PointerValue<'ctx>> {
        match self.under(t).clone() {
            Type::Struct(fields) if fields.len() == 1 => {
                let inner = self.b.build_extract_value(x.into_struct_value(), 0, "")?;
                self.word_of(fields[0].ty, inner)
            }
            Type::Array(1, e) => {
                let inner = self.b.build_extract_value(x.into_array_value(), 0, "")?;
                self.word_of(e, inner)
            }
            _ => Ok(x.into_pointer_value()),
        }
    }

    /// The pointer-shaped value of type `t` whose pointer is `w`.
    fn value_of_word(&mut self, t: TypeId, w: PointerValue<'ctx>) -> Result<BasicValueEnum<'ctx>> {
        match self.under(t).clone() {
            Type::Struct(fields) if fields.len() == 1 => {
                let inner = self.value_of_word(fields[0].ty, w)?;
                let ty = self.g.mem_type(t)?.into_struct_type();
                Ok(self
                    .b
                    .build_insert_value(ty.get_undef(), inner, 0, "")?
                    .into_struct_value()
                    .into())
            }
            Type::Array(1, e) => {
                let inner = self.value_of_word(e, w)?;
                let ty = self.g.mem_type(t)?.into_array_type();
                Ok(self
                    .b
                    .build_insert_value(ty.get_undef(), inner, 0, "")?
                    .into_array_value()
                    .into())
            }
            _ => Ok(w.into()),
        }
    }

    /// The value of concrete type `t` held in data word `w`.
    pub(crate) fn unbox(
        &mut self,
        t: TypeId,
        w: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        if pointer_shaped(self.g.prog, t) {
            self.value_of_word(t, w)
        } else {
            // Boxes are immutable: indirect values may point into them.
            self.view(t, w)
        }
    }

    pub(crate) fn make_interface(
        &mut self,
        v: ValueId,
        it: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let t = self.ty(v)?;
        if self.is_iface(t) {
            return self.change_interface(v, it);
        }
        let x = self.val(v)?;
        let data = self.iface_word(t, x)?;
        let tab = if self.is_empty_iface(it) {
            self.g.typedesc(t)?
        } else {
            self.g.itab(t, it)?
        };
        self.iface_value(tab, data)
    }

    pub(crate) fn change_interface(
        &mut self,
        v: ValueId,
        to: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let from = self.ty(v)?;
        let x = self.val(v)?;
        if self.g.prog.underlying(from) == self.g.prog.underlying(to) {
            return Ok(x);
        }
        let (tab, data) = self.iface_parts(x)?;
        let typ = self.dyn_type(from, tab)?;
        if self.is_empty_iface(to) {
            return self.iface_value(typ, data);
        }
        // A nil interface stays nil; otherwise look the itab up.
        let start = self.cur_block()?;
        let get_bb = self.new_block("itab.get");
        let done = self.new_block("itab.got");
        let is_nil = self.b.build_is_null(typ, "")?;
        self.b.build_conditional_branch(is_nil, done, get_bb)?;
        self.b.position_at_end(get_bb);
        let inter = self.g.typedesc(to)?;
        let itab = self.call_rt_val(
            "rgo_getitab",
            &[inter.into(), typ.into(), self.i8c(0).into()],
        )?;
        let get_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let null = self.g.ptr_type().const_zero();
        let itab = self
            .phi(self.g.ptr_type(), &[(null, start), (itab, get_end)])?
            .into_pointer_value();
        self.iface_value(itab, data)
    }

    pub(crate) fn type_assert(
        &mut self,
        v: ValueId,
        asserted: TypeId,
        comma_ok: bool,
        dest: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let it = self.ty(v)?;
        let x = self.val(v)?;
        let (tab, data) = self.iface_parts(x)?;
        let have = self.dyn_type(it, tab)?;
        let null = self.g.ptr_type().const_zero().into_pointer_value();
        if self.is_iface(asserted) {
            let (result, ok) = if self.is_empty_iface(asserted) {
                let ok = self.b.build_is_not_null(have, "")?;
                if !comma_ok {
                    self.assert_fail_if_not(ok, have, asserted, it)?;
                }
                let d = self
                    .b
                    .build_select(ok, data, null, "")?
                    .into_pointer_value();
                (self.iface_value(have, d)?, ok)
            } else {
                let present = self.b.build_is_not_null(have, "")?;
                if !comma_ok {
                    self.assert_fail_if_not(present, have, asserted, it)?;
                }
                let start = self.cur_block()?;
                let get_bb = self.new_block("assert.itab");
                let done = self.new_block("assert.done");
                self.b.build_conditional_branch(present, get_bb, done)?;
                self.b.position_at_end(get_bb);
                let inter = self.g.typedesc(asserted)?;
                let can_fail = self.i8c(u64::from(comma_ok));
                let itab =
                    self.call_rt_val("rgo_getitab", &[inter.into(), have.into(), can_fail.into()])?;
                let get_end = self.cur_block()?;
                self.b.build_unconditional_branch(done)?;
                self.b.position_at_end(done);
                let itab = self
                    .phi(self.g.ptr_type(), &[(null.into(), start), (itab, get_end)])?
                    .into_pointer_value();
                let ok = self.b.build_is_not_null(itab, "")?;
                let d = self
                    .b
                    .build_select(ok, data, null, "")?
                    .into_pointer_value();
                (self.iface_value(itab, d)?, ok)
            };
            if !comma_ok {
                return Ok(result);
            }
            let okv = self.go_bool(ok)?;
            return self.make_tuple(dest, &[result, okv]);
        }
        // A concrete type: compare descriptors.
        let want = self.g.typedesc(asserted)?;
        let ok = self.b.build_int_compare(
            IntPredicate::EQ,
            self.b.build_ptr_to_int(have, self.g.cx.i64_type(), "")?,
            self.b.build_ptr_to_int(want, self.g.cx.i64_type(), "")?,
            "",
        )?;
        if !comma_ok {
            self.assert_fail_if_not(ok, have, asserted, it)?;
            return self.unbox(asserted, data);
        }
        let value = if pointer_shaped(self.g.prog, asserted) {
            let w = self
                .b
                .build_select(ok, data, null, "")?
                .into_pointer_value();
            self.value_of_word(asserted, w)?
        } else {
            self.load_or_zero(asserted, data, ok)?
        };
        let okv = self.go_bool(ok)?;
        self.make_tuple(dest, &[value, okv])
    }

    /// Panics `interface conversion: ...` unless `ok`.
    fn assert_fail_if_not(
        &mut self,
        ok: IntValue<'ctx>,
        have: PointerValue<'ctx>,
        want: TypeId,
        iface: TypeId,
    ) -> Result<()> {
        let fail = self.b.build_not(ok, "")?;
        let want = self.g.typedesc(want)?;
        let iface = self.g.typedesc(iface)?;
        self.panic_if(
            fail,
            "rgo_panic_typeassert",
            &[have.into(), want.into(), iface.into()],
        )
    }

    /// Interface equality: same dynamic type, and equal values (compared
    /// by the runtime, which panics on uncomparable types).
    pub(crate) fn iface_eq(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let (tx, dx) = self.iface_parts(x)?;
        let (ty_, dy) = self.iface_parts(y)?;
        let a = self.dyn_type(t, tx)?;
        let b = self.dyn_type(t, ty_)?;
        let i64t = self.g.cx.i64_type();
        let ai = self.b.build_ptr_to_int(a, i64t, "")?;
        let bi = self.b.build_ptr_to_int(b, i64t, "")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, ai, bi, "")?;
        let start = self.cur_block()?;
        let nonnil_bb = self.new_block("ifaceeq.type");
        let call_bb = self.new_block("ifaceeq.value");
        let done = self.new_block("ifaceeq.done");
        self.b.build_conditional_branch(same, nonnil_bb, done)?;
        self.b.position_at_end(nonnil_bb);
        let is_nil = self.b.build_is_null(a, "")?;
        self.b.build_conditional_branch(is_nil, done, call_bb)?;
        self.b.position_at_end(call_bb);
        let r = self
            .call_rt_val("rgo_efaceeq", &[a.into(), dx.into(), dy.into()])?
            .into_int_value();
        let r = self.cond_i1(r)?;
        let call_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let bool_t = self.g.cx.bool_type();
        Ok(self
            .phi(
                bool_t.into(),
                &[
                    (bool_t.const_zero().into(), start),
                    (bool_t.const_int(1, false).into(), nonnil_bb),
                    (r.into(), call_end),
                ],
            )?
            .into_int_value())
    }

    /// A fresh zeroed heap object of type `t`.
    pub(crate) fn alloc(&mut self, t: TypeId) -> Result<PointerValue<'ctx>> {
        let l = self.g.layout(t)?;
        let desc = if l.ptr_bytes == 0 {
            self.g.ptr_type().const_zero().into_pointer_value()
        } else {
            self.g.typedesc(t)?
        };
        let size = self.i64c(l.size);
        Ok(self
            .call_rt_val("rgo_alloc", &[size.into(), desc.into()])?
            .into_pointer_value())
    }
}
