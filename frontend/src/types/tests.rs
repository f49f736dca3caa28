//! Checker tests as data: Go programs and the diagnostics gc gives for them
//! (verified with go1.27.3), as `line:col: message` lines.

use crate::diag::Diagnostic;
use crate::loader::Package;
use crate::source::SourceMap;
use crate::syntax::{parse_file, NodeIdGen};

/// A minimal `fmt` overlay, as the runtime overlay provides it.
pub(crate) const FMT_OVERLAY: &str = r#"package fmt

//rgo:extern rgo_fmt_println
func Println(a ...any) (n int, err error)

//rgo:extern rgo_fmt_printf
func Printf(format string, a ...any) (n int, err error)

//rgo:extern rgo_fmt_sprintf
func Sprintf(format string, a ...any) string

//rgo:extern rgo_fmt_sprint
func Sprint(a ...any) string

//rgo:extern rgo_fmt_print
func Print(a ...any) (n int, err error)

//rgo:extern rgo_fmt_errorf
func Errorf(format string, a ...any) error

type Stringer interface {
	String() string
}
"#;

/// Parses `main` (and the fmt overlay) into loader packages.
pub(crate) fn load(sources: &mut SourceMap, main: &str) -> Result<Vec<Package>, Vec<Diagnostic>> {
    let mut ids = NodeIdGen::new();
    let fmt_id = sources.add("fmt.go", FMT_OVERLAY);
    let main_id = sources.add("main.go", main);
    let (fmt_file, d1) = parse_file(sources, fmt_id, &mut ids);
    let (main_file, d2) = parse_file(sources, main_id, &mut ids);
    let mut diags = d1;
    diags.extend(d2);
    if diags.iter().any(|d| d.message.starts_with("syntax error")) {
        return Err(diags);
    }
    let soft = diags;
    let imports_fmt = main_file.imports.iter().any(|i| i.path == "fmt");
    let mut pkgs = Vec::new();
    if imports_fmt {
        pkgs.push(Package {
            path: "fmt".into(),
            name: "fmt".into(),
            dir: "fmt".into(),
            files: vec![fmt_file],
            imports: Vec::new(),
            overlay: true,
            errors: Vec::new(),
            embeds: Vec::new(),
        });
    }
    let name = main_file.package.name.clone();
    pkgs.push(Package {
        path: "main".into(),
        name,
        dir: ".".into(),
        files: vec![main_file],
        imports: if imports_fmt {
            vec!["fmt".into()]
        } else {
            Vec::new()
        },
        overlay: false,
        errors: soft,
        embeds: Vec::new(),
    });
    Ok(pkgs)
}

/// The checker's diagnostics for a program, as sorted `line:col: message`.
fn check(src: &str) -> Vec<String> {
    let mut sources = SourceMap::new();
    let pkgs = match load(&mut sources, src) {
        Ok(p) => p,
        Err(d) => {
            return d
                .iter()
                .map(|d| format!("syntax: {}", d.one_line(&sources)))
                .collect()
        }
    };
    let mut diags = match super::check_packages(&sources, &pkgs) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    };
    diags.sort_by_key(|d| (d.span.file, d.span.lo));
    diags
        .iter()
        .map(|d| {
            let p = sources.position(d.span);
            format!("{}:{}: {}", p.line, p.col, d.message)
        })
        .collect()
}

fn expect(src: &str, want: &[&str]) {
    let got = check(src);
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "\nprogram:\n{src}");
}

#[test]
fn hello_world_checks() {
    expect(
        r#"package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
"#,
        &[],
    );
}

/// (program, expected diagnostics).
const ERROR_CASES: &[(&str, &[&str])] = &[
    (
        r#"package main

import "fmt"

func main() {
	x := 1
	var y int8 = 300
}
"#,
        &[
            "3:8: \"fmt\" imported and not used",
            "6:2: declared and not used: x",
            "7:6: declared and not used: y",
            "7:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)",
        ],
    ),
    (
        r#"package main

func f(a int, b string) {}

func main() {
	f()
	f(1)
	f(1, "a", 3)
	var x int = "s"
	_ = x + "a"
	_ = 1 / 0
	var b byte = 255 + 1
	_ = byte(256)
	_ = b
}
"#,
        &[
            "6:2: not enough arguments in call to f\n\thave ()\n\twant (int, string)",
            "7:4: not enough arguments in call to f\n\thave (number)\n\twant (int, string)",
            "8:12: too many arguments in call to f\n\thave (number, string, number)\n\twant (int, string)",
            "9:14: cannot use \"s\" (untyped string constant) as int value in variable declaration",
            "10:6: invalid operation: x + \"a\" (mismatched types int and untyped string)",
            "11:10: invalid operation: division by zero",
            "12:15: cannot use 255 + 1 (untyped int constant 256) as byte value in variable declaration (overflows)",
            "13:11: constant 256 overflows byte",
        ],
    ),
    (
        r#"package main

var x int
var y x
var a [x]int
var b [1.5]int
var c [-1]int
var d map[[]int]int

type S struct {
	a int
	a string
}
type I interface {
	M()
	M()
}
type J interface{ *int }

var e J

func main() { _ = e }
"#,
        &[
            "4:7: x (package-level variable) is not a type",
            "5:8: invalid array length x",
            "6:8: array length 1.5 (untyped float constant) must be integer",
            "7:8: invalid array length -1 (untyped int constant)",
            "8:11: invalid map key type []int",
            "12:2: a redeclared\n\tmain.go:11:2: other declaration of a",
            "16:2: duplicate method M\n\tmain.go:15:2: other declaration of method M",
            "20:7: cannot use type J outside a type constraint: interface contains type constraints",
        ],
    ),
    (
        r#"package main

var a = b
var b = a

type T struct{ t T }
type A B
type B A
type U struct{ v V }
type V struct{ u U }

const c = d
const d = c

func main() {}
"#,
        &[
            "3:5: initialization cycle for a\n\tmain.go:3:5: a refers to b\n\tmain.go:4:5: b refers to a",
            "6:6: invalid recursive type: T refers to itself",
            "7:6: invalid recursive type A\n\tmain.go:7:6: A refers to B\n\tmain.go:8:6: B refers to A",
            "9:6: invalid recursive type U\n\tmain.go:9:6: U refers to V\n\tmain.go:10:6: V refers to U",
            "12:7: initialization cycle for c\n\tmain.go:12:7: c refers to d\n\tmain.go:13:7: d refers to c",
        ],
    ),
    (
        r#"package main

func g()

func main() {}
"#,
        &["3:6: missing function body"],
    ),
];

/// Generic code gc (go1.27.3) accepts: inference through generic function
/// arguments and assignment targets, untyped constants joined with an
/// argument's type parameter, channel core types, receivers through a
/// pointer alias, instance-defined types, self-referential constraints.
const VALID_GENERIC: &str = r#"package main

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func Itoa[T ~int](x T) string { return "n" }
func Double[T any](x T) []T  { return []T{x, x} }

func apply[P any](f func(P) string, x P) string { return f(x) }
func pair[P, Q any](p P, q Q) (P, Q)             { return p, q }
func id[T any](x T) T                            { return x }

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type Foo[P any] struct{ _ *Bar[P] }
type Bar[Q any] Foo[Q]

func (v *Bar[R]) M() { _ = (*Foo[R])(v) }

type Node[T interface{ Less(T) bool }] struct{ v T }

type myInt int

func (a myInt) Less(b myInt) bool { return a < b }

type T struct{}
type PT = *T

func (PT) m() {}

func recv[C interface{ chan int | <-chan int }](c C) int {
	for v := range c {
		return v
	}
	return <-c
}

