using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Cases;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>C28 end to end: annotations that name a JSON path of a document column. Shared case C28's setup on a real
/// PostgreSQL <c>jsonb</c> column, on SQLite JSON text and on MariaDB JSON (the case's MySQL setup), scanned through the CLI's pipeline with the product
/// classifier; then the annotation file → merger → stubs and gate.</summary>
[TestFixture]
[Category("Integration")]
public sealed class JsonPathAnnotationTests
{
    private static readonly string CaseFolder = Path.Combine(SharedPaths.Cases, "C28-json-document-columns");
    private static readonly Dictionary<string, string> Scans = [];
    private string _folder = "";

    private static readonly string[] Engines = ["sqlite", "postgres", "mysql"];

    private const string AllPaths = """
        table: app_event
        columns:
          payload:
            paths:
              $.customer.email: contact.email
              $.customer.name: contact.name
              $.customer.phone: contact.phone
              $.ctx.ip: automatic.ip_address
              $.ctx.ua: automatic.user_agent
              $.ctx.lang: { category: automatic.browser_language, reason: reviewed }
              $.plan: none
        """;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"inventory-paths-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>The C28 inventory of one engine, scanned once per run and handed out as a fresh copy (a JSON round trip,
    /// which the new fields must survive).</summary>
    private static async Task<InventoryDocument> ScanAsync(string engine)
    {
        if (!Scans.TryGetValue(engine, out var json))
        {
            InventoryDocument document;
            if (engine == "mysql")
            {
                // MariaDB's JSON (a LONGTEXT checked by JSON_VALID), from the MySQL setup of the case beside the case runner.
                await using var db = await TestMySql.CreateAsync("c28m");
                await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Cases", "MySql", "C28-json-document-columns.sql")));
                document = await CaseRunnerTests.ScanAsync(CaseFolder, await db.CreateUserAsync(), "mysql");
            }
            else if (engine == "postgres")
            {
                await using var db = await TestPostgres.CreateAsync("c28p");
                db.RunPsqlFile(Path.Combine(CaseFolder, "setup.postgres.sql"));
                document = await CaseRunnerTests.ScanAsync(CaseFolder, db.ConnectionString, "postgres");
            }
            else
            {
                var file = Path.Combine(Path.GetTempPath(), $"inventory-c28-{Guid.NewGuid():N}.sqlite");
                try
                {
                    await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                    {
                        await connection.OpenAsync();
                        await using var cmd = connection.CreateCommand();
                        cmd.CommandText = await File.ReadAllTextAsync(Path.Combine(CaseFolder, "setup.sqlite.sql"));
                        await cmd.ExecuteNonQueryAsync();
                    }
                    document = await CaseRunnerTests.ScanAsync(CaseFolder, "sqlite:" + file, "sqlite");
                }
                finally
                {
                    File.Delete(file);
                }
            }
            Scans[engine] = json = InventoryJson.Serialize(document);
        }
        return InventoryJson.Deserialize(json);
    }

