//! The driver: runs the pipeline for a command.
//!
//! load (frontend::loader) → check and lower (frontend) → LLVM object
//! (codegen) → link (link.rs). Diagnostics are printed here, gc-style
//! (`./file.go:line:col: message`, under a `# package` header) with the
//! source line shown, and exit status 1 for any build failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use frontend::diag;
use frontend::loader::{self, constraint::Tags, goroot, LoadError, Target};
use frontend::source::SourceMap;
use frontend::syntax::ast::NodeIdGen;

use crate::cli::{BuildFlags, BuildMode, Cmd};
use crate::link;
use crate::overlay;

pub fn run(cmd: Cmd) -> ExitCode {
    match cmd {
        Cmd::Version => {
            println!(
                "rgo version {} linux/amd64 (LLVM {})",
                env!("CARGO_PKG_VERSION"),
                codegen::llvm_version()
            );
            ExitCode::SUCCESS
        }
        Cmd::Env => env(),
        Cmd::ToolCompile { flags, pack, files } => tool_compile(&flags, pack, &files),
        Cmd::ToolLink {
            output,
            input,
            verbose,
        } => {
            let out = output.unwrap_or_else(|| PathBuf::from("a.out"));
            match link::executable(&[PathBuf::from(&input)], &[], &out, verbose) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("rgo: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Cmd::Build { flags, targets } => match build(&flags, &targets, None) {
            Ok(_) => ExitCode::SUCCESS,
            Err(()) => ExitCode::from(1),
        },
        Cmd::Run {
            flags,
            targets,
            args,
        } => run_program(&flags, &targets, &args),
    }
}

fn env() -> ExitCode {
    let goroot = match goroot::find() {
        Ok(g) => format!("{} ({})", g.dir.display(), g.version),
        Err(_) => String::from("(not found)"),
    };
    let rt = match link::runtime_library() {
        Ok(p) => format!("{} (linked as a native static library)", p.display()),
        Err(e) => format!("(not found: {e})"),
    };
    println!("GOROOT='{goroot}'");
    println!("GOOS='linux'");
    println!("GOARCH='amd64'");
    println!("CC='{}'", link::c_compiler());
    let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    println!("CXX='{}'", var("CXX", "c++"));
    let cgo = if var("CGO_ENABLED", "1") == "0" {
        "0"
    } else {
        "1"
    };
    println!("CGO_ENABLED='{cgo}'");
    println!("CGO_CFLAGS='{}'", var("CGO_CFLAGS", "-O2 -g"));
    println!("CGO_CPPFLAGS='{}'", var("CGO_CPPFLAGS", ""));
    println!("CGO_LDFLAGS='{}'", var("CGO_LDFLAGS", ""));
    println!("LLVM='{}'", codegen::llvm_version());
    println!("RGO_RT='{rt}'");
    ExitCode::SUCCESS
}

/// `rgo tool compile`: the package and what it imports as one ELF
/// relocatable object (`x.go` → `x.o`), or with `-pack` an archive
/// (`x.a`) holding it as `_go_.o` beside rgo's export data `__.PKGDEF`.
fn tool_compile(flags: &BuildFlags, pack: bool, files: &[String]) -> ExitCode {
    let stem = output_stem(files.first().map_or("main.go", |s| s));
    let out = flags
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{stem}.{}", if pack { "a" } else { "o" })));
    if !pack {
        return match build(flags, files, Some(&out)) {
            Ok(_) => ExitCode::SUCCESS,
            Err(()) => ExitCode::from(1),
        };
    }
    let work = match WorkDir::new() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("rgo: {e}");
            return ExitCode::from(1);
        }
    };
    let obj = work.path.join("_go_.o");
    if build(flags, files, Some(&obj)).is_err() {
        return ExitCode::from(1);
    }
    let pkgdef = work.path.join("__.PKGDEF");
    let text = format!(
        "rgo object linux/amd64 {}\nbuilt from {}\n",
        env!("CARGO_PKG_VERSION"),
        files.join(" ")
    );
    if let Err(e) = std::fs::write(&pkgdef, text) {
        eprintln!("rgo: write {}: {e}", pkgdef.display());
        return ExitCode::from(1);
    }
    match link::pack(&[pkgdef, obj], &out, flags.verbose_commands) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rgo: {e}");
            ExitCode::from(1)
        }
    }
}

