//! Strings: constants, headers, comparison, concatenation, conversions and
//! rune decoding.
//!
//! A string is `{ptr, i64}`. Constant bytes are private `unnamed_addr`
//! globals, one per distinct content. Equality is inline: lengths, then
//! `memcmp` (which LLVM expands inline for short constant strings);
//! ordering and concatenation call the runtime. Decoding a rune has an
//! inline ASCII fast path, so `for range s` over ASCII text makes no calls.

use frontend::ir::{Type, TypeId, ValueId};
use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue, StructValue};
use inkwell::IntPredicate;

use std::collections::{HashMap, HashSet};

use frontend::ir::{BinOp, Function, InstrKind};

use crate::function::FnCx;
use crate::module::Gen;
use crate::{ice, Result};

impl<'ctx> Gen<'ctx, '_> {
    /// The string value `{ptr, len}` of constant bytes.
    pub(crate) fn const_string(&mut self, s: &[u8]) -> Result<StructValue<'ctx>> {
        let ptr = self.string_bytes(s)?;
        let len = self.cx.i64_type().const_int(s.len() as u64, false);
        Ok(self.cx.const_struct(&[ptr.into(), len.into()], false))
    }

    /// A pointer to constant bytes (null for the empty string).
    pub(crate) fn string_bytes(&mut self, s: &[u8]) -> Result<PointerValue<'ctx>> {
        if s.is_empty() {
            return Ok(self
                .cx
                .ptr_type(inkwell::AddressSpace::default())
                .const_null());
        }
        if let Some(g) = self.strings.get(s) {
            return Ok(g.as_pointer_value());
        }
        let arr = self.cx.const_string(s, false);
        let g = self.private_const("go.str", &arr, 1);
        self.strings.insert(s.to_vec(), g);
        Ok(g.as_pointer_value())
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// `{ptr, len}` parts of a string (or slice) value.
    pub(crate) fn parts(
        &mut self,
        x: BasicValueEnum<'ctx>,
    ) -> Result<(PointerValue<'ctx>, IntValue<'ctx>)> {
        let s = match x {
            BasicValueEnum::StructValue(s) => s,
            other => return Err(ice!("expected a string or slice, got {other:?}")),
        };
        let p = self.b.build_extract_value(s, 0, "")?.into_pointer_value();
        let n = self.b.build_extract_value(s, 1, "")?.into_int_value();
        Ok((p, n))
    }

    /// A string value from its parts.
    pub(crate) fn string_value(
        &mut self,
        p: PointerValue<'ctx>,
        n: IntValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let ty = self
            .g
            .cx
            .struct_type(&[self.g.ptr_type(), self.g.cx.i64_type().into()], false);
        let s = self.b.build_insert_value(ty.get_undef(), p, 0, "")?;
        let s = self.b.build_insert_value(s, n, 1, "")?;
        Ok(s.as_basic_value_enum())
    }

    pub(crate) fn make_string_header(
        &mut self,
        data: ValueId,
        len: ValueId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let p = self.ptr(data)?;
        let n = self.index_i64(len)?;
        self.string_value(p, n)
    }

    /// `a == b` on strings, as an `i1`.
    pub(crate) fn string_eq(
        &mut self,
        a: BasicValueEnum<'ctx>,
        b: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let (pa, na) = self.parts(a)?;
        let (pb, nb) = self.parts(b)?;
        let same_len = self.b.build_int_compare(IntPredicate::EQ, na, nb, "")?;
        let start = self.cur_block()?;
        let cmp_bb = self.new_block("streq.cmp");
        let done = self.new_block("streq.done");
        // Equal lengths: compare bytes unless there are none (memcmp must
        // not see the null pointer of an empty string).
        let zero = self.i64c(0);
        let nonempty = self.b.build_int_compare(IntPredicate::NE, na, zero, "")?;
        let go_cmp = self.b.build_and(same_len, nonempty, "")?;
        self.b.build_conditional_branch(go_cmp, cmp_bb, done)?;
        self.b.position_at_end(cmp_bb);
        // Equal lengths: a constant one lets LLVM expand memcmp inline.
        let n = if nb.is_const() { nb } else { na };
        let r = self
            .call_rt_val("memcmp", &[pa.into(), pb.into(), n.into()])?
            .into_int_value();
        let eq = self
            .b
            .build_int_compare(IntPredicate::EQ, r, r.get_type().const_zero(), "")?;
        let cmp_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let phi = self.phi(
            self.g.cx.bool_type().into(),
            &[(same_len.into(), start), (eq.into(), cmp_end)],
        )?;
        Ok(phi.into_int_value())
    }

    /// Three-way comparison of strings (`rgo_cmpstring`), as an `i64`.
    pub(crate) fn string_cmp(
        &mut self,
        a: BasicValueEnum<'ctx>,
        b: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let (pa, na) = self.parts(a)?;
        let (pb, nb) = self.parts(b)?;
        Ok(self
            .call_rt_val(
                "rgo_cmpstring",
                &[pa.into(), na.into(), pb.into(), nb.into()],
            )?
            .into_int_value())
    }

    pub(crate) fn concat(
        &mut self,
        a: BasicValueEnum<'ctx>,
        b: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>> {
        let (pa, na) = self.parts(a)?;
        let (pb, nb) = self.parts(b)?;
        self.call_rt_val(
            "rgo_concatstring",
            &[pa.into(), na.into(), pb.into(), nb.into()],
        )
    }

    /// `d = a + b` on strings: chains `a + b + c + ...` become one
    /// `rgo_concatstrings` call (one allocation), as gc does.
    pub(crate) fn lower_concat(&mut self, d: ValueId, a: ValueId, b: ValueId) -> Result<()> {
        let mut parts = Vec::new();
        for x in [a, b] {
            match self.concat_parts.remove(&x) {
                Some(ps) => parts.extend(ps),
                None => parts.push(x),
            }
        }
        if self.fused_concats.contains(&d) {
            self.concat_parts.insert(d, parts);
            return Ok(());
        }
        let r = if parts.len() == 2 {
            let x = self.val(parts[0])?;
            let y = self.val(parts[1])?;
            self.concat(x, y)?
        } else {
            let st = self.g.go_string_type();
            let arr_ty = st.array_type(parts.len() as u32);
            let arr = self.temp_of(arr_ty.into(), 8, "concat")?;
            for (i, v) in parts.iter().enumerate() {
                let x = self.val(*v)?;
                let q = self.gep_bytes(arr, 16 * i as u64)?;
                self.b.build_store(q, x)?;
            }
            let n = self.i64c(parts.len() as u64);
            self.call_rt_val("rgo_concatstrings", &[arr.into(), n.into()])?
        };
        self.set(d, r)
    }

    /// `DecodeRune`: `(rune, next index)`, inline for ASCII.
    pub(crate) fn decode_rune(
        &mut self,
        s: ValueId,
        index: ValueId,
        tt: TypeId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let x = self.val(s)?;
        let (p, n) = self.parts(x)?;
        let i = self.index_i64(index)?;
        let (rune_t, next_t) = match self.g.prog.ty(tt) {
            Type::Tuple(e) if e.len() == 2 => (e[0], e[1]),
            _ => return Err(ice!("DecodeRune must produce a (rune, int) tuple")),
        };
        let rune_ty = self.g.mem_type(rune_t)?.into_int_type();
        let next_ty = self.g.mem_type(next_t)?.into_int_type();
        let start = self.cur_block()?;
        let load_bb = self.new_block("rune.load");
        let ascii_bb = self.new_block("rune.ascii");
        let slow_bb = self.new_block("rune.slow");
        let done = self.new_block("rune.done");
        let in_range = self.b.build_int_compare(IntPredicate::ULT, i, n, "")?;
        self.b
            .build_conditional_branch(in_range, load_bb, slow_bb)?;
        let _ = start;
        self.b.position_at_end(load_bb);
        let q = self.gep_bytes_dyn(p, i)?;
        let byte = self
            .b
            .build_load(self.g.cx.i8_type(), q, "")?
            .into_int_value();
        let is_ascii = self
            .b
            .build_int_compare(IntPredicate::ULT, byte, self.i8c(0x80), "")?;
        self.b
            .build_conditional_branch(is_ascii, ascii_bb, slow_bb)?;
        self.b.position_at_end(ascii_bb);
        let r_fast = self.b.build_int_z_extend(byte, rune_ty, "")?;
        let next_fast = self.b.build_int_add(i, self.i64c(1), "")?;
        let next_fast = self.b.build_int_cast(next_fast, next_ty, "")?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(slow_bb);
        let pair = self
            .call_rt_val("rgo_decoderune", &[p.into(), n.into(), i.into()])?
            .into_struct_value();
        let r_slow = self.b.build_extract_value(pair, 0, "")?.into_int_value();
        let r_slow = self.b.build_int_truncate_or_bit_cast(r_slow, rune_ty, "")?;
        let next_slow = self.b.build_extract_value(pair, 1, "")?.into_int_value();
        let next_slow = self.b.build_int_cast(next_slow, next_ty, "")?;
        let slow_end = self.cur_block()?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let r = self.phi(
            rune_ty.into(),
            &[(r_fast.into(), ascii_bb), (r_slow.into(), slow_end)],
        )?;
        let next = self.phi(
            next_ty.into(),
            &[(next_fast.into(), ascii_bb), (next_slow.into(), slow_end)],
        )?;
        self.make_tuple(tt, &[r, next])
    }

    /// `p + i` bytes for a run-time `i`.
    pub(crate) fn gep_bytes_dyn(
        &mut self,
        p: PointerValue<'ctx>,
        i: IntValue<'ctx>,
    ) -> Result<PointerValue<'ctx>> {
        let i8t = self.g.cx.i8_type();
        // SAFETY (of the LLVM call): one index over bytes.
        Ok(unsafe { self.b.build_in_bounds_gep(i8t, p, &[i], "")? })
    }
}

/// Concatenations whose result is used exactly once, by a concatenation
/// later in the same block: those are folded into that one.
pub(crate) fn fusable_concats(func: &Function) -> HashSet<ValueId> {
    let mut uses: HashMap<ValueId, usize> = HashMap::new();
    for b in &func.blocks {
        for ins in &b.instrs {
            for v in crate::function::operands(&ins.kind) {
                *uses.entry(v).or_default() += 1;
            }
        }
        for v in crate::function::term_operands(&b.term) {
            *uses.entry(v).or_default() += 1;
        }
    }
    let mut fused = HashSet::new();
    for b in &func.blocks {
        let mut concats = HashSet::new();
        for ins in &b.instrs {
            if let InstrKind::Binary(BinOp::Concat, x, y) = &ins.kind {
                for v in [x, y] {
                    if concats.contains(v) && uses.get(v) == Some(&1) {
                        fused.insert(*v);
                    }
                }
                if let Some(d) = ins.dest {
                    concats.insert(d);
                }
            }
        }
    }
    fused
}
