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
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            Time.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Actor, Organisation, Action, Target, Outcome, Details, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>What a caller records; the log adds sequence, time and hashes.</summary>
public sealed record AuditEvent(string Actor, string Organisation, string Action, string Target, string Outcome, string Details = "");
