using Inventory.Rules;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>The column model's scoring two labels at a time in 128-bit vectors (<see cref="ColumnModel.AccumulateRow"/>) gives the bits of
/// the scalar loop it replaced, and its file reader (one buffer of its own) reads a stream that hands out its bytes in
/// pieces of any size as it reads a whole one.</summary>
[TestFixture]
public sealed class ColumnModelScoringTests
{
    [Test]
    public void Probabilities_EmbeddedModelOnCorpusColumns_SameBitsAsScalarLoop()
    {
        // Given the embedded model and the columns of corpus applications, vectorised as a scan does
        var model = ColumnModel.LoadDefault();
        var rules = ClassifierFactory.CreateRules();
        var inputs = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus")).Take(6)
            .SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        var vectors = inputs.Select(model.Vectorizer.Vectorize).ToArray();

        // When each is scored by the vector path and by the scalar reference
        var differing = vectors.Count(v => !model.Probabilities(v).AsSpan().SequenceEqual(model.ProbabilitiesScalar(v)));

        // Then every probability of every column has the same bits
        Assert.That(vectors, Has.Length.GreaterThan(100));
        Assert.That(differing, Is.Zero);
    }

    [Test]
    public void AccumulateRow_RandomRowsOfEveryLength_SameBitsAsScalarLoop()
    {
        // Given rows of 0 to 70 labels with weights and values of every magnitude and sign (seeded)
        var random = new Random(20261203);
        float Any() => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)));
        int differing = 0, rows = 0;
        for (int length = 0; length <= 70; length++)
        {
            for (int trial = 0; trial < 40; trial++)
            {
                var start = Enumerable.Range(0, length).Select(_ => (double)Any() * Any()).ToArray();
                var row = Enumerable.Range(0, length).Select(_ => Any()).ToArray();
                float value = Any();
                // When one row is added by the vector path and by the scalar loop
                var vector = start.ToArray();
                ColumnModel.AccumulateRow(vector, value, row);
                var scalar = start.ToArray();
                double x = value;
                for (int k = 0; k < length; k++) scalar[k] += x * row[k];
                rows++;
                if (!vector.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(scalar.Select(BitConverter.DoubleToInt64Bits))) differing++;
            }
        }

        // Then each sum has the scalar loop's bits
        Assert.That(rows, Is.EqualTo(71 * 40));
        Assert.That(differing, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(4099)]
    public void Load_StreamReadInPieces_SameModelAsWholeStream(int piece)
    {
        // Given the embedded model's bytes, served by a stream that returns at most a few bytes per read
        using var saved = new MemoryStream();
        ColumnModel.LoadDefault().Save(saved);
        var bytes = saved.ToArray();

        // When it is loaded from that stream
        var loaded = ColumnModel.Load(new PiecewiseStream(bytes, piece));

        // Then it saves back the very same bytes
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.That(again.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public void Load_TruncatedInsideVocabulary_ThrowsEndOfStream()
    {
        // Given the embedded model's bytes cut in the middle of its vocabulary
        using var saved = new MemoryStream();
        ColumnModel.LoadDefault().Save(saved);
        var cut = saved.ToArray().AsSpan(0, 200_000).ToArray();

        // When it is loaded, then the reader says the stream ended
        Assert.That(() => ColumnModel.Load(new MemoryStream(cut)), Throws.TypeOf<EndOfStreamException>());
    }

    /// <summary>A read-only stream over bytes that hands out at most <c>piece</c> bytes per read.</summary>
    private sealed class PiecewiseStream(byte[] bytes, int piece) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(piece, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
