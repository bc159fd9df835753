//! Rows to concepts: each row with at least one form becomes a concept
//! whose id is the `id` cell or the first official form made into an id.

use super::header::Role;
use super::parse::Field;
use super::Located;
use crate::glossary::{Concept, Entry, Glossary};
use crate::lang::LangTag;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// A glossary of `concepts` read from `path`.
pub(super) fn glossary(path: &Path, concepts: Vec<Concept>, source: Option<LangTag>) -> Glossary {
    Glossary {
        path: path.to_path_buf(),
        source_language: source,
        rules: BTreeMap::new(),
        concepts,
    }
}

/// A row read, before its id is settled.
#[derive(Default)]
struct Draft {
    id: Option<String>,
    notes: Vec<String>,
    dnt: bool,
    entries: Vec<Entry>,
    /// The source language of a source/target row.
    source: Option<LangTag>,
}

/// The concepts of `body`, and the source language when every
/// source/target row names the same one.
pub(super) fn concepts(
    roles: &[Role],
    body: &[Vec<Field>],
    delimiter: char,
) -> Result<(Vec<Concept>, Option<LangTag>), Located> {
    let mut drafts = Vec::new();
    for record in body {
        let cells = fit(record, roles.len(), delimiter);
        let draft = draft(roles, &cells)?;
        if !draft.entries.is_empty() {
            drafts.push(draft);
        }
    }
    let source = common_source(&drafts);
    Ok((finish(drafts), source))
}

/// Pads a short row with empty cells; a long row keeps its extra fields in
/// its last cell, joined by the delimiter (exports that leave a delimiter
/// in the last field unquoted, as some TICO-19 files do).
fn fit(record: &[Field], width: usize, delimiter: char) -> Vec<Field> {
    let mut cells: Vec<Field> = record.iter().take(width).cloned().collect();
    if let Some(last) = cells.last_mut().filter(|_| record.len() > width) {
        for extra in &record[width..] {
            last.text.push(delimiter);
            last.text.push_str(&extra.text);
        }
    }
    let end = record.last().map_or((0, 0), |f| (f.line, f.col));
    while cells.len() < width {
        cells.push(Field {
            text: String::new(),
            line: end.0,
            col: end.1,
        });
    }
    cells
}

fn draft(roles: &[Role], cells: &[Field]) -> Result<Draft, Located> {
    let mut draft = Draft::default();
    let mut pairs: [(Option<&Field>, Option<&Field>); 2] = [(None, None), (None, None)];
    let mut variants = Vec::new();
    for (role, cell) in roles.iter().zip(cells) {
        let text = cell.text.trim();
        match role {
            Role::Id if !text.is_empty() => draft.id = Some(text.to_string()),
            Role::Note if !text.is_empty() => draft.notes.push(text.to_string()),
            Role::Dnt => draft.dnt = flag(cell)?,
            Role::Forms(lang) => add_forms(&mut draft.entries, lang, split(text, &['|'])),
            Role::Variants(lang) => variants.push((lang, cell)),
            Role::PairLang(side) => pairs[*side].0 = Some(cell),
            Role::PairForms(side) => pairs[*side].1 = Some(cell),
            Role::Id | Role::Note | Role::Ignore => {}
        }
    }
    for (side, (lang, forms)) in pairs.into_iter().enumerate() {
        pair(&mut draft, side, lang, forms)?;
    }
    for (lang, cell) in variants {
        add_variants(&mut draft.entries, lang, cell)?;
    }
    Ok(draft)
}

/// Forms separated by any of `separators`, trimmed, empty ones dropped.
fn split(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators)
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect()
}

fn add_forms(entries: &mut Vec<Entry>, lang: &LangTag, forms: Vec<String>) {
    if forms.is_empty() {
        return;
    }
    if let Some(entry) = entries.iter_mut().find(|e| &e.lang == lang) {
        for form in forms {
            if !entry.official.contains(&form) {
                entry.official.push(form);
            }
        }
        return;
    }
    entries.push(Entry {
        lang: lang.clone(),
        official: forms,
        variants: Vec::new(),
        case_sensitive: false,
        inflect: true,
        patterns: Vec::new(),
    });
}

