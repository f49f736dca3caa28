//! Verification and the optimisation pipeline.
//!
//! The module is verified before any pass runs: a verifier failure means the
//! back end emitted bad IR, which is reported as an internal compiler error
//! naming the function. `-O1`..`-O3` run LLVM's standard new-pass-manager
//! pipelines (`default<On>`); `-O0` runs none.

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;

use crate::{ice, Options, Result};

/// Verifies `module`, then optimises it in place.
pub(crate) fn run(module: &Module, opts: &Options, machine: &TargetMachine) -> Result<()> {
    verify(module)?;
    if opts.opt_level == 0 {
        return Ok(());
    }
    let pipeline = format!("default<O{}>", opts.opt_level.min(3));
    let options = PassBuilderOptions::create();
    module
        .run_passes(&pipeline, machine, options)
        .map_err(|e| ice!("LLVM pass pipeline {pipeline}: {}", e.to_string()))
}

/// Runs the LLVM verifier; on failure names the first broken function.
pub(crate) fn verify(module: &Module) -> Result<()> {
    let Err(message) = module.verify() else {
        return Ok(());
    };
    let broken: Vec<String> = module
        .get_functions()
        .filter(|f| f.count_basic_blocks() > 0 && !f.verify(false))
        .map(|f| f.get_name().to_string_lossy().into_owned())
        .collect();
    let message = message.to_string();
    Err(if broken.is_empty() {
        ice!("LLVM verifier: {}", message.trim())
    } else {
        ice!(
            "LLVM verifier, in function {}: {}",
            broken.join(", "),
            message.trim()
        )
    })
}
