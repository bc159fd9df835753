//! Front matter: the YAML (`---`) or TOML (`+++`) block at the very start of
//! a Markdown page. Finds the block, reads the declared language, and turns
//! the values of chosen keys (`title`, `card.title`) into segments whose
//! pieces map to the value's bytes in the file.

mod simple;

use super::ReadError;
use crate::lang::LangTag;
use crate::segment::Segment;
use serde_yaml::Value;
use std::ops::Range;

/// Keys that declare the page's language (Hugo `lang`/`language`,
/// Docusaurus and Jekyll `locale`).
const LANG_KEYS: [&str; 3] = ["lang", "language", "locale"];

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines (Hugo).
    Toml,
}

/// A front matter block found at the start of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Its syntax.
    pub syntax: Syntax,
    /// The bytes between the delimiter lines.
    pub body: Range<usize>,
    /// Where the text after the closing delimiter line starts.
    pub end: usize,
}

/// What front matter says: the page's language and the chosen values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Values {
    /// The declared language, when it is a valid tag.
    pub lang: Option<LangTag>,
    /// Each chosen key found (as given, dotted for nested keys) with its
    /// value, in file order.
    pub fields: Vec<(String, Segment)>,
}

/// The front matter block at the start of `text`, if any. A UTF-8
/// byte-order mark may precede it.
pub(crate) fn detect(text: &str) -> Option<Block> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (first, body_start) = next_line(text, start)?;
    let syntax = match first.trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return None,
    };
    let mut at = body_start;
    while let Some((line, next)) = next_line(text, at) {
        let closes = match syntax {
            // YAML ends a document with `---` or `...`.
            Syntax::Yaml => matches!(line.trim_end(), "---" | "..."),
            Syntax::Toml => line.trim_end() == "+++",
        };
        if closes {
            return Some(Block {
                syntax,
                body: body_start..at,
                end: next,
            });
        }
        at = next;
    }
    None
}

/// The line starting at `at` without its line ending, and where the next
/// line starts; `None` at the end of the text.
fn next_line(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..).filter(|r| !r.is_empty())?;
    let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let line = rest[..len].trim_end_matches(['\n', '\r']);
    Some((line, at + len))
}

/// Reads the language and the values of `keys` from `block`.
pub(crate) fn values(text: &str, block: &Block, keys: &[String]) -> Result<Values, ReadError> {
    match block.syntax {
        Syntax::Yaml => yaml_values(text, block.body.clone(), keys),
        Syntax::Toml => Ok(toml_values(text, block.body.clone(), keys)),
    }
}

/// Reads YAML `text[body]`: the language and the values of `keys`.
/// Used for the front matter and for a copy of the source's front matter
/// kept in a comment.
pub(crate) fn yaml_values(
    text: &str,
    body: Range<usize>,
    keys: &[String],
) -> Result<Values, ReadError> {
    match simple_values(text, body.clone(), keys) {
        Some(values) => Ok(values),
        None => parsed_values(text, body, keys),
    }
}

/// [`yaml_values`] of front matter made of plain `key: value` lines, read
/// without the YAML parser; `None` when the parser is needed.
fn simple_values(text: &str, body: Range<usize>, keys: &[String]) -> Option<Values> {
    let pairs = simple::pairs(text, body.clone())?;
    let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let mut wanted = LANG_KEYS
        .iter()
        .copied()
        .chain(keys.iter().map(String::as_str));
    if wanted.any(|key| get(key).is_some_and(simple::maybe_not_string)) {
        return None;
    }
    Some(collect_values(text, body, keys, |key| {
        get(key).into_iter().collect()
    }))
}

/// [`yaml_values`] read with the YAML parser.
fn parsed_values(text: &str, body: Range<usize>, keys: &[String]) -> Result<Values, ReadError> {
    let doc = parse_yaml(text, body.clone())?;
    Ok(collect_values(text, body, keys, |key| lookup(&doc, key)))
}

