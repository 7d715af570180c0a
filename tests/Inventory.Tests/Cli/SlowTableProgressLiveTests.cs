using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Cli;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>trial42 finding 8: a nightly log's progress lines carried no time, and nothing was printed for the length
/// of a slow statement, so which table held a source up was only found through its timeout issue. Every line now
/// starts with the seconds since the scan started, and a table still being read past a threshold gets a
/// <c>still reading</c> line naming its source, again each time the wait doubles. Live: a real PostgreSQL view that
/// sleeps in every statement that reads it.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed partial class SlowTableProgressLiveTests
{
    /// <summary>Seconds of each statement that reads the view.</summary>
    private const int Sleep = 4;

    private TestDatabase? _database;
    private string _dir = "";
    private TimeSpan _slowAfter;
    private TextWriter? _progressWriter;

    [OneTimeSetUp]
    public async Task CreateDatabase() =>
        _database = await TestPostgres.CreateAsync("users43slow",
            "CREATE TABLE clients (id int PRIMARY KEY, email text); INSERT INTO clients VALUES (1, 'a.b@example.org'), (2, 'c.d@example.org'); "
            + $"CREATE VIEW slow_report AS SELECT 1 AS id, 'weekly'::text AS title FROM pg_sleep({Sleep});");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [SetUp]
    public void SetUp()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-slow-{Guid.NewGuid():N}"));
        _slowAfter = ScanProgressView.SlowTableAfter;
        // Progress lines to the test's console (a test that runs the program's entry point sets standard error).
        _progressWriter = ScanProgressView.ProgressWriter;
        ScanProgressView.ProgressWriter = null;
    }

    [TearDown]
    public void TearDown()
    {
        ScanProgressView.SlowTableAfter = _slowAfter;
        ScanProgressView.ProgressWriter = _progressWriter;
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The seconds a progress line starts with.</summary>
    [GeneratedRegex(@"^\[\s*(\d+\.\d) s\] ")]
    private static partial Regex TimePrefix();

    /// <summary>Text with each line's leading seconds (<c>[  12.3 s] </c>) removed.</summary>
    /// <param name="output">Console output.</param>
    internal static string WithoutTimes(string output) =>
        string.Join('\n', output.Split('\n').Select(l => TimePrefix().Replace(l, "")));

    private static double Seconds(string line) => double.Parse(TimePrefix().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);

    [Test]
    public async Task Scan_ViewSlowerThanTheThreshold_LogSaysWhenAndWhichTableOfWhichSourceIsStillRead()
    {
        // Given a source whose view sleeps in every statement, and a threshold shorter than the sleep
        ScanProgressView.SlowTableAfter = TimeSpan.FromSeconds(1.5);
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, $"sources:\n  - name: nightly\n    connection: \"{_database!.ConnectionString}\"\n");
        var console = new TestConsole();
        console.Profile.Width = 200;

        // When it is scanned with progress lines (a console that is not interactive)
        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--out", Path.Combine(_dir, "inventory.json")], console);

        // Then every progress line starts with its time, and the slow view is named while it is read
        var lines = console.Output.Split('\n');
        // (The config's connection holds the admin's literal password: its warning comes first, before the progress.)
        var fromProgress = lines.SkipWhile(l => !TimePrefix().IsMatch(l)).ToList();
        var progress = fromProgress.TakeWhile(l => TimePrefix().IsMatch(l)).ToList();
        var still = progress.Where(l => l.Contains("still reading", StringComparison.Ordinal)).ToList();
        var slowDone = progress.Single(l => l.EndsWith("  slow_report: 1 rows sampled", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(progress[0], Does.Match(@"^\[\s*0\.\d s\] scan started \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(each line: \[seconds since the start\]\)$"));
            Assert.That(progress, Has.Some.Match(@"\] nightly: catalog read, 2 tables, 4 columns$").And.Some.EndsWith("  clients: 2 rows sampled"));
            Assert.That(progress.Select(Seconds), Is.Ordered, "times only go forward");
            Assert.That(still, Has.Count.GreaterThanOrEqualTo(2), console.Output);
            Assert.That(still, Has.All.Match(@"^\[\s*\d+\.\d s\]   nightly/slow_report: still reading \(\d+ s so far\)$"), "source and table named, never the fast table");
            Assert.That(Seconds(still[0]), Is.GreaterThanOrEqualTo(1.5).And.LessThan(Seconds(slowDone)));
            Assert.That(Seconds(still[1]), Is.GreaterThanOrEqualTo(3.0), "the next line when the wait has doubled");
            Assert.That(Seconds(slowDone), Is.GreaterThanOrEqualTo(Sleep), "the view's line comes once it is read");
            Assert.That(fromProgress.Skip(progress.Count), Has.None.Match(@"^\[\s*\d"), "the summary after the progress keeps its lines as they were");
        }
    }
}
