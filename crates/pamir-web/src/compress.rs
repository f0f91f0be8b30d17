//! gzip and brotli, done once per page or asset and kept, never per request
//! on the hot path.

use axum::body::Bytes;
use axum::http::HeaderValue;
use sha2::{Digest, Sha256};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    pub fn header_value(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }
}

/// The best encoding the client accepts: brotli, then gzip, then none.
/// An encoding given `q=0` is refused, as RFC 9110 says.
pub fn negotiate(accept_encoding: Option<&HeaderValue>) -> Encoding {
    let Some(header) = accept_encoding.and_then(|value| value.to_str().ok()) else {
        return Encoding::Identity;
    };
    let mut brotli = false;
    let mut gzip = false;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = pieces.any(|param| {
            let param = param.trim().replace(' ', "");
            param == "q=0" || param.starts_with("q=0.") && param[4..].bytes().all(|b| b == b'0')
        });
        if refused {
            continue;
        }
        match name.as_str() {
            "br" => brotli = true,
            "gzip" | "x-gzip" => gzip = true,
            "*" => {
                brotli = true;
                gzip = true;
            }
            _ => {}
        }
    }
    if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

pub fn brotli(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::new();
    // A window no larger than the input: a 4 MiB window for a 20 KiB page only costs time and memory.
    let lgwin = (usize::BITS - bytes.len().max(1).leading_zeros()).clamp(16, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams { quality: quality as i32, lgwin, ..Default::default() };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

/// Below this size compression saves nothing worth a header.
const WORTH_COMPRESSING: usize = 512;

/// A body in every encoding we serve, with its validator.
#[derive(Debug, Clone)]
pub struct Precompressed {
    pub identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
    pub etag: HeaderValue,
}

impl Precompressed {
    /// `brotli_quality`: 11 for assets made once at start, lower for pages.
    pub fn new(body: Bytes, brotli_quality: u32) -> Self {
        let etag = etag_for(&body);
        let (gzip, brotli) = if body.len() >= WORTH_COMPRESSING {
            (Some(Bytes::from(gzip(&body))), Some(Bytes::from(brotli(&body, brotli_quality))))
        } else {
            (None, None)
        };
        Self { identity: body, gzip, brotli, etag }
    }

    /// The bytes to send for `wanted`, and the encoding they are in.
    pub fn pick(&self, wanted: Encoding) -> (Bytes, Encoding) {
        match (wanted, &self.brotli, &self.gzip) {
            (Encoding::Brotli, Some(br), _) => (br.clone(), Encoding::Brotli),
            (Encoding::Brotli | Encoding::Gzip, _, Some(gz)) => (gz.clone(), Encoding::Gzip),
            _ => (self.identity.clone(), Encoding::Identity),
        }
    }

    /// Bytes held, for the cache's memory bound.
    pub fn size(&self) -> usize {
        self.identity.len() + self.gzip.as_ref().map_or(0, Bytes::len) + self.brotli.as_ref().map_or(0, Bytes::len)
    }
}

/// A weak validator (the same for every encoding of one body).
fn etag_for(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    HeaderValue::from_str(&format!("W/\"{hex}\"")).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

/// A short content hash for fingerprinted asset names.
pub fn fingerprint(body: &[u8]) -> String {
    Sha256::digest(body).iter().take(5).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(value: &str) -> HeaderValue {
        HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    #[test]
    fn negotiation_prefers_brotli_and_honours_q_zero() {
        assert_eq!(negotiate(Some(&header("gzip, deflate, br"))), Encoding::Brotli);
        assert_eq!(negotiate(Some(&header("gzip"))), Encoding::Gzip);
        assert_eq!(negotiate(Some(&header("br;q=0, gzip;q=0.5"))), Encoding::Gzip);
        assert_eq!(negotiate(Some(&header("br;q=0.0, gzip; q=0"))), Encoding::Identity);
        assert_eq!(negotiate(Some(&header("identity"))), Encoding::Identity);
        assert_eq!(negotiate(None), Encoding::Identity);
    }

    #[test]
    fn compressed_forms_decode_back() {
        use std::io::Read;
        let body = Bytes::from("<p>hello</p>".repeat(100));
        let page = Precompressed::new(body.clone(), 5);
        let (gz, encoding) = page.pick(Encoding::Gzip);
        assert_eq!(encoding, Encoding::Gzip);
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut decoded).unwrap_or_default();
        assert_eq!(decoded.as_bytes(), &body[..]);
        let (br, encoding) = page.pick(Encoding::Brotli);
        assert_eq!(encoding, Encoding::Brotli);
        let mut decoded = Vec::new();
        let _ = brotli::BrotliDecompress(&mut &br[..], &mut decoded);
        assert_eq!(decoded, body.to_vec());
    }
}