/// The language and the values of `keys`, given the strings at each
/// dotted key path (one, or a list's).
fn collect_values<'v>(
    text: &str,
    body: Range<usize>,
    keys: &[String],
    get: impl Fn(&str) -> Vec<&'v str>,
) -> Values {
    let scanned = scan_yaml(text, body.clone());
    let lang = LANG_KEYS
        .iter()
        .flat_map(|k| get(k).into_iter().take(1))
        .find_map(|s| LangTag::parse(s.trim()).ok());
    let mut used = vec![false; scanned.len()];
    let mut fields: Vec<(String, Segment)> = Vec::new();
    for key in keys {
        for value in get(key) {
            // The first scanned value of the key not yet taken that reads
            // the same; else the first not taken.
            let unused = |i: &usize| &scanned[*i].path == key && !used[*i];
            let found = (0..scanned.len())
                .filter(unused)
                .find(|&i| same_words(&scanned[i].segment.text, value))
                .or_else(|| (0..scanned.len()).find(unused));
            if let Some(i) = found {
                used[i] = true;
            }
            let segment = value_segment(value, found.map(|i| &scanned[i]), body.start);
            fields.push((key.clone(), segment));
        }
    }
    fields.sort_by_key(|(_, s)| s.anchor);
    Values { lang, fields }
}

/// Whether YAML `text[body]` is a mapping that holds any of `keys`.
pub(crate) fn yaml_has_any(text: &str, body: Range<usize>, keys: &[String]) -> bool {
    parse_yaml(text, body).is_ok_and(|doc| keys.iter().any(|k| !lookup(&doc, k).is_empty()))
}

fn parse_yaml(text: &str, body: Range<usize>) -> Result<Value, ReadError> {
    serde_yaml::from_str(&text[body.clone()]).map_err(|e| {
        let at = e.location().map_or(0, |l| l.index());
        ReadError {
            offset: floor_char_boundary(text, body.start + at),
            message: format!(
                "front matter is not valid YAML: {e}; fix it or remove the `---` lines"
            ),
        }
    })
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The string at dotted `path` (`card.title`) of `doc`, or the strings
/// of the list there (`keywords: [a, b]`).
fn lookup<'v>(doc: &'v Value, path: &str) -> Vec<&'v str> {
    let Some(value) = path.split('.').try_fold(doc, |v, k| v.get(k)) else {
        return Vec::new();
    };
    match value {
        Value::Sequence(items) => items.iter().filter_map(Value::as_str).collect(),
        other => other.as_str().into_iter().collect(),
    }
}

/// The segment for `value`: the scanned pieces when they read the same
/// text, else the whole value mapped to the bytes it came from.
fn value_segment(value: &str, scanned: Option<&Scanned>, fallback: usize) -> Segment {
    match scanned {
        Some(s) if same_words(&s.segment.text, value) => s.segment.clone(),
        Some(s) => decoded_segment(value, s.range.clone()),
        None => decoded_segment(value, fallback..fallback),
    }
}

fn decoded_segment(value: &str, range: Range<usize>) -> Segment {
    let mut segment = Segment::at(range.start);
    segment.push_decoded(value, range);
    segment
}

/// Equal but for runs of white space (a folded block scalar's line ends).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A `key: value` found by scanning the lines of YAML.
#[derive(Debug)]
struct Scanned {
    /// Dotted path of the key.
    path: String,
    /// The value's bytes in the file.
    range: Range<usize>,
    /// The value read from those bytes, piece by piece.
    segment: Segment,
}

