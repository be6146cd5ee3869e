namespace Tessera.Core.Picture;

/// <summary>Settings of the early-warning rule; the defaults are those backtested in <c>docs/early-warning.md</c>.</summary>
/// <param name="Threshold">Alert when the score reaches this many robust standard deviations.</param>
/// <param name="SmoothingMonths">Counts are summed over this many months ending at the month scored (1 = no smoothing).</param>
/// <param name="BaselineYears">The seasonal baseline is the median of the same month in up to this many previous years.</param>
/// <param name="SpreadWindowMonths">The spread is the MAD of the residuals over this many preceding months.</param>
/// <param name="SpreadFloor">Smallest spread in log units, so that a quiet series does not alert on noise.</param>
/// <param name="MinimumRise">An alert also needs a rise of at least this fraction on the baseline (0.5 = +50 %).</param>
/// <param name="MinimumCount">An alert also needs at least this many detections in the month scored.</param>
/// <param name="Method">The robust control chart (default), or the seasonal-naive rule it is benchmarked against.</param>
public sealed record EarlyWarningOptions(
    double Threshold = 3.0,
    int SmoothingMonths = 3,
    int BaselineYears = 3,
    int SpreadWindowMonths = 36,
    double SpreadFloor = 0.3,
    double MinimumRise = 0.5,
    long MinimumCount = 200,
    EarlyWarningMethod Method = EarlyWarningMethod.Robust);

/// <summary>How a month is judged abnormal.</summary>
public enum EarlyWarningMethod
{
    /// <summary>Seasonally adjusted log counts against a robust spread (<see cref="EarlyWarning"/>): fewer false alerts.</summary>
    Robust,

    /// <summary>The last <c>SmoothingMonths</c> months at least twice the same months a year earlier (OECD's naive
    /// benchmark): flags more surges, at a higher false-alert rate (docs/early-warning.md).</summary>
    SeasonalNaive,
}

/// <summary>One month of a series as the early-warning rule sees it.</summary>
/// <param name="Expected">The seasonal baseline, in detections over the smoothing window; null in the first year.</param>
/// <param name="Score">Residual over robust spread; null until a baseline and a spread exist.</param>
public sealed record EarlyWarningPoint(YearMonth Month, long Count, long Smoothed, double? Expected, double? Score, bool Alert);

/// <summary>An alert: a route (and optionally a nationality) whose latest month departs from its seasonal baseline.</summary>
public sealed record EarlyWarningAlert(string Route, string? Nationality, YearMonth Month, long Count, long Smoothed, double Expected, double Score);

/// <summary>Early warning of an "abnormal change in the observed values" (Impl. Reg. (EU) 2021/581 Art. 8(4)(a)).</summary>
/// <remarks>
/// A control chart on seasonally adjusted log counts, robust to outliers:
/// <list type="number">
/// <item>y(t) = log(1 + sum of the last <c>SmoothingMonths</c> counts);</item>
/// <item>baseline b(t) = median of y(t − 12k), k = 1…<c>BaselineYears</c> (seasonal naive, robust to one odd year);</item>
/// <item>residual r(t) = y(t) − b(t), spread s(t) = max(1.4826 · MAD of r over the preceding <c>SpreadWindowMonths</c>, floor);</item>
/// <item>score z(t) = r(t) / s(t); alert when z ≥ threshold, the rise e^r − 1 ≥ <c>MinimumRise</c> and the month has ≥ <c>MinimumCount</c>.</item>
/// </list>
/// The score is not centred on the recent residuals: a sustained rise keeps alerting instead of becoming the new normal.
/// O(n · w) for a series of n months and spread window w.
/// </remarks>
public static class EarlyWarning
{
    /// <summary>Scores every month of a monthly series; missing months count as zero.</summary>
    public static IReadOnlyList<EarlyWarningPoint> Evaluate(IReadOnlyDictionary<YearMonth, long> series, EarlyWarningOptions options)
    {
        if (series.Count == 0)
        {
            return [];
        }

        var first = series.Keys.Min();
        var last = series.Keys.Max();
        var months = YearMonth.Range(first, last).ToArray();
        var x = months.Select(m => series.GetValueOrDefault(m)).ToArray();
        var smoothed = new long[x.Length];
        var y = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            for (var k = Math.Max(0, t - options.SmoothingMonths + 1); k <= t; k++)
            {
                smoothed[t] += x[k];
            }

            y[t] = Math.Log(1 + smoothed[t]);
        }

        var residual = new double?[x.Length];
        var baseline = new double?[x.Length];
        for (var t = 12; t < x.Length; t++)
        {
            var previous = Enumerable.Range(1, options.BaselineYears).Select(k => t - (12 * k)).Where(i => i >= 0).Select(i => y[i]).ToArray();
            baseline[t] = Statistics.Median(previous);
            residual[t] = y[t] - baseline[t];
        }

