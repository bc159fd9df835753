//! Filler prose that reads like documentation pages: German with compounds
//! and inflected adjectives, English, Chinese without spaces (with some
//! Latin tokens mixed in), and now and then a Russian sentence. It never
//! contains a glossary name by itself: the Han characters of names are
//! kept out of the Chinese vocabulary, and generated names are code words
//! that no real word equals.

use super::rng::Rng;

const DE_FUNCTION: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "und", "oder", "mit", "für",
    "von", "auf", "bei", "nach", "über", "unter", "im", "am", "zum", "zur", "auch", "nicht",
    "sowie", "noch", "bereits", "durch", "gegen",
];
const DE_NOUNS: &[&str] = &[
    "Stadt",
    "Region",
    "Entwicklung",
    "Wirtschaft",
    "Kultur",
    "Unternehmen",
    "Projekt",
    "Bericht",
    "Jahr",
    "Jahres",
    "Jahren",
    "Zeit",
    "Land",
    "Menschen",
    "Besucher",
    "Branche",
    "Bereich",
    "Zukunft",
    "Markt",
    "Märkte",
    "Politik",
    "Regierung",
    "Verwaltung",
    "Gesellschaft",
    "Forschung",
    "Bildung",
    "Zusammenarbeit",
    "Ausstellung",
    "Veranstaltung",
    "Konferenz",
    "Vertreter",
    "Leitung",
    "Gruppe",
    "Ziel",
    "Ergebnis",
    "Ergebnisse",
    "Angebot",
    "Nachfrage",
    "Investition",
    "Investitionen",
    "Strategie",
    "Netzwerk",
    "Straße",
    "Fläche",
    "Gebäude",
    "Bevölkerung",
    "Arbeit",
    "Woche",
    "Monat",
    "Städte",
    "Projekts",
    "Projekte",
    "Unternehmens",
    "Berichts",
    "Grundlage",
    "Maßnahmen",
    "Beitrag",
    "Beiträge",
    "Überblick",
    "Änderung",
    "Größe",
];
const DE_PARTS: &[&str] = &[
    "Kultur",
    "Industrie",
    "Wirtschafts",
    "Stadt",
    "Entwicklungs",
    "Förder",
    "Verwaltungs",
    "Tourismus",
    "Bildungs",
    "Forschungs",
    "Handels",
    "Verkehrs",
    "Energie",
    "Bau",
    "Wohnungs",
    "Medien",
    "Kunst",
    "Sport",
    "Gesundheits",
    "Umwelt",
    "Landes",
    "Bundes",
    "Straßen",
    "Zukunfts",
];
const DE_HEADS: &[&str] = &[
    "gesellschaft",
    "programm",
    "programms",
    "zentrum",
    "zentren",
    "verband",
    "verbands",
    "konzept",
    "strategie",
    "bericht",
    "berichte",
    "projekt",
    "projekte",
    "netzwerk",
    "politik",
    "bereich",
    "plan",
    "pläne",
    "behörde",
    "ausschuss",
    "messe",
    "messen",
    "förderung",
    "fonds",
];
const DE_VERBS: &[&str] = &[
    "ist",
    "sind",
    "wird",
    "werden",
    "hat",
    "haben",
    "wurde",
    "wurden",
    "soll",
    "sollen",
    "kann",
    "können",
    "entwickelt",
    "gefördert",
    "vorgestellt",
    "eröffnet",
    "besucht",
    "erreicht",
    "gestärkt",
    "geplant",
    "erklärt",
    "betont",
    "zeigt",
    "bietet",
    "übernimmt",
    "fördert",
];
const DE_ADJECTIVES: &[&str] = &[
    "neue",
    "neuen",
    "neuer",
    "neues",
    "wirtschaftliche",
    "wirtschaftlichen",
    "kulturelle",
    "kulturellen",
    "internationale",
    "internationalen",
    "regionale",
    "regionalen",
    "große",
    "großen",
    "wichtige",
    "wichtigen",
    "nachhaltige",
    "nachhaltigen",
    "digitale",
    "digitalen",
    "öffentliche",
    "öffentlichen",
    "hochwertige",
    "hochwertigen",
];

const EN_FUNCTION: &[&str] = &[
    "the", "a", "of", "and", "in", "for", "with", "on", "by", "to", "from", "at", "as", "its",
    "their", "this", "that", "more", "also", "not", "under", "over", "between",
];
const EN_NOUNS: &[&str] = &[
    "city",
    "region",
    "development",
    "economy",
    "culture",
    "company",
    "companies",
    "project",
    "projects",
    "report",
    "year",
    "years",
    "time",
    "country",
    "people",
    "visitors",
    "industry",
    "sector",
    "future",
    "market",
    "markets",
    "policy",
    "government",
    "administration",
    "society",
    "research",
    "education",
    "cooperation",
    "exhibition",
    "event",
    "conference",
    "delegates",
    "group",
    "goal",
    "result",
    "results",
    "offer",
    "demand",
    "investment",
    "strategy",
    "network",
    "street",
    "area",
    "building",
    "population",
    "work",
    "week",
    "month",
    "tourism",
    "framework",
    "overview",
    "budget",
    "growth",
    "partners",
    "infrastructure",
    "platform",
    "services",
];
const EN_VERBS: &[&str] = &[
    "is",
    "are",
    "will",
    "has",
    "have",
    "was",
    "were",
    "should",
    "can",
    "developed",
    "supported",
    "presented",
    "opened",
    "visited",
    "reached",
    "strengthened",
    "planned",
    "explained",
    "stressed",
    "shows",
    "offers",
    "takes",
    "promotes",
    "announced",
    "launched",
    "expanded",
];
const EN_ADJECTIVES: &[&str] = &[
    "new",
    "economic",
    "cultural",
    "international",
    "regional",
    "large",
    "important",
    "sustainable",
    "digital",
    "public",
    "high-quality",
    "local",
    "national",
    "creative",
    "innovative",
    "annual",
    "major",
    "significant",
    "integrated",
    "modern",
];

