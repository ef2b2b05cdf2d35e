//! The one way these tests run quotelens.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The quotelens binary Cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

/// A path in the repository (for test data and corpus files).
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// What one run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// Standard output, as UTF-8.
    pub stdout: String,
    /// Standard error, as UTF-8.
    pub stderr: String,
    /// The exit code; `None` if a signal ended the process.
    pub code: Option<i32>,
}

impl Run {
    /// Exit code, output and errors in one text, to snapshot, with the
    /// repository's path written `<repo>` (see [`redact`]).
    pub fn snapshot(&self) -> String {
        let code = self.code.map_or("signal".to_string(), |c| c.to_string());
        redact(&format!("exit: {code}\n--- stdout\n{}--- stderr\n{}", self.stdout, self.stderr))
    }
}

/// `text` with the repository's path replaced by `<repo>`, so that
/// snapshots do not depend on where the repository is checked out.
pub fn redact(text: &str) -> String {
    text.replace(env!("CARGO_MANIFEST_DIR"), "<repo>")
}

/// A new empty directory under Cargo's scratch space for integration
/// tests, unique to this call.
pub fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// A `quotelens` command with `args`, run in a fresh [`scratch`] directory
/// (so relative paths resolve there and nothing of the repository is read
/// by accident) with an empty environment: no `NO_COLOR`, `CLICOLOR`,
/// `COLUMNS`, `TERM` or `RUST_BACKTRACE` leaks in from the caller, so
/// output is the same on every machine. Standard input is empty.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(scratch()).env_clear().stdin(Stdio::null());
    cmd
}

/// Runs `quotelens` with `args` as [`command`] sets it up, and collects
/// what it printed.
pub fn run(args: &[&str]) -> Run {
    collect(command(args))
}

/// Runs `quotelens` with `args` as [`command`] sets it up, but in `dir`
/// (so that inputs written there can be named by relative paths that do
/// not change from run to run), and collects what it printed.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = command(args);
    cmd.current_dir(dir);
    collect(cmd)
}

/// Runs a prepared command and collects what it printed.
pub fn collect(mut cmd: Command) -> Run {
    let out = cmd.output().expect("run quotelens");
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code(),
    }
}

/// Asserts a snapshot of `run` named `name`, stored in the repository's
/// top-level `snapshots/` folder, with the command line as description.
macro_rules! snapshot {
    ($name:expr, $args:expr, $run:expr) => {
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            description => $crate::util::redact(&format!("quotelens {}", $args.join(" "))),
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $run.snapshot());
        })
    };
}
pub(crate) use snapshot;

/// Runs `quotelens` with `args` and snapshots the result as `name`.
macro_rules! check {
    ($name:expr, $args:expr) => {{
        let args: &[&str] = &$args;
        let run = $crate::util::run(args);
        $crate::util::snapshot!($name, args, run);
        run
    }};
}
pub(crate) use check;
