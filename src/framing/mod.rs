//! Framing: the words each outlet chooses in its own voice, how it labels
//! each speaker, and what sets it apart from the other outlets.
//!
//! A [`Framer`] (built once, with a [`Lexicon`] and
//! [discovery settings](DiscoverySettings)) turns articles and their
//! [`Extraction`] into a [`FramingReport`] with these sections:
//!
//! | section | what it holds | module |
//! |---|---|---|
//! | `articles` | per article: bytes, boilerplate left out (bytes, share, by kind), narrator and quoted words ([`ArticleSummary`]) | [`crate::boilerplate`], [`voice`] |
//! | `terms` | per article, lexicon term, voice and speaker: count and rate per 1,000 narrator words ([`TermCount`]) | [`lexicon`], [`voice`] |
//! | `labels` | per speaker and article: the descriptions and cue verbs used for them ([`SpeakerLabel`]) | [`labels`] |
//! | `discovered` | per outlet: the phrases most distinctive of its narrator voice, with weighted log-odds and z ([`Distinctive`]) | [`discover`] |
//! | `substitutions` | per outlet pair: words swapped in aligned wordings ([`Substitution`]), added from a [comparison](crate::compare) with [`FramingReport::add_substitutions`] | [`substitutions`] |
//!
//! [`cluster_terms`] sets an outlet's own terms beside each statement it
//! quotes, for the compare CSV.
//!
//! **Voice** decides whose framing a term is: inside a speech quote it is
//! the speaker's, elsewhere the outlet's, and boilerplate is nobody's
//! (see [`voice`]).
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, extract::Extractor, framing::{Framer, Voice}};
//!
//! let articles = vec![
//!     Article::new("a", "The militia attacked a base. “The occupier will leave,” Omar Fulani said."),
//!     Article::new("b", "The resistance attacked a base, Omar Fulani said."),
//! ];
//! let extraction = Extractor::new().extract(articles.clone());
//! let report = Framer::new().report(&articles, &extraction);
//! let terms: Vec<(&str, &str, Voice, Option<&str>)> = report
//!     .terms
//!     .iter()
//!     .map(|t| (t.source.as_str(), t.term.as_str(), t.voice, t.speaker.as_deref()))
//!     .collect();
//! assert_eq!(
//!     terms,
//!     [
//!         ("a", "militia", Voice::Narrator, None),
//!         ("a", "occupier", Voice::Quoted, Some("Omar Fulani")),
//!         ("b", "resistance", Voice::Narrator, None),
//!     ]
//! );
//! ```

pub mod cluster_terms;
pub mod discover;
pub mod labels;
pub mod lexicon;
pub mod substitutions;
pub mod voice;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

pub use discover::{DiscoverySettings, Distinctive};
pub use labels::{LabelKind, SpeakerLabel};
pub use lexicon::{Lexicon, Term, TermMatch};
pub use substitutions::{Substitution, SubstitutionDiff};
pub use voice::{ArticleVoices, Voice};

use crate::extract::{ArticleQuotes, Extraction};
use crate::{Article, QuoteRecord, boilerplate, text};

/// Builds framing reports. Build once (with [`Framer::builder`] to set the
/// lexicon or discovery settings), use for many corpora.
#[derive(Clone, Debug)]
pub struct Framer {
    lexicon: Lexicon,
    discovery: DiscoverySettings,
}

/// Options for a [`Framer`].
#[derive(Clone, Debug, Default)]
pub struct FramerBuilder {
    lexicon: Option<Lexicon>,
    discovery: DiscoverySettings,
}

