//! Inline suppressions in the host format's comments:
//! `termlint-disable-next-line [concept …]`, `termlint-disable [concept …]`
//! … `termlint-enable [concept …]`. A suppression that suppresses nothing is
//! itself reported (`unused-suppression`).
//!
//! Consumes a document and its findings, produces the findings left and one
//! `unused-suppression` finding per comment that suppressed nothing. Where
//! comments are recognized is the job of the `directive` submodule; which
//! stretch of text each one covers is decided here:
//! - `disable-next-line` covers the next line that is neither blank nor
//!   another directive comment; in PO, the whole entry that follows (up to
//!   the next blank line), since one entry's `msgid`/`msgstr` lines belong
//!   together;
//! - `disable` covers everything after it up to an `enable` (or the end of
//!   the file); `enable` with concept ids ends the suppression for those
//!   concepts only.
//!
//! A finding is covered when it starts in the stretch (a `missing` finding,
//! which has no text, at its anchor).

mod directive;
#[cfg(test)]
mod tests;

use crate::document::Document;
use crate::finding::{Finding, Rule, Severity};
use crate::formats::Format;
use directive::{Directive, Kind};
use std::collections::HashSet;
use std::ops::Range;

/// Drops the findings of `doc` that its comments suppress and adds one
/// `unused-suppression` finding (severity `unused`) per comment that
/// suppressed nothing. `unused` is the severity of that rule, `None` when
/// the glossary turns it off.
pub fn apply(doc: &Document, findings: Vec<Finding>, unused: Option<Severity>) -> Vec<Finding> {
    let directives = directive::find(doc);
    if directives.is_empty() {
        return findings;
    }
    let regions = regions(doc, &directives);
    let mut used = Used::new(&directives);
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| !used.suppresses(f, &regions, &directives))
        .collect();
    if let Some(severity) = unused {
        kept.extend(unused_findings(doc, &directives, &used, severity));
    }
    // Same order as the checker's (SPEC §5: by position).
    kept.sort_by(|a, b| {
        (a.span.start, a.rule, &a.concept, a.span.end).cmp(&(
            b.span.start,
            b.rule,
            &b.concept,
            b.span.end,
        ))
    });
    kept
}

/// Which concepts a stretch of suppression covers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Only these concepts.
    Only(Vec<String>),
    /// Every concept but these (a bare `disable` later narrowed by
    /// `enable concept`).
    AllExcept(Vec<String>),
}

impl Scope {
    fn of(concepts: &[String]) -> Scope {
        match concepts.is_empty() {
            true => Scope::AllExcept(Vec::new()),
            false => Scope::Only(concepts.to_vec()),
        }
    }

    fn covers(&self, concept: &str) -> bool {
        match self {
            Scope::Only(ids) => ids.iter().any(|id| id == concept),
            Scope::AllExcept(ids) => !ids.iter().any(|id| id == concept),
        }
    }

    /// The scope once `names` are enabled again; `None` when nothing is left.
    fn without(&self, names: &[String]) -> Option<Scope> {
        match self {
            Scope::Only(ids) => {
                let left: Vec<String> = ids
                    .iter()
                    .filter(|id| !names.contains(id))
                    .cloned()
                    .collect();
                (!left.is_empty()).then_some(Scope::Only(left))
            }
            Scope::AllExcept(ids) => {
                let mut ids = ids.clone();
                for name in names {
                    if !ids.contains(name) {
                        ids.push(name.clone());
                    }
                }
                Some(Scope::AllExcept(ids))
            }
        }
    }
}

/// A stretch of the file (byte offsets) where a directive suppresses.
#[derive(Debug, Clone)]
struct Region {
    directive: usize,
    range: Range<usize>,
    scope: Scope,
}

/// The stretches every directive of `doc` covers.
fn regions(doc: &Document, directives: &[Directive]) -> Vec<Region> {
    let lines = Lines::new(doc, directives);
    // One past the text, so that a finding anchored at the very end counts.
    let end = doc.text.len() + 1;
    let mut closed = Vec::new();
    let mut open: Vec<Region> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        match &d.kind {
            Kind::NextLine => closed.extend(lines.next_after(d).map(|range| Region {
                directive: i,
                range,
                scope: Scope::of(&d.concepts),
            })),
            Kind::Disable => open.push(Region {
                directive: i,
                range: d.span.end..end,
                scope: Scope::of(&d.concepts),
            }),
            Kind::Enable => open = enable(open, &mut closed, d, end),
            Kind::Unknown(_) => {}
        }
    }
    closed.extend(open);
    closed
}

/// Ends the open regions `enable` names (all without names); what a region
/// still covers continues after the `enable` comment. Returns the regions
/// still open.
fn enable(
    open: Vec<Region>,
    closed: &mut Vec<Region>,
    enable: &Directive,
    end: usize,
) -> Vec<Region> {
    let names = &enable.concepts;
    let mut still = Vec::new();
    for mut region in open {
        let rest = match names.is_empty() {
            true => None,
            false => region.scope.without(names),
        };
        if rest.as_ref() == Some(&region.scope) {
            still.push(region);
            continue;
        }
        if let Some(scope) = rest {
            still.push(Region {
                directive: region.directive,
                range: enable.span.end..end,
                scope,
            });
        }
        region.range.end = enable.span.start;
        closed.push(region);
    }
    still
}

/// Line arithmetic for `disable-next-line`.
struct Lines<'d> {
    doc: &'d Document,
    count: usize,
    /// Lines that hold nothing but a directive comment.
    directive_lines: HashSet<usize>,
}

