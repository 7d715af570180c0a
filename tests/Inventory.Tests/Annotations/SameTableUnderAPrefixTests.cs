using Inventory.Annotations;
using Inventory.Model;
using NUnit.Framework;
using Build = Inventory.Tests.Reports.Some;

namespace Inventory.Tests.Annotations;

/// <summary>A MySQL source switched from one database to the whole server names every table <c>db.table</c> (trial35
/// finding 8): the stale entry of an annotated table always names the table of the same name under a database or
/// schema prefix, whatever the edit distance of the whole names (short names such as <c>users</c> got no hint). Also
/// the reverse (server-wide annotations, one-database scan) and a move to another schema. Four languages' names.</summary>
[TestFixture]
public sealed class SameTableUnderAPrefixTests
{
    private static readonly string[] Names =
    [
        "users", "customers", "invoices", "access_logs",
        "utilisateurs", "clients", "factures", "journaux",
        "benutzer", "kunden", "rechnungen", "protokolle",
        "usuarios", "clientes", "facturas", "registros",
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var name in Names)
        {
            yield return new TestCaseData(name, $"trial_panel.{name}").SetName($"Hint_{name}_ToServerWide");
            yield return new TestCaseData($"trial_panel.{name}", name).SetName($"Hint_{name}_FromServerWide");
            yield return new TestCaseData($"old_schema.{name}", $"new_schema.{name}").SetName($"Hint_{name}_OtherSchema");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Stale_TableNowUnderAnotherPrefix_RenameHintNamesIt(string annotated, string scanned)
    {
        using var dir = new TempFolder();
        dir.Write("t.yml", $"table: {annotated}\ncolumns:\n  id: none\n  email: contact.email\n");
        // Every table of the panel is scanned under the prefix: the whole-name distance picks among them at random.
        var tables = Names.Select(n => scanned.Contains('.') ? $"{scanned[..scanned.IndexOf('.')]}.{n}" : n)
            .Select(q => { var t = Build.Table(q, null, Build.Id(), Build.Column("email", null)); t.QualifiedName = q; return t; }).ToArray();
        var document = Build.Document(Build.Source("panel", tables));

        var result = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, new AnnotationLoader().Load(dir.Path));

        var stale = result.Stale.Single(s => s.Kind == StaleKind.TableMissing);
        Assert.That((stale.Suggestion, stale.Message), Is.EqualTo((scanned, $"table '{annotated}' is not in the inventory; renamed to '{scanned}'?")));
    }
}