impl FramerBuilder {
    /// Uses `lexicon` instead of the bundled one ([`Lexicon::bundled`]).
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut FramerBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Sets the discovery settings (phrases per outlet, minimum count,
    /// prior weight).
    pub fn discovery(&mut self, settings: DiscoverySettings) -> &mut FramerBuilder {
        self.discovery = settings;
        self
    }

    /// The framer.
    pub fn build(&self) -> Framer {
        Framer {
            lexicon: self.lexicon.clone().unwrap_or_else(Lexicon::bundled),
            discovery: self.discovery,
        }
    }
}

impl Default for Framer {
    fn default() -> Framer {
        FramerBuilder::default().build()
    }
}

/// One article's size, boilerplate and voices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Article id.
    pub source: String,
    /// Outlet name, or the article id when unknown.
    pub outlet: String,
    /// Length of the article in bytes.
    pub bytes: usize,
    /// Bytes of boilerplate left out: the recognised lines themselves,
    /// not the line breaks between them.
    pub boilerplate_bytes: usize,
    /// `boilerplate_bytes / bytes`, 0 to 1, rounded to four decimals.
    pub boilerplate_share: f64,
    /// Bytes left out per kind of boilerplate (`share`, `comments`, …).
    pub boilerplate: BTreeMap<String, usize>,
    /// Words in the narrator voice: the denominator of `per_1k`.
    pub narrator_words: usize,
    /// Words inside speech quotes.
    pub quoted_words: usize,
}

/// How often one article uses one lexicon term in one voice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermCount {
    /// Article id.
    pub source: String,
    /// Outlet name, or the article id when unknown.
    pub outlet: String,
    /// The term, as the lexicon writes it.
    pub term: String,
    /// What it names; terms with the same referent are alternatives.
    pub referent: String,
    /// The term's category.
    pub category: String,
    /// Narrator (the outlet's words) or quoted (a speaker's).
    pub voice: Voice,
    /// For quoted voice, the speaker (`None`: a quote nobody is credited
    /// with); always `None` for narrator voice.
    pub speaker: Option<String>,
    /// Occurrences.
    pub count: usize,
    /// Occurrences per 1,000 narrator words of the article (for both
    /// voices, so that rows of one article compare), rounded to two
    /// decimals; 0 when the article has no narrator words.
    pub per_1k: f64,
}

/// A framing report; see the [module docs](self) for the sections.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FramingReport {
    /// One summary per article, in input order.
    pub articles: Vec<ArticleSummary>,
    /// Lexicon terms by article (input order), voice (narrator first),
    /// speaker, then lexicon order.
    pub terms: Vec<TermCount>,
    /// Speaker labels, by speaker, article, kind, most used.
    pub labels: Vec<SpeakerLabel>,
    /// Distinctive phrases, by outlet (first seen first), highest z first.
    pub discovered: Vec<Distinctive>,
    /// Substitutions between outlets; empty unless added with
    /// [`FramingReport::add_substitutions`] (as `quotelens framing` does,
    /// from [`substitutions::mine`]).
    pub substitutions: Vec<Substitution>,
}

impl FramingReport {
    /// Adds the substitutions the compare step found, tallied per outlet
    /// pair (see [`substitutions`]).
    pub fn add_substitutions<'a>(&mut self, diffs: impl IntoIterator<Item = SubstitutionDiff<'a>>) {
        self.substitutions = substitutions::tally(diffs);
    }
}

impl Framer {
    /// A framer with the bundled lexicon and default discovery settings.
    pub fn new() -> Framer {
        Framer::default()
    }

