//! Byte scans of folding's fast paths, sixteen bytes at a time: each
//! chunk of the text is loaded into a SIMD vector (SSE2 on x86-64, NEON on
//! AArch64, plain code elsewhere) and tested at once, and the bytes that
//! pass are gathered into the low 16 bits of a mask, first byte lowest.
//! The tests are exact for every byte value: a byte at or above 0x80 never
//! passes an ASCII test.

use super::is_ascii_space;
use wide::u8x16;

/// Bytes taken at once.
const LANES: usize = 16;

/// The first byte that is not ASCII.
pub(super) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    first_where(bytes, 0, u8x16::to_bitmask)
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
    let mut check = |chunk: u8x16, at: usize| {
        let found = spaces(chunk);
        if space_before && found & 1 != 0 {
            return Some(start + at - 1);
        }
        let doubled = found & (found >> 1);
        if doubled != 0 {
            return Some(start + at + index(doubled));
        }
        space_before = found >> (LANES - 1) != 0;
        None
    };
    let mut chunks = range.chunks_exact(LANES);
    for chunk in &mut chunks {
        if let Some(found) = check(full(chunk), at) {
            return found;
        }
        at += LANES;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        if let Some(found) = check(padded(rest, b'x'), at) {
            return found;
        }
    }
    if range.last().is_some_and(is_ascii_space) {
        end - 1
    } else {
        end
    }
}

fn first_where(bytes: &[u8], pad: u8, test: impl Fn(u8x16) -> u32) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(LANES);
    let mut at = 0;
    for chunk in &mut chunks {
        let found = test(full(chunk));
        if found != 0 {
            return Some(at + index(found));
        }
        at += LANES;
    }
    let rest = chunks.remainder();
    let found = if rest.is_empty() {
        0
    } else {
        test(padded(rest, pad))
    };
    (found != 0).then(|| at + index(found))
}

/// Sixteen bytes as a vector.
fn full(chunk: &[u8]) -> u8x16 {
    u8x16::new(chunk.try_into().unwrap_or_default())
}

/// Fewer than sixteen bytes as a vector, filled up with `pad` (a byte no
/// test looks for).
fn padded(rest: &[u8], pad: u8) -> u8x16 {
    let mut filled = [pad; LANES];
    filled[..rest.len()].copy_from_slice(rest);
    u8x16::new(filled)
}

/// The index of the first byte found.
fn index(found: u32) -> usize {
    found.trailing_zeros() as usize
}

/// Tab to carriage return (0x09..=0x0D).
fn controls(chunk: u8x16) -> u32 {
    (chunk - u8x16::splat(0x09))
        .simd_lt(u8x16::splat(5))
        .to_bitmask()
}

/// ASCII white space: the space and [`controls`].
fn spaces(chunk: u8x16) -> u32 {
    chunk.simd_eq(u8x16::splat(b' ')).to_bitmask() | controls(chunk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_is_tested_right_at_every_place() {
        for b in 0..=255u8 {
            for place in 0..LANES {
                let mut bytes = [b'x'; LANES];
                bytes[place] = b;
                let chunk = u8x16::new(bytes);
                let at = |found: u32| (found != 0).then(|| index(found));
                let expect = |hit: bool| hit.then_some(place);
                assert_eq!(at(chunk.to_bitmask()), expect(!b.is_ascii()), "{b:#x}");
                assert_eq!(at(spaces(chunk)), expect(is_ascii_space(&b)), "{b:#x}");
                assert_eq!(
                    at(controls(chunk)),
                    expect(is_ascii_space(&b) && b != b' '),
                    "{b:#x}"
                );
            }
        }
    }
}
