using System.CommandLine;
using System.Text;
using Tessera.Core.Graph;

namespace Tessera.Cli;

/// <summary><c>tessera graph metrics|export</c>: network measures and high-value-target leads of an edge list, and
/// exports for Gephi, Cytoscape, yEd and i2 Analyst's Notebook.</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var command = new Command("graph", "Analyse networks: per-node measures, high-value-target leads, exports.");
        command.Subcommands.Add(Metrics());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Metrics()
    {
        var edges = new Argument<string>("edges") { Description = "Edge list CSV with header source,target[,weight][,type]; money handlers are scored on ties whose type names payments, transfers, accounts or wallets" };
        var nodes = new Option<string?>("--nodes") { Description = "Node list CSV with an id column (isolates included)" };
        var directed = new Option<bool>("--directed") { Description = "Ties are directed: PageRank follows them and net flow on financial ties enters the money-handler score" };
        var weighted = new Option<bool>("--weighted") { Description = "PageRank follows tie weights" };
        var metrics = new Option<string?>("--metrics") { Description = "Comma list of columns to compute (default: all): " + string.Join(",", NetworkMetrics.Columns) };
        var samples = new Option<int?>("--betweenness-samples") { Description = "Sampled betweenness from this many sources instead of exact (large graphs)" };
        var seed = new Option<int>("--seed") { Description = "Seed for community detection and sampling", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Output CSV, one row per node", Required = true };
        var leads = new Option<string?>("--leads") { Description = "Also write the ranked high-value-target leads (role, score, rank in community, contributing measures) to this CSV" };
        var command = new Command("metrics", "Per-node network measures and high-value-target role scores (networkx conventions).")
        {
            edges, nodes, directed, weighted, metrics, samples, seed, output, leads,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var wanted = parse.GetValue(metrics) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [.. NetworkMetrics.Columns];
            var unknown = wanted.Where(c => !NetworkMetrics.Columns.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"tessera: unknown metric(s) {string.Join(", ", unknown)}; known: {string.Join(",", NetworkMetrics.Columns)}");
                return ExitCodes.Usage;
            }

            var leadsPath = parse.GetValue(leads);
            var progress = Progress(error);
            progress?.Report("reading " + parse.GetValue(edges));
            var builder = EdgeListReader.Read(parse.GetValue(edges)!, parse.GetValue(nodes));
            var graph = builder.Build(parse.GetValue(directed));
            var table = NetworkMetrics.Compute(graph, wanted, new MetricsOptions(
                Weighted: parse.GetValue(weighted),
                Directed: parse.GetValue(directed),
                Seed: parse.GetValue(seed),
                BetweennessSamples: parse.GetValue(samples),
                Leads: leadsPath is not null,
                Progress: progress,
                Money: builder.BuildFinancial(parse.GetValue(directed))));
            using (var writer = OpenWriter(parse.GetValue(output)!))
            {
                table.WriteCsv(writer);
            }

            if (leadsPath is not null)
            {
                using var writer = OpenWriter(leadsPath);
                TargetLeadsReport.WriteCsv(graph.AsUndirected(), table.Measures!, table.Leads!, writer);
            }

            progress?.Report($"wrote {graph.NodeCount} nodes");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var edges = new Argument<string>("edges") { Description = "Edge list CSV with header source,target[,weight]" };
        var nodes = new Option<string?>("--nodes") { Description = "Node list CSV with an id column (isolates included)" };
        var directed = new Option<bool>("--directed") { Description = "Ties are directed" };
        var format = new Option<string>("--format") { Description = "graphml | gexf | cytoscape | i2", Required = true };
        format.AcceptOnlyFromAmong(GraphExport.Formats.ToArray());
        var metrics = new Option<string?>("--metrics") { Description = "Comma list of measures to attach to the nodes (e.g. betweenness,community,broker)" };
        var output = new Option<string>("--out") { Description = "Output file", Required = true };
        var command = new Command("export", "Write the graph for Gephi (GEXF), yEd (GraphML), Cytoscape (JSON) or i2 Analyst's Notebook (CSV).")
        {
            edges, nodes, directed, format, metrics, output,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var wanted = parse.GetValue(metrics)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var unknown = wanted.Where(c => !NetworkMetrics.Columns.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"tessera: unknown metric(s) {string.Join(", ", unknown)}; known: {string.Join(",", NetworkMetrics.Columns)}");
                return ExitCodes.Usage;
            }

            var graph = EdgeListReader.Read(parse.GetValue(edges)!, parse.GetValue(nodes)).Build(parse.GetValue(directed));
            var table = wanted.Length > 0 ? NetworkMetrics.Compute(graph, wanted, new MetricsOptions(Directed: graph.IsDirected, Progress: Progress(error))) : null;
            using (var writer = OpenWriter(parse.GetValue(output)!))
            {
                GraphExport.Write(parse.GetValue(format)!, graph, table, writer);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static StreamWriter OpenWriter(string path) => new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };

    // Progress lines only for a person watching a terminal, never into redirected or captured output.
    private static StderrProgress? Progress(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? new StderrProgress(error)
            : null;

    private sealed class StderrProgress(TextWriter error) : IProgress<string>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(string value) =>
            error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:F1} s] {value}"));
    }
}
