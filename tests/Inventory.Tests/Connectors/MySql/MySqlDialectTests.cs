using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.MySql;
using MySqlConnector;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>The MySQL dialect's SQL text and the mysql:// parsing, without a server.</summary>
[TestFixture]
public sealed class MySqlDialectTests
{
    private static ColumnInfo Column(string name, string dataType, string columnType)
    {
        var (family, hint) = MySqlDialect.Describe(dataType, columnType);
        return new ColumnInfo { Name = name, Ordinal = 1, DeclaredType = columnType, Family = family, SamplingHint = hint };
    }

    private static TableInfo Table(params ColumnInfo[] columns) =>
        new() { Schema = "shop", Name = "order`s", Columns = columns, PrimaryKey = [columns[0].Name] };

    [TestCase("email", ExpectedResult = "`email`")]
    [TestCase("Full Name", ExpectedResult = "`Full Name`")]
    [TestCase("a`b", ExpectedResult = "`a``b`")]
    public string Quote_Identifier_Backticked(string name) => MySqlDialect.Quote(name);

    [Test]
    public void Quote_Nul_Rejected() => Assert.That(() => MySqlDialect.Quote("a\0b"), Throws.ArgumentException);

    [TestCase("tinyint", "tinyint(1)", ExpectedResult = TypeFamily.Boolean)]
    [TestCase("int", "int(11) unsigned", ExpectedResult = TypeFamily.Integer)]
    [TestCase("bit", "bit(1)", ExpectedResult = TypeFamily.Boolean)]
    [TestCase("bit", "bit(8)", ExpectedResult = TypeFamily.Other)]
    [TestCase("longblob", "longblob", ExpectedResult = TypeFamily.Binary)]
    [TestCase("enum", "enum('a','b')", ExpectedResult = TypeFamily.Other)]
    [TestCase("json", "json", ExpectedResult = TypeFamily.Document)]
    [TestCase("datetime", "datetime", ExpectedResult = TypeFamily.Temporal)]
    [TestCase("point", "point", ExpectedResult = TypeFamily.Other)]
    public TypeFamily Describe_DataType_Family(string dataType, string columnType) => MySqlDialect.Describe(dataType, columnType).Family;

    [TestCase("photo", "blob", "blob", ExpectedResult = "CAST(OCTET_LENGTH(`photo`) AS SIGNED)")]
    [TestCase("flags", "bit", "bit(8)", ExpectedResult = "BIN(`flags`)")]
    [TestCase("home", "point", "point", ExpectedResult = "LEFT(CAST(ST_AsText(`home`) AS CHAR CHARACTER SET utf8mb4), 100)")]
    [TestCase("born", "date", "date", ExpectedResult = "LEFT(CAST(`born` AS CHAR CHARACTER SET utf8mb4), 100)")]
    public string ColumnExpression_Type_RenderedByServer(string name, string dataType, string columnType) =>
        MySqlDialect.Instance.ColumnExpression(Column(name, dataType, columnType), 100);

    [Test]
    public void KeyProbesSql_Points_OneIndexSeekEach()
    {
        var id = Column("id", "int", "int(11)");
        var sql = MySqlDialect.Instance.KeyProbesSql(Table(id, Column("email", "varchar", "varchar(80)")), id, [Column("email", "varchar", "varchar(80)")], [5, 90], new SampleOptions { MaxValueLength = 50 });
        Assert.That(sql, Is.EqualTo(
            "(SELECT CAST(`id` AS CHAR), LEFT(CAST(`email` AS CHAR CHARACTER SET utf8mb4), 50) FROM `shop`.`order``s` WHERE `id` >= 5 ORDER BY `id` LIMIT 1)\n"
            + "UNION ALL (SELECT CAST(`id` AS CHAR), LEFT(CAST(`email` AS CHAR CHARACTER SET utf8mb4), 50) FROM `shop`.`order``s` WHERE `id` >= 90 ORDER BY `id` LIMIT 1)"));
    }

    [Test]
    public void BeginReadOnly_MariaDb_SecondsAndReadOnlyTransaction()
    {
        var statements = MySqlDialect.Instance.BeginReadOnly(new SampleOptions { StatementTimeout = TimeSpan.FromMilliseconds(2500), LockTimeout = TimeSpan.FromMilliseconds(300) }, MySqlFlavor.MariaDb);
        Assert.That(statements, Is.EqualTo(new[]
        {
            "SET SESSION max_statement_time = 2.5", "SET SESSION innodb_lock_wait_timeout = 1", "SET SESSION lock_wait_timeout = 1", "START TRANSACTION READ ONLY",
        }));
    }

