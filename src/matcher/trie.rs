//! The anchors as a byte-wise trie, walked from each position of the
//! folded text where a name can start.
//!
//! A name starts on a word boundary, or right after an Arabic or Hebrew
//! prefix; it never starts between two ASCII letters or digits, nor inside
//! a character. Those positions, most of the bytes of Latin text, are
//! stepped over by comparing two bytes; of the others, those whose first
//! bytes start no anchor are turned away by small tables (`starts`). From
//! every position left the trie is walked byte by byte while the text
//! follows one of its branches,
//! reporting each anchor it passes; a table of all byte pairs gives the
//! node two levels down, where the walk starts. That finds the same
//! anchors at the same places as an Aho–Corasick scan of every byte, with
//! far fewer steps through a structure too large for the fastest caches.
//!
//! Each node's children lie side by side, sorted by the byte that leads to
//! them, so a step reads one short run of rows. The rows are what the
//! compiled-glossary cache stores.

use super::packed::{self, u32_at, Packed};
use super::starts::Starts;
use serde::{Deserialize, Deserializer, Serialize};
use wide::u8x16;

/// No anchor ends at a node; no child of the root starts with a byte.
pub(super) const NONE: u32 = u32::MAX;

/// Children above which a node's are searched by halving, not in order.
const LINEAR_CHILDREN: usize = 8;

/// A set of anchors (non-empty byte strings, each with its number) that
/// finds every anchor starting at a given position of a text.
#[derive(Debug, Clone)]
pub(super) struct AnchorTrie {
    /// Row 0 is the root.
    nodes: Vec<Node>,
    /// The number of the one-byte anchor for each byte, or [`NONE`].
    ones: Box<[u32; 256]>,
    /// The node two bytes below the root for each pair of bytes (first
    /// byte high), or [`NONE`]: a walk starts there, without searching
    /// the two widest levels of the trie.
    twos: Box<[u32]>,
    /// Whether every anchor starts with an ASCII letter or digit or with
    /// a character beyond ASCII (or else with punctuation or a space).
    plain_firsts: bool,
    /// Which positions can start an anchor, told before a walk.
    starts: Starts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Node {
    /// The row of the first child; the others follow it.
    first: u32,
    /// The number of the anchor that ends here, or [`NONE`].
    pub(super) anchor: u32,
    /// How many children (up to 256).
    children: u16,
    /// The byte on the edge into this node.
    pub(super) label: u8,
}

impl Packed for Node {
    const SIZE: usize = 11;

    fn pack(&self, out: &mut Vec<u8>) {
        out.extend(self.first.to_le_bytes());
        out.extend(self.anchor.to_le_bytes());
        out.extend(self.children.to_le_bytes());
        out.push(self.label);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        let children = u16::from_le_bytes([bytes[8], bytes[9]]);
        (children <= 256).then(|| Node {
            first: u32_at(bytes, 0),
            anchor: u32_at(bytes, 1),
            children,
            label: bytes[10],
        })
    }
}

impl AnchorTrie {
    /// The trie of `anchors`, each with its number. Anchors are non-empty
    /// (an empty one is never found); one given twice keeps its lower
    /// number.
    pub(super) fn new(mut anchors: Vec<(&[u8], u32)>) -> AnchorTrie {
        anchors.sort_unstable();
        let mut nodes = vec![Node {
            first: 0,
            anchor: NONE,
            children: 0,
            label: 0,
        }];
        // Depth first: (row, the anchors under it, its depth). A node's
        // children are given their rows together, when it is reached.
        let mut stack = vec![(0, 0..anchors.len(), 0)];
        while let Some((row, range, depth)) = stack.pop() {
            // The anchor that ends here sorts first, with its lowest number.
            let mut lo = range.start;
            while lo < range.end && anchors[lo].0.len() == depth {
                if nodes[row].anchor == NONE {
                    nodes[row].anchor = anchors[lo].1;
                }
                lo += 1;
            }
            let first = nodes.len();
            let mut groups = Vec::new();
            while lo < range.end {
                let label = anchors[lo].0[depth];
                let hi = lo + anchors[lo..range.end].partition_point(|(b, _)| b[depth] == label);
                groups.push((label, lo..hi));
                lo = hi;
            }
            nodes[row].first = row_number(first);
            nodes[row].children =
                u16::try_from(groups.len()).expect("invariant: at most 256 byte values");
            for (i, (label, range)) in groups.into_iter().enumerate() {
                nodes.push(Node {
                    first: 0,
                    anchor: NONE,
                    children: 0,
                    label,
                });
                stack.push((first + i, range, depth + 1));
            }
        }
        AnchorTrie::from_nodes(nodes).expect("invariant: a trie built here checks out")
    }

