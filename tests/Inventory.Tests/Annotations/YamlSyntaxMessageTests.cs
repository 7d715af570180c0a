using Inventory.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial 22 finding 5: an unparseable annotation file names the file, the line and column, and says what is
/// wrong in plain words (indentation above all), not the YAML library's parser states. Trial 30: the line and column are
/// where the message puts the mistake (the start of a line indented too deep, the unclosed bracket), not where the
/// library stopped (the value after the key, the end of the file).</summary>
[TestFixture]
public sealed class YamlSyntaxMessageTests
{
    [TestCase("table: t\ncolumns:\n    email: contact.email\n  name: contact.name\n", 4, 3,
        "bad indentation: line 4 starts at column 3, but line 3, the first key under line 2, starts at column 5: the keys under line 2 must start at the same column")]
    [TestCase("table: t\ncolumns:\n  email:\n    category: contact.email\n   reason: x\n", 5, 4,
        "bad indentation: line 5 starts at column 4, which lines up with none of the lines above it (column 5 on line 4, column 3 on line 3, column 1 on line 2 above)")]
    [TestCase("table: t\n  columns:\n  id: none\n", 2, 3,
        "bad indentation: line 2 is indented deeper (column 3) than line 1 (column 1), whose key already has a value")]
    [TestCase("table: t\ncolumns:\n  email: contact.email\n   name: contact.name\n", 4, 4,
        "bad indentation: line 4 is indented deeper (column 4) than line 3 (column 3), whose key already has a value")]
    [TestCase("table: t\ncolumns:\n  email: contact: email\n", 3, 17, "a ': ' inside a value; put the value in quotes")]
    [TestCase("table: t\ncolumns:\n  - id\n  name: none\n", 4, 3, "line 4 is among the items of a list ('- ' lines) but does not start with '- '")]
    [TestCase("table: t\ncolumns:\n  id: none\n  note: [unclosed\n", 4, 9, "the '[' opened at line 4, column 9 is not closed: add the ']'")]
    [TestCase("table: t\ncolumns:\n  id: none\n  note: [\n", 4, 9, "the '[' opened at line 4, column 9 is not closed: add the ']'")]
    [TestCase("table: t\ncolumns:\n  id: none\n  note: { category: none,\n", 4, 9, "the '{' opened at line 4, column 9 is not closed: add the '}'")]
    [TestCase("table: t\ncolumns: [\n", 2, 10, "the '[' opened at line 2, column 10 is not closed: add the ']'")]
    [TestCase("table: t\ncolumns:\n  id: \"abc\n", 3, 7, "the quote opened here is never closed")]
    [TestCase("table: t\ncolumns:\n  id: none\n  name: \"x\" y\n", 4, 13, "unexpected text after a complete value on this line")]
    public void Parse_SyntaxError_FileLineColumnAndPlainWords(string text, int line, int column, string message)
    {
        var errors = new List<AnnotationError>();

        new AnnotationLoader().Parse(text, "annotations/t.yml", errors);

        var error = errors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((error.File, error.Line, error.Column), Is.EqualTo(("annotations/t.yml", line, column)));
            Assert.That(error.Message, Does.StartWith($"annotations/t.yml:{line}:{column}: invalid YAML: "));
            Assert.That(error.Message.Contains(message, StringComparison.Ordinal), Is.True, error.Message);
            Assert.That(error.Message, Does.Not.Contain("While ").And.Not.Contain(".;"), "the library's wording");
        }
    }
}

/// <summary>trial28 finding 5: inventory.yml ending inside an open '[' (nothing after it, or a trailing ',') named the
/// library's parser state ("While parsing a node, did not find expected node content") instead of the open bracket.</summary>
[TestFixture]
public sealed class ConfigUnclosedBracketTests
{
    [TestCase("sources: [\n", "the '[' opened at line 1, column 10 is not closed: add the ']'")]
    [TestCase("sources:\n  - name: a\n    connection: sqlite:app.db\ncheck:\n  fail-on: [untagged,\n", "the '[' opened at line 5, column 12 is not closed: add the ']'")]
    [TestCase("sources:\n  - name: a\n    connection: sqlite:app.db\n    sample: {\n", "the '{' opened at line 4, column 13 is not closed: add the '}'")]
    public void Load_UnclosedBracketAtTheEnd_NamesTheBracket(string text, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, text);
        try
        {
            var error = Assert.Throws<Inventory.ConfigurationException>(() => Inventory.Config.InventoryConfig.Load(file, _ => null))!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(error.Message.Contains(message, StringComparison.Ordinal), Is.True, error.Message);
                Assert.That(error.Message, Does.Not.Contain("While parsing"), "the library's wording");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