const ZH_WORDS: &[&str] = &[
    "发展",
    "文化",
    "经济",
    "城市",
    "企业",
    "项目",
    "合作",
    "国际",
    "创新",
    "政府",
    "推动",
    "建设",
    "服务",
    "市场",
    "产品",
    "技术",
    "管理",
    "旅游",
    "活动",
    "地区",
    "产业",
    "园区",
    "会议",
    "工作",
    "提高",
    "加强",
    "促进",
    "支持",
    "社会",
    "人民",
    "生活",
    "质量",
    "高质量",
    "数字",
    "平台",
    "投资",
    "增长",
    "规划",
    "政策",
    "融合",
    "消费",
    "品牌",
    "展示",
    "交流",
    "举办",
    "参加",
    "开幕",
    "来自",
    "全国",
    "各地",
    "代表",
    "专家",
    "学者",
    "表示",
    "认为",
    "今年",
    "去年",
    "目前",
    "已经",
    "正在",
    "进一步",
    "重要",
    "主要",
    "我们",
    "他们",
    "这个",
    "一个",
    "新的",
    "有关",
    "部门",
    "方面",
    "领域",
    "基础",
    "环境",
    "资源",
    "体系",
    "机制",
    "模式",
    "能力",
    "水平",
    "结构",
    "改革",
    "开放",
    "共同",
    "实现",
    "目标",
    "任务",
];
const ZH_LATIN: &[&str] = &[
    "API", "5G", "2023年", "AI", "IP", "GDP", "App", "3D", "VR", "10%",
];

const RU_WORDS: &[&str] = &[
    "развитие",
    "культурной",
    "индустрии",
    "в",
    "регионе",
    "продолжается",
    "город",
    "проект",
    "и",
    "года",
    "международный",
    "форум",
    "экономики",
    "туризма",
    "поддержка",
    "новых",
    "предприятий",
    "на",
    "для",
    "выставка",
    "открылась",
    "представители",
];

/// A filler language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
    /// Chinese.
    Zh,
}

impl Lang {
    /// Its BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Whether its words are separated by spaces.
    pub fn spaced(self) -> bool {
        self != Lang::Zh
    }
}

/// One filler word slot of `lang` (a compound, a phrase word, a number).
pub fn word(rng: &mut Rng, lang: Lang, position: usize) -> String {
    match lang {
        Lang::De => de_word(rng, position),
        Lang::En => en_word(rng, position),
        Lang::Zh => zh_word(rng),
    }
}

fn de_word(rng: &mut Rng, position: usize) -> String {
    match (position % 5, rng.below(10)) {
        (_, 0) => format!("{}{}", rng.pick(DE_PARTS), rng.pick(DE_HEADS)),
        (_, 1) if rng.chance(0.3) => format!(
            "{}{}{}",
            rng.pick(DE_PARTS),
            rng.pick(DE_PARTS).to_lowercase(),
            rng.pick(DE_HEADS)
        ),
        (_, 1) => rng.range(2, 2030).to_string(),
        (0 | 3, _) => (*rng.pick(DE_FUNCTION)).to_string(),
        (1, _) => (*rng.pick(DE_ADJECTIVES)).to_string(),
        (2, _) => (*rng.pick(DE_NOUNS)).to_string(),
        _ => (*rng.pick(DE_VERBS)).to_string(),
    }
}

fn en_word(rng: &mut Rng, position: usize) -> String {
    match (position % 5, rng.below(12)) {
        (_, 0) => rng.range(2, 2030).to_string(),
        (0 | 3, _) => (*rng.pick(EN_FUNCTION)).to_string(),
        (1, _) => (*rng.pick(EN_ADJECTIVES)).to_string(),
        (2, _) => (*rng.pick(EN_NOUNS)).to_string(),
        _ => (*rng.pick(EN_VERBS)).to_string(),
    }
}

fn zh_word(rng: &mut Rng) -> String {
    if rng.chance(0.02) {
        (*rng.pick(ZH_LATIN)).to_string()
    } else {
        (*rng.pick(ZH_WORDS)).to_string()
    }
}

/// A Russian sentence (Cyrillic inside any document).
pub fn russian_sentence(rng: &mut Rng) -> String {
    let n = rng.range(5, 12);
    let words: Vec<&str> = (0..n).map(|_| *rng.pick(RU_WORDS)).collect();
    format!("{}.", super::names::capitalise(&words.join(" ")))
}

/// Joins a sentence's pieces: spaced languages get spaces and a capital
/// first letter, Chinese gets commas now and then and a full stop.
pub fn finish_sentence(rng: &mut Rng, lang: Lang, pieces: &[String]) -> String {
    if lang.spaced() {
        let mut s = super::names::capitalise(&pieces.join(" "));
        s.push(if rng.chance(0.05) { '?' } else { '.' });
        return s;
    }
    let mut s = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 && i % 7 == 0 && rng.chance(0.6) {
            s.push('，');
        }
        s.push_str(p);
    }
    s.push('。');
    s
}

/// Words a Chinese piece counts for in the hit rate (about two characters
/// a word).
pub fn word_weight(lang: Lang, piece: &str) -> usize {
    if lang.spaced() {
        1
    } else {
        piece.chars().count().div_ceil(2).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_filler_avoids_name_characters() {
        let names: Vec<char> = super::super::names::han_alphabet().collect();
        for w in ZH_WORDS {
            assert!(!w.chars().any(|c| names.contains(&c)), "{w}");
        }
    }
}
