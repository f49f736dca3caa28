//! Package loading: from the files or directory the user names to the list
//! of parsed packages, dependencies first.
//!
//! Standard-library packages come from the Go distribution's `src/`
//! (`GOROOT`), except those the runtime overlay replaces whole (`rt/go/`,
//! embedded in the `rgo` binary and handed in as an [`Overlay`]). Files are
//! selected by build constraints ([`constraint`]) for linux/amd64.

pub mod constraint;
pub mod embed;
pub mod goroot;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::source::{SourceMap, Span};
use crate::syntax::ast::{self, NodeIdGen};
use crate::syntax::parser;
use constraint::Tags;

/// One package, parsed, ready for the checker.
#[derive(Debug)]
pub struct Package {
    /// Import path: `main` for the program, `fmt`, `unicode/utf8`, ...
    pub path: String,
    /// The package clause's name.
    pub name: String,
    /// Directory the files came from (for `${SRCDIR}` and messages).
    pub dir: PathBuf,
    pub files: Vec<ast::File>,
    /// Import paths this package imports (deduplicated, excluding "C" and
    /// "unsafe"), all of which come earlier in the loaded list.
    pub imports: Vec<String>,
    /// From the runtime overlay rather than GOROOT: body-less functions
    /// with `//rgo:extern` are allowed.
    pub overlay: bool,
    /// Errors found while parsing that do not stop the build before type
    /// checking (bad literals, misplaced labels, ...), as with gc: they are
    /// reported together with the checker's.
    pub errors: Vec<Diagnostic>,
    /// The files `//go:embed` puts in package-level variables.
    pub embeds: Vec<embed::Embed>,
}

/// Packages replacing GOROOT's: import path → (file name, source text).
#[derive(Debug, Default)]
pub struct Overlay {
    pub packages: BTreeMap<String, Vec<(String, String)>>,
}

/// Where to find packages and which files to take.
#[derive(Debug)]
pub struct Config<'a> {
    pub goroot: PathBuf,
    pub overlay: &'a Overlay,
    pub tags: Tags,
}

/// What the user asked to build.
#[derive(Debug)]
pub enum Target {
    /// `rgo build a.go b.go`: these files, one package.
    Files(Vec<PathBuf>),
    /// `rgo build dir`: the package in a directory.
    Dir(PathBuf),
}

/// Why loading failed: diagnostics with positions, or a plain message when
/// there is no source position to point at (a missing file or directory).
#[derive(Debug)]
pub enum LoadError {
    Diagnostics(Vec<Diagnostic>),
    Message(String),
}

/// Loads the target and everything it imports, dependencies first (the
/// target last).
pub fn load(
    sources: &mut SourceMap,
    ids: &mut NodeIdGen,
    cfg: &Config,
    target: &Target,
) -> Result<Vec<Package>, LoadError> {
    let mut loader = Loader {
        sources,
        ids,
        cfg,
        done: Vec::new(),
        state: HashMap::new(),
        diags: Vec::new(),
    };
    let main = loader.target(target)?;
    loader.visit(main)?;
    if !loader.diags.is_empty() {
        return Err(LoadError::Diagnostics(loader.diags));
    }
    Ok(loader.done)
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    InProgress,
    Done,
}

struct Loader<'a, 'c> {
    sources: &'a mut SourceMap,
    ids: &'a mut NodeIdGen,
    cfg: &'a Config<'c>,
    done: Vec<Package>,
    state: HashMap<String, State>,
    diags: Vec<Diagnostic>,
}

