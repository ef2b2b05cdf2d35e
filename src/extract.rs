//! The extraction pipeline: find the quotes of each article, attribute
//! them, and merge the speakers across articles.
//!
//! ```
//! use quotelens::{Article, extract::Extractor};
//!
//! let article = Article::new(
//!     "a1",
//!     "Jane Doe, the mayor of Springfield, spoke on Monday.\n\
//!      “We will rebuild the bridge,” Doe said.\n\
//!      “It will take a year,” she added.",
//! );
//! let extraction = Extractor::new().extract(vec![article]);
//! let speakers: Vec<_> = extraction.records.iter().map(|r| r.speaker.as_deref()).collect();
//! assert_eq!(speakers, [Some("Jane Doe"), Some("Jane Doe")]);
//! ```

use std::sync::Arc;

use compact_str::CompactString;

use crate::attribute::{self, Attribution, CueUse};
use crate::boilerplate::{self, Boilerplate};
use crate::gazetteer::Gazetteer;
use crate::quote;
use crate::speaker::{SpeakerId, Speakers};
use crate::text;
use crate::{Article, QuoteRecord, Span};

/// Runs the pipeline over articles. Build once (with
/// [`Extractor::builder`] to set options), use for many articles.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Option<Gazetteer>,
    boilerplate: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        ExtractorBuilder::default().build()
    }
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    gazetteer: Option<Gazetteer>,
    boilerplate: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder { gazetteer: None, boilerplate: true }
    }
}

impl ExtractorBuilder {
    /// Whether to recognise boilerplate (share buttons, comment forms,
    /// captions, … see [`crate::boilerplate`]) and leave its lines out of
    /// quote finding and attribution. On by default. Offsets index the
    /// original text either way.
    pub fn boilerplate(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.boilerplate = yes;
        self
    }

    /// Adds a gazetteer of known speakers: their names are recognised
    /// wherever they appear and take the entry's canonical name, type and
    /// role (see [`crate::gazetteer`]).
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The extractor.
    pub fn build(&self) -> Extractor {
        Extractor { gazetteer: self.gazetteer.clone(), boilerplate: self.boilerplate }
    }
}

/// The quotes of one article, attributed, with speakers local to it.
#[derive(Clone, Debug)]
pub struct ArticleQuotes {
    /// The records, speaker names not yet filled in.
    pub records: Vec<QuoteRecord>,
    /// The article's cast, to merge into a [`Speakers`] registry.
    pub cast: crate::speaker::Cast,
    /// For each record, the entity of the cast that said it.
    pub entities: Vec<Option<usize>>,
    /// Reported speech in the narration.
    pub paraphrases: Vec<Paraphrase>,
    /// Cues with the entity of the cast each was used for.
    pub cues: Vec<CueUse>,
    /// The boilerplate left out (none when the option is off).
    pub boilerplate: Vec<Boilerplate>,
}

/// What extraction learnt about one article besides its quotes: how it
/// refers to its speakers and what it left out as boilerplate.
#[derive(Clone, Debug)]
pub struct ArticleInfo {
    /// Article id (shared with the article's records).
    pub source: Arc<str>,
    /// Outlet name, or the article id when unknown.
    pub outlet: Arc<str>,
    /// The article's entities, with the roles and titles this article
    /// gives them; empty in a [lean](Extraction::lean) extraction.
    pub cast: crate::speaker::Cast,
    /// For each entity of `cast`, the speaker it became in
    /// [`Extraction::speakers`]; empty in a lean extraction.
    pub speaker_ids: Vec<SpeakerId>,
    /// The cues of the narration with the entity each was used for; empty
    /// in a lean extraction.
    pub cues: Vec<CueUse>,
    /// The boilerplate left out of quote finding, sorted by offset.
    pub boilerplate: Vec<Boilerplate>,
}

