using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Model;
using Tessera.Storage;
using Tessera.Storage.Cases;
using Tessera.Web.Auth;

namespace Tessera.Web.Cases;

/// <summary>Case workspaces under <c>/api/v1/cases</c>: the caller's cases, one case's workspace and its notes, members only.</summary>
/// <remarks>A case the caller's organisation is not a member of answers 404, exactly as a case that does not exist.</remarks>
internal static class CaseEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/cases").RequireAuthorization().WithTags("Cases").DisableAntiforgery();

        group.MapGet("/", async (HttpContext http, Store store) =>
            Results.Ok((await CaseWorkspace.CasesOfAsync(store, http.User.ToPrincipal(), http.RequestAborted)).Select(CaseDto.From)))
            .WithName("Cases").WithSummary("The cases the caller's organisation is a member of.").Produces<IReadOnlyList<CaseDto>>();

        group.MapGet("/{id}", async (string id, HttpContext http, Store store) =>
            await CaseWorkspace.OpenAsync(store, id, http.User.ToPrincipal(), http.RequestAborted) is { } view
                ? Results.Ok(CaseViewDto.From(view))
                : NotFound())
            .WithName("Case").WithSummary("A case's workspace: members, contributions as the policy lets the caller see them, notes and hits.")
            .Produces<CaseViewDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/notes", async (string id, HttpContext http, Store store) =>
            await CaseNotes.ReadAsync(store, id, http.User.ToPrincipal(), http.RequestAborted) is { } notes ? Results.Ok(notes) : NotFound())
            .WithName("CaseNotes").WithSummary("The notes of a case, oldest first; members only.")
            .Produces<IReadOnlyList<CaseNote>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/notes", async (string id, NoteRequest request, HttpContext http, Store store) =>
        {
            try
            {
                return await CaseNotes.AddAsync(store, id, request.Text ?? "", http.User.ToPrincipal(), http.RequestAborted) is { } note
                    ? Results.Created($"/api/v1/cases/{Uri.EscapeDataString(id)}/notes", note)
                    : NotFound();
            }
            catch (ModelException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message, extensions: new Dictionary<string, object?> { ["field"] = e.Field });
            }
        }).WithName("AddCaseNote").WithSummary("Adds a note to a case in the caller's name; members who may contribute only.")
          .Produces<CaseNote>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such case");

    internal sealed record NoteRequest(string? Text);
}

internal sealed record CaseDto(string Id, string Title, string Owner, IReadOnlyList<string> Members)
{
    public static CaseDto From(Storage.Directory.CaseInfo c) => new(c.Id, c.Title, c.Owner, c.Members.Order(StringComparer.Ordinal).ToList());
}

internal sealed record CaseViewDto(CaseDto Case, IReadOnlyList<CaseContribution> Contributions, IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<Storage.CrossCheck.HitView> Hits)
{
    public static CaseViewDto From(CaseView v) => new(CaseDto.From(v.Case), v.Contributions, v.Notes, v.Hits);
}
