namespace Tessera.Core.Picture;

/// <summary>What counts as a large surge in the backtest: a calendar year well above the year before.</summary>
/// <param name="Growth">The year's total is at least this multiple of the previous year's.</param>
/// <param name="MinimumTotal">And at least this many detections.</param>
/// <param name="LeadWindowMonths">Alerts count for a surge from this many months before its year starts up to its peak month.</param>
public sealed record SurgeDefinition(double Growth = 1.4, long MinimumTotal = 5000, int LeadWindowMonths = 6);

/// <summary>One surge and when the rule (and the seasonal-naive benchmark) first flagged it.</summary>
/// <param name="LeadMonths">Months from the first alert to the peak month; null when never flagged before the peak.</param>
public sealed record SurgeEpisode(string Route, int Year, long Total, long PreviousTotal, YearMonth Peak, long PeakCount,
    YearMonth? FirstAlert, int? LeadMonths, YearMonth? BenchmarkFirstAlert, int? BenchmarkLeadMonths);

/// <summary>Backtest figures of one route.</summary>
/// <param name="QuietMonths">Months scored that lie outside every surge's window: where an alert is a false alert.</param>
public sealed record RouteBacktest(string Route, IReadOnlyList<SurgeEpisode> Surges, int QuietMonths, int FalseAlerts, int BenchmarkFalseAlerts,
    IReadOnlyList<YearMonth> FalseAlertMonths);

/// <summary>The backtest over all routes, with the settings used.</summary>
public sealed record BacktestResult(EarlyWarningOptions Options, SurgeDefinition Surges, YearMonth From, YearMonth To, IReadOnlyList<RouteBacktest> Routes)
{
    public int SurgeCount => Routes.Sum(r => r.Surges.Count);

    public int Flagged => Routes.Sum(r => r.Surges.Count(s => s.FirstAlert is not null));

    public int BenchmarkFlagged => Routes.Sum(r => r.Surges.Count(s => s.BenchmarkFirstAlert is not null));

    public double FalseAlertRate => Rate(Routes.Sum(r => r.FalseAlerts), Routes.Sum(r => r.QuietMonths));

    public double BenchmarkFalseAlertRate => Rate(Routes.Sum(r => r.BenchmarkFalseAlerts), Routes.Sum(r => r.QuietMonths));

    public double? MedianLead => Routes.SelectMany(r => r.Surges).Where(s => s.LeadMonths is not null).Select(s => (double)s.LeadMonths!.Value) is var l && l.Any() ? Statistics.Median(l) : null;

    public double? BenchmarkMedianLead => Routes.SelectMany(r => r.Surges).Where(s => s.BenchmarkLeadMonths is not null).Select(s => (double)s.BenchmarkLeadMonths!.Value) is var l && l.Any() ? Statistics.Median(l) : null;

    private static double Rate(int n, int d) => d == 0 ? 0 : (double)n / d;
}

/// <summary>Replays early warning month by month over history: how early were the large surges flagged, how often did it cry wolf.</summary>
/// <remarks>Every method only ever sees months up to the one it scores, so evaluating the whole series at once equals a month-by-month
/// replay, and one evaluation can be scored on any window. Months count from the third year of each series (the first two give
/// every method its baseline). Benchmark (OECD, "Migration Anticipation and Preparedness", ch. 7: compare with a naive method):
/// seasonal naive, alert when the last three months are at least twice the same three months a year earlier.</remarks>
public static class EarlyWarningBacktest
{
    /// <summary>Months at the start of each series that give the methods their baseline and are not scored.</summary>
    public const int BurnInMonths = 24;

    public static BacktestResult Run(IEnumerable<DetectionCount> detections, YearMonth from, YearMonth to, EarlyWarningOptions options, SurgeDefinition surges)
    {
        var points = RouteSeries(detections).ToDictionary(r => r.Key, r => EarlyWarning.Evaluate(r.Value, options), StringComparer.Ordinal);
        return Score(points, from, to, options, surges);
    }

