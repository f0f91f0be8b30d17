//! Why a WXR file could not be read, with a line and column a user can open the file at.

/// A failure to read a WXR export.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WxrError {
    /// The bytes are not well-formed XML (often: a truncated download).
    #[error("malformed XML at line {line}, column {column}: {message}")]
    Malformed { line: usize, column: usize, message: String },
    /// Well-formed XML, but not a WordPress export (a plain RSS feed, an HTML page...).
    #[error("not a WordPress export (WXR) file: {0}")]
    NotWxr(String),
    /// A value an importer cannot do without (an id) is not what WordPress writes.
    #[error("invalid <{element}> at line {line}: {value:?} is not a whole number")]
    InvalidNumber { line: usize, element: String, value: String },
}

/// 1-based line and column (in characters) of a byte offset, for messages.
///
/// Computed only when an error is reported, so reading a good file never pays for it.
pub(crate) fn line_column(xml: &[u8], offset: usize) -> (usize, usize) {
    let before = &xml[..offset.min(xml.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // Count UTF-8 characters, not bytes: skip continuation bytes.
    let column = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, column)
}

pub(crate) fn line_of(xml: &[u8], offset: usize) -> usize {
    line_column(xml, offset).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let xml = "ab\nçd<x".as_bytes();
        assert_eq!(line_column(xml, 0), (1, 1));
        assert_eq!(line_column(xml, 3), (2, 1));
        let lt = xml.iter().position(|&b| b == b'<').unwrap_or(0);
        assert_eq!(line_column(xml, lt), (2, 3));
    }
}
