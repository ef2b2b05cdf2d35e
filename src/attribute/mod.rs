//! Attribution: who said each quote.
//!
//! [`attribute`] reads an article sentence by sentence, in order, the way
//! a reader does. It keeps a *focus*: the person (and, separately, the
//! organisation) the narration is about, set by the subject of each
//! sentence and by each attributed quote, never by a name that only
//! appears after a preposition, in an apposition or inside a quote. The
//! rules, tried in this order for each top-level quote that is speech:
//!
//! 1. [`Rule::TrailingCue`]: a cue right after the quote, `“…,” Doe
//!    stressed.`, `“…,” said Fulani.`, `“…,” he noted.`, `“…,” the
//!    statement said.`
//! 2. [`Rule::LeadingCue`]: the nearest cue before the quote in its
//!    sentence and that cue's subject: the mention just before the verb,
//!    or before an apposition (`Jane Doe, military spokesperson for
//!    …, has said …`); a participle (`…, stressing that “…”`) takes the
//!    subject of the clause it hangs from. [`Rule::QuotedAsSaying`] and
//!    [`Rule::ColonLeadIn`] are its variants.
//! 3. [`Rule::AccordingTo`]: `according to X` before or after the quote.
//! 4. A trailing reporting verb (`…, the agency reported`) only when nothing
//!    above applies.
//! 5. [`Rule::ColonLeadIn`]: the sentence before ends with a colon; or,
//!    in the quote's own sentence, a colon after a label with no verb
//!    (`PM: ‘…’`) or after a copula whose subject is someone (`the
//!    defender was brief: “…”`), both at 0.7.
//! 6. [`Rule::Continuation`]: a quote with only space or punctuation
//!    between it and the previous (or next) attributed quote.
//! 7. [`Rule::Focus`]: the speaker in focus, with low confidence; not for
//!    a fragment inside narration whose sentence has no cue at all (a
//!    term or a scare quote far more often than anyone's words).
//!
//! A quote that opens its paragraph also takes the name that starts the
//! next sentence with a cue (`“….” Ms. Doe said the envelopes …`). A
//! partial quote with no cue before it takes a cue that ends its sentence
//! after a comma (`The plan was “a disaster” for the town, deputies said
//! on Tuesday.`), as a trailing cue at 0.9.
//!
//! A quote inside a speech quote ([`Rule::NestedCue`]) is given the
//! speaker that a cue right before it in the outer quote names: `I` is the
//! outer speaker, `he` or `she` the person in focus who is not, a name or
//! role a member of the cast (`“He told me, ‘…’,” she says.`); with no
//! such cue it has no speaker ([`Rule::Nested`]).
//!
//! Mentions resolve to entities: names by alias ([`Cast::link_name`]);
//! `he`/`she` to the person in focus, unless an honorific or title gave
//! that person the other gender (`Mr.`, `Ms.`, `Dame`), or a `he` or `she`
//! that opened the sentence right after one about that person alone did
//! (`Jane Doe is in the wheelhouse. She is 71.`), then to the person last
//! in focus of the pronoun's gender; `it` to the organisation
//! in focus;
//! descriptions (`the PM`, `the cleric`) to the one person whose role
//! matches, else to the person in focus, else (in an article's lead, before
//! anyone is named) to the first person who speaks later; a description
//! owned by a possessive pronoun (`his lawyer`, `her family`) to someone
//! of the one in focus, never that one; `the statement` to whoever was
//! last said to make a statement; `the source` and `one of them` to the
//! last unnamed source or group of people introduced (`the authors`).
//!
//! # Confidence
//!
//! Each rule has a base confidence (trailing cue 0.95, leading cue 0.9,
//! according to 0.9, quoted as saying 0.9, colon lead-in 0.85, a
//! trailing reporting verb 0.6, focus 0.45 for a full quote and 0.35 for a
//! partial one; a continuation takes 0.9 of the quote it continues),
//! multiplied by how directly the mention names the speaker: a name 1.0, an
//! unnamed source 1.0, a pronoun 0.9 (0.85 when its gender passed over the
//! focus), a document resolved to its issuer
//! 0.9, a description matched by role 0.85, a description or document
//! given to the speaker in focus 0.65, a lead description given to the
//! first later speaker 0.6, a single capitalized word that no fuller name
//! explains 0.8. A cue reached through an apposition or participle costs
//! a further 0.95. A quote inside a quote takes 0.8 when the outer quote
//! says `I`, 0.85 for a name, 0.7 for a role and 0.6 for `he` or `she`.
//!
//! # Layout
//!
//! The reading is split by what each part holds. `reader` is the
//! per-article driver: it walks paragraphs and sentences with the quotes,
//! keeps the focus and records reported speech and cue uses. `gender`
//! holds the genders the text gave persons, for `he` and `she`. `clause`
//! reads a stretch of narration into words, mentions and cues, and finds
//! a cue's subject. `referent` resolves a mention to an entity of the
//! [`Cast`] and records roles from appositions. `rules` tries the rules
//! above for one quote, and gives continuations their speaker; `nested`
//! gives quotes inside quotes theirs.

