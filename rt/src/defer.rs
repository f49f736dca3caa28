//! Panic unwinding: deferred calls during a panic, and `recover`.
//!
//! A Go function with `defer` statements keeps its deferred calls in a
//! local `[]func()` and, at entry, registers a *defer frame* with
//! [`rgo_defer_push`]: the address of that list and a `jmp_buf` that the
//! function fills with `_setjmp` right away. Its returns run the list (last
//! first) and unregister the frame with [`rgo_defer_pop`].
//!
//! A panic ([`start_panic`]) pushes a panic record on the goroutine and
//! runs the deferred calls of the registered frames, innermost first,
//! taking each closure off its frame's list before calling it. When a
//! deferred call has recovered the panic ([`rgo_gorecover`]), the panic
//! `_longjmp`s to its frame's `jmp_buf`: the function then runs the rest of
//! its list and returns normally with its results as they are. When no
//! frame is left, the panic (with any earlier ones it interrupted) is
//! reported as gc does and the program exits with status 2.
//!
//! Frames and panics are per goroutine (hung off the scheduler's `G`).

use core::ffi::c_int;
use core::sync::atomic::{AtomicUsize, Ordering};
use std::cell::Cell;

use crate::abi::{Eface, GoSlice, GoString, Type};
use crate::panic::{put_panic, put_panic_value, PanicValue, SigNote};
use crate::print::{Sink, Stderr};
use crate::sys;

/// Room for glibc's `jmp_buf` (200 bytes on x86-64) with margin.
const JMP_BUF_WORDS: usize = 32;

extern "C" {
    fn _longjmp(env: *mut u64, val: c_int) -> !;
}

/// A registered defer frame.
struct Frame {
    jmp: [u64; JMP_BUF_WORDS],
    /// The function's `[]func()` of pending deferred calls.
    defers: *mut GoSlice,
}

/// What a runtime error is, for the value `recover` returns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ErrKind {
    /// `runtime.errorString`.
    ErrorString,
    /// `runtime.plainError` (messages without the `runtime error:` prefix).
    PlainError,
    /// `runtime.boundsError`.
    Bounds,
    /// `*runtime.TypeAssertionError`.
    TypeAssert,
}

/// An active panic.
struct Panic {
    /// The `panic(v)` value, or the runtime error once built.
    val: Eface,
    /// A runtime error's text.
    msg: Option<Vec<u8>>,
    sig: Option<SigNote>,
    recovered: bool,
    /// Frames registered when it started.
    depth: usize,
    /// `in_panic_defer` when it started.
    level: usize,
    /// The stack pointer at which the deferred call it is running calls
    /// the deferred function (0 if none): only a function called there,
    /// directly by the deferred call, may recover it.
    call_sp: usize,
}

#[derive(Default)]
struct GState {
    /// Boxed: the runtime hands out `jmp_buf` addresses, which must stay
    /// put as the vector grows.
    #[allow(clippy::vec_box)]
    frames: Vec<Box<Frame>>,
    panics: Vec<Panic>,
    /// Set while a deferred call is running on behalf of a panic.
    in_panic_defer: usize,
    /// A panic has just started a deferred call, which has not yet said
    /// where it calls its function ([`rgo_defer_call`]).
    expect_call: bool,
    /// Unregistered frames, for reuse (boxed as `frames`).
    #[allow(clippy::vec_box)]
    pool: Vec<Box<Frame>>,
    /// The operands of the last failed type assertion.
    typeassert: [usize; 3],
    /// For each call from C into Go running on this goroutine (innermost
    /// last): how many frames were registered when it started.
    callbacks: Vec<usize>,
}

/// Descriptors of the overlay `runtime` package's error types, in
/// `ErrKind` order (0 until it registers them).
static ERR_TYPES: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

std::thread_local! {
    /// The state of code running on a scheduler stack rather than a
    /// goroutine (timer functions).
    static G0_STATE: Cell<usize> = const { Cell::new(0) };
}

