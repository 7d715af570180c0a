using System.Security.Cryptography;
using System.Text;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Customers' source code kept in a host's tables (LABELS.md <c>customer_content.source_code</c>: "repositories, commits,
/// code, build logs"; trial43 finding K1): git remotes, commit ids and build or deploy output, checked in bulk with generated
/// hosts, repositories, digests and build tools' output. The look-alikes keep their readings: digests of e-mail addresses
/// and phones stay pseudonymised identifiers (C30), tokens stay secrets, file checksums stay none, and web pages, profile
/// URLs, package versions and the application's own logs are no source code. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class SourceCodeArtefactsAdversarialTests : GeneratedNameFixture
{
    private const string Code = "customer_content.source_code";

    private static readonly string[] Hosts =
        ["github.com", "gitlab.com", "bitbucket.org", "git.example.net", "push-par.example.net", "code.internal", "forge.exemple.fr",
         "git.beispiel.de", "repos.ejemplo.es", "scm.acme.io"];

    private static string Word(Random random) =>
        Pick(random, ["api", "shop", "blog", "app", "web", "site", "backend", "front", "boutique", "laden", "tienda", "worker", "docs", "infra"])
        + (random.Next(2) == 0 ? "" : "-" + Pick(random, ["v2", "prod", "core", "service", "ui", "main"]));

    private static string Hex(Random random, int length)
    {
        var bytes = new byte[length / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string Remote(Random random)
    {
        string host = Pick(random, Hosts), org = Word(random), repo = Word(random) + (random.Next(3) == 0 ? "_" + Hex(random, 12) : "");
        return random.Next(6) switch
        {
            0 => $"git+ssh://git@{host}/{org}/{repo}.git",
            1 => $"git@{host}:{org}/{repo}.git",
            2 => $"https://{host}/{org}/{repo}.git",
            3 => $"ssh://git@{host}:2222/{org}/{repo}.git",
            4 => $"git://{host}/{org}/{repo}",
            _ => $"https://deploy:{Hex(random, 8)}@{host}/{org}/{repo}.git",
        };
    }

    private static string BuildLog(Random random) => random.Next(6) switch
    {
        0 => $"-----> Building {Pick(random, ["node", "python", "ruby", "php"])} app\n-----> Installing dependencies\nadded {random.Next(10, 900)} packages in {random.Next(2, 60)}s\n-----> Build succeeded",
        1 => $"Sending build context to Docker daemon  {random.Next(2, 90)}MB\nStep 1/{random.Next(5, 14)} : FROM node:{random.Next(14, 22)}\nSuccessfully built {Hex(random, 12)}",
        2 => $"Collecting flask=={random.Next(1, 3)}.{random.Next(0, 9)}\nDownloading flask-2.3.2-py3-none-any.whl\nSuccessfully installed flask-2.3.2",
        3 => $"[INFO] Scanning for projects...\n[INFO] BUILD SUCCESS\n[INFO] Total time: {random.Next(3, 200)} s",
        4 => $"   Compiling {Word(random)} v0.{random.Next(1, 9)}.0\n    Finished release in {random.Next(3, 99)}s",
        _ => $"$ yarn install\nResolving dependencies...\nwebpack {random.Next(4, 5)}.{random.Next(0, 90)}.0 compiled successfully in {random.Next(200, 9000)} ms",
    };

    private static string Sha(Random random) => random.Next(4) == 0 ? Hex(random, 64) : Hex(random, 40);

    // Tables of code delivery, where a bare sha or log is about the customer's code.
    private static readonly string[] DeliveryTables =
        ["deployments", "builds", "releases", "pipelines", "repositories", "deploiements", "bereitstellungen", "despliegues", "commits"];

    // Those and the tables of a host's customers' applications, where only a name that says commit or build decides.
    private static readonly string[] CodeTables = [.. DeliveryTables, "applications", "apps", "projects", "services", "sites"];

    private static ColumnEvidence Column(Random random, string[] tables, string[] names, string type, Func<Random, string> value) =>
        Some.InTable(AsIsPascalOrUpper(random, Pick(random, tables)), ["id", "app_id", "status", "created_at"],
            SnakeCamelOrPascal(random, Pick(random, names)), type, Enumerable.Range(0, random.Next(20, 200)).Select(_ => value(random)).ToArray());

    private static string Line(ColumnEvidence column, ColumnClassification decision) =>
        $"{column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence} [{string.Join(",", decision.Evidence.Select(e => e.Id))}]";

    private static void AssertAll(int seed, int columns, Func<Random, ColumnEvidence> generate, Func<ColumnClassification, bool> right, string what)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var column = generate(random);
            var decision = Combined.Classify(column);
            if (!right(decision)) wrong.Add(Line(column, decision));
        }
        AssertNoneWrong(wrong, columns, what);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void GitRemotes_SourceCode(int seed) =>
        AssertAll(seed, 800, r => Column(r, [.. CodeTables, "settings", "integrations", "accounts"],
                ["git_remote", "repo_url", "repository", "origin", "remote_url", "source", "url", "depot", "git_url", "quelle"],
                Pick(r, EngineTextTypes), Remote),
            d => d.DataCategory == Code, "columns of git remotes not read as source code");

    [TestCase(1)]
    [TestCase(2)]
    public void CommitIds_SourceCode(int seed) =>
        AssertAll(seed, 800, CommitColumn,
            d => d.DataCategory == Code, "columns of commit ids not read as source code");

    private static ColumnEvidence CommitColumn(Random r) => r.Next(3) == 0
        ? Column(r, DeliveryTables, ["sha", "head_sha", "sha_value"], Pick(r, ["char(40)", "varchar(64)", "text"]), Sha)
        : Column(r, [.. CodeTables, "events", "audit_logs"], ["commit_sha", "commit", "commit_id", "revision", "git_commit", "source_version_commit", "last_commit"],
            Pick(r, ["char(40)", "varchar(64)", "text", "varchar(255)"]), Sha);

    [TestCase(1)]
    [TestCase(2)]
    public void BuildOutput_SourceCode(int seed) =>
        AssertAll(seed, 600, r => r.Next(2) == 0
                ? Column(r, CodeTables, ["build_log", "deploy_log", "build_output", "journal_de_build", "build_logs", "deployment_output"], "text", BuildLog)
                : Column(r, DeliveryTables, ["output", "log", "logs", "journal", "ausgabe"], "text", BuildLog),
            d => d.DataCategory == Code, "columns of build output not read as source code");

    private static string Digest(Random random, string input, int sha) =>
        Convert.ToHexStringLower(sha == 1 ? SHA1.HashData(Encoding.UTF8.GetBytes(input)) : SHA256.HashData(Encoding.UTF8.GetBytes(input)));

    [TestCase(1)]
    [TestCase(2)]
    public void HashedIdentifiers_StayPersonal(int seed) =>
        AssertAll(seed, 600, r => Column(r, [.. CodeTables, "users", "subscribers"],
                ["email_sha256", "email_hash", "hashed_email", "phone_hash", "email_sha1", "mail_hash"], "char(64)",
                x => Digest(x, $"user{x.Next(100000)}@example.org", x.Next(2))),
            d => d.DataCategory is not null && d.DataCategory != Code && d.DataCategory.StartsWith("other_personal", StringComparison.Ordinal),
            "hashed e-mail addresses and phones not kept as pseudonymised identifiers");

    [TestCase(1)]
    [TestCase(2)]
    public void ChecksumsAndTokens_NeverSourceCode(int seed) =>
        AssertAll(seed, 1000, r => r.Next(2) == 0
                ? Column(r, [.. CodeTables, "files", "uploads", "packages", "assets", "attachments"],
                    ["checksum", "file_sha256", "sha256", "etag", "content_hash", "artifact_checksum", "integrity", "md5", "image_digest"], "char(64)", Sha)
                : Column(r, [.. CodeTables, "api_keys", "tokens", "users"],
                    ["api_token", "access_token", "secret", "deploy_token", "token", "webhook_secret"], "varchar(64)", Sha),
            d => d.DataCategory != Code, "checksums and tokens read as source code");

    [TestCase(1)]
    [TestCase(2)]
    public void ShaOutsideCodeTables_NeverSourceCode(int seed) =>
        AssertAll(seed, 600, r => Column(r, ["files", "uploads", "documents", "images", "blobs", "fichiers", "dateien"], ["sha", "hash_value", "digest"],
                "char(40)", Sha),
            d => d.DataCategory != Code, "a bare sha of a files table read as source code");

    [TestCase(1)]
    [TestCase(2)]
    public void WebAddressesVersionsAndApplicationLogs_NeverSourceCode(int seed) =>
        AssertAll(seed, 1200, r => r.Next(3) switch
            {
                0 => Column(r, [.. CodeTables, "users", "organisations"], ["url", "website", "homepage", "profile_url", "repo_url", "docs_url"],
                    "varchar(255)", x => Pick(x, ["https://", "http://"]) + Pick(x, Hosts) + "/" + Word(x) + Pick(x, ["", "/", "/index.html", "/tree/main"])),
                1 => Column(r, [.. CodeTables, "packages"], ["version", "release", "tag", "build", "runtime_version"], "varchar(32)",
                    x => $"{x.Next(0, 9)}.{x.Next(0, 30)}.{x.Next(0, 99)}" + Pick(x, ["", "-beta", "-rc.1", "+build." + x.Next(1, 999)])),
                _ => Column(r, [.. CodeTables, "jobs", "requests"], ["log", "error_log", "stack_trace", "logs", "message"], "text",
                    x => $"ERROR {2020 + x.Next(6)}-0{x.Next(1, 9)}-1{x.Next(0, 9)} request {Hex(x, 8)} failed: NullReferenceException at Handler.Run() line {x.Next(10, 900)}"),
            },
            d => d.DataCategory != Code, "web addresses, versions and application logs read as source code");

    [TestCase("git+ssh://git@push-par.example.net/app_3f2a.git", ExpectedResult = true)]
    [TestCase("git@github.com:acme/shop.git", ExpectedResult = true)]
    [TestCase("https://gitlab.com/acme/shop.git", ExpectedResult = true)]
    [TestCase("git://example.net/acme/shop", ExpectedResult = true)]
    [TestCase("https://github.com/jdoe", ExpectedResult = false)]
    [TestCase("jdoe@example.org", ExpectedResult = false)]
    [TestCase("https://example.com/index.html", ExpectedResult = false)]
    [TestCase("config.git", ExpectedResult = false)]
    public bool IsGitRemote_ReadsGitUrlForms(string value) => SourceCodeArtefacts.IsGitRemote(value);
}
