//! SVG drawings (logos, diagrams), accepted by writing them again.
//!
//! An SVG file is a document that can carry script, event handlers, links
//! to other sites and entity tricks. pamir never keeps the uploaded bytes:
//! it reads the drawing and writes a new file of the shapes, text and
//! paint it allows, and refuses a file that tries to run or fetch anything,
//! saying what it found. Media are also served with a sandboxing CSP, so
//! even a drawing opened on its own runs nothing.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// The largest SVG accepted: drawings are small; a megabyte is a photo traced to death.
pub const MAX_SVG_BYTES: usize = 1024 * 1024;

/// Elements kept, with their content. Anything else is left out with what it holds
/// (an editor's metadata, `<sodipodi:namedview>`), except what [`REFUSED`] names.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "symbol",
    "use",
];

/// Elements that only serve to run, embed or fetch something: the file is refused.
const REFUSED: &[&str] = &[
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "image",
    "feImage",
    "a",
    "animate",
    "set",
    "style",
    "handler",
    "listener",
];

/// Attributes kept: geometry, paint and text. Others are left out.
const ATTRIBUTES: &[&str] = &[
    "xmlns",
    "xmlns:xlink",
    "version",
    "id",
    "class",
    "viewBox",
    "preserveAspectRatio",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "d",
    "points",
    "transform",
    "fill",
    "fill-opacity",
    "fill-rule",
    "clip-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-miterlimit",
    "opacity",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "clip-path",
    "mask",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "dx",
    "dy",
    "href",
    "xlink:href",
    "visibility",
    "display",
];

/// Why a drawing was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SvgError {
    #[error("This SVG file is {size} bytes; pamir accepts drawings up to 1 MB.")]
    TooBig { size: usize },
    #[error("This SVG file cannot be read as a drawing ({0}). Save it again from a drawing program as plain SVG.")]
    Unreadable(String),
    #[error(
        "This SVG file holds {0}, which could run or load something on the site, so pamir refused it. \
         Save the drawing again as plain SVG (in Inkscape: Save as, Plain SVG), without scripts, links or embedded pictures."
    )]
    Unsafe(String),
    #[error("This SVG file does not say how large it is: give the drawing a viewBox or a width and height.")]
    NoSize,
}

/// A drawing written again from what it was allowed to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSvg {
    pub bytes: Vec<u8>,
    /// Its size as pages lay it out (from `width`/`height`, else the `viewBox`), in CSS pixels.
    pub width: u32,
    pub height: u32,
}

/// Whether `bytes` look like an SVG document (what is sniffed before [`clean`]).
pub fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--")) && text.contains("<svg")
}

/// The drawing in `bytes`, written again with only the allowed elements and
/// attributes, or why it is refused.
pub fn clean(bytes: &[u8]) -> Result<CleanSvg, SvgError> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(SvgError::TooBig { size: bytes.len() });
    }
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(false);
    let mut out = String::with_capacity(bytes.len());
    // The open elements, and whether each is kept (false: left out with its content).
    let mut open: Vec<bool> = Vec::new();
    let mut size = None;
    loop {
        let event = reader.read_event().map_err(|e| SvgError::Unreadable(e.to_string()))?;
        // Inside the root, in no element left out (text around the root is dropped).
        let keeping = open.iter().all(|kept| *kept);
        let inside = keeping && !open.is_empty();
        match event {
            Event::Start(e) => {
                let kept = keeping && start(&e, &mut out, false, open.is_empty(), &mut size)?;
                open.push(kept);
            }
            Event::Empty(e) => {
                if keeping {
                    start(&e, &mut out, true, open.is_empty(), &mut size)?;
                } else {
                    check_refused(&e)?;
                }
            }
            Event::End(e) => {
                if open.pop().unwrap_or(false) && keeping {
                    out.push_str("</");
                    out.push_str(e.name().as_ref());
                    out.push('>');
                }
            }
            Event::Text(t) if inside => out.push_str(&escape(&t.xml10_content())),
            Event::CData(c) if inside => out.push_str(&escape(&c.xml10_content())),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => return Err(SvgError::Unsafe(format!("an entity (&{other};)"))),
                    },
                };
                if inside {
                    out.push_str(&escape(&text));
                }
            }
            Event::DocType(_) => return Err(SvgError::Unsafe("a document type declaration (entities)".into())),
            Event::Eof => break,
            Event::Text(_) | Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    let (width, height) = size.ok_or(SvgError::NoSize)?;
    if !out.starts_with("<svg") {
        return Err(SvgError::Unreadable("its root element is not <svg>".into()));
    }
    Ok(CleanSvg { bytes: out.into_bytes(), width, height })
}

fn name_of(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_owned()
}

fn check_refused(e: &BytesStart<'_>) -> Result<(), SvgError> {
    let name = name_of(e);
    let local = name.rsplit(':').next().unwrap_or(&name);
    if REFUSED.contains(&local) {
        return Err(SvgError::Unsafe(format!("a <{name}> element")));
    }
    Ok(())
}

