//! Binding `C.name`s: libclang reads a file's preamble, and each name the
//! Go file uses becomes a Go declaration (in the package's generated file)
//! and, for functions, a C wrapper.
//!
//! Names follow gc's cgo, since they show in `%T` output and messages:
//! `C.int` is `_Ctype_int`, `C.struct_x` `_Ctype_struct_x`, `C.f`
//! `_Cfunc_f` (and `_C2func_f` for `r, err := C.f()`), constants
//! `_Ciconst_`/`_Cfconst_`/`_Csconst_`, variables `_Cvar_x`.
//!
//! A function `C.f` is a body-less Go function bound (`//rgo:extern`) to a
//! C wrapper `_cgo_<pkg>_Cfunc_f` that takes its arguments in the
//! flattened ABI of `rt/ABI.md` (scalars as themselves, structs, arrays and
//! complex numbers as a pointer to a copy, an aggregate result through a
//! hidden first pointer). The wrapper stores them in a frame and has the
//! runtime run the call (`rgo_cgocall`), which lets the goroutine's P go
//! to another thread while C runs. The C compiler, not rgo, applies the C
//! calling convention.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use clang::{Entity, EntityKind, EvaluationResult, Type, TypeKind};

/// What the generated Go and C for one package hold so far.
#[derive(Default)]
pub struct Bindings {
    /// Go declarations, each once, in the order they were made.
    pub go_decls: Vec<String>,
    /// Go names declared so far.
    declared: HashSet<String>,
    /// Anonymous records already named (`_Ctype_struct___0`), by the
    /// canonical type's spelling plus location.
    anon: HashMap<String, String>,
    /// C wrappers of the file being bound.
    pub c_wrappers: String,
    /// Whether the helper functions in C (`_cgo_rgo_malloc`, ...) are
    /// needed.
    pub c_helpers: bool,
}

/// A `C.name` that could not be bound: the name's index in the file's list
/// and gc's message.
pub struct NameError {
    pub index: usize,
    pub message: String,
}

/// The names of C's arithmetic types as cgo spells them after `C.`.
fn builtin_type(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "char" => ("char", "int8"),
        "schar" => ("schar", "int8"),
        "uchar" => ("uchar", "uint8"),
        "short" => ("short", "int16"),
        "ushort" => ("ushort", "uint16"),
        "int" => ("int", "int32"),
        "uint" => ("uint", "uint32"),
        "long" => ("long", "int64"),
        "ulong" => ("ulong", "uint64"),
        "longlong" => ("longlong", "int64"),
        "ulonglong" => ("ulonglong", "uint64"),
        "float" => ("float", "float32"),
        "double" => ("double", "float64"),
        "complexfloat" => ("complexfloat", "complex64"),
        "complexdouble" => ("complexdouble", "complex128"),
        "void" => ("void", "[0]byte"),
        _ => return None,
    })
}

/// The Go helpers cgo provides under `C.`.
const HELPERS: &[&str] = &[
    "CString",
    "CBytes",
    "GoString",
    "GoStringN",
    "GoBytes",
    "malloc",
];

/// Go keywords, which cgo prefixes with `_` as field names.
const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// The top-level declarations of a translation unit, by name.
pub struct Index<'tu> {
    decls: HashMap<String, Entity<'tu>>,
    tags: HashMap<(EntityKind, String), Entity<'tu>>,
    macros: HashSet<String>,
}

