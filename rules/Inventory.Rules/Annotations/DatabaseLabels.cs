using System.Text.RegularExpressions;
using Inventory.Catalog;

namespace Inventory.Annotations;

/// <summary>
/// Maps a label the database itself holds to one of our data categories.
/// <list type="bullet">
/// <item>SQL Server sensitivity classification (<c>sys.sensitivity_classifications</c>): the information type is mapped
/// as in DESIGN.md §7 (Contact Info → contact, Name → contact.name, Credit Card → financial.payment_card, Banking →
/// financial.bank_account, Financial → financial, Networking → automatic.ip_address, Credentials →
/// other_personal.credentials, Date Of Birth → other_personal.date_of_birth, National ID and SSN →
/// other_personal.national_id, Health → other_personal.health); the information type <c>Other</c> decides nothing;
/// a label <c>Public</c> without an information type means <c>none</c>.</item>
/// <item>A PostgreSQL (or any) column comment of the structured form <c>inventory: contact.email</c> or
/// <c>category=contact.email</c>, alone on a line of the comment; free-text comments decide nothing.</item>
/// <item>An information type that already is a known data category is taken as-is.</item>
/// </list>
/// </summary>
public static partial class DatabaseLabels
{
    private static readonly Dictionary<string, string> SqlServerTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contact Info"] = "contact",
        ["Name"] = "contact.name",
        ["Credit Card"] = "financial.payment_card",
        ["Banking"] = "financial.bank_account",
        ["Financial"] = "financial",
        ["Networking"] = "automatic.ip_address",
        ["Credentials"] = "other_personal.credentials",
        ["Date Of Birth"] = "other_personal.date_of_birth",
        ["National ID"] = "other_personal.national_id",
        ["SSN"] = "other_personal.national_id",
        ["Health"] = "other_personal.health",
    };

    /// <summary>The data category a database label stands for, or null when it decides nothing.</summary>
    /// <param name="label">The label read by the connector.</param>
    /// <param name="categories">Known categories (a structured comment naming an unknown one decides nothing).</param>
    public static string? Map(DatabaseLabel label, IKnownCategories categories)
    {
        if (label.InformationType is { Length: > 0 } type)
        {
            if (categories.IsKnown(type)) return type;
            if (SqlServerTypes.TryGetValue(type.Trim(), out var mapped)) return mapped;
            if (FromComment(type, categories) is { } fromText) return fromText;
            return null;
        }
        return string.Equals(label.Label?.Trim(), "Public", StringComparison.OrdinalIgnoreCase) ? "none" : null;
    }

    /// <summary>Where a database label comes from, in words a DBA recognises: <c>database comment</c> (a structured
    /// column comment), <c>SQL Server sensitivity classification</c>, else the label's recorded source.</summary>
    /// <param name="label">The label.</param>
    public static string OriginOf(DatabaseLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Source switch
        {
            "comment" => "database comment",
            "sys.sensitivity_classifications" => "SQL Server sensitivity classification",
            var other => other,
        };
    }

    /// <summary>Reads a structured comment: a line that is exactly <c>inventory: x.y</c> or <c>category=x.y</c>
    /// (spaces around the separator allowed) naming a known category.</summary>
    /// <param name="comment">Column comment, or null.</param>
    /// <param name="categories">Known categories.</param>
    /// <returns>The category, or null for a free-text comment or an unknown category.</returns>
    public static string? FromComment(string? comment, IKnownCategories categories)
    {
        if (string.IsNullOrWhiteSpace(comment)) return null;
        foreach (var line in comment.Split('\n'))
        {
            var m = Structured().Match(line.Trim());
            if (m.Success && categories.IsKnown(m.Groups[1].Value)) return m.Groups[1].Value;
        }
        return null;
    }

    [GeneratedRegex(@"^(?:inventory\s*:|category\s*=)\s*([a-z_]+(?:\.[a-z_]+)?)$")]
    private static partial Regex Structured();
}
