//! The typed IR: the contract between the front end and `codegen`.
//!
//! A [`Program`] is the whole program after checking and lowering: every
//! package's functions and globals, generic code already instantiated, every
//! construct desugared. `codegen` reads nothing else of the front end.
//!
//! Shape of a function:
//! - *Values* ([`ValueId`]) are SSA temporaries, each defined once by an
//!   instruction (or as a parameter) and typed ([`Function::values`]).
//! - *Variables live in memory*: every Go variable is an address, either a
//!   stack slot ([`InstrKind::LocalAddr`] of a [`Local`]) or a heap object
//!   ([`InstrKind::New`]) when escape analysis says it outlives the call.
//!   Reads are [`InstrKind::Load`], writes [`InstrKind::Store`]. There are no
//!   phi nodes: control-flow merges go through locals, and LLVM's
//!   mem2reg/SROA turns the slots back into registers.
//! - Blocks end in exactly one [`Terminator`]; block 0 is the entry.
//! - Evaluation order is explicit: instructions run in the order listed.
//! - Runtime checks are explicit instructions ([`InstrKind::BoundsCheck`],
//!   [`InstrKind::NilCheck`]); operations whose Go semantics need care
//!   (division by zero and `MinInt / -1`, shift counts ≥ width or negative,
//!   string and interface comparison) are single instructions whose exact Go
//!   semantics `codegen` implements, as documented on each variant.
//!
//! Calling convention (implemented by `codegen`, stated here because the
//! runtime relies on it): every Go function takes a hidden first parameter,
//! the closure context pointer (null for direct calls of top-level functions
//! and methods). A func value is a pointer to a closure object whose first
//! word is the code pointer; calling it passes the object itself as context.
//!
//! The IR prints to a stable text form ([`Program`]'s `Display`) for review
//! and snapshots.

use std::fmt;

use crate::source::Span;

/// Index into [`Program::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// Index into [`Program::funcs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// Index into [`Program::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// Index into [`Function::values`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueId(pub u32);

/// Index into [`Function::locals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// Index into [`Function::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// A whole program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Every type used, deduplicated: structurally identical unnamed types
    /// share one id, so `TypeId` equality is Go type identity.
    pub types: Vec<Type>,
    pub globals: Vec<Global>,
    pub funcs: Vec<Function>,
    /// Package initialisers (variable initialisation and `init` functions),
    /// in the order they must run: dependencies first.
    pub inits: Vec<FuncId>,
    /// `main.main`; `None` for a library (c-shared, c-archive).
    pub main: Option<FuncId>,
}

/// Integer types, with their Go names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
    Int8,
    Int16,
    Int32,
    Int64,
    Int,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uint,
    Uintptr,
}

