//! The workbook's rows made on a thread of their own: the XLSX is the one format that
//! bounds the report's time (on one core, while the others finish on the second), so
//! producing its rows (the tables' cells, numbers told from texts, formulas made inert,
//! long texts cut) runs beside the cell XML and the deflate. Rows go over a bounded
//! channel in batches: memory stays a few batches, whatever the sessions.

use std::borrow::Cow;
use std::sync::mpsc::SyncSender;

use super::ReportError;
use super::escape::cell;
use super::say::Say;
use super::tables::{Emit, number};

/// A table, ready to produce its rows into a sink.
pub(super) type Table<'a> = Box<dyn Fn(Emit<'_>) -> Result<(), ReportError> + Send + Sync + 'a>;

/// A cell as the sheet writes it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Prepared {
    Number(f64),
    Text(String),
}

#[derive(Debug)]
pub(super) enum Row {
    /// A table's first row: its column names, in bold, and repeated at the top of each
    /// sheet a long table continues on.
    Header(Vec<String>),
    Cells(Vec<Prepared>),
}

/// What the feeding thread sends: the next table begins, or some of its rows.
#[derive(Debug)]
pub(super) enum Batch {
    Begin(usize),
    Rows(Vec<Row>),
}

/// Rows a batch holds: enough that the channel is not the cost, few enough that a batch
/// is small (a long-table row is 21 cells).
const BATCH: usize = 256;

/// Produce every table's rows into `send`, each table announced by its index. Stops, with
/// no error of its own, when the writing end has gone (it failed, and says why).
pub(super) fn feed(
    tables: &[(String, String, Table<'_>)],
    cell_limit: usize,
    say: Say,
    send: &SyncSender<Batch>,
) -> Result<(), ReportError> {
    for (k, (_, csv, table)) in tables.iter().enumerate() {
        if send.send(Batch::Begin(k)).is_err() {
            return Ok(());
        }
        let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
        let mut first = true;
        let mut hung_up = false;
        let result = table(&mut |r: &[&str]| {
            batch.push(if std::mem::take(&mut first) {
                Row::Header(r.iter().map(|c| c.to_string()).collect())
            } else {
                Row::Cells(r.iter().map(|c| prepare(c, cell_limit, say, csv)).collect())
            });
            if batch.len() >= BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if send.send(Batch::Rows(full)).is_err() {
                    // The writer failed and says why; this only stops the table.
                    hung_up = true;
                    return Err(ReportError::WriterStopped);
                }
            }
            Ok(())
        });
        if hung_up {
            return Ok(());
        }
        result?;
        if !batch.is_empty() && send.send(Batch::Rows(batch)).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// A number as a number; any other text as an inert string cell (a string cell is never
/// evaluated; the apostrophe keeps it inert even when copied into a formula bar), cut to
/// what a cell holds.
fn prepare(c: &str, limit: usize, say: Say, csv: &str) -> Prepared {
    match number(c) {
        Some(n) => Prepared::Number(n),
        None => Prepared::Text(fit(cell(c), limit, say, csv).into_owned()),
    }
}

/// A text cut to `limit` UTF-16 units when longer, ending in a mark that says so and
/// where the whole text is.
pub(super) fn fit<'a>(text: Cow<'a, str>, limit: usize, say: Say, csv: &str) -> Cow<'a, str> {
    // A text of at most `limit` bytes cannot be longer than `limit` UTF-16 units (each
    // unit takes at least a byte of UTF-8): most cells skip the count.
    if text.len() <= limit || text.encode_utf16().count() <= limit {
        return text;
    }
    let mark = format!(" {}", say.tr("rpt-xlsx-cut-mark", &[("file", csv.into())]));
    let room = limit.saturating_sub(mark.encode_utf16().count());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > room {
            break;
        }
        out.push(c);
        used += c.len_utf16();
    }
    out.push_str(&mark);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_to_the_limit_with_a_mark() {
        let long = "é".repeat(40_000);
        let f = fit(Cow::Borrowed(&long), 32_767, Say::default(), "long.csv");
        assert!(f.encode_utf16().count() <= 32_767);
        assert!(
            f.ends_with(" … [cut: the whole text is in long.csv]"),
            "{}",
            &f[f.len() - 60..]
        );
        // Astral characters count twice, as Excel counts them.
        let emoji = "🙂".repeat(20);
        let f = fit(Cow::Borrowed(&emoji), 50, Say::default(), "x.csv");
        assert!(f.encode_utf16().count() <= 50, "{f}");
        assert_eq!(
            fit(Cow::Borrowed("short"), 10, Say::default(), "x.csv"),
            "short"
        );
        // Exactly at the limit in bytes, and in units: kept whole.
        let ascii = "a".repeat(50);
        assert_eq!(
            fit(Cow::Borrowed(&ascii), 50, Say::default(), "x.csv"),
            ascii
        );
    }

    #[test]
    fn cells_are_numbers_or_inert_texts() {
        assert_eq!(
            prepare("42", 100, Say::default(), "x.csv"),
            Prepared::Number(42.0)
        );
        assert_eq!(
            prepare("=1+1", 100, Say::default(), "x.csv"),
            Prepared::Text("'=1+1".into())
        );
    }
}