impl<'tu> Index<'tu> {
    pub fn new(root: Entity<'tu>) -> Index<'tu> {
        let mut ix = Index {
            decls: HashMap::new(),
            tags: HashMap::new(),
            macros: HashSet::new(),
        };
        for e in root.get_children() {
            let Some(name) = e.get_name() else { continue };
            match e.get_kind() {
                EntityKind::FunctionDecl | EntityKind::VarDecl | EntityKind::TypedefDecl => {
                    // A definition after a declaration: either will do,
                    // the types agree.
                    ix.decls.entry(name).or_insert(e);
                }
                k @ (EntityKind::StructDecl | EntityKind::UnionDecl | EntityKind::EnumDecl) => {
                    if k == EntityKind::EnumDecl {
                        for c in e.get_children() {
                            if c.get_kind() == EntityKind::EnumConstantDecl {
                                if let Some(n) = c.get_name() {
                                    ix.decls.insert(n, c);
                                }
                            }
                        }
                    }
                    let key = (k, name);
                    // Prefer the definition.
                    if e.is_definition() || !ix.tags.contains_key(&key) {
                        ix.tags.insert(key, e);
                    }
                }
                EntityKind::MacroDefinition
                    if !e.is_builtin_macro() && !e.is_function_like_macro() =>
                {
                    ix.macros.insert(name);
                }
                _ => {}
            }
        }
        // Enum constants of anonymous enums are children of unnamed decls.
        for e in root.get_children() {
            if e.get_kind() == EntityKind::EnumDecl && e.get_name().is_none() {
                for c in e.get_children() {
                    if let Some(n) = c.get_name() {
                        ix.decls.insert(n, c);
                    }
                }
            }
        }
        ix
    }

    /// Whether `name` is an object-like macro that is not also a
    /// declaration (its value is read through a probe).
    pub fn is_macro(&self, name: &str) -> bool {
        self.macros.contains(name) && !self.decls.contains_key(name)
    }
}

impl Bindings {
    fn declare(&mut self, name: &str, text: String) {
        if self.declared.insert(name.to_string()) {
            self.go_decls.push(text);
        }
    }

    /// Binds `C.name`, with `ix` the preamble's declarations, `probes` the
    /// values of macros (and whether a floating one is a C `float`), and
    /// `pkg` the symbol prefix of the package.
    pub fn bind(
        &mut self,
        name: &str,
        ix: &Index<'_>,
        probes: &HashMap<String, (EvaluationResult, bool)>,
        type_macros: &HashMap<String, Type<'_>>,
        pkg: &str,
    ) -> Result<(), String> {
        if let Some(t) = type_macros.get(name) {
            let go = self.go_type(*t)?;
            self.declare(
                &format!("_Ctype_{name}"),
                format!("type _Ctype_{name} = {go}"),
            );
            return Ok(());
        }
        if let Some((n, go)) = builtin_type(name) {
            self.declare(&format!("_Ctype_{n}"), format!("type _Ctype_{n} {go}"));
            return Ok(());
        }
        if HELPERS.contains(&name) {
            self.helper(name);
            return Ok(());
        }
        if let Some(t) = name.strip_prefix("sizeof_") {
            let size = self.sizeof(t, ix)?;
            self.declare(
                &format!("_Ciconst_{name}"),
                format!("const _Ciconst_{name} = {size}"),
            );
            return Ok(());
        }
        for (prefix, kind) in [
            ("struct_", EntityKind::StructDecl),
            ("union_", EntityKind::UnionDecl),
            ("enum_", EntityKind::EnumDecl),
        ] {
            if let Some(tag) = name.strip_prefix(prefix) {
                let e = ix
                    .tags
                    .get(&(kind, tag.to_string()))
                    .ok_or_else(|| format!("could not determine what C.{name} refers to"))?;
                let t = e.get_type().ok_or("no type")?;
                self.go_type(t)?;
                return Ok(());
            }
        }
        if let Some(e) = ix.decls.get(name) {
            return match e.get_kind() {
                EntityKind::TypedefDecl => {
                    let t = e.get_type().ok_or("no type")?;
                    self.go_type(t).map(|_| ())
                }
                EntityKind::EnumConstantDecl => {
                    let (v, _) = e.get_enum_constant_value().ok_or("no value")?;
                    self.declare(
                        &format!("_Ciconst_{name}"),
                        format!("const _Ciconst_{name} = {v}"),
                    );
                    Ok(())
                }
                EntityKind::FunctionDecl => self.function(name, *e, pkg),
                EntityKind::VarDecl => self.variable(name, *e, pkg),
                _ => Err(format!("could not determine what C.{name} refers to")),
            };
        }
        if let Some((v, single)) = probes.get(name) {
            let text = match v {
                EvaluationResult::SignedInteger(i) => format!("const _Ciconst_{name} = {i}"),
                EvaluationResult::UnsignedInteger(u) => format!("const _Ciconst_{name} = {u}"),
                EvaluationResult::Float(f) => {
                    let s = if f.is_finite() {
                        // A `float` prints as the literal it came from.
                        if *single {
                            format!("{:?}", *f as f32)
                        } else {
                            format!("{f:?}")
                        }
                    } else {
                        return Err(format!("could not determine what C.{name} refers to"));
                    };
                    let c = format!("const _Cfconst_{name} = {s}");
                    self.declare(&format!("_Cfconst_{name}"), c);
                    return Ok(());
                }
                EvaluationResult::String(s) => {
                    let c = format!("const _Csconst_{name} = {}", go_quote(s.to_bytes()));
                    self.declare(&format!("_Csconst_{name}"), c);
                    return Ok(());
                }
                _ => return Err(format!("could not determine what C.{name} refers to")),
            };
            self.declare(&format!("_Ciconst_{name}"), text);
            return Ok(());
        }
        Err(format!("could not determine what C.{name} refers to"))
    }

