using Inventory.Reports.Language;
using Inventory.Rules.Policy;

namespace Inventory.Reports.Claims;

/// <summary>The outcome of checking one claim against an inventory.</summary>
public enum ClaimVerdict
{
    /// <summary>The inventory backs the claim.</summary>
    Holds,
    /// <summary>At least one finding contradicts the claim.</summary>
    Violated,
    /// <summary>No finding, but coverage (unsampled or unclassified columns, missing annotations) prevents a verdict.</summary>
    Unknown,
}

/// <summary>One piece of evidence for or against a claim: a table or column and why. Holds names, categories,
/// counts and ratios; never a sampled value.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Table">Qualified table name.</param>
/// <param name="Column">Column name, or null for a table-level finding.</param>
/// <param name="DataCategory">The column's data category, or null.</param>
/// <param name="Reason">Why it matters, e.g. "detector.payment-card matched 38 of 40 sampled values (95.0%)".</param>
public sealed record ClaimFinding(string Source, string Table, string? Column, string? DataCategory, string Reason)
{
    /// <summary>A finding whose reason is a <see cref="Language.Phrase"/>: <see cref="Reason"/> is its English, the
    /// record writes it in the report's language.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="column">Column name, or null for a table-level finding.</param>
    /// <param name="dataCategory">The column's data category, or null.</param>
    /// <param name="reason">Why it matters.</param>
    public ClaimFinding(string source, string table, string? column, string? dataCategory, Phrase reason)
        : this(source, table, column, dataCategory, reason.English) => ReasonPhrase = reason;

    /// <summary>The reason as a phrase to write in a language, or null when it was given as text (then
    /// <see cref="Reason"/> is written in every language). Not part of the finding's equality: its English is.</summary>
    public Phrase? ReasonPhrase { get; init; }

    /// <summary>Equal when source, table, column, category and reason (its English) are.</summary>
    public bool Equals(ClaimFinding? other) => other is not null && Source == other.Source && Table == other.Table
        && Column == other.Column && DataCategory == other.DataCategory && Reason == other.Reason;

    /// <summary>The hash of the fields <see cref="Equals(ClaimFinding?)"/> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Source, Table, Column, DataCategory, Reason);

    /// <summary><c>source/table.column</c> (or <c>source/table</c>).</summary>
    public string Location => Column is null ? $"{Source}/{Table}" : $"{Source}/{Table}.{Column}";
}

/// <summary>A claim with its verdict and evidence.</summary>
public sealed record ClaimResult
{
    /// <summary>The claim as the policy states it.</summary>
    public required PolicyClaim Claim { get; init; }
    /// <summary>holds, violated or unknown.</summary>
    public required ClaimVerdict Verdict { get; init; }
    /// <summary>One sentence with counts that explains the verdict, in English (JSON, CSV, SARIF, the console).</summary>
    public required string Summary { get; init; }
    /// <summary><see cref="Summary"/> as a phrase the record writes in its language, or null when the summary was given
    /// as text.</summary>
    public Phrase? SummaryPhrase { get; init; }
    /// <summary>Tables or columns that contradict the claim (empty unless violated), in document order.</summary>
    public IReadOnlyList<ClaimFinding> Findings { get; init; } = [];
    /// <summary>Tables or columns the check could not decide (coverage gaps), in document order.</summary>
    public IReadOnlyList<ClaimFinding> Unresolved { get; init; } = [];
    /// <summary>How many columns (or tables, for table-level checks) the check examined.</summary>
    public int Examined { get; init; }
    /// <summary>The tables a table-level check examined, as <c>source/table</c> (names only, never a value), in
    /// document order, so a reader can see what a verdict rests on (trial 19: "holds for 9 billing tables" named none);
    /// empty for checks that do not list them.</summary>
    public IReadOnlyList<string> ExaminedTables { get; init; } = [];
    /// <summary>The tables the check left out, each with why (a table of a processor activity, an activity the claim
    /// exempts, data the policy keeps as not erasable, a view), as <c>source/table</c> findings without a column, in
    /// document order, so that a verdict says what it does not cover (trial35 finding 7); empty when nothing was left out.
    /// Processor-role sources, outside every claim but <c>customer-data-in-processor-scope</c>, are listed one entry per
    /// source (<c>shop/*</c>, the reason counting its tables), not table by table.</summary>
    public IReadOnlyList<ClaimFinding> Exempted { get; init; } = [];
}
