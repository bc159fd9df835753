//! Stretches of Markdown text that read as text to a CommonMark parser but
//! are not prose: bare URLs, Hugo shortcodes (`{{< … >}}`, `{{% … %}}`),
//! MDX comments (`{/* … */}`) and MDX tags with `{…}` attributes. Found once over the whole file; the reader
//! leaves them out of segments with a gap.

use std::ops::Range;

/// The masked byte ranges of `text`, sorted and disjoint.
pub(super) fn masks(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    found.extend(delimited(text, "{/*", "*/}"));
    found.extend(shortcodes(text));
    found.extend(jsx_tags(text));
    found.extend(urls(text));
    found.sort_by_key(|r| r.start);
    merge(found)
}

fn merge(sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Every `open … close` span; an unclosed `open` masks nothing.
fn delimited<'t>(
    text: &'t str,
    open: &'t str,
    close: &'t str,
) -> impl Iterator<Item = Range<usize>> + 't {
    find_all(text, open).filter_map(move |at| {
        let end = text[at + open.len()..].find(close)?;
        Some(at..at + open.len() + end + close.len())
    })
}

/// Template expressions are not prose: Hugo shortcodes `{{< … >}}` and
/// `{{% … %}}` (also with spaces after the braces, as some translated pages
/// have them), MDN macros `{{domxref("Element")}}`, and `{{ variable }}`
/// of Jinja, Liquid or Handlebars — anything from `{{` to the next `}}` on
/// the same line (shortcodes may run across lines).
fn shortcodes(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    find_all(text, "{{").filter_map(move |at| {
        let inner = text[at + 2..].trim_start_matches(' ');
        let end = text[at + 2..].find("}}")?;
        let body = &text[at + 2..at + 2 + end];
        let shortcode = inner.starts_with(['<', '%']);
        (shortcode || !body.contains('\n')).then_some(at..at + 2 + end + 2)
    })
}

/// `<img style={{…}} />`: CommonMark does not take a tag with a `{…}`
/// attribute for HTML, so its attributes would read as prose. Tags without
/// braces are left to the parser.
fn jsx_tags(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    memchr::memchr_iter(b'<', text.as_bytes()).filter_map(move |at| {
        let rest = &text[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let len = jsx_tag_len(rest)?;
        Some(at..at + 1 + len)
    })
}

/// Length of a tag's rest up to its `>`, when it holds a `{…}` attribute;
/// quotes and braces may hold `>`. A blank line ends the search, and so
/// does a tag longer than any real one (so that stray braces in a long
/// paragraph cannot make the scan quadratic).
fn jsx_tag_len(rest: &str) -> Option<usize> {
    const LONGEST: usize = 2000;
    let (mut depth, mut quote, mut braces) = (0usize, None, false);
    for (i, c) in rest.char_indices().take_while(|(i, _)| *i < LONGEST) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => (depth, braces) = (depth + 1, true),
            (None, '}') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return braces.then_some(i + 1),
            (None, '<') if depth == 0 => return None,
            _ => {}
        }
        if rest[..i].ends_with("\n\n") || rest[..i].ends_with("\n\r\n") {
            return None;
        }
    }
    None
}

/// `http://…`, `https://…` and `www.…` not inside a Latin word (CJK text
/// runs right up to a URL), up to white
/// space or a character that cannot continue a URL in running text.
fn urls(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let http = find_all(text, "http")
        .filter(|&at| text[at + 4..].starts_with("s://") || text[at + 4..].starts_with("://"));
    http.chain(find_all(text, "www."))
        .filter(move |&at| !text[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
        .map(move |at| at..at + url_len(&text[at..]))
}

/// Every byte offset where `needle` starts in `text` (SIMD search: the
/// masks are looked for over every byte of every file).
fn find_all<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
}

/// Length of the URL at the start of `rest`, trailing punctuation left
/// out as GitHub's autolink extension does.
fn url_len(rest: &str) -> usize {
    let end = rest.find(ends_url).unwrap_or(rest.len());
    let mut url = &rest[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ':', ';', '!', '?', '*', '_', '~', '\'']);
        let trimmed = if trimmed.ends_with(')') && unbalanced(trimmed) {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url.len();
        }
        url = trimmed;
    }
}

fn unbalanced(url: &str) -> bool {
    url.matches(')').count() > url.matches('(').count()
}

/// White space, markup, and CJK text or punctuation (Chinese and Japanese
/// text runs on right after a URL without a space).
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '<' | '>' | '"' | '`' | '[' | ']' | '{' | '}' | '|' | '\\'
        )
        || ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{ac00}'..='\u{d7af}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{fe30}'..='\u{ffef}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<&str> {
        masks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn bare_url_stops_before_trailing_punctuation_and_cjk() {
        assert_eq!(
            masked("Siehe https://example.org/Kulturindustriepark. Danke"),
            vec!["https://example.org/Kulturindustriepark"]
        );
        assert_eq!(
            masked("访问https://example.org/a（北京）"),
            vec!["https://example.org/a"]
        );
        assert_eq!(
            masked("(see https://example.org/a_(b))"),
            vec!["https://example.org/a_(b)"]
        );
    }

    #[test]
    fn url_inside_a_word_is_not_masked() {
        assert!(masked("xwww.example").is_empty());
    }

    #[test]
    fn shortcodes_and_mdx_comments_are_masked() {
        assert_eq!(
            masked("a {{< figure alt=\"x\" >}} b {{% note %}} c {/*id*/}"),
            vec!["{{< figure alt=\"x\" >}}", "{{% note %}}", "{/*id*/}"]
        );
        assert_eq!(masked("{{ < figure >}}"), vec!["{{ < figure >}}"]);
        assert_eq!(masked("{{ plain }} {{< unclosed"), vec!["{{ plain }}"]);
        assert_eq!(
            masked("siehe {{domxref(\"Element.attachShadow()\")}} und {{Specifications}}"),
            vec![
                "{{domxref(\"Element.attachShadow()\")}}",
                "{{Specifications}}"
            ]
        );
        assert!(masked("{{ not\nclosed on its line }}").is_empty());
    }

    #[test]
    fn tags_with_brace_attributes_are_masked_plain_tags_are_not() {
        assert_eq!(
            masked("a <img src=\"p.png\" style={{margin: '0 > 1'}} /> b <b>c</b>"),
            vec!["<img src=\"p.png\" style={{margin: '0 > 1'}} />"]
        );
        assert!(masked("x <Note>\n\n{value}").is_empty());
    }
}
