//! Comparing outlets: for every statement, how each outlet worded it and
//! whom it gave it to.
//!
//! [`compare`] runs the last stages of the pipeline on an [`Extraction`]:
//! **align** the quotes and paraphrases into groups ([`align`]), **diff**
//! each member against its group's reference ([`wording`]), and
//! **report** them as [`Cluster`]s, filtered by [`CompareOptions`].
//!
//! # Format
//!
//! A [`Comparison`] serializes (JSON shown) as `{"clusters": [...],
//! "conflicts": [...]}`. A cluster:
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `id` | integer | 1, 2, ... in order of first appearance (article order, then offset); stable under the filters |
//! | `speaker` | string or null | canonical name of the speaker the attributed members agree on |
//! | `reference` | string | the reference wording: the most complete quote, or the piece of it that renders this statement |
//! | `outlets` | integer | how many outlets the listed members come from |
//! | `members` | array | the quotes and paraphrases, ordered by outlet, then source, then offset |
//!
//! A member:
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `source` | string | article id |
//! | `outlet` | string | outlet name, or the article id when unknown |
//! | `start`, `end` | integer | half-open byte offsets of `text` into the article as read, as in [`QuoteRecord`](crate::QuoteRecord): a sentence (or piece) of a quote, or a paraphrase |
//! | `text` | string | the article's bytes at `start..end` |
//! | `relation` | string | `quote` or `paraphrase` ([`Relation`]) |
//! | `speaker` | string or null | the speaker this outlet gave it to |
//! | `cue` | string or null | the attribution the outlet used: mention and cue (`he added`, `the statement said`, `According to the PM`), the cue verb of a paraphrase, null when there is no cue |
//! | `similarity` | number | 0 to 1, rounded to 3 decimals: the rarity-weighted share of the shorter text's content words found in the other in the same order ([`align::similarity`](mod@crate::align::similarity)); 1 for the reference |
//! | `is_reference` | boolean | whether this member is the reference |
//! | `differences` | array | the [`Difference`]s against the reference: `{"kind", "edge"?, "reference", "member"}` |
//! | `conflict` | boolean | whether the attribution conflicts: unattributed where the cluster has a speaker, or the same words are given to another speaker in another cluster |
//!
//! A conflict is `{"clusters": [id, ...], "speakers": [name or null, ...],
//! "similarity"}`: two clusters of different speakers whose words match,
//! or one cluster holding attributed and unattributed copies (its speaker
//! and null). A conflict is listed when any of its clusters passes the
//! filters, so an id in it may name a cluster filtered out.
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, compare::{compare, CompareOptions}, extract::Extractor};
//!
//! let articles = vec![
//!     Article::new("a", "“The lull is a provisional truce for regrouping,” Omar Fulani said."),
//!     Article::new("b", "Fulani said the lull was a “temporary truce”."),
//! ];
//! let extraction = Extractor::new().extract(articles);
//! let comparison = compare(&extraction, &CompareOptions::default());
//! let cluster = &comparison.clusters[0];
//! assert_eq!(cluster.speaker.as_deref(), Some("Omar Fulani"));
//! assert_eq!(cluster.members[0].cue.as_deref(), Some("Omar Fulani said"));
//! assert!(cluster.members[0].is_reference);
//! assert_eq!(
//!     quotelens::wording::render(&cluster.members[1].differences),
//!     "cut at start: ‘The lull is a’; provisional → temporary; cut at end: ‘for regrouping,’"
//! );
//! ```

use std::borrow::Cow;
use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::align::{self, Aligner, Origin, Relation};
use crate::extract::Extraction;
use crate::wording::{self, Difference};

/// Which clusters and members to report.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareOptions {
    /// Only clusters whose members come from at least this many outlets.
    pub min_outlets: usize,
    /// Only clusters of the speakers this name finds with
    /// [`Speakers::lookup`](crate::speaker::Speakers::lookup).
    pub speaker: Option<String>,
    /// Only members at least this similar to their reference (the
    /// reference itself always stays).
    pub min_similarity: f64,
}

impl Default for CompareOptions {
    /// Every cluster and member: one outlet, any speaker, similarity 0.
    fn default() -> CompareOptions {
        CompareOptions { min_outlets: 1, speaker: None, min_similarity: 0.0 }
    }
}

