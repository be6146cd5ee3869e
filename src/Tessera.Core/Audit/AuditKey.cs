using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Core.Audit;

/// <summary>The secrets that make the audit chain prove itself, kept outside the database: an HMAC-SHA256 key over every
/// entry, an ECDSA P-256 key that signs the head, and the sequence number from which entries are keyed.</summary>
/// <remarks>Someone who can write the database but not read this key can no longer recompute the chain and its head after
/// changing an entry. Entries before <see cref="KeyedFrom"/> (written before the key existed) keep their plain SHA-256; they
/// are anchored by the first keyed entry, whose HMAC covers their last hash. The text form is
/// <c>tessera-audit-key 1</c>, <c>keyed-from N</c>, <c>hmac-sha256 BASE64</c> and the PKCS#8 PEM of the signing key.</remarks>
public sealed class AuditKey : IDisposable
{
    private const string Magic = "tessera-audit-key 1";
    private readonly byte[] _mac;
    private readonly ECDsa _signer;
    private readonly Lock _gate = new();

    // One keyed HMAC state per thread, reset after each entry: about half the cost of a one-shot HMAC, which derives the
    // inner and outer key pads again for every entry (1 M entries: 1.5 s against 3.2 s, measured beside SHA-256's 1.5 s).
    private readonly ThreadLocal<IncrementalHash> _macs;

    private AuditKey(byte[] mac, ECDsa signer, long keyedFrom)
    {
        _mac = mac;
        _macs = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _mac), trackAllValues: true);
        _signer = signer;
        KeyedFrom = keyedFrom;
        Id = IdOf(signer.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The first sequence number whose entry is keyed; 1 when the log was keyed from its start.</summary>
    public long KeyedFrom { get; }

    /// <summary>The key's fingerprint: the first 16 hex digits of the SHA-256 of its public key.</summary>
    public string Id { get; }

    /// <summary>The public half of the signing key (SubjectPublicKeyInfo PEM), for whoever holds a witness.</summary>
    public string PublicKeyPem => _signer.ExportSubjectPublicKeyInfoPem();

    /// <summary>A new key: 32 random bytes for the HMAC and a fresh P-256 key pair.</summary>
    public static AuditKey Create(long keyedFrom) =>
        new(RandomNumberGenerator.GetBytes(32), ECDsa.Create(ECCurve.NamedCurves.nistP256), keyedFrom);

    /// <summary>Reads the text form written by <see cref="ToText"/>.</summary>
    /// <exception cref="FormatException">The text is not an audit key; the message says which part.</exception>
    public static AuditKey Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 4 || lines[0] != Magic)
        {
            throw new FormatException($"not a Tessera audit key (the first line must be '{Magic}')");
        }

        if (!lines[1].StartsWith("keyed-from ", StringComparison.Ordinal) ||
            !long.TryParse(lines[1]["keyed-from ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var keyedFrom) || keyedFrom < 1)
        {
            throw new FormatException("line 2 must be 'keyed-from N' with N ≥ 1");
        }

        byte[] mac;
        try
        {
            mac = lines[2].StartsWith("hmac-sha256 ", StringComparison.Ordinal) ? Convert.FromBase64String(lines[2]["hmac-sha256 ".Length..]) : [];
        }
        catch (FormatException)
        {
            mac = [];
        }

        if (mac.Length < 32)
        {
            throw new FormatException("line 3 must be 'hmac-sha256 ' and at least 32 bytes in base64");
        }

        var signer = ECDsa.Create();
        try
        {
            signer.ImportFromPem(string.Join('\n', lines[3..]));
        }
        catch (ArgumentException e)
        {
            signer.Dispose();
            throw new FormatException("the signing key is not a PKCS#8 PEM private key: " + e.Message, e);
        }

        return new AuditKey(mac, signer, keyedFrom);
    }

    /// <summary>The text form: what the key file holds.</summary>
    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"{Magic}\nkeyed-from {KeyedFrom}\nhmac-sha256 {Convert.ToBase64String(_mac)}\n{_signer.ExportPkcs8PrivateKeyPem()}\n");

    /// <summary>Signs a head (sequence, hash and time); returns the signature in base64 (IEEE P1363 form).</summary>
    public string Sign(long sequence, string hash, DateTimeOffset time)
    {
        var data = AuditHead.SignedBytes(sequence, hash, time);
        lock (_gate)
        {
            return Convert.ToBase64String(_signer.SignData(data, HashAlgorithmName.SHA256));
        }
    }

    /// <summary>Whether <paramref name="head"/> carries a signature made with this key.</summary>
    public bool Signed(AuditHead head) => Verifies(_signer, head);

    /// <summary>Whether <paramref name="head"/> carries a signature of the key whose public half is <paramref name="publicKeyPem"/>:
    /// what a witness holder checks without any secret.</summary>
    public static bool Verifies(string publicKeyPem, AuditHead head)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return Verifies(key, head);
    }

    /// <summary>The fingerprint of a SubjectPublicKeyInfo.</summary>
    public static string IdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the entry key.</summary>
    internal void Mac(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var mac = _macs.Value!;
        mac.AppendData(data);
        mac.GetHashAndReset(digest);
    }

    public void Dispose()
    {
        foreach (var mac in _macs.Values)
        {
            mac.Dispose();
        }

        _macs.Dispose();
        _signer.Dispose();
    }

    private static bool Verifies(ECDsa key, AuditHead head)
    {
        Span<byte> signature = stackalloc byte[128];
        return Convert.TryFromBase64String(head.Signature, signature, out var length) &&
               key.VerifyData(AuditHead.SignedBytes(head.Sequence, head.Hash, head.Time), signature[..length], HashAlgorithmName.SHA256);
    }
}

/// <summary>The head of the audit chain as signed: how many entries, the last one's hash, when, and the signature.</summary>
/// <remarks>A head exported to a witness and found later not to be a prefix of the chain proves the chain was rewritten or cut.</remarks>
public sealed record AuditHead(long Sequence, string Hash, DateTimeOffset Time, string Signature)
{
    /// <summary>The bytes signed: <c>tessera-audit-head</c>, sequence, hash and time in UTC ticks, joined by U+001F.</summary>
    public static byte[] SignedBytes(long sequence, string hash, DateTimeOffset time) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"tessera-audit-head\u001f{sequence}\u001f{hash}\u001f{time.UtcTicks}"));
}
