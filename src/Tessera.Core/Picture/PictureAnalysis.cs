using Tessera.Core.Access;

namespace Tessera.Core.Picture;

/// <summary>Totals, year-on-year change, route shares, top nationalities and monthly series for any period and filter.</summary>
/// <remarks>Plain sums of monthly detections, as Frontex computes its press figures: the change of Jan–Aug 2023 is
/// sum(2023-01…2023-08) / sum(2022-01…2022-08) − 1.</remarks>
public static class PictureAnalysis
{
    /// <summary>Cells below this count are hidden from users who may see aggregates only (docs/design.md, "Access").</summary>
    public const int SmallCountThreshold = 5;

    /// <summary>Summarises <paramref name="detections"/> for <paramref name="query"/>.</summary>
    public static PictureSummary Summarise(IEnumerable<DetectionCount> detections, PictureQuery query)
    {
        if (query.To < query.From)
        {
            throw new Model.ModelException($"the period ends ({query.To}) before it starts ({query.From})");
        }

        var prevFrom = query.From.AddYears(-1);
        var prevTo = query.To.AddYears(-1);
        var current = new List<DetectionCount>();
        var previous = new List<DetectionCount>();
        foreach (var d in detections)
        {
            if (!query.Matches(d))
            {
                continue;
            }

            if (d.Month >= query.From && d.Month <= query.To)
            {
                current.Add(d);
            }
            else if (d.Month >= prevFrom && d.Month <= prevTo)
            {
                previous.Add(d);
            }
        }

        var total = current.Sum(d => d.Count);
        var prevTotal = previous.Sum(d => d.Count);
        var routes = Group(current, previous, d => d.Route)
            .Select(g => new RouteFigure(g.Key, g.Total, g.Previous, Change(g.Total, g.Previous), Share(g.Total, total)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Route, StringComparer.Ordinal).ToList();
        var nationalities = Group(current, previous, d => d.Nationality)
            .Where(g => g.Total > 0)
            .OrderByDescending(g => g.Total).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(query.TopNationalities)
            .Select(g => new NationalityFigure(g.Key, Nationalities.Iso3(g.Key), g.Total, g.Previous, Change(g.Total, g.Previous), Share(g.Total, total)))
            .ToList();
        var byMonth = current.GroupBy(d => d.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var prevByMonth = previous.GroupBy(d => d.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var months = YearMonth.Range(query.From, query.To)
            .Select(m => new MonthFigure(m, byMonth.GetValueOrDefault(m), prevByMonth.GetValueOrDefault(m.AddYears(-1))))
            .ToList();
        return new PictureSummary(query.From, query.To, query.Source, query.Route, total, prevTotal, Change(total, prevTotal),
            routes, nationalities, months, false);
    }

    /// <summary>The summary as <paramref name="principal"/> may see it: small counts hidden for aggregate-only users.</summary>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The principal may not read aggregates.</exception>
    public static PictureSummary For(PictureSummary summary, Principal principal)
    {
        if (AccessPolicy.Decide(principal, AccessAction.ReadAggregates, AccessTarget.Platform) != Decision.Allow)
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{principal.UserName} may not read aggregate statistics");
        }

        return AggregatesOnly(principal) ? SuppressSmallCounts(summary, SmallCountThreshold) : summary;
    }

    /// <summary>Whether every role of the principal sees aggregates only (policy officers).</summary>
    public static bool AggregatesOnly(Principal principal) =>
        principal.Roles.Count > 0 && principal.Roles.All(r => r == Role.PolicyOfficer);

    /// <summary>Hides every count from 1 to <paramref name="threshold"/> − 1, the complementary cells that would give it
    /// back by subtraction from a visible total (<see cref="SmallCounts"/>), and whatever is derived from a hidden count.</summary>
    /// <remarks>Zero stays visible (it discloses no person) and totals are kept when large. The top nationalities are
    /// treated as parts of the total even when the list is cut: hiding one cell too many is the safe side.</remarks>
    public static PictureSummary SuppressSmallCounts(PictureSummary s, int threshold)
    {
        long? Hide(long? n) => n is > 0 && n < threshold ? null : n;
        var total = Hide(s.Total);
        var previousTotal = Hide(s.PreviousTotal);
        var routes = Parts(s.Routes.Select(r => r.Total), total, threshold);
        var routesBefore = Parts(s.Routes.Select(r => r.PreviousTotal), previousTotal, threshold);
        var nationalities = Parts(s.TopNationalities.Select(n => n.Total), total, threshold);
        var nationalitiesBefore = Parts(s.TopNationalities.Select(n => n.PreviousTotal), previousTotal, threshold);
        var months = Parts(s.Months.Select(m => m.Count), total, threshold);
        var monthsBefore = Parts(s.Months.Select(m => m.PreviousYear), previousTotal, threshold);
        return s with
        {
            Total = total,
            PreviousTotal = previousTotal,
            Change = total is null || previousTotal is null ? null : s.Change,
            Routes = s.Routes.Select((r, i) => r with
            {
                Total = routes[i],
                PreviousTotal = routesBefore[i],
                Change = routes[i] is null || routesBefore[i] is null ? null : r.Change,
                Share = routes[i] is null || total is null ? null : r.Share,
            }).ToList(),
            TopNationalities = s.TopNationalities.Select((n, i) => n with
            {
                Total = nationalities[i],
                PreviousTotal = nationalitiesBefore[i],
                Change = nationalities[i] is null || nationalitiesBefore[i] is null ? null : n.Change,
                Share = nationalities[i] is null || total is null ? null : n.Share,
            }).ToList(),
            Months = s.Months.Select((m, i) => m with { Count = months[i], PreviousYear = monthsBefore[i] }).ToList(),
            Suppressed = true,
        };
    }

    /// <summary>The parts of <paramref name="total"/> with small and complementary cells hidden (null).</summary>
    private static long?[] Parts(IEnumerable<long?> parts, long? total, int threshold)
    {
        var cells = parts.ToList();
        var hidden = SmallCounts.Hidden(cells, threshold, additive: total is not null);
        return cells.Select((c, i) => hidden[i] ? null : c).ToArray();
    }

    /// <summary>Monthly totals per key (e.g. per route); months without detections are absent.</summary>
    public static Dictionary<string, SortedDictionary<YearMonth, long>> MonthlySeries(IEnumerable<DetectionCount> detections, Func<DetectionCount, string> key)
    {
        var series = new Dictionary<string, SortedDictionary<YearMonth, long>>(StringComparer.Ordinal);
        foreach (var d in detections)
        {
            if (!series.TryGetValue(key(d), out var s))
            {
                series[key(d)] = s = [];
            }

            s[d.Month] = s.GetValueOrDefault(d.Month) + d.Count;
        }

        return series;
    }

    internal static double? Change(long current, long previous) => previous == 0 ? null : ((double)current / previous) - 1;

    private static double? Share(long part, long total) => total == 0 ? null : (double)part / total;

    private static IEnumerable<(string Key, long Total, long Previous)> Group(List<DetectionCount> current, List<DetectionCount> previous, Func<DetectionCount, string> key)
    {
        var totals = new Dictionary<string, (long Total, long Previous)>(StringComparer.Ordinal);
        foreach (var d in current)
        {
            var t = totals.GetValueOrDefault(key(d));
            totals[key(d)] = (t.Total + d.Count, t.Previous);
        }

        foreach (var d in previous)
        {
            var t = totals.GetValueOrDefault(key(d));
            totals[key(d)] = (t.Total, t.Previous + d.Count);
        }

        return totals.Select(kv => (kv.Key, kv.Value.Total, kv.Value.Previous));
    }
}
