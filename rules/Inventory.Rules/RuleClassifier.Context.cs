using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>The rule classifier's decisions where the values alone say nothing about whose data a column holds, and the
/// name and the table decide: hashed identifiers (C30) and coordinates (C33).</summary>
public sealed partial class RuleClassifier
{
    // Words of a hash in a column name (email_sha256, hashed_phone, user_md5).
    private static readonly HashSet<string> HashTokens = new(StringComparer.Ordinal)
        { "hash", "hashed", "hashes", "sha", "sha1", "sha2", "sha256", "sha512", "md5", "digest", "hmac", "pseudonym", "pseudonymised", "pseudonymized",
          "hache", "hachage", "empreinte", "hashwert", "huella", "pseudonyme", "pseudonymisiert", "seudonimo", "seudonimizado" };
    // Words saying whose identifier a digest was made from (C30: e-mail, phone, user, customer or device words).
    private static readonly HashSet<string> PersonIdentifierTokens = new(StringComparer.Ordinal)
        { "email", "emails", "mail", "phone", "phones", "msisdn", "mobile", "user", "customer", "client", "member", "device", "visitor",
          "subscriber", "person", "contact", "account", "patient", "ip", "login", "username",
          // French, German and Spanish (kinds19: telefon_hash, hash_telefono, utilisateur_sha256)
          "telephone", "telefono", "telefon", "handy", "movil", "portable", "celular", "gsm", "utilisateur", "nutzer", "benutzer", "usuario",
          "kunde", "cliente", "abonne", "abonnent", "suscriptor", "appareil", "geraet", "dispositivo", "visiteur", "besucher", "visitante" };
    // Words saying a digest belongs to a file or to content: a checksum, never personal (C30).
    private static readonly HashSet<string> ContentDigestTokens = new(StringComparer.Ordinal)
        { "file", "files", "blob", "content", "contents", "etag", "checksum", "crc", "attachment", "upload", "image", "document",
          "body", "payload", "object", "commit", "tree", "revision", "package", "artifact", "archive", "chunk", "integrity",
          // French, German and Spanish (kinds19: fichier_sha256, datei_hash, archivo_md5, pruefsumme)
          "fichier", "fichiers", "contenu", "piece", "datei", "dateien", "inhalt", "anhang", "archivo", "archivos", "contenido", "adjunto",
          "pruefsumme", "prufsumme", "controle", "kontrollsumme" };
    // Words that make a content word's hex values a digest of it (file_sha256, content_hash, checksum, etag, pruefsumme).
    private static readonly HashSet<string> ChecksumTokens = new(StringComparer.Ordinal)
        { "checksum", "etag", "crc", "integrity", "pruefsumme", "prufsumme", "controle", "kontrollsumme" };

    // Words saying a digest or hex string is an identifier the software generated (request_guid, trace_id, a build or
    // cache key) or a check value: none, as C30's request_guid; they keep the other rules' reading.
    private static readonly HashSet<string> GeneratedIdentifierTokens = new(StringComparer.Ordinal)
        { "id", "ids", "guid", "uuid", "trace", "span", "request", "nonce", "idempotency", "correlation", "version", "revision",
          "build", "cache", "lock", "job", "task", "run", "etag", "sha1sum",
          // check values (suma_control, Kontrollwert): a checksum, whatever the table
          "control", "suma", "kontrolle", "kontrollwert", "pruefwert", "verificacion",
          // French, German and Spanish
          "identifiant", "requete", "jeton", "kennung", "anfrage", "auftrag", "identificador", "solicitud", "peticion", "tarea" };

    /// <summary>A column whose values are hex digests (≥ 90 %, <see cref="HexDigestDetector"/>) carries no evidence in its
    /// values; its name says what was hashed. A hash of an e-mail address, a phone number or a person's or device's
    /// identifier is a pseudonymised identifier: still personal data (GDPR Recital 26; the EDPB says the same of
    /// unsalted hashes of e-mails), so <c>other_personal</c>, never the e-mail itself nor <c>none</c> (C30). File and
    /// content digests are <c>none</c>; a name that says neither what was hashed nor file, content or a generated id
    /// (C30's <c>match_key</c>) leans personal at <see cref="UnnamedDigestConfidence"/>, so a person decides; generated ids
    /// (request_guid, trace_id) and other personal names are left to the other rules.</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    /// <summary>Prefix of the evidence id (kind <c>pseudonymised</c>) that says what a pseudonymised identifier's digests
    /// were made from: <c>pseudonymised.email</c>, <c>.phone</c>, <c>.ip-address</c> or <c>.identifier</c>.</summary>
    public const string PseudonymisedEvidencePrefix = "pseudonymised.";

    /// <summary>Confidence of the <c>other_personal</c> suggestion for hex digests under a name that says nothing of what
    /// was hashed (C30's <c>match_key</c>): below any acceptance threshold, so the column asks a person.</summary>
    public const double UnnamedDigestConfidence = 0.5;

