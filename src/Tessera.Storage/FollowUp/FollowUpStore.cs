using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.FollowUp;
using Tessera.Core.Model;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.FollowUp;

/// <summary>Which of an organisation's hit groups to show: by status, kind, case, partner and date; sorted and paged.</summary>
/// <param name="Status">Only this status; by default every group still to work on (new, in review, confirmed).</param>
/// <param name="IncludeReview">Also show hits in the review band (below the hit threshold), which are hidden unless asked for.</param>
/// <param name="Sort">newest (default), oldest or probability.</param>
public sealed record HitGroupFilter(HitStatus? Status = null, string? Kind = null, string? Case = null, string? Partner = null,
    DateOnly? From = null, DateOnly? To = null, bool IncludeReview = false, string Sort = "newest", int Offset = 0, int Limit = 50);

/// <summary>One hit group as a user of one side sees it: its status and assignee in the user's organisation, its newest hit
/// (whose id names the group), and the other side in full or as its owner and reference.</summary>
public sealed record HitGroupView(long Id, string Kind, string Status, string? Assignee, int Hits, DateTimeOffset Latest, double Probability,
    HitSide Mine, HitSide? Other, HitReference? OtherWithheld, string OtherOrganisation, string Reference, string? Summary, string? Case,
    IReadOnlyList<long> HitIds);

/// <summary>A page of hit groups and how many match the filter in all.</summary>
public sealed record HitGroupPage(IReadOnlyList<HitGroupView> Groups, int Total);

/// <summary>One step in an organisation's work on a hit group.</summary>
public sealed record HitEvent(DateTimeOffset Time, string User, string Action, string Detail, long? HitId);

/// <summary>Hit follow-up: triage of hit groups, match decisions and the resolved identities they drive, access requests
/// and releases. Every step is decided by <see cref="FollowUpRules"/>, notified to the other side and audited on both.</summary>
public sealed partial class FollowUpStore
{
    private readonly Store _store;

    internal FollowUpStore(Store store) => _store = store;

    /// <summary>The most hits an inbox groups at once.</summary>
    private const int InboxWindow = 5000;

    /// <summary>The hit groups of the user's organisation, filtered, sorted and paged after the access policy; audited.</summary>
    public async Task<HitGroupPage> InboxAsync(Principal user, HitGroupFilter filter, CancellationToken ct = default)
    {
        var groups = (await GroupsAsync(user, null, ct)).Select(g => g.View);
        var shown = groups.Where(g => Matches(g, filter)).ToList();
        shown = filter.Sort switch
        {
            "oldest" => [.. shown.OrderBy(g => g.Latest).ThenBy(g => g.Id)],
            "probability" => [.. shown.OrderByDescending(g => g.Probability).ThenByDescending(g => g.Id)],
            _ => [.. shown.OrderByDescending(g => g.Latest).ThenByDescending(g => g.Id)],
        };
        var page = shown.Skip(Math.Max(0, filter.Offset)).Take(Math.Clamp(filter.Limit, 1, 500)).ToList();
        await _store.Audit.AppendAsync(AuditEvent.By(user, "hits.read", "inbox", "ok",
            string.Create(CultureInfo.InvariantCulture, $"{page.Count} of {shown.Count} groups; {page.Count(g => g.Other is not null)} in full")), ct);
        return new HitGroupPage(page, shown.Count);
    }

    /// <summary>The group holding hit <paramref name="hitId"/> as the user sees it, with its history; null when the user may not
    /// know of the hit (answered exactly like an unknown hit). Audited.</summary>
    public async Task<(HitGroupView Group, IReadOnlyList<HitEvent> History)?> GroupAsync(Principal user, long hitId, CancellationToken ct = default)
    {
        var found = await FindGroupAsync(user, hitId, ct);
        await _store.Audit.AppendAsync(AuditEvent.By(user, "hit.read", "hit:" + hitId.ToString(CultureInfo.InvariantCulture), found is null ? nameof(Decision.Deny) : "ok"), ct);
        if (found is not { } f)
        {
            return null;
        }

        return (f.View, await HistoryAsync(user.Organisation, f.Key, ct));
    }

