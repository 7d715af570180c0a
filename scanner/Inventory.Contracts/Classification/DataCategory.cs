using System.Diagnostics.CodeAnalysis;

namespace Inventory.Classification;

/// <summary>
/// A data category as written in <c>LABELS.md</c> and the taxonomy: a top level (<c>contact</c>, <c>financial</c>,
/// <c>automatic</c>, <c>customer_content</c>, <c>other_personal</c>, <c>none</c>) and, optionally, a subcategory after
/// one dot (<c>contact.email</c>). This type only knows the syntax and the six top levels; whether a subcategory exists
/// is the taxonomy's question (<c>Inventory.Rules.Taxonomy</c>), since users may extend it.
/// </summary>
/// <remarks>Equality is ordinal on the full text. <c>default(DataCategory)</c> is not a valid category: use
/// <see cref="Parse"/> or <see cref="TryParse"/>.</remarks>
public readonly record struct DataCategory : IComparable<DataCategory>
{
    /// <summary>The six top-level categories, in the order LABELS.md lists them.</summary>
    public static IReadOnlyList<string> TopLevels { get; } =
        ["contact", "financial", "automatic", "customer_content", "other_personal", "none"];

    /// <summary>The category of data that is not personal on its own.</summary>
    public static DataCategory None { get; } = new("none", "none", null);

    private DataCategory(string value, string topLevel, string? subcategory)
    {
        Value = value;
        TopLevel = topLevel;
        Subcategory = subcategory;
    }

    /// <summary>The full text, e.g. <c>contact.email</c> or <c>none</c>.</summary>
    public string Value { get; }

    /// <summary>The top level, e.g. <c>contact</c>.</summary>
    public string TopLevel { get; }

    /// <summary>The subcategory after the dot, or null for a bare top level.</summary>
    public string? Subcategory { get; }

    /// <summary>True for <c>none</c>.</summary>
    public bool IsNone => TopLevel == "none";

    /// <summary>True for every category but <c>none</c>: the columns a DPO must see (LABELS.md counts customer content
    /// as personal data hosted for the customer).</summary>
    public bool IsPersonal => TopLevel is not null && !IsNone;

    /// <summary>Parses <paramref name="text"/> (<c>top</c> or <c>top.sub</c>, lower-case letters, digits and
    /// underscores, top level one of <see cref="TopLevels"/>).</summary>
    /// <exception cref="FormatException">The text is not of that form; the message names the text and the top levels.</exception>
    public static DataCategory Parse(string text) =>
        TryParse(text, out var category)
            ? category
            : throw new FormatException($"'{text}' is not a data category: expected one of {string.Join(", ", TopLevels)}, optionally followed by '.subcategory'.");

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DataCategory category)
    {
        category = default;
        if (string.IsNullOrEmpty(text)) return false;
        var dot = text.IndexOf('.');
        var top = dot < 0 ? text : text[..dot];
        var sub = dot < 0 ? null : text[(dot + 1)..];
        if (!TopLevels.Contains(top, StringComparer.Ordinal)) return false;
        if (sub is not null && (sub.Length == 0 || !sub.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))) return false;
        category = new DataCategory(text, top, sub);
        return true;
    }

    /// <summary>The top level of a category text without validating it: the part before the first dot.</summary>
    public static string TopLevelOf(string text)
    {
        var dot = text.IndexOf('.');
        return dot < 0 ? text : text[..dot];
    }

    /// <summary>True when this category is <paramref name="other"/> or lies under it (<c>contact.email</c> is within
    /// <c>contact</c>).</summary>
    public bool IsWithin(DataCategory other) =>
        Value == other.Value || (other.Subcategory is null && TopLevel == other.TopLevel);

    /// <inheritdoc/>
    public int CompareTo(DataCategory other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    /// <summary>The text form, for writing into documents.</summary>
    public static implicit operator string(DataCategory category) => category.Value;
}
