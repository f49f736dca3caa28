//! Linking: the program's object and the runtime library into an executable,
//! with the system C compiler driver (`$CC`, default `cc`).
//!
//! The runtime (`librt.a`, the `rt` crate) is found next to the `rgo`
//! executable, as the `go` command finds its `pkg/` under GOROOT; `RGO_RT`
//! names another one.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The runtime library to link, or why there is none.
pub fn runtime_library() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("RGO_RT").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("RGO_RT={}: no such file", p.display()))
        };
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate rgo itself: {e}"))?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    // `target/<profile>/rgo` sits next to `librt.a`; test binaries live in
    // `target/<profile>/deps/`.
    for candidate in [dir.join("librt.a"), dir.join("..").join("librt.a")] {
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(format!(
        "cannot find the runtime library librt.a next to {} (build it with `cargo build --release -p rt`, or set RGO_RT)",
        exe.display()
    ))
}

/// The C compiler driver: `$CC` or `cc`.
pub fn c_compiler() -> String {
    std::env::var("CC")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "cc".to_string())
}

/// Unused sections of the runtime are dropped, and so is the runtime's
/// debug information (symbols stay, for profilers); libgcc is linked in so
/// the C library is the only run-time dependency, as for gc.
const LINK_FLAGS: &[&str] = &[
    "-Wl,--gc-sections",
    "-Wl,--strip-debug",
    "-static-libgcc",
    "-lpthread",
    "-ldl",
    "-lm",
];

/// Links `objects` and the runtime into the executable `out`; `ldflags`
/// (cgo's) come after the objects, so archives they name resolve the C
/// code's references.
pub fn executable(
    objects: &[PathBuf],
    ldflags: &[String],
    out: &Path,
    verbose: bool,
) -> Result<(), String> {
    let rt = runtime_library()?;
    let cc = c_compiler();
    let mut cmd = Command::new(&cc);
    cmd.arg("-o").arg(out);
    cmd.args(objects);
    cmd.args(ldflags);
    cmd.arg(&rt);
    cmd.args(LINK_FLAGS);
    if ldflags.iter().any(|f| f == "-s") {
        // `-ldflags=-s`: after LINK_FLAGS' `--strip-debug`, which would
        // otherwise win.
        cmd.arg("-Wl,--strip-all");
    }
    run(cmd, &cc, verbose)
}

/// Links a shared library (`-buildmode=c-shared`): the runtime is inside
/// it, and only the exported functions are dynamic symbols (a version
/// script hides everything else).
pub fn shared_library(
    objects: &[PathBuf],
    ldflags: &[String],
    exported: &[String],
    out: &Path,
    work: &Path,
    verbose: bool,
) -> Result<(), String> {
    let rt = runtime_library()?;
    let cc = c_compiler();
    let mut script = String::from("{\n");
    if !exported.is_empty() {
        script.push_str("  global:\n");
        for name in exported {
            script.push_str(&format!("    {name};\n"));
        }
    }
    script.push_str("  local: *;\n};\n");
    let map = work.join("exports.map");
    std::fs::write(&map, script).map_err(|e| format!("write {}: {e}", map.display()))?;
    let mut cmd = Command::new(&cc);
    cmd.arg("-shared").arg("-o").arg(out);
    cmd.args(objects);
    cmd.args(ldflags);
    cmd.arg(&rt);
    cmd.arg(format!("-Wl,--version-script={}", map.display()));
    // The runtime's threads run the library's code until the process
    // ends: `dlclose` must not unmap it (gc links with the same flag).
    cmd.arg("-Wl,-z,nodelete");
    cmd.args(LINK_FLAGS);
    if ldflags.iter().any(|f| f == "-s") {
        // `-ldflags=-s`: after LINK_FLAGS' `--strip-debug`, which would
        // otherwise win.
        cmd.arg("-Wl,--strip-all");
    }
    run(cmd, &cc, verbose)
}

/// Makes a static archive (`-buildmode=c-archive`): the objects and the
/// runtime members they need, joined by a relocatable link into one
/// object (so the archive holds each runtime member once, whatever their
/// names), archived with `ar`.
pub fn archive(objects: &[PathBuf], out: &Path, work: &Path, verbose: bool) -> Result<(), String> {
    let rt = runtime_library()?;
    let cc = c_compiler();
    let joined = work.join("go_archive.o");
    let mut cmd = Command::new(&cc);
    cmd.args(["-r", "-nostdlib", "-Wl,--strip-debug", "-o"])
        .arg(&joined);
    cmd.args(objects);
    cmd.arg(&rt);
    run(cmd, &cc, verbose)?;
    pack(&[joined], out, verbose)
}

/// Joins objects into one relocatable object (`rgo tool compile`).
pub fn relocatable(objects: &[PathBuf], out: &Path, verbose: bool) -> Result<(), String> {
    let cc = c_compiler();
    let mut cmd = Command::new(&cc);
    cmd.args(["-r", "-nostdlib", "-o"]).arg(out);
    cmd.args(objects);
    run(cmd, &cc, verbose)
}

/// An `ar` archive of `members` (`rgo tool compile -pack`).
pub fn pack(members: &[PathBuf], out: &Path, verbose: bool) -> Result<(), String> {
    let _ = std::fs::remove_file(out);
    let ar = archiver();
    let mut cmd = Command::new(&ar);
    cmd.arg("rcs").arg(out).args(members);
    run(cmd, &ar, verbose)
}

/// LLVM's archiver: GNU ar's plugins (an older LLVMgold among them) can
/// choke on objects with many sections.
fn archiver() -> String {
    std::env::var("AR").unwrap_or_else(|_| "llvm-ar-22".to_string())
}

/// Runs a link step; its diagnostics become the error.
fn run(mut cmd: Command, what: &str, verbose: bool) -> Result<(), String> {
    if verbose {
        eprintln!("{cmd:?}");
    }
    let output = cmd
        .output()
        .map_err(|e| format!("cannot run `{what}` to link: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "link failed ({what}):\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}
