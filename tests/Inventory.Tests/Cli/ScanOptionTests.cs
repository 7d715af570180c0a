using Inventory.Cli;
using Inventory.Config;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Scan options a user can get wrong: a timeout that would disable the server's statement timeout, and
/// include patterns that match nothing.</summary>
[TestFixture]
public sealed class ScanOptionTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-scanopt-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    private static string Chinook => "sqlite:" + Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    [TestCase("--timeout=0s", "--timeout '0s' must be at least 1ms")]
    [TestCase("--timeout=0", "--timeout '0' must be at least 1ms")]
    [TestCase("--timeout=0.0001s", "must be at least 1ms")]
    [TestCase("--timeout=-5s", "--timeout '-5s' is negative")]
    public async Task Scan_TimeoutZeroOrNegative_ExitsTwoWithOneLine(string option, string expected)
    {
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await RunAsync("scan", "--connection", Chinook, option, "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), text);
            Assert.That(text, Does.Contain(expected));
            Assert.That(text.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
            Assert.That(File.Exists(output), Is.False, "nothing scanned");
        }
    }

    [TestCase("timeout: 0s", "'0s' must be at least 1ms")]
    [TestCase("lock-timeout: -1s", "lock-timeout '-1s' is negative")]
    public void Load_ConfigTimeoutZeroOrNegative_ErrorAtItsLine(string line, string expected)
    {
        var file = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(file, $"sources:\n  - name: app\n    connection: {Chinook}\n    sample:\n      {line}\n");

        Assert.That(() => InventoryConfig.Load(file), Throws.TypeOf<ConfigurationException>()
            .With.Message.StartsWith($"{file}:5:").And.Message.Contains(expected));
    }

    [Test]
    public async Task Scan_IncludeMatchesNothing_WarnsNamingThePatternAndTheSource()
    {
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await RunAsync("scan", "--connection", Chinook, "--include", "album", "--include", "Artist", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(text, Does.Contain("warning: include pattern 'album' matches no table of source 'default'; names are case-sensitive"));
            Assert.That(text, Does.Not.Contain("pattern 'Artist'"), "Artist matched");
        }
    }

    [Test]
    public async Task Scan_NoIncludeMatches_WarnsThatNoTableWasScanned()
    {
        var (code, text) = await RunAsync("scan", "--connection", Chinook, "--include", "main.nothing*", "--out", Path.Combine(_dir, "i.json"));

        Assert.That((code, text.Contains("include pattern 'main.nothing*' matches no table of source 'default' (0 tables scanned)", StringComparison.Ordinal)),
            Is.EqualTo((ExitCodes.Ok, true)), text);
    }

    [Test]
    [Category("Integration")]
    public async Task Scan_PostgresDatabaseWithoutTables_WarnsThatTheSourceHoldsNoTable()
    {
        await using var db = await TestPostgres.CreateAsync("emptydb");
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await RunAsync("scan", "--connection", db.ConnectionString, "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(text, Does.Contain("warning: source 'default' holds no table: the database its connection names is empty"));
            Assert.That(Inventory.Model.InventoryJson.Read(output).AllTables().Count(), Is.EqualTo(0), "the empty inventory is still written");
        }
    }

    [TestCase("check")]
    [TestCase("annotate")]
    [Category("Integration")]
    public async Task GateCommandScanningAnEmptyDatabase_WarnsAsScanDoes(string command)
    {
        await using var db = await TestPostgres.CreateAsync("emptygate");
        string[] args = command == "annotate"
            ? ["annotate", "--connection", db.ConnectionString, "--out", Path.Combine(_dir, "annotations")]
            : ["check", "--connection", db.ConnectionString, "--output-dir", _dir];

        var (_, text) = await RunAsync(args);

        Assert.That(text.Contains("warning: source 'default' holds no table", StringComparison.Ordinal), Is.True, text);
    }

    /// <summary>README: paths of inventory.yml are relative to the config file. A fleet's config kept beside its SQLite
    /// files and run from elsewhere (CI's checkout root, a pod's working directory) found none of them.</summary>
    [Test]
    public async Task Scan_ConfigInAnotherFolder_OpensItsSqliteFilesRelativeToTheConfigFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "fleet", "dbs"));
        File.Copy(Chinook["sqlite:".Length..], Path.Combine(_dir, "fleet", "dbs", "shop.sqlite"));
        var config = Path.Combine(_dir, "fleet", "inventory.yml");
        File.WriteAllText(config, "sources:\n  - name: shop\n    connection: sqlite:dbs/shop.sqlite\n"
            + "  - name: native\n    connection: Data Source=dbs/shop.sqlite\n    include: [Album]\n");
        Assert.That(Path.GetFullPath("dbs/shop.sqlite"), Does.Not.StartWith(_dir), "the working directory is not the config's folder");
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await RunAsync("scan", "--config", config, "--sample-rows", "0", "--out", output);

        var document = Inventory.Model.InventoryJson.Read(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(document.Issues, Is.Empty);
            Assert.That(document.Sources.Select(s => (s.Name, s.Target, s.Tables.Count)),
                Is.EquivalentTo(new[] { ("native", "dbs/shop.sqlite", 1), ("shop", "dbs/shop.sqlite", 11) }), "the target is shown as written");
        }
    }

    /// <summary>A fleet's config with one connection copied and not edited: two sources, one database, the same scope.</summary>
    [Test]
    public async Task Scan_TwoSourcesReadingOneDatabase_WarnsOnceNamingBoth()
    {
        var file = Path.Combine(_dir, "chinook.sqlite");
        File.Copy(Chinook["sqlite:".Length..], file);
        var other = Path.Combine(_dir, "other.sqlite");
        File.Copy(Chinook["sqlite:".Length..], other);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n  - name: shop-paris\n    connection: sqlite:chinook.sqlite\n"
            + "  - name: shop-lyon\n    connection: sqlite:chinook.sqlite\n  - name: shop-lille\n    connection: sqlite:other.sqlite\n");

        var (code, text) = await RunAsync("scan", "--config", config, "--sample-rows", "0", "--out", Path.Combine(_dir, "i.json"));

        var warnings = text.Split('\n').Where(l => l.StartsWith("warning: sources ", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(warnings, Is.EqualTo(new[]
            {
                "warning: sources 'shop-lyon', 'shop-paris' read sqlite chinook.sqlite with the same include/exclude patterns: "
                + "its tables are in the inventory once per source; a connection copied and not edited? give each source its own "
                + "database, or patterns that split it",
            }), text);
        }
    }

    [Test]
    public async Task Scan_TwoSourcesSplittingOneDatabaseByPatterns_DoNotWarn()
    {
        var file = Path.Combine(_dir, "chinook.sqlite");
        File.Copy(Chinook["sqlite:".Length..], file);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n  - name: sales\n    connection: sqlite:chinook.sqlite\n    include: [Invoice*]\n"
            + "  - name: rest\n    connection: sqlite:chinook.sqlite\n    exclude: [Invoice*]\n");

        var (code, text) = await RunAsync("scan", "--config", config, "--sample-rows", "0", "--out", Path.Combine(_dir, "i.json"));

        Assert.That((code, text.Contains("warning: sources", StringComparison.Ordinal)), Is.EqualTo((ExitCodes.Ok, false)), text);
    }

    [Test]
    public async Task Scan_DatabaseWithTables_DoesNotWarnOfAnEmptySource()
    {
        var (code, text) = await RunAsync("scan", "--connection", Chinook, "--sample-rows", "0", "--out", Path.Combine(_dir, "i.json"));

        Assert.That((code, text.Contains("holds no table", StringComparison.Ordinal)), Is.EqualTo((ExitCodes.Ok, false)), text);
    }

    [TestCase("sources: []\n")]
    [TestCase("")]
    [TestCase("parallelism: 2\n")]
    public async Task Scan_ConfigWithoutSources_NamesTheFileItRead(string yaml)
    {
        var file = Path.Combine(_dir, "inventory.yml");
        await File.WriteAllTextAsync(file, yaml);

        var (code, text) = await RunAsync("scan", "--config", file, "--out", Path.Combine(_dir, "i.json"));

        Assert.That((code, text.Trim()), Is.EqualTo((ExitCodes.BadInput,
            $"error: nothing to scan: {file} lists no source; add one under 'sources:' (name, connection), or pass --connection")));
    }

    [TestCase("Host=127.0.0.1;Username=postgres;Pasword=hunter2", "invalid postgres connection string: unknown key 'Pasword' (did you mean 'Password'?)")]
    [TestCase("Server=127.0.0.1;Port=3306;User ID=inventory_test;Pasword=hunter2;SslMode=None", "invalid mysql connection string: unknown key 'Pasword' (did you mean 'Password'?)")]
    [TestCase("Host=127.0.0.1;Port=hunter2;Username=postgres;Password=x", "invalid postgres connection string: the value of 'Port' is not valid (the value is not shown)")]
    public async Task Scan_NativeConnectionStringWithABadPair_NamesTheKeyNeverTheValue(string connection, string expected)
    {
        var (code, text) = await RunAsync("scan", "--connection", connection, "--out", Path.Combine(_dir, "i.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain(expected));
            Assert.That(text, Does.Not.Contain("hunter2"));
        }
    }

    [Test]
    [Category("Integration")]
    public async Task Scan_PostgresSchemaWithADot_QuotedIncludeScansExactlyIt()
    {
        // Given schema "My.Schema" and, to tell them apart, schema "My" holding a table "Schema.orders"
        await using var db = await TestPostgres.CreateAsync("dotschema", """
            CREATE SCHEMA "My.Schema";
            CREATE TABLE "My.Schema".orders (id integer PRIMARY KEY, email text);
            CREATE SCHEMA "My";
            CREATE TABLE "My"."Schema.orders" (id integer PRIMARY KEY);
            CREATE TABLE public.other (id integer PRIMARY KEY);
            """);
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await RunAsync("scan", "--connection", db.ConnectionString, "--include", "\"My.Schema\".*", "--sample-rows", "0", "--out", output);

        var tables = Inventory.Model.InventoryJson.Read(output).AllTables().Select(t => (t.Table.Schema, t.Table.Name)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(tables, Is.EqualTo(new[] { ("My.Schema", "orders") }));
            Assert.That(text, Does.Not.Contain("matches no table"));
        }
    }
    [Test]
    public async Task Scan_ExcludeNamingASchemaWithoutADot_WarnsAndNamesThePatternThatExcludesIt()
    {
        // Trial44 finding 6: --exclude auditoria (a schema filter, as other tools take it) names a table in any schema.
        await using var db = await TestPostgres.CreateAsync("exclschema", """
            CREATE SCHEMA auditoria;
            CREATE TABLE auditoria.cambios (id integer PRIMARY KEY, usuario text);
            CREATE TABLE auditoria.accesos (id integer PRIMARY KEY, ip inet);
            CREATE TABLE public.pacientes (id integer PRIMARY KEY, nombre text);
            CREATE TABLE public.cambios (id integer PRIMARY KEY);
            """);
        var bare = Path.Combine(_dir, "bare.json");
        var qualified = Path.Combine(_dir, "qualified.json");

        var (bareCode, bareText) = await RunAsync("scan", "--connection", db.ConnectionString, "--exclude", "auditoria", "--exclude", "cambios", "--sample-rows", "0", "--out", bare);
        var (code, text) = await RunAsync("scan", "--connection", db.ConnectionString, "--exclude", "auditoria.*", "--sample-rows", "0", "--out", qualified);

        static List<string> Tables(string path) => Inventory.Model.InventoryJson.Read(path).AllTables().Select(t => $"{t.Table.Schema}.{t.Table.Name}").Order(StringComparer.Ordinal).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bareCode, Is.EqualTo(ExitCodes.Ok), bareText);
            Assert.That(Tables(bare), Is.EqualTo(new[] { "auditoria.accesos", "public.pacientes" }), "a bare pattern excludes tables named so");
            Assert.That(bareText, Does.Contain("warning: exclude pattern 'auditoria' names a table"));
            Assert.That(bareText, Does.Contain("'auditoria' is a schema of source 'default' whose 1 table(s) were scanned; to leave the schema out, exclude 'auditoria.*'"));
            Assert.That(bareText, Does.Not.Contain("exclude pattern 'cambios'"), "cambios is no schema");
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(Tables(qualified), Is.EqualTo(new[] { "public.cambios", "public.pacientes" }));
            Assert.That(text, Does.Not.Contain("exclude pattern"));
        }
    }
}
