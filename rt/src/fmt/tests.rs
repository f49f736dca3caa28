//! The formatting engine against go1.27.3: `testdata/fmt.txt` holds
//! `fmt.Sprintf` (and `Sprint`/`Sprintln`) results the official toolchain
//! printed for operands described by small tokens (`i:42`, `P:1:2`,
//! `m:a=1,b=2`, ...). Here the same operands are built from hand-made type
//! descriptors, laid out as compiled Go code lays them out, and formatted.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Printer;
use crate::abi::*;
use crate::map::{rgo_makemap, rgo_mapassign};
use crate::string::copy_to_go;
use crate::testutil::*;

/// Go's `strconv.Unquote` for the double-quoted strings in the data.
fn unquote(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    assert!(b[0] == b'"' && b[b.len() - 1] == b'"', "{s}");
    let b = &b[1..b.len() - 1];
    let mut out = Vec::new();
    let mut i = 0;
    let hex = |s: &[u8]| u32::from_str_radix(std::str::from_utf8(s).unwrap(), 16).unwrap();
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        i += 1;
        let c = b[i];
        i += 1;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'\\' | b'"' | b'\'' => out.push(c),
            b'x' => {
                out.push(hex(&b[i..i + 2]) as u8);
                i += 2;
            }
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let r = hex(&b[i..i + n]);
                i += n;
                crate::string::encode_rune(&mut out, r as i64);
            }
            _ => panic!("escape {c} in {s}"),
        }
    }
    out
}

/// Leaks a value into memory that stays valid (as a heap copy would).
fn boxed<T>(v: T) -> *mut u8 {
    Box::leak(Box::new(v)) as *mut T as *mut u8
}

fn go_string(s: &str) -> GoString {
    copy_to_go(s.as_bytes())
}

unsafe extern "C" fn st_string(_: *mut u8, recv: *mut u8) -> GoString {
    // SAFETY: the receiver points at a main.St (one int).
    let a = unsafe { *(recv as *const i64) };
    go_string(&format!("St<{a}>"))
}

unsafe extern "C" fn pt_string(_: *mut u8, recv: *mut u8) -> GoString {
    // SAFETY: the receiver is a *main.Pt.
    let a = unsafe { *(recv as *const i64) };
    go_string(&format!("Pt<{a}>"))
}

unsafe extern "C" fn e_error(_: *mut u8, recv: *mut u8) -> GoString {
    if recv.is_null() {
        return go_string("nilE");
    }
    // SAFETY: the receiver is a *main.E, whose field is a string.
    unsafe { *(recv as *const GoString) }
}

unsafe extern "C" fn d_string(_: *mut u8, recv: *mut u8) -> GoString {
    // SAFETY: the receiver points at a main.D (int64).
    let d = unsafe { *(recv as *const i64) };
    go_string(&format!("D({d})"))
}

unsafe extern "C" fn g_gostring(_: *mut u8, _: *mut u8) -> GoString {
    go_string("G!")
}

