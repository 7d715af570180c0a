using System.Text.Json;
using Inventory.Cli;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>Trial40 finding 2 (the part left): under the 25,000-result limit, every known gap of the baseline was a
/// SARIF result, and GitHub code scanning (which ignores <c>baselineState</c>) opens a note alert for each on adoption.
/// <c>check --sarif-known-gaps omit</c> leaves them out and counts them in a notification; <c>include</c>, the default,
/// keeps them. A real SQLite database scanned for the baseline, then again after a migration adds one column.</summary>
[TestFixture]
public sealed class SarifKnownGapsTests
{
    private TempFolder _dir = null!;
    private string _baseline = "";
    private string _current = "";

    [OneTimeSetUp]
    public async Task ScanBaselineThenMigration()
    {
        _dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(_dir.Path, "annotations"));
        var database = Path.Combine(_dir.Path, "app.db");
        InProcessCli.ExecuteSqlite(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, city TEXT);"
            + "INSERT INTO customers (email, full_name, city) VALUES ('a.b@example.org', 'Ann Marlowe', 'Lyon');");
        _baseline = Path.Combine(_dir.Path, "baseline.json");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", "sqlite:" + database, "--out", _baseline);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        InProcessCli.ExecuteSqlite(database, "ALTER TABLE customers ADD COLUMN mobile_phone TEXT;");
        _current = Path.Combine(_dir.Path, "current.json");
        (code, output) = await InProcessCli.RunAsync("scan", "--connection", "sqlite:" + database, "--out", _current);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        SqliteConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    private async Task<JsonElement> CheckAsync(params string[] extra)
    {
        var sarif = Path.Combine(_dir.Path, $"{Guid.NewGuid():N}.sarif");
        var (code, output) = await InProcessCli.RunAsync(["check", "--inventory", _current, "--baseline", _baseline, "--annotations", Path.Combine(_dir.Path, "annotations"),
            "--format", "sarif", "--sarif", sarif, .. extra]);
        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        return document.RootElement.GetProperty("runs")[0].Clone();
    }

    private static (string Column, string Level)[] Results(JsonElement run) => run.GetProperty("results").EnumerateArray()
        .Select(r => (r.GetProperty("properties").GetProperty("column").GetString()!, r.GetProperty("level").GetString()!)).ToArray();

    [Test]
    public async Task Check_KnownGapsOmit_OnlyTheNewColumnAndANotificationCountingTheGaps()
    {
        var run = await CheckAsync("--sarif-known-gaps", "omit");
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Results(run), Is.EqualTo(new[] { ("mobile_phone", "error") }));
            Assert.That(notes, Has.Length.EqualTo(1));
            Assert.That(notes[0].GetProperty("descriptor").GetProperty("id").GetString(), Is.EqualTo("known-gaps-omitted"));
            Assert.That(notes[0].GetProperty("level").GetString(), Is.EqualTo("note"));
            Assert.That(notes[0].GetProperty("message").GetProperty("text").GetString(), Does.StartWith("4 known gap(s) of the baseline left out of this SARIF run"));
        }
    }

    [Test]
    public async Task Check_KnownGapsDefault_EachGapANoteBesideTheNewColumn()
    {
        var run = await CheckAsync();
        var results = Results(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Where(r => r.Level == "error").Select(r => r.Column), Is.EqualTo(new[] { "mobile_phone" }));
            Assert.That(results.Where(r => r.Level == "note").Select(r => r.Column).Order(), Is.EqualTo(new[] { "city", "email", "full_name", "id" }));
            Assert.That(run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _), Is.False);
        }
    }

    [Test]
    public async Task Check_KnownGapsUnknownValue_Exit2()
    {
        var (code, output) = await InProcessCli.RunAsync("check", "--inventory", _current, "--sarif-known-gaps", "hide");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
        Assert.That(output, Does.Contain("--sarif-known-gaps must be include or omit, not 'hide'"));
    }

    [Test]
    public async Task Write_KnownGapsOmitPastTheLimit_GapsNotCountedTwice()
    {
        // Given 30,000 known gaps and 3 failures: omitting the gaps leaves nothing past the limit to leave out
        var findings = Enumerable.Range(0, 30_003).Select(i => new CheckFinding
        {
            Kind = FindingKind.Untagged, Source = "s", Table = "t", Column = $"c{i}", Message = "no annotation",
            Location = new FindingLocation("annotations/t.yml", 1, 0, false), Failing = i < 3, Baselined = i >= 3, Key = $"t.c{i}",
        }).ToList();
        using var stream = new MemoryStream();
        await new SarifCheckWriter(SarifKnownGaps.Omit).WriteAsync(new CheckResult { Findings = findings, Columns = [], UsedBaseline = true, Tool = "inventory 1.0.0" }, stream);
        var run = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("runs")[0];
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.GetProperty("results").GetArrayLength(), Is.EqualTo(3));
            Assert.That(notes, Is.EqualTo(new[] { "known-gaps-omitted" }), "no results-left-out notification: nothing else was cut");
        }
    }
}
