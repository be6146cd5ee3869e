using NSec.Cryptography;

namespace Tessera.Core.Federation;

/// <summary>A Tessera instance's identity in a federation: an Ed25519 key pair (RFC 8032). Its public key, in base64, is what
/// peers register (<c>--key</c>); the private key signs every bundle the instance sends.</summary>
public sealed class NodeIdentity : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private NodeIdentity(Key key) => _key = key;

    /// <summary>A new random identity.</summary>
    public static NodeIdentity Create() => new(Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>The identity of a 32-byte raw Ed25519 private key.</summary>
    public static NodeIdentity Import(ReadOnlySpan<byte> privateKey) =>
        new(Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>The public key, raw 32 bytes in base64.</summary>
    public string PublicKey => Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The raw private key, for the instance's key file only.</summary>
    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>The Ed25519 signature of <paramref name="data"/> (64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(_key, data);

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="data"/> by the holder of
    /// <paramref name="publicKey"/> (base64, raw 32 bytes); false for a malformed key or signature.</summary>
    public static bool Verify(string publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var raw = new byte[32];
        if (!Convert.TryFromBase64String(publicKey, raw, out var written) || written != raw.Length || signature.Length != Ed25519.SignatureSize
            || !NSec.Cryptography.PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key))
        {
            return false;
        }

        return Ed25519.Verify(key!, data, signature);
    }

    public void Dispose() => _key.Dispose();
}
