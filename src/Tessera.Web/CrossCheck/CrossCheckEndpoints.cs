using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Matching;
using Tessera.Core.Normalisation;
using Tessera.Storage;
using Tessera.Storage.CrossCheck;
using Tessera.Web.Auth;

namespace Tessera.Web.CrossCheck;

/// <summary>The hit inbox, access requests and systematic checks under <c>/api/v1</c>, every answer through the access policy.</summary>
internal static class CrossCheckEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Cross-check").DisableAntiforgery();

        group.MapGet("/hits", async (HttpContext http, Store store) =>
            Results.Ok(await HitInbox.ForAsync(store, http.User.ToPrincipal(), 200, http.RequestAborted)))
            .WithName("HitInbox").WithSummary("The hits of the caller's organisation: the other side in full where allowed, else only its owner and a reference to ask for it.")
            .Produces<IReadOnlyList<HitView>>();

        group.MapGet("/notices", async (HttpContext http, Store store) =>
            Results.Ok(await HitInbox.NoticesAsync(store, http.User.ToPrincipal(), 200, http.RequestAborted)))
            .WithName("Notices").WithSummary("Notices to the caller's organisation (new hits and requests for access), only for hits the caller's inbox shows.").Produces<IReadOnlyList<Notice>>();

        group.MapGet("/references/{reference}", async (string reference, HttpContext http, Store store) =>
            await store.Contributions.ResolveReferenceAsync(reference, http.User.ToPrincipal(), http.RequestAborted) is { } found
                ? Results.Ok(new ResolvedReference(reference, found.EntityId, found.ContributionId))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found"))
            .WithName("ResolveReference").WithSummary("For the owner: the record a withheld-record reference names (an access request quotes it). Anyone else gets 404, as for an unknown reference.")
            .Produces<ResolvedReference>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/checks/person", async (PersonCheck check, HttpContext http, Store store) =>
        {
            if (string.IsNullOrWhiteSpace(check.Name))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "a name is required", extensions: new Dictionary<string, object?> { ["field"] = "name" });
            }

            var query = new PersonRecord("query") { Name = check.Name, BirthDate = check.BirthDate, Nationality = check.Nationality };
            return Results.Ok(await store.CrossCheck.ScreenPersonAsync(query, http.User.ToPrincipal(), check.List, http.RequestAborted));
        }).WithName("CheckPerson").WithSummary("Screens a person against stored data or one reference list; the check is logged.").Produces<ScreeningResult>();

        group.MapPost("/checks/identifier", async (IdentifierCheck check, HttpContext http, Store store) =>
        {
            if (string.IsNullOrWhiteSpace(check.Type) || string.IsNullOrWhiteSpace(check.Value))
            {
                var field = string.IsNullOrWhiteSpace(check.Type) ? "type" : "value";
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"a {field} is required", extensions: new Dictionary<string, object?> { ["field"] = field });
            }

            var normalised = Normalisers.Normalise(check.Type, check.Value, new NormalisationContext(check.Region));
            if (normalised is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"unknown identifier type '{check.Type}'", extensions: new Dictionary<string, object?> { ["field"] = "type" });
            }

            if (!normalised.Valid || normalised.Value is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: normalised.Reason ?? "invalid", extensions: new Dictionary<string, object?> { ["field"] = "value" });
            }

            return Results.Ok(await store.CrossCheck.ScreenIdentifierAsync(check.Type, normalised.Value, http.User.ToPrincipal(), check.List, http.RequestAborted));
        }).WithName("CheckIdentifier").WithSummary("Screens a phone, IBAN, document, IMO, wallet … against stored data; the check is logged.").Produces<ScreeningResult>();
    }


    internal sealed record ResolvedReference(string Reference, string EntityId, long ContributionId);

    internal sealed record PersonCheck(string Name, string? BirthDate, string? Nationality, string? List);

    internal sealed record IdentifierCheck(string? Type, string? Value, string? Region, string? List);
}
