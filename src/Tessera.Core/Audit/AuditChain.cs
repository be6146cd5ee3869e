namespace Tessera.Core.Audit;

/// <summary>The result of verifying the audit chain end to end.</summary>
/// <param name="Checked">Entries read.</param>
/// <param name="FirstBroken">Sequence number of the first entry that does not verify, or null when the chain is intact.</param>
public sealed record AuditVerification(long Checked, long? FirstBroken, string? Problem)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>Recomputes the SHA-256 chain of the audit log and names the first broken entry.</summary>
/// <remarks>Detects an altered entry (its hash no longer matches), a deleted or reordered entry (a gap in the
/// sequence or a previous-hash that does not match), and, when the head (expected length and last hash) is given, a removed
/// tail or a last entry altered and re-hashed.
/// O(n) time, O(1) memory: entries are streamed.</remarks>
public static class AuditChain
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, long? expectedCount = null, string? expectedHead = null)
    {
        var state = new State();
        foreach (var entry in entries)
        {
            if (state.Accept(entry) is { } broken)
            {
                return broken;
            }
        }

        return state.Finish(expectedCount, expectedHead);
    }

    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, long? expectedCount = null, string? expectedHead = null)
    {
        var state = new State();
        await foreach (var entry in entries)
        {
            if (state.Accept(entry) is { } broken)
            {
                return broken;
            }
        }

        return state.Finish(expectedCount, expectedHead);
    }

    /// <summary>Verifies a chain read in batches: the hashes of a batch are recomputed in parallel, the links between
    /// entries are checked in order.</summary>
    public static async Task<AuditVerification> VerifyBatchesAsync(IAsyncEnumerable<AuditEntry[]> batches, long? expectedCount = null, string? expectedHead = null)
    {
        var state = new State();
        await foreach (var batch in batches)
        {
            var intact = new bool[batch.Length];
            // Chunks of 1,024 entries per task: hashing one entry is far too little work to schedule on its own.
            Parallel.For(0, (batch.Length + 1023) / 1024, chunk =>
            {
                for (var i = chunk * 1024; i < Math.Min(batch.Length, (chunk + 1) * 1024); i++)
                {
                    intact[i] = batch[i].HashMatches();
                }
            });
            for (var i = 0; i < batch.Length; i++)
            {
                if (state.Accept(batch[i], intact[i]) is { } broken)
                {
                    return broken;
                }
            }
        }

        return state.Finish(expectedCount, expectedHead);
    }

    private sealed class State
    {
        private string _previous = AuditEntry.GenesisHash;
        private long _count;

        public AuditVerification? Accept(AuditEntry entry, bool? hashMatches = null)
        {
            _count++;
            if (entry.Sequence != _count)
            {
                return new(_count, _count, $"expected entry {_count}, found {entry.Sequence}: an entry was deleted, inserted or moved");
            }

            if (entry.PreviousHash != _previous)
            {
                return new(_count, entry.Sequence, "its previous-hash does not match the entry before it");
            }

            if (!(hashMatches ?? entry.HashMatches()))
            {
                return new(_count, entry.Sequence, "its content does not match its hash: the entry was altered");
            }

            _previous = entry.Hash;
            return null;
        }

        public AuditVerification Finish(long? expectedCount, string? expectedHead) =>
            expectedCount is { } n && _count < n
                ? new(_count, _count + 1, $"the log ends at entry {_count} but {n} were written: the tail was removed")
                : expectedCount == _count && expectedHead is not null && _count > 0 && expectedHead != _previous
                    ? new(_count, _count, "the last entry does not match the head of the chain: it was altered and re-hashed")
                    : new(_count, null, null);
    }
}
