//! Which `#cgo` flags a package may set: the flags gc's `go` command
//! accepts (its "invalidflag" rules), so that building a package never
//! runs code the package names (compiler plugins, linker scripts, response
//! files). A flag is a compiler flag (`CFLAGS`, `CPPFLAGS`, `CXXFLAGS`,
//! `FFLAGS`) or a linker flag (`LDFLAGS`); a few take the next word as
//! their argument. Flags from the environment (`CGO_CFLAGS`, ...) are the
//! user's own and are not checked, as in gc.

/// A value that cannot be taken for an option or a response file.
fn plain(v: &str) -> bool {
    !v.is_empty() && !v.starts_with('-') && !v.starts_with('@')
}

/// A C identifier.
fn ident(v: &str) -> bool {
    let mut c = v.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
}

/// `name` or `no-name`, for `-f`/`-m` switches.
fn switch(v: &str) -> &str {
    v.strip_prefix("no-").unwrap_or(v)
}

/// Direct linker inputs: `x.o`, `libfoo.so`, `dir/libfoo.a`.
fn linker_input(v: &str) -> bool {
    let starts_ok = v.starts_with("./")
        || v.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/');
    starts_ok
        && [".a", ".o", ".obj", ".dll", ".dylib", ".so", ".tbd"]
            .iter()
            .any(|ext| v.ends_with(ext) && v.len() > ext.len())
}

/// `-D`/`-U` bodies: a macro name, and for `-D` an optional value.
fn define(v: &str, value_ok: bool) -> bool {
    match v.split_once('=') {
        Some((name, value)) => {
            value_ok && ident(name) && !value.contains('@') && !value.contains('-')
        }
        None => ident(v),
    }
}

fn compiler_f(f: &str) -> bool {
    let name = switch(f);
    const SWITCHES: &[&str] = &[
        "asynchronous-unwind-tables",
        "blocks",
        "common",
        "constant-cfstrings",
        "eliminate-unused-debug-types",
        "exceptions",
        "fast-math",
        "inline-functions",
        "fat-lto-objects",
        "keep-inline-dllexport",
        "lto",
        "modules",
        "objc-arc",
        "objc-nonfragile-abi",
        "objc-legacy-dispatch",
        "omit-frame-pointer",
        "openmp",
        "openmp-simd",
        "permissive",
        "pic",
        "PIC",
        "pie",
        "PIE",
        "plt",
        "rtti",
        "split-stack",
        "strict-aliasing",
        "use-linker-plugin",
        "visibility-inlines-hidden",
    ];
    if SWITCHES.contains(&name) || name.starts_with("stack-") {
        return true;
    }
    if let Some(b) = f.strip_prefix("no-builtin-") {
        return b.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    }
    let valued = |prefix: &str| f.strip_prefix(prefix).is_some_and(|v| !v.is_empty());
    if let Some(m) = f
        .strip_prefix("debug-prefix-map=")
        .or_else(|| f.strip_prefix("file-prefix-map="))
    {
        return m.split_once('=').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && !a.contains('@') && !b.contains('@')
        });
    }
    if let Some(n) = f.strip_prefix("sanitize-undefined-strip-path-components=") {
        let n = n.strip_prefix('-').unwrap_or(n);
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(m) = f.strip_prefix("tls-model=") {
        return [
            "global-dynamic",
            "local-dynamic",
            "initial-exec",
            "local-exec",
        ]
        .contains(&m);
    }
    matches!(
        f,
        "diagnostics-show-note-include-stack"
            | "no-canonical-system-headers"
            | "signed-char"
            | "unsigned-char"
    ) || f.strip_prefix("input-charset=").is_some_and(plain)
        || valued("macro-backtrace-limit=")
        || valued("message-length=")
        || valued("sanitize=")
        || valued("template-depth-")
        || valued("visibility=")
}

