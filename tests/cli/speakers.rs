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
