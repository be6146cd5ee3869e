using System.Globalization;
using Tessera.Core.Picture;
using Tessera.Web.Picture;

namespace Tessera.Web.Components.Picture;

/// <summary>One line of the time series: a route's monthly counts (null where hidden).</summary>
internal sealed record ChartLine(string Name, IReadOnlyList<long?> Counts);

/// <summary>An early-warning pin on the time series, at a route and month, with its text.</summary>
internal sealed record ChartAlert(string Route, string Month, string Label);

/// <summary>The expected band drawn behind the time series: the early-warning method's interval for the total of the lines shown.</summary>
internal sealed record ChartBand(string Name, IReadOnlyList<double?> Lower, IReadOnlyList<double?> Upper, IReadOnlyList<double?> Expected);

/// <summary>The data of charts.js's <c>timeSeries</c>: months in the user's culture, lines, alerts, and the expected band.</summary>
internal sealed record TimeSeriesData(string Locale, string Title, string? Subtitle, IReadOnlyList<string> Months, bool Stacked,
    IReadOnlyList<ChartLine> Series, IReadOnlyList<ChartAlert> Alerts, ChartBand? Band = null)
{
    /// <summary>Months (as labelled) the data holds only in part: shaded and left undrawn, never shown as zero.</summary>
    public IReadOnlyList<string> Incomplete { get; init; } = [];

    /// <summary>What the values are ("Detections", "Median price", "Arrivals"): the axis name.</summary>
    public string Measure { get; init; } = "Detections";
}

/// <summary>The data of charts.js's <c>bars</c>: one bar per category with its value and its label, formatted here.</summary>
internal sealed record BarsData(string Locale, string Title, string? Subtitle, string Format, IReadOnlyList<string> Categories,
    IReadOnlyList<double?> Values, IReadOnlyList<string> Labels);

/// <summary>Turns the picture's figures into the plain data the browser draws; every label in the user's culture.</summary>
internal static class PictureChartData
{
    private static string Locale => CultureInfo.CurrentCulture.Name;

    /// <summary>A month as the user's culture writes it ("Mar 2023" in en-GB).</summary>
    public static string Month(YearMonth month) =>
        Formats.Month(month.Year, month.Month);

    /// <summary>The default early-warning method's expected value and interval, month by month, for the total of the detections the
    /// query selects; null for months without a baseline and, for aggregate-only users, where the interval falls below the small-count threshold.</summary>
    public static ChartBand ExpectedBand(IEnumerable<DetectionCount> detections, PictureQuery query, bool hideSmallCounts)
    {
        var total = new Dictionary<YearMonth, long>();
        foreach (var d in detections.Where(query.Matches))
        {
            total[d.Month] = total.GetValueOrDefault(d.Month) + d.Count;
        }

        var options = new EarlyWarningOptions();
        var points = EarlyWarning.Evaluate(total, options).ToDictionary(p => p.Month);
        double? Shown(double? v) => v is { } x && (!hideSmallCounts || x >= PictureAnalysis.SmallCountThreshold) ? Math.Round(x) : null;
        var months = YearMonth.Range(query.From, query.To).ToList();
        EarlyWarningPoint? At(YearMonth m) => points.GetValueOrDefault(m);
        return new ChartBand("Expected (" + EarlyWarning.Name(options.Method) + " interval)",
            months.Select(m => At(m) is { Upper: not null } p ? Shown(p.Lower) : null).ToList(),
            months.Select(m => Shown(At(m)?.Upper)).ToList(),
            months.Select(m => Shown(At(m)?.Expected)).ToList());
    }

