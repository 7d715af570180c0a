#!/usr/bin/env python3
"""Generates the labelled training corpus of the column model (rules/corpus/columns.tsv).

Every row is invented here from the hand-written vocabularies and table templates below, in English, French, German
and Spanish, across many domains (SaaS, e-commerce, HR, health, billing, logistics, CRM, logs, education, travel...).
Labels follow the category definitions and tie-breakers of the project's taxonomy (LABELS.md): the traps of the
tie-breakers (flags, counts and timestamps named after personal data, catalogue names, configuration countries and
languages, organisation-typed descriptions) are generated as `none` rows on purpose.

Reproducible: the same seed gives the same file, byte for byte.  Usage: python3 generate.py [--seed N] [--out FILE]
"""
import argparse
import random
import re
import unicodedata

LANGS = ("en", "fr", "de", "es")

# ---------------------------------------------------------------------------------------------------------------------
# Concepts: key -> (label or {table kind: label, "*": default}, type kind(s), {language: [names]})
# A name is written with spaces between words; the styler renders it as snake_case, camelCase, PascalCase...
# ---------------------------------------------------------------------------------------------------------------------
PERSONISH = ("person", "employee", "patient", "user", "contact_person", "review", "student", "guest", "driver")
ORGISH = ("company", "vendor", "store", "tenant")

C = {}


def concept(key, label, types, en=(), fr=(), de=(), es=()):
    C[key] = (label, types if isinstance(types, tuple) else (types,), {"en": list(en), "fr": list(fr), "de": list(de), "es": list(es)})


# --- contact ---------------------------------------------------------------------------------------------------------
concept("first_name", "contact.name", "text",
        ["first name", "firstname", "fname", "given name", "forename", "first nm"],
        ["prénom", "prenom", "prénom usuel"], ["vorname", "rufname"], ["nombre", "nombre de pila", "primer nombre"])
concept("last_name", "contact.name", "text",
        ["last name", "lastname", "lname", "surname", "family name", "last nm"],
        ["nom de famille", "nom usage", "nom patronymique"], ["nachname", "familienname", "zuname"],
        ["apellido", "apellidos", "primer apellido", "segundo apellido"])
concept("full_name", "contact.name", "text",
        ["full name", "display name", "contact name", "customer name", "middle name", "maiden name", "billing name",
         "shipping name", "recipient name", "cardholder name", "card holder name", "account holder name", "holder name",
         "reviewer name", "author name", "name suffix", "suffix", "ship name", "ship to name", "bill to name", "patient name", "employee name", "student name", "legal name of person"],
        ["nom complet", "nom du contact", "nom du titulaire", "nom de jeune fille", "nom du destinataire", "nom affiché",
         "nom du client", "nom du patient"],
        ["vollständiger name", "anzeigename", "kontaktperson", "ansprechpartner", "geburtsname", "kontoinhaber",
         "karteninhaber", "empfängername", "kundenname"],
        ["nombre completo", "nombre del contacto", "titular", "nombre del titular", "nombre del destinatario",
         "nombre del cliente", "segundo nombre"])
concept("bare_name", {**{k: "contact.name" for k in PERSONISH}, **{k: "contact.company_name" for k in ORGISH},
                      "*": "none"}, "text",
        ["name", "nm"], ["nom"], ["name"], ["nombre"])
concept("salutation", "contact.name", "text",
        ["salutation", "courtesy title", "title of courtesy", "honorific", "name prefix", "suffix", "name suffix", "generation suffix"],
        ["civilité", "civilite", "titre de civilité"], ["anrede", "briefanrede"], ["tratamiento", "saludo"])
concept("phone_ext", {"person": "contact.phone", "employee": "contact.phone", "contact_person": "contact.phone",
                      "user": "contact.phone", "company": "contact.phone", "*": "none"}, "text_short",
        ["extension", "phone extension", "ext", "tel ext"], ["poste téléphonique", "extension"], ["durchwahl", "nebenstelle"],
        ["extensión", "anexo"])
concept("company_name", "contact.company_name", "text",
        ["company", "company name", "organization", "organization name", "organisation", "business name",
         "legal name", "employer name", "customer company", "account name", "firm name", "trading name"],
        ["raison sociale", "société", "nom de la société", "entreprise", "nom de l'entreprise", "dénomination sociale",
         "organisme"],
        ["firma", "firmenname", "unternehmen", "unternehmensname", "firmierung", "organisation"],
        ["empresa", "razón social", "nombre de la empresa", "compañía", "nombre comercial", "organización"])
concept("address", "contact.postal_address", "text",
        ["address", "address line1", "address line 1", "address line2", "address line 2", "address1", "address2",
         "street", "street address", "street line", "house number", "apartment", "suite", "building", "billing address",
         "shipping address", "ship address", "delivery address", "mailing address", "home address", "po box",
         "billing street", "shipping street"],
        ["adresse", "adresse ligne1", "adresse ligne2", "rue", "numéro de rue", "complément d'adresse", "voie",
         "adresse de facturation", "adresse de livraison", "lieu dit", "boîte postale"],
        ["adresse", "straße", "strasse", "hausnummer", "anschrift", "adresszusatz", "lieferadresse",
         "rechnungsadresse", "postfach", "wohnanschrift"],
        ["dirección", "direccion", "calle", "número exterior", "número interior", "domicilio", "dirección de envío",
         "dirección de facturación", "colonia", "apartado postal"])
concept("postal_code", "contact.postal_address", "text",
        ["zip", "zip code", "zipcode", "postal code", "postcode", "post code", "billing zip", "shipping postal code",
         "ship postal code"],
        ["code postal", "cp", "cedex"], ["plz", "postleitzahl"], ["código postal", "cp", "codigo postal"])
concept("city", {"address": "contact.postal_address", "person": "contact.postal_address", "company": "contact.postal_address",
                 "order": "contact.postal_address", "employee": "contact.postal_address", "patient": "contact.postal_address",
                 "vendor": "contact.postal_address", "student": "contact.postal_address", "guest": "contact.postal_address",
                 "store": "contact.postal_address", "contact_person": "contact.postal_address", "user": "contact.postal_address",
                 "driver": "contact.postal_address", "tenant": "contact.postal_address",
                 "session": "automatic.geolocation", "event": "automatic.geolocation", "config": "none", "catalog": "none",
                 "*": "none"}, "text",
        ["city", "town", "locality", "ship city", "billing city", "shipping city", "suburb"],
        ["ville", "commune", "localité"], ["ort", "stadt", "wohnort", "gemeinde"], ["ciudad", "localidad", "municipio", "población"])
concept("region", {"address": "contact.postal_address", "person": "contact.postal_address", "company": "contact.postal_address",
                   "order": "contact.postal_address", "employee": "contact.postal_address", "vendor": "contact.postal_address",
                   "patient": "contact.postal_address", "student": "contact.postal_address", "guest": "contact.postal_address",
                   "store": "contact.postal_address", "user": "contact.postal_address", "tenant": "contact.postal_address",
                   "driver": "contact.postal_address",
                   "session": "automatic.geolocation", "event": "automatic.geolocation", "*": "none"}, "text",
        ["state", "province", "region", "county", "district", "ship region", "billing state", "state province"],
        ["département", "région", "province"], ["bundesland", "kanton", "landkreis", "region"],
        ["provincia", "estado", "comunidad autónoma", "región", "departamento"])
concept("country", {"address": "contact.postal_address", "person": "contact.postal_address", "company": "contact.postal_address",
                    "order": "contact.postal_address", "employee": "contact.postal_address", "vendor": "contact.postal_address",
                    "patient": "contact.postal_address", "student": "contact.postal_address", "guest": "contact.postal_address",
                    "store": "contact.postal_address", "user": "contact.postal_address", "tenant": "contact.postal_address",
                    "driver": "contact.postal_address",
                    "session": "automatic.geolocation", "event": "automatic.geolocation", "*": "none"}, "text",
        ["country", "country name", "ship country", "billing country", "shipping country", "country code"],
        ["pays", "code pays"], ["land", "ländercode", "staat"], ["país", "pais", "código de país"])
concept("phone", "contact.phone", "text",
        ["phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "mobile number", "cell", "cell phone",
         "fax", "fax number", "home phone", "work phone", "contact phone", "phone1", "phone2", "msisdn", "billing phone",
         "shipping phone", "emergency contact phone", "sms number", "whatsapp number", "contact info", "additional contact info",
         "pager"],
        ["téléphone", "telephone", "tél", "tel", "portable", "numéro de téléphone", "mobile", "fax", "téléphone fixe",
         "téléphone portable", "numéro de portable"],
        ["telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "mobiltelefon", "fax", "faxnummer", "rufnummer",
         "telefon privat", "telefon geschäftlich"],
        ["teléfono", "telefono", "móvil", "movil", "celular", "número de teléfono", "fax", "teléfono fijo", "teléfono móvil"])
concept("email", "contact.email", "text",
        ["email", "e mail", "email address", "mail", "contact email", "billing email", "work email", "personal email",
         "recipient email", "notification email", "reply to address", "invoice email", "login email", "unconfirmed email",
         "secondary email", "email addr"],
        ["courriel", "adresse courriel", "adresse email", "adresse mail", "mél", "email", "mail"],
        ["e mail", "email", "e mail adresse", "emailadresse", "mailadresse", "mail"],
        ["correo", "correo electrónico", "correo electronico", "email", "dirección de correo", "mail"])
