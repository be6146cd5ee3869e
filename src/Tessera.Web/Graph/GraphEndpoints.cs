using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Storage;
using Tessera.Storage.Graph;
using Tessera.Web.Auth;

namespace Tessera.Web.Graph;

/// <summary>The network of a case under <c>/api/v1/graph</c>: nodes with measures and high-value-target leads, and ties.</summary>
internal static class GraphEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/graph", async (string? @case, HttpContext http, Store store) =>
        {
            var user = http.User.ToPrincipal();
            var view = await NetworkView.BuildAsync(store, user, @case, http.RequestAborted);
            await store.Audit.AppendAsync(new Core.Audit.AuditEvent(user.UserName, user.Organisation, "graph.read", @case is null ? "all" : "case:" + @case, "ok",
                $"{view.Nodes.Count} nodes, {view.Edges.Count} ties"), http.RequestAborted);
            return Results.Ok(view);
        }).RequireAuthorization().WithTags("Graph").WithName("CaseGraph")
          .WithSummary("The network the caller may see (one case, or all): entities as nodes, relationships and shared identifiers as ties, persons resolved as the same merged into one node; each node with degree, betweenness, PageRank, community and its organiser/broker/money-handler leads with the measures behind them.")
          .Produces<NetworkView>();

        app.MapGet("/api/v1/graph/expand", async (string node, string? @case, int? radius, HttpContext http, Store store) =>
            Results.Ok((await NetworkView.BuildAsync(store, http.User.ToPrincipal(), @case, http.RequestAborted)).Ego(node, radius ?? 1)))
            .RequireAuthorization().WithTags("Graph").WithName("ExpandNode")
            .WithSummary("The neighbourhood of one node (1–3 ties), as the caller may see it: what a link chart adds when a node is expanded.").Produces<NetworkView>();

        app.MapGet("/api/v1/graph/paths", async (string from, string to, string? @case, int? maxHops, HttpContext http, Store store) =>
            Results.Ok((await NetworkView.BuildAsync(store, http.User.ToPrincipal(), @case, http.RequestAborted)).PathsBetween(from, to, maxHops ?? 4)))
            .RequireAuthorization().WithTags("Graph").WithName("PathsBetween")
            .WithSummary("Every simple path of at most maxHops ties (default 4) between two nodes the caller may see, shortest first.").Produces<IReadOnlyList<IReadOnlyList<string>>>();
    }
}
