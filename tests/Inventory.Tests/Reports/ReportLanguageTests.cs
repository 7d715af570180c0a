using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Language;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

/// <summary>The report language (<c>report.language</c> in inventory.yml, <c>inventory report --language</c>): read
/// with its errors at file:line:column, and followed by the HTML, Markdown and XLSX reports of a scanned SQLite
/// database, while CSV and JSON keep their machine keys; unset, every format is what it was (HTML and Markdown English,
/// the XLSX register French).</summary>
[TestFixture]
public sealed class ReportLanguageTests
{
    private readonly TemporarySqliteFiles _files = new();
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("inventory-language-").FullName;

    [TearDown]
    public void TearDown()
    {
        _files.DeleteAll();
        Directory.Delete(_dir, recursive: true);
    }

    private InventoryConfig Load(string yaml)
    {
        var path = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(path, yaml);
        return InventoryConfig.Load(path, _ => null);
    }

    // ---- the setting ----

    [TestCase("report:\n  language: fr\n", ReportLanguage.French)]
    [TestCase("report:\n  language: en\n", ReportLanguage.English)]
    [TestCase("report:\n  language: fr-FR\n", ReportLanguage.French)]
    [TestCase("report:\n  language: en-GB\n", ReportLanguage.English)]
    [TestCase("report: { language: FR }\n", ReportLanguage.French)]
    public void Config_ReportLanguage_Read(string yaml, ReportLanguage expected) =>
        Assert.That(Load(yaml).Report.Language, Is.EqualTo(expected));

    [Test]
    public void Config_NoReportKey_NoLanguage() => Assert.That(Load("annotations: annotations/\n").Report.Language, Is.Null);

