//! The compiled glossary's tables as the cache stores them: a table of
//! fixed-size rows is one run of little-endian bytes, written and read in
//! one piece, instead of a sequence decoded number by number. Reading a
//! 100,000-concept glossary back decodes millions of numbers; as bytes
//! they are copied and cut.
//!
//! Used through `#[serde(with = "packed::rows")]` on a `Vec` of rows.

use std::fmt;
use std::marker::PhantomData;

/// A row of a fixed number of bytes.
pub(super) trait Packed: Sized {
    /// Bytes per row.
    const SIZE: usize;
    /// Appends the row's [`Packed::SIZE`] bytes.
    fn pack(&self, out: &mut Vec<u8>);
    /// The row in `bytes` (exactly [`Packed::SIZE`] of them); `None` when
    /// they hold no such row.
    fn unpack(bytes: &[u8]) -> Option<Self>;
}

/// The `n`th little-endian `u32` of `bytes`.
pub(super) fn u32_at(bytes: &[u8], n: usize) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[n * 4..n * 4 + 4]);
    u32::from_le_bytes(word)
}

impl Packed for u32 {
    const SIZE: usize = 4;

    fn pack(&self, out: &mut Vec<u8>) {
        out.extend(self.to_le_bytes());
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        Some(u32_at(bytes, 0))
    }
}

/// Positions and counts of the tables, stored in 32 bits like the rows.
impl Packed for usize {
    const SIZE: usize = 4;

    fn pack(&self, out: &mut Vec<u8>) {
        let n = u32::try_from(*self).expect("invariant: fewer than 4 billion rows");
        n.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        Some(u32_at(bytes, 0) as usize)
    }
}

impl Packed for (u32, u32) {
    const SIZE: usize = 8;

    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
        self.1.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        Some((u32_at(bytes, 0), u32_at(bytes, 1)))
    }
}

/// `serde(with)` functions for a `Vec` of [`Packed`] rows.
pub(super) mod rows {
    use super::*;

    pub(in crate::matcher) fn serialize<S, T>(rows: &[T], serializer: S) -> Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
        T: Packed,
    {
        let mut bytes = Vec::with_capacity(rows.len() * T::SIZE);
        rows.iter().for_each(|row| row.pack(&mut bytes));
        serializer.serialize_bytes(&bytes)
    }

    pub(in crate::matcher) fn deserialize<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: serde::Deserializer<'de>,
        T: Packed,
    {
        deserializer.deserialize_byte_buf(RowsVisitor(PhantomData))
    }
}

/// Rows written by [`rows::serialize`] as the whole of postcard's output,
/// `len` bytes of `reader`, read a block at a time: a table of megabytes
/// is never held as bytes beside its rows. `None` when the bytes do not
/// make exactly such rows.
pub(super) fn read_rows<T: Packed>(mut reader: impl std::io::Read, len: u64) -> Option<Vec<T>> {
    let (count, prefix) = varint(&mut reader)?;
    let size = T::SIZE as u64;
    if prefix.checked_add(count)? != len || count % size != 0 {
        return None;
    }
    let mut rows = Vec::with_capacity(usize::try_from(count / size).ok()?);
    let mut block = vec![0; T::SIZE * 4096];
    let mut left = count;
    while left > 0 {
        let take = usize::try_from(left.min(block.len() as u64)).ok()?;
        reader.read_exact(&mut block[..take]).ok()?;
        for row in block[..take].chunks_exact(T::SIZE) {
            rows.push(T::unpack(row)?);
        }
        left -= take as u64;
    }
    Some(rows)
}

/// Writes `rows` to `out` as [`rows::serialize`] and postcard write them
/// (a length, then every row's bytes), a block of rows at a time: a table
/// of megabytes is never held as bytes beside its rows.
pub(super) fn write_rows<T: Packed, W: std::io::Write>(
    rows: &[T],
    mut out: W,
) -> std::io::Result<W> {
    let mut len = (rows.len() * T::SIZE) as u64;
    let mut block = Vec::with_capacity(T::SIZE * 4096);
    loop {
        let low = (len & 0x7F) as u8;
        len >>= 7;
        block.push(if len == 0 { low } else { low | 0x80 });
        if len == 0 {
            break;
        }
    }
    for chunk in rows.chunks(4096) {
        chunk.iter().for_each(|row| row.pack(&mut block));
        out.write_all(&block)?;
        block.clear();
    }
    out.write_all(&block)?;
    Ok(out)
}