/// A statement reported in the narrator's words, not quoted: "X said in a
/// statement that the calm is only a tactic". The compare step links these
/// to the quotes they paraphrase.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Paraphrase {
    /// Article id (shared with the article's records).
    pub source: Arc<str>,
    /// Outlet name, or the article id when unknown.
    pub outlet: Arc<str>,
    /// Offset of the paraphrase's first byte.
    pub start: usize,
    /// Offset one past its last byte.
    pub end: usize,
    /// The article's bytes at `start..end`.
    pub text: String,
    /// Canonical speaker name, filled in by [`Extractor::extract`]; shared
    /// like [`QuoteRecord::speaker`].
    pub speaker: Option<Arc<str>>,
    /// The entity in the article's cast.
    #[serde(skip)]
    pub entity: usize,
    /// The cue verb, inline when short.
    pub cue: CompactString,
}

/// Everything extracted from a corpus.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Every quote, in article order then text order.
    pub records: Vec<QuoteRecord>,
    /// For each record, its speaker in `speakers`.
    pub speaker_ids: Vec<Option<SpeakerId>>,
    /// The speakers, merged across articles.
    pub speakers: Speakers,
    /// Reported speech, with speakers.
    pub paraphrases: Vec<Paraphrase>,
    /// For each paraphrase, its speaker in `speakers`.
    pub paraphrase_speaker_ids: Vec<SpeakerId>,
    /// One entry per article, in input order.
    pub articles: Vec<ArticleInfo>,
    /// Whether [`Extraction::add`] leaves out each article's cast and cue
    /// uses ([`Extraction::lean`]).
    lean: bool,
}

impl Extractor {
    /// An extractor with the default rules and no gazetteer.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// A builder for an extractor with options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Finds and attributes the quotes of one article.
    pub fn article(&self, article: &Article) -> ArticleQuotes {
        let text = article.text.as_str();
        let mut paragraphs = text::paragraphs(text);
        // Quote finding splits the paragraphs that hold quotes into
        // sentences; attribution takes those instead of splitting again.
        let (mut quotes, mut sentences, marks) = quote::find_quotes_marked(text, &paragraphs);
        // Split into words once; each stage takes the words of its
        // lines and sentences from these.
        let words = text::words(text, Span::new(0, text.len()));
        let mut left_out = Vec::new();
        if self.boilerplate {
            left_out = boilerplate::find_boilerplate_in(
                text,
                &article.title,
                &paragraphs,
                &quotes,
                &words,
            );
            let kept = boilerplate::strip(text, &paragraphs, &left_out);
            // Quotes are found again only where stripping changed the
            // paragraphs (most articles have no whole lines of
            // boilerplate inside them).
            if kept != paragraphs {
                (quotes, sentences) = quote::find_quotes_again(
                    text,
                    &kept,
                    (&paragraphs, &quotes, &sentences, &marks),
                );
                paragraphs = kept;
            }
        }
        quote::repeat_names(text, &mut quotes);
        let attribute::Attributed { cast, quotes: attributions, reported, cues } =
            attribute::attribute_split(
                text,
                &paragraphs,
                &quotes,
                &words,
                &sentences,
                self.gazetteer.as_ref(),
            );
        // One copy of the id and outlet per article, shared by its records
        // and paraphrases (issue #5: memory).
        let source: Arc<str> = Arc::from(article.id.as_str());
        let outlet: Arc<str> = Arc::from(article.outlet_label());
        let mut entities = Vec::with_capacity(quotes.len());
        let records = quotes
            .iter()
            .zip(attributions)
            .map(|(q, a)| {
                let Attribution { entity, mention, cue, rule, confidence } = a;
                entities.push(entity);
                QuoteRecord {
                    source: source.clone(),
                    outlet: outlet.clone(),
                    start: q.span.start,
                    end: q.span.end,
                    text: text[q.span.range()].to_string(),
                    kind: q.kind,
                    depth: q.depth,
                    speaker: None,
                    speaker_type: entity.map(|e| cast.get(e).kind),
                    mention,
                    cue: cue.map(CompactString::from),
                    rule,
                    confidence,
                }
            })
            .collect();
        let reported = reported
            .into_iter()
            .map(|r| Paraphrase {
                source: source.clone(),
                outlet: outlet.clone(),
                start: r.span.start,
                end: r.span.end,
                text: text[r.span.range()].to_string(),
                speaker: None,
                entity: r.entity,
                cue: CompactString::from(r.cue),
            })
            .collect();
        ArticleQuotes {
            records,
            cast,
            entities,
            paraphrases: reported,
            cues,
            boilerplate: left_out,
        }
    }