/// Scans block-style YAML mappings line by line for scalar values with
/// their bytes. Only what a front matter usually holds is read (plain,
/// quoted and block scalars); anything else is left to the YAML parser's
/// value, mapped as a whole.
fn scan_yaml(text: &str, body: Range<usize>) -> Vec<Scanned> {
    let lines = lines_of(text, body);
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        let Some((key, value_at)) = key_of(text, line) else {
            continue;
        };
        parents.retain(|(indent, _)| *indent < line.indent);
        let path = parents
            .iter()
            .map(|(_, k)| k.as_str())
            .chain([key])
            .collect::<Vec<_>>()
            .join(".");
        let value = text[value_at..line.end].trim();
        if value.is_empty() {
            found.extend(
                block_items(text, &lines[i..], line.indent).map(|s| scanned(path.clone(), s)),
            );
            parents.push((line.indent, key.to_string()));
        } else if value.starts_with('[') {
            found.extend(
                flow_items(text, value_at, line.end)
                    .into_iter()
                    .map(|s| scanned(path.clone(), s)),
            );
        } else if value.starts_with(['|', '>']) {
            let (segment, used) = block_scalar(text, &lines[i..], line.indent, value);
            i += used;
            found.push(scanned(path, segment));
        } else if let Some(segment) = inline_scalar(text, value_at, line.end) {
            found.push(scanned(path, segment));
        }
    }
    found
}

/// The scalars of a block list under a key: the `- item` lines right
/// after it, at its indentation or deeper.
fn block_items<'a>(
    text: &'a str,
    rest: &'a [Line],
    key_indent: usize,
) -> impl Iterator<Item = Segment> + 'a {
    rest.iter()
        .take_while(move |l| l.indent >= key_indent && !is_blank(text, l))
        .filter_map(move |l| {
            let content = l.start + l.indent;
            let item = text[content..l.end].strip_prefix("- ")?;
            (!item.trim_start().starts_with('-'))
                .then(|| inline_scalar(text, l.end - item.len(), l.end))
                .flatten()
        })
}

/// The scalars of a one-line flow list, `[a, "b c", 'd']`; none when it
/// nests or goes on past the line.
fn flow_items(text: &str, at: usize, end: usize) -> Vec<Segment> {
    let value = &text[at..end];
    let Some(open) = value.find('[') else {
        return Vec::new();
    };
    let Some(close) = value.rfind(']') else {
        return Vec::new();
    };
    let inner = at + open + 1..at + close;
    if text[inner.clone()].contains(['[', '{']) {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut start = inner.start;
    while start < inner.end {
        let lead = text[start..inner.end].len() - text[start..inner.end].trim_start().len();
        let first = start + lead;
        let (segment, next) = match text.as_bytes().get(first) {
            Some(b'"') | Some(b'\'') => {
                let quoted = if text.as_bytes()[first] == b'"' {
                    double_quoted(text, first + 1, inner.end)
                } else {
                    single_quoted(text, first + 1, inner.end)
                };
                let Some(segment) = quoted else {
                    return Vec::new();
                };
                let after = segment.original(0..segment.text.len()).end + 1;
                let comma = text[after..inner.end]
                    .find(',')
                    .map_or(inner.end, |c| after + c);
                (segment, comma + 1)
            }
            _ => {
                let comma = text[first..inner.end]
                    .find(',')
                    .map_or(inner.end, |c| first + c);
                let item = text[first..comma].trim_end();
                (
                    Segment::verbatim(text, first..first + item.len()),
                    comma + 1,
                )
            }
        };
        if !segment.text.is_empty() {
            items.push(segment);
        }
        start = next;
    }
    items
}

fn scanned(path: String, segment: Segment) -> Scanned {
    let range = segment.original(0..segment.text.len());
    Scanned {
        path,
        range,
        segment,
    }
}

/// One line of the front matter: where it starts and ends (without its
/// line ending) and how far it is indented.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
}

fn lines_of(text: &str, body: Range<usize>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut at = body.start;
    while let Some((line, next)) = next_line(text, at).filter(|_| at < body.end) {
        let indent = line.len() - line.trim_start_matches(' ').len();
        lines.push(Line {
            start: at,
            end: at + line.len(),
            indent,
        });
        at = next;
    }
    lines
}

