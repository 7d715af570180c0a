using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>What the content of text and JSON columns holds beyond its detector ratios: the identifiers embedded in
/// free text ("also contains", C08) and the categories the name rules give to the keys of JSON documents (key-level
/// detection). Only categories and rule ids leave it, never a value or a key.</summary>
internal sealed class ContentEvidence(NameRuleSet rules, RuleClassifierOptions options)
{
    private readonly NameRuleSet _rules = rules;
    private readonly RuleClassifierOptions _options = options;

    /// <summary>Categories of identifiers embedded in free text; financial identifiers inside a message are reported but never decide.</summary>
    public static IReadOnlyList<string> AlsoContains(IReadOnlyList<string> values)
    {
        var kinds = EmbeddedKinds.None;
        foreach (var v in values)
            if (!string.IsNullOrWhiteSpace(v) && v.Length >= 8) kinds |= EmbeddedIdentifierDetector.Find(v);
        var also = new SortedSet<string>(StringComparer.Ordinal);
        if (kinds.HasFlag(EmbeddedKinds.Email)) also.Add("contact.email");
        if (kinds.HasFlag(EmbeddedKinds.Phone)) also.Add("contact.phone");
        if (kinds.HasFlag(EmbeddedKinds.Iban)) also.Add("financial.bank_account");
        if (kinds.HasFlag(EmbeddedKinds.PaymentCard)) also.Add("financial.payment_card");
        if (kinds.HasFlag(EmbeddedKinds.IpAddress)) also.Add("automatic.ip_address");
        return also.ToArray();
    }

    /// <summary>Data categories of the keys of JSON objects (key-level detection), with the name rule that matched. Keys
    /// themselves are data (a map may be keyed by e-mail addresses), so only rule ids leave this method.</summary>
    public List<(string Category, string Key)> JsonKeyCategories(IReadOnlyList<string> values)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int parsed = 0;
        foreach (var v in values)
        {
            if (parsed >= _options.MaxJsonDocuments) break;
            if (string.IsNullOrWhiteSpace(v) || v.TrimStart()[0] is not ('{' or '[')) continue;
            try
            {
                using var document = JsonDocument.Parse(v);
                parsed++;
                Walk(document.RootElement, 0);
            }
            catch (JsonException)
            {
                // Not a JSON document: skipped (counted by the detector as not matched).
            }
        }
        return found.Select(kv => (kv.Value, kv.Key)).ToList();

        void Walk(JsonElement element, int depth)
        {
            if (depth > 8) return;
            if (element.ValueKind == JsonValueKind.Object)
                foreach (var property in element.EnumerateObject())
                {
                    var family = property.Value.ValueKind switch
                    {
                        JsonValueKind.Number => TypeFamily.Decimal,
                        JsonValueKind.True or JsonValueKind.False => TypeFamily.Boolean,
                        JsonValueKind.Object or JsonValueKind.Array => TypeFamily.Document,
                        _ => TypeFamily.Text,
                    };
                    var match = _rules.Match("", property.Name, family);
                    if (match.DataCategory is { } c && c != "none" && match.Rule is { } rule) found.TryAdd(rule.Id, c);
                    Walk(property.Value, depth + 1);
                }
            else if (element.ValueKind == JsonValueKind.Array)
                foreach (var item in element.EnumerateArray()) Walk(item, depth + 1);
        }
    }
}
