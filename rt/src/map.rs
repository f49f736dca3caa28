//! Go maps: a hash table keyed through the map's type descriptor.
//!
//! Entries live in an array in insertion order (`hash`, key, value, each
//! aligned); an open-addressing index of `u32` slots (entry number + 2; 0
//! empty, 1 a tombstone), at most half full, finds them, comparing the
//! hash stored in the entry before the key. Deleting marks the entry dead and
//! leaves a tombstone in the index. When the entry array is full it is
//! rebuilt — doubled, or compacted in place of dead entries — into a
//! *fresh* array, so iterators keep walking the array they started on:
//! entries found there are looked up again in the current table, which is
//! what makes deletion and growth during iteration safe (an entry deleted
//! before it is reached is not produced; one added may or may not be).
//! Iteration starts at a random entry each time, as Go's does.
//!
//! The `Map` header's first word is the entry count, so `len(m)` is one
//! load (nil map: 0).

use core::ptr;

use crate::abi::*;
use crate::hash::{random, type_equal, type_hash};
use crate::mem;
use crate::panic;

/// Entry hash word of a dead entry; live entries have bit 0 set.
const DEAD: u64 = 0;
const EMPTY_SLOT: u32 = 0;
const TOMBSTONE: u32 = 1;
/// Most entries a map's array can have (index slots hold entry + 2).
const MAX_ENTRIES: usize = (u32::MAX - 2) as usize;
const MIN_CAP: usize = 8;

#[repr(C)]
pub struct Map {
    /// Live entries (read directly for `len`).
    count: usize,
    mt: *const Type,
    seed: u64,
    entries: *mut u8,
    /// Capacity of `entries`, in entries.
    cap: usize,
    /// Entries appended to `entries` (live or dead).
    used: usize,
    index: *mut u32,
    /// `index` length − 1 (a power of two minus one; 0 before allocation).
    mask: usize,
    key_off: usize,
    val_off: usize,
    stride: usize,
    /// Layout of one entry for the collector (null: no pointers).
    etyp: *const Type,
}

/// A map header's Go pointers: `entries` (word 3) and `index` (word 6).
static MAP_BITS: u8 = 1 << 3 | 1 << 6;
static MAP_TYPE: Type = Type::internal("runtime.hmap", core::mem::size_of::<Map>(), 56, &MAP_BITS);

/// Entry layouts already built, by map type.
static ENTRY_TYPES: std::sync::Mutex<Option<std::collections::HashMap<usize, usize>>> =
    std::sync::Mutex::new(None);

/// The descriptor of an entry `{hash, key, value}` of map type `mt`
/// (built once per map type and kept for the program's life), or null
/// if neither key nor value holds pointers: `map[int]int` is never
/// scanned, `map[string]*T` exactly at the key's data pointer and the
/// value.
fn entry_type(mt: &Type, key_off: usize, val_off: usize, stride: usize) -> *const Type {
    let (kt, vt) = (mt.key(), mt.elem());
    if kt.noscan() && vt.noscan() {
        return ptr::null();
    }
    let mut guard = ENTRY_TYPES.lock().unwrap_or_else(|e| e.into_inner());
    let cache = guard.get_or_insert_with(Default::default);
    let key = mt as *const Type as usize;
    if let Some(&t) = cache.get(&key) {
        return t as *const Type;
    }
    let mut bits = vec![0u8; stride / 64 + 1];
    let mut last = 0;
    for (t, off) in [(kt, key_off), (vt, val_off)] {
        for i in 0..t.ptr_bytes / 8 {
            // SAFETY: `gc_data` holds `ptr_bytes / 8` bits (rt/ABI.md).
            if unsafe { *t.gc_data.add(i / 8) } >> (i % 8) & 1 != 0 {
                let w = off / 8 + i;
                bits[w / 8] |= 1 << (w % 8);
                last = last.max(w + 1);
            }
        }
    }
    let bits: &'static [u8] = Box::leak(bits.into_boxed_slice());
    let t: &'static Type = Box::leak(Box::new(Type::internal(
        "map.entry",
        stride,
        last * 8,
        bits.as_ptr(),
    )));
    cache.insert(key, t as *const Type as usize);
    t
}

