using Inventory.Connectors;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>Which scans load the system's certificate stores in the background: those that may open a TLS connection.</summary>
[TestFixture]
public sealed class SystemTrustStoreTests
{
    [TestCase("postgres://u:p@db.internal/app", ExpectedResult = true)]
    [TestCase("postgres://u:p@db.internal/app?sslmode=require", ExpectedResult = true)]
    [TestCase("postgres://u:p@db.internal/app?sslmode=prefer", ExpectedResult = true)]
    [TestCase("postgres://u:p@db.internal/app?sslmode=disable", ExpectedResult = false)]
    [TestCase("Host=db.internal;Database=app;Username=u;Password=p;SSL Mode=Disable", ExpectedResult = false)]
    [TestCase("Host=db.internal;Database=app;Username=u;Password=p", ExpectedResult = true)]
    [TestCase("mysql://u:p@db.internal:3306/app", ExpectedResult = true)]
    [TestCase("Server=db.internal;Port=3306;Database=app;User ID=u;Password=p;SslMode=None", ExpectedResult = false)]
    [TestCase("Server=db.internal;Port=3306;Database=app;User ID=u;Password=p;SslMode=Disabled", ExpectedResult = false)]
    [TestCase("sqlserver://u:p@db.internal:1433/app", ExpectedResult = true)]
    [TestCase("sqlite:/tmp/app.db", ExpectedResult = false)]
    public bool MayUseTls_Connection_TrueUnlessSqliteOrTlsSwitchedOff(string connection) =>
        SystemTrustStore.MayUseTls(ConnectionTarget.Parse(connection));
}
