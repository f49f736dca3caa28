//! Process entry points for the overlay `os` package: arguments,
//! environment, writing to file descriptors, exit.

use core::ffi::c_char;

use crate::abi::{GoSlice, GoString};
use crate::mem;
use crate::string::copy_to_go;
use crate::sys;

/// `os.Exit(code)`: exits at once; C stdio is not flushed, as under gc.
#[no_mangle]
pub extern "C" fn rgo_exit(code: i64) -> ! {
    sys::exit(code as i32)
}

/// Writes a buffer to a file descriptor; returns bytes written or `-errno`.
///
/// # Safety
/// `p` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_write(fd: i64, p: *const u8, len: isize) -> isize {
    let mut done: isize = 0;
    while done < len {
        // SAFETY: the caller guarantees `len` readable bytes at `p`.
        let n = unsafe {
            sys::write(
                fd as i32,
                p.add(done as usize) as *const core::ffi::c_void,
                (len - done) as usize,
            )
        };
        if n < 0 {
            // SAFETY: errno is thread-local.
            let e = unsafe { *sys::__errno_location() };
            if e == sys::EINTR {
                continue;
            }
            return -(e as isize);
        }
        done += n;
    }
    done
}

/// The number of CPUs the process may run on (gc's `NumCPU`: the size of
/// the scheduling affinity mask).
#[no_mangle]
pub extern "C" fn rgo_ncpu() -> i64 {
    let mut mask = [0u64; 16];
    // SAFETY: `mask` is a writable 1024-bit CPU set.
    let r = unsafe { sys::sched_getaffinity(0, core::mem::size_of_val(&mask), mask.as_mut_ptr()) };
    if r < 0 {
        return 1;
    }
    mask.iter()
        .map(|w| w.count_ones() as i64)
        .sum::<i64>()
        .max(1)
}

/// Reads up to `len` bytes from a file descriptor; returns bytes read (0
/// at end of file) or `-errno`.
///
/// # Safety
/// `p` must point to `len` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_read(fd: i64, p: *mut u8, len: isize) -> isize {
    loop {
        // SAFETY: the caller guarantees `len` writable bytes at `p`.
        let n = unsafe { sys::read(fd as i32, p as *mut core::ffi::c_void, len.max(0) as usize) };
        if n >= 0 {
            return n;
        }
        // SAFETY: errno is thread-local.
        let e = unsafe { *sys::__errno_location() };
        if e != sys::EINTR {
            return -(e as isize);
        }
    }
}

/// A C string as a Go string in the Go heap.
///
/// # Safety
/// `s` must be a NUL-terminated string.
unsafe fn cstring(s: *const c_char) -> GoString {
    // SAFETY: guaranteed by the caller.
    let n = unsafe { sys::strlen(s) };
    // SAFETY: `s` has `n` readable bytes before its NUL.
    copy_to_go(unsafe { core::slice::from_raw_parts(s as *const u8, n) })
}

/// Allocates a `[]string` of `n` elements.
fn string_slice(n: usize) -> GoSlice {
    let size = n * core::mem::size_of::<GoString>();
    GoSlice {
        ptr: mem::alloc(size, Some(&mem::ALL_POINTERS)),
        len: n as isize,
        cap: n as isize,
    }
}

/// `os.Args`.
///
/// # Safety
/// `out` must point to a writable slice header.
#[no_mangle]
pub unsafe extern "C" fn rgo_args(out: *mut GoSlice) {
    let args = crate::start::args();
    let s = string_slice(args.len());
    for (i, &a) in args.iter().enumerate() {
        // SAFETY: argv entries are C strings; `s` has room for len strings.
        unsafe { *(s.ptr as *mut GoString).add(i) = cstring(a) };
    }
    // SAFETY: the caller passes a valid out-pointer.
    unsafe { *out = s };
}

extern "C" {
    static environ: *const *const c_char;
}

