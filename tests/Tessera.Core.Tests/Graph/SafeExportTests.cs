using System.Diagnostics;
using System.Text;
using System.Xml;
using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>Exports stay safe whatever the imported text: XML exports are well-formed UTF-8 that XML tools and networkx read,
/// and the i2 CSV never hands a spreadsheet a formula.</summary>
public sealed class SafeExportTests
{
    private static readonly string[] OddIds = ["nul\u0000name", "bell\u0007", "lone\uD800surrogate", "ok-مهرب", "emoji-😀"];

    private static CompactGraph Odd()
    {
        var builder = new GraphBuilder();
        for (var i = 1; i < OddIds.Length; i++)
        {
            builder.AddTie(OddIds[i - 1], OddIds[i]);
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public void Write_IdsAndLabelsWithCharactersXmlCannotCarry_IsWellFormedUtf8(string format)
    {
        var bytes = Export(format);

        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var nodes = 0;
        while (reader.Read())
        {
            nodes += reader.NodeType == XmlNodeType.Element && reader.LocalName == "node" ? 1 : 0;
        }

        Assert.Equal(OddIds.Length, nodes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("ok-مهرب", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("emoji-😀", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphml", "read_graphml")]
    [InlineData("gexf", "read_gexf")]
    public void Write_IdsWithCharactersXmlCannotCarry_NetworkxReadsEveryNode(string format, string reader)
    {
        if (!HasNetworkx())
        {
            return; // networkx is an optional cross-check: without it the System.Xml test above stands alone.
        }

        var path = Path.Combine(Path.GetTempPath(), "tessera-export-" + Guid.NewGuid().ToString("N") + "." + format);
        File.WriteAllBytes(path, Export(format));
        try
        {
            var (code, output) = Python($"import networkx as nx, sys; g = nx.{reader}(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())", path);

            Assert.True(code == 0, output);
            Assert.Equal($"{OddIds.Length} {OddIds.Length - 1}", output.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"")]
    [InlineData("+218 94 777 8899", "'+218 94 777 8899")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("BPOL-2026-7781", "BPOL-2026-7781")]
    public void WriteI2_IdStartingAFormula_GetsALeadingApostrophe(string id, string cell)
    {
        var builder = new GraphBuilder();
        builder.AddTie(id, "other");
        using var writer = new StringWriter();

        GraphExport.Write("i2", builder.Build(), null, writer);

        var row = writer.ToString().Split('\n')[1];
        Assert.StartsWith(cell + ",Entity,", row, StringComparison.Ordinal);
    }

    private static byte[] Export(string format)
    {
        var graph = Odd();
        using var writer = new StringWriter();
        GraphExport.Write(format, graph, null, writer, graph.Ids.Select(id => "label " + id + "\u001F").ToList());
        // As the API sends it: the text as UTF-8 bytes.
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static bool HasNetworkx()
    {
        try
        {
            return Python("import networkx", "").Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Code, string Output) Python(string script, string argument)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