fn align_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

impl Map {
    fn key_type(&self) -> &Type {
        // SAFETY: `mt` is the map's valid descriptor for its whole life.
        unsafe { (*self.mt).key() }
    }

    fn entry(&self, i: usize) -> *mut u8 {
        // SAFETY: callers pass `i < cap`; the array has `cap` entries.
        unsafe { self.entries.add(i * self.stride) }
    }

    fn hash_of(&self, key: *const u8) -> u64 {
        // SAFETY: `key` points at a key value (callers' contract).
        unsafe { type_hash(self.key_type(), key, self.seed) | 1 }
    }

    /// Index of the live entry with this key, if any.
    fn find(&self, key: *const u8, h: u64) -> Option<usize> {
        if self.count == 0 {
            return None;
        }
        let kt = self.key_type();
        let mut i = h as usize & self.mask;
        loop {
            // SAFETY: `i <= mask` indexes the index array.
            let slot = unsafe { *self.index.add(i) };
            if slot == EMPTY_SLOT {
                return None;
            }
            if slot != TOMBSTONE {
                let e = slot as usize - 2;
                let ep = self.entry(e);
                // SAFETY: `e < used`, a written entry: hash word, then key.
                unsafe {
                    if *(ep as *const u64) == h && type_equal(kt, ep.add(self.key_off), key) {
                        return Some(e);
                    }
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Index slot of entry `e` with hash `h` (walks the probe sequence).
    fn slot_of(&self, e: usize, h: u64) -> usize {
        let want = e as u32 + 2;
        let mut i = h as usize & self.mask;
        // SAFETY: the entry is in the index, so the walk ends at it.
        while unsafe { *self.index.add(i) } != want {
            i = (i + 1) & self.mask;
        }
        i
    }

    fn insert_slot(&mut self, e: usize, h: u64) {
        let mut i = h as usize & self.mask;
        loop {
            // SAFETY: `i <= mask`.
            let s = unsafe { &mut *self.index.add(i) };
            if *s == EMPTY_SLOT || *s == TOMBSTONE {
                *s = e as u32 + 2;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn alloc_entries(&self, n: usize) -> *mut u8 {
        // SAFETY: null or a descriptor kept for the program's life.
        mem::alloc(n * self.stride, unsafe { self.etyp.as_ref() })
    }

    /// Moves the live entries into a fresh array of `new_cap` entries and
    /// rebuilds the index.
    fn rebuild(&mut self, new_cap: usize) {
        let old = self.entries;
        let old_used = self.used;
        self.entries = self.alloc_entries(new_cap);
        self.cap = new_cap;
        let idx_len = (new_cap * 2).next_power_of_two();
        self.index = mem::alloc_noscan(idx_len * 4) as *mut u32;
        self.mask = idx_len - 1;
        self.used = 0;
        for i in 0..old_used {
            // SAFETY: `old` held `old_used` written entries; the new array
            // has room for all live ones (new_cap >= count).
            unsafe {
                let src = old.add(i * self.stride);
                let h = *(src as *const u64);
                if h == DEAD {
                    continue;
                }
                let dst = self.entry(self.used);
                ptr::copy_nonoverlapping(src, dst, self.stride);
                self.insert_slot(self.used, h);
                self.used += 1;
            }
        }
    }

    fn grow(&mut self) {
        let new_cap = if self.cap == 0 {
            MIN_CAP
        } else if self.count * 2 >= self.cap {
            if self.cap * 2 > MAX_ENTRIES {
                crate::panic::fatal(b"runtime: map too large");
            }
            self.cap * 2
        } else {
            self.cap
        };
        self.rebuild(new_cap);
    }

    /// Pointer to the value for `key`, inserting a zero value if absent.
    fn assign(&mut self, key: *const u8) -> *mut u8 {
        let h = self.hash_of(key);
        if let Some(e) = self.find(key, h) {
            // SAFETY: live entry.
            return unsafe { self.entry(e).add(self.val_off) };
        }
        if self.used == self.cap {
            self.grow();
        }
        let e = self.used;
        let ep = self.entry(e);
        let ksize = self.key_type().size;
        // SAFETY: `e < cap`; a never-written entry of a zeroed array, so
        // the value is already zero.
        unsafe {
            *(ep as *mut u64) = h;
            ptr::copy_nonoverlapping(key, ep.add(self.key_off), ksize);
        }
        self.insert_slot(e, h);
        self.used += 1;
        self.count += 1;
        // SAFETY: as above.
        unsafe { ep.add(self.val_off) }
    }

    fn delete(&mut self, key: *const u8) {
        let h = self.hash_of(key);
        if let Some(e) = self.find(key, h) {
            let s = self.slot_of(e, h);
            // SAFETY: `s <= mask`; `e` is a live entry of `stride` bytes.
            unsafe {
                *self.index.add(s) = TOMBSTONE;
                let ep = self.entry(e);
                // Clear the whole entry (hash word = DEAD) so the old key
                // and value are not kept alive.
                ptr::write_bytes(ep, 0, self.stride);
            }
            self.count -= 1;
        }
    }

    fn clear(&mut self) {
        if self.cap == 0 {
            return;
        }
        // Fresh arrays: iterators still walking the old ones find nothing
        // in the (now empty) table.
        self.count = 0;
        self.used = 0;
        self.entries = self.alloc_entries(self.cap);
        self.index = mem::alloc_noscan((self.mask + 1) * 4) as *mut u32;
    }
}

fn map_ref<'a>(m: *mut u8) -> Option<&'a mut Map> {
    // SAFETY: a non-nil map value points at a Map made by rgo_makemap.
    unsafe { (m as *mut Map).as_mut() }
}

/// `make(map[K]V, hint)`.
///
/// # Safety
/// `mt` must be a valid map descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_makemap(mt: *const Type, hint: isize) -> *mut u8 {
    // SAFETY: the caller passes a valid map descriptor.
    let t = unsafe { &*mt };
    let (kt, vt) = (t.key(), t.elem());
    let key_off = align_up(8, (kt.align as usize).max(1));
    let val_off = align_up(key_off + kt.size, (vt.align as usize).max(1));
    let stride = align_up(val_off + vt.size, 8);
    let etyp = entry_type(t, key_off, val_off, stride);
    let p = mem::alloc(core::mem::size_of::<Map>(), Some(&MAP_TYPE)) as *mut Map;
    let m = Map {
        count: 0,
        mt,
        seed: random(),
        entries: ptr::null_mut(),
        cap: 0,
        used: 0,
        index: ptr::null_mut(),
        mask: 0,
        key_off,
        val_off,
        stride,
        etyp,
    };
    // SAFETY: `p` is a fresh allocation the size of a Map.
    unsafe { p.write(m) };
    if hint > MIN_CAP as isize {
        // Preallocate for the hint, within reason (a huge hint only costs
        // later growth).
        let n = (hint as usize).min(1 << 24).next_power_of_two();
        // SAFETY: just written.
        unsafe { (*p).rebuild(n) };
    }
    p as *mut u8
}

/// `m[key]` for reading: the value's address, or null if absent.
///
/// # Safety
/// `m` must be nil or a map of type `mt`; `key` points to a key value.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapaccess(mt: *const Type, m: *mut u8, key: *const u8) -> *const u8 {
    let Some(map) = map_ref(m) else {
        // Hashing still panics for unhashable interface keys, as in gc.
        // SAFETY: forwarded from the caller.
        unsafe { check_hashable(mt, key) };
        return ptr::null();
    };
    let h = map.hash_of(key);
    match map.find(key, h) {
        // SAFETY: a live entry.
        Some(e) => unsafe { map.entry(e).add(map.val_off) },
        None => ptr::null(),
    }
}

/// # Safety
/// `mt` valid; `key` points to a key value.
unsafe fn check_hashable(mt: *const Type, key: *const u8) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let kt = (*mt).key();
        if kt.kind == KIND_INTERFACE {
            type_hash(kt, key, 0);
        }
    }
}

/// `m[key] = ...`: the value slot (zeroed if new). Panics on a nil map.
///
/// # Safety
/// `m` must be nil or a map of type `mt`; `key` points to a key value.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapassign(mt: *const Type, m: *mut u8, key: *const u8) -> *mut u8 {
    let _ = mt;
    match map_ref(m) {
        Some(map) => map.assign(key),
        None => {
            // SAFETY: forwarded from the caller.
            unsafe { check_hashable(mt, key) };
            panic::rgo_panic_nilmap()
        }
    }
}

/// `delete(m, key)`.
///
/// # Safety
/// `m` must be nil or a map of type `mt`; `key` points to a key value.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapdelete(mt: *const Type, m: *mut u8, key: *const u8) {
    match map_ref(m) {
        Some(map) => map.delete(key),
        // SAFETY: forwarded from the caller.
        None => unsafe { check_hashable(mt, key) },
    }
}

/// `clear(m)`.
///
/// # Safety
/// `m` must be nil or a map of type `mt`.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapclear(mt: *const Type, m: *mut u8) {
    let _ = mt;
    if let Some(map) = map_ref(m) {
        map.clear();
    }
}

