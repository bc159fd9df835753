//! What each header cell means: a language, its variants, the concept id,
//! a note, the do-not-translate flag, or one side of a source/target pair
//! (the TICO-19 layout `sourceLang,targetLang,sourceString,targetString`).

use super::parse::Field;
use super::Located;
use crate::lang::LangTag;

/// The meaning of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Role {
    /// The concept id.
    Id,
    /// Free text for the concept's note.
    Note,
    /// The do-not-translate flag.
    Dnt,
    /// Read and left out (part of speech).
    Ignore,
    /// Official forms in a language, `|`-separated.
    Forms(LangTag),
    /// Variants in a language, `|`- or `;`-separated.
    Variants(LangTag),
    /// The language of side `0` (source) or `1` (target), per row.
    PairLang(usize),
    /// The forms of side `0` (source) or `1` (target), per row.
    PairForms(usize),
}

/// The roles of the header's cells, in order.
pub(super) fn roles(header: &[Field]) -> Result<Vec<Role>, Located> {
    let pair = is_pair_layout(header);
    let mut roles = Vec::with_capacity(header.len());
    for (i, cell) in header.iter().enumerate() {
        let role = role(cell, pair).ok_or_else(|| unknown(i, cell))?;
        if let Some(earlier) = roles.iter().position(|r| r == &role && r != &Role::Ignore) {
            return Err(twice(earlier, cell));
        }
        roles.push(role);
    }
    check_variants(header, &roles)?;
    Ok(roles)
}

fn key(cell: &Field) -> String {
    cell.text.trim().to_lowercase()
}

/// TICO-19 and similar exports: one row per language pair.
fn is_pair_layout(header: &[Field]) -> bool {
    let keys: Vec<String> = header.iter().map(key).collect();
    ["sourcelang", "targetlang", "sourcestring", "targetstring"]
        .iter()
        .all(|k| keys.iter().any(|key| key == k))
}

fn role(cell: &Field, pair: bool) -> Option<Role> {
    let key = key(cell);
    if let Some(role) = special(&key, pair) {
        return Some(role);
    }
    if let Some(lang) = variants_of(&key) {
        return LangTag::parse(lang).ok().map(Role::Variants);
    }
    LangTag::parse(cell.text.trim()).ok().map(Role::Forms)
}

// `id` is also the code of Indonesian; as a header it means the concept id
// (write Indonesian as `id-ID`). `dnt` and `pos` would parse as tags too.
fn special(key: &str, pair: bool) -> Option<Role> {
    match key {
        "id" | "stringid" => Some(Role::Id),
        "note" | "notes" | "definition" | "comment" | "description" => Some(Role::Note),
        "dnt" => Some(Role::Dnt),
        "pos" if pair => Some(Role::Ignore),
        "sourcelang" if pair => Some(Role::PairLang(0)),
        "targetlang" if pair => Some(Role::PairLang(1)),
        "sourcestring" if pair => Some(Role::PairForms(0)),
        "targetstring" if pair => Some(Role::PairForms(1)),
        _ => None,
    }
}

/// `de-variants`, `de variants`, `de_variants` → `de`.
fn variants_of(key: &str) -> Option<&str> {
    let lang = key.strip_suffix("variants")?;
    lang.strip_suffix(['-', ' ', '_']).map(str::trim)
}

/// Every variants column needs its language's column.
fn check_variants(header: &[Field], roles: &[Role]) -> Result<(), Located> {
    for (cell, role) in header.iter().zip(roles) {
        if let Role::Variants(lang) = role {
            if !roles.contains(&Role::Forms(lang.clone())) {
                let message = format!(
                    "column `{}` lists variants of `{lang}` but there is no `{lang}` column; \
                     add a `{lang}` column with the official forms",
                    cell.text.trim()
                );
                return Err(Located::at(cell, message));
            }
        }
    }
    Ok(())
}

fn unknown(i: usize, cell: &Field) -> Located {
    let message = format!(
        "column {} `{}` is not a language code nor `id`, `note` or `dnt`; rename the column \
         to a language code such as `de`, or add a header row of language codes \
         (`en,de`) if the file has none",
        i + 1,
        cell.text.trim()
    );
    Located::at(cell, message)
}

fn twice(earlier: usize, cell: &Field) -> Located {
    let message = format!(
        "column `{}` repeats column {}; merge the two columns",
        cell.text.trim(),
        earlier + 1
    );
    Located::at(cell, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<Field> {
        cells
            .iter()
            .enumerate()
            .map(|(i, text)| Field {
                text: (*text).to_string(),
                line: 1,
                col: i + 1,
            })
            .collect()
    }

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).expect("tag")
    }

    #[test]
    fn languages_variants_and_special_columns() {
        let got = roles(&header(&[
            "ID",
            "EN-US",
            "zh_CN",
            "zh_CN variants",
            "Definition",
            "dnt",
        ]));
        assert_eq!(
            got.expect("roles"),
            vec![
                Role::Id,
                Role::Forms(tag("en-US")),
                Role::Forms(tag("zh-CN")),
                Role::Variants(tag("zh-CN")),
                Role::Note,
                Role::Dnt
            ]
        );
    }

    #[test]
    fn pair_layout_is_recognized() {
        let cells = [
            "stringID",
            "sourceLang",
            "targetLang",
            "pos",
            "sourceString",
            "targetString",
        ];
        let got = roles(&header(&cells)).expect("roles");
        assert_eq!(got[3], Role::Ignore);
        assert_eq!(got[5], Role::PairForms(1));
    }

    #[test]
    fn unknown_column_names_the_column_and_the_fix() {
        let error = roles(&header(&["en", "Benennung"])).expect_err("unknown");
        assert!(error.message.contains("column 2 `Benennung`"));
        assert!(error
            .message
            .contains("rename the column to a language code such as `de`"));
        assert_eq!((error.line, error.col), (1, 2));
    }

    #[test]
    fn variants_without_their_language_are_refused() {
        assert!(roles(&header(&["en", "de-variants"])).is_err());
    }

    #[test]
    fn a_language_twice_is_refused() {
        assert!(roles(&header(&["de", "DE"])).is_err());
    }
}