/// `rgo run`: build into a temporary directory, run, and report a failed
/// exit as `go run` does (`exit status N` on stderr, rgo exits 1).
fn run_program(flags: &BuildFlags, targets: &[String], args: &[String]) -> ExitCode {
    let work = match WorkDir::new() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("rgo: {e}");
            return ExitCode::from(1);
        }
    };
    let exe_name = targets
        .first()
        .map(|t| output_stem(t))
        .unwrap_or_else(|| "main".into());
    let exe = work.path.join(exe_name);
    if build(flags, targets, Some(&exe)).is_err() {
        return ExitCode::from(1);
    }
    match std::process::Command::new(&exe).args(args).status() {
        Ok(status) => match status.code() {
            Some(0) => ExitCode::SUCCESS,
            Some(code) => {
                eprintln!("exit status {code}");
                ExitCode::from(1)
            }
            None => {
                use std::os::unix::process::ExitStatusExt;
                eprintln!("signal: {}", status.signal().unwrap_or(0));
                ExitCode::from(1)
            }
        },
        Err(e) => {
            eprintln!("rgo: cannot run {}: {e}", exe.display());
            ExitCode::from(1)
        }
    }
}

/// A temporary directory removed when dropped.
struct WorkDir {
    path: PathBuf,
}

impl WorkDir {
    fn new() -> Result<WorkDir, String> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        for n in 0..1000u32 {
            let path = base.join(format!("rgo-build-{pid}-{n}"));
            if std::fs::create_dir(&path).is_ok() {
                return Ok(WorkDir { path });
            }
        }
        Err(format!(
            "cannot create a work directory in {}",
            base.display()
        ))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The default output name, as `go build` picks it: `hello.go` → `hello`,
/// a directory → its base name.
fn output_stem(target: &str) -> String {
    let p = Path::new(target);
    let name = if target.ends_with(".go") {
        p.file_stem().map(|n| n.to_os_string())
    } else {
        p.canonicalize()
            .ok()
            .and_then(|c| c.file_name().map(|n| n.to_os_string()))
    };
    name.map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "main".into())
}

