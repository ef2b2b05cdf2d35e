//! A clause: the words of a stretch of narration outside the quotes, with
//! their mentions and cues, and the grammar that reads it — the subject of
//! a cue, `according to X`, the text between two words.
//!
//! The driver (`reader`) makes one for each sentence; the rules (`rules`)
//! make one for the words after a quote and for a colon lead-in in the
//! sentence before. Each word's folded form and class come from the
//! article's [`Narration`], worked out once an article.

use super::reader::Reader;
use super::referent::Resolved;
use crate::cue::{self, Cue, CueForm};
use crate::lexicon::{WordClass, WordMemo};
use crate::mention::{self, Found, KnownName, MentionKind, NameKind};
use crate::text::{self, FoldKind, FoldedWord, Word, is_space};
use crate::{Span, SpeakerType};
use std::cell::RefCell;

/// The words of a stretch of narration, with their mentions and cues.
/// The folded forms borrow from the article's [`Narration`] (or, for a
/// word it does not have, from the caller's room).
pub(super) struct Clause<'c> {
    pub(super) words: Vec<Word>,
    pub(super) folded: Vec<&'c str>,
    /// Each word's [`WordClass`], looked up once for mentions, cues and
    /// the rules (issue #5).
    pub(super) classes: Vec<WordClass>,
    pub(super) mentions: Vec<Found>,
    pub(super) resolved: Vec<Option<Resolved>>,
    pub(super) cues: Vec<Cue>,
}

/// The words of an article outside its top-level quotes, each with its
/// [folded](text::fold) form and its [`mention::word_class`]: every
/// clause takes them from here.
///
/// Issue #5: each sentence's words were folded into strings of their own
/// and classed again for each clause, about 300 instructions a word,
/// most of it copying and dispatch; here a word that is its own folded
/// form (most words of news) is a slice of the article, and the others
/// are slices of one string, each folded and classed once an article.
pub(super) struct Narration<'a> {
    pub(super) words: &'a [Word],
    pub(super) folded: Vec<&'a str>,
    pub(super) classes: &'a [WordClass],
}

/// What a [`Narration`] borrows: its words and their classes, and the
/// folded forms that differ from the words as written, one after
/// another in one string.
pub(super) struct Folding {
    words: Vec<Word>,
    classes: Vec<WordClass>,
    /// Where each word's folded form is in `folded`, or `None` when it is
    /// the word as written.
    forms: Vec<Option<(usize, usize)>>,
    folded: String,
}

impl Folding {
    /// Folds and classes the `words` of `text` (in text order) that no
    /// span of `top` (sorted and disjoint) holds.
    pub(super) fn new(text: &str, words: &[Word], top: &[Span]) -> Folding {
        thread_local! {
            /// The class and fold of the words of the articles read on
            /// this thread.
            static SEEN: RefCell<WordMemo<(WordClass, FoldKind)>> =
                RefCell::new(WordMemo::default());
        }
        let words = words_outside(words, top);
        let mut classes = Vec::with_capacity(words.len());
        let mut forms = Vec::with_capacity(words.len());
        let (mut folded, mut scratch) = (String::new(), String::new());
        SEEN.with_borrow_mut(|memo| {
            for &w in &words {
                let s = w.as_str(text);
                let (class, kind) = memo.get_or(s, || {
                    (mention::word_class(text, w, &text::fold_word(s)), text::fold_kind(s))
                });
                let start = folded.len();
                let own = text::fold_word_onto(s, kind, &mut folded, &mut scratch);
                forms.push(own.then_some((start, folded.len())));
                classes.push(class);
            }
        });
        Folding { words, classes, forms, folded }
    }

    /// The narration of `text`, the text this was built from.
    pub(super) fn narration<'a>(&'a self, text: &'a str) -> Narration<'a> {
        let folded = self
            .words
            .iter()
            .zip(&self.forms)
            .map(|(w, form)| match *form {
                None => w.as_str(text),
                Some((start, end)) => &self.folded[start..end],
            })
            .collect();
        Narration { words: &self.words, folded, classes: &self.classes }
    }
}

