//! Substitutions: the words one outlet's wording of a statement has where
//! another outlet's wording of the same statement has different words
//! (`temporary` → `provisional`, `Northland Liberation Front` → `NLF`),
//! listed per outlet pair.
//!
//! # Status: a hook for the compare step
//!
//! Finding substitutions needs the quotes and paraphrases of each
//! statement aligned across outlets and diffed word by word: that is the
//! compare step (issue 3), built on another branch. This module only
//! **tallies** the substitutions that step finds, so the framing report
//! can list them once it exists. Until then [`super::Framer::report`]
//! reports none, and the `substitutions` section of `quotelens framing`
//! is empty: nothing here guesses substitutions from anything else.
//!
//! To connect it, turn each difference the compare step classifies as a
//! substitution into a [`SubstitutionDiff`] and pass them to
//! [`super::FramingReport::add_substitutions`].
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

use crate::text;

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