/// The running goroutine's state, made on first use.
fn gstate() -> &'static mut GState {
    let g = crate::sched::current();
    let slot: *mut usize = if g.is_null() {
        G0_STATE.with(|c| c.as_ptr())
    } else {
        // SAFETY: the running G is live; only it touches its state.
        unsafe { &mut (*g).defer_state }
    };
    // SAFETY: `slot` is the running goroutine's (or thread's) own.
    unsafe {
        if *slot == 0 {
            *slot = Box::into_raw(Box::<GState>::default()) as usize;
        }
        &mut *(*slot as *mut GState)
    }
}

/// Forgets an exited goroutine's frames and panics (keeping the memory
/// for the next goroutine on that G).
pub fn reset(state: &mut usize) {
    if *state == 0 {
        return;
    }
    // SAFETY: a state made by `gstate`, of a goroutine that is exiting.
    let g = unsafe { &mut *(*state as *mut GState) };
    let frames = core::mem::take(&mut g.frames);
    g.pool.extend(frames);
    g.panics.clear();
    g.in_panic_defer = 0;
    g.expect_call = false;
    g.typeassert = [0; 3];
}

/// The collector's roots in one goroutine's state: the values of its
/// panics in flight.
pub fn scan_state(m: &mut crate::mem::gc::mark::Marker, state: usize) {
    if state == 0 {
        return;
    }
    // SAFETY: the world is stopped while the collector reads this state.
    let g = unsafe { &*(state as *const GState) };
    for p in &g.panics {
        m.mark(p.val.data as usize);
    }
}

/// Registers a defer frame whose pending calls are in `*defers`; returns
/// the `jmp_buf` the caller must fill with `_setjmp`.
///
/// # Safety
/// `defers` points to the caller's `[]func()`, live until the matching
/// [`rgo_defer_pop`].
#[no_mangle]
pub unsafe extern "C" fn rgo_defer_push(defers: *mut GoSlice) -> *mut u64 {
    let g = gstate();
    let mut f = g.pool.pop().unwrap_or_else(|| {
        Box::new(Frame {
            jmp: [0; JMP_BUF_WORDS],
            defers,
        })
    });
    f.defers = defers;
    let p = f.jmp.as_mut_ptr();
    g.frames.push(f);
    p
}

/// Takes the address of a result of a function with deferred calls, which
/// keeps the result in memory across `_setjmp` (nothing else to do).
#[no_mangle]
pub extern "C" fn rgo_defer_keep(_p: *mut u8) {}

/// Unregisters the innermost defer frame (its function is returning).
#[no_mangle]
pub extern "C" fn rgo_defer_pop() {
    let g = gstate();
    if let Some(f) = g.frames.pop() {
        g.pool.push(f);
    }
}

/// The descriptor of `*runtime.PanicNilError` (0 until registered).
static PANIC_NIL_TYPE: AtomicUsize = AtomicUsize::new(0);

/// Registers the overlay runtime's error types (from its `init`): each
/// argument is a value of `errorString`, `plainError`, `boundsError`,
/// `*TypeAssertionError` and `*PanicNilError`; only the types matter.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn rgo_register_runtime_errors(
    es: *const Type,
    _d0: *mut u8,
    pe: *const Type,
    _d1: *mut u8,
    be: *const Type,
    _d2: *mut u8,
    ta: *const Type,
    _d3: *mut u8,
    pn: *const Type,
    _d4: *mut u8,
) {
    for (slot, t) in ERR_TYPES.iter().zip([es, pe, be, ta]) {
        slot.store(t as usize, Ordering::Release);
    }
    PANIC_NIL_TYPE.store(pn as usize, Ordering::Release);
}

