using System.Text.RegularExpressions;
using Inventory.Model;

namespace Inventory.Reports.Check;

/// <summary>One line of the gate's text (and GitHub) output: one finding, or over a fleet of tenants (one database or one
/// schema per tenant, same tables) the same finding in several places, said once with where it is (trial33 finding 7:
/// 66 warnings for 3 distinct claim findings over 22 tenants). The findings behind the line stay one per location in
/// <see cref="Findings"/>, as the JSON, SARIF and JUnit outputs write them.</summary>
public sealed record FindingLine
{
    /// <summary>The line's first finding (its kind, failing and baselined state, hint and location are every member's).</summary>
    public CheckFinding First => Findings[0];
    /// <summary>Every finding of the line, in the gate's order; one for a line that names one place.</summary>
    public required IReadOnlyList<CheckFinding> Findings { get; init; }
    /// <summary>Where the line's findings are: <see cref="LocationGroup.Where"/> (<c>in 21 of the 22 sources holding
    /// utilisateurs (locataire-01 … locataire-22)</c>) and the places not on it (<see cref="LocationGroup.Exceptions"/>);
    /// null for a line of one finding.</summary>
    public LocationGroup? Places { get; init; }
    /// <summary>The message as the line shows it: the findings' message with the source and schema names taken out
    /// (<see cref="FleetSummary.Normalise"/>) for a grouped line, else the finding's own.</summary>
    public required string Message { get; init; }
    /// <summary>The hint as the line shows it: the members' common suggestion or claim text; when the suggestions differ
    /// only in their confidences and evidence counts, the category alone with a pointer to the per-location outputs.</summary>
    public string? Hint { get; init; }

    /// <summary>The key the line starts with: the finding's key, or for a grouped line <c>table.column in … ; not here: …</c>.</summary>
    public string Key => Places is { } p ? $"{p.Location} {p.Where}{p.NotHere}" : First.Key;
}

/// <summary>Groups the gate's findings over a fleet into <see cref="FindingLine"/>s with <see cref="FleetSummary"/>:
/// findings of the same kind and state (failing, warning, baselined) on the same unqualified table and column, whose
/// messages read the same once the source and schema names are taken out, share a line. Findings without a source
/// (invalid annotation files) or on a table held in one place keep their own line.</summary>
internal static partial class FindingLines
{
    /// <summary>The lines of <paramref name="findings"/>, in the order of each line's first finding.</summary>
    /// <param name="document">The inventory the findings are about (which places hold which tables).</param>
    /// <param name="findings">The findings, sorted as the gate sorts them.</param>
    /// <returns>One line per finding when no table is held in several places.</returns>
    public static IReadOnlyList<FindingLine> Of(InventoryDocument document, IReadOnlyList<CheckFinding> findings)
    {
        var fleet = new FleetSummary(document);
        var items = findings.Select(f => new FleetSummary.Item(f.Source ?? "", f.Table, f.Column, null, Detail(f), f.Key)).ToList();
        return fleet.GroupWithMembers(items, reason: item => item.Detail).Select(x =>
        {
            var members = x.Members.Select(i => findings[i]).ToList();
            if (x.Line.Where is null)
                return new FindingLine { Findings = members, Message = members[0].Message, Hint = CheckWriters.Hint(members[0]) };
            var hints = members.Select(CheckWriters.Hint).Distinct(StringComparer.Ordinal).ToList();
            return new FindingLine
            {
                Findings = members, Places = x.Line,
                // One message: the members'; messages that differ only in their confidences: the shared wording.
                Message = members.Select(m => m.Message).Distinct(StringComparer.Ordinal).Count() == 1 ? members[0].Message
                    : x.Line.Reason is { } reason ? reason[(reason.IndexOf(Separator, StringComparison.Ordinal) + 1)..] : members[0].Message,
                Hint = hints.Count == 1 ? hints[0]
                    : $"{SuggestedCategory(hints[0])} in each (confidence and evidence per source: --format json lists each)",
            };
        }).ToList();
    }

    private const char Separator = '\u0001';

    /// <summary>What must be equal to share a line, the message last (the line shows it): kind, state, the suggested
    /// category (not its confidence or evidence counts, which vary per tenant), a claim, and a stale entry's place.</summary>
    private static string Detail(CheckFinding f) =>
        string.Join("\u0002", CheckWriters.KindId(f.Kind), f.Failing, f.Baselined, f.ClaimId, f.ClaimText, SuggestedCategory(CheckWriters.Hint(f)),
            f.Kind == FindingKind.Stale ? f.Location.ToString() : "") + Separator + BelowThreshold().Replace(f.Message, "classification confidence is below ");

    /// <summary>The gate's <c>classification confidence 0.75 is below 0.9</c> (CheckGate), whose confidence varies per
    /// tenant as the suggestion's does: without it the tenants share a line (trial45: <c>users.role in 3 of the 8 sources
    /// …; not here: blog-02, blog-03, …</c> then <c>users.role in 2 of the 8 sources (blog-02, blog-03)</c>, each line
    /// calling the other's failing tenants "not here").</summary>
    [GeneratedRegex(@"classification confidence [0-9.]+ is below ", RegexOptions.CultureInvariant)]
    private static partial Regex BelowThreshold();

    /// <summary><c>suggested: contact.email</c> of <c>suggested: contact.email (0.97) — detector.email 48/50</c>; any other
    /// hint whole.</summary>
    private static string? SuggestedCategory(string? hint)
    {
        if (hint is null) return null;
        var cut = hint.IndexOf(" (", StringComparison.Ordinal);
        return hint.StartsWith("suggested: ", StringComparison.Ordinal) && cut > 0 ? hint[..cut] : hint;
    }
}
