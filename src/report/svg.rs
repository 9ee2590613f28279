//! A horizontal bar chart of a distribution, as a standalone SVG (embedded in the HTML
//! report, linked from the Markdown one). Plain shapes and escaped text, no script.

use std::fmt::Write;

use super::escape::html;
use super::model::Distribution;
use super::say::Say;

const WIDTH: u32 = 720;
const LABEL: u32 = 330;
const BAR: u32 = 300;
const ROW: u32 = 26;

/// The chart of `d`, its words in `say`'s language; a suppressed count (see
/// [`Say::count`]) has no bar.
pub fn chart(d: &Distribution, title: &str, say: Say) -> String {
    let rows = d.rows.len() as u32;
    let hidden = d.hidden_note(say);
    let top = if hidden.is_some() { 64 } else { 48 };
    let height = top + rows * ROW + 16;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" font-family="sans-serif" font-size="13">"#
    );
    let _ = write!(s, "<title>{}</title>", html(title));
    let _ = write!(
        s,
        r#"<text x="0" y="18" font-weight="bold">{}</text>"#,
        html(&crate::neutralise::fit(title, 95))
    );
    let _ = write!(
        s,
        r##"<text x="0" y="36" fill="#555">{}</text>"##,
        html(&d.denominator(say))
    );
    if let Some(h) = hidden {
        let _ = write!(s, r##"<text x="0" y="52" fill="#555">{}</text>"##, html(&h));
    }
    for (i, c) in d.rows.iter().enumerate() {
        let y = top + i as u32 * ROW;
        // Shortened with an ellipsis, never silently: the table below has the whole label.
        let label = crate::neutralise::fit(&c.label, 46);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            LABEL - 8,
            y + 16,
            html(&label)
        );
        let w = if c.suppressed {
            0
        } else {
            BAR * c.percent.min(100) / 100
        };
        let _ = write!(
            s,
            r##"<rect x="{LABEL}" y="{}" width="{BAR}" height="{}" fill="#eee"/>"##,
            y + 4,
            ROW - 8
        );
        let _ = write!(
            s,
            r##"<rect x="{LABEL}" y="{}" width="{w}" height="{}" fill="#2a6f97"/>"##,
            y + 4,
            ROW - 8
        );
        let figure = if c.suppressed {
            say.count(c.count, true)
        } else {
            format!("{} ({})", say.pct(c.percent), say.n(c.count))
        };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}">{}</text>"#,
            LABEL + BAR + 8,
            y + 16,
            html(&figure)
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::Count;

    #[test]
    fn a_long_label_is_shortened_visibly_and_text_is_escaped() {
        let d = Distribution {
            question: "q".into(),
            text: "Q".into(),
            kind: crate::guide::QuestionType::Single,
            group: None,
            n: 4,
            hidden: 0,
            targeted: None,
            versions: None,
            rows: vec![Count {
                value: "v".into(),
                label: "Aware of anti-trafficking efforts, not discussed in the cluster <b>".into(),
                count: 1,
                percent: 25,
                suppressed: false,
            }],
        };
        let svg = chart(&d, "A <title> & more", Say::default());
        assert!(
            svg.contains("Aware of anti-trafficking efforts, not discus…"),
            "{svg}"
        );
        assert!(svg.contains("A &lt;title&gt; &amp; more") && !svg.contains("<b>"));
        assert!(svg.contains("25% (1)") && svg.contains("n = 4 sessions"));
    }
}
