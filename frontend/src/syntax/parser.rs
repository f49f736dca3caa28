//! The parser: tokens of one file in, an [`ast::File`] and diagnostics out.
//!
//! Recursive descent over the Go grammar, organised like gc's parser so that
//! its decisions — and therefore its error messages and their positions —
//! are the same: `syntax error: unexpected newline, expected comma or )`,
//! `syntax error: non-declaration statement outside function body`, and so
//! on. The composite-literal/block ambiguity (`if x == T{} {`) is resolved as
//! the specification and gc do: while parsing the header of an `if`, `for`
//! or `switch`, a `{` after a bare type name opens the block, unless the
//! expression is inside parentheses or brackets.
//!
//! The parser never gives up on a file: on a syntax error it reports it,
//! skips to a token that can resume the current construct, and returns the
//! tree it has. Nesting is limited ([`MAX_NESTING`]) so hostile input cannot
//! exhaust the stack, and every error-recovery path consumes a token or
//! leaves the current construct, so parsing always ends. As gc does, only the
//! first syntax error of a line is kept, and parsing stops after
//! [`ERROR_LIMIT`] errors.

use super::ast::*;
use super::branches;
use super::lexer::{Comment, Lexer};
use super::literal;
use super::printer::{expr_string, stmt_string};
use super::token::{Op, SemiKind, Tok, TokSet, Token};
use crate::diag::{Diagnostic, ERROR_LIMIT};
use crate::source::{FileId, SourceFile, SourceMap, Span};

/// How deeply constructs may nest (parentheses, brackets, blocks, unary
/// operators, types). Deeper input gets a diagnostic instead of exhausting
/// the stack of the parser or of later passes.
pub const MAX_NESTING: u32 = 1000;

/// How long a chain of binary operators (`a + b + ...`), of selectors,
/// indexes and calls (`a.b[c](d)...`) or of union terms may be. Such chains
/// make trees as deep as they are long; generated code (long string
/// concatenations) needs more room than nesting does.
pub const MAX_CHAIN: u32 = 10_000;

/// Parses one file of `sources`. Returns the (possibly partial) tree and the
/// errors found, in gc's order and wording.
pub fn parse_file(
    sources: &SourceMap,
    file: FileId,
    ids: &mut NodeIdGen,
) -> (File, Vec<Diagnostic>) {
    with_parser_stack(ids, |ids| {
        let src = sources.file(file);
        let mut p = Parser::new(sources, src, file, ids);
        let f = p.file();
        (f, p.diags)
    })
}

/// Parses a single expression (for tests and tools); the text must hold
/// nothing else.
pub fn parse_expr(
    sources: &SourceMap,
    file: FileId,
    ids: &mut NodeIdGen,
) -> (Expr, Vec<Diagnostic>) {
    with_parser_stack(ids, |ids| {
        let src = sources.file(file);
        let mut p = Parser::new(sources, src, file, ids);
        let x = p.expr();
        if p.tok.tok == Tok::Semi && p.tok.semi != SemiKind::Semicolon {
            p.next();
        }
        if p.tok.tok != Tok::Eof {
            p.syntax_error("after expression");
        }
        (x, p.diags)
    })
}

/// Stack for the parsing thread. Recursive descent needs a few kilobytes
/// per nesting level in unoptimised builds; with [`MAX_NESTING`] levels this
/// is ample, whatever stack the caller runs on. Only the pages touched are
/// ever committed.
const PARSER_STACK: usize = 64 << 20;

/// Runs `run` on a thread with [`PARSER_STACK`] bytes of stack (or on the
/// current thread if no thread can be started).
fn with_parser_stack<R: Send>(ids: &mut NodeIdGen, run: impl Fn(&mut NodeIdGen) -> R + Sync) -> R {
    let on_thread = std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("parser".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(s, || run(ids))
            .ok()
            .map(|handle| handle.join())
    });
    match on_thread {
        Some(Ok(r)) => r,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => run(ids),
    }
}

/// Statements that would start a new statement: good places to resume after
/// an error inside a function.
const STOPSET: TokSet = TokSet::of(&[
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
]);

/// One parameter as written, before names and types are paired up.
struct ParamEntry {
    lo: u32,
    name: Option<Ident>,
    ty: Option<Expr>,
}

/// A `range` clause, parsed as part of a `for` header.
struct RangeClause {
    lhs: Vec<Expr>,
    define: bool,
    range_span: Span,
    x: Expr,
}

/// What a simple statement turned out to be (short-lived, so size does not
/// matter).
#[allow(clippy::large_enum_variant)]
enum Simple {
    Stmt(Stmt),
    Range(RangeClause),
    /// `name := x.(type)` in a switch header.
    Guard {
        binding: Ident,
        assert: Expr,
        span: Span,
    },
}

/// The condition slot of an `if`, `for` or `switch` header.
enum Cond {
    Expr(Expr),
    Guard {
        binding: Option<Ident>,
        assert: Expr,
        span: Span,
    },
}

struct Header {
    init: Option<Box<Stmt>>,
    cond: Option<Cond>,
    post: Option<Box<Stmt>>,
    range: Option<RangeClause>,
}

struct Parser<'a> {
    sources: &'a SourceMap,
    src: &'a SourceFile,
    text: &'a str,
    file: FileId,
    lx: Lexer<'a>,
    ids: &'a mut NodeIdGen,
    tok: Token,
    /// End of the last consumed token: where the current node ends.
    prev_hi: u32,
    diags: Vec<Diagnostic>,
    /// Errors reported (before per-line filtering), for "no new errors in
    /// this function" checks.
    errcnt: usize,
    last_syntax_line: Option<u32>,
    /// Parsing stopped (too many errors, or nesting too deep): the token
    /// stream now only yields EOF.
    aborted: bool,
    /// Function nesting level (error recovery stops at statement keywords
    /// only inside functions).
    fnest: i32,
    /// Expression nesting level; negative in an `if`/`for`/`switch` header
    /// outside parentheses, where `T{` is not a composite literal.
    xnest: i32,
    depth: u32,
    /// Comments up to this index have been looked at for directives.
    comment_cursor: usize,
    /// All directives of the file, in order.
    directives: Vec<Directive>,
    /// Directives since the last top-level declaration.
    pending_directives: Vec<Directive>,
    /// Closing token of the last parameter list (where gc reports missing
    /// parameter types).
    last_list_end: Span,
}

