namespace Tessera.Core.Picture;

/// <summary>One method's settings chosen on the training years and scored on the later ones.</summary>
/// <param name="Candidates">How many settings were tried on the training years.</param>
/// <param name="Train">The chosen settings on the training years.</param>
/// <param name="Test">The chosen settings on the test years, which played no part in the choice.</param>
/// <param name="Rolling">Rolling origin: each test year scored with settings chosen on the years before it.</param>
public sealed record MethodBacktest(EarlyWarningMethod Method, EarlyWarningOptions Chosen, int Candidates, BacktestResult Train, BacktestResult Test, RollingOriginResult Rolling);

/// <summary>A rolling-origin backtest: for each year, settings chosen on every earlier year, then that year scored.</summary>
/// <param name="Choices">The settings chosen for each scored year, in words.</param>
public sealed record RollingOriginResult(int Surges, int Flagged, double? MedianLead, int QuietMonths, int FalseAlerts, IReadOnlyList<(int Year, string Settings)> Choices)
{
    public double FalseAlertRate => QuietMonths == 0 ? 0 : (double)FalseAlerts / QuietMonths;
}

/// <summary>The out-of-sample backtest of every method.</summary>
public sealed record OutOfSampleBacktest(YearMonth TrainFrom, YearMonth TrainTo, YearMonth TestTo, double MaxFalseAlertRate, SurgeDefinition Surges,
    IReadOnlyList<MethodBacktest> Methods);

/// <summary>Chooses each method's settings on training years only and scores them on later years (fixed split and rolling origin).</summary>
/// <remarks>The choice: among the candidate settings whose false-alert rate on the training years is at most
/// <see cref="MaxFalseAlertRate"/>, the one that flags most training surges, then the fewest false alerts, then the longest median
/// lead, then the first in the grid; when none keeps the rate, the one with the fewest false alerts. Fits are computed once per
/// route and regression setting and reused across interval widths and CUSUM parameters.</remarks>
public static class EarlyWarningTuning
{
    /// <summary>The false-alert rate a desk accepts (docs/early-warning.md).</summary>
    public const double MaxFalseAlertRate = 0.02;

    private static readonly double[] Zs = [2.33, 2.58, 3.09, 3.29, 3.72, 4.26];
    private static readonly double[] Ks = [1.0, 1.5, 2.0, 2.5, 3.0];
    private static readonly double[] Hs = [1.0, 2.0, 3.0, 5.0, 8.0];
    private static readonly double[] Thresholds = [2.0, 2.5, 3.0, 3.5, 4.0];
    private static readonly double[] Ratios = [1.5, 2.0, 2.5, 3.0];
    private static readonly int[] Years = [2, 3, 4, 5];
    private static readonly int[] Windows = [1, 2, 3];
    private static readonly bool[] Trends = [true, false];
    private static readonly double?[] Reweights = [2.58, 1.0, null];

    /// <summary>The settings tried for a method, in grid order.</summary>
    public static IReadOnlyList<EarlyWarningOptions> Candidates(EarlyWarningMethod method)
    {
        var basis = new EarlyWarningOptions(Method: method);
        return method switch
        {
            EarlyWarningMethod.Farrington => [.. Baselines().SelectMany(b => Zs.Select(z => basis with { Farrington = b with { Z = z } }))],
            EarlyWarningMethod.Cusum => [.. Baselines().SelectMany(b =>
                from k in Ks
                from h in Hs
                select basis with { Cusum = new CusumSettings(b, k, h) })],
            EarlyWarningMethod.Robust => [.. Thresholds.Select(t => basis with { Threshold = t })],
            _ => [.. Ratios.Select(r => basis with { NaiveRatio = r })],
        };
    }

    private static IEnumerable<FarringtonSettings> Baselines() =>
        from years in Years
        from window in Windows
        from trend in Trends
        from reweight in Reweights
        select new FarringtonSettings(years, window, trend, reweight);

    /// <summary>Every method chosen on <paramref name="trainFrom"/>–<paramref name="trainTo"/> and scored up to <paramref name="testTo"/>.</summary>
    public static OutOfSampleBacktest Run(IEnumerable<DetectionCount> detections, YearMonth trainFrom, YearMonth trainTo, YearMonth testTo,
        SurgeDefinition surges, IProgress<string>? progress = null)
    {
        var routes = EarlyWarningBacktest.RouteSeries(detections)
            .ToDictionary(r => r.Key, r => Arrays(r.Value), StringComparer.Ordinal);
        var fits = new Dictionary<(string, FarringtonSettings), FarringtonFit?[]>();
        var methods = new List<MethodBacktest>();
        foreach (var method in new[] { EarlyWarningMethod.Farrington, EarlyWarningMethod.Cusum, EarlyWarningMethod.Robust, EarlyWarningMethod.SeasonalNaive })
        {
            progress?.Report($"{EarlyWarning.Name(method)}: evaluating {Candidates(method).Count} settings");
            var evaluated = Candidates(method).Select(o => (Options: o, Points: Evaluate(routes, o, fits))).ToList();
            var (chosen, points) = Choose(evaluated, trainFrom, trainTo, surges);
            var train = EarlyWarningBacktest.Score(points, trainFrom, trainTo, chosen, surges);
            var test = EarlyWarningBacktest.Score(points, trainTo.AddMonths(1), testTo, chosen, surges);
            methods.Add(new MethodBacktest(method, chosen, evaluated.Count, train, test, Rolling(evaluated, trainFrom, trainTo.AddMonths(1), testTo, surges)));
        }

        return new OutOfSampleBacktest(trainFrom, trainTo, testTo, MaxFalseAlertRate, surges, methods);
    }

