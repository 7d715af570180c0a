using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>
/// A schema-per-tenant application holds the same table in one schema (a MariaDB database, a PostgreSQL or SQL Server
/// schema) per tenant. Scanned as one source, each tenant's copy was a table of its own, and <c>annotate</c> wrote one stub
/// per tenant per table (trial45: 30 tenant databases on one MariaDB server gave 153 stub files, the same fleet as 30
/// sources 42). This finds, in one source, a table name held by at least <see cref="MinimumTenants"/> schemas with the same
/// columns (names and declared types, in order) and none annotated, and the <c>schema.table</c> glob of
/// <see cref="TableNamePattern"/> that covers them: the schemas' common prefix and suffix around a <c>*</c>, cut back to a
/// separator (<c>_</c>, <c>-</c>, <c>$</c>) or past trailing/leading digits so the next tenant (<c>tenant_31</c>) matches
/// too. The glob is used only when every table it matches in the source is one of these unannotated copies: a copy whose
/// columns differ (a migration not applied there: it shares at least half of the tenants' column names) is listed in
/// <see cref="Group.Differing"/> and gets a stub of its own holding only what differs; when the glob would cover an
/// annotated copy or a table that only shares the name, every copy keeps its own stub as before.
/// </summary>
public static class TenantSchemaGlob
{
    /// <summary>The fewest schemas holding a table with the same columns for one glob stub to cover them.</summary>
    public const int MinimumTenants = 3;

    /// <summary>One glob stub's tables.</summary>
    /// <param name="Glob">The <c>table:</c> value, such as <c>tenant_*.clients</c>.</param>
    /// <param name="Members">The copies with the same columns, in document order; the first gives the stub's suggestions.</param>
    /// <param name="Differing">The other unannotated copies the glob matches (their columns differ).</param>
    public sealed record Group(string Glob,
        IReadOnlyList<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> Members,
        IReadOnlyList<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> Differing);

    /// <summary>The glob groups among the unannotated tables of a plan.</summary>
    /// <param name="unannotated">Tables without annotation, each with the columns its stub would list (the same source
    /// object for all tables of a source).</param>
    /// <param name="shape">The key under which two copies have the same columns.</param>
    /// <returns>The groups, in the order their first member appears.</returns>
    public static IReadOnlyList<Group> Find(IEnumerable<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> unannotated,
        Func<TableEntry, ColumnEntry[], string> shape)
    {
        var groups = new List<Group>();
        foreach (var bucket in unannotated.Where(p => p.Entry.Schema.Length > 0)
                     .GroupBy(p => (p.Source, p.Entry.Name), SourceAndName.Instance))
            if (OfBucket(bucket.ToList(), bucket.Key.Source.Tables.Where(t => t.Name == bucket.Key.Name), shape) is { } group)
                groups.Add(group);
        return groups;
    }

    /// <summary>The glob group of one table name in one source, from the places <c>annotate</c> would stub.</summary>
    /// <param name="places">The source's unannotated copies of the table name.</param>
    /// <param name="sameName">Every table of the source with that name, annotated or not.</param>
    /// <param name="shape">The key under which two copies have the same columns.</param>
    /// <returns>The group, or null when fewer than <see cref="MinimumTenants"/> copies agree, no safe glob exists, or
    /// the glob would cover a table outside <paramref name="places"/>.</returns>
    public static Group? OfBucket(IReadOnlyList<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> places,
        IEnumerable<TableEntry> sameName, Func<TableEntry, ColumnEntry[], string> shape)
    {
        if (places.Count < MinimumTenants) return null;
        var largest = places.GroupBy(p => shape(p.Entry, p.Missing), StringComparer.Ordinal)
            .Select(g => g.ToList()).OrderByDescending(g => g.Count).First();
        if (largest.Count < MinimumTenants) return null;
        var name = largest[0].Entry.Name;
        if (!Plain(name) || SchemaGlob(largest.Select(p => p.Entry.Schema).ToArray()) is not { } schemaGlob) return null;
        var glob = $"{schemaGlob}.{name}";
        var pattern = TableNamePattern.Of(glob)!;
        var stubbed = places.Select(p => p.Entry).ToHashSet(ReferenceEqualityComparer.Instance);
        var matched = sameName.Where(pattern.Matches).ToArray();
        if (matched.Any(t => !stubbed.Contains(t))) return null;
        var members = largest.Select(p => p.Entry).ToHashSet(ReferenceEqualityComparer.Instance);
        var differing = places.Where(p => !members.Contains(p.Entry) && matched.Contains(p.Entry, ReferenceEqualityComparer.Instance)).ToArray();
        // A copy a migration missed shares most of the tenants' columns; a table that only shares the name (the
        // application's own `public.users` beside `*.users` of the tenants) must not take the glob's entries.
        var columns = largest[0].Entry.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (differing.Any(p => p.Entry.Columns.Count(c => columns.Contains(c.Name)) * 2 < columns.Count)) return null;
        return new Group(glob, largest, differing);
    }

    /// <summary>The schema part of the glob: the common prefix and suffix around <c>*</c> (<c>shop_*</c>,
    /// <c>*_eu</c>, <c>*</c>), each cut back to a separator, or past digits when it has none. Null when a schema name
    /// holds a character a glob or a qualified name gives meaning to.</summary>
    private static string? SchemaGlob(string[] schemas)
    {
        if (!schemas.All(Plain)) return null;
        var prefix = schemas.Aggregate((a, b) => a[..CommonPrefix(a, b)]);
        var rests = schemas.Select(s => s[prefix.Length..]).ToArray();
        var suffix = rests.Aggregate((a, b) => a[^CommonSuffix(a, b)..]);
        var cutPrefix = prefix.LastIndexOfAny(Separators);
        prefix = cutPrefix >= 0 ? prefix[..(cutPrefix + 1)] : prefix.TrimEnd(Digits);
        var cutSuffix = suffix.IndexOfAny(Separators);
        suffix = cutSuffix >= 0 ? suffix[cutSuffix..] : suffix.TrimStart(Digits);
        return $"{prefix}*{suffix}";
    }

    private static readonly char[] Separators = ['_', '-', '$'];
    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    /// <summary>True when a name can stand in a glob as itself: no <c>*</c>, <c>?</c>, quote, dot, white space or
    /// control character.</summary>
    private static bool Plain(string name) =>
        name.Length > 0 && !name.Any(c => c is '*' or '?' or '"' or '.' || char.IsWhiteSpace(c) || char.IsControl(c));

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    private static int CommonSuffix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)]) n++;
        return n;
    }

    /// <summary>Groups places by their source object and table name.</summary>
    private sealed class SourceAndName : IEqualityComparer<(SourceEntry Source, string Name)>
    {
        public static readonly SourceAndName Instance = new();
        public bool Equals((SourceEntry Source, string Name) x, (SourceEntry Source, string Name) y) =>
            ReferenceEquals(x.Source, y.Source) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);
        public int GetHashCode((SourceEntry Source, string Name) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Source), StringComparer.Ordinal.GetHashCode(key.Name));
    }
}
