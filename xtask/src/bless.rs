//! `cargo xtask bless [FILTER]`: the suite's expectations, from the official
//! toolchain. Each case is built with `go build` and, for programs, the
//! binary is run; the normalised result is written as its insta snapshot.
//! Snapshots that no longer belong to a case are removed (without a filter).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use testsuite::case::{self, Case, Kind};
use testsuite::exec::Status;
use testsuite::observe::{self, Compiler, Observed};
use testsuite::{cli, library, parallel, snapshot};

use crate::golang::{self, GO_VERSION};
use crate::setup::{self, Level};
use crate::Result;

const DESCRIPTION: &str = "official toolchain go1.27.3: go build, then run the binary";

pub fn run(filter: Option<&str>) -> Result<ExitCode> {
    let env = setup::run(Level::Toolchains)?;
    let gc = Compiler::Gc(golang::go_bin(&env.goroot));
    let suite = testsuite::suite_dir();
    let snapshots = testsuite::snapshot_dir();
    let all = case::discover(&suite)?;
    let cases = case::filter(all.clone(), filter);
    let cli_cases: Vec<_> = cli::cases()
        .into_iter()
        .filter(|c| filter.is_none_or(|f| c.id().contains(f)))
        .collect();
    eprintln!(
        "bless: {} cases with go{GO_VERSION} from {}",
        cases.len() + cli_cases.len(),
        env.goroot.display()
    );

    // Each case runs twice: an expectation that changes from run to run
    // (map order, timing) is no expectation.
    let results = parallel::map(
        &cases,
        2,
        |c| {
            let first = observe::observe(&gc, c)?;
            let second = observe::observe(&gc, c)?;
            Ok::<_, std::io::Error>((first, second.0.render()))
        },
        |_, _| {},
    );
    let mut written = 0;
    let mut unchanged = 0;
    let mut problems = 0;
    for (case, result) in cases.iter().zip(results) {
        let ((observed, details), again) = match result {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: {e}", case.id());
                problems += 1;
                continue;
            }
        };
        if let Some(why) = unfit(case, &observed) {
            eprintln!("{}: {why}", case.id());
            if !details.build_stderr.is_empty() {
                eprintln!("{}", details.build_stderr.trim_end());
            }
            problems += 1;
            continue;
        }
        if again != observed.render() {
            eprintln!(
                "{}: output differs between two runs under gc; the program must be deterministic",
                case.id()
            );
            problems += 1;
            continue;
        }
        for line in &details.dropped {
            eprintln!(
                "{}: note: gc line not kept as a diagnostic: {line}",
                case.id()
            );
        }
        let input = relative(&case.files[0], &env.root);
        let input = if case.files.len() > 1 {
            relative(case.files[0].parent().unwrap_or(&case.files[0]), &env.root)
        } else {
            input
        };
        if snapshot::write(
            &snapshots,
            &case.snapshot_name(),
            DESCRIPTION,
            &input,
            &observed.render(),
        )? {
            eprintln!("{}: written", case.id());
            written += 1;
        } else {
            unchanged += 1;
        }
    }
    let lib_cases: Vec<_> = library::discover(&suite)?
        .into_iter()
        .filter(|c| filter.is_none_or(|f| c.id().contains(f)))
        .collect();
    for c in &lib_cases {
        let rendered = library::observe(&gc, c)?;
        if !rendered.starts_with("exit code") && !rendered.starts_with("killed by signal") {
            eprintln!("{}: does not build with gc:\n{rendered}", c.id());
            problems += 1;
            continue;
        }
        let input = relative(&c.dir, &env.root);
        if snapshot::write(
            &snapshots,
            &c.snapshot_name(),
            "official toolchain go1.27.3: go build -buildmode=..., a C host built with cc, run",
            &input,
            &rendered,
        )? {
            eprintln!("{}: written", c.id());
            written += 1;
        } else {
            unchanged += 1;
        }
    }
    for c in &cli_cases {
        let (rendered, _) = cli::observe(&gc, c)?;
        if snapshot::write(
            &snapshots,
            &c.snapshot_name(),
            "official toolchain go1.27.3: go build",
            "testsuite/src/cli.rs",
            &rendered,
        )? {
            eprintln!("{}: written", c.id());
            written += 1;
        } else {
            unchanged += 1;
        }
    }
    if filter.is_none() {
        let mut wanted: BTreeSet<String> = all.iter().map(Case::snapshot_name).collect();
        wanted.extend(cli::cases().iter().map(|c| c.snapshot_name()));
        wanted.extend(library::discover(&suite)?.iter().map(|c| c.snapshot_name()));
        for entry in std::fs::read_dir(&snapshots)? {
            let path = entry?.path();
            let Some(stem) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(name) = stem.strip_suffix(".snap") {
                if !wanted.contains(name) {
                    std::fs::remove_file(&path)?;
                    eprintln!("removed stale snapshot {}", path.display());
                }
            }
        }
    }
    eprintln!("bless: {written} written, {unchanged} unchanged, {problems} problems");
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Why gc's result cannot be an expectation for this case, if it cannot.
fn unfit(case: &Case, observed: &Observed) -> Option<String> {
    match (case.kind, observed) {
        (Kind::Run, Observed::Build { status, .. }) => {
            Some(format!("does not build with gc ({status})"))
        }
        (Kind::Run, Observed::Ran { status, .. }) if matches!(status, Status::TimedOut(_)) => {
            Some(format!("{status} under gc"))
        }
        (Kind::Diag, Observed::Build { status, .. }) if *status == Status::Exited(0) => {
            Some("builds with gc, but is an error case".into())
        }
        (Kind::Diag, Observed::Build { diagnostics, .. }) if diagnostics.is_empty() => {
            Some("gc printed no `file:line:col: message` lines".into())
        }
        _ => None,
    }
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}