impl IntKind {
    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    pub fn signed(self) -> bool {
        matches!(
            self,
            IntKind::Int8 | IntKind::Int16 | IntKind::Int32 | IntKind::Int64 | IntKind::Int
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Int => "int",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uint => "uint",
            IntKind::Uintptr => "uintptr",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

/// A Go type, as codegen needs it: layout (amd64, as gc), identity, and the
/// names and method sets that type descriptors carry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Bool,
    Int(IntKind),
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Struct(Vec<Field>),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Func(Signature),
    /// Methods sorted by name (as gc sorts them for itabs).
    Interface(Vec<InterfaceMethod>),
    Named(Named),
    /// The results of a call with several results (never a variable's type).
    Tuple(Vec<TypeId>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// The struct tag, raw (without quotes), empty if none.
    pub tag: String,
    /// Package path for unexported names (identity of unexported fields).
    pub pkg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T` (its type is `[]T`).
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceMethod {
    pub name: String,
    /// A [`Type::Func`] without the receiver.
    pub sig: TypeId,
}

/// A defined (named) type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Named {
    /// As `%T` prints it: `main.Point`, `time.Duration`, `main.List[int]`.
    pub name: String,
    /// Import path of the declaring package (`main`, `time`).
    pub pkg: String,
    pub underlying: TypeId,
    /// The method set of the *value* type and of the pointer type together,
    /// sorted by name; each entry names the function that implements it.
    pub methods: Vec<Method>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Method {
    pub name: String,
    /// A [`Type::Func`] without the receiver.
    pub sig: TypeId,
    /// The function implementing it; its first parameter is the receiver.
    pub func: FuncId,
    /// Declared on `*T` (so only in the pointer type's method set).
    pub pointer_receiver: bool,
}

/// A package-level variable. Zero-initialised; initialisers run in the
/// package's init function.
#[derive(Clone, Debug)]
pub struct Global {
    /// Link name, e.g. `main.counter`.
    pub name: String,
    pub ty: TypeId,
    pub span: Span,
    /// A C variable (`C.name`, cgo's `_Cvar_name`): the symbol of the C
    /// definition this global is, neither defined nor scanned by Go.
    pub extern_sym: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// Link name: `main.main`, `main.T.String`, `main.(*T).Set`,
    /// `main.main.func1` for closures.
    pub name: String,
    pub sig: Signature,
    /// One value per entry of `sig.params`, in order (the receiver of a
    /// method is the first).
    pub params: Vec<ValueId>,
    /// Type of each value, indexed by [`ValueId`].
    pub values: Vec<TypeId>,
    pub locals: Vec<Local>,
    /// Empty for an external function.
    pub blocks: Vec<Block>,
    /// For a body-less Go declaration bound to a runtime symbol
    /// (`//rgo:extern symbol`): called with the flattened C ABI (see
    /// `rt/ABI.md`), never with the Go convention.
    pub external: Option<String>,
    /// Where it was declared; for stack traces and `internal compiler
    /// error` messages.
    pub span: Span,
    /// Exported to C (`//export Name`) under this name.
    pub export: Option<String>,
    /// `//go:noinline`: never inlined into its callers.
    pub noinline: bool,
}

/// A stack slot.
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: TypeId,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub term: Terminator,
}

#[derive(Clone, Debug)]
pub struct Instr {
    /// The value defined, if the instruction produces one.
    pub dest: Option<ValueId>,
    pub kind: InstrKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// Any integer type; the value as the type's bits (sign-extended for
    /// signed types).
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    Bool(bool),
    /// String bytes (not necessarily UTF-8).
    String(Vec<u8>),
    /// The zero value of the instruction's type (`nil` of pointers, slices,
    /// maps, chans, funcs, interfaces; zeroed structs and arrays).
    Zero,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// Panics with `integer divide by zero` on integer zero divisors;
    /// `MinInt / -1` is `MinInt` (no trap), as Go requires.
    Div,
    /// As `Div`; `MinInt % -1` is 0.
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    /// Count of any integer type: a count ≥ the width gives 0; a negative
    /// count (signed count type) panics with `negative shift amount`.
    Shl,
    /// Arithmetic for signed operands (count ≥ width gives 0 or -1),
    /// logical for unsigned; negative counts panic.
    Shr,
    /// Comparisons accept any comparable type: numbers, bools, strings
    /// (bytewise), pointers, chans, interfaces (dynamic type and value;
    /// panics on uncomparable dynamic types), structs and arrays
    /// (elementwise). Ordering (`Lt`..`Ge`) only for ordered types. The
    /// result is `bool`.
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// String concatenation (`+` on strings).
    Concat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x` for integers (wrapping), floats and complex numbers.
    Neg,
    /// `!x`.
    Not,
    /// `^x`.
    Complement,
}

/// What a bounds check checks, following gc's panic messages (the runtime
/// formats them, see `rt/ABI.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsKind {
    /// `0 <= x < y`: `index out of range [x] with length y`.
    Index,
    /// `s[:x]`, `0 <= x <= y` where y is the length (strings):
    /// `slice bounds out of range [:x] with length y`.
    SliceAlen,
    /// `s[:x]`, `0 <= x <= y` where y is the capacity:
    /// `slice bounds out of range [:x] with capacity y`.
    SliceAcap,
    /// `s[x:y]`, `0 <= x <= y`: `slice bounds out of range [x:y]`.
    SliceB,
    /// `s[::x]` against the length (arrays): `slice bounds out of range [::x] with length y`.
    Slice3Alen,
    /// `s[::x]` against the capacity.
    Slice3Acap,
    /// `s[:x:y]`, `x <= y`: `slice bounds out of range [:x:y]`.
    Slice3B,
    /// `s[x:y:]`, `0 <= x <= y`: `slice bounds out of range [x:y:]`.
    Slice3C,
}

/// Conversions between types with different representations. Conversions
/// that only change the type (named ↔ underlying, pointer ↔ pointer via
/// unsafe.Pointer) are [`InstrKind::Convert`] too and cost nothing.
#[derive(Clone, Debug)]
pub enum InstrKind {
    Const(Const),
    /// Address of a stack slot.
    LocalAddr(LocalId),
    /// Address of a package-level variable.
    GlobalAddr(GlobalId),
    /// A func value for a top-level function or method (its static closure
    /// object).
    FuncValue(FuncId),
    /// Allocate a zeroed heap object of the given type; the value is a
    /// pointer to it.
    New(TypeId),
    Load(ValueId),
    Store {
        addr: ValueId,
        value: ValueId,
    },
    Binary(BinOp, ValueId, ValueId),
    Unary(UnOp, ValueId),
    /// Numeric conversions (int ↔ int truncating or extending, int ↔ float
    /// as Go defines, float ↔ float, complex ↔ complex), `string(rune)`,
    /// `string([]byte)`, `[]byte(string)`, `string([]rune)`,
    /// `[]rune(string)`, `unsafe.Pointer` ↔ pointers ↔ `uintptr`, slice →
    /// array and slice → array pointer (panicking as gc does when the
    /// slice is too short), and named ↔ underlying. The destination type
    /// is the value's type. Float → integer gives what amd64 gc gives for
    /// out-of-range values and NaN (the "integer indefinite" 0x800...0).
    Convert(ValueId),
    /// `&p.f`: pointer to field `index` of the struct `*p` points to. Also
    /// on a pointer to a complex number: field 0 is the real part, 1 the
    /// imaginary part (how `complex(r, i)` can be built in memory).
    FieldAddr {
        base: ValueId,
        index: u32,
    },
    /// Field `index` of a struct value; of a complex value, 0 is `real`
    /// and 1 is `imag`.
    Field {
        base: ValueId,
        index: u32,
    },
    /// `&p[i]` for a pointer to an array, or pointer arithmetic on an
    /// element pointer: `base + i * sizeof(elem)` (no check; a
    /// `BoundsCheck` comes first where Go requires one). The value's type
    /// tells the two apart when the element is itself an array: `&p[i]`
    /// of a `*[N]T` is a `*T`, pointer arithmetic keeps the base's type.
    IndexAddr {
        base: ValueId,
        index: ValueId,
    },
    /// Element `index` of an array value (constant or checked index).
    Element {
        base: ValueId,
        index: ValueId,
    },
    /// Panics unless the check holds; see [`BoundsKind`]. Operands are
    /// integers of any type (converted to `int`; unsigned values above
    /// MaxInt are out of range).
    BoundsCheck {
        kind: BoundsKind,
        x: ValueId,
        y: ValueId,
    },
    /// Panics with `invalid memory address or nil pointer dereference` if
    /// the pointer is nil.
    NilCheck(ValueId),
    /// Data pointer of a slice or string (a pointer to the element type,
    /// `*uint8` for strings).
    DataPtr(ValueId),
    /// Length of a slice, string, map (nil map: 0) or chan.
    Len(ValueId),
    /// Capacity of a slice or chan.
    Cap(ValueId),
    /// Build a slice from data pointer, length and capacity (all `int`).
    MakeSliceHeader {
        data: ValueId,
        len: ValueId,
        cap: ValueId,
    },
    /// Build a string from a `*uint8` and a length.
    MakeStringHeader {
        data: ValueId,
        len: ValueId,
    },
    /// `make([]T, len, cap)`: checks (`makeslice: len out of range`,
    /// `makeslice: cap out of range`), allocates, zeroes.
    MakeSlice {
        len: ValueId,
        cap: ValueId,
    },
    /// `append(s, elems...)` with the elements given one by one; grows as
    /// gc's growslice does.
    Append {
        slice: ValueId,
        elems: Vec<ValueId>,
    },
    /// `append(dst, src...)`; `src` is a slice of the same element type, or
    /// a string when appending to `[]byte`.
    AppendSlice {
        dst: ValueId,
        src: ValueId,
    },
    /// `copy(dst, src)`: memmove of min(len) elements; the value is the
    /// count (`int`). `src` may be a string when `dst` is `[]byte`.
    Copy {
        dst: ValueId,
        src: ValueId,
    },
    /// `make(map[K]V, hint)`; `hint` may be absent.
    MakeMap {
        hint: Option<ValueId>,
    },
    /// `m[k]` (zero value when absent); with `comma_ok` the value is a
    /// tuple `(V, bool)`.
    MapIndex {
        map: ValueId,
        key: ValueId,
        comma_ok: bool,
    },
    /// `m[k] = v`; panics `assignment to entry in nil map`.
    MapStore {
        map: ValueId,
        key: ValueId,
        value: ValueId,
    },
    MapDelete {
        map: ValueId,
        key: ValueId,
    },
    /// Start iterating a map: the value is an iterator (type
    /// `unsafe.Pointer`), in random order as Go requires.
    MapIterStart(ValueId),
    /// Advance: the value is a tuple `(bool, K, V)`; false (and zero K, V)
    /// when done.
    MapIterNext(ValueId),
    /// Decode the rune starting at byte `index` of a string: the value is a
    /// tuple `(rune, int)` of the rune (U+FFFD when invalid) and the index
    /// of the next one.
    DecodeRune {
        string: ValueId,
        index: ValueId,
    },
    /// Convert a concrete value to an interface type (the value's type is
    /// the interface). Non-pointer-shaped values are boxed on the heap.
    MakeInterface(ValueId),
    /// Convert between interface types (static: the source's method set
    /// covers the target's).
    ChangeInterface(ValueId),
    /// `x.(T)`. Without `comma_ok`, panics `interface conversion: ...` on
    /// failure; with it the value is a tuple `(T, bool)`. `T` may be a
    /// concrete or an interface type; the value's type (or the tuple's
    /// first element) says which.
    TypeAssert {
        value: ValueId,
        asserted: TypeId,
        comma_ok: bool,
    },
    /// The dynamic type descriptor of an interface value (for type
    /// switches), as `unsafe.Pointer`; nil for a nil interface.
    TypeDescOf(ValueId),
    /// The descriptor of a static type, as `unsafe.Pointer`, comparable
    /// with `TypeDescOf`.
    TypeDesc(TypeId),
    /// A call. The value is the single result, a [`Type::Tuple`] for
    /// several, none for no result.
    Call {
        callee: Callee,
        args: Vec<ValueId>,
    },
    /// Element `index` of a tuple value.
    Extract {
        tuple: ValueId,
        index: u32,
    },
    /// A closure: a heap object `{code, captures...}`; the captures are
    /// usually the addresses of captured variables. Every `MakeClosure` of
    /// one function passes captures of the same types (the body reads them
    /// at fixed offsets).
    MakeClosure {
        func: FuncId,
        captures: Vec<ValueId>,
    },
    /// In a closure's body: capture `index` of its context object. The
    /// value's type is that capture's type.
    Capture(u32),
    /// `panic(v)`, `v` an `interface{}`. Does not return.
    Panic(ValueId),
    /// `print`/`println` builtins: writes to stderr as gc's do.
    Print {
        args: Vec<ValueId>,
        newline: bool,
    },
}

#[derive(Clone, Debug)]
pub enum Callee {
    /// A top-level function or method by id (context pointer null).
    Direct(FuncId),
    /// A func value (pointer to closure object).
    Value(ValueId),
    /// Method `index` (in the interface type's sorted method list) of an
    /// interface value; the receiver passed is the interface's data word.
    Interface { iface: ValueId, index: u32 },
}

#[derive(Clone, Debug)]
pub enum Terminator {
    Jump(BlockId),
    Branch {
        cond: ValueId,
        then: BlockId,
        otherwise: BlockId,
    },
    Return(Vec<ValueId>),
    /// After a call that never returns (panic, os.Exit).
    Unreachable,
}

impl Program {
    pub fn ty(&self, id: TypeId) -> &Type {
        &self.types[id.0 as usize]
    }

    /// Follows [`Type::Named`] to the underlying type.
    pub fn underlying(&self, mut id: TypeId) -> TypeId {
        while let Type::Named(n) = self.ty(id) {
            id = n.underlying;
        }
        id
    }

    pub fn func(&self, id: FuncId) -> &Function {
        &self.funcs[id.0 as usize]
    }

    /// The Go spelling of a type, as `%T` prints it.
    pub fn type_name(&self, id: TypeId) -> String {
        let list = |ids: &[TypeId]| {
            ids.iter()
                .map(|t| self.type_name(*t))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.ty(id) {
            Type::Bool => "bool".into(),
            Type::Int(k) => k.name().into(),
            Type::Float32 => "float32".into(),
            Type::Float64 => "float64".into(),
            Type::Complex64 => "complex64".into(),
            Type::Complex128 => "complex128".into(),
            Type::String => "string".into(),
            Type::UnsafePointer => "unsafe.Pointer".into(),
            Type::Pointer(t) => format!("*{}", self.type_name(*t)),
            Type::Slice(t) => format!("[]{}", self.type_name(*t)),
            Type::Array(n, t) => format!("[{n}]{}", self.type_name(*t)),
            Type::Struct(fields) => {
                if fields.is_empty() {
                    return "struct {}".into();
                }
                let fs: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let mut s = if f.embedded {
                            self.type_name(f.ty)
                        } else {
                            format!("{} {}", f.name, self.type_name(f.ty))
                        };
                        if !f.tag.is_empty() {
                            s.push_str(&format!(" {:?}", f.tag));
                        }
                        s
                    })
                    .collect();
                format!("struct {{ {} }}", fs.join("; "))
            }
            Type::Map(k, v) => format!("map[{}]{}", self.type_name(*k), self.type_name(*v)),
            Type::Chan(dir, t) => match dir {
                ChanDir::Both => format!("chan {}", self.type_name(*t)),
                ChanDir::Send => format!("chan<- {}", self.type_name(*t)),
                ChanDir::Recv => format!("<-chan {}", self.type_name(*t)),
            },
            Type::Func(sig) => format!("func{}", self.signature_text(sig)),
            Type::Interface(methods) => {
                if methods.is_empty() {
                    return "interface {}".into();
                }
                let ms: Vec<String> = methods
                    .iter()
                    .map(|m| match self.ty(m.sig) {
                        Type::Func(sig) => format!("{}{}", m.name, self.signature_text(sig)),
                        _ => m.name.clone(),
                    })
                    .collect();
                format!("interface {{ {} }}", ms.join("; "))
            }
            Type::Named(n) => n.name.clone(),
            Type::Tuple(ts) => format!("({})", list(ts)),
        }
    }

    fn signature_text(&self, sig: &Signature) -> String {
        let mut params: Vec<String> = sig.params.iter().map(|t| self.type_name(*t)).collect();
        if sig.variadic {
            if let Some(last) = sig.params.last() {
                let elem = match self.ty(*last) {
                    Type::Slice(e) => self.type_name(*e),
                    _ => self.type_name(*last),
                };
                if let Some(p) = params.last_mut() {
                    *p = format!("...{elem}");
                }
            }
        }
        let mut s = format!("({})", params.join(", "));
        match sig.results.len() {
            0 => {}
            1 => s.push_str(&format!(" {}", self.type_name(sig.results[0]))),
            _ => {
                let rs: Vec<String> = sig.results.iter().map(|t| self.type_name(*t)).collect();
                s.push_str(&format!(" ({})", rs.join(", ")));
            }
        }
        s
    }
}

impl fmt::Display for ValueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0)
    }
}

