//! rgo's end-to-end suite: Go programs whose expected exit code and output
//! come from the official Go toolchain and are stored as insta snapshots.
//!
//! This library is the machinery shared by the test harness
//! (`tests/suite.rs`, which checks rgo against the snapshots) and by
//! `cargo xtask` (`bless` writes the snapshots from `go build`;
//! `conformance` and `bench` compare the two compilers directly). It uses
//! only std, so xtask can build it on a machine without LLVM.
//!
//! - [`case`]: finding programs (`programs/`) and error cases (`errors/`)
//! - [`observe`]: building with a compiler, running, rendering snapshots
//! - [`normalize`]: what may differ between correct implementations
//! - [`exec`]: running processes with time limits and measurements
//! - [`snapshot`]: insta's file format
//! - [`cli`]: command-line failure cases
//! - [`known`]: the list of cases allowed to fail for now

pub mod case;
pub mod cli;
pub mod diff;
pub mod exec;
pub mod known;
pub mod library;
pub mod normalize;
pub mod observe;
pub mod parallel;
pub mod snapshot;

use std::path::PathBuf;

/// The `testsuite` directory.
pub fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the snapshots live.
pub fn snapshot_dir() -> PathBuf {
    suite_dir().join("tests").join("snapshots")
}

/// The workspace root.
pub fn workspace_dir() -> PathBuf {
    suite_dir()
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(suite_dir)
}

/// The release rgo binary's usual place.
pub fn default_rgo() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                workspace_dir().join(p)
            }
        })
        .unwrap_or_else(|| workspace_dir().join("target"));
    target.join("release").join("rgo")
}