/// The statements of a corpus and how each outlet reports them. See the
/// [module docs](self) for the serialized shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
///
/// It borrows its text (article ids, outlets, wordings, names) from the
/// [`Extraction`] it was made from, so that a report of a million quotes
/// does not hold a second copy of them (issue #5).
pub struct Comparison<'a> {
    /// The clusters that pass the filters, in order of first appearance.
    pub clusters: Vec<Cluster<'a>>,
    /// Statements attributed inconsistently.
    pub conflicts: Vec<Conflict<'a>>,
}

impl<'a> Comparison<'a> {
    /// The ids of the clusters holding a quote member of article `source`
    /// that overlaps the bytes `start..end` (half-open offsets into the
    /// article): the statements a quote, or part of one, belongs to.
    /// In cluster order. A scan of every member: `O(members)` per call.
    pub fn clusters_overlapping(&self, source: &str, start: usize, end: usize) -> Vec<usize> {
        self.clusters
            .iter()
            .filter(|c| {
                c.members.iter().any(|m| {
                    m.relation == Relation::Quote
                        && m.source == source
                        && m.start < end
                        && start < m.end
                })
            })
            .map(|c| c.id)
            .collect()
    }

    /// The conflicts that involve cluster `id`. A scan of every conflict:
    /// to look up many clusters, build a [`ConflictIndex`] once.
    pub fn conflicts_of(&self, id: usize) -> impl Iterator<Item = &Conflict<'a>> {
        self.conflicts.iter().filter(move |c| c.clusters.contains(&id))
    }

    /// The conflicts of every cluster, found in one pass: what a report
    /// of every cluster uses, where [`Comparison::conflicts_of`] for each
    /// cluster would scan every conflict each time (quadratic in the size
    /// of the corpus; issue #5).
    pub fn conflict_index(&self) -> ConflictIndex<'_, 'a> {
        let mut by_cluster: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (k, conflict) in self.conflicts.iter().enumerate() {
            for &id in &conflict.clusters {
                let of = by_cluster.entry(id).or_default();
                // A conflict names a cluster once; be safe if it did twice.
                if of.last() != Some(&k) {
                    of.push(k);
                }
            }
        }
        ConflictIndex { conflicts: &self.conflicts, by_cluster }
    }
}

/// The conflicts of a [`Comparison`] by cluster id
/// ([`Comparison::conflict_index`]).
#[derive(Clone, Debug)]
pub struct ConflictIndex<'c, 'a> {
    conflicts: &'c [Conflict<'a>],
    /// Cluster id → indices into `conflicts`, in order.
    by_cluster: FxHashMap<usize, Vec<usize>>,
}

impl<'c, 'a> ConflictIndex<'c, 'a> {
    /// The conflicts that involve cluster `id`, in the comparison's
    /// order: the same as [`Comparison::conflicts_of`].
    pub fn of(&self, id: usize) -> impl Iterator<Item = &'c Conflict<'a>> + '_ {
        let conflicts = self.conflicts;
        self.by_cluster.get(&id).into_iter().flatten().map(move |&k| &conflicts[k])
    }
}

/// One statement: its reference wording and every outlet's rendering.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster<'a> {
    /// 1, 2, ... in order of first appearance, before filtering.
    pub id: usize,
    /// Canonical name of the speaker.
    pub speaker: Option<&'a str>,
    /// The reference wording.
    pub reference: &'a str,
    /// How many outlets the members come from.
    pub outlets: usize,
    /// The members, reference included, by outlet, source and offset.
    pub members: Vec<Member<'a>>,
}

/// One outlet's rendering of a statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member<'a> {
    /// Article id.
    pub source: &'a str,
    /// Outlet name, or the article id when unknown.
    pub outlet: &'a str,
    /// Offset of the first byte of `text` in the article.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
    /// The article's bytes at `start..end`.
    pub text: &'a str,
    /// Quote or paraphrase.
    pub relation: Relation,
    /// The speaker this outlet gave it to.
    pub speaker: Option<&'a str>,
    /// The attribution the outlet used (`he added`, `the statement said`).
    pub cue: Option<Cow<'a, str>>,
    /// Similarity to the reference, 0 to 1, rounded to 3 decimals.
    pub similarity: f64,
    /// Whether this member is the reference.
    pub is_reference: bool,
    /// The wording differences against the reference; see
    /// [`wording::render`] for a readable form.
    pub differences: Vec<Difference>,
    /// Whether the attribution conflicts (see the [module docs](self)).
    pub conflict: bool,
}

