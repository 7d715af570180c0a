using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Malformed path entries: each error names file, line and column, and only the bad entry is dropped.</summary>
[TestFixture]
public sealed class JsonPathAnnotationErrorTests
{
    private static (IReadOnlyList<TableAnnotation> Tables, List<AnnotationError> Errors) Parse(string yaml)
    {
        var errors = new List<AnnotationError>();
        var tables = new AnnotationLoader().Parse(yaml, "/a/app_event.yml", errors);
        return (tables, errors);
    }

    [Test]
    public void Parse_ShortAndLongPathEntries_ReadWithPlaces()
    {
        var (tables, errors) = Parse("""
            table: app_event
            columns:
              payload:
                category: contact
                paths:
                  $.customer.email: contact.email
                  $.items[*].sku: { category: none, reason: catalogue codes }
                  $.plan:
            """);

        var paths = tables.Single().Columns.Single().Paths;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(paths.Select(p => (p.Path, p.Category, p.Reason, p.Location.Line, p.Location.Column)), Is.EqualTo(new[]
            {
                ("$.customer.email", (string?)"contact.email", (string?)null, 6, 7),
                ("$.items[*].sku", "none", "catalogue codes", 7, 7),
                ("$.plan", null, null, 8, 7),
            }));
            Assert.That(tables.Single().Columns.Single().Category, Is.EqualTo("contact"));
        }
    }

    [Test]
    public void Parse_MalformedPathEntries_ErrorsWithFileLineColumnAndGoodEntriesKept()
    {
        var (tables, errors) = Parse("""
            table: app_event
            columns:
              payload:
                paths:
                  customer.email: contact.email
                  $.ctx.ip: automatic.ipaddress
                  $.ctx.ua: { category: automatic.user_agent, retention: 30 days }
                  $.items[0].sku: none
                  $.plan: none
              other:
                paths: [ $.a ]
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.Kind, e.File, e.Line, e.Column)), Is.EqualTo(new[]
            {
                (AnnotationErrorKind.InvalidValue, (string?)"/a/app_event.yml", 5, 7),
                (AnnotationErrorKind.UnknownCategory, "/a/app_event.yml", 6, 17),
                (AnnotationErrorKind.UnknownKey, "/a/app_event.yml", 7, 51),
                (AnnotationErrorKind.InvalidValue, "/a/app_event.yml", 8, 7),
                (AnnotationErrorKind.Structure, "/a/app_event.yml", 11, 12),
            }));
            Assert.That(errors[0].Message, Does.StartWith("/a/app_event.yml:5:7: 'customer.email' under column 'payload' is not a JSON path"));
            Assert.That(errors[1].ColumnName, Is.EqualTo("payload"));
            Assert.That(tables.Single().Columns.Single(c => c.Name == "payload").Paths.Select(p => p.Path), Is.EqualTo(new[] { "$.plan" }));
        }
    }

    [Test]
    public void Parse_QuotedPathInFlowMapping_Read()
    {
        var (tables, errors) = Parse("table: t\ncolumns:\n  payload: { paths: { \"$.items[*].sku\": none, $.plan: none } }\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(tables.Single().Columns.Single().Paths.Select(p => p.Path), Is.EqualTo(new[] { "$.items[*].sku", "$.plan" }));
        }
    }

    [Test]
    public void Readme_JsonPathsExample_ParsesWithoutError()
    {
        var readme = File.ReadAllText(Path.Combine(SharedPaths.Repository, "README.md"));
        var from = readme.IndexOf("**JSON paths.**", StringComparison.Ordinal);
        var start = readme.IndexOf("```yaml\n", from, StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var (tables, errors) = Parse(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(tables.Single().Columns.Single().Paths.Select(p => p.Path), Does.Contain("$.customer.email").And.Contain("$.plan"));
        }
    }

    [TestCase("$.customer.email", ExpectedResult = true)]
    [TestCase("$.items[*].sku", ExpectedResult = true)]
    [TestCase("$[*]", ExpectedResult = true)]
    [TestCase("$", ExpectedResult = false)]
    [TestCase("$.a@b.c", ExpectedResult = false)]
    [TestCase("$.x[0]", ExpectedResult = false)]
    [TestCase("$.user12345", ExpectedResult = false)]
    [TestCase("$..email", ExpectedResult = false)]
    public bool IsSchemaShape_Path(string path) => JsonPathText.IsSchemaShape(path);
}
