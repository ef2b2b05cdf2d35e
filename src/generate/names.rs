//! Invented names: people, places, organisations and outlets, built from
//! syllables and word lists so that no real person or outlet is named.

use super::rng::Rng;

const GIVEN: &[&str] = &[
    "Amara", "Tomas", "Ilse", "Kofi", "Marta", "Idris", "Lena", "Oskar", "Nadia", "Ravi", "Selma",
    "Yusuf", "Petra", "Anton", "Leila", "Bruno", "Freya", "Omar", "Inga", "Samir", "Vera", "Hugo",
    "Zainab", "Emil", "Dalia", "Jonas", "Rana", "Milo", "Hana", "Karim", "Sofia", "Tariq", "Elin",
    "Ines", "Farid", "Greta", "Malik", "Nora", "Pavel", "Aisha",
];

const SURNAME_HEAD: &[&str] = &[
    "Bal", "Cor", "Dav", "Fen", "Gal", "Har", "Kel", "Lun", "Mar", "Nor", "Ost", "Pel", "Quin",
    "Ros", "Sar", "Tal", "Ulv", "Ves", "Wen", "Zar", "Bren", "Dral", "Esk", "Grav", "Hol", "Jur",
    "Kast", "Lorm", "Mend", "Tov",
];

const SURNAME_MIDDLE: &[&str] = &["", "", "", "a", "e", "i", "o", "u", "an", "er", "ol", "im"];

const SURNAME_TAIL: &[&str] = &[
    "ani", "berg", "din", "ek", "ford", "holm", "ian", "ko", "lund", "mir", "nova", "oya", "quist",
    "rik", "sen", "tov", "uzzi", "vic", "wick", "zadeh", "ari", "ovic", "ström", "ell",
];

const PLACE_HEAD: &[&str] = &[
    "North", "Est", "Mar", "Kest", "Val", "Dor", "Sel", "Brav", "Os", "Tyr", "Lum", "Cael", "Ard",
    "Fal", "Gor", "Hesp",
];

const PLACE_MIDDLE: &[&str] = &["", "", "an", "el", "ir", "or", "ul", "av", "en", "is"];

const PLACE_TAIL: &[&str] =
    &["land", "avia", "ovia", "mark", "ora", "enia", "istan", "heim", "aria", "uria"];

/// Titles written before a name, with the role noun a description may
/// use for the same person.
pub const TITLES: &[(&str, &str)] = &[
    ("Prime Minister", "prime minister"),
    ("President", "president"),
    ("Foreign Minister", "minister"),
    ("Defence Minister", "minister"),
    ("General", "general"),
    ("Brigadier", "spokesperson"),
    ("Mayor", "mayor"),
    ("Governor", "governor"),
    ("Senator", "senator"),
    ("Sheikh", "cleric"),
    ("Dr.", "expert"),
    ("Judge", "judge"),
];

const ORG_HEAD: &[&str] = &[
    "Ministry of Water",
    "Ministry of Defence",
    "Harbour Authority",
    "Workers Union",
    "Farmers Association",
    "Liberation Front",
    "Unity Party",
    "Energy Agency",
    "Armed Forces",
    "Election Commission",
    "Health Ministry",
    "Coast Guard",
    "Port Workers Federation",
    "Reform Movement",
    "Supreme Court",
    "Central Bank",
];

const OUTLET_HEAD: &[&str] = &[
    "Daily",
    "Evening",
    "Morning",
    "Coastal",
    "Capital",
    "Northern",
    "Global",
    "Regional",
    "Independent",
    "Weekly",
];

const OUTLET_TAIL: &[&str] =
    &["Courier", "Meridian", "Herald", "Wire", "Ledger", "Observer", "Dispatch", "Tribune"];

/// An invented surname (about 6,000 forms); one in five carries an `al-`
/// particle.
pub fn surname(r: &mut Rng) -> String {
    let core =
        format!("{}{}{}", r.pick(SURNAME_HEAD), r.pick(SURNAME_MIDDLE), r.pick(SURNAME_TAIL));
    if r.chance(0.2) { format!("al-{core}") } else { core }
}

/// An invented given name.
pub fn given(r: &mut Rng) -> &'static str {
    r.pick(GIVEN)
}

/// An invented country or region (about 1,300 forms).
pub fn place(r: &mut Rng) -> String {
    format!("{}{}{}", r.pick(PLACE_HEAD), r.pick(PLACE_MIDDLE), r.pick(PLACE_TAIL))
}

/// An organisation of `place`, and its acronym.
pub fn organisation(r: &mut Rng, place: &str) -> (String, String) {
    let head = r.pick(ORG_HEAD);
    let name = format!("{place} {head}");
    let acronym: String = name
        .split_whitespace()
        .filter(|w| !["of", "the"].contains(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase();
    (name, acronym)
}

/// The `n`th outlet's name: a fixed list of invented mastheads.
pub fn outlet(n: usize) -> String {
    let head = OUTLET_HEAD[n % OUTLET_HEAD.len()];
    let tail = OUTLET_TAIL[(n / OUTLET_HEAD.len() + n) % OUTLET_TAIL.len()];
    if n % 3 == 0 { format!("The {head} {tail}") } else { format!("{head} {tail}") }
}

/// How many distinct outlet names [`outlet`] produces.
pub const OUTLETS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_distinct() {
        let names: std::collections::BTreeSet<_> = (0..OUTLETS).map(outlet).collect();
        assert_eq!(names.len(), OUTLETS);
    }

    #[test]
    fn acronyms_from_initials() {
        let mut r = Rng::new(1);
        let (name, acronym) = organisation(&mut r, "Northland");
        assert!(name.starts_with("Northland "));
        assert!(acronym.starts_with('N') && acronym.len() >= 2, "{acronym}");
    }
}
