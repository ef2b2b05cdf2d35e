//! The rules that attribute one top-level speech quote, tried in the
//! order the [module docs](super) give: a cue after the quote, a cue
//! before it in its sentence, `according to`, a headline label, a
//! reporting verb after it, a colon lead-in in the sentence before, and
//! last the speaker in focus; then continuations, over the whole article.
//!
//! The driver (`reader`) calls [`Reader::attribute_quote`] for each quote
//! as it reaches it, with the sentence's [`Clause`] already read, and
//! [`continue_quotes`] once the article is read.

use super::Attribution;
use super::clause::{Clause, gap, inverted_subject, is_according_to, subject_of};
use super::reader::Reader;
use super::referent::Resolved;
use crate::cue::{Cue, CueForm};
use crate::lexicon::WordClass;
use crate::mention::{MentionKind, NameKind, Pronoun};
use crate::quote::Quote;
use crate::text::{self, Word, is_space};
use crate::{Rule, Span};

impl Reader<'_> {
    /// Attributes one top-level speech quote. The second value says the
    /// attribution waits for a lead description's referent.
    pub(super) fn attribute_quote(
        &mut self,
        q: &Quote,
        c: &Clause,
        slot: usize,
        para: Span,
        prev_sentence: Option<Span>,
        top: &[Span],
    ) -> (Attribution, bool) {
        let trailing = self.trailing(q, para, top);
        if let Some((a, pending, form)) = &trailing {
            if *form != CueForm::Report || a.confidence > 0.6 {
                return (a.clone(), *pending);
            }
        }
        if let Some(found) = self.leading(c, slot) {
            return found;
        }
        if let Some(found) = self.according_to(c) {
            return found;
        }
        if let Some(found) = self.sentence_final(c, slot) {
            return found;
        }
        if let Some(found) = self.label(q, c, slot) {
            return found;
        }
        if let Some(found) = self.colon_after_copula(q, c, slot) {
            return found;
        }
        if let Some((a, pending, _)) = trailing {
            return (a, pending);
        }
        // A colon lead-in in the sentence before: "He said:".
        if slot == 0 {
            if let Some(prev) =
                prev_sentence.filter(|p| self.text[p.range()].trim_end().ends_with(':'))
            {
                let mut room = Vec::new();
                let mut pc = self.clause(self.words_outside(prev, top), prev.start, &mut room);
                self.resolve_all(&mut pc);
                if let Some((a, pending)) = self.leading(&pc, pc.words.len()) {
                    return (
                        Attribution {
                            rule: Rule::ColonLeadIn,
                            confidence: a.confidence * 0.85 / 0.9,
                            ..a
                        },
                        pending,
                    );
                }
            }
        }
        (self.focus(q, c, para), false)
    }

    /// Rule 1 and 4: a cue right after the quote.
    fn trailing(
        &mut self,
        q: &Quote,
        para: Span,
        top: &[Span],
    ) -> Option<(Attribution, bool, CueForm)> {
        // A quote that ends its paragraph may have its cue in the next one
        // when that paragraph starts in lower case (a broken line).
        // (The paragraph where the quote ends, for a multi-paragraph quote.)
        // (Paragraphs and top-level quotes are in text order: binary search.)
        let para = self
            .paragraphs
            .get(self.paragraphs.partition_point(|p| p.end < q.outer.end))
            .copied()
            .filter(|p| p.start <= q.outer.end)
            .unwrap_or(para);
        let mut limit = para.end;
        if self.text[q.outer.end..para.end].chars().all(is_space) {
            let next = self.paragraphs.partition_point(|p| p.start < para.end);
            if let Some(next) = self.paragraphs.get(next) {
                if self.text[next.range()].starts_with(char::is_lowercase) {
                    limit = next.end;
                }
            }
        }
        let end = top
            .get(top.partition_point(|s| s.start < q.outer.end))
            .map_or(limit, |s| s.start)
            .min(limit);
        if end <= q.outer.end {
            return None;
        }
        let between = &self.text[q.outer.end..end];
        let lead = between.len()
            - between.trim_start_matches(|c: char| is_space(c) || ",.;—–-".contains(c)).len();
        let lead_text = &between[..lead];
        // A colon or other text right after the quote is not a cue.
        if lead_text.contains(':') {
            return None;
        }
        let new_sentence = lead_text.contains('.')
            || self.text[q.span.range()].trim_end().ends_with(['.', '!', '?'])
                && between[lead..].starts_with(char::is_uppercase);
        let stretch = Span::new(q.outer.end + lead, end);
        let words: Vec<Word> = text::words_up_to(self.text, stretch, 14);
        let mut room = Vec::new();
        let mut c = self.clause(words, stretch.start, &mut room);
        if c.words.is_empty() {
            return None;
        }
        self.resolve_all(&mut c);
        // Pattern B: cue mention ("said Fulani"). Pattern A: [role words]
        // mention [also|…] cue ("he said", "army spokesman Col. X said").
        let cue = c.cues.iter().find(|cue| cue.first <= 8 && cue.form != CueForm::Participle)?;
        let k = if cue.first == 0 {
            if cue.form != CueForm::Finite {
                return None;
            }
            inverted_subject(self.text, &c, cue)?
        } else {
            let mut j = cue.first;
            while j > 0 && c.classes[j - 1].has(WordClass::BETWEEN_SUBJECT_AND_VERB) {
                j -= 1;
            }
            let k = c.mentions.iter().position(|m| m.last == j)?;
            let m = &c.mentions[k];
            // Only role words may stand before the mention: lower-case ones
            // ("army spokesman"), and names too when a lower-case role noun
            // stands right before it ("senior Hamas official John Roe").
            let role_before = m.first > 0
                && (c.classes[m.first - 1].has(WordClass::PERSON_NOUN)
                    || c.classes[m.first - 1].has(WordClass::TITLE))
                && c.words[m.first - 1].as_str(self.text).starts_with(char::is_lowercase);
            let modifiers = m.first <= 6
                && (0..m.first).all(|i| {
                    (c.words[i].as_str(self.text).starts_with(char::is_lowercase)
                        || role_before && c.classes[i].has(WordClass::NAME))
                        && !c.classes[i].has(WordClass::CUE)
                        && ![
                            "that", "and", "but", "who", "which", "as", "while", "when", "after",
                            "because",
                        ]
                        .contains(&c.folded[i])
                        && !gap(self.text, &c.words, i).contains([',', ';', ':'])
                });
            if !modifiers
                || !gap(self.text, &c.words, m.first).trim_matches(is_space).is_empty()
                    && m.first > 0
            {
                return None;
            }
            k
        };
        // After a quote that ends its sentence, the cue must end its own
        // clause: "“….” Fulani said." but not "“….” He said that …" —
        // unless the quote opens its paragraph and a name follows it:
        // "“It was always cash.” Ms. Doe said the envelopes …" gives the
        // quote its speaker the way a newspaper's next sentence does.
        if new_sentence {
            let next = c.folded.get(cue.last.max(c.mentions[k].last));
            let last = c.words[cue.last.max(c.mentions[k].last) - 1];
            let colon = self.text[last.span.end..].trim_start_matches(is_space).starts_with(':');
            // (Not `para`: for a quote over paragraphs that is the last
            // one's, after the quote's start.)
            let line = self.text[..q.outer.start].rsplit(text::is_line_break).next();
            let opens_paragraph = line.is_some_and(|line| line.chars().all(is_space));
            let named = matches!(c.mentions[k].kind, MentionKind::Name(_));
            if colon
                || next.is_some_and(|w| *w == "that")
                || cue.last + 6 < c.words.len()
                    && !self.clause_ends_soon(&c, cue.last)
                    && !(opens_paragraph && named)
            {
                return None;
            }
        }
        let resolved = c.resolved[k].clone()?;
        // A reporting verb ("…, the agency reported") credits the outlet that
        // carried the quote: weak evidence, used only when nothing else is.
        let document = c.mentions[k].kind == MentionKind::Document;
        let base = if cue.form == CueForm::Report && !document { 0.6 } else { 0.95 };
        let a = self.make(&c, k, &resolved, cue, Rule::TrailingCue, base);
        Some((a, resolved.cataphoric, cue.form))
    }

    fn clause_ends_soon(&self, c: &Clause, from: usize) -> bool {
        (from..c.words.len().min(from + 6))
            .any(|j| gap(self.text, &c.words, j + 1).contains(['.', ',', ';']))
    }

    /// Rule 2: the nearest cue before the quote in its sentence.
    fn leading(&mut self, c: &Clause, slot: usize) -> Option<(Attribution, bool)> {
        let cue = c.cues.iter().rev().find(|cue| cue.last <= slot && cue.form != CueForm::Report);
        let cue = match cue {
            Some(cue) => cue,
            None => {
                // "X quoted Y as saying …"
                return c.cues.iter().rev().find(|cue| cue.last <= slot).and_then(|cue| {
                    let (k, _) = subject_of(self.text, c, cue)?;
                    let r = c.resolved[k].clone()?;
                    let rule = if c.folded[cue.first] == "quoted" {
                        Rule::QuotedAsSaying
                    } else {
                        Rule::LeadingCue
                    };
                    Some((self.make(c, k, &r, cue, rule, 0.9), r.cataphoric))
                });
            }
        };
        let (k, via) = subject_of(self.text, c, cue)?;
        let r = c.resolved[k].clone()?;
        let colon = c.words.get(slot.saturating_sub(1)).is_some_and(|w| {
            let after = &self.text[w.span.end..];
            after.trim_start_matches(is_space).starts_with(':')
        }) && slot == cue.last;
        let quoted =
            c.folded[cue.first] == "saying" && cue.first >= 1 && c.folded[cue.first - 1] == "as";
        let (rule, base) = if quoted {
            (Rule::QuotedAsSaying, 0.9)
        } else if colon {
            (Rule::ColonLeadIn, 0.85)
        } else {
            (Rule::LeadingCue, 0.9)
        };
        Some((self.make(c, k, &r, cue, rule, base * via), r.cataphoric))
    }

    /// A cue that ends the quote's sentence after a comma, its subject
    /// after the quote: `The plan was “a disaster” for the town, deputies
    /// said on Tuesday.`, `…, a statement issued by the ministry said.`
    fn sentence_final(&mut self, c: &Clause, slot: usize) -> Option<(Attribution, bool)> {
        let cue = c.cues.last().filter(|cue| {
            cue.form == CueForm::Finite && cue.first >= slot && cue.last + 3 >= c.words.len()
        })?;
        // Nothing after the cue but a time or place: "on Tuesday".
        if (cue.last..c.words.len()).any(|j| gap(self.text, &c.words, j).contains([',', ';', ':']))
        {
            return None;
        }
        // The subject, or the mention that opens the clause after the
        // last comma: "a statement issued by the ministry on Tuesday said".
        let (k, via) = subject_of(self.text, c, cue).or_else(|| {
            let from = (slot.max(1)..=cue.first)
                .rev()
                .find(|&j| gap(self.text, &c.words, j).contains(','))?;
            Some((c.mentions.iter().position(|m| m.first == from)?, 0.95))
        })?;
        let m = &c.mentions[k];
        if m.first < slot || m.first == 0 || !gap(self.text, &c.words, m.first).contains(',') {
            return None;
        }
        // A document's issuer may be named in this very clause, read after
        // its mentions were resolved.
        let r = if m.kind == MentionKind::Document {
            self.resolve(m, true)?
        } else {
            c.resolved[k].clone()?
        };
        Some((self.make(c, k, &r, cue, Rule::TrailingCue, 0.9 * via), r.cataphoric))
    }

    /// Rule 3: "according to X".
    fn according_to(&mut self, c: &Clause) -> Option<(Attribution, bool)> {
        let k = c.mentions.iter().position(|m| is_according_to(&c.folded, m.first))?;
        let i = (0..c.mentions[k].first).rev().find(|&i| c.folded[i] == "according")?;
        let m = &c.mentions[k];
        // "According to a memo": a document of its own, whoever is in focus.
        let r = if m.kind == MentionKind::Document
            && self.issuer.is_none()
            && ["a", "an"].contains(&c.folded[m.first])
        {
            super::referent::unissued_document(self, m)
        } else {
            c.resolved[k].clone()?
        };
        let cue = Cue {
            span: Span::new(c.words[i].span.start, c.words[i + 1].span.end),
            form: CueForm::Finite,
            first: i,
            last: i + 2,
        };
        Some((self.make(c, k, &r, &cue, Rule::AccordingTo, 0.9), r.cataphoric))
    }

    /// A label and a colon with no verb, as in headlines: "Army chief:
    /// ‘We are ready’".
    fn label(&mut self, q: &Quote, c: &Clause, slot: usize) -> Option<(Attribution, bool)> {
        let before = c.words.get(slot.checked_sub(1)?)?;
        if !self.text[before.span.end..q.outer.start].contains(':') || slot > 8 {
            return None;
        }
        let k = c.mentions.iter().position(|m| m.last == slot)?;
        self.colon_cue(q, c, slot, k)
    }

    /// A colon after a clause with no cue, whose subject is someone and
    /// whose verb is a copula: "the 32-year-old defender was brief: “…”",
    /// "She was blunter: “…”". The quote is what the subject said.
    fn colon_after_copula(
        &mut self,
        q: &Quote,
        c: &Clause,
        slot: usize,
    ) -> Option<(Attribution, bool)> {
        let before = c.words.get(slot.checked_sub(1)?)?;
        if self.text[before.span.end..q.outer.start].trim_matches(is_space) != ":" {
            return None;
        }
        let copula =
            |w: &str| ["was", "is", "were", "are", "seemed", "sounded", "remained"].contains(&w);
        let k = c
            .mentions
            .iter()
            .position(|m| m.subject && m.last < slot && copula(c.folded[m.last]))?;
        let m = &c.mentions[k];
        // (A cue before the subject, "Asked about …, X was brief:", is not
        // X's; one after it would have been read as X's by now.)
        if c.cues.iter().any(|cue| cue.first >= m.last && cue.last <= slot) {
            return None;
        }
        let someone = matches!(
            m.kind,
            MentionKind::Name(NameKind::Person | NameKind::Unknown)
                | MentionKind::Pronoun(Pronoun::Personal)
                | MentionKind::Description { body: false, .. }
                | MentionKind::Source { .. }
        );
        // The copula's complement is short: "was brief", "was more direct".
        if !someone || slot - m.last > 4 {
            return None;
        }
        self.colon_cue(q, c, slot, k)
    }

    /// The quote given to mention `k` through the colon before it (from
    /// the end of word `slot - 1`), with no verb: [`Rule::ColonLeadIn`] at
    /// 0.7, the colon as the cue.
    fn colon_cue(
        &mut self,
        q: &Quote,
        c: &Clause,
        slot: usize,
        k: usize,
    ) -> Option<(Attribution, bool)> {
        let r = c.resolved[k].clone()?;
        let before = c.words.get(slot.checked_sub(1)?)?;
        let colon = Span::new(before.span.end, q.outer.start);
        let cue = Cue {
            span: text::trim(self.text, colon),
            form: CueForm::Finite,
            first: slot,
            last: slot,
        };
        Some((self.make(c, k, &r, &cue, Rule::ColonLeadIn, 0.7), r.cataphoric))
    }

    /// Rule 7: the speaker in focus. Not for a fragment inside narration
    /// whose sentence has no cue at all: such a fragment is far more
    /// often a term, a name or a scare quote (`a regional “axis of
    /// resistance”`, `promised to rent as "affordable."`) than words of
    /// whoever the narration is about.
    fn focus(&self, q: &Quote, c: &Clause, para: Span) -> Attribution {
        let alone = text::trim(self.text, para) == q.outer || q.kind == crate::QuoteKind::Full;
        if !alone && c.cues.is_empty() {
            return Attribution::none(Rule::Unattributed);
        }
        let Some((e, mention)) = self.person_focus.clone().or_else(|| self.org_focus.clone())
        else {
            return Attribution::none(Rule::Unattributed);
        };
        let confidence = if alone { 0.45 } else { 0.35 };
        Attribution {
            entity: Some(e),
            mention: Some(mention),
            cue: None,
            rule: Rule::Focus,
            confidence,
        }
    }

    fn make(
        &self,
        c: &Clause,
        k: usize,
        r: &Resolved,
        cue: &Cue,
        rule: Rule,
        base: f64,
    ) -> Attribution {
        Attribution {
            entity: (!r.cataphoric).then_some(r.entity),
            mention: Some(self.mention_of(&c.mentions[k])),
            cue: Some(self.text[cue.span.range()].to_string()),
            rule,
            confidence: round(base * r.factor),
        }
    }
}