    /// `C.sizeof_T`.
    fn sizeof(&mut self, t: &str, ix: &Index<'_>) -> Result<usize, String> {
        let unknown = || format!("could not determine what C.sizeof_{t} refers to");
        if let Some((_, go)) = builtin_type(t) {
            return Ok(match go {
                "int8" | "uint8" => 1,
                "int16" | "uint16" => 2,
                "int32" | "uint32" | "float32" => 4,
                "complex128" => 16,
                "[0]byte" => 1,
                _ => 8,
            });
        }
        let ty = if let Some(e) = ix.decls.get(t) {
            (e.get_kind() == EntityKind::TypedefDecl)
                .then(|| e.get_type())
                .flatten()
        } else {
            [
                ("struct_", EntityKind::StructDecl),
                ("union_", EntityKind::UnionDecl),
                ("enum_", EntityKind::EnumDecl),
            ]
            .iter()
            .find_map(|(p, k)| {
                let tag = t.strip_prefix(p)?;
                ix.tags.get(&(*k, tag.to_string()))?.get_type()
            })
        };
        ty.and_then(|ty| ty.get_sizeof().ok()).ok_or_else(unknown)
    }

    /// The Go type for C type `t`, declaring the names it needs.
    pub fn go_type(&mut self, t: Type<'_>) -> Result<String, String> {
        let basic = |me: &mut Bindings, n: &str| {
            let (n, go) = builtin_type(n).unwrap_or(("void", "[0]byte"));
            me.declare(&format!("_Ctype_{n}"), format!("type _Ctype_{n} {go}"));
            Ok(format!("_Ctype_{n}"))
        };
        if is_go_string(t) {
            return Ok("string".into());
        }
        match t.get_kind() {
            TypeKind::Void => basic(self, "void"),
            TypeKind::Bool => {
                self.declare("_Ctype__Bool", "type _Ctype__Bool bool".into());
                Ok("_Ctype__Bool".into())
            }
            TypeKind::CharS | TypeKind::CharU => basic(self, "char"),
            TypeKind::SChar => basic(self, "schar"),
            TypeKind::UChar => basic(self, "uchar"),
            TypeKind::Short => basic(self, "short"),
            TypeKind::UShort => basic(self, "ushort"),
            TypeKind::Int => basic(self, "int"),
            TypeKind::UInt => basic(self, "uint"),
            TypeKind::Long => basic(self, "long"),
            TypeKind::ULong => basic(self, "ulong"),
            TypeKind::LongLong => basic(self, "longlong"),
            TypeKind::ULongLong => basic(self, "ulonglong"),
            TypeKind::Float => basic(self, "float"),
            TypeKind::Double => basic(self, "double"),
            TypeKind::WChar | TypeKind::Char32 => Ok("int32".into()),
            TypeKind::Char16 => Ok("uint16".into()),
            TypeKind::Int128 | TypeKind::UInt128 => Ok("[16]byte".into()),
            TypeKind::LongDouble => Err("unexpected: 16-byte float type - long double".into()),
            TypeKind::Complex => {
                let e = t
                    .get_canonical_type()
                    .get_element_type()
                    .ok_or("complex without element")?;
                match e.get_canonical_type().get_kind() {
                    TypeKind::Float => basic(self, "complexfloat"),
                    TypeKind::Double => basic(self, "complexdouble"),
                    _ => Err(format!("unexpected type: {}", t.get_display_name())),
                }
            }
            TypeKind::Pointer => {
                let p = t.get_pointee_type().ok_or("pointer without pointee")?;
                let pc = p.get_canonical_type();
                match pc.get_kind() {
                    TypeKind::Void => Ok("unsafe.Pointer".into()),
                    TypeKind::FunctionPrototype | TypeKind::FunctionNoPrototype => {
                        Ok("*[0]byte".into())
                    }
                    _ => Ok(format!("*{}", self.go_type(p)?)),
                }
            }
            TypeKind::ConstantArray => {
                let e = t.get_element_type().ok_or("array without element")?;
                let n = t.get_size().unwrap_or(0);
                Ok(format!("[{n}]{}", self.go_type(e)?))
            }
            TypeKind::IncompleteArray => {
                let e = t.get_element_type().ok_or("array without element")?;
                Ok(format!("[0]{}", self.go_type(e)?))
            }
            TypeKind::FunctionPrototype | TypeKind::FunctionNoPrototype => Ok("[0]byte".into()),
            TypeKind::Typedef => {
                let decl = t.get_declaration().ok_or("typedef without declaration")?;
                let name = decl.get_name().ok_or("typedef without name")?;
                let go = format!("_Ctype_{name}");
                if !self.declared.contains(&go) {
                    let under = decl
                        .get_typedef_underlying_type()
                        .ok_or("typedef without type")?;
                    // (Records reserve their names before their fields,
                    // so a self-referring typedef ends.)
                    let u = self.go_type(under)?;
                    if u == go || self.declared.contains(&go) {
                        // Declared by the type itself (`typedef enum
                        // {...} level`), or while reading it.
                        return Ok(go);
                    }
                    self.declared.insert(go.clone());
                    // As gc's cgo: a typedef of a named C type is an alias
                    // of it; any other (an unnamed enum's integer, a
                    // pointer, an array) is a type of its own.
                    let eq = if u.starts_with("_Ctype_") { "= " } else { "" };
                    self.go_decls.push(format!("type {go} {eq}{u}"));
                }
                Ok(go)
            }
            TypeKind::Elaborated => {
                let inner = t.get_elaborated_type().ok_or("elaborated without type")?;
                self.go_type(inner)
            }
            TypeKind::Enum => {
                let decl = t.get_declaration().ok_or("enum without declaration")?;
                let under = decl
                    .get_enum_underlying_type()
                    .map(|u| u.get_canonical_type().get_kind());
                let go = match (under, t.get_sizeof().unwrap_or(4)) {
                    (Some(TypeKind::UInt), _) => "uint32",
                    (Some(TypeKind::ULong | TypeKind::ULongLong), _) => "uint64",
                    (_, 8) => "int64",
                    _ => "int32",
                };
                let usr = decl.get_usr().map(|u| u.0).unwrap_or_default();
                match decl
                    .get_name()
                    .filter(|tag| usr.ends_with(&format!("@E@{tag}")))
                {
                    Some(tag) => {
                        let name = format!("_Ctype_enum_{tag}");
                        self.declare(&name, format!("type {name} = {go}"));
                        Ok(name)
                    }
                    None => {
                        // `typedef enum {...} level;`: the typedef's own
                        // defined type, as gc has it.
                        match usr.rsplit_once("@EA@") {
                            Some((_, td)) => {
                                let name = format!("_Ctype_{td}");
                                self.declare(&name, format!("type {name} {go}"));
                                Ok(name)
                            }
                            None => Ok(go.to_string()),
                        }
                    }
                }
            }
            TypeKind::Record => self.record(t),
            _ => {
                let c = t.get_canonical_type();
                // libclang leaves complex types unexposed.
                match c.get_display_name().as_str() {
                    "_Complex float" => return basic(self, "complexfloat"),
                    "_Complex double" => return basic(self, "complexdouble"),
                    _ => {}
                }
                if c == t {
                    Err(format!("unexpected type: {}", t.get_display_name()))
                } else {
                    self.go_type(c)
                }
            }
        }
    }

