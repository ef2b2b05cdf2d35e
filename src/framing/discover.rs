//! Discovery: the words and phrases most distinctive of each outlet's
//! narrator voice, beyond the lexicon.
//!
//! # Score
//!
//! Each outlet is compared with all the other outlets pooled, phrase by
//! phrase, with the weighted log-odds ratio with an informative Dirichlet
//! prior of Monroe, Colaresi and Quinn (2008, "Fightin' Words", *Political
//! Analysis* 16(4), eqs. 16 and 18–20). For a phrase *w* of *k* words,
//! with `y_i` its count in outlet *i*, `n_i` the count of all *k*-word
//! phrases of outlet *i*, `y_j` and `n_j` the same in the other outlets,
//! and the prior `α_w = prior × (y_i + y_j)` (the pooled corpus, scaled by
//! [`DiscoverySettings::prior`]), `α_0 = prior × (n_i + n_j)`:
//!
//! ```text
//! δ = ln((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − ln((y_j + α_w) / (n_j + α_0 − y_j − α_w))
//! σ² ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)
//! z = δ / σ
//! ```
//!
//! - `log_odds` (δ) is the difference of the phrase's log-odds in the
//!   outlet and in the others, smoothed toward the pooled rate: 0 when the
//!   outlet uses the phrase at the others' rate, positive when more (δ = 1
//!   means odds e ≈ 2.7 times the others'), negative when less; unbounded
//!   in principle, a few units in practice. Natural logarithm.
//! - `z` is δ over its estimated standard deviation, so a phrase seen
//!   often counts for more than one seen twice with the same δ: roughly
//!   standard normal when the outlet does not differ, so |z| > 1.96 would
//!   be a 5% two-sided test for one phrase chosen in advance. It is not
//!   corrected for testing every phrase: read it as a ranking, not as
//!   significance.
//!
//! # What is counted
//!
//! The narrator voice of each article ([`super::voice`]: no quotes, no
//! boilerplate) is cut into runs of words at every punctuation mark but
//! apostrophes, and at quote and boilerplate boundaries. Words are folded
//! ([`text::fold`]: lower case, ASCII apostrophes and dashes, no periods)
//! and a final `'s` is dropped. Phrases are the 1-, 2- and 3-word windows
//! of a run; each length is scored against totals of its own length.
//! Then, so that the top of the list is framing and not noise:
//!
//! - **stop words** ([`crate::lexicon::STOP_WORDS`]) are never a phrase
//!   of one word and never start or end a longer one (`end the presence`
//!   is kept, `of the` and `the presence` are not);
//! - **names** are dropped and cut runs. A word is a name when every
//!   occurrence of it in the narrator voice of the whole corpus is
//!   capitalized (after an `al-` style particle), every part of it between
//!   hyphens too (`Northland-backed` is not a name: `backed` is lower case);
//!   so names of people, places and organisations go, and so do common
//!   words that only ever start a sentence. The words of the outlets' own
//!   names are names wherever they appear (`news` of a `… News` outlet).
//!   A term of the lexicon that is one word (an acronym such as `NLF`, a
//!   capitalized label) and the lower-case words of longer terms
//!   (`resistance`, `occupation`) are never names, so they stay; the
//!   capitalized words of longer terms (`Northland` of `Northland Front`)
//!   are judged like any other word;
//! - **numbers** (any word with a digit) are dropped and cut runs;
//! - a phrase must occur at least [`DiscoverySettings::min_count`] times
//!   in the outlet, and have z > 0;
//! - a phrase that only occurs inside a longer listed phrase of the same
//!   outlet (the same count in that outlet) is left out for the longer
//!   one.
//!
//! Each outlet keeps its [`DiscoverySettings::top`] phrases with the
//! highest z (ties: higher count, then alphabetical). With fewer than two
//! outlets there is nothing to compare, and nothing is listed.
//!
//! # Cost
//!
//! Linear in the narrator words (three windows per word), plus sorting
//! each outlet's candidate phrases.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::lexicon::STOP_WORDS;
use crate::{Span, text};

/// Options for discovery; see the [module docs](self).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiscoverySettings {
    /// Phrases listed per outlet. Default 10.
    pub top: usize,
    /// Fewest occurrences in the outlet for a phrase to be listed.
    /// Default 2.
    pub min_count: usize,
    /// Weight of the prior, as a multiple of the pooled counts (1.0: the
    /// prior is the whole corpus once more). Larger values pull every
    /// outlet toward the pooled rate. Default 1.0.
    pub prior: f64,
}

impl Default for DiscoverySettings {
    fn default() -> DiscoverySettings {
        DiscoverySettings { top: 10, min_count: 2, prior: 1.0 }
    }
}

