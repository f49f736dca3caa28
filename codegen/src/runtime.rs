//! Declarations of the runtime's entry points (`rgo_*`, see `rt/ABI.md`),
//! with the C signature and the attributes that let LLVM optimise around
//! them: panics are `noreturn cold` (the checks that call them become
//! never-taken branches), the allocator is marked as one (unused
//! allocations can be deleted), string comparison only reads its
//! arguments.

use inkwell::attributes::AttributeLoc;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue};

use crate::function::FnCx;
use crate::module::Gen;
use crate::{ice, Result};

/// What LLVM may assume about an entry point.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    /// Never returns; only on failure paths.
    Panic,
    /// `rgo_alloc`: returns fresh zeroed memory.
    Alloc,
    /// Reads only the memory its pointer arguments point to.
    ReadArgs,
}

impl<'ctx> Gen<'ctx, '_> {
    /// The declaration of runtime function `name`, added on first use, and
    /// the type to call it with (which differs from the declaration's only
    /// if an `//rgo:extern` declaration of the same symbol came first).
    pub(crate) fn rt(&mut self, name: &str) -> Result<(FunctionValue<'ctx>, FunctionType<'ctx>)> {
        let cx = self.cx;
        let p: BasicTypeEnum<'ctx> = self.ptr_type();
        let i64t: BasicTypeEnum<'ctx> = cx.i64_type().into();
        let i8t: BasicTypeEnum<'ctx> = cx.i8_type().into();
        let i32t: BasicTypeEnum<'ctx> = cx.i32_type().into();
        let f64t: BasicTypeEnum<'ctx> = cx.f64_type().into();
        let f32t: BasicTypeEnum<'ctx> = cx.f32_type().into();
        let gostr: BasicTypeEnum<'ctx> = cx.struct_type(&[p, i64t], false).into();
        let pair: BasicTypeEnum<'ctx> = cx.struct_type(&[i64t, i64t], false).into();
        use Kind::*;
        let (params, ret, kind): (Vec<BasicTypeEnum<'ctx>>, Option<BasicTypeEnum<'ctx>>, Kind) =
            match name {
                "rgo_alloc" => (vec![i64t, p], Some(p), Alloc),
                "rgo_panic_bounds" => (vec![i8t, i64t, i64t, i8t], None, Panic),
                "rgo_panic_divide"
                | "rgo_panic_nil"
                | "rgo_panic_shift"
                | "rgo_panic_makeslice_len"
                | "rgo_panic_makeslice_cap"
                | "rgo_panic_nilmap" => (vec![], None, Panic),
                "rgo_panic_typeassert" => (vec![p, p, p], None, Panic),
                "rgo_panic_unhashable" | "rgo_panic_uncomparable" => (vec![p], None, Panic),
                "rgo_panic_slicetoarray" => (vec![i64t, i64t], None, Panic),
                "rgo_gopanic" => (vec![p, p], None, Panic),
                "rgo_concatstring" => (vec![p, i64t, p, i64t], Some(gostr), Plain),
                "rgo_concatstrings" => (vec![p, i64t], Some(gostr), Plain),
                "rgo_cmpstring" => (vec![p, i64t, p, i64t], Some(i64t), ReadArgs),
                "rgo_intstring" => (vec![i64t], Some(gostr), Plain),
                "rgo_slicebytetostring" => (vec![p, i64t], Some(gostr), Plain),
                "rgo_slicerunetostring" => (vec![p, i64t], Some(gostr), Plain),
                "rgo_stringtoslicebyte" | "rgo_stringtoslicerune" => {
                    (vec![p, p, i64t], None, Plain)
                }
                "rgo_decoderune" => (vec![p, i64t, i64t], Some(pair), ReadArgs),
                "rgo_makeslice" => (vec![p, i64t, i64t], Some(p), Plain),
                "rgo_growslice" => (vec![p, p, p, i64t, i64t, i64t], None, Plain),
                "rgo_makemap" => (vec![p, i64t], Some(p), Plain),
                "rgo_mapaccess" | "rgo_mapassign" => (vec![p, p, p], Some(p), Plain),
                "rgo_mapdelete" => (vec![p, p, p], None, Plain),
                "rgo_maplen" | "rgo_chanlen" | "rgo_chancap" => (vec![p], Some(i64t), Plain),
                "rgo_mapiterinit" => (vec![p, p], Some(p), Plain),
                "rgo_mapiternext" => (vec![p], Some(i8t), Plain),
                "rgo_mapiterkey" | "rgo_mapiterelem" => (vec![p], Some(p), Plain),
                "rgo_getitab" => (vec![p, p, i8t], Some(p), Plain),
                "rgo_efaceeq" | "rgo_typeequal" => (vec![p, p, p], Some(i8t), Plain),
                "rgo_printstring" => (vec![p, i64t], None, Plain),
                "rgo_printint" | "rgo_printuint" => (vec![i64t], None, Plain),
                "rgo_printfloat" => (vec![f64t], None, Plain),
                "rgo_printfloat32" => (vec![f32t], None, Plain),
                "rgo_printcomplex64" => (vec![f32t, f32t], None, Plain),
                "rgo_printslice" => (vec![p, i64t, i64t], None, Plain),
                "rgo_printbool" => (vec![i8t], None, Plain),
                "rgo_printpointer" => (vec![p], None, Plain),
                "rgo_printsp" | "rgo_printnl" => (vec![], None, Plain),
                "rgo_printeface" => (vec![p, p], None, Plain),
                "rgo_printcomplex" => (vec![f64t, f64t], None, Plain),
                "memcmp" => (vec![p, p, i64t], Some(i32t), ReadArgs),
                _ => return Err(ice!("unknown runtime function {name}")),
            };
        let ptys: Vec<BasicMetadataTypeEnum<'ctx>> = params.iter().map(|t| (*t).into()).collect();
        let fn_type = match ret {
            Some(r) => r.fn_type(&ptys, false),
            None => cx.void_type().fn_type(&ptys, false),
        };
        if let Some(f) = self.module.get_function(name) {
            return Ok((f, fn_type));
        }
        let f = self.module.add_function(name, fn_type, None);
        for (i, t) in params.iter().enumerate() {
            if *t == i8t {
                f.add_attribute(AttributeLoc::Param(i as u32), self.attr("zeroext", 0)?);
            }
        }
        match kind {
            Plain => {}
            Panic => {
                f.add_attribute(AttributeLoc::Function, self.attr("noreturn", 0)?);
                f.add_attribute(AttributeLoc::Function, self.attr("cold", 0)?);
            }
            Alloc => {
                // allockind: alloc | zeroed; allocsize(0): argument 0 is the
                // size (the packed form puts the index in the high half and
                // marks the absent second argument with all ones).
                f.add_attribute(AttributeLoc::Function, self.attr("allockind", 1 | 16)?);
                f.add_attribute(AttributeLoc::Function, self.attr("allocsize", 0xFFFF_FFFF)?);
                f.add_attribute(
                    AttributeLoc::Function,
                    cx.create_string_attribute("alloc-family", "rgo"),
                );
                f.add_attribute(AttributeLoc::Return, self.attr("noalias", 0)?);
                f.add_attribute(AttributeLoc::Return, self.attr("nonnull", 0)?);
            }
            ReadArgs => {
                // memory(argmem: read)
                f.add_attribute(AttributeLoc::Function, self.attr("memory", 1)?);
                f.add_attribute(AttributeLoc::Function, self.attr("nounwind", 0)?);
                f.add_attribute(AttributeLoc::Function, self.attr("willreturn", 0)?);
            }
        }
        Ok((f, fn_type))
    }

    /// An enum attribute by name.
    pub(crate) fn attr(&self, name: &str, val: u64) -> Result<inkwell::attributes::Attribute> {
        let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(name);
        if kind == 0 {
            return Err(ice!("LLVM has no attribute {name}"));
        }
        Ok(self.cx.create_enum_attribute(kind, val))
    }

    /// A type attribute (`sret(T)`, `byval(T)`) by name.
    pub(crate) fn type_attr(
        &self,
        name: &str,
        ty: inkwell::types::AnyTypeEnum<'ctx>,
    ) -> Result<inkwell::attributes::Attribute> {
        let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(name);
        if kind == 0 {
            return Err(ice!("LLVM has no attribute {name}"));
        }
        Ok(self.cx.create_type_attribute(kind, ty))
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// Calls runtime function `name`; its result, if it has one.
    pub(crate) fn call_rt(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let (f, ty) = self.g.rt(name)?;
        let call = if f.get_type() == ty {
            self.b.build_direct_call(f, args, "")?
        } else {
            let p = f.as_global_value().as_pointer_value();
            self.b.build_indirect_call(ty, p, args, "")?
        };
        Ok(match call.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            inkwell::values::ValueKind::Instruction(_) => None,
        })
    }

    /// Calls runtime function `name`, which returns a value.
    pub(crate) fn call_rt_val(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        self.call_rt(name, args)?
            .ok_or_else(|| ice!("{name} returns no value"))
    }
}
