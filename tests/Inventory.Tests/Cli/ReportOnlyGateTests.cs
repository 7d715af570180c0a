using System.Text.Json;
using System.Xml.Linq;
using Inventory.Config;
using Inventory.Pipeline;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>trial38 finding 7: <c>check.fail-on: []</c> is a legitimate report-only gate (every finding a warning, only
/// invalid annotation files fail), but it passed with untagged columns and said nothing. Each format now says it once,
/// naming the setting's <c>file:line:column</c>; a gate with kinds, the default, or <c>--strict</c> says nothing of it.
/// Run as a real <c>inventory</c> process on a scanned SQLite database.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ReportOnlyGateTests
{
    private const string Note = "check.fail-on is an empty list (inventory.yml:6:12): report only";

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ScratchFolder.Create("inventory-report-only");

    [TearDown]
    public void DeleteFolder() => ScratchFolder.Delete(_folder);

    private (int Exit, string Output, string Error) Run(params string[] arguments) => CliProcess.Run(_folder, arguments, "TRIALFIX38_UNSET_DB");

    /// <summary>A scanned table whose e-mail column has no annotation entry (untagged), and an inventory.yml whose
    /// <c>check:</c> block is <paramref name="check"/> (line 5 on; <c>fail-on</c>'s value at 6:12 when given inline).</summary>
    private void Arrange(string check)
    {
        ScannedMemberTable.Create(_folder, Run);
        Directory.CreateDirectory(Path.Combine(_folder, "annotations"));
        File.WriteAllText(Path.Combine(_folder, "annotations", "member.yml"), "table: member\ncolumns:\n  id: none\n");
        File.WriteAllText(Path.Combine(_folder, "inventory.yml"),
            "sources:\n  - name: default\n    connection: ${TRIALFIX38_UNSET_DB}\nannotations: annotations/\n" + check);
    }

    [Test]
    public void EmptyFailOn_PassesWithWarnings_AndEveryFormatSaysItOnceAtTheSetting()
    {
        Arrange("check:\n  fail-on: []\n");

        var (exit, output, error) = Run("check", "--inventory", "inventory.json", "--format", "text,sarif,junit,github", "--output-dir", "out");

        // Text and GitHub commands go to standard output, the file formats under --output-dir.
        var text = string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("::", StringComparison.Ordinal)));
        var github = string.Join("\n", output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "out", "inventory-check.sarif")));
        var notifications = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolConfigurationNotifications");
        var region = notifications[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        var junit = XDocument.Load(Path.Combine(_folder, "out", "inventory-check.junit.xml"));
        var configuration = junit.Descendants("testsuite").Where(s => (string?)s.Attribute("name") == "configuration").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, $"report only: the untagged column warns; stderr: {error}");
            Assert.That(text, Does.Contain("warning: member.backup_email  untagged"));
            Assert.That(text.Split('\n').Count(l => l.StartsWith("note: " + Note, StringComparison.Ordinal)), Is.EqualTo(1), text);
            Assert.That(text, Does.Contain("check passed: 0 failing, 1 warning"));
            Assert.That(github.Split('\n').Where(l => l.Contains("report only", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "::notice file=inventory.yml,line=6,col=12,title=inventory check report only::" + Note
                    + ", no finding fails the gate but an invalid annotation file and every other finding is a warning; list the kinds that should fail, or remove the key for the default (untagged)" }));
            Assert.That(notifications.GetArrayLength(), Is.EqualTo(1));
            Assert.That(notifications[0].GetProperty("level").GetString(), Is.EqualTo("note"));
            Assert.That(notifications[0].GetProperty("message").GetProperty("text").GetString(), Does.StartWith(Note));
            Assert.That((region.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                region.GetProperty("region").GetProperty("startLine").GetInt32(), region.GetProperty("region").GetProperty("startColumn").GetInt32()),
                Is.EqualTo(("inventory.yml", 6, 12)));
            Assert.That(Check.CheckWriterTests.Validate(File.ReadAllText(Path.Combine(_folder, "out", "inventory-check.sarif"))).IsValid, Is.True,
                "the notification keeps the SARIF 2.1.0 schema");
            Assert.That(configuration, Has.Count.EqualTo(1));
            var testCase = configuration[0].Element("testcase")!;
            Assert.That(((string?)testCase.Attribute("name"), (string?)testCase.Attribute("file"), (string?)testCase.Attribute("line")),
                Is.EqualTo(("check.fail-on", "inventory.yml", "6")));
            Assert.That(testCase.Element("system-out")?.Value, Does.StartWith(Note));
            Assert.That(testCase.Element("failure"), Is.Null);
        }
    }

    [TestCase("check:\n  fail-on: [untagged]\n", 1)]
    [TestCase("check:\n  fail-on: [conflict]\n", 0)]
    [TestCase("", 1)]
    public void FailOnWithKindsOrUnset_SaysNothingOfReportOnly(string check, int expectedExit)
    {
        Arrange(check);

        var (exit, output, error) = Run("check", "--inventory", "inventory.json", "--format", "text,github,junit", "--output-dir", "out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(expectedExit), $"the untagged column fails unless fail-on lists other kinds only; stderr: {error}");
            Assert.That(output, Does.Not.Contain("report only").And.Contain("member.backup_email  untagged"));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "out", "inventory-check.junit.xml")), Does.Not.Contain("configuration"));
        }
    }

    [Test]
    public void EmptyFailOnUnderStrict_NotReportOnly_NoNote()
    {
        Arrange("check:\n  fail-on: []\n");

        var (exit, output, error) = Run("check", "--inventory", "inventory.json", "--strict");

        Assert.That((exit, output.Contains("report only", StringComparison.Ordinal)), Is.EqualTo((0, false)), error);
    }

    [TestCase("[]", true)]
    [TestCase("[ ]", true)]
    [TestCase("[untagged]", false)]
    [TestCase("[missing, stale]", false)]
    public void GateFailOn_ReportOnlyAt_OnlyForAnEmptyList(string failOn, bool reportOnly)
    {
        using var dir = new TempFolder();
        var file = dir.Write("inventory.yml", $"sources:\n  - name: a\n    connection: sqlite:app.db\ncheck:\n  fail-on: {failOn}\n");

        var at = GateFailOn.From(InventoryConfig.Load(file)).ReportOnlyAt;

        Assert.That(at is null ? null : (object)(Path.GetFileName(at.File), at.Line, at.Column), Is.EqualTo(reportOnly ? ("inventory.yml", 5, 12) : null));
    }
}
