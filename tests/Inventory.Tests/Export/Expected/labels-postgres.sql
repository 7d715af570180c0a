-- inventory export: PostgreSQL column comments
-- Inventory: inventory.json (inventory 1.0.0, 2026-11-30 08:00 UTC)
-- Source: app (postgres)
-- Columns exported: 3 (2 annotated, 0 from database labels, 1 suggestion with confidence >= 0.9); 2 personal, 1 none.
-- Columns not exported: 1 (untagged, or suggested below the accepted confidence).
-- View columns left out: 1 of views and materialized views (their base tables carry the labels; --include-views exports them too).
--
-- What it does:
--   Sets the comment of each exported column: the comment the scan recorded, with one line `inventory: <category>`
--   added (or an existing `inventory:`/`category=` line replaced); every other line of the comment is kept as it was.
--   `inventory scan` reads that line back as a database label. All statements run in one transaction.
--   Comments changed in the database after the scan are overwritten: re-scan and re-export first if in doubt.
--   Apply as the owner of the tables (COMMENT ON needs ownership): psql -v ON_ERROR_STOP=1 -f FILE
--
-- How to undo it:
--   Run the commented statements in the UNDO block at the end of this file: they restore each comment as the
--   scan recorded it (or remove it when there was none).
--
-- Written by `inventory export`, which never connects to a database: review it, then apply it yourself.
-- It holds names, categories and comments only, never a sampled value.

SET standard_conforming_strings = on;
BEGIN;

-- users.id: none (annotation annotations/people.yml:2)
COMMENT ON COLUMN "public"."users"."id" IS 'inventory: none';

-- users.email: contact.email (annotation annotations/people.yml:3)
COMMENT ON COLUMN "public"."users"."email" IS 'Login e-mail, unique
inventory: contact.email';

-- users.last_ip: automatic.ip_address (rules suggestion, confidence 0.95)
COMMENT ON COLUMN "public"."users"."last_ip" IS 'inventory: automatic.ip_address';

COMMIT;

-- UNDO: restores the comments as the scan recorded them.
-- BEGIN;
-- COMMENT ON COLUMN "public"."users"."id" IS NULL;
-- COMMENT ON COLUMN "public"."users"."email" IS E'Login e-mail, unique';
-- COMMENT ON COLUMN "public"."users"."last_ip" IS NULL;
-- COMMIT;