    private static ColumnClassification? PseudonymisedIdentifier(NameMatch name, DetectorResult result, List<EvidenceItem> evidence)
    {
        var hex = result[DetectorIds.HexDigest];
        if (hex.Total < 2 || hex.Ratio < 0.9) return null;
        if (name.DataCategory is "other_personal.credentials") return null;
        var tokens = name.Tokens;
        if (tokens.Any(ContentDigestTokens.Contains))
        {
            // A digest of a file or of content (C30: file_sha256, and checksum, etag in any language) is not personal; a
            // content word without a hash or checksum word (file_key, a storage key) is left to the other rules.
            if (!tokens.Any(t => HashTokens.Contains(t) || ChecksumTokens.Contains(t))) return null;
            evidence.Insert(0, new EvidenceItem("detector", DetectorIds.HexDigest, "none", hex.Matched, hex.Total, Math.Round(hex.Ratio, 4),
                "digests of a file or of content (a checksum): not personal data"));
            return Decide("none", Math.Min(0.9, 0.75 + 0.15 * hex.Ratio), evidence);
        }
        bool hashed = tokens.Any(HashTokens.Contains) || name.DataCategory is "contact.email" or "contact.phone";
        var source = tokens.FirstOrDefault(PersonIdentifierTokens.Contains);
        if (source is null && name.DataCategory is null or "none" && !tokens.Any(GeneratedIdentifierTokens.Contains)
            && tokens.Any(t => !HashTokens.Contains(t)))
        {
            // Digests under a name that says neither what was hashed, nor file or content, nor a generated id (C30's
            // match_key, a join or lookup hash, a hem; a bare algorithm name, sha or md5, is the row's own checksum, as
            // a commit's or a file's, and is left to the other rules): the values cannot tell, so a digest of
            // an e-mail or a person's id (pseudonymised, still personal) cannot be ruled out. Issue 10 item 5: lean
            // personal at low confidence rather than none at high, so the gate asks a person.
            evidence.Insert(0, new EvidenceItem("detector", DetectorIds.HexDigest, "other_personal", hex.Matched, hex.Total, Math.Round(hex.Ratio, 4),
                "hex digests under a name that says neither what was hashed nor that they are a file's or a generated id: "
                + "a pseudonymised personal identifier cannot be ruled out; needs annotation"));
            return Decide("other_personal", UnnamedDigestConfidence, evidence);
        }
        if (!hashed || source is null) return null;
        (string what, string kind) = source switch
        {
            "email" or "emails" or "mail" => ("an e-mail address", "email"),
            "phone" or "phones" or "msisdn" or "mobile" or "telephone" or "telefono" or "telefon" or "handy" or "movil" or "portable"
                or "celular" or "gsm" => ("a phone number", "phone"),
            "ip" => ("an IP address", "ip-address"),
            _ => ("a person's or device's identifier", "identifier"),
        };
        evidence.Insert(0, new EvidenceItem("detector", DetectorIds.HexDigest, "other_personal", hex.Matched, hex.Total, Math.Round(hex.Ratio, 4),
            $"pseudonymised identifier derived from {what}: the values are digests, and a hash of {what} is still personal data (pseudonymous, GDPR Recital 26)"));
        // What was hashed, as a stable id the report reads to state it in words (C30).
        evidence.Insert(1, new EvidenceItem("pseudonymised", PseudonymisedEvidencePrefix + kind, "other_personal",
            Detail: $"a hash of {what}: pseudonymised, not anonymised"));
        return Decide("other_personal", Math.Min(0.9, 0.75 + 0.15 * hex.Ratio), evidence);
    }