    /// The trie of `nodes`, with its tables for the first two bytes;
    /// `None` when the rows do not form a trie (a damaged cache file):
    /// every child must lie after its parent and inside the table, so
    /// every walk ends.
    fn from_nodes(nodes: Vec<Node>) -> Option<AnchorTrie> {
        let sound = !nodes.is_empty()
            && nodes.iter().enumerate().all(|(row, node)| {
                let first = node.first as usize;
                node.children == 0
                    || first > row && first + usize::from(node.children) <= nodes.len()
            });
        if !sound {
            return None;
        }
        let mut ones = Box::new([NONE; 256]);
        let mut twos = vec![NONE; 1 << 16].into_boxed_slice();
        let mut plain_firsts = true;
        for row in rows(nodes[0]) {
            let child = nodes[row as usize];
            ones[usize::from(child.label)] = child.anchor;
            plain_firsts &= child.label.is_ascii_alphanumeric() || child.label >= 0xC0;
            for grandchild in rows(child) {
                let label = nodes[grandchild as usize].label;
                twos[usize::from(child.label) << 8 | usize::from(label)] = grandchild;
            }
        }
        let starts = Starts::new(&nodes, &twos);
        Some(AnchorTrie {
            nodes,
            ones,
            twos,
            plain_firsts,
            starts,
        })
    }

    /// Calls `at(start)` for every position of `text` where the bytes
    /// there can start an anchor ([`Starts::may_start`]), except between
    /// two ASCII letters or digits, where no name starts. The text is taken 64 bytes at a time,
    /// each byte turned into a bit of a few masks ([`Masks::of`], sixteen
    /// bytes at a time in a SIMD vector); only the positions left are then
    /// looked at one by one.
    #[inline]
    pub(super) fn each_start(&self, text: &[u8], mut at: impl FnMut(usize)) {
        let mut after_word = 0u64;
        let mut base = 0;
        let mut visit = |masks: Masks, base: usize, valid: u64| {
            let inside = masks.word & (masks.word << 1 | after_word);
            after_word = masks.word >> 63;
            let mut starts = if self.plain_firsts {
                masks.lead | masks.word & !inside
            } else {
                !inside & !masks.continuation()
            } & valid;
            // The tables' test first for all of them, without a branch
            // on its outcome, which no predictor guesses.
            let mut kept = 0u64;
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                let start = base + bit as usize;
                kept |= u64::from(self.starts.may_start(text, start)) << bit;
            }
            while kept != 0 {
                at(base + kept.trailing_zeros() as usize);
                kept &= kept - 1;
            }
        };
        let mut blocks = text.chunks_exact(64);
        for block in blocks.by_ref() {
            visit(Masks::of(block), base, !0);
            base += 64;
        }
        let rest = blocks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 64];
            last[..rest.len()].copy_from_slice(rest);
            visit(Masks::of(&last), base, (1 << rest.len()) - 1);
        }
    }

    /// Calls `found(end, anchor)` for every anchor that `text` holds at
    /// `start`, shortest first.
    #[inline]
    pub(super) fn prefixes_at(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, u32)) {
        let first = text[start];
        let one = self.ones[usize::from(first)];
        if one != NONE {
            found(start + 1, one);
        }
        let Some(&second) = text.get(start + 1) else {
            return;
        };
        let row = self.twos[usize::from(first) << 8 | usize::from(second)];
        self.walk(row, text, start + 2, start + 2, found);
    }

    /// Calls `found(end, anchor)` for every anchor that `lead` followed by
    /// `text` from `start` holds, shortest first, where it ends after at
    /// least one byte of `text`; `end` is a position in `text`.
    #[inline]
    pub(super) fn prefixes_after(
        &self,
        lead: [u8; 2],
        text: &[u8],
        start: usize,
        found: impl FnMut(usize, u32),
    ) {
        let row = self.twos[usize::from(lead[0]) << 8 | usize::from(lead[1])];
        self.walk(row, text, start, start + 1, found);
    }

    /// Walks the trie from `row`, the node the bytes before `pos` lead to,
    /// along `text` from `pos`, calling `found(end, anchor)` for each
    /// anchor it passes that ends at `min_end` or later.
    #[inline]
    fn walk(
        &self,
        mut row: u32,
        text: &[u8],
        mut pos: usize,
        min_end: usize,
        mut found: impl FnMut(usize, u32),
    ) {
        while row != NONE {
            let node = self.nodes[row as usize];
            if node.anchor != NONE && pos >= min_end {
                found(pos, node.anchor);
            }
            let Some(&byte) = text.get(pos) else {
                return;
            };
            row = self.child(node, byte);
            pos += 1;
        }
    }

    /// The child of `node` reached by `byte`, or [`NONE`].
    #[inline]
    fn child(&self, node: Node, byte: u8) -> u32 {
        let first = node.first as usize;
        let children = &self.nodes[first..first + usize::from(node.children)];
        let at = if children.len() <= LINEAR_CHILDREN {
            children.iter().position(|c| c.label == byte)
        } else {
            children.binary_search_by_key(&byte, |c| c.label).ok()
        };
        at.map_or(NONE, |i| row_number(first + i))
    }
}

