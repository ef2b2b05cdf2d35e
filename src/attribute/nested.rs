//! Quotes inside quotes: words the outer speaker says someone else said.
//!
//! `“The first thing he said to me was, ‘You’ll last a week,’” she says.`
//! The inner quote is not the outer speaker's own words, but the outer
//! quote names who spoke them, with a cue that ends right before the inner
//! quote ([`Rule::NestedCue`]):
//!
//! - `I` or `we` is the outer speaker (`“I said to the ref, ‘…’”`);
//! - `he` or `she` is the person last in focus before the outer quote who
//!   is not the outer speaker and whose gender does not clash (the speaker
//!   does not call herself `she`);
//! - a name is the cast member of that name (`“Then Doe told me, ‘…’”`),
//!   and a description (`the coach`) the one person of that role; neither
//!   adds anyone to the cast.
//!
//! When the cue is coordinated (`the coach pulled me aside and said,
//! ‘…’`), the subject is the one the clause opens with. Anything else
//! (`you`, a cue further back, a cue after the inner quote) leaves the
//! inner quote with no speaker ([`Rule::Nested`]).

use super::Attribution;
use super::clause::subject_of;
use super::gender;
use super::reader::Reader;
use super::rules::round;
use crate::cue::CueForm;
use crate::mention::MentionKind;
use crate::quote::Quote;
use crate::speaker::EntityId;
use crate::text::{self, is_space};
use crate::{Mention, Rule, Span, SpeakerType};

/// A top-level quote with quotes inside it, and the persons in focus
/// before it was attributed (latest last).
pub(super) struct Outer {
    pub(super) index: usize,
    pub(super) recent: Vec<EntityId>,
}

/// At most this many words between the cue and the inner quote: `said`,
/// `said to me was`, `told the council`.
const MAX_AFTER_CUE: usize = 4;

/// Words that may stand between a pronoun and its cue: `I then said`.
const ADVERBS: [&str; 8] = ["just", "then", "also", "once", "always", "never", "would", "will"];

