using System.Globalization;
using System.Text.Json.Serialization;
using Inventory.Model;

namespace Inventory.Reports;

/// <summary>One line of a report list over a fleet of tenants (one database or one schema per tenant, same tables): the
/// same <c>table.column</c> (or table) found in several places, said once with where it is, or a single location as
/// before. The full locations stay in <see cref="Locations"/> (the JSON report and the inventory keep every one).</summary>
public sealed class LocationGroup
{
    /// <summary>What the line names: <c>source/table.column</c> for one place, <c>table.column</c> (unqualified table name)
    /// for several.</summary>
    public required string Location { get; init; }
    /// <summary>Where the grouped item is, e.g. <c>in 55 sources (locataire-01 … locataire-55)</c> or <c>in 3 of the 4
    /// schemas of app holding clients (tenant_a, tenant_b, tenant_c)</c>; null for a single location.</summary>
    public string? Where { get; init; }
    /// <summary>The places that hold the table but are not on this line, each with what it holds instead (its column's
    /// category, <c>undecided</c>, or <c>no column x</c>), e.g. <c>locataire-17: contact.name</c>; empty when none or
    /// for a single location.</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];
    /// <summary>Claims with a finding on the line's columns (category cells), in policy order; empty when none.</summary>
    public IReadOnlyList<string> Violates { get; init; } = [];
    /// <summary>True when the line's columns are listed for a category the classifier only suggests (not reviewed); its
    /// members agree, as the detail they are grouped by says it. Written to JSON only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SuggestedOnly { get; init; }
    /// <summary>A claim finding's reason shared by every place of the line (source and schema names replaced by
    /// <c>its source</c> and left out of table names), or null for category cells.</summary>
    public string? Reason { get; init; }
    /// <summary><see cref="Reason"/> as a phrase to write in the record's language (<see cref="ReasonIn"/>), or null when
    /// the reason was given as text. Not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? ReasonPhrase { get; init; }
    /// <summary>The place whose source and schema names a line naming several places takes out of its reason
    /// (<see cref="FleetSummary.Normalise"/>), or null for a line of one place.</summary>
    [JsonIgnore]
    internal FleetSummary.Place? NormalisedFrom { get; init; }
    /// <summary>The reason in a language: <see cref="ReasonPhrase"/> written in it (normalised as <see cref="Reason"/> is,
    /// with the language's words for "its source"), else <see cref="Reason"/>.</summary>
    /// <param name="wording">The language's wording.</param>
    public string? ReasonIn(Language.AnalysisWording wording) => ReasonPhrase is not { } phrase ? Reason
        : NormalisedFrom is { } place ? FleetSummary.Normalise(phrase.In(wording), place, wording.ItsSource) : phrase.In(wording);
    /// <summary>Every full location of the line (<c>source/table.column</c>), in document order.</summary>
    public required IReadOnlyList<string> Locations { get; init; }
    /// <summary>The exceptions as the line ends with them (<c>; not here: locataire-17: contact.name</c>), or "".</summary>
    [JsonIgnore]
    public string NotHere => Exceptions.Count == 0 ? "" : $"; not here: {string.Join(", ", Exceptions)}";
    /// <summary>The lines when one of them names several places, else null: what the JSON report writes beside the full
    /// lists, so that the JSON of an inventory without repeated tables is unchanged.</summary>
    /// <param name="lines">The lines, or null.</param>
    internal static IReadOnlyList<LocationGroup>? FleetOnly(IReadOnlyList<LocationGroup>? lines) =>
        lines is not null && lines.Any(l => l.Where is not null) ? lines : null;

    /// <summary>As <see cref="FleetOnly(IReadOnlyList{LocationGroup})"/> for the lines of the columns not attributed.</summary>
    /// <param name="lines">The lines.</param>
    internal static IReadOnlyList<UnassignedLine>? FleetOnly(IReadOnlyList<UnassignedLine> lines) =>
        lines.Any(l => l.Group.Where is not null) ? lines : null;

    /// <summary>The line as plain text (XLSX cells): location, where, exceptions.</summary>
    [JsonIgnore]
    public string Text => Location + (Where is null ? "" : " " + Where) + NotHere;

    /// <summary><see cref="Where"/> as a phrase to write in the record's language, or null for a single location. Not
    /// written to JSON (which keeps <see cref="Where"/>, its English).</summary>
    [JsonIgnore]
    public Language.Phrase? WherePhrase { get; init; }
    /// <summary><see cref="Exceptions"/> as phrases to write in the record's language (same order). Not written to JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<Language.Phrase> ExceptionPhrases { get; init; } = [];

