//! Matching (SPEC §2): the literal anchor of every glossary form in every
//! language goes into one byte-wise trie, walked from each place of the
//! folded text where a name can start (`trie`); each anchor found is
//! verified for word boundaries and inflection, and overlaps are resolved
//! leftmost-longest.
//!
//! Entries' regular-expression `patterns` run beside the trie: one
//! [`RegexSet`] tells which patterns occur at all, then only those search
//! the text. A pattern is matched against the folded text (lowercase, NFC,
//! width-folded), so it is written in lowercase; its matches must start and
//! end on word boundaries like any form and are variant renderings of their
//! concept. A glossary without patterns compiles no regex.
//!
//! Consumes a [`Glossary`] and folded text; produces [`Match`]es whose spans
//! index the original text.

use crate::boundary::{is_boundary, is_unspaced};
use crate::fold::Folded;
use crate::glossary::Glossary;
use crate::inflect::{
    elided_article, proclitics_before, word_pattern, Proclitics, WordPattern, WordPlace,
};
use crate::lang::LangTag;
use crate::regex_pattern::RegexPattern;
use regex::RegexSet;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
pub use table::{FormRef, Rendering};
use table::{PieceRow, Tables};
use trie::AnchorTrie;

mod build;
mod packed;
mod starts;
mod table;
mod trie;

/// Whether a glossary form is accepted or a known wrong rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    /// One of the entry's `official` forms; `rank` 0 is preferred.
    Official {
        /// Position in the `official` list.
        rank: usize,
    },
    /// One of the entry's `variants`.
    Variant,
}

/// One verified occurrence of a rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Byte span in the file. [`Matcher::find`] gives the span in the
    /// text it was handed; the caller places it in the file.
    pub span: Range<usize>,
    /// Byte span in the segment text that was matched.
    pub text: Range<usize>,
    /// Index of the segment in its document.
    pub segment: usize,
    /// The number of the rendering ([`Matcher::rendering`]).
    pub rendering: usize,
}

/// A piece of a compiled form: text that must appear as is, or a word that
/// may carry an ending.
#[derive(Debug, Clone)]
enum Piece {
    Literal(String),
    Word(WordPattern),
}

/// A form compiled for verification after its anchor was found, while
/// the matcher is built.
#[derive(Debug, Clone)]
struct Pattern {
    rendering: usize,
    /// Pieces after the anchor; the first may be the anchor word's endings.
    rest: Vec<Piece>,
    /// The prefixes the form may be written after (Arabic, Hebrew).
    proclitics: Proclitics,
}

/// The compiled glossary: anchors, patterns and renderings.
#[derive(Clone)]
pub struct Matcher {
    /// The anchors, each with its number, walked from every position
    /// where a name can start.
    anchors: AnchorTrie,
    /// Patterns to verify for each anchor id.
    by_anchor: AnchorIndex,
    /// For anchors shared by many patterns: which of them can continue
    /// with the bytes after the anchor.
    crowded: FastMap<usize, Continuations>,
    /// Renderings, patterns and their pieces.
    tables: Tables,
    /// The lists of endings words of patterns take, by number.
    endings: Vec<&'static [&'static str]>,
    regexes: Option<Regexes>,
}

/// The patterns of each anchor. The patterns are numbered anchor by
/// anchor, so those of anchor `a` are the run `starts[a]..starts[a + 1]`:
/// an anchor found in a text leads to its patterns' rows in one step,
/// without a list of their numbers in between.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct AnchorIndex {
    #[serde(with = "packed::rows")]
    starts: Vec<usize>,
}

impl AnchorIndex {
    /// The index of runs of `sizes[a]` patterns for each anchor `a`.
    fn new(sizes: impl IntoIterator<Item = usize>) -> AnchorIndex {
        let mut starts = vec![0];
        let mut next = 0;
        for size in sizes {
            next += size;
            starts.push(next);
        }
        AnchorIndex { starts }
    }

    /// The patterns of `anchor`; `None` for an anchor the index does not
    /// have.
    fn get(&self, anchor: usize) -> Option<Range<usize>> {
        let (&start, &end) = (self.starts.get(anchor)?, self.starts.get(anchor + 1)?);
        Some(start..end)
    }

    fn anchors(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether the runs follow each other and cover exactly `patterns`
    /// patterns (an index read back from the cache).
    fn consistent(&self, patterns: usize) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last() == Some(&patterns)
    }
}

/// The compiled `patterns` of every entry, with the rendering each one is.
#[derive(Debug, Clone)]
struct Regexes {
    /// The pre-filter of the linear patterns (listed first in `each`);
    /// `None` when the set would exceed regex's size limit, and then every
    /// pattern searches the text.
    set: Option<RegexSet>,
    /// How many patterns of `each` the set covers.
    linear: usize,
    each: Vec<(RegexPattern, usize)>,
}

