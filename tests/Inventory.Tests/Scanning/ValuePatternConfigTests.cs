using Inventory;
using Inventory.Config;
using Inventory.Pipeline;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary><c>value-patterns:</c> in inventory.yml (users45: Presidio's custom recognizers, PIICatcher's regex
/// detectors): read, compiled once with a match timeout, and every mistake refused at its file, line and column.</summary>
[TestFixture]
public sealed class ValuePatternConfigTests
{
    private string _file = "";

    [SetUp]
    public void CreateFile() => _file = Path.Combine(Path.GetTempPath(), $"users45-patterns-{Guid.NewGuid():N}.yml");

    [TearDown]
    public void RemoveFile() => File.Delete(_file);

    private InventoryConfig Load(string yaml)
    {
        File.WriteAllText(_file, yaml);
        return InventoryConfig.Load(_file, _ => null);
    }

    private ConfigurationException Refused(string yaml)
    {
        File.WriteAllText(_file, yaml);
        return Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(_file, _ => null))!;
    }

    [Test]
    public void Load_FullEntry_EveryKeyRead()
    {
        var config = Load("""
            value-patterns:
              - name: employee-id
                pattern: 'EMP-\d{6}'
                category: other_personal.employment
                min-share: 0.8
                context: [employee, staff]
                validator: luhn
              - name: customer-number
                pattern: 'C\d{8}'
                category: none
            """);

        var first = config.ValuePatterns[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.ValuePatterns.Select(p => p.Name), Is.EqualTo(new[] { "employee-id", "customer-number" }));
            Assert.That((first.DataCategory, first.MinShare, first.Validator), Is.EqualTo(("other_personal.employment", 0.8, (ValueChecksum?)ValueChecksum.Luhn)));
            Assert.That(first.Context, Is.EqualTo(new[] { "employee", "staff" }));
            Assert.That(first.Expression.MatchTimeout, Is.EqualTo(ValuePatternConfig.MatchTimeout));
            Assert.That((first.At.Line, first.At.Column, first.CategoryAt.Line), Is.EqualTo((2, 11, 4)));
            // Anchored: the expression matches a whole value, not a part of one.
            Assert.That(first.Expression.IsMatch("EMP-123456"), Is.True);
            Assert.That(first.Expression.IsMatch("xEMP-123456"), Is.False);
            Assert.That(first.Expression.IsMatch("EMP-1234567"), Is.False);
            Assert.That(config.ValuePatterns[1].MinShare, Is.EqualTo(ValuePatternConfig.DefaultMinShare));
            Assert.That(config.ValuePatterns[1].Validator, Is.Null);
        }
    }

    [Test]
    public void Load_NoKey_NoPatterns() =>
        Assert.That(Load("annotations: annotations/\n").ValuePatterns, Is.Empty);

    [Test]
    public void Load_InvalidExpression_ErrorAtThePatternValueWithTheParsersReason()
    {
        var error = Refused("value-patterns:\n  - name: employee-id\n    pattern: 'EMP-(\\d{6}'\n    category: other_personal.employment\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((error.File, error.Line, error.Column), Is.EqualTo((_file, 3, 14)));
            Assert.That(error.Reason, Does.StartWith("value pattern 'employee-id': 'pattern' is not a valid regular expression: insufficient closing parentheses at character"));
            Assert.That(error.Message, Does.StartWith($"{_file}:3:14: "));
        }
    }

    [TestCase("    validator: crc32\n", 5, 16, "unknown validator 'crc32'; use luhn, iban, mod97, gs1")]
    [TestCase("    min-share: 1.5\n", 5, 16, "min-share must be above 0 and at most 1")]
    [TestCase("    min-share: 0\n", 5, 16, "min-share must be above 0 and at most 1")]
    [TestCase("    contexts: [staff]\n", 5, 5, "unknown key 'contexts' in value pattern")]
    [TestCase("    context: ['--']\n", 5, 14, "every context word needs a letter or digit")]
    public void Load_BadKey_ErrorAtItsPlace(string line, int atLine, int atColumn, string reason)
    {
        var error = Refused("value-patterns:\n  - name: employee-id\n    pattern: 'EMP-\\d{6}'\n    category: other_personal.employment\n" + line);

        Assert.That((error.Line, error.Column), Is.EqualTo((atLine, atColumn)));
        Assert.That(error.Reason, Does.Contain(reason));
    }

    [Test]
    public void Load_RepeatedName_ErrorAtTheSecond()
    {
        var error = Refused("value-patterns:\n  - name: staff\n    pattern: 'S\\d+'\n    category: none\n  - name: staff\n    pattern: 'T\\d+'\n    category: none\n");

        Assert.That((error.Line, error.Column, error.Reason), Is.EqualTo((5, 11, "two value patterns are named 'staff'; names must be unique")));
    }

    [TestCase("Employee ID")]
    [TestCase("employee_id")]
    [TestCase("-staff")]
    public void Load_NameNotKebabCase_Refused(string name)
    {
        var error = Refused($"value-patterns:\n  - name: '{name}'\n    pattern: 'S\\d+'\n    category: none\n");

        Assert.That((error.Line, error.Column), Is.EqualTo((2, 11)));
        Assert.That(error.Reason, Does.Contain("becomes the rule id pattern."));
    }

    [Test]
    public void Load_MissingPatternOrCategory_ErrorAtTheEntry()
    {
        var noPattern = Refused("value-patterns:\n  - name: staff\n    category: none\n");
        var noCategory = Refused("value-patterns:\n  - name: staff\n    pattern: 'S\\d+'\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((noPattern.Line, noPattern.Column, noPattern.Reason), Is.EqualTo((2, 5, "value pattern 'staff' needs 'pattern' (a regular expression)")));
            Assert.That((noCategory.Line, noCategory.Column, noCategory.Reason), Is.EqualTo((2, 5, "value pattern 'staff' needs 'category'")));
        }
    }

    [Test]
    public void Load_NotAList_Refused()
    {
        var error = Refused("value-patterns:\n  name: staff\n");

        Assert.That((error.Line, error.Column), Is.EqualTo((2, 3)));
        Assert.That(error.Reason, Does.StartWith("'value-patterns' must be a list of patterns"));
    }

    [Test]
    public void CreateClassifier_CategoryNotInTheTaxonomy_ErrorAtTheCategory()
    {
        var config = Load("value-patterns:\n  - name: staff\n    pattern: 'S\\d+'\n    category: hr.employee_number\n");

        var error = Assert.Throws<ConfigurationException>(() => new InventoryFlow(config).CreateClassifier())!;

        Assert.That((error.File, error.Line, error.Column), Is.EqualTo((_file, 4, 15)));
        Assert.That(error.Reason, Does.StartWith("value pattern 'staff': unknown category 'hr.employee_number'"));
    }
}
