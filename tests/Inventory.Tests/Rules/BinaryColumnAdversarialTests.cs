using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (held-back kind): IP addresses packed as bytes (MySQL <c>INET6_ATON</c> into <c>varbinary(16)</c>, PostgreSQL
/// <c>bytea</c>: 4 bytes for IPv4, 16 for IPv6) are <c>automatic.ip_address</c>; other binary columns of the same tables
/// (SHA/MD5 digests, checksums, UUIDs stored as <c>binary(16)</c>) are <c>none</c>, and a digest of a person's e-mail is a
/// pseudonymised identifier (<c>other_personal</c>, C30). The scanner never decodes binary values: only their byte
/// lengths are sampled. Generated in bulk, names only and with lengths; only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class BinaryColumnAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] IpNames =
    [
        "ip", "ip_bin", "ip_binary", "ip_address", "ipaddress", "remote_ip", "client_ip", "last_login_ip", "ip_packed", "ipv6", "ipv4",
        "source_ip", "signup_ip", "user_ip", "current_sign_in_ip", "adresse_ip", "ip_adresse", "direccion_ip", "ip_raw", "inet6_ip",
    ];
    private static readonly string[] DigestNames =
        ["sha256", "sha1", "md5", "checksum", "file_hash", "content_hash", "digest", "sha256_digest", "etag", "blob_sha1", "hash", "crc_checksum"];
    private static readonly string[] UuidNames = ["uuid", "guid", "id", "row_uuid", "public_id", "object_uuid", "external_uuid", "rowguid"];
    private static readonly string[] Tables =
        ["sessions", "logins", "audit_log", "user_sessions", "page_views", "access_log", "sign_ins", "users", "comments", "connexions", "zugriffe", "accesos"];
    private static readonly string[] BinaryTypes = ["varbinary(16)", "binary(16)", "bytea", "blob", "varbinary(64)", "tinyblob"];

    private static ColumnEvidence Binary(string table, string column, string type, IReadOnlyList<long>? lengths) => new()
    {
        Table = table,
        TableColumns = ["id", "user_id", "created_at", column],
        Column = new ColumnInfo { Name = column, Ordinal = 4, DeclaredType = type, Family = DeclaredTypes.FamilyOf(type) },
        Sampled = false,
        NotSampled = NotSampledReason.Binary,
        BinaryLengths = lengths,
    };

    private static long[] Lengths(Random random, Func<Random, long> length) => Enumerable.Range(0, random.Next(20, 200)).Select(_ => length(random)).ToArray();

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    public void PackedIpAddresses_AreIpAddresses_DigestsAndUuidBytesAreNone(int seed, bool withLengths)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 600; c++)
        {
            var table = Pick(random, Tables);
            var type = Pick(random, BinaryTypes);
            switch (c % 3)
            {
                case 0:
                    // IPv4 only, IPv6 only, or a mix (inet6_aton keeps IPv4 in 4 bytes).
                    int mix = random.Next(3);
                    columns.Add((Binary(table, IpNames[c / 3 % IpNames.Length], type,
                        withLengths ? Lengths(random, r => mix switch { 0 => 4, 1 => 16, _ => r.Next(2) == 0 ? 4 : 16 }) : null), "automatic.ip_address"));
                    break;
                case 1:
                    long digest = Pick(random, ["16", "20", "32", "64"]) switch { "16" => 16, "20" => 20, "32" => 32, _ => 64 };
                    columns.Add((Binary(table, DigestNames[c / 3 % DigestNames.Length], type, withLengths ? Lengths(random, _ => digest) : null), "none"));
                    break;
                default:
                    columns.Add((Binary(table, UuidNames[c / 3 % UuidNames.Length], Pick(random, ["binary(16)", "varbinary(16)", "bytea", "raw(16)"]),
                        withLengths ? Lengths(random, _ => 16) : null), "none"));
                    break;
            }
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory != p.First.Expected)
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} ({p.First.Column.Column.DeclaredType}) → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}")
            .ToList();
        AssertNoneWrong(wrong, columns.Count, "binary columns misclassified");
    }

    [Test]
    public void IpNamedBytesOfAnotherLength_AreNotCalledIpAddressesByTheirLengths()
    {
        var random = new Random(5);
        var rules = ClassifierFactory.CreateRules();
        var called = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            // Hashed or encrypted addresses: 32 or 48 bytes, not a packed address.
            var column = Binary(Pick(random, Tables), Pick(random, ["ip", "ip_bin", "remote_ip", "client_ip"]), "bytea", Lengths(random, r => r.Next(2) == 0 ? 32 : 48));
            var decision = rules.Classify(column);
            if (decision.DataCategory == "automatic.ip_address") called.Add($"{column.Table}.{column.Column.Name}");
        }
        AssertNoneWrong(called, 200, "IP-named columns of 32/48-byte values decided as packed addresses by the rules");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void HashedPersonIdentifiersAndPasswordHashes_AsBytes_StayPersonal(bool withLengths)
    {
        var random = new Random(9);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 200; c++)
        {
            var table = Pick(random, ["users", "customers", "accounts", "subscribers"]);
            if (c % 2 == 0)
                columns.Add((Binary(table, Pick(random, ["email_sha256", "email_hash", "hashed_email", "phone_sha256", "phone_hash"]), "bytea",
                    withLengths ? Lengths(random, _ => 32) : null), "other_personal"));
            else
                columns.Add((Binary(table, Pick(random, ["password_hash", "encrypted_password", "password_digest", "passwort_hash"]), Pick(random, ["bytea", "varbinary(60)", "blob"]),
                    withLengths ? Lengths(random, _ => 60) : null), "other_personal"));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions)
            .Where(p => p.Second.DataCategory is not { } d || DataCategory.TopLevelOf(d) != p.First.Expected)
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(wrong, columns.Count, "hashed identifiers and password hashes stored as bytes not other_personal");
    }
}
