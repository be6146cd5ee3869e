using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Picture;
using Tessera.Core.Reporting;

namespace Tessera.Storage.Reporting;

/// <summary>The rows behind the indicators of a period and the period before it, read once; no personal data is read.</summary>
internal sealed class BarometerData
{
    public string? Hub { get; private init; }

    /// <summary>The newest time in the rows read (the report's date), or null when there are none.</summary>
    public DateTimeOffset? Newest { get; private set; }

    private List<(DateTimeOffset Time, string Organisation, bool HubReads)> _contributions = [];
    private List<(DateTimeOffset Time, string Organisation, string Entity)> _entities = [];
    private List<(DateTimeOffset Time, string Organisation, double Days)> _first = [];
    private List<(DateTimeOffset Time, string Organisation, string System, bool Hit)> _checks = [];
    private List<(DateTimeOffset Time, string New, string Existing)> _hits = [];
    private List<(DateTimeOffset Time, string From)> _sent = [];
    private List<(DateTimeOffset Time, string To, bool OnTime, double Hours)> _decided = [];
    private List<(DateTimeOffset Time, string Provider)> _releases = [];
    private List<(DateTimeOffset Time, HashSet<string> Members)> _cases = [];
    private List<(DateTimeOffset Time, string Organisation)> _levels = [];
    private List<DetectionCount> _detections = [];

