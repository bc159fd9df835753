//! Turning TBX records into termlint concepts: ids, notes, and one entry
//! per language with official forms (preferred first) and variants.

use super::read::{ConceptRecord, LangRecord, TermRecord};
use super::status::Status;
use crate::fold::{fold_str, FoldOptions};
use crate::glossary::{Concept, Entry};
use crate::lang::LangTag;
use std::collections::HashSet;

/// The concepts of `records`, in file order, and a note for each term
/// left out. A language with no accepted term (only deprecated or obsolete
/// ones) gives no entry, since a termlint entry needs an official form; a
/// concept left with no entry is skipped.
pub fn concepts(records: Vec<ConceptRecord>) -> (Vec<Concept>, Vec<String>) {
    let mut ids = Ids::default();
    let mut concepts = Vec::new();
    let mut notes = Vec::new();
    for (n, record) in records.into_iter().enumerate() {
        let entries = entries(&record.langs);
        let name = record.id.as_deref().map_or_else(
            || format!("concept {}", n + 1),
            |id| format!("concept `{id}`"),
        );
        if let Some(note) = left_out(&name, &record.langs, &entries) {
            notes.push(note);
        }
        if entries.is_empty() {
            continue;
        }
        concepts.push(Concept {
            id: ids.assign(record.id.as_deref(), n + 1),
            note: record.definition.or(record.note),
            dnt: record.dnt,
            entries,
            examples: Vec::new(),
        });
    }
    (concepts, notes)
}

/// What of a concept's terms no entry holds: the rejected terms of
/// languages without an accepted one.
fn left_out(name: &str, langs: &[LangRecord], entries: &[Entry]) -> Option<String> {
    let lost: Vec<String> = langs
        .iter()
        .filter(|l| !entries.iter().any(|e| e.lang == l.lang))
        .flat_map(|l| {
            l.terms
                .iter()
                .map(move |t| format!("{} '{}'", l.lang, t.text))
        })
        .collect();
    if lost.is_empty() {
        return None;
    }
    let what = if entries.is_empty() {
        format!("{name} left out")
    } else {
        format!("{name}: terms left out")
    };
    Some(format!(
        "{what}: only deprecated or obsolete terms ({}), and a glossary entry needs an \
         official form; mark a term preferred or admitted to keep it",
        lost.join(", ")
    ))
}

/// Language sections grouped by tag (a concept may repeat a language, as
/// IBM's export does), each made one entry.
fn entries(langs: &[LangRecord]) -> Vec<Entry> {
    let mut tags: Vec<&LangTag> = Vec::new();
    for lang in langs {
        if !tags.contains(&&lang.lang) {
            tags.push(&lang.lang);
        }
    }
    tags.into_iter()
        .filter_map(|tag| {
            let terms = langs
                .iter()
                .filter(|l| &l.lang == tag)
                .flat_map(|l| &l.terms);
            entry(tag, terms.collect())
        })
        .collect()
}

/// One entry: preferred terms, then admitted or unmarked ones, are
/// official; rejected ones are variants. Forms are deduplicated after
/// folding, and a form that is also official is not a variant.
fn entry(lang: &LangTag, terms: Vec<&TermRecord>) -> Option<Entry> {
    let mut ranked: Vec<(Status, &str)> = terms
        .iter()
        .map(|t| (t.status.unwrap_or(Status::Admitted), t.text.as_str()))
        .collect();
    // Stable: file order is kept within a status.
    ranked.sort_by_key(|(status, _)| *status);
    let mut seen = HashSet::new();
    let mut official = Vec::new();
    let mut variants = Vec::new();
    for (status, text) in ranked {
        if !seen.insert(fold_str(text, FoldOptions { case: true })) {
            continue;
        }
        let list = if status == Status::Rejected {
            &mut variants
        } else {
            &mut official
        };
        list.push(text.to_string());
    }
    (!official.is_empty()).then(|| Entry {
        lang: lang.clone(),
        official,
        variants,
        case_sensitive: false,
        inflect: true,
        patterns: Vec::new(),
    })
}

