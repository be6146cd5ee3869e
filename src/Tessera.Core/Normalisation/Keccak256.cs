using System.Buffers.Binary;

namespace Tessera.Core.Normalisation;

/// <summary>Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not the SHA3-256 padding 0x06).</summary>
internal static class Keccak256
{
    private const int Rate = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000, 0x000000000000808b, 0x0000000080000001,
        0x8000000080008081, 0x8000000000008009, 0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
        0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003, 0x8000000000008002, 0x8000000000000080,
        0x000000000000800a, 0x800000008000000a, 0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
    private static readonly int[] Lanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>The 32-byte Keccak-256 digest of <paramref name="input"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        Span<ulong> state = stackalloc ulong[25];
        Span<byte> block = stackalloc byte[Rate];
        while (input.Length >= Rate)
        {
            Absorb(state, input[..Rate]);
            input = input[Rate..];
        }

        block.Clear();
        input.CopyTo(block);
        block[input.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        Absorb(state, block);
        var output = new byte[32];
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(i * 8), state[i]);
        }

        return output;
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8, 8));
        }

        Permute(state);
    }

    // Keccak-f[1600]: theta, rho and pi, chi, iota over 24 rounds (FIPS 202 §3.2).
    private static void Permute(Span<ulong> s)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            for (var x = 0; x < 5; x++)
            {
                c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ ulong.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    s[y + x] ^= d;
                }
            }

            var current = s[1];
            for (var i = 0; i < 24; i++)
            {
                var j = Lanes[i];
                (s[j], current) = (ulong.RotateLeft(current, Rotations[i]), s[j]);
            }

            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    c[x] = s[y + x];
                }

                for (var x = 0; x < 5; x++)
                {
                    s[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
                }
            }

            s[0] ^= RoundConstants[round];
        }
    }
}