    public static async Task<BarometerData> LoadAsync(Store store, DbConnection connection, ReportPeriod period, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var data = new BarometerData { Hub = store.Settings.Hub };
        var args = new { start = Store.Format(period.Previous.Start), end = Store.Format(period.End) };
        var members = (await connection.QueryAsync<(string Case, string Org)>("SELECT case_id, organisation FROM case_members"))
            .GroupBy(m => m.Case).ToDictionary(g => g.Key, g => g.Select(m => m.Org).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var cases = (await connection.QueryAsync<(string Id, string Created)>("SELECT id, created FROM cases")).ToDictionary(c => c.Id, c => Store.ParseTime(c.Created));

        progress?.Report(new ReportProgress("contributions", 0.1));
        var hub = data.Hub is null ? null : new Principal("hub", data.Hub, new HashSet<Role> { Role.HubAnalyst }) { AtHub = true };
        var contributions = await connection.QueryAsync<(string Org, string? Case, string Handling, string? H3, string Subject, string Created)>(
            "SELECT organisation, case_id, handling, h3_text, subject_category, created FROM contributions WHERE kind = 'CaseData' AND created >= @start AND created < @end", args);
        data._contributions = [.. contributions.Select(c => (data.Seen(c.Created), c.Org, hub is not null && AccessPolicy.Decide(hub, AccessAction.View,
            new AccessTarget(c.Org, c.Case is null ? new HashSet<string>() : members.GetValueOrDefault(c.Case) ?? [], HandlingCodes.Parse(c.Handling, c.H3),
                Enum.Parse<SubjectCategory>(c.Subject))) == Decision.Allow))];

        progress?.Report(new ReportProgress("entities", 0.25));
        data._entities = [.. (await connection.QueryAsync<(string Created, string Org, string Entity)>(
            "SELECT DISTINCT c.created, c.organisation, s.entity_id FROM statements s JOIN contributions c ON c.id = s.contribution_id " +
            "WHERE c.kind = 'CaseData' AND c.created >= @start AND c.created < @end", args)).Select(e => (Store.ParseTime(e.Created), e.Org, e.Entity))];

        // An organisation's first contribution to each case it is a member of, whenever that was: counted in the period it falls in.
        var first = await connection.QueryAsync<(string Org, string Case, string First)>(
            "SELECT c.organisation, c.case_id, MIN(c.created) FROM contributions c JOIN case_members m ON m.case_id = c.case_id AND m.organisation = c.organisation " +
            "WHERE c.kind = 'CaseData' GROUP BY c.organisation, c.case_id");
        data._first = [.. first.Where(f => cases.ContainsKey(f.Case)).Select(f => (Store.ParseTime(f.First), f.Org,
            Math.Max(0, Math.Floor((Store.ParseTime(f.First) - cases[f.Case]).TotalDays))))];

        progress?.Report(new ReportProgress("checks", 0.4));
        data._checks = [.. (await connection.QueryAsync<(string Time, string Org, string List, string Outcome)>(
            "SELECT time, organisation, list, outcome FROM checks WHERE time >= @start AND time < @end", args))
            .Select(c => (data.Seen(c.Time), c.Org, InformationSystems.Of(c.List), c.Outcome == "hit"))];

        progress?.Report(new ReportProgress("hits and requests", 0.55));
        data._hits = [.. (await connection.QueryAsync<(string Created, string New, string Existing)>(
            "SELECT h.created, n.organisation, e.organisation FROM hits h JOIN contributions n ON n.id = h.new_contribution_id " +
            "JOIN contributions e ON e.id = h.existing_contribution_id WHERE h.created >= @start AND h.created < @end", args))
            .Select(h => (data.Seen(h.Created), h.New, h.Existing))];
        data._sent = [.. (await connection.QueryAsync<(string Created, string From)>(
            "SELECT created, from_organisation FROM access_requests WHERE created >= @start AND created < @end", args)).Select(r => (data.Seen(r.Created), r.From))];
        data._decided = [.. (await connection.QueryAsync<(string Created, string Decided, string Due, string To)>(
            "SELECT created, decided, due, to_organisation FROM access_requests WHERE decided IS NOT NULL AND status IN ('released', 'refused', 'revoked') " +
            "AND decided >= @start AND decided < @end", args)).Select(r =>
            {
                var decided = data.Seen(r.Decided);
                return (decided, r.To, decided <= Store.ParseTime(r.Due), (decided - Store.ParseTime(r.Created)).TotalHours);
            })];
        data._releases = [.. (await connection.QueryAsync<(string Granted, string Provider)>(
            "SELECT r.granted, c.organisation FROM releases r JOIN contributions c ON c.id = r.contribution_id WHERE r.granted >= @start AND r.granted < @end", args))
            .Select(r => (data.Seen(r.Granted), r.Provider))];

        progress?.Report(new ReportProgress("cases and sections", 0.7));
        data._cases = [.. cases.Where(c => members.GetValueOrDefault(c.Key) is { Count: >= 2 })
            .Select(c => (c.Value, members[c.Key]))];
        foreach (var c in data._cases.Where(c => c.Time >= period.Previous.Start && c.Time < period.End))
        {
            data.Seen(c.Time);
        }

        data._levels = [.. (await connection.QueryAsync<(string Time, string Org)>(
            "SELECT time, organisation FROM picture_section_levels WHERE time >= @start AND time < @end", args)).Select(l => (data.Seen(l.Time), l.Org))];

        progress?.Report(new ReportProgress("situational picture", 0.8));
        data._detections = [.. await store.Picture.DetectionsAsync(PictureSources.Frontex, ct)];
        return data;
    }

    /// <summary>The rows that fall in <paramref name="period"/>.</summary>
    public BarometerSlice Slice(ReportPeriod period) => new(
        [.. _contributions.Where(c => period.Contains(c.Time)).Select(c => new SliceContribution(c.Organisation, c.HubReads))],
        _entities.Where(e => period.Contains(e.Time)).GroupBy(e => e.Organisation).ToDictionary(g => g.Key, g => (long)g.Select(e => e.Entity).Distinct().Count()),
        [.. _first.Where(f => period.Contains(f.Time)).Select(f => (f.Organisation, f.Days))],
        [.. _checks.Where(c => period.Contains(c.Time)).Select(c => (c.Organisation, c.System, c.Hit))],
        [.. _hits.Where(h => period.Contains(h.Time)).Select(h => (h.New, h.Existing))],
        [.. _sent.Where(r => period.Contains(r.Time)).Select(r => r.From)],
        [.. _decided.Where(r => period.Contains(r.Time)).Select(r => (r.To, r.OnTime, r.Hours))],
        [.. _releases.Where(r => period.Contains(r.Time)).Select(r => r.Provider)],
        [.. _cases.Where(c => period.Contains(c.Time)).Select(c => c.Members)],
        [.. _levels.Where(l => period.Contains(l.Time)).Select(l => l.Organisation)]);

    /// <summary>Detections per route in <paramref name="period"/>.</summary>
    public Dictionary<string, long> Detections(ReportPeriod period) =>
        _detections.Where(d => d.Month >= period.From && d.Month <= period.To)
            .GroupBy(d => d.Route, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);

    private DateTimeOffset Seen(string stored) => Seen(Store.ParseTime(stored));

    private DateTimeOffset Seen(DateTimeOffset t)
    {
        if (Newest is null || t > Newest)
        {
            Newest = t;
        }

        return t;
    }
}

/// <summary>A contribution as the indicators see it: its provider and whether the hub may read it in full.</summary>
internal sealed record SliceContribution(string Organisation, bool HubReads);

/// <summary>The rows of one period.</summary>
internal sealed record BarometerSlice(
    List<SliceContribution> Contributions,
    Dictionary<string, long> Entities,
    List<(string Organisation, double Days)> FirstContributions,
    List<(string Organisation, string System, bool Hit)> Checks,
    List<(string New, string Existing)> Hits,
    List<string> RequestsSent,
    List<(string To, bool OnTime, double Hours)> RequestsDecided,
    List<string> Releases,
    List<HashSet<string>> SharedCases,
    List<string> LevelChanges);
