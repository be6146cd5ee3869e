using System.Globalization;

namespace Tessera.Cli.Tests.Graph;

/// <summary>The contract of <c>tessera graph metrics</c>: columns, conventions, selection, errors.</summary>
public sealed class GraphMetricsCommandTests : IDisposable
{
    private const string Header = "id,degree,strength,degree_centrality,betweenness,closeness,eigenvector,pagerank,component,core_number,community,organiser,broker,money_handler,impact";
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-graph-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("caviar", "full")]
    [InlineData("montagna", "phonecalls")]
    [InlineData("noordin-top", "kinship")]
    public async Task Metrics_ReferenceNetwork_WritesNetworkxValues(string folder, string network)
    {
        var outPath = Path.Combine(_dir, "metrics.csv");
        var (code, _, stderr) = await Run("graph", "metrics", Data(folder, network + "-edges.csv"), "--nodes", Data(folder, network + "-nodes.csv"), "--out", outPath);

        Assert.True(code == 0, stderr);
        var rows = ReadCsv(outPath);
        var reference = ReadCsv(Data(folder, $"reference-networkx-{network}.csv")).ToDictionary(r => r["node"], StringComparer.Ordinal);
        Assert.Equal(Header, File.ReadLines(outPath).First());
        Assert.Equal(reference.Count, rows.Count);
        foreach (var row in rows)
        {
            var expected = reference[row["id"]];
            Assert.Equal(expected["degree"], row["degree"]);
            Assert.Equal(Number(expected["strength"]), Number(row["strength"]));
            Assert.Equal(expected["component"], row["component"]);
            Assert.Equal(expected["core_number"], row["core_number"]);
            Near(expected["degree_centrality"], row["degree_centrality"], 1e-12);
            Near(expected["betweenness"], row["betweenness"], 1e-9);
            Near(expected["closeness"], row["closeness"], 1e-12);
            Near(expected["eigenvector"], row["eigenvector"], 1e-6);
            Near(expected["pagerank"], row["pagerank"], 1e-8);
            foreach (var score in new[] { "organiser", "broker", "money_handler", "impact" })
            {
                Assert.InRange(Number(row[score]), 0, 100);
            }
        }
    }

    [Fact]
    public async Task Metrics_Weighted_PagerankUsesWeights()
    {
        var outPath = Path.Combine(_dir, "metrics.csv");
        var (code, _, stderr) = await Run("graph", "metrics", Data("ciel", "ciel-edges.csv"), "--nodes", Data("ciel", "ciel-nodes.csv"), "--weighted", "--metrics", "pagerank", "--out", outPath);

        Assert.True(code == 0, stderr);
        var reference = ReadCsv(Data("ciel", "reference-networkx-ciel.csv")).ToDictionary(r => r["node"], StringComparer.Ordinal);
        foreach (var row in ReadCsv(outPath))
        {
            Near(reference[row["id"]]["pagerank_weighted"], row["pagerank"], 1e-8);
        }
    }

    [Fact]
    public async Task Metrics_Directed_PagerankFollowsDirection()
    {
        var outPath = Path.Combine(_dir, "metrics.csv");
        var (code, _, stderr) = await Run("graph", "metrics", Data("ciel", "ciel-edges.csv"), "--nodes", Data("ciel", "ciel-nodes.csv"), "--directed", "--metrics", "pagerank,degree", "--out", outPath);

        Assert.True(code == 0, stderr);
        var reference = ReadCsv(Data("ciel", "reference-networkx-ciel.csv")).ToDictionary(r => r["node"], StringComparer.Ordinal);
        foreach (var row in ReadCsv(outPath))
        {
            Near(reference[row["id"]]["pagerank_directed"], row["pagerank"], 1e-8);
            Assert.Equal(reference[row["id"]]["degree"], row["degree"]);
        }
    }

    [Fact]
    public async Task Metrics_MetricsList_LeavesOtherColumnsEmpty()
    {
        var outPath = Path.Combine(_dir, "metrics.csv");
        var (code, _, _) = await Run("graph", "metrics", Data("florentine-families", "florentine-edges.csv"), "--nodes", Data("florentine-families", "florentine-nodes.csv"), "--metrics", "degree,broker", "--out", outPath);

        Assert.Equal(0, code);
        var rows = ReadCsv(outPath);
        Assert.Equal(15, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.NotEqual("", r["degree"]);
            Assert.NotEqual("", r["broker"]);
            Assert.All(r.Where(kv => kv.Key is not ("id" or "degree" or "broker")), kv => Assert.Equal("", kv.Value));
        });
    }

    [Fact]
    public async Task Metrics_Leads_WritesRankedExplainedLeadsWithoutWideningColumns()
    {
        var outPath = Path.Combine(_dir, "metrics.csv");
        var leadsPath = Path.Combine(_dir, "leads.csv");
        var (code, _, stderr) = await Run("graph", "metrics", Data("noordin-top", "union-edges.csv"), "--nodes", Data("noordin-top", "union-nodes.csv"), "--metrics", "degree", "--leads", leadsPath, "--out", outPath);

        Assert.True(code == 0, stderr);
        Assert.All(ReadCsv(outPath), r => Assert.Equal("", r["organiser"]));
        var leads = ReadCsv(leadsPath);
        // The one isolate (Nasir Abas) has nothing to go on: no role, not a lead.
        Assert.Equal(78, leads.Count);
        Assert.DoesNotContain(leads, l => l["id"] == "Nasir Abas");
        Assert.Equal("Noordin Mohammed Top", leads[0]["id"]);
        Assert.Equal(Enumerable.Range(1, 78).Select(i => i.ToString(CultureInfo.InvariantCulture)), leads.Select(l => l["rank"]));
        Assert.All(leads, l => Assert.NotEqual("", l["why"]));
        Assert.Contains(leads, l => l["community_rank"] == "1");
    }

    [Fact]
    public async Task Metrics_TypedTies_MoneyHandlerOnlyOnPaymentTies()
    {
        var edges = Path.Combine(_dir, "typed.csv");
        var calls = string.Concat(Enumerable.Range(1, 6).Select(i => $"boss,m{i},1,call\nm{i},m{(i % 6) + 1},1,call\n"));
        var payments = string.Concat(Enumerable.Range(1, 6).Select(i => $"m{i},cashier,250,payment\n"));
        await File.WriteAllTextAsync(edges, "source,target,weight,type\n" + calls + payments);
        var untyped = Path.Combine(_dir, "untyped.csv");
        await File.WriteAllTextAsync(untyped, "source,target,weight\n" + string.Concat((calls + payments).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.LastIndexOf(',')] + "\n")));

        var typed = await Run("graph", "metrics", edges, "--metrics", "money_handler", "--leads", Path.Combine(_dir, "typed-leads.csv"), "--out", Path.Combine(_dir, "typed-out.csv"));
        var plain = await Run("graph", "metrics", untyped, "--metrics", "money_handler", "--leads", Path.Combine(_dir, "plain-leads.csv"), "--out", Path.Combine(_dir, "plain-out.csv"));

        Assert.True(typed.Code == 0 && plain.Code == 0, typed.Stderr + plain.Stderr);
        var typedLeads = ReadCsv(Path.Combine(_dir, "typed-leads.csv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        Assert.Equal("money_handler", typedLeads["cashier"]["role"]);
        Assert.Equal("organiser", typedLeads["boss"]["role"]);
        Assert.Equal("0.0", typedLeads["boss"]["money_handler"]);
        Assert.All(ReadCsv(Path.Combine(_dir, "plain-out.csv")), r => Assert.Equal("0", r["money_handler"]));
        Assert.DoesNotContain(ReadCsv(Path.Combine(_dir, "plain-leads.csv")), r => r["role"] == "money_handler");
    }

    [Theory]
    [InlineData("from,to,weight\na,b,1\n", 1, "source")]
    [InlineData("source,weight\na,1\n", 1, "target")]
    [InlineData("source,target,weight\na,b,1\nb,c,heavy\n", 3, "weight")]
    [InlineData("source,target\na,b\n,c\n", 3, "source")]
    public async Task Metrics_BadEdges_ExitsTwoNamingFileLineAndField(string content, int line, string field)
    {
        var edges = Path.Combine(_dir, "edges.csv");
        await File.WriteAllTextAsync(edges, content);

        var (code, _, stderr) = await Run("graph", "metrics", edges, "--out", Path.Combine(_dir, "m.csv"));

        Assert.Equal(2, code);
        Assert.Contains($"{edges}:{line.ToString(CultureInfo.InvariantCulture)}:", stderr, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NodesWithoutIdColumn_ExitsTwo()
    {
        var nodes = Path.Combine(_dir, "nodes.csv");
        await File.WriteAllTextAsync(nodes, "name\na\n");

        var (code, _, stderr) = await Run("graph", "metrics", Data("karate-club", "karate-edges.csv"), "--nodes", nodes, "--out", Path.Combine(_dir, "m.csv"));

        Assert.Equal(2, code);
        Assert.Contains(nodes + ":1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UnknownMetric_ExitsOne()
    {
        var (code, _, stderr) = await Run("graph", "metrics", Data("karate-club", "karate-edges.csv"), "--metrics", "degree,fame", "--out", Path.Combine(_dir, "m.csv"));

        Assert.Equal(1, code);
        Assert.Contains("fame", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_MissingOut_IsUsageError()
    {
        var (code, _, _) = await Run("graph", "metrics", Data("karate-club", "karate-edges.csv"));

        Assert.Equal(1, code);
    }

    internal static Task<(int Code, string Stdout, string Stderr)> Run(params string[] args) => CliRun.InvokeAsync(null, args);

    internal static string Data(string folder, string file) => Tessera.Tests.RepositoryPaths.Combine("datasets", "networks", folder, file);

    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(Split(l)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal))];
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Near(string expected, string actual, double tolerance) =>
        Assert.True(Math.Abs(Number(expected) - Number(actual)) <= tolerance, $"expected {expected}, got {actual}");
}