func cp[T ~[]byte | ~string](dst []byte, src T) int { return copy(dst, src) }

func keys[M ~map[K]V, K comparable, V any](m M) []K {
	var r []K
	for k := range m {
		r = append(r, k)
	}
	return r
}

type Eq[T any] interface{ Equal(T) bool }

func eqAll[T Eq[T]](xs []T, y T) bool {
	for _, x := range xs {
		if !x.Equal(y) {
			return false
		}
	}
	return true
}

type P struct{ x int }

func (p P) Equal(q P) bool { return p.x == q.x }

func main() {
	_ = Map([]int{1, 2}, Itoa[int])
	_ = Map([]int{1, 2}, Double)
	_ = apply(Itoa, 3)
	var f func(int) string = Itoa
	var g func(string) []string = Double
	_, _ = f, g
	_, _ = pair(1, "a")
	_ = id(id[int])(2)
	_ = Sum(1, 2, 3)
	_ = Sum(1.5, 2)
	var s Stack[string]
	s.Push("x")
	_, _ = s.Pop()
	_ = Node[myInt]{v: 1}
	(&T{}).m()
	ch := make(chan int, 1)
	ch <- 1
	_ = recv(ch)
	_ = cp(make([]byte, 2), "hi")
	_ = keys(map[string]int{"a": 1})
	_ = eqAll([]P{{1}}, P{1})
}
"#;

#[test]
fn valid_generic_program_checks() {
    expect(VALID_GENERIC, &[]);
}

#[test]
fn error_cases() {
    let mut failures = Vec::new();
    for (src, want) in ERROR_CASES {
        let got = check(src);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!(
                "program:\n{src}\nwant:\n{}\ngot:\n{}\n",
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n----\n"));
}

/// The repository root (for the test suite's programs and the overlay).
fn repo_root() -> std::path::PathBuf {
    if let Some(r) = std::env::var_os("RGO_ROOT") {
        return r.into();
    }
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The runtime overlay read from `rt/go/`.
fn overlay_from_disk(root: &std::path::Path) -> crate::loader::Overlay {
    let mut ov = crate::loader::Overlay::default();
    let dir = root.join("rt").join("go");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return ov;
    };
    let mut pkgs: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    pkgs.sort();
    for p in pkgs {
        let Some(name) = p.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
            continue;
        };
        let Ok(files) = std::fs::read_dir(&p) else {
            continue;
        };
        let mut list: Vec<(String, String)> = Vec::new();
        for f in files.filter_map(|e| e.ok().map(|e| e.path())) {
            if f.extension().and_then(|x| x.to_str()) == Some("go") {
                let text = std::fs::read_to_string(&f).unwrap_or_default();
                let fname = f
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("x.go")
                    .to_string();
                list.push((fname, text));
            }
        }
        list.sort();
        if !list.is_empty() {
            ov.packages.insert(name, list);
        }
    }
    ov
}

/// Loads a program (file or directory) with the real loader and checks
/// it; `Err` holds load errors.
fn check_path(
    path: &std::path::Path,
    overlay: &crate::loader::Overlay,
) -> Result<Vec<String>, String> {
    check_path_limit(path, overlay, true)
}

/// As [`check_path`]; without `limit`, all diagnostics (no `too many
/// errors`).
fn check_path_limit(
    path: &std::path::Path,
    overlay: &crate::loader::Overlay,
    limit: bool,
) -> Result<Vec<String>, String> {
    use crate::loader::{self, constraint::Tags, goroot, LoadError, Target};
    let root = goroot::find()?;
    let cfg = loader::Config {
        goroot: root.dir.clone(),
        overlay,
        tags: Tags::linux_amd64(root.minor(), false),
    };
    let mut sources = SourceMap::new();
    let mut ids = NodeIdGen::new();
    let target = if path.is_dir() {
        Target::Dir(path.to_path_buf())
    } else {
        Target::Files(vec![path.to_path_buf()])
    };
    let pkgs = match loader::load(&mut sources, &mut ids, &cfg, &target) {
        Ok(p) => p,
        Err(LoadError::Message(m)) => return Err(m),
        Err(LoadError::Diagnostics(d)) => {
            return Err(d
                .iter()
                .map(|d| d.one_line(&sources))
                .collect::<Vec<_>>()
                .join("\n"))
        }
    };
    // Printed as the driver prints them (in gc's order).
    let diags = match super::check_packages(&sources, &pkgs) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    };
    // One line per line of output, file names without directories, as the
    // suite's snapshots show them.
    let base = |l: &str| -> String {
        let (tab, rest) = match l.strip_prefix('\t') {
            Some(r) => ("\t", r),
            None => ("", l),
        };
        match rest.find(".go:") {
            Some(g) => {
                let path = &rest[..g + 3];
                let name = path.rsplit('/').next().unwrap_or(path);
                format!("{tab}{name}{}", &rest[g + 3..])
            }
            None => l.to_string(),
        }
    };
    let limit = limit.then_some(crate::diag::ERROR_LIMIT);
    Ok(crate::diag::render(&sources, &diags, false, limit)
        .lines()
        .map(base)
        .collect())
}

/// The expected diagnostics of an error case, from its snapshot.
fn expected_diagnostics(snapshot: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut on = false;
    for line in snapshot.lines() {
        if line.starts_with("---- diagnostics") {
            on = true;
            continue;
        }
        if line.starts_with("----") {
            on = false;
        }
        if on && !line.is_empty() {
            out.push(line.to_string());
        }
    }
    out
}

/// Whether a diagnostic is about a name missing from an overlay package
/// (`undefined: io.SeekStart`, `x.Format undefined (type time.Time ...`).
fn is_overlay_gap(line: &str, overlay: &crate::loader::Overlay) -> bool {
    if line.ends_with(": too many errors") {
        return true;
    }
    overlay.packages.keys().any(|p| {
        let name = p.rsplit('/').next().unwrap_or(p);
        line.contains(&format!("undefined: {name}."))
            || line.contains(&format!("(type {name}."))
            || line.contains(&format!("(type *{name}."))
    })
}

