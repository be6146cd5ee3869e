using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>yente UN screening fixtures: treated UN rows queried against the untreated rows plus 50,000 decoys.</summary>
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
        foreach (var warm in queries.Take(50))
        {
            index.Query(warm);
        }

        var latencies = new List<double>();
        int found = 0, foundReview = 0, top1 = 0;
        long falseHits = 0, falseReview = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = index.Query(queries[q], limit: 50);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var want = "un-" + (q + 1).ToString(CultureInfo.InvariantCulture);
            found += hits.Any(h => h.Id == want && h.Kind == MatchKind.SamePerson) ? 1 : 0;
            foundReview += hits.Any(h => h.Id == want) ? 1 : 0;
            top1 += hits.Count > 0 && hits[0].Id == want ? 1 : 0;
            falseHits += hits.Count(h => h.Id != want && h.Kind == MatchKind.SamePerson);
            falseReview += hits.Count(h => h.Id != want);
            if (Environment.GetEnvironmentVariable("TESSERA_BENCH_FALSE") is not null)
            {
                foreach (var h in hits.Where(h => h.Id != want))
                {
                    Console.WriteLine("  false: " + index.Explain(queries[q], h.Index).Line);
                }
            }

            if (Environment.GetEnvironmentVariable("TESSERA_BENCH_ERRORS") is not null && !hits.Any(h => h.Id == want && h.Kind == MatchKind.SamePerson))
            {
                var target = int.Parse(want[3..], CultureInfo.InvariantCulture) - 1;
                var listed = hits.FirstOrDefault(h => h.Id == want);
                var state = listed is null ? "below review" : string.Create(CultureInfo.InvariantCulture, $"review at {listed.Weight:0.0} bits after {listed.Competition:0.0} bits of competition");
                Console.WriteLine("  miss (" + state + "): " + index.Explain(queries[q], target).Line);
            }
        }

        latencies.Sort();
        var n = (double)queries.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"screening UN fixtures: {queries.Count} queries vs {index.Count} targets (index built in {build:0.00} s); hit threshold {index.Model.HitThreshold:0.0} bits: recall {found / n:0.0000}, false hits/query {falseHits / n:0.000}; review threshold {index.Model.ReviewThreshold:0.0} bits: recall {foundReview / n:0.0000}, false/query {falseReview / n:0.000}; top-1 {top1 / n:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency per query: median {latencies[latencies.Count / 2]:0.000} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.000} ms, max {latencies[^1]:0.000} ms (one thread)"));
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
