using Tessera.Core.Access;

namespace Tessera.Storage.CrossCheck;

/// <summary>One hit as a user of one side may see it.</summary>
/// <param name="Mine">The user's own record in the hit.</param>
/// <param name="Other">The other side in full, when the policy allows; null otherwise.</param>
/// <param name="OtherWithheld">The owner and reference of the other side, when the user may only know that it exists.</param>
/// <param name="Summary">The explanation's human line; only with the other side in full (it quotes its values).</param>
/// <param name="Explanation">The structured explanation (JSON); only with the other side in full.</param>
public sealed record HitView(long Id, DateTimeOffset Created, string Kind, double Weight, double Probability, HitSide Mine, HitSide? Other,
    HitReference? OtherWithheld, string? Summary, string? Explanation, bool MineIsNew)
{
    /// <summary>The hit group (<see cref="Core.FollowUp.HitGroups"/>); never sent out, it names the other side's record.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Group { get; init; } = "";

    /// <summary>The other side's record id, known to storage whether or not the user may see it; never sent out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal (long ContributionId, string EntityId) OtherRecord { get; init; }
}

/// <summary>One side of a hit: the entity, its caption and schema, and who provided it.</summary>
public sealed record HitSide(string EntityId, string Schema, string Caption, string Organisation, long ContributionId);

/// <summary>The hit inbox of a user's organisation: every hit rendered through the access policy.</summary>
/// <remarks>A hit whose other side the user may not even know of is left out, exactly as if it did not exist: before the
/// page is cut, so that it changes neither what is shown nor how much.</remarks>
public static class HitInbox
{
    public static Task<IReadOnlyList<HitView>> ForAsync(Store store, Principal user, int limit = 100, CancellationToken ct = default) =>
        ForAsync(store, user, HitScope.All, limit, ct);

    /// <summary>The organisation's hits within <paramref name="scope"/> (one entity, some contributions), selected in storage.</summary>
    public static async Task<IReadOnlyList<HitView>> ForAsync(Store store, Principal user, HitScope scope, int limit = 100, CancellationToken ct = default)
    {
        var views = await ViewsAsync(store, user, scope, limit, ct);
        await store.Audit.AppendAsync(Core.Audit.AuditEvent.By(user, "hits.read", "inbox", "ok",
            $"{views.Count(v => v.Other is not null)} in full, {views.Count(v => v.OtherWithheld is not null)} hit-only"), ct);
        return views;
    }

    /// <summary>The views of <see cref="ForAsync(Store, Principal, HitScope, int, CancellationToken)"/> without an audit entry of
    /// their own: for a read that writes its own (a case's workspace), so that each access is audited once.</summary>
    /// <remarks>The limit applies after the policy: hits the user may not know of take no place on the page.</remarks>
    internal static Task<IReadOnlyList<HitView>> ViewsAsync(Store store, Principal user, HitScope scope, int limit, CancellationToken ct) =>
        AfterPolicyAsync(before => store.Hits.ForOrganisationAsync(user.Organisation, scope, Page, before, ct), h => h.Id,
            hits => ViewsOfAsync(store, hits, user, ct), limit);

