//! Reading the regular expressions of Vale rules and prh dictionaries:
//! telling plain words from patterns, and rewriting a pattern for the folded
//! text termlint matches (lowercase; lookaround kept where it compiles).

use crate::fold::{fold_str, FoldOptions};
use crate::regex_pattern::RegexPattern;

/// Characters that make a regular expression more than its text.
const META: &str = ".^$*+?()[]{}|\\";

/// The text a regular expression matches when it is a plain word or phrase:
/// no metacharacters except escaped punctuation (`a\.k\.a` is `a.k.a`).
pub(in crate::interchange) fn literal(source: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let next = chars.next()?;
            if next.is_alphanumeric() {
                return None;
            }
            out.push(next);
        } else if META.contains(c) {
            return None;
        } else {
            out.push(c);
        }
    }
    (!out.trim().is_empty()).then_some(out)
}

/// The words of a top-level alternation when every branch is plain
/// (`a\.k\.a|aka`), else `None`.
pub(in crate::interchange) fn literals(source: &str) -> Option<Vec<String>> {
    split_alternation(source).into_iter().map(literal).collect()
}

/// Most texts [`expand`] lists for one expression.
const EXPANSION_LIMIT: usize = 32;

/// Every text a small finite expression matches, when it is built only of
/// plain characters, escaped punctuation, groups of alternatives, classes of
/// single characters and `?`: `(?:cell|smart) ?phone` gives four texts, kept
/// with their capitals. `None` for anything else or more than a few texts.
pub(in crate::interchange) fn expand(source: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = source.chars().collect();
    let mut pos = 0;
    let texts = alternation(&chars, &mut pos)?;
    let usable = pos == chars.len() && texts.iter().all(|t| !t.trim().is_empty());
    usable.then_some(texts)
}

fn alternation(chars: &[char], pos: &mut usize) -> Option<Vec<String>> {
    let mut all = sequence(chars, pos)?;
    while chars.get(*pos) == Some(&'|') {
        *pos += 1;
        all.extend(sequence(chars, pos)?);
    }
    (all.len() <= EXPANSION_LIMIT).then_some(all)
}

fn sequence(chars: &[char], pos: &mut usize) -> Option<Vec<String>> {
    let mut texts = vec![String::new()];
    while let Some(&c) = chars.get(*pos) {
        if c == '|' || c == ')' {
            break;
        }
        let mut options = atom(chars, pos)?;
        if chars.get(*pos) == Some(&'?') {
            *pos += 1;
            options.push(String::new());
        }
        texts = product(&texts, &options)?;
    }
    Some(texts)
}

fn product(heads: &[String], tails: &[String]) -> Option<Vec<String>> {
    if heads.len() * tails.len() > EXPANSION_LIMIT {
        return None;
    }
    Some(
        heads
            .iter()
            .flat_map(|h| tails.iter().map(move |t| format!("{h}{t}")))
            .collect(),
    )
}

fn atom(chars: &[char], pos: &mut usize) -> Option<Vec<String>> {
    let c = *chars.get(*pos)?;
    *pos += 1;
    match c {
        '\\' => {
            let next = *chars.get(*pos)?;
            *pos += 1;
            (!next.is_alphanumeric()).then(|| vec![next.to_string()])
        }
        '(' => group(chars, pos),
        '[' => class(chars, pos),
        _ if META.contains(c) => None,
        _ => Some(vec![c.to_string()]),
    }
}

/// `(…)` or `(?:…)`, after the `(`.
fn group(chars: &[char], pos: &mut usize) -> Option<Vec<String>> {
    if chars.get(*pos) == Some(&'?') {
        if chars.get(*pos + 1) != Some(&':') {
            return None;
        }
        *pos += 2;
    }
    let inner = alternation(chars, pos)?;
    if chars.get(*pos) != Some(&')') {
        return None;
    }
    *pos += 1;
    Some(inner)
}

/// `[…]` of single plain characters, after the `[`.
fn class(chars: &[char], pos: &mut usize) -> Option<Vec<String>> {
    let mut members = Vec::new();
    loop {
        let c = *chars.get(*pos)?;
        *pos += 1;
        match c {
            ']' => break,
            '\\' | '^' | '-' | '[' => return None,
            _ => members.push(c.to_string()),
        }
    }
    (!members.is_empty()).then_some(members)
}

