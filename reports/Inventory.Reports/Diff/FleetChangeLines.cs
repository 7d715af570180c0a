using Inventory.Model;

namespace Inventory.Reports.Diff;

/// <summary>Groups a diff's changes over a fleet of tenants (one database or one schema per tenant, same tables) with
/// <see cref="FleetSummary"/>: the same change (kind, old and new value, foreign key, rename hint, conflict) to the same
/// unqualified <c>table.column</c> in several places is one text line naming them, and the places that hold the table
/// without that change are named after <c>not here:</c> with what they have instead (trial33 finding 7: 21
/// <c>+ locataire-NN/utilisateurs.date_naissance</c> lines). Additions and changes are placed in the new inventory,
/// removals in the old one. The JSON keeps one change per location.</summary>
internal sealed class FleetChangeLines
{
    private readonly FleetSummary _old, _current;

    /// <summary>A change as a text line: alone (<see cref="Places"/> null) or the first of several places.</summary>
    /// <param name="Change">The change (the line's first).</param>
    /// <param name="Places">Where the line's changes are, or null for one change.</param>
    internal sealed record ChangeLine(InventoryChange Change, LocationGroup? Places);

    /// <summary>Indexes the places of both inventories.</summary>
    /// <param name="old">The previous inventory.</param>
    /// <param name="new">The current inventory.</param>
    public FleetChangeLines(InventoryDocument old, InventoryDocument @new)
    {
        _old = new FleetSummary(old);
        _current = new FleetSummary(@new);
    }

    /// <summary>The lines of <paramref name="changes"/>, in the order of each line's first change.</summary>
    /// <param name="changes">Changes in the diff's order.</param>
    public IEnumerable<ChangeLine> Lines(IReadOnlyList<InventoryChange> changes)
    {
        var positions = new List<(int First, ChangeLine Line)>();
        var changed = changes.Select(c => (c.Source, c.Table, c.Column, c.Kind)).ToHashSet();
        foreach (var removal in new[] { true, false })
        {
            var part = Enumerable.Range(0, changes.Count).Where(i => IsRemoval(changes[i].Kind) == removal).ToList();
            var items = part.Select(i => Item(changes[i])).ToList();
            foreach (var (line, members) in (removal ? _old : _current).GroupWithMembers(items, (place, item) => Language.Phrase.Verbatim(Instead(place, item, changed))))
                positions.Add((part[members[0]], new ChangeLine(changes[part[members[0]]], line.Where is null ? null : line)));
        }
        return positions.OrderBy(p => p.First).Select(p => p.Line);
    }

    private static bool IsRemoval(ChangeKind kind) =>
        kind is ChangeKind.SourceRemoved or ChangeKind.TableRemoved or ChangeKind.ColumnRemoved or ChangeKind.ForeignKeyRemoved;

    /// <summary>A change as an item to group: a source-level change (no table) keeps its own line.</summary>
    private static FleetSummary.Item Item(InventoryChange c) => new(c.Source, c.Table ?? "\u0000", c.Column, null,
        string.Join("\u0001", c.Kind, c.Old, c.New, c.ForeignKey, c.RenamedFrom, c.Conflict), c.Subject);

    /// <summary>What a place not on a line has instead: <c>no column x</c>, <c>another change</c> (its own line), or
    /// <c>unchanged</c>.</summary>
    private static string Instead(FleetSummary.Place place, FleetSummary.Item item, HashSet<(string, string?, string?, ChangeKind)> changed)
    {
        if (item.Column is not null && place.Table.Columns.All(c => c.Name != item.Column)) return $"no column {item.Column}";
        var kind = Enum.Parse<ChangeKind>(item.Detail[..item.Detail.IndexOf('\u0001', StringComparison.Ordinal)]);
        return changed.Contains((place.Source.Name, place.Table.QualifiedName, item.Column, kind)) ? "another change" : "unchanged";
    }

    /// <summary>A foreign key's text with the change's schema taken out of table names (<c>tenant_a.users</c> → <c>users</c>),
    /// as a fleet line names tables unqualified.</summary>
    /// <param name="foreignKey">The key as <see cref="InventoryChange.ForeignKey"/> writes it.</param>
    /// <param name="change">The change it belongs to.</param>
    internal static string WithoutSchema(string foreignKey, InventoryChange change)
    {
        var dot = change.Table?.LastIndexOf('.') ?? -1;
        return dot <= 0 ? foreignKey : foreignKey.Replace(change.Table![..(dot + 1)], "", StringComparison.Ordinal);
    }
}
