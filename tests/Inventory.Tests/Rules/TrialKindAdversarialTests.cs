using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6 (a newcomer's trial scans), generated in bulk from seeded generators: national identifiers with a
/// fixed national format are never phone numbers; low-variety personal columns are never <c>none</c> with confidence;
/// prose is labelled by what its column and table say it is about. Only kinds and rates are asserted, never rows, and
/// failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class TrialKindAdversarialTests : GeneratedNameFixture
{
    // ---- national identifiers ---------------------------------------------------------------------------------------

    /// <summary>A US SSN NNN-NN-NNNN in the SSA's issuable ranges (area 001–899 except 666, group 01–99, serial 0001–9999).</summary>
    internal static string UsSsn(Random random, bool dashes = true)
    {
        int area;
        do area = random.Next(1, 900); while (area == 666);
        int group = random.Next(1, 100), serial = random.Next(1, 10000);
        return dashes ? string.Create(CultureInfo.InvariantCulture, $"{area:000}-{group:00}-{serial:0000}")
            : string.Create(CultureInfo.InvariantCulture, $"{area:000}{group:00}{serial:0000}");
    }

    /// <summary>A UK National Insurance number (HMRC NIM39110): two prefix letters (not D, F, I, Q, U, V; second not O;
    /// not BG, GB, KN, NK, NT, TN, ZZ), six digits, a suffix A–D; written compact or in pairs.</summary>
    internal static string UkNino(Random random)
    {
        const string first = "ABCEGHJKLMNOPRSTWXYZ", second = "ABCEGHJKLMNPRSTWXYZ";
        string prefix;
        do prefix = $"{first[random.Next(first.Length)]}{second[random.Next(second.Length)]}";
        while (prefix is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ");
        int digits = random.Next(0, 1_000_000);
        char suffix = "ABCD"[random.Next(4)];
        var d = digits.ToString("000000", CultureInfo.InvariantCulture);
        return random.Next(2) == 0 ? $"{prefix}{d}{suffix}" : $"{prefix} {d[..2]} {d[2..4]} {d[4..]} {suffix}";
    }

    /// <summary>A French NIR (INSEE): sex, year, month, département, commune, order, then the key 97 − (number mod 97).</summary>
    internal static string FrNir(Random random, bool spaced)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $"{random.Next(1, 3)}{random.Next(0, 100):00}{random.Next(1, 13):00}{random.Next(1, 96):00}{random.Next(1, 1000):000}{random.Next(1, 1000):000}");
        long key = 97 - long.Parse(body, CultureInfo.InvariantCulture) % 97;
        var k = key.ToString("00", CultureInfo.InvariantCulture);
        return spaced ? $"{body[0]} {body[1..3]} {body[3..5]} {body[5..7]} {body[7..10]} {body[10..]} {k}" : body + k;
    }

    /// <summary>A Spanish DNI (8 digits and the mod-23 letter) or NIE (X/Y/Z, 7 digits, letter).</summary>
    internal static string EsDniNie(Random random)
    {
        const string letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        if (random.Next(3) == 0)
        {
            int lead = random.Next(3), n = random.Next(0, 10_000_000);
            return string.Create(CultureInfo.InvariantCulture, $"{"XYZ"[lead]}{n:0000000}{letters[(lead * 10_000_000 + n) % 23]}");
        }
        int number = random.Next(0, 100_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"{number:00000000}{(random.Next(2) == 0 ? "-" : "")}{letters[number % 23]}");
    }

    /// <summary>A German tax identification number (Steueridentifikationsnummer): 11 digits, the first not 0, one digit of
    /// the first ten repeated, the last an ISO 7064 MOD 11,10 check digit.</summary>
    internal static string DeTaxId(Random random)
    {
        var digits = Enumerable.Range(0, 10).OrderBy(_ => random.Next()).ToList();
        if (digits[0] == 0) (digits[0], digits[1]) = (digits[1], digits[0]);
        digits[9] = digits[random.Next(1, 9)]; // one digit twice, one missing
        int product = 10;
        foreach (var d in digits)
        {
            int sum = (d + product) % 10;
            if (sum == 0) sum = 10;
            product = sum * 2 % 11;
        }
        int check = 11 - product;
        if (check == 10) check = 0;
        return string.Concat(digits) + check.ToString(CultureInfo.InvariantCulture);
    }

    // The German tax id is also a tax identifier: under a tax name financial.tax_id is a right label too.
    private static readonly Func<Random, string> DeTaxIdValue = DeTaxId;

    private static readonly (string[] Names, Func<Random, string> Value)[] NationalIds =
    [
        (["ssn", "social_security_number", "us_ssn", "ssn_number", "employee_ssn"], r => UsSsn(r)),
        (["ssn", "social_security_number", "ssn_digits"], r => UsSsn(r, dashes: false)),
        (["ni_number", "nino", "national_insurance_number", "ni_no"], UkNino),
        (["nir", "numero_secu", "numero_securite_sociale", "nss"], r => FrNir(r, r.Next(2) == 0)),
        (["dni", "nie", "documento_identidad", "dni_nie"], EsDniNie),
        (["steuer_id", "steuerid", "steuer_identifikationsnummer", "tax_identification_number"], DeTaxIdValue),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void NationalIdentifiers_UnderNationalIdNames_AreNationalIdsNeverPhones(int seed)
    {
        var random = new Random(seed);
        var phones = new List<string>();
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 60; c++)
        {
            var (names, generate) = NationalIds[c % NationalIds.Length];
            var name = Pick(random, names);
            int rows = random.Next(300, 501);
            var column = Some.Column(Pick(random, ["employees", "customers", "patients", "persons", "staff"]), name, "character varying(32)",
                Enumerable.Range(0, rows).Select(_ => generate(random)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            columns++;
            if (category == "contact.phone") phones.Add($"{column.Table}.{name}");
            if (category != "other_personal.national_id" && !(generate == DeTaxIdValue && category == "financial.tax_id")) wrong.Add($"{column.Table}.{name} → {category}");
        }
        Assert.Multiple(() =>
        {
            AssertNoneWrong(phones, columns, "national-identifier columns called phone numbers");
            AssertNoneWrong(wrong, columns, "national-identifier columns not called national ids");
        });
    }

    [Test]
    public void PhoneDetector_RejectsNationalIdentifierShapes()
    {
        var random = new Random(7);
        foreach (var (names, generate) in NationalIds)
        {
            if (names.Contains("ssn_digits")) continue; // see NationalIdentifiers_UnderNeutralNames_AreNotPhones
            var values = Enumerable.Range(0, 2000).Select(_ => generate(random)).ToArray();
            var result = Inventory.Rules.Detectors.DetectorSuite.Default.Run(values, Inventory.Catalog.TypeFamily.Text);
            Assert.That(result.Ratio("detector.phone"), Is.LessThan(0.05), $"phone detector over 2000 generated {names[0]} values");
        }
    }

    [Test]
    public void NationalIdentifiers_UnderNeutralNames_AreNotPhones()
    {
        var random = new Random(3);
        var phones = new List<string>();
        for (int c = 0; c < 60; c++)
        {
            var (names, generate) = NationalIds[c % NationalIds.Length];
            // Nine bare digits are an SSN or a Spanish national phone number alike: without a name they are not decidable.
            if (names.Contains("ssn_digits")) continue;
            var column = Some.Column("records", Pick(random, ["ref", "code", "identifier_value", "external_ref"]), "character varying(32)",
                Enumerable.Range(0, 300).Select(_ => generate(random)).ToArray());
            if (Rules.Classify(column).DataCategory == "contact.phone") phones.Add($"{column.Column.Name} ({names[0]} values)");
        }
        AssertNoneWrong(phones, 50, "national-identifier columns called phone numbers");
    }

    // ---- low-variety personal columns -------------------------------------------------------------------------------

    private static readonly string[] FirstNames =
    [
        "Camille", "Julien", "Sophie", "Nicolas", "Claire", "Thomas", "Isabelle", "Mathieu", "Lukas", "Anna", "Jonas", "Lena", "Sofia",
        "Javier", "Lucia", "Carmen", "Pablo", "Emily", "James", "Olivia", "Daniel", "Grace", "Henry", "Chloe", "Marie", "Pierre",
    ];
    private static readonly string[] LastNames =
    [
        "Roux", "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Fournier", "Girard", "Schmidt", "Weber", "Becker", "Hoffmann",
        "Garcia", "Lopez", "Fernandez", "Sanchez", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Petit", "Lambert",
    ];

    private static string[] Pool(Random random, int size, Func<Random, string> person)
    {
        var pool = new HashSet<string>(StringComparer.Ordinal);
        while (pool.Count < size) pool.Add(person(random));
        return [.. pool];
    }

    // Kind 0: practitioners (Dr/Pr + surname); 1: staff first names; 2: full names of recipients.
    private static readonly (string[] Tables, string[] Names, Func<Random, string> Person, int MinPool, int MaxPool)[] PersonKinds =
    [
        (["consultations", "rendez_vous", "appointments", "patient_visits"], ["praticien", "practitioner", "doctor", "medecin", "arzt", "medico", "physician"],
            r => $"{Pick(r, ["Dr", "Dr.", "Pr", "Dr"])} {Pick(r, LastNames)}", 2, 6),
        (["notes", "tickets", "comments", "journal", "case_notes"], ["auteur", "author", "redacteur", "verfasser", "autor", "written_by"],
            r => Pick(r, FirstNames), 2, 8),
        (["shipments", "orders", "deliveries", "parcels", "envios"], ["recipient", "destinataire", "empfaenger", "destinatario", "ship_to", "recipient_name"],
            r => $"{Pick(r, FirstNames)} {Pick(r, LastNames)}", 5, 80),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void LowVarietyPersonNames_AreNames_NeverConfidentNone(int seed)
    {
        var random = new Random(seed);
        var confidentNone = new List<string>();
        var notNames = new List<string>();
        int columns = 0;
        for (int c = 0; c < 90; c++)
        {
            var (tables, names, person, min, max) = PersonKinds[c % PersonKinds.Length];
            var pool = Pool(random, random.Next(min, max + 1), person);
            int rows = random.Next(60, 400);
            var column = Some.Column(Pick(random, tables), Pick(random, names), "character varying(120)",
                Enumerable.Range(0, rows).Select(_ => Pick(random, pool)).ToArray());
            var result = Combined.Classify(column);
            columns++;
            if (result.DataCategory == "none" && result.Confidence >= 0.8)
                confidentNone.Add($"{column.Table}.{column.Column.Name} ({pool.Length} distinct) none {result.Confidence:0.00}");
            if (result.DataCategory != "contact.name") notNames.Add($"{column.Table}.{column.Column.Name} ({pool.Length} distinct) → {result.DataCategory}");
        }
        Assert.Multiple(() =>
        {
            AssertNoneWrong(confidentNone, columns, "person-name columns called none at ≥ 0.8");
            Assert.That(notNames.Count, Is.LessThanOrEqualTo(columns / 20), $"person-name columns not called names: {string.Join("; ", notNames)}");
        });
    }

    private static readonly string[] VisitReasons =
    [
        "Douleur thoracique", "Contrôle annuel", "Renouvellement ordonnance", "Vaccination", "Fièvre", "Suivi diabète", "Migraine",
        "Chest pain", "Annual check-up", "Prescription renewal", "Back pain", "Follow-up", "Rückenschmerzen", "Kontrolle", "Dolor de cabeza",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void MedicalVisitReasonPickLists_AreHealth(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 80; c++)
        {
            var pool = Pool(random, random.Next(3, 9), r => Pick(r, VisitReasons));
            var (table, name) = (c % 6) switch
            {
                0 => (Pick(random, ["consultations", "consultation", "rendez_vous_medical"]), "motif"),
                1 => (Pick(random, ["appointments", "patient_visits", "visits", "consultations"]), "visit_reason"),
                2 => (Pick(random, ["appointments", "patients", "encounters"]), "reason_for_visit"),
                3 => (Pick(random, ["rendez_vous", "consultations"]), "motif_consultation"),
                4 => (Pick(random, ["termine", "behandlungen"]), "besuchsgrund"),
                _ => (Pick(random, ["citas", "consultas"]), "motivo_consulta"),
            };
            var column = Some.Column(table, name, "character varying(80)", Enumerable.Range(0, random.Next(60, 300)).Select(_ => Pick(random, pool)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category != "other_personal.health") wrong.Add($"{table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, 80, "visit-reason columns not called health");
    }

    // ---- free text: what the prose is about --------------------------------------------------------------------------

    private static readonly string[] Complaints = ["chest pain", "headache", "abdominal pain", "persistent cough", "lower back pain", "fever",
        "douleur thoracique", "céphalées", "toux persistante", "Rückenschmerzen", "dolor abdominal", "shortness of breath"];
    private static readonly string[] Findings = ["ECG normal", "BP 130/85", "no fever", "lungs clear", "bilan sanguin prescrit",
        "auscultation normale", "follow-up in 2 weeks", "X-ray ordered", "Blutdruck erhöht", "se pauta ibuprofeno", "referred to cardiology"];

    internal static string ClinicalNote(Random random) =>
        $"{Pick(random, Complaints)} since {random.Next(1, 15)} days, {Pick(random, Findings)}; {Pick(random, Findings)}, patient {Pick(random, ["reassured", "to return if worse", "seen with family", "advised rest"])}";

    [TestCase(1)]
    [TestCase(2)]
    public void ClinicalNotes_InCareTablesOrClinicalNames_AreHealth(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 60; c++)
        {
            var (table, name) = (c % 4) switch
            {
                0 => (Pick(random, ["consultations", "consultation", "patient_visits", "encounters"]), Pick(random, ["notes", "note", "comments", "summary"])),
                1 => (Pick(random, ["patients", "patient", "medical_records", "dossier_medical"]), Pick(random, ["notes", "observations", "remarks"])),
                2 => (Pick(random, ["visits", "entries", "records"]), Pick(random, ["clinical_notes", "medical_notes", "symptoms", "anamnesis"])),
                _ => (Pick(random, ["consultas", "behandlungen", "consultations"]), Pick(random, ["observaciones", "notizen", "observations"])),
            };
            var column = Some.Column(table, name, "text", Enumerable.Range(0, 300).Select(_ => ClinicalNote(random)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category != "other_personal.health") wrong.Add($"{table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, 60, "clinical-note columns not called health");
    }

    private static readonly string[] Exceptions = ["NullReferenceException", "InvalidOperationException", "java.lang.IllegalStateException",
        "TimeoutError", "KeyError", "SQLSTATE[23000]", "ECONNREFUSED", "ArgumentOutOfRangeException"];
    private static readonly string[] Failures = ["Object reference not set to an instance of an object", "Connection timed out after 30000 ms",
        "Sequence contains no elements", "duplicate key value violates unique constraint", "could not connect to upstream server",
        "Index was outside the bounds of the array", "unexpected end of JSON input while parsing the response"];

    internal static string ErrorMessage(Random random) =>
        $"{Pick(random, Exceptions)}: {Pick(random, Failures)} in {Pick(random, ["OrderService", "SyncJob", "InvoiceExporter", "WebhookHandler"])}.{Pick(random, ["Submit", "Run", "Export", "Handle"])}() (attempt {random.Next(1, 6)})";

    internal static string StackTrace(Random random) =>
        string.Join("\n", Enumerable.Range(0, random.Next(2, 6)).Select(i =>
            $"   at App.{Pick(random, ["Orders", "Billing", "Sync"])}.{Pick(random, ["Service", "Worker", "Handler"])}.{Pick(random, ["Run", "Save", "Load"])}() in /src/{Pick(random, ["Orders", "Billing"])}.cs:line {random.Next(10, 900)}"))
        + $"\n{Pick(random, Exceptions)}: {Pick(random, Failures)}";

    internal static string TemplateBody(Random random) =>
        $"{Pick(random, ["Hello", "Hi", "Bonjour", "Hallo"])} {{{{first_name}}}}, {Pick(random, ["your order {{order_id}} has shipped", "we miss you! Here is {{discount}} off your next purchase", "your subscription renews on {{renewal_date}}", "thanks for joining our newsletter"])}. {Pick(random, ["See you soon", "The team", "Click {{link}} to unsubscribe", "Reply to this e-mail for help"])}.";

    [TestCase(1)]
    [TestCase(2)]
    public void SystemText_ErrorsTracesTemplates_AreNeverCustomerMessages(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 90; c++)
        {
            var (table, name, generate) = (c % 3) switch
            {
                0 => (Pick(random, ["job_runs", "sync_errors", "webhook_deliveries", "imports"]), Pick(random, ["error_message", "error", "exception_message", "last_error", "failure_reason"]), (Func<Random, string>)ErrorMessage),
                1 => (Pick(random, ["error_logs", "exceptions", "job_failures"]), Pick(random, ["stack_trace", "stacktrace", "traceback", "exception_trace", "backtrace"]), StackTrace),
                _ => (Pick(random, ["email_templates", "campaigns", "notification_templates"]), Pick(random, ["template_body", "body_template", "template_html", "template_text"]), TemplateBody),
            };
            var column = Some.Column(table, name, "text", Enumerable.Range(0, 300).Select(_ => generate(random)).ToArray());
            var result = Combined.Classify(column);
            if (result.DataCategory == "customer_content.message") wrong.Add($"{table}.{name} → message {result.Confidence:0.00}");
        }
        AssertNoneWrong(wrong, 90, "error, trace and template columns called customer messages");
    }

    [Test]
    public void UserProse_UnderMessageNames_StaysCustomerContent()
    {
        var random = new Random(5);
        var wrong = new List<string>();
        for (int c = 0; c < 40; c++)
        {
            var column = Some.Column(Pick(random, ["tickets", "messages", "reviews", "comments"]), Pick(random, ["body", "message", "comment", "content"]), "text",
                Enumerable.Range(0, 200).Select(_ => $"{Pick(random, ["Hi,", "Hello,", "Bonjour,"])} {Pick(random, ["my parcel never arrived", "the app crashes when I log in", "great service, thanks", "can I change my delivery address"])} {Pick(random, ["since Monday", "again", "please help", "thank you"])} ({random.Next(1000)})").ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category != "customer_content.message") wrong.Add($"{column.Table}.{column.Column.Name} → {category}");
        }
        AssertNoneWrong(wrong, 40, "user-prose columns not called customer content");
    }

    // ---- health names over the model --------------------------------------------------------------------------------

    private static readonly string[] DiagnosisCodes = ["I10", "E11.9", "J45.909", "M54.5", "K21.0", "F32.1", "N39.0", "R51", "Z00.00", "G43.909"];
    private static readonly string[] Diagnoses = ["Hypertension", "Type 2 diabetes", "Asthma", "Low back pain", "Reflux", "Depression", "Migraine", "Otitis"];

    [TestCase(1)]
    [TestCase(2)]
    public void HealthNames_AreHealth_SampledOrNot(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        var names = new[] { "diagnosis", "diagnosis_code", "allergies", "medical_condition", "blood_type", "medication", "diagnostic", "diagnose" };
        var tables = new[] { "patients", "consultations", "visits", "employees", "members", "claims" };
        for (int c = 0; c < 96; c++)
        {
            var table = Pick(random, tables);
            var name = Pick(random, names);
            var column = (c % 3) switch
            {
                0 => Some.Unsampled(table, name, "text"),
                1 => Some.Column(table, name, "character varying(16)", Enumerable.Range(0, random.Next(40, 300)).Select(_ => Pick(random, DiagnosisCodes)).ToArray()),
                _ => Some.Column(table, name, "text", Enumerable.Range(0, random.Next(40, 300)).Select(_ => Pick(random, Diagnoses)).ToArray()),
            };
            var result = Combined.Classify(column);
            if (result.DataCategory != "other_personal.health" || result.Confidence < 0.5)
                wrong.Add($"{table}.{name} ({(c % 3 == 0 ? "unsampled" : "sampled")}) → {result.DataCategory} {result.Confidence:0.00}");
        }
        AssertNoneWrong(wrong, 96, "health-named columns not called health with confidence ≥ 0.5");
    }

    [Test]
    public void Enumerations_KeepTheirOwnConfidence()
    {
        var random = new Random(9);
        string[][] pools = [["active", "suspended", "closed"], ["red", "green", "blue", "black"], ["free", "pro", "enterprise"]];
        foreach (var pool in pools)
        {
            var column = Some.Column("accounts", Pick(random, ["status", "colour", "plan_tier"]), "character varying(16)",
                Enumerable.Range(0, 120).Select(_ => Pick(random, pool)).ToArray());
            var result = Combined.Classify(column);
            Assert.That(result.DataCategory, Is.EqualTo("none"), column.Column.Name);
            Assert.That(result.Confidence, Is.LessThan(0.9), $"{column.Column.Name}: an enumeration is weak evidence for none");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PersonNameValues_InFewDistinctValues_AreAtMostWeakNone(int seed)
    {
        var random = new Random(seed);
        var strong = new List<string>();
        for (int c = 0; c < 60; c++)
        {
            var pool = Pool(random, random.Next(2, 6), r => $"{Pick(r, FirstNames)} {Pick(r, LastNames)}");
            var column = Some.Column(Pick(random, ["settings", "widgets", "options"]), Pick(random, ["label", "value", "option"]), "character varying(64)",
                Enumerable.Range(0, 80).Select(_ => Pick(random, pool)).ToArray());
            var result = Rules.Classify(column);
            if (result.DataCategory == "none" && result.Confidence > 0.6) strong.Add($"{column.Table}.{column.Column.Name} none {result.Confidence:0.00}");
        }
        AssertNoneWrong(strong, 60, "columns of a few person names called none above 0.6");
    }
}
