//! `known_failures.txt`: case ids (`programs/NAME`, `errors/NAME`,
//! `cli/NAME`), one a line, `#` comments, that are allowed to fail while
//! the compiler grows. The list only shrinks: a listed case that passes is
//! reported so that its line can go.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

pub fn read(path: &Path) -> io::Result<BTreeSet<String>> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}
