//! Language tags (BCP 47): parsing, canonical case, fallback along subtags,
//! English display names, and the language a path names (`a.de.md`,
//! `de/a.md`, `a_de.txt`).

use std::fmt;
use std::path::{Component, Path};

/// A well-formed BCP 47 language tag in canonical case
/// (`de`, `de-CH`, `zh-Hans`, `pt-BR`, `sr-Latn-RS`).
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct LangTag(String);

/// Why a string is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a BCP 47 language tag (e.g. `de`, `de-CH`, `zh-Hans`)")]
pub struct LangError(pub String);

impl LangTag {
    /// Parses a tag; `_` is accepted as a separator (`zh_CN`). Case is
    /// canonicalized: language lowercase, script titlecase, region uppercase.
    ///
    /// The syntax is RFC 5646 §2.1 with one narrowing: the language subtag
    /// must have 2 or 3 letters. 4-letter subtags are reserved and no
    /// 5–8-letter subtag has ever been registered, so accepting them would
    /// only let words such as `english` pass as tags. Grandfathered tags
    /// (`i-klingon`) and tags that are only private use (`x-foo`) are refused.
    pub fn parse(s: &str) -> Result<LangTag, LangError> {
        let error = || LangError(s.to_string());
        let mut parser = TagParser::default();
        for subtag in s.split(['-', '_']) {
            parser.push(subtag).ok_or_else(error)?;
        }
        parser.finish().ok_or_else(error)
    }

    /// `und`, the tag of text whose language is not known (RFC 5646 §4.1).
    pub fn undetermined() -> LangTag {
        LangTag("und".to_string())
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the primary subtag is an ISO 639-1 code (`de`, `zh`), the
    /// languages termlint recognizes without being told.
    pub fn is_iso639_1(&self) -> bool {
        ISO_639_1.binary_search(&self.primary()).is_ok()
    }

    /// The primary language subtag (`de` for `de-CH`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// This tag, then each shorter prefix (RFC 4647 lookup):
    /// `zh-Hans-CN`, `zh-Hans`, `zh`.
    pub fn fallbacks(&self) -> Vec<LangTag> {
        self.fallback_strs()
            .map(|tag| LangTag(tag.to_string()))
            .collect()
    }

    /// [`LangTag::fallbacks`] as slices of this tag, without allocating:
    /// the lookup of every match's entry goes through it.
    pub fn fallback_strs(&self) -> impl Iterator<Item = &str> {
        let mut next = Some(self.0.as_str());
        std::iter::from_fn(move || {
            let current = next?;
            next = current.rfind('-').map(|cut| {
                let rest = &current[..cut];
                // RFC 4647 §3.4: a singleton (`x`, `u`) left at the end is
                // dropped with the subtag that follows it.
                match rest.rfind('-').filter(|&cut| rest.len() - cut == 2) {
                    Some(cut) => &rest[..cut],
                    None => rest,
                }
            });
            Some(current)
        })
    }

    /// Whether an entry in one of `tags` applies to text in this language:
    /// one of them is this tag or a prefix it falls back to.
    pub fn covered_by(&self, tags: &[LangTag]) -> bool {
        self.fallback_strs()
            .any(|t| tags.iter().any(|tag| tag.as_str() == t))
    }

    /// The script subtag, if any (`Hans` in `zh-Hans-CN`).
    fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .take_while(|s| s.len() > 1)
            .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    }

