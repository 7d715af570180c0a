using Inventory.Config;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The config keys of scans at scale: source-parallelism and connections-per-server.</summary>
[TestFixture]
public sealed class ScaleConfigTests
{
    private string _file = "";

    [SetUp]
    public void SetUp() => _file = Path.Combine(Path.GetTempPath(), $"inventory-scale-{Guid.NewGuid():N}.yml");

    [TearDown]
    public void TearDown() => File.Delete(_file);

    private InventoryConfig Load(string yaml)
    {
        File.WriteAllText(_file, yaml);
        return InventoryConfig.Load(_file);
    }

    [Test]
    public void Load_SourceParallelismAndConnectionsPerServer()
    {
        var config = Load("source-parallelism: 16\nconnections-per-server: 3\nsources:\n  - name: a\n    connection: sqlite:a.db\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.SourceParallelism, Is.EqualTo(16));
            Assert.That(config.ConnectionsPerServer, Is.EqualTo(3));
        }
    }

    [Test]
    public void Load_Defaults()
    {
        var config = Load("sources:\n  - name: a\n    connection: sqlite:a.db\n");

        Assert.That((config.SourceParallelism, config.ConnectionsPerServer), Is.EqualTo((4, 8)));
    }

    [TestCase("source-parallelism: 0", "source-parallelism must be a whole number from 1 to 256")]
    [TestCase("source-parallelism: 2.5", "source-parallelism must be a whole number from 1 to 256")]
    [TestCase("connections-per-server: 1000", "connections-per-server must be a whole number from 1 to 256")]
    public void Load_BadValue_ErrorWithFileAndLine(string line, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load($"sources:\n  - name: a\n    connection: sqlite:a.db\n{line}\n"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Reason, Is.EqualTo(message));
            Assert.That((error.File, error.Line), Is.EqualTo((_file, 4)));
        }
    }
}
