//! The theme: Jinja templates (minijinja) and static assets. The default
//! theme is compiled into the binary; files in the theme folder given at
//! start (`DATA/themes/templates/*.html`, `DATA/themes/static/*`) replace
//! the built-in ones of the same name, no rebuild needed.

use crate::compress::{Precompressed, fingerprint};
use crate::error::StartError;
use axum::body::Bytes;
use axum::http::HeaderValue;
use minijinja::value::Kwargs;
use minijinja::{Environment, State, Value};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

macro_rules! embedded {
    ($kind:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../themes/default/", $kind, "/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = embedded!("templates":
    "base.html", "macros.html", "front.html", "category.html", "tag.html", "item.html",
    "contact.html", "contact_thanks.html", "error.html", "search.html",
    "admin/base.html", "admin/macros.html", "admin/login.html", "admin/login_code.html", "admin/dashboard.html",
    "admin/items.html", "admin/item_edit.html", "admin/revisions.html", "admin/compare.html", "admin/account.html",
    "admin/mfa.html", "admin/users.html", "admin/audit.html", "admin/categories.html", "admin/tags.html",
    "admin/settings.html", "admin/media.html", "admin/taxonomy_edit.html", "admin/redirects.html",
);

const ASSETS: &[(&str, &str)] =
    embedded!("static": "site.css", "contact.js", "gallery.js", "admin.css", "admin.js", "editor.js");

/// A static file with its fingerprinted URL and compressed forms.
pub struct Asset {
    pub body: Precompressed,
    pub content_type: HeaderValue,
}

pub struct Theme {
    env: Environment<'static>,
    /// Fingerprinted file name (`site.3fa9c1d2e0.css`) to asset.
    assets: HashMap<String, Arc<Asset>>,
    /// The stylesheet before any site's palette is put in front of it.
    site_css: String,
    /// Its address, for sites without a brand colour of their own.
    plain_stylesheet: String,
    /// Stylesheets with a site's palette in front, made on first use.
    branded: std::sync::RwLock<HashMap<pamir_domain::colour::Colour, Branded>>,
}

/// A stylesheet in one brand's palette.
#[derive(Clone)]
struct Branded {
    url: String,
    /// Its fingerprinted file name, as `/assets/{name}` asks for it.
    name: String,
    asset: Arc<Asset>,
}

/// More brand colours than this in memory (a fleet that keeps changing its
/// colours) and the made stylesheets are dropped and made again.
const MAX_BRANDED: usize = 256;

impl Theme {
    pub fn load(override_dir: Option<&Path>) -> Result<Self, StartError> {
        let mut urls = HashMap::new();
        let mut assets = HashMap::new();
        let mut site_css = String::new();
        for (name, builtin) in ASSETS {
            let body = read_override(override_dir, "static", name)?.unwrap_or_else(|| (*builtin).to_owned());
            let fingerprinted = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{}.{ext}", fingerprint(body.as_bytes())),
                None => format!("{name}.{}", fingerprint(body.as_bytes())),
            };
            urls.insert((*name).to_owned(), format!("/assets/{fingerprinted}"));
            let content_type = HeaderValue::from_static(content_type(name));
            if *name == "site.css" {
                site_css = body.clone();
            }
            assets.insert(
                fingerprinted,
                Arc::new(Asset { body: Precompressed::new(Bytes::from(body), 11), content_type }),
            );
        }

        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, builtin) in TEMPLATES {
            let source = read_override(override_dir, "templates", name)?.unwrap_or_else(|| (*builtin).to_owned());
            env.add_template_owned(*name, source).map_err(|e| StartError::Theme(format!("template {name}: {e:#}")))?;
        }
        let urls = Arc::new(urls);
        env.add_function("asset", move |name: &str| -> Result<String, minijinja::Error> {
            urls.get(name).cloned().ok_or_else(|| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("no asset named {name:?}"))
            })
        });
        env.add_function("t", translate);
        env.set_formatter(escape_minimally);
        let plain_stylesheet = format!("/assets/site.{}.css", fingerprint(site_css.as_bytes()));
        Ok(Self { env, assets, site_css, plain_stylesheet, branded: Default::default() })
    }

    /// The URL of the site stylesheet drawn in `brand`'s palette (the
    /// theme's own colours without one, or with one that fails contrast).
    /// One file, so a page still waits for one stylesheet only; the CSP
    /// (`style-src 'self'`) rules out putting the palette inline.
    pub fn stylesheet(&self, brand: Option<pamir_domain::colour::Colour>) -> String {
        let Some((brand, palette)) =
            brand.and_then(|brand| pamir_domain::colour::Palette::from_brand(brand).ok().map(|p| (brand, p)))
        else {
            return self.plain_stylesheet.clone();
        };
        if let Some(url) = self.branded.read().ok().and_then(|made| made.get(&brand).map(|made| made.url.clone())) {
            return url;
        }
        let body = format!("{}\n{}", palette.css(), self.site_css);
        // The colour is in the name, so any node (or this one after a
        // restart) can make the file again when a browser asks for it.
        let name = format!("site.{}.{}.css", fingerprint(body.as_bytes()), &brand.hex()[1..]);
        let url = format!("/assets/{name}");
        let asset = Arc::new(Asset {
            body: Precompressed::new(Bytes::from(body), 11),
            content_type: HeaderValue::from_static(content_type("site.css")),
        });
        if let Ok(mut made) = self.branded.write() {
            if made.len() >= MAX_BRANDED {
                made.clear();
            }
            made.insert(brand, Branded { url: url.clone(), name, asset });
        }
        url
    }

    pub fn render(&self, template: &str, context: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(template)?.render(context)
    }

    pub fn asset(&self, fingerprinted: &str) -> Option<Arc<Asset>> {
        if let Some(asset) = self.assets.get(fingerprinted) {
            return Some(asset.clone());
        }
        let find = || {
            let made = self.branded.read().ok()?;
            made.values().find(|made| made.name == fingerprinted).map(|made| made.asset.clone())
        };
        if let Some(asset) = find() {
            return Some(asset);
        }
        // `site.{fingerprint}.{rrggbb}.css`, not made here yet.
        let colour = fingerprinted.strip_prefix("site.")?.strip_suffix(".css")?.rsplit_once('.')?.1;
        self.stylesheet(Some(pamir_domain::colour::Colour::parse(&format!("#{colour}"))?));
        find()
    }
}

