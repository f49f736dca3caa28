//! Operands: the intermediate result of checking an expression (its mode,
//! type and constant value), and their description in messages
//! (`x (variable of type int)`, `300 (untyped int constant)`).

use super::constant::Value;
use super::object::Builtin;
use super::ty::{TyId, TypeCtx, TypeKind};
use super::Checker;
use crate::source::Span;
use crate::syntax::ast::Expr;
use crate::syntax::printer::expr_string;

/// How an expression can be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    Invalid,
    /// A call without results.
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Const(Value),
    /// Addressable.
    Variable,
    /// `m[k]`: assignable, not addressable; comma-ok capable.
    MapIndex,
    Value,
    /// Untyped `nil`, or `nil` converted to a type.
    Nil,
    /// A value that may be used in a comma-ok assignment (type assertion,
    /// receive).
    CommaOk,
}

#[derive(Clone, Debug)]
pub struct Operand<'a> {
    pub mode: Mode,
    pub ty: TyId,
    pub expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    pub fn invalid(expr: Option<&'a Expr>) -> Operand<'a> {
        Operand {
            mode: Mode::Invalid,
            ty: TypeCtx::INVALID,
            expr,
        }
    }

    pub fn new(mode: Mode, ty: TyId, expr: &'a Expr) -> Operand<'a> {
        Operand {
            mode,
            ty,
            expr: Some(expr),
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self.mode, Mode::Invalid)
    }

    pub fn val(&self) -> Option<&Value> {
        match &self.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_const(&self) -> bool {
        matches!(self.mode, Mode::Const(_))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self.mode, Mode::Nil)
    }

    /// The position gc reports errors about this operand at: the start of
    /// its expression.
    pub fn pos(&self) -> Span {
        self.expr.map(|e| e.span.start()).unwrap_or_default()
    }

    /// Same as [`Operand::pos`].
    pub fn start(&self) -> Span {
        self.pos()
    }
}

fn mode_name(m: &Mode) -> &'static str {
    match m {
        Mode::Invalid => "invalid operand",
        Mode::NoValue => "no value",
        Mode::Builtin(_) => "built-in",
        Mode::TypeExpr => "type",
        Mode::Const(_) => "constant",
        Mode::Variable => "variable",
        Mode::MapIndex => "map index expression",
        Mode::Value => "value",
        Mode::Nil => "nil",
        Mode::CommaOk => "comma, ok expression",
    }
}

impl Checker<'_> {
    /// The operand as gc describes it in messages.
    pub(super) fn op_string(&self, x: &Operand<'_>) -> String {
        if x.is_nil() {
            if self.tcx.is_untyped(x.ty) || self.tcx.is_invalid(x.ty) {
                return "nil".into();
            }
            return format!("nil (of type {})", self.ts(x.ty));
        }
        let mut buf = String::new();
        let expr = x.expr.map(expr_string).unwrap_or_default();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if self.tcx.is_untyped(x.ty) {
                    if let TypeKind::Basic(b) = self.tcx.kind(x.ty) {
                        buf.push_str(b.name());
                        buf.push(' ');
                    }
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(mode_name(&x.mode));
        if let Mode::Const(v) = &x.mode {
            let s = v.to_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if self.tcx.is_invalid(x.ty) {
                buf.push_str(" with invalid type");
            } else {
                let mut desc = String::new();
                if let Some(p) = self.tcx.as_tparam(x.ty) {
                    buf.push_str(" of type ");
                    buf.push_str(&self.ts(x.ty));
                    if let Some(info) = self.tcx.tparam_info(p) {
                        buf.push_str(" constrained by ");
                        buf.push_str(&self.ts(info.constraint));
                    }
                } else {
                    if self.tcx.is_named(x.ty) {
                        let what = self.composite_kind(x.ty);
                        let what = if what.is_empty() {
                            match self.tcx.under_kind(x.ty) {
                                TypeKind::Basic(b) => b.name().to_string(),
                                _ => String::new(),
                            }
                        } else {
                            what.to_string()
                        };
                        if !what.is_empty() {
                            desc = format!("{what} ");
                        }
                        if self.is_generic_type(x.ty) {
                            desc = format!("generic {desc}");
                        }
                    }
                    buf.push_str(&format!(" of {desc}type "));
                    buf.push_str(&self.ts(x.ty));
                }
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    /// `struct`, `map`, `func`... for a named type's underlying type.
    pub(super) fn composite_kind(&self, t: TyId) -> &'static str {
        match self.tcx.under_kind(t) {
            TypeKind::Basic(_) => "",
            TypeKind::Array(..) => "array",
            TypeKind::Slice(_) => "slice",
            TypeKind::Struct(_) => "struct",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Func(_) => "func",
            TypeKind::Interface(_) => "interface",
            TypeKind::Map(..) => "map",
            TypeKind::Chan(..) => "chan",
            TypeKind::Tuple(_) => "tuple",
            TypeKind::Named(_) | TypeKind::TypeParam(_) => "",
        }
    }

    pub(super) fn is_generic_type(&self, t: TyId) -> bool {
        self.tcx
            .as_named(t)
            .and_then(|n| self.tcx.named_info(n))
            .is_some_and(|i| !i.tparams.is_empty() && i.targs.is_empty())
    }
}
