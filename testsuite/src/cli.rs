//! Command-line cases: how the compiler's `build` command fails on bad
//! invocations, unreadable input, a forbidden `#cgo` flag, a missing
//! `func main` and `-gcflags=-e`, compared with `go build` by exit code
//! and by whether a usage message is printed.

use std::fs;
use std::io;
use std::path::Path;

use crate::exec;
use crate::observe::{Compiler, WorkDir, BUILD_TIMEOUT};

/// A program to truncate; cut mid-way it is a syntax error.
const WHOLE_PROGRAM: &str = r#"package main

import "fmt"

type point struct{ x, y int }

func (p point) add(q point) point {
	return point{p.x + q.x, p.y + q.y}
}

func main() {
	p := point{1, 2}
	for i := 0; i < 3; i++ {
		p = p.add(point{i, i})
	}
	fmt.Println(p)
}
"#;

const HELLO: &str = "package main\n\nfunc main() {}\n";

/// A main package without `func main` (the linker's error, no position).
const NO_MAIN: &str = "package main\n\nfunc Main() {}\n";

/// Eleven errors: one more than gc reports without `-gcflags=-e`.
const ELEVEN_ERRORS: &str = "package main\n\nfunc main() {\n\ta, b, c, d, e, f, g, h, i, j, k := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n}\n";

/// A `#cgo` flag outside gc's allow-list (a compiler plugin).
const CGO_PLUGIN: &str = "package main\n\n// #cgo CFLAGS: -fplugin=./evil.so\n// static int one(void) { return 1; }\nimport \"C\"\n\nfunc main() { _ = C.one() }\n";

pub struct CliCase {
    pub name: &'static str,
    /// Writes the case's input files into the work directory and returns
    /// the arguments that follow `build -o OUT`.
    setup: fn(&Path) -> io::Result<Vec<String>>,
}

impl CliCase {
    pub fn id(&self) -> String {
        format!("cli/{}", self.name)
    }

    pub fn snapshot_name(&self) -> String {
        format!("cli__{}", self.name)
    }
}

pub fn cases() -> Vec<CliCase> {
    vec![
        CliCase {
            name: "unknown_flag",
            setup: |dir| {
                fs::write(dir.join("prog.go"), HELLO)?;
                Ok(vec!["-no-such-flag".into(), "prog.go".into()])
            },
        },
        CliCase {
            name: "missing_file",
            setup: |_| Ok(vec!["missing.go".into()]),
        },
        CliCase {
            name: "random_bytes",
            setup: |dir| {
                fs::write(dir.join("random.go"), random_bytes(0x5eed_0fc0_ffee, 100))?;
                Ok(vec!["random.go".into()])
            },
        },
        CliCase {
            name: "ldflags_strip",
            setup: |dir| {
                fs::write(dir.join("prog.go"), HELLO)?;
                Ok(vec!["-ldflags".into(), "-s -w".into(), "prog.go".into()])
            },
        },
        CliCase {
            name: "cgo_invalid_flag",
            setup: |dir| {
                fs::write(dir.join("plugin.go"), CGO_PLUGIN)?;
                Ok(vec!["plugin.go".into()])
            },
        },
        CliCase {
            name: "main_undeclared",
            setup: |dir| {
                fs::write(dir.join("nomain.go"), NO_MAIN)?;
                Ok(vec!["nomain.go".into()])
            },
        },
        CliCase {
            name: "gcflags_all_errors",
            setup: |dir| {
                fs::write(dir.join("eleven.go"), ELEVEN_ERRORS)?;
                Ok(vec!["-gcflags=-e".into(), "eleven.go".into()])
            },
        },
        CliCase {
            name: "truncated",
            setup: |dir| {
                let cut = WHOLE_PROGRAM.len() / 2;
                fs::write(dir.join("truncated.go"), &WHOLE_PROGRAM.as_bytes()[..cut])?;
                Ok(vec!["truncated.go".into()])
            },
        },
    ]
}

/// `lines` lines of pseudo-random bytes (xorshift64*, fixed seed), each 1
/// to 80 bytes long; the same on every machine.
pub fn random_bytes(seed: u64, lines: usize) -> Vec<u8> {
    let mut state = seed | 1;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut out = Vec::new();
    for _ in 0..lines {
        let len = 1 + next() % 80;
        for _ in 0..len {
            let b = (next() >> 56) as u8;
            out.push(if b == b'\n' { b'?' } else { b });
        }
        out.push(b'\n');
    }
    out
}

/// Runs a CLI case under `compiler` and renders the result.
pub fn observe(compiler: &Compiler, case: &CliCase) -> io::Result<(String, String)> {
    let work = WorkDir::new(&format!("rgo-cli-{}", compiler.name()))?;
    let args = (case.setup)(work.path())?;
    let out = work.path().join("prog");
    let ran = exec::run(
        &mut compiler.build_command(&out, &args, work.path()),
        BUILD_TIMEOUT,
    )?;
    let stderr = String::from_utf8_lossy(&ran.stderr).into_owned();
    let usage = stderr.to_lowercase().contains("usage");
    let rendered = format!(
        "build: {}\nusage on stderr: {usage}\nstderr empty: {}\n",
        ran.status,
        stderr.trim().is_empty()
    );
    Ok((rendered, stderr))
}

#[cfg(test)]
mod tests {
    #[test]
    fn random_bytes_are_stable() {
        let a = super::random_bytes(7, 100);
        assert_eq!(a, super::random_bytes(7, 100));
        assert_eq!(a.iter().filter(|&&b| b == b'\n').count(), 100);
    }
}
