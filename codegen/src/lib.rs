//! rgo's back end: the typed IR ([`frontend::ir`]) to LLVM IR, optimised,
//! and written out as a native object.
//!
//! The stages, in the order a program goes through them:
//! - [`module`]: one LLVM module per program; declares every function and
//!   global, then lowers function bodies and emits `__rgo_main`;
//! - [`layout`]: Go type layout on amd64 (as gc) and the LLVM types that
//!   represent Go values in registers and in memory;
//! - [`function`] lowers one function body; the instructions are lowered by
//!   language concern: [`instr`] (memory, constants, aggregates), [`arith`],
//!   [`compare`], [`convert`], [`call`], [`closure`], [`slice`], [`string`],
//!   [`map`], [`interface`], [`check`] (run-time checks that panic),
//!   [`print`] (the `print`/`println`/`panic` builtins), [`complex`];
//! - [`typedesc`]: type descriptors, itabs and the method wrappers they
//!   point to, as `rt/ABI.md` lays them out;
//! - [`runtime`]: declarations of the runtime's `rgo_*` entry points;
//! - [`optimize`]: verification and LLVM's pass pipeline;
//! - [`emit`]: the target machine and object files.

mod arith;
mod call;
mod check;
mod closure;
mod compare;
mod complex;
mod convert;
mod emit;
mod function;
mod instr;
mod interface;
mod intrinsic;
mod layout;
mod map;
mod module;
mod optimize;
mod print;
mod runtime;
mod slice;
mod string;
mod typedesc;

use std::fmt;
use std::path::Path;

use frontend::ir;
use frontend::source::Span;
use inkwell::context::Context;

/// Code generation options, set by the driver.
#[derive(Clone, Debug)]
pub struct Options {
    /// 0..=3, as `-O0`..`-O3`; 2 by default.
    pub opt_level: u8,
    /// Position-independent code for shared libraries (`-buildmode=c-shared`).
    /// Executables are compiled as position-independent executables either
    /// way, so the objects link with or without `-pie`.
    pub pic: bool,
    /// A library (`-buildmode=c-shared`/`c-archive`): `__rgo_main` runs
    /// the package initialisers only, and no C `main` is emitted (an
    /// executable's `main` calls the runtime's `rgo_main`).
    pub library: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            opt_level: 2,
            pic: false,
            library: false,
        }
    }
}

/// A failure inside the back end: always a compiler bug or an IR that
/// breaks its contract, never a user error (those are caught earlier). The
/// driver prints it as `internal compiler error: ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodegenError {
    pub message: String,
    /// Where in the Go source, when known.
    pub span: Option<Span>,
}

impl CodegenError {
    pub(crate) fn new(message: impl Into<String>) -> CodegenError {
        CodegenError {
            message: message.into(),
            span: None,
        }
    }

    /// Adds a location unless one is already known.
    pub(crate) fn at(mut self, span: Span) -> CodegenError {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    /// Prefixes the message with the function it happened in.
    pub(crate) fn in_function(mut self, name: &str) -> CodegenError {
        self.message = format!("{name}: {}", self.message);
        self
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CodegenError {}

impl From<inkwell::builder::BuilderError> for CodegenError {
    fn from(e: inkwell::builder::BuilderError) -> CodegenError {
        CodegenError::new(format!("LLVM builder: {e}"))
    }
}

pub(crate) type Result<T> = std::result::Result<T, CodegenError>;

/// Builds a [`CodegenError`] from a format string.
macro_rules! ice {
    ($($arg:tt)*) => {
        $crate::CodegenError::new(format!($($arg)*))
    };
}
pub(crate) use ice;

/// Compiles `program` and writes a relocatable ELF object to `out`.
pub fn emit_object(program: &ir::Program, opts: &Options, out: &Path) -> Result<()> {
    let cx = Context::create();
    let machine = emit::target_machine(opts)?;
    let module = module::build(&cx, program, opts, &machine)?;
    optimize::run(&module, opts, &machine)?;
    emit::write_object(&module, &machine, out)
}

/// Compiles `program` to textual LLVM IR (after optimisation at
/// `opts.opt_level`), for tests and `-emit-llvm`.
pub fn emit_llvm_ir(program: &ir::Program, opts: &Options) -> Result<String> {
    let cx = Context::create();
    let machine = emit::target_machine(opts)?;
    let module = module::build(&cx, program, opts, &machine)?;
    optimize::run(&module, opts, &machine)?;
    Ok(module.print_to_string().to_string())
}

/// The version of the LLVM library linked in, e.g. `22.1.0`.
pub fn llvm_version() -> String {
    let (major, minor, patch) = inkwell::support::get_llvm_version();
    format!("{major}.{minor}.{patch}")
}
