//! Signing in to the admin: passwords, second factors, sessions, throttling.
//!
//! - [`password`]: Argon2id hashes, and the rules a new password must meet
//! - [`legacy`]: WordPress and Joomla hashes, accepted once and then replaced
//! - [`totp`]: one-time codes from an authenticator app (RFC 6238), recovery codes
//! - [`signin`]: the sign-in steps, throttled per account and per address
//! - [`sessions`]: who a browser's cookie belongs to, for how long

pub mod legacy;
pub mod password;
pub mod sessions;
pub mod signin;
pub mod totp;

use crate::CoreError;
use sha2::{Digest, Sha256};

/// `bytes` random bytes from the operating system, as lowercase hex.
pub fn random_hex(bytes: usize) -> Result<String, CoreError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|e| CoreError::Internal(format!("no randomness from the system: {e}")))?;
    Ok(data_encoding::HEXLOWER.encode(&buffer))
}

/// What is stored instead of a secret token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