impl<'d> Lines<'d> {
    fn new(doc: &'d Document, directives: &[Directive]) -> Lines<'d> {
        let directive_lines = directives
            .iter()
            .filter(|d| d.own_line)
            .flat_map(|d| doc.line_col(d.span.start).0..=doc.line_col(d.span.end).0)
            .collect();
        Lines {
            doc,
            count: doc.line_col(doc.text.len()).0,
            directive_lines,
        }
    }

    /// The bytes `d` covers as `disable-next-line`: the next line with
    /// text (stacked directive comments are looked past, so each applies to
    /// the same line), in PO the whole entry from there to a blank line.
    fn next_after(&self, d: &Directive) -> Option<Range<usize>> {
        let after = self.doc.line_col(d.span.end).0;
        let first = (after + 1..=self.count)
            .find(|&n| !self.is_blank(n) && !self.directive_lines.contains(&n))?;
        let last = match self.doc.format {
            Format::Po => (first..=self.count)
                .take_while(|&n| !self.is_blank(n))
                .last()
                .unwrap_or(first),
            _ => first,
        };
        Some(self.start_of(first)..self.start_of(last + 1))
    }

    fn is_blank(&self, line: usize) -> bool {
        self.doc.line_text(line).trim().is_empty()
    }

    /// Where 1-based `line` starts; past the last line, one past the text.
    fn start_of(&self, line: usize) -> usize {
        match line > self.count {
            true => self.doc.text.len() + 1,
            false => self.doc.line_range(line).start,
        }
    }
}

/// Which directives (and which of their concepts) suppressed something.
struct Used(Vec<Vec<bool>>);

impl Used {
    /// Nothing used yet: one flag per named concept, or one for "every
    /// concept".
    fn new(directives: &[Directive]) -> Used {
        Used(
            directives
                .iter()
                .map(|d| vec![false; d.concepts.len().max(1)])
                .collect(),
        )
    }

    /// Whether `f` is suppressed, marking every directive that covers it
    /// (so that overlapping suppressions are not reported as unused).
    fn suppresses(&mut self, f: &Finding, regions: &[Region], directives: &[Directive]) -> bool {
        // A comment cannot silence the report that it is itself useless.
        if f.rule == Rule::UnusedSuppression {
            return false;
        }
        let mut suppressed = false;
        for region in regions.iter().filter(|r| covers(r, f)) {
            let concepts = &directives[region.directive].concepts;
            let slot = concepts.iter().position(|c| *c == f.concept).unwrap_or(0);
            self.0[region.directive][slot] = true;
            suppressed = true;
        }
        suppressed
    }

    /// The concepts of directive `i` that suppressed nothing; `Some(vec![])`
    /// when the directive names none and suppressed nothing.
    fn unused(&self, i: usize, d: &Directive) -> Option<Vec<String>> {
        let flags = &self.0[i];
        if d.concepts.is_empty() {
            return (!flags[0]).then(Vec::new);
        }
        let unused: Vec<String> = d
            .concepts
            .iter()
            .zip(flags)
            .filter(|(_, used)| !**used)
            .map(|(c, _)| c.clone())
            .collect();
        (!unused.is_empty()).then_some(unused)
    }
}

fn covers(region: &Region, f: &Finding) -> bool {
    region.range.contains(&f.span.start) && region.scope.covers(&f.concept)
}

/// One `unused-suppression` finding per directive that suppressed nothing
/// (or nothing for some of the concepts it names), and per `termlint-…`
/// comment that is no directive at all.
fn unused_findings(
    doc: &Document,
    directives: &[Directive],
    used: &Used,
    severity: Severity,
) -> Vec<Finding> {
    directives
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (concepts, message) = match &d.kind {
                Kind::Enable => return None,
                Kind::Unknown(word) => (Vec::new(), unknown_message(word)),
                Kind::NextLine | Kind::Disable => {
                    let unused = used.unused(i, d)?;
                    let message = unused_message(d, &unused);
                    (unused, message)
                }
            };
            Some(unused_finding(doc, d, concepts, message, severity))
        })
        .collect()
}

fn unused_message(d: &Directive, unused: &[String]) -> String {
    let text = d.text();
    if unused.len() == d.concepts.len() {
        return format!("`{text}` suppresses nothing; remove it");
    }
    let names: Vec<String> = unused.iter().map(|c| format!("`{c}`")).collect();
    format!(
        "`{text}` suppresses nothing for {}; remove {} from the comment",
        names.join(", "),
        if names.len() == 1 { "it" } else { "them" }
    )
}

fn unknown_message(word: &str) -> String {
    format!(
        "`{word}` is not a termlint directive and suppresses nothing; use \
         termlint-disable-next-line, termlint-disable or termlint-enable"
    )
}

fn unused_finding(
    doc: &Document,
    d: &Directive,
    concepts: Vec<String>,
    message: String,
    severity: Severity,
) -> Finding {
    Finding {
        rule: Rule::UnusedSuppression,
        severity,
        path: doc.path.clone(),
        language: doc.lang.to_string(),
        span: d.span.clone(),
        // Concept ids never hold a comma ([a-z0-9._-]+), so the list splits
        // back unambiguously; empty when the comment names no concept.
        concept: concepts.join(","),
        found: doc.text[d.span.clone()].to_string(),
        expected: String::new(),
        note: None,
        message,
        renderings: Vec::new(),
        counts: None,
    }
}
