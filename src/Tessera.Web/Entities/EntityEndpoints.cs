using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Contributions;
using Tessera.Web.Auth;

namespace Tessera.Web.Entities;

/// <summary>Entity read and search under <c>/api/v1/entities</c>, every answer through the access policy.</summary>
internal static class EntityEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/entities").RequireAuthorization().WithTags("Entities");

        group.MapGet("/{id}", async (string id, HttpContext http, Store store) =>
        {
            var user = http.User.ToPrincipal();
            var view = await store.Contributions.ReadEntityAsync(id, user, http.RequestAborted);
            // Not allowed to know and no such entity give the very same answer.
            return view is null ? NotFound() : Results.Ok(EntityDto.From(view) with
            {
                AlsoHeldBy = view.HitOnly ? [] : await store.FollowUp.AlsoHeldAsync(user, id, http.RequestAborted),
            });
        }).WithName("GetEntity").WithSummary("One entity with the values the caller may see, each with its provenance; hit-only when the caller may only learn that it exists.")
          .Produces<EntityDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/search", async (SearchRequest request, HttpContext http, Store store) =>
        {
            if (string.IsNullOrWhiteSpace(request.Query) || request.Query.Trim().Length < 2 || request.Query.Trim().Length > ContributionStore.MaxQueryLength)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"a search needs 2 to {ContributionStore.MaxQueryLength} characters",
                    extensions: new Dictionary<string, object?> { ["field"] = "query" });
            }

            if (request.Offset is < 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "offset must not be negative", extensions: new Dictionary<string, object?> { ["field"] = "offset" });
            }

            var views = await store.Contributions.SearchAsync(request.Query, http.User.ToPrincipal(), Math.Clamp(request.Limit ?? 50, 1, 200), request.Offset ?? 0, http.RequestAborted);
            return Results.Ok(views.Select(EntitySummaryDto.From).ToList());
        }).WithName("SearchEntities").WithSummary("Entities the caller may read whose names or identifiers contain the query, paged by limit and offset; a withheld record answers only to a complete identifier, as a hit-only reference. The query travels in the body, never in the URL.")
          .Produces<List<EntitySummaryDto>>().DisableAntiforgery();
    }

    internal static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found");
}

internal sealed record SearchRequest(string Query, int? Limit, int? Offset);

internal sealed record ProvenanceDto(long ContributionId, string Organisation, string? Case, string Handling, string? H3Text, string Reliability,
    int Accuracy, string SubjectCategory, string Purpose, DateTimeOffset Created, DateOnly ReviewDate);

internal sealed record ValueDto(string Property, string Value, string? Normalised, bool Valid, string? Reason, ProvenanceDto Provenance);

internal sealed record WithheldDto(string Owner, string Reference);

internal sealed record EntityDto(string Id, string Schema, string Disclosure, string Caption, IReadOnlyList<ValueDto> Values, IReadOnlyList<WithheldDto> Withheld)
{
    /// <summary>The other records of the same resolved identity the caller may know of (confirmed matches, one IMO one vessel).</summary>
    public IReadOnlyList<Storage.FollowUp.IdentityMember> AlsoHeldBy { get; init; } = [];

    public static EntityDto From(EntityView view) => new(view.HitOnly ? view.Withheld[0].Reference : view.Id, view.Schema, view.HitOnly ? "hit-only" : "full",
        view.HitOnly ? "hit — ask the owner" : view.ToEntity().Caption,
        view.Statements.Select(s => new ValueDto(s.Statement.Property, s.Statement.Value, s.Statement.Normalised, s.Statement.Valid, s.Statement.Reason,
            new ProvenanceDto(s.Contribution.Id, s.Contribution.Organisation, s.Contribution.CaseId, s.Contribution.Handling.ToString(), s.Contribution.Handling.H3Text,
                s.Contribution.Reliability.ToString(), s.Contribution.Accuracy, (s.RowSubject ?? s.Contribution.SubjectCategory).ToString(), s.Contribution.Purpose,
                s.Contribution.Created, s.Contribution.ReviewDate))).ToList(),
        view.Withheld.Select(w => new WithheldDto(w.Owner, w.Reference)).ToList());
}

internal sealed record EntitySummaryDto(string Id, string Schema, string Disclosure, string Caption, IReadOnlyList<string> Owners, IReadOnlyList<WithheldDto> Withheld)
{
    public static EntitySummaryDto From(EntityView view) => new(view.HitOnly ? view.Withheld[0].Reference : view.Id, view.Schema, view.HitOnly ? "hit-only" : "full",
        view.HitOnly ? "hit — ask the owner" : view.ToEntity().Caption,
        view.Statements.Select(s => s.Contribution.Organisation).Distinct(StringComparer.Ordinal).ToList(),
        view.Withheld.Select(w => new WithheldDto(w.Owner, w.Reference)).ToList());
}
