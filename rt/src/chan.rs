//! Channels and their blocking operations (see `rt/ABI.md`, "Channels").
//!
//! A channel is a heap object holding a ring buffer of `cap` elements and
//! two FIFO queues of blocked goroutines (senders, receivers). A queued
//! goroutine is represented by a [`Waiter`] living in its own (parked)
//! stack frame, which says where the element is to be copied from or to.
//! Everything runs on the one thread that runs goroutines (see `sched`),
//! so no locking is needed: an operation either completes at once or
//! queues a waiter and parks, and whoever completes it fills the waiter in
//! and wakes the goroutine.

use core::ptr;

use crate::abi::Type;
use crate::panic;
use crate::sched::{self, G};

/// A blocked channel operation (gc's `sudog`).
#[repr(C)]
pub struct Waiter {
    g: *mut G,
    /// Element to send, or where to store the received one (null: discard).
    elem: *mut u8,
    chan: *mut Chan,
    next: *mut Waiter,
    prev: *mut Waiter,
    /// Whether the operation completed (false: woken by `close`).
    success: bool,
    /// For `select`: the case index.
    case: usize,
}

#[derive(Clone, Copy)]
#[repr(C)]
struct Queue {
    first: *mut Waiter,
    last: *mut Waiter,
}

impl Queue {
    fn push(&mut self, w: *mut Waiter) {
        // SAFETY: queued waiters are live (their goroutine is parked until
        // it is dequeued); `w` is not queued yet.
        unsafe {
            (*w).next = ptr::null_mut();
            (*w).prev = self.last;
            if self.last.is_null() {
                self.first = w;
            } else {
                (*self.last).next = w;
            }
        }
        self.last = w;
    }

    fn remove(&mut self, w: *mut Waiter) {
        // SAFETY: `w` is in this queue, so it and its neighbours are live.
        unsafe {
            if (*w).prev.is_null() {
                self.first = (*w).next;
            } else {
                (*(*w).prev).next = (*w).next;
            }
            if (*w).next.is_null() {
                self.last = (*w).prev;
            } else {
                (*(*w).next).prev = (*w).prev;
            }
            (*w).next = ptr::null_mut();
            (*w).prev = ptr::null_mut();
        }
    }

    /// Takes the oldest waiter; a goroutine blocked in `select` is taken
    /// off every other channel it waits on too.
    fn pop(&mut self) -> *mut Waiter {
        let w = self.first;
        if w.is_null() {
            return w;
        }
        self.remove(w);
        // SAFETY: `w` was queued, so it and its goroutine are live.
        unsafe { dequeue_select_siblings(w) };
        w
    }
}

/// A channel (what a Go `chan T` value points to).
#[repr(C)]
pub struct Chan {
    elem_size: usize,
    cap: usize,
    len: usize,
    /// Index of the oldest buffered element.
    head: usize,
    buf: *mut u8,
    closed: bool,
    sendq: Queue,
    recvq: Queue,
}

/// A channel's only Go pointer is `buf` (word 4); its waiters live on
/// goroutine stacks, which the collector scans anyway.
static CHAN_BITS: u8 = 1 << 4;
static CHAN_TYPE: Type = Type::internal(
    "runtime.hchan",
    core::mem::size_of::<Chan>(),
    40,
    &CHAN_BITS,
);

/// Detaches the other waiters of `w`'s goroutine if it is in a `select`.
///
/// # Safety
/// `w` is a live waiter just removed from its queue.
unsafe fn dequeue_select_siblings(w: *mut Waiter) {
    // SAFETY: caller.
    let g = unsafe { (*w).g };
    // SAFETY: the goroutine is parked, so its G and its select's waiter
    // array (in its stack frame) are live.
    unsafe {
        let list = (*g).sel_waiters as *mut Waiter;
        if list.is_null() {
            return;
        }
        for i in 0..(*g).sel_count {
            let o = list.add(i);
            if o != w && !(*o).chan.is_null() {
                let c = (*o).chan;
                if (*o).elem_is_send() {
                    (*c).sendq.remove(o);
                } else {
                    (*c).recvq.remove(o);
                }
            }
        }
        (*g).sel_waiters = 0;
        (*g).sel_count = 0;
    }
}

impl Waiter {
    /// Send waiters in a select are marked by their case index's low bit
    /// pattern in `case`'s top bit.
    fn elem_is_send(&self) -> bool {
        self.case & SEND_BIT != 0
    }
}

const SEND_BIT: usize = 1 << 63;

fn closed_send() -> ! {
    panic::runtime_error(b"send on closed channel")
}

impl Chan {
    /// Address of buffer slot `i`.
    fn slot(&self, i: usize) -> *mut u8 {
        // SAFETY: `i < cap`, inside the buffer.
        unsafe { self.buf.add(i * self.elem_size) }
    }

    fn copy(&self, dst: *mut u8, src: *const u8) {
        if !dst.is_null() && self.elem_size > 0 {
            // SAFETY: both point to elements of this channel's type.
            unsafe { ptr::copy_nonoverlapping(src, dst, self.elem_size) };
        }
    }

