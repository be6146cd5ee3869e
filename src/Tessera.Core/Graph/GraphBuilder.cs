namespace Tessera.Core.Graph;

/// <summary>Collects nodes (string ids) and ties (source, target, weight, optional time and type) and builds
/// <see cref="CompactGraph"/> projections of them: the whole graph, one tie type, or one period.</summary>
/// <remarks>Stored entities become nodes and their links ties; a tie may be added before its ends are. Node
/// order is first appearance, so a graph built from the same input is the same graph.</remarks>
internal sealed class GraphBuilder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<int> _sources = [];
    private readonly List<int> _targets = [];
    private readonly List<double> _weights = [];
    private List<DateTimeOffset?>? _times;
    private List<string?>? _types;

    public int NodeCount => _ids.Count;

    public int TieCount => _sources.Count;

    /// <summary>Adds a node (isolates count for normalisation); returns its index. Adding it again is a no-op.</summary>
    public int AddNode(string id)
    {
        if (!_index.TryGetValue(id, out var v))
        {
            v = _ids.Count;
            _index.Add(id, v);
            _ids.Add(id);
        }

        return v;
    }

    /// <summary>Adds a tie; repeated ties stay separate here and are merged (weights summed) when a graph is built.</summary>
    public void AddTie(string source, string target, double weight = 1.0, DateTimeOffset? time = null, string? type = null)
    {
        _sources.Add(AddNode(source));
        _targets.Add(AddNode(target));
        _weights.Add(weight);
        if (time is not null || _times is not null)
        {
            _times ??= [.. Enumerable.Repeat<DateTimeOffset?>(null, _sources.Count - 1)];
            _times.Add(time);
        }

        if (type is not null || _types is not null)
        {
            _types ??= [.. Enumerable.Repeat<string?>(null, _sources.Count - 1)];
            _types.Add(type);
        }
    }

    /// <summary>The simple graph of every tie, directed or as the undirected projection.</summary>
    public CompactGraph Build(bool directed = false) =>
        CsrAssembly.Build([.. _ids], [.. _sources], [.. _targets], [.. _weights], directed);

    /// <summary>The simple graph of the ties that pass <paramref name="include"/> (every node is kept, so measures
    /// stay comparable across projections).</summary>
    public CompactGraph Build(bool directed, Func<TieInfo, bool> include)
    {
        var src = new List<int>();
        var dst = new List<int>();
        var w = new List<double>();
        for (var i = 0; i < _sources.Count; i++)
        {
            if (include(new TieInfo(_ids[_sources[i]], _ids[_targets[i]], _weights[i], _times?[i], _types?[i])))
            {
                src.Add(_sources[i]);
                dst.Add(_targets[i]);
                w.Add(_weights[i]);
            }
        }

        return CsrAssembly.Build([.. _ids], [.. src], [.. dst], [.. w], directed);
    }

    /// <summary>The financial ties only (<see cref="TieKinds.IsFinancial"/>, or a tie to a node in <paramref name="financialNodes"/>
    /// such as a bank account), every node kept; null when there is none.</summary>
    public CompactGraph? BuildFinancial(bool directed = false, IReadOnlySet<string>? financialNodes = null)
    {
        var money = Build(directed, t => TieKinds.IsFinancial(t.Type) || financialNodes?.Contains(t.Source) == true || financialNodes?.Contains(t.Target) == true);
        return money.EdgeCount > 0 ? money : null;
    }

    /// <summary>One graph per period [start, start + length) from the earliest to the latest tie time, so that
    /// measures can be recomputed per period ("networks adapt"); untimed ties are left out.</summary>
    public IEnumerable<(DateTimeOffset Start, CompactGraph Graph)> BuildPerPeriod(TimeSpan length, bool directed = false)
    {
        if (_times is null || length <= TimeSpan.Zero)
        {
            yield break;
        }

        var times = _times.Where(t => t is not null).Select(t => t!.Value).ToList();
        if (times.Count == 0)
        {
            yield break;
        }

        var last = times.Max();
        for (var start = times.Min(); start <= last; start += length)
        {
            var from = start;
            var to = start + length;
            yield return (from, Build(directed, t => t.Time >= from && t.Time < to));
        }
    }
}

/// <summary>A tie as the builder holds it, for projection filters.</summary>
internal readonly record struct TieInfo(string Source, string Target, double Weight, DateTimeOffset? Time, string? Type);
