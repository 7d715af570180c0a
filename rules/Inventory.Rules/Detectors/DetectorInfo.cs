namespace Inventory.Rules.Detectors;

/// <summary>How much a detector's hits weigh in the rule classifier's decision (<see cref="RuleClassifier"/>).</summary>
public enum DetectorWeight
{
    /// <summary>Evidence only: the hits are reported (and read by the rules that know the detector, such as free text
    /// and JSON), but never decide a column's category by themselves.</summary>
    Evidence,
    /// <summary>Decides a column only when the column's name points at the same category
    /// (<see cref="RuleClassifierOptions.SupportShare"/> of the values): the shape alone is too common.</summary>
    NeedsNameSupport,
    /// <summary>Decides a column from its values alone when <see cref="RuleClassifierOptions.DetectorShare"/> of them
    /// match (values beat names).</summary>
    Decides,
}

/// <summary>What a detector's match establishes about a value.</summary>
public enum DetectorCheck
{
    /// <summary>The value has the identifier's shape (length, alphabet, prefixes, word forms) and nothing more is checked.</summary>
    ShapeOnly,
    /// <summary>The value passes a check beyond its shape: a checksum (Luhn, ISO 7064 mod 97), a number plan, a parser
    /// (IP addresses, URIs, JSON) or a registry (country, language and top-level domain codes).</summary>
    Validated,
}

/// <summary>A registered detector as the rest of the classifier sees it: its stable id, the category it points at, what
/// its match checks and how much it weighs. Held by every <see cref="DetectorScore"/>.</summary>
/// <param name="Id">Stable id, e.g. <c>detector.email</c> (<see cref="DetectorIds"/>); the evidence item's id.</param>
/// <param name="DataCategory">The data category a high ratio points at (e.g. <c>contact.email</c>; it must exist in the
/// taxonomy), or null for a detector that describes a form (JSON, URL, UUID) rather than a category.</param>
/// <param name="Check">Validated or shape-only.</param>
/// <param name="Weight">How much its hits weigh in the rule classifier.</param>
public sealed record DetectorInfo(string Id, string? DataCategory, DetectorCheck Check, DetectorWeight Weight)
{
    /// <summary>For a <see cref="DetectorWeight.NeedsNameSupport"/> detector: the name categories besides its own
    /// <see cref="DataCategory"/> that support it (a secret token in a column named as a device id).</summary>
    public IReadOnlyList<string> AlsoSupportedBy { get; init; } = [];

    /// <summary>True when a column name pointing at <paramref name="nameCategory"/> supports this detector's hits: its
    /// own category or one of <see cref="AlsoSupportedBy"/>.</summary>
    /// <param name="nameCategory">The category the name rules give the column, or null.</param>
    public bool IsSupportedBy(string? nameCategory) =>
        nameCategory is not null && (nameCategory == DataCategory || AlsoSupportedBy.Contains(nameCategory, StringComparer.Ordinal));
}

/// <summary>The ids of the built-in detectors, for the rules that single one out (free text, JSON, structural digit
/// runs); each detector's <see cref="ValueDetector.Id"/> is one of these.</summary>
internal static class DetectorIds
{
    /// <summary>E-mail addresses.</summary>
    public const string Email = "detector.email";
    /// <summary>Phone numbers.</summary>
    public const string Phone = "detector.phone";
    /// <summary>IPv4 and IPv6 addresses.</summary>
    public const string IpAddress = "detector.ip-address";
    /// <summary>Payment card numbers (PAN).</summary>
    public const string PaymentCard = "detector.payment-card";
    /// <summary>IBANs.</summary>
    public const string Iban = "detector.iban";
    /// <summary>BIC / SWIFT codes.</summary>
    public const string Bic = "detector.bic";
    /// <summary>EU VAT numbers.</summary>
    public const string VatNumber = "detector.vat-number";
    /// <summary>French SIREN and SIRET numbers.</summary>
    public const string SirenSiret = "detector.siren-siret";
    /// <summary>Browser user agents.</summary>
    public const string UserAgent = "detector.user-agent";
    /// <summary>Browser languages (Accept-Language, BCP 47, POSIX locales).</summary>
    public const string LanguageTag = "detector.language-tag";
    /// <summary>Postal codes.</summary>
    public const string PostalCode = "detector.postal-code";
    /// <summary>Person names.</summary>
    public const string PersonName = "detector.person-name";
    /// <summary>Company names with a legal form.</summary>
    public const string CompanyName = "detector.company-name";
    /// <summary>URLs.</summary>
    public const string Url = "detector.url";
    /// <summary>File paths.</summary>
    public const string FilePath = "detector.file-path";
    /// <summary>UUIDs.</summary>
    public const string Uuid = "detector.uuid";
    /// <summary>Self-describing password hashes.</summary>
    public const string PasswordHash = "detector.hash";
    /// <summary>Secret tokens and API keys.</summary>
    public const string SecretToken = "detector.secret-token";
    /// <summary>Free text (prose).</summary>
    public const string FreeText = "detector.free-text";
    /// <summary>JSON documents.</summary>
    public const string Json = "detector.json";
    /// <summary>Identifiers embedded in free text.</summary>
    public const string EmbeddedIdentifier = "detector.embedded-identifier";
    /// <summary>Payment-gateway references.</summary>
    public const string PaymentReference = "detector.payment-reference";
    /// <summary>Bare hexadecimal digests.</summary>
    public const string HexDigest = "detector.hex-digest";
    /// <summary>Postal addresses (one-line addresses, street lines).</summary>
    public const string PostalAddress = "detector.postal-address";
    /// <summary>National identification numbers that carry a check (NIR, DNI/NIE, codice fiscale, BSN, Belgian national
    /// number, German tax id) or a fixed national structure (US SSN, UK NINO).</summary>
    public const string NationalId = "detector.national-id";
    /// <summary>Card numbers masked as PCI DSS allows them to be shown (first six and last four, or last four).</summary>
    public const string MaskedCard = "detector.masked-card";
    /// <summary>Connection strings and URIs that carry a password in clear.</summary>
    public const string ConnectionSecret = "detector.connection-secret";
    /// <summary>OpenSSH public keys (authorized_keys lines) whose blob validates against their key type.</summary>
    public const string SshPublicKey = "detector.ssh-public-key";
    /// <summary>Spanish CIF (NIF of organisations) written bare, with its control character (Real Decreto 1065/2007).</summary>
    public const string SpanishCif = "detector.spanish-cif";
}
