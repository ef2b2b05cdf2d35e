//! Substitutions: the words one outlet's wording of a statement has where
//! another outlet's wording of the same statement has different words
//! (`temporary` → `provisional`, `Northland Liberation Front` → `NLF`),
//! listed per outlet pair.
//!
//! # Where they come from
//!
//! The compare step ([`crate::compare`]) aligns the quotes and paraphrases
//! of each statement across outlets and diffs every member against its
//! cluster's reference word by word. [`mine`] takes from a [`Comparison`]
//! each difference between a member and a reference **of another outlet**
//! that is a choice of words:
//!
//! - a [substitution](Kind::Substitution) (`provisional` → `temporary`,
//!   `surge` → `ignition`), inside the shared core or right next to it;
//! - an [acronym](Difference::is_acronym) against the words it stands for
//!   (`Northland Liberation Front` → `NLF`), which the diff counts as
//!   spelling.
//!
//! Typography, spelling slips, insertions, deletions, bracketed asides
//! and the words a fragment leaves out are not substitutions. Members are
//! compared with their reference, not with each other, so two outlets
//! that both differ from the reference in the same way are not paired
//! with each other. [`tally`] then counts them per outlet pair, and
//! [`super::FramingReport::add_substitutions`] puts them in the report;
//! `quotelens framing` does both.
//!
//! # Example
//!
//! ```
//! use quotelens::framing::substitutions::{SubstitutionDiff, tally};
//!
//! let diffs = [
//!     SubstitutionDiff { outlet: "B", words: "provisional", other_outlet: "A", other_words: "temporary" },
//!     SubstitutionDiff { outlet: "A", words: "Temporary", other_outlet: "B", other_words: "provisional" },
//! ];
//! let subs = tally(diffs);
//! assert_eq!(subs.len(), 1);
//! assert_eq!((subs[0].outlet.as_str(), subs[0].words.as_str()), ("A", "temporary"));
//! assert_eq!((subs[0].other_outlet.as_str(), subs[0].other_words.as_str()), ("B", "provisional"));
//! assert_eq!(subs[0].count, 2);
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::compare::Comparison;
use crate::text;
use crate::wording::{Difference, Kind};

/// One substitution found in one aligned pair of wordings: `outlet` has
/// `words` where `other_outlet` has `other_words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubstitutionDiff<'a> {
    /// One outlet.
    pub outlet: &'a str,
    /// Its words.
    pub words: &'a str,
    /// The other outlet.
    pub other_outlet: &'a str,
    /// The other outlet's words in their place.
    pub other_words: &'a str,
}

/// A substitution between two outlets, with how often it was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Substitution {
    /// The outlet first in alphabetical order.
    pub outlet: String,
    /// Its words, as first seen.
    pub words: String,
    /// The other outlet.
    pub other_outlet: String,
    /// The other outlet's words, as first seen.
    pub other_words: String,
    /// How many aligned pairs have it.
    pub count: usize,
}

/// The substitutions of `comparison`, one per difference found (see the
/// [module docs](self#where-they-come-from)), in cluster and member
/// order.
pub fn mine<'a>(comparison: &'a Comparison<'_>) -> Vec<SubstitutionDiff<'a>> {
    let mut out = Vec::new();
    for cluster in &comparison.clusters {
        let Some(reference) = cluster.members.iter().find(|m| m.is_reference) else { continue };
        for member in cluster.members.iter().filter(|m| m.outlet != reference.outlet) {
            out.extend(member.differences.iter().filter(|d| is_choice_of_words(d)).map(|d| {
                SubstitutionDiff {
                    outlet: member.outlet,
                    words: &d.member,
                    other_outlet: reference.outlet,
                    other_words: &d.reference,
                }
            }));
        }
    }
    out
}

/// Whether a difference is one outlet's choice of other words.
fn is_choice_of_words(d: &Difference) -> bool {
    let both = !d.reference.is_empty() && !d.member.is_empty();
    both && (d.kind == Kind::Substitution || d.kind == Kind::Spelling && d.is_acronym())
}

