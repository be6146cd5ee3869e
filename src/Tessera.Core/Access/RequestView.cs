using Tessera.Core.FollowUp;

namespace Tessera.Core.Access;

/// <summary>A request for access as stored: who asked whom for which record, why, by when, and how it was answered.</summary>
public sealed record RequestFacts(long Id, long HitId, string FromOrganisation, string FromUser, string ToOrganisation, long ContributionId, string EntityId,
    string Purpose, bool Urgent, DateTimeOffset Created, DateTimeOffset Due, string DueRule, RequestStatus Status, ReleaseScope? Scope, string? Reason,
    DateTimeOffset? Decided, string? DecidedBy, string? ApprovedBy);

/// <summary>A request as one party's case workers see it. The requester sees its own request, the deadline and the answer, and the record's
/// id only while a release is in force; the owner also sees which of its records is asked for and who answered. Nobody else
/// learns that the request exists.</summary>
/// <param name="Direction">outgoing (the user's organisation asked) or incoming (it owns the record).</param>
/// <param name="Entity">The requested record's id: for the owner always; for the requester while released.</param>
/// <param name="Overdue">True when the request is still unanswered after its deadline (flagged on both sides).</param>
public sealed record RequestView(long Id, long Hit, string Status, DateTimeOffset Due, bool Overdue, string FromOrg, string ToOrg, string Direction,
    string Purpose, bool Urgent, string DueRule, string Reference, string? Entity, string? Scope, string? Reason, DateTimeOffset Created,
    DateTimeOffset? Decided, string? FromUser, string? DecidedBy, string? ApprovedBy)
{
    /// <summary>The view of <paramref name="request"/> for <paramref name="user"/>; null when the user's organisation is not a party.</summary>
    public static RequestView? For(Principal user, RequestFacts request, DateTimeOffset now, WithheldReferences references)
    {
        // Only case workers of the two parties (those who may read their organisation's records) know of a request: not their
        // policy officers, auditors or administrators, and nobody else.
        var owner = user.Organisation == request.ToOrganisation;
        if ((!owner && user.Organisation != request.FromOrganisation)
            || AccessPolicy.Decide(user, AccessAction.View, AccessTarget.OwnRecordsOf(user.Organisation)) != Decision.Allow)
        {
            return null;
        }

        var open = request.Status is RequestStatus.Open or RequestStatus.AwaitingApproval;
        var released = request.Status == RequestStatus.Released;
        return new RequestView(request.Id, request.HitId, request.Status.Name(), request.Due, open && now > request.Due, request.FromOrganisation,
            request.ToOrganisation, owner ? "incoming" : "outgoing", request.Purpose, request.Urgent, request.DueRule,
            references.For(request.ContributionId, request.EntityId), owner || released ? request.EntityId : null, request.Scope?.Name(), request.Reason,
            request.Created, request.Decided, request.FromUser, owner ? request.DecidedBy : null, owner ? request.ApprovedBy : null);
    }
}
