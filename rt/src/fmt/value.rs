//! Printing one operand: fmt's `printArg`, `handleMethods` and
//! `printValue`, walking the value through its type descriptor.
//!
//! A [`Value`] is a typed pointer to memory holding the value, plus
//! reflect's read-only bit: values reached through unexported struct
//! fields cannot be turned back into interfaces, so their `String` and
//! `Error` methods are not called (exactly as with reflection).

use super::verbs::{LDIGITS, UDIGITS};
use super::Printer;
use super::{sort, state};
use crate::abi::*;

#[derive(Clone, Copy)]
pub(super) struct Value<'t> {
    pub typ: &'t Type,
    pub ptr: *const u8,
    /// Reached through an unexported field.
    pub ro: bool,
}

impl<'t> Value<'t> {
    /// The interface data word for this value (the value itself when
    /// pointer-shaped, otherwise a pointer to it).
    fn data_word(&self) -> *mut u8 {
        if self.typ.is_direct_iface() {
            // SAFETY: pointer-shaped values are one word.
            unsafe { *(self.ptr as *const *mut u8) }
        } else {
            self.ptr as *mut u8
        }
    }

    fn word(&self) -> usize {
        // SAFETY: used for one-word kinds (pointers, maps, chans, funcs).
        unsafe { *(self.ptr as *const usize) }
    }

    /// Integer value and signedness, for integer kinds.
    fn int(&self) -> Option<(u64, bool)> {
        let p = self.ptr;
        // SAFETY: `ptr` points to a value of the descriptor's kind.
        unsafe {
            Some(match self.typ.kind {
                KIND_INT | KIND_INT64 => (*(p as *const i64) as u64, true),
                KIND_INT8 => (*(p as *const i8) as i64 as u64, true),
                KIND_INT16 => (*(p as *const i16) as i64 as u64, true),
                KIND_INT32 => (*(p as *const i32) as i64 as u64, true),
                KIND_UINT | KIND_UINT64 | KIND_UINTPTR => (*(p as *const u64), false),
                KIND_UINT8 => (*p as u64, false),
                KIND_UINT16 => (*(p as *const u16) as u64, false),
                KIND_UINT32 => (*(p as *const u32) as u64, false),
                _ => return None,
            })
        }
    }

    fn string(&self) -> &'t [u8] {
        // SAFETY: string values are Go string headers.
        unsafe { (*(self.ptr as *const GoString)).as_bytes() }
    }

    fn slice_header(&self) -> GoSlice {
        // SAFETY: slice values are Go slice headers.
        unsafe { *(self.ptr as *const GoSlice) }
    }

    /// The dynamic value of an interface; None if nil.
    fn iface_elem(&self) -> Option<Value<'t>> {
        // SAFETY: interface values are two words: tab, data.
        unsafe {
            let tab = *(self.ptr as *const *const u8);
            let dt = dynamic_type(self.typ.len == 0, tab);
            if dt.is_null() {
                return None;
            }
            let dt = &*dt;
            let data = self.ptr.add(8);
            let ptr = if dt.is_direct_iface() {
                data
            } else {
                *(data as *const *const u8)
            };
            Some(Value {
                typ: dt,
                ptr,
                ro: self.ro,
            })
        }
    }

    /// Element `i` of an array or slice.
    fn index(&self, i: usize) -> Value<'t> {
        let et = self.typ.elem();
        let base = if self.typ.kind == KIND_SLICE {
            self.slice_header().ptr as *const u8
        } else {
            self.ptr
        };
        Value {
            typ: et,
            // SAFETY: `i` is below the length.
            ptr: unsafe { base.add(i * et.size) },
            ro: self.ro,
        }
    }

    fn len(&self) -> usize {
        if self.typ.kind == KIND_SLICE {
            self.slice_header().len as usize
        } else {
            self.typ.len
        }
    }

    /// The pointer value of pointer-like kinds, as reflect's
    /// `UnsafePointer` (a func's code pointer, a slice's data pointer).
    fn pointer(&self) -> usize {
        match self.typ.kind {
            KIND_SLICE => self.slice_header().ptr as usize,
            KIND_FUNC => {
                let closure = self.word();
                if closure == 0 {
                    0
                } else {
                    // SAFETY: a func value points at a closure whose first
                    // word is the code pointer.
                    unsafe { *(closure as *const usize) }
                }
            }
            _ => self.word(),
        }
    }
}

