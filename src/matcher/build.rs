//! Compiling a glossary into a [`Matcher`]: every official form and
//! variant is folded and split into an anchor and the pieces verified
//! after it, on every core; the forms are then added in file order, so
//! that renderings and patterns are numbered as the glossary lists them.
//!
//! Adding is the part that cannot be spread over cores, so it does no
//! more than append rows and look up three tables by a hash computed
//! beforehand: which renderings a concept has, which anchors exist, and
//! which patterns were already compiled.

use super::table::{OwnedForm, OwnedPiece, Tables};
use super::trie::AnchorTrie;
use super::{
    anchor_id, compile, crowded_anchors, split_anchor, AnchorIndex, FastMap, FormKind, Matcher,
    Pattern, Piece,
};
use crate::fold::{fold_str, FoldOptions};
use crate::glossary::{Concept, Glossary};
use crate::inflect::{proclitics_for, Proclitics};
use crate::lang::LangTag;
use crate::regex_pattern::RegexPattern;
use hashbrown::HashTable;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use xxhash_rust::xxh3::xxh3_64;

/// Concepts prepared in parallel before their forms are added: few
/// enough that prepared forms waiting to be added take little memory
/// beside the matcher being built.
const PREPARED_CHUNK: usize = 4096;

/// Compiles every form of every concept of `glossary`. While one chunk of
/// concepts is added, the next is prepared on the other cores.
pub(super) fn matcher(glossary: &Glossary) -> Matcher {
    let mut builder = Builder::for_forms(form_count(glossary));
    let mut waiting: Option<(usize, Vec<Vec<Prepared<'_>>>)> = None;
    for (chunk, concepts) in glossary.concepts.chunks(PREPARED_CHUNK).enumerate() {
        let (prepared, ()) =
            rayon::join(|| prepare(concepts), || builder.add_chunk(waiting.take()));
        waiting = Some((chunk * PREPARED_CHUNK, prepared));
    }
    builder.add_chunk(waiting);
    // After every literal form, so that at an equal span a literal
    // rendering (lower index) is chosen over a pattern.
    for (ci, concept) in glossary.concepts.iter().enumerate() {
        for (ei, entry) in concept.entries.iter().enumerate() {
            for source in &entry.patterns {
                builder.add_regex(ci, ei, source);
            }
        }
    }
    builder.finish()
}

/// How many official forms and variants `glossary` has: at most that many
/// renderings, patterns and anchors are made.
fn form_count(glossary: &Glossary) -> usize {
    let entries = glossary.concepts.iter().flat_map(|c| &c.entries);
    entries.map(|e| e.official.len() + e.variants.len()).sum()
}

/// The forms of `concepts`, each concept's in file order.
fn prepare(concepts: &[Concept]) -> Vec<Vec<Prepared<'_>>> {
    concepts.par_iter().map(Prepared::forms_of).collect()
}

/// A glossary form folded and compiled, ready to be added to a [`Builder`].
struct Prepared<'g> {
    form: OwnedForm<'g>,
    folded: String,
    folded_hash: u64,
    /// What the pattern depends on besides the folded form: the language
    /// whose inflection it uses (none without inflection).
    lang_key: &'g str,
    inflect: bool,
    /// The literal text the trie holds, and its hash.
    anchor: String,
    anchor_hash: u64,
    /// The pieces verified after the anchor.
    rest: Vec<Piece>,
    /// The prefixes the form may be written after.
    proclitics: Proclitics,
}

impl<'g> Prepared<'g> {
    /// Every official form and variant of `concept`, in file order.
    fn forms_of(concept: &'g Concept) -> Vec<Prepared<'g>> {
        let mut forms = Vec::new();
        for (ei, entry) in concept.entries.iter().enumerate() {
            let official = entry.official.iter().enumerate();
            let kinds = official
                .map(|(rank, f)| (FormKind::Official { rank }, f))
                .chain(entry.variants.iter().map(|f| (FormKind::Variant, f)));
            for (kind, text) in kinds {
                let form = OwnedForm {
                    entry: ei,
                    kind,
                    text,
                };
                forms.push(Prepared::new(form, &entry.lang, entry.inflect));
            }
        }
        forms
    }

    fn new(form: OwnedForm<'g>, lang: &'g LangTag, inflect: bool) -> Prepared<'g> {
        let folded = fold_str(form.text, FoldOptions { case: true });
        let lang_key = if inflect { lang.primary() } else { "" };
        let (anchor, rest) = split_anchor(compile(&folded, lang, inflect));
        let proclitics = if inflect {
            proclitics_for(lang.primary())
        } else {
            Proclitics::None
        };
        Prepared {
            form,
            folded_hash: xxh3_64(folded.as_bytes()),
            folded,
            lang_key,
            inflect,
            anchor_hash: xxh3_64(anchor.as_bytes()),
            anchor,
            rest,
            proclitics,
        }
    }
}

