using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Trial 35 finding 8b: an output path of the wrong kind (a folder where a file is written, a file where a
/// folder is, a path under a file) is refused before any work, with exit 2 and one line naming the option, for every
/// command's output options; nothing is scanned and nothing in the way is touched.</summary>
[TestFixture]
public sealed class OutputPathTests
{
    private static string Chinook => "sqlite:" + Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    /// <summary>Each command with each output option given a path of the wrong kind: <c>{folder}</c> is an existing
    /// folder, <c>{file}</c> an existing file, <c>{under}</c> a path below that file.</summary>
    private static IEnumerable<TestCaseData> WrongKinds()
    {
        TestCaseData Case(string expected, params string[] args) => new TestCaseData(args, expected).SetArgDisplayNames(string.Join(' ', args));
        const string folder = "is a folder; give a file name";
        const string file = "is a file; it names the folder the files are written into";
        yield return Case("--out {folder} " + folder, "scan", "--connection", "{chinook}", "--out", "{folder}");
        yield return Case("--out {under} lies under", "scan", "--connection", "{chinook}", "--out", "{under}");
        yield return Case("--out {file} " + file, "report", "--inventory", "{file}", "--out", "{file}");
        yield return Case("--out {under} lies under", "report", "--inventory", "{file}", "--out", "{under}");
        yield return Case("--out {file} " + file, "annotate", "--inventory", "{file}", "--out", "{file}");
        yield return Case("--output-dir {file} " + file, "check", "--inventory", "{file}", "--output-dir", "{file}");
        yield return Case("--sarif {folder} " + folder, "check", "--inventory", "{file}", "--sarif", "{folder}");
        yield return Case("--junit {folder} " + folder, "check", "--inventory", "{file}", "--junit", "{folder}");
        yield return Case("--json {folder} " + folder, "check", "--inventory", "{file}", "--json", "{folder}");
        yield return Case("--github {under} lies under", "check", "--inventory", "{file}", "--github", "{under}");
        yield return Case("--out {folder} " + folder, "export", "--inventory", "{file}", "--format", "fides", "--out", "{folder}");
        yield return Case("--out {folder} " + folder, "merge", "{file}", "--out", "{folder}");
        yield return Case("--json {folder} " + folder, "diff", "{file}", "{file}", "--json", "{folder}");
        yield return Case("--out {file} " + file, "demo", "--out", "{file}");
        yield return Case("--out {folder} " + folder, "train", "--corpus", "{folder}", "--out", "{folder}");
        yield return Case("--report {under} lies under", "train", "--corpus", "{folder}", "--report", "{under}");
        yield return Case("--json {folder} " + folder, "evaluate", "--gold", "{file}", "--json", "{folder}");
        yield return Case("--predictions {folder} " + folder, "evaluate", "--cross-validate", "{folder}", "--predictions", "{folder}");
        yield return Case("--first-level-cache {folder} " + folder, "evaluate", "--cross-validate", "{folder}", "--first-level-cache", "{folder}");
    }

    [TestCaseSource(nameof(WrongKinds))]
    public async Task Command_OutputPathOfTheWrongKind_ExitsTwoWithOneLineBeforeAnyWork(string[] args, string expected)
    {
        // Given an existing folder and an existing file (a saved inventory)
        using var dir = new TempFolder();
        var folder = Path.Combine(dir.Path, "outdir");
        Directory.CreateDirectory(folder);
        var file = dir.Write("inventory.json", "{\"tool\": \"kept as it is\"}");
        var under = Path.Combine(file, "report");
        string Fill(string text) => text.Replace("{folder}", folder, StringComparison.Ordinal).Replace("{file}", file, StringComparison.Ordinal)
            .Replace("{under}", under, StringComparison.Ordinal).Replace("{chinook}", Chinook, StringComparison.Ordinal);

        // When the command runs with an output path of the wrong kind
        var (code, output) = await RunAsync(args.Select(Fill).ToArray());

        // Then it stops at once: exit 2, the option named, nothing written or scanned
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
            Assert.That(output, Does.Contain(Fill(expected)));
            Assert.That(output, Does.Not.Contain("internal error").And.Not.Contain("inventory written"));
            Assert.That(File.ReadAllText(file), Is.EqualTo("{\"tool\": \"kept as it is\"}"));
            Assert.That(Directory.GetFileSystemEntries(folder), Is.Empty);
        }
    }

    [Test]
    public void Problem_PathsThatCanBeWritten_None()
    {
        // Given a new file in an existing folder, a file in folders still to create, an existing file, an existing folder
        using var dir = new TempFolder();
        var file = dir.Write("old.json", "{}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(OutputPaths.Problem(new OutputOption("--out", Path.Combine(dir.Path, "new.json"), OutputKind.File)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", Path.Combine(dir.Path, "a", "b", "new.json"), OutputKind.File)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", file, OutputKind.File)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", dir.Path, OutputKind.Folder)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", Path.Combine(dir.Path, "report"), OutputKind.Folder)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--json", null, OutputKind.File)), Is.Null);
        }
    }
}
