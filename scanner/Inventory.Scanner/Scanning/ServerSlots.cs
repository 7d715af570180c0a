namespace Inventory.Scanning;

/// <summary>
/// The slots one source holds of its server's connection bound (<see cref="ScanRequest.MaxConnectionsPerServer"/>, config
/// <c>connections-per-server</c>): one slot per connection the source may have open, whether it reads the catalog,
/// samples a table or lies idle in the connector's pool. The source takes its first slot before its first connection
/// (the catalog's), samples with it, takes more slots only for more readers, and gives them all back on disposal, after
/// its connector has closed its connections.
/// </summary>
/// <remarks>
/// Why it cannot deadlock: a source holding a slot never waits for another slot before it can progress (its first
/// reader reads every table alone if it must; the others wait for a slot only while tables are left, and stop waiting
/// when none is), and a source that has finished gives its slots back. Sources waiting for their first slot hold none.
/// </remarks>
internal sealed class ServerSlots : IAsyncDisposable
{
    private readonly SemaphoreSlim _server;
    private int _held;

    private ServerSlots(SemaphoreSlim server, int held)
    {
        _server = server;
        _held = held;
    }

    /// <summary>Slots the source holds now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Waits for the source's first slot of the server.</summary>
    /// <param name="server">The server's semaphore, shared by every source on that server, sized to the bound.</param>
    /// <param name="cancellationToken">Cancels the wait (nothing is then held).</param>
    /// <returns>The source's slots, one held.</returns>
    public static async Task<ServerSlots> TakeFirstAsync(SemaphoreSlim server, CancellationToken cancellationToken)
    {
        await server.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ServerSlots(server, 1);
    }

    /// <summary>Reads every table with up to <paramref name="readers"/> readers, each holding one slot for as long as it
    /// reads: the first uses the slot already held, each other one takes one more slot of the server first and stops
    /// waiting for it once no table is left to read. Tables are taken in their order.</summary>
    /// <param name="tables">The tables, in the order to read them.</param>
    /// <param name="readers">Readers at most, 1 or more.</param>
    /// <param name="read">Reads one table (with at most one connection open at a time).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <param name="firstReaderAfter">When given, the first reader (the one on the slot already held) reads nothing until
    /// this task has ended: the slot's connection is still in use (the catalog's second stage) until then. Its failure
    /// stops the reading and is thrown.</param>
    /// <returns>A task that ends when every table has been read.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>The first exception a reader throws stops the others and is thrown.</remarks>
    public async Task ReadAllAsync<T>(IReadOnlyList<T> tables, int readers, Func<T, CancellationToken, Task> read, CancellationToken cancellationToken,
        Task? firstReaderAfter = null)
    {
        if (tables.Count == 0) return;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var drained = CancellationTokenSource.CreateLinkedTokenSource(failed.Token);
        int next = -1;
        async Task ReadAsync(bool first)
        {
            try
            {
                if (first && firstReaderAfter is not null)
                    await firstReaderAfter.WaitAsync(failed.Token).ConfigureAwait(false);
                else if (!first)
                {
                    if (Volatile.Read(ref next) + 1 >= tables.Count) return;
                    try
                    {
                        await _server.WaitAsync(drained.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!failed.IsCancellationRequested)
                    {
                        return; // every table was taken while this reader waited for a slot
                    }
                    Interlocked.Increment(ref _held);
                }
                for (int i = Interlocked.Increment(ref next); i < tables.Count; i = Interlocked.Increment(ref next))
                    await read(tables[i], failed.Token).ConfigureAwait(false);
                // Nothing left: readers still waiting for a slot stop waiting.
                await drained.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!failed.IsCancellationRequested)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
        var tasks = new Task[Math.Max(1, readers)];
        for (int r = 0; r < tasks.Length; r++) tasks[r] = ReadAsync(r == 0);
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception)
        {
            // The first reader's failure (the others were stopped by it) is the one to report.
            var first = tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    /// <summary>Gives every held slot back to the server.</summary>
    public ValueTask DisposeAsync()
    {
        var held = Interlocked.Exchange(ref _held, 0);
        if (held > 0) _server.Release(held);
        return ValueTask.CompletedTask;
    }
}