    [Test]
    public void BeginReadOnly_MySql_MaxExecutionTimeInMilliseconds() =>
        Assert.That(MySqlDialect.Instance.BeginReadOnly(new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(30) }, MySqlFlavor.MySql)[0],
            Is.EqualTo("SET SESSION MAX_EXECUTION_TIME = 30000"));

    [TestCase("10.11.19-MariaDB-0+deb12u1", ExpectedResult = "MariaDb")]
    [TestCase("8.0.36", ExpectedResult = "MySql")]
    public string FlavorOf_Version(string version) => MySqlDialect.FlavorOf(version).ToString();

    [TestCase("5.5.5-10.11.19-MariaDB-0+deb12u1", ExpectedResult = "MariaDB 10.11.19")]
    [TestCase("11.4.2-MariaDB", ExpectedResult = "MariaDB 11.4.2")]
    [TestCase("8.0.36", ExpectedResult = "MySQL 8.0.36")]
    public string ProductVersion_Handshake_ProductAndVersion(string version) => MySqlDialect.ProductVersion(version);

    [Test]
    public void TablesSql_OneDatabase_SchemaIsAParameter()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MySqlDialect.Instance.TablesSql(oneDatabase: true), Does.Contain("TABLE_SCHEMA = @schema"));
            Assert.That(MySqlDialect.Instance.TablesSql(oneDatabase: false), Does.Contain("NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"));
        }
    }

    [Test]
    public void Parse_MySqlUri_PercentDecodedSslModeDisplayWithoutPassword()
    {
        var target = ConnectionTarget.Parse("mysql://app%40ops:p%40ss%3Aw0rd@db.example.internal:3307/shop?ssl-mode=REQUIRED");
        var b = new MySqlConnectionStringBuilder(target.ConnectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Provider, Is.EqualTo("mysql"));
            Assert.That(b.UserID, Is.EqualTo("app@ops"));
            Assert.That(b.Password, Is.EqualTo("p@ss:w0rd"));
            Assert.That(b.Port, Is.EqualTo(3307));
            Assert.That(b.Database, Is.EqualTo("shop"));
            Assert.That(b.SslMode, Is.EqualTo(MySqlSslMode.Required));
            Assert.That(target.Display, Is.EqualTo("db.example.internal:3307/shop"));
        }
    }

    [TestCase("mariadb://u:p@h/d", ExpectedResult = "h:3306/d")]
    [TestCase("MySQL://u:p@h:3310/", ExpectedResult = "h:3310/")]
    public string Parse_Schemes_DefaultPort(string uri) => ConnectionTarget.Parse(uri).Display;

    [Test]
    public void Parse_UnknownSslMode_ClearError() =>
        Assert.That(() => ConnectionTarget.Parse("mysql://u:secret@h/d?ssl-mode=maybe"),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("ssl-mode").And.Message.Not.Contains("secret"));

    [TestCase("Server=db;Port=3306;Database=shop;Uid=app;Pwd=x", ExpectedResult = "mysql")]
    [TestCase("Server=db;Port=3306;User ID=app;Password=x", ExpectedResult = "mysql")]
    [TestCase("Server=db;Database=shop;User ID=app;Password=x", ExpectedResult = "sqlserver")]
    [TestCase("Host=db;Port=5432;Username=app", ExpectedResult = "postgres")]
    public string Parse_NativeString_AttributedByItsKeys(string connection) => ConnectionTarget.Parse(connection).Provider;

    [Test]
    public void Parse_AmbiguousStringWithProviderMySql_ReadAsMySql() =>
        Assert.That(ConnectionTarget.Parse("Server=db;Database=shop;User ID=app;Password=x", "mysql").Display, Is.EqualTo("db:3306/shop"));
}

/// <summary><c>provider: mysql</c> in inventory.yml.</summary>
[TestFixture]
public sealed class MySqlConfigTests
{
    [Test]
    public void Load_ProviderMySql_Accepted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, "sources:\n  - name: shop\n    provider: mysql\n    connection: \"Server=db;Database=shop;User ID=app;Password=x\"\n");
        try
        {
            var config = Inventory.Config.InventoryConfig.Load(file);
            var source = config.Sources.Single();
            Assert.That(ConnectionTarget.Parse(source.Connection, source.Provider).Provider, Is.EqualTo("mysql"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Load_UnknownProvider_ListsMySql()
    {
        var file = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, "sources:\n  - name: shop\n    provider: maria\n    connection: x\n");
        try
        {
            Assert.That(() => Inventory.Config.InventoryConfig.Load(file),
                Throws.TypeOf<ConfigurationException>().With.Message.Contains("unknown provider 'maria'").And.Message.Contains("mysql").And.Message.Contains(":3:"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
