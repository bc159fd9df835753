//! CSV and TSV interchange: a header row of language codes (plus `id`,
//! `note`, `dnt` and `<lang>-variants` columns) with one concept per row,
//! or one source/target pair per row (the TICO-19 layout). Import reads any
//! encoding [`super::encoding`] decodes; export writes UTF-8 RFC 4180.

mod export;
mod header;
mod parse;
mod rows;

pub use export::export;

use super::encoding::decode;
use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use parse::Field;
use std::path::{Path, PathBuf};

/// A problem at a line and column of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Located {
    line: usize,
    col: usize,
    message: String,
}

impl Located {
    fn at(field: &Field, message: String) -> Located {
        Located {
            line: field.line,
            col: field.col,
            message,
        }
    }

    fn into_import_error(self, path: &Path) -> ImportError {
        let at = format!("{}:{}:{}", path.display(), self.line, self.col);
        ImportError {
            path: PathBuf::from(at),
            message: self.message,
        }
    }
}

/// Reads a CSV or TSV file into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    let error = |message: String| ImportError {
        path: path.to_path_buf(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read the file: {e}")))?;
    let text = decode(&bytes, options.encoding.as_deref())
        .map_err(|e| error(e.to_string()))?
        .text;
    if text.contains('\0') {
        return Err(error(
            "the file looks like UTF-16 without a byte-order mark; pass --encoding utf-16"
                .to_string(),
        ));
    }
    import_text(path, &text).map_err(|located| located.into_import_error(path))
}

/// Parses decoded text into a glossary whose path is `path`.
fn import_text(path: &Path, text: &str) -> Result<Glossary, Located> {
    let records = parse::records(text, delimiter(path, text)).map_err(|e| Located {
        line: e.line,
        col: e.col,
        message: e.message,
    })?;
    let Some((header, body)) = records.split_first() else {
        return Ok(rows::glossary(path, Vec::new(), None));
    };
    let roles = header::roles(header)?;
    let (concepts, source) = rows::concepts(&roles, body, delimiter(path, text))?;
    Ok(rows::glossary(path, concepts, source))
}

/// `.tsv` and `.tab` files are tab-separated; otherwise the header line
/// decides: tabs, else `;` when it has more of them than `,` (spreadsheets
/// in locales with a decimal comma), else `,`.
fn delimiter(path: &Path, text: &str) -> char {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("tsv" | "tab")) {
        return '\t';
    }
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    if count('\t') > 0 {
        '\t'
    } else if count(';') > count(',') {
        ';'
    } else {
        ','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_comes_from_extension_then_header() {
        assert_eq!(delimiter(Path::new("a.tsv"), "en,de"), '\t');
        assert_eq!(delimiter(Path::new("a.csv"), "en\tde"), '\t');
        assert_eq!(delimiter(Path::new("a.csv"), "en;de;fr,x"), ';');
        assert_eq!(delimiter(Path::new("a.txt"), "en,de;x"), ',');
    }
}
