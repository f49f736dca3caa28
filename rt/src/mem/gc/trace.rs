//! `GODEBUG=gctrace=1`: one line per cycle on stderr, in gc's format
//! (`runtime/extern.go`):
//!
//! ```text
//! gc 1 @0.012s 1%: 0.010+0.52+0.003 ms clock, 0.010+0/0.52/0+0.003 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
//! ```
//!
//! The collector stops the world for the whole cycle, so the three clock
//! phases are: finishing the previous sweep, marking, and starting the new
//! sweep; the CPU figures are the same times (assist and idle marking,
//! which rgo does not have, print as 0), and the heap size at mark
//! termination equals the one at the start.

use crate::print::{Sink, Stderr};

/// What one line reports.
pub struct Cycle {
    pub num: u32,
    /// Nanoseconds since the program started.
    pub start: u64,
    pub util: f64,
    /// Sweep termination, mark, mark termination (ns).
    pub phases: [u64; 3],
    /// Heap at the start, at mark termination, and marked (bytes).
    pub heap: [u64; 3],
    pub goal: u64,
    pub stacks: u64,
    pub globals: u64,
    pub procs: u64,
    pub forced: bool,
}

/// gc's `itoaDiv`: `val` with a decimal point `dec` digits from the right.
fn put_div(out: &mut Vec<u8>, val: u64, dec: usize) {
    let digits = val.to_string();
    if dec == 0 {
        out.extend_from_slice(digits.as_bytes());
        return;
    }
    let padded = format!("{:0>width$}", digits, width = dec + 1);
    let (int, frac) = padded.split_at(padded.len() - dec);
    out.extend_from_slice(int.as_bytes());
    out.push(b'.');
    out.extend_from_slice(frac.as_bytes());
}

/// gc's `fmtNSAsMS`: whole milliseconds from 10 ms up, else two
/// significant digits with at most three decimals.
fn put_ms(out: &mut Vec<u8>, ns: u64) {
    if ns >= 10_000_000 {
        put_div(out, ns / 1_000_000, 0);
        return;
    }
    let mut x = ns / 1000;
    if x == 0 {
        out.push(b'0');
        return;
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    put_div(out, x, dec);
}

/// The line for `c`, newline included.
pub fn line(c: &Cycle) -> Vec<u8> {
    let mut o = Vec::with_capacity(160);
    o.extend_from_slice(format!("gc {} @", c.num).as_bytes());
    put_div(&mut o, c.start / 1_000_000, 3);
    o.extend_from_slice(format!("s {}%: ", (c.util * 100.0) as i64).as_bytes());
    for (i, &ns) in c.phases.iter().enumerate() {
        if i != 0 {
            o.push(b'+');
        }
        put_ms(&mut o, ns);
    }
    o.extend_from_slice(b" ms clock, ");
    let cpu = [c.phases[0], 0, c.phases[1], 0, c.phases[2]];
    for (i, &ns) in cpu.iter().enumerate() {
        match i {
            0 => {}
            2 | 3 => o.push(b'/'),
            _ => o.push(b'+'),
        }
        put_ms(&mut o, ns);
    }
    o.extend_from_slice(
        format!(
            " ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, {} P",
            c.heap[0] >> 20,
            c.heap[1] >> 20,
            c.heap[2] >> 20,
            c.goal >> 20,
            c.stacks >> 20,
            c.globals >> 20,
            c.procs
        )
        .as_bytes(),
    );
    if c.forced {
        o.extend_from_slice(b" (forced)");
    }
    o.push(b'\n');
    o
}

pub fn print(c: &Cycle) {
    Stderr.put(&line(c));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_gc() {
        let c = Cycle {
            num: 3,
            start: 1_234_567_890,
            util: 0.021,
            phases: [11_000, 520_000, 15_000_000],
            heap: [5 << 20, 5 << 20, 1 << 19],
            goal: 4 << 20,
            stacks: 0,
            globals: 0,
            procs: 2,
            forced: true,
        };
        assert_eq!(
            String::from_utf8(line(&c)).unwrap(),
            "gc 3 @1.234s 2%: 0.011+0.52+15 ms clock, 0.011+0/0.52/0+15 ms cpu, \
             5->5->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)\n"
        );
        let mut o = Vec::new();
        put_ms(&mut o, 0);
        put_ms(&mut o, 999);
        o.push(b' ');
        put_ms(&mut o, 1_500);
        o.push(b' ');
        put_ms(&mut o, 9_999_999);
        assert_eq!(o, b"00 0.001 9.9");
    }
}
