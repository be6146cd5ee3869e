using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>Scoring speed (pairs per second per core) and a generated large dedupe.</summary>
internal static class Throughput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string root)
    {
        var maps = PersonCsv.ParseMappings(["given_name=firstName", "surname=lastName", "date_of_birth=birthDate", "address_1=street", "address_2=street2", "suburb=city", "postcode=postalCode", "state=region"]);
        var dir = Path.Combine(root, "datasets", "febrl");
        var vocab = new Vocabulary();
        var a = FeatureTable.Build(PersonCsv.Read(Path.Combine(dir, "dataset4a.csv"), "rec_id", maps), vocab);
        var b = FeatureTable.Build(PersonCsv.Read(Path.Combine(dir, "dataset4b.csv"), "rec_id", maps), vocab);
        var pairs = Blocking.Candidates(a, b, 200, out _);
        var kinds = MatchEngine.ChooseComparisons(a, b, structured: true);
        var model = ModelTrainer.Train(a, b, dedupe: false, kinds, pairs);
        var scorer = new PairScorer(model);
        for (var warm = 0; warm < 2; warm++)
        {
            Single(scorer, a, b, pairs);
        }

        var best = 0.0;
        var bestCpu = 0.0;
        for (var rep = 0; rep < 5; rep++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            best = Math.Max(best, Single(scorer, a, b, pairs));
            bestCpu = Math.Max(bestCpu, pairs.Length / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        var weights = new float[pairs.Length];
        var identity = new float[pairs.Length];
        var shared = new bool[pairs.Length];
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed.TotalSeconds < 2)
        {
            scorer.ScoreAll(a, b, pairs, weights, identity, shared);
            rounds++;
        }

        var parallel = rounds * (double)pairs.Length / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(Inv,
            $"scoring throughput (febrl4 candidates, {kinds.Length} comparisons with TF): one thread {best / 1e6:0.00} M pairs/s wall, {bestCpu / 1e6:0.00} M pairs per CPU-second (best of 5); all {Environment.ProcessorCount} cores {parallel / 1e6:0.00} M pairs/s"));
    }

    private static double Single(PairScorer scorer, FeatureTable a, FeatureTable b, long[] pairs)
    {
        var clock = Stopwatch.StartNew();
        var sum = 0.0;
        foreach (var pair in pairs)
        {
            sum += scorer.Score(a, (int)(pair >> 32), b, (int)(pair & 0xFFFFFFFF), out _, out _);
        }

        GC.KeepAlive(sum);
        return pairs.Length / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Generates <paramref name="n"/> persons (a third with a corrupted duplicate) and deduplicates them.</summary>
    public static void Dedupe(int n)
    {
        var records = Generate(n, 20261128);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var run = new MatchEngine().Dedupe(records);
        var seconds = clock.Elapsed.TotalSeconds;
        long tp = 0, predicted = 0;
        foreach (var p in run.Pairs)
        {
            if (p.Kind != MatchKind.SamePerson)
            {
                continue;
            }

            predicted++;
            tp += Person(records[p.Left].Id) == Person(records[p.Right].Id) ? 1 : 0;
        }

        var truePairs = records.Count(r => r.Id.EndsWith('b'));
        double precision = predicted == 0 ? 0 : tp / (double)predicted, recall = tp / (double)truePairs;
        var t = run.Timings;
        Console.WriteLine(string.Create(Inv,
            $"generated dedupe: {records.Count} records, {run.Blocking.CandidatePairs} candidate pairs, {seconds:0.0} s (features {t.Features:0.0}, blocking {t.Blocking:0.0}, training {t.Training:0.0}, scoring {t.Scoring:0.0}); P {precision:0.0000} R {recall:0.0000}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; {Environment.ProcessorCount} cores"));
    }

    private static string Person(string id) => id[..id.IndexOf('-', StringComparison.Ordinal)];

    private static readonly string[] Given =
    [
        "mohammed", "ahmad", "ali", "omar", "yusuf", "ibrahim", "hassan", "hussein", "khalid", "mustafa", "abdullah", "fatima", "aisha",
        "maryam", "zainab", "amina", "john", "james", "maria", "anna", "olga", "ivan", "sergei", "elena", "david", "sara", "leila", "reza",
        "farid", "nadia", "samir", "karim", "rashid", "tariq", "walid", "yasmin", "hamid", "jamal", "salim", "nour", "rami", "adam",
    ];

    private static readonly string[] Syllables =
    [
        "ha", "dad", "ra", "hi", "mi", "noor", "zai", "ka", "ri", "os", "man", "sa", "leh", "bar", "za", "ni", "ah", "ma", "di", "yil",
        "maz", "ya", "de", "mir", "ce", "lik", "to", "ro", "ba", "shi", "qa", "sim", "na", "bil", "fa", "rah", "ku", "gal", "lo", "pez",
    ];

    internal static List<PersonRecord> Generate(int n, int seed)
    {
        var rng = new Random(seed);
        var records = new List<PersonRecord>(n);
        var person = 0;
        while (records.Count < n)
        {
            var given = Given[rng.Next(Given.Length)];
            var family = Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)];
            var dob = new DateTime(1940, 1, 1).AddDays(rng.Next(25_000));
            var city = "city" + rng.Next(2000).ToString(Inv);
            var phone = "+49" + rng.NextInt64(1_000_000_000, 9_999_999_999).ToString(Inv);
            var id = "p" + person.ToString(Inv);
            records.Add(new PersonRecord(id + "-a") { FirstName = given, LastName = family, BirthDate = dob.ToString("yyyy-MM-dd", Inv), City = city, Phones = [phone] });
            if (rng.Next(3) == 0 && records.Count < n)
            {
                var typo = family.Remove(rng.Next(family.Length), 1);
                var dup = dob.AddDays(rng.Next(4) == 0 ? rng.Next(-20, 20) : 0);
                records.Add(new PersonRecord(id + "-b") { FirstName = given, LastName = rng.Next(5) == 0 ? family : typo, BirthDate = dup.ToString("yyyy-MM-dd", Inv), City = rng.Next(4) == 0 ? null : city });
            }

            person++;
        }

        return records;
    }
}