/// A hash map for the builder's own keys: FNV-1a instead of SipHash,
/// which has nothing to defend against here and is several times slower
/// on the short keys of a glossary with 100,000 concepts.
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Matcher {
    /// Compiles every form of every concept of `glossary`. Folding and
    /// compiling the forms, the bulk of the work for a large glossary, runs
    /// on every core; they are then added in file order.
    pub fn new(glossary: &Glossary) -> Matcher {
        build::matcher(glossary)
    }

    /// Rendering number `index` ([`Match::rendering`]).
    ///
    /// # Panics
    /// When `index` is not below [`Matcher::rendering_count`].
    pub fn rendering(&self, index: usize) -> Rendering<'_> {
        self.tables.rendering(index)
    }

    /// How many renderings there are.
    pub fn rendering_count(&self) -> usize {
        self.tables.rendering_count()
    }

    /// Finds every match in `folded`, leftmost-longest, spans in the original.
    pub fn find(&self, folded: &Folded) -> Vec<Match> {
        let text = folded.as_str();
        let candidates = self.candidates(text);
        select_leftmost_longest(candidates)
            .into_iter()
            .map(|c| {
                let span = folded.original_span(c.start..c.end);
                Match {
                    text: span.clone(),
                    span,
                    segment: 0,
                    rendering: c.rendering,
                }
            })
            .collect()
    }

    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut found = Vec::new();
        self.anchors.each_start(text.as_bytes(), |start| {
            self.candidates_at(text, start, &mut found)
        });
        if let Some(regexes) = &self.regexes {
            self.regex_candidates(regexes, text, &mut found);
        }
        found
    }

    /// The candidates of the anchors `text` holds at `start`. A name
    /// starts only on a boundary, or inside a word right after an Arabic
    /// or Hebrew prefix, and then only a form of that language.
    fn candidates_at(&self, text: &str, start: usize, found: &mut Vec<Candidate>) {
        // Decided at the first anchor found, for all of them.
        let mut starts: Option<Option<Option<Proclitics>>> = None;
        self.anchors
            .prefixes_at(text.as_bytes(), start, |end, anchor| {
                let after = *starts.get_or_insert_with(|| {
                    if is_boundary(text, start) {
                        Some(None)
                    } else {
                        proclitics_before(text, start).map(Some)
                    }
                });
                if let Some(after) = after {
                    found.extend(self.best_at(text, start, end, anchor, after));
                }
            });
        self.elided_candidates_at(text, start, found);
    }

    /// The candidates of names read with the article's letter a prefix
    /// swallowed put back in front: Arabic `للأمم المتحدة` holds
    /// `الأمم المتحدة` at its second letter, Hebrew `בכנסת` holds `הכנסת`
    /// after its first. Only forms of that language count; the match starts
    /// where the text does, after the prefix.
    fn elided_candidates_at(&self, text: &str, start: usize, found: &mut Vec<Candidate>) {
        // Hebrew letters and Arabic `ل` start with these bytes.
        if !matches!(text.as_bytes()[start], 0xD7 | 0xD9) {
            return;
        }
        let Some(lead) = elided_article(text, start) else {
            return;
        };
        let Some(after) = proclitics_before(text, start) else {
            return;
        };
        self.anchors
            .prefixes_after(lead, text.as_bytes(), start, |end, anchor| {
                found.extend(self.best_at(text, start, end, anchor, Some(after)));
            });
    }

    /// The candidate of anchor `anchor`, found at `start..end` (after
    /// prefixes `after`, where only forms written after them count): of
    /// the candidates at one start only the first in selection order can
    /// ever be chosen, so only that one is kept.
    fn best_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        anchor: u32,
        after: Option<Proclitics>,
    ) -> Option<Candidate> {
        let anchor = anchor as usize;
        let all = self.by_anchor.get(anchor)?;
        let verify = |p: usize| {
            let pattern = self.tables.pattern(p);
            if after.is_some_and(|after| pattern.proclitics() != after) {
                return None;
            }
            let end = self.longest_end(text, end, self.tables.pieces(pattern))?;
            Some(Candidate {
                start,
                end,
                concept: pattern.concept(),
                rendering: pattern.rendering(),
            })
        };
        // Only an anchor with many patterns can have an index.
        let crowded = (all.len() > CROWDED)
            .then(|| self.crowded.get(&anchor))
            .flatten();
        match crowded {
            Some(index) => index
                .candidates(text.as_bytes(), end)
                .into_iter()
                .filter_map(verify)
                .min_by_key(Candidate::order),
            None => all.filter_map(verify).min_by_key(Candidate::order),
        }
    }

    fn regex_candidates(&self, regexes: &Regexes, text: &str, found: &mut Vec<Candidate>) {
        let mut indexes: Vec<usize> = match &regexes.set {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..regexes.linear).collect(),
        };
        indexes.extend(regexes.linear..regexes.each.len());
        for index in indexes {
            let (regex, rendering) = &regexes.each[index];
            let concept = self.tables.concept_of(*rendering);
            for span in bounded_matches(regex, text) {
                found.push(Candidate {
                    start: span.start,
                    end: span.end,
                    concept,
                    rendering: *rendering,
                });
            }
        }
    }
}

/// Every match of `regex` in `text` that starts and ends on a boundary. A
/// match that does not is retried from the next character, so a bounded
/// match overlapping it is still found.
fn bounded_matches(regex: &RegexPattern, text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut pos = 0;
    while let Some(m) = regex.find_at(text, pos) {
        let bounded = m.start < m.end && is_boundary(text, m.start) && is_boundary(text, m.end);
        if bounded {
            pos = m.end;
            spans.push(m);
        } else {
            pos = next_char(text, m.start);
        }
        if pos >= text.len() {
            break;
        }
    }
    spans
}

/// The byte after the character at `pos`.
fn next_char(text: &str, pos: usize) -> usize {
    text[pos..]
        .chars()
        .next()
        .map_or(text.len(), |c| pos + c.len_utf8())
}

/// Patterns per anchor above which the anchor gets a [`Continuations`]
/// index: a glossary with thousands of names starting `Ministry of` would
/// otherwise verify every one of them at every `Ministry of` in the text.
const CROWDED: usize = 8;

/// Bytes after the anchor that the index keys on: enough to reach into
/// the words that tell `Ministerium für Kultur` from `Ministerium für
/// Kunst`.
const KEY_BYTES: usize = 16;

/// Ways one pattern may continue that the index lists; where listing
/// another word's endings would pass this, the keys stop before them.
/// Room for a word of every ending a language has (Russian has 68):
/// keys that stop before the first word's endings are empty, and the
/// index would then list every pattern of the anchor under one key.
const MAX_KEYS: usize = 128;

/// The patterns of one crowded anchor by the first [`KEY_BYTES`] bytes
/// each can continue with (fewer where the form ends sooner).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Continuations {
    /// The FNV-1a hash of each key, folded to 32 bits, with a pattern that
    /// may continue so, sorted (one allocation): a collision only makes a
    /// pattern be verified for nothing.
    #[serde(with = "packed::rows")]
    by_key: Vec<(u32, u32)>,
    /// The distinct key lengths, shortest first.
    lengths: Vec<usize>,
    /// Where each hash's rows are in `by_key`, derived from it when the
    /// anchor is first found in a text (not stored: most anchors of a
    /// large glossary are never found in one run).
    #[serde(skip)]
    buckets: OnceLock<Buckets>,
}

impl Continuations {
    fn new(patterns: Range<usize>, all: &[Pattern]) -> Continuations {
        let mut by_key = Vec::with_capacity(patterns.len() * 2);
        let mut lengths = Vec::new();
        for p in patterns {
            let id = u32::try_from(p).unwrap_or(u32::MAX);
            for key in continuations(&all[p].rest) {
                if !lengths.contains(&key.len()) {
                    lengths.push(key.len());
                }
                by_key.push((key_hash(&key), id));
            }
        }
        // Patterns of one key stay in pattern order.
        by_key.sort_unstable();
        by_key.dedup();
        lengths.sort_unstable();
        Continuations {
            by_key,
            lengths,
            buckets: OnceLock::new(),
        }
    }

    /// Whether every pattern the index lists is below `patterns`, and the
    /// rows are in order (a cache file read back).
    fn refers_within(&self, patterns: usize) -> bool {
        self.by_key.is_sorted() && self.by_key.iter().all(|&(_, p)| (p as usize) < patterns)
    }

    /// The patterns that may continue at `pos` of `text`. The keys of
    /// every length are hashed in one pass, since each is a prefix of the
    /// next.
    fn candidates(&self, text: &[u8], pos: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let rest = &text[pos..];
        let mut hasher = Fnv::default();
        let mut hashed = 0;
        let buckets = self.buckets.get_or_init(|| Buckets::new(&self.by_key));
        for &len in self.lengths.iter().take_while(|&&len| len <= rest.len()) {
            std::hash::Hasher::write(&mut hasher, &rest[hashed..len]);
            hashed = len;
            let hash = fold_hash(std::hash::Hasher::finish(&hasher));
            let same = buckets.rows(&self.by_key, hash).iter();
            found.extend(same.filter(|&&(h, _)| h == hash).map(|&(_, p)| p as usize));
        }
        found
    }
}

/// A directory of rows sorted by hash: for each value of the hash's top
/// bits, where its rows start, so that a lookup reads two places instead
/// of searching a table of up to megabytes by halving.
#[derive(Debug, Clone, Default)]
struct Buckets {
    /// The row where each bucket starts, and then the number of rows.
    starts: Vec<u32>,
    /// How many top bits of a hash pick its bucket.
    bits: u32,
}

