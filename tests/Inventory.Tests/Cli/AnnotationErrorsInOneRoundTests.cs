using System.Text.RegularExpressions;
using Inventory.Annotations;
using Inventory.Tests.Annotations;
using Inventory.Cli;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>
/// Trial35 finding 9: while a table was annotated twice, the second document's other errors (unknown activity, unknown
/// recipient, a stale column) appeared only once the duplicate was removed, the misspelt category inside a duplicated
/// column pair never (neither entry was validated), and <c>scan</c>/<c>export</c> printed the errors in another order than
/// <c>check</c>. Now one run names every error of every document, once, with <c>file:line:column</c>, in one order
/// (file, line, column), whatever command reads the folder. The folder is generated: one table per language (en, fr,
/// de, es) with the same kinds of mistakes in each, the misspelt category alternately in the first and second entry of
/// the duplicated pair, scanned from a real SQLite file.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AnnotationErrorsInOneRoundTests
{
    /// <summary>Per language: table, an annotated column, the column given twice, a column the table does not have.</summary>
    private static readonly (string Language, string Table, string Kept, string Twice, string Gone)[] Tables =
    [
        ("en", "customers", "email", "phone", "fax_number"),
        ("fr", "clients", "courriel", "telephone", "numero_fax"),
        ("de", "kunden", "email_adresse", "telefon", "faxnummer"),
        ("es", "clientes", "correo", "telefono", "numero_fax"),
    ];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ScratchFolder.Create("inventory-one-round");

    [TearDown]
    public void DeleteFolder() => ScratchFolder.Delete(_folder);

    private static readonly Regex ErrorLine = new(@"^(\S+:\d+:\d+)  invalid-annotation: .+$", RegexOptions.Multiline);

    private static List<string> ErrorLines(string text) => ErrorLine.Matches(text.ReplaceLineEndings("\n")).Select(m => m.Value).ToList();

    /// <summary>The <c>file:line:column</c> of the <paramref name="occurrence"/>-th <paramref name="token"/> in a file's
    /// text, <paramref name="shift"/> columns to its right.</summary>
    private static string At(string relativeFile, string text, string token, int occurrence = 1, int shift = 0)
    {
        var lines = text.Split('\n');
        int seen = 0;
        for (var i = 0; i < lines.Length; i++)
            for (int column = lines[i].IndexOf(token, StringComparison.Ordinal); column >= 0; column = lines[i].IndexOf(token, column + 1, StringComparison.Ordinal))
                if (++seen == occurrence) return $"{relativeFile}:{i + 1}:{column + 1 + shift}";
        throw new InvalidOperationException($"'{token}' not in {relativeFile}");
    }

    /// <summary>Writes the SQLite file, the config and the annotations; returns every error place expected (invalid
    /// annotations) and every stale entry's place.</summary>
    private (List<string> Errors, List<string> Stale) Arrange()
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Concat(Tables.Select(t =>
                $"CREATE TABLE {t.Table} (id INTEGER PRIMARY KEY, {t.Kept} TEXT, {t.Twice} TEXT);" +
                $"INSERT INTO {t.Table} ({t.Kept}, {t.Twice}) VALUES ('x', 'y');"));
            command.ExecuteNonQuery();
        }
        File.WriteAllText(Path.Combine(_folder, "inventory.yml"),
            "sources:\n  - name: app\n    connection: sqlite:app.db\nannotations: annotations\npolicy: builtin\n");
        var errors = new List<string>();
        var stale = new List<string>();
        for (var i = 0; i < Tables.Length; i++)
        {
            var (language, table, kept, twice, gone) = Tables[i];
            var folder = Path.Combine(_folder, "annotations", language);
            Directory.CreateDirectory(folder);
            // The first document for the table: valid.
            var first = $"table: {table}\nactivity: account-management\ncolumns:\n  {kept}: contact.email\n";
            // A second file with a misspelt key only, so errors of several files interleave by name.
            var other = $"table: {table}_archive\ncolums:\n  id: none\n";
            // The second document for the same table, after another table's document: every mistake of the finding.
            var misspeltFirst = i % 2 == 0;
            var second = $"table: users_{language}\ncolumns:\n  id: none\n---\n" +
                         $"table: {table}\nactivity: account-managment\nshared-with: [intercomm]\ncolumns:\n" +
                         $"  {twice}: {(misspeltFirst ? "contact.phnoe" : "contact.phone")}\n" +
                         $"  {twice}: {(misspeltFirst ? "contact.phone" : "contact.phnoe")}\n" +
                         $"  {gone}: {{ category: contact.phone, shared-with: [stripe, intercon] }}\n";
            File.WriteAllText(Path.Combine(folder, "a.yml"), first);
            File.WriteAllText(Path.Combine(folder, "b.yml"), second);
            File.WriteAllText(Path.Combine(folder, "c.yml"), other);
            string b = $"annotations/{language}/b.yml", c = $"annotations/{language}/c.yml";
            errors.Add(At(b, second, $"table: {table}", shift: "table: ".Length));   // annotated twice (at its table name)
            errors.Add(At(b, second, "account-managment"));                         // unknown activity
            errors.Add(At(b, second, "intercomm"));                                 // unknown recipient
            errors.Add(At(b, second, "contact.phnoe"));                             // misspelt, in the duplicated pair
            errors.Add(At(b, second, $"  {twice}:", occurrence: 2, shift: 2));      // the column given twice
            errors.Add(At(b, second, "intercon"));                                  // unknown recipient of the stale entry
            errors.Add(At(c, other, "colums"));                                     // misspelt key of another file
            stale.Add(At(b, second, $"  {gone}:", shift: 2));                       // the column the table lacks
        }
        return (errors.Order(StringComparer.Ordinal).ToList(), stale);
    }

    [Test]
    public void ScanCheckExportAnnotate_SeveralBrokenFiles_EveryErrorOnceInOneOrder()
    {
        // Given four languages' annotation folders, each with a table annotated twice whose second document misnames its
        // activity and a recipient, gives a column twice with one entry misspelt, and names a column the table lacks
        var (expected, stale) = Arrange();

        // When scan, check, export and annotate read them
        var scan = CliProcess.Run(_folder, ["scan", "--out", "inventory.json"]);
        var check = CliProcess.Run(_folder, ["check", "--inventory", "inventory.json"]);
        var export = CliProcess.Run(_folder, ["export", "--inventory", "inventory.json", "--format", "fides", "--out", "fides.yml"]);
        var annotate = CliProcess.Run(_folder, ["annotate", "--inventory", "inventory.json"]);

        // Then every command lists the same lines, every error once, in file, line, column order
        var checkLines = ErrorLines(check.Output);
        var places = checkLines.Select(l => l[..l.IndexOf("  ", StringComparison.Ordinal)]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scan.Exit, Is.EqualTo(ExitCodes.BadInput), scan.Output + scan.Error);
            Assert.That(places, Is.EquivalentTo(expected), check.Output);
            Assert.That(places, Is.Unique);
            Assert.That(places, Is.EqualTo(places.OrderBy(p => p[..p.IndexOf(':')], StringComparer.Ordinal)
                .ThenBy(p => int.Parse(p.Split(':')[1])).ThenBy(p => int.Parse(p.Split(':')[2]))), "file, line, column order");
            Assert.That(ErrorLines(scan.Error), Is.EqualTo(checkLines), "scan: " + scan.Error);
            Assert.That(ErrorLines(export.Error), Is.EqualTo(checkLines), "export: " + export.Error);
            Assert.That(ErrorLines(annotate.Error), Is.EqualTo(checkLines), "annotate: " + annotate.Error);
            Assert.That(export.Exit, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(File.Exists(Path.Combine(_folder, "fides.yml")), Is.False, "nothing exported");
            foreach (var place in stale)
                Assert.That(check.Output, Does.Contain($"(at {place})"), "the duplicate document's stale entry is named in the same run");
            foreach (var (_, table, _, twice, _) in Tables)
                Assert.That(check.Output, Does.Contain($"duplicate key '{twice}'"));
        }
    }

    [Test]
    public void Load_DuplicatedColumnPair_BothEntriesValidated()
    {
        // Given a column given twice, both entries misspelt differently, and a duplicated table-level activity
        using var dir = new TempFolder();
        dir.Write("t.yml", "table: kunden\nactivity: account-management\nactivity: billing\ncolumns:\n  telefon: contact.phnoe\n  telefon: { category: contact.phome, retension: 1y }\n");

        // When loaded
        var set = new AnnotationLoader().Load(dir.Path);

        // Then both misspellings and the unknown key of the second entry are named, each at its place, besides the two
        // duplicate keys; the column is still untagged (neither entry applies)
        var found = set.Errors.Select(e => (e.Kind, e.Line, e.Column)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(new[]
            {
                (AnnotationErrorKind.DuplicateKey, 3, 1),
                (AnnotationErrorKind.UnknownCategory, 5, 12),
                (AnnotationErrorKind.DuplicateKey, 6, 3),
                (AnnotationErrorKind.UnknownCategory, 6, 24),
                (AnnotationErrorKind.UnknownKey, 6, 39),
            }), string.Join("\n", set.Errors.Select(e => e.Message)));
            Assert.That(set.Annotations.Single().Columns, Is.Empty);
            Assert.That(set.Annotations.Single().PolicyReferences.Select(r => r.Id), Is.EquivalentTo(new[] { "account-management", "billing" }),
                "both activities are checked against the policy");
        }
    }

    [Test]
    public void Load_TableAnnotatedTwice_SecondDocumentKeptAsDuplicateNotApplied()
    {
        using var dir = new TempFolder();
        dir.Write("a.yml", "table: clientes\ncolumns:\n  correo: contact.email\n");
        dir.Write("b.yml", "table: clientes\nshared-with: [intercomm]\ncolumns:\n  correo: none\n  desaparecida: contact.phone\n");

        var set = new AnnotationLoader().Load(dir.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Annotations.Single().Columns.Single().Category, Is.EqualTo("contact.email"), "the first document applies");
            Assert.That(set.Duplicates.Single().Columns.Select(c => c.Name), Is.EqualTo(new[] { "correo", "desaparecida" }));
            Assert.That(set.Errors.Single().Kind, Is.EqualTo(AnnotationErrorKind.DuplicateTable));
        }
    }
}