/// A postcard length (LEB128, at most ten bytes) and how many bytes it
/// took.
fn varint(reader: &mut impl std::io::Read) -> Option<(u64, u64)> {
    let mut value = 0u64;
    for i in 0..10 {
        let mut byte = [0];
        reader.read_exact(&mut byte).ok()?;
        value |= u64::from(byte[0] & 0x7F).checked_shl(7 * i)?;
        if byte[0] < 0x80 {
            return Some((value, u64::from(i) + 1));
        }
    }
    None
}

/// `deserialize_with` for a long `String` (stored as serde stores any
/// string): checked as UTF-8 with SIMD. A large glossary's table text is
/// megabytes of names, which the standard check takes a character at a
/// time outside ASCII.
pub(super) fn text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_byte_buf(TextVisitor)
}

struct TextVisitor;

impl serde::de::Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("UTF-8 text")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        simdutf8::basic::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| E::custom("text that is not UTF-8"))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_string())
    }
}

struct RowsVisitor<T>(PhantomData<T>);

impl<T: Packed> serde::de::Visitor<'_> for RowsVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rows of {} bytes", T::SIZE)
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if !bytes.len().is_multiple_of(T::SIZE) {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        // Sized up front: collecting into an `Option` would grow the rows
        // from nothing, copying a table of megabytes again and again.
        let mut rows = Vec::with_capacity(bytes.len() / T::SIZE);
        for row in bytes.chunks_exact(T::SIZE) {
            rows.push(T::unpack(row).ok_or_else(|| E::custom("a row that does not check out"))?);
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Table {
        #[serde(with = "rows")]
        pairs: Vec<(u32, u32)>,
        #[serde(with = "rows")]
        counts: Vec<usize>,
    }

    #[test]
    fn rows_read_back_as_written_and_cut_ones_are_refused() {
        let table = Table {
            pairs: vec![(0, u32::MAX), (7, 1 << 20)],
            counts: vec![0, 3, 1 << 31],
        };
        let bytes = postcard::to_stdvec(&table).expect("serialize");
        // A length byte, then the rows as they are.
        assert_eq!(bytes.len(), 1 + 16 + 1 + 12);
        assert_eq!(postcard::from_bytes::<Table>(&bytes).ok(), Some(table));
        // A run whose length is no multiple of the row's size.
        let mut cut = bytes.clone();
        cut[0] = 15;
        cut.remove(1);
        assert!(postcard::from_bytes::<Table>(&cut).is_err());
    }

    #[test]
    fn rows_are_read_a_block_at_a_time_as_postcard_wrote_them() {
        // Long enough for a two-byte length and several blocks.
        let pairs: Vec<(u32, u32)> = (0..10_000).map(|i| (i, u32::MAX - i)).collect();
        #[derive(Serialize)]
        struct Only<'a>(#[serde(serialize_with = "rows::serialize")] &'a [(u32, u32)]);
        let bytes = postcard::to_stdvec(&Only(&pairs)).expect("serialize");
        assert_eq!(
            bytes.len(),
            3 + 80_000,
            "a three-byte length, then the rows"
        );
        let written = write_rows(&pairs, Vec::new()).expect("writes to memory");
        assert_eq!(
            written, bytes,
            "written a block at a time, as postcard writes"
        );
        let one = write_rows(&[7u32], Vec::new()).expect("writes to memory");
        assert_eq!(one, [4, 7, 0, 0, 0]);
        assert_eq!(write_rows::<u32, _>(&[], Vec::new()).ok(), Some(vec![0]));
        let len = bytes.len() as u64;
        assert_eq!(read_rows::<(u32, u32)>(&bytes[..], len), Some(pairs));
        // Cut, grown, or a length that is no multiple of the row's size.
        assert_eq!(
            read_rows::<(u32, u32)>(&bytes[..bytes.len() - 1], len),
            None
        );
        assert_eq!(read_rows::<(u32, u32)>(&bytes[..], len - 1), None);
        assert_eq!(read_rows::<(u32, u32)>(&bytes[..], len + 1), None);
        assert_eq!(read_rows::<u32>(&[5, 0, 0, 0, 0, 0][..], 6), None);
        assert_eq!(read_rows::<u32>(&[0xFF; 12][..], 12), None);
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Named(#[serde(deserialize_with = "text")] String);

    #[test]
    fn text_reads_back_as_any_string_and_refuses_broken_utf8() {
        let named = Named("Straße 深圳市 ".repeat(20));
        let bytes = postcard::to_stdvec(&named).expect("serialize");
        // Stored as serde stores any string.
        assert_eq!(bytes, postcard::to_stdvec(&named.0).expect("serialize"));
        assert_eq!(postcard::from_bytes::<Named>(&bytes).ok(), Some(named));
        let mut broken = bytes.clone();
        let last = broken.len() - 2;
        broken[last] = 0xFF;
        assert!(postcard::from_bytes::<Named>(&broken).is_err());
    }
}
