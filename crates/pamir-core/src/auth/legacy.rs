//! Password hashes of the systems sites move from, so people sign in with
//! their old passwords after an import; the sign-in then rehashes them with
//! Argon2id, and the old hash is gone.
//!
//! - WordPress before 6.8 and many PHP apps: phpass "portable" hashes
//!   (`$P$` / `$H$`): iterated MD5 over salt and password.
//! - WordPress 6.8: `$wp$2y$...`: bcrypt over the base64 of
//!   HMAC-SHA384(key "wp-sha384", password), which lets long passwords count
//!   past bcrypt's 72 bytes.
//! - Joomla 3.2 and later: bcrypt (`$2y$`).
//! - Joomla 1.5 to 3.1: `md5(password + salt):salt`, hex.

use super::constant_time_eq;
use hmac::{KeyInit, Mac};
use md5::{Digest, Md5};

/// phpass's alphabet for counts and its base-64 encoding.
const ITOA64: &[u8] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Whether `password` matches a legacy `stored` hash; `None` when `stored`
/// is none of the formats above.
pub fn verify(stored: &str, password: &str) -> Option<bool> {
    if let Some(rest) = stored.strip_prefix("$wp") {
        let mut mac = hmac::Hmac::<sha2::Sha384>::new_from_slice(b"wp-sha384").ok()?;
        mac.update(password.as_bytes());
        let prehashed = data_encoding::BASE64.encode(&mac.finalize().into_bytes());
        return Some(bcrypt::verify(prehashed, rest).unwrap_or(false));
    }
    if stored.starts_with("$2y$") || stored.starts_with("$2a$") || stored.starts_with("$2b$") {
        return Some(bcrypt::verify(password, stored).unwrap_or(false));
    }
    if stored.starts_with("$P$") || stored.starts_with("$H$") {
        return phpass(stored, password).map(|computed| constant_time_eq(computed.as_bytes(), stored.as_bytes()));
    }
    if let Some((hash, salt)) = stored.split_once(':')
        && hash.len() == 32
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let computed = data_encoding::HEXLOWER.encode(&Md5::digest(format!("{password}{salt}").as_bytes()));
        return Some(constant_time_eq(computed.as_bytes(), hash.to_ascii_lowercase().as_bytes()));
    }
    None
}

/// The phpass portable hash of `password` with the setting (count and salt) of `stored`.
fn phpass(stored: &str, password: &str) -> Option<String> {
    let setting = stored.as_bytes();
    if setting.len() != 34 {
        return None;
    }
    let log2 = ITOA64.iter().position(|c| *c == setting[3])?;
    if !(7..=30).contains(&log2) {
        return None;
    }
    let salt = &setting[4..12];
    let mut hash = Md5::new().chain_update(salt).chain_update(password.as_bytes()).finalize();
    for _ in 0..(1u32 << log2) {
        hash = Md5::new().chain_update(hash).chain_update(password.as_bytes()).finalize();
    }
    Some(format!("{}{}", &stored[..12], encode64(&hash)))
}

/// phpass's own base-64 (little-endian groups of three bytes).
fn encode64(input: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < input.len() {
        let mut value = u32::from(input[i]);
        i += 1;
        out.push(ITOA64[(value & 0x3f) as usize] as char);
        if i < input.len() {
            value |= u32::from(input[i]) << 8;
        }
        out.push(ITOA64[((value >> 6) & 0x3f) as usize] as char);
        if i >= input.len() {
            break;
        }
        i += 1;
        if i < input.len() {
            value |= u32::from(input[i]) << 16;
        }
        out.push(ITOA64[((value >> 12) & 0x3f) as usize] as char);
        if i >= input.len() {
            break;
        }
        i += 1;
        out.push(ITOA64[((value >> 18) & 0x3f) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verify;

    /// Made with Python's passlib and bcrypt (independent implementations),
    /// for the password "correct horse".
    const PHPASS: &str = "$P$BabcdefghKfdE7H4Uy7ajxpijsjAJW0";
    const BCRYPT: &str = "$2y$04$yQe8hs6vwmHFPLy8erhm3uV13qNiL5o6K4jlr9kmbRsYLayPN6ubi";
    const WORDPRESS_68: &str = "$wp$2y$04$5oXDbzNehEedJqwwAt8ID.z6WnS2rl0Utyo0qj/63Oc65kSyShQei";
    const JOOMLA_MD5: &str = "b44a9854481b3cca7e09f00bd74a8371:Q2bS9cVxYpL0aZ1mN3kE5rT7uW9yB1dF";

    #[test]
    fn each_old_format_accepts_its_password_and_nothing_else() {
        for stored in [PHPASS, BCRYPT, WORDPRESS_68, JOOMLA_MD5] {
            assert_eq!(verify(stored, "correct horse"), Some(true), "{stored}");
            assert_eq!(verify(stored, "correct horsE"), Some(false), "{stored}");
        }
    }

    #[test]
    fn unknown_formats_are_not_guessed_at() {
        assert_eq!(verify("$argon2id$v=19$...", "x"), None);
        assert_eq!(verify("plain text", "plain text"), None);
        assert_eq!(verify("$P$Bshort", "x"), None);
    }
}
