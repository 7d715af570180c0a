namespace Inventory.Tests.Cases;

/// <summary>One row of a case's expected.tsv (see ../shared/cases/README.md).</summary>
public sealed record CaseExpectation(string Table, string Column, string Expected, string Note)
{
    /// <summary>Reads expected.tsv (header table, column, expected, note).</summary>
    public static IReadOnlyList<CaseExpectation> Read(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split('\t');
            return new CaseExpectation(f[0], f[1], f[2], f.Length > 3 ? f[3] : "");
        }).ToList();

    /// <summary>The engine names the cases' notes start with when a row belongs to one engine's setup only.</summary>
    public static IReadOnlyList<string> Engines { get; } = ["PostgreSQL", "SQLite", "SQL Server", "MySQL", "MariaDB"];

    /// <summary>True when <paramref name="note"/> starts with an engine name other than <paramref name="engine"/>.</summary>
    public static bool ForOtherEngine(string note, string engine) =>
        Engines.Any(e => e != engine && note.StartsWith(e, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{Table}.{Column} → {Expected}";
}
