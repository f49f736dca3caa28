//! Instruction dispatch, and the instructions about memory and aggregates:
//! constants, addresses, loads and stores, fields and elements, tuples.
//!
//! Also the small helpers every other lowering file uses: typed loads and
//! stores that respect the value representation ([`crate::layout`]), stack
//! temporaries, byte-offset GEPs, and `i1` ↔ Go `bool` (`i8`).

use frontend::ir::{BinOp, Const, Instr, InstrKind, Type, TypeId, ValueId};
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn lower_instr(&mut self, ins: &Instr) -> Result<()> {
        if let (InstrKind::Binary(BinOp::Concat, a, b), Some(d)) = (&ins.kind, ins.dest) {
            return self.lower_concat(d, *a, *b);
        }
        let dest_ty = match ins.dest {
            Some(d) => Some(self.ty(d)?),
            None => None,
        };
        let need = || dest_ty.ok_or_else(|| ice!("instruction without a destination"));
        let v: Option<BasicValueEnum<'ctx>> = match &ins.kind {
            InstrKind::Const(c) => Some(self.constant(need()?, c)?),
            InstrKind::LocalAddr(l) => Some(
                self.locals
                    .get(l.0 as usize)
                    .copied()
                    .ok_or_else(|| ice!("unknown local l{}", l.0))?
                    .into(),
            ),
            InstrKind::GlobalAddr(gl) => Some(
                self.g
                    .globals
                    .get(gl.0 as usize)
                    .ok_or_else(|| ice!("unknown global {}", gl.0))?
                    .as_pointer_value()
                    .into(),
            ),
            InstrKind::FuncValue(f) => Some(self.g.static_closure(*f)?.into()),
            InstrKind::New(t) => Some(self.alloc(*t)?.into()),
            InstrKind::Load(p) => {
                let p = self.ptr(*p)?;
                Some(self.load(need()?, p)?)
            }
            InstrKind::Store { addr, value } => {
                let p = self.ptr(*addr)?;
                let t = self.ty(*value)?;
                if let Type::Pointer(e) = self.under(self.ty(*addr)?) {
                    let e = *e;
                    if self.g.val_type(e)? != self.g.val_type(t)? {
                        return Err(ice!(
                            "store of a {} through a *{}",
                            self.g.prog.type_name(t),
                            self.g.prog.type_name(e)
                        ));
                    }
                }
                let x = self.val(*value)?;
                self.store(t, p, x)?;
                None
            }
            InstrKind::Binary(op, a, b) => Some(self.binary(*op, *a, *b)?),
            InstrKind::Unary(op, a) => Some(self.unary(*op, *a)?),
            InstrKind::Convert(v) => Some(self.convert(*v, need()?)?),
            InstrKind::FieldAddr { base, index } => Some(self.field_addr(*base, *index)?.into()),
            InstrKind::Field { base, index } => Some(self.field(*base, *index, need()?)?),
            InstrKind::IndexAddr { base, index } => {
                Some(self.index_addr(*base, *index, need()?)?.into())
            }
            InstrKind::Element { base, index } => Some(self.element(*base, *index, need()?)?),
            InstrKind::BoundsCheck { kind, x, y } => {
                self.bounds_check(*kind, *x, *y)?;
                None
            }
            InstrKind::NilCheck(p) => {
                self.nil_check(*p)?;
                None
            }
            InstrKind::DataPtr(v) => Some(self.data_ptr(*v)?),
            InstrKind::Len(v) => Some(self.len(*v)?.into()),
            InstrKind::Cap(v) => Some(self.cap(*v)?.into()),
            InstrKind::MakeSliceHeader { data, len, cap } => {
                Some(self.make_slice_header(*data, *len, *cap)?)
            }
            InstrKind::MakeStringHeader { data, len } => {
                Some(self.make_string_header(*data, *len)?)
            }
            InstrKind::MakeSlice { len, cap } => Some(self.make_slice(need()?, *len, *cap)?),
            InstrKind::Append { slice, elems } => Some(self.append(*slice, elems)?),
            InstrKind::AppendSlice { dst, src } => Some(self.append_slice(*dst, *src)?),
            InstrKind::Copy { dst, src } => Some(self.copy(*dst, *src)?.into()),
            InstrKind::MakeMap { hint } => Some(self.make_map(need()?, *hint)?),
            InstrKind::MapIndex { map, key, comma_ok } => {
                Some(self.map_index(*map, *key, *comma_ok, need()?)?)
            }
            InstrKind::MapStore { map, key, value } => {
                self.map_store(*map, *key, *value)?;
                None
            }
            InstrKind::MapDelete { map, key } => {
                self.map_delete(*map, *key)?;
                None
            }
            InstrKind::MapIterStart(m) => Some(self.map_iter_start(*m)?),
            InstrKind::MapIterNext(it) => Some(self.map_iter_next(*it, need()?)?),
            InstrKind::DecodeRune { string, index } => {
                Some(self.decode_rune(*string, *index, need()?)?)
            }
            InstrKind::MakeInterface(v) => Some(self.make_interface(*v, need()?)?),
            InstrKind::ChangeInterface(v) => Some(self.change_interface(*v, need()?)?),
            InstrKind::TypeAssert {
                value,
                asserted,
                comma_ok,
            } => Some(self.type_assert(*value, *asserted, *comma_ok, need()?)?),
            InstrKind::TypeDescOf(v) => Some(self.type_desc_of(*v)?.into()),
            InstrKind::TypeDesc(t) => Some(self.g.typedesc(*t)?.into()),
            InstrKind::Call { callee, args } => self.call(callee, args, dest_ty)?,
            InstrKind::Extract { tuple, index } => Some(self.extract(*tuple, *index)?),
            InstrKind::MakeClosure { func, captures } => {
                Some(self.make_closure(*func, captures)?.into())
            }
            InstrKind::Capture(i) => Some(self.capture(*i, need()?)?),
            InstrKind::Panic(v) => {
                self.panic(*v)?;
                None
            }
            InstrKind::Print { args, newline } => {
                self.print(args, *newline)?;
                None
            }
        };
        match (ins.dest, v) {
            (Some(d), Some(x)) => self.set(d, x),
            (None, _) => Ok(()),
            (Some(d), None) => Err(ice!("instruction defines {d} but produces no value")),
        }
    }

    // ---- constants ----

    pub(crate) fn constant(&mut self, t: TypeId, c: &Const) -> Result<BasicValueEnum<'ctx>> {
        let prog = self.g.prog;
        let u = prog.ty(prog.underlying(t)).clone();
        let cx = self.g.cx;
        Ok(match (c, &u) {
            (Const::Zero, _) => return self.zero(t),
            (Const::Int(i), Type::Int(k)) => crate::layout::int_type(cx, k.bits())
                .const_int(*i as u64, false)
                .into(),
            (Const::Int(i), Type::Float32) => cx.f32_type().const_float(*i as f64).into(),
            (Const::Int(i), Type::Float64) => cx.f64_type().const_float(*i as f64).into(),
            (Const::Float(x), Type::Float32) => cx.f32_type().const_float(*x as f32 as f64).into(),
            (Const::Float(x), Type::Float64) => cx.f64_type().const_float(*x).into(),
            (Const::Float(x), Type::Int(k)) if x.fract() == 0.0 => {
                crate::layout::int_type(cx, k.bits())
                    .const_int(*x as i128 as u64, false)
                    .into()
            }
            (Const::Bool(b), Type::Bool) => cx.i8_type().const_int(u64::from(*b), false).into(),
            (Const::String(s), Type::String) => self.g.const_string(s)?.into(),
            (Const::Int(_) | Const::Float(_) | Const::Complex(..), Type::Complex64) => {
                let (re, im) = complex_parts(c);
                let f = cx.f32_type();
                cx.const_struct(
                    &[
                        f.const_float(re as f32 as f64).into(),
                        f.const_float(im as f32 as f64).into(),
                    ],
                    false,
                )
                .into()
            }
            (Const::Int(_) | Const::Float(_) | Const::Complex(..), Type::Complex128) => {
                let (re, im) = complex_parts(c);
                let f = cx.f64_type();
                cx.const_struct(&[f.const_float(re).into(), f.const_float(im).into()], false)
                    .into()
            }
            (Const::Int(i), Type::Bool) => cx.i8_type().const_int(u64::from(*i != 0), false).into(),
            (Const::Int(i), Type::UnsafePointer | Type::Pointer(_)) => {
                let p = cx.ptr_type(inkwell::AddressSpace::default());
                cx.i64_type()
                    .const_int(*i as u64, false)
                    .const_to_pointer(p)
                    .into()
            }
            _ => return Err(ice!("constant {c:?} of type {}", self.g.prog.type_name(t))),
        })
    }

    /// The zero value of `t` in its representation.
    pub(crate) fn zero(&mut self, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        if self.g.is_indirect(t)? {
            let p = self.temp(t, "zero")?;
            self.zero_into(t, p)?;
            Ok(p.into())
        } else {
            Ok(self.g.mem_type(t)?.const_zero())
        }
    }

    /// Zeroes the memory of a `t` at `p`.
    pub(crate) fn zero_into(&mut self, t: TypeId, p: PointerValue<'ctx>) -> Result<()> {
        let l = self.g.layout(t)?;
        if l.size == 0 {
            return Ok(());
        }
        if self.g.is_indirect(t)? {
            let n = self.i64c(l.size);
            self.b
                .build_memset(p, l.align as u32, self.g.cx.i8_type().const_zero(), n)?;
        } else {
            let z = self.g.mem_type(t)?.const_zero();
            let st = self.b.build_store(p, z)?;
            st.set_alignment(l.align as u32)
                .map_err(|e| ice!("alignment: {e}"))?;
        }
        Ok(())
    }

    // ---- memory ----

    /// A stack slot for a `t` in the entry block (for mem2reg and SROA).
    pub(crate) fn temp(&mut self, t: TypeId, name: &str) -> Result<PointerValue<'ctx>> {
        let ty = self.g.mem_type(t)?;
        let align = self.g.align(t)?;
        self.temp_of(ty, align, name)
    }

    pub(crate) fn temp_of(
        &mut self,
        ty: BasicTypeEnum<'ctx>,
        align: u32,
        name: &str,
    ) -> Result<PointerValue<'ctx>> {
        match self.entry.get_first_instruction() {
            Some(first) => self.alloca_b.position_before(&first),
            None => self.alloca_b.position_at_end(self.entry),
        }
        let p = self.alloca_b.build_alloca(ty, name)?;
        if let Some(i) = p.as_instruction() {
            i.set_alignment(align.max(1))
                .map_err(|e| ice!("alignment: {e}"))?;
        }
        Ok(p)
    }

    /// Reads a `t` from memory: a load, or a copy into a temporary for
    /// indirect types (the value must not change when the memory does).
    pub(crate) fn load(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let l = self.g.layout(t)?;
        if self.g.is_indirect(t)? {
            let tmp = self.temp(t, "copy")?;
            let n = self.i64c(l.size);
            self.b
                .build_memcpy(tmp, l.align as u32, p, l.align as u32, n)?;
            return Ok(tmp.into());
        }
        let ty = self.g.mem_type(t)?;
        let v = self.b.build_load(ty, p, "")?;
        if let Some(i) = v.as_instruction_value() {
            i.set_alignment(l.align as u32)
                .map_err(|e| ice!("alignment: {e}"))?;
        }
        Ok(v)
    }

    /// Writes a value of type `t` to memory.
    pub(crate) fn store(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
        x: BasicValueEnum<'ctx>,
    ) -> Result<()> {
        let l = self.g.layout(t)?;
        if self.g.is_indirect(t)? {
            let src = as_ptr(x)?;
            let n = self.i64c(l.size);
            self.b
                .build_memcpy(p, l.align as u32, src, l.align as u32, n)?;
            return Ok(());
        }
        let st = self.b.build_store(p, x)?;
        st.set_alignment(l.align as u32)
            .map_err(|e| ice!("alignment: {e}"))?;
        Ok(())
    }

    /// A pointer to a `t` holding `x`: indirect values already are one.
    pub(crate) fn spill(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        if self.g.is_indirect(t)? {
            return as_ptr(x);
        }
        let p = self.temp(t, "spill")?;
        self.store(t, p, x)?;
        Ok(p)
    }

    /// Like [`Self::spill`], for a temporary needed only until
    /// [`Self::end_spill`] (call arguments passed by address): lifetime
    /// markers let LLVM share one stack slot among many such temporaries.
    pub(crate) fn spill_short(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
    ) -> Result<(PointerValue<'ctx>, bool)> {
        if self.g.is_indirect(t)? {
            return Ok((as_ptr(x)?, false));
        }
        let p = self.temp(t, "arg")?;
        self.lifetime("llvm.lifetime.start", p)?;
        self.store(t, p, x)?;
        Ok((p, true))
    }

    /// Ends a temporary from [`Self::spill_short`].
    pub(crate) fn end_spill(&mut self, (p, fresh): (PointerValue<'ctx>, bool)) -> Result<()> {
        if fresh {
            self.lifetime("llvm.lifetime.end", p)?;
        }
        Ok(())
    }

    fn lifetime(&mut self, which: &str, p: PointerValue<'ctx>) -> Result<()> {
        let ptr = self.g.ptr_type();
        let f = inkwell::intrinsics::Intrinsic::find(which)
            .and_then(|i| i.get_declaration(&self.g.module, &[ptr]))
            .ok_or_else(|| ice!("no intrinsic {which}"))?;
        self.b.build_direct_call(f, &[p.into()], "")?;
        Ok(())
    }

    /// `p + off` bytes.
    pub(crate) fn gep_bytes(
        &mut self,
        p: PointerValue<'ctx>,
        off: u64,
    ) -> Result<PointerValue<'ctx>> {
        if off == 0 {
            return Ok(p);
        }
        let i8t = self.g.cx.i8_type();
        let off = self.i64c(off);
        // SAFETY (of the LLVM call): a single index into a byte array.
        Ok(unsafe { self.b.build_in_bounds_gep(i8t, p, &[off], "")? })
    }

    /// `p + i * sizeof(t)`.
    pub(crate) fn gep_index(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
        i: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        let ty = self.g.mem_type(t)?;
        // SAFETY (of the LLVM call): one index over elements of `ty`.
        Ok(unsafe { self.b.build_in_bounds_gep(ty, p, &[i], "")? })
    }

    // ---- addresses and aggregates ----

    fn field_addr(&mut self, base: ValueId, index: u32) -> Result<PointerValue<'ctx>> {
        let pt = self.ty(base)?;
        let st = self.pointee(pt)?;
        let l = self.g.layout(st)?;
        let off = *l
            .offsets
            .get(index as usize)
            .ok_or_else(|| ice!("field {index} out of range"))?;
        let p = self.ptr(base)?;
        self.gep_bytes(p, off)
    }

    fn field(&mut self, base: ValueId, index: u32, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        let st = self.ty(base)?;
        let x = self.val(base)?;
        self.member(st, x, index, t)
    }

    /// Member `index` (of type `t`) of a struct or tuple value of type `st`.
    pub(crate) fn member(
        &mut self,
        st: TypeId,
        x: BasicValueEnum<'ctx>,
        index: u32,
        t: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        if self.g.is_indirect(st)? {
            let l = self.g.layout(st)?;
            let off = *l
                .offsets
                .get(index as usize)
                .ok_or_else(|| ice!("field {index} out of range"))?;
            let p = self.gep_bytes(as_ptr(x)?, off)?;
            return self.view(t, p);
        }
        let agg = match x {
            BasicValueEnum::StructValue(s) => s,
            other => return Err(ice!("field of a non-struct value {other:?}")),
        };
        Ok(self.b.build_extract_value(agg, index, "")?)
    }

    /// A value of type `t` stored in immutable memory at `p` (a part of an
    /// indirect value): direct values are loaded, indirect ones are `p`.
    pub(crate) fn view(
        &mut self,
        t: TypeId,
        p: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        if self.g.is_indirect(t)? {
            Ok(p.into())
        } else {
            self.load(t, p)
        }
    }

    pub(crate) fn extract(&mut self, tuple: ValueId, index: u32) -> Result<BasicValueEnum<'ctx>> {
        let tt = self.ty(tuple)?;
        let et = match self.g.prog.ty(tt) {
            Type::Tuple(elems) => *elems
                .get(index as usize)
                .ok_or_else(|| ice!("tuple index {index} out of range"))?,
            _ => return Err(ice!("extract from a non-tuple")),
        };
        let x = self.val(tuple)?;
        self.member(tt, x, index, et)
    }

    /// Builds a tuple (or struct) value of type `tt` from its members.
    pub(crate) fn make_tuple(
        &mut self,
        tt: TypeId,
        members: &[BasicValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        let elems = match self.g.prog.ty(tt) {
            Type::Tuple(e) => e.clone(),
            _ => return Err(ice!("tuple of a non-tuple type")),
        };
        if self.g.is_indirect(tt)? {
            let p = self.temp(tt, "tuple")?;
            let l = self.g.layout(tt)?;
            for (i, (e, x)) in elems.iter().zip(members).enumerate() {
                let q = self.gep_bytes(p, l.offsets[i])?;
                self.store(*e, q, *x)?;
            }
            return Ok(p.into());
        }
        let ty = self.g.mem_type(tt)?.into_struct_type();
        let mut agg = ty.get_undef();
        for (i, x) in members.iter().enumerate() {
            agg = self
                .b
                .build_insert_value(agg, *x, i as u32, "")?
                .into_struct_value();
        }
        Ok(agg.into())
    }

    fn index_addr(
        &mut self,
        base: ValueId,
        index: ValueId,
        t: TypeId,
    ) -> Result<PointerValue<'ctx>> {
        let bt = self.ty(base)?;
        let pointee = self.pointee(bt)?;
        let i = self.index_i64(index)?;
        let p = self.ptr(base)?;
        // The result type tells the two forms apart: `&a[i]` of a `*[N]T`
        // is a `*T`; pointer arithmetic keeps the base's type.
        let prog = self.g.prog;
        if self.g.prog.underlying(t) != self.g.prog.underlying(bt) {
            if let Type::Array(_, e) = prog.ty(prog.underlying(pointee)) {
                return self.gep_index(*e, p, i);
            }
        }
        self.gep_index(pointee, p, i)
    }

    fn element(
        &mut self,
        base: ValueId,
        index: ValueId,
        t: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let at = self.ty(base)?;
        let x = self.val(base)?;
        let i = self.index_i64(index)?;
        if self.g.is_indirect(at)? {
            let p = self.gep_index(t, as_ptr(x)?, i)?;
            return self.view(t, p);
        }
        if let Some(c) = i.get_zero_extended_constant() {
            if let BasicValueEnum::ArrayValue(a) = x {
                return Ok(self.b.build_extract_value(a, c as u32, "")?);
            }
        }
        // A dynamic index into a direct array: through memory.
        let p = self.spill(at, x)?;
        let q = self.gep_index(t, p, i)?;
        self.load(t, q)
    }

    /// An index operand as an `i64` (sign- or zero-extended by its type).
    pub(crate) fn index_i64(&mut self, v: ValueId) -> Result<IntValue<'ctx>> {
        let t = self.ty(v)?;
        let x = self.int(v)?;
        let signed = self.is_signed(t);
        self.ext_i64(x, signed)
    }

    pub(crate) fn ext_i64(&mut self, x: IntValue<'ctx>, signed: bool) -> Result<IntValue<'ctx>> {
        let i64t = self.g.cx.i64_type();
        let w = x.get_type().get_bit_width();
        Ok(if w == 64 {
            x
        } else if w > 64 {
            self.b.build_int_truncate(x, i64t, "")?
        } else if signed {
            self.b.build_int_s_extend(x, i64t, "")?
        } else {
            self.b.build_int_z_extend(x, i64t, "")?
        })
    }

    pub(crate) fn is_signed(&self, t: TypeId) -> bool {
        let prog = self.g.prog;
        matches!(prog.ty(prog.underlying(t)), Type::Int(k) if k.signed())
    }

    /// The element type of a pointer type.
    pub(crate) fn pointee(&self, pt: TypeId) -> Result<TypeId> {
        let prog = self.g.prog;
        match prog.ty(prog.underlying(pt)) {
            Type::Pointer(e) => Ok(*e),
            _ => Err(ice!("{} is not a pointer type", prog.type_name(pt))),
        }
    }

    /// The underlying [`Type`] of `t`.
    pub(crate) fn under(&self, t: TypeId) -> &Type {
        let prog = self.g.prog;
        prog.ty(prog.underlying(t))
    }

    // ---- small helpers ----

    pub(crate) fn i64c(&self, n: u64) -> IntValue<'ctx> {
        self.g.cx.i64_type().const_int(n, false)
    }

    pub(crate) fn i8c(&self, n: u64) -> IntValue<'ctx> {
        self.g.cx.i8_type().const_int(n, false)
    }

    /// A Go `bool` (`i8`) as an `i1`.
    pub(crate) fn cond_i1(&mut self, x: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        if x.get_type().get_bit_width() == 1 {
            return Ok(x);
        }
        let zero = x.get_type().const_zero();
        Ok(self.b.build_int_compare(IntPredicate::NE, x, zero, "")?)
    }

    /// An `i1` as a Go `bool` (`i8`).
    pub(crate) fn go_bool(&mut self, x: IntValue<'ctx>) -> Result<BasicValueEnum<'ctx>> {
        Ok(self
            .b
            .build_int_z_extend(x, self.g.cx.i8_type(), "")?
            .into())
    }

    /// A new block at the end of the function.
    pub(crate) fn new_block(&mut self, name: &str) -> inkwell::basic_block::BasicBlock<'ctx> {
        self.g.cx.append_basic_block(self.llfn, name)
    }

    /// The current block.
    pub(crate) fn cur_block(&self) -> Result<inkwell::basic_block::BasicBlock<'ctx>> {
        self.b
            .get_insert_block()
            .ok_or_else(|| ice!("builder has no position"))
    }

    /// A phi over `(value, block)` pairs.
    pub(crate) fn phi(
        &mut self,
        ty: BasicTypeEnum<'ctx>,
        incoming: &[(BasicValueEnum<'ctx>, inkwell::basic_block::BasicBlock<'ctx>)],
    ) -> Result<BasicValueEnum<'ctx>> {
        let phi = self.b.build_phi(ty, "")?;
        for (v, bb) in incoming {
            phi.add_incoming(&[(v as &dyn BasicValue<'ctx>, *bb)]);
        }
        Ok(phi.as_basic_value())
    }
}

/// A pointer value (the representation of an indirect value).
pub(crate) fn as_ptr(x: BasicValueEnum<'_>) -> Result<PointerValue<'_>> {
    match x {
        BasicValueEnum::PointerValue(p) => Ok(p),
        other => Err(ice!("expected a pointer, got {other:?}")),
    }
}

fn complex_parts(c: &Const) -> (f64, f64) {
    match c {
        Const::Int(i) => (*i as f64, 0.0),
        Const::Float(x) => (*x, 0.0),
        Const::Complex(re, im) => (*re, *im),
        _ => (0.0, 0.0),
    }
}
