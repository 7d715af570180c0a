using System.Globalization;
using Inventory.Classification;

namespace Inventory.Annotations;

/// <summary>Short, value-free texts about a classification, shared by <c>annotate</c> comments and <c>check</c> output:
/// <c>contact.email (0.97) — detector.email 48/50</c>.</summary>
public static class Suggestions
{
    /// <summary>The suggestion with its confidence and most decisive evidence, or null when the classifier decided nothing.</summary>
    /// <param name="classification">The tool's decision, or null.</param>
    public static string? Describe(ColumnClassification? classification)
    {
        if (classification?.DataCategory is not { } category) return null;
        var text = $"{category} ({ConfidenceText.Format(classification.Confidence)})";
        var evidence = classification.Evidence.FirstOrDefault(e => e.DataCategory == category) ?? classification.Evidence.FirstOrDefault();
        return evidence is null ? text : $"{text} — {Describe(evidence)}";
    }

    /// <summary>One evidence item: its id with <c>matched/total</c> or its score.</summary>
    /// <param name="evidence">The item.</param>
    public static string Describe(EvidenceItem evidence)
    {
        var text = evidence.Id;
        if (evidence.Matched is { } m && evidence.Total is { } t) text += $" {m}/{t}";
        else if (evidence.Score is { } s) text += $" {s.ToString("0.00", CultureInfo.InvariantCulture)}";
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
        _ => dataCategory,
    };

    /// <summary>Replaces line breaks and control characters with spaces, so a text fits on one line (YAML comments, CI logs).</summary>
    /// <param name="text">Any text.</param>
    public static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
