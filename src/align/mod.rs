//! Alignment: grouping the quotes that render the same statement, across
//! outlets and within an article.
//!
//! # Units
//!
//! The aligner compares **units** ([`Unit`]): each sentence of a top-level
//! speech quote (full or partial, depth 0), so that one outlet's
//! two-sentence quote aligns sentence by sentence with another outlet's two
//! quotes, and each paraphrase of the [`Extraction`] (reported speech in
//! the narrator's words). Units are matched on their content words after
//! normalization (see [`unit`](mod@unit)), weighted by rarity, with the
//! [similarity](mod@similarity) of the shorter unit contained in the longer.
//!
//! # Groups
//!
//! Quote units are taken longest first (by total content weight). Each one
//! joins the existing **reference** it matches best, if the similarity is
//! at least the threshold (0.6 by default) and the speakers agree, or
//! becomes a reference itself. Every member is compared with its
//! reference directly and never with other members, so A ~ B and B ~ C do
//! not pull an unrelated C into A's group. Paraphrases then attach to the
//! reference they match best; they never become references (a narrator's
//! report of a statement no outlet quotes is not a quote to compare), and
//! a paraphrase that matches none is left out.
//!
//! Each member covers a **region** of its reference: the words its
//! alignment spans. When the members' regions fall into two or more
//! disjoint stretches, the reference holds several statements (one
//! outlet's long sentence, two other outlets' separate fragments of it):
//! it is cut between the stretches, after the last clause punctuation
//! (`,` `;` `:` `–` `—` `…`) in the gap or else before the gap's first
//! word, and each piece is the reference of its own [`Group`]. A member
//! that spans a cut keeps the stretches joined, so a quote some outlet
//! gives whole is never split.
//!
//! Consecutive sentences of one quote that stand alone (no other unit
//! matches them) are joined back into one group: a statement only one
//! outlet carries is not cut up.
//!
//! # Speakers
//!
//! Quotes of different speakers are never grouped. When a quote matches a
//! reference of another speaker (at the threshold, with at least two
//! words in common), both are flagged and a [`Conflict`] lists their
//! groups. An unattributed quote may join a group of an attributed
//! speaker (and the other way round) on the same evidence; it is flagged,
//! and the group is listed as a conflict on its own.
//!
//! # Cost
//!
//! Candidates come from an inverted index ([`index`]) of the references'
//! content words, skipping words found in more than `max_postings` units
//! (64 by default), and only candidates that could reach the threshold
//! (by the index's bound, then by [`similarity::bound`]) are verified by
//! [`similarity()`]: never all pairs. For `n` units of at most
//! `t` content words and a posting limit `c`, indexing costs `O(n·t)`, the
//! look-ups `O(n·t·c)`, and the verifications at most `t·c` per unit at
//! `O(t²)` each, so the whole is `O(n log n + n·t³·c)`: linear in the
//! number of quotes for bounded quote length. That assumes distinct
//! statements have distinctive words: a unit made only of words more
//! frequent than the posting limit finds no candidates and stays alone.
//!
//! Measured with `examples/align_scale.rs` (synthetic quotes of 8 to 32
//! words with a Zipf-like vocabulary, a fifth of them fragments of
//! others; release build, 2 cores): with the default limit, 1,000 quotes
//! align in 0.13 s, 4,000 in 1.1 s, 16,000 in 5.4 s and 64,000 in 25 s,
//! the time per quote (126 to 386 µs) growing more and more slowly as the
//! posting lists fill up to the limit. With a limit of 16 it stays at 90
//! to 120 µs (7.5 s for 64,000 quotes) but finds fewer matches on that
//! data (3,794 instead of 7,044 at 64,000 quotes).
//!
//! # Cores
//!
//! Tokenizing the units and the grouping pass run on every core (rayon)
//! with the result of a single pass. Units are tokenized in runs whose
//! vocabularies are merged in order. Grouping takes the units in batches
//! of 1,024: every unit of a batch is first matched against the
//! references made before the batch, in parallel; then, in order, each
//! is matched against the references made earlier in its own batch and
//! joins or founds its group. A unit that looked at a reference which
//! has since taken a speaker (an unattributed reference joined by an
//! attributed copy in the same batch) looks again. Candidates are
//! considered in the order of their references in both steps, so ties
//! are broken as one unit at a time would break them.
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, align::Aligner, extract::Extractor};
//!
//! let articles = vec![
//!     Article::new("a", "Omar Fulani said the lull was a “temporary truce”."),
//!     Article::new("b", "“The lull is a provisional truce for regrouping,” Omar Fulani said."),
//! ];
//! let extraction = Extractor::new().extract(articles);
//! let alignment = Aligner::new().align(&extraction);
//! assert_eq!(alignment.groups.len(), 1);
//! let group = &alignment.groups[0];
//! assert!(alignment.reference_text(group).starts_with("The lull"));
//! assert_eq!(group.members.len(), 2);
//! ```

