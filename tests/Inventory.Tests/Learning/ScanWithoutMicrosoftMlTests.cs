using System.Diagnostics;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>
/// A scan classifies with the column model without loading Microsoft.ML (the model is our own linear scorer; Microsoft.ML
/// only trains it). Checked on a real <c>inventory</c> process (the CLI built beside the tests, started with
/// <c>dotnet inventory.dll</c>), not in the test process, where other tests load Microsoft.ML: a startup hook
/// (<see cref="StartupHook"/>) records the assemblies the child loaded. The control case, a cross-validation on a tiny
/// corpus, shows the probe does see Microsoft.ML when a command uses it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ScanWithoutMicrosoftMlTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"inventory-ml-probe-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "inventory.dll");

    /// <summary>Runs the CLI with the probe; returns the exit code, standard error and the loaded assemblies' names.</summary>
    private (int Exit, string Error, string[] Assemblies) Run(params string[] arguments)
    {
        var list = Path.Combine(_folder, "assemblies.txt");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        info.ArgumentList.Add(Cli);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        info.Environment[StartupHook.OutputVariable] = list;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        output.Wait();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "the CLI finished");
        Assert.That(File.Exists(list), Is.True, $"the probe wrote its list; stderr: {error}");
        return (process.ExitCode, error, File.ReadAllLines(list));
    }

    [Test]
    public void Scan_Chinook_ClassifiesWithTheModelAndLoadsNoMicrosoftMl()
    {
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");
        var output = Path.Combine(_folder, "inventory.json");

        var (exit, error, assemblies) = Run("scan", "--connection", "sqlite:" + chinook, "--out", output);

        Assert.That(exit, Is.Zero, error);
        var document = File.ReadAllText(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document, Does.Contain("\"model.column\""), "the column model took part in the classification");
            Assert.That(assemblies, Does.Contain("Inventory.Rules").And.Contain("Microsoft.Data.Sqlite"), "the probe saw the scan's own assemblies");
            Assert.That(assemblies.Where(a => a.StartsWith("Microsoft.ML", StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public void CrossValidation_TinyCorpus_ProbeSeesMicrosoftMl()
    {
        // Control: training does load Microsoft.ML, and the probe reports it.
        var corpus = Directory.CreateDirectory(Path.Combine(_folder, "corpus")).FullName;
        foreach (var app in new[] { "shop", "forum" })
            File.WriteAllLines(Path.Combine(corpus, app + ".tsv"),
            [
                "table\tcolumn\tdata_type\tcategory\tsubcategory\tnote",
                $"{app}_users\temail\tvarchar(200)\tcontact\temail\t",
                $"{app}_users\tfirst_name\tvarchar(80)\tcontact\tname\t",
                $"{app}_users\tpassword_hash\tvarchar(200)\tother_personal\tcredentials\t",
                $"{app}_invoices\ttotal_amount\tdecimal(10,2)\tfinancial\tbilling\t",
                $"{app}_sessions\tip_address\tvarchar(45)\tautomatic\tip_address\t",
                $"{app}_messages\tbody\ttext\tcustomer_content\tmessage\t",
                $"{app}_settings\tconfig_key\tvarchar(80)\tnone\t\t",
                $"{app}_settings\tconfig_value\tvarchar(200)\tnone\t\t",
                $"{app}_migrations\tversion\tinteger\tnone\t\t",
            ]);

        var (exit, error, assemblies) = Run("evaluate", "--cross-validate", corpus, "--folds", "2");

        Assert.That(exit, Is.Zero, error);
        Assert.That(assemblies, Does.Contain("Microsoft.ML.StandardTrainers"));
    }
}
