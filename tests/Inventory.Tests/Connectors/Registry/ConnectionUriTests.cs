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
