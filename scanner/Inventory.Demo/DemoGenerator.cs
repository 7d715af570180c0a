// Long on purpose (~800 lines): the demo content depends on the order of every random draw from the one seed, so the
// per-table fill methods stay together in the order they run; splitting them would hide that order across files.
using System.Globalization;
using Bogus;
using Microsoft.Data.Sqlite;

namespace Inventory.Demo;

/// <summary>Fills the demo tables (already created) inside the caller's transaction. Every draw comes from Bogus
/// randomizers seeded from the one seed, in a fixed order, so the content depends on the seed and size only.</summary>
internal sealed class DemoGenerator
{
    public sealed record Result(IReadOnlyDictionary<string, long> RowCounts, IReadOnlyList<DemoCanary> Canaries);

    private sealed record Org(long Id, string Country, string Slug, DateTime CreatedAt, bool TaxExempt, string? TaxId);
    private sealed record User(long Id, long OrgId, string First, string Last, string Email, string Locale, string Country,
        DateTime SignedUpAt, bool Verified);
    private sealed record App(long Id, long OrgId, string Name, string Runtime, DateTime CreatedAt);

    private static readonly DateTime Now = DemoDatabase.ReferenceTime;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly double _scale;
    private readonly Faker _fr, _de, _gb, _us;
    private readonly DemoValues _v;
    private readonly Randomizer _r;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<DemoCanary> _canaries = [];
    private readonly HashSet<string> _canarySeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _canaryTicks = new(StringComparer.Ordinal);

