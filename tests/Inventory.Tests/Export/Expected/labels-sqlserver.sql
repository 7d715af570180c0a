-- inventory export: SQL Server sensitivity classifications
-- Inventory: inventory.json (inventory 1.0.0, 2026-11-30 08:00 UTC)
-- Source: app (sqlserver)
-- Columns exported: 3 (2 annotated, 0 from database labels, 1 suggestion with confidence >= 0.9); 2 personal, 1 none.
-- Columns not exported: 1 (untagged, or suggested below the accepted confidence).
-- View columns left out: 1 of views and materialized views (their base tables carry the labels; --include-views exports them too).
--
-- What it does:
--   Classifies 2 personal columns with ADD SENSITIVITY CLASSIFICATION (SQL Server 2019+ or Azure SQL),
--   visible in SSMS (Data Discovery & Classification), sys.sensitivity_classifications, auditing, Defender and Purview.
--   A column that already has a classification gets it dropped first, so re-running the script changes nothing.
--   Columns exported as `none` get no classification; an existing one on them is left alone.
--   Columns of views get none either: classify their base tables.
--   Built-in information types are used where one maps back to the exact category; other categories are custom
--   information types named by the category (e.g. contact.email), which `inventory scan` reads back as-is.
--   All statements run in one transaction (XACT_ABORT on). Apply with sqlcmd -b -i FILE as a user with ALTER ANY
--   SENSITIVITY CLASSIFICATION (or db_owner).
--
-- How to undo it:
--   Run the commented statements in the UNDO block at the end: they drop the classifications this script adds.
--   Where the scan saw an earlier classification on a column, the UNDO block names it so it can be re-added.
--
-- Written by `inventory export`, which never connects to a database: review it, then apply it yourself.
-- It holds names, categories and comments only, never a sampled value.

SET XACT_ABORT ON;
BEGIN TRANSACTION;

-- users.email: contact.email (annotation annotations/people.yml:3)
IF EXISTS (SELECT 1 FROM sys.sensitivity_classifications AS sc WHERE sc.major_id = OBJECT_ID(N'[dbo].[users]') AND sc.minor_id = COLUMNPROPERTY(OBJECT_ID(N'[dbo].[users]'), N'email', 'ColumnId'))
    DROP SENSITIVITY CLASSIFICATION FROM [dbo].[users].[email];
ADD SENSITIVITY CLASSIFICATION TO [dbo].[users].[email]
    WITH (LABEL = 'Confidential - GDPR', LABEL_ID = '989ADC05-3F3F-0588-A635-F475B994915B', INFORMATION_TYPE = 'contact.email', INFORMATION_TYPE_ID = '0228412E-98FF-591E-8A2A-9EFE240D1C2C', RANK = MEDIUM);

-- users.last_ip: automatic.ip_address (rules suggestion, confidence 0.95)
IF EXISTS (SELECT 1 FROM sys.sensitivity_classifications AS sc WHERE sc.major_id = OBJECT_ID(N'[dbo].[users]') AND sc.minor_id = COLUMNPROPERTY(OBJECT_ID(N'[dbo].[users]'), N'last_ip', 'ColumnId'))
    DROP SENSITIVITY CLASSIFICATION FROM [dbo].[users].[last_ip];
ADD SENSITIVITY CLASSIFICATION TO [dbo].[users].[last_ip]
    WITH (LABEL = 'Confidential - GDPR', LABEL_ID = '989ADC05-3F3F-0588-A635-F475B994915B', INFORMATION_TYPE = 'Networking', INFORMATION_TYPE_ID = 'B40AD280-0F6A-6CA8-11BA-2F1A08651FCF', RANK = LOW);

COMMIT TRANSACTION;

-- UNDO: drops the classifications added above.
-- DROP SENSITIVITY CLASSIFICATION FROM [dbo].[users].[email];
-- DROP SENSITIVITY CLASSIFICATION FROM [dbo].[users].[last_ip];
