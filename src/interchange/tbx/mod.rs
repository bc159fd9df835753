//! TBX interchange (TermBase eXchange, ISO 30042): import of TBX-Basic,
//! TBX-Core and TBX-Min files in versions 2 (`martif`) and 3 (`tbx`) into
//! a glossary, and export of a glossary as TBX-Basic v3.

mod build;
mod read;
mod status;
mod write;

use super::encoding;
use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Reads a TBX file into a glossary: its encoding is detected unless
/// named, terms become official forms or variants by their status, and
/// languages without an accepted term are left out.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    import_noted(path, options).map(|(glossary, _)| glossary)
}

/// Reads a TBX file into a glossary, with a note for each term left out.
pub fn import_noted(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Glossary, Vec<String>), ImportError> {
    let bytes =
        std::fs::read(path).map_err(|e| error(path, format!("cannot read the file: {e}")))?;
    let decoded = encoding::decode(&bytes, options.encoding.as_deref())
        .map_err(|e| error(path, e.to_string()))?;
    import_str_noted(path, &decoded.text)
}

/// Reads TBX `text`, found at `path`, into a glossary.
pub fn import_str(path: &Path, text: &str) -> Result<Glossary, ImportError> {
    import_str_noted(path, text).map(|(glossary, _)| glossary)
}

fn import_str_noted(path: &Path, text: &str) -> Result<(Glossary, Vec<String>), ImportError> {
    let records = read::read(text).map_err(|e| ImportError {
        path: e
            .offset
            .map_or_else(|| path.to_path_buf(), |at| located(path, text, at)),
        message: e.message,
    })?;
    let (concepts, notes) = build::concepts(records);
    let glossary = Glossary {
        path: path.to_path_buf(),
        source_language: None,
        rules: BTreeMap::new(),
        concepts,
    };
    Ok((glossary, notes))
}

/// Writes `glossary` as TBX-Basic v3.
pub fn export(glossary: &Glossary) -> String {
    write::document(glossary)
}

fn error(path: &Path, message: String) -> ImportError {
    ImportError {
        path: path.to_path_buf(),
        message,
    }
}

/// `path:line:column` of byte `offset` in `text` (1-based; CR, LF and
/// CRLF each end a line, as the SDL sample mixes them).
fn located(path: &Path, text: &str, offset: usize) -> PathBuf {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let mut line = 1;
    let mut column = 1;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        if crlf {
            continue;
        }
        if c == '\n' || c == '\r' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    PathBuf::from(format!("{}:{line}:{column}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &str) -> Result<Glossary, ImportError> {
        import_str(Path::new("t.tbx"), text)
    }

    #[test]
    fn malformed_xml_names_line_and_column() {
        let err = import("<martif>\r\n<text>\n  <body></text>").expect_err("malformed");
        assert!(err.to_string().starts_with("t.tbx:3:"), "{err}");
    }

    #[test]
    fn malformed_xml_over_many_lines_is_named_on_one_short_line() {
        let broken = format!(
            "<martif><text><body></body\n{}\n></text></martif>",
            "x ".repeat(500)
        );
        let err = import(&broken).expect_err("malformed").to_string();
        assert!(err.starts_with("t.tbx:"), "{err}");
        assert!(!err.contains('\n'), "{err}");
        assert!(err.chars().count() < 200, "{err}");
    }

    #[test]
    fn a_file_that_is_not_tbx_is_refused() {
        let err = import("en,de\nHouse,Haus\n").expect_err("not TBX");
        assert!(err.message.contains("not a TBX file"), "{err}");
    }

    #[test]
    fn tbx_v3_with_prefixed_namespace_reads() {
        let g = import(
            r#"<t:tbx xmlns:t="urn:iso:std:iso:30042:ed-2"><t:text><t:body>
            <t:conceptEntry id="X1"><t:langSec xml:lang="EN-us"><t:termSec>
            <t:term>A &amp; B</t:term>
            <t:termNote type="administrativeStatus">admittedTerm-admn-sts</t:termNote>
            </t:termSec></t:langSec></t:conceptEntry></t:body></t:text></t:tbx>"#,
        )
        .expect("valid TBX");
        let c = &g.concepts[0];
        assert_eq!(c.id, "x1");
        assert_eq!(c.entries[0].lang.as_str(), "en-US");
        assert_eq!(c.entries[0].official, ["A & B"]);
    }
}
