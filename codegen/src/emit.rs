//! The target machine (x86_64 Linux, baseline x86-64 CPU) and native object
//! emission.
//!
//! Code is always position-independent: an executable's objects then link
//! with or without `-pie`, and the module flags tell LLVM whether symbols
//! can be assumed local (executables) or must stay preemptible (shared
//! libraries).

use std::path::Path;
use std::sync::Once;

use inkwell::module::Module;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple,
};
use inkwell::OptimizationLevel;

use crate::{ice, Options, Result};

pub(crate) const TRIPLE: &str = "x86_64-unknown-linux-gnu";
pub(crate) const CPU: &str = "x86-64";

/// Creates the target machine for `opts`.
pub(crate) fn target_machine(opts: &Options) -> Result<TargetMachine> {
    static INIT: Once = Once::new();
    INIT.call_once(|| Target::initialize_x86(&InitializationConfig::default()));
    let triple = TargetTriple::create(TRIPLE);
    let target = Target::from_triple(&triple)
        .map_err(|e| ice!("no LLVM target for {TRIPLE}: {}", e.to_string()))?;
    let level = match opts.opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    target
        .create_target_machine(&triple, CPU, "", level, RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| ice!("cannot create an LLVM target machine for {TRIPLE}"))
}

/// Writes `module` as an ELF relocatable object.
pub(crate) fn write_object(module: &Module, machine: &TargetMachine, out: &Path) -> Result<()> {
    let buf = machine
        .write_to_memory_buffer(module, FileType::Object)
        .map_err(|e| ice!("LLVM code generation failed: {}", e.to_string()))?;
    std::fs::write(out, buf.as_slice()).map_err(|e| ice!("cannot write {}: {e}", out.display()))
}
