//! Building a case with one compiler — the official toolchain (`go build`)
//! or rgo (`rgo build`) — running the result, and rendering what was seen
//! as snapshot text.
//!
//! Both compilers are driven the same way: `BUILD -o WORK/prog FILES...` in
//! a fresh temporary directory, then `WORK/prog ARGS...` there. Environment
//! that changes a Go program's behaviour (`GODEBUG`, `GOGC`, ...) is removed
//! from every command and given to the program only, as the case asks.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::case::{Case, Kind};
use crate::exec::{self, Status};
use crate::normalize;

/// Variables read by Go programs' runtimes; they reach only the program, and
/// only when the case sets them.
pub const PROGRAM_ENV: &[&str] = &["GODEBUG", "GOGC", "GOMEMLIMIT", "GOMAXPROCS", "GOTRACEBACK"];

/// Time allowed for one build.
pub const BUILD_TIMEOUT: Duration = Duration::from_secs(300);

#[derive(Clone, Debug)]
pub enum Compiler {
    /// The official toolchain: the `go` command.
    Gc(PathBuf),
    /// The rgo CLI.
    Rgo(PathBuf),
}

impl Compiler {
    /// `build -o OUT ARGS...`, ready to run in `work`.
    pub fn build_command(&self, out: &Path, args: &[String], work: &Path) -> Command {
        let mut cmd = match self {
            Compiler::Gc(go) => {
                let mut c = Command::new(go);
                // Files outside any module build as `command-line-arguments`;
                // no workspace or flags from the caller's environment apply.
                // A directory outside any module builds in GOPATH mode.
                let module_mode = if args.iter().any(|a| Path::new(a).is_dir()) {
                    "off"
                } else {
                    ""
                };
                c.env("GOFLAGS", "")
                    .env("GOWORK", "off")
                    .env("GOTOOLCHAIN", "local")
                    .env("GO111MODULE", module_mode);
                c
            }
            Compiler::Rgo(rgo) => Command::new(rgo),
        };
        for var in PROGRAM_ENV {
            cmd.env_remove(var);
        }
        cmd.current_dir(work)
            .arg("build")
            .arg("-o")
            .arg(out)
            .args(args);
        cmd
    }

    pub fn name(&self) -> &'static str {
        match self {
            Compiler::Gc(_) => "gc",
            Compiler::Rgo(_) => "rgo",
        }
    }
}

/// What one compiler made of one case.
#[derive(Clone, Debug)]
pub enum Observed {
    /// The outcome of the build alone: the build failed, or the case is a
    /// diagnostic case and was not run.
    Build {
        status: Status,
        diagnostics: Vec<String>,
    },
    /// The program was built and ran.
    Ran {
        status: Status,
        stdout: String,
        stderr: String,
    },
}

impl Observed {
    /// The snapshot text.
    pub fn render(&self) -> String {
        match self {
            Observed::Build {
                status,
                diagnostics,
            } => {
                let mut s = format!("build: {status}\n---- diagnostics ----\n");
                for d in diagnostics {
                    s.push_str(d);
                    s.push('\n');
                }
                s
            }
            Observed::Ran {
                status,
                stdout,
                stderr,
            } => {
                let mut s = format!("{status}\n---- stdout ----\n");
                push_stream(&mut s, stdout);
                s.push_str("---- stderr ----\n");
                push_stream(&mut s, stderr);
                s
            }
        }
    }
}

fn push_stream(s: &mut String, stream: &str) {
    s.push_str(stream);
    if !stream.is_empty() && !stream.ends_with('\n') {
        s.push_str("\n\\ no newline at end\n");
    }
}

/// A temporary directory, removed on drop.
pub struct WorkDir(PathBuf);

