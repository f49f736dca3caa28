//! The suite's cases, found on disk.
//!
//! `programs/NNN_name.go` (or a directory `programs/NNN_name/` of several
//! files of one package) must build and run; `errors/NNN_name.go` must fail
//! to build. Lines of the form `// rgo:KEY VALUE` anywhere in a case's files
//! adjust how it runs:
//!
//! ```text
//! // rgo:args a b c                 arguments for the program
//! // rgo:env NAME=value             environment for the program only
//! // rgo:timeout 120                seconds (default 60)
//! // rgo:diag-match position        errors: compare file:line positions only
//! ```

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a case must do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Build, run, and match exit code, stdout and stderr.
    Run,
    /// Fail to build, with the same diagnostics.
    Diag,
}

/// How strictly diagnostics are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagMatch {
    /// Every line: position and message.
    Exact,
    /// The exit code, the first error's line and column, and every
    /// `file:line` that gc reports.
    Position,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub kind: Kind,
    /// The file or directory name without `.go`, e.g. `012_closures`.
    pub name: String,
    /// The package's `.go` files, sorted.
    pub files: Vec<PathBuf>,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub diag_match: DiagMatch,
    pub timeout: Duration,
}

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

impl Case {
    /// The name used in `known_failures.txt` and reports: `programs/NAME`
    /// or `errors/NAME`.
    pub fn id(&self) -> String {
        match self.kind {
            Kind::Run => format!("programs/{}", self.name),
            Kind::Diag => format!("errors/{}", self.name),
        }
    }

    /// The insta snapshot name (the `.snap` file's stem).
    pub fn snapshot_name(&self) -> String {
        match self.kind {
            Kind::Run => format!("run__{}", self.name),
            Kind::Diag => format!("diag__{}", self.name),
        }
    }

    /// Reads one case: a `.go` file or a directory of them.
    pub fn load(path: &Path, kind: Kind) -> io::Result<Option<Case>> {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            return Ok(None);
        };
        let (name, files) = if path.is_dir() {
            let mut files = go_files(path)?;
            if files.is_empty() {
                return Ok(None);
            }
            files.sort();
            (file_name.to_string(), files)
        } else if let Some(stem) = file_name.strip_suffix(".go") {
            (stem.to_string(), vec![path.to_path_buf()])
        } else {
            return Ok(None);
        };
        let mut case = Case {
            kind,
            name,
            files,
            args: Vec::new(),
            env: Vec::new(),
            diag_match: DiagMatch::Exact,
            timeout: DEFAULT_TIMEOUT,
        };
        for file in case.files.clone() {
            // Bytes, not text: some error cases are deliberately not UTF-8.
            let bytes = fs::read(&file)?;
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                if let Some(directive) = line.trim_start().strip_prefix("// rgo:") {
                    case.apply(directive.trim(), &file)?;
                }
            }
        }
        Ok(Some(case))
    }

    fn apply(&mut self, directive: &str, file: &Path) -> io::Result<()> {
        let bad = |why: &str| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: `// rgo:{directive}`: {why}", file.display()),
            )
        };
        let (key, value) = directive
            .split_once([' ', '='])
            .map(|(k, v)| (k, v.trim()))
            .unwrap_or((directive, ""));
        match key {
            "args" => self.args = value.split_whitespace().map(String::from).collect(),
            "env" => {
                let (k, v) = value
                    .split_once('=')
                    .ok_or_else(|| bad("want NAME=value"))?;
                self.env.push((k.to_string(), v.to_string()));
            }
            "timeout" => {
                let secs: u64 = value.parse().map_err(|_| bad("want seconds"))?;
                self.timeout = Duration::from_secs(secs);
            }
            "diag-match" => {
                self.diag_match = match value {
                    "exact" => DiagMatch::Exact,
                    "position" => DiagMatch::Position,
                    _ => return Err(bad("want `exact` or `position`")),
                }
            }
            _ => return Err(bad("unknown directive")),
        }
        Ok(())
    }
}

fn go_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "go") {
            files.push(path);
        }
    }
    Ok(files)
}

/// Every case in `dir`: each `.go` file, and each subdirectory holding `.go`
/// files, sorted by name.
pub fn discover_dir(dir: &Path, kind: Kind) -> io::Result<Vec<Case>> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir)? {
        paths.push(entry?.path());
    }
    paths.sort();
    let mut cases = Vec::new();
    for path in paths {
        if let Some(case) = Case::load(&path, kind)? {
            cases.push(case);
        }
    }
    Ok(cases)
}

/// The whole suite under `suite_dir` (the `testsuite` directory).
pub fn discover(suite_dir: &Path) -> io::Result<Vec<Case>> {
    let mut cases = discover_dir(&suite_dir.join("programs"), Kind::Run)?;
    cases.extend(discover_dir(&suite_dir.join("errors"), Kind::Diag)?);
    Ok(cases)
}

/// Keeps the cases whose id contains `filter`.
pub fn filter(cases: Vec<Case>, filter: Option<&str>) -> Vec<Case> {
    match filter {
        None => cases,
        Some(f) => cases.into_iter().filter(|c| c.id().contains(f)).collect(),
    }
}
