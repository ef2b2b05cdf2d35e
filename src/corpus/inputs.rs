//! [`Inputs`]: the streaming reader behind [`crate::corpus::read_inputs`].

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use crate::corpus::jsonl::JsonLines;
use crate::corpus::sources::Sources;
use crate::corpus::text;
use crate::{Article, Error, Result};

/// The name of the metadata file looked for beside `.txt` articles.
const SOURCES_FILE: &str = "sources.csv";

/// The articles of a list of inputs, read one at a time.
///
/// Made by [`read_inputs`](crate::corpus::read_inputs), which documents the
/// inputs accepted and the order. Each item is an article or an error about
/// one input (or one line of it); after an error, reading goes on.
///
/// # Resource usage
///
/// One article is in memory at a time (plus, for a JSON Lines input, its
/// current line), along with the sorted entry names of each directory being
/// walked, one `sources.csv` per such directory, and the id and origin of
/// every article yielded so far (to catch duplicate ids).
pub struct Inputs {
    /// The input paths not yet opened.
    paths: VecDeque<PathBuf>,
    /// Items ready to be yielded, in order.
    queue: VecDeque<Result<Article>>,
    /// The JSON Lines input being read, if any.
    jsonl: Option<JsonLines>,
    /// The directories being walked, outermost first.
    walk: Vec<Frame>,
    /// Every directory entered so far: canonical path to the path used.
    dirs_seen: HashMap<PathBuf, PathBuf>,
    /// The `sources.csv` beside the last single file read, and its folder.
    beside: Option<(PathBuf, Sources)>,
    ids: Ids,
    /// Standard input, when not the process's own (for tests).
    stdin: Option<Box<dyn BufRead + Send>>,
    stdin_read: bool,
}

/// A directory being walked.
struct Frame {
    /// The directory, as reached from an input path.
    dir: PathBuf,
    canonical: PathBuf,
    /// The entries left to visit, sorted.
    entries: std::vec::IntoIter<PathBuf>,
    /// Its `sources.csv`, loaded when its first `.txt` file is read.
    sources: Option<Sources>,
}

/// The id and origin of every article yielded, to catch duplicates.
#[derive(Default)]
struct Ids {
    /// Article id to (index in `files`, line).
    first: HashMap<String, (usize, Option<u64>)>,
    files: Vec<PathBuf>,
}

/// What a file holds, judged by its name.
#[derive(PartialEq)]
enum Kind {
    /// `*.txt`: one article.
    Txt,
    /// `*.jsonl` or `*.ndjson`: JSON Lines.
    JsonLines,
    /// Anything else: one article when named as an input, skipped in a walk.
    Other,
}

impl Inputs {
    /// Reads `paths`, taking `-` from `stdin` (or, when `None`, the
    /// process's standard input).
    pub(crate) fn new(paths: &[PathBuf], stdin: Option<Box<dyn BufRead + Send>>) -> Inputs {
        Inputs {
            paths: paths.iter().cloned().collect(),
            queue: VecDeque::new(),
            jsonl: None,
            walk: Vec::new(),
            dirs_seen: HashMap::new(),
            beside: None,
            ids: Ids::default(),
            stdin,
            stdin_read: false,
        }
    }

    /// Starts reading one input path given by the caller.
    fn open(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        match fs::metadata(&path) {
            Err(e) => self.queue.push_back(Err(Error::io(path, e))),
            Ok(meta) if meta.is_dir() => self.enter(path),
            Ok(_) if kind(&path) == Kind::JsonLines => self.open_json_lines(path),
            Ok(_) => self.read_single(path),
        }
    }

