using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Core.Audit;

/// <summary>One line of the append-only audit log: who did what to which target, with what outcome, asking what, for which purpose.</summary>
/// <remarks>Entries from the sequence number where the log became keyed (<see cref="AuditKey.KeyedFrom"/>) carry an HMAC-SHA256
/// under the node's audit key over every field, <see cref="Query"/> and <see cref="Purpose"/> included; older entries keep
/// the plain SHA-256 of their time (<see cref="ComputeHash()"/>) and still verify under that rule.</remarks>
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
    /// <summary>The query, identifier or criteria searched or checked (Europol Regulation Art. 40: every query logged with its criteria); empty when none.</summary>
    public string Query { get; init; } = "";

    /// <summary>The purpose the user stated for the access, or <see cref="AuditEvent.NotStated"/>; empty on entries older than the field.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>The previous-hash value of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Builds the next entry of a chain, computing its hash.</summary>
    public static AuditEntry Next(long sequence, string previousHash, AuditEvent e, DateTimeOffset time)
    {
        var entry = new AuditEntry(sequence, time, e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, previousHash, "");
        return entry with { Hash = entry.ComputeHash() };
    }

    /// <summary>Builds the next entry of a keyed chain: its hash is the HMAC under <paramref name="key"/>.</summary>
    public static AuditEntry Next(long sequence, string previousHash, AuditEvent e, DateTimeOffset time, AuditKey key)
    {
        var entry = new AuditEntry(sequence, time, e.Actor, e.Organisation, e.Action, e.Target, e.Outcome, e.Details, previousHash, "")
        {
            Query = e.Query,
            Purpose = e.Purpose,
        };
        return entry with { Hash = entry.ComputeHash(key) };
    }

    /// <summary>HMAC-SHA256 under <paramref name="key"/> over the keyed canonical form: the fields of <see cref="ComputeHash()"/>
    /// with <see cref="Query"/> and <see cref="Purpose"/> before the previous hash.</summary>
    public string ComputeHash(AuditKey key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest, key);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether <see cref="Hash"/> is the hash this entry must carry: keyed from <see cref="AuditKey.KeyedFrom"/> on, plain before.</summary>
    public bool HashMatches(AuditKey? key)
    {
        if (key is null || Sequence < key.KeyedFrom)
        {
            return HashMatches();
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest, key);
        Span<char> hex = stackalloc char[2 * SHA256.HashSizeInBytes];
        return Convert.TryToHexStringLower(digest, hex, out _) && Hash.AsSpan().SequenceEqual(hex);
    }

    /// <summary>SHA-256 over the canonical form of every field but the hash itself (SHA-256 chain, as in RFC 6962 leaves).</summary>
    /// <remarks>The canonical form is the UTF-8 of the sequence number, the time in UTC ticks, actor, organisation, action,
    /// target, outcome, details and previous hash, joined by U+001F.</remarks>
    public string ComputeHash()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest, null);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether <see cref="Hash"/> is exactly <see cref="ComputeHash()"/> (lower-case hex), without allocating.</summary>
    public bool HashMatches()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(digest, null);
        Span<char> hex = stackalloc char[2 * SHA256.HashSizeInBytes];
        return Convert.TryToHexStringLower(digest, hex, out _) && Hash.AsSpan().SequenceEqual(hex);
    }

    // The canonical form encoded field by field into one buffer (the stack for ordinary entries): the same bytes as the UTF-8
    // of the joined string, since U+001F between fields never completes a surrogate pair. Without a key: the plain SHA-256 of
    // the first form; with one: the HMAC of the keyed form, which adds the query and the purpose.
    private void Digest(Span<byte> digest, AuditKey? key)
    {
        ReadOnlySpan<string> texts = key is null
            ? [Actor, Organisation, Action, Target, Outcome, Details, PreviousHash]
            : [Actor, Organisation, Action, Target, Outcome, Details, Query, Purpose, PreviousHash];
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

            if (key is null)
            {
                SHA256.HashData(buffer[..at], digest);
            }
            else
            {
                key.Mac(buffer[..at], digest);
            }
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
public sealed record AuditEvent(string Actor, string Organisation, string Action, string Target, string Outcome, string Details = "")
{
    /// <summary>The purpose recorded when the user stated none.</summary>
    public const string NotStated = "not stated";

    /// <summary>The query, identifier or criteria searched or checked; empty when none.</summary>
    public string Query { get; init; } = "";

    /// <summary>The purpose the user stated for the access.</summary>
    public string Purpose { get; init; } = NotStated;

    /// <summary>An event by <paramref name="by"/>, with the purpose they stated.</summary>
    public static AuditEvent By(Access.Principal by, string action, string target, string outcome, string details = "", string query = "") =>
        new(by.UserName, by.Organisation, action, target, outcome, details) { Query = query, Purpose = by.Purpose };
}
