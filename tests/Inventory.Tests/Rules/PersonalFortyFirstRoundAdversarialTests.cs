using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, twentieth error-kind round (people41; rules/MODEL.md, <i>Experiments of the twentieth error-kind round,
/// contact and other_personal</i>): the coordinates of a person's or an organisation's record that also holds its street
/// address, postal code or address line are that address geocoded, <c>other_personal.location</c> (LABELS.md tie-breaker
/// 13: "coordinates of an address or place of a person or an organisation"), even when another column of the row is a
/// device word (the IP of whoever saved it); before, that device word alone made them a position a device recorded
/// (<c>automatic.geolocation</c>). Look-alikes that must stay: coordinates in tables that record visits, events, sessions
/// or devices (their own name says so) stay <c>automatic.geolocation</c> with a street address beside them; coordinates
/// beside an IP in a person's record without any address part stay <c>automatic.geolocation</c>; the other columns of
/// those tables are never taken by the coordinates. Names and types only, four languages, hundreds of generated columns
/// per test. Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class PersonalFortyFirstRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] CoordinateTypes =
        ["double precision", "double(24,8)", "decimal(10,6)", "float", "numeric(9,6)", "real", "varchar(255)", "DOUBLE"];

    private static readonly string[][] CoordinateNames =
        W("latitude", "longitude", "geo latitude", "geo longitude", "gps latitude", "gps longitude", "geopoint", "coordinates",
            "latitude deg", "latlng");

    // Records of people and organisations (contacts, companies, customers, members, suppliers) in the four languages.
    private static readonly KindWording[] RecordsOfPeopleAndOrganisations =
    [
        new("en", CoordinateNames, ["contacts", "companies", "customers", "members", "suppliers", "clients", "customer_accounts"]),
        new("fr", W("latitude", "longitude", "coordonnees", "geo latitude", "geo longitude"),
            ["societe", "client", "fournisseur", "membre", "personne", "entreprise"]),
        new("de", W("breitengrad", "laengengrad", "koordinaten", "geo latitude", "geo longitude"),
            ["kunde", "firma", "mitglied", "lieferant", "unternehmen"]),
        new("es", W("latitud", "coordenadas", "geo latitud", "geo longitud", "longitud gps"),
            ["cliente", "empresa", "miembro", "proveedor", "persona"]),
    ];

    // The row's street address (a street, postal code or address line) and a device word beside it (the IP of whoever saved
    // the row, its import key, an audit history).
    private static readonly string[][] AddressAndDeviceSiblings =
    [
        ["id", "name", "address", "zip", "town", "ip", "import_key", "created_at"],
        ["id", "lastname", "firstname", "address", "zip", "town", "phone", "email", "ip"],
        ["id", "nom", "adresse", "code_postal", "ville", "ip", "datec"],
        ["id", "name", "street", "postal_code", "city", "last_ip", "updated_at"],
        ["id", "name", "strasse", "plz", "ort", "ip", "erstellt_am"],
        ["id", "nombre", "direccion", "codigo_postal", "ciudad", "ip", "creado_en"],
        ["id", "company_name", "address_line1", "address_line2", "postcode", "ip_address", "user_agent"],
        ["id", "email", "street_address", "zipcode", "country", "signup_ip", "history"],
    ];

    [Test]
    public void CoordinatesOfARecordWithItsStreetAddress_AreThePlaceOfThePersonOrOrganisation([Range(0, 7)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates of a person's or an organisation's record beside its street address and a device word",
                RecordsOfPeopleAndOrganisations, CoordinateTypes, AddressAndDeviceSiblings[siblings], ["other_personal.location"]),
            200, 4100 + siblings);

    [Test]
    public void CoordinatesOfARecordWithItsStreetAddress_WithTheModel_ArePersonal([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("coordinates of a person's or an organisation's record beside its street address, with the model",
                RecordsOfPeopleAndOrganisations, CoordinateTypes, AddressAndDeviceSiblings[siblings * 2], ["other_personal"]),
            200, 4110 + siblings, "automatic");

    // Tables that record what a device or a visit does, in the four languages.
    private static readonly KindWording[] DeviceRecords =
    [
        new("en", CoordinateNames, ["visits", "page_visits", "click_events", "device_pings", "sessions", "tracking_events", "login_events"]),
        new("fr", W("latitude", "longitude", "coordonnees"), ["visites", "evenements", "connexions", "appareils"]),
        new("de", W("breitengrad", "laengengrad", "koordinaten"), ["besuche", "ereignisse", "sitzungen", "geraete"]),
        new("es", W("latitud", "longitud", "coordenadas"), ["visitas", "eventos", "dispositivos"]),
    ];

    private static readonly string[][] DeviceSiblings =
    [
        ["id", "user_id", "address", "zip", "city", "ip", "created_at"],
        ["id", "visitor_id", "street", "postal_code", "ip_address", "user_agent"],
        ["id", "session_id", "user_id", "city", "country", "ip"],
        ["id", "device_id", "customer_id", "accuracy", "recorded_at"],
    ];

    [Test]
    public void CoordinatesOfAVisitOrEvent_StayADevicesPosition([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates of a visit, event, session or device (the table says so), an address beside them or not",
                DeviceRecords, CoordinateTypes, DeviceSiblings[siblings], ["automatic.geolocation"]), 200, 4120 + siblings);

    private static readonly string[][] IpWithoutAddressSiblings =
    [
        ["id", "name", "email", "ip", "created_at"],
        ["id", "lastname", "firstname", "phone", "ip", "import_key"],
        ["id", "nom", "courriel", "ip", "datec"],
        ["id", "name", "email", "last_ip", "user_agent", "history"],
    ];

    [Test]
    public void CoordinatesBesideAnIpWithoutAnAddress_StayADevicesPosition([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("coordinates beside an IP address in a person's or an organisation's record without any address part",
                RecordsOfPeopleAndOrganisations, CoordinateTypes, IpWithoutAddressSiblings[siblings], ["automatic.geolocation"]),
            200, 4130 + siblings);

    // The other columns of the address-and-device records: the address parts stay the address, the IP stays an IP.
    private static readonly KindWording[] AddressParts =
    [
        new("en", W("address", "zip", "town", "street", "postal code", "address line1"), ["contacts", "companies", "customers", "suppliers"]),
        new("fr", W("adresse", "code postal", "ville"), ["societes", "clients", "fournisseurs"]),
        new("de", W("strasse", "plz"), ["kunden", "firmen", "lieferanten"]),
        new("es", W("direccion", "codigo postal", "ciudad"), ["clientes", "empresas", "proveedores"]),
    ];

    [Test]
    public void AddressPartsBesideTheCoordinates_StayTheAddress([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("address parts of a record holding coordinates and a device word",
                AddressParts, ["varchar(255)", "text", "varchar(64)"], [.. AddressAndDeviceSiblings[siblings * 2], "geolat", "geolong"],
                ["contact.postal_address"]), 200, 4140 + siblings);
}
