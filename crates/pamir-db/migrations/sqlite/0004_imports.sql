-- Moving in from another system: where each imported record came from (so
-- a second import changes nothing), old addresses answering with a 301, and
-- the unknown addresses readers still ask for, for an editor to map.

CREATE TABLE import_sources (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    -- e.g. 'wordpress:https://example.org' or 'joomla:jos_'
    source TEXT NOT NULL,
    -- 'post', 'category', 'tag', 'attachment', 'user'
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, source, kind, source_id)
);

CREATE TABLE redirects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    -- The old path with its query string, normalised (see pamir-core).
    old_path TEXT NOT NULL,
    target TEXT NOT NULL,
    -- Where it came from: 'wordpress', 'joomla', 'editor'.
    origin TEXT NOT NULL DEFAULT 'editor',
    hits INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (site_id, old_path)
);

CREATE TABLE not_found (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    hits INTEGER NOT NULL DEFAULT 1,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, path)
);
CREATE INDEX not_found_hits ON not_found (site_id, hits);
