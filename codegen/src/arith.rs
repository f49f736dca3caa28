//! Arithmetic and logic operators, with Go's semantics.
//!
//! Integer arithmetic wraps (no `nsw`/`nuw` flags). Division and remainder
//! panic on a zero divisor, and `MinInt / -1` is `MinInt` (`% -1` is 0)
//! instead of trapping as the hardware would. Shifts by counts at least the
//! width give 0 (or -1 for negative signed values shifted right), and a
//! negative signed count panics. Floating point is IEEE without fast-math
//! flags, so results match gc's bit for bit.

use frontend::ir::{BinOp, Type, UnOp, ValueId};
use inkwell::values::{BasicValueEnum, FloatValue, IntValue, StructValue};
use inkwell::IntPredicate;

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn binary(
        &mut self,
        op: BinOp,
        a: ValueId,
        b: ValueId,
    ) -> Result<BasicValueEnum<'ctx>> {
        let t = self.ty(a)?;
        let bt = self.ty(b)?;
        let prog = self.g.prog;
        if !matches!(op, BinOp::Shl | BinOp::Shr) && prog.underlying(t) != prog.underlying(bt) {
            return Err(ice!(
                "{op:?} of {} and {}",
                prog.type_name(t),
                prog.type_name(bt)
            ));
        }
        match op {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let x = self.val(a)?;
                let y = self.val(b)?;
                let r = self.compare(op, t, x, y)?;
                return self.go_bool(r);
            }
            BinOp::Concat => {
                let x = self.val(a)?;
                let y = self.val(b)?;
                return self.concat(x, y);
            }
            _ => {}
        }
        let u = self.under(t).clone();
        match u {
            Type::Int(k) => {
                let x = self.int(a)?;
                if matches!(op, BinOp::Shl | BinOp::Shr) {
                    let bt = self.ty(b)?;
                    let count_signed = self.is_signed(bt);
                    let n = self.int(b)?;
                    return Ok(self.shift(op, x, k.signed(), n, count_signed)?.into());
                }
                let y = self.int(b)?;
                Ok(self.int_binary(op, x, y, k.signed())?.into())
            }
            Type::Bool => {
                let x = self.int(a)?;
                let y = self.int(b)?;
                Ok(match op {
                    BinOp::And => self.b.build_and(x, y, "")?,
                    BinOp::Or => self.b.build_or(x, y, "")?,
                    BinOp::Xor => self.b.build_xor(x, y, "")?,
                    _ => return Err(ice!("operator {op:?} on bool")),
                }
                .into())
            }
            Type::Float32 | Type::Float64 => {
                let x = self.val(a)?.into_float_value();
                let y = self.val(b)?.into_float_value();
                Ok(self.float_binary(op, x, y)?.into())
            }
            Type::Complex64 | Type::Complex128 => {
                let x = self.val(a)?.into_struct_value();
                let y = self.val(b)?.into_struct_value();
                Ok(self.complex_binary(op, x, y)?.into())
            }
            _ => Err(ice!("operator {op:?} on {}", self.g.prog.type_name(t))),
        }
    }

    fn int_binary(
        &mut self,
        op: BinOp,
        x: IntValue<'ctx>,
        y: IntValue<'ctx>,
        signed: bool,
    ) -> Result<IntValue<'ctx>> {
        Ok(match op {
            BinOp::Add => self.b.build_int_add(x, y, "")?,
            BinOp::Sub => self.b.build_int_sub(x, y, "")?,
            BinOp::Mul => self.b.build_int_mul(x, y, "")?,
            BinOp::And => self.b.build_and(x, y, "")?,
            BinOp::Or => self.b.build_or(x, y, "")?,
            BinOp::Xor => self.b.build_xor(x, y, "")?,
            BinOp::AndNot => {
                let ny = self.b.build_not(y, "")?;
                self.b.build_and(x, ny, "")?
            }
            BinOp::Div | BinOp::Rem => self.divide(op, x, y, signed)?,
            _ => return Err(ice!("operator {op:?} on integers")),
        })
    }

    /// Checked division and remainder.
    fn divide(
        &mut self,
        op: BinOp,
        x: IntValue<'ctx>,
        y: IntValue<'ctx>,
        signed: bool,
    ) -> Result<IntValue<'ctx>> {
        let ty = x.get_type();
        let zero = ty.const_zero();
        let is_zero = self.b.build_int_compare(IntPredicate::EQ, y, zero, "")?;
        self.panic_if(is_zero, "rgo_panic_divide", &[])?;
        if !signed {
            return Ok(if op == BinOp::Div {
                self.b.build_int_unsigned_div(x, y, "")?
            } else {
                self.b.build_int_unsigned_rem(x, y, "")?
            });
        }
        // x / -1 is -x (wrapping: MinInt / -1 == MinInt), x % -1 is 0;
        // divide by 1 instead so the hardware never sees MinInt / -1.
        let minus_one = ty.const_all_ones();
        let is_m1 = self
            .b
            .build_int_compare(IntPredicate::EQ, y, minus_one, "")?;
        let one = ty.const_int(1, false);
        let safe = self.b.build_select(is_m1, one, y, "")?.into_int_value();
        Ok(if op == BinOp::Div {
            let q = self.b.build_int_signed_div(x, safe, "")?;
            let neg = self.b.build_int_sub(zero, x, "")?;
            self.b.build_select(is_m1, neg, q, "")?.into_int_value()
        } else {
            let r = self.b.build_int_signed_rem(x, safe, "")?;
            self.b.build_select(is_m1, zero, r, "")?.into_int_value()
        })
    }

    /// `x << n`, `x >> n` with Go's rules for large and negative counts.
    pub(crate) fn shift(
        &mut self,
        op: BinOp,
        x: IntValue<'ctx>,
        x_signed: bool,
        n: IntValue<'ctx>,
        count_signed: bool,
    ) -> Result<IntValue<'ctx>> {
        let ty = x.get_type();
        let width = u64::from(ty.get_bit_width());
        let n64 = self.ext_i64(n, count_signed)?;
        if count_signed {
            let neg = self
                .b
                .build_int_compare(IntPredicate::SLT, n64, self.i64c(0), "")?;
            self.panic_if(neg, "rgo_panic_shift", &[])?;
        }
        let big = self
            .b
            .build_int_compare(IntPredicate::UGE, n64, self.i64c(width), "")?;
        // The count at x's width; only used when it is below the width.
        let nn = if width == 64 {
            n64
        } else {
            self.b.build_int_truncate(n64, ty, "")?
        };
        let max = ty.const_int(width - 1, false);
        let clamped = self.b.build_select(big, max, nn, "")?.into_int_value();
        Ok(match op {
            BinOp::Shl => {
                let r = self.b.build_left_shift(x, clamped, "")?;
                self.b
                    .build_select(big, ty.const_zero(), r, "")?
                    .into_int_value()
            }
            _ if x_signed => {
                // Shifting by width-1 already gives 0 or -1.
                self.b.build_right_shift(x, clamped, true, "")?
            }
            _ => {
                let r = self.b.build_right_shift(x, clamped, false, "")?;
                self.b
                    .build_select(big, ty.const_zero(), r, "")?
                    .into_int_value()
            }
        })
    }

    fn float_binary(
        &mut self,
        op: BinOp,
        x: FloatValue<'ctx>,
        y: FloatValue<'ctx>,
    ) -> Result<FloatValue<'ctx>> {
        Ok(match op {
            BinOp::Add => self.b.build_float_add(x, y, "")?,
            BinOp::Sub => self.b.build_float_sub(x, y, "")?,
            BinOp::Mul => self.b.build_float_mul(x, y, "")?,
            BinOp::Div => self.b.build_float_div(x, y, "")?,
            _ => return Err(ice!("operator {op:?} on floats")),
        })
    }

    fn complex_binary(
        &mut self,
        op: BinOp,
        x: StructValue<'ctx>,
        y: StructValue<'ctx>,
    ) -> Result<StructValue<'ctx>> {
        let (a, b) = self.complex_parts(x)?;
        let (c, d) = self.complex_parts(y)?;
        let (re, im) = match op {
            BinOp::Add => (
                self.b.build_float_add(a, c, "")?,
                self.b.build_float_add(b, d, "")?,
            ),
            BinOp::Sub => (
                self.b.build_float_sub(a, c, "")?,
                self.b.build_float_sub(b, d, "")?,
            ),
            BinOp::Mul => {
                // (a+bi)(c+di) = (ac-bd) + (ad+bc)i, as gc computes it.
                let ac = self.b.build_float_mul(a, c, "")?;
                let bd = self.b.build_float_mul(b, d, "")?;
                let ad = self.b.build_float_mul(a, d, "")?;
                let bc = self.b.build_float_mul(b, c, "")?;
                (
                    self.b.build_float_sub(ac, bd, "")?,
                    self.b.build_float_add(ad, bc, "")?,
                )
            }
            BinOp::Div => return self.complex_div(x, y),
            _ => return Err(ice!("operator {op:?} on complex numbers")),
        };
        self.complex_value(x.get_type(), re, im)
    }

    pub(crate) fn complex_parts(
        &mut self,
        x: StructValue<'ctx>,
    ) -> Result<(FloatValue<'ctx>, FloatValue<'ctx>)> {
        let re = self.b.build_extract_value(x, 0, "")?.into_float_value();
        let im = self.b.build_extract_value(x, 1, "")?.into_float_value();
        Ok((re, im))
    }

    pub(crate) fn complex_value(
        &mut self,
        ty: inkwell::types::StructType<'ctx>,
        re: FloatValue<'ctx>,
        im: FloatValue<'ctx>,
    ) -> Result<StructValue<'ctx>> {
        let s = self.b.build_insert_value(ty.get_undef(), re, 0, "")?;
        let s = self.b.build_insert_value(s, im, 1, "")?;
        Ok(s.into_struct_value())
    }

    pub(crate) fn unary(&mut self, op: UnOp, a: ValueId) -> Result<BasicValueEnum<'ctx>> {
        let t = self.ty(a)?;
        let u = self.under(t).clone();
        Ok(match (op, u) {
            (UnOp::Neg, Type::Int(_)) => {
                let x = self.int(a)?;
                self.b
                    .build_int_sub(x.get_type().const_zero(), x, "")?
                    .into()
            }
            (UnOp::Neg, Type::Float32 | Type::Float64) => {
                let x = self.val(a)?.into_float_value();
                self.b.build_float_neg(x, "")?.into()
            }
            (UnOp::Neg, Type::Complex64 | Type::Complex128) => {
                let x = self.val(a)?.into_struct_value();
                let (re, im) = self.complex_parts(x)?;
                let re = self.b.build_float_neg(re, "")?;
                let im = self.b.build_float_neg(im, "")?;
                self.complex_value(x.get_type(), re, im)?.into()
            }
            (UnOp::Not, Type::Bool) => {
                let x = self.int(a)?;
                self.b.build_xor(x, self.i8c(1), "")?.into()
            }
            (UnOp::Complement, Type::Int(_)) => {
                let x = self.int(a)?;
                self.b.build_not(x, "")?.into()
            }
            (op, _) => return Err(ice!("operator {op:?} on {}", self.g.prog.type_name(t))),
        })
    }
}