/// `len(m)`.
#[no_mangle]
pub extern "C" fn rgo_maplen(m: *mut u8) -> isize {
    map_ref(m).map_or(0, |m| m.count as isize)
}

/// A `range` over a map in progress.
#[repr(C)]
pub struct MapIter {
    /// Current key and value (valid after `rgo_mapiternext` returns 1).
    key: *const u8,
    elem: *const u8,
    m: *mut Map,
    /// The entry array being walked and how many of its entries.
    entries: *mut u8,
    limit: usize,
    start: usize,
    /// Positions visited so far.
    done: usize,
}

/// Starts iterating `m` (nil: an empty iteration).
///
/// # Safety
/// `m` must be nil or a map of type `mt`.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapiterinit(mt: *const Type, m: *mut u8) -> *mut u8 {
    let _ = mt;
    let it = mem::alloc(core::mem::size_of::<MapIter>(), Some(&mem::ALL_POINTERS)) as *mut MapIter;
    let (entries, limit) = match map_ref(m) {
        Some(map) if map.count > 0 => (map.entries, map.used),
        _ => (ptr::null_mut(), 0),
    };
    let start = if limit > 0 {
        (random() % limit as u64) as usize
    } else {
        0
    };
    // SAFETY: `it` is a fresh allocation the size of a MapIter.
    unsafe {
        it.write(MapIter {
            key: ptr::null(),
            elem: ptr::null(),
            m: m as *mut Map,
            entries,
            limit,
            start,
            done: 0,
        })
    };
    it as *mut u8
}

