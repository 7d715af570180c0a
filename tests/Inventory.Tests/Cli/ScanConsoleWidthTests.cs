using Inventory.Cli;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Tests.Scanning;
using NUnit.Framework;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>The scan's console output at the widths terminals have (40, 80, 240 columns) and piped: the live display
/// keeps room for the table it names, and names and paths are never folded with a hard line break inside them (a path
/// copied from a 40-column terminal held one, polish31).</summary>
[TestFixture]
public sealed class ScanConsoleWidthTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-width-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>The live display's last frame with two rows, laid out on an interactive console of <paramref name="width"/> columns.</summary>
    private static string[] LiveFrame(int width)
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = width;
        ScanProgressView.LiveDisplay(console).AutoClear(false).HideCompleted(false).Start(context =>
        {
            context.AddTask("platform: 18 tables, 167 columns", maxValue: 18).Increment(9);
            context.AddTask("  platform/organisations", maxValue: 1).IsIndeterminate();
            context.AddTask("  customer-hosting/environment_variables", maxValue: 1).IsIndeterminate();
        });
        return console.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
    }

    [TestCase(40)]
    [TestCase(80)]
    [TestCase(240)]
    public void LiveDisplay_ConsoleWidth_NamesTheTableWhole(int width)
    {
        var lines = LiveFrame(width);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Some.Contains("platform/organisations"), string.Join("\n", lines));
            Assert.That(lines, Has.Some.Contains("platform: 18 tables, 167 columns"), string.Join("\n", lines));
            Assert.That(lines, Has.Some.Contains("50%"), "the share done is shown at every width");
            Assert.That(lines.Where(l => l.Contains("customer-hosting", StringComparison.Ordinal)), Has.One.Contains("0%"),
                "a name longer than the room is cut, never the percentage folded to a line of its own");
            Assert.That(lines, Has.None.Match(@"^\s*%"), "no percentage sign alone on a line");
            Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(width), "no row is wider than the console");
        }
    }

    [Test]
    public void LiveDisplay_WideConsole_ShowsBarElapsedTimeAndSpinner()
    {
        var wide = LiveFrame(240);
        var narrow = LiveFrame(40);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wide, Has.Some.Contains("━"), "a bar at 240 columns");
            Assert.That(wide, Has.Some.Contains("00:00:0"), "elapsed time at 240 columns");
            Assert.That(narrow, Has.None.Contains("━"), "no bar at 40 columns: the table name needs the room");
        }
    }

    private static InventoryDocument WithIssue()
    {
        var document = new InventoryDocument { Tool = "inventory test" };
        document.Sources.Add(new SourceEntry { Name = "customer-hosting", Provider = "sqlite" });
        document.Issues.Add(new ScanIssue("customer-hosting", "environment_variables_of_every_application", "encrypted_value_with_a_long_name",
            "timeout", "sampling took longer than 30 s (sample.timeout)"));
        return document;
    }

    [TestCase(40)]
    [TestCase(80)]
    [TestCase(240)]
    public void Summary_LongIssueOnANarrowConsole_IssueLineIsNeverFolded(int width)
    {
        var console = new TestConsole();
        console.Profile.Width = width;

        ScanSummaryView.Print(console, WithIssue());

        var lines = console.Lines.Select(l => l.TrimEnd()).ToList();
        Assert.That(lines, Has.Some.EqualTo("  ! " + ScanSummaryView.Describe(WithIssue().Issues[0])), console.Output);
    }

    [Test]
    public void Summary_Piped_SameTableAsOnAnInteractive80ColumnConsole()
    {
        var interactive = new TestConsole();
        interactive.Profile.Width = 80;
        using var piped = new StringWriter();
        var redirected = new RedirectedOutputConsole(piped);

        ScanSummaryView.Print(interactive, WithIssue());
        ScanSummaryView.Print(redirected, WithIssue());
        redirected.Flush();

        Assert.That(piped.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'),
            Is.EqualTo(interactive.Lines.Select(l => l.TrimEnd()).Where((l, i) => i < interactive.Lines.Count - 1 || l.Length > 0).ToArray()));
    }

    [Test]
    public async Task Scan_LongOutputPathOnA40ColumnConsole_PathIsWrittenWhole()
    {
        var source = ScanRunnerScaleTests.ChinookSources(_dir, 1)[0];
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, $"sources:\n  - name: {source.Name}\n    connection: \"{source.Connection}\"\n");
        var output = Path.Combine(_dir, "a-rather-long-folder-name-for-the-inventory", "inventory-of-chinook.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var console = new TestConsole();
        console.Profile.Width = 40;

        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--sample-rows", "0", "--out", output], console);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        Assert.That(console.Lines.Select(l => l.TrimEnd()), Has.Some.EqualTo($"inventory written to {output}"), console.Output);
    }
}
