using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>The scan summary printed by <c>scan</c>.</summary>
internal static class ScanSummaryView
{
    /// <summary>Renders the summary of a one-column document (<see cref="InventoryJson.WarmUpDocument"/>) to a console that
    /// discards it, so that the summary a scan prints at its end runs warm: the first rendering of a process pays for
    /// Spectre.Console's table layout, measuring and text-wrapping code cold (type loading, tier-0 code outside
    /// ReadyToRun), which was 60–110 ms of CPU on the serial end of every scan (bench/README.md, 2026-12-03, ninth
    /// session). A scan runs this on a background task while it samples, beside <see cref="InventoryJson.WarmUp"/>.
    /// Thread-safe: the console is its own; nothing is written anywhere.</summary>
    public static void WarmUp()
    {
        var discard = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        discard.Profile.Width = 240;
        Print(discard, InventoryJson.WarmUpDocument());
    }

    /// <summary>Prints the scan summary: tables, columns, columns per category, statuses, issues.</summary>
    public static void Print(IAnsiConsole console, InventoryDocument document)
    {
        // Counted in plain loops over the document's classes: grouping the (source, table, column) tuples of
        // AllColumns() made the ReadyToRun build JIT-compile LINQ's lookups and builders over that tuple (perf43's census).
        int tables = 0, columns = 0;
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var byStatus = new int[StatusCount];
        foreach (var source in document.Sources)
            foreach (var entry in source.Tables)
            {
                tables++;
                foreach (var column in entry.Columns)
                {
                    columns++;
                    var category = column.DataCategory is { } d ? DataCategory.TopLevelOf(d) : "(undecided)";
                    byCategory[category] = byCategory.TryGetValue(category, out var n) ? n + 1 : 1;
                    byStatus[(int)column.Status]++;
                }
            }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("sources", document.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("tables", tables.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("columns", columns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var categories = new List<string>(byCategory.Keys);
        categories.Sort(StringComparer.Ordinal);
        foreach (var category in categories)
            table.AddRow(new Text($"  category {category}"), new Text(byCategory[category].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (int status = 0; status < byStatus.Length; status++)
            if (byStatus[status] > 0)
                table.AddRow(new Text($"  status {((ColumnStatus)status).ToString().ToLowerInvariant()}"), new Text(byStatus[status].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        table.AddRow("scan issues", document.Issues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        // Written as-is, never folded by Spectre.Console at the console's width: a hard line break inside a table or file
        // name breaks it when copied; the terminal wraps a long line itself (polish31).
        foreach (var issue in document.Issues.Take(20))
            console.Write(new RawConsoleText($"  ! {Describe(issue)}\n", new Style(Color.Yellow)));
        if (document.Issues.Count > 20)
            console.Write(new Text($"  … and {document.Issues.Count - 20} more issues (see inventory.json)\n", new Style(Color.Yellow)));
    }

    /// <summary>The number of <see cref="ColumnStatus"/> values (0 to <see cref="ColumnStatus.Conflict"/>, in the order the
    /// summary lists them).</summary>
    private static readonly int StatusCount = Enum.GetValues<ColumnStatus>().Length;

    /// <summary>One scan issue as the console shows it: <c>source table.column: kind: message</c> (table and column
    /// when the issue has them). The message never holds a sampled value or a credential (scan issues are written so).</summary>
    internal static string Describe(ScanIssue issue) =>
        $"{issue.Source}{(issue.Table is null ? "" : " " + issue.Table)}{(issue.Column is null ? "" : "." + issue.Column)}: {issue.Kind}: {issue.Message}";
}