pub mod index;
pub mod similarity;
pub mod unit;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use similarity::{Match, Profile, similarity};
pub use unit::{Origin, Relation, Unit, Vocabulary};

use crate::Span;
use crate::extract::Extraction;
use crate::speaker::SpeakerId;
use index::Index;

/// Fewest anchored words for a match across speakers (a conflict, or an
/// unattributed copy joining an attributed group).
const MIN_CROSS_SPEAKER_ANCHORS: usize = 2;

/// Groups the units of an [`Extraction`]. Build once, reuse.
#[derive(Clone, Debug)]
pub struct Aligner {
    threshold: f64,
    max_postings: usize,
    /// Units per batch of the grouping pass ([`UNITS_PER_BATCH`]; tests
    /// vary it).
    batch: usize,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner { threshold: 0.6, max_postings: 64, batch: UNITS_PER_BATCH }
    }
}

/// The result of [`Aligner::align`].
#[derive(Clone, Debug)]
pub struct Alignment<'a> {
    /// Every unit, in record order, then the paraphrases. Where lone
    /// sentences of a quote are joined (see the [module docs](self)), the
    /// joined unit takes the place of the first sentence.
    pub units: Vec<Unit<'a>>,
    /// The tokens' forms and weights.
    pub vocabulary: Vocabulary,
    /// The groups, in order of first appearance (article order, then
    /// offset).
    pub groups: Vec<Group>,
    /// Statements given to different speakers, or to a speaker and to
    /// no one.
    pub conflicts: Vec<Conflict>,
}

/// The units that render one statement.
#[derive(Clone, Debug)]
pub struct Group {
    /// The reference wording: the span (half-open byte offsets into the
    /// article) of a unit, or of a piece of one; its text is
    /// [`Alignment::reference_text`].
    pub reference: Span,
    /// The index in [`Alignment::units`] of the unit the reference is (a
    /// piece of).
    pub reference_unit: usize,
    /// The speaker the attributed members agree on.
    pub speaker: Option<SpeakerId>,
    /// The members, reference included, by outlet, source and offset.
    pub members: Vec<Link>,
}

/// A unit's membership in a group.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The index in [`Alignment::units`].
    pub unit: usize,
    /// The part of the unit in the group: all of it, except for a
    /// reference cut into pieces.
    pub span: Span,
    /// Similarity to the reference, 0 to 1 (1 for the reference).
    pub similarity: f64,
    /// Whether this is the reference.
    pub is_reference: bool,
    /// Whether the speaker conflicts: unattributed in a group with a
    /// speaker (or attributed in a group whose reference is not), or the
    /// same words are given to another speaker in another group.
    pub conflict: bool,
}

/// A statement attributed inconsistently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Indices into [`Alignment::groups`]: two groups of different
    /// speakers whose words match, or one group holding attributed and
    /// unattributed copies.
    pub groups: Vec<usize>,
    /// The similarity of the matching units (1 for a single group).
    pub similarity: f64,
}

/// A reference while grouping: its unit, speaker and members (unit,
/// similarity, region of the reference's content tokens).
struct Reference {
    unit: usize,
    speaker: Option<SpeakerId>,
    members: Vec<(usize, f64, (usize, usize))>,
}

/// A match across speakers: unit `unit` against reference slot
/// `reference`, with the match's value and the content-token regions it
/// covers in the unit and in the reference (all that is kept of the
/// [`Match`]: a million quotes make many clashes; issue #5).
struct Clash {
    unit: usize,
    reference: usize,
    value: f64,
    regions: [Option<(usize, usize)>; 2],
}