    /// <summary><see cref="Where"/> in a language (<c>dans 55 sources (locataire-01 … locataire-55)</c>), or null for a
    /// single location.</summary>
    /// <param name="wording">The language's wording.</param>
    public string? WhereIn(Language.AnalysisWording wording) => WherePhrase?.In(wording) ?? Where;

    /// <summary><see cref="NotHere"/> in a language (<c> ; sauf : locataire-17 : contact.name</c>), or "".</summary>
    /// <param name="wording">The language's wording.</param>
    public string NotHereIn(Language.AnalysisWording wording) =>
        ExceptionPhrases.Count == 0 ? NotHere : new Language.Phrase(w => w.NotHere(ExceptionPhrases)).In(wording);

    /// <summary><see cref="Text"/> in a language (XLSX cells).</summary>
    /// <param name="wording">The language's wording.</param>
    public string TextIn(Language.AnalysisWording wording) =>
        Location + (WhereIn(wording) is { } where ? " " + where : "") + NotHereIn(wording);
}

/// <summary>Groups report lists over a fleet: items naming the same unqualified table (and column, path and claim
/// detail) in several sources or schemas become one <see cref="LocationGroup"/> naming the places, with the places that
/// hold the table and are not on the line named as exceptions (trial32 finding 3: 55 tenant sources made every ROPA
/// category cell list 55–110 locations and every claim finding repeat once per tenant). A table name held in one place
/// only keeps its full location, so inventories without repeated tables read as before.</summary>
/// <remarks>Only copies of one table are grouped (session 42): tables of the same name in sources of the same engine
/// whose columns are mostly the same (<see cref="AreCopies"/>). Two applications that both have a <c>users</c> table, or
/// a PostgreSQL <c>app.orders</c> beside a MariaDB <c>orders</c>, are different tables: a line grouping them would read
/// as one table "in 2 sources" and name the other's missing columns as a tenant's gaps, hiding from a DPO which source
/// holds what. Each such table keeps its own <c>source/table.column</c> line in every list and format.</remarks>
internal sealed class FleetSummary
{
    /// <summary>How many places are named one by one; more are written first … last (the exceptions name the gaps).</summary>
    private const int NamedPlaces = 3;
    /// <summary>How many exceptions are named; more are counted.</summary>
    private const int NamedExceptions = 10;

    /// <summary>Place names compared with their digits as numbers (<c>t-9</c> before <c>t-10</c>).</summary>
    private static readonly StringComparer NumberOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

