//! The end-to-end suite: every program under `programs/` and `errors/`, and
//! the command-line cases, built with rgo, run, and compared with the
//! snapshots that `cargo xtask bless` made from the official Go toolchain.
//!
//! ```text
//! cargo test -p testsuite --test suite [-- FILTER...]
//! RGO=/path/to/rgo            the compiler under test (default: target/release/rgo)
//! RGO_SUITE_JOBS=N            cases run at once (default 2)
//! RGO_SUITE_PROGRAM_ENV="K=V"  settings given to every program (before the
//!                             case's own `// rgo:env`), e.g. GOGC=1
//! ```
//!
//! Every case runs; all failures are reported with a diff. Cases listed in
//! `known_failures.txt` may fail without failing the suite.

use std::collections::BTreeSet;
use std::panic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use testsuite::case::{self, Case, DiagMatch, Kind};
use testsuite::cli::{self, CliCase};
use testsuite::library::{self, LibCase};
use testsuite::observe::{self, Compiler, Observed};
use testsuite::{diff, known, normalize, parallel, snapshot};

enum Job<'a> {
    Program(&'a Case),
    Cli(&'a CliCase),
    Library(&'a LibCase),
}

impl Job<'_> {
    fn id(&self) -> String {
        match self {
            Job::Program(c) => c.id(),
            Job::Cli(c) => c.id(),
            Job::Library(c) => c.id(),
        }
    }

    fn snapshot_name(&self) -> String {
        match self {
            Job::Program(c) => c.snapshot_name(),
            Job::Cli(c) => c.snapshot_name(),
            Job::Library(c) => c.snapshot_name(),
        }
    }
}

/// One case's result.
struct Verdict {
    id: String,
    snapshot_name: String,
    pass: bool,
    /// Compared with insta (exact cases); otherwise by [`position_match`].
    exact: bool,
    expected: Option<String>,
    actual: String,
    /// Why it failed, beyond the diff.
    notes: Vec<String>,
}

fn main() -> ExitCode {
    // Snapshots come from the official toolchain only (`cargo xtask bless`);
    // insta must never record or accept rgo's output.
    std::env::set_var("INSTA_UPDATE", "no");
    std::env::remove_var("INSTA_FORCE_PASS");

    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let rgo = std::env::var_os("RGO")
        .map(PathBuf::from)
        .unwrap_or_else(testsuite::default_rgo);
    if !rgo.is_file() {
        eprintln!(
            "error: the rgo compiler is not at {}\n\
             run `cargo xtask test` (it builds rgo in release mode first), \
             or set RGO to an rgo binary",
            rgo.display()
        );
        return ExitCode::FAILURE;
    }
    let suite = testsuite::suite_dir();
    let cases = match case::discover(&suite) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: reading the suite: {e}");
            return ExitCode::FAILURE;
        }
    };
    let known_path = suite.join("known_failures.txt");
    let known = match known::read(&known_path) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {}: {e}", known_path.display());
            return ExitCode::FAILURE;
        }
    };
    let cli_cases = cli::cases();
    let lib_cases = match library::discover(&suite) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: reading the library cases: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut jobs: Vec<Job> = cases.iter().map(Job::Program).collect();
    jobs.extend(cli_cases.iter().map(Job::Cli));
    jobs.extend(lib_cases.iter().map(Job::Library));
    jobs.retain(|j| filters.is_empty() || filters.iter().any(|f| j.id().contains(f.as_str())));

    let threads = std::env::var("RGO_SUITE_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or(2);
    // `RGO_SUITE_REPEAT=N`: each program runs N times after one build and
    // must give the same result every time (for the concurrency cases).
    let repeat = std::env::var("RGO_SUITE_REPEAT")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(1);
    let compiler = Compiler::Rgo(rgo.clone());
    let snapshots = testsuite::snapshot_dir();
    eprintln!(
        "running {} cases with {}{}",
        jobs.len(),
        rgo.display(),
        if repeat > 1 {
            format!(", each program {repeat} times")
        } else {
            String::new()
        }
    );
    let verdicts = parallel::map(
        &jobs,
        threads,
        |job| judge(&compiler, job, &snapshots, repeat),
        |_, v| {
            let mark = match (v.pass, known.contains(&v.id)) {
                (true, false) => "ok",
                (true, true) => "ok (now passing: remove from known_failures.txt)",
                (false, true) => "known failure",
                (false, false) => "FAILED",
            };
            eprintln!("{:<44} {mark}", v.id);
        },
    );
    report(verdicts, &known, &snapshots)
}

