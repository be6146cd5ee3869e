using System.Globalization;
using Tessera.Core.Audit;

namespace Tessera.Storage.CrossCheck;

/// <summary>The log of systematic checks, written by group commit: the checks that arrive while one transaction is being
/// written go together into the next, each with its audit entry, in arrival order on the hash chain.</summary>
/// <remarks>A caller's task completes only when the transaction holding its entry has committed (or fails with it), so no
/// check is answered before it is logged — the same guarantee as one transaction per check, with one commit (and on
/// PostgreSQL one WAL flush) for many checks under load. With one check at a time every batch holds one entry.</remarks>
internal sealed class CheckLog(Store store)
{
    // Bounds a transaction's size (and its lock time) when a large backlog has built up.
    private const int MaxBatch = 512;
    private static readonly string[] CheckColumns = ["time", "user_name", "organisation", "list", "kind", "outcome", "hits"];

    private readonly Lock _gate = new();
    private List<(CheckLogEntry Entry, TaskCompletionSource Done)> _pending = [];
    private bool _writing;

    /// <summary>Queues an entry for the next group commit; completes once it is committed.</summary>
    public Task AppendAsync(CheckLogEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _pending.Add((entry, done));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(DrainAsync);
        }

        return done.Task;
    }

    // One writer at a time: takes whatever is pending, writes it in one transaction, repeats until nothing is left.
    private async Task DrainAsync()
    {
        while (true)
        {
            List<(CheckLogEntry Entry, TaskCompletionSource Done)> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                if (_pending.Count <= MaxBatch)
                {
                    batch = _pending;
                    _pending = [];
                }
                else
                {
                    batch = _pending[..MaxBatch];
                    _pending.RemoveRange(0, MaxBatch);
                }
            }

            try
            {
                await WriteAsync(batch.Select(b => b.Entry).ToList());
                batch.ForEach(b => b.Done.SetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Done.SetException(e));
            }
        }
    }

    private async Task WriteAsync(List<CheckLogEntry> entries)
    {
        await using var connection = await store.ConnectAsync();
        await using var tx = await Store.BeginWriteAsync(connection);
        await MultiRowInsert.ExecuteAsync(connection, tx, "checks", CheckColumns,
            entries.Select(e => new object?[] { Store.Format(e.Time), e.UserName, e.Organisation, e.List, e.Kind, e.Outcome, e.Hits }));
        await store.Audit.AppendAsync(connection, tx, entries.Select(e => new AuditEvent(e.UserName, e.Organisation, "check." + e.Kind, "list:" + e.List, e.Outcome,
            e.Hits.ToString(CultureInfo.InvariantCulture) + " hits") { Query = e.Query, Purpose = e.Purpose }));
        await tx.CommitAsync();
    }
}
