//! Go syntax: lexer, parser and syntax tree.
//!
//! [`parse_file`] turns one source file of the [`crate::source::SourceMap`]
//! into an [`ast::File`] plus gc-worded diagnostics. The tree is an exact
//! picture of the source (parentheses and positions included); nothing is
//! resolved here — the checker (`frontend::types`) gives it meaning.
//!
//! The pieces, in pipeline order:
//! - [`lexer`]: bytes to [`token`]s, with semicolon insertion, literal
//!   validation and comment ranges (directives and the cgo preamble are read
//!   from those);
//! - [`parser`]: tokens to the [`ast`], with gc's syntax errors;
//! - [`branches`]: the label and branch checks gc makes while parsing
//!   (`break is not in a loop, switch, or select`, `label L defined and not
//!   used`, ...), run on each function body that parsed cleanly.
//!
//! For later stages: [`literal`] decodes literal values (strings, runes,
//! exact numbers) and [`printer`] prints expressions the way gc quotes them
//! in messages.
//!
//! As in gc, a file whose diagnostics include one starting with
//! `syntax error` should not be type-checked; other diagnostics (malformed
//! literals, branch errors, misplaced directives) still allow it.

pub mod ast;
pub mod branches;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod printer;
pub mod token;

pub use ast::{NodeId, NodeIdGen};
pub use parser::{parse_expr, parse_file};

#[cfg(test)]
mod tests;
