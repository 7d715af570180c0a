using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Json.Schema;
using NUnit.Framework;

namespace Inventory.Tests.Check;

[TestFixture]
public sealed class CheckWriterTests
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SharedPaths.Repository, "tests", "Inventory.Tests", "Check", "sarif-schema-2.1.0.json"))));

    /// <summary>C06 (untagged, files to create), C05 conflict, a stale entry, an invalid file, one baselined column.</summary>
    private static CheckResult Mixed(bool strict = false)
    {
        using var dir = new TempFolder();
        dir.Write("invoice.yml", File.ReadAllText(Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml")) + "  gone: none\n");
        dir.Write("app_user.yml", File.ReadAllText(Path.Combine(SharedPaths.Cases, "C05-annotation-vs-detector", "annotations.yml")));
        dir.Write("bad, file: 100%.yml", "table: t\ncolumns:\n  a: { category: contactt }\n");
        var document = CaseInventories.C06();
        document.Sources[0].Tables.AddRange(CaseInventories.C05().Sources[0].Tables);
        document.Normalize();
        var set = new AnnotationLoader().Load(dir.Path);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
        return CheckGate.Evaluate(document, new CheckOptions
        {
            Strict = strict, PathBase = dir.Path, Stale = merge.Stale, AnnotationErrors = set.Errors,
            Baseline = new CheckBaseline([("default", "invoice_line", "id")]),
        });
    }

    private static async Task<string> WriteAsync(ICheckWriter writer, CheckResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Validates a SARIF text against the SARIF 2.1.0 schema (loaded once per test run: the schema registry
    /// refuses a second registration of its id).</summary>
    internal static EvaluationResults Validate(string json) =>
        SarifSchema.Value.Evaluate(JsonDocument.Parse(json).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Test]
    public async Task Sarif_ValidatesAgainstTheSarif210Schema()
    {
        var result = Mixed();
        var sarif = await WriteAsync(new SarifCheckWriter(), result);

        var validation = Validate(sarif);

        Assert.That(validation.IsValid, Is.True, Errors(validation));
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToArray();
        var results = run["results"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules, Is.EqualTo(new[] { "untagged", "conflict", "stale", "claim-violated", "missing", "invalid-annotation", "transfer-without-safeguard" }));
            Assert.That(results, Has.Count.EqualTo(result.Findings.Count));
            var created = results.First(r => ((string)r!["message"]!["text"]!).StartsWith("invoice_line.description", StringComparison.Ordinal))!;
            Assert.That((string)created["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Is.EqualTo("annotations/invoice_line.yml"));
            Assert.That((string)created["baselineState"]!, Is.EqualTo("new"));
            var conflict = results.Single(r => (string)r!["ruleId"]! == "conflict")!;
            Assert.That((string)conflict["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Is.EqualTo("app_user.yml"));
            Assert.That((int)conflict["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(7));
            Assert.That((string)conflict["level"]!, Is.EqualTo("warning"));
            var invalid = results.Single(r => (string)r!["ruleId"]! == "invalid-annotation")!;
            Assert.That((string)invalid["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Is.EqualTo("bad%2C%20file%3A%20100%25.yml"));
            Assert.That((string?)invalid["properties"]!["annotationFile"], Is.EqualTo("bad, file: 100%.yml"), "the file, named as a file");
            Assert.That(invalid["properties"]!["table"], Is.Null, "an invalid annotation names no table");
            Assert.That((string)results.Single(r => ((string)r!["message"]!["text"]!).StartsWith("invoice_line.id:", StringComparison.Ordinal))!["level"]!, Is.EqualTo("note"));
        }
    }

    [Test]
    public async Task Sarif_SchemaValidationCatchesABrokenLog()
    {
        var sarif = JsonNode.Parse(await WriteAsync(new SarifCheckWriter(), Mixed()))!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.That(Validate(sarif.ToJsonString()).IsValid, Is.False, "the schema check can fail");
    }

    [Test]
    public async Task JUnit_ParsesAndCountsMatch()
    {
        var result = Mixed(strict: true);
        var xml = XDocument.Parse(await WriteAsync(new JUnitCheckWriter(), result));

        var root = xml.Root!;
        var cases = root.Descendants("testcase").ToArray();
        int annotationFindings = result.Findings.Count(f => f.Kind is FindingKind.Stale or FindingKind.InvalidAnnotation);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(cases, Has.Length.EqualTo(result.Columns.Count + annotationFindings), "one test case per in-scope column, plus annotation problems");
            Assert.That((int)root.Attribute("tests")!, Is.EqualTo(cases.Length));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(cases.Count(c => c.Element("failure") is not null)));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(result.Failures.Count()));
            Assert.That((int)root.Attribute("skipped")!, Is.EqualTo(1));
            foreach (var suite in root.Elements("testsuite"))
                Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(suite.Elements("testcase").Count()));
            var billing = cases.Single(c => (string?)c.Attribute("classname") == "invoice" && (string?)c.Attribute("name") == "billing_email");
            Assert.That((string)billing.Element("failure")!.Attribute("type")!, Is.EqualTo("untagged"));
        }
    }

    /// <summary>Trial 18: a fleet of sources holding one schema. Each source's test cases carry their own class name
    /// (<c>source/table</c>), so no two test cases share a class name and a name.</summary>
    [Test]
    public async Task JUnit_SourcesOfOneSchema_GiveDistinctClassNames()
    {
        var document = CaseInventories.C06();
        var copy = InventoryJson.Deserialize(InventoryJson.Serialize(CaseInventories.C06()));
        copy.Sources[0].Name = "shop-berlin";
        document.Sources[0].Name = "shop-paris";
        document.Sources.Add(copy.Sources[0]);
        document.Normalize();
        var result = CheckGate.Evaluate(document, new CheckOptions());

        var xml = XDocument.Parse(await WriteAsync(new JUnitCheckWriter(), result));

        var cases = xml.Root!.Descendants("testcase").Select(c => ((string)c.Attribute("classname")!, (string)c.Attribute("name")!)).ToArray();
        int columnsPerSource = result.Columns.Count / 2;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Columns.Select(c => c.Source).Distinct(), Is.EquivalentTo(new[] { "shop-paris", "shop-berlin" }));
            Assert.That(cases, Has.Length.EqualTo(result.Columns.Count));
            Assert.That(cases, Is.Unique, "a (classname, name) pair given to two test cases");
            Assert.That(cases.Count(c => c.Item1 == "shop-berlin/invoice"), Is.EqualTo(cases.Count(c => c.Item1 == "shop-paris/invoice")).And.GreaterThan(0));
            Assert.That(cases.Count(c => c.Item1.StartsWith("shop-berlin/", StringComparison.Ordinal)), Is.EqualTo(columnsPerSource));
            foreach (var suite in xml.Root!.Elements("testsuite"))
                Assert.That(suite.Elements("testcase").Select(c => (string)c.Attribute("classname")!), Is.All.EqualTo((string)suite.Attribute("name")!));
        }
    }

    /// <summary>C06 plus claim findings: one claim violated at two columns of one table and (twice) at one column, one
    /// claim from a policy file, one from the built-in policy (no file in the repository).</summary>
    private static CheckResult WithClaims()
    {
        CheckFinding Claim(string id, string table, string column, FindingLocation location) => new()
        {
            Kind = FindingKind.ClaimViolated, ClaimId = id, Source = "default", Table = table, Column = column, Key = $"{table}.{column}",
            Message = $"claim '{id}' violated: test", ClaimText = "claim text", Location = location,
        };
        var file = new FindingLocation("policy.yml", 12, 5, true);
        var builtin = new FindingLocation("policy.yml (built-in)", 40, 5, true) { Physical = false, Anchor = new FindingLocation("annotations/legacy.yml", 1, 0, false) };
        return CheckGate.Evaluate(CaseInventories.C06(), new CheckOptions
        {
            FailOn = new HashSet<FindingKind> { FindingKind.Untagged, FindingKind.ClaimViolated },
            ExtraFindings =
            [
                Claim("no-stored-card-number", "legacy", "pan", file),
                Claim("no-stored-card-number", "legacy", "pan2", file),
                Claim("only-declared-categories", "legacy", "pan", builtin),
                Claim("only-declared-categories", "legacy", "pan", builtin),
            ],
        });
    }

    [Test]
    public async Task JUnit_Claims_OwnSuiteWithUniqueCaseNames()
    {
        var result = WithClaims();
        var xml = XDocument.Parse(await WriteAsync(new JUnitCheckWriter(), result));

        var suite = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "claims");
        var names = suite.Elements("testcase").Select(c => (string)c.Attribute("name")!).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.EqualTo(new[]
            {
                "no-stored-card-number legacy.pan", "only-declared-categories legacy.pan", "only-declared-categories legacy.pan (2)",
                "no-stored-card-number legacy.pan2",
            }));
            Assert.That(xml.Root.Elements("testsuite").All(s => s.Elements("testcase").Select(c => (string)c.Attribute("name")!).Distinct().Count() == s.Elements("testcase").Count()), Is.True);
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(4));
            var fromFile = suite.Elements("testcase").First();
            Assert.That(((string?)fromFile.Attribute("file"), (string?)fromFile.Attribute("line")), Is.EqualTo(("policy.yml", "12")));
            Assert.That(suite.Elements("testcase").Where(c => ((string)c.Attribute("name")!).StartsWith("only-", StringComparison.Ordinal)).Select(c => c.Attribute("file")), Has.All.Null);
            Assert.That(xml.Root.Elements("testsuite").Where(s => (string?)s.Attribute("name") == "annotations"), Is.Empty);
        }
    }

    [Test]
    public async Task Sarif_BuiltinPolicyClaim_AnchoredOnItsAnnotationFileAndValidates()
    {
        var sarif = await WriteAsync(new SarifCheckWriter(), WithClaims());

        var validation = Validate(sarif);

        Assert.That(validation.IsValid, Is.True, Errors(validation));
        var claims = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Where(r => (string)r!["ruleId"]! == "claim-violated").ToArray();
        using (Assert.EnterMultipleScope())
        {
            var fromFile = claims.First(r => (string)r!["properties"]!["claim"]! == "no-stored-card-number")!;
            Assert.That((string)fromFile["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Is.EqualTo("policy.yml"));
            Assert.That((int)fromFile["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(12));
            var builtin = claims.First(r => (string)r!["properties"]!["claim"]! == "only-declared-categories")!;
            Assert.That((string)builtin["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!, Is.EqualTo("annotations/legacy.yml"));
            Assert.That((string)builtin["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!, Is.EqualTo("legacy.pan"));
            Assert.That((string)builtin["message"]!["text"]!, Does.Contain("policy.yml (built-in): not a file of this repository"));
        }
    }

    [Test]
    public void GitHub_BuiltinPolicyClaim_AnchoredOnItsAnnotationFileAsSarif()
    {
        var lines = GitHubCheckWriter.Render(WithClaims()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // A claim of the built-in policy is no file of the repository: shown on the annotation file that settles it, as
        // SARIF anchors it (trial33 item 6: the GitHub annotation had no file= and showed on no file).
        Assert.That(lines.Where(l => l.Contains("only-declared-categories", StringComparison.Ordinal)),
            Has.Exactly(2).StartWith("::error file=annotations/legacy.yml,line=1,title=inventory claim-violated%3A legacy.pan::"));
        Assert.That(lines.Where(l => l.Contains("no-stored-card-number", StringComparison.Ordinal)),
            Has.All.StartWith("::error file=policy.yml,line=12,col=5,"));
    }

    [Test]
    public void Text_InvalidAnnotation_ShowsFileLineColumn()
    {
        var text = CheckTextWriter.Render(Mixed());

        Assert.That(text.Split('\n'), Has.Some.StartWith("bad, file: 100%.yml:3:18  invalid-annotation: unknown category 'contactt'"));
    }

    [Test]
    public void GitHub_EscapesPerWorkflowCommandRules()
    {
        var text = GitHubCheckWriter.Render(Mixed());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Length.EqualTo(Mixed().Findings.Count));
            Assert.That(lines, Has.Some.StartsWith("::error file=bad%2C file%3A 100%25.yml,line=3,col=18,title=inventory invalid-annotation%3A bad%2C file%3A 100%25.yml%3A3%3A18::bad, file: 100%25.yml:3:18: unknown category"));
            Assert.That(lines, Has.Some.StartsWith("::warning file=app_user.yml,line=7,col=3,title=inventory conflict%3A app_user.backup_email::app_user.backup_email: annotated none"));
            Assert.That(lines, Has.Some.StartsWith("::notice file=annotations/invoice_line.yml,line=1,"));
            Assert.That(GitHubCheckWriter.EscapeData("50%\r\nx"), Is.EqualTo("50%25%0D%0Ax"));
            Assert.That(GitHubCheckWriter.EscapeProperty("a:b,c%"), Is.EqualTo("a%3Ab%2Cc%25"));
        }
    }

    [Test]
    public async Task Json_RoundTripsAsBaseline()
    {
        var result = Mixed();
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "check.json");
        await AtomicFile.WriteAsync(path, s => new CheckJsonWriter().WriteAsync(result, s));

        var baseline = CheckBaseline.Read(path);

        Assert.That(baseline.Count, Is.EqualTo(result.Columns.Count));
        Assert.That(baseline.Contains("default", "invoice", "billing_email"), Is.True);
    }

    [Test]
    public void Writers_NeverContainSampledValues()
    {
        // C05's rows hold these values; no output may carry them.
        var result = Mixed();
        var all = CheckTextWriter.Render(result) + GitHubCheckWriter.Render(result);
        foreach (var value in new[] { "j.vass@example.com", "Jorinde", "report-final" })
            Assert.That(all, Does.Not.Contain(value));
    }
}
