using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, twenty-first error-kind round (errors42; rules/MODEL.md, <i>Experiments of the twenty-first error-kind round
/// (session 42, errors42)</i>), personal vs none both ways. Two kinds, each generated in bulk in the rules' four languages,
/// with the look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>Coordinates in a record that holds a contact address (a street with a postal code, town or country, or with an
/// e-mail or a phone) are that address geocoded, <c>other_personal.location</c> (LABELS.md tie-breaker 13), even when the
/// table's name names no person or organisation (entities, services, establishments); before, the context gate
/// <c>gate.context.subject</c> called them the organisation's own places (<c>none</c>). Look-alikes: coordinates beside a
/// bare address (the place of a project, a space, a heading) and the organisation's own premises with their full address
/// (stores, shops, warehouses: C33) stay <c>none</c>.</item>
/// <item>An integer cart id is a key to a cart row (LABELS.md none: keys; trial41 M5), never a tracking id; a cart id held
/// as text or a UUID stays the anonymous cart a cookie carries, <c>automatic.device_id</c> (tie-breaker 11), and integer
/// session and device ids keep their reading.</item>
/// </list>
/// Names and types only, hundreds of generated columns per test. Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class ErrorKindTwentyFirstRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] CoordinateTypes =
        ["double precision", "double(24,8)", "decimal(10,6)", "float", "numeric(9,6)", "real", "varchar(255)", "DOUBLE"];

    // Records whose table names no person, device or organisation: entities, services, units, establishments.
    private static readonly KindWording[] ContactRecordsWithoutASubjectWord =
    [
        new("en", W("latitude", "longitude", "lat", "lng", "geo latitude", "geo longitude", "gps latitude", "gps longitude"),
            ["entities", "services", "units", "establishments", "structures", "organisms"]),
        new("fr", W("latitude", "longitude", "coordonnees", "geo latitude", "geo longitude"),
            ["entites", "services", "etablissements", "structures", "organismes"]),
        new("de", W("breitengrad", "laengengrad", "koordinaten", "geo latitude", "geo longitude"),
            ["einheiten", "dienststellen", "einrichtungen", "abteilungen"]),
        new("es", W("latitud", "coordenadas", "geo latitud", "geo longitud", "longitud gps"),
            ["entidades", "servicios", "establecimientos", "unidades"]),
    ];

    // A contact address: a street or address line with a postal code, town or country, or with an e-mail or phone.
    private static readonly string[][] ContactAddressSiblings =
    [
        ["id", "name", "address", "postcode", "town", "country", "comment"],
        ["id", "name", "address", "email", "phonenumber", "website"],
        ["id", "nom", "adresse", "code_postal", "ville", "created_at"],
        ["id", "nom", "adresse", "email", "telephone", "horaires"],
        ["id", "name", "strasse", "plz", "ort", "updated_at"],
        ["id", "nombre", "direccion", "codigo_postal", "ciudad", "level"],
        ["id", "label", "street", "city", "fax", "date_mod"],
        ["id", "name", "address_line1", "zip", "state", "completename"],
    ];

    [Test]
    public void CoordinatesOfARecordHoldingAContactAddress_AreThatPlace([Range(0, 7)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates of a record that holds a contact address, its table naming no person or organisation",
                ContactRecordsWithoutASubjectWord, CoordinateTypes, ContactAddressSiblings[siblings], ["other_personal.location"]),
            200, 4200 + siblings);

    // Look-alike: the place of a project, a space, a heading or a map, with a bare address and no other contact part.
    private static readonly KindWording[] PlacesOfThings =
    [
        new("en", W("latitude", "longitude", "lat", "lng"), ["projects", "budget_projects", "space_locations", "headings", "geo_configs", "maps"]),
        new("fr", W("latitude", "longitude", "coordonnees"), ["projets", "espaces", "rubriques"]),
        new("de", W("breitengrad", "laengengrad"), ["projekte", "bereiche"]),
        new("es", W("latitud", "coordenadas"), ["proyectos", "espacios"]),
    ];

    private static readonly string[][] BareAddressSiblings =
    [
        ["id", "title", "description", "address", "created_at", "updated_at"],
        ["id", "space_id", "space_type", "address", "created_at"],
        ["id", "titre", "adresse", "budget_amount", "reference"],
        ["id", "zoom", "tile", "created_at"],
    ];

    [Test]
    public void CoordinatesBesideABareAddressOrNone_StayTheOrganisationsOwnPlaces([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates of a project, space or map, beside a bare address or none",
                PlacesOfThings, CoordinateTypes, BareAddressSiblings[siblings], ["none"]), 200, 4210 + siblings);

    // Look-alike: the organisation's own premises with their full address (C33: a store's position is not personal).
    private static readonly KindWording[] Premises =
    [
        new("en", W("latitude", "longitude", "lat", "lng"), ["stores", "shops", "warehouses", "branches", "offices", "depots"]),
        new("fr", W("latitude", "longitude", "coordonnees"), ["magasins", "boutiques", "entrepots", "agences"]),
        new("de", W("breitengrad", "laengengrad", "koordinaten"), ["filialen", "lager", "niederlassungen"]),
        new("es", W("latitud", "coordenadas"), ["tiendas", "almacenes", "sucursales", "oficinas"]),
    ];

    [Test]
    public void CoordinatesOfPremisesWithTheirFullAddress_StayNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates of the organisation's own premises beside their full address",
                Premises, CoordinateTypes, ContactAddressSiblings[siblings * 2], ["none"]), 200, 4220 + siblings);

    // The address parts beside the coordinates are not taken by them.
    private static readonly KindWording[] AddressParts =
    [
        new("en", W("address", "postcode", "town", "street"), ["entities", "services", "establishments"]),
        new("fr", W("adresse", "code postal", "ville"), ["entites", "etablissements"]),
        new("de", W("strasse", "plz"), ["einheiten", "dienststellen"]),
        new("es", W("direccion", "codigo postal", "ciudad"), ["entidades", "establecimientos"]),
    ];

    [Test]
    public void AddressPartsBesideTheCoordinates_StayTheAddress([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("address parts of a record holding coordinates",
                AddressParts, ["varchar(255)", "text", "varchar(64)"], [.. ContactAddressSiblings[siblings * 2], "latitude", "longitude"],
                ["contact.postal_address"]), 200, 4230 + siblings);

    private static readonly string[] IntegerTypes = ["int", "int(11)", "integer", "bigint", "int unsigned", "INT", "serial", "bigint(20)"];
    private static readonly string[] TokenTypes = ["varchar(64)", "varchar(255)", "text", "uuid", "char(36)", "String", "character varying(128)"];

    private static readonly KindWording[] CartIds =
    [
        new("en", W("cart id", "basket id"), ["cart", "carts", "cart_items", "cart_products", "orders", "checkout", "baskets", "wishlist"]),
        new("fr", W("id panier", "panier id"), ["panier", "paniers", "lignes_panier", "commandes"]),
        new("de", W("warenkorb id", "warenkorbid"), ["warenkorb", "warenkoerbe", "bestellungen"]),
        new("es", W("id carrito", "carrito id"), ["carrito", "carritos", "pedidos"]),
    ];

    private static readonly string[][] CartSiblings =
    [
        ["id", "customer_id", "product_id", "quantity", "date_added"],
        ["api_id", "session_id", "product_id", "option", "quantity"],
        ["id", "user_id", "total", "created_at"],
        ["id", "produit_id", "quantite", "date_ajout"],
    ];

    [Test]
    public void IntegerCartIds_AreKeysNotTrackingIds([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("an integer cart id: a key to a cart row", CartIds, IntegerTypes, CartSiblings[siblings], ["none"]),
            200, 4240 + siblings);

    [Test]
    public void IntegerCartIds_WithTheModel_AreNeverATrackingId([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("an integer cart id with the model", CartIds, IntegerTypes, CartSiblings[siblings], ["none"]),
            200, 4250 + siblings, "automatic.device_id");

    [Test]
    public void CartIdsHeldAsTextOrUuid_StayTheCookiesCart([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a cart id held as text or a UUID: the anonymous cart a cookie carries", CartIds, TokenTypes,
                CartSiblings[siblings], ["automatic.device_id"]), 200, 4260 + siblings);

    // Look-alike: integer session and device ids keep the device-id reading the cart id left (openreplay's bigint session_id).
    private static readonly KindWording[] IntegerTrackingIds =
    [
        new("en", W("session id", "device id", "visitor id", "tracking id"), ["events", "page_views", "clicks", "sessions_notes"]),
        new("fr", W("id session", "id appareil"), ["evenements", "visites"]),
        new("de", W("sitzungs id", "besucher id"), ["ereignisse", "besuche"]),
        new("es", W("id sesion", "id visitante"), ["eventos", "visitas"]),
    ];

    [Test]
    public void IntegerSessionAndDeviceIds_StayTrackingIds() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("integer session, device and visitor ids of event tables", IntegerTrackingIds, IntegerTypes,
                ["id", "timestamp", "url", "created_at"], ["automatic.device_id"]), 400, 4270);
}
