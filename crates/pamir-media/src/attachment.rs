//! Files that are not pictures: audio, video and documents, kept as they
//! were sent (there is nothing to re-encode them into), but only when their
//! first bytes say they are what their name says. The type a file is served
//! with comes from here, never from its name alone, and no type a browser
//! would run (HTML, SVG, scripts) is among them.

/// What kind of file an attachment is, which decides how pages show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    Audio,
    Video,
    Document,
}

/// An accepted attachment: its type and the extension it is stored with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentType {
    pub mime: &'static str,
    pub extension: &'static str,
    pub kind: AttachmentKind,
}

/// The largest attachment accepted (a short video; longer ones belong on a
/// video host).
pub const MAX_ATTACHMENT_BYTES: usize = 200 * 1024 * 1024;

const fn of(mime: &'static str, extension: &'static str, kind: AttachmentKind) -> AttachmentType {
    AttachmentType { mime, extension, kind }
}

/// The attachment type of `bytes` named `file_name`, when pamir accepts it.
pub fn sniff_attachment(bytes: &[u8], file_name: &str) -> Option<AttachmentType> {
    use AttachmentKind::{Audio, Document, Video};
    let extension = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let ext = extension.as_str();
    if starts(b"%PDF-") {
        return Some(of("application/pdf", "pdf", Document));
    }
    if starts(b"ID3") || (bytes.len() > 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0 && ext == "mp3") {
        return Some(of("audio/mpeg", "mp3", Audio));
    }
    if starts(b"OggS") {
        return Some(match ext {
            "ogv" => of("video/ogg", "ogv", Video),
            "opus" => of("audio/ogg", "opus", Audio),
            _ => of("audio/ogg", "ogg", Audio),
        });
    }
    if starts(b"fLaC") {
        return Some(of("audio/flac", "flac", Audio));
    }
    if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WAVE" {
        return Some(of("audio/wav", "wav", Audio));
    }
    if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some(if ext == "weba" { of("audio/webm", "weba", Audio) } else { of("video/webm", "webm", Video) });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Some(match (brand, ext) {
            (b"qt  ", _) | (_, "mov") => of("video/quicktime", "mov", Video),
            (b"M4A ", _) | (_, "m4a") => of("audio/mp4", "m4a", Audio),
            (_, "m4v") => of("video/mp4", "m4v", Video),
            _ => of("video/mp4", "mp4", Video),
        });
    }
    if starts(b"PK\x03\x04") {
        let office = match ext {
            "docx" => of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Document),
            "xlsx" => of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", Document),
            "pptx" => of("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", Document),
            "odt" => of("application/vnd.oasis.opendocument.text", "odt", Document),
            "ods" => of("application/vnd.oasis.opendocument.spreadsheet", "ods", Document),
            "odp" => of("application/vnd.oasis.opendocument.presentation", "odp", Document),
            "zip" => of("application/zip", "zip", Document),
            _ => return None,
        };
        return Some(office);
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return match ext {
            "doc" => Some(of("application/msword", "doc", Document)),
            "xls" => Some(of("application/vnd.ms-excel", "xls", Document)),
            "ppt" => Some(of("application/vnd.ms-powerpoint", "ppt", Document)),
            _ => None,
        };
    }
    if starts(b"{\\rtf") {
        return Some(of("application/rtf", "rtf", Document));
    }
    None
}

/// What a reader is told a file is: "PDF, 1.2 MB".
pub fn describe(attachment: &AttachmentType, byte_size: usize) -> String {
    let size = if byte_size >= 1024 * 1024 {
        format!("{:.1} MB", byte_size as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", byte_size.div_ceil(1024).max(1))
    };
    format!("{}, {size}", attachment.extension.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_known_by_their_bytes_not_their_names() {
        let mp4 = b"\0\0\0\x18ftypisom\0\0\0\0";
        assert_eq!(sniff_attachment(b"%PDF-1.7\n", "report.pdf").map(|t| t.mime), Some("application/pdf"));
        assert_eq!(sniff_attachment(b"ID3\x04\0", "talk.mp3").map(|t| t.kind), Some(AttachmentKind::Audio));
        assert_eq!(sniff_attachment(mp4, "clip.mp4").map(|t| t.mime), Some("video/mp4"));
        assert_eq!(sniff_attachment(mp4, "clip.mov").map(|t| t.mime), Some("video/quicktime"));
        assert_eq!(sniff_attachment(b"PK\x03\x04rest", "plan.docx").map(|t| t.extension), Some("docx"));
        assert_eq!(sniff_attachment(b"PK\x03\x04rest", "plan.jar"), None, "a zip of unknown use");
        assert_eq!(sniff_attachment(b"<html><script>", "report.pdf"), None, "named PDF, but HTML");
        assert_eq!(sniff_attachment(b"<svg onload=alert(1)>", "x.svg"), None);
        assert_eq!(sniff_attachment(b"\xFF\xFB\x90", "noise.bin"), None, "a frame sync alone needs its name");
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        let pdf = sniff_attachment(b"%PDF-", "a.pdf").unwrap_or_else(|| unreachable!());
        assert_eq!(describe(&pdf, 1_258_291), "PDF, 1.2 MB");
        assert_eq!(describe(&pdf, 300), "PDF, 1 KB");
    }
}
