using System.Diagnostics;
using Tessera.Core.Money;

namespace Tessera.Bench.Money;

/// <summary>Tracing k hops from single sources over a synthetic year of payments held in memory (no identifiers).</summary>
internal static class TraceBench
{
    public static void Run(int transactions, int accounts, int sources, int hops, int seed)
    {
        var rng = new Random(seed);
        var watch = Stopwatch.StartNew();
        var builder = new TransactionGraphBuilder(keepIds: false, capacity: transactions);
        for (var a = 0; a < accounts; a++)
        {
            builder.Account("A" + a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var t = 0; t < transactions; t++)
        {
            // Active accounts pay more often (square of a uniform), and 60 % of payments go to one of three usual payees.
            var from = (int)(accounts * Math.Pow(rng.NextDouble(), 2));
            var to = rng.NextDouble() < 0.6 ? (int)((((long)from * 2_654_435_761L) + rng.Next(3)) % accounts) : rng.Next(accounts);
            builder.Add(null, from, to, Math.Round(Math.Exp(5 + (1.2 * Gaussian(rng))), 2), start + (long)(rng.NextDouble() * 365 * 86_400));
        }

        var graph = builder.Build();
        Console.WriteLine($"built {graph.TransactionCount:N0} transactions over {graph.AccountCount:N0} accounts in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var (days, minimum) in new[] { (30, 0.01), (365, 0.01), (365, 0.0) })
        {
            var times = new List<double>();
            var reached = new List<int>();
            var events = new List<int>();
            for (var s = 0; s < sources; s++)
            {
                var source = (int)(accounts * Math.Pow(rng.NextDouble(), 2));
                var from = start + (long)(rng.NextDouble() * (365 - days) * 86_400);
                watch.Restart();
                var result = MoneyTrace.Run(graph, new TraceRequest(source, TraceDirection.Forward, hops, from, from + (days * 86_400L), minimum));
                times.Add(watch.Elapsed.TotalMilliseconds);
                reached.Add(result.Reached.Count);
                events.Add(result.EventsProcessed);
            }

            // The busiest account (most payments) as a last source: the widest fan-out the data holds.
            var busiest = Enumerable.Range(0, graph.AccountCount).MaxBy(a => graph.OutStart[a + 1] - graph.OutStart[a]);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var wide = MoneyTrace.Run(graph, new TraceRequest(busiest, TraceDirection.Forward, hops, start, start + (days * 86_400L), minimum));
            Console.WriteLine($"  busiest account ({graph.OutStart[busiest + 1] - graph.OutStart[busiest]:N0} payments): {watch.Elapsed.TotalMilliseconds:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {wide.Reached.Count:N0} accounts reached, {wide.EventsProcessed:N0} transactions processed");
            times.Sort();
            Console.WriteLine($"window {days} d, {hops} hops, amounts below {minimum} EUR dropped, {sources} sources: median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms; accounts reached median {reached.Order().ElementAt(reached.Count / 2):N0} (max {reached.Max():N0}); transactions processed median {events.Order().ElementAt(events.Count / 2):N0} (max {events.Max():N0})");
        }
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
