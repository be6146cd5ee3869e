using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary><c>match field [N] [SEED] [--csv FILE]</c>: dedupe of generated multi-authority records (<see cref="FieldRecords"/>) at the
/// engine's own hit threshold, with precision and recall per planted class and the clusters' pairwise F1.</summary>
internal static class FieldBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], Inv, out var x) ? x : 4000;
        var seed = args.Length > 1 && int.TryParse(args[1], Inv, out var s) ? s : 1;
        var (records, truth) = FieldRecords.Generate(n, seed);
        var csv = Array.IndexOf(args, "--csv");
        if (csv >= 0 && csv + 1 < args.Length)
        {
            WriteCsv(args[csv + 1], records, truth);
        }

        var clock = Stopwatch.StartNew();
        var engine = new MatchEngine();
        var run = engine.Dedupe(records);
        var seconds = clock.Elapsed.TotalSeconds;
        var hits = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).ToList();
        var persons = truth.GroupBy(t => t.Person).ToList();
        var truePairs = persons.Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var tp = hits.LongCount(p => truth[p.Left].Person == truth[p.Right].Person);
        Console.WriteLine(string.Create(Inv,
            $"field dedupe (seed {seed}): {records.Count} records of {persons.Count} persons, {truePairs} true pairs, {run.Blocking.CandidatePairs} candidates, threshold {run.Model.HitThreshold:0.00} bits, {seconds:0.00} s"));
        Console.WriteLine("  pairs at the hit threshold: " + Prf(tp, hits.Count, truePairs));
        Console.WriteLine("  best F1 over all thresholds (for reference only): " + BestF1(run, truth, truePairs));
        PerClass(hits, truth);
        Negatives(hits, truth);
        Clusters(engine, run, truth, truePairs);
        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_ERRORS") is { } limitText)
        {
            Errors(engine, run, hits, records, truth, int.Parse(limitText, Inv));
        }
    }

    private static string Prf(long tp, long predicted, long truePairs)
    {
        var precision = predicted == 0 ? 0 : tp / (double)predicted;
        var recall = truePairs == 0 ? 0 : tp / (double)truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return string.Create(Inv, $"P {precision:0.0000} R {recall:0.0000} F1 {f1:0.0000} ({tp} of {predicted} predicted true, {truePairs} true)");
    }

    private static string BestF1(MatchRun run, List<FieldTruth> truth, long truePairs)
    {
        var scored = run.Pairs.Select(p => (W: Math.Min(p.Weight, p.IdentityWeight), Same: truth[p.Left].Person == truth[p.Right].Person)).OrderByDescending(p => p.W).ToList();
        var (best, at, tp) = (0.0, 0.0, 0L);
        for (var k = 0; k < scored.Count; k++)
        {
            tp += scored[k].Same ? 1 : 0;
            var p = tp / (double)(k + 1);
            var r = tp / (double)truePairs;
            var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f > best)
            {
                (best, at) = (f, scored[k].W);
            }
        }

        return string.Create(Inv, $"F1 {best:0.0000} at {at:0.00} bits");
    }

    private static void PerClass(List<ScoredPair> hits, List<FieldTruth> truth)
    {
        // Recall per class over every true pair; precision per class over the predicted pairs that carry it.
        var truePerClass = new Dictionary<string, (long True, long Found)>(StringComparer.Ordinal);
        var found = hits.Where(p => truth[p.Left].Person == truth[p.Right].Person).Select(p => (Math.Min(p.Left, p.Right), Math.Max(p.Left, p.Right))).ToHashSet();
        foreach (var g in truth.Select((t, i) => (t, i)).GroupBy(x => x.t.Person))
        {
            var members = g.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    var hit = found.Contains((Math.Min(members[a].i, members[b].i), Math.Max(members[a].i, members[b].i)));
                    foreach (var c in FieldRecords.Classes(members[a].t, members[b].t).Append("all"))
                    {
                        var (t, f) = truePerClass.GetValueOrDefault(c);
                        truePerClass[c] = (t + 1, f + (hit ? 1 : 0));
                    }
                }
            }
        }

        var predictedPerClass = new Dictionary<string, (long Predicted, long True)>(StringComparer.Ordinal);
        foreach (var p in hits)
        {
            var same = truth[p.Left].Person == truth[p.Right].Person;
            foreach (var c in FieldRecords.Classes(truth[p.Left], truth[p.Right]))
            {
                var (pr, t) = predictedPerClass.GetValueOrDefault(c);
                predictedPerClass[c] = (pr + 1, t + (same ? 1 : 0));
            }
        }

        Console.WriteLine("  class                 true pairs  recall   predicted  precision");
        foreach (var (c, (t, f)) in truePerClass.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var (pr, pt) = predictedPerClass.GetValueOrDefault(c);
            Console.WriteLine(string.Create(Inv, $"  {c,-21} {t,10}  {f / (double)Math.Max(1, t),6:0.000}  {pr,10}  {(pr == 0 ? double.NaN : pt / (double)pr),9:0.000}"));
        }
    }

    private static void Negatives(List<ScoredPair> hits, List<FieldTruth> truth)
    {
        var wrong = hits.Where(p => truth[p.Left].Person != truth[p.Right].Person).ToList();
        var siblings = wrong.Count(p => truth[p.Left].Family == truth[p.Right].Family);
        Console.WriteLine(string.Create(Inv, $"  false hits: {wrong.Count} ({siblings} between siblings, {wrong.Count - siblings} between unrelated persons)"));
    }

    private static void Clusters(MatchEngine engine, MatchRun run, List<FieldTruth> truth, long truePairs)
    {
        var clock = Stopwatch.StartNew();
        var clusters = engine.Clusters(run);
        Console.WriteLine(string.Create(Inv, $"  clusters: {ClusterScore(clusters, i => truth[i].Person.ToString(Inv), truePairs)} in {clock.Elapsed.TotalSeconds:0.000} s"));
    }

    /// <summary>Pairwise precision/recall/F1 of a clustering and its largest cluster.</summary>
    internal static string ClusterScore(IReadOnlyList<int> clusters, Func<int, string> entity, long truePairs)
    {
        long predicted = 0, tp = 0;
        foreach (var g in Enumerable.Range(0, clusters.Count).GroupBy(i => clusters[i]))
        {
            var members = g.ToList();
            predicted += (long)members.Count * (members.Count - 1) / 2;
            tp += members.GroupBy(entity).Sum(e => (long)e.Count() * (e.Count() - 1) / 2);
        }

        var largest = clusters.Count == 0 ? 0 : clusters.GroupBy(c => c).Max(g => g.Count());
        return Prf(tp, predicted, truePairs) + string.Create(Inv, $", largest cluster {largest}");
    }

    private static void Errors(MatchEngine engine, MatchRun run, List<ScoredPair> hits, List<PersonRecord> records, List<FieldTruth> truth, int limit)
    {
        var hitSet = hits.Select(p => (p.Left, p.Right)).ToHashSet();
        Console.WriteLine("  -- false hits");
        foreach (var p in hits.Where(p => truth[p.Left].Person != truth[p.Right].Person).Take(limit))
        {
            Show(engine, p, records);
        }

        Console.WriteLine("  -- missed true pairs among candidates");
        foreach (var p in run.Pairs.Where(p => !hitSet.Contains((p.Left, p.Right)) && truth[p.Left].Person == truth[p.Right].Person).Take(limit))
        {
            Console.WriteLine("     classes: " + string.Join(',', FieldRecords.Classes(truth[p.Left], truth[p.Right])));
            Show(engine, p, records);
        }
    }

    private static void Show(MatchEngine engine, ScoredPair p, List<PersonRecord> records)
    {
        Console.WriteLine("     " + Describe(records[p.Left]) + "  ~  " + Describe(records[p.Right]));
        Console.WriteLine("     " + engine.Explain(p).Line);
    }

    private static string Describe(PersonRecord r) =>
        $"[{r.Name ?? ""}|{r.FirstName ?? ""}|{r.MiddleName ?? ""}|{r.LastName ?? ""}|{r.BirthDate ?? ""}|{r.Nationality ?? ""}|{string.Join(';', r.Phones)}|{string.Join(';', r.PassportNumbers)}]";

    private static void WriteCsv(string path, List<PersonRecord> records, List<FieldTruth> truth)
    {
        var sb = new StringBuilder("id,person,name,first_name,middle_name,last_name,birth_date,nationality,gender,phone,passport\n");
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            string[] cells = [r.Id, truth[i].Person.ToString(Inv), r.Name ?? "", r.FirstName ?? "", r.MiddleName ?? "", r.LastName ?? "", r.BirthDate ?? "",
                r.Nationality ?? "", r.Gender ?? "", string.Join(' ', r.Phones), string.Join(' ', r.PassportNumbers)];
            sb.AppendLine(string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)));
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
