namespace Tessera.Core.Picture;

/// <summary>Settings of early warning; the defaults are those chosen on 2010–2016 and scored on later years in
/// <c>docs/early-warning.md</c>.</summary>
/// <param name="Threshold">Robust rule: alert when the score reaches this many robust standard deviations.</param>
/// <param name="SmoothingMonths">Robust and seasonal-naive rules: counts are summed over this many months ending at the month scored.</param>
/// <param name="BaselineYears">Robust rule: the seasonal baseline is the median of the same month in up to this many previous years.</param>
/// <param name="SpreadWindowMonths">Robust rule: the spread is the MAD of the residuals over this many preceding months.</param>
/// <param name="SpreadFloor">Robust rule: smallest spread in log units, so that a quiet series does not alert on noise.</param>
/// <param name="MinimumRise">Robust rule: an alert also needs a rise of at least this fraction on the baseline (0.5 = +50 %).</param>
/// <param name="MinimumCount">Every method: an alert also needs at least this many detections in the month scored.</param>
/// <param name="Method">How a month is judged abnormal; the quasi-Poisson regression by default.</param>
/// <param name="NaiveRatio">Seasonal-naive rule: alert when the last months are at least this multiple of the same months a year earlier.</param>
public sealed record EarlyWarningOptions(
    double Threshold = 3.0,
    int SmoothingMonths = 3,
    int BaselineYears = 3,
    int SpreadWindowMonths = 36,
    double SpreadFloor = 0.3,
    double MinimumRise = 0.5,
    long MinimumCount = 200,
    EarlyWarningMethod Method = EarlyWarningMethod.Farrington,
    double NaiveRatio = 2.0)
{
    /// <summary>Settings of the quasi-Poisson regression (<see cref="EarlyWarningMethod.Farrington"/>).</summary>
    public FarringtonSettings Farrington { get; init; } = new();

    /// <summary>Settings of the CUSUM on the regression's residuals (<see cref="EarlyWarningMethod.Cusum"/>).</summary>
    public CusumSettings Cusum { get; init; } = new();

    /// <summary>The settings of the method in use, in words.</summary>
    public string Describe() => Method switch
    {
        EarlyWarningMethod.Farrington => Farrington.ToString(),
        EarlyWarningMethod.Cusum => Cusum.ToString(),
        EarlyWarningMethod.SeasonalNaive => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SmoothingMonths} months ≥ {NaiveRatio:0.##} × a year earlier"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"threshold {Threshold:0.##}, {BaselineYears}-year median baseline, {SpreadWindowMonths}-month spread"),
    };
}

/// <summary>How a month is judged abnormal.</summary>
public enum EarlyWarningMethod
{
    /// <summary>The month's count above the prediction interval of a quasi-Poisson regression on the same months of previous
    /// years, past surges down-weighted (Farrington et al. 1996; Noufaily et al. 2013): the default.</summary>
    Farrington,

    /// <summary>A CUSUM of the regression's standardised residuals: catches sustained moderate rises that no single month shows.</summary>
    Cusum,

    /// <summary>Seasonally adjusted log counts against a robust spread: few false alerts, misses slow build-ups.</summary>
    Robust,

    /// <summary>The last <c>SmoothingMonths</c> months at least <c>NaiveRatio</c> times the same months a year earlier (OECD's naive
    /// benchmark).</summary>
    SeasonalNaive,
}

/// <summary>One month of a series as an early-warning method sees it.</summary>
/// <param name="Smoothed">Detections over the last <c>SmoothingMonths</c> months.</param>
/// <param name="Observed">The value the method tests: the month's count (regression, CUSUM) or <paramref name="Smoothed"/> (robust, seasonal naive).</param>
/// <param name="Expected">What the method expected for <paramref name="Observed"/>; null before the method has a baseline.</param>
/// <param name="Score">The method's score: standardised residual (regression), cumulated excess (CUSUM), residual over robust
/// spread (robust), ratio to a year earlier (seasonal naive); null until a baseline exists.</param>
/// <param name="Lower">Lower end of the expected interval (regression, CUSUM), when the method has one.</param>
/// <param name="Upper">Upper end of the expected interval: above it the regression alerts.</param>
/// <param name="Drivers">The months that raised the alert: the month itself, or for the CUSUM the months whose excess it cumulated.</param>
public sealed record EarlyWarningPoint(YearMonth Month, long Count, long Smoothed, double? Expected, double? Score, bool Alert,
    long Observed = 0, double? Lower = null, double? Upper = null, IReadOnlyList<YearMonth>? Drivers = null);