impl<'a> Reader<'a> {
    /// The words of `span` outside the quotes in `top` (sorted and
    /// disjoint, as the top-level quotes are), of those of the narration.
    pub(super) fn words_outside(&self, span: Span, top: &[Span]) -> Vec<Word> {
        words_outside(text::words_within(self.narration.words, span), top)
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

    /// The clause of `words`, the narration from offset `start`: a word
    /// of the [`Narration`] (the same span) takes its folded form and
    /// class from there; any other is folded into `room` (issue #5: the
    /// words after a quote were folded and looked up again for each
    /// quote).
    pub(super) fn clause<'c>(
        &self,
        words: Vec<Word>,
        start: usize,
        room: &'c mut Vec<FoldedWord>,
    ) -> Clause<'c>
    where
        'a: 'c,
    {
        let n = self.narration;
        let mut classes = Vec::with_capacity(words.len());
        // For each word, its index in the narration, or `None`.
        let mut found = Vec::with_capacity(words.len());
        room.clear();
        // Both in text order: walk the narration along with `words`.
        let mut j = words
            .first()
            .map_or(0, |first| n.words.partition_point(|w| w.span.start < first.span.start));
        for w in &words {
            while n.words.get(j).is_some_and(|r| r.span.start < w.span.start) {
                j += 1;
            }
            if n.words.get(j).is_some_and(|r| r.span == w.span) {
                found.push(Some(j));
                classes.push(n.classes[j]);
            } else {
                let f = text::fold_word(w.as_str(self.text));
                classes.push(mention::word_class(self.text, *w, &f));
                found.push(None);
                room.push(f);
            }
        }
        let room: &'c [FoldedWord] = room;
        let mut own = room.iter();
        let folded = found
            .iter()
            .map(|j| match j {
                Some(j) => n.folded[*j],
                None => own.next().expect("one folded word for each not found").as_str(),
            })
            .collect();
        self.clause_folded_into(words, folded, classes, start, Spare::default())
    }

    /// The clause of the words of `sentence` outside the top-level quotes
    /// (those of the [`Narration`]), kept in the vectors of the last
    /// clause [recycled](Reader::recycle) (issue #5: the six vectors of a
    /// clause were allocated, grown and freed for every sentence).
    pub(super) fn sentence_clause(&mut self, sentence: Span) -> Clause<'a> {
        let mut spare = std::mem::take(&mut self.spare);
        let (mut words, mut folded, mut classes) = (
            std::mem::take(&mut spare.words),
            std::mem::take(&mut spare.folded),
            std::mem::take(&mut spare.classes),
        );
        let n = self.narration;
        let from = n.words.partition_point(|w| w.span.start < sentence.start);
        let to = from + n.words[from..].partition_point(|w| w.span.end <= sentence.end);
        words.clear();
        words.extend_from_slice(&n.words[from..to]);
        folded.clear();
        folded.extend_from_slice(&n.folded[from..to]);
        classes.clear();
        classes.extend_from_slice(&n.classes[from..to]);
        self.clause_folded_into(words, folded, classes, sentence.start, spare)
    }

    /// Keeps the vectors of a clause read to the end for the next
    /// [`Reader::sentence_clause`].
    pub(super) fn recycle(&mut self, c: Clause<'a>) {
        let Clause { words, folded, classes, mentions, resolved, cues } = c;
        self.spare = Spare { words, folded, classes, mentions, resolved, cues };
    }

    /// A clause of `words`, folded as `folded` and classed as `classes`,
    /// with the mentions, their referents and the cues in the vectors of
    /// `spare`.
    fn clause_folded_into<'c>(
        &self,
        words: Vec<Word>,
        folded: Vec<&'c str>,
        classes: Vec<WordClass>,
        start: usize,
        spare: Spare<'c>,
    ) -> Clause<'c> {
        let Spare { mut mentions, mut resolved, mut cues, .. } = spare;
        if words.is_empty() {
            mentions.clear();
        } else {
            let known = self.known_names(&words);
            let shared = (&words[..], &folded[..], &classes[..]);
            mention::find_mentions_into(self.text, shared, start, &known, &mut mentions);
        }
        cue::find_cues_into(self.text, (&words, &folded, &classes), &mut cues);
        resolved.clear();
        resolved.resize(mentions.len(), None);
        Clause { words, folded, classes, mentions, resolved, cues }
    }
}

