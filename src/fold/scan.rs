//! Byte scans of folding's fast paths, eight bytes at a time: each `u64`
//! word of the text is tested at once, and every byte that passes gets its
//! high bit set in the result (SWAR). The tests are exact for every byte
//! value: a byte at or above 0x80 never passes an ASCII test.

use super::is_ascii_space;

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The seven low bits of every byte.
const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// One in every byte: `ONES * b` repeats byte `b`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The first byte that is not ASCII.
pub(super) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    first_where(bytes, 0, |w| w & HIGH)
}

/// The first white-space byte other than the space (tab, line feed,
/// vertical tab, form feed, carriage return).
pub(super) fn first_control_space(bytes: &[u8]) -> Option<usize> {
    first_where(bytes, b'x', controls)
}

/// End of the longest stretch of `bytes[start..end]` (which starts with a
/// byte that is not white space) in which every white-space byte stands
/// alone between two other bytes: the first white space that is followed by
/// more white space or ends the range.
pub(super) fn simple_stretch_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let range = &bytes[start..end];
    let mut space_before = false;
    let mut at = 0;
    let mut check = |word: u64, at: usize| {
        let found = spaces(word);
        if space_before && found & 0x80 != 0 {
            return Some(start + at - 1);
        }
        let doubled = found & (found >> 8);
        if doubled != 0 {
            return Some(start + at + index(doubled));
        }
        space_before = found >> 63 != 0;
        None
    };
    let mut chunks = range.chunks_exact(8);
    for chunk in &mut chunks {
        if let Some(found) = check(full_word(chunk), at) {
            return found;
        }
        at += 8;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        if let Some(found) = check(padded_word(rest, b'x'), at) {
            return found;
        }
    }
    if range.last().is_some_and(is_ascii_space) {
        end - 1
    } else {
        end
    }
}

fn first_where(bytes: &[u8], pad: u8, test: impl Fn(u64) -> u64) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let found = test(full_word(chunk));
        if found != 0 {
            return Some(at + index(found));
        }
        at += 8;
    }
    let rest = chunks.remainder();
    let found = if rest.is_empty() {
        0
    } else {
        test(padded_word(rest, pad))
    };
    (found != 0).then(|| at + index(found))
}

/// Eight bytes as a little-endian word.
fn full_word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or_default())
}

/// Fewer than eight bytes as a word, filled up with `pad` (a byte no test
/// looks for).
fn padded_word(rest: &[u8], pad: u8) -> u64 {
    let mut padded = [pad; 8];
    padded[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(padded)
}

/// The byte index of the first high bit set in `found`.
fn index(found: u64) -> usize {
    (found.trailing_zeros() / 8) as usize
}

/// Bytes equal to zero. Adding 0x7F to the low seven bits sets the high
/// bit of every byte that has any of them set, without a carry into the
/// next byte; a byte with its own high bit set is not zero either.
fn zeros(word: u64) -> u64 {
    !(((word & LOW) + LOW) | word) & HIGH
}

/// Tab to carriage return (0x09..=0x0D): at least 9 and not at least 14,
/// each found by adding what lifts it to 0x80, and ASCII.
fn controls(word: u64) -> u64 {
    let low = word & LOW;
    let at_least_9 = low + ONES * (0x80 - 0x09);
    let at_least_14 = low + ONES * (0x80 - 0x0E);
    at_least_9 & !at_least_14 & !word & HIGH
}

/// ASCII white space: the space and [`controls`].
fn spaces(word: u64) -> u64 {
    zeros(word ^ (ONES * u64::from(b' '))) | controls(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_is_tested_right_at_every_place() {
        for b in 0..=255u8 {
            for place in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[place] = b;
                let word = u64::from_le_bytes(bytes);
                let at = |found: u64| (found != 0).then(|| index(found));
                let expect = |hit: bool| hit.then_some(place);
                assert_eq!(at(word & HIGH), expect(!b.is_ascii()), "{b:#x}");
                assert_eq!(at(spaces(word)), expect(is_ascii_space(&b)), "{b:#x}");
                assert_eq!(
                    at(controls(word)),
                    expect(is_ascii_space(&b) && b != b' '),
                    "{b:#x}"
                );
            }
        }
    }
}
