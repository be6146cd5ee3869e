using System.Globalization;
using Tessera.Core.Model;
using Tessera.Storage.Graph;

namespace Tessera.Web.Components.Graph;

/// <summary>A node as the browser draws it: caption, kind of entity and the three role scores (percentile ranks 0–100).</summary>
/// <param name="Role">organiser, broker or moneyHandler when the best role score reaches <see cref="LinkChartState.LeadThreshold"/>; none otherwise.</param>
internal sealed record ChartNode(string Id, string Label, string Schema, string Role, double Organiser, double Broker, double MoneyHandler);

/// <summary>A tie as the browser draws it; <paramref name="Kind"/> never carries the shared value itself.</summary>
internal sealed record ChartEdge(string Id, string Source, string Target, string Kind, string? Date, bool Directed);

/// <summary>Elements to draw or add.</summary>
internal sealed record ChartGraph(IReadOnlyList<ChartNode> Nodes, IReadOnlyList<ChartEdge> Edges);

/// <summary>What a link chart has drawn: nodes and ties taken from network views (the case, an expansion, a path),
/// a node from another view recognised by its member records so that nothing is drawn twice.</summary>
internal sealed class LinkChartState
{
    /// <summary>A role score (percentile rank) from which a node is coloured by its leading role.</summary>
    public const double LeadThreshold = 50;

