//! Synthetic glossaries: N concepts named in German, English and Chinese,
//! a few also in Russian, with official forms and forbidden variants shaped
//! like real institution, park, programme, fair and place names.

use super::names::{acronym, capitalise, Name, Scramble, CODES};
use super::rng::Rng;

/// What a concept names; decides the shape of its forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Kalomineindustriepark` / `Kalomine Industrial Park` / `卡洛米尼产业园`.
    Park,
    /// `Ministerium für Kalomine` / `Ministry of Kalomine` / `卡洛米尼部`.
    Ministry,
    /// `Kalomineforum` / `Kalomine Forum` / `卡洛米尼论坛`.
    Forum,
    /// `Förderprogramm Kalomine` / `Kalomine Support Programme`.
    Programme,
    /// `Internationale Kalominemesse` / `Kalomine International Fair`.
    Fair,
    /// `Amt für Kalomine der Stadt Rodefi` (names a place inside).
    Bureau,
    /// `Kalömine` and `Kalomine` / `Kalomine` / `卡洛莫尼`.
    Place,
    /// `KQXB`: do not translate, case-sensitive, English entry only.
    Acronym,
}

impl Kind {
    fn draw(rng: &mut Rng) -> Kind {
        const WEIGHTED: [(Kind, usize); 8] = [
            (Kind::Park, 18),
            (Kind::Ministry, 10),
            (Kind::Forum, 14),
            (Kind::Programme, 14),
            (Kind::Fair, 10),
            (Kind::Bureau, 10),
            (Kind::Place, 21),
            (Kind::Acronym, 3),
        ];
        let total: usize = WEIGHTED.iter().map(|w| w.1).sum();
        let mut n = rng.below(total);
        for (kind, weight) in WEIGHTED {
            if n < weight {
                return kind;
            }
            n -= weight;
        }
        Kind::Place
    }

    fn slug(self) -> &'static str {
        match self {
            Kind::Park => "park",
            Kind::Ministry => "ministry",
            Kind::Forum => "forum",
            Kind::Programme => "programme",
            Kind::Fair => "fair",
            Kind::Bureau => "bureau",
            Kind::Place => "place",
            Kind::Acronym => "acronym",
        }
    }
}

/// The names of a concept in one language.
#[derive(Debug, Clone)]
pub struct Entry {
    /// BCP 47 tag.
    pub lang: &'static str,
    /// Accepted forms, preferred first.
    pub official: Vec<String>,
    /// Forbidden forms.
    pub variants: Vec<String>,
}

/// One concept.
#[derive(Debug, Clone)]
pub struct Concept {
    /// Unique id.
    pub id: String,
    /// What it names.
    pub kind: Kind,
    /// A note for some concepts.
    pub note: Option<String>,
    /// Do not translate.
    pub dnt: bool,
    /// Capitals matter.
    pub case_sensitive: bool,
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

impl Concept {
    /// The entry for `lang`.
    pub fn entry(&self, lang: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.lang == lang)
    }
}

/// A generated glossary.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// Concepts in file order.
    pub concepts: Vec<Concept>,
}

/// Generates `count` concepts from `seed` (at most 270 000).
pub fn generate(count: usize, seed: u64) -> Glossary {
    assert!((count as u64) < CODES, "at most {CODES} concepts");
    let mut rng = Rng::new(seed, 1);
    let scramble = Scramble::new(&mut rng);
    let mut places: Vec<Name> = Vec::new();
    let mut concepts = Vec::with_capacity(count);
    for i in 0..count {
        let kind = Kind::draw(&mut rng);
        let name = Name::of(scramble.code(i as u64));
        let city = if places.is_empty() {
            Name::of(scramble.code(CODES - 1))
        } else {
            rng.pick(&places).clone()
        };
        concepts.push(concept(&mut rng, i, kind, &name, &city));
        if kind == Kind::Place {
            places.push(name);
        }
    }
    Glossary { concepts }
}

fn concept(rng: &mut Rng, i: usize, kind: Kind, name: &Name, city: &Name) -> Concept {
    if kind == Kind::Acronym {
        let acr = acronym(i as u64);
        return Concept {
            id: format!("acronym-{}-{}", acr.to_lowercase(), i),
            kind,
            note: Some(format!(
                "Acronym of concept {i}, the same in every language"
            )),
            dnt: true,
            case_sensitive: true,
            entries: vec![entry("en", vec![acr], vec![])],
        };
    }
    let mut entries = vec![
        de(kind, name, city),
        en(kind, name, city),
        zh(kind, name, city),
    ];
    if rng.chance(0.04) {
        entries.push(ru(kind, name, city));
    }
    // Some concepts list only their official forms.
    if rng.chance(0.25) {
        for e in &mut entries {
            e.variants.clear();
        }
    }
    Concept {
        id: format!("{}-{}", kind.slug(), name.slug()),
        kind,
        note: rng
            .chance(0.2)
            .then(|| format!("{} named {} (generated)", kind.slug(), name.en)),
        dnt: false,
        case_sensitive: false,
        entries,
    }
}

fn entry(lang: &'static str, official: Vec<String>, variants: Vec<String>) -> Entry {
    Entry {
        lang,
        official,
        variants,
    }
}

