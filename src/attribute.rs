//! Attribution: who said each quote.
//!
//! [`attribute`] reads an article sentence by sentence, in order, the way
//! a reader does. It keeps a *focus*: the person (and, separately, the
//! organisation) the narration is about, set by the subject of each
//! sentence and by each attributed quote, never by a name that only
//! appears after a preposition, in an apposition or inside a quote. The
//! rules, tried in this order for each top-level quote that is speech:
//!
//! 1. [`Rule::TrailingCue`]: a cue right after the quote, `“…,” Rasool
//!    stressed.`, `“…,” said Kaabi.`, `“…,” he noted.`, `“…,” the
//!    statement said.`
//! 2. [`Rule::LeadingCue`]: the nearest cue before the quote in its
//!    sentence and that cue's subject: the mention just before the verb,
//!    or before an apposition (`Yahya Rasool, military spokesperson for
//!    …, has said …`); a participle (`…, stressing that “…”`) takes the
//!    subject of the clause it hangs from. [`Rule::QuotedAsSaying`] and
//!    [`Rule::ColonLeadIn`] are its variants.
//! 3. [`Rule::AccordingTo`]: `according to X` before or after the quote.
//! 4. A trailing reporting verb (`…, Xinhua reported`) only when nothing
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
use crate::lexicon;
use crate::mention::{self, Found, MentionKind, NameKind, Pronoun};
use crate::quote::Quote;
use crate::speaker::{Cast, EntityId};
use crate::text::{self, Word, is_space};
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
    folded: Vec<String>,
    mentions: Vec<Found>,
    resolved: Vec<Option<Resolved>>,
    cues: Vec<Cue>,
}

/// Reading state for one article.
struct Reader<'a> {
    text: &'a str,
    cast: Cast,
    person_focus: Option<(EntityId, Mention)>,
    org_focus: Option<(EntityId, Mention)>,
    issuer: Option<EntityId>,
    last_source: Option<EntityId>,
    /// Persons who were the subject of a cue, with the cue's offset: the
    /// referents of lead descriptions.
    speakers_seen: Vec<(usize, EntityId)>,
}

