using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>What one user value pattern found in one column's sampled values: counts only, never a value.</summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Matched">Values the expression matched whole (and whose match passed the validator).</param>
/// <param name="Total">Non-null values tested.</param>
/// <param name="FailedValidator">Values the expression matched whose match failed the validator.</param>
/// <param name="TimedOut">Values whose match took longer than <see cref="ValuePatternConfig.MatchTimeout"/> (counted as
/// not matching).</param>
public sealed record ValuePatternScore(ValuePatternConfig Pattern, int Matched, int Total, int FailedValidator, int TimedOut)
{
    /// <summary>Matched over total, 0 when nothing was tested.</summary>
    public double Share => Total == 0 ? 0 : (double)Matched / Total;

    /// <summary>True when the pattern decides the column: its share reaches <see cref="ValuePatternConfig.MinShare"/>,
    /// at least two values matched when more than one was tested (the shipped detectors' minimum), and the column name
    /// holds a context word when the pattern has any (checked by the caller, which passes only such patterns).</summary>
    public bool Decides => Matched > 0 && Share >= Pattern.MinShare && (Total == 1 || Matched >= 2);

    /// <summary>The evidence item: kind <c>pattern</c>, id <c>pattern.name</c>, the category, matched/total/share and
    /// where the pattern is written; never a value.</summary>
    public EvidenceItem ToEvidence()
    {
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"value pattern '{Pattern.Name}' of {Path.GetFileName(Pattern.At.File)}:{Pattern.At.Line}: {Matched} of {Total} sampled values match (needs {Pattern.MinShare:0.##})");
        if (Pattern.Validator is { } validator)
            detail += $"; validator {ValuePatternConfig.ValidatorNames[(int)validator]}" + (FailedValidator > 0 ? $", failed by {FailedValidator}" : "");
        if (Pattern.Context.Count > 0) detail += "; the column name holds a context word";
        if (TimedOut > 0) detail += $"; {TimedOut} value(s) took longer than {ValuePatternConfig.MatchTimeout.TotalMilliseconds:0} ms and count as not matching";
        if (TimedOut >= ValuePatternClassifier.MaxTimeoutsPerColumn)
            detail += "; the pattern stopped testing this column there (the values left count as not matching)";
        return new EvidenceItem("pattern", ValuePatternClassifier.RuleIdPrefix + Pattern.Name, Pattern.DataCategory, Matched, Total, Math.Round(Share, 4), detail);
    }
}

/// <summary>
/// The user's value patterns (<c>value-patterns:</c> in <c>inventory.yml</c>) run beside the shipped detectors: the
/// inner classifier decides every column as it would without them, then, for a column with sampled values, each pattern
/// whose context words (if any) the column name holds is matched against every non-null value. The pattern with the
/// largest share among those that decide (<see cref="ValuePatternScore.Decides"/>; the first written on a tie) gives the
/// column its category, rule id <c>pattern.name</c> first in the evidence, the inner decision's evidence after it; a
/// pattern that matched values without deciding is added to the evidence only. Like a user name rule, a user pattern
/// wins over the shipped decision where it decides: the user wrote it for their own data. Confidence:
/// 0.75 + 0.2 × share, plus 0.04 when a context word holds (0.95 for every value matched, 0.99 with context), so a
/// pattern matched by 60 % of the values (0.87) is not accepted by a gate at 0.9.
/// Values are never copied into the evidence. Thread-safe: the compiled expressions are immutable.
/// </summary>
public sealed class ValuePatternClassifier : IColumnClassifier
{
    /// <summary>The prefix of a pattern decision's rule id (<c>pattern.employee-id</c>).</summary>
    public const string RuleIdPrefix = "pattern.";

    /// <summary>Timeouts after which a pattern stops testing a column's values (the rest count as not matching).</summary>
    public const int MaxTimeoutsPerColumn = 3;

    private readonly IColumnClassifier _inner;
    private readonly IReadOnlyList<ValuePatternConfig> _patterns;

