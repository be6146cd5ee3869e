using Tessera.Core.Picture;

namespace Tessera.Web.Picture;

/// <summary>The body of a level change: <c>{ "level": "high", "reason": "…" }</c>.</summary>
internal sealed record SetLevelRequest(string? Level, string? Reason);

/// <summary>One border section as the dashboard draws it; level names are those a level change accepts.</summary>
internal sealed record SectionDto(string Code, string Name, string Kind, string Route, string MemberState, string Neighbour, double LengthKm,
    double Latitude, double Longitude, string Level, DateTimeOffset Since, string Reason, string SetBy, IReadOnlyList<string> Measures, ProposalDto? Proposal)
{
    public static SectionDto From(SectionStatus s, bool hideSmallCounts) => new(s.Section.Code, s.Section.Name, s.Section.Kind.ToString().ToLowerInvariant(),
        s.Section.Route, s.Section.MemberState, s.Section.Neighbour, s.Section.LengthKm, s.Section.Latitude, s.Section.Longitude,
        SectionImpactLevels.Name(s.Level), s.Since, s.Reason, s.SetBy, s.Measures,
        s.Proposal is { } p ? new ProposalDto(SectionImpactLevels.Name(p.Level), SectionImpactLevels.Measures(p.Level), p.Reasons,
            p.Indicators is { } i ? IndicatorsDto.From(i, hideSmallCounts) : null) : null);
}

/// <summary>A proposed level, the measures it would require, and why it is proposed.</summary>
internal sealed record ProposalDto(string Level, IReadOnlyList<string> Measures, IReadOnlyList<string> Reasons, IndicatorsDto? Indicators);

/// <summary>The indicators behind a proposal: the route's detections over the last three months of data and a year earlier,
/// the section's incidents over the same months, and the route's early warning.</summary>
internal sealed record IndicatorsDto(long? Detections, long? PreviousYear, double? Change, int Incidents, int HighIncidents, int VeryHighIncidents, bool EarlyWarning)
{
    public static IndicatorsDto From(SectionIndicators i, bool hideSmallCounts)
    {
        var detections = PictureSeries.Hide(i.Detections, hideSmallCounts);
        var previous = PictureSeries.Hide(i.PreviousYear, hideSmallCounts);
        double? change = detections is { } d && previous is > 0 ? ((double)d / previous.Value) - 1 : null;
        return new IndicatorsDto(detections, previous, change, i.Incidents, i.HighIncidents, i.VeryHighIncidents, i.EarlyWarning);
    }
}

/// <summary>One recorded change of a section's level.</summary>
internal sealed record LevelChangeDto(string Section, string Level, string Previous, string Reason, string SetBy, string Organisation, DateTimeOffset Time,
    IReadOnlyList<string> Measures)
{
    public static LevelChangeDto From(LevelChange c) => new(c.Section, SectionImpactLevels.Name(c.Level), SectionImpactLevels.Name(c.Previous),
        c.Reason, c.SetBy, c.Organisation, c.Time, SectionImpactLevels.Measures(c.Level));
}

/// <summary>Early-warning alerts of a period; <c>Suppressed</c> when counts below the small-count threshold are hidden.</summary>
internal sealed record AlertsDto(YearMonth? From, YearMonth? To, IReadOnlyList<AlertDto> Alerts, bool Suppressed);

