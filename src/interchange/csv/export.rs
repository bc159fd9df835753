//! Writing a glossary as CSV: `id`, each language and its variants in order
//! of first use, then `note` and `dnt`; UTF-8 without a byte-order mark,
//! RFC 4180 quoting, `\n` line ends.

use crate::glossary::{Concept, Glossary};
use crate::lang::LangTag;

/// Writes `glossary` as CSV that [`super::import`] reads back.
pub fn export(glossary: &Glossary) -> String {
    let langs = languages(glossary);
    let mut out = String::new();
    let mut header = vec!["id".to_string()];
    for lang in &langs {
        header.push(lang.to_string());
        header.push(format!("{lang}-variants"));
    }
    header.extend(["note".to_string(), "dnt".to_string()]);
    push_record(&mut out, &header);
    for concept in &glossary.concepts {
        push_record(&mut out, &cells(concept, &langs));
    }
    out
}

/// Languages in order of first use.
fn languages(glossary: &Glossary) -> Vec<LangTag> {
    let mut langs: Vec<LangTag> = Vec::new();
    for entry in glossary.concepts.iter().flat_map(|c| &c.entries) {
        if !langs.contains(&entry.lang) {
            langs.push(entry.lang.clone());
        }
    }
    langs
}

fn cells(concept: &Concept, langs: &[LangTag]) -> Vec<String> {
    let mut cells = vec![concept.id.clone()];
    for lang in langs {
        let entry = concept.entries.iter().find(|e| &e.lang == lang);
        cells.push(entry.map(|e| e.official.join("|")).unwrap_or_default());
        cells.push(entry.map(|e| e.variants.join("|")).unwrap_or_default());
    }
    cells.push(concept.note.clone().unwrap_or_default());
    cells.push(if concept.dnt { "yes" } else { "" }.to_string());
    cells
}

fn push_record(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    out.push_str(&quoted.join(","));
    out.push('\n');
}

/// RFC 4180 §2.6–2.7: quote a field holding a comma, quote or line break,
/// doubling its quotes.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_and_newlines_are_quoted() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("plain"), "plain");
    }
}
