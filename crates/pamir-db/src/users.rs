//! People who write and manage content. Login, roles and sessions come with
//! the admin; items already point at their authors.

use crate::{Db, DbError, on_pool};

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub password_hash: Option<&'a str>,
}

pub async fn insert(db: &Db, user: &NewUser<'_>, now: i64) -> Result<i64, DbError> {
    let id = on_pool!(db, pool => {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(user.email)
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.role)
        .bind(now)
        .fetch_one(pool)
        .await
        .map_err(DbError::conflict_as("a user with this e-mail address"))
    })?;
    Ok(id)
}

pub async fn find_id_by_email(db: &Db, email: &str) -> Result<Option<i64>, DbError> {
    let id = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_optional(pool).await
    })?;
    Ok(id)
}
