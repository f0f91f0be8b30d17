//! URL slugs from titles. Russian and Tajik titles are transliterated to Latin
//! letters so that links survive copy-paste into any chat or e-mail client.

/// Latin letters for a Cyrillic letter, covering Russian and Tajik
/// (ғ gh, ӣ i, қ q, ӯ u, ҳ h, ҷ j, following common Tajik romanisation).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ғ' => "gh",
        'ӣ' => "i",
        'қ' => "q",
        'ӯ' => "u",
        'ҳ' => "h",
        'ҷ' => "j",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

/// Longest slug we make; long enough for any real title's first words.
pub const SLUG_MAX: usize = 80;

/// A lowercase ASCII slug: letters and digits, words joined by single hyphens.
/// Returns an empty string when the title has nothing usable (callers then
/// choose a fallback such as the item's id).
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut pending_hyphen = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let piece = if c.is_ascii_alphanumeric() {
            Some(c.encode_utf8(&mut [0; 4]).to_owned())
        } else {
            transliterate(c).map(str::to_owned)
        };
        match piece {
            Some(piece) if piece.is_empty() => {}
            Some(piece) => {
                if pending_hyphen && !slug.is_empty() {
                    slug.push('-');
                }
                pending_hyphen = false;
                slug.push_str(&piece);
            }
            None => pending_hyphen = true,
        }
        if slug.len() >= SLUG_MAX {
            break;
        }
    }
    slug.truncate(SLUG_MAX);
    slug.trim_end_matches('-').to_owned()
}

/// Whether `text` is a slug as [`slugify`] makes them (editors may type their own).
pub fn is_valid_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= SLUG_MAX
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_titles() {
        assert_eq!(slugify("Film Festival 2026: Call for Entries!"), "film-festival-2026-call-for-entries");
        assert_eq!(slugify("  --Hello---World--  "), "hello-world");
        assert_eq!(slugify("Café in Khujand"), "cafe-in-khujand");
    }

    #[test]
    fn russian_and_tajik_titles() {
        assert_eq!(slugify("Трудовая миграция в цифрах"), "trudovaya-migratsiya-v-tsifrakh");
        assert_eq!(slugify("Ҷавонон ва ҳунар"), "javonon-va-hunar");
        assert_eq!(slugify("Ғизо, қонун, кӯҳ, ӣ"), "ghizo-qonun-kuh-i");
        assert_eq!(slugify("Объявление"), "obyavlenie");
    }

    #[test]
    fn nothing_usable_gives_empty() {
        assert_eq!(slugify("!!! ???"), "");
        assert_eq!(slugify("中文"), "");
    }

    #[test]
    fn long_titles_are_cut_without_trailing_hyphen() {
        let slug = slugify(&"word ".repeat(40));
        assert!(slug.len() <= SLUG_MAX && !slug.ends_with('-') && is_valid_slug(&slug), "{slug}");
    }

    #[test]
    fn validates_typed_slugs() {
        assert!(is_valid_slug("press-releases"));
        for bad in ["", "Press", "a--b", "-a", "a-", "a b", "ру"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
