using System.Security.Cryptography;

namespace Tessera.Core.Normalisation;

/// <summary>Bitcoin's Base58Check: base-58 digits over a payload followed by the first 4 bytes of its double SHA-256.</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>The payload (version byte and data) when the text decodes and its checksum holds; null otherwise.</summary>
    public static byte[]? Decode(string text)
    {
        if (text.Length is 0 or > 128)
        {
            return null;
        }

        // Base-58 to base-256, big-endian; each leading '1' stands for a leading zero byte.
        var bytes = new byte[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            var carry = digit;
            for (var i = 0; i < length; i++)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)(carry & 0xFF);
                carry >>= 8;
            }

            while (carry > 0)
            {
                bytes[length++] = (byte)(carry & 0xFF);
                carry >>= 8;
            }
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        var decoded = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            decoded[zeros + i] = bytes[length - 1 - i];
        }

        if (decoded.Length < 5)
        {
            return null;
        }

        var payload = decoded[..^4];
        var hash = SHA256.HashData(SHA256.HashData(payload));
        return hash.AsSpan(0, 4).SequenceEqual(decoded.AsSpan(decoded.Length - 4)) ? payload : null;
    }
}
