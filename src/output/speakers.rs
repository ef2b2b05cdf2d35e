//! The speakers of a corpus, as [`roster`](crate::roster::roster) lists
//! them: a readable summary, CSV or JSON Lines.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): one block per speaker, most quoted first:
//!
//!   ```text
//!   Omar al-Fulani · person · 6 quotes
//!     aliases  Al-Fulani, Fulani
//!     roles    secretary general of the foreign-backed al-Sahel Movement
//!     outlets  Daily Planet 4, Northland Radio 2
//!   ```
//!
//!   Lines without content (no alias, no role) are left out; long lines
//!   wrap at the width with a hanging indent.
//! * **CSV** ([`write_csv`]): one row per speaker and outlet, columns
//!   `speaker,type,aliases,roles,outlet,quotes`. `aliases` and `roles` are
//!   joined with `"; "`; text cells are neutralised against formula
//!   injection as in [`super::csv`]:
//!
//!   ```text
//!   speaker,type,aliases,roles,outlet,quotes
//!   Omar al-Fulani,person,Al-Fulani; Fulani,secretary general of the foreign-backed al-Sahel Movement,Daily Planet,4
//!   Omar al-Fulani,person,Al-Fulani; Fulani,secretary general of the foreign-backed al-Sahel Movement,Northland Radio,2
//!   ```
//! * **JSON Lines**: [`super::json::write_jsonl`] of the
//!   [`SpeakerQuotes`] (fields `name`, `type`, `aliases`, `roles`,
//!   `quotes`, `outlets`).

use std::io;

use serde::Serialize;

use crate::roster::SpeakerQuotes;

use super::csv::{Cells, write_rows};
use super::table::write_wrapped;

/// Writes one block per speaker, fitting `width` characters.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    speakers: &[SpeakerQuotes],
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    for (i, s) in speakers.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let plural = if s.quotes == 1 { "" } else { "s" };
        let kind = s.speaker.kind.as_str();
        writeln!(out, "{} · {kind} · {} quote{plural}", s.speaker.name, s.quotes)?;
        let outlets: Vec<String> = s.outlets.iter().map(|(o, n)| format!("{o} {n}")).collect();
        for (label, items) in
            [("aliases", &s.speaker.aliases), ("roles", &s.speaker.roles), ("outlets", &outlets)]
        {
            if !items.is_empty() {
                write_wrapped(&mut out, &format!("  {label:<7}  "), &items.join(", "), width)?;
            }
        }
    }
    Ok(())
}

/// One CSV row: a speaker and one outlet's count.
#[derive(Serialize)]
struct Row<'a> {
    speaker: std::borrow::Cow<'a, str>,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: String,
    roles: String,
    outlet: std::borrow::Cow<'a, str>,
    quotes: usize,
}

/// Writes one CSV row per speaker and outlet, as the
/// [module docs](self#formats) describe.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv(speakers: &[SpeakerQuotes], out: impl io::Write) -> io::Result<()> {
    write_csv_as(speakers, Cells::Neutralised, out)
}

/// Writes the CSV of [`write_csv`] with text cells written as `cells`
/// says ([`Cells::Raw`]: not neutralised).
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv_as(
    speakers: &[SpeakerQuotes],
    cells: Cells,
    out: impl io::Write,
) -> io::Result<()> {
    let rows = speakers.iter().flat_map(|s| {
        s.outlets.iter().map(move |(outlet, &quotes)| Row {
            speaker: cells.write(&s.speaker.name),
            kind: s.speaker.kind.as_str(),
            aliases: cells.write(&s.speaker.aliases.join("; ")).into_owned(),
            roles: cells.write(&s.speaker.roles.join("; ")).into_owned(),
            outlet: cells.write(outlet),
            quotes,
        })
    });
    write_rows(rows, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SpeakerType;
    use crate::speaker::Speaker;

    fn speakers() -> Vec<SpeakerQuotes> {
        vec![SpeakerQuotes {
            id: 0,
            speaker: Speaker {
                name: "Jane Doe".into(),
                kind: SpeakerType::Person,
                aliases: vec!["Doe".into(), "J. Doe".into()],
                roles: vec!["mayor of Springfield".into(), "-chair".into()],
            },
            quotes: 3,
            outlets: [("Daily".to_string(), 2), ("Weekly".to_string(), 1)].into(),
        }]
    }

    #[test]
    fn table_blocks_wrap() {
        let mut out = Vec::new();
        write_table(&speakers(), 36, &mut out).unwrap();
        let want = "Jane Doe · person · 3 quotes\n  aliases  Doe, J. Doe\n  roles    mayor of Springfield,\n           -chair\n  outlets  Daily 2, Weekly 1\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn csv_row_per_outlet() {
        let mut out = Vec::new();
        write_csv(&speakers(), &mut out).unwrap();
        let want = "speaker,type,aliases,roles,outlet,quotes\n\
            Jane Doe,person,Doe; J. Doe,mayor of Springfield; -chair,Daily,2\n\
            Jane Doe,person,Doe; J. Doe,mayor of Springfield; -chair,Weekly,1\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