/// The value `panic(nil)` raises: a new `*runtime.PanicNilError`, as an
/// interface's words (a null type when the program does not link the
/// `runtime` package).
pub fn panic_nil_error() -> (*const Type, *mut u8) {
    let typ = PANIC_NIL_TYPE.load(Ordering::Acquire) as *const Type;
    // The struct is empty: any non-nil pointer is a valid one.
    (typ, crate::mem::alloc_noscan(1))
}

/// Notes the operands of a failing type assertion (for the
/// `*runtime.TypeAssertionError` a recover returns).
pub fn note_typeassert(have: *const Type, want: *const Type, iface: *const Type) {
    gstate().typeassert = [have as usize, want as usize, iface as usize];
}

fn err_kind(msg: &[u8]) -> ErrKind {
    if msg.starts_with(b"runtime error: index out of range")
        || msg.starts_with(b"runtime error: slice bounds out of range")
        || msg.starts_with(b"runtime error: cannot convert slice")
    {
        ErrKind::Bounds
    } else if msg.starts_with(b"interface conversion:") {
        ErrKind::TypeAssert
    } else if msg.starts_with(b"runtime error: ") {
        ErrKind::ErrorString
    } else {
        ErrKind::PlainError
    }
}

/// A Go string holding a heap copy of `s`.
fn heap_string(s: &[u8]) -> GoString {
    if s.is_empty() {
        return GoString::EMPTY;
    }
    let p = crate::mem::alloc_noscan(s.len());
    // SAFETY: `p` is a fresh allocation of `s.len()` bytes.
    unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len()) };
    GoString {
        ptr: p,
        len: s.len() as isize,
    }
}

fn name_string(t: usize) -> GoString {
    if t == 0 {
        return GoString::EMPTY;
    }
    // SAFETY: non-null descriptors noted by `note_typeassert` are valid.
    heap_string(unsafe { (*(t as *const Type)).name_bytes() })
}

/// The value `recover` returns for a runtime error with text `msg`; a
/// plain string when the error types are not registered (the program does
/// not link the `runtime` package).
fn runtime_error_value(msg: &[u8], string_type: *const Type) -> Eface {
    let kind = err_kind(msg);
    let typ = ERR_TYPES[kind as usize].load(Ordering::Acquire) as *const Type;
    if typ.is_null() {
        let p = crate::mem::alloc(16, Some(&crate::mem::STRINGS)) as *mut GoString;
        // SAFETY: a fresh 16-byte allocation.
        unsafe { p.write(heap_string(msg)) };
        return Eface {
            typ: string_type,
            data: p as *mut u8,
        };
    }
    if kind == ErrKind::TypeAssert {
        // struct { _interface, concrete, asserted, missingMethod string }
        let [have, want, iface] = gstate().typeassert;
        let mut missing = GoString::EMPTY;
        if have != 0 && want != 0 {
            // SAFETY: noted descriptors are valid.
            let (h, w) = unsafe { (&*(have as *const Type), &*(want as *const Type)) };
            if w.kind == crate::abi::KIND_INTERFACE {
                if let Some(m) = crate::iface::missing_method(w, h) {
                    missing = heap_string(m);
                }
            }
        }
        let p = crate::mem::alloc(64, Some(&crate::mem::STRINGS)) as *mut GoString;
        // SAFETY: a fresh 64-byte allocation holds four strings.
        unsafe {
            p.write(name_string(iface));
            p.add(1).write(name_string(have));
            p.add(2).write(name_string(want));
            p.add(3).write(missing);
        }
        return Eface {
            typ,
            data: p as *mut u8,
        };
    }
    // errorString, plainError: a string; boundsError: a struct holding
    // the message string. Either way the data word points to a string.
    // An errorString holds the text after `runtime error: ` (as in gc,
    // where its `Error` adds the prefix).
    let text = match kind {
        ErrKind::ErrorString => msg.strip_prefix(b"runtime error: ").unwrap_or(msg),
        _ => msg,
    };
    let p = crate::mem::alloc(16, Some(&crate::mem::STRINGS)) as *mut GoString;
    // SAFETY: a fresh 16-byte allocation.
    unsafe { p.write(heap_string(text)) };
    Eface {
        typ,
        data: p as *mut u8,
    }
}