/// `stem` + lower-case `head` as one German compound: `Kalomineforum`.
fn compound(stem: &str, head: &str) -> String {
    format!("{stem}{}", head.to_lowercase())
}

fn de(kind: Kind, n: &Name, city: &Name) -> Entry {
    let d = &n.de;
    let (official, variants) = match kind {
        Kind::Park => (
            vec![compound(d, "Industriepark")],
            vec![format!("{d}-Industriepark"), format!("Industriepark {d}")],
        ),
        Kind::Ministry => (
            vec![format!("Ministerium für {d}")],
            vec![compound(d, "Ministerium")],
        ),
        Kind::Forum => (vec![compound(d, "Forum")], vec![format!("{d}-Forum")]),
        Kind::Programme => (
            vec![format!("Förderprogramm {d}")],
            vec![compound(d, "Programm")],
        ),
        Kind::Fair => (
            vec![format!("Internationale {}", compound(d, "Messe"))],
            vec![format!("{d}-Messe")],
        ),
        Kind::Bureau => (
            vec![format!("Amt für {d} der Stadt {}", city.de)],
            vec![format!("{}er {}", city.de, compound(d, "Amt"))],
        ),
        Kind::Place if n.de != n.en => (vec![n.de.clone(), n.en.clone()], vec![]),
        Kind::Place | Kind::Acronym => (vec![n.de.clone()], vec![]),
    };
    entry("de", official, variants)
}

fn en(kind: Kind, n: &Name, city: &Name) -> Entry {
    let e = &n.en;
    let (official, variants) = match kind {
        Kind::Park => (
            vec![format!("{e} Industrial Park")],
            vec![format!("{e} Industry Park")],
        ),
        Kind::Ministry => (
            vec![format!("Ministry of {e}")],
            vec![format!("{e} Ministry")],
        ),
        Kind::Forum => (vec![format!("{e} Forum")], vec![format!("Forum of {e}")]),
        Kind::Programme => (
            vec![format!("{e} Support Programme")],
            vec![format!("{e} Support Program")],
        ),
        Kind::Fair => (
            vec![format!("{e} International Fair")],
            vec![format!("International {e} Expo")],
        ),
        Kind::Bureau => (
            vec![format!("{} Municipal Bureau of {e}", city.en)],
            vec![format!("{e} Bureau of {}", city.en)],
        ),
        Kind::Place | Kind::Acronym => (vec![e.clone()], vec![]),
    };
    entry("en", official, variants)
}

fn zh(kind: Kind, n: &Name, city: &Name) -> Entry {
    let z = &n.zh;
    let (official, variants) = match kind {
        Kind::Park => (vec![format!("{z}产业园")], vec![format!("{z}工业园")]),
        Kind::Ministry => (vec![format!("{z}部")], vec![]),
        Kind::Forum => (vec![format!("{z}论坛")], vec![format!("{z}峰会")]),
        Kind::Programme => (vec![format!("{z}扶持计划")], vec![format!("{z}支持计划")]),
        Kind::Fair => (vec![format!("{z}国际博览会")], vec![format!("{z}博览会")]),
        Kind::Bureau => (
            vec![format!("{}市{z}局", city.zh)],
            vec![format!("{}{z}局", city.zh)],
        ),
        Kind::Place | Kind::Acronym => (vec![z.clone()], vec![]),
    };
    entry("zh", official, variants)
}

fn ru(kind: Kind, n: &Name, city: &Name) -> Entry {
    let r = &n.ru;
    let official = match kind {
        Kind::Park => format!("Индустриальный парк {r}"),
        Kind::Ministry => format!("Министерство {r}"),
        Kind::Forum => format!("Форум {r}"),
        Kind::Programme => format!("Программа поддержки {r}"),
        Kind::Fair => format!("Международная выставка {r}"),
        Kind::Bureau => format!("Бюро {r} города {}", city.ru),
        Kind::Place | Kind::Acronym => r.clone(),
    };
    entry("ru", vec![official], vec![])
}

/// Every form of every concept, official and variant, each once, in file
/// order: the pattern list of substring searchers.
pub fn surface_forms(glossary: &Glossary) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for c in &glossary.concepts {
        for e in &c.entries {
            for f in e.official.iter().chain(&e.variants) {
                if seen.insert(f.clone()) {
                    out.push(f.clone());
                }
            }
        }
    }
    out
}

/// `form` in capitals where it starts with a letter that has them.
pub fn shout(form: &str) -> String {
    form.to_uppercase()
}

/// `form` with only its first letter in upper case: `Kqxb` for `KQXB`.
pub fn title_case(form: &str) -> String {
    capitalise(&form.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_unique_across_concepts() {
        let g = generate(3000, 5);
        let mut all: Vec<String> = Vec::new();
        for c in &g.concepts {
            let mut mine: Vec<String> = c
                .entries
                .iter()
                .flat_map(|e| e.official.iter().chain(&e.variants))
                .map(|f| f.to_lowercase())
                .collect();
            mine.sort();
            mine.dedup();
            all.extend(mine);
        }
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "a form belongs to two concepts");
    }
}
