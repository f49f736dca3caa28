//! Func values and closures.
//!
//! A func value points to a closure object whose first word is the code
//! pointer; a call passes the object as the hidden context. Top-level
//! functions used as values get a constant one-word object (`name·f`).
//! `MakeClosure` allocates `{code, captures...}` (laid out as a Go struct)
//! on the heap with a descriptor for the collector; `Capture(i)` reads
//! capture `i` back through the context. Closure objects are never written
//! after they are built, so indirect captures are used in place.

use frontend::ir::{FuncId, TypeId, ValueId};
use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, PointerValue};

use crate::function::FnCx;
use crate::layout::pointer_bitmap;
use crate::module::Gen;
use crate::{ice, Result};

/// Where a closure object keeps its captures.
pub(crate) struct ClosureLayout {
    pub offsets: Vec<u64>,
    pub size: u64,
    pub ptr_bytes: u64,
}

impl<'ctx> Gen<'ctx, '_> {
    /// The constant closure object of top-level function `f`.
    pub(crate) fn static_closure(&mut self, f: FuncId) -> Result<PointerValue<'ctx>> {
        if let Some(g) = self.static_closures.get(&f) {
            return Ok(g.as_pointer_value());
        }
        let code = self
            .funcs
            .get(f.0 as usize)
            .ok_or_else(|| ice!("func value of unknown function {}", f.0))?
            .as_global_value()
            .as_pointer_value();
        let init = self.cx.const_struct(&[code.into()], false);
        let name = format!("{}·f", self.prog.func(f).name);
        let g = self.module.add_global(init.get_type(), None, &name);
        g.set_linkage(Linkage::Internal);
        g.set_constant(true);
        g.set_unnamed_addr(true);
        g.set_alignment(8);
        g.set_initializer(&init);
        self.static_closures.insert(f, g);
        Ok(g.as_pointer_value())
    }

    pub(crate) fn closure_layout(&mut self, f: FuncId) -> Result<ClosureLayout> {
        let caps = self.captures.get(&f).cloned().ok_or_else(|| {
            ice!(
                "{} reads captures but is never made a closure",
                self.prog.func(f).name
            )
        })?;
        let mut off = 8u64;
        let mut align = 8u64;
        let mut ptr_bytes = 0;
        let mut offsets = Vec::with_capacity(caps.len());
        for c in &caps {
            let l = self.layout(*c)?;
            off = off.div_ceil(l.align) * l.align;
            offsets.push(off);
            if l.ptr_bytes > 0 {
                ptr_bytes = off + l.ptr_bytes;
            }
            off += l.size;
            align = align.max(l.align);
        }
        Ok(ClosureLayout {
            offsets,
            size: off.div_ceil(align) * align,
            ptr_bytes,
        })
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn make_closure(
        &mut self,
        f: FuncId,
        captures: &[ValueId],
    ) -> Result<PointerValue<'ctx>> {
        let l = self.g.closure_layout(f)?;
        let desc = if l.ptr_bytes == 0 {
            self.g.ptr_type().const_zero().into_pointer_value()
        } else {
            let caps = self.g.captures.get(&f).cloned().unwrap_or_default();
            let mut bits = Vec::new();
            for (c, off) in caps.iter().zip(&l.offsets) {
                pointer_bitmap(self.g, *c, *off, &mut bits)?;
            }
            let name = format!("closure {}", self.g.prog.func(f).name);
            self.g.object_desc(&name, l.size, l.ptr_bytes, bits)?
        };
        let size = self.i64c(l.size);
        let obj = self
            .call_rt_val("rgo_alloc", &[size.into(), desc.into()])?
            .into_pointer_value();
        let code = self.g.funcs[f.0 as usize]
            .as_global_value()
            .as_pointer_value();
        self.b.build_store(obj, code)?;
        for (v, off) in captures.iter().zip(&l.offsets) {
            let t = self.ty(*v)?;
            let x = self.val(*v)?;
            let p = self.gep_bytes(obj, *off)?;
            self.store(t, p, x)?;
        }
        Ok(obj)
    }

    pub(crate) fn capture(&mut self, i: u32, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        let f = self.fid.ok_or_else(|| ice!("capture outside a function"))?;
        if !self.g.captures.contains_key(&f) {
            // No closure of this function is ever made, so it never runs.
            self.b.build_unreachable()?;
            self.start_dead_block()?;
            return Ok(self.g.val_type(t)?.const_zero());
        }
        let l = self.g.closure_layout(f)?;
        let off = *l
            .offsets
            .get(i as usize)
            .ok_or_else(|| ice!("capture {i} out of range"))?;
        let ctx = self
            .llfn
            .get_nth_param(0)
            .ok_or_else(|| ice!("missing context parameter"))?
            .into_pointer_value();
        let p = self.gep_bytes(ctx, off)?;
        self.view(t, p)
    }
}
