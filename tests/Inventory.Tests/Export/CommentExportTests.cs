using Inventory.Annotations;
using Inventory.Reports.Export;
using NUnit.Framework;

namespace Inventory.Tests.Export;

/// <summary>The <c>inventory:</c> line merged into existing comments, and the PostgreSQL and MySQL script shapes.</summary>
[TestFixture]
public sealed class CommentExportTests
{
    [TestCase(null, "contact.email", ExpectedResult = "inventory: contact.email")]
    [TestCase("  ", "contact.email", ExpectedResult = "inventory: contact.email")]
    [TestCase("Customer e-mail", "contact.email", ExpectedResult = "Customer e-mail\ninventory: contact.email")]
    [TestCase("Customer e-mail\n\n", "contact.email", ExpectedResult = "Customer e-mail\ninventory: contact.email")]
    [TestCase("Main phone\ninventory: contact.email\nsee CRM", "contact.phone", ExpectedResult = "Main phone\ninventory: contact.phone\nsee CRM")]
    [TestCase("category=contact.email\nnote\ninventory: none", "contact.phone", ExpectedResult = "inventory: contact.phone\nnote")]
    [TestCase("inventory: is the name of our tool", "none", ExpectedResult = "inventory: is the name of our tool\ninventory: none")]
    [TestCase("Windows line\r\ninventory: none\r\n", "contact.name", ExpectedResult = "Windows line\r\ninventory: contact.name\n")]
    public string Merge_KeepsOtherLinesAndSetsOneLabelLine(string? existing, string category) => CommentLabel.Merge(existing, category);

    [TestCase("Customer e-mail\ninventory: contact.phone", "contact.email")]
    [TestCase("category=none", "other_personal.credentials")]
    [TestCase(null, "customer_content.message")]
    [TestCase("inventory: is the name of our tool", "automatic.ip_address")]
    public void Merge_ReadBackByTheLabelReader_GivesTheCategory(string? existing, string category) =>
        Assert.That(DatabaseLabels.FromComment(CommentLabel.Merge(existing, category), KnownCategories.BuiltIn), Is.EqualTo(category));

