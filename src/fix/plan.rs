//! Deciding which findings can be replaced safely, and making the
//! replacements in one file's text.

use super::verbatim::Verbatim;
use super::FileFix;
use crate::document::Document;
use crate::finding::{Finding, Rule};
use crate::fold::{fold_str, FoldOptions};
use crate::formats::{self, ReadOptions};
use crate::glossary::{Concept, Glossary};
use crate::inflect::{inflects_last_word_only, word_pattern, WordPlace};
use crate::lang::LangTag;
use crate::report::FileReport;
use std::ops::Range;

/// One replacement in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    span: Range<usize>,
    text: String,
}

/// The fix of one file, `None` when nothing in it can be replaced.
pub(super) fn file_fix(
    report: &FileReport,
    glossary: &Glossary,
    read: &ReadOptions,
) -> Option<FileFix> {
    let doc = &report.doc;
    let verbatim = Verbatim::new(doc);
    let mut edits: Vec<Edit> = report
        .outcome
        .findings
        .iter()
        .filter_map(|f| edit_for(doc, &verbatim, f, glossary))
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let edits = read_back(doc, without_overlaps(edits), read);
    if edits.is_empty() {
        return None;
    }
    Some(FileFix {
        path: doc.path.clone(),
        before: doc.text.clone(),
        after: apply(&doc.text, &edits),
        fixed: edits.len(),
        encoding: doc.encoding,
    })
}

/// The replacement for one finding, when it is safe.
fn edit_for(
    doc: &Document,
    verbatim: &Verbatim<'_>,
    finding: &Finding,
    glossary: &Glossary,
) -> Option<Edit> {
    let found = doc.text.get(finding.span.clone())?;
    // A name broken over lines may sit in a table or a wrapped string; and
    // keeping line counts lets the patch stay line for line.
    if found.contains(['\n', '\r']) || finding.expected.contains(['\n', '\r']) {
        return None;
    }
    if !verbatim.holds(&finding.span) {
        return None;
    }
    let text = match finding.rule {
        Rule::Forbidden | Rule::Untranslated => {
            let concept = glossary.concepts.iter().find(|c| c.id == finding.concept)?;
            renamed(concept, found, finding)?
        }
        Rule::Case => recased(found, &finding.expected)?,
        _ => return None,
    };
    (text != found).then(|| Edit {
        span: finding.span.clone(),
        text,
    })
}

/// Folded for comparing forms: case and white space aside.
fn folded(text: &str) -> String {
    fold_str(text, FoldOptions { case: true })
}

/// The expected form for a forbidden or untranslated `found`, when safe.
fn renamed(concept: &Concept, found: &str, finding: &Finding) -> Option<String> {
    let found_folded = folded(found);
    if forms(concept).any(|(_, form)| folded(form) == found_folded) {
        return Some(finding.expected.clone());
    }
    inflected(concept, found, finding)
}

/// Every glossary form of `concept` with its language.
fn forms(concept: &Concept) -> impl Iterator<Item = (&LangTag, &str)> {
    concept.entries.iter().flat_map(|e| {
        e.official
            .iter()
            .chain(&e.variants)
            .map(move |f| (&e.lang, f.as_str()))
    })
}

/// `found` as a form of the text's own language plus an ending, moved onto
/// the expected form when its last word takes the same ending: a one-word
/// form (`Kulturindustrie Parks` → `Kulturindustrieparks`), or any form in
/// a language that inflects only a name's last word (Turkish `Maliye
/// Bakanlığının` → `Hazine ve Maliye Bakanlığının`). An ending from another
/// language, or one that would have to move to another word of the
/// expected form (the German genitive of `Ministerium für Kultur und
/// Tourismus` falls on `Ministeriums`), is left alone, and so is an ending
/// in capitals after an expected form that does not end in one
/// (`MALİYE BAKANLIĞINA`): how to write it small depends on the language.
fn inflected(concept: &Concept, found: &str, finding: &Finding) -> Option<String> {
    let lang = LangTag::parse(&finding.language).ok()?;
    let expected = &finding.expected;
    let last_word = match expected.rsplit_once(char::is_whitespace) {
        Some((_, last)) if inflects_last_word_only(lang.primary()) => last,
        Some(_) => return None,
        None => expected.as_str(),
    };
    // An ending in capitals goes only onto a form that ends in one.
    let fits = |ending: &str| {
        !ending.chars().any(char::is_uppercase)
            || expected.chars().last().is_some_and(char::is_uppercase)
    };
    forms(concept)
        .filter(|(form_lang, _)| form_lang.primary() == lang.primary())
        .find_map(|(_, form)| {
            if let Some(ending) = ending_after(found, form) {
                return (fits(ending) && takes_ending(&lang, last_word, ending))
                    .then(|| format!("{expected}{ending}"));
            }
            let rest = changed_ending(&lang, found, form)?;
            let head = &expected[..expected.len() - last_word.len()];
            fits(rest)
                .then(|| with_changed_ending(&lang, last_word, rest))
                .flatten()
                .map(|word| format!("{head}{word}"))
        })
}

