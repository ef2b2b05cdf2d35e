//! Aligned text tables for terminals, and the quote-record table.
//!
//! # Layout
//!
//! A table is a header line in capitals and one line per row, columns
//! separated by two spaces and padded to the widest cell. Every cell is
//! flattened to one line (runs of white space, line breaks included,
//! become one space). The last column takes what the width leaves (at
//! least [`MIN_LAST_COLUMN`] characters); a cell too long for its column
//! is shortened with `…`, cut at a space when one is near. Widths count characters, so text in scripts
//! drawn two columns wide (CJK) can overrun. No line ends in spaces.
//!
//! The tables are meant for reading: their layout may change between
//! versions. Scripts should read CSV or JSON.

use std::io;
use std::ops::Range;

use crate::QuoteRecord;
use crate::text;

/// The fewest characters the last column of a table is given, however
/// narrow the width: 20.
pub const MIN_LAST_COLUMN: usize = 20;

/// How many characters shortening gives up, at most, to cut at a space
/// rather than inside a word (and never more than a quarter of the cell).
const WORD_CUT: usize = 12;

/// Writes quote records as tables, one per article, each under a heading
/// naming the article and its outlet.
///
/// ```text
/// a1 · Daily Planet
///   SPEAKER         KIND     RULE         CONF  TEXT
///   Omar al-Fulani  partial  leading-cue  0.80  temporary pause
/// ```
///
/// A record with no speaker shows `-` as speaker and confidence. Articles
/// come in the order of the records, and so do rows.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_records(
    records: &[QuoteRecord],
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    let mut start = 0;
    while start < records.len() {
        let first = &records[start];
        let len = records[start..].iter().take_while(|r| r.source == first.source).count();
        if start > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", heading(&first.source, &first.outlet))?;
        let mut table = Table::new(&[
            ("speaker", 24),
            ("kind", usize::MAX),
            ("rule", usize::MAX),
            ("conf", usize::MAX),
            ("text", usize::MAX),
        ]);
        for r in &records[start..start + len] {
            table.row(vec![
                Cell::new(r.speaker.as_deref().unwrap_or("-")),
                Cell::new(r.kind.as_str()),
                Cell::new(r.rule.as_str()),
                Cell::new(&confidence(r)),
                Cell::new(&r.text),
            ]);
        }
        table.write(2, width, &mut out)?;
        start += len;
    }
    Ok(())
}

/// `source · outlet`, or just the source when the outlet is unknown (and
/// so is the source).
pub(crate) fn heading(source: &str, outlet: &str) -> String {
    if source == outlet { source.to_string() } else { format!("{source} · {outlet}") }
}

/// The confidence with two decimals, or `-` when there is no speaker.
pub(crate) fn confidence(r: &QuoteRecord) -> String {
    if r.speaker.is_some() { format!("{:.2}", r.confidence) } else { "-".to_string() }
}

