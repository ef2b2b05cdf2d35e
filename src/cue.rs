//! Speech cues: the verbs and phrases that tie a quote to its speaker.
//!
//! The lexicon is general English reporting vocabulary, not tuned to any
//! story. Each cue has a [`CueForm`]: a finite verb takes its subject from
//! the mention next to it (`Doe stressed`, `said Fulani`); a participle
//! (`stressing`, `adding`) takes the subject of the clause it hangs from.

use crate::Span;
use crate::lexicon::{self, PhraseSet, WordClass};
use crate::text::{self, FoldedWord, Word};

/// How a cue finds its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueForm {
    /// A finite verb: `said`, `stressed`, `pointed out`, `went on to say`.
    Finite,
    /// A participle hanging from a clause: `stressing`, `adding that`.
    Participle,
    /// A verb that reports a document or another outlet rather than a
    /// speaker: `reported`, `read`. Used only when nothing better is found.
    Report,
}

/// A cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Where the cue is (all its words).
    pub span: Span,
    /// How it finds its subject.
    pub form: CueForm,
    /// Index of its first word in the word list it was found in.
    pub first: usize,
    /// Index one past its last word.
    pub last: usize,
}

/// Finds the cues among `words` (of `text`), in order. Multi-word cues
/// are preferred over their first word.
pub fn find_cues(text: &str, words: &[Word]) -> Vec<Cue> {
    let folded = text::fold_words(text, words);
    find_cues_folded(text, words, &folded)
}

/// [`find_cues`] with the words already [folded](text::fold), one folded
/// string per word.
pub fn find_cues_folded(text: &str, words: &[Word], folded: &[FoldedWord]) -> Vec<Cue> {
    let folded: Vec<&str> = folded.iter().map(|f| f.as_str()).collect();
    let classes: Vec<WordClass> = folded.iter().map(|f| lexicon::word_class(f)).collect();
    find_cues_classed(text, words, &folded, &classes)
}

/// [`find_cues_folded`] with each word's [`WordClass`] too, for callers
/// that share them with [mention finding](crate::mention::find_mentions_classed).
pub fn find_cues_classed(
    text: &str,
    words: &[Word],
    folded: &[&str],
    classes: &[WordClass],
) -> Vec<Cue> {
    let mut out = Vec::new();
    find_cues_into(text, (words, folded, classes), &mut out);
    out
}

/// [`find_cues_classed`] into `out`, which it clears first: a caller that
/// reads sentence after sentence keeps one vector for all (issue #5).
pub fn find_cues_into(
    text: &str,
    (words, folded, classes): (&[Word], &[&str], &[WordClass]),
    out: &mut Vec<Cue>,
) {
    out.clear();
    debug_assert_eq!(words.len(), folded.len());
    debug_assert_eq!(words.len(), classes.len());
    let mut i = 0;
    while i < words.len() {
        // Most words are in no cue table: their class rules them out.
        if !classes[i].has(WordClass::CUE) {
            i += 1;
            continue;
        }
        // The class says which tables have the word, without a look-up
        // in each (issue #5).
        let class = classes[i];
        // The longest phrase of the table that starts at word i; `starts`
        // is the class of the tables' first words.
        let phrase = |table: &PhraseSet, starts: WordClass| {
            if !class.has(starts) {
                return None;
            }
            table
                .phrases()
                .iter()
                .filter(|p| {
                    i + p.len() <= words.len() && p.iter().zip(&folded[i..]).all(|(a, b)| a == b)
                })
                .map(|p| p.len())
                .max()
        };
        let found = if let Some(n) = phrase(&lexicon::PHRASE_CUES, WordClass::STARTS_PHRASE_CUE) {
            Some((n, CueForm::Finite))
        } else if let Some(n) =
            phrase(&lexicon::PARTICIPLE_PHRASE_CUES, WordClass::STARTS_PARTICIPLE_PHRASE_CUE)
        {
            Some((n, CueForm::Participle))
        } else {
            // Cues are lower case: "Said" is a name.
            if words[i].as_str(text).starts_with(char::is_uppercase) {
                None
            } else if class.has(WordClass::FINITE_CUE) {
                Some((1, CueForm::Finite))
            } else if class.has(WordClass::PARTICIPLE_CUE) {
                Some((1, CueForm::Participle))
            } else if class.has(WordClass::REPORT_CUE) {
                Some((1, CueForm::Report))
            } else {
                None
            }
        };
        match found {
            Some((n, form)) => {
                out.push(Cue {
                    span: Span::new(words[i].span.start, words[i + n - 1].span.end),
                    form,
                    first: i,
                    last: i + n,
                });
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Whether the folded word is a cue on its own (`said`, `stressing`,
/// `reported`) or starts a multi-word cue (`pointed`, `went`).
pub fn is_cue_word(folded: &str) -> bool {
    lexicon::is_cue_word(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str) -> Vec<(String, CueForm)> {
        let words = text::words(s, Span::new(0, s.len()));
        find_cues(s, &words).into_iter().map(|c| (s[c.span.range()].to_string(), c.form)).collect()
    }

    #[test]
    fn lexicon() {
        use CueForm::*;
        let cases: &[(&str, &[(&str, CueForm)])] = &[
            ("Rasool stressed", &[("stressed", Finite)]),
            ("stated Kaabi", &[("stated", Finite)]),
            ("he went on to say", &[("went on to say", Finite)]),
            ("he pointed out, adding", &[("pointed out", Finite), ("adding", Participle)]),
            ("Xinhua news agency reported", &[("reported", Report)]),
            ("The Said family", &[]),
            ("no cue here", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, CueForm)> =
                want.iter().map(|(s, f)| (s.to_string(), *f)).collect();
            assert_eq!(cues(text), want, "{text}");
        }
    }
}
