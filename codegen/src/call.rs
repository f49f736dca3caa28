//! Calls: direct, through func values (closures), through interfaces; and
//! the two bridges to C: wrappers that call `//rgo:extern` runtime symbols
//! and wrappers that make `//export` functions callable from C.
//!
//! Both bridges use the *flattened* C ABI of `rt/ABI.md`: strings, slices
//! and interfaces become their words; structs, arrays and complex numbers
//! a pointer to a copy; one scalar or string result comes back directly,
//! anything else through a hidden first `out` pointer to a Go struct of the
//! results.
//!
//! Direct calls of an `//rgo:extern` function call the C symbol in place;
//! the function also keeps its Go name as an internal Go-convention
//! function whose body calls the symbol, for func values of it.

use frontend::ir::{Callee, FuncId, Type, TypeId, ValueId};
use inkwell::attributes::AttributeLoc;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue, PointerValue};

use crate::function::{FnCx, GoAbi};
use crate::module::Gen;
use crate::{ice, Result};

/// The callee of a Go-convention call.
#[derive(Clone, Copy)]
pub(crate) enum Target<'ctx> {
    Func(FunctionValue<'ctx>),
    Ptr(PointerValue<'ctx>),
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    pub(crate) fn call(
        &mut self,
        callee: &Callee,
        args: &[ValueId],
        dest: Option<TypeId>,
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let argv: Vec<BasicValueEnum<'ctx>> =
            args.iter().map(|a| self.val(*a)).collect::<Result<_>>()?;
        let null = self.g.ptr_type().const_zero();
        match callee {
            Callee::Direct(id) => {
                let f = *self
                    .g
                    .funcs
                    .get(id.0 as usize)
                    .ok_or_else(|| ice!("call of unknown function {}", id.0))?;
                let func = self.g.prog.func(*id);
                let abi = self.g.go_abi(&func.sig.params, &func.sig.results, false)?;
                if func.external.is_some() {
                    // Call the C symbol in place: no wrapper frame (which
                    // also keeps setjmp-like functions correct).
                    let (target, cty) = self.g.extern_decl(*id)?;
                    let vals = self.call_flat(&abi, target, cty, &argv)?;
                    return match (vals.len(), dest) {
                        (0, _) => Ok(None),
                        (1, _) => Ok(Some(vals[0])),
                        (_, Some(t)) => Ok(Some(self.make_tuple(t, &vals)?)),
                        (_, None) => Ok(None),
                    };
                }
                self.go_call(&abi, Target::Func(f), null, None, &argv, dest)
            }
            Callee::Value(v) => {
                let t = self.ty(*v)?;
                let sig = match self.under(t) {
                    Type::Func(s) => s.clone(),
                    _ => return Err(ice!("call of a non-func value")),
                };
                let abi = self.g.go_abi(&sig.params, &sig.results, false)?;
                let closure = self.ptr(*v)?;
                // Calling a nil func panics (a load from null would be
                // undefined behaviour to LLVM, not a fault).
                self.nil_check_ptr(closure)?;
                let code = self
                    .b
                    .build_load(self.g.ptr_type(), closure, "")?
                    .into_pointer_value();
                self.go_call(&abi, Target::Ptr(code), closure.into(), None, &argv, dest)
            }
            Callee::Interface { iface, index } => {
                let it = self.ty(*iface)?;
                let msig = match self.under(it) {
                    Type::Interface(ms) => ms
                        .get(*index as usize)
                        .map(|m| m.sig)
                        .ok_or_else(|| ice!("interface method {index} out of range"))?,
                    _ => return Err(ice!("method call on a non-interface")),
                };
                let sig = match self.g.prog.ty(msig) {
                    Type::Func(s) => s.clone(),
                    _ => return Err(ice!("interface method without a func type")),
                };
                let abi = self.g.go_abi(&sig.params, &sig.results, true)?;
                let x = self.val(*iface)?;
                let (tab, data) = self.iface_parts(x)?;
                self.nil_check_ptr(tab)?;
                // itab.fun[index]
                let slot = self.gep_bytes(tab, 24 + 8 * u64::from(*index))?;
                let code = self
                    .b
                    .build_load(self.g.ptr_type(), slot, "")?
                    .into_pointer_value();
                self.go_call(&abi, Target::Ptr(code), null, Some(data), &argv, dest)
            }
        }
    }

    /// Emits a Go-convention call; the result value (a pointer to the
    /// results for `sret`), if there are results.
    pub(crate) fn go_call(
        &mut self,
        abi: &GoAbi<'ctx>,
        target: Target<'ctx>,
        ctx: BasicValueEnum<'ctx>,
        recv: Option<PointerValue<'ctx>>,
        args: &[BasicValueEnum<'ctx>],
        dest: Option<TypeId>,
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        if args.len() != abi.params.len() {
            return Err(ice!(
                "call with {} arguments, signature has {}",
                args.len(),
                abi.params.len()
            ));
        }
        let mut llargs: Vec<BasicMetadataValueEnum<'ctx>> = vec![ctx.into()];
        let out = if abi.sret {
            let out = match dest {
                Some(t) => self.temp(t, "results")?,
                None => {
                    let l = self.g.results_layout(&abi.results)?;
                    let ty = self.g.cx.i8_type().array_type(l.size as u32);
                    self.temp_of(ty.into(), l.align as u32, "results")?
                }
            };
            llargs.push(out.into());
            Some(out)
        } else {
            None
        };
        if let Some(r) = recv {
            llargs.push(r.into());
        }
        for a in args {
            llargs.push((*a).into());
        }
        let call = match target {
            Target::Func(f) => self.b.build_direct_call(f, &llargs, "")?,
            Target::Ptr(p) => self.b.build_indirect_call(abi.fn_type, p, &llargs, "")?,
        };
        if let Some(out) = out {
            return Ok(Some(out.into()));
        }
        Ok(match call.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            inkwell::values::ValueKind::Instruction(_) => None,
        })
    }
}

// ---- the flattened C ABI ----

/// How one Go value crosses the C boundary.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Flat {
    /// One scalar, unchanged.
    Scalar,
    /// The words of a string or interface.
    Two,
    /// The words of a slice.
    Three,
    /// A pointer to a copy.
    ByRef,
}

