namespace Tessera.Core.Pprl;

/// <summary>Many encodings under one key, their bits in one flat array (<see cref="BloomBits.Words"/> words each) for the Dice kernel.</summary>
public sealed class EncodingSet
{
    /// <summary>Packs <paramref name="encodings"/>, which must all be under one key.</summary>
    public EncodingSet(IReadOnlyList<PersonEncoding> encodings)
    {
        Encodings = encodings;
        KeyId = encodings.Count == 0 ? "" : encodings[0].KeyId;
        Bits = new ulong[encodings.Count * BloomBits.Words];
        Counts = new int[encodings.Count];
        for (var i = 0; i < encodings.Count; i++)
        {
            if (encodings[i].KeyId != KeyId)
            {
                throw new ArgumentException($"encodings under two keys ({KeyId}, {encodings[i].KeyId}) in one set", nameof(encodings));
            }

            encodings[i].Bloom.CopyTo(Bits, i * BloomBits.Words);
            Counts[i] = Dice.Count(encodings[i].Bloom);
        }
    }

    /// <summary>The encodings in input order.</summary>
    public IReadOnlyList<PersonEncoding> Encodings { get; }

    /// <summary>The key all encodings are under ("" for an empty set).</summary>
    public string KeyId { get; }

    /// <summary>The bits, encoding i at words [16·i, 16·i + 16).</summary>
    public ulong[] Bits { get; }

    /// <summary>Set bits per encoding.</summary>
    public int[] Counts { get; }

    public int Count => Counts.Length;

    /// <summary>Bit <paramref name="position"/> of encoding <paramref name="index"/>.</summary>
    public bool Bit(int index, int position) => (Bits[(index * BloomBits.Words) + (position >> 6)] & (1UL << (position & 63))) != 0;
}
