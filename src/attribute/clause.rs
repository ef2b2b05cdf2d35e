//! A clause: the words of a stretch of narration outside the quotes, with
//! their mentions and cues, and the grammar that reads it — the subject of
//! a cue, `according to X`, the text between two words.
//!
//! The driver (`reader`) makes one for each sentence; the rules (`rules`)
//! make one for the words after a quote and for a colon lead-in in the
//! sentence before.

use super::reader::Reader;
use super::referent::Resolved;
use crate::cue::{self, Cue, CueForm};
use crate::lexicon::WordClass;
use crate::mention::{self, Found, KnownName, MentionKind, NameKind};
use crate::text::{self, FoldedWord, Word, is_space};
use crate::{Span, SpeakerType};

/// The words of a stretch of narration, with their mentions and cues.
pub(super) struct Clause {
    pub(super) words: Vec<Word>,
    pub(super) folded: Vec<FoldedWord>,
    /// Each word's [`WordClass`], looked up once for mentions, cues and
    /// the rules (issue #5).
    pub(super) classes: Vec<WordClass>,
    pub(super) mentions: Vec<Found>,
    pub(super) resolved: Vec<Option<Resolved>>,
    pub(super) cues: Vec<Cue>,
}

impl Reader<'_> {
    /// The words of `span` outside the quotes in `top` (sorted and
    /// disjoint, as the top-level quotes are).
    pub(super) fn words_outside(&self, span: Span, top: &[Span]) -> Vec<Word> {
        words_outside(text::words_within(self.words, span), top)
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

    /// The clause of `words`, the narration from offset `start`.
    pub(super) fn clause(&self, words: Vec<Word>, start: usize) -> Clause {
        let folded = text::fold_words(self.text, &words);
        let classes = mention::word_classes(self.text, &words, &folded);
        self.clause_folded(words, folded, classes, start)
    }

    /// [`Reader::clause`] of the words of `sentence` outside the quotes in
    /// `top`, kept in the vectors of the last clause
    /// [recycled](Reader::recycle) (issue #5: the six vectors of a clause
    /// were allocated, grown and freed for every sentence).
    pub(super) fn sentence_clause(&mut self, sentence: Span, top: &[Span]) -> Clause {
        let mut spare = std::mem::take(&mut self.spare);
        let (mut words, mut folded, mut classes) = (
            std::mem::take(&mut spare.words),
            std::mem::take(&mut spare.folded),
            std::mem::take(&mut spare.classes),
        );
        words.clear();
        words_outside_into(text::words_within(self.words, sentence), top, &mut words);
        folded.clear();
        text::fold_words_into(self.text, &words, &mut folded);
        classes.clear();
        classes
            .extend(words.iter().zip(&folded).map(|(&w, f)| mention::word_class(self.text, w, f)));
        self.clause_folded_into(words, folded, classes, sentence.start, spare)
    }

    /// Keeps the vectors of a clause read to the end for the next
    /// [`Reader::sentence_clause`].
    pub(super) fn recycle(&mut self, c: Clause) {
        let Clause { words, folded, classes, mentions, resolved, cues } = c;
        self.spare = Spare { words, folded, classes, mentions, resolved, cues };
    }

    /// [`Reader::clause`] for words that are mostly words of `read`, a
    /// clause read already (the words after a quote, of the quote's
    /// sentence): a word with the same span as one of `read` takes its
    /// folded form and class from there (issue #5: they were folded and
    /// looked up again for each quote).
    pub(super) fn clause_sharing(&self, words: Vec<Word>, start: usize, read: &Clause) -> Clause {
        let mut folded = Vec::with_capacity(words.len());
        let mut classes = Vec::with_capacity(words.len());
        // Both in text order: walk `read` along with `words`.
        let mut j = words
            .first()
            .map_or(0, |first| read.words.partition_point(|w| w.span.start < first.span.start));
        for w in &words {
            while read.words.get(j).is_some_and(|r| r.span.start < w.span.start) {
                j += 1;
            }
            if read.words.get(j).is_some_and(|r| r.span == w.span) {
                folded.push(read.folded[j].clone());
                classes.push(read.classes[j]);
            } else {
                let f = text::fold_word(w.as_str(self.text));
                classes.push(mention::word_class(self.text, *w, &f));
                folded.push(f);
            }
        }
        self.clause_folded(words, folded, classes, start)
    }

    fn clause_folded(
        &self,
        words: Vec<Word>,
        folded: Vec<FoldedWord>,
        classes: Vec<WordClass>,
        start: usize,
    ) -> Clause {
        self.clause_folded_into(words, folded, classes, start, Spare::default())
    }

    /// [`Reader::clause_folded`] with the mentions, their referents and
    /// the cues in the vectors of `spare`.
    fn clause_folded_into(
        &self,
        words: Vec<Word>,
        folded: Vec<FoldedWord>,
        classes: Vec<WordClass>,
        start: usize,
        spare: Spare,
    ) -> Clause {
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
pub(super) struct Spare {
    words: Vec<Word>,
    folded: Vec<FoldedWord>,
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
            && ["of", "for", "from", "about", "against"].contains(&c.folded[cue.first - 1].as_str())
        {
            return None;
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
            // "the charity's chief executive, Jane Doe, said": the name.
            let named = c.mentions.get(k + 1).filter(|n| {
                n.first == c.mentions[k].last
                    && n.last == j
                    && matches!(n.kind, MentionKind::Name(_))
                    && matches!(c.mentions[k].kind, MentionKind::Description { body: false, .. })
            });
            return Some((if named.is_some() { k + 1 } else { k }, 0.95));
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
    let relative = ["who", "which", "whose", "whom"].contains(&c.folded[open].as_str());
    if !relative || gap(text, &c.words, open).trim_matches(is_space) != "," {
        return None;
    }
    c.mentions.iter().position(|m| m.last == open && m.subject)
}

/// Whether the mention starting at word `first` follows "according to"
/// (perhaps with "the" between).
pub(super) fn is_according_to(folded: &[FoldedWord], first: usize) -> bool {
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
        f: impl FnOnce(&mut Reader<'_>, &mut Clause) -> T,
    ) -> T {
        let words = text::words(text, Span::new(0, text.len()));
        let paragraphs = text::paragraphs(text);
        let top: Vec<Span> =
            quote::find_quotes(text).iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
        let mut reader = Reader::new(text, &words, &paragraphs, None);
        let mut clause = reader.clause(reader.words_outside(Span::new(0, text.len()), &top), 0);
        f(&mut reader, &mut clause)
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
        let folded: Vec<FoldedWord> =
            ["according", "to", "the", "ministry"].into_iter().map(FoldedWord::from).collect();
        assert!(is_according_to(&folded, 3));
        assert!(is_according_to(&folded, 2));
        assert!(!is_according_to(&folded, 1));
        let folded: Vec<FoldedWord> =
            ["he", "spoke", "to", "fulani"].into_iter().map(FoldedWord::from).collect();
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
    fn a_clause_sharing_words_reads_as_one_of_its_own() {
        let text = "“We stay,” said Omar Fulani’s aide. The U.S. envoy left.";
        with_clause(text, |reader, read| {
            let after = text.find(',').unwrap() + 1;
            // Words after the quote: some of the sentence read, some
            // beyond it, and one the sentence does not have (the second
            // half of a word cut at the stretch's start).
            for start in [after, after + 3, text.find("aide").unwrap() + 2] {
                let stretch = Span::new(start, text.len());
                let words = text::words_up_to(text, stretch, 14);
                let shared = reader.clause_sharing(words.clone(), start, read);
                let own = reader.clause(words, start);
                assert_eq!(shared.folded, own.folded, "{start}");
                assert_eq!(shared.classes, own.classes, "{start}");
                assert_eq!(shared.mentions, own.mentions, "{start}");
                assert_eq!(shared.cues, own.cues, "{start}");
            }
        });
    }

    #[test]
    fn a_sentence_clause_in_recycled_vectors_reads_as_a_new_one() {
        let text = "Omar Fulani, the army chief, said: “We stay.” The U.S. envoy left. \
                    “No,” he said. It rained. According to the ministry, a source in \
                    the Sahel Movement said the talks were over.";
        let words = text::words(text, Span::new(0, text.len()));
        let top: Vec<Span> =
            quote::find_quotes(text).iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
        let sentences = text::sentences(text, Span::new(0, text.len()), &top);
        assert!(sentences.len() >= 4, "{sentences:?}");
        let mut reader = Reader::new(text, &words, &[], None);
        // Twice over, so that long sentences reuse the vectors of short ones
        // and short ones those of long ones.
        for &sentence in sentences.iter().chain(sentences.iter().rev()) {
            let new = reader.clause(reader.words_outside(sentence, &top), sentence.start);
            let recycled = reader.sentence_clause(sentence, &top);
            assert_eq!(recycled.words, new.words);
            assert_eq!(recycled.folded, new.folded);
            assert_eq!(recycled.classes, new.classes);
            assert_eq!(recycled.mentions, new.mentions);
            assert_eq!(recycled.cues, new.cues);
            assert_eq!(recycled.resolved.len(), new.mentions.len());
            assert!(recycled.resolved.iter().all(Option::is_none));
            reader.recycle(recycled);
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
