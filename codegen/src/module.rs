//! One LLVM module per program: the state shared by all of code generation
//! ([`Gen`]), and the order of work.
//!
//! [`build`] declares every function (so calls can refer to any of them)
//! and every package-level variable, lowers the bodies, emits the wrappers
//! for `//rgo:extern` and `//export` functions, `__rgo_main`, and finally
//! the type descriptors that the code asked for along the way (descriptors
//! refer to each other, so they are created on first reference and filled
//! in at the end), and the table of GC roots.

use std::collections::HashMap;
use std::rc::Rc;

use frontend::ir::{FuncId, InstrKind, Program, TypeId};
use inkwell::attributes::AttributeLoc;
use inkwell::context::Context;
use inkwell::module::{FlagBehavior, Linkage, Module};
use inkwell::targets::{TargetData, TargetMachine};
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, FunctionValue, GlobalValue, PointerValue};
use inkwell::GlobalVisibility;

use crate::function::GoAbi;
use crate::layout::Layouts;
use crate::{call, function, ice, Options, Result};

/// Code generation state for one program.
pub(crate) struct Gen<'ctx, 'p> {
    pub cx: &'ctx Context,
    pub module: Module<'ctx>,
    pub td: TargetData,
    pub prog: &'p Program,
    pub layouts: Layouts,
    pub mem_types: HashMap<TypeId, BasicTypeEnum<'ctx>>,
    pub abis: HashMap<(Vec<TypeId>, Vec<TypeId>, bool), Rc<GoAbi<'ctx>>>,
    /// Every IR function, Go convention, by id.
    pub funcs: Vec<FunctionValue<'ctx>>,
    /// Every package-level variable, by id.
    pub globals: Vec<GlobalValue<'ctx>>,
    /// Constant string bytes, deduplicated.
    pub strings: HashMap<Vec<u8>, GlobalValue<'ctx>>,
    /// Capture types of each closure function, from its `MakeClosure`s.
    pub captures: HashMap<FuncId, Vec<TypeId>>,
    pub static_closures: HashMap<FuncId, GlobalValue<'ctx>>,
    pub descs: crate::typedesc::Descs<'ctx>,
    /// Helper functions emitted on demand (method wrappers, complex
    /// division), by name.
    pub helpers: HashMap<String, FunctionValue<'ctx>>,
    /// A counter for unique names of private constants.
    pub next_const: u32,
}

/// Builds the LLVM module for `prog` (not yet optimised).
pub(crate) fn build<'ctx>(
    cx: &'ctx Context,
    prog: &Program,
    opts: &Options,
    machine: &TargetMachine,
) -> Result<Module<'ctx>> {
    let module = cx.create_module("main");
    module.set_triple(&machine.get_triple());
    let td = machine.get_target_data();
    module.set_data_layout(&td.get_data_layout());
    let i32t = cx.i32_type();
    module.add_basic_value_flag(
        "PIC Level",
        FlagBehavior::Override,
        i32t.const_int(2, false),
    );
    if !opts.pic {
        module.add_basic_value_flag(
            "PIE Level",
            FlagBehavior::Override,
            i32t.const_int(2, false),
        );
    }
    let mut g = Gen {
        cx,
        module,
        td,
        prog,
        layouts: Layouts::default(),
        mem_types: HashMap::new(),
        abis: HashMap::new(),
        funcs: Vec::with_capacity(prog.funcs.len()),
        globals: Vec::with_capacity(prog.globals.len()),
        strings: HashMap::new(),
        captures: HashMap::new(),
        static_closures: HashMap::new(),
        descs: Default::default(),
        helpers: HashMap::new(),
        next_const: 0,
    };
    g.collect_captures()?;
    g.declare_functions()?;
    g.declare_globals()?;
    for (i, f) in prog.funcs.iter().enumerate() {
        let id = FuncId(i as u32);
        if g.intrinsic_body(id)? {
            // A library function computed by one instruction.
        } else if !f.blocks.is_empty() {
            function::lower(&mut g, id)?;
        } else if f.external.is_some() {
            call::extern_wrapper(&mut g, id).map_err(|e| e.in_function(&f.name).at(f.span))?;
        }
        if let Some(name) = &f.export {
            call::export_wrapper(&mut g, id, name)
                .map_err(|e| e.in_function(&f.name).at(f.span))?;
        }
    }
    g.rgo_main(opts.library)?;
    if !opts.library {
        g.c_main()?;
    }
    g.gc_roots()?;
    g.finish_descriptors()?;
    g.place_go_code();
    Ok(g.module)
}