/// A statement attributed inconsistently.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict<'a> {
    /// The cluster ids involved.
    pub clusters: Vec<usize>,
    /// The speakers they were given to (`None`: unattributed).
    pub speakers: Vec<Option<&'a str>>,
    /// How similar the matching words are, 0 to 1.
    pub similarity: f64,
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Aligns, diffs and reports the statements of `extraction` (see the
/// [module docs](self)).
pub fn compare<'a>(extraction: &'a Extraction, options: &CompareOptions) -> Comparison<'a> {
    // The report reads the units' text, never their tokens: the aligner
    // gives them back as soon as it is done with them (issue #5: memory).
    let alignment = Aligner::new().align_without_tokens(extraction);
    let names = extraction.speakers.all();
    let speakers: Option<BTreeSet<usize>> = options
        .speaker
        .as_ref()
        .map(|q| extraction.speakers.lookup(q).into_iter().map(|(id, _)| id).collect());
    // Each cluster's members are diffed against its reference on every
    // core; rayon keeps the clusters in order (issue #5).
    let mut clusters: Vec<Cluster> = alignment
        .groups
        .par_iter()
        .enumerate()
        .filter_map(|(g, group)| {
            if speakers.as_ref().is_some_and(|s| !group.speaker.is_some_and(|id| s.contains(&id))) {
                return None;
            }
            let kept = group
                .members
                .iter()
                .filter(|l| l.is_reference || l.similarity >= options.min_similarity);
            // Sized exactly: collected from a filter, most clusters' one or
            // two members would get room for four (issue #5: memory).
            let mut members: Vec<Member> = Vec::with_capacity(kept.clone().count());
            members.extend(kept.map(|l| member(extraction, &alignment, group, l)));
            let outlets = members.iter().map(|m| m.outlet).collect::<BTreeSet<_>>().len();
            (outlets >= options.min_outlets).then(|| Cluster {
                id: g + 1,
                speaker: group.speaker.map(|id| names[id].name.as_str()),
                reference: alignment.reference_text(group),
                outlets,
                members,
            })
        })
        .collect();
    clusters.shrink_to_fit();
    let kept: BTreeSet<usize> = clusters.iter().map(|c| c.id).collect();
    let conflicts = alignment
        .conflicts
        .iter()
        .filter(|c| c.groups.iter().any(|g| kept.contains(&(g + 1))))
        .map(|c| {
            let name = |g: usize| alignment.groups[g].speaker.map(|id| names[id].name.as_str());
            let mut speakers: Vec<Option<&str>> = c.groups.iter().map(|&g| name(g)).collect();
            if let [g] = c.groups[..] {
                speakers = vec![name(g), None];
            }
            Conflict {
                clusters: c.groups.iter().map(|g| g + 1).collect(),
                speakers,
                similarity: round(c.similarity),
            }
        })
        .collect();
    Comparison { clusters, conflicts }
}

