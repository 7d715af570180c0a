using NUnit.Framework;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Learning;

namespace Inventory.Tests.Model;

/// <summary>
/// Closed-compound column names (<c>billingaddress</c>, <c>kundennummer</c>, <c>fechadenacimiento</c>) give the column
/// model the words they join (<see cref="ClosedCompoundSegmenter"/>, <see cref="ColumnFeatures.Tokenize"/>), generated in
/// bulk over four languages; ordinary words that hold dictionary words (<c>password</c>, <c>information</c>,
/// <c>format</c>, <c>ownership</c>) stay whole. And a key to a person is read at either end of its name
/// (<c>id_cliente</c> as <c>cliente_id</c>) by the table signal <c>pr</c>.
/// </summary>
[TestFixture]
public sealed class ClosedCompoundSegmentationTests
{
    private static readonly ClosedCompoundSegmenter Segmenter = ClosedCompoundSegmenter.Default;

    // Modifiers and heads per language; German modifiers with their linking s where the language writes one.
    private static readonly (string Language, string[] Modifiers, string[] Heads)[] Languages =
    [
        ("en", ["billing", "shipping", "customer", "user", "email", "phone", "account", "order", "invoice", "payment", "device",
                "session", "contact", "delivery", "product", "company"],
               ["address", "name", "number", "date", "status", "type", "code", "count", "token", "time", "verified", "country", "city"]),
        ("fr", ["client", "facture", "commande", "adresse", "utilisateur", "societe", "paiement"],
               ["nom", "numero", "date", "adresse", "ville", "pays", "montant"]),
        ("de", ["kunden", "rechnungs", "konto", "telefon", "benutzer", "mitarbeiter", "zahlungs", "bestellungs", "lieferungs"],
               ["nummer", "name", "adresse", "datum", "betrag", "status", "typ"]),
        ("es", ["cliente", "factura", "pedido", "usuario", "empresa", "pago"],
               ["nombre", "numero", "fecha", "direccion", "ciudad", "importe"]),
    ];

    private static IEnumerable<string> ColumnSpellings(string compound) =>
        [compound, compound.ToUpperInvariant(), char.ToUpperInvariant(compound[0]) + compound[1..], compound + "_2", "old_" + compound];

