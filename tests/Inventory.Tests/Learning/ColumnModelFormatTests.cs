using System.Buffers.Binary;
using System.IO.Compression;
using Inventory.Rules;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>The column model's file format, version 2 (the payload stored uncompressed, so a scan does not inflate it):
/// the embedded model round-trips through it byte for byte and scores the same, and a file of the gzip-compressed
/// version 1 is refused with a message that names the version and says to retrain.</summary>
[TestFixture]
public sealed class ColumnModelFormatTests
{
    private static byte[] Saved(ColumnModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Test]
    public void Save_EmbeddedModel_Version2HeaderThenPayloadUncompressed()
    {
        var bytes = Saved(ColumnModel.LoadDefault());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bytes.AsSpan(0, 8).ToArray(), Is.EqualTo("INVCMODL"u8.ToArray()));
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)), Is.EqualTo(2).And.EqualTo(ColumnModel.FormatVersion));
            Assert.That(bytes.AsSpan(12, 2).ToArray(), Is.Not.EqualTo(new byte[] { 0x1f, 0x8b }), "no gzip stream after the header");
            Assert.That(bytes.AsSpan(bytes.Length - 4).ToArray(), Is.EqualTo("END."u8.ToArray()));
        }
    }

    [Test]
    public void Load_SavedEmbeddedModel_SameBytesAgainAndSamePredictions()
    {
        // Given the embedded model saved to a stream and loaded back
        var model = ColumnModel.LoadDefault();
        var bytes = Saved(model);
        using var stream = new MemoryStream(bytes);
        var loaded = ColumnModel.Load(stream);

        // When both score columns of a corpus application
        var rules = ClassifierFactory.CreateRules();
        var inputs = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus")).Take(3).SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        static string[] Render(IEnumerable<ModelPrediction> p) => p.Select(x => $"{x.DataCategory} {x.Probability:R} {x.RunnerUp} {x.RunnerUpProbability:R} {string.Join(",", x.Distribution.Select(d => d.ToString("R")))}").ToArray();

        // Then the loaded model saves the same bytes, scores bit for bit the same, and the caller's stream stays open
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inputs, Has.Length.GreaterThan(20));
            Assert.That(Saved(loaded), Is.EqualTo(bytes));
            Assert.That(Render(loaded.Predict(inputs)), Is.EqualTo(Render(model.Predict(inputs))));
            Assert.That(stream.CanRead, Is.True, "Load does not close the stream it was given");
        }
    }

    [Test]
    public void Load_Version1File_ThrowsConfigurationExceptionNamingVersionAndRetrain()
    {
        // Given a file of format version 1: the same payload, gzip-compressed (what earlier releases wrote)
        var current = Saved(ColumnModel.LoadDefault());
        using var old = new MemoryStream();
        old.Write("INVCMODL"u8);
        old.Write(BitConverter.GetBytes(1));
        using (var gzip = new GZipStream(old, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(current.AsSpan(12));
        var path = Path.Combine(Path.GetTempPath(), $"model-v1-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, old.ToArray());
        try
        {
            // When it is loaded, then the error names the file, the version and what to do
            Assert.That(() => ColumnModel.Load(path), Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains(path).And.Message.Contains("format version 1").And.Message.Contains("this build reads version 2")
                .And.Message.Contains("inventory train"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
