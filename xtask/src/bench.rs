//! `cargo xtask bench`: each program under `bench/` built with rgo and with
//! the official toolchain, run several times each (alternating, so drift on
//! a shared machine hits both alike), and compared: median wall time, CPU
//! time, peak resident memory, binary size, each with the rgo/gc ratio.
//! Outputs are checked to agree, since a fast wrong answer is no result.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use testsuite::case::{self, Case, Kind};
use testsuite::exec::{self, Output};
use testsuite::observe::{self, Compiler, WorkDir, BUILD_TIMEOUT};

use crate::golang;
use crate::setup::{self, Level};
use crate::Result;

/// Runs of each binary; `RGO_BENCH_REPS` overrides.
const DEFAULT_REPS: usize = 5;

/// One compiler's figures for one program.
#[derive(Default)]
struct Figures {
    wall: Option<Duration>,
    cpu: Option<Duration>,
    rss_kib: Option<u64>,
    size: Option<u64>,
    stdout: Vec<u8>,
    problem: Option<String>,
}

pub fn run() -> Result<ExitCode> {
    let env = setup::run(Level::Rgo)?;
    let compilers = [
        Compiler::Gc(golang::go_bin(&env.goroot)),
        Compiler::Rgo(env.rgo),
    ];
    let reps = std::env::var("RGO_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r: &usize| r > 0)
        .unwrap_or(DEFAULT_REPS);
    let dir = env.root.join("bench");
    let programs = case::discover_dir(&dir, Kind::Run)?;
    if programs.is_empty() {
        return Err(format!("{}: no programs", dir.display()).into());
    }
    eprintln!(
        "bench: {} programs, {reps} runs each, median of wall time",
        programs.len()
    );
    let mut rows = Vec::new();
    let mut mismatches = 0;
    for program in &programs {
        let work = WorkDir::new("rgo-bench")?;
        let mut figures: Vec<Figures> = Vec::new();
        let mut binaries: Vec<Option<PathBuf>> = Vec::new();
        for c in &compilers {
            let (f, bin) = build(c, program, work.path())?;
            figures.push(f);
            binaries.push(bin);
        }
        let mut runs: Vec<Vec<Output>> = vec![Vec::new(); compilers.len()];
        for _ in 0..reps {
            for (i, bin) in binaries.iter().enumerate() {
                let Some(bin) = bin else { continue };
                let out = exec::run(
                    &mut observe::program_command(bin, program, work.path()),
                    program.timeout,
                )?;
                runs[i].push(out);
            }
        }
        for (f, outs) in figures.iter_mut().zip(runs) {
            summarise(f, outs);
        }
        if let [gc, rgo] = &figures[..] {
            if gc.problem.is_none() && rgo.problem.is_none() && gc.stdout != rgo.stdout {
                mismatches += 1;
                eprintln!("bench: {}: rgo's output differs from gc's", program.name);
            }
        }
        rows.push((program.name.clone(), figures));
    }
    print_table(&rows);
    Ok(if mismatches == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn build(compiler: &Compiler, program: &Case, work: &Path) -> Result<(Figures, Option<PathBuf>)> {
    let out = work.join(format!("{}-{}", program.name, compiler.name()));
    let files: Vec<String> = program
        .files
        .iter()
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    let built = exec::run(
        &mut compiler.build_command(&out, &files, work),
        BUILD_TIMEOUT,
    )?;
    let mut f = Figures::default();
    if !built.success() {
        let first = String::from_utf8_lossy(&built.stderr)
            .lines()
            .find(|l| !l.starts_with('#'))
            .unwrap_or("")
            .to_string();
        f.problem = Some(format!("build failed: {first}"));
        return Ok((f, None));
    }
    match std::fs::metadata(&out) {
        Ok(m) => f.size = Some(m.len()),
        Err(_) => {
            f.problem = Some("build exited 0 but wrote no program".into());
            return Ok((f, None));
        }
    }
    Ok((f, Some(out)))
}

fn summarise(f: &mut Figures, mut outs: Vec<Output>) {
    if f.problem.is_some() || outs.is_empty() {
        return;
    }
    if let Some(bad) = outs.iter().find(|o| !o.success()) {
        f.problem = Some(format!("run: {}", bad.status));
        return;
    }
    outs.sort_by_key(|o| o.wall);
    let mid = &outs[outs.len() / 2];
    f.wall = Some(mid.wall);
    f.cpu = Some(mid.cpu);
    let mut rss: Vec<u64> = outs.iter().map(|o| o.max_rss_kib).collect();
    rss.sort_unstable();
    f.rss_kib = Some(rss[rss.len() / 2]);
    f.stdout = mid.stdout.clone();
}

fn ratio(gc: Option<f64>, rgo: Option<f64>) -> String {
    match (gc, rgo) {
        (Some(g), Some(r)) if g > 0.0 => format!("{:.2}x", r / g),
        _ => "-".into(),
    }
}

fn show<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "-".into())
}

fn print_table(rows: &[(String, Vec<Figures>)]) {
    println!(
        "{:<18} {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}",
        "program",
        "gc time",
        "rgo time",
        "ratio",
        "gc cpu",
        "rgo cpu",
        "ratio",
        "gc rss",
        "rgo rss",
        "ratio",
        "gc size",
        "rgo size",
        "ratio"
    );
    let ms = |d: Duration| format!("{:.1}ms", d.as_secs_f64() * 1e3);
    let mib = |k: u64| format!("{:.1}M", k as f64 / 1024.0);
    let size = |b: u64| format!("{:.2}M", b as f64 / (1024.0 * 1024.0));
    for (name, figs) in rows {
        let [gc, rgo] = &figs[..] else { continue };
        println!(
            "{:<18} {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}  {:>9} {:>9} {:>7}",
            name,
            show(gc.wall, ms),
            show(rgo.wall, ms),
            ratio(
                gc.wall.map(|d| d.as_secs_f64()),
                rgo.wall.map(|d| d.as_secs_f64())
            ),
            show(gc.cpu, ms),
            show(rgo.cpu, ms),
            ratio(
                gc.cpu.map(|d| d.as_secs_f64()),
                rgo.cpu.map(|d| d.as_secs_f64())
            ),
            show(gc.rss_kib, mib),
            show(rgo.rss_kib, mib),
            ratio(gc.rss_kib.map(|k| k as f64), rgo.rss_kib.map(|k| k as f64)),
            show(gc.size, size),
            show(rgo.size, size),
            ratio(gc.size.map(|b| b as f64), rgo.size.map(|b| b as f64)),
        );
        for (who, f) in [("gc", gc), ("rgo", rgo)] {
            if let Some(p) = &f.problem {
                println!("{:<18} {who}: {p}", "");
            }
        }
    }
}
