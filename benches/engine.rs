//! Benchmarks of termlint's engine, stage by stage, on generated glossaries
//! and text (the `gen-corpus` example's generator, seed 1): glossary load,
//! matcher build, folding (also one script at a time), matching, Markdown
//! reading, the rules alone and the full check.
//!
//! ```text
//! cargo bench --bench engine              # all
//! cargo bench --bench engine -- matches   # those whose name contains `matches`
//! ```
//!
//! Throughput is counted in bytes of text (about 1 MB of mixed German,
//! English and Chinese pages, about one glossary name per 200 words).

#[path = "../examples/synth/mod.rs"]
// The generator's unit tests run with the example; here only its code is used.
#[allow(dead_code, unused_imports)]
mod synth;

use divan::counter::BytesCount;
use divan::Bencher;
use std::path::Path;
use std::sync::OnceLock;
use synth::corpus::{Corpus, Page};
use termlint::check::Checker;
use termlint::document::Document;
use termlint::fold::{fold, FoldOptions};
use termlint::formats::{self, Format, ReadOptions};
use termlint::glossary::{self, Glossary};
use termlint::lang::LangTag;
use termlint::matcher::{Match, Matcher};
use termlint::rules::Rules;

const SEED: u64 = 1;
/// Glossary sizes of the build, match and check benches.
const CONCEPTS: &[usize] = &[1_000, 10_000];
/// Bytes of text of the fold, match and check benches.
const TEXT_BYTES: usize = 1_000_000;

fn main() {
    divan::main();
}

/// The YAML of the generated glossary of `concepts` concepts.
fn glossary_yaml(concepts: usize) -> String {
    let g = synth::glossary::generate(concepts, SEED);
    synth::emit::glossary_yaml(&g, SEED)
}

/// The loaded glossary of `concepts` concepts (built once per size).
fn loaded(concepts: usize) -> &'static Glossary {
    static CACHE: OnceLock<Vec<(usize, Glossary)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        CONCEPTS
            .iter()
            .map(|&n| {
                let yaml = glossary_yaml(n);
                let g = glossary::load_str(Path::new("bench.yaml"), &yaml)
                    .expect("the generated glossary is valid");
                (n, g)
            })
            .collect()
    });
    &all.iter()
        .find(|(n, _)| *n == concepts)
        .expect("a size listed in CONCEPTS")
        .1
}

/// A compiled glossary of `concepts` concepts.
fn checker(concepts: usize) -> &'static Checker {
    static CACHE: OnceLock<Vec<(usize, Checker)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        CONCEPTS
            .iter()
            .map(|&n| (n, Checker::new(loaded(n).clone())))
            .collect()
    });
    &all.iter()
        .find(|(n, _)| *n == concepts)
        .expect("a size listed in CONCEPTS")
        .1
}

/// About 1 MB of generated Markdown pages naming concepts of a
/// `concepts`-concept glossary.
fn pages(concepts: usize) -> Vec<Page> {
    let g = synth::glossary::generate(concepts, SEED);
    Corpus::new(&g, SEED, TEXT_BYTES).collect()
}

/// The pages of [`pages`] as one text.
fn text(concepts: usize) -> String {
    pages(concepts).into_iter().map(|p| p.text).collect()
}

/// The pages of [`pages`] read as Markdown documents, language from the
/// directory.
fn documents(concepts: usize) -> Vec<Document> {
    let options = ReadOptions::default();
    pages(concepts)
        .into_iter()
        .map(|p| {
            let lang = p.path.split('/').next().expect("a language directory");
            let lang = LangTag::parse(lang).expect("a known tag");
            let parsed = formats::read(Format::Markdown, &p.text, &options)
                .expect("generated Markdown reads");
            Document::with_segments(p.path, p.text, lang, parsed.segments)
        })
        .collect()
}

fn bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

/// YAML parsing and validation of the glossary.
#[divan::bench(args = CONCEPTS, sample_count = 10, sample_size = 1)]
fn glossary_load(bencher: Bencher, concepts: usize) {
    let yaml = glossary_yaml(concepts);
    bencher.counter(BytesCount::of_str(&yaml)).bench(|| {
        glossary::load_str(Path::new("bench.yaml"), &yaml).expect("the generated glossary is valid")
    });
}

/// Compiling the glossary into the matcher (the anchors' trie and its tables).
#[divan::bench(args = CONCEPTS, sample_count = 10, sample_size = 1)]
fn matcher_new(bencher: Bencher, concepts: usize) {
    let g = loaded(concepts);
    bencher.bench(|| Matcher::new(g));
}

/// [`Checker::new`]: the matcher plus what the checker keeps.
#[divan::bench(args = CONCEPTS, sample_count = 10, sample_size = 1)]
fn checker_new(bencher: Bencher, concepts: usize) {
    let g = loaded(concepts);
    bencher.with_inputs(|| g.clone()).bench_values(Checker::new);
}

/// Folding 1 MB of text (SPEC §2), with case folding.
#[divan::bench(sample_count = 20)]
fn fold_text(bencher: Bencher) {
    let text = text(CONCEPTS[0]);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| fold(&text, FoldOptions { case: true }));
}