/// Writes an allowed element's start tag; `false` for one left out.
fn start(
    e: &BytesStart<'_>,
    out: &mut String,
    empty: bool,
    root: bool,
    size: &mut Option<(u32, u32)>,
) -> Result<bool, SvgError> {
    check_refused(e)?;
    let name = name_of(e);
    if root && name != "svg" {
        return Err(SvgError::Unreadable(format!("its root element is <{name}>, not <svg>")));
    }
    if !ELEMENTS.contains(&name.as_str()) {
        return Ok(false);
    }
    out.push('<');
    out.push_str(&name);
    let (mut width, mut height, mut view_box) = (None, None, None);
    for attr in e.attributes() {
        let attr = attr.map_err(|err| SvgError::Unreadable(err.to_string()))?;
        let key = attr.key.as_ref().to_owned();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| SvgError::Unreadable(err.to_string()))?
            .into_owned();
        if key.to_ascii_lowercase().starts_with("on") {
            return Err(SvgError::Unsafe(format!("an event handler ({key})")));
        }
        let lower = value.to_ascii_lowercase();
        if (key == "href" || key == "xlink:href") && !value.starts_with('#') {
            return Err(SvgError::Unsafe(format!("a link to {value:?}")));
        }
        if lower.contains("url(") && !lower.split("url(").skip(1).all(|rest| rest.trim_start().starts_with('#')) {
            return Err(SvgError::Unsafe(format!("a reference to another file ({key}=\"{value}\")")));
        }
        if !ATTRIBUTES.contains(&key.as_str()) {
            continue;
        }
        if root {
            match key.as_str() {
                "width" => width = css_pixels(&value),
                "height" => height = css_pixels(&value),
                "viewBox" => view_box = Some(value.clone()),
                _ => {}
            }
        }
        out.push(' ');
        out.push_str(&key);
        out.push_str("=\"");
        out.push_str(&escape(&value));
        out.push('"');
    }
    if root {
        let from_box = view_box.and_then(|b| {
            let numbers: Vec<f64> =
                b.split([' ', ',']).filter(|n| !n.is_empty()).filter_map(|n| n.parse().ok()).collect();
            (numbers.len() == 4 && numbers[2] > 0.0 && numbers[3] > 0.0).then(|| (numbers[2], numbers[3]))
        });
        *size = match (width, height, from_box) {
            (Some(w), Some(h), _) => Some((w, h)),
            (_, _, Some((w, h))) => Some((w.round().max(1.0) as u32, h.round().max(1.0) as u32)),
            _ => None,
        };
    }
    out.push_str(if empty { "/>" } else { ">" });
    Ok(true)
}

/// `96`, `96px` or `96.5`: whole CSS pixels; `None` for `100%`, `2cm` and the like.
fn css_pixels(value: &str) -> Option<u32> {
    let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
    number.parse::<f64>().ok().filter(|n| *n > 0.0 && *n < 100_000.0).map(|n| n.round().max(1.0) as u32)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOGO: &str = r##"<?xml version="1.0"?>
<!-- made in a drawing program -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="x" viewBox="0 0 96 96">
<sodipodi:namedview pagecolor="#fff"><inner/></sodipodi:namedview>
<title>NAMD &amp; partners</title>
<defs><linearGradient id="g"><stop offset="0" stop-color="#0e4a5c"/></linearGradient></defs>
<circle cx="48" cy="48" r="46" fill="url(#g)" data-x="1"/>
<use href="#g"/>
</svg>"##;

    #[test]
    fn a_plain_drawing_is_written_again_with_what_is_allowed() {
        let clean = clean(LOGO.as_bytes()).expect("accepted");
        let text = String::from_utf8(clean.bytes).expect("utf-8");
        assert_eq!((clean.width, clean.height), (96, 96), "from the viewBox");
        assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 96 96\">"), "{text}");
        assert!(text.contains("<title>NAMD &amp; partners</title>"));
        assert!(
            text.contains("<circle cx=\"48\" cy=\"48\" r=\"46\" fill=\"url(#g)\"/>"),
            "unknown attributes go: {text}"
        );
        assert!(!text.contains("sodipodi") && !text.contains("inner") && !text.contains("<!--"), "{text}");
        assert!(looks_like_svg(LOGO.as_bytes()));
        assert!(!looks_like_svg(b"\x89PNG\r\n"));
    }

    #[test]
    fn drawings_that_run_or_fetch_anything_are_refused_saying_what() {
        let wrap =
            |inner: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">{inner}</svg>");
        for (inner, says) in [
            ("<script>alert(1)</script>", "<script>"),
            ("<g><foreignObject><div/></foreignObject></g>", "<foreignObject>"),
            ("<rect onload=\"alert(1)\"/>", "event handler"),
            ("<use xlink:href=\"https://evil.example/x.svg#a\"/>", "a link to"),
            ("<rect fill=\"url(https://evil.example/p)\"/>", "another file"),
            ("<image href=\"data:image/png;base64,AAAA\"/>", "<image>"),
            ("<style>@import url(https://evil.example)</style>", "<style>"),
            ("<x:script xmlns:x=\"http://www.w3.org/2000/svg\"/>", "<x:script>"),
            ("<metadata><script/></metadata>", "<script>"),
        ] {
            let error = clean(wrap(inner).as_bytes()).expect_err(inner);
            assert!(error.to_string().contains(says), "{inner}: {error}");
        }
        let entity = "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg width=\"1\" height=\"1\">&x;</svg>";
        assert!(matches!(clean(entity.as_bytes()), Err(SvgError::Unsafe(_))));
        assert_eq!(clean(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>"), Err(SvgError::NoSize));
        assert!(matches!(clean(b"<svg><rect></svg>"), Err(SvgError::Unreadable(_))));
        assert!(matches!(clean(b"<html><svg width=\"1\" height=\"1\"/></html>"), Err(SvgError::Unreadable(_))));
    }
}
