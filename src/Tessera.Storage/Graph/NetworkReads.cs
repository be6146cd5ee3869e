using Tessera.Core.Access;
using Tessera.Core.Audit;

namespace Tessera.Storage.Graph;

/// <summary>The reads of the network that the API and the link chart share: each goes through the access policy
/// (<see cref="NetworkView.BuildAsync(Store, Principal, string?, AccessAction, CancellationToken)"/>) and is audited once, here,
/// where the view is decided.</summary>
public static class NetworkReads
{
    /// <summary>The network of one case, or of all data the user may see when <paramref name="caseId"/> is null.</summary>
    public static async Task<NetworkView> ReadAsync(Store store, Principal user, string? caseId, CancellationToken ct)
    {
        var view = await NetworkView.BuildAsync(store, user, caseId, ct);
        await AuditAsync(store, user, "graph.read", caseId, $"{view.Nodes.Count} nodes, {view.Edges.Count} ties", ct);
        return view;
    }

    /// <summary>The neighbourhood of one node (1–3 ties) in the network of a case, or of all data the user may see.</summary>
    public static async Task<NetworkView> ExpandAsync(Store store, Principal user, string node, string? caseId, int radius, CancellationToken ct)
    {
        var ego = (await NetworkView.BuildAsync(store, user, caseId, ct)).Ego(node, radius);
        await AuditAsync(store, user, "graph.expand", caseId, $"node {node}, radius {radius}: {ego.Nodes.Count} nodes", ct);
        return ego;
    }

    /// <summary>The simple paths of at most <paramref name="maxHops"/> ties between two nodes, shortest first.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> PathsAsync(Store store, Principal user, string from, string to, string? caseId, int maxHops, CancellationToken ct)
    {
        var paths = (await NetworkView.BuildAsync(store, user, caseId, ct)).PathsBetween(from, to, maxHops);
        await AuditAsync(store, user, "graph.paths", caseId, $"{from} to {to}: {paths.Count} paths", ct);
        return paths;
    }

    /// <summary>The network as a file (GraphML, GEXF, Cytoscape.js JSON or i2 CSV) built from what the user may export —
    /// not merely view — limited to <paramref name="only"/> (the nodes drawn on a chart) when given.</summary>
    public static async Task<string> ExportAsync(Store store, Principal user, string? caseId, string format, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var view = await NetworkView.BuildAsync(store, user, caseId, AccessAction.Export, ct);
        if (only is not null)
        {
            view = view.Subset(only);
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        view.Export(format, writer);
        await AuditAsync(store, user, "graph.export", caseId, $"{format}: {view.Nodes.Count} nodes, {view.Edges.Count} ties", ct);
        return writer.ToString();
    }

    private static Task AuditAsync(Store store, Principal user, string action, string? caseId, string details, CancellationToken ct) =>
        store.Audit.AppendAsync(AuditEvent.By(user, action, caseId is null ? "all" : "case:" + caseId, "ok", details), ct);
}
