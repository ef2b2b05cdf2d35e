//! `quotelens who "TEXT"`.

use crate::util::check;

#[test]
fn a_fragment() {
    let run = check!("who_fragment", ["who", "calm before the storm"]);
    assert_eq!(run.code, Some(0));
    // One statement, every outlet's wording, the three that matched marked.
    assert!(run.stdout.starts_with("[2] Akram al-Kaabi · 3 outlets\n"), "{}", run.stdout);
    assert_eq!(run.stdout.matches("[").count(), 1, "{}", run.stdout);
    assert_eq!(run.stdout.matches(" · match 1.00\n").count(), 3, "{}", run.stdout);
    assert!(run.stdout.contains("in fact → only"), "{}", run.stdout);
}

#[test]
fn a_misspelled_fragment() {
    let run = check!("who_misspelled", ["who", "its only the clam befor the strom"]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn other_apostrophes_and_case() {
    // The article prints “government’s”.
    let run = check!("who_apostrophe", ["who", "THE GOVERNMENT'S NEGOTIATIONS", "--limit", "1"]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn json_lines() {
    let run = check!("who_jsonl", ["who", "calm before the storm", "--format", "jsonl"]);
    for line in run.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let score = value["score"].as_f64().unwrap();
        assert!((0.6..=1.0).contains(&score), "{line}");
        let (start, end) = (value["start"].as_u64(), value["end"].as_u64());
        let (m_start, m_end) = (value["match_start"].as_u64(), value["match_end"].as_u64());
        assert!(start <= m_start && m_start < m_end && m_end <= end, "{line}");
        assert_eq!(value["clusters"], serde_json::json!([2]), "{line}");
    }
}

#[test]
fn nothing_found_exits_1() {
    let run = check!("who_nothing", ["who", "a zebra crossing in Paris"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
}

#[test]
fn a_query_without_words_is_bad_usage() {
    let run = crate::util::run(&["who", "…"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.starts_with("quotelens: "), "{}", run.stderr);
}
