//! Killed mid-write: the binary serves the demo, writers post items through
//! the API as fast as it answers, and the server is killed with SIGKILL
//! while they are at it. After a restart every write it acknowledged is
//! there, whole, and the database passes its integrity check. On SQLite,
//! and on PostgreSQL when `PAMIR_TEST_DATABASE_URL` names a server.
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
    let mut stream = std::net::TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
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
