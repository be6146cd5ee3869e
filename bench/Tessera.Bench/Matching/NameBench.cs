using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>nomenklatura name_bench: labelled name pairs; a pair is predicted a match at the name review point (level ≤ 4), fixed in advance.</summary>
internal static class NameBench
{
    public static void Run(string root)
    {
        var path = Path.Combine(root, "datasets", "nomenklatura-name-bench", "cases.csv");
        using var reader = new StreamReader(path);
        var line = 1;
        var header = PersonCsv.ReadRow(reader, ref line)!;
        int Col(string name) => header.IndexOf(name);
        var rows = new List<(string Schema, string A, string B, bool Truth, NameComparison Result)>();
        while (PersonCsv.ReadRow(reader, ref line) is { } row)
        {
            if (row.Count < header.Count)
            {
                continue;
            }

            var result = NameMatcher.Compare(row[Col("name1")], row[Col("name2")]);
            rows.Add((row[Col("schema")], row[Col("name1")], row[Col("name2")], row[Col("is_match")] == "true", result));
        }

        Print("all", rows.Select(r => (r.Truth, r.Result.IsMatch)));
        Print("Person", rows.Where(r => r.Schema == "Person").Select(r => (r.Truth, r.Result.IsMatch)));
        Print("non-ASCII", rows.Where(r => (r.A + r.B).Any(c => c > 127)).Select(r => (r.Truth, r.Result.IsMatch)));
        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_ERRORS") is not null)
        {
            foreach (var r in rows.Where(r => r.Truth != r.Result.IsMatch))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(r.Truth ? "FN" : "FP")} {r.Schema} '{r.A}' | '{r.B}' {r.Result.LevelName} {r.Result.Score:0.00}"));
            }
        }
    }

    private static void Print(string subset, IEnumerable<(bool Truth, bool Predicted)> results)
    {
        var list = results.ToList();
        var tp = list.Count(x => x.Truth && x.Predicted);
        var fp = list.Count(x => !x.Truth && x.Predicted);
        var fn = list.Count(x => x.Truth && !x.Predicted);
        var p = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var r = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"name bench {subset}: n {list.Count}, P {p:0.000} R {r:0.000} F1 {f1:0.000} (threshold: name level <= fuzzy>=0.88)"));
    }
}
