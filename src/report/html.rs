//! `--format html`: one self-contained review page (inline CSS and script,
//! nothing fetched). Each file is shown as written with every finding
//! highlighted in place, beside a list of the findings that links to each
//! highlight and can be filtered by rule and severity, and a table of every
//! concept named and how. With a source text (`--source`, a paired file,
//! or the pairs inside an XLIFF or PO file) source and translation stand
//! side by side, paragraph by paragraph, their names linked across.
//!
//! Without the script everything is shown; the script only filters and
//! lights up a name's counterparts.

mod article;
mod concepts;
mod escape;
mod listing;
mod marks;
mod page;

use super::FileReport;
use crate::check::{Checker, Occurrence};
use crate::document::Document;
use crate::finding::{Finding, Rule};
use crate::glossary::Glossary;
use crate::lang::LangTag;
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::PathBuf;

/// What the page shows beyond the findings.
#[derive(Default, Clone, Copy)]
pub struct Context<'a> {
    /// The checker the files were checked with; it names every concept
    /// occurrence for the concept table and the links across languages.
    /// Without it the page shows the findings only.
    pub checker: Option<&'a Checker>,
    /// The separate source text of each checked file, by its path.
    pub sources: Option<&'a HashMap<PathBuf, Document>>,
}

/// Writes the page for `reports`.
pub fn render(
    out: &mut dyn Write,
    reports: &[FileReport],
    context: &Context<'_>,
) -> io::Result<()> {
    let reviews: Vec<Review<'_>> = reports
        .iter()
        .enumerate()
        .map(|(i, report)| Review::new(i + 1, report, context))
        .collect();
    let mut html = String::new();
    page::start(&mut html, reports);
    for review in &reviews {
        file_section(&mut html, review);
    }
    page::end(&mut html);
    out.write_all(html.as_bytes())
}

/// One checked file as the page shows it.
pub(crate) struct Review<'a> {
    /// 1-based, makes the ids of the file's elements unique.
    index: usize,
    report: &'a FileReport,
    glossary: Option<&'a Glossary>,
    /// Every name in the file's checked text.
    names: Vec<Occurrence>,
    source: Option<SourceView<'a>>,
}

/// The source side of a file shown side by side.
struct SourceView<'a> {
    /// The document holding the source text: the separate source, or the
    /// checked file itself for in-file pairs.
    doc: &'a Document,
    lang: LangTag,
    /// Every name in the source text.
    names: Vec<Occurrence>,
    /// Translation and source, paragraph by paragraph.
    rows: Vec<Row>,
    /// Whether rows are translations of each other (else a name's
    /// counterparts are looked for on the whole other side).
    aligned: bool,
    /// The rows that have a source text: its range and the row's index,
    /// ascending, to find a source position's row quickly.
    source_rows: Vec<(Range<usize>, usize)>,
}

impl<'a> SourceView<'a> {
    fn new(
        doc: &'a Document,
        lang: LangTag,
        names: Vec<Occurrence>,
        rows: Vec<Row>,
        aligned: bool,
    ) -> SourceView<'a> {
        let source_rows = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.source.clone().map(|s| (s, i)))
            .collect();
        SourceView {
            doc,
            lang,
            names,
            rows,
            aligned,
            source_rows,
        }
    }
}

/// A paragraph of the translation (a range of its file) and the source
/// text it translates (a range of the source document), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    target: Range<usize>,
    source: Option<Range<usize>>,
}

impl<'a> Review<'a> {
    fn new(index: usize, report: &'a FileReport, context: &Context<'a>) -> Review<'a> {
        let Some(checker) = context.checker else {
            return Review {
                index,
                report,
                glossary: None,
                names: Vec::new(),
                source: None,
            };
        };
        let doc = &report.doc;
        let external = context.sources.and_then(|s| s.get(&doc.path));
        let names = without_overlaps(checker.occurrences(doc));
        let marked: Vec<usize> = report
            .outcome
            .findings
            .iter()
            .map(|f| f.span.start)
            .chain(names.iter().map(|n| n.span.start))
            .collect();
        Review {
            index,
            report,
            glossary: Some(checker.glossary()),
            source: article::source_view(checker, doc, external, &marked),
            names,
        }
    }

    fn doc(&self) -> &'a Document {
        &self.report.doc
    }

    fn findings(&self) -> &'a [Finding] {
        &self.report.outcome.findings
    }

    /// Id of the highlight of finding `n` (0-based).
    fn finding_id(&self, n: usize) -> String {
        format!("f{}-{}", self.index, n + 1)
    }

    /// Id of name `n` of the translation (`t`) or the source (`s`).
    fn name_id(&self, side: char, n: usize) -> String {
        format!("n{}-{side}{}", self.index, n + 1)
    }

    /// The glossary index of the concept with `id`.
    fn concept_index(&self, id: &str) -> Option<usize> {
        self.glossary?.concepts.iter().position(|c| c.id == id)
    }
}

/// Names never overlap in one text; should two ever do, the first is kept
/// so that no link is nested in another.
fn without_overlaps(names: Vec<Occurrence>) -> Vec<Occurrence> {
    let mut kept: Vec<Occurrence> = Vec::with_capacity(names.len());
    for name in names {
        if kept.last().is_none_or(|k| k.span.end <= name.span.start) {
            kept.push(name);
        }
    }
    kept
}

fn file_section(html: &mut String, review: &Review<'_>) {
    let i = review.index;
    let doc = review.doc();
    html.push_str(&format!(
        "<section class=\"file\" id=\"file-{i}\" aria-labelledby=\"file-{i}-h\">\n\
         <h2 id=\"file-{i}-h\"><span class=\"path\">{}</span> <span class=\"lang-tag\">{}</span></h2>\n",
        escape::text(&doc.path.display().to_string()),
        escape::text(doc.lang.as_str()),
    ));
    html.push_str(&format!(
        "<p class=\"counts\">{}</p>\n<div class=\"layout\">\n",
        page::counts(review.findings())
    ));
    listing::findings(html, review);
    html.push_str("<div class=\"article\">\n");
    article::article(html, review);
    concepts::table(html, review);
    html.push_str("</div>\n</div>\n</section>\n");
}

/// A short label for each rule, shown with every highlight so that the
/// rule is never told by colour alone.
fn abbreviation(rule: Rule) -> &'static str {
    match rule {
        Rule::Forbidden => "FB",
        Rule::Untranslated => "UT",
        Rule::Inconsistent => "IC",
        Rule::Case => "CA",
        Rule::Missing => "MI",
        Rule::CountMismatch => "CM",
        Rule::UnusedSuppression => "US",
        Rule::AmbiguousForm => "AF",
        Rule::VariantIsOfficial => "VO",
        Rule::SwallowedForm => "SF",
        Rule::UnmatchableForm => "UF",
        Rule::FoldedCollision => "FC",
        Rule::MissingLanguage => "ML",
        Rule::ExampleFailed => "EF",
    }
}

/// Whether `expected` is a form to write (text rules) or advice (glossary
/// rules).
fn expects_form(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::Forbidden
            | Rule::Untranslated
            | Rule::Inconsistent
            | Rule::Case
            | Rule::Missing
            | Rule::CountMismatch
    )
}

#[cfg(test)]
mod tests;
