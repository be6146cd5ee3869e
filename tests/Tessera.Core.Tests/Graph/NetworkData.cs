using System.Globalization;
using System.Text.Json;
using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>The networks of datasets/networks with their networkx reference values.</summary>
internal static class NetworkData
{
    public static string Root { get; } = Tessera.Tests.RepositoryPaths.Root;

    public static string Folder => Path.Combine(Root, "datasets", "networks");

    /// <summary>Every reference file, as (folder, network) — e.g. ("caviar", "full").</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Folder, "reference-networkx-*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file)["reference-networkx-".Length..];
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), name);
        }

        return data;
    }

    public static GraphBuilder Load(string folder, string network) =>
        EdgeListReader.Read(EdgesPath(folder, network), Path.Combine(Folder, folder, network + "-nodes.csv"));

    public static string EdgesPath(string folder, string network) => Path.Combine(Folder, folder, network + "-edges.csv");

    public static string NodesPath(string folder, string network) => Path.Combine(Folder, folder, network + "-nodes.csv");

    /// <summary>Reference columns by node id.</summary>
    public static Dictionary<string, Dictionary<string, string>> Reference(string folder, string network)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, folder, $"reference-networkx-{network}.csv"));
        var header = CsvLine.Split(lines[0]);
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = CsvLine.Split(line);
            rows[fields[0]] = header.Zip(fields).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        }

        return rows;
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A graph-level value from reference-networkx.json.</summary>
    public static JsonElement Summary(string folder, string network)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, folder, "reference-networkx.json")));
        return doc.RootElement.GetProperty("networks").GetProperty(network).Clone();
    }
}
