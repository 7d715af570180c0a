using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, the kinds of health and HR data an occupational-health service holds, which an unseen estate read as
/// <c>none</c> at high confidence (trial48 kinds 1 to 4; rules/MODEL.md, <i>(session 48, health48; …)</i>), each asserted
/// in the rules' four languages (EN/FR/DE/ES) against LABELS.md, with the look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>Health facts by their own words: ICD-10 codes, fitness-for-work verdicts, vaccines, blood pressure, hearing
/// tests, sick notes, occupational diseases are <c>other_personal.health</c>.</item>
/// <item>What a record of occupational medicine (a medical examination, a diagnosis, a vaccination) describes, dates,
/// concludes or restricts is <c>other_personal.health</c>; the same words in a software diagnostics table, a service's
/// health check, a vehicle inspection or a job's run never are.</item>
/// <item>Abbreviated employee numbers (<c>num_empleado</c>, <c>pers_nr</c>, <c>ma_nr</c>, <c>num_salarie</c>) in a staff
/// record are <c>other_personal.employment</c>.</item>
/// <item>A German payslip's gross, net and wage tax (<c>brutto</c>, <c>netto</c>, <c>lohnsteuer</c>) are
/// <c>financial.billing</c>; a net or gross weight and a catalogue's gross price never are.</item>
/// <item>The Spanish social-security number abbreviated (<c>num_seg_social</c>) and a public health card's number
/// (<c>tarjeta_sanitaria</c>, <c>carte_vitale</c>) are <c>other_personal.national_id</c>, never a key or a payment card.</item>
/// </list>
/// Names and types only, hundreds of generated columns per test; only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class OccupationalHealthKindsAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TextTypes =
        ["varchar(255)", "varchar(80)", "character varying(120)", "text", "String", "nvarchar(100)", "TEXT", "VARCHAR(80)"];

    private static readonly string[] AnyTypes =
        ["varchar(255)", "text", "integer", "smallint", "date", "timestamp", "boolean", "decimal(5,1)", "tinyint(1)", "longtext"];

    private static readonly string[] DecimalTypes = ["decimal(12,2)", "numeric(10,2)", "DECIMAL(12,2)", "numeric", "decimal(15,4)"];

    private static readonly string[] StaffSiblings = ["id", "created_at", "updated_at"];

    // ---------------------------------------------------------------- health facts by their own words

    private static readonly KindWording[] HealthFactWordings =
    [
        new("en", W("icd 10", "icd 10 code", "diagnosis code", "fitness for work", "fit for work", "unfit for work", "vaccine",
            "systolic", "diastolic", "audiometry", "occupational disease"), ["employees", "staff", "workers", "checkups"]),
        new("fr", W("cim 10", "code cim 10", "aptitude medicale", "avis d aptitude", "inapte", "vaccin", "tension systolique",
            "tension diastolique", "audiometrie", "maladie professionnelle"), ["salaries", "employes", "dossiers", "suivi"]),
        new("de", W("tauglichkeit", "arbeitsmedizinische tauglichkeit", "impfstoff", "blutdruck systolisch",
            "blutdruck diastolisch", "hoertest", "au bescheinigung", "berufskrankheit", "diagnose code"),
            ["mitarbeiter", "beschaeftigte", "akten", "personal"]),
        new("es", W("cie 10", "codigo cie", "codigo diagnostico", "apto para el trabajo", "vacuna", "tension sist",
            "tension diast", "presion sistolica", "audiometria", "enfermedad profesional", "enf profesional"),
            ["trabajadores", "empleados", "expedientes", "fichas"]),
    ];

    [Test]
    public void HealthFactWords_AreHealth_NamesOnly()
    {
        AdversarialColumns.AssertAllAccepted(Rules, new ColumnKind("a health fact of occupational medicine", HealthFactWordings,
            AnyTypes, StaffSiblings, ["other_personal.health"]), 1200, 48800);
    }

    // ---------------------------------------------------------------- a record of occupational medicine

    private static readonly KindWording[] MedicalRecordWordings =
    [
        new("en", W("description", "result", "outcome", "restrictions", "report", "date", "next dose", "certificate", "type"),
            ["medical_exams", "medical_examinations", "occupational_health", "diagnoses", "vaccinations"]),
        new("fr", W("description", "resultat", "conclusion", "restrictions", "date visite", "certificat", "rapport",
            "prochaine visite"), ["visites_medicales", "examens_medicaux", "visite_medicale", "vaccinations"]),
        new("de", W("ergebnis", "bedenken", "beschreibung", "einschraenkungen", "datum", "untersucht am", "bescheinigung",
            "bericht", "naechste untersuchung", "art"), ["vorsorge_untersuchungen", "vorsorgeuntersuchung", "impfungen", "arbeitsmedizin"]),
        new("es", W("descripcion", "resultado", "restricciones", "fecha", "tipo", "dosis", "proxima dosis", "certificado",
            "informe"), ["reconocimientos_medicos", "reconocimiento_medico", "vacunaciones", "diagnosticos"]),
    ];

    [Test]
    public void DescriptiveColumnOfAMedicalRecord_IsHealth_NamesOnly()
    {
        AdversarialColumns.AssertAllAccepted(Rules, new ColumnKind("a descriptive column of a record of occupational medicine",
            MedicalRecordWordings, AnyTypes, ["id", "worker_id", "created_at"], ["other_personal.health"]), 1200, 48810);
    }

    private static readonly KindWording[] SystemRecordWordings =
    [
        new("en", W("description", "result", "outcome", "report", "date", "type", "status"),
            ["diagnostics", "system_diagnostics", "health_checks", "service_health", "vehicle_inspections", "job_runs"]),
        new("fr", W("description", "resultat", "rapport", "date", "type", "statut"),
            ["diagnostics_systeme", "controles_techniques", "inspections", "taches"]),
        new("de", W("ergebnis", "beschreibung", "bericht", "datum", "art", "status"),
            ["systemdiagnose", "fahrzeug_pruefungen", "pruefungen", "inspektionen", "jobs"]),
        new("es", W("descripcion", "resultado", "informe", "fecha", "tipo", "estado"),
            ["diagnosticos_sistema_log", "inspecciones", "inspecciones_vehiculo", "tareas"]),
    ];

    [Test]
    public void SameWordsInASystemOrAVehicleRecord_AreNeverHealth()
    {
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("a descriptive column of a system, job or vehicle record",
            SystemRecordWordings, AnyTypes, ["id", "service", "created_at"], ["none"]), 1200, 48820, "other_personal.health");
        AdversarialColumns.AssertNoneTake(Combined, new ColumnKind("a descriptive column of a system, job or vehicle record",
            SystemRecordWordings, AnyTypes, ["id", "service", "created_at"], ["none"]), 400, 48821, "other_personal.health");
    }

    // ---------------------------------------------------------------- employee numbers

    private static readonly KindWording[] EmployeeNumberWordings =
    [
        new("en", W("employee number", "employee no", "staff number", "payroll number"), ["employees", "staff", "personnel"]),
        new("fr", W("num salarie", "num employe", "matricule", "numero de matricule"), ["salaries", "employes", "personnel"]),
        new("de", W("pers nr", "ma nr", "mitarbeiter nr", "personalnummer"), ["mitarbeiter", "angestellte", "lohnabrechnung"]),
        new("es", W("num empleado", "nro empleado", "num trabajador", "numero de empleado"), ["empleados", "trabajadores", "nominas"]),
    ];

    [Test]
    public void AbbreviatedEmployeeNumber_IsEmployment_NamesOnly()
    {
        AdversarialColumns.AssertAllAccepted(Rules, new ColumnKind("an employee number", EmployeeNumberWordings,
            ["varchar(12)", "varchar(20)", "integer", "text"], ["id", "nombre", "name", "email"], ["other_personal.employment"]), 800, 48830);
    }

    // ---------------------------------------------------------------- payroll amounts

    private static readonly KindWording[] PayrollWordings =
    [
        new("en", W("gross pay", "net pay", "salary", "wage"), ["payslips", "payroll", "contracts"]),
        new("fr", W("remuneration brute", "net a payer", "salaire"), ["bulletins_paie", "paie", "contrats"]),
        new("de", W("brutto", "netto", "lohnsteuer", "brutto monat", "netto monat"), ["lohnabrechnung", "abrechnungen", "vertraege", "gehaelter"]),
        new("es", W("salario", "sueldo", "salario base"), ["nominas", "contratos", "retribuciones"]),
    ];

    [Test]
    public void PayslipAmounts_AreBilling_NamesOnly()
    {
        AdversarialColumns.AssertAllAccepted(Rules, new ColumnKind("a payslip amount", PayrollWordings, DecimalTypes,
            ["id", "employee_id", "period"], ["financial.billing"]), 800, 48840);
    }

    private static readonly KindWording[] WeightWordings =
    [
        new("en", W("net weight", "gross weight"), ["products", "parcels", "shipments"]),
        new("fr", W("poids net", "poids brut"), ["produits", "colis", "expeditions"]),
        new("de", W("netto gewicht", "brutto gewicht", "nettogewicht", "bruttogewicht"), ["produkte", "pakete", "sendungen"]),
        new("es", W("peso neto", "peso bruto"), ["productos", "paquetes", "envios"]),
    ];

    [Test]
    public void NetOrGrossWeight_IsNeverBilling()
    {
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("a net or gross weight", WeightWordings, DecimalTypes,
            ["id", "sku", "label"], ["none"]), 800, 48850, "financial");
        AdversarialColumns.AssertNoneTake(Combined, new ColumnKind("a net or gross weight", WeightWordings, DecimalTypes,
            ["id", "sku", "label"], ["none"]), 400, 48851, "financial");
    }

    [Test]
    public void GrossOrNetPriceOfACatalogue_IsNeverBilling()
    {
        KindWording[] catalogue = [new("de", W("brutto", "netto"), ["produkte", "artikel", "produkt_katalog"])];
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("a catalogue's gross or net price", catalogue, DecimalTypes,
            ["id", "sku", "bezeichnung"], ["none"]), 300, 48855, "financial");
    }

    // ---------------------------------------------------------------- social-security and health-card numbers

    private static readonly KindWording[] NationalNumberWordings =
    [
        new("en", W("social security number", "health card number", "health insurance card number"), ["employees", "patients"]),
        new("fr", W("num secu", "carte vitale", "numero carte vitale"), ["salaries", "patients"]),
        new("de", W("sv nummer", "gesundheitskarte", "elektronische gesundheitskarte", "kvnr"), ["mitarbeiter", "patienten"]),
        new("es", W("num seg social", "numero seg social", "nro seg social", "tarjeta sanitaria", "num tarjeta sanitaria"),
            ["empleados", "trabajadores", "pacientes"]),
    ];

    [Test]
    public void SocialSecurityAndHealthCardNumbers_AreNationalIds_NeverAKeyOrACard()
    {
        var kind = new ColumnKind("a social-security or health-card number", NationalNumberWordings, ["varchar(20)", "varchar(32)", "text"],
            ["id", "nombre", "name"], ["other_personal.national_id"]);
        AdversarialColumns.AssertAllAccepted(Rules, kind, 800, 48860);
        AdversarialColumns.AssertNoneTake(Combined, kind, 400, 48861, "financial.payment_card");
        AdversarialColumns.AssertNoneTake(Combined, kind, 400, 48862, "none");
    }
}
