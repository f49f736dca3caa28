//! rgo's front end: Go source in, typed IR out.
//!
//! The stages, in pipeline order:
//! - [`syntax`]: lexer, parser and syntax tree (an exact picture of the
//!   source, positions included);
//! - [`loader`]: finding packages (GOROOT, the runtime overlay, the user's
//!   files), build constraints, import order;
//! - [`types`]: type checking, constants, the package's typed view;
//! - [`lower`]: the checked syntax tree to the typed [`ir`], the contract with
//!   `codegen`.
//!
//! [`source`] and [`diag`] are shared by all stages.

pub mod diag;
pub mod ir;
pub mod loader;
pub mod lower;
pub mod source;
pub mod syntax;
pub mod types;

/// Type-checks `packages` (dependencies first, `main` last) and lowers
/// what the program can reach to one [`ir::Program`]. Errors are gc's
/// messages at gc's positions; constructs the lowering cannot handle yet
/// are reported as `internal compiler error: ... not supported yet`.
pub fn check_and_lower(
    sources: &source::SourceMap,
    packages: &[loader::Package],
) -> Result<ir::Program, Vec<diag::Diagnostic>> {
    let checked = types::check_packages(sources, packages)?;
    lower::lower_program(sources, packages, checked)
}
