//! The HTML report's last section, the data quality: sessions by respondent type, the
//! revisions and conflicts, the quarantine, answers taken from another revision, the
//! read-backs, refused consent and required answers missing.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::model::Report;
use super::say::Say;

pub(super) fn render(o: &mut Text<'_>, r: &Report, say: Say) {
    let q = &r.quality;
    let _ = write!(
        o,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th></tr>",
        say.t("rpt-data-quality"),
        say.t("rpt-col-respondent-type"),
        say.t("rpt-col-sessions")
    );
    for (g, n) in &q.sessions_by_group {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=n>{}</td></tr>",
            html(g.name()),
            say.n(*n)
        );
    }
    let heads: usize = q.sessions_by_group.iter().map(|(_, n)| n).sum();
    let _ = write!(
        o,
        "</table><p>{}</p>",
        say.tr(
            "rpt-quality-status-html",
            &[
                ("heads", heads.into()),
                ("revisions", q.revisions.into()),
                ("conflicts", q.conflicts.into()),
                ("resolved", q.conflicts_resolved.into()),
            ]
        )
    );
    if !q.unresolved_sessions.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p><ul>",
            say.tr(
                "rpt-quality-unresolved",
                &[("command", "<code>stocktake resolve</code>".into())]
            )
        );
        for (id, what) in &q.unresolved_sessions {
            let _ = write!(o, "<li>{} ({})</li>", html(what), html(id));
        }
        o.push_str("</ul>");
    }
    let _ = write!(
        o,
        "<p>{}</p>",
        say.tr(
            "rpt-quality-quarantined",
            &[("n", q.quarantined.len().into())]
        )
    );
    if !q.quarantined.is_empty() {
        let _ = write!(
            o,
            "<table><tr><th>{}</th><th>{}</th></tr>",
            say.t("rpt-col-kind"),
            say.t("rpt-col-reason")
        );
        for f in &q.quarantined {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td></tr>",
                html(&super::quarantine_kind(say, &f.kind)),
                html(&f.reason_in(say.lang))
            );
        }
        o.push_str("</table>");
    }
    if !q.answers_chosen.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p><ul>",
            say.tr(
                "rpt-quality-chosen",
                &[("command", "<code>stocktake resolve --answer</code>".into())]
            )
        );
        for (who, question, from) in &q.answers_chosen {
            let _ = write!(
                o,
                "<li>{}</li>",
                say.tr(
                    "rpt-quality-chosen-item",
                    &[
                        ("who", html(who).into()),
                        ("question", html(question).into()),
                        ("from", html(from).into()),
                    ]
                )
            );
        }
        o.push_str("</ul>");
    }
    let (confirmed, corrected, not_read) = q.read_back;
    if confirmed + corrected > 0 {
        let _ = write!(
            o,
            "<p>{}</p>",
            say.tr(
                "rpt-quality-read-back-html",
                &[
                    ("confirmed", confirmed.into()),
                    ("corrected", corrected.into()),
                    ("not_read", not_read.into()),
                ]
            )
        );
    }
    if !q.consent_refused.is_empty() {
        let _ = write!(o, "<p>{}</p><ul>", say.t("rpt-quality-consent-refused"));
        for who in &q.consent_refused {
            let _ = write!(o, "<li>{}</li>", html(who));
        }
        o.push_str("</ul>");
    }
    if !q.missing_required.is_empty() {
        let _ = write!(o, "<p>{}</p><ul>", say.t("rpt-quality-missing"));
        for (who, qs) in &q.missing_required {
            let _ = write!(
                o,
                "<li>{}</li>",
                say.tr(
                    "rpt-quality-missing-item",
                    &[
                        ("who", html(who).into()),
                        ("questions", html(&qs.join(", ")).into()),
                    ]
                )
            );
        }
        o.push_str("</ul>");
    }
}
