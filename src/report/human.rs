//! `--format human`: rustc-style diagnostics — severity and rule, message,
//! `path:line:column`, the line with a marker under the span, the
//! suggestion — and a summary line. Styles are always written; the caller's
//! stream (anstream) drops them when stdout is not a terminal or `NO_COLOR`
//! is set.

use super::{FileReport, Position, Summary};
use crate::document::Document;
use crate::finding::{Finding, Rule, Severity};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Longest snippet line shown, in terminal columns; longer lines are cut
/// around the span.
const MAX_WIDTH: usize = 100;
/// Context kept before the span on a cut line.
const LEFT_CONTEXT: usize = 40;

const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const BOLD: Style = Style::new().bold();

/// Writes every finding of `reports` and the summary line.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        for finding in &report.outcome.findings {
            render_finding(out, &report.doc, finding)?;
        }
    }
    render_summary(out, &Summary::of(reports))
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}

fn render_finding(out: &mut dyn Write, doc: &Document, f: &Finding) -> io::Result<()> {
    let style = severity_style(f.severity);
    let pos = Position::of(doc, f);
    let width = pos.line.to_string().len();
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{style}{}[{}]{style:#}{BOLD}: {}{BOLD:#}",
        f.severity, f.rule, f.message
    )?;
    writeln!(
        out,
        "{pad}{GUTTER}-->{GUTTER:#} {}:{}:{}",
        f.path.display(),
        pos.line,
        pos.column
    )?;
    if !f.span.is_empty() {
        render_snippet(out, doc, f, pos, style)?;
    }
    for note in notes(f) {
        writeln!(out, "{pad} {GUTTER}={GUTTER:#} {note}")?;
    }
    writeln!(out)
}

fn render_snippet(
    out: &mut dyn Write,
    doc: &Document,
    f: &Finding,
    pos: Position,
    style: Style,
) -> io::Result<()> {
    let pad = " ".repeat(pos.line.to_string().len());
    let line = doc.line_range(pos.line);
    let start = f.span.start.clamp(line.start, line.end);
    let end = f.span.end.clamp(start, line.end);
    let text = &doc.text;
    let (before, marked, after) = cut(
        &text[line.start..start],
        &text[start..end],
        &text[end..line.end],
    );
    let carets = "^".repeat(marked.width().max(1));
    writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
    writeln!(
        out,
        "{GUTTER}{}{GUTTER:#} {GUTTER}|{GUTTER:#} {before}{marked}{after}",
        pos.line
    )?;
    let indent = " ".repeat(before.width());
    writeln!(
        out,
        "{pad} {GUTTER}|{GUTTER:#} {indent}{style}{carets} {}{style:#}",
        label(f)
    )?;
    writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")
}

fn label(f: &Finding) -> String {
    match (f.rule, f.counts) {
        (Rule::CountMismatch, Some(c)) => {
            format!("first of {} here, {} in the source", c.target, c.source)
        }
        (Rule::Inconsistent, _) => format!(
            "rendering 2 of {}; use '{}' throughout",
            f.renderings.len(),
            f.expected
        ),
        (Rule::UnusedSuppression, _) => "suppresses nothing".to_string(),
        // Glossary problems: `expected` says what to do.
        (
            Rule::AmbiguousForm
            | Rule::VariantIsOfficial
            | Rule::SwallowedForm
            | Rule::UnmatchableForm
            | Rule::FoldedCollision
            | Rule::MissingLanguage
            | Rule::ExampleFailed,
            _,
        ) => f.expected.clone(),
        _ => format!("use '{}'", f.expected),
    }
}

fn notes(f: &Finding) -> Vec<String> {
    let mut notes = Vec::new();
    if f.rule == Rule::Inconsistent {
        let list: Vec<String> = f
            .renderings
            .iter()
            .map(|r| format!("'{}' {}×", r.form, r.count))
            .collect();
        notes.push(format!("renderings: {}", list.join(", ")));
    }
    if let Some(c) = f.counts {
        notes.push(format!("source: {}, translation: {}", c.source, c.target));
    }
    match (&f.note, f.concept.is_empty()) {
        (_, true) => {}
        (Some(note), false) => notes.push(format!("concept: {} ({note})", f.concept)),
        (None, false) => notes.push(format!("concept: {}", f.concept)),
    }
    notes
}

