using Inventory.Catalog;
using Inventory.Connectors.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>The T-SQL the SQL Server connector emits, for catalogs shaped like cases C11, C13, C15 and C16, parsed by
/// a real T-SQL parser (ScriptDom, SQL Server 2022 grammar).</summary>
public sealed class SqlServerDialectTests
{
    private static readonly SqlServerDialect Dialect = SqlServerDialect.Instance;

    internal static ColumnInfo Col(string name, int ordinal, string declared, string? baseType = null, bool assembly = false)
    {
        var (family, hint) = SqlServerDialect.Describe(baseType ?? declared.Split('(')[0], assembly);
        return new ColumnInfo { Name = name, Ordinal = ordinal, DeclaredType = declared, Family = family, SamplingHint = hint };
    }

    // C11: dbo.[Order Lines/2024]
    private static TableInfo C11(long? rows) => new()
    {
        Schema = "dbo", Name = "Order Lines/2024", RowEstimate = rows,
        Columns = [Col("Part No/Rev", 1, "nvarchar(50)"), Col("Buyer E-Mail", 2, "nvarchar(200)"), Col("Weird]Name", 3, "nvarchar(50)"), Col("Phone #", 4, "nvarchar(30)")],
    };

    // C13: dbo.customer and the view dbo.vCustomerContact
    private static TableInfo C13Table(long? rows) => new()
    {
        Schema = "dbo", Name = "customer", RowEstimate = rows,
        Columns = [Col("id", 1, "int"), Col("full_name", 2, "nvarchar(200)"), Col("email", 3, "nvarchar(200)"), Col("country", 4, "char(2)")],
    };

    private static TableInfo C13View() => new()
    {
        Schema = "dbo", Name = "vCustomerContact", Kind = TableKind.View,
        Columns = [Col("id", 1, "int"), Col("name", 2, "nvarchar(200)"), Col("mail", 3, "nvarchar(200)")],
    };

    // C15: dbo.LegacyNote, plus the other LOB-ish families the case asks for (sql_variant, image, varbinary)
    private static TableInfo C15(long? rows) => new()
    {
        Schema = "dbo", Name = "LegacyNote", RowEstimate = rows, PrimaryKey = ["Id"],
        Columns =
        [
            Col("Id", 1, "int"), Col("Body", 2, "text"), Col("BodyN", 3, "ntext"), Col("Payload", 4, "xml"), Col("Contact", 5, "nvarchar(200)"),
            Col("Variant", 6, "sql_variant"), Col("Scan", 7, "image"), Col("Hash", 8, "varbinary(max)"), Col("Version", 9, "timestamp"),
            Col("Created", 10, "datetime2(7)"), Col("Score", 11, "float"),
        ],
    };

    // C16: dbo.Store with CLR types, plus a non-system CLR type
    private static TableInfo C16(long? rows) => new()
    {
        Schema = "dbo", Name = "Store", RowEstimate = rows, PrimaryKey = ["Id"],
        Columns =
        [
            Col("Id", 1, "int"), Col("Name", 2, "nvarchar(100)"), Col("Location", 3, "geography", assembly: true),
            Col("OrgNode", 4, "hierarchyid", assembly: true), Col("Street", 5, "nvarchar(200)"), Col("Shape", 6, "geometry", assembly: true),
            Col("Custom", 7, "MyClrType", assembly: true),
        ],
    };

    private static readonly long?[] Estimates = [null, 2, 5_000, 10_000_000];

    private static IEnumerable<TestCaseData> AllTables()
    {
        foreach (var rows in Estimates)
        {
            yield return new TestCaseData(C11(rows)).SetArgDisplayNames($"C11 rows={rows}");
            yield return new TestCaseData(C13Table(rows)).SetArgDisplayNames($"C13 table rows={rows}");
            yield return new TestCaseData(C15(rows)).SetArgDisplayNames($"C15 rows={rows}");
            yield return new TestCaseData(C16(rows)).SetArgDisplayNames($"C16 rows={rows}");
        }
        yield return new TestCaseData(C13View()).SetArgDisplayNames("C13 view");
    }

    private static IEnumerable<string> CatalogStatements()
    {
        yield return Dialect.ServerInfo;
        yield return Dialect.Objects;
        yield return Dialect.Columns;
        yield return Dialect.PrimaryKeys;
        yield return Dialect.ForeignKeys;
        yield return Dialect.TemporalTables(true);
        yield return Dialect.TemporalTables(false);
        yield return Dialect.RowSecurityPolicies;
        yield return Dialect.SensitivityClassifications(true);
        yield return Dialect.SensitivityClassifications(false);
        yield return Dialect.SessionSetup(new SampleOptions());
        yield return Dialect.CatalogSessionSetup(new SampleOptions());
    }

