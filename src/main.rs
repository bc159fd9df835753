//! The `termlint` command: parses arguments, runs the library's stages and
//! maps the result to an exit code (0 clean, 1 findings, 2 could not run).

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use termlint::baseline::Baseline;
use termlint::changed::ChangedLines;
use termlint::check::{Checker, PairedSource};
use termlint::document::Document;
use termlint::finding::{Rule, Severity};
use termlint::formats::ReadOptions;
use termlint::glossary::{self, Glossary};
use termlint::input::{self, InputError, LangChoice, Load};
use termlint::interchange::{self, ImportOptions};
use termlint::lang::LangTag;
use termlint::pairing;
use termlint::report::{self, html, FileReport, Summary};
use termlint::walk::{self, GlobError, Target, WalkOptions, Walked};
use termlint::{audit, cache, fix, lookup, suppress};

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
    Check(Box<CheckArgs>),
    /// Work with glossary files.
    Glossary {
        #[command(subcommand)]
        command: GlossaryCommand,
    },
}

#[derive(Subcommand)]
enum GlossaryCommand {
    /// Report the glossary's problems and run its examples, as findings.
    Validate {
        /// The glossary (default: glossary.yaml here or in the nearest parent).
        file: Option<PathBuf>,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit with 1 when a finding is at or above this severity.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
    },
    /// Convert a TBX, CSV/TSV, Vale style or prh file into glossary YAML.
    Import {
        /// The file (a Vale style may be its directory).
        file: PathBuf,
        /// Its format (default: from the file name).
        #[arg(long, value_enum)]
        from: Option<ImportFormat>,
        /// Its text encoding, e.g. utf-16 or windows-1254 (default: detected).
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Write here instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Convert the glossary to TBX or CSV.
    Export {
        /// The target format.
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// The glossary (default: glossary.yaml here or in the nearest parent).
        #[arg(short, long, value_name = "FILE")]
        glossary: Option<PathBuf>,
        /// Write here instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show every concept whose forms occur in TEXT.
    Lookup {
        /// The text to look up.
        text: String,
        /// The text's language (decides which findings the forms would give).
        #[arg(short, long, value_name = "LANG")]
        lang: Option<String>,
        /// The glossary (default: glossary.yaml here or in the nearest parent).
        #[arg(short, long, value_name = "FILE")]
        glossary: Option<PathBuf>,
    },
    /// Print the JSON Schema of glossary.yaml (for yaml-language-server).
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportFormat {
    Tbx,
    Csv,
    Vale,
    Prh,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Tbx,
    Csv,
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
    /// Write the report to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE", conflicts_with_all = ["diff", "write_baseline"])]
    output: Option<PathBuf>,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Check only walked files matching this glob (repeatable), e.g. '*.md'.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Leave out walked files matching this glob (repeatable), e.g. 'drafts/**'.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Front matter keys checked as prose (comma-separated).
    #[arg(
        long,
        value_name = "KEYS",
        value_delimiter = ',',
        default_value = "title,description"
    )]
    front_matter: Vec<String>,
    /// Take a comment right above a block as that block's source text.
    #[arg(long)]
    aligned_comments: bool,
    /// Check PO entries marked fuzzy (skipped by default).
    #[arg(long)]
    fuzzy: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record this run's findings as the baseline in FILE.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    write_baseline: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision.
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Replace forbidden and untranslated names with the official form, in place.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the replacements --fix would make as a patch, without writing.
    #[arg(long, conflicts_with = "format")]
    diff: bool,
    /// Compile the glossary afresh instead of reusing its cached compiled form.
    #[arg(long)]
    no_cache: bool,
    /// Skip files larger than SIZE (with a note), e.g. 100M, 1G; 0 for no limit.
    #[arg(long, value_name = "SIZE", default_value = "100M", value_parser = parse_max_size)]
    max_file_size: MaxSize,
}

/// `--max-file-size`: bytes, or `None` for no limit.
#[derive(Clone, Copy)]
struct MaxSize(Option<u64>);

fn parse_max_size(text: &str) -> Result<MaxSize, String> {
    input::parse_size(text).map(MaxSize)
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Concise,
    /// A self-contained review page.
    Html,
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

/// mimalloc instead of the system allocator: a check makes many small,
/// short-lived strings and vectors per file, and loading a large glossary
/// makes millions; mimalloc serves them faster (docs/performance.md,
/// "Optimization notes").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Glossary { command } => run_glossary(command),
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
    let walk_options = WalkOptions {
        include: args.include.clone(),
        exclude: args.exclude.clone(),
    };
    // The directories are walked while the glossary loads; what the walk
    // found (or its error) is taken where it always was, after the
    // glossary and `--lang` are known to be good.
    std::thread::scope(|scope| {
        let walking = scope.spawn(|| walk::expand(&args.paths, &walk_options));
        let path = glossary_path(args.glossary.as_deref())?;
        let cache_dir = if args.no_cache {
            None
        } else {
            cache::directory()
        };
        let (checker, pending) = cache::load_checker(&path, cache_dir.as_deref())?;
        // The compiled glossary lives until the process ends; freeing a
        // large one piece by piece would only delay the exit.
        let checker: &'static Checker = Box::leak(Box::new(checker));
        // A large glossary's compiled form is stored while the files are
        // checked, on a thread of its own.
        let storing = pending.map(|p| std::thread::spawn(move || p.write(checker)));
        let walked = || {
            walking
                .join()
                .map_err(|_| anyhow!("walking the named directories failed unexpectedly"))
        };
        let result = check_with(checker, args, walked);
        if let Some(storing) = storing {
            let _ = storing.join();
        }
        result
    })
}

fn check_with(
    checker: &'static Checker,
    args: &CheckArgs,
    walked: impl FnOnce() -> Result<Result<Walked, GlobError>>,
) -> Result<u8> {
    let glossary = checker.glossary();
    let lang = args
        .lang
        .as_deref()
        .map(|l| known_lang(l, glossary))
        .transpose()?;
    let source_lang = match &args.source_lang {
        Some(given) => Some(known_lang(given, glossary)?),
        None => glossary.source_language.clone(),
    };
    let walked = walked()??;
    if args.source.is_some() && walked.targets.len() != 1 {
        bail!(
            "--source pairs with exactly one checked file, got {}",
            walked.targets.len()
        );
    }
    let read = ReadOptions {
        front_matter_keys: args.front_matter.clone(),
        aligned_comments: args.aligned_comments,
        check_fuzzy: args.fuzzy,
    };
    let run = Run {
        checker,
        lang: lang.as_ref(),
        source_lang: source_lang.as_ref(),
        explicit_source_lang: args.source_lang.is_some(),
        read: &read,
        max_size: args.max_file_size.0,
        keep: Keep::for_run(args),
    };
    let source = args
        .source
        .as_deref()
        .map(|p| run.load_source(p))
        .transpose()?;
    let results = run.check_all(&walked.targets, source.as_ref());
    let mut reports = Vec::new();
    let mut sources = HashMap::new();
    let mut errors: Vec<String> = walked
        .errors
        .iter()
        .map(|(p, e)| format!("{}: {e}", p.display()))
        .collect();
    let mut notes = Notes {
        hidden: walked.hidden,
        leftovers: walked.leftovers,
        loops: walked.loops,
        skipped: Vec::new(),
        uncovered: Vec::new(),
    };
    for result in results {
        match result {
            Checked::Report(checked) => {
                let CheckedFile { report, source } = *checked;
                if let Some(source) = source {
                    sources.insert(report.doc.path.clone(), source);
                }
                reports.push(report);
            }
            Checked::Skipped(note) => notes.skipped.push(note),
            Checked::Failed(err) => errors.push(err.to_string()),
        }
    }
    // SPEC §5: findings are sorted by file, then position.
    reports.sort_by(|a, b| a.doc.path.cmp(&b.doc.path));
    notes.uncovered = Uncovered::of(&reports, checker.languages());
    if let Some(path) = &args.write_baseline {
        // Every finding of today, whatever else narrows the report.
        let baseline = Baseline::of(&reports);
        baseline.write(path)?;
        let count = baseline.len();
        let noun = if count == 1 { "finding" } else { "findings" };
        eprintln!("termlint: recorded {count} {noun} in {}", path.display());
        return Ok(if errors.is_empty() { 0 } else { 2 });
    }
    if let Some(reference) = &args.changed_since {
        ChangedLines::since(reference)?.filter(&mut reports);
    }
    if let Some(path) = &args.baseline {
        Baseline::read(path)?.filter(&mut reports);
    }
    let output = Output {
        path: args.output.as_deref(),
        html: html::Context {
            checker: Some(checker),
            sources: Some(&sources),
        },
    };
    if args.fix || args.diff {
        return finish_fix(args, &reports, checker.glossary(), &read, &output, &errors);
    }
    // When nothing could be checked there is no report to give, only reasons.
    if !reports.is_empty() || errors.is_empty() {
        write_output(args.format, &reports, &output)?;
    }
    notes.print();
    for err in &errors {
        eprintln!("termlint: {err}");
    }
    let summary = Summary::of(&reports);
    // The reports live until the process ends, like the glossary: freeing
    // a large run's findings one by one only delays the exit.
    std::mem::forget(reports);
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

/// A command line that does not parse: help and version go out as clap
/// prints them; any other error as one line with what to do, exit 2.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Nothing useful is left to do when stdout is closed.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        // `termlint` alone, or `termlint glossary`: the help, as a usage error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(2)
        }
        _ => {
            eprintln!("termlint: {}", one_line(&err.to_string()));
            ExitCode::from(2)
        }
    }
}

