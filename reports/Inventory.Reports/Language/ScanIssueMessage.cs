using System.Text.RegularExpressions;

namespace Inventory.Reports.Language;

/// <summary>A scan issue's message as a phrase, so that a French record words what the scanner wrote in English (the JSON,
/// the logs and the inventory keep the message unchanged). The scanner writes two messages of its own shape: a source it
/// could not reach (<c>ScanRunner.NotScannedMessage</c>: <c>source not scanned (connection at ORIGIN): DETAIL</c>, the
/// detail being the engine's or driver's own error text) and a shard missing from a merge (<c>InventoryMerge</c>:
/// <c>shard I/N is not among the merged parts: …</c>). Those are read back into their parts; any other message (a
/// connector's timeout or privilege error) is <see cref="AnalysisWording.ScanMessage"/>, written as it is (quoted in
/// French). A message is read into parts only when the English wording of the parts gives it back byte for byte, so the
/// English record is the message as written whatever its shape.</summary>
internal static partial class ScanIssueMessage
{
    /// <summary>The message as a phrase.</summary>
    /// <param name="kind">The issue's kind (<c>connection-failed</c>, <c>shard-missing</c>, <c>timeout</c>…).</param>
    /// <param name="message">The issue's message (safe by construction: never a value or a password).</param>
    public static Phrase Of(string kind, string message)
    {
        Phrase? parsed = null;
        if (kind == "connection-failed" && NotScanned().Match(message) is { Success: true } m)
        {
            var origin = m.Groups["origin"].Success ? m.Groups["origin"].Value : null;
            var detail = m.Groups["detail"].Value;
            parsed = new Phrase(w => w.ConnectionFailedMessage(origin, detail));
        }
        else if (kind == "shard-missing" && ShardMissing().Match(message) is { Success: true } s)
        {
            var shard = s.Groups["shard"].Value;
            var source = s.Groups["source"].Success ? s.Groups["source"].Value : null;
            parsed = new Phrase(w => w.ShardMissingMessage(shard, source));
        }
        return parsed is not null && parsed.English == message ? parsed : new Phrase(w => w.ScanMessage(message));
    }

    [GeneratedRegex(@"^source not scanned(?: \(connection at (?<origin>[^()]*)\))?: (?<detail>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotScanned();

    [GeneratedRegex(@"^shard (?<shard>\S+) is not among the merged parts: (?:its sources or tables are missing from this inventory|source '(?<source>[^']*)', which it held, is missing from this inventory)$", RegexOptions.Singleline)]
    private static partial Regex ShardMissing();
}
