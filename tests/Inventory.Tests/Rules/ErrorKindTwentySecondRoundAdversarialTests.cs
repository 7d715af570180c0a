using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, twenty-second error-kind round (errors43; rules/MODEL.md, <i>Experiments of the twenty-second error-kind
/// round (session 43, errors43)</i>), personal vs none both ways, generated in bulk in the rules' four languages with the
/// look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>A key named by what it secures or unlocks (a licence key, the HMAC or hash key that signs responses, a signing,
/// encryption or verification key, a check key: <c>license_key</c>, <c>payment_response_hash_key</c>,
/// <c>cle_de_chiffrement</c>, <c>Lizenzschluessel</c>, <c>clave_de_firma</c>) is a secret,
/// <c>other_personal.credentials</c> (LABELS.md: API keys; tie-breaker 7), in any table; before, <c>name.en.key</c> read
/// it as a key to a row (<c>none</c>) in four applications. Look-alikes: public and publishable keys, a key's id, version,
/// count, type or length, and keys that name a record (import, cache, idempotency, translation, setting keys) stay
/// <c>none</c>; secrets the rules already read (API keys, secret and private keys) stay credentials.</item>
/// <item>A bare key to a person (the whole name a user, member, author, owner or creator id) is a key, <c>none</c>
/// (LABELS.md tie-breaker 1), held as an integer, a UUID or text alike; before, the model overruled the key rule for keys
/// held as text in tables of federated identities, consents, credentials and request logs (two applications), calling them
/// user names. Look-alikes: a person's id at an identity provider (<c>broker_user_id</c>, <c>external_user_id</c>,
/// <c>provider_account_id</c>, LABELS.md tie-breaker 12) stays <c>contact.username</c>, a customer id at a payment gateway
/// stays <c>financial.payment_reference</c>, and tracking ids of event tables stay <c>automatic.device_id</c>.</item>
/// </list>
/// Names and types only, hundreds of generated columns per test. Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class ErrorKindTwentySecondRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] SecretTypes =
        ["varchar(255)", "character varying(128)", "text", "String", "varchar(64)", "nvarchar(200)", "CHAR(40)", "TEXT"];

    private static readonly string[] BinaryTypes = ["bytea", "BLOB", "varbinary(256)", "binary(32)", "Bytes"];

    // Tables of every kind: the secret is one wherever it is kept (licences, merchants, profiles, notifications, tenants).
    private static readonly KindWording[] SecretKeysByWhatTheySecure =
    [
        new("en", W("license key", "licence key", "product key", "hash key", "hmac key", "signing key",
                "signature key", "encryption key", "decryption key", "master key", "verification key", "check key",
                "payment response hash key", "webhook signing key", "shared key", "data encryption key"),
            ["licenses", "instance_licenses", "merchant_account", "business_profile", "user_mail_notification", "tenants",
                "webhooks", "integrations", "settings", "users"]),
        new("fr", W("cle de licence", "cle licence", "cle de hachage", "cle hmac", "cle de signature", "cle de chiffrement",
                "cle de dechiffrement", "cle maitre", "cle de verification", "cle de controle", "cle partagee"),
            ["licences", "marchands", "profils", "notifications", "locataires", "integrations", "utilisateurs"]),
        new("de", W("lizenzschluessel", "lizenz schluessel", "produktschluessel", "hmac schluessel", "signaturschluessel",
                "verschluesselungsschluessel", "hauptschluessel", "pruefschluessel", "gemeinsamer schluessel"),
            ["lizenzen", "haendler", "profile", "benachrichtigungen", "mandanten", "integrationen", "benutzer"]),
        new("es", W("clave de licencia", "clave licencia", "clave de producto", "clave hmac", "clave de firma",
                "clave de cifrado", "clave de descifrado", "clave maestra", "clave de verificacion", "clave compartida"),
            ["licencias", "comercios", "perfiles", "notificaciones", "inquilinos", "integraciones", "usuarios"]),
    ];

    private static readonly string[][] SecretSiblings =
    [
        ["id", "user_id", "created_at", "updated_at"],
        ["id", "merchant_id", "publishable_key", "return_url", "created_at"],
        ["id", "licensee_email", "licensee_name", "seats", "expires_at"],
        ["id", "nom", "date_creation", "actif"],
    ];

    [Test]
    public void KeysNamedByWhatTheySecure_AreSecrets([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a key named by what it secures or unlocks", SecretKeysByWhatTheySecure, SecretTypes,
                SecretSiblings[siblings], ["other_personal.credentials"]), 300, 4300 + siblings);

    [Test]
    public void KeysNamedByWhatTheySecure_HeldAsBytes_AreSecrets() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a key named by what it secures, held as bytes", SecretKeysByWhatTheySecure, BinaryTypes,
                SecretSiblings[0], ["other_personal.credentials"]), 400, 4310);

    [Test]
    public void KeysNamedByWhatTheySecure_WithTheModel_AreNeverNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("a key named by what it secures, with the model", SecretKeysByWhatTheySecure, SecretTypes,
                SecretSiblings[siblings], ["other_personal.credentials"]), 200, 4320 + siblings, "none");

    // Look-alike: keys that are published, and what is said of a key (its id, version, count, type, length, expiry). French
    // and Spanish write the fact first (`id_cle_de_licence`, `version_clave_de_cifrado`): those names end on the secret's
    // words and are read as the secret, as `id_cle_api` is by name.en.credentials: a limit of every credential rule, not
    // generated here.
    private static readonly KindWording[] PublicKeysAndFactsAboutKeys =
    [
        new("en", W("public key", "publishable key", "signing key id", "license key id", "encryption key version",
                "license key count", "hash key type", "encryption key length", "license key expires at", "signing key ref"),
            ["licenses", "merchant_account", "jwks", "oauth_resources", "tenants", "settings"]),
        new("fr", W("cle publique", "type de cle", "longueur de cle", "nom de la cle"),
            ["licences", "marchands", "cles", "parametres"]),
        new("de", W("oeffentlicher schluessel", "lizenzschluessel id", "schluessel typ", "schluessellaenge",
                "lizenzschluessel anzahl"),
            ["lizenzen", "haendler", "schluessel", "einstellungen"]),
        new("es", W("clave publica", "llave publica", "tipo de clave", "longitud de clave", "nombre de la clave"),
            ["licencias", "comercios", "claves", "ajustes"]),
    ];

    [Test]
    public void PublicKeysAndFactsAboutAKey_StayNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a public key, or the id, version, count, type or length of a key", PublicKeysAndFactsAboutKeys,
                [.. SecretTypes, "int", "integer", "bigint"], SecretSiblings[siblings], ["none"]), 300, 4330 + siblings);

    // Look-alike: keys that name a record, a setting or a translation, in any table.
    private static readonly KindWording[] RecordKeys =
    [
        new("en", W("import key", "cache key", "idempotency key", "translation key", "setting key", "meta key", "sort key",
                "partition key", "feature key", "flag key", "group key", "project key", "cron key", "concurrency key"),
            ["settings", "jobs", "translations", "postmeta", "feature_flags", "licenses", "merchant_account"]),
        new("fr", W("cle d import", "cle de cache", "cle de traduction", "nom de la cle"), ["traductions", "parametres", "taches"]),
        new("de", W("importschluessel", "cacheschluessel", "uebersetzungsschluessel", "schluesselname"),
            ["uebersetzungen", "einstellungen", "auftraege"]),
        new("es", W("clave de importacion", "clave de cache", "clave de traduccion", "nombre de la clave"),
            ["traducciones", "ajustes", "tareas"]),
    ];

    [Test]
    public void KeysThatNameARecord_StayNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a key that names a record, a setting or a translation", RecordKeys, SecretTypes,
                SecretSiblings[siblings], ["none"]), 300, 4340 + siblings);

    // The secrets the rules already read keep their reading (no rule of this round takes them elsewhere).
    private static readonly KindWording[] SecretsAlreadyRead =
    [
        new("en", W("api key", "secret key", "private key", "client secret", "api secret"), ["users", "integrations", "tenants"]),
        new("fr", W("cle api", "cle secrete"), ["utilisateurs", "integrations"]),
        new("de", W("api schluessel", "geheimer schluessel"), ["benutzer", "integrationen"]),
        new("es", W("clave api", "clave secreta"), ["usuarios", "integraciones"]),
    ];

    [Test]
    public void SecretsTheRulesAlreadyRead_StaySecrets() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("API keys, secret and private keys", SecretsAlreadyRead, SecretTypes, SecretSiblings[0],
                ["other_personal.credentials"]), 400, 4350);

    private static readonly string[] KeyTypes =
        ["VARCHAR(36)", "VARCHAR(255)", "String", "text", "uuid", "char(36)", "int", "bigint", "integer", "Int", "uniqueidentifier"];

    // Tables where a person's key stands beside what is kept about them: identities, consents, credentials, memberships,
    // request logs, posts.
    private static readonly KindWording[] BareKeysToAPerson =
    [
        new("en", W("user id", "user uuid", "member id", "author id", "owner id", "creator id", "id user"),
            ["federated_identity", "fed_user_consent", "fed_user_credential", "fed_user_group_membership", "offline_user_session",
                "api_logs", "posts", "comments", "accounts", "memberships"]),
        new("fr", W("id utilisateur", "utilisateur id", "id membre", "membre id"),
            ["identites_federees", "consentements", "journaux_api", "publications", "adhesions"]),
        new("de", W("benutzer id", "id benutzer", "mitglied id"),
            ["foederierte_identitaeten", "einwilligungen", "api_protokolle", "beitraege", "mitgliedschaften"]),
        new("es", W("id usuario", "usuario id", "id del usuario", "id miembro", "miembro id"),
            ["identidades_federadas", "consentimientos", "registros_api", "publicaciones", "membresias"]),
    ];

    private static readonly string[][] PersonKeySiblings =
    [
        ["identity_provider", "realm_id", "federated_user_id", "federated_username", "token"],
        ["id", "client_id", "granted_client_scope", "created_date", "last_updated_date"],
        ["id", "method", "path", "status", "duration", "timestamp", "ip"],
        ["id", "titre", "contenu", "date_creation"],
    ];

    [Test]
    public void BareKeysToAPerson_AreKeysInEveryType([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a bare key to a person", BareKeysToAPerson, KeyTypes, PersonKeySiblings[siblings], ["none"]),
            300, 4360 + siblings);

    [Test]
    public void BareKeysToAPerson_WithTheModel_AreNeverAPersonsIdentifier([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("a bare key to a person, with the model", BareKeysToAPerson, KeyTypes, PersonKeySiblings[siblings],
                ["none"]), 300, 4370 + siblings, "contact");

    // Look-alike: a person's id at an identity provider is their account there (tie-breaker 12), whatever the table.
    private static readonly KindWording[] IdsAtAnIdentityProvider =
    [
        new("en", W("broker user id", "provider user id", "provider account id", "external user id",
                "sso user id", "idp user id"),
            ["federated_identity", "broker_link", "accounts", "users", "identities"]),
        new("fr", W("id fournisseur", "identifiant fournisseur"), ["comptes", "identites"]),
        new("de", W("anbieter id"), ["konten", "identitaeten"]),
        new("es", W("provider user id", "external user id"), ["cuentas", "identidades"]),
    ];

    [Test]
    public void IdsAtAnIdentityProvider_StayTheirAccount() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a person's id at an identity provider", IdsAtAnIdentityProvider, SecretTypes,
                ["id", "user_id", "identity_provider", "created_at"], ["contact.username"]), 400, 4380);

    // Look-alike: tracking ids of event tables keep their reading (tie-breaker 11); the bare person key beside them is a key.
    private static readonly KindWording[] TrackingIds =
    [
        new("en", W("session id", "visitor id", "device id", "anonymous id"), ["events", "page_views", "clicks"]),
        new("fr", W("id session", "id visiteur"), ["evenements", "visites"]),
        new("de", W("sitzungs id", "besucher id"), ["ereignisse", "besuche"]),
        new("es", W("id sesion", "id visitante"), ["eventos", "visitas"]),
    ];

    [Test]
    public void TrackingIdsBesideAPersonKey_StayTrackingIds() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("tracking ids of event tables beside a user id", TrackingIds, ["varchar(64)", "text", "uuid", "String"],
                ["id", "user_id", "timestamp", "url"], ["automatic.device_id"]), 400, 4390);
}
