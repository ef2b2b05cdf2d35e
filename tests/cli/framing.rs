//! `quotelens framing` (issue 4).

use crate::util::{check, run, scratch};

#[test]
fn table() {
    let run = check!("framing_table", ["framing"]);
    assert_eq!(run.code, Some(0));
    for title in ["BOILERPLATE LEFT OUT", "NARRATOR VOICE", "QUOTED VOICE", "SPEAKER LABELS"] {
        assert!(run.stdout.contains(title), "{title}");
    }
}

/// Every object has a section; a `terms` object has the fields the issue
/// asks for, and its speaker only in the quoted voice.
#[test]
fn json_lines() {
    let run = check!("framing_jsonl", ["framing", "--format", "jsonl"]);
    assert_eq!(run.code, Some(0));
    let mut sections = Vec::new();
    for line in run.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let section = value["section"].as_str().unwrap().to_string();
        if section == "terms" {
            for field in
                ["source", "outlet", "term", "referent", "category", "voice", "count", "per_1k"]
            {
                assert!(!value[field].is_null(), "{field}: {line}");
            }
            let quoted = value["voice"] == "quoted";
            assert!(quoted || value["speaker"].is_null(), "{line}");
        }
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    assert_eq!(sections, ["articles", "terms", "labels", "discovered", "substitutions"]);
}

#[test]
fn csv_one_section() {
    let labels = check!("framing_csv", ["framing", "--format", "csv", "--section", "labels"]);
    assert_eq!(labels.code, Some(0));
    assert!(labels.stdout.starts_with("speaker,source,outlet,kind,label,count\n"));
    let two = run(&["framing", "--format", "csv", "--section", "terms,labels"]);
    assert_eq!(two.code, Some(2));
    assert!(two.stderr.contains("--format csv writes one section"), "{}", two.stderr);
}

/// A lexicon of one's own replaces the bundled one; its bad row is
/// reported with file and line, and the rest still counts.
#[test]
fn a_lexicon_of_ones_own() {
    let dir = scratch();
    let path = dir.join("terms.csv");
    std::fs::write(
        &path,
        "term,variants,referent,category,note\n\
         calm,lull,pause,custom,\n\
         storm,,,custom,\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let run = run(&["framing", "--lexicon", path, "--format", "jsonl", "--section", "terms"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("terms.csv:3: the referent is empty"), "{}", run.stderr);
    assert!(!run.stdout.is_empty());
    for line in run.stdout.lines() {
        assert!(line.contains(r#""term":"calm""#), "{line}");
    }
    // "calm" is in quotes and in narration: both voices are counted.
    assert!(
        run.stdout.contains(r#""voice":"quoted""#) && run.stdout.contains(r#""voice":"narrator""#)
    );
}

#[test]
fn a_missing_lexicon_is_an_error() {
    let missing = run(&["framing", "--lexicon", "nowhere.csv", "--section", "articles"]);
    assert_eq!(missing.code, Some(2));
    assert!(missing.stderr.starts_with("quotelens: nowhere.csv: "), "{}", missing.stderr);
}

/// Substitutions are mined from the quotes and paraphrases `compare`
/// aligns (issue 4): "temporary tactic" against "provisional tactic".
#[test]
fn substitutions_from_the_compare_step() {
    let run = run(&["framing", "--format", "csv", "--section", "substitutions"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with("outlet,words,other_outlet,other_words,count\n"));
    for pair in [
        "001_0c48c95ef52fe2e9,temporary,003_352c3fa61c4eeaa5,provisional,1",
        "003_352c3fa61c4eeaa5,provisional,Asian Lite News,temporary,1",
        "003_352c3fa61c4eeaa5,surge,Asian Lite News,ignition,1",
    ] {
        assert!(run.stdout.contains(pair), "{pair}: {}", run.stdout);
    }
}