    /// A struct or union type.
    fn record(&mut self, t: Type<'_>) -> Result<String, String> {
        let decl = t.get_declaration().ok_or("record without declaration")?;
        let is_union = decl.get_kind() == EntityKind::UnionDecl;
        let size = t.get_sizeof().ok();
        if is_union {
            // As gc: the bytes of the union.
            let bytes = format!("[{}]byte", size.unwrap_or(0));
            return Ok(match decl.get_name().filter(|_| !decl.is_anonymous()) {
                Some(tag) => {
                    let name = format!("_Ctype_union_{tag}");
                    self.declare(&name, format!("type {name} = {bytes}"));
                    name
                }
                None => bytes,
            });
        }
        // A struct without a tag (`typedef struct {...} pt;`) has the
        // typedef's name in libclang; its USR tells it apart.
        let tagged = |tag: &String| {
            decl.get_usr()
                .is_some_and(|u| u.0.ends_with(&format!("@S@{tag}")))
        };
        let name = match decl.get_name().filter(tagged) {
            Some(tag) => format!("_Ctype_struct_{tag}"),
            None => {
                let key = format!("{:?}", decl.get_location().map(|l| l.get_file_location()));
                let key = format!("{}@{key}", t.get_canonical_type().get_display_name());
                let n = self.anon.len();
                self.anon
                    .entry(key)
                    .or_insert_with(|| format!("_Ctype_struct___{n}"))
                    .clone()
            }
        };
        if self.declared.contains(&name) {
            return Ok(name);
        }
        self.declared.insert(name.clone());
        let Some(size) = size else {
            // Incomplete: only pointers to it are usable.
            self.go_decls.push(format!("type {name} struct{{}}"));
            return Ok(name);
        };
        let mut body = String::new();
        let mut off = 0usize;
        for f in t.get_fields().unwrap_or_default() {
            if f.is_bit_field() {
                continue;
            }
            let Some(fname) = f.get_name() else { continue };
            let Some(ft) = f.get_type() else { continue };
            let fo = f.get_offset_of_field().map_err(|e| e.to_string())? / 8;
            if fo < off {
                continue;
            }
            if fo > off {
                let _ = writeln!(body, "\t_ [{}]byte", fo - off);
            }
            let go = self.go_type(ft)?;
            let fname = if KEYWORDS.contains(&fname.as_str()) {
                format!("_{fname}")
            } else {
                fname
            };
            let _ = writeln!(body, "\t{fname} {go}");
            off = fo + ft.get_sizeof().unwrap_or(0);
        }
        if size > off {
            let _ = writeln!(body, "\t_ [{}]byte", size - off);
        }
        self.go_decls
            .push(format!("type {name} struct {{\n{body}}}"));
        Ok(name)
    }