impl<'ctx> Gen<'ctx, '_> {
    /// Closure bodies find their captures at offsets fixed by the
    /// `MakeClosure` that builds the context object; record the types.
    fn collect_captures(&mut self) -> Result<()> {
        let prog = self.prog;
        for f in &prog.funcs {
            for b in &f.blocks {
                for ins in &b.instrs {
                    if let InstrKind::MakeClosure { func, captures } = &ins.kind {
                        let tys: Vec<TypeId> = captures
                            .iter()
                            .map(|v| {
                                f.values
                                    .get(v.0 as usize)
                                    .copied()
                                    .ok_or_else(|| ice!("{}: value {v} out of range", f.name))
                            })
                            .collect::<Result<_>>()?;
                        if let Some(old) = self.captures.get(func) {
                            if *old != tys {
                                return Err(ice!(
                                    "closure {} built with different captures",
                                    prog.func(*func).name
                                ));
                            }
                        }
                        self.captures.insert(*func, tys);
                    }
                }
            }
        }
        Ok(())
    }

    fn declare_functions(&mut self) -> Result<()> {
        let prog = self.prog;
        for f in &prog.funcs {
            let abi = self.go_abi(&f.sig.params, &f.sig.results, false)?;
            let has_body = !f.blocks.is_empty() || f.external.is_some();
            let linkage = if has_body {
                Linkage::Internal
            } else {
                Linkage::External
            };
            let llfn = self
                .module
                .add_function(&f.name, abi.fn_type, Some(linkage));
            self.add_go_attrs(llfn, &abi)?;
            if f.noinline {
                llfn.add_attribute(AttributeLoc::Function, self.attr("noinline", 0)?);
            }
            self.funcs.push(llfn);
        }
        Ok(())
    }

    fn declare_globals(&mut self) -> Result<()> {
        let prog = self.prog;
        for gl in &prog.globals {
            let ty = self.mem_type(gl.ty)?;
            let align = self.align(gl.ty)?;
            if let Some(sym) = &gl.extern_sym {
                let v = self.module.add_global(ty, None, sym);
                v.set_linkage(Linkage::External);
                self.globals.push(v);
                continue;
            }
            let v = self.module.add_global(ty, None, &gl.name);
            v.set_linkage(Linkage::Internal);
            v.set_initializer(&ty.const_zero());
            v.set_alignment(align);
            self.globals.push(v);
        }
        Ok(())
    }

    /// `__rgo_main`, called by the runtime's `main`: the package
    /// initialisers in order, then `main.main`.
    fn rgo_main(&mut self, library: bool) -> Result<()> {
        let cx = self.cx;
        let f = self
            .module
            .add_function("__rgo_main", cx.void_type().fn_type(&[], false), None);
        self.add_common_fn_attrs(f)?;
        let b = cx.create_builder();
        b.position_at_end(cx.append_basic_block(f, "entry"));
        let null = self.ptr_type().const_zero();
        let prog = self.prog;
        let main = if library { None } else { prog.main };
        for id in prog.inits.iter().chain(main.iter()) {
            let callee = *self
                .funcs
                .get(id.0 as usize)
                .ok_or_else(|| ice!("init function {} out of range", id.0))?;
            let func = prog.func(*id);
            if !func.sig.params.is_empty() || !func.sig.results.is_empty() {
                return Err(ice!(
                    "{} must take no arguments and return nothing",
                    func.name
                ));
            }
            b.build_direct_call(callee, &[null.into()], "")?;
        }
        b.build_return(None)?;
        Ok(())
    }

    /// An executable's C `main`: the runtime's `rgo_main`, which starts
    /// the scheduler and runs `__rgo_main` on the main goroutine.
    fn c_main(&mut self) -> Result<()> {
        let cx = self.cx;
        let i32t = cx.i32_type();
        let p = self.ptr_type();
        let fty = i32t.fn_type(&[i32t.into(), p.into()], false);
        let f = self.module.add_function("main", fty, None);
        let rt = match self.module.get_function("rgo_main") {
            Some(f) => f,
            None => self.module.add_function("rgo_main", fty, None),
        };
        let b = cx.create_builder();
        b.position_at_end(cx.append_basic_block(f, "entry"));
        let args: Vec<_> = f.get_params().iter().map(|&a| a.into()).collect();
        let r = match b.build_direct_call(rt, &args, "")?.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => v,
            _ => return Err(ice!("rgo_main returns no value")),
        };
        b.build_return(Some(&r))?;
        Ok(())
    }

    /// The GC's root table: for each package-level variable that can hold
    /// pointers, its address and type descriptor, in section
    /// `rgo_gcroots` (the runtime walks `__start_rgo_gcroots` ..
    /// `__stop_rgo_gcroots`; each module contributes its own table).
    fn gc_roots(&mut self) -> Result<()> {
        let prog = self.prog;
        let p = self.ptr_type();
        let entry_ty = self.cx.struct_type(&[p, p], false);
        let mut entries = Vec::new();
        for (i, gl) in prog.globals.iter().enumerate() {
            if gl.extern_sym.is_some() || self.layout(gl.ty)?.ptr_bytes == 0 {
                continue;
            }
            let desc = self.typedesc(gl.ty)?;
            let addr = self.globals[i].as_pointer_value();
            entries.push(entry_ty.const_named_struct(&[addr.into(), desc.into()]));
        }
        if entries.is_empty() {
            return Ok(());
        }
        let arr = entry_ty.const_array(&entries);
        let table = self.module.add_global(arr.get_type(), None, "rgo.gcroots");
        table.set_linkage(Linkage::Internal);
        table.set_constant(true);
        table.set_initializer(&arr);
        table.set_section(Some("rgo_gcroots"));
        table.set_alignment(8);
        self.mark_used(table)?;
        Ok(())
    }

    /// Puts every compiled Go function in the section `rgo_text`: the
    /// runtime preempts a thread by signal only when it is running code
    /// from there (never runtime code, which may hold locks).
    fn place_go_code(&mut self) {
        let noredzone = inkwell::attributes::Attribute::get_named_enum_kind_id("noredzone");
        let mut f = self.module.get_first_function();
        while let Some(func) = f {
            let go = func
                .get_enum_attribute(AttributeLoc::Function, noredzone)
                .is_some();
            if go && func.count_basic_blocks() > 0 {
                func.set_section(Some("rgo_text"));
            }
            f = func.get_next_function();
        }
    }

    /// Keeps `g` even though nothing refers to it (`llvm.used`).
    fn mark_used(&mut self, g: GlobalValue<'ctx>) -> Result<()> {
        let p = self.cx.ptr_type(inkwell::AddressSpace::default());
        let arr = p.const_array(&[g.as_pointer_value()]);
        let used = self.module.add_global(arr.get_type(), None, "llvm.used");
        used.set_linkage(Linkage::Appending);
        used.set_section(Some("llvm.metadata"));
        used.set_initializer(&arr);
        Ok(())
    }

    /// A private constant global holding `value` (unique name).
    pub(crate) fn private_const(
        &mut self,
        prefix: &str,
        value: &dyn BasicValue<'ctx>,
        align: u32,
    ) -> GlobalValue<'ctx> {
        let name = format!("{prefix}.{}", self.next_const);
        self.next_const += 1;
        let ty = value.as_basic_value_enum().get_type();
        let gv = self.module.add_global(ty, None, &name);
        gv.set_linkage(Linkage::Private);
        gv.set_constant(true);
        gv.set_unnamed_addr(true);
        gv.set_initializer(value);
        gv.set_alignment(align.max(1));
        gv
    }

    /// `[256 x i64]` holding 0..=255, for boxing small integers.
    pub(crate) fn small_ints(&mut self) -> PointerValue<'ctx> {
        if let Some(g) = self.module.get_global("go.smallints") {
            return g.as_pointer_value();
        }
        let i64t = self.cx.i64_type();
        let vals: Vec<_> = (0..256).map(|i| i64t.const_int(i, false)).collect();
        let arr = i64t.const_array(&vals);
        let g = self.module.add_global(arr.get_type(), None, "go.smallints");
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_unnamed_addr(true);
        g.set_initializer(&arr);
        g.set_alignment(8);
        g.as_pointer_value()
    }

    /// A type-identity global (descriptor, itab): one per program even
    /// when several modules define it.
    pub(crate) fn make_odr(&self, gv: GlobalValue<'ctx>) {
        gv.set_linkage(Linkage::LinkOnceODR);
        gv.set_visibility(GlobalVisibility::Hidden);
        let comdat = self
            .module
            .get_or_insert_comdat(&gv.get_name().to_string_lossy());
        gv.set_comdat(comdat);
    }
}
