-- What the editor's checks found in an item's text when it was saved (their
-- keys, space-separated; '' for nothing), so that the admin's list can show
-- the items that need a look. NULL until an item is checked: rows from
-- before this column are checked at start-up.
ALTER TABLE items ADD COLUMN checks TEXT;
