//! Type descriptors, itabs, and the method wrappers they point to, laid
//! out as `rt/ABI.md` specifies.
//!
//! A descriptor is the constant global `type:<name>` (`linkonce_odr`,
//! hidden, in its own comdat), so each type has one address per program
//! and pointer equality is type identity. `<name>` is the Go spelling with
//! defined types qualified by their package path (`type:crypto/rand.Reader`
//! while `%T` says `rand.Reader`); distinct types that would still share a
//! name (types local to different functions) get a `·N` suffix.
//!
//! Descriptors refer to each other (element types, fields, methods,
//! `ptr_to_this`), so [`Gen::typedesc`] only declares the global and queues
//! it; [`Gen::finish_descriptors`] fills the queue at the end, adding
//! whatever the initialisers refer to in turn.
//!
//! Method tables hold `ifn`s, called as `(ctx, data word, params...)`:
//! - pointer-receiver methods take `*T`, which is the data word: the method
//!   itself;
//! - value-receiver methods in `*T`'s table (and in `T`'s when `T` is
//!   boxed) get a wrapper that loads the `T` from the word (`·p`);
//! - value-receiver methods of pointer-shaped `T` in `T`'s table get a
//!   wrapper that rebuilds the `T` from the word (`·i`).

use std::collections::HashMap;

use frontend::ir::{self, FuncId, Method, Type, TypeId};
use inkwell::module::Linkage;
use inkwell::types::{BasicTypeEnum, StructType};
use inkwell::values::{BasicValueEnum, FunctionValue, GlobalValue, PointerValue};

use crate::function::FnCx;
use crate::layout::{comparable, kind, pointer_bitmap, pointer_shaped};
use crate::module::Gen;
use crate::{ice, Result};

const TFLAG_UNCOMMON: u64 = 1;
const TFLAG_NAMED: u64 = 2;
const TFLAG_DIRECT_IFACE: u64 = 32;
const TFLAG_COMPARABLE: u64 = 64;

/// Descriptor state.
#[derive(Default)]
pub(crate) struct Descs<'ctx> {
    globals: HashMap<TypeId, GlobalValue<'ctx>>,
    pending: Vec<TypeId>,
    link_names: HashMap<TypeId, String>,
    used_names: HashMap<String, TypeId>,
    itabs: HashMap<(TypeId, TypeId), GlobalValue<'ctx>>,
    /// `T` → `*T`, for `ptr_to_this`.
    ptr_to: Option<HashMap<TypeId, TypeId>>,
}

