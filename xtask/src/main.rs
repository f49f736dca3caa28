//! `cargo xtask`: the project's tasks.
//!
//! ```text
//! cargo xtask setup                 install what the build needs, build rgo
//! cargo xtask run FILE.go [args]    build rgo, then `rgo run FILE.go args`
//! cargo xtask test                  fmt check, every crate's tests, the suite, clippy
//! cargo xtask bless [FILTER]        expectations of the suite from the official toolchain
//! cargo xtask conformance DIR       rgo against the official toolchain on DIR's programs
//! cargo xtask bench                 time, memory and size of bench/ under rgo and gc
//! ```
//!
//! xtask builds on a bare machine (std and the std-only `testsuite` library),
//! because its first job is to install what the other crates need.

mod bench;
mod bless;
mod check;
mod conformance;
mod golang;
mod setup;

use std::process::{Command, ExitCode};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "\
usage: cargo xtask <command> [arguments]

commands:
  setup                 install LLVM 22, clang and the official Go toolchain if missing; build rgo
  run FILE.go [args]    build rgo (release), then run `rgo run FILE.go args...`
  test                  cargo fmt --check, cargo test --workspace, cargo clippy --workspace
  bless [FILTER]        write the suite's snapshots from the official Go toolchain
  conformance DIR       build and run DIR's programs with rgo and with gc, and compare
  bench                 compare rgo and gc on bench/: time, peak memory, binary size

environment:
  RGO=PATH              the rgo binary to use; nothing is built then
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<ExitCode> {
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "setup" => {
            let env = setup::run(setup::Level::Rgo)?;
            eprintln!(
                "setup: ready (GOROOT={}, rgo={})",
                env.goroot.display(),
                env.rgo.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        "run" => {
            let Some(file) = rest.first() else {
                return Err("usage: cargo xtask run FILE.go [args]".into());
            };
            let env = setup::run(setup::Level::Rgo)?;
            let status = Command::new(&env.rgo)
                .arg("run")
                .arg(file)
                .args(&rest[1..])
                .status()
                .map_err(|e| format!("{}: {e}", env.rgo.display()))?;
            Ok(exit_code_of(status))
        }
        "test" => check::run(),
        "bless" => bless::run(rest.first().map(String::as_str)),
        "conformance" => {
            let [dir] = rest else {
                return Err("usage: cargo xtask conformance DIR".into());
            };
            conformance::run(std::path::Path::new(dir))
        }
        "bench" => bench::run(),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => {
            eprint!("xtask: unknown command {other:?}\n\n{USAGE}");
            Ok(ExitCode::from(2))
        }
    }
}

/// The exit code to pass through; a child killed by a signal maps to 128+n,
/// as shells report it.
fn exit_code_of(status: std::process::ExitStatus) -> ExitCode {
    use std::os::unix::process::ExitStatusExt;
    let code = match (status.code(), status.signal()) {
        (Some(c), _) => c,
        (None, Some(sig)) => 128 + sig,
        (None, None) => 1,
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
