using System.Text;
using Inventory.Model;
using Inventory.Tests.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary><see cref="InventoryJson.Read"/> parses the file's UTF-8 bytes (gate48: reading it as text first held a
/// 45 MB inventory three times over) and reads what the text path read: the same document with or without a byte order
/// mark, and a file with bytes that are not UTF-8 still read through the text decoder (bad bytes replaced), not
/// rejected.</summary>
public sealed class InventoryJsonReadTests
{
    private static readonly string Json = InventoryJson.Serialize(CaseInventories.C06());

    private static string ReadBack(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"inv-read-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(path, bytes);
            return InventoryJson.Serialize(InventoryJson.Read(path));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Read_Utf8WithAndWithoutByteOrderMark_GivesTheDocumentTheTextGives()
    {
        var plain = Encoding.UTF8.GetBytes(Json);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadBack(plain), Is.EqualTo(InventoryJson.Serialize(InventoryJson.Deserialize(Json))));
            Assert.That(ReadBack([.. Encoding.UTF8.Preamble, .. plain]), Is.EqualTo(ReadBack(plain)));
        }
    }

    [Test]
    public void Read_BytesThatAreNotUtf8_AreReplacedAsTheTextDecoderDoes()
    {
        // A lone 0xE9 (Latin-1 é) in the tool's name: the text path reads it as U+FFFD; the byte path must not reject it.
        var at = Json.IndexOf("\"tool\": \"", StringComparison.Ordinal) + "\"tool\": \"".Length;
        Assert.That(at, Is.GreaterThan("\"tool\": \"".Length), "the document names its tool");
        var bytes = Encoding.UTF8.GetBytes(Json[..at]).Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(Json[at..])).ToArray();
        var read = InventoryJson.Deserialize(ReadBack(bytes));
        Assert.That(read.Tool, Is.EqualTo("\uFFFD" + CaseInventories.C06().Tool));
    }
}
