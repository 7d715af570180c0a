using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Inventory.Annotations;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Diff;
using Inventory.Reports.Language;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The French record end to end (session 48): over a scanned fleet of SQLite tenants the fleet grouping's words
/// (<c>in 4 sources</c>, <c>; not here:</c>, <c>and N others</c>), the note of a category another activity declares, the
/// views' <c>also readable through</c>, a column's status, a change's kind and a scan issue inside an unresolved reason
/// are French in the French record (Markdown, HTML and the XLSX register), English and unchanged in the English record
/// and the JSON; and the check of <see cref="AnalysisWordingTests.EveryKind_WritesATextInBothLanguages_TheFrenchOneFrench"/>
/// (no English word) holds over the whole French record, the policy's own text (written in French here), names, code
/// spans and the engine's quoted error text aside.</summary>
[TestFixture]
public sealed class FrenchRecordTests
{
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void TearDown() => _files.DeleteAll();

    /// <summary>A policy written in French, as a French DPO writes it: two activities, billing data declared by the second
    /// only, and three claims (one reads a source the scan could not reach).</summary>
    private const string FrenchPolicy = """
        format: 1
        controller:
          name: Fromagerie Dupont SAS
          address: 1 rue du Lac, 74000 Annecy, France
          country: FR
        rights:
          default-retention: autres données supprimées sous 30 jours
        activities:
          - id: gestion-des-comptes
            name: Gestion des comptes clients
            role: controller
            purposes:
              - Créer et administrer les comptes clients.
            legal-basis:
              - article: Art. 6(1)(b)
                detail: exécution du contrat
            data-subjects: [clients]
            data-categories: [contact.email, contact.name, contact.phone]
            recipients: []
            retention:
              - categories: [contact]
                period: durée du compte, puis 30 jours
            security-measures:
              - Accès restreint aux bases de production.
          - id: facturation
            name: Facturation
            role: controller
            purposes:
              - Facturer les services.
            legal-basis:
              - article: Art. 6(1)(c)
                detail: obligations comptables
            data-subjects: [clients]
            data-categories: [financial.billing, financial.tax_id]
            recipients: []
            retention:
              - categories: [financial.billing, financial.tax_id]
                period: 10 ans après la clôture de l'exercice
                basis: Code de commerce, art. L123-22
                erasable: false
            security-measures:
              - Tables en ajout seul.
        claims:
          - id: pas-de-numero-de-carte
            text: Aucun numéro de carte de paiement n'est stocké.
            kind: no-card-number
            parameters:
              detectors: [detector.payment-card]
          - id: chemin-de-suppression
            text: Toute table de données personnelles est effacée avec le compte.
            kind: deletion-path
            parameters:
              roots: [utilisateurs]
              markers: [supprime_le]
        """;

    /// <summary>One annotation for every tenant (no source: the fleet), the invoices annotated with the accounts activity
    /// although only <c>facturation</c> declares billing data.</summary>
    private const string FleetAnnotation = """
        table: utilisateurs
        activity: gestion-des-comptes
        columns:
          id: none
          courriel: contact.email
          nom: contact.name
          telephone: contact.phone
        ---
        table: factures
        activity: gestion-des-comptes
        columns:
          id: none
          utilisateur_id: none
          montant: financial.billing
          siret: financial.tax_id
        """;

    private const int Tenants = 14;

