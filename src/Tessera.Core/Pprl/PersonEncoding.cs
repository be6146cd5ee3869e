namespace Tessera.Core.Pprl;

/// <summary>A person as a federation partner sees it in encoded mode: a Bloom-filter encoding for fuzzy checks and keyed
/// hashes of strong identifiers for exact checks, both under the federation key <see cref="KeyId"/>.</summary>
/// <param name="Id">The record's reference at its owner (never personal data).</param>
/// <param name="KeyId">The federation key the encoding was computed under.</param>
/// <param name="Bloom">The 1,024-bit encoding as <see cref="BloomBits.Words"/> words.</param>
/// <param name="Identifiers">Keyed hashes of normalised strong identifiers, each "kind:base64" (kind: document, phone, email, iban).</param>
public sealed record PersonEncoding(string Id, string KeyId, ulong[] Bloom, IReadOnlyList<string> Identifiers);

/// <summary>Sizes of the Bloom-filter encodings.</summary>
public static class BloomBits
{
    /// <summary>Bits in an encoding (the length anonlink/clkhash use for person records).</summary>
    public const int Length = 1024;

    /// <summary>64-bit words in an encoding.</summary>
    public const int Words = Length / 64;
}

/// <summary>How a person is encoded: the hardening applied to the Bloom filter.</summary>
/// <param name="Hardened">True (the default): each feature's bit positions are drawn from its own HMAC (keyed random hashing,
/// no double-hashing structure for an attacker to exploit) into a 2,048-bit filter that is XOR-folded to 1,024 bits (Schnell,
/// Borgs and Encarnação 2016), and the name features are salted. False gives the classic unhardened encoding (keyed double hashing,
/// Schnell 2011, straight into 1,024 bits), kept to measure what the hardening buys.</param>
/// <param name="Salt">The record attribute that salts the name features when hardened: <c>none</c> or <c>birthYear</c>. A salt
/// makes the same name set different bits in different birth years, so bit patterns no longer follow name frequencies; a
/// pair whose birth years differ then loses its name agreement.</param>
/// <param name="Fold">When hardened: XOR-fold a 2,048-bit filter to 1,024 bits (true), or set the positions straight in 1,024 bits.</param>
public sealed record PprlEncoderOptions(bool Hardened = true, string Salt = "none", bool Fold = false);
