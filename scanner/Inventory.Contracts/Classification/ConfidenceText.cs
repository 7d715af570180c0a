using System.Globalization;

namespace Inventory.Classification;

/// <summary>How a confidence is written for people (annotation stubs, gate messages, export comments): two decimals,
/// rounded down, so 0.9958 reads 0.99 and only a certain decision reads 1.00, and a value just under a threshold never
/// reads as the threshold itself (0.8996 is "0.89", below 0.9).</summary>
public static class ConfidenceText
{
    /// <summary>Formats a confidence in [0, 1] with two decimals, rounded down (invariant culture).</summary>
    /// <param name="confidence">The confidence; values outside [0, 1] are clamped.</param>
    /// <returns>Text such as <c>0.99</c>.</returns>
    public static string Format(double confidence)
    {
        var clamped = Math.Clamp(confidence, 0, 1);
        // The small epsilon keeps decimals that binary cannot hold exactly (0.29 is 0.28999…) at their written value.
        var floored = Math.Floor(clamped * 100 + 1e-9) / 100;
        return floored.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