    private AnnotationSet Annotations(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "app_event.yml"), yaml);
        return new AnnotationLoader().Load(_folder);
    }

    private static ColumnEntry Payload(InventoryDocument document) =>
        document.AllColumns().Single(c => c.Table.QualifiedName == "app_event" && c.Column.Name == "payload").Column;

    private CheckResult Check(InventoryDocument document, MergeResult merge) =>
        CheckGate.Evaluate(document, new CheckOptions { PathBase = _folder, AnnotationsDirectory = ".", Stale = merge.Stale });

    [TestCaseSource(nameof(Engines))]
    public async Task Scan_JsonbPayload_RecordsEveryRecurringPathWithItsFinding(string engine)
    {
        var payload = Payload(await ScanAsync(engine));

        var paths = payload.Paths!.ToDictionary(p => p.Path, p => p.DataCategory);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.Keys, Is.EquivalentTo(new[] { "$.customer.email", "$.customer.name", "$.customer.phone", "$.ctx.ip", "$.ctx.ua", "$.ctx.lang", "$.plan" }));
            Assert.That(paths["$.customer.email"], Is.EqualTo("contact.email"));
            Assert.That(paths["$.ctx.ip"], Is.EqualTo("automatic.ip_address"));
            Assert.That(paths["$.plan"], Is.Null);
            Assert.That(payload.Classification!.JsonPaths!.Derivation, Is.EqualTo(JsonColumnDerivation.PathRanking));
            Assert.That(payload.Paths!.All(p => p.Annotation is null), Is.True);
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_EveryPathAnnotated_ColumnTaggedWithHighestRankedPathCategory(string engine)
    {
        var document = await ScanAsync(engine);
        var set = Annotations(AllPaths);
        Assert.That(set.Errors, Is.Empty);

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var payload = Payload(document);
        var result = Check(document, merge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merge.Stale, Is.Empty);
            Assert.That(payload.DataCategory, Is.EqualTo("contact.email"));
            Assert.That(payload.Status, Is.EqualTo(ColumnStatus.Tagged));
            Assert.That(payload.Origin, Is.EqualTo(Origin.Annotation));
            Assert.That(payload.Paths!.Single(p => p.Path == "$.ctx.lang").Annotation!.Reason, Is.EqualTo("reviewed"));
            Assert.That(payload.Paths!.Single(p => p.Path == "$.plan").DataCategory, Is.EqualTo("none"));
            Assert.That(payload.Paths!.Single(p => p.Path == "$.plan").Origin, Is.EqualTo(Origin.Annotation));
            Assert.That(payload.Paths!.Single(p => p.Path == "$.ctx.ip").Annotation!.Line, Is.EqualTo(8));
            Assert.That(result.Columns.Single(c => c.Key == "app_event.payload").Accepted, Is.True);
            Assert.That(result.Findings.Where(f => f.Key == "app_event.payload"), Is.Empty);
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_ContactPathsReviewedAsNone_ColumnDerivesNextRank(string engine)
    {
        // The annotation feeds the column's ranking: with the customer paths reviewed as none, automatic is the highest.
        var document = await ScanAsync(engine);
        var set = Annotations("""
            table: app_event
            columns:
              payload:
                paths:
                  $.customer.email: { category: none, reason: "test fixtures, not customers" }
                  $.customer.name: { category: none, reason: test fixtures }
                  $.customer.phone: { category: none, reason: test fixtures }
                  $.ctx.ip: automatic.ip_address
                  $.ctx.ua: automatic.user_agent
                  $.ctx.lang: automatic.browser_language
                  $.plan: none
            """);

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var payload = Payload(document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.DataCategory, Is.EqualTo("automatic.ip_address"));
            Assert.That(payload.Status, Is.EqualTo(ColumnStatus.Tagged));
            Assert.That(payload.Classification!.DataCategory, Does.StartWith("contact"), "the tool's own decision is kept");
            Assert.That(merge.Conflicts, Is.EqualTo(0));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_PathAnnotatedNoneWithoutReason_ConflictWithPathEvidence(string engine)
    {
        var document = await ScanAsync(engine);
        var set = Annotations(AllPaths.Replace("$.customer.email: contact.email", "$.customer.email: none"));

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var payload = Payload(document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Status, Is.EqualTo(ColumnStatus.Conflict));
            Assert.That(payload.Conflict, Is.EqualTo("path $.customer.email annotated none, but 40/40 values at this path are e-mail (detector.email)"));
            Assert.That(payload.DataCategory, Is.EqualTo("contact.name"), "name and phone tie (10 documents each): ordinal path order");
            Assert.That(merge.Conflicts, Is.EqualTo(1));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_ColumnAndPathBothContradicted_OneConflictNamingBoth(string engine)
    {
        var document = await ScanAsync(engine);
        var set = Annotations("table: app_event\ncolumns:\n  payload:\n    category: none\n    paths:\n      $.ctx.ip: none\n  kind:\n    paths:\n      $.event: none\n");

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var payload = Payload(document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload.Status, Is.EqualTo(ColumnStatus.Conflict));
            Assert.That(payload.DataCategory, Is.EqualTo("none"), "the column's own category wins over its paths");
            Assert.That(payload.Conflict, Does.StartWith("annotated none, but "));
            Assert.That(payload.Conflict, Does.EndWith("; path $.ctx.ip annotated none, but 40/40 values at this path are IP addresses (detector.ip-address)"));
            Assert.That(merge.Stale.Select(s => (s.Kind, s.Column, s.Message)), Is.EqualTo(new[]
            {
                (StaleKind.PathMissing, (string?)"kind", "path '$.event' of column 'kind': the sampled values hold no JSON objects, so the column has no paths; remove the entry or annotate the column"),
            }));
        }
    }

    /// <summary>C28's expected path categories, every one: a key is read like a column of the object holding it (the
    /// customer's <c>name</c>; the request context's <c>lang</c> beside its IP address and user agent), which the scan
    /// missed before (no finding at <c>$.customer.name</c> and <c>$.ctx.lang</c>).</summary>
    [TestCaseSource(nameof(Engines))]
    public async Task Scan_C28Payload_EveryPathHasTheCasesCategory(string engine)
    {
        var payload = Payload(await ScanAsync(engine));

        Assert.That(payload.Classification!.JsonPaths!.Named.ToDictionary(p => p.Path, p => p.DataCategory), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["$.customer.email"] = "contact.email", ["$.customer.name"] = "contact.name", ["$.customer.phone"] = "contact.phone",
            ["$.ctx.ip"] = "automatic.ip_address", ["$.ctx.ua"] = "automatic.user_agent", ["$.ctx.lang"] = "automatic.browser_language",
            ["$.plan"] = null,
        }));
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Check_SomePathsWithoutCategory_ColumnUntaggedNamingThePaths(string engine)
    {
        var document = await ScanAsync(engine);
        var set = Annotations("""
            table: app_event
            columns:
              id: none
              kind: none
              payload:
                paths:
                  $.customer.email: none
                  $.plan: none
            """);

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var payload = Payload(document);
        var finding = Check(document, merge).Findings.Single(f => f.Key == "app_event.payload");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Kind, Is.EqualTo(FindingKind.Untagged));
            Assert.That(finding.Message, Does.StartWith("annotation entry has no category; 5 of 7 JSON paths have no category: "));
            Assert.That(finding.Message.Split(": ")[^1].Split(", "), Is.EquivalentTo(new[] { "$.customer.name", "$.customer.phone", "$.ctx.ip", "$.ctx.ua", "$.ctx.lang" }));
            Assert.That((finding.Location.Line, finding.Location.Column), Is.EqualTo((5, 3)));
            // Partly annotated: the ranking still uses the annotations (e-mail reviewed away: the contact paths the scan
            // found, the customer's name and phone, held by the same signup documents, rank highest; the tie goes to the
            // first path in document order) but does not tag.
            Assert.That(payload.DataCategory, Is.EqualTo("contact.name"));
            Assert.That(payload.Status, Is.EqualTo(ColumnStatus.Suggested));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_PathTheScanNeverSaw_StaleWithLikelyRename(string engine)
    {
        var document = await ScanAsync(engine);
        var set = Annotations(AllPaths.Replace("$.customer.email: contact.email", "$.customer.mail: contact.email")
            .Replace("$.plan: none", "$.plan: none\n      $.billing.iban: financial.bank_account"));

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);
        var result = Check(document, merge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merge.Stale.Select(s => (s.Kind, s.Column, s.Suggestion, s.Location.Line, s.Location.Column)), Is.EqualTo(new[]
            {
                (StaleKind.PathMissing, (string?)"payload", (string?)"$.customer.email", 5, 7),
                (StaleKind.PathMissing, (string?)"payload", (string?)null, 12, 7),
            }));
            Assert.That(merge.Stale[0].Message, Is.EqualTo("path '$.customer.mail' is not among the paths the scan found in column 'payload'; renamed to '$.customer.email'?"));
            Assert.That(merge.Stale[1].Message, Does.StartWith("path '$.billing.iban' is not among the paths the scan found in column 'payload' (a key renamed or dropped"));
            Assert.That(result.Findings.Where(f => f.Kind == FindingKind.Stale).Select(f => (f.Key, f.Location.Line)),
                Is.EquivalentTo(new[] { ("app_event.payload", 5), ("app_event.payload", 12) }));
            // A stale entry tags nothing: the e-mail path the scan saw is not annotated, so the column is not tagged.
            Assert.That(Payload(document).Status, Is.EqualTo(ColumnStatus.Suggested));
            Assert.That(result.Findings.Single(f => f.Key == "app_event.payload" && f.Kind == FindingKind.Untagged).Message,
                Is.EqualTo("annotation entry has no category; 1 of 7 JSON paths have no category: $.customer.email"));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Stubs_JsonColumn_ListEveryRecurringPathWithSuggestion(string engine)
    {
        var document = await ScanAsync(engine);
        new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, AnnotationSet.Empty);

        var stub = AnnotationStubs.Plan(document, AnnotationSet.Empty, _folder, table: "app_event").Single();
        File.WriteAllText(stub.Path, stub.Content);
        var reread = new AnnotationLoader().Load(stub.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stub.Content, Does.Contain("    type: " + Payload(document).DeclaredType + "\n    # JSON paths the scan found"));
            Assert.That(stub.Content, Does.Contain("\n    paths:\n      # "));
            Assert.That(stub.Content, Does.Contain("      # suggested: contact.email — detector.email 40/40\n      $.customer.email:\n        category:\n"));
            Assert.That(stub.Content, Does.Contain("      # no suggestion: no rule or detector matched\n      $.plan:\n        category:\n"));
            Assert.That(reread.Errors, Is.Empty);
            Assert.That(reread.Annotations.Single().Columns.Single(c => c.Name == "payload").Paths.Select(p => (p.Path, p.Category)),
                Is.EquivalentTo(Payload(document).Paths!.Select(p => (p.Path, (string?)null))));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Stubs_AnnotatedColumnMissingSomePaths_PendingFileWithThosePathsAndTheFileUntouched(string engine)
    {
        var document = await ScanAsync(engine);
        var yaml = AllPaths.Replace("      $.ctx.lang: { category: automatic.browser_language, reason: reviewed }\n", "").Replace("      $.plan: none", "");
        var set = Annotations(yaml);
        new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, set);

        var planned = AnnotationStubs.Plan(document, set, _folder, table: "app_event");
        var pending = planned.Single(p => p.Path.EndsWith("app_event.paths.pending.yml", StringComparison.Ordinal));
        File.WriteAllText(pending.Path, pending.Content);
        var reread = new AnnotationLoader().Load(_folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Annotations.Single().Columns.Single().Paths, Has.Count.EqualTo(5));
            Assert.That(pending.Action, Is.EqualTo(StubAction.Pending));
            Assert.That(pending.Columns, Is.EqualTo(new[] { "payload" }));
            Assert.That(pending.Content, Does.Contain("# column payload, annotated on line 3:\n#   payload:\n#     paths:\n"));
            Assert.That(pending.Content, Does.Contain("#       $.ctx.lang:\n#         category:\n").And.Contain("#       $.plan:\n#         category:\n"));
            Assert.That(pending.Content, Does.Not.Contain("$.customer.email"));
            Assert.That(planned.Where(p => p.Path.EndsWith("app_event.yml", StringComparison.Ordinal)).Select(p => p.Action), Has.None.EqualTo(StubAction.Create));
            Assert.That(reread.Errors, Is.Empty, "the pending file holds comments only");
            Assert.That(reread.Annotations.Single().Columns.Single(c => c.Name == "payload").Paths, Has.Count.EqualTo(5));
            Assert.That(AnnotationStubs.Plan(document, reread, _folder, table: "app_event").Where(p => p.Path == pending.Path), Is.Empty,
                "a pending file from an earlier run is not written again");
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Merge_DatabaseLabelAndSomePathsAnnotated_LabelStandsUntilEveryPathIs(string engine)
    {
        var document = await ScanAsync(engine);
        Payload(document).Comment = "inventory: automatic";
        var partial = Annotations("table: app_event\ncolumns:\n  payload:\n    paths:\n      $.plan: none\n");

        new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, partial);
        var afterPartial = (Payload(document).DataCategory, Payload(document).Origin, Payload(document).Status);
        new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, Annotations(AllPaths));
        var afterAll = (Payload(document).DataCategory, Payload(document).Origin, Payload(document).Status);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterPartial, Is.EqualTo(("automatic", (Origin?)Origin.DatabaseLabel, ColumnStatus.Conflict)),
                "the label stands (contradicted by the e-mail detector, as a label is)");
            Assert.That(afterAll, Is.EqualTo(("contact.email", (Origin?)Origin.Annotation, ColumnStatus.Tagged)));
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Report_AnnotatedPaths_EveryFormatShowsThePathCategoriesAndWhoDecided(string engine)
    {
        var document = await ScanAsync(engine);
        new AnnotationMerger(options: new MergeOptions { PathBase = _folder }).Apply(document, Annotations(AllPaths.Replace("\n      $.plan: none", "")));

        var model = Inventory.Reports.ReportModel.Build(document, policy: null);
        var rows = model.JsonPaths!.Where(r => r.Location.EndsWith("/app_event.payload", StringComparison.Ordinal)).ToDictionary(r => r.Path);
        var texts = new Dictionary<string, string>();
        foreach (var format in new[] { "md", "html", "json" })
        {
            using var stream = new MemoryStream();
            await Inventory.Reports.Writers.ReportWriters.Create(format).WriteAsync(model, stream);
            texts[format] = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        using var xlsx = new MemoryStream();
        await new Inventory.Reports.Writers.XlsxReportWriter().WriteAsync(model, xlsx);
        xlsx.Position = 0;
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var sheet = Inventory.Tests.Reports.ReportWriterTests.ReadSheet(workbook.WorkbookPart!, "Chemins JSON");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((rows["$.customer.email"].Category, rows["$.customer.email"].DecidedBy), Is.EqualTo(("contact.email", "annotation app_event.yml:5")));
            Assert.That((rows["$.plan"].Category, rows["$.plan"].DecidedBy), Is.EqualTo(("", "")), "not annotated, nothing found");
            Assert.That(texts["md"], Does.Contain("| `$.customer.email` | `contact.email` | `annotation app_event.yml:5` |"));
            Assert.That(texts["html"], Does.Contain("<code>$.<wbr>ctx.<wbr>ip</code>"));
            Assert.That(texts["json"], Does.Contain("\"path\": \"$.ctx.ua\""));
            Assert.That(sheet.Skip(1).Select(r => r[1]), Does.Contain("$.customer.phone"));
            Assert.That(texts.Values.Concat(sheet.SelectMany(r => r)), Has.None.Contain("@example.org"), "no sampled value");
        }
    }
}
