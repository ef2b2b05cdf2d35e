//! Progress on standard error for long runs: articles done, megabytes
//! read, throughput and, when the input size is known, time left.
//!
//! Shown only when standard error is a terminal and `--quiet` is not
//! given, redrawn at most four times a second on one line, and erased at
//! the end, so redirected output and logs never see it. Hand-written
//! rather than a progress-bar crate: one line of text needs no
//! dependency.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The progress line of one run.
pub struct Progress {
    /// Whether anything is drawn at all.
    shown: bool,
    /// Total input bytes, when known (files named on the command line).
    total: Option<u64>,
    articles: u64,
    bytes: u64,
    started: Instant,
    drawn: Option<Instant>,
}

/// How often the line is redrawn, at most.
const EVERY: Duration = Duration::from_millis(250);

impl Progress {
    /// Progress over `total` input bytes (if known); silent when `quiet` or
    /// when standard error is not a terminal.
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        Progress {
            shown: !quiet && std::io::stderr().is_terminal(),
            total,
            articles: 0,
            bytes: 0,
            started: Instant::now(),
            drawn: None,
        }
    }

    /// Counts one article of `bytes` bytes, and redraws if it is time.
    pub fn article(&mut self, bytes: usize) {
        self.articles += 1;
        self.bytes += bytes as u64;
        if self.shown && self.drawn.is_none_or(|t| t.elapsed() >= EVERY) {
            self.drawn = Some(Instant::now());
            let line = line(self.articles, self.bytes, self.total, self.started.elapsed());
            let mut err = std::io::stderr().lock();
            // Progress is best effort: a failed write to the terminal is ignored.
            let _ = write!(err, "\r\x1b[2K{line}");
            let _ = err.flush();
        }
    }

    /// Erases the line.
    pub fn finish(&mut self) {
        if self.shown && self.drawn.is_some() {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
        self.drawn = None;
    }
}

/// What a command does after reading, on the progress line while it
/// lasts (`quotelens: comparing 1,000,006 quotes…`): the whole-corpus steps
/// of `compare` and `framing` take seconds to minutes with no article to
/// count. Shown and erased under the same conditions as [`Progress`].
pub struct Stage {
    shown: bool,
}

impl Stage {
    /// Shows `what` (no `quotelens:` prefix, no ellipsis) until dropped.
    pub fn new(what: &str, quiet: bool) -> Stage {
        let shown = !quiet && std::io::stderr().is_terminal();
        if shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{}", stage_line(what));
            let _ = err.flush();
        }
        Stage { shown }
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

fn stage_line(what: &str) -> String {
    format!("quotelens: {what}…")
}

/// `n` things, with thousands separators: `1,000,006 quotes`.
pub fn count(n: usize, things: &str) -> String {
    format!("{} {things}", thousands(n as u64))
}

/// The text of the progress line: `quotelens: 1,204 articles · 12.5 MB of
/// 100.0 MB · 41.3 MB/s · 2 s left`.
fn line(articles: u64, bytes: u64, total: Option<u64>, elapsed: Duration) -> String {
    let mb = |b: u64| b as f64 / 1e6;
    let secs = elapsed.as_secs_f64().max(1e-3);
    let rate = mb(bytes) / secs;
    let mut out = format!("quotelens: {} articles · {:.1} MB", thousands(articles), mb(bytes));
    if let Some(total) = total {
        out.push_str(&format!(" of {:.1} MB", mb(total)));
    }
    out.push_str(&format!(" · {rate:.1} MB/s"));
    if let Some(total) = total.filter(|_| rate > 0.0) {
        let left = (mb(total.saturating_sub(bytes)) / rate).ceil();
        out.push_str(&format!(" · {left:.0} s left"));
    }
    out
}

/// `1234567` as `1,234,567`.
pub(super) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_articles_size_speed_and_time_left() {
        let got = line(1204, 12_500_000, Some(100_000_000), Duration::from_millis(500));
        assert_eq!(got, "quotelens: 1,204 articles · 12.5 MB of 100.0 MB · 25.0 MB/s · 4 s left");
        let got = line(7, 1_000_000, None, Duration::from_secs(2));
        assert_eq!(got, "quotelens: 7 articles · 1.0 MB · 0.5 MB/s");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn a_stage_says_what_is_under_way() {
        let what = format!("comparing {}", count(1_000_006, "quotes"));
        assert_eq!(stage_line(&what), "quotelens: comparing 1,000,006 quotes…");
    }
}
