using System.Net;
using System.Text.RegularExpressions;
using Inventory.Demo;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Demo;

[TestFixture]
public sealed class DemoDatabaseTests
{
    private string _folder = null!;
    private DemoManifest _manifest = null!;

    [OneTimeSetUp]
    public void CreateDefaultDemo()
    {
        _folder = Path.Combine(Path.GetTempPath(), "inventory-demo-tests-" + Guid.NewGuid().ToString("N"));
        _manifest = DemoDatabase.Create(Path.Combine(_folder, DemoDatabase.DefaultFileName));
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Create_SameSeedTwice_SameContentInEveryTable()
    {
        // Given a second and a third build with the default seed and size
        var a = Path.Combine(_folder, "again-a.sqlite");
        var b = Path.Combine(_folder, "again-b.sqlite");
        DemoDatabase.Create(a);
        DemoDatabase.Create(b);

        // Then every table hashes the same as the first build's
        var first = DemoDb.ContentHashes(_manifest.DatabasePath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoDb.ContentHashes(a), Is.EqualTo(first));
            Assert.That(DemoDb.ContentHashes(b), Is.EqualTo(first));
            Assert.That(File.ReadAllBytes(a), Is.EqualTo(File.ReadAllBytes(b)), "same seed should give the same file bytes");
        }
    }

    [Test]
    public void Create_OtherSeed_DifferentUsers()
    {
        var a = DemoDatabase.Create(Path.Combine(_folder, "seed-1.sqlite"), seed: 1, DemoSize.Small);
        var b = DemoDatabase.Create(Path.Combine(_folder, "seed-2.sqlite"), seed: 2, DemoSize.Small);
        var ha = DemoDb.ContentHashes(a.DatabasePath);
        var hb = DemoDb.ContentHashes(b.DatabasePath);
        Assert.That(ha["users"], Is.Not.EqualTo(hb["users"]));
    }

