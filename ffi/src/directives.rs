//! `#cgo` directives in a preamble.
//!
//! A preamble line `#cgo [GOOS/GOARCH constraints] VAR: values` adds flags
//! to `CFLAGS`, `CPPFLAGS`, `CXXFLAGS`, `FFLAGS` or `LDFLAGS` (or asks
//! `pkg-config`). `${SRCDIR}` is the package directory. Every other line is
//! C source and stays in the preamble, with `#cgo` lines blanked so line
//! numbers keep matching the Go file.

use std::path::Path;

/// Flags collected from a preamble, plus the C text without them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Preamble {
    /// `CFLAGS` and `CPPFLAGS` (for C and assembly).
    pub cflags: Vec<String>,
    /// `CPPFLAGS` and `CXXFLAGS` (for C++).
    pub cxxflags: Vec<String>,
    pub ldflags: Vec<String>,
    pub pkg_config: Vec<String>,
    /// The C source: the preamble with `#cgo` lines replaced by empty
    /// lines.
    pub c_source: String,
}

/// A malformed `#cgo` line: its 0-based line number within the preamble
/// and the message (worded as cgo's).
#[derive(Debug, PartialEq, Eq)]
pub struct DirectiveError {
    pub line: usize,
    pub message: String,
    /// A flag gc does not allow (`invalid flag in #cgo CFLAGS: ...`),
    /// reported for the package rather than at the line.
    pub invalid_flag: bool,
}

/// Splits `text` into C source and `#cgo` flags, for linux/amd64.
pub fn parse(text: &str, srcdir: &Path) -> Result<Preamble, DirectiveError> {
    let mut p = Preamble::default();
    let srcdir = srcdir.display().to_string();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let Some(rest) = trimmed.strip_prefix("#cgo") else {
            p.c_source.push_str(line);
            p.c_source.push('\n');
            continue;
        };
        p.c_source.push('\n');
        if !rest.starts_with([' ', '\t']) {
            p.c_source.pop();
            p.c_source.push_str(line);
            p.c_source.push('\n');
            continue;
        }
        let err = |message: String| DirectiveError {
            line: n,
            message,
            invalid_flag: false,
        };
        let Some((head, values)) = rest.split_once(':') else {
            return Err(err(format!("malformed #cgo argument: {}", rest.trim())));
        };
        let mut words: Vec<&str> = head.split_whitespace().collect();
        let Some(var) = words.pop() else {
            return Err(err(format!("malformed #cgo argument: {}", rest.trim())));
        };
        // Space-separated constraints are alternatives; none means always.
        if !words.is_empty() && !words.iter().any(|c| constraint_holds(c)) {
            continue;
        }
        let values: Vec<String> = split_quoted(values)
            .map_err(err)?
            .into_iter()
            .map(|v| v.replace("${SRCDIR}", &srcdir))
            .collect();
        let linker = var == "LDFLAGS";
        if matches!(
            var,
            "CFLAGS" | "CPPFLAGS" | "CXXFLAGS" | "FFLAGS" | "LDFLAGS"
        ) {
            if let Some(bad) = crate::flags::first_invalid(&values, linker) {
                return Err(DirectiveError {
                    line: n,
                    message: format!(
                        "invalid flag in #cgo {var}: {bad} (see https://go.dev/s/invalidflag)"
                    ),
                    invalid_flag: true,
                });
            }
        }
        match var {
            "CFLAGS" | "FFLAGS" => p.cflags.extend(values),
            "CPPFLAGS" => {
                p.cflags.extend(values.iter().cloned());
                p.cxxflags.extend(values);
            }
            "CXXFLAGS" => p.cxxflags.extend(values),
            "LDFLAGS" => p.ldflags.extend(values),
            "pkg-config" => p.pkg_config.extend(values),
            other => return Err(err(format!("invalid #cgo verb: #cgo {other}"))),
        }
    }
    Ok(p)
}

/// One `#cgo` constraint: comma-separated terms that must all hold for
/// linux/amd64 (`linux,amd64`, `!windows`).
fn constraint_holds(c: &str) -> bool {
    c.split(',').all(|term| match term.strip_prefix('!') {
        Some(t) => !matches!(t, "linux" | "amd64" | "unix" | "cgo"),
        None => matches!(term, "linux" | "amd64" | "unix" | "cgo"),
    })
}

/// Splits flags on spaces, honouring single and double quotes.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for ch in s.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => cur.push(ch),
            None if ch == '"' || ch == '\'' => {
                quote = Some(ch);
                in_word = true;
            }
            None if ch.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(ch);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(format!("unclosed quote in #cgo flags: {}", s.trim()));
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_source() {
        let text = "#cgo CFLAGS: -I${SRCDIR}/inc -DX=\"a b\"\n#cgo LDFLAGS: ${SRCDIR}/callC.a\n#include <stdio.h>\n";
        let p = parse(text, Path::new("/src/p")).expect("valid preamble");
        assert_eq!(p.cflags, vec!["-I/src/p/inc", "-DX=a b"]);
        assert_eq!(p.ldflags, vec!["/src/p/callC.a"]);
        assert_eq!(p.c_source, "\n\n#include <stdio.h>\n");
    }

    #[test]
    fn constraints_select_lines() {
        let text = "#cgo windows LDFLAGS: -lws2_32\n#cgo linux LDFLAGS: -lm\n";
        let p = parse(text, Path::new(".")).expect("valid preamble");
        assert_eq!(p.ldflags, vec!["-lm"]);
    }

    #[test]
    fn malformed() {
        let e = parse("#cgo CFLAGS -O2\n", Path::new(".")).expect_err("missing colon");
        assert_eq!(e.line, 0);
        let e = parse("#cgo FOO: x\n", Path::new(".")).expect_err("bad verb");
        assert!(e.message.contains("invalid #cgo verb"));
    }
}