use crate::gazetteer::Gazetteer;
use crate::quote::Quote;
use crate::speaker::{Cast, EntityId};
use crate::text::{self, Word};
use crate::{Mention, Rule, Span};

mod clause;
mod gender;
mod nested;
mod reader;
mod referent;
mod rules;

pub use reader::attribute_split;

/// The attribution of one quote, before entities become corpus speakers.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The entity in the article's [`Cast`], or `None`.
    pub entity: Option<EntityId>,
    /// The speaker as written where the rule found it.
    pub mention: Option<Mention>,
    /// The cue verb or phrase.
    pub cue: Option<String>,
    /// The rule that decided.
    pub rule: Rule,
    /// 0 to 1; see the [module docs](self).
    pub confidence: f64,
}

impl Attribution {
    fn none(rule: Rule) -> Attribution {
        Attribution { entity: None, mention: None, cue: None, rule, confidence: 0.0 }
    }

    /// Whether a cue (not focus or continuation) decided.
    fn is_cued(&self) -> bool {
        self.entity.is_some()
            && !matches!(self.rule, Rule::Focus | Rule::Continuation | Rule::Unattributed)
    }
}

/// Reported speech: what a cue's subject said in the narrator's words
/// ("X said in a statement that the calm is only a tactic"), the span
/// after "that" up to the end of the clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    /// The paraphrased content, in the article as read.
    pub span: Span,
    /// Who said it.
    pub entity: EntityId,
    /// The cue verb.
    pub cue: String,
}

/// A cue in the narration with the speaker it was given to: which verb
/// (`said`, `claimed`, `according to`) an article uses for whom, and the
/// words it refers to them by there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueUse {
    /// The speaker.
    pub entity: EntityId,
    /// The cue's words (`stressed`, `pointed out`, `According to`).
    pub cue: Span,
    /// The cue's subject as written: a name, a pronoun, a description.
    pub mention: Span,
    /// Whether the subject is a description of a person or body (`the
    /// cleric`, `The leader of an armed group`) rather than a name,
    /// pronoun, document or unnamed source.
    pub description: bool,
}

/// An article's attributions.
#[derive(Clone, Debug, Default)]
pub struct Attributed {
    /// The entities the article mentions.
    pub cast: Cast,
    /// One attribution per quote, in the quotes' order.
    pub quotes: Vec<Attribution>,
    /// Reported speech found in the narration, in text order.
    pub reported: Vec<Reported>,
    /// Every cue whose subject resolved to an entity, and `according to`
    /// with its source, in text order.
    pub cues: Vec<CueUse>,
}

/// Attributes the `quotes` of `text` (as found by
/// [`crate::quote::find_quotes_in`] over `paragraphs`).
///
/// Returns the article's cast, one attribution per quote in the same
/// order, and the reported speech of the narration. Nested and non-speech
/// quotes get no speaker.
///
/// Names in the optional `gazetteer` are recognised wherever they appear
/// and take the entry's canonical name, type and role.
pub fn attribute(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    gazetteer: Option<&Gazetteer>,
) -> Attributed {
    let words = text::words(text, Span::new(0, text.len()));
    attribute_words(text, paragraphs, quotes, &words, gazetteer)
}

/// [`attribute`] for a caller that has already split the whole text into
/// [`text::words`] (extraction shares them with boilerplate detection).
///
/// Words never straddle white space, so the words of a sentence are the
/// text's words that fall inside it: each sentence takes its words from
/// `words` instead of splitting its text again (issue #5).
pub fn attribute_words(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    words: &[Word],
    gazetteer: Option<&Gazetteer>,
) -> Attributed {
    attribute_split(text, paragraphs, quotes, words, &[], gazetteer)
}
