using System.Buffers.Binary;
using System.Text;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The kind "a column of SSH public keys" (trial31 finding 7b: <c>cles_ssh.cle_publique</c>, keys whose comment is the
/// owner's e-mail address, was accepted as <c>none</c> 0.93 and the e-mail inside went unseen), generated in bulk: keys of
/// every OpenSSH type with random key material in their real wire layout, with no comment, a <c>user@host</c> comment, a
/// host-only comment, an e-mail comment or a name, and authorized_keys options before them, under column names that say
/// nothing in four languages; and their look-alikes (random base64 blobs, PEM blocks, a key type followed by a blob of
/// another type, truncated blobs, key fingerprints, prose about keys).
/// </summary>
[TestFixture]
public sealed class SshPublicKeyAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PlainTypes =
        ["ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"];

    private static readonly string[] Hosts = ["build-01", "laptop", "MacBook-Pro.local", "ci-runner-7", "srv-backup", "poste-42", "rechner3", "portatil"];

    private static readonly string[] Users = ["jane", "jdupont", "hans.mueller", "maria_garcia", "deploy", "root", "git", "admin"];

    private static readonly string[] Domains = ["example.org", "example.com", "exemple.fr", "beispiel.de", "ejemplo.es", "mail.example.net"];

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Field(MemoryStream wire, byte[] field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
        wire.Write(length);
        wire.Write(field);
    }

    /// <summary>The base64 blob of a key of <paramref name="type"/> with random key material in the type's wire layout
    /// (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4, OpenSSH PROTOCOL.u2f).</summary>
    internal static string Blob(Random random, string type)
    {
        using var wire = new MemoryStream();
        Field(wire, Encoding.ASCII.GetBytes(type));
        string Curve() => type.StartsWith("sk-", StringComparison.Ordinal) ? "nistp256" : type["ecdsa-sha2-".Length..];
        switch (type)
        {
            case "ssh-ed25519":
                Field(wire, Bytes(random, 32));
                break;
            case "sk-ssh-ed25519@openssh.com":
                Field(wire, Bytes(random, 32));
                Field(wire, "ssh:"u8.ToArray());
                break;
            case "ssh-rsa":
                Field(wire, [1, 0, 1]);
                Field(wire, [0, .. Bytes(random, Pick(random, new[] { 256, 384, 512 }))]);
                break;
            case "ssh-dss":
                Field(wire, [0, .. Bytes(random, 128)]);
                Field(wire, Bytes(random, 20));
                Field(wire, Bytes(random, 128));
                Field(wire, Bytes(random, 128));
                break;
            default:
                Field(wire, Encoding.ASCII.GetBytes(Curve()));
                Field(wire, [4, .. Bytes(random, Curve() switch { "nistp256" => 64, "nistp384" => 96, _ => 132 })]);
                if (type.StartsWith("sk-", StringComparison.Ordinal)) Field(wire, "ssh:"u8.ToArray());
                break;
        }
        return Convert.ToBase64String(wire.ToArray());
    }

    private static string Email(Random random) => $"{Pick(random, Users)}{(random.Next(3) == 0 ? random.Next(100).ToString() : "")}@{Pick(random, Domains)}";

    /// <summary>A comment: none, an e-mail address, <c>user@host</c>, a host, a name or a label.</summary>
    private static string Comment(Random random, bool email) => email
        ? random.Next(4) switch { 0 => $"<{Email(random)}>", 1 => $"Jane Doe {Email(random)}", _ => Email(random) }
        : random.Next(5) switch
        {
            0 => "",
            1 => $"{Pick(random, Users)}@{Pick(random, Hosts)}",
            2 => Pick(random, Hosts),
            3 => Pick(random, ["Jane Doe", "clé de Jean", "Schlüssel von Hans", "llave de María"]),
            _ => $"{Pick(random, ["deploy key", "ci", "yubikey 5"])} {random.Next(2020, 2027)}",
        };

    private static string Options(Random random) => random.Next(4) switch
    {
        0 => "",
        1 => "no-port-forwarding,no-agent-forwarding,no-X11-forwarding ",
        2 => $"from=\"10.0.{random.Next(255)}.0/24\",no-pty ",
        _ => "command=\"/usr/bin/rrsync -ro /srv/backup\",restrict ",
    };

    /// <summary>An authorized_keys line of any plain type; the comment is an e-mail address when <paramref name="email"/>.</summary>
    internal static string Key(Random random, bool email)
    {
        var type = Pick(random, PlainTypes);
        var comment = Comment(random, email);
        return $"{Options(random)}{type} {Blob(random, type)}{(comment.Length > 0 ? " " + comment : "")}";
    }

    /// <summary>Values shaped like keys that are not: random base64, PEM blocks, a blob of another type, a truncated blob,
    /// a key type alone, fingerprints, prose.</summary>
    internal static string LookAlike(Random random)
    {
        var type = Pick(random, PlainTypes);
        return random.Next(8) switch
        {
            0 => $"{type} AAAA{Convert.ToBase64String(Bytes(random, random.Next(30, 300)))} {Email(random)}",
            1 => $"-----BEGIN {Pick(random, ["PUBLIC KEY", "OPENSSH PRIVATE KEY", "CERTIFICATE", "RSA PUBLIC KEY"])}-----\n{Convert.ToBase64String(Bytes(random, 270))}\n-----END PUBLIC KEY-----",
            2 => $"{type} {Blob(random, PlainTypes.First(t => t != type && !t.Contains(type, StringComparison.Ordinal) && !type.Contains(t, StringComparison.Ordinal)))} {Email(random)}",
            3 => $"{type} {Blob(random, type)[..^8]} {Email(random)}",
            4 => $"{type} {Email(random)}",
            5 => $"SHA256:{Convert.ToBase64String(Bytes(random, 32)).TrimEnd('=')} {Email(random)} ({type.ToUpperInvariant()})",
            6 => Convert.ToBase64String(Encoding.ASCII.GetBytes(Key(random, false)[..40])) + Convert.ToBase64String(Bytes(random, 60)),
            _ => Pick(random, ["Please add your ssh-ed25519 key AAAA… to the server, then mail admin@example.org", "La clé ssh-rsa de Jean est expirée", "Bitte ssh-ed25519-Schlüssel erneuern", "La llave ecdsa-sha2-nistp256 caducó el lunes pasado, avisar a soporte"]),
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Detector_KeysOfEveryType_AllMatch(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 4000).Select(i => Key(random, i % 2 == 0)).ToArray();
        var result = DetectorSuite.Default.Run(values, TypeFamily.Text);
        Assert.That(result[DetectorIds.SshPublicKey].Matched, Is.EqualTo(values.Length),
            "generated authorized_keys lines of 8 key types, with and without options and comments");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Detector_LookAlikes_NeverMatch(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 4000).Select(_ => LookAlike(random)).ToArray();
        var matched = values.Count(v => DetectorSuite.Default.Run([v], TypeFamily.Text)[DetectorIds.SshPublicKey].Matched > 0);
        Assert.That(matched, Is.Zero, "random base64, PEM blocks, blobs of another type, truncated blobs, fingerprints, prose");
    }

    [Test]
    public void CommentEmails_OnlyAnAddressWithADomain()
    {
        var random = new Random(5);
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < 2000; i++)
            {
                Assert.That(SshPublicKeyDetector.CommentEmails([Key(random, true)]), Is.EqualTo(new[] { "contact.email" }), "a key whose comment is an e-mail address");
                Assert.That(SshPublicKeyDetector.CommentEmails([Key(random, false)]), Is.Empty, "user@host, host, name and label comments");
            }
            Assert.That(SshPublicKeyDetector.CommentEmails([LookAlike(new Random(6)), "jane@example.org"]), Is.Empty, "an e-mail outside a key");
        }
    }

    private static readonly string[] NeutralColumns = ["value", "data", "content", "material", "public", "cle_publique", "cle", "valeur", "schluessel", "inhalt", "wert", "clave_publica", "contenido", "valor", "public_key", "pubkey"];
    private static readonly string[] NeutralTables = ["ssh_keys", "deploy_keys", "cles_ssh", "acces", "schluessel", "zugaenge", "claves_ssh", "credentials", "keys", "items"];

    /// <summary>300 sampled columns under neutral names of neutral tables, each of 40 keys; with e-mail comments on some
    /// rows when <paramref name="emails"/>.</summary>
    private static IEnumerable<(ColumnEvidence Column, bool Emails)> KeyColumns(int seed)
    {
        var random = new Random(seed);
        for (int c = 0; c < 300; c++)
        {
            bool emails = c % 2 == 0;
            int row = 0;
            yield return (NeutralColumn(random, NeutralTables, ["id", "user_id", "created_at"], NeutralColumns, r => Key(r, emails && row++ % 3 == 0)), emails);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Columns_OfKeys_AreCredentials_AndNameTheEmailsInTheirComments(int seed)
    {
        var wrong = KeyColumns(seed)
            .Select(p => (p.Column, p.Emails, Decision: Combined.Classify(p.Column)))
            .Where(p => p.Decision.DataCategory != "other_personal.credentials" || p.Decision.AlsoContains.Contains("contact.email") != p.Emails)
            .Select(p => $"{p.Column.Table}.{p.Column.Column.Name} (e-mails {p.Emails}) → {p.Decision.DataCategory ?? "untagged"} also [{string.Join(",", p.Decision.AlsoContains)}]").ToList();
        AssertNoneWrong(wrong, 300, "columns of SSH public keys not credentials, or with the comments' e-mails missed or invented");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Columns_OfLookAlikes_AreNeverKeysFromTheirValues(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 300; c++)
        {
            var column = NeutralColumn(random, NeutralTables, ["id", "name"], NeutralColumns, LookAlike);
            var decision = Rules.Classify(column);
            if (decision.Evidence.Any(e => e.Id == DetectorIds.SshPublicKey && e.Matched > 0))
                wrong.Add($"{column.Table}.{column.Column.Name} → {decision.DataCategory ?? "untagged"}");
        }
        AssertNoneWrong(wrong, 300, "look-alike columns read as SSH keys");
    }
}