    /// <summary>Moves the user's organisation's hit group to <paramref name="status"/> (in review, closed …).</summary>
    /// <exception cref="ModelException">Unknown hit (or one the user may not know of), or a move the workflow does not allow.</exception>
    /// <exception cref="AccessRefusedException">The user may not triage.</exception>
    public async Task SetStatusAsync(Principal user, long hitId, HitStatus status, CancellationToken ct = default)
    {
        if (status is HitStatus.Confirmed or HitStatus.Rejected)
        {
            throw new ModelException("a match is confirmed or rejected with a reason (hits confirm / hits reject)", field: "status");
        }

        var (group, key, _) = await ForWorkAsync(user, hitId, ct);
        var from = HitStatuses.Parse(group.Status);
        if (!HitStatuses.MayMove(from, status))
        {
            throw new ModelException($"hit {hitId.ToString(CultureInfo.InvariantCulture)} is {from.Name()}; it cannot move to {status.Name()}", field: "status");
        }

        await WriteAsync(user, key, hitId, status, group.Assignee, "status", $"{from.Name()} → {status.Name()}", [], ct);
    }

    /// <summary>Assigns the user's organisation's hit group to one of its users, or to nobody (null).</summary>
    public async Task AssignAsync(Principal user, long hitId, string? assignee, CancellationToken ct = default)
    {
        var (group, key, _) = await ForWorkAsync(user, hitId, ct);
        if (!string.IsNullOrWhiteSpace(assignee) && (await _store.Directory.UserAsync(assignee, ct))?.Organisation != user.Organisation)
        {
            throw new ModelException($"'{assignee}' is not a user of {user.Organisation}", field: "assignee");
        }

        var to = string.IsNullOrWhiteSpace(assignee) ? null : assignee;
        var status = HitStatuses.Parse(group.Status);
        await WriteAsync(user, key, hitId, status == HitStatus.New ? HitStatus.InReview : status, to, "assign", to ?? "nobody", [], ct);
    }

    /// <summary>Every hit group the user may know of, built from the newest hits after the access policy, with its key and the
    /// views of its hits; <paramref name="include"/> joins its group even when it is older than the newest hits.</summary>
    private async Task<List<(string Key, HitGroupView View, List<HitView> Hits)>> GroupsAsync(Principal user, HitView? include, CancellationToken ct)
    {
        var views = (await HitInbox.ViewsAsync(_store, user, HitScope.All, InboxWindow, ct)).ToList();
        if (include is not null && views.All(v => v.Id != include.Id))
        {
            views.Add(include);
        }

        var triage = await TriageAsync(user.Organisation, ct);
        var cases = (await _store.Contributions.ContributionsAsync(ct)).ToDictionary(c => c.Id, c => c.CaseId);
        return views.GroupBy(v => v.Group, StringComparer.Ordinal)
            .Select(g => (g.Key, ToGroup([.. g], triage.GetValueOrDefault(g.Key), cases), g.ToList()))
            .ToList();
    }

    private HitGroupView ToGroup(List<HitView> hits, (string Status, string? Assignee) triage, Dictionary<long, string?> cases)
    {
        var lead = hits.MaxBy(h => h.Id)!;
        var best = hits.MaxBy(h => h.Probability)!;
        var (otherContribution, otherEntity) = lead.OtherRecord;
        return new HitGroupView(lead.Id, lead.Kind, triage.Status ?? HitStatus.New.Name(), triage.Assignee, hits.Count, lead.Created, best.Probability,
            lead.Mine, lead.Other, lead.OtherWithheld, lead.Other?.Organisation ?? lead.OtherWithheld!.Owner,
            lead.OtherWithheld?.Reference ?? _store.Settings.References.For(otherContribution, otherEntity),
            lead.Summary, cases.GetValueOrDefault(lead.Mine.ContributionId), [.. hits.Select(h => h.Id).OrderDescending()]);
    }

    private static bool Matches(HitGroupView g, HitGroupFilter f) =>
        (f.IncludeReview || g.Kind != "review" || f.Kind == "review")
        && (f.Status is null ? g.Status != HitStatus.Closed.Name() && g.Status != HitStatus.Rejected.Name() : g.Status == f.Status.Value.Name())
        && (f.Kind is null || g.Kind == f.Kind)
        && (f.Case is null || g.Case == f.Case)
        && (f.Partner is null || g.OtherOrganisation == f.Partner)
        && (f.From is null || DateOnly.FromDateTime(g.Latest.UtcDateTime) >= f.From)
        && (f.To is null || DateOnly.FromDateTime(g.Latest.UtcDateTime) <= f.To);

