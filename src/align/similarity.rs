//! The similarity of two units: how much of the shorter one the longer one
//! says, in the same order.
//!
//! # Definition
//!
//! Let *S* be the unit whose content tokens weigh less in total (see
//! [`Vocabulary::weight`]: rare words weigh more) and *L* the other. The
//! two content-token sequences are aligned by a weighted longest common
//! subsequence: the in-order matching of equal tokens (or spelling
//! variants: both at least six letters, same first letter, one edit
//! apart) whose matched weight is largest, and among those the most
//! compact one (a tiny cost per skipped token inside the alignment, so
//! "the hush before the gale" aligns with the nearest "hush", not an
//! earlier one). Matched tokens are **anchors**. Anchors must also stay
//! together: where one unit skips more than four content tokens more than
//! the other between two anchors, and no ellipsis (`…`, `...`) marks a
//! passage left out there, the alignment is cut into runs, and
//! only the heaviest run and the runs of at least two anchors count (so
//! "the Northland Front in Varo" does not match "Northland front did
//! not reject the council's talks to schedule the withdrawal from Varo" on
//! all three words, while a
//! quote with a passage left out still matches on both sides of the
//! cut).
//!
//! A content token of *S* that is not an anchor but stands one or two
//! tokens (stop words counted) after or before an anchor, at the same
//! distance as an unmatched content token of *L* from an occurrence of
//! the anchor's word between the same neighbouring anchors, is a
//! **substitution**, provided neither word occurs in the other unit (a
//! word both have is moved, not replaced): "a *temporary* truce" against
//! "a *provisional* truce"; "one river and *blaze*" against "one river and
//! *flare*".
//!
//! ```text
//! similarity = (weight of anchors + ½ · weight of substitutions) / weight of S
//! ```
//!
//! It is the rarity-weighted containment of the shorter unit's content
//! words in the longer one, counting only words in the same order (order
//! agreement), with half credit for a word replaced in place. It ranges
//! from 0 (no content word in common) to 1, which means every content word
//! of the shorter unit occurs, in the same order, in the longer one: the
//! shorter is a copy or a fragment of the longer, up to typography, stop
//! words and spelling variants. There is no minimum length: a 2-word
//! fragment can score 1.
//!
//! # Cost
//!
//! `O(|S| · |L|)` time and memory in content tokens.

use super::unit::{Unit, Vocabulary};

/// Cost of skipping a token inside an alignment: small enough never to
/// outweigh a matched word, large enough to break ties toward compact
/// alignments.
const GAP: f64 = 1e-6;

/// How many more content tokens one side may skip than the other between
/// two anchors that stay together.
const SPREAD: usize = 4;

/// How far from an anchor, in tokens, a substitution may stand.
const SLOT: u32 = 2;

/// The result of comparing two units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Match {
    /// The similarity, 0 to 1 (see the [module docs](self)).
    pub value: f64,
    /// Anchors: pairs of content-token indices, into `a` and into `b`.
    pub anchors: Vec<(usize, usize)>,
    /// Substitutions: pairs of content-token indices, into `a` and `b`.
    pub substitutions: Vec<(usize, usize)>,
}

impl Match {
    /// The first and last content-token index of `a` (`side == 0`) or `b`
    /// (`side == 1`) that the anchors and substitutions cover.
    pub fn region(&self, side: usize) -> Option<(usize, usize)> {
        let pick = |p: &(usize, usize)| if side == 0 { p.0 } else { p.1 };
        let all = self.anchors.iter().chain(&self.substitutions).map(pick);
        let lo = all.clone().min()?;
        Some((lo, all.max()?))
    }
}

/// A token as the word comparison needs it: its id, and for a word of
/// six letters or more, its first letter (spelling variants must share it).
#[derive(Clone, Copy, Debug)]
struct Word(u32, Option<char>);

impl Word {
    fn new(id: u32, vocab: &Vocabulary) -> Word {
        Word(id, vocab.initial(id))
    }
}

fn words(unit: &Unit, vocab: &Vocabulary) -> Vec<Word> {
    unit.content_tokens().map(|t| Word::new(t.id, vocab)).collect()
}

