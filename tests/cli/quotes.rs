//! `quotelens quotes`, and what every command shares: inputs, input
//! errors, `-o`, and a closed pipe.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::util::{check, command, repo, run, scratch};

#[test]
fn table() {
    let run = check!("quotes_table", ["quotes"]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn csv() {
    check!("quotes_csv", ["quotes", "--format", "csv"]);
}

#[test]
fn jsonl() {
    let run = check!("quotes_jsonl", ["quotes", "--format", "jsonl"]);
    for line in run.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(value["source"].is_string() && value["rule"].is_string(), "{line}");
    }
}

#[test]
fn json() {
    let run = check!("quotes_json", ["quotes", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let lines = crate::util::run(&["quotes", "--format", "jsonl"]).stdout;
    assert_eq!(value.as_array().unwrap().len(), lines.lines().count());
}

#[test]
fn output_file_holds_what_stdout_would() {
    let dir = scratch();
    let file = dir.join("quotes.csv");
    let file = file.to_str().unwrap();
    let run = run(&["quotes", "--format", "csv", "-o", file, "--quiet"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (Some(0), "", ""));
    let stdout = crate::util::run(&["quotes", "--format", "csv"]).stdout;
    assert_eq!(std::fs::read_to_string(file).unwrap(), stdout);
}

#[test]
fn bundled_corpus_is_the_corpus_folder() {
    let folder = repo("corpus");
    let read = run(&["quotes", "--format", "jsonl", folder.to_str().unwrap()]);
    assert_eq!(read.code, Some(0));
    assert_eq!(read.stdout, run(&["quotes", "--format", "jsonl"]).stdout);
}

#[test]
fn a_missing_path_is_reported_and_the_other_inputs_still_print() {
    let article = repo("corpus/004_f1ccebb72a0df907.txt");
    let run = run(&["quotes", "no-such-article.txt", article.to_str().unwrap()]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.starts_with("quotelens: no-such-article.txt: "),
        "the message names the file: {}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 2, "the error and the summary");
    assert!(
        run.stderr
            .ends_with("quotelens: 1 article read, 1 skipped (1 not found); 3 quotes found\n"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("004_f1ccebb72a0df907 · RHC\n"), "{}", run.stdout);
    assert_eq!(run.stdout.matches("unnamed source").count(), 3);
}

#[test]
fn standard_input() {
    let mut cmd = command(&["quotes", "--format", "csv", "-"]);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let text = "“We will rebuild the bridge,” Jane Doe said. “It will take a year,” she added.";
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(stdout, @r#"
    source,outlet,start,end,text,kind,depth,speaker,speaker_type,mention,mention_start,mention_end,cue,rule,confidence
    stdin,stdin,3,30,"We will rebuild the bridge,",full,0,Jane Doe,person,Jane Doe,34,42,said,trailing-cue,0.95
    stdin,stdin,52,72,"It will take a year,",full,0,Jane Doe,person,she,76,79,added,trailing-cue,0.855
    "#);
    assert!(out.status.success());
}

/// `quotelens quotes | head -1`: once the reader is gone, quotelens stops
/// quietly with status 0, in every format.
#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough output to fill the pipe many times over, so that quotelens is
    // still writing when the reader goes away.
    let dir = scratch();
    let mut jsonl = String::new();
    for i in 0..600 {
        jsonl.push_str(&format!(
            "{{\"id\": \"a{i}\", \"text\": \"“We will rebuild bridge {i},” Jane Doe said. “It will take a year,” she added.\"}}\n"
        ));
    }
    let input = dir.join("many.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    for format in ["table", "csv", "jsonl", "json"] {
        let mut cmd = command(&["quotes", "--format", format, input.to_str().unwrap()]);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "{format}");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}
