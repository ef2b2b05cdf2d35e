//! The comparison of the bundled corpus (`corpus/`), checked against the
//! cluster labels of the seed gold (`tests/data/seeds_gold.jsonl`, a copy
//! of `shared/gold/seeds.jsonl`), and snapshotted in `snapshots/`.
//!
//! Review snapshot changes with `cargo insta review` (or read the
//! `.snap.new` file): a snapshot is a claim that the output is correct.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use quotelens::align::Relation;
use quotelens::compare::{Cluster, CompareOptions, Comparison, Member, compare};
use quotelens::eval::{self, GoldQuote};
use quotelens::{corpus, extract::Extractor};

/// The comparison of the bundled corpus. It borrows from its extraction,
/// which a test leaks.
fn comparison(options: &CompareOptions) -> Comparison<'static> {
    compare(Box::leak(Box::new(Extractor::new().extract(corpus::bundled()))), options)
}

fn gold() -> Vec<GoldQuote> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds_gold.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let (gold, errors) = eval::read_gold(&path, file);
    assert!(errors.is_empty(), "{errors:?}");
    gold
}

/// Lower-case words of letters and digits.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The gold quote a quote member renders: same article, and the member's
/// words a contiguous part of the gold quote's (a sentence or piece of
/// it), or the other way round.
fn gold_of<'g>(member: &Member, gold: &'g [GoldQuote]) -> Option<&'g GoldQuote> {
    let mine = words(member.text);
    gold.iter().filter(|g| g.article() == member.source).find(|g| {
        let theirs = words(&g.quote);
        contains(&theirs, &mine) || contains(&mine, &theirs)
    })
}

/// The cluster labels of a gold quote (`tactic+storm` is two).
fn labels(g: &GoldQuote) -> BTreeSet<String> {
    g.cluster.iter().flat_map(|c| c.split('+')).map(str::to_string).collect()
}

fn quotes<'c>(cluster: &'c Cluster<'_>) -> impl Iterator<Item = &'c Member<'c>> {
    cluster.members.iter().filter(|m| m.relation == Relation::Quote)
}

/// The label every quote of the cluster carries, if the cluster holds
/// two quotes or more.
fn label(cluster: &Cluster, gold: &[GoldQuote]) -> Option<String> {
    let mut shared: Option<BTreeSet<String>> = None;
    for m in quotes(cluster) {
        let g = gold_of(m, gold).unwrap_or_else(|| panic!("no gold quote for {m:?}"));
        let l = labels(g);
        shared = Some(match shared {
            None => l,
            Some(s) => s.intersection(&l).cloned().collect(),
        });
    }
    let shared = shared.unwrap_or_default();
    assert!(
        quotes(cluster).count() < 2 || shared.len() == 1,
        "cluster {} glues quotes of different statements: {:#?}",
        cluster.id,
        quotes(cluster)
            .map(|m| (&m.source, &m.text, gold_of(m, gold).map(labels)))
            .collect::<Vec<_>>()
    );
    shared.into_iter().next().filter(|_| quotes(cluster).count() >= 2)
}

/// The six statements of the seed corpus carried by more than one outlet
/// each form one cluster with every outlet that carries them, and every
/// quote labelled with a statement is in that statement's cluster.
#[test]
fn statements_carried_by_several_outlets_form_one_cluster_each() {
    let gold = gold();
    let all = comparison(&CompareOptions::default());
    let mut by_label: BTreeMap<String, Vec<&Cluster>> = BTreeMap::new();
    for c in &all.clusters {
        if let Some(l) = label(c, &gold) {
            by_label.entry(l).or_default().push(c);
        }
    }
    let mut carried: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for g in &gold {
        for l in labels(g) {
            carried.entry(l).or_default().insert(g.article());
        }
    }
    carried.retain(|_, articles| articles.len() > 1);
    let names: Vec<&str> = carried.keys().map(String::as_str).collect();
    assert_eq!(names, ["essential", "fronts", "liar", "storm", "strategy", "tactic"]);
    for (l, articles) in &carried {
        let clusters = by_label.get(l).map_or(&[][..], Vec::as_slice);
        assert_eq!(clusters.len(), 1, "{l}: {clusters:#?}");
        let sources: BTreeSet<&str> = quotes(clusters[0]).map(|m| m.source).collect();
        assert_eq!(&sources, articles, "{l}: every outlet that carries it");
        assert!(clusters[0].speaker.is_some_and(|s| s.to_lowercase().contains("kaabi")));
    }
    // Every labelled gold quote sits in its statement's cluster.
    for g in gold.iter().filter(|g| g.cluster.is_some()) {
        for l in labels(g).iter().filter(|l| carried.contains_key(*l)) {
            let cluster = by_label[l][0];
            let here = quotes(cluster).any(|m| gold_of(m, &gold) == Some(g));
            assert!(here, "{l}: {:?} of {} is missing", g.quote, g.file);
        }
    }
    // The narrator's report of the tactic statement is linked to it.
    let tactic = by_label["tactic"][0];
    let paraphrases: BTreeSet<&str> = tactic
        .members
        .iter()
        .filter(|m| m.relation == Relation::Paraphrase)
        .map(|m| m.source)
        .collect();
    assert_eq!(paraphrases.len(), 2, "{tactic:#?}");
}

/// With `--min-outlets 2`, exactly those six statements remain.
#[test]
fn min_outlets_keeps_the_shared_statements() {
    let gold = gold();
    let shared = comparison(&CompareOptions { min_outlets: 2, ..CompareOptions::default() });
    let got: BTreeSet<String> = shared.clusters.iter().filter_map(|c| label(c, &gold)).collect();
    let want = ["essential", "fronts", "liar", "storm", "strategy", "tactic"];
    assert_eq!(got, want.iter().map(|s| s.to_string()).collect());
    assert_eq!(shared.clusters.len(), 6);
}

/// No cluster mixes speakers, and this corpus attributes every shared
/// statement consistently.
#[test]
fn no_cluster_mixes_speakers() {
    let all = comparison(&CompareOptions::default());
    for c in &all.clusters {
        for m in &c.members {
            assert!(m.speaker.is_none() || m.speaker == c.speaker, "{c:#?}");
            assert_eq!(m.conflict, m.speaker != c.speaker, "{c:#?}");
        }
    }
    assert!(all.conflicts.is_empty(), "{:#?}", all.conflicts);
}

/// Every member's offsets index its article.
#[test]
fn offsets_index_the_article_text() {
    let articles = corpus::bundled();
    for c in &comparison(&CompareOptions::default()).clusters {
        for m in &c.members {
            let article = articles.iter().find(|a| a.id == m.source).unwrap();
            assert_eq!(&article.text[m.start..m.end], m.text);
        }
    }
}

/// The speaker filter finds clusters by a name's short form.
#[test]
fn speaker_filter() {
    let options = CompareOptions { speaker: Some("rasool".into()), ..CompareOptions::default() };
    let rasool = comparison(&options);
    assert!(!rasool.clusters.is_empty());
    assert!(rasool.clusters.iter().all(|c| c.speaker == Some("Yahya Rasool")));
}

#[test]
fn snapshot_of_the_bundled_corpus() {
    let all = comparison(&CompareOptions::default());
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("compare", all, {
            ".**.similarity" => insta::rounded_redaction(3),
        });
    });
}
