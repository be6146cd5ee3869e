using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Graph;

namespace Tessera.Bench.Leads;

/// <summary><c>leads [SIZES]</c>: ranks of the planted roles in generated networks (every shape, size, with and without money
/// ties, with and without noise) and of the known principals in the real networks of datasets/networks, as Markdown tables.</summary>
/// <remarks>Bars (docs/performance.md, "High-value-target leads"): the organiser in the top 3 leads and labelled organiser; the
/// money handler first by money-handler score and labelled so when money ties exist, no money-handler label without them;
/// brokers within the top 10.</remarks>
internal static class LeadsBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Verbose = args.Contains("--why");
        args = [.. args.Where(a => a != "--why")];
        var sizes = args.Length > 0 ? args[0].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : [50, 200, 1000, 5000];
        Console.WriteLine("| shape | size | money ties | noise | nodes / ties | organiser rank (label) | brokers in top 10 (ranks) | money handler: rank by money score (overall, label) | money-handler labels | time |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var (rows, held) = (0, 0);
        foreach (var shape in Enum.GetValues<PlantedShape>())
        {
            foreach (var size in sizes)
            {
                foreach (var money in new[] { false, true })
                {
                    foreach (var noise in new[] { 0.0, 0.1 })
                    {
                        rows++;
                        held += Planted(PlantedNetwork.Generate(shape, size, money, noise, 20261207 + size + (int)shape), shape, size, money, noise) ? 1 : 0;
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Planted networks meeting every bar: {held} of {rows}."));
        Console.WriteLine();
        Real();
        return Task.FromResult(0);
    }

    private static bool Planted(PlantedNetwork net, PlantedShape shape, int size, bool money, double noise)
    {
        var clock = Stopwatch.StartNew();
        var (g, leads, ranked) = Leads(net.Builder);
        var seconds = clock.Elapsed.TotalSeconds;
        int RankOf(string id) => ranked.FindIndex(l => g.Ids[l.Node] == id) + 1;
        string Label(string id) => leads[g.IndexOf(id)].Role is { } r ? Name(r) : "none";

        var organiserOk = net.Organisers.All(o => RankOf(o) is > 0 and <= 3 && leads[g.IndexOf(o)].Role == TargetRole.Organiser);
        var brokerRanks = net.Brokers.Select(RankOf).Order().ToList();
        var brokersIn10 = brokerRanks.Count(r => r is > 0 and <= 10);
        var labels = leads.Count(l => l.Role == TargetRole.MoneyHandler);
        string handler;
        bool moneyOk;
        if (net.MoneyHandler is { } m)
        {
            var byMoney = leads.Where(l => l.Role is not null).OrderByDescending(l => l.MoneyHandler).ThenBy(l => g.Ids[l.Node], StringComparer.Ordinal).ToList();
            var moneyRank = byMoney.FindIndex(l => g.Ids[l.Node] == m) + 1;
            moneyOk = moneyRank == 1 && leads[g.IndexOf(m)].Role == TargetRole.MoneyHandler;
            handler = string.Create(CultureInfo.InvariantCulture, $"{moneyRank} ({RankOf(m)}, {Label(m)})");
        }
        else
        {
            moneyOk = labels == 0;
            handler = "—";
        }

        var brokersOk = brokersIn10 == brokerRanks.Count;
        var organisers = string.Join(", ", net.Organisers.Select(o => string.Create(CultureInfo.InvariantCulture, $"{RankOf(o)} ({Label(o)})")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {PlantedNetwork.Name(shape)} | {size} | {(money ? "yes" : "no")} | {noise * 100:0} % | {g.NodeCount} / {g.EdgeCount} | {organisers}{Mark(organiserOk)} | {brokersIn10}/{brokerRanks.Count} ({string.Join(", ", brokerRanks)}){Mark(brokersOk)} | {handler}{Mark(moneyOk && net.MoneyHandler is not null)} | {labels}{Mark(moneyOk && net.MoneyHandler is null)} | {seconds:0.00} s |"));
        if (Verbose)
        {
            var planted = net.Organisers.Concat(net.Brokers).Append(net.MoneyHandler ?? "").Concat(net.CellLeaders.Take(2)).ToHashSet(StringComparer.Ordinal);
            foreach (var l in ranked.Take(8).Concat(leads.Where(l => planted.Contains(g.Ids[l.Node]))).Distinct())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {RankOf(g.Ids[l.Node]),4} {g.Ids[l.Node],-22} o {l.Organiser,5:0.0} b {l.Broker,5:0.0} m {l.MoneyHandler,5:0.0}  {string.Join("; ", l.Why.Select(w => w.Describe()))}"));
            }
        }

        return organiserOk && brokersOk && moneyOk;
    }

    private static bool Verbose { get; set; }

    private static string Mark(bool ok) => ok ? " ✓" : "";

    private static void Real()
    {
        var root = Root();
        Console.WriteLine("| network | nodes / ties | financial ties | known principal: rank (label) | money-handler labels | top 5 leads |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        var caviar = Path.Combine(root, "datasets", "networks", "caviar");
        Row("CAVIAR full", Read(Path.Combine(caviar, "full-edges.csv"), Path.Combine(caviar, "full-nodes.csv")), ["1", "12", "87", "3"]);
        foreach (var phase in Directory.GetFiles(caviar, "phase*-edges.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(phase)[..^"-edges.csv".Length];
            Row("CAVIAR " + name, Read(phase, Path.Combine(caviar, name + "-nodes.csv")), ["1", "12"]);
        }

        var noordin = Path.Combine(root, "datasets", "networks", "noordin-top");
        Row("Noordin Top union", Read(Path.Combine(noordin, "union-edges.csv"), Path.Combine(noordin, "union-nodes.csv")), ["Noordin Mohammed Top"]);
        // The typed layers: business-and-finance ties are the financial ties.
        Row("Noordin Top, 10 typed layers", Read(Path.Combine(noordin, "all-relations-edges.csv"), Path.Combine(noordin, "union-nodes.csv")), ["Noordin Mohammed Top"]);
    }

    private static GraphBuilder Read(string edges, string nodes) => EdgeListReader.Read(edges, nodes);

    private static void Row(string name, GraphBuilder builder, string[] principals)
    {
        var (g, leads, ranked) = Leads(builder);
        var money = builder.BuildFinancial();
        int RankOf(string id) => ranked.FindIndex(l => g.Ids[l.Node] == id) + 1;
        string Label(string id) => g.IndexOf(id) is var v and >= 0 && leads[v].Role is { } r ? Name(r) : "none";
        var known = string.Join(", ", principals.Select(p => g.IndexOf(p) < 0
            ? p + ": absent"
            : string.Create(CultureInfo.InvariantCulture, $"{p}: {RankOf(p)} ({Label(p)})")));
        var top = string.Join(", ", ranked.Take(5).Select(l => string.Create(CultureInfo.InvariantCulture, $"{g.Ids[l.Node]} ({Name(l.Role!.Value)} {l.Score:0})")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {g.NodeCount} / {g.EdgeCount} | {money?.EdgeCount ?? 0} | {known} | {leads.Count(l => l.Role == TargetRole.MoneyHandler)} | {top} |"));
    }

    private static (CompactGraph Graph, IReadOnlyList<TargetLead> Leads, List<TargetLead> Ranked) Leads(GraphBuilder builder)
    {
        var g = builder.Build();
        var table = NetworkMetrics.Compute(g, ["organiser", "broker", "money_handler", "impact"], new MetricsOptions(Money: builder.BuildFinancial()));
        return (g, table.Leads!, [.. HighValueTargets.Rank(g, table.Leads!)]);
    }

    private static string Name(TargetRole role) => role switch
    {
        TargetRole.Organiser => "organiser",
        TargetRole.Broker => "broker",
        _ => "money handler",
    };

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "datasets", "networks")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("datasets/networks not found above " + AppContext.BaseDirectory);
    }
}