/// Whether two words are the same: equal, or spelling variants (both at
/// least six letters, same first letter, one edit apart).
fn same_word(vocab: &Vocabulary, x: Word, y: Word) -> bool {
    x.0 == y.0 || x.1.is_some() && x.1 == y.1 && one_edit(vocab.form(x.0), vocab.form(y.0))
}

/// Whether `a` and `b` differ by one substituted, inserted or deleted
/// character (without allocating: this runs for most pairs of words).
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 4 {
        return false;
    }
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (Some(p), Some(q)) if p == q => {}
            // First difference: the rests must match after a substitution
            // or after skipping one character of the longer word.
            (Some(p), Some(_)) => {
                let (rest_a, rest_b) = (x.as_str(), y.as_str());
                let skipped = rest_b.strip_prefix(p).is_some_and(|r| r == rest_a);
                return rest_a == rest_b || skipped;
            }
            (None, Some(_)) => return y.as_str().is_empty(),
            (None, None) => return true,
            (Some(_), None) => unreachable!("a is the shorter"),
        }
    }
}

/// The total weight of a unit's content tokens.
pub fn weight(unit: &Unit, vocab: &Vocabulary) -> f64 {
    unit.content_tokens().map(|t| vocab.weight(t.id)).sum()
}

/// What [`bound`] needs of a unit beside its tokens, computed once per
/// unit. Kept for every reference while grouping, so only what the
/// tokens do not give: a hundred bytes where a copy of the words took
/// twice that (issue #5: memory).
#[derive(Clone, Debug)]
pub struct Profile {
    weight: f64,
    /// The content words' distinct ids, sorted.
    ids: Box<[u32]>,
    /// The ids of the content words of six letters or more, which may
    /// have spelling variants.
    long: Box<[u32]>,
}

impl Profile {
    /// The profile of `unit`.
    pub fn new(unit: &Unit, vocab: &Vocabulary) -> Profile {
        let mut ids: Vec<u32> = unit.content_tokens().map(|t| t.id).collect();
        let long: Vec<u32> =
            ids.iter().copied().filter(|&id| vocab.initial(id).is_some()).collect();
        ids.sort_unstable();
        ids.dedup();
        let weight = weight(unit, vocab);
        Profile { weight, ids: ids.into(), long: long.into() }
    }

    /// The weight of the content words of `unit` (whose profile this is)
    /// that `other` has, exactly or as a spelling variant.
    fn shared(&self, unit: &Unit, other: &Profile, vocab: &Vocabulary) -> f64 {
        let found = |x: Word| {
            other.ids.binary_search(&x.0).is_ok()
                || x.1.is_some()
                    && other.long.iter().any(|&y| same_word(vocab, x, Word::new(y, vocab)))
        };
        let words = unit.content_tokens().map(|t| Word::new(t.id, vocab));
        words.filter(|&x| found(x)).map(|x| vocab.weight(x.0)).sum()
    }
}

/// An upper bound on `similarity(a, b, vocab).value` for units with
/// profiles `a` and `b`, without the alignment: a substitution earns half
/// credit, so the similarity is at most `½ + M / 2W` where `W` is the
/// shorter unit's weight and `M` the weight of its words that the other
/// unit has (exactly or as a spelling variant).
pub fn bound(a: (&Unit, &Profile), b: (&Unit, &Profile), vocab: &Vocabulary) -> f64 {
    let ((ua, a), (ub, b)) = (a, b);
    let (total, shared) = match a.weight.total_cmp(&b.weight) {
        std::cmp::Ordering::Less => (a.weight, a.shared(ua, b, vocab)),
        std::cmp::Ordering::Greater => (b.weight, b.shared(ub, a, vocab)),
        std::cmp::Ordering::Equal => (a.weight, a.shared(ua, b, vocab).max(b.shared(ub, a, vocab))),
    };
    if total <= 0.0 { 0.0 } else { (0.5 + shared / (2.0 * total)).min(1.0) }
}

