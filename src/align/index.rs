//! The inverted index that proposes candidate references for a unit, so
//! that only pairs sharing a rare word are ever compared.
//!
//! Each reference is indexed under its content tokens, except tokens that
//! occur in more than `max_postings` units (their postings would be long
//! and they weigh little). A query walks the postings of the unit's own
//! indexed tokens, adds up the weight shared with each reference, and
//! keeps the references whose shared weight could still reach the
//! threshold: since a substitution earns half credit, a pair whose shorter
//! unit has weight `W` and shares weight `B` with the other (counting the
//! unindexed tokens as shared) scores at most `½ + B / 2W`.
//!
//! Spelling variants (see [`similarity`](mod@super::similarity)) are found
//! only between units that also share an exact indexed word.

use rustc_hash::FxHashMap;

use super::unit::{Unit, Vocabulary};

/// Posting lists over the references added so far.
#[derive(Clone, Debug)]
pub struct Index {
    max_postings: usize,
    /// Token id → (reference slot, occurrences of the token in it).
    postings: FxHashMap<u32, Vec<(u32, u32)>>,
    /// Per reference slot: total content weight, and the weight of its
    /// unindexed tokens.
    weights: Vec<(f64, f64)>,
}

/// A unit's content tokens as (token id, occurrences), and the weight of
/// those too frequent to index.
fn counts(unit: &Unit, vocab: &Vocabulary, max_postings: usize) -> (Vec<(u32, u32)>, f64, f64) {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    let (mut total, mut unindexed) = (0.0, 0.0);
    for t in unit.content_tokens() {
        let w = vocab.weight(t.id);
        total += w;
        if vocab.df(t.id) as usize > max_postings {
            unindexed += w;
        } else if let Some(c) = counts.iter_mut().find(|c| c.0 == t.id) {
            c.1 += 1;
        } else {
            counts.push((t.id, 1));
        }
    }
    (counts, total, unindexed)
}

impl Index {
    /// An empty index that skips tokens found in more than `max_postings`
    /// units.
    pub fn new(max_postings: usize) -> Index {
        Index { max_postings, postings: FxHashMap::default(), weights: Vec::new() }
    }

    /// Adds `unit` as reference `slot` (slots are added in order, from 0).
    pub fn insert(&mut self, slot: usize, unit: &Unit, vocab: &Vocabulary) {
        debug_assert_eq!(slot, self.weights.len());
        let (counts, total, unindexed) = counts(unit, vocab, self.max_postings);
        for (id, n) in counts {
            // Slots are u32 to halve the postings (issue #5).
            self.postings.entry(id).or_default().push((slot as u32, n));
        }
        self.weights.push((total, unindexed));
    }

    /// The references that share an indexed token with `unit` and could
    /// score at least `threshold`, in slot order.
    pub fn candidates(&self, unit: &Unit, vocab: &Vocabulary, threshold: f64) -> Vec<usize> {
        let (counts, total, unindexed) = counts(unit, vocab, self.max_postings);
        // Per candidate: shared weight counted in `unit`, and in the reference.
        let mut shared: FxHashMap<usize, (f64, f64)> = FxHashMap::default();
        for (id, n) in counts {
            let w = vocab.weight(id);
            for &(slot, m) in self.postings.get(&id).map_or(&[][..], Vec::as_slice) {
                let s = shared.entry(slot as usize).or_default();
                s.0 += w * f64::from(n);
                s.1 += w * f64::from(m);
            }
        }
        let mut out: Vec<usize> = shared
            .into_iter()
            .filter(|&(slot, (in_unit, in_ref))| {
                let (ref_total, ref_unindexed) = self.weights[slot];
                let (bound, short) = if total <= ref_total {
                    (in_unit + unindexed, total)
                } else {
                    (in_ref + ref_unindexed, ref_total)
                };
                short > 0.0 && 0.5 + bound / (2.0 * short) >= threshold - 1e-9
            })
            .map(|(slot, _)| slot)
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::units_of;
    use super::*;

    #[test]
    fn candidates_share_a_rare_word() {
        let (units, vocab) = units_of(&[
            "The orchard burned at dawn near the river.",
            "Nobody saw the orchard burn.",
            "The river rose at dawn.",
            "Talks went on.",
        ]);
        let mut index = Index::new(100);
        index.insert(0, &units[0], &vocab);
        index.insert(1, &units[3], &vocab);
        assert_eq!(index.candidates(&units[1], &vocab, 0.5), [0]);
        assert_eq!(index.candidates(&units[2], &vocab, 0.5), [0]);
        // Too little in common to reach a high threshold.
        assert!(index.candidates(&units[1], &vocab, 0.95).is_empty());
    }

    #[test]
    fn frequent_tokens_are_not_indexed() {
        let (units, vocab) =
            units_of(&["Rain fell in Oslo.", "Rain fell in Rome.", "Rain fell in Lima."]);
        let mut index = Index::new(2);
        index.insert(0, &units[0], &vocab);
        assert!(
            index.candidates(&units[1], &vocab, 0.1).is_empty(),
            "rain and fell are in 3 units"
        );
    }
}