/// Builds the program; `Err(())` after printing why.
fn build(flags: &BuildFlags, targets: &[String], out: Option<&Path>) -> Result<PathBuf, ()> {
    let fail = |msg: String| {
        eprintln!("{msg}");
    };
    let library = matches!(flags.buildmode, BuildMode::CShared | BuildMode::CArchive);
    let link = match link_flags(flags.ldflags.as_deref()) {
        Ok(f) => f,
        Err(e) => {
            fail(format!("rgo: -ldflags: {e}"));
            return Err(());
        }
    };
    let target = match targets {
        [] => Target::Dir(PathBuf::from(".")),
        [one] if !one.ends_with(".go") => Target::Dir(PathBuf::from(one)),
        files => {
            if let Some(bad) = files.iter().find(|f| !f.ends_with(".go")) {
                fail(format!(
                    "rgo: cannot mix .go files and packages on the command line: {bad}"
                ));
                return Err(());
            }
            Target::Files(files.iter().map(PathBuf::from).collect())
        }
    };
    let out = match (out, &flags.output) {
        (Some(o), _) => o.to_path_buf(),
        (None, Some(o)) => o.clone(),
        (None, None) => {
            let stem = output_stem(targets.first().map_or(".", |s| s));
            match flags.buildmode {
                BuildMode::CArchive => PathBuf::from(format!("{stem}.a")),
                _ => PathBuf::from(stem),
            }
        }
    };

    let goroot = goroot::find().map_err(|e| fail(format!("rgo: {e}")))?;
    let overlay = overlay::load();
    let cfg = loader::Config {
        goroot: goroot.dir.clone(),
        overlay: &overlay,
        tags: Tags::linux_amd64(goroot.minor(), false),
    };
    let mut sources = SourceMap::new();
    let mut ids = NodeIdGen::new();
    let mut packages = match loader::load(&mut sources, &mut ids, &cfg, &target) {
        Ok(p) => p,
        Err(LoadError::Message(m)) => {
            fail(m);
            return Err(());
        }
        Err(LoadError::Diagnostics(d)) => {
            report(&sources, &d, "command-line-arguments", flags);
            return Err(());
        }
    };
    set_strings(&mut packages, &mut ids, &link.strings);
    let work = WorkDir::new().map_err(|e| fail(format!("rgo: {e}")))?;
    let mut c_objects = Vec::new();
    let mut ldflags = Vec::new();
    let mut header = None;
    let mut exported = Vec::new();
    let n = packages.len();
    for (i, pkg) in packages.iter_mut().enumerate() {
        // A library's main package always goes through cgo: its exports
        // and the initializer that starts the runtime.
        let main_lib = library && i + 1 == n;
        if main_lib && pkg.name != "main" {
            fail(format!(
                "-buildmode={} requires exactly one main package",
                buildmode_name(flags.buildmode)
            ));
            return Err(());
        }
        if main_lib || pkg.files.iter().any(|f| f.imports_c()) {
            let out = crate::cgo::process(&mut sources, &mut ids, pkg, &target, &work.path, flags)?;
            c_objects.extend(out.objects);
            ldflags.extend(out.ldflags);
            if main_lib {
                header = out.header;
                exported = out.exported;
            }
        }
    }
    // Parse errors that did not stop the build are reported with the
    // checker's, sorted by position, as gc does.
    let mut errors: Vec<diag::Diagnostic> = packages
        .iter()
        .flat_map(|p| p.errors.iter().cloned())
        .collect();
    let program = match frontend::check_and_lower(&sources, &packages) {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => {
            report(&sources, &errors, "command-line-arguments", flags);
            return Err(());
        }
        Err(d) => {
            errors.extend(d);
            report(&sources, &errors, "command-line-arguments", flags);
            return Err(());
        }
    };
    if flags.emit_ir {
        print!("{program}");
        return Ok(out);
    }
    // The linker's check: an executable starts at main.main.
    let exe = matches!(flags.buildmode, BuildMode::Exe | BuildMode::Pie);
    let main_pkg = packages.last().is_some_and(|p| p.name == "main");
    if exe && main_pkg && !flags.object_only && program.main.is_none() {
        eprintln!("# command-line-arguments");
        eprintln!("runtime.main_main·f: function main is undeclared in the main package");
        return Err(());
    }

    let opts = codegen::Options {
        opt_level: flags.opt_level,
        pic: library,
        library,
    };
    if flags.emit_llvm {
        match codegen::emit_llvm_ir(&program, &opts) {
            Ok(text) => {
                let ll = out.with_extension("ll");
                if let Err(e) = std::fs::write(&ll, text) {
                    fail(format!("rgo: write {}: {e}", ll.display()));
                    return Err(());
                }
            }
            Err(e) => {
                fail(format!("internal compiler error: {e}"));
                return Err(());
            }
        }
    }
    let obj = work.path.join("main.o");
    if let Err(e) = codegen::emit_object(&program, &opts, &obj) {
        fail(format!("internal compiler error: {e}"));
        return Err(());
    }
    if flags.keep_work {
        eprintln!("WORK={}", work.path.display());
    }
    let mut objects = vec![obj];
    objects.extend(c_objects);
    ldflags.extend(link.flags);
    if flags.object_only {
        return link::relocatable(&objects, &out, flags.verbose_commands)
            .map(|()| out.clone())
            .map_err(|e| fail(format!("rgo: {e}")));
    }
    let linked = match flags.buildmode {
        BuildMode::Exe => link::executable(&objects, &ldflags, &out, flags.verbose_commands),
        BuildMode::Pie => {
            ldflags.push("-pie".into());
            link::executable(&objects, &ldflags, &out, flags.verbose_commands)
        }
        BuildMode::CShared => link::shared_library(
            &objects,
            &ldflags,
            &exported,
            &out,
            &work.path,
            flags.verbose_commands,
        ),
        BuildMode::CArchive => link::archive(&objects, &out, &work.path, flags.verbose_commands),
    };
    linked.map_err(|e| fail(format!("rgo: {e}")))?;
    if let Some(h) = &header {
        // The header beside the library, named after it (as gc).
        let dest = out.with_extension("h");
        if let Err(e) = std::fs::copy(h, &dest) {
            fail(format!("rgo: write {}: {e}", dest.display()));
            return Err(());
        }
    }
    if flags.keep_work {
        std::mem::forget(work);
    }
    Ok(out)
}

