//! Alignment phenomena, each with texts written for the test.

use std::collections::HashMap;

use super::*;
use crate::extract::Paraphrase;
use crate::{QuoteKind, QuoteRecord};

/// A unit to build: article id, text, speaker, quote or paraphrase.
pub(crate) struct U<'a>(pub &'a str, pub &'a str, pub Option<usize>, pub Relation);

/// An extraction where each text is a whole article: a full quote or a
/// paraphrase.
pub(crate) fn extraction(items: &[U]) -> Extraction {
    let mut ex = Extraction::default();
    // Items of one article follow each other in it.
    let mut ends: HashMap<&str, usize> = HashMap::new();
    for U(source, text, speaker, relation) in items {
        let end = ends.entry(source).or_insert(0);
        let start = *end + 1;
        *end = start + text.len();
        match relation {
            Relation::Quote => {
                ex.records.push(QuoteRecord {
                    speaker: speaker.map(|s| format!("Speaker {s}").into()),
                    ..QuoteRecord::unattributed(source, start, text, QuoteKind::Full)
                });
                ex.speaker_ids.push(*speaker);
            }
            Relation::Paraphrase => {
                ex.paraphrases.push(Paraphrase {
                    source: (*source).into(),
                    outlet: (*source).into(),
                    start,
                    end: start + text.len(),
                    text: text.to_string(),
                    speaker: speaker.map(|s| format!("Speaker {s}").into()),
                    entity: 0,
                    cue: "said".into(),
                });
                ex.paraphrase_speaker_ids.push(speaker.unwrap_or(0));
            }
        }
    }
    ex
}

/// The units of the texts, each a one-quote article by speaker 0.
pub(crate) fn units_of(texts: &[&str]) -> (Vec<Unit<'static>>, Vocabulary) {
    let items: Vec<U> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            U(["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"][i], t, Some(0), Relation::Quote)
        })
        .collect();
    // Units borrow from their extraction; a test's few are leaked.
    unit::units(Box::leak(Box::new(extraction(&items))))
}

/// The groups as lists of (source, member text), reference first.
fn groups(items: &[U]) -> Vec<Vec<(String, String)>> {
    let ex = extraction(items);
    let alignment = Aligner::new().align(&ex);
    alignment
        .groups
        .iter()
        .map(|g| {
            let mut links: Vec<&Link> = g.members.iter().collect();
            links.sort_by_key(|l| !l.is_reference);
            links
                .iter()
                .map(|l| {
                    let u = &alignment.units[l.unit];
                    let text = &u.text[l.span.start - u.span.start..l.span.end - u.span.start];
                    (u.source.to_string(), text.to_string())
                })
                .collect()
        })
        .collect()
}

fn sources(group: &[(String, String)]) -> Vec<&str> {
    group.iter().map(|(s, _)| s.as_str()).collect()
}

use Relation::{Paraphrase as P, Quote as Q};

