//! Synthetic corpora: Markdown pages in German, English and Chinese
//! (`de/00000.md`, `en/00001.md`, `zh/00002.md`, 2–20 kB each) of filler
//! prose with about one glossary name per 200 words, drawn from official
//! forms, inflected forms, forbidden variants, names left in another
//! language, and names in the wrong capitals.

use super::glossary::{shout, title_case, Concept, Glossary, Kind};
use super::prose::{self, Lang};
use super::rng::Rng;

/// How often a word slot holds a glossary name.
const HIT_RATE: f64 = 1.0 / 200.0;

/// One generated page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Relative path, `/`-separated: `de/00000.md`.
    pub path: String,
    /// Its Markdown text.
    pub text: String,
}

/// What kind of name was inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An official form of the page's language.
    Official,
    /// An official form with an inflectional ending.
    Inflected,
    /// A forbidden variant.
    Variant,
    /// An official form of another language.
    Foreign,
    /// An official form in other capitals.
    Case,
}

/// Counts of inserted names by kind, and of the text produced.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Pages written.
    pub pages: usize,
    /// Bytes written.
    pub bytes: usize,
    /// Filler words written (a Chinese word is about two characters).
    pub words: usize,
    /// Names inserted, by kind: official, inflected, variant, foreign, case.
    pub hits: [usize; 5],
}

/// Generates pages until `bytes` bytes are written.
pub struct Corpus<'g> {
    glossary: &'g Glossary,
    rng: Rng,
    budget: usize,
    /// What was generated so far.
    pub stats: Stats,
}

impl<'g> Corpus<'g> {
    /// A corpus of about `bytes` bytes over `glossary`, from `seed`.
    pub fn new(glossary: &'g Glossary, seed: u64, bytes: usize) -> Corpus<'g> {
        Corpus {
            glossary,
            rng: Rng::new(seed, 2),
            budget: bytes,
            stats: Stats::default(),
        }
    }
}

impl Iterator for Corpus<'_> {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        if self.stats.bytes >= self.budget {
            return None;
        }
        let lang = match self.rng.below(20) {
            0..=7 => Lang::De,
            8..=14 => Lang::En,
            _ => Lang::Zh,
        };
        let size = (2000.0 * 10f64.powf(self.rng.unit())) as usize;
        let size = size.min(self.budget - self.stats.bytes).max(200);
        let mut writer = PageWriter {
            rng: &mut self.rng,
            glossary: self.glossary,
            lang,
            recent: Vec::new(),
            stats: &mut self.stats,
        };
        let text = writer.page(size);
        let path = format!("{}/{:05}.md", lang.tag(), self.stats.pages);
        self.stats.pages += 1;
        self.stats.bytes += text.len();
        Some(Page { path, text })
    }
}

struct PageWriter<'a, 'g> {
    rng: &'a mut Rng,
    glossary: &'g Glossary,
    lang: Lang,
    /// Concepts named on this page: pages come back to their subjects.
    recent: Vec<usize>,
    stats: &'a mut Stats,
}

impl<'g> PageWriter<'_, 'g> {
    fn page(&mut self, size: usize) -> String {
        let mut out = String::with_capacity(size + 1024);
        if self.rng.chance(0.3) {
            let title = self.plain_sentence(4);
            out.push_str(&format!(
                "---\ntitle: {title}\ndate: 2023-{:02}-{:02}\n---\n\n",
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            ));
        }
        out.push_str(&format!("# {}\n\n", self.plain_sentence(5)));
        while out.len() < size {
            match self.rng.below(10) {
                0 => out.push_str(&format!("## {}\n\n", self.plain_sentence(4))),
                1 => self.list(&mut out),
                _ => self.paragraph(&mut out),
            }
        }
        out
    }

    /// A heading's text: a few words, no names, no final stop.
    fn plain_sentence(&mut self, words: usize) -> String {
        let n = self.rng.range(words - 1, words + 2);
        let pieces: Vec<String> = (0..n)
            .map(|i| prose::word(self.rng, self.lang, i))
            .collect();
        let mut s = prose::finish_sentence(self.rng, self.lang, &pieces);
        s.pop();
        s
    }

    fn paragraph(&mut self, out: &mut String) {
        let sentences = self.rng.range(2, 7);
        let mut parts = Vec::with_capacity(sentences);
        for _ in 0..sentences {
            if self.rng.chance(0.02) {
                parts.push(prose::russian_sentence(self.rng));
            } else {
                parts.push(self.sentence());
            }
        }
        let sep = if self.lang.spaced() { " " } else { "" };
        out.push_str(&parts.join(sep));
        out.push_str("\n\n");
    }

    fn list(&mut self, out: &mut String) {
        for _ in 0..self.rng.range(2, 5) {
            out.push_str("- ");
            out.push_str(&self.sentence());
            out.push('\n');
        }
        out.push('\n');
    }

    fn sentence(&mut self) -> String {
        let n = self.rng.range(8, 22);
        let mut pieces = Vec::with_capacity(n);
        for i in 0..n {
            if self.rng.chance(HIT_RATE) {
                pieces.push(self.hit());
            } else {
                let w = prose::word(self.rng, self.lang, i);
                self.stats.words += prose::word_weight(self.lang, &w);
                pieces.push(w);
            }
        }
        prose::finish_sentence(self.rng, self.lang, &pieces)
    }

    fn concept(&mut self) -> &'g Concept {
        let glossary = self.glossary;
        let index = if !self.recent.is_empty() && self.rng.chance(0.3) {
            *self.rng.pick(&self.recent)
        } else {
            let i = self.rng.below(glossary.concepts.len());
            self.recent.push(i);
            i
        };
        &glossary.concepts[index]
    }

    /// A glossary name in running text, with its article where German
    /// inflects it.
    fn hit(&mut self) -> String {
        let lang = self.lang;
        let roll = self.rng.unit();
        let concept = self.concept();
        let (kind, text) = pick_form(self.rng, concept, lang, roll);
        self.stats.hits[kind as usize] += 1;
        // Chinese writers put spaces around Latin names about half the time.
        if !lang.spaced() && text.is_ascii() && self.rng.chance(0.5) {
            return format!(" {text} ");
        }
        text
    }
}

