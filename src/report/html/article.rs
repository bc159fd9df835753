//! The text of a checked file, as written, with its findings and names
//! highlighted: one column, or source and translation side by side in rows
//! of paragraphs, each name linking to its counterpart on the other side.

use super::marks::{self, Span};
use super::{abbreviation, escape, expects_form, without_overlaps, Review, Row, SourceView};
use crate::check::{Checker, Occurrence};
use crate::document::{self, Document};
use crate::finding::Finding;
use crate::lang::LangTag;
use crate::segment::Segment;
use std::collections::HashMap;
use std::ops::Range;

/// The source side of `doc`: its in-file pairs, else its separate source
/// text; `None` when it has neither or its pairs cannot be shown in order.
/// `marked` are the places where findings and names start.
pub(super) fn source_view<'a>(
    checker: &Checker,
    doc: &'a Document,
    external: Option<&'a Document>,
    marked: &[usize],
) -> Option<SourceView<'a>> {
    if !doc.pairs.is_empty() {
        return in_file_view(checker, doc, marked);
    }
    let src = external?;
    let (rows, aligned) = external_rows(doc, src);
    let names = without_overlaps(checker.occurrences(src));
    Some(SourceView::new(src, src.lang.clone(), names, rows, aligned))
}

/// Rows of a separate source: segment by segment when both texts have as
/// many (as the pair rules compare them), else paragraph by paragraph
/// between blank lines, unaligned.
fn external_rows(doc: &Document, src: &Document) -> (Vec<Row>, bool) {
    let anchors = |d: &Document| d.segments.iter().map(|s| s.anchor).collect::<Vec<_>>();
    let (t, s) = (anchors(doc), anchors(src));
    if t.len() == s.len() && !t.is_empty() && ascending(&t) && ascending(&s) {
        return (zip_rows(&doc.text, &t, &src.text, &s), true);
    }
    let paragraphs = |text: &str| {
        document::paragraphs(text)
            .iter()
            .map(|s| s.anchor)
            .collect::<Vec<_>>()
    };
    let (t, s) = (paragraphs(&doc.text), paragraphs(&src.text));
    (zip_rows(&doc.text, &t, &src.text, &s), false)
}

fn ascending(starts: &[usize]) -> bool {
    starts.windows(2).all(|w| w[0] <= w[1])
}

/// Ranges from each start to the next; the first from 0, the last to the
/// end, so that the ranges cover the whole text.
fn blocks(len: usize, starts: &[usize]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(starts.len().max(1));
    for (i, _) in starts.iter().enumerate() {
        let start = if i == 0 { 0 } else { starts[i] };
        let end = starts.get(i + 1).copied().unwrap_or(len);
        ranges.push(start..end.max(start));
    }
    if ranges.is_empty() {
        ranges.push(0..len);
    }
    ranges
}

fn zip_rows(text: &str, t: &[usize], src: &str, s: &[usize]) -> Vec<Row> {
    let targets = blocks(text.len(), t);
    let sources = blocks(src.len(), s);
    let end = text.len();
    (0..targets.len().max(sources.len()))
        .map(|i| Row {
            target: targets.get(i).cloned().unwrap_or(end..end),
            source: sources.get(i).cloned(),
        })
        .collect()
}