    /// <summary>The detections by route; months of <paramref name="completeness"/> held only in part carry no value.</summary>
    public static TimeSeriesData TimeSeries(PictureSeries series, PictureSummary summary, IReadOnlyList<AlertDto> alerts, bool stacked,
        MonthCompleteness completeness, ChartBand? band = null)
    {
        var months = series.Months.Select(Month).ToList();
        var partial = series.Months.Select(completeness.IsIncomplete).ToList();
        var pins = alerts.GroupBy(a => (a.Route, a.Month))
            .Select(g => new ChartAlert(g.Key.Route, Month(g.Key.Month), AlertLabel(g.Key.Route, g.Key.Month, g.ToList())))
            .ToList();
        var title = "Detections by route, " + Month(series.From) + " – " + Month(series.To);
        var subtitle = PictureFormat.Number(summary.Total) + " detections, " + PictureFormat.Percent(summary.Change) + " on a year earlier";
        var lines = series.Series.Select(l => new ChartLine(l.Key, l.Counts.Select((c, i) => partial[i] ? null : c).ToList())).ToList();
        // The band belongs to the total: drawn when the lines add up to it (stacked) or there is one line.
        var drawBand = band is not null && (stacked || series.Series.Count == 1);
        return new TimeSeriesData(Locale, title, subtitle, months, stacked, lines, pins, drawBand ? band : null)
        {
            Incomplete = months.Where((_, i) => partial[i]).ToList(),
        };
    }

    /// <summary>The median advertised price per route and currency, month by month (whole currency units).</summary>
    public static TimeSeriesData Prices(IReadOnlyList<PriceIndexPoint> points)
    {
        var months = points.Select(p => p.Month).Distinct().Order().ToList();
        var lines = points.GroupBy(p => p.Route + " (" + p.Currency + ")")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartLine(g.Key, months.Select(m => g.FirstOrDefault(p => p.Month == m) is { } p ? (long?)Math.Round(p.Median) : null).ToList()))
            .ToList();
        var title = "Median advertised price per crossing";
        var subtitle = months.Count == 0 ? null : Month(months[0]) + " – " + Month(months[^1]);
        return new TimeSeriesData(Locale, title, subtitle, months.Select(Month).ToList(), false, lines, []) { Measure = "Median price" };
    }

    /// <summary>Daily arrivals, one point a day; counts from 1 to 4 hidden when <paramref name="hide"/>.</summary>
    public static TimeSeriesData Daily(IReadOnlyList<DailyArrival> days, bool hide)
    {
        var labels = days.Select(d => Formats.Day(d.Day)).ToList();
        var line = new ChartLine("Arrivals by sea", days.Select(d => PictureSeries.Hide(d.Count, hide)).ToList());
        var title = "Daily sea arrivals in Italy";
        var subtitle = days.Count == 0 ? null : labels[0] + " – " + labels[^1] + ", " + PictureFormat.Number(days.Sum(d => d.Count)) + " arrivals";
        return new TimeSeriesData(Locale, title, subtitle, labels, false, [line], []) { Measure = "Arrivals" };
    }

    /// <summary>Year-on-year change per route, each bar labelled with the route's total and its change.</summary>
    public static BarsData RouteChange(PictureSummary summary) => new(Locale, "Change on the same months a year earlier", "per route", "change",
        summary.Routes.Select(r => r.Route).ToList(), summary.Routes.Select(r => r.Change).ToList(),
        summary.Routes.Select(r => PictureFormat.Number(r.Total) + " · " + PictureFormat.Percent(r.Change)).ToList());

    /// <summary>The largest nationalities of the period, each bar labelled with its total and change.</summary>
    public static BarsData Nationalities(PictureSummary summary) => new(Locale, "Top nationalities", "detections in the period", "count",
        summary.TopNationalities.Select(n => n.Nationality).ToList(), summary.TopNationalities.Select(n => (double?)n.Total).ToList(),
        summary.TopNationalities.Select(n => PictureFormat.Number(n.Total) + " (" + PictureFormat.Percent(n.Change) + ")").ToList());

    /// <summary>One line per alert of a route and month: the route itself or one of its nationalities, with its score.</summary>
    public static string AlertLabel(string route, YearMonth month, IReadOnlyList<AlertDto> alerts) =>
        "Early warning, " + route + ", " + Month(month) + ": " + string.Join("; ", alerts.Select(a =>
            (a.Nationality ?? "all nationalities") + " " + PictureFormat.Number(a.Observed) + " against "
            + (a.Expected is { } e ? PictureFormat.Number((long)Math.Round(e)) : "–") + " expected (" + a.Method + ")"));
}
