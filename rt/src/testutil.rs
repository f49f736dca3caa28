//! Hand-built type descriptors for unit tests, laid out as codegen emits
//! them. Descriptors are leaked (they live for the program, as real ones
//! do) and the basic ones are shared, so identical types compare equal by
//! address.

use std::sync::OnceLock;

use crate::abi::*;

pub fn gs(s: &str) -> GoString {
    let s: &'static str = Box::leak(s.to_string().into_boxed_str());
    GoString::from_static(s)
}

/// Pointer bitmap of every test descriptor: any word within `ptr_bytes`
/// may be a pointer (enough for types of up to 32 KiB).
static ALL_POINTER_BITS: [u8; 512] = [0xff; 512];

fn blank() -> Type {
    Type {
        size: 0,
        ptr_bytes: 0,
        hash: 0,
        tflag: 0,
        align: 1,
        field_align: 1,
        kind: 0,
        equal: core::ptr::null(),
        gc_data: ALL_POINTER_BITS.as_ptr(),
        name: GoString::EMPTY,
        elem: core::ptr::null(),
        key: core::ptr::null(),
        len: 0,
        fields: core::ptr::null(),
        methods: core::ptr::null(),
        num_methods: 0,
        pkg_path: GoString::EMPTY,
        ptr_to_this: core::ptr::null(),
        extra: 0,
    }
}

fn leak(t: Type) -> *const Type {
    Box::leak(Box::new(t))
}

fn hash_name(name: &str) -> u32 {
    name.bytes()
        .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619))
}

/// A type descriptor with the usual flags for its kind.
pub fn make(name: &str, kind: u8, size: usize, named: bool) -> Type {
    let mut t = blank();
    t.name = gs(name);
    t.kind = kind;
    t.size = size;
    t.hash = hash_name(name);
    let align = size.clamp(1, 8);
    t.align = if matches!(kind, KIND_STRUCT | KIND_ARRAY) {
        8
    } else {
        align as u8
    };
    t.field_align = t.align;
    if named {
        t.tflag |= TFLAG_NAMED;
        if let Some(dot) = name.rfind('.') {
            t.pkg_path = gs(&name[..dot]);
        }
    }
    if !matches!(kind, KIND_SLICE | KIND_MAP | KIND_FUNC) {
        t.tflag |= TFLAG_COMPARABLE;
    }
    if matches!(
        kind,
        KIND_POINTER | KIND_MAP | KIND_CHAN | KIND_FUNC | KIND_UNSAFE_POINTER
    ) {
        t.tflag |= TFLAG_DIRECT_IFACE;
        t.ptr_bytes = 8;
    }
    if matches!(kind, KIND_STRING | KIND_SLICE | KIND_INTERFACE) {
        t.ptr_bytes = 8;
    }
    t
}

macro_rules! shared {
    ($f:ident, $name:expr, $kind:expr, $size:expr) => {
        pub fn $f() -> *const Type {
            static T: OnceLock<usize> = OnceLock::new();
            *T.get_or_init(|| leak(make($name, $kind, $size, true)) as usize) as *const Type
        }
    };
}

shared!(int_type, "int", KIND_INT, 8);
shared!(int8_type, "int8", KIND_INT8, 1);
shared!(int32_type, "int32", KIND_INT32, 4);
shared!(uint_type, "uint", KIND_UINT, 8);
shared!(uint8_type, "uint8", KIND_UINT8, 1);
shared!(uint16_type, "uint16", KIND_UINT16, 2);
shared!(uintptr_type, "uintptr", KIND_UINTPTR, 8);
shared!(bool_type, "bool", KIND_BOOL, 1);
shared!(string_type, "string", KIND_STRING, 16);
shared!(float64_type, "float64", KIND_FLOAT64, 8);
shared!(float32_type, "float32", KIND_FLOAT32, 4);
shared!(complex128_type, "complex128", KIND_COMPLEX128, 16);
shared!(complex64_type, "complex64", KIND_COMPLEX64, 8);

pub fn empty_iface_type() -> *const Type {
    static T: OnceLock<usize> = OnceLock::new();
    *T.get_or_init(|| leak(make("interface {}", KIND_INTERFACE, 16, false)) as usize) as *const Type
}

