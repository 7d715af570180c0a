using YamlDotNet.Core;

namespace Inventory.Yaml;

/// <summary>
/// Turns the YAML library's syntax errors into messages that say what is wrong in the reader's terms (indentation,
/// a <c>: </c> inside a value, an unclosed bracket or quote) and what to do. The library's own words (<c>While parsing
/// a block mapping, did not find expected key.</c>) name its parser states, not the mistake (trial 22 finding 5). The
/// messages name lines and columns, never the file's text.
/// </summary>
internal static class YamlSyntaxMessage
{
    /// <summary>The message for one syntax error, and where the mistake it names is.</summary>
    /// <param name="error">The library's exception; its start mark is where the error was found.</param>
    /// <param name="text">The YAML text being read.</param>
    /// <param name="parser">The parser, for the collections still open when the error was found.</param>
    /// <returns>A message without position (the caller's error carries file, line and column), starting with
    /// <c>invalid YAML: </c>, and the position an editor should jump to: where the message puts the mistake (the start
    /// of a line indented too deep, an unclosed bracket), else where the library found the error. Trial 30: a line
    /// indented too deep was reported at its value's column (<c>8:16</c>) while the message spoke of column 4.</returns>
    public static YamlSyntaxProblem Describe(YamlException error, string text, CollectionTrackingParser parser)
    {
        var (message, at) = Explain(error, text, parser);
        return new YamlSyntaxProblem(message, at?.Line ?? (int)error.Start.Line, at?.Column ?? (int)error.Start.Column);
    }

    private static (string Message, (int Line, int Column)? At) Explain(YamlException error, string text, CollectionTrackingParser parser)
    {
        var library = WithoutPosition(error.Message);
        int line = (int)error.Start.Line, column = (int)error.Start.Column;
        var lines = text.Split('\n');
        string Line(int n) => n >= 1 && n <= lines.Length ? lines[n - 1].TrimEnd('\r') : "";
        static int Indent(string l) => l.Length - l.TrimStart(' ').Length + 1;
        bool atLineStart = Line(line).Trim().Length > 0 && Indent(Line(line)) == column;

        bool indentation = (library.Contains("did not find expected key", StringComparison.Ordinal) && atLineStart)
            || library.Contains("found invalid mapping", StringComparison.Ordinal) || library.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase);
        var firstKey = indentation ? MisindentedFirstKey(lines, line) : null;
        if (firstKey is { Expected: 0 } both && library.Contains("did not find expected key", StringComparison.Ordinal))
            return ($"invalid YAML: bad indentation: line {line} starts at column {column}, but line {both.Line}, the first key under line {both.Parent}, "
                + $"starts at column {both.Column}: the keys under line {both.Parent} must start at the same column; indent one of the two lines to the other's column", null);
        if (firstKey is { Expected: > 0 } wrong)
            return ($"invalid YAML: bad indentation: line {wrong.Line} starts at column {wrong.Column}, but the keys under line {wrong.Parent} "
                + $"start at column {wrong.Expected} (line {line}), as this file indents by {wrong.Step} spaces; indent line {wrong.Line} to column {wrong.Expected}"
                + (wrong.Children ? " with the lines under it" : ""), (wrong.Line, wrong.Column));
        if (library.Contains("did not find expected key", StringComparison.Ordinal) && atLineStart)
        {
            // The levels of the lines above, innermost first: the nearest line, then each earlier line indented less.
            var levels = new List<string>();
            int limit = int.MaxValue;
            for (int n = line - 1; n >= 1 && limit > 1; n--)
            {
                var above = Line(n);
                if (above.Trim().Length == 0 || above.TrimStart().StartsWith('#') || Indent(above) >= limit) continue;
                limit = Indent(above);
                levels.Add($"column {limit} on line {n}");
            }
            return ($"invalid YAML: bad indentation: line {line} starts at column {column}, which lines up with none of the lines above it"
                + (levels.Count > 0 ? $" ({string.Join(", ", levels)} above)" : "")
                + "; indent it with spaces to the column of the keys it belongs with", null);
        }
        if (library.Contains("did not find expected key", StringComparison.Ordinal))
            return ("invalid YAML: unexpected text after a complete value on this line (a value that starts with a quote must end with it: quote the whole value)", null);
        if (library.Contains("found invalid mapping", StringComparison.Ordinal) || library.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            int previous = line - 1;
            while (previous >= 1 && (Line(previous).Trim().Length == 0 || Line(previous).TrimStart().StartsWith('#'))) previous--;
            if (previous >= 1 && Indent(Line(line)) > Indent(Line(previous)) && !Line(previous).TrimEnd().EndsWith(':'))
                return ($"invalid YAML: bad indentation: line {line} is indented deeper (column {Indent(Line(line))}) than line {previous} (column {Indent(Line(previous))}), "
                    + $"whose key already has a value, so it reads as part of that value; line it up with line {previous}, or end line {previous} with the key and its ':' only",
                    (line, Indent(Line(line))));
            return ("invalid YAML: a ': ' inside a value; put the value in quotes, or, if this is a key, start it on a line of its own", null);
        }
        if (library.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
            return ($"invalid YAML: line {line} is among the items of a list ('- ' lines) but does not start with '- '; a list cannot also hold key: value lines at the same indentation", null);
        if (library.Contains("while parsing a flow", StringComparison.OrdinalIgnoreCase) && parser.OpenFlow is { } open)
        {
            var closer = open.Opener == '{' ? '}' : ']';
            return ($"invalid YAML: the '{open.Opener}' opened at line {open.Start.Line}, column {open.Start.Column} is not closed: add the '{closer}' (items separated by ',')",
                ((int)open.Start.Line, (int)open.Start.Column));
        }
        if (library.Contains("did not find expected node content", StringComparison.Ordinal)
            && (parser.OpenFlow is { } flow ? (flow.Opener, (int)flow.Start.Line, (int)flow.Start.Column) : LastUnclosedBracket(lines, line)) is { } unclosed)
        {
            // A '[' or '{' left open with nothing after it (`sources: [` as the last line, `fail-on: [untagged,`): the
            // parser meets the end of the file where it expects an item (trial28 finding 5).
            var closer = unclosed.Opener == '{' ? '}' : ']';
            return ($"invalid YAML: the '{unclosed.Opener}' opened at line {unclosed.Line}, column {unclosed.Column} is not closed: add the '{closer}' (items separated by ',')",
                (unclosed.Line, unclosed.Column));
        }
        if (library.Contains("quoted scalar", StringComparison.Ordinal) && library.Contains("end of stream", StringComparison.Ordinal))
            return ("invalid YAML: the quote opened here is never closed: end the value with the same quote character", null);
        return ("invalid YAML: " + library, null);
    }

