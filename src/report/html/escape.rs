//! Escaping for the HTML page: text and attribute values, with the
//! characters a reader must see made visible. Bidirectional controls can
//! reorder what a page shows (the "Trojan Source" trick, CVE-2021-42574) and
//! C0/C1 controls show as nothing, so each is written as its code point.

use std::fmt::Write as _;

/// `text` for element content: `&`, `<`, `>` escaped, invisible controls
/// shown as a marked `U+XXXX`.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_hidden_control(c) => {
                let _ = write!(
                    out,
                    "<span class=\"ctl\" title=\"{}\">U+{:04X}</span>",
                    control_name(c),
                    u32::from(c)
                );
            }
            c => out.push(c),
        }
    }
    out
}

/// `value` for a double-quoted attribute: markup characters and quotes
/// escaped, line breaks kept as `&#10;`, invisible controls shown as
/// `⟨U+XXXX⟩`.
pub fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            c if is_hidden_control(c) => {
                let _ = write!(out, "⟨U+{:04X}⟩", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters that change or hide what is shown without being seen:
/// bidirectional formatting characters (UAX #9 §2) and control characters
/// other than tab and line breaks (which the text keeps as layout).
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    ) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

fn control_name(c: char) -> &'static str {
    match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => "control character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_in_text() {
        assert_eq!(text("a < b & \"c\" > 'd'"), "a &lt; b &amp; \"c\" &gt; 'd'");
    }

    #[test]
    fn quotes_and_line_breaks_are_escaped_in_attributes() {
        assert_eq!(
            attr("say \"Park\" & 'Plan'\n<x>"),
            "say &quot;Park&quot; &amp; &#39;Plan&#39;&#10;&lt;x&gt;"
        );
    }

    #[test]
    fn bidi_override_is_shown_not_obeyed() {
        let shown = text("abc\u{202E}def");
        assert!(!shown.contains('\u{202E}'));
        assert!(shown.contains(">U+202E</span>"));
        assert!(shown.contains("RIGHT-TO-LEFT OVERRIDE"));
        assert_eq!(attr("x\u{2067}y"), "x⟨U+2067⟩y");
    }

    #[test]
    fn nul_and_escape_are_visible_but_layout_is_kept() {
        assert_eq!(
            text("a\u{0}b\u{1b}"),
            "a<span class=\"ctl\" title=\"control character\">U+0000</span>b<span class=\"ctl\" title=\"control character\">U+001B</span>"
        );
        assert_eq!(text("a\tb\r\nc"), "a\tb\r\nc");
    }
}
