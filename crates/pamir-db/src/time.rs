//! Instants are stored as whole UTC seconds, which both databases index and
//! compare the same way.

use crate::DbError;
use chrono::{DateTime, Utc};

pub(crate) fn to_db(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

pub(crate) fn opt_to_db(at: Option<DateTime<Utc>>) -> Option<i64> {
    at.map(to_db)
}

pub(crate) fn from_db(seconds: i64) -> Result<DateTime<Utc>, DbError> {
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| DbError::Corrupt(format!("timestamp {seconds}")))
}

pub(crate) fn opt_from_db(seconds: Option<i64>) -> Result<Option<DateTime<Utc>>, DbError> {
    seconds.map(from_db).transpose()
}