/// Rule 6: a quote with nothing but space and punctuation between it and
/// an attributed neighbour inherits that neighbour's speaker, when both
/// are in one paragraph or the quote that inherits is a paragraph of its
/// own. A quote in a new paragraph that holds other words too (an
/// attribution the rules could not read) is not taken for a continuation.
pub(super) fn continue_quotes(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    out: &mut [Attribution],
) {
    let speech: Vec<usize> =
        (0..quotes.len()).filter(|&i| quotes[i].depth == 0 && quotes[i].kind.is_speech()).collect();
    // The paragraph holding an offset (paragraphs are in text order).
    let paragraph = |at: usize| {
        paragraphs.get(paragraphs.partition_point(|p| p.end < at)).filter(|p| p.start <= at)
    };
    // Whether quote `i` is all of its paragraph but for punctuation.
    let alone = |i: usize| {
        let outer = quotes[i].outer;
        paragraph(outer.start).is_some_and(|p| {
            let rest = |s: &str| s.chars().all(|c| is_space(c) || c.is_ascii_punctuation());
            rest(&text[p.start..outer.start]) && rest(&text[outer.end.min(p.end)..p.end])
        })
    };
    // `heir` is the quote that would inherit the speaker.
    let adjacent = |a: usize, b: usize, heir: usize| {
        let (end, start) = (quotes[a].outer.end, quotes[b].outer.start);
        let same_paragraph = paragraph(start).is_some_and(|p| p.start < end);
        (same_paragraph || alone(heir))
            && text[end..start].chars().all(|c| is_space(c) || c.is_ascii_punctuation() && c != ':')
    };
    for w in speech.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !out[b].is_cued() && out[a].entity.is_some() && adjacent(a, b, b) {
            out[b] = Attribution {
                rule: Rule::Continuation,
                confidence: round(out[a].confidence * 0.9),
                ..out[a].clone()
            };
        }
    }
    for w in speech.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        if !out[a].is_cued() && out[b].is_cued() && adjacent(a, b, a) {
            out[a] = Attribution {
                rule: Rule::Continuation,
                confidence: round(out[b].confidence * 0.9),
                ..out[b].clone()
            };
        }
    }
}

