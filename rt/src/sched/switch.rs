//! The context switch between goroutines (x86-64 System V).
//!
//! A suspended goroutine is just its stack pointer: [`rgo_ctx_switch`]
//! pushes the callee-saved registers on the current stack, stores the
//! stack pointer, loads the other goroutine's and pops its registers. The
//! caller-saved registers need no saving because the switch is an ordinary
//! call as far as the compiler is concerned.

use core::arch::global_asm;

// rgo_ctx_switch(save: *mut usize /* rdi */, to: usize /* rsi */)
//
// Stack of a suspended goroutine, from its saved sp upwards:
//   r15 r14 r13 r12 rbx rbp <return address>
//
// rgo_ctx_start: the first "return address" of a new goroutine. The
// initial frame (see `init_stack`) put the G pointer in r12 and the entry
// function in r13; sp is 16-byte aligned here, as a call requires.
global_asm!(
    ".text",
    ".globl rgo_ctx_switch",
    ".type rgo_ctx_switch,@function",
    "rgo_ctx_switch:",
    // Save the callee-saved registers of the goroutine being left.
    "    push rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    // Remember where they are, and move to the other stack.
    "    mov [rdi], rsp",
    "    mov rsp, rsi",
    // Restore the registers the other goroutine saved when it left.
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    // Continue where it called rgo_ctx_switch (or in rgo_ctx_start).
    "    ret",
    ".size rgo_ctx_switch, .-rgo_ctx_switch",
    "",
    ".globl rgo_ctx_start",
    ".type rgo_ctx_start,@function",
    "rgo_ctx_start:",
    // First argument: the G; call the entry, which never returns.
    "    mov rdi, r12",
    "    call r13",
    "    ud2",
    ".size rgo_ctx_start, .-rgo_ctx_start",
);

extern "C" {
    /// Saves the current context, storing its stack pointer in `*save`,
    /// and resumes the context whose stack pointer is `to`.
    pub fn rgo_ctx_switch(save: *mut usize, to: usize);
    fn rgo_ctx_start();
}

/// Prepares a fresh stack `[lo, hi)` so that switching to the returned
/// stack pointer calls `entry(g)`.
///
/// # Safety
/// `[lo, hi)` must be writable memory of at least 128 bytes, owned by the
/// new goroutine.
pub unsafe fn init_stack(hi: usize, g: usize, entry: extern "C" fn(usize) -> !) -> usize {
    // After the six pops and the `ret`, sp must be 16-byte aligned for the
    // call in rgo_ctx_start. `ret` leaves sp just above the return-address
    // slot, so the slot goes at top - 24 and sp ends at top - 16.
    let top = hi & !15;
    let ret_slot = top - 24;
    let sp = ret_slot - 6 * 8;
    let frame = sp as *mut usize;
    // SAFETY: all slots lie inside the caller-provided stack.
    unsafe {
        frame.add(0).write(0); // r15
        frame.add(1).write(0); // r14
        frame.add(2).write(entry as usize); // r13
        frame.add(3).write(g); // r12
        frame.add(4).write(0); // rbx
        frame.add(5).write(0); // rbp
        frame.add(6).write(rgo_ctx_start as *const () as usize); // return address
    }
    sp
}