    /// <summary>
    /// The first key of a block when it, not the line where the parser stopped, is the one indented wrong (trial31
    /// finding 9: <c>category:</c> one column short on line 18 was reported at line 19, "indented deeper than line 18").
    /// The parser takes the first key under a <c>key:</c> line as the block's column, so a first key one column short or
    /// deep makes the next, correctly indented key the error. It is the first key that is wrong when (1) it is the only
    /// line at its column between its parent (the nearest <c>key:</c> line above that every line up to the error is
    /// deeper than) and the error line, the lines between being its own children; and (2) the file is regular with the
    /// first key moved to the error line's column and not with the error line moved to the first key's: regular means
    /// every line at a multiple of one step of at least two spaces and every <c>key:</c> line's first line under it one
    /// step deeper. When both moves leave the file regular (too few other lines to tell), either line may be the wrong
    /// one: the result has <c>Expected</c> 0, and the message names both.
    /// </summary>
    /// <param name="lines">The text's lines.</param>
    /// <param name="line">The 1-based line where the parser stopped.</param>
    /// <returns>The wrong line and its column, the parent's line, the column expected, the step and whether the wrong
    /// line has lines under it; or null.</returns>
    private static (int Line, int Column, int Parent, int Expected, int Step, bool Children)? MisindentedFirstKey(string[] lines, int line)
    {
        string Line(int n) => n >= 1 && n <= lines.Length ? lines[n - 1].TrimEnd('\r') : "";
        bool Content(int n) { var t = Line(n).Trim(); return t.Length > 0 && !t.StartsWith('#'); }
        static int Indent(string l) => l.Length - l.TrimStart(' ').Length + 1;
        bool KeyOnly(int n) { var t = Line(n).Trim(); int hash = t.IndexOf(" #", StringComparison.Ordinal); if (hash >= 0) t = t[..hash].TrimEnd(); return t.EndsWith(':') && !t.StartsWith('-'); }
        int NextContent(int n) { for (int m = n + 1; m <= lines.Length; m++) if (Content(m)) return m; return 0; }
        if (!Content(line)) return null;
        int at = Indent(Line(line));

        // The parent: a key-only line above, less indented than every content line from it to the error line. A first key
        // moved left may itself look like the parent of the lines below it, so every such line is tried: the one whose
        // first key, moved, gives the file the coarsest regular step wins (a grid of 4 spaces is less likely by chance than
        // one of 2); else the nearest that leaves both lines in doubt.
        int least = at;
        (int Line, int Column, int Parent, int Expected, int Step, bool Children)? best = null, doubt = null;
        for (int parent = line - 1; parent >= 1; parent--)
        {
            if (!Content(parent)) continue;
            int indent = Indent(Line(parent));
            if (indent < least && KeyOnly(parent) && Candidate(parent) is { } found)
            {
                if (found.Item4 == 0) doubt ??= found;
                else if (best is null || found.Item5 > best.Value.Step) best = found;
            }
            least = Math.Min(least, indent);
            if (indent == 1) break;
        }
        return best ?? doubt;

        (int, int, int, int, int, bool)? Candidate(int parent)
        {
            int first = NextContent(parent);
            if (first == 0 || first >= line) return null;
            int firstAt = Indent(Line(first));
            if (firstAt == at || firstAt <= Indent(Line(parent))) return null;
            bool children = false;
            for (int n = first + 1; n < line; n++)
            {
                if (!Content(n)) continue;
                if (Indent(Line(n)) <= firstAt) return null;
                children = true;
            }
            // Which of the two lines moved leaves the file regular: every line at a multiple of one step of at least two
            // spaces, and every key: line's first line under it one step deeper.
            bool lineMoved = Regular(n => n == line ? firstAt : Indent(Line(n)), out _);
            bool firstMoved = Regular(n => n == first ? at : Indent(Line(n)), out int unit);
            if (firstMoved && !lineMoved) return (first, firstAt, parent, at, unit, children);
            return firstMoved ? (first, firstAt, parent, 0, 0, children) : null;
        }

        bool Regular(Func<int, int> indentOf, out int unit)
        {
            unit = 0;
            for (int n = 1; n <= lines.Length; n++)
                if (Content(n)) unit = Gcd(unit, indentOf(n) - 1);
            if (unit < 2) return false;
            for (int n = 1; n <= lines.Length; n++)
                if (Content(n) && KeyOnly(n) && NextContent(n) is var next and > 0 && indentOf(next) > indentOf(n) && indentOf(next) - indentOf(n) != unit)
                    return false;
            return true;
        }

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    }