        var points = new List<EarlyWarningPoint>(x.Length);
        for (var t = 0; t < x.Length; t++)
        {
            double? score = null;
            var history = Enumerable.Range(Math.Max(0, t - options.SpreadWindowMonths), Math.Min(t, options.SpreadWindowMonths))
                .Where(i => residual[i] is not null).Select(i => residual[i]!.Value).ToArray();
            if (residual[t] is { } r && history.Length >= 12)
            {
                score = r / Math.Max(Statistics.Mad(history), options.SpreadFloor);
            }

            if (options.Method == EarlyWarningMethod.SeasonalNaive)
            {
                // Expected: the same months a year earlier (a full window only); score: the ratio to them.
                var yearEarlier = t - 12 >= options.SmoothingMonths - 1 ? smoothed[t - 12] : (long?)null;
                points.Add(new EarlyWarningPoint(months[t], x[t], smoothed[t], yearEarlier, yearEarlier is { } e ? (double)smoothed[t] / Math.Max(e, 1) : null,
                    yearEarlier is { } before && SeasonalNaiveAlert(x[t], smoothed[t], before, options)));
                continue;
            }

            var alert = score >= options.Threshold
                && Math.Exp(residual[t]!.Value) - 1 >= options.MinimumRise
                && x[t] >= options.MinimumCount;
            points.Add(new EarlyWarningPoint(months[t], x[t], smoothed[t], baseline[t] is { } b ? Math.Exp(b) - 1 : null, score, alert));
        }

        return points;
    }

    /// <summary>The method named <c>robust</c> or <c>seasonal-naive</c>.</summary>
    /// <exception cref="Model.ModelException">Another name.</exception>
    public static EarlyWarningMethod ParseMethod(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "robust" => EarlyWarningMethod.Robust,
        "seasonal-naive" or "naive" => EarlyWarningMethod.SeasonalNaive,
        _ => throw new Model.ModelException($"unknown early-warning method '{name}' (robust or seasonal-naive)", field: "method"),
    };

    /// <summary>The seasonal-naive rule: at least <c>MinimumCount</c> this month, and the smoothed count at least twice the
    /// smoothed count a year earlier.</summary>
    internal static bool SeasonalNaiveAlert(long count, long smoothed, long yearEarlierSmoothed, EarlyWarningOptions options) =>
        count >= options.MinimumCount && smoothed >= 2 * Math.Max(yearEarlierSmoothed, 1);

    /// <summary>Alerts raised in <paramref name="month"/>, per route and per top nationality of each route.</summary>
    /// <param name="topNationalities">How many of each route's largest nationalities (over the preceding 12 months) to score.</param>
    public static IReadOnlyList<EarlyWarningAlert> Scan(IEnumerable<DetectionCount> detections, YearMonth month, EarlyWarningOptions options, int topNationalities = 5)
    {
        var list = detections.Where(d => d.Month <= month).ToList();
        var alerts = new List<EarlyWarningAlert>();
        foreach (var route in list.GroupBy(d => d.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            alerts.AddRange(AlertAt(Series(route), month, options).Select(p => ToAlert(route.Key, null, p)));
            var top = route.Where(d => d.Month > month.AddMonths(-12))
                .GroupBy(d => d.Nationality).OrderByDescending(g => g.Sum(d => d.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(topNationalities).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var nationality in route.Where(d => top.Contains(d.Nationality)).GroupBy(d => d.Nationality).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                alerts.AddRange(AlertAt(Series(nationality), month, options).Select(p => ToAlert(route.Key, nationality.Key, p)));
            }
        }

        return alerts;
    }

    private static Dictionary<YearMonth, long> Series(IEnumerable<DetectionCount> detections)
    {
        var series = new Dictionary<YearMonth, long>();
        foreach (var d in detections)
        {
            series[d.Month] = series.GetValueOrDefault(d.Month) + d.Count;
        }

        return series;
    }

    private static IEnumerable<EarlyWarningPoint> AlertAt(Dictionary<YearMonth, long> series, YearMonth month, EarlyWarningOptions options)
    {
        // Score up to the month asked for, even when the series stopped earlier (zeros are data too).
        series.TryAdd(month, 0);
        return Evaluate(series, options).Where(p => p.Month == month && p.Alert);
    }

    private static EarlyWarningAlert ToAlert(string route, string? nationality, EarlyWarningPoint p) =>
        new(route, nationality, p.Month, p.Count, p.Smoothed, p.Expected ?? 0, p.Score ?? 0);
}