    private readonly List<Org> _orgs = [];
    private readonly List<User> _users = [];
    private readonly Dictionary<long, List<User>> _usersByOrg = [];
    private readonly List<App> _apps = [];
    private readonly Dictionary<long, string> _appDatabaseUrl = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);

    public DemoGenerator(SqliteConnection connection, SqliteTransaction transaction, int seed, DemoSize size)
    {
        _connection = connection;
        _transaction = transaction;
        _scale = size switch { DemoSize.Small => 0.1, DemoSize.Large => 5.0, _ => 1.0 };
        _fr = new Faker("fr") { Random = new Randomizer(seed) };
        _de = new Faker("de") { Random = new Randomizer(unchecked(seed + 1)) };
        _gb = new Faker("en_GB") { Random = new Randomizer(unchecked(seed + 2)) };
        _us = new Faker("en_US") { Random = new Randomizer(unchecked(seed + 3)) };
        _v = new DemoValues(new Randomizer(unchecked(seed + 4)));
        _r = _v.Random;
    }

    public Result Run()
    {
        Organisations();
        Users();
        ApiTokens();
        LoginEvents();
        var profiles = BillingProfiles();
        PaymentMethods(profiles);
        Invoices(profiles);
        LegacyCardPayments();
        Apps();
        AddonDatabases();
        Deployments();
        EnvironmentVariables();
        AppLogLines();
        SupportTickets();
        IntercomContacts();
        ReferralInvites();
        SchemaMigrations();
        return new Result(_counts, _canaries);
    }

    private int Scaled(int count, int minimum = 1) => Math.Max(minimum, (int)Math.Round(count * _scale));

    private TableInserter Open(string table) => new(_connection, _transaction, DemoSchema.Table(table));

    private void Done(TableInserter inserter)
    {
        _counts[inserter.Table.Name] = inserter.Count;
        inserter.Dispose();
    }

    /// <summary>Records every <paramref name="every"/>-th value of a kind (first one included) as a canary.</summary>
    private void Canary(string kind, string? value, int every = 1)
    {
        if (string.IsNullOrEmpty(value)) return;
        var tick = _canaryTicks.GetValueOrDefault(kind);
        _canaryTicks[kind] = tick + 1;
        if (tick % every == 0 && _canarySeen.Add(value)) _canaries.Add(new DemoCanary(kind, value));
    }

    private Faker FakerFor(string country) => country switch { "DE" => _de, "GB" => _gb, "US" => _us, _ => _fr };

    private static string S(DateTime t) => DemoValues.Sql(t);
    private static string? S(DateTime? t) => t is { } v ? DemoValues.Sql(v) : null;

    private T Pick<T>(params T[] items) => items[_r.Int(0, items.Length - 1)];

    private string UniqueEmail(string first, string last)
    {
        var email = _v.Email(first, last);
        for (int n = 2; !_emails.Add(email); n++)
        {
            var at = email.IndexOf('@', StringComparison.Ordinal);
            email = email[..at].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') + n.ToString(CultureInfo.InvariantCulture) + email[at..];
        }
        return email;
    }

    // ---------------------------------------------------------------- platform (controller) tables

    private void Organisations()
    {
        using var t = Open("organisations");
        string[] frForms = ["SAS", "SARL", "SASU", "EURL", "SA", "SCOP"];
        string[] frWords = ["Conseil", "Numérique", "Solutions", "Logistique", "Studio", "Informatique", "Services", "Ingénierie", "Commerce", "Éditions", "Santé", "Immobilier"];
        string[] deForms = ["GmbH", "AG", "UG (haftungsbeschränkt)", "GmbH & Co. KG"];
        string[] deWords = ["Software", "Logistik", "Beratung", "Systeme", "Technik", "Digital", "Handel", "Medien"];
        string[] beForms = ["SRL", "SA", "BV", "NV"];
        string[] gbForms = ["Ltd", "LLP", "plc"];
        string[] gbWords = ["Consulting", "Software", "Analytics", "Digital", "Labs", "Systems"];
        int n = Scaled(400, 20);
        for (long id = 1; id <= n; id++)
        {
            var roll = _r.Double();
            var country = roll < 0.75 ? "FR" : roll < 0.87 ? "DE" : roll < 0.93 ? "BE" : "GB";
            var f = FakerFor(country);
            string baseName, form;
            switch (country)
            {
                case "DE":
                    baseName = _r.Int(0, 2) == 0 ? $"{f.Name.LastName()} & {f.Name.LastName()}" : $"{f.Name.LastName()} {Pick(deWords)}";
                    form = Pick(deForms);
                    break;
                case "GB":
                    baseName = $"{f.Name.LastName()} {Pick(gbWords)}";
                    form = Pick(gbForms);
                    break;
                default:
                    baseName = _r.Int(0, 3) switch
                    {
                        0 => $"{f.Name.LastName()} et {f.Name.LastName()}",
                        1 => $"Groupe {f.Name.LastName()}",
                        2 => $"{Pick(frWords)} {f.Address.City()}",
                        _ => $"{f.Name.LastName()} {Pick(frWords)}",
                    };
                    form = country == "BE" ? Pick(beForms) : Pick(frForms);
                    break;
            }
            var name = $"{baseName} {form}";
            var slug = DemoValues.Slug(baseName);
            string? siren = null, siret = null, vat = null;
            if (country == "FR")
            {
                siren = _v.Siren();
                siret = _v.Siret(siren);
                vat = _r.Double() < 0.9 ? DemoValues.FrenchVat(siren) : null;
                Canary("tax-id", siret, 20);
            }
            else if (country == "DE") vat = _v.GermanVat();
            else if (country == "BE") vat = _v.BelgianVat();
            else if (_r.Bool()) vat = _v.BritishVat();
            var created = _v.Between(Now.AddDays(-6 * 365), Now.AddDays(-20));
            var notifyTo = _r.Double() < 0.85
                ? _r.Int(0, 2) == 0 ? _v.RoleEmail(Pick("ops", "alerts", "tech", "admin", "devops"), slug) : _v.Email(f.Name.FirstName(), f.Name.LastName())
                : null;
            Canary("email", notifyTo, 20);
            t.Insert(id, name, siren, siret, vat, country, Pick("hobby", "starter", "starter", "team", "team", "business", "enterprise"),
                notifyTo, S(created));
            _orgs.Add(new Org(id, country, slug, created, _r.Double() < 0.03, vat ?? siret));
        }
        Done(t);
    }

    private static readonly Dictionary<string, string[]> LocalesByCountry = new(StringComparer.Ordinal)
    {
        ["FR"] = ["fr-FR", "fr-FR", "fr-FR", "fr-FR", "fr", "en-US", "en-GB"],
        ["DE"] = ["de-DE", "de-DE", "de", "en-US"],
        ["BE"] = ["fr-BE", "nl-BE", "fr-BE", "en-GB"],
        ["GB"] = ["en-GB", "en-GB", "en"],
        ["US"] = ["en-US", "en-US", "es-US"],
    };

    private static readonly Dictionary<string, string> TimeZones = new(StringComparer.Ordinal)
    {
        ["FR"] = "Europe/Paris", ["DE"] = "Europe/Berlin", ["BE"] = "Europe/Brussels", ["GB"] = "Europe/London", ["US"] = "America/New_York",
    };

    private (string Line1, string? Line2, string PostalCode, string City) Address(string country)
    {
        var f = FakerFor(country);
        var line1 = f.Address.StreetAddress();
        var line2 = _r.Double() < 0.2 ? f.Address.SecondaryAddress() : null;
        var postal = country switch
        {
            "BE" => _r.Int(1000, 9992).ToString(CultureInfo.InvariantCulture),
            "FR" => (_r.Int(1, 95) * 1000 + _r.Int(0, 99) * 10).ToString("00000", CultureInfo.InvariantCulture),
            _ => f.Address.ZipCode(),
        };
        return (line1, line2, postal, f.Address.City());
    }

    private void Users()
    {
        using var t = Open("users");
        int n = Math.Max(Scaled(2000, 60), _orgs.Count);
        for (long id = 1; id <= n; id++)
        {
            // every organisation gets its owner first, then the others join at random
            var org = id <= _orgs.Count ? _orgs[(int)id - 1] : _orgs[_r.Int(0, _orgs.Count - 1)];
            var country = org.Country == "GB" && _r.Double() < 0.3 ? "US" : org.Country;
            var f = FakerFor(country);
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var email = UniqueEmail(first, last);
            var verified = _r.Double() < 0.9;
            (string? e164, string? national) = _r.Double() < 0.85 ? _v.Phone(country) : (null, null);
            var (line1, line2, postal, city) = Address(country);
            var locale = Pick(LocalesByCountry[country]);
            var signUpIp = _v.Ip(0.7);
            var signedUp = _v.Between(org.CreatedAt, Now.AddDays(-1));
            var hash = _r.Double() < 0.94 ? _v.PasswordHash() : null;
            var signIns = verified ? _r.Int(0, 420) : _r.Int(0, 2);
            DateTime? lastSignIn = signIns > 0 ? _v.Between(signedUp, Now) : null;
            var lastIp = lastSignIn is null ? null : _v.Ip();
            var avatar = _r.Double() < 0.35 ? $"https://avatars.example.net/u/{_v.Hex(32)}.png" : null;
            var updated = _v.Between(lastSignIn ?? signedUp, Now);
            t.Insert(id, org.Id, first, last, email, verified, e164, national, line1, line2, postal, city, country, locale,
                TimeZones[country], avatar, signUpIp, S(signedUp), hash, signIns, S(lastSignIn), lastIp, S(updated));
            var user = new User(id, org.Id, first, last, email, locale, country, signedUp, verified);
            _users.Add(user);
            if (!_usersByOrg.TryGetValue(org.Id, out var members)) _usersByOrg[org.Id] = members = [];
            members.Add(user);
            Canary("email", email, 25);
            // last names alone are what the table stores; short ones would match ordinary words in a leak search
            if (last.Length >= 8) Canary("name", last, 10);
            Canary("phone", e164, 25);
            Canary("phone", national, 40);
            Canary("ip", signUpIp, 30);
        }
        Done(t);
    }

    private User AnyUser() => _users[_r.Int(0, _users.Count - 1)];

    private void ApiTokens()
    {
        using var t = Open("api_tokens");
        int n = Scaled(800, 20);
        for (long id = 1; id <= n; id++)
        {
            var u = AnyUser();
            var created = _v.Between(u.SignedUpAt, Now);
            DateTime? used = _r.Double() < 0.7 ? _v.Between(created, Now) : null;
            DateTime? expires = _r.Bool() ? created.AddDays(Pick(30, 90, 365)) : null;
            t.Insert(id, u.Id, _v.Hex(64), Pick("apps:read", "apps:read apps:write", "deploy", "billing:read", "global"),
                S(used), used is null ? null : _v.Ip(), S(created), S(expires));
        }
        Done(t);
    }

    private void LoginEvents()
    {
        using var t = Open("login_events");
        int n = Scaled(20000, 200);
        var start = Now.AddDays(-365);
        for (long id = 1; id <= n; id++)
        {
            var u = AnyUser();
            var at = _v.Between(u.SignedUpAt > start ? u.SignedUpAt : start, Now);
            var ip = _v.Ip(0.65);
            var travelling = _r.Double() < 0.08;
            var geo = travelling ? Pick("FR", "DE", "ES", "IT", "GB", "US", "CH", "NL") : u.Country;
            var method = Pick("password", "password", "password", "password", "sso", "github", "api-token");
            var ua = _v.UserAgent();
            var lang = _r.Double() < 0.93 ? _v.AcceptLanguage(u.Locale) : null;
            t.Insert(id, u.Id, S(at), ip, ua, lang, geo, method, _r.Double() < 0.93);
            Canary("ip", ip, 400);
        }
        Done(t);
    }

    private sealed record Profile(long Id, Org Org, string Currency);

    private List<Profile> BillingProfiles()
    {
        using var t = Open("billing_profiles");
        var profiles = new List<Profile>();
        long id = 0;
        foreach (var org in _orgs)
        {
            if (org.Country != "FR" && _r.Double() < 0.05) continue; // a few foreign trials never entered billing details
            id++;
            var f = FakerFor(org.Country);
            var members = _usersByOrg[org.Id];
            var owner = members[0];
            var contact = _r.Double() < 0.8 ? $"{owner.First} {owner.Last}" : $"{f.Name.FirstName()} {f.Name.LastName()}";
            var email = _r.Double() < 0.5 ? owner.Email : _v.RoleEmail(Pick("billing", "compta", "finance", "invoices"), org.Slug);
            var (line1, _, postal, city) = Address(org.Country);
            var taxId = _r.Double() < 0.9 ? org.TaxId : null;
            var currency = org.Country == "GB" ? "GBP" : "EUR";
            t.Insert(id, org.Id, contact, email, line1, postal, city, org.Country, taxId, org.TaxExempt, currency,
                S(_v.Between(org.CreatedAt, org.CreatedAt.AddDays(10))));
            profiles.Add(new Profile(id, org, currency));
            Canary("name", contact, 20);
            Canary("email", email, 30);
        }
        Done(t);
        return profiles;
    }

    private void PaymentMethods(List<Profile> profiles)
    {
        using var t = Open("payment_methods");
        long id = 0;
        foreach (var p in profiles)
        {
            var customer = "cus_" + _v.Chars(14);
            int cards = _r.Double() < 0.1 ? 0 : _r.Double() < 0.7 ? 1 : _r.Int(2, 3);
            for (int i = 0; i < cards; i++)
            {
                var (pan, brand) = Pick(DemoValues.TestPans.ToArray());
                var created = _v.Between(p.Org.CreatedAt, Now);
                t.Insert(++id, p.Id, customer, "pm_" + _v.Chars(24), brand, pan[^4..], _r.Int(1, 12),
                    created.Year + _r.Int(1, 6), i == 0, S(created));
            }
        }
        Done(t);
    }

    private static readonly (string Description, int UnitCents, int MinQty, int MaxQty)[] Catalogue =
    [
        ("Abonnement Team — mensuel", 2500, 1, 1),
        ("Abonnement Business — mensuel", 9900, 1, 1),
        ("Instance Standard-1X (heures)", 4, 120, 744),
        ("Instance Performance-M (heures)", 34, 100, 744),
        ("Base PostgreSQL Essential-0", 500, 1, 2),
        ("Base PostgreSQL Standard-2", 5000, 1, 1),
        ("Redis Mini", 300, 1, 3),
        ("Trafic sortant supplémentaire (Go)", 9, 10, 900),
        ("Stockage objet (Go-mois)", 2, 50, 2000),
        ("Support Premium", 4900, 1, 1),
    ];

    private void Invoices(List<Profile> profiles)
    {
        using var invoices = Open("invoices");
        using var lines = Open("invoice_lines");
        long invoiceId = 0, lineId = 0;
        var firstMonth = new DateTime(Now.Year - 1, Now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var seqByYear = new Dictionary<int, int>();
        // month by month so invoice numbers follow issue dates, as a real billing run does
        for (var month = firstMonth; month < Now; month = month.AddMonths(1))
        {
            var periodEnd = month.AddMonths(1);
            var issued = periodEnd.AddHours(6 + _r.Int(0, 3));
            if (issued > Now) break;
            foreach (var p in profiles)
            {
                if (p.Org.CreatedAt >= periodEnd || _r.Double() < 0.08) continue; // trial month or nothing billable
                invoiceId++;
                int count = _r.Int(1, 4);
                var items = new List<(string Description, int Qty, int UnitCents, long Amount)>();
                var picked = new HashSet<int>();
                while (picked.Count < count) picked.Add(_r.Int(0, Catalogue.Length - 1));
                foreach (var index in picked.Order())
                {
                    var item = Catalogue[index];
                    var qty = _r.Int(item.MinQty, item.MaxQty);
                    items.Add((item.Description, qty, item.UnitCents, (long)qty * item.UnitCents));
                }
                long subtotal = items.Sum(i => i.Amount);
                var vatRate = p.Org.Country == "FR" && !p.Org.TaxExempt ? 0.20 : 0.0; // EU reverse charge / export otherwise
                long tax = (long)Math.Round(subtotal * vatRate, MidpointRounding.AwayFromZero);
                var latest = periodEnd.AddMonths(1) > Now;
                var roll = _r.Double();
                var status = latest && roll < 0.4 ? "open" : roll < 0.94 ? "paid" : roll < 0.97 ? "open" : roll < 0.99 ? "uncollectible" : "void";
                DateTime? paid = status == "paid" ? issued.AddHours(_r.Int(0, 120)) : null;
                if (paid > Now) paid = Now;
                var seq = seqByYear[issued.Year] = seqByYear.GetValueOrDefault(issued.Year) + 1;
                invoices.Insert(invoiceId, p.Org.Id, p.Id, $"FA-{issued.Year}-{seq:000000}", status, p.Currency, subtotal, tax, subtotal + tax,
                    paid is null ? null : "ch_" + _v.Chars(24), DemoValues.SqlDate(month), DemoValues.SqlDate(periodEnd.AddDays(-1)), S(issued), S(paid));
                foreach (var item in items)
                    lines.Insert(++lineId, invoiceId, item.Description, (double)item.Qty, item.UnitCents, item.Amount);
            }
        }
        Done(invoices);
        Done(lines);
    }

    private void LegacyCardPayments()
    {
        using var t = Open(DemoSchema.PanTable);
        int n = Scaled(300, 40);
        for (long id = 1; id <= n; id++)
        {
            // the 2019 import predates most accounts: about a fifth of the rows lost their user
            var u = _r.Double() < 0.8 ? AnyUser() : null;
            var f = FakerFor(u?.Country ?? "FR");
            var holder = u is null ? $"{f.Name.FirstName()} {f.Name.LastName()}" : $"{u.First} {u.Last}";
            if (_r.Double() < 0.4) holder = holder.ToUpperInvariant(); // as embossed
            var (pan, _) = DemoValues.TestPans[(int)((id - 1) % DemoValues.TestPans.Count)];
            var stored = _v.FormatPan(pan);
            var charged = _v.Between(new DateTime(2017, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2019, 3, 14, 0, 0, 0, DateTimeKind.Utc));
            var expiry = charged.AddMonths(_r.Int(6, 48));
            t.Insert(id, u?.Id, stored, holder, expiry.ToString("MM/yy", CultureInfo.InvariantCulture),
                Math.Round(_r.Double(5, 900), 2), "EUR", S(charged), Pick("billing-v1 export 2019-03-14", "billing-v1 export 2019-03-14 (retry)"));
            Canary("pan", stored);
            Canary("name", holder, 10);
        }
        Done(t);
    }

    // ---------------------------------------------------------------- customer-hosting (processor) tables

    private static readonly string[] AppWords =
        ["shop", "api", "blog", "crm", "backoffice", "checkout", "portal", "site", "worker", "admin", "search", "booking", "cms", "erp", "metrics"];

    private void Apps()
    {
        using var t = Open("apps");
        var names = new HashSet<string>(StringComparer.Ordinal);
        long id = 0;
        foreach (var org in _orgs)
        {
            int count = _r.Double() < 0.15 ? 0 : _r.Int(1, 4);
            for (int i = 0; i < count; i++)
            {
                var baseName = $"{org.Slug.Split('-').First(w => w is not ("groupe" or "et"))}-{Pick(AppWords)}";
                var name = baseName + Pick("", "", "-prod", "-staging");
                for (int k = 2; !names.Add(name); k++) name = $"{baseName}-{k}";
                if (name.Length > 60) name = name[..60];
                var runtime = Pick("node-20", "node-22", "python-3.12", "ruby-3.3", "php-8.3", "java-21", "go-1.23");
                var created = _v.Between(org.CreatedAt, Now.AddDays(-2));
                DateTime? deleted = _r.Double() < 0.05 ? _v.Between(created, Now) : null;
                t.Insert(++id, org.Id, name, Pick("fr-sxb", "fr-sxb", "fr-par", "eu-fra"), runtime, _r.Int(1, 6), S(created), S(deleted));
                _apps.Add(new App(id, org.Id, name, runtime, created));
            }
        }
        Done(t);
    }

    private void AddonDatabases()
    {
        using var t = Open("addon_databases");
        long id = 0;
        foreach (var app in _apps)
        {
            int count = _r.Double() < 0.3 ? 0 : _r.Double() < 0.8 ? 1 : 2;
            for (int i = 0; i < count; i++)
            {
                var engine = i == 0 ? Pick("postgresql-15", "postgresql-16", "postgresql-16", "mysql-8.0") : "redis-7";
                var (scheme, port, prefix) = engine switch
                {
                    "redis-7" => ("redis", 6379, "redis"),
                    "mysql-8.0" => ("mysql", 3306, "my"),
                    _ => ("postgres", 5432, "pg"),
                };
                var host = $"{prefix}-{_r.Int(1, 40)}.{Pick("fr-sxb", "fr-par")}.internal.example.net";
                var database = engine == "redis-7" ? null : "d_" + _v.Hex(10);
                var user = engine == "redis-7" ? "default" : "u_" + _v.Hex(10);
                var password = _v.Chars(32);
                var url = database is null ? $"{scheme}://{user}:{password}@{host}:{port}" : $"{scheme}://{user}:{password}@{host}:{port}/{database}";
                if (i == 0) _appDatabaseUrl[app.Id] = url;
                t.Insert(++id, app.Id, engine, Pick("essential-0", "essential-1", "standard-2", "premium-4"), host, port, database, url,
                    Pick("available", "available", "available", "maintenance"), _r.Int(8, 40_000), S(_v.Between(app.CreatedAt, Now)));
                Canary("secret", url, 50);
            }
        }
        Done(t);
    }

    private static readonly string[] CommitMessages =
    [
        "Fix rounding of VAT on checkout", "Bump dependencies", "Ajout du formulaire de contact", "Corrige la pagination des commandes",
        "Add healthcheck endpoint", "Migrate sessions to Redis", "Refactor invoice PDF rendering", "Mise à jour de Django 5.0",
        "Hotfix: null pointer in cart", "Improve search relevance", "Traductions allemandes", "Remove legacy v1 API",
        "Cache product images", "Passage à Node 22", "Log slow queries", "WIP newsletter template",
    ];

    private string BuildLog(App app, string sha, bool failed, User? author)
    {
        var lines = new List<string> { "-----> Building on stack paas-24" };
        if (author is not null)
            lines.Add($"-----> Fetching {sha[..7]} ({author.First} {author.Last} <{author.Email}>)");
        switch (app.Runtime.Split('-')[0])
        {
            case "node":
                lines.Add("-----> Node.js app detected");
                lines.Add($"-----> Installing node {app.Runtime[5..]}.{_r.Int(0, 12)}.{_r.Int(0, 9)}");
                lines.Add("-----> Installing dependencies");
                lines.Add(failed ? "       npm ERR! code ERESOLVE" : $"       added {_r.Int(120, 1400)} packages, and audited {_r.Int(1400, 1500)} packages in {_r.Int(4, 60)}s");
                if (failed) lines.Add("       npm ERR! ERESOLVE unable to resolve dependency tree");
                else { lines.Add("       found 0 vulnerabilities"); lines.Add("-----> Build"); lines.Add($"       > {app.Name}@1.0.0 build"); lines.Add("       > vite build"); lines.Add($"       ✓ {_r.Int(80, 2400)} modules transformed."); }
                break;
            case "python":
                lines.Add("-----> Python app detected");
                lines.Add($"-----> Using Python 3.12.{_r.Int(0, 8)} specified in .python-version");
                lines.Add("-----> Installing requirements with pip");
                lines.Add(failed ? "       ERROR: Could not find a version that satisfies the requirement psycopg2==2.8.0"
                                 : $"       Successfully installed Django-5.0.{_r.Int(1, 9)} gunicorn-22.0.0 psycopg-3.2.{_r.Int(0, 3)} whitenoise-6.7.0");
                if (!failed) lines.Add($"-----> $ python manage.py collectstatic --noinput\n       {_r.Int(100, 900)} static files copied to '/app/staticfiles'.");
                break;
            case "ruby":
                lines.Add("-----> Ruby app detected");
                lines.Add($"-----> Using Ruby version: ruby-3.3.{_r.Int(0, 6)}");
                lines.Add(failed ? "       Bundler::GemNotFound: Could not find nokogiri-1.16.0 in locally installed gems"
                                 : $"       Bundle completed ({_r.Int(40, 90)} gems) in {_r.Int(3, 50)}.{_r.Int(10, 99)}s");
                if (!failed) lines.Add("-----> Running: rake assets:precompile");
                break;
            case "php":
                lines.Add("-----> PHP app detected");
                lines.Add("-----> Installing dependencies with Composer 2.7");
                lines.Add(failed ? "       Your requirements could not be resolved to an installable set of packages."
                                 : $"       Generating optimized autoload files\n       {_r.Int(30, 120)} packages you are using are looking for funding.");
                break;
            case "java":
                lines.Add("-----> Java app detected");
                lines.Add("-----> Installing OpenJDK 21");
                lines.Add("-----> Executing Maven: ./mvnw -DskipTests clean package");
                lines.Add(failed ? "       [ERROR] COMPILATION ERROR : cannot find symbol InvoiceService" : $"       [INFO] BUILD SUCCESS\n       [INFO] Total time:  {_r.Int(20, 180)}.{_r.Int(100, 999)} s");
                break;
            default:
                lines.Add("-----> Go app detected");
                lines.Add($"-----> Running: go install -tags paas ./... (go 1.23.{_r.Int(0, 4)})");
                if (failed) lines.Add("       ./main.go:42:2: undefined: handleCheckout");
                break;
        }
        if (failed) lines.Add("-----> Build failed");
        else
        {
            lines.Add("-----> Compressing...");
            lines.Add($"       Done: {_r.Int(20, 240)}.{_r.Int(0, 9)}M");
            lines.Add("-----> Launching...");
            lines.Add($"       Released v{_r.Int(2, 480)}");
            lines.Add($"       https://{app.Name}.example.net/ deployed");
        }
        return string.Join("\n", lines);
    }

    private void Deployments()
    {
        using var t = Open("deployments");
        long id = 0;
        foreach (var app in _apps)
        {
            var org = _orgs[(int)app.OrgId - 1];
            var members = _usersByOrg[app.OrgId];
            var gitUrl = _r.Double() < 0.6
                ? $"https://git.example.net/{org.Slug}/{app.Name}.git"
                : $"git@git.example.com:{org.Slug}/{app.Name}.git";
            int count = Math.Max(1, (int)Math.Round(_r.Int(1, 10) * Math.Min(1.0, 0.5 + _scale)));
            var times = Enumerable.Range(0, count).Select(_ => _v.Between(app.CreatedAt, Now)).Order().ToList();
            foreach (var when in times)
            {
                var sha = _v.Hex(40);
                var failed = _r.Double() < 0.12;
                var by = members[_r.Int(0, members.Count - 1)];
                var author = _r.Double() < 0.4 ? by : null;
                var log = BuildLog(app, sha, failed, author);
                var finished = when.AddSeconds(_r.Int(25, 600));
                t.Insert(++id, app.Id, gitUrl, sha, Pick(CommitMessages), log, failed ? "failed" : "succeeded",
                    _r.Double() < 0.9 ? by.Id : null, S(when), S(finished > Now ? Now : finished));
            }
        }
        Done(t);
    }

    private static readonly string[] EnvKeys =
    [
        "DATABASE_URL", "REDIS_URL", "SECRET_KEY_BASE", "NODE_ENV", "LOG_LEVEL", "STRIPE_SECRET_KEY", "SENTRY_DSN", "SMTP_USER",
        "SMTP_PASSWORD", "MAILER_FROM", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "S3_BUCKET", "JWT_SECRET", "WEB_CONCURRENCY",
        "TZ", "ADMIN_EMAIL", "API_BASE_URL", "FEATURE_FLAGS",
    ];

    private void EnvironmentVariables()
    {
        using var t = Open("environment_variables");
        long id = 0;
        foreach (var app in _apps)
        {
            var keys = EnvKeys.Where(k => k != "DATABASE_URL" || _appDatabaseUrl.ContainsKey(app.Id)).ToList();
            int count = _r.Int(3, 10);
            var chosen = new List<string>();
            if (_appDatabaseUrl.ContainsKey(app.Id)) chosen.Add("DATABASE_URL");
            while (chosen.Count < count)
            {
                var k = keys[_r.Int(0, keys.Count - 1)];
                if (!chosen.Contains(k)) chosen.Add(k);
            }
            var f = FakerFor(_orgs[(int)app.OrgId - 1].Country);
            foreach (var key in chosen)
            {
                var value = key switch
                {
                    "DATABASE_URL" => _appDatabaseUrl[app.Id],
                    "REDIS_URL" => $"redis://default:{_v.Chars(32)}@redis-{_r.Int(1, 40)}.fr-sxb.internal.example.net:6379",
                    "SECRET_KEY_BASE" => _v.Hex(128),
                    "NODE_ENV" => "production",
                    "LOG_LEVEL" => Pick("info", "debug", "warn"),
                    "STRIPE_SECRET_KEY" => "sk_test_" + _v.Chars(40),
                    "SENTRY_DSN" => $"https://{_v.Hex(32)}@o{_r.Int(10000, 99999)}.ingest.example.net/{_r.Int(100000, 999999)}",
                    "SMTP_USER" => _v.RoleEmail("smtp", app.Name),
                    "SMTP_PASSWORD" => _v.Chars(20),
                    "MAILER_FROM" => $"{app.Name} <no-reply@example.org>",
                    "AWS_ACCESS_KEY_ID" => "AKIA" + _v.Chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                    "AWS_SECRET_ACCESS_KEY" => _v.Chars(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
                    "S3_BUCKET" => $"{app.Name}-uploads",
                    "JWT_SECRET" => _v.Chars(48),
                    "WEB_CONCURRENCY" => _r.Int(1, 8).ToString(CultureInfo.InvariantCulture),
                    "TZ" => "Europe/Paris",
                    "ADMIN_EMAIL" => _v.Email(f.Name.FirstName(), f.Name.LastName()),
                    "API_BASE_URL" => $"https://api.{app.Name}.example.com/v2",
                    _ => string.Join(",", new[] { "new-checkout", "dark-mode", "beta-search", "invoices-v2" }.Where(_ => _r.Bool())),
                };
                var created = _v.Between(app.CreatedAt, Now);
                DateTime? updated = _r.Double() < 0.3 ? _v.Between(created, Now) : null;
                t.Insert(++id, app.Id, key, value, S(created), S(updated));
                if (key is "SMTP_PASSWORD" or "JWT_SECRET" or "STRIPE_SECRET_KEY") Canary("secret", value, 25);
            }
        }
        Done(t);
    }

    private string EndUserEmail()
    {
        var f = _r.Double() < 0.7 ? _fr : _de;
        return _v.Email(f.Name.FirstName(), f.Name.LastName());
    }

    private void AppLogLines()
    {
        using var t = Open("app_log_lines");
        int n = Scaled(15000, 150);
        var live = _apps.Where(a => a.CreatedAt < Now.AddDays(-1)).ToList();
        for (long id = 1; id <= n; id++)
        {
            var app = live[_r.Int(0, live.Count - 1)];
            var at = _v.Between(Now.AddDays(-30) > app.CreatedAt ? Now.AddDays(-30) : app.CreatedAt, Now);
            var roll = _r.Double();
            string source, process, level, message;
            if (roll < 0.35)
            {
                source = "router"; process = "router"; level = "info";
                var status = Pick(200, 200, 200, 200, 201, 204, 301, 304, 404, 500, 503);
                var path = Pick("/", "/cart", "/checkout", "/api/v1/orders", "/login", "/account", "/search?q=chaussures", "/static/app.js");
                message = $"at=info method={Pick("GET", "GET", "GET", "POST")} path=\"{path}\" host={app.Name}.example.net " +
                          $"request_id={_v.Hex(8)}-{_v.Hex(4)}-{_v.Hex(4)}-{_v.Hex(4)}-{_v.Hex(12)} fwd=\"{_v.Ip(0.8)}\" dyno=web.{_r.Int(1, 3)} " +
                          $"connect={_r.Int(0, 3)}ms service={_r.Int(2, 2400)}ms status={status} bytes={_r.Int(120, 90000)} protocol=https";
                if (status >= 500) level = "error";
            }
            else if (roll < 0.95)
            {
                source = "app"; process = Pick("web.1", "web.2", "worker.1");
                var email = EndUserEmail();
                (level, message) = _r.Int(0, 9) switch
                {
                    0 => ("info", $"Sent order confirmation #{_r.Int(1000, 99999)} to {email}"),
                    1 => ("info", $"User signed in: {email}"),
                    2 => ("info", $"Password reset requested for {email} from {_v.Ip()}"),
                    3 => ("error", $"ERROR: duplicate key value violates unique constraint \"users_email_key\" DETAIL: Key (email)=({email}) already exists."),
                    4 => ("info", $"Newsletter job: delivered {_r.Int(10, 9000)} e-mails, {_r.Int(0, 40)} bounces"),
                    5 => ("info", $"GET /api/v1/orders?page={_r.Int(1, 40)} 200 {_r.Int(3, 900)}ms"),
                    6 => ("info", $"Payment webhook payment_intent.succeeded processed in {_r.Int(5, 400)}ms"),
                    7 => ("warn", $"WARN slow query ({_r.Int(500, 9000)}ms): SELECT * FROM orders WHERE customer_email = '{email}'"),
                    8 => ("warn", $"Bounce for {email}: 550 5.1.1 mailbox unavailable"),
                    _ => ("info", $"Worker processed job SendInvoiceJob in {_r.Int(100, 9000)}ms"),
                };
                if (message.Contains(email, StringComparison.Ordinal)) Canary("email", email, 150);
            }
            else
            {
                source = "platform"; process = Pick("web.1", "worker.1", "release");
                (level, message) = _r.Int(0, 3) switch
                {
                    0 => ("info", "State changed from starting to up"),
                    1 => ("info", $"Process exited with status {Pick(0, 0, 0, 1, 137)}"),
                    2 => ("info", $"Scaling web to {_r.Int(1, 6)} instances"),
                    _ => ("error", "Error R14 (Memory quota exceeded)"),
                };
            }
            t.Insert(id, app.Id, S(at), source, process, level, message);
        }
        Done(t);
    }

    private static readonly (string Subject, string Issue)[] FrenchIssues =
    [
        ("Erreur 503 sur mon application", "Depuis ce matin notre application renvoie des erreurs 503 sur la page de paiement."),
        ("Facture incorrecte", "La facture du mois dernier compte deux fois l'instance Performance-M."),
        ("Impossible de me connecter", "Je ne reçois plus le code de connexion par SMS."),
        ("Question sur la base PostgreSQL", "Comment restaurer la sauvegarde d'hier soir de notre base PostgreSQL ?"),
        ("Changement de moyen de paiement", "Notre carte arrive à expiration, comment la remplacer avant le prochain prélèvement ?"),
        ("Demande de suppression de compte", "Merci de supprimer mon compte et toutes mes données personnelles."),
        ("Déploiement bloqué", "Le déploiement reste bloqué à l'étape de compilation depuis une heure."),
    ];

    private static readonly (string Subject, string Issue)[] EnglishIssues =
    [
        ("503 errors on my app", "Our app has been returning 503 errors on checkout since this morning."),
        ("Wrong invoice amount", "Last month's invoice counts the Performance-M instance twice."),
        ("Cannot sign in", "I no longer receive the sign-in code by text message."),
        ("PostgreSQL add-on question", "How do we restore last night's backup of our PostgreSQL add-on?"),
        ("Update card details", "Our card expires soon; how do we replace it before the next charge?"),
        ("Please delete my account", "Please delete my account and all my personal data."),
        ("Deployment stuck", "The deployment has been stuck at the build step for an hour."),
    ];

    private void SupportTickets()
    {
        using var t = Open("support_tickets");
        int n = Scaled(1200, 30);
        for (long id = 1; id <= n; id++)
        {
            var u = _r.Double() < 0.95 ? AnyUser() : null;
            var country = u?.Country ?? "FR";
            var f = FakerFor(country);
            var first = u?.First ?? f.Name.FirstName();
            var last = u?.Last ?? f.Name.LastName();
            var replyTo = _r.Double() < 0.6 ? u?.Email ?? _v.Email(first, last) : _v.Email(first, last);
            var phone = _v.Phone(country);
            var phoneText = _r.Bool() ? phone.National : phone.E164;
            var french = (u?.Locale ?? "fr").StartsWith("fr", StringComparison.Ordinal);
            var (subject, issue) = french ? Pick(FrenchIssues) : Pick(EnglishIssues);
            var body = french
                ? $"Bonjour,\n\n{issue}\nVous pouvez me joindre au {phoneText} ou m'écrire à {replyTo}.\n\nCordialement,\n{first} {last}"
                : $"Hello,\n\n{issue}\nCall me on {phoneText} or write to {replyTo}.\n\nBest regards,\n{first} {last}";
            var created = _v.Between(u?.SignedUpAt ?? Now.AddDays(-700), Now);
            var status = Pick("open", "pending", "solved", "solved", "closed", "closed");
            DateTime? closed = status is "solved" or "closed" ? _v.Between(created, created.AddDays(9) < Now ? created.AddDays(9) : Now) : null;
            t.Insert(id, u?.Id, subject, body, status, Pick("low", "normal", "normal", "high", "urgent"),
                Pick("support-l1", "support-l1", "support-l2", "billing", "security"), S(created), S(closed));
            Canary("email", replyTo, 30);
            Canary("phone", phoneText, 30);
        }
        Done(t);
    }

    private void IntercomContacts()
    {
        using var t = Open("intercom_contacts");
        long id = 0;
        foreach (var u in _users)
        {
            if (!u.Verified) continue;
            DateTime? synced = _r.Double() < 0.97 ? _v.Between(u.SignedUpAt, Now) : null;
            t.Insert(++id, u.Id, _v.Hex(24), u.Email, S(u.SignedUpAt), S(synced), _r.Double() < 0.12);
        }
        Done(t);
    }

    private void ReferralInvites()
    {
        using var t = Open(DemoSchema.UnannotatedTable);
        int n = Scaled(500, 20);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (long id = 1; id <= n; id++)
        {
            var u = AnyUser();
            var f = FakerFor(u.Country);
            string first = f.Name.FirstName(), last = f.Name.LastName();
            var email = _v.Email(first, last);
            string code;
            do code = "REF-" + _v.Chars(8, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"); while (!codes.Add(code));
            var sent = _v.Between(Now.AddDays(-200) > u.SignedUpAt ? Now.AddDays(-200) : u.SignedUpAt, Now);
            DateTime? accepted = _r.Double() < 0.3 ? _v.Between(sent, Now) : null;
            t.Insert(id, u.Id, email, _r.Double() < 0.6 ? $"{first} {last}" : null, code, Pick(1000, 2000, 2000, 5000), S(sent), S(accepted));
            Canary("email", email, 20);
        }
        Done(t);
    }

    private void SchemaMigrations()
    {
        using var t = Open("schema_migrations");
        var at = new DateTime(2019, 3, 14, 10, 15, 0, DateTimeKind.Utc);
        for (int i = 0; i < 42; i++)
        {
            at = at.AddDays(_r.Int(10, 60)).AddMinutes(_r.Int(0, 600));
            if (at > Now) break;
            t.Insert(at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        }
        Done(t);
    }
}
