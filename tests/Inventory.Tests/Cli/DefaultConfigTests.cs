using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>
/// Trial 17 finding 7: <c>check</c> and <c>annotate</c> read <c>./inventory.yml</c> when it exists (their <c>--help</c>
/// says so), also with <c>--inventory</c>: its <c>annotations:</c> folder, <c>check.fail-on</c> and policy apply, and
/// the connections it names are not needed (their variables may be unset). Run as a real <c>inventory</c> process in a
/// folder of its own, since the working directory is what is under test.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DefaultConfigTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ScratchFolder.Create("inventory-default-config");

    [TearDown]
    public void DeleteFolder() => ScratchFolder.Delete(_folder);

    private (int Exit, string Output, string Error) Run(params string[] arguments) => CliProcess.Run(_folder, arguments, "T17_UNSET_DB");

    /// <summary>A scanned database of one table (id, an e-mail column) and an inventory.yml whose annotations folder is
    /// not the default one, which annotates the e-mail column <c>none</c> (a conflict) and fails on conflicts.</summary>
    private void Arrange()
    {
        ScannedMemberTable.Create(_folder, Run);
        Directory.CreateDirectory(Path.Combine(_folder, "schema-notes"));
        File.WriteAllText(Path.Combine(_folder, "schema-notes", "member.yml"), "table: member\ncolumns:\n  id: none\n  backup_email: none\n");
        File.WriteAllText(Path.Combine(_folder, "inventory.yml"),
            "sources:\n  - name: default\n    connection: ${T17_UNSET_DB}\nannotations: schema-notes/\ncheck:\n  fail-on: [untagged, conflict]\n");
    }

    [Test]
    public void Check_WithInventoryAndNoConfigFlag_ReadsTheWorkingDirectorysInventoryYml()
    {
        Arrange();

        var (exit, output, error) = Run("check", "--inventory", "inventory.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), $"the conflict fails the gate (fail-on: conflict); stderr: {error}");
            Assert.That(output, Does.Contain("2 of 2 in-scope columns tagged"), "the annotations folder of inventory.yml was read");
            Assert.That(output, Does.Contain("member.backup_email  conflict"));
            Assert.That(output, Does.Not.StartWith("warning:"), "the conflict is a failure, not a warning");
        }
    }

    [Test]
    public void Check_WithConnection_ScansItAndKeepsTheWorkingDirectorysAnnotationsAndFailOn()
    {
        Arrange();

        // The config's own source names an unset variable: --connection replaces it, so it is never resolved.
        var (exit, output, error) = Run("check", "--connection", "sqlite:" + Path.Combine(_folder, "app.db"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), $"the conflict fails the gate (fail-on: conflict of inventory.yml); stderr: {error}");
            Assert.That(output, Does.Contain("2 of 2 in-scope columns tagged"), "the annotations folder of inventory.yml was read");
            Assert.That(output, Does.Contain("member.backup_email  conflict"));
            Assert.That(error, Does.Not.Contain("T17_UNSET_DB"));
        }
    }

    [Test]
    public void Check_AnnotationsFlag_StillOverridesTheWorkingDirectorysConfig()
    {
        Arrange();
        Directory.CreateDirectory(Path.Combine(_folder, "other"));

        var (exit, output, error) = Run("check", "--inventory", "inventory.json", "--annotations", "other");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("0 of 2 in-scope columns tagged"), error);
            Assert.That(exit, Is.EqualTo(1), "untagged columns fail");
        }
    }
}