fn compiler_m(m: &str) -> bool {
    for key in [
        "abi=",
        "arch=",
        "cpu=",
        "fpu=",
        "simd=",
        "tls-dialect=",
        "tune=",
        "float-abi=",
    ] {
        if let Some(v) = m.strip_prefix(key) {
            return plain(v);
        }
    }
    if let Some(v) = m.strip_prefix("cmodel=") {
        return !v.is_empty()
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    }
    if let Some(v) = m.strip_prefix("fpmath=") {
        return v
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b',' || b == b'+');
    }
    if let Some(v) = m.strip_prefix("large-data-threshold=") {
        return !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    }
    let s = switch(m);
    let simd = |p: &str, extra: &str| {
        s.strip_prefix(p).is_some_and(|r| {
            r.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || extra.contains(c))
        })
    };
    matches!(
        m,
        "32" | "64"
            | "arm"
            | "soft-float"
            | "single-float"
            | "double-float"
            | "nop-fun-dllimport"
            | "thumb"
            | "thumb-interwork"
            | "threads"
            | "windows"
    ) || [
        "aes",
        "vaes",
        "ms-bitfields",
        "relax",
        "strict-align",
        "ssse3",
    ]
    .contains(&s)
        || [
            "lsx",
            "lasx",
            "frecipe",
            "div32",
            "lam-bh",
            "lamcas",
            "ld-seq-sa",
        ]
        .contains(&s)
        || simd("avx", ".")
        || s.strip_prefix("sse")
            .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit() || c == '.'))
        || s.strip_prefix("stack-").is_some_and(|r| !r.is_empty())
        || [
            "macosx-",
            "ios-simulator-version-min=",
            "iphoneos-version-min=",
            "tvos-simulator-version-min=",
            "tvos-version-min=",
            "watchos-simulator-version-min=",
            "watchos-version-min=",
        ]
        .iter()
        .any(|p| m.strip_prefix(p).is_some_and(|r| !r.is_empty()))
}

/// Whether gc accepts `flag` in `#cgo CFLAGS` (or CPPFLAGS, CXXFLAGS).
pub fn compiler_flag_ok(flag: &str) -> bool {
    let Some(body) = flag.strip_prefix('-') else {
        return false;
    };
    if let Some(v) = body.strip_prefix('D') {
        return define(v, true);
    }
    if let Some(v) = body.strip_prefix('U') {
        return define(v, false);
    }
    if let Some(v) = body.strip_prefix('I').or_else(|| body.strip_prefix('F')) {
        return plain(v);
    }
    if let Some(v) = body.strip_prefix('O') {
        return v.is_empty() || plain(v);
    }
    if let Some(v) = body.strip_prefix("Wp,-D") {
        return define(v, true) && !v.contains(',');
    }
    if let Some(v) = body.strip_prefix("Wp,-U") {
        return ident(v);
    }
    if body == "Wa,-mbig-obj" {
        return true;
    }
    if let Some(v) = body.strip_prefix('W') {
        // `-Wall`, but no `-Wl,...`/`-Wa,...`: nothing with a comma.
        return !v.contains(',') && !v.contains('@');
    }
    if let Some(v) = body.strip_prefix('f') {
        return compiler_f(v);
    }
    if let Some(v) = body.strip_prefix('g') {
        return v.is_empty() || plain(v);
    }
    if let Some(v) = body.strip_prefix('m') {
        return compiler_m(v);
    }
    if let Some(v) = body.strip_prefix('x') {
        return plain(v);
    }
    let std = body.strip_prefix('-').unwrap_or(body);
    if let Some(v) = std
        .strip_prefix("std=")
        .or_else(|| std.strip_prefix("stdlib="))
    {
        return plain(v);
    }
    if let Some(v) = body.strip_prefix("-sysroot=") {
        return plain(v);
    }
    if let Some(v) = body.strip_prefix("-param=ssp-buffer-size=") {
        return v.bytes().all(|b| b.is_ascii_digit());
    }
    matches!(
        body,
        "ansi"
            | "no-canonical-prefixes"
            | "pedantic"
            | "pedantic-errors"
            | "pipe"
            | "pthread"
            | "-static"
            | "w"
            | "v"
    )
}

