//! Reading Joomla 3.10's own installation schema and sample sites, written
//! with the `#__` table prefix that Joomla's installer replaces: here with
//! a real one, as a site's database has it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_import::joomla::read_dump;
/// The schema and one sample site as one SQL script, prefix `xyz_`, or
/// `None` (the test is skipped) without the corpora.
fn site_sql(sample: &str) -> Option<String> {
    let schema = pamir_corpora::text("joomla3/joomla.sql")?;
    let sample = pamir_corpora::text(&format!("joomla3/{sample}"))?;
    Some(format!("{schema}\n{sample}").replace("#__", "xyz_"))
}

#[test]
fn the_sample_sites_read_with_their_prefix_found() {
    let (Some(learn), Some(data), Some(blog)) =
        (site_sql("sample_learn.sql"), site_sql("sample_data.sql"), site_sql("sample_blog.sql"))
    else {
        return;
    };
    let tables = read_dump(&learn, None).unwrap();
    assert_eq!(tables.prefix, "xyz_");
    let count = |name: &str| tables.records(name).count();
    assert_eq!(count("content"), 67);
    assert_eq!(count("categories"), 62);
    assert_eq!(count("contact_details"), 8);
    assert_eq!(count("users"), 0, "the installer, not the schema, makes the first user");
    assert!(tables.has("users"), "the schema creates the users table");
    let article = tables.records("content").find(|r| r.int("id") == 24).unwrap();
    assert!(!article.text("title").is_empty());
    assert!(article.text("introtext").starts_with('<'), "{}", article.text("introtext"));

    let data = read_dump(&data, Some("xyz_")).unwrap();
    assert!(data.records("tags").count() > 1);
    assert!(data.records("contentitem_tag_map").count() > 0);
    let blog = read_dump(&blog, None).unwrap();
    assert!(blog.records("content").count() > 0);
}
