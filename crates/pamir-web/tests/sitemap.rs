//! `/robots.txt` and `/sitemap.xml` as crawlers read them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_core::items::ItemInput;
use pamir_web::public::sitemap::URLS_PER_FILE;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::TestSite;

/// Checks well-formedness with xmllint when the machine has it (CI does).
fn assert_well_formed(xml: &str) {
    let Ok(mut child) = std::process::Command::new("xmllint")
        .args(["--noout", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: xmllint not found, XML well-formedness not checked");
        return;
    };
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(xml.as_bytes()).expect("write");
    let output = child.wait_with_output().expect("xmllint runs");
    assert!(output.status.success(), "xmllint: {}", String::from_utf8_lossy(&output.stderr));
}

#[tokio::test]
async fn robots_txt_points_to_the_sitemap() {
    let site = TestSite::sqlite().await;
    let robots = site.get_with("/robots.txt", &[("host", "tj.example.org")]).await;
    assert_eq!(robots.status, StatusCode::OK);
    assert!(robots.header("content-type").starts_with("text/plain"));
    assert!(robots.body.contains("Sitemap: http://tj.example.org/sitemap.xml"), "{}", robots.body);
    assert!(robots.body.contains("Disallow: /admin/"));
}

#[tokio::test]
async fn the_sitemap_lists_every_public_page_with_its_languages() {
    for site in TestSite::all().await {
        let en = pamir_domain::Lang::parse("en").expect("en");
        let news = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
        let news = news.iter().find(|c| c.slug == "news").expect("news").id;
        let mut draft = ItemInput::article(site.site, en.clone(), news, "Not yet public");
        draft.state = pamir_domain::ItemState::Draft;
        pamir_core::items::create(&site.core, draft).await.expect("draft");
        let mut later = ItemInput::article(site.site, en, news, "Scheduled for tomorrow");
        later.publish_up = Some(support::demo_day() + chrono::Duration::days(1));
        pamir_core::items::create(&site.core, later).await.expect("scheduled");

        let sitemap = site.get_with("/sitemap.xml", &[("host", "tj.example.org")]).await;
        assert_eq!(sitemap.status, StatusCode::OK, "{}", site.backend);
        assert!(sitemap.header("content-type").starts_with("application/xml"));
        let xml = &sitemap.body;
        assert_well_formed(xml);
        assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"));
        for loc in [
            "http://tj.example.org/en/",
            "http://tj.example.org/tg/",
            "http://tj.example.org/en/news/press-releases/",
            "http://tj.example.org/en/op-eds/remittances-keep-families-afloat",
        ] {
            assert!(xml.contains(&format!("<loc>{loc}</loc>")), "{loc} listed");
        }
        assert!(!xml.contains("not-yet-public") && !xml.contains("scheduled-for-tomorrow"), "only visible items");
        // 31 demo items + 3 front pages + category pages in three languages.
        let urls = xml.matches("<url>").count();
        assert!(urls >= 31 + 3 + 7, "{urls} addresses");

        // The op-ed's entry names its Russian version, and the Russian entry names it back.
        let entry = |loc: &str| -> String {
            let start = xml.find(&format!("<loc>{loc}</loc>")).expect("entry");
            xml[start..].split("</url>").next().expect("url").to_owned()
        };
        let english = entry("http://tj.example.org/en/op-eds/remittances-keep-families-afloat");
        assert!(english.contains("<lastmod>"));
        let ru_href =
            english.split("hreflang=\"ru\" href=\"").nth(1).and_then(|r| r.split('"').next()).expect("ru alternate");
        let russian = entry(ru_href);
        assert!(
            russian
                .contains("hreflang=\"en\" href=\"http://tj.example.org/en/op-eds/remittances-keep-families-afloat\"")
        );
    }
}

#[tokio::test]
async fn sitemap_parts_that_do_not_exist_are_404() {
    let site = TestSite::sqlite().await;
    for path in ["/sitemaps/2.xml", "/sitemaps/0.xml", "/sitemaps/x.xml"] {
        assert_eq!(site.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(site.get("/sitemaps/1.xml").await.status, StatusCode::OK);
}

/// The sitemaps.org 0.9 schema of `<urlset>` (`sitemap.xsd`), as the `sitemap`
/// npm package ships it: a devDependency of tests/browser, so `npm ci --prefix
/// tests/browser` brings it. No package found ships `siteindex.xsd`, the schema
/// of `<sitemapindex>`: see [`Xmllint::assert_valid_index`].
const SITEMAP_XSD: &str = "tests/browser/node_modules/sitemap/schema/sitemap.xsd";

/// sitemap.xsd takes extension elements with a *strict* wildcard, so an
/// `xhtml:link` needs a declaration of its own. The W3C's XHTML schema is not
/// in any package at hand; this declares the one form a sitemap uses (Google's
/// hreflang alternates), with XHTML 1.0's attribute types.
const XHTML_LINK_XSD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xs:element name="link">
    <xs:complexType>
      <xs:attribute name="rel" use="required">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="alternate"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="hreflang" type="xs:language" use="required"/>
      <xs:attribute name="href" type="xs:anyURI" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"#;

/// Sitemaps that must not validate: a `<url>` without `<loc>`, an alternate
/// before `<loc>`, a `lastmod` that is no W3C date, an alternate without
/// `href`. If one passes, the validation checks nothing.
const BROKEN: &[(&str, &str)] = &[
    ("no-loc", "<url><lastmod>2026-11-28</lastmod></url>"),
    (
        "link-first",
        "<url><xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"http://x.example.org/ru/\"/><loc>http://x.example.org/en/</loc></url>",
    ),
    ("bad-lastmod", "<url><loc>http://x.example.org/en/</loc><lastmod>28.11.2026</lastmod></url>"),
    ("no-href", "<url><loc>http://x.example.org/en/</loc><xhtml:link rel=\"alternate\" hreflang=\"ru\"/></url>"),
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `xmllint --schema` with the sitemaps.org schema, in a temporary folder of
/// its own.
struct Xmllint {
    dir: tempfile::TempDir,
    schema: PathBuf,
}

impl Xmllint {
    /// `None` where xmllint or the schema is missing, after saying so, except
    /// under CI, which installs both: there that fails the test.
    fn find() -> Option<Xmllint> {
        let sitemap_xsd = repo_root().join(SITEMAP_XSD);
        let missing = if Command::new("xmllint").arg("--version").output().is_err() {
            Some("xmllint is not installed".to_owned())
        } else if !sitemap_xsd.is_file() {
            Some(format!("{} is missing", sitemap_xsd.display()))
        } else {
            None
        };
        if let Some(missing) = missing {
            let ci = std::env::var_os("CI").is_some();
            assert!(!ci, "CI must validate sitemaps against their schema, but {missing}");
            eprintln!(
                "skipped: sitemap schema validation: {missing} (run `npm ci --prefix tests/browser` and install libxml2-utils)"
            );
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("xhtml-link.xsd"), XHTML_LINK_XSD).expect("write");
        // Like the package's all.xsd, without its imports from the network.
        let schema = dir.path().join("urlset.xsd");
        let sitemap_xsd = sitemap_xsd.canonicalize().expect("schema path");
        std::fs::write(
            &schema,
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{}"/>
  <xs:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="xhtml-link.xsd"/>
</xs:schema>
"#,
                sitemap_xsd.display()
            ),
        )
        .expect("write");
        let xmllint = Xmllint { dir, schema };
        for (name, url) in BROKEN {
            let xml = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{url}\n</urlset>\n"
            );
            assert!(xmllint.validate(&format!("broken-{name}.xml"), &xml).is_err(), "a broken sitemap ({name}) passed");
        }
        Some(xmllint)
    }

    /// xmllint's complaints when `xml` does not validate.
    fn validate(&self, name: &str, xml: &str) -> Result<(), String> {
        let file = self.dir.path().join(name);
        std::fs::write(&file, xml).expect("write");
        let output = Command::new("xmllint")
            .arg("--noout")
            .arg("--nonet")
            .arg("--schema")
            .arg(&self.schema)
            .arg(&file)
            .output()
            .expect("xmllint runs");
        if output.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
    }

    fn assert_valid(&self, name: &str, xml: &str) {
        if let Err(complaints) = self.validate(name, xml) {
            panic!("{name} does not validate against sitemap.xsd:\n{complaints}");
        }
    }

    /// `siteindex.xsd` is not to be had, so: each `<sitemap>` must hold
    /// exactly one `<loc>` (and perhaps a `<lastmod>`), and the same file,
    /// renamed to `<urlset>` of `<url>`s, must pass sitemap.xsd, whose `loc`
    /// and `lastmod` types siteindex.xsd shares.
    fn assert_valid_index(&self, name: &str, xml: &str) {
        let body = xml
            .strip_prefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            )
            .and_then(|rest| rest.strip_suffix("</sitemapindex>\n"))
            .unwrap_or_else(|| panic!("{name} is not a sitemap index: {xml}"));
        for line in body.lines() {
            let inner = line
                .strip_prefix("<sitemap><loc>")
                .and_then(|rest| rest.strip_suffix("</sitemap>"))
                .unwrap_or_else(|| panic!("{name}: not a <sitemap> with a <loc>: {line}"));
            let tail = inner.split_once("</loc>").map(|(_, tail)| tail).unwrap_or_else(|| panic!("{name}: {line}"));
            assert!(
                tail.is_empty() || (tail.starts_with("<lastmod>") && tail.ends_with("</lastmod>")),
                "{name}: {line}"
            );
        }
        let as_urlset = xml
            .replace("<sitemapindex ", "<urlset ")
            .replace("</sitemapindex>", "</urlset>")
            .replace("<sitemap>", "<url>")
            .replace("</sitemap>", "</url>");
        self.assert_valid(name, &as_urlset);
    }
}

/// The `path` of an absolute URL.
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/", |at| &rest[at..])
}

