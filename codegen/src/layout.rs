//! Type layout, as gc lays types out on amd64, and the LLVM types that hold
//! Go values.
//!
//! Sizes, alignments and field offsets follow gc exactly (`unsafe.Sizeof`
//! and friends are folded by the front end, so both sides must agree): the
//! natural alignment of each scalar, fields in order, size rounded up to the
//! alignment, and one byte of padding after a trailing zero-size field of a
//! non-empty struct.
//!
//! A Go value lives in LLVM in one of two representations:
//! - *direct*: a first-class LLVM value (`i64`, `{ptr, i64}` for a string,
//!   a small struct or array as an LLVM aggregate). Its LLVM type is the
//!   same as in memory, so loads and stores need no conversion; `bool` is
//!   `i8` (0 or 1) everywhere, and comparisons widen their `i1`.
//! - *indirect*: structs and arrays larger than [`DIRECT_MAX`] bytes (and
//!   tuples holding one) are a `ptr` to an immutable copy in a stack
//!   temporary. Huge first-class aggregates make LLVM slow and its code
//!   poor; memory copies are what it optimises well (memcpyopt, SROA).
//!
//! [`Layout`] is LLVM-free; [`Gen::mem_type`] builds the LLVM type and
//! checks that LLVM's layout of it matches gc's.

use std::rc::Rc;

use frontend::ir::{IntKind, Program, Type, TypeId};
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::AddressSpace;

use crate::module::Gen;
use crate::{ice, Result};

/// Largest struct or array (in bytes) held directly in LLVM registers.
pub(crate) const DIRECT_MAX: u64 = 64;

/// Size, alignment and pointer prefix of a type.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub size: u64,
    pub align: u64,
    /// Length of the prefix that can hold pointers (0: the type is noscan).
    pub ptr_bytes: u64,
    /// Field offsets (structs and tuples).
    pub offsets: Vec<u64>,
}

/// Layouts computed so far, by type id.
#[derive(Default)]
pub(crate) struct Layouts {
    cache: Vec<Option<Rc<Layout>>>,
}

fn align_up(n: u64, align: u64) -> u64 {
    n.div_ceil(align) * align
}

impl Layouts {
    pub(crate) fn get(&mut self, prog: &Program, t: TypeId) -> Result<Rc<Layout>> {
        let i = t.0 as usize;
        if let Some(Some(l)) = self.cache.get(i) {
            return Ok(l.clone());
        }
        let l = Rc::new(self.compute(prog, t)?);
        if self.cache.len() <= i {
            self.cache.resize(i + 1, None);
        }
        self.cache[i] = Some(l.clone());
        Ok(l)
    }

    /// Layout of a struct with the given field types, in gc's order.
    pub(crate) fn struct_of(&mut self, prog: &Program, fields: &[TypeId]) -> Result<Layout> {
        let mut off = 0u64;
        let mut align = 1u64;
        let mut ptr_bytes = 0;
        let mut offsets = Vec::with_capacity(fields.len());
        let mut last_zero = false;
        for f in fields {
            let l = self.get(prog, *f)?;
            off = align_up(off, l.align);
            offsets.push(off);
            if l.ptr_bytes > 0 {
                ptr_bytes = off + l.ptr_bytes;
            }
            off = off
                .checked_add(l.size)
                .ok_or_else(|| ice!("struct type too large"))?;
            align = align.max(l.align);
            last_zero = l.size == 0;
        }
        if last_zero && off > 0 {
            off += 1;
        }
        Ok(Layout {
            size: align_up(off, align),
            align,
            ptr_bytes,
            offsets,
        })
    }

