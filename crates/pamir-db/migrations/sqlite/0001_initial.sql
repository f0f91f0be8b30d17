-- The content model: sites, settings, users, categories, tags, media, items, contact messages.
-- Every content table carries site_id so one install can serve many sites.
-- Instants are UTC seconds since 1970 (INTEGER), applied at query time.
-- AUTOINCREMENT: an id is never handed out twice, as on PostgreSQL, so
-- revisions, audit entries and import mappings can never point at the wrong row.

CREATE TABLE sites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    host TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    -- Bumped by every content change; other processes and nodes watch it
    -- to know when their cached pages are stale.
    content_version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE settings (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (site_id, key)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    role TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES categories(id),
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX categories_site ON categories (site_id, parent_id);

CREATE TABLE category_texts (
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    parent_key INTEGER NOT NULL,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (category_id, lang),
    UNIQUE (site_id, lang, parent_key, slug)
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

CREATE TABLE tag_texts (
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    PRIMARY KEY (tag_id, lang),
    UNIQUE (site_id, lang, slug)
);

CREATE TABLE media (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    byte_size INTEGER NOT NULL,
    credit TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (site_id, path)
);

CREATE TABLE media_texts (
    media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    alt TEXT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (media_id, lang)
);

CREATE TABLE item_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES item_groups(id),
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    teaser_markdown TEXT NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL DEFAULT '',
    teaser_html TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    byline TEXT,
    dateline TEXT,
    source_title TEXT,
    source_publisher TEXT,
    source_url TEXT,
    source_date TEXT,
    event_starts_at INTEGER,
    event_ends_at INTEGER,
    event_venue TEXT,
    event_entries_deadline INTEGER,
    event_registration_url TEXT,
    image_id INTEGER REFERENCES media(id),
    featured INTEGER NOT NULL DEFAULT 0,
    featured_order INTEGER,
    featured_until INTEGER,
    state TEXT NOT NULL,
    publish_up INTEGER,
    publish_down INTEGER,
    published_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (site_id, lang, category_id, slug),
    UNIQUE (group_id, lang)
);
CREATE INDEX items_listing ON items (site_id, lang, state, published_at, id);
-- Covers category pages and their counts without touching the table.
CREATE INDEX items_category ON items (site_id, lang, category_id, state, published_at, id, publish_up, publish_down);
CREATE INDEX items_featured ON items (site_id, lang, featured, featured_order);
-- The schedule: the next publish-up, publish-down or featured-until after now.
CREATE INDEX items_publish_up ON items (site_id, publish_up);
CREATE INDEX items_publish_down ON items (site_id, publish_down);
CREATE INDEX items_featured_until ON items (site_id, featured_until);

CREATE TABLE item_tags (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, tag_id)
);
CREATE INDEX item_tags_tag ON item_tags (tag_id, item_id);

CREATE TABLE item_gallery (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media(id),
    PRIMARY KEY (item_id, position)
);

CREATE TABLE contact_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    message TEXT NOT NULL,
    sender_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    delivery_error TEXT
);
CREATE INDEX contact_messages_sender ON contact_messages (site_id, sender_key, created_at);