/// Advances; 1 with `key`/`elem` set, 0 when done.
///
/// # Safety
/// `it` must come from `rgo_mapiterinit`.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapiternext(it: *mut u8) -> u8 {
    // SAFETY: the caller passes an iterator.
    let it = unsafe { &mut *(it as *mut MapIter) };
    if it.limit == 0 {
        return 0;
    }
    // SAFETY: the iterator was made from a live map.
    let map = unsafe { &*it.m };
    while it.done < it.limit {
        let mut pos = it.start + it.done;
        if pos >= it.limit {
            pos -= it.limit;
        }
        it.done += 1;
        // SAFETY: `pos < limit <= entries in that array`.
        let ep = unsafe { it.entries.add(pos * map.stride) };
        // SAFETY: entries start with their hash word.
        let h = unsafe { *(ep as *const u64) };
        if h == DEAD {
            continue;
        }
        // SAFETY: a live entry has its key and value at these offsets.
        let (kp, vp) = unsafe { (ep.add(map.key_off), ep.add(map.val_off)) };
        if it.entries == map.entries {
            it.key = kp;
            it.elem = vp;
            return 1;
        }
        // The map was rebuilt since: the current table is authoritative.
        match map.find(kp, h) {
            Some(e) => {
                let np = map.entry(e);
                // SAFETY: a live entry of the current array.
                unsafe {
                    it.key = np.add(map.key_off);
                    it.elem = np.add(map.val_off);
                }
                return 1;
            }
            None => {
                // A key not equal to itself (NaN) cannot be looked up, nor
                // deleted (only cleared): produce the old entry as is.
                // SAFETY: `kp` points at a key value.
                if map.count > 0 && unsafe { !type_equal(map.key_type(), kp, kp) } {
                    it.key = kp;
                    it.elem = vp;
                    return 1;
                }
            }
        }
    }
    0
}

