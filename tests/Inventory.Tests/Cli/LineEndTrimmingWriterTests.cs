using Inventory.Cli;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>Piped output carries no padding at line ends (trial 17: <c>--help</c> lines were 240 columns wide).</summary>
public sealed class LineEndTrimmingWriterTests
{
    [TestCase("a  \nb", ExpectedResult = "a\nb")]
    [TestCase("a  b   \r\n  c", ExpectedResult = "a  b\r\n  c")]
    [TestCase("   \n\n x ", ExpectedResult = "\n\n x ")]
    [TestCase("no newline", ExpectedResult = "no newline")]
    public string Write_DropsSpacesBeforeLineBreaksOnly(string text)
    {
        var inner = new StringWriter();
        using (var writer = new LineEndTrimmingWriter(inner))
        {
            foreach (var part in text.Chunk(3)) writer.Write(new string(part)); // spaces split across writes
        }
        return inner.ToString();
    }

    [Test]
    public void HelpThroughAPipe_HasNoTrailingSpaces()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "inventory.dll"), "scan", "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        var lines = output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.Zero);
            Assert.That(lines, Has.Some.Contains("--connection <CONN>"), "the help was written");
            Assert.That(lines.Where(l => l.EndsWith(' ')), Is.Empty);
            // Checked as a character: a culture-aware substring search ignores the control character (and finds "[").
            Assert.That(output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no terminal escape codes in piped output");
            Assert.That(lines.Count(l => l.Contains("--verbose", StringComparison.Ordinal)), Is.EqualTo(1), "-v, --verbose listed once");
        }
    }

    [Test]
    public void Write_PassesEachCallOnInOneWrite()
    {
        // Standard output flushes on every write: 8 MB of check findings written a character at a time were 8 million
        // system calls (gate48). One call's text reaches the inner writer whole, its trailing spaces held back.
        var inner = new CountingWriter();
        var lines = string.Concat(Enumerable.Range(0, 1000).Select(i => $"table_{i}.column  untagged: no annotation   \n"));
        using (var writer = new LineEndTrimmingWriter(inner))
        {
            writer.Write(lines);
            Assert.That(inner.Writes, Is.EqualTo(1), "one write for one call of 1,000 lines");
            writer.Write("tail   ");
            Assert.That(inner.Writes, Is.EqualTo(2));
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inner.Text.ToString(), Is.EqualTo(lines.Replace("   \n", "\n", StringComparison.Ordinal) + "tail   "));
            Assert.That(inner.Writes, Is.EqualTo(3), "the held-back spaces written at the end");
        }
    }

    private sealed class CountingWriter : TextWriter
    {
        public int Writes { get; private set; }
        public System.Text.StringBuilder Text { get; } = new();
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) { Writes++; Text.Append(value); }
        public override void Write(string? value) { Writes++; Text.Append(value); }
        public override void Write(char[] buffer, int index, int count) { Writes++; Text.Append(buffer, index, count); }
    }
}
