using Inventory.Catalog;
using Inventory.Connectors;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>The scenario of trial finding 10 on any live server: a catalog read while the tables <c>gone</c> (5 columns)
/// and <c>kept</c> (<c>city</c>, 20 rows of <c>Lyon</c>) exist, then <c>gone</c> dropped before it is sampled. The
/// expected outcome is one scan issue for the dropped table (not one per column), a <c>table-dropped</c> warning since
/// trial40 finding 10, and the other table sampled as usual.</summary>
internal static class DroppedTableScenario
{
    /// <summary>Reads the catalog, runs <paramref name="dropGone"/>, samples both tables and asserts the outcome.</summary>
    /// <param name="connector">A connector to a database holding the two tables.</param>
    /// <param name="dropGone">Drops <c>gone</c> on the server.</param>
    /// <param name="notFoundWords">Words the engine's "table not found" issue message must hold (ordinal).</param>
    public static async Task AssertOneIssueForTheDroppedTableAsync(IConnector connector, Func<Task> dropGone, string notFoundWords)
    {
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        await dropGone();
        var gone = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "gone"), new SampleOptions());
        var kept = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "kept"), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gone.Issues, Has.Count.EqualTo(1));
            Assert.That(gone.Issues.Single().Column, Is.Null);
            Assert.That(gone.Issues.Single().Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(gone.Issues.Single().IsWarning, Is.True);
            Assert.That(gone.Issues.Single().Message.Contains(notFoundWords, StringComparison.Ordinal), Is.True, gone.Issues.Single().Message);
            Assert.That(gone.NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns.Values.Select(c => c.NotSampled), Has.All.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns, Has.Count.EqualTo(5));
            Assert.That(kept.Issues, Is.Empty);
            Assert.That(kept.Columns["city"].Values, Has.Count.EqualTo(20).And.All.EqualTo("Lyon"));
        }
    }
}
