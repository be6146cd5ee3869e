using System.Globalization;

namespace Tessera.Core.Audit;

/// <summary>The result of verifying the audit chain end to end.</summary>
/// <param name="Checked">Entries read.</param>
/// <param name="FirstBroken">Sequence number of the first entry that does not verify, or null when the chain is intact.</param>
public sealed record AuditVerification(long Checked, long? FirstBroken, string? Problem)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>Recomputes the chain (SHA-256, or HMAC-SHA256 under the node's key) of the audit log and names the first broken entry.</summary>
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

    /// <summary>Verifies a keyed chain: entries under <paramref name="key"/> from its <see cref="AuditKey.KeyedFrom"/>, the head's
    /// signature, and that every head in <paramref name="witnessed"/> is still a prefix of the chain.</summary>
    /// <remarks>Detects, beyond <see cref="VerifyAsync(IAsyncEnumerable{AuditEntry}, long?, string?)"/>, an entry altered and the chain
    /// and head recomputed without the key (the HMAC no longer matches), a head rewritten without the signing key, and — with a
    /// witness — entries rewritten or a tail cut below a head exported earlier, even with the key.</remarks>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, AuditKey key, AuditHead head, IReadOnlyList<AuditHead> witnessed)
    {
        var state = new State(key, witnessed);
        await foreach (var entry in entries)
        {
            if (state.Accept(entry) is { } broken)
            {
                return broken;
            }
        }

        if (state.Finish(head.Sequence, head.Hash) is { Intact: false } cut)
        {
            return cut;
        }

        return state.FinishWitnessed() ?? (key.Signed(head)
            ? new(head.Sequence, null, null)
            : new(head.Sequence, Math.Max(1, head.Sequence), "the head of the chain is not signed by this node's audit key: it was rewritten"));
    }

    private sealed class State(AuditKey? key = null, IReadOnlyList<AuditHead>? witnessed = null)
    {
        private readonly Dictionary<long, AuditHead> _witnessed = (witnessed ?? []).GroupBy(h => h.Sequence).ToDictionary(g => g.Key, g => g.First());
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

            if (!entry.HashMatches(key))
            {
                return new(_count, entry.Sequence, key is not null && entry.Sequence >= key.KeyedFrom
                    ? "its content does not match its keyed hash: the entry was altered, or the chain is checked with another key"
                    : "its content does not match its hash: the entry was altered");
            }

            if (_witnessed.TryGetValue(entry.Sequence, out var seen) && seen.Hash != entry.Hash)
            {
                return new(_count, entry.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"it differs from the entry witnessed on {seen.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}: the chain was rewritten"));
            }

            _previous = entry.Hash;
            return null;
        }

        // A witnessed head beyond the end of the chain: the log was cut back below what a witness saw.
        public AuditVerification? FinishWitnessed() =>
            _witnessed.Keys.Where(s => s > _count).Order().FirstOrDefault() is var beyond and > 0
                ? new(_count, _count + 1, string.Create(CultureInfo.InvariantCulture,
                    $"the log ends at entry {_count} but a witness saw entry {beyond}: the tail was removed"))
                : null;

        public AuditVerification Finish(long? expectedCount, string? expectedHead) =>
            expectedCount is { } n && _count < n
                ? new(_count, _count + 1, $"the log ends at entry {_count} but {n} were written: the tail was removed")
                : expectedCount == _count && expectedHead is not null && _count > 0 && expectedHead != _previous
                    ? new(_count, _count, "the last entry does not match the head of the chain: it was altered and re-hashed")
                    : new(_count, null, null);
    }
}
