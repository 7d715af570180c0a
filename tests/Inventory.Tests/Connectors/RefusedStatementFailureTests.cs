using Inventory.Catalog;
using Inventory.Connectors.Sampling;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary><see cref="SampleFailure.OfRefusedStatement"/>: the one wording of a sampling statement the MySQL and
/// PostgreSQL servers refused (issue kind, message, timeout advice), folded from both connectors.</summary>
[TestFixture]
public sealed class RefusedStatementFailureTests
{
    private static readonly SampleOptions Limits = new() { StatementTimeout = TimeSpan.FromSeconds(30), LockTimeout = TimeSpan.FromMilliseconds(250) };

    [TestCase(NotSampledReason.TimedOut, false, ExpectedResult = "timeout")]
    [TestCase(NotSampledReason.NoPrivilege, false, ExpectedResult = "no-privilege")]
    [TestCase(NotSampledReason.Error, true, ExpectedResult = "conversion-error")]
    [TestCase(NotSampledReason.Error, false, ExpectedResult = "error")]
    public string OfRefusedStatement_Reason_IssueKind(NotSampledReason reason, bool conversion) =>
        SampleFailure.OfRefusedStatement(reason, conversion, "SQLSTATE 57014", Limits, narrowable: true).Kind;

    /// <summary>trial36 finding 11: after a lock wait only the lock timeout (or waiting for the lock) helps; the advice
    /// no longer starts with the statement timeout.</summary>
    [Test]
    public void OfRefusedStatement_LockWait_AdviceNamesTheLockTimeoutOnly()
    {
        var failure = SampleFailure.OfRefusedStatement(NotSampledReason.TimedOut, false, "SQLSTATE 55P03", Limits, narrowable: true, lockWait: true);

        Assert.That(failure.Message, Is.EqualTo("sampling failed: SQLSTATE 55P03; the limits were a statement timeout of 30 s and a lock timeout of 250 ms; "
            + "to read it, raise lock-timeout: under the source's sample: in inventory.yml (or pass --lock-timeout), scan again when the other session's lock is released, or exclude the table"));
    }

    [Test]
    public void OfRefusedStatement_TimedOut_MessageNamesTheLimitsAndWhatToChange()
    {
        var failure = SampleFailure.OfRefusedStatement(NotSampledReason.TimedOut, false, "SQLSTATE 57014", Limits, narrowable: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Message, Is.EqualTo("sampling failed: SQLSTATE 57014; the limits were a statement timeout of 30 s and a lock timeout of 250 ms; "
                + "to read it, raise timeout: (or lock-timeout:) under the source's sample: in inventory.yml, or pass --timeout (or --lock-timeout), or exclude the table"));
            Assert.That(failure.Narrowable, Is.False);
            Assert.That(failure.Reason, Is.EqualTo(NotSampledReason.TimedOut));
        }
    }

    [Test]
    public void OfRefusedStatement_NoPrivilege_MessageWithoutTimeoutAdvice()
    {
        var failure = SampleFailure.OfRefusedStatement(NotSampledReason.NoPrivilege, false, "SQLSTATE 42501", Limits, narrowable: true);

        Assert.That(failure.Message, Is.EqualTo("sampling failed: SQLSTATE 42501"));
    }
}
