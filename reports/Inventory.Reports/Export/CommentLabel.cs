using System.Text.RegularExpressions;

namespace Inventory.Reports.Export;

/// <summary>
/// The structured line a column comment carries for the label reader (<see cref="Annotations.DatabaseLabels.FromComment"/>):
/// <c>inventory: contact.email</c> alone on a line. Exporting keeps every other line of the existing comment as it is
/// and adds or replaces only that line.
/// </summary>
public static partial class CommentLabel
{
    /// <summary>The comment to write: <paramref name="existing"/> with its first structured label line (<c>inventory: …</c>
    /// or <c>category=…</c>, the two forms the reader accepts) replaced in place by <c>inventory: {category}</c>, other
    /// structured label lines removed (the reader takes the first one, so a stale one must not stay above), and every
    /// other line untouched. Without a structured line, the new line is appended after the existing text (trailing blank
    /// lines dropped).</summary>
    /// <param name="existing">The comment as the scan recorded it, or null.</param>
    /// <param name="category">The data category to record.</param>
    /// <returns>The new comment text (<c>\n</c> line ends where a line was added).</returns>
    public static string Merge(string? existing, string category)
    {
        var label = $"inventory: {category}";
        if (string.IsNullOrWhiteSpace(existing)) return label;
        var lines = existing.Split('\n').ToList();
        int first = lines.FindIndex(IsLabelLine);
        if (first >= 0)
        {
            lines[first] = label;
            for (int i = lines.Count - 1; i > first; i--)
                if (IsLabelLine(lines[i])) lines.RemoveAt(i);
            return string.Join('\n', lines);
        }
        return existing.TrimEnd('\r', '\n', ' ', '\t') + "\n" + label;
    }

    /// <summary>True for a line the reader would take as a structured label (same shape as its pattern).</summary>
    private static bool IsLabelLine(string line) => Structured().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:inventory\s*:|category\s*=)\s*[a-z0-9_]+(?:\.[a-z0-9_]+)?$")]
    private static partial Regex Structured();
}
