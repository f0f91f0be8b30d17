-- What an editor has typed into an item and not saved yet, kept a few
-- seconds after each change so that a closed tab or a lost connection
-- loses nothing: one draft per item and editor. Its time also tells other
-- editors of the item that someone is at work on it.
CREATE TABLE item_drafts (
    site_id BIGINT NOT NULL REFERENCES sites(id),
    item_id BIGINT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- The form's fields as typed: a JSON list of [name, value] pairs.
    fields TEXT NOT NULL,
    -- The item's version the editor started from.
    base_version BIGINT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, user_id)
);
