//! Comparison operators over every comparable type.
//!
//! Numbers compare as LLVM does without fast-math (`!=` is unordered, so
//! NaN != NaN); strings compare inline for equality and through the
//! runtime for ordering; interfaces compare dynamic types, then values
//! through `rgo_efaceeq` (which panics on uncomparable dynamic types);
//! structs and small arrays compare member by member, larger arrays through
//! the runtime's generic `rgo_typeequal`. Where an interface inside may
//! panic, members compare in order and stop at the first difference, as
//! gc's do.

use frontend::ir::{BinOp, Type, TypeId};
use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValueEnum, IntValue};
use inkwell::{FloatPredicate, IntPredicate};

use crate::function::FnCx;
use crate::{ice, Result};

/// Arrays longer than this compare through the runtime.
const UNROLL_MAX: u64 = 16;

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// `x op y` for values of type `t`, as an `i1`.
    pub(crate) fn compare(
        &mut self,
        op: BinOp,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let u = self.under(t).clone();
        match u {
            Type::Int(k) => {
                let pred = match (op, k.signed()) {
                    (BinOp::Eq, _) => IntPredicate::EQ,
                    (BinOp::Ne, _) => IntPredicate::NE,
                    (BinOp::Lt, true) => IntPredicate::SLT,
                    (BinOp::Le, true) => IntPredicate::SLE,
                    (BinOp::Gt, true) => IntPredicate::SGT,
                    (BinOp::Ge, true) => IntPredicate::SGE,
                    (BinOp::Lt, false) => IntPredicate::ULT,
                    (BinOp::Le, false) => IntPredicate::ULE,
                    (BinOp::Gt, false) => IntPredicate::UGT,
                    (BinOp::Ge, false) => IntPredicate::UGE,
                    _ => return Err(ice!("comparison {op:?}")),
                };
                Ok(self
                    .b
                    .build_int_compare(pred, x.into_int_value(), y.into_int_value(), "")?)
            }
            Type::Float32 | Type::Float64 => {
                let pred = match op {
                    BinOp::Eq => FloatPredicate::OEQ,
                    BinOp::Ne => FloatPredicate::UNE,
                    BinOp::Lt => FloatPredicate::OLT,
                    BinOp::Le => FloatPredicate::OLE,
                    BinOp::Gt => FloatPredicate::OGT,
                    BinOp::Ge => FloatPredicate::OGE,
                    _ => return Err(ice!("comparison {op:?}")),
                };
                Ok(self.b.build_float_compare(
                    pred,
                    x.into_float_value(),
                    y.into_float_value(),
                    "",
                )?)
            }
            Type::String => match op {
                BinOp::Eq => self.string_eq(x, y),
                BinOp::Ne => {
                    let e = self.string_eq(x, y)?;
                    Ok(self.b.build_not(e, "")?)
                }
                _ => {
                    let c = self.string_cmp(x, y)?;
                    let pred = match op {
                        BinOp::Lt => IntPredicate::SLT,
                        BinOp::Le => IntPredicate::SLE,
                        BinOp::Gt => IntPredicate::SGT,
                        _ => IntPredicate::SGE,
                    };
                    Ok(self.b.build_int_compare(pred, c, self.i64c(0), "")?)
                }
            },
            _ => {
                let eq = self.equal(t, x, y)?;
                match op {
                    BinOp::Eq => Ok(eq),
                    BinOp::Ne => Ok(self.b.build_not(eq, "")?),
                    _ => Err(ice!("ordering comparison of {}", self.g.prog.type_name(t))),
                }
            }
        }
    }

    /// `x == y` for any comparable type, as an `i1`.
    pub(crate) fn equal(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let u = self.under(t).clone();
        match u {
            Type::Int(_) | Type::Float32 | Type::Float64 | Type::String => {
                self.compare(BinOp::Eq, t, x, y)
            }
            Type::Bool => Ok(self.b.build_int_compare(
                IntPredicate::EQ,
                x.into_int_value(),
                y.into_int_value(),
                "",
            )?),
            Type::Complex64 | Type::Complex128 => {
                let (a, b) = self.complex_parts(x.into_struct_value())?;
                let (c, d) = self.complex_parts(y.into_struct_value())?;
                let re = self.b.build_float_compare(FloatPredicate::OEQ, a, c, "")?;
                let im = self.b.build_float_compare(FloatPredicate::OEQ, b, d, "")?;
                Ok(self.b.build_and(re, im, "")?)
            }
            Type::UnsafePointer
            | Type::Pointer(_)
            | Type::Chan(..)
            | Type::Map(..)
            | Type::Func(_) => {
                let a =
                    self.b
                        .build_ptr_to_int(x.into_pointer_value(), self.g.cx.i64_type(), "")?;
                let b =
                    self.b
                        .build_ptr_to_int(y.into_pointer_value(), self.g.cx.i64_type(), "")?;
                Ok(self.b.build_int_compare(IntPredicate::EQ, a, b, "")?)
            }
            // Only comparison with nil is legal: compare the data pointers.
            Type::Slice(_) => {
                let sx = x.into_struct_value();
                let sy = y.into_struct_value();
                let a = self.b.build_extract_value(sx, 0, "")?.into_pointer_value();
                let b = self.b.build_extract_value(sy, 0, "")?.into_pointer_value();
                let a = self.b.build_ptr_to_int(a, self.g.cx.i64_type(), "")?;
                let b = self.b.build_ptr_to_int(b, self.g.cx.i64_type(), "")?;
                Ok(self.b.build_int_compare(IntPredicate::EQ, a, b, "")?)
            }
            Type::Interface(_) => self.iface_eq(t, x, y),
            Type::Struct(_) => self.equal_members(t, x, y),
            Type::Array(n, _) => {
                if n <= UNROLL_MAX {
                    return self.equal_members(t, x, y);
                }
                let px = self.spill(t, x)?;
                let py = self.spill(t, y)?;
                let desc = self.g.typedesc(t)?;
                let r = self
                    .call_rt_val("rgo_typeequal", &[desc.into(), px.into(), py.into()])?
                    .into_int_value();
                self.cond_i1(r)
            }
            _ => Err(ice!("equality on {}", self.g.prog.type_name(t))),
        }
    }

    /// Whether `==` on `t` can panic: it holds an interface, whose dynamic
    /// type may not be comparable.
    fn eq_can_panic(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Interface(_) => true,
            Type::Array(_, e) => self.eq_can_panic(*e),
            Type::Struct(fields) => fields
                .iter()
                .any(|f| f.name != "_" && self.eq_can_panic(f.ty)),
            _ => false,
        }
    }

    /// `x == y` for a struct or a small array, member by member. Where
    /// an interface inside may panic, members compare in order and stop
    /// at the first difference, as gc orders them, so that an
    /// uncomparable dynamic type panics only when reached; otherwise the
    /// results are and-ed without branches.
    fn equal_members(
        &mut self,
        t: TypeId,
        x: BasicValueEnum<'ctx>,
        y: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>> {
        let members: Vec<(Option<u32>, u64, TypeId)> = match self.under(t).clone() {
            Type::Struct(fields) => fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name != "_")
                .map(|(i, f)| (Some(i as u32), 0, f.ty))
                .collect(),
            Type::Array(n, e) => (0..n).map(|i| (None, i, e)).collect(),
            _ => return Err(ice!("member equality on {}", self.g.prog.type_name(t))),
        };
        let bool_t = self.g.cx.bool_type();
        let ordered = self.eq_can_panic(t);
        let done = ordered.then(|| self.new_block("eq.done"));
        let mut incoming: Vec<(BasicValueEnum<'ctx>, BasicBlock<'ctx>)> = Vec::new();
        let mut acc = bool_t.const_int(1, false);
        for (field, index, mt) in members {
            let (a, b) = match field {
                Some(f) => (self.member(t, x, f, mt)?, self.member(t, y, f, mt)?),
                None => (
                    self.array_elem(t, mt, x, index)?,
                    self.array_elem(t, mt, y, index)?,
                ),
            };
            let eq = self.equal(mt, a, b)?;
            let Some(done) = done else {
                acc = self.b.build_and(acc, eq, "")?;
                continue;
            };
            // On false, straight to `done`.
            let next = self.new_block("eq.next");
            incoming.push((bool_t.const_zero().into(), self.cur_block()?));
            self.b.build_conditional_branch(eq, next, done)?;
            self.b.position_at_end(next);
        }
        let Some(done) = done else {
            return Ok(acc);
        };
        incoming.push((bool_t.const_int(1, false).into(), self.cur_block()?));
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        Ok(self.phi(bool_t.into(), &incoming)?.into_int_value())
    }

    /// Element `i` (constant) of an array value.
    fn array_elem(
        &mut self,
        at: TypeId,
        et: TypeId,
        x: BasicValueEnum<'ctx>,
        i: u64,
    ) -> Result<BasicValueEnum<'ctx>> {
        if self.g.is_indirect(at)? {
            let size = self.g.layout(et)?.size;
            let p = self.gep_bytes(crate::instr::as_ptr(x)?, i * size)?;
            return self.view(et, p);
        }
        Ok(self
            .b
            .build_extract_value(x.into_array_value(), i as u32, "")?)
    }
}
