//! `quotelens said NAME`.

use crate::util::check;

#[test]
fn an_alias_in_odd_case() {
    let run = check!("said_alias", ["said", "kAaBi"]);
    assert_eq!(run.code, Some(0));
    // By statement: the six that several outlets carry, then three more.
    let headings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(headings.len(), 9, "{}", run.stdout);
    assert_eq!(headings.iter().filter(|h| !h.ends_with(" 1 outlet")).count(), 6);
}

#[test]
fn a_misspelled_name() {
    let run = check!("said_misspelled", ["said", "Yahia Rasol"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with("Yahya Rasool · person"), "{}", run.stdout);
}

#[test]
fn an_acronym_as_json_lines() {
    let run = check!("said_jsonl", ["said", "centcom", "--format", "jsonl"]);
    assert_eq!(run.code, Some(0));
    for line in run.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["speaker"], "US Central Command (CENTCOM)");
    }
}

#[test]
fn nobody_found_exits_1() {
    let run = check!("said_nobody", ["said", "Netanyahu"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
}
