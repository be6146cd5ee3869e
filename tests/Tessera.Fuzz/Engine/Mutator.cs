namespace Tessera.Fuzz.Engine;

/// <summary>Byte-level mutations in the manner of AFL's havoc stage: bit flips, random and "interesting" bytes, small
/// arithmetic, inserts, deletes, duplicated blocks, splices with another corpus entry and dictionary tokens, stacked 1–8 deep.</summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> dictionary, int maxLength)
{
    private static readonly byte[] Interesting = [0, 0xFF, 0x7F, 0x80, 0xC3, 0xEF, (byte)'\n', (byte)'\r', (byte)'\t', (byte)'"', (byte)',', (byte)';',
        (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', (byte)'<', (byte)'>', (byte)'&', (byte)'\\', (byte)' ', (byte)'0', (byte)'9', (byte)'-', (byte)'+'];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(input);
        var rounds = 1 << random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            MutateOnce(data, corpus);
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        if (data.Count == 0)
        {
            Insert(data, 0, Token());
            return;
        }

        var at = random.Next(data.Count);
        switch (random.Next(11))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = (byte)random.Next(256);
                break;
            case 2:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 3:
                data[at] = (byte)(data[at] + random.Next(-8, 9));
                break;
            case 4:
                var bytes = new byte[1 + random.Next(8)];
                random.NextBytes(bytes);
                Insert(data, at, bytes);
                break;
            case 5:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(16)));
                break;
            case 6:
                var length = Math.Min(data.Count - at, 1 + random.Next(64));
                Insert(data, random.Next(data.Count + 1), data.GetRange(at, length).ToArray());
                break;
            case 7:
                var other = corpus[random.Next(corpus.Count)];
                if (other.Length > 0)
                {
                    var from = random.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(from).ToArray());
                }

                break;
            case 8 or 9:
                Insert(data, at, Token());
                break;
            default:
                var token = Token();
                data.RemoveRange(at, Math.Min(data.Count - at, token.Length));
                Insert(data, at, token);
                break;
        }
    }

    private byte[] Token() => dictionary.Count == 0 ? [Interesting[random.Next(Interesting.Length)]] : dictionary[random.Next(dictionary.Count)];

    private static void Insert(List<byte> data, int at, byte[] bytes) => data.InsertRange(Math.Min(at, data.Count), bytes);
}