impl Buckets {
    /// The directory of `rows`, sorted by hash: about one bucket for
    /// every four rows, so that a bucket is one short run.
    fn new(rows: &[(u32, u32)]) -> Buckets {
        let bits = (rows.len() / 4).max(1).next_power_of_two().trailing_zeros();
        let count = 1usize << bits;
        let mut starts = Vec::with_capacity(count + 1);
        let mut row = 0;
        for bucket in 0..count {
            while row < rows.len() && Buckets::bucket_of(rows[row].0, bits) < bucket {
                row += 1;
            }
            starts.push(u32::try_from(row).unwrap_or(u32::MAX));
        }
        starts.push(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        Buckets { starts, bits }
    }

    /// The bucket of `hash`: its top `bits` bits.
    fn bucket_of(hash: u32, bits: u32) -> usize {
        ((u64::from(hash) << bits) >> 32) as usize
    }

    /// The rows of `rows` (those the directory was made from) in the
    /// bucket of `hash`; they include every row with that hash.
    fn rows<'r>(&self, rows: &'r [(u32, u32)], hash: u32) -> &'r [(u32, u32)] {
        let bucket = Buckets::bucket_of(hash, self.bits);
        let start = self.starts[bucket] as usize;
        let end = self.starts[bucket + 1] as usize;
        &rows[start..end]
    }
}

/// FNV-1a of a continuation key, its two halves folded into one.
fn key_hash(bytes: &[u8]) -> u32 {
    let mut hasher = Fnv::default();
    std::hash::Hasher::write(&mut hasher, bytes);
    fold_hash(std::hash::Hasher::finish(&hasher))
}

/// A 64-bit hash folded to 32 bits.
fn fold_hash(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

/// Every way `pieces` can begin, cut at [`KEY_BYTES`] bytes, or earlier,
/// before a word's endings, where listing them would make more than
/// [`MAX_KEYS`] ways.
fn continuations(pieces: &[Piece]) -> Vec<Vec<u8>> {
    let mut ways: Vec<Vec<u8>> = vec![Vec::new()];
    let mut done: Vec<Vec<u8>> = Vec::new();
    for piece in pieces {
        if ways.is_empty() {
            break;
        }
        match piece {
            Piece::Literal(text) => ways
                .iter_mut()
                .for_each(|w| w.extend_from_slice(text.as_bytes())),
            Piece::Word(word) => {
                ways.iter_mut()
                    .for_each(|w| w.extend_from_slice(word.stem.as_bytes()));
                let (full, open): (Vec<_>, Vec<_>) =
                    ways.into_iter().partition(|w| w.len() >= KEY_BYTES);
                done.extend(full);
                if open.len() * word.endings.len() + done.len() > MAX_KEYS {
                    done.extend(open);
                    return cut(done);
                }
                ways = open
                    .iter()
                    .flat_map(|w| {
                        word.endings
                            .iter()
                            .map(move |e| [w.as_slice(), e.as_bytes()].concat())
                    })
                    .collect();
            }
        }
        let (full, open): (Vec<_>, Vec<_>) = ways.into_iter().partition(|w| w.len() >= KEY_BYTES);
        done.extend(full);
        ways = open;
    }
    done.extend(ways);
    cut(done)
}

/// `keys` cut to [`KEY_BYTES`], without repeats.
fn cut(mut keys: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    keys.iter_mut().for_each(|k| k.truncate(KEY_BYTES));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The indexes of the anchors shared by more than [`CROWDED`] of
/// `patterns`, numbered anchor by anchor as `by_anchor` tells.
fn crowded_anchors(by_anchor: &AnchorIndex, patterns: &[Pattern]) -> FastMap<usize, Continuations> {
    (0..by_anchor.anchors())
        .filter_map(|anchor| by_anchor.get(anchor).map(|run| (anchor, run)))
        .filter(|(_, run)| run.len() > CROWDED)
        .map(|(anchor, run)| (anchor, Continuations::new(run, patterns)))
        .collect()
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("anchors", &self.by_anchor.anchors())
            .field("patterns", &self.tables.pattern_count())
            .field("renderings", &self.tables.rendering_count())
            .finish_non_exhaustive()
    }
}

/// The parts of a [`Matcher`] the compiled-glossary cache stores besides
/// the trie ([`Matcher::store_trie`]): the lists of endings, the
/// anchors' patterns, the tables, the crowded anchors' index, and regular
/// expressions as their sources (compiled again on load).
type StoredParts = (
    Vec<Vec<String>>,
    AnchorIndex,
    Tables,
    FastMap<usize, Continuations>,
    Vec<(String, usize)>,
);

impl Matcher {
    /// Writes the matcher for the compiled-glossary cache.
    pub fn store<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let regexes: Vec<(&str, usize)> = self
            .regexes
            .iter()
            .flat_map(|r| {
                r.each
                    .iter()
                    .map(|(regex, rendering)| (regex.as_str(), *rendering))
            })
            .collect();
        let parts = (
            &self.endings,
            &self.by_anchor,
            &self.tables,
            &self.crowded,
            regexes,
        );
        parts.serialize(serializer)
    }

    /// Writes the anchors' trie to `out`, stored apart from the rest so
    /// that it is decoded beside it; its rows (tens of megabytes for a
    /// large glossary) are written a block at a time.
    pub fn store_trie<W: std::io::Write>(&self, out: W) -> std::io::Result<W> {
        self.anchors.write(out)
    }

    /// Reads a matcher [`Matcher::store`] and [`Matcher::store_trie`]
    /// wrote, its parts already checked ([`StoredMatcher::checked`]), for a
    /// glossary whose concepts have `entries[c]` entries each; `None` when
    /// a form names an entry the glossary lacks (a cache of another
    /// glossary, or damaged).
    pub fn restore(parts: CheckedMatcher, trie: StoredTrie, entries: &[usize]) -> Option<Matcher> {
        let CheckedMatcher {
            endings,
            by_anchor,
            tables,
            crowded,
            regexes,
        } = parts;
        tables.entries_within(entries).then(|| Matcher {
            anchors: trie.0,
            by_anchor,
            crowded,
            tables,
            endings,
            regexes,
        })
    }

    /// A matcher from its parts, compiled or read back; the patterns'
    /// pre-filter is compiled here.
    fn assemble(
        anchors: AnchorTrie,
        crowded: FastMap<usize, Continuations>,
        by_anchor: AnchorIndex,
        tables: Tables,
        endings: Vec<&'static [&'static str]>,
        regexes: Vec<(RegexPattern, usize)>,
    ) -> Matcher {
        Matcher {
            anchors,
            crowded,
            by_anchor,
            tables,
            endings,
            regexes: compile_set(regexes),
        }
    }
}

/// What [`Matcher::store`] wrote, read back.
#[derive(Deserialize)]
pub struct StoredMatcher(StoredParts);

/// A [`StoredMatcher`] whose parts check out, its patterns' regular
/// expressions compiled: what is left for [`Matcher::restore`] needs the
/// trie and the glossary, read beside it.
pub struct CheckedMatcher {
    endings: Vec<&'static [&'static str]>,
    by_anchor: AnchorIndex,
    tables: Tables,
    crowded: FastMap<usize, Continuations>,
    regexes: Option<Regexes>,
}