/// Compares `a` and `b` (see the [module docs](self)). Symmetric: the
/// result for `(b, a)` is the same with the pairs flipped.
pub fn similarity(a: &Unit, b: &Unit, vocab: &Vocabulary) -> Match {
    let ids = |u: &Unit| u.content_tokens().map(|t| t.id).collect::<Vec<u32>>();
    let (wa, wb) = (weight(a, vocab), weight(b, vocab));
    // The shorter unit, or on a tie the smaller token sequence, is `s`, so
    // that the result does not depend on the argument order.
    let a_short = match wa.total_cmp(&wb) {
        std::cmp::Ordering::Equal => ids(a) <= ids(b),
        o => o.is_lt(),
    };
    let (s, l) = if a_short { (a, b) } else { (b, a) };
    let found = align(s, l, vocab);
    if a_short {
        found
    } else {
        let flip = |v: Vec<(usize, usize)>| v.into_iter().map(|(x, y)| (y, x)).collect();
        Match { anchors: flip(found.anchors), substitutions: flip(found.substitutions), ..found }
    }
}

/// [`similarity`] with `s` the shorter unit; pairs are `(s, l)`.
fn align(s: &Unit, l: &Unit, vocab: &Vocabulary) -> Match {
    let total = weight(s, vocab);
    if total <= 0.0 {
        return Match::default();
    }
    let (ts, tl) = (words(s, vocab), words(l, vocab));
    let (n, m) = (ts.len(), tl.len());
    let cols = m + 1;
    // h: best score of an alignment ending at (i, j); dir: how it got there
    // (0 none, 1 match, 2 skip a token of s, 3 skip a token of l).
    let mut h = vec![0.0f64; (n + 1) * cols];
    let mut dir = vec![0u8; (n + 1) * cols];
    let mut best = (0.0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let (mut v, mut d) = (0.0, 0);
            if same_word(vocab, ts[i - 1], tl[j - 1]) {
                let s = h[(i - 1) * cols + j - 1] + vocab.weight(ts[i - 1].0);
                if s > v {
                    (v, d) = (s, 1);
                }
            }
            let up = h[(i - 1) * cols + j] - GAP;
            if up > v {
                (v, d) = (up, 2);
            }
            let left = h[i * cols + j - 1] - GAP;
            if left > v {
                (v, d) = (left, 3);
            }
            h[i * cols + j] = v;
            dir[i * cols + j] = d;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    let mut anchors = Vec::new();
    let (_, mut i, mut j) = best;
    while i > 0 && j > 0 {
        match dir[i * cols + j] {
            1 => {
                anchors.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            3 => j -= 1,
            _ => break,
        }
    }
    anchors.reverse();
    // Whether an ellipsis stands before content token k of s, or of l,
    // since the previous content token.
    let elided = |u: &Unit, k: usize| {
        let from = if k == 0 { 0 } else { u.content[k - 1] as usize + 1 };
        u.tokens[from..=u.content[k] as usize].iter().any(|t| t.elided)
    };
    let anchors =
        coherent(anchors, |p| vocab.weight(ts[p.0].0), |p| elided(s, p.0) || elided(l, p.1));
    let substitutions = substitutions(s, l, &anchors);
    let weight_of = |p: &(usize, usize)| vocab.weight(ts[p.0].0);
    let matched: f64 = anchors.iter().map(weight_of).sum::<f64>()
        + 0.5 * substitutions.iter().map(weight_of).sum::<f64>();
    Match { value: (matched / total).clamp(0.0, 1.0), anchors, substitutions }
}

/// The anchors that stay together: the alignment is cut into runs where
/// one side skips more than [`SPREAD`] content tokens more than the other
/// between two anchors (unless an ellipsis marks a passage left out), and
/// only the heaviest run and the runs of two or more anchors are kept.
fn coherent(
    anchors: Vec<(usize, usize)>,
    weight: impl Fn(&(usize, usize)) -> f64,
    elided: impl Fn(&(usize, usize)) -> bool,
) -> Vec<(usize, usize)> {
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    for a in anchors {
        match runs.last_mut() {
            Some(run) => {
                let last = run[run.len() - 1];
                let (di, dj) = (a.0 - last.0, a.1 - last.1);
                if di.abs_diff(dj) <= SPREAD || elided(&a) {
                    run.push(a);
                } else {
                    runs.push(vec![a]);
                }
            }
            None => runs.push(vec![a]),
        }
    }
    let total = |run: &Vec<(usize, usize)>| run.iter().map(&weight).sum::<f64>();
    let best = (0..runs.len())
        .max_by(|&x, &y| total(&runs[x]).total_cmp(&total(&runs[y])).then(y.cmp(&x)));
    runs.into_iter()
        .enumerate()
        .filter(|(k, run)| Some(*k) == best || run.len() >= 2)
        .flat_map(|(_, run)| run)
        .collect()
}

/// Substitutions of `s`'s unanchored content tokens by `l`'s, given the
/// anchors `(index in s, index in l)`.
fn substitutions(s: &Unit, l: &Unit, anchors: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // A token's position is its index among all the unit's tokens.
    let spos = |k: usize| s.content[k];
    let lpos = |k: usize| l.content[k];
    let lid = |k: usize| l.content_token(k).id;
    let mut taken: Vec<bool> = vec![false; l.content.len()];
    for &(_, y) in anchors {
        taken[y] = true;
    }
    let anchored: Vec<bool> =
        (0..s.content.len()).map(|k| anchors.iter().any(|a| a.0 == k)).collect();
    let at = |pos: u32| l.content.binary_search(&pos).ok();
    // A substitution replaces a word by one the other unit lacks: a word
    // both have is reordered, not replaced.
    let fresh = |k: usize, q: usize| {
        let (x, y) = (s.content_token(k).id, lid(q));
        !l.content_tokens().any(|t| t.id == x) && !s.content_tokens().any(|t| t.id == y)
    };
    let mut out = Vec::new();
    for k in (0..s.content.len()).filter(|&k| !anchored[k]) {
        let next = anchors.iter().position(|a| a.0 > k);
        let before = next.unwrap_or(anchors.len()).checked_sub(1).map(|p| anchors[p]);
        let after = next.map(|n| anchors[n]);
        // The l tokens strictly between the neighbouring anchors.
        let lo = before.map_or(0, |(_, y)| y + 1);
        let hi = after.map_or(l.content.len(), |(_, y)| y);
        // Any occurrence in l of an anchor's word, as long as the slot
        // stays inside the gap: a repeated word may have been anchored at
        // another occurrence.
        let occurrences = |(_, y): (usize, usize)| {
            (lo.saturating_sub(1)..(hi + 1).min(l.content.len()))
                .filter(move |&z| z == y || lid(z) == lid(y))
        };
        let slot_in_gap = |q: Option<usize>| q.filter(|&q| lo <= q && q < hi && !taken[q]);
        let mut slot = None;
        if let Some(b) = before {
            let d = spos(k) - spos(b.0);
            if d <= SLOT {
                slot = occurrences(b).find_map(|z| slot_in_gap(at(lpos(z) + d)));
            }
        }
        if let (None, Some(a)) = (slot, after) {
            let d = spos(a.0) - spos(k);
            if d <= SLOT {
                slot =
                    occurrences(a).find_map(|z| slot_in_gap(lpos(z).checked_sub(d).and_then(at)));
            }
        }
        if let Some(q) = slot.filter(|&q| fresh(k, q)) {
            taken[q] = true;
            out.push((k, q));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::units_of;
    use super::*;

    /// The similarity of the first two texts, with the rest as background
    /// units for the word weights.
    fn sim(texts: &[&str]) -> f64 {
        let (units, vocab) = units_of(texts);
        similarity(&units[0], &units[1], &vocab).value
    }

    const BACKGROUND: &[&str] = &[
        "The United States said on Sunday that talks would go on.",
        "Officials in the United States met on Sunday.",
        "The United States will reply on Sunday, the minister said.",
    ];

    fn with_background<'a>(a: &'a str, b: &'a str) -> Vec<&'a str> {
        let mut v = vec![a, b];
        v.extend_from_slice(BACKGROUND);
        v
    }

    #[test]
    fn phenomena() {
        struct Case {
            name: &'static str,
            a: &'static str,
            b: &'static str,
            min: f64,
            max: f64,
        }
        let cases = [
            Case {
                name: "typography and spelling",
                a: "We say that the US envoy is a cheat, a boaster, and a braggart.",
                b: "we say that the U.S. envoy is a cheat, a boaster and a braggart",
                min: 1.0,
                max: 1.0,
            },
            Case {
                name: "fragment",
                a: "passing squall",
                b: "The quiet is a passing squall before the flood, and we are ready.",
                min: 1.0,
                max: 1.0,
            },
            Case {
                name: "fragment with a word replaced in place",
                a: "temporary truce",
                b: "The quiet is a provisional truce for regrouping.",
                min: 0.6,
                max: 0.9,
            },
            Case {
                name: "translation sharing content words and order",
                a: "any lull on one river and blaze on another is a planned, careful and joint design",
                b: "Lull on one river and flare (in battle) on another river is a deliberate, careful and joint design",
                min: 0.7,
                max: 0.95,
            },
            Case {
                name: "common phrase only",
                a: "The United States will never see our orchards burn on Sunday.",
                b: "Farmers in the United States sold their grain on Sunday.",
                min: 0.0,
                max: 0.5,
            },
            Case {
                name: "shared word out of place",
                a: "open borders",
                b: "Cooperation is fine between borders of the league.",
                min: 0.0,
                max: 0.55,
            },
            Case {
                name: "a passage left out",
                a: "We will not rest … until the orchards bloom again",
                b: "We will not rest while the levies stand and the mills grind nothing, until the orchards bloom again.",
                min: 1.0,
                max: 1.0,
            },
            Case {
                name: "a name's words scattered through a longer quote",
                a: "the Northland Front in Varo has decided to stay",
                b: "Although the Northland front did not reject the council's talks to schedule the withdrawal from Varo, we say the envoy lies",
                min: 0.0,
                max: 0.5,
            },
            Case {
                name: "same words in another order",
                a: "bridges rivers towns",
                b: "towns rivers bridges",
                min: 0.2,
                max: 0.5,
            },
        ];
        for c in cases {
            let got = sim(&with_background(c.a, c.b));
            assert!(c.min <= got && got <= c.max, "{}: {got}", c.name);
            let back = sim(&with_background(c.b, c.a));
            assert!((got - back).abs() < 1e-9, "{}: not symmetric ({got} vs {back})", c.name);
        }
    }

    #[test]
    fn aligns_with_the_nearest_repeat() {
        let (units, vocab) = units_of(&[
            "The hush is a truce, and the hush comes before the gale.",
            "It is the hush before the gale",
        ]);
        let m = similarity(&units[0], &units[1], &vocab);
        assert_eq!(m.value, 1.0);
        let (lo, hi) = m.region(0).unwrap();
        let words: Vec<&str> = units[0]
            .content_tokens()
            .skip(lo)
            .take(hi - lo + 1)
            .map(|t| vocab.form(t.id))
            .collect();
        assert_eq!(words, ["hush", "comes", "gale"]);
    }

    #[test]
    fn one_edit_apart() {
        for (a, b, want) in [
            ("fulfill", "fulfil", true),
            ("colour", "color", true),
            ("grey", "gray", true),
            ("barley", "barely", false),
            ("abcdef", "abcxyz", false),
            ("orchard", "orchard", true),
            ("ab", "abcd", false),
            ("niño", "nino", true),
        ] {
            assert_eq!(one_edit(a, b), want, "{a} {b}");
            assert_eq!(one_edit(b, a), want, "{b} {a}");
        }
    }

    #[test]
    fn substitution_needs_the_same_slot() {
        let (units, vocab) =
            units_of(&["a provisional truce", "a temporary truce", "a truce, temporary"]);
        let m = similarity(&units[0], &units[1], &vocab);
        assert_eq!(m.substitutions, [(0, 0)]);
        let m = similarity(&units[0], &units[2], &vocab);
        assert!(m.substitutions.is_empty(), "{m:?}");
    }
}
