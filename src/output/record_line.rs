//! One quote record as a line of JSON, written without serde.
//!
//! `quotes --format jsonl` spent about a seventh of its instructions in
//! serde_json writing records (issue #5): it escapes strings one byte at a
//! time and goes through the serializer for every key and punctuation
//! mark. [`push_record`] writes exactly the bytes `serde_json::to_writer`
//! writes for a [`QuoteRecord`] (the tests hold it to that), with the keys
//! as constants and each string copied a run at a time, eight bytes
//! checked per step. Numbers are still written by serde_json, whose form
//! of an `f64` (the confidence) is the one to match; each confidence is
//! formatted once and copied after ([`Numbers`]).

use std::io;
use std::sync::Arc;

use compact_str::CompactString;

use crate::QuoteRecord;

/// What was written before that later records copy: the confidences,
/// each as serde_json wrote it, and the head of the last record.
///
/// A run's confidences take a dozen values (a rule's base score and a few
/// discounts), and formatting each record's through serde_json was about
/// 0.7 M instructions of 192 M on g500 (issue #5): each value is
/// formatted once and its bytes copied after.
///
/// The records of an article share its id and outlet (one `Arc` each),
/// and escaping the two short strings again for each record was about
/// 1.3 M instructions of 181 M on g500 (issue #5): the record's head up to
/// its outlet is copied while they are the same `Arc`s. (The `Arc`s are
/// kept, so no other string can take their place in memory meanwhile.)
#[derive(Default)]
pub(crate) struct Numbers {
    /// The bits of each value with its bytes, at most [`Numbers::KEPT`].
    confidences: Vec<(u64, Box<[u8]>)>,
    /// The source and outlet of the last record, and its bytes up to the
    /// end of its outlet.
    head: Option<(Arc<str>, Arc<str>, Vec<u8>)>,
}

impl Numbers {
    /// Values kept: more than a run's usual dozen, few enough to look
    /// through one by one.
    const KEPT: usize = 32;

    /// Appends `value` as serde_json writes it.
    fn push_confidence(&mut self, out: &mut Vec<u8>, value: f64) -> io::Result<()> {
        // The same bits are the same value, written the same way.
        let bits = value.to_bits();
        if let Some((_, bytes)) = self.confidences.iter().find(|(b, _)| *b == bits) {
            out.extend_from_slice(bytes);
            return Ok(());
        }
        let from = out.len();
        serde_json::to_writer(&mut *out, &value)?;
        if self.confidences.len() < Numbers::KEPT {
            self.confidences.push((bits, out[from..].into()));
        }
        Ok(())
    }
}

/// Appends `record` as compact JSON (no line end) to `out`: the bytes
/// `serde_json::to_writer` writes for it. `numbers` keeps the
/// confidences written before.
///
/// # Errors
///
/// None in practice: writing a number into a `Vec` cannot fail, but
/// serde_json's signature says it might.
pub(crate) fn push_record(
    out: &mut Vec<u8>,
    record: &QuoteRecord,
    numbers: &mut Numbers,
) -> io::Result<()> {
    push_head(out, record, numbers)?;
    push_speaker(out, record);
    push_tail(out, record, numbers)
}

/// Appends the part of [`push_record`] before the speaker: from `{` to
/// the depth.
fn push_head(out: &mut Vec<u8>, record: &QuoteRecord, numbers: &mut Numbers) -> io::Result<()> {
    match &numbers.head {
        Some((source, outlet, head))
            if Arc::ptr_eq(source, &record.source) && Arc::ptr_eq(outlet, &record.outlet) =>
        {
            out.extend_from_slice(head);
        }
        _ => {
            let from = out.len();
            out.extend_from_slice(b"{\"source\":");
            push_str(out, &record.source);
            out.extend_from_slice(b",\"outlet\":");
            push_str(out, &record.outlet);
            let head = out[from..].to_vec();
            numbers.head = Some((record.source.clone(), record.outlet.clone(), head));
        }
    }
    out.extend_from_slice(b",\"start\":");
    number(out, record.start)?;
    out.extend_from_slice(b",\"end\":");
    number(out, record.end)?;
    out.extend_from_slice(b",\"text\":");
    push_str(out, &record.text);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(record.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"depth\":");
    number(out, record.depth)
}

