//! `cargo xtask test`: the whole check, as CI runs it — formatting, every
//! crate's tests with the end-to-end suite, the suite again under the
//! collector's stress mode and under `GOGC=1`, the concurrency programs
//! repeated (20 runs each, and 5 more under the stress mode), and clippy. Every step runs even
//! after a failure, so one run shows everything that is wrong.

use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::setup::{self, Level};
use crate::Result;

/// A cargo command line and the environment it runs with.
type Step<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

pub fn run() -> Result<ExitCode> {
    let env = setup::run(Level::Rgo)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let suite: &[&str] = &["test", "-p", "testsuite", "--test", "suite"];
    // The suite again with the collector in its stress mode (a cycle every
    // 50 allocations, freed memory poisoned, the heap verified after each
    // mark) and with GOGC=1: a premature free shows up as wrong output.
    // The concurrency programs (`_conc_`) many times each: a scheduling
    // bug shows up as a run that differs.
    let conc: &[&str] = &["test", "-p", "testsuite", "--test", "suite", "--", "_conc_"];
    let steps: [Step; 7] = [
        (&["fmt", "--all", "--check"], &[]),
        (&["test", "--workspace", "--no-fail-fast"], &[]),
        (suite, &[("RGO_GCSTRESS", "50"), ("RGO_GCVERIFY", "1")]),
        (suite, &[("RGO_SUITE_PROGRAM_ENV", "GOGC=1")]),
        (conc, &[("RGO_SUITE_REPEAT", "20")]),
        (
            conc,
            &[
                ("RGO_SUITE_REPEAT", "5"),
                ("RGO_GCSTRESS", "50"),
                ("RGO_GCVERIFY", "1"),
            ],
        ),
        (&["clippy", "--workspace", "--", "-D", "warnings"], &[]),
    ];
    let mut failed = Vec::new();
    for (step, vars) in steps {
        let settings: String = vars.iter().map(|(k, v)| format!("{k}={v} ")).collect();
        let shown = format!("{settings}cargo {}", step.join(" "));
        eprintln!("xtask: {shown}");
        let start = Instant::now();
        let status = Command::new(&cargo)
            .current_dir(&env.root)
            .args(step)
            .env("RGO", &env.rgo)
            .env("RGO_GO", crate::golang::go_bin(&env.goroot))
            .envs(vars.iter().copied())
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