/// `os.Environ()`: `KEY=value` strings.
///
/// # Safety
/// `out` must point to a writable slice header.
#[no_mangle]
pub unsafe extern "C" fn rgo_environ(out: *mut GoSlice) {
    // SAFETY: `environ` is the C library's NUL-terminated array.
    let env = unsafe { environ };
    let mut n = 0;
    // SAFETY: as above.
    while !env.is_null() && unsafe { !(*env.add(n)).is_null() } {
        n += 1;
    }
    let s = string_slice(n);
    for i in 0..n {
        // SAFETY: entries below `n` are C strings; `s` has room for `n`.
        unsafe { *(s.ptr as *mut GoString).add(i) = cstring(*env.add(i)) };
    }
    // SAFETY: the caller passes a valid out-pointer.
    unsafe { *out = s };
}

/// Result of `rgo_getenv`: `(value string, found bool)`.
#[repr(C)]
pub struct LookupResult {
    pub value: GoString,
    pub found: u8,
}

/// `os.LookupEnv(key)`.
///
/// # Safety
/// `out` must be writable; `key` must point to `key_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_getenv(out: *mut LookupResult, key: *const u8, key_len: isize) {
    // SAFETY: the caller passes a Go string.
    let k = unsafe {
        GoString {
            ptr: key,
            len: key_len,
        }
        .as_bytes()
    };
    let mut z = Vec::with_capacity(k.len() + 1);
    z.extend_from_slice(k);
    z.push(0);
    let r = if k.contains(&0) {
        core::ptr::null()
    } else {
        // SAFETY: `z` is NUL-terminated.
        unsafe { sys::getenv(z.as_ptr() as *const c_char) }
    };
    let res = if r.is_null() {
        LookupResult {
            value: GoString::EMPTY,
            found: 0,
        }
    } else {
        LookupResult {
            // SAFETY: getenv returns a C string.
            value: unsafe { cstring(r) },
            found: 1,
        }
    };
    // SAFETY: the caller passes a valid out-pointer.
    unsafe { *out = res };
}

/// `runtime.GOROOT()`: `$GOROOT`, or empty (the build-time root is not
/// recorded in the binary).
#[no_mangle]
pub extern "C" fn rgo_goroot() -> GoString {
    // SAFETY: the name is NUL-terminated; getenv returns null or a C string.
    let v = unsafe { sys::getenv(c"GOROOT".as_ptr()) };
    if v.is_null() {
        return GoString::EMPTY;
    }
    // SAFETY: a C string from the environment.
    unsafe { cstring(v) }
}

/// A Go string as a NUL-terminated C string (None if it holds a NUL).
///
/// # Safety
/// `p` must point to `len` readable bytes.
unsafe fn c_string(p: *const u8, len: isize) -> Option<Vec<u8>> {
    // SAFETY: the caller passes a Go string.
    let b = unsafe { GoString { ptr: p, len }.as_bytes() };
    if b.contains(&0) {
        return None;
    }
    let mut z = Vec::with_capacity(b.len() + 1);
    z.extend_from_slice(b);
    z.push(0);
    Some(z)
}

/// `os.Setenv(key, value)` (the overlay `syscall` has checked both).
///
/// # Safety
/// Both must be Go strings.
#[no_mangle]
pub unsafe extern "C" fn rgo_setenv(k: *const u8, klen: isize, v: *const u8, vlen: isize) {
    // SAFETY: forwarded Go strings.
    if let (Some(k), Some(v)) = unsafe { (c_string(k, klen), c_string(v, vlen)) } {
        // SAFETY: both are NUL-terminated.
        unsafe { sys::setenv(k.as_ptr() as *const c_char, v.as_ptr() as *const c_char, 1) };
    }
}

/// `os.Unsetenv(key)`.
///
/// # Safety
/// `k` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_unsetenv(k: *const u8, klen: isize) {
    // SAFETY: forwarded Go string.
    if let Some(k) = unsafe { c_string(k, klen) } {
        // SAFETY: NUL-terminated.
        unsafe { sys::unsetenv(k.as_ptr() as *const c_char) };
    }
}

/// `os.Clearenv()`.
#[no_mangle]
pub extern "C" fn rgo_clearenv() {
    // SAFETY: no arguments; the environment is the C library's.
    unsafe { sys::clearenv() };
}
