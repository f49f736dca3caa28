//! Tokens, as the lexer hands them to the parser.
//!
//! The token classes follow gc's scanner: all binary and unary operators
//! share the class [`Tok::Operator`] (with the operator and its precedence in
//! the token), except `*` ([`Tok::Star`], which is also the pointer type and
//! dereference), `<-` ([`Tok::Arrow`]), `op=` ([`Tok::AssignOp`]) and `++`/`--`
//! ([`Tok::IncOp`]). Grouping them this way keeps the parser's decisions and
//! its error messages (`unexpected +, expected ...`) the same as gc's.

use super::ast::{BinaryOp, LitKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tok {
    Eof,
    Name,
    Literal,
    /// A binary or unary operator other than `*` and `<-`.
    Operator,
    /// `+=`, `<<=`, ...
    AssignOp,
    /// `++` or `--`.
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    LParen,
    LBrack,
    LBrace,
    RParen,
    RBrack,
    RBrace,
    Comma,
    /// `;`, or one inserted at a newline or at the end of the file.
    Semi,
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// Bit for token sets ([`TokSet`]).
    pub const fn bit(self) -> u64 {
        1u64 << (self as u8)
    }

    pub fn is_keyword(self) -> bool {
        (Tok::Break as u8..=Tok::Var as u8).contains(&(self as u8))
    }

    /// The token's spelling, as gc prints it in messages
    /// ("unexpected keyword func", "expected comma").
    pub fn describe(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Comma => "comma",
            Semi => "semicolon or newline",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "keyword break",
            Case => "keyword case",
            Chan => "keyword chan",
            Const => "keyword const",
            Continue => "keyword continue",
            Default => "keyword default",
            Defer => "keyword defer",
            Else => "keyword else",
            Fallthrough => "keyword fallthrough",
            For => "keyword for",
            Func => "keyword func",
            Go => "keyword go",
            Goto => "keyword goto",
            If => "keyword if",
            Import => "keyword import",
            Interface => "keyword interface",
            Map => "keyword map",
            Package => "keyword package",
            Range => "keyword range",
            Return => "keyword return",
            Select => "keyword select",
            Struct => "keyword struct",
            Switch => "keyword switch",
            Type => "keyword type",
            Var => "keyword var",
        }
    }

    /// The keyword spelled `word`, if any.
    pub fn keyword(word: &[u8]) -> Option<Tok> {
        use Tok::*;
        Some(match word {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }
}

/// A set of token classes (at most 64 of them, like gc's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TokSet(pub u64);

impl TokSet {
    pub const fn of(toks: &[Tok]) -> TokSet {
        let mut bits = 0;
        let mut i = 0;
        while i < toks.len() {
            bits |= toks[i].bit();
            i += 1;
        }
        TokSet(bits)
    }

    pub const fn contains(self, tok: Tok) -> bool {
        self.0 & tok.bit() != 0
    }

    pub const fn with(self, tok: Tok) -> TokSet {
        TokSet(self.0 | tok.bit())
    }

    pub const fn union(self, other: TokSet) -> TokSet {
        TokSet(self.0 | other.0)
    }
}

/// The operator carried by `Operator`, `Star`, `AssignOp` and `IncOp`
/// tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// Not an operator token.
    None,
    Not,
    Tilde,
    Binary(BinaryOp),
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::None => "",
            Op::Not => "!",
            Op::Tilde => "~",
            Op::Binary(b) => b.as_str(),
        }
    }

    /// Precedence as a binary operator; 0 for unary-only operators.
    pub fn precedence(self) -> u8 {
        match self {
            Op::Binary(b) => b.precedence(),
            _ => 0,
        }
    }
}

/// Why a `Semi` token is there; gc names it in messages
/// ("unexpected newline, expected comma or )").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SemiKind {
    Semicolon,
    Newline,
    Eof,
}

impl SemiKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SemiKind::Semicolon => "semicolon",
            SemiKind::Newline => "newline",
            SemiKind::Eof => "EOF",
        }
    }
}

/// One token: its class, its byte range, and the class-specific details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    /// Byte range in the file. For an inserted semicolon: the newline (or
    /// an empty range at the end of the file).
    pub lo: u32,
    pub hi: u32,
    /// For `Operator`, `Star`, `AssignOp`, `IncOp`.
    pub op: Op,
    /// For `Literal`.
    pub lit: LitKind,
    /// For `Literal`: the lexer reported an error in it.
    pub bad: bool,
    /// For `Semi`.
    pub semi: SemiKind,
}

impl Token {
    pub fn new(tok: Tok, lo: u32, hi: u32) -> Token {
        Token {
            tok,
            lo,
            hi,
            op: Op::None,
            lit: LitKind::Int,
            bad: false,
            semi: SemiKind::Semicolon,
        }
    }

    /// Precedence of a binary operator token, 0 otherwise.
    pub fn prec(&self) -> u8 {
        match self.tok {
            Tok::Operator | Tok::Star => self.op.precedence(),
            _ => 0,
        }
    }
}
