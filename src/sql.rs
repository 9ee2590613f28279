//! SQLite codecs for the domain's types, so stores and collations bind and read
//! `Digest`, `Status`, `Structure`, `AnswerStatus` and `ValueKind` as themselves, under
//! the names the domain gives them. Here, not in `guide` or `session`, so the domain
//! modules never name rusqlite.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::guide::{Digest, Structure};
use crate::session::{AnswerStatus, Field, Special, Status, ValueKind};

/// A type stored as one of its names.
macro_rules! by_name {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$t>::parse(s).ok_or_else(|| unknown(stringify!($t), s))
            }
        }
    )*};
}

by_name!(Status, Structure, AnswerStatus, ValueKind, Special, Field);

fn unknown(what: &str, found: &str) -> FromSqlError {
    FromSqlError::Other(format!("not a {what}: `{found}`").into())
}

/// As `sha256:<64 hex>`, the spelling files carry.
impl ToSql for Digest {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Digest {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        s.parse().map_err(|_| unknown("digest", s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: ToSql + FromSql + PartialEq + std::fmt::Debug>(v: T, stored: &str) {
        let db = rusqlite::Connection::open_in_memory().expect("db");
        let (text, back): (String, T) = db
            .query_row("SELECT ?1, ?1", [&v], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query");
        assert_eq!(text, stored);
        assert_eq!(back, v);
    }

    #[test]
    fn each_type_is_stored_under_its_name() {
        round_trip(Status::InProgress, "in_progress");
        round_trip(Structure::CpAor, "cp_aor");
        round_trip(AnswerStatus::Answered, "answered");
        round_trip(AnswerStatus::Special(Special::DontKnow), "dont_know");
        round_trip(ValueKind::YesNo, "yes_no");
        let d = Digest::of(b"abc");
        round_trip(d, &d.to_string());
    }

    #[test]
    fn an_unknown_name_is_an_error_not_a_default() {
        let db = rusqlite::Connection::open_in_memory().expect("db");
        let e = db
            .query_row("SELECT 'in progress'", [], |r| r.get::<_, Status>(0))
            .expect_err("refused");
        assert!(e.to_string().contains("not a Status: `in progress`"), "{e}");
        assert!(
            db.query_row("SELECT 'sha256:00'", [], |r| r.get::<_, Digest>(0))
                .is_err()
        );
        assert!(
            db.query_row("SELECT 7", [], |r| r.get::<_, Structure>(0))
                .is_err()
        );
    }
}
