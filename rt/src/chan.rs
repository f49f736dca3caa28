//! Channels and their blocking operations (see `rt/ABI.md`, "Channels").
//!
//! A channel is a heap object holding a ring buffer of `cap` elements and
//! two FIFO queues of blocked goroutines (senders, receivers), behind the
//! channel's own lock. A queued goroutine is represented by a [`Waiter`]
//! living in its own (parked) stack frame, which says where the element
//! is to be copied from or to. An operation either completes at once or
//! queues a waiter and parks, releasing the lock only once it is off its
//! stack; whoever completes it fills the waiter in and wakes it.
//!
//! A blocked `select` queues a waiter on every channel it waits on; the
//! first operation to complete one of them claims the goroutine (its
//! `select_done`), later ones skip its other waiters, and the woken
//! goroutine takes them off their queues itself, with every channel
//! locked in address order (gc's lock order).

use core::ptr;
use core::sync::atomic::Ordering;

use crate::abi::Type;
use crate::panic;
use crate::sched::lock::RawLock;
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
    /// Part of a `select` (which only one operation may complete).
    is_select: bool,
    /// For `select`: the case index, with [`SEND_BIT`] for sends.
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

    /// Takes `w` off this queue if it is on it.
    fn remove(&mut self, w: *mut Waiter) {
        // SAFETY: `w` is live; if it has neighbours or heads the queue it
        // is on it, and its neighbours are live.
        unsafe {
            if (*w).prev.is_null() && self.first != w {
                return;
            }
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

    /// Takes the oldest waiter that can still complete: a goroutine in a
    /// `select` that another channel has already woken is skipped (it
    /// takes its own waiters off later).
    fn pop(&mut self) -> *mut Waiter {
        loop {
            let w = self.first;
            if w.is_null() {
                return w;
            }
            self.remove(w);
            // SAFETY: `w` was queued, so it and its goroutine are live.
            unsafe {
                if (*w).is_select
                    && (*(*w).g)
                        .select_done
                        .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire)
                        .is_err()
                {
                    continue;
                }
            }
            return w;
        }
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
    /// A timer's channel: `len` and `cap` report 0 (see `time`).
    timer: bool,
    sendq: Queue,
    recvq: Queue,
    lock: RawLock,
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

    /// Completes a send of `*ep` without blocking if possible (the lock
    /// held): `Some(g)` when done, `g` the receiver to wake (null if the
    /// value went into the buffer).
    fn try_send(&mut self, ep: *const u8) -> Option<*mut G> {
        if self.closed {
            self.lock.unlock();
            closed_send();
        }
        let w = self.recvq.pop();
        if !w.is_null() {
            // SAFETY: a dequeued waiter's goroutine is parked: live.
            unsafe {
                self.copy((*w).elem, ep);
                (*w).success = true;
                (*(*w).g).param = w as usize;
                return Some((*w).g);
            }
        }
        if self.len < self.cap {
            let tail = (self.head + self.len) % self.cap;
            self.copy(self.slot(tail), ep);
            self.len += 1;
            return Some(ptr::null_mut());
        }
        None
    }

    /// Completes a receive into `*ep` without blocking if possible (the
    /// lock held): `Some((ok, g))` when done, `g` the sender to wake (or
    /// null).
    fn try_recv(&mut self, ep: *mut u8) -> Option<(bool, *mut G)> {
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
                return Some((true, (*w).g));
            }
        }
        if self.len > 0 {
            let h = self.slot(self.head);
            self.copy(ep, h);
            self.zero(h);
            self.head = (self.head + 1) % self.cap;
            self.len -= 1;
            return Some((true, ptr::null_mut()));
        }
        if self.closed {
            self.zero(ep);
            return Some((false, ptr::null_mut()));
        }
        None
    }
}

/// Wakes `g` if not null.
fn wake(g: *mut G) {
    if !g.is_null() {
        // SAFETY: a goroutine just dequeued from a channel: parked, and no
        // other operation can reach it any more.
        unsafe { sched::ready(g) };
    }
}

fn unlock_chan(c: usize) {
    // SAFETY: the channel whose lock the parking goroutine held.
    unsafe { (*(c as *mut Chan)).lock.unlock() };
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
            timer: false,
            sendq: Queue {
                first: ptr::null_mut(),
                last: ptr::null_mut(),
            },
            recvq: Queue {
                first: ptr::null_mut(),
                last: ptr::null_mut(),
            },
            lock: RawLock::new(),
        })
    };
    c
}

fn block_forever(reason: &'static [u8]) -> ! {
    loop {
        sched::park(reason);
    }
}

