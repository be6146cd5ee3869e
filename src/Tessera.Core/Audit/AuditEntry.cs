using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Core.Audit;

/// <summary>One line of the append-only audit log: who did what to which target, with what outcome.</summary>
/// <param name="Sequence">1-based position in the log; consecutive without gaps.</param>
/// <param name="Action">What happened, e.g. <c>contribution.write</c>, <c>entity.read</c>, <c>access.denied</c>.</param>
/// <param name="Target">What it happened to, e.g. <c>entity:p-123</c>.</param>
/// <param name="Outcome">The access decision or result, e.g. <c>Allow</c>, <c>HitOnly</c>, <c>Deny</c>, <c>ok</c>.</param>
/// <param name="PreviousHash">Hex SHA-256 of the previous entry; 64 zeros for the first.</param>
/// <param name="Hash">Hex SHA-256 over this entry's fields and <paramref name="PreviousHash"/>.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    string Organisation,
    string Action,
    string Target,
    string Outcome,
    string Details,
    string PreviousHash,
    string Hash)
{
    /// <summary>The previous-hash value of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Builds the next entry of a chain, computing its hash.</summary>
    public static AuditEntry Next(long sequence, string previousHash, AuditEvent e, DateTimeOffset time)
    {
        var entry = new AuditEntry(sequence, time, e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, previousHash, "");
        return entry with { Hash = entry.ComputeHash() };
    }

    /// <summary>SHA-256 over the canonical form of every field but the hash itself (SHA-256 chain, as in RFC 6962 leaves).</summary>
    /// <remarks>The canonical form is the UTF-8 of the sequence number, the time in UTC ticks, actor, organisation, action,
    /// target, outcome, details and previous hash, joined by U+001F.</remarks>
    public string ComputeHash()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether <see cref="Hash"/> is exactly <see cref="ComputeHash"/> (lower-case hex), without allocating.</summary>
    public bool HashMatches()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest);
        Span<char> hex = stackalloc char[2 * SHA256.HashSizeInBytes];
        return Convert.TryToHexStringLower(digest, hex, out _) && Hash.AsSpan().SequenceEqual(hex);
    }

    // The canonical form encoded field by field into one buffer (the stack for ordinary entries): the same bytes as the UTF-8
    // of the joined string, since U+001F between fields never completes a surrogate pair.
    private void Digest(Span<byte> digest)
    {
        ReadOnlySpan<string> texts = [Actor, Organisation, Action, Target, Outcome, Details, PreviousHash];
        var length = 2 * 20 + 2;
        foreach (var t in texts)
        {
            length += Encoding.UTF8.GetMaxByteCount(t.Length) + 1;
        }

        byte[]? rented = null;
        Span<byte> buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Sequence.TryFormat(buffer, out var at, default, CultureInfo.InvariantCulture);
            buffer[at++] = 0x1F;
            Time.UtcTicks.TryFormat(buffer[at..], out var written, default, CultureInfo.InvariantCulture);
            at += written;
            foreach (var t in texts)
            {
                buffer[at++] = 0x1F;
                at += Encoding.UTF8.GetBytes(t, buffer[at..]);
            }

            SHA256.HashData(buffer[..at], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>What a caller records; the log adds sequence, time and hashes.</summary>
public sealed record AuditEvent(string Actor, string Organisation, string Action, string Target, string Outcome, string Details = "");
