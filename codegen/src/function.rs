//! Lowering one function: the Go calling convention, the frame (locals as
//! entry-block allocas), blocks in dominance order, and terminators.
//!
//! The Go convention (`rt/ABI.md`): `(ctx: ptr, [sret: ptr], params...) ->
//! ret`. `ctx` is the closure context (null for direct calls). Parameters
//! are values in their representation (see [`crate::layout`]: indirect ones
//! are pointers to immutable copies, marked `noalias readonly`). Results
//! come back as the single value, a struct of values, or — when any result
//! is indirect — through the hidden `sret` pointer. Methods called through
//! an interface take the interface data word right after `ctx` (and `sret`).
//!
//! IR blocks are lowered in reverse postorder from the entry, so every
//! value is lowered before its uses (definitions dominate uses); blocks
//! unreachable from the entry are dropped. Locals are allocas in a
//! dedicated entry block, zeroed there, so mem2reg/SROA promote them.

use std::collections::HashMap;
use std::rc::Rc;

use frontend::ir::{self, BlockId, FuncId, Terminator, TypeId, ValueId};
use inkwell::attributes::AttributeLoc;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::types::{AnyType, BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{BasicValueEnum, FunctionValue, IntValue, PointerValue};

use crate::module::Gen;
use crate::{ice, Result};

/// How a Go signature maps to an LLVM function type.
#[derive(Debug)]
pub(crate) struct GoAbi<'ctx> {
    pub fn_type: FunctionType<'ctx>,
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// Results are written through a hidden pointer (LLVM parameter 1) to
    /// memory laid out as a Go struct of the results.
    pub sret: bool,
    /// A method called through an interface: the data word comes first.
    pub recv_word: bool,
}

impl GoAbi<'_> {
    /// LLVM index of the first Go parameter (after ctx, sret, receiver).
    pub(crate) fn first_param(&self) -> u32 {
        1 + u32::from(self.sret) + u32::from(self.recv_word)
    }

    /// LLVM index of the interface receiver word.
    pub(crate) fn recv_param(&self) -> u32 {
        1 + u32::from(self.sret)
    }
}

