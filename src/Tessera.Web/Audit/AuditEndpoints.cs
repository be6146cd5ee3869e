using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Audit;
using Tessera.Storage;
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

        group.MapPost("/verify", async (HttpContext http, Store store) =>
            await RefuseAsync(http, store) ?? Results.Ok(await store.Audit.VerifyAsync(http.RequestAborted)))
            .WithName("VerifyAudit").WithSummary("Recomputes the keyed chain end to end, checks the signed head and names the first broken entry (auditors only).")
            .Produces<AuditVerification>().DisableAntiforgery();
    }

    /// <summary>403 for anyone but an auditor; the refusal is audited too.</summary>
    internal static async Task<IResult?> RefuseAsync(HttpContext http, Store store) =>
        await store.Audit.MayReadAsync(http.User.ToPrincipal(), http.RequestAborted)
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "only auditors read the audit trail");
}