impl StoredMatcher {
    /// The parts checked: every row within its table, every span on whole
    /// characters, every index within what it indexes; the regular
    /// expressions compiled. `None` when they do not check out (a damaged
    /// cache file).
    pub fn checked(self) -> Option<CheckedMatcher> {
        let StoredMatcher((lists, by_anchor, tables, crowded, sources)) = self;
        let endings: Vec<&'static [&'static str]> = lists
            .into_iter()
            .map(crate::inflect::interned_endings)
            .collect();
        let mut regexes = Vec::new();
        for (source, rendering) in sources {
            regexes.push((RegexPattern::new(&source).ok()?, rendering));
        }
        let patterns = tables.pattern_count();
        let sound = tables.sound(endings.len())
            && by_anchor.consistent(patterns)
            && crowded.iter().all(|(&anchor, index)| {
                anchor < by_anchor.anchors() && index.refers_within(patterns)
            })
            && regexes.iter().all(|(_, r)| *r < tables.rendering_count());
        sound.then(|| CheckedMatcher {
            endings,
            by_anchor,
            tables,
            crowded,
            regexes: compile_set(regexes),
        })
    }
}

/// The anchors' trie read back from [`Matcher::store_trie`]'s bytes.
pub struct StoredTrie(AnchorTrie);

impl StoredTrie {
    /// The trie in `bytes`; `None` when the bytes do not check out.
    pub fn from_bytes(bytes: &[u8]) -> Option<StoredTrie> {
        postcard::from_bytes(bytes).ok().map(StoredTrie)
    }

    /// The trie in the `len` bytes of `reader`, read a block at a time
    /// (the bytes are never all in memory); `None` when they do not check
    /// out.
    pub fn read(reader: impl std::io::Read, len: u64) -> Option<StoredTrie> {
        AnchorTrie::read(reader, len).map(StoredTrie)
    }
}

/// An anchor's number as the trie stores it.
fn anchor_id(index: usize) -> u32 {
    u32::try_from(index).expect("invariant: fewer than 4 billion anchors")
}

/// The patterns and their pre-filter; `None` when there are no patterns.
fn compile_set(mut each: Vec<(RegexPattern, usize)>) -> Option<Regexes> {
    if each.is_empty() {
        return None;
    }
    each.sort_by_key(|(regex, _)| !regex.is_linear());
    let linear = each.iter().filter(|(regex, _)| regex.is_linear()).count();
    let set = RegexSet::new(each[..linear].iter().map(|(r, _)| r.as_str())).ok();
    Some(Regexes { set, linear, each })
}

/// Splits a folded form into literal pieces and inflectable words.
fn compile(folded: &str, lang: &LangTag, inflect: bool) -> Vec<Piece> {
    let tokens = tokenize(folded);
    let last_word = tokens.iter().rposition(|(is_word, _)| *is_word);
    let mut pieces = Vec::new();
    for (i, (is_word, token)) in tokens.into_iter().enumerate() {
        let place = WordPlace {
            is_last: Some(i) == last_word,
        };
        let pattern = (is_word && inflect)
            .then(|| word_pattern(lang, token, place))
            .flatten();
        match pattern {
            Some(p) => pieces.push(Piece::Word(p)),
            None => push_literal(&mut pieces, token),
        }
    }
    pieces
}

fn push_literal(pieces: &mut Vec<Piece>, token: &str) {
    if let Some(Piece::Literal(last)) = pieces.last_mut() {
        last.push_str(token);
    } else {
        pieces.push(Piece::Literal(token.to_string()));
    }
}

/// Words are runs of letters, marks and digits in scripts written with
/// spaces; everything else (and text in unspaced scripts) is literal.
fn tokenize(folded: &str) -> Vec<(bool, &str)> {
    let mut tokens: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in folded.char_indices() {
        let is_word = is_word_char(c);
        if current.is_some_and(|w| w != is_word) {
            tokens.push((current == Some(true), &folded[start..i]));
            start = i;
        }
        current = Some(is_word);
    }
    if let Some(is_word) = current {
        tokens.push((is_word, &folded[start..]));
    }
    tokens
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)) && !is_unspaced(c)
}

/// The most characters of a form the trie holds. Longer anchors
/// (a whole name in a language without inflection) are cut, and the rest
/// is verified after the hit: a 100k-concept glossary's trie then has
/// far fewer nodes, and the names found are the same.
const MAX_ANCHOR_CHARS: usize = 10;

/// The anchor is the literal text up to and including the first word's stem,
/// at most [`MAX_ANCHOR_CHARS`] of it; the rest is what verification walks.
fn split_anchor(pieces: Vec<Piece>) -> (String, Vec<Piece>) {
    let mut anchor = String::new();
    let mut iter = pieces.into_iter();
    let mut rest = Vec::new();
    for piece in iter.by_ref() {
        match piece {
            Piece::Literal(text) => anchor.push_str(&text),
            Piece::Word(word) => {
                anchor.push_str(&word.stem);
                rest.push(Piece::Word(WordPattern {
                    stem: String::new(),
                    endings: word.endings,
                }));
                break;
            }
        }
    }
    rest.extend(iter);
    if let Some((cut, _)) = anchor.char_indices().nth(MAX_ANCHOR_CHARS) {
        let tail = anchor.split_off(cut);
        match rest.first_mut() {
            Some(Piece::Literal(next)) => next.insert_str(0, &tail),
            _ => rest.insert(0, Piece::Literal(tail)),
        }
    }
    // Both are kept until the matcher is built: a 100k-concept glossary
    // has half a million of them.
    anchor.shrink_to_fit();
    rest.shrink_to_fit();
    (anchor, rest)
}

impl Matcher {
    /// The end of the longest way `pieces` can continue at `pos`, ending
    /// on a boundary.
    fn longest_end(&self, text: &str, pos: usize, pieces: &[PieceRow]) -> Option<usize> {
        let Some((first, rest)) = pieces.split_first() else {
            return is_boundary(text, pos).then_some(pos);
        };
        let tail = &text.as_bytes()[pos..];
        let texts = &self.tables.texts;
        match *first {
            PieceRow::Literal(lit) => {
                let lit = texts.bytes(lit);
                has_prefix(tail, lit)
                    .then(|| self.longest_end(text, pos + lit.len(), rest))
                    .flatten()
            }
            PieceRow::Word { stem, endings } => {
                let stem = texts.bytes(stem);
                if !has_prefix(tail, stem) {
                    return None;
                }
                let after_stem = &tail[stem.len()..];
                let base = pos + stem.len();
                self.endings[endings as usize]
                    .iter()
                    .filter(|e| has_prefix(after_stem, e.as_bytes()))
                    .filter_map(|e| self.longest_end(text, base + e.len(), rest))
                    .max()
            }
        }
    }
}

/// Whether `text` starts with `prefix`. Endings and most stems are a few
/// bytes: they are compared in line, byte by byte, where a library call to
/// compare memory costs more than the comparison; longer ones by that call.
fn has_prefix(text: &[u8], prefix: &[u8]) -> bool {
    if prefix.len() > 16 {
        return text.starts_with(prefix);
    }
    prefix.len() <= text.len() && prefix.iter().zip(text).all(|(a, b)| a == b)
}

/// A verified match in folded coordinates.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    concept: usize,
    rendering: usize,
}

impl Candidate {
    /// Selection order: leftmost, then longest, then the concept first in
    /// file order, then its first rendering.
    fn order(&self) -> (usize, std::cmp::Reverse<usize>, usize, usize) {
        (
            self.start,
            std::cmp::Reverse(self.end),
            self.concept,
            self.rendering,
        )
    }
}