/// Attributes the `quotes` of `text` (as found by
/// [`crate::quote::find_quotes_in`] over `paragraphs`).
///
/// Returns the article's cast and one attribution per quote, in the same
/// order. Nested and non-speech quotes get no speaker.
pub fn attribute(text: &str, paragraphs: &[Span], quotes: &[Quote]) -> (Cast, Vec<Attribution>) {
    let top: Vec<Span> = quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    let mut reader = Reader {
        text,
        cast: Cast::new(),
        person_focus: None,
        org_focus: None,
        issuer: None,
        last_source: None,
        speakers_seen: Vec::new(),
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
    for &para in paragraphs {
        let sentences = text::sentences(text, para, &top);
        for &sentence in &sentences {
            let mut clause = reader.clause(words_outside(text, sentence, &top), sentence.start);
            reader.read(&mut clause);
            for (qi, q) in quotes.iter().enumerate() {
                if q.depth > 0 || !q.kind.is_speech() || !sentence.contains_offset(q.outer.start) {
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
        if let Some(&(_, e)) = reader.speakers_seen.iter().find(|(o, _)| *o > at) {
            out[qi].entity = Some(e);
        } else {
            out[qi] = Attribution::none(Rule::Unattributed);
        }
    }
    continue_quotes(text, quotes, &mut out);
    (reader.cast, out)
}

/// The words of `span` outside the quotes in `top`.
fn words_outside(text: &str, span: Span, top: &[Span]) -> Vec<Word> {
    text::words(text, span)
        .into_iter()
        .filter(|w| !top.iter().any(|q| q.contains(w.span)))
        .collect()
}

impl Reader<'_> {
    fn clause(&self, words: Vec<Word>, start: usize) -> Clause {
        let folded = words.iter().map(|w| text::fold(w.as_str(self.text))).collect();
        let mentions = if words.is_empty() {
            Vec::new()
        } else {
            mention::find_mentions(self.text, &words, start)
        };
        let cues = cue::find_cues(self.text, &words);
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
            if let (Some(r), true) = (&c.resolved[k], m.subject && !subject_seen) {
                subject_seen = true;
                if !matches!(m.kind, MentionKind::Pronoun(_)) && !r.cataphoric {
                    let mention = self.mention_of(m);
                    self.set_focus(r.entity, Some(mention));
                }
            }
        }
        // Subjects of cues are speakers; "X said in a statement" makes X
        // the issuer of "the statement".
        for cue in &c.cues {
            if let Some((k, _)) = subject_of(self.text, c, cue) {
                if let Some(r) = c.resolved[k].clone().filter(|r| !r.cataphoric) {
                    if self.cast.get(r.entity).kind == SpeakerType::Person {
                        self.speakers_seen.push((cue.span.start, r.entity));
                    }
                    let document = c.mentions.iter().any(|m| {
                        m.kind == MentionKind::Document
                            && m.first >= cue.last
                            && lexicon::INDEFINITE.contains(&c.folded[m.first])
                    });
                    if document {
                        self.issuer = Some(r.entity);
                    }
                }
            }
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
        Mention {
            text: self.text[m.span.range()].to_string(),
            start: m.span.start,
            end: m.span.end,
        }
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
            MentionKind::Name(kind) => {
                let name = m.name.as_deref()?;
                let (id, factor) = match kind {
                    NameKind::Person => {
                        (self.cast.link_name(name, SpeakerType::Person, true)?, 1.0)
                    }
                    NameKind::Organisation => {
                        (self.cast.link_name(name, SpeakerType::Organisation, true)?, 1.0)
                    }
                    NameKind::Place => return None,
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
            MentionKind::Description { head, body } => {
                if let Some(e) = self.cast.by_role(head) {
                    return Some(Resolved { entity: e, factor: 0.85, cataphoric: false });
                }
                let focus = if *body { &self.org_focus } else { &self.person_focus };
                if let Some((e, _)) = focus {
                    return Some(Resolved { entity: *e, factor: 0.65, cataphoric: false });
                }
                // Nobody in focus yet: a lead description, resolved later.
                (!*body).then_some(Resolved { entity: usize::MAX, factor: 0.6, cataphoric: true })
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
        // Before: "Iraq’s Armed Forces spokesperson, Brigadier X".
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
            if *form != CueForm::Report {
                return (a.clone(), *pending);
            }
        }
        if let Some(found) = self.leading(c, slot) {
            return found;
        }
        if let Some(found) = self.according_to(c, slot) {
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
                let pc = self.clause(words_outside(self.text, prev, top), prev.start);
                let mut pc = pc;
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
        let end = top
            .iter()
            .map(|s| s.start)
            .filter(|&s| s >= q.outer.end)
            .min()
            .unwrap_or(para.end)
            .min(para.end);
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
        let words: Vec<Word> = text::words(self.text, stretch).into_iter().take(14).collect();
        let mut c = self.clause(words, stretch.start);
        if c.words.is_empty() {
            return None;
        }
        self.resolve_all(&mut c);
        // Pattern A: mention [also|…] cue. Pattern B: cue mention.
        let first = c.mentions.first().filter(|m| m.first == 0);
        let (k, cue) = if let Some(m) = first {
            let mut j = m.last;
            while j < c.words.len() && lexicon::BETWEEN_SUBJECT_AND_VERB.contains(&c.folded[j]) {
                j += 1;
            }
            (0, c.cues.iter().find(|cue| cue.first == j && cue.form != CueForm::Participle)?)
        } else {
            let cue = c.cues.first().filter(|cue| cue.first == 0 && cue.form == CueForm::Finite)?;
            let k = c.mentions.iter().position(|m| m.first == cue.last)?;
            (k, cue)
        };
        // After a quote that ends its sentence, the cue must end its own
        // clause: "“….” Kaabi said." but not "“….” He said that …".
        if new_sentence {
            let next = c.folded.get(cue.last.max(c.mentions[k].last));
            if next.is_some_and(|w| w == "that")
                || cue.last + 6 < c.words.len() && !self.clause_ends_soon(&c, cue.last)
            {
                return None;
            }
        }
        let resolved = c.resolved[k].clone()?;
        // A reporting verb ("…, Xinhua reported") credits the outlet that
        // carried the quote: weak evidence, used only when nothing else is.
        let base = if cue.form == CueForm::Report { 0.6 } else { 0.95 };
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
    fn according_to(&mut self, c: &Clause, slot: usize) -> Option<(Attribution, bool)> {
        let i = (0..c.words.len().saturating_sub(1))
            .find(|&i| c.folded[i] == "according" && c.folded[i + 1] == "to")?;
        let k = c.mentions.iter().position(|m| m.first == i + 2)?;
        let _ = slot;
        let r = c.resolved[k].clone()?;
        let cue = Cue {
            span: Span::new(c.words[i].span.start, c.words[i + 1].span.end),
            form: CueForm::Finite,
            first: i,
            last: i + 2,
        };
        Some((self.make(c, k, &r, &cue, Rule::AccordingTo, 0.9), r.cataphoric))
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
    // Through an apposition: "X, secretary general of Y, said".
    if j > 0 && gap(text, &c.words, j).trim_matches(is_space) == "," {
        let k = c.mentions.iter().rposition(|m| {
            m.subject && m.last < j && gap(text, &c.words, m.last).trim_matches(is_space) == ","
        })?;
        return Some((k, 0.95));
    }
    // Inverted: "said Kaabi".
    if let Some(k) = c
        .mentions
        .iter()
        .position(|m| m.first == cue.last && matches!(m.kind, MentionKind::Name(_)))
    {
        return Some((k, 1.0));
    }
    None
}

/// The text between word `i - 1` and word `i` (empty at the ends).
fn gap<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    if i == 0 || i >= words.len() {
        return "";
    }
    &text[words[i - 1].span.end..words[i].span.start]
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