    fn compute(&mut self, prog: &Program, t: TypeId) -> Result<Layout> {
        let scalar = |size: u64, ptr: bool| Layout {
            size,
            align: size.min(8),
            ptr_bytes: if ptr { 8 } else { 0 },
            offsets: Vec::new(),
        };
        Ok(match prog.types.get(t.0 as usize) {
            None => return Err(ice!("type id {} out of range", t.0)),
            Some(ty) => match ty {
                Type::Bool => scalar(1, false),
                Type::Int(k) => scalar(u64::from(k.bits() / 8), false),
                Type::Float32 => scalar(4, false),
                Type::Float64 => scalar(8, false),
                // Real and imaginary parts are fields 0 and 1.
                Type::Complex64 => Layout {
                    size: 8,
                    align: 4,
                    ptr_bytes: 0,
                    offsets: vec![0, 4],
                },
                Type::Complex128 => Layout {
                    size: 16,
                    align: 8,
                    ptr_bytes: 0,
                    offsets: vec![0, 8],
                },
                Type::String => Layout {
                    size: 16,
                    align: 8,
                    ptr_bytes: 8,
                    offsets: Vec::new(),
                },
                Type::Slice(_) => Layout {
                    size: 24,
                    align: 8,
                    ptr_bytes: 8,
                    offsets: Vec::new(),
                },
                Type::Interface(_) => Layout {
                    size: 16,
                    align: 8,
                    ptr_bytes: 16,
                    offsets: Vec::new(),
                },
                Type::UnsafePointer
                | Type::Pointer(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_) => scalar(8, true),
                Type::Array(n, e) => {
                    let el = self.get(prog, *e)?;
                    let size = el
                        .size
                        .checked_mul(*n)
                        .filter(|s| *s < (1u64 << 50))
                        .ok_or_else(|| ice!("array type too large"))?;
                    let ptr_bytes = if el.ptr_bytes > 0 && *n > 0 {
                        (n - 1) * el.size + el.ptr_bytes
                    } else {
                        0
                    };
                    Layout {
                        size,
                        align: el.align,
                        ptr_bytes,
                        offsets: Vec::new(),
                    }
                }
                Type::Struct(fields) => {
                    let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
                    self.struct_of(prog, &tys)?
                }
                Type::Tuple(elems) => {
                    let elems = elems.clone();
                    self.struct_of(prog, &elems)?
                }
                Type::Named(n) => (*self.get(prog, n.underlying)?).clone(),
            },
        })
    }
}