impl<'a> Parser<'a> {
    fn new(
        sources: &'a SourceMap,
        src: &'a SourceFile,
        file: FileId,
        ids: &'a mut NodeIdGen,
    ) -> Parser<'a> {
        let text = src.text.as_str();
        let mut p = Parser {
            sources,
            src,
            text,
            file,
            lx: Lexer::new(text, file),
            ids,
            tok: Token::new(Tok::Eof, 0, 0),
            prev_hi: 0,
            diags: Vec::new(),
            errcnt: 0,
            last_syntax_line: None,
            aborted: false,
            fnest: 0,
            xnest: 0,
            depth: 0,
            comment_cursor: 0,
            directives: Vec::new(),
            pending_directives: Vec::new(),
            last_list_end: Span::default(),
        };
        p.next();
        p.prev_hi = 0;
        p
    }

    // -----------------------------------------------------------------------
    // Tokens and errors

    fn next(&mut self) {
        self.prev_hi = self.tok.hi;
        if self.aborted {
            let end = self.text.len() as u32;
            self.tok = Token::new(Tok::Eof, end, end);
            return;
        }
        self.tok = self.lx.next_token();
        if !self.lx.diags.is_empty() {
            let lexer_diags = std::mem::take(&mut self.lx.diags);
            for d in lexer_diags {
                self.report(d);
            }
        }
        self.scan_directives();
    }

    /// Moves directive comments seen by the lexer into the file's list and
    /// the pending list of the next declaration. As in gc, a `//go:`
    /// directive must start its line.
    fn scan_directives(&mut self) {
        while self.comment_cursor < self.lx.comments.len() {
            let c = self.lx.comments[self.comment_cursor];
            self.comment_cursor += 1;
            let raw = self.slice(c.lo, c.hi);
            let Some(body) = raw.strip_prefix("//") else {
                continue;
            };
            let body = body.trim_end_matches('\r');
            let is_directive = body.starts_with("go:")
                || body.starts_with("rgo:")
                || body.starts_with("export ")
                || body == "export"
                || body.starts_with("line ")
                || is_plus_build(body);
            if !is_directive {
                continue;
            }
            let d = Directive {
                span: Span::new(self.file, c.lo, c.hi),
                text: body.to_string(),
            };
            if body.starts_with("go:") {
                let at = Span::new(self.file, c.lo + 2, c.lo + 2);
                if !self.starts_line(c.lo) {
                    self.error_at(at, "misplaced compiler directive");
                    continue;
                }
                let fields: Vec<&str> = body.split_whitespace().collect();
                if body.starts_with("go:linkname ") && !(2..=3).contains(&fields.len()) {
                    self.error_at(at, "usage: //go:linkname localname [linkname]");
                } else if fields.first() == Some(&"go:embed") && fields.len() == 1 {
                    self.error_at(at, "usage: //go:embed pattern...");
                }
            }
            self.directives.push(d.clone());
            self.pending_directives.push(d);
        }
    }

    /// Whether only blanks precede `offset` on its line.
    fn starts_line(&self, offset: u32) -> bool {
        let before = &self.text.as_bytes()[..offset as usize];
        before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .all(|&b| b == b' ' || b == b'\t' || b == b'\r')
    }

    /// The directives since the last declaration, for the declaration (or
    /// spec) starting here.
    fn take_directives(&mut self) -> Vec<Directive> {
        std::mem::take(&mut self.pending_directives)
    }

    /// Drops the pending directives where nothing can take them (gc's
    /// `clearPragma`): compiler directives there are misplaced.
    fn clear_directives(&mut self) {
        for d in std::mem::take(&mut self.pending_directives) {
            let at = Span::new(self.file, d.span.lo + 2, d.span.lo + 2);
            if d.name() == "go:embed" {
                self.error_at(at, "misplaced go:embed directive");
            } else if is_flag_pragma(d.name()) {
                self.error_at(at, "misplaced compiler directive");
            }
        }
    }

    fn slice(&self, lo: u32, hi: u32) -> &'a str {
        self.text.get(lo as usize..hi as usize).unwrap_or("")
    }

    fn tok_text(&self) -> &'a str {
        self.slice(self.tok.lo, self.tok.hi)
    }

    fn line_of(&self, offset: u32) -> u32 {
        self.src.line_col(offset.min(self.text.len() as u32)).0
    }

    fn span(&self, lo: u32) -> Span {
        Span::new(self.file, lo, self.prev_hi.max(lo))
    }

    fn tok_span(&self) -> Span {
        Span::new(self.file, self.tok.lo, self.tok.hi)
    }

    fn at_span(&self, lo: u32) -> Span {
        Span::new(self.file, lo, lo)
    }

    /// Records a diagnostic, keeping only the first syntax error of a line
    /// and stopping after [`ERROR_LIMIT`] errors, as gc does.
    fn report(&mut self, d: Diagnostic) {
        self.errcnt += 1;
        if self.diags.len() >= ERROR_LIMIT {
            return;
        }
        let line = self.line_of(d.span.lo);
        if d.message.starts_with("syntax error") {
            if self.last_syntax_line == Some(line) {
                return;
            }
            self.last_syntax_line = Some(line);
        } else if self
            .diags
            .iter()
            .any(|o| o.message == d.message && self.line_of(o.span.lo) == line)
        {
            return;
        }
        self.diags.push(d);
        if self.diags.len() >= ERROR_LIMIT {
            self.abort();
        }
    }

    fn abort(&mut self) {
        self.aborted = true;
        let end = self.text.len() as u32;
        self.tok = Token::new(Tok::Eof, end, end);
    }

    fn error_at(&mut self, span: Span, msg: impl Into<String>) {
        self.report(Diagnostic::error(span, msg));
    }

    fn error(&mut self, msg: impl Into<String>) {
        let span = self.tok_span();
        self.error_at(span, msg);
    }

    fn syntax_error(&mut self, msg: &str) {
        let span = self.tok_span();
        self.syntax_error_at(span, msg);
    }

    /// Reports `syntax error: ...`. A message starting with "in", "at",
    /// "after" or "expected" is completed with the current token
    /// ("unexpected X in ...", "unexpected X, expected ...").
    fn syntax_error_at(&mut self, span: Span, msg: &str) {
        if self.tok.tok == Tok::Eof && self.errcnt > 0 {
            return; // avoid meaningless follow-up errors
        }
        let suffix = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(span, format!("syntax error: {msg}"));
            return;
        };
        let tok = self.describe_tok();
        self.error_at(span, format!("syntax error: unexpected {tok}{suffix}"));
    }

    fn describe_tok(&self) -> String {
        match self.tok.tok {
            Tok::Name => format!("name {}", self.tok_text()),
            Tok::Semi => self.tok.semi.as_str().to_string(),
            Tok::Literal => format!("literal {}", self.tok_text()),
            Tok::Operator => self.tok.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.tok.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.tok.op.as_str()),
            t => t.describe().to_string(),
        }
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok.tok == tok {
            self.next();
            return true;
        }
        false
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.describe()));
            self.advance(&[]);
        }
    }

    /// Like `got(Assign)`, but also accepts (and reports) `:=`.
    fn got_assign(&mut self) -> bool {
        match self.tok.tok {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    /// Skips tokens up to one in `follow` (or, inside a function, a
    /// statement keyword). With an empty `follow`, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let mut set = TokSet::of(&[Tok::Eof]);
        if !follow.is_empty() {
            if self.fnest > 0 {
                set = set.union(STOPSET);
            }
            set = set.union(TokSet::of(follow));
        }
        while !set.contains(self.tok.tok) {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    /// Enters a nested construct; false (after reporting, once) if the
    /// input nests too deeply, in which case parsing stops.
    fn enter(&mut self) -> bool {
        self.depth += 1;

        if self.depth > MAX_NESTING {
            if !self.aborted {
                let span = self.tok_span();
                self.report(Diagnostic::error(span, "syntax error: nesting too deep"));
                self.abort();
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn expr_node(&mut self, lo: u32, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span: self.span(lo),
            kind,
        }
    }

    fn bad_expr(&mut self) -> Expr {
        let lo = self.tok.lo;
        Expr {
            id: self.ids.fresh(),
            span: self.at_span(lo),
            kind: ExprKind::Bad,
        }
    }

    fn ident_expr(&mut self, id: Ident) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span: id.span,
            kind: ExprKind::Ident(id.name),
        }
    }

    fn new_ident(&mut self, span: Span, name: &str) -> Ident {
        Ident {
            id: self.ids.fresh(),
            span,
            name: name.to_string(),
        }
    }

    // -----------------------------------------------------------------------
    // Files

    fn file(&mut self) -> File {
        let lo = self.tok.lo;
        let mut f = File {
            file: self.file,
            span: Span::new(self.file, 0, self.text.len() as u32),
            package: Ident {
                id: self.ids.fresh(),
                span: self.at_span(lo),
                name: String::new(),
            },
            build_constraints: Vec::new(),
            imports: Vec::new(),
            decls: Vec::new(),
            directives: Vec::new(),
            cgo_preamble: None,
            cgo_generated: false,
        };
        f.build_constraints = self
            .pending_directives
            .iter()
            .filter(|d| d.name() == "go:build" || d.name() == "+build")
            .cloned()
            .collect();

        if !self.got(Tok::Package) {
            // The go command reads package clauses itself before compiling
            // and words a missing one as its own parser does.
            let found = match self.tok.tok {
                Tok::Name | Tok::Literal => self.tok_text().to_string(),
                Tok::Eof => "'EOF'".to_string(),
                Tok::Comma => "','".to_string(),
                Tok::Semi => "';'".to_string(),
                t if t.is_keyword() => {
                    format!("'{}'", t.describe().trim_start_matches("keyword "))
                }
                _ => format!("'{}'", self.describe_tok()),
            };
            let span = self.tok_span();
            self.error_at(span, format!("expected 'package', found {found}"));
            self.finish_file(&mut f);
            return f;
        }
        self.take_directives();
        f.package = self.name();
        self.want(Tok::Semi);
        if self.errcnt > 0 {
            // Don't bother going on if the package clause is broken.
            self.finish_file(&mut f);
            return f;
        }

        let mut prev = Tok::Import;
        while self.tok.tok != Tok::Eof {
            if self.tok.tok == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok.tok;
            match self.tok.tok {
                Tok::Import => self.import_decl(&mut f),
                Tok::Const | Tok::Var | Tok::Type => {
                    let d = self.gen_decl();
                    f.decls.push(Decl::Gen(d));
                }
                Tok::Func => {
                    if let Some(d) = self.func_decl() {
                        f.decls.push(Decl::Func(d));
                    }
                }
                _ => {
                    let after_bodyless_func = matches!(
                        f.decls.last(),
                        Some(Decl::Func(FuncDecl { body: None, .. }))
                    );
                    if self.tok.tok == Tok::LBrace && after_bodyless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            // Before moving on: comments after the `;` may hold the next
            // declaration's directives.
            self.clear_directives();
            if self.tok.tok != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        self.clear_directives();
        self.finish_file(&mut f);
        f
    }

    fn finish_file(&mut self, f: &mut File) {
        // Comments after the last token.
        self.scan_directives();
        f.directives = std::mem::take(&mut self.directives);
        let preambles: Vec<&CommentText> = f
            .imports
            .iter()
            .filter(|i| i.path == "C")
            .filter_map(|i| i.doc.as_ref())
            .collect();
        if let Some(first) = preambles.first() {
            let mut c = (*first).clone();
            for more in &preambles[1..] {
                c.text.push_str(&more.text);
                c.span = c.span.to(more.span);
            }
            f.cgo_preamble = Some(c);
        }
    }

    /// `import spec` or `import ( specs )`.
    fn import_decl(&mut self, f: &mut File) {
        let keyword_lo = self.tok.lo;
        let decl_doc_before = self.prev_hi;
        self.next(); // import
        let first = f.imports.len();
        if self.tok.tok == Tok::LParen {
            self.clear_directives();
            self.next();
            self.list("grouped declaration", Tok::Semi, Tok::RParen, |p| {
                let prev = p.prev_hi;
                if let Some(spec) = p.import_spec(prev) {
                    f.imports.push(spec);
                }
                false
            });
        } else {
            let prev = self.prev_hi;
            if let Some(spec) = self.import_spec(prev) {
                f.imports.push(spec);
            }
        }
        // A single spec without its own doc comment takes the
        // declaration's (cgo reads the preamble this way).
        if f.imports.len() == first + 1 && f.imports[first].doc.is_none() {
            f.imports[first].doc = self.doc_comment(decl_doc_before, keyword_lo);
        }
    }

    fn import_spec(&mut self, prev_hi: u32) -> Option<ImportSpec> {
        self.take_directives();
        let lo = self.tok.lo;
        let doc = self.doc_comment(prev_hi, lo);
        let name = match self.tok.tok {
            Tok::Name => Some(self.name()),
            Tok::Dot => {
                let span = self.tok_span();
                self.next();
                Some(self.new_ident(span, "."))
            }
            _ => None,
        };
        if self.tok.tok != Tok::Literal {
            self.syntax_error("missing import path");
            self.advance(&[Tok::Semi, Tok::RParen]);
            return None;
        }
        let path_tok = self.tok;
        let path_raw = self.tok_text().to_string();
        self.next();
        let path_span = Span::new(self.file, path_tok.lo, path_tok.hi);
        let mut path = String::new();
        if !path_tok.bad {
            if path_tok.lit != LitKind::String {
                self.syntax_error_at(path_span, "import path must be a string");
            } else if let Ok(bytes) = literal::unquote_string(&path_raw) {
                path = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
        Some(ImportSpec {
            id: self.ids.fresh(),
            span: self.span(lo),
            name,
            path,
            path_raw,
            path_span,
            doc,
        })
    }

    /// The comment group directly above `lo` (ending on the previous line,
    /// no blank line in between), among the comments after `prev_hi`:
    /// what go/ast calls a doc comment.
    fn doc_comment(&self, prev_hi: u32, lo: u32) -> Option<CommentText> {
        let comments: Vec<Comment> = self
            .lx
            .comments
            .iter()
            .copied()
            .filter(|c| c.lo >= prev_hi && c.hi <= lo)
            .collect();
        let tok_line = self.line_of(lo);
        let prev_line = if prev_hi == 0 {
            0
        } else {
            self.line_of(prev_hi.saturating_sub(1))
        };
        let end_line = |c: &Comment| self.line_of(c.hi.saturating_sub(1).max(c.lo));
        let last = comments.last()?;
        if end_line(last) + 1 != tok_line {
            return None;
        }
        let mut start = comments.len() - 1;
        while start > 0 {
            let prev = &comments[start - 1];
            if end_line(prev) + 1 < self.line_of(comments[start].lo) {
                break;
            }
            start -= 1;
        }
        // A comment on the line of the previous token trails that token.
        while start < comments.len() && prev_hi > 0 && self.line_of(comments[start].lo) == prev_line
        {
            start += 1;
        }
        let group = &comments[start..];
        let (first, last) = (group.first()?, group.last()?);
        let mut text = String::new();
        for c in group {
            let raw = self.slice(c.lo, c.hi);
            if let Some(line) = raw.strip_prefix("//") {
                text.push_str(line.trim_end_matches('\r'));
                text.push('\n');
            } else if raw.len() >= 4 {
                text.push_str(&raw[2..raw.len() - 2].replace('\r', ""));
            }
        }
        Some(CommentText {
            span: Span::new(self.file, first.lo, last.hi),
            text,
        })
    }

    /// `list = [ f { sep f } [sep] ] close`. Calls `f` for each element
    /// until it returns true; returns the span of the closing token.
    fn list(
        &mut self,
        context: &str,
        sep: Tok,
        close: Tok,
        mut f: impl FnMut(&mut Self) -> bool,
    ) -> Span {
        let mut done = false;
        while self.tok.tok != Tok::Eof && self.tok.tok != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok.tok != close {
                let msg = format!(
                    "in {context}; possibly missing {} or {}",
                    sep.describe(),
                    close.describe()
                );
                self.syntax_error(&msg);
                self.advance(&[Tok::RParen, Tok::RBrack, Tok::RBrace]);
                if self.tok.tok != close {
                    return self.tok_span();
                }
            }
        }
        let span = self.tok_span();
        self.want(close);
        span
    }

    // -----------------------------------------------------------------------
    // Declarations

    /// `const`/`var`/`type`, one spec or a parenthesised group.
    fn gen_decl(&mut self) -> GenDecl {
        let lo = self.tok.lo;
        let kind = match self.tok.tok {
            Tok::Const => GenKind::Const,
            Tok::Var => GenKind::Var,
            _ => GenKind::Type,
        };
        self.next();
        let mut specs = Vec::new();
        let mut lparen = None;
        let mut directives = Vec::new();
        if self.tok.tok == Tok::LParen {
            lparen = Some(self.tok_span());
            self.clear_directives();
            self.next();
            let mut index = 0u32;
            self.list("grouped declaration", Tok::Semi, Tok::RParen, |p| {
                directives.append(&mut p.take_directives());
                if let Some(s) = p.spec(kind, index) {
                    specs.push(s);
                }
                index += 1;
                false
            });
        } else {
            directives = self.take_directives();
            if let Some(s) = self.spec(kind, 0) {
                specs.push(s);
            }
        }
        GenDecl {
            span: self.span(lo),
            kind,
            lparen,
            specs,
            directives,
        }
    }

    fn spec(&mut self, kind: GenKind, index: u32) -> Option<Spec> {
        match kind {
            GenKind::Const => Some(Spec::Value(self.const_spec(index))),
            GenKind::Var => Some(Spec::Value(self.var_spec(index))),
            GenKind::Type => Some(Spec::Type(self.type_spec())),
        }
    }

    fn const_spec(&mut self, iota: u32) -> ValueSpec {
        let lo = self.tok.lo;
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if !matches!(self.tok.tok, Tok::Eof | Tok::Semi | Tok::RParen) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ValueSpec {
            span: self.span(lo),
            names,
            ty,
            values,
            iota,
        }
    }

    fn var_spec(&mut self, iota: u32) -> ValueSpec {
        let lo = self.tok.lo;
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ValueSpec {
            span: self.span(lo),
            names,
            ty,
            values,
            iota,
        }
    }

    /// `TypeSpec = identifier [ TypeParams ] [ "=" ] Type`. A `[` after the
    /// name starts either an array length or a type parameter list; the
    /// contents decide, as in gc.
    fn type_spec(&mut self) -> TypeSpec {
        let lo = self.tok.lo;
        let name = self.name();
        let mut type_params = Vec::new();
        let mut alias = false;
        let ty: Option<Expr>;
        if self.tok.tok == Tok::LBrack {
            let lbrack = self.tok.lo;
            self.next();
            match self.tok.tok {
                Tok::Name => {
                    let n = self.name();
                    let mut x = self.ident_expr(n);
                    if self.tok.tok != Tok::LBrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x));
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok.tok == Tok::Comma;
                    match extract_name(x, force) {
                        Ok((pname, ptype)) if ptype.is_some() || self.tok.tok != Tok::RBrack => {
                            type_params =
                                self.param_list(Some((pname, ptype)), Tok::RBrack, true, false);
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        Ok((pname, _)) => {
                            let len = self.ident_expr(pname);
                            ty = Some(self.array_type(lbrack, Some(len)));
                        }
                        Err(x) => {
                            ty = Some(self.array_type(lbrack, Some(x)));
                        }
                    }
                }
                Tok::RBrack => {
                    self.next();
                    ty = Some(self.slice_type(lbrack));
                }
                _ => {
                    ty = Some(self.array_type(lbrack, None));
                }
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::RParen]);
                bad
            }
        };
        TypeSpec {
            span: self.span(lo),
            name,
            type_params,
            alias,
            ty,
        }
    }

    fn func_decl(&mut self) -> Option<FuncDecl> {
        let lo = self.tok.lo;
        self.next(); // func
        let directives = self.take_directives();
        let mut recv = None;
        let mut has_recv = false;
        if self.tok.tok == Tok::LParen {
            self.next();
            has_recv = true;
            let mut list = self.param_list(None, Tok::RParen, false, false);
            let count: usize = list.iter().map(|f| f.names.len().max(1)).sum();
            match count {
                0 => self.error("method has no receiver"),
                1 => {}
                _ => self.error("method has multiple receivers"),
            }
            if !list.is_empty() {
                let mut first = list.swap_remove(0);
                first.names.truncate(1);
                recv = Some(first);
            }
        }
        let name;
        let mut type_params = Vec::new();
        let ty;
        if self.tok.tok == Tok::Name {
            name = self.name();
            let sig_lo = self.tok.lo;
            let (tp, t) = self.func_type("", sig_lo);
            type_params = tp;
            ty = t;
        } else {
            let span = self.at_span(self.tok.lo);
            name = self.new_ident(span, "_");
            ty = FuncType {
                span,
                params: Vec::new(),
                results: Vec::new(),
            };
            let msg = if has_recv {
                "expected name"
            } else {
                "expected name or ("
            };
            self.syntax_error(msg);
            self.advance(&[Tok::LBrace, Tok::Semi]);
        }
        let body = if self.tok.tok == Tok::LBrace {
            Some(self.func_body())
        } else {
            None
        };
        Some(FuncDecl {
            span: self.span(lo),
            recv,
            name,
            type_params,
            ty,
            body,
            directives,
        })
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errcnt = self.errcnt;
        let body = self.block_stmt("");
        self.fnest -= 1;
        // Branch errors in a function with syntax errors would be noise.
        if errcnt == self.errcnt && !self.aborted {
            for d in branches::check(self.sources, &body) {
                self.report(d);
            }
        }
        body
    }

    // -----------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(Tok::Comma) {
            list.push(self.expr());
        }
        list
    }

    /// `Expression = UnaryExpr | Expression binary_op Expression`, by
    /// precedence climbing.
    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        let mut chain = 0;
        while matches!(self.tok.tok, Tok::Operator | Tok::Star) && self.tok.prec() > prec {
            let Op::Binary(op) = self.tok.op else { break };
            chain += 1;
            if chain > MAX_CHAIN && !self.enter_chain() {
                break;
            }
            let op_span = self.tok_span();
            let tprec = self.tok.prec();
            self.next();
            let y = self.binary_expr(None, tprec);
            let lo = x.span.lo;
            x = self.expr_node(
                lo,
                ExprKind::Binary {
                    op,
                    x: Box::new(x),
                    y: Box::new(y),
                    op_span,
                },
            );
        }
        x
    }

    /// Reports an overlong operator or selector chain (once) and stops.
    fn enter_chain(&mut self) -> bool {
        if !self.aborted {
            let span = self.tok_span();
            self.report(Diagnostic::error(span, "syntax error: expression too long"));
            self.abort();
        }
        false
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            return self.bad_expr();
        }
        let x = self.unary_expr_inner();
        self.leave();
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        let lo = self.tok.lo;
        match self.tok.tok {
            Tok::Operator | Tok::Star => {
                let op = match self.tok.op {
                    Op::Binary(BinaryOp::Mul) => None,
                    Op::Binary(BinaryOp::Add) => Some(UnaryOp::Pos),
                    Op::Binary(BinaryOp::Sub) => Some(UnaryOp::Neg),
                    Op::Not => Some(UnaryOp::Not),
                    Op::Binary(BinaryOp::Xor) => Some(UnaryOp::Xor),
                    Op::Tilde => Some(UnaryOp::Tilde),
                    Op::Binary(BinaryOp::And) => Some(UnaryOp::Addr),
                    _ => return self.pexpr(None),
                };
                self.next();
                let x = self.unary_expr();
                let kind = match op {
                    None => ExprKind::Star(Box::new(x)),
                    Some(op) => ExprKind::Unary { op, x: Box::new(x) },
                };
                self.expr_node(lo, kind)
            }
            Tok::Arrow => {
                // A receive `<-x`, or a receive-only channel type
                // `<-chan T`: only known once the operand is parsed.
                self.next();
                let x = self.unary_expr();
                if let ExprKind::ChanType { .. } = x.kind {
                    return self.reassociate_recv_chan(lo, x);
                }
                self.expr_node(
                    lo,
                    ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x: Box::new(x),
                    },
                )
            }
            _ => self.pexpr(None),
        }
    }

    /// `<-` followed by a channel type: `<-(chan T)` is `<-chan T`, and
    /// `<-(chan<- chan T)` is `<-chan (<-chan T)`.
    fn reassociate_recv_chan(&mut self, lo: u32, mut x: Expr) -> Expr {
        // First find how many channel types the arrow applies to.
        let mut flips = 0;
        let mut dir = ChanDir::Send;
        let mut recv_twice = false;
        let mut t = &x;
        while dir == ChanDir::Send {
            let ExprKind::ChanType { dir: d, elem } = &t.kind else {
                break;
            };
            dir = *d;
            if dir == ChanDir::Recv {
                // `<-<-chan E` is not a type.
                recv_twice = true;
            }
            flips += 1;
            t = elem;
        }
        let not_chan = (dir == ChanDir::Send).then(|| expr_string(t));
        if recv_twice {
            self.syntax_error("unexpected <-, expected chan");
        }
        if let Some(s) = not_chan {
            self.syntax_error(&format!("unexpected {s}, expected chan"));
        }
        let mut t = &mut x;
        for _ in 0..flips {
            match &mut t.kind {
                ExprKind::ChanType { dir, elem } => {
                    *dir = ChanDir::Recv;
                    t = elem;
                }
                _ => break,
            }
        }
        x.span = Span::new(self.file, lo, x.span.hi);
        x
    }

    /// `go f(x)` / `defer f(x)`.
    fn call_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        let is_go = self.tok.tok == Tok::Go;
        self.next();
        let mut x = self.pexpr(None);
        if let ExprKind::Paren(_) = x.kind {
            let keyword = if is_go { "go" } else { "defer" };
            self.error_at(
                x.span.start(),
                format!("expression in {keyword} must not be parenthesized"),
            );
            while let ExprKind::Paren(inner) = x.kind {
                x = *inner;
            }
        }
        let kind = if is_go {
            StmtKind::Go(x)
        } else {
            StmtKind::Defer(x)
        };
        Stmt {
            span: self.span(lo),
            kind,
        }
    }

    fn operand(&mut self) -> Expr {
        let lo = self.tok.lo;
        match self.tok.tok {
            Tok::Name => {
                let n = self.name();
                self.ident_expr(n)
            }
            Tok::Literal => self.basic_lit(),
            Tok::LParen => {
                if !self.enter() {
                    return self.bad_expr();
                }
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::RParen);
                self.leave();
                self.expr_node(lo, ExprKind::Paren(Box::new(x)))
            }
            Tok::Func => {
                self.next();
                let sig_lo = self.tok.lo;
                let (_, mut ty) = self.func_type("function type", sig_lo);
                if self.tok.tok == Tok::LBrace {
                    ty.span = self.span(lo);
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.expr_node(lo, ExprKind::FuncLit { ty, body });
                }
                self.expr_node(lo, ExprKind::FuncType(ty))
            }
            Tok::LBrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::RParen, Tok::RBrack, Tok::RBrace]);
                x
            }
        }
    }

    fn basic_lit(&mut self) -> Expr {
        let lit = BasicLit {
            kind: self.tok.lit,
            raw: self.tok_text().to_string(),
            bad: self.tok.bad,
        };
        let lo = self.tok.lo;
        self.next();
        self.expr_node(lo, ExprKind::BasicLit(lit))
    }

    /// `PrimaryExpr`: an operand followed by selectors, indexes, slices,
    /// type assertions, calls and composite-literal bodies.
    fn pexpr(&mut self, x: Option<Expr>) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        let mut chain = 0;
        loop {
            chain += 1;
            if chain > MAX_CHAIN && !self.enter_chain() {
                return x;
            }
            let lo = x.span.lo;
            match self.tok.tok {
                Tok::Dot => {
                    let dot = self.tok_span();
                    self.next();
                    match self.tok.tok {
                        Tok::Name => {
                            let sel = self.name();
                            x = self.expr_node(
                                lo,
                                ExprKind::Selector {
                                    x: Box::new(x),
                                    sel,
                                    dot,
                                },
                            );
                        }
                        Tok::LParen => {
                            self.next();
                            let ty = if self.got(Tok::Type) {
                                None
                            } else {
                                Some(Box::new(self.type_()))
                            };
                            self.want(Tok::RParen);
                            x = self.expr_node(
                                lo,
                                ExprKind::TypeAssert {
                                    x: Box::new(x),
                                    ty,
                                    dot,
                                },
                            );
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::RParen]);
                        }
                    }
                }
                Tok::LBrack => {
                    x = self.index_or_slice(x);
                }
                Tok::LParen => {
                    let lparen = self.tok_span();
                    self.next();
                    let (args, dots, rparen) = self.arg_list();
                    x = self.expr_node(
                        lo,
                        ExprKind::Call {
                            func: Box::new(x),
                            args,
                            dots,
                            lparen,
                            rparen,
                        },
                    );
                }
                Tok::LBrace => {
                    // Does the `{` open a composite literal or a block?
                    let t = x.unparen();
                    let complit_ok = match &t.kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType(_)
                        | ExprKind::StructType(_)
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        return x;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => return x,
            }
        }
    }

    /// After a primary expression, at `[`: an index, a generic
    /// instantiation or a slice expression.
    fn index_or_slice(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        let lbrack = self.tok_span();
        if !self.enter() {
            return x;
        }
        self.next();
        let mut first = None;
        if self.tok.tok != Tok::Colon {
            let (list, comma) = if self.tok.tok == Tok::RBrack {
                // x[]: accept but complain.
                self.syntax_error("expected operand");
                (vec![self.bad_expr()], false)
            } else {
                self.type_list(false)
            };
            if comma || self.tok.tok == Tok::RBrack {
                self.want(Tok::RBrack);
                self.leave();
                return self.expr_node(
                    lo,
                    ExprKind::Index {
                        x: Box::new(x),
                        indices: list,
                        lbrack,
                    },
                );
            }
            first = list.into_iter().next();
        }
        // x[i:...
        if !self.got(Tok::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Tok::Comma, Tok::Colon, Tok::RBrack]);
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        let mut three = false;
        if self.tok.tok != Tok::Colon && self.tok.tok != Tok::RBrack {
            hi = Some(Box::new(self.expr()));
        }
        if self.tok.tok == Tok::Colon {
            three = true;
            if hi.is_none() {
                self.error("middle index required in 3-index slice");
                hi = Some(Box::new(self.bad_expr()));
            }
            self.next();
            if self.tok.tok != Tok::RBrack {
                max = Some(Box::new(self.expr()));
            } else {
                self.error("final index required in 3-index slice");
                max = Some(Box::new(self.bad_expr()));
            }
        }
        self.xnest -= 1;
        self.want(Tok::RBrack);
        self.leave();
        self.expr_node(
            lo,
            ExprKind::Slice {
                x: Box::new(x),
                lo: first.map(Box::new),
                hi,
                max,
                three,
                lbrack,
            },
        )
    }

    /// `( args [...] [,] )`, after the `(`.
    fn arg_list(&mut self) -> (Vec<Expr>, bool, Span) {
        let mut args = Vec::new();
        let mut dots = false;
        self.xnest += 1;
        let rparen = self.list("argument list", Tok::Comma, Tok::RParen, |p| {
            args.push(p.expr());
            dots = p.got(Tok::DotDotDot);
            dots
        });
        self.xnest -= 1;
        (args, dots, rparen)
    }

    /// An element of a composite literal: an expression or a nested
    /// literal value with elided type.
    fn bare_complit_expr(&mut self) -> Expr {
        if self.tok.tok == Tok::LBrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    /// `LiteralValue = "{" [ ElementList [ "," ] ] "}"`, with its type.
    fn complit_expr(&mut self, ty: Option<Expr>) -> Expr {
        let lbrace = self.tok_span();
        let lo = ty.as_ref().map_or(lbrace.lo, |t| t.span.lo);
        if !self.enter() {
            return ty.unwrap_or_else(|| self.bad_expr());
        }
        self.xnest += 1;
        self.want(Tok::LBrace);
        let mut elts = Vec::new();
        let rbrace = self.list("composite literal", Tok::Comma, Tok::RBrace, |p| {
            let e = p.bare_complit_expr();
            if p.tok.tok == Tok::Colon {
                let colon = p.tok_span();
                p.next();
                let value = p.bare_complit_expr();
                let lo = e.span.lo;
                let kv = p.expr_node(
                    lo,
                    ExprKind::KeyValue {
                        key: Box::new(e),
                        value: Box::new(value),
                        colon,
                    },
                );
                elts.push(kv);
            } else {
                elts.push(e);
            }
            false
        });
        self.xnest -= 1;
        self.leave();
        self.expr_node(
            lo,
            ExprKind::CompositeLit {
                ty: ty.map(Box::new),
                elts,
                lbrace,
                rbrace,
            },
        )
    }

    // -----------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[
                    Tok::Comma,
                    Tok::Colon,
                    Tok::Semi,
                    Tok::RParen,
                    Tok::RBrack,
                    Tok::RBrace,
                ]);
                bad
            }
        }
    }

    /// A type, or `None` (without a diagnostic) if the current token cannot
    /// start one.
    fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter() {
            return Some(self.bad_expr());
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<Expr> {
        let lo = self.tok.lo;
        Some(match self.tok.tok {
            Tok::Star => {
                self.next();
                let t = self.type_();
                self.expr_node(lo, ExprKind::Star(Box::new(t)))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                self.expr_node(
                    lo,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        elem: Box::new(elem),
                    },
                )
            }
            Tok::Func => {
                self.next();
                let sig_lo = self.tok.lo;
                let (_, t) = self.func_type("function type", sig_lo);
                self.expr_node(lo, ExprKind::FuncType(t))
            }
            Tok::LBrack => {
                self.next();
                if self.got(Tok::RBrack) {
                    return Some(self.slice_type(lo));
                }
                self.array_type(lo, None)
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem();
                self.expr_node(
                    lo,
                    ExprKind::ChanType {
                        dir,
                        elem: Box::new(elem),
                    },
                )
            }
            Tok::Map => {
                self.next();
                self.want(Tok::LBrack);
                let key = self.type_();
                self.want(Tok::RBrack);
                let value = self.type_();
                self.expr_node(
                    lo,
                    ExprKind::MapType {
                        key: Box::new(key),
                        value: Box::new(value),
                    },
                )
            }
            Tok::Struct => self.struct_type(),
            Tok::Interface => self.interface_type(),
            Tok::Name => self.qualified_name(None),
            Tok::LParen => {
                self.next();
                let t = self.type_();
                self.want(Tok::RParen);
                self.expr_node(lo, ExprKind::Paren(Box::new(t)))
            }
            _ => return None,
        })
    }

    /// `T[args]` after a type name, at `[`.
    fn type_instance(&mut self, x: Expr) -> Expr {
        let lo = x.span.lo;
        let lbrack = self.tok_span();
        self.want(Tok::LBrack);
        let indices = if self.tok.tok == Tok::RBrack {
            self.syntax_error("expected type argument list");
            vec![self.bad_expr()]
        } else {
            self.type_list(true).0
        };
        self.want(Tok::RBrack);
        self.expr_node(
            lo,
            ExprKind::Index {
                x: Box::new(x),
                indices,
                lbrack,
            },
        )
    }

    /// A signature after `func` (or after a method name), type parameters
    /// included. With a non-empty `context`, type parameters are reported.
    fn func_type(&mut self, context: &str, lo: u32) -> (Vec<Field>, FuncType) {
        let mut tparams = Vec::new();
        if self.tok.tok == Tok::LBrack {
            self.next();
            if !context.is_empty() {
                let at = self.at_span(lo);
                self.syntax_error_at(at, &format!("{context} must have no type parameters"));
            }
            if self.tok.tok == Tok::RBrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, Tok::RBrack, true, false);
            }
        }
        self.want(Tok::LParen);
        let params = self.param_list(None, Tok::RParen, false, true);
        let results = self.func_result();
        let ty = FuncType {
            span: self.span(lo),
            params,
            results,
        };
        (tparams, ty)
    }

    /// After `[`: `[N]T` or `[...]T` (`len` may already be parsed).
    fn array_type(&mut self, lo: u32, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Tok::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.tok.tok == Tok::Comma {
            // Trailing commas are for type parameter lists.
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::RBrack);
        let elem = self.type_();
        self.expr_node(
            lo,
            ExprKind::ArrayType {
                len: len.map(Box::new),
                elem: Box::new(elem),
            },
        )
    }

    /// After `[]`.
    fn slice_type(&mut self, lo: u32) -> Expr {
        let elem = self.type_();
        self.expr_node(lo, ExprKind::SliceType(Box::new(elem)))
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("missing channel element type");
                bad
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let lo = self.tok.lo;
        self.want(Tok::Struct);
        self.want(Tok::LBrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::RBrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        self.expr_node(lo, ExprKind::StructType(fields))
    }

    fn interface_type(&mut self) -> Expr {
        let lo = self.tok.lo;
        self.want(Tok::Interface);
        self.want(Tok::LBrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::RBrace, |p| {
            let elem = if p.tok.tok == Tok::Name {
                p.method_decl()
            } else {
                InterfaceElem::Embed(p.embedded_elem(None))
            };
            elems.push(elem);
            false
        });
        self.expr_node(lo, ExprKind::InterfaceType(elems))
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::LParen) {
            return self.param_list(None, Tok::RParen, false, false);
        }
        let lo = self.tok.lo;
        match self.type_or_nil() {
            Some(ty) => vec![Field {
                span: self.span(lo),
                names: Vec::new(),
                ty,
                tag: None,
            }],
            None => Vec::new(),
        }
    }

    fn tag(&mut self) -> Option<BasicLit> {
        if self.tok.tok != Tok::Literal {
            return None;
        }
        let lit = BasicLit {
            kind: self.tok.lit,
            raw: self.tok_text().to_string(),
            bad: self.tok.bad,
        };
        self.next();
        Some(lit)
    }

    /// `FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ]`.
    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let lo = self.tok.lo;
        match self.tok.tok {
            Tok::Name => {
                let name = self.name();
                if matches!(
                    self.tok.tok,
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::RBrace
                ) {
                    // Embedded type.
                    let ty = self.qualified_name(Some(name));
                    let tag = self.tag();
                    fields.push(Field {
                        span: self.span(lo),
                        names: Vec::new(),
                        ty,
                        tag,
                    });
                    return;
                }
                let names = self.name_list(name);
                let ty;
                if names.len() == 1 && self.tok.tok == Tok::LBrack {
                    // An embedded instantiated type T[A, B], or a field T
                    // of array or slice type.
                    match self.array_or_targs() {
                        Ok(t) => ty = t,
                        Err((indices, lbrack)) => {
                            let mut names = names;
                            let n = names.remove(0);
                            let base = self.ident_expr(n);
                            let x = self.expr_node(
                                lo,
                                ExprKind::Index {
                                    x: Box::new(base),
                                    indices,
                                    lbrack,
                                },
                            );
                            let tag = self.tag();
                            fields.push(Field {
                                span: self.span(lo),
                                names: Vec::new(),
                                ty: x,
                                tag,
                            });
                            return;
                        }
                    }
                } else {
                    ty = self.type_();
                }
                let tag = self.tag();
                fields.push(Field {
                    span: self.span(lo),
                    names,
                    ty,
                    tag,
                });
            }
            Tok::Star => {
                self.next();
                let ty = if self.tok.tok == Tok::LParen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::RParen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let star = self.expr_node(lo, ExprKind::Star(Box::new(ty)));
                let tag = self.tag();
                fields.push(Field {
                    span: self.span(lo),
                    names: Vec::new(),
                    ty: star,
                    tag,
                });
            }
            Tok::LParen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok.tok == Tok::Star {
                    let star_lo = self.tok.lo;
                    self.next();
                    let t = self.qualified_name(None);
                    self.expr_node(star_lo, ExprKind::Star(Box::new(t)))
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::RParen);
                let tag = self.tag();
                fields.push(Field {
                    span: self.span(lo),
                    names: Vec::new(),
                    ty,
                    tag,
                });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::RBrace]);
            }
        }
    }

    /// At `[` after a name: `[N]E` / `[]E` (Ok: the type) or type
    /// arguments `[A, B]` (Err: the arguments and the `[`).
    fn array_or_targs(&mut self) -> Result<Expr, (Vec<Expr>, Span)> {
        let lo = self.tok.lo;
        let lbrack = self.tok_span();
        self.want(Tok::LBrack);
        if self.got(Tok::RBrack) {
            return Ok(self.slice_type(lo));
        }
        let (list, comma) = self.type_list(false);
        self.want(Tok::RBrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                let len = list.into_iter().next().map(Box::new);
                return Ok(self.expr_node(
                    lo,
                    ExprKind::ArrayType {
                        len,
                        elem: Box::new(elem),
                    },
                ));
            }
        }
        Err((list, lbrack))
    }

    /// An interface element starting with a name: a method
    /// `Name(params) results`, or an embedded (possibly instantiated or
    /// qualified) type, possibly the first term of a union.
    fn method_decl(&mut self) -> InterfaceElem {
        let lo = self.tok.lo;
        let name = self.name();
        const CONTEXT: &str = "interface method";
        match self.tok.tok {
            Tok::LParen => {
                let sig_lo = self.tok.lo;
                let (_, ty) = self.func_type(CONTEXT, sig_lo);
                InterfaceElem::Method { name, ty }
            }
            Tok::LBrack => {
                // A generic method m[T C](x T) (accepted, reported) or an
                // embedded instantiated type T[A, B].
                let lbrack = self.tok_span();
                self.next();
                if self.tok.tok == Tok::RBrack {
                    let at = self.tok_span();
                    self.next();
                    if self.tok.tok == Tok::LParen {
                        self.error_at(at, "empty type parameter list");
                        let sig_lo = self.tok.lo;
                        let (_, ty) = self.func_type(CONTEXT, sig_lo);
                        return InterfaceElem::Method { name, ty };
                    }
                    self.error_at(at, "empty type argument list");
                    let x = self.ident_expr(name);
                    return InterfaceElem::Embed(self.embedded_elem(Some(x)));
                }
                let list = self.param_entries(None, Tok::RBrack);
                if list.is_empty() {
                    if self.tok.tok == Tok::LParen {
                        let sig_lo = self.tok.lo;
                        let (_, ty) = self.func_type(CONTEXT, sig_lo);
                        return InterfaceElem::Method { name, ty };
                    }
                    let x = self.ident_expr(name);
                    return InterfaceElem::Embed(self.embedded_elem(Some(x)));
                }
                if list[0].name.is_some() && list[0].ty.is_some() {
                    let sig_lo = self.tok.lo;
                    let (_, ty) = self.func_type(CONTEXT, sig_lo);
                    self.error_at(lbrack, "interface method must have no type parameters");
                    return InterfaceElem::Method { name, ty };
                }
                let mut indices = Vec::new();
                for e in list {
                    match (e.name, e.ty) {
                        (_, Some(t)) => indices.push(t),
                        (Some(n), None) => {
                            let x = self.ident_expr(n);
                            indices.push(x);
                        }
                        (None, None) => {}
                    }
                }
                let base = self.ident_expr(name);
                let x = self.expr_node(
                    lo,
                    ExprKind::Index {
                        x: Box::new(base),
                        indices,
                        lbrack,
                    },
                );
                InterfaceElem::Embed(self.embedded_elem(Some(x)))
            }
            _ => {
                let x = self.qualified_name(Some(name));
                InterfaceElem::Embed(self.embedded_elem(Some(x)))
            }
        }
    }

    /// `EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm }`; `first` is an
    /// already parsed first term.
    fn embedded_elem(&mut self, first: Option<Expr>) -> Expr {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        let mut chain = 0;
        while self.tok.tok == Tok::Operator && self.tok.op == Op::Binary(BinaryOp::Or) {
            chain += 1;
            if chain > MAX_CHAIN && !self.enter_chain() {
                break;
            }
            let op_span = self.tok_span();
            self.next();
            let y = self.embedded_term();
            let lo = x.span.lo;
            x = self.expr_node(
                lo,
                ExprKind::Binary {
                    op: BinaryOp::Or,
                    x: Box::new(x),
                    y: Box::new(y),
                    op_span,
                },
            );
        }
        x
    }

    /// `EmbeddedTerm = [ "~" ] Type`.
    fn embedded_term(&mut self) -> Expr {
        if self.tok.tok == Tok::Operator && self.tok.op == Op::Tilde {
            let lo = self.tok.lo;
            self.next();
            let t = self.type_();
            return self.expr_node(
                lo,
                ExprKind::Unary {
                    op: UnaryOp::Tilde,
                    x: Box::new(t),
                },
            );
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Tok::Operator,
                    Tok::Semi,
                    Tok::RParen,
                    Tok::RBrack,
                    Tok::RBrace,
                ]);
                bad
            }
        }
    }

    fn is_op(&self, op: Op) -> bool {
        self.tok.tok == Tok::Operator && self.tok.op == op
    }

    /// `ParameterDecl = [ IdentifierList ] [ "..." ] Type`, one entry
    /// (a name, a type, or both). `name` is an already parsed first name.
    fn param_decl_or_nil(&mut self, name: Option<Ident>, follow: Tok) -> Option<ParamEntry> {
        // Type-set notation is allowed in type parameter lists.
        let type_sets_ok = follow == Tok::RBrack;
        let or = Op::Binary(BinaryOp::Or);
        let mut lo = self.tok.lo;
        if let Some(n) = &name {
            lo = n.span.lo;
        } else if type_sets_ok && self.is_op(Op::Tilde) {
            let t = self.embedded_elem(None);
            return Some(ParamEntry {
                lo,
                name: None,
                ty: Some(t),
            });
        }

        let mut entry = ParamEntry {
            lo,
            name: None,
            ty: None,
        };
        if self.tok.tok == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok.tok == Tok::LBrack {
                // name "[" ...
                match self.array_or_targs() {
                    Ok(t) => {
                        entry.name = Some(name);
                        entry.ty = Some(t);
                    }
                    Err((indices, lbrack)) => {
                        let base = self.ident_expr(name);
                        entry.ty = Some(self.expr_node(
                            lo,
                            ExprKind::Index {
                                x: Box::new(base),
                                indices,
                                lbrack,
                            },
                        ));
                    }
                }
                if type_sets_ok && self.is_op(or) {
                    let t = entry.ty.take();
                    entry.ty = Some(self.embedded_elem(t));
                }
                return Some(entry);
            }
            if self.tok.tok == Tok::Dot {
                // name "." ...
                let t = self.qualified_name(Some(name));
                entry.ty = Some(if type_sets_ok && self.is_op(or) {
                    self.embedded_elem(Some(t))
                } else {
                    t
                });
                return Some(entry);
            }
            if type_sets_ok && self.is_op(or) {
                // name "|" ...
                let x = self.ident_expr(name);
                entry.ty = Some(self.embedded_elem(Some(x)));
                return Some(entry);
            }
            entry.name = Some(name);
        }

        if self.tok.tok == Tok::DotDotDot {
            // [name] "..." ...
            let dots_lo = self.tok.lo;
            self.next();
            match self.type_or_nil() {
                Some(elem) => {
                    entry.ty = Some(self.expr_node(dots_lo, ExprKind::Ellipsis(Box::new(elem))));
                }
                None => {
                    entry.ty = Some(self.bad_expr());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(entry);
        }

        if type_sets_ok && self.is_op(Op::Tilde) {
            // [name] "~" ...
            entry.ty = Some(self.embedded_elem(None));
            return Some(entry);
        }

        entry.ty = self.type_or_nil();
        if type_sets_ok && self.is_op(or) && entry.ty.is_some() {
            let t = entry.ty.take();
            entry.ty = Some(self.embedded_elem(t));
        }
        if entry.name.is_some() || entry.ty.is_some() {
            return Some(entry);
        }
        self.syntax_error(&format!("expected {}", follow.describe()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    /// The raw entries of a parameter list, after the `(` or `[`, up to and
    /// including the closing token.
    fn param_entries(
        &mut self,
        first: Option<(Ident, Option<Expr>)>,
        close: Tok,
    ) -> Vec<ParamEntry> {
        let mut list = Vec::new();
        let mut first = first;
        // The list helper won't call back at the closing token; a complete
        // first entry must be handled here.
        if let Some((_, Some(_))) = &first {
            if self.tok.tok == close {
                if let Some((name, ty)) = first.take() {
                    self.next();
                    list.push(ParamEntry {
                        lo: name.span.lo,
                        name: Some(name),
                        ty,
                    });
                }
                return list;
            }
        }
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let entry = match first.take() {
                Some((name, Some(ty))) => Some(ParamEntry {
                    lo: name.span.lo,
                    name: Some(name),
                    ty: Some(ty),
                }),
                Some((name, None)) => p.param_decl_or_nil(Some(name), close),
                None => p.param_decl_or_nil(None, close),
            };
            if let Some(e) = entry {
                list.push(e);
            }
            false
        });
        self.last_list_end = end;
        list
    }

    /// A parameter, result, receiver or type parameter list, after the
    /// opening token: pairs names with types (`a, b int` shares `int`),
    /// reports lists mixing named and unnamed entries, and misplaced `...`.
    fn param_list(
        &mut self,
        first: Option<(Ident, Option<Expr>)>,
        close: Tok,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        self.last_list_end = self.tok_span();
        let mut list = self.param_entries(first, close);
        let end = self.last_list_end;
        if list.is_empty() {
            return Vec::new();
        }
        let named = list
            .iter()
            .filter(|e| e.name.is_some() && e.ty.is_some())
            .count();
        let typed = list.iter().filter(|e| e.ty.is_some()).count();

        if named == 0 && !require_names {
            // All unnamed: lone names are type names.
            for e in list.iter_mut() {
                if let Some(n) = e.name.take() {
                    e.ty = Some(self.ident_expr(n));
                }
            }
        } else if named != list.len() {
            // Some named (or type parameters): all must be named.
            let mut err_pos: Option<Span> = None;
            let mut have_type = false;
            for i in (0..list.len()).rev() {
                if list[i].ty.is_some() {
                    have_type = true;
                    if list[i].name.is_none() {
                        let at = list[i]
                            .ty
                            .as_ref()
                            .map_or(self.at_span(list[i].lo), |t| t.span.start());
                        err_pos = Some(at);
                        list[i].name = Some(self.new_ident(at, "_"));
                    }
                } else if !have_type {
                    // A name with no type after it.
                    let at = list[i]
                        .name
                        .as_ref()
                        .map_or(self.at_span(list[i].lo), |n| n.span);
                    err_pos = Some(at);
                    let bad = Expr {
                        id: self.ids.fresh(),
                        span: at.start(),
                        kind: ExprKind::Bad,
                    };
                    list[i].ty = Some(bad);
                }
            }
            if let Some(mut at) = err_pos {
                let msg = if named == typed {
                    at = end;
                    if require_names {
                        "missing type constraint".to_string()
                    } else {
                        "missing parameter type".to_string()
                    }
                } else if require_names {
                    let mut m = "missing type parameter name".to_string();
                    if list.len() == 1 {
                        m.push_str(" or invalid array length");
                    }
                    m
                } else {
                    "missing parameter name".to_string()
                };
                self.syntax_error_at(at, &msg);
            }
        }

        // `...` is only allowed on the final parameter.
        let n = list.len();
        let mut first_bad = true;
        for (i, e) in list.iter_mut().enumerate() {
            let is_dots = matches!(e.ty.as_ref().map(|t| &t.kind), Some(ExprKind::Ellipsis(_)));
            if is_dots && (!dddok || i + 1 < n) {
                if let Some(t) = e.ty.take() {
                    if first_bad {
                        first_bad = false;
                        let msg = if dddok {
                            "can only use ... with final parameter"
                        } else {
                            "invalid use of ..."
                        };
                        self.error_at(t.span.start(), msg);
                    }
                    if let ExprKind::Ellipsis(elem) = t.kind {
                        e.ty = Some(*elem);
                    }
                }
            }
        }

        group_fields(self, list)
    }

    // -----------------------------------------------------------------------
    // Statements

    /// `SimpleStmt`: an expression, send, inc/dec, assignment or short
    /// variable declaration, or (in a `for` header) a range clause.
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Tok) -> Simple {
        if keyword == Tok::For && self.tok.tok == Tok::Range {
            return Simple::Range(self.range_clause(Vec::new(), false));
        }
        let mut lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let lo = lhs.first().map_or(self.tok.lo, |x| x.span.lo);

        if lhs.len() == 1 && !matches!(self.tok.tok, Tok::Assign | Tok::Define) {
            let op_span = self.tok_span();
            let x = lhs.pop().unwrap_or_else(|| self.bad_expr());
            match self.tok.tok {
                Tok::AssignOp => {
                    let Op::Binary(op) = self.tok.op else {
                        return Simple::Stmt(self.stmt(lo, StmtKind::Expr(x)));
                    };
                    self.next();
                    let rhs = self.expr();
                    let kind = StmtKind::Assign {
                        lhs: vec![x],
                        op: AssignOp::Op(op),
                        rhs: vec![rhs],
                        op_span,
                    };
                    return Simple::Stmt(self.stmt(lo, kind));
                }
                Tok::IncOp => {
                    let inc = self.tok.op == Op::Binary(BinaryOp::Add);
                    self.next();
                    return Simple::Stmt(self.stmt(lo, StmtKind::IncDec { x, inc, op_span }));
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    let kind = StmtKind::Send {
                        chan: x,
                        value,
                        arrow: op_span,
                    };
                    return Simple::Stmt(self.stmt(lo, kind));
                }
                _ => return Simple::Stmt(self.stmt(lo, StmtKind::Expr(x))),
            }
        }

        match self.tok.tok {
            Tok::Assign | Tok::Define => {
                let op_span = self.tok_span();
                let define = self.tok.tok == Tok::Define;
                self.next();
                if keyword == Tok::For && self.tok.tok == Tok::Range {
                    return Simple::Range(self.range_clause(lhs, define));
                }
                let mut rhs = self.expr_list();
                let is_guard = keyword == Tok::Switch
                    && define
                    && rhs.len() == 1
                    && lhs.len() == 1
                    && matches!(rhs[0].kind, ExprKind::TypeAssert { ty: None, .. })
                    && matches!(lhs[0].kind, ExprKind::Ident(_));
                if is_guard {
                    if let (Some(l), Some(assert)) = (lhs.pop(), rhs.pop()) {
                        let binding = Ident {
                            id: l.id,
                            span: l.span,
                            name: l.as_ident().unwrap_or("_").to_string(),
                        };
                        return Simple::Guard {
                            binding,
                            assert,
                            span: self.span(lo),
                        };
                    }
                }
                let op = if define {
                    AssignOp::Define
                } else {
                    AssignOp::Assign
                };
                Simple::Stmt(self.stmt(
                    lo,
                    StmtKind::Assign {
                        lhs,
                        op,
                        rhs,
                        op_span,
                    },
                ))
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::RBrace]);
                // Make the best of what we have.
                lhs.truncate(1);
                let x = lhs.pop().unwrap_or_else(|| self.bad_expr());
                Simple::Stmt(self.stmt(lo, StmtKind::Expr(x)))
            }
        }
    }

    fn stmt(&self, lo: u32, kind: StmtKind) -> Stmt {
        Stmt {
            span: self.span(lo),
            kind,
        }
    }

    fn range_clause(&mut self, lhs: Vec<Expr>, define: bool) -> RangeClause {
        let range_span = self.tok_span();
        self.next(); // range
        let x = self.expr();
        RangeClause {
            lhs,
            define,
            range_span,
            x,
        }
    }

    /// A simple statement where only an ordinary statement is allowed.
    fn simple_stmt_plain(&mut self, lhs: Option<Vec<Expr>>) -> Stmt {
        match self.simple_stmt(lhs, Tok::Eof) {
            Simple::Stmt(s) => s,
            // Not produced without a for/switch keyword.
            Simple::Range(r) => Stmt {
                span: Span::new(self.file, r.range_span.lo, r.x.span.hi),
                kind: StmtKind::Expr(r.x),
            },
            Simple::Guard { assert, span, .. } => Stmt {
                span,
                kind: StmtKind::Expr(assert),
            },
        }
    }

    fn labeled_stmt_or_nil(&mut self, label: Ident) -> Option<Stmt> {
        let lo = label.span.lo;
        let colon = self.tok_span();
        self.want(Tok::Colon);
        if self.tok.tok == Tok::RBrace {
            // A statement (the empty one) is implied before `}`.
            let empty = Stmt {
                span: self.at_span(self.tok.lo),
                kind: StmtKind::Empty,
            };
            return Some(self.stmt(
                lo,
                StmtKind::Labeled {
                    label,
                    stmt: Box::new(empty),
                },
            ));
        }
        match self.stmt_or_nil() {
            Some(s) => Some(self.stmt(
                lo,
                StmtKind::Labeled {
                    label,
                    stmt: Box::new(s),
                },
            )),
            None => {
                self.syntax_error_at(colon, "missing statement after label");
                None
            }
        }
    }

    /// `{ stmts }`. `context` names what the block belongs to, for the
    /// "expected { after ..." message.
    fn block_stmt(&mut self, context: &str) -> Block {
        let lo = self.tok.lo;
        if !self.enter() {
            return Block {
                span: self.at_span(lo),
                stmts: Vec::new(),
            };
        }
        if !self.got(Tok::LBrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::RBrace]);
            if self.got(Tok::RBrace) {
                self.leave();
                return Block {
                    span: self.span(lo),
                    stmts: Vec::new(),
                };
            }
        }
        let stmts = self.stmt_list();
        self.want(Tok::RBrace);
        self.leave();
        Block {
            span: self.span(lo),
            stmts,
        }
    }

    fn for_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        let h = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        if let Some(r) = h.range {
            let mut lhs = r.lhs.into_iter();
            let key = lhs.next();
            let value = lhs.next();
            let extra_var = lhs.next().map(|extra| extra.span.start());
            return self.stmt(
                lo,
                StmtKind::Range(RangeStmt {
                    key,
                    value,
                    define: r.define,
                    range_span: r.range_span,
                    x: r.x,
                    body,
                    extra_var,
                }),
            );
        }
        let cond = match h.cond {
            Some(Cond::Expr(e)) => Some(e),
            Some(Cond::Guard { assert, .. }) => Some(assert),
            None => None,
        };
        self.stmt(
            lo,
            StmtKind::For(ForStmt {
                init: h.init,
                cond,
                post: h.post,
                body,
            }),
        )
    }

    /// The header of an `if`, `for` or `switch`: `[init ;] cond` (plus
    /// `; post` for `for`), or a range clause.
    fn header(&mut self, keyword: Tok) -> Header {
        self.want(keyword);
        let mut h = Header {
            init: None,
            cond: None,
            post: None,
            range: None,
        };
        if self.tok.tok == Tok::LBrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                h.cond = Some(Cond::Expr(self.bad_expr()));
            }
            return h;
        }

        let outer = self.xnest;
        self.xnest = -1;

        let mut init: Option<Simple> = None;
        if self.tok.tok != Tok::Semi {
            // Accept a var declaration, but complain.
            if self.got(Tok::Var) {
                let kw = match keyword {
                    Tok::For => "for",
                    Tok::If => "if",
                    _ => "switch",
                };
                self.syntax_error(&format!("var declaration not allowed in {kw} initializer"));
            }
            let s = self.simple_stmt(None, keyword);
            if let Simple::Range(r) = s {
                h.range = Some(r);
                self.xnest = outer;
                return h;
            }
            init = Some(s);
        }

        let mut cond_stmt: Option<Simple> = None;
        let mut semi: Option<(Span, SemiKind)> = None;
        let mut done = false;
        if self.tok.tok != Tok::LBrace {
            if self.tok.tok == Tok::Semi {
                semi = Some((self.tok_span(), self.tok.semi));
                self.next();
            } else {
                // Asking for `{` rather than `;` gives a better message.
                self.want(Tok::LBrace);
                if self.tok.tok != Tok::LBrace {
                    self.advance(&[Tok::LBrace, Tok::RBrace]);
                }
            }
            if keyword == Tok::For {
                if self.tok.tok != Tok::Semi {
                    if self.tok.tok == Tok::LBrace {
                        self.syntax_error("expected for loop condition");
                        done = true;
                    } else {
                        cond_stmt = Some(Simple::Stmt(self.simple_stmt_plain(None)));
                    }
                }
                if !done {
                    self.want(Tok::Semi);
                    if self.tok.tok != Tok::LBrace {
                        let post = self.simple_stmt_plain(None);
                        if let StmtKind::Assign {
                            op: AssignOp::Define,
                            op_span,
                            ..
                        } = &post.kind
                        {
                            let at = *op_span;
                            self.syntax_error_at(
                                at,
                                "cannot declare in post statement of for loop",
                            );
                        }
                        h.post = Some(Box::new(post));
                    }
                }
            } else if self.tok.tok != Tok::LBrace {
                cond_stmt = Some(self.simple_stmt(None, keyword));
            }
            h.init = init.map(|s| Box::new(self.simple_into_stmt(s)));
        } else {
            cond_stmt = init;
        }

        // Unpack the condition.
        match cond_stmt {
            None => {
                if keyword == Tok::If {
                    if let Some((span, kind)) = semi {
                        if kind != SemiKind::Semicolon {
                            let msg = format!(
                                "unexpected {}, expected {{ after if clause",
                                kind.as_str()
                            );
                            self.syntax_error_at(span, &msg);
                        } else {
                            self.syntax_error_at(span, "missing condition in if statement");
                        }
                        h.cond = Some(Cond::Expr(Expr {
                            id: self.ids.fresh(),
                            span: span.start(),
                            kind: ExprKind::Bad,
                        }));
                    }
                }
            }
            Some(Simple::Stmt(Stmt {
                kind: StmtKind::Expr(x),
                ..
            })) => {
                if let ExprKind::TypeAssert { ty: None, .. } = x.kind {
                    let span = x.span;
                    h.cond = Some(Cond::Guard {
                        binding: None,
                        assert: x,
                        span,
                    });
                } else {
                    h.cond = Some(Cond::Expr(x));
                }
            }
            Some(Simple::Guard {
                binding,
                assert,
                span,
            }) => {
                h.cond = Some(Cond::Guard {
                    binding: Some(binding),
                    assert,
                    span,
                });
            }
            Some(Simple::Stmt(s)) => {
                // A common mistake is `=` for `==`, which makes an
                // assignment of an expression; say so.
                let text = match &s.kind {
                    StmtKind::Assign {
                        lhs,
                        op: AssignOp::Assign,
                        rhs,
                        ..
                    } => format!("assignment {} = {}", emphasize(lhs), emphasize(rhs)),
                    _ => stmt_string(&s),
                };
                let at = s.pos();
                self.syntax_error_at(at, &format!("cannot use {text} as value"));
                h.cond = Some(Cond::Expr(Expr {
                    id: self.ids.fresh(),
                    span: s.span,
                    kind: ExprKind::Bad,
                }));
            }
            Some(Simple::Range(r)) => {
                h.cond = Some(Cond::Expr(r.x));
            }
        }
        self.xnest = outer;
        h
    }

    fn simple_into_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s) => s,
            Simple::Range(r) => Stmt {
                span: Span::new(self.file, r.range_span.lo, r.x.span.hi),
                kind: StmtKind::Expr(r.x),
            },
            Simple::Guard {
                binding,
                assert,
                span,
            } => {
                let l = Expr {
                    id: binding.id,
                    span: binding.span,
                    kind: ExprKind::Ident(binding.name),
                };
                let op_span = Span::new(self.file, l.span.hi, l.span.hi);
                Stmt {
                    span,
                    kind: StmtKind::Assign {
                        lhs: vec![l],
                        op: AssignOp::Define,
                        rhs: vec![assert],
                        op_span,
                    },
                }
            }
        }
    }

    fn if_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        if !self.enter() {
            return self.stmt(lo, StmtKind::Bad);
        }
        let h = self.header(Tok::If);
        let cond = match h.cond {
            Some(Cond::Expr(e)) => e,
            Some(Cond::Guard { assert, .. }) => assert,
            None => self.bad_expr(),
        };
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok.tok {
                Tok::If => els = Some(Box::new(self.if_stmt())),
                Tok::LBrace => {
                    let b_lo = self.tok.lo;
                    let b = self.block_stmt("");
                    els = Some(Box::new(self.stmt(b_lo, StmtKind::Block(b))));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::RBrace]);
                }
            }
        }
        self.leave();
        self.stmt(
            lo,
            StmtKind::If(IfStmt {
                init: h.init,
                cond,
                then,
                els,
            }),
        )
    }

    fn switch_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        let h = self.header(Tok::Switch);
        let body_lo = self.tok.lo;
        if !self.got(Tok::LBrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::RBrace]);
        }
        let mut clauses = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            clauses.push(self.case_clause());
        }
        self.want(Tok::RBrace);
        let body_span = self.span(body_lo);
        let kind = match h.cond {
            Some(Cond::Guard {
                binding,
                assert,
                span,
            }) => {
                let x = match assert.kind {
                    ExprKind::TypeAssert { x, .. } => *x,
                    other => Expr {
                        id: assert.id,
                        span: assert.span,
                        kind: other,
                    },
                };
                StmtKind::TypeSwitch(TypeSwitchStmt {
                    init: h.init,
                    binding,
                    x,
                    guard_span: span,
                    clauses,
                    body_span,
                })
            }
            Some(Cond::Expr(e)) => StmtKind::Switch(SwitchStmt {
                init: h.init,
                tag: Some(e),
                clauses,
                body_span,
            }),
            None => StmtKind::Switch(SwitchStmt {
                init: h.init,
                tag: None,
                clauses,
                body_span,
            }),
        };
        self.stmt(lo, kind)
    }

    fn select_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        self.want(Tok::Select);
        let body_lo = self.tok.lo;
        if !self.got(Tok::LBrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::RBrace]);
        }
        let mut clauses = Vec::new();
        while self.tok.tok != Tok::Eof && self.tok.tok != Tok::RBrace {
            clauses.push(self.comm_clause());
        }
        self.want(Tok::RBrace);
        let body_span = self.span(body_lo);
        self.stmt(lo, StmtKind::Select(SelectStmt { clauses, body_span }))
    }

    fn case_clause(&mut self) -> CaseClause {
        let lo = self.tok.lo;
        let mut exprs = None;
        match self.tok.tok {
            Tok::Case => {
                self.next();
                exprs = Some(self.expr_list());
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace]);
            }
        }
        let colon = self.tok_span();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause {
            id: self.ids.fresh(),
            span: self.span(lo),
            exprs,
            colon,
            body,
        }
    }

    fn comm_clause(&mut self) -> CommClause {
        let lo = self.tok.lo;
        let mut comm = None;
        match self.tok.tok {
            Tok::Case => {
                self.next();
                comm = Some(Box::new(self.simple_stmt_plain(None)));
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace]);
            }
        }
        let colon = self.tok_span();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CommClause {
            id: self.ids.fresh(),
            span: self.span(lo),
            comm,
            colon,
            body,
        }
    }

    fn decl_stmt(&mut self) -> Stmt {
        let lo = self.tok.lo;
        let d = self.gen_decl();
        self.stmt(lo, StmtKind::Decl(d))
    }

    /// A statement, or `None` if the current token cannot start one.
    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        let lo = self.tok.lo;
        // Most statements start with a name: look for that first.
        if self.tok.tok == Tok::Name {
            self.clear_directives();
            let lhs = self.expr_list();
            if lhs.len() == 1 && self.tok.tok == Tok::Colon {
                if let ExprKind::Ident(name) = &lhs[0].kind {
                    let label = Ident {
                        id: lhs[0].id,
                        span: lhs[0].span,
                        name: name.clone(),
                    };
                    return self.labeled_stmt_or_nil(label);
                }
            }
            return Some(self.simple_stmt_plain(Some(lhs)));
        }
        if let Tok::Var | Tok::Const | Tok::Type = self.tok.tok {
            return Some(self.decl_stmt());
        }
        self.clear_directives();
        match self.tok.tok {
            Tok::LBrace => {
                let b = self.block_stmt("");
                Some(self.stmt(lo, StmtKind::Block(b)))
            }
            Tok::Operator | Tok::Star => {
                let unary = matches!(
                    self.tok.op,
                    Op::Binary(BinaryOp::Add)
                        | Op::Binary(BinaryOp::Sub)
                        | Op::Binary(BinaryOp::Mul)
                        | Op::Binary(BinaryOp::And)
                        | Op::Binary(BinaryOp::Xor)
                        | Op::Not
                );
                if unary {
                    return Some(self.simple_stmt_plain(None));
                }
                None
            }
            Tok::Literal
            | Tok::Func
            | Tok::LParen
            | Tok::LBrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => Some(self.simple_stmt_plain(None)),
            Tok::For => Some(self.for_stmt()),
            Tok::Switch => Some(self.switch_stmt()),
            Tok::Select => Some(self.select_stmt()),
            Tok::If => Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                Some(self.stmt(lo, StmtKind::Fallthrough))
            }
            Tok::Break | Tok::Continue => {
                let is_break = self.tok.tok == Tok::Break;
                self.next();
                let label = if self.tok.tok == Tok::Name {
                    Some(self.name())
                } else {
                    None
                };
                let kind = if is_break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                };
                Some(self.stmt(lo, kind))
            }
            Tok::Go | Tok::Defer => Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = self.name();
                Some(self.stmt(lo, StmtKind::Goto(label)))
            }
            Tok::Return => {
                self.next();
                let mut results = Vec::new();
                if self.tok.tok != Tok::Semi && self.tok.tok != Tok::RBrace {
                    results = self.expr_list();
                }
                Some(self.stmt(lo, StmtKind::Return(results)))
            }
            Tok::Semi => Some(Stmt {
                span: self.at_span(lo),
                kind: StmtKind::Empty,
            }),
            _ => None,
        }
    }

    /// `StatementList = { Statement ";" }`.
    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(
            self.tok.tok,
            Tok::Eof | Tok::RBrace | Tok::Case | Tok::Default
        ) {
            let s = self.stmt_or_nil();
            self.clear_directives();
            let Some(s) = s else {
                break;
            };
            list.push(s);
            // ";" is optional before "}".
            if !self.got(Tok::Semi) && self.tok.tok != Tok::RBrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::RBrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        list
    }

    // -----------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Ident {
        if self.tok.tok == Tok::Name {
            let span = self.tok_span();
            let text = self.tok_text();
            let id = self.new_ident(span, text);
            self.next();
            return id;
        }
        let span = self.at_span(self.tok.lo);
        let id = self.new_ident(span, "_");
        self.syntax_error("expected name");
        self.advance(&[]);
        id
    }

    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut list = vec![first];
        while self.got(Tok::Comma) {
            list.push(self.name());
        }
        list
    }

    /// `TypeName [ TypeArgs ]`, where `TypeName = identifier |
    /// PackageName "." identifier`.
    fn qualified_name(&mut self, name: Option<Ident>) -> Expr {
        let name = match name {
            Some(n) => n,
            None if self.tok.tok == Tok::Name => self.name(),
            None => {
                let span = self.at_span(self.tok.lo);
                let n = self.new_ident(span, "_");
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::RBrace]);
                n
            }
        };
        let lo = name.span.lo;
        let mut x = self.ident_expr(name);
        if self.tok.tok == Tok::Dot {
            let dot = self.tok_span();
            self.next();
            let sel = self.name();
            x = self.expr_node(
                lo,
                ExprKind::Selector {
                    x: Box::new(x),
                    sel,
                    dot,
                },
            );
        }
        if self.tok.tok == Tok::LBrack {
            x = self.type_instance(x);
        }
        x
    }

    /// `typeList = arg { "," arg } [ "," ]`: types (the first may be any
    /// expression unless `strict`). Returns whether a comma was seen.
    fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let first = if strict { self.type_() } else { self.expr() };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                list.push(t);
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }
}