/// The end of `found` after `form`, as written, when `found` is `form`
/// plus a non-empty ending (compared folded).
fn ending_after<'f>(found: &'f str, form: &str) -> Option<&'f str> {
    boundary_after(found, &folded(form)).map(|at| &found[at..])
}

/// The first place inside `text` (after its first character) where the
/// text before it folds to `prefix`.
fn boundary_after(text: &str, prefix: &str) -> Option<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .find(|&i| folded(&text[..i]) == prefix)
}

/// `found` as `form` whose last word changed before its ending, by the
/// language's rules (Hungarian `Akadémia`, `Akadémián`): the rest of
/// `found`, as written, after the form's other words and that word's stem
/// (`án`).
fn changed_ending<'f>(lang: &LangTag, found: &'f str, form: &str) -> Option<&'f str> {
    let last = form.rsplit(char::is_whitespace).next()?;
    let word = folded(last);
    let pattern = word_pattern(lang, &word, WordPlace { is_last: true })?;
    if pattern.stem.len() == word.len() {
        return None;
    }
    let prefix = folded(&form[..form.len() - last.len()]) + &pattern.stem;
    let rest = &found[boundary_after(found, &prefix)?..];
    let reading = folded(rest);
    let inflected =
        pattern.endings.contains(&reading.as_str()) && reading != word[pattern.stem.len()..];
    inflected.then_some(rest)
}

/// `word` with its end changed as the language's rules change it before
/// `rest` (`Akadémia` and `án`: `Akadémián`), when they allow `rest`.
fn with_changed_ending(lang: &LangTag, word: &str, rest: &str) -> Option<String> {
    let pattern = word_pattern(lang, &folded(word), WordPlace { is_last: true })?;
    if !pattern.endings.contains(&folded(rest).as_str()) {
        return None;
    }
    let stem_end = boundary_after(word, &pattern.stem)?;
    Some(format!("{}{rest}", &word[..stem_end]))
}

/// Whether the language's rules let `word` carry `ending` as well.
fn takes_ending(lang: &LangTag, word: &str, ending: &str) -> bool {
    let word = folded(word);
    let reading = format!("{word}{}", folded(ending));
    let place = WordPlace { is_last: true };
    word_pattern(lang, &word, place).is_some_and(|p| {
        p.endings
            .iter()
            .any(|e| format!("{}{e}", p.stem) == reading)
    })
}

/// The expected form for a `case` finding that differs in capitals only;
/// an inflected one (`Icifs`) is left alone.
fn recased(found: &str, expected: &str) -> Option<String> {
    (folded(found) == folded(expected)).then(|| expected.to_owned())
}

/// The edits, sorted by position, with any that overlaps an earlier one
/// dropped: one stretch of text is replaced once.
fn without_overlaps(edits: Vec<Edit>) -> Vec<Edit> {
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        if kept
            .last()
            .is_none_or(|last| last.span.end <= edit.span.start)
        {
            kept.push(edit);
        }
    }
    kept
}

/// `text` with `edits` (sorted, not overlapping) made.
/// The edits whose new text the file's format reads back as written.
///
/// The changed text is read again with the file's reader; an edit stays
/// when the reader's text at its new place is the very bytes written
/// there. When the changed file does not read at all (a raw `&` in XML, a
/// `"` closing a PO string early), each edit is tried alone.
fn read_back(doc: &Document, mut edits: Vec<Edit>, read: &ReadOptions) -> Vec<Edit> {
    while !edits.is_empty() {
        let kept: Vec<Edit> = match reread(doc, &edits, read) {
            Some(new_doc) => {
                let verbatim = Verbatim::new(&new_doc);
                let spans = new_spans(&edits);
                edits
                    .iter()
                    .zip(spans)
                    .filter(|(_, span)| verbatim.holds(span))
                    .map(|(edit, _)| edit.clone())
                    .collect()
            }
            None => edits
                .iter()
                .filter(|edit| {
                    let alone = std::slice::from_ref(*edit);
                    reread(doc, alone, read)
                        .is_some_and(|new_doc| Verbatim::new(&new_doc).holds(&new_spans(alone)[0]))
                })
                .cloned()
                .collect(),
        };
        if kept.len() == edits.len() {
            return edits;
        }
        edits = kept;
    }
    edits
}

