using System.Globalization;

namespace Tessera.Core.Graph;

/// <summary>Options for <see cref="NetworkMetrics"/>.</summary>
/// <param name="Weighted">PageRank follows tie weights (the reference's <c>pagerank_weighted</c>).</param>
/// <param name="Directed">The graph's ties are directed: PageRank follows them (<c>pagerank_directed</c>); every other
/// measure uses the undirected simple projection (net flow comes from a directed <paramref name="Money"/> layer).</param>
/// <param name="BetweennessSamples">Sampled betweenness with this many sources instead of exact.</param>
/// <param name="Leads">Compute the high-value-target leads even when no role-score column is asked for.</param>
/// <param name="NeverRanked">Node ids never ranked as high-value targets (victims, smuggled migrants): their role scores are 0.</param>
/// <param name="Money">The financial ties of the graph (<see cref="GraphBuilder.BuildFinancial"/>: same nodes, same order), directed
/// when net flow should count; null or empty when there are none, and then nobody gets a money-handler score.</param>
internal sealed record MetricsOptions(
    bool Weighted = false,
    bool Directed = false,
    int Seed = 42,
    int? BetweennessSamples = null,
    bool Leads = false,
    IProgress<string>? Progress = null,
    IReadOnlySet<string>? NeverRanked = null,
    CompactGraph? Money = null,
    CancellationToken Cancellation = default);

/// <summary>One row per node and one column per measure; a measure not asked for is null (written empty).</summary>
internal sealed class MetricsTable(IReadOnlyList<string> ids, IReadOnlyDictionary<string, double[]> values, TargetMeasures? measures = null, IReadOnlyList<TargetLead>? leads = null)
{
    /// <summary>The measures behind the role scores, when a role score was asked for.</summary>
    public TargetMeasures? Measures { get; } = measures;

    /// <summary>The high-value-target leads (node-indexed), when a role score was asked for.</summary>
    public IReadOnlyList<TargetLead>? Leads { get; } = leads;

    public IReadOnlyList<string> Ids { get; } = ids;

    public IReadOnlyDictionary<string, double[]> Values { get; } = values;

    public double[]? this[string column] => Values.GetValueOrDefault(column);

    /// <summary>Writes <c>id</c> and every column of <see cref="NetworkMetrics.Columns"/>, invariant culture,
    /// round-trip precision, integers without a decimal point.</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.Write("id");
        foreach (var c in NetworkMetrics.Columns)
        {
            writer.Write(',');
            writer.Write(c);
        }

