//! Joomla's contacts: the first published one becomes the site's office
//! contact; when there are more, all of them are kept on a "Contacts" page.

use super::{Loader, lang_of};
use crate::joomla::model::Contact;
use pamir_core::CoreError;
use pamir_core::imports;
use pamir_core::items::{ImportedFrom, ItemInput};
use pamir_domain::taxonomy::CategoryTree;

impl Loader<'_> {
    /// The published contact Joomla showed first becomes the site's office
    /// contact, unless the site has one already; when there are more, all
    /// of them are kept on a "Contacts" page. Old contact addresses lead to
    /// the contact page, or to that page.
    pub(super) async fn contacts(&mut self) -> Result<(), CoreError> {
        let published: Vec<&Contact> = self.joomla.contacts.iter().filter(|c| c.published == 1).collect();
        let Some(office) = published.first() else { return Ok(()) };
        self.office_contact(office).await?;
        let target = if published.len() == 1 {
            format!("/{}/contact", self.options.lang)
        } else {
            match self.contacts_page(&published).await? {
                Some(address) => address,
                None => return Ok(()),
            }
        };
        if self.options.dry_run {
            return Ok(());
        }
        let mut redirects = Vec::new();
        let normalise = pamir_core::redirects::normalise;
        for view in ["featured", "categories"] {
            redirects.push((normalise("/", Some(&format!("option=com_contact&view={view}"))), target.clone()));
        }
        for contact in &published {
            let (id, alias) = (contact.id, &contact.alias);
            for old in [
                normalise("/", Some(&format!("option=com_contact&view=contact&id={id}"))),
                normalise(&format!("/component/contact/contact/{id}-{alias}"), None),
                normalise(&format!("/component/contact/contact/{alias}"), None),
            ] {
                redirects.push((old, target.clone()));
            }
        }
        self.flush(&mut redirects, 0).await
    }

    async fn office_contact(&mut self, office: &Contact) -> Result<(), CoreError> {
        let mut settings = imports::settings(self.core, self.site_id).await?;
        let contact = &settings.contact;
        let empty = contact.address.0.values().all(|a| a.trim().is_empty())
            && contact.phones.is_empty()
            && contact.email.is_none();
        if !empty {
            self.report.unchanged("office contact");
            return Ok(());
        }
        let lang = lang_of(&office.language, &self.options.lang).unwrap_or_else(|| self.options.lang.clone());
        let mut address = office.address_lines.clone();
        if !office.name.trim().is_empty() {
            address.insert(0, office.name.trim().to_owned());
        }
        settings.contact.address.0.insert(lang.to_string(), address.join("\n"));
        settings.contact.phones =
            [&office.telephone, &office.mobile].into_iter().filter(|p| !p.is_empty()).cloned().collect();
        settings.contact.fax = Some(office.fax.clone()).filter(|f| !f.is_empty());
        settings.contact.email = Some(office.email.clone()).filter(|e| pamir_domain::contact::looks_like_email(e));
        self.report.added("office contact");
        if !self.options.dry_run {
            imports::save_settings(self.core, self.site_id, &settings).await?;
        }
        Ok(())
    }

    /// The "Contacts" page (in a top-level "Contacts" category) listing
    /// every published contact; its address, or None in a dry run.
    async fn contacts_page(&mut self, contacts: &[&Contact]) -> Result<Option<String>, CoreError> {
        let lang = self.options.lang.clone();
        let known = self.ledger.known("contacts-page").await?.clone();
        if self.options.dry_run {
            if !known.contains_key("directory") {
                self.report.added("contacts page");
            }
            return Ok(None);
        }
        let tree = CategoryTree::new(imports::categories(self.core, self.site_id, &lang).await?);
        if let Some(item_id) = known.get("directory") {
            self.report.unchanged("contacts page");
            let found = imports::item_addresses(self.core, self.site_id, &[*item_id]).await?;
            return Ok(found
                .first()
                .map(|(_, lang, category, slug)| format!("/{lang}/{}/{slug}", tree.path(*category))));
        }
        let category = match tree.find_by_path(&["contacts"]) {
            Some(existing) => existing.id,
            None => {
                let langs = self.content_langs.clone();
                self.insert_category(None, &langs, "Contacts", "contacts", 0).await?
            }
        };
        let mut input = ItemInput::article(self.site_id, lang.clone(), category, "Contacts");
        input.slug = "directory".into();
        input.body_markdown = crate::markdown::from_html(&crate::joomla::contacts::directory_html(contacts));
        input.imported = Some(ImportedFrom {
            source: self.ledger.source().to_owned(),
            kind: "contacts-page".into(),
            source_id: "directory".into(),
            ..ImportedFrom::default()
        });
        let item = pamir_core::items::create(self.core, input).await?;
        self.report.added("contacts page");
        let tree = CategoryTree::new(imports::categories(self.core, self.site_id, &lang).await?);
        Ok(Some(format!("/{lang}/{}/{}", tree.path(item.category_id), item.slug)))
    }
}
