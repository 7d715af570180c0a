using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The kind "a connection string carries a password in clear" (trial31 finding 5: a <c>DATABASE_URL</c> inside an
/// application's environment JSON was no credential to the scanner), generated in bulk: URIs of many schemes with user
/// information or a password query parameter, ADO.NET/ODBC and libpq key–value strings, under column names and JSON keys
/// that say nothing; and their look-alikes that hold no secret (a user without a password, masked or templated
/// passwords, plain URLs, e-mails, times, key–value strings without a password, prose that mentions a password).
/// </summary>
[TestFixture]
public sealed class ConnectionSecretAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] UriSchemes =
        ["postgres", "postgresql", "mysql", "mariadb", "redis", "rediss", "amqp", "amqps", "mongodb", "mongodb+srv", "smtp", "smtps", "ftp", "sftp", "https", "http", "ldap", "sqlserver"];

    private static readonly string[] Hosts = ["db.internal", "10.0.3.12", "pg-primary.example.net", "localhost", "cache-01.eu-west.example.com", "[2001:db8::5]", "mq.example.org"];

    private static string Word(Random random, int min, int max)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return new string(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>A generated password: letters and digits, sometimes with percent-encoded or URI-safe punctuation.</summary>
    private static string Password(Random random) => random.Next(4) switch
    {
        0 => Word(random, 8, 24) + "%40" + Word(random, 2, 6),
        1 => Word(random, 4, 10) + Pick(random, ["-", "_", ".", "~", "!"]) + Word(random, 4, 10),
        _ => Word(random, 8, 32),
    };

    private static string User(Random random) => Pick(random, ["app", "svc_billing", "readonly", "admin", "inventory", "web-42", "postgres", "root"]) + (random.Next(3) == 0 ? random.Next(100).ToString() : "");

    private static string Port(Random random) => random.Next(2) == 0 ? "" : ":" + Pick(random, ["5432", "3306", "6379", "5672", "27017", "587", "1433"]);

    /// <summary>A connection string with a password in clear, in one of the forms users store.</summary>
    internal static string WithPassword(Random random) => random.Next(5) switch
    {
        0 or 1 => $"{Pick(random, UriSchemes)}://{User(random)}:{Password(random)}@{Pick(random, Hosts)}{Port(random)}/{Word(random, 3, 12)}{(random.Next(3) == 0 ? "?sslmode=require" : "")}",
        2 => $"jdbc:{Pick(random, ["mysql", "mariadb", "postgresql"])}://{Pick(random, Hosts)}{Port(random)}/{Word(random, 3, 10)}?user={User(random)}&{Pick(random, ["password", "pwd", "Password"])}={Password(random)}",
        3 => $"{Pick(random, ["Server", "Data Source", "Host"])}={Pick(random, Hosts)};{Pick(random, ["Database", "Initial Catalog"])}={Word(random, 3, 10)};{Pick(random, ["User Id", "Uid", "Username"])}={User(random)};{Pick(random, ["Password", "Pwd"])}={Password(random)}{(random.Next(2) == 0 ? ";" : ";Encrypt=True;")}",
        _ => $"host={Pick(random, Hosts).Trim('[', ']')} port=5432 dbname={Word(random, 3, 10)} user={User(random)} password={Password(random)}{(random.Next(2) == 0 ? " sslmode=verify-full" : "")}",
    };

    /// <summary>Values that look like connection strings or URIs but hold no secret.</summary>
    internal static string WithoutSecret(Random random) => random.Next(10) switch
    {
        0 => $"{Pick(random, UriSchemes)}://{User(random)}@{Pick(random, Hosts)}{Port(random)}/{Word(random, 3, 12)}",
        1 => $"{Pick(random, UriSchemes)}://{User(random)}:{Pick(random, ["****", "xxxxxxxx", "${DB_PASSWORD}", "$PGPASSWORD", "%(password)s", "{{ db_password }}", "<password>", ""])}@{Pick(random, Hosts)}/{Word(random, 3, 12)}",
        2 => $"https://{Pick(random, Hosts)}{Port(random)}/{Word(random, 3, 12)}?page={random.Next(9)}&lang=fr",
        3 => $"{Word(random, 4, 10).ToLowerInvariant()}.{Word(random, 2, 8).ToLowerInvariant()}@example.com",
        4 => $"{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}",
        5 => $"Server={Pick(random, Hosts)};Database={Word(random, 3, 10)};Integrated Security=true;Encrypt=True",
        6 => $"host={Pick(random, Hosts).Trim('[', ']')} port=5432 dbname={Word(random, 3, 10)} user={User(random)} password=",
        7 => Pick(random, ["Please reset your password=now if you forgot it", "Le mot de passe a été changé : voir password=*** dans le ticket", "Passwort zurückgesetzt", "la contraseña=secreta no se guarda"]),
        8 => $"ssh://git@{Pick(random, Hosts)}:{Word(random, 3, 8)}/{Word(random, 3, 8)}.git",
        _ => $"{Pick(random, Hosts).Trim('[', ']')}:{Pick(random, ["5432", "3306", "6379"])}",
    };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Detector_ConnectionStringsWithAPassword_AllMatch(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 3000).Select(_ => WithPassword(random)).ToArray();
        var result = DetectorSuite.Default.Run(values, TypeFamily.Text);
        Assert.That(result[DetectorIds.ConnectionSecret].Matched, Is.EqualTo(values.Length),
            "generated connection strings with a password in clear, by form: URI user information, JDBC query, ADO.NET, libpq");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Detector_LookAlikesWithoutASecret_NeverMatch(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 3000).Select(_ => WithoutSecret(random)).ToArray();
        var matched = values.Count(v => DetectorSuite.Default.Run([v], TypeFamily.Text)[DetectorIds.ConnectionSecret].Matched > 0);
        Assert.That(matched, Is.Zero, "users without a password, masked or templated passwords, URLs, e-mails, times, key–value strings without a password, prose");
    }

    private static readonly string[] NeutralColumns = ["value", "source", "settings", "target", "endpoint", "dsn", "url", "valeur", "parametre", "cible", "wert", "einstellung", "ziel", "valor", "ajuste", "destino"];
    private static readonly string[] NeutralTables = ["integrations", "app_settings", "datasources", "webhooks", "parametres", "einstellungen", "ajustes", "connections"];

    /// <summary>300 sampled columns under neutral names of neutral tables, each of 40 values drawn from <paramref name="value"/>.</summary>
    private static IEnumerable<ColumnEvidence> NeutralColumnsOf(Func<Random, string> value, int seed)
    {
        var random = new Random(seed);
        for (int c = 0; c < 300; c++)
            yield return NeutralColumn(random, NeutralTables, ["id", "name", "created_at"], NeutralColumns, value);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Columns_OfConnectionStringsWithAPassword_AreCredentials_WhateverTheName(int seed)
    {
        var wrong = NeutralColumnsOf(WithPassword, seed)
            .Select(column => (column, Combined.Classify(column).DataCategory))
            .Where(p => p.DataCategory != "other_personal.credentials")
            .Select(p => $"{p.column.Table}.{p.column.Column.Name} → {p.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(wrong, 300, "columns of connection strings with passwords not other_personal.credentials");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Columns_OfLookAlikes_AreNeverCredentialsFromTheirValues(int seed)
    {
        var wrong = NeutralColumnsOf(WithoutSecret, seed)
            .Select(column => (column, Decision: Rules.Classify(column)))
            .Where(p => p.Decision.Evidence.Any(e => e.Id == DetectorIds.ConnectionSecret && e.Matched > 0) || p.Decision.DataCategory == "other_personal.credentials")
            .Select(p => $"{p.column.Table}.{p.column.Column.Name} → {p.Decision.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(wrong, 300, "look-alike columns read as connection secrets");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonEnvironments_ThePathOfAConnectionString_IsNamedACredential(int seed)
    {
        // An application's environment variables as one JSON document per row: the URL key differs per application.
        var random = new Random(seed);
        int named = 0;
        const int columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var key = Pick(random, ["DATABASE_URL", "REDIS_URL", "AMQP_URL", "dsn", "conn", "primary", "cache", "broker", "cible", "ziel"]);
            var values = Enumerable.Range(0, 40).Select(_ => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["NODE_ENV"] = Pick(random, ["production", "staging"]),
                [key] = WithPassword(random),
                ["WORKERS"] = random.Next(1, 9),
            })).ToArray();
            var decision = Rules.Classify(Some.Column(Pick(random, ["applications", "deployments", "services"]), Pick(random, ["env", "variables_env", "settings", "config"]), "jsonb", values));
            if (decision.Evidence.Any(e => e.Kind == "json-path" && e.Id == "$." + key && e.DataCategory == "other_personal.credentials")) named++;
        }
        Assert.That(Rate(named, columns), Is.EqualTo(1.0), $"{named} of {columns} environment documents name their connection string's path a credential");
    }
}