impl<'ctx> Gen<'ctx, '_> {
    /// The LLVM shape of a Go signature, cached.
    pub(crate) fn go_abi(
        &mut self,
        params: &[TypeId],
        results: &[TypeId],
        recv_word: bool,
    ) -> Result<Rc<GoAbi<'ctx>>> {
        let key = (params.to_vec(), results.to_vec(), recv_word);
        if let Some(a) = self.abis.get(&key) {
            return Ok(a.clone());
        }
        let ptr = self.ptr_type();
        let mut sret = false;
        for r in results {
            sret |= self.is_indirect(*r)?;
        }
        let mut tys: Vec<BasicMetadataTypeEnum<'ctx>> = vec![ptr.into()];
        if sret {
            tys.push(ptr.into());
        }
        if recv_word {
            tys.push(ptr.into());
        }
        for p in params {
            tys.push(self.val_type(*p)?.into());
        }
        let fn_type = if sret || results.is_empty() {
            self.cx.void_type().fn_type(&tys, false)
        } else if results.len() == 1 {
            self.val_type(results[0])?.fn_type(&tys, false)
        } else {
            self.results_struct(results)?.fn_type(&tys, false)
        };
        let abi = Rc::new(GoAbi {
            fn_type,
            params: params.to_vec(),
            results: results.to_vec(),
            sret,
            recv_word,
        });
        self.abis.insert(key, abi.clone());
        Ok(abi)
    }

    /// The LLVM struct returned (directly) for several direct results.
    pub(crate) fn results_struct(&mut self, results: &[TypeId]) -> Result<BasicTypeEnum<'ctx>> {
        let mut tys = Vec::new();
        for r in results {
            tys.push(self.mem_type(*r)?);
        }
        Ok(self.cx.struct_type(&tys, false).into())
    }

    /// Memory for results returned through `sret`: size and alignment.
    pub(crate) fn results_layout(&mut self, results: &[TypeId]) -> Result<crate::layout::Layout> {
        self.layouts.struct_of(self.prog, results)
    }

    /// Attributes every Go function carries; and those of its parameters.
    pub(crate) fn add_go_attrs(&mut self, f: FunctionValue<'ctx>, abi: &GoAbi<'ctx>) -> Result<()> {
        self.add_common_fn_attrs(f)?;
        if abi.sret {
            let l = self.results_layout(&abi.results)?;
            let ty = self.cx.i8_type().array_type(l.size as u32);
            let sret = self.type_attr("sret", ty.as_any_type_enum())?;
            f.add_attribute(AttributeLoc::Param(1), sret);
            f.add_attribute(AttributeLoc::Param(1), self.attr("noalias", 0)?);
            f.add_attribute(AttributeLoc::Param(1), self.attr("align", l.align.max(1))?);
        }
        let first = abi.first_param();
        for (i, p) in abi.params.clone().iter().enumerate() {
            if self.is_indirect(*p)? {
                let l = self.layout(*p)?;
                let at = AttributeLoc::Param(first + i as u32);
                f.add_attribute(at, self.attr("noalias", 0)?);
                f.add_attribute(at, self.attr("readonly", 0)?);
                f.add_attribute(at, self.attr("nonnull", 0)?);
                f.add_attribute(at, self.attr("dereferenceable", l.size)?);
                f.add_attribute(at, self.attr("align", l.align)?);
            }
        }
        Ok(())
    }

    /// Frame pointers (as gc keeps them; stack traces and profilers walk
    /// them), unwind tables, and the baseline CPU.
    pub(crate) fn add_common_fn_attrs(&mut self, f: FunctionValue<'ctx>) -> Result<()> {
        f.add_attribute(
            AttributeLoc::Function,
            self.cx.create_string_attribute("frame-pointer", "all"),
        );
        f.add_attribute(
            AttributeLoc::Function,
            self.cx
                .create_string_attribute("target-cpu", crate::emit::CPU),
        );
        // 2 = asynchronous unwind tables.
        f.add_attribute(AttributeLoc::Function, self.attr("uwtable", 2)?);
        // Nothing below the stack pointer: a preemption signal pushes a
        // call frame there (see `rt/src/sched/preempt.rs`).
        f.add_attribute(AttributeLoc::Function, self.attr("noredzone", 0)?);
        // A prologue compares the stack pointer with the goroutine's
        // limit (kept by the runtime at %fs:0x70) and calls `__morestack`,
        // which reports gc's stack overflow (see `rt/src/sched/stack.rs`).
        f.add_attribute(
            AttributeLoc::Function,
            self.cx.create_string_attribute("split-stack", ""),
        );
        // As gc, no tail calls: recursion keeps its frames (so infinite
        // recursion overflows the stack rather than looping) and every
        // caller stays on the stack for tracebacks.
        f.add_attribute(
            AttributeLoc::Function,
            self.cx
                .create_string_attribute("disable-tail-calls", "true"),
        );
        Ok(())
    }
}

/// Per-function lowering state.
pub(crate) struct FnCx<'a, 'ctx, 'p> {
    pub g: &'a mut Gen<'ctx, 'p>,
    pub b: Builder<'ctx>,
    /// For allocas, which go at the start of the entry block.
    pub alloca_b: Builder<'ctx>,
    pub entry: BasicBlock<'ctx>,
    pub func: &'p ir::Function,
    /// The function being lowered (None for helpers such as wrappers).
    pub fid: Option<FuncId>,
    pub llfn: FunctionValue<'ctx>,
    pub abi: Rc<GoAbi<'ctx>>,
    vals: Vec<Option<BasicValueEnum<'ctx>>>,
    pub locals: Vec<PointerValue<'ctx>>,
    blocks: HashMap<BlockId, BasicBlock<'ctx>>,
    /// Concatenations folded into the one that uses them (see
    /// [`crate::string`]): their operands, not yet concatenated.
    pub concat_parts: HashMap<ValueId, Vec<ValueId>>,
    /// Concatenation results whose only use is a later concatenation in
    /// the same block.
    pub fused_concats: std::collections::HashSet<ValueId>,
}

