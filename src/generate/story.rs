//! Stories, the statements made in them, and how one outlet writes them
//! up.
//!
//! A [`Story`] has a place, two or three speakers (people with a title
//! and a role, an organisation with an acronym) and a handful of
//! statements each. Every outlet covering the story quotes some of the
//! same statements, each rendered with its own variations: typography,
//! truncation, translation-like word substitutions, or paraphrase instead
//! of a quote.

use super::names::{self, TITLES};
use super::rng::Rng;

/// Someone who speaks in a story.
#[derive(Clone, Debug)]
pub struct Speaker {
    /// Full name, without title.
    pub name: String,
    /// The short form used after the first mention (a surname, or an
    /// acronym for an organisation).
    pub short: String,
    /// A title before the name (people only).
    pub title: Option<&'static str>,
    /// The role noun a description uses ("the minister").
    pub role_noun: &'static str,
    /// An apposition: "spokesperson for the Northland Armed Forces".
    pub role: String,
    /// `he`, `she` or `it`.
    pub pronoun: &'static str,
    /// The statements made, each a list of sentences.
    pub statements: Vec<Vec<String>>,
    /// A phrase this speaker is quoted with as a fragment.
    pub partial: &'static str,
}

/// One news story, covered by several outlets.
#[derive(Clone, Debug)]
pub struct Story {
    /// Where it happens.
    pub place: String,
    /// What it is about: "the water agreement".
    pub topic: &'static str,
    /// Who speaks.
    pub speakers: Vec<Speaker>,
}

const TOPICS: &[&str] = &[
    "the water agreement",
    "the ceasefire",
    "the new tariff plan",
    "the bridge project",
    "the port strike",
    "the election results",
    "the border talks",
    "the fuel subsidy",
    "the drought relief plan",
    "the harbour expansion",
    "the pension reform",
    "the curfew",
    "the grain exports",
    "the power cuts",
    "the refugee camps",
    "the budget vote",
];

const SUBJECTS: &[&str] = &[
    "We",
    "Our people",
    "The farmers",
    "Our neighbours",
    "Our forces",
    "The young people",
    "The families",
    "Our members",
    "The committee members",
    "The workers",
];

/// Phrases quoted as fragments in the narrator's sentence.
const PARTIALS: &[&str] = &[
    "a temporary tactic",
    "the calm before the storm",
    "empty promises",
    "a betrayal of the people",
    "a historic step",
    "an act of aggression",
    "a dangerous escalation",
    "completely unacceptable",
    "a red line",
    "a victory for common sense",
    "a shameful delay",
    "the last chance for peace",
];

const MODALS: &[&str] = &[
    "will not",
    "cannot",
    "must",
    "will",
    "are ready to",
    "have no intention to",
    "refuse to",
    "will never",
    "are determined to",
    "have decided to",
];

const VERBS: &[&str] = &[
    "accept",
    "abandon",
    "support",
    "reject",
    "rebuild",
    "defend",
    "sign",
    "delay",
    "challenge",
    "respect",
    "renegotiate",
    "suspend",
    "protect",
    "review",
    "fund",
    "block",
];

const OBJECTS: &[&str] = &[
    "any deal at any price",
    "the agreement",
    "the new plan",
    "our harbour",
    "the ceasefire",
    "this decision",
    "the talks",
    "the budget",
    "our water supply",
    "the reform",
    "the border",
    "the people's demands",
    "the old bridge",
    "the relief convoys",
    "the new tariffs",
];

const TAILS: &[&str] = &[
    "",
    " before the end of the year",
    " under any circumstances",
    " while the talks continue",
    " as long as our demands are ignored",
    " without a vote in parliament",
    " until the families are safe",
    " at this stage",
    " for the sake of our children",
    " whatever the cost",
];

const CODAS: &[&str] = &[
    "It is only the calm before the storm.",
    "This is a temporary tactic, nothing more.",
    "The people deserve better than empty promises.",
    "We have waited long enough.",
    "History will judge those who stayed silent.",
    "There is no other choice.",
    "The door remains open for dialogue.",
    "Every day of delay costs lives.",
    "Nobody is above the law.",
    "Our patience is running out.",
    "The numbers speak for themselves.",
    "We will not be intimidated.",
];

/// Translation-like substitutions: what a second translator might write.
const SUBSTITUTIONS: &[(&str, &str)] = &[
    ("will not", "won't"),
    ("cannot", "can't"),
    ("reject", "refuse"),
    ("people", "population"),
    ("agreement", "accord"),
    ("ceasefire", "truce"),
    ("calm", "quiet"),
    ("storm", "tempest"),
    ("empty promises", "hollow pledges"),
    ("deserve", "merit"),
    ("defend", "protect"),
    ("talks", "negotiations"),
    ("decision", "ruling"),
    ("waited", "been waiting"),
];

/// Places and things a statement names, after an invented name: what
/// makes real statements distinctive (a rare name, a number) and lets the
/// compare step tell them apart.
const FACILITIES: &[&str] = &[
    "dam", "bridge", "canal", "depot", "clinic", "school", "market", "station", "mine", "plant",
    "harbour", "airport", "refinery", "camp", "barracks", "crossing",
];

