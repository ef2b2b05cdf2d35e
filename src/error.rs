//! The crate's one error type.
//!
//! Every error names the input it came from (a file path, or `-` for
//! standard input) and, where it helps, the line. Per-input errors are
//! reported and the rest of a batch goes on; see [`crate::corpus`].

use std::fmt;
use std::io;
use std::path::PathBuf;

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

    /// The input this error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. } | Error::Format { path, .. } => path,
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
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Format { .. } => None,
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
