using Inventory.Catalog;

namespace Inventory.Rules.Evaluation;

/// <summary>
/// Maps a declared type, as written in a gold or corpus file or read from a catalog, to its <see cref="TypeFamily"/>:
/// the one mapping the rules (through <see cref="ColumnInfo.Family"/> of gold and corpus columns) and the model's
/// features (<c>ColumnFeatures</c>) both read, so that a column's family is the same whichever part looks at it.
/// Spellings known: PostgreSQL (<c>character varying(40)</c>, <c>timestamp with time zone</c>, <c>int8</c>), SQL Server
/// (<c>NVARCHAR(MAX)</c>, <c>[nvarchar](50)</c>, <c>datetime2</c>), MySQL and MariaDB (<c>int(10) unsigned</c>,
/// <c>tinyint(1)</c> and <c>bit(1)</c> as booleans, a wider <c>bit(n)</c> as other, <c>inet6</c>; as the
/// MySQL connector maps COLUMN_TYPE), SQLite, Oracle (<c>varchar2</c>, <c>nclob</c>, <c>raw</c>), Rails and
/// Prisma (<c>String?</c>, <c>references</c>, <c>Bytes</c>) and ClickHouse (<c>Nullable(…)</c> and
/// <c>LowCardinality(…)</c> read as the type they wrap, <c>UInt16</c>, <c>Int64</c>, <c>Float32</c>,
/// <c>Decimal64(4)</c>, <c>DateTime64(3)</c>, <c>Date32</c>, <c>FixedString(2)</c>, <c>IPv6</c>; ClickHouse data types
/// reference). Arrays (<c>text[]</c>, <c>Array(String)</c>), maps, tuples, enumerations, user-defined types and domains
/// not recognised map to <see cref="TypeFamily.Other"/>, as the connectors map them.
/// </summary>
public static class DeclaredTypes
{
    /// <summary>The family of a declared type.</summary>
    /// <param name="declaredType">E.g. <c>character varying(40)</c>, <c>NVARCHAR(MAX)</c>, <c>int unsigned</c>,
    /// <c>LowCardinality(Nullable(String))</c>, <c>"Flag"</c>; null, empty or blank means untyped.</param>
    /// <returns>The family; <see cref="TypeFamily.Untyped"/> for no type, <see cref="TypeFamily.Other"/> for a type
    /// not recognised.</returns>
    public static TypeFamily FamilyOf(string? declaredType)
    {
        if (string.IsNullOrWhiteSpace(declaredType)) return TypeFamily.Untyped;
        var t = declaredType.Trim().ToLowerInvariant().TrimEnd('?', '!').Trim();
        if (t.Length == 0) return TypeFamily.Untyped;
        if (t.EndsWith("[]", StringComparison.Ordinal)) return TypeFamily.Other;
        t = t.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Trim('"').Trim();
        t = Unwrapped(t);
        var paren = t.IndexOf('(');
        var baseName = (paren >= 0 ? t[..paren] : t).Trim();
        foreach (var attribute in (ReadOnlySpan<string>)[" unsigned", " signed", " zerofill"])
            baseName = baseName.Replace(attribute, "", StringComparison.Ordinal);
        baseName = baseName.Trim();
        return baseName switch
        {
            "tinyint" when t.Contains("(1)", StringComparison.Ordinal) => TypeFamily.Boolean,
            "int" or "integer" or "smallint" or "bigint" or "tinyint" or "mediumint" or "serial" or "bigserial" or "smallserial"
                or "int2" or "int4" or "int8" or "serial4" or "serial8" or "oid" or "references" or "bigint64"
                or "int16" or "int32" or "int64" or "int128" or "int256"
                or "uint8" or "uint16" or "uint32" or "uint64" or "uint128" or "uint256" => TypeFamily.Integer,
            "numeric" or "decimal" or "money" or "smallmoney" or "float" or "real" or "double" or "double precision"
                or "float4" or "float8" or "number" or "float32" or "float64" or "bfloat16"
                or "decimal32" or "decimal64" or "decimal128" or "decimal256" => TypeFamily.Decimal,
            "bit" when paren >= 0 && !t.Contains("(1)", StringComparison.Ordinal) => TypeFamily.Other,
            "bool" or "boolean" or "bit" => TypeFamily.Boolean,
            "date" or "time" or "timetz" or "timestamp" or "timestamptz" or "datetime" or "datetime2" or "smalldatetime"
                or "datetimeoffset" or "interval" or "year" or "date32" or "datetime64" or "time64" => TypeFamily.Temporal,
            _ when baseName.StartsWith("timestamp", StringComparison.Ordinal) || baseName.StartsWith("time ", StringComparison.Ordinal)
                => TypeFamily.Temporal,
            "uuid" or "uniqueidentifier" => TypeFamily.Uuid,
            "bytea" or "blob" or "tinyblob" or "mediumblob" or "longblob" or "varbinary" or "binary" or "image" or "bytes"
                or "raw" or "long raw" or "rowversion" => TypeFamily.Binary,
            "json" or "jsonb" or "xml" => TypeFamily.Document,
            "inet" or "cidr" or "macaddr" or "macaddr8" or "inet4" or "inet6" or "ipv4" or "ipv6" => TypeFamily.Network,
            "char" or "character" or "varchar" or "character varying" or "nchar" or "nvarchar" or "text" or "ntext"
                or "citext" or "string" or "clob" or "nclob" or "tinytext" or "mediumtext" or "longtext" or "varchar2"
                or "nvarchar2" or "bpchar" or "name" or "sysname" or "national character varying" or "fixedstring" => TypeFamily.Text,
            _ when baseName.StartsWith("varchar", StringComparison.Ordinal) || baseName.StartsWith("nvarchar", StringComparison.Ordinal)
                => TypeFamily.Text,
            _ => TypeFamily.Other,
        };
    }

    /// <summary>The type a ClickHouse <c>Nullable(T)</c> or <c>LowCardinality(T)</c> wraps (nested wrappers too);
    /// any other type as it is.</summary>
    /// <param name="type">A lower-case declared type.</param>
    /// <returns>The wrapped type, lower case.</returns>
    internal static string Unwrapped(string type)
    {
        while (type.EndsWith(')'))
        {
            var open = type.IndexOf('(');
            if (open < 0) break;
            var wrapper = type[..open].Trim();
            if (wrapper is not ("nullable" or "lowcardinality")) break;
            type = type[(open + 1)..^1].Trim();
        }
        return type;
    }
}
