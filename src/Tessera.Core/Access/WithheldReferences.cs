using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Core.Access;

/// <summary>References to withheld records: what a user who may know only that a hit exists is given to ask the owner.</summary>
/// <remarks>
/// A reference is <c>REF-</c> followed by 20 hex digits of HMAC-SHA256 over the contribution and entity, under a
/// platform secret (docs/design.md, "references are random or keyed, never derived from ids"). Without the key it
/// cannot be reversed to the entity id by trying candidates, and it names neither the contribution nor its sequence.
/// The owner resolves it by recomputing the references of its own records.
/// </remarks>
public sealed class WithheldReferences
{
    private static readonly System.Buffers.SearchValues<char> UpperHex = System.Buffers.SearchValues.Create("0123456789ABCDEF");

    private readonly byte[] _key;

    /// <param name="key">The platform's secret, at least 32 bytes.</param>
    public WithheldReferences(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("a reference key needs at least 32 bytes", nameof(key));
        }

        _key = key;
    }

    /// <summary>The reference to the record <paramref name="entityId"/> of contribution <paramref name="contributionId"/>.</summary>
    public string For(long contributionId, string entityId)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{contributionId}\n{entityId}"));
        var mac = HMACSHA256.HashData(_key, message);
        return "REF-" + Convert.ToHexString(mac, 0, 10);
    }

    /// <summary>True when <paramref name="reference"/> is well formed (so that hostile input is refused before any lookup).</summary>
    public static bool IsWellFormed(string? reference) =>
        reference is { Length: 24 } && reference.StartsWith("REF-", StringComparison.Ordinal) && !reference.AsSpan(4).ContainsAnyExcept(UpperHex);
}
