using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The kinds behind trial 28's classification findings, generated in bulk with names in English, French, German and
/// Spanish, columns built as each engine's connector describes them; only kinds are asserted, never a trial's rows:
/// bit strings are no national ids (nor any personal category by their values); a spatial type holds coordinates
/// whatever its name (LABELS.md tie-breaker 13: whose place decides location, device position or the organisation's
/// own place); a binary column takes a contact category only when its own name points at one; and the French and
/// Spanish closed compounds of a postal code (<c>codepostal</c>, <c>codigopostal</c>) read as their open forms.
/// </summary>
[TestFixture]
public sealed class Trial28KindAdversarialTests : GeneratedNameFixture
{
    private static ColumnEvidence Typed(string table, string[] siblings, string column, string declaredType, TypeFamily family, string? hint,
        IReadOnlyList<string> values) => new()
    {
        Table = table,
        TableColumns = [.. siblings, column],
        Column = new ColumnInfo { Name = column, Ordinal = siblings.Length + 1, DeclaredType = declaredType, Family = family, SamplingHint = hint },
        Sampled = true,
        SampledRows = values.Count,
        Values = values,
    };

    private static string Bits(Random random, int length) => string.Create(length, random, (span, r) =>
    {
        for (int i = 0; i < span.Length; i++) span[i] = r.Next(2) == 0 ? '0' : '1';
    });

    // ---- bit strings ---------------------------------------------------------------------------------------------

    [TestCase(1)]
    [TestCase(2)]
    public void BinaryDigits_NeverPassTheNationalIdCheck(int seed)
    {
        var random = new Random(seed);
        var suite = Rules.Detectors;
        int hits = 0, values = 0;
        foreach (var family in new[] { TypeFamily.Other, TypeFamily.Text, TypeFamily.Untyped })
            for (int i = 0; i < 4000; i++, values++)
                if (suite.IsMatch("detector.national-id", Bits(random, random.Next(8, 22)), family)) hits++;
        Assert.That(hits, Is.Zero, $"{hits} of {values} runs of binary digits passed a national-id check");
    }

