//! Library functions whose bodies are single machine operations.
//!
//! gc compiles calls of `math.Sqrt`, `math.Floor`, `math/bits.OnesCount64`
//! and the like to one instruction. Their Go source computes the same
//! results the slow, portable way (a bit-by-bit square root, table lookups
//! for bit counts), so rgo replaces the *body* of these functions with the
//! matching LLVM intrinsic; the optimiser then inlines them into callers as
//! single instructions. Only functions whose results are exactly defined
//! (IEEE square root and rounding, bit counts) are listed, so the results
//! are the same as the Go source's.
//!
//! One assembly routine of gc's is bound to the runtime instead:
//! `math.archExp`, whose results differ from the portable `math.exp`'s in
//! the last bit (rt/src/math.rs has gc's algorithm).

use frontend::ir::{FuncId, Type};
use inkwell::intrinsics::Intrinsic;
use inkwell::module::Linkage;
use inkwell::types::BasicTypeEnum;
use inkwell::values::BasicValueEnum;

use crate::module::Gen;
use crate::{ice, Result};

/// How a Go function maps to an intrinsic.
#[derive(Clone, Copy)]
enum Body {
    /// `llvm.<name>` on the one float64 argument.
    Float(&'static str),
    /// `llvm.fma` on three float64 arguments.
    Fma,
    /// A bit-count intrinsic on the one unsigned argument, result
    /// converted to Go's `int`. The flag is the "zero is poison" operand of
    /// ctlz/cttz, always false since Go defines the zero case.
    Count(&'static str, bool),
    /// A runtime function `double(double)` (rt/ABI.md).
    Runtime(&'static str),
}

/// Go functions (link names) and the intrinsic that computes them.
fn known(name: &str) -> Option<Body> {
    Some(match name {
        "math.Sqrt" | "math.sqrt" => Body::Float("llvm.sqrt"),
        "math.Floor" | "math.floor" => Body::Float("llvm.floor"),
        "math.Ceil" | "math.ceil" => Body::Float("llvm.ceil"),
        "math.Trunc" | "math.trunc" => Body::Float("llvm.trunc"),
        "math.Abs" => Body::Float("llvm.fabs"),
        "math.FMA" => Body::Fma,
        "math.archExp" => Body::Runtime("rgo_math_exp"),
        "math/bits.LeadingZeros64" | "math/bits.LeadingZeros32" => Body::Count("llvm.ctlz", false),
        "math/bits.TrailingZeros64" | "math/bits.TrailingZeros32" => {
            Body::Count("llvm.cttz", false)
        }
        "math/bits.OnesCount64" | "math/bits.OnesCount32" => Body::Count("llvm.ctpop", false),
        _ => return None,
    })
}

impl<'ctx> Gen<'ctx, '_> {
    /// Emits the body of function `id` as an intrinsic if it is one of the
    /// [`known`] functions with the expected signature; false otherwise.
    pub(crate) fn intrinsic_body(&mut self, id: FuncId) -> Result<bool> {
        let f = &self.prog.funcs[id.0 as usize];
        let Some(body) = known(&f.name) else {
            return Ok(false);
        };
        // The hidden context comes first; every listed function takes
        // scalars and returns one, so the Go parameters follow directly.
        let arity = match body {
            Body::Fma => 3,
            _ => 1,
        };
        let sig_ok = f.sig.params.len() == arity
            && f.sig.results.len() == 1
            && f.sig.params.iter().all(|p| self.is_scalar(*p))
            && self.is_scalar(f.sig.results[0]);
        if !sig_ok {
            return Ok(false);
        }
        let llfn = self.funcs[id.0 as usize];
        let params: Vec<BasicValueEnum<'ctx>> = (1..=arity as u32)
            .map(|i| llfn.get_nth_param(i))
            .collect::<Option<_>>()
            .ok_or_else(|| ice!("{}: missing parameter", f.name))?;
        let arg_ty: BasicTypeEnum<'ctx> = params[0].get_type();
        let (which, extra_false) = match body {
            Body::Float(n) | Body::Runtime(n) => (n, false),
            Body::Fma => ("llvm.fma", false),
            Body::Count(n, flag) => (n, flag || n != "llvm.ctpop"),
        };
        let decl = match body {
            Body::Runtime(sym) => self.module.get_function(sym).unwrap_or_else(|| {
                let f64t = self.cx.f64_type();
                let ft = f64t.fn_type(&[f64t.into()], false);
                self.module.add_function(sym, ft, Some(Linkage::External))
            }),
            _ => Intrinsic::find(which)
                .and_then(|i| i.get_declaration(&self.module, &[arg_ty]))
                .ok_or_else(|| ice!("no intrinsic {which}"))?,
        };
        let b = self.cx.create_builder();
        b.position_at_end(self.cx.append_basic_block(llfn, "entry"));
        let mut args: Vec<_> = params.iter().map(|p| (*p).into()).collect();
        if extra_false {
            args.push(self.cx.bool_type().const_zero().into());
        }
        let r = match b.build_direct_call(decl, &args, "")?.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => v,
            _ => return Err(ice!("intrinsic {which} returned nothing")),
        };
        // Counts come back in the argument's width; Go's result is `int`.
        let r = match (body, llfn.get_type().get_return_type()) {
            (Body::Count(..), Some(BasicTypeEnum::IntType(ret))) => b
                .build_int_z_extend_or_bit_cast(r.into_int_value(), ret, "")?
                .into(),
            _ => r,
        };
        b.build_return(Some(&r))?;
        llfn.set_linkage(Linkage::Internal);
        Ok(true)
    }

    fn is_scalar(&self, t: frontend::ir::TypeId) -> bool {
        matches!(
            self.prog.ty(self.prog.underlying(t)),
            Type::Float64 | Type::Int(_)
        )
    }
}
