namespace Inventory.Reports.Export;

/// <summary>
/// <c>inventory export</c>: writes the effective categories of an inventory as a script for the database's own catalog
/// (SQL Server sensitivity classifications, PostgreSQL or MySQL column comments) or as a Fides dataset. Never connects to
/// a database; the text holds names, categories and comments only, never a sampled value. Deterministic: the same plan
/// gives the same text (no clock).
/// </summary>
public static class LabelExport
{
    /// <summary>The names of the formats, as <c>--format</c> takes them.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["sqlserver-labels", "postgres-comments", "mysql-comments", "fides", "sqlserver-extended-properties"];

    /// <summary>Parses a <c>--format</c> value.</summary>
    /// <param name="name">sqlserver-labels (SQL Server 2019+, Azure SQL), sqlserver-extended-properties (SQL Server
    /// 2012–2017), postgres-comments, mysql-comments (MySQL and MariaDB; also spelt mariadb-comments, as the scan takes
    /// <c>mariadb://</c>) or fides (case-insensitive).</param>
    /// <exception cref="ConfigurationException">Unknown name.</exception>
    public static ExportFormat ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sqlserver-labels" => ExportFormat.SqlServerLabels,
        "postgres-comments" => ExportFormat.PostgresComments,
        "mysql-comments" or "mariadb-comments" => ExportFormat.MySqlComments,
        "fides" => ExportFormat.Fides,
        "sqlserver-extended-properties" => ExportFormat.SqlServerExtendedProperties,
        _ => throw new ConfigurationException($"unknown --format '{name}'; use one of: {string.Join(", ", FormatNames)} (mysql-comments serves MySQL and MariaDB; " +
                                              "sqlserver-extended-properties is SQL Server before 2019)"),
    };

    /// <summary>The database-script format for a provider's own catalog, or null when the engine has none (SQLite).</summary>
    private static ExportFormat? FormatFor(string provider) => provider.ToLowerInvariant() switch
    {
        "sqlserver" => ExportFormat.SqlServerLabels,
        "postgres" => ExportFormat.PostgresComments,
        "mysql" or "mariadb" => ExportFormat.MySqlComments,
        _ => null,
    };

    /// <summary>Renders the plan in one format.</summary>
    /// <param name="plan">Columns to export (<see cref="LabelSelection.Select"/>).</param>
    /// <param name="format">The format.</param>
    /// <returns>The file content (UTF-8 text, <c>\n</c> line ends).</returns>
    /// <exception cref="ConfigurationException">A database script for a source of another provider, or for several
    /// sources at once (a script applies to one database: name one with <c>--source</c>); views asked for
    /// (<see cref="ExportOptions.IncludeViews"/>) in a format whose engine cannot label them.</exception>
    public static string Write(ExportPlan plan, ExportFormat format)
    {
        if (plan.Options.IncludeViews && format is ExportFormat.MySqlComments or ExportFormat.SqlServerLabels or ExportFormat.SqlServerExtendedProperties)
            throw new ConfigurationException($"--include-views applies to postgres-comments and fides: {(format == ExportFormat.MySqlComments
                ? "MySQL and MariaDB change a comment only through ALTER TABLE, which a view refuses"
                : "SQL Server classifies the columns of tables only")}; label the base tables");
        if (format != ExportFormat.Fides)
        {
            string[] providers = format switch
            {
                ExportFormat.SqlServerLabels or ExportFormat.SqlServerExtendedProperties => ["sqlserver"],
                ExportFormat.PostgresComments => ["postgres"],
                _ => ["mysql", "mariadb"],
            };
            if (plan.Sources.Count > 1)
                throw new ConfigurationException($"the inventory holds {plan.Sources.Count} sources ({string.Join(", ", plan.Sources.Select(s => s.Name))}); " +
                                                 "a script applies to one database: name one with --source");
            foreach (var source in plan.Sources.Where(s => !providers.Contains(s.Provider, StringComparer.OrdinalIgnoreCase)))
                throw new ConfigurationException($"source '{source.Name}' was scanned from {source.Provider}; --format {FormatNames[(int)format]} writes " +
                                                 $"statements for {providers[0]}: " + (FormatFor(source.Provider) is { } own
                                                     ? $"use --format {FormatNames[(int)own]}"
                                                     : $"{source.Provider} has no column comments or labels to write to; --format fides carries the labels to a catalog instead"));
        }
        return format switch
        {
            ExportFormat.SqlServerLabels => SqlServerClassificationScript.Write(plan),
            ExportFormat.SqlServerExtendedProperties => SqlServerExtendedPropertiesScript.Write(plan),
            ExportFormat.PostgresComments => PostgresCommentScript.Write(plan),
            ExportFormat.MySqlComments => MySqlCommentScript.Write(plan),
            _ => FidesDataset.Write(plan),
        };
    }
}