/// Lowers the body of function `id`, already declared.
pub(crate) fn lower(g: &mut Gen<'_, '_>, id: FuncId) -> Result<()> {
    let prog = g.prog;
    let func = prog.func(id);
    let llfn = g.funcs[id.0 as usize];
    let abi = g.go_abi(&func.sig.params, &func.sig.results, false)?;
    let b = g.cx.create_builder();
    let alloca_b = g.cx.create_builder();
    let entry = g.cx.append_basic_block(llfn, "entry");
    let mut cx = FnCx {
        g,
        b,
        alloca_b,
        entry,
        func,
        fid: Some(id),
        llfn,
        abi,
        vals: vec![None; func.values.len()],
        locals: Vec::new(),
        blocks: HashMap::new(),
        concat_parts: HashMap::new(),
        fused_concats: crate::string::fusable_concats(func),
    };
    cx.lower_body()
        .map_err(|e| e.in_function(&func.name).at(func.span))
}

/// The IR function behind helpers, which have no IR of their own.
static NO_IR: ir::Function = ir::Function {
    name: String::new(),
    sig: ir::Signature {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    },
    params: Vec::new(),
    values: Vec::new(),
    locals: Vec::new(),
    blocks: Vec::new(),
    external: None,
    span: frontend::source::Span {
        file: frontend::source::FileId(0),
        lo: 0,
        hi: 0,
    },
    export: None,
    noinline: false,
};