pub(super) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::{Article, Rule};

    /// One case: a text written for the test, and for each speech quote
    /// (in order) the expected speaker and rule.
    struct Case {
        name: &'static str,
        text: &'static str,
        want: &'static [(Option<&'static str>, Rule)],
    }

    fn run(text: &str) -> Vec<(Option<String>, Rule)> {
        let ex = Extractor::new().extract(vec![Article::new("t", text)]);
        ex.records
            .into_iter()
            .filter(|r| r.kind.is_speech() && r.depth == 0)
            .map(|r| (r.speaker.as_deref().map(String::from), r.rule))
            .collect()
    }

    macro_rules! t {
        ($name:literal, $text:expr, [$(($s:expr, $r:ident)),* $(,)?]) => {
            Case { name: $name, text: $text, want: &[$(($s, Rule::$r)),*] }
        };
    }

    #[test]
    fn rules() {
        let cases = [
            t!(
                "a pronoun after a sentence about one person gives that person its gender",
                "At dawn, Jane Park is in the wheelhouse.\n\nShe is 71.\n\n\
                 The pilot then was Tom Reyes. When he retired, he recommended her.\n\n\
                 “I cried like a baby,” she says.",
                [(Some("Jane Park"), TrailingCue)]
            ),
            t!(
                "a county, a university or a hospital speaks as a body",
                "Maria Lopez is a nurse.\nThe county has said the ferry will be “reviewed” once it opens.\n\
                 In a statement, the university said the study was “carried out with the unions.”",
                [(Some("county"), LeadingCue), (Some("university"), LeadingCue)]
            ),
            t!(
                "bare bodies and groups after a quote",
                "“It is over,” police said.\n“It is not,” officials said.",
                [(Some("police"), TrailingCue), (Some("officials"), TrailingCue)]
            ),
            t!(
                "a cue that ends the sentence, after a comma, takes a partial quote before it",
                "Jane Doe spoke first.\nThe plan was “a disaster” for the town, deputies said on Tuesday.\n\
                 The reform was “difficult but necessary”, a statement issued by the ministry after the talks said.",
                [(Some("deputies"), TrailingCue), (Some("ministry"), TrailingCue)]
            ),
            t!(
                "one of the people",
                "Jane Doe spoke first.\n\
                 The fund wants “a credible exit path” before it lends, one of the people said.",
                [(Some("people"), TrailingCue)]
            ),
            t!(
                "trailing name",
                "“We will not retreat,” Omar Fulani said.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "inverted",
                "“We will not retreat,” said Omar Fulani.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "inverted, with role words before the name",
                "“It is too late,” said board member Helen Okoro.\n“It is late,” said state Sen. Jane Doe.",
                [(Some("Helen Okoro"), TrailingCue), (Some("Jane Doe"), TrailingCue)]
            ),
            t!(
                "subject before a relative clause",
                "Critic Tom Reyes, who writes for the magazine Lumen, described the film as “gorgeous and weightless.”",
                [(Some("Tom Reyes"), LeadingCue)]
            ),
            t!(
                "a dateline is not a speaker",
                "SACRAMENTO — Gov. Elena Ruiz signed the bill on Friday, calling it “the most important law in a generation.”",
                [(Some("Elena Ruiz"), LeadingCue)]
            ),
            t!(
                "a dateline with a comma and the agency; it said",
                "SAN JOSE, California, March 4 (Reuters) - Veltron Inc will cut 4,000 jobs, the chipmaker said.\nThe company said in a statement that the cuts would save money. “We remain confident,” it said.",
                [(Some("Veltron Inc"), TrailingCue)]
            ),
            t!(
                "a role noun written as a title",
                "“We will be fair,” Chief Executive Anna Berg wrote.\n“It is overdue,” Critic Tom Reyes said.",
                [(Some("Anna Berg"), TrailingCue), (Some("Tom Reyes"), TrailingCue)]
            ),
            t!(
                "a description named by the apposition after it",
                "The festival's artistic director, Youssef Amari, defended the line-up. “Cinema is a conversation,” he told journalists.",
                [(Some("Youssef Amari"), TrailingCue)]
            ),
            t!(
                "someone unnamed with a role",
                "Health Secretary Oliver Brandt said the strike was sad. “We made a fair offer,” he said.\nBut one nurse, who asked not to be named, said the offer was a cut. “I love my job,” she said.\nA Department of Health spokesperson said: “Patient safety comes first.”",
                [
                    (Some("Oliver Brandt"), TrailingCue),
                    (Some("nurse"), TrailingCue),
                    (Some("Department of Health spokesperson"), ColonLeadIn)
                ]
            ),
            t!(
                "a name with a lower-case body noun is an organisation's",
                "Anna Berg said the firm would recover.\nThe United Steelworkers union called the layoffs “corporate greed.”",
                [(Some("United Steelworkers union"), LeadingCue)]
            ),
            t!(
                "according to a document nobody issued",
                "Board member Helen Okoro voted no.\nAccording to an agency memo, staff had warned of “deep service cuts.”",
                [(Some("agency memo"), AccordingTo)]
            ),
            t!(
                "continuation across a paragraph break only for a bare quote",
                "Anna Berg said: “These are hard decisions.”\n\n“We will be fair.”\n\n“It is overdue.” Shares fell on Tuesday.",
                [
                    (Some("Anna Berg"), ColonLeadIn),
                    (Some("Anna Berg"), Continuation),
                    (Some("Anna Berg"), Focus)
                ]
            ),
            t!(
                "a role before the name in apposition, after an opening phrase",
                "Anne Coulthard said her client was ashamed.\nIn a statement read outside court, the charity’s chief executive, Tomas Wilk, said: “Today is about the families.”",
                [(Some("Tomas Wilk"), ColonLeadIn)]
            ),
            t!(
                "a compound role after a proper modifier is a title",
                "Fabian Kessler praised his players.\nAtlas head coach Arne Lind said the result was a warning. “It's a long season,” he said.",
                [(Some("Arne Lind"), TrailingCue)]
            ),
            t!(
                "a nationality and an age stand for the person in focus",
                "Fabian Kessler praised his players. “The boys were brave,” the German said.\nThe 32-year-old said: “Nothing else matters.”",
                [(Some("Fabian Kessler"), TrailingCue), (Some("Fabian Kessler"), ColonLeadIn)]
            ),
            t!(
                "a name and a role noun before the speaker's name",
                "The group accepted the plan.\n“The ball is in their court,” senior Harbour Party official Khalil Nasser told reporters.",
                [(Some("Khalil Nasser"), TrailingCue)]
            ),
            t!(
                "an organisation that only modifies a role leaves the focus to the person",
                "Umm Ali said she would wait.\nUS State Department spokesman Matt Lyle said talks went on. “We are going to discuss it,” he told reporters.",
                [(Some("Matt Lyle"), TrailingCue)]
            ),
            t!(
                "a possessive name and a body noun are an organisation",
                "Prime Minister Avi Dorran's office said in a statement that a team would go. “We will press on,” the statement said.\nNorthland's foreign ministry urged both sides to “show flexibility”.",
                [
                    (Some("Prime Minister Avi Dorran's office"), TrailingCue),
                    (Some("Northland's foreign ministry"), LeadingCue)
                ]
            ),
            t!(
                "a relative pronoun after a name",
                "Her vote drew a rebuke from Senate Majority Leader Tom Garrick, who wrote on X that the bill was “the strongest in a generation.”",
                [(Some("Tom Garrick"), LeadingCue)]
            ),
            t!(
                "trailing surname after full name",
                "Omar Fulani arrived on Monday.\n“We will not retreat,” Fulani stressed.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "pronoun follows the subject, not the nearest name",
                "Jane Doe, spokesperson for President Ali Baba, has said the plan “has failed.”\n“This path leads nowhere,” she noted.",
                [(Some("Jane Doe"), LeadingCue), (Some("Jane Doe"), TrailingCue)]
            ),
            t!(
                "the statement said",
                "The Northland Movement said in a statement on Monday that talks had stalled.\n“The occupier lies,” the statement said.",
                [(Some("Northland Movement"), TrailingCue)]
            ),
            t!(
                "description by role",
                "Northland Prime Minister Omar Fulani spoke on Friday.\nAccording to the PM, “The goal is peace.”",
                [(Some("Omar Fulani"), AccordingTo)]
            ),
            t!(
                "unnamed source",
                "A local paper quoted an unnamed source in the Harbour Council as saying talks failed.\n“We met twice,” the source said.\n“Nothing came of it,” he added.",
                [
                    (Some("unnamed source in the Harbour Council"), TrailingCue),
                    (Some("unnamed source in the Harbour Council"), TrailingCue)
                ]
            ),
            t!(
                "organisation with acronym",
                "The Southern Command (SOUTHCOM) said it had killed the “commander responsible for the attacks.”",
                [(Some("Southern Command (SOUTHCOM)"), LeadingCue)]
            ),
            t!(
                "colon lead-in",
                "Omar Fulani told reporters:\n“We are ready.”",
                [(Some("Omar Fulani"), ColonLeadIn)]
            ),
            t!(
                "colon in the sentence",
                "He arrived. Omar Fulani said: “We are ready.”",
                [(Some("Omar Fulani"), ColonLeadIn)]
            ),
            t!(
                "continuation backwards",
                "“We are ready.” “We have waited long enough,” Omar Fulani said.",
                [(Some("Omar Fulani"), Continuation), (Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "a name inside a quote is not the speaker",
                "“Omar Fulani is a liar,” the minister said.",
                [(None, Unattributed)]
            ),
            t!(
                "participle takes the clause subject",
                "Jane Doe said on Sunday that the truce was over, stressing that “any calm is a tactic.”",
                [(Some("Jane Doe"), LeadingCue)]
            ),
            t!(
                "lead description is the first later speaker",
                "The leader of an armed group has said the calm is a “temporary tactic”.\nOmar Fulani, head of the group, said in a statement that the calm would end.",
                [(Some("Omar Fulani"), LeadingCue)]
            ),
            t!(
                "a reporting verb ranks below a leading cue",
                "Jane Doe spoke on Sunday.\nShe said that the group “is ready”, the Northland News Agency reported.",
                [(Some("Jane Doe"), LeadingCue)]
            ),
            t!(
                "an object of a preposition does not take the focus",
                "Jane Doe condemned the strike, which was ordered by President Ali Baba.\n“We will respond,” she said.",
                [(Some("Jane Doe"), TrailingCue)]
            ),
            t!(
                "a quote standing alone goes to the speaker in focus",
                "Omar Fulani said the talks would resume.\n“We have no other choice.”",
                [(Some("Omar Fulani"), Focus)]
            ),
            t!("no evidence at all", "“Peace now.”", [(None, Unattributed)]),
            t!(
                "abbreviated title and a relative clause",
                "Gov. Jane Doe, who toured the area by helicopter, called the fire “a wake-up call”.",
                [(Some("Jane Doe"), LeadingCue)]
            ),
            t!(
                "a role opening the clause is named after the comma",
                "A spokeswoman for Acme Gas & Electric, Lisa Chen, said the firm was investigating. “We are cooperating,” she said.",
                [(Some("Lisa Chen"), TrailingCue)]
            ),
            t!(
                "according to sets the focus for a later description",
                "According to the Northland Weather Service, winds will rise. “Conditions will stay critical,” the agency said.",
                [(Some("Northland Weather Service"), TrailingCue)]
            ),
            t!(
                "straight quotes, attribution before the name",
                "\"We are seeing fire behavior we have never seen,\" said Fire Chief Joe Tyler. \"This is not normal.\"",
                [(Some("Joe Tyler"), TrailingCue), (Some("Joe Tyler"), Focus)]
            ),
            t!(
                "headline label with a colon",
                "Army chief: ‘We are ready’\n\nThe head of the army, General Omar Fulani, spoke on Friday. “We will hold,” said Fulani.",
                [(Some("Omar Fulani"), ColonLeadIn), (Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "an organisation described with a proper modifier issues a statement",
                "The Northland army, for its part, issued a statement warning against escalation. \"We are prepared,\" the statement read.",
                [(Some("Northland army"), TrailingCue)]
            ),
            t!(
                "a source close to",
                "A source close to the movement told a TV channel that plans were ready. “The decision is taken,” the source said.",
                [(Some("source close to the movement"), TrailingCue)]
            ),
            t!(
                "British single quotes and a headline title",
                "PM says 'no deal is better than a bad deal'\n\nThe prime minister, Jane Doe, has insisted that Northland will not accept 'any deal at any price'.\n\n'We'll see what happens next,' Doe told MPs. 'But it's not easy.'",
                [
                    (Some("Jane Doe"), LeadingCue),
                    (Some("Jane Doe"), LeadingCue),
                    (Some("Jane Doe"), TrailingCue),
                    (Some("Jane Doe"), Focus)
                ]
            ),
            t!(
                "a colon lead-in after a quote belongs to the next quote",
                "Omar Fulani said the government had 'lost control'. Jane Doe added: 'The country deserves better.'",
                [(Some("Omar Fulani"), LeadingCue), (Some("Jane Doe"), ColonLeadIn)]
            ),
            t!(
                "a place speaks by metonymy",
                "Harbour Street said in a statement: \"Talks will continue next week.\"",
                [(Some("Harbour Street"), LeadingCue)]
            ),
            t!(
                "role words before the name after the quote",
                "The army denied it. “These claims are baseless,” army spokesman Col. Omar Fulani said.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "the report said: a body of its own when nothing names it",
                "Hours later the ministry published a report. “The evidence is overwhelming,” the report said.",
                [(Some("ministry"), TrailingCue)]
            ),
            t!(
                "a cue on the next line of a broken paragraph",
                "Jane Doe spoke first.\n“Our patience is running out,”\nsaid Omar Fulani in a second interview.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "attribution between two halves of a quote",
                "“We are ready,” Omar Fulani said, “and we will fight.”",
                [(Some("Omar Fulani"), TrailingCue), (Some("Omar Fulani"), LeadingCue)]
            ),
            t!(
                "multi-paragraph quote has one speaker",
                "Omar Fulani said:\n\n“The first part.\n\n“The last part.”",
                [(Some("Omar Fulani"), ColonLeadIn)]
            ),
            t!(
                "quote after a new sentence is not a trailing cue",
                "Jane Doe spoke first. “We will win.” He said that the army “will return.”",
                [(Some("Jane Doe"), Focus), (Some("Jane Doe"), LeadingCue)]
            ),
            t!(
                "a possessed description is not its owner",
                "Tom Bell was charged on Monday. “He is innocent,” his lawyer said. “We will appeal,” the lawyer added.\nBell died in 2020. “He was kind,” his widow said.",
                [
                    (Some("Tom Bell's lawyer"), TrailingCue),
                    (Some("Tom Bell's lawyer"), TrailingCue),
                    (Some("Tom Bell's widow"), TrailingCue)
                ]
            ),
            t!(
                "a family speaks as a body",
                "Jane Roe spoke first. Tom Bell's family said they were “devastated” by it.\nHis family said it was “a shock.”",
                [(Some("Tom Bell's family"), LeadingCue), (Some("Jane Roe's family"), LeadingCue)]
            ),
            t!(
                "a kind of body named by a description",
                "Jane Roe spoke first. The hotel association said that lets were “not the cause” of it.",
                [(Some("hotel association"), LeadingCue)]
            ),
            t!(
                "a description, not the one told",
                "Tom Bell, 19, scored late. “I just hit it,” the teenager told Sky Sports.",
                [(Some("Tom Bell"), TrailingCue)]
            ),
            t!(
                "what someone called",
                "Tom Bell condemned what he called “a flagrant violation” and left.",
                [(Some("Tom Bell"), LeadingCue)]
            ),
            t!(
                "a group of people speaks as one unnamed source",
                "Jane Roe spoke first. In the paper, the authors write that the loss “may last.”\nThe study's researchers said it was “a warning.”",
                [(Some("authors"), LeadingCue), (Some("study's researchers"), LeadingCue)]
            ),
            t!(
                "one of them: one of the unnamed group last introduced",
                "Jane Roe spoke first. The firm cut jobs, according to two former employees, who asked not to be named.\n“It felt like the floor disappeared,” one of them said.",
                [(Some("former employees"), TrailingCue)]
            ),
            t!(
                "a body named by the apposition after it",
                "A drone killed a commander.\n\nThe group, Kataib al-Nasr, confirmed his death.\n\n“The blood of the martyrs will not be wasted,” the group said.",
                [(Some("Kataib al-Nasr"), TrailingCue)]
            ),
            t!(
                "a colon after a copula",
                "Jane Roe spoke first. Asked about his future, the 32-year-old defender Tom Bell was brief: “I'm focused on this season.”\nThe message was clear: “Stay home.”",
                [(Some("Tom Bell"), ColonLeadIn), (Some("Tom Bell"), Focus)]
            ),
            t!(
                "a sports position as a title; a title's abbreviation is its role",
                "Coach Dana Whitlock rested three starters.\nGuard Malik Brennan said he understood. “Of course I want to play,” he said.\nGov. Paula Reyes spoke. Susan Kemper said her client would plead not guilty. The governor said she was “shocked” by it.",
                [(Some("Malik Brennan"), TrailingCue), (Some("Paula Reyes"), LeadingCue)]
            ),
            t!(
                "someone unnamed, informally",
                "Graham Pryce defended the move.\nOne dad, who did not want to be named, said: ‘They should be asking us.’",
                [(Some("dad"), ColonLeadIn)]
            ),
            t!(
                "a document quoted as itself",
                "Susan Kemper said in a statement that her client was innocent.\nThe indictment says Marcus Dillard “knowingly and willfully” concealed payments.",
                [(Some("indictment"), LeadingCue)]
            ),
            t!(
                "a body's own body",
                "Jane Roe spoke first. The Sudanese army's foreign ministry said the government “has opened all crossings”.",
                [(Some("Sudanese army's foreign ministry"), LeadingCue)]
            ),
            t!(
                "a body after a name, then a relative clause",
                "Anna Berg spoke. In a post on X, the United Steelworkers union, which represents workers there, called the layoffs “corporate greed.”",
                [(Some("United Steelworkers union"), LeadingCue)]
            ),
            t!(
                "two particles inside a name",
                "Lucía de la Cruz keeps a battery on her desk.\n“It caught fire,” she says.",
                [(Some("Lucía de la Cruz"), TrailingCue)]
            ),
            t!(
                "a fragment in narration with no cue is no one's",
                "Omar Fulani spoke on Monday.\nThe groups see themselves as part of a regional “axis of resistance” against the West.",
                [(None, Unattributed)]
            ),
            t!(
                "a fragment with a cue whose subject is not found still goes to the focus",
                "Omar Fulani spoke on Monday.\nIt was, as the saying goes, “a long road,” and he said so.",
                [(Some("Omar Fulani"), Focus)]
            ),
            t!(
                "an honorific before a name",
                "Ana Restrepo testified on Monday.\n“It was cash,” Ms. Restrepo said.",
                [(Some("Ana Restrepo"), TrailingCue)]
            ),
            t!(
                "she is not the man in focus",
                "Ms. Ana Restrepo testified.\n“Did you lie?” Mr. Tom Heyden asked.\n“I told the truth,” she replied.",
                [(Some("Tom Heyden"), TrailingCue), (Some("Ana Restrepo"), TrailingCue)]
            ),
            t!(
                "the department is the department named before",
                "The Clark Valley Health Department said two patients died. The hospital said little.\n“There is no risk,” the department said.",
                [(Some("Clark Valley Health Department"), TrailingCue)]
            ),
            t!(
                "with X insisting",
                "Northbridge United rejected a bid, with manager Hendrik van der Berg insisting the club will not be “bullied” into selling.",
                [(Some("Hendrik van der Berg"), LeadingCue)]
            ),
            t!(
                "a statement issued by someone",
                "The faction Kataib Doe announced a pause in a statement issued by its leader, Sheikh Omar Fulani.\n“We declare a pause,” the statement said.",
                [(Some("Omar Fulani"), TrailingCue)]
            ),
            t!(
                "a document before the cue; a bare group before a cue",
                "In a pretrial filing, prosecutors said the payments were bribes. “The defendant hid them,” the filing said.",
                [(Some("prosecutors"), TrailingCue)]
            ),
            t!(
                "a common word opening a sentence is no one's name",
                "Jane Doe built the firm, and its revenue doubled.\nRevenue fell by half, and critics started calling her a gambler.\n“People thought I was mad,” she says.",
                [(Some("Jane Doe"), TrailingCue)]
            ),
            t!(
                "a quote opening its paragraph, its speaker named in the next sentence",
                "Tom Brandt took the money, prosecutors say.\n\n“It was always cash, and always on a Friday.” Ana Restrepo said the envelopes were handed over at a diner in Queens.",
                [(Some("Ana Restrepo"), TrailingCue)]
            ),
            t!(
                "someone unnamed who gives a first name",
                "Fire officer Arnel Bautista said his team would keep digging.\n“The whole mountain came down,” said a 41-year-old vendor who gave only her first name, Marites. “We ran.”",
                [(Some("Marites"), TrailingCue), (Some("Marites"), Focus)]
            ),
            t!(
                "an age with a or an introduces someone",
                "Fire officer Arnel Bautista said his team would keep digging.\n“We ran,” said a 41-year-old.",
                [(Some("41-year-old"), TrailingCue)]
            ),
            t!(
                "a quote over paragraphs, its speaker named in the next sentence (a fuzzing crash)",
                "Omar Fulani spoke.\n\n“First part.\n\n“Last part.” Jane Doe said the minister told reporters the plan was new and would be tested by the end of the year.",
                [(Some("Jane Doe"), TrailingCue)]
            ),
            t!(
                "a verb coordinated with a cue shares its subject",
                "Jane Doe spoke first. The United Nations said it stood “ready to help” and estimated that “12,000 people may need shelter.”",
                [(Some("United Nations"), LeadingCue), (Some("United Nations"), LeadingCue)]
            ),
            t!(
                "the subject of an opening subordinate clause is not the sentence's",
                "Jonas van Eck shrugged.\nWhen she announced the album last month, Yasmin Oduya skipped the tour dates. “Made this one with the lights on,” she wrote.",
                [(Some("Yasmin Oduya"), TrailingCue)]
            ),
            t!(
                "a possessive name, an adjective and a body noun; another with a person noun",
                "Chile's central bank cut its rate. Tom Reyes, an economist, called it brave.\nThe board voted for the cut, the bank said, adding that “the timing will depend on data.”\nAnother customer said the queue lasted “maybe a minute, tops.”",
                [(Some("Chile's central bank"), LeadingCue), (Some("customer"), LeadingCue)]
            ),
            t!(
                "as between a quote and a later name: no trailing cue (only the focus)",
                "Jane Doe spoke on Monday.\nThe strike was a “flagrant violation” of sovereignty as Kataib Doe vows to respond.",
                [(Some("Kataib Doe"), Focus)]
            ),
        ];
        for case in &cases {
            let got = run(case.text);
            let want: Vec<(Option<String>, Rule)> =
                case.want.iter().map(|(s, r)| (s.map(String::from), *r)).collect();
            assert_eq!(got, want, "case {:?}", case.name);
        }
    }
}
