namespace Tessera.Bench;

/// <summary>Runs one benchmark by name: <c>dotnet run -c Release --project bench/Tessera.Bench -- NAME [ARGS]</c>.</summary>
internal static class BenchRunner
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        ["match"] = Matching.MatchBench.RunAsync,
        ["graph"] = GraphBenchmark.RunAsync,
        ["leads"] = Leads.LeadsBenchmark.RunAsync,
        ["import"] = Ingest.ImportBench.RunAsync,
        ["extract"] = Ingest.ExtractionBench.RunAsync,
        ["load"] = Load.LoadBench.RunAsync,
        ["crash"] = Durability.CrashBench.RunAsync,
        ["audit"] = Durability.AuditBench.RunAsync,
        ["pprl"] = Pprl.PprlBench.RunAsync,
        ["money"] = Money.MoneyBench.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync("usage: Tessera.Bench NAME [ARGS]; names: " + string.Join(", ", Benchmarks.Keys.Order(StringComparer.Ordinal)));
            return 1;
        }

        return await run(args[1..]);
    }
}