/// One bit per byte of a block of 64.
#[derive(Clone, Copy)]
struct Masks {
    /// ASCII letters and digits.
    word: u64,
    /// Bytes that start a character of two or more bytes.
    lead: u64,
    /// Bytes beyond ASCII.
    high: u64,
}

impl Masks {
    /// The masks of `block`'s 64 bytes, sixteen at a time in a SIMD
    /// vector (SSE2 on x86-64, NEON on AArch64, plain code elsewhere):
    /// each test sets every bit of a byte that passes, and the vector's
    /// high bits are gathered into 16 bits of the mask.
    #[inline]
    fn of(block: &[u8]) -> Masks {
        let mut masks = Masks {
            word: 0,
            lead: 0,
            high: 0,
        };
        for (i, sixteen) in block.chunks_exact(16).enumerate() {
            let v = u8x16::new(sixteen.try_into().unwrap_or_default());
            let lower = v | u8x16::splat(0x20);
            let letter = (lower - u8x16::splat(b'a')).simd_lt(u8x16::splat(26));
            let digit = (v - u8x16::splat(b'0')).simd_lt(u8x16::splat(10));
            let shift = i * 16;
            masks.word |= u64::from((letter | digit).to_bitmask()) << shift;
            // `v + v` moves each byte's second bit up to the high one.
            masks.lead |= u64::from((v & (v + v)).to_bitmask()) << shift;
            masks.high |= u64::from(v.to_bitmask()) << shift;
        }
        masks
    }

    /// Bytes that continue a character.
    fn continuation(self) -> u64 {
        self.high & !self.lead
    }
}

/// The rows of `node`'s children.
pub(super) fn rows(node: Node) -> std::ops::Range<u32> {
    node.first..node.first + u32::from(node.children)
}

fn row_number(row: usize) -> u32 {
    u32::try_from(row).expect("invariant: fewer than 4 billion trie nodes")
}

impl Serialize for AnchorTrie {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        packed::rows::serialize(&self.nodes, serializer)
    }
}

impl AnchorTrie {
    /// Writes the trie to `out` as [`Serialize`] and postcard would, a
    /// block of rows at a time.
    pub(super) fn write<W: std::io::Write>(&self, out: W) -> std::io::Result<W> {
        packed::write_rows(&self.nodes, out)
    }

    /// The trie [`Serialize`] wrote as postcard, `len` bytes of `reader`,
    /// read a block of rows at a time; `None` when they do not check out.
    pub(super) fn read(reader: impl std::io::Read, len: u64) -> Option<AnchorTrie> {
        AnchorTrie::from_nodes(packed::read_rows(reader, len)?)
    }
}

impl<'de> Deserialize<'de> for AnchorTrie {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let nodes: Vec<Node> = packed::rows::deserialize(deserializer)?;
        AnchorTrie::from_nodes(nodes)
            .ok_or_else(|| serde::de::Error::custom("trie rows that do not check out"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inflect::ELIDED_ARTICLES;

    fn trie(anchors: &[&str]) -> AnchorTrie {
        let numbered = anchors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.as_bytes(), u32::try_from(i).expect("few")))
            .collect();
        AnchorTrie::new(numbered)
    }

