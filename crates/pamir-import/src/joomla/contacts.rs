//! Joomla's contacts (com_contact): the first published one becomes the
//! site's office contact; when there are more (a country office's other
//! offices, its press officer), all of them are kept on one "Contacts"
//! page, so no address or telephone number is lost in the move.

use super::model::Contact;

/// A contact directory as HTML, one section per contact, in Joomla's order.
pub fn directory_html(contacts: &[&Contact]) -> String {
    let mut html = String::new();
    for contact in contacts {
        html.push_str(&format!("<h2>{}</h2>\n", escape(contact.name.trim())));
        if !contact.position.trim().is_empty() {
            html.push_str(&format!("<p>{}</p>\n", escape(contact.position.trim())));
        }
        if !contact.address_lines.is_empty() {
            let lines: Vec<String> = contact.address_lines.iter().map(|line| escape(line)).collect();
            html.push_str(&format!("<p>{}</p>\n", lines.join("<br>")));
        }
        let mut reach = Vec::new();
        for (label, value) in [("Telephone", &contact.telephone), ("Mobile", &contact.mobile), ("Fax", &contact.fax)] {
            if !value.is_empty() {
                reach.push(format!("{label}: {}", escape(value)));
            }
        }
        if pamir_domain::contact::looks_like_email(&contact.email) {
            let email = escape(&contact.email);
            reach.push(format!("E-mail: <a href=\"mailto:{email}\">{email}</a>"));
        }
        if contact.webpage.starts_with("https://") || contact.webpage.starts_with("http://") {
            let page = escape(&contact.webpage);
            reach.push(format!("<a href=\"{page}\">{page}</a>"));
        }
        if !reach.is_empty() {
            html.push_str(&format!("<p>{}</p>\n", reach.join("<br>")));
        }
        let misc = super::text::clean(&contact.misc).html;
        if !misc.trim().is_empty() {
            html.push_str(&misc);
            html.push('\n');
        }
    }
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contact_keeps_its_ways_to_reach_it() {
        let office = Contact {
            id: 1,
            name: "Khujand office".into(),
            alias: "khujand".into(),
            position: "Field office".into(),
            address_lines: vec!["12 Lenin St".into(), "Khujand".into()],
            telephone: "+992 34 222 00 00".into(),
            mobile: String::new(),
            fax: String::new(),
            email: "khujand@example.org".into(),
            webpage: "javascript:alert(1)".into(),
            misc: "<p>Open <b>Mon–Fri</b></p>".into(),
            published: 1,
            default_contact: false,
            language: "*".into(),
        };
        let html = directory_html(&[&office]);
        assert!(html.contains("<h2>Khujand office</h2>"));
        assert!(html.contains("12 Lenin St<br>Khujand"));
        assert!(html.contains("Telephone: +992 34 222 00 00"));
        assert!(html.contains("mailto:khujand@example.org"));
        assert!(!html.contains("javascript:"), "only web addresses are links");
        assert!(html.contains("<b>Mon–Fri</b>"));
    }
}