concept("username", "contact.username", "text",
        ["username", "user name", "login", "login id", "login name", "handle", "nickname", "screen name", "profile url",
         "website", "homepage", "twitter handle", "github login", "alias", "user login", "web site url", "blog url"],
        ["identifiant", "nom d'utilisateur", "pseudo", "login", "site web", "nom de connexion"],
        ["benutzername", "benutzerkennung", "anmeldename", "spitzname", "webseite", "login", "homepage"],
        ["usuario", "nombre de usuario", "apodo", "alias", "sitio web", "login"])

# --- financial -------------------------------------------------------------------------------------------------------
concept("card", "financial.payment_card", ("text", "text_short"),
        ["card number", "pan", "cc number", "credit card number", "card last4", "last4", "last four", "card last four",
         "card brand", "card type", "cc type", "masked pan", "card fingerprint", "cvv", "cvc", "card bin",
         "card masked number"],
        ["numéro de carte", "numéro de carte bancaire", "quatre derniers chiffres", "type de carte", "cryptogramme",
         "marque de carte"],
        ["kartennummer", "kreditkartennummer", "kartentyp", "kartenprüfnummer", "letzte vier ziffern", "kartenmarke"],
        ["número de tarjeta", "numero tarjeta", "tarjeta de crédito", "tipo de tarjeta", "últimos cuatro dígitos",
         "marca de tarjeta"])
concept("card_expiry", "financial.payment_card", ("smallint", "text_short", "date"),
        ["exp month", "exp year", "expiry month", "expiry year", "card expiry", "expiration month", "expiration year",
         "card exp", "cc exp month", "cc exp year"],
        ["mois d'expiration", "année d'expiration", "date d'expiration carte"],
        ["ablaufmonat", "ablaufjahr", "karte gültig bis"],
        ["mes de caducidad", "año de caducidad", "vencimiento tarjeta"])
concept("bank", "financial.bank_account", "text",
        ["iban", "bic", "swift", "swift code", "bic swift", "account number", "bank account", "bank account number",
         "routing number", "sort code", "aba number", "bank code"],
        ["iban", "bic", "rib", "numéro de compte", "code banque", "code guichet", "clé rib", "compte bancaire"],
        ["iban", "bic", "kontonummer", "bankleitzahl", "blz", "bankverbindung", "bankkonto"],
        ["iban", "bic", "número de cuenta", "cuenta bancaria", "ccc", "clabe", "código swift"])
concept("tax_id", "financial.tax_id", "text",
        ["tax id", "vat number", "vat id", "tax number", "tin", "ein", "vat registration number", "company registration number",
         "registration number", "duns number", "abn", "gst number", "siren", "siret"],
        ["numéro de tva", "tva intracommunautaire", "numéro tva", "siren", "siret", "numéro fiscal", "numéro rcs"],
        ["ust id", "ust idnr", "umsatzsteuer id", "steuernummer", "handelsregisternummer", "ustid"],
        ["nif", "cif", "número de identificación fiscal", "rfc", "nif iva", "número de iva"])
concept("payment_ref", "financial.payment_reference", "text",
        ["stripe customer id", "stripe id", "payment method id", "charge id", "payment intent id", "transaction reference",
         "psp reference", "gateway transaction id", "payment token", "authorization code", "approval code",
         "paypal transaction id", "processor transaction id", "stripe subscription id", "adyen psp reference",
         "braintree customer id", "payment provider reference", "stripe charge id", "card approval code"],
        ["référence de paiement", "identifiant de transaction", "numéro d'autorisation", "référence psp",
         "identifiant client stripe"],
        ["transaktions id", "zahlungsreferenz", "autorisierungscode", "psp referenz", "stripe kunden id"],
        ["referencia de pago", "id de transacción", "código de autorización", "referencia psp", "id cliente stripe"])
concept("amount", {"order": "financial.billing", "invoice": "financial.billing", "payment": "financial.billing",
                   "subscription": "financial.billing", "employee": "financial.billing", "order_line": "financial.billing",
                   "catalog": "none", "config": "none", "*": "financial.billing"}, ("dec", "money", "int"),
        ["amount", "total", "subtotal", "sub total", "tax amount", "tax amt", "vat amount", "total due", "amount paid",
         "amount due", "refund amount", "credit", "balance", "grand total", "amount cents", "total amount", "net amount",
         "gross amount", "discount amount", "freight", "shipping cost", "shipping amount", "fee", "amount refunded",
         "total price", "price paid", "charged amount"],
        ["montant", "montant ttc", "montant ht", "total", "total ttc", "solde", "montant tva", "remise", "frais de port",
         "montant payé", "montant remboursé"],
        ["betrag", "gesamtbetrag", "nettobetrag", "bruttobetrag", "mwst betrag", "rabatt", "saldo", "versandkosten",
         "gezahlter betrag", "summe"],
        ["importe", "monto", "total", "subtotal", "importe iva", "descuento", "saldo", "gastos de envío", "importe pagado",
         "importe total"])
concept("unit_price", {"order_line": "financial.billing", "invoice": "financial.billing", "subscription": "financial.billing",
                       "catalog": "none", "*": "none"}, ("dec", "money"),
        ["unit price", "price", "unit amount", "line total", "line amount", "discount", "unit price discount", "price per unit"],
        ["prix unitaire", "prix", "montant ligne", "remise"], ["einzelpreis", "preis", "positionsbetrag", "rabatt"],
        ["precio unitario", "precio", "importe línea", "descuento"])
concept("salary", "financial.billing", ("dec", "money", "int"),
        ["salary", "wage", "hourly rate", "pay rate", "annual salary", "bonus", "commission", "commission pct",
         "gross pay", "net pay", "rate", "yearly income", "payroll amount"],
        ["salaire", "salaire brut", "salaire net", "prime", "commission", "taux horaire", "rémunération"],
        ["gehalt", "lohn", "bruttogehalt", "nettogehalt", "prämie", "provision", "stundenlohn", "vergütung"],
        ["salario", "sueldo", "salario bruto", "prima", "comisión", "tarifa por hora", "remuneración"])

# --- automatic -------------------------------------------------------------------------------------------------------
concept("ip", "automatic.ip_address", ("text", "inet"),
        ["ip", "ip address", "client ip", "remote addr", "remote ip", "last sign in ip", "current sign in ip", "source ip",
         "x forwarded for", "ipv4", "ipv6", "user ip", "request ip", "last login ip", "signup ip", "origin ip"],
        ["adresse ip", "ip", "ip du client", "ip de connexion"], ["ip adresse", "ip", "client ip", "quell ip"],
        ["dirección ip", "ip", "ip del cliente", "ip de origen"])
concept("user_agent", "automatic.user_agent", "text",
        ["user agent", "ua", "useragent", "browser", "browser name", "browser version", "os", "os name", "os version",
         "operating system", "platform", "device model", "device type", "screen resolution", "screen width",
         "screen height", "http user agent", "client user agent"],
        ["agent utilisateur", "navigateur", "version du navigateur", "système d'exploitation", "modèle d'appareil",
         "résolution d'écran"],
        ["browser", "browser version", "betriebssystem", "gerätetyp", "gerätemodell", "bildschirmauflösung"],
        ["agente de usuario", "navegador", "versión del navegador", "sistema operativo", "modelo de dispositivo",
         "resolución de pantalla"])
concept("browser_language", {"user": "automatic.browser_language", "person": "automatic.browser_language",
                             "session": "automatic.browser_language", "event": "automatic.browser_language",
                             "employee": "automatic.browser_language", "tenant": "automatic.browser_language",
                             "student": "automatic.browser_language", "patient": "automatic.browser_language",
                             "guest": "automatic.browser_language",
                             "catalog": "none", "config": "none", "*": "none"}, ("text", "text_short"),
        ["locale", "language", "preferred language", "accept language", "ui language", "time zone", "timezone", "lang",
         "language code", "preferred locale", "browser language", "tz"],
        ["langue", "langue préférée", "fuseau horaire", "locale", "langue de l'interface"],
        ["sprache", "bevorzugte sprache", "zeitzone", "gebietsschema", "locale"],
        ["idioma", "idioma preferido", "zona horaria", "configuración regional", "locale"])
concept("device_id", "automatic.device_id", ("text", "uuid"),
        ["device id", "shopping cart id", "cart id", "cart token", "basket id", "session key", "cookie id", "visitor id", "anonymous id", "session id", "tracking id", "fingerprint",
         "browser fingerprint", "advertising id", "idfa", "gaid", "analytics client id", "ga client id", "device token",
         "push token", "installation id", "cart session id", "shopping cart id", "visitor token", "distinct id"],
        ["identifiant appareil", "identifiant du visiteur", "cookie", "empreinte navigateur", "identifiant de session"],
        ["geräte id", "gerätekennung", "cookie id", "besucher id", "sitzungs id"],
        ["id de dispositivo", "id del visitante", "cookie", "huella del navegador", "id de sesión"])
concept("geo", "automatic.geolocation", ("text", "dec"),
        ["geo country", "geoip country", "geoip city", "ip country", "ip city", "detected country", "geo region",
         "geo latitude", "geo longitude", "ip location", "geo city", "visitor country"],
        ["pays détecté", "ville détectée", "géolocalisation ip", "pays ip"],
        ["geo land", "ip standort", "erkanntes land", "geo stadt"],
        ["país detectado", "ciudad detectada", "geolocalización ip", "país ip"])