/// One sentence of news in each script folding treats differently: ASCII,
/// Latin with accents (Latin-1, Latin Extended and Vietnamese's Latin
/// Extended Additional), Greek, Cyrillic, Arabic, Han, Devanagari, Thai,
/// Georgian.
const SENTENCES: &[(&str, &str)] = &[
    ("en", "The Ministry of Culture and Tourism opened the exhibition in the Cultural Industry Park on Monday. Visitors praised its size. "),
    ("de", "Das Ministerium für Kultur und Tourismus eröffnete am Montag die Ausstellung im Kulturindustriepark. Die Besucher äußerten sich begeistert über die Größe. "),
    ("pl", "Ministerstwo Kultury i Turystyki otworzyło w poniedziałek wystawę w Parku Przemysłu Kulturalnego. Zwiedzający byli zachwyceni jej wielkością. "),
    ("el", "Το Υπουργείο Πολιτισμού και Τουρισμού άνοιξε τη Δευτέρα την έκθεση στο Πάρκο Πολιτιστικής Βιομηχανίας. Οι επισκέπτες ενθουσιάστηκαν. "),
    ("ru", "Министерство культуры и туризма в понедельник открыло выставку в Парке культурной индустрии. Посетители с восторгом отзывались о её размерах. "),
    ("ar", "افتتحت وزارة الثقافة والسياحة يوم الاثنين المعرض في حديقة الصناعات الثقافية. وأبدى الزوار إعجابهم بحجمه. "),
    ("zh", "文化和旅游部周一在文化产业园区开幕了展览。参观者对其规模赞不绝口。深圳市文化广电旅游体育局表示欢迎。"),
    ("vi", "Bộ Văn hóa và Du lịch đã khai mạc triển lãm tại Khu công nghiệp văn hóa vào thứ Hai. Du khách rất ấn tượng với quy mô của nó. "),
    ("hi", "संस्कृति और पर्यटन मंत्रालय ने सोमवार को सांस्कृतिक उद्योग पार्क में प्रदर्शनी खोली। आगंतुक इसके आकार से प्रभावित हुए। "),
    ("th", "กระทรวงวัฒนธรรมและการท่องเที่ยวเปิดนิทรรศการที่สวนอุตสาหกรรมวัฒนธรรมเมื่อวันจันทร์ ผู้เข้าชมต่างประทับใจในขนาดของงาน "),
    ("ka", "კულტურისა და ტურიზმის სამინისტრომ ორშაბათს კულტურული ინდუსტრიის პარკში გამოფენა გახსნა. "),
];

/// Folding 1 MB of one language's sentence, repeated: how fast each
/// script goes through folding.
#[divan::bench(
    args = ["en", "de", "pl", "el", "ru", "ar", "zh", "vi", "hi", "th", "ka"],
    sample_count = 20
)]
fn fold_script(bencher: Bencher, lang: &str) {
    let (_, sentence) = SENTENCES
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("a language of SENTENCES");
    let text = sentence.repeat(TEXT_BYTES / sentence.len() + 1);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| fold(&text, FoldOptions { case: true }));
}

/// [`Checker::matches`] over 1 MB: fold, trie, boundaries, inflection.
#[divan::bench(args = CONCEPTS, sample_count = 20)]
fn matches(bencher: Bencher, concepts: usize) {
    let checker = checker(concepts);
    let text = text(concepts);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| checker.matches(&text));
}

/// Reading 1 MB of Markdown pages into segments.
#[divan::bench(sample_count = 20)]
fn read_markdown(bencher: Bencher) {
    let pages = pages(CONCEPTS[0]);
    let options = ReadOptions::default();
    let total: usize = pages.iter().map(|p| p.text.len()).sum();
    bencher.counter(BytesCount::new(total)).bench(|| {
        pages
            .iter()
            .map(|p| formats::read(Format::Markdown, &p.text, &options).map(|r| r.segments.len()))
            .collect::<Vec<_>>()
    });
}

/// The rules alone on the matches of 1 MB of read documents: every match
/// judged in its segment's language (official, variant, wrong case,
/// another language's form, stale), then the per-match findings and
/// `inconsistent`.
#[divan::bench(args = CONCEPTS, sample_count = 20)]
fn rules(bencher: Bencher, concepts: usize) {
    let checker = checker(concepts);
    let docs = documents(concepts);
    let matched: Vec<Vec<Match>> = docs.iter().map(|d| checker.document_matches(d)).collect();
    let rules = Rules::new(checker.glossary(), checker.matcher());
    bencher
        .counter(BytesCount::new(bytes(&docs)))
        .with_inputs(|| matched.clone())
        .bench_values(|matched| {
            docs.iter()
                .zip(matched)
                .map(|(doc, matches)| {
                    let judged = rules.judge_all(doc, matches);
                    rules.document_findings(doc, &judged).len()
                })
                .sum::<usize>()
        });
}

/// [`Checker::check`] on 1 MB of read documents: matching and every rule.
#[divan::bench(args = CONCEPTS, sample_count = 20)]
fn check(bencher: Bencher, concepts: usize) {
    let checker = checker(concepts);
    let docs = documents(concepts);
    bencher.counter(BytesCount::new(bytes(&docs))).bench(|| {
        docs.iter()
            .map(|d| checker.check(d, None).findings.len())
            .sum::<usize>()
    });
}