    /// A C variable: a Go variable that is the C one (codegen declares it
    /// as the external symbol). A `static` one is reached through a
    /// global alias the wrappers define.
    fn variable(&mut self, name: &str, e: Entity<'_>, pkg: &str) -> Result<(), String> {
        let go_name = format!("_Cvar_{name}");
        if self.declared.contains(&go_name) {
            return Ok(());
        }
        let t = e.get_type().ok_or("variable without type")?;
        let go = self.go_type(t)?;
        let internal = e.get_linkage() == Some(clang::Linkage::Internal);
        let sym = if internal {
            if !e.is_definition() {
                return Err(format!("could not determine what C.{name} refers to"));
            }
            let sym = format!("_cgo_{pkg}_Cvar_{name}");
            let _ = writeln!(
                self.c_wrappers,
                "extern __typeof__({name}) {sym} __attribute__((alias(\"{name}\")));"
            );
            sym
        } else {
            name.to_string()
        };
        self.declare(&go_name, format!("//rgo:extern {sym}\nvar {go_name} {go}"));
        Ok(())
    }

    /// A C function: its Go declarations and its wrappers.
    fn function(&mut self, name: &str, e: Entity<'_>, pkg: &str) -> Result<(), String> {
        if self.declared.contains(&format!("_Cfunc_{name}")) {
            return Ok(());
        }
        let ft = e.get_type().ok_or("function without type")?;
        // `f()` without a prototype takes no arguments, as cgo reads it.
        if ft.get_kind() == TypeKind::FunctionPrototype && ft.is_variadic() {
            return Err("unexpected type: ...".into());
        }
        let params = ft.get_argument_types().unwrap_or_default();
        let result = ft.get_result_type().ok_or("function without result type")?;
        let void = result.get_canonical_type().get_kind() == TypeKind::Void;
        let mut go_params = Vec::new();
        let mut c_params = Vec::new();
        for (i, p) in params.iter().enumerate() {
            let go = self.go_type(*p)?;
            go_params.push(format!("p{i} {go}"));
            c_params.push((c_spelling(*p)?, by_pointer(*p)));
        }
        let go_result = if void {
            String::new()
        } else {
            self.go_type(result)?
        };
        let c_result = if void {
            None
        } else {
            Some((c_spelling(result)?, by_pointer(result)))
        };
        let gp = go_params.join(", ");
        let args: Vec<String> = (0..params.len()).map(|i| format!("p{i}")).collect();
        let args = args.join(", ");

        // Go: the plain call and the one that also returns errno.
        let sym = format!("_cgo_{pkg}_Cfunc_{name}");
        let sym2 = format!("_cgo_{pkg}_C2func_{name}");
        let res = if void {
            String::new()
        } else {
            format!(" {go_result}")
        };
        self.declare(
            &format!("_Cfunc_{name}"),
            format!("//rgo:extern {sym}\nfunc _Cfunc_{name}({gp}){res}"),
        );
        let (inner_res, call, ret) = if void {
            (
                " int32".to_string(),
                format!("e := _cgo_C2func_{name}({args})"),
                "var r _Ctype_void\n\tif e != 0 {\n\t\treturn r, syscall.Errno(e)\n\t}\n\treturn r, nil".to_string(),
            )
        } else {
            (
                format!(" ({go_result}, int32)"),
                format!("r, e := _cgo_C2func_{name}({args})"),
                "if e != 0 {\n\t\treturn r, syscall.Errno(e)\n\t}\n\treturn r, nil".to_string(),
            )
        };
        if void {
            self.declare("_Ctype_void", "type _Ctype_void [0]byte".into());
        }
        let r2 = if void {
            "_Ctype_void"
        } else {
            go_result.as_str()
        };
        self.declare(
            &format!("_C2func_{name}"),
            format!(
                "//rgo:extern {sym2}\nfunc _cgo_C2func_{name}({gp}){inner_res}\n\nfunc _C2func_{name}({gp}) ({r2}, error) {{\n\t{call}\n\t{ret}\n}}"
            ),
        );

        // C: the frame, the body run by the runtime, the two entry points.
        let w = &mut self.c_wrappers;
        let _ = writeln!(w, "struct _cgo_a_{name} {{");
        for (i, (c, _)) in c_params.iter().enumerate() {
            let _ = writeln!(w, "\t{c} p{i};");
        }
        if let Some((c, _)) = &c_result {
            let _ = writeln!(w, "\t{c} r;");
        }
        let _ = writeln!(w, "\tint e;\n}};");
        if let Some((c, _)) = &c_result {
            let _ = writeln!(w, "struct _cgo_o_{name} {{ {c} r; int e; }};");
        }
        let call_args: Vec<String> = (0..params.len()).map(|i| format!("a->p{i}")).collect();
        let call_args = call_args.join(", ");
        let assign = match &c_result {
            Some((c, _)) if c == "void *" => "a->r = (void *)",
            Some(_) => "a->r = ",
            None => "",
        };
        let _ = writeln!(
            w,
            "static void _cgo_b_{name}(void *v) {{\n\tstruct _cgo_a_{name} *a = v;\n\t{assign}{name}({call_args});\n}}"
        );
        let _ = writeln!(
            w,
            "static void _cgo_b2_{name}(void *v) {{\n\tstruct _cgo_a_{name} *a = v;\n\terrno = 0;\n\t{assign}{name}({call_args});\n\ta->e = errno;\n}}"
        );
        // Entry points, in the flattened ABI.
        let mut flat: Vec<String> = Vec::new();
        for (i, (c, ptr)) in c_params.iter().enumerate() {
            if *ptr {
                flat.push(format!("{c} *p{i}"));
            } else {
                flat.push(format!("{c} p{i}"));
            }
        }
        let fill: String = c_params
            .iter()
            .enumerate()
            .map(|(i, (_, ptr))| {
                if *ptr {
                    format!("\ta.p{i} = *p{i};\n")
                } else {
                    format!("\ta.p{i} = p{i};\n")
                }
            })
            .collect();
        // gc's cgocheck: a pointer argument may not point to Go memory
        // holding Go pointers.
        let fill: String = fill
            + &c_params
                .iter()
                .enumerate()
                .filter(|(_, (c, _))| c == "void *")
                .map(|(i, _)| format!("\trgo_cgocheck_arg((size_t)a.p{i});\n"))
                .collect::<String>();
        // The entry point: `ret_ty sym(out_param, flat...)` filling the
        // frame, running `body` through the runtime, returning `ret`.
        let entry = |w: &mut String,
                     ret_ty: &str,
                     sym: &str,
                     out: Option<String>,
                     body: &str,
                     ret: &str| {
            let mut plist: Vec<String> = out.into_iter().collect();
            plist.extend(flat.iter().cloned());
            let plist = if plist.is_empty() {
                "void".to_string()
            } else {
                plist.join(", ")
            };
            let _ = writeln!(
                w,
                "{ret_ty} {sym}({plist}) {{\n\tstruct _cgo_a_{name} a;\n{fill}\trgo_cgocall({body}, &a);\n{ret}}}"
            );
        };
        // Plain.
        let body = format!("_cgo_b_{name}");
        match &c_result {
            None => entry(w, "void", &sym, None, &body, ""),
            Some((c, false)) => entry(w, c, &sym, None, &body, "\treturn a.r;\n"),
            Some((c, true)) => entry(
                w,
                "void",
                &sym,
                Some(format!("{c} *out")),
                &body,
                "\t*out = a.r;\n",
            ),
        }
        // With errno: one int result, or the pair through `out`.
        let body = format!("_cgo_b2_{name}");
        match &c_result {
            None => entry(w, "int", &sym2, None, &body, "\treturn a.e;\n"),
            Some(_) => entry(
                w,
                "void",
                &sym2,
                Some(format!("struct _cgo_o_{name} *out")),
                &body,
                "\tout->r = a.r;\n\tout->e = a.e;\n",
            ),
        }
        Ok(())
    }

