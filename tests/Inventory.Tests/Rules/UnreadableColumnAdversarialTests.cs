using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (held-back kind of C03/C14): a column whose values the scan tried to read and could not (no column privilege,
/// a timeout, a conversion error, a type it cannot project) is known by its name only. When the name says personal
/// (<c>salary</c>, <c>bonus</c>, <c>gross_pay</c>, <c>bruttogehalt</c>, <c>sueldo_base</c>, an e-mail, an IBAN) the
/// suggestion leans to the name's category, never a confident <c>none</c>; pay and HR bookkeeping beside them
/// (<c>pay_period</c>, <c>salary_grade_id</c>, <c>bonus_eligible</c>, <c>currency</c>) stays <c>none</c>. Generated in bulk
/// over English, French, German and Spanish names, four reasons and three case styles; only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class UnreadableColumnAdversarialTests : GeneratedNameFixture
{
    private static readonly NotSampledReason[] Unreadable =
        [NotSampledReason.NoPrivilege, NotSampledReason.TimedOut, NotSampledReason.Error, NotSampledReason.UnsupportedType];

    private static readonly string[] HrTables =
        ["employees", "staff", "payroll", "salaries", "personnel", "hr_employees", "mitarbeiter", "lohnabrechnung", "salaries_fr",
         "employes", "empleados", "nominas", "payslips", "contracts"];

    // Pay of a person (LABELS.md: salary is financial.billing), snake case.
    private static readonly string[] PayWords =
    [
        "salary", "bonus", "gross_pay", "net_pay", "base_salary", "annual_salary", "monthly_salary", "hourly_rate", "wage", "wages",
        "commission", "overtime_pay", "pay_rate", "gross_salary", "net_salary", "base_pay", "holiday_pay", "hourly_wage", "stipend",
        "salaire", "salaire_brut", "salaire_net", "salaire_annuel", "prime", "primes", "remuneration", "remuneration_brute", "net_a_payer",
        "gehalt", "bruttogehalt", "nettogehalt", "jahresgehalt", "monatsgehalt", "grundgehalt", "lohn", "bruttolohn", "nettolohn",
        "stundenlohn", "praemie", "verguetung",
        "salario", "sueldo", "salario_bruto", "salario_neto", "sueldo_base", "salario_base", "bonificacion", "comision", "retribucion",
    ];

    // Other personal columns of the same records, with the type they are declared with and the category they hold.
    private static readonly (string Name, string Type, string Category)[] OtherPersonal =
    [
        ("email", "character varying(255)", "contact"), ("personal_email", "text", "contact"), ("courriel", "text", "contact"),
        ("telefon", "character varying(40)", "contact"), ("mobile", "character varying(40)", "contact"), ("telefono", "text", "contact"),
        ("iban", "character varying(34)", "financial"), ("bank_account", "text", "financial"), ("kontonummer", "text", "financial"),
        ("date_of_birth", "date", "other_personal"), ("geburtsdatum", "date", "other_personal"), ("fecha_de_nacimiento", "date", "other_personal"),
        ("ssn", "character varying(11)", "other_personal"), ("numero_secu", "text", "other_personal"), ("home_address", "text", "contact"),
        ("first_name", "text", "contact"), ("nachname", "text", "contact"), ("apellidos", "text", "contact"),
    ];

    // Bookkeeping beside the pay: never personal on its own (LABELS.md tie-breaker 2: a name match alone is not enough).
    private static readonly (string Name, string Type)[] LookAlikes =
    [
        ("status", "character varying(20)"), ("currency", "character(3)"), ("currency_code", "character(3)"), ("created_at", "timestamp"),
        ("updated_at", "timestamp with time zone"), ("department_id", "integer"), ("salary_grade_id", "integer"), ("position_id", "bigint"),
        ("pay_period", "character varying(20)"), ("pay_frequency", "character varying(20)"), ("bonus_eligible", "boolean"),
        ("bonus_eligible", "character varying(5)"), ("is_active", "boolean"), ("payroll_run_id", "integer"), ("id", "bigint"),
    ];
    private static ColumnEvidence NotRead(string table, string column, string type, NotSampledReason reason) => new()
    {
        Table = table,
        TableColumns = ["id", "employee_id", "first_name", "last_name", "hire_date", column],
        Column = new ColumnInfo { Name = column, Ordinal = 6, DeclaredType = type, Family = DeclaredTypes.FamilyOf(type) },
        Sampled = false,
        NotSampled = reason,
    };

    [TestCase(1)]
    [TestCase(2)]
    public void UnreadablePersonalColumns_LeanToTheNamesCategory_NeverNone(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 600; c++)
        {
            var reason = Unreadable[c % Unreadable.Length];
            var table = Pick(random, HrTables);
            if (c % 3 == 2)
            {
                var (name, type, category) = OtherPersonal[random.Next(OtherPersonal.Length)];
                columns.Add((NotRead(table, SnakeCamelOrPascal(random, name), type, reason), category));
            }
            else
            {
                var type = Pick(random, ["numeric(12,2)", "decimal(10,2)", "integer", "money", "double precision"]);
                columns.Add((NotRead(table, SnakeCamelOrPascal(random, PayWords[c % PayWords.Length]), type, reason), "financial"));
            }
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var none = new List<string>();
        var wrong = new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            var (column, expected) = columns[i];
            var category = decisions[i].DataCategory is { } d ? DataCategory.TopLevelOf(d) : null;
            var label = $"{column.Table}.{column.Column.Name} ({column.Column.DeclaredType}, {column.NotSampled})";
            if (category is null or "none") none.Add($"{label} → {category ?? "untagged"} {decisions[i].Confidence:0.00}");
            else if (category != expected) wrong.Add($"{label} → {category}");
        }
        Assert.Multiple(() =>
        {
            AssertNoneWrong(none, columns.Count, "unreadable personal columns suggested none");
            AssertNoneWrong(wrong, columns.Count, "unreadable personal columns given another category");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void UnreadableBookkeepingBesidePay_StaysNone(int seed)
    {
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 300; c++)
        {
            var (name, type) = LookAlikes[c % LookAlikes.Length];
            columns.Add(NotRead(Pick(random, HrTables), SnakeCamelOrPascal(random, name), type, Unreadable[random.Next(Unreadable.Length)]));
        }
        var decisions = Combined.ClassifyMany(columns);
        var personal = columns.Zip(decisions)
            .Where(p => p.Second.DataCategory is { } d && d != "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({p.First.Column.DeclaredType}) → {p.Second.DataCategory}").ToList();
        AssertNoneWrong(personal, columns.Count, "unreadable bookkeeping columns called personal");
    }

    [Test]
    public void PayNames_AreBillingByTheirNames_InEveryLanguage()
    {
        var rules = ClassifierFactory.CreateRules();
        var notBilling = PayWords.Where(w => rules.Classify(Some.Unsampled("employees", w, "numeric(12,2)")).DataCategory != "financial.billing").ToList();
        AssertNoneWrong(notBilling, PayWords.Length, "pay names without the billing name rule");
    }
}
