namespace Inventory.Connectors.Sampling;

/// <summary>Seeded random key points for samplers that seek rows by key (SQLite rowids, MySQL integer primary keys).</summary>
internal static class RandomKeys
{
    /// <summary>Draws <paramref name="count"/> distinct keys uniformly in [min, max] (requires max − min + 1 &gt; count), sorted.</summary>
    /// <param name="min">Smallest key.</param>
    /// <param name="max">Largest key.</param>
    /// <param name="count">Keys wanted.</param>
    /// <param name="seed">Seed of the stream (see <see cref="SeedFor"/>).</param>
    public static long[] Draw(long min, long max, int count, int seed)
    {
        var random = new Random(seed);
        var picked = new HashSet<long>();
        while (picked.Count < count)
            picked.Add(max < long.MaxValue ? random.NextInt64(min, max + 1) : random.NextInt64(min, max));
        var result = picked.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Combines the seed with the table name (FNV-1a over UTF-16 code units) so each table gets its own
    /// stable stream, independent of the order tables are sampled in.</summary>
    /// <param name="seed">The scan's seed (<c>SampleOptions.Seed</c>).</param>
    /// <param name="table">The table's name.</param>
    public static int SeedFor(int seed, string table)
    {
        uint h = 2166136261;
        foreach (char c in table) { h ^= c; h *= 16777619; }
        return (int)(h ^ (uint)seed);
    }
}
