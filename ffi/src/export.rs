//! `//export`: Go functions C can call.
//!
//! For each exported Go function `F` three pieces are generated:
//!
//! - in C (`_cgo_export.c`), a function `F` with the C signature gc gives
//!   it (`GoInt` for `int`, `GoString` for `string`, the C type for
//!   `C.int`...). It stores its arguments in a frame and calls the
//!   runtime's `rgo_cgocallback` with the Go thunk, then returns the
//!   results the thunk left in the frame;
//! - in Go (the package's generated file), the thunk `_cgoexp_F`, itself
//!   exported to C under a package-unique symbol: it calls `F` with the
//!   frame's arguments and stores its results there. The frame is a
//!   struct of the same fields in both languages, so C and Go lay it out
//!   alike (on amd64 every type involved has the same size and alignment
//!   in both);
//! - in `_cgo_export.h`, which the package's C files include, the
//!   declaration of `F`, after the package's preambles and the `Go*`
//!   typedefs, laid out as gc's header is (so the header also serves the
//!   c-shared and c-archive build modes).

use std::fmt::Write as _;

/// An `//export`ed function, its types already mapped by the driver.
pub struct Export {
    pub name: String,
    /// `file:line` of its `func` (gc's cgocheck messages name it).
    pub pos: String,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
}

/// A parameter or result of an exported function.
pub struct Field {
    /// Its Go name (`None` when unnamed or blank).
    pub name: Option<String>,
    /// The C type: `GoInt`, `GoString`, `int`, `struct s*`...
    pub c_type: String,
    /// The Go type as written in the generated Go file (`C.int` as
    /// `_Ctype_int`).
    pub go_type: String,
    /// For a result that may point to Go memory, which cgocheck rejects:
    /// what kind of Go value it is.
    pub check: Option<GoRef>,
}

/// The kinds of Go values that refer to Go memory, as cgocheck tells them
/// apart in its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoRef {
    /// A pointer or `unsafe.Pointer`.
    Pointer,
    String,
    Slice,
    Map,
    Chan,
    Func,
    /// An interface: its data word.
    Interface,
}

impl GoRef {
    /// gc's word for it in `... is unpinned Go WORD ...`.
    fn word(self) -> &'static str {
        match self {
            GoRef::Pointer | GoRef::Interface => "pointer",
            GoRef::String => "string",
            GoRef::Slice => "slice",
            GoRef::Map => "map",
            GoRef::Chan => "channel",
            GoRef::Func => "function",
        }
    }

    /// Go code for the address value `v` refers to, as `unsafe.Pointer`.
    fn address(self, v: &str) -> String {
        match self {
            GoRef::Pointer => format!("unsafe.Pointer({v})"),
            GoRef::String => format!("unsafe.Pointer(unsafe.StringData(string({v})))"),
            GoRef::Slice => format!("unsafe.Pointer(unsafe.SliceData({v}))"),
            GoRef::Map | GoRef::Chan | GoRef::Func => {
                format!("*(*unsafe.Pointer)(unsafe.Pointer(&{v}))")
            }
            GoRef::Interface => format!("(*[2]unsafe.Pointer)(unsafe.Pointer(&{v}))[1]"),
        }
    }
}

/// The generated code for a package's exports.
pub struct Generated {
    /// `_cgo_export.h`.
    pub header: String,
    /// `_cgo_export.c`: the C functions.
    pub c_source: String,
    /// The Go thunks.
    pub go_source: String,
}

/// The header's prologue: `_GoString_`, which preambles may use.
const EXPORT_PROLOG: &str = r#"
#line 1 "cgo-builtin-export-prolog"

#include <stddef.h>

#ifndef GO_CGO_EXPORT_PROLOGUE_H
#define GO_CGO_EXPORT_PROLOGUE_H

#ifndef GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; ptrdiff_t n; } _GoString_;
extern size_t _GoStringLen(_GoString_ s);
extern const char *_GoStringPtr(_GoString_ s);
#endif

#endif
"#;

/// The `Go*` types of exported signatures.
const GO_TYPES: &str = r#"
/* Start of boilerplate cgo prologue.  */
#line 1 "cgo-gcc-export-header-prolog"

