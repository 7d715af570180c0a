-- inventory export: MySQL / MariaDB column comments
-- Inventory: inventory.json (inventory 1.0.0, 2026-11-30 08:00 UTC)
-- Source: app (mysql)
-- Columns exported: 3 (2 annotated, 0 from database labels, 1 suggestion with confidence >= 0.9); 2 personal, 1 none.
-- Columns not exported: 1 (untagged, or suggested below the accepted confidence).
-- View columns left out: 1 of views and materialized views (their base tables carry the labels; --include-views exports them too).
--
-- What it does:
--   Sets the comment of each exported column: the comment the scan recorded, with one line `inventory: <category>`
--   added (or an existing `inventory:`/`category=` line replaced); every other line is kept. `inventory scan` reads it back.
--   MySQL changes a comment only through ALTER TABLE … MODIFY COLUMN, which restates the whole column definition.
--   Preserved: the declared type and NULL/NOT NULL, as recorded by the scan.
--   Not recorded by the scan, hence not restated: DEFAULT, AUTO_INCREMENT, ON UPDATE, generated expressions,
--   INVISIBLE, CHARACTER SET/COLLATE, a column's own CHECK (MariaDB). So each statement is guarded: it runs only
--   when information_schema shows the column with that exact type and nullability, no default, an empty EXTRA,
--   no CHECK of its own and the table's default collation. A MariaDB JSON column (LONGTEXT utf8mb4_bin with its
--   json_valid CHECK) is restated in that form, collation and CHECK included, as SHOW CREATE TABLE prints it.
--   Any other column is skipped and named, with the reason, in a result row `inventory_export_skipped`:
--   set its comment by hand.
--   Comments changed after the scan are overwritten. ALTER TABLE commits implicitly: there is no transaction.
--   Tables of the scanned database are named without it: run the script in that database (or a copy of it),
--   as a user with ALTER on the tables: mysql --show-warnings DATABASE < FILE (or mariadb DATABASE < FILE).
--
-- How to undo it:
--   Run the commented statements in the UNDO block at the end: they restore each comment as the scan recorded it
--   (same type and nullability restated; apply them only to columns the script did not skip).
--
-- Written by `inventory export`, which never connects to a database: review it, then apply it yourself.
-- It holds names, categories and comments only, never a sampled value.

SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');
SET @inventory_checks_sql = IF(VERSION() LIKE '%MariaDB%',
    'SELECT COUNT(*), COALESCE(MAX(CHECK_CLAUSE = CONCAT(''json_valid(`'', REPLACE(@inventory_column, ''`'', ''``''), ''`)'')), 0) INTO @inventory_checks, @inventory_json_check FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @inventory_schema AND TABLE_NAME = @inventory_table AND CONSTRAINT_NAME = @inventory_column',
    'SELECT 0, 0 INTO @inventory_checks, @inventory_json_check');
PREPARE inventory_checks FROM @inventory_checks_sql;

-- users.id: none (annotation annotations/people.yml:2)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'id';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN c.COLUMN_TYPE <> 'bigint' OR c.IS_NULLABLE <> 'NO' THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) THEN 'it has a DEFAULT'
    WHEN c.EXTRA <> '' THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    WHEN c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION THEN CONCAT('its collation ', c.COLLATION_NAME, ' is not the table''s ', t.TABLE_COLLATION)
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN 'ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL COMMENT ''inventory: none'''
    ELSE 'SELECT CONCAT(''skipped `users`.`id`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.email: contact.email (annotation annotations/people.yml:3)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'email';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN c.COLUMN_TYPE <> 'varchar(255)' OR c.IS_NULLABLE <> 'NO' THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) THEN 'it has a DEFAULT'
    WHEN c.EXTRA <> '' THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    WHEN c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION THEN CONCAT('its collation ', c.COLLATION_NAME, ' is not the table''s ', t.TABLE_COLLATION)
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN 'ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL COMMENT ''Login e-mail, unique\\ninventory: contact.email'''
    ELSE 'SELECT CONCAT(''skipped `users`.`email`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.last_ip: automatic.ip_address (rules suggestion, confidence 0.95)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'last_ip';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN c.COLUMN_TYPE <> 'text' OR c.IS_NULLABLE <> 'YES' THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) THEN 'it has a DEFAULT'
    WHEN c.EXTRA <> '' THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    WHEN c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION THEN CONCAT('its collation ', c.COLLATION_NAME, ' is not the table''s ', t.TABLE_COLLATION)
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN 'ALTER TABLE `users` MODIFY COLUMN `last_ip` text NULL COMMENT ''inventory: automatic.ip_address'''
    ELSE 'SELECT CONCAT(''skipped `users`.`last_ip`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

DEALLOCATE PREPARE inventory_checks;

-- UNDO: restores the comments as the scan recorded them (only for columns the script did not skip).
-- ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL COMMENT '';
-- ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL COMMENT 'Login e-mail, unique';
-- ALTER TABLE `users` MODIFY COLUMN `last_ip` text NULL COMMENT '';