/// `-Wl,...` options gc passes on.
fn linker_wl(w: &str) -> bool {
    let no = |p: &str, name: &str| {
        w.strip_prefix(p)
            .map(|r| r.strip_prefix("no-").unwrap_or(r))
            .is_some_and(|r| r == name)
    };
    if no("--", "allow-multiple-definition")
        || no("--", "allow-shlib-undefined")
        || no("--", "as-needed")
        || no("--", "export-dynamic")
    {
        return true;
    }
    let plain_no_comma = |v: &str| plain(v) && !v.contains(',');
    let after = |p: &str| w.strip_prefix(p);
    if let Some(r) = after("-rpath-link").or_else(|| after("-rpath")) {
        return r
            .strip_prefix('=')
            .or_else(|| r.strip_prefix(','))
            .is_some_and(plain_no_comma);
    }
    for p in ["--just-symbols", "-syslibroot", "-undefined"] {
        if let Some(r) = after(p) {
            return r
                .strip_prefix('=')
                .or_else(|| r.strip_prefix(','))
                .is_some_and(|v| plain_no_comma(v) && !v.contains('@'));
        }
    }
    if let Some(r) = after("-R") {
        let r = r.strip_prefix(',').unwrap_or(r);
        return plain_no_comma(r) && !r.contains('@');
    }
    if let Some(r) = after("-framework,") {
        return plain_no_comma(r);
    }
    if let Some(r) = after("-e=").or_else(|| after("-e,")) {
        return !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    if let Some(r) = after("-O") {
        return !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(r) = after("--hash-style=") {
        return ["sysv", "gnu", "both"].contains(&r);
    }
    if let Some(r) = after("--warn-").or_else(|| after("--no-warn-")) {
        return !r.is_empty() && !r.contains(',');
    }
    let dash = w.strip_prefix('-').unwrap_or(w);
    if let Some(r) = dash
        .strip_prefix("-wrap")
        .or_else(|| dash.strip_prefix("wrap"))
    {
        return r
            .strip_prefix('=')
            .or_else(|| r.strip_prefix(','))
            .is_some_and(plain_no_comma);
    }
    if let Some(r) = dash
        .strip_prefix("-unresolved-symbols=")
        .or_else(|| dash.strip_prefix("unresolved-symbols="))
    {
        return !r.is_empty() && !r.contains(',');
    }
    if let Some(r) = dash
        .strip_prefix("-subsystem,")
        .or_else(|| dash.strip_prefix("subsystem,"))
    {
        return ["native", "windows", "console", "posix", "xbox"].contains(&r);
    }
    if let Some(r) = after("-sectcreate,") {
        let parts: Vec<&str> = r.split(',').collect();
        return parts.len() == 3 && parts.iter().all(|p| plain(p));
    }
    if let Some(r) = after("-z,") {
        return r
            .split(",-z,")
            .all(|z| ["relro", "now", "execstack", "noexecstack"].contains(&z));
    }
    matches!(
        w,
        "-Bdynamic"
            | "-berok"
            | "-Bstatic"
            | "-Bsymbolic-functions"
            | "-dn"
            | "-dy"
            | "--disable-new-dtags"
            | "--enable-new-dtags"
            | "--end-group"
            | "-E"
            | "-headerpad_max_install_names"
            | "--no-undefined"
            | "--pop-state"
            | "--push-state"
            | "-s"
            | "-search_paths_first"
            | "--start-group"
            | "-static"
            | "--static"
    )
}

/// Whether gc accepts `flag` in `#cgo LDFLAGS`.
pub fn linker_flag_ok(flag: &str) -> bool {
    if linker_input(flag) {
        return true;
    }
    let Some(body) = flag.strip_prefix('-') else {
        return false;
    };
    if body == "lto_library" {
        return false;
    }
    if let Some(w) = body.strip_prefix("Wl,") {
        return linker_wl(w);
    }
    if let Some(v) = body
        .strip_prefix('F')
        .or_else(|| body.strip_prefix('l'))
        .or_else(|| body.strip_prefix('L'))
    {
        return plain(v);
    }
    if let Some(v) = body.strip_prefix('O') {
        return v.is_empty() || plain(v);
    }
    if let Some(v) = body.strip_prefix('g') {
        return v.is_empty() || plain(v);
    }
    if let Some(f) = body.strip_prefix('f') {
        let s = switch(f);
        return ["pic", "PIC", "pie", "PIE", "openmp", "openmp-simd"].contains(&s)
            || f.strip_prefix("sanitize=").is_some_and(plain)
            || f == "lat_namespace";
    }
    if let Some(m) = body.strip_prefix('m') {
        return matches!(
            m,
            "threads" | "windows" | "soft-float" | "single-float" | "double-float"
        ) || ["relax", "strict-align"].contains(&switch(m))
            || (compiler_m(m)
                && (m.contains('=') || m.starts_with("macosx-") || m.contains("version-min")));
    }
    let dash = body.strip_prefix('-').unwrap_or(body);
    if let Some(r) = dash.strip_prefix("static") {
        return r
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'+');
    }
    if let Some(v) = dash.strip_prefix("stdlib=") {
        return plain(v);
    }
    matches!(
        body,
        "headerpad_max_install_names"
            | "pic"
            | "PIC"
            | "pie"
            | "PIE"
            | "pthread"
            | "rdynamic"
            | "shared"
            | "v"
    )
}

/// Flags that take the next word as their argument.
fn takes_next(flag: &str, linker: bool) -> bool {
    if linker {
        [
            "-arch",
            "-F",
            "-l",
            "-L",
            "-framework",
            "-isysroot",
            "--sysroot",
            "-target",
            "-Wl,-framework",
            "-Wl,-rpath",
            "-Wl,-R",
            "-Wl,--just-symbols",
            "-Wl,-undefined",
        ]
        .contains(&flag)
    } else {
        [
            "-arch",
            "-D",
            "-U",
            "-I",
            "-F",
            "-framework",
            "-include",
            "-isysroot",
            "-isystem",
            "--sysroot",
            "-target",
            "-x",
        ]
        .contains(&flag)
    }
}

/// The first flag of `flags` gc would reject (for `#cgo <verb>`), if any.
pub fn first_invalid(flags: &[String], linker: bool) -> Option<String> {
    let mut i = 0;
    while i < flags.len() {
        let f = &flags[i];
        if takes_next(f, linker) {
            match flags.get(i + 1) {
                Some(next) if next.starts_with("-Wl,") && f.starts_with("-Wl,") => {
                    // `-Wl,-rpath -Wl,dir`.
                    let v = &next["-Wl,".len()..];
                    if !plain(v) || v.contains(',') {
                        return Some(format!("{f} {next}"));
                    }
                }
                Some(next) if plain(next) || (!linker && f == "-D" && define(next, true)) => {}
                Some(next) => return Some(format!("{f} {next}")),
                None => return Some(format!("{f} without argument")),
            }
            i += 2;
            continue;
        }
        let ok = if linker {
            linker_flag_ok(f)
        } else {
            compiler_flag_ok(f)
        };
        if !ok {
            return Some(f.clone());
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn compiler_flags() {
        let ok = v(&[
            "-O3",
            "-Wall",
            "-I/tmp",
            "-DX=1",
            "-std=c11",
            "-fno-strict-aliasing",
            "-march=native",
            "-g3",
            "-pthread",
            "-Werror",
            "-w",
            "-fPIC",
            "-msse4.2",
            "-mno-avx512f",
            "-fvisibility=hidden",
            "-isystem",
            "/usr",
            "-include",
            "stdio.h",
        ]);
        assert_eq!(first_invalid(&ok, false), None);
        for bad in [
            "-fplugin=evil.so",
            "-Wl,-T,x",
            "@file",
            "-DX=-1",
            "-B/tmp",
            "-I-x",
        ] {
            assert_eq!(
                first_invalid(&v(&[bad]), false),
                Some(bad.to_string()),
                "{bad}"
            );
        }
    }

    #[test]
    fn linker_flags() {
        let ok = v(&[
            "-lm",
            "-L/tmp",
            "-Wl,-rpath,/tmp",
            "-Wl,--as-needed",
            "-pthread",
            "-framework",
            "x",
            "-Wl,-z,relro",
            "-Wl,--wrap=foo",
            "/src/p/callC.a",
            "libx.so",
            "-static",
        ]);
        assert_eq!(first_invalid(&ok, true), None);
        for bad in [
            "-Wl,-T,script",
            "-Wl,--whatever",
            "-lto_library",
            "@rsp",
            "-fplugin=x.so",
        ] {
            assert_eq!(
                first_invalid(&v(&[bad]), true),
                Some(bad.to_string()),
                "{bad}"
            );
        }
    }
}
