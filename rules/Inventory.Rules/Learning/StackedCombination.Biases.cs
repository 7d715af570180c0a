using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Per-category decision offsets of the combination, chosen for macro-F1 (issue 10, error-kind round).</summary>
public sealed partial class StackedCombination
{
    /// <summary>A combination whose score of each category is moved by an offset (added to its bias): the decision
    /// thresholds between categories, which the fit's likelihood does not choose for macro-F1.</summary>
    /// <param name="offsets">Per category (<see cref="DataCategory.TopLevels"/> order), the offset added to its bias.</param>
    /// <returns>A new combination; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">Not one offset per category.</exception>
    public StackedCombination WithBiasOffsets(IReadOnlyList<double> offsets)
    {
        if (offsets.Count != Categories.Count) throw new ArgumentException($"one offset per category ({Categories.Count}) is needed");
        var biases = _biases.Select((b, c) => (float)(b + offsets[c])).ToArray();
        return new StackedCombination(_weights, biases, _logClassWeights.Select(Math.Exp).ToArray()) { _fitted = _fitted };
    }

    /// <summary>Chooses per-category offsets of the scores (<see cref="WithBiasOffsets"/>) that maximise the macro-F1 over
    /// the six categories of the decisions on the given rows: coordinate ascent, the five personal categories one at a time
    /// over a grid of offsets from −<paramref name="range"/> to +<paramref name="range"/> in steps of
    /// <paramref name="step"/>, <c>none</c> fixed at 0, three sweeps (or fewer when a sweep changes nothing). A column whose
    /// model and rule both say <c>none</c> keeps <c>none</c> (<see cref="SuggestionCalibration.Suggest"/>'s guard). The
    /// rows should be the ones the combination was fitted on (the other folds in a cross-validation), never the rows it is
    /// measured on.</summary>
    /// <param name="rows">Per column: its stacking features (<see cref="Features(double[], ColumnClassification?, float[])"/>),
    /// gold category, and whether the none guard holds.</param>
    /// <param name="range">Largest offset (log-odds).</param>
    /// <param name="step">Grid step.</param>
    /// <returns>Six offsets, the last (<c>none</c>) 0.</returns>
    public double[] ChooseBiasOffsets(IReadOnlyList<(float[] Features, string Category, bool NoneGuard)> rows, double range = 1.5, double step = 0.1)
    {
        int k = Categories.Count, none = k - 1, n = rows.Count;
        var scores = new double[n][];
        var gold = new int[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = Probabilities(rows[i].Features, false).Select(p => Math.Log(Math.Max(p, 1e-300))).ToArray();
            gold[i] = IndexOf(rows[i].Category);
        }
        var offsets = new double[k];
        double MacroF1(double[] o)
        {
            var tp = new int[k];
            var predicted = new int[k];
            var support = new int[k];
            for (int i = 0; i < n; i++)
            {
                int best = none;
                if (!rows[i].NoneGuard)
                {
                    double top = double.NegativeInfinity;
                    for (int c = 0; c < k; c++)
                        if (scores[i][c] + o[c] > top) { top = scores[i][c] + o[c]; best = c; }
                }
                predicted[best]++;
                if (gold[i] >= 0) { support[gold[i]]++; if (gold[i] == best) tp[best]++; }
            }
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                double p = predicted[c] == 0 ? 0 : (double)tp[c] / predicted[c], r = support[c] == 0 ? 0 : (double)tp[c] / support[c];
                sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
            return sum / k;
        }
        double best = MacroF1(offsets);
        int steps = (int)Math.Round(range / step);
        for (int sweep = 0; sweep < 3; sweep++)
        {
            bool changed = false;
            for (int c = 0; c < none; c++)
            {
                double keep = offsets[c], chosen = keep;
                for (int s = -steps; s <= steps; s++)
                {
                    offsets[c] = s * step;
                    double f = MacroF1(offsets);
                    // Ties keep the offset nearest 0 (the fit's own threshold).
                    if (f > best + 1e-12 || (Math.Abs(f - best) <= 1e-12 && Math.Abs(offsets[c]) < Math.Abs(chosen))) { best = f; chosen = offsets[c]; }
                }
                offsets[c] = chosen;
                changed |= chosen != keep;
            }
            if (!changed) break;
        }
        return offsets;
    }
}
