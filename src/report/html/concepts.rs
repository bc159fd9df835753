//! The consistency table: for each concept a file names (or its source
//! names), the official form, every rendering found with its count and
//! what the rules say of it, and links to each place it stands.

use super::listing::Heading;
use super::{escape, Review};
use crate::check::Occurrence;
use crate::document::Document;
use crate::lang::english_name;
use crate::rules::{preferred_form, Verdict};

/// Writes the table of `review`; nothing without a glossary.
pub(super) fn table(html: &mut String, review: &Review<'_>) {
    let Some(glossary) = review.glossary else {
        return;
    };
    let i = review.index;
    let order = concept_order(review);
    let heading = Heading {
        tag: "section",
        class: "concepts",
        id: format!("file-{i}-ch"),
        title: "Names by concept",
        empty: "No glossary name found.",
    };
    if !heading.open(html, order.len()) {
        return;
    }
    let source_head = match review.source {
        Some(_) => "<th scope=\"col\">In the source</th>",
        None => "",
    };
    html.push_str(&format!(
        "<div class=\"table-wrap\"><table class=\"ctable\">\n<thead><tr><th scope=\"col\">Concept</th>\
         <th scope=\"col\">Official form</th><th scope=\"col\">Found in the text</th>{source_head}</tr></thead>\n<tbody>\n"
    ));
    for ci in order {
        let concept = &glossary.concepts[ci];
        let lang = &review.doc().lang;
        let note = concept
            .note
            .as_deref()
            .map(|n| format!("<br><span class=\"note\">{}</span>", escape::text(n)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<tr id=\"file-{i}-c{ci}\"><th scope=\"row\"><code>{}</code>{note}</th>\
             <td><bdi lang=\"{}\">{}</bdi></td><td>{}</td>",
            escape::text(&concept.id),
            escape::attr(lang.as_str()),
            escape::text(&preferred_form(concept, lang)),
            renderings(review, ci),
        ));
        if review.source.is_some() {
            html.push_str(&format!("<td>{}</td>", source_cell(review, ci)));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// Concepts in the order the text first names them, then those only the
/// source names.
fn concept_order(review: &Review<'_>) -> Vec<usize> {
    let source = review.source.iter().flat_map(|s| &s.names);
    let mut order: Vec<usize> = Vec::new();
    for name in review.names.iter().chain(source) {
        if !order.contains(&name.concept) {
            order.push(name.concept);
        }
    }
    order
}

/// One rendering of a concept: the glossary form, what the rules say, and
/// the names that use it.
struct Group<'a> {
    form: &'a str,
    kind: (String, &'static str),
    names: Vec<(usize, &'a Occurrence)>,
}

fn renderings(review: &Review<'_>, concept: usize) -> String {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (n, name) in review.names.iter().enumerate() {
        if name.concept != concept {
            continue;
        }
        let kind = kind(&name.verdict);
        match groups
            .iter_mut()
            .find(|g| g.form == name.form && g.kind == kind)
        {
            Some(g) => g.names.push((n, name)),
            None => groups.push(Group {
                form: &name.form,
                kind,
                names: vec![(n, name)],
            }),
        }
    }
    if groups.is_empty() {
        return "<span class=\"kind bad\">not named</span>".to_string();
    }
    let status = match groups.len() {
        1 => "<p class=\"status\">one rendering</p>".to_string(),
        k => format!("<p class=\"status bad\">{k} renderings</p>"),
    };
    let items: Vec<String> = groups
        .iter()
        .map(|g| {
            let links = links(review, 't', review.doc(), &g.names);
            format!(
                "<li><bdi>{}</bdi> <span class=\"count\">×{}</span> <span class=\"kind {}\">{}</span> <span class=\"at\">{links}</span></li>",
                escape::text(g.form),
                g.names.len(),
                g.kind.1,
                escape::text(&g.kind.0),
            )
        })
        .collect();
    format!("{status}<ul class=\"renderings\">{}</ul>", items.concat())
}

fn source_cell(review: &Review<'_>, concept: usize) -> String {
    let Some(source) = &review.source else {
        return String::new();
    };
    let names: Vec<(usize, &Occurrence)> = source
        .names
        .iter()
        .enumerate()
        .filter(|(_, o)| o.concept == concept)
        .collect();
    if names.is_empty() {
        return "<span class=\"count\">×0</span>".to_string();
    }
    format!(
        "<span class=\"count\">×{}</span> <span class=\"at\" lang=\"{}\">{}</span>",
        names.len(),
        escape::attr(source.lang.as_str()),
        links(review, 's', source.doc, &names)
    )
}

/// Links to names, labelled with their line and column, titled with the
/// text as written.
fn links(
    review: &Review<'_>,
    side: char,
    doc: &Document,
    names: &[(usize, &Occurrence)],
) -> String {
    names
        .iter()
        .map(|(n, o)| {
            let (line, column) = doc.line_col(o.span.start);
            format!(
                "<a href=\"#{}\" title=\"{}\">{line}:{column}</a>",
                review.name_id(side, *n),
                escape::attr(&doc.text[o.span.clone()])
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the rules say of a rendering, and whether that is right.
fn kind(verdict: &Verdict) -> (String, &'static str) {
    match verdict {
        Verdict::Accepted { case: false } => ("official".to_string(), "ok"),
        Verdict::Accepted { case: true } => ("wrong capitals".to_string(), "bad"),
        Verdict::Forbidden { lang } => {
            (format!("forbidden ({} variant)", english_name(lang)), "bad")
        }
        Verdict::Untranslated { lang } => {
            (format!("untranslated ({} name)", english_name(lang)), "bad")
        }
        Verdict::NotChecked => ("not checked".to_string(), "na"),
    }
}
