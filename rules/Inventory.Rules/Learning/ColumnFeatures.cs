using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.Catalog;
using Microsoft.ML.Data;

namespace Inventory.Rules.Learning;

/// <summary>One row of the column model's input schema (the schema saved inside <c>column-model.zip</c>).
/// Text fields hold lower-case tokens separated by single spaces; <see cref="Detectors"/> holds one hit ratio in [0, 1]
/// per slot of <see cref="ColumnFeatures.DetectorSlots"/>, then the "sampled" flag.</summary>
public sealed class ColumnModelInput
{
    /// <summary>Training label <c>category.subcategory</c> or <c>none</c>; empty when scoring.</summary>
    public string Label { get; set; } = "";
    /// <summary>Column name tokens (e.g. <c>billing address line 1</c>).</summary>
    public string Name { get; set; } = "";
    /// <summary>Table name tokens without the schema, singularised head last (e.g. <c>customer address</c>).</summary>
    public string Table { get; set; } = "";
    /// <summary>Interaction tokens <c>tablehead_nametoken</c>, so a linear model can tell <c>product_name</c> from <c>customer_name</c>.</summary>
    public string Context { get; set; } = "";
    /// <summary>The <see cref="TypeFamily"/> name.</summary>
    public string TypeFamily { get; set; } = "";
    /// <summary>A coarse shape of the declared type (e.g. <c>text-tiny</c>, <c>decimal-money</c>, <c>temporal-date</c>).</summary>
    public string TypeShape { get; set; } = "";
    /// <summary>Detector hit ratios per slot, then 1 when values were sampled (0 for names and types only).</summary>
    [VectorType(ColumnFeatures.DetectorVectorLength)]
    public float[] Detectors { get; set; } = new float[ColumnFeatures.DetectorVectorLength];
}

/// <summary>Turns names and declared types into the model's features. The tokeniser is the model's own (not the name
/// rules'), so a saved model keeps meaning what it meant when trained.</summary>
public static partial class ColumnFeatures
{
    /// <summary>Detector slots, in vector order. Slot <c>x</c> is fed by the ratio of the value detector <c>detector.x</c>.</summary>
    public static readonly IReadOnlyList<string> DetectorSlots =
    [
        "email", "phone", "ip-address", "payment-card", "iban", "bic", "vat-number", "siren-siret", "user-agent",
        "language-tag", "postal-code", "person-name", "company-name", "url", "file-path", "uuid", "hash", "secret-token",
        "free-text", "json", "embedded-identifier", "payment-reference",
    ];

    /// <summary>Length of <see cref="ColumnModelInput.Detectors"/>: one per slot plus the sampled flag.</summary>
    public const int DetectorVectorLength = 23;

    /// <summary>Splits an identifier into lower-case tokens: separators (<c>_ - . space</c> and others), camelCase and
    /// PascalCase boundaries (<c>HTMLParser</c> → <c>html parser</c>), letter/digit boundaries; diacritics are kept.</summary>
    /// <param name="identifier">A column or table name as spelled in the database, possibly quoted.</param>
    /// <returns>Tokens in order; empty for an empty name.</returns>
    public static IReadOnlyList<string> Tokenize(string identifier)
    {
        var tokens = new List<string>();
        foreach (Match m in WordPattern().Matches(identifier))
            tokens.Add(m.Value.ToLowerInvariant());
        return tokens;
    }