/// The descriptors of the test program's types, by name.
struct Types(HashMap<&'static str, usize>);

impl Types {
    fn get(&self, name: &str) -> *const Type {
        *self.0.get(name).unwrap_or_else(|| panic!("no type {name}")) as *const Type
    }
}

fn types() -> &'static Types {
    static T: OnceLock<Types> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: HashMap<&'static str, usize> = HashMap::new();
        let mut put = |n: &'static str, t: *const Type| {
            m.insert(n, t as usize);
            t
        };
        let int = put("int", int_type());
        put("int8", int8_type());
        put("int32", int32_type());
        let int64 = put("int64", named("int64", KIND_INT64, 8));
        put("uint", uint_type());
        let uint8 = put("uint8", uint8_type());
        put("uint16", uint16_type());
        put("uint64", named("uint64", KIND_UINT64, 8));
        put("uintptr", uintptr_type());
        let f64t = put("float64", float64_type());
        put("float32", float32_type());
        put("complex128", complex128_type());
        put("complex64", complex64_type());
        put("bool", bool_type());
        let string = put("string", string_type());
        let any = put("interface {}", empty_iface_type());
        let stringer = put("fmt.Stringer", iface_type("fmt.Stringer", &["String"]));
        let error = iface_type("error", &["Error"]);
        // SAFETY: freshly leaked; `error` is predeclared, not in a package.
        unsafe { (*(error as *mut Type)).pkg_path = GoString::EMPTY };
        put("error", error);

        let p = put(
            "main.P",
            struct_type("main.P", true, &[("X", int), ("Y", int)]),
        );
        put("*main.P", ptr_type("*main.P", p));
        let st = struct_type("main.St", true, &[("A", int)]);
        // SAFETY: freshly leaked descriptors, not yet shared.
        unsafe {
            add_methods(
                &mut *(st as *mut Type),
                &[("String", st_string as *const u8, false)],
            )
        };
        put("main.St", st);
        let stp = ptr_type("*main.St", st);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(stp as *mut Type),
                &[("String", st_string as *const u8, false)],
            )
        };
        put("*main.St", stp);
        let pt = put("main.Pt", struct_type("main.Pt", true, &[("A", int)]));
        let ptp = ptr_type("*main.Pt", pt);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(ptp as *mut Type),
                &[("String", pt_string as *const u8, true)],
            )
        };
        put("*main.Pt", ptp);
        let e = put("main.E", struct_type("main.E", true, &[("msg", string)]));
        let ep = ptr_type("*main.E", e);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(ep as *mut Type),
                &[("Error", e_error as *const u8, true)],
            )
        };
        put("*main.E", ep);
        let d = named("main.D", KIND_INT64, 8);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(d as *mut Type),
                &[("String", d_string as *const u8, false)],
            )
        };
        put("main.D", d);
        let g = struct_type("main.G", true, &[("A", int)]);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(g as *mut Type),
                &[("GoString", g_gostring as *const u8, false)],
            )
        };
        put("main.G", g);
        put("main.MyInt", named("main.MyInt", KIND_INT, 8));
        put("main.MyStr", named("main.MyStr", KIND_STRING, 16));
        put("[]int", slice_type("[]int", int));
        put("[]uint8", slice_type("[]uint8", uint8));
        put("[]string", slice_type("[]string", string));
        put("[3]int", array_type("[3]int", int, 3));
        put("[3]uint8", array_type("[3]uint8", uint8, 3));
        put("map[string]int", map_type("map[string]int", string, int));
        put("map[int]string", map_type("map[int]string", int, string));
        put("map[float64]int", map_type("map[float64]int", f64t, int));
        put("map[main.St]int", map_type("map[main.St]int", st, int));
        put("map[main.D]main.D", map_type("map[main.D]main.D", d, d));
        put("[]interface {}", slice_type("[]interface {}", any));
        let intp = put("*int", ptr_type("*int", int));
        let q = put(
            "main.Q",
            struct_type("main.Q", true, &[("a", int), ("B", string)]),
        );
        let w = struct_type(
            "main.W",
            true,
            &[("St", st), ("I", any), ("p", intp), ("Q", q)],
        );
        // String is promoted from the embedded St (at offset 0).
        // SAFETY: freshly leaked descriptors, not yet shared.
        unsafe {
            add_methods(
                &mut *(w as *mut Type),
                &[("String", st_string as *const u8, false)],
            )
        };
        put("main.W", w);
        let wp = ptr_type("*main.W", w);
        // SAFETY: as above.
        unsafe {
            add_methods(
                &mut *(wp as *mut Type),
                &[("String", st_string as *const u8, false)],
            )
        };
        put("*main.W", wp);
        put(
            "main.In",
            struct_type(
                "main.In",
                true,
                &[("V", any), ("S", stringer), ("e", error)],
            ),
        );
        put("func()", unnamed("func()", KIND_FUNC, 8));
        put("[]main.D", slice_type("[]main.D", d));
        put("[]main.St", slice_type("[]main.St", st));
        put("[]main.Pt", slice_type("[]main.Pt", pt));
        put("[]*main.Pt", slice_type("[]*main.Pt", ptp));
        let _ = int64;
        Types(m)
    })
}

fn ty(name: &str) -> *const Type {
    types().get(name)
}

fn eface(t: &str, data: *mut u8) -> Eface {
    Eface { typ: ty(t), data }
}

/// A Go slice of `n` elements of `size` bytes from raw bytes.
fn slice_of<T: Copy + 'static>(v: &[T]) -> GoSlice {
    if v.is_empty() {
        return GoSlice {
            ptr: &crate::mem::ZEROBASE as *const u64 as *mut u8,
            len: 0,
            cap: 0,
        };
    }
    let b: &'static mut [T] = Box::leak(v.to_vec().into_boxed_slice());
    GoSlice {
        ptr: b.as_mut_ptr() as *mut u8,
        len: v.len() as isize,
        cap: v.len() as isize,
    }
}

fn ints(s: &str) -> Vec<i64> {
    s.split(',').map(|x| x.parse().unwrap()).collect()
}

