using Inventory.Cli;
using Inventory.Model;
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

    // Trial40 finding 1: an output path in a folder this user may not create files in (a read-only mount, another user's
    // folder, /proc) made scan run the whole scan and then fail with "internal error (UnauthorizedAccessException)",
    // exit 70; check --sarif, check --output-dir and report --out the same. Every output option is now tried before any
    // work: exit 2, one line naming the option, the path and the folder. /proc refuses new files even to root (the tests
    // run as root in CI), so it stands for every unwritable folder; a folder without write permission is tried too when
    // the tests do not run as root.

    private static IEnumerable<TestCaseData> UnwritableCommands()
    {
        TestCaseData Case(string option, params string[] args) => new TestCaseData(args, option).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("--out", "scan", "--connection", "{chinook}", "--out", "{proc}/inventory.json");
        yield return Case("--out", "scan", "--connection", "{chinook}", "--out", "{proc}/trial40/inventory.json");
        yield return Case("--sarif", "check", "--inventory", "{file}", "--format", "sarif", "--sarif", "{proc}/check.sarif");
        yield return Case("--output-dir", "check", "--inventory", "{file}", "--format", "junit", "--output-dir", "{proc}/check");
        yield return Case("--out", "report", "--inventory", "{file}", "--out", "{proc}/report");
        yield return Case("--out", "merge", "{file}", "--out", "{proc}/merged.json");
        yield return Case("--json", "diff", "{file}", "{file}", "--json", "{proc}/diff.json");
    }

    [TestCaseSource(nameof(UnwritableCommands))]
    public async Task Command_OutputInAFolderThatRefusesNewFiles_ExitsTwoNamingTheFolderBeforeAnyWork(string[] args, string option)
    {
        Assume.That(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "needs Linux's /proc");
        // Given a saved inventory and an output path in /proc, where no file can be created
        using var dir = new TempFolder();
        var file = dir.Write("inventory.json", "{\"tool\": \"kept as it is\"}");
        string Fill(string text) => text.Replace("{file}", file, StringComparison.Ordinal).Replace("{proc}", "/proc", StringComparison.Ordinal)
            .Replace("{chinook}", Chinook, StringComparison.Ordinal);

        // When the command runs
        var (code, output) = await RunAsync(args.Select(Fill).ToArray());

        // Then it stops at once with exit 2 and one line naming the option, the path and /proc; nothing was scanned
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
            Assert.That(output, Does.Contain($"{option} {Fill(args[^1])}: cannot write in /proc: the file system refuses the file"));
            Assert.That(output, Does.Not.Contain("internal error").And.Not.Contain("inventory written").And.Not.Contain("rows sampled"));
            Assert.That(File.ReadAllText(file), Is.EqualTo("{\"tool\": \"kept as it is\"}"));
        }
    }

    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Problem_FolderWithoutWritePermission_NamesPermissionDenied()
    {
        Assume.That(OperatingSystem.IsLinux() && Environment.UserName != "root", "root may write in any folder");
        // Given a folder this user may read but not write
        using var dir = new TempFolder();
        var locked = Path.Combine(dir.Path, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            // Then a file or a folder in it is refused, with the folder and the cause
            using (Assert.EnterMultipleScope())
            {
                Assert.That(OutputPaths.Problem(new OutputOption("--out", Path.Combine(locked, "inventory.json"), OutputKind.File)),
                    Is.EqualTo($"--out {Path.Combine(locked, "inventory.json")}: cannot write in {locked}: permission denied: this user may not create files; give a path in a folder this user may write to"));
                Assert.That(OutputPaths.Problem(new OutputOption("--out", locked, OutputKind.Folder)), Does.Contain("permission denied"));
            }
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void Problem_WritableFolderAndDevices_NoneAndNothingLeftBehind()
    {
        // Given an empty folder
        using var dir = new TempFolder();
        using (Assert.EnterMultipleScope())
        {
            // Then a file in it, the folder itself and a device written through are accepted
            Assert.That(OutputPaths.Problem(new OutputOption("--out", Path.Combine(dir.Path, "inventory.json"), OutputKind.File)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", dir.Path, OutputKind.Folder)), Is.Null);
            Assert.That(OutputPaths.Problem(new OutputOption("--out", "/dev/null", OutputKind.File)), Is.Null);
            // and the write test left no file behind
            Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.Empty);
        }
    }

    [Test]
    public void AtomicFileWrite_FolderThatRefusesNewFiles_OutputWriteExceptionNamingThePathNotTheTemporaryFile()
    {
        Assume.That(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "needs Linux's /proc");
        // When a file is written where the file system refuses it (the folder became unwritable after the check)
        var error = Assert.Throws<OutputWriteException>(() => AtomicFile.WriteAllText("/proc/trial40-inventory.json", "{}"))!;

        // Then the error names the path given and the folder, never the temporary file, and is an input error (exit 2)
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith("cannot write /proc/trial40-inventory.json: the file system refuses the file"));
            Assert.That(error.Message, Does.Contain(" in /proc;").And.Not.Contain(".tmp"));
            Assert.That(error.Folder, Is.EqualTo("/proc"));
            Assert.That(InventoryApp.ReportError(new TestConsole(), TextWriter.Null, error, verbose: false), Is.EqualTo(ExitCodes.BadInput));
        }
    }
}