    /// A builder for a framer with options.
    pub fn builder() -> FramerBuilder {
        FramerBuilder::default()
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The framing report of `articles`, whose quotes, speakers and
    /// boilerplate are in `extraction` (from
    /// [`Extractor::extract`](crate::extract::Extractor::extract) over
    /// the same articles). Articles of the extraction that are not in
    /// `articles` are skipped.
    pub fn report(&self, articles: &[Article], extraction: &Extraction) -> FramingReport {
        let mut report = FramingReport::default();
        // Each article on its own, on every core, in order (issue #5).
        let each: Vec<_> = divide(articles, extraction)
            .par_iter()
            .map(|&(article, info, ref records)| {
                let text = article.text.as_str();
                let voices = ArticleVoices::new(text, records, &info.boilerplate);
                let narrator = discover::NarratorText {
                    outlet: &info.outlet,
                    text,
                    spans: voices.narrator_spans(text),
                };
                let terms = self.article_terms(article, &info.outlet, &voices, None);
                (summary(article, info, &voices), terms, narrator)
            })
            .collect();
        let mut narrator = Vec::with_capacity(each.len());
        for (summary, terms, text) in each {
            report.articles.push(summary);
            report.terms.extend(terms);
            narrator.push(text);
        }
        report.labels = labels::speaker_labels(articles, extraction);
        report.discovered = discover::distinctive(
            &narrator,
            &self.never_names(),
            &outlet_words(extraction),
            self.discovery,
        );
        for d in &mut report.discovered {
            d.log_odds = round(d.log_odds, 3);
            d.z = round(d.z, 3);
        }
        report
    }

    /// The lexicon's words that discovery never takes for names: one-word
    /// terms and variants, and the lower-case words of longer ones.
    fn never_names(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        for form in self.lexicon.terms().iter().flat_map(Term::forms) {
            let words: Vec<&str> = form.split(text::is_space).filter(|w| !w.is_empty()).collect();
            for w in &words {
                if words.len() == 1 || w.starts_with(char::is_lowercase) {
                    out.insert(text::fold(w));
                }
            }
        }
        out
    }

    /// The `terms` section of [`Framer::report`] alone: the lexicon terms
    /// of every article, by voice and speaker, without the work the other
    /// sections need (the compare step uses it to show each outlet's own
    /// terms beside its quotes).
    pub fn terms(&self, articles: &[Article], extraction: &Extraction) -> Vec<TermCount> {
        let each: Vec<Vec<TermCount>> = divide(articles, extraction)
            .par_iter()
            .map(|&(article, info, ref records)| {
                let voices = ArticleVoices::new(&article.text, records, &info.boilerplate);
                self.article_terms(article, &info.outlet, &voices, None)
            })
            .collect();
        each.into_iter().flatten().collect()
    }

    /// The narrator-voice rows of [`Framer::terms`] for one article,
    /// counted from the article and its quotes as
    /// [`Extractor::article`](crate::extract::Extractor::article) found
    /// them, before they join an [`Extraction`].
    ///
    /// The narrator voice needs only the article's text, its quote spans
    /// and its boilerplate, not the speakers' canonical names, so this
    /// runs beside extraction, on the thread that extracted the article,
    /// and the text need not be kept for later: `quotelens compare` counts
    /// the terms it sets beside each statement
    /// ([`ClusterTerms`](cluster_terms::ClusterTerms) uses only the
    /// narrator voice) this way on all cores. The rows, in lexicon order,
    /// are exactly the narrator rows [`Framer::terms`] gives for the same
    /// article.
    ///
    /// ```
    /// use quotelens::{Article, extract::Extractor, framing::Framer};
    ///
    /// let article =
    ///     Article::new("a", "The militia attacked. “The occupier will leave,” the minister said.");
    /// let found = Extractor::new().article(&article);
    /// let terms = Framer::new().narrator_terms(&article, &found);
    /// let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    /// assert_eq!(names, ["militia"]);
    /// ```
    pub fn narrator_terms(&self, article: &Article, found: &ArticleQuotes) -> Vec<TermCount> {
        let records: Vec<&QuoteRecord> = found.records.iter().collect();
        let voices = ArticleVoices::new(&article.text, &records, &found.boilerplate);
        self.article_terms(article, article.outlet_label(), &voices, Some(Voice::Narrator))
    }

    /// The lexicon terms of one article, by voice and speaker; only those
    /// in voice `only` when it is given.
    fn article_terms(
        &self,
        article: &Article,
        outlet: &str,
        voices: &ArticleVoices,
        only: Option<Voice>,
    ) -> Vec<TermCount> {
        // (voice, speaker, term index) → count.
        let mut counts: BTreeMap<(Voice, Option<&str>, usize), usize> = BTreeMap::new();
        for m in self.lexicon.find(&article.text) {
            if let Some((voice, speaker)) = voices.voice_of(m.span) {
                if only.is_none_or(|v| v == voice) {
                    *counts.entry((voice, speaker, m.term)).or_default() += 1;
                }
            }
        }
        let words = voices.narrator_words;
        counts
            .into_iter()
            .map(|((voice, speaker, t), count)| {
                let term = &self.lexicon.terms()[t];
                TermCount {
                    source: article.id.clone(),
                    outlet: outlet.to_string(),
                    term: term.term.clone(),
                    referent: term.referent.clone(),
                    category: term.category.clone(),
                    voice,
                    speaker: speaker.map(String::from),
                    count,
                    per_1k: if words == 0 {
                        0.0
                    } else {
                        round(count as f64 * 1000.0 / words as f64, 2)
                    },
                }
            })
            .collect()
    }
}

/// Each article of `extraction` found in `articles`, in extraction order,
/// with its [`ArticleInfo`](crate::extract::ArticleInfo) and its
/// records, which [`ArticleVoices::new`] divides by voice.
fn divide<'a>(
    articles: &'a [Article],
    extraction: &'a Extraction,
) -> Vec<(&'a Article, &'a crate::extract::ArticleInfo, Vec<&'a QuoteRecord>)> {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut records: HashMap<&str, Vec<&QuoteRecord>> = HashMap::new();
    for r in &extraction.records {
        records.entry(&*r.source).or_default().push(r);
    }
    extraction
        .articles
        .iter()
        .filter_map(|info| {
            let article = *by_id.get(&*info.source)?;
            Some((article, info, records.remove(&*info.source).unwrap_or_default()))
        })
        .collect()
}

