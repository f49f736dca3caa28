//! `rgo tool compile` and `rgo tool link`: a program compiled to an ELF
//! relocatable object and to an archive, linked, and run; its output must
//! be what the official toolchain's `go run` prints for the same program.
//! (gc's own `go tool compile` writes its object format and needs an
//! import map, so the tools themselves cannot be compared.)

use std::path::{Path, PathBuf};
use std::process::Command;

use testsuite::observe::WorkDir;

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"strings"
)

func main() {
	words := strings.Fields("compiled to an object then linked")
	fmt.Println(len(words), strings.ToUpper(words[2]))
}
"#;

fn rgo() -> PathBuf {
    std::env::var_os("RGO")
        .map(PathBuf::from)
        .unwrap_or_else(testsuite::default_rgo)
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The member names of an `ar` archive.
fn ar_members(path: &Path) -> Vec<String> {
    let data = std::fs::read(path).expect("read archive");
    assert!(data.starts_with(b"!<arch>\n"), "not an ar archive");
    let mut names = Vec::new();
    let mut at = 8;
    while at + 60 <= data.len() {
        let header = &data[at..at + 60];
        let name = String::from_utf8_lossy(&header[..16])
            .trim_end()
            .trim_end_matches('/')
            .to_string();
        let size: usize = String::from_utf8_lossy(&header[48..58])
            .trim()
            .parse()
            .expect("member size");
        if !name.is_empty() {
            names.push(name);
        }
        at += 60 + size + size % 2;
    }
    names
}

#[test]
fn compile_pack_link_run() {
    let rgo = rgo();
    if !rgo.is_file() {
        eprintln!("skipped: no rgo at {} (build it first)", rgo.display());
        return;
    }
    let work = WorkDir::new("rgo-tools").expect("work dir");
    let dir = work.path();
    std::fs::write(dir.join("program.go"), PROGRAM).expect("write program");

    run_ok(
        Command::new(&rgo)
            .current_dir(dir)
            .args(["tool", "compile", "program.go"]),
    );
    let obj = std::fs::read(dir.join("program.o")).expect("program.o written");
    assert_eq!(&obj[..4], b"\x7fELF", "program.o is ELF");
    assert_eq!(&obj[16..18], &[1, 0], "program.o is relocatable (ET_REL)");

    run_ok(
        Command::new(&rgo)
            .current_dir(dir)
            .args(["tool", "compile", "-pack", "program.go"]),
    );
    let members = ar_members(&dir.join("program.a"));
    assert!(
        members.iter().any(|m| m == "__.PKGDEF"),
        "members: {members:?}"
    );
    assert!(
        members.iter().any(|m| m == "_go_.o"),
        "members: {members:?}"
    );

    run_ok(
        Command::new(&rgo)
            .current_dir(dir)
            .args(["tool", "link", "-o", "from_a", "program.a"]),
    );
    run_ok(
        Command::new(&rgo)
            .current_dir(dir)
            .args(["tool", "link", "program.o"]),
    );
    let from_a = run_ok(&mut Command::new(dir.join("from_a")));
    let from_o = run_ok(&mut Command::new(dir.join("a.out")));
    assert_eq!(from_a, from_o);

    // The official toolchain: `RGO_GO` (set by `cargo xtask test`) or `go`.
    let go_cmd = std::env::var_os("RGO_GO").unwrap_or_else(|| "go".into());
    let go = Command::new(go_cmd)
        .current_dir(dir)
        .env("GO111MODULE", "")
        .env("GOFLAGS", "")
        .args(["run", "program.go"])
        .output();
    match go {
        Ok(out) if out.status.success() => {
            assert_eq!(from_a, String::from_utf8_lossy(&out.stdout));
        }
        _ => eprintln!("skipped the comparison with gc: no working `go` on PATH"),
    }
}

#[test]
fn tool_usage_errors_exit_2() {
    let rgo = rgo();
    if !rgo.is_file() {
        eprintln!("skipped: no rgo at {} (build it first)", rgo.display());
        return;
    }
    for args in [
        &["tool"][..],
        &["tool", "compile"],
        &["tool", "compile", "-bogus", "x.go"],
        &["tool", "nosuch"],
        &["tool", "link"],
    ] {
        let out = Command::new(&rgo).args(args).output().expect("rgo runs");
        assert_eq!(out.status.code(), Some(2), "rgo {args:?}");
    }
}
