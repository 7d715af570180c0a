using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inventory.Catalog;

namespace Inventory.Connectors.Sqlite;

/// <summary>
/// Builds the SQL text the SQLite connector sends, and nothing else (no connection, no I/O), so every statement can be
/// unit-tested. Identifiers always go through <see cref="Quote"/>; values (table names in catalog queries, sample
/// positions, limits) always travel as parameters.
/// </summary>
internal static partial class SqliteDialect
{
    /// <summary>The schema name SQLite gives the main database file.</summary>
    public const string DefaultSchema = "main";

    /// <summary>Quotes an identifier for SQLite: wrapped in <c>"</c>, an embedded <c>"</c> doubled
    /// (SQLite documentation, "SQLite Keywords": a keyword in double quotes is an identifier).</summary>
    /// <param name="identifier">Exact, case-preserved name.</param>
    /// <returns>The quoted identifier, e.g. <c>buyer "nick" name</c> → <c>"buyer ""nick"" name"</c>.</returns>
    public static string Quote(string identifier) => Identifiers.QuoteDouble(identifier);

    /// <summary>Lists tables and views of the main schema, without SQLite's own <c>sqlite_%</c> objects. One row per
    /// relation: type, name, sql. Nothing table-specific is evaluated, so a broken view does not fail it.</summary>
    public const string ListRelations =
        "SELECT type, name, sql FROM main.sqlite_schema " +
        "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

