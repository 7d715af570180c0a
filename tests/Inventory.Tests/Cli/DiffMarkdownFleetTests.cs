using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>fixes41's note: <c>diff --format markdown</c> on a fleet listed every change by kind, all sources mixed.
/// Two real multi-source inventories (SQLite, scanned by the CLI through <c>inventory.yml</c>): <c>billing</c> gains a
/// 12-column table and a column (its part folds), <c>crm</c> gains one column, <c>support</c> is unchanged, <c>legacy</c>
/// is removed and <c>tenant-9</c> added as whole sources.</summary>
[TestFixture]
public sealed class DiffMarkdownFleetTests
{
    private TempFolder _dir = null!;
    private string _markdown = "";

    [OneTimeSetUp]
    public async Task ScanTheFleetBeforeAndAfter()
    {
        _dir = new TempFolder();
        string Db(string name) => Path.Combine(_dir.Path, name + ".db");
        InProcessCli.ExecuteSqlite(Db("billing"), "CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_email TEXT, total NUMERIC);");
        InProcessCli.ExecuteSqlite(Db("crm"), "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT);");
        InProcessCli.ExecuteSqlite(Db("support"), "CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT);");
        InProcessCli.ExecuteSqlite(Db("legacy"), "CREATE TABLE old_users (id INTEGER PRIMARY KEY, email TEXT); CREATE TABLE old_logs (id INTEGER PRIMARY KEY, ip_address TEXT);");
        InProcessCli.ExecuteSqlite(Db("tenant-9"), "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT, phone_number TEXT);");
        var old = await ScanAsync("old", "billing", "crm", "support", "legacy");

        // The migration: billing gets a new table of 12 columns and a column; crm a column
        InProcessCli.ExecuteSqlite(Db("billing"), "ALTER TABLE invoices ADD COLUMN vat_number TEXT; CREATE TABLE payments ("
            + string.Join(", ", Enumerable.Range(1, 12).Select(i => i == 1 ? "id INTEGER PRIMARY KEY" : $"field_{i:00} TEXT")) + ");");
        InProcessCli.ExecuteSqlite(Db("crm"), "ALTER TABLE contacts ADD COLUMN phone_number TEXT;");
        var @new = await ScanAsync("new", "billing", "crm", "support", "tenant-9");
        SqliteConnection.ClearAllPools();

        var file = Path.Combine(_dir.Path, "diff.md");
        var (code, output) = await InProcessCli.RunAsync("diff", old, @new, "--format", "markdown", "--markdown", file);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        _markdown = File.ReadAllText(file);
        TestContext.Out.WriteLine(_markdown);

        async Task<string> ScanAsync(string name, params string[] sources)
        {
            var config = Path.Combine(_dir.Path, name + ".yml");
            File.WriteAllLines(config, ["sources:", .. sources.Select(s => $"  - {{ name: {s}, connection: \"sqlite:{Db(s)}\" }}")]);
            var inventory = Path.Combine(_dir.Path, name + ".json");
            var (code, output) = await InProcessCli.RunAsync("scan", "--config", config, "--out", inventory);
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            return inventory;
        }
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    [Test]
    public void Diff_FleetMarkdown_SourcesAddedAndRemovedAsWholeWithWhatTheyHold()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_markdown, Does.Contain("### Sources added (1)\n\n- **tenant-9**: 1 table, 3 columns; personal: "));
            Assert.That(_markdown, Does.Contain("### Sources removed (1)\n\n- **legacy**: 2 tables, 4 columns; personal: "));
            Assert.That(_markdown, Does.Not.Contain("Other changes"), "whole sources are not listed again as other changes");
            Assert.That(_markdown, Does.Not.Contain("source **"), "a fleet's rows are under their source's heading, not source lines");
        }
    }

    [Test]
    public void Diff_FleetMarkdown_CountsPerSourceThenOnePartPerChangedSource()
    {
        var lines = _markdown.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Does.Contain("| schema: column-added | 2 |"), "the whole diff's counts first");
            Assert.That(_markdown, Does.Contain("### Changes per source\n\n| source | tables added | tables removed | columns added | columns removed | columns changed | other |"));
            Assert.That(lines, Does.Contain("| billing | 1 | 0 | 1 | 0 | 0 | 0 |"));
            Assert.That(lines, Does.Contain("| crm | 0 | 0 | 1 | 0 | 0 | 0 |"));
            Assert.That(lines, Has.None.StartsWith("| support |"), "an unchanged source has no row");
            // crm's part is short: a heading; its row under it
            var crm = _markdown[_markdown.IndexOf("### Source crm (1 change)\n\n", StringComparison.Ordinal)..];
            Assert.That(crm, Does.StartWith("### Source crm (1 change)\n\n#### Columns added (1)\n\n| table | column | category | confidence | status |\n|---|---|---|---|---|\n| contacts | phone\\_number | "));
            // billing's part (the new table, its 12 columns and vat_number: 14 rows) is folded, with its own sections
            var start = _markdown.IndexOf("<details><summary><b>Source billing (2 changes)</b></summary>\n\n", StringComparison.Ordinal);
            Assert.That(start, Is.GreaterThanOrEqualTo(0), "billing's part folded");
            var billing = _markdown[start..];
            Assert.That(billing, Does.Contain("#### Tables added (1)\n\n| table | columns |\n|---|---|\n| payments | 12 columns"));
            Assert.That(billing, Does.Contain("<details><summary><b>Columns added (13)</b></summary>"));
            Assert.That(billing[..billing.IndexOf("### Source crm", StringComparison.Ordinal)], Does.Not.Contain("contacts"),
                "billing's part holds billing's changes only (crm's part follows it)");
        }
    }
}
