//! Streaming: a corpus of any size, article by article, on every core,
//! with results in input order and memory bounded by the articles in
//! flight.
//!
//! Two pieces, used together by `quotelens quotes`:
//!
//! * [`map_ordered`] runs a function over a stream of items on worker
//!   threads and hands the results back **in input order** on the calling
//!   thread. The calling thread reads the input and consumes the results;
//!   at most `in_flight` items are read ahead, so memory holds at most
//!   that many articles and their results, whatever the corpus size.
//! * [`StreamingNames`] merges each article's speakers into a
//!   [`Speakers`] registry as the article is emitted and fills in the
//!   records' speaker names from the registry **as it stands then**.
//!
//! # Canonical names when streaming
//!
//! [`Extractor::extract`](crate::extract::Extractor::extract) names every
//! speaker with the canonical name chosen after the whole corpus is
//! merged: the fullest form seen anywhere. A stream cannot wait for that,
//! so [`StreamingNames`] uses the fullest form seen **in this article and
//! the articles before it**. The two agree except where a fuller form of
//! a name first appears in a later article: if article 1 says only
//! "Fulani said" and article 2 introduces "Omar Fulani", the stream names
//! article 1's quote "Fulani" and article 2's "Omar Fulani", where the
//! whole-corpus extraction names both "Omar Fulani". Output stays
//! deterministic: it depends only on the articles and their order, never
//! on the number of threads. Speaker *identity* across articles (who is
//! merged with whom) is decided by the same rules in both modes, in the
//! same order.
//!
//! # Memory
//!
//! The registry holds one entry per speaker (people, organisations and
//! unnamed sources described well enough to be matched across articles),
//! with what naming needs: the name forms seen and the merge keys, not the
//! aliases and roles a whole-corpus [`Speakers`] keeps
//! ([`Speakers::names_only`]). It forgets a speaker once a *window* of
//! articles (100,000 by default, [`StreamingNames::with_window`]) has gone
//! by without mentioning it, so the number of speakers stays bounded
//! however long the stream. A forgotten speaker who is mentioned again
//! starts afresh: merged only with what is said of them from then on,
//! named with the fullest form seen since. Unnamed sources that stay
//! within their article ("a source said") are named from the article and
//! never kept.
//!
//! A speaker mentioned throughout keeps every form of its name seen since
//! it was first merged; those are few once people who share a surname, or
//! organisations that share an acronym, are kept apart (they once piled
//! into one speaker whose forms grew without bound: on generated articles
//! the forms went from 71,000 to 142,000 between the 100,000th and the
//! 500,000th article). Now the registry's speakers, forms and merge keys
//! stay level once the window is full: about 55,000 speakers, 98,000 forms
//! and 61,000 keys from the 100,000th to the 500,000th generated article
//! (issue #5).
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, extract::Extractor, stream};
//!
//! let articles = vec![
//!     Article::new("a1", "“We will rebuild,” Jane Doe said."),
//!     Article::new("a2", "“It will take a year,” Doe added."),
//! ];
//! let extractor = Extractor::new();
//! let mut names = stream::StreamingNames::new();
//! let mut speakers = Vec::new();
//! stream::map_ordered(
//!     articles.into_iter(),
//!     stream::Options::default(),
//!     |article| extractor.article(article),
//!     |article, mut found| {
//!         names.name(&article.id, &mut found);
//!         speakers.extend(found.records.into_iter().map(|r| r.speaker));
//!         Ok::<(), ()>(())
//!     },
//! )
//! .unwrap();
//! let speakers: Vec<Option<&str>> = speakers.iter().map(|s| s.as_deref()).collect();
//! assert_eq!(speakers, [Some("Jane Doe"), Some("Jane Doe")]);
//! ```

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, mpsc};
use std::thread;

use crate::extract::{ArticleQuotes, Paraphrase};
use crate::speaker::{PreparedCast, Speakers};
use crate::{QuoteRecord, SpeakerType};