/// A phrase distinctive of one outlet's narrator voice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distinctive {
    /// The outlet (or the article id when unknown).
    pub outlet: String,
    /// The phrase, folded: lower case, words joined by single spaces.
    pub phrase: String,
    /// Its number of words: 1, 2 or 3.
    pub words: usize,
    /// Occurrences in the outlet's narrator voice.
    pub count: usize,
    /// Occurrences in the other outlets' narrator voice.
    pub others: usize,
    /// δ, the weighted log-odds ratio (see the [module docs](self#score)).
    pub log_odds: f64,
    /// δ / σ (see the [module docs](self#score)).
    pub z: f64,
}

/// The narrator voice of one article: its outlet, its text and the spans
/// in the narrator voice.
#[derive(Clone, Debug)]
pub struct NarratorText<'a> {
    /// The outlet the words count for.
    pub outlet: &'a str,
    /// The article's text.
    pub text: &'a str,
    /// Its narrator stretches ([`super::voice::ArticleVoices::narrator_spans`]).
    pub spans: Vec<Span>,
}

/// The weighted log-odds ratio δ and its z-score for one phrase, as in the
/// [module docs](self#score): `y_i` of `n_i` in the outlet, `y_j` of `n_j`
/// in the others, prior `alpha_w` for the phrase and `alpha_0` in all.
pub fn log_odds(y_i: f64, n_i: f64, y_j: f64, n_j: f64, alpha_w: f64, alpha_0: f64) -> (f64, f64) {
    let odds = |y: f64, n: f64| (y + alpha_w) / (n + alpha_0 - y - alpha_w);
    let delta = odds(y_i, n_i).ln() - odds(y_j, n_j).ln();
    let variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w);
    (delta, delta / variance.sqrt())
}

/// A word of a run, classified.
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Stop(String),
    /// A name or a number: never in a phrase.
    Cut,
}

/// The phrases most distinctive of each outlet, outlets in the order
/// first seen. `keep` holds folded words that are never names (the
/// lexicon's), `names` folded words that always are (the outlets' names).
pub fn distinctive(
    texts: &[NarratorText<'_>],
    keep: &HashSet<String>,
    names: &HashSet<String>,
    settings: DiscoverySettings,
) -> Vec<Distinctive> {
    // Each text's words on every core, in order (issue #5).
    let runs: Vec<(&str, Vec<Run>)> =
        texts.par_iter().map(|t| (t.outlet, runs(t.text, &t.spans))).collect();
    // A word is a name when every occurrence is capitalized.
    let mut lower_seen: HashSet<&str> = HashSet::new();
    for (_, rs) in &runs {
        for (word, capital) in rs.iter().flatten() {
            if !capital {
                lower_seen.insert(word);
            }
        }
    }
    let token = |word: &str| {
        let number = word.chars().any(|c| c.is_ascii_digit());
        let name = names.contains(word) || !lower_seen.contains(word) && !keep.contains(word);
        if number || name {
            Token::Cut
        } else if STOP_WORDS.contains(word) {
            Token::Stop(word.to_string())
        } else {
            Token::Word(word.to_string())
        }
    };
    let mut outlets: Vec<&str> = Vec::new();
    // (outlet index, phrase) → count; and totals per (outlet, length).
    let mut counts: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
    let mut totals: HashMap<(usize, usize), usize> = HashMap::new();
    for (outlet, rs) in &runs {
        let o = outlets.iter().position(|x| x == outlet).unwrap_or_else(|| {
            outlets.push(outlet);
            outlets.len() - 1
        });
        for run in rs {
            let tokens: Vec<Token> = run.iter().map(|(w, _)| token(w)).collect();
            for n in 1..=3 {
                for window in tokens.windows(n) {
                    if let Some(phrase) = phrase(window) {
                        counts.entry((o, phrase)).or_insert((0, n)).0 += 1;
                        *totals.entry((o, n)).or_default() += 1;
                    }
                }
            }
        }
    }
    if outlets.len() < 2 {
        return Vec::new();
    }
    let mut pooled: HashMap<&str, usize> = HashMap::new();
    for ((_, phrase), (count, _)) in &counts {
        *pooled.entry(phrase).or_default() += count;
    }
    let mut out = Vec::new();
    for (o, outlet) in outlets.iter().enumerate() {
        let mine: Vec<(&str, usize, usize)> = counts
            .range((o, String::new())..(o + 1, String::new()))
            .filter(|(_, (count, _))| *count >= settings.min_count)
            .map(|((_, p), (count, n))| (p.as_str(), *count, *n))
            .collect();
        let covered = covered(&mine);
        let mut scored: Vec<Distinctive> = mine
            .iter()
            .filter(|(p, ..)| !covered.contains(p))
            .map(|&(p, y_i, n)| {
                let n_pool: usize =
                    (0..outlets.len()).map(|x| totals.get(&(x, n)).copied().unwrap_or(0)).sum();
                let n_i = totals[&(o, n)];
                let y = pooled[p];
                let alpha_w = settings.prior * y as f64;
                let alpha_0 = settings.prior * n_pool as f64;
                let (delta, z) = log_odds(
                    y_i as f64,
                    n_i as f64,
                    (y - y_i) as f64,
                    (n_pool - n_i) as f64,
                    alpha_w,
                    alpha_0,
                );
                Distinctive {
                    outlet: outlet.to_string(),
                    phrase: p.to_string(),
                    words: n,
                    count: y_i,
                    others: y - y_i,
                    log_odds: delta,
                    z,
                }
            })
            .filter(|d| d.z > 0.0)
            .collect();
        scored.sort_by(|a, b| {
            b.z.total_cmp(&a.z).then(b.count.cmp(&a.count)).then_with(|| a.phrase.cmp(&b.phrase))
        });
        scored.truncate(settings.top);
        out.extend(scored);
    }
    out
}

/// The phrase of a window of tokens, if it may be one: no name or number,
/// no stop word alone or at an edge.
fn phrase(window: &[Token]) -> Option<String> {
    if window.contains(&Token::Cut) {
        return None;
    }
    let edge = |t: &Token| matches!(t, Token::Stop(_));
    if edge(window.first()?) || edge(window.last()?) {
        return None;
    }
    let words: Vec<&str> = window
        .iter()
        .map(|t| match t {
            Token::Word(w) | Token::Stop(w) => w.as_str(),
            Token::Cut => unreachable!("checked above"),
        })
        .collect();
    Some(words.join(" "))
}

/// The phrases of `mine` that only occur inside a longer one of the list:
/// its sub-phrases with the same count.
fn covered<'p>(mine: &[(&'p str, usize, usize)]) -> HashSet<&'p str> {
    let count: HashMap<&str, usize> = mine.iter().map(|&(p, c, _)| (p, c)).collect();
    let mut out = HashSet::new();
    for &(p, c, n) in mine.iter().filter(|(_, _, n)| *n > 1) {
        let words: Vec<&str> = p.split(' ').collect();
        for len in 1..n {
            for start in 0..=n - len {
                let sub = words[start..start + len].join(" ");
                if let Some((&key, _)) =
                    count.get_key_value(sub.as_str()).filter(|(_, sc)| **sc == c)
                {
                    out.insert(key);
                }
            }
        }
    }
    out
}