/// The branches of `source` split at `|` outside groups and classes.
fn split_alternation(source: &str) -> Vec<&str> {
    let mut branches = Vec::new();
    let mut scan = Scanner::default();
    let mut start = 0;
    for (i, c) in source.char_indices() {
        if scan.is_top_level_bar(c) {
            branches.push(&source[start..i]);
            start = i + 1;
        }
    }
    branches.push(&source[start..]);
    branches
}

/// Tracks escapes, character classes and group depth over a pattern.
#[derive(Default)]
struct Scanner {
    escaped: bool,
    in_class: bool,
    depth: usize,
}

impl Scanner {
    /// Feeds `c`; whether it is a `|` at the top level.
    fn is_top_level_bar(&mut self, c: char) -> bool {
        if self.escaped {
            self.escaped = false;
            return false;
        }
        match c {
            '\\' => self.escaped = true,
            '[' => self.in_class = true,
            ']' => self.in_class = false,
            '(' if !self.in_class => self.depth += 1,
            ')' if !self.in_class => self.depth = self.depth.saturating_sub(1),
            '|' => return !self.in_class && self.depth == 0,
            _ => {}
        }
        false
    }
}

/// A pattern rewritten for folded text, and whether lookaround had to be
/// dropped because it did not compile (which makes it match more than the
/// original).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::interchange) struct Folded {
    /// The rewritten pattern.
    pub pattern: String,
    /// Lookaround was removed.
    pub approximated: bool,
}

/// Folds the literal characters of `source` as text is folded (escapes
/// such as `\S` and `\p{Lu}` kept). Lookaround is kept when the pattern
/// compiles with it; else the lookaround groups are removed and termlint's
/// own word boundaries stand in for the common `\b…(?=\s)` guards.
pub(in crate::interchange) fn for_folded_text(source: &str) -> Folded {
    let pattern = lowercase_literals(source);
    if RegexPattern::new(&pattern).is_ok() {
        return Folded {
            pattern,
            approximated: false,
        };
    }
    let (pattern, approximated) = drop_lookaround(source);
    Folded {
        pattern: lowercase_literals(&pattern),
        approximated,
    }
}

fn lowercase_literals(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            push_folded(&mut out, c);
            continue;
        }
        out.push(c);
        let Some(next) = chars.next() else { break };
        out.push(next);
        // `\p{Lu}`, `\x{41}`: the braced name is case-sensitive.
        if matches!(next, 'p' | 'P' | 'x' | 'u') && chars.peek() == Some(&'{') {
            for inner in chars.by_ref() {
                out.push(inner);
                if inner == '}' {
                    break;
                }
            }
        }
    }
    out
}

/// The byte range of capturing group `n` (1-based) when it is optional,
/// `(…)?`, and holds plain alternatives; with those alternatives.
pub(in crate::interchange) fn optional_group(
    source: &str,
    n: usize,
) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    let open = capturing_opens(source).into_iter().nth(n.checked_sub(1)?)?;
    let close = group_end(&source[open..], 1) + open;
    if !source[close..].starts_with('?') || source[close..].starts_with("??") {
        return None;
    }
    let words = literals(&source[open + 1..close - 1])?;
    Some((open..close + 1, words))
}

/// Where each capturing group opens, in order.
fn capturing_opens(source: &str) -> Vec<usize> {
    let mut opens = Vec::new();
    let (mut escaped, mut in_class) = (false, false);
    for (i, c) in source.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class && !source[i + 1..].starts_with('?') => opens.push(i),
            _ => {}
        }
    }
    opens
}

/// `c` as folded text has it: ASCII lowercased; anything else folded
/// (full-width `０` is `0`) and escaped, as a full-width `（` folds to a
/// metacharacter.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        let folded = fold_str(c.encode_utf8(&mut [0; 4]), FoldOptions { case: true });
        out.push_str(&regex::escape(&folded));
    }
}

const LOOKAROUND: [&str; 4] = ["(?=", "(?!", "(?<=", "(?<!"];

