//! "How the answers came to be" as the HTML and Markdown reports and the workbook's
//! "How answers came" sheet write it; `provenance.rs` counts the marks and decides what
//! small counts withhold.

use std::fmt::Write;

use super::provenance::{option_cells, reconsidered_line, reconsidered_withheld, shown};
use super::say::Say;

/// The section in the HTML report; nothing when no answer was marked.
pub(super) fn html(
    o: &mut super::Text<'_>,
    r: &super::model::Report,
    s: &super::model::GuideSection,
    say: Say,
) {
    use super::escape::html as h;
    if s.how.is_empty() {
        return;
    }
    let k = r.options.min_cell;
    // The words are ours and hold no markup (a test checks): written as they are.
    let _ = write!(
        o,
        "<h3>{}</h3><p class=muted>{}</p>",
        say.t("rpt-how-title"),
        h(&say.t("rpt-how-about"))
    );
    for q in &s.how {
        let _ = write!(o, "<h4>{}</h4>", h(&q.text));
        if let Some(line) = reconsidered_line(say, q, k) {
            let _ = write!(o, "<p>{}</p>", h(&line));
        }
        if !q.options.is_empty() {
            let _ = write!(
                o,
                "<table><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
                h(&say.tr("rpt-how-marked", &[("n", shown(say, q.elicited, k).into())])),
                say.t("rpt-col-option"),
                say.t("rpt-col-volunteered"),
                say.t("rpt-col-prompted"),
            );
            // A withheld count reads `<K`: escaped like any text.
            for (label, vol, pro) in option_cells(say, q, k) {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
                    h(&label),
                    h(&vol),
                    h(&pro),
                );
            }
            o.push_str("</table>");
        }
    }
}

/// The section in the Markdown report; nothing when no answer was marked.
pub(super) fn markdown(
    o: &mut super::Text<'_>,
    r: &super::model::Report,
    s: &super::model::GuideSection,
    say: Say,
) {
    use super::escape::markdown as md;
    if s.how.is_empty() {
        return;
    }
    let k = r.options.min_cell;
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        say.t("rpt-how-title"),
        md(&say.t("rpt-how-about"))
    );
    for q in &s.how {
        let _ = writeln!(o, "#### {}\n", md(&q.text));
        if let Some(line) = reconsidered_line(say, q, k) {
            let _ = writeln!(o, "{}\n", md(&line));
        }
        if !q.options.is_empty() {
            let _ = writeln!(
                o,
                "{}\n\n| {} | {} | {} |\n|---|---:|---:|",
                say.tr("rpt-how-marked", &[("n", shown(say, q.elicited, k).into())]),
                say.t("rpt-col-option"),
                say.t("rpt-col-volunteered"),
                say.t("rpt-col-prompted"),
            );
            // As the HTML: all of a question's counts withheld when one is small, or the
            // small one could be worked out from the answers marked.
            for (label, vol, pro) in option_cells(say, q, k) {
                let _ = writeln!(o, "| {} | {vol} | {pro} |", md(&label));
            }
            o.push('\n');
        }
    }
}

/// The workbook's "How answers came" sheet: one row per question's reconsidered answers
/// and one per option marked, with the same withheld counts as the HTML and Markdown.
pub(super) fn sheet_rows(
    r: &super::model::Report,
    e: super::tables::Emit<'_>,
) -> Result<(), super::ReportError> {
    let k = r.options.min_cell;
    e(&[
        "guide",
        "question_id",
        "question",
        "what",
        "option",
        "count",
        "of",
    ])?;
    for s in &r.sections {
        for q in &s.how {
            if q.marked > 0 {
                let withheld = reconsidered_withheld(q, k);
                let count = |n: usize| {
                    if withheld {
                        format!("<{k}")
                    } else {
                        n.to_string()
                    }
                };
                let marked = shown(Say::default(), q.marked, k);
                e(&[
                    &s.guide.id,
                    &q.question,
                    &q.text,
                    "changed after the definition",
                    "",
                    &count(q.changed),
                    &marked,
                ])?;
                e(&[
                    &s.guide.id,
                    &q.question,
                    &q.text,
                    "kept after the definition",
                    "",
                    &count(q.marked - q.changed),
                    &marked,
                ])?;
                for (from, to, n) in &q.moves {
                    let what = format!("{from} → {to}");
                    e(&[
                        &s.guide.id,
                        &q.question,
                        &q.text,
                        "changed after the definition",
                        &what,
                        &count(*n),
                        &marked,
                    ])?;
                }
            }
            let of = shown(Say::default(), q.elicited, k);
            for (label, vol, pro) in option_cells(Say::default(), q, k) {
                e(&[
                    &s.guide.id,
                    &q.question,
                    &q.text,
                    "volunteered",
                    &label,
                    &vol,
                    &of,
                ])?;
                e(&[
                    &s.guide.id,
                    &q.question,
                    &q.text,
                    "prompted",
                    &label,
                    &pro,
                    &of,
                ])?;
            }
        }
    }
    Ok(())
}
