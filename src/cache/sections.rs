//! The sections of a cache file's body: each its length (8 bytes,
//! little-endian) and its bytes. Postcard sections are decoded straight
//! from the file a buffer at a time, so a section's bytes are never held
//! whole next to what they decode to.

use std::io::Read;

/// Appends one section: its length, then its bytes.
pub(crate) fn push(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend((bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The sections of a body of `len` bytes, read in order from `reader`.
pub(crate) struct Sections<R> {
    reader: R,
    left: u64,
}

impl<R: Read> Sections<R> {
    pub(crate) fn new(reader: R, len: u64) -> Self {
        Sections { reader, left: len }
    }

    /// The next section's bytes; `None` when its length runs past the
    /// body (a damaged file) or reading fails.
    pub(crate) fn bytes(&mut self) -> Option<Vec<u8>> {
        let len = self.next_len()?;
        let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
        (&mut self.reader).take(len).read_to_end(&mut bytes).ok()?;
        (bytes.len() as u64 == len).then_some(bytes)
    }

    /// The next section decoded as postcard; `None` when it does not
    /// decode to exactly its length.
    pub(crate) fn decode<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        let len = self.next_len()?;
        let flavor = Chunked {
            reader: (&mut self.reader).take(len),
            buf: vec![0; CHUNK],
            pos: 0,
            end: 0,
        };
        let mut deserializer = postcard::Deserializer::from_flavor(flavor);
        let value = T::deserialize(&mut deserializer).ok()?;
        let unread = deserializer.finalize().ok()?;
        (unread == 0).then_some(value)
    }

    /// Whether every byte of the body was read.
    pub(crate) fn done(&self) -> bool {
        self.left == 0
    }

    fn next_len(&mut self) -> Option<u64> {
        let mut len = [0; 8];
        self.reader.read_exact(&mut len).ok()?;
        let len = u64::from_le_bytes(len);
        self.left = self.left.checked_sub(8)?.checked_sub(len)?;
        Some(len)
    }
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
    fn sections_read_back_in_order_and_cut_ones_are_refused() {
        let value: (Vec<String>, u64) = (vec!["Straße".repeat(1000), String::new()], 7);
        let mut body = Vec::new();
        push(&mut body, b"raw");
        push(&mut body, &postcard::to_stdvec(&value).expect("encodes"));
        let mut sections = Sections::new(body.as_slice(), body.len() as u64);
        assert_eq!(sections.bytes().as_deref(), Some(&b"raw"[..]));
        assert_eq!(sections.decode::<(Vec<String>, u64)>(), Some(value));
        assert!(sections.done());
        for cut in 0..body.len() {
            let mut sections = Sections::new(&body[..cut], cut as u64);
            let whole = sections.bytes().is_some()
                && sections.decode::<(Vec<String>, u64)>().is_some()
                && sections.done();
            assert!(!whole, "cut at {cut}");
        }
    }
}