/// The predeclared `[]byte` (= `[]uint8`), not a named byte slice type.
fn is_byte_slice(t: &Type) -> bool {
    t.kind == KIND_SLICE
        && !t.is_named()
        && t.elem().kind == KIND_UINT8
        && t.name_bytes() == b"[]uint8"
}

fn is_exported(name: &[u8]) -> bool {
    match name.first() {
        Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
        Some(_) => {
            let (r, _) = crate::string::decode_rune(name, 0);
            char::from_u32(r).is_some_and(|c| c.is_uppercase())
        }
        None => false,
    }
}

/// Whether method `name` of `t` has a pointer receiver.
fn pointer_method(t: &Type, name: &[u8]) -> bool {
    t.find_method(name).is_some_and(|m| m.pointer_receiver != 0)
}

impl Printer {
    /// `printArg`: one top-level operand.
    pub(super) fn print_arg(&mut self, arg: Eface, verb: char) {
        if arg.typ.is_null() {
            match verb {
                'T' | 'v' => self.pad(b"<nil>"),
                _ => self.bad_verb_nil(verb),
            }
            return;
        }
        // SAFETY: a non-null type word is a valid descriptor.
        let t = unsafe { &*arg.typ };
        let word = arg.data;
        let ptr = if t.is_direct_iface() {
            &word as *const *mut u8 as *const u8
        } else {
            word as *const u8
        };
        let v = Value {
            typ: t,
            ptr,
            ro: false,
        };
        match verb {
            'T' => {
                self.fmt_s(t.name_bytes());
                return;
            }
            'p' => {
                self.fmt_pointer(v, 'p');
                return;
            }
            _ => {}
        }
        if self.handle_methods(v, verb) {
            return;
        }
        if self.f.sharp_v && matches!(verb, 'v' | 'd') && is_byte_slice(t) {
            // fmt prints the exact type []byte through its own fast path,
            // spelling the type "[]byte" (reflection says "[]uint8").
            self.fmt_byte_slice_sharp_v(v.slice_header());
            return;
        }
        self.print_value(v, verb, 0);
    }

    fn fmt_byte_slice_sharp_v(&mut self, s: GoSlice) {
        self.buf.extend_from_slice(b"[]byte");
        if s.ptr.is_null() {
            self.buf.extend_from_slice(b"(nil)");
            return;
        }
        self.buf.push(b'{');
        for i in 0..s.len as usize {
            if i > 0 {
                self.buf.extend_from_slice(b", ");
            }
            // SAFETY: `i` is below the slice's length.
            let c = unsafe { *s.ptr.add(i) };
            self.fmt_0x64(c as u64, true);
        }
        self.buf.push(b'}');
    }

    /// `%!verb(<nil>)`.
    fn bad_verb_nil(&mut self, verb: char) {
        self.buf.extend_from_slice(b"%!");
        self.push_rune(verb);
        self.buf.extend_from_slice(b"(<nil>)");
    }