fn parse_float(s: &str) -> f64 {
    match s {
        "NaN" => f64::NAN,
        "+Inf" | "Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        _ => s.parse().unwrap(),
    }
}

unsafe fn map_put<K, V>(mt: *const Type, m: *mut u8, k: K, v: V) {
    // SAFETY: `mt` is a map type with key K and value V.
    unsafe { *(rgo_mapassign(mt, m, &k as *const K as *const u8) as *mut V) = v };
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Q {
    a: i64,
    b: GoString,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct W {
    st: i64,
    i: Eface,
    p: *mut i64,
    q: Q,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct In {
    v: Eface,
    s: Eface,
    e: Eface,
}

fn st_iface(a: i64) -> Eface {
    eface("main.St", boxed(a))
}

/// An operand from its token (see the Go generator's `parse`).
fn arg(tok: &str) -> Eface {
    let (k, v) = tok.split_once(':').unwrap_or((tok, ""));
    let pair = || {
        let (x, y) = v.split_once(':').unwrap();
        (x.parse::<i64>().unwrap(), y)
    };
    // SAFETY: every map built here gets keys and values of its type.
    unsafe {
        match k {
            "i" => eface("int", boxed(v.parse::<i64>().unwrap())),
            "i8" => eface("int8", boxed(v.parse::<i8>().unwrap())),
            "i32" => eface("int32", boxed(v.parse::<i32>().unwrap())),
            "i64" => eface("int64", boxed(v.parse::<i64>().unwrap())),
            "u" => eface("uint", boxed(v.parse::<u64>().unwrap())),
            "u8" => eface("uint8", boxed(v.parse::<u8>().unwrap())),
            "u16" => eface("uint16", boxed(v.parse::<u16>().unwrap())),
            "u64" => eface("uint64", boxed(v.parse::<u64>().unwrap())),
            "up" => eface("uintptr", boxed(v.parse::<u64>().unwrap())),
            "f" => eface("float64", boxed(parse_float(v))),
            "inf" => eface("float64", boxed(f64::INFINITY)),
            "f32" => eface("float32", boxed(parse_float(v) as f32)),
            "c" | "c64" => {
                let (re, im) = v.split_once(':').unwrap();
                let (re, im) = (parse_float(re), parse_float(im));
                if k == "c" {
                    eface("complex128", boxed([re, im]))
                } else {
                    eface("complex64", boxed([re as f32, im as f32]))
                }
            }
            "b" => eface("bool", boxed(v == "true")),
            "s" => eface("string", boxed(copy_to_go(&unquote(v)))),
            "nil" => Eface {
                typ: core::ptr::null(),
                data: core::ptr::null_mut(),
            },
            "P" => {
                let (x, y) = v.split_once(':').unwrap();
                eface(
                    "main.P",
                    boxed([x.parse::<i64>().unwrap(), y.parse().unwrap()]),
                )
            }
            "PP" => {
                let (x, y) = v.split_once(':').unwrap();
                eface(
                    "*main.P",
                    boxed([x.parse::<i64>().unwrap(), y.parse().unwrap()]),
                )
            }
            "Q" => {
                let (a, b) = pair();
                eface("main.Q", boxed(Q { a, b: go_string(b) }))
            }
            "St" => st_iface(v.parse().unwrap()),
            "StP" => eface("*main.St", boxed(v.parse::<i64>().unwrap())),
            "NilStP" => eface("*main.St", core::ptr::null_mut()),
            "Pt" => eface("main.Pt", boxed(v.parse::<i64>().unwrap())),
            "PtP" => eface("*main.Pt", boxed(v.parse::<i64>().unwrap())),
            "E" => eface("*main.E", boxed(go_string(v))),
            "NilE" => eface("*main.E", core::ptr::null_mut()),
            "D" => eface("main.D", boxed(v.parse::<i64>().unwrap())),
            "G" => eface("main.G", boxed(v.parse::<i64>().unwrap())),
            "MyInt" => eface("main.MyInt", boxed(v.parse::<i64>().unwrap())),
            "MyStr" => eface("main.MyStr", boxed(go_string(v))),
            "sl" => eface("[]int", boxed(slice_of(&ints(v)))),
            "nilsl" => eface(
                "[]int",
                boxed(GoSlice {
                    ptr: core::ptr::null_mut(),
                    len: 0,
                    cap: 0,
                }),
            ),
            "emptysl" => eface("[]int", boxed(slice_of::<i64>(&[]))),
            "bs" => eface("[]uint8", boxed(slice_of(&unquote(v)))),
            "nilbs" => eface(
                "[]uint8",
                boxed(GoSlice {
                    ptr: core::ptr::null_mut(),
                    len: 0,
                    cap: 0,
                }),
            ),
            "ss" => {
                let strs: Vec<GoString> = v.split(',').map(go_string).collect();
                eface("[]string", boxed(slice_of(&strs)))
            }
            "arr" => {
                let a = ints(v);
                eface("[3]int", boxed([a[0], a[1], a[2]]))
            }
            "barr" => {
                let a = ints(v);
                eface("[3]uint8", boxed([a[0] as u8, a[1] as u8, a[2] as u8]))
            }
            "m" | "mi" | "mf" => {
                let name = match k {
                    "m" => "map[string]int",
                    "mi" => "map[int]string",
                    _ => "map[float64]int",
                };
                let mt = ty(name);
                let m = rgo_makemap(mt, 0);
                for kv in v.split(',') {
                    let (a, b) = kv.split_once('=').unwrap();
                    match k {
                        "m" => map_put(mt, m, go_string(a), b.parse::<i64>().unwrap()),
                        "mi" => map_put(mt, m, a.parse::<i64>().unwrap(), go_string(b)),
                        _ => map_put(mt, m, parse_float(a), b.parse::<i64>().unwrap()),
                    }
                }
                eface(name, m)
            }
            "nilm" => eface("map[string]int", core::ptr::null_mut()),
            "mst" => {
                let mt = ty("map[main.St]int");
                let m = rgo_makemap(mt, 0);
                map_put(mt, m, 3i64, 1i64);
                map_put(mt, m, 1i64, 2i64);
                eface("map[main.St]int", m)
            }
            "mD" => {
                let mt = ty("map[main.D]main.D");
                let m = rgo_makemap(mt, 0);
                map_put(mt, m, 2i64, 3i64);
                map_put(mt, m, 1i64, 4i64);
                eface("map[main.D]main.D", m)
            }
            "anys" => {
                let items = [
                    arg("i:1"),
                    arg("s:\"a\""),
                    arg("nil"),
                    arg("f:2.5"),
                    st_iface(4),
                ];
                eface("[]interface {}", boxed(slice_of(&items)))
            }
            "W" => eface(
                "main.W",
                boxed(W {
                    st: 1,
                    i: arg("P:1:2"),
                    p: core::ptr::null_mut(),
                    q: Q {
                        a: 3,
                        b: go_string("q"),
                    },
                }),
            ),
            "WP" => eface(
                "*main.W",
                boxed(W {
                    st: 1,
                    i: arg("nil"),
                    p: core::ptr::null_mut(),
                    q: Q {
                        a: 0,
                        b: GoString::EMPTY,
                    },
                }),
            ),
            "In" | "InNil" => {
                let mut v = In {
                    v: arg("nil"),
                    s: arg("nil"),
                    e: arg("nil"),
                };
                if k == "In" {
                    v.v = arg("i:5");
                    let tab = crate::iface::rgo_getitab(ty("fmt.Stringer"), ty("main.St"), 0);
                    v.s = Eface {
                        typ: tab as *const Type,
                        data: boxed(2i64),
                    };
                }
                eface("main.In", boxed(v))
            }
            "nilp" => eface("*int", core::ptr::null_mut()),
            "nilfn" => eface("func()", core::ptr::null_mut()),
            "Ds" => eface("[]main.D", boxed(slice_of(&[1i64, 2]))),
            "Sts" => eface("[]main.St", boxed(slice_of(&[1i64, 2]))),
            "Pts" => eface("[]main.Pt", boxed(slice_of(&[1i64, 2]))),
            "PtPs" => {
                let ps = [boxed(1i64), boxed(2i64)];
                eface("[]*main.Pt", boxed(slice_of(&ps)))
            }
            _ => panic!("unknown token {tok}"),
        }
    }
}

#[test]
fn matches_go_fmt() {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in include_str!("testdata/fmt.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let (lhs, want) = line.split_once("\t=>\t").unwrap();
        let mut fields = lhs.split('\t');
        let format = unquote(fields.next().unwrap());
        let args: Vec<Eface> = fields.map(arg).collect();
        let mut p = Printer::new();
        match &format[..] {
            b"PRINT" => p.do_print(&args),
            b"PRINTLN" => p.do_println(&args),
            f => p.do_printf(f, &args),
        }
        let got = p.into_bytes();
        let want = unquote(want);
        n += 1;
        if got != want {
            failures.push(format!(
                "{lhs}\n   got  {:?}\n   want {:?}",
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
