using System.Globalization;
using System.Text;
using Inventory.Catalog;

namespace Inventory.Connectors.Postgres;

/// <summary>How a sample reads its rows.</summary>
internal enum SampleMethod
{
    /// <summary><c>TABLESAMPLE SYSTEM (p) REPEATABLE (seed)</c>: random pages, for big tables.</summary>
    System,
    /// <summary><c>TABLESAMPLE BERNOULLI (p) REPEATABLE (seed)</c>: random rows over a whole (mid-size) table.</summary>
    Bernoulli,
    /// <summary>A plain <c>LIMIT n</c> read: small tables (read whole), views and foreign tables (cannot be TABLESAMPLEd).</summary>
    Limit,
}

/// <summary>A sampling query and how it chose its rows.</summary>
/// <param name="Sql">The SELECT; it takes no parameters.</param>
/// <param name="Method">The method.</param>
/// <param name="Percent">Percentage passed to TABLESAMPLE, or null for <see cref="SampleMethod.Limit"/>.</param>
/// <param name="Description">Human text for <see cref="TableSample.Method"/>, e.g. <c>tablesample system(0.02) repeatable(42)</c>.</param>
internal sealed record SamplePlan(string Sql, SampleMethod Method, double? Percent, string Description);

/// <summary>
/// Builds the SQL text the PostgreSQL connector sends; it never talks to a server, so every statement can be checked
/// by unit tests. Identifiers are always quoted with <see cref="Identifiers.QuoteDouble(string)"/>; values (oids,
/// names used as <c>regclass</c>) go as parameters; only numbers we computed (limits, percentages, milliseconds,
/// seed) are written into the text, formatted with the invariant culture.
/// </summary>
internal sealed class PostgresDialect
{
    /// <summary>Tables with fewer estimated rows than this many times the sample size are not TABLESAMPLEd with SYSTEM
    /// (page sampling of a small table returns too few, clustered rows).</summary>
    public const int SystemThresholdFactor = 10;

    /// <summary>TABLESAMPLE asks for this many times the wanted rows, so an optimistic estimate or the page-count variance of SYSTEM still fills the
    /// sample; the surplus is cut by <c>LIMIT</c> after a deterministic shuffle (<c>hashtext(ctid::text)</c>).</summary>
    public const double Oversampling = 4.0;

    /// <summary>Assumed heap bytes per row of a never-analysed table: tuple header plus 8 bytes a column
    /// (PostgreSQL's heap tuple header is 23 bytes plus the line pointer's 4; see the storage page layout docs).</summary>
    public static double AssumedRowBytes(int columns) => 28 + 8.0 * Math.Max(1, columns);

    /// <summary>PostgreSQL's default block size in bytes.</summary>
    public const int BlockSize = 8192;

