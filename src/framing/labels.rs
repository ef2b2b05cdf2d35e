//! Speaker labels: how each outlet describes each speaker, and which
//! speech verbs it uses for them.
//!
//! For every speaker that is quoted or paraphrased (in any article of the
//! corpus), and every article that mentions them:
//!
//! - **descriptions**: the roles and titles the article gives them in an
//!   apposition or before the name (`secretary general of the …
//!   Movement`, `Brigadier`), and the descriptions it uses as the subject
//!   of a cue (`the cleric noted`, `The leader of an armed group has
//!   said`), with a leading `The`/`A`/`An` put in lower case;
//! - **cues**: the speech verbs and phrases whose subject is the speaker
//!   (`said`, `stressed`, `claimed`, `pointed out`, `according to`), in
//!   lower case.
//!
//! `count` is how many cues in the article have the label (for a
//! description: how many cues have it as their subject), and at least 1
//! for a role given in an apposition or a title, which the article's cast
//! records once. Roles that a gazetteer supplied but the article does not
//! print are left out: they are not the outlet's words.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::Article;
use crate::extract::Extraction;
use crate::speaker::SpeakerId;
use crate::text;

/// What a label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// A role, title or description of the speaker.
    Description,
    /// A speech verb or phrase used for the speaker.
    Cue,
}

impl LabelKind {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Description => "description",
            LabelKind::Cue => "cue",
        }
    }
}

/// One way one article labels one speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerLabel {
    /// Canonical speaker name.
    pub speaker: String,
    /// Article id.
    pub source: String,
    /// Outlet name, or the article id when unknown.
    pub outlet: String,
    /// Description or cue.
    pub kind: LabelKind,
    /// The words, as printed (white space folded; see the [module
    /// docs](self) for case).
    pub label: String,
    /// How many times the article uses it for the speaker (see the
    /// [module docs](self)).
    pub count: usize,
}

/// The labels every article of `extraction` gives its speakers, sorted by
/// speaker, article, kind (descriptions first), then most used.
pub fn speaker_labels(articles: &[Article], extraction: &Extraction) -> Vec<SpeakerLabel> {
    let speakers = extraction.speakers.all();
    // (speaker, article index, kind, folded label) → (label, count).
    let mut found: BTreeMap<(SpeakerId, usize, LabelKind, String), (String, usize)> =
        BTreeMap::new();
    let mut add = |key: (SpeakerId, usize, LabelKind), label: String, n: usize, at_least: bool| {
        let slot = found.entry((key.0, key.1, key.2, text::fold(&label))).or_insert((label, 0));
        slot.1 = if at_least { slot.1.max(n) } else { slot.1 + n };
    };
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    for (a, info) in extraction.articles.iter().enumerate() {
        let Some(article) = by_id.get(&*info.source) else { continue };
        let folded_text = text::fold(&article.text);
        for cue in &info.cues {
            let speaker = info.speaker_ids[cue.entity];
            let verb = text::fold(&article.text[cue.cue.range()]);
            add((speaker, a, LabelKind::Cue), verb, 1, false);
            if cue.description {
                let label = description(&article.text[cue.mention.range()]);
                add((speaker, a, LabelKind::Description), label, 1, false);
            }
        }
        for (e, entity) in info.cast.entities().iter().enumerate() {
            let speaker = info.speaker_ids[e];
            for role in &entity.roles {
                if folded_text.contains(&text::fold(role)) {
                    add((speaker, a, LabelKind::Description), description(role), 1, true);
                }
            }
        }
    }
    // Only speakers: quoted or paraphrased somewhere in the corpus.
    let is_speaker: BTreeSet<SpeakerId> = extraction
        .speaker_ids
        .iter()
        .flatten()
        .chain(&extraction.paraphrase_speaker_ids)
        .copied()
        .collect();
    let mut out: Vec<SpeakerLabel> = found
        .into_iter()
        .filter(|((speaker, ..), _)| is_speaker.contains(speaker))
        .map(|((speaker, a, kind, _), (label, count))| SpeakerLabel {
            speaker: speakers[speaker].name.clone(),
            source: extraction.articles[a].source.to_string(),
            outlet: extraction.articles[a].outlet.to_string(),
            kind,
            label,
            count,
        })
        .collect();
    out.sort_by(|x, y| {
        (&x.speaker, &x.source, x.kind)
            .cmp(&(&y.speaker, &y.source, y.kind))
            .then(y.count.cmp(&x.count))
            .then_with(|| x.label.cmp(&y.label))
    });
    out
}

/// A description as a label: white space folded, a leading capitalized
/// article in lower case.
fn description(words: &str) -> String {
    let words: Vec<&str> = words.split(text::is_space).filter(|w| !w.is_empty()).collect();
    let mut out = words.join(" ");
    if let Some(first) = words.first().filter(|w| ["The", "A", "An"].contains(w)) {
        out.replace_range(..first.len(), &first.to_lowercase());
    }
    out.trim_end_matches([',', ';', ':']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn descriptions_and_cues_per_article() {
        let a = Article::new(
            "a",
            "The leader of an armed group has said the calm is a “temporary tactic”.\n\
             Omar Fulani, secretary general of the Northland Movement, said in a statement that \
             the calm would end.\n\
             The cleric noted that talks had failed. “We will return,” Fulani stressed.",
        );
        let b = Article::new(
            "b",
            "Northland Prime Minister Omar Fulani claimed on Monday that “the storm is near.”\n\
             “We are ready,” he said.",
        );
        let articles = vec![a, b];
        let ex = Extractor::new().extract(articles.clone());
        let labels = speaker_labels(&articles, &ex);
        let got: Vec<(&str, &str, &str, usize)> = labels
            .iter()
            .map(|l| (l.source.as_str(), l.kind.as_str(), l.label.as_str(), l.count))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "description", "secretary general of the Northland Movement", 1),
                ("a", "description", "the cleric", 1),
                ("a", "description", "the leader of an armed group", 1),
                ("a", "cue", "said", 2),
                ("a", "cue", "noted", 1),
                ("a", "cue", "stressed", 1),
                ("b", "description", "Northland Prime Minister", 1),
                ("b", "cue", "claimed", 1),
                ("b", "cue", "said", 1),
            ]
        );
    }
}
