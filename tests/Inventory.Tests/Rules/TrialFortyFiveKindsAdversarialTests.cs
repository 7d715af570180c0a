using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, the kinds a newcomer met on unseen invented applications (trial45, kinds46; rules/MODEL.md, <i>Kinds a
/// newcomer met on unseen applications (session 46, kinds46)</i>), each asserted in the rules' four languages (EN/FR/DE/ES)
/// against LABELS.md, with the look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>The title and text of an article in a table named like the catalogue (<c>articles</c>, <c>Artikel</c>,
/// <c>articulos</c>) with an author's key and no price are <c>customer_content.message</c>, names only and with prose
/// (<see cref="RuleClassifier.UsersArticlesEvidence"/>); a catalogue of articles with a price, a SKU or a stock, or without
/// an author, is none.</item>
/// <item>The time of an access (<c>accesos.fecha_acceso</c>, <c>Zugriffe.Zeitpunkt</c>) and the time of a search beside
/// the terms typed (<c>busquedas.fecha</c>) are <c>automatic.activity</c> (tie-breaker 10); the same words in orders and
/// in saved searches are not.</item>
/// <item>A payment gateway's ids without a brand (<c>gateway_customer_id</c>, <c>referencia_pasarela</c>,
/// <c>zahlungsanbieter_kunden_id</c>) are <c>financial.payment_reference</c>; a network gateway is not financial.</item>
/// <item>French and Spanish head-first e-mail and IP address of a writer (<c>courriel_auteur</c>, <c>ip_autor</c>) are the
/// e-mail and the IP address, not the writer's name (which <c>nom_auteur</c> stays).</item>
/// <item>A German or Spanish remark (<c>anmerkung</c>, <c>observaciones</c>) is <c>customer_content.message</c>.</item>
/// <item>A "posted on" date (<c>poste_le</c>, <c>publie_le</c>) is none, a staff member's <c>poste</c> stays employment;
/// a room's or property's list price per night (<c>precio_noche</c>, <c>nightly_rate</c>) is none, in a booking
/// <c>financial.billing</c>.</item>
/// <item>Short tax-number names (<c>st_nr</c>, <c>steuer_nr</c>, <c>numero_fiscal</c>) are <c>financial.tax_id</c>.</item>
/// </list>
/// Names and types only (hundreds of generated columns per test), and with generated prose for the articles. Only kinds
/// are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class TrialFortyFiveKindsAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TimeTypes =
        ["timestamp", "datetime", "timestamp without time zone", "timestamp with time zone", "DateTime", "datetime2", "TIMESTAMP"];

    private static readonly string[] TextTypes =
        ["varchar(255)", "varchar(200)", "character varying(255)", "text", "String", "nvarchar(200)", "TEXT", "longtext"];

    private static readonly string[] KeyTypes = ["varchar(64)", "varchar(255)", "character varying(64)", "text", "String", "VARCHAR(40)"];

    private static readonly string[] MoneyTypes = ["decimal(10,2)", "numeric(12,2)", "decimal(19,4)", "money", "DECIMAL(15,2)"];

    // ---------------------------------------------------------------- 1. written articles in a catalogue-named table

    private static readonly KindWording[] ArticleText =
    [
        new("en", W("title", "body", "content", "summary", "excerpt", "subtitle", "text"), ["articles", "article", "news_articles"]),
        new("fr", W("titre", "contenu", "texte", "resume", "chapeau", "sous titre", "corps"), ["articles", "article"]),
        new("de", W("titel", "inhalt", "text", "zusammenfassung", "teaser", "untertitel"), ["artikel"]),
        new("es", W("titulo", "contenido", "cuerpo", "texto", "resumen", "entradilla", "subtitulo"), ["articulos", "articulo"]),
    ];

    // Each language's article table as written, with the writer's key (and a publication date) beside the text.
    private static readonly (string Language, string[] Siblings)[] AuthoredSiblings =
    [
        ("en", ["id", "author_id", "published_at", "slug"]),
        ("en", ["id", "user_id", "created_at"]),
        ("fr", ["id", "auteur_id", "date_publication", "slug"]),
        ("fr", ["id", "id_utilisateur", "publie_le"]),
        ("de", ["id", "autor_id", "veroeffentlicht_am"]),
        ("de", ["id", "verfasser_id", "benutzer_id", "erstellt_am"]),
        ("es", ["id", "autor_id", "fecha_publicacion"]),
        ("es", ["id", "usuario_id", "creado_en"]),
    ];

    // The same tables as a shop's catalogue: a price, a SKU or a stock beside the text (an author key or not). A table with
    // neither an author key nor a price is left as it was (an English `articles.body` stays a message by name.multi.message).
    private static readonly (string Language, string[] Siblings)[] CatalogueSiblings =
    [
        ("en", ["id", "sku", "price", "stock"]),
        ("en", ["id", "author_id", "price"]),
        ("fr", ["id", "reference_article", "prix_ht", "stock"]),
        ("fr", ["id", "auteur_id", "prix"]),
        ("de", ["id", "artikelnummer", "preis", "lagerbestand"]),
        ("de", ["id", "autor_id", "preis"]),
        ("es", ["id", "sku", "precio", "existencias"]),
        ("es", ["id", "autor_id", "precio"]),
    ];

    private static ColumnKind ArticleKind(string what, string language, string[] siblings, string[] accepted) =>
        new(what, [ArticleText.Single(w => w.Language == language)], TextTypes, siblings, accepted);

    [Test]
    public void TextOfAWrittenArticle_IsMessage_NamesOnly()
    {
        int seed = 46100;
        foreach (var (language, siblings) in AuthoredSiblings)
            AdversarialColumns.AssertAllAccepted(Rules,
                ArticleKind($"the text of an article with its author's key ({language}: {string.Join(", ", siblings)})", language, siblings,
                    ["customer_content.message"]), 150, seed++);
    }

    [Test]
    public void TextOfAWrittenArticle_WithTheModel_IsNeverNone()
    {
        int seed = 46110;
        foreach (var (language, siblings) in AuthoredSiblings)
            AdversarialColumns.AssertNoneTake(Combined,
                ArticleKind($"the text of an article with its author's key, with the model ({language})", language, siblings,
                    ["customer_content.message"]), 100, seed++, "none");
    }

    [Test]
    public void TextOfAWrittenArticle_RuleDecision_IsATableContextAtSevenTenths()
    {
        var columns = AdversarialColumns.Generate(ArticleKind("the text of a French article", "fr", ["id", "auteur_id", "date_publication"],
            ["customer_content.message"]), 200, 46120);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        // Names the generic-name or message rules read themselves (contenu, texte) may decide by name; the rest is the table's.
        var byTable = decisions.Where(d => d.Evidence.Count > 0 && d.Evidence[0].Id == RuleClassifier.UsersArticlesEvidence).ToList();
        Assert.That(byTable, Has.Count.GreaterThan(50), "the table-context decision decides the French titles");
        Assert.That(byTable.Select(d => d.Confidence).Distinct(), Is.EqualTo(new[] { 0.7 }));
    }

    [Test]
    public void TextOfACatalogueOfArticles_IsNotContent()
    {
        int seed = 46130;
        foreach (var (language, siblings) in CatalogueSiblings)
            AdversarialColumns.AssertNoneTake(Rules,
                ArticleKind($"the text of a catalogue of articles ({language}: {string.Join(", ", siblings)})", language, siblings, ["none"]),
                150, seed++, "customer_content");
    }

    // Prose as people write posts (no identifiers inside, so the catalogue reading has nothing else to go by).
    private static Func<Random, string> ArticleProse(string language)
    {
        string[] sentences = language switch
        {
            "fr" => ["Hier nous sommes partis marcher dans les Vosges sous la pluie.", "La recette de ma grand-mère tient en trois lignes.",
                "Je vous raconte comment nous avons rénové la cuisine en un mois.", "Ce matin le marché était plein de fraises.",
                "Voici mes conseils pour bien préparer un premier marathon."],
            "de" => ["Gestern sind wir trotz Regen im Schwarzwald gewandert.", "Das Rezept meiner Großmutter passt auf drei Zeilen.",
                "Ich erzähle euch, wie wir die Küche in einem Monat renoviert haben.", "Heute Morgen war der Markt voller Erdbeeren.",
                "Hier sind meine Tipps für den ersten Marathon."],
            "es" => ["Ayer fuimos a caminar por la sierra bajo la lluvia.", "La receta de mi abuela cabe en tres líneas.",
                "Os cuento cómo reformamos la cocina en un mes.", "Esta mañana el mercado estaba lleno de fresas.",
                "Aquí van mis consejos para preparar un primer maratón."],
            _ => ["Yesterday we went hiking in the hills despite the rain.", "My grandmother's recipe fits in three lines.",
                "Here is how we renovated the kitchen in a month.", "This morning the market was full of strawberries.",
                "These are my tips for training for a first marathon."],
        };
        return r => string.Join(" ", Enumerable.Range(0, 1 + r.Next(4)).Select(_ => Pick(r, sentences)));
    }

    private static SurveyKind ProseKind(ColumnKind kind) =>
        new("kinds46", kind, (random, column) => { var next = ArticleProse(column.Language); return r => next(r); }, NamesOnly: false);

    [Test]
    public void ProseOfAWrittenArticle_IsMessage_WithData()
    {
        int seed = 46140;
        foreach (var (language, siblings) in AuthoredSiblings)
            SampledKindAssertions.AssertSampledKind(ProseKind(ArticleKind($"prose of an article with its author's key ({language})", language,
                siblings, ["customer_content.message"])), 60, seed++, Combined);
    }

    [Test]
    public void ProseOfACatalogueOfArticles_IsNone_WithData()
    {
        int seed = 46150;
        foreach (var (language, siblings) in CatalogueSiblings)
            SampledKindAssertions.AssertSampledKind(ProseKind(ArticleKind($"prose of a catalogue of articles ({language})", language, siblings, ["none"])),
                60, seed++, Combined);
    }

    // ---------------------------------------------------------------- 2. the time of an access or a search

    private static readonly KindWording[] AccessTime =
    [
        new("en", W("accessed at", "access time", "timestamp", "created at"), ["access_logs", "access_log"]),
        new("fr", W("date acces", "date d acces", "heure acces", "date connexion", "horodatage"), ["connexions", "journal_acces", "acces_utilisateurs"]),
        new("de", W("zeitpunkt", "zugriffszeit", "zugriffsdatum", "zeitstempel", "datum"), ["zugriffe", "zugriffsprotokoll"]),
        new("es", W("fecha acceso", "fecha de acceso", "hora de acceso", "fecha", "fecha hora"), ["accesos", "registro_accesos"]),
    ];

    [Test]
    public void TimeOfAnAccess_IsActivity() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("the time of an access in an access log", AccessTime, TimeTypes, ["id", "user_id", "ip", "url"], ["automatic.activity"]),
            800, 46200);

    [Test]
    public void TimeOfAnAccess_WithTheModel_IsNeverNone() =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("the time of an access, with the model", AccessTime, TimeTypes, ["id", "user_id", "ip", "url"], ["automatic.activity"]),
            400, 46201, "none");

    private static readonly KindWording[] SearchTime =
    [
        new("en", W("created at", "searched at", "date", "timestamp"), ["searches", "user_searches"]),
        new("fr", W("date", "date de recherche", "cree le", "horodatage"), ["recherches"]),
        new("de", W("zeitpunkt", "datum", "suchdatum", "erstellt am"), ["suchanfragen", "suchen"]),
        new("es", W("fecha", "fecha de busqueda", "fecha hora", "creado en"), ["busquedas", "busqueda"]),
    ];

    [Test]
    public void TimeOfASearchBesideItsTerms_IsActivity()
    {
        int seed = 46210;
        foreach (var siblings in new[] { ["id", "user_id", "query"], ["id", "utilisateur_id", "terme"], ["id", "benutzer_id", "suchbegriff"], new[] { "id", "usuario_id", "termino" } })
            AdversarialColumns.AssertAllAccepted(Rules,
                new ColumnKind($"the time of a search beside its terms ({siblings[2]})", SearchTime, TimeTypes, siblings, ["automatic.activity"]), 300, seed++);
    }

    // Saved searches: bare search tables (not histories, which name.multi.time-of-a-search reads) holding a name and a filter.
    private static readonly KindWording[] SavedSearchTime =
    [
        new("en", W("created at", "date", "timestamp"), ["searches", "saved_searches"]),
        new("fr", W("date", "cree le", "horodatage"), ["recherches", "recherches_enregistrees"]),
        new("de", W("zeitpunkt", "datum", "erstellt am"), ["suchanfragen", "gespeicherte_suchen"]),
        new("es", W("fecha", "fecha hora", "creado en"), ["busquedas", "busquedas_guardadas"]),
    ];

    [Test]
    public void TimeOfASavedSearch_IsNotActivity() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the time of a saved search (a name and a filter)", SavedSearchTime, TimeTypes, ["id", "user_id", "name", "filter", "is_public"], ["none"]),
            600, 46220, "automatic");

    private static readonly KindWording[] TimeOfAnOrder =
    [
        new("en", W("created at", "date", "timestamp"), ["orders", "invoices"]),
        new("fr", W("date", "horodatage", "date commande"), ["commandes", "factures"]),
        new("de", W("zeitpunkt", "datum", "zeitstempel"), ["bestellungen", "rechnungen"]),
        new("es", W("fecha", "fecha hora", "fecha pedido"), ["pedidos", "facturas"]),
    ];

    [Test]
    public void TimeOfAnOrder_IsNotActivity() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the time of an order or invoice", TimeOfAnOrder, TimeTypes, ["id", "customer_id", "total"], ["none"]), 600, 46230, "automatic");

    // ---------------------------------------------------------------- 3. a gateway's references without a brand

    private static readonly KindWording[] GatewayReference =
    [
        new("en", W("gateway customer id", "gateway subscription id", "gateway payment id", "gateway token", "psp customer id"),
            ["customers", "subscriptions", "payments"]),
        new("fr", W("reference passerelle", "id client passerelle", "reference de la passerelle"), ["clients", "abonnements", "paiements"]),
        new("de", W("zahlungsanbieter kunden id", "zahlungsanbieter referenz", "zahlungsdienstleister referenz"), ["kunden", "abonnements", "zahlungen"]),
        new("es", W("referencia pasarela", "referencia de la pasarela", "id cliente pasarela", "token pasarela"), ["clientes", "suscripciones", "pagos"]),
    ];

    [Test]
    public void GatewayReferenceWithoutABrand_IsPaymentReference() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a payment gateway's reference without a brand", GatewayReference, KeyTypes, ["id", "email", "created_at"],
                ["financial.payment_reference"]), 800, 46300);

    [Test]
    public void GatewayReferenceWithoutABrand_WithTheModel_IsNeverNone() =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("a payment gateway's reference, with the model", GatewayReference, KeyTypes, ["id", "email", "created_at"],
                ["financial.payment_reference"]), 400, 46301, "none");

    private static readonly KindWording[] NetworkGateway =
    [
        new("en", W("gateway", "gateway ip", "default gateway", "gateway address"), ["networks", "subnets", "routers"]),
        new("fr", W("passerelle", "passerelle par defaut", "adresse passerelle"), ["reseaux", "sous_reseaux"]),
        new("de", W("gateway", "standardgateway", "gateway adresse"), ["netzwerke", "subnetze"]),
        new("es", W("pasarela", "puerta de enlace", "pasarela predeterminada"), ["redes", "subredes"]),
    ];

    [Test]
    public void NetworkGateway_IsNotFinancial() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("a network's gateway", NetworkGateway, KeyTypes, ["id", "name", "netmask"], ["none", "automatic"]), 600, 46310, "financial");

    // ---------------------------------------------------------------- 4. head-first e-mail and IP of a writer

    private static readonly KindWording[] EmailOfAWriter =
    [
        new("en", W("author email", "email"), ["comments", "posts"]),
        new("fr", W("courriel auteur", "email auteur", "mail auteur", "email de l auteur"), ["commentaires", "messages"]),
        new("de", W("autor email", "verfasser email"), ["kommentare", "beitraege"]),
        new("es", W("email autor", "correo autor", "email del autor", "correo del autor"), ["comentarios", "entradas"]),
    ];

    [Test]
    public void EmailOfAWriter_IsEmail() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a writer's e-mail, head first", EmailOfAWriter, TextTypes, ["id", "post_id", "body"], ["contact.email"]), 800, 46400);

    private static readonly KindWording[] IpOfAWriter =
    [
        new("en", W("author ip", "ip"), ["comments", "posts"]),
        new("fr", W("ip auteur", "ip de l auteur", "adresse ip auteur"), ["commentaires", "messages"]),
        new("de", W("autor ip", "ip adresse"), ["kommentare", "beitraege"]),
        new("es", W("ip autor", "ip del autor", "direccion ip autor"), ["comentarios", "entradas"]),
    ];

    [Test]
    public void IpOfAWriter_IsIpAddress() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a writer's IP address, head first", IpOfAWriter, ["varchar(45)", "varchar(64)", "text", "inet", "String"],
                ["id", "post_id", "body"], ["automatic.ip_address"]), 800, 46410);

    private static readonly KindWording[] NameOfAWriter =
    [
        new("en", W("author name", "author"), ["comments", "posts"]),
        new("fr", W("nom auteur", "auteur", "nom de l auteur"), ["commentaires", "messages"]),
        new("de", W("autor name", "verfasser"), ["kommentare", "beitraege"]),
        new("es", W("nombre autor", "autor", "nombre del autor"), ["comentarios", "entradas"]),
    ];

    [Test]
    public void NameOfAWriter_StaysName() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a writer's name", NameOfAWriter, TextTypes, ["id", "post_id", "body"], ["contact.name"]), 600, 46420);

    // ---------------------------------------------------------------- 5. remarks written in German and Spanish

    private static readonly KindWording[] Remark =
    [
        new("en", W("remark", "remarks", "note", "comment"), ["orders", "tickets"]),
        new("fr", W("remarque", "remarques", "commentaire"), ["commandes", "demandes"]),
        new("de", W("anmerkung", "anmerkungen", "bemerkung", "kommentar"), ["bestellungen", "anfragen"]),
        new("es", W("observaciones", "observacion", "comentario", "nota"), ["pedidos", "solicitudes"]),
    ];

    [Test]
    public void Remark_IsMessage() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a remark a person wrote", Remark, TextTypes, ["id", "customer_id", "created_at"], ["customer_content.message"]), 800, 46500);

    // ---------------------------------------------------------------- 6. posted-on dates and list prices per night

    private static readonly KindWording[] PostedOn =
    [
        new("en", W("posted on", "posted at", "published on"), ["comments", "posts"]),
        new("fr", W("poste le", "postee le", "publie le", "mis en ligne le"), ["commentaires", "annonces"]),
        new("de", W("gepostet am", "veroeffentlicht am"), ["kommentare", "beitraege"]),
        new("es", W("publicado el", "publicado en", "fecha de publicacion"), ["comentarios", "anuncios"]),
    ];

    [Test]
    public void PostedOnDate_IsNotEmployment() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("a posted-on date", PostedOn, TimeTypes, ["id", "author_id", "body"], ["none"]), 600, 46600, "other_personal");

    private static readonly KindWording[] JobOfAnEmployee =
    [
        new("en", W("job title", "occupation"), ["employees", "staff"]),
        new("fr", W("poste", "fonction"), ["employes", "salaries"]),
        new("de", W("beruf", "berufsbezeichnung"), ["mitarbeiter", "angestellte"]),
        new("es", W("puesto", "cargo"), ["empleados", "personal"]),
    ];

    [Test]
    public void JobOfAnEmployee_StaysEmployment() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("an employee's job", JobOfAnEmployee, TextTypes, ["id", "first_name", "last_name"], ["other_personal.employment"]), 600, 46610);

    private static readonly KindWording[] PricePerNight =
    [
        new("en", W("nightly rate", "nightly price", "price per night", "rate per night"), ["rooms", "properties", "listings"]),
        new("fr", W("prix nuit", "prix par nuit", "tarif nuit", "tarif par nuit"), ["chambres", "logements", "hebergements"]),
        new("de", W("preis pro nacht", "nachtpreis", "uebernachtungspreis"), ["zimmer", "unterkuenfte", "ferienwohnungen"]),
        new("es", W("precio noche", "precio por noche", "tarifa noche", "tarifa por noche"), ["habitaciones", "alojamientos", "propiedades"]),
    ];

    [Test]
    public void ListPricePerNight_IsNotBilling() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("a room's or property's list price per night", PricePerNight, MoneyTypes, ["id", "name", "capacity"], ["none"]),
            800, 46620, "financial");

    // In a booking the price per night is what the guest pays: the list-price rule stays out (billing where a billing rule
    // reads the words, precio/prix/rate; the German compounds no billing rule reads are left to the model).
    [Test]
    public void PricePerNightOfABooking_IsNotTheListPriceRule()
    {
        var booked = PricePerNight.Select(w => w with
        {
            Tables = w.Language switch
            {
                "fr" => ["reservations"], "de" => ["buchungen", "reservierungen"], "es" => ["reservas"], _ => ["bookings", "reservations"],
            },
        }).ToArray();
        var columns = AdversarialColumns.Generate(new ColumnKind("the price per night of a booking", booked, MoneyTypes, ["id", "guest_id", "check_in"],
            ["financial.billing"]), 600, 46630);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        var listPrice = columns.Zip(decisions).Where(p => p.Second.Evidence.Any(e => e.Id == "name.multi.list-price-per-night"))
            .Select(p => $"{p.First.Table}.{p.First.Column}").ToList();
        Assert.That(listPrice, Is.Empty, "the list-price rule took a booking's price per night");
        Assert.That(columns.Zip(decisions).Count(p => p.First.Language is "en" or "es" && p.Second.DataCategory == "financial.billing"),
            Is.EqualTo(columns.Count(c => c.Language is "en" or "es")), "an English or Spanish booking's price per night is billing");
    }

    // ---------------------------------------------------------------- 7. short tax-number names

    private static readonly KindWording[] ShortTaxName =
    [
        new("en", W("tax number", "tax id", "tin"), ["customers", "suppliers"]),
        new("fr", W("numero fiscal", "identifiant fiscal"), ["clients", "fournisseurs"]),
        new("de", W("st nr", "steuer nr", "stnr", "steuernummer"), ["kunden", "lieferanten"]),
        new("es", W("numero fiscal", "identificador fiscal", "nif"), ["clientes", "proveedores"]),
    ];

    [Test]
    public void ShortTaxNumberName_IsTaxId() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a tax number named shortly", ShortTaxName, ["varchar(20)", "varchar(32)", "text", "String", "character varying(20)"],
                ["id", "name", "email"], ["financial.tax_id"]), 800, 46700);
}
