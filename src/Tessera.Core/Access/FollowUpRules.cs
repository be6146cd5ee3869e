using Tessera.Core.FollowUp;
using Tessera.Core.Model;

namespace Tessera.Core.Access;

/// <summary>Who may do what in the follow-up of a hit (triage, match decisions, requests, releases), decided by the one
/// access policy. Each method returns null when the step is allowed, else the one-line reason it is refused.</summary>
public static class FollowUpRules
{
    /// <summary>Triage and match decisions on a hit: qualified staff of an organisation with a record in it (Prüm II,
    /// Reg. (EU) 2024/982 Art. 47(1)(b): the match is manually confirmed by qualified staff).</summary>
    public static string? MayJudge(Principal user, AccessTarget ownRecord) =>
        AccessPolicy.Decide(user, AccessAction.Judge, ownRecord) == Decision.Allow ? null : $"{user.UserName} may not triage or judge hits of {user.Organisation}";

    /// <summary>Asking for a withheld record: a case worker of the organisation whose record hit it.</summary>
    public static string? MayRequest(Principal user) =>
        AccessPolicy.Decide(user, AccessAction.Contribute, AccessTarget.OwnRecordsOf(user.Organisation)) == Decision.Allow
            ? null
            : $"{user.UserName} may not ask for access in the name of {user.Organisation}";

    /// <summary>Whether an answer may be given at once, must wait for a supervisor, or is refused.</summary>
    /// <param name="record">The requested record as the policy sees it.</param>
    /// <param name="requesterKind">The kind of the requesting organisation.</param>
    public static ReleaseStep Decide(Principal user, AccessTarget record, string requester, PartnerKind requesterKind, ReleaseScope scope)
    {
        // Modify is allowed only on the user's own organisation's records, and only to its case workers.
        if (AccessPolicy.Decide(user, AccessAction.Modify, record) != Decision.Allow)
        {
            return ReleaseStep.Refused($"only case workers of {record.OwnerOrganisation} answer requests for its records");
        }

        if (scope == ReleaseScope.None)
        {
            return ReleaseStep.Now;
        }

        if (record.SubjectCategory == SubjectCategory.Informant)
        {
            return ReleaseStep.Refused("informant data is never released");
        }

        // Europol Regulation 2016/794 Art. 25: a transfer to a third country or international organisation needs a legal basis.
        if (requesterKind.IsThirdParty() && !record.Transfers.ContainsKey(requester))
        {
            return ReleaseStep.Refused($"no legal basis to transfer this record to {requester} (Europol Regulation Art. 25): mark it transferable first");
        }

        // H2: not to be disseminated without the provider's permission; H3: the provider's own restrictions — a supervisor approves.
        return AccessPolicy.Decide(user, AccessAction.Release, record) == Decision.Allow ? ReleaseStep.Now : ReleaseStep.NeedsApproval;
    }

    /// <summary>Revoking a release (Europol Regulation Art. 19: the provider may add restrictions later): a case worker of the owner.</summary>
    public static string? MayRevoke(Principal user, AccessTarget record) =>
        AccessPolicy.Decide(user, AccessAction.Modify, record) == Decision.Allow
            ? null
            : $"only case workers of {record.OwnerOrganisation} revoke its releases";

    /// <summary>True when the record is directly accessible in the sense of Directive (EU) 2023/977 Art. 5: under H0/H1 the
    /// provider needs nobody's permission to pass it on.</summary>
    public static bool DirectlyAccessible(AccessTarget record) =>
        !record.Handling.Codes.Contains(HandlingCode.H2) && !record.Handling.Codes.Contains(HandlingCode.H3);
}

/// <summary>The outcome of asking to answer a request.</summary>
public sealed record ReleaseStep(bool Allowed, bool Approval, string? Refusal)
{
    public static readonly ReleaseStep Now = new(true, false, null);

    public static readonly ReleaseStep NeedsApproval = new(true, true, null);

    public static ReleaseStep Refused(string reason) => new(false, false, reason);
}