/// Runs the checker over the end-to-end suite: programs must check
/// without errors; error cases must give gc's diagnostics (syntax errors
/// are the parser's and are skipped here).
#[test]
fn testsuite_programs_and_errors() {
    let root = repo_root();
    let suite = root.join("testsuite");
    if !suite.join("programs").is_dir() || crate::loader::goroot::find().is_err() {
        return;
    }
    // RGO_NO_OVERLAY=1 checks against the real standard library (while
    // the overlay is incomplete).
    let overlay = if std::env::var_os("RGO_NO_OVERLAY").is_some() {
        crate::loader::Overlay::default()
    } else {
        overlay_from_disk(&root)
    };
    let mut failures = Vec::new();
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(suite.join("programs"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    // cgo cases need their `C.name` declarations, which the driver makes
    // (with libclang, outside the front end): the suite covers them.
    let cgo = |p: &std::path::Path| p.to_string_lossy().contains("_cgo_");
    entries.retain(|p| !cgo(p));
    for p in entries {
        match check_path(&p, &overlay) {
            Ok(d) if d.is_empty() => {}
            Ok(d) => {
                // Names the runtime overlay does not provide yet are its
                // gaps, not the checker's.
                let real: Vec<&String> =
                    d.iter().filter(|l| !is_overlay_gap(l, &overlay)).collect();
                if real.is_empty() {
                    eprintln!("{}: overlay gaps:\n{}", p.display(), d.join("\n"));
                } else {
                    failures.push(format!(
                        "{}: unexpected errors:\n{}",
                        p.display(),
                        d.join("\n")
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: load failed: {e}", p.display())),
        }
    }
    let mut errs: Vec<std::path::PathBuf> = std::fs::read_dir(suite.join("errors"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    errs.sort();
    errs.retain(|p| !cgo(p));
    for p in errs {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let snap = suite
            .join("tests")
            .join("snapshots")
            .join(format!("diag__{stem}.snap"));
        let Ok(text) = std::fs::read_to_string(&snap) else {
            continue;
        };
        let want = expected_diagnostics(&text);
        match check_path(&p, &overlay) {
            Ok(got) => {
                // Positions inside messages name the directory as the
                // snapshots do.
                let dir = p.parent().map(|d| format!("{}/", d.display()));
                let got: Vec<String> = match dir {
                    Some(d) => got.iter().map(|l| l.replace(&d, "$WORK/")).collect(),
                    None => got,
                };
                // A dependency the runtime overlay does not complete yet
                // stops checking before the program: not the checker's.
                let file = format!("{stem}.go:");
                if !got.is_empty()
                    && got
                        .iter()
                        .all(|l| !l.starts_with(&file) && is_overlay_gap(l, &overlay))
                {
                    eprintln!("{}: overlay gaps:\n{}", p.display(), got.join("\n"));
                } else if got != want {
                    failures.push(format!(
                        "{}:\nwant:\n{}\ngot:\n{}",
                        p.display(),
                        want.join("\n"),
                        got.join("\n")
                    ));
                }
            }
            Err(_) => {
                // Syntax errors: the parser's business.
            }
        }
    }
    if !failures.is_empty() {
        let report = failures.join("\n----\n");
        if std::env::var_os("RGO_SUITE_REPORT").is_some() {
            println!("{report}");
        }
        panic!("{} failures:\n{report}", failures.len());
    }
}

/// A development aid: checks every `.go` file in `$RGO_CHECK_DIR` and
/// prints the diagnostics in the suite's form (`== name` before each).
#[test]
#[ignore]
fn check_dir_from_env() {
    let Some(dir) = std::env::var_os("RGO_CHECK_DIR") else {
        return;
    };
    let overlay = if std::env::var_os("RGO_NO_OVERLAY").is_some() {
        crate::loader::Overlay::default()
    } else {
        overlay_from_disk(&repo_root())
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        if f.extension().and_then(|e| e.to_str()) != Some("go") {
            continue;
        }
        println!(
            "== {}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        match check_path(&f, &overlay) {
            Ok(lines) => {
                for l in lines {
                    println!("{l}");
                }
            }
            Err(e) => println!("LOAD: {e}"),
        }
    }
}

/// The variables initialised by each initialiser of package `main`, in
/// order, by name.
fn init_order(src: &str) -> Vec<Vec<String>> {
    let mut sources = SourceMap::new();
    let Ok(pkgs) = load(&mut sources, src) else {
        return Vec::new();
    };
    let Ok(ck) = super::check_packages(&sources, &pkgs) else {
        return Vec::new();
    };
    let Some(&main) = ck.pkg_of_index.last() else {
        return Vec::new();
    };
    ck.pkgs[main.0 as usize]
        .init_order
        .iter()
        .map(|i| {
            i.lhs
                .iter()
                .map(|o| {
                    o.map(|o| ck.obj(o).name.clone())
                        .unwrap_or_else(|| "_".into())
                })
                .collect()
        })
        .collect()
}

#[test]
fn initialisation_order_follows_dependencies() {
    let got = init_order(
        r#"package main

var a = b + 1
var b = f()
var x, y = g()
var c = 2
var _ = a

func f() int { return c + y }
func g() (int, int) { return 1, 2 }

func main() {}
"#,
    );
    let want: Vec<Vec<String>> = vec![vec!["x", "y"], vec!["c"], vec!["b"], vec!["a"], vec!["_"]]
        .into_iter()
        .map(|v| v.into_iter().map(String::from).collect())
        .collect();
    assert_eq!(got, want);
}

/// A development aid: checks the GOROOT packages named in
/// `$RGO_CHECK_PKGS` (space-separated import paths) as if each were the
/// program, printing the diagnostics.
#[test]
#[ignore]
fn check_goroot_packages_from_env() {
    let Some(list) = std::env::var_os("RGO_CHECK_PKGS") else {
        return;
    };
    let Ok(root) = crate::loader::goroot::find() else {
        return;
    };
    let overlay = if std::env::var_os("RGO_NO_OVERLAY").is_some() {
        crate::loader::Overlay::default()
    } else {
        overlay_from_disk(&repo_root())
    };
    for p in list.to_string_lossy().split_whitespace() {
        println!("== {p}");
        let dir = root.dir.join("src").join(p);
        match check_path(&dir, &overlay) {
            Ok(lines) => {
                for l in lines {
                    println!("{l}");
                }
            }
            Err(e) => println!("LOAD: {e}"),
        }
    }
}

/// Cases checked against gc (go1.27.3): (program, diagnostics).
const GC_CASES: &[(&str, &[&str])] = &[
    // c01.go
    (
        r#"package main

func main() {
	x := y
	z.foo()
	var s struct{ a int }
	_ = s.b
	s.m()
	_ = x
}
"#,
        &[
            r#"4:7: undefined: y"#,
            r#"5:2: undefined: z"#,
            r#"7:8: s.b undefined (type struct{a int} has no field or method b)"#,
            r#"8:4: s.m undefined (type struct{a int} has no field or method m)"#,
        ],
    ),
    // c02.go
    (
        r#"package main

func f() (int, int) { return 1, 2 }
func g() {}

func main() {
	a, b, c := f()
	var d int = f()
	x := g()
	e, h := 1
	_, _, _, _, _, _ = a, b, c, d, e, h
	_ = x
}
"#,
        &[
            r#"7:13: assignment mismatch: 3 variables but f returns 2 values"#,
            r#"8:14: multiple-value f() (value of type (int, int)) in single-value context"#,
            r#"9:7: g() (no value) used as value"#,
            r#"10:10: assignment mismatch: 2 variables but 1 value"#,
        ],
    ),
    // c03.go
    (
        r#"package main

func f(s string) int { return len(s) }

func g() (int, string) {
	return "a", 1
}

func h() int {
	return
}

func k() {
	return 1
}

func main() {
	f(1)
	_ = g
	_ = h
	_ = k
}
"#,
        &[
            r#"6:9: cannot use "a" (untyped string constant) as int value in return statement"#,
            r#"6:14: cannot use 1 (untyped int constant) as string value in return statement"#,
            r#"10:2: not enough return values
	have ()
	want (int)"#,
            r#"14:9: too many return values
	have (number)
	want ()"#,
            r#"18:4: cannot use 1 (untyped int constant) as string value in argument to f"#,
        ],
    ),
    // c04.go
    (
        r#"package main

func a(x int) int {
	if x > 0 {
		return 1
	}
}

func b(x int) int {
	for {
		if x > 0 {
			break
		}
	}
}

func c(x int) int {
	switch x {
	case 1:
		return 1
	default:
		return 2
	}
}

func d(x int) int {
	for {
	}
}

func e(x int) int {
	panic("x")
}

func main() {}
"#,
        &[r#"7:1: missing return"#, r#"15:1: missing return"#],
    ),
    // c06.go
    (
        r#"package main

func main() {
	if 1 {
	}
	for "x" {
	}
	x := 1
	if x {
	}
}
"#,
        &[
            r#"4:5: non-boolean condition in if statement"#,
            r#"6:6: non-boolean condition in for statement"#,
            r#"9:5: non-boolean condition in if statement"#,
        ],
    ),
    // c07.go
    (
        r#"package main

func main() {
	s := "a"
	_ = s * 2
	_ = true + false
	a := []int{1}
	b := []int{1}
	_ = a == b
	m := map[int]int{}
	_ = m == m
	f := func() {}
	_ = f == f
	_ = true < false
	_ = a == nil
	var p *int
	_ = p < p
}
"#,
        &[
            r#"5:6: invalid operation: s * 2 (mismatched types string and untyped int)"#,
            r#"6:6: invalid operation: operator + not defined on true (untyped bool constant)"#,
            r#"9:6: invalid operation: a == b (slice can only be compared to nil)"#,
            r#"11:6: invalid operation: m == m (map can only be compared to nil)"#,
            r#"13:6: invalid operation: f == f (func can only be compared to nil)"#,
            r#"14:6: invalid operation: true < false (operator < not defined on untyped bool)"#,
            r#"17:6: invalid operation: p < p (operator < not defined on pointer)"#,
        ],
    ),
    // c08.go
    (
        r#"package main

func main() {
	_ = int8(200)
	_ = uint(-1)
	var x int = 1 << 64
	var f float64 = 1.5
	var i int = 2.5
	const c = 10 / 0
	const d = 1.0 / 0.0
	_, _, _ = x, f, i
}
"#,
        &[
            r#"4:11: constant 200 overflows int8"#,
            r#"5:11: constant -1 overflows uint"#,
            r#"6:14: cannot use 1 << 64 (untyped int constant 18446744073709551616) as int value in variable declaration (overflows)"#,
            r#"8:14: cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)"#,
            r#"9:17: invalid operation: division by zero"#,
            r#"10:18: invalid operation: division by zero"#,
        ],
    ),
    // c09.go
    (
        r#"package main

func main() {
	var s uint = 2
	_ = 1.5 << s
	_ = 1 << -1
	x := 2.5
	_ = x << 1
	_ = 1 << 1.5
	var f float64 = 1 << s
	_ = f
}
"#,
        &[
            r#"5:6: invalid operation: shifted operand 1.5 (untyped float constant) must be integer"#,
            r#"6:11: invalid operation: negative shift count -1 (untyped int constant)"#,
            r#"8:6: invalid operation: shifted operand x (variable of type float64) must be integer"#,
            r#"9:11: 1.5 (untyped float constant) truncated to uint"#,
            r#"10:18: invalid operation: shifted operand 1 (type float64) must be integer"#,
        ],
    ),
    // c10.go
    (
        r#"package main

type I interface{ M() }
type T struct{}

func (t *T) M() {}

type U struct{}

func (u U) M(x int) {}

type V struct{}

func main() {
	var i I = T{}
	var j I = U{}
	var k I = V{}
	_, _, _ = i, j, k
}
"#,
        &[
            r#"15:12: cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)"#,
            r#"16:12: cannot use U{} (value of struct type U) as I value in variable declaration: U does not implement I (wrong type for method M)
		have M(int)
		want M()"#,
            r#"17:12: cannot use V{} (value of struct type V) as I value in variable declaration: V does not implement I (missing method M)"#,
        ],
    ),
    // c11.go
    (
        r#"package main

type T struct{}

func main() {
	x := 1
	_ = x.(int)
	var i interface{ M() }
	_ = i.(T)
	_ = i.(string)
}
"#,
        &[
            r#"7:6: invalid operation: x (variable of type int) is not an interface"#,
            r#"9:6: impossible type assertion: i.(T)
	T does not implement interface{M()} (missing method M)"#,
            r#"10:6: impossible type assertion: i.(string)
	string does not implement interface{M()} (missing method M)"#,
        ],
    ),
    // c12.go
    (
        r#"package main

func (x int) M() {}

type T struct{ M int }

func (t T) M() {}

type P *int

func (p P) N() {}

func main() {}
"#,
        &[
            r#"3:9: cannot define new methods on non-local type int"#,
            r#"7:12: field and method with the same name M
	main.go:5:16: other declaration of M"#,
            r#"11:9: invalid receiver type P (pointer or interface type)"#,
        ],
    ),
    // c13.go
    (
        r#"package main

type S struct {
	A int
	B string
}

func main() {
	_ = S{A: 1, C: 2}
	_ = S{1}
	_ = S{A: 1, 2}
	_ = S{A: 1, A: 2}
	_ = S{1, "a", 3}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[string]int{1}
	_ = [2]int{1, 2, 3}
}
"#,
        &[
            r#"9:14: unknown field C in struct literal of type S"#,
            r#"10:9: too few values in struct literal of type S"#,
            r#"11:14: mixture of field:value and value elements in struct literal"#,
            r#"12:14: duplicate field name A in struct literal"#,
            r#"13:16: too many values in struct literal of type S"#,
            r#"14:29: duplicate key "a" in map literal"#,
            r#"15:21: missing key in map literal"#,
            r#"16:19: index 2 is out of bounds (>= 2)"#,
        ],
    ),
    // c14.go
    (
        r#"package main

func main() {
	a := [3]int{}
	_ = a[5]
	_ = a[-1]
	_ = a["x"]
	s := []int{}
	_ = s[1.5]
	_ = [3]int{}[:]
	_ = len(1, 2)
	_ = len(1)
	x := 5
	x()
}
"#,
        &[
            r#"5:8: invalid argument: index 5 out of bounds [0:3]"#,
            r#"6:8: invalid argument: index -1 (constant of type int) must not be negative"#,
            r#"7:8: cannot convert "x" (untyped string constant) to type int"#,
            r#"9:8: 1.5 (untyped float constant) truncated to int"#,
            r#"10:6: cannot slice unaddressable value [3]int{} (value of type [3]int)"#,
            r#"11:6: invalid operation: too many arguments for len(1, 2) (expected 1, found 2)"#,
            r#"12:10: invalid argument: 1 (untyped int constant) for built-in len"#,
            r#"14:2: invalid operation: cannot call x (variable of type int): int is not a function"#,
        ],
    ),
    // c15.go
    (
        r#"package main

func main() {
	a := 1
	a := 2
	1 := 2
	const c = 1
	c = 2
	s := "abc"
	s[0] = 'x'
	m := map[string]struct{ f int }{}
	m["a"].f = 1
	_ = a
}
"#,
        &[
            r#"5:4: no new variables on left side of :="#,
            r#"6:2: non-name 1 on left side of :="#,
            r#"8:2: cannot assign to c (neither addressable nor a map index expression)"#,
            r#"10:2: cannot assign to s[0] (neither addressable nor a map index expression)"#,
            r#"12:2: cannot assign to struct field m["a"].f in map"#,
        ],
    ),
    // c16.go
    (
        r#"package main

func main() {
	for i, j, k := range []int{} {
	}
	for range 5.5 {
	}
	var x struct{}
	for range x {
	}
	for i, v := range 10 {
		_, _ = i, v
	}
}
"#,
        &[
            r#"4:6: declared and not used: i"#,
            r#"4:9: declared and not used: j"#,
            r#"4:12: range clause permits at most two iteration variables"#,
            r#"6:12: cannot range over 5.5 (untyped float constant)"#,
            r#"9:12: cannot range over x (variable of type struct{})"#,
            r#"11:9: range over 10 (untyped int constant) permits only one iteration variable"#,
        ],
    ),
    // c17.go
    (
        r#"package main

func main() {
	x := 1
	switch x {
	case 1:
	case 1:
	case "a":
	}
	var i interface{}
	switch i.(type) {
	case int:
	case int:
	}
	switch {
	case 1:
	}
}
"#,
        &[
            r#"7:7: duplicate case 1 (constant of type int) in expression switch
	main.go:6:7: previous case"#,
            r#"8:7: cannot convert "a" (untyped string constant) to type int"#,
            r#"13:7: duplicate case int in type switch
	main.go:12:7: previous case"#,
            r#"16:7: cannot convert 1 (untyped int constant) to type bool"#,
        ],
    ),
    // c19.go
    (
        r#"package main

func main() {
	_ = string(1.5)
	_ = int("s")
	_ = []int("s")
	x := nil
	_ = nil == nil
	_ = x
}
"#,
        &[
            r#"4:13: cannot convert 1.5 (untyped float constant) to type string"#,
            r#"5:10: cannot convert "s" (untyped string constant) to type int"#,
            r#"6:12: cannot convert "s" (untyped string constant) to type []int"#,
            r#"7:7: use of untyped nil in assignment"#,
            r#"8:13: invalid operation: nil == nil (operator == not defined on untyped nil)"#,
        ],
    ),
    // c20.go
    (
        r#"package main

import "fmt"

func main() {
	_ = fmt
	_ = fmt.println
	_ = iota
	var a [1.5]int
	m := map[int]int{}
	_ = &m[1]
	_ = &1
	defer 1
	go func() {}
}
"#,
        &[
            r#"6:6: use of package fmt not in selector"#,
            r#"7:10: undefined: fmt.println (but have Println)"#,
            r#"8:6: cannot use iota outside constant declaration"#,
            r#"9:6: declared and not used: a"#,
            r#"9:9: array length 1.5 (untyped float constant) must be integer"#,
            r#"11:7: invalid operation: cannot take address of m[1] (map index expression of type int)"#,
            r#"12:7: invalid operation: cannot take address of 1 (untyped int constant)"#,
            r#"13:8: expression in defer must be function call"#,
            r#"14:5: expression in go must be function call"#,
        ],
    ),
    // c21.go
    (
        r#"package main

func f() (int, int) { return 1, 2 }
func g() {}

func main() {
	_ = f() + 1
	_ = g()
	var x int = g()
	_ = x
}
"#,
        &[
            r#"7:6: multiple-value f() (value of type (int, int)) in single-value context"#,
            r#"8:6: g() (no value) used as value"#,
            r#"9:14: g() (no value) used as value"#,
        ],
    ),
    // c22.go
    (
        r#"package main

type T struct{ T }

type A [2]A

type I interface{ I }

func main() {}
"#,
        &[
            r#"3:6: invalid recursive type: T refers to itself"#,
            r#"5:6: invalid recursive type: A refers to itself"#,
            r#"7:6: invalid recursive type: I refers to itself"#,
        ],
    ),
    // c23_overflow.go
    (
        r#"package main

import "fmt"

type Node struct {
	Val         int
	Left, Right *Node
}

func (n *Node) Insert(v int) *Node {
	if n == nil {
		return &Node{Val: v}
	}
	if v < n.Val {
		n.Left = n.Left.Insert(v)
	} else {
		n.Right = n.Right.Insert(v)
	}
	return n
}

func (n *Node) Walk(f func(int)) {
	if n == nil {
		return
	}
	n.Left.Walk(f)
	f(n.Val)
	n.Right.Walk(f)
}

type List[T comparable] struct {
	head *elem[T]
}

type elem[T comparable] struct {
	v    T
	next *elem[T]
}

func (l *List[T]) Add(v T) { l.head = &elem[T]{v, l.head} }
func (l *List[T]) Contains(v T) bool {
	for e := l.head; e != nil; e = e.next {
		if e.v == v {
			return true
		}
	}
	return false
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Celsius float64
type Temp interface{ ~float64 }

func Avg[T Temp](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s / T(len(xs))
}

type Animal interface{ Sound() string }
type Dog struct{ name string }

func (d Dog) Sound() string { return d.name + " woof" }

type Loud struct{ Animal }

func main() {
	var root *Node
	for _, v := range []int{5, 3, 8, 1, 4} {
		root = root.Insert(v)
	}
	var out []int
	root.Walk(func(v int) { out = append(out, v) })
	fmt.Println(out)
	var l List[string]
	l.Add("a")
	fmt.Println(l.Contains("a"), l.Contains("b"))
	p := Pair[string, int]{"x", 1}
	fmt.Println(p.Key, p.Val, len(Keys(map[int]bool{1: true})))
	fmt.Println(Max(1, 2), Max("a", "b"), Max(1.5, 0.5))
	fmt.Println(Avg([]Celsius{10, 20}))
	a := Loud{Dog{"rex"}}
	fmt.Println(a.Sound())
	var an Animal = a
	fmt.Println(an.Sound())
	matrix := [][]int{{1, 2}, {3, 4}}
	for _, row := range matrix {
		for _, c := range row {
			fmt.Print(c, " ")
		}
	}
	fmt.Println()
	type local struct{ a, b int }
	ls := []local{{1, 2}, {a: 3}}
	fmt.Println(ls, min(3, 1, 2), max(2.5, 1))
	c := complex(1, 2)
	fmt.Println(real(c), imag(c))
	var ptrs []*local
	ptrs = append(ptrs, &local{})
	ptrs[0].a = 5
	fmt.Println(*ptrs[0])
	fn := func(xs ...string) int { return len(xs) }
	fmt.Println(fn(), fn("a", "b"))
	ch := make(chan int, 1)
	ch <- 1
	fmt.Println(<-ch)
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
	}
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), arr)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge > 1)
	var i8 int8 = -128
	fmt.Println(i8/-1, uint32(1<<31)<<1)
	s := "hello"
	fmt.Println(s[1:3], s[:2]+s[3:], s[1])
	type T = []int
	var t T = []int{1}
	fmt.Println(t)
}
"#,
        &[r#"138:21: uint32(1 << 31) << 1 (constant 4294967296 of type uint32) overflows uint32"#],
    ),
    // c24.go
    (
        r#"package main

import "fmt"

type T struct{ x int }

func (t T) Get() int { return t.x }
func (t *T) Set(v int) { t.x = v }

type I interface {
	Get() int
	Set(int)
}

func main() {
	T{}.Set(1)
	var i I = T{}
	var p *T
	i = p
	fmt.Println(i)
	var s fmt.Stringer = 5
	_ = s
	m := map[T]int{}
	m[T{}].x = 1
}
"#,
        &[
            r#"16:6: cannot call pointer method Set on T"#,
            r#"17:12: cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (method Set has pointer receiver)"#,
            r#"21:23: cannot use 5 (constant of type int) as fmt.Stringer value in variable declaration: int does not implement fmt.Stringer (missing method String)"#,
            r#"24:9: m[T{}].x undefined (type int has no field or method x)"#,
        ],
    ),
    // c25.go
    (
        r#"package main

func f(x int, y ...string) {}

func main() {
	f(1, 2)
	f(1, "a", 3)
	s := []int{1}
	f(1, s...)
	f(1, "a", []string{}...)
	g := func(a, b int) int { return a + b }
	g(1)
	var h func()
	h(1)
}
"#,
        &[
            r#"6:7: cannot use 2 (untyped int constant) as string value in argument to f"#,
            r#"7:12: cannot use 3 (untyped int constant) as string value in argument to f"#,
            r#"9:7: cannot use s (variable of type []int) as []string value in argument to f"#,
            r#"10:12: too many arguments in call to f
	have (number, string, []string...)
	want (int, ...string)"#,
            r#"12:4: not enough arguments in call to g
	have (number)
	want (int, int)"#,
            r#"14:4: too many arguments in call to h
	have (number)
	want ()"#,
        ],
    ),
    // c26.go
    (
        r#"package main

type A struct{ x int }
type B struct{ x int }
type C struct {
	A
	B
}

func main() {
	var c C
	_ = c.x
	var p **A
	_ = p.x
}
"#,
        &[
            r#"12:8: ambiguous selector c.x"#,
            r#"14:8: p.x undefined (type **A has no field or method x)"#,
        ],
    ),
    // c27.go
    (
        r#"package main

const (
	a = 1 << 500
	b = a * a
	c uint8 = 255
	d = c + 1
	e = ^uint8(0)
	f int8 = -128
	g = -f
)

func main() {
	const h = "abc"
	_ = h[5]
	var x [4]int
	_ = x[4]
	_ = "abc"[3]
}
"#,
        &[
            r#"5:8: constant multiplication overflow"#,
            r#"7:6: c + 1 (constant 256 of type uint8) overflows uint8"#,
            r#"10:6: -f (constant 128 of type int8) overflows int8"#,
            r#"15:8: invalid argument: index 5 out of bounds [0:3]"#,
            r#"17:8: invalid argument: index 4 out of bounds [0:4]"#,
            r#"18:12: invalid argument: index 3 out of bounds [0:3]"#,
        ],
    ),
    // c28.go
    (
        r#"package main

import "fmt"

func main() {
	var x int
	var y float64
	_ = x + y
	_ = x == y
	var s []int
	s.Len()
	var m map[string]int
	m.x = 1
	fmt.Println(x)
	var i interface{}
	_ = i + 1
	_ = -"s"
	_ = !1
}
"#,
        &[
            r#"8:6: invalid operation: x + y (mismatched types int and float64)"#,
            r#"9:11: invalid operation: x == y (mismatched types int and float64)"#,
            r#"11:4: s.Len undefined (type []int has no field or method Len)"#,
            r#"13:4: m.x undefined (type map[string]int has no field or method x)"#,
            r#"16:6: invalid operation: i + 1 (mismatched types interface{} and untyped int)"#,
            r#"17:7: invalid operation: operator - not defined on "s" (untyped string constant)"#,
            r#"18:7: invalid operation: operator ! not defined on 1 (untyped int constant)"#,
        ],
    ),
    // c29.go
    (
        r#"package main

type T struct{}

func (T) m()  {}
func (T) m2() {}

type I interface{ m() }

func f(i I) {}

func main() {
	var t T
	f(t)
	f(&t)
	f(nil)
	f(1)
	var e error = t
	_ = e
}
"#,
        &[
            r#"17:4: cannot use 1 (constant of type int) as I value in argument to f: int does not implement I (missing method m)"#,
            r#"18:16: cannot use t (variable of struct type T) as error value in variable declaration: T does not implement error (missing method Error)"#,
        ],
    ),
    // c31.go
    (
        r#"package main

func f() int {
	if true {
		return 1
	} else {
		return 2
	}
}

func g(x int) int {
	switch {
	case x > 0:
		return 1
	}
}

func h(x interface{}) int {
	switch x.(type) {
	case int:
		return 1
	default:
		return 0
	}
}

func k() (r int) {
	for {
		break
	}
}

func l() int {
L:
	for {
		break L
	}
}

func main() {}
"#,
        &[
            r#"16:1: missing return"#,
            r#"31:1: missing return"#,
            r#"38:1: missing return"#,
        ],
    ),
    // c32.go
    (
        r#"package main

type T int

func (t T) String() string { return "" }

func main() {
	var x T = 5
	var y int = x
	var z T = y
	type U T
	var u U = x
	_, _, _ = y, z, u
	var f func(int) int = func(x int) string { return "" }
	_ = f
}
"#,
        &[
            r#"9:14: cannot use x (variable of int type T) as int value in variable declaration"#,
            r#"10:12: cannot use y (variable of type int) as T value in variable declaration"#,
            r#"12:12: cannot use x (variable of int type T) as U value in variable declaration"#,
            r#"14:24: cannot use func(x int) string {…} (value of type func(x int) string) as func(int) int value in variable declaration"#,
        ],
    ),
    // c33.go
    (
        r#"package main

func main() {
	x := 1
	{
		x := 2
		_ = x
	}
	var unused int
	y, z := 1, 2
	_ = y
	for i := 0; i < 3; i++ {
	}
	for k, v := range []int{} {
		_ = k
	}
	func() {
		w := 1
	}()
}
"#,
        &[
            r#"4:2: declared and not used: x"#,
            r#"9:6: declared and not used: unused"#,
            r#"10:5: declared and not used: z"#,
            r#"14:9: declared and not used: v"#,
            r#"18:3: declared and not used: w"#,
        ],
    ),
    // c34.go
    (
        r#"package main

import "fmt"

func main() {
	var p *int
	fmt.Println(*p)
	var x int
	_ = *x
	_ = &x.y
	type S struct{ f func() }
	var s S
	s.f()
	s.g()
	_ = S.f
}
"#,
        &[
            r#"9:7: invalid operation: cannot indirect x (variable of type int)"#,
            r#"10:9: x.y undefined (type int has no field or method y)"#,
            r#"14:4: s.g undefined (type S has no field or method g)"#,
            r#"15:6: operand for field selector f must be value of type S"#,
        ],
    ),
    // c35.go
    (
        r#"package main

type Number interface{ ~int | ~float64 }

func Add[T Number](a, b T) T { return a + b }

type List[T any] struct{ v []T }

func (l List[T]) Len() int { return len(l.v) }

func Cmp[T any](a, b T) bool { return a == b }

func Neg[T any](x T) T { return -x }

func main() {
	_ = Add(1, 2.5)
	_ = Add(1, "a")
	var l List
	_ = l
	var m List[int, string]
	_ = m
	_ = Add[string]
}
"#,
        &[
            r#"11:39: invalid operation: a == b (incomparable types in type set)"#,
            r#"13:34: invalid operation: operator - not defined on x (variable of type T constrained by any)"#,
            r#"17:13: in call to Add, mismatched types untyped int and untyped string (cannot infer T)"#,
            r#"18:8: cannot use generic type List[T any] without instantiation"#,
            r#"20:8: too many type arguments for type List: have 2, want 1"#,
            r#"22:10: string does not satisfy Number (string missing in ~int | ~float64)"#,
        ],
    ),
    // c36.go
    (
        r#"package main

type C interface {
	M()
}

func F[T C](x T) { x.M() }

type S struct{}

func (S) N() {}

func G[T any](x T) { x.M() }

func H[T interface{ ~[]int }](x T) int { return x[0] + len(x) }

func main() {
	F(S{})
	F(1)
}
"#,
        &[
            r#"13:24: x.M undefined (type T has no field or method M)"#,
            r#"18:3: in call to F, T (type S) does not satisfy C (missing method M)"#,
            r#"19:3: int does not satisfy C (missing method M)"#,
        ],
    ),
    // c37.go
    (
        r#"package main

import "fmt"

type E struct{}

func (E) Error() string { return "e" }

func f() error { return E{} }

func main() {
	err := f()
	if e, ok := err.(E); ok {
		fmt.Println(e)
	}
	if e, ok := err.(*E); ok {
		fmt.Println(e)
	}
	var x interface{ Foo() }
	if y, ok := x.(error); ok {
		fmt.Println(y)
	}
	_ = err.(string)
}
"#,
        &[r#"23:6: impossible type assertion: err.(string)
	string does not implement error (missing method Error)"#],
    ),
    // c38.go
    (
        r#"package main

func f() (x int, err error) {
	{
		x := 1
		_ = x
		return
	}
}

func g() (x int) {
	x, y := 1, 2
	_ = y
	return x
}

func main() {}
"#,
        &[r#"7:3: result parameter x not in scope at return
	main.go:5:3: inner declaration of var x int"#],
    ),
    // c39.go
    (
        r#"package main

import "fmt"

func main() {
	var x int = 1e20
	var y uint8 = 'a' + 200
	var z float32 = 1e39
	var r rune = 'ab'
	const big = 1 << 600
	fmt.Println(x, y, z, r, big)
}
"#,
        &[
            r#"6:14: cannot use 1e20 (untyped float constant 1e+20) as int value in variable declaration (truncated)"#,
            r#"7:16: cannot use 'a' + 200 (untyped rune constant 297) as uint8 value in variable declaration (overflows)"#,
            r#"8:18: cannot use 1e39 (untyped float constant 1e+39) as float32 value in variable declaration (overflows)"#,
            r#"9:15: more than one character in rune literal"#,
            r#"10:16: constant shift overflow"#,
        ],
    ),
    // c40.go
    (
        r#"package main

type T struct{ a, b int }

func main() {
	t := T{1, 2}
	t.c = 3
	var p *T
	p.d()
	_ = T.e
	var i interface{ M() }
	i.N()
	_ = t.A
}
"#,
        &[
            r#"7:4: t.c undefined (type T has no field or method c)"#,
            r#"9:4: p.d undefined (type *T has no field or method d)"#,
            r#"10:8: T.e undefined (type T has no field or method e)"#,
            r#"12:4: i.N undefined (type interface{M()} has no field or method N)"#,
            r#"13:8: t.A undefined (type T has no field or method A, but does have field a)"#,
        ],
    ),
    // c41.go
    (
        r#"package main

func main() {
	a := 0
	a++
	b := 0
	b += 1
	c := 0
	c = 1
	var d []int
	d[0] = 1
	var e struct{ f int }
	e.f = 1
	var m map[int]int
	m[0] = 1
	p := new(int)
	*p = 1
	var q int
	_ = &q
}
"#,
        &[r#"8:2: declared and not used: c"#],
    ),
    // c43.go
    (
        r#"package main

type T[P any] struct{ x *T[[]P] }

func main() {
	var t T[int]
	_ = t
}
"#,
        &[r#"3:8: instantiation cycle:
	main.go:3:28: P instantiated as []P"#],
    ),
    // c44.go
    (
        r#"package main

import "fmt"

func main() {
	var i interface{} = 1
	switch x := i.(type) {
	case int, string:
		fmt.Println(x + 1)
	}
	var f float64 = 1
	switch f {
	case 1, 1.0:
	}
	switch s := "a"; s {
	case "a", "a":
	}
}
"#,
        &[
            r#"9:15: invalid operation: x + 1 (mismatched types interface{} and untyped int)"#,
            r#"13:10: duplicate case 1.0 (constant 1 of type float64) in expression switch
	main.go:13:7: previous case"#,
            r#"16:12: duplicate case "a" (constant of type string) in expression switch
	main.go:16:7: previous case"#,
        ],
    ),
    // c46.go
    (
        r#"package main

func main() {
	_ = append()
	_ = len(1, 2)
}
"#,
        &[
            r#"4:6: invalid operation: not enough arguments for append() (expected 1, found 0)"#,
            r#"5:6: invalid operation: too many arguments for len(1, 2) (expected 1, found 2)"#,
        ],
    ),
    // c47.go
    (
        r#"package main

func f1[P any](P)        {}
func f2[P any]() P       { var x P; return x }
func f3[P, Q any](P) Q   { var x Q; return x }
func f4[P any](P, P)     {}

var _, _ func(int) = f1, f2
var _ func(int, string) = f4
var v7 func(int, string) = f4

func r2() func(int, string) { return f4 }
func r3() (a, b func(int, string)) { return f4, f2 }

func main() {
	var a [2]func(string) []int
	a[0] = f4
	a[1] = f3[int]
	_ = v7
}
"#,
        &[
            r#"8:26: type func(int) of _ does not match func() P (cannot infer P)"#,
            r#"9:27: inferred type func(int, int) for func(P, P) does not match type func(int, string) of _"#,
            r#"10:28: inferred type func(int, int) for func(P, P) does not match type func(int, string) of v7"#,
            r#"12:38: inferred type func(int, int) for func(P, P) does not match type func(int, string) of result variable"#,
            r#"13:45: inferred type func(int, int) for func(P, P) does not match type func(int, string) of a"#,
            r#"13:49: type func(int, string) of b does not match func() P (cannot infer P)"#,
            r#"17:9: type func(string) []int of a[0] does not match func(P, P) (cannot infer P)"#,
            r#"18:11: type func(string) []int of a[1] does not match func(int) Q"#,
        ],
    ),
    // c48.go
    (
        r#"package main

func f1[P any](P)        {}
func f2[P any]() P       { var x P; return x }
func f4[P any](P, P)     {}
func f6[P any](int) P    { var x P; return x }
func f7[P any](P) string { return "" }

func g1(func(int))                           {}
func g4[P any](func(P) string)               {}
func g5[P, Q any](func(P) string, func(P) Q) {}
func h(func(int, string), func(string, int)) {}
func p[P, Q any](P, Q) {}

type S struct{ f func(int, string) }

func main() {
	g4(f6)
	g5(f6, f7)
	g4(f1)
	h(p, p)
	h(p[string], p[string])
	g1(f2)
	m := map[string]func(int){"a": f4}
	_ = m
	_ = S{f: f4}
	var c chan func(int)
	c <- f4
}
"#,
        &[
            r#"20:5: in call to g4, type func[P any](P) of f1 does not match func(P) string (cannot infer P and P)"#,
            r#"22:4: in call to h, type func[P, Q any](P, Q) of p[string] does not match func(int, string)"#,
            r#"23:5: in call to g1, type func[P any]() P of f2 does not match func(int) (cannot infer P)"#,
            r#"24:33: type func(int) of map literal does not match func(P, P) (cannot infer P)"#,
            r#"26:11: inferred type func(int, int) for func(P, P) does not match type func(int, string) of struct literal"#,
            r#"28:7: type func(int) of send does not match func(P, P) (cannot infer P)"#,
        ],
    ),
    // c49.go
    (
        r#"package main

type C3 interface{ chan int | chan float32 }
type C4 interface{ chan int | chan<- int }

func a[T any](ch T) { <-ch }
func b[T C3](ch T) { <-ch }
func c[T C4](ch T) { <-ch }
func d[T interface{ int }](ch T) { <-ch }
func e[T interface{ <-chan int | chan<- int }](ch T) { ch <- 1 }
func g[T C4](ch T) { close(ch) }
func h[T interface{ chan int | <-chan int }](ch T) { <-ch; for range ch {} }

func main() {
	var x int
	<-x
	var s chan<- int
	<-s
	var r <-chan int
	r <- 1
}
"#,
        &[
            r#"6:25: invalid operation: cannot receive from ch (variable of type T constrained by any): no specific channel type"#,
            r#"7:24: invalid operation: cannot receive from ch (variable of type T constrained by C3): channels chan int and chan float32 have different element types"#,
            r#"8:24: invalid operation: cannot receive from ch (variable of type T constrained by C4): send-only channel chan<- int"#,
            r#"9:38: invalid operation: cannot receive from ch (variable of type T constrained by interface{int}): non-channel int"#,
            r#"10:56: invalid operation: cannot send to ch (variable of type T constrained by interface{<-chan int | chan<- int}): receive-only channel <-chan int"#,
            r#"16:4: invalid operation: cannot receive from non-channel int x (variable of type int)"#,
            r#"18:4: invalid operation: cannot receive from send-only channel chan<- int s (variable of type chan<- int)"#,
            r#"20:2: invalid operation: cannot send to receive-only channel <-chan int r (variable of type <-chan int)"#,
        ],
    ),
    // c50.go
    (
        r#"package main

type F func()
type T struct{}

func a[P any](x P)                { x() }
func b[P int | string](x P)       { x() }
func c[P ~func() | F](x P)        { x() }
func d[P func() | func(int)](x P) { x() }
func e[P interface{ *int | *string }](p P) { _ = *p }

func main() {
	var x int
	x()
	var t T
	t()
}
"#,
        &[
            r#"6:37: invalid operation: cannot call x (variable of type P constrained by any): no specific type"#,
            r#"7:37: invalid operation: cannot call x (variable of type P constrained by int | string): int is not a function"#,
            r#"8:20: overlapping terms main.F and ~func()"#,
            r#"9:37: invalid operation: cannot call x (variable of type P constrained by func() | func(int)): func() and func(int) have different underlying types"#,
            r#"10:51: invalid operation: pointers of p (variable of type P constrained by interface{*int | *string}) must have identical base types"#,
            r#"14:2: invalid operation: cannot call x (variable of type int): int is not a function"#,
            r#"16:2: invalid operation: cannot call t (variable of struct type T): T is not a function"#,
        ],
    ),
    // c51.go
    (
        r#"package main

import "fmt"

type thing1 struct{ s []string }
type arr [2][]int

func f[P interface{ int; string }](x P) {
	_ = x == x
}

func main() {
	len.Println()
	_ = *len
	var a1, b1 thing1
	_ = a1 == b1
	var a2, b2 arr
	_ = a2 == b2
	fmt.Println()
}
"#,
        &[
            r#"9:6: invalid operation: x == x (empty type set)"#,
            r#"13:5: invalid use of len (built-in) in selector expression"#,
            r#"14:7: invalid operation: cannot indirect len (built-in)"#,
            r#"16:6: invalid operation: a1 == b1 (struct containing []string cannot be compared)"#,
            r#"18:6: invalid operation: a2 == b2 (arr cannot be compared)"#,
        ],
    ),
    // c52.go
    (
        r#"package main

type (
	T1 struct{ X int }
	T2 struct{ T1 }
	T3 struct{ T1 }
	T4 struct {
		T2
		T3
	}
)

func (T1) M() {}

func main() {
	var t T4
	_ = t.X
	t.M()
	var err error
	perr := &err
	_ = perr.Error()
	var s uint
	var _ byte = 0x100 << s
	var _ int32 = 0x80000000 << s
	var _ int = 1<<s + 3.4
	var a []byte
	_ = a[0xffffffffffffffff<<s]
}
"#,
        &[
            r#"17:8: ambiguous selector t.X"#,
            r#"18:4: ambiguous selector t.M"#,
            r#"21:11: perr.Error undefined (type *error is pointer to interface, not interface)"#,
            r#"23:15: 0x100 (untyped int constant 256) overflows byte"#,
            r#"24:16: 0x80000000 (untyped int constant 2147483648) overflows int32"#,
            r#"25:21: 3.4 (untyped float constant) truncated to int"#,
            r#"27:8: 0xffffffffffffffff (untyped int constant 18446744073709551615) overflows int"#,
        ],
    ),
    // c53.go
    (
        r#"package main

func f[T ~int | ~float64](x T) {}
func g[T interface{ ~int | ~float64 }](x T) {}
func h[T int](x T) { var _ string = x }

type myInt int

func i[T int | string]() {}

type SliceConstraint[T any] interface{ []T }

func Map[S SliceConstraint[E], E any](s S) {}

type MySlice []int

func main() {
	f("a")
	g("a")
	f[string]("a")
	i[myInt]()
	Map[MySlice](nil)
}
"#,
        &[
            r#"5:37: cannot use x (variable of type T constrained by int) as string value in variable declaration"#,
            r#"18:3: string does not satisfy ~int | ~float64 (string missing in ~int | ~float64)"#,
            r#"19:3: string does not satisfy interface{~int | ~float64} (string missing in ~int | ~float64)"#,
            r#"20:4: string does not satisfy ~int | ~float64 (string missing in ~int | ~float64)"#,
            r#"21:4: myInt does not satisfy int | string (possibly missing ~ for int in int | string)"#,
            r#"22:6: MySlice does not satisfy SliceConstraint[int] (possibly missing ~ for []int in SliceConstraint[int])"#,
        ],
    ),
    // c54.go
    (
        r#"package main

type T1 struct{}

func (t T1) m(int) {}

type T2 struct{}

func (t T2) m(x int) {}

type T4 struct{}

func (T4) m(x int) {}

func cl[T any](x T)                                { clear(x) }
func mk[S interface{ ~[]int | ~chan int }]()       { _ = make(S, 10) }
func mk2[C interface{ <-chan int | chan<- int }]() { _ = make(C) }
func dl[M interface{ map[string]int | map[rune]int }](m M) { delete(m, "a") }
func cp[T any](x, y T)                             { copy(x, y) }

func main() {
	var f1 func(T1) = T1.m
	var f2 func(T2) = T2.m
	var f4 func(T4) = T4.m
	_, _, _ = f1, f2, f4
}
"#,
        &[
            r#"15:60: invalid argument: cannot clear x (variable of type T constrained by any): argument must be (or constrained by) map or slice"#,
            r#"16:63: invalid argument: cannot make S: []int and chan int have different underlying types"#,
            r#"17:63: invalid argument: cannot make C: channels <-chan int and chan<- int have conflicting directions"#,
            r#"18:69: invalid argument: maps of m (variable of type M constrained by interface{map[string]int | map[rune]int}) must have identical key types"#,
            r#"19:59: invalid copy: argument must be a slice; have x (variable of type T constrained by any)"#,
            r#"22:20: cannot use T1.m (value of type func(T1, int)) as func(T1) value in variable declaration"#,
            r#"23:20: cannot use T2.m (value of type func(t T2, x int)) as func(T2) value in variable declaration"#,
            r#"24:20: cannot use T4.m (value of type func(_ T4, x int)) as func(T4) value in variable declaration"#,
        ],
    ),
];

#[test]
fn gc_cases() {
    let mut failures = Vec::new();
    for (src, want) in GC_CASES {
        let got = check(src);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!(
                "program:\n{src}\nwant:\n{}\ngot:\n{}\n",
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n----\n"));
}

/// A development aid: checks each `.go` file of `$RGO_TESTDATA_DIR` as a
/// package of its own (GOROOT's types testdata), printing every
/// diagnostic's first line as `== file` then `line:col: message`.
#[test]
#[ignore]
fn check_testdata_from_env() {
    let Some(dir) = std::env::var_os("RGO_TESTDATA_DIR") else {
        return;
    };
    let overlay = crate::loader::Overlay::default();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        if f.extension().and_then(|e| e.to_str()) != Some("go") {
            continue;
        }
        println!(
            "== {}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        let r = std::panic::catch_unwind(|| check_path_limit(&f, &overlay, false));
        match r {
            Ok(Ok(lines)) => {
                for l in lines {
                    if !l.starts_with('\t') {
                        println!("{l}");
                    }
                }
            }
            Ok(Err(e)) => println!("LOAD: {}", e.lines().next().unwrap_or("")),
            Err(_) => println!("PANIC"),
        }
    }
}

/// A development aid: lists the function declarations the parser produced
/// for `$RGO_PARSE_FILE` (name, body or not).
#[test]
#[ignore]
fn list_funcs_from_env() {
    let Some(path) = std::env::var_os("RGO_PARSE_FILE") else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut sources = SourceMap::new();
    let id = sources.add("x.go", text);
    let mut ids = NodeIdGen::new();
    let (file, diags) = parse_file(&sources, id, &mut ids);
    for d in &diags {
        println!("DIAG {}", d.one_line(&sources));
    }
    for d in &file.decls {
        if let crate::syntax::ast::Decl::Func(f) = d {
            println!("{} body={}", f.name.name, f.body.is_some());
        }
    }
}