    /// <summary>The places of each family of copies (<see cref="AreCopies"/>), by the family's key.</summary>
    private readonly Dictionary<string, List<Place>> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Table), (Place Place, string Family)> _places = new();

    /// <summary>One table in one source: a tenant's copy of a fleet table.</summary>
    internal sealed record Place(SourceEntry Source, TableEntry Table);

    /// <summary>An item of a list to group.</summary>
    /// <param name="Source">Source name.</param>
    /// <param name="Table">Qualified table name as in the inventory.</param>
    /// <param name="Column">Column name, or null for a table-level item.</param>
    /// <param name="Path">A JSON path after the column, or null.</param>
    /// <param name="Detail">What else must be equal to share a line (a claim's reason, the claims violated), or "".</param>
    /// <param name="Location">The item's full location as the list writes it.</param>
    internal sealed record Item(string Source, string Table, string? Column, string? Path, string Detail, string Location, Language.Phrase? DetailPhrase = null);

    /// <summary>Indexes the tables of an inventory by unqualified name, in families of copies.</summary>
    /// <param name="inventory">The inventory (normalised: document order is the order of the places).</param>
    /// <param name="scope">The tables that take part in the grouping (null: all): a processor activity's tables are
    /// grouped among themselves, so the host's own table of the same name is not named as a tenant that lacks one.</param>
    public FleetSummary(InventoryDocument inventory, Func<SourceEntry, TableEntry, bool>? scope = null)
    {
        // Per table name, each family's first table and its column names (read once, not once per comparison).
        var families = new Dictionary<string, List<(Place First, HashSet<string> Columns)>>(StringComparer.Ordinal);
        foreach (var (s, t) in inventory.AllTables())
        {
            if (scope is not null && !scope(s, t)) continue;
            var place = new Place(s, t);
            var columns = ColumnNames(t);
            if (!families.TryGetValue(t.Name, out var ofName)) families[t.Name] = ofName = [];
            // A table joins the first family whose first table it is a copy of, else starts its own.
            var index = ofName.FindIndex(f => AreCopies(f.First, f.Columns, place, columns));
            if (index < 0)
            {
                index = ofName.Count;
                ofName.Add((place, columns));
            }
            var family = index == 0 ? t.Name : $"{t.Name}\u0002{index}";
            _places[(s.Name, t.QualifiedName)] = (place, family);
            if (!_holders.TryGetValue(family, out var list)) _holders[family] = list = [];
            list.Add(place);
        }
    }

    /// <summary>Whether two tables of the same name are copies of one table (a tenant's and another's): their sources are
    /// of the same engine and at least half of the column names the two hold between them are in both (Jaccard index
    /// ≥ 1/2, names compared case-insensitively). A tenant a migration has not reached yet, or one column short, stays a
    /// copy (3 columns against 2, 6 against 3); two applications' tables that share only <c>id</c>, <c>email</c> and
    /// <c>created_at</c> among 8 are not.</summary>
    /// <param name="a">One table.</param>
    /// <param name="left">Its column names (<see cref="ColumnNames"/>).</param>
    /// <param name="b">The other, of the same unqualified name.</param>
    /// <param name="right">Its column names.</param>
    internal static bool AreCopies(Place a, HashSet<string> left, Place b, HashSet<string> right)
    {
        if (!string.Equals(a.Source.Provider, b.Source.Provider, StringComparison.OrdinalIgnoreCase)) return false;
        if (left.Count == 0 && right.Count == 0) return true;
        var shared = left.Count(right.Contains);
        return 2 * shared >= left.Count + right.Count - shared;
    }

    /// <summary>A table's column names, compared case-insensitively as <see cref="AreCopies"/> compares them.</summary>
    private static HashSet<string> ColumnNames(TableEntry table) =>
        table.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Groups a list's items, in the order of each line's first item.</summary>
    /// <param name="items">The items, in document order.</param>
    /// <param name="describe">What a place not on a line holds instead (for category cells), or null to name it alone.</param>
    /// <param name="violates">The claims violated by a line (category cells), or null.</param>
    /// <param name="reason">The reason of a claim finding as the line shows it (normalised), or null.</param>
    /// <returns>One group per line.</returns>
    public List<LocationGroup> Group(IEnumerable<Item> items, Func<Place, Item, Language.Phrase>? describe = null,
        Func<Item, IReadOnlyList<string>>? violates = null, Func<Item, string>? reason = null, Func<Item, bool>? suggested = null) =>
        GroupWithMembers(items, describe, violates, reason, suggested).Select(x => x.Line).ToList();

    /// <summary>As <see cref="Group"/>, with the positions (in <paramref name="items"/>) of each line's items, for lists
    /// that keep their own objects behind the lines (the gate's findings, a diff's changes).</summary>
    /// <param name="items">The items, in document order.</param>
    /// <param name="describe">What a place not on a line holds instead, or null to name it alone.</param>
    /// <param name="violates">The claims violated by a line, or null.</param>
    /// <param name="reason">The reason of a line as shown (normalised), or null.</param>
    /// <returns>One line per group with its items' positions, in the order of each line's first item.</returns>
    public List<(LocationGroup Line, IReadOnlyList<int> Members)> GroupWithMembers(IEnumerable<Item> items, Func<Place, Item, Language.Phrase>? describe = null,
        Func<Item, IReadOnlyList<string>>? violates = null, Func<Item, string>? reason = null, Func<Item, bool>? suggested = null)
    {
        var lines = new List<(string Key, List<(Item Item, Place? Place)> Members, List<int> Positions)>();
        var byKey = new Dictionary<string, (List<(Item, Place?)> Members, List<int> Positions)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var item in items)
        {
            var (place, family) = _places.GetValueOrDefault((item.Source, item.Table));
            // An item whose table is not in the inventory (or held in one place, or with no copy) keeps its own line.
            var key = place is null || _holders[family].Count < 2
                ? "\u0001" + item.Location + "\u0001" + item.Detail
                : $"{family}\u0001{item.Column}\u0001{item.Path}\u0001{Normalise(item.Detail, place)}";
            if (!byKey.TryGetValue(key, out var line))
            {
                byKey[key] = line = ([], []);
                lines.Add((key, line.Members, line.Positions));
            }
            line.Members.Add((item, place));
            line.Positions.Add(position++);
        }
        return lines.Select(line => (Line(line.Members, describe, violates, reason, suggested), (IReadOnlyList<int>)line.Positions)).ToList();
    }

    /// <summary>A detail with the place's source and schema names taken out, so that the same finding in two tenants reads
    /// the same: <c>source 'locataire-01'</c> becomes <c>its source</c>, <c>tenant_a.</c> before a table name goes.</summary>
    /// <param name="detail">The detail (a claim's reason), or "".</param>
    /// <param name="place">The place it was found in.</param>
    internal static string Normalise(string detail, Place place, string itsSource = "its source")
    {
        if (detail.Length == 0) return detail;
        var text = detail.Replace($"source '{place.Source.Name}'", itsSource, StringComparison.Ordinal);
        return place.Table.Schema.Length == 0 ? text : text.Replace(place.Table.Schema + ".", "", StringComparison.Ordinal);
    }

    private LocationGroup Line(List<(Item Item, Place? Place)> members, Func<Place, Item, Language.Phrase>? describe,
        Func<Item, IReadOnlyList<string>>? violates, Func<Item, string>? reason, Func<Item, bool>? suggested)
    {
        var first = members[0];
        var locations = members.Select(m => m.Item.Location).ToList();
        if (members.Count == 1 || first.Place is null)
            return new LocationGroup
            {
                Location = first.Item.Location, Locations = locations,
                Violates = violates?.Invoke(first.Item) ?? [], Reason = reason?.Invoke(first.Item),
                ReasonPhrase = reason is null ? null : first.Item.DetailPhrase,
                SuggestedOnly = suggested?.Invoke(first.Item) ?? false,
            };
        var table = first.Place.Table.Name;
        var family = _holders[_places[(first.Item.Source, first.Item.Table)].Family];
        var present = members.Select(m => m.Place!).ToHashSet();
        var names = Naming(family);
        // Tenants numbered without padding read in number order (locataire-9 before locataire-10), so that first … last
        // spans the fleet.
        var holders = family.OrderBy(names.Label, NumberOrder).ToList();
        var absent = holders.Where(h => !present.Contains(h)).ToList();
        var here = holders.Where(present.Contains).Select(names.Label).ToList();
        var listed = here.Count <= NamedPlaces ? string.Join(", ", here) : $"{here[0]} … {here[^1]}";
        var (kind, of) = (names.Kind, names.Of);
        int count = here.Count, holding = holders.Count;
        var where = absent.Count == 0 ? new Language.Phrase(w => w.InPlaces(count, kind, of, listed))
            : new Language.Phrase(w => w.InPlacesHolding(count, holding, kind, of, table, listed));
        var exceptions = absent.Take(NamedExceptions).Select(h =>
        {
            var label = names.Label(h);
            if (describe is null) return Language.Phrase.Verbatim(label);
            var holds = describe(h, first.Item);
            return new Language.Phrase(w => w.PlaceHolds(label, holds));
        }).ToList();
        var others = absent.Count - NamedExceptions;
        if (others > 0) exceptions.Add(new Language.Phrase(w => w.AndOthers(others)));
        return new LocationGroup
        {
            Location = first.Item.Column is null ? table : $"{table}.{first.Item.Column}{(first.Item.Path is null ? "" : " " + first.Item.Path)}",
            Where = where.English, WherePhrase = where,
            Exceptions = exceptions.Select(e => e.English).ToList(), ExceptionPhrases = exceptions,
            Locations = locations,
            Violates = violates?.Invoke(first.Item) ?? [],
            Reason = reason is null ? null : Normalise(reason(first.Item), first.Place),
            ReasonPhrase = reason is null ? null : first.Item.DetailPhrase, NormalisedFrom = first.Place,
            SuggestedOnly = suggested?.Invoke(first.Item) ?? false,
        };
    }

    /// <summary>How the places of a table are named: by source when each source holds it once in the same schema, by
    /// schema when one source holds every copy, else <c>source/schema</c>.</summary>
    private static (Func<Place, string> Label, Language.FleetPlaces Kind, string? Of) Naming(List<Place> holders)
    {
        if (holders.Select(h => h.Source.Name).Distinct(StringComparer.Ordinal).Count() == holders.Count)
            return (h => h.Source.Name, Language.FleetPlaces.Sources, null);
        if (holders.All(h => h.Source.Name == holders[0].Source.Name))
            return (h => h.Table.Schema, Language.FleetPlaces.Schemas, holders[0].Source.Name);
        return (h => $"{h.Source.Name}/{h.Table.Schema}", Language.FleetPlaces.Places, null);
    }

    /// <summary>What a place holds instead of a column of a category cell, as a phrase for the record's language: the
    /// column's category (<c>undecided</c> when none), with its activity when the category is the same; <c>no column
    /// x</c> when its table lacks the column; <c>not listed here</c> for a table-level item.</summary>
    /// <param name="place">The place not on the line.</param>
    /// <param name="column">The column's name.</param>
    /// <param name="category">The cell's category.</param>
    internal static Language.Phrase Holds(Place place, string? column, string category)
    {
        if (column is null) return new Language.Phrase(w => w.HoldsNotListed());
        var c = place.Table.Columns.FirstOrDefault(x => x.Name == column);
        if (c is null) return new Language.Phrase(w => w.HoldsNoColumn(column));
        if (c.DataCategory is not { } held) return new Language.Phrase(w => w.HoldsUndecided());
        if (held != category) return Language.Phrase.Verbatim(held);
        var activities = place.Table.ActivityIds().ToList();
        return new Language.Phrase(w => w.HoldsSameCategory(held, activities));
    }
}
