//! The synthesis as tables, for `matrix.csv`, `themes.csv`, `codings.csv` and their
//! sheets: a row per session with a summary and a content column per guide section; a row
//! per theme with its counts by structure; a row per coding with the text it covers.

use super::ReportError;
use super::model::GuideSection;
use super::tables::Emit;

/// The rapid-analysis matrix, wide: a row per session.
pub fn matrix_rows(s: &GuideSection, emit: Emit<'_>) -> Result<(), ReportError> {
    let m = &s.analysis.matrix;
    let mut header: Vec<String> = [
        "session_id",
        "revision",
        "response",
        "structure",
        "structure_label",
    ]
    .iter()
    .map(|c| c.to_string())
    .collect();
    for c in &m.columns {
        header.push(format!("{}_summary", c.section));
        header.push(c.section.clone());
    }
    emit(&header.iter().map(String::as_str).collect::<Vec<_>>())?;
    let guide_lang = s.guide.default_language();
    super::matrix::each_row(s, &mut |session, row| {
        let revision = session.revision.to_string();
        let mut cells: Vec<String> = Vec::with_capacity(header.len());
        cells.push(row.session_id.clone());
        cells.push(revision);
        cells.push(session.response.clone());
        cells.push(session.structure.as_str().to_string());
        cells.push(session.structure_label.clone());
        for c in &row.cells {
            cells.push(
                c.summary
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
            );
            cells.push(c.content(guide_lang));
        }
        emit(&cells.iter().map(String::as_str).collect::<Vec<_>>())
    })
}

/// Per code, the sessions whose texts were coded with it, over all and by structure.
pub fn theme_rows(s: &GuideSection, emit: Emit<'_>) -> Result<(), ReportError> {
    let a = &s.analysis;
    let mut header: Vec<String> = ["code", "label", "parent", "in_codebook", "sessions", "of"]
        .iter()
        .map(|c| c.to_string())
        .collect();
    if let Some(t) = a.themes.first() {
        for (g, _, of) in &t.by_group {
            header.push(format!("{} (n = {of})", g.name()));
        }
    }
    emit(&header.iter().map(String::as_str).collect::<Vec<_>>())?;
    for t in &a.themes {
        let parent = a
            .codebook
            .as_ref()
            .and_then(|b| b.code(&t.code))
            .and_then(|c| c.parent.clone())
            .unwrap_or_default();
        let mut cells = vec![
            t.code.clone(),
            t.label.clone(),
            parent,
            if t.unknown { "no" } else { "yes" }.to_string(),
            t.sessions.to_string(),
            t.of.to_string(),
        ];
        cells.extend(t.by_group.iter().map(|(_, n, _)| n.to_string()));
        emit(&cells.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

/// Every coding of the report's sessions, with the text it covers and whether that text
/// is still what was coded.
pub fn coding_rows(s: &GuideSection, emit: Emit<'_>) -> Result<(), ReportError> {
    emit(&[
        "session_id",
        "unit",
        "start",
        "end",
        "code",
        "label",
        "coder",
        "coded_at",
        "quote",
        "status",
    ])?;
    let a = &s.analysis;
    let label = |code: &str| {
        a.codebook.as_ref().map_or(code.to_string(), |b| {
            b.label(code, b.default_language()).to_string()
        })
    };
    let stale = a.stale_codings();
    for c in &a.codings {
        let is_stale = stale.contains(c);
        // A stale coding's quote may be text no longer in the report (marked sensitive
        // since): not repeated here.
        let (quote, status) = if is_stale {
            ("", "text changed: check")
        } else {
            (c.quote.as_str(), "current")
        };
        let (start, end) = (c.start.to_string(), c.end.to_string());
        emit(&[
            &c.session_id,
            &c.unit,
            &start,
            &end,
            &c.code,
            &label(&c.code),
            &c.coder,
            &c.at,
            quote,
            status,
        ])?;
    }
    Ok(())
}
