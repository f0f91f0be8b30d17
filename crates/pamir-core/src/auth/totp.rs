//! Time-based one-time codes (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, six
//! digits, 30-second steps, which every authenticator app speaks. A code is
//! accepted one step early or late for clock drift, and never twice.
//!
//! Recovery codes stand in for the phone when it is lost: ten of them, each
//! good once, stored only as hashes.

use crate::CoreError;
use hmac::{KeyInit, Mac};

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
pub const RECOVERY_CODES: usize = 10;

/// A new secret: 20 random bytes (the RFC's recommended 160 bits), base32.
pub fn new_secret() -> Result<String, CoreError> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| CoreError::Internal(format!("no randomness from the system: {e}")))?;
    Ok(data_encoding::BASE32_NOPAD.encode(&bytes))
}

/// The code for one time step (HOTP with the step as counter).
pub fn code_at(secret_base32: &str, step: i64) -> Option<String> {
    let key = data_encoding::BASE32_NOPAD.decode(secret_base32.as_bytes()).ok()?;
    let mut mac = hmac::Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    // Dynamic truncation: the low nibble of the last byte picks 4 bytes.
    let offset = (digest[digest.len() - 1] & 0x0f) as usize;
    let value =
        u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]]) & 0x7fff_ffff;
    Some(format!("{:0width$}", value % 10u32.pow(DIGITS), width = DIGITS as usize))
}

pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The time step `code` belongs to, if it is right within one step of now.
pub fn matching_step(secret_base32: &str, code: &str, unix_seconds: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize {
        return None;
    }
    let now = step_at(unix_seconds);
    [now, now - 1, now + 1].into_iter().find(|step| {
        code_at(secret_base32, *step)
            .is_some_and(|expected| super::constant_time_eq(expected.as_bytes(), code.as_bytes()))
    })
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn provisioning_uri(secret_base32: &str, issuer: &str, account: &str) -> String {
    use percent_encoding_lite::encode;
    format!(
        "otpauth://totp/{}:{}?secret={secret_base32}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        encode(issuer),
        encode(account),
        encode(issuer)
    )
}

/// Percent-encoding for the label and issuer: everything but unreserved characters.
mod percent_encoding_lite {
    pub fn encode(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
}

/// New recovery codes to show once (`xxxxx-xxxxx`), and the hashes to store.
pub fn new_recovery_codes() -> Result<(Vec<String>, Vec<String>), CoreError> {
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let hex = super::random_hex(5)?;
        codes.push(format!("{}-{}", &hex[..5], &hex[5..]));
    }
    let hashes = codes.iter().map(|code| recovery_hash(code)).collect();
    Ok((codes, hashes))
}

/// How a recovery code is stored; typing it with spaces or capitals still works.
pub fn recovery_hash(code: &str) -> String {
    let normalised: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
    super::token_hash(&normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
        // The RFC lists 8 digits; the last 6 are what a 6-digit app shows.
        for (time, code) in [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")] {
            assert_eq!(code_at(&secret, step_at(time)).as_deref(), Some(code), "time {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_no_further() {
        let secret = new_secret().unwrap();
        let now = 1_800_000_000;
        let code = code_at(&secret, step_at(now)).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some(step_at(now)));
        assert_eq!(matching_step(&secret, &code, now + STEP_SECONDS), Some(step_at(now)));
        assert_eq!(matching_step(&secret, &code, now + 3 * STEP_SECONDS), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
    }

    #[test]
    fn recovery_codes_hash_the_same_however_they_are_typed() {
        let (codes, hashes) = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(recovery_hash(&codes[0].to_uppercase().replace('-', " ")), hashes[0]);
    }

    #[test]
    fn the_provisioning_uri_names_the_issuer_and_account() {
        let uri = provisioning_uri("ABC", "NAMD Tajikistan", "ana@example.org");
        assert_eq!(
            uri,
            "otpauth://totp/NAMD%20Tajikistan:ana@example.org?secret=ABC&issuer=NAMD%20Tajikistan&algorithm=SHA1&digits=6&period=30"
        );
    }
}
