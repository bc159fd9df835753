//! The regular expressions of a glossary's `patterns:`: run by the `regex`
//! crate (linear time) whenever it accepts them, and by `fancy-regex`
//! (backtracking) only for the lookaround and backreferences `regex` cannot
//! run, as Vale rules and prh dictionaries use them.

use std::ops::Range;

/// Steps one backtracking search may take before it gives up; a search
/// that gives up finds nothing there (a pathological pattern cannot hang
/// a check).
const BACKTRACK_LIMIT: usize = 100_000;

/// One compiled pattern.
#[derive(Debug, Clone)]
pub enum RegexPattern {
    /// Accepted by the `regex` crate.
    Linear(regex::Regex),
    /// Needs lookaround or backreferences.
    Backtracking(Box<fancy_regex::Regex>),
}

impl RegexPattern {
    /// Compiles `source`; the error is one line, fit for a message.
    pub fn new(source: &str) -> Result<RegexPattern, String> {
        let linear_error = match regex::Regex::new(source) {
            Ok(regex) => return Ok(RegexPattern::Linear(regex)),
            Err(error) => error,
        };
        let mut builder = fancy_regex::RegexBuilder::new(source);
        builder.backtrack_limit(BACKTRACK_LIMIT);
        match builder.build() {
            Ok(regex) => Ok(RegexPattern::Backtracking(Box::new(regex))),
            // A syntax error is best told by `regex`, whose messages name
            // the problem; fancy-regex's are terser.
            Err(fancy_regex::Error::ParseError(..)) => Err(one_line(&linear_error.to_string())),
            Err(error) => Err(one_line(&error.to_string())),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        match self {
            RegexPattern::Linear(regex) => regex.as_str(),
            RegexPattern::Backtracking(regex) => regex.as_str(),
        }
    }

    /// Whether a `RegexSet` can pre-filter this pattern.
    pub fn is_linear(&self) -> bool {
        matches!(self, RegexPattern::Linear(_))
    }

    /// The first match in `text` starting at or after `pos`; lookaround
    /// sees the whole of `text`.
    pub fn find_at(&self, text: &str, pos: usize) -> Option<Range<usize>> {
        match self {
            RegexPattern::Linear(regex) => regex.find_at(text, pos).map(|m| m.range()),
            RegexPattern::Backtracking(regex) => regex
                .find_from_pos(text, pos)
                .ok()
                .flatten()
                .map(|m| m.start()..m.end()),
        }
    }

    /// Every non-overlapping match in `text`, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let Some(span) = self.find_at(text, pos) else {
                break;
            };
            pos = if span.is_empty() {
                next_char(text, span.end)
            } else {
                span.end
            };
            spans.push(span);
        }
        spans
    }
}

/// The byte after the character at `pos` (one past the end at the end).
fn next_char(text: &str, pos: usize) -> usize {
    text[pos..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| pos + c.len_utf8())
}

/// The one-line reason of a regex error (the `regex` crate's full text
/// draws a caret diagram over several lines).
fn one_line(text: &str) -> String {
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(text.lines().next().unwrap_or(text))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_syntax_runs_in_linear_time() {
        let pattern = RegexPattern::new("colou?r").expect("compiles");
        assert!(pattern.is_linear());
        assert_eq!(pattern.find_all("color colour"), vec![0..5, 6..12]);
    }

    #[test]
    fn negative_lookahead_is_honoured() {
        let pattern = RegexPattern::new("web(?!pack)").expect("compiles");
        assert!(!pattern.is_linear());
        assert_eq!(pattern.find_all("webpack web"), vec![8..11]);
    }

    #[test]
    fn lookbehind_sees_text_before_the_start_position() {
        let pattern = RegexPattern::new("(?<=a)b").expect("compiles");
        assert_eq!(pattern.find_at("ab", 1), Some(1..2));
    }

    #[test]
    fn syntax_error_is_one_line() {
        let error = RegexPattern::new("a(b").expect_err("unclosed group");
        assert!(!error.contains('\n'), "{error}");
        assert!(error.contains("unclosed group"), "{error}");
    }

    #[test]
    fn empty_matches_end() {
        let pattern = RegexPattern::new("x*").expect("compiles");
        assert_eq!(pattern.find_all("ab").len(), 3);
    }
}