    /// <summary>The group of a hit the user may know of, with its key and the views of its hits.</summary>
    private async Task<(HitGroupView View, string Key, List<HitView> Hits)?> FindGroupAsync(Principal user, long hitId, CancellationToken ct)
    {
        if (await _store.Hits.GetAsync(hitId, ct) is not { } hit || await HitInbox.ViewAsync(_store, hit, user, ct) is not { } view)
        {
            return null;
        }

        var (key, group, hits) = (await GroupsAsync(user, view, ct)).First(g => g.Key == view.Group);
        return (group, key, hits);
    }

    /// <summary>The group of a hit for a step of work: unknown hits are bad input (404), and the user must be allowed to triage.</summary>
    private async Task<(HitGroupView View, string Key, List<HitView> Hits)> ForWorkAsync(Principal user, long hitId, CancellationToken ct)
    {
        var found = await FindGroupAsync(user, hitId, ct) ?? throw UnknownHit(hitId);
        if (FollowUpRules.MayJudge(user, AccessTarget.OwnRecordsOf(user.Organisation)) is { } refusal)
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "hit.work", "hit:" + hitId.ToString(CultureInfo.InvariantCulture), nameof(Decision.Deny)), ct);
            throw new AccessRefusedException(refusal);
        }

        return found;
    }

    internal static ModelException UnknownHit(long hitId) => ModelException.Unknown($"unknown hit {hitId.ToString(CultureInfo.InvariantCulture)}", "hit");

    private async Task<Dictionary<string, (string Status, string? Assignee)>> TriageAsync(string organisation, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Key, string Status, string? Assignee)>(
            "SELECT group_key, status, assignee FROM hit_triage WHERE organisation = @organisation", new { organisation });
        return rows.ToDictionary(r => r.Key, r => (r.Status, r.Assignee), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<HitEvent>> HistoryAsync(string organisation, string key, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Created, string User, string Action, string Detail, long? HitId)>(
            "SELECT created, user_name, action, detail, hit_id FROM hit_events WHERE organisation = @organisation AND group_key = @key ORDER BY id",
            new { organisation, key });
        return rows.Select(r => new HitEvent(Store.ParseTime(r.Created), r.User, r.Action, r.Detail, r.HitId)).ToList();
    }

    /// <summary>Writes a triage step (status, assignee and history) with its audit entry, and anything else the step adds, in one transaction.</summary>
    private async Task WriteAsync(Principal user, string key, long hitId, HitStatus status, string? assignee, string action, string detail,
        IReadOnlyList<AuditEvent> audit, CancellationToken ct, Func<DbConnection, DbTransaction, Task>? more = null)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await SetTriageAsync(connection, tx, user, key, hitId, status, assignee, action, detail);
        if (more is not null)
        {
            await more(connection, tx);
        }

        await _store.Audit.AppendAsync(connection, tx,
            [AuditEvent.By(user, "hit." + action, "hit:" + hitId.ToString(CultureInfo.InvariantCulture), "ok", detail), .. audit]);
        await tx.CommitAsync(ct);
    }

    private async Task SetTriageAsync(DbConnection connection, DbTransaction tx, Principal user, string key, long hitId, HitStatus status, string? assignee,
        string action, string detail)
    {
        var now = _store.Now();
        var organisation = user.Organisation;
        await connection.ExecuteAsync(
            "INSERT INTO hit_triage (organisation, group_key, status, assignee, updated) VALUES (@organisation, @key, @status, @assignee, @now) " +
            "ON CONFLICT (organisation, group_key) DO UPDATE SET status = excluded.status, assignee = excluded.assignee, updated = excluded.updated",
            new { organisation, key, status = status.Name(), assignee, now }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO hit_events (organisation, group_key, hit_id, created, user_name, action, detail) VALUES (@organisation, @key, @hitId, @now, @user, @action, @detail)",
            new { organisation, key, hitId, now, user = user.UserName, action, detail }, tx);
    }

}
