using Inventory.Cli;
using Inventory.Config;
using Inventory.Demo;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>trial42 finding 6: a literal password in <c>inventory.yml</c> was taken silently, while the CI recipe commits
/// that file beside the annotations. A scan (and check or annotate when they scan) now warns once per such source,
/// naming the file, the place, the source and the fix, never the password; a password from <c>${VAR}</c> and a
/// connection without one are left alone, the demo's config included.</summary>
[TestFixture]
public sealed class LiteralPasswordWarningTests
{
    [TestCase("postgres://scanner:s3cret@db:5432/app")]
    [TestCase("postgresql://scanner:Sc4n%23x%40y@db/app")]
    [TestCase("postgres://scanner:s3cret@${DB_HOST}:${DB_PORT}/app")]
    [TestCase("postgres://scanner:pre${SUFFIX}@db/app")]
    [TestCase("postgres://scanner:$${not-a-variable}@db/app")]
    [TestCase("Host=db;Username=scanner;Password=s3cret;Database=app")]
    [TestCase("mysql://scanner:pw@db:3306/shop")]
    [TestCase("sqlserver://sa:Pw1!@db:1433/app")]
    public void HoldsLiteralPassword_PasswordWrittenInTheText_True(string written) =>
        Assert.That(InventoryConfig.HoldsLiteralPassword(written, null), Is.True);

    [TestCase("postgres://scanner:${SCANNER_PASSWORD}@db:5432/app")]
    [TestCase("${DATABASE_URL}")]
    [TestCase("Host=db;Username=scanner;Password=${PW};Database=app")]
    [TestCase("postgres://scanner@db/app")]
    [TestCase("postgres://scanner:@db/app")]
    [TestCase("Host=db;Username=scanner;Database=app")]
    [TestCase("sqlite:app.db")]
    [TestCase("sqlite:files/a$${B}.db")]
    [TestCase("not a connection")]
    public void HoldsLiteralPassword_NoPasswordOrOneFromAVariable_False(string written) =>
        Assert.That(InventoryConfig.HoldsLiteralPassword(written, null), Is.False);

    /// <summary>Generated passwords of every character a password may hold (percent-encoded in a URI, quoted in a native
    /// string) are each found; the same connections with the password from a variable never are.</summary>
    [Test]
    public void HoldsLiteralPassword_GeneratedPasswords_EachFoundAndNoneFromAVariable()
    {
        var random = new Random(43);
        const string alphabet = "abcXYZ0189#@/%:;=!$&'()*+,?[]{} \"-_.~";
        var missed = new List<string>();
        var flagged = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var password = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var user = $"u{i}";
            var forms = new[]
            {
                $"postgres://{user}:{Uri.EscapeDataString(password).Replace("$", "%24", StringComparison.Ordinal)}@db{i % 7}:5432/app",
                $"mysql://{user}:{Uri.EscapeDataString(password).Replace("$", "%24", StringComparison.Ordinal)}@db:3306/shop",
                $"Host=db;Username={user};Password=\"{password.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("${", "$${", StringComparison.Ordinal)}\";Database=app",
            };
            // A native string holding "://" is refused by every parse as an unknown URI scheme, so it is never scanned.
            missed.AddRange(forms.Where(f => !f.StartsWith("Host=", StringComparison.Ordinal) || !password.Contains("://", StringComparison.Ordinal))
                .Where(f => !InventoryConfig.HoldsLiteralPassword(f, null)));
            var variable = $"${{PW_{i}}}";
            var fromVariables = new[]
            {
                $"postgres://{user}:{variable}@db{i % 7}:5432/app",
                $"mysql://{user}:{variable}@${{HOST_{i}}}:3306/shop",
                $"Host=db;Username={user};Password={variable};Database=app",
                variable,
            };
            flagged.AddRange(fromVariables.Where(f => InventoryConfig.HoldsLiteralPassword(f, null)));
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missed, Is.Empty, "a literal password not found");
            Assert.That(flagged, Is.Empty, "a password from a variable taken for a literal one");
        }
    }

