using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Audit;
using Tessera.Storage;
using Tessera.Storage.Audit;
using Tessera.Web.Auth;

namespace Tessera.Web.Audit;

/// <summary>The audit trail under <c>/api/v1/audit</c>, for auditors only: entries and end-to-end chain verification.</summary>
internal static class AuditEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/audit").RequireAuthorization().WithTags("Audit");

        group.MapGet("/", async (long? from, int? limit, HttpContext http, Store store) =>
        {
            if (await RefuseAsync(http, store) is { } refused)
            {
                return refused;
            }

            var entries = new List<AuditEntry>();
            await foreach (var e in store.Audit.ReadAsync(Math.Max(1, from ?? 1), Math.Clamp(limit ?? 200, 1, 1000), http.RequestAborted))
            {
                entries.Add(e);
            }

            return Results.Ok(entries);
        }).WithName("AuditEntries").WithSummary("Audit entries from a sequence number (auditors only).").Produces<List<AuditEntry>>();

        group.MapGet("/search", async ([AsParameters] AuditQuery query, int? pageSize, HttpContext http, Store store) =>
        {
            var filter = query.ToFilter();
            if (!await store.Audit.OpenAsync(http.User.ToPrincipal(), "audit.search", filter, http.RequestAborted))
            {
                return Refused();
            }

            var size = Math.Clamp(pageSize ?? 50, 1, AuditLog.MaxPageSize);
            var page = await store.Audit.SearchAsync(filter, Math.Max(query.Page, 1), size, http.RequestAborted);
            return Results.Ok(new AuditPageDto(page.Entries, page.Total, Math.Max(query.Page, 1), size, page.UpTo));
        }).WithName("SearchAudit").WithSummary("Entries matching user, organisation, action (or its family), outcome and a date range, newest first, a page at a time; pass upto back for later pages (auditors only).")
          .Produces<AuditPageDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/export.csv", async ([AsParameters] AuditQuery query, HttpContext http, Store store) =>
        {
            var filter = query.ToFilter();
            if (!await store.Audit.OpenAsync(http.User.ToPrincipal(), "audit.export", filter, http.RequestAborted))
            {
                return Refused();
            }

            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false));
                await AuditCsv.WriteAsync(store.Audit.MatchingAsync(filter, http.RequestAborted), writer, http.RequestAborted);
            }, "text/csv; charset=utf-8", "tessera-audit.csv");
        }).WithName("ExportAudit").WithSummary("The entries matching the same criteria as CSV, oldest first; text cannot start a spreadsheet formula (auditors only).")
          .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/verify", async (HttpContext http, Store store) =>
            await RefuseAsync(http, store) ?? Results.Ok(await store.Audit.VerifyAsync(http.RequestAborted)))
            .WithName("VerifyAudit").WithSummary("Recomputes the keyed chain end to end, checks the signed head and names the first broken entry (auditors only).")
            .Produces<AuditVerification>().DisableAntiforgery();
    }

    /// <summary>403 for anyone but an auditor; the refusal is audited too.</summary>
    internal static async Task<IResult?> RefuseAsync(HttpContext http, Store store) =>
        await store.Audit.MayReadAsync(http.User.ToPrincipal(), http.RequestAborted) ? null : Refused();

    private static IResult Refused() => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "only auditors read the audit trail");

    /// <param name="UpTo">The newest entry the pages cover; pass it back as <c>upto</c> for the next pages.</param>
    internal sealed record AuditPageDto(IReadOnlyList<AuditEntry> Entries, long Total, int Page, int PageSize, long UpTo);
}
