using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// trial47's kind K1, generated in bulk: French schemas abbreviate connexion (a sign-in) as <c>cnx</c>
/// (<c>derniere_cnx</c>, <c>nb_cnx</c>). The last sign-in time and the sign-in count of an account are
/// <c>automatic.activity</c> (LABELS.md, automatic: "sign-in counts, last sign-in/seen/activity times"), names only as
/// the unabbreviated names are; the connection settings of a configuration table (<c>chaine_cnx</c>, <c>delai_cnx</c>)
/// never become activity.
/// </summary>
[TestFixture]
public sealed class FrenchSignInAbbreviationAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] AccountTables = ["utilisateurs", "comptes", "membres", "clients", "adherents", "abonnes", "usagers"];
    private static readonly string[] AccountSiblings = ["id", "login", "email", "nom", "prenom", "mot_de_passe", "cree_le", "actif"];
    private static readonly string[] Prefixes = ["", "app_", "tbl_", "t_"];

    private static ColumnEvidence Unsampled(string table, string column, string type, string[] siblings) =>
        Some.Unsampled(table, column, type) with { TableColumns = [.. siblings, column] };

    [TestCase(1)]
    [TestCase(2)]
    public void LastSignInAndSignInCountUnderCnx_AreActivity_NamesOnly(int seed)
    {
        var random = new Random(seed);
        (string Name, string[] Types)[] names =
        [
            ("derniere_cnx", ["datetime", "timestamp", "timestamptz"]), ("date_derniere_cnx", ["datetime", "date", "timestamp"]),
            ("derniere_cnx_le", ["datetime", "timestamp"]), ("DerniereCnx", ["datetime"]), ("nb_cnx", ["int", "integer", "smallint"]),
            ("nombre_cnx", ["int", "integer"]), ("nbCnx", ["int"]), ("NB_CNX", ["integer"]),
        ];
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 800; c++)
        {
            var (name, types) = names[c % names.Length];
            var siblings = AccountSiblings.OrderBy(_ => random.Next()).Take(random.Next(3, 7)).ToArray();
            columns.Add(Unsampled(Pick(random, Prefixes) + Pick(random, AccountTables), name, Pick(random, types), siblings));
        }
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory != "automatic.activity")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({p.First.Column.DeclaredType}) → {p.Second.DataCategory} {p.Second.Confidence:0.00}").ToList();
        Assert.That(Rate(wrong.Count, columns.Count), Is.LessThanOrEqualTo(0.01), $"{wrong.Count} of {columns.Count} not activity: {string.Join("; ", wrong.Take(8))}");
    }

    [TestCase(3)]
    [TestCase(4)]
    public void ConnectionSettingsUnderCnx_AreNeverActivity(int seed)
    {
        var random = new Random(seed);
        string[] tables = ["parametres", "configuration", "reglages", "config_bdd", "serveurs"];
        string[] siblings = ["id", "cle", "valeur", "hote", "port", "modifie_le"];
        (string Name, string Type)[] names =
            [("chaine_cnx", "varchar(255)"), ("delai_cnx", "int"), ("timeout_cnx", "int"), ("hote_cnx", "varchar(100)"), ("port_cnx", "int"),
             ("pool_cnx", "int"), ("max_cnx", "int")];
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 700; c++)
        {
            var (name, type) = names[c % names.Length];
            columns.Add(Unsampled(Pick(random, Prefixes) + Pick(random, tables), name, type, siblings.OrderBy(_ => random.Next()).Take(4).ToArray()));
        }
        var decisions = Combined.ClassifyMany(columns);
        var activity = columns.Zip(decisions).Where(p => p.Second.DataCategory == "automatic.activity")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name}").ToList();
        Assert.That(activity, Is.Empty, $"{activity.Count} of {columns.Count} connection settings read as activity");
    }
}
