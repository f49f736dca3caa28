//! cgo support: `import "C"`.
//!
//! Place in the pipeline: after loading, the driver hands each package
//! with cgo files here ([`process`]): each file's preamble (the comment
//! above `import "C"`) and the `C.name`s the file uses. [`directives`]
//! takes out the `#cgo` lines (compiler and linker flags); libclang reads
//! the C declarations and [`bind`] makes the Go declarations for the
//! names, which the driver parses as one more file of the package, and
//! the C wrappers that calls go through; [`compile`] compiles the
//! preambles with the wrappers, and the package's `.c` files, with the
//! system C compiler; [`export`] makes the C functions and the header for
//! the package's `//export` Go functions. Not built yet: C variables as
//! `C.name`.

pub mod bind;
pub mod compile;
pub mod directives;
pub mod export;
pub mod flags;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clang::{Clang, EntityKind, EvaluationResult, Index, Unsaved};

/// One Go file with `import "C"`.
pub struct CgoFile {
    /// The Go file (for `#line` and messages).
    pub go_path: PathBuf,
    /// The preamble text, `#cgo` lines included.
    pub preamble: String,
    /// The 1-based line in the Go file where the preamble's text starts.
    pub preamble_line: u32,
    /// The `C.name`s of the file, in order (repeats allowed).
    pub refs: Vec<String>,
}

/// A package's cgo files.
pub struct Package<'a> {
    pub dir: &'a Path,
    /// The package clause's name.
    pub name: &'a str,
    /// Import path (makes the wrappers' symbols unique in the program).
    pub path: &'a str,
    pub files: Vec<CgoFile>,
    /// The package's own C, C++ (`.cc`, `.cpp`, `.cxx`) and assembly
    /// (`.S`, `.sx`) files, compiled and linked with it.
    pub c_files: Vec<PathBuf>,
    /// Its `//export`ed functions.
    pub exports: Vec<export::Export>,
    /// Built as a library (c-shared, c-archive): the export file starts
    /// the runtime from a constructor, and is made even with no exports.
    pub library: bool,
}

/// What the driver needs from cgo.
pub struct Output {
    /// The generated Go declarations, a file of the package.
    pub go_source: String,
    /// Objects to link.
    pub objects: Vec<PathBuf>,
    /// Linker flags, after the objects.
    pub ldflags: Vec<String>,
    /// `_cgo_export.h`, when made.
    pub header: Option<PathBuf>,
    /// The exported C names.
    pub exported: Vec<String>,
}

/// Why cgo failed.
pub enum Error {
    /// Names that could not be bound: (file index, ref index, message).
    Names(Vec<(usize, usize, String)>),
    /// Anything else, worded for the user (C compiler output included).
    Message(String),
    /// A `#cgo` flag gc does not allow: the message, which gc prints
    /// after the package's path.
    InvalidFlag(String),
}

/// The lines libclang and the compiler see before each preamble (as gc's
/// cgo: `size_t` and `ptrdiff_t` are always known, and `_GoString_`, the
/// C type of an exported function's `string` parameter, with its
/// accessors).
const PROLOG: &str = r#"#line 1 "cgo-builtin-prolog"
#include <stddef.h>

typedef ptrdiff_t intgo;

#define GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; intgo n; } _GoString_;
typedef struct { char *p; intgo n; intgo c; } _GoBytes_;

__attribute__ ((unused))
static size_t _GoStringLen(_GoString_ s) { return (size_t)s.n; }

__attribute__ ((unused))
static const char *_GoStringPtr(_GoString_ s) { return s.p; }
"#;

