//! `//go:embed`: the files a package-level variable of type `string`,
//! `[]byte` or `embed.FS` holds, read when the package is loaded (the
//! lowering stores them in the variable before any initialiser runs).
//!
//! Patterns are matched as the go command matches them: slash-separated
//! `path.Match` globs relative to the package directory; a matched
//! directory contributes every file below it except those whose names
//! start with `.` or `_` (all of them with the `all:` prefix).

use std::path::Path;

use crate::diag::Diagnostic;
use crate::source::Span;
use crate::syntax::ast::{self, Decl, GenKind, NodeId, Spec};

/// The files embedded in one variable.
#[derive(Clone, Debug)]
pub struct Embed {
    /// The variable's name (its defining identifier).
    pub var: NodeId,
    /// The variable's name, for messages.
    pub span: Span,
    /// Files (slash-separated paths relative to the package directory,
    /// with their contents), and for an `embed.FS` the directories that
    /// hold them (as `dir/`), sorted as `embed.FS` looks names up.
    pub files: Vec<(String, Vec<u8>)>,
    pub dirs: Vec<String>,
}

/// The embeds of a package's files, or the errors gc reports for bad
/// patterns.
pub fn collect(dir: &Path, files: &[ast::File]) -> (Vec<Embed>, Vec<Diagnostic>) {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for f in files {
        for d in &f.decls {
            let Decl::Gen(g) = d else { continue };
            if g.kind != GenKind::Var {
                continue;
            }
            for dir_ in g.directives.iter().filter(|d| d.name() == "go:embed") {
                // The spec the directive precedes.
                let spec = g.specs.iter().find_map(|s| match s {
                    Spec::Value(vs) if vs.span.lo > dir_.span.lo => Some(vs),
                    _ => None,
                });
                let Some(vs) = spec else { continue };
                let Some(name) = vs.names.first() else {
                    continue;
                };
                let mut e = Embed {
                    var: name.id,
                    span: name.span,
                    files: Vec::new(),
                    dirs: Vec::new(),
                };
                for (off, pat) in patterns(&dir_.text) {
                    if let Err(msg) = add_pattern(dir, &pat, &mut e) {
                        // At the pattern, after the comment's `//`.
                        let lo = dir_.span.lo + 2 + off as u32;
                        errs.push(Diagnostic::error(Span::new(dir_.span.file, lo, lo), msg));
                    }
                }
                e.files.sort_by(|a, b| split(&a.0).cmp(&split(&b.0)));
                e.files.dedup_by(|a, b| a.0 == b.0);
                let mut dirs: Vec<String> = Vec::new();
                for (p, _) in &e.files {
                    let mut d = p.as_str();
                    while let Some((parent, _)) = d.rsplit_once('/') {
                        dirs.push(format!("{parent}/"));
                        d = parent;
                    }
                }
                dirs.sort_by(|a, b| split(a).cmp(&split(b)));
                dirs.dedup();
                e.dirs = dirs;
                out.push(e);
            }
        }
    }
    (out, errs)
}

/// A name as `embed.FS` orders names: its directory, then its last
/// element (a directory's trailing slash dropped).
pub fn split(name: &str) -> (&str, &str) {
    let n = name.strip_suffix('/').unwrap_or(name);
    match n.rsplit_once('/') {
        Some((d, e)) => (d, e),
        None => (".", n),
    }
}

/// The patterns of a `go:embed` line (words, or Go string literals for
/// names with spaces), each with its byte offset in `text`.
fn patterns(text: &str) -> Vec<(usize, String)> {
    let start = text.find("go:embed").map_or(0, |i| i + "go:embed".len());
    let mut out = Vec::new();
    let mut chars = text[start..].char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut w = String::new();
        if c == '"' || c == '`' {
            chars.next();
            for (_, d) in chars.by_ref() {
                if d == c {
                    break;
                }
                w.push(d);
            }
        } else {
            while let Some(&(_, d)) = chars.peek() {
                if d.is_whitespace() {
                    break;
                }
                w.push(d);
                chars.next();
            }
        }
        out.push((start + i, w));
    }
    out
}