/// gc's directives that set a flag on the following function; anywhere
/// else they are misplaced.
fn is_flag_pragma(name: &str) -> bool {
    matches!(
        name,
        "go:build"
            | "go:noescape"
            | "go:norace"
            | "go:nosplit"
            | "go:noinline"
            | "go:nocheckptr"
            | "go:systemstack"
            | "go:nowritebarrier"
            | "go:nowritebarrierrec"
            | "go:yeswritebarrierrec"
            | "go:cgo_unsafe_args"
            | "go:uintptrkeepalive"
            | "go:uintptrescapes"
            | "go:registerparams"
    )
}

fn is_plus_build(body: &str) -> bool {
    body.trim_start().starts_with("+build") && body.starts_with(' ')
}

/// Pairs parameter entries into fields: consecutive names without a type
/// take the type of the next entry that has one.
fn group_fields(p: &mut Parser, list: Vec<ParamEntry>) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut names: Vec<Ident> = Vec::new();
    let mut group_lo: Option<u32> = None;
    for e in list {
        let lo = *group_lo.get_or_insert(e.lo);
        match e.ty {
            None => {
                if let Some(n) = e.name {
                    names.push(n);
                }
            }
            Some(ty) => {
                if let Some(n) = e.name {
                    names.push(n);
                }
                let span = Span::new(p.file, lo, ty.span.hi.max(lo));
                fields.push(Field {
                    span,
                    names: std::mem::take(&mut names),
                    ty,
                    tag: None,
                });
                group_lo = None;
            }
        }
    }
    // Names left without a type (only after an error was reported).
    if !names.is_empty() {
        let lo = names[0].span.lo;
        let ty = Expr {
            id: p.ids.fresh(),
            span: Span::new(p.file, lo, lo),
            kind: ExprKind::Bad,
        };
        let hi = names.last().map_or(lo, |n| n.span.hi);
        fields.push(Field {
            span: Span::new(p.file, lo, hi),
            names,
            ty,
            tag: None,
        });
    }
    fields
}

