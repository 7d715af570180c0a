using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Name rules in English, French, German and Spanish, table context and gates, from names and types only.</summary>
public sealed class NameRuleTests
{
    private static readonly RuleClassifier Classifier = ClassifierFactory.CreateRules();

    private static string? Classify(string table, string column, string type) => Classifier.Classify(Some.Unsampled(table, column, type)).DataCategory;

    // English
    [TestCase("users", "email", "text", ExpectedResult = "contact.email")]
    [TestCase("users", "customer_email", "varchar(255)", ExpectedResult = "contact.email")]
    [TestCase("users", "EmailAddress", "nvarchar(100)", ExpectedResult = "contact.email")]
    [TestCase("users", "fname", "text", ExpectedResult = "contact.name")]
    [TestCase("users", "lname", "text", ExpectedResult = "contact.name")]
    [TestCase("users", "dob", "date", ExpectedResult = "other_personal.date_of_birth")]
    [TestCase("users", "tel", "text", ExpectedResult = "contact.phone")]
    [TestCase("users", "home_addr", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("sessions", "ip", "inet", ExpectedResult = "automatic.ip_address")]
    [TestCase("sessions", "ua", "text", ExpectedResult = "automatic.user_agent")]
    [TestCase("payments", "cc_number", "text", ExpectedResult = "financial.payment_card")]
    [TestCase("payouts", "iban", "text", ExpectedResult = "financial.bank_account")]
    [TestCase("users", "encrypted_password", "text", ExpectedResult = "other_personal.credentials")]
    [TestCase("users", "reset_password_token", "text", ExpectedResult = "other_personal.credentials")]
    [TestCase("users", "\"Full Name\"", "text", ExpectedResult = "contact.name")]
    [TestCase("users", "preferred-locale", "text", ExpectedResult = "automatic.browser_language")]
    [TestCase("companies", "vat_number", "text", ExpectedResult = "financial.tax_id")]
    // French
    [TestCase("clients", "courriel", "text", ExpectedResult = "contact.email")]
    [TestCase("clients", "prénom", "text", ExpectedResult = "contact.name")]
    [TestCase("clients", "nom", "text", ExpectedResult = "contact.name")]
    [TestCase("clients", "adresse", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("clients", "téléphone", "text", ExpectedResult = "contact.phone")]
    [TestCase("clients", "code_postal", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("clients", "ville", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("clients", "raison_sociale", "text", ExpectedResult = "contact.company_name")]
    [TestCase("clients", "numero_de_tva", "text", ExpectedResult = "financial.tax_id")]
    [TestCase("clients", "siret", "text", ExpectedResult = "financial.tax_id")]
    [TestCase("clients", "date_de_naissance", "date", ExpectedResult = "other_personal.date_of_birth")]
    [TestCase("clients", "mot_de_passe", "text", ExpectedResult = "other_personal.credentials")]
    // German
    [TestCase("kunden", "Vorname", "text", ExpectedResult = "contact.name")]
    [TestCase("kunden", "Nachname", "text", ExpectedResult = "contact.name")]
    [TestCase("kunden", "Straße", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("kunden", "PLZ", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("kunden", "Ort", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("kunden", "Telefonnummer", "text", ExpectedResult = "contact.phone")]
    [TestCase("kunden", "Geburtsdatum", "date", ExpectedResult = "other_personal.date_of_birth")]
    [TestCase("kunden", "Firmenname", "text", ExpectedResult = "contact.company_name")]
    [TestCase("kunden", "Kontonummer", "text", ExpectedResult = "financial.bank_account")]
    // Spanish
    [TestCase("clientes", "correo", "text", ExpectedResult = "contact.email")]
    [TestCase("clientes", "teléfono", "text", ExpectedResult = "contact.phone")]
    [TestCase("clientes", "dirección", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("clientes", "apellidos", "text", ExpectedResult = "contact.name")]
    [TestCase("clientes", "nombre", "text", ExpectedResult = "contact.name")]
    [TestCase("clientes", "codigo_postal", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("clientes", "razon_social", "text", ExpectedResult = "contact.company_name")]
    [TestCase("clientes", "fecha_de_nacimiento", "date", ExpectedResult = "other_personal.date_of_birth")]
    // Case and quoting do not matter
    [TestCase("CLIENTS", "PRENOM", "varchar(50)", ExpectedResult = "contact.name")]
    [TestCase("USERS", "EMAIL_ADDRESS", "VARCHAR(255)", ExpectedResult = "contact.email")]
    [TestCase("Kunden", "\"Telefon Nummer\"", "text", ExpectedResult = "contact.phone")]
    [TestCase("[Customers]", "[Last Name]", "nvarchar(50)", ExpectedResult = "contact.name")]
    public string? Classify_ByName(string table, string column, string type) => Classify(table, column, type);

    // Table context: a name in a catalogue is not a person's name.
    [TestCase("products", "name", "text", ExpectedResult = "none")]
    [TestCase("tracks", "name", "text", ExpectedResult = "none")]
    [TestCase("films", "title", "text", ExpectedResult = "none")]
    [TestCase("albums", "title", "text", ExpectedResult = "none")]
    [TestCase("categories", "name", "text", ExpectedResult = "none")]
    [TestCase("customers", "name", "text", ExpectedResult = "contact.name")]
    [TestCase("users", "name", "text", ExpectedResult = "contact.name")]
    [TestCase("employees", "name", "text", ExpectedResult = "contact.name")]
    [TestCase("contacts", "name", "text", ExpectedResult = "contact.name")]
    [TestCase("company", "name", "text", ExpectedResult = "contact.company_name")]
    [TestCase("organisations", "name", "text", ExpectedResult = "contact.company_name")]
    [TestCase("products", "unit_price", "numeric(10,2)", ExpectedResult = "none")]
    [TestCase("invoice_lines", "unit_price", "numeric(10,2)", ExpectedResult = "financial.billing")]
    [TestCase("films", "language_id", "integer", ExpectedResult = "none")]
    [TestCase("city", "city", "text", ExpectedResult = "none")]
    [TestCase("customers", "city", "text", ExpectedResult = "contact.postal_address")]
    [TestCase("orders", "ship_city", "text", ExpectedResult = "contact.postal_address")]
    public string? Classify_TableContext(string table, string column, string type) => Classify(table, column, type);

    // Negative evidence: booleans, dates, counts and flags never take a personal category from a name alone (C01, C10).
    [TestCase("account", "email_verified", "boolean")]
    [TestCase("account", "email_count", "integer")]
    [TestCase("account", "phone_confirmed_at", "timestamptz")]
    [TestCase("account", "address_format", "text")]
    [TestCase("account", "surname_count", "integer")]
    [TestCase("account", "is_email_public", "boolean")]
    [TestCase("account", "has_phone", "boolean")]
    [TestCase("account", "email_enabled", "boolean")]
    [TestCase("account", "EmailVerified", "bit")]
    [TestCase("account", "telefon_aktiv", "boolean")]
    [TestCase("account", "email", "boolean")]
    [TestCase("account", "phone", "timestamp")]
    [TestCase("account", "user_id", "integer")]
    [TestCase("account", "created_at", "timestamptz")]
    public void Classify_GatedName_None(string table, string column, string type)
    {
        var result = Classifier.Classify(Some.Unsampled(table, column, type));
        Assert.That(result.DataCategory, Is.EqualTo("none"));
    }

    [Test]
    public void Classify_GatedName_RecordsTheGate()
    {
        // email_verified is now read by its own rule (name.multi.verification-flag, none); a confirmation flag is still gated.
        var result = Classifier.Classify(Some.Unsampled("account", "phone_confirmed", "boolean"));
        Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("gate.suffix.confirmed").Or.Contain("gate.type.boolean"));
    }

    // LABELS tie-breaker 8: sign-in activity is automatic, even with _at and _count.
    [TestCase("users", "last_sign_in_at", "timestamp", ExpectedResult = "automatic.activity")]
    [TestCase("users", "sign_in_count", "integer", ExpectedResult = "automatic.activity")]
    [TestCase("users", "last_seen_at", "timestamptz", ExpectedResult = "automatic.activity")]
    [TestCase("users", "current_sign_in_ip", "inet", ExpectedResult = "automatic.ip_address")]
    [TestCase("users", "updated_at", "timestamptz", ExpectedResult = "none")]
    public string? Classify_Activity(string table, string column, string type) => Classify(table, column, type);

    [Test]
    public void Match_RuleIdsCarryLanguage()
    {
        var match = NameRuleSet.Default.Match("kunden", "Vorname", Inventory.Catalog.TypeFamily.Text);
        Assert.That(match.Rule?.Id, Is.EqualTo("name.de.person-name"));
    }

    [Test]
    public void Parse_UnknownCategory_ConfigurationExceptionWithLine()
    {
        const string yaml = "rules:\n  - id: name.x\n    category: contact.fax_machine\n    names: [fax]\n";
        var e = Assert.Throws<ConfigurationException>(() => NameRuleSet.Parse(yaml, "rules.yml", Taxonomy.Default));
        Assert.That(e!.Line, Is.EqualTo(3));
    }

    [Test]
    public void Parse_UnknownKey_ConfigurationException()
    {
        const string yaml = "rules:\n  - id: name.x\n    category: contact.phone\n    nmes: [fax]\n";
        Assert.Throws<ConfigurationException>(() => NameRuleSet.Parse(yaml, "rules.yml", Taxonomy.Default));
    }

    [Test]
    public void Parse_KeepsAllowedSuffixesWithoutAllowSuffixes_ConfigurationExceptionWithLine()
    {
        const string yaml = "rules:\n  - id: name.x\n    category: other_personal.health\n    names: [sick]\n    keeps-allowed-suffixes: true\n";
        var e = Assert.Throws<ConfigurationException>(() => NameRuleSet.Parse(yaml, "rules.yml", Taxonomy.Default));
        Assert.That(e!.Line, Is.EqualTo(5));
    }

    [Test]
    public void Parse_NeedsStandaloneSiblingsWithoutNeedsSiblings_ConfigurationExceptionWithLine()
    {
        const string yaml = "rules:\n  - id: name.x\n    category: contact.postal_address\n    names: [town]\n    needs-standalone-siblings: true\n";
        var e = Assert.Throws<ConfigurationException>(() => NameRuleSet.Parse(yaml, "rules.yml", Taxonomy.Default));
        Assert.That(e!.Line, Is.EqualTo(5));
    }

    [TestCase(new[] { "id", "street", "town" }, "contact.postal_address")]
    [TestCase(new[] { "id", "postcode", "town" }, "contact.postal_address")]
    [TestCase(new[] { "id", "country", "town" }, "none")]
    [TestCase(new[] { "id", "name", "town" }, "none")]
    public void Match_NeedsStandaloneSiblings_OnlyAStreetOrPostalCodeMakesTheRecord(string[] columns, string expected)
    {
        // A town needs an address record; a country beside it, which needs one too, does not make one (errors30).
        var rules = NameRuleSet.Parse("""
            rules:
              - id: name.x.street
                category: contact.postal_address
                names: [street, postcode]
              - id: name.x.part
                category: contact.postal_address
                names: [town, country]
                needs-siblings: [contact.postal_address]
                needs-standalone-siblings: true
            """, "rules.yml", Taxonomy.Default);
        var match = rules.Match("depots", "town", Inventory.Catalog.TypeFamily.Text, columns);
        Assert.That(match.DataCategory, Is.EqualTo(expected));
    }

    [TestCase("sick_days_count", "other_personal.health")]
    [TestCase("email_count", "none")]
    [TestCase("religion_code", "other_personal.special_category")]
    [TestCase("religion_id", "none")]
    public void Match_KeepsAllowedSuffixes_OnlyForFactRules(string column, string expected)
    {
        var match = NameRuleSet.Default.Match("employees", column, Inventory.Catalog.TypeFamily.Integer);
        Assert.That(match.DataCategory, Is.EqualTo(expected));
    }
}
