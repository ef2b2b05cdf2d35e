//! The per-article driver: [`attribute_split`] walks an article's
//! paragraphs and sentences together with its quotes, and a [`Reader`]
//! carries what a reader remembers from one sentence to the next — the
//! cast, the person and organisation in focus, the issuer of "the
//! statement", the last unnamed source and the speakers seen so far.
//!
//! Each sentence is read into a [`Clause`] (see `clause`), its mentions
//! resolved (see `referent`) and the focus moved to its subject; then each
//! of its speech quotes goes to the rules (see `rules`). Reported speech
//! and cue uses are recorded here as the narration is read.

use super::clause::{
    Clause, Folding, Narration, Spare, gap, is_according_to, modifies_name, named_by_apposition,
    subject_of,
};
use super::gender::Genders;
use super::nested::Outer;
use super::rules::continue_quotes;
use super::{Attributed, Attribution, CueUse, Reported};
use crate::cue::CueForm;
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::mention::{Found, MentionKind};
use crate::quote::Quote;
use crate::speaker::{Cast, EntityId};
use crate::text::{self, Word, is_space};
use crate::{Mention, Rule, Span, SpeakerType};

/// Reading state for one article.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) gazetteer: Option<&'a Gazetteer>,
    /// The words of the whole text outside its top-level quotes, folded
    /// and classed.
    pub(super) narration: &'a Narration<'a>,
    pub(super) paragraphs: &'a [Span],
    pub(super) cast: Cast,
    pub(super) person_focus: Option<(EntityId, Mention)>,
    pub(super) org_focus: Option<(EntityId, Mention)>,
    pub(super) issuer: Option<EntityId>,
    pub(super) last_source: Option<EntityId>,
    /// Persons who were the subject of a cue, with the cue's offset: the
    /// referents of lead descriptions.
    speakers_seen: Vec<(usize, EntityId)>,
    reported: Vec<Reported>,
    /// Cue uses; a lead description's (`entity` is `usize::MAX`) waits
    /// for its referent, as its quotes do.
    cues: Vec<CueUse>,
    /// The vectors of the last sentence's clause, for the next one's.
    pub(super) spare: Spare<'a>,
    /// The genders the text gave persons, for `he` and `she`.
    pub(super) genders: Genders,
    /// The one person the last sentence mentioned, if it mentioned
    /// exactly one.
    lone_person: Option<EntityId>,
}