/// clap's message on one line: the error, the possible values and tips
/// in parentheses and after semicolons, then the command's help to see
/// (`invalid value 'xml' for '--format <FORMAT>' (possible values: human,
/// …); a similar value exists: 'html'; see 'termlint check --help'`).
fn one_line(rendered: &str) -> String {
    let mut line = String::new();
    let mut command = std::env::args()
        .nth(1)
        .filter(|first| first == "check" || first == "glossary")
        .map_or("termlint".to_string(), |first| format!("termlint {first}"));
    for part in rendered.lines().map(str::trim) {
        if let Some(message) = part.strip_prefix("error: ") {
            line.push_str(message);
        } else if let Some(values) = part
            .strip_prefix("[possible values: ")
            .and_then(|v| v.strip_suffix(']'))
        {
            line.push_str(&format!(" (possible values: {values})"));
        } else if let Some(tip) = part.strip_prefix("tip: ") {
            line.push_str("; ");
            line.push_str(tip);
        } else if let Some(usage) = part.strip_prefix("Usage: ") {
            command = usage
                .split_whitespace()
                .take_while(|word| !word.starts_with(['[', '<', '-']))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    format!("{line}; see '{command} --help'")
}

/// `--fix` writes the safe replacements, then checks again and reports the
/// findings left as usual; `--diff` prints the replacements as a patch and
/// exits with 1 when there is any (like `ruff --diff`). A path that could
/// not be read makes the run incomplete: nothing is written, exit 2.
fn finish_fix(
    args: &CheckArgs,
    reports: &[FileReport],
    glossary: &Glossary,
    read: &ReadOptions,
    output: &Output<'_>,
    errors: &[String],
) -> Result<u8> {
    let fixes = fix::plan(reports, glossary, read);
    if args.diff {
        print_quietly(fix::diff(&fixes).as_bytes())?;
        print_errors(errors);
        return Ok(if errors.is_empty() {
            u8::from(!fixes.is_empty())
        } else {
            2
        });
    }
    if fixes.is_empty() || !errors.is_empty() {
        write_output(args.format, reports, output)?;
        if !fixes.is_empty() {
            eprintln!("termlint: nothing fixed: not every path could be read");
        }
        print_errors(errors);
        return Ok(exit_code(args, reports, errors));
    }
    fix::write(&fixes)?;
    let fixed: usize = fixes.iter().map(|f| f.fixed).sum();
    eprintln!(
        "termlint: fixed {} in {}",
        count(fixed, "finding", "findings"),
        count(fixes.len(), "file", "files")
    );
    // Fixed text moves later findings and may settle an `inconsistent` one:
    // what is left is known only by checking the new text.
    return run_check(&without_fix(args));

    fn print_errors(errors: &[String]) {
        for err in errors {
            eprintln!("termlint: {err}");
        }
    }

    fn exit_code(args: &CheckArgs, reports: &[FileReport], errors: &[String]) -> u8 {
        let summary = Summary::of(reports);
        let failed = args
            .fail_on
            .threshold()
            .is_some_and(|t| summary.any_at_least(t));
        if errors.is_empty() {
            u8::from(failed)
        } else {
            2
        }
    }

    fn without_fix(args: &CheckArgs) -> CheckArgs {
        CheckArgs {
            paths: args.paths.clone(),
            glossary: args.glossary.clone(),
            lang: args.lang.clone(),
            source: args.source.clone(),
            source_lang: args.source_lang.clone(),
            format: args.format,
            output: args.output.clone(),
            fail_on: args.fail_on,
            include: args.include.clone(),
            exclude: args.exclude.clone(),
            front_matter: args.front_matter.clone(),
            aligned_comments: args.aligned_comments,
            fuzzy: args.fuzzy,
            baseline: args.baseline.clone(),
            write_baseline: args.write_baseline.clone(),
            changed_since: args.changed_since.clone(),
            fix: false,
            diff: false,
            no_cache: args.no_cache,
            max_file_size: args.max_file_size,
        }
    }
}

/// What checking one file came to.
enum Checked {
    Report(Box<CheckedFile>),
    /// A file found in a directory that is not text to check, with why.
    Skipped(String),
    Failed(InputError),
}

/// A checked file and its separate source text, if it had one.
struct CheckedFile {
    report: FileReport,
    source: Option<Document>,
}

/// Notes for stderr about what a directory walk left out.
struct Notes {
    hidden: Vec<PathBuf>,
    leftovers: Vec<PathBuf>,
    loops: Vec<walk::Loop>,
    skipped: Vec<String>,
    /// Languages of checked files that no glossary entry covers, each with
    /// its files and the glossary's tags of the same language.
    uncovered: Vec<Uncovered>,
}

/// Files in a language no glossary entry applies to: only `dnt` concepts
/// are checked in them (SPEC §3), which a clean report would hide.
struct Uncovered {
    lang: LangTag,
    files: Vec<PathBuf>,
    /// The glossary's tags with the same primary language (`fr-XX` for `fr`).
    near: Vec<LangTag>,
}

impl Uncovered {
    /// One entry per uncovered language of `reports`, in tag order.
    fn of(reports: &[FileReport], used: &[LangTag]) -> Vec<Uncovered> {
        let mut by_lang: std::collections::BTreeMap<&LangTag, Vec<PathBuf>> = Default::default();
        for report in reports.iter().filter(|r| !r.doc.lang.covered_by(used)) {
            by_lang
                .entry(&report.doc.lang)
                .or_default()
                .push(report.doc.path.clone());
        }
        by_lang
            .into_iter()
            .map(|(lang, files)| Uncovered {
                lang: lang.clone(),
                files,
                near: used
                    .iter()
                    .filter(|u| u.primary() == lang.primary())
                    .cloned()
                    .collect(),
            })
            .collect()
    }

    fn print(&self) {
        let lang = &self.lang;
        let files = count(self.files.len(), "file", "files");
        let what = format!(
            "no glossary entry is in `{lang}` or a language it falls back to, so only `dnt` \
             concepts were checked in {files} ({})",
            first_few(&self.files)
        );
        match self.near.as_slice() {
            [] => eprintln!("termlint: note: {what}; add `{lang}` entries to the glossary"),
            near => {
                let tags: Vec<String> = near.iter().map(|t| format!("`{t}`")).collect();
                eprintln!(
                    "termlint: note: {what}; the glossary's {} entries apply only to text in that \
                     tag: rename them or pass `--lang {}`",
                    tags.join(", "),
                    near[0]
                );
            }
        }
    }
}

impl Notes {
    fn print(&self) {
        if !self.hidden.is_empty() {
            let entries = count(self.hidden.len(), "hidden entry", "hidden entries");
            eprintln!(
                "termlint: note: skipped {entries} ({})",
                first_few(&self.hidden)
            );
        }
        if !self.leftovers.is_empty() {
            let files = count(self.leftovers.len(), "temporary file", "temporary files");
            eprintln!(
                "termlint: note: skipped {files} left by an interrupted --fix ({}); \
                 the files they belong to are whole, delete them",
                first_few(&self.leftovers)
            );
        }
        for found in &self.loops {
            eprintln!(
                "termlint: note: skipping {}: a symbolic link back to {}, whose files are checked there",
                found.link.display(),
                found.ancestor.display()
            );
        }
        for note in &self.skipped {
            eprintln!("termlint: note: {note}");
        }
        for uncovered in &self.uncovered {
            uncovered.print();
        }
    }
}

/// Up to five paths, comma-separated, `…` when there are more.
fn first_few(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .take(5)
        .map(|p| p.display().to_string())
        .collect();
    let more = if paths.len() > 5 { ", …" } else { "" };
    format!("{}{more}", names.join(", "))
}

/// What checking each file of one run shares.
struct Run<'a> {
    checker: &'a Checker,
    lang: Option<&'a LangTag>,
    source_lang: Option<&'a LangTag>,
    explicit_source_lang: bool,
    read: &'a ReadOptions,
    max_size: Option<u64>,
    /// What of each document the rest of the run needs.
    keep: Keep,
}

/// What of a checked document is kept until the report is written. A run
/// keeps every file's report until then; dropping what it will not need
/// on the worker thread keeps its memory small and the pages reused.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Everything, with the source texts: `--fix` and `--diff` rewrite
    /// the segments, the HTML page shows them beside their sources.
    Everything,
    /// The text, to show each finding's line (the human format).
    Text,
    /// The findings' lines, columns and file offsets only (the machine
    /// formats).
    Positions,
}

