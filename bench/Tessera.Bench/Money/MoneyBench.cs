using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Money;

namespace Tessera.Bench.Money;

/// <summary><c>money gen|score|run|trace|load</c>: labelled transaction sets, per-pattern precision and recall, tracing
/// over 10 M transactions, and the load rate (docs/performance.md, "Money").</summary>
internal static class MoneyBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "";
        var options = Options(args.Skip(1));
        string Get(string name, string fallback) => options.GetValueOrDefault(name, fallback);
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        switch (verb)
        {
            case "gen":
                Generate(Int("seed", 1), Get("out", "."), Int("each", 250));
                return Task.FromResult(0);
            case "score":
                Print(Score.Compute(Score.Read(Get("truth", "truth.csv")), Score.Read(Get("found", "found.csv"))));
                return Task.FromResult(0);
            case "run":
                var dir = Get("out", Path.Combine(Path.GetTempPath(), "tessera-money-" + Get("seed", "1")));
                Generate(Int("seed", 1), dir, Int("each", 250));
                var graph = Timed("load", () => TransactionCsv.Read(File.OpenText(Path.Combine(dir, "transactions.csv")), "transactions.csv"));
                var found = Timed("detect", () => PatternDetector.Detect(graph));
                using (var writer = new StreamWriter(Path.Combine(dir, "found.csv")) { NewLine = "\n" })
                {
                    PatternDetector.WriteTransactions(graph, found, writer);
                }

                Print(Score.Compute(Score.Read(Path.Combine(dir, "truth.csv")), Score.Read(Path.Combine(dir, "found.csv"))));
                return Task.FromResult(0);
            case "trace":
                TraceBench.Run(Int("transactions", 10_000_000), Int("accounts", 1_000_000), Int("sources", 20), Int("hops", 5), Int("seed", 7));
                return Task.FromResult(0);
            case "load":
                LoadRate(Get("file", "transactions.csv"), Int("runs", 3));
                return Task.FromResult(0);
            default:
                Console.Error.WriteLine("usage: money gen|score|run|trace|load [--seed N] [--out DIR] [--truth F --found F] [--file F]");
                return Task.FromResult(1);
        }
    }

    private static void Generate(int seed, string dir, int each)
    {
        Directory.CreateDirectory(dir);
        var generator = new TransactionGenerator(seed);
        generator.Background();
        generator.LookAlikes(each: 100);
        generator.Plant(each);
        generator.Write(Path.Combine(dir, "transactions.csv"), Path.Combine(dir, "truth.csv"));
        var planted = generator.Transactions.Count(t => t.Label is not null);
        Console.WriteLine($"seed {seed}: {generator.Transactions.Count:N0} transactions ({planted:N0} in planted patterns), {generator.AccountCount:N0} accounts -> {dir}");
    }

    private static void LoadRate(string file, int runs)
    {
        for (var r = 0; r < runs; r++)
        {
            // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var graph = TransactionCsv.Read(File.OpenText(file), file);
            watch.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"run {r + 1}: {graph.TransactionCount:N0} transactions, {graph.AccountCount:N0} accounts in {watch.Elapsed.TotalSeconds:F2} s = {graph.TransactionCount / watch.Elapsed.TotalSeconds:N0}/s wall; {cpuSeconds:F2} s CPU = {graph.TransactionCount / cpuSeconds:N0}/CPU-s");
        }
    }

    private static T Timed<T>(string what, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F2} s");
        return result;
    }

    private static void Print(IReadOnlyList<(string Pattern, int Truth, int Found, int Correct)> rows)
    {
        Console.WriteLine("pattern          truth  found  correct  precision  recall     F1");
        foreach (var (pattern, truth, found, correct) in rows)
        {
            var p = found == 0 ? 0 : correct / (double)found;
            var r = truth == 0 ? 0 : correct / (double)truth;
            var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pattern,-15} {truth,6} {found,6} {correct,8} {p,10:F3} {r,7:F3} {f1,6:F3}"));
        }
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            map[list[i].TrimStart('-')] = list[i + 1];
        }

        return map;
    }
}

/// <summary>Per-pattern precision and recall of <c>pattern,transaction_id</c> rows against the truth; "any" scores
/// laundering versus ordinary regardless of the pattern named.</summary>
internal static class Score
{
    public static Dictionary<string, string> Read(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(f => f[1], f => f[0], StringComparer.Ordinal);

    public static IReadOnlyList<(string Pattern, int Truth, int Found, int Correct)> Compute(Dictionary<string, string> truth, Dictionary<string, string> found)
    {
        var rows = PatternNames.All
            .Select(p => (p, truth.Count(t => t.Value == p), found.Count(f => f.Value == p), found.Count(f => f.Value == p && truth.GetValueOrDefault(f.Key) == p)))
            .ToList();
        rows.Add(("any", truth.Count, found.Count, found.Count(f => truth.ContainsKey(f.Key))));
        return rows;
    }
}