    [Test]
    public void Create_EveryCatalogColumn_HasOneTruthEntryWithItsDeclaredType()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var catalog = DemoDb.Tables(c)
            .SelectMany(t => DemoDb.Columns(c, t).Select(col => (Table: t, Column: col.Name, col.Type)))
            .ToList();
        var truth = _manifest.Columns.Select(t => (t.Table, t.Column, Type: t.DataType)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(truth, Is.EquivalentTo(catalog));
            Assert.That(truth.Select(t => (t.Table, t.Column)), Is.Unique);
            Assert.That(_manifest.Tables, Is.EqualTo(DemoDb.Tables(c)));
        }
    }

    [Test]
    public void Create_TruthCategories_ComeFromLabelsVocabulary()
    {
        var allowed = LabelVocabulary();
        Assert.That(allowed, Has.Count.GreaterThan(30), "LABELS.md table not parsed");
        var unknown = _manifest.Columns.Select(c => c.DataCategory).Where(c => !allowed.Contains(c)).Distinct().ToList();
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void Create_IdsForeignKeysAndTimestamps_AreNoneExceptActivityTimes()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var foreignKeys = DemoDb.Tables(c)
            .SelectMany(t => DemoDb.Strings(c, $"SELECT \"from\" FROM pragma_foreign_key_list('{t}')").Select(col => (t, col)))
            .ToHashSet();
        Assert.That(foreignKeys, Has.Count.GreaterThan(15));
        var ids = _manifest.Columns.Where(t => t.Column == "id" || foreignKeys.Contains((t.Table, t.Column)));
        var times = _manifest.Columns.Where(c => c.Column is "created_at" or "updated_at" or "deleted_at");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids.Select(c => c.DataCategory), Is.All.EqualTo("none"));
            Assert.That(times.Select(c => c.DataCategory), Is.All.EqualTo("none"));
            Assert.That(_manifest.Find("users", "last_sign_in_at")!.DataCategory, Is.EqualTo("automatic.activity"));
            Assert.That(_manifest.Find("users", "locale")!.DataCategory, Is.EqualTo("automatic.browser_language"));
            Assert.That(_manifest.Find("deployments", "build_log")!.DataCategory, Is.EqualTo("customer_content.source_code"));
        }
    }

    [Test]
    public void Create_RowCounts_MatchTheFileAndTheDefaultVolume()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        using (Assert.EnterMultipleScope())
        {
            foreach (var table in _manifest.Tables)
                Assert.That(DemoDb.Count(c, table), Is.EqualTo(_manifest.RowCounts[table]), table);
            Assert.That(_manifest.RowCounts.Keys, Is.EquivalentTo(_manifest.Tables));
            Assert.That(_manifest.RowCounts["users"], Is.EqualTo(2000));
            Assert.That(_manifest.RowCounts["login_events"], Is.EqualTo(20000));
            Assert.That(_manifest.RowCounts["organisations"], Is.EqualTo(400));
            Assert.That(_manifest.RowCounts.Values, Is.All.GreaterThan(0), "no empty table");
            Assert.That(_manifest.TotalRows, Is.GreaterThan(50_000));
        }
    }

    [Test]
    public void Create_SmallSize_FewerRowsButEveryTableFilled()
    {
        var small = DemoDatabase.Create(Path.Combine(_folder, "small.sqlite"), size: DemoSize.Small);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(small.RowCounts.Values, Is.All.GreaterThan(0));
            Assert.That(small.TotalRows, Is.LessThan(_manifest.TotalRows / 5));
            Assert.That(small.Columns, Is.EqualTo(_manifest.Columns));
        }
    }

    [Test]
    public void Create_PanTable_HoldsLuhnValidPansSomeWithSeparators()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var stored = DemoDb.Strings(c, $"SELECT \"{_manifest.Traps.PanColumn}\" FROM \"{_manifest.Traps.PanTable}\"");
        var digits = stored.Select(s => Regex.Replace(s, "[ -]", "")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Has.Count.EqualTo(300));
            Assert.That(digits.All(DemoDb.Luhn), Is.True, "every stored card number must be Luhn-valid");
            Assert.That(digits.Select(d => d.Length), Is.All.InRange(14, 16));
            Assert.That(stored.Count(s => s.Contains(' ', StringComparison.Ordinal)), Is.GreaterThan(20));
            Assert.That(stored.Count(s => s.Contains('-', StringComparison.Ordinal)), Is.GreaterThan(10));
            Assert.That(digits.Distinct().Count(), Is.GreaterThanOrEqualTo(10), "several brands' test numbers");
            Assert.That(digits, Does.Contain("4242424242424242"));
        }
    }

    [Test]
    public void Create_PaymentMethods_KeepOnlyLastFourAndGatewayIds()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoDb.Strings(c, "SELECT last4 FROM payment_methods"), Is.All.Match("^[0-9]{4}$"));
            Assert.That(DemoDb.Strings(c, "SELECT gateway_customer_id FROM payment_methods"), Is.All.Match("^cus_[A-Za-z0-9]{14}$"));
            Assert.That(DemoDb.Strings(c, "SELECT gateway_payment_method_id FROM payment_methods"), Is.All.Match("^pm_[A-Za-z0-9]{24}$"));
            Assert.That(DemoDb.Strings(c, "SELECT exp_month FROM payment_methods").Select(int.Parse), Is.All.InRange(1, 12));
        }
    }

    [Test]
    public void Create_FrenchCompanyNumbers_AreValid()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var sirens = DemoDb.Strings(c, "SELECT siren FROM organisations");
        var sirets = DemoDb.Strings(c, "SELECT siret FROM organisations");
        var vats = DemoDb.Strings(c, "SELECT vat_number FROM organisations WHERE vat_number LIKE 'FR%'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sirens, Has.Count.GreaterThan(200));
            Assert.That(sirens.All(s => s.Length == 9 && DemoDb.Luhn(s)), Is.True, "SIREN Luhn");
            Assert.That(sirets.All(s => s.Length == 14 && DemoDb.Luhn(s)), Is.True, "SIRET Luhn");
            Assert.That(vats, Has.Count.GreaterThan(150));
            foreach (var vat in vats)
            {
                var siren = long.Parse(vat[4..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(int.Parse(vat[2..4], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo((12 + 3 * (siren % 97)) % 97), "FR VAT key");
            }
            Assert.That(DemoDb.Strings(c, "SELECT name FROM organisations").Count(n => Regex.IsMatch(n, @" (SAS|SARL|SASU|EURL|SA|SCOP|GmbH|AG|SRL|Ltd)\b")),
                Is.GreaterThan(300), "company names carry legal forms");
        }
    }

    [Test]
    public void Create_ForeignVatNumbers_HaveValidCheckDigits()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var be = DemoDb.Strings(c, "SELECT vat_number FROM organisations WHERE vat_number LIKE 'BE%'");
        var de = DemoDb.Strings(c, "SELECT vat_number FROM organisations WHERE vat_number LIKE 'DE%'");
        var gb = DemoDb.Strings(c, "SELECT vat_number FROM organisations WHERE vat_number LIKE 'GB%'");
        static int D(char ch) => ch - '0';
        using (Assert.EnterMultipleScope())
        {
            Assert.That(be, Is.Not.Empty);
            Assert.That(de, Is.Not.Empty);
            Assert.That(gb, Is.Not.Empty);
            // Belgium: the last two digits are 97 - (first eight mod 97)
            Assert.That(be.Where(v => 97 - long.Parse(v[2..10], System.Globalization.CultureInfo.InvariantCulture) % 97 != long.Parse(v[10..], System.Globalization.CultureInfo.InvariantCulture)), Is.Empty);
            // United Kingdom: weights 8..2 over the first seven digits plus the last two is a multiple of 97
            Assert.That(gb.Where(v => (Enumerable.Range(0, 7).Sum(i => (8 - i) * D(v[2 + i])) + int.Parse(v[9..], System.Globalization.CultureInfo.InvariantCulture)) % 97 != 0), Is.Empty);
            // Germany: ISO 7064 MOD 11,10 over all nine digits leaves the product 1 (the check digit closes the chain)
            Assert.That(de.Where(v =>
            {
                int product = 10;
                for (int i = 2; i < 10; i++) { int sum = (D(v[i]) + product) % 10; if (sum == 0) sum = 10; product = 2 * sum % 11; }
                return (11 - product) % 10 != D(v[10]);
            }), Is.Empty);
        }
    }

    [Test]
    public void Create_UnderTurkishCulture_SameContent()
    {
        var invariant = DemoDatabase.Create(Path.Combine(_folder, "culture-invariant.sqlite"), size: DemoSize.Small);
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            var turkish = DemoDatabase.Create(Path.Combine(_folder, "culture-tr.sqlite"), size: DemoSize.Small);
            Assert.That(DemoDb.ContentHashes(turkish.DatabasePath), Is.EqualTo(DemoDb.ContentHashes(invariant.DatabasePath)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Create_MailboxesAndAddresses_UseReservedRangesOnly()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var emailRegex = new Regex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}");
        var domains = DemoDb.AllCells(c).SelectMany(v => emailRegex.Matches(v).Select(m => m.Value[(m.Value.IndexOf('@') + 1)..])).ToHashSet();
        var ipColumns = _manifest.Columns.Where(t => t.DataCategory == "automatic.ip_address").ToList();
        var ips = ipColumns.SelectMany(t => DemoDb.Strings(c, $"SELECT \"{t.Column}\" FROM \"{t.Table}\"")).ToList();
        IPNetwork[] documentation = [IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("2001:db8::/32")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(domains, Is.Not.Empty);
            Assert.That(domains.Where(d => !Regex.IsMatch(d, @"(^|\.)example\.(com|org|net)$")), Is.Empty, "only reserved example domains");
            Assert.That(ips, Has.Count.GreaterThan(20000));
            Assert.That(ips.Count(ip => !documentation.Any(n => n.Contains(IPAddress.Parse(ip)))), Is.Zero, "only documentation IP ranges");
            Assert.That(ips.Count(ip => ip.Contains(':', StringComparison.Ordinal)), Is.GreaterThan(3000), "IPv6 present");
            Assert.That(DemoDb.Strings(c, "SELECT phone_e164 FROM users"), Is.All.Match(@"^\+[1-9][0-9]{7,14}$"));
        }
    }

    [Test]
    public void Create_LoginEvents_HaveSeveralBrowsersAndLanguageHeaders()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var agents = DemoDb.Strings(c, "SELECT user_agent FROM login_events");
        var languages = DemoDb.Strings(c, "SELECT accept_language FROM login_events");
        using (Assert.EnterMultipleScope())
        {
            foreach (var browser in new[] { "Chrome/", "Firefox/", "Version/", "Edg/", "Mobile" })
                Assert.That(agents.Count(a => a.Contains(browser, StringComparison.Ordinal)), Is.GreaterThan(300), browser);
            Assert.That(languages, Does.Contain("fr-FR,fr;q=0.9,en;q=0.8"));
            Assert.That(languages, Is.All.Match(@"^[a-z]{2}(-[A-Z]{2})?(,[a-z]{2}(-[A-Z]{2})?;q=0\.[0-9])*$"));
        }
    }

    [Test]
    public void Create_ContradictedColumn_HoldsEmailsWhileAnnotatedNone()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var traps = _manifest.Traps;
        var values = DemoDb.Strings(c, $"SELECT \"{traps.ContradictedColumn}\" FROM \"{traps.ContradictedTable}\"");
        var truth = _manifest.Find(traps.ContradictedTable, traps.ContradictedColumn)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(values, Has.Count.GreaterThan(300));
            Assert.That(values, Is.All.Match(@"^[a-z0-9._-]+@example\.(com|org|net)$"));
            Assert.That(truth.DataCategory, Is.EqualTo("contact.email"));
            Assert.That(truth.AnnotatedCategory, Is.EqualTo("none"));
            Assert.That(_manifest.Columns.Count(t => t.AnnotatedCategory is not null && t.AnnotatedCategory != t.DataCategory), Is.EqualTo(1));
            Assert.That(_manifest.Columns.Where(t => t.Table == traps.UnannotatedTable).Select(t => t.AnnotatedCategory), Is.All.Null);
        }
    }

    [Test]
    public void Create_FreeText_EmbedsEmailsAndPhones()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var bodies = DemoDb.Strings(c, "SELECT body FROM support_tickets");
        var logs = DemoDb.Strings(c, "SELECT message FROM app_log_lines");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bodies.Count(b => b.Contains("@example.", StringComparison.Ordinal)), Is.EqualTo(bodies.Count));
            Assert.That(bodies.Count(b => Regex.IsMatch(b, @"(\+[0-9]{10,12}|0[0-9]( [0-9]{2}){4}|\([0-9]{3}\) 555-01[0-9]{2}|0[0-9]{2,4} [0-9]{6,8})")), Is.EqualTo(bodies.Count));
            Assert.That(logs.Count(l => l.Contains("@example.", StringComparison.Ordinal)), Is.GreaterThan(logs.Count / 3));
            Assert.That(DemoDb.Strings(c, "SELECT commit_sha FROM deployments"), Is.All.Match("^[0-9a-f]{40}$"));
        }
    }

    [Test]
    public void Create_Canaries_AreRawValuesOfTheDatabase()
    {
        using var c = DemoDb.Open(_manifest.DatabasePath);
        var cells = DemoDb.AllCells(c).ToList();
        var exact = cells.ToHashSet(StringComparer.Ordinal);
        var text = string.Join("\n", cells);
        var kinds = _manifest.CanaryValues.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => g.Count());
        var missing = _manifest.CanaryValues.Where(k => !exact.Contains(k.Value) && !text.Contains(k.Value, StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Empty);
            foreach (var kind in new[] { "email", "name", "phone", "pan", "ip", "tax-id", "secret" })
                Assert.That(kinds.GetValueOrDefault(kind), Is.GreaterThanOrEqualTo(5), kind);
            Assert.That(_manifest.CanaryValues.Select(k => k.Value), Is.Unique);
            Assert.That(_manifest.CanaryValues.Select(k => k.Value), Does.Contain("4242424242424242"));
        }
    }

    [Test]
    public void Create_ExistingFile_ReplacedAndNoTemporaryFileLeft()
    {
        var folder = Path.Combine(_folder, "replace");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo.sqlite");
        File.WriteAllText(path, "not a database");
        DemoDatabase.Create(path, size: DemoSize.Small);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "demo.sqlite" }));
            using var c = DemoDb.Open(path);
            Assert.That(DemoDb.Count(c, "users"), Is.GreaterThan(0));
        }
    }

    [Test]
    public void WriteTruthTsv_GoldFormat_OneRowPerColumn()
    {
        var path = Path.Combine(_folder, "truth.tsv");
        _manifest.WriteTruthTsv(path);
        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("table\tcolumn\tdata_type\tcategory\tsubcategory\tnote"));
            Assert.That(rows, Has.Count.EqualTo(_manifest.Columns.Count));
            Assert.That(rows.Select(r => r.Length), Is.All.EqualTo(6));
            Assert.That(rows.Where(r => r[3] == "none").Select(r => r[4]), Is.All.Empty);
            Assert.That(rows.Where(r => r[3] != "none").Select(r => r[4]), Is.All.Not.Empty);
            Assert.That(rows.Single(r => r[0] == "users" && r[1] == "email").Take(5), Is.EqualTo(new[] { "users", "email", "VARCHAR(255)", "contact", "email" }));
        }
    }

    [Test]
    public void Canary_ToString_NeverShowsTheValue()
    {
        var canary = _manifest.CanaryValues.First(k => k.Kind == "email");
        Assert.That(canary.ToString(), Does.Not.Contain(canary.Value));
    }

    /// <summary>category.subcategory pairs of the LABELS.md table (backticked subcategories outside parentheses), plus none.</summary>
    private static HashSet<string> LabelVocabulary()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "none" };
        foreach (var line in File.ReadLines(Path.Combine(SharedPaths.Data, "LABELS.md")))
        {
            var m = Regex.Match(line, @"^\| `([a-z_]+)` \|[^|]*\|(.*)\|\s*$");
            if (!m.Success || m.Groups[1].Value == "none") continue;
            var outside = Regex.Replace(m.Groups[2].Value, @"\([^)]*\)", "");
            foreach (Match sub in Regex.Matches(outside, "`([a-z_]+)`"))
                set.Add($"{m.Groups[1].Value}.{sub.Groups[1].Value}");
        }
        return set;
    }
}
