using Inventory.Connectors.Sampling;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>The key-range arithmetic of the key samplers (SQLite rowids, MySQL integer keys), computed without
/// <see cref="Int128"/> so that ReadyToRun precompiles the sampling loops (bench/README.md, perf33): the same answers as
/// the 128-bit arithmetic it replaced, over the edges of <c>long</c> and generated ranges.</summary>
public sealed class RandomKeysTests
{
    private static readonly long[] Edges =
        [long.MinValue, long.MinValue + 1, int.MinValue, -1_000_000, -2, -1, 0, 1, 2, 3, 99, 100, 101, 1_000_000, int.MaxValue, long.MaxValue - 1, long.MaxValue];

    private static readonly int[] Counts = [-1, 0, 1, 2, 3, 99, 100, 101, 1_000, int.MaxValue];

    private static IEnumerable<(long Min, long Max)> Ranges()
    {
        foreach (var min in Edges)
            foreach (var max in Edges)
                yield return (min, max);
        var random = new Random(20261206);
        for (int i = 0; i < 20_000; i++)
        {
            long a = random.NextInt64(long.MinValue, long.MaxValue), b = i % 3 == 0 ? a + random.Next(0, 5_000) : random.NextInt64(long.MinValue, long.MaxValue);
            if (i % 3 == 0 && b < a) b = long.MaxValue;   // a + n wrapped
            yield return (a, b);
        }
    }

    [Test]
    public void HoldsMoreThan_EdgesAndGeneratedRanges_SameAsInt128Arithmetic()
    {
        int checkedPairs = 0, more = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (var (min, max) in Ranges())
                foreach (var count in Counts)
                {
                    if (max < min && count < 0) continue;   // an empty range: false here, (max - min + 1 > count) for 128 bits
                    bool expected = max >= min && (Int128)max - min + 1 > count;
                    var actual = RandomKeys.HoldsMoreThan(min, max, count);
                    if (actual != expected) Assert.Fail($"[{min}, {max}] more than {count}: {actual}, expected {expected}");
                    checkedPairs++;
                    if (expected) more++;
                }
        }
        Assert.That((checkedPairs, more > checkedPairs / 10, more < checkedPairs), Is.EqualTo((checkedPairs, true, true)), "both answers are exercised");
    }

    [Test]
    public void Span_EdgesAndGeneratedRanges_IsMaxMinusMin()
    {
        foreach (var (min, max) in Ranges().Where(r => r.Max >= r.Min))
            if ((Int128)RandomKeys.Span(min, max) != (Int128)max - min) Assert.Fail($"span of [{min}, {max}]: {RandomKeys.Span(min, max)}");
        Assert.That(RandomKeys.Span(long.MinValue, long.MaxValue), Is.EqualTo(ulong.MaxValue));
    }

    /// <summary>The draw as it was before perf47 (a hash set of the keys, then a sort), the reference of
    /// <see cref="RandomKeys.Draw"/>, which now marks small ranges in a bit per key.</summary>
    private static long[] ReferenceDraw(long min, long max, int count, int seed)
    {
        var random = new Random(seed);
        var picked = new HashSet<long>();
        while (picked.Count < count)
            picked.Add(max < long.MaxValue ? random.NextInt64(min, max + 1) : random.NextInt64(min, max));
        var result = picked.ToArray();
        Array.Sort(result);
        return result;
    }

    [Test]
    public void Draw_RangesAroundTheBitPerKeyBound_SameKeysAsTheHashSetDraw()
    {
        int compared = 0, bitPerKey = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (int count in new[] { 1, 2, 3, 10, 63, 64, 65, 500, 2_000 })
                foreach (long keys in new[] { count + 1L, count * 2L, count * 10L, count * 63L, count * 64L, count * 64L + 1, count * 65L, count * 1_000L })
                    foreach (long min in new[] { 0L, 1L, -5_000L, long.MinValue, long.MaxValue - keys + 1, long.MaxValue - keys })
                        for (int seed = 0; seed < 3; seed++)
                        {
                            long max = min + (keys - 1);
                            var expected = ReferenceDraw(min, max, count, seed);
                            var actual = RandomKeys.Draw(min, max, count, seed);
                            if (!actual.AsSpan().SequenceEqual(expected)) Assert.Fail($"[{min}, {max}], {count} keys, seed {seed}: differ");
                            compared++;
                            if (RandomKeys.Span(min, max) / 64 < (ulong)count) bitPerKey++;
                        }
        }
        Assert.That((compared, bitPerKey > compared / 4, bitPerKey < compared), Is.EqualTo((1_296, true, true)), "both ways of drawing are compared");
    }

    [Test]
    public void Span_MaxBelowMin_Throws() =>
        Assert.That(() => RandomKeys.Span(5, 4), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void HoldsMoreThan_EmptyRange_False() =>
        Assert.That(RandomKeys.HoldsMoreThan(10, 0, -1), Is.False);
}
