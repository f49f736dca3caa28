//! Turning what a program or compiler printed into comparable text: only
//! what legitimately differs between two correct implementations is
//! removed — temporary paths, the stack trace under a panic's goroutine
//! header, program counters — and nothing else.

use std::path::Path;

/// Bytes as text, losslessly: valid UTF-8 passes through; invalid bytes and
/// control characters other than newline and tab become `<0xNN>`, so a
/// snapshot shows exactly what was printed.
pub fn text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                push_escaped(&mut out, s);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // valid_up_to guarantees `good` is UTF-8.
                push_escaped(&mut out, std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for b in &bad[..n] {
                    out.push_str(&format!("<0x{b:02x}>"));
                }
                rest = &bad[n..];
            }
        }
    }
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("<0x{:02x}>", c as u32));
        } else {
            out.push(c);
        }
    }
}

/// Replaces each directory in `dirs` by `$WORK`.
pub fn paths(s: &str, dirs: &[&Path]) -> String {
    let mut s = s.to_string();
    for dir in dirs {
        let d = dir.to_string_lossy();
        if !d.is_empty() {
            s = s.replace(d.as_ref(), "$WORK");
        }
    }
    s
}

/// A program's stderr: after the first goroutine header of a panic or fatal
/// error (`goroutine 1 [running]:`), the stack trace is dropped — it names
/// addresses, files and frames that are the implementation's own — and
/// program counters in `[signal ...]` lines are masked.
pub fn program_stderr(s: &str) -> String {
    let mut out = String::new();
    for line in s.split_inclusive('\n') {
        out.push_str(&mask_pc(line));
        if is_goroutine_header(line.trim_end_matches('\n')) {
            if !line.ends_with('\n') {
                out.push('\n');
            }
            break;
        }
    }
    out
}

fn is_goroutine_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("goroutine ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(" [") && line.ends_with("]:")
}

fn mask_pc(line: &str) -> String {
    if !line.starts_with("[signal ") {
        return line.to_string();
    }
    match line.find(" pc=0x") {
        Some(i) => {
            let start = i + " pc=0x".len();
            let end = line[start..]
                .find(|c: char| !c.is_ascii_hexdigit())
                .map_or(line.len(), |e| start + e);
            format!("{}?{}", &line[..start], &line[end..])
        }
        None => line.to_string(),
    }
}

/// A compiler's error lines, in gc's form `file.go:line:col: message`, with
/// the directory dropped from the file name; tab-indented continuation lines
/// (gc's `have (...)` / `want (...)`) and `too many errors` are kept, other
/// lines (`# command-line-arguments`, decorations) are not.
pub fn diagnostics(stderr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_diag = false;
    for line in stderr.lines() {
        if let Some(d) = diagnostic_line(line) {
            out.push(d);
            in_diag = true;
        } else if in_diag && line.starts_with('\t') {
            // gc's related positions (`\tdir/x.go:4:6: other declaration
            // of x`) are shortened like the main ones.
            match diagnostic_line(&line[1..]) {
                Some(d) => out.push(format!("\t{d}")),
                None => out.push(line.to_string()),
            }
        } else if line.trim() == "too many errors" {
            out.push("too many errors".to_string());
            in_diag = false;
        } else {
            in_diag = false;
        }
    }
    out
}

/// Lines of `stderr` that [`diagnostics`] drops, apart from package headers.
pub fn dropped_lines(stderr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_diag = false;
    for line in stderr.lines() {
        if diagnostic_line(line).is_some() {
            in_diag = true;
        } else if in_diag && line.starts_with('\t') || line.trim() == "too many errors" {
        } else {
            in_diag = false;
            if !line.starts_with("# ") && !line.trim().is_empty() {
                out.push(line.to_string());
            }
        }
    }
    out
}

/// `dir/x.go:3:5: msg` → `x.go:3:5: msg`.
fn diagnostic_line(line: &str) -> Option<String> {
    let go = line.find(".go:")?;
    let path = &line[..go + 3];
    if path.is_empty() || path.contains(char::is_whitespace) {
        return None;
    }
    let rest = &line[go + 4..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut after = &rest[digits..];
    if let Some(col) = after.strip_prefix(':') {
        let d = col.bytes().take_while(u8::is_ascii_digit).count();
        if d > 0 {
            after = &col[d..];
        }
    }
    if !after.starts_with(": ") {
        return None;
    }
    let base = path.rsplit('/').next().unwrap_or(path);
    Some(format!("{base}:{rest}"))
}

/// The position of a normalised diagnostic line: (file, line, column).
pub fn position(diag: &str) -> Option<(String, u32, Option<u32>)> {
    let go = diag.find(".go:")?;
    let file = diag[..go + 3].to_string();
    let mut parts = diag[go + 4..].splitn(3, ':');
    let line = parts.next()?.parse().ok()?;
    let col = parts.next().and_then(|c| c.parse().ok());
    Some((file, line, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_invalid_utf8_and_controls() {
        assert_eq!(text(b"a\xffb\r\n\tc"), "a<0xff>b<0x0d>\n\tc");
        assert_eq!(text("héllo".as_bytes()), "héllo");
    }

    #[test]
    fn drops_stack_traces() {
        let s = "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/p.go:5 +0x25\n";
        assert_eq!(program_stderr(s), "panic: boom\n\ngoroutine 1 [running]:\n");
        let s =
            "panic: x\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f0f4]\n";
        assert_eq!(
            program_stderr(s),
            "panic: x\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x?]\n"
        );
    }

    #[test]
    fn keeps_gc_style_diagnostics() {
        let s = "# command-line-arguments\n./p.go:4:2: declared and not used: x\n\
                 /tmp/w/p.go:9:5: not enough arguments in call to f\n\thave ()\n\twant (int)\n\
                 \t/tmp/w/p.go:4:2: other declaration of x\n\
                 ./p.go:12:1: too many errors\ntoo many errors\nnoise\n";
        assert_eq!(
            diagnostics(s),
            [
                "p.go:4:2: declared and not used: x",
                "p.go:9:5: not enough arguments in call to f",
                "\thave ()",
                "\twant (int)",
                "\tp.go:4:2: other declaration of x",
                "p.go:12:1: too many errors",
                "too many errors",
            ]
        );
        assert_eq!(dropped_lines(s), ["noise"]);
        assert_eq!(
            position("p.go:4:2: declared and not used: x"),
            Some(("p.go".to_string(), 4, Some(2)))
        );
    }
}