/// Units grouped per batch by [`Aligner::align`]: each batch is matched
/// against the references before it on every core, then in order within
/// itself. Large enough to share out, small enough that most matches
/// are with references of earlier batches.
const UNITS_PER_BATCH: usize = 1024;

/// What grouping reads while a unit looks for its reference.
struct Cx<'x, 'a> {
    aligner: &'x Aligner,
    units: &'x [Unit<'a>],
    vocab: &'x Vocabulary,
    refs: &'x [Reference],
}

/// A unit's search for its reference: the best match so far and the
/// clashes with references of other speakers.
#[derive(Default)]
struct Search {
    best: Option<(usize, Match)>,
    clashes: Vec<Clash>,
}

impl Search {
    /// Looks at reference slot `r` for unit `u` (whose profile is
    /// `profile`): a match keeps the best, a match across speakers is a
    /// clash. Candidates must come in slot order: on a tie the first
    /// stays.
    fn consider(&mut self, cx: &Cx, u: usize, profile: &Profile, r: usize, profiles: &[Profile]) {
        let (unit, other) = (&cx.units[u], &cx.units[cx.refs[r].unit]);
        let threshold = cx.aligner.threshold;
        if unit.origin == other.origin
            || unit.source == other.source && unit.span.overlaps(other.span)
        {
            return;
        }
        if similarity::bound((unit, profile), (other, &profiles[r]), cx.vocab) < threshold {
            return;
        }
        let found = similarity(unit, other, cx.vocab);
        // No anchors, no evidence (even at a threshold of 0).
        if found.value < threshold || found.anchors.is_empty() {
            return;
        }
        let evidence = found.anchors.len() >= MIN_CROSS_SPEAKER_ANCHORS;
        match (unit.speaker, cx.refs[r].speaker) {
            (Some(x), Some(y)) if x != y => {
                if evidence && unit.relation == Relation::Quote {
                    let regions = [found.region(0), found.region(1)];
                    self.clashes.push(Clash { unit: u, reference: r, value: found.value, regions });
                }
                return;
            }
            (x, y) if x != y && !evidence => return,
            _ => {}
        }
        if self.best.as_ref().is_none_or(|(_, b)| found.value > b.value) {
            self.best = Some((r, found));
        }
    }
}

impl Aligner {
    /// An aligner with the default threshold (0.6) and posting limit (64).
    pub fn new() -> Aligner {
        Aligner::default()
    }

    /// Sets the similarity a unit needs to join a reference.
    ///
    /// # Panics
    ///
    /// When `threshold` is not in `0.0..=1.0`.
    pub fn threshold(mut self, threshold: f64) -> Aligner {
        assert!((0.0..=1.0).contains(&threshold), "threshold {threshold} is not in 0..=1");
        self.threshold = threshold;
        self
    }

    /// Sets how many units a word may occur in and still be indexed.
    pub fn max_postings(mut self, max_postings: usize) -> Aligner {
        self.max_postings = max_postings;
        self
    }

    /// Sets the units per batch of the grouping pass (tests: the result
    /// must not depend on it).
    #[cfg(test)]
    pub(crate) fn batch(mut self, units: usize) -> Aligner {
        self.batch = units.max(1);
        self
    }

