//! Shared by the integration tests: a small builder for IR programs, and a
//! harness that compiles a program, links it with C stubs of the runtime
//! entry points (so the tests do not depend on the runtime crate), runs it
//! and returns its output.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use frontend::ir::*;
use frontend::source::Span;

/// Builds a [`Program`] by hand.
#[derive(Default)]
pub struct Prog {
    pub p: Program,
    interned: HashMap<Type, TypeId>,
}

impl Prog {
    pub fn new() -> Prog {
        Prog::default()
    }

    /// The id of a type, structurally deduplicated (named types are
    /// deduplicated by their full definition).
    pub fn ty(&mut self, t: Type) -> TypeId {
        if let Some(id) = self.interned.get(&t) {
            return *id;
        }
        let id = TypeId(self.p.types.len() as u32);
        self.p.types.push(t.clone());
        self.interned.insert(t, id);
        id
    }

    pub fn int(&mut self) -> TypeId {
        self.ty(Type::Int(IntKind::Int))
    }
    pub fn intk(&mut self, k: IntKind) -> TypeId {
        self.ty(Type::Int(k))
    }
    pub fn bool(&mut self) -> TypeId {
        self.ty(Type::Bool)
    }
    pub fn f64(&mut self) -> TypeId {
        self.ty(Type::Float64)
    }
    pub fn string(&mut self) -> TypeId {
        self.ty(Type::String)
    }
    pub fn uptr(&mut self) -> TypeId {
        self.ty(Type::UnsafePointer)
    }
    pub fn ptr(&mut self, t: TypeId) -> TypeId {
        self.ty(Type::Pointer(t))
    }
    pub fn slice(&mut self, t: TypeId) -> TypeId {
        self.ty(Type::Slice(t))
    }
    pub fn array(&mut self, n: u64, t: TypeId) -> TypeId {
        self.ty(Type::Array(n, t))
    }
    pub fn tuple(&mut self, ts: &[TypeId]) -> TypeId {
        self.ty(Type::Tuple(ts.to_vec()))
    }
    pub fn map(&mut self, k: TypeId, v: TypeId) -> TypeId {
        self.ty(Type::Map(k, v))
    }
    pub fn func_type(&mut self, params: &[TypeId], results: &[TypeId]) -> TypeId {
        self.ty(Type::Func(Signature {
            params: params.to_vec(),
            results: results.to_vec(),
            variadic: false,
        }))
    }
    pub fn strukt(&mut self, fields: &[(&str, TypeId)]) -> TypeId {
        let fs = fields
            .iter()
            .map(|(n, t)| Field {
                name: n.to_string(),
                ty: *t,
                embedded: false,
                tag: String::new(),
                pkg: String::new(),
            })
            .collect();
        self.ty(Type::Struct(fs))
    }
    pub fn iface(&mut self, methods: &[(&str, TypeId)]) -> TypeId {
        let ms = methods
            .iter()
            .map(|(n, s)| InterfaceMethod {
                name: n.to_string(),
                sig: *s,
            })
            .collect();
        self.ty(Type::Interface(ms))
    }
    pub fn eface(&mut self) -> TypeId {
        self.iface(&[])
    }
    /// A defined type in package `main`; methods can be added later with
    /// [`Prog::add_method`].
    pub fn named(&mut self, name: &str, underlying: TypeId) -> TypeId {
        let id = TypeId(self.p.types.len() as u32);
        self.p.types.push(Type::Named(Named {
            name: format!("main.{name}"),
            pkg: "main".into(),
            underlying,
            methods: Vec::new(),
        }));
        id
    }
    pub fn add_method(
        &mut self,
        t: TypeId,
        name: &str,
        sig: TypeId,
        func: FuncId,
        pointer_receiver: bool,
    ) {
        if let Type::Named(n) = &mut self.p.types[t.0 as usize] {
            n.methods.push(Method {
                name: name.into(),
                sig,
                func,
                pointer_receiver,
            });
            n.methods.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }

    pub fn global(&mut self, name: &str, ty: TypeId) -> GlobalId {
        let id = GlobalId(self.p.globals.len() as u32);
        self.p.globals.push(Global {
            name: name.into(),
            ty,
            span: Span::default(),
            extern_sym: None,
        });
        id
    }

    /// Declares a function (body added with [`Prog::define`]).
    pub fn declare(&mut self, name: &str, params: &[TypeId], results: &[TypeId]) -> FuncId {
        let id = FuncId(self.p.funcs.len() as u32);
        self.p.funcs.push(Function {
            name: name.into(),
            sig: Signature {
                params: params.to_vec(),
                results: results.to_vec(),
                variadic: false,
            },
            params: Vec::new(),
            values: Vec::new(),
            locals: Vec::new(),
            blocks: Vec::new(),
            external: None,
            span: Span::default(),
            export: None,
            noinline: false,
        });
        id
    }

    /// A body-less function bound to C symbol `sym`.
    pub fn extern_fn(
        &mut self,
        name: &str,
        params: &[TypeId],
        results: &[TypeId],
        sym: &str,
    ) -> FuncId {
        let id = self.declare(name, params, results);
        self.p.funcs[id.0 as usize].external = Some(sym.into());
        id
    }

    /// A builder for the body of `id`.
    pub fn body(&self, id: FuncId) -> Body {
        let f = &self.p.funcs[id.0 as usize];
        let mut b = Body {
            f: f.clone(),
            cur: 0,
        };
        b.f.blocks = vec![Block {
            instrs: Vec::new(),
            term: Terminator::Unreachable,
        }];
        let params = b.f.sig.params.clone();
        for t in params {
            let v = b.value(t);
            b.f.params.push(v);
        }
        b
    }

    pub fn define(&mut self, id: FuncId, b: Body) {
        self.p.funcs[id.0 as usize] = b.f;
    }

    /// Declares `main.main`, the program entry.
    pub fn main(&mut self, b: Body, id: FuncId) {
        self.define(id, b);
        self.p.main = Some(id);
    }
}

/// Builds one function body.
pub struct Body {
    pub f: Function,
    cur: usize,
}

impl Body {
    pub fn param(&self, i: usize) -> ValueId {
        self.f.params[i]
    }
    fn value(&mut self, t: TypeId) -> ValueId {
        let v = ValueId(self.f.values.len() as u32);
        self.f.values.push(t);
        v
    }
    /// An instruction defining a value of type `t`.
    pub fn v(&mut self, t: TypeId, kind: InstrKind) -> ValueId {
        let d = self.value(t);
        self.f.blocks[self.cur].instrs.push(Instr {
            dest: Some(d),
            kind,
            span: Span::default(),
        });
        d
    }
    /// An instruction without a value.
    pub fn e(&mut self, kind: InstrKind) {
        self.f.blocks[self.cur].instrs.push(Instr {
            dest: None,
            kind,
            span: Span::default(),
        });
    }
    pub fn int(&mut self, t: TypeId, n: i128) -> ValueId {
        self.v(t, InstrKind::Const(Const::Int(n)))
    }
    pub fn str(&mut self, t: TypeId, s: &str) -> ValueId {
        self.v(t, InstrKind::Const(Const::String(s.as_bytes().to_vec())))
    }
    pub fn local(&mut self, name: &str, t: TypeId) -> LocalId {
        let id = LocalId(self.f.locals.len() as u32);
        self.f.locals.push(Local {
            name: name.into(),
            ty: t,
        });
        id
    }
    pub fn block(&mut self) -> BlockId {
        self.f.blocks.push(Block {
            instrs: Vec::new(),
            term: Terminator::Unreachable,
        });
        BlockId(self.f.blocks.len() as u32 - 1)
    }
    pub fn at(&mut self, b: BlockId) {
        self.cur = b.0 as usize;
    }
    pub fn term(&mut self, t: Terminator) {
        self.f.blocks[self.cur].term = t;
    }
    pub fn ret(&mut self, vs: &[ValueId]) {
        self.term(Terminator::Return(vs.to_vec()));
    }
    pub fn jump(&mut self, b: BlockId) {
        self.term(Terminator::Jump(b));
    }
    pub fn branch(&mut self, cond: ValueId, then: BlockId, otherwise: BlockId) {
        self.term(Terminator::Branch {
            cond,
            then,
            otherwise,
        });
    }
    pub fn call(&mut self, t: Option<TypeId>, f: FuncId, args: &[ValueId]) -> Option<ValueId> {
        let kind = InstrKind::Call {
            callee: Callee::Direct(f),
            args: args.to_vec(),
        };
        match t {
            Some(t) => Some(self.v(t, kind)),
            None => {
                self.e(kind);
                None
            }
        }
    }
    pub fn println(&mut self, args: &[ValueId]) {
        self.e(InstrKind::Print {
            args: args.to_vec(),
            newline: true,
        });
    }
    pub fn bin(&mut self, t: TypeId, op: BinOp, a: ValueId, b: ValueId) -> ValueId {
        self.v(t, InstrKind::Binary(op, a, b))
    }
}

/// The C side of the test programs: `rgo_main` (which codegen's `main`
/// calls), and stubs of the runtime
/// entry points with the semantics `rt/ABI.md` gives them (simplified:
/// allocation never frees, maps are linear lists). `print`/`println`
/// output goes to stdout so tests can compare one stream.
pub const STUBS: &str = r#"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct { const uint8_t *ptr; int64_t len; } GoString;
typedef struct { void *ptr; int64_t len; int64_t cap; } GoSlice;
typedef struct Type {
    uint64_t size, ptr_bytes; uint32_t hash; uint8_t tflag, align, field_align, kind;
    void *equal; const uint8_t *gc_data; GoString name;
    const struct Type *elem, *key; uint64_t len; const void *fields, *methods;
    uint64_t num_methods; GoString pkg_path; const struct Type *ptr_to_this; uint64_t extra;
} Type;
typedef struct { GoString name; const Type *typ; void *ifn; uint8_t ptr_recv; } Method;
typedef struct { GoString name; const Type *typ; } IMethod;

extern void __rgo_main(void);
int rgo_main(int argc, char **argv) { (void)argc; (void)argv; __rgo_main(); fflush(stdout); return 0; }

static void die(const char *msg) { fflush(stdout); printf("panic: %s\n", msg); fflush(stdout); exit(2); }

void *rgo_alloc(uint64_t size, const Type *t) { (void)t; return calloc(1, size ? size : 1); }
void rgo_panic_bounds(uint8_t kind, int64_t x, int64_t y, uint8_t s) {
    fflush(stdout);
    if (kind == 0) printf("panic: runtime error: index out of range [%lld] with length %lld\n", (long long)x, (long long)y);
    else printf("panic: runtime error: slice bounds out of range kind %d [%lld] %lld\n", kind, (long long)x, (long long)y);
    (void)s; fflush(stdout); exit(2);
}
void rgo_panic_divide(void) { die("runtime error: integer divide by zero"); }
void rgo_panic_nil(void) { die("runtime error: invalid memory address or nil pointer dereference"); }
void rgo_panic_shift(void) { die("runtime error: negative shift amount"); }
void rgo_panic_makeslice_len(void) { die("runtime error: makeslice: len out of range"); }
void rgo_panic_makeslice_cap(void) { die("runtime error: makeslice: cap out of range"); }
void rgo_panic_nilmap(void) { die("assignment to entry in nil map"); }
void rgo_panic_slicetoarray(int64_t have, int64_t want) {
    fflush(stdout);
    printf("panic: runtime error: cannot convert slice with length %lld to array or pointer to array with length %lld\n", (long long)have, (long long)want);
    fflush(stdout); exit(2);
}
void rgo_panic_typeassert(const Type *have, const Type *want, const Type *iface) {
    fflush(stdout);
    printf("panic: interface conversion: %.*s is %.*s, not %.*s\n",
        (int)iface->name.len, iface->name.ptr,
        have ? (int)have->name.len : 3, have ? (const char *)have->name.ptr : "nil",
        (int)want->name.len, want->name.ptr);
    fflush(stdout); exit(2);
}
void rgo_gopanic(const Type *t, void *data) {
    fflush(stdout);
    if (t && t->kind == 24) { GoString *s = data; printf("panic: %.*s\n", (int)s->len, s->ptr); }
    else if (t && t->kind == 2) printf("panic: %lld\n", (long long)*(int64_t *)data);
    else printf("panic: (%.*s)\n", t ? (int)t->name.len : 3, t ? (const char *)t->name.ptr : "nil");
    fflush(stdout); exit(2);
}

GoString rgo_concatstring(const uint8_t *a, int64_t al, const uint8_t *b, int64_t bl) {
    uint8_t *p = malloc(al + bl + 1); memcpy(p, a, al); memcpy(p + al, b, bl);
    GoString s = { p, al + bl }; return s;
}
GoString rgo_concatstrings(const GoString *s, int64_t n) {
    int64_t t = 0; for (int64_t i = 0; i < n; i++) t += s[i].len;
    uint8_t *p = malloc(t + 1), *q = p;
    for (int64_t i = 0; i < n; i++) { memcpy(q, s[i].ptr, s[i].len); q += s[i].len; }
    GoString r = { p, t }; return r;
}
int64_t rgo_cmpstring(const uint8_t *a, int64_t al, const uint8_t *b, int64_t bl) {
    int64_t n = al < bl ? al : bl; int c = n ? memcmp(a, b, n) : 0;
    if (c) return c < 0 ? -1 : 1; return al < bl ? -1 : al > bl ? 1 : 0;
}
GoString rgo_intstring(int64_t r) {
    uint8_t *p = malloc(4); int n = 0; uint32_t c = (uint32_t)r;
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) p[n++] = c;
    else if (c < 0x800) { p[n++] = 0xC0 | (c >> 6); p[n++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { p[n++] = 0xE0 | (c >> 12); p[n++] = 0x80 | ((c >> 6) & 63); p[n++] = 0x80 | (c & 63); }
    else { p[n++] = 0xF0 | (c >> 18); p[n++] = 0x80 | ((c >> 12) & 63); p[n++] = 0x80 | ((c >> 6) & 63); p[n++] = 0x80 | (c & 63); }
    GoString s = { p, n }; return s;
}
GoString rgo_slicebytetostring(const uint8_t *p, int64_t n) {
    uint8_t *q = malloc(n + 1); memcpy(q, p, n); GoString s = { q, n }; return s;
}
void rgo_stringtoslicebyte(GoSlice *out, const uint8_t *p, int64_t n) {
    uint8_t *q = malloc(n + 1); memcpy(q, p, n); out->ptr = q; out->len = n; out->cap = n;
}
typedef struct { int64_t rune, next; } RuneNext;
RuneNext rgo_decoderune(const uint8_t *p, int64_t n, int64_t i) {
    RuneNext r = { 0xFFFD, i + 1 };
    uint8_t c = p[i];
    if (c < 0x80) { r.rune = c; return r; }
    if ((c & 0xE0) == 0xC0 && i + 1 < n) { r.rune = ((c & 31) << 6) | (p[i+1] & 63); r.next = i + 2; }
    else if ((c & 0xF0) == 0xE0 && i + 2 < n) { r.rune = ((c & 15) << 12) | ((p[i+1] & 63) << 6) | (p[i+2] & 63); r.next = i + 3; }
    else if ((c & 0xF8) == 0xF0 && i + 3 < n) { r.rune = ((c & 7) << 18) | ((p[i+1] & 63) << 12) | ((p[i+2] & 63) << 6) | (p[i+3] & 63); r.next = i + 4; }
    return r;
}

void *rgo_makeslice(const Type *elem, int64_t len, int64_t cap) {
    if (len < 0) rgo_panic_makeslice_len();
    if (cap < len) rgo_panic_makeslice_cap();
    return calloc(cap ? cap : 1, elem->size ? elem->size : 1);
}
void rgo_growslice(GoSlice *out, const Type *elem, void *p, int64_t len, int64_t cap, int64_t extra) {
    int64_t want = len + extra, nc = cap * 2; if (nc < want) nc = want;
    void *q = calloc(nc ? nc : 1, elem->size ? elem->size : 1);
    if (len) memcpy(q, p, len * elem->size);
    out->ptr = q; out->len = want; out->cap = nc;
}

/* Maps: a linear list of entries. */
typedef struct { int64_t n, cap; uint8_t *keys, *vals; } Map;
static int64_t find(const Type *mt, Map *m, const void *key) {
    for (int64_t i = 0; i < m->n; i++) if (!memcmp(m->keys + i * mt->key->size, key, mt->key->size)) return i;
    return -1;
}
void *rgo_makemap(const Type *mt, int64_t hint) { (void)mt; (void)hint; return calloc(1, sizeof(Map)); }
void *rgo_mapaccess(const Type *mt, Map *m, const void *key) {
    if (!m) return 0; int64_t i = find(mt, m, key); return i < 0 ? 0 : m->vals + i * mt->elem->size;
}
void *rgo_mapassign(const Type *mt, Map *m, const void *key) {
    if (!m) rgo_panic_nilmap();
    int64_t i = find(mt, m, key);
    if (i < 0) {
        if (m->n == m->cap) {
            m->cap = m->cap ? 2 * m->cap : 8;
            m->keys = realloc(m->keys, m->cap * mt->key->size);
            m->vals = realloc(m->vals, m->cap * mt->elem->size);
        }
        i = m->n++;
        memcpy(m->keys + i * mt->key->size, key, mt->key->size);
        memset(m->vals + i * mt->elem->size, 0, mt->elem->size);
    }
    return m->vals + i * mt->elem->size;
}
void rgo_mapdelete(const Type *mt, Map *m, const void *key) {
    if (!m) return; int64_t i = find(mt, m, key); if (i < 0) return;
    m->n--;
    memmove(m->keys + i * mt->key->size, m->keys + (i + 1) * mt->key->size, (m->n - i) * mt->key->size);
    memmove(m->vals + i * mt->elem->size, m->vals + (i + 1) * mt->elem->size, (m->n - i) * mt->elem->size);
}
int64_t rgo_maplen(Map *m) { return m ? m->n : 0; }
typedef struct { const Type *mt; Map *m; int64_t i; } Iter;
void *rgo_mapiterinit(const Type *mt, Map *m) { Iter *it = calloc(1, sizeof(Iter)); it->mt = mt; it->m = m; it->i = -1; return it; }
uint8_t rgo_mapiternext(Iter *it) { it->i++; return it->m && it->i < it->m->n; }
void *rgo_mapiterkey(Iter *it) { return it->m->keys + it->i * it->mt->key->size; }
void *rgo_mapiterelem(Iter *it) { return it->m->vals + it->i * it->mt->elem->size; }

/* Interfaces. */
typedef struct { const Type *inter, *typ; uint32_t hash, pad; void *fun[]; } Itab;
const Itab *rgo_getitab(const Type *inter, const Type *typ, uint8_t can_fail) {
    const IMethod *im = inter->fields;
    Itab *tab = calloc(1, sizeof(Itab) + inter->len * sizeof(void *));
    tab->inter = inter; tab->typ = typ; tab->hash = typ->hash;
    for (uint64_t i = 0; i < inter->len; i++) {
        const Method *ms = typ->methods; int found = 0;
        for (uint64_t j = 0; j < typ->num_methods; j++) {
            int is_ptr = typ->kind == 22;
            if (ms[j].name.len == im[i].name.len && !memcmp(ms[j].name.ptr, im[i].name.ptr, im[i].name.len)
                && (is_ptr || !ms[j].ptr_recv)) { tab->fun[i] = ms[j].ifn; found = 1; break; }
        }
        if (!found) {
            if (can_fail) return 0;
            fflush(stdout);
            printf("panic: interface conversion: %.*s is not %.*s: missing method %.*s\n",
                (int)typ->name.len, typ->name.ptr, (int)inter->name.len, inter->name.ptr,
                (int)im[i].name.len, im[i].name.ptr);
            fflush(stdout); exit(2);
        }
    }
    return tab;
}
uint8_t rgo_efaceeq(const Type *t, void *a, void *b) {
    if (t->tflag & 32) return a == b;
    if (t->kind == 24) { GoString *x = a, *y = b; return x->len == y->len && !memcmp(x->ptr, y->ptr, x->len); }
    if (t->kind == 23 || t->kind == 21 || t->kind == 19) {
        fflush(stdout); printf("panic: runtime error: comparing uncomparable type %.*s\n", (int)t->name.len, t->name.ptr);
        fflush(stdout); exit(2);
    }
    return !memcmp(a, b, t->size);
}
uint8_t rgo_typeequal(const Type *t, const void *a, const void *b) { return !memcmp(a, b, t->size); }

/* Printing (to stdout here). */
void rgo_printstring(const uint8_t *p, int64_t n) { fwrite(p, 1, n, stdout); }
void rgo_printint(int64_t v) { printf("%lld", (long long)v); }
void rgo_printuint(uint64_t v) { printf("%llu", (unsigned long long)v); }
void rgo_printfloat(double v) { printf("%.6e", v); }
void rgo_printfloat32(float v) { printf("%.6e", (double)v); }
void rgo_printcomplex64(float re, float im) { printf("(%.6e%+.6ei)", (double)re, (double)im); }
void rgo_printslice(void *p, int64_t n, int64_t c) { printf("[%lld/%lld]%p", (long long)n, (long long)c, p); }
void rgo_printbool(uint8_t v) { printf(v ? "true" : "false"); }
void rgo_printpointer(void *p) { printf("%p", p); }
void rgo_printsp(void) { printf(" "); }
void rgo_printnl(void) { printf("\n"); }
void rgo_printeface(void *t, void *d) { printf("(%p,%p)", t, d); }
void rgo_printcomplex(double re, double im) { printf("(%.6e%+.6ei)", re, im); }
int64_t rgo_write(int64_t fd, const uint8_t *p, int64_t n) { fflush(stdout); return write(fd, p, n); }
"#;

/// What running a test program gave.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The runtime library, if it has been built: `$RGO_RT_LIB`, or
/// `target/debug/librt.a` of this workspace.
pub fn runtime_lib() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("RGO_RT_LIB") {
        return Some(PathBuf::from(p));
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/librt.a");
    p.exists().then_some(p)
}

/// Compiles `prog` at `opt` and links it with the real runtime; None when
/// the runtime library is not built.
pub fn run_rt(prog: &Program, opt: u8, name: &str) -> Option<Run> {
    let lib = runtime_lib()?;
    let dir = scratch(&format!("rt-{name}-O{opt}"));
    let obj = dir.join("prog.o");
    let opts = codegen::Options {
        opt_level: opt,
        pic: false,
        library: false,
    };
    if let Err(e) = codegen::emit_object(prog, &opts, &obj) {
        panic!("codegen failed: {e}");
    }
    let exe = dir.join("prog");
    let out = Command::new("cc")
        .stdin(Stdio::piped())
        .arg("-o")
        .arg(&exe)
        .arg(&obj)
        .arg(&lib)
        .args(["-lpthread", "-ldl", "-lm"])
        .output()
        .expect("run cc");
    assert!(
        out.status.success(),
        "link failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(&exe)
        .stdin(Stdio::piped())
        .output()
        .expect("run program");
    let _ = std::fs::remove_dir_all(&dir);
    Some(Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    })
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rgo-codegen-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Compiles `prog` at `opt`, links it with the stubs and `extra_c`, runs it.
pub fn run_with(prog: &Program, opt: u8, name: &str, extra_c: &str) -> Run {
    let dir = scratch(&format!("{name}-O{opt}"));
    // CODEGEN_DUMP=<opt level>: print the LLVM IR (debugging aid).
    if std::env::var("CODEGEN_DUMP")
        .ok()
        .and_then(|v| v.parse::<u8>().ok())
        == Some(opt)
    {
        let o = codegen::Options {
            opt_level: opt,
            pic: false,
            library: false,
        };
        eprintln!(
            "{}",
            codegen::emit_llvm_ir(prog, &o).unwrap_or_else(|e| e.message)
        );
    }
    let obj = dir.join("prog.o");
    let opts = codegen::Options {
        opt_level: opt,
        pic: false,
        library: false,
    };
    if let Err(e) = codegen::emit_object(prog, &opts, &obj) {
        let ir = codegen::emit_llvm_ir(
            prog,
            &codegen::Options {
                opt_level: 0,
                pic: false,
                library: false,
            },
        );
        panic!("codegen failed: {e}\n{}", ir.unwrap_or_default());
    }
    let stubs = dir.join("stubs.c");
    std::fs::write(&stubs, format!("{STUBS}\n{extra_c}")).expect("write stubs");
    let exe = dir.join("prog");
    // stdin is a pipe rather than /dev/null, which need not exist.
    let out = Command::new("cc")
        .stdin(Stdio::piped())
        .arg("-o")
        .arg(&exe)
        .arg(&stubs)
        .arg(&obj)
        .output()
        .expect("run cc");
    assert!(
        out.status.success(),
        "link failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(&exe)
        .stdin(Stdio::piped())
        .output()
        .expect("run program");
    let _ = std::fs::remove_dir_all(&dir);
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs `prog` at -O0 and -O2 and checks both give `want` and exit 0.
pub fn expect_output(prog: &Program, name: &str, want: &str) {
    expect_run(prog, name, "", want, 0);
}

pub fn expect_run(prog: &Program, name: &str, extra_c: &str, want: &str, code: i32) {
    for opt in [0, 2] {
        let r = run_with(prog, opt, name, extra_c);
        assert_eq!(r.stdout, want, "output at -O{opt}");
        assert_eq!(r.code, code, "exit code at -O{opt}");
    }
}
