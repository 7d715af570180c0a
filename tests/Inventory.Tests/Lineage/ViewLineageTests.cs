using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Diff;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Annotations;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Lineage;

/// <summary>Trial32 finding 9: a view column over a labelled base column inherits its label (the gate does not flag it),
/// an annotation of the view column wins and a different one is a conflict, and the record of processing lists the data
/// once, under the base column, naming the views it is also readable through, in every format; diff names lineage
/// changes. Generated over the four languages' table and column names.</summary>
[TestFixture]
public sealed class ViewLineageTests
{
    /// <summary>(table, e-mail column, view, view column, second view over the view, its column) per language.</summary>
    private static readonly (string Table, string Email, string View, string ViewColumn, string Over, string OverColumn)[] Names =
    [
        ("customers", "email", "v_customer_contacts", "mail", "v_mailing", "contact_mail"),
        ("clients", "courriel", "v_contacts_clients", "adresse_courriel", "v_publipostage", "courriel_contact"),
        ("kunden", "e_mail", "v_kundenkontakte", "email_adresse", "v_versand", "kontakt_mail"),
        ("clientes", "correo", "v_contactos_clientes", "correo_electronico", "v_envios", "correo_contacto"),
    ];

    private static IEnumerable<TestCaseData> Languages() => Enumerable.Range(0, Names.Length)
        .Select(i => new TestCaseData(i).SetArgDisplayNames(Names[i].Table));

    private static ColumnEntry Column(string name, int ordinal, string? suggested, double confidence, ColumnReference? readsFrom = null)
    {
        var column = new ColumnEntry
        {
            Name = name, Ordinal = ordinal, DeclaredType = "text", TypeFamily = TypeFamily.Text, ReadsFrom = readsFrom,
            Stats = new SampleStats { SampledRows = 20, NonNull = 20, DistinctRatio = 1 },
            Classification = suggested is null ? null : new ColumnClassification
            {
                DataCategory = suggested, Confidence = confidence, Origin = Origin.Rules,
                Evidence = [new EvidenceItem("name-rule", "name.test", suggested, Score: confidence)],
            },
        };
        column.ApplyClassification();
        return column;
    }

    private static TableEntry Table(string schema, string name, TableKind kind, params ColumnEntry[] columns) => new()
    {
        Schema = schema, Name = name, QualifiedName = schema == "public" ? name : $"{schema}.{name}", Kind = kind, Columns = [.. columns],
    };

    /// <summary>A base table, a view over it (one plain column, one expression), a view over that view in another
    /// schema, and a materialized view; the views' own classifications disagree with each other and are below any threshold.</summary>
    private static InventoryDocument Document(int language)
    {
        var n = Names[language];
        var email = new ColumnReference("public", n.Table, n.Email);
        return new InventoryDocument
        {
            Sources =
            [
                new SourceEntry
                {
                    Name = "app", Provider = "postgres", DefaultSchema = "public",
                    Tables =
                    [
                        Table("public", n.Table, TableKind.Table, Column("id", 1, "none", 0.9), Column(n.Email, 2, "contact.email", 0.95)),
                        Table("public", n.View, TableKind.View, Column(n.ViewColumn, 1, "contact.email", 0.55, email), Column("libelle", 2, "contact.name", 0.5)),
                        Table("rapports", n.Over, TableKind.View, Column(n.OverColumn, 1, null, 0, new ColumnReference("public", n.View, n.ViewColumn))),
                        Table("public", "mv_" + n.Table, TableKind.MaterializedView, Column(n.Email, 1, "contact.email", 0.6, email)),
                    ],
                },
            ],
        };
    }

    private static MergeResult Merge(InventoryDocument document, TempFolder folder, string? viewAnnotation = null)
    {
        var n = Names[Array.FindIndex(Names, x => document.Sources[0].Tables[0].Name == x.Table)];
        folder.Write($"annotations/{n.Table}.yml", $"""
            table: {n.Table}
            activity: account-management
            columns:
              id: {"{"} category: none {"}"}
              {n.Email}: {"{"} category: contact.email {"}"}
            """);
        if (viewAnnotation is not null)
            folder.Write($"annotations/{n.View}.yml", $"""
                table: {n.View}
                columns:
                  {n.ViewColumn}: {"{"} category: {viewAnnotation} {"}"}
                """);
        return new AnnotationMerger(options: new MergeOptions { PathBase = folder.Path })
            .Apply(document, new AnnotationLoader().Load(Path.Combine(folder.Path, "annotations")));
    }