/// The key of a `key: …` line and where its value starts.
fn key_of<'t>(text: &'t str, line: &Line) -> Option<(&'t str, usize)> {
    let content = &text[line.start + line.indent..line.end];
    if content.starts_with(['#', '-']) {
        return None;
    }
    let colon = content
        .find(": ")
        .or_else(|| content.ends_with(':').then(|| content.len() - 1))?;
    let key = content[..colon].trim().trim_matches(['"', '\'']);
    let value_at = line.start + line.indent + colon + 1;
    Some((key, value_at))
}

/// A scalar written on the key's line, from `text[at..end]`.
fn inline_scalar(text: &str, at: usize, end: usize) -> Option<Segment> {
    let lead = text[at..end].len() - text[at..end].trim_start().len();
    let start = at + lead;
    match text[start..end].chars().next()? {
        '"' => double_quoted(text, start + 1, end),
        '\'' => single_quoted(text, start + 1, end),
        '[' | '{' | '&' | '*' | '!' => None,
        _ => Some(plain(text, start, end)),
    }
}

/// A plain scalar ends before a ` #` comment and trailing white space.
fn plain(text: &str, start: usize, end: usize) -> Segment {
    let value = &text[start..end];
    let value = value.find(" #").map_or(value, |i| &value[..i]).trim_end();
    Segment::verbatim(text, start..start + value.len())
}

/// `'…'`: two quotes stand for one. `None` when it goes on past the line.
fn single_quoted(text: &str, start: usize, end: usize) -> Option<Segment> {
    let mut segment = Segment::at(start);
    let mut run = start;
    let mut at = start;
    while at < end {
        if text.as_bytes()[at] == b'\'' {
            segment.push_verbatim(text, run..at);
            if text.as_bytes().get(at + 1) != Some(&b'\'') {
                return Some(segment);
            }
            segment.push_decoded("'", at..at + 2);
            at += 2;
            run = at;
        } else {
            at += 1;
        }
    }
    None
}

/// `"…"` with backslash escapes. `None` when it goes on past the line or
/// holds an escape this scanner does not know.
fn double_quoted(text: &str, start: usize, end: usize) -> Option<Segment> {
    let mut segment = Segment::at(start);
    let mut run = start;
    let mut at = start;
    while at < end {
        match text.as_bytes()[at] {
            b'"' => {
                segment.push_verbatim(text, run..at);
                return Some(segment);
            }
            b'\\' => {
                segment.push_verbatim(text, run..at);
                let (decoded, len) = escape(&text[at + 1..end])?;
                segment.push_decoded(&decoded, at..at + 1 + len);
                at += 1 + len;
                run = at;
            }
            _ => at += 1,
        }
    }
    None
}

/// The character a backslash escape stands for (YAML and TOML share
/// these) and the length of the escape after the backslash.
pub(crate) fn escape(after: &str) -> Option<(String, usize)> {
    let c = after.chars().next()?;
    let simple = match c {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        '"' | '\\' | '/' | '\'' => Some(c),
        ' ' => Some(' '),
        '0' => Some('\0'),
        _ => None,
    };
    if let Some(s) = simple {
        return Some((s.to_string(), 1));
    }
    let digits = match c {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        _ => return None,
    };
    let hex = after.get(1..1 + digits)?;
    let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
    Some((ch.to_string(), 1 + digits))
}

/// A `|` or `>` block scalar: the lines after the key that are indented
/// deeper, each line a piece. Returns the segment and how many lines it
/// used.
fn block_scalar(text: &str, rest: &[Line], key_indent: usize, header: &str) -> (Segment, usize) {
    let folded = header.starts_with('>');
    let used = rest
        .iter()
        .take_while(|l| l.start == l.end || l.indent > key_indent || is_blank(text, l))
        .count();
    let mut segment = Segment::at(rest.first().map_or(0, |l| l.start));
    let mut previous: Option<&Line> = None;
    for line in rest[..used].iter().filter(|l| !is_blank(text, l)) {
        if let Some(p) = previous {
            let join = if folded { " " } else { "\n" };
            segment.push_decoded(join, p.end..line.start + line.indent);
        }
        segment.push_verbatim(text, line.start + line.indent..trimmed_end(text, line));
        previous = Some(line);
    }
    (segment, used)
}