    /// `%!verb(type=value)`, the value printed plainly.
    fn bad_verb(&mut self, v: Value, verb: char) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        self.push_rune(verb);
        self.buf.push(b'(');
        self.buf.extend_from_slice(v.typ.name_bytes());
        self.buf.push(b'=');
        self.print_value(v, 'v', 0);
        self.buf.push(b')');
        self.erroring = false;
    }

    /// Calls `Error()`, `String()` or (for `%#v`) `GoString()` if the
    /// value has it; true if that printed the value.
    fn handle_methods(&mut self, v: Value, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        if verb == 'w' {
            if !self.wrap_errs || v.typ.string_method(b"Error").is_none() {
                self.bad_verb(v, verb);
                return true;
            }
            verb = 'v';
        }
        if let Some(m) = state::format_method(v.typ) {
            let word = v.data_word();
            if v.typ.kind == KIND_POINTER && word.is_null() && !pointer_method(v.typ, b"Format") {
                self.buf.extend_from_slice(b"<nil>");
                return true;
            }
            match self.call_format(m, word, verb) {
                Some(state::Called::Panicked(e)) => {
                    self.catch_panic(v, e, verb, b"Format");
                    return true;
                }
                Some(state::Called::Returned(_)) => return true,
                None => {}
            }
        }
        let method: &[u8] = if self.f.sharp_v {
            b"GoString"
        } else {
            match verb {
                'v' | 's' | 'x' | 'X' | 'q' => {
                    if v.typ.string_method(b"Error").is_some() {
                        b"Error"
                    } else {
                        b"String"
                    }
                }
                _ => return false,
            }
        };
        let Some(m) = v.typ.string_method(method) else {
            return false;
        };
        let word = v.data_word();
        if v.typ.kind == KIND_POINTER && word.is_null() && !pointer_method(v.typ, method) {
            // A value method through a nil pointer would panic; fmt
            // recovers from that by printing <nil>.
            self.buf.extend_from_slice(b"<nil>");
            return true;
        }
        let s = match state::call_string_method(m as *const u8, word) {
            state::Called::Returned(s) => s,
            state::Called::Panicked(e) => {
                self.catch_panic(v, e, verb, method);
                return true;
            }
        };
        // SAFETY: the method returned a Go string.
        let s = unsafe { s.as_bytes() };
        if self.f.sharp_v {
            self.fmt_s(s);
        } else {
            self.fmt_string(None, s, verb);
        }
        true
    }

    /// `catchPanic`: the method called on `v` panicked with `e`. A nil
    /// pointer receiver prints `<nil>`; otherwise
    /// `%!verb(PANIC=Method method: value)`.
    fn catch_panic(&mut self, v: Value, e: Eface, verb: char, method: &[u8]) {
        if v.typ.kind == KIND_POINTER && v.data_word().is_null() {
            // Unpadded, as gc prints it.
            self.buf.extend_from_slice(b"<nil>");
            return;
        }
        if self.panicking {
            // A panic while printing a panic value: the recursion cannot
            // succeed.
            // SAFETY: `e` is the interface value a panic carried.
            unsafe { crate::panic::rgo_gopanic(e.typ, e.data) }
        }
        let flags = core::mem::take(&mut self.f);
        self.buf.extend_from_slice(b"%!");
        self.push_rune(verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method);
        self.buf.extend_from_slice(b" method: ");
        self.panicking = true;
        self.print_arg(e, 'v');
        self.panicking = false;
        self.buf.push(b')');
        self.f = flags;
    }

    /// `printValue`: a value by kind; `depth` > 0 inside composites.
    pub(super) fn print_value(&mut self, v: Value, verb: char, depth: usize) {
        if depth > 0 && !v.ro && self.handle_methods(v, verb) {
            return;
        }
        let t = v.typ;
        match t.kind {
            KIND_BOOL => {
                // SAFETY: a bool is one byte.
                let b = unsafe { *v.ptr != 0 };
                match verb {
                    't' | 'v' => self.fmt_boolean(b),
                    _ => self.bad_verb(v, verb),
                }
            }
            KIND_INT..=KIND_UINTPTR => {
                let (u, signed) = v.int().unwrap_or((0, false));
                self.fmt_int_verb(Some(v), u, signed, verb);
            }
            KIND_FLOAT32 => {
                // SAFETY: a float32 value.
                let f = unsafe { *(v.ptr as *const f32) } as f64;
                self.fmt_float_verb(Some(v), f, 32, verb);
            }
            KIND_FLOAT64 => {
                // SAFETY: a float64 value.
                let f = unsafe { *(v.ptr as *const f64) };
                self.fmt_float_verb(Some(v), f, 64, verb);
            }
            KIND_COMPLEX64 => {
                // SAFETY: two float32s.
                let (re, im) = unsafe {
                    let c = v.ptr as *const f32;
                    (*c as f64, *c.add(1) as f64)
                };
                self.fmt_complex(v, re, im, 64, verb);
            }
            KIND_COMPLEX128 => {
                // SAFETY: two float64s.
                let (re, im) = unsafe {
                    let c = v.ptr as *const f64;
                    (*c, *c.add(1))
                };
                self.fmt_complex(v, re, im, 128, verb);
            }
            KIND_STRING => self.fmt_string(Some(v), v.string(), verb),
            KIND_MAP => {
                let m = v.word() as *mut u8;
                if self.f.sharp_v {
                    self.buf.extend_from_slice(t.name_bytes());
                    if m.is_null() {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let (kt, vt) = (t.key(), t.elem());
                let mut entries = crate::map::entries(m);
                sort::sort_entries(kt, &mut entries);
                for (i, &(kp, vp)) in entries.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    let k = Value {
                        typ: kt,
                        ptr: kp,
                        ro: v.ro,
                    };
                    self.print_value(k, verb, depth + 1);
                    self.buf.push(b':');
                    let e = Value {
                        typ: vt,
                        ptr: vp,
                        ro: v.ro,
                    };
                    self.print_value(e, verb, depth + 1);
                }
                self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
            }
            KIND_STRUCT => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(t.name_bytes());
                }
                self.buf.push(b'{');
                for (i, f) in t.struct_fields().iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    // SAFETY: field names are constant string data.
                    let name = unsafe { f.name.as_bytes() };
                    if (self.f.plus_v || self.f.sharp_v) && !name.is_empty() {
                        self.buf.extend_from_slice(name);
                        self.buf.push(b':');
                    }
                    let fv = Value {
                        // SAFETY: field types are valid descriptors.
                        typ: unsafe { &*f.typ },
                        // SAFETY: the field lies inside the struct.
                        ptr: unsafe { v.ptr.add(f.offset) },
                        ro: v.ro || !is_exported(name),
                    };
                    // fmt's getField: a non-nil interface field is printed
                    // as its dynamic value.
                    match fv.typ.kind {
                        KIND_INTERFACE => match fv.iface_elem() {
                            Some(inner) => self.print_value(inner, verb, depth + 1),
                            None => self.print_value(fv, verb, depth + 1),
                        },
                        _ => self.print_value(fv, verb, depth + 1),
                    }
                }
                self.buf.push(b'}');
            }
            KIND_INTERFACE => match v.iface_elem() {
                Some(inner) => self.print_value(inner, verb, depth + 1),
                None => {
                    if self.f.sharp_v {
                        self.buf.extend_from_slice(t.name_bytes());
                        self.buf.extend_from_slice(b"(nil)");
                    } else {
                        self.buf.extend_from_slice(b"<nil>");
                    }
                }
            },
            KIND_ARRAY | KIND_SLICE => {
                if matches!(verb, 's' | 'q' | 'x' | 'X') && t.elem().kind == KIND_UINT8 {
                    let n = v.len();
                    let data = if t.kind == KIND_SLICE {
                        v.slice_header().ptr as *const u8
                    } else {
                        v.ptr
                    };
                    let bytes = if n == 0 {
                        &[][..]
                    } else {
                        // SAFETY: `n` bytes of the array or slice.
                        unsafe { core::slice::from_raw_parts(data, n) }
                    };
                    self.fmt_bytes(bytes, verb);
                    return;
                }
                if self.f.sharp_v {
                    self.buf.extend_from_slice(t.name_bytes());
                    if t.kind == KIND_SLICE && v.slice_header().ptr.is_null() {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                    for i in 0..v.len() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.print_value(v.index(i), verb, depth + 1);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for i in 0..v.len() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.print_value(v.index(i), verb, depth + 1);
                    }
                    self.buf.push(b']');
                }
            }
            KIND_POINTER => {
                // A pointer to an array, slice, struct or map prints as
                // &value at the top level only (avoiding loops).
                let p = v.word();
                if depth == 0 && p != 0 {
                    let et = t.elem();
                    if matches!(et.kind, KIND_ARRAY | KIND_SLICE | KIND_STRUCT | KIND_MAP) {
                        self.buf.push(b'&');
                        let e = Value {
                            typ: et,
                            ptr: p as *const u8,
                            ro: v.ro,
                        };
                        self.print_value(e, verb, depth + 1);
                        return;
                    }
                }
                self.fmt_pointer(v, verb);
            }
            KIND_CHAN | KIND_FUNC | KIND_UNSAFE_POINTER => self.fmt_pointer(v, verb),
            _ => {
                self.buf.push(b'?');
                self.buf.extend_from_slice(t.name_bytes());
                self.buf.push(b'?');
            }
        }
    }

    /// `0x`-prefixed (or not) lowercase hex, ignoring other flags but width.
    fn fmt_0x64(&mut self, u: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer(u, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    fn fmt_int_verb(&mut self, v: Option<Value>, u: u64, signed: bool, verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt_0x64(u, true);
                } else {
                    self.fmt_integer(u, 10, signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt_integer(u, 10, signed, verb, LDIGITS),
            'b' => self.fmt_integer(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer(u, 8, signed, verb, LDIGITS),
            'x' => self.fmt_integer(u, 16, signed, verb, LDIGITS),
            'X' => self.fmt_integer(u, 16, signed, verb, UDIGITS),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => match v {
                Some(v) => self.bad_verb(v, verb),
                None => self.bad_verb_nil(verb),
            },
        }
    }

    fn fmt_float_verb(&mut self, v: Option<Value>, f: f64, size: u32, verb: char) {
        match verb {
            'v' => self.fmt_float(f, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float(f, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt_float(f, size, verb as u8, 6),
            'F' => self.fmt_float(f, size, b'f', 6),
            _ => match v {
                Some(v) => self.bad_verb(v, verb),
                None => self.bad_verb_nil(verb),
            },
        }
    }

    fn fmt_complex(&mut self, v: Value, re: f64, im: f64, size: u32, verb: char) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let old_plus = self.f.plus;
                self.buf.push(b'(');
                self.fmt_float_verb(Some(v), re, size / 2, verb);
                // The imaginary part always has a sign.
                self.f.plus = true;
                self.fmt_float_verb(Some(v), im, size / 2, verb);
                self.buf.extend_from_slice(b"i)");
                self.f.plus = old_plus;
            }
            _ => self.bad_verb(v, verb),
        }
    }

    /// A string operand (or the result of `String()`/`Error()`, `v` None).
    fn fmt_string(&mut self, v: Option<Value>, s: &[u8], verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s);
                } else {
                    self.fmt_s(s);
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s, LDIGITS),
            'X' => self.fmt_sbx(s, UDIGITS),
            'q' => self.fmt_q(s),
            _ => match v {
                Some(v) => self.bad_verb(v, verb),
                None => self.bad_verb_nil(verb),
            },
        }
    }

    /// `%s %q %x %X` of a byte slice or array.
    fn fmt_bytes(&mut self, b: &[u8], verb: char) {
        match verb {
            's' => {
                let b = b.to_vec();
                self.fmt_s(&b);
            }
            'x' => self.fmt_sbx(b, LDIGITS),
            'X' => self.fmt_sbx(b, UDIGITS),
            _ => {
                let b = b.to_vec();
                self.fmt_q(&b);
            }
        }
    }

    /// `%p` and `%v` of pointer-like values.
    fn fmt_pointer(&mut self, v: Value, verb: char) {
        if !matches!(
            v.typ.kind,
            KIND_CHAN | KIND_FUNC | KIND_MAP | KIND_POINTER | KIND_SLICE | KIND_UNSAFE_POINTER
        ) {
            self.bad_verb(v, verb);
            return;
        }
        let u = v.pointer() as u64;
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push(b'(');
                    self.buf.extend_from_slice(v.typ.name_bytes());
                    self.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.pad(b"<nil>");
                } else {
                    self.fmt_0x64(u, !self.f.sharp);
                }
            }
            'p' => self.fmt_0x64(u, !self.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int_verb(Some(v), u, false, verb),
            _ => self.bad_verb(v, verb),
        }
    }
}