/// Reads the package's preambles, binds the names its files use and
/// compiles its C. `work` is a directory for generated C and objects.
pub fn process(pkg: &Package, work: &Path, verbose: bool) -> Result<Output, Error> {
    let mut cflags = env_flags("CGO_CFLAGS", "-O2 -g");
    cflags.extend(env_flags("CGO_CPPFLAGS", ""));
    let mut cxxflags = env_flags("CGO_CXXFLAGS", "-O2 -g");
    cxxflags.extend(env_flags("CGO_CPPFLAGS", ""));
    let mut ldflags = Vec::new();
    let mut sources = Vec::new();
    let mut pkg_config = Vec::new();
    // `${SRCDIR}` is the package directory's absolute path.
    let srcdir = std::path::absolute(if pkg.dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        pkg.dir
    })
    .unwrap_or_else(|_| pkg.dir.to_path_buf());
    for f in &pkg.files {
        let p = directives::parse(&f.preamble, &srcdir).map_err(|e| {
            if e.invalid_flag {
                return Error::InvalidFlag(e.message);
            }
            Error::Message(format!(
                "{}:{}: {}",
                f.go_path.display(),
                f.preamble_line as usize + e.line,
                e.message
            ))
        })?;
        cflags.extend(p.cflags);
        cxxflags.extend(p.cxxflags);
        ldflags.extend(p.ldflags);
        pkg_config.extend(p.pkg_config);
        sources.push(p.c_source);
    }
    if !pkg_config.is_empty() {
        let pc = compile::pkg_config(&pkg_config, "--cflags").map_err(Error::Message)?;
        let libs = compile::pkg_config(&pkg_config, "--libs").map_err(Error::Message)?;
        // What pkg-config answers is held to the same rules as `#cgo` lines.
        for (what, flags, linker) in [("--cflags", &pc, false), ("--libs", &libs, true)] {
            if let Some(bad) = flags::first_invalid(flags, linker) {
                return Err(Error::InvalidFlag(format!(
                    "invalid flag in pkg-config {what}: {bad} (see https://go.dev/s/invalidflag)"
                )));
            }
        }
        cxxflags.extend(pc.iter().cloned());
        cflags.extend(pc);
        ldflags.extend(libs);
    }
    ldflags.extend(env_flags("CGO_LDFLAGS", ""));
    let mut cflags_all = cflags.clone();
    // The package directory is on the include path, as gc puts it.
    let dir = if pkg.dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        pkg.dir
    };
    cflags_all.push(format!("-I{}", dir.display()));
    cxxflags.push(format!("-I{}", dir.display()));

    let symbol_prefix: String = pkg
        .path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let clang = Clang::new().map_err(|e| Error::Message(format!("cgo: libclang: {e}")))?;
    let index = Index::new(&clang, false, false);
    let mut b = bind::Bindings::default();
    let mut name_errors = Vec::new();
    let mut units = Vec::new();
    let mut preambles = Vec::new();
    for (fi, f) in pkg.files.iter().enumerate() {
        let text = format!(
            "{PROLOG}#line {} \"{}\"\n{}",
            f.preamble_line,
            f.go_path.display(),
            sources[fi]
        );
        let c_path = work.join(format!("_cgo_{fi}.c"));
        let parse = |text: &str| {
            index
                .parser(&c_path)
                .arguments(&cflags_all)
                .unsaved(&[Unsaved::new(&c_path, text)])
                .detailed_preprocessing_record(true)
                .skip_function_bodies(true)
                .parse()
                .map_err(|e| {
                    Error::Message(format!("cgo: libclang could not parse the preamble: {e}"))
                })
        };
        let tu = parse(&text)?;
        let broken = tu.get_diagnostics().iter().any(|d| {
            matches!(
                d.get_severity(),
                clang::diagnostic::Severity::Error | clang::diagnostic::Severity::Fatal
            )
        });
        if broken {
            // The C compiler's own words, as gc shows them.
            let msg = compile::check_preamble(&text, &cflags_all, &c_path);
            return Err(Error::Message(format!(
                "cgo: \ngcc errors for preamble:\n{msg}"
            )));
        }
        let ix = bind::Index::new(tu.get_entity());
        // Macros: their values through probe variables.
        let mut probes: HashMap<String, (EvaluationResult, bool)> = HashMap::new();
        let macros: Vec<&String> = {
            let mut seen = std::collections::HashSet::new();
            f.refs
                .iter()
                .filter(|n| ix.is_macro(n) && seen.insert(n.as_str()))
                .collect()
        };
        if !macros.is_empty() {
            let mut probe = text.clone();
            probe.push_str("\n#line 1 \"cgo-probe\"\n");
            for m in &macros {
                probe.push_str(&format!(
                    "static const __auto_type __cgo_probe_{m} = {m};\n"
                ));
            }
            let ptu = parse(&probe)?;
            for e in ptu.get_entity().get_children() {
                if e.get_kind() != EntityKind::VarDecl {
                    continue;
                }
                let Some(n) = e.get_name() else { continue };
                if let Some(m) = n.strip_prefix("__cgo_probe_") {
                    if let Some(v) = e.evaluate() {
                        let single = e.get_type().is_some_and(|t| {
                            t.get_canonical_type().get_kind() == clang::TypeKind::Float
                        });
                        probes.insert(m.to_string(), (v, single));
                    }
                }
            }
        }
        // Macros without a value may name a type (`bool` for `_Bool`).
        let untyped: Vec<&String> = macros
            .iter()
            .filter(|m| !probes.contains_key(m.as_str()))
            .copied()
            .collect();
        let type_tu = if untyped.is_empty() {
            None
        } else {
            let mut probe = text.clone();
            probe.push_str("\n#line 1 \"cgo-type-probe\"\n");
            for m in &untyped {
                probe.push_str(&format!("typedef {m} __cgo_type_{m};\n"));
            }
            Some(parse(&probe)?)
        };
        let mut type_macros = HashMap::new();
        for e in type_tu.iter().flat_map(|t| t.get_entity().get_children()) {
            if e.get_kind() != EntityKind::TypedefDecl {
                continue;
            }
            let Some(n) = e.get_name() else { continue };
            if let (Some(m), Some(t)) = (
                n.strip_prefix("__cgo_type_"),
                e.get_typedef_underlying_type(),
            ) {
                type_macros.insert(m.to_string(), t);
            }
        }
        let before = b.c_wrappers.len();
        for (ri, name) in f.refs.iter().enumerate() {
            if let Err(m) = b.bind(name, &ix, &probes, &type_macros, &symbol_prefix) {
                name_errors.push((fi, ri, m));
            }
        }
        let wrappers = b.c_wrappers[before..].to_string();
        preambles.push(format!(
            "#line {} \"{}\"\n{}",
            f.preamble_line,
            f.go_path.display(),
            sources[fi]
        ));
        units.push((c_path, text, wrappers));
    }
    if !name_errors.is_empty() {
        // One message per name, at its first use.
        let mut seen = std::collections::HashSet::new();
        name_errors.retain(|(fi, ri, _)| seen.insert(pkg.files[*fi].refs[*ri].clone()));
        return Err(Error::Names(name_errors));
    }

    let mut objects = Vec::new();
    for (i, (c_path, text, wrappers)) in units.into_iter().enumerate() {
        let mut c = text;
        c.push_str("\n#line 1 \"cgo-generated-wrappers\"\n#include <errno.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nextern void rgo_cgocall(void (*)(void *), void *);\nextern void rgo_cgocheck_arg(size_t);\n");
        if i == 0 {
            // Once: the runtime learns that C is linked in, and the helpers.
            c.push_str(compile::C_INIT);
            if b.c_helpers {
                c.push_str(compile::C_HELPERS);
            }
        }
        c.push_str(&wrappers);
        std::fs::write(&c_path, &c)
            .map_err(|e| Error::Message(format!("cgo: write {}: {e}", c_path.display())))?;
        objects.push(compile::object(&c_path, &cflags_all, work, verbose).map_err(Error::Message)?);
    }
    let mut export_go = String::new();
    let mut header = None;
    if !pkg.exports.is_empty() || pkg.library {
        let mut g = export::generate(&pkg.exports, &preambles, pkg.path, &symbol_prefix);
        if pkg.library {
            g.c_source.push_str(compile::C_LIB_INIT);
        }
        let write = |name: &str, text: &str| {
            let p = work.join(name);
            std::fs::write(&p, text)
                .map_err(|e| Error::Message(format!("cgo: write {}: {e}", p.display())))
                .map(|()| p)
        };
        header = Some(write("_cgo_export.h", &g.header)?);
        let c_path = write("_cgo_export.c", &g.c_source)?;
        // The package's C files include `_cgo_export.h` from here.
        cflags_all.push(format!("-I{}", work.display()));
        cxxflags.push(format!("-I{}", work.display()));
        objects.push(compile::object(&c_path, &cflags_all, work, verbose).map_err(Error::Message)?);
        export_go = g.go_source;
    }
    let mut cplusplus = false;
    for c_file in &pkg.c_files {
        // C++ with its own flags (and the C++ compiler); C and assembly
        // (`.S`, preprocessed) with the C compiler.
        let cxx = compile::is_cplusplus(c_file);
        cplusplus |= cxx;
        let flags = if cxx { &cxxflags } else { &cflags_all };
        objects.push(compile::object(c_file, flags, work, verbose).map_err(Error::Message)?);
    }
    if cplusplus {
        // Linked by the C compiler: the C++ library by name.
        ldflags.push("-lstdc++".into());
    }

    let mut go = if pkg.files.is_empty() {
        // A library with no cgo file: only what the exports need.
        format!(
            "package {}\n\nimport \"unsafe\"\n\nvar _ unsafe.Pointer\n",
            pkg.name
        )
    } else {
        format!(
            "package {}\n\nimport \"unsafe\"\nimport \"syscall\"\n\nvar _ unsafe.Pointer\nvar _ syscall.Errno\n",
            pkg.name
        )
    };
    for d in &b.go_decls {
        go.push('\n');
        go.push_str(d);
        go.push('\n');
    }
    go.push_str(&export_go);
    Ok(Output {
        go_source: go,
        objects,
        ldflags,
        header,
        exported: pkg.exports.iter().map(|e| e.name.clone()).collect(),
    })
}

/// Flags from an environment variable (`CGO_CFLAGS`, ...), with gc's
/// default when it is unset.
fn env_flags(var: &str, default: &str) -> Vec<String> {
    let v = std::env::var(var).unwrap_or_else(|_| default.to_string());
    v.split_whitespace().map(str::to_string).collect()
}
