//! The `termlint` command: parses arguments, runs the library's stages and
//! maps the result to an exit code (0 clean, 1 findings, 2 could not run).

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use termlint::check::Checker;
use termlint::finding::Severity;
use termlint::glossary::{self, Glossary};
use termlint::input::{self, InputError};
use termlint::lang::LangTag;
use termlint::report::{self, FileReport, Summary};

#[derive(Parser)]
#[command(
    name = "termlint",
    version,
    about = "Check translated text against a glossary of official names"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check texts against the glossary.
    Check(CheckArgs),
    /// Work with glossary files.
    Glossary {
        #[command(subcommand)]
        command: GlossaryCommand,
    },
}

#[derive(Subcommand)]
enum GlossaryCommand {
    /// Load a glossary and report its problems.
    Validate {
        /// The glossary (default: glossary.yaml here or in the nearest parent).
        file: Option<PathBuf>,
    },
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The glossary (default: glossary.yaml here or in the nearest parent).
    #[arg(short, long, value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// The texts' language (default: from the path: a.de.md, de/a.md, a_de.txt).
    #[arg(short, long, value_name = "LANG")]
    lang: Option<String>,
    /// The source text of the one checked file (enables missing and count-mismatch).
    #[arg(short, long, value_name = "FILE")]
    source: Option<PathBuf>,
    /// The source text's language (default: the glossary's source_language).
    #[arg(long, value_name = "LANG")]
    source_lang: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Glossary {
            command: GlossaryCommand::Validate { file },
        } => run_validate(file.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("termlint: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run_check(args: &CheckArgs) -> Result<u8> {
    let glossary = load_glossary(args.glossary.as_deref())?;
    let lang = args.lang.as_deref().map(parse_lang).transpose()?;
    let (files, mut errors) = input::expand(&args.paths);
    if args.source.is_some() && files.len() != 1 {
        bail!(
            "--source pairs with exactly one checked file, got {}",
            files.len()
        );
    }
    let source = load_source(args, &glossary)?;
    let checker = Checker::new(glossary);
    let mut reports = Vec::new();
    for path in files {
        match check_file(&checker, &path, lang.as_ref(), source.as_ref()) {
            Ok(report) => reports.push(report),
            Err(err) => errors.push(err),
        }
    }
    write_output(args.format, &reports)?;
    for err in &errors {
        eprintln!("termlint: {err}");
    }
    let summary = Summary::of(&reports);
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|t| summary.any_at_least(t));
    Ok(if !errors.is_empty() {
        2
    } else {
        u8::from(failed)
    })
}

fn check_file(
    checker: &Checker,
    path: &Path,
    lang: Option<&LangTag>,
    source: Option<&termlint::document::Document>,
) -> Result<FileReport, InputError> {
    let lang = input::language(path, lang, checker.glossary())?;
    let doc = input::load(path, lang)?;
    let outcome = checker.check(&doc, source);
    Ok(FileReport { doc, outcome })
}

fn load_source(
    args: &CheckArgs,
    glossary: &Glossary,
) -> Result<Option<termlint::document::Document>> {
    let Some(path) = &args.source else {
        return Ok(None);
    };
    let given = args.source_lang.as_deref().map(parse_lang).transpose()?;
    let lang = given.or_else(|| glossary.source_language.clone());
    let lang = input::language(path, lang.as_ref(), glossary).map_err(|_| {
        anyhow!(
            "{}: cannot tell the source's language; pass --source-lang or set source_language in the glossary",
            path.display()
        )
    })?;
    Ok(Some(input::load(path, lang)?))
}

fn parse_lang(s: &str) -> Result<LangTag> {
    LangTag::parse(s).map_err(|e| anyhow!("unknown language: {e}"))
}

fn load_glossary(given: Option<&Path>) -> Result<Glossary> {
    let path = match given {
        Some(path) => path.to_path_buf(),
        None => {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            glossary::discover(&cwd).ok_or_else(|| {
                anyhow!("no glossary.yaml in the current directory or its parents; pass one with -g FILE")
            })?
        }
    };
    Ok(glossary::load(&path)?)
}

/// Renders everything into memory first, so that a failed run never leaves
/// half an output behind; a closed pipe (`| head`) ends the run quietly.
fn write_output(format: Format, reports: &[FileReport]) -> Result<()> {
    let mut buffer = Vec::new();
    match format {
        Format::Human => report::human::render(&mut buffer, reports)?,
        Format::Json => report::json::render(&mut buffer, reports)?,
    }
    let written = match format {
        Format::Human => anstream::stdout().write_all(&buffer),
        Format::Json => io::stdout().write_all(&buffer),
    };
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn run_validate(file: Option<&Path>) -> Result<u8> {
    let glossary = load_glossary(file)?;
    let languages = glossary.languages();
    let mut out = anstream::stdout();
    for concept in &glossary.concepts {
        for lang in languages.iter().filter(|l| concept.entry_for(l).is_none()) {
            if !concept.dnt {
                writeln!(
                    out,
                    "{}: info: concept `{}` has no `{lang}` entry; it is not checked in {lang} texts",
                    glossary.path.display(),
                    concept.id
                )?;
            }
        }
    }
    let names: Vec<&str> = languages.iter().map(LangTag::as_str).collect();
    writeln!(
        out,
        "{}: {} concepts in {} languages ({}): ok",
        glossary.path.display(),
        glossary.concepts.len(),
        languages.len(),
        names.join(", ")
    )?;
    Ok(0)
}
