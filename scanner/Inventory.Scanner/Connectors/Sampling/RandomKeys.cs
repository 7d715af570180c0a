namespace Inventory.Connectors.Sampling;

/// <summary>Seeded random key points for samplers that seek rows by key (SQLite rowids, MySQL integer primary keys).</summary>
internal static class RandomKeys
{
    /// <summary>Draws <paramref name="count"/> distinct keys uniformly in [min, max] (requires max − min + 1 &gt; count), sorted.</summary>
    /// <param name="min">Smallest key.</param>
    /// <param name="max">Largest key.</param>
    /// <param name="count">Keys wanted.</param>
    /// <param name="seed">Seed of the stream (see <see cref="SeedFor"/>).</param>
    /// <returns>The keys in ascending order: the first <paramref name="count"/> distinct values of the seeded stream.</returns>
    public static long[] Draw(long min, long max, int count, int seed)
    {
        var random = new Random(seed);
        // A range of fewer than 64 keys per key wanted (a table's rowids: the usual case) is marked in a bit per key
        // instead of a hash set, no larger than the result itself: the same draws in the same order, so the same keys,
        // read back in order without a sort (the set's hashing and the sort were 1.7 % of a 60-source scan's CPU,
        // bench/README.md, perf47).
        if (max >= min && count > 0 && Span(min, max) / 64 < (ulong)count)
        {
            var marked = new ulong[Span(min, max) / 64 + 1];
            for (int drawn = 0; drawn < count;)
            {
                long key = max < long.MaxValue ? random.NextInt64(min, max + 1) : random.NextInt64(min, max);
                ulong offset = unchecked((ulong)(key - min));
                ref ulong word = ref marked[offset >> 6];
                ulong bit = 1UL << (int)(offset & 63);
                if ((word & bit) != 0) continue;
                word |= bit;
                drawn++;
            }
            var keys = new long[count];
            int k = 0;
            for (int w = 0; w < marked.Length; w++)
                for (ulong word = marked[w]; word != 0; word &= word - 1)
                    keys[k++] = unchecked(min + (long)((ulong)w * 64 + (ulong)System.Numerics.BitOperations.TrailingZeroCount(word)));
            return keys;
        }
        var picked = new HashSet<long>(Math.Max(count, 0));
        while (picked.Count < count)
            picked.Add(max < long.MaxValue ? random.NextInt64(min, max + 1) : random.NextInt64(min, max));
        var result = picked.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>The distance <paramref name="max"/> − <paramref name="min"/> as an unsigned number: exact for every
    /// min ≤ max, the whole range of <c>long</c> included (2^64 − 1), where the key count max − min + 1 itself would
    /// overflow. Computed without <see cref="Int128"/>: ReadyToRun leaves any method doing <see cref="Int128"/>
    /// arithmetic to the JIT (its layout is not stable across versions; crossgen2 --verbose: "Abi unstable type"), and
    /// the SQLite and MySQL sampling loops were such methods (bench/README.md, 2026-12-06, perf33).</summary>
    /// <param name="min">Smallest key.</param>
    /// <param name="max">Largest key, at least <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static ulong Span(long min, long max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return unchecked((ulong)(max - min));
    }

    /// <summary>True when [<paramref name="min"/>, <paramref name="max"/>] holds more than <paramref name="count"/>
    /// keys (max − min + 1 &gt; count, without overflow: see <see cref="Span"/>); false for an empty range (max &lt; min).</summary>
    /// <param name="min">Smallest key.</param>
    /// <param name="max">Largest key.</param>
    /// <param name="count">Keys wanted.</param>
    public static bool HoldsMoreThan(long min, long max, int count) =>
        max >= min && (count < 0 || Span(min, max) >= (ulong)count);

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
