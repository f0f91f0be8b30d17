//! What `pamir serve` writes to its log, read the way an operator's log
//! file or shipper reads it: no colour codes when stderr is not a terminal,
//! one JSON object a line with `PAMIR_LOG_FORMAT=json`, and none of the
//! secrets a session used (password, session cookie, CSRF token, API
//! token, second-factor secret), even at the most detailed level.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    /// Reads the log as it is written, so a full pipe never stalls the server.
    log: std::thread::JoinHandle<String>,
    address: String,
    password: String,
    data: tempfile::TempDir,
}

fn pamir(data: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pamir"));
    command.env_remove("PAMIR_DATABASE").env_remove("PAMIR_CONFIG").env_remove("PAMIR_LISTEN");
    command.env("PAMIR_DATA", data).env("PAMIR_LOG", "trace");
    command
}

fn start(format: &str) -> Server {
    let data = tempfile::tempdir().expect("dir");
    let mut child = pamir(data.path())
        .env("PAMIR_LOG_FORMAT", format)
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let log = std::thread::spawn(move || {
        let mut log = String::new();
        let _ = stderr.read_to_string(&mut log);
        log
    });
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let (mut address, mut password) = (None, None);
    let mut line = String::new();
    while address.is_none() || password.is_none() {
        line.clear();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if let Some(rest) =
            line.trim().strip_prefix("Admin: sign in at /admin/ as admin@example.org with the password ")
        {
            password = Some(rest.to_owned());
        }
        if let Some(rest) = line.strip_prefix("pamir is serving http://") {
            address = rest.split('/').next().map(str::to_owned);
        }
    }
    Server {
        child,
        log,
        address: address.expect("the address is announced"),
        password: password.expect("the demo's password is printed"),
        data,
    }
}

impl Server {
    /// One HTTP/1.1 request; the whole answer (head and body) as text.
    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> String {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.address);
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        stream.write_all(request.as_bytes()).expect("sends");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("answer");
        answer
    }

    /// Stops the server and returns everything it logged.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.log.join().expect("the log is read")
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    text.split_once(start).and_then(|(_, rest)| rest.split(end).next()).unwrap_or("")
}

fn form(fields: &[(&str, &str)]) -> String {
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    fields.iter().map(|(name, value)| format!("{name}={}", encode(value))).collect::<Vec<_>>().join("&")
}

/// Signs in, opens the second-factor set-up, forges a request from another
/// site and uses an API token; returns the secrets that were used.
fn use_every_secret(server: &Server) -> Vec<String> {
    let urlencoded = ("Content-Type", "application/x-www-form-urlencoded");
    let signed_in = server.send(
        "POST",
        "/admin/login",
        &[urlencoded],
        &form(&[("email", "admin@example.org"), ("password", &server.password)]),
    );
    let session = between(&signed_in, "pamir_session=", ";").to_owned();
    assert_eq!(session.len(), 64, "signed in: {signed_in}");
    let cookie = format!("pamir_session={session}");
    let mfa_page = server.send("GET", "/admin/account/mfa", &[("Cookie", &cookie)], "");
    let totp_secret = between(&mfa_page, "name=\"secret\" value=\"", "\"").to_owned();
    let csrf = between(&mfa_page, "name=\"csrf\" value=\"", "\"").to_owned();
    assert!(totp_secret.len() >= 16 && csrf.len() >= 32, "the set-up page shows a secret: {mfa_page}");
    let wrong_code = server.send(
        "POST",
        "/admin/account/mfa",
        &[urlencoded, ("Cookie", &cookie)],
        &form(&[("csrf", &csrf), ("secret", &totp_secret), ("code", "000000")]),
    );
    assert!(wrong_code.starts_with("HTTP/1.1 4"), "{wrong_code}");
    let forged = server.send(
        "POST",
        "/admin/logout",
        &[urlencoded, ("Cookie", &cookie), ("Origin", "https://evil.example")],
        &form(&[("csrf", &csrf)]),
    );
    assert!(forged.starts_with("HTTP/1.1 403"), "{forged}");

    let created = pamir(server.data.path())
        .env("PAMIR_LOG", "warn")
        .args(["token", "create", "--email", "admin@example.org"])
        .output()
        .expect("token create");
    let token = String::from_utf8_lossy(&created.stdout).lines().nth(1).unwrap_or("").to_owned();
    assert!(token.starts_with("pamir_"), "a token: {token}");
    let api = server.send(
        "POST",
        "/api/v1/items",
        &[("Authorization", &format!("Bearer {token}")), ("Content-Type", "application/json")],
        "{\"title\": 5}",
    );
    assert!(api.starts_with("HTTP/1.1 4"), "a refused body, after the token was read: {api}");
    vec![server.password.clone(), session, csrf, totp_secret, token]
}

#[test]
fn text_logs_have_no_colour_codes_off_a_terminal_and_no_secrets() {
    let server = start("text");
    let secrets = use_every_secret(&server);
    let log = server.stop();
    assert!(log.contains("refused an admin request sent from another site"), "the refusal is logged: {log}");
    assert!(log.contains("/admin/login"), "requests are logged: {log}");
    assert!(!log.contains('\u{1b}'), "no ANSI escape codes: {log}");
    for secret in secrets {
        assert!(!log.contains(&secret), "the log holds a secret ({}…)", &secret[..4]);
    }
}

#[test]
fn json_logs_are_one_object_a_line_and_hold_no_secrets() {
    let server = start("json");
    let secrets = use_every_secret(&server);
    let log = server.stop();
    let mut lines = 0;
    for line in log.lines().filter(|line| !line.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        assert!(value.get("level").is_some() && value.get("timestamp").is_some(), "{line}");
        lines += 1;
    }
    assert!(lines > 5, "requests are logged ({lines} lines)");
    assert!(log.contains("refused an admin request sent from another site"));
    for secret in secrets {
        assert!(!log.contains(&secret), "the log holds a secret ({}…)", &secret[..4]);
    }
}

#[test]
fn an_unknown_log_format_is_refused_clearly() {
    let data = tempfile::tempdir().expect("dir");
    let output = pamir(data.path()).env("PAMIR_LOG_FORMAT", "yaml").arg("serve").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("log_format must be text or json, not \"yaml\""), "{stderr}");
}
