//! [`Ids`]: the article ids read so far, kept compactly, to catch a
//! duplicate and say where the first one was read.
//!
//! # Memory
//!
//! A stream of any length goes through [`Ids`], so it keeps 16 bytes an
//! article instead of the id itself: a 64-bit hash of the id, the index of
//! the place it was read from and its line. A place is a JSON Lines file
//! (or standard input), or a folder of article files, and is stored once
//! for a run of articles from it, so a folder of a million `.txt` files
//! costs one path, not a million: an article file's path is its folder
//! joined with its id (and `.txt`, when its name had it).
//!
//! The entries are kept in [`SHARDS`] vectors, the top bits of the hash
//! choosing one, each sorted by hash and grown by an eighth at a time: about
//! 17 bytes an article in all, with no moment when the whole table is held
//! twice. A hash table (as before) holds 19 to 39 bytes an article with its
//! slack, and up to 58 while it doubles, when the old table and the new are
//! both alive: over 1,059 MB of generated articles (546,448) the peak of
//! `quotes --threads 1` fell from 101 to 89 MiB with the shards (issue #5).
//! A look-up is a binary search in one shard (about 130 entries at half a
//! million articles), and an insertion moves half of them.
//!
//! Before issue #5 this was a `HashMap<String, (usize, Option<u64>)>` plus
//! every `.txt` file's path: by estimate 100 to 140 bytes an article.
//!
//! # Hash collisions
//!
//! Two different ids with the same 64-bit hash would make the second
//! article a duplicate of the first. With `n` articles the chance that any
//! pair collides is about `n² / 2⁶⁵`: one in 70 million for a million
//! articles, one in 370,000 for ten million. The hash (std's SipHash with
//! fixed keys) is the same on every run, so a run is reproducible; the
//! message names the first article's place, where the two ids can be
//! compared.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use crate::{Article, Error, Result, Skip};

/// How many sorted vectors the entries are spread over: the top
/// `SHARD_BITS` bits of an id's hash choose one.
const SHARD_BITS: u32 = 12;
const SHARDS: usize = 1 << SHARD_BITS;

/// The ids read so far, as 64-bit hashes, with where each was first read.
pub(super) struct Ids {
    /// [`SHARDS`] vectors of entries, each sorted by hash.
    shards: Box<[Vec<Entry>]>,
    /// The number of entries in all shards.
    len: usize,
    /// The places articles were read from, each once per run of articles.
    places: Vec<Place>,
    /// Whether ids are checked and kept; when not, only counted.
    checking: bool,
}

/// One id read: 16 bytes.
#[derive(Clone, Copy)]
struct Entry {
    /// The id's [`hash`].
    hash: u64,
    /// Its index in `places`.
    place: u32,
    /// Its line, or 0.
    line: u32,
}

impl Default for Ids {
    fn default() -> Ids {
        Ids {
            shards: (0..SHARDS).map(|_| Vec::new()).collect(),
            len: 0,
            places: Vec::new(),
            checking: true,
        }
    }
}

/// Where a run of articles was read from.
#[derive(PartialEq)]
enum Place {
    /// A JSON Lines file, standard input (`-`) or a file whose name is not
    /// its id: the article is this path (and a line, when it has one).
    File(PathBuf),
    /// A folder of article files: the article is `folder/<id>` with
    /// `.txt` after the id when `txt` is set.
    Folder { folder: PathBuf, txt: bool },
}

impl Ids {
    /// Ids that are counted but neither checked nor kept: every article
    /// passes, and no memory grows with their number.
    pub(super) fn unchecked() -> Ids {
        Ids { shards: Box::default(), len: 0, places: Vec::new(), checking: false }
    }

    /// The number of ids read.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Passes `article`, read from `path` at `line`, unless its id was seen.
    ///
    /// # Errors
    ///
    /// An [`Error::Skipped`] on `path` with [`Skip::DuplicateId`], naming
    /// the place the first article with this id was read from.
    pub(super) fn check(
        &mut self,
        article: Article,
        path: &Path,
        line: Option<u64>,
    ) -> Result<Article> {
        if !self.checking {
            self.len += 1;
            return Ok(article);
        }
        let hash = hash(&article.id);
        let shard = &mut self.shards[(hash >> (u64::BITS - SHARD_BITS)) as usize];
        let at = match shard.binary_search_by_key(&hash, |e| e.hash) {
            Ok(i) => {
                let Entry { place, line: first_line, .. } = shard[i];
                let first = self.describe(&article.id, place, first_line);
                let reason = Skip::DuplicateId { id: article.id, first };
                return Err(Error::skipped(path, line, reason));
            }
            Err(at) => at,
        };
        if shard.len() == shard.capacity() {
            // By an eighth, not double: a shard's slack stays small.
            shard.reserve_exact((shard.len() / 8).max(4));
        }
        let place = place(&article.id, path, line);
        if self.places.last() != Some(&place) {
            self.places.push(place);
        }
        // Past u32::MAX a place reads as unknown and a line as none: more
        // than four billion files or lines, never met in practice.
        let index = u32::try_from(self.places.len() - 1).unwrap_or(u32::MAX);
        let line = line.and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
        shard.insert(at, Entry { hash, place: index, line });
        self.len += 1;
        Ok(article)
    }