    fn at(trie: &AnchorTrie, text: &str, start: usize) -> Vec<(usize, u32)> {
        let mut hits = Vec::new();
        trie.prefixes_at(text.as_bytes(), start, |end, id| hits.push((end, id)));
        hits
    }

    #[test]
    fn every_anchor_starting_at_a_position_is_found_shortest_first() {
        let t = trie(&["kultur", "kulturpark", "ku", "park", "文化", "文化产业"]);
        assert_eq!(at(&t, "kulturparks", 0), vec![(2, 2), (6, 0), (10, 1)]);
        assert_eq!(at(&t, "kulturparks", 6), vec![(10, 3)]);
        assert_eq!(at(&t, "kultu", 0), vec![(2, 2)]);
        assert_eq!(at(&t, "kxltur", 0), vec![]);
        assert_eq!(at(&t, "x文化产业园", 1), vec![(7, 4), (13, 5)]);
        assert_eq!(at(&t, "文化产", 0), vec![(6, 4)]);
    }

    #[test]
    fn one_and_two_byte_anchors_are_found_up_to_the_text_end() {
        let t = trie(&["c", "c#", "c#x", "go", "é"]);
        assert_eq!(at(&t, "c", 0), vec![(1, 0)]);
        assert_eq!(at(&t, "c#", 0), vec![(1, 0), (2, 1)]);
        assert_eq!(at(&t, "c#x", 0), vec![(1, 0), (2, 1), (3, 2)]);
        assert_eq!(at(&t, "cx", 0), vec![(1, 0)]);
        assert_eq!(at(&t, "go", 0), vec![(2, 3)]);
        assert_eq!(at(&t, "g", 0), vec![]);
        assert_eq!(at(&t, "xé", 1), vec![(3, 4)]);
        // Every pair after a one-byte anchor may start a name.
        let may_start = |text: &str| t.starts.may_start(text.as_bytes(), 0);
        assert!(may_start("c ") && may_start("c"));
        assert!(may_start("go") && !may_start("gx"));
        assert!(!may_start("og"));
    }

    #[test]
    fn names_are_found_with_an_article_letter_in_front() {
        let t = trie(&["الأمم المتحدة", "الأمم", "הכנסת", "כנסת"]);
        let after = |lead: &str, text: &str, start: usize| {
            let lead: [u8; 2] = lead.as_bytes().try_into().expect("two bytes");
            let mut hits = Vec::new();
            t.prefixes_after(lead, text.as_bytes(), start, |end, id| hits.push((end, id)));
            hits
        };
        let text = "للأمم المتحدة";
        let name = "لأمم".len();
        assert_eq!(after("ا", text, 2), vec![(2 + name, 1), (text.len(), 0)]);
        assert_eq!(after("ה", "בכנסת", 2), vec![(10, 2)]);
        assert_eq!(after("ا", "لوزارة", 2), vec![]);
        // The text's own first two bytes after the letter may start a walk.
        let may_start = |text: &str| t.starts.may_start(text.as_bytes(), 0);
        assert!(may_start("لأمم"), "ل after the alif");
        assert!(may_start("כנסת"));
    }

    #[test]
    fn masks_tell_every_byte_value_at_every_place() {
        for offset in 0..64 {
            let mut block = [b'a'; 64];
            for byte in 0..=255u8 {
                block[offset] = byte;
                let masks = Masks::of(&block);
                let bit = |mask: u64| mask >> offset & 1 == 1;
                assert_eq!(bit(masks.word), byte.is_ascii_alphanumeric(), "{byte:#x}");
                assert_eq!(bit(masks.lead), byte >= 0xC0, "{byte:#x}");
                assert_eq!(bit(masks.high), byte >= 0x80, "{byte:#x}");
                // The other bytes are untouched by this one.
                let others = !(1u64 << offset);
                assert_eq!(masks.word & others, others, "{byte:#x} at {offset}");
                assert_eq!(masks.high & others, 0);
            }
        }
    }

    #[test]
    fn an_anchor_given_twice_keeps_its_lower_number() {
        let t = AnchorTrie::new(vec![(b"amt", 5), (b"amtes", 1), (b"amt", 2)]);
        assert_eq!(at(&t, "amtes", 0), vec![(3, 2), (5, 1)]);
    }