concept("activity", "automatic.activity", ("ts", "int", "text"),
        ["last sign in at", "current sign in at", "sign in count", "last seen at", "last login", "last login at",
         "last activity at", "last active at", "login count", "visit count", "page url", "referrer", "referer",
         "landing page", "utm source", "utm campaign", "utm medium", "event name", "search query", "search term",
         "page title", "visited at", "session duration", "clicked url", "last request at", "page views", "last seen ip at"],
        ["dernière connexion", "date de dernière connexion", "nombre de connexions", "page visitée", "référent",
         "terme de recherche", "dernière activité"],
        ["letzte anmeldung", "zuletzt gesehen", "anzahl anmeldungen", "besuchte seite", "suchbegriff", "referrer",
         "letzte aktivität"],
        ["último acceso", "fecha último acceso", "número de accesos", "página visitada", "término de búsqueda",
         "referente", "última actividad"])

# --- customer content ------------------------------------------------------------------------------------------------
concept("source_code", "customer_content.source_code", "text_long",
        ["repository url", "repo url", "git url", "commit sha", "commit message", "diff", "patch", "source code",
         "build log", "script", "dockerfile", "buildpack output", "deploy log", "snippet", "code", "procfile"],
        ["dépôt", "code source", "message de commit", "journal de build", "script"],
        ["quellcode", "repository", "commit nachricht", "build protokoll", "skript"],
        ["código fuente", "repositorio", "mensaje de commit", "registro de compilación", "script"])
concept("app_data", "customer_content.application_data", ("text_long", "json"),
        ["custom field value", "field value", "record data", "payload", "custom attributes", "form response", "answer",
         "cell value", "row data", "user data", "document data", "entry value", "submission data", "custom data"],
        ["valeur du champ", "données utilisateur", "réponse au formulaire", "contenu de l'enregistrement"],
        ["feldwert", "benutzerdaten", "formularantwort", "datensatzinhalt"],
        ["valor del campo", "datos del usuario", "respuesta del formulario", "contenido del registro"])
concept("file", "customer_content.file", "text",
        ["file name", "filename", "attachment", "file path", "storage key", "s3 key", "blob key", "upload", "document path",
         "file url", "original filename", "attachment url", "object key", "uploaded file"],
        ["fichier", "nom du fichier", "pièce jointe", "chemin du fichier", "document"],
        ["datei", "dateiname", "anhang", "dateipfad", "dokument"],
        ["archivo", "nombre del archivo", "adjunto", "ruta del archivo", "documento"])
concept("message", {"content": "customer_content.message", "review": "customer_content.message",
                    "person": "customer_content.message", "order": "customer_content.message",
                    "patient": "customer_content.message", "user": "customer_content.message",
                    "employee": "customer_content.message", "student": "customer_content.message",
                    "catalog": "none", "config": "none", "*": "customer_content.message"}, "text_long",
        ["body", "message", "content", "comment", "comments", "note", "notes", "text", "review text", "feedback", "reply",
         "post body", "bio", "about me", "message body", "ticket text", "email body", "remarks", "customer note",
         "special instructions", "chat message"],
        ["message", "commentaire", "contenu", "corps", "remarque", "note", "avis", "texte", "observations"],
        ["nachricht", "kommentar", "inhalt", "bemerkung", "notiz", "text", "anmerkung", "rezension"],
        ["mensaje", "comentario", "contenido", "cuerpo", "nota", "observaciones", "texto", "reseña"])
concept("subject", {"content": "customer_content.message", "review": "customer_content.message", "*": "none"}, "text",
        ["subject", "title", "headline", "summary"], ["objet", "titre", "sujet"], ["betreff", "titel", "überschrift"],
        ["asunto", "título", "resumen"])
concept("description", {"content": "customer_content.message", "review": "customer_content.message",
                        "person": "customer_content.message", "user": "customer_content.message", "*": "none"}, "text_long",
        ["description", "details"], ["description", "détails"], ["beschreibung", "details"], ["descripción", "detalles"])
concept("tx_history", "customer_content.transaction_history", ("dec", "text", "json"),
        ["end customer amount", "merchant order total", "client transaction amount", "customer sale amount",
         "storefront order payload", "shop order total", "end user payment amount", "ledger entry", "transaction payload",
         "merchant transaction data"],
        ["montant transaction client final", "données transaction marchand", "écriture comptable client"],
        ["endkunden betrag", "händler transaktionsdaten", "shop bestellsumme"],
        ["importe cliente final", "datos transacción comercio", "total pedido tienda"])

# --- other personal --------------------------------------------------------------------------------------------------
concept("credentials", "other_personal.credentials", "text",
        ["password", "password hash", "encrypted password", "password digest", "password salt", "salt", "api key",
         "api token", "access token", "refresh token", "reset password token", "confirmation token", "otp secret",
         "totp secret", "two factor secret", "secret key", "auth token", "private key", "client secret",
         "recovery codes", "remember token", "unlock token", "pin", "pin code", "hashed password", "oauth token",
         "session token", "webhook secret", "pwd", "passwd"],
        ["mot de passe", "mdp", "jeton", "clé api", "jeton de réinitialisation", "jeton d'accès", "code pin"],
        ["passwort", "kennwort", "passwort hash", "zugangstoken", "api schlüssel", "geheimnis", "pin"],
        ["contraseña", "clave", "token de acceso", "clave api", "token de restablecimiento", "pin"])
concept("dob", "other_personal.date_of_birth", ("date", "text", "smallint"),
        ["dob", "birth date", "birthdate", "birthday", "date of birth", "birth year", "year of birth", "age", "demographics",
         "demographic data"],
        ["date de naissance", "né le", "année de naissance", "âge"], ["geburtsdatum", "geburtstag", "geburtsjahr", "alter"],
        ["fecha de nacimiento", "cumpleaños", "año de nacimiento", "edad"])
concept("gender", "other_personal.gender", ("text_short", "text"),
        ["gender", "sex", "pronouns", "gender identity"], ["sexe", "genre"], ["geschlecht"], ["sexo", "género"])
concept("national_id", "other_personal.national_id", "text",
        ["ssn", "social security number", "national id", "national id number", "passport number", "id card number",
         "driver license number", "drivers license", "nin", "personal id number", "identity document number"],
        ["numéro de sécurité sociale", "nir", "numéro insee", "numéro de passeport", "carte d'identité", "numéro de permis"],
        ["personalausweisnummer", "sozialversicherungsnummer", "reisepassnummer", "ausweisnummer", "steuer identifikationsnummer"],
        ["dni", "nie", "pasaporte", "número de seguridad social", "curp", "documento de identidad", "cédula"])
concept("photo", "other_personal.photo", ("text", "bin"),
        ["avatar", "avatar url", "profile picture", "photo", "picture", "headshot", "profile image", "selfie",
         "profile photo url", "gravatar"],
        ["photo", "photo de profil", "avatar", "portrait"], ["foto", "profilbild", "lichtbild", "avatar"],
        ["foto", "foto de perfil", "imagen de perfil", "avatar"])
concept("health", "other_personal.health", ("text", "smallint", "bool"),
        ["medical condition", "diagnosis", "allergies", "blood type", "disability", "medication", "sick leave hours",
         "sick days", "vaccination status", "symptoms", "treatment", "medical history", "health notes", "icd code",
         "prescription", "dietary restrictions"],
        ["diagnostic", "allergies", "groupe sanguin", "antécédents médicaux", "jours d'arrêt maladie", "traitement",
         "handicap", "ordonnance"],
        ["diagnose", "allergien", "blutgruppe", "krankheitstage", "behinderung", "medikation", "vorerkrankungen"],
        ["diagnóstico", "alergias", "grupo sanguíneo", "días de baja", "medicación", "tratamiento", "discapacidad"])
concept("employment_dates", "other_personal.employment", ("date", "ts"),
        ["hire date", "hired on", "termination date", "start date", "end date", "rate change date", "contract start",
         "contract end", "employment start", "employment end", "probation end date", "last promotion date"],
        ["date d'embauche", "date d'entrée", "date de sortie", "date de début de contrat", "date de fin de contrat"],
        ["eintrittsdatum", "einstellungsdatum", "austrittsdatum", "vertragsbeginn", "vertragsende"],
        ["fecha de contratación", "fecha de alta", "fecha de baja", "inicio de contrato", "fin de contrato"])
concept("employment_numbers", "other_personal.employment", ("smallint", "int", "dec", "bool"),
        ["vacation hours", "vacation days", "pay frequency", "salaried flag", "sales quota", "sales ytd", "sales last year",
         "performance rating", "job level", "overtime hours", "weekly hours", "fte", "is manager", "is contractor", "exempt"],
        ["jours de congé", "heures supplémentaires", "objectif de ventes", "temps de travail"],
        ["urlaubstage", "überstunden", "wochenstunden", "umsatzziel"],
        ["días de vacaciones", "horas extra", "horas semanales", "cuota de ventas"])
concept("employment", "other_personal.employment", "text",
        ["job title", "position", "occupation", "hire date", "termination date", "contract type", "employer",
         "seniority", "employment status", "vacation hours", "vacation days", "pay frequency", "salaried flag",
         "performance rating", "sales quota", "sales ytd", "sales last year", "department name", "work location",
         "employee number", "job level", "grade", "start date", "end date", "manager name", "resume", "cv",
         "curriculum vitae", "skills", "education level"],
        ["poste", "intitulé du poste", "fonction", "date d'embauche", "date d'entrée", "date de sortie", "type de contrat",
         "employeur", "ancienneté", "service", "jours de congé", "matricule"],
        ["berufsbezeichnung", "position", "stelle", "eintrittsdatum", "einstellungsdatum", "austrittsdatum", "vertragsart",
         "arbeitgeber", "abteilung", "urlaubstage", "personalnummer", "beruf"],
        ["puesto", "cargo", "ocupación", "fecha de contratación", "fecha de alta", "fecha de baja", "tipo de contrato",
         "empleador", "antigüedad", "departamento", "días de vacaciones", "número de empleado"])