impl fmt::Display for BlockId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b{}", self.0)
    }
}

fn join(vs: &[ValueId]) -> String {
    vs.iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Program {
    /// The stable text form: globals, then functions in id order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for g in &self.globals {
            writeln!(f, "var {} {}", g.name, self.type_name(g.ty))?;
        }
        if !self.globals.is_empty() {
            writeln!(f)?;
        }
        for func in &self.funcs {
            self.fmt_function(f, func)?;
        }
        Ok(())
    }
}

impl Program {
    fn fmt_function(&self, f: &mut fmt::Formatter<'_>, func: &Function) -> fmt::Result {
        let params: Vec<String> = func
            .params
            .iter()
            .map(|p| format!("{p} {}", self.type_name(func.values[p.0 as usize])))
            .collect();
        write!(f, "func {}({})", func.name, params.join(", "))?;
        match func.sig.results.len() {
            0 => {}
            1 => write!(f, " {}", self.type_name(func.sig.results[0]))?,
            _ => {
                let rs: Vec<String> = func
                    .sig
                    .results
                    .iter()
                    .map(|t| self.type_name(*t))
                    .collect();
                write!(f, " ({})", rs.join(", "))?
            }
        }
        if let Some(sym) = &func.external {
            return writeln!(f, " = extern {sym:?}");
        }
        writeln!(f, " {{")?;
        for (i, l) in func.locals.iter().enumerate() {
            writeln!(f, "  local l{i} {} {}", l.name, self.type_name(l.ty))?;
        }
        for (i, b) in func.blocks.iter().enumerate() {
            writeln!(f, "b{i}:")?;
            for ins in &b.instrs {
                write!(f, "  ")?;
                if let Some(d) = ins.dest {
                    write!(f, "{d} {} = ", self.type_name(func.values[d.0 as usize]))?;
                }
                self.fmt_instr(f, &ins.kind)?;
                writeln!(f)?;
            }
            match &b.term {
                Terminator::Jump(t) => writeln!(f, "  jump {t}")?,
                Terminator::Branch {
                    cond,
                    then,
                    otherwise,
                } => writeln!(f, "  branch {cond}, {then}, {otherwise}")?,
                Terminator::Return(vs) => writeln!(f, "  return {}", join(vs))?,
                Terminator::Unreachable => writeln!(f, "  unreachable")?,
            }
        }
        writeln!(f, "}}")
    }