    /// The region subtag, if any (`CN` in `zh-Hans-CN`).
    fn region(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .take_while(|s| s.len() > 1)
            .find(|s| is_region(s))
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where in a tag the next subtag may go, in RFC 5646 order.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// Nothing read yet.
    #[default]
    Start,
    /// After the language; an extlang (up to three), script, region… may follow.
    Language,
    /// After one to three extlangs.
    Extlang,
    /// After the script.
    Script,
    /// After the region.
    Region,
    /// After a variant.
    Variant,
    /// Right after an extension singleton; a 2–8 character subtag must follow.
    Singleton,
    /// Inside an extension.
    Extension,
    /// Right after `x`; a 1–8 character subtag must follow.
    PrivateStart,
    /// Inside private use; everything up to the end belongs to it.
    Private,
}

/// Reads subtags one by one and builds the canonical tag.
#[derive(Default)]
struct TagParser {
    stage: Stage,
    extlangs: usize,
    out: String,
}

impl TagParser {
    /// Accepts one subtag in canonical case, or `None` when it cannot go here.
    fn push(&mut self, subtag: &str) -> Option<()> {
        if subtag.is_empty()
            || subtag.len() > 8
            || !subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        let (stage, text) = self.classify(subtag)?;
        if stage == Stage::Extlang {
            self.extlangs += 1;
        }
        self.stage = stage;
        if !self.out.is_empty() {
            self.out.push('-');
        }
        self.out.push_str(&text);
        Some(())
    }

    /// The stage `subtag` moves to, and the subtag in canonical case.
    fn classify(&self, subtag: &str) -> Option<(Stage, String)> {
        let lower = subtag.to_ascii_lowercase();
        let alpha = subtag.bytes().all(|b| b.is_ascii_alphabetic());
        let len = subtag.len();
        let next = match self.stage {
            Stage::Start if alpha && (2..=3).contains(&len) => Stage::Language,
            Stage::Start => return None,
            Stage::Singleton | Stage::Extension if len >= 2 => Stage::Extension,
            Stage::PrivateStart | Stage::Private => Stage::Private,
            Stage::Singleton => return None,
            _ if lower == "x" => Stage::PrivateStart,
            _ if len == 1 => Stage::Singleton,
            Stage::Extension => return None,
            stage if stage == Stage::Language && alpha && len == 3 => Stage::Extlang,
            Stage::Extlang if alpha && len == 3 && self.extlangs < 3 => Stage::Extlang,
            stage if stage < Stage::Script && alpha && len == 4 => Stage::Script,
            stage if stage < Stage::Region && is_region(subtag) => Stage::Region,
            _ if is_variant(subtag) => Stage::Variant,
            _ => return None,
        };
        let text = match next {
            Stage::Script => titlecase(&lower),
            Stage::Region => lower.to_ascii_uppercase(),
            _ => lower,
        };
        Some((next, text))
    }

    /// The finished tag, unless it stopped where a subtag must follow.
    fn finish(self) -> Option<LangTag> {
        match self.stage {
            Stage::Start | Stage::Singleton | Stage::PrivateStart => None,
            _ => Some(LangTag(self.out)),
        }
    }
}

/// `CH`, `419`: two letters or three digits (RFC 5646 `region`).
fn is_region(s: &str) -> bool {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// `1996`, `rozaj`: 5–8 alphanumerics, or a digit and three alphanumerics.
fn is_variant(s: &str) -> bool {
    (5..=8).contains(&s.len()) || (s.len() == 4 && s.starts_with(|c: char| c.is_ascii_digit()))
}

/// `hans` → `Hans`; the input is ASCII.
fn titlecase(lower: &str) -> String {
    let mut out = lower.to_string();
    out[..1].make_ascii_uppercase();
    out
}

/// The English name of a language for messages: `German`, `Swiss German`
/// or `German (CH)`, falling back to the tag itself.
///
/// The longest prefix of the tag with a name of its own wins; script and
/// region subtags it does not cover are added in parentheses
/// (`zh-Hans-CN` → `Simplified Chinese (CN)`, `sr-Latn` → `Serbian (Latn)`).
/// Variants and extensions are left out of the name.
pub fn english_name(tag: &LangTag) -> String {
    let Some((prefix, name)) = tag
        .fallback_strs()
        .find_map(|t| name_of(t).map(|name| (t, name)))
    else {
        return tag.as_str().to_string();
    };
    let extra: Vec<&str> = [tag.script(), tag.region()]
        .into_iter()
        .flatten()
        .filter(|sub| !prefix.split('-').any(|p| p == *sub))
        .collect();
    if extra.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", extra.join(", "))
    }
}

/// A name for a tag that has one in the tables, regional names first.
fn name_of(tag: &str) -> Option<&'static str> {
    // Every finding's message names its languages: the long table is
    // sorted and searched by halves.
    let regional = REGIONAL_NAMES.iter().find(|(t, _)| *t == tag);
    regional
        .or_else(|| {
            LANGUAGE_NAMES
                .binary_search_by(|(t, _)| (*t).cmp(tag))
                .ok()
                .map(|i| &LANGUAGE_NAMES[i])
        })
        .map(|(_, name)| *name)
}