impl Keep {
    fn for_run(args: &CheckArgs) -> Keep {
        match args.format {
            _ if args.fix || args.diff => Keep::Everything,
            Format::Html => Keep::Everything,
            Format::Human => Keep::Text,
            Format::Json | Format::Sarif | Format::Github | Format::Junit | Format::Concise => {
                Keep::Positions
            }
        }
    }
}

impl Run<'_> {
    fn load(&self, path: &Path, lang: LangChoice<'_>) -> Result<Document, InputError> {
        let how = Load {
            lang,
            read: self.read,
            languages: self.checker.languages(),
            max_size: self.max_size,
        };
        input::load(path, &how)
    }

    /// The `--source` text: `--source-lang`, else what it declares, else
    /// the glossary's `source_language`, else its path.
    fn load_source(&self, path: &Path) -> Result<Document> {
        let choice = match self.explicit_source_lang {
            true => LangChoice {
                given: self.source_lang,
                default: None,
            },
            false => LangChoice {
                given: None,
                default: self.source_lang,
            },
        };
        self.load(path, choice).map_err(|e| match e {
            InputError::UnknownLanguage { path } => anyhow!(
                "{}: cannot tell the source's language; pass --source-lang or set source_language in the glossary",
                path.display()
            ),
            other => other.into(),
        })
    }

    /// Checks every file of `targets` in parallel; the results keep their
    /// order. The translations of one source text (`de/x.md` and
    /// `en/x.md` of `zh/x.md`) are checked one after the other on one
    /// thread, which reads and matches that source once for all of them.
    fn check_all(&self, targets: &[Target], source: Option<&Document>) -> Vec<Checked> {
        let expected = self.expected_sources(targets, source.is_some());
        let sources: Vec<Option<&Path>> = expected
            .iter()
            .map(|e| e.as_ref().and_then(|e| e.source.as_deref()))
            .collect();
        let groups = pairing::group_by_source(&sources);
        let mut checked: Vec<(usize, Checked)> = groups
            .par_iter()
            .flat_map_iter(|group| {
                let mut shared = None;
                group
                    .iter()
                    .map(|&i| {
                        let file = File {
                            target: &targets[i],
                            expected: expected[i].as_ref(),
                        };
                        (i, self.check_file(file, source, &mut shared))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        checked.sort_unstable_by_key(|(i, _)| *i);
        checked.into_iter().map(|(_, c)| c).collect()
    }

    /// Each walked target's language and source text as its path tells
    /// them (`None` without a source language, with `--source`, or for a
    /// file named on the command line), looked up on every core.
    fn expected_sources(
        &self,
        targets: &[Target],
        explicit_source: bool,
    ) -> Vec<Option<pairing::Expected>> {
        let source_lang = self.source_lang.filter(|_| !explicit_source);
        let languages = self.checker.languages();
        targets
            .par_iter()
            .map(|target| {
                let source_lang = source_lang.filter(|_| target.walked)?;
                pairing::Expected::of(&target.path, self.lang, languages, source_lang)
            })
            .collect()
    }

    /// Checks one file. A file found in a directory that is binary, over
    /// the size limit, or whose language cannot be told is skipped with a
    /// note; it is paired with
    /// its source text (`de/x.md` with `zh/x.md`) when that exists. The
    /// source last read for another file of the group is in `shared`, and
    /// is used again when it is this file's too.
    fn check_file(
        &self,
        file: File<'_>,
        source: Option<&Document>,
        shared: &mut Option<(PathBuf, PairedSource)>,
    ) -> Checked {
        let target = file.target;
        let choice = LangChoice {
            given: self.lang,
            default: None,
        };
        let doc = match self.load(&target.path, choice) {
            Ok(doc) => doc,
            Err(InputError::UnknownLanguage { path }) if target.walked => {
                return Checked::Skipped(format!(
                    "skipping {}: cannot tell its language",
                    path.display()
                ));
            }
            Err(InputError::Binary { path }) if target.walked => {
                return Checked::Skipped(format!("skipping {}: binary file", path.display()));
            }
            // A file named on the command line that is not checked fails
            // the run (exit 2); one found in a directory only gets a note.
            Err(err @ (InputError::TooLarge { .. } | InputError::BeyondCapacity { .. }))
                if target.walked =>
            {
                return Checked::Skipped(err.to_string());
            }
            Err(err) => return Checked::Failed(err),
        };
        let paired = match (source, self.source_lang) {
            (None, Some(source_lang)) if target.walked => {
                let path = match file.expected {
                    Some(expected) => expected.source_in(&target.path, &doc.lang, source_lang),
                    None => pairing::source_for(&target.path, &doc.lang, source_lang),
                };
                match self.paired_source(path, source_lang, shared) {
                    Ok(paired) => paired,
                    Err(err) => {
                        return Checked::Failed(InputError::SourceText {
                            translation: target.path.clone(),
                            problem: Box::new(err),
                        })
                    }
                }
            }
            _ => None,
        };
        let mut outcome = match source {
            Some(source) => self.checker.check(&doc, Some(source)),
            None => self.checker.check_paired(&doc, paired),
        };
        // Suppression comments apply here, on the worker thread.
        let unused = self.checker.glossary().severity(Rule::UnusedSuppression);
        outcome.findings = suppress::apply(&doc, std::mem::take(&mut outcome.findings), unused);
        let mut doc = doc;
        let source = match self.keep {
            Keep::Everything => paired.map(|p| p.doc().clone()).or_else(|| source.cloned()),
            Keep::Text => {
                doc.segments = Vec::new();
                None
            }
            Keep::Positions => {
                let bounds = outcome.findings.iter().map(|f| &f.span);
                doc.shed_text(bounds.flat_map(|span| [span.start, span.end]));
                None
            }
        };
        Checked::Report(Box::new(CheckedFile {
            report: FileReport { doc, outcome },
            source,
        }))
    }

    /// The source text at `path`, read in `source_lang` and matched, kept
    /// in `shared` for the next file of the group; the one already there
    /// when it is the same file.
    fn paired_source<'s>(
        &self,
        path: Option<PathBuf>,
        source_lang: &LangTag,
        shared: &'s mut Option<(PathBuf, PairedSource)>,
    ) -> Result<Option<&'s PairedSource>, InputError> {
        let Some(path) = path else {
            return Ok(None);
        };
        if shared.as_ref().is_none_or(|(read, _)| *read != path) {
            let choice = LangChoice {
                given: Some(source_lang),
                default: None,
            };
            let doc = self.load(&path, choice)?;
            *shared = Some((path, self.checker.paired_source(doc)));
        }
        Ok(shared.as_ref().map(|(_, source)| source))
    }
}

/// A file to check, with what its path tells of its source text.
#[derive(Clone, Copy)]
struct File<'a> {
    target: &'a Target,
    expected: Option<&'a pairing::Expected>,
}