    [Test]
    public void GeneratedCompounds_SplitIntoModifierAndHead()
    {
        var misses = new List<string>();
        int total = 0;
        foreach (var (language, modifiers, heads) in Languages)
        foreach (var modifier in modifiers)
        foreach (var head in heads)
        {
            total++;
            var compound = modifier + head;
            var parts = Segmenter.Segment(compound);
            // A compound the rules name as a word (telefonnummer, username) stays whole: the rules read it.
            bool ok = Segmenter.Contains(compound) ? parts is null
                : parts is { Length: 2 } && parts[1] == head && (parts[0] == modifier || (modifier.EndsWith('s') && parts[0] == modifier[..^1]));
            if (!ok) misses.Add($"{language} {compound} → {(parts is null ? "(whole)" : string.Join(' ', parts))}");
        }
        Assert.That(total, Is.EqualTo(16 * 13 + 7 * 7 + 9 * 7 + 6 * 6));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total} compounds not split into modifier and head: {string.Join("; ", misses.Take(10))}");
    }

    [Test]
    public void GeneratedCompoundColumnNames_GiveTheModelBothWords()
    {
        var misses = new List<string>();
        int total = 0;
        foreach (var (_, modifiers, heads) in Languages)
        foreach (var modifier in modifiers)
        foreach (var head in heads)
        foreach (var column in ColumnSpellings(modifier + head))
        {
            total++;
            var tokens = ColumnFeatures.NameTokens(column);
            var stem = modifier.EndsWith('s') && !tokens.Contains(modifier) ? modifier[..^1] : modifier;
            // An abbreviation of the rule file (username, emailaddress) is replaced by its expansion before segmentation; a
            // compound the rules name as a word stays whole.
            bool abbreviation = !NameRuleSet.Default.ExpandAbbreviations([modifier + head]).SequenceEqual([modifier + head]);
            if (!abbreviation && Segmenter.Contains(modifier + head))
            {
                if (tokens.Contains(stem) || !tokens.Contains(modifier + head)) misses.Add($"{column} (a dictionary word): {string.Join(' ', tokens)}");
                continue;
            }
            if ((!abbreviation && !tokens.Contains(modifier + head)) || !tokens.Contains(stem) || !tokens.Contains(head))
                misses.Add($"{column}: {string.Join(' ', tokens)}");
        }
        Assert.That(total, Is.EqualTo(5 * (16 * 13 + 7 * 7 + 9 * 7 + 6 * 6)));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total} column names lack the compound or one of its words: {string.Join("; ", misses.Take(10))}");
    }

    [Test]
    public void SpanishCompoundsWithDe_SplitIntoThreeWords()
    {
        string[] first = ["fecha", "numero", "direccion", "nombre", "codigo"], second = ["nacimiento", "factura", "pedido", "cliente", "usuario"];
        var misses = new List<string>();
        foreach (var a in first)
        foreach (var b in second)
        {
            var parts = Segmenter.Segment(a + "de" + b);
            if (parts is null || !parts.SequenceEqual([a, "de", b])) misses.Add($"{a}de{b} → {(parts is null ? "(whole)" : string.Join(' ', parts))}");
        }
        Assert.That(misses, Is.Empty, string.Join("; ", misses));
    }

    [Test]
    public void CompoundWords_GetTheLexiconsEnglish()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ColumnFeatures.NameTokens("kundennummer"), Is.SupersetOf(new[] { "kundennummer", "kunden", "nummer", "number" }));
            Assert.That(ColumnFeatures.NameTokens("rechnungsanschrift"), Is.SupersetOf(new[] { "rechnung", "anschrift", "invoice", "address" }));
            Assert.That(ColumnFeatures.NameTokens("fechanacimiento"), Is.SupersetOf(new[] { "fecha", "nacimiento", "date", "birth" }));
            Assert.That(ColumnFeatures.NameTokens("montantfacture"), Is.SupersetOf(new[] { "montant", "facture", "amount", "invoice" }));
            // A word of a compound that is an abbreviation is expanded like a separate token (ipaddr: ip address).
            Assert.That(ColumnFeatures.NameTokens("customeraddr"), Is.SupersetOf(new[] { "customeraddr", "customer", "address" }));
        }
    }

    [TestCase("expiresat", "expires at")]
    [TestCase("lastsyncat", "last sync at")]
    [TestCase("userid", "user id")]
    [TestCase("customerids", "customer ids")]
    [TestCase("idcliente", "id cliente", Description = "the key first, as Spanish names put it")]
    [TestCase("createdby", "created by")]
    [TestCase("isactive", "is active")]
    [TestCase("ipaddress", "ip address")]
    [TestCase("emailverified", "email verified")]
    [TestCase("subprice", "sub price", Description = "a three-letter word of the short list")]
    [TestCase("usertitles", "user title", Description = "a plural's stem")]
    [TestCase("inviteaccepted", "invite accept", Description = "a participle's stem")]
    [TestCase("scheduledat", "scheduled at")]
    [TestCase("pointoftax", "point of tax")]
    public void KnownCompounds_SplitAsWritten(string token, string words) =>
        Assert.That(Segmenter.Segment(token), Is.EqualTo(words.Split(' ')));

    /// <summary>Ordinary words of the four languages that hold dictionary words (pass, word, form, at, in, id, port,
    /// line, load, ship, …) or end in a two-letter word: none is split, so their features are what they were.</summary>
    private static readonly string[] LookAlikes =
    [
        "password", "passwords", "keyword", "information", "invalid", "inactive", "format", "formats", "export", "extended",
        "latest", "shared", "lineage", "message", "address", "description", "category", "statuses", "network", "passport",
        "proposal", "ownership", "membership", "partnership", "citizenship", "validation", "donation", "limitation",
        "satisfaction", "attestation", "position", "session", "personal", "storage", "package", "image", "mileage",
        "identity", "identifier", "timestamp", "combat", "habitat", "thermostat", "carton", "append", "island", "payload",
        "download", "upload", "workload", "headline", "deadline", "guideline", "pipeline", "outline", "airline", "hotline",
        "online", "offline", "inline", "mailbox", "inbox", "checkbox", "toolbar", "sidebar", "avatar", "calendar",
        "registration", "notification", "subscription", "transaction", "organization", "administration", "configuration",
        "location", "reference", "preference", "attendance", "allowance", "balance", "discount", "amount", "account",
        "commentaire", "entreprise", "paiement", "utilisateur", "reglement", "montant", "telephone", "societe", "commande",
        "identifiant", "passwort", "nachricht", "rechnung", "benutzer", "geschlecht", "kommentar", "bestellung", "zahlung",
        "telefon", "brutto", "netto", "contrasena", "direccion", "apellido", "nacimiento", "usuario", "comentario",
        "mensaje", "empresa", "impuesto", "presupuesto", "producto", "contacto", "texto", "concepto", "departement",
    ];

    [Test]
    public void LookAlikes_StayWhole()
    {
        var split = LookAlikes.Where(w => Segmenter.Segment(w) is not null).Select(w => $"{w} → {string.Join(' ', Segmenter.Segment(w)!)}").ToList();
        Assert.That(split, Is.Empty, $"{split.Count} of {LookAlikes.Length} ordinary words split: {string.Join("; ", split)}");
        // Their model tokens are what they were before the segmentation: the word, its abbreviation's expansion, the lexicon's English.
        foreach (var word in LookAlikes)
            Assert.That(ColumnFeatures.NameTokens(word), Is.EqualTo(NameLexicon.Default.AddEnglish(NameRuleSet.Default.ExpandAbbreviations([word]))), word);
    }

    [Test]
    public void PasswordLookAlikes_KeepTheirFeatures()
    {
        // password is one word (no pass, no word among its tokens), passwordhash is password + hash.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ColumnFeatures.NameTokens("password"), Is.EqualTo(new[] { "password" }));
            Assert.That(ColumnFeatures.NameTokens("user_password"), Is.EqualTo(new[] { "user", "password" }));
            Assert.That(ColumnFeatures.NameTokens("passwordhash"), Is.SupersetOf(new[] { "password", "hash" }).And.No.Member("pass"));
        }
    }

    [TestCase("", Description = "empty")]
    [TestCase("abcd", Description = "shorter than five letters")]
    [TestCase("user2name", Description = "not letters only")]
    [TestCase("zzqxwvbrt", Description = "no dictionary word")]
    [TestCase("customerzzq", Description = "a dictionary word and a remainder that is none")]
    [TestCase("brutto", Description = "a look-alike of brut + to")]
    [TestCase("createdat", Description = "a dictionary word (the rules name it): kept whole")]
    [TestCase("telefonnummer", Description = "a dictionary word (the rules name it): kept whole")]
    [TestCase("metadata", Description = "a dictionary word: not meta + data")]
    public void NoSegmentation(string token) => Assert.That(Segmenter.Segment(token), Is.Null);

    [Test]
    public void OverOwnDictionary_ReadsOnlyThoseWords()
    {
        var segmenter = new ClosedCompoundSegmenter(["billing", "address", "a", "x1"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(segmenter.Count, Is.EqualTo(2), "one-letter words and words with digits are ignored");
            Assert.That(segmenter.Segment("billingaddress"), Is.EqualTo(new[] { "billing", "address" }));
            Assert.That(segmenter.Segment("shippingaddress"), Is.Null, "shipping is not in this dictionary");
            Assert.That(segmenter.Segment("billingaddresses"), Is.EqualTo(new[] { "billing", "address" }), "a plural's stem");
        }
        Assert.That(() => new ClosedCompoundSegmenter(null!), Throws.ArgumentNullException);
        Assert.That(() => segmenter.Segment(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void OnlyTheColumnsOwnNameFeatures_GetTheWords()
    {
        string[] columns = ["billingaddress", "id", "kundennummer"];
        var input = ColumnFeatures.Build(new ColumnEvidence
        {
            Table = "orders",
            TableColumns = columns,
            Column = new ColumnInfo { Name = "billingaddress", Ordinal = 1, DeclaredType = "text", Family = TypeFamily.Text },
        }, null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(input.Name, Is.EqualTo("billingaddress billing address"));
            Assert.That(input.Siblings.Split(' '), Is.EquivalentTo(new[] { "id", "kundennummer" }), "a sibling's compound is not split");
            Assert.That(input.Context.Split(' '), Is.EqualTo(new[] { "order_billingaddress" }));
            Assert.That(ColumnFeatures.Tokenize("kundennummer"), Is.EqualTo(new[] { "kundennummer" }));
        }
    }

    [Test]
    public void TableNames_AreNotSegmented_TheirCompoundsAreReadByTheirHeads() =>
        Assert.That(ColumnFeatures.TableTokens("glpi_computertypes"), Is.EqualTo(new[] { "glpi", "computertype", "type" }));

    // ------------------------------------------------------------------ a key to a person at either end

    private static readonly string[] KeyTokens = ["id", "fk", "ref", "key", "uuid"];
    private static readonly string[] PersonWords =
        ["user", "customer", "client", "member", "author", "owner", "employee", "cliente", "usuario", "kunde", "benutzer",
         "utilisateur", "adherent", "mitarbeiter", "empleado"];
    private static readonly string[] OtherWords =
        ["product", "invoice", "category", "producto", "factura", "rechnung", "produit", "status", "currency", "country"];

    private static IEnumerable<string> KeySpellings(string key, string word) =>
        [$"{key}_{word}", $"{key}{char.ToUpperInvariant(word[0])}{word[1..]}", $"{key.ToUpperInvariant()}_{word.ToUpperInvariant()}",
         $"{word}_{key}", $"{word}{char.ToUpperInvariant(key[0])}{key[1..]}"];

    [Test]
    public void PersonKeys_AtEitherEnd_AreReferencesToAPerson()
    {
        var rules = NameRuleSet.Default;
        var misses = new List<string>();
        int total = 0;
        foreach (var key in KeyTokens)
        foreach (var word in PersonWords)
        foreach (var name in KeySpellings(key, word))
        {
            total++;
            if (!ColumnFeatures.IsPersonReference(rules, rules.Match("orders", name, TypeFamily.Integer).Tokens)) misses.Add(name);
        }
        Assert.That(total, Is.EqualTo(5 * 15 * 5));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total} keys to a person not read: {string.Join(", ", misses.Take(10))}");
    }

    [Test]
    public void OtherKeys_AtEitherEnd_AreNoReferenceToAPerson()
    {
        var rules = NameRuleSet.Default;
        var wrong = new List<string>();
        foreach (var key in KeyTokens)
        foreach (var word in OtherWords)
        foreach (var name in KeySpellings(key, word))
            if (ColumnFeatures.IsPersonReference(rules, rules.Match("orders", name, TypeFamily.Integer).Tokens)) wrong.Add(name);
        foreach (var name in new[] { "created_by", "id", "user", "customer", "user_name", "id_key" })
            if (ColumnFeatures.IsPersonReference(rules, rules.Match("orders", name, TypeFamily.Integer).Tokens)) wrong.Add(name);
        Assert.That(wrong, Is.Empty, string.Join(", ", wrong));
    }

    [Test]
    public void KeyFirstSibling_GivesTheTableSignalPr()
    {
        static string[] SignalsOf(params string[] columns) => ColumnFeatures.Build(new ColumnEvidence
        {
            Table = "pedidos",
            TableColumns = columns,
            Column = new ColumnInfo { Name = columns[0], Ordinal = 1, DeclaredType = "text", Family = TypeFamily.Text },
        }, null).TableSignals.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignalsOf("comentario", "id", "id_cliente"), Is.SupersetOf(new[] { "pr", "pr_comentario" }));
            Assert.That(SignalsOf("comentario", "id", "cliente_id"), Is.SupersetOf(new[] { "pr", "pr_comentario" }));
            Assert.That(SignalsOf("comentario", "id", "idKunde"), Does.Contain("pr"));
            Assert.That(SignalsOf("comentario", "id", "id_producto"), Does.Not.Contain("pr"));
        }
    }
}
