-- A facts item's key figure ("USD 4.6 billion"), with what it counts
-- ("sent home by migrants in 2025"): shown large on its card and page.
ALTER TABLE items ADD COLUMN key_figure TEXT;
ALTER TABLE items ADD COLUMN key_figure_label TEXT;