impl<'a, 'ctx, 'p> FnCx<'a, 'ctx, 'p> {
    /// A context for emitting the body of a helper function (wrappers,
    /// runtime helpers) that has no IR: an entry block, builders at it.
    pub(crate) fn helper(
        g: &'a mut Gen<'ctx, 'p>,
        llfn: FunctionValue<'ctx>,
        abi: Rc<GoAbi<'ctx>>,
    ) -> FnCx<'a, 'ctx, 'p> {
        let b = g.cx.create_builder();
        let alloca_b = g.cx.create_builder();
        let entry = g.cx.append_basic_block(llfn, "entry");
        b.position_at_end(entry);
        FnCx {
            g,
            b,
            alloca_b,
            entry,
            func: &NO_IR,
            fid: None,
            llfn,
            abi,
            vals: Vec::new(),
            locals: Vec::new(),
            blocks: HashMap::new(),
            concat_parts: HashMap::new(),
            fused_concats: Default::default(),
        }
    }
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    fn lower_body(&mut self) -> Result<()> {
        let entry = self.entry;
        let func = self.func;
        if func.params.len() != self.abi.params.len() {
            return Err(ice!("parameter count differs from the signature"));
        }
        let first = self.abi.first_param();
        for (i, p) in func.params.iter().enumerate() {
            let v = self
                .llfn
                .get_nth_param(first + i as u32)
                .ok_or_else(|| ice!("missing LLVM parameter {i}"))?;
            self.set(*p, v)?;
        }
        self.b.position_at_end(entry);
        for l in &func.locals {
            let p = self.temp(l.ty, &l.name)?;
            self.zero_into(l.ty, p)?;
            self.locals.push(p);
        }
        let order = reverse_postorder(func)?;
        for id in &order {
            let bb = self
                .g
                .cx
                .append_basic_block(self.llfn, &format!("b{}", id.0));
            self.blocks.insert(*id, bb);
        }
        for id in order {
            let bb = self.block(id)?;
            self.b.position_at_end(bb);
            let block = &func.blocks[id.0 as usize];
            for ins in &block.instrs {
                self.lower_instr(ins).map_err(|e| e.at(ins.span))?;
            }
            self.lower_term(&block.term)?;
        }
        // The entry block is ours (allocas, zeroing); IR block 0 may be a
        // loop header, so it has a block of its own.
        let first_block = self.block(BlockId(0))?;
        self.b.position_at_end(entry);
        self.b.build_unconditional_branch(first_block)?;
        Ok(())
    }

    pub(crate) fn block(&self, id: BlockId) -> Result<BasicBlock<'ctx>> {
        self.blocks
            .get(&id)
            .copied()
            .ok_or_else(|| ice!("branch to unknown block b{}", id.0))
    }

    /// The LLVM value of an IR value.
    pub(crate) fn val(&self, v: ValueId) -> Result<BasicValueEnum<'ctx>> {
        self.vals
            .get(v.0 as usize)
            .copied()
            .flatten()
            .ok_or_else(|| ice!("value {v} used before its definition"))
    }

    pub(crate) fn set(&mut self, v: ValueId, x: BasicValueEnum<'ctx>) -> Result<()> {
        // Every value must have its type's representation; checking here
        // turns a mismatch into an error at the instruction that made it.
        let t = self.ty(v)?;
        let want = self.g.val_type(t)?;
        if x.get_type() != want {
            return Err(ice!(
                "{v} of type {} is represented as {}, expected {}",
                self.g.prog.type_name(t),
                x.get_type(),
                want
            ));
        }
        match self.vals.get_mut(v.0 as usize) {
            Some(slot) => {
                *slot = Some(x);
                Ok(())
            }
            None => Err(ice!("value {v} out of range")),
        }
    }

    /// The IR type of a value.
    pub(crate) fn ty(&self, v: ValueId) -> Result<TypeId> {
        self.func
            .values
            .get(v.0 as usize)
            .copied()
            .ok_or_else(|| ice!("value {v} out of range"))
    }

    pub(crate) fn int(&self, v: ValueId) -> Result<IntValue<'ctx>> {
        match self.val(v)? {
            BasicValueEnum::IntValue(i) => Ok(i),
            other => Err(ice!("{v} is not an integer: {other:?}")),
        }
    }

    pub(crate) fn ptr(&self, v: ValueId) -> Result<PointerValue<'ctx>> {
        match self.val(v)? {
            BasicValueEnum::PointerValue(p) => Ok(p),
            other => Err(ice!("{v} is not a pointer: {other:?}")),
        }
    }

    fn lower_term(&mut self, term: &Terminator) -> Result<()> {
        match term {
            Terminator::Jump(t) => {
                let bb = self.block(*t)?;
                self.b.build_unconditional_branch(bb)?;
            }
            Terminator::Branch {
                cond,
                then,
                otherwise,
            } => {
                let c = self.int(*cond)?;
                let c = self.cond_i1(c)?;
                let (t, o) = (self.block(*then)?, self.block(*otherwise)?);
                self.b.build_conditional_branch(c, t, o)?;
            }
            Terminator::Return(vs) => self.lower_return(vs)?,
            Terminator::Unreachable => {
                self.b.build_unreachable()?;
            }
        }
        Ok(())
    }

    fn lower_return(&mut self, vs: &[ValueId]) -> Result<()> {
        let abi = self.abi.clone();
        if vs.len() != abi.results.len() {
            return Err(ice!(
                "return of {} values, signature has {}",
                vs.len(),
                abi.results.len()
            ));
        }
        if abi.sret {
            let out = self
                .llfn
                .get_nth_param(1)
                .ok_or_else(|| ice!("missing sret parameter"))?
                .into_pointer_value();
            let l = self.g.results_layout(&abi.results)?;
            for (i, v) in vs.iter().enumerate() {
                let p = self.gep_bytes(out, l.offsets[i])?;
                let x = self.val(*v)?;
                self.store(abi.results[i], p, x)?;
            }
            self.b.build_return(None)?;
            return Ok(());
        }
        match vs.len() {
            0 => {
                self.b.build_return(None)?;
            }
            1 => {
                let x = self.val(vs[0])?;
                self.b.build_return(Some(&x))?;
            }
            _ => {
                let xs: Vec<BasicValueEnum<'ctx>> =
                    vs.iter().map(|v| self.val(*v)).collect::<Result<_>>()?;
                self.b.build_aggregate_return(&xs)?;
            }
        }
        Ok(())
    }

    /// Continue emitting in a fresh block with no predecessors (after a
    /// call that never returns, the IR may still list instructions).
    pub(crate) fn start_dead_block(&mut self) -> Result<()> {
        let bb = self.g.cx.append_basic_block(self.llfn, "dead");
        self.b.position_at_end(bb);
        Ok(())
    }
}

