//! Text from session files is untrusted: it becomes inert in every output. A spreadsheet
//! cell never starts a formula, HTML and SVG never get markup, Markdown never gets syntax.

use std::borrow::Cow;

/// A cell a spreadsheet will not take for a formula: text starting with `=`, `+`, `-`,
/// `@`, a tab, a carriage return or a newline (OWASP's advice), with a space (spreadsheets
/// trim it and read what follows as a formula), or with a fullwidth `＝ ＋ － ＠` (which
/// some spreadsheets fold to their ASCII forms) gets a leading apostrophe.
pub fn cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | ' ' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}'
            | '\u{ff20}',
        ) => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// Text for HTML and SVG, element content or attribute value alike.
pub fn html(s: &str) -> String {
    let s = crate::neutralise::block(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown table cell or paragraph: syntax characters escaped, HTML inert,
/// one line, and no bare URL or e-mail address a renderer would turn into a link
/// (GitHub's autolinks start at `scheme:`, `www.` and `@`).
pub fn markdown(s: &str) -> String {
    let flat = s.replace(['\n', '\r'], " ");
    let s = crate::neutralise::line(&flat);
    let mut out = String::with_capacity(s.len());
    let ends_with = |out: &str, word: &str| {
        out.len() >= word.len()
            && out.as_bytes()[out.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    };
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // The starts of autolinks: `scheme://`, `mailto:`, `xmpp:`, `www.`.
            ':' if s[i + 1..].starts_with("//")
                || ends_with(&out, "mailto")
                || ends_with(&out, "xmpp") =>
            {
                out.push_str("\\:")
            }
            '.' if ends_with(&out, "www") => out.push_str("\\."),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for f in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\nx",
            " =1+1",
            "\u{ff1d}1+1",
            "\u{ff0b}1",
            "\u{ff0d}1",
            "\u{ff20}SUM(A1)",
        ] {
            assert!(cell(f).starts_with('\''), "{f}");
        }
        assert_eq!(cell("Juba"), "Juba");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn html_and_markdown_carry_no_markup() {
        assert_eq!(
            html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            markdown("a|b *c* [l](javascript:x) <i>"),
            "a\\|b \\*c\\* \\[l\\]\\(javascript:x\\) &lt;i&gt;"
        );
        assert!(!html("\u{1b}]0;t\u{7}").contains('\u{1b}'));
        assert_eq!(
            markdown("see https://x.org, www.y.org, mailto:me@z.org at 09:40"),
            "see https\\://x.org, www\\.y.org, mailto\\:me\\@z.org at 09:40"
        );
        // Invisible and direction characters are shown, in Markdown and in HTML.
        // Rendered, that reads a\u{200b}b.
        assert_eq!(markdown("a\u{200b}b"), r"a\\u\{200b\}b");
        assert_eq!(html("a\u{202e}b\u{200f}"), "a\\u{202e}b\\u{200f}");
    }
}