fn parse_lang(s: &str) -> Result<LangTag> {
    LangTag::parse(s).map_err(|e| anyhow!("unknown language: {e}"))
}

/// A language named on the command line must be one termlint recognizes:
/// an ISO 639-1 language or one the glossary uses.
fn known_lang(s: &str, glossary: &Glossary) -> Result<LangTag> {
    let tag = parse_lang(s)?;
    let used = glossary.languages();
    if tag.is_iso639_1() || used.iter().any(|u| u.primary() == tag.primary()) {
        return Ok(tag);
    }
    bail!(
        "unknown language `{tag}`: not an ISO 639-1 language and not used by {}; check --lang",
        glossary.path.display()
    )
}

fn load_glossary(given: Option<&Path>) -> Result<Glossary> {
    Ok(glossary::load(&glossary_path(given)?)?)
}

/// The glossary given, else the one found from the current directory.
fn glossary_path(given: Option<&Path>) -> Result<PathBuf> {
    Ok(match given {
        Some(path) => path.to_path_buf(),
        None => {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            glossary::discover(&cwd).ok_or_else(|| {
                anyhow!("no glossary.yaml in the current directory or its parents; pass one with -g FILE")
            })?
        }
    })
}

/// Where a report goes, and what the HTML page shows beyond the findings.
#[derive(Default)]
struct Output<'a> {
    /// `-o FILE`, else stdout.
    path: Option<&'a Path>,
    html: html::Context<'a>,
}

