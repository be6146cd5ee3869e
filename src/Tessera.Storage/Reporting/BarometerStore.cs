using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Core.Reporting;

namespace Tessera.Storage.Reporting;

/// <summary>How far a report has come: the step and its share of the whole (0–1).</summary>
public sealed record ReportProgress(string Step, double Fraction);

/// <summary>The Schengen Barometer+ computed from the stored data: the action tracker and the indicators per organisation and
/// period (<see cref="IndicatorCatalogue"/> defines each), small counts suppressed. One function for the API, the UI and the CLI.</summary>
public sealed partial class BarometerStore
{
    private readonly Store _store;

    internal BarometerStore(Store store) => _store = store;

    /// <summary>The report for <paramref name="period"/>: aggregates only, the same bytes for the same data; audited.</summary>
    /// <exception cref="AccessRefusedException">The user may not generate reports.</exception>
    public async Task<BarometerReport> ReportAsync(Principal user, ReportPeriod period, int threshold = Suppression.DefaultThreshold,
        IProgress<ReportProgress>? progress = null, CancellationToken ct = default)
    {
        var target = "barometer:" + period.From + "/" + period.To;
        if (!Permissions.MayReport(user))
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "report.read", target, nameof(Decision.Deny)), ct);
            throw new AccessRefusedException($"{user.UserName} may not generate the Barometer+ report");
        }

        if (threshold < 2)
        {
            throw new ModelException("the small-count threshold is at least 2", field: "threshold");
        }

        await using var connection = await _store.ConnectAsync(ct);
        var organisations = (await _store.Directory.OrganisationsAsync(ct))
            .Where(o => PartnerKinds.TryParse(o.Kind, out var kind) && !kind.IsThirdParty())
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => (o.Code, o.Name)).ToList();
        progress?.Report(new ReportProgress("actions", 0.05));
        var set = (await ActionTracker.ReadAsync(connection, null, ct)).ToDictionary(a => (a.Organisation, a.ActionId));
        var actions = organisations.SelectMany(o => BarometerActions.All.Select(a =>
            set.GetValueOrDefault((o.Code, a.Id)) ?? new ActionProgress(o.Code, a.Id, ActionStatus.NotStarted, [], "", period.Start.Date is var d ? DateOnly.FromDateTime(d) : default, ""))).ToList();

        var data = await BarometerData.LoadAsync(_store, connection, period, progress, ct);
        progress?.Report(new ReportProgress("indicators", 0.9));
        var figures = Figures(data, period, organisations.Select(o => o.Code).ToList());
        var indicators = Suppression.Apply(figures, threshold);
        var upTo = data.Newest ?? period.Start;
        await _store.Audit.AppendAsync(AuditEvent.By(user, "report.read", target, "ok",
            indicators.Count.ToString(CultureInfo.InvariantCulture) + " indicators; threshold " + threshold.ToString(CultureInfo.InvariantCulture)), ct);
        progress?.Report(new ReportProgress("done", 1));
        return new BarometerReport(period, organisations, actions, indicators, threshold, upTo);
    }

    /// <summary>Every figure of the report, EU-wide first, then per organisation, in the catalogue's order.</summary>
    internal static List<Figure> Figures(BarometerData data, ReportPeriod period, IReadOnlyList<string> organisations)
    {
        var now = data.Slice(period);
        var before = data.Slice(period.Previous);
        var figures = new List<Figure>();
        void Add(string key, bool count, Func<BarometerSlice, string?, double?> value)
        {
            figures.Add(new Figure(key, null, value(now, null), value(before, null), count));
            figures.AddRange(organisations.Select(o => new Figure(key, o, value(now, o), value(before, o), count)));
        }

        var threshold = Suppression.DefaultThreshold;
        Add("contributions.count", true, (s, o) => s.Contributions.Count(c => o is null || c.Organisation == o));
        Add("contributions.entities", true, (s, o) => o is null ? s.Entities.Values.Sum() : s.Entities.GetValueOrDefault(o));
        Add("contributions.hub", true, (s, o) => data.Hub is null ? null : s.Contributions.Count(c => (o is null || c.Organisation == o) && c.HubReads));
        Add("sharing.days-to-first", false, (s, o) => Median(s.FirstContributions.Where(f => o is null || f.Organisation == o).Select(f => f.Days).ToList(), threshold));
        Add("checks.count", true, (s, o) => s.Checks.Count(c => o is null || c.Organisation == o));
        Add("checks.hit-rate", false, (s, o) => Rate(s.Checks.Where(c => o is null || c.Organisation == o).Select(c => c.Hit).ToList(), threshold));
        foreach (var system in InformationSystems.All)
        {
            Add("checks.system:" + system, true, (s, o) => s.Checks.Count(c => (o is null || c.Organisation == o) && c.System == system));
        }

        Add("hits.count", true, (s, o) => s.Hits.Count(h => o is null || h.New == o || h.Existing == o));
        Add("requests.count", true, (s, o) => s.RequestsSent.Count(r => o is null || r == o));
        Add("requests.decided", true, (s, o) => s.RequestsDecided.Count(r => o is null || r.To == o));
        Add("requests.on-time", false, (s, o) => Rate(s.RequestsDecided.Where(r => o is null || r.To == o).Select(r => r.OnTime).ToList(), threshold));
        Add("requests.hours-to-decision", false, (s, o) => Median(s.RequestsDecided.Where(r => o is null || r.To == o).Select(r => r.Hours).ToList(), threshold));
        Add("releases.count", true, (s, o) => s.Releases.Count(r => o is null || r == o));
        Add("cases.shared", true, (s, o) => s.SharedCases.Count(c => o is null || c.Contains(o)));
        Add("cases.partners", true, (s, o) => o is null
            ? s.SharedCases.SelectMany(c => c).Distinct().Count()
            : s.SharedCases.Where(c => c.Contains(o)).SelectMany(c => c).Where(m => m != o).Distinct().Count());
        Add("sections.level-changes", true, (s, o) => s.LevelChanges.Count(l => o is null || l == o));

        // The situational picture is EU-wide: no organisation.
        var detections = data.Detections(period);
        figures.Add(new Figure("picture.detections", null, detections.Values.Sum(), data.Detections(period.Previous).Values.Sum(), true));
        var yearEarlier = data.Detections(period.YearEarlier).Values.Sum();
        var previousYearEarlier = data.Detections(period.Previous.YearEarlier).Values.Sum();
        figures.Add(new Figure("picture.detections.year-earlier", null, Change(detections.Values.Sum(), yearEarlier),
            Change(data.Detections(period.Previous).Values.Sum(), previousYearEarlier), false));
        var previousRoutes = data.Detections(period.Previous);
        foreach (var route in detections.Keys.Union(previousRoutes.Keys).Order(StringComparer.Ordinal))
        {
            figures.Add(new Figure("picture.route-share:" + route, null, Share(detections, route, threshold), Share(previousRoutes, route, threshold), false));
        }

        figures.AddRange(AssetRecovery.Figures(period));
        return figures;
    }

    private static double? Median(List<double> values, int threshold)
    {
        if (values.Count < threshold)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double? Rate(List<bool> outcomes, int threshold) =>
        outcomes.Count < threshold ? null : 100.0 * outcomes.Count(o => o) / outcomes.Count;

    private static double? Change(long now, long before) => before == 0 ? null : 100.0 * (now - before) / before;

    // A route's share only when its own count would be shown: a share of a suppressed count would give it back.
    private static double? Share(Dictionary<string, long> byRoute, string route, int threshold)
    {
        var total = byRoute.Values.Sum();
        var count = byRoute.GetValueOrDefault(route);
        return total == 0 || (count > 0 && count < threshold) ? null : 100.0 * count / total;
    }
}
