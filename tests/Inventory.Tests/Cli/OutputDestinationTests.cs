using System.Diagnostics;
using System.Text;
using Inventory.Model;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>Where outputs land when the destination is not a plain file (trial35 finding 1: <c>scan --out /dev/null</c>
/// run as root replaced the machine's <c>/dev/null</c> with the inventory, a named pipe's reader got nothing, a symbolic
/// link was replaced by a file). Every test works in its own folder: a named pipe and links stand for devices.</summary>
[NonParallelizable]
public sealed class OutputDestinationTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("named pipes and statx: Linux only");
        _folder = Directory.CreateTempSubdirectory("inv_dest_").FullName;
    }

    [TearDown]
    public void DeleteFolder()
    {
        if (_folder.Length > 0) Directory.Delete(_folder, recursive: true);
    }

    private string NamedPipe(string name)
    {
        var path = Path.Combine(_folder, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path } })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
        return path;
    }

    private static Task<string> ReadAllAsync(string path) => Task.Run(() => File.ReadAllText(path));

    [Test]
    public async Task Write_NamedPipe_WrittenThroughToItsReaderAndStaysAPipe()
    {
        // Given a pipe with a reader waiting
        var pipe = NamedPipe("out.json");
        var reader = ReadAllAsync(pipe);

        // When
        AtomicFile.WriteAllText(pipe, "{\"a\": 1}\n");

        // Then
        Assert.That(await reader.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo("{\"a\": 1}\n"));
        Assert.That(AtomicFile.KindOf(pipe), Is.EqualTo(AtomicFile.DestinationKind.Special), "still a pipe, not a regular file");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { pipe }), "no temporary file left");
    }

    [Test]
    public void Write_LinkToAFile_ReplacesTheFileItPointsToAndKeepsTheLink()
    {
        // Given link -> chain -> real.json
        var real = Path.Combine(_folder, "real.json");
        File.WriteAllText(real, "old");
        var chain = Path.Combine(_folder, "chain.json");
        File.CreateSymbolicLink(chain, real);
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, chain);

        // When
        AtomicFile.WriteAllText(link, "new");

        // Then
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(real), Is.EqualTo("new"));
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(chain), "the link is still a link");
            Assert.That(new FileInfo(chain).LinkTarget, Is.EqualTo(real));
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "chain.json", "link.json", "real.json" }));
        }
    }

    [Test]
    public void Write_DanglingLink_CreatesTheFileItPointsTo()
    {
        var real = Path.Combine(_folder, "sub", "real.json");
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, real);

        AtomicFile.WriteAllText(link, "new");

        Assert.That((File.ReadAllText(real), new FileInfo(link).LinkTarget), Is.EqualTo(("new", real)));
    }

    [Test]
    public void Write_Folder_ClearErrorAndTheFolderIsKept()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "outdir")).FullName;

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(folder, "x"));

        Assert.That(error!.Message, Does.Contain("is a folder"));
        Assert.That(Directory.Exists(folder), Is.True);
    }

    [Test]
    public void Write_RegularAndMissingFiles_ReplacedAndCreated()
    {
        var existing = Path.Combine(_folder, "a.json");
        File.WriteAllText(existing, "old");
        var missing = Path.Combine(_folder, "new", "b.json");

        AtomicFile.WriteAllBytes(existing, Encoding.UTF8.GetBytes("new"));
        AtomicFile.WriteAllText(missing, "created");

        Assert.That((File.ReadAllText(existing), File.ReadAllText(missing), AtomicFile.KindOf(existing)),
            Is.EqualTo(("new", "created", AtomicFile.DestinationKind.Regular)));
    }

    [Test]
    public void Scan_OutToALinkToItsOwnStandardOutput_TheDocumentReachesThePipeAndTheLinkStays()
    {
        // Given a link to the process's own standard output (what /dev/stdout is), which the test reads through a pipe
        var link = Path.Combine(_folder, "stdout.json");
        File.CreateSymbolicLink(link, "/proc/self/fd/1");
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

        // When
        var (exit, output, error) = CliProcess.Run(_folder, ["scan", "--connection", "sqlite:" + chinook, "--sample-rows", "0", "--out", link]);

        // Then
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("\"sources\"").And.Contain("\"Invoice\""), "the inventory went through the link to standard output");
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo("/proc/self/fd/1"), "the link is still a link");
            Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { link }));
        }
    }

    [Test]
    public void Scan_OutToANamedPipe_ItsReaderGetsTheDocument()
    {
        var pipe = NamedPipe("inventory.json");
        var reader = ReadAllAsync(pipe);
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

        var (exit, _, error) = CliProcess.Run(_folder, ["scan", "--connection", "sqlite:" + chinook, "--sample-rows", "0", "--out", pipe]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(reader.Wait(TimeSpan.FromSeconds(30)), Is.True, "the reader got the end of the document");
        Assert.That(reader.Result, Does.StartWith("{").And.Contain("\"Invoice\""));
        Assert.That(AtomicFile.KindOf(pipe), Is.EqualTo(AtomicFile.DestinationKind.Special));
    }
}
