using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The bare words of a table of stored cards or payment methods in French, German and Spanish (trial31 finding 6:
/// <c>moyens_paiement.titulaire</c> was suggested an e-mail and <c>derniers_chiffres</c> none from names and types):
/// the holder is the person whose name is on the card (contact.name); the last digits, brand, network and expiry are the
/// card's (financial.payment_card). The same words in a product catalogue or in tables of other things stay out.
/// Generated in bulk by <see cref="AdversarialColumns"/> in the spellings databases use; only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class StoredCardWordAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Siblings = ["id", "user_id", "created_at", "is_default"];

    internal static readonly ColumnKind HoldersOfStoredCards = new("the holder of a stored card",
        [
            new("en", W("holder"), ["payment_methods", "cards", "saved_cards", "wallets"]),
            new("fr", W("titulaire"), ["moyens_paiement", "moyens_de_paiement", "cartes", "cartes_enregistrees"]),
            new("de", W("inhaber", "inhaberin"), ["zahlungsmittel", "karten", "gespeicherte_karten", "zahlungsarten"]),
            new("es", W("titular"), ["medios_pago", "medios_de_pago", "tarjetas", "tarjetas_guardadas"]),
        ],
        EngineTextTypes, Siblings, ["contact.name"]);

    internal static readonly ColumnKind CardWordsOfStoredCards = new("the last digits, brand, network or expiry of a stored card",
        [
            new("fr", W("derniers chiffres", "4 derniers chiffres", "quatre derniers chiffres", "marque", "reseau", "date expiration",
                "mois expiration", "annee expiration"), ["moyens_paiement", "moyens_de_paiement", "cartes", "cartes_enregistrees"]),
            new("de", W("letzte ziffern", "letzte 4", "letzte 4 ziffern", "endziffern", "marke", "kartenmarke", "netzwerk", "ablaufdatum",
                "ablaufmonat", "ablaufjahr"), ["zahlungsmittel", "karten", "gespeicherte_karten", "zahlungsarten"]),
            new("es", W("ultimos digitos", "ultimos 4", "ultimos cuatro digitos", "marca", "fecha caducidad", "fecha de vencimiento",
                "mes caducidad", "ano vencimiento"), ["medios_pago", "medios_de_pago", "tarjetas", "tarjetas_guardadas"]),
        ],
        ["varchar(4)", "char(4)", "varchar(32)", "text", "integer", "smallint", "date"], Siblings, ["financial.payment_card"]);

    internal static readonly ColumnKind TheSameWordsElsewhere = new("holder, brand and last-digit words outside card tables",
        [
            new("en", W("holder", "brand"), ["products", "placeholders", "catalog_items", "positions"]),
            new("fr", W("titulaire", "type titulaire", "marque", "derniers chiffres"), ["produits", "postes", "catalogue_articles", "vehicules"]),
            new("de", W("inhaber", "marke", "letzte ziffern"), ["produkte", "artikel", "fahrzeuge", "stellen"]),
            new("es", W("titular", "marca", "ultimos digitos"), ["productos", "articulos", "noticias", "vehiculos"]),
        ],
        EngineTextTypes, ["id", "name", "created_at"], ["none"]);

    internal static readonly ColumnKind LongerNamesInCardTables = new("a holder's type or a longer name ending in a card word, in card tables",
        [
            new("en", W("holder type", "place holder", "account holder count"), ["payment_methods", "cards", "wallets"]),
            new("fr", W("type titulaire", "type de titulaire", "sous marque", "nombre titulaire"), ["moyens_paiement", "cartes"]),
            new("de", W("inhaber typ", "inhaber anzahl", "untermarke"), ["zahlungsmittel", "karten"]),
            new("es", W("tipo titular", "tipo de titular", "submarca"), ["medios_pago", "tarjetas"]),
        ],
        ["varchar(64)", "text", "integer"], Siblings, ["none"]);

    [Test]
    public void LongerNamesInCardTables_AreNeverTakenByTheHolderRule() =>
        AssertRuleNeverFires(LongerNamesInCardTables, 400, 3137, "name.multi.holder-of-a-stored-card");

    [Test]
    public void TheHolderOfAStoredCard_IsAName() =>
        AdversarialColumns.AssertAllAccepted(Rules, HoldersOfStoredCards, 400, 3131);

    [Test]
    public void TheHolderOfAStoredCard_IsAName_WithTheShippedModel() =>
        AdversarialColumns.AssertAllAccepted(Combined, HoldersOfStoredCards, 400, 3132);

    [Test]
    public void TheCardWordsOfAStoredCard_AreCardData() =>
        AdversarialColumns.AssertAllAccepted(Rules, CardWordsOfStoredCards, 600, 3133);

    [Test]
    public void TheCardWordsOfAStoredCard_AreCardData_WithTheShippedModel() =>
        AdversarialColumns.AssertAllAccepted(Combined, CardWordsOfStoredCards, 600, 3134);

    [Test]
    public void TheSameWordsOutsideCardTables_AreNeverTakenByTheHolderRule() =>
        AssertRuleNeverFires(TheSameWordsElsewhere, 600, 3135, "name.multi.holder-of-a-stored-card");

    [Test]
    public void TheSameWordsOutsideCardTables_AreNeverTakenByTheCardWordRule() =>
        AssertRuleNeverFires(TheSameWordsElsewhere, 600, 3136, "name.multi.card-words-of-a-stored-card");
}