/// Appends to `bits` the pointer bitmap of `t` placed at byte `base` (bit i
/// set: word i holds a pointer).
pub(crate) fn pointer_bitmap(
    g: &mut Gen<'_, '_>,
    t: TypeId,
    base: u64,
    bits: &mut Vec<u8>,
) -> Result<()> {
    let l = g.layout(t)?;
    if l.ptr_bytes == 0 {
        return Ok(());
    }
    let set = |off: u64, bits: &mut Vec<u8>| {
        let w = (off / 8) as usize;
        if bits.len() <= w / 8 {
            bits.resize(w / 8 + 1, 0);
        }
        bits[w / 8] |= 1 << (w % 8);
    };
    let prog = g.prog;
    match prog.ty(prog.underlying(t)) {
        Type::String | Type::Slice(_) => set(base, bits),
        Type::Interface(_) => {
            set(base, bits);
            set(base + 8, bits);
        }
        Type::UnsafePointer | Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
            set(base, bits)
        }
        Type::Array(n, e) => {
            let el = g.layout(*e)?;
            // The element's bitmap once, then replicated.
            let mut one = Vec::new();
            pointer_bitmap(g, *e, 0, &mut one)?;
            let words: Vec<u64> = (0..one.len() * 8)
                .filter(|w| one[w / 8] & (1 << (w % 8)) != 0)
                .map(|w| w as u64)
                .collect();
            for i in 0..*n {
                for w in &words {
                    set(base + i * el.size + w * 8, bits);
                }
            }
        }
        Type::Struct(fields) => {
            let offs = l.offsets.clone();
            for (f, off) in fields.iter().zip(offs) {
                pointer_bitmap(g, f.ty, base + off, bits)?;
            }
        }
        Type::Tuple(elems) => {
            let offs = l.offsets.clone();
            for (e, off) in elems.iter().zip(offs) {
                pointer_bitmap(g, *e, base + off, bits)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// gc's `abi.Kind` numbers.
pub(crate) fn kind(prog: &Program, t: TypeId) -> u8 {
    match prog.ty(prog.underlying(t)) {
        Type::Bool => 1,
        Type::Int(k) => match k {
            IntKind::Int => 2,
            IntKind::Int8 => 3,
            IntKind::Int16 => 4,
            IntKind::Int32 => 5,
            IntKind::Int64 => 6,
            IntKind::Uint => 7,
            IntKind::Uint8 => 8,
            IntKind::Uint16 => 9,
            IntKind::Uint32 => 10,
            IntKind::Uint64 => 11,
            IntKind::Uintptr => 12,
        },
        Type::Float32 => 13,
        Type::Float64 => 14,
        Type::Complex64 => 15,
        Type::Complex128 => 16,
        Type::Array(..) => 17,
        Type::Chan(..) => 18,
        Type::Func(_) => 19,
        Type::Interface(_) => 20,
        Type::Map(..) => 21,
        Type::Pointer(_) => 22,
        Type::Slice(_) => 23,
        Type::String => 24,
        Type::Struct(_) => 25,
        Type::UnsafePointer => 26,
        Type::Named(_) | Type::Tuple(_) => 0,
    }
}

/// Stored directly in an interface's data word (gc's `isdirectiface`):
/// pointers, `unsafe.Pointer`, maps, chans, funcs, and arrays of one /
/// structs of one field of such a type.
pub(crate) fn pointer_shaped(prog: &Program, t: TypeId) -> bool {
    match prog.ty(prog.underlying(t)) {
        Type::UnsafePointer | Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
            true
        }
        Type::Array(1, e) => pointer_shaped(prog, *e),
        Type::Struct(fields) => fields.len() == 1 && pointer_shaped(prog, fields[0].ty),
        _ => false,
    }
}

/// `==` is defined on the type.
pub(crate) fn comparable(prog: &Program, t: TypeId) -> bool {
    match prog.ty(prog.underlying(t)) {
        Type::Slice(_) | Type::Map(..) | Type::Func(_) | Type::Tuple(_) => false,
        Type::Array(_, e) => comparable(prog, *e),
        Type::Struct(fields) => fields.iter().all(|f| comparable(prog, f.ty)),
        _ => true,
    }
}

impl<'ctx> Gen<'ctx, '_> {
    pub(crate) fn layout(&mut self, t: TypeId) -> Result<Rc<Layout>> {
        self.layouts.get(self.prog, t)
    }

    /// The type's representation is a pointer to a copy (see module doc).
    pub(crate) fn is_indirect(&mut self, t: TypeId) -> Result<bool> {
        let u = self.prog.underlying(t);
        Ok(match self.prog.ty(u) {
            Type::Struct(_) | Type::Array(..) => self.layout(u)?.size > DIRECT_MAX,
            Type::Tuple(elems) => {
                let elems = elems.clone();
                let mut any = false;
                for e in elems {
                    any |= self.is_indirect(e)?;
                }
                any
            }
            _ => false,
        })
    }

    pub(crate) fn ptr_type(&self) -> BasicTypeEnum<'ctx> {
        self.cx.ptr_type(AddressSpace::default()).into()
    }

    /// LLVM type of a value of `t` (the memory type, or `ptr` if indirect).
    pub(crate) fn val_type(&mut self, t: TypeId) -> Result<BasicTypeEnum<'ctx>> {
        if self.is_indirect(t)? {
            Ok(self.ptr_type())
        } else {
            self.mem_type(t)
        }
    }

    /// LLVM type of `t` in memory; its LLVM layout equals gc's.
    pub(crate) fn mem_type(&mut self, t: TypeId) -> Result<BasicTypeEnum<'ctx>> {
        if let Some(ty) = self.mem_types.get(&t) {
            return Ok(*ty);
        }
        let cx = self.cx;
        let ptr = self.ptr_type();
        let i64t = cx.i64_type();
        let ty: BasicTypeEnum<'ctx> = match self.prog.ty(t).clone() {
            Type::Bool => cx.i8_type().into(),
            Type::Int(k) => crate::layout::int_type(cx, k.bits()).into(),
            Type::Float32 => cx.f32_type().into(),
            Type::Float64 => cx.f64_type().into(),
            Type::Complex64 => cx
                .struct_type(&[cx.f32_type().into(), cx.f32_type().into()], false)
                .into(),
            Type::Complex128 => cx
                .struct_type(&[cx.f64_type().into(), cx.f64_type().into()], false)
                .into(),
            Type::String => cx.struct_type(&[ptr, i64t.into()], false).into(),
            Type::Slice(_) => cx
                .struct_type(&[ptr, i64t.into(), i64t.into()], false)
                .into(),
            Type::Interface(_) => cx.struct_type(&[ptr, ptr], false).into(),
            Type::UnsafePointer
            | Type::Pointer(_)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Func(_) => ptr,
            Type::Array(n, e) => {
                let el = self.mem_type(e)?;
                let n = u32::try_from(n).map_err(|_| ice!("array length {n} too large"))?;
                el.array_type(n).into()
            }
            Type::Struct(fields) => {
                let tys: Vec<TypeId> = fields.iter().map(|f| f.ty).collect();
                self.struct_mem_type(t, &tys)?
            }
            Type::Tuple(elems) => self.struct_mem_type(t, &elems)?,
            Type::Named(n) => self.mem_type(n.underlying)?,
        };
        self.mem_types.insert(t, ty);
        Ok(ty)
    }

    /// An LLVM struct for a Go struct (or tuple) with these field types:
    /// field i of the Go struct is field i of the LLVM struct; a trailing
    /// byte array supplies gc's padding after a final zero-size field.
    fn struct_mem_type(&mut self, t: TypeId, fields: &[TypeId]) -> Result<BasicTypeEnum<'ctx>> {
        let l = self.layout(t)?;
        let mut tys = Vec::with_capacity(fields.len() + 1);
        for f in fields {
            tys.push(self.mem_type(*f)?);
        }
        let plain = self.cx.struct_type(&tys, false);
        let natural = self.td.get_abi_size(&plain);
        let st = if natural == l.size {
            plain
        } else {
            let end = match fields.len() {
                0 => 0,
                n => {
                    let last = self.layout(fields[n - 1])?;
                    l.offsets[n - 1] + last.size
                }
            };
            let pad = l
                .size
                .checked_sub(end)
                .ok_or_else(|| ice!("struct layout: padding underflow"))?;
            tys.push(self.cx.i8_type().array_type(pad as u32).into());
            self.cx.struct_type(&tys, false)
        };
        // LLVM's layout must be gc's.
        if self.td.get_abi_size(&st) != l.size {
            return Err(ice!(
                "struct layout of {}: LLVM size {} but gc size {}",
                self.prog.type_name(t),
                self.td.get_abi_size(&st),
                l.size
            ));
        }
        for (i, off) in l.offsets.iter().enumerate() {
            if self.td.offset_of_element(&st, i as u32) != Some(*off) {
                return Err(ice!(
                    "struct layout of {}: field {i} offset differs from gc's",
                    self.prog.type_name(t)
                ));
            }
        }
        Ok(st.into())
    }

    /// Go alignment of `t`, for LLVM loads, stores and allocas.
    pub(crate) fn align(&mut self, t: TypeId) -> Result<u32> {
        Ok(self.layout(t)?.align as u32)
    }
}