/// Cuts a long line around the span, marking each cut with `…`; tabs and
/// other control characters show as one space so markers line up. Only a
/// window around the span is looked at, so a finding on a line of many
/// megabytes costs no more than one on a short line.
fn cut(before: &str, marked: &str, after: &str) -> (String, String, String) {
    let (before, cut_before) = last_chars(before, WINDOW);
    let (after, cut_after) = first_chars(after, WINDOW);
    let before = visible(before);
    let marked = visible(marked);
    let after = visible(after);
    let total = before.width() + marked.width() + after.width();
    if total <= MAX_WIDTH && !cut_before && !cut_after {
        return (before, marked, after);
    }
    let before = if cut_before || before.width() > LEFT_CONTEXT {
        format!("…{}", keep_end(&before, LEFT_CONTEXT - 1))
    } else {
        before
    };
    let room = MAX_WIDTH
        .saturating_sub(before.width() + marked.width())
        .max(20);
    let after = if cut_after || after.width() > room {
        format!("{}…", keep_start(&after, room - 1))
    } else {
        after
    };
    (before, marked, after)
}

/// Characters of context looked at on each side of the span: more than
/// [`MAX_WIDTH`] columns, since characters take at least one column each
/// except marks and other zero-width ones.
const WINDOW: usize = 4 * MAX_WIDTH;

/// The last `n` characters of `s`, and whether anything was left out.
fn last_chars(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().rev().nth(n) {
        Some((at, c)) => (&s[at + c.len_utf8()..], true),
        None => (s, false),
    }
}

/// The first `n` characters of `s`, and whether anything was left out.
fn first_chars(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().nth(n) {
        Some((at, _)) => (&s[..at], true),
        None => (s, false),
    }
}

fn visible(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn keep_end(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        start = i;
    }
    s[start..].to_string()
}

fn keep_start(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        end = i + c.len_utf8();
    }
    s[..end].to_string()
}

fn render_summary(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let files = plural(s.files, "file", "files");
    if s.errors + s.warnings + s.infos == 0 {
        return writeln!(out, "{BOLD}{files} checked: no findings{BOLD:#}");
    }
    writeln!(
        out,
        "{BOLD}{files} checked: {}, {}, {}{BOLD:#}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_not_cut() {
        let (b, m, a) = cut("Am 8. Juni ", "Park", " statt.");
        assert_eq!(
            (b.as_str(), m.as_str(), a.as_str()),
            ("Am 8. Juni ", "Park", " statt.")
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let before = "x".repeat(200);
        let after = "y".repeat(200);
        let (b, m, a) = cut(&before, "Park", &after);
        assert!(b.starts_with('…') && b.width() == LEFT_CONTEXT);
        assert_eq!(m, "Park");
        assert!(a.ends_with('…') && b.width() + m.width() + a.width() <= MAX_WIDTH);
    }

    #[test]
    fn a_line_of_megabytes_is_cut_from_a_window() {
        let before = "x".repeat(3_000_000);
        let (b, _, a) = cut(&before, "Park", &before);
        assert_eq!(b.width(), LEFT_CONTEXT);
        assert!(a.ends_with('…') && a.width() < MAX_WIDTH);
    }

    #[test]
    fn marks_past_the_window_still_count_as_cut() {
        // Zero-width characters: the window holds no visible column, yet
        // the line was cut and says so.
        let before = format!("a{}", "\u{301}".repeat(WINDOW + 5));
        let (b, _, _) = cut(&before, "Park", "");
        assert!(b.starts_with('…'));
    }

    #[test]
    fn tabs_keep_markers_aligned() {
        assert_eq!(visible("a\tb"), "a b");
    }

    #[test]
    fn wide_chars_count_two_columns() {
        assert_eq!(keep_end("文化和旅游部", 4), "游部");
    }
}