    /// `C.CString` and the other helpers, written in Go over two C
    /// functions (`_cgo_rgo_malloc`, `_cgo_rgo_strlen`).
    fn helper(&mut self, name: &str) {
        self.c_helpers = true;
        self.declare("_Ctype_char", "type _Ctype_char int8".into());
        self.declare(
            "_cgo_rgo_malloc",
            "//rgo:extern _cgo_rgo_malloc\nfunc _cgo_rgo_malloc(n uintptr) unsafe.Pointer".into(),
        );
        self.declare(
            "_cgo_rgo_strlen",
            "//rgo:extern _cgo_rgo_strlen\nfunc _cgo_rgo_strlen(p *_Ctype_char) uintptr".into(),
        );
        let text = match name {
            "CString" => "func _Cfunc_CString(s string) *_Ctype_char {\n\tp := _cgo_rgo_malloc(uintptr(len(s) + 1))\n\tb := unsafe.Slice((*byte)(p), len(s)+1)\n\tcopy(b, s)\n\tb[len(s)] = 0\n\treturn (*_Ctype_char)(p)\n}",
            "CBytes" => "func _Cfunc_CBytes(b []byte) unsafe.Pointer {\n\tp := _cgo_rgo_malloc(uintptr(len(b)))\n\tcopy(unsafe.Slice((*byte)(p), len(b)), b)\n\treturn p\n}",
            "GoString" => "func _Cfunc_GoString(p *_Ctype_char) string {\n\tif p == nil {\n\t\treturn \"\"\n\t}\n\tn := _cgo_rgo_strlen(p)\n\treturn string(unsafe.Slice((*byte)(unsafe.Pointer(p)), n))\n}",
            "GoStringN" => {
                self.declare("_Ctype_int", "type _Ctype_int int32".into());
                "func _Cfunc_GoStringN(p *_Ctype_char, n _Ctype_int) string {\n\tif n < 0 {\n\t\tpanic(\"C.GoStringN: negative length\")\n\t}\n\tif p == nil || n == 0 {\n\t\treturn \"\"\n\t}\n\treturn string(unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)))\n}"
            }
            "GoBytes" => {
                self.declare("_Ctype_int", "type _Ctype_int int32".into());
                "func _Cfunc_GoBytes(p unsafe.Pointer, n _Ctype_int) []byte {\n\tif n < 0 {\n\t\tpanic(\"C.GoBytes: negative length\")\n\t}\n\tif p == nil || n == 0 {\n\t\treturn []byte{}\n\t}\n\treturn append([]byte(nil), unsafe.Slice((*byte)(p), int(n))...)\n}"
            }
            "malloc" => {
                self.declare("_Ctype_ulong", "type _Ctype_ulong uint64".into());
                self.declare("_Ctype_size_t", "type _Ctype_size_t = _Ctype_ulong".into());
                "func _Cfunc__CMalloc(n _Ctype_size_t) unsafe.Pointer {\n\treturn _cgo_rgo_malloc(uintptr(n))\n}"
            }
            _ => return,
        };
        let go_name = if name == "malloc" {
            "_Cfunc__CMalloc".to_string()
        } else {
            format!("_Cfunc_{name}")
        };
        self.declare(&go_name, text.to_string());
        if name == "malloc" {
            // `C.malloc` resolves to the helper, which never returns nil.
            self.declare(
                "_Cfunc_malloc",
                "func _Cfunc_malloc(n _Ctype_size_t) unsafe.Pointer {\n\treturn _Cfunc__CMalloc(n)\n}"
                    .into(),
            );
        }
    }
}

/// Whether the flattened ABI passes a value of C type `t` by pointer: Go
/// structs, arrays and complex numbers.
fn by_pointer(t: Type<'_>) -> bool {
    let c = t.get_canonical_type();
    !is_go_string(t)
        && (matches!(
            c.get_kind(),
            TypeKind::Record | TypeKind::ConstantArray | TypeKind::Complex | TypeKind::Int128
        ) || c.get_display_name().starts_with("_Complex "))
}

/// Whether C type `t` is the prolog's `_GoString_`: a Go `string`, passed
/// as its two words (which is also how C passes the two-word struct).
fn is_go_string(t: Type<'_>) -> bool {
    let mut t = t;
    loop {
        if t.get_kind() == TypeKind::Elaborated {
            match t.get_elaborated_type() {
                Some(e) => t = e,
                None => return false,
            }
            continue;
        }
        if t.get_kind() != TypeKind::Typedef {
            return false;
        }
        if t.get_display_name().trim_start_matches("const ") == "_GoString_" {
            return true;
        }
        match t
            .get_declaration()
            .and_then(|d| d.get_typedef_underlying_type())
        {
            Some(u) => t = u,
            None => return false,
        }
    }
}

/// How to write C type `t` in a wrapper: pointers as `void *` (C converts
/// them implicitly both ways), other types as spelled, without
/// qualifiers.
fn c_spelling(t: Type<'_>) -> Result<String, String> {
    let c = t.get_canonical_type();
    if matches!(c.get_kind(), TypeKind::Pointer | TypeKind::BlockPointer) {
        return Ok("void *".into());
    }
    if !matches!(
        c.get_kind(),
        TypeKind::Record | TypeKind::Enum | TypeKind::ConstantArray
    ) {
        // Arithmetic types: the plain C spelling.
        let mut s = c.get_display_name();
        for q in ["const ", "volatile "] {
            while let Some(rest) = s.strip_prefix(q) {
                s = rest.to_string();
            }
        }
        return Ok(s);
    }
    let mut s = t.get_display_name();
    for q in ["const ", "volatile ", "restrict "] {
        while let Some(rest) = s.strip_prefix(q) {
            s = rest.to_string();
        }
    }
    if s.contains('(') || s.contains('[') {
        // Unnamed records and the like: the canonical spelling.
        let cs = c.get_display_name();
        if cs.contains('(') || cs.contains('[') {
            return Err(format!("unexpected type: {s}"));
        }
        return Ok(cs);
    }
    Ok(s)
}

/// A Go string literal for C string bytes.
fn go_quote(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(c as char),
            _ => {
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push('"');
    s
}