    fn zero(&self, dst: *mut u8) {
        if !dst.is_null() {
            // SAFETY: `dst` points to an element of this channel's type.
            unsafe { ptr::write_bytes(dst, 0, self.elem_size) };
        }
    }

    /// Completes a send of `*ep` without blocking if possible.
    fn try_send(&mut self, ep: *const u8) -> bool {
        if self.closed {
            closed_send();
        }
        let w = self.recvq.pop();
        if !w.is_null() {
            // SAFETY: a dequeued waiter's goroutine is parked: live.
            unsafe {
                self.copy((*w).elem, ep);
                (*w).success = true;
                (*(*w).g).param = w as usize;
                sched::ready((*w).g);
            }
            return true;
        }
        if self.len < self.cap {
            let tail = (self.head + self.len) % self.cap;
            self.copy(self.slot(tail), ep);
            self.len += 1;
            return true;
        }
        false
    }

    /// Completes a receive into `*ep` without blocking if possible:
    /// `Some(ok)` when done.
    fn try_recv(&mut self, ep: *mut u8) -> Option<bool> {
        let w = self.sendq.pop();
        if !w.is_null() {
            // SAFETY: as in `try_send`.
            unsafe {
                if self.cap == 0 {
                    self.copy(ep, (*w).elem);
                } else {
                    // Full buffer: take the oldest, append the sender's.
                    let h = self.slot(self.head);
                    self.copy(ep, h);
                    self.copy(h, (*w).elem);
                    self.head = (self.head + 1) % self.cap;
                }
                (*w).success = true;
                (*(*w).g).param = w as usize;
                sched::ready((*w).g);
            }
            return Some(true);
        }
        if self.len > 0 {
            let h = self.slot(self.head);
            self.copy(ep, h);
            self.zero(h);
            self.head = (self.head + 1) % self.cap;
            self.len -= 1;
            return Some(true);
        }
        if self.closed {
            self.zero(ep);
            return Some(false);
        }
        None
    }
}

/// `make(chan T, size)`; `elem` is T's descriptor.
///
/// # Safety
/// `elem` points to a type descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_makechan(elem: *const Type, size: isize) -> *mut Chan {
    // SAFETY: caller.
    let et = unsafe { &*elem };
    if size < 0 || (et.size > 0 && size as usize > crate::mem::MAX_ALLOC / et.size) {
        panic::runtime_error(b"makechan: size out of range");
    }
    let c = crate::mem::alloc(core::mem::size_of::<Chan>(), Some(&CHAN_TYPE)) as *mut Chan;
    let bytes = et.size * size as usize;
    let buf = crate::mem::alloc(bytes, Some(et));
    // SAFETY: `c` is a fresh allocation of a Chan's size.
    unsafe {
        c.write(Chan {
            elem_size: et.size,
            cap: size as usize,
            len: 0,
            head: 0,
            buf,
            closed: false,
            sendq: Queue {
                first: ptr::null_mut(),
                last: ptr::null_mut(),
            },
            recvq: Queue {
                first: ptr::null_mut(),
                last: ptr::null_mut(),
            },
        })
    };
    c
}

/// `c <- *ep`.
///
/// # Safety
/// `c` is null or a channel; `ep` points to an element of its type.
#[no_mangle]
pub unsafe extern "C" fn rgo_chansend(c: *mut Chan, ep: *const u8) {
    if c.is_null() {
        loop {
            sched::park(b"chan send (nil chan)");
        }
    }
    // SAFETY: caller.
    let ch = unsafe { &mut *c };
    if ch.try_send(ep) {
        return;
    }
    let mut w = Waiter {
        g: sched::current(),
        elem: ep as *mut u8,
        chan: c,
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        success: false,
        case: SEND_BIT,
    };
    ch.sendq.push(&mut w);
    sched::park(b"chan send");
    if !w.success {
        closed_send();
    }
}

/// `*ep = <-c`, the result is the comma-ok flag. `ep` may be null (the
/// value is discarded).
///
/// # Safety
/// `c` is null or a channel; `ep` is null or points to an element of its
/// type.
#[no_mangle]
pub unsafe extern "C" fn rgo_chanrecv(c: *mut Chan, ep: *mut u8) -> bool {
    if c.is_null() {
        loop {
            sched::park(b"chan receive (nil chan)");
        }
    }
    // SAFETY: caller.
    let ch = unsafe { &mut *c };
    if let Some(ok) = ch.try_recv(ep) {
        return ok;
    }
    let mut w = Waiter {
        g: sched::current(),
        elem: ep,
        chan: c,
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        success: false,
        case: 0,
    };
    ch.recvq.push(&mut w);
    sched::park(b"chan receive");
    w.success
}

