using Inventory.Cli;
using Inventory.Scanning;
using Inventory.Tests.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>The scan's progress lines in a log (a console that is not interactive): with several sources of one schema
/// (one database per tenant) each table line names its source, as check and report name a column (trial 19:
/// "  Album: 347 rows sampled" three times, interleaved, with no way to tell the tenants apart).</summary>
[TestFixture]
public sealed class ScanProgressLinesTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-progress-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs a scan; the output's lines without the seconds each progress line starts with (<c>[  12.3 s] </c>,
    /// checked in <see cref="SlowTableProgressLiveTests"/>).</summary>
    private static async Task<(int Code, string Output)> ScanAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = await InventoryApp.RunAsync(["scan", .. args], console);
        return (code, SlowTableProgressLiveTests.WithoutTimes(console.Output));
    }

    [Test]
    public async Task Scan_SeveralSourcesOfOneSchema_EachTableLineNamesItsSource()
    {
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 3);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n" + string.Concat(sources.Select(s => $"  - name: {s.Name}\n    connection: \"{s.Connection}\"\n")));

        var (code, output) = await ScanAsync("--config", config, "--out", Path.Combine(_dir, "inventory.json"));

        var tableLines = output.Split('\n').Where(l => l.Contains(" rows sampled", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(tableLines, Has.Count.EqualTo(3 * 11), "one line per table of each source");
            foreach (var source in sources.Select(s => s.Name))
                Assert.That(tableLines.Count(l => l.StartsWith($"  {source}/", StringComparison.Ordinal)), Is.EqualTo(11), source);
            Assert.That(tableLines, Has.Some.EqualTo("  chinook-02/Album: 347 rows sampled"));
        }
    }

    /// <summary>Trial 28 finding 10: under <c>--source-parallelism 2</c> a source's time includes waiting for the
    /// classification stage the sources share, so "slowest: crm 5.2 s" read as crm's own cost. The time is labelled
    /// as what it is (start to last table classified) and the list is the longest, not the slowest.</summary>
    [Test]
    public async Task Scan_SourcesInParallel_SourceTimeSaysWhatItMeasures()
    {
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 2);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n" + string.Concat(sources.Select(s => $"  - name: {s.Name}\n    connection: \"{s.Connection}\"\n")));

        var (code, output) = await ScanAsync("--config", config, "--source-parallelism", "2", "--out", Path.Combine(_dir, "inventory.json"));

        var sourceLines = output.Split('\n').Where(l => l.StartsWith("sources ", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(sourceLines, Has.Count.EqualTo(2), output);
            Assert.That(sourceLines, Has.All.Match(@"^sources [12]/2 done \(chinook-0[12] \d+\.\d s from start to last table classified\); longest: chinook-0[12] \d+\.\d s"));
            Assert.That(output, Does.Not.Contain("slowest"));
        }
    }

    [Test]
    public async Task Scan_OneSource_TableLinesKeepTheBareName()
    {
        var source = ScanRunnerScaleTests.ChinookSources(_dir, 1).Single();

        var (code, output) = await ScanAsync("--connection", source.Connection, "--out", Path.Combine(_dir, "inventory.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(output, Does.Contain("\n  Album: 347 rows sampled"));
            Assert.That(output, Does.Not.Contain("/Album:"));
        }
    }

    [Test]
    public async Task Scan_ProcessorSource_TableLinesSayNotSampledNotZeroRows()
    {
        // Trial 22: a processor source's tables printed "0 rows sampled", read as empty tables or failed reads.
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 2);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n" + $"  - name: own\n    connection: \"{sources[0].Connection}\"\n"
            + $"  - name: customers\n    role: processor\n    connection: \"{sources[1].Connection}\"\n");

        var (code, output) = await ScanAsync("--config", config, "--out", Path.Combine(_dir, "inventory.json"));

        var lines = output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(lines.Where(l => l.StartsWith("  customers/", StringComparison.Ordinal)).ToList(),
                Has.Count.EqualTo(11).And.All.EndsWith(": not sampled (processor source: catalog only)"));
            Assert.That(lines, Has.Some.EqualTo("  own/Album: 347 rows sampled"));
        }
    }
}
