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
//! 5. [`Rule::ColonLeadIn`]: the sentence before ends with a colon.
//! 6. [`Rule::Continuation`]: a quote with only space or punctuation
//!    between it and the previous (or next) attributed quote.
//! 7. [`Rule::Focus`]: the speaker in focus, with low confidence.
//!
//! Mentions resolve to entities: names by alias ([`Cast::link_name`]);
//! `he`/`she` to the person in focus; `it` to the organisation in focus;
//! descriptions (`the PM`, `the cleric`) to the one person whose role
//! matches, else to the person in focus, else (in an article's lead, before
//! anyone is named) to the first person who speaks later; `the statement`
//! to whoever was last said to make a statement; `the source` to the last
//! unnamed source introduced.
//!
//! # Confidence
//!
//! Each rule has a base confidence (trailing cue 0.95, leading cue 0.9,
//! according to 0.9, quoted as saying 0.9, colon lead-in 0.85, a
//! trailing reporting verb 0.6, focus 0.45 for a full quote and 0.35 for a
//! partial one; a continuation takes 0.9 of the quote it continues),
//! multiplied by how directly the mention names the speaker: a name 1.0, an
//! unnamed source 1.0, a pronoun 0.9, a document resolved to its issuer
//! 0.9, a description matched by role 0.85, a description or document
//! given to the speaker in focus 0.65, a lead description given to the
//! first later speaker 0.6, a single capitalized word that no fuller name
//! explains 0.8. A cue reached through an apposition or participle costs
//! a further 0.95.

use crate::cue::{self, Cue, CueForm};
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::mention::{self, Found, KnownName, MentionKind, NameKind, Pronoun};
use crate::quote::Quote;
use crate::speaker::{Cast, EntityId};
use crate::text::{self, FoldedWord, Word, is_space};
use crate::{Mention, Rule, Span, SpeakerType};

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

/// A mention resolved to an entity, with how directly it names it.
#[derive(Clone, Debug)]
struct Resolved {
    entity: EntityId,
    factor: f64,
    /// A lead description waiting for the first person who speaks.
    cataphoric: bool,
}

/// The words of a stretch of narration, with their mentions and cues.
struct Clause {
    words: Vec<Word>,
    folded: Vec<FoldedWord>,
    mentions: Vec<Found>,
    resolved: Vec<Option<Resolved>>,
    cues: Vec<Cue>,
}

/// Reading state for one article.
struct Reader<'a> {
    text: &'a str,
    gazetteer: Option<&'a Gazetteer>,
    /// The words of the whole text.
    words: &'a [Word],
    paragraphs: &'a [Span],
    cast: Cast,
    person_focus: Option<(EntityId, Mention)>,
    org_focus: Option<(EntityId, Mention)>,
    issuer: Option<EntityId>,
    last_source: Option<EntityId>,
    /// Persons who were the subject of a cue, with the cue's offset: the
    /// referents of lead descriptions.
    speakers_seen: Vec<(usize, EntityId)>,
    reported: Vec<Reported>,
    /// Cue uses; a lead description's (`entity` is `usize::MAX`) waits
    /// for its referent, as its quotes do.
    cues: Vec<CueUse>,
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

/// [`attribute_words`] for a caller that also has the sentences of some
/// paragraphs, as [`crate::quote::find_quotes_split`] returns them for
/// the same `paragraphs` and `quotes`: those are not split again (issue
/// #5). A paragraph whose entry is `None` or missing is split here.
pub fn attribute_split(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    words: &[Word],
    split: &[Option<Vec<Span>>],
    gazetteer: Option<&Gazetteer>,
) -> Attributed {
    let top: Vec<Span> = quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    let mut reader = Reader {
        text,
        words,
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
    };
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
            let mut clause = reader.clause(reader.words_outside(sentence, &top), sentence.start);
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
                if let Some(e) = attribution.entity {
                    if attribution.is_cued() {
                        reader.set_focus(e, attribution.mention.clone());
                    }
                }
                out[qi] = attribution;
            }
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
    continue_quotes(text, quotes, &mut out);
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

