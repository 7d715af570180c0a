using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Reports.Export;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Inventory.Tests.Export;

/// <summary>The SQL Server export: T-SQL that ScriptDom parses without error, one classification per exported personal
/// column, guarded drops for re-runs, and values the label reader maps back to the exported categories.</summary>
[TestFixture]
public sealed class SqlServerExportTests
{
    private sealed record Classification(string Target, Dictionary<string, string> Options);

    /// <summary>Parses a script with the SQL Server 2022 grammar; returns the ADD and DROP statements, asserting no error.</summary>
    private static (List<Classification> Adds, List<string> Drops) Parse(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, "ScriptDom parse errors");
        var visitor = new ClassificationVisitor();
        fragment.Accept(visitor);
        return (visitor.Adds, visitor.Drops);
    }

    private sealed class ClassificationVisitor : TSqlFragmentVisitor
    {
        public List<Classification> Adds { get; } = [];
        public List<string> Drops { get; } = [];

        private static string Name(ColumnReferenceExpression column) =>
            string.Join(".", column.MultiPartIdentifier.Identifiers.Select(i => i.Value));

        public override void ExplicitVisit(AddSensitivityClassificationStatement node)
        {
            var options = node.Options.ToDictionary(o => o.Type.ToString(), o => o.Value.Value);
            foreach (var column in node.Columns) Adds.Add(new Classification(Name(column), options));
        }

        public override void ExplicitVisit(DropSensitivityClassificationStatement node)
        {
            foreach (var column in node.Columns) Drops.Add(Name(column));
        }
    }

    [Test]
    public void Script_EveryCategory_ParsesWithZeroErrorsAndHoldsOneClassificationPerPersonalColumn()
    {
        // Given one annotated column per category of the default taxonomy
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("sqlserver", "dbo"));

        // When the SQL Server script is written and parsed
        var (adds, drops) = Parse(LabelExport.Write(plan, ExportFormat.SqlServerLabels));

        // Then every personal column has exactly one ADD, preceded by its guarded DROP, and `none` has none
        var personal = plan.Columns.Where(c => c.IsPersonal).Select(c => $"dbo.people.{c.Column.Name}").ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(adds.Select(a => a.Target), Is.EqualTo(personal));
            Assert.That(drops, Is.EqualTo(personal));
            Assert.That(adds.Select(a => a.Target), Does.Not.Contain("dbo.people.none"));
            Assert.That(personal, Has.Length.EqualTo(ExportDocuments.AllCategories.Count - 1));
        }
    }

    [Test]
    public void Script_ReadBackThroughTheLabelReader_GivesTheExportedCategories()
    {
        // Given one annotated column per category
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("sqlserver", "dbo"));
        var expected = plan.Columns.Where(c => c.IsPersonal).ToDictionary(c => $"dbo.people.{c.Column.Name}", c => c.Category);

        // When the values the parsed statements hold are read as the SQL Server connector reads sys.sensitivity_classifications
        var (adds, _) = Parse(LabelExport.Write(plan, ExportFormat.SqlServerLabels));
        var readBack = adds.ToDictionary(a => a.Target, a => DatabaseLabels.Map(
            new DatabaseLabel("sys.sensitivity_classifications", a.Options["Label"], a.Options["InformationType"], a.Options["Rank"]),
            KnownCategories.BuiltIn));

        // Then the label reader gives back each exported category
        Assert.That(readBack, Is.EquivalentTo(expected));
    }

    [TestCase("contact.name", "Name", "57845286-7598-22F5-9659-15B24AEB125E", "Confidential - GDPR", "MEDIUM")]
    [TestCase("financial.payment_card", "Credit Card", "D22FA6E9-5EE4-3BDE-4C2B-A409604C4646", "Confidential - GDPR", "HIGH")]
    [TestCase("automatic.ip_address", "Networking", "B40AD280-0F6A-6CA8-11BA-2F1A08651FCF", "Confidential - GDPR", "LOW")]
    [TestCase("other_personal.credentials", "Credentials", "C64ABA7B-3A3E-95B6-535D-3BC535DA5A59", "Confidential - GDPR", "HIGH")]
    [TestCase("contact", "Contact Info", "5C503E21-22C6-81FA-620B-F369B8EC38D1", "Confidential - GDPR", "MEDIUM")]
    public void For_CategoryWithAnExactBuiltInType_UsesTheBuiltInTypeAndIds(string category, string type, string typeId, string label, string rank)
    {
        var c = SqlServerClassifications.For(category);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(c.BuiltIn, Is.True);
            Assert.That(c.InformationType, Is.EqualTo(type));
            Assert.That(c.InformationTypeId, Is.EqualTo(typeId));
            Assert.That(c.Label, Is.EqualTo(label));
            Assert.That(c.LabelId, Is.EqualTo("989ADC05-3F3F-0588-A635-F475B994915B"));
            Assert.That(c.Rank, Is.EqualTo(rank));
        }
    }

    [Test]
    public void For_CategoryWithoutAnExactBuiltInType_IsACustomTypeWithAStableVersion5Id()
    {
        var email = SqlServerClassifications.For("contact.email");
        var content = SqlServerClassifications.For("customer_content.message");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(email.BuiltIn, Is.False);
            Assert.That(email.InformationType, Is.EqualTo("contact.email"));
            Assert.That(email.InformationTypeId, Is.EqualTo(SqlServerClassifications.CustomTypeId("contact.email")));
            Assert.That(Guid.Parse(email.InformationTypeId).Version, Is.EqualTo(5));
            Assert.That(email.InformationTypeId, Is.Not.EqualTo(SqlServerClassifications.CustomTypeId("contact.phone")));
            Assert.That(SqlServerClassifications.BuiltInInformationTypes.Values, Does.Not.Contain(email.InformationTypeId));
            Assert.That(content.Label, Is.EqualTo("Highly Confidential"));
            Assert.That(content.LabelId, Is.EqualTo("B82CE05B-60A9-4CF3-8A8A-D6A0BB76E903"));
            Assert.That(content.Rank, Is.EqualTo("HIGH"));
        }
    }

    [Test]
    public void For_None_Throws() =>
        Assert.That(() => SqlServerClassifications.For("none"), Throws.TypeOf<ArgumentException>());

    [Test]
    public void Script_OddIdentifiers_AreQuotedAndStillParse()
    {
        // Given names with a closing bracket, a quote, a space and a line break
        var plan = ExportDocuments.OddSqlServerIdentifiers();

        // When written and parsed
        var script = LabelExport.Write(plan, ExportFormat.SqlServerLabels);
        var (adds, _) = Parse(script);

        // Then the parsed targets are the exact names, and no comment line was broken by the line break
        using (Assert.EnterMultipleScope())
        {
            Assert.That(adds.Select(a => a.Target), Is.EqualTo(new[] { "sales data.Cust]omers.E]mail", "sales data.Cust]omers.O'Brien name", "sales data.Cust]omers.line\nbreak" }));
            Assert.That(script, Does.Contain("[sales data].[Cust]]omers].[E]]mail]"));
            Assert.That(script, Does.Contain("-- sales data.Cust]omers.line\\u000Abreak: contact.phone"));
        }
    }

    [Test]
    public void Script_ViewColumns_GetNoClassification()
    {
        var table = ExportDocuments.Table("dbo", "users", [ExportDocuments.Tagged("email", "contact.email")], defaultSchema: "dbo");
        var view = ExportDocuments.Table("dbo", "active_users", [ExportDocuments.Tagged("email", "contact.email")], TableKind.View, "dbo");
        var plan = ExportDocuments.Plan(ExportDocuments.Document("sqlserver", view, table));

        var script = LabelExport.Write(plan, ExportFormat.SqlServerLabels);
        var (adds, _) = Parse(script);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(adds.Select(a => a.Target), Is.EqualTo(new[] { "dbo.users.email" }));
            Assert.That(script, Does.Contain("View columns left out: 1 of views and materialized views"));
        }
    }

    [Test]
    public void Write_SqlServerFormatForAPostgresSource_ThrowsWithTheProvider()
    {
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("postgres", "public", ["contact.email"]));
        Assert.That(() => LabelExport.Write(plan, ExportFormat.SqlServerLabels),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("scanned from postgres"));
    }
}