    /// <summary>The shadow tables of SQLite's virtual tables, by module ("The Virtual Table Mechanism Of SQLite" §2.13
    /// shadow tables; the FTS5 documentation's "FTS5 Shadow Tables" §7.1: <c>_data</c>, <c>_idx</c>, <c>_content</c>,
    /// <c>_docsize</c>, <c>_config</c>; FTS3/FTS4: <c>_content</c>, <c>_segments</c>, <c>_segdir</c>, <c>_docsize</c>,
    /// <c>_stat</c>; R*Tree and Geopoly: <c>_node</c>, <c>_parent</c>, <c>_rowid</c>). They hold the virtual table's own
    /// content again (FTS's <c>_content</c> has its columns as <c>c0</c>, <c>c1</c>…) or its index pages: the virtual table
    /// is scanned under its own column names, and its shadow tables are SQLite's storage, like its <c>sqlite_%</c> tables.</summary>
    /// <param name="relations">The main schema's relations: type, name and definition (<see cref="ListRelations"/>).</param>
    /// <returns>The names of the shadow tables among them (ordinal).</returns>
    public static HashSet<string> ShadowTables(IEnumerable<(string Type, string Name, string? Sql)> relations)
    {
        var list = relations.ToList();
        var shadows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, name, sql) in list)
        {
            if (sql is null || Regex.Match(sql, @"^\s*CREATE\s+VIRTUAL\s+TABLE\b.*?\bUSING\s+(\w+)", RegexOptions.IgnoreCase | RegexOptions.Singleline) is not { Success: true } module)
                continue;
            string[] suffixes = module.Groups[1].Value.ToLowerInvariant() switch
            {
                "fts5" => ["_data", "_idx", "_content", "_docsize", "_config"],
                "fts3" or "fts4" => ["_content", "_segments", "_segdir", "_docsize", "_stat"],
                "rtree" or "rtree_i32" or "geopoly" => ["_node", "_parent", "_rowid"],
                _ => [],
            };
            foreach (var suffix in suffixes)
                if (list.Any(r => r.Type == "table" && r.Name == name + suffix)) shadows.Add(name + suffix);
        }
        return shadows;
    }

    /// <summary>Columns of every relation named in the JSON array parameter <c>@names</c>, in one statement:
    /// <c>pragma_table_xinfo</c> (the superset of <c>pragma_table_info</c> that also reports generated columns) as a
    /// table-valued function. Columns: relation, cid, name, type, notnull, pk, hidden.</summary>
    public const string Columns =
        "SELECT n.value AS relation, c.cid, c.name, c.type, c.\"notnull\", c.pk, c.hidden " +
        "FROM json_each(@names) AS n JOIN pragma_table_xinfo(n.value, 'main') AS c ORDER BY n.key, c.cid";

    /// <summary>Columns of one relation (fallback used only when <see cref="Columns"/> fails, to isolate the broken relation).</summary>
    public const string ColumnsOfOne =
        "SELECT @name AS relation, c.cid, c.name, c.type, c.\"notnull\", c.pk, c.hidden FROM pragma_table_xinfo(@name, 'main') AS c ORDER BY c.cid";

    /// <summary>Foreign keys of every table named in the JSON array <c>@names</c>, in one statement.
    /// Columns: relation, id, seq, table, from, to, on_delete.</summary>
    public const string ForeignKeys =
        "SELECT n.value AS relation, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_delete " +
        "FROM json_each(@names) AS n JOIN pragma_foreign_key_list(n.value, 'main') AS f ORDER BY n.key, f.id, f.seq";

    /// <summary>Row estimates from <c>sqlite_stat1</c> (written by <c>ANALYZE</c>): the first integer of <c>stat</c> is
    /// the number of rows of the index (or of the table when <c>idx</c> is null). Columns: tbl, rows.</summary>
    public const string RowEstimates =
        "SELECT tbl, max(CAST(stat AS INTEGER)) FROM main.sqlite_stat1 GROUP BY tbl";

    /// <summary>Type and definition of one relation (used by the sampler). Columns: type, sql.</summary>
    public const string RelationDefinition = "SELECT type, sql FROM main.sqlite_schema WHERE name = @name";

    /// <summary>Maps a declared type to a family with the column-affinity rules of SQLite ("Datatypes In SQLite",
    /// §3.1, applied in order: INT → integer; CHAR/CLOB/TEXT → text; BLOB → binary, empty → untyped;
    /// REAL/FLOA/DOUB → decimal), then refines the NUMERIC-affinity remainder by name: BOOL → boolean,
    /// DATE/TIME → temporal, UUID/GUID/UNIQUEIDENTIFIER → uuid, JSON/XML → document, DEC/NUM/MONEY → decimal,
    /// anything else → other.</summary>
    /// <param name="declaredType">The declared type as written (may be empty).</param>
    public static TypeFamily Family(string declaredType)
    {
        var t = declaredType.Trim().ToUpperInvariant();
        if (t.Length == 0) return TypeFamily.Untyped;
        if (t.Contains("INT", StringComparison.Ordinal)) return TypeFamily.Integer;
        if (t.Contains("CHAR", StringComparison.Ordinal) || t.Contains("CLOB", StringComparison.Ordinal) || t.Contains("TEXT", StringComparison.Ordinal))
            return TypeFamily.Text;
        if (t.Contains("BLOB", StringComparison.Ordinal)) return TypeFamily.Binary;
        if (t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal) || t.Contains("DOUB", StringComparison.Ordinal))
            return TypeFamily.Decimal;
        if (t.Contains("BOOL", StringComparison.Ordinal)) return TypeFamily.Boolean;
        if (t.Contains("DATE", StringComparison.Ordinal) || t.Contains("TIME", StringComparison.Ordinal)) return TypeFamily.Temporal;
        if (t.Contains("UUID", StringComparison.Ordinal) || t.Contains("GUID", StringComparison.Ordinal) || t.Contains("UNIQUEIDENTIFIER", StringComparison.Ordinal))
            return TypeFamily.Uuid;
        if (t.Contains("JSON", StringComparison.Ordinal) || t.Contains("XML", StringComparison.Ordinal)) return TypeFamily.Document;
        if (t.Contains("DEC", StringComparison.Ordinal) || t.Contains("NUM", StringComparison.Ordinal) || t.Contains("MONEY", StringComparison.Ordinal))
            return TypeFamily.Decimal;
        return TypeFamily.Other;
    }

    /// <summary>Maps <c>pragma_foreign_key_list.on_delete</c> (<c>NO ACTION</c>, <c>CASCADE</c>, <c>SET NULL</c>,
    /// <c>SET DEFAULT</c>, <c>RESTRICT</c>) to the model's spelling; unknown text maps to <c>no-action</c>, SQLite's default.</summary>
    public static string OnDelete(string? rule) => rule?.Trim().ToUpperInvariant() switch
    {
        "CASCADE" => "cascade",
        "SET NULL" => "set-null",
        "SET DEFAULT" => "set-default",
        "RESTRICT" => "restrict",
        _ => "no-action",
    };

    /// <summary>True when a <c>CREATE TABLE</c> text declares a table without an implicit rowid: <c>WITHOUT ROWID</c>
    /// among the table options after the closing parenthesis, or a virtual table (whose module decides about rowids).</summary>
    /// <param name="createSql">The <c>sql</c> column of <c>sqlite_schema</c>.</param>
    public static bool LacksRowid(string? createSql)
    {
        if (string.IsNullOrEmpty(createSql)) return true;
        if (VirtualTable().IsMatch(createSql)) return true;
        int close = createSql.LastIndexOf(')');
        return close >= 0 && WithoutRowid().IsMatch(createSql[(close + 1)..]);
    }

    /// <summary>The rowid alias to select: <c>rowid</c>, <c>_rowid_</c> or <c>oid</c>, the first one no declared
    /// column shadows (SQLite docs, "Rowid Tables"); null when all three are taken.</summary>
    /// <param name="columns">The table's columns.</param>
    public static string? RowidAlias(IEnumerable<ColumnInfo> columns)
    {
        var names = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        return new[] { "rowid", "_rowid_", "oid" }.FirstOrDefault(a => !names.Contains(a));
    }

    /// <summary>One result column per sampled column: its value rendered safely according to its storage class
    /// (<c>typeof</c>): blob → byte length, an INTEGER (never the content); real → the REAL itself (formatted by the
    /// client without exponent); integer and text → <c>CAST(… AS TEXT)</c> cut to <c>@maxlen</c> characters, a TEXT;
    /// null → NULL. The result's own storage class (INTEGER, REAL, TEXT or NULL) therefore names the cell's storage
    /// class, so no second column carries it (that halved the columns read and the strings made per sampled row).</summary>
    /// <param name="column">Column name (quoted here).</param>
    /// <param name="alias">Table alias, or null.</param>
    /// <param name="document">True for a document-typed column (declared JSON or XML), cut to <c>@doclen</c> instead
    /// (<see cref="SampleOptions.LengthFor"/>).</param>
    public static string Projection(string column, string? alias, bool document = false)
    {
        var q = (alias is null ? "" : alias + ".") + Quote(column);
        return $"CASE typeof({q}) WHEN 'blob' THEN length({q}) WHEN 'real' THEN {q} WHEN 'null' THEN NULL " +
               $"ELSE substr(CAST({q} AS TEXT), 1, {(document ? "@doclen" : "@maxlen")}) END";
    }

    /// <summary>True when a sample statement over these columns holds <c>@doclen</c> (a document-typed column).</summary>
    public static bool ReadsDocuments(IReadOnlyList<ColumnInfo> columns) => columns.Any(c => c.Family == TypeFamily.Document);

    private static string Projections(IReadOnlyList<ColumnInfo> columns) =>
        string.Join(", ", columns.Select(c => Projection(c.Name, "t", c.Family == TypeFamily.Document)));

    /// <summary>Reads the lowest and highest rowid: two b-tree end seeks, not a scan (SQLite applies its min/max
    /// optimisation only to a query holding a single <c>min()</c> or <c>max()</c>, hence two scalar subqueries).</summary>
    public static string RowidBounds(TableInfo table, string rowid) =>
        $"SELECT (SELECT min({rowid}) FROM {Quote(table.Name)}), (SELECT max({rowid}) FROM {Quote(table.Name)})";

    /// <summary>The number of rows of a table, counted up to <c>@n</c> at most: reads that many rows, never the whole
    /// table. Column: the count.</summary>
    public static string CountUpTo(TableInfo table) =>
        $"SELECT count(*) FROM (SELECT 1 FROM {Quote(table.Name)} LIMIT @n)";

    /// <summary>The first rows of a relation (views, WITHOUT ROWID and virtual tables, small tables): <c>LIMIT @n</c>.</summary>
    public static string SampleFirstRows(TableInfo table, IReadOnlyList<ColumnInfo> columns) =>
        $"SELECT {Projections(columns)} FROM {Quote(table.Name)} AS t LIMIT @n";

    /// <summary>Random rows of a rowid table: for each position in the JSON array <c>@points</c> (random rowids
    /// between min and max), the first row whose rowid is at or above it, found by one b-tree seek. Costs one seek per
    /// point, never a scan; the first result column is the rowid, used to drop the rows two points reach.</summary>
    public static string SampleAtRowids(TableInfo table, IReadOnlyList<ColumnInfo> columns, string rowid)
    {
        var name = Quote(table.Name);
        return $"SELECT t.{rowid}, {Projections(columns)} " +
               $"FROM json_each(@points) AS p CROSS JOIN {name} AS t " +
               $"WHERE t.{rowid} = (SELECT s.{rowid} FROM {name} AS s WHERE s.{rowid} >= p.value ORDER BY s.{rowid} LIMIT 1)";
    }

    /// <summary>The JSON array a statement's <c>json_each</c> parameter reads (relation names, sampled rowids): the very
    /// text <c>JsonSerializer.Serialize</c> writes with its default options (the same writer and escaper,
    /// <c>JavaScriptEncoder.Default</c>), written with <see cref="Utf8JsonWriter"/> directly, so that a scan never builds
    /// System.Text.Json's reflection serializer (its default options, resolver and some forty primitive converters: about
    /// 25 ms of CPU, at the start of every SQLite scan's first catalog read; bench/README.md, 2026-12-06, perf33).</summary>
    /// <param name="texts">The texts.</param>
    public static string JsonArray(IEnumerable<string> texts) => JsonArray(texts, static (writer, text) => writer.WriteStringValue(text));

    /// <summary>The JSON array of integers a statement's <c>json_each</c> parameter reads (see the text overload).</summary>
    /// <param name="numbers">The integers.</param>
    public static string JsonArray(IEnumerable<long> numbers) => JsonArray(numbers, static (writer, number) => writer.WriteNumberValue(number));

    private static string JsonArray<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items) write(writer, item);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Renders a real as invariant text without an exponent (<c>1E+20</c> → <c>100000000000000000000</c>,
    /// <c>1.5E-07</c> → <c>0.00000015</c>), from the shortest round-trip digits; infinities as <c>Infinity</c>/<c>-Infinity</c>.</summary>
    /// <param name="value">A SQLite REAL.</param>
    public static string FormatReal(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        if (e < 0) return r;
        int exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = r[..e];
        bool negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        int dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;   // position of the decimal point in digits
        var sb = new StringBuilder(negative ? "-" : "");
        if (point <= 0) sb.Append("0.").Append('0', -point).Append(digits);
        else if (point >= digits.Length) sb.Append(digits).Append('0', point - digits.Length);
        else sb.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*CREATE\s+VIRTUAL\s+TABLE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VirtualTable();

    [GeneratedRegex(@"\bWITHOUT\s+ROWID\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithoutRowid();
}
