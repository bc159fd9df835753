//! The floor under a check: how fast the building blocks every checker of
//! Markdown against a glossary needs run alone, on one core, over a corpus.
//!
//! ```text
//! cargo run --release --example bench-floor -- forms.txt corpus/
//! ```
//!
//! - `read`: every file of the directory opened and read into one buffer,
//!   reused from file to file, and checked to be UTF-8 (its bytes
//!   already in the page cache when the files were read before): the
//!   reading any checker does, without an allocation per file.
//! - `markdown`: pulldown-cmark's events of every file, nothing done with
//!   them.
//! - `search`: daachorse's double-array Aho–Corasick automaton of the
//!   forms (one per line), leftmost-longest, over the raw bytes: no
//!   folding, no word boundaries, no inflection, no rules, no report.
//!
//! Prints one line per block, `NAME SECONDS MB/s`, median of `--runs`
//! (default 3); building the automaton is timed apart. `scripts/bench.sh`
//! adds them up to the shortest time any such checker could take for
//! the text.

use anyhow::{bail, Context, Result};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (paths, runs) = match args.as_slice() {
        [forms, corpus] => ((forms, corpus), 3),
        [forms, corpus, flag, n] if flag == "--runs" => {
            ((forms, corpus), n.parse().context("--runs takes a number")?)
        }
        _ => bail!("usage: bench-floor FORMS.txt CORPUS_DIR [--runs N]"),
    };
    let forms = read_forms(Path::new(paths.0))?;
    let mut files = Vec::new();
    list(Path::new(paths.1), &mut files)?;
    files.sort();
    let texts = read_all(&files)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!(
        "bench-floor: {} forms, {} files, {bytes} bytes",
        forms.len(),
        files.len()
    );

    let started = Instant::now();
    let automaton: DoubleArrayAhoCorasick<u32> = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&forms)
        .map_err(|e| anyhow::anyhow!("{}: cannot build the automaton: {e}", paths.0))?;
    println!("build {:.4} -", started.elapsed().as_secs_f64());

    report("read", bytes, runs, || read_each(&files))?;
    report("markdown", bytes, runs, || {
        Ok(texts
            .iter()
            .map(|t| pulldown_cmark::Parser::new(t).count())
            .sum())
    })?;
    report("search", bytes, runs, || {
        Ok(texts
            .iter()
            .map(|t| automaton.leftmost_find_iter(t).count())
            .sum())
    })?;
    Ok(())
}

/// The non-empty lines of the forms file.
fn read_forms(path: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the forms", path.display()))?;
    let mut forms: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    forms.sort_unstable();
    forms.dedup();
    Ok(forms)
}

/// Every file under `dir`.
fn list(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            list(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads every file into one reused buffer and checks it is UTF-8 (with
/// the SIMD check termlint uses); returns the bytes read.
fn read_each(files: &[PathBuf]) -> Result<usize> {
    let mut buffer = Vec::new();
    let mut bytes = 0;
    for f in files {
        buffer.clear();
        File::open(f)
            .and_then(|mut file| file.read_to_end(&mut buffer))
            .with_context(|| format!("{}: cannot read", f.display()))?;
        let text = simdutf8::basic::from_utf8(&buffer)
            .map_err(|_| anyhow::anyhow!("{}: not UTF-8", f.display()))?;
        bytes += text.len();
    }
    Ok(bytes)
}

fn read_all(files: &[PathBuf]) -> Result<Vec<String>> {
    files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f).with_context(|| format!("{}: cannot read", f.display()))
        })
        .collect()
}

/// Runs `block` `runs` times and prints its median time and throughput;
/// what it returns (a count) keeps the work from being optimized away.
fn report(
    name: &str,
    bytes: usize,
    runs: usize,
    mut block: impl FnMut() -> Result<usize>,
) -> Result<()> {
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        count = block()?;
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("{name} {median:.4} {:.1}", bytes as f64 / 1e6 / median);
    eprintln!("bench-floor: {name}: {count} items");
    Ok(())
}