/// `c <- *ep`.
///
/// # Safety
/// `c` is null or a channel; `ep` points to an element of its type.
#[no_mangle]
pub unsafe extern "C" fn rgo_chansend(c: *mut Chan, ep: *const u8) {
    if c.is_null() {
        block_forever(b"chan send (nil chan)");
    }
    // SAFETY: caller.
    let ch = unsafe { &mut *c };
    ch.lock.lock();
    if let Some(g) = ch.try_send(ep) {
        ch.lock.unlock();
        wake(g);
        return;
    }
    let mut w = Waiter {
        g: sched::current(),
        elem: ep as *mut u8,
        chan: c,
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        success: false,
        is_select: false,
        case: SEND_BIT,
    };
    ch.sendq.push(&mut w);
    let r = b"chan send";
    sched::park_unlock(r.as_ptr(), r.len(), Some((unlock_chan, c as usize)));
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
        block_forever(b"chan receive (nil chan)");
    }
    // SAFETY: caller.
    let ch = unsafe { &mut *c };
    ch.lock.lock();
    if let Some((ok, g)) = ch.try_recv(ep) {
        ch.lock.unlock();
        wake(g);
        return ok;
    }
    let mut w = Waiter {
        g: sched::current(),
        elem: ep,
        chan: c,
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
        success: false,
        is_select: false,
        case: 0,
    };
    ch.recvq.push(&mut w);
    let r = b"chan receive";
    sched::park_unlock(r.as_ptr(), r.len(), Some((unlock_chan, c as usize)));
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
    ch.lock.lock();
    if ch.closed {
        ch.lock.unlock();
        panic::runtime_error(b"close of closed channel");
    }
    ch.closed = true;
    // Wake every receiver (with the zero value) and every sender (which
    // then panics), once the lock is released.
    let mut woken = Vec::new();
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
            woken.push((*w).g);
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
            woken.push((*w).g);
        }
    }
    ch.lock.unlock();
    for g in woken {
        wake(g);
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
    // SAFETY: caller: a non-nil chan value points to a channel; a racy
    // read of the count is what gc's `len` does too.
    unsafe {
        if (*c).timer {
            return 0;
        }
        ptr::read_volatile(&(*c).len) as isize
    }
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
    unsafe {
        if (*c).timer {
            return 0;
        }
        (*c).cap as isize
    }
}

/// Marks `c` as a timer's channel (`time.NewTimer`, `NewTicker`).
///
/// # Safety
/// `c` is a channel.
#[no_mangle]
pub unsafe extern "C" fn rgo_marktimerchan(c: *mut Chan) {
    // SAFETY: caller; set before the channel is shared.
    unsafe { (*c).timer = true };
}

/// One case of a `select`, as compiled code lays them out: sends first,
/// then receives.
#[repr(C)]
pub struct SelectCase {
    pub chan: *mut Chan,
    /// Element to send, or where to receive (null: discard).
    pub elem: *mut u8,
}

/// The distinct channels of a select in address order (gc's lockorder).
struct LockOrder {
    chans: Vec<*mut Chan>,
}

impl LockOrder {
    fn lock(&self) {
        for &c in &self.chans {
            // SAFETY: channels of the select's cases (caller of rgo_select).
            unsafe { (*c).lock.lock() };
        }
    }

    fn unlock(&self) {
        for &c in self.chans.iter().rev() {
            // SAFETY: as above.
            unsafe { (*c).lock.unlock() };
        }
    }
}

/// Releases a parked select's channel locks. Nothing of the select may be
/// touched after the last unlock: the woken goroutine may have returned.
fn unlock_order(p: usize) {
    // SAFETY: the parked goroutine's `LockOrder`, live until it has locked
    // every channel again, which it cannot before the last unlock here.
    let order = unsafe { &*(p as *const LockOrder) };
    let n = order.chans.len();
    let base = order.chans.as_ptr();
    for i in (0..n).rev() {
        // SAFETY: `i < n`, read before the unlock of that channel.
        unsafe { (*(*base.add(i))).lock.unlock() };
    }
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
    if cs.iter().all(|c| c.chan.is_null()) {
        if !block {
            return -1;
        }
        block_forever(if n == 0 {
            b"select (no cases)"
        } else {
            b"select"
        });
    }
    // Poll in a random order (gc's pollorder), so that among ready cases
    // each is equally likely.
    let mut order: Vec<usize> = (0..n).filter(|&i| !cs[i].chan.is_null()).collect();
    for i in (1..order.len()).rev() {
        let j = (sched::fastrand() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut chans: Vec<*mut Chan> = order.iter().map(|&i| cs[i].chan).collect();
    chans.sort_unstable();
    chans.dedup();
    let locks = LockOrder { chans };
    locks.lock();
    for &i in &order {
        // SAFETY: caller; the channel is locked.
        let ch = unsafe { &mut *cs[i].chan };
        if i < ns {
            if ch.closed {
                locks.unlock();
                closed_send();
            }
            if let Some(g) = ch.try_send(cs[i].elem) {
                locks.unlock();
                wake(g);
                return (i as isize) << 1;
            }
        } else if let Some((ok, g)) = ch.try_recv(cs[i].elem) {
            locks.unlock();
            wake(g);
            return (i as isize) << 1 | ok as isize;
        }
    }
    if !block {
        locks.unlock();
        return -1;
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
            is_select: true,
            case: if i < ns { i | SEND_BIT } else { i },
        })
        .collect();
    // SAFETY: the running G.
    unsafe {
        (*g).select_done.store(0, Ordering::Release);
        (*g).param = 0;
    }
    for &i in &order {
        let c = cs[i].chan;
        let w: *mut Waiter = &mut ws[i];
        // SAFETY: `c` is a locked channel; `w` lives in `ws`, which is
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
    let r = b"select";
    sched::park_unlock(
        r.as_ptr(),
        r.len(),
        Some((unlock_order, &locks as *const LockOrder as usize)),
    );
    // Woken: take the other waiters off their queues.
    locks.lock();
    // SAFETY: whoever woke us set `param` to the completed waiter, one of
    // `ws`.
    let won = unsafe { (*g).param } as *const Waiter;
    for w in ws.iter_mut() {
        let wp: *mut Waiter = w;
        if ptr::eq(wp, won) || w.chan.is_null() {
            continue;
        }
        // SAFETY: a locked channel of this select.
        unsafe {
            if w.elem_is_send() {
                (*w.chan).sendq.remove(wp);
            } else {
                (*w.chan).recvq.remove(wp);
            }
        }
    }
    locks.unlock();
    // SAFETY: see above.
    let w = unsafe { &*won };
    let i = w.case & !SEND_BIT;
    if i < ns {
        if !w.success {
            closed_send();
        }
        return (i as isize) << 1;
    }
    (i as isize) << 1 | w.success as isize
}
