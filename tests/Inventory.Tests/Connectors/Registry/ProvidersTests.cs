using Inventory.Connectors;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>The provider registry: every engine known once, found by name, scheme and native keys.</summary>
[TestFixture]
public sealed class ProvidersTests
{
    [Test]
    public void All_NamesAndSchemes_AreUnique()
    {
        var schemes = Providers.All.SelectMany(p => p.Schemes).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Providers.Names, Is.Unique);
            Assert.That(schemes, Is.Unique);
            Assert.That(schemes, Is.All.Matches<string>(s => s == s.ToLowerInvariant()));
        }
    }

    [TestCase("postgres", ExpectedResult = "postgres")]
    [TestCase("POSTGRESQL", ExpectedResult = "postgres")]
    [TestCase("mssql", ExpectedResult = "sqlserver")]
    [TestCase("sqlite", ExpectedResult = "sqlite")]
    [TestCase("oracle", ExpectedResult = null)]
    public string? ForScheme_KnownScheme_ItsProvider(string scheme) => Providers.ForScheme(scheme)?.Name;

    [TestCase("Host=db;Username=u;Database=d", ExpectedResult = "postgres")]
    [TestCase("Server=db;Initial Catalog=d;User ID=u", ExpectedResult = "sqlserver")]
    [TestCase("Server=db;Database=d", ExpectedResult = "sqlserver")]
    [TestCase("Server=db", ExpectedResult = "sqlserver")]
    [TestCase("Data Source=/tmp/x.db", ExpectedResult = "sqlite")]
    [TestCase("Foo=bar", ExpectedResult = null)]
    public string? DetectNative_Keys_Provider(string connection) =>
        Providers.DetectNative(new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection })?.Name;

    [Test]
    public void Get_UnknownName_ListsKnownProviders()
    {
        Assert.That(() => Providers.Get("oracle"),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("unknown provider 'oracle'").And.Message.Contains("postgres"));
    }

    [Test]
    public void Parse_UnknownScheme_NamesEveryProviderScheme()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse("oracle://u:secret@h/d"))!;
        using (Assert.EnterMultipleScope())
        {
            foreach (var provider in Providers.All)
                Assert.That(e.Message, Does.Contain(provider.UriExample));
            Assert.That(e.Message, Does.Not.Contain("secret"));
        }
    }

    [Test]
    public void Parse_ProviderContradictingTheUri_IsAnErrorWithoutThePassword()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConnectionTarget.Parse("mysql://u:s3cret@h/d", "postgres"))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Message, Does.Contain("provider postgres contradicts the mysql: connection").And.Not.Contain("s3cret"));
            Assert.That(ConnectionTarget.Parse("postgresql://u:s3cret@h/d", "postgres").Provider, Is.EqualTo("postgres"), "an agreeing provider is accepted");
        }
    }

    [Test]
    public void Create_EveryProvider_ConnectorReportsItsName()
    {
        foreach (var provider in Providers.All)
        {
            var target = new ConnectionTarget { Provider = provider.Name, ConnectionString = "", Display = "x" };
            var connector = ConnectorFactory.Create(target);
            Assert.That(connector.Provider, Is.EqualTo(provider.Name));
        }
    }
}
