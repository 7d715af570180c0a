using System.Text.Json;
using Inventory.Model;

namespace Inventory.Reports;

/// <summary>The one vocabulary every report and check format uses for a column's status: <c>tagged</c>,
/// <c>conflict</c>, <c>suggested</c> (classified, not a tag), <c>untagged</c>, and <c>accepted</c> for a suggestion that
/// <c>--accept-classification-above</c> (or <c>check.accept-classification-above</c>) lets count as tagged, so a column
/// the coverage counts as tagged is never listed as merely "suggested".</summary>
internal static class GateStatus
{
    /// <summary>The status name of an accepted suggestion.</summary>
    public const string Accepted = "accepted";

    /// <summary>The column's status as the documents write it.</summary>
    /// <param name="column">A merged column.</param>
    /// <param name="acceptClassificationAbove">The gate's threshold, or null when suggestions are never accepted.</param>
    /// <returns>kebab-case status: tagged, conflict, suggested, accepted or untagged.</returns>
    public static string Of(ColumnEntry column, AcceptanceThresholds? acceptClassificationAbove) =>
        column.Status == ColumnStatus.Suggested && column.CountsAsTagged(acceptClassificationAbove)
            ? Accepted
            : JsonNamingPolicy.KebabCaseLower.ConvertName(column.Status.ToString());
}
