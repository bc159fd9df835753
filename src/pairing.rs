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