/// The LLVM integer type of `bits` (8, 16, 32 or 64) bits.
pub(crate) fn int_type(cx: &inkwell::context::Context, bits: u32) -> inkwell::types::IntType<'_> {
    match bits {
        1 => cx.bool_type(),
        8 => cx.i8_type(),
        16 => cx.i16_type(),
        32 => cx.i32_type(),
        128 => cx.i128_type(),
        _ => cx.i64_type(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontend::ir::Field;

    fn field(ty: TypeId) -> Field {
        Field {
            name: "f".into(),
            ty,
            embedded: false,
            tag: String::new(),
            pkg: String::new(),
        }
    }

    /// A program with the given types; returns their ids in order.
    fn prog(types: Vec<Type>) -> Program {
        Program {
            types,
            ..Program::default()
        }
    }

    fn lay(p: &Program, t: u32) -> Layout {
        (*Layouts::default().get(p, TypeId(t)).expect("layout")).clone()
    }

    #[test]
    fn scalars_as_gc() {
        let p = prog(vec![
            Type::Bool,
            Type::Int(IntKind::Int16),
            Type::Complex64,
            Type::Complex128,
            Type::String,
            Type::Interface(Vec::new()),
        ]);
        let got: Vec<(u64, u64, u64)> = (0..6)
            .map(|i| {
                let l = lay(&p, i);
                (l.size, l.align, l.ptr_bytes)
            })
            .collect();
        assert_eq!(
            got,
            [
                (1, 1, 0),
                (2, 2, 0),
                (8, 4, 0),
                (16, 8, 0),
                (16, 8, 8),
                (16, 8, 16)
            ]
        );
    }

    #[test]
    fn struct_padding_and_trailing_zero_size_field() {
        let p = prog(vec![
            Type::Int(IntKind::Int8),                               // 0
            Type::Int(IntKind::Int64),                              // 1
            Type::Struct(Vec::new()),                               // 2: struct{}
            Type::Struct(vec![field(TypeId(0)), field(TypeId(1))]), // 3
            Type::Struct(vec![field(TypeId(1)), field(TypeId(2))]), // 4
            Type::Struct(vec![field(TypeId(2)), field(TypeId(1))]), // 5
            Type::Array(3, TypeId(0)),                              // 6
            Type::Struct(vec![field(TypeId(6)), field(TypeId(2))]), // 7
            Type::Pointer(TypeId(1)),                               // 8
            Type::Struct(vec![field(TypeId(1)), field(TypeId(8)), field(TypeId(1))]), // 9
            Type::Array(4, TypeId(9)),                              // 10
        ]);
        let s = lay(&p, 3);
        assert_eq!((s.size, s.align, s.offsets.clone()), (16, 8, vec![0, 8]));
        // struct{ int64; struct{} } gets a byte of padding, rounded to 16.
        assert_eq!(lay(&p, 4).size, 16);
        assert_eq!(lay(&p, 5).size, 8);
        assert_eq!(lay(&p, 2).size, 0);
        // struct{ [3]int8; struct{} }: 3 + 1 = 4.
        assert_eq!(lay(&p, 7).size, 4);
        let s = lay(&p, 9);
        assert_eq!((s.size, s.ptr_bytes), (24, 16));
        // The pointer prefix of an array ends at the last element's pointer.
        assert_eq!(lay(&p, 10).ptr_bytes, 3 * 24 + 16);
    }

    #[test]
    fn pointer_shape_follows_gc() {
        let p = prog(vec![
            Type::Int(IntKind::Int),                                // 0
            Type::Pointer(TypeId(0)),                               // 1
            Type::Struct(vec![field(TypeId(1))]),                   // 2
            Type::Array(1, TypeId(2)),                              // 3
            Type::Struct(Vec::new()),                               // 4
            Type::Struct(vec![field(TypeId(1)), field(TypeId(4))]), // 5
            Type::Array(2, TypeId(1)),                              // 6
        ]);
        let shaped: Vec<bool> = (0..7).map(|i| pointer_shaped(&p, TypeId(i))).collect();
        assert_eq!(shaped, [false, true, true, true, false, false, false]);
    }
}
