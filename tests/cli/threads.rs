//! Output does not depend on the number of threads: extraction streams on
//! worker threads, and `compare` and `framing` share their work out with
//! rayon (issue #5), all of which must give the bytes one thread gives.

use super::util::{run_in, scratch};

#[test]
fn every_command_prints_the_same_on_one_thread_and_on_four() {
    let dir = scratch();
    // Enough generated news for several outlets per story, conflicts, and
    // more than one batch of the aligner's grouping pass.
    let made = run_in(&dir, &["generate", "--articles", "150", "--seed", "11", "-o", "c.jsonl"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    for command in [
        &["quotes", "--format", "jsonl"][..],
        &["compare", "--format", "jsonl"],
        &["compare", "--format", "csv"],
        &["framing", "--format", "jsonl"],
        &["speakers", "--format", "csv"],
    ] {
        let on = |threads: &str| {
            let mut args = command.to_vec();
            args.extend(["--quiet", "--threads", threads, "c.jsonl"]);
            let run = run_in(&dir, &args);
            assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
            run.stdout
        };
        let one = on("1");
        assert!(one.lines().count() > 100, "{command:?} printed {} lines", one.lines().count());
        assert!(one == on("4"), "{command:?} differs between 1 and 4 threads");
    }
}
