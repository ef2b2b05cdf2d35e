//! Who is quoted, how often, and by which outlets: the speakers of an
//! [`Extraction`] with their quotes counted.
//!
//! ```
//! use quotelens::{Article, extract::Extractor, roster};
//!
//! let article = Article::new(
//!     "a1",
//!     "“We will rebuild,” Jane Doe said. “It will take a year,” she added.",
//! );
//! let extraction = Extractor::new().extract(vec![article]);
//! let entries = roster::roster(&extraction);
//! assert_eq!(entries[0].speaker.name, "Jane Doe");
//! assert_eq!(entries[0].quotes, 2);
//! assert_eq!(entries[0].outlets["a1"], 2);
//! assert_eq!(roster::quotes_by(&extraction, entries[0].id).count(), 2);
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::QuoteRecord;
use crate::extract::Extraction;
use crate::speaker::{Speaker, SpeakerId};

/// A speaker with the number of quotes given to them.
///
/// Serialized (JSON) as the [`Speaker`] fields `name`, `type`, `aliases`
/// and `roles`, then `quotes` (the total) and `outlets` (an object from
/// outlet name to that outlet's count, sorted by name). `id` is not
/// serialized: it only indexes the extraction it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    /// The speaker's index in [`Extraction::speakers`].
    #[serde(skip)]
    pub id: SpeakerId,
    /// Name, type, aliases and roles.
    #[serde(flatten)]
    pub speaker: Speaker,
    /// How many quotes are given to the speaker, in all outlets.
    pub quotes: usize,
    /// Quotes given to the speaker per outlet (outlet name, or article id
    /// when unknown), sorted by outlet.
    pub outlets: BTreeMap<String, usize>,
}

/// The speakers of `extraction` that have at least one quote, most quoted
/// first (ties by name, then by id).
pub fn roster(extraction: &Extraction) -> Vec<SpeakerQuotes> {
    let all = extraction.speakers.all();
    let mut counts: BTreeMap<SpeakerId, BTreeMap<String, usize>> = BTreeMap::new();
    for (record, id) in extraction.records.iter().zip(&extraction.speaker_ids) {
        if let Some(id) = id {
            *counts.entry(*id).or_default().entry(record.outlet.to_string()).or_default() += 1;
        }
    }
    let mut out: Vec<SpeakerQuotes> = counts
        .into_iter()
        .map(|(id, outlets)| SpeakerQuotes {
            id,
            speaker: all[id].clone(),
            quotes: outlets.values().sum(),
            outlets,
        })
        .collect();
    out.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.speaker.name.cmp(&b.speaker.name))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// The records of `extraction` given to speaker `id`, in extraction order
/// (article, then position in the article).
pub fn quotes_by(extraction: &Extraction, id: SpeakerId) -> impl Iterator<Item = &QuoteRecord> {
    extraction
        .records
        .iter()
        .zip(&extraction.speaker_ids)
        .filter(move |(_, s)| **s == Some(id))
        .map(|(r, _)| r)
}