    private static (YearMonth[] Months, long[] Counts) Arrays(Dictionary<YearMonth, long> series)
    {
        var months = YearMonth.Range(series.Keys.Min(), series.Keys.Max()).ToArray();
        return (months, months.Select(m => series.GetValueOrDefault(m)).ToArray());
    }

    private static Dictionary<string, IReadOnlyList<EarlyWarningPoint>> Evaluate(Dictionary<string, (YearMonth[] Months, long[] Counts)> routes,
        EarlyWarningOptions options, Dictionary<(string, FarringtonSettings), FarringtonFit?[]> fits)
    {
        FarringtonFit?[] FitsOf(string route, FarringtonSettings settings)
        {
            var key = (route, settings with { Z = 0 });
            if (!fits.TryGetValue(key, out var f))
            {
                fits[key] = f = Farrington.Fit(routes[route].Counts, settings);
            }

            return f;
        }

        return routes.ToDictionary(r => r.Key, r => options.Method switch
        {
            EarlyWarningMethod.Farrington => EarlyWarning.Regression(r.Value.Months, r.Value.Counts, options, FitsOf(r.Key, options.Farrington)),
            EarlyWarningMethod.Cusum => EarlyWarning.Cusum(r.Value.Months, r.Value.Counts, options, FitsOf(r.Key, options.Cusum.Baseline)),
            _ => EarlyWarning.Evaluate(r.Value.Months.Zip(r.Value.Counts).ToDictionary(x => x.First, x => x.Second), options),
        }, StringComparer.Ordinal);
    }

    private static (EarlyWarningOptions, Dictionary<string, IReadOnlyList<EarlyWarningPoint>>) Choose(
        IReadOnlyList<(EarlyWarningOptions Options, Dictionary<string, IReadOnlyList<EarlyWarningPoint>> Points)> evaluated,
        YearMonth from, YearMonth to, SurgeDefinition surges)
    {
        var scored = evaluated.Select((e, i) => (e, i, r: EarlyWarningBacktest.Score(e.Points, from, to, e.Options, surges))).ToList();
        var keeping = scored.Where(s => s.r.FalseAlertRate <= MaxFalseAlertRate).ToList();
        var best = keeping.Count > 0
            ? keeping.OrderByDescending(s => s.r.Flagged).ThenBy(s => s.r.FalseAlertRate).ThenByDescending(s => s.r.MedianLead ?? 0).ThenBy(s => s.i).First()
            : scored.OrderBy(s => s.r.FalseAlertRate).ThenByDescending(s => s.r.Flagged).ThenBy(s => s.i).First();
        return (best.e.Options, best.e.Points);
    }

    private static RollingOriginResult Rolling(
        IReadOnlyList<(EarlyWarningOptions Options, Dictionary<string, IReadOnlyList<EarlyWarningPoint>> Points)> evaluated,
        YearMonth trainFrom, YearMonth testFrom, YearMonth testTo, SurgeDefinition surges)
    {
        int surgeCount = 0, flagged = 0, quiet = 0, falseAlerts = 0;
        var leads = new List<double>();
        var choices = new List<(int, string)>();
        for (var year = testFrom.Year; year <= testTo.Year; year++)
        {
            var (options, points) = Choose(evaluated, trainFrom, new YearMonth(year - 1, 12), surges);
            var end = new YearMonth(year, 12) <= testTo ? new YearMonth(year, 12) : testTo;
            var result = EarlyWarningBacktest.Score(points, new YearMonth(year, 1), end, options, surges);
            surgeCount += result.SurgeCount;
            flagged += result.Flagged;
            quiet += result.Routes.Sum(r => r.QuietMonths);
            falseAlerts += result.Routes.Sum(r => r.FalseAlerts);
            leads.AddRange(result.Routes.SelectMany(r => r.Surges).Where(s => s.LeadMonths is not null).Select(s => (double)s.LeadMonths!.Value));
            choices.Add((year, options.Describe()));
        }

        return new RollingOriginResult(surgeCount, flagged, leads.Count > 0 ? Statistics.Median(leads) : null, quiet, falseAlerts, choices);
    }
}
