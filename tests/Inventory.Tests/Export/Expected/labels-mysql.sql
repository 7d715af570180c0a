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
--   Restated: the declared type and NULL/NOT NULL, as recorded by the scan; AUTO_INCREMENT, DEFAULT CURRENT_TIMESTAMP
--   and ON UPDATE CURRENT_TIMESTAMP, CHARACTER SET and COLLATE where not the table's, and on MariaDB 10.2.7+ any DEFAULT
--   (literal or expression, as information_schema shows it in SQL), all as they are when the script runs.
--   Not restated: generated expressions, INVISIBLE, a column's own CHECK (MariaDB), a MySQL DEFAULT other than
--   CURRENT_TIMESTAMP. So each statement is guarded: it runs only on a column of a base table, when information_schema
--   shows the column with that exact type and nullability, no other default or EXTRA and no CHECK of its own.
--   A MariaDB JSON column (LONGTEXT utf8mb4_bin with its json_valid CHECK) is restated in that form,
--   collation and CHECK included, as SHOW CREATE TABLE prints it.
--   Any other column is skipped and named, with the reason, in a result row `inventory_export_skipped`:
--   set its comment by hand. Columns of views are not written (a view column has no comment of its own).
--   A column whose comment was changed after the scan is skipped too (re-scan and export again): never overwritten.
--   ALTER TABLE commits implicitly: there is no transaction. Interrupted half-way, run the script again: a column
--   already done is written again with the same comment, and the rest is done.
--   Tables of the scanned database are named without it: run the script in that database (or a copy of it),
--   as a user with ALTER on the tables: mysql --show-warnings DATABASE < FILE (or mariadb DATABASE < FILE).
--
-- How to undo it:
--   The UNDO block at the end restores each comment as the scan recorded it, with the same guard and skips.
--   Its lines start with `-- undo>`: sed -n 's/^-- undo> //p' FILE | mariadb DATABASE
--
-- Written by `inventory export`, which never connects to a database: review it, then apply it yourself.
-- It holds names, categories and comments only, never a sampled value.

SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');
SET @inventory_version = VERSION();
SET @inventory_sql_defaults = @inventory_version LIKE '%MariaDB%' AND (SUBSTRING_INDEX(@inventory_version, '.', 1) * 10000 + SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '.', 2), '.', -1) * 100 + SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '-', 1), '.', 3), '.', -1)) >= 100207;
SET @inventory_checks_sql = IF(@inventory_version LIKE '%MariaDB%',
    'SELECT COUNT(*), COALESCE(MAX(CHECK_CLAUSE = CONCAT(''json_valid(`'', REPLACE(@inventory_column, ''`'', ''``''), ''`)'')), 0) INTO @inventory_checks, @inventory_json_check FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @inventory_schema AND TABLE_NAME = @inventory_table AND CONSTRAINT_NAME = @inventory_column',
    'SELECT 0, 0 INTO @inventory_checks, @inventory_json_check');
PREPARE inventory_checks FROM @inventory_checks_sql;