    [Test]
    public void Config_UnknownLanguage_ErrorAtItsValueListingTheLanguages()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load("annotations: annotations/\nreport:\n  language: de\n"))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Line, Is.EqualTo(3));
            Assert.That(error.Column, Is.EqualTo(13));
            Assert.That(error.Message, Does.StartWith(Path.Combine(_dir, "inventory.yml") + ":3:13: report.language: unknown report language 'de'"));
            Assert.That(error.Message, Does.Contain("en (English), fr (French)"));
        }
    }

    [Test]
    public void Config_UnknownKeyUnderReport_ErrorAtTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load("report:\n  langage: fr\n"))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 3)));
        Assert.That(error.Message, Does.Contain("langage"));
    }

    // ---- the formats, from a scanned SQLite database ----

    private async Task<InventoryDocument> ScanAsync()
    {
        var path = _files.NewPath("inv_language");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, created_at TEXT);
                CREATE TABLE payments (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, amount NUMERIC, iban TEXT);
                INSERT INTO users VALUES (1, 'ana@example.org', 'Ana Lopez', '2026-01-02'), (2, 'bo@example.org', 'Bo Martin', '2026-01-03');
                INSERT INTO payments VALUES (1, 1, 12.5, 'FR7630006000011234567890189');
                """;
            await command.ExecuteNonQueryAsync();
        }
        return await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "shop", Connection = "sqlite:" + path }],
        });
    }

    private static async Task<string> TextOf(IReportWriter writer, ReportModel model) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(writer, model));

    [Test]
    public async Task Markdown_ScannedSqlite_FollowsTheLanguage()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);

        var english = await TextOf(ReportWriters.Create("md", ReportLanguage.English), model);
        var french = await TextOf(ReportWriters.Create("md", ReportLanguage.French), model);
        var unset = await TextOf(ReportWriters.Create("md"), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unset, Is.EqualTo(english), "unset: English, as before the setting");
            Assert.That(english, Does.Contain("## Summary").And.Contain("## Controller record (Art. 30(1))").And.Contain("| Claim | Verdict | Evidence |"));
            Assert.That(french, Does.Contain("## Synthèse").And.Contain("## Registre du responsable de traitement (art. 30(1))")
                .And.Contain("| Revendication | Verdict | Constat |").And.Contain("## Couverture").And.Contain("## Changements depuis l'inventaire précédent"));
            Assert.That(french, Does.Contain("**contredite**").Or.Contain("**respectée**").Or.Contain("**indéterminée**"), "verdicts in French");
            Assert.That(french, Does.Not.Contain("## Summary").And.Not.Contain("| Claim | Verdict").And.Not.Contain("**holds**").And.Not.Contain("**violated**"));
            Assert.That(french, Does.Contain("`contact.email`"), "label ids stay as they are");
            Assert.That(french, Does.Contain("Aucun inventaire précédent n'a été fourni."));
            Assert.That(french + english, Does.Not.Contain("ana@example.org").And.Not.Contain("Ana Lopez").And.Not.Contain("FR7630006000011234567890189"),
                "no sampled value in either language");
        }
    }

    [Test]
    public async Task Html_ScannedSqlite_FollowsTheLanguage()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);

        var english = await TextOf(ReportWriters.Create("html", ReportLanguage.English), model);
        var french = await TextOf(ReportWriters.Create("html", ReportLanguage.French), model);
        var unset = await TextOf(ReportWriters.Create("html"), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unset, Is.EqualTo(english), "unset: English, as before the setting");
            Assert.That(english, Does.Contain("<html lang=\"en\">").And.Contain("<h2 id=\"summary\" class=\"first\">Summary</h2>"));
            Assert.That(french, Does.Contain("<html lang=\"fr\">").And.Contain("<h2 id=\"summary\" class=\"first\">Synthèse</h2>")
                .And.Contain("<tr><th>Revendication</th><th>Verdict</th><th>Constat</th></tr>")
                .And.Contain("<a href=\"#coverage\">Couverture</a>"));
            Assert.That(french, Does.Match("<span class=\"verdict (holds|violated|unknown)\">(respectée|contredite|indéterminée)</span>"),
                "the verdict in French, its class kept for the style");
            Assert.That(french, Does.Not.Contain(">Summary<").And.Not.Contain("<th>Claim</th>"));
            Assert.That(french, Does.Contain("contact.<wbr>email"), "label ids stay as they are");
        }
    }

    private static List<(string Sheet, string[] Headings)> ReadSheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var result = new List<(string, string[])>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var first = part.Worksheet.Descendants<Row>().First();
            result.Add((sheet.Name!, first.Elements<Cell>().Select(c => c.InnerText).ToArray()));
        }
        return result;
    }

    [Test]
    public async Task Xlsx_ScannedSqlite_SheetNamesAndHeadingsPerLanguage()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);

        var unset = ReadSheets(await ReportWriterTests.RenderAsync(ReportWriters.Create("xlsx"), model));
        var french = ReadSheets(await ReportWriterTests.RenderAsync(ReportWriters.Create("xlsx", ReportLanguage.French), model));
        var english = ReadSheets(await ReportWriterTests.RenderAsync(ReportWriters.Create("xlsx", ReportLanguage.English), model));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unset, Is.EqualTo(french).Using<(string, string[])>((a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2)),
                "unset: the French CNIL register, as before the setting");
            Assert.That(french.Select(s => s.Sheet), Is.EqualTo(new[] { "Registre", "Sous-traitant", "Colonnes", "Revendications", "Conflits", "Couverture" }));
            Assert.That(english.Select(s => s.Sheet), Is.EqualTo(new[] { "Register", "Processor", "Columns", "Claims", "Conflicts", "Coverage" }));
            Assert.That(french[0].Headings, Is.EqualTo(ReportText.French.ActivityHeadings));
            Assert.That(french[0].Headings, Does.Contain("Finalité(s) du traitement effectué").And.Contain("Durées de conservation"));
            Assert.That(english[0].Headings, Is.EqualTo(ReportText.English.ActivityHeadings));
            Assert.That(english[0].Headings, Does.Contain("Purpose(s) of the processing").And.Contain("Retention periods"));
            Assert.That(english[1].Headings, Is.EqualTo(ReportText.English.ProcessorHeadings));
            Assert.That(english[2].Headings, Is.EqualTo(ReportText.English.ColumnHeadings));
            Assert.That(french[2].Headings, Does.Contain("Suggestion de l'analyse"));
            Assert.That(english[3].Headings, Is.EqualTo(ReportText.English.ClaimHeadings));
            Assert.That(english[5].Headings, Is.EqualTo(ReportText.English.CoverageHeadings));
        }
    }

    [Test]
    public async Task CsvAndJson_ScannedSqlite_SameBytesInBothLanguages()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);
        foreach (var format in new[] { "csv", "json" })
        {
            var english = await ReportWriterTests.RenderAsync(ReportWriters.Create(format, ReportLanguage.English), model);
            var french = await ReportWriterTests.RenderAsync(ReportWriters.Create(format, ReportLanguage.French), model);
            Assert.That(french, Is.EqualTo(english), $"{format} keeps its machine keys");
        }
    }

    // ---- the command ----

    private async Task<(int Code, string Output, string OutDir)> ReportAsync(string? configYaml, params string[] extra)
    {
        var inventory = Path.Combine(_dir, "inventory.json");
        if (!File.Exists(inventory)) InventoryJson.Write(await ScanAsync(), inventory);
        var output = Path.Combine(_dir, "out-" + Guid.NewGuid().ToString("N"));
        string[] args = ["report", "--inventory", inventory, "--policy", "builtin", "--out", output, "--format", "md,xlsx"];
        if (configYaml is not null)
        {
            var config = Path.Combine(_dir, "inventory.yml");
            await File.WriteAllTextAsync(config, configYaml);
            args = [.. args, "--config", config];
        }
        var console = new TestConsole();
        var error = new StringWriter();
        var code = await InventoryApp.RunAsync([.. args, .. extra], console, error);
        return (code, console.Output + error, output);
    }

    [Test]
    public async Task Command_LanguageFlag_FrenchMarkdownAndEnglishRegisterOnRequest()
    {
        var french = await ReportAsync(null, "--language", "fr-FR");
        var english = await ReportAsync(null, "--language", "en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(french.Code, Is.EqualTo(ExitCodes.Ok), french.Output);
            Assert.That(File.ReadAllText(Path.Combine(french.OutDir, "ropa.md")), Does.Contain("## Synthèse"));
            Assert.That(ReadSheets(File.ReadAllBytes(Path.Combine(french.OutDir, "ropa.xlsx")))[0].Sheet, Is.EqualTo("Registre"));
            Assert.That(english.Code, Is.EqualTo(ExitCodes.Ok), english.Output);
            Assert.That(File.ReadAllText(Path.Combine(english.OutDir, "ropa.md")), Does.Contain("## Summary"));
            Assert.That(ReadSheets(File.ReadAllBytes(Path.Combine(english.OutDir, "ropa.xlsx")))[0].Sheet, Is.EqualTo("Register"));
        }
    }

    [Test]
    public async Task Command_ConfigLanguage_AppliesAndTheFlagWins()
    {
        var fromConfig = await ReportAsync("report:\n  language: fr\n");
        var flagWins = await ReportAsync("report:\n  language: fr\n", "--language", "en-GB");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromConfig.Code, Is.EqualTo(ExitCodes.Ok), fromConfig.Output);
            Assert.That(File.ReadAllText(Path.Combine(fromConfig.OutDir, "ropa.md")), Does.Contain("## Synthèse"));
            Assert.That(flagWins.Code, Is.EqualTo(ExitCodes.Ok), flagWins.Output);
            Assert.That(File.ReadAllText(Path.Combine(flagWins.OutDir, "ropa.md")), Does.Contain("## Summary"));
            Assert.That(ReadSheets(File.ReadAllBytes(Path.Combine(flagWins.OutDir, "ropa.xlsx")))[0].Sheet, Is.EqualTo("Register"));
        }
    }

    [Test]
    public async Task Command_UnknownLanguageFlag_BadInputNamingTheFlagAndTheLanguages()
    {
        var result = await ReportAsync(null, "--language", "de");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(result.Output, Does.Contain("--language: unknown report language 'de'").And.Contain("en (English), fr (French)"));
            Assert.That(Directory.Exists(result.OutDir), Is.False, "nothing written");
        }
    }
}