/// Adds the files `pat` names to `e`.
fn add_pattern(dir: &Path, pat: &str, e: &mut Embed) -> Result<(), String> {
    let (all, glob) = match pat.strip_prefix("all:") {
        Some(g) => (true, g),
        None => (false, pat),
    };
    let bad = glob.is_empty()
        || glob.starts_with('/')
        || glob
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
        || glob.contains('\\');
    if bad {
        return Err(format!("pattern {pat}: invalid pattern syntax"));
    }
    let mut matched = Vec::new();
    walk(dir, "", &mut |rel, is_dir| {
        if glob_match(glob, rel) {
            matched.push((rel.to_string(), is_dir));
        }
    });
    if matched.is_empty() {
        return Err(format!("pattern {pat}: no matching files found"));
    }
    let mut names = Vec::new();
    for (rel, is_dir) in matched {
        if is_dir {
            walk(&dir.join(&rel), "", &mut |sub, sub_dir| {
                let hidden = sub
                    .split('/')
                    .any(|s| s.starts_with('.') || s.starts_with('_'));
                if !sub_dir && (all || !hidden) {
                    names.push(format!("{rel}/{sub}"));
                }
            });
        } else {
            names.push(rel);
        }
    }
    if names.is_empty() {
        return Err(format!(
            "pattern {pat}: cannot embed directory: contains no embeddable files"
        ));
    }
    for name in names {
        let data = std::fs::read(dir.join(&name)).map_err(|err| format!("pattern {pat}: {err}"))?;
        e.files.push((name, data));
    }
    Ok(())
}

/// Calls `f` with every file and directory below `dir` (slash-separated
/// paths relative to it, parents before children, in name order).
fn walk(dir: &Path, prefix: &str, f: &mut dyn FnMut(&str, bool)) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for ent in entries {
        let name = ent.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let is_dir = ent.file_type().is_ok_and(|t| t.is_dir());
        f(&rel, is_dir);
        if is_dir {
            walk(&ent.path(), &rel, f);
        }
    }
}

/// `path.Match` of a slash-separated path against a glob (`*`, `?`,
/// `[...]` classes with ranges and `^`, `\` escapes); `*` never crosses a
/// slash.
fn glob_match(pat: &str, name: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    let n: Vec<char> = name.chars().collect();
    match_from(&p, &n)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    let Some((&c, rest)) = p.split_first() else {
        return n.is_empty();
    };
    match c {
        '*' => (0..=n.len())
            .take_while(|&i| i == 0 || n[i - 1] != '/')
            .any(|i| match_from(rest, &n[i..])),
        '?' => n.first().is_some_and(|&x| x != '/') && match_from(rest, &n[1..]),
        '[' => {
            let Some((&x, nrest)) = n.split_first() else {
                return false;
            };
            let Some(close) = rest.iter().position(|&d| d == ']') else {
                return false;
            };
            let (class, after) = (&rest[..close], &rest[close + 1..]);
            let (negate, class) = match class.split_first() {
                Some(('^', c)) => (true, c),
                _ => (false, class),
            };
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == '-' {
                    hit |= class[i] <= x && x <= class[i + 2];
                    i += 3;
                } else {
                    hit |= class[i] == x;
                    i += 1;
                }
            }
            hit != negate && x != '/' && match_from(after, nrest)
        }
        '\\' => match rest.split_first() {
            Some((&e, r)) => n.first() == Some(&e) && match_from(r, &n[1..]),
            None => false,
        },
        _ => n.first() == Some(&c) && match_from(rest, &n[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_path_match() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "d/a.txt"));
        assert!(glob_match("d/*.txt", "d/a.txt"));
        assert!(glob_match("[a-c]?.go", "b1.go"));
        assert!(!glob_match("[^a-c]?.go", "b1.go"));
        assert!(glob_match("static", "static"));
    }

    #[test]
    fn names_sort_by_directory_then_element() {
        let mut v = vec!["a/z.txt", "a/", "b.txt", "a/b/", "a/b/c.txt"];
        v.sort_by(|a, b| split(a).cmp(&split(b)));
        assert_eq!(v, ["a/", "b.txt", "a/b/", "a/z.txt", "a/b/c.txt"]);
    }
}