/// # Safety
/// `it` must come from `rgo_mapiterinit`.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapiterkey(it: *mut u8) -> *const u8 {
    // SAFETY: the caller passes an iterator.
    unsafe { (*(it as *mut MapIter)).key }
}

/// # Safety
/// `it` must come from `rgo_mapiterinit`.
#[no_mangle]
pub unsafe extern "C" fn rgo_mapiterelem(it: *mut u8) -> *const u8 {
    // SAFETY: the caller passes an iterator.
    unsafe { (*(it as *mut MapIter)).elem }
}

/// Live entries of a map as (key, value) pointers, in table order (for
/// the formatter, which sorts them).
pub fn entries(m: *mut u8) -> Vec<(*const u8, *const u8)> {
    let Some(map) = map_ref(m) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(map.count);
    for i in 0..map.used {
        let ep = map.entry(i);
        // SAFETY: entries below `used` are written; live ones have a
        // non-zero hash word.
        unsafe {
            if *(ep as *const u64) != DEAD {
                out.push((
                    ep.add(map.key_off) as *const u8,
                    ep.add(map.val_off) as *const u8,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use std::collections::HashSet;

    fn int_map() -> *const Type {
        map_type("map[int]int", int_type(), int_type())
    }

    unsafe fn set(mt: *const Type, m: *mut u8, k: i64, v: i64) {
        // SAFETY: test map of int to int.
        unsafe { *(rgo_mapassign(mt, m, &k as *const i64 as *const u8) as *mut i64) = v };
    }

    unsafe fn get(mt: *const Type, m: *mut u8, k: i64) -> Option<i64> {
        // SAFETY: test map of int to int.
        unsafe {
            let p = rgo_mapaccess(mt, m, &k as *const i64 as *const u8);
            if p.is_null() {
                None
            } else {
                Some(*(p as *const i64))
            }
        }
    }

    unsafe fn collect(mt: *const Type, m: *mut u8) -> Vec<(i64, i64)> {
        let mut v = Vec::new();
        // SAFETY: test map of int to int.
        unsafe {
            let it = rgo_mapiterinit(mt, m);
            while rgo_mapiternext(it) == 1 {
                v.push((
                    *(rgo_mapiterkey(it) as *const i64),
                    *(rgo_mapiterelem(it) as *const i64),
                ));
            }
        }
        v
    }

    #[test]
    fn insert_lookup_delete_grow() {
        let mt = int_map();
        // SAFETY: map operations on a map of the matching type.
        unsafe {
            let m = rgo_makemap(mt, 0);
            for i in 0..10_000 {
                set(mt, m, i, i * 2);
            }
            assert_eq!(rgo_maplen(m), 10_000);
            for i in 0..10_000 {
                assert_eq!(get(mt, m, i), Some(i * 2));
            }
            assert_eq!(get(mt, m, 10_001), None);
            for i in (0..10_000i64).step_by(2) {
                rgo_mapdelete(mt, m, &i as *const i64 as *const u8);
            }
            assert_eq!(rgo_maplen(m), 5_000);
            assert_eq!(get(mt, m, 2), None);
            assert_eq!(get(mt, m, 3), Some(6));
            // Reinsert after deletions (tombstones, compaction).
            for i in 0..20_000 {
                set(mt, m, i, -i);
            }
            assert_eq!(rgo_maplen(m), 20_000);
            let all = collect(mt, m);
            assert_eq!(all.len(), 20_000);
            assert!(all.iter().all(|&(k, v)| v == -k));
            assert_eq!(rgo_maplen(ptr::null_mut()), 0);
            assert_eq!(get(mt, ptr::null_mut(), 1), None);
        }
    }

    #[test]
    fn iteration_order_varies() {
        let mt = int_map();
        // SAFETY: as above.
        unsafe {
            let m = rgo_makemap(mt, 0);
            for i in 0..50 {
                set(mt, m, i, i);
            }
            let firsts: HashSet<i64> = (0..50).map(|_| collect(mt, m)[0].0).collect();
            assert!(firsts.len() > 1);
        }
    }

    #[test]
    fn delete_and_grow_during_iteration() {
        let mt = int_map();
        // SAFETY: as above.
        unsafe {
            let m = rgo_makemap(mt, 0);
            for i in 0..100 {
                set(mt, m, i, i);
            }
            let it = rgo_mapiterinit(mt, m);
            let mut seen = HashSet::new();
            let mut first = None;
            while rgo_mapiternext(it) == 1 {
                let k = *(rgo_mapiterkey(it) as *const i64);
                assert!(seen.insert(k), "key {k} produced twice");
                if first.is_none() {
                    first = Some(k);
                    // Delete the odd keys not yet seen, and force a rebuild
                    // by adding many keys.
                    for j in (1..100).step_by(2) {
                        if j != k {
                            rgo_mapdelete(mt, m, &j as *const i64 as *const u8);
                        }
                    }
                    for j in 1000..1300 {
                        set(mt, m, j, j);
                    }
                }
            }
            for j in 0..100 {
                let deleted = j % 2 == 1 && Some(j) != first;
                assert_eq!(seen.contains(&j), !deleted, "key {j}");
            }
        }
    }

    #[test]
    fn nan_keys_each_insert_adds() {
        let mt = map_type("map[float64]int", float64_type(), int_type());
        // SAFETY: map of float64 to int.
        unsafe {
            let m = rgo_makemap(mt, 0);
            let nan = f64::NAN;
            for _ in 0..3 {
                *(rgo_mapassign(mt, m, &nan as *const f64 as *const u8) as *mut i64) = 1;
            }
            let z = -0.0f64;
            *(rgo_mapassign(mt, m, &z as *const f64 as *const u8) as *mut i64) = 5;
            let pz = 0.0f64;
            assert_eq!(
                *(rgo_mapaccess(mt, m, &pz as *const f64 as *const u8) as *const i64),
                5
            );
            assert_eq!(rgo_maplen(m), 4);
            assert!(rgo_mapaccess(mt, m, &nan as *const f64 as *const u8).is_null());
            // Growth keeps the NaN entries.
            for i in 1..100 {
                let f = i as f64;
                rgo_mapassign(mt, m, &f as *const f64 as *const u8);
            }
            assert_eq!(rgo_maplen(m), 103);
            assert_eq!(entries(m).len(), 103);
        }
    }

    #[test]
    fn string_keys() {
        let mt = map_type("map[string]int", string_type(), int_type());
        // SAFETY: map of string to int.
        unsafe {
            let m = rgo_makemap(mt, 100);
            for i in 0..200 {
                let k = crate::string::copy_to_go(format!("k{i}").as_bytes());
                *(rgo_mapassign(mt, m, &k as *const GoString as *const u8) as *mut i64) = i;
            }
            let k = GoString::from_static("k42");
            assert_eq!(
                *(rgo_mapaccess(mt, m, &k as *const GoString as *const u8) as *const i64),
                42
            );
        }
    }
}
