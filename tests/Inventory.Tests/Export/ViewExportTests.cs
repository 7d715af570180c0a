using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Model;
using Inventory.Reports.Export;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Export;

/// <summary>
/// Trial34 finding 12: <c>export</c> writes the labels of base tables only by default; the columns of views and
/// materialized views (whose data is stored in their base tables) are left out and counted, and <c>--include-views</c>
/// exports them too where the engine can label a view's column (PostgreSQL comments, Fides datasets). MySQL
/// (<c>ALTER TABLE</c> refuses a view) and SQL Server (classifications on table columns only) refuse the flag.
/// </summary>
[TestFixture]
public sealed class ViewExportTests
{
    private static ExportPlan Plan(string provider, bool includeViews, params TableEntry[] tables) =>
        LabelSelection.Select(ExportDocuments.Document(provider, tables), new ExportOptions { IncludeViews = includeViews, InventoryName = "inventory.json" });

    private static TableEntry[] TableViewAndMaterializedView(string schema) =>
    [
        ExportDocuments.Table(schema, "members", [ExportDocuments.Tagged("email", "contact.email", 1), ExportDocuments.Tagged("id", "none", 2)], defaultSchema: schema),
        ExportDocuments.Table(schema, "active_members", [ExportDocuments.Tagged("email", "contact.email", 1)], TableKind.View, schema),
        ExportDocuments.Table(schema, "member_stats", [ExportDocuments.Tagged("email", "contact.email", 1), ExportDocuments.Tagged("visits", "none", 2)],
            TableKind.MaterializedView, schema),
        ExportDocuments.Table(schema, "members_2024", [ExportDocuments.Tagged("email", "contact.email", 1)], TableKind.PartitionedTable, schema),
    ];

