using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Trial40 finding 1: an output path in a folder this user may not create files in (a read-only mount, another
/// user's folder, <c>/proc</c>) made <c>scan</c> run the whole scan and then fail with "internal error
/// (UnauthorizedAccessException)", exit 70; <c>check --sarif</c>, <c>check --output-dir</c> and <c>report --out</c> the
/// same. Now every output option is tried before any work: exit 2, one line naming the option, the path and the folder.
/// <c>/proc</c> refuses new files even to root (the tests run as root in CI), so it stands for every unwritable folder;
/// a folder without write permission is tried too when the tests do not run as root.</summary>
[TestFixture]
public sealed class UnwritableOutputTests
{
    private static string Chinook => "sqlite:" + Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    private static IEnumerable<TestCaseData> Commands()
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

    [TestCaseSource(nameof(Commands))]
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
