using System.Text;
using System.Text.RegularExpressions;
using Inventory.Model;

namespace Inventory.Demo;

/// <summary>
/// Writes the files the demo ships next to its database: <c>inventory.yml</c> (two sources on the same SQLite file:
/// the platform tables, where the host is controller, and the customer-hosting tables, read as a
/// <c>role: processor</c> source) and one annotation file per table under <c>annotations/</c> (format of
/// ../shared/DESIGN.md §6). The annotations are generated from the same schema as the truth labels, so they agree with
/// them except on the deliberate traps: <see cref="DemoTraps.ContradictedColumn"/> is annotated
/// <see cref="DemoTraps.AnnotatedCategory"/>, and <see cref="DemoTraps.UnannotatedTable"/> gets no file.
/// </summary>
public static partial class DemoAssets
{
    /// <summary>Name of the config file written in the output folder.</summary>
    public const string ConfigFileName = "inventory.yml";

    /// <summary>Name of the policy file written in the output folder: the built-in seed policy of the demo company,
    /// named by the config's <c>policy:</c> (a report or check on any other database gets no policy unless given one).</summary>
    public const string PolicyFileName = "policy.yml";

    /// <summary>Name of the annotations folder written in the output folder.</summary>
    public const string AnnotationsFolder = "annotations";

    /// <summary>
    /// Writes <c>inventory.yml</c>, <c>policy.yml</c> (the seed policy) and <c>annotations/&lt;table&gt;.yml</c> (one per annotated table) into
    /// <paramref name="outDir"/>, each file atomically. The content depends only on the database path: the same
    /// arguments give the same bytes. Existing files of the same names are replaced; other files are left alone.
    /// </summary>
    /// <param name="outDir">Output folder; created when missing.</param>
    /// <param name="databasePath">The demo database the config points at; default
    /// <c>outDir/</c><see cref="DemoDatabase.DefaultFileName"/>. Written as an absolute <c>sqlite:</c> connection
    /// because connections resolve against the working directory, not the config's folder.</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    /// <returns>Full paths of the files written: config, policy, then annotations in table order.</returns>
    /// <exception cref="ArgumentException"><paramref name="outDir"/> is empty.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(string outDir, string? databasePath = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var folder = Path.GetFullPath(outDir);
        var database = Path.GetFullPath(databasePath ?? Path.Combine(folder, DemoDatabase.DefaultFileName));
        var written = new List<string>();
        var config = Path.Combine(folder, ConfigFileName);
        await WriteTextAsync(config, ConfigYaml(database), cancellationToken).ConfigureAwait(false);
        written.Add(config);
        var policy = Path.Combine(folder, PolicyFileName);
        await WriteTextAsync(policy, Inventory.Rules.Policy.PolicyDocument.SeedText(), cancellationToken).ConfigureAwait(false);
        written.Add(policy);
        foreach (var table in DemoSchema.Tables.Where(t => t.Annotated))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = Path.Combine(folder, AnnotationsFolder, table.Name + ".yml");
            await WriteTextAsync(file, AnnotationYaml(table), cancellationToken).ConfigureAwait(false);
            written.Add(file);
        }
        return written;
    }

    private static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, stream => stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).AsTask(), cancellationToken);

    /// <summary>The text of <c>inventory.yml</c> for a database at <paramref name="databasePath"/> (absolute).</summary>
    internal static string ConfigYaml(string databasePath)
    {
        var connection = Quoted("sqlite:" + databasePath.Replace("${", "$${", StringComparison.Ordinal));
        var processor = string.Join(", ", DemoSchema.Tables.Where(t => t.Activity == DemoSchema.ProcessorActivity).Select(t => t.Name));
        var b = new StringBuilder();
        b.Append("# Inventory demo: the database of a French PaaS host (controller in Strasbourg), written by `inventory demo`.\n");
        b.Append("# Both sources read the same SQLite file. The host is controller for the platform tables and processor for\n");
        b.Append("# the tables describing what its customers host: those are catalogued, their values are never sampled.\n");
        b.Append("# The policy of the PaaS host (the tool's built-in seed policy, written out as policy.yml).\n");
        b.Append("sources:\n");
        b.Append("  - name: platform\n");
        b.Append("    provider: sqlite\n");
        b.Append("    connection: ").Append(connection).Append('\n');
        b.Append("    exclude: [").Append(processor).Append("]\n");
        b.Append("    sample: { rows: 500, seed: ").Append(DemoDatabase.DefaultSeed).Append(" }\n");
        b.Append("  - name: customer-hosting\n");
        b.Append("    provider: sqlite\n");
        b.Append("    connection: ").Append(connection).Append('\n');
        b.Append("    include: [").Append(processor).Append("]\n");
        b.Append("    role: processor\n");
        b.Append(AnnotationsFolder).Append(": ").Append(AnnotationsFolder).Append("/\n");
        b.Append("policy: ").Append(PolicyFileName).Append('\n');
        b.Append("# Only annotations tag a column here (no accept-classification-above), so a new table fails the gate.\n");
        b.Append("check: { fail-on: [untagged, conflict, stale, claim] }\n");
        return b.ToString();
    }

    /// <summary>The text of the annotation file of <paramref name="table"/>.</summary>
    internal static string AnnotationYaml(DemoTable table)
    {
        var b = new StringBuilder();
        b.Append("# Annotation of ").Append(table.Name).Append(" (written next to its migration).\n");
        b.Append("table: ").Append(Key(table.Name)).Append('\n');
        b.Append("activity: ").Append(table.Activity).Append('\n');
        if (table.Retention is not null) b.Append("retention: ").Append(Quoted(table.Retention)).Append('\n');
        if (table.SharedWith.Count > 0) b.Append("shared-with: [").Append(string.Join(", ", table.SharedWith)).Append("]\n");
        b.Append("columns:\n");
        int width = table.Columns.Max(c => Key(c.Name).Length) + 1;
        foreach (var c in table.Columns)
        {
            b.Append("  ").Append((Key(c.Name) + ":").PadRight(width + 1)).Append("{ category: ").Append(c.AnnotatedCategory).Append(" }");
            if (c.AnnotatedCategory != c.Category) b.Append("   # unused since the 2021 alerting rewrite");
            b.Append('\n');
        }
        return b.ToString();
    }

    /// <summary>A mapping key: plain when it is a simple identifier that YAML cannot read as anything else, else double-quoted.</summary>
    private static string Key(string name) =>
        PlainKey().IsMatch(name) && name is not ("y" or "n" or "yes" or "no" or "on" or "off" or "true" or "false" or "null") ? name : Quoted(name);

    /// <summary>A YAML double-quoted scalar (backslash and quote escaped).</summary>
    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();
}