    /// <summary>Catalog query 1: every relation a user can hold data in (tables, partitioned tables, views, materialized
    /// views, foreign tables) outside the system schemas (<c>pg_*</c> names are reserved for them, and
    /// <c>information_schema</c>). Columns: oid, schema, name, kind (relkind letter), row estimate (null when never
    /// analysed), root (oid of the top partitioned parent for a partition, else null), comment, may select (table level),
    /// schema usage (the connected role's USAGE on the schema: without it no relation of the schema can be read, whatever
    /// its table grants), role name (<c>current_user</c>, for the GRANT hint of an unreadable relation), row security
    /// (true when row-level security policies filter what the role reads of a table: enabled on it and not bypassed, as
    /// <c>row_security_active</c> decides — a superuser, a role with BYPASSRLS, or the owner without FORCE ROW LEVEL
    /// SECURITY reads every row).
    /// Nothing here opens or locks a relation, so an excluded broken view is never touched.</summary>
    public string RelationsSql => """
        SELECT c.oid::int8 AS oid,
               n.nspname::text AS schema_name,
               c.relname::text AS relation_name,
               c.relkind::text AS kind,
               CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::int8 END AS row_estimate,
               CASE WHEN c.relispartition THEN pg_catalog.pg_partition_root(c.oid)::int8 END AS root_oid,
               d.description AS comment,
               pg_catalog.has_table_privilege(c.oid, 'SELECT') AS may_select,
               pg_catalog.has_schema_privilege(n.oid, 'USAGE') AS schema_usage,
               current_user::text AS role_name,
               c.relrowsecurity AND pg_catalog.row_security_active(c.oid) AS row_security
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND n.nspname <> 'information_schema'
          AND n.nspname NOT LIKE 'pg\_%'
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>Catalog query 1b, run only when the scan keeps views or materialized views: each one's <c>_RETURN</c>
    /// rule as text (<c>pg_rewrite.ev_action</c>, the parsed SELECT whose target entries carry <c>:resorigtbl</c> and
    /// <c>:resorigcol</c>, the relation and column each output column shows as it is, see <see cref="PostgresRuleTree"/>)
    /// and the columns the rule depends on (<c>pg_depend</c>, column-level entries), named: oid, attnum, schema, relation
    /// and column arrays in step. One query for every view of the scan, whatever their number (no N+1); the views are
    /// given as parameter <c>@views</c> (int8[]). <c>information_schema.view_column_usage</c> is not used: it lists the
    /// columns a view uses anywhere (its WHERE included), not which output column reads which, and it omits
    /// materialized views. Reads system catalogs only: no view is opened or locked.</summary>
    public string ViewLineageSql => """
        SELECT r.ev_class::int8 AS view_oid,
               r.ev_action::text AS rule_tree,
               u.oids, u.attnums, u.schemas, u.relations, u.columns
        FROM pg_catalog.pg_rewrite r
        CROSS JOIN LATERAL (
            SELECT pg_catalog.array_agg(d.refobjid::int8) AS oids,
                   pg_catalog.array_agg(d.refobjsubid::int4) AS attnums,
                   pg_catalog.array_agg(n.nspname::text) AS schemas,
                   pg_catalog.array_agg(c.relname::text) AS relations,
                   pg_catalog.array_agg(a.attname::text) AS columns
            FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid AND NOT a.attisdropped
            WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
              AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0
        ) u
        WHERE r.ev_class = ANY(@views::oid[]) AND r.rulename = '_RETURN'
        """;

    /// <summary>Catalog query 2: the live columns (<c>attnum &gt; 0</c>, not dropped) of the relations whose oids are
    /// given as parameter <c>@oids</c> (int8[]), with the declared type as <c>format_type</c> spells it, the base type
    /// of a domain (followed through nested domains) for the type family, nullability, generation (and a generated
    /// column's expression, <c>pg_get_expr</c> of its <c>pg_attrdef</c> row, read by <see cref="GenerationExpression"/>
    /// for the columns it reads) and comment; rows come
    /// in no particular order (the caller orders by <c>attnum</c>: sorting 20,000 rows server-side spilled to disk).
    /// <c>may_select</c> is the connected role's column-level SELECT privilege for the relations listed in
    /// <c>@unselectable</c> (int8[]: those the role may not SELECT as a whole, query 1), and null for the others, whose
    /// columns are all readable: <c>has_column_privilege</c> is the costly part of this query on thousands of columns,
    /// so it runs only where the table-level privilege is missing.</summary>
    public string ColumnsSql => """
        WITH RECURSIVE dom(oid, base) AS (
            SELECT t.oid, t.typbasetype FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
            UNION ALL
            SELECT dom.oid, t.typbasetype FROM dom JOIN pg_catalog.pg_type t ON t.oid = dom.base WHERE t.typtype = 'd'
        ), root AS (
            SELECT dom.oid, dom.base FROM dom JOIN pg_catalog.pg_type t ON t.oid = dom.base WHERE t.typtype <> 'd'
        )
        SELECT a.attrelid::int8 AS oid,
               a.attnum::int4 AS attnum,
               a.attname::text AS column_name,
               pg_catalog.format_type(a.atttypid, a.atttypmod) AS declared_type,
               bt.typname::text AS base_type,
               bt.typcategory::text AS base_category,
               a.attnotnull AS not_null,
               a.attgenerated::text <> '' AS generated,
               d.description AS comment,
               CASE WHEN a.attrelid = ANY(@unselectable::oid[])
                    THEN pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'SELECT') END AS may_select,
               et.typname::text AS element_type,
               et.typcategory::text AS element_category,
               CASE WHEN a.attgenerated::text <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generation
        FROM pg_catalog.pg_attribute a
        LEFT JOIN root r ON r.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
        JOIN pg_catalog.pg_type bt ON bt.oid = COALESCE(r.base, a.atttypid)
        LEFT JOIN pg_catalog.pg_type et ON bt.typcategory = 'A' AND pg_catalog.left(bt.typname, 1) = '_' AND et.oid = bt.typelem
        WHERE a.attrelid = ANY(@oids::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        """;

    /// <summary>Catalog query 3: primary keys and foreign keys declared on the relations in <c>@oids</c> (int8[]), with
    /// key columns in key order (each key's names read by one index probe of <c>pg_attribute</c> on relation and
    /// attribute number) and the delete rule letter (<c>confdeltype</c>). Foreign-key clones that PostgreSQL
    /// adds for partitions (<c>conparentid &lt;&gt; 0</c>) are skipped.</summary>
    public string ConstraintsSql => """
        SELECT con.conrelid::int8 AS oid,
               con.contype::text AS kind,
               con.conname::text AS name,
               ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
                     ORDER BY pg_catalog.array_position(con.conkey, a.attnum)) AS columns,
               fn.nspname::text AS ref_schema,
               fc.relname::text AS ref_table,
               ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = con.confrelid AND a.attnum = ANY(con.confkey)
                     ORDER BY pg_catalog.array_position(con.confkey, a.attnum)) AS ref_columns,
               con.confdeltype::text AS on_delete
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE con.contype IN ('p', 'f') AND con.conparentid = 0 AND con.conrelid = ANY(@oids::oid[])
        ORDER BY con.conrelid, con.contype DESC, con.conname
        """;

    /// <summary>Size in bytes of a relation (a partitioned table: the sum of its partitions), for tables that were
    /// never analysed. Parameter <c>@relation</c>: the quoted qualified name, cast to regclass by the server.</summary>
    public string RelationSizeSql => """
        SELECT CASE WHEN c.relkind = 'p'
                    THEN (SELECT COALESCE(sum(pg_catalog.pg_relation_size(t.relid)), 0) FROM pg_catalog.pg_partition_tree(c.oid) t)
                    ELSE pg_catalog.pg_relation_size(c.oid) END::int8
        FROM pg_catalog.pg_class c WHERE c.oid = @relation::regclass
        """;

    /// <summary>The row filter of a relation whose row-level security policies apply to the connected role, with the
    /// statements that let a scan read every row (PostgreSQL documentation, "Row Security Policies": superusers, roles
    /// with BYPASSRLS and the table's owner, unless FORCE ROW LEVEL SECURITY, are not subject to them).</summary>
    /// <param name="role">The connected role (<c>current_user</c>).</param>
    /// <returns>The filter.</returns>
    public static RowFilter RowSecurityFilter(string role) => new("policies",
        $"give the scanning role every row: ALTER ROLE {Identifiers.QuoteDouble(role)} BYPASSRLS (or scan as the table's owner when row security is not forced)");

    /// <summary>What the connected role lacks to read a relation, with the statements that grant it (PostgreSQL
    /// reference, "GRANT": a role needs USAGE on a schema to reach any object in it, and SELECT on the relation or on
    /// some of its columns to read them). Names are quoted, so the statements run as printed.</summary>
    /// <param name="schema">The relation's schema.</param>
    /// <param name="relation">The relation's name.</param>
    /// <param name="role">The connected role (<c>current_user</c>).</param>
    /// <param name="schemaUsage">True when the role holds USAGE on the schema.</param>
    /// <param name="maySelect">True when the role may SELECT the relation or at least one of its columns.</param>
    /// <returns>Null when the role may read the relation; otherwise the missing privileges, USAGE first.</returns>
    public static MissingAccess? MissingAccessTo(string schema, string relation, string role, bool schemaUsage, bool maySelect)
    {
        if (schemaUsage && maySelect) return null;
        var grants = new List<string>();
        var missing = new List<string>();
        if (!schemaUsage)
        {
            missing.Add($"USAGE on schema {schema}");
            grants.Add($"GRANT USAGE ON SCHEMA {Identifiers.QuoteDouble(schema)} TO {Identifiers.QuoteDouble(role)}");
        }
        if (!maySelect)
        {
            missing.Add("SELECT on the table");
            grants.Add($"GRANT SELECT ON {Identifiers.QuoteDouble(schema, relation)} TO {Identifiers.QuoteDouble(role)}");
        }
        return new MissingAccess("the connected role lacks " + string.Join(" and ", missing), grants);
    }

    /// <summary>Opens a read-only transaction with per-statement and lock timeouts (<c>SET LOCAL</c>: they end with it).</summary>
    /// <param name="options">Timeouts; values are written as whole milliseconds (at least 1).</param>
    /// <param name="repeatableRead">True for one snapshot over several statements (the catalog read).</param>
    /// <returns>Statements to run in order, before anything else in the transaction.</returns>
    public IReadOnlyList<string> BeginReadOnly(SampleOptions options, bool repeatableRead = false) =>
    [
        repeatableRead ? "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN TRANSACTION READ ONLY",
        "SET LOCAL statement_timeout = " + Milliseconds(options.StatementTimeout),
        "SET LOCAL lock_timeout = " + Milliseconds(options.LockTimeout),
    ];

    private static string Milliseconds(TimeSpan t) =>
        Math.Max(1L, (long)Math.Ceiling(t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The <see cref="ColumnInfo.SamplingHint"/> of an <c>hstore</c> column (also through a domain).</summary>
    public const string HstoreHint = "hstore";

    /// <summary>The select-list expression of one column: binary columns give only their byte length
    /// (<c>octet_length(c)::int8</c>, never the bytes); plain text columns are cut server-side; an <c>hstore</c> column is
    /// rendered as a JSON object (the extension's own cast to <c>jsonb</c>), so its keys are read path by path like a
    /// <c>jsonb</c> column's (trial 32: its text form <c>"email"=&gt;"…"</c> was read as free text, and the e-mail
    /// address in it went unseen); every other type is rendered by the server with <c>::text</c> (so infinite or BC
    /// dates, reg*, ranges, arrays, enums, int2vector never meet a .NET type conversion) and cut.</summary>
    /// <param name="column">A readable column.</param>
    /// <param name="maxLength">Characters kept (<see cref="SampleOptions.MaxValueLength"/>), at least 1.</param>
    public string ColumnExpression(ColumnInfo column, int maxLength)
    {
        var q = Identifiers.QuoteDouble(column.Name);
        if (column.Family == TypeFamily.Binary) return $"pg_catalog.octet_length({q})::int8";
        var max = Math.Max(1, maxLength).ToString(CultureInfo.InvariantCulture);
        if (column.SamplingHint == HstoreHint) return $"pg_catalog.left({q}::jsonb::text, {max})";
        return IsPlainText(column.DeclaredType)
            ? $"pg_catalog.left({q}, {max})"
            : $"pg_catalog.left({q}::text, {max})";
    }

    /// <summary>True for the built-in character types that Npgsql reads as strings without conversion.</summary>
    public static bool IsPlainText(string declaredType) =>
        declaredType == "text" || declaredType.StartsWith("character varying", StringComparison.Ordinal);

    /// <summary>Chooses how to sample a table and builds the SELECT.</summary>
    /// <param name="table">The table (its kind decides whether TABLESAMPLE is allowed).</param>
    /// <param name="columns">The readable columns to select, in order; not empty.</param>
    /// <param name="rowEstimate">Estimated rows: catalog statistics, or a size-based guess; null when unknown.</param>
    /// <param name="options">Sample size, seed, value length.</param>
    /// <returns>The plan: <see cref="SampleMethod.Limit"/> for views, foreign tables, unknown or small tables
    /// (estimate &lt; rows); BERNOULLI up to <see cref="SystemThresholdFactor"/>× rows; SYSTEM above.</returns>
    public SamplePlan PlanSample(TableInfo table, IReadOnlyList<ColumnInfo> columns, long? rowEstimate, SampleOptions options)
    {
        int n = Math.Max(1, options.Rows);
        bool canTableSample = table.Kind is TableKind.Table or TableKind.MaterializedView or TableKind.PartitionedTable;
        if (!canTableSample)
        {
            var why = table.Kind == TableKind.View ? "view" : "foreign table";
            return new SamplePlan(LimitSql(table, columns, options), SampleMethod.Limit, null, $"limit {n} ({why})");
        }
        if (rowEstimate is null)
            return new SamplePlan(LimitSql(table, columns, options), SampleMethod.Limit, null, $"limit {n} (no statistics)");
        if (rowEstimate.Value <= n)
            return new SamplePlan(LimitSql(table, columns, options), SampleMethod.Limit, null, "full (small table)");
        var method = rowEstimate.Value < (long)SystemThresholdFactor * n ? SampleMethod.Bernoulli : SampleMethod.System;
        return TableSamplePlan(table, columns, method, PercentFor(n, rowEstimate.Value), options);
    }

    /// <summary>The TABLESAMPLE percentage that returns about <see cref="Oversampling"/>× <paramref name="rows"/> rows of a
    /// table of <paramref name="estimate"/> rows, between 0.0001 and 100.</summary>
    public static double PercentFor(int rows, long estimate) =>
        Math.Clamp(Math.Round(Oversampling * rows * 100.0 / Math.Max(1, estimate), 4, MidpointRounding.AwayFromZero), 0.0001, 100);

    /// <summary>A TABLESAMPLE plan with a given percentage (used for the retry after a too-small sample).</summary>
    /// <param name="table">A table, partitioned table or materialized view.</param>
    /// <param name="columns">Columns to select.</param>
    /// <param name="method">System or Bernoulli.</param>
    /// <param name="percent">0.0001 to 100.</param>
    /// <param name="options">Sample size, seed, value length.</param>
    /// <exception cref="InvalidOperationException">The table is a view or a foreign table (no TABLESAMPLE there).</exception>
    public SamplePlan TableSamplePlan(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleMethod method, double percent, SampleOptions options)
    {
        if (table.Kind is TableKind.View or TableKind.ForeignTable || method == SampleMethod.Limit)
            throw new InvalidOperationException("TABLESAMPLE applies only to tables and materialized views");
        var p = Math.Clamp(percent, 0.0001, 100).ToString("0.####", CultureInfo.InvariantCulture);
        var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
        var name = method == SampleMethod.System ? "system" : "bernoulli";
        var relation = Identifiers.QuoteDouble(table.Schema, table.Name);
        var sample = $"TABLESAMPLE {name.ToUpperInvariant()} ({p}) REPEATABLE ({seed})";
        var limit = Math.Max(1, options.Rows).ToString(CultureInfo.InvariantCulture);
        // The sampled pages come back in physical order; a deterministic shuffle (a hash of the row's ctid) before
        // LIMIT keeps the tail of the sample from being dropped. hashtext is used rather than md5: same determinism,
        // no hex formatting, about half the cost per row.
        var sql = new StringBuilder().Append("SELECT ").Append(SelectList(columns, options)).Append(" FROM ").Append(relation);
        if (method == SampleMethod.System && table.Kind != TableKind.PartitionedTable)
        {
            // SYSTEM returns Oversampling× the wanted rows: shuffle and cut their ctids only, then fetch the kept rows by
            // ctid (a TID scan, one statement so one snapshot), so the select list — casts, left() — is computed for the
            // kept rows alone and the sort carries 6-byte ctids instead of whole rows. Same rows as shuffling the rows.
            // Not for partitioned tables, whose ctids repeat across partitions.
            sql.Append(" WHERE ctid = ANY (ARRAY(SELECT ctid FROM ").Append(relation).Append(' ').Append(sample)
                .Append(" ORDER BY pg_catalog.hashtext(ctid::text) LIMIT ").Append(limit).Append("))");
        }
        else
        {
            sql.Append(' ').Append(sample).Append(" ORDER BY pg_catalog.hashtext(ctid::text) LIMIT ").Append(limit);
        }
        return new SamplePlan(sql.ToString(), method, double.Parse(p, CultureInfo.InvariantCulture), $"tablesample {name}({p}) repeatable({seed})");
    }

    private string LimitSql(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options) =>
        "SELECT " + SelectList(columns, options) + " FROM " + Identifiers.QuoteDouble(table.Schema, table.Name)
        + " LIMIT " + Math.Max(1, options.Rows).ToString(CultureInfo.InvariantCulture);

    private string SelectList(IReadOnlyList<ColumnInfo> columns, SampleOptions options)
    {
        if (columns.Count == 0) throw new ArgumentException("a sample selects at least one column", nameof(columns));
        return string.Join(", ", columns.Select(c => ColumnExpression(c, options.LengthFor(c))));
    }

    /// <summary>Maps a base type to its family. Input: <c>pg_type.typname</c> and <c>typcategory</c> of the column's
    /// type after following domains to their base type. Source of the categories: the PostgreSQL documentation of
    /// <c>pg_type.typcategory</c> (A array, B boolean, D date/time, N numeric, S string, T timespan, I network, U user, …).</summary>
    /// <param name="baseType">Base type name, e.g. <c>int4</c>, <c>varchar</c>, <c>_text</c>.</param>
    /// <param name="category">One-letter type category.</param>
    public static TypeFamily FamilyOf(string baseType, string category) => baseType switch
    {
        "int2" or "int4" or "int8" => TypeFamily.Integer,
        "numeric" or "float4" or "float8" or "money" => TypeFamily.Decimal,
        "bool" => TypeFamily.Boolean,
        "uuid" => TypeFamily.Uuid,
        "bytea" => TypeFamily.Binary,
        "json" or "jsonb" or "xml" => TypeFamily.Document,
        "inet" or "cidr" or "macaddr" or "macaddr8" => TypeFamily.Network,
        "citext" => TypeFamily.Text,
        _ => category switch
        {
            "S" => TypeFamily.Text,
            "D" or "T" => TypeFamily.Temporal,
            // N also holds oid and the reg* types: identifiers, not quantities.
            _ => TypeFamily.Other,
        },
    };

    /// <summary>Maps <c>pg_constraint.confdeltype</c> to the model's delete rule.</summary>
    /// <param name="code">a, r, c, n or d.</param>
    public static string DeleteRule(string code) => code switch
    {
        "c" => "cascade",
        "n" => "set-null",
        "d" => "set-default",
        "r" => "restrict",
        _ => "no-action",
    };

    /// <summary>Maps <c>pg_class.relkind</c> to a table kind.</summary>
    /// <param name="relkind">r, p, v, m or f.</param>
    public static TableKind KindOf(string relkind) => relkind switch
    {
        "p" => TableKind.PartitionedTable,
        "v" => TableKind.View,
        "m" => TableKind.MaterializedView,
        "f" => TableKind.ForeignTable,
        _ => TableKind.Table,
    };
}
