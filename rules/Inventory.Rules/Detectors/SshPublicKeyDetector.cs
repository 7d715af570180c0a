using System.Buffers;
using System.Buffers.Binary;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// OpenSSH public keys as users register them to sign in: one line of an <c>authorized_keys</c> file,
/// <c>[options] keytype base64-blob [comment]</c> (sshd(8), "AUTHORIZED_KEYS FILE FORMAT"), for the key types
/// <c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>ssh-dss</c>, <c>ecdsa-sha2-nistp256/384/521</c>, the FIDO types
/// <c>sk-ssh-ed25519@openssh.com</c> and <c>sk-ecdsa-sha2-nistp256@openssh.com</c> (OpenSSH PROTOCOL.u2f) and their
/// <c>-cert-v01@openssh.com</c> certificates (PROTOCOL.certkeys). The blob is validated, not only shaped: it must decode
/// from base64 into the SSH wire encoding (RFC 4253 §6.6: a sequence of uint32-length-prefixed fields) whose first field
/// is the key type written before it, and, for plain keys, exactly the fields of that type (RFC 4253 §6.6 for RSA and DSA,
/// RFC 5656 §3.1 for ECDSA with the curve named in the type, RFC 8709 §4 for Ed25519 with its 32-byte key). A random
/// base64 blob, a PEM block or a key type without its blob is therefore no key.
/// </summary>
/// <remarks>
/// What a DPO needs (trial31 finding 7b): a public key registered to an account is the verifier of that person's sign-in,
/// as a password hash is the verifier of a password, so a column of them is <c>other_personal.credentials</c> (LABELS.md
/// tie-breaker 7, fideslang <c>user.authorization.credentials</c>), whatever the column is called. The key's trailing
/// comment is free text; <c>ssh-keygen</c> writes <c>user@host</c> there and people often replace it with their e-mail
/// address, which <see cref="CommentEmails"/> finds so the column's decision names <c>contact.email</c> among what it also
/// contains. A host-only comment (<c>root@build-01</c>) or a user on a machine of the local network
/// (<c>jane@MacBook-Pro.local</c>) is not an e-mail address.
/// </remarks>
internal sealed class SshPublicKeyDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.SshPublicKey;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.credentials";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <summary>The longest value read: an RSA key of 16,384 bits is about 2,800 characters, options and a comment add a
    /// few hundred.</summary>
    private const int MaxLength = 8192;

    /// <summary>Every key blob starts with a uint32 length below 2^24 (the key type's), so its base64 starts with
    /// <c>AAAA</c>.</summary>
    private const string BlobStart = "AAAA";

    /// <summary>Key types and the number of fields of their blob after the type, or -1 for a certificate (whose fields are
    /// only counted to at least the nonce and the key).</summary>
    private static readonly Dictionary<string, int> KeyTypes = new(StringComparer.Ordinal)
    {
        ["ssh-ed25519"] = 1,
        ["ssh-rsa"] = 2,
        ["ssh-dss"] = 4,
        ["ecdsa-sha2-nistp256"] = 2,
        ["ecdsa-sha2-nistp384"] = 2,
        ["ecdsa-sha2-nistp521"] = 2,
        ["sk-ssh-ed25519@openssh.com"] = 2,
        ["sk-ecdsa-sha2-nistp256@openssh.com"] = 3,
        ["ssh-ed25519-cert-v01@openssh.com"] = -1,
        ["ssh-rsa-cert-v01@openssh.com"] = -1,
        ["ssh-dss-cert-v01@openssh.com"] = -1,
        ["ecdsa-sha2-nistp256-cert-v01@openssh.com"] = -1,
        ["ecdsa-sha2-nistp384-cert-v01@openssh.com"] = -1,
        ["ecdsa-sha2-nistp521-cert-v01@openssh.com"] = -1,
        ["sk-ssh-ed25519-cert-v01@openssh.com"] = -1,
        ["sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"] = -1,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> KeyTypeLookup = KeyTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) =>
        shape.Length is >= 60 and <= MaxLength && shape.Dashes > 0 && value.Contains(BlobStart, StringComparison.Ordinal) && Parse(value, out _);

    /// <summary>The categories found in the comments of a column's keys: <c>contact.email</c> when at least one key's
    /// comment holds an e-mail address (<see cref="EmailDetector.IsAddress"/>; a <c>user@host</c> comment without a domain
    /// is none). Only the category leaves, never the comment.</summary>
    /// <param name="values">The column's sampled values (raw; never stored).</param>
    /// <returns><c>["contact.email"]</c> or empty.</returns>
    public static IReadOnlyList<string> CommentEmails(IReadOnlyList<string> values)
    {
        foreach (var raw in values)
        {
            if (raw is null || raw.Length > MaxLength) continue;
            var value = raw.AsSpan().Trim();
            if (value.IndexOf('@') < 0 || !value.Contains(BlobStart, StringComparison.Ordinal) || !Parse(value, out var comment)) continue;
            foreach (var range in comment.SplitAny(' ', '\t'))
            {
                var word = comment[range].Trim("<>()[],;\"'");
                if (word.IndexOf('@') > 0 && EmailDetector.IsAddress(word) && !OnLocalNetwork(word)) return ["contact.email"];
            }
        }
        return [];
    }

    /// <summary>Names under the special-use and private top-level domains that only a local network resolves (RFC 6761
    /// <c>.localhost</c>, RFC 6762 <c>.local</c> and its appendix G's <c>.lan</c>, <c>.home</c>, <c>.internal</c> and
    /// <c>.localdomain</c>, RFC 8375 <c>.home.arpa</c>): <c>ssh-keygen</c> writes <c>user@MacBook-Pro.local</c>, a user
    /// on a machine, not a mailbox.</summary>
    private static readonly string[] LocalSuffixes = [".local", ".localhost", ".localdomain", ".lan", ".home", ".internal", ".home.arpa", ".intranet", ".corp", ".private"];

    private static bool OnLocalNetwork(ReadOnlySpan<char> address)
    {
        foreach (var suffix in LocalSuffixes)
            if (address.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Reads one authorized_keys line: optional options (comma-separated, double quotes may hold spaces), the
    /// key type, a blob that validates against it, and the comment (what follows, possibly empty).</summary>
    /// <param name="value">The trimmed value.</param>
    /// <param name="comment">The comment, trimmed; empty when absent or when the value is no key.</param>
    /// <returns>True for a valid key line.</returns>
    private static bool Parse(ReadOnlySpan<char> value, out ReadOnlySpan<char> comment)
    {
        comment = default;
        // The options, when present, are the first field: up to the first white space outside double quotes.
        var rest = value;
        if (!StartsWithKeyType(rest))
        {
            bool quoted = false;
            int end = -1;
            for (int i = 0; i < rest.Length; i++)
            {
                char c = rest[i];
                if (c == '"' && (i == 0 || rest[i - 1] != '\\')) quoted = !quoted;
                else if (!quoted && c is ' ' or '\t') { end = i; break; }
            }
            if (end <= 0) return false;
            rest = rest[end..].TrimStart();
            if (!StartsWithKeyType(rest)) return false;
        }
        int typeEnd = rest.IndexOfAny(' ', '\t');
        if (typeEnd < 0) return false;
        var type = rest[..typeEnd];
        rest = rest[typeEnd..].TrimStart();
        int blobEnd = rest.IndexOfAny(' ', '\t');
        var blob = blobEnd < 0 ? rest : rest[..blobEnd];
        if (!IsBlobOf(type, blob)) return false;
        comment = blobEnd < 0 ? default : rest[blobEnd..].Trim();
        return true;
    }

    private static bool StartsWithKeyType(ReadOnlySpan<char> text)
    {
        int end = text.IndexOfAny(' ', '\t');
        return end > 0 && KeyTypeLookup.ContainsKey(text[..end]);
    }

    /// <summary>True when <paramref name="blob"/> is base64 of an SSH wire-format key of <paramref name="type"/>.</summary>
    private static bool IsBlobOf(ReadOnlySpan<char> type, ReadOnlySpan<char> blob)
    {
        if (blob.Length < 24 || blob.Length % 4 != 0 || !KeyTypeLookup.TryGetValue(type, out int fields)) return false;
        int size = blob.Length / 4 * 3;
        byte[]? rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        try
        {
            if (!Convert.TryFromBase64Chars(blob, bytes, out int written)) return false;
            ReadOnlySpan<byte> wire = bytes[..written];
            if (!TryField(ref wire, out var name) || name.Length != type.Length) return false;
            for (int i = 0; i < name.Length; i++)
                if (name[i] != type[i]) return false;
            if (fields < 0)
            {
                // A certificate: a nonce and at least one key field follow; the rest (serial, principals, validity,
                // signature) is not re-validated.
                return TryField(ref wire, out var nonce) && nonce.Length >= 16 && TryField(ref wire, out var key) && key.Length > 0;
            }
            for (int f = 0; f < fields; f++)
                if (!TryField(ref wire, out var field) || field.Length == 0) return false;
            if (!wire.IsEmpty) return false;
            return FieldsFit(type, bytes[..written]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The fields whose size or content the type fixes: Ed25519's 32-byte key (RFC 8709 §4) and the curve name
    /// that ECDSA repeats after the type (RFC 5656 §3.1).</summary>
    private static bool FieldsFit(ReadOnlySpan<char> type, ReadOnlySpan<byte> wire)
    {
        TryField(ref wire, out _);
        if (type is "ssh-ed25519" or "sk-ssh-ed25519@openssh.com")
            return TryField(ref wire, out var key) && key.Length == 32;
        if (type.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) || type.StartsWith("sk-ecdsa-sha2-", StringComparison.Ordinal))
        {
            var curve = type.StartsWith("sk-", StringComparison.Ordinal) ? "nistp256" : type["ecdsa-sha2-".Length..];
            if (!TryField(ref wire, out var name) || name.Length != curve.Length) return false;
            for (int i = 0; i < name.Length; i++)
                if (name[i] != curve[i]) return false;
        }
        return true;
    }

    /// <summary>Reads one uint32-length-prefixed field (RFC 4251 §5 <c>string</c>) off the front of <paramref name="wire"/>.</summary>
    private static bool TryField(ref ReadOnlySpan<byte> wire, out ReadOnlySpan<byte> field)
    {
        field = default;
        if (wire.Length < 4) return false;
        uint length = BinaryPrimitives.ReadUInt32BigEndian(wire);
        if (length > (uint)(wire.Length - 4)) return false;
        field = wire.Slice(4, (int)length);
        wire = wire[(4 + (int)length)..];
        return true;
    }

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other;
}
