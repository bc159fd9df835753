//! How deep the flow collections (`[…]`, `{…}`) of glossary YAML nest, by
//! a tokenizer that knows quoted scalars, plain scalars and comments: a
//! `]` inside `"…"` or after `#` closes nothing.
//!
//! It reads the YAML glossaries are written in: block mappings and
//! sequences, plain and quoted scalars, flow collections, comments. Where
//! the text uses anything else at the start of a node (block scalars,
//! anchors, aliases, tags, directives) or could be read two ways (a quote
//! on the line after a plain scalar, which may continue it), it gives up
//! and returns `None`, and the caller asks the parser itself. So an answer
//! is never below the depth the parser would reach; the tests hold it to
//! saphyr's events on generated YAML.

/// What the last token before the current byte was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, or a document start (`---`).
    Start,
    /// An indicator after which a node may begin: `[`, `{`, `,`, or `:`,
    /// `-`, `?` followed by a blank.
    Indicator,
    /// Text of a plain scalar: a quote or bracket on the same line is part
    /// of it.
    Plain,
    /// A finished node: a quoted scalar, a `]` or `}`, or a plain scalar
    /// ended by a comment. Only an indicator, a comment or (in block
    /// context) a new line may follow.
    Ended,
}

/// The deepest nesting of flow collections in `yaml`; `None` when the
/// text goes beyond what the tokenizer reads with certainty.
pub(crate) fn flow_depth(yaml: &str) -> Option<usize> {
    tokenize(yaml, |_| {})
}

/// [`flow_depth`], calling `on_line` with the byte of the first character
/// of every line that starts outside flow collections, quoted scalars and
/// comments: the lines where block structure is decided.
pub(crate) fn tokenize(yaml: &str, mut on_line: impl FnMut(usize)) -> Option<usize> {
    let bytes = yaml.as_bytes();
    // The open brackets; a closing one must match the last.
    let mut open: Vec<u8> = Vec::new();
    let mut deepest = 0usize;
    let mut last = Last::Start;
    // Only blanks since the last line break (or the start).
    let mut line_start = true;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if is_blank(byte) {
            line_start |= matches!(byte, b'\n' | b'\r');
            at += 1;
            continue;
        }
        let flow = !open.is_empty();
        if line_start && !flow {
            on_line(at);
        }
        let blank_before = at == 0 || is_blank(bytes[at - 1]);
        let next = bytes.get(at + 1).copied();
        // Whether a node may begin here, or what `last` started goes on.
        let begins = match last {
            Last::Start | Last::Indicator => true,
            Last::Plain | Last::Ended => line_start && !flow,
        };
        line_start = false;
        match byte {
            b'#' if blank_before => {
                at = line_end(bytes, at);
                if last == Last::Plain {
                    last = Last::Ended;
                }
                continue;
            }
            b'[' | b'{' if flow || begins => {
                if !flow && last == Last::Plain {
                    // On the line after a plain scalar: a new node, or the
                    // scalar going on.
                    return None;
                }
                open.push(byte);
                deepest = deepest.max(open.len());
                last = Last::Indicator;
            }
            b']' | b'}' if flow => {
                let opening = open.pop();
                if opening != Some(if byte == b']' { b'[' } else { b'{' }) {
                    return None;
                }
                last = Last::Ended;
            }
            b',' if flow => last = Last::Indicator,
            b':' if is_value_indicator(next, flow, last) => last = Last::Indicator,
            b'-' | b'?' if begins && next.is_none_or(is_blank) => last = Last::Indicator,
            b'-' if begins
                && !flow
                && bytes[at..].starts_with(b"---")
                && at_line_start(bytes, at) =>
            {
                if !bytes.get(at + 3).is_none_or(|&b| is_blank(b)) {
                    return None;
                }
                last = Last::Start;
                at += 3;
                continue;
            }
            b'\'' | b'"' if begins => {
                if last == Last::Plain {
                    return None;
                }
                at = quoted_end(bytes, at)?;
                last = Last::Ended;
                continue;
            }
            b'|' | b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'#' if begins => return None,
            // A quote after `:` with no blank between: libyaml and saphyr
            // may disagree on where the scalar starts.
            b':' if matches!(next, Some(b'\'' | b'"')) => return None,
            0xc2 | 0xe2 if is_unicode_break(&bytes[at..]) => return None,
            _ => match last {
                Last::Plain => {}
                Last::Start | Last::Indicator => last = Last::Plain,
                Last::Ended if begins => last = Last::Plain,
                Last::Ended => return None,
            },
        }
        at += 1;
    }
    Some(deepest)
}

fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// Whether the `:` before `next` separates a key from its value.
fn is_value_indicator(next: Option<u8>, flow: bool, last: Last) -> bool {
    match next {
        None => true,
        Some(b) if is_blank(b) => true,
        Some(b',' | b'[' | b']' | b'{' | b'}') => flow,
        // `{"key":value}`: adjacent to a quoted key.
        Some(_) => flow && last == Last::Ended,
    }
}

/// Whether only blanks come before byte `at` on its line.
fn at_line_start(bytes: &[u8], at: usize) -> bool {
    at == 0 || matches!(bytes[at - 1], b'\n' | b'\r')
}

/// Whether `bytes` start with a line break of YAML 1.1 beyond `\r` and
/// `\n` (NEL, LS, PS), which libyaml honours and this tokenizer does not
/// follow.
fn is_unicode_break(bytes: &[u8]) -> bool {
    matches!(bytes, [0xc2, 0x85, ..] | [0xe2, 0x80, 0xa8 | 0xa9, ..])
}

/// The byte of the line break ending the line of `at` (or the end).
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i)
}

/// The byte after the quoted scalar starting at `at`; `None` when it is
/// not closed.
fn quoted_end(bytes: &[u8], at: usize) -> Option<usize> {
    let quote = bytes[at];
    let mut pos = at + 1;
    loop {
        let found = if quote == b'"' {
            memchr::memchr2(b'"', b'\\', &bytes[pos..])
        } else {
            memchr::memchr(b'\'', &bytes[pos..])
        };
        let close = pos + found?;
        match bytes[close] {
            // An escape: the next byte is never the end.
            b'\\' => pos = close + 2,
            // `''` is a quote inside single quotes.
            b'\'' if bytes.get(close + 1) == Some(&b'\'') => pos = close + 2,
            _ => return Some(close + 1),
        }
        if pos > bytes.len() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use saphyr_parser::{Event, Parser};

    /// The deepest flow nesting saphyr reaches before its first error, by
    /// its events: collections that start at a `[` or `{` (the text is
    /// ASCII, so characters are bytes). A block mapping whose first key
    /// is a flow collection starts at the same place: the inner one is
    /// the flow collection.
    fn parser_flow_depth(yaml: &str) -> usize {
        let bytes = yaml.as_bytes();
        let mut open: Vec<(usize, bool)> = Vec::new();
        let mut deepest = 0;
        for event in Parser::new_from_str(yaml) {
            let Ok((event, span)) = event else { break };
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    let at = span.start.index();
                    if let Some(outer) = open.last_mut().filter(|(start, _)| *start == at) {
                        outer.1 = false;
                    }
                    open.push((at, matches!(bytes.get(at), Some(b'[' | b'{'))));
                    deepest = deepest.max(open.iter().filter(|(_, flow)| *flow).count());
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    open.pop();
                }
                _ => {}
            }
        }
        deepest
    }

    #[test]
    fn ordinary_glossary_shapes_are_read() {
        let yaml = "# Glossary\n---\nversion: 1\nconcepts:\n  - id: a # first\n    terms:\n      \
                    en: \"A ] b\"\n      de: {official: ['C'' ]', \"D \\\" ]\"], variants: [e, f]}\n      \
                    zh:\n        - 'G'\n        - [h, [i]]\n";
        assert_eq!(flow_depth(yaml), Some(2));
        assert_eq!(parser_flow_depth(yaml), 2);
    }

    #[test]
    fn brackets_in_plain_and_quoted_scalars_and_comments_are_text() {
        assert_eq!(flow_depth("a: x[y\nb: \"[[\"\nc: '{' # [[[\n"), Some(0));
        assert_eq!(flow_depth("a: [\"]\", [\"]\", [\"]\"]]]\n"), Some(3));
        assert_eq!(flow_depth("a: [b # ]]\n  , [c]]\n"), Some(2));
    }

    #[test]
    fn what_the_tokenizer_does_not_read_is_left_to_the_parser() {
        for yaml in [
            "a: |\n  ]]\n",
            "a: &x [1]\nb: *x\n",
            "a: !t [1]\n",
            "%YAML 1.2\n---\na: 1\n",
            "a: b\n  'c ]'\n",
            "a: [b\n  'c ]']\n",
            "a: \"unclosed\n",
            "a: [b:'c]']\n",
        ] {
            assert_eq!(flow_depth(yaml), None, "{yaml:?}");
        }
    }

    /// Pieces of YAML, flow and block, well-formed or not.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "[", "]", "{", "}", ", ", ",", ": ", ":", "- ", "-", "? ", "'", "\"", "''", "\\", "#",
        " #", "\n", "\n  ", "\n- ", " ", "a", "b c", "|", ">", "&a ", "*a", "!t ", "---\n",
        "x: ", "'q ]'", "\"q ]\"", "\"e\\\"]\"", "'s'']'",
    ];

    /// Pieces of the flow collections and quoted scalars glossaries are
    /// written with, and the brackets, quotes and comments that could
    /// hide depth.
    #[rustfmt::skip]
    const FLOW_PIECES: &[&str] = &[
        "[", "[", "{", "]", "}", ", ", ", ", ",", ": ", "k: ", "\"a ]\"", "'b }'", "'c'' ]'",
        "\"d\\\" ]\"", "e", "f g", "h'i", " # ]\n", "\n", "\n  ", "\n  - ", "x: [", "'", "\"",
        "]]", "[[",
    ];

    fn pieces(of: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(of), 0..most).prop_map(|p| p.concat())
    }

    /// When the tokenizer answers, the parser goes no deeper.
    fn never_below_the_parser(yaml: &str) -> Result<(), TestCaseError> {
        if let Some(depth) = flow_depth(yaml) {
            prop_assert!(parser_flow_depth(yaml) <= depth, "{yaml:?}: {depth}");
        }
        Ok(())
    }

    /// Valid YAML flow nodes with their flow depth: scalars with brackets,
    /// quotes and `#` inside, sequences and mappings over several lines
    /// with comments.
    fn flow_node() -> impl Strategy<Value = (String, usize)> {
        let scalar = prop::sample::select(vec![
            "a",
            "b c",
            "d'e",
            "f#g",
            "\"[h]\"",
            "\"i\\\"]\"",
            "'j'' }'",
            "'k # ]'",
            "\"l\n  ]\"",
        ])
        .prop_map(|s| (s.to_string(), 0));
        scalar.prop_recursive(6, 64, 4, |inner| {
            let separator = prop::sample::select(vec![", ", ",\n  ", " # ]\n  , ", ","]);
            (
                prop::collection::vec((inner, separator), 0..4),
                any::<bool>(),
            )
                .prop_map(|(items, mapping)| {
                    let depth = 1 + items.iter().map(|((_, d), _)| *d).max().unwrap_or(0);
                    let mut text = String::from(if mapping { "{" } else { "[" });
                    for (i, ((item, _), separator)) in items.iter().enumerate() {
                        if i > 0 {
                            text.push_str(separator);
                        }
                        if mapping {
                            text.push_str(&format!("k{i}: "));
                        }
                        text.push_str(item);
                    }
                    text.push(if mapping { '}' } else { ']' });
                    (text, depth)
                })
        })
    }

    proptest! {
        #[test]
        fn valid_flow_nesting_is_measured_exactly((node, depth) in flow_node()) {
            let yaml = format!("key: {node}\nnext:\n  - {node}\n");
            prop_assert_eq!(parser_flow_depth(&yaml), depth, "{}", yaml);
            prop_assert_eq!(flow_depth(&yaml), Some(depth), "{}", yaml);
        }

        #[test]
        fn a_changed_byte_never_hides_depth(
            (node, _) in flow_node(),
            at in any::<prop::sample::Index>(),
            inserted in prop::sample::select(FLOW_PIECES),
        ) {
            let mut yaml = format!("key: {node}\n");
            let mut at = at.index(yaml.len());
            while !yaml.is_char_boundary(at) {
                at -= 1;
            }
            yaml.insert_str(at, inserted);
            never_below_the_parser(&yaml)?;
        }

        #[test]
        fn any_yaml_is_never_read_below_the_parser(yaml in pieces(PIECES, 40)) {
            never_below_the_parser(&yaml)?;
        }

        #[test]
        fn flow_yaml_is_never_read_below_the_parser(yaml in pieces(FLOW_PIECES, 60)) {
            never_below_the_parser(&format!("a: {yaml}"))?;
        }
    }
}