/// How [`map_ordered`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Worker threads; 0 or 1 runs everything on the calling thread.
    pub threads: usize,
    /// Items read ahead of the one being emitted, at most: the bound on
    /// memory. At least `threads`.
    pub in_flight: usize,
}

impl Default for Options {
    /// One worker per core ([`std::thread::available_parallelism`]), and
    /// eight items in flight per worker.
    fn default() -> Options {
        let threads = thread::available_parallelism().map_or(1, usize::from);
        Options { threads, in_flight: 8 * threads }
    }
}

/// Runs `work` over `items` on `options.threads` worker threads and calls
/// `emit` with each item and its result **in the order of `items`**, on
/// the calling thread.
///
/// `items` is read on the calling thread, at most `options.in_flight`
/// items ahead of the one being emitted. The output is the same for any
/// number of threads. An `Err` from `emit` stops reading; items in flight
/// are finished and dropped, and the error is returned.
///
/// # Errors
///
/// The first error `emit` returns.
pub fn map_ordered<I, T, E>(
    items: impl Iterator<Item = I>,
    options: Options,
    work: impl Fn(&I) -> T + Sync,
    mut emit: impl FnMut(I, T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    T: Send,
{
    if options.threads <= 1 {
        for item in items {
            let result = work(&item);
            emit(item, result)?;
        }
        return Ok(());
    }
    let in_flight = options.in_flight.max(options.threads);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, I)>(in_flight);
    let job_rx = std::sync::Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, I, T)>();
    let work = &work;
    let job_rx = &job_rx;
    thread::scope(|scope| {
        for _ in 0..options.threads {
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                loop {
                    // The lock is held only to take the next job.
                    let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, item)) = job else { break };
                    let result = work(&item);
                    if done_tx.send((seq, item, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Results that came back before their turn, by sequence number.
        let mut waiting: BTreeMap<usize, (I, T)> = BTreeMap::new();
        let mut next = 0;
        let mut sent = 0;
        let mut emit_ready = |waiting: &mut BTreeMap<usize, (I, T)>, next: &mut usize| {
            while let Some((item, result)) = waiting.remove(next) {
                *next += 1;
                emit(item, result)?;
            }
            Ok(())
        };
        let mut outcome = Ok(());
        for item in items {
            // Keep at most `in_flight` items between reading and emitting.
            while sent - next >= in_flight {
                let Ok((seq, item, result)) = done_rx.recv() else { break };
                waiting.insert(seq, (item, result));
                outcome = emit_ready(&mut waiting, &mut next);
                if outcome.is_err() {
                    break;
                }
            }
            if outcome.is_err() || job_tx.send((sent, item)).is_err() {
                break;
            }
            sent += 1;
        }
        drop(job_tx);
        if outcome.is_ok() {
            while next < sent {
                let Ok((seq, item, result)) = done_rx.recv() else { break };
                waiting.insert(seq, (item, result));
                outcome = emit_ready(&mut waiting, &mut next);
                if outcome.is_err() {
                    break;
                }
            }
        }
        // On an error, dropping the receiver ends the workers.
        drop(done_rx);
        outcome
    })
}

/// Names each article's records from a [`Speakers`] registry as the
/// articles stream past: see the [module docs](self) for how this differs
/// from naming after the whole corpus.
#[derive(Clone, Debug)]
pub struct StreamingNames {
    speakers: Speakers,
    /// Articles after which a speaker not mentioned again is forgotten.
    window: u64,
    /// Articles named so far.
    articles: u64,
    /// For each speaker slot, the article that last mentioned it.
    last_seen: Vec<u64>,
    /// (article, speaker) in order of mention, to find who fell out of the
    /// window without scanning the registry. Eight bytes an entry, not 16
    /// (about 8 MB less at the default window, issue #5): article numbers
    /// are kept modulo 2³², which is exact because an entry leaves within
    /// `window` articles and a window of 2³² or more records nothing;
    /// speaker slots are far fewer than 2³².
    seen: VecDeque<(u32, u32)>,
}

impl Default for StreamingNames {
    fn default() -> StreamingNames {
        StreamingNames::with_window(StreamingNames::DEFAULT_WINDOW)
    }
}

impl StreamingNames {
    /// The default window: 100,000 articles.
    pub const DEFAULT_WINDOW: u64 = 100_000;

    /// An empty registry that forgets speakers not mentioned in the last
    /// [`StreamingNames::DEFAULT_WINDOW`] articles.
    pub fn new() -> StreamingNames {
        StreamingNames::default()
    }

    /// An empty registry that forgets a speaker once `window` articles
    /// have gone by without a mention of it (2³² articles or more, such as
    /// `u64::MAX`: never). See the [module docs](self#memory).
    pub fn with_window(window: u64) -> StreamingNames {
        StreamingNames {
            speakers: Speakers::names_only(),
            window: window.max(1),
            articles: 0,
            last_seen: Vec::new(),
            seen: VecDeque::new(),
        }
    }

    /// Merges the article's cast into the registry and fills in the
    /// `speaker` and `speaker_type` of its records, and the `speaker` of
    /// its paraphrases, from the registry as it now stands.
    pub fn name(&mut self, article_id: &str, found: &mut ArticleQuotes) {
        let ids = self.speakers.merge_shared(article_id, &found.cast);
        let cast = &found.cast;
        let local = |e: usize| {
            let entity = cast.get(e);
            (entity.name.as_str(), entity.kind)
        };
        self.fill(&ids, &mut found.records, &found.entities, &mut found.paraphrases, local);
    }

    /// What [`StreamingNames::name_prepared`] needs of the article's cast,
    /// which it takes (`found.cast` is left empty): to be called on the
    /// thread that extracted the article, so that only what needs the
    /// registry is left for the thread that names the articles in order
    /// ([`PreparedCast`]).
    pub fn prepare(found: &mut ArticleQuotes) -> PreparedCast {
        PreparedCast::new(std::mem::take(&mut found.cast))
    }

    /// [`StreamingNames::name`] with the article's cast
    /// [prepared](StreamingNames::prepare): the same names.
    pub fn name_prepared(&mut self, found: &mut ArticleQuotes, mut cast: PreparedCast) {
        let ids = self.speakers.merge_prepared(&mut cast);
        let local = |e: usize| (cast.name(e), cast.kind(e));
        self.fill(&ids, &mut found.records, &found.entities, &mut found.paraphrases, local);
    }

    /// Notes the speakers `ids` (the article's entities' speakers, `None`
    /// for those local to it) as mentioned, fills in the records'
    /// speakers and the paraphrases' from the registry (a local entity's
    /// name and kind from `local`), and forgets who fell out of the window.
    fn fill<'a>(
        &mut self,
        ids: &[Option<usize>],
        records: &mut [QuoteRecord],
        entities: &[Option<usize>],
        paraphrases: &mut [Paraphrase],
        local: impl Fn(usize) -> (&'a str, SpeakerType),
    ) {
        self.articles += 1;
        // A window that never ends records nothing.
        for &id in ids.iter().flatten().filter(|_| self.window <= u64::from(u32::MAX)) {
            if self.last_seen.len() <= id {
                self.last_seen.resize(id + 1, 0);
            }
            if self.last_seen[id] != self.articles {
                self.last_seen[id] = self.articles;
                // Modulo 2³² (see `seen`).
                self.seen.push_back((self.articles as u32, id as u32));
            }
        }
        // One copy of each entity's name, shared by its records.
        let mut names: Vec<Option<(Arc<str>, SpeakerType)>> = vec![None; ids.len()];
        let mut name = |e: usize| {
            names[e]
                .get_or_insert_with(|| match ids[e] {
                    Some(id) => {
                        let s = &self.speakers.all()[id];
                        (Arc::from(s.name.as_str()), s.kind)
                    }
                    // An unnamed source of this article only: its own description.
                    None => {
                        let (name, kind) = local(e);
                        (Arc::from(name), kind)
                    }
                })
                .clone()
        };
        for (r, e) in records.iter_mut().zip(entities) {
            if let Some(e) = e {
                let (speaker, kind) = name(*e);
                r.speaker = Some(speaker);
                r.speaker_type = Some(kind);
            }
        }
        for p in paraphrases {
            p.speaker = Some(name(p.entity).0);
        }
        self.forget_old();
    }

    /// Forgets the speakers last mentioned `window` articles ago.
    fn forget_old(&mut self) {
        let now = self.articles as u32;
        while let Some(&(article, id)) = self.seen.front() {
            // Articles since; exact modulo 2³² (see `seen`).
            if u64::from(now.wrapping_sub(article)) < self.window {
                break;
            }
            self.seen.pop_front();
            // Only its latest mention counts (the two are at most the
            // window apart, under 2³², so equal modulo 2³² only when equal).
            if self.last_seen[id as usize] as u32 == article {
                self.speakers.forget(id as usize);
            }
        }
    }

    /// The registry: every speaker merged so far and not forgotten
    /// (forgotten ones read as speakers with an empty name until their slot
    /// is reused), with names and types only ([`Speakers::names_only`]:
    /// no aliases or roles).
    pub fn speakers(&self) -> &Speakers {
        &self.speakers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::extract::Extractor;

    #[test]
    fn order_is_kept_whatever_the_threads() {
        for threads in [0, 1, 2, 5] {
            let options = Options { threads, in_flight: 3 };
            let mut got = Vec::new();
            map_ordered(
                0..100u64,
                options,
                |n| n * n,
                |n, sq| {
                    got.push((n, sq));
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(got, (0..100).map(|n| (n, n * n)).collect::<Vec<_>>(), "{threads}");
        }
    }

    #[test]
    fn an_error_stops_the_stream() {
        let options = Options { threads: 2, in_flight: 4 };
        let mut seen = 0;
        let result = map_ordered(
            0..1000,
            options,
            |n| *n,
            |n, _| {
                seen += 1;
                if n == 10 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!((result, seen), (Err(10), 11));
    }

    #[test]
    fn the_bundled_corpus_streams_as_it_extracts() {
        let extractor = Extractor::new();
        let whole = extractor.extract(corpus::bundled());
        let mut names = StreamingNames::new();
        let mut streamed = Vec::new();
        map_ordered(
            corpus::bundled().into_iter(),
            Options { threads: 2, in_flight: 2 },
            |a| extractor.article(a),
            |a, mut found| {
                names.name(&a.id, &mut found);
                streamed.extend(found.records);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(streamed, whole.records);
    }

    #[test]
    fn speakers_out_of_the_window_are_forgotten() {
        let extractor = Extractor::new();
        let text = |name: &str| format!("“We are ready,” {name} said.");
        let articles = [
            crate::Article::new("a1", text("Omar Fulani")),
            crate::Article::new("a2", text("Jane Doe")),
            crate::Article::new("a3", text("Jane Doe")),
            crate::Article::new("a4", text("Fulani")),
        ];
        let run = |mut names: StreamingNames| -> Vec<Arc<str>> {
            articles
                .iter()
                .map(|a| {
                    let mut found = extractor.article(a);
                    names.name(&a.id, &mut found);
                    found.records[0].speaker.clone().unwrap()
                })
                .collect()
        };
        // Fulani last seen three articles before: remembered with a window of
        // three, forgotten with two.
        assert_eq!(&*run(StreamingNames::with_window(3))[3], "Omar Fulani");
        assert_eq!(&*run(StreamingNames::with_window(2))[3], "Fulani");
        assert_eq!(&*run(StreamingNames::with_window(2))[2], "Jane Doe");
    }

    #[test]
    fn article_numbers_wrap_without_changing_who_is_forgotten() {
        let extractor = Extractor::new();
        let text = |name: &str| format!("“We are ready,” {name} said.");
        let names = ["Omar Fulani", "Jane Doe", "Jane Doe", "Fulani", "Jane Doe", "Fulani"];
        let run = |window: u64, start: u64| -> Vec<String> {
            let mut streaming = StreamingNames::with_window(window);
            streaming.articles = start;
            let got = names
                .iter()
                .map(|name| {
                    let a = crate::Article::new("a", text(name));
                    let mut found = extractor.article(&a);
                    streaming.name(&a.id, &mut found);
                    found.records[0].speaker.as_deref().unwrap().to_owned()
                })
                .collect();
            assert!(window < 1 << 32 || streaming.seen.is_empty());
            got
        };
        for window in [1, 2, 3] {
            let plain = run(window, 0);
            for start in [u64::from(u32::MAX) - 2, u64::from(u32::MAX), 1 << 32] {
                assert_eq!(run(window, start), plain, "window {window} from {start}");
            }
        }
        assert_eq!(run(2, 0)[3], "Fulani");
        // A window of 2³² or more never forgets, and records nothing.
        assert_eq!(run(1 << 32, 0)[3], "Omar Fulani");
        assert_eq!(run(u64::MAX, u64::from(u32::MAX) - 2)[5], "Omar Fulani");
    }

    #[test]
    fn a_fuller_name_later_renames_only_later_records() {
        let articles = vec![
            crate::Article::new("a1", "“We are ready,” Fulani said."),
            crate::Article::new("a2", "“We are ready,” Omar Fulani said."),
        ];
        let extractor = Extractor::new();
        let mut names = StreamingNames::new();
        let got: Vec<_> = articles
            .iter()
            .map(|a| {
                let mut found = extractor.article(a);
                names.name(&a.id, &mut found);
                found.records[0].speaker.as_deref().unwrap().to_string()
            })
            .collect();
        assert_eq!(got, ["Fulani", "Omar Fulani"]);
        let whole = extractor.extract(articles);
        assert_eq!(whole.records[0].speaker.as_deref(), Some("Omar Fulani"));
    }

    #[test]
    fn a_prepared_cast_names_as_the_cast() {
        let extractor = Extractor::new();
        let config = crate::generate::GeneratorConfig { articles: 600, seed: 11 };
        let (mut plain, mut prepared) =
            (StreamingNames::with_window(50), StreamingNames::with_window(50));
        for article in crate::generate::Generator::new(config) {
            let mut want = extractor.article(&article);
            plain.name(&article.id, &mut want);
            let mut got = extractor.article(&article);
            let cast = StreamingNames::prepare(&mut got);
            assert!(got.cast.entities().is_empty(), "the cast is taken");
            prepared.name_prepared(&mut got, cast);
            assert_eq!(got.records, want.records, "{}", article.id);
            assert_eq!(got.paraphrases, want.paraphrases, "{}", article.id);
        }
        assert_eq!(prepared.speakers.all(), plain.speakers.all());
        assert!(prepared.speakers.strays().is_empty());
    }

    #[test]
    fn forgetting_leaves_nothing_behind() {
        let extractor = Extractor::new();
        let config = crate::generate::GeneratorConfig { articles: 3_000, seed: 7 };
        let mut names = StreamingNames::with_window(40);
        for article in crate::generate::Generator::new(config) {
            let mut found = extractor.article(&article);
            names.name(&article.id, &mut found);
        }
        let strays = names.speakers.strays();
        assert!(
            strays.is_empty(),
            "{} strays: {:#?}",
            strays.len(),
            &strays[..strays.len().min(20)]
        );
    }
}
