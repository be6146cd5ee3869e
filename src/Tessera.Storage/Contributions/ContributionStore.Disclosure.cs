using Dapper;
using Tessera.Core.Access;

namespace Tessera.Storage.Contributions;

/// <summary>What one user may do with each stored contribution, decided by the one access policy before any query runs.</summary>
/// <remarks>Read paths that filter, count, rank or limit (search, notices, networks) select only inside this scope, so
/// that what the user may not know changes neither what they get nor how long it takes.</remarks>
/// <param name="Allowed">Contributions whose details the user may read.</param>
/// <param name="HitOnly">Contributions of which the user may learn only that a hit exists, on a complete identifier or a
/// whole-record match.</param>
public sealed record DisclosureScope(IReadOnlySet<long> Allowed, IReadOnlySet<long> HitOnly)
{
    /// <summary>Records of other contributions released to the user's organisation (a grant in force the policy honours for
    /// this user): read like allowed ones, on their core data or all of it as released.</summary>
    public IReadOnlySet<(long ContributionId, string EntityId)> Released { get; init; } = new HashSet<(long, string)>();

    /// <summary>What the user may learn of a contribution.</summary>
    public Decision Of(long contributionId) =>
        Allowed.Contains(contributionId) ? Decision.Allow : HitOnly.Contains(contributionId) ? Decision.HitOnly : Decision.Deny;
}

public sealed partial class ContributionStore
{
    /// <summary>The disclosure scope of <paramref name="by"/> for <paramref name="action"/> over every stored contribution.</summary>
    public async Task<DisclosureScope> ScopeAsync(Principal by, AccessAction action = AccessAction.View, CancellationToken ct = default)
    {
        var contributions = await ContributionsAsync(ct);
        var cases = (await _store.Directory.CasesAsync(ct)).ToDictionary(c => c.Id, c => c.Members, StringComparer.Ordinal);
        IReadOnlySet<string> noCase = new HashSet<string>();
        var allowed = new HashSet<long>();
        var hitOnly = new HashSet<long>();
        foreach (var c in contributions)
        {
            var target = AccessTarget.Of(c, c.CaseId is null ? noCase : cases.GetValueOrDefault(c.CaseId, noCase));
            switch (AccessPolicy.Decide(by, action, target))
            {
                case Decision.Allow:
                    allowed.Add(c.Id);
                    break;
                case Decision.HitOnly:
                    hitOnly.Add(c.Id);
                    break;
            }
        }

        // Releases to the user's organisation, where the policy lets this user read what they cover (not a policy officer's).
        var released = new HashSet<(long, string)>();
        await using (var connection = await _store.ConnectAsync(ct))
        {
            var grants = await connection.QueryAsync<(long ContributionId, string EntityId, string Purpose)>(
                "SELECT contribution_id, entity_id, purpose FROM releases WHERE organisation = @organisation AND revoked IS NULL", new { organisation = by.Organisation });
            var byId = grants.Any() ? contributions.ToDictionary(c => c.Id) : new Dictionary<long, Core.Model.Contribution>();
            foreach (var (contributionId, entityId, purpose) in grants)
            {
                if (byId.TryGetValue(contributionId, out var c) && !allowed.Contains(c.Id)
                    && AccessPolicy.Decide(by, action, AccessTarget.Of(c, c.CaseId is null ? noCase : cases.GetValueOrDefault(c.CaseId, noCase)) with
                    {
                        Releases = new Dictionary<string, string> { [by.Organisation] = purpose },
                    }) == Decision.Allow)
                {
                    released.Add((contributionId, entityId));
                }
            }
        }

        return new DisclosureScope(allowed, hitOnly) { Released = released };
    }
}

/// <summary>Where a withheld-record reference leads, for its owner.</summary>
public sealed partial class ContributionStore
{
    /// <summary>The record of <paramref name="by"/>'s organisation that <paramref name="reference"/> names, or null when it
    /// names none of theirs (an unknown reference and another organisation's are answered alike). Audited.</summary>
    /// <remarks>References are keyed MACs (<see cref="WithheldReferences"/>): the owner finds the record by recomputing the
    /// references of its own records; nobody else can.</remarks>
    public async Task<(long ContributionId, string EntityId)?> ResolveReferenceAsync(string reference, Principal by, CancellationToken ct = default)
    {
        (long, string)? found = null;
        if (WithheldReferences.IsWellFormed(reference) && AccessPolicy.Decide(by, AccessAction.View, AccessTarget.OwnRecordsOf(by.Organisation)) == Decision.Allow)
        {
            await using var connection = await _store.ConnectAsync(ct);
            var own = await connection.QueryAsync<(long ContributionId, string EntityId)>(
                "SELECT DISTINCT s.contribution_id, s.entity_id FROM statements s JOIN contributions c ON c.id = s.contribution_id WHERE c.organisation = @organisation",
                new { organisation = by.Organisation });
            // A reference to a whole contribution (a restricted contribution of a case) is keyed on its number alone.
            foreach (var (contribution, entity) in own.Concat(own.Select(o => (o.ContributionId, "")).Distinct()))
            {
                if (_store.Settings.References.For(contribution, entity) == reference)
                {
                    found = (contribution, entity);
                    break;
                }
            }
        }

        await _store.Audit.AppendAsync(Core.Audit.AuditEvent.By(by, "reference.resolve", "reference:" + reference,
            found is null ? "none" : "ok", found is { } f ? "entity:" + f.Item2 : "", reference), ct);
        return found;
    }
}
