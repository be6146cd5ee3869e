using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Tessera.Bench.Matching;
using Tessera.Core.Matching;
using Tessera.Core.Pprl;

namespace Tessera.Bench.Pprl;

/// <summary>Linkage without disclosure: <c>pprl febrl4|field [N] [SEED]|dice|attack|all</c>.</summary>
internal static class PprlBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Every Febrl field, as anonlink's Febrl schema encodes them (street number and address line 1 are one street).
    private static readonly string[] FebrlMap =
        ["given_name=firstName", "surname=lastName", "date_of_birth=birthDate", "street_number=street", "address_1=street", "soc_sec_id=idNumber", "address_2=street2", "suburb=city", "postcode=postalCode", "state=region"];

    /// <summary>A fixed key, so that runs are comparable; a real federation draws its key at random (<c>tessera pprl key</c>).</summary>
    internal static FederationKey Key { get; } = new("bench", SHA256.HashData("tessera pprl benchmark key"u8), DateTimeOffset.UnixEpoch);

    public static Task<int> RunAsync(string[] args)
    {
        var which = args.Length == 0 ? "all" : args[0];
        var salt = Option(args, "--salt") ?? "none";
        Fold = Option(args, "--fold") == "on";
        Console.WriteLine($"load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores, salt {salt}");
        if (which is "all" or "febrl4")
        {
            Febrl4(salt);
        }

        if (which is "all" or "field")
        {
            var rest = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != salt && a != "on").ToArray();
            Field(rest.Length > 0 ? int.Parse(rest[0], Inv) : 4000, rest.Length > 1 ? int.Parse(rest[1], Inv) : 1, salt);
        }

        if (which is "all" or "dice")
        {
            DiceThroughput();
        }

        if (which is "all" or "attack")
        {
            FrequencyAttack.Run(MatchBench.Root);
        }

        return Task.FromResult(0);
    }

    private static bool Fold { get; set; }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static List<PersonEncoding> Encode(IEnumerable<PersonRecord> records, string salt, bool hardened = true)
    {
        var encoder = new PersonEncoder(Key, new PprlEncoderOptions(hardened, salt, Fold));
        return records.AsParallel().AsOrdered().Select(encoder.Encode).ToList();
    }

    private static void Febrl4(string salt)
    {
        var dir = Path.Combine(MatchBench.Root, "datasets", "febrl");
        var maps = PersonCsv.ParseMappings(FebrlMap);
        var a = PersonCsv.Read(Path.Combine(dir, "dataset4a.csv"), "rec_id", maps);
        var b = PersonCsv.Read(Path.Combine(dir, "dataset4b.csv"), "rec_id", maps);
        var truth = Truth.Febrl(a, b, dedupe: false);
        var clock = Stopwatch.StartNew();
        var left = new EncodingSet(Encode(a, salt));
        var right = new EncodingSet(Encode(b, salt));
        var encodeSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var blocked = PprlLinker.Link(left, right);
        var linkSeconds = clock.Elapsed.TotalSeconds;
        var full = PprlLinker.Link(left, right, blocking: false);
        bool Same(PprlPair p) => truth.Same(a[p.Left].Id, b[p.Right].Id);
        Console.WriteLine(string.Create(Inv, $"febrl4 through encodings (5k x 5k, Dice >= {PprlLinker.DefaultThreshold}): encode {encodeSeconds:0.00} s, link {linkSeconds:0.000} s with LSH blocking"));
        Console.WriteLine("  LSH blocking: " + Prf(blocked.Pairs.Count(Same), blocked.Pairs.Count, truth.TruePairs) + string.Create(Inv, $", {blocked.Comparisons} comparisons ({blocked.Comparisons / (double)(a.Count * (long)b.Count):P2} of all)"));
        var oneToOne = PprlLinker.OneToOne(blocked.Pairs);
        Console.WriteLine("  LSH blocking, one-to-one (greedy, as anonlink): " + Prf(oneToOne.Count(Same), oneToOne.Count, truth.TruePairs));
        Console.WriteLine("  all pairs:    " + Prf(full.Pairs.Count(Same), full.Pairs.Count, truth.TruePairs) + string.Create(Inv, $", {full.Comparisons} comparisons"));
        var keptByBlocking = !full.Pairs.Any(Same) ? 1 : blocked.Pairs.Count(Same) / (double)full.Pairs.Count(Same);
        Console.WriteLine(string.Create(Inv, $"  blocking keeps {keptByBlocking:0.0000} of the true pairs found without it"));
        var trueDice = a.Select((r, i) => (r, i)).Join(b.Select((r, j) => (r, j)), x => x.r.Id.Replace("-org", "", StringComparison.Ordinal), y => System.Text.RegularExpressions.Regex.Replace(y.r.Id, "-dup-\\d+$", ""),
            (x, y) => Dice.Coefficient(left.Bits, x.i * BloomBits.Words, left.Counts[x.i], right.Bits, y.j * BloomBits.Words, right.Counts[y.j])).Order().ToList();
        Console.WriteLine(string.Create(Inv, $"  true pairs' Dice: 1 % {trueDice[trueDice.Count / 100]:0.000}, 5 % {trueDice[trueDice.Count / 20]:0.000}, 25 % {trueDice[trueDice.Count / 4]:0.000}, median {trueDice[trueDice.Count / 2]:0.000}; mean bits set {left.Counts.Average():0}"));
    }

    private static void Field(int n, int seed, string salt)
    {
        var (records, truth) = FieldRecords.Generate(n, seed);
        var truePairs = truth.GroupBy(t => t.Person).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var run = new MatchEngine().Dedupe(records);
        var plainHits = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).ToList();
        var set = new EncodingSet(Encode(records, salt));
        var linked = PprlLinker.Link(set, set);
        var pairs = linked.Pairs.Where(p => p.Left < p.Right).ToList();
        Console.WriteLine(string.Create(Inv, $"field records (seed {seed}): {records.Count} records, {truePairs} true pairs, dedupe"));
        Console.WriteLine("  plain engine at its hit threshold: " + Prf(plainHits.LongCount(p => truth[p.Left].Person == truth[p.Right].Person), plainHits.Count, truePairs));
        Console.WriteLine(string.Create(Inv, $"  encodings at Dice >= {PprlLinker.DefaultThreshold}:      ") + Prf(pairs.LongCount(p => truth[p.Left].Person == truth[p.Right].Person), pairs.Count, truePairs));
        foreach (var t in new[] { 0.6, 0.65, 0.7, 0.75, 0.85, 0.9 })
        {
            var at = PprlLinker.Link(set, set, t).Pairs.Where(p => p.Left < p.Right).ToList();
            Console.WriteLine(string.Create(Inv, $"    (for reference, Dice >= {t:0.00}: ") + Prf(at.LongCount(p => truth[p.Left].Person == truth[p.Right].Person), at.Count, truePairs) + ")");
        }
    }

    /// <summary>Dice coefficients per second on one core: every pair of 5,000 × 5,000 Febrl encodings, single-threaded.</summary>
    private static void DiceThroughput()
    {
        var dir = Path.Combine(MatchBench.Root, "datasets", "febrl");
        var maps = PersonCsv.ParseMappings(FebrlMap);
        var left = new EncodingSet(Encode(PersonCsv.Read(Path.Combine(dir, "dataset4a.csv"), "rec_id", maps), "none"));
        var right = new EncodingSet(Encode(PersonCsv.Read(Path.Combine(dir, "dataset4b.csv"), "rec_id", maps), "none"));
        var best = 0.0;
        long above = 0;
        for (var round = 0; round < 4; round++)
        {
            // CPU time of this thread, not wall time: the figure is per core even when other processes share the machine.
            var start = ThreadCpu();
            above = 0;
            for (var i = 0; i < left.Count; i++)
            {
                var a = i * BloomBits.Words;
                for (var j = 0; j < right.Count; j++)
                {
                    // The full coefficient with its division, as the linker computes it.
                    if (Dice.Coefficient(left.Bits, a, left.Counts[i], right.Bits, j * BloomBits.Words, right.Counts[j]) >= PprlLinker.DefaultThreshold)
                    {
                        above++;
                    }
                }
            }

            best = Math.Max(best, left.Count * (double)right.Count / (ThreadCpu() - start).TotalSeconds);
        }

        Console.WriteLine(string.Create(Inv, $"Dice on 1,024-bit encodings, one thread: {best / 1e6:0.0} M comparisons per CPU second (best of 4 rounds of {left.Count * (long)right.Count} pairs; {above} at or above {PprlLinker.DefaultThreshold})"));
        var wall = Stopwatch.StartNew();
        var result = PprlLinker.Link(left, right, blocking: false);
        Console.WriteLine(string.Create(Inv, $"Linker without blocking, all cores: {result.Comparisons / wall.Elapsed.TotalSeconds / 1e6:0.0} M comparisons/s end to end (pairs and probabilities included)"));
    }

    /// <summary>CPU time consumed by the calling thread (Linux: /proc/thread-self/stat, utime + stime in clock ticks of 10 ms).</summary>
    private static TimeSpan ThreadCpu()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds(10 * (long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv)));
    }

    internal static string Prf(long tp, long predicted, long truePairs)
    {
        var precision = predicted == 0 ? 0 : tp / (double)predicted;
        var recall = truePairs == 0 ? 0 : tp / (double)truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return string.Create(Inv, $"P {precision:0.0000} R {recall:0.0000} F1 {f1:0.0000} ({tp} of {predicted} predicted true, {truePairs} true)");
    }
}
