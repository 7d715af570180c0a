using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cases;

/// <summary>
/// The shared cases where MySQL behaves differently, each with a MySQL setup of our own (Cases/MySql/&lt;case&gt;.sql,
/// since ../shared is read-only), run on the real MariaDB server and asserted against the case's own expected.tsv.
/// Each run creates a fresh database, runs the setup in it, creates a SELECT-only user (or the grants the setup's
/// <c>-- grants:</c> line gives, with <c>{user}</c> and <c>{db}</c> placeholders), and scans over <c>mysql://</c> as
/// that user with the case's config and annotations. <c>-- scan: server-wide</c> scans without a database in the URI
/// (every database the user sees); <c>-- cleanup:</c> runs after the case. Rows whose note names another engine
/// (PostgreSQL, SQL Server) are skipped only when their table or column cannot exist in the MySQL setup.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlCaseRunnerTests
{
    private static string SetupFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Cases", "MySql");

    /// <summary>Cases with a MySQL setup here and a folder in ../shared/cases.</summary>
    public static IEnumerable<TestCaseData> MySqlCases() =>
        Directory.Exists(SharedPaths.Cases) && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Cases", "MySql"))
            ? Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "MySql"), "*.sql")
                .Select(Path.GetFileNameWithoutExtension).Where(c => Directory.Exists(Path.Combine(SharedPaths.Cases, c!)))
                .Order(StringComparer.Ordinal).Select(c => new TestCaseData(c).SetName($"Case_{c}_MySql"))
            : [];

    [Test]
    public void MySqlSetups_CoverTheCasesWhereMySqlDiffers()
    {
        var setups = Directory.GetFiles(SetupFolder, "*.sql").Select(f => Path.GetFileNameWithoutExtension(f)[..3]).ToList();
        Assert.That(setups, Is.SupersetOf(new[] { "C03", "C04", "C07", "C11", "C13", "C14", "C17" }));
    }

    [TestCaseSource(nameof(MySqlCases))]
    public async Task Case_OnMySql_MeetsExpected(string caseName)
    {
        var folder = Path.Combine(SharedPaths.Cases, caseName);
        var setup = await File.ReadAllTextAsync(Path.Combine(SetupFolder, caseName + ".sql"));
        string? Directive(string name) => setup.Split('\n').Where(l => l.StartsWith($"-- {name}:", StringComparison.Ordinal))
            .Select(l => l[(name.Length + 4)..].Trim()).FirstOrDefault();

        await using var db = await TestMySql.CreateAsync(caseName[..3].ToLowerInvariant());
        try
        {
            await db.ExecuteAsync(setup);
            var uri = await db.CreateUserAsync(Directive("grants")?.Replace("{db}", db.Name, StringComparison.Ordinal));
            if (Directive("scan") == "server-wide")
                uri = uri[..uri.LastIndexOf('/')] + "/?ssl-mode=disabled";
            var document = await CaseRunnerTests.ScanAsync(folder, uri, "mysql");
            CaseRunnerTests.AssertExpectations(folder, document, "MySQL", columnsMayDiffer: true);
        }
        finally
        {
            if (Directive("cleanup") is { } cleanup) await TestMySql.ExecuteAdminAsync(cleanup);
        }
    }
}
