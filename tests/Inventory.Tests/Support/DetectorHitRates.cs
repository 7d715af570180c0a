using Inventory.Rules.Detectors;

namespace Inventory.Tests.Support;

/// <summary>
/// The hit rates of one detector on a generated kind and on its near misses (issue 10 item 6: detectors precise by kind,
/// tested on thousands of generated values): each round draws one value of the kind, then one near miss, from the same
/// random source, and counts the kind's values the detector finds and the near misses it takes. The first five of each
/// miss are kept for the failure message; the generated values are invented, never sampled.
/// </summary>
internal static class DetectorHitRates
{
    /// <summary>Counts of one run of <see cref="Measure"/>.</summary>
    /// <param name="Rounds">Values drawn of each side.</param>
    /// <param name="Found">Values of the kind the detector found.</param>
    /// <param name="Taken">Near misses the detector took.</param>
    /// <param name="Missed">Up to five values of the kind it did not find.</param>
    /// <param name="TakenExamples">Up to five near misses it took.</param>
    internal sealed record Result(int Rounds, int Found, int Taken, IReadOnlyList<string> Missed, IReadOnlyList<string> TakenExamples)
    {
        /// <summary>Share of the kind's values found.</summary>
        public double FoundRate => (double)Found / Rounds;

        /// <summary>Share of the near misses taken.</summary>
        public double TakenRate => (double)Taken / Rounds;

        /// <summary>"found of n; missed e.g. …" for an assertion's message.</summary>
        public string FoundMessage => $"{Found} of {Rounds} found; missed e.g. {string.Join(" | ", Missed)}";

        /// <summary>"taken of n near misses; e.g. …" for an assertion's message.</summary>
        public string TakenMessage => $"{Taken} of {Rounds} near misses taken; e.g. {string.Join(" | ", TakenExamples)}";
    }

    /// <summary>Draws <paramref name="rounds"/> values of the kind and as many near misses (alternately, from
    /// <paramref name="random"/>) and counts what <paramref name="detectorId"/> matches.</summary>
    /// <param name="detectors">The detector suite.</param>
    /// <param name="detectorId">The detector's id, e.g. <c>detector.postal-address</c>.</param>
    /// <param name="random">The random source both generators draw from.</param>
    /// <param name="rounds">How many of each side.</param>
    /// <param name="kind">Generator of the kind's values.</param>
    /// <param name="nearMiss">Generator of its near misses.</param>
    /// <returns>The counts and the first examples of each miss.</returns>
    public static Result Measure(DetectorSuite detectors, string detectorId, Random random, int rounds,
        Func<Random, string> kind, Func<Random, string> nearMiss)
    {
        int found = 0, taken = 0;
        var missed = new List<string>();
        var takenExamples = new List<string>();
        for (int i = 0; i < rounds; i++)
        {
            var value = kind(random);
            if (detectors.IsMatch(detectorId, value)) found++;
            else if (missed.Count < 5) missed.Add(value);
            var near = nearMiss(random);
            if (detectors.IsMatch(detectorId, near)) { taken++; if (takenExamples.Count < 5) takenExamples.Add(near); }
        }
        return new Result(rounds, found, taken, missed, takenExamples);
    }
}