/// How the results cross the C boundary.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FlatRet {
    Void,
    Scalar,
    /// A `{ptr, len}` pair (a string) returned in registers.
    Pair,
    /// Through a hidden first `out` pointer.
    Out,
}

impl<'ctx> Gen<'ctx, '_> {
    fn flat(&self, t: TypeId) -> Flat {
        match self.prog.ty(self.prog.underlying(t)) {
            Type::String | Type::Interface(_) => Flat::Two,
            Type::Slice(_) => Flat::Three,
            Type::Struct(_)
            | Type::Array(..)
            | Type::Complex64
            | Type::Complex128
            | Type::Tuple(_) => Flat::ByRef,
            _ => Flat::Scalar,
        }
    }

    fn flat_ret(&self, results: &[TypeId]) -> FlatRet {
        match results {
            [] => FlatRet::Void,
            [r] => match self.flat(*r) {
                Flat::Scalar => FlatRet::Scalar,
                Flat::Two if matches!(self.prog.ty(self.prog.underlying(*r)), Type::String) => {
                    FlatRet::Pair
                }
                _ => FlatRet::Out,
            },
            _ => FlatRet::Out,
        }
    }

    /// The C function type for a Go signature under the flattened ABI.
    fn c_fn_type(&mut self, params: &[TypeId], results: &[TypeId]) -> Result<FunctionType<'ctx>> {
        let p = self.ptr_type();
        let i64t: BasicTypeEnum<'ctx> = self.cx.i64_type().into();
        let ret = self.flat_ret(results);
        let mut tys: Vec<BasicMetadataTypeEnum<'ctx>> = Vec::new();
        if ret == FlatRet::Out {
            tys.push(p.into());
        }
        for t in params {
            match self.flat(*t) {
                Flat::Scalar => tys.push(self.mem_type(*t)?.into()),
                Flat::Two => {
                    let second = if matches!(self.prog.ty(self.prog.underlying(*t)), Type::String) {
                        i64t
                    } else {
                        p
                    };
                    tys.push(p.into());
                    tys.push(second.into());
                }
                Flat::Three => {
                    tys.push(p.into());
                    tys.push(i64t.into());
                    tys.push(i64t.into());
                }
                Flat::ByRef => tys.push(p.into()),
            }
        }
        Ok(match ret {
            FlatRet::Void | FlatRet::Out => self.cx.void_type().fn_type(&tys, false),
            FlatRet::Scalar => self.mem_type(results[0])?.fn_type(&tys, false),
            FlatRet::Pair => self.go_string_type().fn_type(&tys, false),
        })
    }

    /// Zero-extension for `bool` and small unsigned parameters, sign for
    /// small signed ones, as the C ABI expects.
    fn add_c_ext_attrs(
        &self,
        f: FunctionValue<'ctx>,
        params: &[TypeId],
        results: &[TypeId],
    ) -> Result<()> {
        let ret = self.flat_ret(results);
        let mut i = u32::from(ret == FlatRet::Out);
        for t in params {
            let n = match self.flat(*t) {
                Flat::Scalar => 1,
                Flat::Two => 2,
                Flat::Three => 3,
                Flat::ByRef => 1,
            };
            if n == 1 {
                if let Some(a) = self.ext_attr(*t)? {
                    f.add_attribute(AttributeLoc::Param(i), a);
                }
            }
            i += n;
        }
        if ret == FlatRet::Scalar {
            if let Some(a) = self.ext_attr(results[0])? {
                f.add_attribute(AttributeLoc::Return, a);
            }
        }
        Ok(())
    }

    fn ext_attr(&self, t: TypeId) -> Result<Option<inkwell::attributes::Attribute>> {
        Ok(match self.prog.ty(self.prog.underlying(t)) {
            Type::Bool => Some(self.attr("zeroext", 0)?),
            Type::Int(k) if k.bits() < 32 => Some(if k.signed() {
                self.attr("signext", 0)?
            } else {
                self.attr("zeroext", 0)?
            }),
            _ => None,
        })
    }
}

