-- The admin: sign-in (sessions, throttling, second factor), revisions,
-- the audit log, and what uploaded images need.

ALTER TABLE users ADD COLUMN totp_secret TEXT;
-- The last TOTP time step accepted, so a code cannot be used twice.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
-- JSON list of SHA-256 hashes of the unused recovery codes.
ALTER TABLE users ADD COLUMN recovery_codes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE users ADD COLUMN ui_lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN last_login_at INTEGER;

-- A signed-in browser. The cookie holds a random token; only its SHA-256
-- is stored, so a copy of the database does not let anyone in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    -- 1 while the password was right but the second factor is still to come.
    mfa_pending INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_seen ON sessions (last_seen_at);

-- Failed sign-ins, keyed by account ('account:EMAIL') and by address
-- ('ip:ADDRESS'), counted over a window; in the database so every node agrees.
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

-- Every save of an item keeps its editable fields, so any version can be
-- compared and restored.
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (item_id, version)
);

-- Who changed what, when, and from where.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER REFERENCES sites(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (site_id, at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);

-- JSON list of the resized renditions stored beside the original.
ALTER TABLE media ADD COLUMN variants TEXT NOT NULL DEFAULT '[]';
-- Every file of a rendition, so /media/ serves exactly the files pamir made.
CREATE TABLE media_renditions (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    PRIMARY KEY (site_id, path)
);
-- Ticked when an image adds nothing a screen reader should say (alt="").
ALTER TABLE media ADD COLUMN decorative INTEGER NOT NULL DEFAULT 0;

-- The admin's item list: each order it offers, and counting by state.
CREATE INDEX items_admin ON items (site_id, updated_at, id);
CREATE INDEX items_admin_published ON items (site_id, published_at, id);
CREATE INDEX items_admin_title ON items (site_id, title, id);
CREATE INDEX items_admin_state ON items (site_id, state, updated_at);
CREATE INDEX items_admin_kind ON items (site_id, kind, updated_at);
CREATE INDEX items_admin_lang ON items (site_id, lang, updated_at);
CREATE INDEX items_admin_category ON items (site_id, category_id, updated_at);
CREATE INDEX items_author ON items (created_by, updated_at);
