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
        var columns = document.AllColumns().ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("sources", document.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("tables", document.AllTables().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("columns", columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var group in columns.GroupBy(c => c.Column.DataCategory is { } d ? DataCategory.TopLevelOf(d) : "(undecided)").OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(new Text($"  category {group.Key}"), new Text(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var group in columns.GroupBy(c => c.Column.Status).OrderBy(g => g.Key))
            table.AddRow(new Text($"  status {group.Key.ToString().ToLowerInvariant()}"), new Text(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        table.AddRow("scan issues", document.Issues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        // Written as-is, never folded by Spectre.Console at the console's width: a hard line break inside a table or file
        // name breaks it when copied; the terminal wraps a long line itself (polish31).
        foreach (var issue in document.Issues.Take(20))
            console.Write(new RawConsoleText($"  ! {Describe(issue)}\n", new Style(Color.Yellow)));
        if (document.Issues.Count > 20)
            console.Write(new Text($"  … and {document.Issues.Count - 20} more issues (see inventory.json)\n", new Style(Color.Yellow)));
    }

    /// <summary>One scan issue as the console shows it: <c>source table.column: kind: message</c> (table and column
    /// when the issue has them). The message never holds a sampled value or a credential (scan issues are written so).</summary>
    internal static string Describe(ScanIssue issue) =>
        $"{issue.Source}{(issue.Table is null ? "" : " " + issue.Table)}{(issue.Column is null ? "" : "." + issue.Column)}: {issue.Kind}: {issue.Message}";
}