/// A rendering while the matcher is built: its forms are collected as the
/// concept's entries are read.
struct BuiltRendering<'g> {
    concept: usize,
    folded: String,
    forms: Vec<OwnedForm<'g>>,
}

/// A folded form compiled into a pattern, with the inflection it was
/// compiled for: `folded` is the text of rendering `rendering`, and `lang`
/// a number of [`Builder::lang_keys`].
struct PatternKey {
    rendering: usize,
    lang: usize,
    inflect: bool,
}

/// A row number with the hash it is filed under.
type Filed = (u64, usize);

fn filed_hash(filed: &Filed) -> u64 {
    filed.0
}

/// Collects renderings and patterns while reading the glossary.
#[derive(Default)]
struct Builder<'g> {
    renderings: Vec<BuiltRendering<'g>>,
    /// The renderings by concept and folded form.
    rendering_ids: HashTable<Filed>,
    anchors: Vec<String>,
    anchor_ids: HashTable<Filed>,
    by_anchor: Vec<Vec<usize>>,
    patterns: Vec<Pattern>,
    /// Folded forms already compiled, with the inflection they were
    /// compiled for (language, or none): the same form of a later concept
    /// would find exactly the same spans and always lose them to the
    /// earlier concept (SPEC §3), so it gets no pattern of its own. A
    /// glossary where thousands of concepts share a form thus verifies
    /// each occurrence once, not thousands of times.
    pattern_keys: Vec<PatternKey>,
    pattern_ids: HashTable<Filed>,
    lang_keys: FastMap<&'g str, usize>,
    /// Concepts and sources of the patterns that have a rendering.
    regex_keys: HashSet<(usize, String)>,
    regexes: Vec<(RegexPattern, usize)>,
}