fn locs(xml: &str) -> Vec<&str> {
    xml.split("<loc>").skip(1).filter_map(|rest| rest.split("</loc>").next()).collect()
}

#[tokio::test]
async fn the_sitemap_validates_against_the_sitemaps_org_schema() {
    let Some(xmllint) = Xmllint::find() else { return };
    for site in TestSite::all().await {
        let sitemap = site.get_with("/sitemap.xml", &[("host", "tj.example.org")]).await;
        assert_eq!(sitemap.status, StatusCode::OK, "{}", site.backend);
        let mut urlsets = Vec::new();
        if sitemap.body.contains("<sitemapindex") {
            xmllint.assert_valid_index("sitemap.xml", &sitemap.body);
            for loc in locs(&sitemap.body) {
                let part = site.get_with(path_of(loc), &[("host", "tj.example.org")]).await;
                assert_eq!(part.status, StatusCode::OK, "{loc}");
                urlsets.push((path_of(loc).replace('/', "_"), part.body));
            }
        } else {
            urlsets.push(("sitemap.xml".to_owned(), sitemap.body));
        }
        for (name, xml) in &urlsets {
            assert!(xml.contains("<lastmod>") && xml.contains("<xhtml:link "), "{name} has lastmod and alternates");
            xmllint.assert_valid(name, xml);
        }
    }
}

