using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Core.Federation;

/// <summary>Why a bundle was refused; the sender learns the reason, nothing in the bundle is applied.</summary>
public enum BundleRefusal
{
    Malformed,
    WrongRecipient,
    UnknownSender,
    BadSignature,
    PayloadAltered,
    Replayed,
}

/// <summary>A bundle a node accepted: who sent it, its sequence number, its content address and its payload.</summary>
/// <param name="Id">The bundle's content address: SHA-256 of the signed header, hex.</param>
public sealed record OpenedBundle(string Id, string From, string To, long Sequence, DateTimeOffset Created, byte[] Payload);

/// <summary>The outcome of opening a bundle: the bundle, or the reason it was refused (a value: refusal is an expected outcome).</summary>
public sealed record BundleCheck(OpenedBundle? Bundle, BundleRefusal? Refusal);

/// <summary>Signed, content-addressed bundles between federation peers.</summary>
/// <remarks>
/// Wire form: one header line <c>tessera-bundle/1 FROM TO SEQUENCE CREATED PAYLOAD-SHA256 SIGNATURE</c>, then the payload bytes.
/// The Ed25519 signature covers the header without its signature field, and the header carries the payload's SHA-256, so altering
/// any byte of header or payload is detected. The sequence number grows per sender → recipient; a recipient refuses a sequence
/// it has already accepted (<see cref="ReplayGuard"/>), so a captured bundle cannot be played again.
/// </remarks>
public static class BundleCodec
{
    private const string Magic = "tessera-bundle/1";

    /// <summary>Signs and frames <paramref name="payload"/> from <paramref name="from"/> (node names: no spaces) to <paramref name="to"/>.</summary>
    public static byte[] Seal(NodeIdentity sender, string from, string to, long sequence, DateTimeOffset created, ReadOnlySpan<byte> payload)
    {
        if (from.Length == 0 || to.Length == 0 || from.Any(char.IsWhiteSpace) || to.Any(char.IsWhiteSpace) || sequence < 1)
        {
            throw new ArgumentException("node names are non-empty without spaces and sequences start at 1");
        }

        var signed = string.Create(CultureInfo.InvariantCulture,
            $"{Magic} {from} {to} {sequence} {created.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Convert.ToHexStringLower(SHA256.HashData(payload))}");
        var header = signed + " " + Convert.ToBase64String(sender.Sign(Encoding.UTF8.GetBytes(signed))) + "\n";
        return [.. Encoding.UTF8.GetBytes(header), .. payload];
    }

    /// <summary>Checks and opens a bundle addressed to <paramref name="self"/>; <paramref name="peerKeys"/> maps peer names to their
    /// public keys; an accepted bundle's sequence is recorded in <paramref name="guard"/>.</summary>
    public static BundleCheck Open(ReadOnlySpan<byte> wire, string self, IReadOnlyDictionary<string, string> peerKeys, ReplayGuard guard)
    {
        var newline = wire.IndexOf((byte)'\n');
        if (newline < 0 || newline > 4096)
        {
            return new(null, BundleRefusal.Malformed);
        }

        var header = Encoding.UTF8.GetString(wire[..newline]);
        var payload = wire[(newline + 1)..].ToArray();
        var parts = header.Split(' ');
        if (parts.Length != 7 || parts[0] != Magic || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTimeOffset.TryParse(parts[4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return new(null, BundleRefusal.Malformed);
        }

        if (parts[2] != self)
        {
            return new(null, BundleRefusal.WrongRecipient);
        }

        if (!peerKeys.TryGetValue(parts[1], out var key))
        {
            return new(null, BundleRefusal.UnknownSender);
        }

        var signed = header[..header.LastIndexOf(' ')];
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(parts[6]);
        }
        catch (FormatException)
        {
            return new(null, BundleRefusal.Malformed);
        }

        if (!NodeIdentity.Verify(key, Encoding.UTF8.GetBytes(signed), signature))
        {
            return new(null, BundleRefusal.BadSignature);
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(payload)), parts[5], StringComparison.Ordinal))
        {
            return new(null, BundleRefusal.PayloadAltered);
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signed)));
        return guard.TryAccept(parts[1], sequence)
            ? new(new OpenedBundle(id, parts[1], parts[2], sequence, created.ToUniversalTime(), payload), null)
            : new(null, BundleRefusal.Replayed);
    }
}

/// <summary>The highest sequence accepted from each peer: a bundle at or below it is a replay.</summary>
/// <remarks>Thread-safe. A node persists the marks with the data the bundles carried, in the same transaction.</remarks>
public sealed class ReplayGuard
{
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);

    /// <summary>The highest accepted sequence from <paramref name="peer"/>, or 0.</summary>
    public long Highest(string peer)
    {
        lock (_highest)
        {
            return _highest.GetValueOrDefault(peer);
        }
    }

    /// <summary>Records <paramref name="sequence"/> from <paramref name="peer"/> when it is above the highest so far.</summary>
    public bool TryAccept(string peer, long sequence)
    {
        lock (_highest)
        {
            if (sequence <= _highest.GetValueOrDefault(peer))
            {
                return false;
            }

            _highest[peer] = sequence;
            return true;
        }
    }
}
