namespace Tessera.Core.Picture;

/// <summary>One price asked for a crossing, as extracted from an online post: route, month, amount and currency.</summary>
/// <param name="Reference">Where the price comes from (post id), for tracing back.</param>
public sealed record PriceObservation(string Route, YearMonth Month, double Amount, string Currency, string Reference = "");

/// <summary>The price index of one route and month in one currency: median and range of the observed prices.</summary>
/// <param name="Index">Median relative to the route's base month (the first month with observations in that currency) × 100.</param>
public sealed record PriceIndexPoint(string Route, YearMonth Month, string Currency, int Observations, double Median, double Min, double Max,
    double Lower, double Upper, double Index);

/// <summary>Price index per route and month from smuggling prices advertised online.</summary>
/// <remarks>Medians, not means: advertised prices are skewed and carry outliers (typos, package deals). Lower/Upper are the
/// 25th and 75th percentiles (linear interpolation). Currencies are never mixed or converted: one series per currency.</remarks>
public static class SmugglingPrices
{
    public static IReadOnlyList<PriceIndexPoint> Index(IEnumerable<PriceObservation> observations)
    {
        var points = new List<PriceIndexPoint>();
        foreach (var series in observations
                     .Where(o => o.Amount > 0 && double.IsFinite(o.Amount))
                     .GroupBy(o => (o.Route, Currency: o.Currency.Trim().ToUpperInvariant()))
                     .OrderBy(g => g.Key.Route, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
        {
            double? baseMedian = null;
            foreach (var month in series.GroupBy(o => o.Month).OrderBy(g => g.Key))
            {
                var amounts = month.Select(o => o.Amount).Order().ToArray();
                var median = Statistics.Quantile(amounts, 0.5);
                baseMedian ??= median;
                points.Add(new PriceIndexPoint(series.Key.Route, month.Key, series.Key.Currency, amounts.Length, median, amounts[0], amounts[^1],
                    Statistics.Quantile(amounts, 0.25), Statistics.Quantile(amounts, 0.75), 100 * median / baseMedian.Value));
            }
        }

        return points;
    }
}

/// <summary>Robust statistics used by the picture: quantiles, median, median absolute deviation.</summary>
public static class Statistics
{
    /// <summary>The <paramref name="q"/>-quantile of sorted values, linear interpolation between order statistics (Hyndman–Fan type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public static double Median(IEnumerable<double> values) => Quantile(values.Order().ToArray(), 0.5);

    /// <summary>Median absolute deviation from the median, scaled by 1.4826 to estimate σ for normal data.</summary>
    public static double Mad(IReadOnlyCollection<double> values)
    {
        var median = Median(values);
        return 1.4826 * Median(values.Select(v => Math.Abs(v - median)));
    }
}