    fn fmt_instr(&self, f: &mut fmt::Formatter<'_>, k: &InstrKind) -> fmt::Result {
        match k {
            InstrKind::Const(c) => match c {
                Const::Int(i) => write!(f, "const {i}"),
                Const::Float(x) => write!(f, "const {x:?}"),
                Const::Complex(r, i) => write!(f, "const ({r:?}+{i:?}i)"),
                Const::Bool(b) => write!(f, "const {b}"),
                Const::String(s) => write!(f, "const {:?}", String::from_utf8_lossy(s)),
                Const::Zero => write!(f, "zero"),
            },
            InstrKind::LocalAddr(l) => write!(f, "local l{}", l.0),
            InstrKind::GlobalAddr(g) => write!(f, "global {}", self.globals[g.0 as usize].name),
            InstrKind::FuncValue(id) => write!(f, "funcvalue {}", self.func(*id).name),
            InstrKind::New(t) => write!(f, "new {}", self.type_name(*t)),
            InstrKind::Load(v) => write!(f, "load {v}"),
            InstrKind::Store { addr, value } => write!(f, "store {addr}, {value}"),
            InstrKind::Binary(op, a, b) => write!(f, "{op:?} {a}, {b}"),
            InstrKind::Unary(op, a) => write!(f, "{op:?} {a}"),
            InstrKind::Convert(v) => write!(f, "convert {v}"),
            InstrKind::FieldAddr { base, index } => write!(f, "fieldaddr {base}, {index}"),
            InstrKind::Field { base, index } => write!(f, "field {base}, {index}"),
            InstrKind::IndexAddr { base, index } => write!(f, "indexaddr {base}, {index}"),
            InstrKind::Element { base, index } => write!(f, "element {base}, {index}"),
            InstrKind::BoundsCheck { kind, x, y } => write!(f, "boundscheck {kind:?} {x}, {y}"),
            InstrKind::NilCheck(v) => write!(f, "nilcheck {v}"),
            InstrKind::DataPtr(v) => write!(f, "dataptr {v}"),
            InstrKind::Len(v) => write!(f, "len {v}"),
            InstrKind::Cap(v) => write!(f, "cap {v}"),
            InstrKind::MakeSliceHeader { data, len, cap } => {
                write!(f, "sliceheader {data}, {len}, {cap}")
            }
            InstrKind::MakeStringHeader { data, len } => write!(f, "stringheader {data}, {len}"),
            InstrKind::MakeSlice { len, cap } => write!(f, "makeslice {len}, {cap}"),
            InstrKind::Append { slice, elems } => write!(f, "append {slice}, [{}]", join(elems)),
            InstrKind::AppendSlice { dst, src } => write!(f, "appendslice {dst}, {src}"),
            InstrKind::Copy { dst, src } => write!(f, "copy {dst}, {src}"),
            InstrKind::MakeMap { hint } => match hint {
                Some(h) => write!(f, "makemap {h}"),
                None => write!(f, "makemap"),
            },
            InstrKind::MapIndex { map, key, comma_ok } => {
                write!(
                    f,
                    "mapindex {map}, {key}{}",
                    if *comma_ok { ", ok" } else { "" }
                )
            }
            InstrKind::MapStore { map, key, value } => write!(f, "mapstore {map}, {key}, {value}"),
            InstrKind::MapDelete { map, key } => write!(f, "mapdelete {map}, {key}"),
            InstrKind::MapIterStart(m) => write!(f, "mapiter {m}"),
            InstrKind::MapIterNext(it) => write!(f, "mapnext {it}"),
            InstrKind::DecodeRune { string, index } => write!(f, "decoderune {string}, {index}"),
            InstrKind::MakeInterface(v) => write!(f, "makeinterface {v}"),
            InstrKind::ChangeInterface(v) => write!(f, "changeinterface {v}"),
            InstrKind::TypeAssert {
                value,
                asserted,
                comma_ok,
            } => write!(
                f,
                "typeassert {value}, {}{}",
                self.type_name(*asserted),
                if *comma_ok { ", ok" } else { "" }
            ),
            InstrKind::TypeDescOf(v) => write!(f, "typedescof {v}"),
            InstrKind::TypeDesc(t) => write!(f, "typedesc {}", self.type_name(*t)),
            InstrKind::Call { callee, args } => match callee {
                Callee::Direct(id) => write!(f, "call {}({})", self.func(*id).name, join(args)),
                Callee::Value(v) => write!(f, "call {v}({})", join(args)),
                Callee::Interface { iface, index } => {
                    write!(f, "invoke {iface}.m{index}({})", join(args))
                }
            },
            InstrKind::Extract { tuple, index } => write!(f, "extract {tuple}, {index}"),
            InstrKind::MakeClosure { func, captures } => {
                write!(f, "closure {}, [{}]", self.func(*func).name, join(captures))
            }
            InstrKind::Capture(i) => write!(f, "capture {i}"),
            InstrKind::Panic(v) => write!(f, "panic {v}"),
            InstrKind::Print { args, newline } => {
                write!(
                    f,
                    "{} {}",
                    if *newline { "println" } else { "print" },
                    join(args)
                )
            }
        }
    }
}
