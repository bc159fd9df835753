//! What each HTML element means for the text around it: whether it ends a
//! block of text, is left out as not prose, or continues the text; which
//! elements are void or hold raw text; and which open elements a start tag
//! closes without an end tag.

/// How an element affects the segment its text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Its text continues the surrounding text (`a`, `strong`, `span`).
    Inline,
    /// It starts and ends a block of text (`p`, `li`, `td`).
    Block,
    /// A line break inside the text (`br`).
    Break,
    /// Content that is not prose inside a line (`code`, `img`, `svg`):
    /// left out, with a gap so no name matches across it.
    Gap,
    /// Content that is not prose and stands as a block (`pre`, `style`).
    SkippedBlock,
    /// Ruby annotations (`rt`, `rp`): left out without a gap, so that the
    /// base text reads on (`<ruby>東京<rt>とうきょう</rt></ruby>駅`).
    Annotation,
}

/// The kind of element `name` (lowercase). Unknown and custom elements
/// are inline, as CSS displays them.
pub(super) fn kind(name: &str) -> Kind {
    match name {
        "br" => Kind::Break,
        "rt" | "rp" => Kind::Annotation,
        "code" | "kbd" | "samp" | "var" | "script" | "svg" | "math" | "img" | "input"
        | "iframe" | "object" | "embed" | "video" | "audio" | "canvas" | "picture" => Kind::Gap,
        "pre" | "style" | "template" | "noscript" | "textarea" | "xmp" | "listing"
        | "plaintext" | "noembed" | "noframes" => Kind::SkippedBlock,
        _ if is_block(name) => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Elements that begin a new block of text: the HTML rendering section's
/// `display: block`, list-item and table elements, and form controls.
fn is_block(name: &str) -> bool {
    const BLOCKS: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "meter",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "progress",
        "search",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
        "datalist",
    ];
    BLOCKS.contains(&name) || is_heading(name)
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// §13.1.2: elements that have no end tag and no content.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// §13.2.6.4.7: elements whose content the tokenizer reads as raw text
/// or RCDATA (no tags inside), outside SVG and MathML.
pub(super) fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Names of open elements a start tag closes, and where the search for
/// them stops.
pub(super) type ImpliedEnd = (&'static [&'static str], fn(&str) -> bool);

/// Open elements that a start tag `name` closes, and whether the search
/// for them stops at an open element (§13.2.6.4.7, "in body" insertion
/// mode, simplified): a `p` is closed by block starts, a `li` by the
/// next `li`, a cell by the next cell or row.
pub(super) fn implied_end(name: &str) -> Option<ImpliedEnd> {
    let closes: ImpliedEnd = match name {
        "li" => (&["li"], stops_list_item),
        "dt" | "dd" => (&["dt", "dd"], stops_list_item),
        "option" | "optgroup" => (&["option"], |n| n != "option"),
        "td" | "th" => (&["td", "th"], |n| n == "table" || n == "tr"),
        "tr" => (&["tr"], |n| n == "table"),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot"], |n| n == "table"),
        _ if closes_p(name) => (&["p"], stops_button_scope),
        _ => return None,
    };
    Some(closes)
}

/// Start tags that close an open `p` ("close a p element" in §13.2.6.4.7).
fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "header"
                | "hgroup"
                | "hr"
                | "listing"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "pre"
                | "search"
                | "section"
                | "summary"
                | "table"
                | "ul"
                | "xmp"
        )
}

/// §13.2.4.2 "has an element in button scope": these end the search.
fn stops_button_scope(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "button"
            | "caption"
            | "html"
            | "marquee"
            | "object"
            | "table"
            | "td"
            | "template"
            | "th"
            | "svg"
            | "math"
    )
}

/// §13.2.6.4.7 `li`/`dd`/`dt` start tags: the search stops at a special
/// element other than `address`, `div` and `p`; blocks stand for them.
fn stops_list_item(name: &str) -> bool {
    is_block(name) && !matches!(name, "address" | "div" | "p")
}

/// SVG and MathML roots: inside them tags follow XML rules, so `/>`
/// closes an element and `title` or `style` hold markup, not raw text.
pub(super) fn is_foreign_root(name: &str) -> bool {
    name == "svg" || name == "math"
}
