using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial35 finding 13: over a fleet, (a) the shared stub said "suggestions from app01-blog" where the tenants'
/// suggestions differed, and (b) the gate (text, SARIF, GitHub) told the engineer to create one file per tenant while
/// <c>annotate</c> writes one shared stub. Generated fleets in four languages: the tenants' suggestions for one column
/// split between two categories in varying proportions; one tenant whose table differs keeps its own file.</summary>
[TestFixture]
public sealed class FleetStubAdviceTests
{
    private static readonly (string Table, string Same, string Split, string Other)[] Schemas =
    [
        ("comments", "author_email", "content", "author_name"),
        ("commentaires", "courriel_auteur", "contenu", "nom_auteur"),
        ("kommentare", "autor_email", "inhalt", "autor_name"),
        ("comentarios", "correo_autor", "contenido", "nombre_autor"),
    ];

    private static ColumnClassification Suggested(string category) => new()
    {
        DataCategory = category == "-" ? null : category, Confidence = 0.8, Evidence = [],
    };

    private static ColumnEntry Column(string name, string suggestion) =>
        Some.Column(name, null, ColumnStatus.Suggested, classification: Suggested(suggestion));

    /// <summary>A fleet of <paramref name="tenants"/> blogs; the first <paramref name="asMessage"/> suggest
    /// customer_content.message for the split column, the rest none; tenant <paramref name="differs"/> (1-based, 0 for none)
    /// has a column more.</summary>
    private static InventoryDocument Fleet(int language, int tenants, int asMessage, int differs = 0)
    {
        var (table, same, split, other) = Schemas[language];
        return Some.Document(Enumerable.Range(1, tenants).Select(i => Some.Source($"app{i:D2}-blog",
            Some.Table(table, null, [
                Column("id", "none"), Column(same, "contact.email"),
                Column(split, i <= asMessage ? "customer_content.message" : "none"),
                Column(other, i % 2 == 0 ? "contact.name" : "-"),
                .. i == differs ? new[] { Column("extra_note", "none") } : []]))).ToArray());
    }

    private static IEnumerable<TestCaseData> Fleets() =>
        from language in Enumerable.Range(0, Schemas.Length)
        from split in new[] { (5, 3), (12, 1), (40, 20) }
        select new TestCaseData(language, split.Item1, split.Item2).SetArgDisplayNames(Schemas[language].Table, $"{split.Item2}of{split.Item1}");

    [TestCaseSource(nameof(Fleets))]
    public void Plan_TenantsDisagree_SharedStubNamesEachCategoryAndCount(int language, int tenants, int asMessage)
    {
        using var dir = new TempFolder();
        var (table, same, split, other) = Schemas[language];
        var document = Fleet(language, tenants, asMessage);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path, ReportMissingTables = false }).Apply(document, AnnotationSet.Empty);

        var stub = AnnotationStubs.Plan(document, AnnotationSet.Empty, dir.Path).Single();

        var none = tenants - asMessage;
        var (first, firstCount, second, secondCount) = asMessage >= none
            ? ("customer_content.message", asMessage, "none", none) : ("none", none, "customer_content.message", asMessage);
        var noName = (tenants + 1) / 2;
        var (nameFirst, nameFirstCount, nameSecond, nameSecondCount) = noName > tenants / 2
            ? ("no suggestion", noName, "contact.name", tenants / 2) : ("contact.name", tenants / 2, "no suggestion", noName);
        var lines = stub.Content.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Path.GetFileName(stub.Path), Is.EqualTo($"{table}.yml"));
            Assert.That(stub.Content, Does.Contain("suggestions from app01-blog (2 columns where the sources disagree say so)"));
            var splitNote = lines[Array.FindIndex(lines, l => l == $"  {split}:") - 1];
            Assert.That(splitNote, Does.StartWith($"  # sources disagree: {first} in {firstCount} (").And.Contain($"), {second} in {secondCount} ("));
            var otherNote = lines[Array.FindIndex(lines, l => l == $"  {other}:") - 1];
            Assert.That(otherNote, Does.StartWith($"  # sources disagree: {nameFirst} in {nameFirstCount} (").And.Contain($"{nameSecond} in {nameSecondCount}"));
            Assert.That(lines[Array.FindIndex(lines, l => l == $"  {same}:") - 1], Does.Not.Contain("disagree"), "all agree: no note");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Check_UnannotatedFleet_AdviceNamesTheFileAnnotateWrites(int language)
    {
        // Given an unannotated fleet of 6 tenants, tenant 4's table having a column more
        using var dir = new TempFolder();
        var table = Schemas[language].Table;
        var document = Fleet(language, 6, 3, differs: 4);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path, ReportMissingTables = false }).Apply(document, AnnotationSet.Empty);
        var planned = AnnotationStubs.Plan(document, AnnotationSet.Empty, Path.Combine(dir.Path, "annotations"))
            .Select(p => "annotations/" + Path.GetFileName(p.Path)).ToHashSet();

        // When the gate runs
        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, AnnotationsDirectory = "annotations" });

        // Then every untagged finding points at a file annotate writes: the shared one for the five alike, the tenant's own
        // for the column only it has
        var files = result.Findings.Where(f => f.Kind == FindingKind.Untagged).Select(f => (f.Source, f.Column, f.Location.File)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(planned, Is.EquivalentTo(new[] { $"annotations/{table}.yml", $"annotations/app04-blog.{table}.yml" }));
            Assert.That(files.Where(f => f.Column != "extra_note").Select(f => f.File), Has.All.EqualTo($"annotations/{table}.yml"));
            Assert.That(files.Single(f => f.Column == "extra_note").File, Is.EqualTo($"annotations/app04-blog.{table}.yml"));
            Assert.That(files.Select(f => f.File).Distinct(), Is.SubsetOf(planned));
            Assert.That(result.Findings.Where(f => f.Kind == FindingKind.Untagged).Select(CheckWriters.Message),
                Has.None.Contains($"create annotations/app01-blog.{table}.yml"));
        }
    }
}
