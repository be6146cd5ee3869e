using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.FollowUp;
using Tessera.Core.Model;

namespace Tessera.Storage.FollowUp;

/// <summary>Access requests and releases: the requester asks with a purpose and an urgency, the owner releases all or core
/// data or refuses, H2/H3 releases wait for a supervisor, and the owner may revoke a release later.</summary>
/// <remarks>Directive (EU) 2023/977 Art. 16: requests, refusals and provisions are recorded and followed up; every step
/// notifies the other side and is audited on both.</remarks>
public sealed partial class FollowUpStore
{
    private const int MaxText = 2000;

    private const string RequestColumns =
        "id AS Id, hit_id AS HitId, from_organisation AS FromOrganisation, from_user AS FromUser, to_organisation AS ToOrganisation, " +
        "contribution_id AS ContributionId, entity_id AS EntityId, purpose AS Purpose, urgent AS Urgent, created AS Created, due AS Due, due_rule AS DueRule, " +
        "status AS Status, scope AS Scope, reason AS Reason, decided AS Decided, decided_by AS DecidedBy, approved_by AS ApprovedBy";

    /// <summary>Asks the owner of the other side of a hit for its record; returns the request's id.</summary>
    /// <exception cref="ModelException">Unknown hit (or one the user may not know of), no purpose, the record already visible in
    /// full, or a request for it still open.</exception>
    /// <exception cref="AccessRefusedException">The user may not ask in the name of their organisation.</exception>
    public async Task<long> RequestAsync(Principal user, long hitId, string? purpose, bool urgent, CancellationToken ct = default)
    {
        var text = Required(purpose, "purpose", "a request names its purpose");
        var (group, key, hits) = await FindGroupAsync(user, hitId, ct) ?? throw UnknownHit(hitId);
        if (FollowUpRules.MayRequest(user) is { } refusal)
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "access.request", "hit:" + hitId.ToString(CultureInfo.InvariantCulture), nameof(Decision.Deny)), ct);
            throw new AccessRefusedException(refusal);
        }

        var hit = hits.First(h => h.Id == hitId);
        var (contributionId, entityId) = hit.OtherRecord;
        var records = (await _store.Contributions.StatementsOfAsync([entityId], ct)).Where(r => r.Contribution.Id == contributionId).ToList();
        if (records.Count == 0 || EntityView.For(user, AccessAction.View, entityId, records, _store.Settings.References) is not { } seen)
        {
            throw UnknownHit(hitId);
        }

        if (seen.Withheld.Count == 0)
        {
            throw new ModelException($"{user.Organisation} already sees this record in full", field: "hit");
        }

        var owner = records[0].Contribution.Organisation;
        var reference = _store.Settings.References.For(contributionId, entityId);
        var target = AccessTarget.Of(records[0].Contribution, records[0].CaseMembers);
        var confirmed = group.Status == HitStatus.Confirmed.Name();
        var direct = FollowUpRules.DirectlyAccessible(target);
        var now = _store.Time.GetUtcNow();
        var due = Deadlines.Due(now, urgent, direct, confirmed);
        var rule = Deadlines.Rule(urgent, direct, confirmed);

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var open = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM access_requests WHERE from_organisation = @from AND contribution_id = @contributionId AND entity_id = @entityId AND status IN ('open', 'awaiting-approval')",
            new { from = user.Organisation, contributionId, entityId }, tx);
        if (open is { } earlier)
        {
            throw new ModelException($"request {earlier.ToString(CultureInfo.InvariantCulture)} for this record is still open", field: "hit");
        }

        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO access_requests (hit_id, from_organisation, from_user, to_organisation, contribution_id, entity_id, purpose, urgent, created, due, due_rule, status) " +
            "VALUES (@hitId, @from, @fromUser, @owner, @contributionId, @entityId, @text, @urgent, @created, @due, @rule, 'open') RETURNING id",
            new { hitId, from = user.Organisation, fromUser = user.UserName, owner, contributionId, entityId, text, urgent = urgent ? 1 : 0, created = Store.Format(now), due = Store.Format(due), rule }, tx);
        var label = "#" + id.ToString(CultureInfo.InvariantCulture);
        await NotifyAsync(connection, tx, owner, "access-request", hitId, user.Organisation,
            $"{user.Organisation} asks for {reference} ({(urgent ? "urgent" : "not urgent")}, due {Store.Format(due)}): {text}");
        await SetTriageAsync(connection, tx, user, key, hitId, HitStatuses.Parse(group.Status) == HitStatus.New ? HitStatus.InReview : HitStatuses.Parse(group.Status),
            group.Assignee, "request", $"request {label} to {owner}, due {Store.Format(due)}");
        await _store.Audit.AppendAsync(connection, tx,
        [
            AuditEvent.By(user, "access.request", "request:" + id.ToString(CultureInfo.InvariantCulture), "ok", $"to {owner} for {reference}: {text}"),
            new AuditEvent(user.UserName, owner, "access.request.received", "request:" + id.ToString(CultureInfo.InvariantCulture), "ok", $"from {user.Organisation} for entity:{entityId}"),
        ]);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The requests the user's organisation made or received, newest first, each as that side sees it; audited.</summary>
    public async Task<IReadOnlyList<RequestView>> RequestsAsync(Principal user, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<RequestRow>(
            $"SELECT {RequestColumns} FROM access_requests WHERE from_organisation = @org OR to_organisation = @org ORDER BY id DESC", new { org = user.Organisation });
        var now = _store.Time.GetUtcNow();
        var views = rows.Select(r => RequestView.For(user, r.ToFacts(), now, _store.Settings.References)).OfType<RequestView>().ToList();
        await _store.Audit.AppendAsync(AuditEvent.By(user, "requests.read", "requests:" + user.Organisation, "ok",
            string.Create(CultureInfo.InvariantCulture, $"{views.Count} shown, {views.Count(v => v.Overdue)} overdue")), ct);
        return views;
    }

    /// <summary>One request as the user sees it; null when there is none or the user's organisation is not a party (alike).</summary>
    public async Task<RequestView?> RequestAsync(Principal user, long id, CancellationToken ct = default)
    {
        var facts = await FactsAsync(id, ct);
        var view = facts is null ? null : RequestView.For(user, facts, _store.Time.GetUtcNow(), _store.Settings.References);
        await _store.Audit.AppendAsync(AuditEvent.By(user, "request.read", "request:" + id.ToString(CultureInfo.InvariantCulture), view is null ? "none" : "ok"), ct);
        return view;
    }

    /// <summary>The owner's answer: release all or core data, or refuse (<see cref="ReleaseScope.None"/>), with a reason.
    /// An analyst's release of H2/H3 data waits for a supervisor, who approves by deciding again.</summary>
    /// <exception cref="ModelException">Unknown request (or one the user's organisation is not a party to), no reason, or
    /// already answered.</exception>
    /// <exception cref="AccessRefusedException">Not the owner's case worker, informant data, no legal basis for a third
    /// country, or an analyst approving their own proposal.</exception>
    public async Task<RequestView> DecideAsync(Principal user, long id, ReleaseScope scope, string? reason, CancellationToken ct = default)
    {
        var text = Required(reason, "reason", "an answer gives its reason");
        var request = await PartyAsync(user, id, ct);
        if (request.Status is not (RequestStatus.Open or RequestStatus.AwaitingApproval))
        {
            throw ModelException.Clash($"request {id.ToString(CultureInfo.InvariantCulture)} is already {request.Status.Name()}", field: "request");
        }

        var target = await TargetOfAsync(request, ct);
        var requester = await _store.Directory.OrganisationAsync(request.FromOrganisation, ct);
        var kind = PartnerKinds.TryParse(requester?.Kind, out var k) ? k : PartnerKind.ThirdCountry;
        var step = FollowUpRules.Decide(user, target, request.FromOrganisation, kind, scope);
        if (step.Refusal is null && step.Approval && request.Status == RequestStatus.AwaitingApproval)
        {
            step = ReleaseStep.Refused($"releasing H2/H3 data needs the approval of a supervisor of {request.ToOrganisation}");
        }

        var label = "request:" + id.ToString(CultureInfo.InvariantCulture);
        if (step.Refusal is { } refusal)
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "request.decide", label, nameof(Decision.Deny), refusal), ct);
            throw new AccessRefusedException(refusal);
        }

        var now = _store.Time.GetUtcNow();
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (step.Approval)
        {
            await UpdateAsync(connection, tx, id, RequestStatus.AwaitingApproval, scope, text, now, user.UserName, null);
            await NotifyAsync(connection, tx, request.ToOrganisation, "approval-needed", request.HitId, request.ToOrganisation,
                $"{user.UserName} proposes to release {scope.Name()} data to {request.FromOrganisation} (request #{id.ToString(CultureInfo.InvariantCulture)}): a supervisor approves");
            await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(user, "release.propose", label, "ok", $"{scope.Name()} to {request.FromOrganisation}: {text}")]);
        }
        else if (scope == ReleaseScope.None)
        {
            await UpdateAsync(connection, tx, id, RequestStatus.Refused, scope, text, now, user.UserName, null);
            await NotifyAsync(connection, tx, request.FromOrganisation, "request-refused", request.HitId, request.ToOrganisation,
                $"{request.ToOrganisation} refused request #{id.ToString(CultureInfo.InvariantCulture)}: {text}");
            await _store.Audit.AppendAsync(connection, tx,
            [
                AuditEvent.By(user, "request.refuse", label, "ok", text),
                new AuditEvent(user.UserName, request.FromOrganisation, "request.refused", label, "ok", "by " + request.ToOrganisation),
            ]);
        }
        else
        {
            var proposer = request.Status == RequestStatus.AwaitingApproval ? request.DecidedBy ?? user.UserName : user.UserName;
            await UpdateAsync(connection, tx, id, RequestStatus.Released, scope, text, now, proposer, user.UserName);
            await connection.ExecuteAsync(
                "INSERT INTO releases (request_id, contribution_id, entity_id, organisation, scope, purpose, granted, granted_by, approved_by) " +
                "VALUES (@id, @ContributionId, @EntityId, @FromOrganisation, @scope, @Purpose, @now, @proposer, @approver)",
                new { id, request.ContributionId, request.EntityId, request.FromOrganisation, scope = scope.Name(), request.Purpose, now = Store.Format(now), proposer, approver = user.UserName }, tx);
            await NotifyAsync(connection, tx, request.FromOrganisation, "request-released", request.HitId, request.ToOrganisation,
                $"{request.ToOrganisation} released {scope.Name()} data (request #{id.ToString(CultureInfo.InvariantCulture)}) for: {request.Purpose}");
            await _store.Audit.AppendAsync(connection, tx,
            [
                AuditEvent.By(user, "release.grant", label, "ok", $"{scope.Name()} of entity:{request.EntityId} to {request.FromOrganisation}: {text}"),
                new AuditEvent(user.UserName, request.FromOrganisation, "release.received", label, "ok", $"{scope.Name()} from {request.ToOrganisation}"),
            ]);
        }

        await tx.CommitAsync(ct);
        return RequestView.For(user, (await FactsAsync(id, ct))!, _store.Time.GetUtcNow(), _store.Settings.References)!;
    }

    /// <summary>Approves an analyst's proposed release of H2/H3 data as proposed: a supervisor's decision.</summary>
    public async Task<RequestView> ApproveAsync(Principal user, long id, string? reason, CancellationToken ct = default)
    {
        var request = await PartyAsync(user, id, ct);
        if (request.Status != RequestStatus.AwaitingApproval || request.Scope is not { } scope)
        {
            throw new ModelException($"request {id.ToString(CultureInfo.InvariantCulture)} awaits no approval (it is {request.Status.Name()})", field: "request");
        }

        return await DecideAsync(user, id, scope, string.IsNullOrWhiteSpace(reason) ? "approved: " + request.Reason : reason, ct);
    }

    /// <summary>Revokes a release (Europol Regulation Art. 19: the provider may add restrictions later); the requester sees the
    /// record withheld again at once.</summary>
    public async Task<RequestView> RevokeAsync(Principal user, long id, string? reason, CancellationToken ct = default)
    {
        var text = Required(reason, "reason", "a revocation gives its reason");
        var request = await PartyAsync(user, id, ct);
        var label = "request:" + id.ToString(CultureInfo.InvariantCulture);
        if (FollowUpRules.MayRevoke(user, await TargetOfAsync(request, ct)) is { } refusal)
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "release.revoke", label, nameof(Decision.Deny), refusal), ct);
            throw new AccessRefusedException(refusal);
        }

        if (request.Status != RequestStatus.Released)
        {
            throw new ModelException($"request {id.ToString(CultureInfo.InvariantCulture)} has no release in force (it is {request.Status.Name()})", field: "request");
        }

        var now = _store.Now();
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync("UPDATE releases SET revoked = @now, revoked_by = @user, revoke_reason = @text WHERE request_id = @id AND revoked IS NULL",
            new { now, user = user.UserName, text, id }, tx);
        await connection.ExecuteAsync("UPDATE access_requests SET status = 'revoked', reason = @text WHERE id = @id", new { id, text }, tx);
        await NotifyAsync(connection, tx, request.FromOrganisation, "release-revoked", request.HitId, request.ToOrganisation,
            $"{request.ToOrganisation} revoked its release (request #{id.ToString(CultureInfo.InvariantCulture)}): {text}");
        await _store.Audit.AppendAsync(connection, tx,
        [
            AuditEvent.By(user, "release.revoke", label, "ok", text),
            new AuditEvent(user.UserName, request.FromOrganisation, "release.revoked", label, "ok", "by " + request.ToOrganisation),
        ]);
        await tx.CommitAsync(ct);
        return RequestView.For(user, (await FactsAsync(id, ct))!, _store.Time.GetUtcNow(), _store.Settings.References)!;
    }

    /// <summary>The releases in force on the given contributions' records, for the policy (<see cref="StatementRecord.Releases"/>).</summary>
    internal static async Task<ILookup<(long, string), ReleaseGrant>> ReleasesInForceAsync(Store store, DbConnection connection, long[] contributionIds)
    {
        // Releases are few: for a long list of contributions, reading them all costs less than a long IN list.
        var rows = await connection.QueryAsync<(long Id, long ContributionId, string EntityId, string Organisation, string Scope, string Purpose)>(
            "SELECT id, contribution_id, entity_id, organisation, scope, purpose FROM releases WHERE revoked IS NULL" +
            (contributionIds.Length > 500 ? "" : " AND " + store.In("contribution_id", "ids")), new { ids = contributionIds });
        return rows.Select(r => new ReleaseGrant(r.Id, r.ContributionId, r.EntityId, r.Organisation, FollowUpNames.ParseScope(r.Scope), r.Purpose))
            .ToLookup(r => (r.ContributionId, r.EntityId));
    }

    /// <summary>The request, when the user's organisation is a party to it; else unknown (exit 2, HTTP 404), as for no request.</summary>
    private async Task<RequestFacts> PartyAsync(Principal user, long id, CancellationToken ct)
    {
        var facts = await FactsAsync(id, ct);
        if (facts is null || RequestView.For(user, facts, _store.Time.GetUtcNow(), _store.Settings.References) is null)
        {
            throw ModelException.Unknown($"unknown request {id.ToString(CultureInfo.InvariantCulture)}", "request");
        }

        if (facts.ToOrganisation != user.Organisation)
        {
            throw new AccessRefusedException($"only {facts.ToOrganisation} answers request {id.ToString(CultureInfo.InvariantCulture)}");
        }

        return facts;
    }

    private async Task<AccessTarget> TargetOfAsync(RequestFacts request, CancellationToken ct)
    {
        var record = (await _store.Contributions.StatementsOfAsync([request.EntityId], ct)).FirstOrDefault(r => r.Contribution.Id == request.ContributionId)
            ?? throw new ModelException($"the record of request {request.Id.ToString(CultureInfo.InvariantCulture)} no longer exists", field: "request");
        return AccessTarget.Of(record.Contribution, record.CaseMembers);
    }

    private async Task<RequestFacts?> FactsAsync(long id, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<RequestRow>($"SELECT {RequestColumns} FROM access_requests WHERE id = @id", new { id }))?.ToFacts();
    }

    private static Task<int> UpdateAsync(DbConnection connection, DbTransaction tx, long id, RequestStatus status, ReleaseScope scope, string reason,
        DateTimeOffset now, string decidedBy, string? approvedBy) =>
        connection.ExecuteAsync(
            "UPDATE access_requests SET status = @status, scope = @scope, reason = @reason, decided = @now, decided_by = @decidedBy, approved_by = @approvedBy WHERE id = @id",
            new { id, status = status.Name(), scope = scope.Name(), reason, now = Store.Format(now), decidedBy, approvedBy }, tx);

    private Task<int> NotifyAsync(DbConnection connection, DbTransaction tx, string organisation, string kind, long hitId, string from, string details) =>
        connection.ExecuteAsync(
            "INSERT INTO notices (created, organisation, kind, hit_id, from_organisation, details) VALUES (@now, @organisation, @kind, @hitId, @from, @details)",
            new { now = _store.Now(), organisation, kind, hitId, from, details }, tx);

    private static string Required(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ModelException(message, field: field);
        }

        var trimmed = text.Trim();
        Core.Ingest.TextHygiene.Require(trimmed, null, null, field);
        return trimmed.Length <= MaxText ? trimmed : throw new ModelException($"at most {MaxText} characters", field: field);
    }

    private sealed record RequestRow(long Id, long HitId, string FromOrganisation, string FromUser, string ToOrganisation, long ContributionId, string EntityId,
        string Purpose, long Urgent, string Created, string Due, string DueRule, string Status, string? Scope, string? Reason, string? Decided, string? DecidedBy,
        string? ApprovedBy)
    {
        public RequestFacts ToFacts() => new(Id, HitId, FromOrganisation, FromUser, ToOrganisation, ContributionId, EntityId, Purpose, Urgent != 0,
            Store.ParseTime(Created), Store.ParseTime(Due), DueRule, FollowUpNames.ParseStatus(Status), Scope is null ? null : FollowUpNames.ParseScope(Scope), Reason,
            Decided is null ? null : Store.ParseTime(Decided), DecidedBy, ApprovedBy);
    }
}