    /// Groups the units of `extraction` (see the [module docs](self)).
    /// The alignment borrows the units' text from `extraction`.
    pub fn align<'a>(&self, extraction: &'a Extraction) -> Alignment<'a> {
        self.align_with(extraction, true)
    }

    /// [`Aligner::align`], leaving every unit without its tokens (empty
    /// [`Unit::tokens`] and [`Unit::content`]): for a caller that reads only
    /// the units' text, such as [`crate::compare::compare`]. The tokens are
    /// freed as soon as grouping is done with them, which lowers the peak
    /// (issue #5: memory).
    pub(crate) fn align_without_tokens<'a>(&self, extraction: &'a Extraction) -> Alignment<'a> {
        self.align_with(extraction, false)
    }

    fn align_with<'a>(&self, extraction: &'a Extraction, keep_tokens: bool) -> Alignment<'a> {
        let (mut units, vocab) = unit::units(extraction);
        let weight: Vec<f64> = units.iter().map(|u| similarity::weight(u, &vocab)).collect();
        // Profiles are kept for the references only: a unit's own profile
        // is needed only while it looks for its reference (issue #5: memory).
        let mut profiles: Vec<Profile> = Vec::new();
        let mut order: Vec<usize> = (0..units.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&units[a], &units[b]);
            x.relation.cmp(&y.relation).then(weight[b].total_cmp(&weight[a])).then(a.cmp(&b))
        });
        let mut refs: Vec<Reference> = Vec::new();
        let mut clashes = Vec::new();
        let mut index = Index::new(self.max_postings);
        // Units in batches: first every unit of a batch against the
        // references made before it, on every core; then, in order, each
        // against the references made earlier in its batch, and the
        // outcome. Candidates come in slot order, so this looks at the
        // same references in the same order as one unit at a time would,
        // and the result is the same (issue #5: cores).
        let mut respoken: Vec<bool> = Vec::new();
        for batch in order.chunks(self.batch) {
            let settled = refs.len();
            let before: Vec<(Profile, Vec<usize>, Search)> = batch
                .par_iter()
                .map(|&u| {
                    let unit = &units[u];
                    let profile = Profile::new(unit, &vocab);
                    let candidates = index.candidates(unit, &vocab, self.threshold);
                    let mut search = Search::default();
                    for &r in &candidates {
                        let cx = Cx { aligner: self, units: &units, vocab: &vocab, refs: &refs };
                        search.consider(&cx, u, &profile, r, &profiles);
                    }
                    (profile, candidates, search)
                })
                .collect();
            // References made before the batch that took a speaker during
            // it (an unattributed reference joined by an attributed quote).
            respoken.clear();
            respoken.resize(settled, false);
            let mut recent = Index::new(self.max_postings);
            for (&u, (profile, candidates, mut search)) in batch.iter().zip(before) {
                let cx = Cx { aligner: self, units: &units, vocab: &vocab, refs: &refs };
                if candidates.iter().any(|&r| respoken[r]) {
                    // Looked at with a speaker it no longer has: again.
                    search = Search::default();
                    for &r in &candidates {
                        search.consider(&cx, u, &profile, r, &profiles);
                    }
                }
                for r in recent.candidates(&units[u], &vocab, self.threshold) {
                    search.consider(&cx, u, &profile, settled + r, &profiles);
                }
                let unit = &units[u];
                let clashed = !search.clashes.is_empty();
                clashes.append(&mut search.clashes);
                match search.best {
                    Some((r, found)) => {
                        let region = found.region(1).expect("a match has anchors");
                        refs[r].members.push((u, found.value, region));
                        if refs[r].speaker.is_none() && unit.speaker.is_some() {
                            refs[r].speaker = unit.speaker;
                            if r < settled {
                                respoken[r] = true;
                            }
                        }
                        // A member is never compared again, except with the
                        // pieces of a reference cut up, which tokenizes it
                        // anew (issue #5: memory).
                        if !keep_tokens && !clashed {
                            give_back_tokens(&mut units[u]);
                        }
                    }
                    None if unit.relation == Relation::Quote => {
                        recent.insert(refs.len() - settled, unit, &vocab);
                        refs.push(Reference {
                            unit: u,
                            speaker: unit.speaker,
                            members: Vec::new(),
                        });
                        profiles.push(profile);
                    }
                    None => {
                        // A paraphrase that matches no reference is left out.
                        if !keep_tokens {
                            give_back_tokens(&mut units[u]);
                        }
                    }
                }
            }
            for (r, reference) in refs.iter().enumerate().skip(settled) {
                index.insert(r, &units[reference.unit], &vocab);
            }
        }
        drop(respoken);
        // Only the units are needed from here on (issue #5: memory).
        drop((profiles, index, weight));
        // Resolving conflicts reads the tokens of the units that clashed,
        // joining lone sentences those of references with no member.
        let mut in_clash = vec![false; if keep_tokens { 0 } else { units.len() }];
        for c in clashes.iter().filter(|_| !keep_tokens) {
            in_clash[c.unit] = true;
            in_clash[refs[c.reference].unit] = true;
        }
        // Most references make one group.
        let mut groups = Vec::with_capacity(refs.len());
        for r in &refs {
            groups.extend(split(r, &units, &vocab, extraction));
            if !keep_tokens && !r.members.is_empty() && !in_clash[r.unit] {
                give_back_tokens(&mut units[r.unit]);
            }
        }
        drop(in_clash);
        groups.shrink_to_fit();
        let conflicts = resolve(&mut groups, &clashes, &refs, &units);
        drop((refs, clashes));
        if !keep_tokens {
            // Joining lone sentences reads only the tokens of references
            // standing alone.
            let mut lone = vec![false; units.len()];
            for g in groups.iter().filter(|g| g.members.len() == 1) {
                lone[g.reference_unit] = true;
            }
            for (unit, _) in units.iter_mut().zip(lone).filter(|(_, lone)| !lone) {
                give_back_tokens(unit);
            }
        }
        let mut alignment = Alignment { units, vocabulary: vocab, groups, conflicts };
        alignment.join_lone_sentences(extraction);
        if !keep_tokens {
            alignment.units.iter_mut().for_each(give_back_tokens);
        }
        alignment.sort(extraction);
        alignment
    }
}