/// Renders everything into memory first, so that a failed run never leaves
/// half an output behind; a file is written whole or not at all, and a
/// closed pipe (`| head`) ends the run quietly.
fn write_output(format: Format, reports: &[FileReport], output: &Output<'_>) -> Result<()> {
    if matches!(format, Format::Json) && output.path.is_none() {
        // Streamed: a large run's report is tens of megabytes.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let written = report::json::render_to(&mut out, reports).and_then(|()| out.flush());
        return quiet_pipe(written);
    }
    let mut buffer = Vec::new();
    match format {
        Format::Human => report::human::render(&mut buffer, reports)?,
        Format::Json => report::json::render(&mut buffer, reports)?,
        Format::Sarif => report::sarif::render(&mut buffer, reports)?,
        Format::Github => report::github::render(&mut buffer, reports)?,
        Format::Junit => report::junit::render(&mut buffer, reports)?,
        Format::Concise => report::concise::render(&mut buffer, reports)?,
        Format::Html => html::render(&mut buffer, reports, &output.html)?,
    }
    if let Some(path) = output.path {
        // Styles are for terminals; a file gets the plain text.
        if matches!(format, Format::Human) {
            buffer = anstream::adapter::strip_bytes(&buffer).into_vec();
        }
        return termlint::atomic::write(path, &buffer)
            .with_context(|| format!("{}: cannot write the report", path.display()));
    }
    let written = match format {
        Format::Human => anstream::stdout().write_all(&buffer),
        _ => io::stdout().write_all(&buffer),
    };
    quiet_pipe(written)
}