impl Loader<'_, '_> {
    fn target(&mut self, target: &Target) -> Result<Package, LoadError> {
        let (dir, paths) = match target {
            Target::Files(files) => {
                for f in files {
                    if !f.is_file() {
                        return Err(LoadError::Message(format!(
                            "open {}: no such file or directory",
                            f.display()
                        )));
                    }
                }
                let dir = files
                    .first()
                    .and_then(|f| f.parent())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (dir, files.clone())
            }
            Target::Dir(dir) => {
                let entries = std::fs::read_dir(dir).map_err(|e| {
                    LoadError::Message(format!("cannot read directory {}: {e}", dir.display()))
                })?;
                let mut paths: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| self.cfg.tags.file_name_ok(n))
                    })
                    .collect();
                paths.sort();
                if paths.is_empty() {
                    return Err(LoadError::Message(format!(
                        "no Go files in {}",
                        dir.display()
                    )));
                }
                (dir.clone(), paths)
            }
        };
        let mut texts = Vec::new();
        for p in &paths {
            let bytes = std::fs::read(p)
                .map_err(|e| LoadError::Message(format!("open {}: {e}", p.display())))?;
            texts.push((
                display_name(p),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
        // Files named explicitly are all compiled, whatever their name says;
        // only `//go:build` lines still apply in a directory.
        let explicit = matches!(target, Target::Files(_));
        self.parse_package("main", dir, texts, explicit, false)
    }

    /// Parses a package's files, keeping those its build constraints allow.
    fn parse_package(
        &mut self,
        path: &str,
        dir: PathBuf,
        texts: Vec<(String, String)>,
        explicit: bool,
        overlay: bool,
    ) -> Result<Package, LoadError> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in texts {
            let id = self.sources.add(name, text);
            let (file, errs) = parser::parse_file(self.sources, id, self.ids);
            // gc stops before type checking only for syntax errors (and the
            // go command before that for a missing package clause).
            if errs.iter().any(|d| {
                d.message.starts_with("syntax error") || d.message.starts_with("expected 'package'")
            }) {
                self.diags.extend(errs);
                continue;
            }
            if !explicit && !self.constraints_ok(&file) {
                continue;
            }
            // `import "C"` implies the `cgo` constraint: only the program's
            // own files use it, and none when CGO_ENABLED=0.
            if file.imports_c() && (path != "main" || !cgo_enabled()) {
                continue;
            }
            errors.extend(errs);
            files.push(file);
        }
        if !self.diags.is_empty() {
            return Err(LoadError::Diagnostics(std::mem::take(&mut self.diags)));
        }
        let Some(first) = files.first() else {
            return Err(LoadError::Message(format!(
                "build constraints exclude all Go files in {}",
                dir.display()
            )));
        };
        let name = first.package.name.clone();
        for f in &files[1..] {
            if f.package.name != name {
                let first_name = self.sources.file(first.file).name.clone();
                let this_name = self.sources.file(f.file).name.clone();
                return Err(LoadError::Message(format!(
                    "found packages {name} ({first_name}) and {} ({this_name}) in {}",
                    f.package.name,
                    dir.display()
                )));
            }
        }
        let mut imports: Vec<String> = Vec::new();
        for f in &files {
            // The declarations cgo generates use `syscall.Errno`.
            if f.imports_c() && !imports.iter().any(|i| i == "syscall") {
                imports.push("syscall".to_string());
            }
            for imp in &f.imports {
                if imp.path != "C" && imp.path != "unsafe" && !imports.contains(&imp.path) {
                    imports.push(imp.path.clone());
                }
            }
        }
        let (embeds, embed_errs) = embed::collect(&dir, &files);
        errors.extend(embed_errs);
        Ok(Package {
            path: path.to_string(),
            name,
            dir,
            files,
            imports,
            overlay,
            errors,
            embeds,
        })
    }

    fn constraints_ok(&self, file: &ast::File) -> bool {
        file.build_constraints
            .iter()
            .filter(|d| d.name() == "go:build")
            .all(|d| {
                let expr = d.text.trim_start_matches("go:build");
                self.cfg.tags.eval(expr).unwrap_or(false)
            })
    }

    /// Loads `pkg`'s imports (depth first), then records `pkg`.
    fn visit(&mut self, pkg: Package) -> Result<(), LoadError> {
        self.state.insert(pkg.path.clone(), State::InProgress);
        let mut bad_path = false;
        for file in &pkg.files {
            for imp in &file.imports {
                if imp.path == "C" && !matches!(self.state.get("syscall"), Some(State::Done)) {
                    // Loaded for the declarations cgo generates.
                    if let Some(dep) = self.find("syscall", imp.path_span)? {
                        self.visit(dep)?;
                    }
                    continue;
                }
                if imp.path == "C" || imp.path == "unsafe" {
                    continue;
                }
                if let Some(msg) = import_path_error(&pkg.path, &imp.path) {
                    // The go command stops reading a package's imports at
                    // the first invalid path.
                    if !(bad_path && msg.starts_with("invalid import path")) {
                        bad_path |= msg.starts_with("invalid import path");
                        self.diags.push(Diagnostic::error(imp.path_span, msg));
                    }
                    continue;
                }
                match self.state.get(&imp.path) {
                    Some(State::Done) => continue,
                    Some(State::InProgress) => {
                        self.diags.push(Diagnostic::error(
                            imp.path_span,
                            format!("import cycle not allowed: {}", imp.path),
                        ));
                        continue;
                    }
                    None => {}
                }
                match self.find(&imp.path, imp.path_span)? {
                    Some(dep) => self.visit(dep)?,
                    None => continue,
                }
            }
        }
        self.state.insert(pkg.path.clone(), State::Done);
        self.done.push(pkg);
        Ok(())
    }

    /// Finds a package by import path: the overlay first, then GOROOT.
    /// `None` after recording a diagnostic when it does not exist.
    fn find(&mut self, path: &str, at: Span) -> Result<Option<Package>, LoadError> {
        if let Some(files) = self.cfg.overlay.packages.get(path) {
            let texts = files
                .iter()
                .filter(|(n, _)| self.cfg.tags.file_name_ok(n))
                .map(|(n, t)| (format!("$RGO/go/{path}/{n}"), t.clone()))
                .collect();
            let dir = PathBuf::from(format!("$RGO/go/{path}"));
            return self.parse_package(path, dir, texts, false, true).map(Some);
        }
        let dir = self.cfg.goroot.join("src").join(path);
        let first = path.split('/').next().unwrap_or("");
        if first.contains('.') || !dir.is_dir() {
            let msg = if first.contains('.') {
                format!("package {path} is not in std; modules are not supported yet")
            } else {
                format!("package {path} is not in std ({})", dir.display())
            };
            self.diags.push(Diagnostic::error(at, msg));
            return Ok(None);
        }
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| LoadError::Message(format!("cannot read {}: {e}", dir.display())))?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| self.cfg.tags.file_name_ok(n))
            .collect();
        names.sort();
        let mut texts = Vec::new();
        for n in names {
            let p = dir.join(&n);
            let text = std::fs::read_to_string(&p)
                .map_err(|e| LoadError::Message(format!("open {}: {e}", p.display())))?;
            texts.push((p.display().to_string(), text));
        }
        self.parse_package(path, dir, texts, false, false).map(Some)
    }
}