/// `close(c)`.
///
/// # Safety
/// `c` is null or a channel.
#[no_mangle]
pub unsafe extern "C" fn rgo_closechan(c: *mut Chan) {
    if c.is_null() {
        panic::runtime_error(b"close of nil channel");
    }
    // SAFETY: caller.
    let ch = unsafe { &mut *c };
    if ch.closed {
        panic::runtime_error(b"close of closed channel");
    }
    ch.closed = true;
    // Wake every receiver (with the zero value) and every sender (which
    // then panics).
    loop {
        let w = ch.recvq.pop();
        if w.is_null() {
            break;
        }
        // SAFETY: a dequeued waiter's goroutine is parked: live.
        unsafe {
            ch.zero((*w).elem);
            (*w).success = false;
            (*(*w).g).param = w as usize;
            sched::ready((*w).g);
        }
    }
    loop {
        let w = ch.sendq.pop();
        if w.is_null() {
            break;
        }
        // SAFETY: as above.
        unsafe {
            (*w).success = false;
            (*(*w).g).param = w as usize;
            sched::ready((*w).g);
        }
    }
}

/// `len(c)`.
///
/// # Safety
/// `c` is null or a channel.
#[no_mangle]
pub unsafe extern "C" fn rgo_chanlen(c: *mut Chan) -> isize {
    if c.is_null() {
        return 0;
    }
    // SAFETY: caller: a non-nil chan value points to a channel.
    unsafe { (*c).len as isize }
}

/// `cap(c)`.
///
/// # Safety
/// `c` is null or a channel.
#[no_mangle]
pub unsafe extern "C" fn rgo_chancap(c: *mut Chan) -> isize {
    if c.is_null() {
        return 0;
    }
    // SAFETY: caller: a non-nil chan value points to a channel.
    unsafe { (*c).cap as isize }
}

/// One case of a `select`, as compiled code lays them out: sends first,
/// then receives.
#[repr(C)]
pub struct SelectCase {
    pub chan: *mut Chan,
    /// Element to send, or where to receive (null: discard).
    pub elem: *mut u8,
}

/// `select`: `cases` holds `nsends` send cases then `nrecvs` receive
/// cases. Returns `-1` when `block` is false and no case is ready (the
/// `default` case); otherwise `index << 1 | recv_ok` for the case that
/// ran (index into `cases`).
///
/// # Safety
/// `cases` points to `nsends + nrecvs` cases whose channels are null or
/// channels and whose elements are valid for their channel's type.
#[no_mangle]
pub unsafe extern "C" fn rgo_select(
    cases: *const SelectCase,
    nsends: isize,
    nrecvs: isize,
    block: bool,
) -> isize {
    let n = (nsends + nrecvs) as usize;
    let ns = nsends as usize;
    // SAFETY: caller.
    let cs: &[SelectCase] = if n == 0 {
        &[]
    } else {
        unsafe { core::slice::from_raw_parts(cases, n) }
    };
    // Poll in a random order (gc's pollorder), so that among ready cases
    // each is equally likely.
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (sched::fastrand() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    for &i in &order {
        let c = cs[i].chan;
        if c.is_null() {
            continue;
        }
        // SAFETY: caller.
        let ch = unsafe { &mut *c };
        if i < ns {
            if ch.try_send(cs[i].elem) {
                return (i as isize) << 1;
            }
        } else if let Some(ok) = ch.try_recv(cs[i].elem) {
            return (i as isize) << 1 | ok as isize;
        }
    }
    if !block {
        return -1;
    }
    if n == 0 || cs.iter().all(|c| c.chan.is_null()) {
        loop {
            sched::park(if n == 0 {
                b"select (no cases)"
            } else {
                b"select"
            });
        }
    }
    let g = sched::current();
    let mut ws: Vec<Waiter> = (0..n)
        .map(|i| Waiter {
            g,
            elem: cs[i].elem,
            chan: ptr::null_mut(),
            next: ptr::null_mut(),
            prev: ptr::null_mut(),
            success: false,
            case: if i < ns { i | SEND_BIT } else { i },
        })
        .collect();
    for &i in &order {
        let c = cs[i].chan;
        if c.is_null() {
            continue;
        }
        let w: *mut Waiter = &mut ws[i];
        // SAFETY: `c` is a channel (caller); `w` lives in `ws`, which is
        // neither moved nor dropped until every waiter is dequeued.
        unsafe {
            (*w).chan = c;
            if i < ns {
                (*c).sendq.push(w);
            } else {
                (*c).recvq.push(w);
            }
        }
    }
    // SAFETY: the running G is live.
    unsafe {
        (*g).sel_waiters = ws.as_mut_ptr() as usize;
        (*g).sel_count = n;
        (*g).param = 0;
    }
    sched::park(b"select");
    // SAFETY: whoever woke us set `param` to the completed waiter, one of
    // `ws`, and took the others off their queues.
    let w = unsafe { &*((*g).param as *const Waiter) };
    let i = w.case & !SEND_BIT;
    if i < ns {
        if !w.success {
            closed_send();
        }
        return (i as isize) << 1;
    }
    (i as isize) << 1 | w.success as isize
}
