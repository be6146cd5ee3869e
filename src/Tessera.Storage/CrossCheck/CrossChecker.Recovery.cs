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
    /// node's check of the same contribution adds nothing). Contributions written while it runs are checked by their import.</remarks>
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
}
