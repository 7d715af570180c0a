namespace Inventory.Demo;

/// <summary>One column of the demo database: its DDL, its true data category (per ../shared/data/LABELS.md) and,
/// for the one deliberate trap, the category its annotation claims instead.</summary>
/// <param name="Name">Column name (exact).</param>
/// <param name="DataType">Declared SQL type as written in the DDL, e.g. <c>VARCHAR(255)</c>.</param>
/// <param name="Category">True data category: <c>category.subcategory</c> or <c>none</c>.</param>
/// <param name="Note">Why the label was chosen when it is not obvious (goes into the truth TSV), or null.</param>
/// <param name="Constraints">DDL after the type (<c>NOT NULL</c>, <c>PRIMARY KEY</c>, <c>REFERENCES …</c>), or empty.</param>
internal sealed record DemoColumn(string Name, string DataType, string Category, string? Note = null, string Constraints = "")
{
    /// <summary>The category the shipped annotation gives; differs from <see cref="Category"/> only for the trap.</summary>
    public string AnnotatedCategory { get; init; } = Category;
}

/// <summary>One table of the demo database with its annotation metadata.</summary>
/// <param name="Name">Table name (SQLite main schema, so the qualified name is the bare name).</param>
/// <param name="Activity">Processing activity id the annotation names, or null when the table ships unannotated.</param>
/// <param name="Retention">Retention the annotation states, or null.</param>
/// <param name="SharedWith">Recipient ids the annotation lists (<c>shared-with:</c>).</param>
/// <param name="Columns">Columns in DDL order.</param>
internal sealed record DemoTable(string Name, string? Activity, string? Retention, IReadOnlyList<string> SharedWith, IReadOnlyList<DemoColumn> Columns)
{
    /// <summary>True when the demo ships an annotation file for this table.</summary>
    public bool Annotated => Activity is not null;

    /// <summary>The <c>CREATE TABLE</c> statement (identifiers quoted with doubled quotes).</summary>
    public string CreateSql() =>
        $"CREATE TABLE {Quote(Name)} (\n  " +
        string.Join(",\n  ", Columns.Select(c => $"{Quote(c.Name)} {c.DataType}{(c.Constraints.Length > 0 ? " " + c.Constraints : "")}")) +
        "\n)";

    /// <summary>A SQLite identifier in double quotes, inner quotes doubled.</summary>
    public static string Quote(string identifier) => Inventory.Connectors.Identifiers.QuoteDouble(identifier);
}

/// <summary>
/// The schema of the demo database: a French PaaS host (../shared/DESIGN.md §1), its platform tables (controller) and
/// the tables that describe what customers host (processor). The single source for the DDL, the truth labels of the
/// manifest and the shipped annotations, so the three cannot drift apart.
/// </summary>
/// <remarks>Labels follow ../shared/data/LABELS.md and its tie-breakers; the notes cite the tie-breaker when the choice
/// is not obvious. Activity ids: account-management, billing-and-payment, service-operation, activity-analytics,
/// prospect-contact, legal-requests, hosting-customer-data (processor); the ids of rules/policy.yml.</remarks>
internal static class DemoSchema
{
    /// <summary>The legacy table holding full card numbers (trap 1: the "no PAN stored" claim must fail).</summary>
    public const string PanTable = "legacy_card_payments";
    /// <summary>The PAN column of <see cref="PanTable"/>.</summary>
    public const string PanColumn = "card_number";
    /// <summary>The new table nobody annotated (trap 2: must come out untagged).</summary>
    public const string UnannotatedTable = "referral_invites";
    /// <summary>The table whose annotation is contradicted by the data (trap 3).</summary>
    public const string ContradictedTable = "organisations";
    /// <summary>The contradicted column: annotated <c>none</c>, holds e-mail addresses.</summary>
    public const string ContradictedColumn = "notify_to";

    /// <summary>Activity of the customer-owned (processor) tables.</summary>
    public const string ProcessorActivity = "hosting-customer-data";