fn is_blank(text: &str, line: &Line) -> bool {
    text[line.start..line.end].trim().is_empty()
}

fn trimmed_end(text: &str, line: &Line) -> usize {
    line.start + text[line.start..line.end].trim_end().len()
}

/// Reads TOML `text[body]` line by line: `[table]` headers and
/// `key = "string"` lines, enough for Hugo front matter.
fn toml_values(text: &str, body: Range<usize>, keys: &[String]) -> Values {
    let mut table = String::new();
    let mut values = Values::default();
    for line in lines_of(text, body) {
        let content = text[line.start..line.end].trim();
        if let Some(name) = content.strip_prefix('[').and_then(|c| c.strip_suffix(']')) {
            table = name.trim().to_string();
            continue;
        }
        let Some(eq) = text[line.start..line.end].find('=') else {
            continue;
        };
        let key = text[line.start..line.start + eq].trim().trim_matches('"');
        let path = if table.is_empty() {
            key.to_string()
        } else {
            format!("{table}.{key}")
        };
        let Some(segment) = toml_string(text, line.start + eq + 1, line.end) else {
            continue;
        };
        if LANG_KEYS.contains(&path.as_str()) {
            values.lang = values.lang.or(LangTag::parse(segment.text.trim()).ok());
        }
        if keys.contains(&path) {
            values.fields.push((path, segment));
        }
    }
    values
}