    /// <summary>The fleet scanned twice: before (no annotation, no <c>journal</c> table) and after (annotated, a
    /// <c>journal</c> table in tenant 1), with a source that cannot be opened (a scan issue) in the second scan. Tenant 3
    /// has no <c>telephone</c> column; every tenant has a view over its users.</summary>
    private async Task<(InventoryDocument Previous, InventoryDocument Current)> ScanFleetAsync()
    {
        var paths = new List<string>();
        for (int i = 1; i <= Tenants; i++)
        {
            var path = _files.NewPath("inv_fr48_fleet");
            paths.Add(path);
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE utilisateurs (id INTEGER PRIMARY KEY, courriel TEXT, nom TEXT{(i == 3 ? "" : ", telephone TEXT")});
                CREATE TABLE factures (id INTEGER PRIMARY KEY, utilisateur_id INTEGER REFERENCES utilisateurs(id) ON DELETE CASCADE, montant NUMERIC, siret TEXT);
                CREATE VIEW v_utilisateurs AS SELECT id, courriel FROM utilisateurs;
                INSERT INTO utilisateurs (id, courriel, nom) VALUES (1, 'client{i}@exemple.fr', 'Camille Martin');
                """;
            await command.ExecuteNonQueryAsync();
        }
        List<SourceConfig> Sources() => paths.Select((p, i) => new SourceConfig { Name = $"locataire-{i + 1:D2}", Connection = "sqlite:" + p }).ToList();
        var previous = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = Sources(), SourceParallelism = 2 });
        await using (var connection = new SqliteConnection($"Data Source={paths[0]};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE journal (id INTEGER PRIMARY KEY, evenement TEXT);";
            await command.ExecuteNonQueryAsync();
        }
        var missing = Path.Combine(Path.GetTempPath(), "inv-fr48-" + Guid.NewGuid().ToString("N"), "archives.db");
        var current = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest
        {
            Sources = [.. Sources(), new SourceConfig { Name = "archives", Connection = "sqlite:" + missing }],
            SourceParallelism = 2,
        });
        // The previous inventory was annotated for the users only: the invoices' columns change status since.
        Annotate(previous, FleetAnnotation[..FleetAnnotation.IndexOf("---", StringComparison.Ordinal)]);
        Annotate(current, FleetAnnotation);
        return (previous, current);
    }

    private static void Annotate(InventoryDocument document, string annotation)
    {
        using var dir = new TempFolder();
        dir.Write("fleet.yml", annotation);
        var set = new AnnotationLoader().Load(dir.Path);
        Assert.That(set.Errors, Is.Empty);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
    }

    private static async Task<string> Render(string format, ReportModel model, ReportLanguage language) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format, language), model));

    /// <summary>The English words this session put into French (french47's list of what stayed English), each as the
    /// English record writes it.</summary>
    private static readonly string[] EnglishOfTheRecord =
    [
        $"in {Tenants} sources", " of the ", " holding ", "; not here:", "and 4 others", "no column telephone", "declared by ", "if the table serves",
        "annotate ", "also readable through", "view v_utilisateurs", "table-added", "status-changed", "columns in ", "source not scanned",
        "connection-failed", "nothing of it was read", "| tagged |", "| suggested |", ">tagged<", ">suggested<",
    ];

    /// <summary>A French record with what is not the record's own words taken out: code spans and HTML code (names),
    /// the policy's own text (French here), the engine's error text quoted « … », and label ids.</summary>
    private static string RecordWords(string text)
    {
        // The style sheet's comments are the developers' (not the record's words); HTML entities read as the characters.
        var words = Regex.Replace(text, @"<style>.*?</style>", " ", RegexOptions.Singleline);
        words = System.Net.WebUtility.HtmlDecode(Regex.Replace(words, @"`[^`]*`|<code[^>]*>.*?</code>|<[^>]+>", " "));
        return Regex.Replace(Regex.Replace(words, "« .*? »", " "), @"\b(detector|name|value)\.[\w.-]+", " ");
    }

    [Test]
    public async Task ScannedFleet_FrenchRecord_HoldsNoneOfTheEnglishWords_TheEnglishRecordUnchanged()
    {
        var (previous, current) = await ScanFleetAsync();
        var policy = PolicyDocument.Parse(FrenchPolicy, "politique.yml");
        var model = ReportModel.Build(current, policy, previous: previous);
        var markdown = await Render("md", model, ReportLanguage.French);
        var html = await Render("html", model, ReportLanguage.French);
        var english = await Render("md", model, ReportLanguage.English);
        var json = await Render("json", model, ReportLanguage.French);

        using (Assert.EnterMultipleScope())
        {
            // The fleet is there: a tenant glob's lines, the view, the other activity's category, the scan issue, the changes.
            Assert.That(current.Issues.Select(i => i.Kind), Does.Contain("connection-failed"), "the unreachable source is a scan issue");
            Assert.That(english, Does.Contain($"`utilisateurs.telephone` in {Tenants - 1} of the {Tenants} sources holding utilisateurs (locataire-01 … locataire-{Tenants}); not here: locataire-03: no column telephone"));
            Assert.That(english, Does.Contain("declared by facturation (kept 10 ans après la clôture de l'exercice): if the table serves it too, annotate factures with activity: \\[gestion-des-comptes, facturation\\]"));
            Assert.That(english, Does.Contain("also readable through view v\\_utilisateurs.courriel"));
            Assert.That(english, Does.Contain("source not scanned (connection-failed): nothing of it was read"));
            Assert.That(english, Does.Contain("| table-added | `locataire-01/journal` |").And.Contain("| status-changed |"));
            // The French record has their French words and none of the English ones.
            Assert.That(markdown, Does.Contain($"`utilisateurs.telephone` dans {Tenants - 1} des {Tenants} sources qui contiennent utilisateurs (locataire-01 … locataire-{Tenants}) ; sauf : locataire-03 : pas de colonne telephone"));
            Assert.That(markdown, Does.Contain("déclarée par facturation (conservée 10 ans après la clôture de l'exercice) : si la table sert aussi ce traitement, annotez factures avec activity: \\[gestion-des-comptes, facturation\\]"));
            Assert.That(markdown, Does.Contain("également lisible par la vue v\\_utilisateurs.courriel"));
            Assert.That(markdown, Does.Contain("source non analysée (connexion impossible) : rien n'en a été lu"));
            Assert.That(markdown, Does.Contain("| table ajoutée | `locataire-01/journal` |").And.Contain("| statut modifié |"));
            foreach (var (record, name) in new[] { (markdown, "md"), (html, "html") })
            {
                foreach (var words in EnglishOfTheRecord)
                    Assert.That(record.Replace("\\_", "_", StringComparison.Ordinal), Does.Not.Contain(words), $"{name}: '{words}'");
                var left = AnalysisWordingTests.EnglishWords.Matches(RecordWords(record)).Select(m => m.Value).Distinct().ToList();
                Assert.That(left, Is.Empty, $"{name}: English words left in the French record");
            }
            // The JSON keeps the English, word for word.
            Assert.That(json, Does.Contain("declared by facturation").And.Contain("in 13 of the 14 sources holding utilisateurs").And.Not.Contain("déclarée par"));
        }
        var path = Path.Combine(SharedPaths.Repository, "tests", "Inventory.Tests", "Reports", "Expected", "fleet-sqlite.fr.md");
        // The engine's message names the temporary file: the expected file holds it as a placeholder.
        var stable = Regex.Replace(markdown, @"« sqlite .*? »", "« (message du moteur) »");
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
        {
            await File.WriteAllTextAsync(path, stable, new UTF8Encoding(false));
            Assert.Ignore($"rewrote {path}");
        }
        Assert.That(stable, Is.EqualTo((await File.ReadAllTextAsync(path)).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public async Task ScannedFleet_FrenchRegister_SentencesFrench_FixedWordsFrenchThenEnglish()
    {
        var (previous, current) = await ScanFleetAsync();
        var model = ReportModel.Build(current, PolicyDocument.Parse(FrenchPolicy, "politique.yml"), previous: previous);

        using var stream = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var accounts = register.Single(r => r[1] == "gestion-des-comptes");
        var retention = accounts[Array.IndexOf(register[0], "Durées de conservation")];
        var tables = accounts[^1];
        var columns = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");
        var changes = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Changements");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retention, Does.Contain("↳ financial.billing: déclarée par facturation (conservée 10 ans après la clôture de l'exercice) : si la table sert aussi ce traitement"));
            Assert.That(tables, Does.Contain($"contact.phone: utilisateurs.telephone dans {Tenants - 1} des {Tenants} sources qui contiennent utilisateurs (locataire-01 … locataire-{Tenants}) ; sauf : locataire-03 : pas de colonne telephone"));
            Assert.That(tables, Does.Contain("également lisible par la vue v_utilisateurs.courriel (même donnée)"));
            Assert.That(columns.Where(r => r[1] == "utilisateurs" && r[2] == "courriel").Select(r => r[4]).Distinct(), Is.EqualTo(new[] { "étiquetée (tagged)" }));
            Assert.That(columns.Where(r => r[1] == "utilisateurs" && r[2] == "courriel").Select(r => r[11]).Distinct(), Is.EqualTo(new[] { "annotation" }));
            Assert.That(changes.Select(r => r[0]), Does.Contain("table ajoutée (table-added)").And.Contain("statut modifié (status-changed)"));
            Assert.That(string.Join("\n", register.Concat(columns).Concat(changes).SelectMany(r => r)),
                Does.Not.Contain("declared by").And.Not.Contain("also readable").And.Not.Contain("; not here:").And.Not.Contain(" holding "));
        }
    }

    // ---- the string tables: every status, change kind, issue kind; the fleet's plurals ----

    [Test]
    public void EveryStatusAndChangeKind_HasFrenchWords_TheEnglishTheJsonName()
    {
        var statuses = new[] { "tagged", "conflict", "suggested", "accepted", "untagged" };
        var kinds = Enum.GetValues<ChangeKind>();
        var issueKinds = new[] { "connection-failed", "connection-lost", "shard-missing", "timeout", "no-privilege", "conversion-error", "error", "table-dropped" };
        using (Assert.EnterMultipleScope())
        {
            foreach (var status in statuses)
            {
                Assert.That(AnalysisWording.English.ColumnStatus(status), Is.EqualTo(status));
                Assert.That(AnalysisWording.French.ColumnStatus(status), Is.Not.EqualTo(status).And.Not.Match(AnalysisWordingTests.EnglishWords.ToString()), status);
            }
            foreach (var kind in kinds)
            {
                Assert.That(AnalysisWording.English.ChangeKindName(kind), Is.EqualTo(InventoryDiff.KindName(kind)));
                var french = AnalysisWording.French.ChangeKindName(kind);
                Assert.That(french, Is.Not.EqualTo(InventoryDiff.KindName(kind)).And.Not.Contain("-"), kind.ToString());
            }
            Assert.That(kinds.Select(AnalysisWording.French.ChangeKindName).Distinct().Count(), Is.EqualTo(kinds.Length), "no two kinds read the same");
            foreach (var kind in issueKinds)
            {
                Assert.That(AnalysisWording.English.ScanIssueKind(kind), Is.EqualTo(kind));
                Assert.That(AnalysisWording.French.ScanIssueKind(kind), Is.Not.EqualTo(kind).And.Not.Contain("-"), kind);
            }
            Assert.That(AnalysisWording.French.ScanIssueKind("new-kind"), Is.EqualTo("new-kind"), "a kind the table does not know, as the scanner names it");
            Assert.That(AnalysisWording.French.ColumnStatus("new-status"), Is.EqualTo("new-status"));
        }
    }

    [TestCase(2, 3, FleetPlaces.Sources, null, "in 2 of the 3 sources holding users (a, b)", "dans 2 des 3 sources qui contiennent users (a, b)")]
    [TestCase(12345, 12346, FleetPlaces.Schemas, "app", "in 12345 of the 12346 schemas of app holding users (a, b)", "dans 12\u00A0345 des 12\u00A0346 schémas de app qui contiennent users (a, b)")]
    [TestCase(2, 3, FleetPlaces.Places, null, "in 2 of the 3 places holding users (a, b)", "dans 2 des 3 emplacements qui contiennent users (a, b)")]
    public void FleetWords_Holding_BothLanguages(int places, int holding, FleetPlaces kind, string? source, string english, string french)
    {
        var phrase = new Phrase(w => w.InPlacesHolding(places, holding, kind, source, "users", "a, b"));
        Assert.That((phrase.English, phrase.In(AnalysisWording.French), phrase.Kind), Is.EqualTo((english, french, "InPlacesHolding")));
    }

    [TestCase(1, "and 1 other", "et 1 autre")]
    [TestCase(2, "and 2 others", "et 2 autres")]
    [TestCase(110, "and 110 others", "et 110 autres")]
    public void FleetWords_AndOthers_PluralInBothLanguages(int others, string english, string french)
    {
        var phrase = new Phrase(w => w.AndOthers(others));
        Assert.That((phrase.English, phrase.In(AnalysisWording.French)), Is.EqualTo((english, french)));
    }

    [Test]
    public void GeneratedFleetLines_EveryCount_EnglishAsBefore_FrenchHasNoEnglishWord()
    {
        // Thousands of generated lines in every naming: the English is the text FleetSummary always wrote, the French holds
        // no English word and a space before each colon or semicolon.
        var random = new Random(48);
        using (Assert.EnterMultipleScope())
        {
            for (int n = 0; n < 3000; n++)
            {
                var kind = (FleetPlaces)(n % 3);
                // Every fourth line names every place (no exception); the others leave 1 to 197 places out.
                int holding = random.Next(3, 200), places = n % 4 == 0 ? holding : random.Next(2, holding);
                var source = kind == FleetPlaces.Schemas ? $"app{n}" : null;
                var named = places <= 3 ? string.Join(", ", Enumerable.Range(1, places).Select(i => $"t{i}")) : $"t1 … t{places}";
                var plural = kind switch { FleetPlaces.Sources => "sources", FleetPlaces.Schemas => $"schemas of {source}", _ => "places" };
                var where = places == holding ? new Phrase(w => w.InPlaces(places, kind, source, named)) : new Phrase(w => w.InPlacesHolding(places, holding, kind, source, "clients", named));
                var expected = places == holding ? $"in {places} {plural} ({named})" : $"in {places} of the {holding} {plural} holding clients ({named})";
                var absent = holding - places;
                var exceptions = Enumerable.Range(1, Math.Min(absent, 10)).Select(i => new Phrase(w => w.PlaceHolds($"x{i}", new Phrase(v => v.HoldsNoColumn("tel"))))).ToList();
                if (absent > 10) exceptions.Add(new Phrase(w => w.AndOthers(absent - 10)));
                var notHere = new Phrase(w => w.NotHere(exceptions));
                Assert.That(where.English, Is.EqualTo(expected));
                var french = where.In(AnalysisWording.French) + (absent == 0 ? "" : notHere.In(AnalysisWording.French));
                Assert.That(AnalysisWordingTests.EnglishWords.IsMatch(french), Is.False, french);
                Assert.That(Regex.IsMatch(french, @"\S[:;]\s"), Is.False, french);
                Assert.That(french, Does.StartWith("dans "));
                if (absent == 0) continue;
                Assert.That(notHere.English, Does.StartWith("; not here: x1: no column tel").And.EndWith(absent > 10 ? $"and {absent - 10} other{(absent == 11 ? "" : "s")}" : $"x{absent}: no column tel"));
                Assert.That(french, Does.Contain(" ; sauf : x1 : pas de colonne tel").And.EndWith(absent > 10 ? $"et {absent - 10} autre{(absent == 11 ? "" : "s")}" : $"x{absent} : pas de colonne tel"));
            }
        }
    }

    [TestCase("source not scanned (connection at inventory.yml:5:17, from ${ARCHIVES_DB}): mysql 127.0.0.1:3306/archives: access denied for user 'x'",
        "connexion déclarée à inventory.yml:5:17, depuis ${ARCHIVES_DB} ; erreur : « mysql 127.0.0.1:3306/archives: access denied for user 'x' »", "connection-failed")]
    [TestCase("source not scanned: unable to open database file", "erreur : « unable to open database file »", "connection-failed")]
    [TestCase("shard 2/3 is not among the merged parts: its sources or tables are missing from this inventory",
        "la partie 2/3 n'est pas parmi les parties fusionnées : ses sources ou tables manquent dans cet inventaire", "shard-missing")]
    [TestCase("shard 2/3 is not among the merged parts: source 'billing', which it held, is missing from this inventory",
        "la partie 2/3 n'est pas parmi les parties fusionnées : la source 'billing', qu'elle contenait, manque dans cet inventaire", "shard-missing")]
    [TestCase("shard 2/3 is not among the merged parts: the tables of source 'billing' it held are missing from this inventory",
        "message de l'analyse : « shard 2/3 is not among the merged parts: the tables of source 'billing' it held are missing from this inventory »", "shard-missing")]
    [TestCase("canceling statement due to lock timeout", "message de l'analyse : « canceling statement due to lock timeout »", "timeout")]
    [TestCase("source not scanned (connection at a (b)): x", "message de l'analyse : « source not scanned (connection at a (b)): x »", "connection-failed")]
    public void ScanIssueMessage_TheScannersShapesInFrench_EnglishByteForByte(string message, string french, string kind)
    {
        var phrase = ScanIssueMessage.Of(kind, message);
        Assert.That((phrase.English, phrase.In(AnalysisWording.French)), Is.EqualTo((message, french)));
    }
}
