using System.Xml.Linq;
using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

public sealed class GraphExportTests
{
    private static CompactGraph Triangle()
    {
        var builder = new GraphBuilder();
        builder.AddTie("a", "b");
        builder.AddTie("b", "c");
        builder.AddTie("c", "a");
        return builder.Build();
    }

    [Fact]
    public void Write_GraphMlWithLabels_CarriesEachNodesLabelAsStringData()
    {
        var graph = Triangle();
        var labels = graph.Ids.Select(id => "محمد " + id).ToList();
        using var writer = new StringWriter();

        GraphExport.Write("graphml", graph, null, writer, labels);

        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var xml = XDocument.Parse(writer.ToString());
        var key = xml.Descendants(ns + "key").Single(k => (string?)k.Attribute("attr.name") == "label");
        Assert.Equal("string", (string?)key.Attribute("attr.type"));
        Assert.Equal(labels, xml.Descendants(ns + "node").Select(n => n.Elements(ns + "data").Single(d => (string?)d.Attribute("key") == (string?)key.Attribute("id")).Value));
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public void Write_WithoutLabels_NamesNodesByIdOnly(string format)
    {
        using var writer = new StringWriter();

        GraphExport.Write(format, Triangle(), null, writer);

        var text = writer.ToString();
        Assert.DoesNotContain("attr.name=\"label\"", text, StringComparison.Ordinal);
        Assert.Contains("\"a\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_GexfWithLabels_UsesThemAsNodeLabels()
    {
        var graph = Triangle();
        using var writer = new StringWriter();

        GraphExport.Write("gexf", graph, null, writer, graph.Ids.Select(id => "node " + id).ToList());

        XNamespace ns = "http://gexf.net/1.3";
        Assert.Equal(graph.Ids.Select(id => "node " + id), XDocument.Parse(writer.ToString()).Descendants(ns + "node").Select(n => (string?)n.Attribute("label")));
    }
}