/// Rows of an XLIFF or PO file: one per unit, its source text beside its
/// translated text. The markup between units is left out, except where a
/// finding or a name stands in it (a suppression comment, text outside
/// any unit), which then gets a row of its own.
fn in_file_view<'a>(
    checker: &Checker,
    doc: &'a Document,
    marked: &[usize],
) -> Option<SourceView<'a>> {
    let mut units = Vec::new();
    for pair in &doc.pairs {
        let targets = doc.segments.get(pair.targets.clone()).unwrap_or(&[]);
        let anchor = pair.anchor..pair.anchor;
        let target = region(targets, Some(anchor))?;
        units.push((target, region(&pair.source, None)));
    }
    let bounds = |r: &Range<usize>| [r.start, r.end];
    let target_bounds: Vec<usize> = units.iter().flat_map(|(t, _)| bounds(t)).collect();
    let source_bounds: Vec<usize> = units
        .iter()
        .flat_map(|(_, s)| s.iter().flat_map(bounds))
        .collect();
    if !ascending(&target_bounds) || !ascending(&source_bounds) {
        return None;
    }
    let len = doc.text.len();
    let mut rows = Vec::new();
    let mut at = 0;
    for (target, source) in units {
        rows.extend(gap_row(at..target.start, marked, false));
        at = target.end;
        rows.push(Row { target, source });
    }
    rows.extend(gap_row(at..len, marked, true));
    let lang = doc
        .pairs
        .iter()
        .find_map(|p| p.source_lang.clone())
        .unwrap_or_else(LangTag::undetermined);
    let names = without_overlaps(checker.pair_occurrences(doc).concat());
    Some(SourceView::new(doc, lang, names, rows, true))
}

/// A row for text between units that holds a finding or a name; the gap
/// at the end of the file also owns its very end.
fn gap_row(gap: Range<usize>, marked: &[usize], last: bool) -> Option<Row> {
    let holds = |&p: &usize| gap.contains(&p) || (last && p == gap.end);
    marked.iter().any(holds).then_some(Row {
        target: gap,
        source: None,
    })
}

/// The file bytes that `segments` (and `extra`) were read from, as one range.
fn region(segments: &[Segment], extra: Option<Range<usize>>) -> Option<Range<usize>> {
    let ranges: Vec<Range<usize>> = segments
        .iter()
        .map(|s| s.original(0..s.text.len()))
        .chain(extra)
        .collect();
    let start = ranges.iter().map(|r| r.start).min()?;
    let end = ranges.iter().map(|r| r.end).max()?;
    Some(start..end)
}

/// Writes the file's text with its highlights.
pub(super) fn article(html: &mut String, review: &Review<'_>) {
    match &review.source {
        None => one_column(html, review),
        Some(source) => side_by_side(html, review, source),
    }
}

fn one_column(html: &mut String, review: &Review<'_>) {
    let doc = review.doc();
    let spans = target_spans(review, None);
    let text = marks::whole(&doc.text, spans);
    html.push_str(&format!(
        "<div class=\"text\" lang=\"{}\" dir=\"auto\">{}</div>\n",
        escape::attr(doc.lang.as_str()),
        text
    ));
}

fn side_by_side(html: &mut String, review: &Review<'_>, source: &SourceView<'_>) {
    let doc = review.doc();
    let starts: Vec<usize> = review.findings().iter().map(|f| f.span.start).collect();
    let target_cells: Vec<Range<usize>> = source
        .rows
        .iter()
        .map(|r| trim_end(&doc.text, &r.target, &starts))
        .collect();
    let source_rows: Vec<Range<usize>> = source
        .rows
        .iter()
        .filter_map(|r| r.source.as_ref())
        .map(|r| trim_end(&source.doc.text, r, &[]))
        .collect();
    let targets = marks::cells(&doc.text, &target_cells, target_spans(review, Some(source)));
    let mut sources =
        marks::cells(&source.doc.text, &source_rows, source_spans(review, source)).into_iter();
    let (src_lang, lang) = (
        escape::attr(source.lang.as_str()),
        escape::attr(doc.lang.as_str()),
    );
    table_head(html, doc, source);
    for (row, target) in source.rows.iter().zip(targets) {
        let src = match row.source {
            Some(_) => sources.next().unwrap_or_default(),
            None => String::new(),
        };
        html.push_str(&format!(
            "<tr><td class=\"text\" lang=\"{src_lang}\" dir=\"auto\">{src}</td>\
             <td class=\"text\" lang=\"{lang}\" dir=\"auto\">{target}</td></tr>\n"
        ));
    }
    html.push_str("</tbody>\n</table>\n");
}