concept("job_title", {"employee": "other_personal.employment", "person": "contact.name",
                      "contact_person": "other_personal.employment", "user": "other_personal.employment",
                      "catalog": "none", "content": "customer_content.message", "*": "none"}, "text",
        ["title", "contact title", "role title"], ["titre", "titre du poste"], ["titel", "funktion"], ["título", "cargo"])
concept("location", "other_personal.location", ("text", "dec", "geo", "bin"),
        ["location", "home location", "latitude", "longitude", "lat", "lng", "coordinates", "geo point", "spatial location",
         "gps position", "current position", "pickup location", "dropoff location", "geom"],
        ["localisation", "coordonnées gps", "position", "latitude", "longitude"],
        ["standort", "koordinaten", "breitengrad", "längengrad", "position"],
        ["ubicación", "coordenadas", "latitud", "longitud", "posición"])
concept("special", "other_personal.special_category", ("text", "text_short", "bin"),
        ["religion", "ethnicity", "race", "political opinion", "political affiliation", "union membership",
         "trade union member", "sexual orientation", "marital status", "biometric template", "fingerprint template",
         "face encoding", "criminal record"],
        ["religion", "origine ethnique", "opinion politique", "situation familiale", "orientation sexuelle",
         "appartenance syndicale", "casier judiciaire"],
        ["religion", "konfession", "familienstand", "ethnische herkunft", "gewerkschaftsmitglied", "politische meinung"],
        ["religión", "estado civil", "etnia", "orientación sexual", "afiliación sindical", "opinión política"])

# --- none: keys, timestamps, flags, counts, statuses, catalogue, configuration ----------------------------------------
concept("ts", "none", ("ts", "date"),
        ["created at", "updated at", "deleted at", "modified date", "last update", "inserted at", "created on",
         "modified at", "archived at", "processed at", "published at", "expires at", "scheduled at", "completed at",
         "due date", "order date", "shipped date", "required date", "invoice date", "payment date", "rental date",
         "return date", "valid from", "valid to", "effective date", "period start", "period end", "trial ends at",
         "canceled at", "date", "timestamp", "sent at", "read at", "closed at", "resolved at"],
        ["date de création", "date de modification", "créé le", "modifié le", "date de suppression", "date de commande",
         "date de facture", "date d'échéance", "date de livraison", "horodatage", "date"],
        ["erstellt am", "geändert am", "aktualisiert am", "gelöscht am", "bestelldatum", "rechnungsdatum", "lieferdatum",
         "fälligkeitsdatum", "zeitstempel", "datum"],
        ["fecha de creación", "fecha de actualización", "fecha de modificación", "creado en", "fecha de pedido",
         "fecha de factura", "fecha de entrega", "fecha de vencimiento", "fecha"])
concept("flag", "none", "bool",
        ["is active", "active", "enabled", "is deleted", "deleted", "is admin", "admin", "archived", "is default",
         "visible", "published", "discontinued", "is public", "paid", "approved", "locked", "is test", "online order flag",
         "make flag", "finished goods flag", "current flag", "preferred vendor status", "is primary", "hidden", "featured"],
        ["actif", "est actif", "supprimé", "visible", "publié", "payé", "verrouillé", "par défaut", "archivé"],
        ["aktiv", "ist aktiv", "gelöscht", "sichtbar", "veröffentlicht", "bezahlt", "gesperrt", "standard", "archiviert"],
        ["activo", "es activo", "eliminado", "visible", "publicado", "pagado", "bloqueado", "predeterminado", "archivado"])
concept("count", "none", ("int", "smallint"),
        ["quantity", "qty", "count", "items count", "stock", "units in stock", "units on order", "reorder level",
         "reorder point", "safety stock level", "order qty", "position", "sort order", "rank", "priority", "version",
         "lock version", "retry count", "attempts", "seats", "max users", "limit", "days to manufacture", "sequence",
         "line number", "revision number", "number of employees", "followers count", "likes count", "level", "weight",
         "width", "height", "length", "duration", "size", "track number", "disc number", "rental duration", "year",
         "release year", "milliseconds", "bytes", "page count", "score"],
        ["quantité", "nombre", "stock", "ordre", "position", "priorité", "version", "poids", "largeur", "hauteur", "durée"],
        ["menge", "anzahl", "bestand", "reihenfolge", "position", "priorität", "version", "gewicht", "breite", "höhe", "dauer"],
        ["cantidad", "número", "existencias", "orden", "posición", "prioridad", "versión", "peso", "ancho", "alto", "duración"])
concept("status", "none", ("text", "text_short", "smallint"),
        ["status", "state", "type", "kind", "category", "plan", "tier", "role", "stage", "source", "channel", "mode",
         "visibility", "payment status", "order status", "shipping method", "delivery method", "ship via", "frequency",
         "interval", "billing cycle", "person type", "rating", "special features", "style", "class", "product line",
         "color", "unit measure code", "size unit measure code", "weight unit measure code", "format", "media type",
         "genre", "severity", "level name", "log level", "http method", "status code", "environment", "region code"],
        ["statut", "état", "type", "catégorie", "formule", "rôle", "étape", "canal", "mode", "fréquence", "couleur"],
        ["status", "zustand", "typ", "art", "kategorie", "tarif", "rolle", "phase", "kanal", "modus", "farbe"],
        ["estado", "tipo", "clase", "categoría", "plan", "rol", "etapa", "canal", "modo", "frecuencia", "color"])
concept("currency", "none", "text_short",
        ["currency", "currency code", "iso currency", "currency rate", "to currency code", "from currency code"],
        ["devise", "code devise", "monnaie"], ["währung", "währungscode"], ["moneda", "divisa", "código de moneda"])
concept("config", "none", ("text", "json", "int"),
        ["settings", "config", "configuration", "options", "preferences json", "metadata", "slug", "key", "value",
         "feature flags", "permissions", "scope", "scopes", "webhook url", "callback url", "endpoint", "host", "port",
         "region", "bucket", "queue name", "job class", "handler", "cron expression", "schema version", "checksum",
         "content type", "mime type", "byte size", "file size", "encoding", "extension", "hash algorithm", "table name",
         "column name", "migration version", "record type", "record id", "polymorphic type", "locale key",
         "translation key", "api version", "sdk version", "app version", "build number", "git sha of release",
         "organization node", "organization level", "document node", "node", "hierarchy path", "tree path", "lineage",
         "document level"],
        ["paramètres", "configuration", "options", "métadonnées", "clé", "valeur", "portée", "type mime", "taille"],
        ["einstellungen", "konfiguration", "optionen", "metadaten", "schlüssel", "wert", "bereich", "dateigröße"],
        ["ajustes", "configuración", "opciones", "metadatos", "clave config", "valor config", "alcance", "tamaño"])
concept("traps", "none", ("bool", "int", "ts", "text_short"), [], [], [], [])  # filled by TRAPS below
concept("catalog_name", {"catalog": "none", "config": "none", "order_line": "none", "*": "none"}, "text",
        ["name", "title", "product name", "plan name", "role name", "category name", "label", "display label",
         "track name", "album title", "film title", "genre name", "department name", "shipper name of carrier",
         "status name", "template name", "tag name", "feature name", "language name", "territory name", "group name",
         "list name", "project name", "board name", "workspace name", "team name", "report name"],
        ["nom", "libellé", "titre", "nom du produit", "nom de la formule", "nom de la catégorie", "désignation"],
        ["name", "bezeichnung", "titel", "produktname", "tarifname", "kategoriename", "artikelbezeichnung"],
        ["nombre", "etiqueta", "título", "nombre del producto", "nombre del plan", "nombre de la categoría", "denominación"])
concept("bare_catalog_name", "none", "text", ["name", "name", "title", "description"], ["nom", "libellé"],
        ["name", "bezeichnung"], ["nombre", "descripción"])
concept("catalog_price", "none", ("dec", "money"),
        ["list price", "standard cost", "price", "unit price", "rental rate", "replacement cost", "base price", "msrp",
         "cost", "plan price", "default price", "tax rate", "vat rate", "exchange rate", "average rate", "end of day rate",
         "discount pct", "weight kg", "margin"],
        ["prix catalogue", "prix de base", "prix", "coût", "taux de tva", "taux de change"],
        ["listenpreis", "grundpreis", "preis", "kosten", "steuersatz", "wechselkurs"],
        ["precio de lista", "precio base", "precio", "coste", "tasa de iva", "tipo de cambio"])
concept("measure", "none", ("dec", "dec", "int"),
        ["weight", "received qty", "rejected qty", "stocked qty", "per assembly qty", "actual resource hrs", "planned cost",
         "actual cost", "cost rate", "standard cost", "standard price", "last receipt cost", "ship base", "ship rate",
         "availability", "average rate", "end of day rate", "discount pct", "percentage", "ratio", "sales ytd of territory",
         "cost ytd", "cost last year", "budget", "capacity", "volume", "distance km", "temperature", "duration hours",
         "conversion rate", "min qty", "max qty", "tax rate", "vat rate", "exchange rate", "unit cost", "list price",
         "hours", "score", "rating average"],
        ["poids", "coût standard", "taux", "pourcentage", "capacité", "volume", "coût unitaire", "prix catalogue"],
        ["gewicht", "standardkosten", "satz", "prozentsatz", "kapazität", "volumen", "stückkosten", "listenpreis"],
        ["peso", "coste estándar", "tasa", "porcentaje", "capacidad", "volumen", "coste unitario", "precio de lista"])