/// Concept ids handed out so far.
#[derive(Debug, Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// The id for the `n`th concept: its TBX id made `[a-z0-9._-]+`, else
    /// `c<n>`; a suffix `-2`, `-3`… keeps it unique.
    fn assign(&mut self, raw: Option<&str>, n: usize) -> String {
        let base = raw.map(sanitize).filter(|s| !s.is_empty());
        let base = base.unwrap_or_else(|| format!("c{n}"));
        let mut id = base.clone();
        let mut k = 1;
        while self.taken.contains(&id) {
            k += 1;
            id = format!("{base}-{k}");
        }
        self.taken.insert(id.clone());
        id
    }
}

/// `raw` lowercased; unless that is already `[a-z0-9._-]+`, other
/// characters made `-`, runs of `-` one, and `-` trimmed. A leading `_` is
/// dropped: export adds it to ids that are not XML names.
fn sanitize(raw: &str) -> String {
    let raw = raw.strip_prefix('_').unwrap_or(raw).to_lowercase();
    if raw.chars().all(allowed) {
        return raw;
    }
    let mut id = String::new();
    for c in raw.chars() {
        let c = if allowed(c) { c } else { '-' };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    id.trim_matches('-').to_string()
}

/// A character of a concept id (SPEC §1).
fn allowed(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '.' | '_' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, status: Option<Status>) -> TermRecord {
        TermRecord {
            text: text.into(),
            status,
        }
    }

    fn lang(tag: &str, terms: Vec<TermRecord>) -> LangRecord {
        let lang = LangTag::parse(tag).expect("test tags are valid");
        LangRecord { lang, terms }
    }

    #[test]
    fn preferred_comes_first_and_obsolete_is_a_variant() {
        let terms = vec![
            term("Datenbus alt", Some(Status::Rejected)),
            term("Bus", None),
            term("Datenbus", Some(Status::Preferred)),
            term("bus", Some(Status::Admitted)),
        ];
        let e = entries(&[lang("de", terms)]);
        assert_eq!(e[0].official, ["Datenbus", "Bus"]);
        assert_eq!(e[0].variants, ["Datenbus alt"]);
    }

    #[test]
    fn only_deprecated_terms_give_no_entry() {
        let e = entries(&[lang("en", vec![term("old", Some(Status::Rejected))])]);
        assert!(e.is_empty());
    }

    #[test]
    fn terms_left_out_are_noted() {
        let record = |langs| ConceptRecord {
            id: Some("e1".into()),
            definition: None,
            note: None,
            dnt: false,
            langs,
        };
        let (concepts, notes) = concepts(vec![
            record(vec![lang(
                "en",
                vec![term("data bus", Some(Status::Rejected))],
            )]),
            record(vec![
                lang("en", vec![term("bus", None)]),
                lang("fr", vec![term("bus de données", Some(Status::Rejected))]),
            ]),
        ]);
        assert_eq!(concepts.len(), 1);
        assert_eq!(notes.len(), 2);
        assert!(
            notes[0].starts_with(
                "concept `e1` left out: only deprecated or obsolete terms (en 'data bus')"
            ),
            "{}",
            notes[0]
        );
        assert!(notes[1].starts_with("concept `e1`: terms left out: only deprecated or obsolete terms (fr 'bus de données')"), "{}", notes[1]);
    }

    #[test]
    fn repeated_language_sections_merge() {
        let e = entries(&[
            lang("en", vec![term("a", None)]),
            lang("EN", vec![term("b", None)]),
        ]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].official, ["a", "b"]);
    }

    #[test]
    fn ids_are_sanitized_and_unique() {
        let mut ids = Ids::default();
        assert_eq!(
            ids.assign(Some("eid-VocCod-211.01"), 1),
            "eid-voccod-211.01"
        );
        assert_eq!(ids.assign(Some("C 1"), 2), "c-1");
        assert_eq!(ids.assign(Some("c-1"), 3), "c-1-2");
        assert_eq!(ids.assign(None, 4), "c4");
        assert_eq!(ids.assign(Some("_1st"), 5), "1st");
        assert_eq!(ids.assign(Some("-a--b"), 6), "-a--b");
        assert_eq!(ids.assign(Some("Ä b"), 7), "b");
    }
}
