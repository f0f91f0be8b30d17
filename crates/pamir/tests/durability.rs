//! Killed mid-write: the binary serves the demo, writers post items through
//! the API as fast as it answers, and the server is killed with SIGKILL
//! while they are at it. After a restart every write it acknowledged is
//! there, whole, and the database passes its integrity check. On SQLite,
//! and on PostgreSQL when `PAMIR_TEST_DATABASE_URL` names a server.
//!
//! The same for media uploads, whose files go to the store before their row
//! commits: after the kill and `pamir media clean-up`, every row has its
//! files and every file its row. Likewise a WordPress import, which a rerun
//! finishes without a duplicate; and an upload over the size limit is
//! refused as it arrives, so a sender of endless bytes costs the server
//! no more than the limit.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_db::testing::TestDatabase;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Writes acknowledged before the kill; enough to be sure it comes mid-stream.
const ACKNOWLEDGED_BEFORE_KILL: usize = 40;

fn pamir() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pamir"));
    command.env_remove("PAMIR_DATABASE").env_remove("PAMIR_DATA").env_remove("PAMIR_CONFIG").env_remove("PAMIR_LISTEN");
    command.env("PAMIR_LOG", "warn");
    command
}

/// Starts `pamir serve` and waits for the address it announces.
fn serve(database: &str, data: &std::path::Path) -> (Child, String) {
    let mut child = pamir()
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--database", database, "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    for _ in 0..20 {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if let Some(rest) = line.strip_prefix("pamir is serving http://") {
            let address = rest.split('/').next().expect("address").to_owned();
            // Keep reading its output, so that it never blocks on a full pipe.
            std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
            return (child, address);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server announced no address");
}

/// One HTTP/1.1 request on its own connection: (status, body), or None
/// when the connection broke.
fn request(address: &str, method: &str, path: &str, token: &str, body: &str) -> Option<(u16, String)> {
    send(address, method, path, token, "application/json", body.as_bytes())
}

fn send(address: &str, method: &str, path: &str, token: &str, kind: &str, body: &[u8]) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    Some((status, body))
}

fn token_for(database: &str, data: &std::path::Path) -> String {
    let add = pamir()
        .args(["user", "add", "--email", "writer@example.org", "--role", "editor", "--database", database, "--data"])
        .arg(data)
        .output()
        .expect("user add");
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    let created = pamir()
        .args(["token", "create", "--email", "writer@example.org", "--database", database, "--data"])
        .arg(data)
        .output()
        .expect("token create");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    String::from_utf8_lossy(&created.stdout).lines().nth(1).expect("the token").trim().to_owned()
}

/// SQLite's own check of every page and index; on PostgreSQL, that no row
/// lost what it refers to.
async fn integrity(database: &TestDatabase) -> String {
    let db = pamir_db::connect(&database.url).await.expect("reopens");
    let orphans = "SELECT COUNT(*) FROM items WHERE group_id NOT IN (SELECT id FROM item_groups) \
                   OR category_id NOT IN (SELECT id FROM categories)";
    match &db {
        pamir_db::Db::Sqlite(pool) => {
            let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await.expect("check");
            let lost: i64 = sqlx::query_scalar(orphans).fetch_one(pool).await.expect("orphans");
            format!("{check}, {lost} orphans")
        }
        pamir_db::Db::Postgres(pool) => {
            let lost: i64 = sqlx::query_scalar(orphans).fetch_one(pool).await.expect("orphans");
            format!("ok, {lost} orphans")
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_acknowledged_write_survives_a_kill_in_the_middle_of_writing() {
    for database in TestDatabase::all().await {
        let data = tempfile::tempdir().expect("dir");
        let token = token_for(&database.url, data.path());
        let (mut server, address) = serve(&database.url, data.path());
        let db = pamir_db::connect(&database.url).await.expect("database");
        let en = pamir_domain::Lang::parse("en").expect("en");
        let category = pamir_db::categories::list(&db, 1, &en).await.expect("categories")[0].id;

        // Two writers, each posting items as fast as the server answers.
        let acknowledged: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..2)
            .map(|writer| {
                let (address, token, acknowledged, stop) =
                    (address.clone(), token.clone(), acknowledged.clone(), stop.clone());
                std::thread::spawn(move || {
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        n += 1;
                        let title = format!("Durable {writer}-{n}");
                        let body = serde_json::json!({
                            "lang": "en", "kind": "article", "category_id": category, "title": title,
                            "body_markdown": format!("The text of {title}, every word of it."),
                        })
                        .to_string();
                        match request(&address, "POST", "/api/v1/items", &token, &body) {
                            Some((201, answer)) => {
                                let id = serde_json::from_str::<serde_json::Value>(&answer).expect("JSON")["id"]
                                    .as_i64()
                                    .expect("id");
                                acknowledged.lock().expect("lock").push((id, title));
                            }
                            Some((status, answer)) => panic!("{status}: {answer}"),
                            None => break,
                        }
                    }
                })
            })
            .collect();
        let started = Instant::now();
        while acknowledged.lock().expect("lock").len() < ACKNOWLEDGED_BEFORE_KILL {
            assert!(started.elapsed() < Duration::from_secs(60), "the writers got too few answers");
            std::thread::sleep(Duration::from_millis(5));
        }
        server.kill().expect("SIGKILL");
        server.wait().expect("gone");
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            writer.join().expect("writer");
        }
        let acknowledged = acknowledged.lock().expect("lock").clone();
        assert!(acknowledged.len() >= ACKNOWLEDGED_BEFORE_KILL);

        assert_eq!(integrity(&database).await, "ok, 0 orphans", "{}", database.backend);
        let (mut again, address) = serve(&database.url, data.path());
        let health = request(&address, "GET", "/healthz", "", "").expect("answers");
        assert_eq!(health.0, 200, "{}: restarts", database.backend);
        for (id, title) in &acknowledged {
            let item = pamir_db::items::find_by_id(&db, 1, *id).await.expect("db");
            let item = item.unwrap_or_else(|| panic!("{}: acknowledged item {id} is gone", database.backend));
            assert_eq!(&item.title, title);
            assert_eq!(item.body_markdown, format!("The text of {title}, every word of it."), "whole");
            assert!(item.body_html.contains("every word of it"), "rendered as stored");
        }
        eprintln!(
            "{}: {} writes acknowledged before SIGKILL, all there after the restart",
            database.backend,
            acknowledged.len()
        );
        again.kill().expect("stop");
        again.wait().expect("gone");
        db.close().await;
    }
}

/// A photograph-sized PNG of noise (which compresses badly, like a photo),
/// so that each upload spends a while rendering and writing its files.
fn photo(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let image = image::RgbImage::from_fn(1600, 1000, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [r, g, b, _] = state.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut png = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).expect("PNG");
    png
}

/// Every file under `root`, as store keys (`2026/12/abcd-photo.jpg`), the
/// hidden half-written ones included.
fn files_under(root: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// Every file the media rows name: originals and renditions.
async fn files_in_rows(db: &pamir_db::Db) -> Vec<String> {
    let sql = "SELECT path FROM media UNION SELECT path FROM media_renditions ORDER BY path";
    match db {
        pamir_db::Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.expect("paths"),
        pamir_db::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.expect("paths"),
    }
}

/// Kills per database, at different moments of an upload's work: half as
/// soon as a new file shows in the store (between its files and its row),
/// half after a delay (decoding, rendering, committing).
const UPLOAD_KILLS: u64 = 4;

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_killed_midway_leaves_no_file_without_its_row_and_no_row_without_its_files() {
    let photos: Arc<Vec<Vec<u8>>> = Arc::new((0..4).map(photo).collect());
    for database in TestDatabase::all().await {
        let data = tempfile::tempdir().expect("dir");
        let token = token_for(&database.url, data.path());
        let db = pamir_db::connect(&database.url).await.expect("database");
        let media = data.path().join("media");
        let (mut acknowledged_in_all, mut left_behind) = (0, 0);
        for kill in 0..UPLOAD_KILLS {
            let moment = if kill % 2 == 0 { KillAt::FilesAppear(media.clone()) } else { KillAt::After(kill * 40) };
            acknowledged_in_all += upload_until_killed(&database.url, data.path(), &token, &photos, moment);
            let on_disk = files_under(&media);
            let in_rows = files_in_rows(&db).await;
            for path in &in_rows {
                assert!(on_disk.contains(path), "{}: a row names {path}, which is not stored", database.backend);
            }
            left_behind += on_disk.iter().filter(|path| !in_rows.contains(path)).count();
            let cleaned = pamir()
                .args(["media", "clean-up", "--older-than", "0", "--database", &database.url, "--data"])
                .arg(data.path())
                .output()
                .expect("clean-up");
            assert!(cleaned.status.success(), "{}", String::from_utf8_lossy(&cleaned.stderr));
            assert_eq!(
                files_under(&media),
                in_rows,
                "{}: after the clean-up, the files the rows name",
                database.backend
            );
        }
        eprintln!(
            "{}: {UPLOAD_KILLS} kills during uploads, {acknowledged_in_all} uploads acknowledged, all with their \
             files; {left_behind} files of unfinished uploads found and removed by the clean-up",
            database.backend,
        );
        db.close().await;
    }
}

enum KillAt {
    /// As soon as the media folder holds more files than it did.
    FilesAppear(std::path::PathBuf),
    /// This many milliseconds later.
    After(u64),
}

/// Serves, uploads photos from two clients until two were acknowledged,
/// kills the server at `moment`; returns the uploads acknowledged.
fn upload_until_killed(
    database: &str,
    data: &std::path::Path,
    token: &str,
    photos: &Arc<Vec<Vec<u8>>>,
    moment: KillAt,
) -> usize {
    let (mut server, address) = serve(database, data);
    let acknowledged = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let uploaders: Vec<_> = (0..2)
        .map(|uploader| {
            let (address, token, photos, acknowledged, stop) =
                (address.clone(), token.to_owned(), photos.clone(), acknowledged.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let path = format!("/api/v1/media?name=photo-{uploader}-{n}.png&alt_en=A+photo");
                    let png = &photos[n % photos.len()];
                    match send(&address, "POST", &path, &token, "application/octet-stream", png) {
                        Some((201, _)) => {
                            acknowledged.fetch_add(1, Ordering::Relaxed);
                        }
                        Some((status, answer)) => panic!("{status}: {answer}"),
                        None => break,
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acknowledged.load(Ordering::Relaxed) < 2 {
        assert!(started.elapsed() < Duration::from_secs(120), "the uploads got too few answers");
        std::thread::sleep(Duration::from_millis(5));
    }
    match moment {
        KillAt::FilesAppear(media) => {
            let before = files_under(&media).len();
            while files_under(&media).len() <= before && started.elapsed() < Duration::from_secs(120) {
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        KillAt::After(ms) => std::thread::sleep(Duration::from_millis(ms)),
    }
    server.kill().expect("SIGKILL");
    server.wait().expect("gone");
    stop.store(true, Ordering::Relaxed);
    for uploader in uploaders {
        uploader.join().expect("uploader");
    }
    acknowledged.load(Ordering::Relaxed)
}

/// Posts in the export the import test writes: enough that the import is
/// still running when it is killed.
const POSTS: usize = 1500;

fn export_of_many_posts() -> String {
    let mut wxr = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old office</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
"#,
    );
    for n in 1..=POSTS {
        let category = ["News", "Stories", "Press releases"][n % 3];
        wxr.push_str(&format!(
            r#"<item><title>Post {n} from the old site</title><link>https://old.example.org/post-{n}/</link>
<dc:creator>ann</dc:creator><category domain="category" nicename="c{}"><![CDATA[{category}]]></category>
<category domain="post_tag" nicename="t{}"><![CDATA[Tag {}]]></category>
<content:encoded><![CDATA[<p>The body of post {n}, <strong>every word</strong> of it.</p><h2>More</h2><p>Second paragraph.</p>]]></content:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_name>post-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
"#,
            n % 3,
            n % 20,
            n % 20
        ));
    }
    wxr.push_str("</channel></rss>\n");
    wxr
}

async fn count(db: &pamir_db::Db, sql: &'static str) -> i64 {
    match db {
        pamir_db::Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect("count"),
        pamir_db::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect("count"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_killed_midway_finishes_on_a_rerun_without_duplicates() {
    let folder = tempfile::tempdir().expect("dir");
    let export = folder.path().join("export.xml");
    std::fs::write(&export, export_of_many_posts()).expect("export");
    for database in TestDatabase::all().await {
        let data = tempfile::tempdir().expect("dir");
        let import = || {
            let mut command = pamir();
            command.args(["import", "wxr", "--database", &database.url, "--data"]).arg(data.path()).arg(&export);
            command.stdout(Stdio::null()).stderr(Stdio::piped());
            command
        };
        // Migrations first, so that the counting below has tables to count.
        let db = {
            let mut first = import().spawn().expect("imports");
            let started = Instant::now();
            let db = loop {
                if let Ok(db) = pamir_db::connect(&database.url).await {
                    break db;
                }
                assert!(started.elapsed() < Duration::from_secs(60), "no database");
            };
            let mut items = 0;
            while items < 100 {
                assert!(first.try_wait().expect("status").is_none(), "the import ended before it was killed");
                assert!(started.elapsed() < Duration::from_secs(120), "the import wrote too few items");
                std::thread::sleep(Duration::from_millis(10));
                items = count(&db, "SELECT COUNT(*) FROM items").await;
            }
            first.kill().expect("SIGKILL");
            first.wait().expect("gone");
            db
        };
        let killed_at = count(&db, "SELECT COUNT(*) FROM items").await;
        assert!(killed_at < POSTS as i64, "{}: killed midway", database.backend);
        assert_eq!(integrity(&database).await, "ok, 0 orphans", "{}", database.backend);

        let rerun = import().output().expect("reruns");
        assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
        let posts = POSTS as i64;
        assert_eq!(count(&db, "SELECT COUNT(*) FROM items").await, posts, "{}: every post once", database.backend);
        assert_eq!(count(&db, "SELECT COUNT(DISTINCT title) FROM items").await, posts, "{}", database.backend);
        let whole =
            "SELECT COUNT(*) FROM items WHERE body_html LIKE '%every word%' AND body_html LIKE '%Second paragraph%'";
        assert_eq!(count(&db, whole).await, posts, "{}: every body whole", database.backend);
        // The three categories of the posts, and the importer's own two (for posts without one, and pages).
        assert_eq!(count(&db, "SELECT COUNT(*) FROM categories").await, 5, "{}: no category twice", database.backend);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM tags").await, 20, "{}: no tag twice", database.backend);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM item_tags").await, posts, "{}: one tag a post", database.backend);
        assert_eq!(integrity(&database).await, "ok, 0 orphans", "{}", database.backend);
        eprintln!(
            "{}: import killed after {killed_at} of {POSTS} posts; the rerun finished it, each post once",
            database.backend
        );
        db.close().await;
    }
}

/// Streams an upload of `total` bytes in chunks, without saying its size
/// up front; returns the status the server answered and how many bytes it
/// had taken by then.
fn stream_upload(address: &str, token: &str, total: usize) -> (u16, usize) {
    let mut stream = std::net::TcpStream::connect(address).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let head = format!(
        "POST /api/v1/media?name=big.png&alt_en=Big HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("head");
    let mut reader = stream.try_clone().expect("clone");
    let answer = std::thread::spawn(move || {
        let mut response = Vec::new();
        let _ = reader.read_to_end(&mut response);
        String::from_utf8_lossy(&response).split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
    });
    let chunk = vec![0x89_u8; 256 * 1024];
    let mut sent = 0;
    while sent < total {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
        if stream.write_all(&framed).is_err() {
            break;
        }
        sent += chunk.len();
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    (answer.join().expect("reader"), sent)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_over_the_limit_is_refused_while_it_arrives_not_after() {
    let database = TestDatabase::sqlite();
    let data = tempfile::tempdir().expect("dir");
    let token = token_for(&database.url, data.path());
    let (mut server, address) = serve(&database.url, data.path());
    let limit = pamir_web::admin::media::MAX_UPLOAD_BYTES;

    // Declared too large: refused before a byte of the body is read.
    let declared = format!("{}", 10 * limit);
    let mut stream = std::net::TcpStream::connect(&address).expect("connects");
    let head = format!(
        "POST /api/v1/media HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("head");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("answer");
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");

    // Not declared: refused once the limit is passed, long before the sender stops.
    let total = 20 * limit;
    let (status, sent) = stream_upload(&address, &token, total);
    assert_eq!(status, 413);
    assert!(sent < 3 * limit, "the server took {sent} bytes of a refused {total}-byte upload");
    eprintln!("a {} MB upload streamed without a size: refused after {} MB", total >> 20, sent >> 20);
    server.kill().expect("stop");
    server.wait().expect("gone");
}