/// FNV-1a, 32 bits.
fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl<'ctx> Gen<'ctx, '_> {
    /// The LLVM struct of a descriptor (136 bytes).
    fn desc_type(&self) -> StructType<'ctx> {
        let cx = self.cx;
        let p: BasicTypeEnum<'ctx> = self.ptr_type();
        let i64t: BasicTypeEnum<'ctx> = cx.i64_type().into();
        let i32t: BasicTypeEnum<'ctx> = cx.i32_type().into();
        let i8t: BasicTypeEnum<'ctx> = cx.i8_type().into();
        let s: BasicTypeEnum<'ctx> = self.go_string_type().into();
        cx.struct_type(
            &[
                i64t, i64t, i32t, i8t, i8t, i8t, i8t, p, p, s, p, p, i64t, p, p, i64t, s, p, i64t,
            ],
            false,
        )
    }

    pub(crate) fn go_string_type(&self) -> StructType<'ctx> {
        self.cx
            .struct_type(&[self.ptr_type(), self.cx.i64_type().into()], false)
    }

    /// A constant Go string (for descriptor names).
    fn name_const(&mut self, s: &str) -> Result<BasicValueEnum<'ctx>> {
        Ok(self.const_string(s.as_bytes())?.into())
    }

    /// The symbol spelling of `t` (see module doc).
    pub(crate) fn link_name(&mut self, t: TypeId) -> String {
        if let Some(n) = self.descs.link_names.get(&t) {
            return n.clone();
        }
        let base = self.spell(t);
        let mut name = base.clone();
        let mut n = 1;
        while let Some(other) = self.descs.used_names.get(&name) {
            if *other == t {
                break;
            }
            name = format!("{base}·{n}");
            n += 1;
        }
        self.descs.used_names.insert(name.clone(), t);
        self.descs.link_names.insert(t, name.clone());
        name
    }

    /// Go spelling with defined types qualified by package path.
    fn spell(&self, t: TypeId) -> String {
        let prog = self.prog;
        match prog.ty(t) {
            // `rand.Reader` of `crypto/rand` is `crypto/rand.Reader`.
            Type::Named(n) => match n.name.split_once('.') {
                Some((_, rest)) if !n.pkg.is_empty() => format!("{}.{rest}", n.pkg),
                _ => n.name.clone(),
            },
            Type::Pointer(e) => format!("*{}", self.spell(*e)),
            Type::Slice(e) => format!("[]{}", self.spell(*e)),
            Type::Array(n, e) => format!("[{n}]{}", self.spell(*e)),
            Type::Map(k, v) => format!("map[{}]{}", self.spell(*k), self.spell(*v)),
            Type::Chan(d, e) => match d {
                ir::ChanDir::Both => format!("chan {}", self.spell(*e)),
                ir::ChanDir::Send => format!("chan<- {}", self.spell(*e)),
                ir::ChanDir::Recv => format!("<-chan {}", self.spell(*e)),
            },
            Type::Struct(fields) if fields.is_empty() => "struct {}".into(),
            Type::Interface(ms) if ms.is_empty() => "interface {}".into(),
            Type::Struct(fields) => {
                let fs: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let mut s = if f.embedded {
                            self.spell(f.ty)
                        } else {
                            let name = if f.pkg.is_empty() || is_exported(&f.name) {
                                f.name.clone()
                            } else {
                                format!("{}.{}", f.pkg, f.name)
                            };
                            format!("{name} {}", self.spell(f.ty))
                        };
                        if !f.tag.is_empty() {
                            s.push_str(&format!(" {:?}", f.tag));
                        }
                        s
                    })
                    .collect();
                format!("struct {{ {} }}", fs.join("; "))
            }
            Type::Func(sig) => format!("func{}", self.spell_sig(sig)),
            Type::Interface(ms) => {
                let ms: Vec<String> = ms
                    .iter()
                    .map(|m| match prog.ty(m.sig) {
                        Type::Func(sig) => format!("{}{}", m.name, self.spell_sig(sig)),
                        _ => m.name.clone(),
                    })
                    .collect();
                format!("interface {{ {} }}", ms.join("; "))
            }
            Type::Tuple(ts) => {
                let ts: Vec<String> = ts.iter().map(|t| self.spell(*t)).collect();
                format!("({})", ts.join(", "))
            }
            _ => prog.type_name(t),
        }
    }

    fn spell_sig(&self, sig: &ir::Signature) -> String {
        let mut ps: Vec<String> = sig.params.iter().map(|t| self.spell(*t)).collect();
        if sig.variadic {
            if let (Some(last), Some(p)) = (sig.params.last(), ps.last_mut()) {
                if let Type::Slice(e) = self.prog.ty(*last) {
                    *p = format!("...{}", self.spell(*e));
                }
            }
        }
        let rs: Vec<String> = sig.results.iter().map(|t| self.spell(*t)).collect();
        match rs.len() {
            0 => format!("({})", ps.join(", ")),
            1 => format!("({}) {}", ps.join(", "), rs[0]),
            _ => format!("({}) ({})", ps.join(", "), rs.join(", ")),
        }
    }

    /// The address of `t`'s descriptor.
    pub(crate) fn typedesc(&mut self, t: TypeId) -> Result<PointerValue<'ctx>> {
        if let Some(g) = self.descs.globals.get(&t) {
            return Ok(g.as_pointer_value());
        }
        if let Type::Tuple(_) = self.prog.ty(t) {
            return Err(ice!("a tuple type has no descriptor"));
        }
        let name = format!("type:{}", self.link_name(t));
        let ty = self.desc_type();
        let g = self.module.add_global(ty, None, &name);
        g.set_constant(true);
        g.set_alignment(8);
        self.descs.globals.insert(t, g);
        self.descs.pending.push(t);
        Ok(g.as_pointer_value())
    }

    /// Fills every descriptor asked for so far (and those they need).
    pub(crate) fn finish_descriptors(&mut self) -> Result<()> {
        while let Some(t) = self.descs.pending.pop() {
            let init = self
                .desc_init(t)
                .map_err(|e| ice!("descriptor of {}: {}", self.prog.type_name(t), e.message))?;
            let g = self.descs.globals[&t];
            g.set_initializer(&init);
            self.make_odr(g);
        }
        Ok(())
    }

    fn null(&self) -> BasicValueEnum<'ctx> {
        self.ptr_type().const_zero()
    }

    fn i64v(&self, n: u64) -> BasicValueEnum<'ctx> {
        self.cx.i64_type().const_int(n, false).into()
    }

    /// The pointer bitmap of `t` as a private constant (null if noscan).
    fn gc_data(&mut self, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        let l = self.layout(t)?;
        if l.ptr_bytes == 0 {
            return Ok(self.null());
        }
        let mut bits = Vec::new();
        pointer_bitmap(self, t, 0, &mut bits)?;
        let words = l.ptr_bytes.div_ceil(8) as usize;
        bits.resize(words.div_ceil(8), 0);
        let arr = self.cx.const_string(&bits, false);
        Ok(self
            .private_const("go.gcdata", &arr, 1)
            .as_pointer_value()
            .into())
    }

    fn ptr_to_this(&mut self, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        if self.descs.ptr_to.is_none() {
            let mut m = HashMap::new();
            for (i, ty) in self.prog.types.iter().enumerate() {
                if let Type::Pointer(e) = ty {
                    m.insert(*e, TypeId(i as u32));
                }
            }
            self.descs.ptr_to = Some(m);
        }
        let p = self.descs.ptr_to.as_ref().and_then(|m| m.get(&t).copied());
        Ok(match p {
            Some(p) => self.typedesc(p)?.into(),
            None => self.null(),
        })
    }

    fn desc_init(&mut self, t: TypeId) -> Result<BasicValueEnum<'ctx>> {
        let prog = self.prog;
        let l = self.layout(t)?;
        let u = prog.underlying(t);
        let cx = self.cx;
        let named = match prog.ty(t) {
            Type::Named(n) => Some(n.clone()),
            _ => None,
        };
        let methods = self.method_table(t)?;
        let mut tflag = 0;
        if methods.is_some() {
            tflag |= TFLAG_UNCOMMON;
        }
        if named.is_some() {
            tflag |= TFLAG_NAMED;
        }
        if pointer_shaped(prog, t) {
            tflag |= TFLAG_DIRECT_IFACE;
        }
        if comparable(prog, t) {
            tflag |= TFLAG_COMPARABLE;
        }
        let (mut elem, mut key, mut len, mut fields, mut extra) =
            (self.null(), self.null(), 0u64, self.null(), 0u64);
        match prog.ty(u).clone() {
            Type::Pointer(e) | Type::Slice(e) | Type::Chan(_, e) => {
                elem = self.typedesc(e)?.into();
            }
            Type::Array(n, e) => {
                elem = self.typedesc(e)?.into();
                len = n;
            }
            Type::Map(k, v) => {
                key = self.typedesc(k)?.into();
                elem = self.typedesc(v)?.into();
            }
            Type::Struct(fs) => {
                len = fs.len() as u64;
                if !fs.is_empty() {
                    fields = self.struct_fields(u, &fs)?;
                }
            }
            Type::Interface(ms) => {
                len = ms.len() as u64;
                if !ms.is_empty() {
                    fields = self.imethods(&ms)?;
                }
            }
            Type::Func(sig) => {
                len = sig.params.len() as u64;
                extra = sig.results.len() as u64;
                let mut ps = Vec::new();
                for p in sig.params.iter().chain(&sig.results) {
                    ps.push(self.typedesc(*p)?);
                }
                if !ps.is_empty() {
                    let arr = self.cx.ptr_type(Default::default()).const_array(&ps);
                    fields = self
                        .private_const("go.funcargs", &arr, 8)
                        .as_pointer_value()
                        .into();
                }
            }
            _ => {}
        }
        let (methods_ptr, num_methods) = match methods {
            Some((p, n)) => (p, n),
            None => (self.null(), 0),
        };
        let pkg_path = match &named {
            Some(n) => self.name_const(&n.pkg)?,
            None => self.name_const("")?,
        };
        let name = self.name_const(&prog.type_name(t))?;
        let gc_data = self.gc_data(t)?;
        let ptr_to_this = self.ptr_to_this(t)?;
        let hash = fnv1a(&self.link_name(t));
        let i8v = |n: u64| -> BasicValueEnum<'ctx> { cx.i8_type().const_int(n, false).into() };
        let vals: Vec<BasicValueEnum<'ctx>> = vec![
            self.i64v(l.size),
            self.i64v(l.ptr_bytes),
            cx.i32_type().const_int(u64::from(hash), false).into(),
            i8v(tflag),
            i8v(l.align),
            i8v(l.align),
            i8v(u64::from(kind(prog, t))),
            self.null(),
            gc_data,
            name,
            elem,
            key,
            self.i64v(len),
            fields,
            methods_ptr,
            self.i64v(num_methods),
            pkg_path,
            ptr_to_this,
            self.i64v(extra),
        ];
        Ok(self.desc_type().const_named_struct(&vals).into())
    }

    fn struct_fields(&mut self, st: TypeId, fs: &[ir::Field]) -> Result<BasicValueEnum<'ctx>> {
        let l = self.layout(st)?;
        let cx = self.cx;
        let field_ty = cx.struct_type(
            &[
                self.go_string_type().into(),
                self.ptr_type(),
                cx.i64_type().into(),
                cx.i8_type().into(),
            ],
            false,
        );
        let mut entries = Vec::new();
        for (i, f) in fs.iter().enumerate() {
            let name = self.name_const(&f.name)?;
            let typ = self.typedesc(f.ty)?;
            entries.push(field_ty.const_named_struct(&[
                name,
                typ.into(),
                self.i64v(l.offsets[i]),
                cx.i8_type().const_int(u64::from(f.embedded), false).into(),
            ]));
        }
        let arr = field_ty.const_array(&entries);
        Ok(self
            .private_const("go.fields", &arr, 8)
            .as_pointer_value()
            .into())
    }

    fn imethods(&mut self, ms: &[ir::InterfaceMethod]) -> Result<BasicValueEnum<'ctx>> {
        let ty = self
            .cx
            .struct_type(&[self.go_string_type().into(), self.ptr_type()], false);
        let mut entries = Vec::new();
        for m in ms {
            let name = self.name_const(&m.name)?;
            let typ = self.typedesc(m.sig)?;
            entries.push(ty.const_named_struct(&[name, typ.into()]));
        }
        let arr = ty.const_array(&entries);
        Ok(self
            .private_const("go.imethods", &arr, 8)
            .as_pointer_value()
            .into())
    }

    /// The methods of `t` itself (a defined type) or of `*T` (a pointer to
    /// one), with their `ifn`s.
    fn methods_of(&self, t: TypeId) -> Option<(TypeId, bool, Vec<Method>)> {
        let prog = self.prog;
        match prog.ty(t) {
            Type::Named(n) if !n.methods.is_empty() => Some((t, false, n.methods.clone())),
            Type::Pointer(e) => match prog.ty(*e) {
                Type::Named(n) if !n.methods.is_empty() => Some((*e, true, n.methods.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    /// The code to call method `m` of the type with the data word as
    /// receiver; `via_pointer` when the type is `*T`. None when the method
    /// is not in the type's method set and cannot be called this way.
    fn ifn(
        &mut self,
        recv: TypeId,
        m: &Method,
        via_pointer: bool,
    ) -> Result<Option<FunctionValue<'ctx>>> {
        let f = self.funcs[m.func.0 as usize];
        if m.pointer_receiver {
            // The word is a *T: for T's own table only when T is boxed.
            let usable = via_pointer || !pointer_shaped(self.prog, recv);
            return Ok(usable.then_some(f));
        }
        let direct = !via_pointer && pointer_shaped(self.prog, recv);
        Ok(Some(self.method_wrapper(recv, m, direct)?))
    }

    /// `(methods, count)` for the descriptor of `t`.
    fn method_table(&mut self, t: TypeId) -> Result<Option<(BasicValueEnum<'ctx>, u64)>> {
        let Some((recv, via_pointer, methods)) = self.methods_of(t) else {
            return Ok(None);
        };
        let cx = self.cx;
        let p = self.ptr_type();
        let ty = cx.struct_type(
            &[self.go_string_type().into(), p, p, cx.i8_type().into()],
            false,
        );
        let mut entries = Vec::new();
        for m in &methods {
            let name = self.name_const(&m.name)?;
            let typ = self.typedesc(m.sig)?;
            let ifn: BasicValueEnum<'ctx> = match self.ifn(recv, m, via_pointer)? {
                Some(f) => f.as_global_value().as_pointer_value().into(),
                None => self.null(),
            };
            entries.push(
                ty.const_named_struct(&[
                    name,
                    typ.into(),
                    ifn,
                    cx.i8_type()
                        .const_int(u64::from(m.pointer_receiver), false)
                        .into(),
                ]),
            );
        }
        let arr = ty.const_array(&entries);
        let g = self.private_const("go.methods", &arr, 8);
        Ok(Some((g.as_pointer_value().into(), methods.len() as u64)))
    }

    /// The itab for concrete type `t` in interface type `it`.
    pub(crate) fn itab(&mut self, t: TypeId, it: TypeId) -> Result<PointerValue<'ctx>> {
        if let Some(g) = self.descs.itabs.get(&(t, it)) {
            return Ok(g.as_pointer_value());
        }
        let prog = self.prog;
        let ims = match prog.ty(prog.underlying(it)) {
            Type::Interface(ms) => ms.clone(),
            _ => return Err(ice!("{} is not an interface type", prog.type_name(it))),
        };
        let (recv, via_pointer, methods) = self.methods_of(t).unwrap_or((t, false, Vec::new()));
        let mut funs = Vec::new();
        for im in &ims {
            let m = methods
                .iter()
                .find(|m| m.name == im.name && (via_pointer || !m.pointer_receiver))
                .ok_or_else(|| {
                    ice!(
                        "{} does not implement {} (missing method {})",
                        prog.type_name(t),
                        prog.type_name(it),
                        im.name
                    )
                })?
                .clone();
            let f = self
                .ifn(recv, &m, via_pointer)?
                .ok_or_else(|| ice!("method {} has no interface entry", m.name))?;
            funs.push(f.as_global_value().as_pointer_value());
        }
        let inter = self.typedesc(it)?;
        let typ = self.typedesc(t)?;
        let hash = fnv1a(&self.link_name(t));
        let p = self.ptr_type();
        let cx = self.cx;
        let arr = self.cx.ptr_type(Default::default()).const_array(&funs);
        let ty = cx.struct_type(
            &[
                p,
                p,
                cx.i32_type().into(),
                cx.i32_type().into(),
                arr.get_type().into(),
            ],
            false,
        );
        let init = ty.const_named_struct(&[
            inter.into(),
            typ.into(),
            cx.i32_type().const_int(u64::from(hash), false).into(),
            cx.i32_type().const_zero().into(),
            arr.into(),
        ]);
        let name = format!("go:itab.{},{}", self.link_name(t), self.link_name(it));
        let g = self.module.add_global(ty, None, &name);
        g.set_constant(true);
        g.set_alignment(8);
        g.set_initializer(&init);
        self.make_odr(g);
        self.descs.itabs.insert((t, it), g);
        Ok(g.as_pointer_value())
    }

    /// A wrapper calling value method `m` of `recv` with the interface
    /// data word: `direct` when the word is the (pointer-shaped) value,
    /// otherwise it points to the value.
    fn method_wrapper(
        &mut self,
        recv: TypeId,
        m: &Method,
        direct: bool,
    ) -> Result<FunctionValue<'ctx>> {
        let func = self.prog.func(m.func);
        let name = format!("{}·{}", func.name, if direct { "i" } else { "p" });
        if let Some(f) = self.helpers.get(&name) {
            return Ok(*f);
        }
        let sig = match self.prog.ty(m.sig) {
            Type::Func(s) => s.clone(),
            _ => return Err(ice!("method {} has no func type", m.name)),
        };
        let wabi = self.go_abi(&sig.params, &sig.results, true)?;
        let w = self
            .module
            .add_function(&name, wabi.fn_type, Some(Linkage::Internal));
        self.add_go_attrs(w, &wabi)?;
        self.helpers.insert(name, w);
        let target = self.funcs[m.func.0 as usize];
        let mut cx = FnCx::helper(self, w, wabi.clone());
        cx.forward_method(recv, direct, target, m.func)?;
        Ok(w)
    }
}

fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

impl<'ctx> FnCx<'_, 'ctx, '_> {
    /// The body of a method wrapper: rebuild the receiver, forward the
    /// parameters (and the result pointer), return the result.
    fn forward_method(
        &mut self,
        recv: TypeId,
        direct: bool,
        target: FunctionValue<'ctx>,
        fid: FuncId,
    ) -> Result<()> {
        let abi = self.abi.clone();
        let word = self
            .llfn
            .get_nth_param(abi.recv_param())
            .ok_or_else(|| ice!("wrapper without receiver"))?
            .into_pointer_value();
        let recv_val = if direct {
            self.unbox(recv, word)?
        } else {
            self.nil_check_ptr(word)?;
            // The word may point to a variable: copy the receiver out.
            self.load(recv, word)?
        };
        let tabi = {
            let f = self.g.prog.func(fid);
            self.g.go_abi(&f.sig.params, &f.sig.results, false)?
        };
        let mut args: Vec<inkwell::values::BasicMetadataValueEnum<'ctx>> =
            vec![self.g.ptr_type().const_zero().into()];
        if tabi.sret {
            let out = self
                .llfn
                .get_nth_param(1)
                .ok_or_else(|| ice!("wrapper without sret"))?;
            args.push(out.into());
        }
        args.push(recv_val.into());
        let first = abi.first_param();
        for i in 0..abi.params.len() as u32 {
            let p = self
                .llfn
                .get_nth_param(first + i)
                .ok_or_else(|| ice!("wrapper parameter {i} missing"))?;
            args.push(p.into());
        }
        let call = self.b.build_direct_call(target, &args, "")?;
        match call.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) if !abi.sret => {
                self.b.build_return(Some(&v))?;
            }
            _ => {
                self.b.build_return(None)?;
            }
        }
        Ok(())
    }
}

