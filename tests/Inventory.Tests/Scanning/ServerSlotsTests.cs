using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The slots of a server's connection bound, shared by many sources: never more readers at once than slots,
/// every source ends (no deadlock), and every slot comes back.</summary>
[TestFixture]
public sealed class ServerSlotsTests
{
    [TestCase(1, 40, 8, 6)]
    [TestCase(3, 20, 8, 6)]
    [TestCase(3, 20, 8, 1)]
    [TestCase(8, 5, 4, 30)]
    public async Task ReadAllAsync_ManySourcesOneServer_AtMostTheBoundReadAtOnceAndEverySourceEnds(int bound, int sources, int readers, int tables)
    {
        var server = new SemaphoreSlim(bound);
        int open = 0, max = 0, read = 0;
        async Task ReadAsync(int table, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref open);
            InterlockedMax(ref max, now);
            await Task.Yield(); // the read leaves its thread, as a database read does
            Interlocked.Increment(ref read);
            Interlocked.Decrement(ref open);
        }
        async Task SourceAsync()
        {
            await Task.Yield();
            var slots = await ServerSlots.TakeFirstAsync(server, CancellationToken.None);
            await using (slots)
                await slots.ReadAllAsync(Enumerable.Range(0, tables).ToList(), readers, ReadAsync, CancellationToken.None);
        }

        await Task.WhenAll(Enumerable.Range(0, sources).Select(_ => Task.Run(SourceAsync))).WaitAsync(TimeSpan.FromMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.EqualTo(sources * tables));
            Assert.That(max, Is.InRange(1, bound));
            Assert.That(server.CurrentCount, Is.EqualTo(bound), "every slot given back");
        }
    }

    [Test]
    public async Task ReadAllAsync_AReadFails_ThatErrorIsThrownAndTheSlotsComeBack()
    {
        var server = new SemaphoreSlim(2);
        var slots = await ServerSlots.TakeFirstAsync(server, CancellationToken.None);
        InvalidOperationException? error;
        await using (slots)
        {
            error = Assert.ThrowsAsync<InvalidOperationException>(() => slots.ReadAllAsync(Enumerable.Range(0, 10).ToList(), 4,
                (t, ct) => t == 3 ? throw new InvalidOperationException("table 3") : Task.Delay(1, ct), CancellationToken.None));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Is.EqualTo("table 3"));
            Assert.That(server.CurrentCount, Is.EqualTo(2));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
