//! Diagnostics: the one error type every front-end stage returns.
//!
//! A diagnostic has a primary span and message (printed first, as gc prints
//! `file:line:col: message`), optional secondary labels and a help line. The
//! CLI renders them with the source line shown (codespan-reporting); tests
//! compare the plain `file:line:col: message` form.

use crate::source::{SourceMap, Span};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    /// Secondary spans with a note each ("other declaration of x").
    pub labels: Vec<(Span, String)>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn with_label(mut self, span: Span, note: impl Into<String>) -> Diagnostic {
        self.labels.push((span, note.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The one-line form gc uses: `file:line:col: message`.
    pub fn one_line(&self, sources: &SourceMap) -> String {
        format!("{}: {}", sources.position(self.span), self.message)
    }
}

/// Errors collected by a stage. gc stops after 10 errors ("too many
/// errors"); stages push everything and the printer applies the limit.
pub type Diagnostics = Vec<Diagnostic>;

/// How many errors gc prints before giving up with `too many errors`.
pub const ERROR_LIMIT: usize = 10;

/// Renders diagnostics for a terminal or a log: each one as gc's
/// `file:line:col: message` line, followed (when `snippets` is set) by the
/// source line with the span underlined. Sorted by position (files in
/// the order of their first error); with `limit`
/// errors or more (gc's is [`ERROR_LIMIT`], none with `-gcflags=-e`),
/// prints the first `limit` and then `too many errors`, as gc does.
pub fn render(
    sources: &SourceMap,
    diags: &[Diagnostic],
    snippets: bool,
    limit: Option<usize>,
) -> String {
    let limit = limit.unwrap_or(usize::MAX);
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    // gc sorts by file, then line and column, where files (the source
    // files, or names given by line directives) rank in the order of
    // their first error.
    let mut files_seen: Vec<&str> = Vec::new();
    for d in diags {
        let f = sources.position(d.span).file;
        if !files_seen.contains(&f) {
            files_seen.push(f);
        }
    }
    sorted.sort_by_cached_key(|d| {
        let p = sources.position(d.span);
        let rank = files_seen.iter().position(|&f| f == p.file);
        (rank, p.line, p.col, d.span.lo)
    });
    sorted.dedup_by(|a, b| a.span == b.span && a.message == b.message);

    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = sources
        .files()
        .map(|(_, f)| files.add(f.name.clone(), f.text.clone()))
        .collect();

    let mut out = String::new();
    let config = term::Config {
        display_style: term::DisplayStyle::Rich,
        ..term::Config::default()
    };
    for d in sorted.iter().take(limit) {
        out.push_str(&d.one_line(sources));
        out.push('\n');
        if !snippets {
            continue;
        }
        let file = ids[d.span.file.0 as usize];
        let mut labels = vec![Label::primary(file, d.span.lo as usize..d.span.hi as usize)];
        for (s, note) in &d.labels {
            labels.push(
                Label::secondary(ids[s.file.0 as usize], s.lo as usize..s.hi as usize)
                    .with_message(note.clone()),
            );
        }
        let mut cs = CsDiagnostic::error().with_labels(labels);
        if let Some(h) = &d.help {
            cs = cs.with_notes(vec![format!("help: {h}")]);
        }
        let mut buf = term::termcolor::NoColor::new(Vec::new());
        if term::emit(&mut buf, &config, &files, &cs).is_ok() {
            let text = String::from_utf8_lossy(&buf.into_inner()).into_owned();
            // The header line ("error") duplicates the one-line form above.
            for line in text.lines().skip(1) {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    // gc gives up once it has ten errors, naming the tenth's position.
    if limit > 0 && sorted.len() >= limit {
        let last = sorted[limit - 1].span;
        out.push_str(&format!("{}: too many errors\n", sources.position(last)));
    }
    out
}
