using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Reports.Export;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Inventory.Tests.Export;

/// <summary>The SQL Server export for servers before 2019 (engines42): the four column extended properties SSMS's Data
/// Discovery &amp; Classification wrote there, each set by <c>sp_updateextendedproperty</c> when the column has it, else
/// <c>sp_addextendedproperty</c>. No SQL Server runs here: every script is parsed with ScriptDom's SQL Server 2012 and
/// 2017 grammars, and its statements read back from the syntax tree.</summary>
[TestFixture]
public sealed class SqlServerExtendedPropertiesExportTests
{
    private static readonly string[] PropertyNames = ["sys_information_type_name", "sys_information_type_id", "sys_sensitivity_label_name", "sys_sensitivity_label_id"];

    /// <summary>One property set on one column: the guard's property name and the two procedure calls' arguments.</summary>
    private sealed record PropertySet(string Guarded, string Updated, string Added, Dictionary<string, string> Arguments)
    {
        public string Column => $"{Arguments["@level0name"]}.{Arguments["@level1name"]}.{Arguments["@level2name"]}";
    }

    /// <summary>Parses a script with the SQL Server 2012 and 2017 grammars (asserting no error in either) and returns
    /// its guarded property sets, checking the shape of each: <c>IF EXISTS (… sys.extended_properties …) EXEC
    /// sys.sp_updateextendedproperty … ELSE EXEC sys.sp_addextendedproperty …</c> with the same arguments.</summary>
    private static List<PropertySet> Parse(string script)
    {
        TSqlFragment? fragment = null;
        foreach (TSqlParser parser in new TSqlParser[] { new TSql110Parser(initialQuotedIdentifiers: true), new TSql140Parser(initialQuotedIdentifiers: true) })
        {
            using var reader = new StringReader(script);
            fragment = parser.Parse(reader, out var errors);
            Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, $"ScriptDom parse errors ({parser.GetType().Name})");
        }
        var visitor = new PropertyVisitor();
        fragment!.Accept(visitor);
        Assert.That(visitor.OtherStatements, Is.EqualTo(new[] { "PredicateSetStatement", "BeginTransactionStatement", "CommitTransactionStatement" }),
            "nothing but the property sets, in one transaction");
        return visitor.Sets;
    }

    private sealed class PropertyVisitor : TSqlFragmentVisitor
    {
        public List<PropertySet> Sets { get; } = [];
        public List<string> OtherStatements { get; } = [];

        public override void ExplicitVisit(TSqlBatch node)
        {
            foreach (var statement in node.Statements)
            {
                if (statement is not IfStatement branch)
                {
                    OtherStatements.Add(statement.GetType().Name);
                    continue;
                }
                var exists = (ExistsPredicate)branch.Predicate;
                var where = ((QuerySpecification)exists.Subquery.QueryExpression).WhereClause.SearchCondition;
                var names = new LiteralCollector();
                where.Accept(names);
                var (updated, updateArguments) = Call(branch.ThenStatement);
                var (added, addArguments) = Call(branch.ElseStatement);
                Assert.That(addArguments, Is.EqualTo(updateArguments), "the update and the add set the same property");
                Sets.Add(new PropertySet(names.Literals.Last(), updated, added, addArguments));
            }
        }

        private static (string Procedure, Dictionary<string, string> Arguments) Call(TSqlStatement statement)
        {
            var call = (ExecutableProcedureReference)((ExecuteStatement)statement).ExecuteSpecification.ExecutableEntity;
            var procedure = string.Join(".", call.ProcedureReference.ProcedureReference.Name.Identifiers.Select(i => i.Value));
            return (procedure, call.Parameters.ToDictionary(p => p.Variable.Name, p => ((StringLiteral)p.ParameterValue).Value));
        }
    }

    private sealed class LiteralCollector : TSqlFragmentVisitor
    {
        public List<string> Literals { get; } = [];
        public override void ExplicitVisit(StringLiteral node) => Literals.Add(node.Value);
    }

    [Test]
    public void Script_EveryCategory_ParsesAndSetsTheFourPropertiesOfEachPersonalColumn_UpdateElseAdd()
    {
        // Given one annotated column per category of the default taxonomy
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("sqlserver", "dbo"));

        // When the pre-2019 script is written and parsed
        var sets = Parse(LabelExport.Write(plan, ExportFormat.SqlServerExtendedProperties));

        // Then each personal column gets the four properties, each guarded by its own existence check, update else add,
        // with the classification's names and ids; `none` gets nothing
        var personal = plan.Columns.Where(c => c.IsPersonal).ToList();
        var expected = personal.SelectMany(c =>
        {
            var classification = SqlServerClassifications.For(c.Category);
            return new[] { classification.InformationType, classification.InformationTypeId, classification.Label, classification.LabelId }
                .Select((value, i) => $"dbo.people.{c.Column.Name} {PropertyNames[i]}={value}");
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sets.Select(s => $"{s.Column} {s.Arguments["@name"]}={s.Arguments["@value"]}"), Is.EqualTo(expected));
            Assert.That(sets.Select(s => s.Guarded), Is.EqualTo(sets.Select(s => s.Arguments["@name"])), "each existence check names its own property");
            Assert.That(sets.Select(s => (s.Updated, s.Added)), Has.All.EqualTo(("sys.sp_updateextendedproperty", "sys.sp_addextendedproperty")));
            Assert.That(sets.Select(s => (s.Arguments["@level0type"], s.Arguments["@level1type"], s.Arguments["@level2type"])), Has.All.EqualTo(("SCHEMA", "TABLE", "COLUMN")));
            Assert.That(sets.Select(s => s.Column), Has.None.EqualTo("dbo.people.none"));
            Assert.That(sets, Has.Count.EqualTo(4 * (ExportDocuments.AllCategories.Count - 1)));
        }
    }

    [Test]
    public void Script_ReadBackAsTheConnectorReadsTheLegacyProperties_GivesTheExportedCategories()
    {
        // Given one annotated column per category
        var plan = ExportDocuments.Plan(ExportDocuments.OneColumnPerCategory("sqlserver", "dbo"));
        var expected = plan.Columns.Where(c => c.IsPersonal).ToDictionary(c => $"dbo.people.{c.Column.Name}", c => c.Category);

        // When the label and information type names the script sets are read as the connector reads them
        // (sys.extended_properties: sys_sensitivity_label_name, sys_information_type_name; no rank)
        var sets = Parse(LabelExport.Write(plan, ExportFormat.SqlServerExtendedProperties));
        var readBack = sets.GroupBy(s => s.Column).ToDictionary(g => g.Key, g =>
        {
            var values = g.ToDictionary(s => s.Arguments["@name"], s => s.Arguments["@value"]);
            return DatabaseLabels.Map(new DatabaseLabel("sys.extended_properties", values["sys_sensitivity_label_name"], values["sys_information_type_name"], null),
                KnownCategories.BuiltIn);
        });

        // Then the label reader gives back each exported category
        Assert.That(readBack, Is.EquivalentTo(expected));
    }

    [Test]
    public void Script_OddIdentifiers_PassedAsPlainNamesAndQuotedForObjectId_StillParse()
    {
        // Given names with a closing bracket, a quote, a space and a line break
        var plan = ExportDocuments.OddSqlServerIdentifiers();

        // When written and parsed
        var script = LabelExport.Write(plan, ExportFormat.SqlServerExtendedProperties);
        var sets = Parse(script);

        // Then the procedures get the names as they are (a line break inside its N'' literal, which the parse above
        // reads back whole), OBJECT_ID the bracket-quoted table, and a line starting with the rest of a name only ends a literal
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sets.Select(s => s.Column).Distinct(), Is.EqualTo(new[] { "sales data.Cust]omers.E]mail", "sales data.Cust]omers.O'Brien name", "sales data.Cust]omers.line\nbreak" }));
            Assert.That(script, Does.Contain("OBJECT_ID(N'[sales data].[Cust]]omers]')"));
            Assert.That(script, Does.Contain("COLUMNPROPERTY(OBJECT_ID(N'[sales data].[Cust]]omers]'), N'O''Brien name', 'ColumnId')"));
            Assert.That(script.Split('\n').Where(l => l.StartsWith("break", StringComparison.Ordinal)), Has.All.StartsWith("break'"));
        }
    }

    [Test]
    public void Script_UndoBlock_DropsTheFourPropertiesOfEachColumn_CommentedOut_AndNamesAnEarlierLabel()
    {
        // Given a column the scan saw with a legacy label, exported as another category
        var column = ExportDocuments.Tagged("email", "contact.email");
        column.DatabaseLabel = new DatabaseLabel("sys.extended_properties", "Confidential", "Contact Info", null);
        var plan = ExportDocuments.Plan(ExportDocuments.Document("sqlserver", ExportDocuments.Table("dbo", "users", [column], defaultSchema: "dbo")));

        // When written
        var script = LabelExport.Write(plan, ExportFormat.SqlServerExtendedProperties);
        var undo = script[script.IndexOf("-- UNDO:", StringComparison.Ordinal)..];

        // Then the UNDO block drops the four properties (commented out, as a script that parses once uncommented), and
        // names the label the scan saw
        var uncommented = string.Join("\n", undo.Split('\n').Where(l => l.StartsWith("-- EXEC ", StringComparison.Ordinal)).Select(l => l[3..]));
        var parsed = new TSql110Parser(initialQuotedIdentifiers: true).Parse(new StringReader(uncommented), out var errors);
        var drops = new List<string>();
        parsed.Accept(new DropCollector(drops));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(drops, Is.EqualTo(PropertyNames.Select(n => $"sys.sp_dropextendedproperty {n} dbo.users.email")));
            Assert.That(undo, Does.Contain("--   (the scan saw label 'Confidential', information type 'Contact Info' on this column before)"));
        }
    }

    private sealed class DropCollector(List<string> drops) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(ExecuteStatement node)
        {
            var call = (ExecutableProcedureReference)node.ExecuteSpecification.ExecutableEntity;
            var values = call.Parameters.ToDictionary(p => p.Variable.Name, p => ((StringLiteral)p.ParameterValue).Value);
            drops.Add($"{string.Join(".", call.ProcedureReference.ProcedureReference.Name.Identifiers.Select(i => i.Value))} {values["@name"]} " +
                      $"{values["@level0name"]}.{values["@level1name"]}.{values["@level2name"]}");
        }
    }

    [Test]
    public void Write_ForAnotherProviderOrWithViews_IsRefusedNamingTheRightFormat()
    {
        var postgres = ExportDocuments.Plan(ExportDocuments.Document("postgres", ExportDocuments.Table("public", "users", [ExportDocuments.Tagged("email", "contact.email")])));
        Assert.That(() => LabelExport.Write(postgres, ExportFormat.SqlServerExtendedProperties),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("--format sqlserver-extended-properties writes statements for sqlserver: use --format postgres-comments"));
        Assert.That(LabelExport.ParseFormat("SQLServer-Extended-Properties"), Is.EqualTo(ExportFormat.SqlServerExtendedProperties));
    }
}