    [TestCase("postgres", "public", ExportFormat.PostgresComments)]
    [TestCase("postgres", "public", ExportFormat.Fides)]
    [TestCase("mysql", "shop", ExportFormat.MySqlComments)]
    [TestCase("sqlserver", "dbo", ExportFormat.SqlServerLabels)]
    public void Select_Default_BaseTablesOnlyAndViewColumnsCounted(string provider, string schema, ExportFormat format)
    {
        var plan = Plan(provider, false, TableViewAndMaterializedView(schema));
        var text = LabelExport.Write(plan, format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Columns.Select(c => c.Table.Name).Distinct(), Is.EquivalentTo(new[] { "members", "members_2024" }));
            Assert.That(plan.ViewColumnsLeftOut, Is.EqualTo(3));
            Assert.That(text, Does.Contain("View columns left out: 3 of views and materialized views"));
            Assert.That(text, Does.Not.Contain("active_members\"").And.Not.Contain("member_stats\"").And.Not.Contain("active_members]"));
        }
    }

    [TestCase(ExportFormat.PostgresComments)]
    [TestCase(ExportFormat.Fides)]
    public void Select_IncludeViews_ExportsViewColumnsToo(ExportFormat format)
    {
        var plan = Plan("postgres", true, TableViewAndMaterializedView("public"));
        var text = LabelExport.Write(plan, format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Columns, Has.Count.EqualTo(6));
            Assert.That(plan.ViewColumnsLeftOut, Is.Zero);
            Assert.That(text, Does.Contain("active_members").And.Contain("member_stats").And.Not.Contain("View columns left out"));
        }
    }

    [TestCase("mysql", ExportFormat.MySqlComments, "ALTER TABLE")]
    [TestCase("sqlserver", ExportFormat.SqlServerLabels, "table")]
    public void Write_IncludeViewsWhereTheEngineCannotLabelAView_ThrowsSayingWhy(string provider, ExportFormat format, string why)
    {
        var plan = Plan(provider, true, TableViewAndMaterializedView("app"));
        Assert.That(() => LabelExport.Write(plan, format),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("--include-views applies to postgres-comments and fides").And.Message.Contains(why));
    }

    [Test]
    public void Select_ViewColumnInConflict_IsLeftOutNotHeldBack()
    {
        var view = ExportDocuments.Table("public", "active_members", [ExportDocuments.Tagged("email", "contact.email", 1)], TableKind.View);
        view.Columns[0].Status = ColumnStatus.Conflict;
        var plan = Plan("postgres", false, view);
        Assert.That((plan.HeldBack.Count, plan.ViewColumnsLeftOut), Is.EqualTo((0, 1)));
    }

    /// <summary>trial36 finding 6: view columns tagged through their base column (lineage) were counted "untagged or
    /// below the accepted confidence"; they are view columns left out, and only the really untagged one is untagged.</summary>
    [Test]
    public void Select_ViewColumnsTaggedThroughLineage_CountAsViewColumnsLeftOutNotUntagged()
    {
        var view = ExportDocuments.Table("public", "active_members",
            [ExportDocuments.Tagged("email", "contact.email", 1), ExportDocuments.Tagged("phone", "contact.phone", 2), ExportDocuments.Tagged("note", "none", 3)],
            TableKind.View);
        foreach (var column in view.Columns.Take(2))
        {
            column.Origin = Origin.Lineage;
            column.ReadsFrom = new ColumnReference("public", "members", column.Name);
        }
        view.Columns[2].Status = ColumnStatus.Untagged;
        view.Columns[2].DataCategory = null;
        view.Columns[2].Origin = null;

        var plan = Plan("postgres", false, view);

        Assert.That((plan.ViewColumnsLeftOut, plan.NotExported), Is.EqualTo((2, 1)));
    }

    [Test]
    [Category("Integration")]
    [NonParallelizable]
    public async Task Export_PostgresViewsAndMaterializedViews_CommentsBaseTablesUnlessAsked()
    {
        // Given a table, a view and a materialized view over it in a real PostgreSQL, each annotated
        await using var db = await TestPostgres.CreateAsync("views");
        await db.ExecuteAsync("""
            CREATE TABLE members (id int PRIMARY KEY, email text);
            INSERT INTO members SELECT g, 'member' || g || '@example.org' FROM generate_series(1, 40) g;
            CREATE VIEW active_members AS SELECT id, email FROM members WHERE id > 5;
            CREATE MATERIALIZED VIEW member_stats AS SELECT email, count(*) AS visits FROM members GROUP BY email;
            """);
        using var dir = new TempFolder();
        dir.Write("annotations/members.yml", "table: members\ncolumns:\n  id: { category: none }\n  email: { category: contact.email }\n");
        dir.Write("annotations/views.yml", "table: active_members\ncolumns:\n  email: { category: contact.email }\n---\n" +
                                           "table: member_stats\ncolumns:\n  email: { category: contact.email }\n  visits: { category: none }\n");
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var console = new TestConsole();
        Assert.That(await InventoryApp.RunAsync(["scan", "--connection", db.ConnectionString, "--out", inventory], console), Is.EqualTo(ExitCodes.Ok), console.Output);

        // When exported by default, and with --include-views, and each script applied
        async Task<string> ExportAndApply(string name, params string[] extra)
        {
            var script = Path.Combine(dir.Path, name);
            var output = new TestConsole();
            var code = await InventoryApp.RunAsync(["export", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
                "--format", "postgres-comments", "--out", script, .. extra], output);
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output.Output);
            db.RunPsqlFile(script);
            return output.Output;
        }
        var byDefault = await ExportAndApply("default.sql");
        var (viewAfterDefault, matviewAfterDefault) = (await CommentAsync(db, "active_members"), await CommentAsync(db, "member_stats"));
        await ExportAndApply("views.sql", "--include-views");

        // Then the default comments the table only and says how many view columns it left out; the flag comments the views
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await CommentAsync(db, "members"), Is.EqualTo("inventory: contact.email"));
            Assert.That((viewAfterDefault, matviewAfterDefault), Is.EqualTo(((string?)null, (string?)null)));
            Assert.That(byDefault.ReplaceLineEndings(" "), Does.Contain("4 of views left out: --include-views exports them"), "the view's id inherits its category through lineage: a view column left out, not an untagged one");
            Assert.That(await CommentAsync(db, "active_members"), Is.EqualTo("inventory: contact.email"));
            Assert.That(await CommentAsync(db, "member_stats"), Is.EqualTo("inventory: contact.email"));
        }
    }

    private static async Task<string?> CommentAsync(TestDatabase db, string relation)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT col_description(c.oid, a.attnum) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid " +
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @t AND a.attname = 'email'", connection);
        cmd.Parameters.AddWithValue("t", relation);
        return await cmd.ExecuteScalarAsync() as string;
    }
}