concept("product_image", {"catalog": "none", "*": "none"}, ("bin", "text"),
        ["thumbnail photo", "large photo", "thumbnail", "image", "picture", "product photo", "cover image", "logo",
         "banner", "icon", "diagram", "illustration", "thumb nail photo file name"],
        ["image", "vignette", "logo", "photo du produit"], ["bild", "vorschaubild", "logo", "produktfoto"],
        ["imagen", "miniatura", "logotipo", "foto del producto"])
concept("catalog_desc", "none", ("text", "text_long"),
        ["description", "summary", "details", "instructions", "help text", "tooltip", "caption", "composer",
         "catalog description", "footnote", "tagline"],
        ["description", "résumé", "aide"], ["beschreibung", "zusammenfassung", "hilfetext"],
        ["descripción", "resumen", "ayuda"])
concept("config_country", "none", "text_short",
        ["country code", "iso code", "country iso", "country region code", "language code", "original language id",
         "default locale", "default currency", "iso3", "alpha2"],
        ["code iso", "code pays", "langue par défaut"], ["iso code", "ländercode", "standardsprache"],
        ["código iso", "código de país", "idioma por defecto"])
concept("guid", "none", ("uuid", "text"),
        ["uuid", "guid", "rowguid", "external id", "public id", "reference", "number", "code", "sku", "barcode", "ean",
         "isbn", "order number", "invoice number", "ticket number", "tracking number", "product number", "carrier tracking number",
         "purchase order number", "account number of vendor", "credit memo number", "idempotency key", "correlation id",
         "request id", "trace id", "job id"],
        ["référence", "numéro de commande", "numéro de facture", "code article", "numéro de suivi"],
        ["referenz", "bestellnummer", "rechnungsnummer", "artikelnummer", "sendungsnummer"],
        ["referencia", "número de pedido", "número de factura", "código de artículo", "número de seguimiento"])

# Tie-breaker 2 traps: a personal word with a flag, count, time or format suffix is `none`.
TRAPS = {
    "en": [("email verified", "bool"), ("email confirmed", "bool"), ("email count", "int"), ("phone confirmed at", "ts"),
           ("phone verified", "bool"), ("address format", "text_short"), ("surname count", "int"),
           ("email opt in", "bool"), ("email promotion", "smallint"), ("name style", "bool"), ("sms enabled", "bool"),
           ("email notifications enabled", "bool"), ("password changed at", "ts"), ("password expires at", "ts"),
           ("token expires at", "ts"), ("confirmed at", "ts"), ("confirmation sent at", "ts"), ("email verified at", "ts"),
           ("phone number verified", "bool"), ("address validated", "bool"), ("has avatar", "bool"),
           ("avatar updated at", "ts"), ("ip count", "int"), ("login attempts", "int"), ("failed attempts", "int"),
           ("locked at", "ts"), ("email bounced", "bool"), ("birthday reminder enabled", "bool"), ("phone count", "int"),
           ("name length", "int"), ("password reset sent at", "ts"), ("reset password sent at", "ts"),
           ("remember created at", "ts"), ("iban validated", "bool"), ("card expired", "bool"),
           ("email format", "text_short"), ("name format", "text_short"), ("address type", "text_short"),
           ("phone type", "text_short"), ("email type", "text_short"), ("address verified at", "ts")],
    "fr": [("email vérifié", "bool"), ("courriel confirmé", "bool"), ("nombre de courriels", "int"),
           ("téléphone confirmé le", "ts"), ("format adresse", "text_short"), ("adresse validée", "bool"),
           ("mot de passe modifié le", "ts"), ("type de téléphone", "text_short"), ("type d'adresse", "text_short")],
    "de": [("email bestätigt", "bool"), ("telefon bestätigt", "bool"), ("anzahl emails", "int"),
           ("telefon bestätigt am", "ts"), ("adressformat", "text_short"), ("adresse geprüft", "bool"),
           ("passwort geändert am", "ts"), ("telefontyp", "text_short"), ("adresstyp", "text_short")],
    "es": [("correo verificado", "bool"), ("teléfono confirmado", "bool"), ("número de correos", "int"),
           ("teléfono confirmado en", "ts"), ("formato de dirección", "text_short"), ("dirección validada", "bool"),
           ("contraseña cambiada en", "ts"), ("tipo de teléfono", "text_short"), ("tipo de dirección", "text_short")],
}

