//! The `pamir` binary as an operator meets it: clear refusals of bad
//! configuration, a demo that starts and stops cleanly, the seeder.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

fn pamir() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pamir"));
    command.env_remove("PAMIR_DATABASE").env_remove("PAMIR_DATA").env_remove("PAMIR_CONFIG").env_remove("PAMIR_LISTEN");
    command.env("PAMIR_LOG", "warn");
    command
}

fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("pamir runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn an_unsupported_database_url_is_refused_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) =
        run(pamir().args(["serve", "--database", "mysql://root@localhost/x", "--data"]).arg(data.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("--database must be sqlite://PATH or postgres://"), "{stderr}");
}

#[test]
fn a_bad_listen_address_is_refused_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) = run(pamir().args(["serve", "--listen", "not-an-address", "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("--listen must be an address such as 127.0.0.1:8080"), "{stderr}");
}

#[test]
fn a_config_file_with_an_unknown_key_is_refused_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let config = data.path().join("pamir.toml");
    std::fs::write(&config, "databse = \"sqlite://x.db\"\n").expect("write");
    let (code, _, stderr) = run(pamir().arg("--config").arg(&config).arg("serve"));
    assert_eq!(code, 2);
    assert!(stderr.contains("is not valid") && stderr.contains("databse"), "{stderr}");
    let (code, _, stderr) = run(pamir().args(["--config", "/no/such/file.toml", "serve"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read the configuration file"), "{stderr}");
}

#[test]
fn the_demo_serves_and_stops_gracefully_on_sigterm() {
    let data = tempfile::tempdir().expect("dir");
    let mut child = pamir()
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut address = None;
    let mut seen = String::new();
    for _ in 0..5 {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
        if let Some(rest) = line.strip_prefix("pamir is serving http://") {
            address = rest.split('/').next().map(str::to_owned);
            break;
        }
    }
    let address = address.unwrap_or_else(|| panic!("no address announced: {seen}"));
    assert!(seen.contains("Demo mission site loaded"), "{seen}");

    let mut stream = std::net::TcpStream::connect(&address).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    stream.write_all(b"GET /en/ HTTP/1.0\r\nHost: localhost\r\n\r\n").expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    assert!(response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("<html lang=\"en\">"));
    assert!(data.path().join("pamir.db").exists(), "SQLite in the data folder");

    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let exit = child.wait().expect("exits");
    let mut rest = String::new();
    let _ = stdout.read_to_string(&mut rest);
    assert!(exit.success(), "exit status {exit:?}");
    assert!(rest.contains("pamir stopped."), "{rest}");
}

#[test]
fn seed_adds_synthetic_articles_to_the_demo() {
    let data = tempfile::tempdir().expect("dir");
    let (code, stdout, stderr) = run(pamir().args(["seed", "--articles", "120", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Seeded 120 articles"), "{stdout}");
    let (code, stdout, _) = run(pamir().arg("--data").arg(data.path()).args(["seed", "--articles", "30"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("Seeded 30 articles"), "global options go before the command too: {stdout}");
}

#[test]
fn user_add_prints_a_generated_password_once_or_reads_one_from_stdin() {
    let data = tempfile::tempdir().expect("dir");
    let (code, stdout, stderr) =
        run(pamir().args(["user", "add", "--email", "Ana@Example.org", "--role", "editor", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Added ana@example.org (editor)."), "{stdout}");
    let password = stdout.split("Password (shown only now): ").nth(1).map(str::trim).expect("a password");
    assert_eq!(password.len(), 20);

    let mut child = pamir()
        .args(["user", "add", "--email", "bahrom@example.org", "--role", "author", "--password-stdin", "--data"])
        .arg(data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"a long pass phrase for bahrom\n").expect("write");
    let output = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("Added bahrom@example.org (author).") && !stdout.contains("Password"), "{stdout}");
}

#[test]
fn user_add_refuses_bad_input_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let cases: [(&[&str], &str); 3] = [
        (
            &["--email", "ana@example.org", "--role", "root"],
            "unknown role \"root\": choose administrator, editor, author or translator",
        ),
        (&["--email", "not-an-address", "--role", "editor"], "is not an e-mail address"),
        (&["--email", "ana@example.org", "--role", "editor", "--password-stdin"], "no password on standard input"),
    ];
    for (args, message) in cases {
        let (code, _, stderr) =
            run(pamir().args(["user", "add"]).args(args).arg("--data").arg(data.path()).stdin(Stdio::null()));
        assert_ne!(code, 0, "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    run(pamir().args(["user", "add", "--email", "ana@example.org", "--role", "editor", "--data"]).arg(data.path()));
    let (code, _, stderr) =
        run(pamir().args(["user", "add", "--email", "ANA@example.org", "--role", "editor", "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("A user with the address ana@example.org already exists."), "{stderr}");
}

#[test]
fn the_demo_prints_an_administrators_sign_in() {
    let data = tempfile::tempdir().expect("dir");
    let mut child = pamir()
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut admin_line = String::new();
    for line in lines.by_ref().map_while(Result::ok) {
        if line.starts_with("Admin:") {
            admin_line = line;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        admin_line.starts_with("Admin: sign in at /admin/ as admin@example.org with the password "),
        "{admin_line}"
    );
}

#[test]
fn tokens_are_created_listed_and_revoked_from_the_console() {
    let data = tempfile::tempdir().expect("dir");
    run(pamir().args(["user", "add", "--email", "api@example.org", "--role", "editor", "--data"]).arg(data.path()));
    let (code, stdout, stderr) = run(pamir()
        .args(["token", "create", "--email", "api@example.org", "--name", "newsroom", "--data"])
        .arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    let token = stdout.lines().nth(1).expect("the token line");
    assert!(token.starts_with("pamir_") && token.len() == 70, "{token}");
    let (_, listed, _) = run(pamir().args(["token", "list", "--email", "api@example.org", "--data"]).arg(data.path()));
    assert!(listed.contains("live") && listed.contains("newsroom") && !listed.contains(token), "{listed}");
    let id = listed.split('\t').next().expect("id").trim().to_owned();
    let (code, out, _) = run(pamir().args(["token", "revoke", "--id", &id, "--data"]).arg(data.path()));
    assert_eq!(code, 0);
    assert!(out.contains("revoked"));
    let (code, _, stderr) = run(pamir().args(["token", "revoke", "--id", &id, "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("no live token has the id"), "{stderr}");
    let (code, _, stderr) =
        run(pamir().args(["token", "create", "--email", "nobody@example.org", "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("no user has the address nobody@example.org"), "{stderr}");
}

#[test]
fn reindex_rebuilds_the_search_index() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) = run(pamir().args(["seed", "--articles", "20", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(pamir().args(["reindex", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Search index rebuilt: 51 published of 51 items"), "{stdout}");
}

#[test]
fn import_wxr_reports_and_refuses_bad_files_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) = run(pamir().args(["import", "wxr", "/no/such/export.xml", "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("cannot read /no/such/export.xml"), "{stderr}");
    let html = data.path().join("page.xml");
    std::fs::write(&html, "<html><body>not an export</body></html>").expect("write");
    let (code, _, stderr) = run(pamir().args(["import", "wxr"]).arg(&html).arg("--data").arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("is not a usable WordPress export"), "{stderr}");

    let Some(corpus) = pamir_corpora::path("wordpress/themeunittestdata.wordpress.xml") else { return };
    let (code, stdout, _) =
        run(pamir().args(["import", "wxr"]).arg(&corpus).args(["--dry-run", "--data"]).arg(data.path()));
    assert_eq!(code, 0);
    assert!(stdout.contains("(dry run: nothing written)") && stdout.contains("post: would add 58"), "{stdout}");
    let (code, _, stderr) =
        run(pamir().args(["import", "wxr"]).arg(&corpus).args(["--lang", "fr", "--data"]).arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("the site has no language \"fr\""), "{stderr}");
}

#[test]
fn a_joomla_import_refuses_bad_sources_clearly_and_reports_a_good_one() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) = run(pamir().args(["import", "joomla", "--data"]).arg(data.path()));
    assert_eq!(code, 2, "neither --mysql nor --sql-dump");
    assert!(stderr.contains("--mysql") && stderr.contains("--sql-dump"), "{stderr}");

    let other = data.path().join("wordpress.sql");
    std::fs::write(&other, "CREATE TABLE wp_posts (ID int);\nINSERT INTO wp_posts VALUES (1);\n").expect("write");
    let (code, _, stderr) =
        run(pamir().args(["import", "joomla", "--sql-dump"]).arg(&other).arg("--data").arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("not a Joomla database"), "{stderr}");

    let cut = data.path().join("cut.sql");
    std::fs::write(
        &cut,
        "-- MariaDB dump 10.19\nCREATE TABLE jos_content (id int);\nINSERT INTO jos_content VALUES (1),(2",
    )
    .expect("write");
    let (code, _, stderr) =
        run(pamir().args(["import", "joomla", "--sql-dump"]).arg(&cut).arg("--data").arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("is not a usable Joomla dump") && stderr.contains("cut short"), "{stderr}");

    let (code, _, stderr) = run(pamir()
        .args(["import", "joomla", "--mysql", "mysql://joomla:hunter2@127.0.0.1:1/site", "--data"])
        .arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("cannot read the Joomla database at mysql://joomla@127.0.0.1:1/site"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "the password never shows");

    let (code, _, stderr) = run(pamir()
        .args(["import", "joomla", "--sql-dump"])
        .arg(&other)
        .args(["--files", "/no/such/images", "--data"])
        .arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("the files folder /no/such/images does not exist"), "{stderr}");

    let (Some(schema), Some(sample)) =
        (pamir_corpora::text("joomla3/joomla.sql"), pamir_corpora::text("joomla3/sample_data.sql"))
    else {
        return;
    };
    let dump = data.path().join("site.sql");
    std::fs::write(&dump, format!("{schema}\n{sample}").replace("#__", "j25_")).expect("write");
    let (code, stdout, stderr) =
        run(pamir().args(["import", "joomla", "--sql-dump"]).arg(&dump).arg("--data").arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Read Joomla tables j25_*") && stdout.contains("article: added"), "{stdout}");
    assert!(stderr.contains("articles: 0/"), "plain progress lines when not on a terminal: {stderr}");
    let (code, stdout, _) =
        run(pamir().args(["import", "joomla", "--sql-dump"]).arg(&dump).arg("--data").arg(data.path()));
    assert_eq!(code, 0);
    assert!(stdout.contains("nothing new: everything in it was imported before"), "{stdout}");
}

#[test]
fn a_wordpress_import_ends_with_its_check_and_the_check_runs_alone() {
    let Some(corpus) = pamir_corpora::path("wordpress/themeunittestdata.wordpress.xml") else { return };
    let data = tempfile::tempdir().expect("dir");
    let (code, stdout, stderr) = run(pamir().args(["import", "wxr"]).arg(&corpus).arg("--data").arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("check: 79 items compared with their source"), "{stdout}");
    let (code, stdout, stderr) =
        run(pamir().args(["import", "wxr"]).arg(&corpus).args(["--check", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("check: 79 items compared") && stdout.contains("median 100.0%"), "{stdout}");
    assert!(!stdout.contains("added"), "a check imports nothing: {stdout}");
}

/// The console writes items as a user, through the same use case as the
/// API (its rules are walked writer by writer in `write_rules.rs`).
#[test]
fn an_item_written_from_the_console_is_stored_as_its_user() {
    let data = tempfile::tempdir().expect("dir");
    let (code, _, stderr) = run(pamir().args(["seed", "--articles", "1", "--data"]).arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(pamir()
        .args(["user", "add", "--email", "desk@example.org", "--role", "editor", "--data"])
        .arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    let file = data.path().join("item.json");
    std::fs::write(
        &file,
        r#"{"kind": "article", "category_id": 1, "title": "Written at the console", "state": "published"}"#,
    )
    .expect("write");
    let (code, stdout, stderr) =
        run(pamir().args(["item", "add", "--as", "desk@example.org"]).arg(&file).arg("--data").arg(data.path()));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("stored: Written at the console (en, published)"), "{stdout}");
    let (code, _, stderr) =
        run(pamir().args(["item", "add", "--as", "nobody@example.org"]).arg(&file).arg("--data").arg(data.path()));
    assert_ne!(code, 0);
    assert!(stderr.contains("no user has the address nobody@example.org"), "{stderr}");
}
