using System.IO.Compression;
using System.Text;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Scanning;

/// <summary>Trial 22 finding 2: <c>--masked-examples</c> showed the shape and first characters of password hashes, API
/// keys and tokens. Credential columns get no example; token-like values anywhere are masked whole. Checked in bulk on
/// 2,000 generated secrets of ten shapes, through a real scan and every report format.</summary>
[TestFixture]
public sealed class SecretExamplesTests
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Crypt = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static string Draw(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static string Jwt(Random random) =>
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + Draw(random, Base64Url, random.Next(40, 90)) + "." + Draw(random, Base64Url, 43);

    /// <summary>Ten shapes of secret: bcrypt, Argon2, Django PBKDF2, hex digests, base64 and base64url keys, JWTs,
    /// vendor keys (<c>sk_live_</c>, <c>ghp_</c>, <c>AKIA</c>, <c>xoxb-</c>), a bearer header.</summary>
    private static string Secret(Random random, int shape) => shape switch
    {
        0 => $"$2b${random.Next(10, 14)}$" + Draw(random, Crypt, 53),
        1 => "$argon2id$v=19$m=65536,t=3,p=4$" + Draw(random, Base64, 22) + "$" + Draw(random, Base64, 43),
        2 => $"pbkdf2_sha256${random.Next(260_000, 720_000)}$" + Draw(random, Alnum, 22) + "$" + Draw(random, Base64, 43) + "=",
        3 => Draw(random, "0123456789abcdef", new[] { 32, 40, 64 }[random.Next(3)]),
        4 => Draw(random, Base64, 4 * random.Next(6, 16)) + "==",
        5 => Draw(random, Base64Url, 43),
        6 => Jwt(random),
        7 => "sk_live_" + Draw(random, Alnum, 24),
        8 => random.Next(3) switch
        {
            0 => "ghp_" + Draw(random, Alnum, 36),
            1 => "AKIA" + Draw(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
            _ => $"xoxb-{random.Next(100_000, 999_999)}{random.Next(100_000, 999_999)}-" + Draw(random, Alnum, 24),
        },
        _ => "Bearer " + Jwt(random),
    };

    private static List<string> Secrets(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Secret(random, i % 10)).ToList();
    }

    [Test]
    public void Mask_TwoThousandSecrets_NothingKept()
    {
        // A key drawn without a digit (sk_live_ and 24 letters) reads as a word alone: its column masks it (below).
        var secrets = Secrets(2000, 1);
        var kept = secrets.Select(Masking.Mask).Where(m => m != Masking.TokenMask).ToList();
        var columns = secrets.Chunk(200).Select(c => Masking.Examples(c, "none", "reference")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept, Has.Count.LessThan(20), "masks that keep part of a secret's shape");
            Assert.That(columns, Has.All.EqualTo(new[] { Masking.TokenMask }));
        }
    }

    [TestCase("password_hash")]
    [TestCase("apiKey")]
    [TestCase("auth_token")]
    [TestCase("client_secret")]
    [TestCase("mot_de_passe")]
    [TestCase("Kennwort")]
    [TestCase("contraseña")]
    [TestCase("pwd")]
    [TestCase("salt")]
    public void Examples_CredentialColumnName_None(string column)
    {
        var values = Enumerable.Range(0, 100).Select(i => $"Value{i} word").ToList();

        Assert.That(Masking.Examples(values, "none", column), Is.Null);
    }

    [TestCase("email")]
    [TestCase("display_name")]
    [TestCase("passenger")]
    public void Examples_OrdinaryColumnName_Shown(string column)
    {
        var values = Enumerable.Range(0, 100).Select(i => $"person{i}@example.org").ToList();

        Assert.That(Masking.Examples(values, "contact.email", column), Is.EqualTo(new[] { "***###@***.***" }));
    }

    [Test]
    public void Examples_CredentialsCategory_None() =>
        Assert.That(Masking.Examples(Enumerable.Range(0, 100).Select(i => $"x{i}").ToList(), "other_personal.credentials", "data"), Is.Null);

    [TestCase("john.doe@example.com", false)]
    [TestCase("Donaudampfschifffahrtsgesellschaft", false)]
    [TestCase("FR76 3000 6000 0112 3456 7890 189", false)]
    [TestCase("550e8400-e29b-41d4-a716-446655440000", true)] // a UUID is often a reset or session token: masked whole
    [TestCase("5f4dcc3b5aa765d61d8327deb882cf99", true)]
    [TestCase("$2b$12$abc", true)]
    [TestCase("token: dGhpcyBpcyBhIHNlY3JldA==", true)]
    public void IsTokenLike_Shapes(string value, bool expected) => Assert.That(Masking.IsTokenLike(value), Is.EqualTo(expected));

    [Test]
    [Category("Integration")]
    public async Task ScanAndReport_TwoThousandSecrets_NoFourCharacterRunInAnyFormat()
    {
        // Given a SQLite database of 2,000 secrets: six credential-named columns and four neutral ones, 200 rows each
        using var dir = new TempFolder();
        var database = Path.Combine(dir.Path, "secrets.db");
        string[] credential = ["password_hash", "api_key", "auth_token", "client_secret", "mot_de_passe", "Kennwort"];
        string[] neutral = ["reference", "payload", "external_ref", "note"];
        var columns = credential.Concat(neutral).ToArray();
        var secrets = Secrets(2000, 7);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE vault (id INTEGER PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})";
            create.ExecuteNonQuery();
            using var transaction = connection.BeginTransaction();
            for (int row = 0; row < 200; row++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO vault VALUES ({row}, {string.Join(", ", columns.Select((_, i) => "$v" + i))})";
                // Each column mixes shapes, so no column is a single recognisable kind.
                for (int i = 0; i < columns.Length; i++) insert.Parameters.AddWithValue("$v" + i, secrets[row * columns.Length + i]);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        // When it is scanned with and without masked examples, and every report format is written from both
        using var other = new TempFolder();
        var withExamples = await ScanAndReportAsync(dir.Path, database, masked: true);
        var baseline = await ScanAndReportAsync(other.Path, database, masked: false);

        // Then credential columns have no example, neutral ones only whole masks, and no run of four characters of a
        // secret (holding a letter: digits are always masked) appears that the report without examples lacks
        var document = InventoryJson.Deserialize(File.ReadAllText(Path.Combine(dir.Path, "run", "inventory.json")), "inventory.json");
        var vault = document.AllColumns().Where(x => x.Table.Name == "vault").ToDictionary(x => x.Column.Name, x => x.Column);
        var baselineGrams = Grams(baseline);
        var leaked = secrets.SelectMany(s => Enumerable.Range(0, s.Length - 3).Select(i => s.Substring(i, 4)))
            .Where(g => g.Any(char.IsAsciiLetter) && !baselineGrams.Contains(g) && withExamples.Contains(g, StringComparison.Ordinal))
            .Distinct().Take(10).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(credential.Where(c => vault[c].MaskedExamples is not null), Is.Empty, "credential columns with examples");
            Assert.That(neutral.SelectMany(c => vault[c].MaskedExamples ?? []).Where(e => e != Masking.TokenMask), Is.Empty, "examples keeping part of a token");
            Assert.That(leaked, Is.Empty, "runs of secrets found in the outputs");
        }
    }

    /// <summary>Scans, writes every report format, and returns the text of every output (XLSX entries unzipped).</summary>
    private static async Task<string> ScanAndReportAsync(string root, string database, bool masked)
    {
        var folder = Path.Combine(root, "run");
        Directory.CreateDirectory(folder);
        var inventory = Path.Combine(folder, "inventory.json");
        var console = new TestConsole();
        string[] scan = ["scan", "--connection", "sqlite:" + database, "--out", inventory];
        Assert.That(await InventoryApp.RunAsync(masked ? [.. scan, "--masked-examples"] : scan, console), Is.EqualTo(ExitCodes.Ok), console.Output);
        Directory.CreateDirectory(Path.Combine(folder, "annotations"));
        var reports = Path.Combine(folder, "reports");
        Assert.That(await InventoryApp.RunAsync(["report", "--inventory", inventory, "--annotations", Path.Combine(folder, "annotations"),
            "--policy", "builtin", "--out", reports], console), Is.EqualTo(ExitCodes.Ok), console.Output);
        Assert.That(await InventoryApp.RunAsync(["check", "--inventory", inventory, "--annotations", Path.Combine(folder, "annotations"),
            "--format", "text,json,sarif,junit", "--output-dir", Path.Combine(folder, "check")], console), Is.AnyOf(ExitCodes.Ok, ExitCodes.GateFailed), console.Output);
        var text = new StringBuilder(console.Output);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)))
        {
            if (file.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                // The sheets' text; the package's parts also hold random relationship ids.
                using var zip = ZipFile.OpenRead(file);
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/sharedStrings.xml"))
                {
                    using var reader = new StreamReader(entry.Open());
                    text.Append('\n').Append(await reader.ReadToEndAsync());
                }
            }
            else text.Append('\n').Append(await File.ReadAllTextAsync(file));
        }
        // Where the two runs differ by construction: their folder, and the name of the examples' key.
        return text.Replace(folder, "FOLDER").Replace("maskedExamples", "").ToString();
    }

    private static HashSet<string> Grams(string text) =>
        Enumerable.Range(0, Math.Max(0, text.Length - 3)).Select(i => text.Substring(i, 4)).ToHashSet(StringComparer.Ordinal);
}