# ---------------------------------------------------------------------------------------------------------------------
# Tables: (domain, kind, {language: [table names]}, [(concept, probability)])
# ---------------------------------------------------------------------------------------------------------------------
ADDR = [("address", .9), ("postal_code", .8), ("city", .85), ("region", .5), ("country", .7)]
PERSON_CORE = [("first_name", .8), ("last_name", .8), ("full_name", .3), ("bare_name", .25), ("email", .8), ("phone", .6)]
TABLES = [
    ("saas", "user", {"en": ["users", "user", "accounts", "members", "app users", "auth user", "identities"],
                      "fr": ["utilisateurs", "comptes", "membres"], "de": ["benutzer", "konten", "mitglieder"],
                      "es": ["usuarios", "cuentas", "miembros"]},
     PERSON_CORE + [("username", .6), ("credentials", .9), ("activity", .8), ("ip", .5), ("browser_language", .6),
                    ("photo", .4), ("traps", .9), ("flag", .7), ("status", .5), ("ts", 1), ("dob", .2), ("gender", .15),
                    ("company_name", .2), ("device_id", .15), ("message", .15), ("config", .2)]),
    ("crm", "person", {"en": ["customers", "customer", "contacts", "clients", "leads", "subscribers", "people", "person",
                              "patrons", "buyers", "shoppers", "recipients", "individual customer", "guests"],
                       "fr": ["clients", "contacts", "prospects", "abonnés", "personnes", "client"],
                       "de": ["kunden", "kontakte", "interessenten", "abonnenten", "personen", "kunde"],
                       "es": ["clientes", "contactos", "suscriptores", "personas", "cliente", "prospectos"]},
     PERSON_CORE + ADDR + [("salutation", .3), ("company_name", .4), ("dob", .3), ("gender", .3), ("traps", .6),
                           ("flag", .5), ("status", .5), ("ts", 1), ("browser_language", .3), ("message", .2),
                           ("tax_id", .15), ("photo", .1), ("national_id", .1), ("special", .05), ("username", .2),
                           ("job_title", .15), ("amount", .1)]),
    ("crm", "contact_person", {"en": ["contact persons", "account contacts", "company contacts", "vendor contacts"],
                               "fr": ["interlocuteurs", "contacts société"], "de": ["ansprechpartner", "firmenkontakte"],
                               "es": ["personas de contacto", "contactos empresa"]},
     PERSON_CORE + [("job_title", .7), ("salutation", .3), ("ts", 1), ("flag", .3), ("status", .3)]),
    ("crm", "company", {"en": ["companies", "organizations", "organisations", "accounts", "businesses", "suppliers",
                               "vendors", "shippers", "partners", "stores", "merchants", "tenants", "customers b2b"],
                        "fr": ["sociétés", "entreprises", "fournisseurs", "partenaires", "magasins", "organisations"],
                        "de": ["firmen", "unternehmen", "lieferanten", "partner", "händler", "filialen"],
                        "es": ["empresas", "compañías", "proveedores", "socios", "tiendas", "organizaciones"]},
     [("company_name", .9), ("bare_name", .5), ("full_name", .5), ("email", .6), ("phone", .7), ("tax_id", .5), ("bank", .3),
      ("username", .3), ("job_title", .3), ("status", .5), ("flag", .5), ("ts", 1), ("count", .3)] + ADDR),
    ("any", "address", {"en": ["addresses", "address", "customer addresses", "shipping addresses", "billing addresses",
                               "user addresses", "locations of customers"],
                        "fr": ["adresses", "adresses de livraison", "adresses de facturation"],
                        "de": ["adressen", "anschriften", "lieferadressen"],
                        "es": ["direcciones", "direcciones de envío", "domicilios"]},
     ADDR + [("phone", .3), ("full_name", .3), ("company_name", .2), ("status", .4), ("traps", .3), ("ts", 1),
             ("location", .2), ("flag", .3)]),
    ("hr", "employee", {"en": ["employees", "employee", "staff", "workers", "personnel", "team members", "agents",
                               "sales person", "drivers", "teachers"],
                        "fr": ["employés", "salariés", "personnel", "collaborateurs", "agents"],
                        "de": ["mitarbeiter", "angestellte", "personal", "beschäftigte"],
                        "es": ["empleados", "personal", "trabajadores", "colaboradores"]},
     PERSON_CORE + ADDR + [("employment", 1), ("employment", .8), ("job_title", .6), ("salary", .6), ("dob", .6),
                           ("gender", .5), ("national_id", .5), ("special", .3), ("health", .3), ("photo", .3),
                           ("bank", .3), ("credentials", .2), ("username", .3), ("ts", 1), ("flag", .4),
                           ("status", .3), ("salutation", .2), ("message", .2)]),
    ("hr", "employee", {"en": ["employee pay history", "payroll", "employee department history", "job history",
                               "contracts", "leave requests", "absences"],
                        "fr": ["paie", "historique des postes", "contrats de travail", "absences"],
                        "de": ["gehaltsabrechnung", "stellenhistorie", "arbeitsverträge", "abwesenheiten"],
                        "es": ["nóminas", "historial de puestos", "contratos", "ausencias"]},
     [("employment", 1), ("employment", .7), ("salary", .8), ("health", .3), ("ts", 1), ("status", .4), ("count", .3)]),
    ("health", "patient", {"en": ["patients", "patient", "appointments", "medical records", "prescriptions", "visits of patients"],
                           "fr": ["patients", "dossiers médicaux", "rendez vous", "ordonnances"],
                           "de": ["patienten", "krankenakten", "termine", "rezepte"],
                           "es": ["pacientes", "historias clínicas", "citas", "recetas"]},
     PERSON_CORE + [("dob", .8), ("gender", .6), ("health", 1), ("health", .8), ("national_id", .5), ("message", .5),
                    ("special", .2), ("ts", 1), ("status", .4), ("address", .4), ("postal_code", .3), ("city", .4)]),
    ("edu", "student", {"en": ["students", "learners", "enrollments", "applicants", "candidates", "job candidates"],
                        "fr": ["étudiants", "élèves", "candidats", "inscriptions"], "de": ["studenten", "schüler", "bewerber"],
                        "es": ["estudiantes", "alumnos", "candidatos", "matrículas"]},
     PERSON_CORE + [("dob", .6), ("gender", .4), ("employment", .4), ("file", .3), ("message", .3), ("ts", 1),
                    ("status", .5), ("count", .3), ("photo", .2)] + ADDR[:3]),
    ("ecommerce", "order", {"en": ["orders", "order", "sales orders", "sales order header", "purchase orders", "checkouts",
                                   "shipments", "deliveries", "rentals", "bookings", "reservations", "carts"],
                            "fr": ["commandes", "commande", "livraisons", "réservations", "expéditions"],
                            "de": ["bestellungen", "aufträge", "lieferungen", "buchungen", "sendungen"],
                            "es": ["pedidos", "órdenes", "envíos", "reservas", "entregas"]},
     [("amount", 1), ("amount", .8), ("address", .5), ("postal_code", .4), ("city", .5), ("region", .3), ("country", .4),
      ("full_name", .4), ("phone", .2), ("email", .2), ("ts", 1), ("ts", .8), ("status", .8), ("guid", .6),
      ("message", .3), ("currency", .4), ("payment_ref", .3), ("flag", .3), ("device_id", .1), ("ip", .15)]),
    ("ecommerce", "order_line", {"en": ["order items", "order lines", "order details", "line items", "invoice lines",
                                        "sales order detail", "purchase order detail", "invoice items", "cart items"],
                                 "fr": ["lignes de commande", "lignes de facture", "articles commandés"],
                                 "de": ["bestellpositionen", "rechnungspositionen", "auftragspositionen"],
                                 "es": ["líneas de pedido", "líneas de factura", "detalle de pedido"]},
     [("unit_price", 1), ("amount", .5), ("count", 1), ("ts", .7), ("guid", .3), ("catalog_name", .2)]),
    ("billing", "invoice", {"en": ["invoices", "invoice", "bills", "credit notes", "refunds", "receipts", "statements"],
                            "fr": ["factures", "avoirs", "remboursements", "reçus"],
                            "de": ["rechnungen", "gutschriften", "erstattungen", "belege"],
                            "es": ["facturas", "abonos", "reembolsos", "recibos"]},
     [("amount", 1), ("amount", .9), ("amount", .6), ("address", .5), ("postal_code", .4), ("city", .5), ("country", .4),
      ("region", .2), ("tax_id", .4), ("company_name", .3), ("full_name", .3), ("email", .3), ("ts", 1), ("ts", .8),
      ("status", .6), ("guid", .8), ("currency", .6), ("payment_ref", .3), ("flag", .3), ("message", .15)]),
    ("billing", "payment", {"en": ["payments", "payment", "charges", "transactions", "payment methods", "credit cards",
                                   "cards", "payouts", "bank accounts", "subscriptions payments", "payment intents"],
                            "fr": ["paiements", "transactions", "moyens de paiement", "cartes bancaires", "prélèvements"],
                            "de": ["zahlungen", "transaktionen", "zahlungsmittel", "kreditkarten", "lastschriften"],
                            "es": ["pagos", "transacciones", "métodos de pago", "tarjetas", "cobros"]},
     [("amount", .8), ("card", .6), ("card_expiry", .4), ("bank", .4), ("payment_ref", .8), ("payment_ref", .4),
      ("full_name", .3), ("ts", 1), ("status", .7), ("currency", .5), ("flag", .3), ("guid", .3), ("ip", .1)]),
    ("billing", "subscription", {"en": ["subscriptions", "subscription", "plans subscribed", "memberships", "licenses"],
                                 "fr": ["abonnements", "souscriptions", "adhésions"], "de": ["abonnements", "mitgliedschaften", "lizenzen"],
                                 "es": ["suscripciones", "membresías", "licencias"]},
     [("amount", .8), ("unit_price", .5), ("payment_ref", .5), ("ts", 1), ("ts", .9), ("status", .8), ("count", .5),
      ("currency", .4), ("flag", .4)]),
    ("catalog", "catalog", {"en": ["products", "product", "items", "plans", "films", "film", "tracks", "albums", "artists of label",
                                   "categories", "genres", "media types", "books", "courses", "services", "skus",
                                   "product categories", "product models", "price lists", "features", "inventory",
                                   "warehouses", "shippers", "carriers", "roles", "permissions", "tags", "templates",
                                   "languages", "currencies", "countries", "territories", "departments", "shifts",
                                   "statuses", "projects", "boards", "workspaces", "teams", "reports", "playlists",
                                   "ship methods", "scrap reasons", "special offers", "unit measures", "cultures"],
                            "fr": ["produits", "articles", "formules", "catégories", "services", "entrepôts", "rôles",
                                   "modèles", "langues", "devises", "pays", "projets", "transporteurs"],
                            "de": ["produkte", "artikel", "tarife", "kategorien", "dienstleistungen", "lager", "rollen",
                                   "vorlagen", "sprachen", "währungen", "länder", "projekte", "spediteure"],
                            "es": ["productos", "artículos", "planes", "categorías", "servicios", "almacenes", "roles",
                                   "plantillas", "idiomas", "monedas", "países", "proyectos", "transportistas"]},
     [("bare_catalog_name", .7), ("catalog_name", .7), ("catalog_desc", .5), ("catalog_price", .6), ("catalog_price", .3), ("count", .8), ("count", .5),
      ("status", .7), ("flag", .6), ("ts", 1), ("guid", .5), ("config_country", .3), ("currency", .2), ("config", .3),
      ("browser_language", .2), ("country", .15), ("city", .1), ("job_title", .15), ("subject", .2), ("unit_price", .2),
      ("product_image", .3), ("measure", .5)]),
    ("config", "config", {"en": ["settings", "app settings", "configurations", "feature flags", "webhooks", "integrations",
                                 "api clients", "jobs", "job queue", "migrations", "schema migrations", "audit trail config",
                                 "tax rates", "exchange rates", "currency rates", "country settings", "locales", "regions"],
                          "fr": ["paramètres", "configurations", "taux de tva", "taux de change", "tâches"],
                          "de": ["einstellungen", "konfigurationen", "steuersätze", "wechselkurse", "aufgaben"],
                          "es": ["ajustes", "configuraciones", "tasas de iva", "tipos de cambio", "tareas"]},
     [("config", 1), ("config", .8), ("config", .5), ("status", .6), ("flag", .6), ("ts", 1), ("count", .5),
      ("catalog_name", .5), ("config_country", .4), ("catalog_price", .2), ("country", .3), ("browser_language", .3),
      ("catalog_desc", .3), ("guid", .3)]),
    ("logs", "session", {"en": ["sessions", "user sessions", "visits", "page views", "pageviews", "login events",
                                "sign ins", "audit logs", "access logs", "request logs", "clicks", "impressions",
                                "analytics events", "tracking events", "devices", "security events", "web hits"],
                         "fr": ["sessions", "visites", "connexions", "journal d'accès", "journal d'audit", "appareils"],
                         "de": ["sitzungen", "besuche", "anmeldungen", "zugriffsprotokoll", "audit protokoll", "geräte"],
                         "es": ["sesiones", "visitas", "inicios de sesión", "registro de accesos", "registro de auditoría",
                                "dispositivos"]},
     [("ip", .9), ("user_agent", .9), ("user_agent", .5), ("device_id", .7), ("activity", .9), ("activity", .6),
      ("browser_language", .4), ("geo", .5), ("country", .4), ("city", .3), ("region", .2), ("ts", 1),
      ("status", .5), ("count", .3), ("guid", .3), ("config", .2)]),
    ("logs", "event", {"en": ["events", "tracks", "identifies", "user events", "activity log", "notifications log",
                              "search history", "email events", "push notifications"],
                       "fr": ["événements", "historique de recherche", "journal d'activité"],
                       "de": ["ereignisse", "suchverlauf", "aktivitätsprotokoll"],
                       "es": ["eventos", "historial de búsqueda", "registro de actividad"]},
     [("activity", 1), ("activity", .8), ("device_id", .6), ("ip", .5), ("user_agent", .5), ("geo", .4), ("country", .3),
      ("city", .2), ("browser_language", .3), ("ts", 1), ("status", .5), ("config", .3), ("app_data", .2)]),
    ("content", "content", {"en": ["messages", "comments", "posts", "tickets", "support tickets", "notes", "replies",
                                   "conversations", "chats", "issues", "emails", "threads", "inbox messages", "feedback",
                                   "tasks", "journal entries"],
                            "fr": ["messages", "commentaires", "tickets", "notes", "discussions", "publications"],
                            "de": ["nachrichten", "kommentare", "beiträge", "tickets", "notizen", "anfragen"],
                            "es": ["mensajes", "comentarios", "publicaciones", "tickets", "notas", "conversaciones"]},
     [("message", 1), ("subject", .7), ("description", .4), ("file", .3), ("ts", 1), ("status", .6), ("flag", .4),
      ("count", .3), ("email", .2), ("full_name", .15), ("ip", .1)]),
    ("content", "review", {"en": ["reviews", "product reviews", "ratings", "testimonials", "survey responses"],
                           "fr": ["avis", "évaluations", "témoignages"], "de": ["bewertungen", "rezensionen", "umfrageantworten"],
                           "es": ["reseñas", "valoraciones", "opiniones"]},
     [("message", 1), ("subject", .5), ("full_name", .5), ("email", .5), ("count", .7), ("ts", 1), ("flag", .3),
      ("status", .3), ("app_data", .2)]),
    ("paas", "content", {"en": ["attachments", "uploads", "files", "documents", "active storage blobs", "media files",
                                "exports", "backups"],
                         "fr": ["pièces jointes", "fichiers", "documents", "téléversements"],
                         "de": ["anhänge", "dateien", "dokumente", "uploads"], "es": ["adjuntos", "archivos", "documentos"]},
     [("file", 1), ("file", .6), ("config", .8), ("config", .5), ("ts", 1), ("status", .3), ("count", .3)]),
    ("paas", "content", {"en": ["apps", "deployments", "builds", "repositories", "commits", "releases", "pipelines",
                                "add ons", "dynos", "config vars", "databases of customers", "app records",
                                "custom fields", "form submissions", "records", "datasets", "spreadsheet rows"],
                         "fr": ["applications", "déploiements", "dépôts", "enregistrements", "champs personnalisés"],
                         "de": ["anwendungen", "bereitstellungen", "repositories", "datensätze", "benutzerdefinierte felder"],
                         "es": ["aplicaciones", "despliegues", "repositorios", "registros", "campos personalizados"]},
     [("source_code", .7), ("app_data", .7), ("file", .3), ("catalog_name", .5), ("config", .6), ("status", .6),
      ("ts", 1), ("count", .4), ("flag", .3), ("guid", .4), ("credentials", .2)]),
    ("paas", "tenant", {"en": ["end customer transactions", "merchant orders", "tenant sales", "shop transactions",
                               "storefront orders", "client ledger"],
                        "fr": ["transactions des clients finaux", "ventes des marchands"],
                        "de": ["endkunden transaktionen", "händler verkäufe"], "es": ["transacciones de clientes finales", "ventas de comercios"]},
     [("tx_history", 1), ("tx_history", .6), ("ts", 1), ("status", .5), ("guid", .5), ("currency", .4)]),
    ("logistics", "driver", {"en": ["drivers", "couriers", "riders", "trips", "rides"],
                             "fr": ["chauffeurs", "livreurs", "trajets"], "de": ["fahrer", "kuriere", "fahrten"],
                             "es": ["conductores", "repartidores", "viajes"]},
     PERSON_CORE[:4] + [("location", .9), ("location", .6), ("national_id", .4), ("photo", .3), ("ts", 1),
                        ("status", .6), ("count", .5), ("amount", .3)]),
    ("auth", "user", {"en": ["api keys", "oauth tokens", "access tokens", "personal access tokens", "password resets",
                             "two factor", "credentials", "identities", "oauth applications", "user passwords"],
                      "fr": ["jetons", "clés api", "réinitialisations de mot de passe"],
                      "de": ["zugangstoken", "api schlüssel", "passwort zurücksetzungen"],
                      "es": ["tokens", "claves api", "restablecimientos de contraseña"]},
     [("credentials", 1), ("credentials", .6), ("ts", 1), ("ts", .7), ("config", .5), ("flag", .4), ("ip", .3),
      ("user_agent", .2), ("traps", .3), ("email", .2)]),
    ("media", "user", {"en": ["profiles", "user profiles", "account settings", "preferences", "user preferences"],
                       "fr": ["profils", "préférences"], "de": ["profile", "präferenzen"], "es": ["perfiles", "preferencias"]},
     [("photo", .8), ("message", .5), ("browser_language", .9), ("browser_language", .5), ("username", .5), ("dob", .4),
      ("gender", .3), ("location", .3), ("traps", .5), ("flag", .6), ("ts", 1), ("config", .3)]),
]