/// A deferred call is about to call its function with the stack pointer
/// at `sp`. Noted if a panic made the deferred call (see `rgo_gorecover`).
#[no_mangle]
pub extern "C" fn rgo_defer_call(sp: usize) {
    let g = gstate();
    if core::mem::take(&mut g.expect_call) {
        if let Some(p) = g.panics.last_mut() {
            p.call_sp = sp;
        }
    }
}

/// `recover()`: the value of the panic being handled, which stops it, or
/// nil. `string_type` is the descriptor of `string`; `ret_addr` is where
/// the calling function's return address is. As in gc, only a function
/// called directly by a deferred call that the panic made recovers: its
/// return address was pushed just below the stack pointer that call noted.
///
/// # Safety
/// `out` points to writable space for an interface value.
#[no_mangle]
pub unsafe extern "C" fn rgo_gorecover(out: *mut Eface, string_type: *const Type, ret_addr: usize) {
    let g = gstate();
    let mut v = Eface {
        typ: core::ptr::null(),
        data: core::ptr::null_mut(),
    };
    if g.in_panic_defer > 0 {
        if let Some(p) = g.panics.last_mut() {
            if !p.recovered && p.call_sp == ret_addr + core::mem::size_of::<usize>() {
                p.recovered = true;
                if let Some(m) = &p.msg {
                    let m = m.clone();
                    p.val = runtime_error_value(&m, string_type);
                }
                v = p.val;
            }
        }
    }
    // SAFETY: guaranteed by the caller.
    unsafe { out.write(v) };
}

/// Runs every deferred call of the goroutine, innermost first
/// (`runtime.Goexit`).
pub fn run_all_defers() {
    while let Some(clo) = next_deferred() {
        // SAFETY: as in `start_panic`.
        unsafe { call_func(clo) };
    }
}

/// Takes the next deferred call off the innermost frame with one,
/// unregistering the exhausted frames above it.
fn next_deferred() -> Option<*mut u8> {
    loop {
        let g = gstate();
        let k = g.frames.len().checked_sub(1)?;
        // SAFETY: a registered frame's list is live until it is popped.
        let list = unsafe { &mut *g.frames[k].defers };
        if list.len <= 0 {
            rgo_defer_pop();
            continue;
        }
        list.len -= 1;
        // SAFETY: `len` was in bounds; elements are func values.
        return Some(unsafe { *(list.ptr as *mut *mut u8).add(list.len as usize) });
    }
}

/// Calls a Go `func()` value.
///
/// # Safety
/// `clo` is a non-nil Go `func()` value.
unsafe fn call_func(clo: *mut u8) {
    // SAFETY: a func value's first word is the code `(ctx) -> void`
    // (rt/ABI.md).
    unsafe {
        let code: extern "C" fn(*mut u8) = core::mem::transmute(*(clo as *const usize));
        code(clo);
    }
}

