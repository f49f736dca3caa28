//! The syntax tree: an exact picture of one Go source file.
//!
//! The parser builds one [`File`] per source file. Nothing here is resolved
//! or checked: names are plain strings, types are expressions, and the
//! checker (`frontend::types`) decides what every node means.
//!
//! Every [`Expr`], every declared or referenced [`Ident`], and the few other
//! nodes later stages attach facts to (import specs, case and comm clauses)
//! carry a [`NodeId`], unique across the whole compilation: the parser draws
//! them from a shared [`NodeIdGen`], so tables keyed by `NodeId` need no file
//! component.
//!
//! Spans are byte ranges covering the whole construct. gc reports many errors
//! not at the start of a node but at a token inside it (the operator of a
//! binary expression, the `(` of a call, the `.` of a selector); those tokens'
//! spans are kept in the node, and [`Expr::pos`] / [`Stmt::pos`] return the
//! position gc would use.

use crate::source::{FileId, Span};

/// Identity of a syntax node, unique within one compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Hands out [`NodeId`]s. One generator is shared by all files of a
/// compilation so ids never collide.
#[derive(Debug, Default)]
pub struct NodeIdGen {
    next: u32,
}

impl NodeIdGen {
    pub fn new() -> NodeIdGen {
        NodeIdGen::default()
    }

    /// A generator whose first id is `first` (for tests, or to leave room for
    /// ids created by later stages).
    pub fn starting_at(first: u32) -> NodeIdGen {
        NodeIdGen { next: first }
    }

    pub fn fresh(&mut self) -> NodeId {
        let id = NodeId(self.next);
        self.next = self.next.wrapping_add(1);
        id
    }

    /// The id the next call to [`NodeIdGen::fresh`] returns.
    pub fn peek(&self) -> NodeId {
        NodeId(self.next)
    }
}

// ---------------------------------------------------------------------------
// Files and declarations
// ---------------------------------------------------------------------------

/// One parsed source file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub file: FileId,
    /// The whole file.
    pub span: Span,
    /// The name in the `package` clause.
    pub package: Ident,
    /// `//go:build` and `// +build` lines that precede the package clause.
    pub build_constraints: Vec<Directive>,
    /// Every import spec of the file, in source order (grouped or not;
    /// grouping of imports has no meaning in Go).
    pub imports: Vec<ImportSpec>,
    /// Top-level const, var, type and func declarations, in source order.
    pub decls: Vec<Decl>,
    /// Every directive comment of the file (`//go:...`, `//rgo:...`,
    /// `//export ...`, `//line ...`), in source order, wherever it appears.
    /// `//go:linkname` applies file-wide, so it is found here.
    pub directives: Vec<Directive>,
    /// The cgo preamble: the doc comment of `import "C"`. `None` when the
    /// file does not import "C" or the import has no doc comment.
    pub cgo_preamble: Option<CommentText>,
    /// Declarations generated for the package's `import "C"` (the `C.name`
    /// bindings): body-less functions bound to C wrappers are allowed.
    pub cgo_generated: bool,
}

impl File {
    /// Whether the file has `import "C"`.
    pub fn imports_c(&self) -> bool {
        self.imports.iter().any(|i| i.path == "C")
    }

    /// `//go:linkname local target` directives (target absent when only the
    /// local name is given, which marks the symbol as pushed to other
    /// packages).
    pub fn linknames(&self) -> impl Iterator<Item = (&Directive, &str, Option<&str>)> {
        self.directives.iter().filter_map(|d| {
            if d.name() != "go:linkname" {
                return None;
            }
            let mut args = d.args();
            let local = args.next()?;
            Some((d, local, args.next()))
        })
    }
}

/// A comment line that means something to the compiler: `//go:noinline`,
/// `//go:linkname a b`, `//export F`, `//rgo:...`, `//go:build ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub span: Span,
    /// The comment without its leading `//`, e.g. `go:linkname f runtime.f`
    /// or `export F` (for `// +build` lines: `+build ...`).
    pub text: String,
}

