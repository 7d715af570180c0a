using Inventory.Cli;
using Inventory.Config;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>trial42 finding 2: a password given in <c>--connection</c> is read by every user of the machine in the process
/// list for the whole scan. <c>--connection '${NAME}'</c> reads the connection from the environment, as
/// <c>connection: ${NAME}</c> does in inventory.yml, and the messages name the variable, never its value.</summary>
[TestFixture]
public sealed class ConnectionFromEnvironmentTests
{
    private string _dir = "";
    private readonly List<string> _variables = [];

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-connenv-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown()
    {
        foreach (var variable in _variables) Environment.SetEnvironmentVariable(variable, null);
        _variables.Clear();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A variable name no other test uses, set to <paramref name="value"/> (null: left unset).</summary>
    private string Variable(string? value)
    {
        var name = $"INVENTORY_T42_{Guid.NewGuid():N}".ToUpperInvariant();
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
        return name;
    }

    private static string Chinook => "sqlite:" + Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    // A flag without a reference is the connection as typed; $${ writes a literal ${ (a file named so), as in inventory.yml.
    [TestCase("postgres://u:p%40ss@db:5432/app", "postgres://u:p%40ss@db:5432/app")]
    [TestCase("sqlite:files/a$${B}.db", "sqlite:files/a${B}.db")]
    public void ResolveConnectionFlag_NoReference_ReturnedWithoutOrigin(string flag, string expected)
    {
        var (connection, origin) = InventoryConfig.ResolveConnectionFlag(flag, null, _ => "never read");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection, Is.EqualTo(expected));
            Assert.That(origin, Is.Null);
        }
    }

    [Test]
    public void ResolveConnectionFlag_Reference_ReplacedAndNamedInTheOrigin()
    {
        var (connection, origin) = InventoryConfig.ResolveConnectionFlag("${APP_DB}", null,
            name => name == "APP_DB" ? "postgres://scanner:s3cret@db:5432/app" : null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection, Is.EqualTo("postgres://scanner:s3cret@db:5432/app"));
            Assert.That(origin, Is.EqualTo("--connection, from ${APP_DB}"));
        }
    }

    [Test]
    public async Task Scan_ConnectionFromVariable_ScansTheDatabaseItNames()
    {
        var variable = Variable(Chinook);
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await InProcessCli.RunAsync("scan", "--connection", "${" + variable + "}", "--sample-rows", "0", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(File.ReadAllText(output), Does.Contain("\"qualifiedName\": \"Album\""));
        }
    }

    [Test]
    public async Task Scan_VariableUnset_ExitsTwoNamingTheFlagAndTheVariable()
    {
        var variable = Variable(null);
        var output = Path.Combine(_dir, "i.json");

        var (code, text) = await InProcessCli.RunAsync("scan", "--connection", "${" + variable + "}", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), text);
            Assert.That(text, Does.Contain($"--connection: environment variable {variable} is not set"));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [Test]
    public async Task Scan_VariableHoldsAMalformedUri_NamesTheVariableNeverThePassword()
    {
        // A raw '#' cuts the password short: the URI does not parse.
        var variable = Variable("postgres://scanner:Zq7#unencoded@db.internal:5432/app");

        var (code, text) = await InProcessCli.RunAsync("scan", "--connection", "${" + variable + "}", "--out", Path.Combine(_dir, "i.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), text);
            Assert.That(text, Does.Contain($"--connection (its value comes from ${{{variable}}}): malformed postgres URI"));
            Assert.That(text, Does.Not.Contain("Zq7"));
            Assert.That(text, Does.Not.Contain("unencoded"));
        }
    }

    [Test]
    public async Task Scan_PostgresPasswordInVariable_ScansAndAWrongOneNamesTheVariableNotThePassword()
    {
        await using var db = await TestPostgres.CreateAsync("t42env",
            "CREATE TABLE customer (id int PRIMARY KEY, email text); INSERT INTO customer VALUES (1, 'a@example.com');");
        var role = $"t42env_{Guid.NewGuid():N}"[..24];
        const string password = "Pw#42@env/%x";
        await db.ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'; GRANT SELECT ON customer TO \"{role}\";");
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(db.ConnectionString);
            string Uri(string secret) => $"postgres://{role}:{System.Uri.EscapeDataString(secret)}@{admin.Host}:{admin.Port}/{db.Name}";
            var good = Variable(Uri(password));
            var wrong = Variable(Uri("Wr0ng#" + password));
            var output = Path.Combine(_dir, "i.json");

            var (code, text) = await InProcessCli.RunAsync("scan", "--connection", "${" + good + "}", "--out", output);
            var (wrongCode, wrongText) = await InProcessCli.RunAsync("scan", "--connection", "${" + wrong + "}", "--out", Path.Combine(_dir, "w.json"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
                Assert.That(File.ReadAllText(output), Does.Contain("\"qualifiedName\": \"customer\""));
                Assert.That(wrongCode, Is.EqualTo(ExitCodes.BadInput), wrongText);
                Assert.That(wrongText, Does.Contain($"source 'default' (connection at --connection, from ${{{wrong}}}): postgres "));
                Assert.That(wrongText, Does.Contain("password authentication failed"));
                foreach (var piece in new[] { "Pw#42", "Pw%2342", "Wr0ng" })
                {
                    Assert.That(text, Does.Not.Contain(piece));
                    Assert.That(wrongText, Does.Not.Contain(piece));
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            // DROP OWNED revokes the grant in this database; the role itself is the cluster's.
            await db.ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\";");
        }
    }
}