/// <summary>One alert and why: the method, the value it tested (the month's count or its three-month sum) against the expected
/// value and its interval, the score, the months that drove it, and the explanation in words. Counts, expectation and explanation
/// are withheld together when the counts fall below the small-count threshold for an aggregate-only user.</summary>
internal sealed record AlertDto(string Route, string? Nationality, YearMonth Month, long? Count, long? Smoothed, double? Expected, double Score,
    string Method, long? Observed, double? Lower, double? Upper, IReadOnlyList<YearMonth> Drivers, string? Explanation)
{
    public static AlertDto From(EarlyWarningAlert a, bool hideSmallCounts)
    {
        var count = PictureSeries.Hide(a.Count, hideSmallCounts);
        var smoothed = PictureSeries.Hide(a.Smoothed, hideSmallCounts);
        var observed = PictureSeries.Hide(a.Observed, hideSmallCounts);
        var shown = count is not null && smoothed is not null && observed is not null;
        return new AlertDto(a.Route, a.Nationality, a.Month, count, smoothed, shown ? a.Expected : null, a.Score, EarlyWarning.Name(a.Method),
            observed, shown ? a.Lower : null, shown ? a.Upper : null, a.Drivers ?? [a.Month], shown ? a.Explanation : null);
    }
}

/// <summary>One line of a stacked chart: a route's (or nationality's) count for each month of <see cref="PictureSeries.Months"/>.</summary>
internal sealed record SeriesLine(string Key, long? Total, IReadOnlyList<long?> Counts);

/// <summary>Monthly detections per route or per nationality, each line aligned on the same months.</summary>
internal sealed record PictureSeries(YearMonth From, YearMonth To, string Source, string? Route, string? Nationality, string By,
    IReadOnlyList<YearMonth> Months, IReadOnlyList<SeriesLine> Series, bool Suppressed, string? Vintage)
{
    public const string Other = "Other";

    /// <summary>The lines, largest first; with <c>by = nationality</c> only the <paramref name="top"/> largest, the rest summed as "Other".</summary>
    public static PictureSeries Build(IEnumerable<DetectionCount> detections, PictureQuery query, string by, int top, string? vintage)
    {
        var months = YearMonth.Range(query.From, query.To).ToList();
        var inPeriod = detections.Where(d => query.Matches(d) && d.Month >= query.From && d.Month <= query.To);
        var series = PictureAnalysis.MonthlySeries(inPeriod, by == "nationality" ? d => d.Nationality : d => d.Route);
        var ordered = series.OrderByDescending(kv => kv.Value.Values.Sum()).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var kept = by == "nationality" ? ordered.Take(top).ToList() : ordered;
        var lines = kept.Select(kv => Line(kv.Key, months, kv.Value)).ToList();
        if (kept.Count < ordered.Count)
        {
            var rest = new SortedDictionary<YearMonth, long>();
            foreach (var (month, count) in ordered.Skip(kept.Count).SelectMany(kv => kv.Value))
            {
                rest[month] = rest.GetValueOrDefault(month) + count;
            }

            lines.Add(Line(Other, months, rest));
        }

        return new PictureSeries(query.From, query.To, query.Source, query.Route, query.Nationality, by, months, lines, false, vintage);
    }

    /// <summary>The series with every count from 1 to 4 hidden, and the complementary cells that would give one back from
    /// a line's total or a month's total (<see cref="SmallCounts"/>, as <see cref="PictureAnalysis.SuppressSmallCounts"/>).</summary>
    public PictureSeries Suppress()
    {
        var cells = SmallCounts.Hidden(Series.Select(l => l.Counts).ToList(), PictureAnalysis.SmallCountThreshold);
        var totals = SmallCounts.Hidden(Series.Select(l => l.Total).ToList(), PictureAnalysis.SmallCountThreshold);
        return this with
        {
            Series = Series.Select((l, r) => l with
            {
                Total = totals[r] ? null : l.Total,
                Counts = l.Counts.Select((c, m) => cells[r][m] ? null : c).ToList(),
            }).ToList(),
            Suppressed = true,
        };
    }

    internal static long? Hide(long? n, bool hide) => hide ? SmallCounts.Hide(n, PictureAnalysis.SmallCountThreshold) : n;

    private static SeriesLine Line(string key, List<YearMonth> months, SortedDictionary<YearMonth, long> counts) =>
        new(key, counts.Values.Sum(), months.Select(m => (long?)counts.GetValueOrDefault(m)).ToList());
}