TABLES += [
    ("reference", "catalog", {"en": ["countries", "country", "cities", "city", "regions", "states", "provinces",
                                     "territories", "country region", "state province", "us states", "languages",
                                     "language", "currencies", "time zones", "address types", "phone number types",
                                     "contact types", "sales reasons", "scrap reasons", "ship methods", "shifts",
                                     "departments", "cultures", "unit measures", "locations of warehouse", "genres",
                                     "media types", "playlists", "categories", "tags", "labels", "tax rates"],
                              "fr": ["pays", "villes", "régions", "départements", "langues", "devises", "types d'adresse"],
                              "de": ["länder", "städte", "regionen", "bundesländer", "sprachen", "währungen", "adresstypen"],
                              "es": ["países", "ciudades", "regiones", "provincias", "idiomas", "monedas", "tipos de dirección"]},
     [("self_name", .5), ("bare_catalog_name", .8), ("catalog_name", .5), ("country", .4), ("city", .3), ("region", .3), ("config_country", .5), ("browser_language", .2),
      ("measure", .3), ("ts", 1), ("flag", .3), ("count", .3)]),
    ("manufacturing", "catalog", {"en": ["work orders", "work order routing", "bill of materials", "product inventory",
                                         "stock movements", "transaction history", "product cost history",
                                         "product list price history", "product vendor", "product photos", "documents",
                                         "illustrations", "special offers", "sales territory", "currency rates",
                                         "inventory movements", "warehouses", "shipments of stock"],
                                  "fr": ["ordres de fabrication", "nomenclatures", "mouvements de stock", "entrepôts"],
                                  "de": ["fertigungsaufträge", "stücklisten", "lagerbewegungen", "lager"],
                                  "es": ["órdenes de trabajo", "listas de materiales", "movimientos de stock", "almacenes"]},
     [("measure", 1), ("measure", .8), ("measure", .5), ("count", .7), ("ts", 1), ("ts", .5), ("catalog_name", .4),
      ("product_image", .4), ("flag", .3), ("guid", .4), ("config", .3), ("catalog_desc", .3)]),
    ("ecommerce", "cart", {"en": ["shopping cart items", "carts", "baskets", "cart items", "shopping carts", "wishlists"],
                           "fr": ["paniers", "articles du panier"], "de": ["warenkörbe", "warenkorb positionen"],
                           "es": ["carritos", "cestas", "artículos del carrito"]},
     [("device_id", 1), ("count", .8), ("ts", 1), ("ts", .6), ("status", .3)]),
    ("billing", "payment", {"en": ["credit cards", "cards", "stored cards", "payment cards", "customer cards"],
                            "fr": ["cartes", "cartes de paiement"], "de": ["karten", "zahlungskarten"], "es": ["tarjetas", "tarjetas de pago"]},
     [("card", 1), ("card", .8), ("card_expiry", .9), ("card_expiry", .6), ("full_name", .3), ("payment_ref", .4),
      ("ts", 1), ("flag", .3)]),
    ("hr", "employee", {"en": ["employees", "staff", "personnel", "employee", "sales person", "job candidates"],
                        "fr": ["salariés", "employés"], "de": ["mitarbeiter", "personal"], "es": ["empleados", "personal"]},
     [("first_name", .7), ("last_name", .7), ("employment_dates", 1), ("employment_dates", .7), ("employment_numbers", .9),
      ("employment_numbers", .6), ("employment", .8), ("national_id", .6), ("username", .6), ("special", .5), ("health", .5),
      ("dob", .6), ("gender", .6), ("photo", .5), ("phone_ext", .4), ("ts", 1), ("flag", .4), ("guid", .3), ("salary", .4)]),
]

FK_TARGETS = {"en": ["user", "customer", "account", "order", "product", "invoice", "employee", "company", "address",
                     "film", "store", "staff", "plan", "subscription", "app", "team", "project", "category", "parent",
                     "owner", "author", "created by", "modified by", "manager", "supplier", "territory", "rep",
                     "support rep", "reports to", "sales person", "business entity", "tenant", "organization"],
               "fr": ["utilisateur", "client", "compte", "commande", "produit", "facture", "employé", "société",
                      "adresse", "magasin"],
               "de": ["benutzer", "kunde", "konto", "bestellung", "produkt", "rechnung", "mitarbeiter", "firma",
                      "adresse", "filiale"],
               "es": ["usuario", "cliente", "cuenta", "pedido", "producto", "factura", "empleado", "empresa",
                      "dirección", "tienda"]}