impl Directive {
    /// The directive's name: the first word of [`Directive::text`]
    /// (`go:noinline`, `export`, `rgo:intrinsic`, `+build`).
    pub fn name(&self) -> &str {
        self.text.split_whitespace().next().unwrap_or("")
    }

    /// The words after the name.
    pub fn args(&self) -> impl Iterator<Item = &str> {
        self.text.split_whitespace().skip(1)
    }
}

/// The text of a comment group with the comment markers removed, as cgo
/// reads a preamble: each `//` line contributes its text plus a newline, each
/// `/* */` comment its inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentText {
    /// From the first comment's start to the last one's end.
    pub span: Span,
    pub text: String,
}

/// `import name "path"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    /// Identity of the package name this import declares in the file scope.
    pub id: NodeId,
    pub span: Span,
    /// The explicit name, `.` or `_` included (`.` is an `Ident` named ".").
    pub name: Option<Ident>,
    /// The decoded import path (`"fmt"` → `fmt`). Empty if the literal was
    /// malformed (the parser has reported it).
    pub path: String,
    /// The path literal as written, quotes included.
    pub path_raw: String,
    pub path_span: Span,
    /// The doc comment directly above the spec (or above a single-spec,
    /// unparenthesised import declaration).
    pub doc: Option<CommentText>,
}

/// A top-level or local declaration.
// Files hold few declarations; boxing function declarations would only make
// every match on them noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `const`, `var` or `type`, grouped or not.
    Gen(GenDecl),
    /// Only at the top level.
    Func(FuncDecl),
}

impl Decl {
    pub fn span(&self) -> Span {
        match self {
            Decl::Gen(d) => d.span,
            Decl::Func(d) => d.span,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GenKind {
    Const,
    Var,
    Type,
}

/// `const (...)`, `var x int`, `type T struct{}`... The specs of a group stay
/// together: a const group's iota and implicit repetition depend on it.
#[derive(Clone, Debug, PartialEq)]
pub struct GenDecl {
    pub span: Span,
    pub kind: GenKind,
    /// The `(` of a parenthesised group.
    pub lparen: Option<Span>,
    /// For `Const` and `Var`: only `Spec::Value`; for `Type`: only
    /// `Spec::Type`.
    pub specs: Vec<Spec>,
    /// Directive comments directly before the declaration or, in a group,
    /// before one of its specs (`//go:embed`...). gc attaches these per
    /// spec; the specs' spans tell which one a directive precedes.
    pub directives: Vec<Directive>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Spec {
    Value(ValueSpec),
    Type(TypeSpec),
}

/// One line of a const or var declaration: `a, b T = x, y`.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty when omitted: in a const group this means "repeat the previous
    /// spec's type and values" (the checker does the repetition).
    pub values: Vec<Expr>,
    /// Index of this spec within its group, from 0: the value of `iota`.
    pub iota: u32,
}

/// `Name[TypeParams] Type` or `Name = Type` (alias, possibly generic).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub span: Span,
    pub name: Ident,
    /// Empty for a non-generic type.
    pub type_params: Vec<Field>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
}

/// `func (recv) Name[TypeParams](params) results { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub span: Span,
    /// The receiver of a method. A receiver list with several entries is a
    /// syntax error (reported); the first entry is kept.
    pub recv: Option<Field>,
    pub name: Ident,
    pub type_params: Vec<Field>,
    pub ty: FuncType,
    /// `None` for a declaration without body (implemented elsewhere:
    /// assembly, `//go:linkname`, the runtime).
    pub body: Option<Block>,
    /// Directive comments between the previous declaration and this one:
    /// `//go:noinline`, `//go:nosplit`, `//export F`, `//rgo:...`.
    pub directives: Vec<Directive>,
}

impl FuncDecl {
    /// Whether a directive named `name` (e.g. `go:noinline`) precedes the
    /// function.
    pub fn has_directive(&self, name: &str) -> bool {
        self.directives.iter().any(|d| d.name() == name)
    }

