//! The crate's one error type.
//!
//! Every error names the input it came from (a file path, or `-` for
//! standard input) and, where it helps, the line. Per-input errors are
//! reported and the rest of a batch goes on; see [`crate::corpus`].

use std::fmt;
use std::io;
use std::path::PathBuf;

/// The OS error number of "too many levels of symbolic links".
const ELOOP: i32 =
    if cfg!(any(target_os = "macos", target_os = "ios", target_os = "freebsd")) { 62 } else { 40 };

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, and where.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An input could not be read (missing file, no permission, a
    /// directory loop, ...).
    Io {
        /// The path that failed (`-` for standard input).
        path: PathBuf,
        /// The underlying I/O error.
        source: io::Error,
    },
    /// An input was read but its content is not what the format requires:
    /// a malformed JSON Lines record, a CSV row with the wrong columns, a
    /// binary file, an empty field that is required.
    Format {
        /// The file the content came from.
        path: PathBuf,
        /// The 1-based line number, where one applies.
        line: Option<u64>,
        /// What is wrong, in words a user can act on.
        message: String,
    },
    /// An input, or one record of it, was read but holds no article to
    /// process, and was skipped: see [`Skip`].
    Skipped {
        /// The input (`-` for standard input).
        path: PathBuf,
        /// The 1-based line of a JSON Lines record, where one applies.
        line: Option<u64>,
        /// Why it was skipped.
        reason: Skip,
    },
}

/// Why an input (or one JSON Lines record) was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// A NUL byte at this byte offset: a binary file, not text.
    Binary {
        /// Byte offset of the first NUL byte in the input.
        at: u64,
    },
    /// Longer than the article size limit.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// No text, or only white space.
    Empty,
    /// A JSON Lines line that is not an article record.
    Malformed(String),
    /// An article id already read.
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first article with this id was read
        /// (`path` or `path:line`).
        first: String,
    },
    /// A directory reached again from inside itself, through a link.
    DirectoryLoop {
        /// The directory it leads back to, as first reached.
        back_to: PathBuf,
    },
    /// A directory already read through another path.
    ReadTwice {
        /// The path it was first read as.
        first: PathBuf,
    },
}

impl Skip {
    /// A short name for the reason, to count skips by in a summary:
    /// `binary`, `too large`, `empty`, `malformed`, `duplicate id`,
    /// `directory loop` or `read twice`.
    pub fn label(&self) -> &'static str {
        match self {
            Skip::Binary { .. } => "binary",
            Skip::TooLarge { .. } => "too large",
            Skip::Empty => "empty",
            Skip::Malformed(_) => "malformed",
            Skip::DuplicateId { .. } => "duplicate id",
            Skip::DirectoryLoop { .. } => "directory loop",
            Skip::ReadTwice { .. } => "read twice",
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Binary { at } => {
                write!(f, "binary file (NUL byte at byte offset {at}), not an article")
            }
            Skip::TooLarge { limit } => {
                write!(f, "larger than the article size limit of {limit} bytes; skipped")
            }
            Skip::Empty => write!(f, "empty: no text to read; skipped"),
            Skip::Malformed(message) => write!(f, "invalid record: {message}"),
            Skip::DuplicateId { id, first } => {
                write!(f, "duplicate article id `{id}` (first read from {first})")
            }
            Skip::DirectoryLoop { back_to } => {
                write!(f, "directory loop: this leads back to {}", back_to.display())
            }
            Skip::ReadTwice { first } => {
                write!(f, "directory already read as {}; not read again", first.display())
            }
        }
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A content error in `path`, optionally at a 1-based `line`.
    pub fn format(
        path: impl Into<PathBuf>,
        line: Option<u64>,
        message: impl Into<String>,
    ) -> Error {
        Error::Format { path: path.into(), line, message: message.into() }
    }

    /// An input (or record) skipped for `reason`, optionally at a 1-based
    /// `line`.
    pub fn skipped(path: impl Into<PathBuf>, line: Option<u64>, reason: Skip) -> Error {
        Error::Skipped { path: path.into(), line, reason }
    }

    /// The input this error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. } | Error::Format { path, .. } | Error::Skipped { path, .. } => {
                path
            }
        }
    }

    /// Why an article or an input was not read, in a few words, to count
    /// errors by in a summary: [`Skip::label`] for a skip, `not found`,
    /// `permission denied`, `symlink loop` or `unreadable` for an I/O
    /// error, and `None` for a problem that is not an article's (a bad row
    /// of a metadata or gazetteer file).
    pub fn skip_label(&self) -> Option<&'static str> {
        match self {
            Error::Skipped { reason, .. } => Some(reason.label()),
            Error::Io { source, .. } => Some(match source.kind() {
                io::ErrorKind::NotFound => "not found",
                io::ErrorKind::PermissionDenied => "permission denied",
                // ELOOP: a symbolic link that leads to itself.
                _ if source.raw_os_error() == Some(ELOOP) => "symlink loop",
                _ => "unreadable",
            }),
            Error::Format { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Format { path, line: Some(line), message } => {
                write!(f, "{}:{}: {}", path.display(), line, message)
            }
            Error::Format { path, line: None, message } => {
                write!(f, "{}: {}", path.display(), message)
            }
            Error::Skipped { path, line: Some(line), reason } => {
                write!(f, "{}:{}: {}", path.display(), line, reason)
            }
            Error::Skipped { path, line: None, reason } => {
                write!(f, "{}: {}", path.display(), reason)
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Format { .. } | Error::Skipped { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_line() {
        let e = Error::format("a/b.jsonl", Some(3), "expected a JSON object");
        assert_eq!(e.to_string(), "a/b.jsonl:3: expected a JSON object");
        let e = Error::io("gone.txt", io::Error::new(io::ErrorKind::NotFound, "not found"));
        assert_eq!(e.to_string(), "gone.txt: not found");
    }
}