    /// Visits one entry of the directory being walked.
    fn visit(&mut self, path: PathBuf) {
        // `metadata` follows symbolic links: linked files are read and
        // linked directories walked, with loops caught by `enter`.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.queue.push_back(Err(Error::io(path, e))),
        };
        if meta.is_dir() {
            return self.enter(path);
        }
        if !meta.is_file() {
            return; // a socket or FIFO: never an article in a walk.
        }
        match kind(&path) {
            Kind::JsonLines => self.open_json_lines(path),
            Kind::Other => {}
            Kind::Txt => {
                let Some(frame) = self.walk.last_mut() else { return };
                let queue = &mut self.queue;
                let sources = frame.sources.get_or_insert_with(|| load_sources(&frame.dir, queue));
                let item =
                    read_article(&path, sources).and_then(|a| self.ids.check(a, &path, None));
                self.queue.push_back(item);
            }
        }
    }

    /// Starts walking directory `dir`, unless that would go round a loop or
    /// read a directory twice.
    fn enter(&mut self, dir: PathBuf) {
        let canonical = match fs::canonicalize(&dir) {
            Ok(canonical) => canonical,
            Err(e) => return self.queue.push_back(Err(Error::io(dir, e))),
        };
        let seen = if let Some(frame) = self.walk.iter().find(|f| f.canonical == canonical) {
            Some(format!("directory loop: this leads back to {}", frame.dir.display()))
        } else {
            self.dirs_seen.get(&canonical).map(|first| {
                format!("directory already read as {}; not read again", first.display())
            })
        };
        if let Some(message) = seen {
            return self.queue.push_back(Err(Error::io(dir, io::Error::other(message))));
        }
        let entries = fs::read_dir(&dir).and_then(|entries| {
            let mut paths = entries.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
            paths.sort();
            Ok(paths)
        });
        match entries {
            Err(e) => self.queue.push_back(Err(Error::io(dir, e))),
            Ok(entries) => {
                self.dirs_seen.insert(canonical.clone(), dir.clone());
                let entries = entries.into_iter();
                self.walk.push(Frame { dir, canonical, entries, sources: None });
            }
        }
    }

    /// Reads a file named as an input as one article, with the metadata of
    /// the `sources.csv` beside it.
    fn read_single(&mut self, path: PathBuf) {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let beside = match self.beside.take() {
            Some((known, sources)) if known == dir => (known, sources),
            _ => {
                let sources = load_sources(&dir, &mut self.queue);
                (dir, sources)
            }
        };
        let item = read_article(&path, &beside.1).and_then(|a| self.ids.check(a, &path, None));
        self.queue.push_back(item);
        self.beside = Some(beside);
    }

    /// Starts reading a JSON Lines file.
    fn open_json_lines(&mut self, path: PathBuf) {
        match fs::File::open(&path) {
            Err(e) => self.queue.push_back(Err(Error::io(path, e))),
            Ok(file) => {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
                let reader = Box::new(io::BufReader::new(file));
                self.jsonl = Some(JsonLines::new(path, stem, reader));
            }
        }
    }

    /// Starts reading standard input: JSON Lines when its first
    /// non-whitespace byte is `{`, otherwise one article with id `stdin`.
    fn open_stdin(&mut self) {
        let path = PathBuf::from("-");
        if std::mem::replace(&mut self.stdin_read, true) {
            let e = io::Error::other("standard input was already read");
            return self.queue.push_back(Err(Error::io(path, e)));
        }
        let mut reader =
            self.stdin.take().unwrap_or_else(|| Box::new(io::BufReader::new(io::stdin())));
        let (is_json, mut bytes) = match text::sniff_json_lines(&mut reader) {
            Ok(sniffed) => sniffed,
            Err(e) => return self.queue.push_back(Err(Error::io(path, e))),
        };
        if is_json {
            // Put the leading whitespace back so line numbers stay right.
            let reader = Box::new(io::Cursor::new(bytes).chain(reader));
            self.jsonl = Some(JsonLines::new(path, "stdin".to_owned(), reader));
            return;
        }
        let item = match reader.read_to_end(&mut bytes) {
            Err(e) => Err(Error::io(&path, e)),
            Ok(_) => text::decode(&path, bytes).map(|text| Article::new("stdin", text)),
        };
        self.queue.push_back(item.and_then(|a| self.ids.check(a, &path, None)));
    }
}

impl Iterator for Inputs {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if let Some(jsonl) = &mut self.jsonl {
                match jsonl.next() {
                    Some(item) => {
                        let (path, line) = (jsonl.path(), Some(jsonl.line()));
                        return Some(item.and_then(|a| self.ids.check(a, path, line)));
                    }
                    None => self.jsonl = None,
                }
            } else if let Some(frame) = self.walk.last_mut() {
                match frame.entries.next() {
                    Some(path) => self.visit(path),
                    None => drop(self.walk.pop()),
                }
            } else {
                let path = self.paths.pop_front()?;
                self.open(path);
            }
        }
    }
}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inputs")
            .field("inputs_left", &self.paths.len())
            .field("walking", &self.walk.last().map(|frame| &frame.dir))
            .field("reading_json_lines", &self.jsonl.as_ref().map(JsonLines::path))
            .field("articles_read", &self.ids.first.len())
            .finish_non_exhaustive()
    }
}