/// Appends the part of [`push_record`] that naming fills in: the speaker
/// and its type.
pub(crate) fn push_speaker(out: &mut Vec<u8>, record: &QuoteRecord) {
    out.extend_from_slice(b",\"speaker\":");
    push_option(out, record.speaker.as_deref());
    out.extend_from_slice(b",\"speaker_type\":");
    match record.speaker_type {
        Some(kind) => push_plain(out, kind.as_str()),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends the part of [`push_record`] after the speaker: from the
/// mention to `}`.
fn push_tail(out: &mut Vec<u8>, record: &QuoteRecord, numbers: &mut Numbers) -> io::Result<()> {
    out.extend_from_slice(b",\"mention\":");
    match &record.mention {
        Some(mention) => {
            out.extend_from_slice(b"{\"text\":");
            push_str(out, &mention.text);
            out.extend_from_slice(b",\"start\":");
            number(out, mention.start)?;
            out.extend_from_slice(b",\"end\":");
            number(out, mention.end)?;
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"cue\":");
    push_option(out, record.cue.as_ref().map(CompactString::as_str));
    out.extend_from_slice(b",\"rule\":");
    push_plain(out, record.rule.as_str());
    out.extend_from_slice(b",\"confidence\":");
    numbers.push_confidence(out, record.confidence)?;
    out.push(b'}');
    Ok(())
}

/// An article's records as JSON Lines, all but their speakers, written on
/// the thread that extracted the article: the thread that names the
/// articles in order then only copies each record's two parts around its
/// speaker ([`super::RecordWriter::write_unnamed`]).
///
/// Writing the records was 6.1 M instructions of the 24 M that thread
/// ran on g500, and that thread's share is what keeps two cores from
/// doing twice the work of one (issue #5). Each thread keeps its own
/// record of the confidences written.
#[derive(Clone, Debug, Default)]
pub struct UnnamedLines {
    bytes: Vec<u8>,
    /// For each record, where its head and its tail end in `bytes` (each
    /// part starts where the one before ends).
    ends: Vec<(usize, usize)>,
}

thread_local! {
    /// The confidences written on this thread, for [`UnnamedLines::new`].
    static NUMBERS: std::cell::RefCell<Numbers> = std::cell::RefCell::default();
}

impl UnnamedLines {
    /// The lines of `records`, their speakers left out.
    pub fn new(records: &[QuoteRecord]) -> UnnamedLines {
        let mut lines = UnnamedLines {
            bytes: Vec::with_capacity(records.iter().map(|r| r.text.len() + 256).sum()),
            ends: Vec::with_capacity(records.len()),
        };
        NUMBERS.with_borrow_mut(|numbers| {
            for r in records {
                // Writing into a vector cannot fail.
                let _ = push_head(&mut lines.bytes, r, numbers);
                let head = lines.bytes.len();
                let _ = push_tail(&mut lines.bytes, r, numbers);
                lines.ends.push((head, lines.bytes.len()));
            }
        });
        lines
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The head and the tail of each record, in order.
    pub(crate) fn parts(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&(_, tail)| tail));
        starts
            .zip(&self.ends)
            .map(|(start, &(head, tail))| (&self.bytes[start..head], &self.bytes[head..tail]))
    }
}

/// A string, or `null`.
fn push_option(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => push_str(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// A string known to need no escape (a variant's name).
fn push_plain(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    out.extend_from_slice(value.as_bytes());
    out.push(b'"');
}

/// A number, as serde_json writes it.
fn number(out: &mut Vec<u8>, value: impl serde::Serialize) -> io::Result<()> {
    Ok(serde_json::to_writer(out, &value)?)
}

/// `value` as a JSON string, escaped as serde_json escapes it: `"` and
/// `\` with a backslash, the control bytes below 0x20 as `\b`, `\t`, `\n`,
/// `\f`, `\r` or `\u00XX` (lowercase hex), every other byte as it is.
fn push_str(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut from = 0;
    loop {
        let at = from + json_string_run(&bytes[from..]);
        out.extend_from_slice(&bytes[from..at]);
        let Some(&byte) = bytes.get(at) else { break };
        push_escape(out, byte);
        from = at + 1;
    }
    out.push(b'"');
}

/// Appends the escape of `byte`, one that JSON escapes.
fn push_escape(out: &mut Vec<u8>, byte: u8) {
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0C => b'f',
        b'\r' => b'r',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let (high, low) = (HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]);
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', high, low]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// The length of the run at the start of `bytes` that a JSON string holds
/// as it is: up to the first `"`, `\` or control byte (below 0x20), the
/// bytes JSON escapes.
///
/// Eight bytes are looked at in each step, as serde_json's reader does: in
/// each term below, a byte's top bit is set when the byte is a hit or
/// when a lower byte is (a borrow), never otherwise, so the lowest set bit
/// is the first hit.
fn json_string_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 0xFF;
    const TOPS: u64 = ONES << 7;
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let control = word.wrapping_sub(ONES * 0x20);
        let quote = (word ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
        let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
        // `!word` drops bytes of 0x80 and above, which are never hits.
        let hits = (control | quote | backslash) & !word & TOPS;
        if hits != 0 {
            return run + hits.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    let rest = chunks.remainder();
    run + rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::record::{Mention, QuoteKind, Rule, SpeakerType};

    /// What serde_json writes: the oracle.
    fn serde(record: &QuoteRecord) -> Vec<u8> {
        serde_json::to_vec(record).unwrap()
    }

    fn ours(record: &QuoteRecord) -> Vec<u8> {
        ours_with(record, &mut Numbers::default())
    }

    /// As [`ours`], with the confidences written before kept in `numbers`.
    fn ours_with(record: &QuoteRecord, numbers: &mut Numbers) -> Vec<u8> {
        let mut out = b"left".to_vec();
        push_record(&mut out, record, numbers).unwrap();
        assert!(out.starts_with(b"left"), "appends");
        out.split_off(4)
    }

    fn record(text: &str) -> QuoteRecord {
        QuoteRecord::unattributed("a1", 3, text, QuoteKind::Full)
    }

    #[test]
    fn every_byte_escapes_as_serde_json_escapes_it() {
        for byte in 0..=0x7Fu8 {
            let one = char::from(byte).to_string();
            for text in [one.clone(), format!("{one}abcdefghij"), format!("abcdefghijklmno{one}xy")]
            {
                let r = record(&text);
                assert_eq!(ours(&r), serde(&r), "byte {byte:#04x} in {text:?}");
            }
        }
    }

    #[test]
    fn the_bundled_corpus_writes_as_serde_json_writes() {
        let records = crate::extract::Extractor::new().extract(crate::corpus::bundled()).records;
        assert!(records.iter().any(|r| r.mention.is_some() && r.cue.is_some()));
        for r in &records {
            assert_eq!(String::from_utf8(ours(r)).unwrap(), String::from_utf8(serde(r)).unwrap());
        }
    }

    /// Strings heavy in what JSON escapes, non-ASCII and long clean runs.
    fn awkward() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            (0u8..0x20).prop_map(|b| char::from(b).to_string()),
            Just("“Zoë’s” — café ☕ 𝄞".to_owned()),
            "[a-zA-Z ,.]{0,20}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    fn kind() -> impl Strategy<Value = QuoteKind> {
        prop_oneof![Just(QuoteKind::Full), Just(QuoteKind::Partial), Just(QuoteKind::NonSpeech)]
    }

    fn speaker_type() -> impl Strategy<Value = SpeakerType> {
        prop_oneof![
            Just(SpeakerType::Person),
            Just(SpeakerType::Organisation),
            Just(SpeakerType::UnnamedSource)
        ]
    }

    fn rule() -> impl Strategy<Value = Rule> {
        prop_oneof![
            Just(Rule::TrailingCue),
            Just(Rule::LeadingCue),
            Just(Rule::ColonLeadIn),
            Just(Rule::AccordingTo),
            Just(Rule::QuotedAsSaying),
            Just(Rule::Continuation),
            Just(Rule::Focus),
            Just(Rule::NestedCue),
            Just(Rule::Nested),
            Just(Rule::NotSpeech),
            Just(Rule::Unattributed),
        ]
    }

    fn confidence() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(0.9),
            Just(1.0),
            0.0..=1.0f64,
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
        ]
    }

    fn mention() -> impl Strategy<Value = Option<Mention>> {
        prop::option::of((awkward(), any::<usize>(), any::<usize>()))
            .prop_map(|m| m.map(|(text, start, end)| Mention { text: text.into(), start, end }))
    }

    prop_compose! {
        fn records()(
            (source, outlet, text) in (awkward(), awkward(), awkward()),
            (start, end, depth) in (any::<usize>(), any::<usize>(), any::<u8>()),
            kind in kind(),
            speaker in prop::option::of(awkward()),
            speaker_type in prop::option::of(speaker_type()),
            mention in mention(),
            cue in prop::option::of(awkward()),
            rule in rule(),
            confidence in confidence(),
        ) -> QuoteRecord {
            QuoteRecord {
                source: Arc::from(source),
                outlet: Arc::from(outlet),
                start,
                end,
                text,
                kind,
                depth,
                speaker: speaker.map(Arc::from),
                speaker_type,
                mention,
                cue: cue.map(CompactString::from),
                rule,
                confidence,
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn a_run_ends_at_the_first_byte_json_escapes(
            bytes in prop::collection::vec(prop_oneof![any::<u8>(), 0x20..0x7Fu8], 0..40)
        ) {
            let first = bytes.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\');
            prop_assert_eq!(json_string_run(&bytes), first.unwrap_or(bytes.len()));
        }

        #[test]
        fn a_record_writes_as_serde_json_writes_it(r in records()) {
            prop_assert_eq!(ours(&r), serde(&r));
        }

        /// Confidences written before, kept or not (more values than
        /// are kept), and heads of records with the same source and outlet
        /// as the record before or other ones, are written again as
        /// serde_json writes them.
        #[test]
        fn records_write_as_serde_json_writes_them_one_after_another(
            records in prop::collection::vec(records(), 1..8),
            confidences in prop::collection::vec(confidence(), 1..80),
        ) {
            let mut numbers = Numbers::default();
            for (i, c) in confidences.iter().enumerate() {
                let mut r = records[i % records.len()].clone();
                r.confidence = *c;
                prop_assert_eq!(ours_with(&r, &mut numbers), serde(&r));
            }
        }
    }
}