    private readonly Dictionary<string, NetworkNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NetworkEdge Edge, ChartEdge Chart)> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byMember = new(StringComparer.Ordinal);

    public IReadOnlyCollection<NetworkNode> Nodes => _nodes.Values;

    public int EdgeCount => _edges.Count;

    /// <summary>The drawn ties.</summary>
    public IEnumerable<ChartEdge> Edges => _edges.Values.Select(e => e.Chart);

    /// <summary>The tie kinds drawn, sorted.</summary>
    public IReadOnlyList<string> Kinds => _edges.Values.Select(e => e.Chart.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The first and last day of the dated ties drawn; nulls when no tie has a date.</summary>
    public (string? First, string? Last) Dates
    {
        get
        {
            var dates = _edges.Values.Select(e => e.Chart.Date).OfType<string>().Order(StringComparer.Ordinal).ToList();
            return dates.Count == 0 ? (null, null) : (dates[0], dates[^1]);
        }
    }

    public NetworkNode? Node(string? id) => id is not null && Resolve(id) is { } drawn ? _nodes[drawn] : null;

    /// <summary>The drawn node that holds this node or member record id; null when none does.</summary>
    public string? Resolve(string id) => _byMember.GetValueOrDefault(id);

    public void Clear()
    {
        _nodes.Clear();
        _edges.Clear();
        _byMember.Clear();
    }

    /// <summary>Draws what of <paramref name="view"/> is not drawn yet and returns just that.</summary>
    public ChartGraph Add(NetworkView view)
    {
        var newNodes = new List<ChartNode>();
        foreach (var node in view.Nodes)
        {
            if (node.Members.Append(node.Id).Select(Resolve).FirstOrDefault(d => d is not null) is { } drawn)
            {
                // Drawn already, perhaps under another id (merged differently in that view): its ids now lead to the drawn node.
                foreach (var member in node.Members.Append(node.Id))
                {
                    _byMember.TryAdd(member, drawn);
                }

                continue;
            }

            _nodes[node.Id] = node;
            foreach (var member in node.Members.Append(node.Id))
            {
                _byMember[member] = node.Id;
            }

            newNodes.Add(ToChart(node));
        }

        var newEdges = new List<ChartEdge>();
        foreach (var edge in view.Edges)
        {
            if (Resolve(edge.Source) is not { } source || Resolve(edge.Target) is not { } target || source == target)
            {
                continue;
            }

            var id = string.Join('|', source, target, edge.Label, edge.Date);
            if (!_edges.ContainsKey(id))
            {
                var chart = new ChartEdge(id, source, target, edge.Kind, edge.Date, IsDirected(edge.Label));
                _edges[id] = (edge, chart);
                newEdges.Add(chart);
            }
        }

        return new ChartGraph(newNodes, newEdges);
    }

    /// <summary>Every drawn element, for a fresh chart.</summary>
    public ChartGraph All() => new(_nodes.Values.Select(ToChart).ToList(), _edges.Values.Select(e => e.Chart).ToList());

    /// <summary>Keeps only the node and its drawn neighbours; returns the ids of the nodes taken off.</summary>
    public IReadOnlyList<string> Focus(string id)
    {
        if (Resolve(id) is not { } centre)
        {
            return [];
        }

        var keep = _edges.Values.Where(e => e.Chart.Source == centre || e.Chart.Target == centre)
            .SelectMany(e => new[] { e.Chart.Source, e.Chart.Target }).Append(centre).ToHashSet(StringComparer.Ordinal);
        return RemoveWhere(n => !keep.Contains(n));
    }

    /// <summary>Takes one node (and its ties) off the chart; returns its id, or nothing when it is not drawn.</summary>
    public IReadOnlyList<string> Hide(string id) => Resolve(id) is { } drawn ? RemoveWhere(n => n == drawn) : [];

    /// <summary>The drawn nodes ranked by their best role score, strongest first; victims and smuggled migrants are never ranked.</summary>
    public IReadOnlyList<NetworkNode> Ranked(int count) =>
        _nodes.Values.Where(n => n.ProtectedRole is null).OrderByDescending(Best).ThenBy(n => n.Caption, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>The member records of every drawn node (what an export of the chart covers).</summary>
    public IReadOnlyList<string> Members() => _byMember.Keys.ToList();

    public static double Best(NetworkNode n) => Math.Max(n.Organiser, Math.Max(n.Broker, n.MoneyHandler));

    /// <summary>organiser, broker or moneyHandler (the best score, in that order on ties) from <see cref="LeadThreshold"/>; none below.</summary>
    public static string LeadingRole(NetworkNode n) =>
        Best(n) < LeadThreshold ? "none" : n.Organiser >= Math.Max(n.Broker, n.MoneyHandler) ? "organiser" : n.Broker >= n.MoneyHandler ? "broker" : "moneyHandler";

    /// <summary>The leading role and its score as the list of leads and the table view write it ("organiser 87").</summary>
    public static string RoleText(NetworkNode n) => LeadingRole(n) switch
    {
        "organiser" => "organiser " + n.Organiser.ToString("0", CultureInfo.InvariantCulture),
        "broker" => "broker " + n.Broker.ToString("0", CultureInfo.InvariantCulture),
        "moneyHandler" => "money handler " + n.MoneyHandler.ToString("0", CultureInfo.InvariantCulture),
        _ => "best score " + Best(n).ToString("0", CultureInfo.InvariantCulture),
    };

    private List<string> RemoveWhere(Func<string, bool> drop)
    {
        var gone = _nodes.Keys.Where(drop).ToList();
        foreach (var id in gone)
        {
            _nodes.Remove(id);
        }

        foreach (var alias in _byMember.Where(m => !_nodes.ContainsKey(m.Value)).Select(m => m.Key).ToList())
        {
            _byMember.Remove(alias);
        }

        foreach (var key in _edges.Where(e => !_nodes.ContainsKey(e.Value.Chart.Source) || !_nodes.ContainsKey(e.Value.Chart.Target)).Select(e => e.Key).ToList())
        {
            _edges.Remove(key);
        }

        return gone;
    }

    private static ChartNode ToChart(NetworkNode n) => new(n.Id, n.Caption, n.Schema, LeadingRole(n), n.Organiser, n.Broker, n.MoneyHandler);

    // A relationship tie is labelled "called (Call)": the schema's edge says whether it has a direction; shared identifiers have none.
    private static bool IsDirected(string label)
    {
        var open = label.LastIndexOf('(');
        return open > 0 && label.EndsWith(')')
            && SchemaModel.Default.TryGetSchema(label[(open + 1)..^1], out var schema) && schema.Edge is { Directed: true };
    }
}
