namespace Inventory.Rules.Learning;

/// <summary>Experimental switches of the first level (session 40, model40), read once from the environment; all off by default.</summary>
internal static class FirstLevelExperiment
{
    /// <summary>INV_M40_NEIGHBOURS=1: the previous and next column names' tokens in the siblings group.</summary>
    public static readonly bool Neighbours = Environment.GetEnvironmentVariable("INV_M40_NEIGHBOURS") == "1";
    /// <summary>INV_M40_TABLE_CHARS=N: character N-grams of the table tokens in the table group.</summary>
    public static readonly int TableCharacters = int.TryParse(Environment.GetEnvironmentVariable("INV_M40_TABLE_CHARS"), out var n) ? n : 0;
    /// <summary>INV_M40_CLASS_WEIGHT=P: example weight (count of none / count of the row's category)^P.</summary>
    public static readonly double ClassWeightPower = double.TryParse(Environment.GetEnvironmentVariable("INV_M40_CLASS_WEIGHT"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;

    /// <summary>Per label, its example weight; null when off.</summary>
    public static IReadOnlyDictionary<string, float>? ClassWeights(IReadOnlyList<ColumnModelInput> inputs)
    {
        if (ClassWeightPower <= 0) return null;
        static string CategoryOf(string label) => label.Split('.')[0];
        var byCategory = inputs.GroupBy(i => CategoryOf(i.Label)).ToDictionary(g => g.Key, g => g.Count());
        double none = byCategory.GetValueOrDefault("none", inputs.Count);
        return inputs.Select(i => i.Label).Distinct().ToDictionary(l => l, l => (float)Math.Pow(none / byCategory[CategoryOf(l)], ClassWeightPower));
    }
}