impl Reader<'_> {
    /// Gives each speech quote one level inside an [`Outer`] quote the
    /// speaker its outer quote names, once the outer quotes have their
    /// speakers.
    pub(super) fn attribute_nested(
        &mut self,
        quotes: &[Quote],
        outers: &[Outer],
        out: &mut [Attribution],
    ) {
        for outer in outers {
            let parent = &quotes[outer.index];
            let speaker = out[outer.index].entity;
            let mut from = parent.span.start;
            for (i, q) in quotes.iter().enumerate().skip(outer.index + 1) {
                if q.outer.start >= parent.outer.end {
                    break;
                }
                if q.depth != parent.depth + 1 {
                    continue;
                }
                if q.kind.is_speech() && from <= q.outer.start {
                    if let Some(a) =
                        self.inner_speaker(Span::new(from, q.outer.start), speaker, outer)
                    {
                        out[i] = a;
                    }
                }
                from = q.outer.end;
            }
        }
    }

    /// The speaker that the words of the outer quote before an inner one
    /// (`window`) name, by a cue that ends right before it.
    fn inner_speaker(
        &mut self,
        window: Span,
        speaker: Option<EntityId>,
        outer: &Outer,
    ) -> Option<Attribution> {
        let before = &self.text[window.range()];
        // Only the sentence the inner quote is in.
        let start = before
            .char_indices()
            .rev()
            .find(|&(i, ch)| {
                matches!(ch, '.' | '!' | '?') && before[i + ch.len_utf8()..].starts_with(is_space)
            })
            .map_or(window.start, |(i, ch)| window.start + i + ch.len_utf8());
        let sentence = Span::new(start, window.end);
        let tail = self.text[sentence.range()].trim_end_matches(is_space);
        if !(tail.ends_with([',', ':']) || tail.ends_with(char::is_alphanumeric)) {
            return None;
        }
        let mut room = Vec::new();
        let c = self.clause(text::words(self.text, sentence), sentence.start, &mut room);
        let cue = c.cues.last().filter(|cue| {
            cue.form != CueForm::Report && cue.last + MAX_AFTER_CUE >= c.words.len()
        })?;
        let after_cue = &c.folded[cue.last..];
        if after_cue.iter().any(|w| crate::cue::is_cue_word(w)) {
            return None;
        }
        // The word before the cue, past adverbs: `I`, `we`, `he`, `she`,
        // also contracted (`She'll say`).
        let mut j = cue.first;
        while j > 0 && ADVERBS.contains(&c.folded[j - 1]) {
            j -= 1;
        }
        let pronoun = j.checked_sub(1).and_then(|i| {
            let head = c.folded[i].split(['\'', '’']).next().unwrap_or("");
            ["i", "we", "he", "she"].contains(&head).then_some((i, head))
        });
        let cue_text = self.text[cue.span.range()].to_string();
        let attribution = |entity, mention, base| Attribution {
            entity: Some(entity),
            mention: Some(mention),
            cue: Some(cue_text.clone()),
            rule: Rule::NestedCue,
            confidence: round(base),
        };
        if let Some((i, head)) = pronoun {
            let w = c.words[i];
            let mention =
                Mention { text: w.as_str(self.text).into(), start: w.span.start, end: w.span.end };
            if head == "i" || head == "we" {
                return Some(attribution(speaker?, mention, 0.8));
            }
            let g = gender::of_pronoun(head);
            let e = outer.recent.iter().rev().copied().find(|&e| {
                Some(e) != speaker
                    && self.cast.get(e).kind == SpeakerType::Person
                    && g.is_none_or(|g| self.genders.allows(e, g))
            })?;
            return Some(attribution(e, mention, 0.6));
        }
        // The subject: the mention before the cue, or before `and`, the
        // clause's first.
        let k = match subject_of(self.text, &c, cue) {
            Some((k, _)) => k,
            None if j > 0 && c.folded[j - 1] == "and" => {
                c.mentions.iter().position(|m| m.first <= 2 && m.last < j)?
            }
            None => return None,
        };
        let m = &c.mentions[k];
        let (entity, base) = match &m.kind {
            MentionKind::Name(_) => {
                let name = m.name.as_deref()?;
                (self.cast.link_name(name, SpeakerType::Person, false)?, 0.85)
            }
            MentionKind::Description { head, body: false } => (self.cast.by_role(head)?, 0.7),
            _ => return None,
        };
        Some(attribution(entity, self.mention_of(m), base))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::{Article, Rule};

    /// An inner quote's text, speaker and rule.
    type Inner = (String, Option<String>, Rule);

    /// Each inner speech quote's text, speaker and rule.
    fn inner(text: &str) -> Vec<Inner> {
        let ex = Extractor::new().extract(vec![Article::new("t", text)]);
        ex.records
            .into_iter()
            .filter(|r| r.kind.is_speech() && r.depth == 1)
            .map(|r| (r.text.to_string(), r.speaker.as_deref().map(String::from), r.rule))
            .collect()
    }

    fn some(quote: &str, speaker: &str) -> Inner {
        (quote.to_string(), Some(speaker.to_string()), Rule::NestedCue)
    }

    fn none(quote: &str) -> Inner {
        (quote.to_string(), None, Rule::Nested)
    }

    #[test]
    fn the_outer_quote_names_the_inner_speaker() {
        let cases: &[(&str, &str, Vec<Inner>)] = &[
            (
                "he: the person in focus before, not the outer speaker",
                "Tom Reyes hired her in 1990. Jane Okoro remembers it.\n\
                 “He told me, ‘You will last a week,’” she says.",
                vec![some("You will last a week,", "Tom Reyes")],
            ),
            (
                "I: the outer speaker",
                "Kofi Mensah was furious.\n\
                 ‘I said to the ref, “Where is the contact?” and he walked away,’ said Mensah.",
                vec![some("Where is the contact?", "Kofi Mensah")],
            ),
            (
                "a name in the outer quote",
                "Jane Okoro testified on Tuesday about Tom Reyes.\n\
                 “Then Reyes said, ‘It depends on how grateful you are,’” Okoro said.",
                vec![some("It depends on how grateful you are,", "Tom Reyes")],
            ),
            (
                "a contracted pronoun",
                "Tom Reyes joined the crew. Jane Okoro runs it.\n\
                 “She’ll say, ‘Boats end, rivers don’t.’ That is her,” Reyes says.",
                vec![some("Boats end, rivers don’t.", "Jane Okoro")],
            ),
            (
                "no cue right before the inner quote",
                "Jane Okoro spoke.\n“The word ‘never’ was on every sign, ‘never again,’” Okoro said.",
                vec![none("never again,")],
            ),
            (
                "you names no one",
                "Jane Okoro spoke.\n“You said, ‘Go home,’ and we did,” Okoro said.",
                vec![none("Go home,")],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(&inner(text), want, "{name}");
        }
    }
}
