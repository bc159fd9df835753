//! prh import: a dictionary (`version: 1`, `rules`, `imports`) read into
//! entries of one language, `ja` unless the file name ends in another tag
//! (`terms.en.yml`).
//!
//! Each rule's `expected` is the official form (capture references such as
//! `$1` removed); a plain `pattern` is a variant, a `/regex/flags` pattern
//! is a pattern lowercased for folded text (lookaround kept). A rule
//! without a pattern is compared by case, the one difference prh's derived
//! pattern finds that folding does not. `specs` become examples: the text
//! `from` must report `forbidden` for what the rule matches in it, or
//! nothing when `from` equals `to`. `regexpMustEmpty` is followed where it
//! names an optional group of plain words; `options.wordBoundary` is not
//! read. See `docs/interchange-vale-prh.md`.

use super::encoding::decode;
use super::vale::collect::Collector;
use super::vale::regex_text;
use super::{ImportError, ImportOptions};
use crate::finding::Rule;
use crate::glossary::{Example, Glossary};
use crate::lang::LangTag;
use crate::regex_pattern::RegexPattern;
use serde_yaml::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Reads a prh dictionary, and the files it imports, into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    let mut reader = Reader {
        options,
        out: Collector::new(language_of(path)),
        seen: HashSet::new(),
    };
    reader.file(path)?;
    Ok(reader.out.finish(path))
}

/// The language a file name ends in (`terms.en.yml`), else `ja`: prh
/// dictionaries are mostly Japanese.
fn language_of(path: &Path) -> LangTag {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let named = stem
        .rsplit_once('.')
        .map(|(_, tag)| tag)
        .filter(|tag| (2..=3).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_lowercase()))
        .and_then(|tag| LangTag::parse(tag).ok());
    named.unwrap_or_else(japanese)
}

fn japanese() -> LangTag {
    LangTag::parse("ja").unwrap_or_else(|_| unreachable!("`ja` is a language tag"))
}

fn error(path: &Path, message: String) -> ImportError {
    ImportError {
        path: path.to_path_buf(),
        message,
    }
}

/// Reads files, following `imports` once each.
struct Reader<'a> {
    options: &'a ImportOptions,
    out: Collector,
    seen: HashSet<PathBuf>,
}

impl Reader<'_> {
    fn file(&mut self, path: &Path) -> Result<(), ImportError> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key) {
            return Ok(());
        }
        let bytes = std::fs::read(path).map_err(|e| error(path, e.to_string()))?;
        let text = decode(&bytes, self.options.encoding.as_deref())
            .map_err(|e| error(path, e.to_string()))?
            .text;
        let doc: Value = serde_yaml::from_str(&text)
            .map_err(|e| error(path, format!("not a prh dictionary: {e}")))?;
        check_version(path, &doc)?;
        for rule in doc
            .get("rules")
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
        {
            self.rule(rule);
        }
        for import in imports(&doc) {
            let target = path.parent().unwrap_or(Path::new(".")).join(import);
            self.file(&target)?;
        }
        Ok(())
    }

    fn rule(&mut self, rule: &Value) {
        let Some(expected) = rule.get("expected").and_then(scalar) else {
            return;
        };
        let official = without_captures(&expected);
        if official.trim().is_empty() {
            return;
        }
        let note = rule
            .get("prh")
            .and_then(Value::as_str)
            .map_or_else(|| "from prh".to_string(), |n| format!("from prh: {n}"));
        let capitalised = capital_first_corrected(rule, &official);
        let concept = self.out.concept(vec![official], &note);
        let mut patterns = patterns(rule);
        if let Some(group) = must_empty(rule) {
            for pattern in &mut patterns {
                self.keep_as_is(pattern, group);
            }
        }
        if patterns.is_empty() {
            self.out.case_sensitive(concept);
        }
        if let Some(capitalised) = capitalised {
            self.out.case_sensitive(concept);
            self.out.variant(concept, capitalised);
        }
        for pattern in &patterns {
            self.add(concept, pattern);
        }
        self.examples(concept, &patterns, rule);
    }

    /// The rule's `specs` as examples of `concept`.
    fn examples(&mut self, concept: usize, patterns: &[Pattern], rule: &Value) {
        let searches: Vec<RegexPattern> = patterns.iter().filter_map(search).collect();
        for (from, to) in specs(rule) {
            let findings = spec_findings(&searches, &from, &to);
            let lang = self.out.lang().clone();
            let example = Example {
                text: from,
                lang,
                findings,
            };
            self.out.example(concept, example);
        }
    }

    /// `regexpMustEmpty: $N` on an optional group of plain words, as in
    /// `(日経)?ソフトウエア`: the texts with the group filled in are names to
    /// keep, so each becomes a concept of its own (which, starting earlier,
    /// wins over the variant), and the pattern loses the group.
    fn keep_as_is(&mut self, pattern: &mut Pattern, group: usize) {
        let Pattern::Regex(source) = pattern else {
            return;
        };
        let Some((range, words)) = regex_text::optional_group(source, group) else {
            return;
        };
        let (before, after) = (&source[..range.start], &source[range.end..]);
        let kept: Option<Vec<Vec<String>>> = words
            .iter()
            .map(|w| regex_text::expand(&format!("{before}{w}{after}")))
            .collect();
        let Some(kept) = kept.map(|k| k.concat()) else {
            return;
        };
        for form in kept {
            let note = "kept as is: prh `regexpMustEmpty`";
            self.out.concept(vec![form], note);
        }
        *source = format!("{before}{after}");
    }

    fn add(&mut self, concept: usize, pattern: &Pattern) {
        match pattern {
            Pattern::Plain(text) => self.out.variant(concept, text.clone()),
            Pattern::Regex(source) => {
                let folded = regex_text::for_folded_text(source);
                if RegexPattern::new(&folded.pattern).is_ok() {
                    self.out.pattern(concept, folded.pattern);
                }
            }
        }
    }
}

