//! The rgo runtime, linked into every Go program as `librt.a`.
//!
//! Compiled Go code calls the `rgo_*` entry points of `rt/ABI.md` with the
//! flattened C ABI; the overlay packages in `rt/go/` bind body-less Go
//! functions to some of them with `//rgo:extern`. The runtime depends on
//! nothing but the C library.
//!
//! - [`start`]: the C `main`, fault signals, the main goroutine's stack;
//! - [`mem`]: the heap (size classes, spans, pages), the garbage
//!   collector (`mem::gc`) and MemStats;
//! - [`panic`]: panics and fatal errors with gc's messages;
//! - [`string`], [`slice`], [`map`], [`hash`], [`iface`], [`chan`]: the data
//!   structures behind Go's built-in types;
//! - [`print`]: the `print`/`println` builtins;
//! - [`fmt`]: the formatting engine behind the overlay `fmt` package;
//! - [`os`], [`syscall`], [`time`], [`atomic`], [`sema`], [`bytealg`],
//!   [`reflect`], [`rand`]: entry points of overlay packages;
//! - [`math`]: gc's amd64 `math.Exp`, for codegen to bind `math.archExp`;
//! - [`abi`], [`sys`]: the shared layouts and the C library bindings.

pub mod abi;
pub mod atomic;
pub mod bytealg;
pub mod cgo;
pub mod chan;
pub mod defer;
pub mod fmt;
pub mod hash;
pub mod iface;
pub mod map;
pub mod math;
pub mod mem;
pub mod os;
pub mod panic;
pub mod print;
pub mod rand;
pub mod reflect;
pub mod sched;
pub mod sema;
pub mod slice;
pub mod start;
pub mod string;
pub mod sys;
pub mod syscall;
pub mod time;

#[cfg(test)]
mod testutil;
