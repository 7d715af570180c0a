using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Language;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The sentences the analysis composes (<see cref="AnalysisWording"/>: claim summaries, finding reasons, what a
/// claim left out) in both languages: every kind writes a text in English and a different one in French with French
/// typography and plurals; a report of a scanned SQLite database writes every claim's summary and every finding's reason
/// in French in the French record (expected file, no sampled value) and in English, unchanged, elsewhere; and trial46's
/// L1–L3 (the check line's "left out" said twice, the legend of "no column found", one line for the same reason of a
/// source's tables).</summary>
[TestFixture]
public sealed class AnalysisWordingTests
{
    private static readonly string[] Pans =
        ["4111111111111111", "5500005555555559", "4012888888881881", "6011111111111117", "5105105105105100",
         "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "378282246310005"];

    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void TearDown() => _files.DeleteAll();

    // ---- the string tables: every kind in both languages ----

    /// <summary>A sample argument of a sentence's parameter: 2 for counts (a plural), names for strings, every value of a
    /// small record, a nested phrase for a phrase.</summary>
    private static object? Sample(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Sample(inner);
        if (type == typeof(string)) return "orders";
        if (type == typeof(int)) return 2;
        if (type == typeof(long)) return 2L;
        if (type == typeof(bool)) return true;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type == typeof(Phrase)) return Phrase.Verbatim("(nested)");
        if (type == typeof(RowHistory)) return new RowHistory(RowHistory.SystemVersioning);
        if (type == typeof(IReadOnlyList<LeftOutPart>))
            return Enum.GetValues<LeftOutKind>().Select(k => new LeftOutPart(k, 2, "shop-01", "shop-09", 9)).ToList();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element));
            list.Add(Sample(element));
            return list;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray());
    }

    /// <summary>English words that a French sentence must not hold (SQL keywords and the policy's own keys aside); also
    /// applied to a whole French record (<see cref="FrenchRecordTests"/>).</summary>
    internal static readonly Regex EnglishWords = new(@"\b(the|is|are|cannot|which|with|not|only|no|of|table holds|columns?)\b");

    private static IEnumerable<MethodInfo> Kinds() => typeof(AnalysisWording).GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.IsAbstract && !m.IsSpecialName);

    private static string Say(AnalysisWording wording, MethodInfo kind) =>
        (string)kind.Invoke(wording, kind.GetParameters().Select(p => Sample(p.ParameterType)).ToArray())!;

    [Test]
    public void EveryKind_WritesATextInBothLanguages_TheFrenchOneFrench()
    {
        var kinds = Kinds().ToList();
        Assert.That(kinds, Has.Count.GreaterThan(90), "the kinds are found");
        var english = EnglishWords;
        using (Assert.EnterMultipleScope())
        {
            foreach (var kind in kinds)
            {
                var en = Say(AnalysisWording.English, kind);
                var fr = Say(AnalysisWording.French, kind);
                Assert.That(en, Is.Not.Empty, $"English {kind.Name}");
                Assert.That(fr, Is.Not.Empty, $"French {kind.Name}");
                // A concatenation, and a rule's period and basis (the policy's text) when it is erasable, read the same.
                // A status, an issue kind or a classification origin the tables do not know is written as the scanner names it.
                if (kind.Name is not (nameof(AnalysisWording.WithBasis) or nameof(AnalysisWording.RetentionRule) or nameof(AnalysisWording.ColumnStatus)
                    or nameof(AnalysisWording.ScanIssueKind) or nameof(AnalysisWording.ClassificationOrigin)))
                    Assert.That(fr, Is.Not.EqualTo(en), $"{kind.Name}: the French text is the English one");
                var words = english.Matches(Regex.Replace(fr, @"ON DELETE [A-Z ]+|DELETE HISTORY[^;)]*|SYSTEM_VERSIONING[^;)]*|erasable: false|shared-with|declared-categories-only", ""))
                    .Select(m => m.Value).ToList();
                Assert.That(words, Is.Empty, $"French {kind.Name}: {fr}");
                // French typography: a space before « : » and « ; » (the policy's keys `erasable: false` and
                // `shared-with: x` are written as in the YAML).
                var typography = Regex.Replace(fr, @"erasable: false|shared-with: |\(role: processor|activity: \[", "");
                Assert.That(Regex.IsMatch(typography, @"\S[:;]\s"), Is.False, $"French {kind.Name}: a colon or semicolon without a space before it: {fr}");
            }
        }
        Assert.That(AnalysisWording.French.ItsSource, Is.EqualTo("sa source"));
    }

    [TestCase(0, "0 columns hold payment card numbers", "0 colonne contient des numéros de carte de paiement")]
    [TestCase(1, "1 column holds payment card numbers", "1 colonne contient des numéros de carte de paiement")]
    [TestCase(2, "2 columns hold payment card numbers", "2 colonnes contiennent des numéros de carte de paiement")]
    [TestCase(12345, "12345 columns hold payment card numbers", "12\u00A0345 colonnes contiennent des numéros de carte de paiement")]
    public void Plurals_EnglishForOneOnly_FrenchForZeroAndOne(int count, string english, string french)
    {
        var phrase = new Phrase(w => w.NoCardNumberViolated(count));
        Assert.That((phrase.English, phrase.In(AnalysisWording.French), phrase.Kind), Is.EqualTo((english, french, "NoCardNumberViolated")));
    }

    [Test]
    public void Percentages_AndNumbers_FollowTheLanguage()
    {
        var phrase = new Phrase(w => w.CardHits("detector.payment-card", 38, 40));
        Assert.That(phrase.English, Is.EqualTo("detector.payment-card matched 38 of 40 sampled values (95.0%)"));
        Assert.That(phrase.In(AnalysisWording.French), Is.EqualTo("detector.payment-card a reconnu 38 des 40 valeurs échantillonnées (95,0\u00A0%)"));
        var left = new Phrase(w => w.LeftOut(26, new[] { new LeftOutPart(LeftOutKind.ProcessorActivity, 6), new LeftOutPart(LeftOutKind.ProcessorSource, 20, "shop") }));
        Assert.That(left.English, Is.EqualTo("; left out: 26 tables (6 of a processor activity, 20 of processor source 'shop')"));
        Assert.That(left.In(AnalysisWording.French), Is.EqualTo(" ; écartées : 26 tables (6 d'un traitement en sous-traitance, 20 de la source sous-traitée 'shop')"));
    }

    // ---- a scanned SQLite database: every claim kind in French ----

    /// <summary>Two SQLite sources: <c>app</c> (users, payments holding card numbers, an Intercom export, tickets kept by
    /// ON DELETE SET NULL, invoices cascading from users), <c>support</c>, without an account table (two tables of e-mails),
    /// and <c>hosted</c>, a processor source every controller's claim leaves out, so the seed policy's eight claims get summaries and reasons of most kinds.</summary>
    private async Task<InventoryDocument> ScanAsync()
    {
        var app = _files.NewPath("inv_wording_app");
        var support = _files.NewPath("inv_wording_support");
        var hosted = _files.NewPath("inv_wording_hosted");
        await using (var connection = new SqliteConnection($"Data Source={app};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var rows = string.Join(", ", Pans.Select((pan, i) => $"({i + 1}, {i % 2 + 1}, {10 + i}.5, '{pan}')"));
            command.CommandText = $"""
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, last_login_ip TEXT, created_at TEXT);
                CREATE TABLE payments (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, amount NUMERIC, card_number TEXT);
                CREATE TABLE invoices (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, vat_number TEXT, billing_address TEXT, total NUMERIC);
                CREATE TABLE tickets (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, requester_email TEXT, body TEXT);
                CREATE TABLE prospects (id INTEGER PRIMARY KEY, email TEXT, phone TEXT);
                INSERT INTO users VALUES (1, 'ana@example.org', 'Ana Lopez', '203.0.113.7', '2026-01-02'), (2, 'bo@example.org', 'Bo Martin', '198.51.100.4', '2026-01-03');
                INSERT INTO payments VALUES {rows};
                INSERT INTO invoices VALUES (1, 1, 'FR40303265045', '1 rue de la Paix, Paris', 120.0);
                INSERT INTO tickets VALUES (1, 1, 'ana@example.org', 'My invoice is wrong');
                INSERT INTO prospects VALUES (1, 'cy@example.org', '+33 6 12 34 56 78');
                """;
            await command.ExecuteNonQueryAsync();
        }
        await using (var connection = new SqliteConnection($"Data Source={support};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE conversations (id INTEGER PRIMARY KEY, customer_email TEXT, customer_name TEXT);
                CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE, sender_email TEXT);
                INSERT INTO conversations VALUES (1, 'dee@example.org', 'Dee Rivera');
                INSERT INTO messages VALUES (1, 1, 'dee@example.org');
                """;
            await command.ExecuteNonQueryAsync();
        }
        await using (var connection = new SqliteConnection($"Data Source={hosted};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE commandes (id INTEGER PRIMARY KEY, email_client TEXT, montant NUMERIC);";
            await command.ExecuteNonQueryAsync();
        }
        return await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest
        {
            Sources =
            [
                new SourceConfig { Name = "app", Connection = "sqlite:" + app }, new SourceConfig { Name = "support", Connection = "sqlite:" + support },
                new SourceConfig { Name = "hosted", Connection = "sqlite:" + hosted, Role = ProcessingRole.Processor, Controller = "Fromagerie Dupont" },
            ],
        });
    }

    private static async Task<string> Markdown(ReportModel model, ReportLanguage language) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create("md", language), model));

    /// <summary>The claims section of a Markdown record (its heading to the controller record's).</summary>
    private static string ClaimsSection(string markdown, string heading, string next)
    {
        int start = markdown.IndexOf("## " + heading + "\n", StringComparison.Ordinal), end = markdown.IndexOf("## " + next, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), heading);
        return markdown[start..end];
    }

    [Test]
    public async Task ScannedSqlite_EveryClaimAndReason_InFrench_AgainstTheExpectedFile()
    {
        var inventory = await ScanAsync();
        var model = ReportModel.Build(inventory, PolicyDocument.Seed);
        var french = await Markdown(model, ReportLanguage.French);
        var english = await Markdown(model, ReportLanguage.English);
        var claims = ClaimsSection(french, ReportText.French.Claims, ReportText.French.ControllerRecord);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Claims.Select(c => c.Kind).Distinct().Count(), Is.EqualTo(8), "the seed policy's eight claim kinds");
            foreach (var claim in model.Claims)
            {
                Assert.That(claim.SummaryPhrase, Is.Not.Null, claim.Id);
                Assert.That(claim.SummaryPhrase!.English, Is.EqualTo(claim.Summary), $"{claim.Id}: the JSON's summary is the phrase's English");
                var summary = claim.SummaryPhrase.In(AnalysisWording.French);
                Assert.That(claims, Does.Contain(summary.Replace("_", "\\_", StringComparison.Ordinal)), $"{claim.Id}: its French summary is in the record");
                Assert.That(claims, Does.Not.Contain(claim.Summary.Replace("_", "\\_", StringComparison.Ordinal)), $"{claim.Id}: its English summary is not");
                Assert.That(english, Does.Contain(claim.Summary.Replace("_", "\\_", StringComparison.Ordinal)), $"{claim.Id}: the English record keeps the English summary");
                foreach (var finding in claim.Findings.Concat(claim.Unresolved).Concat(claim.Exempted ?? []))
                {
                    Assert.That(finding.ReasonPhrase, Is.Not.Null, $"{claim.Id} {finding.Location}");
                    Assert.That(claims, Does.Not.Contain(finding.Reason.Replace("_", "\\_", StringComparison.Ordinal)), $"{claim.Id} {finding.Location}: the English reason is not in the French record");
                }
            }
            foreach (var value in Pans.Concat(["ana@example.org", "Ana Lopez", "203.0.113.7", "FR40303265045", "dee@example.org", "+33 6 12 34 56 78"]))
                Assert.That(french + english, Does.Not.Contain(value), "no sampled value in either record");
            // The kinds the scan exercises, each named once so that a lost one is seen.
            Assert.That(claims, Does.Contain("des numéros de carte sont stockés").And.Contain("valeurs échantillonnées (")
                .And.Contain("aucune table n'est annotée shared-with: intercom").And.Contain("sa catégorie est inconnue")
                .And.Contain("aucune table de comptes (").And.Contain("dans la source 'support' d'où supprimer")
                .And.Contain("est ON DELETE SET NULL").And.Contain("écartées :").And.Not.Contain("left out:"));
        }
        var path = Path.Combine(SharedPaths.Repository, "tests", "Inventory.Tests", "Reports", "Expected", "claims-sqlite.fr.md");
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
        {
            await File.WriteAllTextAsync(path, claims, new UTF8Encoding(false));
            Assert.Ignore($"rewrote {path}");
        }
        Assert.That(claims, Is.EqualTo((await File.ReadAllTextAsync(path)).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public async Task ScannedSqlite_Json_KeepsTheEnglishSummary_GainsNoFrench()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);
        var json = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create("json", ReportLanguage.French), model));
        var card = model.Claims.Single(c => c.Id == "no-stored-card-number");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(card.Summary, Does.StartWith("1 column holds payment card numbers; left out: 1 table (1 of processor source 'hosted')"));
            Assert.That(json, Does.Contain("1 column holds payment card numbers; left out: 1 table (1 of processor source"), "JSON keeps the English summary");
            Assert.That(json, Does.Not.Contain("colonne contient"), "and gains no French text");
            Assert.That(json, Does.Not.Contain("summaryPhrase").And.Not.Contain("reasonPhrase"));
        }
    }

    [Test]
    public async Task RecordRetention_FollowsTheLanguage_ThePolicysPeriodsAsWritten()
    {
        var model = ReportWriterTests.DemoModel();
        var english = await Markdown(model, ReportLanguage.English);
        var french = await Markdown(model, ReportLanguage.French);
        var retained = model.Activities.SelectMany(a => a.Categories).Where(k => k.RetentionPhrase is not null).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retained, Is.Not.Empty);
            Assert.That(retained.All(k => k.Retention == k.RetentionPhrase!.English), Is.True, "JSON's retention is the phrase's English");
            Assert.That(english, Does.Contain("(policy default").And.Contain("category not declared by this activity"));
            Assert.That(french, Does.Contain("(durée par défaut de la politique").And.Contain("catégorie non déclarée par ce traitement")
                .And.Not.Contain("policy default").And.Not.Contain("not erasable on request").And.Not.Contain("category not declared by this activity"));
        }
    }

    // ---- trial46 L1: check's claim line says "left out" once for the count, "tables left out" for the list ----

    [Test]
    public async Task CheckClaimLine_CountsLeftOutOnce_ThenListsTheTables()
    {
        var inventory = await ScanAsync();
        var policy = PolicyDocument.Seed;
        var deletion = Inventory.Reports.Claims.ClaimEvaluator.EvaluateAll(policy, inventory).Single(r => r.Claim.Id == "deletion-path");
        var line = CheckWriters.ClaimLine(deletion, new FleetSummary(inventory));
        Assert.That(deletion.Exempted, Is.Not.Empty, "deletion-path leaves out the processor source");
        Assert.That(Regex.Matches(line, "; left out: ").Count, Is.EqualTo(1), line);
        Assert.That(line, Does.Contain("; tables left out: hosted/* ("), line);
    }

    // ---- trial46 L2: the legend of "no column found" ----

    [Test]
    public async Task NoColumnFound_HasItsLegend_InBothLanguages_OnlyWhenACategoryHasNoColumn()
    {
        var model = ReportWriterTests.DemoModel();
        Assert.That(model.Activities.Any(a => a.Categories.Any(k => k.Entries.Count == 0)), Is.True, "the demo has a category without a column");
        var english = await Markdown(model, ReportLanguage.English);
        var french = await Markdown(model, ReportLanguage.French);
        var html = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create("html", ReportLanguage.French), model));
        var noPolicy = await Markdown(ReportModel.Build(SampleInventory.Build(), null), ReportLanguage.English);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(english, Does.Contain("## Controller record (Art. 30(1))\n\n“no column found”: no table annotated with this activity holds the category; it does not mean the data is not held"));
            Assert.That(french, Does.Contain("« aucune colonne trouvée » : aucune table annotée avec ce traitement ne contient la catégorie ; cela ne veut pas dire que la donnée n'est pas détenue"));
            Assert.That(html, Does.Contain("<p class=\"muted\">« aucune colonne trouvée » : aucune table annotée"));
            Assert.That(noPolicy, Does.Not.Contain("no column found"), "no legend without a category lacking a column");
        }
    }

    // ---- trial46 L3: deletion-path's same reason for the tables of one source, one line ----

    [Test]
    public async Task DeletionPath_SameReasonOfASourcesTables_OneLineNamingThem()
    {
        var model = ReportModel.Build(await ScanAsync(), PolicyDocument.Seed);
        var deletion = model.Claims.Single(c => c.Id == "deletion-path");
        var support = deletion.Unresolved.Where(u => u.Location.StartsWith("support/", StringComparison.Ordinal)).ToList();
        Assert.That(support, Has.Count.EqualTo(2), "both support tables are undecided (JSON keeps each)");
        Assert.That(support[0].Reason, Is.EqualTo(support[1].Reason), "with the same reason");
        var lines = deletion.UnresolvedGroups.Where(g => g.Locations.Any(l => l.StartsWith("support/", StringComparison.Ordinal))).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0].Location, Is.EqualTo("support/conversations, support/messages"));
        Assert.That(lines[0].Locations, Is.EqualTo(new[] { "support/conversations", "support/messages" }));
        var markdown = await Markdown(model, ReportLanguage.English);
        Assert.That(Regex.Matches(markdown, Regex.Escape("in source 'support' to delete from")).Count, Is.EqualTo(1), "the reason is written once");
    }
}
