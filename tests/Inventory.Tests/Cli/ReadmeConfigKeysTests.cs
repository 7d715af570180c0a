using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Config;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>The README's table of configuration keys with a unit or a default (review: a bare <c>timeout: 30</c> means
/// seconds, and the README did not say so) agrees with what <see cref="InventoryConfig"/> reads.</summary>
[TestFixture]
public sealed class ReadmeConfigKeysTests
{
    /// <summary>The README's rows: key → (unit, default), from the table under "Keys with a unit or a default".</summary>
    private static Dictionary<string, (string Unit, string Default)> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(SharedPaths.Repository, "README.md")).ReplaceLineEndings("\n");
        var from = readme.IndexOf("Keys with a unit or a default", StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), "the README documents the keys' units and defaults");
        var table = readme[readme.IndexOf("| key |", from, StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        return table.Split('\n').Skip(2)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => (cells[3], cells[4].Trim('`')), StringComparer.Ordinal);
    }

    private static InventoryConfig Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"inventory-readme-keys-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, yaml);
        try { return InventoryConfig.Load(path, _ => null); }
        finally { File.Delete(path); }
    }

    [Test]
    public void Readme_SampleKeys_DefaultsAreTheCodes()
    {
        var rows = ReadmeRows();
        var defaults = new SampleOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(int.Parse(rows["sample.rows"].Default, CultureInfo.InvariantCulture), Is.EqualTo(defaults.Rows));
            Assert.That(InventoryConfig.ParseDuration(rows["sample.timeout"].Default), Is.EqualTo(defaults.StatementTimeout));
            Assert.That(InventoryConfig.ParseDuration(rows["sample.lock-timeout"].Default), Is.EqualTo(defaults.LockTimeout));
            Assert.That(int.Parse(rows["sample.seed"].Default, CultureInfo.InvariantCulture), Is.EqualTo(defaults.Seed));
            Assert.That(int.Parse(rows["sample.max-value-length"].Default, CultureInfo.InvariantCulture), Is.EqualTo(defaults.MaxValueLength));
            Assert.That(int.Parse(rows["sample.max-document-length"].Default, CultureInfo.InvariantCulture), Is.EqualTo(defaults.MaxDocumentLength));
        }
    }

    [Test]
    public void Readme_ConcurrencyKeys_DefaultsAreTheCodes()
    {
        var rows = ReadmeRows();
        var config = Load("annotations: annotations/\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(int.Parse(rows["parallelism"].Default, CultureInfo.InvariantCulture), Is.EqualTo(config.Parallelism));
            Assert.That(int.Parse(rows["source-parallelism"].Default, CultureInfo.InvariantCulture), Is.EqualTo(config.SourceParallelism));
            Assert.That(int.Parse(rows["connections-per-server"].Default, CultureInfo.InvariantCulture), Is.EqualTo(config.ConnectionsPerServer));
        }
    }

    [Test]
    public void Readme_DurationKeys_SayABareNumberIsSeconds()
    {
        var rows = ReadmeRows();

        using (Assert.EnterMultipleScope())
        {
            foreach (var key in new[] { "sample.timeout", "sample.lock-timeout" })
                Assert.That(Regex.IsMatch(rows[key].Unit, @"bare number: seconds", RegexOptions.CultureInvariant), Is.True, key);
        }
    }

    [Test]
    public void Load_BareTimeout_IsSeconds()
    {
        // The README's statement, checked against the reader: `timeout: 30` is 30 seconds, `lock-timeout: 2` is 2 seconds.
        var config = Load("connection: sqlite:///tmp/none.db\nsample: { timeout: 30, lock-timeout: 2 }\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Sources.Single().Sample.StatementTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(config.Sources.Single().Sample.LockTimeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }
}
