//! `cargo xtask test`: the whole check, as CI runs it — formatting, every
//! crate's tests with the end-to-end suite, and clippy. Every step runs even
//! after a failure, so one run shows everything that is wrong.

use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::setup::{self, Level};
use crate::Result;

pub fn run() -> Result<ExitCode> {
    let env = setup::run(Level::Rgo)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let steps: [&[&str]; 3] = [
        &["fmt", "--all", "--check"],
        &["test", "--workspace", "--no-fail-fast"],
        &["clippy", "--workspace", "--", "-D", "warnings"],
    ];
    let mut failed = Vec::new();
    for step in steps {
        let shown = format!("cargo {}", step.join(" "));
        eprintln!("xtask: {shown}");
        let start = Instant::now();
        let status = Command::new(&cargo)
            .current_dir(&env.root)
            .args(step)
            .env("RGO", &env.rgo)
            .status()
            .map_err(|e| format!("{shown}: {e}"))?;
        eprintln!(
            "xtask: {shown}: {} in {:.0?}",
            if status.success() { "ok" } else { "FAILED" },
            start.elapsed()
        );
        if !status.success() {
            failed.push(shown);
        }
    }
    if failed.is_empty() {
        eprintln!("xtask: all checks passed");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("xtask: failed: {}", failed.join("; "));
        Ok(ExitCode::FAILURE)
    }
}
