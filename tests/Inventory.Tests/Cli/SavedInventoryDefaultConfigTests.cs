using Inventory.Model;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>
/// Commands that read a saved inventory (<c>check</c>, <c>report</c>, <c>export</c>) use <c>./inventory.yml</c> when no
/// <c>--config</c> is named, as their help says: its annotations folder, check settings and policy apply. Run as a real
/// <c>inventory</c> process in its own working directory (the test process's directory is shared by every test).
/// </summary>
[TestFixture]
public sealed class SavedInventoryDefaultConfigTests
{
    /// <summary>Runs the CLI in <paramref name="folder"/>; returns the exit code and standard output + error.</summary>
    private static (int Exit, string Output) Run(string folder, params string[] arguments)
    {
        var (exit, output, error) = CliProcess.Run(folder, arguments);
        return (exit, output + error);
    }

    /// <summary>A folder with the C06 inventory, its annotations in <c>gate-annotations/</c> (not the <c>./annotations</c>
    /// fallback) and an inventory.yml that names that folder and fails the gate on conflicts.</summary>
    private static TempFolder Project()
    {
        var dir = new TempFolder();
        InventoryJson.Write(CaseInventories.C06(), Path.Combine(dir.Path, "inventory.json"));
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "gate-annotations")).FullName;
        File.Copy(Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml"), Path.Combine(annotations, "invoice.yml"));
        File.WriteAllText(Path.Combine(dir.Path, "inventory.yml"), "annotations: gate-annotations\n");
        return dir;
    }

    [Test]
    public void Check_SavedInventory_UsesTheWorkingDirectorysInventoryYml()
    {
        using var dir = Project();

        var (implicitExit, implicitOutput) = Run(dir.Path, "check", "--inventory", "inventory.json");
        var (namedExit, namedOutput) = Run(dir.Path, "check", "--inventory", "inventory.json", "--config", "inventory.yml");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(implicitOutput, Does.Contain("3 of 8 in-scope columns tagged"), "the annotations folder of ./inventory.yml applies");
            Assert.That((implicitExit, implicitOutput), Is.EqualTo((namedExit, namedOutput)), "the same as naming the file");
        }
    }

    [Test]
    public void Check_MalformedDefaultConfig_IsAnErrorNamingTheFile()
    {
        using var dir = Project();
        File.WriteAllText(Path.Combine(dir.Path, "inventory.yml"), "annotations: [gate-annotations\n");

        var (exit, output) = Run(dir.Path, "check", "--inventory", "inventory.json");

        Assert.That((exit, output.Contains("inventory.yml:", StringComparison.Ordinal)), Is.EqualTo((2, true)), output);
    }

    [Test]
    public void Export_SavedInventory_TakesTheAnnotationsOfTheWorkingDirectorysInventoryYml()
    {
        using var dir = Project();

        var (exit, output) = Run(dir.Path, "export", "--inventory", "inventory.json", "--format", "postgres-comments", "--out", "labels.sql");

        Assert.That(exit, Is.Zero, output);
        var script = File.ReadAllText(Path.Combine(dir.Path, "labels.sql"));
        Assert.That(script, Does.Contain("customer_name").And.Contain("vat_number"), "the annotated columns are exported");
    }
}
