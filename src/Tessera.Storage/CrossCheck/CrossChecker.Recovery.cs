using System.Data.Common;
using Dapper;

namespace Tessera.Storage.CrossCheck;

/// <summary>How far the recovery on start has got: contributions cross-checked so far, of those found pending.</summary>
public sealed record RecoveryProgress(int Done, int Total);

/// <summary>Recovery on start: the cross-check of contributions stored but never checked.</summary>
public sealed partial class CrossChecker
{
    /// <summary>Cross-checks every stored contribution that has no recorded cross-check (the process stopped between the
    /// write and the check), oldest first; returns how many were found.</summary>
    /// <remarks>Safe to run on several nodes at once and to repeat: each check is recorded once
    /// (<see cref="HitStore.RecordCheckAsync"/> marks the contribution in the transaction that stores its hits, and a second
    /// node's check of the same contribution adds nothing), and on PostgreSQL it is made once (<see cref="ClaimAsync"/>).
    /// Contributions written while it runs are checked by their import.</remarks>
    public async Task<int> RecoverAsync(IProgress<RecoveryProgress>? progress = null, CancellationToken ct = default)
    {
        List<long> pending;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            pending = (await connection.QueryAsync<long>(
                "SELECT c.id FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM crosschecked k WHERE k.contribution_id = c.id) ORDER BY c.id")).ToList();
        }

        progress?.Report(new RecoveryProgress(0, pending.Count));
        Telemetry.CrossCheckQueue.Add(pending.Count);
        var left = pending.Count;
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                // Out of the queue and into the check, which counts itself while it runs.
                Telemetry.CrossCheckQueue.Add(-1);
                left--;
                await CheckContributionAsync(pending[i], ct);
                progress?.Report(new RecoveryProgress(i + 1, pending.Count));
            }
        }
        finally
        {
            Telemetry.CrossCheckQueue.Add(-left);
        }

        return pending.Count;
    }

    // Advisory locks of the cross-check: (class, contribution id) in PostgreSQL's two-key form.
    private const int ClaimClass = 0x7e55;

    /// <summary>On PostgreSQL, a session advisory lock on the contribution held until disposed: the nodes that want to check
    /// the same contribution take turns, so that it is computed once. Null on SQLite, where one machine holds the store and the
    /// write lock orders the records.</summary>
    /// <remarks>A node killed while holding it loses its session, and with it the lock: nothing stays claimed.</remarks>
    private async Task<Claim?> ClaimAsync(long contributionId, CancellationToken ct)
    {
        if (_store.Provider != StorageProvider.Postgres)
        {
            return null;
        }

        var connection = await _store.ConnectAsync(ct);
        var key = new { ClaimClass, key = unchecked((int)contributionId) };
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@ClaimClass, @key)", key, cancellationToken: ct));
            return new Claim(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Unlocked explicitly before the connection goes back to the pool, which would otherwise keep the session and its lock.
    private sealed class Claim(DbConnection connection, object key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@ClaimClass, @key)", key);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
