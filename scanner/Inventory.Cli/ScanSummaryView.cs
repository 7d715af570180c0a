using Inventory.Classification;
using Inventory.Model;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>The scan summary printed by <c>scan</c>.</summary>
internal static class ScanSummaryView
{
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
        foreach (var issue in document.Issues.Take(20))
            console.Write(new Text($"  ! {issue.Source}{(issue.Table is null ? "" : " " + issue.Table)}{(issue.Column is null ? "" : "." + issue.Column)}: {issue.Kind}: {issue.Message}\n", new Style(Color.Yellow)));
        if (document.Issues.Count > 20)
            console.Write(new Text($"  … and {document.Issues.Count - 20} more issues (see inventory.json)\n", new Style(Color.Yellow)));
    }
}
