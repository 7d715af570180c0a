using Inventory.Catalog;

namespace Inventory.Rules.Learning;

/// <summary>Detector ratios that a sampled column of a given label typically shows, used to give a share of the
/// (names-only) corpus rows a "sampled" twin so the model learns what the detector slots mean. The ratio of the label's
/// own detector is drawn in [0.6, 1]; with probability 0.25 the values give no detector hit at all (e.g. a card brand
/// column holds no PAN); unrelated slots stay 0, except the UUID slot of UUID-typed columns.</summary>
internal static class SyntheticDetectors
{
    private static readonly Dictionary<string, string[]> SlotsByLabel = new(StringComparer.Ordinal)
    {
        ["contact.email"] = ["email"],
        ["contact.phone"] = ["phone"],
        ["contact.name"] = ["person-name"],
        ["contact.company_name"] = ["company-name"],
        ["contact.postal_address"] = ["postal-code"],
        ["contact.username"] = ["url"],
        ["automatic.ip_address"] = ["ip-address"],
        ["automatic.user_agent"] = ["user-agent"],
        ["automatic.browser_language"] = ["language-tag"],
        ["automatic.device_id"] = ["uuid", "hash"],
        ["automatic.activity"] = ["url"],
        ["financial.payment_card"] = ["payment-card"],
        ["financial.bank_account"] = ["iban", "bic"],
        ["financial.tax_id"] = ["vat-number", "siren-siret"],
        ["financial.payment_reference"] = ["payment-reference"],
        ["other_personal.credentials"] = ["hash", "secret-token"],
        ["other_personal.photo"] = ["url", "file-path"],
        ["customer_content.message"] = ["free-text"],
        ["customer_content.application_data"] = ["json"],
        ["customer_content.source_code"] = ["free-text"],
        ["customer_content.file"] = ["file-path", "url"],
    };

    /// <summary>Draws detector ratios (one per <see cref="ColumnFeatures.DetectorSlots"/> slot) for a label.</summary>
    /// <param name="label">The row's label.</param>
    /// <param name="family">Its type family.</param>
    /// <param name="random">Seeded random source (the caller's, for reproducibility).</param>
    /// <returns>Ratios in [0, 1].</returns>
    public static float[] For(string label, TypeFamily family, Random random)
    {
        var slots = ColumnFeatures.DetectorSlots;
        var ratios = new float[slots.Count];
        void Set(string slot, float value)
        {
            for (int i = 0; i < slots.Count; i++)
                if (slots[i] == slot) ratios[i] = Math.Max(ratios[i], value);
        }
        if (family == TypeFamily.Uuid) Set("uuid", 1f);
        if (SlotsByLabel.TryGetValue(label, out var own) && random.NextDouble() >= 0.25)
        {
            var slot = own[random.Next(own.Length)];
            Set(slot, (float)(0.6 + 0.4 * random.NextDouble()));
        }
        return ratios;
    }
}
