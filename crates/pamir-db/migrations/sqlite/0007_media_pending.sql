-- Files of an upload that are in the store but whose media row has not
-- committed yet. An upload writes this first, then its files, then its
-- media row, deleting this entry in the same transaction. A process killed
-- in between leaves the entry, so its files can be found and removed
-- without listing the store (which on S3 is slow and shared with others).
CREATE TABLE media_pending (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    -- The store keys the upload writes, as a JSON array.
    paths TEXT NOT NULL,
    started_at INTEGER NOT NULL
);

CREATE INDEX media_pending_started ON media_pending (started_at);
