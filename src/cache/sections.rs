//! The sections of a cache file's body: each its length (8 bytes,
//! little-endian) and its bytes. Sections are located first and then read
//! side by side, each through its own file handle; postcard sections are
//! decoded straight from the file a buffer at a time, so a section's bytes
//! are never held whole next to what they decode to.

use std::io::{Read, Seek, SeekFrom, Write};

/// Writes one section at the end of `out`: room for its length, the bytes
/// `fill` writes, then the length in its place.
pub(crate) fn write<W: Write + Seek>(
    out: &mut W,
    fill: impl FnOnce(&mut W) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let at = out.stream_position()?;
    out.write_all(&[0; 8])?;
    fill(out)?;
    let end = out.stream_position()?;
    out.seek(SeekFrom::Start(at))?;
    out.write_all(&(end - at - 8).to_le_bytes())?;
    out.seek(SeekFrom::Start(end))?;
    Ok(())
}

/// Where each section's bytes lie in a body of `len` bytes that starts at
/// byte `start` of `file`: (offset, length) pairs, in order. `None` when
/// the lengths do not add up to the body exactly (a damaged file).
pub(crate) fn locate(
    file: &mut (impl Read + Seek),
    start: u64,
    len: u64,
    count: usize,
) -> Option<Vec<(u64, u64)>> {
    let end = start.checked_add(len)?;
    let mut at = start;
    let mut found = Vec::with_capacity(count);
    for _ in 0..count {
        file.seek(SeekFrom::Start(at)).ok()?;
        let mut bytes = [0; 8];
        file.read_exact(&mut bytes).ok()?;
        let section = u64::from_le_bytes(bytes);
        let offset = at.checked_add(8)?;
        at = offset.checked_add(section).filter(|&next| next <= end)?;
        found.push((offset, section));
    }
    (at == end).then_some(found)
}

/// A section's bytes, `len` of them from `reader`.
#[cfg(test)]
pub(crate) fn bytes(reader: impl Read, len: u64) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
    reader.take(len).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 == len).then_some(bytes)
}

/// A section decoded as postcard from `reader`, through a buffer; `None`
/// when it does not decode to exactly its `len` bytes.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(reader: impl Read, len: u64) -> Option<T> {
    let flavor = Chunked {
        reader: reader.take(len),
        buf: vec![0; CHUNK],
        pos: 0,
        end: 0,
    };
    let mut deserializer = postcard::Deserializer::from_flavor(flavor);
    let value = T::deserialize(&mut deserializer).ok()?;
    let unread = deserializer.finalize().ok()?;
    (unread == 0).then_some(value)
}

/// Bytes read from the file at a time while decoding.
const CHUNK: usize = 1 << 20;

/// Postcard input from a reader through a buffer: a byte is a load from
/// the buffer, not a call to the reader. Only owned data is decoded (the
/// cache holds no borrowed strings).
struct Chunked<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
}

impl<R: Read> Chunked<R> {
    /// Makes at least `need` unread bytes available in the buffer.
    fn fill(&mut self, need: usize) -> postcard::Result<()> {
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
        if self.buf.len() < need {
            self.buf.resize(need, 0);
        }
        while self.end < need {
            let read = self
                .reader
                .read(&mut self.buf[self.end..])
                .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?;
            if read == 0 {
                return Err(postcard::Error::DeserializeUnexpectedEnd);
            }
            self.end += read;
        }
        Ok(())
    }
}

impl<'de, R: Read + 'de> postcard::de_flavors::Flavor<'de> for Chunked<std::io::Take<R>> {
    /// Bytes of the section left unread.
    type Remainder = u64;
    type Source = R;

    fn pop(&mut self) -> postcard::Result<u8> {
        if self.pos == self.end {
            self.fill(1)?;
        }
        let byte = self.buf[self.pos];
        self.pos += 1;
        Ok(byte)
    }

    fn try_take_n(&mut self, _ct: usize) -> postcard::Result<&'de [u8]> {
        // Borrowed data would have to outlive the buffer.
        Err(postcard::Error::DeserializeUnexpectedEnd)
    }

    fn try_take_n_temp<'a>(&'a mut self, ct: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        if self.end - self.pos < ct {
            self.fill(ct)?;
        }
        let taken = &self.buf[self.pos..self.pos + ct];
        self.pos += ct;
        Ok(taken)
    }

    fn finalize(self) -> postcard::Result<u64> {
        Ok((self.end - self.pos) as u64 + self.reader.limit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_read_back_and_cut_ones_are_refused() {
        let value: (Vec<String>, u64) = (vec!["Straße".repeat(1000), String::new()], 7);
        let mut file = std::io::Cursor::new(b"head".to_vec());
        file.set_position(4);
        write(&mut file, |w| w.write_all(b"raw")).expect("writes");
        write(&mut file, |w| {
            postcard::to_io(&value, w)
                .map(drop)
                .map_err(std::io::Error::other)
        })
        .expect("writes");
        let body = file.into_inner();
        let len = body.len() as u64 - 4;
        let found = locate(&mut std::io::Cursor::new(&body), 4, len, 2).expect("located");
        let at = |(offset, _): (u64, u64)| &body[usize::try_from(offset).expect("small")..];
        assert_eq!(
            bytes(at(found[0]), found[0].1).as_deref(),
            Some(&b"raw"[..])
        );
        assert_eq!(
            decode::<(Vec<String>, u64)>(at(found[1]), found[1].1),
            Some(value)
        );
        for cut in 4..body.len() {
            let cut_body = &body[..cut];
            let located = locate(&mut std::io::Cursor::new(cut_body), 4, cut as u64 - 4, 2);
            assert!(located.is_none(), "cut at {cut}");
        }
        let short = found[1].1 - 1;
        assert_eq!(decode::<(Vec<String>, u64)>(at(found[1]), short), None);
    }
}