    /// The C name of an `//export Name` function.
    pub fn export_name(&self) -> Option<&str> {
        self.directives
            .iter()
            .find(|d| d.name() == "export")
            .and_then(|d| d.args().next())
    }
}

/// A name and its position. Declared names (variables, constants, types,
/// functions, labels, parameters, fields, methods) as well as selected names
/// (`x.Sel`) are `Ident`s; a name used as an expression is
/// `ExprKind::Ident`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub id: NodeId,
    pub span: Span,
    pub name: String,
}

/// A parameter, result, receiver, type parameter or struct field group:
/// `a, b int`, an unnamed `int`, an embedded field `*T`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub span: Span,
    /// Empty for unnamed parameters/results and embedded struct fields.
    pub names: Vec<Ident>,
    /// The type (for type parameters: the constraint). A variadic parameter
    /// has type `ExprKind::Ellipsis(T)`.
    pub ty: Expr,
    /// Struct field tag (a string literal).
    pub tag: Option<BasicLit>,
}

/// A function's signature (for func declarations, literals and types).
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    /// From `func` (or the `(` of the parameters in a method spec, a func
    /// declaration or a function type, whose expression spans `func`) to
    /// the end of the results.
    pub span: Span,
    pub params: Vec<Field>,
    /// An unparenthesised single result is one unnamed field.
    pub results: Vec<Field>,
}

impl FuncType {
    pub fn is_variadic(&self) -> bool {
        self.params
            .last()
            .is_some_and(|f| matches!(f.ty.kind, ExprKind::Ellipsis(_)))
    }
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

/// `{ stmts }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// From `{` to `}` inclusive.
    pub span: Span,
    pub stmts: Vec<Stmt>,
}

impl Block {
    /// The closing brace (where gc places a function's implicit return).
    pub fn rbrace(&self) -> Span {
        Span::new(self.span.file, self.span.hi.saturating_sub(1), self.span.hi)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `;` or nothing (e.g. an empty statement before `}`).
    Empty,
    /// A parse error was reported here.
    Bad,
    /// A local `const`, `var` or `type` declaration.
    Decl(GenDecl),
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    /// An expression used as a statement (calls, receives).
    Expr(Expr),
    /// `ch <- v`.
    Send {
        chan: Expr,
        value: Expr,
        arrow: Span,
    },
    /// `x++` / `x--`.
    IncDec {
        x: Expr,
        inc: bool,
        op_span: Span,
    },
    /// `a, b = x, y`, `a += x`, and short variable declarations `a, b := x, y`
    /// (`op == AssignOp::Define`; the left side is then a list of
    /// identifiers, which the checker verifies).
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
        op_span: Span,
    },
    /// `go f(x)`; the expression should be a call (checked later).
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If(IfStmt),
    Switch(SwitchStmt),
    TypeSwitch(TypeSwitchStmt),
    Select(SelectStmt),
    For(ForStmt),
    Range(RangeStmt),
}

/// `if init; cond { then } else els`.
#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Box<Stmt>>,
    pub cond: Expr,
    pub then: Block,
    /// Either `StmtKind::If` or `StmtKind::Block`.
    pub els: Option<Box<Stmt>>,
}

/// `switch init; tag { clauses }`.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchStmt {
    pub init: Option<Box<Stmt>>,
    /// `None` for `switch { ... }` (a switch on `true`).
    pub tag: Option<Expr>,
    pub clauses: Vec<CaseClause>,
    /// From `{` to `}`.
    pub body_span: Span,
}

