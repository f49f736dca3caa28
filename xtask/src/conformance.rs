//! `cargo xtask conformance DIR`: every program in DIR (each `.go` file, and
//! each subdirectory of `.go` files) built and run with rgo and with the
//! official toolchain; exit code, stdout and stderr compared after the same
//! normalisation as the suite's.

use std::path::Path;
use std::process::ExitCode;

use testsuite::case::{self, Kind};
use testsuite::observe::{self, Compiler};
use testsuite::{diff, parallel, snapshot};

use crate::golang;
use crate::setup::{self, Level};
use crate::Result;

pub fn run(dir: &Path) -> Result<ExitCode> {
    let env = setup::run(Level::Rgo)?;
    let gc = Compiler::Gc(golang::go_bin(&env.goroot));
    let rgo = Compiler::Rgo(env.rgo);
    let cases =
        case::discover_dir(dir, Kind::Run).map_err(|e| format!("{}: {e}", dir.display()))?;
    if cases.is_empty() {
        return Err(format!("{}: no .go programs", dir.display()).into());
    }
    let results = parallel::map(
        &cases,
        2,
        |c| -> std::result::Result<(String, String, String), String> {
            let (want, _) = observe::observe(&gc, c).map_err(|e| format!("gc: {e}"))?;
            let (got, details) = observe::observe(&rgo, c).map_err(|e| format!("rgo: {e}"))?;
            Ok((want.render(), got.render(), details.build_stderr))
        },
        |i, r| {
            let verdict = match r {
                Ok((want, got, _)) if snapshot::comparable(want) == snapshot::comparable(got) => {
                    "pass"
                }
                _ => "FAIL",
            };
            println!("{verdict}  {}", cases[i].name);
        },
    );
    let mut passed = 0;
    let mut failed = 0;
    for (case, result) in cases.iter().zip(&results) {
        match result {
            Ok((want, got, _)) if snapshot::comparable(want) == snapshot::comparable(got) => {
                passed += 1;
            }
            Ok((want, got, rgo_stderr)) => {
                failed += 1;
                println!("\n==== {} (- gc, + rgo) ====", case.name);
                print!("{}", diff::lines(want, got));
                if !rgo_stderr.is_empty() {
                    println!("rgo build output:\n{}", rgo_stderr.trim_end());
                }
            }
            Err(e) => {
                failed += 1;
                println!("\n==== {} ====\n{e}", case.name);
            }
        }
    }
    println!("\n{passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
