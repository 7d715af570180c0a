using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>
/// Runs a scan's classification path once on a made-up table, so that the process's first-call costs (types loaded,
/// ReadyToRun fixups resolved, generic instantiations JIT-compiled, static tables such as libphonenumber's metadata and
/// the detectors' lookups built, the name and value memos' first entries) are paid on a background thread while the
/// catalog is read, instead of by the first real batch on the scan's critical path (bench/README.md, 2026-12-06, perf33).
/// The table is synthetic: names in English, French, German and Spanish and values of every detector's shape, all made up
/// or documentation examples (RFC 5737 / 3849 addresses, issuers' test card numbers, the IBAN registry's example); it is
/// never sampled from a database and nothing of it reaches a document, a log or an exception. The classifier's memos
/// cache pure functions, so what the warm-up leaves in them changes no decision.
/// </summary>
public static class ClassificationWarmUp
{
    /// <summary>Rounds over the made-up table: enough for the per-column code to pass the tiered JIT's 30 calls.</summary>
    internal const int Rounds = 2;

    /// <summary>Values per made-up column.</summary>
    internal const int ValuesPerColumn = 24;

    /// <summary>Classifies the made-up table <see cref="Rounds"/> times as the scan's classification stage does (evidence,
    /// one batch, table entry with masked examples, the entry written ahead) and drops the results.</summary>
    /// <param name="classifier">The scan's classifier (thread-safe).</param>
    /// <param name="cancellationToken">Stops between rounds (the scan ended first).</param>
    /// <remarks>Never throws: a failure here is the real scan's to report, when it meets it.</remarks>
    public static void Run(IColumnClassifier classifier, CancellationToken cancellationToken = default)
    {
        try
        {
            var (table, sample) = Table();
            var source = new SourceConfig { Name = "warm-up", Connection = "sqlite::memory:" };
            for (int round = 0; round < Rounds && !cancellationToken.IsCancellationRequested; round++)
            {
                var evidence = TableEntries.Evidence(source, "postgres", table, sample);
                var decisions = classifier.ClassifyMany(evidence);
                var entry = TableEntries.Build("public", table, sample, evidence, decisions, masked: true);
                PrewrittenTable.WriteAhead(entry);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing to do: the scan meets the same code with real tables and records its own issues.
        }
    }

    /// <summary>The made-up table and its sample (exposed to tests: nothing in it may be a real person's data).</summary>
    internal static (TableInfo Table, TableSample Sample) Table()
    {
        var columns = new List<ColumnInfo>();
        var samples = new Dictionary<string, ColumnSample>(StringComparer.Ordinal);
        foreach (var (name, type, family, value) in Columns)
        {
            columns.Add(new ColumnInfo { Name = name, Ordinal = columns.Count + 1, DeclaredType = type, Family = family });
            var values = new string[ValuesPerColumn];
            for (int i = 0; i < values.Length; i++) values[i] = value(i);
            samples[name] = new ColumnSample { Column = name, Values = values, NullCount = 1 };
        }
        var table = new TableInfo
        {
            Schema = "public", Name = "warm_up_clients", Columns = columns, PrimaryKey = ["id"], RowEstimate = ValuesPerColumn + 1,
        };
        return (table, new TableSample { RowCount = ValuesPerColumn + 1, Columns = samples, Method = "warm-up" });
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] People = ["Ada Lovelace", "Jean Dupont", "Erika Mustermann", "Juan Pérez", "Marie Curie", "Hans Müller"];
    private static readonly string[] Cities = ["Paris", "Strasbourg", "Berlin", "München", "Madrid", "Sevilla"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    ];
    private static readonly string[] Cards = ["4111 1111 1111 1111", "5555555555554444", "378282246310005", "4012888888881881"];
    private static readonly string[] Ibans = ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "FR1420041010050500013M02606"];
    private static readonly string[] Phones = ["+33 1 23 45 67 ", "+49 30 1234567", "+34 912 345 6", "(555) 010-01", "06 12 34 56 "];
    private static readonly string[] Texts =
    [
        "Le client a demandé un rappel demain matin.",
        "Bitte die Rechnung an die neue Adresse senden.",
        "Customer asked about the invoice, see ticket.",
        "El pedido llegó con retraso; se ofreció un descuento.",
    ];

    /// <summary>One made-up column per shape the detectors and rules look for, named in the four languages.</summary>
    private static readonly (string Name, string Type, TypeFamily Family, Func<int, string> Value)[] Columns =
    [
        ("id", "bigint", TypeFamily.Integer, i => N(1000 + i)),
        ("email", "varchar(255)", TypeFamily.Text, i => $"user{N(i)}@example.com"),
        ("courriel_contact", "text", TypeFamily.Text, i => $"contact.{N(i)}@example.org"),
        ("telefon", "varchar(32)", TypeFamily.Text, i => Phones[i % Phones.Length] + N(10 + i)),
        ("nombre", "text", TypeFamily.Text, i => People[i % People.Length]),
        ("nom_famille", "text", TypeFamily.Text, i => People[(i + 1) % People.Length].Split(' ')[1]),
        ("strasse", "text", TypeFamily.Text, i => $"{N(i + 1)} Hauptstraße, 10115 {Cities[i % Cities.Length]}"),
        ("adresse_postale", "text", TypeFamily.Text, i => $"{N(i + 1)} rue de la Paix, 75002 Paris"),
        ("iban", "varchar(34)", TypeFamily.Text, i => Ibans[i % Ibans.Length]),
        ("numero_tarjeta", "varchar(19)", TypeFamily.Text, i => Cards[i % Cards.Length]),
        ("ip_address", "inet", TypeFamily.Network, i => $"192.0.2.{N(i + 1)}"),
        ("last_ip", "text", TypeFamily.Text, i => $"2001:db8::{(i + 1).ToString("x", CultureInfo.InvariantCulture)}"),
        ("user_agent", "text", TypeFamily.Text, i => Agents[i % Agents.Length]),
        ("langue", "varchar(8)", TypeFamily.Text, i => (i % 3) switch { 0 => "fr-FR", 1 => "de", _ => "es-ES" }),
        ("geburtsdatum", "date", TypeFamily.Temporal, i => $"19{N(60 + i)}-0{N(1 + i % 9)}-1{N(i % 9)}"),
        ("created_at", "timestamp", TypeFamily.Temporal, i => $"2024-0{N(1 + i % 9)}-1{N(i % 9)} 10:{N(10 + i)}:00"),
        ("montant", "numeric(10,2)", TypeFamily.Decimal, i => $"{N(i * 7 + 3)}.{N(10 + i)}"),
        ("estado", "varchar(16)", TypeFamily.Text, i => (i % 3) switch { 0 => "active", 1 => "pending", _ => "closed" }),
        ("beschreibung", "text", TypeFamily.Text, i => Texts[i % Texts.Length]),
        ("metadata", "jsonb", TypeFamily.Document, i => $"{{\"email\":\"m{N(i)}@example.net\",\"city\":\"{Cities[i % Cities.Length]}\",\"n\":{N(i)}}}"),
        ("numero_tva", "varchar(20)", TypeFamily.Text, i => $"FR{N(10 + i)}123456789"),
        ("password_hash", "text", TypeFamily.Text, i => $"$2b$12$abcdefghijklmnopqrstuv{N(100000 + i)}wxyzABCDEFGHIJKLMNOP"),
        ("uuid", "uuid", TypeFamily.Uuid, i => $"123e4567-e89b-12d3-a456-4266141740{N(10 + i)}"),
        ("is_active", "boolean", TypeFamily.Boolean, i => i % 2 == 0 ? "true" : "false"),
    ];
}
