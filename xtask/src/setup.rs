//! Set-up shared by every command: the Debian packages that LLVM-linked
//! crates need, the official Go toolchain (the oracle for expected
//! behaviour, and the standard library source rgo compiles), and a release
//! build of the `rgo` CLI with its runtime library.
//!
//! Each step checks before it acts, so a set-up machine hears nothing; when a
//! step installs something it says what.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::golang;
use crate::Result;

/// Debian packages needed to build and link the LLVM-linked crates
/// (`codegen` through inkwell/llvm-sys with `prefer-dynamic`, `ffi` through
/// libclang) and to let rgo drive clang.
///
/// Linked dynamically, llvm-sys needs only `libLLVM-22.so` and libstdc++:
/// LLVM's own static dependencies (zlib, zstd, libxml2, z3) come with the
/// shared library, so their `-dev` packages are not needed.
///
/// cgo programs need a C compiler with the C library's headers (`gcc`,
/// `libc6-dev`; `g++` for the suite's C++ host of a c-shared library)
/// and `pkg-config` for `#cgo pkg-config:` lines; the suite
/// links zlib and SQLite through pkg-config (`zlib1g-dev`,
/// `libsqlite3-dev`).
pub const DEBIAN_PACKAGES: &[&str] = &[
    "llvm-22-dev",
    "libclang-22-dev",
    "clang-22",
    "gcc",
    "g++",
    "libc6-dev",
    "pkg-config",
    "zlib1g-dev",
    "libsqlite3-dev",
];

/// Everything later steps learn during set-up.
pub struct Env {
    pub root: PathBuf,
    pub goroot: PathBuf,
    /// The rgo binary: `RGO` if set, else the release build.
    pub rgo: PathBuf,
}

/// How far set-up should go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Packages and Go only: for commands that never run rgo.
    Toolchains,
    /// Also build rgo and its runtime in release mode.
    Rgo,
}

pub fn run(level: Level) -> Result<Env> {
    let root = workspace_root()?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"));
    debian_packages()?;
    let goroot = golang::ensure(&target_dir)?;
    // An explicit RGO names the compiler under test; nothing is built then.
    let given = std::env::var_os("RGO").filter(|r| !r.is_empty());
    let rgo = given
        .clone()
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir.join("release").join("rgo"));
    let env = Env { root, goroot, rgo };
    if level == Level::Rgo && given.is_none() {
        build_rgo(&env)?;
    }
    Ok(env)
}

/// The workspace root: xtask's manifest directory is `<root>/xtask`.
fn workspace_root() -> Result<PathBuf> {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let root = manifest
        .parent()
        .map(Path::to_path_buf)
        .ok_or("xtask: cannot find the workspace root")?;
    Ok(root)
}

fn is_root() -> bool {
    // /proc/self/status has "Uid:\treal\teffective\t..."; std has no getuid.
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

fn package_installed(name: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", name])
        .stderr(Stdio::null())
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).ends_with(" installed"))
        .unwrap_or(false)
}

fn debian_packages() -> Result<()> {
    if Command::new("dpkg-query")
        .arg("--version")
        .output()
        .is_err()
    {
        // Not a Debian-like system: the builds below say what is missing.
        return Ok(());
    }
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|p| !package_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("setup: installing Debian packages: {}", missing.join(" "));
    let sudo = !is_root();
    let apt = |args: &[&str]| -> Result<()> {
        let mut cmd = if sudo {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        } else {
            Command::new("apt-get")
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        let status = cmd.status().map_err(|e| format!("apt-get: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("apt-get {} failed ({status})", args.join(" ")).into())
        }
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(missing.iter().copied());
    apt(&args)?;
    Ok(())
}

/// `cargo build --release -p rgo -p rt`, silent when nothing needs building.
fn build_rgo(env: &Env) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(cargo)
        .current_dir(&env.root)
        .args(["build", "--release", "-p", "rgo", "-p", "rt"])
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cargo build: {e}"))?;
    // Cargo's status lines are held back until something actually compiles,
    // so an up-to-date tree prints nothing; warnings and errors always show.
    let mut held = Vec::new();
    let mut passing = false;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|e| format!("cargo build: {e}"))?;
            if passing {
                eprintln!("{line}");
                continue;
            }
            let status = line.trim_start();
            if status.starts_with("Compiling") {
                passing = true;
                eprintln!("setup: building rgo and its runtime (release)");
                for h in held.drain(..) {
                    eprintln!("{h}");
                }
                eprintln!("{line}");
            } else {
                held.push(line);
            }
        }
    }
    let status = child.wait().map_err(|e| format!("cargo build: {e}"))?;
    if !passing {
        for h in held {
            let t = h.trim_start();
            let noise = t.starts_with("Finished") || t.starts_with("Blocking");
            if !noise || !status.success() {
                eprintln!("{h}");
            }
        }
    }
    if !status.success() {
        return Err(format!("cargo build --release -p rgo -p rt failed ({status})").into());
    }
    Ok(())
}
