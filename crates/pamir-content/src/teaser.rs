//! Splitting a text at its "read more" mark into teaser and body.

/// The marks that end a teaser: WordPress's `<!--more-->` and Joomla's
/// `<hr id="system-readmore">` (with any attribute order or quoting).
pub fn split_at_read_more(text: &str) -> Option<(&str, &str)> {
    if let Some(at) = text.find("<!--more") {
        let rest = &text[at..];
        let end = rest.find("-->").map_or(rest.len(), |end| end + 3);
        return Some((text[..at].trim_end(), rest[end..].trim_start()));
    }
    let lower = text.to_ascii_lowercase();
    let at = lower.find("system-readmore")?;
    let start = lower[..at].rfind("<hr")?;
    let end = lower[at..].find('>').map(|end| at + end + 1)?;
    Some((text[..start].trim_end(), text[end..].trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_wordpress_and_joomla_marks() {
        assert_eq!(split_at_read_more("Intro\n<!--more-->\nRest"), Some(("Intro", "Rest")));
        assert_eq!(split_at_read_more("Intro<!--more Continue-->Rest"), Some(("Intro", "Rest")));
        assert_eq!(
            split_at_read_more(r#"<p>Intro</p><hr id="system-readmore" /><p>Rest</p>"#),
            Some(("<p>Intro</p>", "<p>Rest</p>"))
        );
        assert_eq!(split_at_read_more("No mark"), None);
    }
}