    /// <summary>One hit read by a user (the hit page): the view, null when there is no such hit, the user has no side in it
    /// or may not know of it; the read is audited (<c>hit.read</c>, outcome Allow, HitOnly or Deny).</summary>
    public static async Task<HitView?> ReadAsync(Store store, long id, Principal user, CancellationToken ct = default)
    {
        var hit = await store.Hits.GetAsync(id, ct);
        var view = hit is null ? null : await ViewAsync(store, hit, user, ct);
        var outcome = view is null ? nameof(Decision.Deny) : view.Other is null ? nameof(Decision.HitOnly) : nameof(Decision.Allow);
        await store.Audit.AppendAsync(Core.Audit.AuditEvent.By(user, "hit.read", "hit:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome), ct);
        return view;
    }

    /// <summary>The notices of the user's organisation, newest first, each as the policy lets the user see it.</summary>
    /// <remarks>A notice of a hit that the inbox withholds (the user may not know of its other side) is left out exactly as
    /// if it did not exist; the limit applies after that decision, so what is withheld changes neither the count nor the page.</remarks>
    public static async Task<IReadOnlyList<Notice>> NoticesAsync(Store store, Principal user, int limit = 200, CancellationToken ct = default)
    {
        var shown = await AfterPolicyAsync<Notice, Notice>(before => store.Hits.NoticesAsync(user.Organisation, Page, before, ct), n => n.Id,
            async notices =>
            {
                var shown = new List<Notice?>();
                foreach (var notice in notices)
                {
                    shown.Add(notice.HitId is not { } hitId || (await store.Hits.GetAsync(hitId, ct) is { } hit && await ViewAsync(store, hit, user, ct) is not null)
                        ? notice
                        : null);
                }

                return (IReadOnlyList<Notice?>)shown;
            },
            limit);
        await store.Audit.AppendAsync(Core.Audit.AuditEvent.By(user, "notices.read", "notices:" + user.Organisation, "ok",
            shown.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " shown"), ct);
        return shown;
    }

    private const int Page = 200;

    /// <summary>Up to <paramref name="limit"/> rows as the user may see them (<paramref name="views"/> gives null: withheld), read newest
    /// first in pages by id: the limit is applied after the policy, so withheld rows take no place on the page.</summary>
    private static async Task<IReadOnlyList<TView>> AfterPolicyAsync<TRow, TView>(Func<long?, Task<IReadOnlyList<TRow>>> page, Func<TRow, long> idOf,
        Func<IReadOnlyList<TRow>, Task<IReadOnlyList<TView?>>> views, int limit)
        where TView : class
    {
        var shown = new List<TView>();
        long? before = null;
        while (shown.Count < limit)
        {
            var rows = await page(before);
            // One page of rows through the policy at once (one read of their records), in order.
            foreach (var seen in await views(rows))
            {
                if (shown.Count < limit && seen is not null)
                {
                    shown.Add(seen);
                }
            }

            if (rows.Count < Page)
            {
                break;
            }

            before = idOf(rows[^1]);
        }

        return shown;
    }

    /// <summary>One hit for one user; null when the user has no side in it or may not know of it.</summary>
    public static async Task<HitView?> ViewAsync(Store store, Hit hit, Principal user, CancellationToken ct = default) =>
        View(store, hit, user, await store.Contributions.StatementsOfAsync([hit.NewEntityId, hit.ExistingEntityId], ct));

    /// <summary>Several hits for one user, reading the records of all of them at once; null where the user may not know of one.</summary>
    private static async Task<IReadOnlyList<HitView?>> ViewsOfAsync(Store store, IReadOnlyList<Hit> hits, Principal user, CancellationToken ct)
    {
        var records = await store.Contributions.StatementsOfAsync(hits.SelectMany(h => new[] { h.NewEntityId, h.ExistingEntityId }).Distinct(StringComparer.Ordinal).ToList(), ct);
        var byEntity = records.ToLookup(r => r.Statement.EntityId, StringComparer.Ordinal);
        return hits.Select(h => View(store, h, user, [.. byEntity[h.NewEntityId], .. byEntity[h.ExistingEntityId]])).ToList();
    }

    private static HitView? View(Store store, Hit hit, Principal user, IReadOnlyList<StatementRecord> records)
    {
        var newSide = records.Where(r => r.Statement.EntityId == hit.NewEntityId && r.Contribution.Id == hit.NewContributionId).ToList();
        var oldSide = records.Where(r => r.Statement.EntityId == hit.ExistingEntityId && r.Contribution.Id == hit.ExistingContributionId).ToList();
        if (newSide.Count == 0 || oldSide.Count == 0)
        {
            return null;
        }

        var mineIsNew = newSide[0].Contribution.Organisation == user.Organisation;
        var (mine, other) = mineIsNew ? (newSide, oldSide) : (oldSide, newSide);
        if (mine[0].Contribution.Organisation != user.Organisation)
        {
            return null;
        }

        var mineView = EntityView.For(user, AccessAction.View, mine[0].Statement.EntityId, mine, store.Settings.References);
        var otherView = EntityView.For(user, AccessAction.View, other[0].Statement.EntityId, other, store.Settings.References);
        if (mineView is null or { HitOnly: true } || otherView is null)
        {
            return null;
        }

        var full = !otherView.HitOnly;
        return new HitView(hit.Id, hit.Created, hit.Kind, hit.Weight, hit.Probability, Side(mineView, mine),
            full ? Side(otherView, other) : null, full ? null : otherView.Withheld[0], full ? hit.Summary : null, full ? hit.Explanation : null, mineIsNew)
        {
            Group = Core.FollowUp.HitGroups.KeyOf(hit.Kind, hit.NewEntityId, hit.ExistingEntityId, newSide[0].Contribution.Organisation,
                oldSide[0].Contribution.Organisation, hit.Explanation),
            OtherRecord = (other[0].Contribution.Id, other[0].Statement.EntityId),
        };
    }

    private static HitSide Side(EntityView view, List<StatementRecord> records) =>
        new(view.Id, view.Schema, view.ToEntity().Caption, records[0].Contribution.Organisation, records[0].Contribution.Id);
}