    [Test]
    public void Postgres_QuotesIdentifiersAndLiterals_AndKeepsTheScannedCommentForUndo()
    {
        var column = ExportDocuments.Tagged("Full \"Name\"", "contact.name", comment: "Owner's name\ninventory: none");
        var plan = ExportDocuments.Plan(ExportDocuments.Document("postgres", ExportDocuments.Table("Sales", "Order's", [column])));

        var script = LabelExport.Write(plan, ExportFormat.PostgresComments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.Contain("SET standard_conforming_strings = on;\nBEGIN;\n"));
            Assert.That(script, Does.Contain("COMMENT ON COLUMN \"Sales\".\"Order's\".\"Full \"\"Name\"\"\" IS 'Owner''s name\ninventory: contact.name';"));
            Assert.That(script, Does.Contain("-- COMMENT ON COLUMN \"Sales\".\"Order's\".\"Full \"\"Name\"\"\" IS E'Owner''s name\\ninventory: none';"));
            Assert.That(script, Does.Contain("COMMIT;"));
        }
    }

    [Test]
    public void MySql_GuardsEachStatementOnTheLiveDefinitionAndEscapesTwice()
    {
        // Given a NOT NULL column with a comment holding a quote and a backslash, and a backtick in the table name
        var column = ExportDocuments.Tagged("email", "contact.email", declaredType: "varchar(255)", nullable: false, comment: "it's C:\\mail");
        var plan = ExportDocuments.Plan(ExportDocuments.Document("mysql", ExportDocuments.Table("shop", "cus`tomer", [column], defaultSchema: "shop")));

        // When the MySQL script is written
        var script = LabelExport.Write(plan, ExportFormat.MySqlComments);
        const string head = "ALTER TABLE `cus``tomer` MODIFY COLUMN `email` varchar(255)";
        var tail = " COMMENT 'it''s C:\\\\mail\\ninventory: contact.email'";

        // Then the statement restates type and nullability (and what the live column shows of AUTO_INCREMENT and
        // CURRENT_TIMESTAMP), runs only on a base table whose live column matches (NULL-safe tests), and is escaped as a
        // literal inside the guard; the UNDO block is the same guarded block with the scanned comment
        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.Contain("SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');"));
            Assert.That(script, Does.Contain("SET @inventory_schema = DATABASE(), @inventory_table = 'cus`tomer', @inventory_column = 'email';"));
            Assert.That(script, Does.Contain("WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN"));
            Assert.That(script, Does.Contain("WHEN NOT (c.COLUMN_TYPE <=> 'varchar(255)') OR NOT (c.IS_NULLABLE <=> 'NO') THEN"));
            Assert.That(script, Does.Contain("WHEN NOT (TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', '')) IN ('', 'auto_increment') OR "));
            Assert.That(script, Does.Contain("SET @inventory_version = VERSION();\nSET @inventory_sql_defaults = @inventory_version LIKE '%MariaDB%' AND "));
            Assert.That(script, Does.Contain("OR @inventory_sql_defaults) THEN 'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'"));
            Assert.That(script, Does.Contain("SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME))"));
            Assert.That(script, Does.Not.Contain("its collation"));
            Assert.That(script, Does.Contain("WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'"));
            Assert.That(script, Does.Contain("SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')\n    WHEN '' THEN CONCAT(" + MySqlLiteral(head)
                + ", @inventory_charset, ' NOT NULL', @inventory_restated, " + MySqlLiteral(tail) + ")\n"));
            Assert.That(script, Does.Contain("PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;"));
            Assert.That(script, Does.Contain("\n-- undo>     WHEN '' THEN CONCAT(" + MySqlLiteral(head) + ", @inventory_charset, ' NOT NULL', @inventory_restated, " + MySqlLiteral(" COMMENT 'it''s C:\\\\mail'") + ")\n"));
            Assert.That(script, Does.Contain("\n-- undo> PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;\n"));
            Assert.That(script, Does.Contain("Restated: the declared type and NULL/NOT NULL, as recorded by the scan; AUTO_INCREMENT, DEFAULT CURRENT_TIMESTAMP"));
        }
    }

    [Test]
    public void MySql_LongTextColumn_MayBeRestatedAsMariaDbJsonWithItsCheck_OthersNever()
    {
        var prefs = ExportDocuments.Tagged("prefs", "contact.email", declaredType: "longtext", nullable: false);
        var note = ExportDocuments.Tagged("note", "none", ordinal: 2, declaredType: "text");
        var script = LabelExport.Write(ExportDocuments.Plan(ExportDocuments.Document("mysql", ExportDocuments.Table("shop", "profile", [prefs, note], defaultSchema: "shop"))),
            ExportFormat.MySqlComments);
        const string json = "ALTER TABLE `profile` MODIFY COLUMN `prefs` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL";
        const string check = " COMMENT 'inventory: contact.email' CHECK (json_valid(`prefs`))";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.Contain("\n    WHEN 'json' THEN CONCAT(" + MySqlLiteral(json) + ", @inventory_restated, " + MySqlLiteral(check) + ")\n"));
            Assert.That(Count(script, "WHEN 'json' THEN"), Is.EqualTo(2), "only the longtext column, forward and undo");
            Assert.That(script, Does.Contain("WHEN @inventory_checks = 1 AND @inventory_json_check = 1 AND c.COLLATION_NAME <=> 'utf8mb4_bin' THEN 'json'"));
            Assert.That(script, Does.Contain("\n-- undo>     WHEN 'json' THEN CONCAT(" + MySqlLiteral(json) + ", @inventory_restated, "
                + MySqlLiteral(check.Replace("'inventory: contact.email'", "''", StringComparison.Ordinal)) + ")\n"));
        }
    }

    [Test]
    public void MySql_TableOfAnotherDatabase_IsQualified()
    {
        var users = ExportDocuments.Table("shop", "users", [ExportDocuments.Tagged("email", "contact.email")], defaultSchema: "shop");
        var leads = ExportDocuments.Table("crm", "leads", [ExportDocuments.Tagged("phone", "contact.phone")], defaultSchema: "shop");
        var script = LabelExport.Write(ExportDocuments.Plan(ExportDocuments.Document("mysql", users, leads)), ExportFormat.MySqlComments);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.Contain("'ALTER TABLE `crm`.`leads` MODIFY COLUMN `phone`").And.Contain("SET @inventory_schema = 'crm', @inventory_table = 'leads'"));
            Assert.That(script, Does.Contain("'ALTER TABLE `users` MODIFY COLUMN `email`").And.Contain("SET @inventory_schema = DATABASE(), @inventory_table = 'users'"));
        }
    }

    [Test]
    public void MySql_OneGuardedStatementPerExportedColumn()
    {
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("mariadb", "app"));
        var script = LabelExport.Write(plan, ExportFormat.MySqlComments);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Count(script, "SET @inventory_why = "), Is.EqualTo(2 * plan.Columns.Count), "forward and undo");
            Assert.That(Count(script, "\nPREPARE inventory_stmt FROM @inventory_ddl;"), Is.EqualTo(plan.Columns.Count));
            Assert.That(Count(script, "\n-- undo> PREPARE inventory_stmt FROM @inventory_ddl;"), Is.EqualTo(plan.Columns.Count));
            var longText = plan.Columns.Count(c => c.Column.DeclaredType.Equals("longtext", StringComparison.OrdinalIgnoreCase));
            Assert.That(Count(script, "MODIFY COLUMN `"), Is.EqualTo(2 * plan.Columns.Count + 2 * longText),
                "one guarded statement each, forward and undo, and a JSON statement per longtext column, forward and undo");
        }
    }

    [Test]
    public void Scripts_ColumnNameWithALineBreak_CannotEndAComment()
    {
        var column = ExportDocuments.Tagged("x\nDROP TABLE users; --", "contact.email");
        foreach (var (provider, format) in new[] { ("postgres", ExportFormat.PostgresComments), ("mysql", ExportFormat.MySqlComments), ("sqlserver", ExportFormat.SqlServerLabels) })
        {
            var plan = ExportDocuments.Plan(ExportDocuments.Document(provider, ExportDocuments.Table("app", "t", [column])));
            var script = LabelExport.Write(plan, format);
            // A raw line break in a `--` comment would start a line with the rest of the name, outside any comment.
            Assert.That(script.Split('\n'), Has.None.StartsWith("DROP TABLE users; --:"), format.ToString());
            Assert.That(script, Does.Contain("-- app.t.x\\u000ADROP TABLE users; --: contact.email"), format.ToString());
        }
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static string MySqlLiteral(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