impl<'ctx> Gen<'ctx, '_> {
    /// The C function an `//rgo:extern` function `id` is bound to, and the
    /// C type to call it with.
    fn extern_decl(&mut self, id: FuncId) -> Result<(FunctionValue<'ctx>, FunctionType<'ctx>)> {
        let func = self.prog.func(id);
        let sym = func
            .external
            .as_deref()
            .ok_or_else(|| ice!("{} is not bound to a C symbol", func.name))?;
        let cty = self.c_fn_type(&func.sig.params, &func.sig.results)?;
        let f = match self.module.get_function(sym) {
            Some(f) => f,
            None => {
                let f = self.module.add_function(sym, cty, None);
                self.add_c_ext_attrs(f, &func.sig.params, &func.sig.results)?;
                if sym.contains("setjmp") {
                    // Returns again after a longjmp: LLVM must keep values
                    // in memory across the call.
                    f.add_attribute(AttributeLoc::Function, self.attr("returns_twice", 0)?);
                }
                f
            }
        };
        if f == self.funcs[id.0 as usize] {
            return Err(ice!("extern symbol {sym} has the function's own name"));
        }
        Ok((f, cty))
    }
}

/// The body of the Go-convention function `id`, bound to a C symbol: it
/// forwards its parameters. Direct calls do not come here (they call the
/// symbol in place); this serves func values of the function.
pub(crate) fn extern_wrapper(g: &mut Gen<'_, '_>, id: FuncId) -> Result<()> {
    let func = g.prog.func(id);
    let llfn = g.funcs[id.0 as usize];
    let abi = g.go_abi(&func.sig.params, &func.sig.results, false)?;
    let (target, cty) = g.extern_decl(id)?;
    let mut cx = FnCx::helper(g, llfn, abi.clone());
    let first = abi.first_param();
    let args: Vec<BasicValueEnum<'_>> = (0..abi.params.len() as u32)
        .map(|i| {
            llfn.get_nth_param(first + i)
                .ok_or_else(|| ice!("missing parameter {i}"))
        })
        .collect::<Result<_>>()?;
    let results = cx.call_flat(&abi, target, cty, &args)?;
    cx.return_values(&abi, &results)
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// Calls C function `target` with the flattened ABI; the results as Go
    /// values.
    pub(crate) fn call_flat(
        &mut self,
        abi: &GoAbi<'ctx>,
        target: FunctionValue<'ctx>,
        cty: FunctionType<'ctx>,
        params: &[BasicValueEnum<'ctx>],
    ) -> Result<Vec<BasicValueEnum<'ctx>>> {
        if params.len() != abi.params.len() {
            return Err(ice!(
                "call with {} arguments, signature has {}",
                params.len(),
                abi.params.len()
            ));
        }
        let ret = self.g.flat_ret(&abi.results);
        let mut args: Vec<BasicMetadataValueEnum<'ctx>> = Vec::new();
        let out = if ret == FlatRet::Out {
            let l = self.g.results_layout(&abi.results)?;
            let ty = self.g.cx.i8_type().array_type(l.size as u32);
            let out = self.temp_of(ty.into(), l.align as u32, "out")?;
            args.push(out.into());
            Some(out)
        } else {
            None
        };
        let mut spills = Vec::new();
        for (t, x) in abi.params.iter().zip(params) {
            match self.g.flat(*t) {
                Flat::Scalar => args.push((*x).into()),
                Flat::Two | Flat::Three => {
                    let s = x.into_struct_value();
                    for j in 0..s.get_type().count_fields() {
                        args.push(self.b.build_extract_value(s, j, "")?.into());
                    }
                }
                Flat::ByRef => {
                    let sp = self.spill_short(*t, *x)?;
                    args.push(sp.0.into());
                    spills.push(sp);
                }
            }
        }
        let call = if target.get_type() == cty {
            self.b.build_direct_call(target, &args, "")?
        } else {
            // The symbol was declared with another signature (two Go
            // declarations bound to it): call it with this one.
            let p = target.as_global_value().as_pointer_value();
            self.b.build_indirect_call(cty, p, &args, "")?
        };
        let result = match call.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            inkwell::values::ValueKind::Instruction(_) => None,
        };
        for sp in spills {
            self.end_spill(sp)?;
        }
        Ok(match ret {
            FlatRet::Void => Vec::new(),
            FlatRet::Scalar | FlatRet::Pair => {
                vec![result.ok_or_else(|| ice!("C function returned no value"))?]
            }
            FlatRet::Out => {
                let out = out.ok_or_else(|| ice!("missing out pointer"))?;
                let l = self.g.results_layout(&abi.results)?;
                let mut vals = Vec::new();
                for (i, t) in abi.results.iter().enumerate() {
                    let p = self.gep_bytes(out, l.offsets[i])?;
                    vals.push(self.load(*t, p)?);
                }
                vals
            }
        })
    }

    /// Returns `vals` from this Go-convention function.
    pub(crate) fn return_values(
        &mut self,
        abi: &GoAbi<'ctx>,
        vals: &[BasicValueEnum<'ctx>],
    ) -> Result<()> {
        if abi.sret {
            let out = self
                .llfn
                .get_nth_param(1)
                .ok_or_else(|| ice!("missing sret parameter"))?
                .into_pointer_value();
            let l = self.g.results_layout(&abi.results)?;
            for (i, (t, v)) in abi.results.iter().zip(vals).enumerate() {
                let p = self.gep_bytes(out, l.offsets[i])?;
                self.store(*t, p, *v)?;
            }
            self.b.build_return(None)?;
            return Ok(());
        }
        match vals {
            [] => self.b.build_return(None)?,
            [v] => self.b.build_return(Some(v))?,
            _ => self.b.build_aggregate_return(vals)?,
        };
        Ok(())
    }
}

