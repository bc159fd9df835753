//! `termlint glossary lookup TEXT`: every concept whose forms match a text,
//! with the same folding and inflection as `check`.

use crate::check::Checker;
use crate::lang::LangTag;
use std::io::{self, Write};

/// Writes every concept whose forms occur in `text` (judged in `lang` when
/// given), with its official forms in every language, variants and note.
pub fn lookup(
    out: &mut dyn Write,
    checker: &Checker,
    text: &str,
    lang: Option<&LangTag>,
) -> io::Result<usize> {
    unimplemented!(
        "{}{}{lang:?}{}",
        checker.glossary().concepts.len(),
        text.len(),
        out.flush().is_ok()
    )
}