    private static readonly HashSet<string> CoordinateTokens = new(StringComparer.Ordinal)
        { "latitude", "longitude", "coordinates", "coordinate", "coords", "geopoint", "lnglat", "latlng", "latlon", "gps",
          // French, German and Spanish (kinds19)
          "coordonnees", "breitengrad", "laengengrad", "langengrad", "koordinaten", "latitud", "longitud", "coordenadas",
          // kinds24: compounds and short forms
          "coord", "geokoordinaten", "geocoordinates", "geocoords", "geoposition", "geopos", "geopunkt", "wgs84" };
    // A place word that says coordinates beside geo, gps or location (geo_position, location_point, punto_gps; kinds24);
    // alone, a position is a job or a rank and a point a score.
    private static readonly HashSet<string> PlaceWordTokens = new(StringComparer.Ordinal)
        { "position", "point", "punkt", "punto", "posicion", "pos", "lage" };
    private static readonly HashSet<string> PlaceQualifierTokens = new(StringComparer.Ordinal)
        { "geo", "gps", "location", "standort", "ubicacion", "emplacement" };
    // Words that say geographic coordinates and nothing else (coordonnees alone is also a person's contact details, and
    // coordonnees_bancaires bank details).
    private static readonly HashSet<string> GeographicTokens = new(StringComparer.Ordinal)
        { "gps", "geo", "wgs84", "latitude", "longitude", "latitud", "longitud", "breitengrad", "laengengrad", "langengrad", "latlng",
          "coordinates", "koordinaten", "coordenadas",
          "lnglat", "latlon", "geopoint", "geokoordinaten", "geocoordinates", "geocoords", "geoposition", "geopos", "geopunkt" };
    // Words of a scale: coordinates stored as integers of micro-degrees or of 10^-7 degrees (lat_e6, latitude_e7,
    // lng_micro; kinds24).
    private static readonly HashSet<string> ScaleTokens = new(StringComparer.Ordinal)
        { "e5", "e6", "e7", "micro", "micros", "microdeg", "microdegree", "microdegrees", "microdegres", "mikrograd" };
    // Latitude words: values within ±90.
    private static readonly HashSet<string> LatitudeTokens = new(StringComparer.Ordinal) { "latitude", "breitengrad", "latitud" };
    // Words that say what a Spanish longitud measures the length of (a key, a field, a string, a password, a list) or its
    // bound: the name is a length, whatever the table or its siblings (longitud_de_clave, longitud_maxima_del_campo).
    private static readonly HashSet<string> LengthOfTokens = new(StringComparer.Ordinal)
        { "clave", "claves", "llave", "campo", "campos", "cadena", "cadenas", "texto", "contrasena", "password", "key", "field",
          "string", "maxima", "maximo", "minima", "minimo", "max", "min", "nombre", "codigo", "mensaje", "archivo", "fichero",
          "bits", "bytes", "caracteres", "caracter", "palabra", "palabras", "linea", "lineas", "cola", "lista", "valor", "valores",
          "dato", "datos", "columna", "columnas", "token", "hash", "cifrado", "numero", "prefijo", "sufijo", "tabla" };
    // Tables of places and positions, where a Spanish longitud is the coordinate (fourth error-kind round, errors25).
    private static readonly HashSet<string> PlaceTableTokens = new(StringComparer.Ordinal)
        { "location", "locations", "place", "places", "position", "positions", "geo", "gps", "map", "maps", "coordinates",
          "ubicacion", "ubicaciones", "lugar", "lugares", "posicion", "posiciones", "coordenadas", "mapa", "mapas", "punto", "puntos",
          "localizacion", "localizaciones", "geolocalizacion", "sitio", "sitios", "parada", "paradas", "direccion", "direcciones",
          "domicilio", "domicilios", "sucursal", "sucursales", "tienda", "tiendas", "oficina", "oficinas", "almacen", "almacenes" };
    // Tables and columns of what a device or a visit records (C33, LABELS.md tie-breaker 13: derived from a device).
    private static readonly HashSet<string> DeviceContextTokens = new(StringComparer.Ordinal)
        { "ping", "pings", "device", "devices", "visit", "visits", "event", "events", "session", "sessions", "track", "tracks", "tracking",
          "telemetry", "position", "positions", "checkin", "heartbeat", "beacon", "trip", "trips", "ride", "rides", "journey", "sighting",
          "fix", "fixes", "log", "logs", "history", "login", "request", "requests", "hit", "hits", "pageview", "click", "clicks",
          "accuracy", "altitude", "speed", "heading", "bearing", "ip", "agent",
          "appareil", "appareils", "visite", "visites", "trajet", "trajets", "geraet", "geraete", "besuch", "besuche", "fahrt", "fahrten",
          "dispositivo", "dispositivos", "visita", "visitas", "viaje", "viajes", "ubicacion", "ubicaciones",
          // kinds24: events, sessions and sign-ins in French, German and Spanish
          "evenement", "evenements", "ereignis", "ereignisse", "evento", "eventos", "connexion", "connexions", "sitzung", "sitzungen",
          "sesion", "sesiones", "anmeldung", "anmeldungen", "acceso", "accesos", "seitenaufruf", "seitenaufrufe" };
    // Words of a person, a device or another organisation a row may point at (user_id, owner_id, merchant_id).
    private static readonly HashSet<string> SubjectTokens = new(StringComparer.Ordinal)
        { "user", "customer", "client", "member", "device", "visitor", "owner", "driver", "patient", "employee", "person", "profile",
          "account", "subscriber", "merchant", "seller", "vendor", "supplier", "company", "organisation", "organization", "tenant",
          "contact", "guest", "student", "courier", "rider", "passenger", "traveller", "traveler", "host", "author", "creator",
          "session", "household", "partner",
          // trial 28: the same subjects in French, German and Spanish (kunde_id, usuario_id, utilisateur_id)
          "utilisateur", "membre", "appareil", "visiteur", "proprietaire", "conducteur", "employe", "salarie", "personne", "profil",
          "compte", "abonne", "marchand", "vendeur", "fournisseur", "societe", "entreprise", "locataire", "invite", "etudiant",
          "livreur", "passager", "voyageur", "auteur", "createur", "foyer", "partenaire",
          "benutzer", "nutzer", "kunde", "mitglied", "geraet", "besucher", "besitzer", "eigentuemer", "fahrer", "mitarbeiter",
          "angestellter", "konto", "abonnent", "haendler", "verkaeufer", "lieferant", "firma", "unternehmen", "mieter", "gast",
          "schueler", "student", "kurier", "fahrgast", "reisender", "autor", "ersteller", "haushalt", "partner",
          "usuario", "cliente", "miembro", "dispositivo", "visitante", "propietario", "dueno", "conductor", "paciente", "empleado",
          "persona", "perfil", "cuenta", "suscriptor", "comerciante", "vendedor", "proveedor", "empresa", "inquilino", "invitado",
          "estudiante", "repartidor", "pasajero", "viajero", "autor", "creador", "hogar", "socio" };
    private static readonly HashSet<string> KeyTokens = new(StringComparer.Ordinal) { "id", "uuid", "guid", "key", "ref", "fk", "no", "number" };
    // The organisation's own premises: their coordinates are not about a person (C33: store).
    // Words of a column name that say the coordinates are a person's own place (home_lat, residence_lng), whatever table
    // holds them: a place the person has, not one a device recorded (trial 17 finding 6; LABELS.md tie-breaker 13).
    private static readonly HashSet<string> OwnPlaceTokens = new(StringComparer.Ordinal)
        { "home", "residence", "residential", "domicile", "wohnort", "wohnsitz", "domicilio", "maison" };
    private static readonly HashSet<string> PremisesTokens = new(StringComparer.Ordinal)
        { "store", "stores", "shop", "shops", "branch", "branches", "warehouse", "warehouses", "office", "offices", "site", "sites",
          "depot", "plant", "station", "stations", "venue", "venues", "outlet", "outlets", "agency", "agencies", "facility", "facilities",
          // kinds24: French, German and Spanish
          "depots", "magasin", "magasins", "boutique", "boutiques", "entrepot", "entrepots", "agence", "agences", "bureau", "bureaux",
          "succursale", "succursales", "filiale", "filialen", "geschaeft", "geschaefte", "lager", "standorte", "buero", "bueros",
          "niederlassung", "niederlassungen", "tienda", "tiendas", "almacen", "almacenes", "oficina", "oficinas", "sucursal",
          "sucursales", "sede", "sedes" };