/// Past 50,000 addresses `/sitemap.xml` becomes an index of files of at most
/// 50,000 each, which together list every address once.
#[tokio::test(flavor = "multi_thread")]
async fn over_50000_addresses_the_sitemap_becomes_an_index() {
    let started = std::time::Instant::now();
    let site = TestSite::sqlite().await;
    let url_count = |xml: &str| xml.matches("<url>").count();
    let demo = url_count(&site.get("/sitemap.xml").await.body);
    // Each seeded item is one more address: a visible article in a category of its language.
    let seeded = pamir_core::seed::seed(&site.core, site.site, URLS_PER_FILE - demo).await.expect("seed");
    assert_eq!(seeded, URLS_PER_FILE - demo);
    let seeded_at = started.elapsed();

    let full = site.get("/sitemap.xml").await;
    assert_eq!(full.status, StatusCode::OK);
    assert!(full.body.contains("<urlset "), "exactly 50,000 addresses still fit one file");
    assert_eq!(url_count(&full.body), URLS_PER_FILE);
    assert_eq!(site.get("/sitemaps/2.xml").await.status, StatusCode::NOT_FOUND);

    pamir_core::seed::seed(&site.core, site.site, 1).await.expect("seed");
    let expected = URLS_PER_FILE + 1;
    let index = site.get("/sitemap.xml").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.header("content-type").starts_with("application/xml"));
    assert!(
        index.body.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
        "{}",
        index.body
    );
    assert!(!index.body.contains("<url>"));
    let parts = locs(&index.body);
    assert_eq!(parts, ["http://localhost/sitemaps/1.xml", "http://localhost/sitemaps/2.xml"]);

    let xmllint = Xmllint::find();
    if let Some(xmllint) = &xmllint {
        xmllint.assert_valid_index("index.xml", &index.body);
    }
    let mut listed = std::collections::HashSet::new();
    let mut total = 0;
    for (n, loc) in parts.iter().enumerate() {
        let part = site.get(path_of(loc)).await;
        assert_eq!(part.status, StatusCode::OK, "{loc}");
        assert!(part.header("content-type").starts_with("application/xml"), "{loc}");
        let urls = url_count(&part.body);
        assert!((1..=URLS_PER_FILE).contains(&urls), "{loc}: {urls} addresses");
        total += urls;
        listed.extend(locs(&part.body).into_iter().map(str::to_owned));
        if let Some(xmllint) = &xmllint {
            xmllint.assert_valid(&format!("part-{}.xml", n + 1), &part.body);
        }
    }
    assert_eq!(total, expected);
    assert_eq!(listed.len(), expected, "every address once");
    assert_eq!(site.get("/sitemaps/3.xml").await.status, StatusCode::NOT_FOUND);
    eprintln!("seeded {} items in {seeded_at:?}; the whole test took {:?}", expected - demo, started.elapsed());
}
