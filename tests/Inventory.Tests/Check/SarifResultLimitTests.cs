using System.Globalization;
using System.Text.Json;
using Inventory.Reports.Check;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>Trial40 finding 2: GitHub code scanning rejects a whole SARIF upload whose run holds more than 25,000
/// results. Over a fleet adopted with a baseline, the known gaps alone passed that (3,374 results for 672 tables here;
/// a fleet of 25,000 untagged columns never uploads), and the rejected upload took the new failing column with it. The
/// run now keeps every failure: known gaps go first, then warnings, and an invocation notification says how many.</summary>
[TestFixture]
public sealed class SarifResultLimitTests
{
    private static CheckFinding Finding(int i, bool failing, bool baselined) => new()
    {
        Kind = FindingKind.Untagged,
        Source = $"tenant-{i / 50:D4}",
        Table = "users",
        Column = $"column_{i:D6}",
        Message = "no annotation",
        Location = new FindingLocation($"annotations/tenant-{i / 50:D4}.users.yml", 1, 0, false),
        Failing = failing,
        Baselined = baselined,
        Key = $"tenant-{i / 50:D4}/users.column_{i:D6}",
    };

    private static async Task<JsonElement> WriteAsync(IReadOnlyList<CheckFinding> findings)
    {
        var result = new CheckResult { Findings = findings, Columns = [], UsedBaseline = true, Tool = "inventory 1.0.0" };
        using var stream = new MemoryStream();
        await new SarifCheckWriter().WriteAsync(result, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("runs")[0].Clone();
    }

    private static string[] Columns(JsonElement run) =>
        run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("properties").GetProperty("column").GetString()!).ToArray();

    [Test]
    public async Task Write_KnownGapsPastTheLimit_EveryFailureKeptGapsLeftOutAndSaid()
    {
        // Given 24,966 known gaps of the baseline and 44 new untagged columns among them (every 1,000th finding and the last 19)
        var findings = Enumerable.Range(0, 25_010).Select(i => i % 1_000 == 0 || i >= 24_991 ? Finding(i, true, false) : Finding(i, false, true)).ToList();
        Assert.That(findings.Count(f => f.Failing), Is.EqualTo(44));

        var run = await WriteAsync(findings);

        // Then the run holds 25,000 results, every failure among them, in the gate's order, and says what it left out
        var columns = Columns(run);
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns, Has.Length.EqualTo(SarifCheckWriter.MaxResultsPerRun));
            Assert.That(columns, Is.SupersetOf(findings.Where(f => f.Failing).Select(f => f.Column)));
            Assert.That(columns, Is.Ordered.Using<string>(StringComparer.Ordinal));
            Assert.That(run.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("level").GetString() == "error"), Is.EqualTo(44));
            Assert.That(notes.Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()), Is.EqualTo(new[] { "results-left-out" }));
            Assert.That(notes[0].GetProperty("message").GetProperty("text").GetString(), Does.StartWith("10 known gap(s) of the baseline left out of this SARIF run: GitHub code scanning rejects a run of more than 25,000 results"));
        }
    }

    [Test]
    public async Task Write_CurrentFindingsPastTheLimit_FailuresFirstThenWarnings()
    {
        // Given 24,998 failures, 10 warnings and 5 known gaps, interleaved
        var findings = Enumerable.Range(0, 25_013).Select(i => i % 2_000 == 1 && i < 20_000 ? Finding(i, false, false)
            : i % 5_000 == 2 && i < 25_000 ? Finding(i, false, true) : Finding(i, true, false)).ToList();
        Assert.That((findings.Count(f => f.Failing), findings.Count(f => !f.Failing && !f.Baselined), findings.Count(f => f.Baselined)), Is.EqualTo((24_998, 10, 5)));

        var run = await WriteAsync(findings);

        // Then every failure is kept with the first 2 warnings; the gaps and 8 warnings are left out and said
        var levels = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("level").GetString()).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(levels.Count(l => l == "error"), Is.EqualTo(24_998));
            Assert.That(levels.Count(l => l == "warning"), Is.EqualTo(2));
            Assert.That(levels.Count(l => l == "note"), Is.Zero);
            Assert.That(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString(),
                Does.StartWith("5 known gap(s) of the baseline and 8 current finding(s), warnings first left out of this SARIF run"));
        }
    }

    [Test]
    public async Task Write_WithinTheLimit_EveryFindingNoNotification()
    {
        // Given as many findings as the limit, most of them known gaps
        var findings = Enumerable.Range(0, SarifCheckWriter.MaxResultsPerRun).Select(i => Finding(i, i % 7 == 0, i % 7 != 0)).ToList();

        var run = await WriteAsync(findings);

        // Then all are written, known gaps as notes, and nothing is said to be left out
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Columns(run), Has.Length.EqualTo(findings.Count));
            Assert.That(run.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("level").GetString() == "note"),
                Is.EqualTo(findings.Count(f => f.Baselined)));
            Assert.That(run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _), Is.False);
            Assert.That(findings.Count(f => f.Baselined).ToString(CultureInfo.InvariantCulture), Is.EqualTo("21428"));
        }
    }
}
