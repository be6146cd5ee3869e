namespace Tessera.Core.Pprl;

/// <summary>Blocking on the encodings themselves (Hamming locality-sensitive hashing by bit sampling, Indyk and Motwani 1998;
/// the Λ-fold LSH of blocklib): <see cref="Bands"/> bands of <see cref="BitsPerBand"/> sampled bit positions; two encodings are
/// candidates when they agree on every bit of at least one band.</summary>
/// <remarks>
/// Needs no extra value from the node, so it reveals nothing the encodings do not. Two encodings differing in a fraction d of
/// their bits share a band with probability 1 − (1 − (1 − d)^r)^L: with r = 14 and L = 80, a pair differing in 16 % of its bits
/// (Dice ≈ 0.8 at Tessera's densities) is kept with probability 0.999, and an unrelated pair (about 48 % different) with 0.009.
/// The sampled positions come from a fixed seed, so both sides of a federation block the same way.
/// </remarks>
public sealed class LshBlocking
{
    /// <summary>Bits sampled per band (r).</summary>
    public const int BitsPerBand = 14;

    /// <summary>Number of bands (L).</summary>
    public const int Bands = 80;

    private readonly int[][] _positions;

    /// <summary>The sampling with the given seed (fixed in a federation: both sides must sample alike).</summary>
    public LshBlocking(int seed = 1024)
    {
        var random = new Random(seed);
        _positions = new int[Bands][];
        for (var b = 0; b < Bands; b++)
        {
            var all = Enumerable.Range(0, BloomBits.Length).ToArray();
            random.Shuffle(all);
            _positions[b] = all[..BitsPerBand];
        }
    }

    /// <summary>The band key of encoding <paramref name="index"/> in band <paramref name="band"/>.</summary>
    public int Key(EncodingSet set, int index, int band)
    {
        var key = 0;
        foreach (var p in _positions[band])
        {
            key = (key << 1) | (set.Bit(index, p) ? 1 : 0);
        }

        return key;
    }

    /// <summary>For each band, the encodings of <paramref name="set"/> grouped by key: heads[band][key] is the first index (or -1) and
    /// next[band][i] the following index with the same key.</summary>
    public (int[][] Heads, int[][] Next) Index(EncodingSet set)
    {
        var heads = new int[Bands][];
        var next = new int[Bands][];
        Parallel.For(0, Bands, b =>
        {
            var head = new int[1 << BitsPerBand];
            Array.Fill(head, -1);
            var chain = new int[set.Count];
            for (var i = set.Count - 1; i >= 0; i--)
            {
                var key = Key(set, i, b);
                chain[i] = head[key];
                head[key] = i;
            }

            heads[b] = head;
            next[b] = chain;
        });
        return (heads, next);
    }
}
