using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>Every network of datasets/networks against its networkx 2.8.8 reference values, within the README's
/// tolerances.</summary>
public sealed class ReferenceNetworkTests
{
    public static TheoryData<string, string> Networks => NetworkData.All();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Measures_ReferenceNetwork_MatchNetworkx(string folder, string network)
    {
        var g = NetworkData.Load(folder, network).Build(directed: false);
        var reference = NetworkData.Reference(folder, network);
        Assert.Equal(reference.Count, g.NodeCount);

        var degree = Degree.Out(g);
        var strength = Degree.OutStrength(g);
        var centrality = Degree.Centrality(g);
        var betweenness = Betweenness.Compute(g).Nodes;
        var closeness = Closeness.WassermanFaust(g);
        var eigenvector = Eigenvector.Compute(g);
        var pagerank = PageRank.Compute(g);
        var pagerankWeighted = PageRank.Compute(g, new PageRankOptions(Weighted: true));
        var components = Components.Weak(g);
        var cores = CoreNumber.Compute(g);
        for (var v = 0; v < g.NodeCount; v++)
        {
            var row = reference[g.Ids[v]];
            var at = $"{folder}/{network} node {g.Ids[v]}";
            Assert.True(degree[v] == (int)NetworkData.Number(row["degree"]), at + " degree");
            Assert.True(strength[v] == NetworkData.Number(row["strength"]), at + " strength");
            Near(NetworkData.Number(row["degree_centrality"]), centrality[v], 1e-12, at + " degree_centrality");
            Near(NetworkData.Number(row["betweenness"]), betweenness[v], 1e-9, at + " betweenness");
            Near(NetworkData.Number(row["closeness"]), closeness[v], 1e-12, at + " closeness");
            Near(NetworkData.Number(row["eigenvector"]), eigenvector[v], 1e-6, at + " eigenvector");
            Near(NetworkData.Number(row["pagerank"]), pagerank[v], 1e-8, at + " pagerank");
            Near(NetworkData.Number(row["pagerank_weighted"]), pagerankWeighted[v], 1e-8, at + " pagerank_weighted");
            Assert.True(components.Label[v] == (int)NetworkData.Number(row["component"]), at + " component");
            Assert.True(cores[v] == (int)NetworkData.Number(row["core_number"]), at + " core_number");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void DirectedMeasures_DirectedSource_MatchNetworkx(string folder, string network)
    {
        var reference = NetworkData.Reference(folder, network);
        if (!reference.Values.First().ContainsKey("pagerank_directed"))
        {
            return; // only Ciel and Montagna phone calls come from directed sources
        }

        var g = NetworkData.Load(folder, network).Build(directed: true);
        var inDegree = Degree.In(g);
        var outDegree = Degree.Out(g);
        var pagerank = PageRank.Compute(g);
        for (var v = 0; v < g.NodeCount; v++)
        {
            var row = reference[g.Ids[v]];
            var at = $"{folder}/{network} node {g.Ids[v]}";
            Assert.True(inDegree[v] == (int)NetworkData.Number(row["in_degree"]), at + " in_degree");
            Assert.True(outDegree[v] == (int)NetworkData.Number(row["out_degree"]), at + " out_degree");
            Near(NetworkData.Number(row["pagerank_directed"]), pagerank[v], 1e-8, at + " pagerank_directed");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Leiden_ReferenceNetwork_ReachesLouvainModularity(string folder, string network)
    {
        var g = NetworkData.Load(folder, network).Build(directed: false);
        var expected = NetworkData.Summary(folder, network).GetProperty("louvain_unweighted_modularity").GetDouble();

        var leiden = CommunityDetection.Leiden(g);
        var louvain = CommunityDetection.Louvain(g);

        Assert.Equal(leiden.Modularity, Modularity.Compute(g, leiden.Community), 9);
        Assert.True(leiden.Modularity >= expected - 0.02, $"Leiden Q {leiden.Modularity} < networkx {expected} - 0.02");
        Assert.True(louvain.Modularity >= expected - 0.02, $"Louvain Q {louvain.Modularity} < networkx {expected} - 0.02");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void GraphSummary_ReferenceNetwork_MatchesCounts(string folder, string network)
    {
        var g = NetworkData.Load(folder, network).Build(directed: false);
        var summary = NetworkData.Summary(folder, network);

        Assert.Equal(summary.GetProperty("nodes").GetInt32(), g.NodeCount);
        Assert.Equal(summary.GetProperty("edges_undirected").GetInt32(), g.EdgeCount);
        Assert.Equal(summary.GetProperty("connected_components").GetInt32(), Components.Weak(g).Count);
        Assert.Equal(summary.GetProperty("largest_component_nodes").GetInt32(), Components.Weak(g).Largest);
        Assert.Equal(summary.GetProperty("degeneracy_max_core").GetInt32(), CoreNumber.Compute(g).DefaultIfEmpty().Max());
    }

    private static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
}