/// `t("key", name=value, ...)`: an interface string in the page's language
/// (the template's `lang` variable).
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let lang = state.lookup("lang").map(|v| v.to_string()).unwrap_or_else(|| "en".to_owned());
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let value = match value.as_i64() {
            Some(number) => fluent_templates::fluent_bundle::FluentValue::from(number),
            None => fluent_templates::fluent_bundle::FluentValue::from(value.to_string()),
        };
        args.push((name, value));
    }
    Ok(crate::i18n::text(&lang, key, &args))
}

/// HTML-escapes what templates print, like minijinja's default but leaving
/// `/` alone: escaping it protects nothing inside quoted attributes or text,
/// and would turn every URL into `&#x2f;` noise that slow links pay for.
fn escape_minimally(out: &mut minijinja::Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if matches!(state.auto_escape(), minijinja::AutoEscape::Html)
        && !value.is_safe()
        && let Some(text) = value.as_str()
    {
        return out.write_str(&crate::markup::escape(text)).map_err(minijinja::Error::from);
    }
    minijinja::escape_formatter(out, state, value)
}

fn read_override(dir: Option<&Path>, kind: &str, name: &str) -> Result<Option<String>, StartError> {
    let Some(dir) = dir else { return Ok(None) };
    let path = dir.join(kind).join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            tracing::info!(path = %path.display(), "theme override");
            Ok(Some(text))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(StartError::Theme(format!("{}: {error}", path.display()))),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