/// The `words` (in text order) that no span of `top` (sorted and
/// disjoint) contains.
///
/// The words a quote holds are a run, found by binary search: the runs
/// between quotes are copied whole instead of each word being tested
/// (issue #5: a sentence's words include those of its quotes, often
/// most of them).
fn words_outside(words: &[Word], top: &[Span]) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    words_outside_into(words, top, &mut out);
    out
}

/// [`words_outside`], appended to `out`.
fn words_outside_into(words: &[Word], top: &[Span], out: &mut Vec<Word>) {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return };
    let mut rest = words;
    // The quotes that may hold a word: from the first that ends after the
    // first word starts to the last that starts before the last word ends.
    let from = top.partition_point(|q| q.end <= first.span.start);
    for q in top[from..].iter().take_while(|q| q.start < last.span.end) {
        let before = rest.partition_point(|w| w.span.start < q.start);
        out.extend_from_slice(&rest[..before]);
        rest = &rest[before..];
        let inside = rest.partition_point(|w| w.span.end <= q.end);
        rest = &rest[inside..];
    }
    out.extend_from_slice(rest);
}

/// The vectors of a clause read to the end, kept for the next sentence's.
#[derive(Default)]
pub(super) struct Spare<'c> {
    words: Vec<Word>,
    folded: Vec<&'c str>,
    classes: Vec<WordClass>,
    mentions: Vec<Found>,
    resolved: Vec<Option<Resolved>>,
    cues: Vec<Cue>,
}

