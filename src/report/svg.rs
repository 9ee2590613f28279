//! A horizontal bar chart of a distribution, as a standalone SVG (embedded in the HTML
//! report, linked from the Markdown one). Plain shapes and escaped text, no script.

use std::fmt::Write;

use super::escape::html;
use super::model::Distribution;

const WIDTH: u32 = 720;
const LABEL: u32 = 330;
const BAR: u32 = 300;
const ROW: u32 = 26;

/// Break a label into lines of at most `max` characters, at spaces.
fn lines(s: &str, max: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for w in s.split_whitespace() {
        let last = out.last_mut().expect("one line");
        if !last.is_empty() && last.chars().count() + 1 + w.chars().count() > max {
            out.push(w.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
    }
    out
}

pub fn chart(d: &Distribution, title: &str) -> String {
    let rows = d.rows.len() as u32;
    let top = 48;
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
        html(&super::fit_chars(title, 95))
    );
    let _ = write!(
        s,
        r##"<text x="0" y="36" fill="#555">{}</text>"##,
        html(&d.denominator())
    );
    for (i, c) in d.rows.iter().enumerate() {
        let y = top + i as u32 * ROW;
        let label = lines(&c.label, 46);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            LABEL - 8,
            y + 16,
            html(&super::fit_chars(&label[0], 46))
        );
        let w = BAR * c.percent.min(100) / 100;
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
        let _ = write!(
            s,
            r#"<text x="{}" y="{}">{}% ({})</text>"#,
            LABEL + BAR + 8,
            y + 16,
            c.percent,
            c.count
        );
    }
    s.push_str("</svg>\n");
    s
}