/// Splits `x` into a type parameter name and its constraint if `x` can be
/// read as `name constraint` (`P *C`, `P []E`, `P ~int | string`): gc's
/// rule for telling `type A[P *C] ...` from `type A[N * M]T`. Only splits
/// when the rest is clearly a type element, or when `force` is set.
/// `Ok((name, None))` for a lone name; `Err(x)` if no split applies.
fn extract_name(x: Expr, force: bool) -> Result<(Ident, Option<Expr>), Expr> {
    let Expr { id, span, kind } = x;
    match kind {
        ExprKind::Ident(name) => Ok((Ident { id, span, name }, None)),
        // name *y: the constraint is the pointer type *y.
        ExprKind::Binary {
            op: BinaryOp::Mul,
            x: lhs,
            y,
            op_span,
        } if force || is_type_elem(&y) => match lhs.kind {
            ExprKind::Ident(name) => {
                let name = Ident {
                    id: lhs.id,
                    span: lhs.span,
                    name,
                };
                let star = Expr {
                    id,
                    span: Span::new(op_span.file, op_span.lo, y.span.hi),
                    kind: ExprKind::Star(y),
                };
                Ok((name, Some(star)))
            }
            other => {
                let lhs = Expr {
                    id: lhs.id,
                    span: lhs.span,
                    kind: other,
                };
                Err(Expr {
                    id,
                    span,
                    kind: ExprKind::Binary {
                        op: BinaryOp::Mul,
                        x: Box::new(lhs),
                        y,
                        op_span,
                    },
                })
            }
        },
        // name lhs | y: split lhs, keep the union.
        ExprKind::Binary {
            op: BinaryOp::Or,
            x: lhs,
            y,
            op_span,
        } => {
            let rebuild = |l: Expr, y: Box<Expr>| ExprKind::Binary {
                op: BinaryOp::Or,
                x: Box::new(l),
                y,
                op_span,
            };
            let force_inner = force || is_type_elem(&y);
            match extract_name(*lhs, force_inner) {
                Ok((name, Some(l))) => {
                    let span = Span::new(l.span.file, l.span.lo, y.span.hi);
                    let kind = rebuild(l, y);
                    Ok((name, Some(Expr { id, span, kind })))
                }
                Ok((name, None)) => {
                    let l = Expr {
                        id: name.id,
                        span: name.span,
                        kind: ExprKind::Ident(name.name),
                    };
                    Err(Expr {
                        id,
                        span,
                        kind: rebuild(l, y),
                    })
                }
                Err(l) => Err(Expr {
                    id,
                    span,
                    kind: rebuild(l, y),
                }),
            }
        }
        // name(T): the constraint is T, parenthesised.
        ExprKind::Call {
            func,
            mut args,
            dots,
            lparen,
            rparen,
        } if args.len() == 1 && !dots && (force || is_type_elem(&args[0])) => {
            match (func.kind, args.pop()) {
                (ExprKind::Ident(name), Some(arg)) => {
                    let name = Ident {
                        id: func.id,
                        span: func.span,
                        name,
                    };
                    let paren = Expr {
                        id,
                        span: Span::new(lparen.file, lparen.lo, rparen.hi),
                        kind: ExprKind::Paren(Box::new(arg)),
                    };
                    Ok((name, Some(paren)))
                }
                (other, arg) => {
                    let func = Expr {
                        id: func.id,
                        span: func.span,
                        kind: other,
                    };
                    Err(Expr {
                        id,
                        span,
                        kind: ExprKind::Call {
                            func: Box::new(func),
                            args: arg.into_iter().collect(),
                            dots,
                            lparen,
                            rparen,
                        },
                    })
                }
            }
        }
        kind => Err(Expr { id, span, kind }),
    }
}

/// Whether `x` is certainly a type element (and not a value expression).
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType(_)
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType(_)
        | ExprKind::SliceType(_)
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => true,
        ExprKind::Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        ExprKind::Unary { op, x } => *op == UnaryOp::Tilde || is_type_elem(x),
        ExprKind::Star(x) => is_type_elem(x),
        ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// Whether `x` must be a value (and cannot be a type).
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. } => true,
        ExprKind::Unary { .. } | ExprKind::Binary { .. } => true,
        ExprKind::Star(_) => false,
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index { x, indices, .. } => {
            is_value(x) || (indices.len() == 1 && is_value(&indices[0]))
        }
        _ => false,
    }
}

/// A list printed for a message, with a top-level binary expression in
/// parentheses (`assignment (a + b) = c`).
fn emphasize(list: &[Expr]) -> String {
    let s = list.iter().map(expr_string).collect::<Vec<_>>().join(", ");
    if list.len() == 1 {
        if let ExprKind::Binary { .. } = list[0].kind {
            return format!("({s})");
        }
    }
    s
}
