//! Nesting highlights into text. Each highlighted stretch becomes one
//! element; where two stretches cross, or a stretch runs over the end of a
//! cell (a paragraph shown beside its source), the inner one is closed and
//! reopened as a continuation piece, so that the first piece alone carries
//! the id and every finding is one element. Zero-width stretches (a name
//! the translation lost) become empty elements at their place.

use super::escape;
use std::ops::Range;

/// One highlighted stretch of a text and how its pieces are written.
#[derive(Debug, Clone)]
pub struct Span {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Opening tag of the first piece.
    pub open: String,
    /// Closing tag of the first piece.
    pub close: &'static str,
    /// Opening tag of each later piece.
    pub reopen: String,
    /// Closing tag of each later piece.
    pub reclose: &'static str,
}

/// The whole of `text`, escaped, with `spans` nested in (see [`cells`]).
pub fn whole(text: &str, spans: Vec<Span>) -> String {
    let all = 0..text.len();
    cells(text, std::slice::from_ref(&all), spans).concat()
}

/// `text[cell]` for each of `cells` (ascending, not overlapping; text
/// between cells is left out), escaped, with `spans` nested in. Of spans
/// with one start, zero-width ones come first, then longer ones outside
/// shorter ones, then in the order given.
pub fn cells(text: &str, cells: &[Range<usize>], mut spans: Vec<Span>) -> Vec<String> {
    for s in &mut spans {
        let start = floor_boundary(text, s.range.start);
        let end = match s.range.is_empty() {
            true => start,
            false => ceil_boundary(text, s.range.end).max(start),
        };
        s.range = start..end;
    }
    spans.sort_by_key(|s| {
        let r = &s.range;
        (r.start, !r.is_empty(), std::cmp::Reverse(r.end))
    });
    let mut sweep = Sweep {
        text,
        spans,
        next: 0,
        stack: Vec::new(),
    };
    cells
        .iter()
        .map(|c| {
            let start = floor_boundary(text, c.start);
            sweep.cell(start..ceil_boundary(text, c.end).max(start))
        })
        .collect()
}

/// An element left open: the span, and whether it is its first piece.
#[derive(Debug, Clone, Copy)]
struct Open {
    span: usize,
    first: bool,
}

struct Sweep<'a> {
    text: &'a str,
    spans: Vec<Span>,
    /// The first span not yet opened.
    next: usize,
    stack: Vec<Open>,
}

