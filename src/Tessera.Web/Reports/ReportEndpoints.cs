using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Reporting;
using Tessera.Storage;
using Tessera.Web.Auth;

namespace Tessera.Web.Reports;

/// <summary>The Schengen Barometer+ under <c>/api/v1</c>: the report in every format and the action tracker. The stores decide
/// through the access policy and audit every read and change; refusals come back as 403 through the one error handler.</summary>
internal static class ReportEndpoints
{
    /// <summary>A status change as the API takes it.</summary>
    public sealed record ActionStatusBody(string? Status, IReadOnlyList<string>? Evidence, string? Note, DateOnly? Since);

    /// <summary>An action of the note with every organisation's status of it.</summary>
    public sealed record ActionDto(string Id, string Section, string Title, string Text, IReadOnlyList<string> Actors, IReadOnlyList<string> Addressees,
        string Cadence, IReadOnlyList<string> Indicators, IReadOnlyList<ActionStatusDto> Statuses);

    /// <summary>One organisation's status of an action.</summary>
    public sealed record ActionStatusDto(string Organisation, string Status, IReadOnlyList<string> Evidence, string Note, DateOnly Since, string SetBy);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Reports");

        group.MapGet("/reports/barometer", async (string? from, string? to, string? format, int? threshold, HttpContext http, Store store) =>
        {
            var period = ReportPeriod.Parse(from, to);
            var kind = (format ?? "json").Trim().ToLowerInvariant();
            if (!ReportFormats.Names.Contains(kind))
            {
                return Picture.PictureEndpoints.BadRequest("format is pdf, html, json or csv", "format");
            }

            var report = await store.Barometer.ReportAsync(http.User.ToPrincipal(), period, threshold ?? Suppression.DefaultThreshold, ct: http.RequestAborted);
            return Results.File(ReportFormats.Render(report, kind), ReportFormats.ContentType(kind), ReportFormats.FileName(period, kind));
        }).WithName("GetBarometerReport")
          .WithSummary("The Schengen Barometer+ for a period (from, to: YYYY-MM) as json (the `tessera report barometer` contract), html, pdf or csv; aggregates only.")
          .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/html", "application/pdf", "text/csv"])
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/actions", async (string? organisation, HttpContext http, Store store) =>
        {
            var statuses = await store.Actions.StatusesAsync(http.User.ToPrincipal(), Blank(organisation), http.RequestAborted);
            return Results.Ok(BarometerActions.All.Select(a => new ActionDto(a.Id, a.Section, a.Title, a.Text, a.Actors, a.Addressees, a.Cadence, a.Indicators,
                [.. statuses.Where(s => s.ActionId == a.Id).Select(Dto)])).ToList());
        }).WithName("GetActions").WithSummary("The actions of Council note 13901/23 with each organisation's status and evidence.")
          .Produces<List<ActionDto>>().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/actions/{organisation}/{id}/history", async (string organisation, string id, HttpContext http, Store store) =>
            Results.Ok(await store.Actions.HistoryAsync(http.User.ToPrincipal(), organisation, id, http.RequestAborted)))
          .WithName("GetActionHistory").WithSummary("Every change of one organisation's status of one action, oldest first.")
          .Produces<List<Storage.Reporting.ActionChange>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/actions/{organisation}/{id}", async (string organisation, string id, ActionStatusBody body, HttpContext http, Store store) =>
        {
            var set = await store.Actions.SetAsync(http.User.ToPrincipal(), organisation, id, BarometerActions.ParseStatus(body.Status), body.Evidence ?? [],
                body.Note, body.Since, http.RequestAborted);
            return Results.Ok(Dto(set));
        }).WithName("SetActionStatus").WithSummary("Sets the caller's organisation's status of an action, with evidence (case:ID, contribution:N, check:N, note:N or an https link).")
          .Produces<ActionStatusDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ActionStatusDto Dto(ActionProgress p) => new(p.Organisation, BarometerActions.Name(p.Status), p.Evidence, p.Note, p.Since, p.SetBy);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
