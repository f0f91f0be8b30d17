//! A save over a version someone else saved meanwhile, merged field by
//! field against the version both started from (its revision): a field
//! only they changed takes their value, a field only this editor changed
//! keeps this editor's, and a teaser or body both changed is joined line
//! by line where the edits do not touch. What
//! cannot be joined stays as this editor typed it, with their version
//! beside it, for the editor to decide; nothing is saved until they do.

use super::form::ItemForm;
use pamir_content::merge::{Merged, three_way};
use serde_json::{Map, Value};

/// What merging found, field by field.
pub struct FormMerge {
    /// This editor's form with the other's changes taken in where they did not collide.
    pub form: ItemForm,
    /// Fields whose value was taken from the other save.
    pub taken: Vec<String>,
    /// Texts both changed, joined line by line.
    pub joined: Vec<String>,
    /// Fields both changed differently, this editor's kept in the form.
    pub both_changed: Vec<BothChanged>,
}

/// A field both saves changed, each side's value as the page shows it.
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub struct BothChanged {
    pub field: String,
    pub theirs: String,
    pub yours: String,
}

/// The form's own bookkeeping, not the item's content.
const NOT_CONTENT: &[&str] = &["version", "action", "csrf", "lang", "group"];

/// Texts that are joined line by line when both changed them.
const TEXTS: &[&str] = &["teaser", "body"];

fn fields(form: &ItemForm) -> Map<String, Value> {
    match serde_json::to_value(form) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A field's value as the page shows it beside the form.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(values) => values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn both(field: &str, theirs: &Value, yours: &Value) -> BothChanged {
    BothChanged { field: field.to_owned(), theirs: shown(theirs), yours: shown(yours) }
}

/// Merges `mine` (as typed) and `theirs` (stored now), both edits of
/// `base`. Without a base (its revision is gone), every field the two
/// differ in counts as changed by both.
pub fn merge(base: Option<&ItemForm>, mine: &ItemForm, theirs: &ItemForm) -> FormMerge {
    let theirs_fields = fields(theirs);
    // A base that agrees with neither side where they differ.
    let base = match base {
        Some(base) => fields(base),
        None => theirs_fields.keys().map(|name| (name.clone(), Value::Null)).collect(),
    };
    let mut merged = fields(mine);
    let (mut taken, mut joined, mut both_changed) = (Vec::new(), Vec::new(), Vec::new());
    for (name, my_value) in merged.iter_mut() {
        if NOT_CONTENT.contains(&name.as_str()) {
            continue;
        }
        let (Some(base_value), Some(their_value)) = (base.get(name), theirs_fields.get(name)) else { continue };
        if my_value == their_value || their_value == base_value {
            continue;
        }
        if my_value == base_value {
            *my_value = their_value.clone();
            taken.push(name.clone());
            continue;
        }
        let texts = (base_value.as_str(), my_value.as_str(), their_value.as_str());
        match texts {
            (Some(b), Some(m), Some(t)) if TEXTS.contains(&name.as_str()) => match three_way(b, m, t) {
                Merged::Clean(text) => {
                    *my_value = Value::String(text);
                    joined.push(name.clone());
                }
                Merged::Overlapping => both_changed.push(both(name, their_value, my_value)),
            },
            _ => both_changed.push(both(name, their_value, my_value)),
        }
    }
    let mut form: ItemForm = serde_json::from_value(Value::Object(merged)).unwrap_or_else(|_| mine.clone());
    // Saving this form is saving over their version, deliberately.
    form.version = theirs.version.clone();
    FormMerge { form, taken, joined, both_changed }
}

/// The translation key of a field's label.
pub fn label_key(field: &str) -> String {
    let key = match field {
        "event_starts_at" => "event-starts",
        "event_ends_at" => "event-ends",
        "event_entries_deadline" => "event-deadline",
        "event_registration_url" => "event-registration",
        "key_figure_value" => "key-figure",
        "tags" => return "admin-section-tags".into(),
        other => return format!("admin-field-{}", other.replace('_', "-")),
    };
    format!("admin-field-{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(title: &str, body: &str, byline: &str) -> ItemForm {
        ItemForm {
            version: "1".into(),
            title: title.into(),
            body: body.into(),
            byline: byline.into(),
            ..ItemForm::default()
        }
    }

    #[test]
    fn each_side_keeps_what_only_it_changed_and_texts_are_joined() {
        let base = form("Water report", "First.\n\nSecond.\n", "Staff");
        let mine = form("Water report", "First, longer.\n\nSecond.\n", "Nigora Karimova");
        let mut theirs = form("Water report 2026", "First.\n\nSecond, longer.\n", "Staff");
        theirs.version = "2".into();
        let merged = merge(Some(&base), &mine, &theirs);
        assert_eq!(merged.form.title, "Water report 2026", "theirs alone changed it");
        assert_eq!(merged.form.byline, "Nigora Karimova", "mine alone changed it");
        assert_eq!(merged.form.body, "First, longer.\n\nSecond, longer.\n");
        assert_eq!(merged.form.version, "2", "saving again saves over their version");
        assert_eq!(merged.taken, ["title"]);
        assert_eq!(merged.joined, ["body"]);
        assert!(merged.both_changed.is_empty());
    }

    #[test]
    fn a_field_both_changed_keeps_mine_and_shows_theirs() {
        let base = form("Water report", "Text.\n", "Staff");
        let mine = form("Water report", "My text.\n", "Me");
        let theirs = form("Water report", "Their text.\n", "Them");
        let merged = merge(Some(&base), &mine, &theirs);
        assert_eq!(merged.form.body, "My text.\n");
        assert_eq!(merged.form.byline, "Me");
        let fields: Vec<&str> = merged.both_changed.iter().map(|b| b.field.as_str()).collect();
        assert_eq!(fields, ["body", "byline"]);
        assert_eq!(merged.both_changed[0].theirs, "Their text.\n");
    }

    #[test]
    fn without_the_base_every_difference_is_shown_and_mine_kept() {
        let mine = form("Water report", "Text.\n", "Me");
        let theirs = form("Water report 2026", "Text.\n", "Me");
        let merged = merge(None, &mine, &theirs);
        assert_eq!(merged.form.title, "Water report");
        let title =
            BothChanged { field: "title".into(), theirs: "Water report 2026".into(), yours: "Water report".into() };
        assert_eq!(merged.both_changed, [title]);
    }

    #[test]
    fn every_field_has_a_label() {
        for field in fields(&ItemForm::default()).keys() {
            if NOT_CONTENT.contains(&field.as_str()) {
                continue;
            }
            let key = label_key(field);
            let said = crate::i18n::text("en", &key, &[]);
            assert_ne!(said, key, "{field} has no label");
        }
    }
}
