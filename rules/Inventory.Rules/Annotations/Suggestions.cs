using Inventory.Classification;

namespace Inventory.Annotations;

/// <summary>Short, value-free texts about a classification, shared by <c>annotate</c> comments and <c>check</c> output:
/// <c>contact.email (0.97) — detector.email 48/50</c>.</summary>
public static class Suggestions
{
    /// <summary>The suggestion with its confidence and most decisive evidence, or null when the classifier decided nothing.
    /// The learned combination's score is followed by <c>before calibration</c> when it reads otherwise than the headline's
    /// calibrated confidence (<c>none (0.85) — model.combination 0.73 before calibration</c>).</summary>
    /// <param name="classification">The tool's decision, or null.</param>
    public static string? Describe(ColumnClassification? classification)
    {
        if (classification?.DataCategory is not { } category) return null;
        var text = $"{category} ({ConfidenceText.Format(classification.Confidence)})";
        var evidence = classification.Evidence.FirstOrDefault(e => e.DataCategory == category) ?? classification.Evidence.FirstOrDefault();
        if (evidence is null) return text;
        if (IsGate(evidence)) return $"{text} — {GateReason(evidence, classification)}";
        var described = Describe(evidence);
        // The headline is the calibrated confidence; the combination's own score differs from it wherever calibration
        // moved it, and "none (0.85) — model.combination 0.73" read as a contradiction (trial30): name the difference.
        if (evidence.Id == Rules.Learning.ModelClassifier.CombinationEvidence && evidence.Score is { } score
            && ConfidenceText.Format(score) != ConfidenceText.Format(classification.Confidence))
            described += " before calibration";
        return $"{text} — {described}";
    }

    private static bool IsGate(EvidenceItem evidence) => evidence.Kind.EndsWith("gate", StringComparison.Ordinal);

    /// <summary>A gate that heads a suggestion, as a reason in words (trial 26: <c>gate.context.automatic.user_agent</c>
    /// meant nothing to a DPO). A gate that held a name rule back says what the name reads as and why not: <c>its name reads
    /// as automatic.browser_language, but no other column of the table holds user agents</c>; any other gate gives its own
    /// reason (<c>a flag</c>, <c>foreign key to users: holds another row's key</c>). Names and categories only.</summary>
    private static string GateReason(EvidenceItem gate, ColumnClassification classification)
    {
        var held = classification.Evidence.FirstOrDefault(e => e.Kind == "name-rule" && e.DataCategory is { } d && d != classification.DataCategory)?.DataCategory;
        string? why = held is null ? null : gate.Id switch
        {
            _ when gate.Id.StartsWith(ContextGate, StringComparison.Ordinal) && gate.Id.Length > ContextGate.Length && gate.Id[ContextGate.Length..].Contains('.')
                => $"no other column of the table holds {Noun(gate.Id[ContextGate.Length..])}",
            _ when gate.Id.StartsWith("gate.suffix.", StringComparison.Ordinal) => $"it ends in '{gate.Id["gate.suffix.".Length..]}'",
            _ when gate.Id.StartsWith("gate.prefix.", StringComparison.Ordinal) => $"it starts with '{gate.Id["gate.prefix.".Length..]}'",
            _ when gate.Id.StartsWith("gate.type.", StringComparison.Ordinal) => $"a name alone never gives that to {Article(gate.Id["gate.type.".Length..])} column",
            _ => null,
        };
        return OneLine(why is not null ? $"its name reads as {held}, but {why}" : gate.Detail ?? gate.Id);
    }

    private const string ContextGate = "gate.context.";

    private static string Article(string word) => ("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;

    /// <summary>One evidence item: its id with <c>matched/total</c> or its score, cut to two decimals as
    /// <see cref="ConfidenceText.Format"/> writes every confidence. A sample statistic that decided a category
    /// (<c>sample.enumeration</c>, <c>sample.host-names</c>…) gives its own value-free reason instead, since its counts
    /// are not matches: <c>sample.enumeration: 4 distinct values repeated over 150: an enumeration or configuration</c>
    /// (trial30: <c>sample.enumeration 4/150</c> read as "4 of 150 matched").</summary>
    /// <param name="evidence">The item.</param>
    public static string Describe(EvidenceItem evidence)
    {
        if (evidence.Kind == "sample" && evidence.DataCategory is not null && evidence.Detail is { Length: > 0 } reason)
            return OneLine($"{evidence.Id}: {reason}");
        var text = evidence.Id;
        if (evidence.Matched is { } m && evidence.Total is { } t) text += $" {m}/{t}";
        // The same rule as the headline confidence (cut, not rounded): "none (0.99) — model.combination 1.00" read as
        // evidence stronger than the decision it backs (trial 27).
        else if (evidence.Score is { } s) text += $" {ConfidenceText.Format(s)}";
        return OneLine(text);
    }

    /// <summary>What a data category's values are, in words, for messages (<c>contact.email</c> → <c>e-mail</c>).</summary>
    /// <param name="dataCategory">A data category.</param>
    public static string Noun(string dataCategory) => dataCategory switch
    {
        "contact.email" => "e-mail",
        "contact.phone" => "phone numbers",
        "contact.name" => "person names",
        "contact.postal_address" => "postal addresses",
        "financial.payment_card" => "payment card numbers (PAN, Luhn-valid)",
        "financial.bank_account" => "IBANs or bank accounts",
        "financial.tax_id" => "tax or VAT ids",
        "automatic.ip_address" => "IP addresses",
        "automatic.user_agent" => "user agents",
        "automatic.browser_language" => "language tags (BCP 47)",
        "other_personal.health" => "health data (GDPR Art. 9)",
        "other_personal.special_category" => "a special category of data (GDPR Art. 9)",
        "other_personal.national_id" => "national identification numbers",
        "other_personal.date_of_birth" => "dates of birth",
        _ => dataCategory,
    };

    /// <summary>Replaces line breaks and control characters with spaces, so a text fits on one line (YAML comments, CI logs).</summary>
    /// <param name="text">Any text.</param>
    public static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
