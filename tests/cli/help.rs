//! The help text: exit codes and an example for every command.

use crate::util::{check, run};

#[test]
fn top_level_help_documents_exit_codes() {
    let run = check!("help", ["--help"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("Exit status:"));
}

#[test]
fn every_command_has_an_example() {
    for command in ["compare", "quotes", "who", "said", "speakers", "eval", "framing"] {
        let run = run(&[command, "--help"]);
        assert_eq!(run.code, Some(0), "{command}");
        assert!(run.stdout.contains(&format!("Examples:\n  quotelens {command}")), "{command}");
    }
}

#[test]
fn bad_usage_exits_2() {
    for args in [&["frobnicate"][..], &["quotes", "--format", "xml"], &["who"], &["eval"]] {
        let run = run(args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(run.stderr.starts_with("error: "), "{args:?}: {}", run.stderr);
    }
}
