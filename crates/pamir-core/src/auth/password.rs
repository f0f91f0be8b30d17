//! Password hashes: Argon2id with the crate's recommended parameters (19 MiB,
//! two passes), in the PHC string format so the parameters travel with the
//! hash and can be raised later without breaking stored ones.

use crate::CoreError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

/// Shorter passwords are refused; long pass-phrases are encouraged, not capped
/// below a size that would make hashing itself a denial of service.
pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 1024;

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// Checks a new password against the rules; the error says what to change.
pub fn check_new(password: &str) -> Result<(), CoreError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(CoreError::rule(
            "password",
            pamir_domain::Message::new("rule-password-short").with("min", MIN_LENGTH),
        ));
    }
    if password.len() > MAX_LENGTH {
        return Err(CoreError::rule(
            "password",
            pamir_domain::Message::new("rule-password-long").with("max", MAX_LENGTH),
        ));
    }
    Ok(())
}

pub fn hash(password: &str) -> Result<String, CoreError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| CoreError::Internal(format!("no randomness from the system: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| CoreError::Internal(format!("salt: {e}")))?;
    let hashed = hasher()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| CoreError::Internal(format!("cannot hash the password: {e}")))?;
    Ok(hashed.to_string())
}

/// Whether `password` matches `stored`: an Argon2id hash, or one of the
/// imported formats of [`super::legacy`]. An unreadable stored hash matches nothing.
pub fn verify(stored: &str, password: &str) -> bool {
    if password.len() > MAX_LENGTH {
        return false;
    }
    if let Some(matches) = super::legacy::verify(stored, password) {
        return matches;
    }
    match PasswordHash::new(stored) {
        Ok(parsed) => hasher().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Whether a stored hash should be replaced by an Argon2id one at the next
/// successful sign-in (it came from an import, or older parameters).
pub fn needs_rehash(stored: &str) -> bool {
    !stored.starts_with("$argon2id$")
}

/// Spends the time a real verification takes, so that answering for an
/// unknown e-mail address is not measurably faster than for a known one.
pub fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    if let Some(stored) = DUMMY.get_or_init(|| hash("not a password anyone has").ok()) {
        let _ = verify(stored, password);
    }
}

/// A password to print once, for `pamir user add` without `--password-stdin`:
/// 20 characters from an alphabet without look-alikes (about 115 bits).
pub fn generate() -> Result<String, CoreError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| CoreError::Internal(format!("no randomness from the system: {e}")))?;
    // 256 is not a multiple of 56; the bias of the modulo (under 1%) costs less than a bit here.
    Ok(bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_and_nothing_else() {
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$v=19$"), "{stored}");
        assert!(verify(&stored, "correct horse battery"));
        assert!(!verify(&stored, "correct horse batterY"));
        assert!(!verify("not a hash", "correct horse battery"));
    }

    #[test]
    fn short_passwords_are_refused_with_the_rule() {
        match check_new("short") {
            Err(CoreError::Rules(rules)) => {
                let rule = &rules.0[0];
                assert_eq!((rule.field, rule.message.key), ("password", "rule-password-short"));
                assert_eq!(rule.message.args, vec![("min", "12".to_owned())]);
            }
            other => panic!("{other:?}"),
        }
        assert!(check_new("twelve chars").is_ok());
    }

    #[test]
    fn generated_passwords_are_long_and_different() {
        let (a, b) = (generate().unwrap(), generate().unwrap());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert!(check_new(&a).is_ok());
    }
}