/// Raises a panic: runs deferred calls until one recovers (then resumes in
/// its frame) or none is left (then reports and exits).
pub fn start_panic(v: PanicValue, sig: Option<&SigNote>) -> ! {
    let g = gstate();
    let (val, msg) = match v {
        PanicValue::Eface(typ, data) => (Eface { typ, data }, None),
        PanicValue::Runtime(m) => (
            Eface {
                typ: core::ptr::null(),
                data: core::ptr::null_mut(),
            },
            Some(m.to_vec()),
        ),
    };
    g.panics.push(Panic {
        val,
        msg,
        sig: sig.copied(),
        recovered: false,
        depth: g.frames.len(),
        level: g.in_panic_defer,
        call_sp: 0,
    });
    while let Some(clo) = next_deferred() {
        // The frame whose deferred call this is.
        let k = gstate().frames.len() - 1;
        let g = gstate();
        g.in_panic_defer += 1;
        g.expect_call = true;
        if let Some(p) = g.panics.last_mut() {
            p.call_sp = 0;
        }
        // SAFETY: deferred closures are non-nil Go `func()` values.
        unsafe { call_func(clo) };
        let g = gstate();
        g.in_panic_defer -= 1;
        g.expect_call = false;
        if g.panics.last().is_some_and(|p| p.recovered) {
            // Resume in frame `k`: every panic raised inside it (this one,
            // and those it interrupted there) is over, and so are the
            // frames above it.
            let first = g.panics.iter().position(|p| p.depth > k);
            let level = first.map_or(0, |i| g.panics[i].level);
            g.panics.retain(|p| p.depth <= k);
            g.in_panic_defer = level;
            while g.frames.len() > k + 1 {
                rgo_defer_pop();
            }
            // Calls from C the jump leaves (their C frames with them).
            while g.callbacks.last().is_some_and(|&d| d > k) {
                g.callbacks.pop();
                crate::sched::callback_unwound();
            }
            let g = gstate();
            crate::start::clear_sigpanic();
            let jmp = g.frames[k].jmp.as_mut_ptr();
            // SAFETY: frame `k`'s function is still active (its frame is
            // registered) and filled this buffer with `_setjmp` at entry;
            // the Rust frames skipped own nothing that needs dropping.
            unsafe { _longjmp(jmp, 1) }
        }
    }
    report(&gstate().panics);
    sys::exit_failed()
}

/// A call from C into Go starts on the running goroutine.
pub fn callback_enter() {
    let g = gstate();
    g.callbacks.push(g.frames.len());
}

/// The call from C into Go started last returns normally.
pub fn callback_exit() {
    gstate().callbacks.pop();
}

/// Prints the panics (oldest first) as gc's `printpanics`.
fn report(panics: &[Panic]) {
    let out = &mut Stderr;
    // The goroutine's fault note stays until the panics are over.
    let sig = panics.iter().rev().find_map(|p| p.sig);
    // As gc's: a panic raising again the value of the one before it (the
    // same interface words) is not printed; that one is, marked
    // `[recovered, repanicked]` if it was recovered.
    let raised_again: Vec<bool> = (0..panics.len())
        .map(|i| panics.get(i + 1).is_some_and(|q| same_words(&panics[i], q)))
        .collect();
    let shown: Vec<usize> = (0..panics.len())
        .filter(|&i| i == 0 || !raised_again[i - 1])
        .collect();
    for (k, &i) in shown.iter().enumerate() {
        let p = &panics[i];
        let note: &[u8] = match (p.recovered, raised_again[i]) {
            (true, true) => b" [recovered, repanicked]",
            (true, false) => b" [recovered]",
            _ => b"",
        };
        if k + 1 < shown.len() {
            out.put(b"panic: ");
            put_value(out, p);
            out.put(note);
            out.put(b"\n\t");
            continue;
        }
        let v = match &p.msg {
            Some(m) => PanicValue::Runtime(m),
            None => PanicValue::Eface(p.val.typ, p.val.data),
        };
        // SAFETY: panic values are valid interface values.
        unsafe { put_panic(out, &v, sig.as_ref(), note) };
    }
}

/// Whether two panics' values are the same interface words (a runtime
/// error not yet recovered has none).
fn same_words(a: &Panic, b: &Panic) -> bool {
    let words = |p: &Panic| p.msg.is_none() || p.recovered;
    words(a) && words(b) && a.val.typ == b.val.typ && a.val.data == b.val.data
}

fn put_value(out: &mut dyn Sink, p: &Panic) {
    match &p.msg {
        Some(m) => out.put(m),
        // SAFETY: panic values are valid interface values.
        None => unsafe { put_panic_value(out, p.val.typ, p.val.data) },
    }
}
