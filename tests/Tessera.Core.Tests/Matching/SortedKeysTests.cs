using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class SortedKeysTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(10_000)]
    public void TryGetValue_AnyKey_AnswersAsTheDictionary(int count)
    {
        var rng = new Random(count + 1);
        var map = new Dictionary<ulong, int>();
        while (map.Count < count)
        {
            // Packed keys as the postings use them (small numbers) and hashes as the typo forms use them (any 64 bits).
            var key = map.Count % 2 == 0 ? (ulong)rng.Next(1_000_000) : (ulong)rng.NextInt64() << 1;
            map.TryAdd(key, map.Count);
        }

        var sorted = new SortedKeys(map);
        var probes = map.Keys.Concat(Enumerable.Range(0, 2_000).Select(_ => (ulong)rng.NextInt64())).Concat([0UL, 1UL, ulong.MaxValue]);

        Assert.Equal(count, sorted.Count);
        foreach (var key in probes)
        {
            var expected = map.TryGetValue(key, out var want);
            Assert.Equal(expected, sorted.TryGetValue(key, out var got));
            Assert.Equal(expected ? want : -1, got);
        }
    }
}