    /// <summary>Latitude and longitude (LABELS.md tie-breaker 13, C33): recognised from name evidence (<c>lat</c>, <c>lon</c>,
    /// <c>lng</c>, <c>latitude</c>, <c>coordinates</c>, …) and, with data, values that are numbers within ±90/±180 (90 %).
    /// Whose position they are decides: in a table that records what a device or a visit does (pings, events, sessions,
    /// tracks; accuracy, IP or user-agent columns) and points at a person or a device → <c>automatic.geolocation</c>; in
    /// a person's or another organisation's record (a person table, or a key to a user, customer, owner, merchant…) →
    /// <c>other_personal.location</c>; otherwise (the organisation's own shops, places of a catalogue) → <c>none</c>.
    /// Fractional digits never reach the card or phone detectors (<see cref="ValueShape.Fraction"/>).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The name match.</param>
    /// <param name="evidence">The column's evidence, added to.</param>
    /// <param name="spatialType">True for a column of a spatial type (<see cref="SpatialTypes.Holds"/>): the type says
    /// coordinates whatever the name, no gate on the name stands, and the values (WKT, PostGIS hex, shapes
    /// as well as points) are not tested; the table still decides whose place they are, and without a person, device or
    /// organisation in it the column is left to annotation (null; C16) rather than called the organisation's own place (trial 28).</param>
    /// <returns>The decision, or null when the column is not a coordinate.</returns>
    private ColumnClassification? Coordinates(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence, bool spatialType = false)
    {
        var tokens = name.Tokens;
        bool scaled = AnyIn(tokens, ScaleTokens) || ScaleOfDegreesSuffix(tokens);
        // Breite and Laenge alone are a width and a length; with a scale of degrees (breite_e6) they are the German short
        // forms of latitude and longitude.
        bool coordinateName = spatialType || AnyIn(tokens, CoordinateTokens)
            || (AnyIn(tokens, PlaceQualifierTokens) && AnyIn(tokens, PlaceWordTokens))
            || (scaled && tokens.Any(t => t is "breite" or "laenge" or "lange"));
        if (!coordinateName) return null;
        // A suffix or prefix gate (coordinates_verified, has_gps) stands; a type gate does not when the type can hold
        // coordinates: integers of micro-degrees (lat_e6 bigint, kinds24) and decimals. A spatial type holds positions
        // whatever gate held its name back (an address part ort without an address beside it).
        if (!spatialType && name.Gates.Any(g => g is not ("gate.type.integer" or "gate.type.decimal"))) return null;
        var family = column.Column.Family;
        if (!spatialType && family is TypeFamily.Boolean or TypeFamily.Temporal or TypeFamily.Uuid or TypeFamily.Binary) return null;
        int tested = 0, inRange = 0;
        double limit = tokens.Any(t => LatitudeTokens.Contains(t) || t == "breite") ? 90 : 180;
        foreach (var v in spatialType ? [] : column.Values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            // A whole number beyond the degrees' range is degrees × 10^5…10^7 under a coordinate name, whatever the type.
            if (CoordinateText.IsCoordinate(v, limit, scaledIntegers: true)) inRange++;
        }
        if (tested > 0 && inRange < 0.9 * tested) return null;
        // The Spanish longitud is also a length (longitud_de_clave, the length of a key; longitud_maxima of a field): without
        // values read as coordinates or a scale of degrees, it is the coordinate only beside a latitude, with another
        // coordinate word, or in a table of places, positions, visits or devices (fourth error-kind round, errors25;
        // LABELS.md tie-breaker 13).
        if (!spatialType && tested == 0 && !scaled && tokens.Contains("longitud") && !SpanishLongitudeIsCoordinate(column, name, tokens)) return null;
        // Another rule's category (a job position in geo_position, kinds24) gives way to words that say coordinates only
        // when the values read as coordinates, or the name says geo, GPS or a scale of degrees.
        if (!spatialType && name.DataCategory is { } named && named != "none" && named != "automatic.geolocation" && named != "other_personal.location"
            && !(tested > 0 || scaled || AnyIn(tokens, GeographicTokens)))
            return null;

        var table = _rules.ExpandAbbreviations(NameTokenizer.Tokenize(column.Table));
        var siblings = column.TableColumns.Where(c => !string.Equals(c, column.Column.Name, StringComparison.Ordinal))
            .Select(c => _rules.ExpandAbbreviations(NameTokenizer.Tokenize(c))).ToList();
        bool subjectKey = siblings.Any(s => s.Count >= 2 && s.Any(KeyTokens.Contains) && s.Any(SubjectTokens.Contains));
        bool premises = table.Any(PremisesTokens.Contains);
        bool subjectTable = !premises && (name.TableGroups.Contains("person") || name.TableGroups.Contains("company") || table.Any(SubjectTokens.Contains));
        // A device word among the other columns (the ip of whoever saved the row, a heading) says a device recorded the
        // position, unless the row holds a street address, postal code or address line: then the coordinates are that
        // address geocoded, a person's or an organisation's place (people41; LABELS.md tie-breaker 13: "coordinates of an
        // address or place of a person or an organisation"), as a country or town beside an IP stays the address in such a
        // record (PlaceBesideAnIpAddress). A table that itself records visits, events or devices keeps its reading.
        bool deviceContext = table.Any(DeviceContextTokens.Contains) || name.TableGroups.Contains("activity")
            || (siblings.Any(s => s.Any(DeviceContextTokens.Contains) && !s.Any(CoordinateTokens.Contains)) && !HoldsAStreetAddress(column));
        string detail = spatialType ? $"coordinates (spatial type {column.Column.DeclaredType}); "
            : tested > 0
            ? string.Create(CultureInfo.InvariantCulture, $"coordinates: {inRange} of {tested} values within ±{limit:0}; ")
            : "coordinates (name); ";
        if (AnyIn(tokens, OwnPlaceTokens) && !premises)
        {
            evidence.Insert(0, new EvidenceItem("table-context", "table.subject-place", "other_personal.location", inRange, tested,
                Detail: detail + "the name says a person's own place (home, residence), not a position a device recorded (LABELS.md tie-breaker 13)"));
            return Decide("other_personal.location", 0.75, evidence);
        }
        if (deviceContext && (subjectKey || subjectTable) && !premises)
        {
            evidence.Insert(0, new EvidenceItem("table-context", "table.device-position", "automatic.geolocation", inRange, tested,
                Detail: detail + "recorded by a device or a visit linked to a person or a device (LABELS.md tie-breaker 13)"));
            return Decide("automatic.geolocation", 0.8, evidence);
        }
        if (subjectKey || subjectTable)
        {
            evidence.Insert(0, new EvidenceItem("table-context", "table.subject-place", "other_personal.location", inRange, tested,
                Detail: detail + "the place of a person or an organisation the row belongs to (LABELS.md tie-breaker 13)"));
            return Decide("other_personal.location", 0.75, evidence);
        }
        // A record that holds a contact address (a street with a postal code, town or country, or with an e-mail or phone
        // number) is a person's or another organisation's record even when its table names neither: the coordinates are
        // that address geocoded (errors42; LABELS.md tie-breaker 13). A bare address beside them (a project's or a space's
        // place) and the organisation's own premises (C33) stay as they were.
        if (!premises && HoldsAContactAddress(column))
        {
            evidence.Insert(0, new EvidenceItem("table-context", "table.subject-place", "other_personal.location", inRange, tested,
                Detail: detail + "the place of the person or organisation whose contact address the row holds (LABELS.md tie-breaker 13)"));
            return Decide("other_personal.location", 0.75, evidence);
        }
        // A row that holds an e-mail address is a person's even when its table names no one (kinds48, trial47 K2: a sign-up
        // row of `email`, `geo_lat`, `geo_lon`). Coordinates named by a geo or GPS word there are a position an IP lookup or
        // a device gave (LABELS.md tie-breaker 13: automatic.geolocation); others are that person's place, as in a table of
        // people. The organisation's own premises (a shop with its contact e-mail) stay as they were.
        if (!premises && HoldsAnEmailAddress(column))
        {
            if (AnyIn(tokens, DerivedPositionTokens))
            {
                evidence.Insert(0, new EvidenceItem("table-context", "table.device-position", "automatic.geolocation", inRange, tested,
                    Detail: detail + "a geo or GPS position in a row that holds a person's e-mail address (LABELS.md tie-breaker 13)"));
                return Decide("automatic.geolocation", 0.75, evidence);
            }
            evidence.Insert(0, new EvidenceItem("table-context", "table.subject-place", "other_personal.location", inRange, tested,
                Detail: detail + "the place of the person whose e-mail address the row holds (LABELS.md tie-breaker 13)"));
            return Decide("other_personal.location", 0.75, evidence);
        }
        // A spatial column without a person, device or organisation in its table is left for annotation (shared case C16:
        // a shop's position is not personal data, a customer's would be, so the rules do not guess).
        if (spatialType) return null;
        evidence.Insert(0, new EvidenceItem("context-gate", "gate.context.subject", "none", inRange, tested,
            Detail: detail + "no person, device or other organisation in the table: the organisation's own places"));
        return Decide("none", 0.8, evidence);
    }