fn judge(compiler: &Compiler, job: &Job, snapshots: &Path, repeat: usize) -> Verdict {
    let snapshot_name = job.snapshot_name();
    let expected = match snapshot::read(&snapshots.join(format!("{snapshot_name}.snap"))) {
        Ok(e) => e,
        Err(e) => Some(format!("<unreadable snapshot: {e}>")),
    };
    let mut notes = Vec::new();
    let (actual, observed) = match job {
        Job::Program(case) => match observe::observe_runs(compiler, case, repeat) {
            Ok((observed, details)) => {
                if case.kind == Kind::Run && matches!(observed, Observed::Build { .. }) {
                    notes.push(format!(
                        "rgo build failed:\n{}",
                        excerpt(&details.build_stderr)
                    ));
                }
                (observed.render(), Some(observed))
            }
            Err(e) => (format!("<could not run: {e}>"), None),
        },
        Job::Library(case) => match library::observe(compiler, case) {
            Ok(rendered) => (rendered, None),
            Err(e) => (format!("<could not run: {e}>"), None),
        },
        Job::Cli(case) => match cli::observe(compiler, case) {
            Ok((rendered, stderr)) => {
                notes.push(format!("rgo's stderr:\n{}", excerpt(&stderr)));
                (rendered, None)
            }
            Err(e) => (format!("<could not run: {e}>"), None),
        },
    };
    let position_mode = matches!(job, Job::Program(c) if c.kind == Kind::Diag && c.diag_match == DiagMatch::Position);
    let pass = match &expected {
        None => {
            notes.push("no snapshot: run `cargo xtask bless` to make it".into());
            false
        }
        Some(exp) if position_mode => match &observed {
            Some(obs) => match position_match(exp, obs) {
                Ok(()) => true,
                Err(why) => {
                    notes.push(why);
                    false
                }
            },
            None => false,
        },
        Some(exp) => snapshot::comparable(exp) == snapshot::comparable(&actual),
    };
    Verdict {
        id: job.id(),
        snapshot_name,
        pass,
        exact: !position_mode,
        expected,
        actual,
        notes,
    }
}

/// The first lines of a compiler's output, for a failure report.
fn excerpt(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let mut out: String = lines
        .iter()
        .take(30)
        .map(|l| format!("    {l}\n"))
        .collect();
    if lines.len() > 30 {
        out.push_str(&format!("    ... ({} more lines)\n", lines.len() - 30));
    }
    out
}

/// The softer diagnostic check: the same build exit code, the first error
/// at the same line and column, and every `file:line` gc reports also
/// reported by rgo.
fn position_match(expected: &str, observed: &Observed) -> Result<(), String> {
    let Observed::Build {
        status,
        diagnostics,
    } = observed
    else {
        return Err("rgo built and ran a program that must not build".into());
    };
    let mut lines = expected.lines();
    let want_status = lines.next().unwrap_or_default();
    let got_status = format!("build: {status}");
    if want_status != got_status {
        return Err(format!("want `{want_status}`, got `{got_status}`"));
    }
    let want: Vec<_> = lines.filter_map(normalize::position).collect();
    let got: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| normalize::position(d))
        .collect();
    let (Some(w), Some(g)) = (want.first(), got.first()) else {
        return if want.is_empty() {
            Ok(())
        } else {
            Err("rgo reported no `file:line:col: message` lines".into())
        };
    };
    if (w.1, w.2) != (g.1, g.2) {
        return Err(format!(
            "first error: want {}:{}:{}, got {}:{}:{}",
            w.0,
            w.1,
            w.2.unwrap_or(0),
            g.0,
            g.1,
            g.2.unwrap_or(0)
        ));
    }
    let got_lines: BTreeSet<_> = got.iter().map(|(f, l, _)| (f, l)).collect();
    let missing: Vec<String> = want
        .iter()
        .filter(|(f, l, _)| !got_lines.contains(&(f, l)))
        .map(|(f, l, _)| format!("{f}:{l}"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("errors not reported at {}", missing.join(", ")))
    }
}

fn report(verdicts: Vec<Verdict>, known: &BTreeSet<String>, snapshots: &Path) -> ExitCode {
    let total = verdicts.len();
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut known_failed = 0;
    let mut now_passing = Vec::new();
    for v in &verdicts {
        let listed = known.contains(&v.id);
        if v.pass || listed {
            passed += usize::from(v.pass);
            match (v.pass, listed) {
                (true, true) => now_passing.push(v.id.clone()),
                (false, _) => known_failed += 1,
                _ => {}
            }
            continue;
        }
        eprintln!("\n==== FAILED {} ====", v.id);
        // insta shows its diff and has the last word on exact cases.
        if v.exact && v.expected.is_some() && insta_agrees(v, snapshots) {
            eprintln!("(insta finds the snapshot matching)");
            passed += 1;
            continue;
        }
        if !v.exact {
            if let Some(exp) = &v.expected {
                eprint!("{}", diff::lines(exp, &v.actual));
            }
        }
        for n in &v.notes {
            eprintln!("{n}");
        }
        failed.push(v.id.clone());
    }
    eprintln!();
    if !now_passing.is_empty() {
        eprintln!("now passing, remove from testsuite/known_failures.txt:");
        for id in &now_passing {
            eprintln!("    {id}");
        }
    }
    if !failed.is_empty() {
        eprintln!("failed:");
        for id in &failed {
            eprintln!("    {id}");
        }
        eprintln!(
            "expected outputs come from the official Go toolchain: fix rgo, or, if a \
             program changed, run `cargo xtask bless`"
        );
    }
    eprintln!(
        "rgo: {passed}/{total} passed ({known_failed} known failures listed in \
         testsuite/known_failures.txt)"
    );
    println!("suite: {passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs insta's assertion for one case; insta prints the diff on mismatch.
fn insta_agrees(v: &Verdict, snapshots: &Path) -> bool {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(snapshots);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        settings.bind(|| insta::assert_snapshot!(v.snapshot_name.as_str(), v.actual.as_str()));
    }));
    panic::set_hook(previous);
    outcome.is_ok()
}
