//! Interfaces: building itabs (the method table of a concrete type seen
//! through an interface type), cached per (interface, type) pair, negative
//! answers included, so type switches and assertions cost one lookup after
//! the first time.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::abi::*;
use crate::panic;

/// (interface, type) → itab address, or 0 if `type` does not implement it.
static CACHE: Mutex<Option<HashMap<(usize, usize), usize>>> = Mutex::new(None);

fn same_func_type(a: *const Type, b: *const Type) -> bool {
    if a == b {
        return true;
    }
    if a.is_null() || b.is_null() {
        return false;
    }
    // SAFETY: non-null descriptors are valid. Descriptors are unique per
    // type, but compare spellings too in case a type is emitted twice.
    unsafe { (*a).name_bytes() == (*b).name_bytes() }
}

/// The method of `typ`'s method set implementing interface method `im`.
fn lookup<'a>(typ: &'a Type, im: &IMethod) -> Option<&'a Method> {
    // SAFETY: interface method names are constant string data.
    let name = unsafe { im.name.as_bytes() };
    let m = typ.find_method(name)?;
    same_func_type(m.typ, im.typ).then_some(m)
}

/// The first method of `inter` (in name order) that `typ` lacks.
pub fn missing_method<'a>(inter: &'a Type, typ: &Type) -> Option<&'a [u8]> {
    inter
        .imethods()
        .iter()
        .find(|im| lookup(typ, im).is_none())
        // SAFETY: interface method names are constant string data.
        .map(|im| unsafe { im.name.as_bytes() })
}

fn build_itab(inter: &Type, typ: &Type) -> usize {
    let ims = inter.imethods();
    let mut words: Vec<usize> = Vec::with_capacity(3 + ims.len());
    words.push(inter as *const Type as usize);
    words.push(typ as *const Type as usize);
    words.push(typ.hash as usize);
    for im in ims {
        match lookup(typ, im) {
            Some(m) => words.push(m.ifn as usize),
            None => return 0,
        }
    }
    // Itabs live for the whole program, like descriptors.
    Box::leak(words.into_boxed_slice()).as_ptr() as usize
}

/// The itab for `typ` seen as `inter`; null if `typ` lacks a method and
/// `can_fail`, otherwise gc's `interface conversion` panic.
///
/// # Safety
/// `inter` must be an interface descriptor and `typ` a descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_getitab(
    inter: *const Type,
    typ: *const Type,
    can_fail: u8,
) -> *const Itab {
    if typ.is_null() {
        if can_fail != 0 {
            return core::ptr::null();
        }
        // SAFETY: forwarded from the caller.
        unsafe { panic::rgo_panic_typeassert(typ, inter, core::ptr::null()) }
    }
    let key = (inter as usize, typ as usize);
    let cached = {
        let mut g = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        g.get_or_insert_with(HashMap::new).get(&key).copied()
    };
    let itab = match cached {
        Some(p) => p,
        None => {
            // SAFETY: the caller passes valid descriptors.
            let p = unsafe { build_itab(&*inter, &*typ) };
            let mut g = CACHE.lock().unwrap_or_else(|e| e.into_inner());
            *g.get_or_insert_with(HashMap::new).entry(key).or_insert(p)
        }
    };
    if itab == 0 && can_fail == 0 {
        // SAFETY: forwarded from the caller.
        unsafe { panic::rgo_panic_typeassert(typ, inter, core::ptr::null()) }
    }
    itab as *const Itab
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    unsafe extern "C" fn s(_: *mut u8, _: *mut u8) -> GoString {
        GoString::from_static("x")
    }

    #[test]
    fn itabs_are_built_and_cached() {
        let stringer = iface_type("fmt.Stringer", &["String"]);
        let t = with_string_method("main.T", "String", s as *const u8, false);
        let p = with_string_method("main.P", "String", s as *const u8, true);
        // SAFETY: test descriptors.
        unsafe {
            let a = rgo_getitab(stringer, t, 0);
            assert!(!a.is_null());
            assert_eq!(a, rgo_getitab(stringer, t, 0));
            assert_eq!((*a).typ, t);
            assert_eq!(*(*a).fun.as_ptr(), s as *const u8);
            // Pointer-receiver methods are not in T's method set.
            assert!(rgo_getitab(stringer, p, 1).is_null());
            assert!(rgo_getitab(stringer, int_type(), 1).is_null());
        }
    }
}