    /// <summary>The last '[' or '{' outside quotes and comments that no closer matches, on the lines up to
    /// <paramref name="upTo"/> (1-based line and column), or null.</summary>
    /// <param name="lines">The text's lines.</param>
    /// <param name="upTo">The last line to read (the error's).</param>
    private static (char Opener, int Line, int Column)? LastUnclosedBracket(string[] lines, int upTo)
    {
        var open = new Stack<(char Opener, int Line, int Column)>();
        for (int n = 0; n < Math.Min(upTo, lines.Length); n++)
        {
            char quote = '\0';
            var l = lines[n];
            for (int i = 0; i < l.Length; i++)
            {
                char c = l[i];
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (c is '\'' or '"') quote = c;
                else if (c == '#' && (i == 0 || l[i - 1] is ' ' or '\t')) break;
                else if (c is '[' or '{') open.Push((c, n + 1, i + 1));
                else if (c is ']' or '}' && open.Count > 0) open.Pop();
            }
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    /// <summary>The library's message without its position prefix (<c>(Line: n, Col: m, Idx: i) - (…): </c>, already
    /// in the caller's position) and without the closing period.</summary>
    public static string WithoutPosition(string message)
    {
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
        return text.TrimEnd().TrimEnd('.');
    }
}

/// <summary>A YAML syntax error in the reader's words (<see cref="YamlSyntaxMessage.Describe"/>).</summary>
/// <param name="Message">The message, starting with <c>invalid YAML: </c>, without position.</param>
/// <param name="Line">The 1-based line of the mistake the message names.</param>
/// <param name="Column">The 1-based column of the mistake the message names.</param>
internal sealed record YamlSyntaxProblem(string Message, int Line, int Column);