    /// <summary>Wraps a classifier with the user's patterns.</summary>
    /// <param name="inner">The shipped classifier (rules, model, or both).</param>
    /// <param name="patterns">The patterns of <see cref="InventoryConfig.ValuePatterns"/>.</param>
    /// <param name="taxonomy">The taxonomy their categories must belong to.</param>
    /// <exception cref="ConfigurationException">A pattern's category is not in the taxonomy (at its <c>category:</c>).</exception>
    public ValuePatternClassifier(IColumnClassifier inner, IReadOnlyList<ValuePatternConfig> patterns, Taxonomy taxonomy)
    {
        foreach (var p in patterns)
            if (!taxonomy.IsKnown(p.DataCategory))
                throw new ConfigurationException(
                    $"value pattern '{p.Name}': unknown category '{p.DataCategory}'; use a category or category.subcategory of the taxonomy (contact.email, other_personal.employment, none…)",
                    p.CategoryAt.File, p.CategoryAt.Line, p.CategoryAt.Column);
        _inner = inner;
        _patterns = patterns;
    }

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        var decisions = _inner.ClassifyMany(columns);
        var result = new ColumnClassification[decisions.Count];
        for (int i = 0; i < decisions.Count; i++) result[i] = Apply(columns[i], decisions[i]);
        return result;
    }

    /// <summary>The scores of the patterns that apply to a column (context words held), in file order; empty for a
    /// column without sampled values, binary, or one whose name holds no pattern's context word.</summary>
    /// <param name="column">The column and its sampled values.</param>
    public IReadOnlyList<ValuePatternScore> Score(ColumnEvidence column)
    {
        if (!column.Sampled || column.Values.Count == 0 || column.Column.Family == Catalog.TypeFamily.Binary) return [];
        var scores = new List<ValuePatternScore>();
        foreach (var pattern in _patterns)
        {
            if (!pattern.ContextHolds(column.Column.Name)) continue;
            int matched = 0, failed = 0, timedOut = 0;
            int total = column.Values.Count(v => !string.IsNullOrWhiteSpace(v));
            foreach (var raw in column.Values)
            {
                if (string.IsNullOrWhiteSpace(raw)) continue;
                // An expression that has timed out this often on one column backtracks on its kind of values: the rest count as
                // not matching, so one bad pattern costs a column at most this many timeouts.
                if (timedOut == MaxTimeoutsPerColumn) break;
                var value = raw.Trim();
                try
                {
                    if (!pattern.Expression.IsMatch(value)) continue;
                }
                catch (RegexMatchTimeoutException)
                {
                    timedOut++;
                    continue;
                }
                if (pattern.Validator is { } validator && !Passes(validator, value)) { failed++; continue; }
                matched++;
            }
            if (total > 0) scores.Add(new ValuePatternScore(pattern, matched, total, failed, timedOut));
        }
        return scores;
    }

    private ColumnClassification Apply(ColumnEvidence column, ColumnClassification decision)
    {
        var scores = Score(column);
        if (scores.Count == 0) return decision;
        ValuePatternScore? best = null;
        foreach (var s in scores)
            if (s.Decides && (best is null || s.Share > best.Share)) best = s;
        var others = scores.Where(s => s != best && (s.Matched > 0 || s.TimedOut > 0)).Select(s => s.ToEvidence());
        if (best is null)
            return others.Any() ? decision with { Evidence = [.. decision.Evidence, .. others] } : decision;
        double confidence = 0.75 + 0.2 * best.Share + (best.Pattern.Context.Count > 0 ? 0.04 : 0);
        return new ColumnClassification
        {
            DataCategory = best.Pattern.DataCategory,
            Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 4),
            Origin = Origin.Rules,
            Evidence = [best.ToEvidence(), .. others, .. decision.Evidence],
            AlsoContains = decision.AlsoContains,
            JsonPaths = decision.JsonPaths,
        };
    }

    /// <summary>True when the matched value passes the checksum.</summary>
    /// <param name="validator">The checksum.</param>
    /// <param name="value">The matched (trimmed) value.</param>
    internal static bool Passes(ValueChecksum validator, string value)
    {
        if (validator == ValueChecksum.Iban) return IbanDetector.IsIban(value);
        Span<byte> digits = stackalloc byte[64];
        int n = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == digits.Length) return false;
            digits[n++] = (byte)(c - '0');
        }
        if (n < 2) return false;
        digits = digits[..n];
        return validator switch
        {
            ValueChecksum.Luhn => Luhn.IsValid(digits),
            ValueChecksum.Gs1 => Gs1CheckDigit.IsValid(digits),
            ValueChecksum.Mod97 => Mod97Remainder(digits) == 1,
            _ => false,
        };
    }

    /// <summary>ISO 7064 MOD 97-10: the digits read as one number, modulo 97 (1 for a valid number with its two check digits).</summary>
    private static int Mod97Remainder(ReadOnlySpan<byte> digits)
    {
        int remainder = 0;
        foreach (var d in digits) remainder = (remainder * 10 + d) % 97;
        return remainder;
    }
}
