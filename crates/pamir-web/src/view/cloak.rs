//! Keeping the office's e-mail address out of the HTML, where harvesters
//! read it, while a small script (`contact.js`) puts a working `mailto:` link
//! together in the reader's browser.
//!
//! The address is XOR-ed with a key stream, hex-encoded and reversed. That
//! is no secret from a person who reads the script, but it leaves nothing a
//! regular expression, an HTML-entity decoder or a base64 decoder recovers,
//! which is what address harvesters do.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CloakedEmail {
    /// Reversed hex of the XOR-ed bytes.
    pub data: String,
    pub key: u8,
}

fn key_byte(key: u8, index: usize) -> u8 {
    key.wrapping_add((index as u8).wrapping_mul(31))
}

pub fn cloak(address: &str, key: u8) -> CloakedEmail {
    let hex: String =
        address.bytes().enumerate().map(|(index, byte)| format!("{:02x}", byte ^ key_byte(key, index))).collect();
    CloakedEmail { data: hex.chars().rev().collect(), key }
}

/// The inverse, as `contact.js` does it; for tests.
pub fn uncloak(cloaked: &CloakedEmail) -> Option<String> {
    let hex: String = cloaked.data.chars().rev().collect();
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .enumerate()
        .map(|(index, at)| {
            let byte = u8::from_str_radix(hex.get(at..at + 2)?, 16).ok()?;
            Some(byte ^ key_byte(cloaked.key, index))
        })
        .collect();
    String::from_utf8(bytes?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_hides_the_address() {
        let address = "mission.tajikistan@namd.example";
        for key in [0, 1, 77, 200, 255] {
            let cloaked = cloak(address, key);
            assert!(!cloaked.data.contains('@'));
            assert!(!cloaked.data.contains("namd"));
            assert_eq!(uncloak(&cloaked).as_deref(), Some(address));
        }
    }
}
