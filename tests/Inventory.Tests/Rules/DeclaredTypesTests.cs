using Inventory.Catalog;
using Inventory.Connectors.MySql;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>The one declared-type mapping the rules and the model's features read (<see cref="DeclaredTypes"/>):
/// spellings of every engine the corpus and the gold files write, ClickHouse wrappers read as the type they wrap, and
/// agreement with the MySQL connector's own mapping of COLUMN_TYPE, so that a corpus column and a scanned column of the
/// same type get the same family (before, a corpus <c>int unsigned</c> was "other" to the rules and "integer" to the
/// model, and ClickHouse's <c>UInt16</c>, <c>LowCardinality(String)</c>, <c>DateTime64(3)</c> were "other" to both).</summary>
public sealed class DeclaredTypesTests
{
    [TestCase("character varying(40)", TypeFamily.Text)]
    [TestCase("NVARCHAR(MAX)", TypeFamily.Text)]
    [TestCase("[nvarchar](50)", TypeFamily.Text)]
    [TestCase("String?", TypeFamily.Text)]
    [TestCase("nclob", TypeFamily.Text)]
    [TestCase("int unsigned", TypeFamily.Integer)]
    [TestCase("int(10) unsigned zerofill", TypeFamily.Integer)]
    [TestCase("bigint unsigned", TypeFamily.Integer)]
    [TestCase("tinyint(1)", TypeFamily.Boolean)]
    [TestCase("tinyint(4) unsigned", TypeFamily.Integer)]
    [TestCase("bit", TypeFamily.Boolean)]
    [TestCase("bit(1)", TypeFamily.Boolean)]
    [TestCase("bit(8)", TypeFamily.Other)]
    [TestCase("timestamp with time zone", TypeFamily.Temporal)]
    [TestCase("time without time zone", TypeFamily.Temporal)]
    [TestCase("inet6", TypeFamily.Network)]
    [TestCase("IPv4", TypeFamily.Network)]
    [TestCase("UInt16", TypeFamily.Integer)]
    [TestCase("Int64", TypeFamily.Integer)]
    [TestCase("Float32", TypeFamily.Decimal)]
    [TestCase("Decimal64(4)", TypeFamily.Decimal)]
    [TestCase("Nullable(Decimal(18, 4))", TypeFamily.Decimal)]
    [TestCase("DateTime64(3)", TypeFamily.Temporal)]
    [TestCase("DateTime64(3, 'Europe/Paris')", TypeFamily.Temporal)]
    [TestCase("Date32", TypeFamily.Temporal)]
    [TestCase("LowCardinality(String)", TypeFamily.Text)]
    [TestCase("LowCardinality(Nullable(String))", TypeFamily.Text)]
    [TestCase("LowCardinality(FixedString(2))", TypeFamily.Text)]
    [TestCase("Nullable(UUID)", TypeFamily.Uuid)]
    [TestCase("Array(String)", TypeFamily.Other)]
    [TestCase("Map(String, String)", TypeFamily.Other)]
    [TestCase("Enum8('a' = 1, 'b' = 2)", TypeFamily.Other)]
    [TestCase("enum('true','false')", TypeFamily.Other)]
    [TestCase("text[]", TypeFamily.Other)]
    [TestCase("\"Role\"", TypeFamily.Other)]
    [TestCase("tsvector", TypeFamily.Other)]
    [TestCase("", TypeFamily.Untyped)]
    [TestCase("   ", TypeFamily.Untyped)]
    public void FamilyOf_Spelling(string declared, TypeFamily expected) =>
        Assert.That(DeclaredTypes.FamilyOf(declared), Is.EqualTo(expected), declared);

    /// <summary>Every base type of every engine keeps its family when ClickHouse wraps it, once or twice, in any case.</summary>
    [Test]
    public void FamilyOf_WrappedType_IsTheWrappedTypesFamily()
    {
        string[] bases =
        [
            "String", "FixedString(16)", "UInt8", "UInt32", "Int32", "Int128", "Float64", "Decimal(10, 2)", "Decimal128(6)",
            "Date", "Date32", "DateTime", "DateTime64(6)", "UUID", "IPv6", "Bool", "varchar(80)", "int unsigned",
            "timestamp with time zone", "json", "bytea", "Enum16('x' = 1)", "Array(UInt8)",
        ];
        var mismatches = new List<string>();
        foreach (var type in bases)
        {
            var family = DeclaredTypes.FamilyOf(type);
            foreach (var wrapped in new[] { $"Nullable({type})", $"LowCardinality({type})", $"LowCardinality(Nullable({type}))",
                         $"nullable({type.ToLowerInvariant()})", $"NULLABLE({type.ToUpperInvariant()})" })
                if (DeclaredTypes.FamilyOf(wrapped) != family)
                    mismatches.Add($"{wrapped}: {DeclaredTypes.FamilyOf(wrapped)}, not {family}");
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(bases.Count(b => DeclaredTypes.FamilyOf(b) == TypeFamily.Other), Is.EqualTo(2), "only the enumeration and the array are other");
    }

    /// <summary>A corpus or gold column written with a MySQL/MariaDB COLUMN_TYPE gets the family the MySQL connector
    /// gives a scanned column of that type, over every data type the connector knows, with lengths, precisions and the
    /// unsigned/zerofill attributes.</summary>
    [Test]
    public void FamilyOf_MySqlColumnType_AgreesWithTheMySqlConnector()
    {
        string[] dataTypes =
        [
            "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float", "double", "real",
            "bit", "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "date", "datetime", "timestamp", "time",
            "year", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json", "uuid", "inet4", "inet6",
            "geometry", "point", "polygon", "enum", "set",
        ];
        string[] arguments = ["", "(1)", "(2)", "(4)", "(10)", "(11)", "(255)", "(10,2)", "(65,30)", "('a','b')"];
        string[] attributes = ["", " unsigned", " unsigned zerofill", " zerofill"];
        var disagreements = new List<string>();
        int compared = 0;
        foreach (var dataType in dataTypes)
        foreach (var argument in arguments)
        foreach (var attribute in attributes)
        {
            // MySQL writes BIT's COLUMN_TYPE always with its width and never with unsigned/zerofill.
            if (dataType == "bit" && (argument.Length == 0 || attribute.Length > 0)) continue;
            var columnType = dataType + argument + attribute;
            var connector = MySqlDialect.Describe(dataType, columnType).Family;
            var declared = DeclaredTypes.FamilyOf(columnType);
            compared++;
            if (connector != declared) disagreements.Add($"{columnType}: connector {connector}, declared {declared}");
        }
        Assert.That(compared, Is.EqualTo(dataTypes.Length * arguments.Length * attributes.Length - (attributes.Length + (arguments.Length - 1) * (attributes.Length - 1))));
        Assert.That(disagreements, Is.Empty);
    }

    /// <summary>The model's type shape reads through ClickHouse wrappers and knows ClickHouse integer widths.</summary>
    [TestCase("Nullable(Float32)", "decimal-float")]
    [TestCase("LowCardinality(FixedString(2))", "text-tiny")]
    [TestCase("UInt16", "integer-small")]
    [TestCase("Nullable(UInt64)", "integer-big")]
    [TestCase("Nullable(Decimal(18, 2))", "decimal-money")]
    [TestCase("Date32", "temporal-date")]
    [TestCase("int8", "integer-big")]
    public void TypeShape_ReadsThroughWrappers(string declared, string expected) =>
        Assert.That(ColumnFeatures.ShapeOfUncached(declared, DeclaredTypes.FamilyOf(declared)), Is.EqualTo(expected), declared);
}
