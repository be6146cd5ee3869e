namespace Tessera.Core.Matching;

/// <summary>Interns strings to dense ids so that per-pair comparisons compare integers.</summary>
/// <remarks>Thread-safe for concurrent interning; reads of <see cref="Text"/> need no lock because ids only grow.</remarks>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string[] _texts = new string[1024];
    private ulong[] _masks = new ulong[1024];
    private UInt128[] _bigrams = new UInt128[1024];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public int Intern(string text)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(text, out var id))
            {
                return id;
            }

            id = _count;
            if (id == _texts.Length)
            {
                Array.Resize(ref _texts, _texts.Length * 2);
                Array.Resize(ref _masks, _masks.Length * 2);
                Array.Resize(ref _bigrams, _bigrams.Length * 2);
            }

            _texts[id] = text;
            _masks[id] = CharMask(text);
            _bigrams[id] = BigramMask(text);
            _ids[text] = id;
            Volatile.Write(ref _count, id + 1);
            return id;
        }
    }

    /// <summary>The id of <paramref name="text"/>, or -1 when it was never interned.</summary>
    public int Find(string text)
    {
        lock (_gate)
        {
            return _ids.TryGetValue(text, out var id) ? id : -1;
        }
    }

    public string Text(int id) => _texts[id];

    /// <summary>The set of characters of a value as 64 bits (a–z own bits, others hashed): a cheap bound for Jaro-Winkler.</summary>
    public ulong Mask(int id) => _masks[id];

    /// <summary>The character bigrams of a value hashed into 128 bits (with a leading and trailing space).</summary>
    public UInt128 Bigrams(int id) => _bigrams[id];

    /// <summary>Dice coefficient of two values' bigram sets, from their 128-bit signatures (Schnell et al. 2009 style q-gram Bloom filter, k = 1).</summary>
    public float Dice(int x, int y)
    {
        var a = _bigrams[x];
        var b = _bigrams[y];
        var both = PopCount(a & b);
        var sum = PopCount(a) + PopCount(b);
        return sum == 0 ? 0 : 2f * both / sum;
    }

    private static int PopCount(UInt128 v) => System.Numerics.BitOperations.PopCount((ulong)v) + System.Numerics.BitOperations.PopCount((ulong)(v >> 64));

    internal static UInt128 BigramMask(string text)
    {
        UInt128 mask = 0;
        var previous = ' ';
        foreach (var c in text.Append(' '))
        {
            var h = (uint)((previous * 31) + c) * 2654435761u;
            mask |= UInt128.One << (int)(h >> 25);
            previous = c;
        }

        return mask;
    }

    internal static ulong CharMask(string text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            mask |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 38));
        }

        return mask;
    }
}