/// Leftmost wins; at one position the longest; at equal spans the concept
/// first in file order (SPEC §2, §3).
fn select_leftmost_longest(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(Candidate::order);
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut cursor = 0;
    for c in candidates {
        if c.start >= cursor && c.end > c.start {
            cursor = c.end;
            chosen.push(c);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::{fold, FoldOptions};
    use crate::glossary::load_str;
    use std::path::Path;

    const GLOSSARY: &str = r#"
version: 1
concepts:
  - id: plan
    terms:
      en: Cultural Industry Park Carrying Plan
      de: Kulturindustriepark-Trägerplan
  - id: park
    terms:
      en: Cultural Industry Park
      de: Kulturindustriepark
      zh: 文化产业园区
  - id: mct
    terms:
      de: Ministerium für Kultur und Tourismus
      zh: 文化和旅游部
      fr: Ministère de la Culture et du Tourisme
  - id: who
    terms:
      fr: Organisation mondiale de la santé
      ru: Всемирная организация здравоохранения
      it: Unione europea
  - id: k8s
    terms:
      ko: 쿠버네티스
  - id: un
    terms:
      ar: الأمم المتحدة
      he: האומות המאוחדות
  - id: street
    terms:
      de: Hauptstraße
  - id: shared-first
    terms:
      en: Summit
  - id: shared-second
    terms:
      en: Summit
"#;

    fn found(text: &str) -> Vec<(String, String)> {
        let glossary = load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads");
        let matcher = Matcher::new(&glossary);
        found_in(&glossary, &matcher, text)
            .into_iter()
            .map(|(id, t)| (id, t.to_string()))
            .collect()
    }

    /// Asserts that the glossary `yaml` finds in `text` exactly `expected`:
    /// each match as its concept's id and the text it covers, in order.
    fn assert_found(yaml: &str, text: &str, expected: &[(&str, &str)]) {
        let glossary = load_str(Path::new("g.yaml"), yaml).expect("loads");
        let matcher = Matcher::new(&glossary);
        let found = found_in(&glossary, &matcher, text);
        let found: Vec<(&str, &str)> = found.iter().map(|(id, t)| (id.as_str(), *t)).collect();
        assert_eq!(found, expected);
    }

    /// [`assert_found`], and the text before the first match is `before`
    /// (a prefix the match leaves outside).
    fn assert_found_after(yaml: &str, text: &str, expected: &[(&str, &str)], before: &str) {
        assert_found(yaml, text, expected);
        let glossary = load_str(Path::new("g.yaml"), yaml).expect("loads");
        let folded = fold(text, FoldOptions { case: true });
        let first = Matcher::new(&glossary).find(&folded)[0].span.clone();
        assert_eq!(&text[..first.start], before);
    }

    /// Each match in `text` as its concept's id and the text it covers.
    fn found_in<'t>(
        glossary: &Glossary,
        matcher: &Matcher,
        text: &'t str,
    ) -> Vec<(String, &'t str)> {
        let folded = fold(text, FoldOptions { case: true });
        matcher
            .find(&folded)
            .into_iter()
            .map(|m| {
                let concept = &glossary.concepts[matcher.rendering(m.rendering).concept];
                (concept.id.clone(), &text[m.span])
            })
            .collect()
    }

    fn pair(id: &str, text: &str) -> (String, String) {
        (id.to_string(), text.to_string())
    }

    /// The candidates found by walking the trie from every character,
    /// skipping nothing.
    fn candidates_everywhere(matcher: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for (start, _) in text.char_indices() {
            matcher.candidates_at(text, start, &mut found);
        }
        let mut found: Vec<_> = found
            .iter()
            .map(|c| (c.start, c.end, c.rendering))
            .collect();
        found.sort_unstable();
        found
    }

    fn candidates_skipping(matcher: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<_> = matcher
            .candidates(text)
            .iter()
            .map(|c| (c.start, c.end, c.rendering))
            .collect();
        found.sort_unstable();
        found
    }

    const MIXED: &str = "Der Kulturindustriepark-Trägerplan des Kulturindustrieparks, the \
                         Cultural Industry Park Carrying Plan, 文化产业园区 und 文化和旅游部; \
                         Всемирная организация здравоохранения, 쿠버네티스는, die Hauptstrasse, \
                         (Summit) «Summit» Summits x-Summit Summit_x l'Organisation mondiale de la santé";

    #[test]
    fn positions_stepped_over_hold_no_candidate() {
        let glossary = load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads");
        let matcher = Matcher::new(&glossary);
        let folded = fold(MIXED, FoldOptions { case: true });
        let text = folded.as_str();
        let everywhere = candidates_everywhere(&matcher, text);
        assert!(everywhere.len() >= 10, "{everywhere:?}");
        assert_eq!(candidates_skipping(&matcher, text), everywhere);
        // Every cut of the text, so that names straddle the 64-byte blocks
        // the positions are picked from at every offset.
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let tail = &text[cut..];
            assert_eq!(
                candidates_skipping(&matcher, tail),
                candidates_everywhere(&matcher, tail),
                "from byte {cut}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn no_candidate_is_lost_in_any_mix_of_scripts(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "kultur", "industrie", "park", "Kulturindustriepark", "summit", "Summit",
                "文化", "产业园区", "文化和旅游部", "쿠버네티스", "всемирная", "Всемирная ",
                " ", "  ", "-", "'", "_", ".", "1", "ä", "x", "é", "\u{301}", "\u{ad}",
                "ل", "و", "ה", "ב", "de la santé", "Hauptstraße", "«", "\n",
                "الأمم", "لأمم", " المتحدة", "אומות", "האומות", " המאוחדות",
            ]), 0..40),
        ) {
            let glossary = load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads");
            let matcher = Matcher::new(&glossary);
            let folded = fold(&pieces.concat(), FoldOptions { case: true });
            let text = folded.as_str();
            proptest::prop_assert_eq!(
                candidates_skipping(&matcher, text),
                candidates_everywhere(&matcher, text)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_directory_finds_every_row_of_a_hash(
            // Few distinct hashes, so that many rows share one; some at
            // both ends of the range.
            mut rows in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        proptest::sample::select(vec![0, 1, 7, 0x8000_0000, 0xFFFF_FFFE, u32::MAX]),
                        proptest::prelude::any::<u32>(),
                    ],
                    0..50u32,
                ),
                0..300,
            ),
            probe in proptest::prelude::any::<u32>(),
        ) {
            rows.sort_unstable();
            let buckets = Buckets::new(&rows);
            let of = |hash: u32| -> Vec<(u32, u32)> {
                buckets.rows(&rows, hash).iter().copied().filter(|r| r.0 == hash).collect()
            };
            for &(hash, _) in &rows {
                let all: Vec<_> = rows.iter().copied().filter(|r| r.0 == hash).collect();
                proptest::prop_assert_eq!(of(hash), all);
            }
            let all: Vec<_> = rows.iter().copied().filter(|r| r.0 == probe).collect();
            proptest::prop_assert_eq!(of(probe), all);
        }
    }

    #[test]
    fn a_directory_of_rows_out_of_order_answers_without_panicking() {
        // A damaged cache file is refused (`refers_within`); were it not,
        // lookups must still stay inside the table.
        let rows = vec![(u32::MAX, 0), (5, 1), (0x8000_0000, 2), (0, 3), (9, 4)];
        let buckets = Buckets::new(&rows);
        for hash in [0, 5, 9, 0x8000_0000, u32::MAX] {
            assert!(buckets.rows(&rows, hash).len() <= rows.len());
        }
        let index = Continuations {
            by_key: rows,
            lengths: vec![1],
            buckets: OnceLock::new(),
        };
        assert!(!index.refers_within(10));
    }

    #[test]
    fn anchors_starting_with_punctuation_are_found_too() {
        let yaml = "version: 1\nconcepts:\n  - id: net\n    terms:\n      en: .NET Framework\n  - id: cpp\n    terms:\n      en: C++\n";
        let glossary = load_str(Path::new("g.yaml"), yaml).expect("glossary loads");
        let matcher = Matcher::new(&glossary);
        let found = found_in(&glossary, &matcher, "We use .NET Framework and C++ here.");
        assert_eq!(
            found,
            vec![
                ("net".to_string(), ".NET Framework"),
                ("cpp".to_string(), "C++")
            ]
        );
        let folded = fold(
            "a.net framework, .NET Framework; c++",
            FoldOptions { case: true },
        );
        assert_eq!(
            candidates_skipping(&matcher, folded.as_str()),
            candidates_everywhere(&matcher, folded.as_str())
        );
    }

    #[test]
    fn the_stored_trie_finds_what_the_built_one_finds() {
        let glossary = load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads");
        let built = Matcher::new(&glossary);
        let mut stored = Vec::new();
        built.store_trie(&mut stored).expect("writes to memory");
        let StoredTrie(trie) = StoredTrie::from_bytes(&stored).expect("reads back");
        let mut restored = built.clone();
        restored.anchors = trie;
        assert_eq!(
            found_in(&glossary, &restored, MIXED),
            found_in(&glossary, &built, MIXED)
        );
        let len = stored.len() as u64;
        let StoredTrie(read) = StoredTrie::read(&stored[..], len).expect("reads back");
        restored.anchors = read;
        assert_eq!(
            found_in(&glossary, &restored, MIXED),
            found_in(&glossary, &built, MIXED)
        );
        let mut damaged = stored;
        damaged.pop();
        assert!(StoredTrie::from_bytes(&damaged).is_none());
        assert!(StoredTrie::read(&damaged[..], len - 1).is_none());
    }

    #[test]
    fn names_sharing_a_first_word_in_any_file_order_are_told_apart() {
        // Concepts whose names start alike are listed apart from each
        // other; `Bank` starts more names than `Office` and gets an index.
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..12 {
            let (a, b) = (format!("bank{i}"), format!("office{i}"));
            yaml.push_str(&format!(
                "  - id: {a}\n    terms:\n      en: Bank of Town{i}\n"
            ));
            yaml.push_str(&format!(
                "  - id: {b}\n    terms:\n      en: Office of Town{i}\n"
            ));
            if i % 4 == 0 {
                yaml.push_str(&format!("  - id: x{i}\n    terms:\n      en: Town{i}\n"));
            }
        }
        let text = "The Office of Town7 and the Bank of Town3 met in Town4, \
                    not the Bank of Town12 nor the Office of Town11.";
        let expected = [
            ("office7", "Office of Town7"),
            ("bank3", "Bank of Town3"),
            ("x4", "Town4"),
            ("office11", "Office of Town11"),
        ];
        assert_found(&yaml, text, &expected);
        let glossary = load_str(Path::new("g.yaml"), &yaml).expect("loads");
        let matcher = Matcher::new(&glossary);
        assert_eq!(matcher.crowded.len(), 2, "`bank of` and `office of`");
    }

    #[test]
    fn arabic_and_hebrew_names_match_after_a_prefix_which_stays_outside() {
        let yaml = concat!(
            "version: 1\nconcepts:\n",
            "  - id: mof\n    terms:\n      ar: وزارة المالية\n      he: משרד האוצר\n",
            "  - id: exact\n    terms:\n      ar:\n        official: مجلس الشورى\n        inflect: false\n",
            "  - id: latin\n    terms:\n      en: Shura Council\n",
        );
        let text = "ولوزارة المالية، وتوزارة المالية، במשרד האוצר, אבמשרד האוצר, \
                    لمجلس الشورى، وShura Council";
        let expected = [("mof", "وزارة المالية"), ("mof", "משרד האוצר")];
        // The span starts after the prefix.
        assert_found_after(yaml, text, &expected, "ول");
    }

    #[test]
    fn arabic_and_hebrew_names_match_where_a_prefix_swallowed_the_article() {
        let yaml = concat!(
            "version: 1\nconcepts:\n",
            "  - id: un\n    terms:\n      ar: الأمم المتحدة\n",
            "  - id: knesset\n    terms:\n      he: הכנסת\n",
            "  - id: exact\n    terms:\n      ar:\n        official: المجلس الوطني\n        inflect: false\n",
        );
        let text = "للأمم المتحدة، وللأمم المتحدة، بالأمم المتحدة، بلأمم المتحدة؛ \
                    בכנסת, ולכנסת, הכנסת, מכנסת; للمجلس الوطني";
        let expected = [
            ("un", "لأمم المتحدة"),
            ("un", "لأمم المتحدة"),
            ("un", "الأمم المتحدة"),
            ("knesset", "כנסת"),
            ("knesset", "כנסת"),
            ("knesset", "הכנסת"),
        ];
        // The span starts after the prefix, at the article's `ل`.
        assert_found_after(yaml, text, &expected, "ل");
    }

    #[test]
    fn greek_and_swedish_names_match_in_their_cases() {
        let yaml = concat!(
            "version: 1\nconcepts:\n",
            "  - id: mof\n    terms:\n      el: Υπουργείο Οικονομικών\n",
            "  - id: riksdag\n    terms:\n      sv: Sveriges riksdag\n",
        );
        let text = "ΥΠΟΥΡΓΕΙΟ ΟΙΚΟΝΟΜΙΚΩΝ, του Υπουργείου Οικονομικών, Υπουργείο Οικονομικού; \
                    Sveriges riksdags beslut, Sveriges riksdagar";
        assert_found(
            yaml,
            text,
            &[
                ("mof", "ΥΠΟΥΡΓΕΙΟ ΟΙΚΟΝΟΜΙΚΩΝ"),
                ("mof", "Υπουργείου Οικονομικών"),
                ("riksdag", "Sveriges riksdags"),
            ],
        );
    }

    #[test]
    fn turkish_names_in_capitals_match_and_keep_their_letters() {
        let yaml = "version: 1\nconcepts:\n  - id: ibb\n    terms:\n      tr: İstanbul Büyükşehir Belediyesi\n  - id: stb\n    terms:\n      tr: Sanayi ve Teknoloji Bakanlığı\n";
        let text = "İSTANBUL BÜYÜKŞEHİR BELEDİYESİ ile SANAYİ VE TEKNOLOJİ BAKANLIĞI";
        assert_found(
            yaml,
            text,
            &[
                ("ibb", "İSTANBUL BÜYÜKŞEHİR BELEDİYESİ"),
                ("stb", "SANAYİ VE TEKNOLOJİ BAKANLIĞI"),
            ],
        );
    }

    #[test]
    fn finnish_norwegian_and_hungarian_names_are_found_with_their_endings() {
        let yaml = concat!(
            "version: 1\nconcepts:\n",
            "  - id: mof\n    terms:\n      fi: Valtiovarainministeriö\n",
            "  - id: uh\n    terms:\n      fi: Helsingin yliopisto\n",
            "  - id: gov\n    terms:\n      nb: Regjering\n",
            "  - id: mnb\n    terms:\n      hu: Magyar Nemzeti Bank\n",
            "  - id: mta\n    terms:\n      hu: Magyar Tudományos Akadémia\n",
            "  - id: nt\n    terms:\n      hu: Nemzeti Tanács\n",
        );
        let text = "Valtiovarainministeriössä ja Helsingin yliopistoon, \
                    Helsingin yliopistoissa; regjeringa og regjeringas; \
                    a Magyar Nemzeti Bankkal, a Magyar Nemzeti Bankok; \
                    a MAGYAR TUDOMÁNYOS AKADÉMIÁN, a Magyar Tudományos Akadémiával, \
                    a Magyar Tudományos Akadémiaban; a Nemzeti Tanáccsal, a Nemzeti Tanácsal";
        assert_found(
            yaml,
            text,
            &[
                ("mof", "Valtiovarainministeriössä"),
                ("uh", "Helsingin yliopistoon"),
                ("gov", "regjeringa"),
                ("gov", "regjeringas"),
                ("mnb", "Magyar Nemzeti Bankkal"),
                ("mta", "MAGYAR TUDOMÁNYOS AKADÉMIÁN"),
                ("mta", "Magyar Tudományos Akadémiával"),
                ("nt", "Nemzeti Tanáccsal"),
            ],
        );
    }

    #[test]
    fn turkish_institutions_are_found_with_their_case_endings() {
        let yaml = "version: 1\nconcepts:\n  - id: mof\n    terms:\n      tr: Maliye Bakanlığı\n  - id: ibb\n    terms:\n      tr: İstanbul Büyükşehir Belediyesi\n  - id: tdk\n    terms:\n      tr: Türk Dil Kurumu\n";
        let text = "Maliye Bakanlığının açıklaması, MALİYE BAKANLIĞINDAN bir yazı, \
                    İstanbul Büyükşehir Belediyesi'ne ve İstanbul Büyükşehir Belediyesine, \
                    Türk Dil Kurumunda; Maliye Bakanlığılar değil";
        assert_found(
            yaml,
            text,
            &[
                ("mof", "Maliye Bakanlığının"),
                ("mof", "MALİYE BAKANLIĞINDAN"),
                ("ibb", "İstanbul Büyükşehir Belediyesi"),
                ("ibb", "İstanbul Büyükşehir Belediyesine"),
                ("tdk", "Türk Dil Kurumunda"),
            ],
        );
    }

    #[test]
    fn long_names_cut_at_the_anchor_are_told_apart_and_keep_their_endings() {
        // Each form is longer than the anchor; the first two share their
        // first 6 characters, the German ones their first 19, and the
        // inflected ones take their endings after the cut.
        let yaml = concat!(
            "version: 1\nconcepts:\n",
            "  - id: plan\n    terms:\n      zh: 文化产业园区承载计划\n      de: Kulturindustrieparkplan\n",
            "  - id: park\n    terms:\n      zh: 文化产业园区发展规划纲要\n      de: Kulturindustriepark\n",
            "  - id: tower\n    terms:\n      en: International Finance Centre Tower\n",
        );
        let glossary = load_str(Path::new("g.yaml"), yaml).expect("loads");
        let matcher = Matcher::new(&glossary);
        let text = "文化产业园区承载计划与文化产业园区发展规划纲要：des Kulturindustrieparkplans, \
                    die Kulturindustrieparks, the International Finance Centre Towers, \
                    the International Finance Centre Tower";
        let found = found_in(&glossary, &matcher, text);
        let expected = [
            ("plan", "文化产业园区承载计划"),
            ("park", "文化产业园区发展规划纲要"),
            ("plan", "Kulturindustrieparkplans"),
            ("park", "Kulturindustrieparks"),
            ("tower", "International Finance Centre Towers"),
            ("tower", "International Finance Centre Tower"),
        ];
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(id, t)| (id.to_string(), *t))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn names_sharing_their_first_word_are_told_apart_by_what_follows() {
        // 40 names start `Ministerium für`: the anchor is crowded and its
        // patterns are found through the continuation index. `Kunst 40`
        // is not `Kunst 4`.
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..40 {
            yaml.push_str(&format!(
                "  - id: m{i}\n    terms:\n      de: Ministerium für Kunst {i}\n      en: Ministry of Arts {i}\n"
            ));
        }
        let glossary = load_str(Path::new("g.yaml"), &yaml).expect("loads");
        let matcher = Matcher::new(&glossary);
        assert!(!matcher.crowded.is_empty());
        let text = "des Ministeriums für Kunst 7, das Ministerium für Kunst 39 und Ministry of Arts 12; Ministerium für Kunst 40";
        let found = found_in(&glossary, &matcher, text);
        assert_eq!(
            found,
            [
                ("m7".to_string(), "Ministeriums für Kunst 7"),
                ("m39".to_string(), "Ministerium für Kunst 39"),
                ("m12".to_string(), "Ministry of Arts 12"),
            ]
        );
    }

    #[test]
    fn names_after_a_word_with_many_endings_are_told_apart_by_the_index() {
        // Russian `форум` takes dozens of endings: the index lists each
        // ending with the name after it, so that `форума Вебова` is
        // verified against its own form only, not all forty.
        let syllables = ["Ба", "Ве", "Го", "Ду", "Же", "За", "Ки", "Ло"];
        let name = |i: usize| format!("{}{}ова", syllables[i / 8], syllables[i % 8].to_lowercase());
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..40 {
            yaml.push_str(&format!(
                "  - id: f{i}\n    terms:\n      ru: Форум {}\n",
                name(i)
            ));
        }
        let glossary = load_str(Path::new("g.yaml"), &yaml).expect("loads");
        let matcher = Matcher::new(&glossary);
        let [(_, index)] = matcher.crowded.iter().collect::<Vec<_>>()[..] else {
            panic!("one crowded anchor");
        };
        let folded = fold(&format!("форума {}", name(9)), FoldOptions { case: true });
        let after_anchor = "форум".len();
        let narrowed = index.candidates(folded.as_str().as_bytes(), after_anchor);
        assert_eq!(narrowed.len(), 1, "{narrowed:?}");
        let text = format!("на форуме {} и Форум {}", name(9), name(39));
        assert_eq!(
            found_in(&glossary, &matcher, &text),
            [
                ("f9".to_string(), format!("форуме {}", name(9)).as_str()),
                ("f39".to_string(), format!("Форум {}", name(39)).as_str()),
            ]
        );
    }

    #[test]
    fn longest_match_wins_over_the_park_inside_the_plan() {
        assert_eq!(
            found("the Cultural Industry Park Carrying Plan and the Cultural Industry Park"),
            vec![
                pair("plan", "Cultural Industry Park Carrying Plan"),
                pair("park", "Cultural Industry Park")
            ]
        );
    }

    #[test]
    fn german_genitive_on_every_word_matches() {
        assert_eq!(
            found("Vertreter des Ministeriums für Kultur und Tourismus kamen."),
            vec![pair("mct", "Ministeriums für Kultur und Tourismus")]
        );
    }

    #[test]
    fn german_plural_of_compound_matches() {
        assert_eq!(
            found("zwei Kulturindustrieparks"),
            vec![pair("park", "Kulturindustrieparks")]
        );
    }

    #[test]
    fn longer_compound_is_not_an_inflection() {
        assert!(found("die Kulturindustrieentwicklung und Kulturindustrieparkplätze").is_empty());
    }

    #[test]
    fn han_needs_no_boundary() {
        assert_eq!(
            found("由文化和旅游部主办"),
            vec![pair("mct", "文化和旅游部")]
        );
    }

    #[test]
    fn french_elision_holds_a_match() {
        assert_eq!(
            found("le rapport de l’Organisation mondiale de la santé"),
            vec![pair("who", "Organisation mondiale de la santé")]
        );
    }

    #[test]
    fn italian_elision_holds_a_match() {
        assert_eq!(
            found("dell'Unione europea"),
            vec![pair("who", "Unione europea")]
        );
    }

    #[test]
    fn russian_cases_of_every_word_match() {
        assert_eq!(
            found("эксперты Всемирной организации здравоохранения"),
            vec![pair("who", "Всемирной организации здравоохранения")]
        );
    }

    #[test]
    fn korean_particle_after_a_name_matches() {
        assert_eq!(
            found("쿠버네티스는 오픈소스이다"),
            vec![pair("k8s", "쿠버네티스는")]
        );
    }

    #[test]
    fn sharp_s_matches_capital_ss() {
        assert_eq!(
            found("in der HAUPTSTRASSE"),
            vec![pair("street", "HAUPTSTRASSE")]
        );
    }

    #[test]
    fn nfd_and_line_breaks_match() {
        let nfd = "Ministerium fu\u{308}r Kultur\nund Tourismus";
        assert_eq!(found(nfd), vec![pair("mct", nfd)]);
    }

    #[test]
    fn shared_form_belongs_to_the_first_concept() {
        assert_eq!(found("the Summit"), vec![pair("shared-first", "Summit")]);
    }

    #[test]
    fn a_form_shared_by_many_concepts_is_verified_once() {
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..300 {
            yaml.push_str(&format!(
                "  - id: c{i}\n    terms:\n      de: Gipfeltreffen\n"
            ));
        }
        let glossary = load_str(Path::new("g.yaml"), &yaml).expect("test glossary loads");
        let matcher = Matcher::new(&glossary);
        assert_eq!(matcher.tables.pattern_count(), 1);
        assert_eq!(matcher.rendering_count(), 300);
        let folded = fold(
            "Gipfeltreffens und Gipfeltreffen",
            FoldOptions { case: true },
        );
        let concepts: Vec<usize> = matcher
            .find(&folded)
            .iter()
            .map(|m| matcher.rendering(m.rendering).concept)
            .collect();
        assert_eq!(concepts, [0, 0]);
    }

    #[test]
    fn word_inside_a_longer_word_is_not_matched() {
        assert!(found("Summitry and preSummit").is_empty());
    }

    mod patterns {
        use super::*;

        const WITH_PATTERNS: &str = r#"
version: 1
concepts:
  - id: phone
    terms:
      en:
        official: phone
        variants: [cell phone number]
        patterns: ["(?:cell|smart) ?phones?"]
  - id: email
    terms:
      en:
        official: email
        patterns: ["e-?mail"]
"#;

        fn found_kinds(text: &str) -> Vec<(String, FormKind)> {
            let glossary =
                load_str(Path::new("g.yaml"), WITH_PATTERNS).expect("test glossary loads");
            let matcher = Matcher::new(&glossary);
            let folded = fold(text, FoldOptions { case: true });
            matcher
                .find(&folded)
                .into_iter()
                .map(|m| {
                    let kind = matcher
                        .rendering(m.rendering)
                        .forms()
                        .next()
                        .expect("a form")
                        .kind;
                    (text[m.span].to_string(), kind)
                })
                .collect()
        }

        #[test]
        fn pattern_variant_is_found_at_its_original_span() {
            assert_eq!(
                found_kinds("Call my Smart\u{a0}Phones now"),
                vec![("Smart\u{a0}Phones".to_string(), FormKind::Variant)]
            );
        }

        #[test]
        fn pattern_match_must_end_on_a_boundary() {
            assert!(found_kinds("cellphonebook and smartphoned").is_empty());
        }

        #[test]
        fn pattern_match_must_start_on_a_boundary() {
            assert!(found_kinds("supercellphone").is_empty());
        }

        #[test]
        fn longer_literal_form_wins_over_a_shorter_pattern_match() {
            assert_eq!(
                found_kinds("my cell phone number"),
                vec![("cell phone number".to_string(), FormKind::Variant)]
            );
            let glossary =
                load_str(Path::new("g.yaml"), WITH_PATTERNS).expect("test glossary loads");
            let matcher = Matcher::new(&glossary);
            let folded = fold("my cell phone number", FoldOptions { case: true });
            let hit = &matcher.find(&folded)[0];
            let form = matcher
                .rendering(hit.rendering)
                .forms()
                .next()
                .expect("a form");
            assert_eq!(form.text, "cell phone number");
        }

        #[test]
        fn official_form_wins_over_a_pattern_matching_it() {
            assert_eq!(
                found_kinds("Email me"),
                vec![("Email".to_string(), FormKind::Official { rank: 0 })]
            );
            assert_eq!(
                found_kinds("E-mail me"),
                vec![("E-mail".to_string(), FormKind::Variant)]
            );
        }
    }

    mod inserted {
        use super::*;
        use proptest::prelude::*;

        fn word() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-wß]{3,8}",
                "[а-я]{3,8}",
                "[\u{4e00}-\u{4e20}]{2,4}",
                "[가-깋]{2,3}",
            ]
        }

        fn filler() -> impl Strategy<Value = Vec<String>> {
            prop::collection::vec(
                prop_oneof![
                    "[xyz]{1,6}",
                    "[ωψχ]{1,5}",
                    "[0-9]{1,3}",
                    Just(",".to_string())
                ],
                0..12,
            )
        }

        fn glossary_of(form: &str, lang: &str) -> Glossary {
            let yaml =
                format!("version: 1\nconcepts:\n  - id: c\n    terms:\n      {lang}: \"{form}\"\n");
            load_str(Path::new("g.yaml"), &yaml).expect("generated glossary loads")
        }

        proptest! {
            #[test]
            fn form_inserted_anywhere_is_found_where_it_was_put(
                words in prop::collection::vec(word(), 1..4),
                before in filler(),
                after in filler(),
                lang in prop::sample::select(vec!["de", "en", "ru", "zh", "ko", "fr"]),
                upper in any::<bool>(),
                nbsp in any::<bool>(),
            ) {
                let form = words.join(" ");
                let glossary = glossary_of(&form, lang);
                let matcher = Matcher::new(&glossary);
                let mut written = if upper { form.to_uppercase() } else { form.clone() };
                if nbsp {
                    written = written.replace(' ', "\u{a0}");
                }
                let head = before.join(" ");
                let text = format!("{head} {written} {}", after.join(" "));
                let start = head.len() + 1;
                let folded = fold(&text, FoldOptions { case: true });
                let spans: Vec<Range<usize>> = matcher.find(&folded).into_iter().map(|m| m.span).collect();
                prop_assert_eq!(spans, vec![start..start + written.len()]);
            }
        }
    }
}
