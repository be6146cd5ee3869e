using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>What one user may do with each stored contribution, decided by the one access policy before any query runs.</summary>
/// <remarks>Read paths that filter, count, rank or limit (search, notices, networks) select only inside this scope, so
/// that what the user may not know changes neither what they get nor how long it takes.</remarks>
/// <param name="Allowed">Contributions whose details the user may read.</param>
/// <param name="HitOnly">Contributions of which the user may learn only that a hit exists, on a complete identifier or a
/// whole-record match.</param>
public sealed record DisclosureScope(IReadOnlySet<long> Allowed, IReadOnlySet<long> HitOnly)
{
    /// <summary>What the user may learn of a contribution.</summary>
    public Decision Of(long contributionId) =>
        Allowed.Contains(contributionId) ? Decision.Allow : HitOnly.Contains(contributionId) ? Decision.HitOnly : Decision.Deny;
}

public sealed partial class ContributionStore
{
    /// <summary>The disclosure scope of <paramref name="by"/> for <paramref name="action"/> over every stored contribution.</summary>
    public async Task<DisclosureScope> ScopeAsync(Principal by, AccessAction action = AccessAction.View, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Organisation, string? CaseId, string Handling, string? H3Text, string Subject)>(
            "SELECT id, organisation, case_id, handling, h3_text, subject_category FROM contributions");
        var members = (await connection.QueryAsync<(string CaseId, string Org)>("SELECT case_id, organisation FROM case_members"))
            .ToLookup(m => m.CaseId, m => m.Org);
        var memberSets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var allowed = new HashSet<long>();
        var hitOnly = new HashSet<long>();
        foreach (var r in rows)
        {
            IReadOnlySet<string> caseMembers = r.CaseId is null ? new HashSet<string>()
                : memberSets.TryGetValue(r.CaseId, out var set) ? set
                : memberSets[r.CaseId] = members[r.CaseId].ToHashSet(StringComparer.Ordinal);
            var target = new AccessTarget(r.Organisation, caseMembers, HandlingCodes.Parse(r.Handling, r.H3Text), Enum.Parse<SubjectCategory>(r.Subject));
            switch (AccessPolicy.Decide(by, action, target))
            {
                case Decision.Allow:
                    allowed.Add(r.Id);
                    break;
                case Decision.HitOnly:
                    hitOnly.Add(r.Id);
                    break;
            }
        }

        return new DisclosureScope(allowed, hitOnly);
    }
}