/// A one-line TOML basic (`"…"`) or literal (`'…'`) string.
fn toml_string(text: &str, at: usize, end: usize) -> Option<Segment> {
    let lead = text[at..end].len() - text[at..end].trim_start().len();
    let start = at + lead;
    match text[start..end].chars().next()? {
        '"' => double_quoted(text, start + 1, end),
        '\'' => {
            let close = text[start + 1..end].find('\'')?;
            Some(Segment::verbatim(text, start + 1..start + 1 + close))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn read(text: &str, list: &[&str]) -> Values {
        let block = detect(text).expect("front matter");
        values(text, &block, &keys(list)).expect("valid front matter")
    }

    fn texts(values: &Values) -> Vec<(&str, &str)> {
        values
            .fields
            .iter()
            .map(|(k, s)| (k.as_str(), s.text.as_str()))
            .collect()
    }

    #[test]
    fn list_values_give_each_string_at_its_bytes() {
        let text = "---\ntags: [Westsee, \"am Westsee\", 'See']\nkeywords:\n  - Hangzhou\n  - \
                    name: x\n  - \"Forum am Westsee\"\ntitle: Reise\n---\nText";
        let values = read(text, &["title", "tags", "keywords"]);
        assert_eq!(
            texts(&values),
            vec![
                ("tags", "Westsee"),
                ("tags", "am Westsee"),
                ("tags", "See"),
                ("keywords", "Hangzhou"),
                ("keywords", "Forum am Westsee"),
                ("title", "Reise"),
            ]
        );
        for (_, segment) in &values.fields {
            let original = segment.original(0..segment.text.len());
            assert_eq!(&text[original], segment.text);
        }
    }

    #[test]
    fn yaml_block_ends_at_dashes_or_dots() {
        let text = "---\ntitle: A\n...\nBody";
        let block = detect(text).expect("front matter");
        assert_eq!(&text[block.body.clone()], "title: A\n");
        assert_eq!(&text[block.end..], "Body");
    }

    #[test]
    fn unclosed_or_late_dashes_are_not_front_matter() {
        assert_eq!(detect("---\ntitle: A\n"), None);
        assert_eq!(detect("\n---\ntitle: A\n---\n"), None);
    }

    #[test]
    fn quoted_values_decode_and_map_to_their_bytes() {
        let text = "---\ntitle: \"Das \\\"Ministerium\\\"\"\ndescription: 'Peking''s Park'\n---\n";
        let values = read(text, &["title", "description"]);
        assert_eq!(
            texts(&values),
            vec![
                ("title", "Das \"Ministerium\""),
                ("description", "Peking's Park")
            ]
        );
        let title = &values.fields[0].1;
        let at = title.text.find("Ministerium").expect("in title");
        assert_eq!(&text[title.original(at..at + 11)], "Ministerium");
    }

    #[test]
    fn folded_scalar_maps_each_line() {
        let text = "---\ndescription: >\n  Der Kultur-\n  industriepark\n\nweight: 3\n---\n";
        let values = read(text, &["description"]);
        let seg = &values.fields[0].1;
        assert_eq!(seg.text, "Der Kultur- industriepark");
        let at = seg.text.find("industriepark").expect("second line");
        assert_eq!(&text[seg.original(at..seg.text.len())], "industriepark");
    }

    #[test]
    fn dotted_keys_reach_nested_values_and_others_are_skipped() {
        let text = "---\ntitle: 北京\ncard:\n  title: 乌鲁木齐 # a note\n  name: x\n---\n";
        let values = read(text, &["card.title"]);
        assert_eq!(texts(&values), vec![("card.title", "乌鲁木齐")]);
    }

    #[test]
    fn language_keys_are_read_and_invalid_tags_ignored() {
        assert_eq!(
            read("---\nlang: de-CH\n---\n", &[]).lang,
            LangTag::parse("de-CH").ok()
        );
        assert_eq!(read("---\nlocale: english\n---\n", &[]).lang, None);
    }

    #[test]
    fn invalid_yaml_is_an_error_inside_the_block() {
        let text = "---\ntitle: [unclosed\n---\n";
        let block = detect(text).expect("front matter");
        let error = values(text, &block, &keys(&["title"])).expect_err("invalid");
        assert!(error.offset >= 4 && error.offset <= text.len());
        assert!(error.message.starts_with("front matter is not valid YAML"));
    }

    #[test]
    fn toml_front_matter_reads_strings_and_tables() {
        let text =
            "+++\ntitle = \"Kulturindustriepark\"\nlang = 'de'\n[card]\ntitle = 'Peking'\n+++\n";
        let values = read(text, &["title", "card.title"]);
        assert_eq!(
            texts(&values),
            vec![("title", "Kulturindustriepark"), ("card.title", "Peking")]
        );
        assert_eq!(values.lang, LangTag::parse("de").ok());
    }

    /// Lines of front matter, plain and otherwise.
    fn front_matter_line() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "title", "lang", "date", "Title", "card", "true", "x.y",
        ]);
        let sep = prop::sample::select(vec![": ", ":  ", ":", " : "]);
        let value = prop::sample::select(vec![
            "Ein neuer Bereich",
            "de",
            "zh-Hans",
            "2023-07-16",
            "yes",
            "~",
            "null",
            "1.5",
            "C# and Tom's",
            "a # b",
            "a: b",
            "'q'",
            "\"q\"",
            "Ünï 名前",
            "x\u{85}y",
            "",
            "  ",
            "a  b ",
            "[a]",
            "-x",
            "a\tb",
            "b:",
        ]);
        prop_oneof![
            4 => (key, sep, value).prop_map(|(k, s, v)| format!("{k}{s}{v}")),
            1 => prop::sample::select(vec!["", "# note", "  nested: x", "- item", "  "])
                .prop_map(str::to_string),
        ]
    }

    proptest! {
        #[test]
        fn plain_front_matter_reads_as_the_yaml_parser_reads_it(
            lines in prop::collection::vec(front_matter_line(), 0..6),
            crlf in any::<bool>(),
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let body: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
            let text = format!("---{eol}{body}---{eol}Text");
            let block = detect(&text).expect("front matter");
            let wanted = keys(&["title", "card.title", "date", "Title"]);
            if let Some(simple) = simple_values(&text, block.body.clone(), &wanted) {
                let parsed = parsed_values(&text, block.body.clone(), &wanted);
                prop_assert_eq!(Some(simple), parsed.ok(), "{:?}", body);
            }
        }
    }
}