#ifndef GO_CGO_PROLOGUE_H
#define GO_CGO_PROLOGUE_H

typedef signed char GoInt8;
typedef unsigned char GoUint8;
typedef short GoInt16;
typedef unsigned short GoUint16;
typedef int GoInt32;
typedef unsigned int GoUint32;
typedef long long GoInt64;
typedef unsigned long long GoUint64;
typedef GoInt64 GoInt;
typedef GoUint64 GoUint;
typedef size_t GoUintptr;
typedef float GoFloat32;
typedef double GoFloat64;
#ifdef __cplusplus
#include <complex>
typedef std::complex<float> GoComplex64;
typedef std::complex<double> GoComplex128;
#else
typedef float _Complex GoComplex64;
typedef double _Complex GoComplex128;
#endif

/*
  static assertion to make sure the file is being used on architecture
  at least with matching size of GoInt.
*/
typedef char _check_for_64_bit_pointer_matching_GoInt[sizeof(void*)==64/8 ? 1:-1];

#ifndef GO_CGO_GOSTRING_TYPEDEF
typedef _GoString_ GoString;
#endif
typedef void *GoMap;
typedef void *GoChan;
typedef struct { void *t; void *v; } GoInterface;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;

#endif

/* End of boilerplate cgo prologue.  */
"#;

