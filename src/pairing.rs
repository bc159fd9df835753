//! Paired documents: the source text of a translation kept beside it
//! (SPEC §4: the source of `de/x.md` is `zh/x.md`, of `x.de.md` is
//! `x.zh.md`).

use crate::lang::LangTag;
use std::path::{Path, PathBuf};

/// The source text of `path` in `source_lang`, when it exists beside it:
/// `x.de.md` → `x.zh.md`, `x_de.txt` → `x_zh.txt`, `de/x.md` → `zh/x.md`
/// (SPEC §4). The language part is written as the tag, its lowercase, and
/// with `_` (`zh-CN`, `zh-cn`, `zh_CN`).
pub fn source_for(path: &Path, lang: &LangTag, source_lang: &LangTag) -> Option<PathBuf> {
    if lang == source_lang {
        return None;
    }
    let spellings = spellings(source_lang);
    candidates(path, lang, &spellings)
        .into_iter()
        .find(|candidate| candidate != path && candidate.is_file())
}

/// A walked file's language and source text as its path tells them,
/// before it is read. The text may still declare another language (front
/// matter); its source is then looked up again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The language `path` names, or the one given on the command line.
    pub lang: LangTag,
    /// [`source_for`] in that language.
    pub source: Option<PathBuf>,
}

impl Expected {
    /// What `path` tells: in language `given`, else the one its path
    /// names among `known` (sorted) and ISO 639-1; `None` when no language
    /// can be told from it.
    pub fn of(
        path: &Path,
        given: Option<&LangTag>,
        known: &[LangTag],
        source_lang: &LangTag,
    ) -> Option<Expected> {
        let lang = match given {
            Some(lang) => lang.clone(),
            None => crate::lang::from_path(path, &|tag| known.binary_search(tag).is_ok())?,
        };
        let source = source_for(path, &lang, source_lang);
        Some(Expected { lang, source })
    }

    /// The source text of a file read in language `lang`: this one when
    /// the text is in the language its path names.
    pub fn source_in(&self, path: &Path, lang: &LangTag, source_lang: &LangTag) -> Option<PathBuf> {
        match *lang == self.lang {
            true => self.source.clone(),
            false => source_for(path, lang, source_lang),
        }
    }
}

/// The files numbered by `sources` in groups to be checked one after
/// the other, so that a source text is read once for all its
/// translations: those with the same source together, in the order each
/// group's first file comes, and every file without one alone.
pub fn group_by_source(sources: &[Option<&Path>]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(sources.len());
    let mut by_source: std::collections::HashMap<&Path, usize> = Default::default();
    for (i, source) in sources.iter().enumerate() {
        match source {
            Some(source) => {
                let group = *by_source.entry(source).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[group].push(i);
            }
            None => groups.push(vec![i]),
        }
    }
    groups
}

fn spellings(tag: &LangTag) -> Vec<String> {
    let mut out = vec![
        tag.as_str().to_string(),
        tag.as_str().to_lowercase(),
        tag.as_str().replace('-', "_"),
    ];
    out.dedup();
    out
}

fn names_lang(part: &str, lang: &LangTag) -> bool {
    LangTag::parse(part).is_ok_and(|tag| &tag == lang)
}

fn candidates(path: &Path, lang: &LangTag, spellings: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return out;
    };
    let parent = path.parent().unwrap_or(Path::new(""));
    let dots: Vec<&str> = name.split('.').collect();
    if dots.len() >= 3 && names_lang(dots[dots.len() - 2], lang) {
        for s in spellings {
            let mut parts = dots.clone();
            let at = parts.len() - 2;
            parts[at] = s;
            out.push(parent.join(parts.join(".")));
        }
    }
    let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
    for (i, _) in stem.rmatch_indices('_').take(2) {
        if names_lang(&stem[i + 1..], lang) {
            for s in spellings {
                let renamed = format!(
                    "{}_{s}{}{ext}",
                    &stem[..i],
                    if ext.is_empty() { "" } else { "." }
                );
                out.push(parent.join(renamed));
            }
        }
    }
    let dirs: Vec<&std::ffi::OsStr> = parent.iter().collect();
    if let Some(at) = dirs
        .iter()
        .rposition(|d| d.to_str().is_some_and(|d| names_lang(d, lang)))
    {
        for s in spellings {
            let mut swapped: PathBuf = dirs[..at].iter().collect();
            swapped.push(s);
            swapped.extend(&dirs[at + 1..]);
            out.push(swapped.join(name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).expect("valid tag")
    }

    fn candidates_of(path: &str, lang: &str, source: &str) -> Vec<String> {
        candidates(Path::new(path), &tag(lang), &spellings(&tag(source)))
            .into_iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn source_of_dotted_language_swaps_the_tag() {
        assert!(candidates_of("news/x.de.md", "de", "zh").contains(&"news/x.zh.md".to_string()));
    }

    #[test]
    fn source_of_language_directory_swaps_the_directory() {
        assert!(candidates_of("site/de/news/x.md", "de", "zh-CN")
            .contains(&"site/zh-cn/news/x.md".to_string()));
    }

    #[test]
    fn source_of_underscore_suffix_swaps_the_suffix() {
        assert!(candidates_of("a_de.txt", "de", "en").contains(&"a_en.txt".to_string()));
    }

    #[test]
    fn translations_of_one_source_are_grouped_in_order() {
        let (a, b) = (Path::new("zh/a.md"), Path::new("zh/b.md"));
        let sources = [Some(a), None, Some(b), Some(a), None, Some(b)];
        assert_eq!(
            group_by_source(&sources),
            [vec![0, 3], vec![1], vec![2, 5], vec![4]]
        );
        assert!(group_by_source(&[]).is_empty());
    }

    #[test]
    fn expected_source_is_looked_up_again_for_another_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["de", "zh", "en"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
            std::fs::write(dir.path().join(sub).join("x.md"), "x").expect("write");
        }
        let path = dir.path().join("de/x.md");
        let known = [tag("de"), tag("en"), tag("zh")];
        let expected = Expected::of(&path, None, &known, &tag("zh")).expect("named by path");
        assert_eq!(expected.lang, tag("de"));
        assert_eq!(expected.source, Some(dir.path().join("zh/x.md")));
        let source_in = |lang: &str| expected.source_in(&path, &tag(lang), &tag("zh"));
        assert_eq!(source_in("de"), Some(dir.path().join("zh/x.md")));
        // A German path whose text says it is Chinese has no source.
        assert_eq!(source_in("zh"), None);
        let given = Expected::of(&path, Some(&tag("en")), &known, &tag("zh"));
        assert_eq!(given.map(|e| e.lang), Some(tag("en")));
        assert!(Expected::of(Path::new("notes.md"), None, &known, &tag("zh")).is_none());
    }

    #[test]
    fn existing_pair_is_found_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("de")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("zh")).expect("mkdir");
        std::fs::write(dir.path().join("de/x.md"), "x").expect("write");
        std::fs::write(dir.path().join("zh/x.md"), "x").expect("write");
        let found = source_for(&dir.path().join("de/x.md"), &tag("de"), &tag("zh"));
        assert_eq!(found, Some(dir.path().join("zh/x.md")));
        assert_eq!(
            source_for(&dir.path().join("zh/x.md"), &tag("zh"), &tag("zh")),
            None
        );
    }
}
