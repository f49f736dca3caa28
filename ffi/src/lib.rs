//! cgo support: `import "C"` in both directions.
//!
//! Place in the pipeline: the loader hands each file's cgo preamble (the
//! comment above `import "C"`) here; [`directives`] extracts the `#cgo`
//! lines (compiler and linker flags, with `${SRCDIR}` expanded) and leaves
//! the C text. Reading C declarations with libclang, mapping them to Go
//! types for the checker, compiling the C parts with `cc`, call wrappers,
//! `//export` entry points and header generation build on this.

pub mod directives;
