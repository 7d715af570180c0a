using System.Globalization;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on the names of the organisation's own machines (issue 10 item 6: a server's
/// host name is configuration; a user's device name is not).</summary>
public sealed partial class RuleClassifier
{
    // Words of a machine's name in a column name (hostname, host_name, server_name, node, fqdn).
    private static readonly HashSet<string> HostTokens = new(StringComparer.Ordinal)
        { "hostname", "host", "hosts", "server", "servername", "node", "machine", "fqdn", "instance", "serveur", "servidor", "rechnername" };

    /// <summary>A column named for a host, server, node or machine (name rule <c>name.en.host-name</c>, or a name rule of an
    /// infrastructure table) whose sampled values are host names (RFC 1123 labels of letters, digits and hyphens,
    /// dot-separated, no space; ≥ 90 % of at least two values, each with a digit, a hyphen or a dot) is <c>none</c>: the
    /// organisation's configuration, decided by the values. A rental platform's <c>host_name</c> holding "Jane Doe" has
    /// spaces and is left to the other rules, as is every column without values (names alone cannot tell the two
    /// apart: a <c>hostname</c> phrase matches <c>host_name</c>).</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private static ColumnClassification? HostNames(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is { } named && named != "none") return null;
        if (!AnyIn(name.Tokens, HostTokens) || name.Gates.Count > 0) return null;
        int tested = 0, hosts = 0;
        foreach (var v in column.Values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            if (IsHostName(v.AsSpan().Trim())) hosts++;
        }
        if (tested < 2 || hosts < 0.9 * tested) return null;
        evidence.Insert(0, new EvidenceItem("sample", "sample.host-names", "none", hosts, tested, Math.Round((double)hosts / tested, 4),
            string.Create(CultureInfo.InvariantCulture, $"{hosts} of {tested} values are host names (RFC 1123): the organisation's machines, configuration")));
        return Decide("none", 0.85, evidence);
    }

    private static bool IsHostName(ReadOnlySpan<char> value)
    {
        if (value.Length is < 2 or > 253) return false;
        bool marked = false;
        int label = 0;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (label == 0) return false;
                label = 0;
                marked = true;
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            if (char.IsAsciiDigit(c) || c == '-') marked = true;
            if (++label > 63) return false;
        }
        return label > 0 && marked;
    }
}
