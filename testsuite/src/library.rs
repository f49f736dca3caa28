//! Library cases: Go built as a C library and used by a C program.
//!
//! Each directory under `libraries/` holds `lib.go` (a main package with
//! `//export`ed functions) and `host.c` (a C program that includes
//! `libgo.h` and calls them; `host.cc` for a C++ one). A host that calls
//! `dlopen` loads the library itself and is linked without it. Its name says the build mode: `c_shared`
//! builds `libgo.so` with `-buildmode=c-shared`, `c_archive` builds
//! `libgo.a` with `-buildmode=c-archive`. The compiler builds the library
//! and its header, the system C compiler builds the host against them,
//! and the host runs; the snapshot is the host's exit code and output.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::exec;
use crate::normalize;
use crate::observe::{Compiler, Observed, WorkDir, BUILD_TIMEOUT};

/// How long the host may run.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Shared,
    Archive,
}

#[derive(Clone, Debug)]
pub struct LibCase {
    pub name: String,
    pub dir: PathBuf,
    pub mode: Mode,
}

impl LibCase {
    pub fn id(&self) -> String {
        format!("lib/{}", self.name)
    }

    pub fn snapshot_name(&self) -> String {
        format!("lib__{}", self.name)
    }
}

/// The cases under `suite/libraries`, by name.
pub fn discover(suite: &Path) -> io::Result<Vec<LibCase>> {
    let root = suite.join("libraries");
    let mut cases = Vec::new();
    let entries = match fs::read_dir(&root) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(cases),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let dir = entry?.path();
        let Some(name) = dir.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
            continue;
        };
        let mode = if name.contains("c_archive") {
            Mode::Archive
        } else if name.contains("c_shared") {
            Mode::Shared
        } else {
            return Err(io::Error::other(format!(
                "{}: the name must say c_shared or c_archive",
                dir.display()
            )));
        };
        cases.push(LibCase { name, dir, mode });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Builds and runs a case with `compiler`; the snapshot text.
pub fn observe(compiler: &Compiler, case: &LibCase) -> io::Result<String> {
    let work = WorkDir::new(&format!("rgo-lib-{}", compiler.name()))?;
    for entry in fs::read_dir(&case.dir)? {
        let p = entry?.path();
        if let Some(n) = p.file_name() {
            fs::copy(&p, work.path().join(n))?;
        }
    }
    let (lib, mode_flag) = match case.mode {
        Mode::Shared => ("libgo.so", "-buildmode=c-shared"),
        Mode::Archive => ("libgo.a", "-buildmode=c-archive"),
    };
    let dirs = [work.path(), case.dir.as_path()];
    let args = vec![mode_flag.to_string(), "lib.go".to_string()];
    let built = exec::run(
        &mut compiler.build_command(&work.path().join(lib), &args, work.path()),
        BUILD_TIMEOUT,
    )?;
    if !built.success() {
        let stderr = normalize::paths(&normalize::text(&built.stderr), &dirs);
        return Ok(format!(
            "build: {}\n---- stderr ----\n{stderr}",
            built.status
        ));
    }
    if !work.path().join("libgo.h").is_file() {
        return Ok("build: no header libgo.h\n".into());
    }
    let cplusplus = work.path().join("host.cc").is_file();
    let (cc, src) = if cplusplus {
        (
            std::env::var("CXX").unwrap_or_else(|_| "c++".into()),
            "host.cc",
        )
    } else {
        (
            std::env::var("CC").unwrap_or_else(|_| "cc".into()),
            "host.c",
        )
    };
    let loads_itself = fs::read_to_string(work.path().join(src))?.contains("dlopen(");
    let mut host = Command::new(&cc);
    host.current_dir(work.path()).args(["-o", "host", src]);
    if !loads_itself {
        host.arg(format!("./{lib}"));
    }
    host.args(["-lpthread", "-ldl"]);
    let linked = exec::run(&mut host, BUILD_TIMEOUT)?;
    if !linked.success() {
        return Ok(format!(
            "host build: {}\n---- stderr ----\n{}",
            linked.status,
            normalize::paths(&normalize::text(&linked.stderr), &dirs)
        ));
    }
    let mut run = Command::new(work.path().join("host"));
    run.current_dir(work.path());
    for var in crate::observe::PROGRAM_ENV {
        run.env_remove(var);
    }
    let ran = exec::run(&mut run, RUN_TIMEOUT)?;
    let observed = Observed::Ran {
        status: ran.status,
        stdout: normalize::paths(&normalize::text(&ran.stdout), &dirs),
        stderr: normalize::program_stderr(&normalize::paths(&normalize::text(&ran.stderr), &dirs)),
    };
    Ok(observed.render())
}