    // Words of a coordinate's name that say an IP lookup or a device gave it (geo_lat, gps_lon, geoip_latitude).
    private static readonly HashSet<string> DerivedPositionTokens = new(StringComparer.Ordinal) { "geo", "gps", "geoip" };

    /// <summary>True when another column of the table is an e-mail address: a sibling the name rules read as
    /// <c>contact.email</c>, ungated (an <c>email_verified</c> flag is not one).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    private bool HoldsAnEmailAddress(ColumnEvidence column)
    {
        var table = TableContext.NameOf(column);
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            if (_rules.Match(table, sibling, TypeFamily.Text) is { Rule.DataCategory: "contact.email", Gates.Count: 0 }) return true;
        }
        return false;
    }

    /// <summary>True when another column of the table is a street, a postal code or an address line: a sibling the name
    /// rules read as <c>contact.postal_address</c> by a rule that needs no other part (even one the table holds back),
    /// as <see cref="PlaceBesideAnIpAddress"/> reads an address record.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    private bool HoldsAStreetAddress(ColumnEvidence column)
    {
        var table = TableContext.NameOf(column);
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            if (_rules.Match(table, sibling, TypeFamily.Text).Rule is { DataCategory: "contact.postal_address", NeedsSiblings.Count: 0 }) return true;
        }
        return false;
    }

    /// <summary>True when the row holds a contact address: a street or address line (<see cref="HoldsAStreetAddress"/>) and
    /// at least one other column the name rules read as a contact channel or address part (a postal code, town, region or
    /// country, an e-mail address, a phone or fax number), as a person's or an organisation's record holds them
    /// (LABELS.md <c>contact</c>: address parts "when part of a person's or organisation's address"). A bare address
    /// alone (the place of a project, an event or a space) is not enough.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    private bool HoldsAContactAddress(ColumnEvidence column)
    {
        if (!HoldsAStreetAddress(column)) return false;
        var table = TableContext.NameOf(column);
        int parts = 0;
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            if (_rules.Match(table, sibling, TypeFamily.Text).Rule is { DataCategory: "contact.postal_address" or "contact.email" or "contact.phone" }
                && ++parts >= 2)
                return true;
        }
        return false;
    }

    /// <summary>The evidence id of <see cref="PlaceBesideAnIpAddress"/>.</summary>
    internal const string PlaceBesideAnIpAddressEvidence = "table.place-beside-an-ip-address";

    /// <summary>A country, region or town (the whole name a word of the name group <c>derivable-place</c>) that an address
    /// rule reads (its category <c>contact.postal_address</c>, matched or held back by a missing address record), in a
    /// table with an IP address column (a sibling the name rules read as <c>automatic.ip_address</c>) and no street,
    /// postal code or address line (no sibling of an address rule that needs no other part, even one the table holds
    /// back): where the IP address was located,
    /// <c>automatic.geolocation</c> (LABELS.md tie-breaker 4: "derived from an IP or a visit"; the corpus labels every such
    /// column so: opencart's <c>oc_customer_ip.country</c> and report tables, loomio's <c>users.city</c>, <c>country</c> and
    /// <c>region</c> beside the sign-in IPs, consul's visits and dub's click events; a place beside a street or a postal
    /// code stays the address, dolibarr's and nopcommerce's records).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The name match.</param>
    /// <param name="evidence">The column's evidence, added to.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? PlaceBesideAnIpAddress(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.Rule is not { DataCategory: "contact.postal_address" } || !_rules.IsNameGroupPhrase(name.Tokens, "derivable-place")) return null;
        if (name.Gates.Any(g => !g.StartsWith("gate.context.", StringComparison.Ordinal))) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other or TypeFamily.Integer)) return null;
        bool ipAddress = false;
        var table = TableContext.NameOf(column);
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            var other = _rules.Match(table, sibling, TypeFamily.Text);
            if (other.Rule is null) continue;
            // A street, a postal code or an address line, even where its own rule is held back by the table: an address record.
            if (other.Rule is { DataCategory: "contact.postal_address", NeedsSiblings.Count: 0 }) return null;
            if (other.Gates.Count == 0 && other.DataCategory == "automatic.ip_address") ipAddress = true;
        }
        if (!ipAddress) return null;
        evidence.Insert(0, new EvidenceItem("table-context", PlaceBesideAnIpAddressEvidence, "automatic.geolocation",
            Detail: "a country, region or town beside an IP address and no street or postal code: where the address was located (LABELS.md tie-breaker 4)"));
        return Decide("automatic.geolocation", 0.8, evidence);
    }

    // True when one of the tokens is one of the words. The rules ask this of every column several times; a loop rather
    // than tokens.Any(words.Contains), whose delegate is allocated on each call (3 % of a names-only scan's CPU, perf28).
    private static bool AnyIn(IReadOnlyList<string> tokens, HashSet<string> words)
    {
        for (int i = 0; i < tokens.Count; i++)
            if (words.Contains(tokens[i])) return true;
        return false;
    }

    // True when the name holds a scale of degrees written as the token e followed by 5, 6 or 7 (lat_e6, lng_e7: units of
    // 10⁻⁶ or 10⁻⁷ degrees).
    private static bool ScaleOfDegreesSuffix(IReadOnlyList<string> tokens)
    {
        for (int i = 0; i + 1 < tokens.Count; i++)
            if (tokens[i] == "e" && tokens[i + 1] is "5" or "6" or "7") return true;
        return false;
    }

    /// <summary>True when a name holding the Spanish <c>longitud</c> (length, or longitude) names the coordinate: another
    /// word of the name says coordinates, latitude or a place (<c>longitud_gps</c>, <c>geo_longitud</c>), a sibling column
    /// is a latitude (<c>latitud</c>, <c>lat</c>), or the table holds places, positions, visits or devices
    /// (<c>ubicaciones</c>, <c>locations</c>, <c>visitas</c>). Otherwise it is a length (<c>longitud_de_clave</c>, <c>longitud</c> of a field).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The name match (its table groups: visits, events and devices record positions).</param>
    /// <param name="tokens">The name's tokens after abbreviation expansion.</param>
    private bool SpanishLongitudeIsCoordinate(ColumnEvidence column, NameMatch name, IReadOnlyList<string> tokens)
    {
        if (tokens.Any(LengthOfTokens.Contains)) return false;
        if (tokens.Any(t => t != "longitud" && (GeographicTokens.Contains(t) || CoordinateTokens.Contains(t) || PlaceQualifierTokens.Contains(t))))
            return true;
        if (name.TableGroups.Contains("activity") || name.TableGroups.Contains("event-log") || name.TableGroups.Contains("device"))
            return true;
        var table = _rules.ExpandAbbreviations(NameTokenizer.Tokenize(column.Table));
        if (table.Any(t => PlaceTableTokens.Contains(t) || DeviceContextTokens.Contains(t))) return true;
        return column.TableColumns
            .Where(c => !string.Equals(c, column.Column.Name, StringComparison.Ordinal))
            .Any(c => _rules.ExpandAbbreviations(NameTokenizer.Tokenize(c)).Any(LatitudeTokens.Contains));
    }

    // Names of a postal code (after abbreviation expansion: zip, plz, cp → postal code).
    private static readonly string[][] PostalCodePhrases =
        [["postal", "code"], ["post", "code"], ["code", "postal"], ["postleitzahl"], ["codigo", "postal"], ["cod", "postal"], ["codpostal"], ["zip"], ["postcode"], ["zipcode"]];

    /// <summary>A postal code stored as an integer (or a <c>DECIMAL(p,0)</c>, <see cref="ExactNumericTypes"/>) inside an
    /// address record is still a postal address (issue 10 item 6, C38): the integer type gate of a postal-code name is lifted when the table is a person's, an organisation's, an
    /// address or an order record (its context groups) or has another address column, and every sampled value (90 %)
    /// is a 3–5 digit number (a code that lost its leading zero has 3 or 4). Any other integer keeps the gate.</summary>
    /// <returns>The name match, with the gate lifted when the rule applies.</returns>
    private NameMatch IntegerPostalCode(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        // An integer, or an exact numeric of scale zero (DECIMAL(5,0): whole numbers only, as legacy MySQL/MariaDB
        // schemas keep postal codes; trial28 finding 2).
        bool wholeDecimal = column.Column.Family == TypeFamily.Decimal && ExactNumericTypes.HasZeroScale(column.Column.DeclaredType);
        if (column.Column.Family != TypeFamily.Integer && !wholeDecimal) return name;
        // The postal-code rule gated by the integer (or decimal) type, or a generic rule that took the name's last word
        // (zip_code: "code" is a key word); any other gate (zip_code_verified) stands.
        bool gated = name.GatedCategory == "contact.postal_address" && name.Gates is ["gate.type.integer"] or ["gate.type.decimal"];
        if (!gated && !(name.Gates.Count == 0 && name.DataCategory is null or "none")) return name;
        var tokens = name.Tokens;
        if (!PostalCodePhrases.Any(p => Contains(tokens, p))) return name;
        bool record = name.TableGroups.Any(g => g is "person" or "company" or "address" or "order")
            || column.TableColumns.Any(c => !string.Equals(c, column.Column.Name, StringComparison.Ordinal)
                && _rules.Match(TableContext.NameOf(column), c, TypeFamily.Text) is { DataCategory: "contact.postal_address", Gates.Count: 0 });
        if (!record || name.TableGroups.Contains("catalogue") || name.TableGroups.Contains("lookup")) return name;
        int tested = 0, codes = 0;
        foreach (var v in column.Values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            var t = v.AsSpan().Trim();
            if (t.Length is >= 3 and <= 5 && !t.ContainsAnyExceptInRange('0', '9')) codes++;
        }
        if (tested > 0 && codes < 0.9 * tested) return name;
        evidence.Add(new EvidenceItem("table-context", "table.address-record", "contact.postal_address", codes, tested,
            Detail: "a postal code stored as an integer in an address record: the integer type gate does not apply"));
        return name with { DataCategory = "contact.postal_address", Weight = Math.Max(name.Weight, 0.85), Gates = [], GatedCategory = null };

        static bool Contains(IReadOnlyList<string> tokens, string[] phrase)
        {
            for (int i = 0; i + phrase.Length <= tokens.Count; i++)
            {
                int j = 0;
                while (j < phrase.Length && tokens[i + j] == phrase[j]) j++;
                if (j == phrase.Length) return true;
            }
            return false;
        }
    }

    // Columns of a browser's cookie state kept beside a session id (anti-forgery tokens, consent-cookie ids).
    private static readonly HashSet<string> CookieStateTokens = new(StringComparer.Ordinal) { "csrf", "xsrf", "consent" };
    private static readonly HashSet<string> RecordTimeTokens = new(StringComparer.Ordinal)
        { "created", "updated", "modified", "inserted", "creation", "update" };

    /// <summary>The creation or update time of a session table that stores a browser's cookie state (a CSRF token or a
    /// consent-cookie id beside the session id) is the record's bookkeeping time, a generic timestamp: <c>none</c> (C35
    /// <c>web_session.created_at</c>). LABELS.md tie-breaker 10 files a login session's start time as activity, and the
    /// corpus follows it for session tables without cookie state (none of its session tables has such a column); the
    /// case and LABELS.md disagree on this one kind of table, and the case is followed (reported to the lead). It also
    /// overrides a sign-in session's start time read by a rule scoped to the <c>login-session</c> group
    /// (<c>name.multi.session-start-time</c>, sixth error-kind round): the cookie state says the row is a stored browser
    /// session, not a sign-in.</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? CookieStateTimestamp(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        bool sessionStart = name.DataCategory == "automatic.activity" && name.Rule is { } rule && rule.Tables.Contains("login-session");
        if ((name.DataCategory != "none" && !sessionStart) || name.Gates.Count > 0 || !AnyIn(name.Tokens, RecordTimeTokens)) return null;
        if (column.Column.Family is not (TypeFamily.Temporal or TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer)) return null;
        if (!HoldsCookieState(column)) return null;
        // A table-context decision (like the coordinates above): it stands in the combination, names only as well, since
        // the corpus has no session table with cookie state to teach the model this one kind (issue 10 item 6).
        evidence.Insert(0, new EvidenceItem("table-context", CookieStateEvidence, "none",
            Detail: "the creation or update time of a stored browser session (cookie state: anti-forgery token or consent cookie beside the session id): a generic timestamp"));
        return Decide("none", 0.8, evidence);
    }

    /// <summary>The session id of a session table that stores a browser's cookie state (a CSRF token or a consent-cookie
    /// id beside it) is the browser's online identifier, <c>automatic.device_id</c> (C35 <c>web_session.session_id</c>,
    /// signed cookie values). It overrides the session-store rule (<c>name.multi.session-id-of-a-session-store</c>,
    /// seventh error-kind round), which files the session id of a server-side session store as a credential, as
    /// LABELS.md tie-breaker 11 and the corpus do (decidim, dolibarr, opencart: none of their session tables has cookie
    /// state): the case and LABELS.md disagree on this one kind of table, and the case is followed, as for its creation
    /// time (<see cref="CookieStateTimestamp"/>).</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? CookieStateSessionId(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory != "other_personal.credentials" || name.Gates.Count > 0
            || name.Rule is not { } rule || !rule.Tables.Contains("login-session") || !HoldsCookieState(column)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", CookieStateEvidence, "automatic.device_id",
            Detail: "the session id of a stored browser session (cookie state: anti-forgery token or consent cookie beside it): the browser's online identifier"));
        return Decide("automatic.device_id", 0.8, evidence);
    }

    private const string CookieStateEvidence = "table.cookie-state";

    // A session table (its name says session, or it is of the `login-session` group: Sitzungen, sesiones) with a column of
    // a browser's cookie state other than the column itself.
    private bool HoldsCookieState(ColumnEvidence column)
    {
        var table = _rules.ExpandAbbreviations(NameTokenizer.Tokenize(column.Table));
        return (table.Any(t => t is "session" or "sessions") || _rules.TableGroups(TableContext.NameOf(column)).Contains("login-session"))
            && column.TableColumns.Any(c => !string.Equals(c, column.Column.Name, StringComparison.Ordinal)
                && NameTokenizer.Tokenize(c).Any(CookieStateTokens.Contains));
    }
}

