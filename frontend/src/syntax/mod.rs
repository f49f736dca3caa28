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

/// The `C.name` references of a cgo file, in source order: each name and
/// the span of the whole `C.name`. Read from the tokens, as cgo reads them
/// from the tree: a local variable named `C` would be listed too, which
/// only costs a declaration nobody uses.
pub fn cgo_refs(src: &str, file: crate::source::FileId) -> Vec<(String, crate::source::Span)> {
    use token::Tok;
    let mut lx = lexer::Lexer::new(src, file);
    let text = src.as_bytes();
    let word = |lo: u32, hi: u32| {
        text.get(lo as usize..hi as usize)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    };
    let mut refs = Vec::new();
    // The last two tokens: `C` then `.`.
    let mut prev: [Option<(Tok, u32, u32)>; 2] = [None, None];
    loop {
        let t = lx.next_token();
        if t.tok == Tok::Eof {
            break;
        }
        if t.tok == Tok::Name {
            if let [Some((Tok::Name, clo, chi)), Some((Tok::Dot, _, _))] = prev {
                if word(clo, chi) == "C" {
                    refs.push((
                        word(t.lo, t.hi).to_string(),
                        crate::source::Span::new(file, clo, t.hi),
                    ));
                }
            }
        }
        prev = [prev[1], Some((t.tok, t.lo, t.hi))];
    }
    refs
}
