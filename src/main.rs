//! `rgo`: the command-line interface.
//!
//! Commands and flags follow the `go` command: `rgo build`, `rgo run`,
//! `rgo env`, `rgo version`, single-dash flags (`-o`, `-buildmode=...`),
//! exit status 1 for a failed build and 2 for a usage error. The work itself
//! is in [`driver`]; this file only parses arguments and picks exit codes.

mod cgo;
mod cli;
mod driver;
mod link;
mod overlay;

use std::process::ExitCode;

/// The checker and lowering recurse over syntax trees that may nest a
/// thousand levels deep; they run on a thread with room for that.
const COMPILER_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match cli::parse(&args) {
        Ok(cmd) => cmd,
        Err(usage) => {
            eprint!("{usage}");
            return ExitCode::from(usage.exit_code());
        }
    };
    // A bug in rgo must still read as a compiler diagnostic, not a Rust
    // backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("internal compiler error: {info}");
    }));
    let worker = std::thread::Builder::new()
        .name("rgo".into())
        .stack_size(COMPILER_STACK)
        .spawn(move || driver::run(cmd));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => ExitCode::from(1),
    }
}
