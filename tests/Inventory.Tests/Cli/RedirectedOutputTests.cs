using Inventory.Cli;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console;

namespace Inventory.Tests.Cli;

/// <summary>Output piped or redirected (CI logs) is never folded: a scan issue naming a long path, and the issues a
/// merge lists per part, stay one line each (Spectre.Console folded them mid-word at 240 columns); tables stay tables.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RedirectedOutputTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ScratchFolder.Create("inventory-redirected");

    [TearDown]
    public void DeleteFolder() => ScratchFolder.Delete(_folder);

    private (int Exit, string[] Lines, string Error) Run(params string[] arguments)
    {
        var (exit, output, error) = CliProcess.Run(_folder, arguments);
        return (exit, output.Split('\n'), error);
    }

    /// <summary>A config of two sources: a small database, and a file that does not exist under a path of over 240
    /// characters, so the scan issue that names it is longer than the old layout width.</summary>
    private string MissingPath()
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE member (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO member VALUES (1, 'person1@example.org');";
            command.ExecuteNonQuery();
        }
        var missing = Path.Combine(_folder, string.Concat(Enumerable.Repeat("archived-customer-database-of-the-old-billing-system-", 5)), "missing.db");
        File.WriteAllText(Path.Combine(_folder, "inventory.yml"),
            $"sources:\n  - name: app\n    connection: sqlite:{Path.Combine(_folder, "app.db")}\n  - name: old-billing\n    connection: sqlite:{missing}\n");
        return missing;
    }

    private static void AssertOneLine(string[] lines, string missing)
    {
        var line = lines.SingleOrDefault(l => l.Contains("old-billing: connection-failed", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, string.Join('\n', lines));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line!.Length, Is.GreaterThan(RedirectedOutputConsole.LayoutWidth));
            Assert.That(line.Contains(missing, StringComparison.Ordinal), Is.True, line);
            Assert.That(line.EndsWith("(the file is never created)", StringComparison.Ordinal), Is.True, line);
        }
    }

    [Test]
    public void ScanSummary_IssueLongerThanTheLayoutWidth_OneLine()
    {
        var missing = MissingPath();

        var (exit, lines, error) = Run("scan", "--config", "inventory.yml", "--out", "inventory.json");

        Assert.That(exit, Is.EqualTo(ExitCodes.ScanIncomplete), error);
        AssertOneLine(lines, missing);
        Assert.That(lines, Has.Some.Matches(@"^│ scan issues +│ +1 │$"), "the summary is still a table");
    }

    [Test]
    public void Merge_PartIssueLongerThanTheLayoutWidth_OneLine()
    {
        var missing = MissingPath();
        foreach (var shard in new[] { "1/2", "2/2" })
            Run("scan", "--config", "inventory.yml", "--shard", shard, "--out", $"part{shard[0]}.json");

        var (exit, lines, error) = Run("merge", "part1.json", "part2.json", "--out", "inventory.json");

        Assert.That(exit, Is.EqualTo(ExitCodes.ScanIncomplete), error);
        AssertOneLine(lines, missing);
    }

    [Test]
    public void Write_MarkupAndTextLongerThanTheLayoutWidth_NeitherFoldedNorPadded()
    {
        var output = new StringWriter();
        var console = new RedirectedOutputConsole(output);
        var words = string.Join(' ', Enumerable.Repeat("word", 100));

        console.MarkupLine($"[yellow]{words}[/]");
        console.Write(new Text(words + "\n"));
        console.Write(new Table().AddColumn("a").AddRow("b"));
        console.Flush();

        var lines = output.ToString().Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Take(2), Is.EqualTo(new[] { words, words }));
            Assert.That(lines.Skip(2).Where(l => l.Length > 0), Has.All.Length.LessThan(10), "the table is laid out at its own width");
            Assert.That(lines.Where(l => l.EndsWith(' ')), Is.Empty);
        }
    }
}