/// A C-callable function `name` (flattened ABI) that calls Go function
/// `id` with a null context.
pub(crate) fn export_wrapper(g: &mut Gen<'_, '_>, id: FuncId, name: &str) -> Result<()> {
    let func = g.prog.func(id);
    let target = g.funcs[id.0 as usize];
    let abi = g.go_abi(&func.sig.params, &func.sig.results, false)?;
    let cty = g.c_fn_type(&func.sig.params, &func.sig.results)?;
    if g.module.get_function(name).is_some() {
        return Err(ice!("exported name {name} is already defined"));
    }
    let f = g.module.add_function(name, cty, None);
    g.add_common_fn_attrs(f)?;
    g.add_c_ext_attrs(f, &func.sig.params, &func.sig.results)?;
    let mut cx = FnCx::helper(g, f, abi.clone());
    let ret = cx.g.flat_ret(&abi.results);
    let cparams = f.get_params();
    let mut i = usize::from(ret == FlatRet::Out);
    let mut next = || -> Result<BasicValueEnum<'_>> {
        let p = *cparams
            .get(i)
            .ok_or_else(|| ice!("missing C parameter {i}"))?;
        i += 1;
        Ok(p)
    };
    let mut args = Vec::new();
    for t in &abi.params {
        let v = match cx.g.flat(*t) {
            Flat::Scalar => next()?,
            Flat::Two | Flat::Three => {
                let ty = cx.g.mem_type(*t)?.into_struct_type();
                let mut s = ty.get_undef();
                for j in 0..ty.count_fields() {
                    let w = next()?;
                    s = cx.b.build_insert_value(s, w, j, "")?.into_struct_value();
                }
                s.into()
            }
            Flat::ByRef => {
                let p = next()?.into_pointer_value();
                cx.load(*t, p)?
            }
        };
        args.push(v);
    }
    let null = cx.g.ptr_type().const_zero();
    let dest = None;
    let r = cx.go_call(&abi, Target::Func(target), null, None, &args, dest)?;
    match ret {
        FlatRet::Void => {
            cx.b.build_return(None)?;
        }
        FlatRet::Scalar | FlatRet::Pair => {
            let v = r.ok_or_else(|| ice!("Go function returned no value"))?;
            cx.b.build_return(Some(&v))?;
        }
        FlatRet::Out => {
            let out = f
                .get_nth_param(0)
                .ok_or_else(|| ice!("missing out parameter"))?
                .into_pointer_value();
            let r = r.ok_or_else(|| ice!("Go function returned no value"))?;
            let l = cx.g.results_layout(&abi.results)?;
            let results = abi.results.clone();
            for (k, t) in results.iter().enumerate() {
                // A single value, an sret block, or a struct of values.
                let v = if abi.sret {
                    let p = cx.gep_bytes(crate::instr::as_ptr(r)?, l.offsets[k])?;
                    cx.view(*t, p)?
                } else if results.len() == 1 {
                    r
                } else {
                    cx.b.build_extract_value(r.into_struct_value(), k as u32, "")?
                };
                let p = cx.gep_bytes(out, l.offsets[k])?;
                cx.store(*t, p, v)?;
            }
            cx.b.build_return(None)?;
        }
    }
    Ok(())
}