impl Reader<'_> {
    /// The words of `span` outside the quotes in `top` (sorted and
    /// disjoint, so the one quote that may hold a word is the last one
    /// starting at or before it).
    fn words_outside(&self, span: Span, top: &[Span]) -> Vec<Word> {
        let words = text::words_within(self.words, span);
        let Some(first) = words.first() else { return Vec::new() };
        // Words and quotes are both in text order: after one binary search,
        // the quotes starting at or before each word are counted by
        // walking them along with the words (issue #5: a search per word).
        let mut k = top.partition_point(|q| q.start <= first.span.start);
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            while top.get(k).is_some_and(|q| q.start <= w.span.start) {
                k += 1;
            }
            if !(k > 0 && top[k - 1].contains(w.span)) {
                out.push(*w);
            }
        }
        out
    }

    /// The gazetteer's names among `words`, on word boundaries.
    fn known_names(&self, words: &[Word]) -> Vec<KnownName> {
        let (Some(g), Some(first), Some(last)) = (self.gazetteer, words.first(), words.last())
        else {
            return Vec::new();
        };
        let base = first.span.start;
        g.find(&self.text[base..last.span.end])
            .into_iter()
            .map(|m| (Span::new(m.span.start + base, m.span.end + base), &g.entries()[m.entry]))
            .filter(|(span, _)| {
                words.iter().any(|w| w.span.start == span.start)
                    && words.iter().any(|w| w.span.end == span.end)
            })
            .map(|(span, e)| KnownName {
                span,
                kind: if e.kind == SpeakerType::Organisation {
                    NameKind::Organisation
                } else {
                    NameKind::Person
                },
            })
            .collect()
    }

    fn clause(&self, words: Vec<Word>, start: usize) -> Clause {
        let folded = text::fold_words(self.text, &words);
        let mentions = if words.is_empty() {
            Vec::new()
        } else {
            let known = self.known_names(&words);
            mention::find_mentions_folded(self.text, &words, &folded, start, &known)
        };
        let cues = cue::find_cues_folded(self.text, &words, &folded);
        let resolved = vec![None; mentions.len()];
        Clause { words, folded, mentions, resolved, cues }
    }

    /// Resolves a sentence's mentions in order, records roles and
    /// statement issuers, and moves the focus to the sentence's subject.
    fn read(&mut self, c: &mut Clause) {
        let speaking: Vec<usize> =
            c.cues.iter().filter_map(|cue| subject_of(self.text, c, cue)).map(|(k, _)| k).collect();
        let mut subject_seen = false;
        for k in 0..c.mentions.len() {
            c.resolved[k] = self.resolve(&c.mentions[k], speaking.contains(&k));
            self.record_roles(c, k);
            let m = &c.mentions[k];
            // "According to X" makes X a source as much as a subject does.
            let according = is_according_to(&c.folded, m.first);
            if let (Some(r), true) = (&c.resolved[k], according || m.subject && !subject_seen) {
                subject_seen |= m.subject;
                if !matches!(m.kind, MentionKind::Pronoun(_)) && !r.cataphoric {
                    let mention = self.mention_of(m);
                    self.set_focus(r.entity, Some(mention));
                }
            }
        }
        // Subjects of cues are speakers.
        for cue in &c.cues {
            if let Some((k, _)) = subject_of(self.text, c, cue) {
                if let Some(r) = c.resolved[k].clone().filter(|r| !r.cataphoric) {
                    if self.cast.get(r.entity).kind == SpeakerType::Person {
                        self.speakers_seen.push((cue.span.start, r.entity));
                    }
                }
            }
        }
        self.record_reported(c);
        self.record_cues(c);
        // "X said in a statement", "X issued a statement": X is the issuer
        // of "the statement" — the subject of the cue before the document,
        // else the sentence's subject.
        let document = c.mentions.iter().find(|m| {
            m.kind == MentionKind::Document && lexicon::INDEFINITE.contains(&c.folded[m.first])
        });
        if let Some(doc) = document {
            let by_cue = c
                .cues
                .iter()
                .rev()
                .filter(|cue| cue.last <= doc.first)
                .find_map(|cue| subject_of(self.text, c, cue))
                .map(|(k, _)| k);
            let by_subject = c.mentions.iter().position(|m| m.subject && m.first < doc.first);
            let issuer = by_cue
                .or(by_subject)
                .and_then(|k| c.resolved[k].as_ref())
                .filter(|r| !r.cataphoric);
            if let Some(r) = issuer {
                self.issuer = Some(r.entity);
            }
        }
    }

    /// Reported speech: "X said (in a statement) (on Sunday) that …" up
    /// to the next cue, quote or the end of the sentence.
    fn record_reported(&mut self, c: &Clause) {
        for (n, cue) in c.cues.iter().enumerate() {
            if cue.form != CueForm::Finite {
                continue;
            }
            let Some(r) = subject_of(self.text, c, cue).and_then(|(k, _)| c.resolved[k].clone())
            else {
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
                    || !gap(self.text, &c.words, end).contains(|ch| "“”\"«»„".contains(ch)))
            {
                end += 1;
            }
            // Words leading into a partial quote are its frame, not a
            // paraphrase, unless they say much on their own.
            let after =
                self.text[c.words[end - 1].span.end..].trim_start_matches(|ch: char| is_space(ch));
            let into_quote = after.starts_with(|ch| "“”\"«»„‘".contains(ch));
            if end >= that + 5 && (!into_quote || end >= that + 9) {
                let span = Span::new(c.words[that + 1].span.start, c.words[end - 1].span.end);
                let cue = self.text[cue.span.range()].to_string();
                self.reported.push(Reported { span, entity: r.entity, cue });
            }
        }
    }

    /// Records each cue whose subject resolved, and `according to X`, as
    /// [`CueUse`]s.
    fn record_cues(&mut self, c: &Clause) {
        let according = (0..c.mentions.len()).filter_map(|k| {
            let first = c.mentions[k].first;
            if !is_according_to(&c.folded, first) {
                return None;
            }
            let i = (0..first).rev().find(|&i| c.folded[i] == "according")?;
            Some((k, Span::new(c.words[i].span.start, c.words[i + 1].span.end)))
        });
        let cued = c
            .cues
            .iter()
            .filter_map(|cue| subject_of(self.text, c, cue).map(|(k, _)| (k, cue.span)));
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

    /// Resolves the mentions of a clause read for a cue only (the focus
    /// does not move).
    fn resolve_all(&mut self, c: &mut Clause) {
        for k in 0..c.mentions.len() {
            let speaking =
                c.cues.iter().any(|cue| subject_of(self.text, c, cue).is_some_and(|(s, _)| s == k));
            c.resolved[k] = self.resolve(&c.mentions[k], speaking);
        }
    }

    fn mention_of(&self, m: &Found) -> Mention {
        Mention { text: self.text[m.span.range()].into(), start: m.span.start, end: m.span.end }
    }

    fn set_focus(&mut self, e: EntityId, mention: Option<Mention>) {
        let Some(mention) = mention else { return };
        match self.cast.get(e).kind {
            SpeakerType::Organisation => self.org_focus = Some((e, mention)),
            _ => self.person_focus = Some((e, mention)),
        }
    }

    /// Resolves one mention to an entity. A single capitalized word that
    /// matches no known name becomes a new (weak) person only when it is
    /// `speaking`, the subject of a cue.
    fn resolve(&mut self, m: &Found, speaking: bool) -> Option<Resolved> {
        let direct = |entity| Some(Resolved { entity, factor: 1.0, cataphoric: false });
        match &m.kind {
            MentionKind::Name(_)
                if self.gazetteer.and_then(|g| g.lookup(m.name.as_deref()?)).is_some() =>
            {
                // A gazetteer entry names the speaker, its type and role.
                let name = m.name.as_deref()?;
                let entry = self.gazetteer?.lookup(name)?;
                let id = self.cast.link_name(&entry.canonical, entry.kind, true)?;
                self.cast.pin(id);
                self.cast.add_alias(id, name);
                if let Some(role) = &entry.role {
                    self.cast.add_role(id, role);
                }
                if let Some(r) = &m.role {
                    self.cast.add_role(id, r);
                }
                direct(id)
            }
            MentionKind::Name(kind) => {
                let name = m.name.as_deref()?;
                let (id, factor) = match kind {
                    NameKind::Person => {
                        (self.cast.link_name(name, SpeakerType::Person, true)?, 1.0)
                    }
                    NameKind::Organisation => {
                        (self.cast.link_name(name, SpeakerType::Organisation, true)?, 1.0)
                    }
                    // Places speak only by metonymy: "Downing Street said".
                    NameKind::Place if !speaking => return None,
                    NameKind::Place => {
                        (self.cast.link_name(name, SpeakerType::Organisation, true)?, 0.9)
                    }
                    NameKind::Unknown => {
                        match self.cast.link_name(name, SpeakerType::Person, false) {
                            Some(id) => (id, 1.0),
                            None => {
                                match self.cast.link_name(name, SpeakerType::Organisation, false) {
                                    Some(id) => (id, 1.0),
                                    None if !speaking => return None,
                                    None => {
                                        let id =
                                            self.cast.link_name(name, SpeakerType::Person, true)?;
                                        self.cast.set_weak(id);
                                        (id, 0.8)
                                    }
                                }
                            }
                        }
                    }
                };
                if let Some(a) = &m.acronym {
                    self.cast.add_alias(id, a);
                }
                if let Some(r) = &m.role {
                    self.cast.add_role(id, r);
                }
                let factor: f64 =
                    if self.cast.get(id).weak { f64::min(factor, 0.8) } else { factor };
                Some(Resolved { entity: id, factor, cataphoric: false })
            }
            MentionKind::Pronoun(Pronoun::Personal) => self
                .person_focus
                .as_ref()
                .map(|(e, _)| Resolved { entity: *e, factor: 0.9, cataphoric: false }),
            MentionKind::Pronoun(Pronoun::Neuter | Pronoun::Plural) => self
                .org_focus
                .as_ref()
                .map(|(e, _)| Resolved { entity: *e, factor: 0.9, cataphoric: false }),
            MentionKind::Description { head, body: true }
                if has_proper_modifier(&self.text[m.span.range()]) =>
            {
                // "The Israeli army", "the Northland government": specific enough
                // to be an organisation of its own.
                let name = strip_determiner(&self.text[m.span.range()]).to_string();
                let _ = head;
                direct(self.cast.link_name(&name, SpeakerType::Organisation, true)?)
            }
            MentionKind::Description { head, body } => {
                let by_role = if *body {
                    self.cast.by_name_word(head, SpeakerType::Organisation)
                } else {
                    self.cast.by_role(head)
                };
                if let Some(e) = by_role {
                    return Some(Resolved { entity: e, factor: 0.85, cataphoric: false });
                }
                // "the group" refers back to the organisation in focus; "the
                // ministry" names a kind of body the focus may not be.
                let generic = !*body || lexicon::GENERIC_BODY_NOUNS.contains(head);
                let focus = if *body { &self.org_focus } else { &self.person_focus };
                if let Some((e, _)) = focus.as_ref().filter(|_| generic) {
                    return Some(Resolved { entity: *e, factor: 0.65, cataphoric: false });
                }
                if *body {
                    // "the ministry" with no antecedent is a body of its own.
                    let name = strip_determiner(&self.text[m.span.range()]).to_string();
                    let id = self.cast.link_name(&name, SpeakerType::Organisation, true)?;
                    return Some(Resolved { entity: id, factor: 0.65, cataphoric: false });
                }
                // Nobody in focus yet: a lead description, resolved later.
                Some(Resolved { entity: usize::MAX, factor: 0.6, cataphoric: true })
            }
            MentionKind::Document => match self.issuer {
                Some(e) => Some(Resolved { entity: e, factor: 0.9, cataphoric: false }),
                None => self
                    .person_focus
                    .as_ref()
                    .or(self.org_focus.as_ref())
                    .map(|(e, _)| Resolved { entity: *e, factor: 0.65, cataphoric: false }),
            },
            MentionKind::Source { introduces } => {
                let id = match (introduces, self.last_source) {
                    (false, Some(id)) => id,
                    _ => self.cast.add_source(source_name(&self.text[m.span.range()])),
                };
                self.last_source = Some(id);
                direct(id)
            }
        }
    }

    /// Roles from appositions: "X, secretary general of Y," and
    /// "Y's spokesperson, X,".
    fn record_roles(&mut self, c: &Clause, k: usize) {
        let m = &c.mentions[k];
        let Some(r) = c.resolved[k].as_ref().filter(|r| !r.cataphoric) else { return };
        if !matches!(m.kind, MentionKind::Name(_)) {
            return;
        }
        // After: ", role words ," — a role when it holds a role noun.
        if m.last < c.words.len() && gap(self.text, &c.words, m.last).trim_matches(is_space) == ","
        {
            let mut j = m.last;
            while j < c.words.len()
                && !gap(self.text, &c.words, j + 1).contains([',', ';', '('])
                && j < m.last + 12
            {
                j += 1;
            }
            if j < c.words.len() && gap(self.text, &c.words, j + 1).trim_matches(is_space) == ","
                || j + 1 == c.words.len()
            {
                let role_words = &c.folded[m.last..=j.min(c.words.len() - 1)];
                let is_role = role_words
                    .iter()
                    .any(|w| lexicon::PERSON_NOUNS.contains(w) || lexicon::TITLE_WORDS.contains(w));
                // "who …", "prompting …", "killed …" start a clause, not a role.
                let starts_clause = role_words.first().is_some_and(|w| {
                    ["who", "which", "whose", "where", "when"].contains(&w.as_str())
                        || w.ends_with("ing")
                        || w.ends_with("ed")
                        || cue::is_cue_word(w)
                });
                if is_role
                    && !starts_clause
                    && !c.cues.iter().any(|q| q.first >= m.last && q.first <= j)
                {
                    let span = Span::new(
                        c.words[m.last].span.start,
                        c.words[j.min(c.words.len() - 1)].span.end,
                    );
                    self.cast.add_role(r.entity, &self.text[span.range()]);
                }
            }
        }
        // Before: "Northland’s army spokesperson, Brigadier X".
        if k > 0 && m.first > 0 && gap(self.text, &c.words, m.first).trim_matches(is_space) == "," {
            let prev = &c.mentions[k - 1];
            if prev.last == m.first
                && matches!(prev.kind, MentionKind::Description { body: false, .. })
            {
                let start = c.words[prev.first].span.start;
                let role = self.text[start..prev.span.end]
                    .trim_start_matches(|ch: char| !ch.is_alphanumeric());
                let role = strip_determiner(role);
                self.cast.add_role(r.entity, role);
            }
        }
    }

    /// Attributes one top-level speech quote. The second value says the
    /// attribution waits for a lead description's referent.
    fn attribute_quote(
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
        if let Some(found) = self.label(q, c, slot) {
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
                let mut pc = self.clause(self.words_outside(prev, top), prev.start);
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
        (self.focus(q, para), false)
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
        let mut c = self.clause(words, stretch.start);
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
            c.mentions.iter().position(|m| m.first == cue.last)?
        } else {
            let mut j = cue.first;
            while j > 0 && lexicon::BETWEEN_SUBJECT_AND_VERB.contains(&c.folded[j - 1]) {
                j -= 1;
            }
            let k = c.mentions.iter().position(|m| m.last == j)?;
            let m = &c.mentions[k];
            // Only lower-case role words may stand before the mention.
            let modifiers = (0..m.first).all(|i| {
                c.words[i].as_str(self.text).starts_with(char::is_lowercase)
                    && !cue::is_cue_word(&c.folded[i])
                    && !["that", "and", "but", "who", "which"].contains(&c.folded[i].as_str())
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
        // clause: "“….” Fulani said." but not "“….” He said that …".
        if new_sentence {
            let next = c.folded.get(cue.last.max(c.mentions[k].last));
            let last = c.words[cue.last.max(c.mentions[k].last) - 1];
            let colon = self.text[last.span.end..].trim_start_matches(is_space).starts_with(':');
            if colon
                || next.is_some_and(|w| w == "that")
                || cue.last + 6 < c.words.len() && !self.clause_ends_soon(&c, cue.last)
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

    /// Rule 3: "according to X".
    fn according_to(&mut self, c: &Clause) -> Option<(Attribution, bool)> {
        let k = c.mentions.iter().position(|m| is_according_to(&c.folded, m.first))?;
        let i = (0..c.mentions[k].first).rev().find(|&i| c.folded[i] == "according")?;
        let r = c.resolved[k].clone()?;
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
        let r = c.resolved[k].clone()?;
        let colon = Span::new(before.span.end, q.outer.start);
        let cue = Cue {
            span: text::trim(self.text, colon),
            form: CueForm::Finite,
            first: slot,
            last: slot,
        };
        Some((self.make(c, k, &r, &cue, Rule::ColonLeadIn, 0.7), r.cataphoric))
    }

    /// Rule 7: the speaker in focus.
    fn focus(&self, q: &Quote, para: Span) -> Attribution {
        let Some((e, mention)) = self.person_focus.clone().or_else(|| self.org_focus.clone())
        else {
            return Attribution::none(Rule::Unattributed);
        };
        let alone = text::trim(self.text, para) == q.outer || q.kind == crate::QuoteKind::Full;
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

/// The subject of a cue: the mention index and a factor (1.0 when next to
/// the verb, 0.95 through an apposition or participle).
fn subject_of(text: &str, c: &Clause, cue: &Cue) -> Option<(usize, f64)> {
    if cue.form == CueForm::Participle {
        // The participle's clause subject: the previous finite cue's, or
        // the sentence's first subject.
        if let Some(prev) =
            c.cues.iter().rev().find(|p| p.last <= cue.first && p.form == CueForm::Finite)
        {
            return subject_of(text, c, prev).map(|(k, f)| (k, f * 0.95));
        }
        return c.mentions.iter().position(|m| m.subject && m.last <= cue.first).map(|k| (k, 0.95));
    }
    // "quoted Y as saying": Y.
    if c.folded[cue.first] == "quoted" {
        return c.mentions.iter().position(|m| m.first == cue.last).map(|k| (k, 1.0));
    }
    let mut j = cue.first;
    while j > 0 && lexicon::BETWEEN_SUBJECT_AND_VERB.contains(&c.folded[j - 1]) {
        j -= 1;
    }
    if let Some(k) =
        c.mentions.iter().position(|m| m.last == j && !gap(text, &c.words, j).contains([',', ';']))
    {
        return Some((k, 1.0));
    }
    // Through an apposition: "X, secretary general of Y, said", or a
    // name after a role: "The prime minister, Jane Doe, said".
    if j > 0 && gap(text, &c.words, j).trim_matches(is_space) == "," {
        let k = c.mentions.iter().rposition(|m| {
            m.subject
                && (m.last < j || matches!(m.kind, MentionKind::Name(_)))
                && m.last <= j
                && gap(text, &c.words, m.last).trim_matches(is_space) == ","
        })?;
        return Some((k, 0.95));
    }
    // Inverted: "said Fulani".
    if let Some(k) = c
        .mentions
        .iter()
        .position(|m| m.first == cue.last && matches!(m.kind, MentionKind::Name(_)))
    {
        return Some((k, 1.0));
    }
    None
}

/// Whether the mention starting at word `first` follows "according to"
/// (perhaps with "the" between).
fn is_according_to(folded: &[FoldedWord], first: usize) -> bool {
    let mut i = first;
    if i > 0 && folded[i - 1] == "the" {
        i -= 1;
    }
    i >= 2 && folded[i - 2] == "according" && folded[i - 1] == "to"
}

/// The text between word `i - 1` and word `i` (empty at the ends).
fn gap<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    if i == 0 || i >= words.len() {
        return "";
    }
    &text[words[i - 1].span.end..words[i].span.start]
}

/// Whether a description has a capitalized word after its determiner:
/// "the Israeli army" but not "the army".
fn has_proper_modifier(description: &str) -> bool {
    strip_determiner(description).split_whitespace().any(text::is_capitalized)
}

/// An unnamed source's name: its description without the determiner,
/// white space folded.
fn source_name(description: &str) -> String {
    strip_determiner(description).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_determiner(s: &str) -> &str {
    let s = s.trim();
    match s.split_once(|c: char| is_space(c)) {
        Some((first, rest)) if lexicon::DETERMINERS.contains(&text::fold(first)) => {
            rest.trim_start()
        }
        _ => s,
    }
}

/// Rule 6: a quote with nothing but space and punctuation between it and
/// an attributed neighbour inherits that neighbour's speaker.
fn continue_quotes(text: &str, quotes: &[Quote], out: &mut [Attribution]) {
    let speech: Vec<usize> =
        (0..quotes.len()).filter(|&i| quotes[i].depth == 0 && quotes[i].kind.is_speech()).collect();
    let adjacent = |a: usize, b: usize| {
        text[quotes[a].outer.end..quotes[b].outer.start]
            .chars()
            .all(|c| is_space(c) || c.is_ascii_punctuation() && c != ':')
    };
    for w in speech.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !out[b].is_cued() && out[a].entity.is_some() && adjacent(a, b) {
            out[b] = Attribution {
                rule: Rule::Continuation,
                confidence: round(out[a].confidence * 0.9),
                ..out[a].clone()
            };
        }
    }
    for w in speech.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        if !out[a].is_cued() && out[b].is_cued() && adjacent(a, b) {
            out[a] = Attribution {
                rule: Rule::Continuation,
                confidence: round(out[b].confidence * 0.9),
                ..out[b].clone()
            };
        }
    }
}

fn round(x: f64) -> f64 {
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
        ];
        for case in &cases {
            let got = run(case.text);
            let want: Vec<(Option<String>, Rule)> =
                case.want.iter().map(|(s, r)| (s.map(String::from), *r)).collect();
            assert_eq!(got, want, "case {:?}", case.name);
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