/// Frees a unit's tokens (for [`Aligner::align_without_tokens`]).
fn give_back_tokens(unit: &mut Unit) {
    unit.tokens = Box::default();
    unit.content = Box::default();
}

/// The groups of one reference: one, or one per piece when its members'
/// regions fall into disjoint stretches.
fn split(r: &Reference, units: &[Unit], vocab: &Vocabulary, extraction: &Extraction) -> Vec<Group> {
    let unit = &units[r.unit];
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    let mut regions: Vec<(usize, usize)> = r.members.iter().map(|m| m.2).collect();
    regions.sort_unstable();
    for (lo, hi) in regions {
        match stretches.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => stretches.push((lo, hi)),
        }
    }
    let word = |k: usize| unit.token_span(unit.content_token(k));
    let mut cuts = vec![unit.span.start];
    for pair in stretches.windows(2) {
        let (end, start) = (word(pair[0].1).end, word(pair[1].0).start);
        let gap = &unit.text[end - unit.span.start..start - unit.span.start];
        let cut = match gap.rfind([',', ';', ':', '–', '—', '…', '.', '!', '?']) {
            Some(i) => end + i + gap[i..].chars().next().map_or(1, char::len_utf8),
            None => end + gap.len() - gap.trim_start().len(),
        };
        cuts.push(cut);
    }
    cuts.push(unit.span.end);
    let pieces: Vec<Span> = cuts.windows(2).map(|c| trim(unit, Span::new(c[0], c[1]))).collect();
    let stretch = |lo: usize| stretches.iter().position(|s| s.0 <= lo && lo <= s.1).unwrap_or(0);
    // Each group's links sized exactly: a million quotes make hundreds of
    // thousands of groups (issue #5: memory).
    let mut sizes = vec![1; pieces.len()];
    for &(_, _, (lo, _)) in &r.members {
        sizes[stretch(lo)] += 1;
    }
    let mut groups: Vec<Group> = pieces
        .iter()
        .zip(sizes)
        .map(|(&span, size)| {
            let mut members = Vec::with_capacity(size);
            members.push(Link {
                unit: r.unit,
                span,
                similarity: 1.0,
                is_reference: true,
                conflict: unit.speaker != r.speaker,
            });
            Group { reference: span, reference_unit: r.unit, speaker: r.speaker, members }
        })
        .collect();
    for &(m, value, (lo, _)) in &r.members {
        let g = &mut groups[stretch(lo)];
        let value = if pieces.len() == 1 {
            value
        } else if units[m].tokens.is_empty() {
            // Its tokens were given back (a member matched, so it had some).
            let (tokens, content) = unit::retokenize(&units[m], extraction, vocab);
            let member = Unit { tokens, content, ..units[m].clone() };
            similarity(&member, &unit.piece(g.reference), vocab).value
        } else {
            similarity(&units[m], &unit.piece(g.reference), vocab).value
        };
        g.members.push(Link {
            unit: m,
            span: units[m].span,
            similarity: value,
            is_reference: false,
            conflict: units[m].speaker != r.speaker,
        });
    }
    groups
}

