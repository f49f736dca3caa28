//! Argument parsing, `go`-style.
//!
//! The `go` command takes single-dash long flags (`-buildmode=c-shared`,
//! `-o out`); clap expects two dashes for long flags, so known long flags are
//! rewritten before clap sees them. Unknown flags are usage errors (exit 2),
//! reported as the `go` command reports them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "rgo",
    about = "rgo is an ahead-of-time compiler for Go programs",
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// compile packages and dependencies
    Build {
        #[command(flatten)]
        flags: BuildFlags,
        /// .go files of one package, or a package directory
        #[arg(value_name = "packages")]
        targets: Vec<String>,
    },
    /// compile and run a Go program
    Run {
        #[command(flatten)]
        flags: BuildFlags,
        /// .go files (or a directory), then the program's arguments
        #[arg(
            value_name = "file.go [arguments]",
            trailing_var_arg = true,
            allow_hyphen_values = true
        )]
        rest: Vec<String>,
    },
    /// print rgo version
    Version,
    /// print rgo environment information
    Env,
}

#[derive(clap::Args, Debug, Clone)]
pub struct BuildFlags {
    /// write the resulting executable or library to the named file
    #[arg(short = 'o', value_name = "output")]
    pub output: Option<PathBuf>,
    /// build mode
    #[arg(long = "buildmode", value_enum, default_value_t = BuildMode::Exe)]
    pub buildmode: BuildMode,
    /// optimisation level, 0 to 3
    #[arg(short = 'O', value_name = "level", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: u8,
    /// also write the program's LLVM IR next to the output (`.ll`)
    #[arg(long = "emit-llvm")]
    pub emit_llvm: bool,
    /// print the typed IR to standard output and stop
    #[arg(long = "emit-ir")]
    pub emit_ir: bool,
    /// print the commands run (linker)
    #[arg(short = 'x')]
    pub verbose_commands: bool,
    /// keep the temporary work directory and print its name
    #[arg(long = "work")]
    pub keep_work: bool,
    /// linker flags, as gc's: `-s` (no symbol table), `-w` (no DWARF),
    /// `-extldflags 'flags'` (to the C linker)
    #[arg(long = "ldflags", value_name = "flags", allow_hyphen_values = true)]
    pub ldflags: Option<String>,
    /// compiler flags, as gc's: `-e` (report every error, not only the
    /// first ten); a `pattern=` prefix is accepted and applies to all
    /// packages
    #[arg(long = "gcflags", value_name = "flags", allow_hyphen_values = true)]
    pub gcflags: Option<String>,
    /// `rgo tool compile`: stop at the object (set by `tool compile`, not a
    /// flag of `build`)
    #[arg(skip)]
    pub object_only: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildMode {
    Exe,
    /// A position-independent executable (rgo's executables are PIE
    /// whenever the C compiler links PIE by default; this asks for it).
    Pie,
    #[value(name = "c-shared")]
    CShared,
    #[value(name = "c-archive")]
    CArchive,
}

/// What the user asked for, after parsing.
#[derive(Debug)]
pub enum Cmd {
    Build {
        flags: BuildFlags,
        targets: Vec<String>,
    },
    Run {
        flags: BuildFlags,
        targets: Vec<String>,
        args: Vec<String>,
    },
    Version,
    Env,
    /// `rgo tool compile [-pack] [-o out] files.go`: the package (with the
    /// packages it imports) as one relocatable object, or an archive of it.
    ToolCompile {
        flags: BuildFlags,
        pack: bool,
        files: Vec<String>,
    },
    /// `rgo tool link [-o out] file.o|file.a`.
    ToolLink {
        output: Option<PathBuf>,
        input: String,
        verbose: bool,
    },
}

/// A usage error (exit 2) or a help request (exit 0), with its text.
#[derive(Debug)]
pub struct Usage {
    text: String,
    code: u8,
}

impl Usage {
    pub fn exit_code(&self) -> u8 {
        self.code
    }
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Flags spelled with one dash, as the `go` command spells them.
const LONG_FLAGS: &[&str] = &[
    "buildmode",
    "emit-llvm",
    "emit-ir",
    "work",
    "ldflags",
    "gcflags",
];

pub fn parse(args: &[String]) -> Result<Cmd, Usage> {
    if args.first().is_some_and(|a| a == "tool") {
        return parse_tool(&args[1..]);
    }
    let mut argv = vec!["rgo".to_string()];
    let mut flags_done = false;
    for (i, a) in args.iter().enumerate() {
        // `-ldflags '-s -w'`: the value is the next word, dashes and all.
        if i > 0 && !flags_done && (args[i - 1] == "-ldflags" || args[i - 1] == "-gcflags") {
            argv.push(a.clone());
            continue;
        }
        // Only the subcommand's own flags are rewritten; for `run`,
        // everything after the first .go file belongs to the program.
        if i > 0 && !flags_done && a.starts_with('-') && !a.starts_with("--") {
            let name = a[1..].split('=').next().unwrap_or("");
            if LONG_FLAGS.contains(&name) {
                argv.push(format!("-{a}"));
                continue;
            }
            if name.len() > 1 && !name.starts_with('O') && !name.starts_with('o') {
                return Err(unknown_flag(&args[0], a));
            }
        } else if i > 0 && !a.starts_with('-') {
            let prev_takes_value = args
                .get(i - 1)
                .is_some_and(|p| p == "-o" || p == "-buildmode");
            if !prev_takes_value {
                flags_done = true;
            }
        }
        argv.push(a.clone());
    }
    let cli = match Cli::try_parse_from(&argv) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            return Err(Usage {
                text: e.render().to_string(),
                code,
            });
        }
    };
    Ok(match cli.command {
        Command::Build { flags, targets } => Cmd::Build { flags, targets },
        Command::Run { flags, rest } => {
            let n = rest
                .iter()
                .take_while(|a| a.ends_with(".go"))
                .count()
                .max(usize::from(!rest.is_empty()).min(1));
            let (targets, args) = rest.split_at(n.min(rest.len()));
            if targets.is_empty() {
                return Err(Usage {
                    text: "rgo: no go files listed\n".into(),
                    code: 1,
                });
            }
            Cmd::Run {
                flags,
                targets: targets.to_vec(),
                args: args.to_vec(),
            }
        }
        Command::Version => Cmd::Version,
        Command::Env => Cmd::Env,
    })
}