impl Sweep<'_> {
    fn cell(&mut self, cell: Range<usize>) -> String {
        let mut out = String::new();
        self.enter(cell.start, &mut out);
        let mut pos = cell.start;
        while let Some((p, opens)) = self.next_event(&cell) {
            out.push_str(&escape::text(&self.text[pos..p]));
            pos = p;
            self.close_at(p, &mut out);
            if opens {
                self.open_at(p, &mut out);
            }
        }
        out.push_str(&escape::text(&self.text[pos..cell.end]));
        for open in self.stack.iter().rev() {
            out.push_str(self.close_tag(*open));
        }
        out
    }

    /// Reopens what runs on into the cell starting at `at`: spans still
    /// open from the cell before, and spans that started between cells.
    fn enter(&mut self, at: usize, out: &mut String) {
        let spans = &self.spans;
        self.stack.retain(|o| spans[o.span].range.end > at);
        while let Some(s) = self.spans.get(self.next) {
            if s.range.start >= at {
                break;
            }
            if s.range.end > at {
                self.stack.push(Open {
                    span: self.next,
                    first: false,
                });
            }
            self.next += 1;
        }
        for open in &mut self.stack {
            open.first = false;
            out.push_str(&self.spans[open.span].reopen);
        }
    }

    /// The next place in `cell` where a span ends or starts, and whether
    /// spans start there. A zero-width span at a cell's end belongs to the
    /// next cell, unless the cell ends the text or is empty.
    fn next_event(&self, cell: &Range<usize>) -> Option<(usize, bool)> {
        let last = cell.end == self.text.len() || cell.is_empty();
        let start = self
            .spans
            .get(self.next)
            .map(|s| s.range.start)
            .filter(|&s| s < cell.end || (last && s == cell.end));
        let end = self
            .stack
            .iter()
            .map(|o| self.spans[o.span].range.end)
            .filter(|&e| e <= cell.end)
            .min();
        match (start, end) {
            (Some(s), Some(e)) => Some((s.min(e), s <= e)),
            (Some(s), None) => Some((s, true)),
            (None, Some(e)) => Some((e, false)),
            (None, None) => None,
        }
    }

    /// Closes every span ending at `p`, and the spans opened inside one of
    /// them, which go on in a new piece.
    fn close_at(&mut self, p: usize, out: &mut String) {
        let spans = &self.spans;
        let Some(k) = self.stack.iter().position(|o| spans[o.span].range.end <= p) else {
            return;
        };
        let tail = self.stack.split_off(k);
        for open in tail.iter().rev() {
            out.push_str(self.close_tag(*open));
        }
        for open in tail {
            let span = &self.spans[open.span];
            if span.range.end > p {
                out.push_str(&span.reopen);
                self.stack.push(Open {
                    span: open.span,
                    first: false,
                });
            }
        }
    }

    fn open_at(&mut self, p: usize, out: &mut String) {
        while let Some(s) = self.spans.get(self.next) {
            if s.range.start != p {
                break;
            }
            out.push_str(&s.open);
            if s.range.is_empty() {
                out.push_str(s.close);
            } else {
                self.stack.push(Open {
                    span: self.next,
                    first: true,
                });
            }
            self.next += 1;
        }
    }

    fn close_tag(&self, open: Open) -> &'static str {
        let span = &self.spans[open.span];
        if open.first {
            span.close
        } else {
            span.reclose
        }
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(range: Range<usize>, name: &str) -> Span {
        Span {
            range,
            open: format!("<{name}>"),
            close: "</>",
            reopen: format!("<{name}+>"),
            reclose: "</+>",
        }
    }

    fn one(text: &str, spans: Vec<Span>) -> String {
        whole(text, spans)
    }

    #[test]
    fn equal_spans_nest_in_the_order_given() {
        let got = one("a Park b", vec![span(2..6, "f1"), span(2..6, "f2")]);
        assert_eq!(got, "a <f1><f2>Park</></> b");
    }

    #[test]
    fn longer_span_is_outside() {
        let got = one("Park Plan", vec![span(0..4, "in"), span(0..9, "out")]);
        assert_eq!(got, "<out><in>Park</> Plan</>");
    }

    #[test]
    fn crossing_spans_continue_in_a_second_piece() {
        let got = one("abcdef", vec![span(0..4, "x"), span(2..6, "y")]);
        assert_eq!(got, "<x>ab<y>cd</></><y+>ef</+>");
    }

    #[test]
    fn zero_width_span_is_an_empty_element_before_others() {
        let got = one("Park", vec![span(0..4, "m"), span(0..0, "z")]);
        assert_eq!(got, "<z></><m>Park</>");
        let at_end = one("Park", vec![span(4..4, "z")]);
        assert_eq!(at_end, "Park<z></>");
    }

    #[test]
    fn span_over_a_cell_end_goes_on_in_the_next_cell() {
        let text = "ab\n\ncd";
        let got = cells(text, &[0..4, 4..6], vec![span(1..5, "x"), span(4..4, "z")]);
        assert_eq!(got, vec!["a<x>b\n\n</>", "<x+><z></>c</+>d"]);
    }

    #[test]
    fn text_between_cells_is_left_out_and_its_spans_continue() {
        let text = "ab|cd|ef";
        let got = cells(
            text,
            &[0..2, 6..8],
            vec![span(1..7, "x"), span(3..4, "gap")],
        );
        assert_eq!(got, vec!["a<x>b</>", "<x+>e</+>f"]);
    }

    #[test]
    fn text_is_escaped_and_spans_keep_to_char_boundaries() {
        // `Ü` is bytes 1..3: a span cut inside it widens to the whole char.
        let got = one("<Ü&>", vec![span(2..2, "z"), span(1..2, "x")]);
        assert_eq!(got, "&lt;<z></><x>Ü</>&amp;&gt;");
    }
}
