using System.Runtime.InteropServices;

namespace Tessera.Core.Matching;

/// <summary>The index keys of a segment's records, flat: record <c>i</c>'s distinct keys are
/// <c>Keys[Start[i]..Start[i + 1]]</c>, in the order <see cref="ScreeningQuery.RecordKeys"/> gives them.</summary>
internal sealed record SegmentKeys(ulong[] Keys, int[] Start)
{
    public int Records => Start.Length - 1;
}

/// <summary>The postings of a resident index: index key → records holding it, in record order.</summary>
/// <remarks>
/// The base segment's postings are built in bulk, as one array of record numbers grouped by key (a counting sort: one
/// pass numbers the distinct keys, one counts, one places) with an offset per key: no list per key, nothing to grow.
/// Segments added later post into a small map of lists, whose records all come after the base's, so a key's records
/// are the base run followed by its added list (<see cref="Posting"/>). Adding needs the caller's write lock; reading
/// may run concurrently.
/// </remarks>
internal sealed class RecordPostings
{
    private const int Chunk = 4096;
    private readonly SortedKeys _base;
    private readonly int[] _start;
    private readonly int[] _records;
    private readonly Dictionary<ulong, List<int>> _added = [];

    /// <summary>The postings of a base segment whose record <c>i</c> is record number <c>i</c>.</summary>
    public RecordPostings(SegmentKeys keys)
    {
        var all = keys.Keys;
        var numbers = new Dictionary<ulong, int>(Math.Min(all.Length, 1 << 20));
        var dense = new int[all.Length];
        var counts = new List<int>();
        for (var p = 0; p < all.Length; p++)
        {
            ref var d = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, all[p], out var exists);
            if (!exists)
            {
                d = counts.Count;
                counts.Add(0);
            }

            dense[p] = d;
            counts[d]++;
        }

        // Kept as sorted arrays: the dictionary's entries would double the memory of the keys.
        _base = new SortedKeys(numbers);
        _start = new int[counts.Count + 1];
        for (var d = 0; d < counts.Count; d++)
        {
            _start[d + 1] = _start[d] + counts[d];
        }

        _records = new int[all.Length];
        var next = _start[..^1];
        for (var r = 0; r < keys.Records; r++)
        {
            for (var p = keys.Start[r]; p < keys.Start[r + 1]; p++)
            {
                _records[next[dense[p]]++] = r;
            }
        }
    }

    /// <summary>The records under <paramref name="key"/>.</summary>
    public Posting Of(ulong key)
    {
        var added = _added.GetValueOrDefault(key);
        return _base.TryGetValue(key, out var d)
            ? new Posting(_records, _start[d], _start[d + 1] - _start[d], added)
            : added is null ? Posting.Empty : new Posting([], 0, 0, added);
    }

    /// <summary>Posts a further segment whose record <c>i</c> is record number <paramref name="first"/> + <c>i</c>.</summary>
    public void Add(SegmentKeys keys, int first)
    {
        for (var r = 0; r < keys.Records; r++)
        {
            for (var p = keys.Start[r]; p < keys.Start[r + 1]; p++)
            {
                if (!_added.TryGetValue(keys.Keys[p], out var list))
                {
                    _added[keys.Keys[p]] = list = [];
                }

                list.Add(first + r);
            }
        }
    }

    /// <summary>The distinct index keys of every record of <paramref name="table"/> (none for null), computed in parallel
    /// over chunks of records.</summary>
    public static SegmentKeys KeysOf(FeatureTable? table)
    {
        var n = table?.Count ?? 0;
        var chunks = new (List<ulong> Keys, int[] Count)[(n + Chunk - 1) / Chunk];
        Parallel.For(0, chunks.Length, c =>
        {
            var from = c * Chunk;
            var to = Math.Min(n, from + Chunk);
            var keys = new List<ulong>((to - from) * 12);
            var count = new int[to - from];
            var mine = new List<ulong>();
            for (var i = from; i < to; i++)
            {
                mine.Clear();
                ScreeningQuery.RecordKeys(table!, i, mine);
                var before = keys.Count;
                foreach (var key in mine)
                {
                    // A record's keys are few (a dozen or two): a linear scan keeps the first of each, as Distinct() does.
                    if (!CollectionsMarshal.AsSpan(keys)[before..].Contains(key))
                    {
                        keys.Add(key);
                    }
                }

                count[i - from] = keys.Count - before;
            }

            chunks[c] = (keys, count);
        });

        var start = new int[n + 1];
        var r = 0;
        foreach (var (_, count) in chunks)
        {
            foreach (var k in count)
            {
                start[r + 1] = start[r] + k;
                r++;
            }
        }

        var flat = new ulong[start[n]];
        var at = 0;
        foreach (var (keys, _) in chunks)
        {
            keys.CopyTo(flat, at);
            at += keys.Count;
        }

        return new SegmentKeys(flat, start);
    }
}
