//! RFC 4180 records with the line and column of every field, so errors can
//! point at the cell. Written by hand rather than with the `csv` crate
//! because that crate reports positions per record, not per field.

/// One cell and where it starts (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    /// The cell's text, quotes removed and `""` undoubled.
    pub text: String,
    /// Line of the cell's first character.
    pub line: usize,
    /// Column of the cell's first character.
    pub col: usize,
}

/// A malformed record, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// Splits `text` into records of fields separated by `delimiter`.
/// Line ends may be `\n`, `\r\n` or a lone `\r`; quoted fields may hold
/// delimiters, doubled quotes and line breaks. Blank lines are dropped.
pub(super) fn records(text: &str, delimiter: char) -> Result<Vec<Vec<Field>>, ParseError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = Reader {
        chars: text.chars().peekable(),
        line: 1,
        col: 1,
        delimiter,
    };
    let mut records = Vec::new();
    while reader.chars.peek().is_some() {
        let record = reader.record()?;
        if !(record.len() == 1 && record[0].text.is_empty()) {
            records.push(record);
        }
    }
    Ok(records)
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
    delimiter: char,
}

impl Reader<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Reads fields up to and including the end of the line.
    fn record(&mut self) -> Result<Vec<Field>, ParseError> {
        let mut fields = Vec::new();
        loop {
            fields.push(self.field()?);
            match self.bump() {
                Some(c) if c == self.delimiter => continue,
                _ => return Ok(fields),
            }
        }
    }

    /// Reads one field, leaving the delimiter or line end unread.
    fn field(&mut self) -> Result<Field, ParseError> {
        let (line, col) = (self.line, self.col);
        let text = if self.chars.peek() == Some(&'"') {
            self.quoted()?
        } else {
            self.unquoted()
        };
        Ok(Field { text, line, col })
    }

    fn unquoted(&mut self) -> String {
        let mut text = String::new();
        while let Some(&c) = self.chars.peek() {
            if c == self.delimiter || c == '\n' {
                break;
            }
            text.push(c);
            self.bump();
        }
        text
    }

    fn quoted(&mut self) -> Result<String, ParseError> {
        let (line, col) = (self.line, self.col);
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump() {
                None => return Err(unclosed(line, col)),
                Some('"') if self.chars.peek() == Some(&'"') => {
                    self.bump();
                    text.push('"');
                }
                Some('"') => break,
                Some(c) => text.push(c),
            }
        }
        self.after_closing_quote()?;
        Ok(text)
    }

    /// Only the delimiter, a line end or the end of the file may follow a
    /// closing quote (RFC 4180 §2.7); trailing spaces are let through.
    fn after_closing_quote(&mut self) -> Result<(), ParseError> {
        while self.chars.peek() == Some(&' ') {
            self.bump();
        }
        match self.chars.peek() {
            None | Some('\n') => Ok(()),
            Some(&c) if c == self.delimiter => Ok(()),
            Some(_) => Err(ParseError {
                line: self.line,
                col: self.col,
                message: "text after the closing quote of a quoted field; write a quote inside \
                          a quoted field as two quotes (`\"\"`)"
                    .to_string(),
            }),
        }
    }
}

fn unclosed(line: usize, col: usize) -> ParseError {
    ParseError {
        line,
        col,
        message: "quoted field is never closed; add the closing quote `\"`".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, delimiter: char) -> Vec<Vec<String>> {
        records(text, delimiter)
            .expect("parses")
            .into_iter()
            .map(|r| r.into_iter().map(|f| f.text).collect())
            .collect()
    }

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_newlines() {
        let got = texts("en,de\n\"a, b\",\"say \"\"hi\"\"\nthere\"\r\nc,d", ',');
        assert_eq!(
            got,
            vec![
                vec!["en", "de"],
                vec!["a, b", "say \"hi\"\nthere"],
                vec!["c", "d"]
            ]
        );
    }

    #[test]
    fn fields_know_their_line_and_column() {
        let recs = records("en;de\r\n\r\nRat;\"Conseil\"", ';').expect("parses");
        let at: Vec<(usize, usize)> = recs[1].iter().map(|f| (f.line, f.col)).collect();
        assert_eq!(at, vec![(3, 1), (3, 5)]);
    }

    #[test]
    fn unclosed_quote_points_at_the_opening_quote() {
        let error = records("en\n\"open", ',').expect_err("unclosed");
        assert_eq!((error.line, error.col), (2, 1));
    }

    #[test]
    fn text_after_closing_quote_is_refused() {
        let error = records("\"a\"b,c", ',').expect_err("stray text");
        assert_eq!((error.line, error.col), (1, 4));
    }
}
