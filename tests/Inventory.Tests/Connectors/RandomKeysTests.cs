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

    [Test]
    public void Span_MaxBelowMin_Throws() =>
        Assert.That(() => RandomKeys.Span(5, 4), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void HoldsMoreThan_EmptyRange_False() =>
        Assert.That(RandomKeys.HoldsMoreThan(10, 0, -1), Is.False);
}