    [Test]
    public async Task DemoConfig_NoPassword_NoWarning()
    {
        var folder = ScratchFolder.Create("inventory-pwdemo");
        InventoryConfig config;
        try
        {
            var path = Path.Combine(folder, "inventory.yml");
            await File.WriteAllTextAsync(path, DemoAssets.ConfigYaml(Path.Combine(folder, "demo.db")));
            config = InventoryConfig.Load(path);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Sources, Is.Not.Empty);
            Assert.That(config.LiteralPasswordWarnings(), Is.Empty);
        }
    }
}

/// <summary>The warning as a scan prints it, against a real PostgreSQL database read by a role whose password is written
/// in one source and taken from the environment in the other.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteralPasswordWarningLiveTests
{
    private const string Password = "L1teral#pw-u43";
    private TestDatabase? _database;
    private string _role = "";
    private string _dir = "";
    private string _variable = "";

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _role = $"inv_u43pw_{Guid.NewGuid():N}"[..24];
        _database = await TestPostgres.CreateAsync("users43pw", "CREATE TABLE clients (id int PRIMARY KEY, email text); INSERT INTO clients VALUES (1, 'a.b@example.org');");
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE ROLE \"{_role}\" LOGIN PASSWORD '{Password}'; GRANT CONNECT ON DATABASE \"{_database.Name}\" TO \"{_role}\";", admin);
        await cmd.ExecuteNonQueryAsync();
        await _database.ExecuteAsync($"GRANT SELECT ON clients TO \"{_role}\"");
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null) await _database.DisposeAsync();
        await TestPostgres.DropRoleAsync(_role);
    }

    [SetUp]
    public void SetUp()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-pwwarn-{Guid.NewGuid():N}"));
        _variable = $"INVENTORY_U43_{Guid.NewGuid():N}".ToUpperInvariant();
        Environment.SetEnvironmentVariable(_variable, Password);
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Scan_OneSourceWithALiteralPassword_WarnsOnceForItNeverPrintingIt()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var literal = $"postgres://{_role}:{Uri.EscapeDataString(Password)}@{admin.Host}:{admin.Port}/{_database!.Name}";
        var fromEnvironment = $"Host={admin.Host};Port={admin.Port};Username={_role};Password=${{{_variable}}};Database={_database.Name}";
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, $"sources:\n  - name: crm\n    connection: \"{literal}\"\n  - name: crm-env\n    connection: \"{fromEnvironment}\"\n");
        var console = new TestConsole();
        console.Profile.Width = 250;

        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--out", Path.Combine(_dir, "inventory.json")], console);

        var warnings = console.Output.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal) && l.Contains("literal password", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(warnings, Has.Count.EqualTo(1), console.Output);
            Assert.That(warnings[0], Does.StartWith("warning: inventory.yml:3:17: source 'crm': the connection holds a literal password"));
            Assert.That(warnings[0], Does.Contain("${SCANNER_PASSWORD}").And.Contain("${DATABASE_URL}").And.Contain("PGPASSFILE"));
            Assert.That(console.Output, Does.Not.Contain(Password).And.Not.Contain(Uri.EscapeDataString(Password)));
        }
    }

    [Test]
    public async Task Scan_PasswordFromTheEnvironmentOnly_NoWarning()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, $"sources:\n  - name: crm-env\n    connection: \"Host={admin.Host};Port={admin.Port};Username={_role};Password=${{{_variable}}};Database={_database!.Name}\"\n");
        var console = new TestConsole();
        console.Profile.Width = 250;

        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--out", Path.Combine(_dir, "inventory.json")], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(console.Output, Does.Contain("inventory written to"));
            Assert.That(console.Output, Does.Not.Contain("literal password").And.Not.Contain(Password));
        }
    }
}