/// The subject of a cue: the mention index and a factor (1.0 when next to
/// the verb, 0.95 through an apposition or participle).
pub(super) fn subject_of(text: &str, c: &Clause, cue: &Cue) -> Option<(usize, f64)> {
    if cue.form == CueForm::Participle {
        // "accused the US of threatening …", "criticised him for saying":
        // a participle after a preposition is not the subject's speech.
        if cue.first > 0
            && ["of", "for", "from", "about", "against"].contains(&c.folded[cue.first - 1])
        {
            return None;
        }
        // "with X insisting …", "with manager X insisting": X, the
        // participle's own subject.
        if let Some(k) = c.mentions.iter().position(|m| {
            m.last == cue.first
                && (1..=3).any(|back| {
                    m.first >= back
                        && c.folded[m.first - back] == "with"
                        && (m.first - back + 1..m.first).all(|i| {
                            c.words[i].as_str(text).starts_with(|ch: char| ch.is_lowercase())
                        })
                })
        }) {
            return Some((k, 0.95));
        }
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
    while j > 0 && c.classes[j - 1].has(WordClass::BETWEEN_SUBJECT_AND_VERB) {
        j -= 1;
    }
    if let Some(k) =
        c.mentions.iter().position(|m| m.last == j && !gap(text, &c.words, j).contains([',', ';']))
    {
        return Some((k, 1.0));
    }
    // A verb coordinated with an earlier cue shares its subject: "X said
    // … and warned that …".
    if j > 0 && c.folded[j - 1] == "and" {
        if let Some(prev) = c.cues.iter().rev().find(|p| p.last < j && p.form == CueForm::Finite) {
            return subject_of(text, c, prev).map(|(k, f)| (k, f * 0.95));
        }
    }
    // A relative pronoun: "… from Jane Doe, who wrote on X that": the
    // mention before ", who", subject or not.
    if j >= 2
        && c.folded[j - 1] == "who"
        && gap(text, &c.words, j - 1).trim_matches(is_space) == ","
    {
        if let Some(k) = c.mentions.iter().position(|m| m.last == j - 1) {
            return Some((k, 0.95));
        }
    }
    // Past a relative clause: "X, who writes for the magazine Y, said":
    // X, not Y.
    if let Some(k) = before_relative_clause(text, c, j) {
        return Some((k, 0.95));
    }
    // Through an apposition: "X, secretary general of Y, said", or a
    // name after a role: "The prime minister, Jane Doe, said".
    if j > 0 && gap(text, &c.words, j).trim_matches(is_space) == "," {
        let k = c.mentions.iter().rposition(|m| {
            m.subject
                && (m.last < j || matches!(m.kind, MentionKind::Name(_)))
                && m.last <= j
                && gap(text, &c.words, m.last).trim_matches(is_space) == ","
        });
        if let Some(k) = k {
            // "the charity's chief executive, Jane Doe, said", "The group,
            // Kataib Doe, confirmed": the name.
            let named = matches!(c.mentions[k].kind, MentionKind::Description { .. })
                && has_apposed_name(text, c, k)
                && c.mentions[k + 1].last == j;
            return Some((if named { k + 1 } else { k }, 0.95));
        }
    }
    // Inverted: "said Fulani", also after a comma: "…, said Fulani".
    if let Some(k) = inverted_subject(text, c, cue)
        .filter(|&k| matches!(c.mentions[k].kind, MentionKind::Name(_)))
    {
        return Some((k, 1.0));
    }
    None
}

/// Whether a name is set off by a comma right after mention `k`,
/// perhaps after up to two lower-case words ("the director, state Sen.
/// Jane Doe").
pub(super) fn has_apposed_name(text: &str, c: &Clause, k: usize) -> bool {
    let m = &c.mentions[k];
    let Some(n) = c.mentions.get(k + 1) else { return false };
    let comma = gap(text, &c.words, m.last).trim_matches(is_space) == ",";
    let between = (m.last..n.first).all(|i| {
        c.words[i].as_str(text).starts_with(char::is_lowercase) && !c.classes[i].has(WordClass::CUE)
    });
    comma && n.first <= m.last + 2 && between && matches!(n.kind, MentionKind::Name(_))
}

/// Whether mention `k` is a description that the name set off right after
/// it names: "The festival's director, Jane Doe,", "The group, Kataib
/// Doe,". The name speaks for it.
pub(super) fn named_by_apposition(text: &str, c: &Clause, k: usize) -> bool {
    matches!(c.mentions[k].kind, MentionKind::Description { .. }) && has_apposed_name(text, c, k)
}

/// Whether mention `k` only modifies the role of a person named right
/// after it: "US State Department spokesman Jane Doe said", "senior
/// Hamas official John Roe": the subject is the person.
pub(super) fn modifies_name(text: &str, c: &Clause, k: usize) -> bool {
    let m = &c.mentions[k];
    let Some(n) = c.mentions.get(k + 1) else { return false };
    let role = |i: usize| {
        c.words[i].as_str(text).starts_with(char::is_lowercase)
            && (c.classes[i].has(WordClass::PERSON_NOUN) || c.classes[i].has(WordClass::TITLE))
            && gap(text, &c.words, i).chars().all(is_space)
    };
    !matches!(m.kind, MentionKind::Pronoun(_))
        && matches!(n.kind, MentionKind::Name(NameKind::Person))
        && n.first > m.last
        && n.first <= m.last + 2
        && (m.last..n.first).all(role)
        && gap(text, &c.words, n.first).chars().all(is_space)
}

/// The mention a cue names after it, as in "said Fulani": the mention that
/// starts right after the cue, or after one to three lower-case role words
/// ("said board member Helen Park", "said analyst Tom Reyes", "said state
/// Sen. Priya Raman"), when that mention is a name. Role words are joined
/// by plain spaces and are none of a function word, a preposition, a
/// determiner or a cue, so "said on Monday X" and "said that X" are not
/// read this way.
pub(super) fn inverted_subject(text: &str, c: &Clause, cue: &Cue) -> Option<usize> {
    if let Some(k) = c.mentions.iter().position(|m| m.first == cue.last) {
        return Some(k);
    }
    let k = c.mentions.iter().position(|m| m.first > cue.last && m.first <= cue.last + 3)?;
    let m = &c.mentions[k];
    let role_word = |i: usize| {
        let class = c.classes[i];
        c.words[i].as_str(text).starts_with(char::is_lowercase)
            && gap(text, &c.words, i).chars().all(is_space)
            && !class.has(WordClass::FUNCTION)
            && !class.has(WordClass::PREPOSITION)
            && !class.has(WordClass::DETERMINER)
            && !class.has(WordClass::CUE)
            && !class.has(WordClass::BETWEEN_SUBJECT_AND_VERB)
    };
    let named = matches!(m.kind, MentionKind::Name(NameKind::Person | NameKind::Unknown));
    let joined = gap(text, &c.words, m.first).chars().all(is_space);
    (named && joined && (cue.last..m.first).all(role_word)).then_some(k)
}

/// The mention before a relative clause that ends at word `j`: in "X, who
/// writes for the magazine Y, said", the clause "who … Y" ends at "said",
/// and the subject is X, the mention right before its opening comma.
fn before_relative_clause(text: &str, c: &Clause, j: usize) -> Option<usize> {
    if j == 0 || gap(text, &c.words, j).trim_matches(is_space) != "," {
        return None;
    }
    // The first word after the comma before this one.
    let open = (1..j).rev().find(|&i| gap(text, &c.words, i).contains(','))?;
    let relative = ["who", "which", "whose", "whom"].contains(&c.folded[open]);
    if !relative || gap(text, &c.words, open).trim_matches(is_space) != "," {
        return None;
    }
    c.mentions.iter().position(|m| m.last == open && m.subject)
}

/// Whether the mention starting at word `first` follows "according to"
/// (perhaps with "the" between).
pub(super) fn is_according_to(folded: &[&str], first: usize) -> bool {
    let mut i = first;
    if i > 0 && folded[i - 1] == "the" {
        i -= 1;
    }
    i >= 2 && folded[i - 2] == "according" && folded[i - 1] == "to"
}

/// The text between word `i - 1` and word `i` (empty at the ends).
pub(super) fn gap<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    if i == 0 || i >= words.len() {
        return "";
    }
    &text[words[i - 1].span.end..words[i].span.start]
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::quote;

    /// Reads `text` (one sentence, or a stretch read as one) into a clause
    /// of its words outside quotes, and hands it to `f` with a fresh reader.
    pub(in crate::attribute) fn with_clause<T>(
        text: &str,
        f: impl FnOnce(&mut Reader<'_>, &mut Clause<'_>) -> T,
    ) -> T {
        let words = text::words(text, Span::new(0, text.len()));
        let paragraphs = text::paragraphs(text);
        let top = top_quotes(text);
        let folding = Folding::new(text, &words, &top);
        let narration = folding.narration(text);
        let mut reader = Reader::new(text, &narration, &paragraphs, None);
        let mut room = Vec::new();
        let words = reader.words_outside(Span::new(0, text.len()), &top);
        let mut clause = reader.clause(words, 0, &mut room);
        f(&mut reader, &mut clause)
    }

    /// The spans of the top-level quotes of `text`.
    fn top_quotes(text: &str) -> Vec<Span> {
        quote::find_quotes(text).iter().filter(|q| q.depth == 0).map(|q| q.outer).collect()
    }

    impl<'a> Reader<'a> {
        /// [`Reader::clause`] as it was before the [`Narration`]: every
        /// word folded and classed on its own, into `room`. The oracle
        /// the tests hold clauses to.
        fn fresh_clause<'c>(
            &self,
            words: Vec<Word>,
            start: usize,
            room: &'c mut Vec<FoldedWord>,
        ) -> Clause<'c>
        where
            'a: 'c,
        {
            *room = words.iter().map(|w| text::fold_word(w.as_str(self.text))).collect();
            let room: &'c [FoldedWord] = room;
            let folded: Vec<&str> = room.iter().map(|f| f.as_str()).collect();
            let classes = mention::word_classes(self.text, &words, &folded);
            self.clause_folded_into(words, folded, classes, start, Spare::default())
        }
    }

    /// Whether two clauses have the same words, folded forms, classes,
    /// mentions and cues (and nothing resolved yet).
    fn same(a: &Clause<'_>, b: &Clause<'_>) -> bool {
        a.words == b.words
            && a.folded == b.folded
            && a.classes == b.classes
            && a.mentions == b.mentions
            && a.cues == b.cues
            && a.resolved.len() == a.mentions.len()
            && b.resolved.len() == b.mentions.len()
            && a.resolved.iter().chain(&b.resolved).all(Option::is_none)
    }

    /// Every sentence clause of `text`, read in order in recycled
    /// vectors, and the clause of the words after each top-level quote
    /// (as the trailing-cue rule reads them, from several offsets, some
    /// inside a word) are the clauses of freshly folded words.
    fn narration_agrees_with_fresh_folding(text: &str) -> Result<(), String> {
        let words = text::words(text, Span::new(0, text.len()));
        let top = top_quotes(text);
        let folding = Folding::new(text, &words, &top);
        let narration = folding.narration(text);
        let mut reader = Reader::new(text, &narration, &[], None);
        let mut room = Vec::new();
        let mut sentences = Vec::new();
        for para in text::paragraphs(text) {
            sentences.extend(text::sentences(text, para, &top));
        }
        for &sentence in sentences.iter().chain(sentences.iter().rev()) {
            let fresh = reader.fresh_clause(
                reader.words_outside(sentence, &top),
                sentence.start,
                &mut room,
            );
            let recycled = reader.sentence_clause(sentence);
            if !same(&recycled, &fresh) {
                return Err(format!("sentence {sentence:?}"));
            }
            reader.recycle(recycled);
        }
        let starts = top.iter().flat_map(|q| (q.end..text.len()).take(4));
        for start in starts.filter(|&i| text.is_char_boundary(i)) {
            let stretch = Span::new(start, text.len());
            let words = text::words_up_to(text, stretch, 14);
            let mut own = Vec::new();
            let shared = reader.clause(words.clone(), start, &mut own);
            let fresh = reader.fresh_clause(words, start, &mut room);
            if !same(&shared, &fresh) {
                return Err(format!("after {start}"));
            }
        }
        Ok(())
    }

    #[test]
    fn clauses_of_the_narration_read_as_clauses_of_their_own() {
        let cases = [
            "Omar Fulani, the army chief, said: “We stay.” The U.S. envoy left. \
             “No,” he said. It rained. According to the ministry, a source in \
             the Sahel Movement said the talks were over.",
            "“We stay,” said Omar Fulani’s aide. The U.S. envoy left.",
            "“Go”said ÉTÉ Straße-Chef al-Fulani. İstanbul’s MAYOR, Dr. Ali, \
             said “yes”x. Mr.\u{A0}Smith`s `word´ — quoted him as saying “no”.",
            "",
            "“”",
            "a",
        ];
        for text in cases {
            assert_eq!(narration_agrees_with_fresh_folding(text), Ok(()), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn clauses_of_the_narration_agree_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "Said", "Fulani", "Omar", "the", "The", "army", "chief", "he",
                    "U.S.", "Dr.", "al-Fulani", "ÉTÉ", "İstanbul’s", "Straße", "x`y", "2,500",
                    "according", "to", "quoted", "as", "saying", "that", "SAID", "NORCOM",
                    " ", "  ", ", ", ". ", "\n\n", ": ", "“", "”", "\"", "‘", "’", "'",
                    "—", "(", ")", "\u{A0}", "\u{AD}", "é", ".", "?", ";",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(narration_agrees_with_fresh_folding(&text), Ok(()), "{:?}", text);
        }
    }

    /// The text of each cue of `text`'s clause with its subject's text and
    /// factor.
    fn subjects(text: &str) -> Vec<(String, Option<(String, f64)>)> {
        with_clause(text, |_, c| {
            c.cues
                .iter()
                .map(|cue| {
                    let subject = subject_of(text, c, cue)
                        .map(|(k, f)| (text[c.mentions[k].span.range()].to_string(), f));
                    (text[cue.span.range()].to_string(), subject)
                })
                .collect()
        })
    }

    #[test]
    fn the_subject_of_a_cue() {
        let one = |cue: &str, subject: &str, factor: f64| {
            vec![(cue.to_string(), Some((subject.to_string(), factor)))]
        };
        let cases = [
            ("Omar Fulani said the talks were over.", one("said", "Omar Fulani", 1.0)),
            // Adverbs and auxiliaries may stand between.
            ("Fulani also said the talks were over.", one("said", "Fulani", 1.0)),
            // Through an apposition.
            (
                "Omar Fulani, the army chief, said the talks were over.",
                one("said", "Omar Fulani", 0.95),
            ),
            // Inverted.
            ("The talks are over, said Fulani.", one("said", "Fulani", 1.0)),
        ];
        for (text, want) in cases {
            assert_eq!(subjects(text), want, "{text}");
        }
        // A participle takes the subject of the finite cue before it.
        let got = subjects("Fulani said the talks were over, adding that nothing was agreed.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, Some(("Fulani".to_string(), 0.95)), "{got:?}");
    }

    #[test]
    fn according_to_with_or_without_the() {
        let folded = ["according", "to", "the", "ministry"];
        assert!(is_according_to(&folded, 3));
        assert!(is_according_to(&folded, 2));
        assert!(!is_according_to(&folded, 1));
        let folded = ["he", "spoke", "to", "fulani"];
        assert!(!is_according_to(&folded, 3));
    }

    #[test]
    fn gaps_between_words() {
        let text = "Fulani, the chief, said";
        let words = text::words(text, Span::new(0, text.len()));
        assert_eq!(gap(text, &words, 1), ", ");
        assert_eq!(gap(text, &words, 3), ", ");
        assert_eq!(gap(text, &words, 0), "");
        assert_eq!(gap(text, &words, words.len()), "");
    }

    #[test]
    fn words_outside_quotes_are_the_words_no_quote_holds() {
        let text = "a “b c” d “e” f“g h”i j “k”";
        let words = text::words(text, Span::new(0, text.len()));
        let quotes: Vec<Span> = quote::find_quotes(text).iter().map(|q| q.outer).collect();
        assert_eq!(quotes.len(), 4, "{quotes:?}");
        // Every run of the words against every run of the quotes, and a
        // quote that overlaps a word without holding it.
        let mut tops: Vec<Vec<Span>> = (0..=quotes.len())
            .flat_map(|i| (i..=quotes.len()).map(move |j| (i, j)))
            .map(|(i, j)| quotes[i..j].to_vec())
            .collect();
        tops.push(vec![Span::new(0, 3), Span::new(text.find('d').unwrap(), text.len())]);
        for top in &tops {
            for i in 0..=words.len() {
                for j in i..=words.len() {
                    let want: Vec<Word> = words[i..j]
                        .iter()
                        .filter(|w| !top.iter().any(|q| q.contains(w.span)))
                        .copied()
                        .collect();
                    assert_eq!(words_outside(&words[i..j], top), want, "{i}..{j} {top:?}");
                }
            }
        }
    }

    #[test]
    fn words_outside_quotes() {
        let text = "Fulani said: “We will stay.” He left.";
        let got: Vec<String> =
            with_clause(text, |_, c| c.words.iter().map(|w| w.as_str(text).to_string()).collect());
        assert_eq!(got, ["Fulani", "said", "He", "left"]);
    }
}