impl Ids {
    /// Passes `article`, read from `path` at `line`, unless its id was seen.
    ///
    /// # Errors
    ///
    /// An [`Error::Format`] on `path` naming the article first read with
    /// this id.
    fn check(&mut self, article: Article, path: &Path, line: Option<u64>) -> Result<Article> {
        if let Some(&(file, first_line)) = self.first.get(&article.id) {
            let first = &self.files[file];
            let first = match first_line {
                Some(n) => format!("{}:{n}", first.display()),
                None => first.display().to_string(),
            };
            let message =
                format!("duplicate article id `{}` (first read from {first})", article.id);
            return Err(Error::format(path, line, message));
        }
        if self.files.last().is_none_or(|last| last != path) {
            self.files.push(path.to_path_buf());
        }
        self.first.insert(article.id.clone(), (self.files.len() - 1, line));
        Ok(article)
    }
}

/// What `path` holds, judged by its name.
fn kind(path: &Path) -> Kind {
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => Kind::Txt,
        Some("jsonl" | "ndjson") => Kind::JsonLines,
        _ => Kind::Other,
    }
}

/// Reads the file at `path` as one article, named after the file (without
/// `.txt`), with metadata from `sources`.
fn read_article(path: &Path, sources: &Sources) -> Result<Article> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = text::decode(path, bytes)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let id = name.strip_suffix(".txt").unwrap_or(&name);
    let mut article = Article::new(id, text);
    sources.apply(&mut article);
    Ok(article)
}

