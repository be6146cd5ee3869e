using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>The resident screening index at scale: generated persons (as in <c>dedupe1m</c>) indexed at once, as from
/// storage at a hub's start; build time per step, memory, and the latency of re-sighting queries.</summary>
/// <remarks>Usage: <c>match resident [N]</c> (default 1,000,000). Of the generated duplicates ("-b" records, a letter
/// dropped from the family name, sometimes a shifted birth date) 2,000 are held out as queries; the rest are indexed.</remarks>
internal static class ResidentBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(int n)
    {
        Console.WriteLine("load average: " + LoadAverage());
        var all = Throughput.Generate(n, 20261128);
        var queries = all.Where(r => r.Id.EndsWith('b')).Take(2_000).ToList();
        var held = queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var records = all.Where(r => !held.Contains(r.Id)).ToList();
        all = null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var index = new ResidentScreeningIndex();
        index.Add(records);
        var build = clock.Elapsed.TotalSeconds;
        var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var t = index.LastBuild!;
        Console.WriteLine(string.Create(Inv,
            $"resident index: {records.Count:N0} persons built in {build:0.0} s ({buildCpu:0.0} CPU s; features {t.Features:0.0}, postings {t.Postings:0.0}, training {t.Training:0.0}, typo neighbours {t.Neighbours:0.0}); " +
            $"managed heap {before / 1048576.0:0} MiB with the records alone, {after / 1048576.0:0} MiB with the index (+{(after - before) / 1048576.0:0} MiB)"));

        for (var w = 0; w < 100; w++)
        {
            index.Query(queries[w], _ => true, index.Count, "all");
        }

        var latencies = new List<double>();
        var found = 0;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var q in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = index.Query(q, _ => true, index.Count, "all");
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var want = q.Id[..^1] + "a";
            found += hits.Any(h => h.Id == want) ? 1 : 0;
        }

        var queryCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        // The fastest of three rounds per query: its latency without the time its thread waited for a core on a shared machine.
        var best = latencies.ToArray();
        for (var round = 1; round < 3; round++)
        {
            for (var k = 0; k < queries.Count; k++)
            {
                var start = Stopwatch.GetTimestamp();
                index.Query(queries[k], _ => true, index.Count, "all");
                best[k] = Math.Min(best[k], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        Array.Sort(best);
        latencies.Sort();
        Console.WriteLine(string.Create(Inv,
            $"  {queries.Count:N0} re-sighting queries: median {latencies[latencies.Count / 2]:0.000} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.000} ms, max {latencies[^1]:0.000} ms (one thread, {queryCpu / queries.Count * 1000:0.000} CPU ms per query); " +
            $"fastest of 3 rounds: median {best[best.Length / 2]:0.000} ms, p95 {best[(int)(best.Length * 0.95)]:0.000} ms; " +
            $"original found at review or above {found / (double)queries.Count:0.0000}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; load average {LoadAverage()}"));
        GC.KeepAlive(records);
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