/// `rgo tool compile|link ...`, flags as gc's tools spell them.
fn parse_tool(args: &[String]) -> Result<Cmd, Usage> {
    let usage = |text: String| Usage { text, code: 2 };
    let Some(tool) = args.first() else {
        return Err(usage("usage: rgo tool compile|link [flags] files\n".into()));
    };
    let mut output = None;
    let mut pack = false;
    let mut verbose = false;
    let mut all_errors = false;
    let mut files = Vec::new();
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-o" => {
                i += 1;
                let o = args.get(i).ok_or_else(|| {
                    usage(format!(
                        "flag needs an argument: -o\nusage: rgo tool {tool} [-o output] files\n"
                    ))
                })?;
                output = Some(PathBuf::from(o));
            }
            "-pack" if tool == "compile" => pack = true,
            "-x" | "-v" => verbose = true,
            "-e" if tool == "compile" => all_errors = true,
            // The package path: rgo names the package `main` or by its
            // import path itself.
            "-p" => i += 1,
            f if f.starts_with('-') => {
                return Err(usage(format!(
                    "flag provided but not defined: {f}\nusage: rgo tool {tool} [-o output] files\n"
                )))
            }
            _ => files.push(a.clone()),
        }
        i += 1;
    }
    match tool.as_str() {
        "compile" => {
            if files.is_empty() {
                return Err(usage(
                    "usage: rgo tool compile [-pack] [-o output] files.go\n".into(),
                ));
            }
            let flags = BuildFlags {
                output,
                buildmode: BuildMode::Exe,
                opt_level: 2,
                emit_llvm: false,
                emit_ir: false,
                verbose_commands: verbose,
                keep_work: false,
                ldflags: None,
                gcflags: all_errors.then(|| "-e".to_string()),
                object_only: true,
            };
            Ok(Cmd::ToolCompile { flags, pack, files })
        }
        "link" => match files.as_slice() {
            [one] => Ok(Cmd::ToolLink {
                output,
                input: one.clone(),
                verbose,
            }),
            _ => Err(usage(
                "usage: rgo tool link [-o output] file.o|file.a\n".into(),
            )),
        },
        other => Err(usage(format!("rgo tool: no such tool \"{other}\"\n"))),
    }
}

fn unknown_flag(cmd: &str, flag: &str) -> Usage {
    let name = flag.split('=').next().unwrap_or(flag);
    Usage {
        text: format!(
            "flag provided but not defined: {name}\nusage: rgo {cmd} [-o output] [build flags] [packages]\nRun 'rgo help {cmd}' for details.\n"
        ),
        code: 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cmd, Usage> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn go_style_flags() {
        let Ok(Cmd::Build { flags, targets }) =
            p(&["build", "-o", "x.so", "-buildmode=c-shared", "-O3", "a.go"])
        else {
            panic!("build should parse");
        };
        assert_eq!(flags.output, Some(PathBuf::from("x.so")));
        assert_eq!(flags.buildmode, BuildMode::CShared);
        assert_eq!(flags.opt_level, 3);
        assert_eq!(targets, vec!["a.go"]);
    }

    #[test]
    fn ldflags_value_may_start_with_a_dash() {
        let Ok(Cmd::Build { flags, targets }) = p(&["build", "-ldflags", "-s -w", "a.go"]) else {
            panic!("build should parse");
        };
        assert_eq!(flags.ldflags.as_deref(), Some("-s -w"));
        assert_eq!(targets, vec!["a.go"]);
        let Ok(Cmd::Build { flags, .. }) = p(&["build", "-ldflags=-s", "a.go"]) else {
            panic!("build should parse");
        };
        assert_eq!(flags.ldflags.as_deref(), Some("-s"));
    }

    #[test]
    fn run_splits_program_arguments() {
        let Ok(Cmd::Run { targets, args, .. }) = p(&["run", "a.go", "b.go", "-x", "y"]) else {
            panic!("run should parse");
        };
        assert_eq!(targets, vec!["a.go", "b.go"]);
        assert_eq!(args, vec!["-x", "y"]);
    }

    #[test]
    fn unknown_flag_is_usage_error() {
        let Err(u) = p(&["build", "-foo", "a.go"]) else {
            panic!("-foo must be rejected");
        };
        assert_eq!(u.exit_code(), 2);
        assert!(u
            .to_string()
            .starts_with("flag provided but not defined: -foo"));
        let Err(u) = p(&["frobnicate"]) else {
            panic!("unknown command must be rejected");
        };
        assert_eq!(u.exit_code(), 2);
    }
}