/// The official form with a capital first letter, when prh corrects that
/// too: the rule has no pattern (prh derives a case-insensitive one from
/// `expected`) or a `/…/i` pattern that is `expected` itself. termlint
/// accepts a capital first letter under its `case` rule (sentence starts)
/// unless the glossary lists the capitalised spelling as a variant.
fn capital_first_corrected(rule: &Value, official: &str) -> Option<String> {
    let mut chars = official.chars();
    let first = chars.next().filter(|c| c.is_lowercase())?;
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    if capitalised == official {
        return None;
    }
    let given = rule.get("pattern").or_else(|| rule.get("patterns"));
    let raw: Vec<String> = given
        .map(one_or_many)
        .unwrap_or_default()
        .into_iter()
        .filter_map(scalar)
        .collect();
    let corrects = raw.is_empty() || raw.iter().any(|p| is_ignore_case_of(p, official));
    corrects.then_some(capitalised)
}

/// Whether `raw` is `/\bofficial\b/i` or `/official/i`, any case.
fn is_ignore_case_of(raw: &str, official: &str) -> bool {
    let Some((source, flags)) = raw.strip_prefix('/').and_then(|r| r.rsplit_once('/')) else {
        return false;
    };
    let bare = source.strip_prefix(r"\b").unwrap_or(source);
    let bare = bare.strip_suffix(r"\b").unwrap_or(bare);
    flags.contains('i')
        && regex_text::literal(bare).is_some_and(|l| l.to_lowercase() == official.to_lowercase())
}

/// The group number of `regexpMustEmpty: $N`.
fn must_empty(rule: &Value) -> Option<usize> {
    let text = rule.get("regexpMustEmpty").and_then(Value::as_str)?;
    text.strip_prefix('$')?.parse().ok()
}

fn check_version(path: &Path, doc: &Value) -> Result<(), ImportError> {
    match doc.get("version") {
        None => Ok(()),
        Some(v) if v.as_u64() == Some(1) => Ok(()),
        Some(_) => Err(error(path, "only prh `version: 1` is supported".into())),
    }
}

/// `imports:` as paths: strings, or maps with a `path`.
fn imports(doc: &Value) -> Vec<String> {
    let items = doc.get("imports").map(one_or_many).unwrap_or_default();
    items
        .into_iter()
        .filter_map(|v| scalar(v).or_else(|| v.get("path").and_then(scalar)))
        .collect()
}