/// The folded words of the outlets' names: discovery takes them for names.
fn outlet_words(extraction: &Extraction) -> HashSet<String> {
    extraction
        .articles
        .iter()
        .filter(|info| info.outlet != info.source)
        .flat_map(|info| {
            text::words(&info.outlet, crate::Span::new(0, info.outlet.len()))
                .into_iter()
                .map(|w| text::fold(w.as_str(&info.outlet)))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn summary(
    article: &Article,
    info: &crate::extract::ArticleInfo,
    voices: &ArticleVoices,
) -> ArticleSummary {
    let bytes = article.text.len();
    let dropped = boilerplate::dropped_bytes(&info.boilerplate);
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for b in &info.boilerplate {
        *by_kind.entry(b.kind.as_str().to_string()).or_default() += b.span.len();
    }
    ArticleSummary {
        source: article.id.clone(),
        outlet: info.outlet.to_string(),
        bytes,
        boilerplate_bytes: dropped,
        boilerplate_share: if bytes == 0 { 0.0 } else { round(dropped as f64 / bytes as f64, 4) },
        boilerplate: by_kind,
        narrator_words: voices.narrator_words,
        quoted_words: voices.quoted_words,
    }
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    /// Counting one article's narrator terms beside its extraction gives
    /// the narrator rows of `terms` over the whole corpus, in the same
    /// order: quotes (nested, unattributed, not speech) and boilerplate
    /// are left out alike.
    #[test]
    fn narrator_terms_per_article_equal_the_narrator_rows_of_terms() {
        let articles = vec![
            Article::new(
                "a",
                "The militia and the armed groups fought US forces. An onslaught began.\n\
                 “The resistance will drive out the occupier,” Jane Roe said.\n\
                 “Nobody speaks of the militia here,” she added.\n\
                 Share on Facebook",
            ),
            Article::new(
                "b",
                "Resistance groups struck the so-called “occupier” at dawn.\n\
                 “They said ‘the aggression must end’,” a spokesman said of the militia.",
            ),
            Article::new("c", "Nothing of note happened."),
            Article::new(
                "d",
                "“The occupier attacked the militia,” someone wrote. The aggression went on.",
            ),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            a.outlet = ["Outlet One", "", "Outlet One", "Outlet Two"][i].to_string();
            a
        })
        .collect::<Vec<_>>();
        let extractor = Extractor::new();
        let framer = Framer::new();
        let extraction = extractor.extract(articles.clone());
        let want: Vec<TermCount> = framer
            .terms(&articles, &extraction)
            .into_iter()
            .filter(|t| t.voice == Voice::Narrator)
            .collect();
        let got: Vec<TermCount> =
            articles.iter().flat_map(|a| framer.narrator_terms(a, &extractor.article(a))).collect();
        assert!(want.len() >= 6, "{want:#?}");
        assert_eq!(got, want);
        let b: Vec<&str> =
            got.iter().filter(|t| t.source == "b").map(|t| t.outlet.as_str()).collect();
        assert!(!b.is_empty() && b.iter().all(|o| *o == "b"));
    }
}