fn table_head(html: &mut String, doc: &Document, source: &SourceView<'_>) {
    html.push_str(&format!(
        "<table class=\"bi\">\n<caption class=\"visually-hidden\">Source and translation, paragraph by paragraph</caption>\n\
         <thead><tr><th scope=\"col\">Source {}<span class=\"path\">{}</span></th>\
         <th scope=\"col\">Translation {}<span class=\"path\">{}</span></th></tr></thead>\n<tbody>\n",
        lang_tag(&source.lang),
        escape::text(&source.doc.path.display().to_string()),
        lang_tag(&doc.lang),
        escape::text(&doc.path.display().to_string()),
    ));
}

/// The language's tag as a label, none when it is not known.
fn lang_tag(lang: &LangTag) -> String {
    match lang.as_str() {
        "und" => String::new(),
        tag => format!("<span class=\"lang-tag\">{}</span> ", escape::text(tag)),
    }
}

/// `range` without the blank lines that end it, which would only pad
/// its row; kept whole when a finding starts there, so that every finding
/// is shown.
fn trim_end(text: &str, range: &Range<usize>, starts: &[usize]) -> Range<usize> {
    let kept = text[range.clone()].trim_end().len();
    let end = range.start + kept;
    // A zero-width finding at a cell's end belongs to the next cell,
    // unless the cell ends the text.
    let last = range.end == text.len();
    let inside = |s: usize| s >= end && (s < range.end || (last && s == range.end));
    if starts.iter().any(|&s| inside(s)) {
        return range.clone();
    }
    range.start..end
}

/// The findings' highlights, then the names of the translation.
fn target_spans(review: &Review<'_>, source: Option<&SourceView<'_>>) -> Vec<Span> {
    let mut spans: Vec<Span> = review
        .findings()
        .iter()
        .enumerate()
        .map(|(n, f)| finding_span(review, n, f))
        .collect();
    let others = source.map(|s| Counterparts::new(s, Side::Source, &s.names));
    spans.extend(review.names.iter().enumerate().map(|(n, name)| {
        let link = others
            .as_ref()
            .and_then(|o| o.of(name))
            .map(|(k, other)| (review.name_id('s', k), other.clone()));
        name_span(review, 't', n, name, link, source.map(|s| s.doc))
    }));
    spans
}

fn source_spans(review: &Review<'_>, source: &SourceView<'_>) -> Vec<Span> {
    let others = Counterparts::new(source, Side::Target, &review.names);
    source
        .names
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let link = others
                .of(name)
                .map(|(k, other)| (review.name_id('t', k), other.clone()));
            name_span(review, 's', n, name, link, Some(review.doc()))
        })
        .collect()
}

/// One highlight per finding: a `<mark>` that takes keyboard focus and
/// shows the message and the official form, labelled with the rule.
fn finding_span(review: &Review<'_>, n: usize, f: &Finding) -> Span {
    let id = review.finding_id(n);
    let rule = f.rule.id();
    let severity = f.severity.id();
    let zero = if f.span.is_empty() { " zw" } else { "" };
    let data = format!("data-rule=\"{rule}\" data-severity=\"{severity}\"");
    Span {
        range: f.span.clone(),
        open: format!(
            "<mark class=\"hl r-{rule}{zero}\" id=\"{id}\" tabindex=\"0\" {data} data-tag=\"{} {}\" \
             data-tip=\"{}\" aria-describedby=\"{id}-d\">",
            abbreviation(f.rule),
            n + 1,
            escape::attr(&tip(f)),
        ),
        close: "</mark>",
        reopen: format!("<span class=\"hlc r-{rule}\" {data}>"),
        reclose: "</span>",
    }
}

/// The tooltip: rule, severity and message, then the form to write.
pub(super) fn tip(f: &Finding) -> String {
    let mut tip = format!("{} ({}): {}", f.rule, f.severity, f.message);
    if !f.expected.is_empty() {
        let label = if expects_form(f.rule) {
            "Official form: "
        } else {
            ""
        };
        tip.push_str(&format!("\n{label}{}", f.expected));
    }
    tip
}