/// What `-ldflags` asks for: the C linker's flags (`-s` strips the
/// symbol table, `-w` (no DWARF) holds already, `-extldflags` passes its
/// words on) and the `-X importpath.name=value` settings.
struct LinkSettings {
    flags: Vec<String>,
    strings: Vec<(String, String)>,
}

fn link_flags(ldflags: Option<&str>) -> Result<LinkSettings, String> {
    let mut out = Vec::new();
    let mut strings = Vec::new();
    let words = split_words(ldflags.unwrap_or(""))?;
    let mut it = words.iter();
    while let Some(w) = it.next() {
        match w.trim_start_matches('-') {
            "s" => out.push("-s".to_string()),
            "w" => {}
            "extldflags" => {
                let v = it.next().ok_or("-extldflags needs a value")?;
                out.extend(split_words(v)?);
            }
            x if x.starts_with("extldflags=") => {
                out.extend(split_words(&x["extldflags=".len()..])?);
            }
            "X" => {
                let v = it.next().ok_or("-X needs importpath.name=value")?;
                strings.push(x_setting(v)?);
            }
            x if x.starts_with("X=") => strings.push(x_setting(&x[2..])?),
            _ => return Err(format!("flag not supported by rgo: {w}")),
        }
    }
    Ok(LinkSettings {
        flags: out,
        strings,
    })
}

/// `value` as a Go string literal.
fn go_string_literal(value: &str) -> String {
    if !value.contains('`') && !value.contains('\r') {
        return format!("`{value}`");
    }
    let mut s = String::from("\"");
    for b in value.bytes() {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push('"');
    s
}

/// `importpath.name=value` of `-X`.
fn x_setting(v: &str) -> Result<(String, String), String> {
    let (name, value) = v.split_once('=').ok_or_else(|| {
        format!("-X flag requires argument of the form importpath.name=value, got {v:?}")
    })?;
    if !name.contains('.') {
        return Err(format!(
            "-X flag requires argument of the form importpath.name=value, got {v:?}"
        ));
    }
    Ok((name.to_string(), value.to_string()))
}

/// `-X importpath.name=value`: the package-level string variable `name`
/// starts as `value`, as gc's linker sets it (a variable that is not a
/// string, or whose initial value is not a constant, is left alone).
fn set_strings(
    packages: &mut [loader::Package],
    ids: &mut NodeIdGen,
    settings: &[(String, String)],
) {
    use frontend::syntax::ast::{BasicLit, Decl, Expr, ExprKind, GenKind, LitKind, Spec};
    for (full, value) in settings {
        let Some((path, name)) = full.rsplit_once('.') else {
            continue;
        };
        for pkg in packages.iter_mut().filter(|p| p.path == path) {
            for f in &mut pkg.files {
                for d in &mut f.decls {
                    let Decl::Gen(g) = d else { continue };
                    if g.kind != GenKind::Var {
                        continue;
                    }
                    for spec in &mut g.specs {
                        let Spec::Value(vs) = spec else { continue };
                        if vs.names.len() != 1 || vs.names[0].name != name {
                            continue;
                        }
                        let typed_string = vs
                            .ty
                            .as_ref()
                            .is_none_or(|t| t.as_ident() == Some("string"));
                        let constant = match vs.values.as_slice() {
                            [] => vs.ty.is_some(),
                            [v] => matches!(
                                &v.kind,
                                ExprKind::BasicLit(BasicLit {
                                    kind: LitKind::String,
                                    ..
                                })
                            ),
                            _ => false,
                        };
                        if !typed_string || !constant {
                            continue;
                        }
                        let span = vs.names[0].span;
                        vs.values = vec![Expr {
                            id: ids.fresh(),
                            span,
                            kind: ExprKind::BasicLit(BasicLit {
                                kind: LitKind::String,
                                raw: go_string_literal(value),
                                bad: false,
                            }),
                        }];
                    }
                }
            }
        }
    }
}

/// Splits a flag string at spaces, keeping quoted parts whole (as the go
/// command splits `-ldflags`, and cgo its `#cgo` lines).
fn split_words(s: &str) -> Result<Vec<String>, String> {
    ffi::directives::split_quoted(s).map_err(|_| format!("unterminated quote in {s:?}"))
}

fn buildmode_name(m: BuildMode) -> &'static str {
    match m {
        BuildMode::Exe => "exe",
        BuildMode::Pie => "pie",
        BuildMode::CShared => "c-shared",
        BuildMode::CArchive => "c-archive",
    }
}

