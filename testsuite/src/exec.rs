//! Running a program with a time limit, capturing what it prints, and
//! measuring it (wall time, CPU time, peak resident memory from `wait4`).
//!
//! Children run in their own process group, so a time-out also ends what
//! they started (the linker under a compiler, say).

use std::io::{self, Read};
use std::os::raw::{c_int, c_long};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut(Duration),
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(c) => write!(f, "exit code {c}"),
            Status::Signaled(s) => write!(f, "killed by signal {s}"),
            Status::TimedOut(d) => write!(f, "timed out after {}s", d.as_secs()),
        }
    }
}

/// Everything observed about one run.
#[derive(Clone, Debug)]
pub struct Output {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub wall: Duration,
    /// User plus system CPU time.
    pub cpu: Duration,
    /// Peak resident set size in KiB.
    pub max_rss_kib: u64,
}

impl Output {
    pub fn success(&self) -> bool {
        self.status == Status::Exited(0)
    }
}

#[repr(C)]
#[derive(Default)]
struct Timeval {
    tv_sec: c_long,
    tv_usec: c_long,
}

/// Linux's `struct rusage`: two timevals, then fourteen longs of which the
/// first is `ru_maxrss` (KiB).
#[repr(C)]
#[derive(Default)]
struct Rusage {
    ru_utime: Timeval,
    ru_stime: Timeval,
    ru_maxrss: c_long,
    rest: [c_long; 13],
}

extern "C" {
    fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
    fn kill(pid: c_int, sig: c_int) -> c_int;
}

const WNOHANG: c_int = 1;
const SIGKILL: c_int = 9;

/// Waits for `pid`; `None` while it is still running (with `nohang`).
fn reap(pid: c_int, nohang: bool) -> io::Result<Option<(c_int, Rusage)>> {
    loop {
        let mut status: c_int = 0;
        let mut usage = Rusage::default();
        // SAFETY: both pointers are to live, properly laid out locals; wait4
        // writes only through them.
        let r = unsafe {
            wait4(
                pid,
                &mut status,
                if nohang { WNOHANG } else { 0 },
                &mut usage,
            )
        };
        if r == pid {
            return Ok(Some((status, usage)));
        }
        if r == 0 {
            return Ok(None);
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

fn duration_of(tv: &Timeval) -> Duration {
    Duration::from_secs(tv.tv_sec.max(0) as u64) + Duration::from_micros(tv.tv_usec.max(0) as u64)
}

/// Runs `cmd` with stdin closed, capturing stdout and stderr, and kills its
/// process group if it outlives `timeout`.
pub fn run(cmd: &mut Command, timeout: Duration) -> io::Result<Output> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id() as c_int;
    let out_reader = child.stdout.take().map(|mut s| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            buf
        })
    });
    let err_reader = child.stderr.take().map(|mut s| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            buf
        })
    });

    // Poll rather than block, so the time limit needs no second thread that
    // could signal a reused pid; the short sleeps bound timing error to 1 ms.
    let mut pause = Duration::from_micros(50);
    let mut timed_out = false;
    let (raw, usage) = loop {
        if let Some(done) = reap(pid, true)? {
            break done;
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            // SAFETY: kill has no memory effects; the group is the child's
            // own (process_group(0)) and the child is not yet reaped, so the
            // id cannot have been reused.
            unsafe {
                kill(-pid, SIGKILL);
            }
            match reap(pid, false)? {
                Some(done) => break done,
                None => continue,
            }
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(1));
    };
    let wall = start.elapsed();
    // The child is reaped; dropping the handle neither waits nor kills.
    drop(child);
    let stdout = out_reader
        .map(|h| h.join().unwrap_or_default())
        .unwrap_or_default();
    let stderr = err_reader
        .map(|h| h.join().unwrap_or_default())
        .unwrap_or_default();

    let status = if timed_out {
        Status::TimedOut(timeout)
    } else if raw & 0x7f == 0 {
        Status::Exited((raw >> 8) & 0xff)
    } else {
        Status::Signaled(raw & 0x7f)
    };
    Ok(Output {
        status,
        stdout,
        stderr,
        wall,
        cpu: duration_of(&usage.ru_utime) + duration_of(&usage.ru_stime),
        max_rss_kib: usage.ru_maxrss.max(0) as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_exit_code() {
        let out = run(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(out.status, Status::Exited(3));
        assert_eq!(out.stdout, b"out\n");
        assert_eq!(out.stderr, b"err\n");
    }

    #[test]
    fn kills_on_timeout() {
        let out = run(
            Command::new("sh").args(["-c", "sleep 30"]),
            Duration::from_millis(200),
        )
        .unwrap();
        assert!(matches!(out.status, Status::TimedOut(_)));
        assert!(out.wall < Duration::from_secs(10));
    }

    #[test]
    fn reports_signals() {
        let out = run(
            Command::new("sh").args(["-c", "kill -SEGV $$"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(out.status, Status::Signaled(11));
    }
}