/// A run of words with nothing but spaces between them: each word folded,
/// with whether it is capitalized.
type Run = Vec<(String, bool)>;

/// The runs of words of the narrator `spans` of `text`: each word folded,
/// a final `'s` dropped, with whether it is capitalized (every part between
/// hyphens, after an `al-` style particle).
fn runs(text: &str, spans: &[Span]) -> Vec<Run> {
    let mut out = Vec::new();
    for &span in spans {
        let mut run: Run = Vec::new();
        let mut prev_end: Option<usize> = None;
        for w in text::words(text, span) {
            let gap = prev_end.map(|end| &text[end..w.span.start]);
            prev_end = Some(w.span.end);
            // "U.S.-led" is one word, as "US-led" is.
            if gap.is_some_and(|g| g.chars().count() == 1 && g.starts_with(text::is_dash)) {
                if let Some((last, capital)) = run.pop() {
                    let s = w.as_str(text);
                    let lower = s.starts_with(char::is_lowercase);
                    run.push((format!("{last}-{}", text::fold(s)), capital && !lower));
                    continue;
                }
            }
            if gap.is_some_and(|g| !g.chars().all(|c| text::is_space(c) || text::is_apostrophe(c)))
            {
                out.push(std::mem::take(&mut run));
            }
            let s = w.as_str(text);
            let folded = text::fold(s);
            let folded = folded.strip_suffix("'s").unwrap_or(&folded).to_string();
            let capital = text::is_capitalized(s)
                && text::strip_particle(s)
                    .split(text::is_dash)
                    .all(|part| part.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            run.push((folded, capital));
        }
        out.push(run);
    }
    out.retain(|r| !r.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The score against a hand computation. A phrase seen 4 times in 100
    /// phrases of the outlet and once in 300 of the others, with the prior
    /// the pooled counts (α_w = 4 + 1 = 5, α_0 = 100 + 300 = 400):
    ///
    /// ```text
    /// outlet: (4 + 5) / (100 + 400 − 4 − 5) = 9 / 491 = 0.018330,  ln = −3.999220
    /// others: (1 + 5) / (300 + 400 − 1 − 5) = 6 / 694 = 0.008646,  ln = −4.750712
    /// δ  = −3.999220 − (−4.750712) = 0.751493
    /// σ² = 1 / 9 + 1 / 6 = 0.111111 + 0.166667 = 0.277778,  σ = 0.527046
    /// z  = 0.751493 / 0.527046 = 1.425858
    /// ```
    ///
    /// The same rate in both (2 of 100, 6 of 300) gives δ = 0 and z = 0; the
    /// roles swapped give −δ.
    #[test]
    fn log_odds_by_hand() {
        let (delta, z) = log_odds(4.0, 100.0, 1.0, 300.0, 5.0, 400.0);
        assert!((delta - 0.751493).abs() < 1e-6, "{delta}");
        assert!((z - 1.425858).abs() < 1e-6, "{z}");
        let (delta, z) = log_odds(2.0, 100.0, 6.0, 300.0, 8.0, 400.0);
        // (2 + 8) / (100 + 400 − 10) = 10 / 490 against (6 + 8) / (300 + 400 − 14) = 14 / 686:
        // 1/49 both.
        assert!(delta.abs() < 1e-12 && z.abs() < 1e-12, "{delta} {z}");
        let (back, _) = log_odds(1.0, 300.0, 4.0, 100.0, 5.0, 400.0);
        assert!((back + 0.751493).abs() < 1e-6);
    }

    fn narrator<'a>(outlet: &'a str, text: &'a str) -> NarratorText<'a> {
        NarratorText { outlet, text, spans: vec![Span::new(0, text.len())] }
    }

    #[test]
    fn distinctive_phrases_without_stop_words_names_or_numbers() {
        let a = "The militia attacked the base. The militia fired 12 rockets at Camp Bravo.";
        let b = "The resistance attacked the base. The resistance fired rockets at Camp Bravo.";
        let texts = [narrator("A", a), narrator("B", b)];
        let settings = DiscoverySettings { top: 5, min_count: 2, prior: 1.0 };
        let found = distinctive(&texts, &HashSet::new(), &HashSet::new(), settings);
        let got: Vec<(&str, &str, usize, usize)> = found
            .iter()
            .map(|d| (d.outlet.as_str(), d.phrase.as_str(), d.count, d.others))
            .collect();
        // "the" is a stop word; "Camp Bravo" a name; "12" a number; "attacked"
        // and "base" are equally common. "militia" (2 in A, 0 in B) and
        // "resistance" are left.
        assert_eq!(got, [("A", "militia", 2, 0), ("B", "resistance", 2, 0)]);
        // Its score, by hand: one-word phrases are attacked, base, militia ×2,
        // fired, rockets in A (n_i = 6) and the same with resistance in B
        // (n_j = 6); α_w = 2, α_0 = 12.
        let d = &distinctive(&texts, &HashSet::new(), &HashSet::new(), settings)[0];
        let (delta, z) = log_odds(2.0, 6.0, 0.0, 6.0, 2.0, 12.0);
        assert_eq!((d.log_odds, d.z), (delta, z));
        // ln(4 / 14) − ln(2 / 16) = −1.252763 + 2.079442 = 0.826679
        assert!((delta - 0.826679).abs() < 1e-6, "{delta}");
    }

    #[test]
    fn a_phrase_inside_a_longer_one_is_listed_once() {
        let a = "They hit anti-terror groups. Later anti-terror groups struck back.";
        let b = "They hit armed groups. Later armed groups struck back.";
        let texts = [narrator("A", a), narrator("B", b)];
        let got: Vec<String> =
            distinctive(&texts, &HashSet::new(), &HashSet::new(), DiscoverySettings::default())
                .into_iter()
                .filter(|d| d.outlet == "A")
                .map(|d| d.phrase)
                .collect();
        assert_eq!(got, ["anti-terror groups"]);
    }

    #[test]
    fn lexicon_words_are_not_names() {
        let a = "Daesh fighters fled. Daesh fighters returned.";
        let b = "The fighters fled. The fighters returned.";
        let texts = [narrator("A", a), narrator("B", b)];
        let keep: HashSet<String> = ["daesh".to_string()].into();
        let phrases = |keep: &HashSet<String>| -> Vec<String> {
            distinctive(&texts, keep, &HashSet::new(), DiscoverySettings::default())
                .into_iter()
                .filter(|d| d.outlet == "A")
                .map(|d| d.phrase)
                .collect()
        };
        assert_eq!(phrases(&keep), ["daesh fighters"]);
        assert!(phrases(&HashSet::new()).is_empty());
    }
}
