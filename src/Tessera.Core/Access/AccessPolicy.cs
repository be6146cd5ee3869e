using Tessera.Core.Model;

namespace Tessera.Core.Access;

/// <summary>The one access policy of Tessera: (user, action, record) → Allow, HitOnly or Deny.</summary>
/// <remarks>
/// Rules (docs/design.md, "Access"):
/// <list type="bullet">
/// <item>The provider decides: its own analysts see and handle their data.</item>
/// <item>Data shared with a case is visible to the case's member organisations; H2 data may not be disseminated
/// further without the provider's permission, so partners may not export it; H3 restrictions are in the provider's
/// words and cannot be judged by a machine, so partners learn only that a hit exists.</item>
/// <item>Other organisations learn only that a hit exists (hit/no-hit, Council Decision 2008/615/JHA style),
/// unless H2/H3 forbid dissemination, in which case the answer looks exactly like no hit. The hub analysts of the
/// organisation that runs the hub (declared in configuration, not a role alone) see H0/H1 data in full.</item>
/// <item>Informant data never leaves its provider, not even as a hit.</item>
/// <item>Policy officers see aggregates only; auditors and administrators see no case data.</item>
/// <item>A release is the provider's consent to one organisation for one purpose (Europol Regulation Arts. 19–20): that
/// organisation sees the released record (all of it, or its core data) until the provider revokes it; it may export it
/// only where H0/H1 allow. Informant data is never released.</item>
/// <item>Third countries and international organisations learn nothing of a contribution unless it was marked
/// transferable to them (Europol Regulation Art. 25); a transfer lifts only that gate, the rules above still apply.</item>
/// </list>
/// Every handling code restricts independently and the strictest wins, so adding a code never widens access.
/// A user with several roles gets the widest of what each role allows.
/// </remarks>
public static class AccessPolicy
{
    /// <summary>Decides whether <paramref name="principal"/> may do <paramref name="action"/> on <paramref name="target"/>.</summary>
    public static Decision Decide(Principal principal, AccessAction action, AccessTarget target)
    {
        // Art. 25: a third country or international organisation learns nothing of a contribution, not even that it
        // exists, unless its provider marked it transferable to that organisation under a legal basis.
        if (principal.Kind.IsThirdParty() && action is AccessAction.View or AccessAction.Export
            && principal.Organisation != target.OwnerOrganisation && !target.Transfers.ContainsKey(principal.Organisation))
        {
            return Decision.Deny;
        }

        var best = Decision.Deny;
        foreach (var role in principal.Roles)
        {
            var d = DecideForRole(role, action, target, target.RelationOf(principal));
            if (d > best)
            {
                best = d;
            }
        }

        return best;
    }

    private static Decision DecideForRole(Role role, AccessAction action, AccessTarget target, OwnerRelation relation) =>
        action switch
        {
            AccessAction.ReadAggregates => Decision.Allow,
            AccessAction.ReadAudit => role == Role.Auditor ? Decision.Allow : Decision.Deny,
            AccessAction.Administer => role == Role.Administrator ? Decision.Allow : Decision.Deny,
            AccessAction.TrackAction => role is Role.Supervisor or Role.PolicyOfficer && relation == OwnerRelation.Own ? Decision.Allow : Decision.Deny,
            AccessAction.Report => role is Role.PolicyOfficer or Role.Supervisor or Role.HubAnalyst ? Decision.Allow : Decision.Deny,
            AccessAction.SetImpactLevel => role is Role.Supervisor or Role.HubAnalyst ? Decision.Allow : Decision.Deny,
            AccessAction.Contribute => IsCaseWorker(role) ? Decision.Allow : Decision.Deny,
            AccessAction.Modify or AccessAction.Judge => IsCaseWorker(role) && relation == OwnerRelation.Own ? Decision.Allow : Decision.Deny,
            // H2: not to be disseminated without the provider's permission; H3: the provider's own words. Either needs a supervisor.
            AccessAction.Release => IsCaseWorker(role) && relation == OwnerRelation.Own && target.SubjectCategory != SubjectCategory.Informant
                ? Restrict(target, relation, code => role == Role.Supervisor || code is HandlingCode.H0 or HandlingCode.H1 ? Decision.Allow : Decision.Deny)
                : Decision.Deny,
            AccessAction.View => IsCaseWorker(role) ? Restrict(target, relation, code => ViewUnder(code, role, relation)) : Decision.Deny,
            AccessAction.Export => IsCaseWorker(role) ? Restrict(target, relation, code => ExportUnder(code, role, relation)) : Decision.Deny,
            _ => Decision.Deny,
        };

    private static bool IsCaseWorker(Role role) => role is Role.Analyst or Role.Supervisor or Role.HubAnalyst;

    /// <summary>The strictest decision over every restriction on the target: handling codes and subject category.</summary>
    private static Decision Restrict(AccessTarget target, OwnerRelation relation, Func<HandlingCode, Decision> underCode)
    {
        // Informant data never leaves its provider, not even as a hit.
        var decision = target.SubjectCategory == SubjectCategory.Informant && relation != OwnerRelation.Own
            ? Decision.Deny
            : Decision.Allow;
        foreach (var code in target.Handling.Codes)
        {
            var d = underCode(code);
            if (d < decision)
            {
                decision = d;
            }
        }

        return decision;
    }

    private static Decision ViewUnder(HandlingCode code, Role role, OwnerRelation relation) => relation switch
    {
        OwnerRelation.Own => Decision.Allow,
        // The provider consented to this organisation seeing it (a release), whatever the code.
        OwnerRelation.Released => Decision.Allow,
        OwnerRelation.CasePartner => code == HandlingCode.H3 ? Decision.HitOnly : Decision.Allow,
        OwnerRelation.Hub when role == Role.HubAnalyst => code is HandlingCode.H0 or HandlingCode.H1 ? Decision.Allow : Decision.HitOnly,
        _ => code is HandlingCode.H0 or HandlingCode.H1 ? Decision.HitOnly : Decision.Deny,
    };

    private static Decision ExportUnder(HandlingCode code, Role role, OwnerRelation relation) => relation switch
    {
        OwnerRelation.Own => Decision.Allow,
        _ => code is HandlingCode.H0 or HandlingCode.H1 && ViewUnder(code, role, relation) == Decision.Allow
            ? Decision.Allow
            : Decision.Deny,
    };
}
