using Inventory.Classification;

namespace Inventory.Rules.Evaluation;

/// <summary>How well personal columns are told from <c>none</c>: a column is flagged when its suggestion is a personal
/// category or when it has no suggestion (an untagged column is sent to a human).</summary>
/// <param name="Personal">Gold personal columns (any category but <c>none</c>).</param>
/// <param name="Flagged">Columns flagged.</param>
/// <param name="FlaggedPersonal">Gold personal columns flagged.</param>
public sealed record PersonalVsNone(int Personal, int Flagged, int FlaggedPersonal)
{
    /// <summary>Flagged personal / personal; 0 without personal columns.</summary>
    public double Recall => Personal == 0 ? 0 : (double)FlaggedPersonal / Personal;
    /// <summary>Flagged personal / flagged; 0 when nothing is flagged.</summary>
    public double Precision => Flagged == 0 ? 0 : (double)FlaggedPersonal / Flagged;

    /// <summary>Counts over (gold, suggestion or null) pairs.</summary>
    /// <param name="pairs">Gold label and suggested label (null: untagged) per column.</param>
    public static PersonalVsNone Compute(IEnumerable<(string Gold, string? Predicted)> pairs)
    {
        int personal = 0, flagged = 0, hit = 0;
        foreach (var (gold, predicted) in pairs)
        {
            bool isPersonal = DataCategory.TopLevelOf(gold) != "none";
            bool isFlagged = predicted is null || DataCategory.TopLevelOf(predicted) != "none";
            if (isPersonal) personal++;
            if (isFlagged) flagged++;
            if (isPersonal && isFlagged) hit++;
        }
        return new PersonalVsNone(personal, flagged, hit);
    }
}

/// <summary>Precision and coverage of the suggestions whose confidence falls in one band.</summary>
/// <param name="Low">Lower bound (inclusive).</param>
/// <param name="High">Upper bound (exclusive; the top band includes 1).</param>
/// <param name="Count">Suggestions in the band.</param>
/// <param name="Right">Of which the category is right.</param>
/// <param name="Total">All columns (the coverage's denominator).</param>
public sealed record ConfidenceBand(double Low, double High, int Count, int Right, int Total)
{
    /// <summary>Right / count; 0 for an empty band.</summary>
    public double Precision => Count == 0 ? 0 : (double)Right / Count;
    /// <summary>Count / all columns.</summary>
    public double Coverage => Total == 0 ? 0 : (double)Count / Total;

    /// <summary>Bands ≥ 0.9, 0.8–0.9, …, 0–0.1 (top first), over columns with a suggestion; undecided columns count only in the total.</summary>
    /// <param name="columns">(gold, suggestion or null, confidence) per column.</param>
    public static IReadOnlyList<ConfidenceBand> Compute(IReadOnlyList<(string Gold, string? Predicted, double Confidence)> columns)
    {
        var bands = new List<ConfidenceBand>();
        for (int b = 9; b >= 0; b--)
        {
            double low = b / 10.0, high = (b + 1) / 10.0;
            var inBand = columns.Where(c => c.Predicted is not null && c.Confidence >= low - 1e-9 && (b == 9 || c.Confidence < high - 1e-9)).ToArray();
            bands.Add(new ConfidenceBand(low, high, inBand.Length,
                inBand.Count(c => DataCategory.TopLevelOf(c.Gold) == DataCategory.TopLevelOf(c.Predicted!)), columns.Count));
        }
        return bands;
    }

    /// <summary>The bands of <see cref="Compute"/> per suggested category (<see cref="DataCategory.TopLevels"/> order;
    /// each band's coverage over all columns): whether a confidence means the same whatever the category suggested.</summary>
    /// <param name="columns">(gold, suggestion or null, confidence) per column.</param>
    /// <returns>Suggested category → its bands (top first).</returns>
    public static IReadOnlyList<(string Category, IReadOnlyList<ConfidenceBand> Bands)> ComputeBySuggestedCategory(
        IReadOnlyList<(string Gold, string? Predicted, double Confidence)> columns) =>
        DataCategory.TopLevels.Select(category => (category, Compute(columns.Select(c =>
            c.Predicted is not null && DataCategory.TopLevelOf(c.Predicted) == category ? c : (c.Gold, (string?)null, c.Confidence)).ToArray()))).ToArray();
}
