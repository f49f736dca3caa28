//! Entry points of the overlay reflection packages (`internal/reflectlite`
//! today): questions about type descriptors that need the runtime's view
//! of method sets, and copying typed memory.

use crate::abi::*;
use crate::iface::missing_method;

/// Whether a value of type `typ` implements the interface type `inter`:
/// for a concrete `typ` its method set, for an interface `typ` its method
/// list must contain every method of `inter` (same name, same signature).
///
/// # Safety
/// Both must be valid descriptors; `inter` of kind Interface.
#[no_mangle]
pub unsafe extern "C" fn rgo_implements(inter: *const Type, typ: *const Type) -> u8 {
    // SAFETY: valid descriptors (caller).
    let (inter, typ) = unsafe { (&*inter, &*typ) };
    if typ.kind != KIND_INTERFACE {
        return missing_method(inter, typ).is_none() as u8;
    }
    let have = typ.imethods();
    inter.imethods().iter().all(|want| {
        have.iter().any(|h| {
            // SAFETY: method names are constant string data; method types
            // are descriptors, compared by identity or spelling.
            unsafe {
                h.name.as_bytes() == want.name.as_bytes()
                    && (h.typ == want.typ
                        || (!h.typ.is_null()
                            && !want.typ.is_null()
                            && (*h.typ).name_bytes() == (*want.typ).name_bytes()))
            }
        })
    }) as u8
}

/// Copies a value of type `typ` from `src` to `dst` (gc's `typedmemmove`;
/// the place for a write barrier once the collector runs concurrently).
///
/// # Safety
/// `typ` is a valid descriptor; `dst` and `src` hold values of that type.
#[no_mangle]
pub unsafe extern "C" fn rgo_typedmemmove(typ: *const Type, dst: *mut u8, src: *const u8) {
    // SAFETY: as documented above; the regions may overlap.
    unsafe { core::ptr::copy(src, dst, (*typ).size) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    unsafe extern "C" fn s(_: *mut u8, _: *mut u8) -> GoString {
        GoString::from_static("x")
    }

    #[test]
    fn implements_by_method_set() {
        let stringer = iface_type("fmt.Stringer", &["String"]);
        let empty = iface_type("interface {}", &[]);
        let t = with_string_method("main.T", "String", s as *const u8, false);
        // SAFETY: test descriptors.
        unsafe {
            assert_eq!(rgo_implements(stringer, t), 1);
            assert_eq!(rgo_implements(stringer, int_type()), 0);
            assert_eq!(rgo_implements(empty, stringer), 1);
            assert_eq!(rgo_implements(stringer, empty), 0);
            assert_eq!(rgo_implements(stringer, stringer), 1);
        }
    }
}