    /// <summary>Each route's monthly series (all nationalities).</summary>
    public static SortedDictionary<string, Dictionary<YearMonth, long>> RouteSeries(IEnumerable<DetectionCount> detections)
    {
        var routes = new SortedDictionary<string, Dictionary<YearMonth, long>>(StringComparer.Ordinal);
        foreach (var d in detections)
        {
            if (!routes.TryGetValue(d.Route, out var series))
            {
                routes[d.Route] = series = [];
            }

            series[d.Month] = series.GetValueOrDefault(d.Month) + d.Count;
        }

        return routes;
    }

    /// <summary>Scores evaluated routes on the months <paramref name="from"/>–<paramref name="to"/>.</summary>
    public static BacktestResult Score(IReadOnlyDictionary<string, IReadOnlyList<EarlyWarningPoint>> points, YearMonth from, YearMonth to,
        EarlyWarningOptions options, SurgeDefinition surges) =>
        new(options, surges, from, to, points.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => ScoreRoute(r.Key, r.Value, from, to, surges)).ToList());

    private static RouteBacktest ScoreRoute(string route, IReadOnlyList<EarlyWarningPoint> all, YearMonth from, YearMonth to, SurgeDefinition def)
    {
        var points = all.Where(p => p.Month <= to).ToList();
        var byMonth = points.ToDictionary(p => p.Month);
        var alerts = points.Where(p => p.Alert && p.Month >= from).Select(p => p.Month).ToHashSet();
        var benchmarkOptions = new EarlyWarningOptions(Method: EarlyWarningMethod.SeasonalNaive);
        var bench = points.Where(p => p.Month >= from && Benchmark(byMonth, p, benchmarkOptions)).Select(p => p.Month).ToHashSet();
        long YearTotal(int y) => Enumerable.Range(1, 12).Sum(m => byMonth.TryGetValue(new YearMonth(y, m), out var p) ? p.Count : 0);

        var episodes = new List<SurgeEpisode>();
        var covered = new HashSet<YearMonth>();
        // Complete calendar years only, so that a partial last year is not compared with a full one.
        for (var year = from.Year; year <= to.Year && new YearMonth(year, 12) <= to; year++)
        {
            var total = YearTotal(year);
            var previous = YearTotal(year - 1);
            if (total < def.MinimumTotal || total < def.Growth * previous)
            {
                continue;
            }

            var start = new YearMonth(year, 1);
            var peak = Enumerable.Range(1, 12).Select(m => byMonth[new YearMonth(year, m)]).OrderByDescending(p => p.Count).First();
            var window = YearMonth.Range(start.AddMonths(-def.LeadWindowMonths), peak.Month).ToList();
            covered.UnionWith(YearMonth.Range(start.AddMonths(-def.LeadWindowMonths), new YearMonth(year, 12)));
            var first = window.Where(alerts.Contains).Select(m => (YearMonth?)m).FirstOrDefault();
            var benchFirst = window.Where(bench.Contains).Select(m => (YearMonth?)m).FirstOrDefault();
            episodes.Add(new SurgeEpisode(route, year, total, previous, peak.Month, peak.Count,
                first, first is { } f ? peak.Month.Index - f.Index : null, benchFirst, benchFirst is { } b ? peak.Month.Index - b.Index : null));
        }

        var scoredFrom = points.Count > 0 ? points[0].Month.AddMonths(BurnInMonths) : from;
        var quiet = points.Where(p => p.Month >= from && p.Month >= scoredFrom && !covered.Contains(p.Month)).Select(p => p.Month).ToList();
        var falseAlerts = quiet.Where(alerts.Contains).ToList();
        return new RouteBacktest(route, episodes, quiet.Count, falseAlerts.Count, quiet.Count(bench.Contains), falseAlerts);
    }

    private static bool Benchmark(Dictionary<YearMonth, EarlyWarningPoint> byMonth, EarlyWarningPoint p, EarlyWarningOptions options) =>
        byMonth.TryGetValue(p.Month.AddYears(-1), out var year) && EarlyWarning.SeasonalNaiveAlert(p.Count, p.Smoothed, year.Smoothed, options);
}
