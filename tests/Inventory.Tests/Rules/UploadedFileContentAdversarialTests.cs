using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 19 finding 13 (kinds20): a binary column holding the content of files users uploaded (PNG/JPEG/PDF attachments in
/// <c>pieces_jointes.contenu</c>, <c>attachments.data</c>, <c>anhaenge.datei</c>, <c>adjuntos.archivo</c>) is
/// <c>customer_content.file</c> (LABELS.md), not credentials. The scanner never reads binary content: only byte lengths are
/// sampled, large and varied for files. Look-alikes keep their kind: a person's avatar or photo (<c>other_personal.photo</c>),
/// digests and keys stored as bytes in the same tables (<c>none</c>), and session or cache blobs outside a table of files
/// are never called files. Names in English, French, German and Spanish, generated in bulk; with and without lengths.
/// </summary>
[TestFixture]
public sealed class UploadedFileContentAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] FileTables =
    [
        "attachments", "ticket_attachments", "message_attachments", "uploads", "user_uploads", "documents", "files", "pieces_jointes",
        "piece_jointe", "fichiers", "support_pieces_jointes", "documents_clients", "anhaenge", "dateien", "dokumente", "ticket_anhaenge",
        "adjuntos", "archivos", "archivos_adjuntos", "documentos", "mail_attachments", "invoice_documents",
    ];
    // The bytes themselves, in a table of files.
    private static readonly string[] ContentNames =
    [
        "content", "contents", "data", "blob", "bytes", "body", "raw", "binary", "file_content", "file_data", "file_blob", "file_bytes",
        "file", "attachment", "attachment_data", "upload_data", "document", "contenu", "donnees", "fichier", "contenu_fichier",
        "contenu_du_fichier", "piece_jointe", "donnees_fichier", "inhalt", "daten", "datei", "datei_inhalt", "dateiinhalt", "anhang",
        "dokument", "contenido", "datos", "archivo", "contenido_archivo", "contenido_del_archivo", "adjunto", "datos_archivo", "documento",
    ];
    // Files named as files, in any table (a user's uploaded document in a profile table).
    private static readonly string[] FileNamedColumns = ["file_content", "fichier", "contenu_fichier", "datei", "datei_inhalt", "archivo", "contenido_archivo", "attachment_data"];
    private static readonly string[] OtherTables = ["users", "profiles", "tickets", "messages", "kunden", "clientes", "utilisateurs", "contracts"];
    private static readonly string[] BinaryTypes = ["bytea", "blob", "longblob", "mediumblob", "varbinary(max)", "image", "oid"];

    private static ColumnEvidence Binary(string table, string column, string type, IReadOnlyList<long>? lengths) => new()
    {
        Table = table,
        TableColumns = ["id", "owner_id", "created_at", "mime_type", column],
        Column = new ColumnInfo { Name = column, Ordinal = 5, DeclaredType = type, Family = TypeFamily.Binary },
        Sampled = false,
        NotSampled = NotSampledReason.Binary,
        BinaryLengths = lengths,
    };

    // File sizes: a few hundred bytes (a small text attachment) to a few megabytes (a PDF, a photo), never all alike.
    private static long[] FileLengths(Random random) =>
        Enumerable.Range(0, random.Next(5, 120)).Select(_ => (long)Math.Round(Math.Exp(random.NextDouble() * 9 + 5.5))).ToArray();
    private static long[] Fixed(Random random, long length) => Enumerable.Range(0, random.Next(5, 120)).Select(_ => length).ToArray();

    private static List<string> Wrong(List<(ColumnEvidence Column, Func<string?, bool> Ok, string Expected)> columns)
    {
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        return columns.Zip(decisions).Where(p => !p.First.Ok(p.Second.DataCategory))
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} ({(p.First.Column.BinaryLengths is null ? "names only" : "lengths")}) → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}")
            .ToList();
    }

    [TestCase(1, true)]
    [TestCase(2, true)]
    [TestCase(1, false)]
    [TestCase(2, false)]
    public void UploadedFilesContent_IsCustomerContentFile(int seed, bool withLengths)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence, Func<string?, bool>, string)>();
        for (int c = 0; c < 400; c++)
        {
            var column = c % 4 == 3
                ? Binary(Pick(random, OtherTables), Pick(random, FileNamedColumns), Pick(random, BinaryTypes), withLengths ? FileLengths(random) : null)
                : Binary(Pick(random, FileTables), ContentNames[c % ContentNames.Length], Pick(random, BinaryTypes), withLengths ? FileLengths(random) : null);
            columns.Add((column, d => d == "customer_content.file", "customer_content.file"));
        }
        var wrong = Wrong(columns);
        AssertNoneWrong(wrong, columns.Count, "uploaded files' content not customer_content.file");
    }

    [TestCase(3, true)]
    [TestCase(4, true)]
    [TestCase(3, false)]
    public void LookAlikes_KeepTheirKind(int seed, bool withLengths)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence, Func<string?, bool>, string)>();
        for (int c = 0; c < 400; c++)
        {
            switch (c % 4)
            {
                case 0:
                    // A person's picture: a photo, not a file a user attached.
                    columns.Add((Binary(Pick(random, ["users", "members", "employees", "utilisateurs", "salaries", "mitarbeiter", "kunden", "usuarios", "empleados"]),
                        Pick(random, ["avatar", "photo", "profile_picture", "profile_photo", "portrait", "headshot", "foto", "photo_profil", "profilbild", "foto_perfil"]),
                        Pick(random, BinaryTypes), withLengths ? FileLengths(random) : null), d => d == "other_personal.photo", "other_personal.photo"));
                    break;
                case 1:
                    // Digests of the files, in the same tables: checksums.
                    long digest = Pick(random, ["16", "20", "32", "64"]) switch { "16" => 16, "20" => 20, "32" => 32, _ => 64 };
                    columns.Add((Binary(Pick(random, FileTables), Pick(random, ["file_hash", "content_hash", "sha256", "md5", "checksum", "file_sha1", "empreinte_fichier", "datei_hash", "archivo_md5"]),
                        Pick(random, ["binary(32)", "bytea", "varbinary(64)"]), withLengths ? Fixed(random, digest) : null), d => d == "none", "none"));
                    break;
                case 2:
                    // Keys stored as bytes in the same tables.
                    columns.Add((Binary(Pick(random, FileTables), Pick(random, ["uuid", "guid", "id", "file_uuid", "document_id", "attachment_key"]),
                        Pick(random, ["binary(16)", "bytea", "varbinary(16)"]), withLengths ? Fixed(random, 16) : null), d => d == "none", "none"));
                    break;
                default:
                    // Session, cache and queue blobs outside a table of files: never called files.
                    columns.Add((Binary(Pick(random, ["sessions", "cache", "cache_entries", "jobs", "queue", "django_session", "sessions_php", "sitzungen", "sesiones"]),
                        Pick(random, ["data", "content", "payload", "value", "contenu", "daten", "datos", "body"]),
                        Pick(random, BinaryTypes), withLengths ? FileLengths(random) : null), d => d != "customer_content.file", "anything but customer_content.file"));
                    break;
            }
        }
        var wrong = Wrong(columns);
        AssertNoneWrong(wrong, columns.Count, "look-alikes of uploaded files changed kind");
    }

    [Test]
    public void FileNamedBytesOfOneShortLength_AreNotCalledFilesByTheirLengths()
    {
        var random = new Random(7);
        var rules = ClassifierFactory.CreateRules();
        var called = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            // 16- or 32-byte values under a content name: keys or digests, not files.
            var column = Binary(Pick(random, FileTables), Pick(random, ContentNames), "bytea", Fixed(random, random.Next(2) == 0 ? 16 : 32));
            if (rules.Classify(column).DataCategory == "customer_content.file") called.Add($"{column.Table}.{column.Column.Name}");
        }
        AssertNoneWrong(called, 200, "content-named columns of one short length decided as files by the rules");
    }
}
