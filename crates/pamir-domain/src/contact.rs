//! Messages readers send through the contact form, and the rules they must meet.

/// What a reader typed into the contact form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactMessage {
    pub name: String,
    pub email: String,
    pub message: String,
}

/// A form field and what is wrong with it. `problem` is a key of the
/// interface translations, so the web layer can say it in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: &'static str,
}

pub const NAME_MAX: usize = 200;
pub const EMAIL_MAX: usize = 254;
pub const MESSAGE_MIN: usize = 10;
pub const MESSAGE_MAX: usize = 5000;

impl ContactMessage {
    /// Trims the fields and checks them; returns every problem at once so the
    /// reader can fix them in one go.
    pub fn validate(mut self) -> Result<Self, (Self, Vec<FieldError>)> {
        self.name = self.name.trim().to_owned();
        self.email = self.email.trim().to_owned();
        // Invisible control characters in a message are noise (or an attack on a mail client): drop them.
        self.message = self.message.trim().chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
        let mut errors = Vec::new();
        let name_len = self.name.chars().count();
        if name_len == 0 {
            errors.push(FieldError { field: "name", problem: "error-name-missing" });
        } else if name_len > NAME_MAX {
            errors.push(FieldError { field: "name", problem: "error-name-too-long" });
        } else if self.name.chars().any(char::is_control) {
            errors.push(FieldError { field: "name", problem: "error-name-invalid" });
        }
        if self.email.is_empty() {
            errors.push(FieldError { field: "email", problem: "error-email-missing" });
        } else if !looks_like_email(&self.email) {
            errors.push(FieldError { field: "email", problem: "error-email-invalid" });
        }
        let message_len = self.message.chars().count();
        if message_len < MESSAGE_MIN {
            errors.push(FieldError { field: "message", problem: "error-message-too-short" });
        } else if message_len > MESSAGE_MAX {
            errors.push(FieldError { field: "message", problem: "error-message-too-long" });
        }
        if errors.is_empty() { Ok(self) } else { Err((self, errors)) }
    }
}

/// A deliberately plain check: one `@`, something before it, a dotted domain
/// after it, no spaces or control characters. Whether the mailbox exists only
/// a reply can tell.
pub fn looks_like_email(text: &str) -> bool {
    if text.len() > EMAIL_MAX || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(name: &str, email: &str, text: &str) -> ContactMessage {
        ContactMessage { name: name.into(), email: email.into(), message: text.into() }
    }

    #[test]
    fn accepts_a_proper_message_trimmed() {
        let ok = message("  Aziz ", "aziz@example.org ", "Hello, I have a question about visas.").validate();
        assert_eq!(ok.map(|m| m.name), Ok("Aziz".to_owned()));
    }

    #[test]
    fn reports_every_problem_and_keeps_the_input() {
        let Err((kept, errors)) = message("", "not-an-address", "short").validate() else { panic!("must be refused") };
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("name", "error-name-missing"),
                ("email", "error-email-invalid"),
                ("message", "error-message-too-short")
            ]
        );
        assert_eq!(kept.email, "not-an-address");
    }

    #[test]
    fn control_characters_are_refused_in_names_and_dropped_from_messages() {
        let Err((_, errors)) = message("Aziz\r\nBcc: x@y.z", "a@b.tj", "A proper question here.").validate() else {
            panic!("must be refused")
        };
        assert_eq!(errors[0].problem, "error-name-invalid");
        let ok = message("Aziz", "a@b.tj", "Line one\nline\u{0}two\u{7}.").validate();
        assert_eq!(ok.map(|m| m.message), Ok("Line one\nlinetwo.".to_owned()));
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a@b.tj"));
        for bad in ["a@b", "@b.tj", "a@@b.tj", "a b@c.tj", "a@.tj", "a@b..tj", "a@b.tj."] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