/// Tallies substitutions per outlet pair: the pair is put in alphabetical
/// order (the words swapped with it), words are compared folded
/// ([`text::fold`]: case, apostrophes and dashes aside), and the result is
/// sorted by pair, then most frequent, then words.
pub fn tally<'a>(diffs: impl IntoIterator<Item = SubstitutionDiff<'a>>) -> Vec<Substitution> {
    let mut found: BTreeMap<(String, String, String, String), Substitution> = BTreeMap::new();
    for d in diffs {
        let d = if d.outlet <= d.other_outlet {
            d
        } else {
            SubstitutionDiff {
                outlet: d.other_outlet,
                words: d.other_words,
                other_outlet: d.outlet,
                other_words: d.words,
            }
        };
        let key = (
            d.outlet.to_string(),
            d.other_outlet.to_string(),
            text::fold(d.words),
            text::fold(d.other_words),
        );
        found
            .entry(key)
            .or_insert_with(|| Substitution {
                outlet: d.outlet.to_string(),
                words: d.words.to_string(),
                other_outlet: d.other_outlet.to_string(),
                other_words: d.other_words.to_string(),
                count: 0,
            })
            .count += 1;
    }
    let mut out: Vec<Substitution> = found.into_values().collect();
    out.sort_by(|a, b| {
        (&a.outlet, &a.other_outlet)
            .cmp(&(&b.outlet, &b.other_outlet))
            .then(b.count.cmp(&a.count))
            .then_with(|| (&a.words, &a.other_words).cmp(&(&b.words, &b.other_words)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::compare::{CompareOptions, compare};
    use crate::extract::Extractor;

    /// Substitutions and acronyms between outlets are mined; spelling,
    /// cut words and a member of the reference's own outlet are not.
    #[test]
    fn mined_from_a_comparison() {
        let mut a = Article::new(
            "a",
            "“The lull is a provisional truce for regrouping by the Northland Liberation Front \
             in the US,” Omar Fulani said.",
        );
        a.outlet = "Daily".into();
        let mut b = Article::new(
            "b",
            "“The lull is a temporary truce for regrouping by the NLF in the U.S.,” \
             Omar Fulani said. Fulani said the lull was a “provisional truce”.",
        );
        b.outlet = "Weekly".into();
        let mut c = Article::new("c", "Omar Fulani called it a “temporary truce for regrouping”.");
        c.outlet = "Daily".into();
        let extraction = Extractor::new().extract([a, b, c]);
        let comparison = compare(&extraction, &CompareOptions::default());
        let got: Vec<(&str, &str, &str, &str)> = mine(&comparison)
            .iter()
            .map(|d| (d.outlet, d.words, d.other_outlet, d.other_words))
            .collect();
        assert_eq!(
            got,
            [
                ("Weekly", "temporary", "Daily", "provisional"),
                ("Weekly", "NLF", "Daily", "Northland Liberation Front"),
            ],
            "{comparison:#?}"
        );
    }

    #[test]
    fn pairs_are_ordered_and_counted() {
        let d = |outlet, words, other_outlet, other_words| SubstitutionDiff {
            outlet,
            words,
            other_outlet,
            other_words,
        };
        let subs = tally([
            d("Daily", "temporary", "Weekly", "provisional"),
            d("Weekly", "provisional", "Daily", "Temporary"),
            d("Daily", "ignition", "Weekly", "surge"),
            d("Daily", "ignition", "Radio", "flare-up"),
            d("Weekly", "provisional", "Daily", "temporary"),
        ]);
        let got: Vec<(&str, &str, &str, &str, usize)> = subs
            .iter()
            .map(|s| {
                (
                    s.outlet.as_str(),
                    s.words.as_str(),
                    s.other_outlet.as_str(),
                    s.other_words.as_str(),
                    s.count,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Daily", "ignition", "Radio", "flare-up", 1),
                ("Daily", "temporary", "Weekly", "provisional", 3),
                ("Daily", "ignition", "Weekly", "surge", 1),
            ]
        );
        assert!(tally([]).is_empty());
    }
}