    private static ColumnEntry Find(InventoryDocument document, string table, string column) =>
        document.AllColumns().Single(x => x.Table.Name == table && x.Column.Name == column).Column;

    [TestCaseSource(nameof(Languages))]
    public void Annotate_ViewColumnsThatInherit_GetNoStubEntryTheExpressionDoes(int language)
    {
        // The base column's entry is the one to write: a view column that shows it inherits its label, so annotate writes
        // no entry for it (lineage34's note: both got one); the view's expression column still gets its entry.
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();
        Merge(document, folder);
        var set = new AnnotationLoader().Load(Path.Combine(folder.Path, "annotations"));

        var plan = AnnotationStubs.Plan(document, set, Path.Combine(folder.Path, "annotations"), null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Select(p => Path.GetFileName(p.Path)), Is.EquivalentTo(new[] { n.View + ".yml" }),
                "the view over the view and the materialized view inherit every column: no stub");
            Assert.That(plan.Single().Content, Does.Contain("  libelle:\n").And.Not.Contain($"  {n.ViewColumn}:"));
        }
    }

    [TestCaseSource(nameof(Languages))]
    public void Merge_ViewOfAnnotatedColumn_InheritsTagThroughChainOfViews(int language)
    {
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();

        Merge(document, folder);

        var view = Find(document, n.View, n.ViewColumn);
        var over = Find(document, n.Over, n.OverColumn);
        var materialized = Find(document, "mv_" + n.Table, n.Email);
        var expression = Find(document, n.View, "libelle");
        using (Assert.EnterMultipleScope())
        {
            foreach (var inherited in new[] { view, over, materialized })
            {
                Assert.That((inherited.DataCategory, inherited.Status, inherited.Origin, inherited.Confidence),
                    Is.EqualTo(("contact.email", ColumnStatus.Tagged, (Origin?)Origin.Lineage, 1.0)));
                Assert.That(inherited.CountsAsTagged(), Is.True);
            }
            Assert.That(ViewLineage.Evidence(document.Sources[0], view), Is.EqualTo($"view of {n.Table}.{n.Email}"));
            Assert.That(ViewLineage.Evidence(document.Sources[0], over), Is.EqualTo($"view of {n.View}.{n.ViewColumn}"));
            Assert.That((expression.Status, expression.Origin), Is.EqualTo((ColumnStatus.Suggested, (Origin?)Origin.Rules)), "an expression inherits nothing");
        }
    }

    [TestCaseSource(nameof(Languages))]
    public void Check_ViewsOfAnnotatedColumn_NotFlaggedUntagged(int language)
    {
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();
        Merge(document, folder);

        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = folder.Path });

        // Only the expression column of the view is left to tag.
        Assert.That(result.Findings.Where(f => f.Kind == FindingKind.Untagged).Select(f => $"{f.Table}.{f.Column}"),
            Is.EqualTo(new[] { $"{n.View}.libelle" }));
    }

    [TestCaseSource(nameof(Languages))]
    public void Merge_BaseOnlySuggested_ViewGetsTheSameSuggestionAndGateJudgesBothAlike(int language)
    {
        var n = Names[language];
        var document = Document(language);

        new AnnotationMerger().Apply(document, AnnotationSet.Empty);

        var basis = Find(document, n.Table, n.Email);
        var view = Find(document, n.View, n.ViewColumn);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((view.DataCategory, view.Status, view.Origin, view.Confidence),
                Is.EqualTo(("contact.email", ColumnStatus.Suggested, (Origin?)Origin.Lineage, 0.95)));
            foreach (var threshold in new double?[] { null, 0.9, 0.99 })
                Assert.That(view.CountsAsTagged(threshold), Is.EqualTo(basis.CountsAsTagged(threshold)), $"threshold {threshold}");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Check_ViewOfSuggestedColumnBelowThreshold_SaysToTagTheBaseColumn(int language)
    {
        var n = Names[language];
        var document = Document(language);
        new AnnotationMerger().Apply(document, AnnotationSet.Empty);

        var result = CheckGate.Evaluate(document, new CheckOptions { AcceptClassificationAbove = 0.99 });

        // The base column is named as every finding names a column: without the default schema (or, for a one-database
        // MySQL scan, the database), as the conflict message below does (trial35 finding 13).
        var view = result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Table == n.View && f.Column == n.ViewColumn);
        Assert.That(view.Message, Does.EndWith($"; a view of {n.Table}.{n.Email}, whose category is only suggested: tag that column and this one inherits it"));
    }

    [TestCaseSource(nameof(Languages))]
    public void Merge_ViewAnnotatedLikeItsBase_KeepsItsAnnotation(int language)
    {
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();

        Merge(document, folder, viewAnnotation: "contact.email");

        var view = Find(document, n.View, n.ViewColumn);
        Assert.That((view.Status, view.Origin, view.Conflict), Is.EqualTo((ColumnStatus.Tagged, (Origin?)Origin.Annotation, (string?)null)));
    }

    [TestCaseSource(nameof(Languages))]
    public void Merge_ViewAnnotatedOtherwiseThanItsBase_ConflictSaysSo(int language)
    {
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();

        var result = Merge(document, folder, viewAnnotation: "contact.name");

        var view = Find(document, n.View, n.ViewColumn);
        var over = Find(document, n.Over, n.OverColumn);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((view.DataCategory, view.Status, view.Origin), Is.EqualTo(("contact.name", ColumnStatus.Conflict, (Origin?)Origin.Annotation)));
            Assert.That(view.Conflict, Is.EqualTo($"annotated contact.name, but it is a view of {n.Table}.{n.Email}, tagged contact.email"));
            Assert.That(result.Conflicts, Is.EqualTo(1));
            Assert.That(over.DataCategory, Is.EqualTo("contact.name"), "the view over the view takes the nearest decision");
        }
    }

    [Test]
    public void Merge_BaseColumnOutsideTheInventory_ViewKeepsItsOwnClassification()
    {
        var document = Document(1);
        document.Sources[0].Tables.RemoveAt(0); // the scan excluded the base table

        new AnnotationMerger().Apply(document, AnnotationSet.Empty);

        var view = Find(document, Names[1].View, Names[1].ViewColumn);
        Assert.That((view.Status, view.Origin, view.Confidence), Is.EqualTo((ColumnStatus.Suggested, (Origin?)Origin.Rules, 0.55)));
    }

    [Test]
    public void Merge_CycleOfViews_Terminates()
    {
        var a = Table("public", "va", TableKind.View, Column("x", 1, null, 0, new ColumnReference("public", "vb", "y")));
        var b = Table("public", "vb", TableKind.View, Column("y", 1, null, 0, new ColumnReference("public", "va", "x")));
        var document = new InventoryDocument { Sources = [new SourceEntry { Name = "app", Provider = "postgres", DefaultSchema = "public", Tables = [a, b] }] };

        new AnnotationMerger().Apply(document, AnnotationSet.Empty);

        Assert.That(document.AllColumns().Select(x => x.Column.Status), Has.All.EqualTo(ColumnStatus.Untagged));
    }

    [TestCaseSource(nameof(Languages))]
    public async Task Report_ViewsOfABaseColumn_ListedOnceWithWhereElseReadable(int language)
    {
        // Given
        var n = Names[language];
        var document = Document(language);
        using var folder = new TempFolder();
        Merge(document, folder);
        var model = ReportModel.Build(document, PolicyDocument.Seed);
        // In document order: schema, then name.
        var expected = $"app/{n.Table}.{n.Email} also readable through materialized view mv_{n.Table}.{n.Email}, view {n.View}.{n.ViewColumn}, view rapports.{n.Over}.{n.OverColumn}";
        // The register (French by default) writes the note in French (session 48).
        var french = $"app/{n.Table}.{n.Email} également lisible par la vue matérialisée mv_{n.Table}.{n.Email}, la vue {n.View}.{n.ViewColumn}, la vue rapports.{n.Over}.{n.OverColumn} (même donnée)";

        // When
        var markdown = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(new MarkdownReportWriter(), model));
        var html = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(new HtmlReportWriter(), model));
        using var json = JsonDocument.Parse(await ReportWriterTests.RenderAsync(new JsonReportWriter(), model));
        using var xlsx = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var register = ReportWriterTests.ReadSheet(workbook.WorkbookPart!, "Registre").Single(r => r[1] == "account-management")[^1];

        // Then
        var email = model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "contact.email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(email.Columns, Is.EqualTo(new[] { $"app/{n.Table}.{n.Email}" }), "the data once");
            Assert.That(email.ReadableThrough, Is.EqualTo(new[] { expected }));
            Assert.That(model.Unassigned.Select(u => u.Location), Is.EqualTo(new[] { $"app/{n.View}.libelle" }), "the expression column is its own data");
            Assert.That(model.Columns, Has.Count.EqualTo(6), "the column list keeps every column");
            Assert.That(markdown, Does.Contain($"<br>{TemplateRenderer.Markdown(expected)} |"));
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(expected)));
            Assert.That(register, Does.Contain(french));
            var record = json.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "account-management")
                .GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "contact.email");
            Assert.That(record.GetProperty("readableThrough").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { expected }));
            Assert.That(record.GetProperty("columns").GetArrayLength(), Is.EqualTo(1));
        }
    }

    [Test]
    public void Report_ViewAnnotatedWithAnotherActivity_StaysListedThere()
    {
        var n = Names[0];
        var document = Document(0);
        using var folder = new TempFolder();
        folder.Write($"annotations/{n.View}.yml", $"table: {n.View}\nactivity: prospect-contact\n");
        Merge(document, folder);

        var model = ReportModel.Build(document, PolicyDocument.Seed);

        var account = model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "contact.email");
        var prospects = model.Activities.Single(a => a.Id == "prospect-contact").Categories.Single(c => c.Category == "contact.email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(account.ReadableThrough.Single(), Does.Not.Contain($"view {n.View}.{n.ViewColumn}"));
            Assert.That(prospects.Columns, Is.EqualTo(new[] { $"app/{n.View}.{n.ViewColumn}" }), "another activity's use is listed under it");
        }
    }

    [Test]
    public void Report_NoActivityAnywhere_UnattributedBaseNamesItsViews()
    {
        var n = Names[2];
        var document = Document(2);
        new AnnotationMerger().Apply(document, AnnotationSet.Empty);

        var model = ReportModel.Build(document, PolicyDocument.Seed, options: new ReportOptions { AcceptClassificationAbove = 0.9 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Unassigned.Select(u => u.Location), Is.EqualTo(new[] { $"app/{n.Table}.{n.Email}", $"app/{n.View}.libelle" }));
            Assert.That(model.UnassignedReadableThrough, Is.EqualTo(new[] { $"app/{n.Table}.{n.Email} also readable through materialized view mv_{n.Table}.{n.Email}, view {n.View}.{n.ViewColumn}, view rapports.{n.Over}.{n.OverColumn}" }));
        }
    }

    [Test]
    public void Diff_ViewRedefined_LineageChangedOldAndNew()
    {
        var n = Names[1];
        var before = Document(1);
        var after = Document(1);
        after.Sources[0].Tables[1].Columns[0].ReadsFrom = new ColumnReference("public", n.Table, "id");
        after.Sources[0].Tables[3].Columns[0].ReadsFrom = null;

        var diff = InventoryDiff.Compare(before, after);

        Assert.That(diff.Changes.Where(c => c.Kind == ChangeKind.LineageChanged).Select(c => $"{c.Table}.{c.Column}: {c.Old} → {c.New ?? "(none)"}"), Is.EqualTo(new[]
        {
            $"mv_{n.Table}.{n.Email}: {n.Table}.{n.Email} → (none)",
            $"{n.View}.{n.ViewColumn}: {n.Table}.{n.Email} → {n.Table}.id",
        }));
    }

    [Test]
    public void Diff_PreviousInventoryWithoutLineage_NoLineageChanges()
    {
        var before = Document(0);
        foreach (var (_, _, column) in before.AllColumns()) column.ReadsFrom = null;

        var diff = InventoryDiff.Compare(before, Document(0));

        Assert.That(diff.Changes.Where(c => c.Kind == ChangeKind.LineageChanged), Is.Empty);
    }

    [Test]
    public void InventoryJson_ReadsFrom_RoundTrips()
    {
        var document = Document(3);
        var json = InventoryJson.Serialize(document);

        var read = InventoryJson.Deserialize(json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Contain("\"readsFrom\": {\n"));
            Assert.That(read.AllColumns().Select(x => x.Column.ReadsFrom), Is.EqualTo(document.AllColumns().Select(x => x.Column.ReadsFrom)));
        }
    }
}
