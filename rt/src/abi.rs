//! The `#[repr(C)]` types of `rt/ABI.md`: how Go values and type descriptors
//! look in memory, as compiled Go code lays them out.

use core::ptr;

/// A Go `string` header; also the flattened return value of entry points
/// that return one string (RAX:RDX).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: isize,
}

impl GoString {
    pub const EMPTY: GoString = GoString {
        ptr: ptr::null(),
        len: 0,
    };

    /// A Go string viewing static bytes (never written to, never freed).
    pub const fn from_static(s: &'static str) -> GoString {
        GoString {
            ptr: s.as_ptr(),
            len: s.len() as isize,
        }
    }

    /// The bytes of the string.
    ///
    /// # Safety
    /// `ptr` must point to `len` readable bytes that stay alive and unchanged
    /// for `'a` (Go strings are immutable and heap strings are never freed
    /// while referenced).
    pub unsafe fn as_bytes<'a>(self) -> &'a [u8] {
        if self.len <= 0 || self.ptr.is_null() {
            &[]
        } else {
            // SAFETY: guaranteed by the caller (see above).
            unsafe { core::slice::from_raw_parts(self.ptr, self.len as usize) }
        }
    }
}

/// A Go slice header.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct GoSlice {
    pub ptr: *mut u8,
    pub len: isize,
    pub cap: isize,
}

/// An interface value: `tab` is a `*Type` for empty interfaces and an
/// `*Itab` for interfaces with methods.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Eface {
    pub typ: *const Type,
    pub data: *mut u8,
}

/// A type descriptor (see `rt/ABI.md`, "Type descriptors").
#[repr(C)]
#[derive(Debug)]
pub struct Type {
    pub size: usize,
    pub ptr_bytes: usize,
    pub hash: u32,
    pub tflag: u8,
    pub align: u8,
    pub field_align: u8,
    pub kind: u8,
    pub equal: *const u8,
    pub gc_data: *const u8,
    pub name: GoString,
    pub elem: *const Type,
    pub key: *const Type,
    pub len: usize,
    pub fields: *const u8,
    pub methods: *const Method,
    pub num_methods: usize,
    pub pkg_path: GoString,
    pub ptr_to_this: *const Type,
    pub extra: usize,
}

// SAFETY: descriptors are immutable constants emitted by the compiler (or,
// in tests, leaked and never written after construction).
unsafe impl Sync for Type {}

#[repr(C)]
#[derive(Debug)]
pub struct StructField {
    pub name: GoString,
    pub typ: *const Type,
    pub offset: usize,
    pub embedded: u8,
}

#[repr(C)]
#[derive(Debug)]
pub struct IMethod {
    pub name: GoString,
    pub typ: *const Type,
}

#[repr(C)]
#[derive(Debug)]
pub struct Method {
    pub name: GoString,
    pub typ: *const Type,
    pub ifn: *const u8,
    pub pointer_receiver: u8,
}

/// An itab header; `fun` has one entry per interface method.
#[repr(C)]
#[derive(Debug)]
pub struct Itab {
    pub inter: *const Type,
    pub typ: *const Type,
    pub hash: u32,
    pub _pad: u32,
    pub fun: [*const u8; 0],
}

pub const KIND_BOOL: u8 = 1;
pub const KIND_INT: u8 = 2;
pub const KIND_INT8: u8 = 3;
pub const KIND_INT16: u8 = 4;
pub const KIND_INT32: u8 = 5;
pub const KIND_INT64: u8 = 6;
pub const KIND_UINT: u8 = 7;
pub const KIND_UINT8: u8 = 8;
pub const KIND_UINT16: u8 = 9;
pub const KIND_UINT32: u8 = 10;
pub const KIND_UINT64: u8 = 11;
pub const KIND_UINTPTR: u8 = 12;
pub const KIND_FLOAT32: u8 = 13;
pub const KIND_FLOAT64: u8 = 14;
pub const KIND_COMPLEX64: u8 = 15;
pub const KIND_COMPLEX128: u8 = 16;
pub const KIND_ARRAY: u8 = 17;
pub const KIND_CHAN: u8 = 18;
pub const KIND_FUNC: u8 = 19;
pub const KIND_INTERFACE: u8 = 20;
pub const KIND_MAP: u8 = 21;
pub const KIND_POINTER: u8 = 22;
pub const KIND_SLICE: u8 = 23;
pub const KIND_STRING: u8 = 24;
pub const KIND_STRUCT: u8 = 25;
pub const KIND_UNSAFE_POINTER: u8 = 26;

pub const TFLAG_UNCOMMON: u8 = 1;
pub const TFLAG_NAMED: u8 = 2;
pub const TFLAG_DIRECT_IFACE: u8 = 32;
pub const TFLAG_COMPARABLE: u8 = 64;

/// Signature of a `String() string` / `Error() string` method body called
/// through its `ifn`: `(ctx, receiver data word) -> string`.
pub type StringMethod = unsafe extern "C" fn(*mut u8, *mut u8) -> GoString;

