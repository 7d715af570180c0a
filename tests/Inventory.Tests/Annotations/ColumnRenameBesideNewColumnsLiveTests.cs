using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial47 L3 on a real PostgreSQL server, through the command line: a migration renames <c>tel_port</c> to
/// <c>tel_mobile</c> and adds two columns in the same table. <c>check</c> already hints the rename; <c>annotate</c> now
/// carries the reviewed entry over when the hinted column has the type the entry records, and says so on the entry's
/// line; with another type it carries nothing.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ColumnRenameBesideNewColumnsLiveTests
{
    private const string Setup = "CREATE TABLE comptes (id int primary key, tel_port varchar(20), libelle text);\n"
        + "INSERT INTO comptes SELECT g, NULL, 'Lib ' || g FROM generate_series(1, 8) g;";

    [TestCase("ALTER TABLE comptes RENAME COLUMN tel_port TO tel_mobile", true, TestName = "Annotate_RenamedColumnOfSameTypeBesideNewColumns_CarriesTheEntry")]
    [TestCase("ALTER TABLE comptes RENAME COLUMN tel_port TO tel_mobile; ALTER TABLE comptes ALTER COLUMN tel_mobile TYPE varchar(40)", false,
        TestName = "Annotate_RenamedColumnOfAnotherTypeBesideNewColumns_CarriesNothing")]
    public async Task Annotate_RenamedColumnBesideNewColumns(string migration, bool carried)
    {
        await using var db = await TestPostgres.CreateAsync("colren", Setup);
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);
        var file = Directory.GetFiles(annotations, "*.yml").Single();
        var text = File.ReadAllText(file);
        Assert.That(text, Does.Contain("\n  tel_port:\n    category:\n    type: \"character varying(20)\"\n"));
        File.WriteAllText(file, text.Replace("  tel_port:\n    category:\n", "  tel_port:\n    category: contact.phone\n", StringComparison.Ordinal)
            .Replace("category:\n", "category: none\n", StringComparison.Ordinal));

        await db.ExecuteAsync(migration + "; ALTER TABLE comptes ADD COLUMN num_secu text; ALTER TABLE comptes ADD COLUMN consent_sms boolean;");
        (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        Assert.That(output, Does.Contain("stale: column 'tel_port' is not in table 'comptes'; renamed to 'tel_mobile'?"), "check's hint");

        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);
        text = File.ReadAllText(file);
        using (Assert.EnterMultipleScope())
        {
            if (carried)
            {
                Assert.That(output, Does.Contain("carried over entry 'tel_port' in ").And.Contain(": column tel_port of comptes was renamed to tel_mobile (check's rename hint, the same type character varying(20), while 2 other new columns have no entry); review it"));
                Assert.That(text, Does.Contain("\n  tel_mobile:  # carried over from 'tel_port' by `inventory annotate` (check's rename hint, the same type character varying(20), while 2 other new columns have no entry); review it\n    category: contact.phone\n"));
                Assert.That(text, Does.Not.Contain("tel_port:"));
                Assert.That(text, Does.Contain("\n  num_secu:\n    category:\n").And.Contain("\n  consent_sms:\n    category:\n"), "the new columns appended as stubs");
            }
            else
            {
                Assert.That(output, Does.Not.Contain("carried over"));
                Assert.That(text, Does.Contain("\n  tel_port:\n    category: contact.phone\n"), "the entry stays for the reader of check");
                Assert.That(text, Does.Contain("\n  tel_mobile:\n    category:\n"));
            }
        }

        // Once the new columns are filled in, the carried entry tags tel_mobile and nothing is stale.
        File.WriteAllText(file, File.ReadAllText(file).Replace("  num_secu:\n    category:\n", "  num_secu:\n    category: other_personal.national_id\n", StringComparison.Ordinal)
            .Replace("category:\n", "category: none\n", StringComparison.Ordinal));
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        Assert.That(code, Is.EqualTo(carried ? 0 : 1), output);
    }
}
