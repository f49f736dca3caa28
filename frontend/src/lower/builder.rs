//! Building one IR function: blocks, typed values, stack slots, and the
//! current insertion point.

use crate::ir::{
    BinOp, Block, BlockId, BoundsKind, Callee, Const, Instr, InstrKind, Local, LocalId, Terminator,
    TypeId, ValueId,
};
use crate::source::Span;

/// A block under construction: its terminator is set once.
struct PendingBlock {
    instrs: Vec<Instr>,
    term: Option<Terminator>,
}

pub(super) struct Builder {
    blocks: Vec<PendingBlock>,
    pub values: Vec<TypeId>,
    pub locals: Vec<Local>,
    pub params: Vec<ValueId>,
    cur: BlockId,
    /// Span attached to emitted instructions.
    pub span: Span,
}

impl Builder {
    pub fn new(span: Span) -> Builder {
        Builder {
            blocks: vec![PendingBlock {
                instrs: Vec::new(),
                term: None,
            }],
            values: Vec::new(),
            locals: Vec::new(),
            params: Vec::new(),
            cur: BlockId(0),
            span,
        }
    }

    pub fn new_value(&mut self, ty: TypeId) -> ValueId {
        self.values.push(ty);
        ValueId(self.values.len() as u32 - 1)
    }

    pub fn param(&mut self, ty: TypeId) -> ValueId {
        let v = self.new_value(ty);
        self.params.push(v);
        v
    }

    pub fn value_type(&self, v: ValueId) -> TypeId {
        self.values.get(v.0 as usize).copied().unwrap_or(TypeId(0))
    }

    pub fn new_local(&mut self, name: &str, ty: TypeId) -> LocalId {
        self.locals.push(Local {
            name: name.to_string(),
            ty,
        });
        LocalId(self.locals.len() as u32 - 1)
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(PendingBlock {
            instrs: Vec::new(),
            term: None,
        });
        BlockId(self.blocks.len() as u32 - 1)
    }

    pub fn current(&self) -> BlockId {
        self.cur
    }

    pub fn set_block(&mut self, b: BlockId) {
        self.cur = b;
    }

    /// Whether the current block already ends (code after a return, panic
    /// or jump is unreachable and goes to a fresh block).
    pub fn is_terminated(&self) -> bool {
        self.blocks
            .get(self.cur.0 as usize)
            .is_some_and(|b| b.term.is_some())
    }

    fn ensure_open(&mut self) {
        if self.is_terminated() {
            let b = self.new_block();
            self.cur = b;
        }
    }

    pub fn emit(&mut self, kind: InstrKind, ty: Option<TypeId>) -> Option<ValueId> {
        self.ensure_open();
        let dest = ty.map(|t| self.new_value(t));
        let span = self.span;
        if let Some(b) = self.blocks.get_mut(self.cur.0 as usize) {
            b.instrs.push(Instr { dest, kind, span });
        }
        dest
    }

    /// Emits an instruction that produces a value of type `ty`.
    pub fn val(&mut self, kind: InstrKind, ty: TypeId) -> ValueId {
        match self.emit(kind, Some(ty)) {
            Some(v) => v,
            None => ValueId(0),
        }
    }

    pub fn stmt(&mut self, kind: InstrKind) {
        self.emit(kind, None);
    }

    pub fn terminate(&mut self, t: Terminator) {
        self.ensure_open();
        if let Some(b) = self.blocks.get_mut(self.cur.0 as usize) {
            b.term = Some(t);
        }
    }

    pub fn jump(&mut self, to: BlockId) {
        if !self.is_terminated() {
            self.terminate(Terminator::Jump(to));
        }
    }

    pub fn branch(&mut self, cond: ValueId, then: BlockId, otherwise: BlockId) {
        self.terminate(Terminator::Branch {
            cond,
            then,
            otherwise,
        });
    }

    // Convenience emitters.

    pub fn konst(&mut self, c: Const, ty: TypeId) -> ValueId {
        self.val(InstrKind::Const(c), ty)
    }

    pub fn load(&mut self, addr: ValueId, ty: TypeId) -> ValueId {
        self.val(InstrKind::Load(addr), ty)
    }

    pub fn store(&mut self, addr: ValueId, value: ValueId) {
        self.stmt(InstrKind::Store { addr, value });
    }

    pub fn local_addr(&mut self, l: LocalId, ptr_ty: TypeId) -> ValueId {
        self.val(InstrKind::LocalAddr(l), ptr_ty)
    }

    pub fn binary(&mut self, op: BinOp, a: ValueId, b: ValueId, ty: TypeId) -> ValueId {
        self.val(InstrKind::Binary(op, a, b), ty)
    }

    pub fn bounds(&mut self, kind: BoundsKind, x: ValueId, y: ValueId) {
        self.stmt(InstrKind::BoundsCheck { kind, x, y });
    }

    pub fn call(
        &mut self,
        callee: Callee,
        args: Vec<ValueId>,
        ret: Option<TypeId>,
    ) -> Option<ValueId> {
        self.emit(InstrKind::Call { callee, args }, ret)
    }

    /// Finishes: blocks still open get `default` (`Return([])` for
    /// functions without results; `Unreachable` otherwise, since the checker
    /// proved the body terminates).
    pub fn finish(
        self,
        default: Terminator,
    ) -> (Vec<Block>, Vec<TypeId>, Vec<Local>, Vec<ValueId>) {
        let blocks = self
            .blocks
            .into_iter()
            .map(|b| Block {
                instrs: b.instrs,
                term: b.term.unwrap_or_else(|| default.clone()),
            })
            .collect();
        (blocks, self.values, self.locals, self.params)
    }
}
