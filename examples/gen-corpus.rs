//! Generates synthetic glossaries and corpora for benchmarking termlint,
//! deterministically from a seed (same seed, byte-identical files).
//!
//! ```text
//! cargo run --release --example gen-corpus -- glossary --concepts 1000 --seed 1 \
//!     -o g.yaml --forms forms.txt --prh prh.yml
//! cargo run --release --example gen-corpus -- corpus --glossary-concepts 1000 \
//!     --seed 1 --megabytes 10 --out corpus/
//! ```
//!
//! The corpus names concepts of the glossary generated with the same
//! concept count and seed (`--glossary-seed` when it differs).

#[path = "synth/mod.rs"]
mod synth;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use std::fs;
use std::path::{Path, PathBuf};
use synth::corpus::Corpus;
use synth::{emit, glossary};

#[derive(Parser)]
#[command(about = "Generate synthetic glossaries and corpora for benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a glossary of N concepts (de, en, zh; some ru), and optionally
    /// its surface forms and a prh rule file.
    Glossary {
        /// Number of concepts.
        #[arg(long)]
        concepts: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The glossary YAML file.
        #[arg(short, long)]
        output: PathBuf,
        /// Also write every form, one a line (for `grep -F -f`).
        #[arg(long)]
        forms: Option<PathBuf>,
        /// Also write a prh rule file (for textlint-rule-prh).
        #[arg(long)]
        prh: Option<PathBuf>,
    },
    /// Write a corpus of Markdown pages into a new directory.
    Corpus {
        /// Concept count of the glossary whose names the pages use.
        #[arg(long)]
        glossary_concepts: usize,
        /// Random seed of the corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Seed of that glossary (default: --seed).
        #[arg(long)]
        glossary_seed: Option<u64>,
        /// Size in megabytes (10^6 bytes); fractions allowed.
        #[arg(long)]
        megabytes: f64,
        /// The directory to create (must be absent or empty).
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Glossary {
            concepts,
            seed,
            output,
            forms,
            prh,
        } => write_glossary(concepts, seed, &output, forms.as_deref(), prh.as_deref()),
        Command::Corpus {
            glossary_concepts,
            seed,
            glossary_seed,
            megabytes,
            out,
        } => {
            let g = glossary::generate(glossary_concepts, glossary_seed.unwrap_or(seed));
            write_corpus(&g, seed, megabytes, &out)
        }
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn write_glossary(
    concepts: usize,
    seed: u64,
    output: &Path,
    forms: Option<&Path>,
    prh: Option<&Path>,
) -> Result<()> {
    if concepts == 0 || concepts as u64 >= synth::names::CODES {
        bail!(
            "--concepts must be between 1 and {}",
            synth::names::CODES - 1
        );
    }
    let g = glossary::generate(concepts, seed);
    write(output, &emit::glossary_yaml(&g, seed))?;
    if let Some(path) = forms {
        write(path, &emit::forms_list(&g))?;
    }
    if let Some(path) = prh {
        write(path, &emit::prh_yaml(&g))?;
    }
    Ok(())
}

fn write_corpus(g: &glossary::Glossary, seed: u64, megabytes: f64, out: &Path) -> Result<()> {
    if megabytes.is_nan() || megabytes <= 0.0 {
        bail!("--megabytes must be positive");
    }
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        bail!("{} is not empty: give a new directory", out.display());
    }
    let mut corpus = Corpus::new(g, seed, (megabytes * 1e6) as usize);
    for page in corpus.by_ref() {
        let path = out.join(&page.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        write(&path, &page.text)?;
    }
    let s = &corpus.stats;
    eprintln!(
        "gen-corpus: {} pages, {} bytes, {} words, names: {} official, {} inflected, {} variant, {} other-language, {} wrong-case",
        s.pages, s.bytes, s.words, s.hits[0], s.hits[1], s.hits[2], s.hits[3], s.hits[4]
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::synth::corpus::{Corpus, Page};
    use super::synth::{emit, glossary};
    use std::path::Path;
    use termlint::check::Checker;
    use termlint::document::Document;
    use termlint::finding::Rule;
    use termlint::lang::LangTag;

    fn generated(seed: u64) -> (String, String, String, Vec<(String, String)>) {
        let g = glossary::generate(300, seed);
        let pages: Vec<(String, String)> = Corpus::new(&g, seed, 200_000)
            .map(|Page { path, text }| (path, text))
            .collect();
        (
            emit::glossary_yaml(&g, seed),
            emit::forms_list(&g),
            emit::prh_yaml(&g),
            pages,
        )
    }

    #[test]
    fn same_seed_gives_identical_output_and_another_seed_does_not() {
        let first = generated(4);
        assert_eq!(first, generated(4));
        let other = generated(5);
        assert_ne!(first.0, other.0);
        assert_ne!(first.3, other.3);
    }

    #[test]
    fn generated_glossary_loads_as_valid() {
        let g = glossary::generate(5000, 1);
        let yaml = emit::glossary_yaml(&g, 1);
        let loaded = termlint::glossary::load_str(Path::new("g.yaml"), &yaml);
        assert_eq!(loaded.expect("valid glossary").concepts.len(), 5000);
    }

    #[test]
    fn termlint_reports_inserted_variants_and_foreign_names() {
        let g = glossary::generate(300, 2);
        let yaml = emit::glossary_yaml(&g, 2);
        let loaded = termlint::glossary::load_str(Path::new("g.yaml"), &yaml).expect("valid");
        let checker = Checker::new(loaded);
        let mut rules = Vec::new();
        for page in Corpus::new(&g, 2, 100_000) {
            let tag = page.path.split('/').next().expect("lang dir");
            let lang = LangTag::parse(tag).expect("known tag");
            let doc = Document::new(&page.path, page.text, lang);
            rules.extend(
                checker
                    .check(&doc, None)
                    .findings
                    .into_iter()
                    .map(|f| f.rule),
            );
        }
        assert!(rules.contains(&Rule::Forbidden));
        assert!(rules.contains(&Rule::Untranslated));
        assert!(rules.contains(&Rule::Inconsistent));
    }
}
