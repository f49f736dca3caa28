//! Compiling a package's C: the preambles with their wrappers and the
//! package's `.c` files, with the system C compiler (found by the `cc`
//! crate: `$CC`, else `cc`). Objects are cached by the content of the
//! preprocessed source and the flags, so a rebuild that changes no C (nor
//! any header it includes) compiles nothing.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Tells the runtime, before `main`, that the program has C code (which
/// may call into Go from threads of its own).
pub const C_INIT: &str = r#"
extern void rgo_iscgo(void);
__attribute__((constructor)) static void _cgo_rgo_init(void) {
	rgo_iscgo();
}
"#;

/// A library's start: the runtime's initializer runs when the library is
/// loaded (glibc passes constructors the process's arguments). It is in
/// the exports' object, so a C program that links an archive for an
/// exported function gets it too.
pub const C_LIB_INIT: &str = r#"
extern void rgo_lib_start(int, char **);
__attribute__((constructor)) static void _cgo_rgo_lib_init(int argc, char **argv, char **envp) {
	(void)envp;
	rgo_lib_start(argc, argv);
}
"#;

/// C functions the Go helpers (`C.CString`, `C.GoString`, `C.malloc`)
/// call. `C.malloc` never returns nil: out of memory is fatal, as in gc.
pub const C_HELPERS: &str = r#"
void *_cgo_rgo_malloc(size_t n) {
	void *p = malloc(n == 0 ? 1 : n);
	if (p == NULL) {
		static const char msg[] = "fatal error: runtime: C malloc failed\n";
		fwrite(msg, 1, sizeof msg - 1, stderr);
		exit(2);
	}
	return p;
}
size_t _cgo_rgo_strlen(const char *p) {
	return strlen(p);
}
"#;

/// Whether `src` is C++ (`.cc`, `.cpp`, `.cxx`, as gc names them).
pub fn is_cplusplus(src: &Path) -> bool {
    src.extension()
        .is_some_and(|e| e == "cc" || e == "cpp" || e == "cxx")
}

/// The C compiler to run (`$CC`), or for C++ the C++ compiler (`$CXX`).
fn compiler_for(cplusplus: bool) -> Result<PathBuf, String> {
    let tool = cc::Build::new()
        .cpp(cplusplus)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .cargo_output(false)
        .target("x86_64-unknown-linux-gnu")
        .host("x86_64-unknown-linux-gnu")
        .opt_level(2)
        .try_get_compiler()
        .map_err(|e| format!("cgo: no C compiler: {e}"))?;
    Ok(tool.path().to_path_buf())
}

/// The C compiler to run.
fn compiler() -> Result<PathBuf, String> {
    compiler_for(false)
}

/// The C compiler's diagnostics for a preamble libclang rejected.
pub fn check_preamble(text: &str, flags: &[String], path: &Path) -> String {
    let cc = match compiler() {
        Ok(c) => c,
        Err(e) => return e,
    };
    if let Err(e) = std::fs::write(path, text) {
        return format!("write {}: {e}", path.display());
    }
    let out = Command::new(&cc)
        .env("LC_ALL", "C")
        .args(flags)
        .arg("-fsyntax-only")
        .arg(path)
        .output();
    match out {
        Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
        Err(e) => format!("cannot run {}: {e}", cc.display()),
    }
}

/// `pkg-config <what> pkgs...` as flags.
pub fn pkg_config(pkgs: &[String], what: &str) -> Result<Vec<String>, String> {
    let out = Command::new("pkg-config")
        .arg(what)
        .args(pkgs)
        .output()
        .map_err(|e| format!("pkg-config: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "# pkg-config {what} {}\n{}pkg-config: exit status {}",
            pkgs.join(" "),
            String::from_utf8_lossy(&out.stderr),
            out.status.code().unwrap_or(1)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect())
}

/// Where compiled objects are kept between builds.
fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("RGO_CACHE").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("cgo"));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("rgo").join("cgo"))
}

/// Compiles `src` to an object (from the cache when the preprocessed text
/// and flags are unchanged); the compiler's messages go to the user.
pub fn object(src: &Path, flags: &[String], work: &Path, verbose: bool) -> Result<PathBuf, String> {
    let cc = compiler_for(is_cplusplus(src))?;
    let mut args: Vec<String> = flags.to_vec();
    args.push("-fPIC".into());
    args.push("-fno-common".into());
    // Preprocess once to know the content, headers included.
    let pre = Command::new(&cc)
        .env("LC_ALL", "C")
        .args(&args)
        .arg("-E")
        .arg(src)
        .output()
        .map_err(|e| format!("cgo: cannot run {}: {e}", cc.display()))?;
    if !pre.status.success() {
        return Err(String::from_utf8_lossy(&pre.stderr).into_owned());
    }
    let mut h1 = DefaultHasher::new();
    let mut h2 = DefaultHasher::new();
    2u8.hash(&mut h2);
    for h in [&mut h1, &mut h2] {
        cc.hash(h);
        args.hash(h);
        pre.stdout.hash(h);
    }
    let key = format!("{:016x}{:016x}", h1.finish(), h2.finish());
    let cached = cache_dir().map(|d| d.join(format!("{key}.o")));
    let stem = src
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "c".into());
    let obj = work.join(format!("{stem}_{key}.o"));
    if let Some(c) = &cached {
        if c.is_file() && std::fs::copy(c, &obj).is_ok() {
            return Ok(obj);
        }
    }
    let mut cmd = Command::new(&cc);
    // Messages in plain ASCII, as the go command has them.
    cmd.env("LC_ALL", "C")
        .args(&args)
        .arg("-c")
        .arg("-o")
        .arg(&obj)
        .arg(src);
    if verbose {
        eprintln!("{cmd:?}");
    }
    let out = cmd
        .output()
        .map_err(|e| format!("cgo: cannot run {}: {e}", cc.display()))?;
    let msgs = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(msgs);
    }
    // Warnings are shown, as gc shows them.
    eprint!("{msgs}");
    if let Some(c) = cached {
        if let Some(dir) = c.parent() {
            let _ = std::fs::create_dir_all(dir);
            let tmp = c.with_extension(format!("o.{}", std::process::id()));
            if std::fs::copy(&obj, &tmp).is_ok() {
                let _ = std::fs::rename(&tmp, &c);
            }
        }
    }
    Ok(obj)
}