/// `source` without its lookaround groups, and whether there were any.
fn drop_lookaround(source: &str) -> (String, bool) {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    let mut dropped = false;
    while !rest.is_empty() {
        if let Some(open) = LOOKAROUND.iter().find(|o| rest.starts_with(**o)) {
            rest = &rest[group_end(rest, open.len())..];
            dropped = true;
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let take = if c == '\\' {
            c.len_utf8() + chars.next().map_or(0, char::len_utf8)
        } else {
            c.len_utf8()
        };
        out.push_str(&rest[..take]);
        rest = &rest[take..];
    }
    (out, dropped)
}

/// The byte after the `)` closing the group opened at the start of `text`,
/// whose body starts at `body`.
fn group_end(text: &str, body: usize) -> usize {
    let mut scan = Scanner {
        depth: 1,
        ..Scanner::default()
    };
    for (i, c) in text[body..].char_indices() {
        scan.is_top_level_bar(c);
        if scan.depth == 0 {
            return body + i + 1;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_punctuation_is_plain() {
        assert_eq!(literal(r"a\.k\.a"), Some("a.k.a".to_string()));
        assert_eq!(literal("check box"), Some("check box".to_string()));
    }

    #[test]
    fn metacharacters_make_a_pattern() {
        assert_eq!(literal("disabled?"), None);
        assert_eq!(literal(r"\bie"), None);
        assert_eq!(literal("(?:ok|Okay)"), None);
    }

    #[test]
    fn small_finite_expression_expands_to_its_texts() {
        let texts = |s: &str| expand(s).map(|t| t.join(","));
        assert_eq!(
            texts("(?:cell|smart) ?phone"),
            Some("cell phone,cellphone,smart phone,smartphone".into())
        );
        assert_eq!(texts("(?:ok|Okay)"), Some("ok,Okay".into()));
        assert_eq!(texts("disabled?"), Some("disabled,disable".into()));
        assert_eq!(
            texts("Customer [Pp]ortal"),
            Some("Customer Portal,Customer portal".into())
        );
        assert_eq!(texts(r"a\.k\.a|aka"), Some("a.k.a,aka".into()));
    }

    #[test]
    fn open_ended_expression_does_not_expand() {
        assert_eq!(expand(r"\bie"), None);
        assert_eq!(expand("a+"), None);
        assert_eq!(expand("[a-z]x"), None);
        assert_eq!(expand("(?=x)y"), None);
        assert_eq!(expand("x?"), None);
        assert_eq!(expand("(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)"), None);
    }

    #[test]
    fn plain_alternation_gives_each_word() {
        assert_eq!(
            literals(r"a\.k\.a|aka"),
            Some(vec!["a.k.a".to_string(), "aka".to_string()])
        );
        assert_eq!(literals("(?:a|b) c"), None);
    }

    #[test]
    fn folded_pattern_is_lowercase_but_keeps_escapes() {
        assert_eq!(
            for_folded_text(r"(?:WiFi|\S+)\p{Lu}").pattern,
            r"(?:wifi|\S+)\p{Lu}"
        );
    }

    #[test]
    fn optional_plain_group_is_found_by_number() {
        assert_eq!(
            optional_group("(日経)?ソフトウエア", 1),
            Some((0..9, vec!["日経".to_string()]))
        );
        assert_eq!(
            optional_group("(?:a)(b|c)?d", 1),
            Some((5..11, vec!["b".into(), "c".into()]))
        );
        assert_eq!(optional_group("(b)d", 1), None);
        assert_eq!(optional_group("(b)?d", 2), None);
    }

    #[test]
    fn full_width_characters_are_folded_and_escaped() {
        assert_eq!(for_folded_text("[０-９]（Ａ）").pattern, r"[0-9]\(a\)");
        assert_eq!(for_folded_text("ÉTÉ").pattern, "été");
    }

    #[test]
    fn lookaround_is_kept() {
        let folded = for_folded_text(r"\b(?:IE|i\.e\.)(?=[\s,;])");
        assert_eq!(folded.pattern, r"\b(?:ie|i\.e\.)(?=[\s,;])");
        assert!(!folded.approximated);
    }

    #[test]
    fn lookaround_that_does_not_compile_is_dropped_and_reported() {
        let folded = for_folded_text(r"all of (?!a sudden|(these))\1(");
        assert!(folded.approximated);
        assert_eq!(drop_lookaround("all of (?!a sudden|(these))").0, "all of ");
    }
}
