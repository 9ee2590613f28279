//! The workbook's Columns sheet: what every column of every sheet means. The sheets'
//! and columns' names are the same in every language (formulas, Power Query and scripts
//! name them); what they mean is said in the report's language.

use super::say::Say;
use super::tables::{COVERAGE_COLUMNS, LONG_COLUMNS, META};
use super::xlsx::XlsxLimits;

/// The meaning of a column of the Long (`rpt-long-col-…`) or Coverage (`rpt-cov-col-…`)
/// table; the English is `LONG_COLUMNS`' and `COVERAGE_COLUMNS`' (a test keeps them one).
fn meaning(say: Say, table: &str, column: &str) -> String {
    say.t(&format!("rpt-{table}-col-{column}"))
}

pub(super) fn columns_sheet(say: Say, limits: &XlsxLimits) -> Vec<Vec<String>> {
    let mut cols = vec![vec![
        "sheet".to_string(),
        "column".to_string(),
        "meaning".to_string(),
    ]];
    cols.extend(
        COVERAGE_COLUMNS
            .iter()
            .map(|(c, _)| vec!["Coverage".into(), c.to_string(), meaning(say, "cov", c)]),
    );
    cols.extend(
        LONG_COLUMNS
            .iter()
            .map(|(c, _)| vec!["Long".into(), c.to_string(), meaning(say, "long", c)]),
    );
    let as_in_long = say.t("rpt-columns-as-in-long");
    cols.extend(
        META.iter()
            .map(|c| vec!["Wide".into(), c.to_string(), as_in_long.clone()]),
    );
    for (sheet, column, id) in [
        ("Wide", "<question_id>", "rpt-columns-wide-answer"),
        ("Wide", "<question_id>.<option>", "rpt-columns-wide-option"),
        ("Wide", "<question_id>.other_text", "rpt-columns-wide-other"),
        ("Summary", "n", "rpt-columns-summary-n"),
        ("Summary", "targeted", "rpt-columns-summary-targeted"),
        ("Summary", "hidden", "rpt-columns-summary-hidden"),
        ("Summary", "count", "rpt-columns-summary-count"),
        ("Summary", "percent", "rpt-columns-summary-percent"),
    ] {
        cols.push(vec![sheet.into(), column.into(), say.t(id)]);
    }
    let any = say.t("rpt-columns-any");
    cols.push(vec![
        any.clone(),
        say.t("rpt-columns-apostrophe"),
        say.t("rpt-columns-apostrophe-meaning"),
    ]);
    cols.push(vec![
        any,
        say.t("rpt-columns-cut"),
        say.tr("rpt-columns-cut-meaning", &[("cell", limits.cell.into())]),
    ]);
    cols.push(vec![
        "Long, Wide, Summary".into(),
        say.t("rpt-columns-sheets"),
        say.tr(
            "rpt-columns-sheets-meaning",
            &[
                ("rows", limits.rows.into()),
                ("columns", limits.columns.into()),
            ],
        ),
    ]);
    cols
}
