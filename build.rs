//! Embeds the runtime overlay (`rt/go/<import path>/*.go`) into the `rgo`
//! binary, so a build needs no files of ours besides the runtime library.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let overlay = root.join("rt").join("go");
    println!("cargo:rerun-if-changed={}", overlay.display());
    let mut files = Vec::new();
    collect(&overlay, &overlay, &mut files);
    files.sort();
    let mut out = String::from("/// (import path, file name, source) of every overlay file.\n");
    out.push_str("pub const FILES: &[(&str, &str, &str)] = &[\n");
    for (pkg, name, path) in &files {
        let _ = writeln!(
            out,
            "    ({pkg:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("overlay.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<(String, String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(base, &p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            let pkg = dir
                .strip_prefix(base)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !pkg.is_empty() {
                out.push((pkg, name, p.clone()));
            }
        }
    }
}
