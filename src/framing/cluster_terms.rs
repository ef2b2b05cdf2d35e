//! The outlet's own words beside each statement: which lexicon terms an
//! article uses in its narrator voice for what a statement talks about.
//!
//! A statement ([`Cluster`]) names things: "the occupier", "the
//! resistance", "the aggression". The framing lexicon says what each of
//! these terms names (its **referent**: foreign forces, armed groups,
//! Israel's war in Gaza) and which other terms name the same. For each
//! article that renders the statement, [`ClusterTerms`] lists the terms
//! that article uses **in its own voice** for those referents, so an
//! editor reading one outlet's wording of a quote sees beside it how that
//! outlet itself names the same actors and events.
//!
//! Exactly:
//!
//! 1. the cluster's **referents** are those of every lexicon term found
//!    in the text of any of its members (quotes and paraphrases, the
//!    reference included), matched as [`Lexicon::find`] matches;
//! 2. for a member of article `a`, the terms shown are the
//!    [narrator-voice](super::Voice::Narrator) [`TermCount`]s of `a`
//!    (the whole article, boilerplate left out, as in the framing
//!    report's `terms` section) whose referent is one of the cluster's;
//! 3. they are ordered by referent (in lexicon order), then most used
//!    first, then in lexicon order.
//!
//! So the list is empty when the statement names nothing in the lexicon,
//! or when the article never names those referents in its own words.
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, compare::{compare, CompareOptions}, extract::Extractor};
//! use quotelens::framing::{Framer, cluster_terms::ClusterTerms};
//!
//! let articles = vec![
//!     Article::new("a", "The militia fired rockets. “The occupier will leave,” Omar Fulani said."),
//!     Article::new("b", "US forces were hit. Omar Fulani said “the occupier will leave”."),
//! ];
//! let extraction = Extractor::new().extract(articles.clone());
//! let comparison = compare(&extraction, &CompareOptions::default());
//! let framer = Framer::new();
//! let terms = framer.terms(&articles, &extraction);
//! let beside = ClusterTerms::new(framer.lexicon(), &terms, &comparison);
//! let cluster = comparison.clusters[0].id;
//! // "occupier" names foreign forces: b calls them "US forces" in its own
//! // words; a's "militia" names something else.
//! assert!(beside.get(cluster, "a").is_empty());
//! assert_eq!(beside.get(cluster, "b")[0].term, "US forces");
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Lexicon, TermCount, Voice};
use crate::compare::{Cluster, Comparison};

/// The narrator-voice terms of each article beside each statement it
/// renders; see the [module docs](self).
#[derive(Clone, Debug, Default)]
pub struct ClusterTerms {
    /// (cluster id, article id) → terms, in the order shown.
    terms: HashMap<(usize, String), Vec<TermCount>>,
}

impl ClusterTerms {
    /// The terms beside every member of `comparison`'s clusters, from the
    /// lexicon terms of the same articles (`terms`, as
    /// [`Framer::terms`](super::Framer::terms) or the framing report
    /// gives them, or [`Framer::narrator_terms`](super::Framer::narrator_terms)
    /// per article; only their narrator voice is used) and the `lexicon`
    /// they were counted with.
    pub fn new(lexicon: &Lexicon, terms: &[TermCount], comparison: &Comparison) -> ClusterTerms {
        // Referent → its place in the lexicon.
        let mut order: HashMap<&str, usize> = HashMap::new();
        for t in lexicon.terms() {
            let next = order.len();
            order.entry(t.referent.as_str()).or_insert(next);
        }
        let mut narrator: HashMap<&str, Vec<&TermCount>> = HashMap::new();
        for t in terms.iter().filter(|t| t.voice == Voice::Narrator) {
            narrator.entry(t.source.as_str()).or_default().push(t);
        }
        let mut out = ClusterTerms::default();
        for cluster in &comparison.clusters {
            // Only the articles with narrator terms can show any: the
            // members' text is searched for referents only when there is one
            // (issue #5: time; most clusters of a corpus that seldom uses the
            // lexicon's terms are skipped here).
            let sources: BTreeMap<&str, &[&TermCount]> = cluster
                .members
                .iter()
                .filter_map(|m| narrator.get(m.source).map(|t| (m.source, t.as_slice())))
                .collect();
            if sources.is_empty() {
                continue;
            }
            let referents = referents(lexicon, cluster);
            if referents.is_empty() {
                continue;
            }
            for (source, terms) in sources {
                let mut found: Vec<&TermCount> = terms
                    .iter()
                    .filter(|t| referents.contains(t.referent.as_str()))
                    .copied()
                    .collect();
                let place = |t: &TermCount| order.get(t.referent.as_str()).copied();
                // Stable: terms of one referent and count stay in lexicon order.
                found.sort_by(|a, b| place(a).cmp(&place(b)).then(b.count.cmp(&a.count)));
                if !found.is_empty() {
                    let found = found.into_iter().cloned().collect();
                    out.terms.insert((cluster.id, source.to_string()), found);
                }
            }
        }
        out
    }

    /// The terms article `source` uses in its own voice for what cluster
    /// `cluster` (its id) talks about; empty when there are none.
    pub fn get(&self, cluster: usize, source: &str) -> &[TermCount] {
        self.terms.get(&(cluster, source.to_string())).map_or(&[], Vec::as_slice)
    }
}

/// The referents of the lexicon terms in the wording of a cluster's
/// members.
fn referents<'l>(lexicon: &'l Lexicon, cluster: &Cluster) -> BTreeSet<&'l str> {
    cluster
        .members
        .iter()
        .flat_map(|m| lexicon.find(m.text))
        .map(|found| lexicon.terms()[found.term].referent.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::compare::{CompareOptions, compare};
    use crate::extract::Extractor;
    use crate::framing::Framer;

    /// Only the narrator voice, only the cluster's referents, by referent
    /// then most used.
    #[test]
    fn narrator_terms_of_the_clusters_referents() {
        let articles = vec![
            Article::new(
                "a",
                "The militia and the armed groups fought US forces. The armed groups \
                 lost. An onslaught began.\n\
                 “The resistance will drive out the occupier,” Omar Fulani said.",
            ),
            Article::new(
                "b",
                "Fulani's resistance groups struck.\n\
                 “The resistance will drive out the occupier,” Omar Fulani said. \
                 “The militia is ours,” he added.",
            ),
        ];
        let extraction = Extractor::new().extract(articles.clone());
        let comparison = compare(&extraction, &CompareOptions::default());
        let framer = Framer::new();
        let terms = framer.terms(&articles, &extraction);
        let beside = ClusterTerms::new(framer.lexicon(), &terms, &comparison);
        let cluster = comparison
            .clusters
            .iter()
            .find(|c| c.reference.contains("occupier"))
            .unwrap_or_else(|| panic!("{comparison:#?}"));
        let shown = |source| {
            beside
                .get(cluster.id, source)
                .iter()
                .map(|t| format!("{} {}", t.term, t.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(shown("a"), ["armed groups 2", "militia 1", "US forces 1"]);
        // b's "militia" is quoted, not its own word.
        assert_eq!(shown("b"), ["resistance groups 1"]);
        // "militia" in b's other quote names armed groups too; a does not
        // carry that statement.
        let other = comparison.clusters.iter().find(|c| c.reference.contains("ours")).unwrap();
        assert_eq!(beside.get(other.id, "b")[0].term, "resistance groups");
        assert!(beside.get(other.id, "a").is_empty());
    }
}
