//! `quotelens eval --gold FILE`.

use crate::util::{check, repo, run, scratch};

fn gold(name: &str) -> String {
    repo(&format!("tests/data/{name}")).to_str().unwrap().to_string()
}

#[test]
fn seeds() {
    let gold = gold("seeds_gold.jsonl");
    let run = check!("eval_seeds", ["eval", "--gold", &gold]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn seeds_as_json() {
    let gold = gold("seeds_gold.jsonl");
    let run = check!("eval_seeds_json", ["eval", "--gold", &gold, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["articles"].as_array().unwrap().len(), 5);
}

/// A gold file written to disagree with the extraction, so that every
/// list of the report has entries.
#[test]
fn every_kind_of_error() {
    let gold = gold("errors_gold.jsonl");
    let run = check!("eval_errors", ["eval", "--gold", &gold]);
    assert_eq!(run.code, Some(0));
    for section in ["Wrong speakers (1)", "Missed (1)", "Non-speech given a speaker (1)"] {
        assert!(run.stdout.contains(section), "{section}");
    }
}

#[test]
fn a_missing_gold_file_exits_2() {
    let run = run(&["eval", "--gold", "no-such-gold.jsonl"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.starts_with("quotelens: cannot open the gold file no-such-gold.jsonl: "));
    assert_eq!(run.stdout, "");
}

#[test]
fn a_bad_gold_line_is_reported_and_the_rest_scored() {
    let dir = scratch();
    let file = dir.join("gold.jsonl");
    let seeds = std::fs::read_to_string(gold("seeds_gold.jsonl")).unwrap();
    std::fs::write(&file, format!("{{not json\n{seeds}")).unwrap();
    let run = run(&["eval", "--gold", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(2));
    let message = format!("quotelens: {}:1: not a gold quote record", file.display());
    assert!(run.stderr.starts_with(&message), "{}", run.stderr);
    assert!(run.stdout.starts_with("recall  "), "{}", run.stdout);
}