/// The outcome of writing to stdout; a closed pipe ends quietly.
fn quiet_pipe(written: io::Result<()>) -> Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Writes to stdout; a closed pipe ends quietly.
fn print_quietly(bytes: &[u8]) -> Result<()> {
    quiet_pipe(io::stdout().write_all(bytes))
}

fn run_glossary(command: GlossaryCommand) -> Result<u8> {
    match command {
        GlossaryCommand::Validate {
            file,
            format,
            fail_on,
        } => run_validate(file.as_deref(), format, fail_on),
        GlossaryCommand::Import {
            file,
            from,
            encoding,
            output,
        } => {
            let options = ImportOptions {
                from: from.map(|f| match f {
                    ImportFormat::Tbx => interchange::From::Tbx,
                    ImportFormat::Csv => interchange::From::Csv,
                    ImportFormat::Vale => interchange::From::Vale,
                    ImportFormat::Prh => interchange::From::Prh,
                }),
                encoding,
            };
            let (glossary, notes) = interchange::import_noted(&file, &options)?;
            for note in notes {
                eprintln!("termlint: note: {}: {note}", file.display());
            }
            emit(
                output.as_deref(),
                interchange::yaml::to_yaml(&glossary).as_bytes(),
            )
        }
        GlossaryCommand::Export {
            to,
            glossary,
            output,
        } => {
            let glossary = load_glossary(glossary.as_deref())?;
            let to = match to {
                ExportFormat::Tbx => interchange::To::Tbx,
                ExportFormat::Csv => interchange::To::Csv,
            };
            emit(
                output.as_deref(),
                interchange::export(&glossary, to).as_bytes(),
            )
        }
        GlossaryCommand::Lookup {
            text,
            lang,
            glossary,
        } => {
            let glossary = load_glossary(glossary.as_deref())?;
            let lang = lang
                .as_deref()
                .map(|l| known_lang(l, &glossary))
                .transpose()?;
            let checker = Checker::new(glossary);
            let mut buffer = Vec::new();
            let found = lookup::lookup(&mut buffer, &checker, &text, lang.as_ref())?;
            print_quietly(&buffer)?;
            Ok(u8::from(found == 0))
        }
        GlossaryCommand::Schema => {
            print_quietly(glossary::schema::json_schema().as_bytes())?;
            Ok(0)
        }
    }
}

/// Writes a whole output to `path` atomically, or to stdout.
fn emit(path: Option<&Path>, bytes: &[u8]) -> Result<u8> {
    match path {
        Some(path) => termlint::atomic::write(path, bytes)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => print_quietly(bytes)?,
    }
    Ok(0)
}

/// Checks the glossary's own problems and its examples; the findings are
/// rendered like `check`'s and decide the exit code the same way.
fn run_validate(file: Option<&Path>, format: Format, fail_on: FailOn) -> Result<u8> {
    let glossary = load_glossary(file)?;
    let yaml = std::fs::read_to_string(&glossary.path)
        .with_context(|| format!("{}: cannot read", glossary.path.display()))?;
    let checker = Checker::new(glossary);
    let reports = vec![audit::audit(&checker, &yaml)];
    write_output(format, &reports, &Output::default())?;
    let summary = Summary::of(&reports);
    Ok(u8::from(
        fail_on.threshold().is_some_and(|t| summary.any_at_least(t)),
    ))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