/// The C and Go for `exports`. `preambles` are the package's preamble
/// texts (`#cgo` lines removed, `#line`s in), `pkg` its import path for
/// the header's comment, `prefix` what makes the thunks' symbols unique.
pub fn generate(exports: &[Export], preambles: &[String], pkg: &str, prefix: &str) -> Generated {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "/* Code generated by rgo; DO NOT EDIT. */\n\n/* package {pkg} */\n"
    );
    h.push_str(EXPORT_PROLOG);
    h.push_str("\n/* Start of preamble from import \"C\" comments.  */\n\n");
    for p in preambles {
        h.push_str(p);
        h.push('\n');
    }
    h.push_str("\n/* End of preamble from import \"C\" comments.  */\n\n");
    h.push_str(GO_TYPES);
    h.push_str("\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");

    let mut c = String::from(
        "/* Code generated by rgo; DO NOT EDIT. */\n\n#include <stdlib.h>\n#include <string.h>\n#include \"_cgo_export.h\"\n\nextern void rgo_cgocallback(void (*)(void *), void *);\n\nsize_t _GoStringLen(_GoString_ s) { return (size_t)s.n; }\nconst char *_GoStringPtr(_GoString_ s) { return s.p; }\n",
    );
    let mut go = String::new();
    let mut checks = false;
    for e in exports {
        let thunk = format!("_cgoexp_{prefix}_{}", e.name);
        let pnames: Vec<String> = e
            .params
            .iter()
            .enumerate()
            .map(|(i, f)| match &f.name {
                Some(n) => n.clone(),
                None => format!("p{i}"),
            })
            .collect();
        let plist = if e.params.is_empty() {
            "void".to_string()
        } else {
            e.params
                .iter()
                .zip(&pnames)
                .map(|(f, n)| format!("{} {n}", f.c_type))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let ret = match e.results.len() {
            0 => "void".to_string(),
            1 => e.results[0].c_type.clone(),
            _ => {
                let _ = writeln!(h, "/* Return type for {} */", e.name);
                let _ = writeln!(h, "struct {}_return {{", e.name);
                for (i, r) in e.results.iter().enumerate() {
                    match &r.name {
                        Some(n) => {
                            let _ = writeln!(h, "\t{} r{i}; /* {n} */", r.c_type);
                        }
                        None => {
                            let _ = writeln!(h, "\t{} r{i};", r.c_type);
                        }
                    }
                }
                h.push_str("};\n");
                format!("struct {}_return", e.name)
            }
        };
        let _ = writeln!(h, "extern {ret} {}({plist});", e.name);
        if e.results.len() > 1 {
            h.push('\n');
        }

        // C: frame, call, results.
        let _ = writeln!(c, "\nextern void {thunk}(void *);\n");
        let _ = writeln!(c, "{ret} {}({plist})\n{{", e.name);
        let empty = e.params.is_empty() && e.results.is_empty();
        if empty {
            let _ = writeln!(c, "\trgo_cgocallback({thunk}, 0);\n}}");
        } else {
            c.push_str("\tstruct {\n");
            for (i, f) in e.params.iter().enumerate() {
                let _ = writeln!(c, "\t\t{} p{i};", f.c_type);
            }
            for (i, f) in e.results.iter().enumerate() {
                let _ = writeln!(c, "\t\t{} r{i};", f.c_type);
            }
            c.push_str("\t} _cgo_a;\n\tmemset(&_cgo_a, 0, sizeof _cgo_a);\n");
            for (i, n) in pnames.iter().enumerate() {
                let _ = writeln!(c, "\t_cgo_a.p{i} = {n};");
            }
            let _ = writeln!(c, "\trgo_cgocallback({thunk}, &_cgo_a);");
            match e.results.len() {
                0 => {}
                1 => c.push_str("\treturn _cgo_a.r0;\n"),
                _ => {
                    let _ = writeln!(c, "\t{ret} _cgo_r;");
                    for i in 0..e.results.len() {
                        let _ = writeln!(c, "\t_cgo_r.r{i} = _cgo_a.r{i};");
                    }
                    c.push_str("\treturn _cgo_r;\n");
                }
            }
            c.push_str("}\n");
        }

        // Go: the thunk.
        let _ = writeln!(
            go,
            "\n//export {thunk}\nfunc _cgoexp_{}(a unsafe.Pointer) {{",
            e.name
        );
        let args: Vec<String> = (0..e.params.len()).map(|i| format!("f.p{i}")).collect();
        let call = format!("{}({})", e.name, args.join(", "));
        if empty {
            let _ = writeln!(go, "\t_ = a\n\t{call}\n}}");
            continue;
        }
        go.push_str("\tf := (*struct {\n");
        for (i, f) in e.params.iter().enumerate() {
            let _ = writeln!(go, "\t\tp{i} {}", f.go_type);
        }
        for (i, f) in e.results.iter().enumerate() {
            let _ = writeln!(go, "\t\tr{i} {}", f.go_type);
        }
        go.push_str("\t})(a)\n");
        if e.results.is_empty() {
            let _ = writeln!(go, "\t{call}\n}}");
            continue;
        }
        let rs: Vec<String> = (0..e.results.len()).map(|i| format!("f.r{i}")).collect();
        let _ = writeln!(go, "\t{} = {call}", rs.join(", "));
        for (i, r) in e.results.iter().enumerate() {
            let Some(kind) = r.check else { continue };
            let _ = writeln!(
                go,
                "\t_cgo_rgo_check_result({}, {:?}, {:?}, {:?})",
                kind.address(&format!("f.r{i}")),
                kind.word(),
                e.name,
                e.pos
            );
            checks = true;
        }
        go.push_str("}\n");
    }
    h.push_str("\n#ifdef __cplusplus\n}\n#endif\n");
    if checks {
        go.push_str("\n//rgo:extern rgo_cgocheck_result\nfunc _cgo_rgo_check_result(p unsafe.Pointer, what, fn, pos string)\n");
    }
    Generated {
        header: h,
        c_source: c,
        go_source: go,
    }
}

/// The C spelling of `C.name` used as a Go type: cgo's names for C's
/// arithmetic types, `struct_x` as `struct x`, typedef names as is.
pub fn c_name_spelling(name: &str) -> String {
    let arith = match name {
        "char" => "char",
        "schar" => "signed char",
        "uchar" => "unsigned char",
        "short" => "short",
        "ushort" => "unsigned short",
        "int" => "int",
        "uint" => "unsigned int",
        "long" => "long",
        "ulong" => "unsigned long",
        "longlong" => "long long",
        "ulonglong" => "unsigned long long",
        "float" => "float",
        "double" => "double",
        "complexfloat" => "float _Complex",
        "complexdouble" => "double _Complex",
        "void" => "void",
        _ => "",
    };
    if !arith.is_empty() {
        return arith.to_string();
    }
    for (prefix, kw) in [
        ("struct_", "struct"),
        ("union_", "union"),
        ("enum_", "enum"),
    ] {
        if let Some(tag) = name.strip_prefix(prefix) {
            return format!("{kw} {tag}");
        }
    }
    name.to_string()
}