/// Tags whose usual English name is not "Language (Region)".
const REGIONAL_NAMES: &[(&str, &str)] = &[
    ("de-AT", "Austrian German"),
    ("de-CH", "Swiss German"),
    ("en-AU", "Australian English"),
    ("en-CA", "Canadian English"),
    ("en-GB", "British English"),
    ("en-US", "American English"),
    ("es-419", "Latin American Spanish"),
    ("es-ES", "European Spanish"),
    ("es-MX", "Mexican Spanish"),
    ("fr-CA", "Canadian French"),
    ("fr-CH", "Swiss French"),
    ("nl-BE", "Flemish"),
    ("pt-BR", "Brazilian Portuguese"),
    ("pt-PT", "European Portuguese"),
    ("zh-Hans", "Simplified Chinese"),
    ("zh-Hant", "Traditional Chinese"),
];

/// English names of the languages termlint users most often meet: ISO 639-1
/// codes and common 639-2/3 codes without a two-letter form.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("af", "Afrikaans"),
    ("am", "Amharic"),
    ("ar", "Arabic"),
    ("as", "Assamese"),
    ("ast", "Asturian"),
    ("az", "Azerbaijani"),
    ("be", "Belarusian"),
    ("bg", "Bulgarian"),
    ("bn", "Bengali"),
    ("bo", "Tibetan"),
    ("br", "Breton"),
    ("bs", "Bosnian"),
    ("ca", "Catalan"),
    ("ceb", "Cebuano"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fa", "Persian"),
    ("fi", "Finnish"),
    ("fil", "Filipino"),
    ("fo", "Faroese"),
    ("fr", "French"),
    ("fy", "Western Frisian"),
    ("ga", "Irish"),
    ("gd", "Scottish Gaelic"),
    ("gl", "Galician"),
    ("gsw", "Swiss German"),
    ("gu", "Gujarati"),
    ("ha", "Hausa"),
    ("haw", "Hawaiian"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("ht", "Haitian Creole"),
    ("hu", "Hungarian"),
    ("hy", "Armenian"),
    ("id", "Indonesian"),
    ("ig", "Igbo"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("jv", "Javanese"),
    ("ka", "Georgian"),
    ("kk", "Kazakh"),
    ("km", "Khmer"),
    ("kn", "Kannada"),
    ("ko", "Korean"),
    ("ku", "Kurdish"),
    ("ky", "Kyrgyz"),
    ("la", "Latin"),
    ("lb", "Luxembourgish"),
    ("lo", "Lao"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mg", "Malagasy"),
    ("mi", "Maori"),
    ("mk", "Macedonian"),
    ("ml", "Malayalam"),
    ("mn", "Mongolian"),
    ("mr", "Marathi"),
    ("ms", "Malay"),
    ("mt", "Maltese"),
    ("my", "Burmese"),
    ("nb", "Norwegian Bokmål"),
    ("ne", "Nepali"),
    ("nl", "Dutch"),
    ("nn", "Norwegian Nynorsk"),
    ("no", "Norwegian"),
    ("or", "Odia"),
    ("pa", "Punjabi"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("qu", "Quechua"),
    ("rm", "Romansh"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("rw", "Kinyarwanda"),
    ("sa", "Sanskrit"),
    ("sd", "Sindhi"),
    ("si", "Sinhala"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("sv", "Swedish"),
    ("sw", "Swahili"),
    ("ta", "Tamil"),
    ("te", "Telugu"),
    ("tg", "Tajik"),
    ("th", "Thai"),
    ("ti", "Tigrinya"),
    ("tk", "Turkmen"),
    ("tl", "Tagalog"),
    ("tr", "Turkish"),
    ("tt", "Tatar"),
    ("ug", "Uyghur"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("uz", "Uzbek"),
    ("vi", "Vietnamese"),
    ("xh", "Xhosa"),
    ("yi", "Yiddish"),
    ("yo", "Yoruba"),
    ("yue", "Cantonese"),
    ("zh", "Chinese"),
    ("zu", "Zulu"),
];

/// The language a path names, if any: `x.de.md`, `de/x.md` (nearest
/// directory), `x_de.txt`, `zh-cn/x.md`. `known` says whether a candidate
/// tag is a language the caller cares about (e.g. the glossary's); ISO 639-1
/// codes are always accepted.
///
/// Candidates, first accepted wins: the second-to-last extension
/// (`x.pt_BR.po`); the end of the file name after `_` (`a_zh_CN.txt`, then
/// `a_de.txt`); each directory from the nearest (`locale/pt_BR/LC_MESSAGES`).
/// Only `_` marks a suffix: with `-`, `how-to.md` would be Tongan (`to`).
/// Real two-letter words remain ambiguous — `it/` is read as Italian —
/// which is why `--lang` exists.
pub fn from_path(path: &Path, known: &dyn Fn(&LangTag) -> bool) -> Option<LangTag> {
    let accept = |candidate: &str| {
        LangTag::parse(candidate)
            .ok()
            .filter(|tag| ISO_639_1.binary_search(&tag.primary()).is_ok() || known(tag))
    };
    let name = path.file_name()?.to_str()?;
    let mut parts = name.rsplit('.');
    let second_to_last = parts.nth(1).filter(|_| parts.next().is_some());
    if let Some(tag) = second_to_last.and_then(accept) {
        return Some(tag);
    }
    if let Some(tag) = suffix_candidates(name).into_iter().find_map(accept) {
        return Some(tag);
    }
    path.parent()?
        .components()
        .rev()
        .filter_map(|c| match c {
            Component::Normal(dir) => dir.to_str(),
            _ => None,
        })
        .find_map(accept)
}

/// `a_zh_CN.txt` → `zh_CN` (only when the last part is a region), then `CN`.
fn suffix_candidates(name: &str) -> Vec<&str> {
    let stem = name.split('.').next().unwrap_or(name);
    let mut cuts = stem.rmatch_indices('_').map(|(i, _)| i);
    let Some(last) = cuts.next() else {
        return Vec::new();
    };
    let mut candidates = Vec::new();
    // A two-part suffix must end in a region: `my_file` must not become
    // the tag `my-File` (Burmese, script "File").
    if let Some(before) = cuts.next() {
        if is_region(&stem[last + 1..]) {
            candidates.push(&stem[before + 1..]);
        }
    }
    candidates.push(&stem[last + 1..]);
    candidates
}

/// The 184 ISO 639-1 codes (including the withdrawn `bh`), sorted for
/// binary search. Paths are only trusted to name these unless the caller
/// knows the tag.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn tags(list: &[&str]) -> Vec<LangTag> {
        list.iter().map(|s| tag(s)).collect()
    }

    #[test]
    fn parse_canonicalizes_case() {
        assert_eq!(tag("DE").as_str(), "de");
        assert_eq!(tag("de-ch").as_str(), "de-CH");
        assert_eq!(tag("ZH-hans-cn").as_str(), "zh-Hans-CN");
        assert_eq!(tag("sr-latn-rs").as_str(), "sr-Latn-RS");
        assert_eq!(tag("es-419").as_str(), "es-419");
        assert_eq!(tag("de-CH-1901").as_str(), "de-CH-1901");
        assert_eq!(tag("sl-rozaj-biske").as_str(), "sl-rozaj-biske");
        assert_eq!(tag("zh-yue-HK").as_str(), "zh-yue-HK");
        assert_eq!(tag("en-US-u-CA-Gregory").as_str(), "en-US-u-ca-gregory");
        assert_eq!(tag("de-CH-X-Phonebk").as_str(), "de-CH-x-phonebk");
        assert_eq!(tag("en-a-bbb-x-a-ccc").as_str(), "en-a-bbb-x-a-ccc");
    }

    #[test]
    fn parse_accepts_underscore_separator() {
        assert_eq!(tag("zh_CN").as_str(), "zh-CN");
        assert_eq!(tag("pt_br").as_str(), "pt-BR");
    }

    #[test]
    fn parse_refuses_malformed_tags() {
        for bad in [
            "",
            " ",
            "de ",
            "english",
            "de--CH",
            "123",
            "de-",
            "-de",
            "d",
            "x-foo",
            "i-klingon",
            "de-CH-x",
            "en-u",
            "en-u-x-a",
            "de-123456789",
            "zh-Hans-Hant",
            "de-CH-AT",
            "dé",
        ] {
            assert_eq!(
                LangTag::parse(bad),
                Err(LangError(bad.to_string())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lang_error_names_the_input_and_gives_examples() {
        let err = LangTag::parse("english").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("`english` is not a BCP 47 language tag (e.g. `de`, `de-CH`, `zh-Hans`)")
        );
    }

    #[test]
    fn primary_is_the_language_subtag() {
        assert_eq!(tag("zh-Hant-TW").primary(), "zh");
    }

    #[test]
    fn fallbacks_truncate_along_subtags() {
        assert_eq!(
            tag("zh-Hans-CN").fallbacks(),
            tags(&["zh-Hans-CN", "zh-Hans", "zh"])
        );
        assert_eq!(tag("de").fallbacks(), tags(&["de"]));
    }

    #[test]
    fn fallbacks_drop_trailing_singletons() {
        assert_eq!(
            tag("de-CH-x-a1").fallbacks(),
            tags(&["de-CH-x-a1", "de-CH", "de"])
        );
        // The example of RFC 4647 §3.4.
        assert_eq!(
            tag("zh-Hant-CN-x-private1-private2").fallbacks(),
            tags(&[
                "zh-Hant-CN-x-private1-private2",
                "zh-Hant-CN-x-private1",
                "zh-Hant-CN",
                "zh-Hant",
                "zh",
            ])
        );
    }

    #[test]
    fn language_names_are_sorted_for_their_search() {
        assert!(LANGUAGE_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for (t, name) in LANGUAGE_NAMES {
            assert_eq!(name_of(t), Some(*name), "{t}");
        }
    }

    #[test]
    fn english_name_uses_regional_names() {
        for (t, name) in [
            ("de-CH", "Swiss German"),
            ("de-AT", "Austrian German"),
            ("en-GB", "British English"),
            ("en-US", "American English"),
            ("pt-BR", "Brazilian Portuguese"),
            ("pt-PT", "European Portuguese"),
            ("zh-Hans", "Simplified Chinese"),
            ("zh-Hant", "Traditional Chinese"),
            ("zh-Hans-CN", "Simplified Chinese (CN)"),
        ] {
            assert_eq!(english_name(&tag(t)), name, "{t}");
        }
    }

    #[test]
    fn english_name_adds_other_regions_in_parentheses() {
        assert_eq!(english_name(&tag("de")), "German");
        assert_eq!(english_name(&tag("zh-CN")), "Chinese (CN)");
        assert_eq!(english_name(&tag("fr-BE")), "French (BE)");
        assert_eq!(english_name(&tag("sr-Latn-RS")), "Serbian (Latn, RS)");
        assert_eq!(english_name(&tag("de-CH-1901")), "Swiss German");
        assert_eq!(english_name(&tag("yue")), "Cantonese");
    }

    #[test]
    fn english_name_of_unknown_language_is_the_tag() {
        assert_eq!(english_name(&tag("tlh")), "tlh");
        assert_eq!(english_name(&tag("tlh-CN")), "tlh-CN");
    }

    #[test]
    fn name_tables_list_each_tag_once() {
        let mut all: Vec<&str> = REGIONAL_NAMES
            .iter()
            .chain(LANGUAGE_NAMES)
            .map(|(t, _)| *t)
            .collect();
        assert!(LANGUAGE_NAMES.len() >= 80);
        all.sort_unstable();
        let len = all.len();
        all.dedup();
        assert_eq!(all.len(), len);
        for t in all {
            assert_eq!(tag(t).as_str(), t, "table tags are canonical");
        }
    }

    #[test]
    fn iso_639_1_table_is_sorted_and_complete() {
        assert_eq!(ISO_639_1.len(), 184);
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
    }

    fn lang_of(path: &str) -> Option<String> {
        from_path(Path::new(path), &|_| false).map(|t| t.to_string())
    }

    #[test]
    fn from_path_reads_second_to_last_extension() {
        assert_eq!(lang_of("x.de.md").as_deref(), Some("de"));
        assert_eq!(lang_of("news/x.zh-CN.md").as_deref(), Some("zh-CN"));
        assert_eq!(lang_of("x.pt_BR.po").as_deref(), Some("pt-BR"));
        assert_eq!(lang_of("README.FR.md").as_deref(), Some("fr"));
    }

    #[test]
    fn from_path_reads_underscore_suffix() {
        assert_eq!(lang_of("a_de.txt").as_deref(), Some("de"));
        assert_eq!(lang_of("a_zh_CN.txt").as_deref(), Some("zh-CN"));
        assert_eq!(
            lang_of("messages_pt_br.properties").as_deref(),
            Some("pt-BR")
        );
    }

    #[test]
    fn from_path_reads_nearest_language_directory() {
        assert_eq!(lang_of("de/a.md").as_deref(), Some("de"));
        assert_eq!(lang_of("content/zh-cn/docs/x.md").as_deref(), Some("zh-CN"));
        assert_eq!(
            lang_of("locale/pt_BR/LC_MESSAGES/x.po").as_deref(),
            Some("pt-BR")
        );
        assert_eq!(lang_of("fr/de/a.md").as_deref(), Some("de"));
    }

    #[test]
    fn from_path_prefers_file_name_over_directory() {
        assert_eq!(lang_of("de/a.fr.md").as_deref(), Some("fr"));
        assert_eq!(lang_of("de/a_fr.md").as_deref(), Some("fr"));
    }

    #[test]
    fn from_path_ignores_words_that_are_not_languages() {
        for path in [
            "x.md",
            "a.min.js",
            "docs/a.md",
            "src/a.md",
            "v2/a.md",
            "how-to.md",
            "my_file.md",
            "de.md",
            "archive.tar.gz",
            "../x.md",
            "",
        ] {
            assert_eq!(lang_of(path), None, "{path}");
        }
    }

    #[test]
    fn from_path_reads_it_directory_as_italian() {
        // Documented ambiguity: a directory named `it` is Italian.
        assert_eq!(lang_of("it/a.md").as_deref(), Some("it"));
    }

    #[test]
    fn from_path_accepts_known_non_iso_639_1_languages() {
        let known = |t: &LangTag| t.as_str() == "yue";
        assert_eq!(
            from_path(Path::new("a.yue.md"), &known)
                .map(|t| t.to_string())
                .as_deref(),
            Some("yue")
        );
        assert_eq!(lang_of("a.yue.md"), None);
    }
}
