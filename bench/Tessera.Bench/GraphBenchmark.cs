using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Tessera.Core.Graph;

namespace Tessera.Bench;

/// <summary><c>graph EDGES.bin N ALGO[,ALGO…] [SAMPLES]</c>: times Tessera's graph algorithms on a raw int32 pair
/// file (written by bench/graph/gen_planted.py) and prints one JSON line per algorithm, as the peer scripts do.</summary>
internal static class GraphBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: graph EDGES.bin N ALGO[,ALGO...] [SAMPLES]; algos: components, degree, pagerank, kcore, leiden, louvain, betweenness_sampled, betweenness_exact");
            return Task.FromResult(1);
        }

        var n = int.Parse(args[1], CultureInfo.InvariantCulture);
        var samples = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        Warmup();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var g = Load(args[0], n);
        Report(args[0], "load", clock.Elapsed.TotalSeconds, Cpu(ref cpu), $"\"edges\": {g.EdgeCount}");
        foreach (var algo in args[2].Split(','))
        {
            GC.Collect();
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = Run(g, algo, samples);
            Report(args[0], algo, clock.Elapsed.TotalSeconds, Cpu(ref cpu), result);
        }

        Report(args[0], "peak_memory", 0, 0, $"\"peak_mb\": {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}");
        return Task.FromResult(0);
    }

    private static string Run(CompactGraph g, string algo, int samples) => algo switch
    {
        "components" => $"\"count\": {Components.Weak(g).Count}",
        "degree" => $"\"max\": {Degree.Out(g).Max()}, \"max_strength\": {F(Degree.OutStrength(g).Max())}",
        "pagerank" => $"\"max\": {F(PageRank.Compute(g, new PageRankOptions(Tolerance: 1e-12, MaxIterations: 1000)).Max())}",
        "kcore" => $"\"max\": {CoreNumber.Compute(g).Max()}",
        "leiden" => Communities(CommunityDetection.Leiden(g)),
        "louvain" => Communities(CommunityDetection.Louvain(g, new CommunityOptions(MaxIterations: 1))),
        "betweenness_sampled" => $"\"k\": {samples}, \"max\": {F(Betweenness.Compute(g, new BetweennessOptions(Samples: samples, Seed: 1)).Nodes.Max())}",
        "betweenness_exact" => $"\"max\": {F(Betweenness.Compute(g).Nodes.Max())}",
        _ => throw new ArgumentException("unknown algorithm " + algo),
    };

    private static string Communities(CommunityResult r) => $"\"modularity\": {F(r.Modularity)}, \"communities\": {r.Count}";

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static CompactGraph Load(string path, int n)
    {
        var pairs = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(path)).ToArray();
        var src = new int[pairs.Length / 2];
        var dst = new int[pairs.Length / 2];
        for (var i = 0; i < src.Length; i++)
        {
            src[i] = pairs[2 * i];
            dst[i] = pairs[(2 * i) + 1];
        }

        var ids = new string[n];
        for (var v = 0; v < n; v++)
        {
            ids[v] = v.ToString(CultureInfo.InvariantCulture);
        }

        return CsrAssembly.Build(ids, src, dst, null, directed: false);
    }

    // JIT the kernels on a small ring-of-cliques graph so that the timings measure the algorithms, as the peers'
    // timings exclude interpreter start and imports.
    private static void Warmup()
    {
        var b = new GraphBuilder();
        for (var i = 0; i < 2000; i++)
        {
            b.AddTie(((i / 10 * 10) + ((i + 1) % 10)).ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture));
            b.AddTie(i.ToString(CultureInfo.InvariantCulture), ((i + 10) % 2000).ToString(CultureInfo.InvariantCulture));
        }

        var g = b.Build();
        foreach (var algo in new[] { "components", "degree", "pagerank", "kcore", "leiden", "louvain", "betweenness_exact" })
        {
            Run(g, algo, 10);
        }
    }

    // CPU seconds since the last call: on a shared machine wall time carries other jobs' load, CPU time less so.
    private static double Cpu(ref TimeSpan since)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var used = (now - since).TotalSeconds;
        since = now;
        return used;
    }

    private static void Report(string graph, string algo, double seconds, double cpu, string extra) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"tool\": \"tessera\", \"graph\": \"{Path.GetFileNameWithoutExtension(graph)}\", \"algo\": \"{algo}\", \"seconds\": {seconds:F3}, \"cpu_s\": {cpu:F3}, {extra}}}"));
}