/// [`attribute_words`](super::attribute_words) for a caller that also has
/// the sentences of some paragraphs, as
/// [`crate::quote::find_quotes_split`] returns them for the same
/// `paragraphs` and `quotes`: those are not split again (issue #5). A
/// paragraph whose entry is `None` or missing is split here.
pub fn attribute_split(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    words: &[Word],
    split: &[Option<Vec<Span>>],
    gazetteer: Option<&Gazetteer>,
) -> Attributed {
    let top: Vec<Span> = quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    // Each word outside the quotes folded and classed once (issue #5).
    let folding = Folding::new(text, words, &top);
    let narration = folding.narration(text);
    let mut reader = Reader::new(text, &narration, paragraphs, gazetteer);
    let mut out: Vec<Attribution> = quotes
        .iter()
        .map(|q| {
            if !q.kind.is_speech() {
                Attribution::none(Rule::NotSpeech)
            } else if q.depth > 0 {
                Attribution::none(Rule::Nested)
            } else {
                Attribution::none(Rule::Unattributed)
            }
        })
        .collect();
    // Quotes waiting for a lead description's referent.
    let mut cataphoric: Vec<(usize, usize)> = Vec::new();
    // Top-level quotes with quotes inside them, for `attribute_nested`.
    let mut outers: Vec<Outer> = Vec::new();
    let mut prev_sentence: Option<Span> = None;
    // Quotes and sentences are both in text order: walk them together.
    let mut next_quote = 0;
    for (p, &para) in paragraphs.iter().enumerate() {
        let split_here;
        let sentences = match split.get(p) {
            Some(Some(sentences)) => sentences,
            _ => {
                split_here = text::sentences(text, para, &top);
                &split_here
            }
        };
        for &sentence in sentences {
            let mut clause = reader.sentence_clause(sentence);
            reader.read(&mut clause);
            while quotes.get(next_quote).is_some_and(|q| q.outer.start < sentence.start) {
                next_quote += 1;
            }
            let here = quotes[next_quote..]
                .iter()
                .take_while(|q| sentence.contains_offset(q.outer.start))
                .count();
            for (qi, q) in quotes.iter().enumerate().skip(next_quote).take(here) {
                if q.depth > 0 || !q.kind.is_speech() {
                    continue;
                }
                let slot = clause.words.iter().take_while(|w| w.span.end <= q.outer.start).count();
                let (attribution, pending) =
                    reader.attribute_quote(q, &clause, slot, para, prev_sentence, &top);
                if pending {
                    cataphoric.push((qi, q.outer.start));
                }
                if quotes.get(qi + 1).is_some_and(|n| n.depth > 0) {
                    outers.push(Outer { index: qi, recent: reader.genders.recent().to_vec() });
                }
                if let Some(e) = attribution.entity {
                    if attribution.is_cued() {
                        reader.set_focus(e, attribution.mention.clone());
                    }
                }
                out[qi] = attribution;
            }
            reader.recycle(clause);
            prev_sentence = Some(sentence);
        }
    }
    // A lead description ("The leader of an armed group said …") is the
    // first person who speaks after it.
    for (qi, at) in cataphoric {
        // In text order, so the first later one is found by binary search.
        let later = reader.speakers_seen.partition_point(|&(o, _)| o <= at);
        if let Some(&(_, e)) = reader.speakers_seen.get(later) {
            out[qi].entity = Some(e);
        } else {
            out[qi] = Attribution::none(Rule::Unattributed);
        }
    }
    continue_quotes(text, paragraphs, quotes, &mut out);
    reader.attribute_nested(quotes, &outers, &mut out);
    let speakers_seen = reader.speakers_seen;
    let cues = reader
        .cues
        .into_iter()
        .filter_map(|mut c| {
            if c.entity == usize::MAX {
                c.entity = speakers_seen.iter().find(|(o, _)| *o > c.cue.start)?.1;
            }
            Some(c)
        })
        .collect();
    Attributed { cast: reader.cast, quotes: out, reported: reader.reported, cues }
}

impl<'a> Reader<'a> {
    /// A reader at the start of an article: `narration` holds the words
    /// of the whole `text` outside its top-level quotes, `paragraphs` are
    /// its paragraphs; nothing read yet.
    pub(super) fn new(
        text: &'a str,
        narration: &'a Narration<'a>,
        paragraphs: &'a [Span],
        gazetteer: Option<&'a Gazetteer>,
    ) -> Reader<'a> {
        Reader {
            text,
            narration,
            gazetteer,
            paragraphs,
            cast: Cast::new(),
            person_focus: None,
            org_focus: None,
            issuer: None,
            last_source: None,
            speakers_seen: Vec::new(),
            reported: Vec::new(),
            cues: Vec::new(),
            spare: Spare::default(),
            genders: Genders::default(),
            lone_person: None,
        }
    }
}