/// The document's text with `edits` made, read again as its format.
fn reread(doc: &Document, edits: &[Edit], read: &ReadOptions) -> Option<Document> {
    let text = apply(&doc.text, edits);
    let parsed = formats::read(doc.format, &text, read).ok()?;
    Some(Document::with_segments(
        doc.path.clone(),
        text,
        doc.lang.clone(),
        parsed.segments,
    ))
}

/// Where each edit's text stands once every edit is made.
fn new_spans(edits: &[Edit]) -> Vec<Range<usize>> {
    let mut shift: isize = 0;
    edits
        .iter()
        .map(|edit| {
            let start = edit
                .span
                .start
                .checked_add_signed(shift)
                .expect("edits in order");
            shift += edit.text.len() as isize - edit.span.len() as isize;
            start..start + edit.text.len()
        })
        .collect()
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.text);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> LangTag {
        LangTag::parse("de").expect("valid tag")
    }

    #[test]
    fn ending_after_form_is_kept_as_written() {
        assert_eq!(
            ending_after("Kulturindustrie Parks", "Kulturindustrie Park"),
            Some("s")
        );
        assert_eq!(
            ending_after("Kulturindustrie Park", "Kulturindustrie Park"),
            None
        );
        assert_eq!(ending_after("Parkhaus", "Museum"), None);
    }

    #[test]
    fn one_word_german_noun_takes_genitive_s() {
        assert!(takes_ending(&de(), "Kulturindustriepark", "s"));
        assert!(!takes_ending(&de(), "Kulturindustriepark", "xyz"));
    }

    #[test]
    fn last_word_languages_take_the_case_ending_in_harmony() {
        let tr = LangTag::parse("tr").expect("valid tag");
        assert!(takes_ending(&tr, "Bakanlığı", "nın"));
        assert!(takes_ending(&tr, "Kurumu", "nda"));
        assert!(!takes_ending(&tr, "Kurumu", "nde"));
        assert!(inflects_last_word_only("tr") && !inflects_last_word_only("de"));
        let hu = LangTag::parse("hu").expect("valid tag");
        assert!(inflects_last_word_only("hu") && inflects_last_word_only("fi"));
        assert!(takes_ending(&hu, "Bank", "kal"));
        assert!(!takes_ending(&hu, "Hivatal", "mal"));
        // A last `a` lengthens before the ending.
        let changed = |found, form| changed_ending(&hu, found, form);
        assert_eq!(changed("Akadémián", "Akadémia"), Some("án"));
        assert_eq!(
            changed("Tudományos AKADÉMIÁVAL", "Tudományos Akadémia"),
            Some("ÁVAL")
        );
        assert_eq!(changed("Akadémiaban", "Akadémia"), None);
        assert_eq!(changed("Bankban", "Bank"), None);
        assert_eq!(
            with_changed_ending(&hu, "Akadémia", "ának").as_deref(),
            Some("Akadémiának")
        );
        assert_eq!(with_changed_ending(&hu, "Bank", "án"), None);
    }

    #[test]
    fn case_fix_needs_same_letters() {
        assert_eq!(recased("Icif", "ICIF"), Some("ICIF".to_owned()));
        assert_eq!(recased("Icifs", "ICIF"), None);
    }

    #[test]
    fn overlapping_edits_are_made_once() {
        let edit = |span: Range<usize>| Edit {
            span,
            text: "x".to_owned(),
        };
        let kept = without_overlaps(vec![edit(0..4), edit(2..6), edit(6..8)]);
        assert_eq!(kept, vec![edit(0..4), edit(6..8)]);
    }

    #[test]
    fn edits_replace_their_spans_in_order() {
        let edits = [
            Edit {
                span: 0..1,
                text: "AAA".to_owned(),
            },
            Edit {
                span: 2..3,
                text: String::new(),
            },
        ];
        assert_eq!(apply("a-b-c", &edits), "AAA--c");
    }
}