    // Upper-case runs before a capitalised word, capitalised words, lower-case runs, digit runs (letters of any script).
    [GeneratedRegex(@"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{Lo}\p{Mn}]+|\p{Lu}+|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Builds the model input of a column known by names and types only.</summary>
    /// <param name="table">Table name, optionally schema-qualified (<c>Sales.Customer</c>); the schema is dropped.</param>
    /// <param name="column">Column name.</param>
    /// <param name="declaredType">Declared type as spelled by the database (may be empty).</param>
    /// <param name="family">Type family; when null it is derived from <paramref name="declaredType"/>.</param>
    /// <param name="detectors">Detector ratios per slot (length <see cref="DetectorSlots"/>.Count) or null when not sampled.</param>
    /// <returns>A new input row with an empty label.</returns>
    public static ColumnModelInput Build(string table, string column, string declaredType, TypeFamily? family = null,
        IReadOnlyList<float>? detectors = null)
    {
        var nameTokens = Tokenize(column);
        var tableTokens = TableTokens(table);
        var head = tableTokens.Count == 0 ? "" : tableTokens[^1];
        var f = family ?? FamilyOf(declaredType);
        var vector = new float[DetectorVectorLength];
        if (detectors is not null)
        {
            for (int i = 0; i < DetectorSlots.Count && i < detectors.Count; i++) vector[i] = Math.Clamp(detectors[i], 0f, 1f);
            vector[^1] = 1f;
        }
        return new ColumnModelInput
        {
            Name = string.Join(' ', nameTokens),
            Table = string.Join(' ', tableTokens),
            Context = head.Length == 0 ? "" : string.Join(' ', nameTokens.Select(t => head + "_" + t)),
            TypeFamily = f.ToString(),
            TypeShape = ShapeOf(declaredType, f),
            Detectors = vector,
        };
    }

    /// <summary>Table tokens without the schema prefix, each singularised by a plain rule (<c>addresses</c> → <c>address</c>,
    /// <c>customers</c> → <c>customer</c>, <c>kunden</c> unchanged), so that singular and plural tables share features.</summary>
    /// <param name="table">Table name, optionally <c>schema.table</c>.</param>
    /// <returns>Tokens in order.</returns>
    public static IReadOnlyList<string> TableTokens(string table)
    {
        var dot = table.LastIndexOf('.');
        var bare = dot >= 0 && dot < table.Length - 1 ? table[(dot + 1)..] : table;
        return Tokenize(bare).Select(Singular).ToArray();
    }

    private static string Singular(string token) =>
        token.Length <= 3 ? token
        : token.EndsWith("sses", StringComparison.Ordinal) ? token[..^2]
        : token.EndsWith("ies", StringComparison.Ordinal) ? token[..^3] + "y"
        : token.EndsWith("ss", StringComparison.Ordinal) || token.EndsWith("us", StringComparison.Ordinal) ? token
        : token.EndsWith('s') ? token[..^1]
        : token;

    /// <summary>Maps a declared type to its family, for sources that give only the type's spelling (gold files, corpus).
    /// Known spellings of PostgreSQL, SQL Server, MySQL and SQLite; user-defined types and domains → <see cref="TypeFamily.Other"/>.</summary>
    /// <param name="declaredType">Declared type, e.g. <c>character varying(80)</c>, <c>NVARCHAR(MAX)</c>, <c>"Name"</c>; empty → Untyped.</param>
    /// <returns>The family.</returns>
    public static TypeFamily FamilyOf(string declaredType)
    {
        var t = declaredType.Trim().ToLowerInvariant();
        if (t.Length == 0) return TypeFamily.Untyped;
        if (t.StartsWith('"') || t.EndsWith("[]", StringComparison.Ordinal)) return TypeFamily.Other;
        var paren = t.IndexOf('(');
        var baseName = (paren >= 0 ? t[..paren] : t).Trim();
        baseName = baseName.Replace(" unsigned", "", StringComparison.Ordinal).Trim();
        return baseName switch
        {
            "tinyint" when t.Contains("(1)", StringComparison.Ordinal) => TypeFamily.Boolean,
            "int" or "integer" or "smallint" or "bigint" or "tinyint" or "mediumint" or "serial" or "bigserial"
                or "smallserial" or "int2" or "int4" or "int8" or "serial4" or "serial8" => TypeFamily.Integer,
            "numeric" or "decimal" or "money" or "smallmoney" or "float" or "real" or "double" or "double precision"
                or "float4" or "float8" or "number" => TypeFamily.Decimal,
            "bool" or "boolean" or "bit" => TypeFamily.Boolean,
            "date" or "time" or "timetz" or "timestamp" or "timestamptz" or "datetime" or "datetime2" or "smalldatetime"
                or "datetimeoffset" or "interval" or "year" => TypeFamily.Temporal,
            _ when baseName.StartsWith("timestamp", StringComparison.Ordinal) || baseName.StartsWith("time ", StringComparison.Ordinal)
                => TypeFamily.Temporal,
            "uuid" or "uniqueidentifier" => TypeFamily.Uuid,
            "bytea" or "blob" or "longblob" or "mediumblob" or "tinyblob" or "varbinary" or "binary" or "image" => TypeFamily.Binary,
            "json" or "jsonb" or "xml" => TypeFamily.Document,
            "inet" or "cidr" or "macaddr" or "macaddr8" => TypeFamily.Network,
            "char" or "character" or "varchar" or "character varying" or "nchar" or "nvarchar" or "text" or "ntext"
                or "citext" or "string" or "clob" or "tinytext" or "mediumtext" or "longtext" or "varchar2" or "nvarchar2"
                or "bpchar" or "name" or "sysname" or "national character varying" => TypeFamily.Text,
            _ => TypeFamily.Other,
        };
    }

    /// <summary>A coarse shape of a declared type: text by declared length (<c>text-tiny</c> ≤ 3, <c>text-short</c> ≤ 16,
    /// <c>text-medium</c> ≤ 64, <c>text-long</c> ≤ 1000, else <c>text-unbounded</c>), decimals with two decimals or a money
    /// type (<c>decimal-money</c>), floating point, integer widths, date vs timestamp; otherwise the family name.</summary>
    /// <param name="declaredType">Declared type.</param>
    /// <param name="family">Its family.</param>
    /// <returns>A short lower-case token.</returns>
    public static string ShapeOf(string declaredType, TypeFamily family)
    {
        var t = declaredType.Trim().ToLowerInvariant();
        var args = ArgsPattern().Match(t);
        int? first = args.Success && int.TryParse(args.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        int? second = args.Success && args.Groups[2].Success && int.TryParse(args.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        return family switch
        {
            TypeFamily.Text => first switch
            {
                null => "text-unbounded",
                <= 3 => "text-tiny",
                <= 16 => "text-short",
                <= 64 => "text-medium",
                <= 1000 => "text-long",
                _ => "text-unbounded",
            },
            TypeFamily.Decimal when t.Contains("money", StringComparison.Ordinal) || second is 2 => "decimal-money",
            TypeFamily.Decimal when t.StartsWith("float", StringComparison.Ordinal) || t.StartsWith("real", StringComparison.Ordinal)
                || t.StartsWith("double", StringComparison.Ordinal) => "decimal-float",
            TypeFamily.Decimal => "decimal-plain",
            TypeFamily.Integer when t.StartsWith("smallint", StringComparison.Ordinal) || t.StartsWith("tinyint", StringComparison.Ordinal)
                || t is "int2" or "smallserial" => "integer-small",
            TypeFamily.Integer when t.StartsWith("bigint", StringComparison.Ordinal) || t is "int8" or "bigserial" => "integer-big",
            TypeFamily.Temporal when t.StartsWith("date", StringComparison.Ordinal) && !t.StartsWith("datetime", StringComparison.Ordinal) => "temporal-date",
            TypeFamily.Temporal => "temporal-timestamp",
            _ => family.ToString().ToLowerInvariant(),
        };
    }

    [GeneratedRegex(@"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)", RegexOptions.CultureInvariant)]
    private static partial Regex ArgsPattern();

    /// <summary>Joins tokens for display (tests and diagnostics).</summary>
    internal static string Describe(ColumnModelInput input)
    {
        var sb = new StringBuilder();
        sb.Append(input.Table).Append(" | ").Append(input.Name).Append(" | ").Append(input.TypeFamily).Append('/').Append(input.TypeShape);
        return sb.ToString();
    }
}
