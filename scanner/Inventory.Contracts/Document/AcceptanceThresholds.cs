using System.Globalization;

namespace Inventory.Model;

/// <summary>
/// The confidence at or above which a suggestion counts as tagged (<c>check.accept-classification-above</c>): one number
/// for every category, or one per category (<c>contact: 0.9</c>, <c>financial.bank_account: 0.97</c>, <c>none: 0.8</c>)
/// with an optional <c>default</c> for the categories the map does not name. The most specific entry applies: the
/// suggested category itself, else its top level, else the default; a category with none of them is not accepted at any
/// confidence (its columns need an annotation), as with no threshold at all.
/// </summary>
public sealed record AcceptanceThresholds
{
    private static readonly IReadOnlyDictionary<string, double> NoCategories = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The threshold of categories the map does not name, or null (they are never accepted).</summary>
    public double? Default { get; init; }

    /// <summary>Thresholds by category (<c>contact</c>) or subcategory (<c>contact.email</c>); empty for a single number.</summary>
    public IReadOnlyDictionary<string, double> ByCategory { get; init; } = NoCategories;

    /// <summary>One threshold for every category.</summary>
    /// <param name="threshold">0 to 1.</param>
    public static AcceptanceThresholds Uniform(double threshold) => new() { Default = threshold };

    /// <summary>One threshold for every category, or null for none.</summary>
    /// <param name="threshold">0 to 1, or null.</param>
    public static AcceptanceThresholds? Uniform(double? threshold) => threshold is { } t ? Uniform(t) : null;

    /// <summary>A single number reads as one threshold for every category (<see cref="Uniform(double)"/>).</summary>
    /// <param name="threshold">0 to 1.</param>
    public static implicit operator AcceptanceThresholds(double threshold) => Uniform(threshold);

    /// <summary>True when one number applies to every category.</summary>
    public bool IsUniform => ByCategory.Count == 0;

    /// <summary>The threshold that applies to a suggested category: its own entry, else its top level's, else
    /// <see cref="Default"/>.</summary>
    /// <param name="dataCategory">The suggested category (<c>contact.email</c>, <c>none</c>), or null.</param>
    /// <returns>The threshold, or null when none applies (the suggestion is never accepted).</returns>
    public double? For(string? dataCategory)
    {
        if (dataCategory is null) return Default;
        if (ByCategory.TryGetValue(dataCategory, out var exact)) return exact;
        int dot = dataCategory.IndexOf('.');
        if (dot > 0 && ByCategory.TryGetValue(dataCategory[..dot], out var top)) return top;
        return Default;
    }

    /// <summary>How outputs state it: <c>0.9</c> for one number, else the entries in the order of their names and the
    /// default last: <c>contact 0.9, financial 0.95, none 0.8, default 0.9</c> (without <c>default</c> when there is none).</summary>
    public string Text => IsUniform
        ? Number(Default ?? 0)
        : string.Join(", ", ByCategory.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {Number(e.Value)}")
            .Concat(Default is { } d ? [$"default {Number(d)}"] : []));

    /// <summary>The threshold of a category as outputs state it (<c>0.95</c>), or <c>none</c> when none applies.</summary>
    /// <param name="dataCategory">The suggested category, or null.</param>
    public string TextFor(string? dataCategory) => For(dataCategory) is { } t ? Number(t) : "none";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
