using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

internal static class Throughput
{
    public static void Run(string root)
    {
        var maps = PersonCsv.ParseMappings(["given_name=firstName", "surname=lastName", "date_of_birth=birthDate", "address_1=street", "address_2=street2", "suburb=city", "postcode=postalCode", "state=region"]);
        var a = PersonCsv.Read(Path.Combine(root, "datasets", "febrl", "dataset4a.csv"), "rec_id", maps);
        var vocab = new Vocabulary();
        var t = FeatureTable.Build(a, vocab);
        var rng = new Random(1);
        var pairs = Enumerable.Range(0, 200_000).Select(_ => (rng.Next(t.Count), rng.Next(t.Count))).ToArray();
        for (var rep = 0; rep < 2; rep++)
        foreach (var kind in MatchEngine.ChooseComparisons(t, t, true))
        {
            var clock = Stopwatch.StartNew();
            var sum = 0;
            foreach (var (i, j) in pairs)
            {
                sum += LevelComputer.Level(kind, t, i, t, j, out _);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: {clock.Elapsed.TotalMilliseconds * 1000 / pairs.Length:0.000} us/pair ({sum})"));
        }
    }

    public static void Dedupe(int n) => Console.WriteLine("dedupe: not yet " + n);
}
