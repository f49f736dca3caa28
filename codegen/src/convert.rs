//! Conversions (`Convert`): numeric conversions as gc performs them on
//! amd64, string conversions through the runtime, pointer ↔ `uintptr`,
//! slice → array (pointer), and the free ones that only change the type.
//!
//! Float → integer follows the CVTTSD2SI family: a result that does not fit
//! (or NaN) is the "integer indefinite" value, 0x80000000 or
//! 0x8000000000000000. As in gc, conversions to 8- and 16-bit integers go
//! through `int32`, to `uint32` through `int64`, and to `uint64` use the
//! "subtract 2^63 and set the top bit" sequence. The conversion is a guarded
//! `fptosi` (a select between it and the indefinite value), which LLVM
//! folds for constants. Integer → float is correctly rounded, as gc's is.

use frontend::ir::{IntKind, Type, TypeId, ValueId};
use inkwell::types::IntType;
use inkwell::values::{BasicValueEnum, FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn convert(&mut self, v: ValueId, to: TypeId) -> Result<BasicValueEnum<'ctx>> {
        let from = self.ty(v)?;
        let x = self.val(v)?;
        let su = self.under(from).clone();
        let du = self.under(to).clone();
        let cx = self.g.cx;
        Ok(match (&su, &du) {
            (Type::Int(a), Type::Int(b)) => {
                let x = x.into_int_value();
                let ty = crate::layout::int_type(cx, b.bits());
                if a.bits() == b.bits() {
                    x.into()
                } else if a.bits() > b.bits() {
                    self.b.build_int_truncate(x, ty, "")?.into()
                } else if a.signed() {
                    self.b.build_int_s_extend(x, ty, "")?.into()
                } else {
                    self.b.build_int_z_extend(x, ty, "")?.into()
                }
            }
            (Type::Int(a), Type::Float32 | Type::Float64) => {
                let ft = self.g.mem_type(to)?.into_float_type();
                let x = x.into_int_value();
                if a.signed() {
                    self.b.build_signed_int_to_float(x, ft, "")?.into()
                } else {
                    self.b.build_unsigned_int_to_float(x, ft, "")?.into()
                }
            }
            (Type::Float32 | Type::Float64, Type::Int(k)) => {
                self.float_to_int(x.into_float_value(), *k)?.into()
            }
            (Type::Float32, Type::Float64) => self
                .b
                .build_float_ext(x.into_float_value(), cx.f64_type(), "")?
                .into(),
            (Type::Float64, Type::Float32) => self
                .b
                .build_float_trunc(x.into_float_value(), cx.f32_type(), "")?
                .into(),
            (Type::Float32, Type::Float32) | (Type::Float64, Type::Float64) => x,
            (Type::Complex64 | Type::Complex128, Type::Complex64 | Type::Complex128) => {
                if su == du {
                    x
                } else {
                    let (re, im) = self.complex_parts(x.into_struct_value())?;
                    let (re, im) = if du == Type::Complex128 {
                        (
                            self.b.build_float_ext(re, cx.f64_type(), "")?,
                            self.b.build_float_ext(im, cx.f64_type(), "")?,
                        )
                    } else {
                        (
                            self.b.build_float_trunc(re, cx.f32_type(), "")?,
                            self.b.build_float_trunc(im, cx.f32_type(), "")?,
                        )
                    };
                    let st = self.g.mem_type(to)?.into_struct_type();
                    self.complex_value(st, re, im)?.into()
                }
            }
            (Type::Int(k), Type::String) => {
                let r = self.ext_i64(x.into_int_value(), k.signed())?;
                self.call_rt_val("rgo_intstring", &[r.into()])?
            }
            (Type::Slice(e), Type::String) => {
                let (p, n) = self.parts(x)?;
                let f = match self.under(*e) {
                    Type::Int(IntKind::Uint8) => "rgo_slicebytetostring",
                    Type::Int(IntKind::Int32) => "rgo_slicerunetostring",
                    _ => {
                        return Err(ice!(
                            "conversion of {} to string",
                            self.g.prog.type_name(from)
                        ))
                    }
                };
                self.call_rt_val(f, &[p.into(), n.into()])?
            }
            (Type::String, Type::Slice(e)) => {
                let (p, n) = self.parts(x)?;
                let f = match self.under(*e) {
                    Type::Int(IntKind::Uint8) => "rgo_stringtoslicebyte",
                    Type::Int(IntKind::Int32) => "rgo_stringtoslicerune",
                    _ => {
                        return Err(ice!(
                            "conversion of string to {}",
                            self.g.prog.type_name(to)
                        ))
                    }
                };
                let out = self.temp(to, "conv")?;
                self.call_rt(f, &[out.into(), p.into(), n.into()])?;
                self.load(to, out)?
            }
            (Type::UnsafePointer | Type::Pointer(_), Type::Int(_)) => self
                .b
                .build_ptr_to_int(x.into_pointer_value(), cx.i64_type(), "")?
                .into(),
            (Type::Int(_), Type::UnsafePointer | Type::Pointer(_)) => {
                let i = self.ext_i64(x.into_int_value(), false)?;
                self.b
                    .build_int_to_ptr(i, cx.ptr_type(inkwell::AddressSpace::default()), "")?
                    .into()
            }
            (Type::Slice(_), Type::Pointer(a)) => {
                let n = self.array_len(*a)?;
                let (p, len) = self.slice_ptr_len(x)?;
                self.check_slice_to_array(len, n)?;
                p.into()
            }
            (Type::Slice(_), Type::Array(n, _)) => {
                let (p, len) = self.slice_ptr_len(x)?;
                self.check_slice_to_array(len, *n)?;
                self.load(to, p)?
            }
            _ => {
                // Conversions that change only the type must not change the
                // representation either.
                let a = self.g.val_type(from)?;
                let b = self.g.val_type(to)?;
                if a != b {
                    return Err(ice!(
                        "conversion from {} to {}",
                        self.g.prog.type_name(from),
                        self.g.prog.type_name(to)
                    ));
                }
                x
            }
        })
    }

    fn array_len(&self, t: TypeId) -> Result<u64> {
        match self.under(t) {
            Type::Array(n, _) => Ok(*n),
            _ => Err(ice!("{} is not an array type", self.g.prog.type_name(t))),
        }
    }

    fn slice_ptr_len(
        &mut self,
        x: BasicValueEnum<'ctx>,
    ) -> Result<(inkwell::values::PointerValue<'ctx>, IntValue<'ctx>)> {
        self.parts(x)
    }

    /// Panics as gc does when converting a slice shorter than `n` to an
    /// array or array pointer.
    fn check_slice_to_array(&mut self, len: IntValue<'ctx>, n: u64) -> Result<()> {
        let want = self.i64c(n);
        let short = self.b.build_int_compare(IntPredicate::SLT, len, want, "")?;
        self.panic_if(short, "rgo_panic_slicetoarray", &[len.into(), want.into()])
    }

    /// Float → integer as amd64 gc does (see module doc).
    fn float_to_int(&mut self, x: FloatValue<'ctx>, k: IntKind) -> Result<IntValue<'ctx>> {
        let cx = self.g.cx;
        let target = crate::layout::int_type(cx, k.bits());
        match k {
            IntKind::Int64 | IntKind::Int | IntKind::Uint32 => {
                let r = self.cvtt(x, 64)?;
                Ok(self.b.build_int_truncate_or_bit_cast(r, target, "")?)
            }
            IntKind::Int32 | IntKind::Int16 | IntKind::Int8 | IntKind::Uint16 | IntKind::Uint8 => {
                let r = self.cvtt(x, 32)?;
                Ok(self.b.build_int_truncate_or_bit_cast(r, target, "")?)
            }
            IntKind::Uint64 | IntKind::Uint | IntKind::Uintptr => {
                // x < 2^63 ? cvtt(x) : cvtt(x - 2^63) | 1<<63, branch-free.
                let ft = x.get_type();
                let cutoff = ft.const_float(9223372036854775808.0);
                let small = self
                    .b
                    .build_float_compare(FloatPredicate::OLT, x, cutoff, "")?;
                let lo = self.cvtt(x, 64)?;
                let y = self.b.build_float_sub(x, cutoff, "")?;
                let hi = self.cvtt(y, 64)?;
                let top = cx.i64_type().const_int(1 << 63, false);
                let hi = self.b.build_or(hi, top, "")?;
                Ok(self.b.build_select(small, lo, hi, "")?.into_int_value())
            }
        }
    }

    /// CVTTSD2SI / CVTTSS2SI to a `bits`-wide integer: truncation toward
    /// zero, or the indefinite value (only the top bit set) when out of
    /// range or NaN.
    fn cvtt(&mut self, x: FloatValue<'ctx>, bits: u32) -> Result<IntValue<'ctx>> {
        let cx = self.g.cx;
        let ft = x.get_type();
        let ity: IntType<'ctx> = crate::layout::int_type(cx, bits);
        let is_f32 = ft == cx.f32_type();
        let (lo, lo_pred, hi) = match (bits, is_f32) {
            (64, _) => (
                -9223372036854775808.0,
                FloatPredicate::OGE,
                9223372036854775808.0,
            ),
            (_, true) => (-2147483648.0, FloatPredicate::OGE, 2147483648.0),
            (_, false) => (-2147483649.0, FloatPredicate::OGT, 2147483648.0),
        };
        let above = self
            .b
            .build_float_compare(lo_pred, x, ft.const_float(lo), "")?;
        let below = self
            .b
            .build_float_compare(FloatPredicate::OLT, x, ft.const_float(hi), "")?;
        let ok = self.b.build_and(above, below, "")?;
        let t = self.b.build_float_to_signed_int(x, ity, "")?;
        let indefinite = ity.const_int(1u64 << (bits - 1), false);
        // An out-of-range fptosi is poison, but select does not propagate
        // the operand it does not pick.
        Ok(self.b.build_select(ok, t, indefinite, "")?.into_int_value())
    }
}