/// `func() string`, shared.
pub fn func_string_type() -> *const Type {
    static T: OnceLock<usize> = OnceLock::new();
    *T.get_or_init(|| {
        let mut t = make("func() string", KIND_FUNC, 8, false);
        let res: &'static [*const Type] = Box::leak(vec![string_type()].into_boxed_slice());
        t.fields = res.as_ptr() as *const u8;
        t.len = 0;
        t.extra = 1;
        leak(t) as usize
    }) as *const Type
}

pub fn named(name: &str, kind: u8, size: usize) -> *const Type {
    leak(make(name, kind, size, true))
}

pub fn unnamed(name: &str, kind: u8, size: usize) -> *const Type {
    leak(make(name, kind, size, false))
}

/// A named, empty struct type with one `name() string` method.
pub fn with_string_method(
    name: &str,
    method: &str,
    ifn: *const u8,
    pointer_receiver: bool,
) -> *const Type {
    let mut t = make(name, KIND_STRUCT, 0, true);
    t.tflag |= TFLAG_UNCOMMON;
    let m: &'static [Method] = Box::leak(
        vec![Method {
            name: gs(method),
            typ: func_string_type(),
            ifn,
            pointer_receiver: pointer_receiver as u8,
        }]
        .into_boxed_slice(),
    );
    t.methods = m.as_ptr();
    t.num_methods = 1;
    leak(t)
}

/// Adds `name() string` methods to a descriptor.
pub fn add_methods(t: &mut Type, methods: &[(&str, *const u8, bool)]) {
    let mut ms: Vec<Method> = methods
        .iter()
        .map(|&(n, ifn, p)| Method {
            name: gs(n),
            typ: func_string_type(),
            ifn,
            pointer_receiver: p as u8,
        })
        .collect();
    // SAFETY: names are leaked static strings.
    ms.sort_by(|a, b| unsafe { a.name.as_bytes().cmp(b.name.as_bytes()) });
    t.num_methods = ms.len();
    t.methods = Box::leak(ms.into_boxed_slice()).as_ptr();
    t.tflag |= TFLAG_UNCOMMON;
}

/// An interface type whose methods are all `func() string`.
pub fn iface_type(name: &str, methods: &[&str]) -> *const Type {
    let mut t = make(name, KIND_INTERFACE, 16, true);
    let mut ms: Vec<IMethod> = methods
        .iter()
        .map(|m| IMethod {
            name: gs(m),
            typ: func_string_type(),
        })
        .collect();
    // SAFETY: names are leaked static strings.
    ms.sort_by(|a, b| unsafe { a.name.as_bytes().cmp(b.name.as_bytes()) });
    t.len = ms.len();
    t.fields = Box::leak(ms.into_boxed_slice()).as_ptr() as *const u8;
    leak(t)
}

pub fn map_type(name: &str, k: *const Type, v: *const Type) -> *const Type {
    let mut t = make(name, KIND_MAP, 8, false);
    t.key = k;
    t.elem = v;
    leak(t)
}

pub fn slice_type(name: &str, elem: *const Type) -> *const Type {
    let mut t = make(name, KIND_SLICE, 24, false);
    t.elem = elem;
    leak(t)
}

pub fn ptr_type(name: &str, elem: *const Type) -> *const Type {
    let mut t = make(name, KIND_POINTER, 8, false);
    t.elem = elem;
    leak(t)
}

pub fn array_type(name: &str, elem: *const Type, n: usize) -> *const Type {
    // SAFETY: `elem` is a valid descriptor.
    let es = unsafe { (*elem).size };
    let mut t = make(name, KIND_ARRAY, es * n, false);
    t.elem = elem;
    t.len = n;
    leak(t)
}

/// A struct type; fields laid out in order with natural alignment.
pub fn struct_type(name: &str, named_type: bool, fields: &[(&str, *const Type)]) -> *const Type {
    let mut off = 0;
    let mut fs = Vec::new();
    let mut ptrs = false;
    for &(n, ft) in fields {
        // SAFETY: `ft` is a valid descriptor.
        let (size, align, p) = unsafe { ((*ft).size, (*ft).align as usize, (*ft).ptr_bytes) };
        off = (off + align - 1) & !(align - 1);
        fs.push(StructField {
            name: gs(n),
            typ: ft,
            offset: off,
            embedded: 0,
        });
        ptrs |= p != 0;
        off += size;
    }
    let size = (off + 7) & !7;
    let mut t = make(name, KIND_STRUCT, size, named_type);
    t.len = fs.len();
    t.fields = Box::leak(fs.into_boxed_slice()).as_ptr() as *const u8;
    if ptrs {
        t.ptr_bytes = size;
    }
    leak(t)
}
