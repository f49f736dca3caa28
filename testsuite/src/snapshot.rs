//! Snapshot files in insta's format (a YAML header between `---` lines,
//! then the content), written by `cargo xtask bless` from the official
//! toolchain's output and asserted against by the test harness.

use std::fs;
use std::io;
use std::path::Path;

/// The file that records how a snapshot was made.
pub const SOURCE: &str = "testsuite/tests/suite.rs";

/// Content as insta compares it: trailing whitespace at the end removed,
/// CRLF as LF.
pub fn comparable(content: &str) -> String {
    content.trim_end().replace("\r\n", "\n")
}

fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `dir/NAME.snap`; leaves the file alone when its content is the
/// same, so a re-bless changes nothing it need not.
pub fn write(
    dir: &Path,
    name: &str,
    description: &str,
    input_file: &str,
    content: &str,
) -> io::Result<bool> {
    let path = dir.join(format!("{name}.snap"));
    if let Ok(Some(old)) = read(&path) {
        if comparable(&old) == comparable(content) {
            return Ok(false);
        }
    }
    fs::create_dir_all(dir)?;
    let text = format!(
        "---\nsource: {SOURCE}\ndescription: {}\ninput_file: {}\nsnapshot_kind: text\n---\n{}\n",
        yaml_string(description),
        yaml_string(input_file),
        content.trim_end(),
    );
    fs::write(&path, text)?;
    Ok(true)
}

/// The content of a snapshot file; `None` if there is none.
pub fn read(path: &Path) -> io::Result<Option<String>> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: not an insta snapshot", path.display()),
        ));
    }
    for line in lines.by_ref() {
        if line.trim_end() == "---" {
            break;
        }
    }
    Ok(Some(lines.collect::<Vec<_>>().join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let dir = std::env::temp_dir().join(format!("rgo-snap-test-{}", std::process::id()));
        let content = "exit code 0\n---- stdout ----\na \n\n---- stderr ----\n";
        assert!(write(&dir, "x", "d: \"q\"", "in.go", content).unwrap());
        let back = read(&dir.join("x.snap")).unwrap().unwrap();
        assert_eq!(comparable(&back), comparable(content));
        assert!(!write(&dir, "x", "d", "in.go", content).unwrap());
        let _ = fs::remove_dir_all(&dir);
    }
}
