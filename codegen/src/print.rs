//! The `print`/`println` and `panic` builtins.
//!
//! `print` and `println` write to stderr through the runtime, one call per
//! argument, as gc's do: `println` separates arguments with spaces and ends
//! with a newline; slices print as `[len/cap]0xptr`, interfaces as
//! `(type,data)`. `panic(v)` hands the `interface{}` to `rgo_gopanic`.

use frontend::ir::{Type, ValueId};

use crate::function::FnCx;
use crate::{ice, Result};

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn print(&mut self, args: &[ValueId], newline: bool) -> Result<()> {
        for (i, a) in args.iter().enumerate() {
            if newline && i > 0 {
                self.call_rt("rgo_printsp", &[])?;
            }
            self.print_one(*a)?;
        }
        if newline {
            self.call_rt("rgo_printnl", &[])?;
        }
        Ok(())
    }

    fn print_one(&mut self, a: ValueId) -> Result<()> {
        let t = self.ty(a)?;
        let x = self.val(a)?;
        match self.under(t).clone() {
            Type::Bool => {
                self.call_rt("rgo_printbool", &[x.into()])?;
            }
            Type::Int(k) => {
                let v = self.ext_i64(x.into_int_value(), k.signed())?;
                let f = if k.signed() {
                    "rgo_printint"
                } else {
                    "rgo_printuint"
                };
                self.call_rt(f, &[v.into()])?;
            }
            // float32 prints its own shortest form, not float64's.
            Type::Float32 => {
                self.call_rt("rgo_printfloat32", &[x.into()])?;
            }
            Type::Float64 => {
                self.call_rt("rgo_printfloat", &[x.into()])?;
            }
            Type::Complex64 => {
                let (re, im) = self.complex_parts(x.into_struct_value())?;
                self.call_rt("rgo_printcomplex64", &[re.into(), im.into()])?;
            }
            Type::Complex128 => {
                let (re, im) = self.complex_parts(x.into_struct_value())?;
                self.call_rt("rgo_printcomplex", &[re.into(), im.into()])?;
            }
            Type::String => {
                let (p, n) = self.parts(x)?;
                self.call_rt("rgo_printstring", &[p.into(), n.into()])?;
            }
            Type::Pointer(_)
            | Type::UnsafePointer
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Func(_) => {
                self.call_rt("rgo_printpointer", &[x.into()])?;
            }
            Type::Slice(_) => {
                let s = x.into_struct_value();
                let p = self.b.build_extract_value(s, 0, "")?;
                let n = self.b.build_extract_value(s, 1, "")?;
                let c = self.b.build_extract_value(s, 2, "")?;
                self.call_rt("rgo_printslice", &[p.into(), n.into(), c.into()])?;
            }
            Type::Interface(_) => {
                let (tab, data) = self.iface_parts(x)?;
                self.call_rt("rgo_printeface", &[tab.into(), data.into()])?;
            }
            _ => return Err(ice!("print of {}", self.g.prog.type_name(t))),
        }
        Ok(())
    }

    /// `panic(v)`: never returns; the rest of the block is dead.
    pub(crate) fn panic(&mut self, v: ValueId) -> Result<()> {
        let t = self.ty(v)?;
        let x = self.val(v)?;
        let (tab, data) = self.iface_parts(x)?;
        // The runtime wants the dynamic type, not an itab.
        let tab = self.dyn_type(t, tab)?;
        self.call_rt("rgo_gopanic", &[tab.into(), data.into()])?;
        self.b.build_unreachable()?;
        self.start_dead_block()
    }
}
