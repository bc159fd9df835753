//! Which positions of a text can start an anchor, told from the few bytes
//! there with tables small enough for the fastest caches, before the trie
//! (far larger) is touched.
//!
//! An anchor is told by a hash of its key, its first four bytes (six
//! where the first is a three-byte character: two Chinese characters),
//! one bit per hash; an anchor shorter than its key by its first two
//! bytes. A large glossary's anchors share nearly every pair of first
//! bytes with the words of ordinary text, but few of their keys: most
//! walks that would end after a step or two are never started. A bit may
//! be shared by two hashes, so a position may still pass and find
//! nothing; none where an anchor starts is ever turned away.

use super::trie::{rows, Node, NONE};
use crate::inflect::ELIDED_ARTICLES;

/// Bits of the keys' table: at least one 64-bit word, at most 2^22
/// (512 kB, well within a core's second-level cache).
const MIN_KEY_BITS: u32 = 6;
const MAX_KEY_BITS: u32 = 22;
/// Table bits per key: about one position in twenty of those whose key
/// starts no anchor still passes.
const BITS_PER_KEY: usize = 16;

/// The positions' filter: see the module's documentation.
#[derive(Debug, Clone)]
pub(super) struct Starts {
    /// One bit for each pair of bytes an anchor can start with, also
    /// after an article's letter that the text swallowed (Arabic `للأمم`
    /// read as `الأمم`): only asked where such a letter can stand.
    pairs: Box<[u64; 1024]>,
    /// One bit for each pair of bytes that an anchor shorter than its
    /// key starts with (every pair after a one-byte anchor's byte).
    short: Box<[u64; 1024]>,
    /// One bit for each hash of a longer anchor's key ([`key_width`]).
    keys: Box<[u64]>,
    /// A hash is the top `64 - shift` bits of a product.
    shift: u32,
}

impl Starts {
    /// The filter of the trie whose rows are `nodes` (row 0 the root,
    /// already checked: children lie after their parent and in the
    /// table), with `twos`, the node below each pair of first bytes.
    pub(super) fn new(nodes: &[Node], twos: &[u32]) -> Starts {
        let mut pairs: Box<[u64; 1024]> = Box::new([0; 1024]);
        let mut short: Box<[u64; 1024]> = Box::new([0; 1024]);
        let mut keys = Vec::new();
        // (row, depth, the bytes down to it, first byte lowest).
        let mut stack: Vec<(u32, usize, u64)> = rows(nodes[0])
            .map(|row| (row, 1, u64::from(nodes[row as usize].label)))
            .collect();
        while let Some((row, depth, key)) = stack.pop() {
            if depth == key_width(key as u8) {
                keys.push(key);
                continue;
            }
            let node = nodes[row as usize];
            let pair = first_pair(key);
            if depth == 2 {
                set(&mut pairs[..], pair);
            }
            if node.anchor != NONE {
                if depth == 1 {
                    (0..256).for_each(|second| set(&mut short[..], pair | second));
                    (0..256).for_each(|second| set(&mut pairs[..], pair | second));
                } else {
                    set(&mut short[..], pair);
                }
            }
            for child in rows(node) {
                let label = u64::from(nodes[child as usize].label);
                stack.push((child, depth + 1, key | label << (8 * depth)));
            }
        }
        // A name read with an article's letter in front: its first two
        // bytes in the text are the two after that letter.
        for lead in ELIDED_ARTICLES {
            let row = twos[usize::from(lead[0]) << 8 | usize::from(lead[1])];
            if row == NONE {
                continue;
            }
            for child in rows(nodes[row as usize]) {
                let child = nodes[child as usize];
                let first = usize::from(child.label) << 8;
                if child.anchor != NONE {
                    (0..256).for_each(|second| set(&mut pairs[..], first | second));
                }
                for grandchild in rows(child) {
                    set(
                        &mut pairs[..],
                        first | usize::from(nodes[grandchild as usize].label),
                    );
                }
            }
        }
        let bits = (keys.len() * BITS_PER_KEY)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(MIN_KEY_BITS, MAX_KEY_BITS);
        let shift = 64 - bits;
        let mut keyed = vec![0u64; 1 << (bits - MIN_KEY_BITS)].into_boxed_slice();
        for key in keys {
            set(&mut keyed, key_hash(key, shift));
        }
        Starts {
            pairs,
            short,
            keys: keyed,
            shift,
        }
    }

    /// Whether an anchor can start at `start` of `text` (a position
    /// inside it).
    #[inline]
    pub(super) fn may_start(&self, text: &[u8], start: usize) -> bool {
        let eight = match text.get(start..start + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
            None => {
                let mut eight = [0; 8];
                let tail = &text[start..text.len().min(start + 8)];
                eight[..tail.len()].copy_from_slice(tail);
                u64::from_le_bytes(eight)
            }
        };
        let first = eight as u8;
        let pair = first_pair(eight);
        let key = eight & KEY_MASKS[usize::from(first >> 4)];
        // Hebrew letters and Arabic `ل` start with these bytes.
        let swallowed = matches!(first, 0xD7 | 0xD9) && get(&self.pairs[..], pair);
        get(&self.short[..], pair) | get(&self.keys, key_hash(key, self.shift)) | swallowed
    }
}

/// How many first bytes of an anchor its key holds: two characters of a
/// script of three-byte characters (Chinese, Japanese, Korean, Indic,
/// Thai…), whose first four bytes tell only one; four bytes otherwise.
fn key_width(first: u8) -> usize {
    if first >> 4 == 0xE {
        6
    } else {
        4
    }
}

/// The mask of a key's bytes by the high half of its first byte.
const KEY_MASKS: [u64; 16] = {
    let mut masks = [0xFFFF_FFFF; 16];
    masks[0xE] = 0xFFFF_FFFF_FFFF;
    masks
};

/// The first two bytes of `bytes` (first lowest) as a pair index, the
/// first byte high.
#[inline]
fn first_pair(bytes: u64) -> usize {
    usize::from(bytes as u8) << 8 | usize::from((bytes >> 8) as u8)
}

/// The hash of a key: the top bits of its product with an odd constant
/// (Knuth's multiplicative hashing), which depend on all of its bytes.
#[inline]
fn key_hash(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

fn set(table: &mut [u64], bit: usize) {
    table[bit / 64] |= 1 << (bit % 64);
}

#[inline]
fn get(table: &[u64], bit: usize) -> bool {
    table[bit / 64] & 1 << (bit % 64) != 0
}
