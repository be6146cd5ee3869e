using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Storage;
using Tessera.Storage.Graph;
using Tessera.Web.Auth;

namespace Tessera.Web.Graph;

/// <summary>The network of a case under <c>/api/v1/graph</c>: nodes with measures and high-value-target leads, and ties.</summary>
internal static class GraphEndpoints
{
    /// <summary>The export formats with their media type and file extension.</summary>
    internal static readonly IReadOnlyDictionary<string, (string ContentType, string Extension)> ExportTypes =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["graphml"] = ("application/graphml+xml", "graphml"),
            ["gexf"] = ("application/gexf+xml", "gexf"),
            ["cytoscape"] = ("application/json", "cyjs.json"),
            ["i2"] = ("text/csv", "csv"),
        };

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/graph", async (string? @case, HttpContext http, Store store) =>
            Results.Ok(await NetworkReads.ReadAsync(store, http.User.ToPrincipal(), @case, http.RequestAborted)))
          .RequireAuthorization().WithTags("Graph").WithName("CaseGraph")
          .WithSummary("The network the caller may see (one case, or all): entities as nodes, relationships and shared identifiers as ties, the records of one resolved identity the caller may see (a confirmed match, one IMO number, the same person found by the cross-check) merged into one node with its members and their organisations; each node with degree, betweenness, PageRank, community and its organiser/broker/money-handler leads with the measures behind them.")
          .Produces<NetworkView>();

        app.MapGet("/api/v1/graph/expand", async (string node, string? @case, int? radius, HttpContext http, Store store) =>
            Results.Ok(await NetworkReads.ExpandAsync(store, http.User.ToPrincipal(), node, @case, radius ?? 1, http.RequestAborted)))
            .RequireAuthorization().WithTags("Graph").WithName("ExpandNode")
            .WithSummary("The neighbourhood of one node (1–3 ties; a merged node is also found by any member id), as the caller may see it: what a link chart adds when a node is expanded.").Produces<NetworkView>();

        app.MapGet("/api/v1/graph/paths", async (string from, string to, string? @case, int? maxHops, HttpContext http, Store store) =>
            Results.Ok(await NetworkReads.PathsAsync(store, http.User.ToPrincipal(), from, to, @case, maxHops ?? 4, http.RequestAborted)))
            .RequireAuthorization().WithTags("Graph").WithName("PathsBetween")
            .WithSummary("Every simple path of at most maxHops ties (default 4) between two nodes the caller may see, shortest first.").Produces<IReadOnlyList<IReadOnlyList<string>>>();

        app.MapGet("/api/v1/graph/export", async (string? @case, string? format, HttpContext http, Store store) =>
        {
            format ??= "graphml";
            if (!ExportTypes.TryGetValue(format, out var type))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "unknown export format; known: " + string.Join(", ", ExportTypes.Keys),
                    extensions: new Dictionary<string, object?> { ["field"] = "format" });
            }

            var text = await NetworkReads.ExportAsync(store, http.User.ToPrincipal(), @case, format, null, http.RequestAborted);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), type.ContentType, "network." + type.Extension);
        }).RequireAuthorization().WithTags("Graph").WithName("ExportGraph")
          .WithSummary("The network as a file for other tools — graphml (default; yEd, Gephi), gexf, cytoscape (Cytoscape.js JSON) or i2 (link CSV) — with captions, measures and role scores, built only from what the caller may export.")
          .Produces(StatusCodes.Status200OK, contentType: "application/graphml+xml").ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