/// <summary>The spatial types of the supported engines, whose values are positions or shapes on the earth (LABELS.md
/// tie-breaker 13): MySQL/MariaDB <c>POINT</c>, <c>GEOMETRY</c>, <c>LINESTRING</c>, <c>POLYGON</c> and their
/// <c>MULTI…</c>/collection forms, SQL Server <c>geography</c>/<c>geometry</c> (the connectors' <c>spatial</c> sampling
/// hint), PostGIS <c>geometry</c>/<c>geography</c> (also with a subtype: <c>geometry(Point,4326)</c>), <c>box2d</c>/<c>box3d</c>
/// and PostgreSQL's geometric <c>point</c>, <c>box</c>, <c>circle</c>, <c>polygon</c>, <c>path</c>. Sources: the MySQL
/// "Spatial Data Types", SQL Server "Spatial Data", PostGIS and PostgreSQL "Geometric Types" references.</summary>
internal static class SpatialTypes
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "point", "geometry", "geography", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
        "geometrycollection", "geomcollection", "box2d", "box3d", "box", "circle", "path", "lseg",
    };

    /// <summary>True when the column's type is spatial.</summary>
    /// <param name="column">The column as the catalog describes it.</param>
    public static bool Holds(ColumnInfo column)
    {
        if (column.SamplingHint == "spatial") return true;
        if (column.Family is not (TypeFamily.Other or TypeFamily.Untyped)) return false;
        var type = column.DeclaredType.Trim().Trim('"').ToLowerInvariant();
        int cut = type.IndexOfAny(['(', ' ']);
        if (cut >= 0) type = type[..cut];
        int dot = type.LastIndexOf('.');
        if (dot >= 0) type = type[(dot + 1)..].Trim('"');
        return Names.Contains(type);
    }
}

