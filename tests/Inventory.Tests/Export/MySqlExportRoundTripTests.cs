using System.Diagnostics;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using MySqlConnector;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Export;

/// <summary>The MySQL export on a real MariaDB: a database scanned, exported as column comments, the script applied with
/// the mariadb client to a copy, the copy re-scanned. Columns the guard accepts come back as database labels of the
/// exported category, their definition kept (a literal default, another character set included: engines42); columns
/// whose definition the script cannot restate (generated, INVISIBLE, a CHECK of their own) are named as skipped and keep it.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlExportRoundTripTests
{
    private const string Setup = """
        CREATE TABLE customer (
          id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
          email varchar(255) NOT NULL COMMENT 'Customer''s e-mail; see CRM',
          phone varchar(40) DEFAULT NULL COMMENT 'Main phone\ninventory: contact.email',
          nick varchar(40),
          city varchar(40) NOT NULL DEFAULT 'Paris',
          latin_name varchar(80) CHARACTER SET latin1,
          born date COMMENT 'inventory: other_personal.date_of_birth'
        ) DEFAULT CHARSET=utf8mb4;
        INSERT INTO customer (email, phone, nick, city, latin_name, born) VALUES
          ('ana.k@example.com', '+49 30 1234567', 'ana', 'Berlin', 'Ana K', '1980-01-02'),
          ('b.osei@example.org', '+33 1 23 45 67 89', 'bo', 'Paris', 'B Osei', '1975-05-06');
        """;

    private const string Annotations = """
        table: customer
        columns:
          id: { category: none }
          email: { category: contact.email }
          phone: { category: contact.phone }
          nick: { category: contact.username }
          city: { category: contact.postal_address }
          latin_name: { category: contact.name }
        """;

    [Test]
    public async Task Export_AppliedToACopy_ColumnsRoundTripWithTheirLiteralDefaultAndCharacterSet()
    {
        // Given a scanned MariaDB database and annotations
        await using var db = await TestMySql.CreateAsync("exprt", Setup);
        using var dir = new TempFolder();
        dir.Write("annotations/customer.yml", Annotations);

        // When exported as MySQL comments and applied twice with the mariadb client to a copy, which is re-scanned
        var scriptPath = await ScanAndExportAsync(db, dir);
        await using var copy = await TestMySql.CreateAsync("exprtcopy",
            $"CREATE TABLE customer LIKE `{db.Name}`.customer; INSERT INTO customer SELECT * FROM `{db.Name}`.customer;");
        var output = Apply(copy, scriptPath);
        Apply(copy, scriptPath);
        var rescanned = await ScanAsync(copy.ConnectionString);
        new AnnotationMerger().Apply(rescanned, AnnotationSet.Empty);
        var after = rescanned.AllColumns().ToDictionary(x => x.Column.Name, x => x.Column);

        // Then every column is a database label of the exported category, existing text kept
        string[] applied = ["id", "email", "phone", "nick", "born", "city", "latin_name"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after["email"].Comment, Is.EqualTo("Customer's e-mail; see CRM\ninventory: contact.email"));
            Assert.That(after["phone"].Comment, Is.EqualTo("Main phone\ninventory: contact.phone"));
            Assert.That(applied.Select(c => (after[c].Origin, after[c].DataCategory)), Is.EqualTo(new (Origin?, string?)[]
            {
                (Origin.DatabaseLabel, "none"), (Origin.DatabaseLabel, "contact.email"), (Origin.DatabaseLabel, "contact.phone"),
                (Origin.DatabaseLabel, "contact.username"), (Origin.DatabaseLabel, "other_personal.date_of_birth"),
                (Origin.DatabaseLabel, "contact.postal_address"), (Origin.DatabaseLabel, "contact.name"),
            }));
            // none is skipped, and the literal default and the other character set are kept
            Assert.That(output, Does.Not.Contain("skipped"));
            Assert.That(await copy.ScalarAsync("SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'id'"), Is.EqualTo("auto_increment"));
            Assert.That(await copy.ScalarAsync("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'city'"), Is.EqualTo("'Paris'"));
            Assert.That(await copy.ScalarAsync("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'latin_name'"), Is.EqualTo("latin1"));
            // the scanned database was never written, and no sampled value is in the script
            Assert.That(await db.ScalarAsync("SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'email'"), Is.EqualTo("Customer's e-mail; see CRM"));
            Assert.That(await File.ReadAllTextAsync(scriptPath), Does.Not.Contain("@example").And.Not.Contain("+49"));
        }
    }

    /// <summary>Trial41 finding 1: a comment a DBA edits between the scan and applying the script was overwritten, and
    /// the undo block could not bring it back. The guard now skips such a column and names it; the others are written, and
    /// running the script again (as after an interruption) finishes without touching the edited comment.</summary>
    [Test]
    public async Task Export_CommentEditedAfterTheScan_IsSkippedAndKept_OthersWritten()
    {
        // Given a scanned MariaDB database, exported as MySQL comments
        await using var db = await TestMySql.CreateAsync("exprtedit", Setup);
        using var dir = new TempFolder();
        dir.Write("annotations/customer.yml", Annotations);
        var scriptPath = await ScanAndExportAsync(db, dir);

        // When a DBA edits two comments after the scan (one had a comment, one had none) and applies the script twice
        await db.ExecuteAsync("ALTER TABLE customer MODIFY email varchar(255) NOT NULL COMMENT 'Edited by the DBA: login e-mail'; " +
            "ALTER TABLE customer MODIFY nick varchar(40) COMMENT 'Edited by the DBA: public handle'");
        var output = Apply(db, scriptPath);
        var second = Apply(db, scriptPath);
        var rescanned = await ScanAsync(db.ConnectionString);
        new AnnotationMerger().Apply(rescanned, AnnotationSet.Empty);
        var after = rescanned.AllColumns().ToDictionary(x => x.Column.Name, x => x.Column);

        // Then the edited comments are kept and named as skipped, with the reason, on both runs; the others are written
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after["email"].Comment, Is.EqualTo("Edited by the DBA: login e-mail"));
            Assert.That(after["nick"].Comment, Is.EqualTo("Edited by the DBA: public handle"));
            foreach (var run in new[] { output, second })
            {
                Assert.That(run, Does.Contain("skipped `customer`.`email`: its comment was changed since the scan (re-scan and export again)"));
                Assert.That(run, Does.Contain("skipped `customer`.`nick`: its comment was changed since the scan"));
                Assert.That(run, Does.Not.Contain("skipped `customer`.`phone`").And.Not.Contain("skipped `customer`.`id`"));
            }
            Assert.That(after["phone"].Comment, Is.EqualTo("Main phone\ninventory: contact.phone"));
            Assert.That((after["id"].Origin, after["id"].DataCategory), Is.EqualTo(((Origin?)Origin.DatabaseLabel, (string?)"none")));
        }
    }

    /// <summary>Trial 28 finding 8: every MariaDB JSON column (LONGTEXT utf8mb4_bin with a json_valid CHECK) was skipped
    /// with "its definition has more than the type and nullability". It is now restated as SHOW CREATE TABLE prints it,
    /// keeping collation and CHECK; a column with a CHECK of its own (which MODIFY would drop) and the other skips say why.</summary>
    [Test]
    public async Task Export_MariaDbJsonColumns_CommentedWithTheirCheck_OtherSkipsSayWhy()
    {
        // Given MariaDB JSON columns (nullable and not), a column with its own CHECK, one with a table CHECK, and the skips of before
        const string setup = """
            CREATE TABLE profile (
              id int NOT NULL PRIMARY KEY,
              prefs JSON,
              doc JSON NOT NULL,
              age int CHECK (age >= 0),
              score int,
              city varchar(40) NOT NULL DEFAULT 'Paris',
              latin_name varchar(80) CHARACTER SET latin1,
              nick varchar(40) INVISIBLE,
              CONSTRAINT score_positive CHECK (score > 0)
            ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
            INSERT INTO profile VALUES (1, '{"mail": "ana.k@example.com"}', '{"a": 1}', 30, 2, 'Berlin', 'Ana K'),
              (2, '{"mail": "b.osei@example.org"}', '[]', 41, 3, 'Paris', 'B Osei');
            """;
        await using var db = await TestMySql.CreateAsync("exjson", setup);
        using var dir = new TempFolder();
        dir.Write("annotations/profile.yml", """
            table: profile
            columns:
              id: none
              prefs: contact.email
              doc: none
              age: { category: none, reason: "an age bracket of the profile, reviewed" }
              score: none
              city: contact.postal_address
              latin_name: contact.name
              nick: contact.username
            """);
        var scriptPath = await ScanAndExportAsync(db, dir);
        var before = await ShowCreateTableAsync(db, "profile");

        // When the script is applied twice to the scanned database's copy of the table
        await using var copy = await TestMySql.CreateAsync("exjsoncopy", setup);
        var output = Apply(copy, scriptPath);
        Apply(copy, scriptPath);
        var created = await ShowCreateTableAsync(copy, "profile");

        // Then the JSON columns carry the label and keep collation and check; the others are skipped with their reason
        string Column(string name) => created.Split('\n').Single(l => l.TrimStart().StartsWith($"`{name}`", StringComparison.Ordinal)).Trim();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Column("prefs"), Is.EqualTo("`prefs` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL COMMENT 'inventory: contact.email' CHECK (json_valid(`prefs`)),"));
            Assert.That(Column("doc"), Is.EqualTo("`doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'inventory: none' CHECK (json_valid(`doc`)),"));
            Assert.That(Column("age"), Is.EqualTo("`age` int(11) DEFAULT NULL CHECK (`age` >= 0),"), "a column's own CHECK is never dropped");
            Assert.That(Column("score"), Is.EqualTo("`score` int(11) DEFAULT NULL COMMENT 'inventory: none',"));
            Assert.That(created, Does.Contain("CONSTRAINT `score_positive` CHECK (`score` > 0)"));
            Assert.That(output, Does.Contain("skipped `profile`.`age`: it has a CHECK constraint of its own; set the comment by hand"));
            Assert.That(Column("city"), Is.EqualTo("`city` varchar(40) NOT NULL DEFAULT 'Paris' COMMENT 'inventory: contact.postal_address',"));
            Assert.That(Column("latin_name"), Is.EqualTo("`latin_name` varchar(80) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT NULL COMMENT 'inventory: contact.name',"));
            Assert.That(output, Does.Contain("skipped `profile`.`nick`: it has INVISIBLE; set the comment by hand"));
            Assert.That(output, Does.Not.Contain("`prefs`").And.Not.Contain("`doc`"));
            Assert.That(await ShowCreateTableAsync(db, "profile"), Is.EqualTo(before), "the scanned database is never written");
            Assert.That(await File.ReadAllTextAsync(scriptPath), Does.Not.Contain("@example").And.Not.Contain("Osei"));
        }
        // and a value that is not JSON is still refused by the kept CHECK
        Assert.That(async () => await copy.ScalarAsync("INSERT INTO profile (id, prefs, doc) VALUES (3, 'not json', '{}')"), Throws.InstanceOf<MySqlException>());
    }

    /// <summary>The script keys its one flavour-specific step on the server's <c>VERSION()</c> when it is applied: on
    /// MariaDB (<c>LIKE '%MariaDB%'</c>) it counts a column's own CHECK (kept in the column's definition, so MODIFY would
    /// drop it, and the column is skipped); on MySQL it counts none (MySQL's checks are table constraints MODIFY keeps,
    /// and its CHECK_CONSTRAINTS view has no TABLE_NAME) and every guarded column is commented. No MySQL server runs
    /// here: the script is applied to MariaDB with its <c>VERSION()</c> replaced by each flavour's version string, so the
    /// MySQL branch's statements run live on MariaDB (which then drops the column's CHECK, as MySQL would not).</summary>
    [TestCase("8.0.36", false)]
    [TestCase("8.0.36-0ubuntu0.22.04.1", false)]
    [TestCase("8.4.3", false)]
    [TestCase("5.7.44-log", false)]
    [TestCase("10.11.19-MariaDB-0+deb12u1", true)]
    [TestCase("11.4.2-MariaDB-log", true)]
    public async Task Export_ByServerVersion_MariaDbSkipsAColumnsOwnCheckAndMySqlCommentsIt(string version, bool mariaDb)
    {
        // Given a table with a column that has a CHECK of its own, scanned, annotated and exported
        const string setup = "CREATE TABLE gadget (id int NOT NULL PRIMARY KEY, qty int CHECK (qty >= 0), label varchar(40)) DEFAULT CHARSET=utf8mb4;";
        await using var db = await TestMySql.CreateAsync("exver", setup);
        using var dir = new TempFolder();
        dir.Write("annotations/gadget.yml", "table: gadget\ncolumns:\n  id: none\n  qty: none\n  label: contact.name\n");
        var scriptPath = await ScanAndExportAsync(db, dir);
        var script = await File.ReadAllTextAsync(scriptPath);
        Assert.That(script.Split("VERSION()").Length - 1, Is.EqualTo(2), "the script asks the server's version once, and its UNDO block once");

        // When it is applied to a copy as on a server whose VERSION() is the given one
        File.WriteAllText(scriptPath, script.Replace("VERSION()", Inventory.Reports.Export.MySqlCommentScript.Literal(version), StringComparison.Ordinal));
        await using var copy = await TestMySql.CreateAsync("exvercopy", setup);
        var output = Apply(copy, scriptPath);

        // Then MariaDB skips the column with its own CHECK and MySQL comments it; the plain column is commented on both
        async Task<object?> Comment(string column) => await copy.ScalarAsync(
            $"SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'gadget' AND COLUMN_NAME = '{column}'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Contains("skipped `gadget`.`qty`: it has a CHECK constraint of its own", StringComparison.Ordinal), Is.EqualTo(mariaDb), output);
            Assert.That(await Comment("qty"), Is.EqualTo(mariaDb ? "" : "inventory: none"));
            Assert.That(await Comment("label"), Is.EqualTo("inventory: contact.name"));
            Assert.That(output.Contains("`label`", StringComparison.Ordinal), Is.False, output);
        }
    }

    /// <summary>Trial 35 findings 2b and 11: the UNDO block runs with the same guard as the forward statements, and
    /// both restate AUTO_INCREMENT, DEFAULT CURRENT_TIMESTAMP and ON UPDATE CURRENT_TIMESTAMP from the live column. On
    /// a table with every kind of column the trial met, forward then undo leaves SHOW CREATE TABLE byte-identical, and
    /// forward alone changes only the comments of the columns it does not skip.</summary>
    [Test]
    public async Task ExportThenUndo_EveryKindOfColumn_OnlyCommentsChangeAndUndoRestoresTheTableByteForByte()
    {
        // Given a table with auto-increment, timestamp defaults, ON UPDATE, generated, JSON, INVISIBLE, COMPRESSED columns
        const string setup = """
            CREATE TABLE account (
              id int(10) unsigned NOT NULL AUTO_INCREMENT,
              email varchar(120) NOT NULL COMMENT 'Login e-mail',
              created_at timestamp NOT NULL DEFAULT current_timestamp(),
              updated_at datetime(3) DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
              touched_at timestamp NULL ON UPDATE current_timestamp(),
              seen_at datetime DEFAULT NULL,
              label varchar(200) GENERATED ALWAYS AS (concat(email, '!')) VIRTUAL,
              prefs JSON,
              secret varchar(64) INVISIBLE,
              note varchar(300) COMPRESSED,
              PRIMARY KEY (id)
            ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
            """;
        await using var db = await TestMySql.CreateAsync("exundo", setup);
        using var dir = new TempFolder();
        dir.Write("annotations/account.yml", """
            table: account
            columns:
              id: none
              email: contact.email
              created_at: none
              updated_at: none
              touched_at: automatic.activity
              seen_at: automatic.activity
              label: contact.email
              prefs: none
              secret: other_personal.credentials
              note: customer_content
            """);
        var scriptPath = await ScanAndExportAsync(db, dir);
        await using var copy = await TestMySql.CreateAsync("exundocopy", setup);
        var before = await ShowCreateTableAsync(copy, "account");

        // When the script is applied to the copy, then its UNDO block (the lines after the prefix, as the header says)
        var output = Apply(copy, scriptPath);
        var forward = await ShowCreateTableAsync(copy, "account");
        var undoPath = Path.Combine(dir.Path, "undo.sql");
        File.WriteAllLines(undoPath, File.ReadAllLines(scriptPath)
            .Where(l => l.StartsWith("-- undo>", StringComparison.Ordinal)).Select(l => l.Length > 9 ? l[9..] : ""));
        var undoOutput = Apply(copy, undoPath);
        var undone = await ShowCreateTableAsync(copy, "account");

        // Then forward changed the comments only (restated AUTO_INCREMENT, defaults, ON UPDATE kept), undo restored all
        string Line(string created, string name) => created.Split('\n').Single(l => l.TrimStart().StartsWith($"`{name}`", StringComparison.Ordinal)).Trim();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Line(forward, "id"), Is.EqualTo("`id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "email"), Is.EqualTo("`email` varchar(120) NOT NULL COMMENT 'Login e-mail\\ninventory: contact.email',"));
            Assert.That(Line(forward, "created_at"), Is.EqualTo("`created_at` timestamp NOT NULL DEFAULT current_timestamp() COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "updated_at"), Is.EqualTo("`updated_at` datetime(3) DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3) COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "touched_at"), Is.EqualTo("`touched_at` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp() COMMENT 'inventory: automatic.activity',"));
            Assert.That(Line(forward, "seen_at"), Is.EqualTo("`seen_at` datetime DEFAULT NULL COMMENT 'inventory: automatic.activity',"));
            Assert.That(Line(forward, "prefs"), Does.Contain("COMMENT 'inventory: none' CHECK (json_valid(`prefs`))"));
            Assert.That(Line(forward, "note"), Is.EqualTo("`note` varchar(300) /*M!100301 COMPRESSED*/ DEFAULT NULL COMMENT 'inventory: customer_content',"));
            Assert.That(Line(forward, "label"), Is.EqualTo(Line(before, "label")), "a generated column is skipped");
            Assert.That(Line(forward, "secret"), Is.EqualTo(Line(before, "secret")), "an INVISIBLE column is skipped");
            Assert.That(output, Does.Contain("skipped `account`.`label`: it has VIRTUAL GENERATED"));
            Assert.That(output, Does.Contain("skipped `account`.`secret`: it has INVISIBLE"));
            Assert.That(output, Does.Not.Contain("`id`").And.Not.Contain("`created_at`").And.Not.Contain("`updated_at`"));
            Assert.That(WithoutComments(forward), Is.EqualTo(WithoutComments(before)), "forward changes comments only");
            Assert.That(undone, Is.EqualTo(before), "forward then undo leaves SHOW CREATE TABLE as it was");
            Assert.That(undoOutput, Does.Contain("skipped `account`.`label`").And.Contain("skipped `account`.`secret`"));
        }
    }

    private const string DefaultsSetup = """
        CREATE TABLE kinds (
          id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
          status varchar(20) NOT NULL DEFAULT 'active',
          quoted varchar(40) DEFAULT 'it''s a\\b; -- not a comment',
          delta int DEFAULT -3,
          price decimal(6,2) NOT NULL DEFAULT 1.50,
          tier enum('a','b') CHARACTER SET latin1 DEFAULT 'b',
          flags bit(3) DEFAULT b'101',
          joined_on date DEFAULT curdate(),
          token varchar(36) DEFAULT uuid(),
          total int DEFAULT (1 + 2),
          ratio double DEFAULT 1e3,
          updated_at timestamp(3) NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
          nick varchar(10) DEFAULT NULL,
          word varchar(10) DEFAULT 'NULL',
          latin_name varchar(10) CHARACTER SET latin1 DEFAULT 'x',
          code varchar(10) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
          bio text DEFAULT 'hello',
          prefs json DEFAULT '{}',
          raw varbinary(4) DEFAULT x'0A0B',
          tags set('x','y') DEFAULT 'x,y',
          since year DEFAULT 2024,
          seen datetime DEFAULT '2020-01-01 00:00:00',
          label varchar(60) AS (concat(status, '!')) VIRTUAL
        ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
        """;

    private static readonly string[] DefaultsColumns =
    [
        "id", "status", "quoted", "delta", "price", "tier", "flags", "joined_on", "token", "total", "ratio", "updated_at", "nick", "word",
        "latin_name", "code", "bio", "prefs", "raw", "tags", "since", "seen", "label",
    ];

    private static string DefaultsAnnotations => "table: kinds\ncolumns:\n" + string.Concat(DefaultsColumns.Select(c => $"  {c}: none\n"));

    /// <summary>Trial41 finding 6 (engines42): MariaDB's COLUMN_DEFAULT is SQL (a literal quoted, an expression as
    /// written, NULL as NULL), so every kind of default is restated as it is, and a character set or collation other
    /// than the table's after the type. Forward changes the comments only and forward then undo leaves SHOW CREATE TABLE
    /// byte-identical, for quoted, numeric, bit, hexadecimal, ENUM/SET, expression, CURRENT_TIMESTAMP/ON UPDATE, NULL
    /// and JSON defaults; the generated column is still skipped with its reason; a comment edited after the scan is kept.</summary>
    [Test]
    public async Task ExportThenUndo_EveryKindOfDefault_RestatedByteForByte_EditedCommentKept()
    {
        // Given a table with every kind of default MariaDB shows, scanned and every column annotated
        await using var db = await TestMySql.CreateAsync("exdefault", DefaultsSetup);
        using var dir = new TempFolder();
        dir.Write("annotations/kinds.yml", DefaultsAnnotations);
        var scriptPath = await ScanAndExportAsync(db, dir);
        await using var copy = await TestMySql.CreateAsync("exdefaultcopy", DefaultsSetup);
        var before = await ShowCreateTableAsync(copy, "kinds");

        // When the script is applied to the copy twice, then its UNDO block
        var output = Apply(copy, scriptPath);
        Apply(copy, scriptPath);
        var forward = await ShowCreateTableAsync(copy, "kinds");
        var undoPath = Path.Combine(dir.Path, "undo.sql");
        File.WriteAllLines(undoPath, File.ReadAllLines(scriptPath)
            .Where(l => l.StartsWith("-- undo>", StringComparison.Ordinal)).Select(l => l.Length > 9 ? l[9..] : ""));
        Apply(copy, undoPath);
        var undone = await ShowCreateTableAsync(copy, "kinds");

        // Then every column but the generated one got its comment, nothing else changed, and undo restored the table
        string Line(string created, string name) => created.Split('\n').Single(l => l.TrimStart().StartsWith($"`{name}`", StringComparison.Ordinal)).Trim();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DefaultsColumns.Where(c => c != "label" && !Line(forward, c).Contains("COMMENT 'inventory: none'", StringComparison.Ordinal)), Is.Empty, forward);
            Assert.That(output.Trim().Split('\n').Where(l => l.StartsWith("skipped", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "skipped `kinds`.`label`: it has VIRTUAL GENERATED; set the comment by hand" }));
            Assert.That(WithoutComments(forward), Is.EqualTo(WithoutComments(before)), "forward changes comments only");
            Assert.That(Line(forward, "quoted"), Is.EqualTo("`quoted` varchar(40) DEFAULT 'it''s a\\\\b; -- not a comment' COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "tier"), Is.EqualTo("`tier` enum('a','b') CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT 'b' COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "token"), Is.EqualTo("`token` varchar(36) DEFAULT uuid() COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "total"), Is.EqualTo("`total` int(11) DEFAULT (1 + 2) COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "word"), Is.EqualTo("`word` varchar(10) DEFAULT 'NULL' COMMENT 'inventory: none',"));
            Assert.That(Line(forward, "prefs"), Is.EqualTo("`prefs` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '{}' COMMENT 'inventory: none' CHECK (json_valid(`prefs`)),"));
            Assert.That(undone, Is.EqualTo(before), "forward then undo leaves SHOW CREATE TABLE as it was");
        }

        // And when a DBA edits a column's comment after the scan, the script skips it and keeps both the edit and the default
        await db.ExecuteAsync("ALTER TABLE kinds MODIFY status varchar(20) NOT NULL DEFAULT 'active' COMMENT 'Edited by the DBA'");
        var edited = Apply(db, scriptPath);
        Assert.That(edited, Does.Contain("skipped `kinds`.`status`: its comment was changed since the scan (re-scan and export again)"));
        Assert.That(Line(await ShowCreateTableAsync(db, "kinds"), "status"), Is.EqualTo("`status` varchar(20) NOT NULL DEFAULT 'active' COMMENT 'Edited by the DBA',"));
    }

    /// <summary>Only MariaDB 10.2.7 and later show COLUMN_DEFAULT as SQL: on MySQL (a literal's bare value) and older
    /// MariaDB a default other than CURRENT_TIMESTAMP is still skipped, with the reason, and the column keeps it. No MySQL
    /// server runs here: the script's <c>VERSION()</c> is replaced by each version string and applied to MariaDB.</summary>
    [TestCase("8.0.36", false)]
    [TestCase("5.7.44-log", false)]
    [TestCase("10.2.6-MariaDB", false)]
    [TestCase("10.2.7-MariaDB-log", true)]
    [TestCase("10.11.19-MariaDB-0+deb12u1", true)]
    [TestCase("11.4.2-MariaDB-log", true)]
    public async Task Export_ByServerVersion_LiteralDefaultRestatedOnlyWhereInformationSchemaShowsItAsSql(string version, bool restated)
    {
        // Given a column with a literal default, scanned, annotated and exported
        const string setup = "CREATE TABLE plan (id int NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'active') DEFAULT CHARSET=utf8mb4;";
        await using var db = await TestMySql.CreateAsync("exdefver", setup);
        using var dir = new TempFolder();
        dir.Write("annotations/plan.yml", "table: plan\ncolumns:\n  id: none\n  status: none\n");
        var scriptPath = await ScanAndExportAsync(db, dir);
        File.WriteAllText(scriptPath, File.ReadAllText(scriptPath).Replace("VERSION()", Inventory.Reports.Export.MySqlCommentScript.Literal(version), StringComparison.Ordinal));

        // When it is applied as on a server of that version
        var output = Apply(db, scriptPath);

        // Then the default is restated where it can be, else the column is skipped and named; it keeps its default either way
        var status = (await ShowCreateTableAsync(db, "plan")).Split('\n').Single(l => l.TrimStart().StartsWith("`status`", StringComparison.Ordinal)).Trim();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(restated ? "`status` varchar(20) NOT NULL DEFAULT 'active' COMMENT 'inventory: none'," : "`status` varchar(20) NOT NULL DEFAULT 'active',"));
            Assert.That(output.Contains("skipped `plan`.`status`: it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL's information_schema does not show as SQL", StringComparison.Ordinal),
                Is.EqualTo(!restated), output);
        }
    }

    private static string WithoutComments(string created) =>
        System.Text.RegularExpressions.Regex.Replace(created, @" COMMENT '(?:[^'\\]|\\.|'')*'", "");

    /// <summary>Trial 35 finding 2: MariaDB shows a base column's comment on a view column, so after labels were written
    /// back a re-scan read the view's columns as database labels, a second export wrote ALTER TABLE on the view and the
    /// script stopped with ERROR 1347. Now the view column inherits the label through lineage (the comment is left to the
    /// base column), the script writes nothing for views, and its guard skips any relation that is not a base table even
    /// when an inventory calls a view a table (a view has no TABLE_COLLATION: the old NULL test let it through).</summary>
    [Test]
    public async Task SecondExport_AfterLabelsReadBack_ViewColumnsInheritAndAreNeverAltered()
    {
        // Given a table whose comments carry labels, and a view over it that sorts before it
        const string setup = """
            CREATE TABLE zcustomer (id int NOT NULL PRIMARY KEY, email varchar(120) COMMENT 'inventory: contact.email', phone varchar(40));
            CREATE VIEW a_contacts AS SELECT id, email AS mail, phone FROM zcustomer;
            """;
        await using var db = await TestMySql.CreateAsync("exview", setup);
        using var dir = new TempFolder();
        dir.Write("annotations/zcustomer.yml", "table: zcustomer\ncolumns:\n  phone: contact.phone\n");
        dir.Write("annotations/a_contacts.yml", "table: a_contacts\ncolumns:\n  id: none\n");

        // When scanned (the labels read back) and exported again
        var scanned = await ScanAsync(db.ConnectionString);
        new AnnotationMerger().Apply(scanned, AnnotationSet.Empty);
        var mail = scanned.AllColumns().Single(x => x.Table.Name == "a_contacts" && x.Column.Name == "mail").Column;
        var scriptPath = await ScanAndExportAsync(db, dir);
        var script = await File.ReadAllTextAsync(scriptPath);
        var output = Apply(db, scriptPath);

        // Then the view column is lineage of the base column's label, the view is never altered, the table is
        using (Assert.EnterMultipleScope())
        {
            Assert.That((mail.Origin, mail.DataCategory, mail.Comment), Is.EqualTo(((Origin?)Origin.Lineage, (string?)"contact.email", (string?)null)));
            Assert.That(script, Does.Not.Contain("ALTER TABLE `a_contacts`"));
            // The export's selection leaves view columns out of every format and counts them (content35's rule): the
            // annotated id and the two columns tagged through lineage (trial36 finding 6: those were counted untagged).
            Assert.That(script, Does.Contain("-- View columns left out: 3 of views and materialized views"));
            Assert.That(output, Does.Not.Contain("a_contacts"));
            Assert.That(await db.ScalarAsync("SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'zcustomer' AND COLUMN_NAME = 'phone'"),
                Is.EqualTo("inventory: contact.phone"));
        }

        // And when an inventory calls the view a table (the guard's own test), the script skips it instead of failing
        var inventoryPath = Path.Combine(dir.Path, "inventory.json");
        var document = InventoryJson.Read(inventoryPath);
        foreach (var table in document.Sources.SelectMany(s => s.Tables).Where(t => t.Name == "a_contacts")) table.Kind = Inventory.Catalog.TableKind.Table;
        InventoryJson.Write(document, inventoryPath);
        var console = new TestConsole();
        Assert.That(await InventoryApp.RunAsync(["export", "--inventory", inventoryPath, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "mysql-comments", "--out", scriptPath], console), Is.EqualTo(ExitCodes.Ok), console.Output);
        Assert.That(Apply(db, scriptPath), Does.Contain("skipped `a_contacts`.`id`: it is in a view, not a base table; set the comment by hand"));
    }

    /// <summary>Trial 35 finding 5: a user holding SELECT but not SHOW VIEW reads an empty view definition, so the view's
    /// columns lost their lineage silently. The scan now records a no-privilege issue on the view naming the GRANT;
    /// with SHOW VIEW the view's columns inherit and there is no issue.</summary>
    [Test]
    public async Task Scan_UserWithoutShowView_SaysTheViewsLineageNeedsTheGrant()
    {
        // Given a view, a user with SELECT only and one with SELECT and SHOW VIEW
        await using var db = await TestMySql.CreateAsync("exshowview", """
            CREATE TABLE person (id int NOT NULL PRIMARY KEY, email varchar(120) COMMENT 'inventory: contact.email');
            CREATE VIEW person_mail AS SELECT id, email FROM person;
            """);
        var selectOnly = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.* TO {{user}}");
        var withShowView = await db.CreateUserAsync($"GRANT SELECT, SHOW VIEW ON `{db.Name}`.* TO {{user}}");

        // When each scans the database
        var without = await ScanAsync(selectOnly);
        var with = await ScanAsync(withShowView);

        // Then the first scan says what the view lacks, and the second inherits the label through lineage
        var issue = without.Issues.SingleOrDefault(i => i.Table == "person_mail");
        new AnnotationMerger().Apply(with, AnnotationSet.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issue?.Kind, Is.EqualTo("no-privilege"));
            Assert.That(issue?.Message, Does.Contain("needs the SHOW VIEW privilege").And.Contain($"GRANT SHOW VIEW ON `{db.Name}`.* TO 'inv_u"));
            Assert.That(with.Issues, Is.Empty);
            Assert.That(with.AllColumns().Single(x => x.Table.Name == "person_mail" && x.Column.Name == "email").Column.Origin, Is.EqualTo(Origin.Lineage));
        }
    }

    private static async Task<string> ShowCreateTableAsync(TestMySqlDatabase db, string table)
    {
        await using var connection = new MySqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetString(1);
    }

    /// <summary>Scans <paramref name="db"/> into <c>inventory.json</c> of <paramref name="dir"/> and exports it with the
    /// annotations of its <c>annotations/</c> folder as <c>mysql-comments</c> (the CLI's export command).</summary>
    /// <returns>The path of the script written.</returns>
    private static async Task<string> ScanAndExportAsync(TestMySqlDatabase db, TempFolder dir)
    {
        var inventoryPath = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(await ScanAsync(db.ConnectionString), inventoryPath);
        var scriptPath = Path.Combine(dir.Path, "labels.sql");
        var console = new TestConsole();
        var code = await InventoryApp.RunAsync(["export", "--inventory", inventoryPath, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "mysql-comments", "--out", scriptPath], console);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        return scriptPath;
    }

    private static Task<InventoryDocument> ScanAsync(string connectionString) =>
        new ScanRunner(ClassifierFactory.CreateDefault())
            .RunAsync(new ScanRequest { Sources = [new SourceConfig { Name = "shop", Connection = connectionString, Provider = "mysql" }], Parallelism = 2 });

    /// <summary>Runs a script with the mariadb command-line client as the admin, in the given database; returns its output.</summary>
    private static string Apply(TestMySqlDatabase db, string script)
    {
        var b = new MySqlConnectionStringBuilder(db.ConnectionString);
        var client = File.Exists("/usr/bin/mariadb") ? "mariadb" : "mysql";
        var args = new List<string> { "--no-defaults", "--batch", "-u", b.UserID };
        if (b.ConnectionProtocol == MySqlConnectionProtocol.UnixSocket) args.AddRange(["-S", b.Server]);
        else args.AddRange(["-h", b.Server, "-P", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.Add(db.Name);
        var psi = new ProcessStartInfo(client, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(b.Password)) psi.Environment["MYSQL_PWD"] = b.Password;
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(File.ReadAllText(script));
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{client} failed on {script}: {stderr.Result}");
        return stdout;
    }
}