impl Reader<'_> {
    /// Resolves a sentence's mentions in order, records roles and
    /// statement issuers, and moves the focus to the sentence's subject.
    fn read(&mut self, c: &mut Clause) {
        // The subject of each cue, found once: the steps below ask for it
        // four times (issue #5). Resolving changes none of what it reads.
        let subjects: Vec<Option<(usize, f64)>> =
            c.cues.iter().map(|cue| subject_of(self.text, c, cue)).collect();
        let speaking: Vec<usize> = subjects.iter().flatten().map(|&(k, _)| k).collect();
        let mut subject_seen = false;
        // "When she announced the album, Oduya skipped …": the subject of
        // a clause that opens the sentence with a subordinating word is
        // not the sentence's.
        let main_from = if c.folded.first().is_some_and(|w| lexicon::SUBORDINATORS.contains(w)) {
            (1..c.words.len()).find(|&i| gap(self.text, &c.words, i).contains(',')).unwrap_or(0)
        } else {
            0
        };
        for k in 0..c.mentions.len() {
            // A description that a name right after it names ("The
            // festival's director, Jane Doe, defended …", "The bill's
            // author, state Sen. Jane Doe, …", "The group, Kataib Doe,
            // confirmed …") is that name's: it is not resolved on its own
            // (which would make "the group" a body of its own).
            if named_by_apposition(self.text, c, k) {
                c.resolved[k] = None;
                continue;
            }
            let speaks = speaking.contains(&k) || super::referent::cited_group(c, k);
            c.resolved[k] = self.resolve(&c.mentions[k], speaks);
            self.learn_gender(c, k, main_from);
            self.record_roles(c, k);
            let m = &c.mentions[k];
            // "According to X" makes X a source as much as a subject does.
            let according = is_according_to(&c.folded, m.first);
            // A name that only qualifies the role of the person named next
            // ("US State Department spokesman Jane Doe") leaves the subject
            // to that name.
            if modifies_name(self.text, c, k) {
                continue;
            }
            let main = m.first >= main_from;
            if let (Some(r), true) =
                (&c.resolved[k], according || m.subject && main && !subject_seen)
            {
                subject_seen |= m.subject;
                // A pronoun leaves the focus where it is, and so does a
                // group of people ("analysts say"): `he` and `she` never
                // mean it, and a quote with no cue is no more theirs than
                // the focus's.
                let group = matches!(m.kind, MentionKind::Source { group: true, .. });
                if !matches!(m.kind, MentionKind::Pronoun(_)) && !group && !r.cataphoric {
                    let mention = self.mention_of(m);
                    self.set_focus(r.entity, Some(mention));
                }
            }
        }
        // Subjects of cues are speakers.
        for (cue, subject) in c.cues.iter().zip(&subjects) {
            if let Some((k, _)) = *subject {
                if let Some(r) = c.resolved[k].clone().filter(|r| !r.cataphoric) {
                    if self.cast.get(r.entity).kind == SpeakerType::Person {
                        self.speakers_seen.push((cue.span.start, r.entity));
                    }
                }
            }
        }
        self.lone_person = self.lone_person_of(c);
        self.record_reported(c, &subjects);
        self.record_cues(c, &subjects);
        // "X said in a statement", "X issued a statement": X is the issuer
        // of "the statement" — the agent named after the document ("a
        // statement issued by X"), else the subject of the cue before it,
        // else the sentence's subject before it, else the subject of the
        // first cue after it ("In a filing, prosecutors said").
        let document = c.mentions.iter().find(|m| {
            m.kind == MentionKind::Document && lexicon::INDEFINITE.contains(c.folded[m.first])
        });
        if let Some(doc) = document {
            // "a statement issued by X", "a statement from X": X.
            let after = |i: usize| c.folded.get(i).copied().unwrap_or("");
            let agent_at = match (after(doc.last), after(doc.last + 1)) {
                ("by" | "from", _) => Some(doc.last + 1),
                ("issued" | "signed" | "released" | "published", "by") => Some(doc.last + 2),
                _ => None,
            };
            // Through an apposition: "issued by its leader, Jane Doe,".
            let by_agent = agent_at.and_then(|at| {
                (0..c.mentions.len())
                    .filter(|&k| c.mentions[k].first >= at && c.mentions[k].first <= at + 6)
                    .find(|&k| c.resolved[k].is_some())
            });
            let by_cue = c
                .cues
                .iter()
                .zip(&subjects)
                .rev()
                .filter(|(cue, _)| cue.last <= doc.first)
                .find_map(|(_, subject)| *subject)
                .map(|(k, _)| k);
            let by_subject = c.mentions.iter().position(|m| m.subject && m.first < doc.first);
            // "In a filing, prosecutors said …": the first cue after it.
            let by_cue_after = c
                .cues
                .iter()
                .zip(&subjects)
                .filter(|(cue, _)| cue.first >= doc.last)
                .find_map(|(_, subject)| *subject)
                .map(|(k, _)| k);
            let issuer = by_agent
                .or(by_cue)
                .or(by_subject)
                .or(by_cue_after)
                .and_then(|k| c.resolved[k].as_ref())
                .filter(|r| !r.cataphoric);
            if let Some(r) = issuer {
                self.issuer = Some(r.entity);
            }
        }
    }

    /// Reported speech: "X said (in a statement) (on Sunday) that …" up
    /// to the next cue, quote or the end of the sentence. `subjects` are
    /// the cues' [`subject_of`].
    fn record_reported(&mut self, c: &Clause, subjects: &[Option<(usize, f64)>]) {
        for (n, cue) in c.cues.iter().enumerate() {
            if cue.form != CueForm::Finite {
                continue;
            }
            let Some(r) = subjects[n].and_then(|(k, _)| c.resolved[k].clone()) else {
                continue;
            };
            if r.cataphoric {
                continue;
            }
            let Some(that) =
                (cue.last..(cue.last + 7).min(c.words.len())).find(|&j| c.folded[j] == "that")
            else {
                continue;
            };
            let next_cue = c.cues.get(n + 1).map_or(c.words.len(), |nc| nc.first);
            let mut end = that + 1;
            while end < next_cue
                && (end == that + 1
                    || !gap(self.text, &c.words, end).contains(opens_or_closes_quote))
            {
                end += 1;
            }
            // Words leading into a partial quote are its frame, not a
            // paraphrase, unless they say much on their own.
            let after =
                self.text[c.words[end - 1].span.end..].trim_start_matches(|ch: char| is_space(ch));
            let into_quote = after.starts_with(|ch| opens_or_closes_quote(ch) || ch == '‘');
            if end >= that + 5 && (!into_quote || end >= that + 9) {
                let span = Span::new(c.words[that + 1].span.start, c.words[end - 1].span.end);
                let cue = self.text[cue.span.range()].to_string();
                self.reported.push(Reported { span, entity: r.entity, cue });
            }
        }
    }

    /// Records each cue whose subject resolved, and `according to X`, as
    /// [`CueUse`]s. `subjects` are the cues' [`subject_of`].
    fn record_cues(&mut self, c: &Clause, subjects: &[Option<(usize, f64)>]) {
        let according = (0..c.mentions.len()).filter_map(|k| {
            let first = c.mentions[k].first;
            if !is_according_to(&c.folded, first) {
                return None;
            }
            let i = (0..first).rev().find(|&i| c.folded[i] == "according")?;
            Some((k, Span::new(c.words[i].span.start, c.words[i + 1].span.end)))
        });
        let cued = c.cues.iter().zip(subjects).filter_map(|(cue, s)| s.map(|(k, _)| (k, cue.span)));
        let mut found: Vec<(usize, Span)> = cued.chain(according).collect();
        found.sort_by_key(|&(_, cue)| cue.start);
        for (k, cue) in found {
            let Some(r) = &c.resolved[k] else { continue };
            let m = &c.mentions[k];
            self.cues.push(CueUse {
                entity: if r.cataphoric { usize::MAX } else { r.entity },
                cue,
                mention: m.span,
                description: matches!(m.kind, MentionKind::Description { .. }),
            });
        }
    }

    /// `Jane Doe is in the wheelhouse. She is 71.`: a `he` or `she` that
    /// opens its sentence (or its main clause) right after a sentence that
    /// mentioned one person only, the person in focus, gives that person
    /// its gender, unless the text gave one already. (Not any pronoun: in
    /// `Doe met Roe. He said …` either may be meant.)
    fn learn_gender(&mut self, c: &Clause, k: usize, main_from: usize) {
        let m = &c.mentions[k];
        if m.kind != MentionKind::Pronoun(crate::mention::Pronoun::Personal)
            || !(m.first == 0 || m.first == main_from)
        {
            return;
        }
        let (Some(lone), Some((focus, _))) = (self.lone_person, &self.person_focus) else {
            return;
        };
        if lone == *focus {
            if let Some(g) = super::gender::of_pronoun(&self.text[m.span.range()]) {
                self.genders.learn(lone, g);
            }
        }
    }

    /// The one person entity among a clause's referents, if there is
    /// exactly one.
    fn lone_person_of(&self, c: &Clause) -> Option<EntityId> {
        let mut persons = c
            .resolved
            .iter()
            .flatten()
            .filter(|r| !r.cataphoric && self.cast.get(r.entity).kind == SpeakerType::Person)
            .map(|r| r.entity);
        let first = persons.next()?;
        persons.all(|e| e == first).then_some(first)
    }

    pub(super) fn mention_of(&self, m: &Found) -> Mention {
        Mention { text: self.text[m.span.range()].into(), start: m.span.start, end: m.span.end }
    }

    fn set_focus(&mut self, e: EntityId, mention: Option<Mention>) {
        let Some(mention) = mention else { return };
        match self.cast.get(e).kind {
            SpeakerType::Organisation => self.org_focus = Some((e, mention)),
            _ => {
                self.genders.focused(e);
                self.person_focus = Some((e, mention));
            }
        }
    }
}