/// The report of one link of a group.
fn member<'a>(
    extraction: &'a Extraction,
    alignment: &align::Alignment<'a>,
    group: &align::Group,
    link: &align::Link,
) -> Member<'a> {
    let unit = &alignment.units[link.unit];
    let at = link.span.start - unit.span.start;
    let text = &unit.text[at..at + link.span.len()];
    let (speaker, cue) = match unit.origin {
        Origin::Record(i) => {
            let r = &extraction.records[i];
            let cue = match (&r.mention, &r.cue) {
                (Some(m), Some(c)) if c.to_lowercase().starts_with("according to") => {
                    Some(Cow::Owned(format!("{c} {}", m.text)))
                }
                (Some(m), Some(c)) => Some(Cow::Owned(format!("{} {c}", m.text))),
                (None, Some(c)) => Some(Cow::Borrowed(c.as_str())),
                (_, None) => None,
            };
            (r.speaker.as_deref(), cue)
        }
        Origin::Paraphrase(i) => {
            let p = &extraction.paraphrases[i];
            (p.speaker.as_deref(), Some(Cow::Borrowed(p.cue.as_str())))
        }
    };
    let differences = if link.is_reference {
        Vec::new()
    } else {
        wording::diff(alignment.reference_text(group), text)
    };
    Member {
        source: unit.source,
        outlet: unit.outlet,
        start: link.span.start,
        end: link.span.end,
        text,
        relation: unit.relation,
        speaker,
        cue,
        similarity: round(link.similarity),
        is_reference: link.is_reference,
        differences,
        conflict: link.conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::extract::Extractor;

    fn corpus() -> Extraction {
        Extractor::new().extract(vec![
            Article::new(
                "a",
                "Omar Fulani, head of the Northland Movement, spoke on Sunday.\n\
                 “The lull is a provisional truce for regrouping,” Fulani said.\n\
                 “Our farmers will plant barley again in the spring,” he added.",
            ),
            Article::new("b", "Omar Fulani said the lull was a “temporary truce”."),
            Article::new(
                "c",
                "Mayor Jane Doe spoke in Varo.\n\
                 “The lull is a provisional truce for regrouping,” Doe said.",
            ),
        ])
    }

    #[test]
    fn clusters_with_cues_and_differences() {
        let ex = corpus();
        let c = compare(&ex, &CompareOptions::default());
        let first = &c.clusters[0];
        assert_eq!(first.id, 1);
        assert_eq!(first.speaker, Some("Omar Fulani"));
        assert_eq!(first.outlets, 2);
        let cues: Vec<_> = first.members.iter().map(|m| m.cue.as_deref()).collect();
        assert_eq!(cues, [Some("Fulani said"), Some("Omar Fulani said")]);
        assert!(first.members[0].is_reference && first.members[0].differences.is_empty());
        assert!((0.6..0.9).contains(&first.members[1].similarity), "{first:?}");
        let second = &c.clusters[1];
        assert_eq!(second.members[0].cue.as_deref(), Some("he added"));
    }

    #[test]
    fn the_same_words_from_two_speakers_conflict() {
        let ex = corpus();
        let c = compare(&ex, &CompareOptions::default());
        assert_eq!(c.conflicts.len(), 1, "{:?}", c.conflicts);
        let conflict = &c.conflicts[0];
        let speakers: Vec<_> = conflict.speakers.iter().map(|s| s.as_deref()).collect();
        assert_eq!(speakers, [Some("Omar Fulani"), Some("Jane Doe")]);
        for id in &conflict.clusters {
            let cluster = c.clusters.iter().find(|c| c.id == *id).unwrap();
            assert!(cluster.members.iter().any(|m| m.conflict && m.text.contains("provisional")));
        }
    }

    #[test]
    fn the_conflict_index_finds_what_a_scan_finds() {
        let ex = corpus();
        let c = compare(&ex, &CompareOptions::default());
        assert!(!c.conflicts.is_empty());
        let index = c.conflict_index();
        for id in c.clusters.iter().map(|c| c.id).chain([0, 99]) {
            let scanned: Vec<_> = c.conflicts_of(id).collect();
            assert_eq!(index.of(id).collect::<Vec<_>>(), scanned, "cluster {id}");
        }
    }

    #[test]
    fn filters() {
        let ex = corpus();
        let all = compare(&ex, &CompareOptions::default());
        let ids = |c: &Comparison| c.clusters.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(&all), [1, 2, 3]);
        let two = compare(&ex, &CompareOptions { min_outlets: 2, ..CompareOptions::default() });
        assert_eq!(ids(&two), [1]);
        let doe = compare(
            &ex,
            &CompareOptions { speaker: Some("doe".into()), ..CompareOptions::default() },
        );
        assert_eq!(ids(&doe), [3]);
        assert_eq!(doe.conflicts.len(), 1, "a conflict with a cluster filtered out stays");
        let close = CompareOptions { min_similarity: 0.9, ..CompareOptions::default() };
        let close = compare(&ex, &close);
        assert_eq!(close.clusters[0].members.len(), 1, "the reference stays");
    }
}