/// Chooses which form of `concept` a page in `lang` names it by.
fn pick_form(rng: &mut Rng, concept: &Concept, lang: Lang, roll: f64) -> (Hit, String) {
    let tag = lang.tag();
    if concept.kind == Kind::Acronym {
        let form = concept.entries[0].official[0].clone();
        return if roll < 0.8 {
            (Hit::Official, form)
        } else {
            (Hit::Case, title_case(&form))
        };
    }
    let Some(own) = concept.entry(tag) else {
        return (Hit::Official, concept.entries[0].official[0].clone());
    };
    let official = rng.pick(&own.official).clone();
    let foreign: Vec<&String> = concept
        .entries
        .iter()
        .filter(|e| e.lang != tag)
        .flat_map(|e| e.official.iter())
        .filter(|f| !own.official.contains(f))
        .collect();
    let variants: Vec<&String> = if !own.variants.is_empty() && rng.chance(0.8) {
        own.variants.iter().collect()
    } else {
        concept
            .entries
            .iter()
            .flat_map(|e| e.variants.iter())
            .collect()
    };
    match roll {
        r if r < 0.45 => (Hit::Official, official),
        r if r < 0.60 && lang != Lang::Zh => {
            (Hit::Inflected, inflect(rng, concept.kind, lang, &official))
        }
        r if r < 0.78 && !variants.is_empty() => (Hit::Variant, (*rng.pick(&variants)).clone()),
        r if r < 0.93 && !foreign.is_empty() => (Hit::Foreign, (*rng.pick(&foreign)).clone()),
        r if r >= 0.93 && lang != Lang::Zh => (Hit::Case, shout(&official)),
        _ => (Hit::Official, official),
    }
}

/// `form` with an inflectional ending, as running text would carry it.
fn inflect(rng: &mut Rng, kind: Kind, lang: Lang, form: &str) -> String {
    if lang == Lang::En {
        let apostrophe = if rng.chance(0.3) { "’" } else { "'" };
        return format!("the {form}{apostrophe}s");
    }
    let mut words: Vec<String> = form.split(' ').map(str::to_string).collect();
    match kind {
        Kind::Ministry | Kind::Programme => {
            words[0].push('s');
            format!("des {}", words.join(" "))
        }
        Kind::Bureau => {
            words[0].push_str("es");
            format!("des {}", words.join(" "))
        }
        Kind::Fair => {
            words[0].push('n');
            format!("der {}", words.join(" "))
        }
        Kind::Place => format!("{form}s"),
        _ => format!("des {form}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::glossary::generate;

    #[test]
    fn about_one_name_per_two_hundred_words() {
        let g = generate(200, 9);
        let mut corpus = Corpus::new(&g, 9, 300_000);
        for _ in corpus.by_ref() {}
        let hits: usize = corpus.stats.hits.iter().sum();
        let per = corpus.stats.words as f64 / hits as f64;
        assert!((150.0..260.0).contains(&per), "one name per {per} words");
        assert!(
            corpus.stats.hits.iter().all(|&n| n > 0),
            "{:?}",
            corpus.stats.hits
        );
    }

    #[test]
    fn german_genitive_of_a_ministry() {
        let mut rng = Rng::new(1, 0);
        assert_eq!(
            inflect(
                &mut rng,
                Kind::Ministry,
                Lang::De,
                "Ministerium für Kalomine"
            ),
            "des Ministeriums für Kalomine"
        );
    }
}