    private const string None = "none";
    private const string Pk = "PRIMARY KEY";
    private const string AccountRetention = "account lifetime + 30 days";
    private const string BillingRetention = "10 years after the financial year (French accounting law, Code de commerce L123-22)";
    private const string HostingRetention = "contract lifetime + 30 days";

    private static DemoColumn C(string name, string type, string category, string? note = null, string constraints = "") =>
        new(name, type, category, note, constraints);

    private static DemoColumn Id() => C("id", "INTEGER", None, null, Pk);
    private static DemoColumn Fk(string name, string table, string onDelete = "CASCADE", bool notNull = true) =>
        C(name, "INTEGER", None, null, $"{(notNull ? "NOT NULL " : "")}REFERENCES {DemoTable.Quote(table)}(\"id\") ON DELETE {onDelete}");
    private static DemoColumn Time(string name, bool notNull = false) => C(name, "DATETIME", None, null, notNull ? "NOT NULL" : "");

    /// <summary>All tables in creation order (parents before children).</summary>
    public static IReadOnlyList<DemoTable> Tables { get; } =
    [
        new("organisations", "account-management", AccountRetention, [],
        [
            Id(),
            C("name", "VARCHAR(255)", "contact.company_name", "legal form included (SAS, SARL, GmbH, SRL, Ltd…)", "NOT NULL"),
            C("siren", "CHAR(9)", "financial.tax_id", "Luhn-valid SIREN; null outside France"),
            C("siret", "CHAR(14)", "financial.tax_id", "Luhn-valid SIRET of the head office"),
            C("vat_number", "VARCHAR(20)", "financial.tax_id", "LABELS.md files VAT numbers under tax_id (FR keys and DE/BE check digits valid)"),
            C("country_code", "CHAR(2)", None, "country of registration with no address record in the table: a country code alone is not a postal address (tie-breaker 4; case C13); the billing profile holds the address", "NOT NULL"),
            C("plan", "VARCHAR(32)", None, "the host's own plan catalogue"),
            C(ContradictedColumn, "VARCHAR(255)", "contact.email", "TRAP: annotated none but holds e-mail addresses (contradicted annotation)") with { AnnotatedCategory = None },
            Time("created_at", notNull: true),
        ]),
        new("users", "account-management", AccountRetention, [],
        [
            Id(),
            Fk("organisation_id", "organisations"),
            C("first_name", "VARCHAR(100)", "contact.name"),
            C("last_name", "VARCHAR(100)", "contact.name"),
            C("email", "VARCHAR(255)", "contact.email", null, "NOT NULL UNIQUE"),
            C("email_verified", "BOOLEAN", None, "flag (tie-breaker 2)", "NOT NULL DEFAULT 0"),
            C("phone_e164", "VARCHAR(20)", "contact.phone", "E.164"),
            C("phone_national", "VARCHAR(32)", "contact.phone", "national format with spaces or parentheses"),
            C("address_line1", "VARCHAR(255)", "contact.postal_address"),
            C("address_line2", "VARCHAR(255)", "contact.postal_address"),
            C("postal_code", "VARCHAR(16)", "contact.postal_address"),
            C("city", "VARCHAR(100)", "contact.postal_address"),
            C("country_code", "CHAR(2)", "contact.postal_address", "part of the person's address (tie-breaker 4)"),
            C("locale", "VARCHAR(10)", "automatic.browser_language", "BCP 47 UI language stored on the account (tie-breaker 5)"),
            C("time_zone", "VARCHAR(64)", "automatic.browser_language", "IANA time zone preference (LABELS: browser_language)"),
            C("avatar_url", "VARCHAR(512)", "other_personal.photo", "profile picture URL: undeclared by the policy"),
            C("sign_up_ip", "VARCHAR(45)", "automatic.ip_address", "IPv4 or IPv6"),
            C("signed_up_at", "DATETIME", None, "account creation time (tie-breaker 8: plain creation timestamp)", "NOT NULL"),
            C("password_hash", "VARCHAR(255)", "other_personal.credentials", "bcrypt or argon2id hash (tie-breaker 7); null for SSO-only accounts"),
            C("sign_in_count", "INTEGER", "automatic.activity", "tie-breaker 8", "NOT NULL DEFAULT 0"),
            C("last_sign_in_at", "DATETIME", "automatic.activity", "tie-breaker 8"),
            C("last_sign_in_ip", "VARCHAR(45)", "automatic.ip_address", "tie-breaker 8"),
            Time("updated_at"),
        ]),
        new("api_tokens", "account-management", AccountRetention, [],
        [
            Id(),
            Fk("user_id", "users"),
            C("token_digest", "CHAR(64)", "other_personal.credentials", "SHA-256 of an API token (tie-breaker 7)", "NOT NULL"),
            C("scopes", "VARCHAR(255)", None, "enumeration of permissions"),
            C("last_used_at", "DATETIME", "automatic.activity", "tie-breaker 8"),
            C("last_used_ip", "VARCHAR(45)", "automatic.ip_address"),
            Time("created_at", notNull: true),
            Time("expires_at"),
        ]),
        new("login_events", "service-operation", "1 year (connection logs)", [],
        [
            Id(),
            Fk("user_id", "users"),
            C("occurred_at", "DATETIME", "automatic.activity", "time of a sign-in: connection log, not a row-creation timestamp", "NOT NULL"),
            C("ip_address", "VARCHAR(45)", "automatic.ip_address", "IPv4 and IPv6", "NOT NULL"),
            C("user_agent", "TEXT", "automatic.user_agent"),
            C("accept_language", "VARCHAR(255)", "automatic.browser_language", "Accept-Language header with q-values"),
            C("geo_country", "CHAR(2)", "automatic.geolocation", "derived from the IP (tie-breaker 4)"),
            C("method", "VARCHAR(16)", None, "enumeration: password, sso, github, api-token"),
            C("success", "BOOLEAN", None, null, "NOT NULL"),
        ]),
        new("billing_profiles", "billing-and-payment", BillingRetention, [],
        [
            Id(),
            Fk("organisation_id", "organisations"),
            C("contact_name", "VARCHAR(200)", "contact.name", "billing contact's full name"),
            C("billing_email", "VARCHAR(255)", "contact.email"),
            C("address_line1", "VARCHAR(255)", "contact.postal_address", "billing address (tie-breaker 3)"),
            C("postal_code", "VARCHAR(16)", "contact.postal_address"),
            C("city", "VARCHAR(100)", "contact.postal_address"),
            C("country_code", "CHAR(2)", "contact.postal_address", "tie-breaker 4"),
            C("tax_id", "VARCHAR(32)", "financial.tax_id", "VAT number or SIRET printed on invoices"),
            C("tax_exempt", "BOOLEAN", None, null, "NOT NULL DEFAULT 0"),
            C("currency", "CHAR(3)", None, "ISO 4217 code"),
            Time("created_at", notNull: true),
        ]),
        new("payment_methods", "billing-and-payment", BillingRetention, [],
        [
            Id(),
            Fk("billing_profile_id", "billing_profiles"),
            C("gateway_customer_id", "VARCHAR(64)", "financial.payment_reference", "payment gateway customer id (cus_…)", "NOT NULL"),
            C("gateway_payment_method_id", "VARCHAR(64)", "financial.payment_reference", "payment gateway payment-method id (pm_…)", "NOT NULL"),
            C("brand", "VARCHAR(20)", "financial.payment_card"),
            C("last4", "CHAR(4)", "financial.payment_card"),
            C("exp_month", "INTEGER", "financial.payment_card"),
            C("exp_year", "INTEGER", "financial.payment_card"),
            C("is_default", "BOOLEAN", None, null, "NOT NULL DEFAULT 0"),
            Time("created_at", notNull: true),
        ]),
        new("invoices", "billing-and-payment", BillingRetention, [],
        [
            Id(),
            Fk("organisation_id", "organisations", "RESTRICT"),
            Fk("billing_profile_id", "billing_profiles", "RESTRICT"),
            C("number", "VARCHAR(32)", None, "the host's own sequential invoice number", "NOT NULL UNIQUE"),
            C("status", "VARCHAR(16)", None, null, "NOT NULL"),
            C("currency", "CHAR(3)", None, null, "NOT NULL"),
            C("subtotal_cents", "INTEGER", "financial.billing", "amount in minor units (tie-breaker 3)", "NOT NULL"),
            C("tax_cents", "INTEGER", "financial.billing", null, "NOT NULL"),
            C("total_cents", "INTEGER", "financial.billing", null, "NOT NULL"),
            C("gateway_charge_id", "VARCHAR(64)", "financial.payment_reference", "payment gateway charge id (ch_…); null unless paid"),
            C("period_start", "DATE", None),
            C("period_end", "DATE", None),
            Time("issued_at", notNull: true),
            Time("paid_at"),
        ]),
        new("invoice_lines", "billing-and-payment", BillingRetention, [],
        [
            Id(),
            Fk("invoice_id", "invoices"),
            C("description", "VARCHAR(255)", None, "the host's product catalogue text (tie-breaker 6)", "NOT NULL"),
            C("quantity", "REAL", None, "hours or units", "NOT NULL"),
            C("unit_price_cents", "INTEGER", "financial.billing", "price actually charged on this invoice", "NOT NULL"),
            C("amount_cents", "INTEGER", "financial.billing", null, "NOT NULL"),
        ]),
        new(PanTable, "billing-and-payment", BillingRetention, [],
        [
            Id(),
            Fk("user_id", "users", "SET NULL", notNull: false),
            C(PanColumn, "VARCHAR(25)", "financial.payment_card", "TRAP: full PANs (public payment-gateway test numbers, Luhn-valid), some with spaces or dashes", "NOT NULL"),
            C("cardholder_name", "VARCHAR(200)", "contact.name", "cardholder name (LABELS: contact.name)"),
            C("card_expiry", "CHAR(5)", "financial.payment_card", "MM/YY"),
            C("amount", "DECIMAL(10,2)", "financial.billing"),
            C("currency", "CHAR(3)", None),
            Time("charged_at", notNull: true),
            C("imported_from", "VARCHAR(64)", None, "name of the 2019 export batch"),
        ]),
        new("apps", ProcessorActivity, HostingRetention, [],
        [
            Id(),
            Fk("organisation_id", "organisations"),
            C("name", "VARCHAR(64)", None, "resource slug the customer picks for the app URL: configuration, not content", "NOT NULL UNIQUE"),
            C("region", "VARCHAR(16)", None, null, "NOT NULL"),
            C("runtime", "VARCHAR(32)", None),
            C("instances", "INTEGER", None, "count", "NOT NULL DEFAULT 1"),
            Time("created_at", notNull: true),
            Time("deleted_at"),
        ]),
        new("deployments", ProcessorActivity, HostingRetention, [],
        [
            Id(),
            Fk("app_id", "apps"),
            C("git_url", "VARCHAR(512)", "customer_content.source_code", "the customer's repository", "NOT NULL"),
            C("commit_sha", "CHAR(40)", "customer_content.source_code", "commit id (LABELS: repositories, commits)", "NOT NULL"),
            C("commit_message", "TEXT", "customer_content.source_code", "part of the commit, written by the customer's developers"),
            C("build_log", "TEXT", "customer_content.source_code", "LABELS lists build logs under source_code"),
            C("status", "VARCHAR(16)", None, null, "NOT NULL"),
            Fk("deployed_by", "users", "SET NULL", notNull: false),
            Time("started_at", notNull: true),
            Time("finished_at"),
        ]),
        new("environment_variables", ProcessorActivity, HostingRetention, [],
        [
            Id(),
            Fk("app_id", "apps"),
            C("key", "VARCHAR(255)", "customer_content.application_data", "names the customer chose for their app's settings (custom fields they entered)", "NOT NULL"),
            C("value", "TEXT", "customer_content.application_data",
                "the customer's own app configuration, many values are their secrets (database URLs, API keys); hosted as processor, " +
                "so customer content rather than other_personal.credentials, which is kept for the credentials of our own users (tie-breaker 7)"),
            Time("created_at", notNull: true),
            Time("updated_at"),
        ]),
        new("addon_databases", ProcessorActivity, HostingRetention, [],
        [
            Id(),
            Fk("app_id", "apps"),
            C("engine", "VARCHAR(32)", None, null, "NOT NULL"),
            C("plan", "VARCHAR(32)", None),
            C("host", "VARCHAR(255)", None, "the host's internal server name"),
            C("port", "INTEGER", None),
            C("database_name", "VARCHAR(64)", None, "generated identifier"),
            C("connection_url", "TEXT", "other_personal.credentials", "URL with the generated password the host issued (tie-breaker 7)"),
            C("status", "VARCHAR(16)", None),
            C("size_mb", "INTEGER", None, "size in MiB"),
            Time("created_at", notNull: true),
        ]),
        new("app_log_lines", ProcessorActivity, "30 days", [],
        [
            Id(),
            Fk("app_id", "apps"),
            Time("logged_at", notNull: true),
            C("source", "VARCHAR(32)", None, "enumeration: app, router, platform"),
            C("process", "VARCHAR(32)", None, "process name such as web.1"),
            C("level", "VARCHAR(8)", None),
            C("message", "TEXT", "customer_content.application_data", "output of the customer's app; embeds their end users' e-mails and IPs", "NOT NULL"),
        ]),
        new("support_tickets", "service-operation", "3 years after closure", [],
        [
            Id(),
            Fk("user_id", "users", "SET NULL", notNull: false),
            C("subject", "VARCHAR(255)", "customer_content.message", "typed by the user (tie-breaker 6)", "NOT NULL"),
            C("body", "TEXT", "customer_content.message", "free text with e-mails and phone numbers (tie-breaker 6)", "NOT NULL"),
            C("status", "VARCHAR(16)", None, null, "NOT NULL"),
            C("priority", "VARCHAR(16)", None),
            C("assigned_team", "VARCHAR(32)", None, "the host's own team names"),
            Time("created_at", notNull: true),
            Time("closed_at"),
        ]),
        new("intercom_contacts", "activity-analytics", AccountRetention, ["intercom"],
        [
            Id(),
            Fk("user_id", "users"),
            C("intercom_id", "CHAR(24)", None, "the recipient's record id for the contact (an external key)", "NOT NULL UNIQUE"),
            C("email", "VARCHAR(255)", "contact.email", "sent to Intercom", "NOT NULL"),
            C("signed_up_at", "DATETIME", None, "sign-up date sent to Intercom; still a creation timestamp (tie-breaker 8)", "NOT NULL"),
            Time("last_synced_at"),
            C("unsubscribed_from_emails", "BOOLEAN", None, null, "NOT NULL DEFAULT 0"),
        ]),
        new(UnannotatedTable, null, null, [],
        [
            Id(),
            Fk("referrer_user_id", "users"),
            C("invitee_email", "VARCHAR(255)", "contact.email", "TRAP: new table, no annotation", "NOT NULL"),
            C("invitee_name", "VARCHAR(200)", "contact.name"),
            C("code", "VARCHAR(16)", "other_personal.credentials", "a unique code mailed to one invitee that redeems the invitation: an invitation token (tie-breakers 7 and 9; the corpus labels invitation codes so)", "NOT NULL"),
            C("credit_cents", "INTEGER", "financial.billing", "credit granted to the referrer's invoices"),
            Time("sent_at", notNull: true),
            Time("accepted_at"),
        ]),
        new("schema_migrations", "service-operation", "lifetime of the database", [],
        [
            C("version", "VARCHAR(32)", None, "migration timestamp", "NOT NULL PRIMARY KEY"),
        ]),
    ];

    /// <summary>The table named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public static DemoTable Table(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"the demo has no table '{name}'");
}