/// What the go command says of an import path it cannot accept in a
/// package with path `importer`, if anything.
fn import_path_error(importer: &str, path: &str) -> Option<String> {
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    let invalid = path.is_empty()
        || path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || ILLEGAL.contains(c));
    if invalid {
        return Some(format!("invalid import path: {path}"));
    }
    if path == "." || path == ".." || path.starts_with("./") || path.starts_with("../") {
        return Some(format!(
            "{path:?} is relative, but relative import paths are not supported in module mode"
        ));
    }
    let ok = |c: char| c.is_ascii_alphanumeric() || "-._~/+".contains(c);
    if let Some(c) = path.chars().find(|&c| !ok(c)) {
        return Some(format!(
            "malformed import path {path:?}: invalid char '{c}'"
        ));
    }
    // An `internal` package is for the tree rooted at its parent; the
    // program's own package is outside the standard library's.
    if importer == "main" && path.split('/').any(|e| e == "internal") {
        return Some(format!("use of internal package {path} not allowed"));
    }
    None
}

/// How gc names a file given on the command line in messages: relative
/// paths get a `./` prefix.
fn display_name(p: &Path) -> String {
    let s = p.display().to_string();
    if p.is_absolute() || s.starts_with("./") || s.starts_with("../") {
        s
    } else {
        format!("./{s}")
    }
}

/// Whether cgo is on: `CGO_ENABLED` is not `0`.
pub fn cgo_enabled() -> bool {
    std::env::var("CGO_ENABLED").map_or(true, |v| v != "0")
}
