using System.Globalization;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Reports;

/// <summary>One schema path of a JSON document column, for the report (C28: "path-level evidence is kept and can be
/// addressed in the report"): the path's effective category and who decided it. Never a value.</summary>
public sealed class JsonPathRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>The path (<c>$.customer.email</c>).</summary>
    public required string Path { get; init; }
    /// <summary>The path's effective category (its annotation's, else what the scan found), or "" when none.</summary>
    public required string Category { get; init; }
    /// <summary>Who decided it: <c>annotation FILE:LINE</c>, the detector with its counts (<c>detector.email 40/40</c>) or
    /// the name rule of the key; "" when nothing did.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>The rows of a column's paths (<see cref="ColumnEntry.Paths"/> after the annotation merge), in scan order.</summary>
    /// <param name="location"><c>source/table.column</c>.</param>
    /// <param name="column">The column.</param>
    /// <returns>Empty for a column without JSON paths.</returns>
    public static IEnumerable<JsonPathRow> Of(string location, ColumnEntry column)
    {
        if (column.Paths is not { Count: > 0 } paths) yield break;
        var found = column.Classification?.JsonPaths?.Named.ToDictionary(p => p.Path, StringComparer.Ordinal) ?? [];
        foreach (var path in paths)
        {
            string decidedBy;
            if (path.Origin == Origin.Annotation && path.Annotation is { } a)
                decidedBy = $"annotation {a.File}:{a.Line.ToString(CultureInfo.InvariantCulture)}";
            else if (path.DataCategory is not null && found.TryGetValue(path.Path, out var f) && f.Id is { } id)
                decidedBy = f.Matched is { } m && f.Total is { } t
                    ? $"{id} {m.ToString(CultureInfo.InvariantCulture)}/{t.ToString(CultureInfo.InvariantCulture)}"
                    : id;
            else decidedBy = "";
            yield return new JsonPathRow { Location = location, Path = path.Path, Category = path.DataCategory ?? "", DecidedBy = decidedBy };
        }
    }
}