    /// Where the article `id` was read: `path` or `path:line`.
    fn describe(&self, id: &str, place: u32, line: u32) -> String {
        let path = match self.places.get(place as usize) {
            Some(Place::File(path)) => path.clone(),
            Some(Place::Folder { folder, txt }) => {
                folder.join(if *txt { format!("{id}.txt") } else { id.to_owned() })
            }
            None => return "an earlier input".to_owned(),
        };
        match line {
            0 => path.display().to_string(),
            n => format!("{}:{n}", path.display()),
        }
    }
}

/// The place of the article `id` read from `path` (at `line`): its folder
/// when `path` is that folder joined with the id (and `.txt`).
fn place(id: &str, path: &Path, line: Option<u64>) -> Place {
    let name = path.file_name().and_then(|n| n.to_str());
    if let (None, Some(folder), Some(name)) = (line, path.parent(), name) {
        let txt = match name.strip_suffix(".txt") {
            Some(stem) if stem == id => Some(true),
            _ => (name == id).then_some(false),
        };
        if let Some(txt) = txt {
            return Place::Folder { folder: folder.to_path_buf(), txt };
        }
    }
    Place::File(path.to_path_buf())
}

/// The 64-bit hash of an article id: SipHash-1-3 with fixed keys, the same
/// on every run.
fn hash(id: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(id.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `(id, path, line)` in order; each as `ok` or its message.
    fn run(items: &[(&str, &str, Option<u64>)]) -> Vec<String> {
        let mut ids = Ids::default();
        items
            .iter()
            .map(|&(id, path, line)| {
                match ids.check(Article::new(id, "x"), Path::new(path), line) {
                    Ok(_) => "ok".to_owned(),
                    Err(e) => e.to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn duplicates_name_the_first_place() {
        let got = run(&[
            ("a", "p/a.txt", None),
            ("b", "p/b.txt", None),
            ("c.md", "p/c.md", None),
            ("j", "in.jsonl", Some(1)),
            ("stdin", "-", None),
            ("x", "weird-name.txt", None),
            ("b", "q/b.txt", None),
            ("c.md", "in.jsonl", Some(2)),
            ("j", "q/j.txt", None),
            ("stdin", "other.jsonl", Some(7)),
            ("x", "-", Some(3)),
            ("a", "a.txt", None),
        ]);
        assert_eq!(
            got,
            [
                "ok",
                "ok",
                "ok",
                "ok",
                "ok",
                "ok",
                "q/b.txt: duplicate article id `b` (first read from p/b.txt)",
                "in.jsonl:2: duplicate article id `c.md` (first read from p/c.md)",
                "q/j.txt: duplicate article id `j` (first read from in.jsonl:1)",
                "other.jsonl:7: duplicate article id `stdin` (first read from -)",
                "-:3: duplicate article id `x` (first read from weird-name.txt)",
                "a.txt: duplicate article id `a` (first read from p/a.txt)",
            ]
        );
    }

    #[test]
    fn a_folder_of_files_is_one_place() {
        let mut ids = Ids::default();
        for n in 0..1000 {
            let id = format!("a{n}");
            ids.check(Article::new(&id, "x"), &Path::new("d").join(format!("{id}.txt")), None)
                .unwrap();
        }
        ids.check(Article::new("r", "x"), Path::new("r.jsonl"), Some(1)).unwrap();
        ids.check(Article::new("s", "x"), Path::new("r.jsonl"), Some(2)).unwrap();
        assert_eq!((ids.len(), ids.places.len()), (1002, 2));
    }

    #[test]
    fn many_ids_stay_sorted_and_small() {
        let mut ids = Ids::default();
        let n = 200_000;
        for k in 0..n {
            let id = format!("id-{k}");
            ids.check(Article::new(&id, "x"), Path::new("in.jsonl"), Some(k + 1)).unwrap();
        }
        // Every id is found again, as a duplicate naming its first line.
        for k in [0, 1, 4_095, 4_096, 123_457, n - 1] {
            let id = format!("id-{k}");
            let err = ids.check(Article::new(&id, "x"), Path::new("b.jsonl"), Some(1)).unwrap_err();
            let first = format!("(first read from in.jsonl:{})", k + 1);
            assert!(err.to_string().ends_with(&first), "{err}");
        }
        assert_eq!(ids.len(), n as usize);
        assert!(ids.shards.iter().all(|s| s.windows(2).all(|w| w[0].hash < w[1].hash)));
        // Growing by an eighth (at least four) keeps each shard's spare
        // room under that: doubling would leave some 60,000 spare here.
        let spare: usize = ids.shards.iter().map(|s| s.capacity() - s.len()).sum();
        assert!(spare <= ids.len() / 8 + 4 * SHARDS, "{spare} spare for {}", ids.len());
        assert_eq!(std::mem::size_of::<Entry>(), 16);
    }
}