    /// Extracts every article and merges speakers across them.
    ///
    /// The same as calling [`Extractor::article`] on each article and
    /// [`Extraction::add`] in order, then [`Extraction::finish`]; callers
    /// that extract articles on several threads (see
    /// [`crate::stream::map_ordered`]) do exactly that.
    pub fn extract(&self, articles: impl IntoIterator<Item = Article>) -> Extraction {
        let mut out = Extraction::default();
        for article in articles {
            let found = self.article(&article);
            out.add(&article, found);
        }
        out.finish();
        out
    }
}

impl Extraction {
    /// An empty extraction that, as articles are [added](Extraction::add),
    /// merges each article's cast into [`Extraction::speakers`] and then
    /// lets it go: every [`ArticleInfo`] has an empty `cast`, `speaker_ids`
    /// and `cues`. Records, paraphrases, speakers and boilerplate are the
    /// same as in a full one ([`Extraction::default`]).
    ///
    /// Only the framing report's [speaker labels](crate::framing::labels)
    /// read the casts and cue uses; every command but `quotelens framing`
    /// uses a lean extraction. They were some 20 of the 127 MB an
    /// extraction of 100,000 generated quotes held (issue #5: memory).
    pub fn lean() -> Extraction {
        Extraction { lean: true, ..Extraction::default() }
    }

    /// Adds one article's quotes, as [`Extractor::article`] found them,
    /// merging its speakers into [`Extraction::speakers`]. Articles must be
    /// added in corpus order: merging depends on it.
    pub fn add(&mut self, article: &Article, mut found: ArticleQuotes) {
        let out = self;
        // The cast is only read from now on: drop its name indexes.
        found.cast.compact();
        // The article's own id and outlet, shared with its records when it
        // has any.
        let (source, outlet) = match (found.records.first(), found.paraphrases.first()) {
            (Some(r), _) => (r.source.clone(), r.outlet.clone()),
            (None, Some(p)) => (p.source.clone(), p.outlet.clone()),
            (None, None) => (Arc::from(article.id.as_str()), Arc::from(article.outlet_label())),
        };
        // Held for the whole corpus: no spare capacity.
        found.cues.shrink_to_fit();
        found.boilerplate.shrink_to_fit();
        let ids = out.speakers.merge(&article.id, &found.cast);
        out.speaker_ids.extend(found.entities.iter().map(|e| e.map(|e| ids[e])));
        out.records.extend(found.records);
        out.paraphrase_speaker_ids.extend(found.paraphrases.iter().map(|p| ids[p.entity]));
        out.paraphrases.extend(found.paraphrases);
        let (cast, speaker_ids, cues) =
            if out.lean { Default::default() } else { (found.cast, ids, found.cues) };
        out.articles.push(ArticleInfo {
            source,
            outlet,
            cast,
            speaker_ids,
            cues,
            boilerplate: found.boilerplate,
        });
    }

