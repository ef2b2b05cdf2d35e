//! `quotelens speakers`.

use crate::util::check;

#[test]
fn table() {
    let run = check!("speakers_table", ["speakers"]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn csv() {
    check!("speakers_csv", ["speakers", "--format", "csv"]);
}

#[test]
fn json_lines() {
    let run = check!("speakers_jsonl", ["speakers", "--format", "jsonl"]);
    for line in run.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(value["quotes"].as_u64().unwrap() >= 1, "only quoted speakers: {line}");
    }
}

/// A gazetteer renames and retypes speakers and adds roles; its bad row is
/// reported with file and line, the rest still applies, and the exit
/// status says something was wrong.
#[test]
fn with_a_gazetteer() {
    let gazetteer = crate::util::repo("tests/data/gazetteer.csv");
    let gazetteer = gazetteer.to_str().unwrap();
    let run =
        check!("speakers_gazetteer", ["speakers", "--format", "jsonl", "--gazetteer", gazetteer]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("gazetteer.csv:6:"), "{}", run.stderr);
    assert!(
        run.stdout.contains(r#""name":"US Central Command","type":"organisation""#),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Secretary-General of Harakat Hezbollah al-Nujaba"),
        "{}",
        run.stdout
    );
}
