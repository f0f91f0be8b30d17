-- Whether an item's page shows its teaser above the body. Items written in
-- pamir keep their teaser as a listings' summary; the openings of imported
-- articles (Joomla's intro text, a WordPress post's part before
-- <!--more-->) were imported as teasers and must show on the article page,
-- as they did on the old site.
ALTER TABLE items ADD COLUMN teaser_above_body BOOLEAN NOT NULL DEFAULT 0;

UPDATE items SET teaser_above_body = 1
WHERE teaser_markdown <> ''
  AND id IN (
    SELECT target_id FROM import_sources
    WHERE import_sources.site_id = items.site_id
      AND ((source LIKE 'joomla:%' AND kind = 'article') OR (source LIKE 'wordpress:%' AND kind = 'post'))
  );