/// A name: an anchor for the concept table, and across languages a link
/// to its first counterpart on the other side.
fn name_span(
    review: &Review<'_>,
    side: char,
    n: usize,
    name: &Occurrence,
    link: Option<(String, Occurrence)>,
    other_doc: Option<&Document>,
) -> Span {
    let id = review.name_id(side, n);
    let concept = format!("data-c=\"c{}\"", name.concept);
    let (open, close) = match (link, other_doc) {
        (Some((href, other)), Some(other_doc)) => {
            let (line, column) = other_doc.line_col(other.span.start);
            let written = &other_doc.text[other.span.clone()];
            let title = match side {
                't' => "In the source",
                _ => "In the translation",
            };
            (
                format!(
                    "<a class=\"occ\" id=\"{id}\" {concept} href=\"#{href}\" title=\"{title}: {} ({line}:{column})\">",
                    escape::attr(written)
                ),
                "</a>",
            )
        }
        _ => (
            format!("<span class=\"occ\" id=\"{id}\" {concept}>"),
            "</span>",
        ),
    };
    Span {
        range: name.span.clone(),
        open,
        close,
        reopen: format!("<span class=\"occ\" {concept}>"),
        reclose: "</span>",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Target,
    Source,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Target => Side::Source,
            Side::Source => Side::Target,
        }
    }
}

/// The names of one side, to find a name's counterpart: the first name of
/// its concept in the same row when rows are aligned, else anywhere.
struct Counterparts<'a> {
    source: &'a SourceView<'a>,
    side: Side,
    names: &'a [Occurrence],
    /// (row, concept) → index of the first such name; the row is `None`
    /// when rows are not aligned.
    first: HashMap<(Option<usize>, usize), usize>,
}

impl<'a> Counterparts<'a> {
    fn new(source: &'a SourceView<'a>, side: Side, names: &'a [Occurrence]) -> Counterparts<'a> {
        let mut first = HashMap::new();
        for (k, name) in names.iter().enumerate() {
            let row = row_of(source, side, name.span.start);
            let key = if source.aligned { row } else { None };
            if source.aligned && row.is_none() {
                continue;
            }
            first.entry((key, name.concept)).or_insert(k);
        }
        Counterparts {
            source,
            side,
            names,
            first,
        }
    }

    /// The counterpart of `name`, a name on the other side.
    fn of(&self, name: &Occurrence) -> Option<(usize, &'a Occurrence)> {
        let row = match self.source.aligned {
            true => Some(row_of(self.source, self.side.other(), name.span.start)?),
            false => None,
        };
        let k = *self.first.get(&(row, name.concept))?;
        Some((k, &self.names[k]))
    }
}

/// The row holding position `at` of one side. Both sides' ranges ascend,
/// so a binary search finds it.
fn row_of(source: &SourceView<'_>, side: Side, at: usize) -> Option<usize> {
    match side {
        Side::Target => {
            let i = source.rows.partition_point(|r| r.target.end <= at);
            let row = source.rows.get(i)?;
            row.target.contains(&at).then_some(i)
        }
        Side::Source => {
            let i = source.source_rows.partition_point(|(r, _)| r.end <= at);
            let (range, row) = source.source_rows.get(i)?;
            range.contains(&at).then_some(*row)
        }
    }
}

/// Names of the concept on the source side of `review` for a finding at
/// `at`: those in its row when rows are aligned, else all of them.
pub(super) fn source_names_of<'r>(
    review: &'r Review<'_>,
    concept: usize,
    at: usize,
) -> Vec<(usize, &'r Occurrence)> {
    let Some(source) = &review.source else {
        return Vec::new();
    };
    let row = match source.aligned {
        true => row_of(source, Side::Target, at),
        false => None,
    };
    source
        .names
        .iter()
        .enumerate()
        .filter(|(_, o)| o.concept == concept)
        .filter(|(_, o)| row.is_none() || row_of(source, Side::Source, o.span.start) == row)
        .collect()
}
