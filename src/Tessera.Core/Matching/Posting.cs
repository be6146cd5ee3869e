using System.Runtime.InteropServices;

namespace Tessera.Core.Matching;

/// <summary>The records under one index key, in record order: a run of a shared array, then the records added since
/// (a grown resident index's newer segments, whose numbers all come after the run's).</summary>
internal readonly struct Posting(int[] records, int start, int length, List<int>? added)
{
    /// <summary>No records.</summary>
    public static Posting Empty { get; } = new([], 0, 0, null);

    /// <summary>Records in all.</summary>
    public int Count => length + (added?.Count ?? 0);

    /// <summary>The records of the run.</summary>
    public ReadOnlySpan<int> First => records.AsSpan(start, length);

    /// <summary>The records added after the run.</summary>
    public ReadOnlySpan<int> Added => added is null ? default : CollectionsMarshal.AsSpan(added);
}

/// <summary>The per-thread working memory of a screening query's candidate search: support per record and admission per
/// record, in arrays indexed by record number and cleared through the lists of records touched.</summary>
internal sealed class CandidateScratch
{
    [ThreadStatic]
    private static CandidateScratch? t_current;

    private readonly List<int> _touched = [];
    private readonly List<int> _asked = [];
    private int[] _support = [];
    private sbyte[] _admitted = [];

    /// <summary>The admitted records of the posting being read.</summary>
    public List<int> Kept { get; } = [];

    /// <summary>This thread's scratch, large enough for record numbers below <paramref name="records"/>.</summary>
    public static CandidateScratch For(int records)
    {
        var s = t_current ??= new CandidateScratch();
        if (s._support.Length < records)
        {
            var size = records + (records / 4);
            s._support = new int[size];
            s._admitted = new sbyte[size];
        }

        return s;
    }

    /// <summary>One more shared key for each record.</summary>
    public void Support(ReadOnlySpan<int> records)
    {
        foreach (var i in records)
        {
            if (_support[i]++ == 0)
            {
                _touched.Add(i);
            }
        }
    }

    /// <summary>Adds the admitted records to <see cref="Kept"/> (asking <paramref name="include"/> once per record per
    /// query); false as soon as <see cref="Kept"/> holds <paramref name="most"/>.</summary>
    public bool Admit(ReadOnlySpan<int> records, int most, Func<int, bool> include)
    {
        foreach (var i in records)
        {
            var admitted = _admitted[i];
            if (admitted == 0)
            {
                _admitted[i] = admitted = include(i) ? (sbyte)1 : (sbyte)-1;
                _asked.Add(i);
            }

            if (admitted > 0)
            {
                Kept.Add(i);
                if (Kept.Count >= most)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The records with support, at most <paramref name="scored"/>: the most supported, ties by record number;
    /// in record order when all are kept.</summary>
    public List<int> Best(int scored)
    {
        var all = _touched.ToArray();
        if (all.Length <= scored)
        {
            Array.Sort(all);
            return [.. all];
        }

        var support = _support;
        Array.Sort(all, (x, y) => support[x] != support[y] ? support[y].CompareTo(support[x]) : x.CompareTo(y));
        return [.. all.AsSpan(0, scored)];
    }

    /// <summary>Forgets the query: every counter back to zero.</summary>
    public void Clear()
    {
        foreach (var i in _touched)
        {
            _support[i] = 0;
        }

        foreach (var i in _asked)
        {
            _admitted[i] = 0;
        }

        _touched.Clear();
        _asked.Clear();
        Kept.Clear();
    }
}
