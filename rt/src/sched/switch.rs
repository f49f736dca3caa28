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
    "",
    // rgo_save_regs_call(arg /* rdi */, f /* rsi */): pushes the
    // callee-saved registers, then calls f(arg, sp) with sp pointing at
    // them, so that while f runs everything the caller's frames hold is
    // in memory at or above sp (for the collector's stack scan).
    ".globl rgo_save_regs_call",
    ".type rgo_save_regs_call,@function",
    "rgo_save_regs_call:",
    "    push rbp",
    "    push rbx",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    sub rsp, 8",
    "    mov rax, rsi",
    "    mov rsi, rsp",
    "    call rax",
    "    add rsp, 8",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop rbx",
    "    pop rbp",
    "    ret",
    ".size rgo_save_regs_call, .-rgo_save_regs_call",
    "",
    // rgo_async_preempt: where the preemption signal makes Go code
    // resume, as if the interrupted instruction had called it (its return
    // address is the interrupted pc; Go code keeps no red zone). Saves
    // every register the interrupted code may be using, calls
    // rgo_async_preempt_rust on a 16-byte-aligned stack, restores them
    // and returns to the interrupted instruction.
    ".globl rgo_async_preempt",
    ".type rgo_async_preempt,@function",
    "rgo_async_preempt:",
    "    pushfq",
    "    push rax",
    "    push rbx",
    "    push rcx",
    "    push rdx",
    "    push rsi",
    "    push rdi",
    "    push rbp",
    "    push r8",
    "    push r9",
    "    push r10",
    "    push r11",
    "    push r12",
    "    push r13",
    "    push r14",
    "    push r15",
    "    mov rbx, rsp",
    "    and rsp, -16",
    "    sub rsp, 256",
    "    movaps [rsp + 0], xmm0",
    "    movaps [rsp + 16], xmm1",
    "    movaps [rsp + 32], xmm2",
    "    movaps [rsp + 48], xmm3",
    "    movaps [rsp + 64], xmm4",
    "    movaps [rsp + 80], xmm5",
    "    movaps [rsp + 96], xmm6",
    "    movaps [rsp + 112], xmm7",
    "    movaps [rsp + 128], xmm8",
    "    movaps [rsp + 144], xmm9",
    "    movaps [rsp + 160], xmm10",
    "    movaps [rsp + 176], xmm11",
    "    movaps [rsp + 192], xmm12",
    "    movaps [rsp + 208], xmm13",
    "    movaps [rsp + 224], xmm14",
    "    movaps [rsp + 240], xmm15",
    "    call rgo_async_preempt_rust",
    "    movaps xmm0, [rsp + 0]",
    "    movaps xmm1, [rsp + 16]",
    "    movaps xmm2, [rsp + 32]",
    "    movaps xmm3, [rsp + 48]",
    "    movaps xmm4, [rsp + 64]",
    "    movaps xmm5, [rsp + 80]",
    "    movaps xmm6, [rsp + 96]",
    "    movaps xmm7, [rsp + 112]",
    "    movaps xmm8, [rsp + 128]",
    "    movaps xmm9, [rsp + 144]",
    "    movaps xmm10, [rsp + 160]",
    "    movaps xmm11, [rsp + 176]",
    "    movaps xmm12, [rsp + 192]",
    "    movaps xmm13, [rsp + 208]",
    "    movaps xmm14, [rsp + 224]",
    "    movaps xmm15, [rsp + 240]",
    "    mov rsp, rbx",
    "    pop r15",
    "    pop r14",
    "    pop r13",
    "    pop r12",
    "    pop r11",
    "    pop r10",
    "    pop r9",
    "    pop r8",
    "    pop rbp",
    "    pop rdi",
    "    pop rsi",
    "    pop rdx",
    "    pop rcx",
    "    pop rbx",
    "    pop rax",
    "    popfq",
    "    ret",
    ".size rgo_async_preempt, .-rgo_async_preempt",
);

extern "C" {
    /// Saves the current context, storing its stack pointer in `*save`,
    /// and resumes the context whose stack pointer is `to`.
    pub fn rgo_ctx_switch(save: *mut usize, to: usize);
    fn rgo_ctx_start();
    /// Calls `f(arg, sp)` with the callee-saved registers pushed at `sp`.
    pub fn rgo_save_regs_call(arg: usize, f: extern "C" fn(usize, usize));
    /// The preemption entry (see the assembly above).
    pub fn rgo_async_preempt();
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
