//! Referents: resolving a mention to an entity of the article's cast —
//! names by alias, pronouns and descriptions to the focus or by role,
//! documents to their issuer, unnamed sources — with how directly the
//! mention names it, and the roles that appositions give a name.
//!
//! The driver (`reader`) resolves each sentence's mentions in order, so
//! the focus a pronoun or description resolves to is the one that the
//! sentences before it left.

use super::clause::{Clause, gap, is_according_to, named_by_apposition, subject_of};
use super::gender;
use super::reader::Reader;
use crate::cue;
use crate::lexicon;
use crate::mention::{Found, MentionKind, NameKind, Pronoun};
use crate::speaker::EntityId;
use crate::text::{self, is_space};
use crate::{Span, SpeakerType};

/// A mention resolved to an entity, with how directly it names it.
#[derive(Clone, Debug)]
pub(super) struct Resolved {
    pub(super) entity: EntityId,
    pub(super) factor: f64,
    /// A lead description waiting for the first person who speaks.
    pub(super) cataphoric: bool,
}

impl Reader<'_> {
    /// Resolves the mentions of a clause read for a cue only (the focus
    /// does not move).
    pub(super) fn resolve_all(&mut self, c: &mut Clause) {
        for k in 0..c.mentions.len() {
            if named_by_apposition(self.text, c, k) {
                c.resolved[k] = None;
                continue;
            }
            let speaking =
                c.cues.iter().any(|cue| subject_of(self.text, c, cue).is_some_and(|(s, _)| s == k));
            let speaking = speaking || cited_group(c, k);
            c.resolved[k] = self.resolve(&c.mentions[k], speaking);
        }
    }

    /// Resolves one mention to an entity. A single capitalized word that
    /// matches no known name becomes a new (weak) person only when it is
    /// `speaking`, the subject of a cue.
    pub(super) fn resolve(&mut self, m: &Found, speaking: bool) -> Option<Resolved> {
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
                    // A known entity of either kind, or a new weak person.
                    // Linking as a person finds any entity with this alias
                    // (the alias look-up ignores kind) and persons by
                    // surname besides, so when it finds nothing, linking as
                    // an organisation (the alias look-up alone) finds
                    // nothing either and is not tried (issue #5; see the
                    // test `a_name_no_person_link_finds_links_no_organisation`
                    // in `speaker`).
                    NameKind::Unknown => {
                        match self.cast.link_name(name, SpeakerType::Person, false) {
                            Some(id) => (id, 1.0),
                            None if !speaking => return None,
                            // "Revenue fell …, and the press started
                            // calling …": a word that opens its sentence
                            // and is written in lower case elsewhere in
                            // the article is a common word, no one's name.
                            None if m.first == 0
                                && m.last == 1
                                && written_in_lower_case(self.text, name) =>
                            {
                                return None;
                            }
                            None => {
                                let id = self.cast.link_name(name, SpeakerType::Person, true)?;
                                self.cast.set_weak(id);
                                (id, 0.8)
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
                // `Mr. Doe`, `Dame Jane Doe`, `spokeswoman Jane Doe`: a
                // mention that does not start with its name has a title.
                let mention = &self.text[m.span.range()];
                if !mention.starts_with(name) {
                    let title = mention.split(is_space).next().unwrap_or("");
                    if let Some(g) = gender::of_word(title) {
                        self.genders.learn(id, g);
                    }
                }
                let factor: f64 =
                    if self.cast.get(id).weak { f64::min(factor, 0.8) } else { factor };
                Some(Resolved { entity: id, factor, cataphoric: false })
            }
            MentionKind::Pronoun(Pronoun::Personal) => {
                let focus = self.person_focus.as_ref()?.0;
                let entity = gender::of_pronoun(&self.text[m.span.range()])
                    .and_then(|g| self.genders.referent(focus, g))
                    .unwrap_or(focus);
                let factor = if entity == focus { 0.9 } else { 0.85 };
                Some(Resolved { entity, factor, cataphoric: false })
            }
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
            MentionKind::Description { head, body }
                if possessor(&self.text[m.span.range()]).is_some() =>
            {
                // (Only where it speaks: "their members", "his family" in
                // passing add no speaker.)
                if !speaking {
                    return None;
                }
                self.resolve_possessed(m, head, *body)
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
            MentionKind::Document if is_self_quoted(&self.text[m.span.range()]) => {
                Some(unissued_document(self, m))
            }
            MentionKind::Document => match self.issuer {
                Some(e) => Some(Resolved { entity: e, factor: 0.9, cataphoric: false }),
                None => self
                    .person_focus
                    .as_ref()
                    .or(self.org_focus.as_ref())
                    .map(|(e, _)| Resolved { entity: *e, factor: 0.65, cataphoric: false }),
            },
            // A group that neither speaks nor is cited adds no speaker.
            MentionKind::Source { group: true, .. } if !speaking => None,
            MentionKind::Source { introduces, .. } => {
                let id = match (introduces, self.last_source) {
                    (false, Some(id)) => id,
                    _ => self.cast.add_source(source_name(&self.text[m.span.range()])),
                };
                self.last_source = Some(id);
                direct(id)
            }
        }
    }

    /// A description owned by a possessive pronoun ("his lawyer", "her
    /// family", "their union") names someone of the one in focus, never
    /// that one: the client is not his own lawyer. It is the person given
    /// that role earlier ("his lawyer, Jane Doe,"), else an unnamed person
    /// (or, for a body noun, an organisation) named after the owner in
    /// focus: "Tom Doe's lawyer", "Tom Doe's family".
    fn resolve_possessed(&mut self, m: &Found, head: &str, body: bool) -> Option<Resolved> {
        if !body {
            if let Some(e) = self.cast.by_role(head) {
                return Some(Resolved { entity: e, factor: 0.85, cataphoric: false });
            }
        }
        let description = &self.text[m.span.range()];
        let personal = possessor(description) == Some(Possessor::Personal);
        let owner = if personal { &self.person_focus } else { &self.org_focus };
        let rest = source_name(description);
        let name = match owner {
            Some((e, _)) => format!("{}'s {rest}", self.cast.get(*e).name),
            None => rest,
        };
        let id = if body {
            self.cast.link_name(&name, SpeakerType::Organisation, true)?
        } else {
            let id = self.cast.add_source(name);
            self.cast.add_role(id, head);
            id
        };
        Some(Resolved { entity: id, factor: 0.85, cataphoric: false })
    }

    /// Roles from appositions: "X, secretary general of Y," and
    /// "Y's spokesperson, X,".
    pub(super) fn record_roles(&mut self, c: &Clause, k: usize) {
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
                    ["who", "which", "whose", "where", "when"].contains(w)
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
}

/// Whether a description has a capitalized word after its determiner:
/// "the Israeli army" but not "the army".
/// Whether `word` (a capitalized word) also stands in `text` as a whole
/// word in lower case: `Revenue` where the text says `its revenue`.
fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn has_proper_modifier(description: &str) -> bool {
    strip_determiner(description).split_whitespace().any(text::is_capitalized)
}

/// An unnamed source for a document that nobody has issued in the text
/// ("according to an agency memo obtained by …" quotes the memo), or that
/// is quoted as itself ("the indictment says").
pub(super) fn unissued_document(reader: &mut Reader<'_>, m: &Found) -> Resolved {
    let id = reader.cast.add_source(source_name(&reader.text[m.span.range()]));
    Resolved { entity: id, factor: 0.9, cataphoric: false }
}

/// An unnamed source's name: its description without the determiner,
/// white space folded.
fn source_name(description: &str) -> String {
    // "one of the people" is one of "people".
    let description = match description.split_once(" of ") {
        Some((one, rest)) if text::fold(one.trim()) == "one" => rest,
        _ => description,
    };
    strip_determiner(description).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether mention `k` is a group of people cited with "according to":
/// a source, as much as if it spoke ("according to two former employees").
pub(super) fn cited_group(c: &Clause, k: usize) -> bool {
    let m = &c.mentions[k];
    matches!(m.kind, MentionKind::Source { group: true, .. }) && is_according_to(&c.folded, m.first)
}

/// Whether a document mention is one quoted as itself ("the indictment",
/// a [`lexicon::SELF_QUOTED_DOCUMENTS`] noun as its last word).
fn is_self_quoted(description: &str) -> bool {
    let last = description.rsplit(|c: char| is_space(c)).next().unwrap_or("");
    lexicon::SELF_QUOTED_DOCUMENTS.contains(&text::fold_word(last))
}

/// Whose a description's possessive pronoun makes it: a person's ("his",
/// "her") or a body's ("its", "their").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Possessor {
    Personal,
    Body,
}

fn possessor(description: &str) -> Option<Possessor> {
    let first = description.split(|c: char| is_space(c)).next()?;
    let is = |w: &str| first.eq_ignore_ascii_case(w);
    if is("his") || is("her") {
        Some(Possessor::Personal)
    } else if is("its") || is("their") {
        Some(Possessor::Body)
    } else {
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::clause::tests::with_clause;

    /// Resolves every mention of `text`'s clause in order, as the reader
    /// does, and gives each mention's text with its entity's name and the
    /// factor (or `None`).
    fn resolved(text: &str, focus_first: bool) -> Vec<(String, Option<(String, f64)>)> {
        with_clause(text, |reader, c| {
            let mut out = Vec::new();
            for k in 0..c.mentions.len() {
                let m = &c.mentions[k];
                let r = reader.resolve(m, false);
                if focus_first && k == 0 {
                    if let Some(r) = &r {
                        reader.person_focus = Some((r.entity, reader.mention_of(m)));
                    }
                }
                let named = r
                    .filter(|r| !r.cataphoric)
                    .map(|r| (reader.cast.get(r.entity).name.clone(), r.factor));
                out.push((text[m.span.range()].to_string(), named));
            }
            out
        })
    }

    fn some(mention: &str, name: &str, factor: f64) -> (String, Option<(String, f64)>) {
        (mention.to_string(), Some((name.to_string(), factor)))
    }

    #[test]
    fn a_surname_links_to_the_full_name() {
        let got = resolved("Omar Fulani met Fulani", false);
        assert_eq!(
            got,
            [some("Omar Fulani", "Omar Fulani", 1.0), some("Fulani", "Omar Fulani", 1.0)]
        );
    }

    #[test]
    fn a_pronoun_takes_the_person_in_focus() {
        let got = resolved("Omar Fulani arrived and he spoke", true);
        assert_eq!(got, [some("Omar Fulani", "Omar Fulani", 1.0), some("he", "Omar Fulani", 0.9)]);
        // With nobody in focus, nobody.
        assert_eq!(resolved("he spoke", false), [("he".to_string(), None)]);
    }

    #[test]
    fn an_unnamed_source_is_named_by_its_description() {
        let got = resolved("a senior official spoke", false);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_ref().map(|(name, _)| name.as_str()), Some("senior official"));
    }

    #[test]
    fn descriptions_without_their_determiner() {
        assert_eq!(strip_determiner("the army"), "army");
        assert_eq!(strip_determiner(" The Northland army "), "Northland army");
        assert_eq!(strip_determiner("Army chief"), "Army chief");
        assert_eq!(source_name("a  senior \n official"), "senior official");
        assert!(has_proper_modifier("the Northland army"));
        assert!(!has_proper_modifier("the army"));
    }
}
