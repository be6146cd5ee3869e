using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Access;
using Tessera.Core.FollowUp;
using Tessera.Storage;
using Tessera.Storage.FollowUp;
using Tessera.Web.Auth;

namespace Tessera.Web.CrossCheck;

/// <summary>Hit follow-up under <c>/api/v1</c>: the triage inbox, match decisions, access requests and releases. Every step is
/// decided in Core (<see cref="FollowUpRules"/>) and audited by the store; an id the caller may not know of answers 404 like an
/// unknown one, a step the caller may not take answers 403 with the reason.</summary>
internal static class FollowUpEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Follow-up").DisableAntiforgery();

        group.MapGet("/hits/groups", async (HttpContext http, Store store, string? status, string? kind, string? @case, string? partner, DateOnly? from, DateOnly? to,
            bool? review, string? sort, int? offset, int? limit) =>
            Results.Ok(await store.FollowUp.InboxAsync(http.User.ToPrincipal(), new HitGroupFilter(
                string.IsNullOrEmpty(status) ? null : HitStatuses.Parse(status), Blank(kind), Blank(@case), Blank(partner), from, to, review ?? false,
                sort ?? "newest", offset ?? 0, limit ?? 50), http.RequestAborted)))
            .WithName("HitGroups").WithSummary("The caller's hit groups (hits between the same two records, or the same two organisations on one shared identifier) with status and assignee; filtered by status, kind, case, partner and date, sorted and paged. Review-band hits only with review=true.")
            .Produces<HitGroupPage>();

        group.MapGet("/hits/{id:long}", async (long id, HttpContext http, Store store) =>
            await store.FollowUp.GroupAsync(http.User.ToPrincipal(), id, http.RequestAborted) is { } found
                ? Results.Ok(new HitGroupDetail(found.Group, found.History))
                : Entities.EntityEndpoints.NotFound())
            .WithName("HitGroup").WithSummary("One hit group with its history, as the caller sees it; 404 when the caller may not know of the hit.")
            .Produces<HitGroupDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/hits/{id:long}/status", async (long id, StatusChange change, HttpContext http, Store store) =>
        {
            await store.FollowUp.SetStatusAsync(http.User.ToPrincipal(), id, HitStatuses.Parse(change.Status), http.RequestAborted);
            return Results.NoContent();
        }).WithName("SetHitStatus").WithSummary("Moves the caller's hit group to in-review or closed (reopen with in-review).");

        group.MapPost("/hits/{id:long}/assign", async (long id, Assignment assignment, HttpContext http, Store store) =>
        {
            await store.FollowUp.AssignAsync(http.User.ToPrincipal(), id, assignment.Assignee, http.RequestAborted);
            return Results.NoContent();
        }).WithName("AssignHit").WithSummary("Assigns the caller's hit group to a user of the caller's organisation (null: nobody).");

        group.MapPost("/hits/{id:long}/confirm", async (long id, Reasoned body, HttpContext http, Store store) =>
        {
            await store.FollowUp.JudgeAsync(http.User.ToPrincipal(), id, true, body.Reason, http.RequestAborted);
            return Results.NoContent();
        }).WithName("ConfirmMatch").WithSummary("Confirms the hit's match with a reason (Prüm II Art. 47: manually confirmed by qualified staff); the records become one identity.");

        group.MapPost("/hits/{id:long}/reject", async (long id, Reasoned body, HttpContext http, Store store) =>
        {
            await store.FollowUp.JudgeAsync(http.User.ToPrincipal(), id, false, body.Reason, http.RequestAborted);
            return Results.NoContent();
        }).WithName("RejectMatch").WithSummary("Rejects the hit's match with a reason; the two records never hit again.");

        group.MapPost("/entities/split", async (SplitRequest body, HttpContext http, Store store) =>
        {
            await store.FollowUp.SplitAsync(http.User.ToPrincipal(), body.Entity ?? "", body.Other ?? "", body.Reason, http.RequestAborted);
            return Results.NoContent();
        }).WithName("SplitIdentity").WithSummary("Undoes a confirmed match: the two records are shown apart again.");

        group.MapGet("/requests", async (HttpContext http, Store store) => Results.Ok(await store.FollowUp.RequestsAsync(http.User.ToPrincipal(), http.RequestAborted)))
            .WithName("Requests").WithSummary("Requests the caller's organisation made (outgoing) or received (incoming), newest first, with deadlines; overdue ones flagged.")
            .Produces<IReadOnlyList<RequestView>>();

        group.MapGet("/requests/{id:long}", async (long id, HttpContext http, Store store) =>
            await store.FollowUp.RequestAsync(http.User.ToPrincipal(), id, http.RequestAborted) is { } view ? Results.Ok(view) : Entities.EntityEndpoints.NotFound())
            .WithName("Request").WithSummary("One request as the caller's side sees it; 404 when the caller's organisation is not a party.")
            .Produces<RequestView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/requests", async (NewRequest body, HttpContext http, Store store) =>
        {
            var id = await store.FollowUp.RequestAsync(http.User.ToPrincipal(), body.Hit, body.Purpose, body.Urgent ?? false, http.RequestAborted);
            return Results.Created($"/api/v1/requests/{id}", new { id });
        }).WithName("AddRequest").WithSummary("Asks the owner of a hit's other record for it, with a purpose (required) and urgency; the deadline follows Prüm II Art. 47 and Directive 2023/977 Art. 5.");

        group.MapPost("/requests/{id:long}/decision", async (long id, Answer body, HttpContext http, Store store) =>
            Results.Ok(await store.FollowUp.DecideAsync(http.User.ToPrincipal(), id, FollowUpNames.ParseScope(body.Release), body.Reason, http.RequestAborted)))
            .WithName("DecideRequest").WithSummary("The owner's answer: release all, core or none (refuse), with a reason; an analyst's H2/H3 release waits for a supervisor.")
            .Produces<RequestView>();

        group.MapPost("/requests/{id:long}/approve", async (long id, Reasoned body, HttpContext http, Store store) =>
            Results.Ok(await store.FollowUp.ApproveAsync(http.User.ToPrincipal(), id, body.Reason, http.RequestAborted)))
            .WithName("ApproveRequest").WithSummary("A supervisor of the owner approves the release a colleague proposed.").Produces<RequestView>();

        group.MapPost("/requests/{id:long}/revoke", async (long id, Reasoned body, HttpContext http, Store store) =>
            Results.Ok(await store.FollowUp.RevokeAsync(http.User.ToPrincipal(), id, body.Reason, http.RequestAborted)))
            .WithName("RevokeRelease").WithSummary("The owner revokes a release; the requester sees the record withheld again at once.").Produces<RequestView>();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    internal sealed record HitGroupDetail(HitGroupView Group, IReadOnlyList<HitEvent> History);

    internal sealed record StatusChange(string? Status);

    internal sealed record Assignment(string? Assignee);

    internal sealed record Reasoned(string? Reason);

    internal sealed record SplitRequest(string? Entity, string? Other, string? Reason);

    internal sealed record NewRequest(long Hit, string? Purpose, bool? Urgent);

    internal sealed record Answer(string? Release, string? Reason);
}