    /// Fills in every record's and paraphrase's speaker with the canonical
    /// names, which are final only once every article is added.
    pub fn finish(&mut self) {
        let out = self;
        let all = out.speakers.all();
        // One shared copy of each name, made when first needed.
        let mut names: Vec<Option<Arc<str>>> = vec![None; all.len()];
        let mut name = |id: SpeakerId| {
            names[id].get_or_insert_with(|| Arc::from(all[id].name.as_str())).clone()
        };
        for (r, id) in out.records.iter_mut().zip(&out.speaker_ids) {
            if let Some(id) = *id {
                r.speaker = Some(name(id));
                r.speaker_type = Some(all[id].kind);
            }
        }
        for (p, id) in out.paraphrases.iter_mut().zip(&out.paraphrase_speaker_ids) {
            p.speaker = Some(name(*id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SpeakerType;

    fn speakers(extractor: &Extractor, text: &str) -> Vec<(Option<String>, Option<SpeakerType>)> {
        let ex = extractor.extract(vec![Article::new("t", text)]);
        ex.records
            .into_iter()
            .map(|r| (r.speaker.as_deref().map(String::from), r.speaker_type))
            .collect()
    }

    #[test]
    fn a_gazetteer_adds_and_overrides() {
        let csv = "canonical,aliases,type,role\n\
                   Omar al-Fulani,Abu Omar,person,commander of the Northland Front\n\
                   Acme,,organisation,\n";
        let (g, errors) = Gazetteer::from_reader("g.csv", csv.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let text = "“We are ready,” Abu Omar said.\n“Talks failed,” said Acme.";
        let plain = speakers(&Extractor::new(), text);
        assert_eq!(
            plain,
            [
                (Some("Abu Omar".into()), Some(SpeakerType::Person)),
                (Some("Acme".into()), Some(SpeakerType::Person)),
            ]
        );
        let extractor = Extractor::builder().gazetteer(g).build();
        let ex = extractor.extract(vec![Article::new("t", text)]);
        let got: Vec<_> = ex.records.iter().map(|r| (r.speaker.clone(), r.speaker_type)).collect();
        assert_eq!(
            got,
            [
                (Some("Omar al-Fulani".into()), Some(SpeakerType::Person)),
                (Some("Acme".into()), Some(SpeakerType::Organisation)),
            ]
        );
        let omar = &ex.speakers.all()[ex.speaker_ids[0].unwrap()];
        assert_eq!(omar.roles, ["commander of the Northland Front"]);
        assert!(omar.aliases.contains(&"Abu Omar".to_string()));
    }

    #[test]
    fn boilerplate_is_left_out_unless_asked_for() {
        let text = "Jane Doe, the mayor, spoke on Monday.\n\
                    “We will rebuild,” Doe said.\n\
                    [gallery id=\"31272\"]\n\
                    Leave a Reply";
        let on = Extractor::new().extract(vec![Article::new("t", text)]);
        let texts: Vec<&str> = on.records.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["We will rebuild,"]);
        let kinds: Vec<_> = on.articles[0].boilerplate.iter().map(|b| b.kind.as_str()).collect();
        assert_eq!(kinds, ["markup", "comments"]);
        let off =
            Extractor::builder().boilerplate(false).build().extract(vec![Article::new("t", text)]);
        let texts: Vec<&str> = off.records.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["We will rebuild,", "31272"]);
        assert!(off.articles[0].boilerplate.is_empty());
        // Offsets index the original text either way.
        for r in on.records.iter().chain(&off.records) {
            assert_eq!(&text[r.start..r.end], r.text);
        }
    }

    #[test]
    fn cue_uses_name_the_verb_and_the_words_for_each_speaker() {
        let text = "The leader of an armed group has said the calm is a “temporary tactic”.\n\
                    Omar Fulani, head of the group, said in a statement that the calm would end.\n\
                    The cleric noted that talks had failed. According to Fulani, “the storm is near.”";
        let ex = Extractor::new().extract(vec![Article::new("t", text)]);
        let info = &ex.articles[0];
        let uses: Vec<(&str, &str, bool, &str)> = info
            .cues
            .iter()
            .map(|c| {
                let name = ex.speakers.all()[info.speaker_ids[c.entity]].name.as_str();
                (name, &text[c.cue.range()], c.description, &text[c.mention.range()])
            })
            .collect();
        assert_eq!(
            uses,
            [
                ("Omar Fulani", "said", true, "The leader of an armed group"),
                ("Omar Fulani", "said", false, "Omar Fulani"),
                ("Omar Fulani", "noted", true, "The cleric"),
                ("Omar Fulani", "According to", false, "Fulani"),
            ]
        );
    }
}