    private static readonly string[] BitNames =
    [
        "flags", "permissions", "mask", "options", "status_bits", "feature_flags", "access_mask", "weekdays",
        "drapeaux", "droits", "masque", "options_bits", "jours_ouvres",
        "rechte", "maske", "optionen", "kennzeichen", "wochentage",
        "permisos", "mascara", "opciones", "banderas", "dias_laborables",
    ];
    private static readonly (string Table, string[] Siblings)[] PersonTables =
    [
        ("users", ["id", "email", "first_name"]), ("clients", ["id", "nom", "prenom", "adresse"]),
        ("teilnehmer", ["id", "vorname", "nachname", "email"]), ("clientes", ["id", "nombre", "apellido", "dni"]),
        ("organisateurs", ["id", "raison_sociale", "siret", "adresse"]), ("accounts", ["id", "username", "phone"]),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void BitStringColumns_AreNone_NeverPersonalByTheirValues(int seed)
    {
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            var (table, siblings) = PersonTables[c % PersonTables.Length];
            int width = Pick(random, ["5", "8", "11", "12", "16", "24", "32"]) is var w ? int.Parse(w, CultureInfo.InvariantCulture) : 8;
            var values = Enumerable.Range(0, random.Next(40, 200)).Select(_ => Bits(random, width)).ToArray();
            var name = BitNames[c % BitNames.Length];
            // MariaDB/MySQL BIT(n) as the connector describes it, or PostgreSQL bit(n) / bit varying(n)
            columns.Add((c % 3) switch
            {
                0 => Typed(table, siblings, name, $"bit({width})", TypeFamily.Other, "bit", values),
                1 => Typed(table, siblings, name, $"bit({width})", TypeFamily.Other, null, values),
                _ => Typed(table, siblings, name, $"bit varying({width})", TypeFamily.Other, null, values),
            });
        }
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory != "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} {p.First.Column.DeclaredType} → {p.Second.DataCategory}").ToList();
        var detectorHits = decisions.Count(d => d.Evidence.Any(e => e.Kind == "detector" && e.Matched > 0));
        using (Assert.EnterMultipleScope())
        {
            AssertNoneWrong(wrong, 400, "bit-string columns not none");
            Assert.That(detectorHits, Is.Zero, "no value detector reads bits");
        }
    }

    [TestCase(1)]
    public void ZeroOneStringsInTextColumns_GiveNoNationalIdEvidence(int seed)
    {
        // Any column whose values are only 0/1 strings (a bit mask kept in a varchar), whatever its type.
        var random = new Random(seed);
        int withHits = 0;
        for (int c = 0; c < 300; c++)
        {
            var (table, siblings) = PersonTables[c % PersonTables.Length];
            int width = random.Next(8, 22);
            var values = Enumerable.Range(0, random.Next(40, 150)).Select(_ => Bits(random, width)).ToArray();
            var decision = Rules.Classify(Some.InTable(table, siblings, BitNames[c % BitNames.Length], Pick(random, ["varchar(32)", "char(16)", "text"]), values));
            if (decision.DataCategory == "other_personal.national_id" || decision.Evidence.Any(e => e.Id == "detector.national-id" && e.Matched > 0)) withHits++;
        }
        Assert.That(withHits, Is.Zero, $"{withHits} of 300 columns of 0/1 strings had national-id hits");
    }

    // ---- spatial types -------------------------------------------------------------------------------------------

    private static readonly (string Declared, TypeFamily Family, string? Hint, Func<Random, string> Value)[] SpatialKinds =
    [
        ("point", TypeFamily.Other, "spatial", r => string.Create(CultureInfo.InvariantCulture, $"POINT({Lng(r)} {Lat(r)})")),          // MySQL/MariaDB
        ("geometry", TypeFamily.Other, "spatial", r => string.Create(CultureInfo.InvariantCulture, $"POINT({Lng(r)} {Lat(r)})")),       // MySQL/MariaDB
        ("polygon", TypeFamily.Other, "spatial", r => string.Create(CultureInfo.InvariantCulture, $"POLYGON(({Lng(r)} {Lat(r)},1 1,2 2,{Lng(r)} {Lat(r)}))")),
        ("geography", TypeFamily.Other, "spatial", r => string.Create(CultureInfo.InvariantCulture, $"POINT ({Lng(r)} {Lat(r)})")),     // SQL Server
        ("geometry(Point,4326)", TypeFamily.Other, null, r => "0101000020E6100000" + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture) + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture)), // PostGIS
        ("geography(Point,4326)", TypeFamily.Other, null, r => "0101000020E6100000" + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture) + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture)),
        ("public.geometry", TypeFamily.Other, null, r => "0101000000" + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture) + r.NextInt64().ToString("X16", CultureInfo.InvariantCulture)),
        ("point", TypeFamily.Other, null, r => string.Create(CultureInfo.InvariantCulture, $"({Lng(r)},{Lat(r)})")),                  // PostgreSQL geometric
    ];

    private static string Lat(Random r) => (r.NextDouble() * 170 - 85).ToString("0.######", CultureInfo.InvariantCulture);
    private static string Lng(Random r) => (r.NextDouble() * 350 - 175).ToString("0.######", CultureInfo.InvariantCulture);

    // Names that say nothing of coordinates, or say something else (position as an order, a place word).
    private static readonly string[] SpatialNames =
    [
        "position", "location", "point", "geom", "shape", "the_geom", "coords", "place", "spot",
        "emplacement", "lieu", "localisation", "point_gps", "forme",
        "standort", "ort", "punkt", "lage", "geometrie",
        "posicion", "ubicacion", "punto", "lugar", "geometria",
    ];

    private static readonly (string Table, string[] Siblings, string Expected)[] SpatialTables =
    [
        ("visits", ["id", "user_id", "visited_at", "ip"], "automatic.geolocation"),
        ("device_pings", ["id", "device_id", "accuracy", "created_at"], "automatic.geolocation"),
        ("besuche", ["id", "kunde_id", "besucht_am"], "automatic.geolocation"),
        ("visitas", ["id", "usuario_id", "fecha"], "automatic.geolocation"),
        ("trajets", ["id", "utilisateur_id", "debut"], "automatic.geolocation"),
        ("customers", ["id", "name", "email", "street"], "other_personal.location"),
        ("clients", ["id", "nom", "prenom", "adresse"], "other_personal.location"),
        ("kunden", ["id", "vorname", "nachname", "strasse"], "other_personal.location"),
        ("clientes", ["id", "nombre", "apellido", "direccion"], "other_personal.location"),
        ("stores", ["id", "name", "opening_hours"], "none"),
        ("magasins", ["id", "nom", "horaires"], "none"),
        ("filialen", ["id", "name", "oeffnungszeiten"], "none"),
        ("tiendas", ["id", "nombre", "horario"], "none"),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void SpatialColumns_AreCoordinates_TheTableSaysWhosePlace(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 520; c++)
        {
            var (table, siblings, expected) = SpatialTables[c % SpatialTables.Length];
            var kind = SpatialKinds[random.Next(SpatialKinds.Length)];
            var values = Enumerable.Range(0, random.Next(20, 120)).Select(_ => kind.Value(random)).ToArray();
            columns.Add((Typed(table, siblings, SpatialNames[c % SpatialNames.Length], kind.Declared, kind.Family, kind.Hint, values), expected));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        // The organisation's own premises: never a location; the rules leave them to annotation (C16).
        static bool Right(string expected, ColumnClassification decision) =>
            expected == "none" ? decision.DataCategory is null or "none" : decision.DataCategory == expected;
        var wrong = columns.Zip(decisions).Where(p => !Right(p.First.Expected, p.Second))
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} {p.First.Column.Column.DeclaredType} → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}")
            .ToList();
        var premisesByRules = columns.Where(c => c.Expected == "none").Select(c => Rules.Classify(c.Column).DataCategory).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong.Count, Is.LessThanOrEqualTo(5), $"{wrong.Count} of {columns.Count} spatial columns: {string.Join("; ", wrong.Take(12))}");
            Assert.That(premisesByRules, Has.All.Null, "the rules leave the organisation's own places to annotation (C16)");
        }
    }

    [TestCase(1)]
    public void SpatialColumnsNotSampled_StillReadAsCoordinatesInAPersonsRecord(int seed)
    {
        // Names and types only (an unreadable table): the type says coordinates, the table whose.
        var random = new Random(seed);
        int right = 0, columns = 0;
        foreach (var (table, siblings, expected) in SpatialTables.Where(t => t.Expected == "other_personal.location"))
            foreach (var name in SpatialNames)
            {
                var kind = SpatialKinds[random.Next(SpatialKinds.Length)];
                var column = Typed(table, siblings, name, kind.Declared, kind.Family, kind.Hint, []) with { Sampled = false, NotSampled = NotSampledReason.NoPrivilege };
                columns++;
                if (Rules.Classify(column).DataCategory == expected) right++;
            }
        Assert.That(right, Is.EqualTo(columns), $"{right} of {columns} unsampled spatial columns of a person's record read as its location by the rules");
    }

    // ---- binary columns and contact categories -------------------------------------------------------------------

    private static ColumnEvidence Binary(string table, string[] siblings, string column, string type, long[]? lengths) => new()
    {
        Table = table,
        TableColumns = [.. siblings, column],
        Column = new ColumnInfo { Name = column, Ordinal = siblings.Length + 1, DeclaredType = type, Family = TypeFamily.Binary, SamplingHint = "binary" },
        Sampled = false,
        NotSampled = NotSampledReason.Binary,
        BinaryLengths = lengths,
    };

    // Files and images: mostly kilobytes to megabytes, a few small icons.
    private static long[] FileLengths(Random random) =>
        Enumerable.Range(0, random.Next(5, 60)).Select(_ => random.Next(10) == 0 ? (long)random.Next(300, 2_000) : random.Next(4_000, 2_000_000)).ToArray();

    // Contact data encrypted into bytes (an AEAD envelope of a name, an address line, an e-mail): tens to hundreds of bytes.
    private static long[] EncryptedTextLengths(Random random) =>
        Enumerable.Range(0, random.Next(5, 60)).Select(_ => (long)random.Next(28, 700)).ToArray();

    private static readonly (string Table, string[] Siblings)[] AddressRecords =
    [
        ("organisateurs", ["id", "raison_sociale", "adresse", "code_postal", "ville", "telephone", "email"]),
        ("customers", ["id", "name", "street", "city", "postal_code", "phone", "email"]),
        ("kunden", ["id", "name", "strasse", "plz", "ort", "telefon", "email"]),
        ("clientes", ["id", "nombre", "direccion", "codigo_postal", "ciudad", "telefono", "correo"]),
        ("contacts", ["id", "first_name", "last_name", "address_line1", "zip", "mobile"]),
        ("fournisseurs", ["id", "nom", "rue", "cp", "ville", "tel"]),
        ("address", ["id", "line1", "line2", "city", "zip", "country"]),
    ];
    private static readonly string[] BlobNames =
    [
        "logo", "image", "picture_data", "banner", "thumbnail", "pdf", "document", "scan", "signature_image", "blob", "payload",
        "logo_data", "fichier", "miniature", "vignette", "bild", "datei", "vorschau", "imagen", "archivo", "miniatura", "contenido",
        "line3", "details", "billing_details", "adresse_chiffree", "anschrift_daten", "direccion_cifrada",
    ];
    private static readonly string[] BinaryTypes = ["mediumblob", "longblob", "blob", "bytea", "varbinary(max)", "image", "varbinary(8000)"];

    [TestCase(1)]
    [TestCase(2)]
    public void BinaryColumnsOfFiles_NeverTakeAContactCategory_WhateverTheirTableOrName(int seed)
    {
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 480; c++)
        {
            var (table, siblings) = AddressRecords[c % AddressRecords.Length];
            columns.Add(Binary(table, siblings, BlobNames[c % BlobNames.Length], Pick(random, BinaryTypes), FileLengths(random)));
        }
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory is { } d && DataCategory.TopLevelOf(d) == "contact")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} {p.First.Column.DeclaredType} → {p.Second.DataCategory}").ToList();
        AssertNoneWrong(wrong, columns.Count, "binary columns of files given a contact category");
    }

    [TestCase(1)]
    public void EncryptedContactBytes_ShortValues_KeepWhatTheCombinationReads(int seed)
    {
        // LABELS.md: encrypted columns are labelled by what they hold; the gate never touches short values.
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 200; c++)
        {
            var (table, siblings) = AddressRecords[c % AddressRecords.Length];
            columns.Add(Binary(table, siblings, BlobNames[c % BlobNames.Length], Pick(random, BinaryTypes), EncryptedTextLengths(random)));
        }
        var withLengths = Combined.ClassifyMany(columns);
        var namesOnly = Combined.ClassifyMany(columns.Select(c => c with { BinaryLengths = null }).ToArray());
        var gated = withLengths.Concat(namesOnly).Count(d => d.Evidence.Any(e => e.Id == CombinedClassifier.BinaryFilesGate));
        Assert.That(gated, Is.Zero, "short binary values and unsampled lengths are never gated as files");
    }

    [TestCase("customers", "email", "bytea")]
    [TestCase("customers", "phone", "bytea")]
    [TestCase("kunden", "email", "varbinary(256)")]
    public void EncryptedContactBytes_NamedForTheirContent_StayContact(string table, string column, string type)
    {
        var decision = Combined.Classify(Binary(table, ["id", "name", "created_at"], column, type, EncryptedTextLengths(new Random(3))));
        Assert.That(decision.DataCategory is { } d ? DataCategory.TopLevelOf(d) : null, Is.EqualTo("contact"), decision.DataCategory);
    }

    // ---- closed compounds of a postal code ----------------------------------------------------------------------

    private static readonly string[] ClosedPostalNames = ["codepostal", "CodePostal", "codepostal_client", "codigopostal", "CodigoPostal", "codigopostal_envio"];
    private static readonly string[] WholeTypes = ["int", "integer", "int(11)", "mediumint", "decimal(5,0)", "numeric(5,0)"];

    [TestCase(1)]
    [TestCase(2)]
    public void ClosedCompoundPostalCodes_InAddressRecords_AreRead_AsTheirOpenForms(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 360; c++)
        {
            var (table, siblings) = AddressRecords[c % AddressRecords.Length];
            var name = ClosedPostalNames[c % ClosedPostalNames.Length];
            bool text = c % 4 == 3;
            var codes = Enumerable.Range(0, random.Next(30, 120)).Select(_ => random.Next(1000, 99_999).ToString(text ? "00000" : "0", CultureInfo.InvariantCulture)).ToArray();
            var type = text ? Pick(random, ["varchar(10)", "char(5)"]) : Pick(random, WholeTypes);
            columns++;
            var category = Rules.Classify(Some.InTable(table, siblings.Where(s => !s.Contains("postal", StringComparison.Ordinal) && s is not ("plz" or "zip" or "cp")).ToArray(), name, type, codes)).DataCategory;
            if (category != "contact.postal_address") wrong.Add($"{table}.{name} {type} → {category ?? "untagged"}");
        }
        AssertNoneWrong(wrong, columns, "closed-compound postal codes");
    }
}
