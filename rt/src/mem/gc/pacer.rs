//! The collector's settings: `GOGC` (the heap growth percentage that
//! triggers a cycle, -1 for off) and `GOMEMLIMIT` (the soft memory limit),
//! read from the environment at start-up as gc does and changed by
//! `runtime/debug.SetGCPercent` and `SetMemoryLimit`.

use core::sync::atomic::{AtomicI64, Ordering};

use crate::sys;

/// Not yet read from the environment.
const UNSET: i64 = i64::MIN;

static GC_PERCENT: AtomicI64 = AtomicI64::new(UNSET);
static MEMORY_LIMIT: AtomicI64 = AtomicI64::new(UNSET);

/// The value of environment variable `name`, if set.
pub fn env(name: &[u8]) -> Option<Vec<u8>> {
    let mut z = name.to_vec();
    z.push(0);
    // SAFETY: `z` is NUL-terminated; getenv returns null or a C string.
    let p = unsafe { sys::getenv(z.as_ptr() as *const core::ffi::c_char) };
    if p.is_null() {
        return None;
    }
    // SAFETY: a C string from the environment.
    let n = unsafe { sys::strlen(p) };
    // SAFETY: `n` readable bytes before the NUL.
    Some(unsafe { core::slice::from_raw_parts(p as *const u8, n) }.to_vec())
}

/// The value of setting `key` in `GODEBUG` (`key=value`, the last one
/// wins), if present.
pub fn godebug(key: &[u8]) -> Option<Vec<u8>> {
    let v = env(b"GODEBUG")?;
    v.split(|&c| c == b',')
        .filter_map(|kv| kv.strip_prefix(key)?.strip_prefix(b"="))
        .next_back()
        .map(<[u8]>::to_vec)
}

/// gc's `readGOGC`: "off" is -1, a number is itself, anything else 100.
fn parse_gogc(v: Option<&[u8]>) -> i64 {
    match v {
        Some(b"off") => -1,
        Some(s) => core::str::from_utf8(s)
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(100),
        None => 100,
    }
}

/// gc's `parseByteCount` for `GOMEMLIMIT`: "off" or unset is no limit
/// (MaxInt64); a number with an optional B, KiB, MiB, GiB or TiB suffix.
/// A malformed value is a fatal error under gc; it is ignored here.
fn parse_memlimit(v: Option<&[u8]>) -> i64 {
    let Some(s) = v.and_then(|s| core::str::from_utf8(s).ok()) else {
        return i64::MAX;
    };
    if s == "off" {
        return i64::MAX;
    }
    let units: [(&str, i64); 5] = [
        ("TiB", 1 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
        ("B", 1),
    ];
    let (digits, mul) = units
        .iter()
        .find_map(|&(u, m)| s.strip_suffix(u).map(|d| (d, m)))
        .unwrap_or((s, 1));
    digits
        .parse::<i64>()
        .ok()
        .filter(|&n| n >= 0)
        .and_then(|n| n.checked_mul(mul))
        .unwrap_or(i64::MAX)
}

/// Reads the settings from the environment (once, at start-up).
pub fn init() {
    let _ = gc_percent();
    let _ = memory_limit();
}

/// The current `GOGC` setting.
pub fn gc_percent() -> i64 {
    let v = GC_PERCENT.load(Ordering::Relaxed);
    if v != UNSET {
        return v;
    }
    let v = parse_gogc(env(b"GOGC").as_deref());
    let _ = GC_PERCENT.compare_exchange(UNSET, v, Ordering::Relaxed, Ordering::Relaxed);
    GC_PERCENT.load(Ordering::Relaxed)
}

/// The current `GOMEMLIMIT` setting in bytes.
pub fn memory_limit() -> i64 {
    let v = MEMORY_LIMIT.load(Ordering::Relaxed);
    if v != UNSET {
        return v;
    }
    let v = parse_memlimit(env(b"GOMEMLIMIT").as_deref());
    let _ = MEMORY_LIMIT.compare_exchange(UNSET, v, Ordering::Relaxed, Ordering::Relaxed);
    MEMORY_LIMIT.load(Ordering::Relaxed)
}

/// The `GOGC` setting, for `runtime/metrics` (-1: off).
#[no_mangle]
pub extern "C" fn rgo_gcpercent() -> i64 {
    gc_percent()
}

/// `debug.SetGCPercent(p)`: sets the percentage (negative: off, stored
/// as -1) and returns the previous setting.
#[no_mangle]
pub extern "C" fn rgo_setgcpercent(p: i64) -> i64 {
    let old = gc_percent();
    GC_PERCENT.store(if p < 0 { -1 } else { p }, Ordering::Relaxed);
    super::settings_changed();
    old
}

/// `debug.SetMemoryLimit(limit)`: a negative limit only reads the
/// setting; returns the previous one.
#[no_mangle]
pub extern "C" fn rgo_setmemorylimit(limit: i64) -> i64 {
    let old = memory_limit();
    if limit >= 0 {
        MEMORY_LIMIT.store(limit, Ordering::Relaxed);
        super::settings_changed();
    }
    old
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gogc_values() {
        assert_eq!(parse_gogc(None), 100);
        assert_eq!(parse_gogc(Some(b"off")), -1);
        assert_eq!(parse_gogc(Some(b"50")), 50);
        assert_eq!(parse_gogc(Some(b"x")), 100);
    }

    #[test]
    fn memlimit_values() {
        assert_eq!(parse_memlimit(None), i64::MAX);
        assert_eq!(parse_memlimit(Some(b"off")), i64::MAX);
        assert_eq!(parse_memlimit(Some(b"1024")), 1024);
        assert_eq!(parse_memlimit(Some(b"2MiB")), 2 << 20);
        assert_eq!(parse_memlimit(Some(b"5B")), 5);
    }
}