    #[test]
    fn a_node_with_many_children_is_searched_by_halving() {
        let anchors: Vec<String> = (b'a'..=b'z')
            .map(|c| format!("x{}", char::from(c)))
            .collect();
        let refs: Vec<&str> = anchors.iter().map(String::as_str).collect();
        let t = trie(&refs);
        for (i, a) in anchors.iter().enumerate() {
            assert_eq!(at(&t, a, 0), vec![(2, u32::try_from(i).expect("few"))]);
        }
        assert_eq!(at(&t, "x0", 0), vec![]);
    }

    #[test]
    fn rows_read_back_and_rows_that_would_loop_are_refused() {
        let t = trie(&["amt", "amtes", "forum"]);
        let bytes = postcard::to_stdvec(&t).expect("serialize");
        let back: AnchorTrie = postcard::from_bytes(&bytes).expect("reads back");
        assert_eq!(back.nodes, t.nodes);
        assert_eq!(at(&back, "amtes", 0), vec![(3, 0), (5, 1)]);
        // A child pointing back at the root.
        let mut looped = t.nodes.clone();
        looped[1].first = 0;
        looped[1].children = 1;
        assert!(AnchorTrie::from_nodes(looped).is_none());
        assert!(AnchorTrie::from_nodes(Vec::new()).is_none());
    }

    #[test]
    fn positions_whose_first_four_bytes_start_no_anchor_are_turned_away() {
        let t = trie(&["kalomine", "amt", "文化产业"]);
        let may_start = |text: &str| t.starts.may_start(text.as_bytes(), 0);
        assert!(may_start("kalomine") && may_start("kalominepark"));
        assert!(may_start("kalo"), "a text may end inside a name");
        assert!(may_start("amt") && may_start("amtes") && may_start("am"));
        assert!(may_start("文化产业园") && may_start("文化"));
        // The first two bytes of a name, not its first four.
        assert!(!may_start("kalender") && !may_start("kaiser"));
        assert!(!may_start("文学"));
    }

    #[test]
    fn most_words_sharing_only_two_letters_with_a_large_glossary_are_turned_away() {
        // Ten thousand names and ten thousand other words, all of eight
        // letters from the same twelve, drawn by a fixed sequence.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut word = || {
            (0..8)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(b"aeiklmnorstu"[(state % 12) as usize])
                })
                .collect::<String>()
        };
        let names: Vec<String> = (0..10_000).map(|_| word()).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let t = trie(&refs);
        let quads: std::collections::HashSet<&[u8]> =
            names.iter().map(|n| &n.as_bytes()[..4]).collect();
        let others: Vec<String> = (0..10_000)
            .map(|_| word())
            .filter(|w| !quads.contains(&w.as_bytes()[..4]))
            .collect();
        let passed = others
            .iter()
            .filter(|w| t.starts.may_start(w.as_bytes(), 0))
            .count();
        assert!(
            !others.is_empty() && passed * 5 < others.len(),
            "{passed} of {}",
            others.len()
        );
        assert!(names.iter().all(|n| t.starts.may_start(n.as_bytes(), 0)));
    }

    proptest::proptest! {
        #[test]
        fn every_position_holding_an_anchor_may_start_one(
            anchors in proptest::collection::vec(proptest::collection::vec(
                proptest::sample::select(vec!["a", "b", "ab", "é", "文", "化", "क", "😀", "ا", "ل", "ה", "כ", " ", "-"]),
                1..6,
            ), 1..12),
            text in proptest::collection::vec(
                proptest::sample::select(vec!["a", "b", "ab", "é", "文", "化", "क", "😀", "ا", "ل", "ה", "כ", " ", "-", "x"]),
                0..24,
            ),
        ) {
            let anchors: Vec<String> = anchors.iter().map(|a| a.concat()).collect();
            let refs: Vec<&str> = anchors.iter().map(String::as_str).collect();
            let t = trie(&refs);
            let text = text.concat();
            for start in 0..text.len() {
                let mut held = !at(&t, &text, start).is_empty();
                if matches!(text.as_bytes()[start], 0xD7 | 0xD9) {
                    for lead in ELIDED_ARTICLES {
                        t.prefixes_after(lead, text.as_bytes(), start, |_, _| held = true);
                    }
                }
                proptest::prop_assert!(
                    !held || t.starts.may_start(text.as_bytes(), start),
                    "{text:?} at {start}"
                );
            }
        }
    }
}
