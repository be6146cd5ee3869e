using System.Text.Json;
using System.Xml.Linq;
using static Tessera.Cli.Tests.Graph.GraphMetricsCommandTests;

namespace Tessera.Cli.Tests.Graph;

/// <summary><c>tessera graph export</c>: every format holds every node and tie, with attached measures.</summary>
public sealed class GraphExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("cytoscape")]
    [InlineData("i2")]
    public async Task Export_Format_HoldsEveryNodeAndTie(string format)
    {
        var outPath = Path.Combine(_dir, "graph." + format);
        var (code, _, stderr) = await Run("graph", "export", Data("noordin-top", "kinship-edges.csv"), "--nodes", Data("noordin-top", "kinship-nodes.csv"), "--format", format, "--metrics", "degree,broker", "--out", outPath);

        Assert.True(code == 0, stderr);
        var (nodes, ties) = Count(format, outPath);
        Assert.Equal(79, nodes);
        Assert.Equal(16, ties);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsUsageError()
    {
        var (code, _, _) = await Run("graph", "export", Data("karate-club", "karate-edges.csv"), "--format", "anb", "--out", Path.Combine(_dir, "x"));

        Assert.Equal(1, code);
    }

    private static (int Nodes, int Ties) Count(string format, string path)
    {
        switch (format)
        {
            case "graphml":
            case "gexf":
                var xml = XDocument.Load(path);
                var nodes = xml.Descendants().Where(e => e.Name.LocalName == "node").ToList();
                Assert.All(nodes, n => Assert.Contains(n.Descendants(), e => e.Name.LocalName is "data" or "attvalue"));
                return (nodes.Count, xml.Descendants().Count(e => e.Name.LocalName == "edge"));
            case "cytoscape":
                using (var doc = JsonDocument.Parse(File.ReadAllText(path)))
                {
                    var elements = doc.RootElement.GetProperty("elements");
                    Assert.True(elements.GetProperty("nodes")[0].GetProperty("data").TryGetProperty("broker", out _));
                    return (elements.GetProperty("nodes").GetArrayLength(), elements.GetProperty("edges").GetArrayLength());
                }

            default:
                var rows = ReadCsv(path);
                var ids = rows.SelectMany(r => new[] { r["Entity1 Identity"], r["Entity2 Identity"] }).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Count();
                return (ids, rows.Count(r => r["Entity2 Identity"].Length > 0));
        }
    }
}