impl<'ctx> Gen<'ctx, '_> {
    /// A descriptor for a heap object that has no Go type (closure
    /// contexts): just what the collector needs: size and pointer bitmap.
    pub(crate) fn object_desc(
        &mut self,
        name: &str,
        size: u64,
        ptr_bytes: u64,
        mut bits: Vec<u8>,
    ) -> Result<PointerValue<'ctx>> {
        let cx = self.cx;
        let words = ptr_bytes.div_ceil(8) as usize;
        bits.resize(words.div_ceil(8), 0);
        let gc_data: BasicValueEnum<'ctx> = if ptr_bytes == 0 {
            self.null()
        } else {
            let arr = cx.const_string(&bits, false);
            self.private_const("go.gcdata", &arr, 1)
                .as_pointer_value()
                .into()
        };
        let name_v = self.name_const(name)?;
        let empty = self.name_const("")?;
        let i8v = |n: u64| -> BasicValueEnum<'ctx> { cx.i8_type().const_int(n, false).into() };
        let vals: Vec<BasicValueEnum<'ctx>> = vec![
            self.i64v(size),
            self.i64v(ptr_bytes),
            cx.i32_type().const_zero().into(),
            i8v(0),
            i8v(8),
            i8v(8),
            i8v(25),
            self.null(),
            gc_data,
            name_v,
            self.null(),
            self.null(),
            self.i64v(0),
            self.null(),
            self.null(),
            self.i64v(0),
            empty,
            self.null(),
            self.i64v(0),
        ];
        let init = self.desc_type().const_named_struct(&vals);
        Ok(self
            .private_const("go.objtype", &init, 8)
            .as_pointer_value())
    }
}
