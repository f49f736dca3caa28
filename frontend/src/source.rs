//! Source files and positions.
//!
//! Every file the compiler reads is registered in a [`SourceMap`] and gets a
//! [`FileId`]. Positions are byte offsets into a file ([`Span`]); line and
//! column are computed only when a diagnostic is printed. Columns count bytes
//! from 1, as gc's do. Line directives (`//line file:line[:col]` at the
//! start of a line, `/*line file:line[:col]*/` anywhere) change the
//! positions reported after them, as in gc.

use std::fmt;

/// Index of a file in the [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range `lo..hi` in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(file: FileId, lo: u32, hi: u32) -> Span {
        Span { file, lo, hi }
    }

    /// The smallest span covering both `self` and `other` (same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }

    /// An empty span at the start of `self`.
    pub fn start(self) -> Span {
        Span {
            hi: self.lo,
            ..self
        }
    }
}

/// One source file: its name as the user gave it, and its text.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
    /// Line directives, by the offset they take effect at.
    line_dirs: Vec<LineDirective>,
}

/// `//line name:line[:col]`: the character at `at` is at `line:col` of
/// `name` (an unknown column when `col` is absent).
#[derive(Debug)]
struct LineDirective {
    at: u32,
    name: String,
    line: u32,
    col: Option<u32>,
}

impl SourceFile {
    fn new(name: String, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut line_dirs = line_directives(&text);
        // A relative name is relative to the directory of the file.
        if let Some((dir, _)) = name.rsplit_once('/') {
            for d in &mut line_dirs {
                if !d.name.is_empty() && !d.name.starts_with('/') {
                    d.name = format!("{dir}/{}", d.name);
                }
            }
        }
        SourceFile {
            name,
            text,
            line_starts,
            line_dirs,
        }
    }

    /// The position reported for `offset`: its own, or as the last line
    /// directive before it says.
    fn reported(&self, offset: u32) -> (&str, u32, u32) {
        let (line, col) = self.line_col(offset);
        let i = self.line_dirs.partition_point(|d| d.at <= offset);
        let Some(d) = i.checked_sub(1).and_then(|i| self.line_dirs.get(i)) else {
            return (&self.name, line, col);
        };
        let (aline, acol) = self.line_col(d.at);
        let rline = d.line.saturating_add(line - aline);
        let rcol = match d.col {
            None => 0,
            Some(c) if line == aline => c.saturating_add(col - acol),
            Some(_) => col,
        };
        let name = if d.name.is_empty() {
            &self.name
        } else {
            &d.name
        };
        (name, rline, rcol)
    }

    /// 1-based line and byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line] + 1)
    }
}

/// All files of one compilation.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile::new(name.into(), text.into()));
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// `file:line:col` of the start of `span`, as gc prints positions.
    pub fn position(&self, span: Span) -> Position<'_> {
        let (file, line, col) = self.file(span.file).reported(span.lo);
        Position { file, line, col }
    }
}

/// A printable `file:line:col` (`file:line` when a line directive left
/// the column unknown: `col` is then 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position<'a> {
    pub file: &'a str,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Position<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col == 0 {
            write!(f, "{}:{}", self.file, self.line)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.col)
        }
    }
}

/// Finds the line directives of a Go source text, skipping string and
/// rune literals and other comments.
fn line_directives(text: &str) -> Vec<LineDirective> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'`' => {
                i += 1;
                while i < b.len() && b[i] != b'`' {
                    i += 1;
                }
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
                let at_line_start = i == 0 || b[i - 1] == b'\n';
                if let Some(body) = text[i + 2..end].strip_prefix("line ") {
                    if at_line_start {
                        // Takes effect at the next line.
                        let at = (end + 1).min(b.len()) as u32;
                        out.extend(parse_line_directive(body.trim_end_matches('\r'), at));
                    }
                }
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n);
                if let Some(body) = text[i + 2..end].strip_prefix("line ") {
                    let at = (end + 2).min(b.len()) as u32;
                    out.extend(parse_line_directive(body, at));
                }
                i = end + 2;
            }
            _ => i += 1,
        }
    }
    out
}

/// `name:line` or `name:line:col` (the name may hold colons itself).
fn parse_line_directive(body: &str, at: u32) -> Option<LineDirective> {
    let num = |s: &str| s.parse::<u32>().ok().filter(|&n| n > 0);
    let (rest, last) = body.rsplit_once(':')?;
    let last = num(last)?;
    if let Some((name, mid)) = rest.rsplit_once(':') {
        if let Some(line) = num(mid) {
            return Some(LineDirective {
                at,
                name: name.to_string(),
                line,
                col: Some(last),
            });
        }
    }
    Some(LineDirective {
        at,
        name: rest.to_string(),
        line: last,
        col: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let mut sm = SourceMap::new();
        let f = sm.add("a.go", "package main\n\nfunc main() {}\n");
        assert_eq!(sm.position(Span::new(f, 0, 0)).to_string(), "a.go:1:1");
        assert_eq!(sm.position(Span::new(f, 14, 14)).to_string(), "a.go:3:1");
        assert_eq!(sm.position(Span::new(f, 19, 19)).to_string(), "a.go:3:6");
    }

    #[test]
    fn line_directives() {
        let mut sm = SourceMap::new();
        let text = "package main\n//line foo.go:10\nx\n/*line bar.go:20:5*/ y\nz\n";
        let f = sm.add("a.go", text);
        let at = |s: &str| {
            let o = text.find(s).unwrap_or(0) as u32;
            sm.position(Span::new(f, o, o)).to_string()
        };
        assert_eq!(at("package"), "a.go:1:1");
        assert_eq!(at("x"), "foo.go:10");
        assert_eq!(at(" y"), "bar.go:20:5");
        assert_eq!(at("y\n"), "bar.go:20:6");
        assert_eq!(at("z"), "bar.go:21:1");
        // Not in a string, nor a `//line` after other text.
        let g = sm.add("b.go", "var s = \"//line x.go:5\" //line y.go:6\nv\n");
        assert_eq!(sm.position(Span::new(g, 38, 38)).to_string(), "b.go:2:1");
    }
}
