-- How often each item was read on the site it was imported from (Joomla
-- counts every view), kept so the most read texts stay findable.
ALTER TABLE items ADD COLUMN hits BIGINT NOT NULL DEFAULT 0;
