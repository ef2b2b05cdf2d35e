//! The quote record: one quoted span with its speaker, as every command
//! reports it.
//!
//! # Format
//!
//! Serialized with serde, a record has these fields (JSON shown; the CSV
//! writer flattens `mention` into `mention`, `mention_start`,
//! `mention_end`):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `source` | string | article id |
//! | `outlet` | string | outlet name, or the article id when unknown |
//! | `start`, `end` | integer | half-open byte offsets of the quoted text, without its marks, into the article as read |
//! | `text` | string | the article's bytes at `start..end` |
//! | `kind` | string | `full`, `partial` or `nonspeech` ([`QuoteKind`]) |
//! | `depth` | integer | 0 for a top-level quote, 1 for a quote inside a quote, ... |
//! | `speaker` | string or null | canonical name of the speaker |
//! | `speaker_type` | string or null | `person`, `organisation` or `unnamed_source` ([`SpeakerType`]) |
//! | `mention` | object or null | `{"text", "start", "end"}`: the speaker as written where the rule found it |
//! | `cue` | string or null | the speech verb or phrase (`said`, `according to`, `the statement said`) |
//! | `rule` | string | the attribution rule that decided ([`Rule`]) |
//! | `confidence` | number | 0 to 1: how sure the rule is of the speaker (see [`Rule`]) |

use std::sync::Arc;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::Span;

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A sentence or more in the speaker's words, standing on its own:
    /// `He said: “We will not give up the fight.”`
    Full,
    /// A fragment woven into the narrator's sentence:
    /// `calm is a “temporary pause”`.
    Partial,
    /// Quoted text that is not speech: a nickname (`Robert "Bobby" Smith`),
    /// markup left by a scraper (`[gallery id="1234"]`), a title or name
    /// in scare quotes. Never has a speaker.
    #[serde(rename = "nonspeech")]
    NonSpeech,
}

impl QuoteKind {
    /// Whether the quote is someone's words (full or partial).
    pub fn is_speech(self) -> bool {
        !matches!(self, QuoteKind::NonSpeech)
    }

    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::NonSpeech => "nonspeech",
        }
    }
}

/// What kind of speaker a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerType {
    /// A named person.
    Person,
    /// An organisation, office, government or statement-issuing body.
    Organisation,
    /// A source the article does not name ("an unnamed source in ...").
    UnnamedSource,
}

impl SpeakerType {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::UnnamedSource => "unnamed_source",
        }
    }
}

/// The speaker as written in the article where the deciding rule found
/// it: a name, a pronoun, a description or "the statement".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as printed; a name or a pronoun is short, so it is kept
    /// inline, without an allocation of its own (issue #5: memory).
    pub text: CompactString,
    /// Byte offset of the first byte, into the article as read.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Mention {
    /// The mention's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The attribution rule that decided a quote's speaker, with the
/// confidence each rule gives.
///
/// Confidences are fixed per rule and evidence, not learned: they order
/// attributions by how direct the textual evidence is. A name at the cue
/// is surer than a pronoun, a pronoun surer than a description, and an
/// inherited or in-focus speaker least sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A cue right after the quote: `“…,” Doe stressed.`,
    /// `“…,” said Fulani.`, `“…,” he noted.`, `“…,” the statement said.`
    TrailingCue,
    /// A cue before the quote in the same sentence: `Fulani said that the
    /// group “is …”`, `X said in a statement …, stressing, “…”`.
    LeadingCue,
    /// A lead-in ending in a colon: `He said: “…”`, possibly in the
    /// sentence before.
    ColonLeadIn,
    /// `according to X, “…”` or `“…”, according to X.`
    AccordingTo,
    /// `X quoted Y as saying “…”`: Y is the speaker.
    QuotedAsSaying,
    /// The quote follows another quote with nothing but space or
    /// punctuation between them and inherits its speaker.
    Continuation,
    /// No cue: the quote stands in a paragraph of its own and is given to
    /// the speaker in focus, with low confidence.
    Focus,
    /// A quote inside a quote whose outer quote says who spoke it, by a
    /// cue right before it: `“He told me, ‘…’,” she said.` (`he` is the
    /// person in focus who is not the outer speaker; `I` is the outer
    /// speaker).
    NestedCue,
    /// A quote inside a quote that nothing in its outer quote attributes:
    /// the outer speaker is quoting someone, so no speaker is guessed.
    Nested,
    /// Not speech ([`QuoteKind::NonSpeech`]): no speaker by design.
    NotSpeech,
    /// Speech with no evidence of who said it.
    Unattributed,
}

impl Rule {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::TrailingCue => "trailing-cue",
            Rule::LeadingCue => "leading-cue",
            Rule::ColonLeadIn => "colon-lead-in",
            Rule::AccordingTo => "according-to",
            Rule::QuotedAsSaying => "quoted-as-saying",
            Rule::Continuation => "continuation",
            Rule::Focus => "focus",
            Rule::NestedCue => "nested-cue",
            Rule::Nested => "nested",
            Rule::NotSpeech => "not-speech",
            Rule::Unattributed => "unattributed",
        }
    }
}

/// One quoted span with its attribution: the unit every command reports.
///
/// See the [module docs](self) for the serialized shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Article id, shared by the article's records (issue #5: memory).
    pub source: Arc<str>,
    /// Outlet name, or the article id when the outlet is unknown; shared
    /// like `source`.
    pub outlet: Arc<str>,
    /// Offset of the first byte of the quoted text (after the opening mark).
    pub start: usize,
    /// Offset one past the last byte of the quoted text (before the
    /// closing mark).
    pub end: usize,
    /// The article's bytes at `start..end`.
    pub text: String,
    /// Full, partial or not speech.
    pub kind: QuoteKind,
    /// Nesting depth: 0 for a top-level quote.
    pub depth: u8,
    /// Canonical speaker name, or `None`: one copy per speaker, shared by
    /// every record and paraphrase of the
    /// [`Extraction`](crate::extract::Extraction) (issue #5: memory).
    pub speaker: Option<Arc<str>>,
    /// Person, organisation or unnamed source, when there is a speaker.
    pub speaker_type: Option<SpeakerType>,
    /// The speaker as written where the rule found it.
    pub mention: Option<Mention>,
    /// The speech verb or phrase the rule used, inline when short (most
    /// are: `said`, `he added`).
    pub cue: Option<CompactString>,
    /// The rule that decided.
    pub rule: Rule,
    /// 0 to 1: how sure the rule is of the speaker; 0 when there is none.
    pub confidence: f64,
}

impl QuoteRecord {
    /// The quoted text's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// A record of `text` at offset `start` of article `source` (its own
    /// outlet), of `kind`, with no speaker: what the unit tests build
    /// their records from, changing the fields they need.
    #[cfg(test)]
    pub(crate) fn unattributed(source: &str, start: usize, text: &str, kind: QuoteKind) -> Self {
        QuoteRecord {
            source: source.into(),
            outlet: source.into(),
            start,
            end: start + text.len(),
            text: text.into(),
            kind,
            depth: 0,
            speaker: None,
            speaker_type: None,
            mention: None,
            cue: None,
            rule: Rule::Unattributed,
            confidence: 0.0,
        }
    }
}
