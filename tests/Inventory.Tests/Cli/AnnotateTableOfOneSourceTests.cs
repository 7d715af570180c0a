using Inventory.Cli;
using Inventory.Tests.Annotations;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Trial40 finding 3: over several sources <c>check</c> names a column <c>accounts/users.mobile_phone</c>, but
/// <c>annotate --table accounts/users</c> answered "table 'accounts/users' is not in the inventory", and <c>--table
/// users</c> wrote stubs for every source holding a <c>users</c> table (another team's database too). <c>--table
/// SOURCE/TABLE</c> now writes the stub of that source's table only; the bare name keeps its meaning.</summary>
[TestFixture]
public sealed class AnnotateTableOfOneSourceTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    /// <summary>Two SQLite sources, <c>accounts</c> and <c>edge</c>, each with a <c>users</c> table of the same columns,
    /// <c>accounts</c> also with <c>invoices</c>; returns the config's path.</summary>
    private static string Fleet(string folder)
    {
        foreach (var (file, extra) in new[] { ("accounts.db", "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER);"), ("edge.db", "") })
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, file)};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, mobile_phone TEXT);"
                + "INSERT INTO users (email, mobile_phone) VALUES ('a.martin@example.org', '+33 6 12 34 56 78');" + extra;
            command.ExecuteNonQuery();
        }
        var config = Path.Combine(folder, "inventory.yml");
        File.WriteAllText(config, "sources:\n  - name: accounts\n    connection: sqlite:accounts.db\n  - name: edge\n    connection: sqlite:edge.db\n"
            + "annotations: annotations/\n");
        return config;
    }

    [Test]
    public async Task Annotate_TableAsCheckNamesIt_StubOfThatSourceOnly()
    {
        // Given two sources holding a users table
        using var dir = new TempFolder();
        var config = Fleet(dir.Path);
        var stubs = Path.Combine(dir.Path, "annotations");

        // When the engineer copies the name check printed
        var (code, output) = await RunAsync("annotate", "--config", config, "--table", "accounts/users");

        // Then one stub is written, for accounts' users, naming its source; edge's table and accounts' invoices get none
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        var files = Directory.GetFiles(stubs).Select(Path.GetFileName).ToArray();
        Assert.That(files, Is.EqualTo(new[] { "accounts.users.yml" }), output);
        var text = File.ReadAllText(Path.Combine(stubs, "accounts.users.yml"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("table: users\nsource: accounts\n"));
            Assert.That(text, Does.Contain("  mobile_phone:\n    category:\n"));
            Assert.That(text, Does.Not.Contain("example.org"), "no sampled value in a stub");
        }
    }

    /// <summary>Trial41 finding 4: <c>--table a --table b</c> (the tables of one migration) wrote the stub of the last
    /// table only, silently. Every table given is written, once; a second run writes nothing.</summary>
    [Test]
    public async Task Annotate_SeveralTables_EveryOneGetsItsStub()
    {
        // Given the fleet
        using var dir = new TempFolder();
        var config = Fleet(dir.Path);
        var stubs = Path.Combine(dir.Path, "annotations");

        // When two tables are given (one of them twice, once through its source)
        var (code, output) = await RunAsync("annotate", "--config", config, "--table", "invoices", "--table", "edge/users", "--table", "invoices");
        var (again, second) = await RunAsync("annotate", "--config", config, "--table", "invoices", "--table", "edge/users");

        // Then both stubs are written, each once; accounts' users is left alone; a second run has nothing to write
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(Directory.GetFiles(stubs).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "accounts.invoices.yml", "edge.users.yml" }), output);
            Assert.That(output.Split("created ").Length - 1, Is.EqualTo(2), output);
            Assert.That(File.ReadAllText(Path.Combine(stubs, "edge.users.yml")), Does.Contain("table: users\nsource: edge\n"));
            Assert.That(File.ReadAllText(Path.Combine(stubs, "accounts.invoices.yml")), Does.Contain("  total:\n    category:\n"));
            Assert.That(again, Is.EqualTo(ExitCodes.Ok), second);
            Assert.That(second, Does.EndWith("\nnothing to write: every column already has an annotation entry\n").And.Not.Contain("created "));
        }
    }

    [Test]
    public async Task Annotate_BareTableName_EverySourceHoldingIt()
    {
        // Given the same fleet
        using var dir = new TempFolder();
        var config = Fleet(dir.Path);

        // When the bare name is given
        var (code, output) = await RunAsync("annotate", "--config", config, "--table", "users");

        // Then the table of both sources is annotated, as before: one stub without source: (same columns in both)
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, "annotations")).Select(Path.GetFileName), Is.EqualTo(new[] { "users.yml" }), output);
        Assert.That(File.ReadAllText(Path.Combine(dir.Path, "annotations", "users.yml")), Does.Not.Contain("\nsource:"), "one stub for both sources, no source: line");
    }

    [TestCase("crm/users", "table 'crm/users' is not in the inventory; give its qualified name")]
    [TestCase("edge/invoices", "table 'edge/invoices' is not in the inventory; give its qualified name")]
    [TestCase("Accounts/users", "table 'Accounts/users' is not in the inventory (names are case-sensitive: 'accounts/users'?)")]
    public async Task Annotate_SourceOrTableNotThere_ExitsTwoNamingBothForms(string table, string expected)
    {
        // Given the same fleet
        using var dir = new TempFolder();
        var config = Fleet(dir.Path);

        // When the name names no table of that source
        var (code, output) = await RunAsync("annotate", "--config", config, "--table", table);

        // Then nothing is written and the error says which forms --table takes
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
            Assert.That(output, Does.Contain(expected));
            Assert.That(output, Does.Contain("or SOURCE/TABLE (billing/invoices) for one source's table"));
            Assert.That(Directory.Exists(Path.Combine(dir.Path, "annotations")) ? Directory.GetFiles(Path.Combine(dir.Path, "annotations")) : [], Is.Empty);
        }
    }
}