/// Mixes a number into a hash: distinct for distinct numbers, and as
/// evenly spread as the hash.
fn mix(hash: u64, n: usize) -> u64 {
    hash ^ (n as u64)
        .wrapping_add(1)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl<'g> Builder<'g> {
    /// A builder whose lookup tables have room for `forms` forms: they
    /// never grow (growing one hashes every entry again). The row vectors
    /// grow as needed: made as large up front, they left the peak memory
    /// of a 100,000-concept glossary 30 MB higher.
    fn for_forms(forms: usize) -> Builder<'g> {
        Builder {
            rendering_ids: HashTable::with_capacity(forms),
            anchor_ids: HashTable::with_capacity(forms),
            pattern_ids: HashTable::with_capacity(forms),
            ..Builder::default()
        }
    }

    /// Adds the prepared forms of concepts numbered from `first` on.
    fn add_chunk(&mut self, chunk: Option<(usize, Vec<Vec<Prepared<'g>>>)>) {
        let Some((first, prepared)) = chunk else {
            return;
        };
        for (i, forms) in prepared.into_iter().enumerate() {
            for form in forms {
                self.add(first + i, form);
            }
        }
    }

    fn add(&mut self, concept: usize, prepared: Prepared<'g>) {
        let rendering = self.rendering_of(concept, &prepared);
        let Prepared {
            form,
            folded,
            folded_hash,
            lang_key,
            inflect,
            anchor,
            anchor_hash,
            rest,
            proclitics,
        } = prepared;
        if self.renderings.len() == rendering {
            // Most renderings have one form: a vector of exactly one
            // (a first push would make room for four).
            self.renderings.push(BuiltRendering {
                concept,
                folded,
                forms: vec![form],
            });
        } else {
            self.renderings[rendering].forms.push(form);
        }
        if self.new_pattern_key(rendering, folded_hash, lang_key, inflect) && !anchor.is_empty() {
            self.file_under_anchor(anchor, anchor_hash, self.patterns.len());
            self.patterns.push(Pattern {
                rendering,
                rest,
                proclitics,
            });
        }
    }

    /// The number of the rendering `prepared` belongs to: an earlier one
    /// of `concept` with the same folded form, or the next.
    fn rendering_of(&mut self, concept: usize, prepared: &Prepared<'g>) -> usize {
        let hash = mix(prepared.folded_hash, concept);
        let renderings = &self.renderings;
        let same = |&(_, r): &Filed| {
            renderings[r].concept == concept && renderings[r].folded == prepared.folded
        };
        if let Some(&(_, r)) = self.rendering_ids.find(hash, same) {
            return r;
        }
        let next = self.renderings.len();
        self.rendering_ids
            .insert_unique(hash, (hash, next), filed_hash);
        next
    }

    /// Records that the folded form of `rendering` is compiled for
    /// `lang_key` and `inflect`; `false` when it already was.
    fn new_pattern_key(
        &mut self,
        rendering: usize,
        folded_hash: u64,
        lang_key: &'g str,
        inflect: bool,
    ) -> bool {
        let next = self.lang_keys.len();
        let lang = *self.lang_keys.entry(lang_key).or_insert(next);
        let hash = mix(folded_hash, lang * 2 + usize::from(inflect));
        let (keys, renderings) = (&self.pattern_keys, &self.renderings);
        let folded = &renderings[rendering].folded;
        let same = |&(_, k): &Filed| {
            let key = &keys[k];
            key.lang == lang
                && key.inflect == inflect
                && renderings[key.rendering].folded == *folded
        };
        if self.pattern_ids.find(hash, same).is_some() {
            return false;
        }
        let next = self.pattern_keys.len();
        self.pattern_ids
            .insert_unique(hash, (hash, next), filed_hash);
        self.pattern_keys.push(PatternKey {
            rendering,
            lang,
            inflect,
        });
        true
    }

    /// Files pattern `pattern` under `anchor`, numbering the anchor if it
    /// is new.
    fn file_under_anchor(&mut self, anchor: String, hash: u64, pattern: usize) {
        let anchors = &self.anchors;
        if let Some(&(_, id)) = self.anchor_ids.find(hash, |&(_, a)| anchors[a] == anchor) {
            self.by_anchor[id].push(pattern);
            return;
        }
        let next = self.anchors.len();
        self.anchor_ids
            .insert_unique(hash, (hash, next), filed_hash);
        self.anchors.push(anchor);
        // Most anchors have one pattern: room for exactly one.
        self.by_anchor.push(vec![pattern]);
    }

    /// One variant rendering per pattern of a concept. A pattern that does
    /// not compile is left out: validation refuses such glossaries.
    fn add_regex(&mut self, concept: usize, entry: usize, source: &'g str) {
        let Ok(regex) = RegexPattern::new(source) else {
            return;
        };
        if !self.regex_keys.insert((concept, source.to_string())) {
            return;
        }
        let rendering = self.renderings.len();
        self.renderings.push(BuiltRendering {
            concept,
            folded: source.to_string(),
            forms: vec![OwnedForm {
                entry,
                kind: FormKind::Variant,
                text: source,
            }],
        });
        self.regexes.push((regex, rendering));
    }

    fn finish(self) -> Matcher {
        let Builder {
            renderings,
            rendering_ids,
            anchors,
            anchor_ids,
            by_anchor,
            patterns,
            pattern_keys,
            pattern_ids,
            lang_keys,
            regex_keys,
            regexes,
        } = self;
        // The lookups are done with: freed before the trie is built.
        drop((rendering_ids, anchor_ids, pattern_keys, pattern_ids));
        drop((lang_keys, regex_keys));
        // The trie on one core; on the other, the anchors' indexes and
        // then the tables, which consume the renderings and patterns row
        // by row, freeing each as it is copied.
        let (trie, (crowded, by_anchor, (tables, endings))) = rayon::join(
            move || trie(&anchors),
            move || {
                let (index, patterns) = anchor_order(by_anchor, patterns);
                let crowded = crowded_anchors(&index, &patterns);
                (crowded, index, tables(renderings, patterns))
            },
        );
        Matcher::assemble(trie, crowded, by_anchor, tables, endings, regexes)
    }
}

/// `patterns` numbered anchor by anchor, each anchor's in the order they
/// were filed under it (`by_anchor`, which lists every pattern once), with
/// the index of each anchor's run.
fn anchor_order(by_anchor: Vec<Vec<usize>>, patterns: Vec<Pattern>) -> (AnchorIndex, Vec<Pattern>) {
    let index = AnchorIndex::new(by_anchor.iter().map(Vec::len));
    let mut slots: Vec<Option<Pattern>> = patterns.into_iter().map(Some).collect();
    let ordered = by_anchor
        .into_iter()
        .flatten()
        .map(|p| {
            slots[p]
                .take()
                .expect("invariant: each pattern is filed under one anchor")
        })
        .collect();
    (index, ordered)
}

/// The trie of every anchor, each numbered by its place in `anchors`.
fn trie(anchors: &[String]) -> AnchorTrie {
    let numbered = anchors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_bytes(), anchor_id(i)))
        .collect();
    AnchorTrie::new(numbered)
}

/// The renderings and patterns as tables, with the lists of endings their
/// words take.
fn tables(
    renderings: Vec<BuiltRendering<'_>>,
    patterns: Vec<Pattern>,
) -> (Tables, Vec<&'static [&'static str]>) {
    let mut tables = Tables::default();
    for r in renderings {
        tables.push_rendering(r.concept, &r.folded, &r.forms);
    }
    let mut endings: Vec<&'static [&'static str]> = Vec::new();
    let mut numbers: HashMap<*const [&'static str], usize> = HashMap::new();
    for pattern in patterns {
        let pieces = pattern.rest.iter().map(|piece| match piece {
            Piece::Literal(text) => OwnedPiece::Literal(text),
            Piece::Word(word) => {
                let list = word.endings;
                let number = *numbers.entry(std::ptr::from_ref(list)).or_insert_with(|| {
                    endings.push(list);
                    endings.len() - 1
                });
                OwnedPiece::Word(&word.stem, number)
            }
        });
        tables.push_pattern(pattern.rendering, pieces, pattern.proclitics);
    }
    (tables, endings)
}