/// A double quotation mark of any style: what `"“”\"«»„".contains(ch)`
/// answers, as one `match` (issue #5: where the search through the
/// string was not inlined, it was a call of some 110 instructions for
/// each word of reported speech).
fn opens_or_closes_quote(ch: char) -> bool {
    matches!(ch, '“' | '”' | '"' | '«' | '»' | '„')
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::{Article, Rule};

    #[test]
    fn double_quotation_marks_are_those_of_the_string() {
        let marks = "“”\"«»„";
        let others = ['‘', '’', '\'', '‹', '›', '‟', '〝', '＂', ' ', 'a', 'É'];
        for ch in marks.chars().chain(others).chain((0u8..128).map(char::from)) {
            assert_eq!(super::opens_or_closes_quote(ch), marks.contains(ch), "{ch:?}");
        }
    }

    #[test]
    fn reported_speech() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Omar Fulani said in a statement on Sunday that the calm is only a tactic for regrouping, stressing, “The storm is coming.”",
                &["the calm is only a tactic for regrouping"],
            ),
            ("Omar Fulani said that the army “will return”.", &[]),
            ("Omar Fulani said the talks were over.", &[]),
        ];
        for (text, want) in cases {
            let ex = Extractor::new().extract(vec![Article::new("t", *text)]);
            let got: Vec<&str> = ex.paraphrases.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(got, *want, "{text}");
            assert!(ex.paraphrases.iter().all(|p| p.speaker.as_deref() == Some("Omar Fulani")));
        }
    }

    #[test]
    fn non_speech_and_nested_quotes_have_no_speaker() {
        let text = "Major General Joel \"J.B.\" Vowell said: “They told me ‘never’.”";
        let ex = Extractor::new().extract(vec![Article::new("t", text)]);
        let got: Vec<(&str, Option<&str>, Rule)> =
            ex.records.iter().map(|r| (r.text.as_str(), r.speaker.as_deref(), r.rule)).collect();
        assert_eq!(
            got,
            [
                ("J.B.", None, Rule::NotSpeech),
                ("They told me ‘never’.", Some("Joel Vowell"), Rule::ColonLeadIn),
                ("never", None, Rule::Nested),
            ]
        );
    }
}
