using Inventory.Catalog;
using Inventory.Config;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>
/// Every case of ../shared/cases with a <c>setup.postgres.sql</c>, at connector level: setup in a fresh database, catalog
/// read with the case's config.yml filters, every table sampled. Asserted here: the <c>absent</c> and <c>status:</c>
/// rows (except <c>status:conflict</c>, which is decided by the annotation merge), that every other listed column is
/// present, and that nothing throws. The category, <c>untagged</c> and <c>a|b</c> rows wait for the classifier and are
/// asserted by the full case runner (integration), not here; the sampling facts they rest on are checked below per case.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresCaseTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        Directory.Exists(SharedPaths.Cases)
            ? Directory.GetDirectories(SharedPaths.Cases)
                .Where(d => File.Exists(Path.Combine(d, "setup.postgres.sql")))
                .Order(StringComparer.Ordinal)
                .Select(d => new TestCaseData(Path.GetFileName(d)).SetName($"Case_{Path.GetFileName(d)[..3]}_MeetsConnectorExpectations"))
            : [];

    [TestCaseSource(nameof(Cases))]
    public async Task Case_Setup_MeetsConnectorExpectations(string caseName)
    {
        var folder = Path.Combine(SharedPaths.Cases, caseName);
        var id = caseName[..3].ToLowerInvariant();
        var configPath = Path.Combine(folder, "config.yml");
        var defaults = File.Exists(configPath) ? InventoryConfig.Load(configPath).SourceDefaults : null;
        var filter = new CatalogFilter(defaults?.Include ?? [], defaults?.Exclude ?? []);
        var options = defaults?.Sample ?? new SampleOptions();
        bool asScanner = id == "c14";

        await using var db = await TestPostgres.CreateAsync(id);
        try
        {
            db.RunPsqlFile(Path.Combine(folder, "setup.postgres.sql"));
            string? password = null;
            if (asScanner)
            {
                password = "pw-" + Guid.NewGuid().ToString("N");
                await db.ExecuteAsync($"ALTER ROLE pii_scanner PASSWORD '{password}'");
            }

            // When
            await using var connector = PostgresTestKit.Connector(db, asScanner ? "pii_scanner" : null, password);
            var catalog = await connector.ReadCatalogAsync(filter);
            var samples = await PostgresTestKit.SampleAllAsync(connector, catalog, options);

            // Then
            foreach (var (name, sample) in samples)
                await TestContext.Out.WriteLineAsync($"{caseName} {name}: {sample.RowCount} rows, {sample.Method}, {sample.NotSampled}, {sample.Issues.Count} issues");
            var tables = catalog.Tables.ToDictionary(t => t.QualifiedName(catalog.DefaultSchema), StringComparer.Ordinal);
            using (Assert.EnterMultipleScope())
            {
                // Relations, columns, keys, and one view-lineage query when the case holds views or materialized views.
                Assert.That(catalog.QueryCount, Is.EqualTo(catalog.Tables.Any(t => t.Kind is TableKind.View or TableKind.MaterializedView) ? 4 : 3), "catalog queries");
                foreach (var row in PostgresTestKit.ReadExpected(folder).Where(r => !r.OtherEngineOnly))
                    AssertRow(row, tables, samples);
                AssertCaseSpecifics(id, tables, samples, PostgresTestKit.ReadExpected(folder));
            }
        }
        finally
        {
            if (asScanner)
            {
                await db.DisposeAsync();
                await PostgresTestKit.AdminExecuteAsync("DROP ROLE IF EXISTS pii_scanner");
            }
        }
    }

    private static void AssertRow(PostgresTestKit.ExpectedRow row, Dictionary<string, TableInfo> tables, Dictionary<string, TableSample> samples)
    {
        var where = $"{row.Table}.{row.Column} ({row.Expected})";
        tables.TryGetValue(row.Table, out var table);
        if (row.Expected == "absent")
        {
            if (row.Column == "*") Assert.That(table, Is.Null, where);
            else Assert.That(table?.Columns.Select(c => c.Name), Has.No.Member(row.Column), where);
            return;
        }
        Assert.That(table, Is.Not.Null, where);
        if (table is null) return;
        var sample = samples[row.Table];
        if (row.Column != "*")
            Assert.That(table.Columns.Select(c => c.Name), Has.Member(row.Column), where);
        if (!row.Expected.StartsWith("status:", StringComparison.Ordinal) || row.Expected == "status:conflict") return;
        NotSampledReason? expected = row.Expected switch
        {
            "status:no-privilege" => NotSampledReason.NoPrivilege,
            "status:timed-out" => NotSampledReason.TimedOut,
            _ => null,
        };
        var actual = row.Column == "*" ? sample.NotSampled : sample.Columns[row.Column].NotSampled;
        if (expected is null) Assert.That(actual, Is.Not.Null, where);
        else Assert.That(actual, Is.EqualTo(expected), where);
    }

    private static void AssertCaseSpecifics(string id, Dictionary<string, TableInfo> tables, Dictionary<string, TableSample> samples,
        IReadOnlyList<PostgresTestKit.ExpectedRow> expected)
    {
        // No table of any case may fail to sample, except what the case says (C14 privileges, a status:not-sampled row).
        var mayFail = expected.Where(r => r.Expected.StartsWith("status:not-sampled", StringComparison.Ordinal)).Select(r => r.Table).ToHashSet();
        foreach (var (name, sample) in samples)
            if (id != "c14" && !mayFail.Contains(name))
                Assert.That(sample.Issues, Is.Empty, $"{name}: {string.Join("; ", sample.Issues.Select(i => i.Kind + " " + i.Message))}");
        // Whatever failed, the server's error text (which may quote a value) never reaches an issue: C42's view quotes
        // a canary e-mail in its error message.
        foreach (var issue in samples.Values.SelectMany(s => s.Issues))
            Assert.That(issue.Message, Does.Not.Contain("canary").And.Not.Contain("@"), $"{issue.Column}: issue text carries a value");

        switch (id)
        {
            case "c03":
                Assert.That(samples["subscription"].RowCount, Is.EqualTo(3));
                Assert.That(samples["subscription"].Columns["valid_from"].Values, Does.Contain("-infinity"));
                Assert.That(samples["subscription"].Columns["renewed_on"].Values.Any(v => v.EndsWith(" BC", StringComparison.Ordinal)), Is.True);
                Assert.That(samples["customer_ok"].RowCount, Is.EqualTo(2));
                break;
            case "c04":
                var signup = samples["signup"];
                Assert.That(signup.Method, Does.StartWith("tablesample"));
                Assert.That(signup.Columns["contact"].Values.Count(v => v.Contains('@')), Is.GreaterThan(10), "sample reaches past the 10,000 placeholders");
                var clicks = samples["click_log"];
                Assert.That(clicks.Method, Does.StartWith("tablesample system"));
                Assert.That(clicks.RowCount, Is.EqualTo(500));
                Assert.That(clicks.Columns["ip"].Values.Select(v => v.Split('.')[^1]).Distinct().Count(), Is.GreaterThan(50), "rows from many places of the table");
                break;
            case "c07":
                Assert.That(samples["newsletter_optin"].RowCount, Is.Zero);
                Assert.That(samples["audit_tmp"].RowCount, Is.EqualTo(2));
                Assert.That(samples["audit_tmp"].Columns["payload"].NullCount, Is.EqualTo(2));
                break;
            case "c11":
                Assert.That(samples["Sales.Customer"].Columns["buyer \"nick\" name"].Values, Has.Count.EqualTo(2));
                Assert.That(samples["Sales.Customer"].Columns["EMail"].Values, Does.Contain("ana.k@example.com"));
                Assert.That(samples["Sales.Customer"].Columns["email"].Values, Does.Contain("ana.alt@example.org"));
                Assert.That(samples["sales.customer"].RowCount, Is.EqualTo(1));
                break;
            case "c12":
                Assert.That(tables["visit"].Kind, Is.EqualTo(TableKind.PartitionedTable));
                Assert.That(tables["visit"].Partitions, Is.EqualTo(new[] { "visit_2024", "visit_2025" }));
                Assert.That(samples["visit"].RowCount, Is.EqualTo(2));
                Assert.That(tables["author"].Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "a", "pen_name" }));
                Assert.That(tables["author"].Columns.Select(c => c.Ordinal), Is.EqualTo(new[] { 1, 2, 3 }));
                break;
            case "c13":
                Assert.That(tables["v_customer_contact"].Kind, Is.EqualTo(TableKind.View));
                Assert.That(samples["v_customer_contact"].Method, Does.StartWith("limit").And.Contains("view"));
                Assert.That(samples["v_customer_contact"].RowCount, Is.EqualTo(3));
                Assert.That(tables["mv_customer"].Kind, Is.EqualTo(TableKind.MaterializedView));
                Assert.That(samples["mv_customer"].RowCount, Is.EqualTo(3));
                break;
            case "c14":
                var payout = samples["payout"];
                Assert.That(payout.RowCount, Is.EqualTo(2));
                Assert.That(payout.Columns["holder_name"].Values, Has.Count.EqualTo(2));
                Assert.That(payout.Columns["iban"].NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege));
                Assert.That(payout.Columns["iban"].Values, Is.Empty);
                Assert.That(tables["payout"].Columns.Single(c => c.Name == "iban").Readable, Is.False);
                Assert.That(tables["secret_stuff"].Readable, Is.False);
                Assert.That(samples["secret_stuff"].Issues.Select(i => i.Kind), Does.Contain("no-privilege"));
                break;
            case "c17":
                var blob = samples["profile_blob"];
                Assert.That(blob.Columns["avatar"].NotSampled, Is.EqualTo(NotSampledReason.Binary));
                Assert.That(blob.Columns["avatar"].BinaryLengths, Is.EquivalentTo(new long[] { 4, 8 }));
                Assert.That(blob.Columns["avatar"].Values, Is.Empty);
                Assert.That(blob.Columns["owner_rel"].Values, Does.Contain("pg_class"));
                Assert.That(blob.Columns["stay"].Values, Does.Contain("empty"));
                Assert.That(blob.Columns["cols"].Values, Does.Contain("1 2"));
                Assert.That(tables["profile_blob"].Columns.Single(c => c.Name == "pref").DeclaredType, Is.EqualTo("contact_pref"));
                break;
            case "c27":
                Assert.That(tables.Keys, Is.EqualTo(new[] { "app.customer" }));
                break;
        }
    }
}