-- users.id: none (annotation annotations/people.yml:2)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'id';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
    WHEN NOT (c.COLUMN_TYPE <=> 'bigint') OR NOT (c.IS_NULLABLE <=> 'NO') THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_COMMENT <=> '' OR c.COLUMN_COMMENT <=> 'inventory: none') THEN 'its comment was changed since the scan (re-scan and export again)'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
    WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_restated = (SELECT CONCAT(
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
    IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `id` bigint', @inventory_charset, ' NOT NULL', @inventory_restated, ' COMMENT ''inventory: none''')
    ELSE 'SELECT CONCAT(''skipped `users`.`id`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.email: contact.email (annotation annotations/people.yml:3)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'email';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
    WHEN NOT (c.COLUMN_TYPE <=> 'varchar(255)') OR NOT (c.IS_NULLABLE <=> 'NO') THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_COMMENT <=> 'Login e-mail, unique' OR c.COLUMN_COMMENT <=> 'Login e-mail, unique\ninventory: contact.email') THEN 'its comment was changed since the scan (re-scan and export again)'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
    WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_restated = (SELECT CONCAT(
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
    IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `email` varchar(255)', @inventory_charset, ' NOT NULL', @inventory_restated, ' COMMENT ''Login e-mail, unique\\ninventory: contact.email''')
    ELSE 'SELECT CONCAT(''skipped `users`.`email`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

-- users.last_ip: automatic.ip_address (rules suggestion, confidence 0.95)
SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'last_ip';
EXECUTE inventory_checks;
SET @inventory_why = (SELECT CASE
    WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
    WHEN NOT (c.COLUMN_TYPE <=> 'text') OR NOT (c.IS_NULLABLE <=> 'YES') THEN 'its type or nullability is not the one the scan recorded'
    WHEN NOT (c.COLUMN_COMMENT <=> '' OR c.COLUMN_COMMENT <=> 'inventory: automatic.ip_address') THEN 'its comment was changed since the scan (re-scan and export again)'
    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
    WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
    ELSE '' END FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_restated = (SELECT CONCAT(
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
    IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
    IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
    WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `last_ip` text', @inventory_charset, ' NULL', @inventory_restated, ' COMMENT ''inventory: automatic.ip_address''')
    ELSE 'SELECT CONCAT(''skipped `users`.`last_ip`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;

DEALLOCATE PREPARE inventory_checks;

-- UNDO: restores the comments as the scan recorded them, with the same guard (sed -n 's/^-- undo> //p' FILE | mariadb DATABASE).
-- undo> SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');
-- undo> SET @inventory_version = VERSION();
-- undo> SET @inventory_sql_defaults = @inventory_version LIKE '%MariaDB%' AND (SUBSTRING_INDEX(@inventory_version, '.', 1) * 10000 + SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '.', 2), '.', -1) * 100 + SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '-', 1), '.', 3), '.', -1)) >= 100207;
-- undo> SET @inventory_checks_sql = IF(@inventory_version LIKE '%MariaDB%',
-- undo>     'SELECT COUNT(*), COALESCE(MAX(CHECK_CLAUSE = CONCAT(''json_valid(`'', REPLACE(@inventory_column, ''`'', ''``''), ''`)'')), 0) INTO @inventory_checks, @inventory_json_check FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @inventory_schema AND TABLE_NAME = @inventory_table AND CONSTRAINT_NAME = @inventory_column',
-- undo>     'SELECT 0, 0 INTO @inventory_checks, @inventory_json_check');
-- undo> PREPARE inventory_checks FROM @inventory_checks_sql;
-- undo>
-- undo> -- users.id: restore the scanned comment
-- undo> SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'id';
-- undo> EXECUTE inventory_checks;
-- undo> SET @inventory_why = (SELECT CASE
-- undo>     WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
-- undo>     WHEN NOT (c.COLUMN_TYPE <=> 'bigint') OR NOT (c.IS_NULLABLE <=> 'NO') THEN 'its type or nullability is not the one the scan recorded'
-- undo>     WHEN NOT (c.COLUMN_COMMENT <=> '' OR c.COLUMN_COMMENT <=> 'inventory: none') THEN 'its comment was changed since the scan (re-scan and export again)'
-- undo>     WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
-- undo>     WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
-- undo>     WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
-- undo>     ELSE '' END FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_restated = (SELECT CONCAT(
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
-- undo>     IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
-- undo>     WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `id` bigint', @inventory_charset, ' NOT NULL', @inventory_restated, ' COMMENT ''''')
-- undo>     ELSE 'SELECT CONCAT(''skipped `users`.`id`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
-- undo> PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;
-- undo>
-- undo> -- users.email: restore the scanned comment
-- undo> SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'email';
-- undo> EXECUTE inventory_checks;
-- undo> SET @inventory_why = (SELECT CASE
-- undo>     WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
-- undo>     WHEN NOT (c.COLUMN_TYPE <=> 'varchar(255)') OR NOT (c.IS_NULLABLE <=> 'NO') THEN 'its type or nullability is not the one the scan recorded'
-- undo>     WHEN NOT (c.COLUMN_COMMENT <=> 'Login e-mail, unique' OR c.COLUMN_COMMENT <=> 'Login e-mail, unique\ninventory: contact.email') THEN 'its comment was changed since the scan (re-scan and export again)'
-- undo>     WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
-- undo>     WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
-- undo>     WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
-- undo>     ELSE '' END FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_restated = (SELECT CONCAT(
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
-- undo>     IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
-- undo>     WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `email` varchar(255)', @inventory_charset, ' NOT NULL', @inventory_restated, ' COMMENT ''Login e-mail, unique''')
-- undo>     ELSE 'SELECT CONCAT(''skipped `users`.`email`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
-- undo> PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;
-- undo>
-- undo> -- users.last_ip: restore the scanned comment
-- undo> SET @inventory_schema = DATABASE(), @inventory_table = 'users', @inventory_column = 'last_ip';
-- undo> EXECUTE inventory_checks;
-- undo> SET @inventory_why = (SELECT CASE
-- undo>     WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')
-- undo>     WHEN NOT (c.COLUMN_TYPE <=> 'text') OR NOT (c.IS_NULLABLE <=> 'YES') THEN 'its type or nullability is not the one the scan recorded'
-- undo>     WHEN NOT (c.COLUMN_COMMENT <=> '' OR c.COLUMN_COMMENT <=> 'inventory: automatic.ip_address') THEN 'its comment was changed since the scan (re-scan and export again)'
-- undo>     WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'
-- undo>     WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR (c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))) THEN CONCAT('it has ', UPPER(c.EXTRA))
-- undo>     WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'
-- undo>     ELSE '' END FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME)) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_restated = (SELECT CONCAT(
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', 'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', 'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)')) OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),
-- undo>     IF((c.DATA_TYPE IN ('timestamp', 'datetime') AND TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('on update current_timestamp', 'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', 'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)')), CONCAT(' ON UPDATE ', SUBSTRING(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')), 11)), ''),
-- undo>     IF(TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) = 'auto_increment', ' AUTO_INCREMENT', '')) FROM information_schema.COLUMNS AS c
-- undo>     JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
-- undo>     WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);
-- undo> SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')
-- undo>     WHEN '' THEN CONCAT('ALTER TABLE `users` MODIFY COLUMN `last_ip` text', @inventory_charset, ' NULL', @inventory_restated, ' COMMENT ''''')
-- undo>     ELSE 'SELECT CONCAT(''skipped `users`.`last_ip`: '', IF(@inventory_why IS NULL, ''the column is not in the table'', @inventory_why), ''; set the comment by hand'') AS inventory_export_skipped' END;
-- undo> PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;
-- undo>
-- undo> DEALLOCATE PREPARE inventory_checks;
-- undo>
