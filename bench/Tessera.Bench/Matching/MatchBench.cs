using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Matching;

namespace Tessera.Bench.Matching;

/// <summary>Matching benchmarks: <c>match febrl4|febrl3|fake1000|hist50k|names|screening|throughput|dedupe1m|field|resident|crosscheck|all</c>, and <c>match explain NAME NAME</c>.</summary>
internal static partial class MatchBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.Length == 0 ? "all" : args[0];
        var runs = args.Length > 1 && int.TryParse(args[1], Inv, out var n) ? n : 5;
        var all = which == "all";
        if (all || which == "febrl4")
        {
            Febrl4(runs);
        }

        if (all || which == "febrl3")
        {
            Febrl3();
        }

        if (all || which == "fake1000")
        {
            Fake1000();
        }

        if (all || which == "hist50k")
        {
            Historical50k();
        }

        if (all || which == "names")
        {
            NameBench.Run(Root);
        }

        if (all || which == "screening")
        {
            ScreeningBench.Run(Root);
        }

        if (all || which == "throughput")
        {
            Throughput.Run(Root);
        }

        if (which == "equivalents")
        {
            foreach (var g in Tessera.Core.Normalisation.Names.NameEquivalents.Variants().GroupBy(v => v.Label).OrderByDescending(g => g.Count()).Take(int.Parse(args[1], Inv)))
            {
                Console.WriteLine(g.Key + ": " + string.Join(' ', g.Select(v => v.Variant)));
            }
        }

        if (which == "explain")
        {
            // match explain NAME NAME: the name comparison with its token alignment.
            var result = NameMatcher.Compare(args[1], args[2]);
            Console.WriteLine(string.Create(Inv, $"{result.LevelName} {result.Score:0.000}"));
            foreach (var t in result.Tokens)
            {
                Console.WriteLine(string.Create(Inv, $"  '{t.Left}' ~ '{t.Right}' {t.Reason} {t.Score:0.00}"));
            }
        }

        if (which == "crosscheck")
        {
            await CrossCheckBench.RunAsync(args.Length > 1 ? int.Parse(args[1], Inv) : 100_000);
        }

        if (which == "field")
        {
            FieldBench.Run(args[1..]);
        }

        if (which == "resident")
        {
            ResidentBench.Run(args.Length > 1 ? int.Parse(args[1], Inv) : 1_000_000);
        }

        if (which == "dedupe1m")
        {
            Throughput.Dedupe(args.Length > 1 ? int.Parse(args[1], Inv) : 1_000_000);
        }

        await Console.Out.FlushAsync();
        return 0;
    }

    internal static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Tessera.slnx not found above " + AppContext.BaseDirectory);
    }

    private static readonly string[] FebrlMap =
        ["given_name=firstName", "surname=lastName", "date_of_birth=birthDate", "address_1=street", "address_2=street2", "suburb=city", "postcode=postalCode", "state=region"];

    private static void Febrl4(int runs)
    {
        var dir = Path.Combine(Root, "datasets", "febrl");
        var maps = PersonCsv.ParseMappings(FebrlMap);
        var times = new List<double>();
        var cpuTimes = new List<double>();
        MatchRun? run = null;
        List<PersonRecord> a = [], b = [];
        for (var r = 0; r < runs + 1; r++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            a = PersonCsv.Read(Path.Combine(dir, "dataset4a.csv"), "rec_id", maps);
            b = PersonCsv.Read(Path.Combine(dir, "dataset4b.csv"), "rec_id", maps);
            run = new MatchEngine().Link(a, b, new MatchOptions(KeepBelowReview: true));
            if (r > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
                cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        cpuTimes.Sort();
        Console.WriteLine(string.Create(Inv, $"febrl4 CPU time per run (all threads, median): {(cpuTimes.Count == 0 ? 0 : cpuTimes[cpuTimes.Count / 2]):0.000} s; load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Report("febrl4 link 5k x 5k", run!, a, b, times, Truth.Febrl(a, b, dedupe: false));
    }

    private static void Febrl3()
    {
        var maps = PersonCsv.ParseMappings(FebrlMap);
        var clock = Stopwatch.StartNew();
        var a = PersonCsv.Read(Path.Combine(Root, "datasets", "febrl", "dataset3.csv"), "rec_id", maps);
        var engine = new MatchEngine();
        var run = engine.Dedupe(a, new MatchOptions(KeepBelowReview: true));
        var truth = Truth.Febrl(a, a, dedupe: true);
        Report("febrl3 dedupe 5k", run, a, a, [clock.Elapsed.TotalSeconds], truth);
        Console.WriteLine("  clusters: " + FieldBench.ClusterScore(engine.Clusters(run), i => a[i].Id.Split('-')[1], truth.TruePairs));
    }

    private static void Fake1000()
    {
        var maps = PersonCsv.ParseMappings(["first_name=firstName", "surname=lastName", "dob=birthDate", "city=city", "email=email"]);
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(Root, "datasets", "splink-fake", "fake_1000.csv");
        var a = PersonCsv.Read(path, "unique_id", maps);
        var run = new MatchEngine().Dedupe(a, new MatchOptions(KeepBelowReview: true));
        Report("splink fake_1000 dedupe", run, a, a, [clock.Elapsed.TotalSeconds], Truth.Cluster(path, "unique_id", "cluster"));
    }

    private static void Historical50k()
    {
        var maps = PersonCsv.ParseMappings(["first_name=firstName", "surname=lastName", "full_name=alias", "dob=birthDate", "birth_place=birthPlace", "postcode_fake=postalCode", "gender=gender"]);
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(Root, "datasets", "splink-historical-50k", "historical_figures_with_errors_50k.csv");
        var a = PersonCsv.Read(path, "unique_id", maps);
        var run = new MatchEngine().Dedupe(a, new MatchOptions(KeepBelowReview: true));
        Report("splink historical_50k dedupe", run, a, a, [clock.Elapsed.TotalSeconds], Truth.Cluster(path, "unique_id", "cluster"));
    }

    private static void Report(string title, MatchRun run, List<PersonRecord> a, List<PersonRecord> b, List<double> times, Truth truth)
    {
        long tp = 0, predicted = 0, candidatesTrue = 0;
        foreach (var p in run.Pairs)
        {
            var same = truth.Same(a[p.Left].Id, b[p.Right].Id);
            candidatesTrue += same ? 1 : 0;
            if (p.Kind == MatchKind.SamePerson)
            {
                predicted++;
                tp += same ? 1 : 0;
            }
        }

        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_MISSED") is { } missedPath)
        {
            var found = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).Select(p => a[p.Left].Id + "|" + b[p.Right].Id).ToHashSet(StringComparer.Ordinal);
            File.WriteAllLines(missedPath, found);
        }

        var precision = predicted == 0 ? 0 : tp / (double)predicted;
        var recall = tp / (double)truth.TruePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        times.Sort();
        var t = run.Timings;
        Console.WriteLine(string.Create(Inv,
            $"{title}: candidates {run.Blocking.CandidatePairs}, pairs completeness {candidatesTrue / (double)truth.TruePairs:0.0000}, threshold {run.Model.HitThreshold:0.00} bits, predicted {predicted}, P {precision:0.0000} R {recall:0.0000} F1 {f1:0.0000}"));
        Console.WriteLine(string.Create(Inv,
            $"  time median {(times.Count == 0 ? 0 : times[times.Count / 2]):0.000} s end to end (features {t.Features:0.000}, blocking {t.Blocking:0.000}, training {t.Training:0.000}, scoring {t.Scoring:0.000}); EM {run.Model.Report.Iterations} it converged {run.Model.Report.Converged}, lambda_cand {run.Model.Report.CandidateMatchShare:0.0000}, reset [{string.Join(',', run.Model.Report.ResetToDefaults)}], prior {run.Model.Prior:0.00}"));
        if (Environment.GetEnvironmentVariable("TESSERA_BENCH_MODEL") is not null)
        {
            foreach (var line in run.Model.Describe())
            {
                Console.WriteLine("    " + line);
            }
        }
    }
}