/// `switch init; bind := x.(type) { clauses }`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSwitchStmt {
    pub init: Option<Box<Stmt>>,
    /// The `bind` of `bind := x.(type)`; each clause declares its own
    /// variable of that name (see [`CaseClause::id`]).
    pub binding: Option<Ident>,
    /// The `x` of `x.(type)`.
    pub x: Expr,
    /// The whole guard `bind := x.(type)`.
    pub guard_span: Span,
    pub clauses: Vec<CaseClause>,
    pub body_span: Span,
}

/// `case a, b: body` or `default: body`, in expression and type switches.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Identity of the variable a type switch's binding declares in this
    /// clause.
    pub id: NodeId,
    /// From `case`/`default` to the end of the body.
    pub span: Span,
    /// `None` for `default`. In a type switch, the entries are types (or
    /// `nil`).
    pub exprs: Option<Vec<Expr>>,
    pub colon: Span,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SelectStmt {
    pub clauses: Vec<CommClause>,
    pub body_span: Span,
}

/// `case comm: body` or `default: body` in a select.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    pub id: NodeId,
    pub span: Span,
    /// `None` for `default`; otherwise a `Send`, an `Expr` (a receive) or an
    /// `Assign` with `=` or `:=` whose right side is a receive.
    pub comm: Option<Box<Stmt>>,
    pub colon: Span,
    pub body: Vec<Stmt>,
}

/// `for init; cond; post { body }`, `for cond { body }`, `for { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub init: Option<Box<Stmt>>,
    pub cond: Option<Expr>,
    pub post: Option<Box<Stmt>>,
    pub body: Block,
}

/// `for key, value := range x { body }` (also `=`, and `for range x`).
#[derive(Clone, Debug, PartialEq)]
pub struct RangeStmt {
    pub key: Option<Expr>,
    pub value: Option<Expr>,
    /// `:=` rather than `=`.
    pub define: bool,
    /// The `range` keyword.
    pub range_span: Span,
    /// What is ranged over: array, slice, string, map, channel, integer,
    /// or function.
    pub x: Expr,
    pub body: Block,
    /// Where a third iteration variable starts (`for a, b, c := range`),
    /// an error the type checker reports.
    pub extra_var: Option<Span>,
}

/// `=`, `:=`, or an `op=` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    Assign,
    Define,
    /// `+=`, `<<=`, `&^=`...: the binary operator.
    Op(BinaryOp),
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A parse error was reported here.
    Bad,
    /// A name used as an operand or type (`x`, `int`, `_`).
    Ident(String),
    BasicLit(BasicLit),
    /// `T{elts}`; `ty` is `None` for an elided type inside another
    /// composite literal (`[]T{{1, 2}}`). Keyed elements are
    /// `ExprKind::KeyValue`.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elts: Vec<Expr>,
        lbrace: Span,
        rbrace: Span,
    },
    /// `func(params) results { body }`.
    FuncLit {
        ty: FuncType,
        body: Block,
    },
    /// `(x)`. Parentheses are always kept, around types (`[](int)`) and
    /// after `&` (`&(T{})`) too, where gc's parser drops them: use
    /// [`Expr::unparen`] where they do not matter.
    Paren(Box<Expr>),
    /// `x.sel`.
    Selector {
        x: Box<Expr>,
        sel: Ident,
        dot: Span,
    },
    /// `x[i]`, and generic instantiation `f[int, string]` (several indices).
    Index {
        x: Box<Expr>,
        indices: Vec<Expr>,
        lbrack: Span,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` set; `hi` and `max` are then
    /// present unless a syntax error was reported).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
        lbrack: Span,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)` (only valid as a type switch
    /// guard, which the parser turns into a `TypeSwitchStmt`).
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
        dot: Span,
    },
    /// `f(args)` or `f(args...)` (`dots`), also conversions `T(x)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        dots: bool,
        lparen: Span,
        rparen: Span,
    },
    /// `*x`: a dereference or a pointer type, decided by the checker.
    Star(Box<Expr>),
    /// `+x -x !x ^x &x <-x ~x` (`~` only in constraints).
    Unary {
        op: UnaryOp,
        x: Box<Expr>,
    },
    /// `x op y`. Type-set unions in constraints (`~int | string`) are
    /// `BinaryOp::Or` of terms.
    Binary {
        op: BinaryOp,
        x: Box<Expr>,
        y: Box<Expr>,
        op_span: Span,
    },
    /// `key: value` in a composite literal.
    KeyValue {
        key: Box<Expr>,
        value: Box<Expr>,
        colon: Span,
    },
    /// `[N]T`, or `[...]T` when `len` is `None`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    /// `[]T`.
    SliceType(Box<Expr>),
    /// `struct { fields }`; embedded fields have no names.
    StructType(Vec<Field>),
    /// `*T` is `Star`; this is `func(params) results`.
    FuncType(FuncType),
    InterfaceType(Vec<InterfaceElem>),
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
    /// `...T` as the type of a (final) parameter.
    Ellipsis(Box<Expr>),
}

