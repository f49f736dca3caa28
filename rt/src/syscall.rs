//! Entry points of the overlay `syscall` package: the raw system call and
//! the texts of error numbers and signals.

use core::ffi::{c_char, c_int};

use crate::abi::GoString;
use crate::string::copy_to_go;
use crate::sys;

/// Results of a system call as `syscall.Syscall6` returns them.
#[repr(C)]
pub struct SyscallResult {
    pub r1: usize,
    pub r2: usize,
    pub errno: usize,
}

/// `syscall.Syscall6`: makes system call `trap`; the kernel's negative
/// error returns become `errno`, with `r1` = -1 as gc reports it.
///
/// # Safety
/// The arguments must be valid for the system call (pointers to memory of
/// the kind and size it expects).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn rgo_syscall6(
    out: *mut SyscallResult,
    trap: usize,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) {
    // Calls that may block let the scheduler hand this thread's P to
    // another thread meanwhile.
    let (r, r2) = crate::sched::syscall(|| {
        let r: isize;
        let r2: usize;
        // SAFETY: the x86-64 Linux system call convention: number in
        // rax, arguments in rdi, rsi, rdx, r10, r8, r9; rcx and r11 are
        // clobbered; results in rax (and rdx for the few two-result
        // calls). The caller vouches for the arguments.
        unsafe {
            core::arch::asm!(
                "syscall",
                inlateout("rax") trap as isize => r,
                in("rdi") a1,
                in("rsi") a2,
                inlateout("rdx") a3 => r2,
                in("r10") a4,
                in("r8") a5,
                in("r9") a6,
                lateout("rcx") _,
                lateout("r11") _,
                options(nostack),
            );
        }
        (r, r2)
    });
    let res = if (-4095..0).contains(&r) {
        SyscallResult {
            r1: usize::MAX,
            r2: 0,
            errno: (-r) as usize,
        }
    } else {
        SyscallResult {
            r1: r as usize,
            r2,
            errno: 0,
        }
    };
    // SAFETY: `out` is the caller's result slot.
    unsafe { *out = res };
}

/// A C library message as Go spells it: the first letter lowercased
/// unless the word is an acronym ("RFS", "CPU", "I/O").
///
/// # Safety
/// `s` is null or a NUL-terminated string.
unsafe fn go_message(s: *const c_char, fallback: &[u8], n: i64) -> GoString {
    let mut text = Vec::new();
    if !s.is_null() {
        // SAFETY: a C string (caller).
        let len = unsafe { sys::strlen(s) };
        // SAFETY: `len` readable bytes before the NUL.
        text.extend_from_slice(unsafe { core::slice::from_raw_parts(s as *const u8, len) });
    }
    if text.starts_with(b"Unknown") || text.is_empty() {
        text.clear();
        text.extend_from_slice(fallback);
        text.extend_from_slice(n.to_string().as_bytes());
    } else if text.len() > 1 && text[1].is_ascii_lowercase() {
        text[0] = text[0].to_ascii_lowercase();
    }
    copy_to_go(&text)
}

/// `syscall.Errno.Error()`: the C library's message for the numbers gc's
/// table covers (1 to 132 without 41 and 58), `errno N` otherwise.
#[no_mangle]
pub extern "C" fn rgo_strerror(e: i64) -> GoString {
    let known = (1..=132).contains(&e) && e != 41 && e != 58;
    // SAFETY: strerror returns a C string for any number.
    unsafe {
        go_message(
            if known {
                sys::strerror(e as c_int)
            } else {
                core::ptr::null()
            },
            b"errno ",
            e,
        )
    }
}

/// `syscall.Signal.String()`: the C library's name for signals 1 to 31,
/// `signal N` otherwise.
#[no_mangle]
pub extern "C" fn rgo_strsignal(s: i64) -> GoString {
    let known = (1..=31).contains(&s);
    // SAFETY: strsignal returns a C string for any number.
    unsafe {
        go_message(
            if known {
                sys::strsignal(s as c_int)
            } else {
                core::ptr::null()
            },
            b"signal ",
            s,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(g: GoString) -> String {
        // SAFETY: the functions return Go strings.
        String::from_utf8(unsafe { g.as_bytes() }.to_vec()).unwrap()
    }

    #[test]
    fn messages_as_go_spells_them() {
        assert_eq!(text(rgo_strerror(2)), "no such file or directory");
        assert_eq!(text(rgo_strerror(73)), "RFS specific error");
        assert_eq!(text(rgo_strerror(41)), "errno 41");
        assert_eq!(text(rgo_strerror(0)), "errno 0");
        assert_eq!(text(rgo_strerror(133)), "errno 133");
        assert_eq!(text(rgo_strsignal(2)), "interrupt");
        assert_eq!(text(rgo_strsignal(29)), "I/O possible");
        assert_eq!(text(rgo_strsignal(40)), "signal 40");
    }

    #[test]
    fn raw_system_calls() {
        let mut out = SyscallResult {
            r1: 0,
            r2: 0,
            errno: 0,
        };
        // SAFETY: getpid takes no arguments; close(-1) fails with EBADF.
        unsafe {
            rgo_syscall6(&mut out, 39, 0, 0, 0, 0, 0, 0);
            assert!(out.r1 > 0 && out.errno == 0);
            rgo_syscall6(&mut out, 3, usize::MAX, 0, 0, 0, 0, 0);
            assert_eq!((out.r1, out.errno), (usize::MAX, 9));
        }
    }
}