/// A detail naming a place or a number: "at the Osterlo dam", "within 40
/// days".
fn detail(r: &mut Rng) -> String {
    match r.below(4) {
        0 => format!(
            " at the {} {}",
            names::surname(r).trim_start_matches("al-"),
            r.pick(FACILITIES)
        ),
        1 => format!(" within {} days", r.range(2, 120)),
        2 => format!(", {} percent of them", r.range(3, 97)),
        _ => format!(" in {}", names::place(r)),
    }
}

fn statement(r: &mut Rng) -> Vec<String> {
    let detail = if r.chance(0.85) { detail(r) } else { String::new() };
    let mut out = vec![format!(
        "{} {} {} {}{}{detail}.",
        r.pick(SUBJECTS),
        r.pick(MODALS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(TAILS)
    )];
    for _ in 0..r.range(0, 2) {
        out.push(r.pick(CODAS).to_string());
    }
    out
}

impl Story {
    /// The story numbered by `r`'s stream: place, topic, speakers and
    /// their statements.
    pub fn new(r: &mut Rng) -> Story {
        let place = names::place(r);
        let topic = r.pick(TOPICS);
        let mut speakers = Vec::new();
        for _ in 0..r.range(1, 2) {
            let (title, role_noun) = r.pick(TITLES);
            let surname = names::surname(r);
            let given = names::given(r);
            let short = surname.clone();
            let (org, _) = names::organisation(r, &place);
            let pronoun = if r.chance(0.5) { "he" } else { "she" };
            let role = match role_noun {
                "spokesperson" => format!("spokesperson for the {org}"),
                "cleric" | "expert" => format!("a senior figure in the {org}"),
                _ => format!("head of the {org}"),
            };
            speakers.push(Speaker {
                name: format!("{given} {surname}"),
                short,
                title: Some(title),
                role_noun,
                role,
                pronoun,
                statements: (0..r.range(3, 5)).map(|_| statement(r)).collect(),
                partial: r.pick(PARTIALS),
            });
        }
        let (org, acronym) = names::organisation(r, &place);
        speakers.push(Speaker {
            name: org,
            short: acronym,
            title: None,
            role_noun: "group",
            role: String::new(),
            pronoun: "it",
            statements: (0..r.range(2, 3)).map(|_| statement(r)).collect(),
            partial: r.pick(PARTIALS),
        });
        Story { place, topic, speakers }
    }
}

/// How one outlet types and edits quotes.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Opening and closing marks.
    pub open: &'static str,
    /// Closing mark.
    pub close: &'static str,
    /// The apostrophe typed inside words.
    pub apostrophe: char,
    /// Paragraphs separated by a blank line rather than a line break.
    pub blank_lines: bool,
    /// Probability of a translation-like substitution per statement.
    pub substitute: f64,
}

impl Style {
    /// The house style of outlet `n`.
    pub fn of_outlet(n: usize) -> Style {
        let (open, close, apostrophe) = match n % 4 {
            0 | 1 => ("“", "”", '’'),
            2 => ("\"", "\"", '\''),
            _ => ("‘", "’", '’'),
        };
        Style {
            open,
            close,
            apostrophe,
            blank_lines: n % 5 == 0,
            substitute: [0.1, 0.5, 0.2][n % 3],
        }
    }
}

/// A statement as this outlet prints it: perhaps with words substituted,
/// perhaps truncated, with the outlet's apostrophes.
pub fn render_statement(r: &mut Rng, style: Style, sentences: &[String]) -> String {
    let mut s = if sentences.len() > 1 && r.chance(0.3) {
        // Truncation: only the first sentence(s).
        sentences[..r.range(1, sentences.len() - 1)].join(" ")
    } else {
        sentences.join(" ")
    };
    if r.chance(style.substitute) {
        for (from, to) in SUBSTITUTIONS {
            if s.contains(from) && r.chance(0.5) {
                s = s.replacen(from, to, 1);
            }
        }
    }
    if r.chance(0.1) {
        // Truncation inside the sentence: "… as long as …".
        if let Some(cut) = s.find(" as ").or_else(|| s.find(" at ")) {
            s = format!("{} …", &s[..cut]);
        }
    }
    if style.apostrophe != '\'' {
        s = s.replace('\'', &style.apostrophe.to_string());
    }
    s
}

/// A statement in reported speech: "they would not accept the agreement".
pub fn paraphrase(sentence: &str) -> String {
    let body = sentence.trim_end_matches('.');
    let mut words: Vec<String> = Vec::new();
    for w in body.split(' ') {
        let w = match w {
            "We" | "we" => "they",
            "Our" | "our" => "their",
            "This" => "the",
            "will" => "would",
            "cannot" => "could not",
            "are" => "were",
            "refuse" => "refused",
            "have" => "had",
            "must" => "had to",
            other => other,
        };
        words.push(w.to_string());
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_lowercase() + &s[1..];
    }
    s
}
