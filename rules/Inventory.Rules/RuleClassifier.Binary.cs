using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decisions on binary columns, whose content is never read (only byte lengths are
/// sampled): IP addresses stored as bytes against digests and UUIDs stored as bytes (issue 10 item 6).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of a binary column decided by its name (kind <c>type-gate</c>, with the decided category):
    /// the content is never read, so the name says what the bytes are; the combination keeps it (see
    /// <c>CombinedClassifier</c>).</summary>
    public const string BinaryByNameEvidence = "gate.type.binary.name";

    // Words of an IP address in a column name (ip_bin, remote_ip, inet6_aton's output in last_ip, ipv6_bytes).
    private static readonly HashSet<string> IpTokens = new(StringComparer.Ordinal) { "ip", "ips", "ipv", "ipv4", "ipv6", "inet", "inet6", "ipaddr", "ipaddress" };
    // Words of a UUID or another key stored as bytes (uuid binary(16), guid, id varbinary(16)).
    private static readonly HashSet<string> UuidTokens = new(StringComparer.Ordinal)
        { "uuid", "guid", "id", "ulid", "uid", "key", "pk", "rowguid", "objectid" };
    // Words of a file (its bytes) in a column name, English, French, German, Spanish (fichier, datei, archivo, piece jointe).
    private static readonly HashSet<string> FileWords = new(StringComparer.Ordinal)
        { "file", "files", "attachment", "upload", "uploaded", "document", "fichier", "piece", "jointe", "pj", "datei", "dateiinhalt", "anhang",
          "dokument", "archivo", "adjunto", "documento" };
    // Words for "the bytes themselves" that say a file only in a table of files (contenu, inhalt, contenido, data).
    private static readonly HashSet<string> ContentWords = new(StringComparer.Ordinal)
        { "content", "contents", "data", "blob", "bytes", "body", "binary", "bin", "raw", "contenu", "donnees", "binaire", "inhalt",
          "daten", "contenido", "datos", "binario", "of", "de", "du", "des", "del", "the" };
    // Words of a table of uploaded files (attachments, pieces_jointes, anhaenge, adjuntos, uploads, documents).
    private static readonly HashSet<string> FileTableWords = new(StringComparer.Ordinal)
        { "attachment", "attachments", "file", "files", "upload", "uploads", "document", "documents", "piece", "pieces", "jointe",
          "jointes", "pj", "fichier", "fichiers", "anhang", "anhaenge", "anhange", "datei", "dateien", "dokument", "dokumente",
          "adjunto", "adjuntos", "archivo", "archivos", "documento", "documentos" };

    /// <summary>A binary column holding the content of files users uploaded (PNG/JPEG/PDF attachments:
    /// <c>pieces_jointes.contenu</c>, <c>attachments.data</c>, <c>anhaenge.datei</c>, <c>adjuntos.archivo</c>) is
    /// <c>customer_content.file</c> (LABELS.md). The content is never read: the column's words are all words of a file or of
    /// its bytes (<c>file_content</c>, <c>contenu</c>, <c>datos</c>), with at least one file word or a table of files
    /// (<c>attachments</c>, <c>pieces_jointes</c>, <c>anhaenge</c>, <c>adjuntos</c>, <c>uploads</c>, <c>documents</c>);
    /// when byte lengths were sampled they must read as files: several lengths, not all of one digest or UUID size, the
    /// largest above 64 bytes (files are large and varied, digests and keys fixed and short). A name that gives another
    /// category (<c>avatar</c>, <c>photo</c>: a person's photo; <c>file_hash</c>: a checksum) is left to the other rules.</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private static ColumnClassification? UploadedFileContent(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        var tokens = name.Tokens;
        if (tokens.Count == 0 || !tokens.All(t => FileWords.Contains(t) || ContentWords.Contains(t)) || tokens.All(t => t is "of" or "de" or "du" or "des" or "del" or "the"))
            return null;
        if (name.DataCategory is { } named && named != "none" && named != "customer_content.file") return null;
        bool fileTable = NameTokenizer.Tokenize(column.Table).Any(FileTableWords.Contains);
        if (!fileTable && !tokens.Any(FileWords.Contains)) return null;
        var lengths = column.BinaryLengths is { Count: > 0 } l ? l : null;
        if (lengths is not null)
        {
            int digestSized = lengths.Count(n => n is 16 or 20 or 32 or 48 or 64);
            if (lengths.Max() <= 64 || digestSized >= 0.9 * lengths.Count || (lengths.Count >= 3 && lengths.Distinct().Count() == 1)) return null;
        }
        const string category = "customer_content.file";
        var detail = lengths is null ? "the content of uploaded files (name)"
            : string.Create(CultureInfo.InvariantCulture, $"the content of uploaded files: {lengths.Count} values of {lengths.Distinct().Count()} lengths up to {lengths.Max()} bytes");
        if (lengths is not null)
            evidence.Insert(0, new EvidenceItem("sample", "sample.binary-lengths", category, lengths.Count, lengths.Count, Detail: detail));
        evidence.Add(new EvidenceItem("type-gate", BinaryByNameEvidence, category, Detail: detail));
        return Decide(category, lengths is null ? 0.6 : 0.8, evidence);
    }

    /// <summary>What a binary column holds, from its name and, when sampled, its byte lengths. An IP address packed as
    /// bytes (MySQL <c>INET6_ATON</c>, <c>varbinary(16)</c>, PostgreSQL <c>bytea</c>) is 4 bytes (IPv4) or 16 (IPv6):
    /// a column named for an IP address (<c>ip</c>, <c>ip_bin</c>, <c>remote_ip</c>, not hashed) whose lengths are all 4 or
    /// 16 is <c>automatic.ip_address</c>. Digests (MD5 16, SHA-1 20, SHA-256 32, SHA-384 48, SHA-512 64 bytes) and UUIDs
    /// (16 bytes) under a hash, checksum or key name are <c>none</c>, unless the name says a person's identifier was
    /// hashed (<c>email_sha256</c>: a pseudonymised identifier, <c>other_personal</c>, C30). Without lengths (names only)
    /// the name decides at a lower confidence; lengths that do not fit the name leave the column undecided.</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private static ColumnClassification? BinaryContent(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        var tokens = name.Tokens;
        bool hashed = tokens.Any(HashTokens.Contains) || tokens.Any(ContentDigestTokens.Contains);
        // A digest of an identifier the name gives outright (iban_hash, ssn_sha256, steuer_id_hash) is pseudonymised like
        // a digest of an e-mail (C30), whichever rule the binary type gated.
        bool personSource = tokens.Any(PersonIdentifierTokens.Contains) || IdentifyingCategory(name.GatedCategory ?? name.DataCategory);
        // Another personal category the name gives (password_hash, avatar), or one the binary type gated away (device_id),
        // is left to the other rules and the model.
        // A digest of content or of a file (content_hash, file_sha1, blob_md5, etag) is a checksum, whatever rule its
        // other words match (content is a message word): never personal.
        bool contentDigest = tokens.Any(ContentDigestTokens.Contains) && (tokens.Any(HashTokens.Contains) || tokens.Any(t => t is "etag" or "checksum" or "crc"));
        // An "IP address" written in French or German order (adresse_ip, ip_adresse) is not a postal address.
        bool ipToken = !hashed && tokens.Any(IpTokens.Contains);
        if (name.DataCategory is { } named && named != "none" && named != "automatic.ip_address" && !(hashed && personSource)
            && !(ipToken && named == "contact.postal_address") && !contentDigest) return null;
        if (name.GatedCategory is { } gated && gated != "automatic.ip_address" && !(hashed && personSource && (gated.StartsWith("contact.", StringComparison.Ordinal) || IdentifyingCategory(gated)))
            && !(ipToken && gated == "contact.postal_address") && !contentDigest) return null;
        bool ipNamed = !hashed && (ipToken || name.DataCategory == "automatic.ip_address"
            || name.GatedCategory == "automatic.ip_address" && name.Gates.All(g => g.StartsWith("gate.type.", StringComparison.Ordinal)));
        bool keyNamed = !ipNamed && tokens.Count > 0 && UuidTokens.Contains(tokens[^1]);
        if (!ipNamed && !hashed && !keyNamed) return null;

        var lengths = column.BinaryLengths is { Count: > 0 } l ? l : null;
        int total = lengths?.Count ?? 0;
        string category;
        string detail;
        if (ipNamed)
        {
            int ipSized = lengths?.Count(n => n is 4 or 16) ?? 0;
            if (lengths is not null && ipSized < 0.9 * total) return null;
            category = "automatic.ip_address";
            detail = lengths is null ? "an IP address stored as bytes (name)"
                : string.Create(CultureInfo.InvariantCulture, $"an IP address stored as bytes: {ipSized} of {total} values 4 (IPv4) or 16 (IPv6) bytes long");
        }
        else
        {
            int digestSized = lengths?.Count(n => n is 16 or 20 or 32 or 48 or 64) ?? 0;
            bool fixedLength = lengths is null || lengths.Distinct().Count() == 1;
            if (lengths is not null && (digestSized < 0.9 * total || !fixedLength)) return null;
            bool pseudonymised = hashed && personSource && !contentDigest;
            category = pseudonymised ? "other_personal" : "none";
            var what = pseudonymised ? "a digest of a person's identifier (pseudonymised, GDPR Recital 26)" : hashed ? "a digest or checksum" : "a key or UUID";
            detail = lengths is null ? $"{what} stored as bytes (name)"
                : string.Create(CultureInfo.InvariantCulture, $"{what} stored as bytes: {digestSized} of {total} values of one digest or UUID length");
        }
        if (lengths is not null)
            evidence.Insert(0, new EvidenceItem("sample", "sample.binary-lengths", category, total, total, Detail: detail));
        evidence.Add(new EvidenceItem("type-gate", BinaryByNameEvidence, category, Detail: detail));
        return Decide(category, lengths is null ? 0.6 : 0.8, evidence);
    }

    // Words saying a value was encrypted (iban_chiffre, encrypted_iban, ssn_enc, telefon_verschluesselt, telefono_cifrado):
    // they change the detail of a decision, never its category (the bytes are still what they encrypt).
    private static readonly HashSet<string> EncryptionTokens = new(StringComparer.Ordinal)
        { "enc", "encrypted", "encrypt", "encryption", "crypted", "cipher", "ciphered", "ciphertext", "aes", "pgp", "sealed",
          "chiffre", "chiffree", "chiffres", "chiffrees", "crypte", "cryptee", "chiffrement",
          "verschluesselt", "verschlusselt", "verschluesselte", "verschlusselte", "verschluesselung", "verschlusselung", "chiffriert",
          "cifrado", "cifrada", "cifrados", "cifradas", "encriptado", "encriptada", "cifrar" };

    // Personal categories a person gives or is identified by, which stay what they are when stored as bytes (encrypted or
    // encoded): contact data, bank accounts, cards, tax and national ids, payment references, dates of birth, gender, health,
    // special categories, employment and a person's own location. Not credentials and photos (decided above), automatic data
    // (a session or device id stored as bytes is a token), money amounts or users' content (files are UploadedFileContent's).
    private static bool IdentifyingCategory(string? category) => category is not null
        && (category.StartsWith("contact.", StringComparison.Ordinal)
            || category is "financial.bank_account" or "financial.payment_card" or "financial.tax_id" or "financial.payment_reference"
                or "other_personal.national_id" or "other_personal.date_of_birth" or "other_personal.gender" or "other_personal.health"
                or "other_personal.special_category" or "other_personal.employment" or "other_personal.location");

    /// <summary>A binary column whose name says a person's data (<c>iban_chiffre</c>, <c>encrypted_iban</c>, <c>ssn_enc</c>,
    /// <c>telefon_verschluesselt</c>, <c>telefono_cifrado</c>, hyperswitch's <c>address.line1 bytea</c>) holds that data
    /// encrypted or encoded: still personal data for the controller that holds the key (LABELS.md labels a column by what it
    /// holds; README <i>Classification</i>: short binary values keep what their name says). The name rule's category, which
    /// the binary type gated (<c>gate.type.binary</c>: a name alone never gives it to bytes the scan cannot read), is
    /// suggested at 0.6 on the name alone and 0.7 when every sampled value is short (at most
    /// <see cref="Learning.CombinedClassifier.ContactBytesLimit"/> bytes, contact data even encrypted and encoded), with the
    /// evidence <see cref="BinaryByNameEvidence"/> so the combination keeps it instead of the model's unrelated guess (trial 32
    /// finding 6: <c>contact.postal_address</c> 0.72 for <c>iban_chiffre</c>). Only categories of
    /// <see cref="IdentifyingCategory"/>, only when the binary type is the name's one gate, never for a hashed name (a digest,
    /// <see cref="BinaryContent"/>'s), and never when most values are file-sized.</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private static ColumnClassification? EncryptedPersonalValue(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.GatedCategory is not { } category || !IdentifyingCategory(category)) return null;
        if (name.Gates.Count == 0 || !name.Gates.All(g => g == "gate.type.binary")) return null;
        var tokens = name.Tokens;
        if (tokens.Any(HashTokens.Contains) || tokens.Any(ContentDigestTokens.Contains)) return null;
        var lengths = column.BinaryLengths is { Count: > 0 } l ? l : null;
        if (lengths is not null && lengths.Count(n => n > Learning.CombinedClassifier.ContactBytesLimit) * 2 > lengths.Count) return null;
        bool encrypted = tokens.Any(EncryptionTokens.Contains);
        var what = encrypted ? "stored encrypted" : "stored as bytes (encrypted or encoded)";
        var detail = lengths is null ? $"{category} {what}: the name says what the bytes hold (name)"
            : string.Create(CultureInfo.InvariantCulture, $"{category} {what}: {lengths.Count} values up to {lengths.Max()} bytes, short as contact data is");
        if (lengths is not null)
            evidence.Insert(0, new EvidenceItem("sample", "sample.binary-lengths", category, lengths.Count, lengths.Count, Detail: detail));
        evidence.Add(new EvidenceItem("type-gate", BinaryByNameEvidence, category, Detail: detail));
        return Decide(category, lengths is null ? 0.6 : 0.7, evidence);
    }
}
