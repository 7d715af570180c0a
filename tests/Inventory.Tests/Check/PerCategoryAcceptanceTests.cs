using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>
/// <c>check.accept-classification-above</c> per category (users45): a mapping of categories and subcategories to
/// thresholds, with an optional <c>default</c>, beside the single number; the most specific entry applies, a category
/// with no entry and no default is never accepted; SARIF and JUnit state the threshold applied. Read from
/// inventory.yml with every mistake at its file, line and column; run end to end on a scanned SQLite database.
/// </summary>
[TestFixture]
public sealed class PerCategoryAcceptanceTests
{
    private static AcceptanceThresholds Map(double? fallback, params (string Category, double Threshold)[] entries) => new()
    {
        Default = fallback,
        ByCategory = entries.ToDictionary(e => e.Category, e => e.Threshold, StringComparer.Ordinal),
    };

    [Test]
    public void For_MostSpecificEntryApplies()
    {
        var thresholds = Map(0.85, ("contact", 0.9), ("contact.email", 0.97), ("none", 0.8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thresholds.For("contact.email"), Is.EqualTo(0.97));
            Assert.That(thresholds.For("contact.phone"), Is.EqualTo(0.9));
            Assert.That(thresholds.For("contact"), Is.EqualTo(0.9));
            Assert.That(thresholds.For("none"), Is.EqualTo(0.8));
            Assert.That(thresholds.For("financial.bank_account"), Is.EqualTo(0.85));
            Assert.That(Map(null, ("contact", 0.9)).For("financial.bank_account"), Is.Null);
            Assert.That(thresholds.Text, Is.EqualTo("contact 0.9, contact.email 0.97, none 0.8, default 0.85"));
            Assert.That(AcceptanceThresholds.Uniform(0.9).Text, Is.EqualTo("0.9"));
        }
    }

    private static ColumnEntry Suggested(string category, double confidence) => new()
    {
        Name = "c",
        DataCategory = category,
        Confidence = confidence,
        Origin = Inventory.Classification.Origin.Model,
        Status = ColumnStatus.Suggested,
    };

    [Test]
    public void CountsAsTagged_PerCategory_AndASingleNumberAsBefore()
    {
        var thresholds = Map(null, ("contact", 0.9), ("financial", 0.95), ("none", 0.8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Suggested("contact.email", 0.92).CountsAsTagged(thresholds), Is.True);
            Assert.That(Suggested("financial.bank_account", 0.92).CountsAsTagged(thresholds), Is.False);
            Assert.That(Suggested("financial.bank_account", 0.95).CountsAsTagged(thresholds), Is.True);
            Assert.That(Suggested("none", 0.81).CountsAsTagged(thresholds), Is.True);
            Assert.That(Suggested("other_personal.gender", 0.999).CountsAsTagged(thresholds), Is.False, "no entry, no default: never accepted");
            Assert.That(Suggested("other_personal.gender", 0.92).CountsAsTagged(0.9), Is.True);
            Assert.That(Suggested("other_personal.gender", 0.92).CountsAsTagged(), Is.False);
        }
    }

    private string _file = "";

    [SetUp]
    public void CreateFile() => _file = Path.Combine(Path.GetTempPath(), $"users45-accept-{Guid.NewGuid():N}.yml");

    [TearDown]
    public void RemoveFile() => File.Delete(_file);

    private CheckConfig LoadCheck(string yaml)
    {
        File.WriteAllText(_file, yaml);
        return InventoryConfig.Load(_file, _ => null).Check;
    }

    [Test]
    public void Load_Mapping_ReadWithDefaultAndPlaces()
    {
        var check = LoadCheck("check:\n  accept-classification-above:\n    contact: 0.9\n    financial: 0.95\n    none: 0.8\n    default: 0.92\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check.AcceptClassificationAbove!.ByCategory, Is.EquivalentTo(new Dictionary<string, double> { ["contact"] = 0.9, ["financial"] = 0.95, ["none"] = 0.8 }));
            Assert.That(check.AcceptClassificationAbove.Default, Is.EqualTo(0.92));
            Assert.That(check.AcceptCategoryPlaces["financial"], Is.EqualTo(new SettingPlace(_file, 4, 5)));
        }
    }

    [Test]
    public void Load_SingleNumber_StillOneThresholdForEveryCategory()
    {
        var check = LoadCheck("check:\n  accept-classification-above: 0.9\n");

        Assert.That(check.AcceptClassificationAbove!.IsUniform, Is.True);
        Assert.That(check.AcceptClassificationAbove.For("financial.bank_account"), Is.EqualTo(0.9));
    }

    [TestCase("check:\n  accept-classification-above: 1.5\n", 2, 32, "accept-classification-above must be between 0 and 1")]
    [TestCase("check:\n  accept-classification-above: high\n", 2, 32, "accept-classification-above must be a number between 0 and 1")]
    [TestCase("check:\n  accept-classification-above:\n    contact: 1.2\n", 3, 14, "accept-classification-above.contact must be between 0 and 1")]
    [TestCase("check:\n  accept-classification-above:\n    Contact Data: 0.9\n", 3, 5, "'Contact Data' is not a category")]
    [TestCase("check:\n  accept-classification-above:\n    default: [0.9]\n", 3, 14, "accept-classification-above.default must be a number")]
    [TestCase("check:\n  accept-classification-above: {}\n", 2, 32, "give one number, or categories with a number each")]
    public void Load_Mistake_ErrorAtItsPlace(string yaml, int line, int column, string reason)
    {
        File.WriteAllText(_file, yaml);

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(_file, _ => null))!;