impl WorkDir {
    pub fn new(prefix: &str) -> io::Result<WorkDir> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0);
            let dir = base.join(format!("{prefix}-{}-{n}-{nanos:x}", std::process::id()));
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(WorkDir(dir)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Extra facts about an observation that are not part of the snapshot.
#[derive(Clone, Debug, Default)]
pub struct Details {
    /// The compiler's stderr when the build failed.
    pub build_stderr: String,
    /// Lines of a failed build's stderr that are not diagnostics.
    pub dropped: Vec<String>,
}

/// Builds `case` with `compiler` and, for a run case that built, runs it.
pub fn observe(compiler: &Compiler, case: &Case) -> io::Result<(Observed, Details)> {
    observe_runs(compiler, case, 1)
}

/// As [`observe`], running the program `runs` times after one build: the
/// first run whose result differs from the first's is returned (or the
/// first's if they all agree), so a flaky program shows its odd run.
pub fn observe_runs(
    compiler: &Compiler,
    case: &Case,
    runs: usize,
) -> io::Result<(Observed, Details)> {
    let work = WorkDir::new(&format!("rgo-{}", compiler.name()))?;
    let out = work.path().join("prog");
    let files: Vec<String> = case
        .files
        .iter()
        .map(|f| std::path::absolute(f).map(|p| p.to_string_lossy().into_owned()))
        .collect::<io::Result<_>>()?;
    let source_dir = case
        .files
        .first()
        .and_then(|f| std::path::absolute(f).ok())
        .and_then(|f| f.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let dirs = [work.path(), source_dir.as_path()];
    // A package with C, C++ or assembly files beside its Go files (cgo)
    // builds as a directory: the go command compiles them only then.
    let has_c = std::fs::read_dir(&source_dir).is_ok_and(|rd| {
        rd.filter_map(Result::ok).any(|e| {
            e.path().extension().is_some_and(|x| {
                ["c", "cc", "cpp", "cxx", "S", "sx"].contains(&x.to_string_lossy().as_ref())
            })
        })
    });
    let files = if has_c {
        // Relative to the work directory: in GOPATH mode the go command
        // refuses absolute package paths.
        let up = "../".repeat(work.path().components().count().saturating_sub(1));
        let rel = source_dir.strip_prefix("/").unwrap_or(&source_dir);
        vec![format!("{up}{}", rel.display())]
    } else {
        files
    };

    let built = exec::run(
        &mut compiler.build_command(&out, &files, work.path()),
        BUILD_TIMEOUT,
    )?;
    let build_stderr = normalize::paths(&normalize::text(&built.stderr), &dirs);
    if case.kind == Kind::Diag || !built.success() {
        let observed = Observed::Build {
            status: built.status,
            diagnostics: normalize::diagnostics(&build_stderr),
        };
        let details = Details {
            dropped: normalize::dropped_lines(&build_stderr),
            build_stderr,
        };
        return Ok((observed, details));
    }

    if !out.is_file() {
        return Err(io::Error::other(format!(
            "{} build exited 0 but wrote no program",
            compiler.name()
        )));
    }
    let run_once = || -> io::Result<Observed> {
        let ran = exec::run(&mut program_command(&out, case, work.path()), case.timeout)?;
        let stdout = normalize::paths(&normalize::text(&ran.stdout), &dirs);
        let stderr =
            normalize::program_stderr(&normalize::paths(&normalize::text(&ran.stderr), &dirs));
        Ok(Observed::Ran {
            status: ran.status,
            stdout,
            stderr,
        })
    };
    let first = run_once()?;
    let first_text = first.render();
    for _ in 1..runs.max(1) {
        let again = run_once()?;
        if again.render() != first_text {
            return Ok((again, Details::default()));
        }
    }
    Ok((first, Details::default()))
}

/// Settings every program of a run gets (before its case's own), from
/// `RGO_SUITE_PROGRAM_ENV="NAME=value ..."`: how the suite is run again
/// with, for example, `GOGC=1`.
pub const RUN_ENV: &str = "RGO_SUITE_PROGRAM_ENV";

/// The command that runs a built program: in its work directory, with the
/// case's arguments and only the case's Go runtime settings (and the
/// run's, see [`RUN_ENV`]).
pub fn program_command(program: &Path, case: &Case, work: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(work).args(&case.args);
    for var in PROGRAM_ENV {
        cmd.env_remove(var);
    }
    cmd.env_remove(RUN_ENV);
    let run = std::env::var(RUN_ENV).unwrap_or_default();
    for kv in run.split_whitespace() {
        if let Some((k, v)) = kv.split_once('=') {
            cmd.env(k, v);
        }
    }
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    cmd
}
