using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Storage.CrossCheck;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Cases;

/// <summary>One contribution of a case as a user may see it.</summary>
/// <param name="Restricted">True when the provider's codes let the user learn only that it exists: then only
/// <paramref name="Provider"/> and <paramref name="Reference"/> are given, <paramref name="Id"/> is 0 and every other field is null.</param>
/// <param name="Reference">What to quote when asking the provider for a restricted contribution.</param>
public sealed record CaseContribution(long Id, string Provider, bool Restricted, string? Reference, string? Kind, string? Handling,
    string? Reliability, int? Accuracy, DateTimeOffset? Created, int? Entities);

/// <summary>A case's workspace as one member sees it: the case and its members, contributions, notes and hits.</summary>
public sealed record CaseView(CaseInfo Case, IReadOnlyList<CaseContribution> Contributions, IReadOnlyList<CaseNote> Notes, IReadOnlyList<HitView> Hits);

/// <summary>Case workspaces shared by partner organisations (joint investigation teams), every answer through the access policy.</summary>
public static class CaseWorkspace
{
    /// <summary>The cases whose workspace <paramref name="user"/> may open: those their organisation is a member of.</summary>
    public static async Task<IReadOnlyList<CaseInfo>> CasesOfAsync(Store store, Principal user, CancellationToken ct = default)
    {
        var cases = (await store.Directory.CasesAsync(ct)).Where(c => CaseAccess.MayRead(user, c)).ToList();
        await store.Audit.AppendAsync(AuditEvent.By(user, "cases.read", "cases", "ok", cases.Count.ToString(CultureInfo.InvariantCulture) + " cases"), ct);
        return cases;
    }

    /// <summary>The workspace of a case; null when there is no such case or <paramref name="user"/> is not a member.</summary>
    /// <remarks>A non-member is answered exactly as if the case did not exist; the read and any refusal are audited.</remarks>
    public static async Task<CaseView?> OpenAsync(Store store, string caseId, Principal user, CancellationToken ct = default)
    {
        var c = await CaseAccess.FindAsync(store, caseId, ct);
        var allowed = c is not null && CaseAccess.MayRead(user, c);
        await store.Audit.AppendAsync(AuditEvent.By(user, "case.read", "case:" + caseId, CaseNotes.Outcome(c is not null, allowed)), ct);
        if (!allowed)
        {
            return null;
        }

        var (contributions, ids) = await ContributionsAsync(store, c!, user, ct);
        // The hits of the user's organisation that touch a contribution of the case, as the hit inbox renders them.
        // Part of the case read audited above: one entry for the whole workspace.
        var hits = (await HitInbox.ViewsAsync(store, user, new HitScope(ContributionIds: ids), 500, ct))
            .Where(h => ids.Contains(h.Mine.ContributionId) || (h.Other is { } o && ids.Contains(o.ContributionId)))
            .ToList();
        return new CaseView(c!, contributions, await CaseNotes.LoadAsync(store, caseId, ct), hits);
    }

    /// <summary>The case's contributions as the user may see them, and the ids of those the user may know of (for its hits).</summary>
    private static async Task<(IReadOnlyList<CaseContribution> Views, HashSet<long> Ids)> ContributionsAsync(Store store, CaseInfo c, Principal user, CancellationToken ct)
    {
        var entities = await EntityCountsAsync(store, c.Id, ct);
        var views = new List<CaseContribution>();
        var ids = new HashSet<long>();
        foreach (var x in (await store.Contributions.ContributionsAsync(ct)).Where(x => x.CaseId == c.Id))
        {
            var target = AccessTarget.Of(x, c.Members);
            switch (AccessPolicy.Decide(user, AccessAction.View, target))
            {
                case Decision.Allow:
                    ids.Add(x.Id);
                    // Entities whose rows have their own subject category count only where the policy lets the user see them.
                    var count = entities.Where(e => e.Contribution == x.Id
                            && (e.Subject is null || AccessPolicy.Decide(user, AccessAction.View, target with { SubjectCategory = e.Subject.Value }) == Decision.Allow))
                        .Sum(e => e.Entities);
                    views.Add(new CaseContribution(x.Id, x.Organisation, false, null, Kind(x.Kind), x.Handling.ToString(), x.Reliability.ToString(),
                        x.Accuracy, x.Created, count));
                    break;
                case Decision.HitOnly:
                    // H3 and the like: the provider and a keyed reference to ask for it, nothing of the content, not even its number.
                    ids.Add(x.Id);
                    views.Add(new CaseContribution(0, x.Organisation, true, store.Settings.References.For(x.Id, ""),
                        null, null, null, null, null, null));
                    break;
            }
        }

        return (views, ids);
    }

    // Entities per contribution of the case and per subject category of their rows (null: the contribution's).
    private static async Task<List<(long Contribution, SubjectCategory? Subject, int Entities)>> EntityCountsAsync(Store store, string caseId, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long Contribution, string? Subject, long Entities)>(
            "SELECT s.contribution_id, es.category, COUNT(DISTINCT s.entity_id) FROM statements s JOIN contributions c ON c.id = s.contribution_id " +
            "LEFT JOIN entity_subjects es ON es.contribution_id = s.contribution_id AND es.entity_id = s.entity_id " +
            "WHERE c.case_id = @caseId GROUP BY s.contribution_id, es.category", new { caseId });
        return rows.Select(r => (r.Contribution, r.Subject is null ? (SubjectCategory?)null : Enum.Parse<SubjectCategory>(r.Subject), (int)r.Entities)).ToList();
    }

    private static string Kind(ContributionKind kind) => kind switch
    {
        ContributionKind.CaseData => "case data",
        ContributionKind.ReferenceList => "reference list",
        _ => "statistics",
    };
}