/// Writes `lead` then `value`, wrapping `value` at spaces to fit `width`
/// characters (but never narrower than [`MIN_LAST_COLUMN`]), continuation
/// lines indented under the value. White space runs in `value` become one
/// space.
pub(crate) fn write_wrapped(
    out: &mut impl io::Write,
    lead: &str,
    value: &str,
    width: usize,
) -> io::Result<()> {
    let indent = lead.chars().count();
    let room = width.saturating_sub(indent).max(MIN_LAST_COLUMN);
    let mut line = String::new();
    let mut first = true;
    let mut emit = |line: &str, first: &mut bool| {
        let lead = if *first { lead.to_string() } else { " ".repeat(indent) };
        *first = false;
        writeln!(out, "{}", format!("{lead}{line}").trim_end())
    };
    for word in value.split(text::is_space).filter(|w| !w.is_empty()) {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > room {
            emit(&line, &mut first)?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    emit(&line, &mut first)
}

/// One cell: text flattened to one line, with an optional focus that
/// shortening keeps in view.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    chars: Vec<char>,
    /// Char range of the part to keep in view.
    focus: Option<Range<usize>>,
}

impl Cell {
    /// A cell showing `text` on one line.
    pub(crate) fn new(text: &str) -> Cell {
        Cell::around(text, 0..0)
    }

    /// A cell showing `text` on one line which, when shortened, keeps the
    /// bytes `focus` of `text` in view (centred, as far as they fit).
    pub(crate) fn around(text: &str, focus: Range<usize>) -> Cell {
        let mut chars = Vec::new();
        let (mut from, mut to) = (None, None);
        let mut space = false;
        for (i, c) in text.char_indices() {
            if i >= focus.start && from.is_none() {
                from = Some(chars.len() + usize::from(space && !chars.is_empty()));
            }
            if i >= focus.end && to.is_none() {
                to = Some(chars.len());
            }
            if text::is_space(c) {
                space = true;
                continue;
            }
            if space && !chars.is_empty() {
                chars.push(' ');
            }
            space = false;
            chars.push(c);
        }
        let end = chars.len();
        let from = from.unwrap_or(end).min(end);
        let to = to.unwrap_or(end).max(from);
        let focus = (focus.start < focus.end).then_some(from..to);
        Cell { chars, focus }
    }

    /// Width in characters.
    fn width(&self) -> usize {
        self.chars.len()
    }

    /// The cell in at most `max` characters, `…` marking what was cut.
    fn fit(&self, max: usize) -> String {
        let len = self.chars.len();
        if len <= max {
            return self.chars.iter().collect();
        }
        if max == 0 {
            return String::new();
        }
        let focus = self.focus.clone().unwrap_or(0..0);
        // Centre the focus in the window; a focus longer than the window
        // shows its start.
        let spare = max.saturating_sub(focus.len());
        let mut start = focus.start.saturating_sub(spare / 2);
        if start + max > len {
            start = len - max;
        }
        let mut end = start + max;
        // Cut at a space rather than inside a word, when one is near and
        // the cut keeps the focus whole: the `…` then replaces the space.
        let near = |range: Range<usize>| range.len() <= WORD_CUT.min(max / 4);
        if start > 0 && self.chars[start] != ' ' {
            let limit = focus.start.max(start).min(end);
            if let Some(k) = self.chars[start..limit].iter().position(|&c| c == ' ') {
                if near(start..start + k) {
                    start += k;
                }
            }
        }
        if end < len && self.chars[end - 1] != ' ' {
            let limit = focus.end.clamp(start + 1, end);
            if let Some(k) = self.chars[limit..end].iter().rposition(|&c| c == ' ') {
                if near(limit + k..end) {
                    end = limit + k + 1;
                }
            }
        }
        let mut shown: Vec<char> = self.chars[start..end].to_vec();
        if start > 0 {
            shown[0] = '…';
        }
        if end < len {
            let last = shown.len() - 1;
            shown[last] = '…';
        }
        shown.into_iter().collect()
    }
}

/// A table under construction: named columns, some with a maximum width,
/// and rows of cells.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    headers: Vec<String>,
    max: Vec<usize>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with `(name, maximum width)` columns; the last column's
    /// maximum is ignored (it takes the rest of the width).
    pub(crate) fn new(columns: &[(&str, usize)]) -> Table {
        Table {
            headers: columns.iter().map(|(h, _)| h.to_uppercase()).collect(),
            max: columns.iter().map(|&(_, m)| m).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one cell per column.
    pub(crate) fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    /// Writes the header and rows, each line indented by `indent` spaces,
    /// fitting `width` characters where the columns allow.
    pub(crate) fn write(
        &self,
        indent: usize,
        width: usize,
        out: &mut impl io::Write,
    ) -> io::Result<()> {
        self.write_lines(true, indent, width, out)
    }

    /// Writes the rows without the header, as [`Table::write`] would.
    pub(crate) fn write_rows(
        &self,
        indent: usize,
        width: usize,
        out: &mut impl io::Write,
    ) -> io::Result<()> {
        self.write_lines(false, indent, width, out)
    }

    fn write_lines(
        &self,
        header: bool,
        indent: usize,
        width: usize,
        out: &mut impl io::Write,
    ) -> io::Result<()> {
        let last = self.headers.len() - 1;
        let mut widths: Vec<usize> = (0..self.headers.len())
            .map(|c| {
                let widest = self.rows.iter().map(|r| r[c].width()).max().unwrap_or(0);
                let title = if header { self.headers[c].chars().count() } else { 0 };
                widest.max(title).min(self.max[c].max(1))
            })
            .collect();
        let used: usize = indent + widths[..last].iter().map(|w| w + 2).sum::<usize>();
        widths[last] = widths[last].min(width.saturating_sub(used).max(MIN_LAST_COLUMN));
        let pad = " ".repeat(indent);
        let titles: Vec<Cell> = self.headers.iter().map(|h| Cell::new(h)).collect();
        let titles = header.then_some(&titles);
        for row in titles.into_iter().chain(&self.rows) {
            let mut line = pad.clone();
            for (c, cell) in row.iter().enumerate() {
                let text = cell.fit(widths[c]);
                line.push_str(&text);
                if c < last {
                    let fill = widths[c] - text.chars().count() + 2;
                    line.extend(std::iter::repeat_n(' ', fill));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_flatten_and_shorten() {
        assert_eq!(Cell::new("  one\n\ntwo\u{A0} three ").fit(100), "one two three");
        assert_eq!(Cell::new("abcdefghij").fit(5), "abcd…");
        let text = "the quick brown fox jumps over the lazy dog";
        let fox = text.find("fox").unwrap();
        let cell = Cell::around(text, fox..fox + 3);
        assert_eq!(cell.fit(100), text);
        assert_eq!(cell.fit(11), "…wn fox ju…");
        assert_eq!(Cell::around(text, 40..43).fit(9), "…lazy dog");
        assert_eq!(cell.fit(24), "…brown fox jumps…");
        assert_eq!(Cell::new(text).fit(26), "the quick brown fox jumps…");
        let spaced = "a\n\n  b c";
        let b = spaced.find('b').unwrap();
        assert_eq!(Cell::around(spaced, b..b + 1).focus, Some(2..3));
    }

    #[test]
    fn columns_align_and_the_last_fits_the_width() {
        let mut t = Table::new(&[("name", 6), ("n", usize::MAX), ("text", usize::MAX)]);
        t.row(vec![Cell::new("Ann"), Cell::new("1"), Cell::new("short")]);
        t.row(vec![
            Cell::new("Bartholomew"),
            Cell::new("22"),
            Cell::new("a long text that will not fit in the width"),
        ]);
        let mut out = Vec::new();
        t.write(2, 40, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        let want =
            "  NAME    N   TEXT\n  Ann     1   short\n  Barth…  22  a long text that will not…\n";
        assert_eq!(got, want);
        assert!(got.lines().all(|l| l.chars().count() <= 40));
    }
}