/// Blocks reachable from the entry, in reverse postorder.
fn reverse_postorder(func: &ir::Function) -> Result<Vec<BlockId>> {
    let n = func.blocks.len();
    if n == 0 {
        return Err(ice!("function has no blocks"));
    }
    let succs = |b: usize| -> Vec<usize> {
        match &func.blocks[b].term {
            Terminator::Jump(t) => vec![t.0 as usize],
            Terminator::Branch {
                then, otherwise, ..
            } => vec![otherwise.0 as usize, then.0 as usize],
            _ => vec![],
        }
    };
    let mut seen = vec![false; n];
    let mut post = Vec::with_capacity(n);
    // Iterative DFS: (block, next successor index).
    let mut stack: Vec<(usize, Vec<usize>)> = vec![(0, succs(0))];
    seen[0] = true;
    while let Some((b, rest)) = stack.last_mut() {
        match rest.pop() {
            Some(s) => {
                if s >= n {
                    return Err(ice!("branch to unknown block b{s}"));
                }
                if !seen[s] {
                    seen[s] = true;
                    let ss = succs(s);
                    stack.push((s, ss));
                }
            }
            None => {
                post.push(BlockId(*b as u32));
                stack.pop();
            }
        }
    }
    post.reverse();
    Ok(post)
}

/// The values an instruction reads.
pub(crate) fn operands(k: &ir::InstrKind) -> Vec<ValueId> {
    use ir::InstrKind as K;
    match k {
        K::Const(_)
        | K::LocalAddr(_)
        | K::GlobalAddr(_)
        | K::FuncValue(_)
        | K::New(_)
        | K::TypeDesc(_)
        | K::Capture(_) => vec![],
        K::MakeMap { hint } => hint.iter().copied().collect(),
        K::Load(v)
        | K::Unary(_, v)
        | K::Convert(v)
        | K::NilCheck(v)
        | K::DataPtr(v)
        | K::Len(v)
        | K::Cap(v)
        | K::MapIterStart(v)
        | K::MapIterNext(v)
        | K::MakeInterface(v)
        | K::ChangeInterface(v)
        | K::TypeDescOf(v)
        | K::Panic(v) => vec![*v],
        K::TypeAssert { value, .. } => vec![*value],
        K::FieldAddr { base, .. } | K::Field { base, .. } => vec![*base],
        K::Extract { tuple, .. } => vec![*tuple],
        K::Store { addr, value } => vec![*addr, *value],
        K::Binary(_, a, b) => vec![*a, *b],
        K::IndexAddr { base, index } | K::Element { base, index } => vec![*base, *index],
        K::BoundsCheck { x, y, .. } => vec![*x, *y],
        K::MakeSliceHeader { data, len, cap } => vec![*data, *len, *cap],
        K::MakeStringHeader { data, len } => vec![*data, *len],
        K::MakeSlice { len, cap } => vec![*len, *cap],
        K::Append { slice, elems } => std::iter::once(*slice)
            .chain(elems.iter().copied())
            .collect(),
        K::AppendSlice { dst, src } | K::Copy { dst, src } => vec![*dst, *src],
        K::MapIndex { map, key, .. } | K::MapDelete { map, key } => vec![*map, *key],
        K::MapStore { map, key, value } => vec![*map, *key, *value],
        K::DecodeRune { string, index } => vec![*string, *index],
        K::Call { callee, args } => {
            let mut vs = match callee {
                ir::Callee::Direct(_) => vec![],
                ir::Callee::Value(v) => vec![*v],
                ir::Callee::Interface { iface, .. } => vec![*iface],
            };
            vs.extend(args.iter().copied());
            vs
        }
        K::MakeClosure { captures, .. } => captures.clone(),
        K::Print { args, .. } => args.clone(),
    }
}

/// The values a terminator reads.
pub(crate) fn term_operands(t: &Terminator) -> Vec<ValueId> {
    match t {
        Terminator::Branch { cond, .. } => vec![*cond],
        Terminator::Return(vs) => vs.clone(),
        Terminator::Jump(_) | Terminator::Unreachable => vec![],
    }
}
