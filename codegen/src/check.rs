//! Run-time checks that panic: bounds, nil pointers (and, for the
//! operators in [`crate::arith`], division by zero and negative shift
//! counts).
//!
//! Each check is a compare and a branch to its own small block that calls
//! the runtime's `rgo_panic_*` function. Those are `noreturn cold`, so LLVM
//! treats the branch as never taken, lays the failure blocks out of line,
//! and is free to hoist or fold the comparisons.

use frontend::ir::{BoundsKind, ValueId};
use inkwell::values::{BasicMetadataValueEnum, IntValue};
use inkwell::IntPredicate;

use crate::function::FnCx;
use crate::Result;

/// The runtime's number for a bounds kind (`rt/ABI.md`).
fn kind_number(k: BoundsKind) -> u64 {
    match k {
        BoundsKind::Index => 0,
        BoundsKind::SliceAlen => 1,
        BoundsKind::SliceAcap => 2,
        BoundsKind::SliceB => 3,
        BoundsKind::Slice3Alen => 4,
        BoundsKind::Slice3Acap => 5,
        BoundsKind::Slice3B => 6,
        BoundsKind::Slice3C => 7,
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// If `fail` (an `i1`) holds, calls runtime function `name` with
    /// `args` (it does not return); continues on the other path.
    pub(crate) fn panic_if(
        &mut self,
        fail: IntValue<'ctx>,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<()> {
        if let Some(c) = fail.get_zero_extended_constant() {
            if c == 0 {
                return Ok(());
            }
        }
        let panic_bb = self.new_block("panic");
        let ok_bb = self.new_block("ok");
        self.b.build_conditional_branch(fail, panic_bb, ok_bb)?;
        self.b.position_at_end(panic_bb);
        self.call_rt(name, args)?;
        self.b.build_unreachable()?;
        self.b.position_at_end(ok_bb);
        Ok(())
    }

    /// `BoundsCheck`: `x < y` for indexes, `x <= y` otherwise, both as
    /// unsigned comparisons of the operands widened to 64 bits (a negative
    /// signed `x` becomes huge and fails, as do unsigned values above
    /// MaxInt once `y`, a length, is known to be at most MaxInt).
    pub(crate) fn bounds_check(&mut self, kind: BoundsKind, x: ValueId, y: ValueId) -> Result<()> {
        let xt = self.ty(x)?;
        let signed = self.is_signed(xt);
        let xv = self.index_i64(x)?;
        let yv = self.index_i64(y)?;
        let pred = if kind == BoundsKind::Index {
            IntPredicate::UGE
        } else {
            IntPredicate::UGT
        };
        let fail = self.b.build_int_compare(pred, xv, yv, "")?;
        let k = self.i8c(kind_number(kind));
        let s = self.i8c(u64::from(signed));
        self.panic_if(
            fail,
            "rgo_panic_bounds",
            &[k.into(), xv.into(), yv.into(), s.into()],
        )
    }

    /// `NilCheck`.
    pub(crate) fn nil_check(&mut self, p: ValueId) -> Result<()> {
        let pv = self.ptr(p)?;
        let fail = self.b.build_is_null(pv, "")?;
        self.panic_if(fail, "rgo_panic_nil", &[])
    }

    /// Panics `invalid memory address or nil pointer dereference` if the
    /// pointer is null.
    pub(crate) fn nil_check_ptr(&mut self, p: inkwell::values::PointerValue<'ctx>) -> Result<()> {
        let fail = self.b.build_is_null(p, "")?;
        self.panic_if(fail, "rgo_panic_nil", &[])
    }
}