    internal static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
        return fragment;
    }

    [TestCaseSource(nameof(CatalogStatements))]
    public void CatalogStatement_Parse_NoErrors(string sql) => Parse(sql);

    [TestCaseSource(nameof(AllTables))]
    public void BuildSample_CaseTable_ParsesWithoutSortOrStar(TableInfo table)
    {
        var plan = Dialect.BuildSample(table, new SampleOptions());

        var fragment = Parse(plan.Sql);

        var visitor = new Collector();
        fragment.Accept(visitor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(visitor.OrderBy, Is.Zero, "never sorted");
            Assert.That(visitor.Star, Is.Zero, "never SELECT *");
            Assert.That(visitor.Top, Is.EqualTo(1));
        }
    }

    [TestCaseSource(nameof(AllTables))]
    public void BuildSample_EveryColumnAlone_Parses(TableInfo table)
    {
        foreach (var column in table.Columns)
            Parse(Dialect.BuildSample(table, new SampleOptions(), only: column.Name).Sql);
    }

    [Test]
    public void BuildSample_View_NoTableSample()
    {
        var view = C13View() with { RowEstimate = 10_000_000 };

        var plan = Dialect.BuildSample(view, new SampleOptions());

        var visitor = new Collector();
        Parse(plan.Sql).Accept(visitor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(visitor.TableSample, Is.Zero);
            Assert.That(plan.Sql, Does.Not.Contain("TABLESAMPLE"));
            Assert.That(plan.Method, Is.EqualTo("top (view)"));
        }
    }

    [Test]
    public void BuildSample_BigTable_TableSampleRepeatableWithSeed()
    {
        var plan = Dialect.BuildSample(C13Table(10_000_000), new SampleOptions { Rows = 500, Seed = 7 });

        var visitor = new Collector();
        Parse(plan.Sql).Accept(visitor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(visitor.TableSample, Is.EqualTo(1));
            Assert.That(plan.Sql, Does.Contain("FROM [dbo].[customer] AS t TABLESAMPLE SYSTEM (0.02 PERCENT) REPEATABLE (7)"));
            Assert.That(plan.Method, Is.EqualTo("tablesample system(0.02 percent) repeatable(7)"));
        }
    }

    [Test]
    public void BuildSample_MidSizeTableWithKey_RepeatableKeyHashFilter()
    {
        var plan = Dialect.BuildSample(C15(5_000), new SampleOptions { Rows = 500, Seed = 42 });

        Assert.That(plan.Sql, Does.Contain("WHERE ABS(CHECKSUM(42, t.[Id]) % 1000000) < 200000"));
    }

    [Test]
    public void BuildSample_C11_BracketsDoubled()
    {
        var plan = Dialect.BuildSample(C11(null), new SampleOptions());

        var visitor = new Collector();
        Parse(plan.Sql).Accept(visitor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Sql, Does.Contain("t.[Weird]]Name]"));
            Assert.That(plan.Sql, Does.Contain("FROM [dbo].[Order Lines/2024] AS t"));
            Assert.That(visitor.ColumnNames, Is.EquivalentTo(new[] { "Part No/Rev", "Buyer E-Mail", "Weird]Name", "Phone #" }),
                "the parser reads back the exact names");
        }
    }

    [TestCase("Body")]
    [TestCase("BodyN")]
    [TestCase("Payload")]
    [TestCase("Variant")]
    public void BuildSample_C15LegacyLob_ColumnOnlyEverInsideCastToNvarcharMax(string column)
    {
        foreach (var rows in Estimates)
        {
            var plan = Dialect.BuildSample(C15(rows), new SampleOptions());
            var visitor = new Collector();
            Parse(plan.Sql).Accept(visitor);

            var references = visitor.References.Where(r => r.Name == column).ToList();
            Assert.That(references, Is.Not.Empty);
            Assert.That(references.Where(r => column != "Variant" || !r.InVariantProperty),
                Has.All.Matches<(string Name, bool InCast, bool InVariantProperty)>(r => r.InCast),
                $"{column} must be touched only by CAST(... AS nvarchar(max)) (rows={rows})");
        }
    }

    [Test]
    public void Collector_TrimmedLob_Detected()
    {
        // Guards the LOB test above: a column touched outside CAST(... AS nvarchar(max)) is seen as such.
        var visitor = new Collector();
        Parse("SELECT TOP (1) LTRIM(t.[Body]), CAST(t.[BodyN] AS nvarchar(max)), CAST(t.[Payload] AS nvarchar(50)) FROM [dbo].[LegacyNote] AS t;").Accept(visitor);

        Assert.That(visitor.References.Select(r => (r.Name, r.InCast)),
            Is.EquivalentTo(new[] { ("Body", false), ("BodyN", true), ("Payload", false) }));
    }

    [Test]
    public void BuildSample_C15Binaries_LengthOnlyAndRowversionSkipped()
    {
        var plan = Dialect.BuildSample(C15(null), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Columns.Where(c => c.IsLength).Select(c => c.Column.Name), Is.EquivalentTo(new[] { "Scan", "Hash" }));
            Assert.That(plan.Sql, Does.Contain("CAST(DATALENGTH(t.[Scan]) AS bigint)"));
            Assert.That(plan.Skipped, Is.EquivalentTo(new Dictionary<string, NotSampledReason> { ["Version"] = NotSampledReason.Binary }));
            Assert.That(plan.Sql, Does.Not.Contain("[Version]"));
            Assert.That(plan.Sql, Does.Contain("CONVERT(nvarchar(64), t.[Created], 126)"));
        }
    }

    [Test]
    public void BuildSample_C16ClrTypes_ProjectedOnServerOrSkipped()
    {
        var plan = Dialect.BuildSample(C16(null), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Sql, Does.Contain("CAST(t.[Location].STAsText() AS nvarchar(max))"));
            Assert.That(plan.Sql, Does.Contain("CAST(t.[Shape].STAsText() AS nvarchar(max))"));
            Assert.That(plan.Sql, Does.Contain("CAST(t.[OrgNode].ToString() AS nvarchar(max))"));
            Assert.That(plan.Skipped, Is.EquivalentTo(new Dictionary<string, NotSampledReason> { ["Custom"] = NotSampledReason.UnsupportedType }));
            Assert.That(plan.Sql, Does.Not.Contain("[Custom]"));
        }
    }

    [Test]
    public void BuildSample_UnreadableColumn_NotSelected()
    {
        var table = C13Table(null) with { Columns = [Col("id", 1, "int"), Col("email", 2, "nvarchar(200)") with { Readable = false }] };

        var plan = Dialect.BuildSample(table, new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Sql, Does.Not.Contain("[email]"));
            Assert.That(plan.Skipped["email"], Is.EqualTo(NotSampledReason.NoPrivilege));
        }
    }

    [Test]
    public void BuildSample_HandBuiltColumnWithoutHint_DerivesFromDeclaredType()
    {
        var table = new TableInfo
        {
            Schema = "dbo", Name = "n",
            Columns = [new ColumnInfo { Name = "b", Ordinal = 1, DeclaredType = "ntext", Family = TypeFamily.Text }],
        };

        Assert.That(Dialect.BuildSample(table, new SampleOptions()).Sql, Does.Contain("LEFT(CAST(t.[b] AS nvarchar(max)), @maxlen)"));
    }

    [TestCase("nvarchar", false, 400, 0, 0, ExpectedResult = "nvarchar(200)")]
    [TestCase("nvarchar", false, -1, 0, 0, ExpectedResult = "nvarchar(max)")]
    [TestCase("varchar", false, 30, 0, 0, ExpectedResult = "varchar(30)")]
    [TestCase("decimal", false, 9, 10, 2, ExpectedResult = "decimal(10,2)")]
    [TestCase("datetime2", false, 8, 27, 7, ExpectedResult = "datetime2(7)")]
    [TestCase("Phone", true, 50, 0, 0, ExpectedResult = "Phone")]
    [TestCase("geography", false, -1, 0, 0, ExpectedResult = "geography")]
    public string DeclaredType_SysColumns_SpelledAsInDdl(string type, bool userDefined, int maxLength, int precision, int scale) =>
        SqlServerDialect.DeclaredType(type, userDefined, maxLength, precision, scale);

    [TestCase("Weird]Name", ExpectedResult = "[Weird]]Name]")]
    [TestCase("a]]b", ExpectedResult = "[a]]]]b]")]
    [TestCase("Order Lines/2024", ExpectedResult = "[Order Lines/2024]")]
    public string Quote_Identifier_ClosingBracketDoubled(string name) => SqlServerIdentifiers.Quote(name);

    [TestCase("CASCADE", ExpectedResult = "cascade")]
    [TestCase("SET_NULL", ExpectedResult = "set-null")]
    [TestCase("SET_DEFAULT", ExpectedResult = "set-default")]
    [TestCase("NO_ACTION", ExpectedResult = "no-action")]
    public string OnDelete_ReferentialAction_Mapped(string action) => Inventory.Connectors.SqlServerConnector.OnDelete(action);

    [Test]
    public void IdsXml_Ids_ShreddableFragment() =>
        Assert.That(Inventory.Connectors.SqlServerConnector.IdsXml([5, 123456]), Is.EqualTo("<o id=\"5\" /><o id=\"123456\" />"));

    [Test]
    public void SessionSetup_Options_ReadUncommittedAndLockTimeout() =>
        Assert.That(Dialect.SessionSetup(new SampleOptions { LockTimeout = TimeSpan.FromSeconds(2.5) }),
            Does.Contain("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED").And.Contain("SET LOCK_TIMEOUT 2500;"));

    [Test]
    public void CatalogSessionSetup_ScansLockTimeout_ParsesAsSetLockTimeoutInMilliseconds()
    {
        // The catalog read waited SQL Server's default (forever) behind DDL whatever sample: lock-timeout: said.
        var fragment = Parse(Dialect.CatalogSessionSetup(new SampleOptions { LockTimeout = TimeSpan.FromSeconds(2.5) }));

        var settings = new GeneralSetCollector();
        fragment.Accept(settings);
        Assert.That(settings.Commands, Is.EqualTo(new[] { (GeneralSetCommandType.LockTimeout, "2500"), (GeneralSetCommandType.DeadlockPriority, "LOW") }));
    }

    [Test]
    public void CatalogFailure_LockRequestTimeOut_NamesTheScansLockTimeoutAndTheSetting()
    {
        var message = Inventory.Connectors.SqlServerConnector.CatalogFailure(1222, "SQL Server error 1222, severity 16",
            new SampleOptions { LockTimeout = TimeSpan.FromSeconds(2.5) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Contains("waited longer than the lock timeout of 2.5 s for a lock", StringComparison.Ordinal), Is.True, message);
            Assert.That(message.Contains("raise lock-timeout: under the source's sample:", StringComparison.Ordinal), Is.True, message);
        }
    }

    /// <summary>Collects the <c>SET</c> commands of a batch that carry a parameter (LOCK_TIMEOUT, DEADLOCK_PRIORITY).</summary>
    private sealed class GeneralSetCollector : TSqlFragmentVisitor
    {
        public List<(GeneralSetCommandType Type, string Value)> Commands { get; } = [];

        public override void Visit(GeneralSetCommand node) => Commands.Add((node.CommandType, node.Parameter switch
        {
            Literal literal => literal.Value,
            _ => node.Parameter?.GetType().Name ?? "",
        }));
    }

    /// <summary>Walks a parsed statement and records what the tests check.</summary>
    private sealed class Collector : TSqlFragmentVisitor
    {
        private readonly HashSet<int> _castedColumns = [];
        private readonly HashSet<int> _variantProperty = [];
        private readonly List<ColumnReferenceExpression> _columns = [];

        public int OrderBy { get; private set; }
        public int TableSample { get; private set; }
        public int Top { get; private set; }
        public int Star { get; private set; }

        public IEnumerable<string> ColumnNames => _columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value);

        public IEnumerable<(string Name, bool InCast, bool InVariantProperty)> References =>
            _columns.Select(c => (c.MultiPartIdentifier.Identifiers[^1].Value, _castedColumns.Contains(c.StartOffset), _variantProperty.Contains(c.StartOffset)));

        public override void Visit(OrderByClause node) => OrderBy++;
        public override void Visit(TableSampleClause node) => TableSample++;
        public override void Visit(TopRowFilter node) => Top++;
        public override void Visit(SelectStarExpression node) => Star++;
        public override void Visit(ColumnReferenceExpression node) => _columns.Add(node);

        public override void Visit(CastCall node)
        {
            if (node.Parameter is ColumnReferenceExpression column && node.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar } type
                && type.Parameters.Count == 1 && type.Parameters[0] is MaxLiteral)
                _castedColumns.Add(column.StartOffset);
        }

        public override void Visit(FunctionCall node)
        {
            if (string.Equals(node.FunctionName.Value, "SQL_VARIANT_PROPERTY", StringComparison.OrdinalIgnoreCase) && node.Parameters[0] is ColumnReferenceExpression column)
                _variantProperty.Add(column.StartOffset);
        }
    }
}
