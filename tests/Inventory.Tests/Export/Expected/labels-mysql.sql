-- inventory export: MySQL / MariaDB column comments
-- Inventory: inventory.json (inventory 1.0.0, 2026-11-30 08:00 UTC)
-- Source: app (mysql)
-- Columns exported: 4 (3 annotated, 0 from database labels, 1 suggestion with confidence >= 0.9); 3 personal, 1 none.
-- Columns not exported: 1 (untagged, or suggested below the accepted confidence).
--
-- What it does:
--   Sets the comment of each exported column: the comment the scan recorded, with one line `inventory: <category>`
--   added (or an existing `inventory:`/`category=` line replaced); every other line is kept. `inventory scan` reads it back.
--   MySQL changes a comment only through ALTER TABLE … MODIFY COLUMN, which restates the whole column definition.
--   Preserved: the declared type and NULL/NOT NULL, as recorded by the scan.
--   Not recorded by the scan, hence not restated: DEFAULT, AUTO_INCREMENT, ON UPDATE, generated expressions,
--   INVISIBLE, CHARACTER SET/COLLATE. So each statement is guarded: it runs only when information_schema shows the
--   column with that exact type and nullability, no default, an empty EXTRA and the table's default collation.
--   Any other column is skipped and named in a result row `inventory_export_skipped`: set its comment by hand.
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

-- active_users.email: contact.email (annotation annotations/people.yml:2)
SET @inventory_ok = (SELECT COUNT(*) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 'active_users' AND c.COLUMN_NAME = 'email'
    AND c.COLUMN_TYPE = 'varchar(255)' AND c.IS_NULLABLE = 'YES'
    AND (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) AND c.EXTRA = ''
    AND (c.COLLATION_NAME IS NULL OR c.COLLATION_NAME = t.TABLE_COLLATION));
SET @inventory_ddl = IF(@inventory_ok = 1,
    'ALTER TABLE `active_users` MODIFY COLUMN `email` varchar(255) NULL COMMENT ''inventory: contact.email''',
    'SELECT ''skipped `active_users`.`email`: its definition has more than the type and nullability this script restates; set the comment by hand'' AS inventory_export_skipped');
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.id: none (annotation annotations/people.yml:2)
SET @inventory_ok = (SELECT COUNT(*) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 'users' AND c.COLUMN_NAME = 'id'
    AND c.COLUMN_TYPE = 'bigint' AND c.IS_NULLABLE = 'NO'
    AND (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) AND c.EXTRA = ''
    AND (c.COLLATION_NAME IS NULL OR c.COLLATION_NAME = t.TABLE_COLLATION));
SET @inventory_ddl = IF(@inventory_ok = 1,
    'ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL COMMENT ''inventory: none''',
    'SELECT ''skipped `users`.`id`: its definition has more than the type and nullability this script restates; set the comment by hand'' AS inventory_export_skipped');
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.email: contact.email (annotation annotations/people.yml:3)
SET @inventory_ok = (SELECT COUNT(*) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 'users' AND c.COLUMN_NAME = 'email'
    AND c.COLUMN_TYPE = 'varchar(255)' AND c.IS_NULLABLE = 'NO'
    AND (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) AND c.EXTRA = ''
    AND (c.COLLATION_NAME IS NULL OR c.COLLATION_NAME = t.TABLE_COLLATION));
SET @inventory_ddl = IF(@inventory_ok = 1,
    'ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL COMMENT ''Login e-mail, unique\\ninventory: contact.email''',
    'SELECT ''skipped `users`.`email`: its definition has more than the type and nullability this script restates; set the comment by hand'' AS inventory_export_skipped');
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.last_ip: automatic.ip_address (rules suggestion, confidence 0.95)
SET @inventory_ok = (SELECT COUNT(*) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 'users' AND c.COLUMN_NAME = 'last_ip'
    AND c.COLUMN_TYPE = 'text' AND c.IS_NULLABLE = 'YES'
    AND (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) AND c.EXTRA = ''
    AND (c.COLLATION_NAME IS NULL OR c.COLLATION_NAME = t.TABLE_COLLATION));
SET @inventory_ddl = IF(@inventory_ok = 1,
    'ALTER TABLE `users` MODIFY COLUMN `last_ip` text NULL COMMENT ''inventory: automatic.ip_address''',
    'SELECT ''skipped `users`.`last_ip`: its definition has more than the type and nullability this script restates; set the comment by hand'' AS inventory_export_skipped');
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- UNDO: restores the comments as the scan recorded them (only for columns the script did not skip).
-- ALTER TABLE `active_users` MODIFY COLUMN `email` varchar(255) NULL COMMENT '';
-- ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL COMMENT '';
-- ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL COMMENT 'Login e-mail, unique';
-- ALTER TABLE `users` MODIFY COLUMN `last_ip` text NULL COMMENT '';
