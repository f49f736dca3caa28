//! Complex division, as gc's runtime (`complex128div`) computes it:
//! Smith's algorithm, then the C99 Annex G corrections when both parts
//! come out NaN. `complex64` division goes through `complex128`, as in gc.
//!
//! The algorithm lives in one internal helper function,
//! `rgo.complex128div`, built on first use; it is branch-free (both of
//! Smith's cases are computed and selected, which is exact since no
//! floating-point operation traps).

use inkwell::attributes::AttributeLoc;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::Linkage;
use inkwell::values::{FloatValue, FunctionValue, StructValue};
use inkwell::FloatPredicate;

use crate::function::FnCx;
use crate::module::Gen;
use crate::{ice, Result};

const HELPER: &str = "rgo.complex128div";

impl<'ctx> Gen<'ctx, '_> {
    fn complex_div_fn(&mut self) -> Result<FunctionValue<'ctx>> {
        if let Some(f) = self.helpers.get(HELPER) {
            return Ok(*f);
        }
        let cx = self.cx;
        let f64t = cx.f64_type();
        let pair = cx.struct_type(&[f64t.into(), f64t.into()], false);
        let fty = pair.fn_type(&[f64t.into(), f64t.into(), f64t.into(), f64t.into()], false);
        let f = self
            .module
            .add_function(HELPER, fty, Some(Linkage::Internal));
        self.add_common_fn_attrs(f)?;
        f.add_attribute(AttributeLoc::Function, self.attr("nounwind", 0)?);
        self.helpers.insert(HELPER.to_string(), f);
        let fabs = Intrinsic::find("llvm.fabs")
            .and_then(|i| i.get_declaration(&self.module, &[f64t.into()]))
            .ok_or_else(|| ice!("no llvm.fabs"))?;
        let copysign = Intrinsic::find("llvm.copysign")
            .and_then(|i| i.get_declaration(&self.module, &[f64t.into()]))
            .ok_or_else(|| ice!("no llvm.copysign"))?;
        let b = cx.create_builder();
        b.position_at_end(cx.append_basic_block(f, "entry"));
        let p = |i: u32| -> Result<FloatValue<'ctx>> {
            Ok(f.get_nth_param(i)
                .ok_or_else(|| ice!("complex division parameter"))?
                .into_float_value())
        };
        let (a, bb, c, d) = (p(0)?, p(1)?, p(2)?, p(3)?);
        let call1 =
            |func: FunctionValue<'ctx>, args: &[FloatValue<'ctx>]| -> Result<FloatValue<'ctx>> {
                let args: Vec<_> = args.iter().map(|x| (*x).into()).collect();
                match b.build_direct_call(func, &args, "")?.try_as_basic_value() {
                    inkwell::values::ValueKind::Basic(v) => Ok(v.into_float_value()),
                    _ => Err(ice!("intrinsic returned nothing")),
                }
            };
        let inf = f64t.const_float(f64::INFINITY);
        let zero = f64t.const_float(0.0);
        let one = f64t.const_float(1.0);
        let abs_c = call1(fabs, &[c])?;
        let abs_d = call1(fabs, &[d])?;
        let first = b.build_float_compare(FloatPredicate::OGE, abs_c, abs_d, "")?;
        // |c| >= |d|
        let r1 = b.build_float_div(d, c, "")?;
        let den1 = b.build_float_add(c, b.build_float_mul(r1, d, "")?, "")?;
        let e1 = b.build_float_div(
            b.build_float_add(a, b.build_float_mul(bb, r1, "")?, "")?,
            den1,
            "",
        )?;
        let f1 = b.build_float_div(
            b.build_float_sub(bb, b.build_float_mul(a, r1, "")?, "")?,
            den1,
            "",
        )?;
        // |c| < |d|
        let r2 = b.build_float_div(c, d, "")?;
        let den2 = b.build_float_add(d, b.build_float_mul(r2, c, "")?, "")?;
        let e2 = b.build_float_div(
            b.build_float_add(b.build_float_mul(a, r2, "")?, bb, "")?,
            den2,
            "",
        )?;
        let f2 = b.build_float_div(
            b.build_float_sub(b.build_float_mul(bb, r2, "")?, a, "")?,
            den2,
            "",
        )?;
        let e = b.build_select(first, e1, e2, "")?.into_float_value();
        let fv = b.build_select(first, f1, f2, "")?.into_float_value();

        let is_nan = |x: FloatValue<'ctx>| b.build_float_compare(FloatPredicate::UNO, x, x, "");
        let is_inf = |x: FloatValue<'ctx>| -> Result<_> {
            let ax = call1(fabs, &[x])?;
            Ok(b.build_float_compare(FloatPredicate::OEQ, ax, inf, "")?)
        };
        let is_finite = |x: FloatValue<'ctx>| -> Result<_> {
            let ax = call1(fabs, &[x])?;
            Ok(b.build_float_compare(FloatPredicate::OLT, ax, inf, "")?)
        };
        let inf2one = |x: FloatValue<'ctx>| -> Result<FloatValue<'ctx>> {
            let g = b
                .build_select(is_inf(x)?, one, zero, "")?
                .into_float_value();
            call1(copysign, &[g, x])
        };
        let both_nan = b.build_and(is_nan(e)?, is_nan(fv)?, "")?;
        // m == 0 && (!isNaN(a) || !isNaN(b))
        let c0 = b.build_float_compare(FloatPredicate::OEQ, c, zero, "")?;
        let d0 = b.build_float_compare(FloatPredicate::OEQ, d, zero, "")?;
        let m0 = b.build_and(c0, d0, "")?;
        let a_num = b.build_not(is_nan(a)?, "")?;
        let b_num = b.build_not(is_nan(bb)?, "")?;
        let case1 = b.build_and(m0, b.build_or(a_num, b_num, "")?, "")?;
        let sinf = call1(copysign, &[inf, c])?;
        let e_1 = b.build_float_mul(sinf, a, "")?;
        let f_1 = b.build_float_mul(sinf, bb, "")?;
        // (isInf(a) || isInf(b)) && isFinite(c) && isFinite(d)
        let ab_inf = b.build_or(is_inf(a)?, is_inf(bb)?, "")?;
        let cd_fin = b.build_and(is_finite(c)?, is_finite(d)?, "")?;
        let case2 = b.build_and(ab_inf, cd_fin, "")?;
        let a2 = inf2one(a)?;
        let b2 = inf2one(bb)?;
        let t = b.build_float_add(
            b.build_float_mul(a2, c, "")?,
            b.build_float_mul(b2, d, "")?,
            "",
        )?;
        let e_2 = b.build_float_mul(inf, t, "")?;
        let t = b.build_float_sub(
            b.build_float_mul(b2, c, "")?,
            b.build_float_mul(a2, d, "")?,
            "",
        )?;
        let f_2 = b.build_float_mul(inf, t, "")?;
        // (isInf(c) || isInf(d)) && isFinite(a) && isFinite(b)
        let cd_inf = b.build_or(is_inf(c)?, is_inf(d)?, "")?;
        let ab_fin = b.build_and(is_finite(a)?, is_finite(bb)?, "")?;
        let case3 = b.build_and(cd_inf, ab_fin, "")?;
        let c3 = inf2one(c)?;
        let d3 = inf2one(d)?;
        let t = b.build_float_add(
            b.build_float_mul(a, c3, "")?,
            b.build_float_mul(bb, d3, "")?,
            "",
        )?;
        let e_3 = b.build_float_mul(zero, t, "")?;
        let t = b.build_float_sub(
            b.build_float_mul(bb, c3, "")?,
            b.build_float_mul(a, d3, "")?,
            "",
        )?;
        let f_3 = b.build_float_mul(zero, t, "")?;
        // The first case that holds wins; none: keep (e, f).
        let sel = |cond, x: FloatValue<'ctx>, y: FloatValue<'ctx>| -> Result<FloatValue<'ctx>> {
            Ok(b.build_select(cond, x, y, "")?.into_float_value())
        };
        let e_fix = sel(case1, e_1, sel(case2, e_2, sel(case3, e_3, e)?)?)?;
        let f_fix = sel(case1, f_1, sel(case2, f_2, sel(case3, f_3, fv)?)?)?;
        let e = sel(both_nan, e_fix, e)?;
        let fv = sel(both_nan, f_fix, fv)?;
        let r = b.build_insert_value(pair.get_undef(), e, 0, "")?;
        let r = b.build_insert_value(r, fv, 1, "")?;
        b.build_return(Some(&r.into_struct_value()))?;
        Ok(f)
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// `x / y` for complex values.
    pub(crate) fn complex_div(
        &mut self,
        x: StructValue<'ctx>,
        y: StructValue<'ctx>,
    ) -> Result<StructValue<'ctx>> {
        let f = self.g.complex_div_fn()?;
        let f64t = self.g.cx.f64_type();
        let (a, b) = self.complex_parts(x)?;
        let (c, d) = self.complex_parts(y)?;
        let mut args = Vec::new();
        for v in [a, b, c, d] {
            args.push(self.b.build_float_cast(v, f64t, "")?.into());
        }
        let r = match self.b.build_direct_call(f, &args, "")?.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => v.into_struct_value(),
            _ => return Err(ice!("complex division returned nothing")),
        };
        let (re, im) = self.complex_parts(r)?;
        let ft = a.get_type();
        let re = self.b.build_float_cast(re, ft, "")?;
        let im = self.b.build_float_cast(im, ft, "")?;
        self.complex_value(x.get_type(), re, im)
    }
}