        writer.Write('\n');
        for (var v = 0; v < Ids.Count; v++)
        {
            writer.Write(CsvLine.Quote(Ids[v]));
            foreach (var c in NetworkMetrics.Columns)
            {
                writer.Write(',');
                if (Values.TryGetValue(c, out var column))
                {
                    writer.Write(column[v].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write('\n');
        }
    }
}

/// <summary>The per-node measures of <c>tessera graph metrics</c>, with the conventions of the networkx reference
/// files (datasets/networks/README.md): undirected simple projection, merged weights, networkx normalisations.</summary>
internal static class NetworkMetrics
{
    /// <summary>The metric columns, in output order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "degree", "strength", "degree_centrality", "betweenness", "closeness", "eigenvector", "pagerank",
        "component", "core_number", "community", "organiser", "broker", "money_handler", "impact",
    ];

    private static readonly string[] TargetColumns = ["organiser", "broker", "money_handler", "impact"];

    public static MetricsTable Compute(CompactGraph graph, IReadOnlyCollection<string>? wanted = null, MetricsOptions? options = null)
    {
        options ??= new MetricsOptions();
        var want = new HashSet<string>(wanted ?? Columns, StringComparer.Ordinal);
        var unknown = want.Where(c => !Columns.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("unknown metric(s): " + string.Join(", ", unknown), nameof(wanted));
        }

        var g = graph.AsUndirected();
        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var cache = new Dictionary<string, object>(StringComparer.Ordinal);
        T Get<T>(string key, Func<T> compute)
            where T : notnull
        {
            if (!cache.TryGetValue(key, out var value))
            {
                options.Cancellation.ThrowIfCancellationRequested();
                options.Progress?.Report("computing " + key);
                value = compute();
                cache[key] = value;
            }

            return (T)value;
        }

        var hvt = options.Leads || TargetColumns.Any(want.Contains);
        var betweennessOptions = new BetweennessOptions(Samples: options.BetweennessSamples, Seed: options.Seed, Links: hvt, Reach: hvt, Cancellation: options.Cancellation);
        var betweenness = () => Get("betweenness", () => Betweenness.Compute(g, betweennessOptions));
        var components = () => Get("component", () => Components.Weak(g));
        var communities = () => Get("community", () => CommunityDetection.Leiden(g, new CommunityOptions(Seed: options.Seed)));
        var strength = () => Get("strength", () => Degree.OutStrength(g));
        var degree = () => Get("degree", () => Degree.Out(g).Select(d => (double)d).ToArray());
        var eigenvector = () => Get("eigenvector", () => Eigenvector.Compute(g));
        var cores = () => Get("core_number", () => CoreNumber.Compute(g).Select(d => (double)d).ToArray());

        foreach (var column in Columns.Where(want.Contains))
        {
            values[column] = column switch
            {
                "degree" => degree(),
                "strength" => strength(),
                "degree_centrality" => Get(column, () => Degree.Centrality(g)),
                "betweenness" => betweenness().Nodes,
                "closeness" => Get(column, () => Closeness.WassermanFaust(g)),
                "eigenvector" => eigenvector(),
                "pagerank" => Get(column, () => PageRank.Compute(options.Directed ? graph : g, new PageRankOptions(Weighted: options.Weighted))),
                "component" => [.. components().Label.Select(x => (double)x)],
                "core_number" => cores(),
                "community" => [.. communities().Community.Select(x => (double)x)],
                _ => [],
            };
        }

        TargetMeasures? targetMeasures = null;
        IReadOnlyList<TargetLead>? leads = null;
        if (hvt)
        {
            // With financial ties, the organiser and broker measures are taken on the other ties (TargetMeasures remarks); the
            // measures of the whole graph are reused when there are none.
            var money = options.Money is { EdgeCount: > 0 } layer ? layer : null;
            var contact = money is null ? g : g.Without(money);
            string Key(string key) => money is null ? key : "contact " + key;
            targetMeasures = Get("high-value-target measures", () =>
            {
                var comp = Get(Key("component"), () => Components.Weak(contact));
                var comm = Get(Key("community"), () => CommunityDetection.Leiden(contact, new CommunityOptions(Seed: options.Seed))).Community;
                var cut = CutStructure.Compute(contact);
                var btw = Get(Key("betweenness"), () => Betweenness.Compute(contact, betweennessOptions));
                var (heads, members) = CommunityMeasures.OutsideTies(contact, comm);
                return new TargetMeasures(
                    comp.Label,
                    comm,
                    Get(Key("eigenvector"), () => Eigenvector.Compute(contact)),
                    btw.Nodes,
                    heads,
                    members,
                    CommunityMeasures.StrongestLinkBetweenness(contact, btw.Arcs!),
                    btw.Reach!,
                    MoneyMeasures.Of(money, components().Label, betweennessOptions),
                    cut.LargestComponentLoss(comp))
                {
                    NeverRanked = options.NeverRanked is { Count: > 0 } never
                        ? Enumerable.Range(0, g.NodeCount).Where(v => never.Contains(g.Ids[v])).ToHashSet()
                        : null,
                };
            });
            leads = HighValueTargets.Score(g, targetMeasures);
            Put(values, want, "organiser", leads.Select(l => l.Organiser));
            Put(values, want, "broker", leads.Select(l => l.Broker));
            Put(values, want, "money_handler", leads.Select(l => l.MoneyHandler));
            Put(values, want, "impact", leads.Select(l => l.Impact));
        }

        return new MetricsTable(g.Ids, values, targetMeasures, leads);
    }

    private static void Put(Dictionary<string, double[]> values, HashSet<string> want, string column, IEnumerable<double> data)
    {
        if (want.Contains(column))
        {
            values[column] = [.. data];
        }
    }
}
