using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>yente UN screening fixtures: treated UN rows queried against the untreated rows plus 50,000 decoys, through the
/// benchmark index and through the production (resident) index.</summary>
internal static class ScreeningBench
{
    public static void Run(string root)
    {
        var dir = Path.Combine(root, "datasets", "yente-screening-fixtures");
        var maps = PersonCsv.ParseMappings(["full_name=name", "date_of_birth=birthDate", "nationality=nationality", "gender=gender"]);
        var targets = Load(Path.Combine(dir, "positives_un_untreated.csv"), "un", maps);
        var decoys = Load(Path.Combine(dir, "negatives_global.csv"), "decoy", maps);
        var queries = Load(Path.Combine(dir, "positives_un_treated.csv"), "q", maps);
        var clock = Stopwatch.StartNew();
        // The UN list names every person once: candidates compete for a query (ScreeningIndex.OneEntryPerPerson).
        var index = new ScreeningIndex([.. targets, .. decoys]) { OneEntryPerPerson = Environment.GetEnvironmentVariable("TESSERA_SCREEN_SHARED") is null };
        var build = clock.Elapsed.TotalSeconds;
        var threshold = string.Create(CultureInfo.InvariantCulture, $"hit threshold {index.Model.HitThreshold:0.0} bits / review threshold {index.Model.ReviewThreshold:0.0} bits");
        Evaluate(string.Create(CultureInfo.InvariantCulture, $"screening UN fixtures, ScreeningIndex: {queries.Count} queries vs {index.Count} targets (index built in {build:0.00} s)"), threshold, queries, q =>
        {
            var hits = index.Query(queries[q], limit: 50);
            Diagnose(index, queries[q], q, hits);
            return [.. hits.Select(h => (h.Id, h.Kind))];
        });

        // The same list through the production index (ResidentScreeningIndex, as the cross-check store holds it), screened
        // as one reference list (candidates compete): built at once, as from storage at first use …
        var shared = Environment.GetEnvironmentVariable("TESSERA_SCREEN_SHARED") is null;
        clock.Restart();
        using var resident = new ResidentScreeningIndex();
        resident.Add([.. targets, .. decoys]);
        build = clock.Elapsed.TotalSeconds;
        Evaluate(string.Create(CultureInfo.InvariantCulture, $"  ResidentScreeningIndex, built at once: {resident.Count} targets (built in {build:0.00} s)"), threshold, queries, q =>
            [.. resident.Query(queries[q], _ => true, resident.Count, "all", 50, shared).Select(h => (h.Id, h.Kind))]);

        // … and grown: the decoys as the base segment (the model trained on them), the listed persons arriving in
        // contributions of 50 afterwards (below a tenth of the base: no retraining, every one a segment of its own).
        clock.Restart();
        using var grown = new ResidentScreeningIndex();
        grown.Add(decoys);
        foreach (var batch in targets.Chunk(50))
        {
            grown.Add(batch);
        }

        build = clock.Elapsed.TotalSeconds;
        Evaluate(string.Create(CultureInfo.InvariantCulture, $"  ResidentScreeningIndex, listed persons added in segments of 50 after the decoys ({grown.Pending} pending, built in {build:0.00} s)"), threshold, queries, q =>
            [.. grown.Query(queries[q], _ => true, grown.Count, "all", 50, shared).Select(h => (h.Id, h.Kind))]);
    }

    private static void Evaluate(string title, string threshold, List<PersonRecord> queries, Func<int, List<(string Id, MatchKind Kind)>> query)
    {
        for (var warm = 0; warm < Math.Min(50, queries.Count); warm++)
        {
            query(warm);
        }

        var latencies = new List<double>();
        int found = 0, foundReview = 0, top1 = 0;
        long falseHits = 0, falseReview = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = query(q);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var want = Want(q);
            found += hits.Any(h => h.Id == want && h.Kind == MatchKind.SamePerson) ? 1 : 0;
            foundReview += hits.Any(h => h.Id == want) ? 1 : 0;
            top1 += hits.Count > 0 && hits[0].Id == want ? 1 : 0;
            falseHits += hits.Count(h => h.Id != want && h.Kind == MatchKind.SamePerson);
            falseReview += hits.Count(h => h.Id != want);
        }

        // On a shared machine a query's wall time includes the time its thread waited for a core. The fastest of five
        // rounds per query is its latency with that wait filtered out (each query repeated, results identical).
        var best = latencies.ToArray();
        for (var round = 1; round < 5; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                var start = Stopwatch.GetTimestamp();
                query(q);
                best[q] = Math.Min(best[q], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        Array.Sort(best);
        latencies.Sort();
        var n = (double)queries.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}; {threshold}: hit recall {found / n:0.0000}, false hits/query {falseHits / n:0.000}; review recall {foundReview / n:0.0000}, false/query {falseReview / n:0.000}; top-1 {top1 / n:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency per query: median {latencies[latencies.Count / 2]:0.000} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.000} ms, max {latencies[^1]:0.000} ms (one thread); " +
            $"fastest of 5 rounds: median {best[best.Length / 2]:0.000} ms, p95 {best[(int)(best.Length * 0.95)]:0.000} ms, max {best[^1]:0.000} ms; load average {ResidentBench.LoadAverage()}"));
    }

    private static string Want(int q) => "un-" + (q + 1).ToString(CultureInfo.InvariantCulture);

    private static void Diagnose(ScreeningIndex index, PersonRecord query, int q, IReadOnlyList<ScreeningHit> hits)
    {
        var want = Want(q);
        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_FALSE") is not null)
        {
            foreach (var h in hits.Where(h => h.Id != want))
            {
                Console.WriteLine("  false: " + index.Explain(query, h.Index).Line);
            }
        }

        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_ERRORS") is not null && !hits.Any(h => h.Id == want && h.Kind == MatchKind.SamePerson))
        {
            var target = int.Parse(want[3..], CultureInfo.InvariantCulture) - 1;
            var listed = hits.FirstOrDefault(h => h.Id == want);
            var state = listed is null ? "below review" : string.Create(CultureInfo.InvariantCulture, $"review at {listed.Weight:0.0} bits after {listed.Competition:0.0} bits of competition");
            Console.WriteLine("  miss (" + state + "): " + index.Explain(query, target).Line);
        }
    }

    private static List<PersonRecord> Load(string path, string prefix, IReadOnlyList<(string Column, string Property)> maps)
    {
        // The fixtures have no id column: the 1-based data row number is the id, as in the fixture README.
        var lines = File.ReadAllLines(path);
        var withIds = new List<string> { "row_id," + lines[0] };
        withIds.AddRange(lines.Skip(1).Select((l, i) => prefix + "-" + (i + 1).ToString(CultureInfo.InvariantCulture) + "," + l));
        var tmp = Path.Combine(Path.GetTempPath(), "tessera-screening-" + prefix + ".csv");
        File.WriteAllLines(tmp, withIds);
        return PersonCsv.Read(tmp, "row_id", maps);
    }
}
