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

    /// <inheritdoc />
    public override string ToString() => $"{Table}.{Column} → {Expected}";
}
