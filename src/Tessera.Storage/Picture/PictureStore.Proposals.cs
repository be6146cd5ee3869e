using Tessera.Core.Picture;

namespace Tessera.Storage.Picture;

/// <summary>Level proposals for border sections from the stored indicators.</summary>
public sealed partial class PictureStore
{
    /// <summary>The sections with their levels, measures and a proposal from the latest three months of data.</summary>
    /// <remarks>Indicators: the route's Frontex detections over the last three months of data against a year earlier, the
    /// section's incidents over the same months, and the route's early warning in the latest month (its explanation becomes the proposal's reason).</remarks>
    public async Task<IReadOnlyList<SectionStatus>> SectionsWithProposalsAsync(EarlyWarningOptions? options = null, CancellationToken ct = default)
    {
        var sections = await SectionsAsync(ct);
        var detections = await DetectionsAsync(PictureSources.Frontex, ct);
        var latest = detections.Count > 0 ? detections.Max(d => d.Month) : YearMonth.Of(DateOnly.FromDateTime(_store.Time.GetUtcNow().UtcDateTime));
        var first = latest.AddMonths(-2);
        var start = new DateTimeOffset(first.Year, first.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var next = latest.AddMonths(1);
        var incidents = await IncidentsAsync(start, new DateTimeOffset(next.Year, next.Month, 1, 0, 0, 0, TimeSpan.Zero), ct);
        var alerts = EarlyWarning.Scan(detections, latest, options ?? new EarlyWarningOptions(), topNationalities: 0)
            .ToDictionary(a => a.Route, StringComparer.Ordinal);
        var byRoute = detections.GroupBy(d => d.Route, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return sections.Select(s =>
        {
            var route = byRoute.GetValueOrDefault(s.Section.Route) ?? [];
            var recent = route.Where(d => d.Month >= first && d.Month <= latest).Sum(d => d.Count);
            var before = route.Where(d => d.Month >= first.AddYears(-1) && d.Month <= latest.AddYears(-1)).Sum(d => d.Count);
            var own = incidents.Where(i => i.BorderSection == s.Section.Code).ToList();
            var indicators = new SectionIndicators(recent, before, own.Count,
                own.Count(i => i.ImpactLevel == IncidentImpactLevel.High), own.Count(i => i.ImpactLevel == IncidentImpactLevel.VeryHigh),
                alerts.ContainsKey(s.Section.Route), alerts.GetValueOrDefault(s.Section.Route)?.Explanation);
            return s with { Proposal = ImpactLevelProposals.Propose(indicators) with { Indicators = indicators } };
        }).ToList();
    }
}
