using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>Trial 33 finding 1: MySQL, MariaDB and SQL Server list only the tables and columns the scanning user holds a
/// privilege on, so an annotated table or column missing from such a source may be hidden, not gone: the stale message
/// says both and asks to check the grants before removing the entry (a per-table grant made check advise removing a
/// bank account's entry). PostgreSQL and SQLite show every table and column: their message is unchanged.</summary>
[TestFixture]
public sealed class HiddenFromScannerStaleTests
{
    private static MergeResult Merge(string provider, string yaml)
    {
        using var dir = new TempFolder();
        var file = dir.Write("t.yml", yaml);
        var document = Document(Table("bank_details", 3, Column("id", 1, "int", TypeFamily.Integer), Column("bic", 2, "varchar(11)", TypeFamily.Text)));
        document.Sources[0].Provider = provider;
        var set = new AnnotationLoader().Load(file);
        Assert.That(set.Errors, Is.Empty);
        return new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
    }

    [TestCase("mysql")]
    [TestCase("sqlserver")]
    public void Apply_ColumnMissingWhereTheEngineHidesUngrantedColumns_SaysHiddenAndAsksToCheckGrants(string provider)
    {
        var stale = Merge(provider, "table: bank_details\ncolumns:\n  id: none\n  bic: none\n  iban_encrypted: financial.bank_account\n").Stale.Single();

        Assert.That(stale.Message, Does.Contain("hidden from the scanning user").And.Contain("check the scanner's column grants before you remove")
            .And.Not.Contain("(dropped or renamed?); remove"));
    }

    [TestCase("mysql")]
    [TestCase("sqlserver")]
    public void Apply_TableMissingWhereTheEngineHidesUngrantedTables_SaysHiddenAndAsksToCheckGrants(string provider)
    {
        var stale = Merge(provider, "table: city_stats\ncolumns:\n  city: none\n").Stale.Single();

        Assert.That(stale.Message, Does.Contain("hidden from the scanning user").And.Contain("check the scanner's grants before you remove or rename the annotation"));
    }

    [TestCase("postgres")]
    [TestCase("sqlite")]
    public void Apply_MissingWhereTheEngineShowsEverything_DroppedOrRenamedAsBefore(string provider)
    {
        var result = Merge(provider, "table: bank_details\ncolumns:\n  iban_encrypted: financial.bank_account\n---\ntable: city_stats\ncolumns:\n  city: none\n");

        Assert.That(result.Stale.Select(s => s.Message), Has.All.Contain("(dropped or renamed?); remove or rename the").And.None.Contain("hidden"));
    }
}