/// Variants are `|`-separated, or `;`-separated when the cell has no `|`.
fn add_variants(entries: &mut [Entry], lang: &LangTag, cell: &Field) -> Result<(), Located> {
    let separator = if cell.text.contains('|') { '|' } else { ';' };
    let forms = split(&cell.text, &[separator]);
    if forms.is_empty() {
        return Ok(());
    }
    let Some(entry) = entries.iter_mut().find(|e| &e.lang == lang) else {
        let message =
            format!("variants of `{lang}` but no `{lang}` form in this row; add the official form");
        return Err(Located::at(cell, message));
    };
    entry.variants.extend(forms);
    Ok(())
}

/// One side of a source/target row: its language cell names the language
/// of its forms cell.
fn pair(
    draft: &mut Draft,
    side: usize,
    lang: Option<&Field>,
    forms: Option<&Field>,
) -> Result<(), Located> {
    let (Some(lang), Some(forms)) = (lang, forms) else {
        return Ok(());
    };
    let official = split(forms.text.trim(), &['|']);
    if official.is_empty() {
        return Ok(());
    }
    let tag = LangTag::parse(lang.text.trim()).map_err(|e| {
        let message = format!("{e}; write the language of `{}` here", forms.text.trim());
        Located::at(lang, message)
    })?;
    if side == 0 {
        draft.source = Some(tag.clone());
    }
    add_forms(&mut draft.entries, &tag, official);
    Ok(())
}

fn flag(cell: &Field) -> Result<bool, Located> {
    match cell.text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "x" | "true" | "1" => Ok(true),
        other => {
            let message = format!("`dnt` is `{other}`; write `yes` or leave the cell empty");
            Err(Located::at(cell, message))
        }
    }
}

fn common_source(drafts: &[Draft]) -> Option<LangTag> {
    let first = drafts.first()?.source.clone()?;
    drafts
        .iter()
        .all(|d| d.source.as_ref() == Some(&first))
        .then_some(first)
}

/// Settles ids: kept when valid, else made from the id cell or the first
/// official form, then made unique with `-2`, `-3`, ….
fn finish(drafts: Vec<Draft>) -> Vec<Concept> {
    let mut used = HashSet::new();
    drafts
        .into_iter()
        .map(|draft| {
            let id = unique(&mut used, base_id(&draft));
            Concept {
                id,
                note: (!draft.notes.is_empty()).then(|| draft.notes.join("\n")),
                dnt: draft.dnt,
                entries: draft.entries,
                examples: Vec::new(),
            }
        })
        .collect()
}

fn base_id(draft: &Draft) -> String {
    let valid = |id: &&String| id.chars().all(allowed);
    if let Some(id) = draft.id.as_ref().filter(valid) {
        return id.clone();
    }
    let first = draft.entries.first().and_then(|e| e.official.first());
    let made = slug(draft.id.as_ref().or(first).map_or("", String::as_str));
    if made.is_empty() {
        "concept".to_string()
    } else {
        made
    }
}

fn allowed(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '.' | '_' | '-')
}

/// Lowercase; other characters become `-`, runs of `-` one, none at the ends.
fn slug(text: &str) -> String {
    let mapped: String = text
        .to_lowercase()
        .chars()
        .map(|c| if allowed(c) { c } else { '-' })
        .collect();
    mapped
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn unique(used: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_keeps_letters_digits_and_joins_the_rest() {
        assert_eq!(slug("European Commission"), "european-commission");
        assert_eq!(slug("  C++ / Rust "), "c-rust");
        assert_eq!(slug("東京"), "");
    }

    #[test]
    fn ids_are_made_unique() {
        let mut used = HashSet::new();
        let ids: Vec<String> = ["a", "a", "a"]
            .iter()
            .map(|b| unique(&mut used, (*b).to_string()))
            .collect();
        assert_eq!(ids, vec!["a", "a-2", "a-3"]);
    }

    #[test]
    fn dnt_accepts_yes_and_empty() {
        let cell = |text: &str| Field {
            text: text.to_string(),
            line: 2,
            col: 3,
        };
        assert_eq!(flag(&cell("Yes")), Ok(true));
        assert_eq!(flag(&cell("")), Ok(false));
        assert!(flag(&cell("maybe")).is_err());
    }
}
