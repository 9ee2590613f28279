//! How times are written in SQLite columns: RFC 3339 text a person can read with
//! `sqlite3`, and that reads back exactly. Values and names have their codecs in
//! `crate::sql` and `session::Value::{kind, to_text, from_text}`.

use jiff::Timestamp;

pub fn ts(t: Timestamp) -> String {
    t.to_string()
}

pub fn parse_ts(s: &str) -> Option<Timestamp> {
    s.parse().ok()
}