/// <summary>Coordinates written as one value (kinds24, LABELS.md tie-breaker 13): a number of degrees, an integer of
/// micro-degrees or of 10⁻⁷ degrees (as GPS receivers and mobile location APIs store them), or a latitude and longitude
/// pair in one text value: <c>lat,lng</c>, <c>lat lng</c>, <c>(lat, lng)</c>, WKT <c>POINT(lng lat)</c> (OGC Simple Features)
/// and PostGIS EWKT <c>SRID=4326;POINT(lng lat)</c>.</summary>
internal static class CoordinateText
{
    /// <summary>True when <paramref name="value"/> reads as coordinates within ±<paramref name="limit"/> degrees (a pair:
    /// both within ±180 and one within ±90).</summary>
    /// <param name="value">A sampled value.</param>
    /// <param name="limit">90 for a latitude, 180 otherwise.</param>
    /// <param name="scaledIntegers">True when a whole number may be degrees × 10⁵, 10⁶ or 10⁷ (an integer column, or a name
    /// that says e6, e7 or micro).</param>
    public static bool IsCoordinate(string value, double limit, bool scaledIntegers)
    {
        var text = value.AsSpan().Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees))
        {
            if (double.IsNaN(degrees) || double.IsInfinity(degrees)) return false;
            if (Math.Abs(degrees) <= limit) return true;
            return scaledIntegers && degrees == Math.Floor(degrees) && Math.Abs(degrees) <= limit * 1e7 && Math.Abs(degrees) >= 1000;
        }
        return IsPair(text);
    }

    /// <summary>True when <paramref name="text"/> is a latitude and longitude pair in one of the written forms above.</summary>
    public static bool IsPair(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
        {
            int semicolon = text.IndexOf(';');
            if (semicolon < 0) return false;
            text = text[(semicolon + 1)..].TrimStart();
        }
        if (text.StartsWith("POINT", StringComparison.OrdinalIgnoreCase)) text = text[5..].TrimStart();
        text = text.Trim("()[] ");
        if (text.IsEmpty || text.Length > 64) return false;
        int separator = text.IndexOf(',');
        ReadOnlySpan<char> first, second;
        if (separator >= 0)
        {
            first = text[..separator].Trim();
            second = text[(separator + 1)..].Trim();
        }
        else
        {
            separator = text.IndexOf(' ');
            if (separator < 0) return false;
            first = text[..separator];
            second = text[(separator + 1)..].Trim();
        }
        if (!Degrees(first, out var a) || !Degrees(second, out var b)) return false;
        // Both with a fraction: whole-number pairs (10,20; 1920,1080) are sizes and ranges far more often than places.
        if (first.IndexOf('.') < 0 || second.IndexOf('.') < 0) return false;
        return Math.Abs(a) <= 180 && Math.Abs(b) <= 180 && Math.Min(Math.Abs(a), Math.Abs(b)) <= 90;

        static bool Degrees(ReadOnlySpan<char> part, out double degrees)
        {
            degrees = 0;
            return part.Length is > 0 and <= 20 && double.TryParse(part, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out degrees);
        }
    }
}