impl Type {
    /// The descriptor of a runtime-internal object of `size` bytes whose
    /// pointer words are the bits of `gc_data` (`ptr_bytes / 8` of them):
    /// what the collector needs to scan it, nothing more.
    pub const fn internal(
        name: &'static str,
        size: usize,
        ptr_bytes: usize,
        gc_data: *const u8,
    ) -> Type {
        Type {
            size,
            ptr_bytes,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: KIND_STRUCT,
            equal: ptr::null(),
            gc_data,
            name: GoString::from_static(name),
            elem: ptr::null(),
            key: ptr::null(),
            len: 0,
            fields: ptr::null(),
            methods: ptr::null(),
            num_methods: 0,
            pkg_path: GoString::EMPTY,
            ptr_to_this: ptr::null(),
            extra: 0,
        }
    }

    pub fn name_bytes(&self) -> &[u8] {
        // SAFETY: descriptor names point at constant string data.
        unsafe { self.name.as_bytes() }
    }

    pub fn is_direct_iface(&self) -> bool {
        self.tflag & TFLAG_DIRECT_IFACE != 0
    }

    pub fn is_named(&self) -> bool {
        self.tflag & TFLAG_NAMED != 0
    }

    pub fn is_comparable(&self) -> bool {
        self.tflag & TFLAG_COMPARABLE != 0
    }

    pub fn noscan(&self) -> bool {
        self.ptr_bytes == 0
    }

    /// Struct fields (empty for other kinds).
    pub fn struct_fields(&self) -> &[StructField] {
        if self.kind != KIND_STRUCT || self.len == 0 || self.fields.is_null() {
            return &[];
        }
        // SAFETY: for structs `fields` points at `len` StructField records
        // in the constant descriptor data.
        unsafe { core::slice::from_raw_parts(self.fields as *const StructField, self.len) }
    }

    /// Interface methods (empty for other kinds).
    pub fn imethods(&self) -> &[IMethod] {
        if self.kind != KIND_INTERFACE || self.len == 0 || self.fields.is_null() {
            return &[];
        }
        // SAFETY: for interfaces `fields` points at `len` IMethod records.
        unsafe { core::slice::from_raw_parts(self.fields as *const IMethod, self.len) }
    }

    /// The concrete method table (value and pointer receivers).
    pub fn method_table(&self) -> &[Method] {
        if self.num_methods == 0 || self.methods.is_null() {
            return &[];
        }
        // SAFETY: `methods` points at `num_methods` Method records.
        unsafe { core::slice::from_raw_parts(self.methods, self.num_methods) }
    }

    /// Function types: parameters followed by results.
    pub fn func_types(&self) -> &[*const Type] {
        let n = self.len + self.extra;
        if self.kind != KIND_FUNC || n == 0 || self.fields.is_null() {
            return &[];
        }
        // SAFETY: for funcs `fields` points at len + extra descriptor pointers.
        unsafe { core::slice::from_raw_parts(self.fields as *const *const Type, n) }
    }

    /// The element type (pointer, slice, array, chan, map value).
    pub fn elem(&self) -> &Type {
        // SAFETY: callers use this only for kinds that have an element, for
        // which the compiler always fills `elem`.
        unsafe { &*self.elem }
    }

    /// The key type of a map.
    pub fn key(&self) -> &Type {
        // SAFETY: as `elem`, for maps.
        unsafe { &*self.key }
    }

    /// Looks a method up by name in the method set of this type: for a
    /// non-pointer type, methods with pointer receivers are not in it.
    pub fn find_method(&self, name: &[u8]) -> Option<&Method> {
        let is_ptr = self.kind == KIND_POINTER;
        self.method_table().iter().find(|m| {
            // SAFETY: method names are constant string data.
            (is_ptr || m.pointer_receiver == 0) && unsafe { m.name.as_bytes() } == name
        })
    }

    /// `name() string` in the method set, if present with that signature.
    pub fn string_method(&self, name: &[u8]) -> Option<StringMethod> {
        let m = self.find_method(name)?;
        if m.ifn.is_null() {
            return None;
        }
        // SAFETY: method types are constant descriptors (a missing one is
        // trusted to be `func() string`).
        if let Some(ft) = unsafe { m.typ.as_ref() } {
            if ft.len != 0 || ft.extra != 1 {
                return None;
            }
            let res = ft.func_types()[0];
            // SAFETY: parameter/result entries are descriptor pointers.
            if res.is_null() || unsafe { (*res).kind } != KIND_STRING {
                return None;
            }
        }
        // SAFETY: by the Go calling convention (ABI.md) a `func() string`
        // method called through an interface has exactly this signature.
        Some(unsafe { core::mem::transmute::<*const u8, StringMethod>(m.ifn) })
    }
}

/// Dynamic type of an interface value whose static type is `iface`:
/// the tab word is the type itself for empty interfaces, an itab otherwise.
///
/// # Safety
/// `tab` must be null, a descriptor, or an itab, matching `iface`'s kind.
pub unsafe fn dynamic_type(iface_is_empty: bool, tab: *const u8) -> *const Type {
    if tab.is_null() {
        return ptr::null();
    }
    if iface_is_empty {
        tab as *const Type
    } else {
        // SAFETY: non-empty interfaces hold itabs (caller's contract).
        unsafe { (*(tab as *const Itab)).typ }
    }
}