/// `span` without the white space at its ends.
fn trim(unit: &Unit, span: Span) -> Span {
    let s = &unit.text[span.start - unit.span.start..span.end - unit.span.start];
    let start = span.start + s.len() - s.trim_start().len();
    Span::new(start, start.max(span.start + s.trim_end().len()))
}

/// Turns clashes into conflicts between groups, flags their links, and
/// adds a conflict for each group with an unattributed copy.
fn resolve(
    groups: &mut [Group],
    clashes: &[Clash],
    refs: &[Reference],
    units: &[Unit],
) -> Vec<Conflict> {
    // (unit, group, link) of every link, sorted: a unit's links are one
    // run. A flat vector rather than a map of vectors, which took a
    // hundred bytes and more per unit (issue #5: memory).
    let mut links = Vec::with_capacity(groups.iter().map(|g| g.members.len()).sum());
    for (g, group) in groups.iter().enumerate() {
        links.extend(group.members.iter().enumerate().map(|(k, l)| (l.unit, g, k)));
    }
    links.sort_unstable();
    // The group holding the part of unit `u` in content-token region `region`.
    let locate = |groups: &[Group], u: usize, region: Option<(usize, usize)>| {
        let unit = &units[u];
        let at = region.map_or(unit.span, |(lo, hi)| {
            Span::new(
                unit.token_span(unit.content_token(lo)).start,
                unit.token_span(unit.content_token(hi)).end,
            )
        });
        let first = links.partition_point(|l| l.0 < u);
        let run = links[first..].iter().take_while(|l| l.0 == u);
        run.map(|&(_, g, k)| (g, k)).find(|&(g, k)| groups[g].members[k].span.overlaps(at))
    };
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut pairs: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for c in clashes {
        let mine = locate(groups, c.unit, c.regions[0]);
        let theirs = locate(groups, refs[c.reference].unit, c.regions[1]);
        let (Some((g1, k1)), Some((g2, k2))) = (mine, theirs) else { continue };
        groups[g1].members[k1].conflict = true;
        groups[g2].members[k2].conflict = true;
        let pair = (g1.min(g2), g1.max(g2));
        match pairs.get(&pair) {
            Some(&x) => conflicts[x].similarity = conflicts[x].similarity.max(c.value),
            None => {
                pairs.insert(pair, conflicts.len());
                conflicts.push(Conflict { groups: vec![pair.0, pair.1], similarity: c.value });
            }
        }
    }
    for (g, group) in groups.iter().enumerate() {
        let attributed = |l: &Link| units[l.unit].speaker.is_some();
        if group.members.iter().any(attributed) && !group.members.iter().all(attributed) {
            conflicts.push(Conflict { groups: vec![g], similarity: 1.0 });
        }
    }
    conflicts
}

