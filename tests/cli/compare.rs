//! `quotelens compare` (issue 3), and the framing terms beside its rows
//! (issue 4).

use std::collections::BTreeSet;

use crate::util::{check, run, run_in, scratch, snapshot};

/// The CSV columns, in order.
const HEADER: &str = "cluster,speaker,outlet,source,relation,is_reference,text,reference,\
                      similarity,differences,cue,conflict,conflict_note,framing,start,end";

/// The JSON Lines objects of a run.
fn objects(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// CSV is the default when the output is not a terminal.
#[test]
fn csv_by_default_off_a_terminal() {
    let run = check!("compare_csv", ["compare"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with(&format!("{HEADER}\n")), "{}", run.stdout);
    let explicit = crate::util::run(&["compare", "--format", "csv"]);
    assert_eq!(explicit.stdout, run.stdout);
    // Rows by cluster, then outlet.
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let rows: Vec<(u64, String)> = reader
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].parse().unwrap(), r[2].to_string()))
        .collect();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted);
    // The outlet's own terms beside a statement that names armed groups
    // and foreign forces.
    assert!(run.stdout.contains(
        "\"armed groups: Islamic Resistance 7, armed groups 3, militia 2, Iranian-backed armed \
         groups 1, paramilitary 1; foreign forces: US forces 5, US-led coalition 2\""
    ));
}

#[test]
fn json_lines() {
    let run = check!("compare_jsonl", ["compare", "--format", "jsonl"]);
    assert_eq!(run.code, Some(0));
    let clusters = objects(&run.stdout);
    assert_eq!(clusters.len(), 18);
    for c in &clusters {
        for field in ["cluster", "reference", "members"] {
            assert!(!c[field].is_null(), "{field}: {c}");
        }
        for m in c["members"].as_array().unwrap() {
            for field in ["source", "outlet", "start", "end", "text", "similarity", "differences"] {
                assert!(!m[field].is_null(), "{field}: {m}");
            }
            let relation = m["relation"].as_str().unwrap();
            assert!(relation == "quote" || relation == "paraphrase", "{m}");
        }
    }
}

#[test]
fn table() {
    let run = check!("compare_table", ["compare", "--format", "table"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with("18 statements, 6 carried by more than one outlet; "));
}

/// The six statements of al-Kaabi that more than one outlet carries.
#[test]
fn min_outlets() {
    let run = check!("compare_min_outlets", ["compare", "--min-outlets", "2", "--format", "table"]);
    assert_eq!(run.code, Some(0));
    let jsonl = crate::util::run(&["compare", "--min-outlets", "2", "--format", "jsonl"]);
    let clusters = objects(&jsonl.stdout);
    assert_eq!(clusters.len(), 6);
    for c in &clusters {
        assert_eq!(c["speaker"], "Akram al-Kaabi");
        assert!(c["outlets"].as_u64().unwrap() >= 2, "{c}");
    }
}

/// A speaker by a misspelled short name.
#[test]
fn a_speaker() {
    let run = check!("compare_speaker", ["compare", "--speaker", "rasol", "--format", "table"]);
    assert_eq!(run.code, Some(0));
    let jsonl = crate::util::run(&["compare", "--speaker", "rasol", "--format", "jsonl"]);
    let speakers: BTreeSet<String> =
        objects(&jsonl.stdout).iter().map(|c| c["speaker"].as_str().unwrap().into()).collect();
    assert_eq!(speakers, BTreeSet::from(["Yahya Rasool".to_string()]));
}

/// Nobody by that name: status 1 and nothing on standard output, as
/// `said` does.
#[test]
fn a_speaker_nobody_is() {
    let run = check!("compare_speaker_nobody", ["compare", "--speaker", "Netanyahu"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
}

/// Only wordings at least 0.9 similar to their reference: the fragments
/// `temporary tactic` (0.714) and the translation of the strategy
/// statement (0.757) go, their references stay.
#[test]
fn min_similarity() {
    let run = check!("compare_min_similarity", ["compare", "--min-similarity", "0.9"]);
    assert_eq!(run.code, Some(0));
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    for row in reader.records().map(|r| r.unwrap()) {
        let similarity: f64 = row[8].parse().unwrap();
        assert!(similarity >= 0.9 || &row[5] == "true", "{row:?}");
    }
    assert!(!run.stdout.contains(",temporary tactic,"));
    let bad = crate::util::run(&["compare", "--min-similarity", "1.5"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("must be between 0 and 1"), "{}", bad.stderr);
}

/// `-o` picks the format from the file's extension.
#[test]
fn output_file_by_extension() {
    let dir = scratch();
    let (csv, jsonl) = (dir.join("statements.csv"), dir.join("statements.jsonl"));
    for path in [&csv, &jsonl] {
        let run = run(&["compare", "-o", path.to_str().unwrap()]);
        assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{}", run.stderr);
    }
    let stdout = crate::util::run(&["compare", "--format", "csv"]).stdout;
    assert_eq!(std::fs::read_to_string(csv).unwrap(), stdout);
    let stdout = crate::util::run(&["compare", "--format", "jsonl"]).stdout;
    assert_eq!(std::fs::read_to_string(jsonl).unwrap(), stdout);
}

/// Cells that a spreadsheet would run as formulas get a `'` in front
/// (issue 3: "cells that start with = + - @ cannot run as formulas").
#[test]
fn formula_injection() {
    let dir = scratch();
    std::fs::write(
        dir.join("a.txt"),
        "“=HYPERLINK(\"http://evil.example\",\"click\") is what we say,” Omar Fulani said.\n\
         “-1 is the count of the dead,” he added.",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "“=HYPERLINK(\"http://evil.example\",\"click\") is what we say,” Omar Fulani said.\n\
         “+1 is the count of the dead,” he added.",
    )
    .unwrap();
    std::fs::write(dir.join("sources.csv"), "id,outlet\na,@Daily\nb,=Weekly\n").unwrap();
    let args = ["compare", "."];
    let run = run_in(&dir, &args);
    snapshot!("compare_formula_injection", args, run);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    for row in reader.records().map(|r| r.unwrap()) {
        for cell in &row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} in {row:?}");
        }
    }
    // --raw, for programs: every cell as it is.
    let raw = run_in(&dir, &["compare", "--raw", "."]);
    assert_eq!(raw.code, Some(0), "{}", raw.stderr);
    assert!(
        raw.stdout.contains("\n1,Omar Fulani,=Weekly,b,quote,false,\"=HYPERLINK("),
        "{}",
        raw.stdout
    );
}

/// The same words given to two speakers: both rows say so.
#[test]
fn an_attribution_conflict() {
    let dir = scratch();
    std::fs::write(
        dir.join("a.txt"),
        "“The lull is a provisional truce for regrouping,” Omar Fulani said.",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Mayor Jane Doe spoke in Varo.\n\
         “The lull is a provisional truce for regrouping,” Doe said.",
    )
    .unwrap();
    let args = ["compare", "."];
    let run = run_in(&dir, &args);
    snapshot!("compare_conflict", args, run);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains(",true,also given to Jane Doe (cluster 2),"), "{}", run.stdout);
    assert!(run.stdout.contains(",true,also given to Omar Fulani (cluster 1),"), "{}", run.stdout);
}
