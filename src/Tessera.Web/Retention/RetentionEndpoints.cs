using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Storage;
using Tessera.Storage.Contributions;
using Tessera.Web.Auth;

namespace Tessera.Web.Retention;

/// <summary>Retention under <c>/api/v1/retention</c>: the caller's organisation's own contributions due for review.</summary>
internal static class RetentionEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/retention").RequireAuthorization().WithTags("Retention").DisableAntiforgery();

        group.MapGet("/due", async (HttpContext http, Store store) =>
            Results.Ok(await store.Retention.DueAsync(http.User.ToPrincipal(), http.RequestAborted)))
            .WithName("RetentionDue")
            .WithSummary($"The caller's organisation's contributions due for review within {Tessera.Storage.Contributions.Retention.NoticeDays} days, or past it and not yet erased, soonest first.")
            .Produces<IReadOnlyList<RetentionDue>>();
    }
}