# ---------------------------------------------------------------------------------------------------------------------
# Types per dialect
# ---------------------------------------------------------------------------------------------------------------------
def render_type(kind, dialect, rnd):
    n = rnd.choice([10, 20, 30, 40, 50, 60, 64, 80, 100, 120, 128, 150, 200, 255, 256, 500])
    pick = rnd.choice
    if kind == "text":
        return {"pg": pick([f"character varying({n})", f"varchar({n})", "text", "text", "citext", f"varchar({n})"]),
                "ms": pick([f"nvarchar({n})", f"NVARCHAR({n})", f"varchar({n})", f"VARCHAR({n})", "nvarchar(max)"]),
                "my": pick([f"varchar({n})", f"VARCHAR({n})", "text", "tinytext"]),
                "lite": pick(["TEXT", "text", f"VARCHAR({n})", f"NVARCHAR({n})", ""])}[dialect]
    if kind == "text_short":
        m = rnd.choice([1, 2, 3, 4, 5, 8, 10])
        return {"pg": pick([f"char({m})", f"character({m})", f"varchar({m})", f"character varying({m})", "text"]),
                "ms": pick([f"nchar({m})", f"char({m})", f"nvarchar({m})", f"NCHAR({m})"]),
                "my": pick([f"char({m})", f"varchar({m})", f"CHAR({m})"]),
                "lite": pick(["TEXT", f"CHAR({m})", f"VARCHAR({m})", ""])}[dialect]
    if kind == "text_long":
        return {"pg": pick(["text", "text", "character varying(4000)", "jsonb" if rnd.random() < .05 else "text"]),
                "ms": pick(["nvarchar(max)", "NVARCHAR(MAX)", "ntext", "varchar(max)", "nvarchar(4000)"]),
                "my": pick(["text", "longtext", "mediumtext", "TEXT"]),
                "lite": pick(["TEXT", "text", ""])}[dialect]
    if kind in ("int", "smallint"):
        return {"pg": pick(["integer", "bigint", "smallint", "int", "int4", "int8"]),
                "ms": pick(["int", "INT", "bigint", "smallint", "tinyint"]),
                "my": pick(["int", "int(11)", "bigint", "smallint", "tinyint unsigned", "INT UNSIGNED"]),
                "lite": pick(["INTEGER", "integer", "INT", ""])}[dialect]
    if kind in ("dec", "money"):
        p = rnd.choice(["10,2", "12,2", "5,2", "19,4", "8,2", "15,2"])
        return {"pg": pick([f"numeric({p})", "numeric", f"decimal({p})", "money", "double precision", "real"]),
                "ms": pick([f"decimal({p})", f"DECIMAL({p})", "money", "smallmoney", f"numeric({p})", "float"]),
                "my": pick([f"decimal({p})", f"DECIMAL({p})", "double", "float"]),
                "lite": pick(["REAL", "NUMERIC", f"NUMERIC({p})", "DECIMAL"])}[dialect]
    if kind == "bool":
        return {"pg": pick(["boolean", "bool"]), "ms": pick(["bit", "BIT"]), "my": pick(["tinyint(1)", "boolean", "bool"]),
                "lite": pick(["BOOLEAN", "INTEGER", "boolean"])}[dialect]
    if kind == "ts":
        return {"pg": pick(["timestamp with time zone", "timestamp without time zone", "timestamptz", "timestamp", "date"]),
                "ms": pick(["datetime", "DATETIME", "datetime2", "datetimeoffset", "smalldatetime", "date"]),
                "my": pick(["datetime", "timestamp", "DATETIME"]), "lite": pick(["DATETIME", "TIMESTAMP", "TEXT", ""])}[dialect]
    if kind == "date":
        return {"pg": pick(["date", "date", "timestamp"]), "ms": pick(["date", "DATE", "datetime"]),
                "my": pick(["date", "DATE"]), "lite": pick(["DATE", "TEXT"])}[dialect]
    if kind == "uuid":
        return {"pg": "uuid", "ms": pick(["uniqueidentifier", "UNIQUEIDENTIFIER"]), "my": pick(["char(36)", "binary(16)"]),
                "lite": pick(["TEXT", "BLOB"])}[dialect]
    if kind == "bin":
        return {"pg": "bytea", "ms": pick(["varbinary(max)", "image", "VARBINARY(MAX)"]), "my": pick(["blob", "longblob"]),
                "lite": "BLOB"}[dialect]
    if kind == "json":
        return {"pg": pick(["jsonb", "json"]), "ms": pick(["nvarchar(max)", "xml", "XML"]), "my": "json",
                "lite": pick(["TEXT", "JSON"])}[dialect]
    if kind == "inet":
        return {"pg": pick(["inet", "cidr"]), "ms": pick(["varchar(45)", "nvarchar(45)"]), "my": "varchar(45)",
                "lite": "TEXT"}[dialect]
    if kind == "geo":
        return {"pg": pick(["geography", "geometry(Point,4326)", "point", "bytea"]), "ms": pick(["geography", "geometry"]),
                "my": pick(["point", "geometry"]), "lite": "BLOB"}[dialect]
    raise ValueError(kind)


# ---------------------------------------------------------------------------------------------------------------------
# Naming styles
# ---------------------------------------------------------------------------------------------------------------------
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ß", "ss")


def words(name):
    return [w for w in re.split(r"[\s'_\-]+", name) if w]


def render_name(name, style, rnd, keep_accents):
    if not keep_accents:
        name = fold(name)
    ws = words(name)
    if style == "snake":
        return "_".join(w.lower() for w in ws)
    if style == "upper":
        return "_".join(w.upper() for w in ws)
    if style == "camel":
        return ws[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in ws[1:])
    if style == "pascal":
        return "".join(w[:1].upper() + w[1:].lower() for w in ws)
    if style == "concat":
        return "".join(w.lower() for w in ws)
    if style == "space":
        return " ".join(w[:1].upper() + w[1:] for w in ws)
    if style == "kebab":
        return "-".join(w.lower() for w in ws)
    raise ValueError(style)


# User-defined domain and alias types (CREATE DOMAIN, CREATE TYPE ... FROM): their family is unknown from the name alone.
DOMAINS = {"text": ['"Name"', '"ShortDescription"', "d_text", "d_varchar", '"Phone"', "t_label", '"AccountNumber"',
                    "email_address", "d_code", '"OrderNumber"'],
           "text_short": ['"Code"', "d_char2", "t_code"], "text_long": ["d_longtext", '"Notes"'],
           "bool": ['"Flag"', '"NameStyle"', "d_bool", "yes_no"], "int": ["d_int", '"Counter"', "t_id"],
           "smallint": ["d_smallint"], "dec": ['"Money"', "d_amount", "t_money"], "money": ['"Money"', "d_amount"],
           "ts": ["d_timestamp", '"AuditDate"', "t_datetime"], "date": ["d_date"]}
STYLES = ["snake"] * 10 + ["pascal"] * 5 + ["camel"] * 3 + ["upper"] * 2 + ["concat", "space", "kebab"]
DIALECTS = ["pg", "pg", "pg", "ms", "ms", "my", "lite"]
ID_WORD = {"en": "id", "fr": "id", "de": "id", "es": "id"}
FK_FORMS = {"en": ["{t} id", "{t}"], "fr": ["id {t}", "{t} id"], "de": ["{t} id", "{t} nr"], "es": ["id {t}", "{t} id"]}
SCHEMAS = ["", "", "", "", "public.", "dbo.", "app.", "sales.", "crm.", "billing.", "hr.", "auth.", "core."]


def label_of(concept_key, kind):
    label = C[concept_key][0]
    if isinstance(label, dict):
        return label.get(kind, label["*"])
    return label


def generate(seed, rounds):
    rnd = random.Random(seed)
    rows = []
    seen = set()
    for _ in range(rounds):
        for domain, kind, tnames, cols in TABLES:
            for lang in LANGS:
                style = rnd.choice(STYLES)
                dialect = rnd.choice(DIALECTS)
                accents = rnd.random() < .3
                tname = rnd.choice(tnames[lang])
                table = rnd.choice(SCHEMAS) + render_name(tname, rnd.choice([style, "snake", "pascal"]), rnd, accents)
                emitted = []
                # primary key
                pk_style = rnd.random()
                if pk_style < .5:
                    emitted.append(("id", "int", "none"))
                elif pk_style < .8:
                    single = words(fold(tname))[-1].rstrip("s") or "row"
                    emitted.append((f"{single} id", rnd.choice(["int", "uuid"]), "none"))
                else:
                    emitted.append(("id", "uuid", "none"))
                for _ in range(rnd.randint(0, 3)):
                    target = rnd.choice(FK_TARGETS[lang])
                    emitted.append((rnd.choice(FK_FORMS[lang]).format(t=target), rnd.choice(["int", "int", "uuid"]), "none"))
                for key, prob in cols:
                    if rnd.random() > prob:
                        continue
                    if key == "self_name":  # reference tables often name their value column after the table
                        emitted.append((words(fold(tname))[-1].rstrip("s") or "value", "text", "none"))
                        continue
                    if key == "traps":
                        name, tkind = rnd.choice(TRAPS[lang])
                        emitted.append((name, tkind, "none"))
                        continue
                    label, tkinds, names = C[key]
                    pool = names[lang] or names["en"]
                    if lang != "en" and rnd.random() < .12:
                        pool = names["en"]  # mixed-language schemas are common
                    name = rnd.choice(pool)
                    emitted.append((name, rnd.choice(tkinds), label_of(key, kind)))
                prefix = None
                if rnd.random() < .08:
                    prefix = rnd.choice(["c", "cust", "u", "usr", "tbl", "x", "p"])
                for name, tkind, label in emitted:
                    if tkind == "bool" and rnd.random() < .2 and style in ("snake", "camel", "pascal") and lang == "en" \
                            and not name.startswith(("is ", "has ")) and label == "none":
                        name = "is " + name
                    col = render_name(name, style, rnd, accents)
                    if prefix and rnd.random() < .5:
                        col = render_name(prefix + " " + name, style, rnd, accents)
                    dtype = render_type(tkind, dialect, rnd)
                    if dialect in ("pg", "ms") and rnd.random() < .05 and tkind in DOMAINS:
                        dtype = rnd.choice(DOMAINS[tkind])  # user-defined domain / alias types
                    cat, _, sub = label.partition(".")
                    key = (table.lower(), col.lower())
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append((table, col, dtype, cat, sub, lang))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    import os
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "columns.tsv")
    rows = generate(args.seed, args.rounds)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("table\tcolumn\tdata_type\tcategory\tsubcategory\tlanguage\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main()
