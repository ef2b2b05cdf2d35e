//! Rows of the user's CSV files (`sources.csv`, gazetteers), read the same
//! way everywhere: fields trimmed, a byte-order mark dropped, `csv` errors
//! turned into [`Error`]s that name the file and line.

use std::path::Path;

use crate::Error;

/// The trimmed fields of `record`, or the 1-based number of the first field
/// that is not UTF-8. A byte-order mark at the start of the file is dropped.
pub(crate) fn fields(record: &csv::ByteRecord) -> Result<Vec<&str>, usize> {
    let at_start = record.position().is_some_and(|p| p.byte() == 0);
    let mut out = Vec::with_capacity(record.len());
    for (i, field) in record.iter().enumerate() {
        let field = std::str::from_utf8(field).map_err(|_| i + 1)?;
        let field = if i == 0 && at_start { field.trim_start_matches('\u{feff}') } else { field };
        out.push(field.trim());
    }
    Ok(out)
}

/// Converts a `csv` error, keeping the file name and line.
pub(crate) fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io(path, e),
        _ => Error::format(path, line, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_trimmed_and_lose_a_leading_bom() {
        let data = "\u{feff} id , outlet \nx,\u{ff}\n".as_bytes().to_vec();
        let mut data = data;
        // Make the second row's second field invalid UTF-8.
        let bad = data.len() - 3;
        data[bad] = 0xff;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&data[..]);
        let mut record = csv::ByteRecord::new();
        reader.read_byte_record(&mut record).unwrap();
        assert_eq!(fields(&record), Ok(vec!["id", "outlet"]));
        reader.read_byte_record(&mut record).unwrap();
        assert_eq!(fields(&record), Err(2));
    }
}
