//! Build constraints: which files of a package take part in a build.
//!
//! A file is excluded by its name (`_test.go`, a `_GOOS`/`_GOARCH` suffix
//! for another target) or by a `//go:build` expression that is false for
//! the build's tags. rgo builds for linux/amd64, with the `purego` tag so
//! the standard library picks its portable Go code over assembly.

use std::collections::HashSet;

/// The tags a build satisfies.
#[derive(Clone, Debug)]
pub struct Tags {
    set: HashSet<String>,
}

/// Operating systems and architectures Go knows, so that a file named
/// `x_windows.go` is recognised as constrained.
const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];
const KNOWN_ARCH: &[&str] = &[
    "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64",
    "ppc64le", "riscv64", "s390x", "sparc64", "wasm",
];

impl Tags {
    /// linux/amd64 with the release tags `go1.1` … `go1.<minor>`.
    pub fn linux_amd64(go_minor: u32, cgo: bool) -> Tags {
        let mut set: HashSet<String> = ["linux", "amd64", "unix", "purego"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for m in 1..=go_minor {
            set.insert(format!("go1.{m}"));
        }
        if cgo {
            set.insert("cgo".into());
        }
        Tags { set }
    }

    pub fn has(&self, tag: &str) -> bool {
        self.set.contains(tag)
    }

    /// Whether a file with this name takes part (name rules only).
    pub fn file_name_ok(&self, name: &str) -> bool {
        let Some(stem) = name.strip_suffix(".go") else {
            return false;
        };
        if stem.ends_with("_test") || name.starts_with('_') || name.starts_with('.') {
            return false;
        }
        let parts: Vec<&str> = stem.split('_').collect();
        let n = parts.len();
        if n >= 3 && KNOWN_OS.contains(&parts[n - 2]) && KNOWN_ARCH.contains(&parts[n - 1]) {
            return self.has(parts[n - 2]) && self.has(parts[n - 1]);
        }
        if n >= 2 {
            let last = parts[n - 1];
            if KNOWN_OS.contains(&last) || KNOWN_ARCH.contains(&last) {
                return self.has(last);
            }
        }
        true
    }

    /// Evaluates a `//go:build` expression (the text after `go:build`).
    /// A malformed expression is an error message.
    pub fn eval(&self, expr: &str) -> Result<bool, String> {
        let tokens = tokenize(expr)?;
        let mut p = ExprParser {
            tokens: &tokens,
            pos: 0,
            tags: self,
        };
        let v = p.or()?;
        if p.pos != tokens.len() {
            return Err(format!("unexpected token in build constraint: {expr}"));
        }
        Ok(v)
    }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Tag(String),
    Not,
    And,
    Or,
    LParen,
    RParen,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'!' => {
                out.push(Tok::Not);
                i += 1
            }
            b'(' => {
                out.push(Tok::LParen);
                i += 1
            }
            b')' => {
                out.push(Tok::RParen);
                i += 1
            }
            b'&' if b.get(i + 1) == Some(&b'&') => {
                out.push(Tok::And);
                i += 2
            }
            b'|' if b.get(i + 1) == Some(&b'|') => {
                out.push(Tok::Or);
                i += 2
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.')
                {
                    i += 1;
                }
                out.push(Tok::Tag(s[start..i].to_string()));
            }
            _ => return Err(format!("invalid build constraint: {s}")),
        }
    }
    Ok(out)
}

struct ExprParser<'a> {
    tokens: &'a [Tok],
    pos: usize,
    tags: &'a Tags,
}

impl ExprParser<'_> {
    fn or(&mut self) -> Result<bool, String> {
        let mut v = self.and()?;
        while self.tokens.get(self.pos) == Some(&Tok::Or) {
            self.pos += 1;
            let r = self.and()?;
            v = v || r;
        }
        Ok(v)
    }

    fn and(&mut self) -> Result<bool, String> {
        let mut v = self.not()?;
        while self.tokens.get(self.pos) == Some(&Tok::And) {
            self.pos += 1;
            let r = self.not()?;
            v = v && r;
        }
        Ok(v)
    }

    fn not(&mut self) -> Result<bool, String> {
        match self.tokens.get(self.pos) {
            Some(Tok::Not) => {
                self.pos += 1;
                Ok(!self.not()?)
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let v = self.or()?;
                if self.tokens.get(self.pos) != Some(&Tok::RParen) {
                    return Err("missing ) in build constraint".into());
                }
                self.pos += 1;
                Ok(v)
            }
            Some(Tok::Tag(t)) => {
                self.pos += 1;
                Ok(self.tags.has(t))
            }
            _ => Err("malformed build constraint".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions() {
        let t = Tags::linux_amd64(27, false);
        assert_eq!(t.eval("linux && amd64"), Ok(true));
        assert_eq!(t.eval("!purego && amd64"), Ok(false));
        assert_eq!(t.eval("(darwin || linux) && go1.21"), Ok(true));
        assert_eq!(t.eval("go1.28"), Ok(false));
        assert!(t.eval("linux &&").is_err());
    }

    #[test]
    fn file_names() {
        let t = Tags::linux_amd64(27, false);
        assert!(t.file_name_ok("a.go"));
        assert!(t.file_name_ok("sys_linux.go"));
        assert!(t.file_name_ok("sys_linux_amd64.go"));
        assert!(!t.file_name_ok("sys_windows.go"));
        assert!(!t.file_name_ok("x_arm64.go"));
        assert!(!t.file_name_ok("x_test.go"));
        assert!(t.file_name_ok("my_file.go"));
    }
}
