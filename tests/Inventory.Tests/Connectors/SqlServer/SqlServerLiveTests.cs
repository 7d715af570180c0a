using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Tests.Support;
using Microsoft.Data.SqlClient;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>Runs the SQL Server cases against a real server when <c>INVENTORY_SQLSERVER</c> holds a connection string
/// for a login that may create databases; ignored with that reason otherwise. Each test creates a uniquely named
/// database, runs the case's setup script (batches split on lines holding only <c>GO</c>), scans it and drops it.</summary>
[Category("Integration")]
public sealed partial class SqlServerLiveTests
{
    private const string EnvironmentVariable = "INVENTORY_SQLSERVER";

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s
        : throw new IgnoreException($"{EnvironmentVariable} is not set: no SQL Server to run the live cases against " +
                                    "(set it to a SqlClient connection string of a login that may CREATE DATABASE)");

    private string? _database;

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is null) return;
        SqlConnection.ClearAllPools();
        await using var admin = new SqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = admin.CreateCommand();
        cmd.CommandText = $"IF DB_ID(N'{_database}') IS NOT NULL BEGIN ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}]; END";
        await cmd.ExecuteNonQueryAsync();
        _database = null;
    }

    private async Task<SqlServerConnector> CreateCaseAsync(string caseFolder) =>
        await CreateDatabaseAsync(await File.ReadAllTextAsync(Path.Combine(SharedPaths.Cases, caseFolder, "setup.sqlserver.sql")));

    private async Task<SqlServerConnector> CreateDatabaseAsync(string script)
    {
        var admin = AdminConnectionString;
        _database = $"inv_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE [{_database}]";
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new SqlConnectionStringBuilder(admin) { InitialCatalog = _database, Pooling = false }.ConnectionString;
        await using (var connection = new SqlConnection(cs))
        {
            await connection.OpenAsync();
            foreach (var batch in GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = batch;
                await cmd.ExecuteNonQueryAsync();
            }
        }
        return new SqlServerConnector(ConnectionTarget.Parse(cs, "sqlserver"));
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    private static async Task<(DatabaseCatalog Catalog, Dictionary<string, TableSample> Samples)> ScanAsync(IConnector connector)
    {
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var samples = new Dictionary<string, TableSample>(StringComparer.Ordinal);
        foreach (var table in catalog.Tables) samples[table.Name] = await connector.SampleAsync(table, new SampleOptions());
        return (catalog, samples);
    }

    [Test]
    public async Task ReadCatalog_TemporalTable_HistoryTableAndRetentionNamed()
    {
        await using var connector = await CreateDatabaseAsync("""
            ALTER DATABASE CURRENT SET TEMPORAL_HISTORY_RETENTION ON;
            GO
            CREATE SCHEMA history;
            GO
            CREATE TABLE dbo.customers (id int PRIMARY KEY, email nvarchar(80),
              valid_from datetime2 GENERATED ALWAYS AS ROW START NOT NULL, valid_to datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
              PERIOD FOR SYSTEM_TIME (valid_from, valid_to))
              WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = history.customers_history, HISTORY_RETENTION_PERIOD = 6 MONTHS));
            CREATE TABLE dbo.orders (id int PRIMARY KEY, total decimal(10, 2));
            """);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var history = catalog.Tables.ToDictionary(t => t.QualifiedName(catalog.DefaultSchema), t => t.History);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(history["customers"], Is.EqualTo(new RowHistory(RowHistory.TemporalTable, HistoryTable: "history.customers_history", RetentionPeriod: "6 MONTHS")));
            Assert.That(history["history.customers_history"], Is.EqualTo(new RowHistory(RowHistory.TemporalTable, VersionsOf: "customers", RetentionPeriod: "6 MONTHS")));
            Assert.That(history["orders"], Is.Null);
        }
    }

    [Test]
    public async Task ReadCatalogAndSample_SecurityPolicyFilter_RowLevelSecurityIssue()
    {
        await using var connector = await CreateDatabaseAsync("""
            CREATE SCHEMA security;
            GO
            CREATE FUNCTION security.same_tenant(@tenant sysname) RETURNS TABLE WITH SCHEMABINDING
              AS RETURN SELECT 1 AS allowed WHERE @tenant = USER_NAME();
            GO
            CREATE TABLE dbo.api_keys (id int PRIMARY KEY, tenant sysname NOT NULL, owner_email nvarchar(80));
            INSERT INTO dbo.api_keys SELECT TOP (40) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)), N'other', N'p@example.com' FROM sys.all_objects;
            CREATE TABLE dbo.plain (id int PRIMARY KEY, email nvarchar(80));
            CREATE SECURITY POLICY security.tenant_filter ADD FILTER PREDICATE security.same_tenant(tenant) ON dbo.api_keys WITH (STATE = ON);
            """);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var keys = catalog.Tables.Single(t => t.Name == "api_keys");
        var sample = await connector.SampleAsync(keys, new SampleOptions());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.RowFilter?.Mechanism, Is.EqualTo("security policy [security].[tenant_filter]"));
            Assert.That(catalog.Tables.Single(t => t.Name == "plain").RowFilter, Is.Null);
            Assert.That(sample.Issues.Single(i => i.Kind == "row-level-security").Message, Does.Contain("0 rows sampled").And.Contain("STATE = OFF"));
        }
    }

    [Test]
    public async Task Scan_C11OddIdentifiers_ExactNamesSampled()
    {
        await using var connector = await CreateCaseAsync("C11-identifier-case-and-quoting");

        var (catalog, samples) = await ScanAsync(connector);

        var table = catalog.Tables.Single();
        var sample = samples["Order Lines/2024"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Part No/Rev", "Buyer E-Mail", "Weird]Name", "Phone #" }));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.RowCount, Is.EqualTo(2));
            Assert.That(sample.Columns["Weird]Name"].Values, Has.Count.EqualTo(2));
            Assert.That(catalog.QueryCount, Is.LessThanOrEqualTo(6));
        }
    }

    [Test]
    public async Task Scan_C13View_SampledWithoutTableSample()
    {
        await using var connector = await CreateCaseAsync("C13-views-without-tablesample");

        var (catalog, samples) = await ScanAsync(connector);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Single(t => t.Name == "vCustomerContact").Kind, Is.EqualTo(TableKind.View));
            Assert.That(samples["vCustomerContact"].Method, Is.EqualTo("top (view)"));
            Assert.That(samples["vCustomerContact"].Issues, Is.Empty);
            Assert.That(samples["vCustomerContact"].Columns["mail"].Values, Has.Count.EqualTo(3));
            Assert.That(catalog.Tables.Single(t => t.Name == "customer").RowEstimate, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Scan_C15LegacyLobAndXml_ReadAsText()
    {
        await using var connector = await CreateCaseAsync("C15-sqlserver-lob-and-xml");

        var (catalog, samples) = await ScanAsync(connector);

        var sample = samples["LegacyNote"];
        var table = catalog.Tables.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Select(c => c.DeclaredType), Is.EqualTo(new[] { "int", "text", "ntext", "xml", "nvarchar(200)" }));
            Assert.That(table.PrimaryKey, Is.EqualTo(new[] { "Id" }));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.Columns["Body"].Values, Has.Count.EqualTo(3), "the empty string is a value, not trimmed away");
            Assert.That(sample.Columns["BodyN"].NullCount, Is.EqualTo(1));
            Assert.That(sample.Columns["Payload"].Values, Has.Count.EqualTo(2));
            Assert.That(sample.Columns["Payload"].Values, Has.Some.Contains("@example.com"));
        }
    }

    [Test]
    public async Task Scan_C16ClrTypes_ProjectedOnServer()
    {
        await using var connector = await CreateCaseAsync("C16-sqlserver-clr-types");

        var (catalog, samples) = await ScanAsync(connector);

        var sample = samples["Store"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Single().Columns.Single(c => c.Name == "Location").SamplingHint, Is.EqualTo("spatial"));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.Columns["Location"].Values, Has.All.StartWith("POINT"));
            Assert.That(sample.Columns["OrgNode"].Values, Is.EquivalentTo(new[] { "/1/", "/1/2/" }));
        }
    }

    [Test]
    public void ReadCatalog_WrongPassword_ClearErrorWithoutPassword()
    {
        var b = new SqlConnectionStringBuilder(AdminConnectionString) { Password = "not-the-password-9f3a", IntegratedSecurity = false, ConnectTimeout = 5 };
        if (string.IsNullOrEmpty(b.UserID)) Assert.Ignore("the server login uses integrated security; a wrong password cannot be tried");

        var error = Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await using var connector = new SqlServerConnector(ConnectionTarget.Parse(b.ConnectionString, "sqlserver"));
            await connector.ReadCatalogAsync(CatalogFilter.All);
        });

        Assert.That(error!.Message, Does.Contain("login failed").And.Not.Contain("not-the-password-9f3a"));
    }
}
