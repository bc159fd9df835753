//! The list of a file's findings: each links to its highlight and carries
//! its rule and severity for the filters; printed, it is the footnotes.

use super::article::source_names_of;
use super::{abbreviation, escape, expects_form, Review};
use crate::finding::Finding;
use crate::report::Position;

/// Links to where the source names a finding's concept, at most; the
/// concept table has them all.
const MAX_SOURCE_LINKS: usize = 5;

/// The opening of a counted part of a file's review: an element with a
/// heading "TITLE (COUNT)", or a note when there is nothing to count.
pub(super) struct Heading<'a> {
    pub(super) tag: &'a str,
    pub(super) class: &'a str,
    pub(super) id: String,
    pub(super) title: &'a str,
    pub(super) empty: &'a str,
}

impl Heading<'_> {
    /// Writes the opening; with a count of 0 also the note and the
    /// closing tag, and returns `false`: there is nothing to list.
    pub(super) fn open(&self, html: &mut String, count: usize) -> bool {
        let Heading {
            tag,
            class,
            id,
            title,
            empty,
        } = self;
        html.push_str(&format!(
            "<{tag} class=\"{class}\" aria-labelledby=\"{id}\">\n\
             <h3 id=\"{id}\">{title} <span class=\"n\">({count})</span></h3>\n"
        ));
        if count == 0 {
            html.push_str(&format!("<p class=\"none\">{empty}</p>\n</{tag}>\n"));
        }
        count > 0
    }
}

/// Writes the findings list of `review`.
pub(super) fn findings(html: &mut String, review: &Review<'_>) {
    let findings = review.findings();
    let heading = Heading {
        tag: "nav",
        class: "findings",
        id: format!("file-{}-fh", review.index),
        title: "Findings",
        empty: "No findings.",
    };
    if !heading.open(html, findings.len()) {
        return;
    }
    html.push_str("<ol class=\"flist\">\n");
    for (n, f) in findings.iter().enumerate() {
        item(html, review, n, f);
    }
    html.push_str("</ol>\n</nav>\n");
}

fn item(html: &mut String, review: &Review<'_>, n: usize, f: &Finding) {
    let id = review.finding_id(n);
    let rule = f.rule.id();
    let severity = f.severity.id();
    let pos = Position::of(review.doc(), f);
    html.push_str(&format!(
        "<li class=\"finding r-{rule}\" data-rule=\"{rule}\" data-severity=\"{severity}\">\
         <a class=\"flink\" href=\"#{id}\"><span class=\"tag r-{rule}\">{} {}</span> \
         <span class=\"where\">line {}, column {}</span> \
         <span class=\"sev sev-{severity}\">{severity}</span> <span class=\"rule\">{rule}</span></a>\n\
         <p class=\"msg\" id=\"{id}-d\">{}</p>\n",
        abbreviation(f.rule),
        n + 1,
        pos.line,
        pos.column,
        escape::text(&f.message),
    ));
    if !f.expected.is_empty() {
        let label = if expects_form(f.rule) {
            "Official form"
        } else {
            "To do"
        };
        html.push_str(&format!(
            "<p class=\"official\">{label}: <bdi lang=\"{}\">{}</bdi></p>\n",
            escape::attr(&f.language),
            escape::text(&f.expected)
        ));
    }
    source_links(html, review, f);
    html.push_str("</li>\n");
}

/// Where the source names the concept of a finding, when it is shown.
fn source_links(html: &mut String, review: &Review<'_>, f: &Finding) {
    let Some(source) = &review.source else {
        return;
    };
    let Some(concept) = review.concept_index(&f.concept) else {
        return;
    };
    let names = source_names_of(review, concept, f.span.start);
    if names.is_empty() {
        return;
    }
    let mut links: Vec<String> = names
        .iter()
        .take(MAX_SOURCE_LINKS)
        .map(|(k, o)| {
            let (line, column) = source.doc.line_col(o.span.start);
            format!(
                "<a href=\"#{}\" lang=\"{}\">{}</a> <span class=\"where\">({line}:{column})</span>",
                review.name_id('s', *k),
                escape::attr(source.lang.as_str()),
                escape::text(&source.doc.text[o.span.clone()]),
            )
        })
        .collect();
    if names.len() > MAX_SOURCE_LINKS {
        links.push(format!(
            "{} more in the table",
            names.len() - MAX_SOURCE_LINKS
        ));
    }
    html.push_str(&format!(
        "<p class=\"src-links\">In the source: {}</p>\n",
        links.join(", ")
    ));
}
