//! One transaction on either database. A use case begins one, passes it to
//! every repository write it makes, and commits once: the rows, their
//! audit entry and the site's content version land together or not at all.
//! Dropping a `Tx` without committing rolls it back.

use crate::{Db, DbError};
use sqlx::{Postgres, Sqlite, Transaction};

pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// Begins a transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of one failing
    /// when it tries to upgrade a read lock.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, Tx::Sqlite(_))
    }
}

/// Runs the same body against whichever connection the transaction holds,
/// as `$conn: &mut Connection` (reborrow it, `&mut *$conn`, to run several
/// statements). Like `on_pool!`, the body is written once for both drivers.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(transaction) => {
                let $conn = &mut **transaction;
                $body
            }
            $crate::Tx::Postgres(transaction) => {
                let $conn = &mut **transaction;
                $body
            }
        }
    };
}