impl Expr {
    /// The position gc attaches to this node, where it reports most errors
    /// about it: the operator of a binary expression, the `(` of a call, the
    /// `.` of a selector or type assertion, the `[` of an index or slice, the
    /// `{` of a composite literal, the `:` of a key-value pair, the `(` of a
    /// function type; the start of
    /// the node otherwise.
    pub fn pos(&self) -> Span {
        match &self.kind {
            ExprKind::Binary { op_span, .. } => *op_span,
            ExprKind::Call { lparen, .. } => *lparen,
            ExprKind::Selector { dot, .. } | ExprKind::TypeAssert { dot, .. } => *dot,
            ExprKind::Index { lbrack, .. } | ExprKind::Slice { lbrack, .. } => *lbrack,
            ExprKind::CompositeLit { lbrace, .. } => *lbrace,
            ExprKind::KeyValue { colon, .. } => *colon,
            ExprKind::FuncType(ft) => ft.span.start(),
            _ => self.span.start(),
        }
    }

    /// The expression without enclosing parentheses.
    pub fn unparen(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        e
    }

    /// The name, if this is a plain identifier.
    pub fn as_ident(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Ident(name) => Some(name),
            _ => None,
        }
    }
}

impl Stmt {
    /// The position gc attaches to this statement: the operator of an
    /// assignment, `++`/`--` or send; the start otherwise.
    pub fn pos(&self) -> Span {
        match &self.kind {
            StmtKind::Assign { op_span, .. } | StmtKind::IncDec { op_span, .. } => *op_span,
            StmtKind::Send { arrow, .. } => *arrow,
            _ => self.span.start(),
        }
    }
}

/// A literal as written. Values are decoded on demand with
/// [`crate::syntax::literal`]'s functions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasicLit {
    pub kind: LitKind,
    /// The source text, e.g. `0x1p-2`, `'\n'`, `` `raw` ``, `"a\tb"`.
    pub raw: String,
    /// The lexer reported an error in this literal; later stages should not
    /// report it again.
    pub bad: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// A method or an embedded element of an interface type.
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method { name: Ident, ty: FuncType },
    /// An embedded interface `io.Reader`, or a type-set term or union:
    /// `~int | ~string`, `int`.
    Embed(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x` (bitwise complement)
    Xor,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
    /// `~T` (type-set term)
    Tilde,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    LOr,
    LAnd,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    AndNot,
}

impl BinaryOp {
    /// Binding strength: 5 for `* / % << >> & &^`, 4 for `+ - | ^`, 3 for
    /// comparisons, 2 for `&&`, 1 for `||`.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LAnd => 2,
            LOr => 1,
        }
    }

    pub fn is_comparison(self) -> bool {
        self.precedence() == 3
    }

    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            LOr => "||",
            LAnd => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            And => "&",
            AndNot => "&^",
        }
    }
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::Xor => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
            UnaryOp::Tilde => "~",
        }
    }
}