impl<'a> Alignment<'a> {
    /// The text of `group`'s reference wording: the article's bytes at
    /// [`Group::reference`].
    pub fn reference_text(&self, group: &Group) -> &'a str {
        let unit = &self.units[group.reference_unit];
        let at = group.reference.start - unit.span.start;
        &unit.text[at..at + group.reference.len()]
    }

    /// Joins the consecutive sentences of one quote that stand alone (a
    /// group each, no other member, no conflict) into one group, so that a
    /// statement only one outlet carries is not cut into sentences.
    fn join_lone_sentences(&mut self, extraction: &'a Extraction) {
        let mut in_conflict = vec![false; self.groups.len()];
        for &g in self.conflicts.iter().flat_map(|c| &c.groups) {
            in_conflict[g] = true;
        }
        let lone = |g: usize, group: &Group| {
            let u = &self.units[group.reference_unit];
            group.members.len() == 1
                && group.reference == u.span
                && !in_conflict[g]
                && matches!(u.origin, Origin::Record(_))
        };
        // Lone groups by reference unit; sentences of a quote are
        // consecutive units.
        let mut by_unit: Vec<(usize, usize)> = (0..self.groups.len())
            .filter(|&g| lone(g, &self.groups[g]))
            .map(|g| (self.groups[g].reference_unit, g))
            .collect();
        by_unit.sort_unstable();
        let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
        for (u, g) in by_unit {
            match runs.last_mut() {
                Some(run)
                    if run[run.len() - 1].0 + 1 == u
                        && self.units[u].origin == self.units[u - 1].origin =>
                {
                    run.push((u, g));
                }
                _ => runs.push(vec![(u, g)]),
            }
        }
        runs.retain(|r| r.len() > 1);
        let mut removed = vec![false; self.groups.len()];
        for run in runs {
            let (first, last) = (&self.units[run[0].0], &self.units[run[run.len() - 1].0]);
            let Origin::Record(i) = first.origin else { continue };
            let record = &extraction.records[i];
            let span = Span::new(first.span.start, last.span.end);
            let (mut tokens, mut content) = (Vec::new(), Vec::new());
            for &(u, g) in &run {
                let base = tokens.len() as u32;
                let unit = &self.units[u];
                content.extend(unit.content.iter().map(|k| k + base));
                // Token offsets are into the unit's text: shift them to
                // the joined text.
                let shift = (unit.span.start - span.start) as u32;
                tokens.extend(unit.tokens.iter().map(|t| unit::Token {
                    start: t.start + shift,
                    end: t.end + shift,
                    ..*t
                }));
                removed[g] = g != run[0].1;
            }
            let joined = Unit {
                span,
                text: &record.text[span.start - record.start..span.end - record.start],
                tokens: tokens.into(),
                content: content.into(),
                ..*first
            };
            // In the place of the first sentence, which only this group
            // used: pushing it would reallocate a million units (issue #5:
            // memory).
            let (u, g) = run[0];
            self.units[u] = joined;
            let group = &mut self.groups[g];
            group.reference = span;
            group.members[0].span = span;
        }
        let mut new_index = Vec::with_capacity(removed.len());
        let mut kept = 0;
        for &r in &removed {
            new_index.push(kept);
            kept += usize::from(!r);
        }
        let mut g = 0;
        self.groups.retain(|_| {
            g += 1;
            !removed[g - 1]
        });
        for c in &mut self.conflicts {
            for g in &mut c.groups {
                *g = new_index[*g];
            }
        }
    }

    /// Orders members by outlet, source and offset, groups by first
    /// appearance, and conflicts by their groups.
    fn sort(&mut self, extraction: &Extraction) {
        let mut rank: FxHashMap<&str, usize> = FxHashMap::default();
        let sources = extraction.records.iter().map(|r| &*r.source);
        for s in sources.chain(extraction.paraphrases.iter().map(|p| &*p.source)) {
            let n = rank.len();
            rank.entry(s).or_insert(n);
        }
        let units = &self.units;
        for g in &mut self.groups {
            g.members.sort_by(|a, b| {
                let (x, y) = (&units[a.unit], &units[b.unit]);
                (&x.outlet, &x.source, a.span.start).cmp(&(&y.outlet, &y.source, b.span.start))
            });
        }
        // Each unit's article rank, looked up once: a sort looks at a
        // group's key many times, and hashing the article ids each time
        // took most of the sort (issue #5).
        let unit_rank: Vec<usize> = units.iter().map(|u| rank[u.source]).collect();
        let first = |g: &Group| g.members.iter().map(|l| (unit_rank[l.unit], l.span.start)).min();
        let keys: Vec<_> = self.groups.iter().map(first).collect();
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by_key(|&g| keys[g]);
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        permute(&mut self.groups, &order);
        for c in &mut self.conflicts {
            for g in &mut c.groups {
                *g = new_index[*g];
            }
            c.groups.sort_unstable();
        }
        self.conflicts.sort_by(|a, b| a.groups.cmp(&b.groups));
    }
}

/// Puts `items[order[k]]` at `k` for every `k`, in place (`order` is a
/// permutation): a second vector of a million groups would set the peak
/// (issue #5: memory).
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        // Follow the cycle through `start`: the item that belongs at `k`
        // moves in from `order[k]`, and the one first at `start` travels
        // along until it reaches its place.
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