#[test]
fn typographic_copies_form_one_group() {
    let got = groups(&[
        U("a", "We say that the US envoy’s plan is a ruse, a trap, and a lie.", Some(1), Q),
        U("b", "We say that the U.S. envoy's plan is a ruse, a trap and a lie", Some(1), Q),
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(sources(&got[0]), ["a", "b"]);
}

#[test]
fn a_fragment_joins_the_longer_quote() {
    let got = groups(&[
        U("a", "passing squall", Some(1), Q),
        U("b", "The quiet is only a passing squall before the flood.", Some(1), Q),
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(sources(&got[0]), ["b", "a"], "the longer wording is the reference");
}

#[test]
fn one_quote_of_two_sentences_aligns_with_two_quotes() {
    let got = groups(&[
        U(
            "a",
            "The granaries are empty across the north. Relief convoys must cross the mountains now.",
            Some(1),
            Q,
        ),
        U("b", "The granaries are empty across the north,", Some(1), Q),
        U("c", "Relief convoys must cross the mountains now", Some(1), Q),
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0][0].1, "The granaries are empty across the north.");
    assert_eq!(got[1][0].1, "Relief convoys must cross the mountains now.");
    assert_eq!(sources(&got[0]), ["a", "b"]);
    assert_eq!(sources(&got[1]), ["a", "c"]);
}

#[test]
fn a_sentence_holding_two_statements_is_cut_between_them() {
    let got = groups(&[
        U(
            "a",
            "The present lull is a provisional truce for regrouping and rearming, and is really the hush before the gale.",
            Some(1),
            Q,
        ),
        U("b", "temporary truce", Some(1), Q),
        U("b", "It is just the hush before the gale", Some(1), Q),
        U("c", "It is just the hush before the gale.", Some(1), Q),
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0][0].1, "The present lull is a provisional truce for regrouping and rearming,");
    assert_eq!(sources(&got[0]), ["a", "b"]);
    assert_eq!(got[1][0].1, "and is really the hush before the gale.");
    assert_eq!(sources(&got[1]), ["a", "b", "c"]);
}

#[test]
fn translations_sharing_content_words_and_order_match() {
    let got = groups(&[
        U(
            "a",
            "any lull on one river and blaze on another is a planned, careful and joint design",
            Some(1),
            Q,
        ),
        U(
            "b",
            "Lull on one river and flare (in battle) on another river is a deliberate, careful and joint design,",
            Some(1),
            Q,
        ),
        U("c", "Our farmers will plant barley again in the spring.", Some(1), Q),
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(sources(&got[0]), ["b", "a"]);
}

#[test]
fn paraphrases_attach_but_never_lead() {
    let ex = extraction(&[
        U("a", "The present lull is a provisional truce for regrouping and rearming.", Some(1), Q),
        U("b", "the present lull is only a truce for regrouping and rearming", Some(1), P),
        U("c", "the orchards of the valley would be replanted by spring", Some(1), P),
    ]);
    let alignment = Aligner::new().align(&ex);
    assert_eq!(alignment.groups.len(), 1);
    let members = &alignment.groups[0].members;
    let relations: Vec<Relation> =
        members.iter().map(|l| alignment.units[l.unit].relation).collect();
    assert_eq!(relations, [Q, P]);
    assert!(members[1].similarity >= 0.9, "{members:?}");
}

#[test]
fn no_chaining_through_a_member() {
    // b matches a, c matches b, but c has nothing of a.
    let got = groups(&[
        U(
            "a",
            "The harvest failed in the valley because the dams broke, the rivers dried and the wells emptied, so the cattle starved.",
            Some(1),
            Q,
        ),
        U(
            "b",
            "the dams broke, the rivers dried and the wells emptied across Dunmore county",
            Some(1),
            Q,
        ),
        U("c", "across Dunmore county", Some(1), Q),
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(sources(&got[0]), ["a", "b"]);
    assert_eq!(sources(&got[1]), ["c"]);
}

#[test]
fn different_speakers_never_merge_and_conflict() {
    let ex = extraction(&[
        U("a", "The dams will hold through the winter floods.", Some(1), Q),
        U("b", "The dams will hold through the winter floods.", Some(2), Q),
        U("c", "The dams will hold through the winter floods", None, Q),
    ]);
    let alignment = Aligner::new().align(&ex);
    assert_eq!(alignment.groups.len(), 2);
    for g in &alignment.groups {
        let speakers: Vec<_> =
            g.members.iter().filter_map(|l| alignment.units[l.unit].speaker).collect();
        assert!(speakers.iter().all(|&s| Some(s) == g.speaker), "{speakers:?}");
    }
    let unattributed = alignment
        .groups
        .iter()
        .flat_map(|g| &g.members)
        .find(|l| alignment.units[l.unit].speaker.is_none());
    assert!(
        unattributed.is_some_and(|l| l.conflict),
        "the unattributed copy joins a group, flagged"
    );
    assert!(alignment.groups.iter().flat_map(|g| &g.members).all(|l| l.conflict));
    assert!(alignment.conflicts.iter().any(|c| c.groups == [0, 1]), "{:?}", alignment.conflicts);
    assert!(alignment.conflicts.iter().any(|c| c.groups.len() == 1), "{:?}", alignment.conflicts);
}

#[test]
fn common_phrases_do_not_glue_quotes() {
    let got = groups(&[
        U("a", "The United States will never see our orchards burn on Sunday.", Some(1), Q),
        U("b", "The United States sold its grain to the millers on Sunday.", Some(1), Q),
        U("c", "Talks with the United States resumed on Sunday.", Some(2), Q),
        U("d", "The United States said on Sunday it would wait.", Some(3), Q),
        U("e", "We met the United States envoy on Sunday.", Some(4), Q),
    ]);
    assert_eq!(got.len(), 5, "{got:?}");
}

#[test]
fn repeats_within_an_article_group_together() {
    let got = groups(&[
        U("a", "Every village will have clean water by spring.", Some(1), Q),
        U("a", "every village will have clean water by spring", Some(1), Q),
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn order_is_by_first_appearance_and_outlet() {
    let got = groups(&[
        U("z", "Every village will have clean water by spring.", Some(1), Q),
        U("m", "The granaries are empty across the north.", Some(1), Q),
        U("a", "every village will have clean water by spring", Some(1), Q),
        U("b", "The granaries are empty across the north", Some(1), Q),
    ]);
    assert_eq!(got.len(), 2);
    assert!(got[0][0].1.contains("village"), "z appears first");
    let ex = extraction(&[
        U("z", "Every village will have clean water by spring.", Some(1), Q),
        U("a", "every village will have clean water by spring", Some(1), Q),
    ]);
    let alignment = Aligner::new().align(&ex);
    let outlets: Vec<&str> =
        alignment.groups[0].members.iter().map(|l| alignment.units[l.unit].outlet).collect();
    assert_eq!(outlets, ["a", "z"]);
}

#[test]
fn lone_sentences_of_a_quote_stay_together() {
    let got = groups(&[
        U("a", "The granaries are empty. Relief convoys must cross the mountains now.", Some(1), Q),
        U("b", "Our farmers will plant barley again in the spring.", Some(1), Q),
        U("c", "We will rebuild. The bridge will hold. Every village will have water.", Some(1), Q),
        U("d", "The bridge will hold", Some(1), Q),
    ]);
    let references: Vec<&str> = got.iter().map(|g| g[0].1.as_str()).collect();
    assert_eq!(
        references,
        [
            "The granaries are empty. Relief convoys must cross the mountains now.",
            "Our farmers will plant barley again in the spring.",
            "We will rebuild.",
            "The bridge will hold.",
            "Every village will have water.",
        ]
    );
}

#[test]
fn a_zero_threshold_still_needs_a_shared_word() {
    let items = [
        U("a", "Every village will have clean water by spring.", Some(1), Q),
        U("b", "The granaries are empty across the north.", Some(1), Q),
        U("c", "It is what it is.", Some(1), Q),
    ];
    let ex = extraction(&items);
    let alignment = Aligner::new().threshold(0.0).align(&ex);
    assert_eq!(alignment.groups.len(), 3);
}

/// Everything an alignment says, as text: groups (reference, speaker,
/// links) and conflicts.
fn described(alignment: &Alignment) -> String {
    let groups: Vec<String> = alignment
        .groups
        .iter()
        .map(|g| format!("{:?} {:?} {} {:?}", g.reference, g.speaker, g.reference_unit, g.members))
        .collect();
    format!("{groups:#?}\n{:?}", alignment.conflicts)
}

/// The grouping pass runs in batches on every core; the result is the one
/// a unit at a time gives, whatever the batch size.
#[test]
fn batches_group_as_one_unit_at_a_time() {
    // Units are taken longest first: the long quote, then the three
    // copies in order. In batches of two, the unattributed copy becomes a
    // reference in the first batch; in the second, the copy of speaker 1
    // joins it and gives it that speaker, so the copy of speaker 2, which
    // looked at it before that, must look again and clash.
    let copy = "The orchard burned at dawn near the old river bridge.";
    let items = [
        U(
            "x",
            "Nobody expected the storm to flatten every barn in the valley before the harvest.",
            Some(3),
            Q,
        ),
        U("a", copy, None, Q),
        U("b", copy, Some(1), Q),
        U("c", copy, Some(2), Q),
    ];
    let ex = extraction(&items);
    let one = Aligner::new().batch(1).align(&ex);
    assert_eq!(one.conflicts.len(), 2, "{}", described(&one));
    for batch in [2, 3, 1024] {
        let batched = Aligner::new().batch(batch).align(&ex);
        assert_eq!(described(&batched), described(&one), "batches of {batch}");
    }
    // The same on generated news, with many outlets and speakers.
    let articles: Vec<_> = crate::generate::Generator::new(crate::generate::GeneratorConfig {
        articles: 120,
        seed: 7,
    })
    .collect();
    let ex = crate::extract::Extractor::new().extract(articles);
    let one = Aligner::new().batch(1).align(&ex);
    assert!(one.groups.len() > 100 && !one.conflicts.is_empty(), "{}", one.groups.len());
    for batch in [5, 64] {
        let batched = Aligner::new().batch(batch).align(&ex);
        assert_eq!(described(&batched), described(&one), "batches of {batch}");
    }
}

#[test]
fn permute_puts_each_item_where_the_order_says() {
    for order in [
        vec![],
        vec![0],
        vec![2, 0, 1],
        vec![1, 0, 3, 2, 4],
        vec![4, 3, 2, 1, 0],
        vec![3, 4, 0, 1, 2],
    ] {
        let mut items: Vec<char> = "abcde"[..order.len()].chars().collect();
        let want: Vec<char> = order.iter().map(|&k| items[k]).collect();
        super::permute(&mut items, &order);
        assert_eq!(items, want, "{order:?}");
    }
}
