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
--   It first checks that every column is still there with the comment the scan recorded (or the one it writes):
--   a column dropped, renamed or whose comment was changed since the scan stops it before any change, naming them;
--   then re-scan, export again and review, so a comment edited after the scan is never overwritten.
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

-- Check: every column still as the scan saw it (else nothing is changed).
DO $inventory_check$
DECLARE
    changed text[] := ARRAY[]::text[];
    rel regclass;
    col smallint;
BEGIN
    rel := to_regclass(E'"public"."users"');
    col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'id' AND a.attnum > 0 AND NOT a.attisdropped);
    IF col IS NULL THEN changed := array_append(changed, E'users.id: not in the database (dropped or renamed since the scan)');
    ELSIF col_description(rel, col) IS DISTINCT FROM NULL AND col_description(rel, col) IS DISTINCT FROM E'inventory: none' THEN changed := array_append(changed, E'users.id: its comment was changed since the scan');
    END IF;
    rel := to_regclass(E'"public"."users"');
    col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'email' AND a.attnum > 0 AND NOT a.attisdropped);
    IF col IS NULL THEN changed := array_append(changed, E'users.email: not in the database (dropped or renamed since the scan)');
    ELSIF col_description(rel, col) IS DISTINCT FROM E'Login e-mail, unique' AND col_description(rel, col) IS DISTINCT FROM E'Login e-mail, unique\ninventory: contact.email' THEN changed := array_append(changed, E'users.email: its comment was changed since the scan');
    END IF;
    rel := to_regclass(E'"public"."users"');
    col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'last_ip' AND a.attnum > 0 AND NOT a.attisdropped);
    IF col IS NULL THEN changed := array_append(changed, E'users.last_ip: not in the database (dropped or renamed since the scan)');
    ELSIF col_description(rel, col) IS DISTINCT FROM NULL AND col_description(rel, col) IS DISTINCT FROM E'inventory: automatic.ip_address' THEN changed := array_append(changed, E'users.last_ip: its comment was changed since the scan');
    END IF;
    IF cardinality(changed) > 0 THEN
        RAISE EXCEPTION 'inventory export: % of the exported columns changed since the scan, so nothing was applied: %',
            cardinality(changed), array_to_string(changed[1:20], '; ') || CASE WHEN cardinality(changed) > 20 THEN ' …' ELSE '' END
            USING HINT = 'Re-scan the database, export again and review the new script: a comment edited after the scan would be overwritten.';
    END IF;
END
$inventory_check$;

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
-- -- Check: every column still as the scan saw it (else nothing is changed).
-- DO $inventory_check$
-- DECLARE
--     changed text[] := ARRAY[]::text[];
--     rel regclass;
--     col smallint;
-- BEGIN
--     rel := to_regclass(E'"public"."users"');
--     col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'id' AND a.attnum > 0 AND NOT a.attisdropped);
--     IF col IS NULL THEN changed := array_append(changed, E'users.id: not in the database (dropped or renamed since the scan)');
--     ELSIF col_description(rel, col) IS DISTINCT FROM NULL AND col_description(rel, col) IS DISTINCT FROM E'inventory: none' THEN changed := array_append(changed, E'users.id: its comment was changed since the scan');
--     END IF;
--     rel := to_regclass(E'"public"."users"');
--     col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'email' AND a.attnum > 0 AND NOT a.attisdropped);
--     IF col IS NULL THEN changed := array_append(changed, E'users.email: not in the database (dropped or renamed since the scan)');
--     ELSIF col_description(rel, col) IS DISTINCT FROM E'Login e-mail, unique' AND col_description(rel, col) IS DISTINCT FROM E'Login e-mail, unique\ninventory: contact.email' THEN changed := array_append(changed, E'users.email: its comment was changed since the scan');
--     END IF;
--     rel := to_regclass(E'"public"."users"');
--     col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = E'last_ip' AND a.attnum > 0 AND NOT a.attisdropped);
--     IF col IS NULL THEN changed := array_append(changed, E'users.last_ip: not in the database (dropped or renamed since the scan)');
--     ELSIF col_description(rel, col) IS DISTINCT FROM NULL AND col_description(rel, col) IS DISTINCT FROM E'inventory: automatic.ip_address' THEN changed := array_append(changed, E'users.last_ip: its comment was changed since the scan');
--     END IF;
--     IF cardinality(changed) > 0 THEN
--         RAISE EXCEPTION 'inventory export: % of the exported columns changed since the scan, so nothing was applied: %',
--             cardinality(changed), array_to_string(changed[1:20], '; ') || CASE WHEN cardinality(changed) > 20 THEN ' …' ELSE '' END
--             USING HINT = 'Re-scan the database, export again and review the new script: a comment edited after the scan would be overwritten.';
--     END IF;
-- END
-- $inventory_check$;
-- COMMENT ON COLUMN "public"."users"."id" IS NULL;
-- COMMENT ON COLUMN "public"."users"."email" IS E'Login e-mail, unique';
-- COMMENT ON COLUMN "public"."users"."last_ip" IS NULL;
-- COMMIT;
