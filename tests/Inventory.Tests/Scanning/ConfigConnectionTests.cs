using Inventory.Cli;
using Inventory.Config;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Scanning;

/// <summary>A connection of <c>inventory.yml</c> that does not parse is reported at its place in the file
/// (file:line:column of the <c>connection:</c> value) with the source's name, never with the password.</summary>
[TestFixture]
public sealed class ConfigConnectionTests
{
    private const string Secret = "hunter2";
    private string _file = "";

    [SetUp]
    public void SetUp() => _file = Path.Combine(Path.GetTempPath(), $"inventory-conn-{Guid.NewGuid():N}.yml");

    [TearDown]
    public void TearDown() => File.Delete(_file);

    private const string TwoSources =
        "sources:\n" +
        "  - name: crm\n" +
        "    connection: sqlite:crm.db\n" +
        "  - name: shop\n" +
        "    connection: \"postgres://scanner:" + Secret + "#1@db.internal:5432/shop\"\n";

    [Test]
    public void Connection_MalformedUri_NamesFileLineColumnAndSource()
    {
        File.WriteAllText(_file, TwoSources);
        var config = InventoryConfig.Load(_file);

        var error = Assert.Throws<ConfigurationException>(() => _ = config.Sources[1].Connection);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((error!.File, error.Line, error.Column), Is.EqualTo((_file, 5, 17)));
            Assert.That(error.Message, Does.StartWith($"{_file}:5:17: source 'shop': connection: malformed postgres URI"));
            Assert.That(error.Message, Does.Contain("percent-encode"));
            Assert.That(error.Message, Does.Not.Contain(Secret).And.Not.Contain("db.internal"));
            Assert.That(config.Sources[0].Connection, Is.EqualTo("sqlite:crm.db"), "the valid source still reads");
        }
    }

    [Test]
    public void Connection_MalformedUriFromVariable_NamesTheVariable()
    {
        File.WriteAllText(_file, "sources:\n  - name: app\n    connection: ${APP_DB}\n");
        var config = InventoryConfig.Load(_file, name => name == "APP_DB" ? $"postgres://scanner:{Secret}@x@db.internal/app" : null);

        var error = Assert.Throws<ConfigurationException>(() => _ = config.Sources[0].Connection);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.StartWith($"{_file}:3:17: source 'app': connection (its value comes from ${{APP_DB}}): malformed postgres URI"));
            Assert.That(error.Message, Does.Not.Contain(Secret));
        }
    }

    [Test]
    public void Connection_ProviderContradictsUri_NamesFileLineAndSource()
    {
        File.WriteAllText(_file, "sources:\n  - name: app\n    provider: mysql\n    connection: postgres://u:p@db.internal/app\n");
        var config = InventoryConfig.Load(_file);

        var error = Assert.Throws<ConfigurationException>(() => _ = config.Sources[0].Connection);

        Assert.That(error!.Message, Does.StartWith($"{_file}:4:17: source 'app': connection: provider mysql contradicts"));
    }

    [Test]
    public async Task ScanCommand_MalformedUriInConfig_OneLineWithLocationExitTwo()
    {
        File.WriteAllText(_file, TwoSources);
        var console = new TestConsole();
        console.Profile.Width = 300;

        var code = await InventoryApp.RunAsync(["scan", "--config", _file, "--out", _file + ".json"], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(console.Output.Trim(), Does.StartWith($"error: {_file}:5:17: source 'shop': connection: malformed postgres URI"));
            Assert.That(console.Output, Does.Not.Contain(Secret));
            Assert.That(File.Exists(_file + ".json"), Is.False);
        }
    }

    /// <summary>Trial 17: two sources with one name were reported at 1:1; the error points at the second name.</summary>
    [Test]
    public void Load_DuplicateSourceName_IsReportedAtTheSecondName()
    {
        File.WriteAllText(_file, "sources:\n  - name: crm\n    connection: sqlite:a.db\n  - connection: sqlite:b.db\n    name: crm\n");

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(_file));

        Assert.That((error!.Line, error.Column, error.Message.Contains("two sources are named 'crm'", StringComparison.Ordinal)), Is.EqualTo((5, 11, true)), error.Message);
    }
}