/// Loads `dir/sources.csv` (empty when there is none), queueing its errors.
fn load_sources(dir: &Path, queue: &mut VecDeque<Result<Article>>) -> Sources {
    let Some((sources, errors)) = Sources::from_path(&dir.join(SOURCES_FILE)) else {
        return Sources::default();
    };
    queue.extend(errors.into_iter().map(Err));
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh, empty scratch directory for the test `name`.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("quotelens-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `files` (path relative to `dir`, content) under `dir`.
    fn write(dir: &Path, files: &[(&str, &[u8])]) {
        for (name, content) in files {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
    }

    /// Reads `paths` (relative to `dir`, except `-`) with `stdin`, showing
    /// each item as `id|outlet|title|text` or as its error message, with
    /// `dir` written `$D`.
    fn read(dir: &Path, paths: &[&str], stdin: &'static [u8]) -> Vec<String> {
        let paths: Vec<_> = paths
            .iter()
            .map(|p| if *p == "-" { PathBuf::from("-") } else { dir.join(p) })
            .collect();
        let prefix = dir.display().to_string();
        Inputs::new(&paths, Some(Box::new(stdin)))
            .map(|item| match item {
                Ok(a) => format!("{}|{}|{}|{}", a.id, a.outlet, a.title, a.text),
                Err(e) => e.to_string().replace(&prefix, "$D"),
            })
            .collect()
    }

    #[test]
    fn reads_each_kind_of_input() {
        struct Case {
            name: &'static str,
            files: &'static [(&'static str, &'static [u8])],
            paths: &'static [&'static str],
            stdin: &'static [u8],
            expected: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "directory: .txt and .jsonl in path order, sources.csv per folder",
                files: &[
                    ("d/b.txt", b"B"),
                    ("d/a.txt", b"A"),
                    ("d/sources.csv", b"id,outlet\na,Outlet A\nc,not this folder\n"),
                    ("d/notes.md", b"skipped"),
                    ("d/sub/c.txt", b"C"),
                    ("d/sub/sources.csv", b"title,id\nTitle C,c\n"),
                    ("d/sub-z.ndjson", b"{\"text\":\"N\"}\n"),
                    ("d/z.jsonl", b"{\"id\":\"j\",\"outlet\":\"J\",\"text\":\"J1\"}\n"),
                    ("d/empty/.keep", b"hidden, not .txt"),
                ],
                paths: &["d"],
                stdin: b"",
                expected: &["a|Outlet A||A", "b|||B", "c||Title C|C", "sub-z:1|||N", "j|J||J1"],
            },
            Case {
                name: "single files, sources.csv beside them read once",
                files: &[
                    ("s/x.txt", b"X"),
                    ("s/y.md", b"Y"),
                    ("s/sources.csv", b"id,outlet,date\nx,OX,2024-01-02\ny.md,OY,\nz,bad\n"),
                ],
                paths: &["s/x.txt", "s/y.md"],
                stdin: b"",
                expected: &[
                    "$D/s/sources.csv:4: expected 3 fields as in the header, found 2",
                    "x|OX||X",
                    "y.md|OY||Y",
                ],
            },
            Case {
                name: "JSON Lines file with a malformed middle line",
                files: &[("in.jsonl", b"{\"text\":\"one\"}\n{\"text\":}\n{\"text\":\"three\"}\n")],
                paths: &["in.jsonl"],
                stdin: b"",
                expected: &[
                    "in:1|||one",
                    "$D/in.jsonl:2: invalid record: expected value (column 9)",
                    "in:3|||three",
                ],
            },
            Case {
                name: "stdin as text, kept byte for byte",
                files: &[],
                paths: &["-"],
                stdin: b"\r\n  \xef\xbb\xbf{x}\xc2\xa0\r\n",
                expected: &["stdin|||\r\n  \u{feff}{x}\u{a0}\r\n"],
            },
            Case {
                name: "stdin as JSON Lines, line numbers counting leading blank lines",
                files: &[],
                paths: &["-", "-"],
                stdin: b"\n  {\"text\":\"a\"}\n{\"text\":\"b\",\"id\":\"b\"}",
                expected: &["stdin:2|||a", "b|||b", "-: standard input was already read"],
            },
            Case {
                name: "empty directory yields nothing",
                files: &[("e/.keep", b"")],
                paths: &["e"],
                stdin: b"",
                expected: &[],
            },
            Case {
                name: "missing path names the path, and the next input still loads",
                files: &[("ok.txt", b"fine")],
                paths: &["gone.txt", "ok.txt"],
                stdin: b"",
                expected: &["$D/gone.txt: No such file or directory (os error 2)", "ok|||fine"],
            },
            Case {
                name: "binary and invalid UTF-8 files",
                files: &[("b/bin.txt", b"GIF89a\0\x01"), ("b/latin1.txt", b"caf\xe9"), ("b/ok.txt", b"ok")],
                paths: &["b"],
                stdin: b"",
                expected: &[
                    "$D/b/bin.txt: binary file (NUL byte at byte offset 6), not an article",
                    "$D/b/latin1.txt:1: invalid UTF-8 at byte offset 3",
                    "ok|||ok",
                ],
            },
            Case {
                name: "duplicate ids: the later one is an error naming both",
                files: &[
                    ("p/a.txt", b"first"),
                    ("q/a.txt", b"second"),
                    ("r.jsonl", b"{\"id\":\"j\",\"text\":\"1\"}\n\n{\"id\":\"j\",\"text\":\"2\"}\n{\"id\":\"a\",\"text\":\"3\"}\n"),
                ],
                paths: &["p", "q", "r.jsonl"],
                stdin: b"",
                expected: &[
                    "a|||first",
                    "$D/q/a.txt: duplicate article id `a` (first read from $D/p/a.txt)",
                    "j|||1",
                    "$D/r.jsonl:3: duplicate article id `j` (first read from $D/r.jsonl:1)",
                    "$D/r.jsonl:4: duplicate article id `a` (first read from $D/p/a.txt)",
                ],
            },
            Case {
                name: "a directory named twice is read once",
                files: &[("t/a.txt", b"A")],
                paths: &["t", "t/"],
                stdin: b"",
                expected: &["a|||A", "$D/t/: directory already read as $D/t; not read again"],
            },
        ];
        for (i, case) in cases.iter().enumerate() {
            let dir = scratch(&format!("kinds-{i}"));
            write(&dir, case.files);
            assert_eq!(read(&dir, case.paths, case.stdin), case.expected, "{}", case.name);
            fs::remove_dir_all(&dir).unwrap();
        }
    }

    #[test]
    fn missing_path_is_an_io_error_naming_it() {
        let path = scratch("missing").join("nope.txt");
        let items: Vec<_> = Inputs::new(std::slice::from_ref(&path), None).collect();
        assert!(
            matches!(&items[..], [Err(Error::Io { path: p, source })]
                if *p == path && source.kind() == io::ErrorKind::NotFound),
            "{items:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_in_an_error() {
        use std::os::unix::fs::symlink;
        let dir = scratch("loop");
        write(&dir, &[("d/a.txt", b"A"), ("d/sub/b.txt", b"B")]);
        symlink("..", dir.join("d/sub/up")).unwrap();
        symlink("self", dir.join("d/self")).unwrap();
        symlink("a.txt", dir.join("d/linked.txt")).unwrap();
        // A linked file is read through the link, under the link's name.
        let expected = [
            "a|||A",
            "linked|||A",
            "$D/d/self: Too many levels of symbolic links (os error 40)",
            "b|||B",
            "$D/d/sub/up: directory loop: this leads back to $D/d",
        ];
        assert_eq!(read(&dir, &["d"], b""), expected);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_reported_and_reading_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("denied");
        write(&dir, &[("a.txt", b"secret"), ("b.txt", b"B")]);
        let locked = dir.join("a.txt");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&locked).is_ok() {
            return; // running as root: permissions are not enforced.
        }
        let got = read(&dir, &["a.txt", "b.txt"], b"");
        assert_eq!(got, ["$D/a.txt: Permission denied (os error 13)", "b|||B"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn is_send<T: Send>() {}
        is_send::<Inputs>();
    }
}
