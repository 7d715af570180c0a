namespace Inventory.Rules.Learning;

/// <summary>
/// A Platt scaling of a score into a probability of being right: confidence = σ(<see cref="Slope"/> · logit(score) +
/// <see cref="Intercept"/>), the sigmoid of a line in the score's log-odds (Platt 1999, "Probabilistic outputs for support
/// vector machines and comparisons to regularized likelihood methods"; applied to other learners' scores by
/// Niculescu-Mizil and Caruana 2005, "Predicting good probabilities with supervised learning"). Two parameters per map,
/// so a map fitted on some applications moves smoothly over the scores of another instead of putting all of an isotonic
/// block's suggestions at one confidence (<c>rules/MODEL.md</c>, session 39). Immutable.
/// </summary>
/// <param name="Slope">Weight of logit(score).</param>
/// <param name="Intercept">Constant term.</param>
public sealed record PlattScaling(double Slope, double Intercept)
{
    /// <summary>Scores are clamped to [<see cref="ScoreFloor"/>, 1 − <see cref="ScoreFloor"/>] before their logit (a score
    /// of exactly 0 or 1 has none).</summary>
    public const double ScoreFloor = 1e-6;

    /// <summary>The log-odds of a score, clamped (<see cref="ScoreFloor"/>).</summary>
    /// <param name="score">A score in [0, 1].</param>
    /// <returns>log(s / (1 − s)).</returns>
    public static double Logit(double score)
    {
        double s = Math.Clamp(double.IsNaN(score) ? 0.5 : score, ScoreFloor, 1 - ScoreFloor);
        return Math.Log(s / (1 - s));
    }

    /// <summary>The calibrated confidence of a score.</summary>
    /// <param name="score">A raw score in [0, 1].</param>
    /// <returns>A confidence in (0, 1), rounded to 4 decimals.</returns>
    public double Confidence(double score)
    {
        double z = Slope * Logit(score) + Intercept;
        return Math.Round(1 / (1 + Math.Exp(-z)), 4);
    }

    /// <summary>Fits the two parameters by maximum likelihood with Platt's targets: a right suggestion counts as
    /// (N₊ + 1) / (N₊ + 2) and a wrong one as 1 / (N₋ + 2) instead of 1 and 0 (Platt 1999, section 2.2: a prior that keeps
    /// a group whose suggestions were all right, or all wrong, from an infinite slope). Newton's method on the
    /// cross-entropy with step halving (a step that does not lower it is halved, as in Lin, Lin and Weng 2007, "A note on
    /// Platt's probabilistic outputs for support vector machines"), started at slope 0 and the log-odds of the mean
    /// target, at most 100 steps; deterministic for the same points in the same order.</summary>
    /// <param name="points">(score, right) per out-of-fold suggestion.</param>
    /// <returns>The fitted scaling.</returns>
    /// <exception cref="ArgumentException">No points.</exception>
    public static PlattScaling Fit(IEnumerable<(double Score, bool Right)> points)
    {
        var all = points.Select(p => (X: Logit(p.Score), p.Right)).ToArray();
        if (all.Length == 0) throw new ArgumentException("Platt scaling needs at least one point", nameof(points));
        int right = all.Count(p => p.Right), wrong = all.Length - right;
        double high = (right + 1.0) / (right + 2.0), low = 1.0 / (wrong + 2.0);
        double mean = (right * high + wrong * low) / all.Length;
        double a = 0, b = Math.Log(mean / (1 - mean));
        // The cross-entropy of the targets at (a, b), in the numerically stable form log(1 + e^z) − t·z.
        double Loss(double slope, double intercept)
        {
            double sum = 0;
            foreach (var (x, isRight) in all)
            {
                double z = slope * x + intercept, t = isRight ? high : low;
                sum += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - t * z;
            }
            return sum;
        }
        double loss = Loss(a, b);
        for (int step = 0; step < 100; step++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            foreach (var (x, isRight) in all)
            {
                double p = 1 / (1 + Math.Exp(-(a * x + b)));
                double residual = p - (isRight ? high : low), w = p * (1 - p);
                ga += residual * x;
                gb += residual;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            // A small ridge keeps the 2 × 2 system solvable when every score is the same.
            haa += 1e-9;
            hbb += 1e-9;
            double det = haa * hbb - hab * hab;
            if (det <= 0) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            double scale = 1, next = Loss(a - da, b - db);
            while (next > loss && scale > 1e-6)
            {
                scale /= 2;
                next = Loss(a - scale * da, b - scale * db);
            }
            if (next > loss) break;
            a -= scale * da;
            b -= scale * db;
            bool converged = loss - next < 1e-12 * Math.Max(1, Math.Abs(loss));
            loss = next;
            if (converged) break;
        }
        return new PlattScaling(a, b);
    }
}
