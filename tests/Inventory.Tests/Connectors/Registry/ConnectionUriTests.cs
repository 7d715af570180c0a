using Inventory.Connectors;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>Passwords holding characters URIs reserve: a raw one is refused with the advice to percent-encode it (never
/// echoing the password), an encoded one reaches the driver intact, for every URI scheme.</summary>
[TestFixture]
public sealed class ConnectionUriTests
{
    private const string Secret = "Sup3rSecret";

    [TestCase("postgres://scanner:{0}@db.internal:5432/app")]
    [TestCase("postgresql://scanner:{0}@db.internal/app?sslmode=require")]
    [TestCase("mysql://scanner:{0}@db.internal:3306/shop")]
    [TestCase("mariadb://scanner:{0}@db.internal/")]
    [TestCase("sqlserver://scanner:{0}@sql.internal:1433/App?TrustServerCertificate=true")]
    public void Parse_RawReservedCharacterInPassword_SaysPercentEncodeWithoutThePassword(string template)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var password in new[] { Secret + "@x", Secret + "/x", Secret + "#x", Secret + "?x", "12#" + Secret, "12/" + Secret, "12?" + Secret })
            {
                var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, password);
                var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse(uri), password);
                Assert.That(e!.Message, Does.Contain("percent-encode it (@ → %40"), password);
                Assert.That(e.Message, Does.Not.Contain(Secret).And.Not.Contain("db.internal").And.Not.Contain("sql.internal"), password);
            }
        }
    }

    /// <summary>Trial 18: a port out of range read "expected postgres://user:password@host:port/database", which a newcomer
    /// compares with a URI of exactly that shape; it says the port is wrong (without repeating it).</summary>
    [TestCase("postgres://scanner:" + Secret + "@db.internal:99999/app")]
    [TestCase("postgres://scanner:" + Secret + "@db.internal:0/app")]
    [TestCase("mysql://scanner:" + Secret + "@db.internal:1234567/shop")]
    [TestCase("sqlserver://scanner:" + Secret + "@sql.internal:70000/App")]
    public void Parse_PortOutOfRange_SaysThePort(string uri)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse(uri));
        Assert.That(e!.Message, Does.Contain("the port is not a number from 1 to 65535").And.Not.Contain(Secret)
            .And.Not.Contain("99999").And.Not.Contain("1234567").And.Not.Contain("70000"));
    }

    [Test]
    public void Parse_PortOutOfRangeButUserInfoCutShort_KeepsThePercentEncodeAdvice()
    {
        // A raw '/' in the password ends the authority early: the digits after ':' are the password's, not a port.
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse("postgres://scanner:123456/" + Secret + "@db.internal/app"));
        Assert.That(e!.Message, Does.Not.Contain("the port").And.Contain("percent-encode").And.Not.Contain("123456"));
    }

    [TestCase("bogus")]
    [TestCase("7")]
    [TestCase("requir")]
    public void Parse_PostgresSslModeUnknown_ListsTheModes(string mode)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse($"postgres://scanner:{Secret}@db.internal/app?sslmode={mode}"));
        Assert.That(e!.Message, Does.Contain("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full").And.Not.Contain(Secret));
    }

    [TestCase("verify-full", "VerifyFull")]
    [TestCase("require", "Require")]
    [TestCase("Disable", "Disable")]
    public void Parse_PostgresSslModeKnown_IsKept(string mode, string expected)
    {
        var target = ConnectionTarget.Parse($"postgres://scanner:{Secret}@db.internal/app?sslmode={mode}");
        Assert.That(new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString).SslMode.ToString(), Is.EqualTo(expected));
    }

    [TestCase("postgres://scanner:{0}@db.internal:5432/app", "Password={1}")]
    [TestCase("mysql://scanner:{0}@db.internal:3306/shop", "Password={1}")]
    [TestCase("sqlserver://scanner:{0}@sql.internal:1433/App", "Password={1}")]
    public void Parse_PercentEncodedPassword_ReachesTheDriverDecoded(string template, string expected)
    {
        const string password = "p@ss:w/rd#1?%";
        var target = ConnectionTarget.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(password)));
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder["Password"], Is.EqualTo(password));
            Assert.That(target.Display, Does.StartWith("db.internal").Or.StartWith("sql.internal"));
            Assert.That(target.Display, Does.Not.Contain("p@ss"));
        }
    }

    [TestCase("postgres://scanner:{0}@db.internal:5432/app")]
    [TestCase("mysql://scanner:{0}@db.internal:3306/shop")]
    [TestCase("sqlserver://scanner:{0}@sql.internal:1433/App")]
    public void Parse_RawPercentInPassword_SaysWriteItAsPercent25WithoutThePassword(string template)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var password in new[] { Secret + "%", Secret + "%x1", "50%off" + Secret, Secret + "%4" })
            {
                var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, password);
                var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse(uri), password);
                Assert.That(e!.Message, Does.Contain("the password holds a '%' that is not followed by two hexadecimal digits; write a literal % as %25"), password);
                Assert.That(e.Message, Does.Not.Contain(Secret).And.Not.Contain("off").And.Not.Contain("internal"), password);
            }
        }
    }

    [Test]
    public void Parse_PercentEscapesThatAreNotUtf8_AreAnError()
    {
        // "%E9" alone is Latin-1 'é', not UTF-8: passing it on as written would send another password than the one meant.
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse($"postgres://scanner:{Secret}%E9@db.internal/app"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.Message, Does.Contain("the password holds percent-escapes that are not UTF-8 text"));
            Assert.That(e.Message, Does.Not.Contain(Secret));
        }
    }

    [Test]
    public void Parse_RawPercentInUserName_NamesTheUserName()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse("mysql://scan%ner:pw@db.internal/shop"));

        Assert.That(e!.Message, Does.Contain("the user name holds a '%'"));
    }

    [Test]
    public void Parse_EncodedPercentAndUtf8_DecodeAndAreFlagged()
    {
        var target = ConnectionTarget.Parse("postgres://scanner:50%25off%C3%A9@db.internal/app");
        var plain = ConnectionTarget.Parse("postgres://scanner:plain@db.internal/app");
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = target.ConnectionString };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder["Password"], Is.EqualTo("50%offé"));
            Assert.That(target.PasswordPercentDecoded, Is.True);
            Assert.That(target.PasswordHint, Does.Contain("a literal % in a password is written %25").And.Not.Contain("50"));
            Assert.That(plain.PasswordPercentDecoded, Is.False);
            Assert.That(plain.PasswordHint, Is.Empty);
        }
    }

    [Test]
    public void Parse_ColonInPassword_IsAcceptedRaw()
    {
        // RFC 3986 allows ':' in the user information; the first one separates user and password.
        var target = ConnectionTarget.Parse("postgres://scanner:a:b@db.internal/app");
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        Assert.That(builder["Password"], Is.EqualTo("a:b"));
    }

    [Test]
    public void Parse_AtInAQueryValueWithoutUserInformation_IsAccepted()
    {
        var target = ConnectionTarget.Parse("sqlserver://sql.internal:1433/App?User ID=scanner@tenant.example");
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        Assert.That(builder["User ID"], Is.EqualTo("scanner@tenant.example"));
    }

    [Test]
    public void Parse_AtInQueryAfterUserInformation_IsNotMistakenForAPassword()
    {
        var target = ConnectionTarget.Parse("postgres://scanner:pw@db.internal/app?application_name=ops@example");
        Assert.That(target.Display, Is.EqualTo("db.internal:5432/app"));
    }
}
