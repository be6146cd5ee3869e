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

    private sealed class State
    {
        private string _previous = AuditEntry.GenesisHash;
        private long _count;

        public AuditVerification? Accept(AuditEntry entry)
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

            if (!entry.HashMatches())
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