        Assert.That((error.File, error.Line, error.Column), Is.EqualTo((_file, line, column)));
        Assert.That(error.Reason, Does.Contain(reason));
    }

    [Test]
    public void Gate_UnknownCategory_ErrorAtItsKeyWithTheClosest()
    {
        File.WriteAllText(_file, "check:\n  accept-classification-above:\n    contact: 0.9\n    finanical: 0.95\n");
        var flow = new Inventory.Pipeline.InventoryFlow(InventoryConfig.Load(_file, _ => null));

        var error = Assert.Throws<ConfigurationException>(() => flow.ConfiguredAcceptance())!;

        Assert.That((error.Line, error.Column), Is.EqualTo((4, 5)));
        Assert.That(error.Reason, Does.StartWith("accept-classification-above: unknown category 'finanical' (did you mean 'financial'?)"));
    }

    /// <summary>A real scan of a SQLite table (e-mails, IBANs, an id), then <c>check</c> with thresholds set just above the
    /// e-mail's confidence for contact, at 0 for none, and none for financial (no default): the e-mail and the IBAN are
    /// untagged, the id accepted; the same config with one number at 0 accepts them all. SARIF and JUnit state what applied.</summary>
    [Test]
    public async Task Check_PerCategoryThresholds_EndToEnd_SarifAndJUnitStateThem()
    {
        using var dir = new TempFolder();
        var database = Path.Combine(dir.Path, "app.db");
        string[] ibans = ["DE89370400440532013000", "FR1420041010050500013M02606", "GB29NWBK60161331926819", "ES9121000418450200051332", "NL91ABNA0417164300"];
        InProcessCli.ExecuteSqlite(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, iban TEXT);"
            + string.Concat(Enumerable.Range(1, 30).Select(i => $"INSERT INTO customers VALUES ({i}, 'person{i}@example.org', '{ibans[i % ibans.Length]}');")));
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", "sqlite:" + database, "--out", inventory);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        SqliteConnection.ClearAllPools();
        var columns = ReadColumns(inventory);
        Assert.That(columns["email"].Category, Is.EqualTo("contact.email"));
        Assert.That(columns["iban"].Category, Is.EqualTo("financial.bank_account"));
        Assert.That(columns["id"].Category, Is.EqualTo("none"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "annotations"));
        var contact = Math.Min(1, columns["email"].Confidence + 0.0001).ToString("0.####", CultureInfo.InvariantCulture);
        var config = dir.Write("inventory.yml", $"annotations: annotations/\ncheck:\n  accept-classification-above:\n    contact: {contact}\n    none: 0\n");

        var outDir = Path.Combine(dir.Path, "out");
        (code, output) = await InProcessCli.RunAsync("check", "--config", config, "--inventory", inventory, "--format", "text,sarif,junit", "--output-dir", outDir);

        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "inventory-check.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var failing = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("level").GetString() == "error")
            .Select(r => r.GetProperty("properties").GetProperty("column").GetString()).Order().ToArray();
        var stated = run.GetProperty("properties").GetProperty("acceptClassificationAbove");
        var emailMessage = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("properties").GetProperty("column").GetString() == "email")
            .GetProperty("message").GetProperty("text").GetString();
        var junit = XDocument.Load(Path.Combine(outDir, "inventory-check.junit.xml"));
        var properties = junit.Descendants("testsuite").Select(s => s.Element("properties")?.Element("property")?.Attribute("value")?.Value).Distinct().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failing, Is.EqualTo(new[] { "email", "iban" }));
            Assert.That(stated.GetProperty("contact").GetDouble(), Is.EqualTo(double.Parse(contact, CultureInfo.InvariantCulture)));
            Assert.That(stated.GetProperty("none").GetDouble(), Is.Zero);
            Assert.That(stated.TryGetProperty("default", out _), Is.False);
            Assert.That(emailMessage, Does.Contain($"is below {Math.Round(double.Parse(contact, CultureInfo.InvariantCulture), 2).ToString("0.##", CultureInfo.InvariantCulture)}, the acceptance threshold of contact.email"));
            Assert.That(properties, Is.EqualTo(new[] { $"contact {double.Parse(contact, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture)}, none 0" }));
        }

        // One number at 0: every suggestion accepted, and the outputs say 0.
        File.WriteAllText(config, "annotations: annotations/\ncheck:\n  accept-classification-above: 0\n");
        (code, output) = await InProcessCli.RunAsync("check", "--config", config, "--inventory", inventory, "--format", "sarif,junit", "--output-dir", outDir);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        using var uniform = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "inventory-check.sarif")));
        Assert.That(uniform.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("acceptClassificationAbove").GetDouble(), Is.Zero);
        Assert.That(XDocument.Load(Path.Combine(outDir, "inventory-check.junit.xml")).Descendants("property").Select(p => p.Attribute("value")!.Value).Distinct(),
            Is.EqualTo(new[] { "0" }));

        // No threshold: SARIF says null, JUnit says every column needs an annotation.
        File.WriteAllText(config, "annotations: annotations/\n");
        (code, output) = await InProcessCli.RunAsync("check", "--config", config, "--inventory", inventory, "--format", "sarif,junit", "--output-dir", outDir);
        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
        using var none = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "inventory-check.sarif")));
        Assert.That(none.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("acceptClassificationAbove").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(XDocument.Load(Path.Combine(outDir, "inventory-check.junit.xml")).Descendants("property").First().Attribute("value")!.Value,
            Does.StartWith("none (every column needs an annotation"));
    }

    private static Dictionary<string, (string Category, double Confidence)> ReadColumns(string inventory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(inventory));
        return document.RootElement.GetProperty("sources")[0].GetProperty("tables")[0].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!,
                c => (c.GetProperty("dataCategory").GetString()!, c.GetProperty("confidence").GetDouble()));
    }
}