/// Prints diagnostics as gc does (a `# package` header, then
/// `file:line:col: message` lines), each followed by the source line.
pub(crate) fn report(
    sources: &SourceMap,
    diags: &[diag::Diagnostic],
    package: &str,
    flags: &BuildFlags,
) {
    eprintln!("# {package}");
    eprint!("{}", diag::render(sources, diags, true, error_limit(flags)));
}

/// How many errors are printed: gc's ten, or all of them with
/// `-gcflags=-e`. A `pattern=` prefix (`all=-e`) applies to every package.
fn error_limit(flags: &BuildFlags) -> Option<usize> {
    let words = flags
        .gcflags
        .as_deref()
        .map(|g| {
            let g = match g.split_once('=') {
                Some((pat, rest)) if !pat.starts_with('-') => rest,
                _ => g,
            };
            split_words(g).unwrap_or_default()
        })
        .unwrap_or_default();
    if words
        .iter()
        .any(|w| w == "-e" || w == "-e=true" || w == "-e=1")
    {
        None
    } else {
        Some(diag::ERROR_LIMIT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcflags_error_limit() {
        let with = |g: Option<&str>| {
            let Ok(Cmd::Build { mut flags, .. }) = crate::cli::parse(&["build".to_string()]) else {
                panic!("build must parse");
            };
            flags.gcflags = g.map(str::to_string);
            error_limit(&flags)
        };
        assert_eq!(with(None), Some(diag::ERROR_LIMIT));
        assert_eq!(with(Some("-N -l")), Some(diag::ERROR_LIMIT));
        assert_eq!(with(Some("-e")), None);
        assert_eq!(with(Some("all=-e -N")), None);
    }

    #[test]
    fn ldflags_settings() {
        let l = link_flags(Some("-s -w -X main.version=1.2.3 -X 'main.note=a b'"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.flags, vec!["-s"]);
        assert_eq!(
            l.strings,
            vec![
                ("main.version".to_string(), "1.2.3".to_string()),
                ("main.note".to_string(), "a b".to_string())
            ]
        );
        assert!(link_flags(Some("-X novalue")).is_err());
        assert!(link_flags(Some("-linkmode=internal")).is_err());
        let e = link_flags(Some("-extldflags '-static -lm'")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.flags, vec!["-static", "-lm"]);
    }

    #[test]
    fn string_literals_for_x() {
        assert_eq!(go_string_literal("v1.0"), "`v1.0`");
        assert_eq!(go_string_literal("a`b\\"), "\"a`b\\\\\"");
    }
}