/// <summary>An alert: a route (and optionally a nationality) whose month departs from what was expected, and why.</summary>
public sealed record EarlyWarningAlert(string Route, string? Nationality, YearMonth Month, long Count, long Smoothed, double Expected, double Score,
    EarlyWarningMethod Method = EarlyWarningMethod.Farrington, long Observed = 0, double? Lower = null, double? Upper = null,
    IReadOnlyList<YearMonth>? Drivers = null)
{
    /// <summary>Why the alert was raised, in one sentence.</summary>
    public string Explanation => EarlyWarning.Explain(this);
}

/// <summary>Early warning of an "abnormal change in the observed values" (Impl. Reg. (EU) 2021/581 Art. 8(4)(a)).</summary>
/// <remarks>
/// Four methods, each seeing only the months up to the one it scores:
/// <list type="bullet">
/// <item>Farrington (default): the quasi-Poisson regression of <see cref="Picture.Farrington"/> gives the month's expected count and
/// its prediction interval; alert when the count is above the interval and at least <c>MinimumCount</c>.</item>
/// <item>CUSUM: S(t) = max(0, S(t−1) + r(t) − k) over the regression's standardised residuals r; alert when S passes h, then S = 0.</item>
/// <item>Robust: y(t) = log(1 + last <c>SmoothingMonths</c> counts), baseline the median of y(t − 12k), k = 1…<c>BaselineYears</c>,
/// score (y − b) / max(1.4826 · MAD of past residuals, floor); alert when the score, the rise and the count are high enough.
/// Not centred on recent residuals, so a sustained rise keeps alerting.</item>
/// <item>Seasonal naive: the last <c>SmoothingMonths</c> at least <c>NaiveRatio</c> times the same months a year earlier.</item>
/// </list>
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

        var months = YearMonth.Range(series.Keys.Min(), series.Keys.Max()).ToArray();
        var counts = months.Select(m => series.GetValueOrDefault(m)).ToArray();
        return options.Method switch
        {
            EarlyWarningMethod.Farrington => Regression(months, counts, options),
            EarlyWarningMethod.Cusum => Cusum(months, counts, options),
            _ => RobustOrNaive(months, counts, options),
        };
    }

    /// <summary>The regression method over precomputed fits (the backtest reuses one fit for several interval widths).</summary>
    internal static IReadOnlyList<EarlyWarningPoint> Regression(YearMonth[] months, long[] counts, EarlyWarningOptions options, FarringtonFit?[]? fits = null)
    {
        fits ??= Picture.Farrington.Fit(counts, options.Farrington);
        var z = options.Farrington.Z;
        var smoothed = Smooth(counts, options.SmoothingMonths);
        var points = new EarlyWarningPoint[counts.Length];
        for (var t = 0; t < counts.Length; t++)
        {
            if (fits[t] is not { } fit)
            {
                points[t] = new EarlyWarningPoint(months[t], counts[t], smoothed[t], null, null, false, counts[t]);
                continue;
            }

            var upper = fit.Upper(z);
            var alert = counts[t] > upper && counts[t] >= options.MinimumCount;
            points[t] = new EarlyWarningPoint(months[t], counts[t], smoothed[t], fit.Expected, fit.Residual(counts[t]), alert, counts[t],
                fit.Lower(z), upper, alert ? [months[t]] : null);
        }

        return points;
    }

    /// <summary>The CUSUM method over precomputed fits of its baseline regression.</summary>
    internal static IReadOnlyList<EarlyWarningPoint> Cusum(YearMonth[] months, long[] counts, EarlyWarningOptions options, FarringtonFit?[]? fits = null)
    {
        var settings = options.Cusum;
        fits ??= Picture.Farrington.Fit(counts, settings.Baseline);
        var z = settings.Baseline.Z;
        var smoothed = Smooth(counts, options.SmoothingMonths);
        var points = new EarlyWarningPoint[counts.Length];
        var sum = 0.0;
        var since = -1;
        for (var t = 0; t < counts.Length; t++)
        {
            if (fits[t] is not { } fit)
            {
                points[t] = new EarlyWarningPoint(months[t], counts[t], smoothed[t], null, null, false, counts[t]);
                continue;
            }

            var before = sum;
            sum = Math.Max(0, sum + fit.Residual(counts[t]) - settings.K);
            if (sum > 0 && before == 0)
            {
                since = t;
            }

            var alert = sum > settings.H && counts[t] >= options.MinimumCount;
            var drivers = alert ? months[since..(t + 1)] : null;
            points[t] = new EarlyWarningPoint(months[t], counts[t], smoothed[t], fit.Expected, sum, alert, counts[t], fit.Lower(z), fit.Upper(z), drivers);
            if (sum > settings.H)
            {
                sum = 0;
            }
        }

        return points;
    }

    private static List<EarlyWarningPoint> RobustOrNaive(YearMonth[] months, long[] x, EarlyWarningOptions options)
    {
        var smoothed = Smooth(x, options.SmoothingMonths);
        var y = smoothed.Select(v => Math.Log(1 + v)).ToArray();
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
            if (options.Method == EarlyWarningMethod.SeasonalNaive)
            {
                // Expected: the same months a year earlier (a full window only); score: the ratio to them.
                var yearEarlier = t - 12 >= options.SmoothingMonths - 1 ? smoothed[t - 12] : (long?)null;
                var naive = yearEarlier is { } before && SeasonalNaiveAlert(x[t], smoothed[t], before, options);
                points.Add(new EarlyWarningPoint(months[t], x[t], smoothed[t], yearEarlier, yearEarlier is { } e ? (double)smoothed[t] / Math.Max(e, 1) : null,
                    naive, smoothed[t], Upper: yearEarlier is { } u ? options.NaiveRatio * Math.Max(u, 1) : null, Drivers: naive ? months[(t - options.SmoothingMonths + 1)..(t + 1)] : null));
                continue;
            }

            double? score = null;
            var history = Enumerable.Range(Math.Max(0, t - options.SpreadWindowMonths), Math.Min(t, options.SpreadWindowMonths))
                .Where(i => residual[i] is not null).Select(i => residual[i]!.Value).ToArray();
            double? spread = history.Length >= 12 ? Math.Max(Statistics.Mad(history), options.SpreadFloor) : null;
            if (residual[t] is { } r && spread is { } sp)
            {
                score = r / sp;
            }

            var alert = score >= options.Threshold
                && Math.Exp(residual[t]!.Value) - 1 >= options.MinimumRise
                && x[t] >= options.MinimumCount;
            double? upper = baseline[t] is { } bu && spread is { } su ? Math.Exp(bu + (options.Threshold * su)) - 1 : null;
            double? lower = baseline[t] is { } bl && spread is { } sl ? Math.Max(0, Math.Exp(bl - (options.Threshold * sl)) - 1) : null;
            points.Add(new EarlyWarningPoint(months[t], x[t], smoothed[t], baseline[t] is { } b ? Math.Exp(b) - 1 : null, score, alert, smoothed[t],
                lower, upper, alert ? months[Math.Max(0, t - options.SmoothingMonths + 1)..(t + 1)] : null));
        }

        return points;
    }

    private static long[] Smooth(long[] x, int months)
    {
        var smoothed = new long[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            for (var k = Math.Max(0, t - months + 1); k <= t; k++)
            {
                smoothed[t] += x[k];
            }
        }

        return smoothed;
    }

    /// <summary>The method named <c>farrington</c>, <c>cusum</c>, <c>robust</c> or <c>seasonal-naive</c>.</summary>
    /// <exception cref="Model.ModelException">Another name.</exception>
    public static EarlyWarningMethod ParseMethod(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "farrington" or "regression" => EarlyWarningMethod.Farrington,
        "cusum" => EarlyWarningMethod.Cusum,
        "robust" => EarlyWarningMethod.Robust,
        "seasonal-naive" or "naive" => EarlyWarningMethod.SeasonalNaive,
        _ => throw new Model.ModelException($"unknown early-warning method '{name}' (farrington, cusum, robust or seasonal-naive)", field: "method"),
    };

    /// <summary>The name <see cref="ParseMethod"/> reads.</summary>
    public static string Name(EarlyWarningMethod method) => method switch
    {
        EarlyWarningMethod.Farrington => "farrington",
        EarlyWarningMethod.Cusum => "cusum",
        EarlyWarningMethod.Robust => "robust",
        _ => "seasonal-naive",
    };

    /// <summary>The seasonal-naive rule: at least <c>MinimumCount</c> this month, and the smoothed count at least
    /// <c>NaiveRatio</c> times the smoothed count a year earlier.</summary>
    internal static bool SeasonalNaiveAlert(long count, long smoothed, long yearEarlierSmoothed, EarlyWarningOptions options) =>
        count >= options.MinimumCount && smoothed >= options.NaiveRatio * Math.Max(yearEarlierSmoothed, 1);

    /// <summary>Alerts raised in <paramref name="month"/>, per route and per top nationality of each route.</summary>
    /// <param name="topNationalities">How many of each route's largest nationalities (over the preceding 12 months) to score.</param>
    /// <param name="route">Only this route, when given (ignoring case and a trailing " Route", as <see cref="PictureQuery"/>).</param>
    /// <param name="nationality">Only this nationality (its name or ISO3 code), when given; it is scored even outside the top.</param>
    public static IReadOnlyList<EarlyWarningAlert> Scan(IEnumerable<DetectionCount> detections, YearMonth month, EarlyWarningOptions options,
        int topNationalities = 5, string? route = null, string? nationality = null)
    {
        var list = detections.Where(d => d.Month <= month && (route is null || PictureQuery.RouteMatches(d.Route, route))).ToList();
        var alerts = new List<EarlyWarningAlert>();
        foreach (var group in list.GroupBy(d => d.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (nationality is null)
            {
                alerts.AddRange(AlertAt(Series(group), month, options).Select(p => ToAlert(group.Key, null, p, options.Method)));
            }

            var top = nationality is not null
                ? group.Where(d => d.Nationality.Equals(nationality, StringComparison.OrdinalIgnoreCase) || string.Equals(d.NationalityIso3, nationality, StringComparison.OrdinalIgnoreCase))
                    .Select(d => d.Nationality).ToHashSet(StringComparer.Ordinal)
                : group.Where(d => d.Month > month.AddMonths(-12))
                    .GroupBy(d => d.Nationality).OrderByDescending(g => g.Sum(d => d.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(topNationalities).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var n in group.Where(d => top.Contains(d.Nationality)).GroupBy(d => d.Nationality).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                alerts.AddRange(AlertAt(Series(n), month, options).Select(p => ToAlert(group.Key, n.Key, p, options.Method)));
            }
        }

        return alerts;
    }

    /// <summary>Why an alert was raised: observed against expected with its interval, the method, and the months that drove it.</summary>
    public static string Explain(EarlyWarningAlert a)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var what = (a.Nationality is null ? a.Route : $"{a.Nationality} on {a.Route}") + " in " + a.Month;
        var range = a.Lower is { } lo && a.Upper is { } hi ? string.Create(inv, $" (interval {lo:N0}–{hi:N0})") : a.Upper is { } up ? string.Create(inv, $" (alert above {up:N0})") : "";
        var drivers = a.Drivers is { Count: > 1 } d ? $"; driven by {d[0]}–{d[^1]}" : "";
        return a.Method switch
        {
            EarlyWarningMethod.Farrington => string.Create(inv, $"{what}: {a.Observed:N0} detections against {a.Expected:N0} expected{range}, above the quasi-Poisson regression's interval on the same months of previous years{drivers}"),
            EarlyWarningMethod.Cusum => string.Create(inv, $"{what}: {a.Observed:N0} detections against {a.Expected:N0} expected{range}; the cumulated excess over the regression reached {a.Score:0.0}{drivers}"),
            EarlyWarningMethod.SeasonalNaive => string.Create(inv, $"{what}: {a.Observed:N0} detections in 3 months, {a.Score:0.0} times the {a.Expected:N0} of a year earlier{drivers}"),
            _ => string.Create(inv, $"{what}: {a.Observed:N0} detections in 3 months against {a.Expected:N0} expected{range}, score {a.Score:0.0} robust standard deviations{drivers}"),
        };
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

    private static EarlyWarningAlert ToAlert(string route, string? nationality, EarlyWarningPoint p, EarlyWarningMethod method) =>
        new(route, nationality, p.Month, p.Count, p.Smoothed, p.Expected ?? 0, p.Score ?? 0, method, p.Observed, p.Lower, p.Upper, p.Drivers ?? [p.Month]);
}
