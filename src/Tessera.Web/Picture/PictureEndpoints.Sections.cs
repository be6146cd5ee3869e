using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Picture;
using Tessera.Storage;
using Tessera.Web.Auth;

namespace Tessera.Web.Picture;

/// <summary>Border sections and their impact levels (Reg. (EU) 2019/1896 Arts. 34–35) under <c>/api/v1/picture/sections</c>.</summary>
internal static partial class PictureEndpoints
{
    private static void MapSections(RouteGroupBuilder group)
    {
        group.MapGet("/sections", async (HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            var hide = PictureAnalysis.AggregatesOnly(http.User.ToPrincipal());
            var sections = await store.Picture.SectionsWithProposalsAsync(ct: http.RequestAborted);
            return Results.Ok(sections.Select(s => SectionDto.From(s, hide)).ToList());
        }).WithName("GetPictureSections").WithSummary("Border sections with their impact level, the measures it requires (Art. 35), a proposed level and the indicators behind the proposal.")
          .Produces<List<SectionDto>>().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/sections/{id}/history", async (string id, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            if (!await SectionExistsAsync(store, id, http.RequestAborted))
            {
                return Entities.EntityEndpoints.NotFound();
            }

            var history = await store.Picture.LevelHistoryAsync(id, http.RequestAborted);
            return Results.Ok(history.Select(LevelChangeDto.From).ToList());
        }).WithName("GetPictureSectionHistory").WithSummary("The level changes of a border section, oldest first: who, from which organisation, when and why.")
          .Produces<List<LevelChangeDto>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/sections/{id}/level", SetLevelAsync).WithName("SetPictureSectionLevel")
          .WithSummary("Sets a border section's impact level with a reason (required); needs the right to set impact levels; the change, or its refusal, is audited.")
          .Produces<LevelChangeDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).DisableAntiforgery();
        group.MapPost("/sections/{id}/level", SetLevelAsync).WithName("SetPictureSectionLevelByPost")
          .WithSummary("The same as PUT, for clients that only post.")
          .Produces<LevelChangeDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).DisableAntiforgery();

        group.MapGet("/sections.geojson", async (HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            var sections = await store.Picture.SectionsWithProposalsAsync(ct: http.RequestAborted);
            return Results.Text(PictureGeoJson.Sections(sections), GeoJsonType);
        }).WithName("GetPictureSectionsGeoJson").WithSummary("GeoJSON FeatureCollection of the border sections as points with their impact level and proposed level.")
          .Produces<string>(StatusCodes.Status200OK, GeoJsonType).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> SetLevelAsync(string id, SetLevelRequest request, HttpContext http, Store store)
    {
        if (string.IsNullOrWhiteSpace(request.Level) || SectionImpactLevels.TryParse(request.Level) is not { } level)
        {
            return BadRequest("level is low, medium, high or critical", "level");
        }

        // Art. 34 levels are decisions: every change carries its reason into the history and the audit log.
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return BadRequest("a reason is required for every change of impact level", "reason");
        }

        try
        {
            var change = await store.Picture.SetLevelAsync(id, level, request.Reason.Trim(), http.User.ToPrincipal(), http.RequestAborted);
            return Results.Ok(LevelChangeDto.From(change));
        }
        catch (UnauthorizedAccessException)
        {
            // The store has audited the refusal before throwing, as for `tessera picture set-level`.
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "your role may not set impact levels (Supervisor or HubAnalyst role required); the refusal is audited");
        }
        catch (ModelException ex) when (ex.Field == "section")
        {
            return Entities.EntityEndpoints.NotFound();
        }
    }

    private static async Task<bool> SectionExistsAsync(Store store, string code, CancellationToken ct) =>
        (await store.Picture.SectionsAsync(ct)).Any(s => s.Section.Code == code);
}
