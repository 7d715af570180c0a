using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>Trial40 finding 10: <c>diff</c> had no output a CI job could post as a pull-request comment.
/// <c>inventory diff OLD NEW --format markdown</c> writes a Markdown summary. Two real inventories: a SQLite database
/// scanned before and after a migration that adds a table (12 columns, so its section folds), adds two columns (one
/// whose name holds Markdown's <c>*</c> and <c>_</c>, in a table whose name holds a <c>|</c>), drops one and retypes
/// one.</summary>
[TestFixture]
public sealed class DiffMarkdownTests
{
    private TempFolder _dir = null!;
    private string _old = "";
    private string _new = "";

    [OneTimeSetUp]
    public async Task ScanBeforeAndAfterTheMigration()
    {
        _dir = new TempFolder();
        var database = Path.Combine(_dir.Path, "app.db");
        var rows = string.Join(",", Enumerable.Range(1, 30).Select(i => $"('customer{i}@example.org', 'Ann Marlowe {i}', 'note {i}', {i})"));
        InProcessCli.ExecuteSqlite(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, notes TEXT, loyalty INTEGER);"
            + $"INSERT INTO customers (email, full_name, notes, loyalty) VALUES {rows};"
            + "CREATE TABLE \"order|lines\" (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total NUMERIC);");
        _old = Path.Combine(_dir.Path, "old.json");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", "sqlite:" + database, "--out", _old);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);

        // The migration: two columns added (one with Markdown characters in its name), one dropped, one retyped (SQLite
        // rebuilds the table), a new table of 12 columns.
        var phones = string.Join(";", Enumerable.Range(1, 30).Select(i => $"UPDATE customers SET phone_number = '+44 20 7946 {i:0000}', \"*vip*_ip\" = '10.0.0.{i}' WHERE id = {i}"));
        InProcessCli.ExecuteSqlite(database, "ALTER TABLE customers ADD COLUMN phone_number TEXT; ALTER TABLE customers ADD COLUMN \"*vip*_ip\" TEXT;"
            + "ALTER TABLE customers DROP COLUMN notes;" + phones + ";"
            + "ALTER TABLE \"order|lines\" RENAME TO ol_old; CREATE TABLE \"order|lines\" (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total TEXT);"
            + "INSERT INTO \"order|lines\" SELECT * FROM ol_old; DROP TABLE ol_old;"
            + "CREATE TABLE audit_trail (" + string.Join(", ", Enumerable.Range(1, 12).Select(i => i == 1 ? "id INTEGER PRIMARY KEY" : $"field_{i:00} TEXT")) + ");");
        _new = Path.Combine(_dir.Path, "new.json");
        (code, output) = await InProcessCli.RunAsync("scan", "--connection", "sqlite:" + database, "--out", _new);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        SqliteConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    /// <summary>The Markdown the CLI writes to <c>--markdown FILE</c>.</summary>
    private async Task<string> MarkdownAsync()
    {
        var file = Path.Combine(_dir.Path, $"diff-{Guid.NewGuid():N}.md");
        var (code, output) = await InProcessCli.RunAsync("diff", _old, _new, "--format", "markdown", "--markdown", file);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        Assert.That(output, Is.Empty, "with --markdown FILE and no text format, nothing on standard output");
        return File.ReadAllText(file);
    }

    [Test]
    public async Task Diff_FormatMarkdown_CountsThenAddedRemovedAndChangedColumnsWithCategoryAndConfidence()
    {
        var md = await MarkdownAsync();
        var lines = md.Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("## Data inventory changes"));
            Assert.That(lines, Does.Contain("| schema: table-added | 1 |"));
            Assert.That(lines, Does.Contain("| schema: column-added | 2 |"));
            Assert.That(lines, Does.Contain("| schema: column-removed | 1 |"));
            Assert.That(lines, Does.Contain("| schema: type-changed | 1 |"));
            // Rows grouped by source then table: the table named on its first row only.
            Assert.That(md, Does.Contain("### Columns removed (1)\n\nsource **default**\n\n| table | column | category | confidence | status |\n|---|---|---|---|---|\n| customers | notes | "));
            Assert.That(lines.Single(l => l.StartsWith("| customers | phone\\_number |", StringComparison.Ordinal)), Does.Match(@"\| contact\.phone \| 0\.\d\d \| suggested \|$"));
            Assert.That(lines.Single(l => l.Contains("notes", StringComparison.Ordinal)), Does.Match(@"^\| customers \| notes \| [a-z_.\\]+ \| \d\.\d\d \| (suggested|untagged) \|$"));
            Assert.That(lines, Has.Some.Matches(@"^\| order\\\|lines \| total \| type \| NUMERIC \| TEXT \| \d\.\d\d \| \w+ \|$"));
        }
    }

    [Test]
    public async Task Diff_FormatMarkdown_NamesEscapedAndNoSampledValue()
    {
        var md = await MarkdownAsync();
        using (Assert.EnterMultipleScope())
        {
            // `*vip*_ip` would render as italics with a subscript-like underscore; `order|lines` would split a table cell.
            Assert.That(md, Does.Contain("|  | \\*vip\\*\\_ip | "), "the column's row, escaped, under customers");
            Assert.That(md, Does.Not.Contain("*vip*"));
            Assert.That(md, Does.Contain("| order\\|lines | total |"));
            Assert.That(md, Does.Not.Contain("order|lines"));
            foreach (var value in new[] { "example.org", "Marlowe", "7946", "10.0.0.", "note 1" })
                Assert.That(md, Does.Not.Contain(value), "no sampled value");
        }
    }

    [Test]
    public async Task Diff_FormatMarkdown_NewTableColumnsListedAndLongSectionFolded()
    {
        var md = await MarkdownAsync();
        var added = md[md.IndexOf("<details><summary><b>Columns added (14)</b></summary>\n\n", StringComparison.Ordinal)..];
        added = added[..(added.IndexOf("</details>", StringComparison.Ordinal) + "</details>".Length)];
        using (Assert.EnterMultipleScope())
        {
            // 2 added columns + the new table's 12, folded since over 10 rows; the new table itself in a short section.
            Assert.That(added.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| table", StringComparison.Ordinal)), Is.EqualTo(14));
            Assert.That(added, Does.Contain("| audit\\_trail | id | "));
            Assert.That(added, Does.Contain("|  | field\\_12 | "));
            Assert.That(md, Does.Contain("### Tables added (1)\n\nsource **default**\n\n| table | columns |\n|---|---|\n| audit\\_trail | 12 columns"));
            Assert.That(md, Does.Contain("### Columns removed (1)"));
        }
    }

    [Test]
    public async Task Diff_FormatMarkdownOnStandardOutput_TextLeftOut()
    {
        var (code, output) = await InProcessCli.RunAsync("diff", _old, _new, "--format", "md");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.StartWith("## Data inventory changes\n"));
            Assert.That(output, Does.Not.Contain("\nschema: ").And.Not.Contain("+ default/audit_trail"), "the text's lines are not written");
        }
    }

    [Test]
    public async Task Diff_SameInventoryTextAndMarkdown_BothSayNoChanges()
    {
        var (code, output) = await InProcessCli.RunAsync("diff", _new, _new, "--format", "text,markdown");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        Assert.That(output, Is.EqualTo("no changes\n## Data inventory changes\n\nNo changes.\n"));
    }

    [Test]
    public async Task Diff_UnknownFormat_Exit2NamingIt()
    {
        var (code, output) = await InProcessCli.RunAsync("diff", _old, _new, "--format", "text,html");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
        Assert.That(output, Does.Contain("unknown --format 'html'; use text, markdown"));
    }
}