fn one_or_many(value: &Value) -> Vec<&Value> {
    match value {
        Value::Sequence(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `expected` without `$1`, `$&` and the like: what stays is the part every
/// right rendering shares.
fn without_captures(expected: &str) -> String {
    let mut out = String::new();
    let mut chars = expected.chars().peekable();
    while let Some(c) = chars.next() {
        let reference = c == '$'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_digit() || *n == '&');
        if reference {
            while chars.next_if(|n| n.is_ascii_digit() || *n == '&').is_some() {}
        } else {
            out.push(c);
        }
    }
    out
}

/// One `pattern` of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Plain(String),
    /// The JavaScript regex between the slashes.
    Regex(String),
}

fn patterns(rule: &Value) -> Vec<Pattern> {
    let given = rule.get("pattern").or_else(|| rule.get("patterns"));
    let items = given.map(one_or_many).unwrap_or_default();
    items
        .into_iter()
        .filter_map(scalar)
        .map(|p| pattern(&p))
        .collect()
}

/// `/source/flags` is a regular expression; anything else plain text.
fn pattern(text: &str) -> Pattern {
    let regex = text
        .strip_prefix('/')
        .and_then(|rest| rest.rsplit_once('/'))
        .filter(|(_, flags)| flags.chars().all(|f| "gimsuy".contains(f)));
    match regex {
        Some((source, _)) if !source.is_empty() => Pattern::Regex(source.to_string()),
        _ => Pattern::Plain(text.to_string()),
    }
}

/// How prh finds a pattern in a spec's text: the regex as written,
/// ignoring case as prh's derived patterns do.
fn search(pattern: &Pattern) -> Option<RegexPattern> {
    let source = match pattern {
        Pattern::Plain(text) => regex::escape(text),
        Pattern::Regex(source) => regex_text::for_folded_text(source).pattern,
    };
    RegexPattern::new(&format!("(?i){source}")).ok()
}

fn specs(rule: &Value) -> Vec<(String, String)> {
    let items = rule.get("specs").and_then(Value::as_sequence);
    items
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some((
                s.get("from").and_then(scalar)?,
                s.get("to").and_then(scalar)?,
            ))
        })
        .collect()
}

/// What checking `from` must report: nothing when prh leaves it as it is,
/// else `forbidden` for each text the rule matches, leftmost first.
fn spec_findings(searches: &[RegexPattern], from: &str, to: &str) -> Vec<(Rule, String)> {
    if from == to {
        return Vec::new();
    }
    let mut spans: Vec<(usize, usize)> = searches
        .iter()
        .flat_map(|r| r.find_all(from).into_iter().map(|m| (m.start, m.end)))
        .collect();
    spans.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut cursor = 0;
    let mut findings = Vec::new();
    for (start, end) in spans {
        if start >= cursor && end > start {
            cursor = end;
            findings.push((Rule::Forbidden, from[start..end].to_string()));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_references_are_removed_from_expected() {
        assert_eq!(without_captures("作$1"), "作");
        assert_eq!(without_captures("$1み$3"), "み");
        assert_eq!(without_captures("US$ 5"), "US$ 5");
    }

    #[test]
    fn slashes_mark_a_regex() {
        assert_eq!(
            pattern("/つく([らりる])/"),
            Pattern::Regex("つく([らりる])".into())
        );
        assert_eq!(pattern("/a/gi"), Pattern::Regex("a".into()));
        assert_eq!(pattern("受付"), Pattern::Plain("受付".into()));
        assert_eq!(pattern("/usr/local"), Pattern::Plain("/usr/local".into()));
    }

    #[test]
    fn language_comes_from_the_file_name_else_japanese() {
        assert_eq!(language_of(Path::new("terms.en.yml")).to_string(), "en");
        assert_eq!(language_of(Path::new("WEB+DB_PRESS.yml")).to_string(), "ja");
    }

    #[test]
    fn spec_reports_what_the_rule_matches() {
        let searches = vec![RegexPattern::new("ってな").expect("compiles")];
        assert_eq!(
            spec_findings(&searches, "わかってない", "わかっていない"),
            vec![(Rule::Forbidden, "ってな".to_string())]
        );
        assert!(spec_findings(&searches, "ってな", "ってな").is_empty());
    }
}
