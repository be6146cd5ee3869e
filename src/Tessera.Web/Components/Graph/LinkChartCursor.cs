using System.Globalization;
using Tessera.Storage.Graph;

namespace Tessera.Web.Components.Graph;

/// <summary>The keyboard mode of the link chart: a cursor on one node, and on one of its ties, moved by keys, each move told
/// in a sentence for a live region (WCAG 2.1 SC 2.1.1 and 4.1.3).</summary>
/// <remarks>Left and Right (or Home and End) move between the nodes, strongest role score first as in the list of leads;
/// Down and Up move between the ties of the node; Enter follows the tie to the node at its other end. Only the ties the
/// filters show are walked.</remarks>
internal sealed class LinkChartCursor
{
    private string? _node;
    private int _tie = -1;

    /// <summary>The node the cursor is on; null before the first move or once it has gone from the chart.</summary>
    public string? Node => _node;

    /// <summary>Moves by <paramref name="key"/> (a KeyboardEvent.key) and says where the cursor is; null for a key it does not use.</summary>
    public string? Move(LinkChartState state, string key, Func<ChartEdge, bool> shown)
    {
        var nodes = Order(state);
        if (nodes.Count == 0)
        {
            return key is "ArrowRight" or "ArrowLeft" or "ArrowUp" or "ArrowDown" or "Home" or "End" or "Enter" ? "The chart has no node." : null;
        }

        var at = _node is null ? -1 : nodes.FindIndex(n => n.Id == _node);
        var ties = at < 0 ? [] : TiesOf(state, nodes[at].Id, shown);
        switch (key)
        {
            case "ArrowRight":
                return AtNode(state, nodes, at < 0 ? 0 : (at + 1) % nodes.Count, shown);
            case "ArrowLeft":
                return AtNode(state, nodes, at <= 0 ? nodes.Count - 1 : at - 1, shown);
            case "Home":
                return AtNode(state, nodes, 0, shown);
            case "End":
                return AtNode(state, nodes, nodes.Count - 1, shown);
            case "ArrowDown" or "ArrowUp" when at < 0:
                return AtNode(state, nodes, 0, shown);
            case "ArrowDown" or "ArrowUp" when ties.Count == 0:
                return Name(nodes[at]) + " has no tie shown.";
            case "ArrowDown":
                _tie = (_tie + 1) % ties.Count;
                return AtTie(state, nodes[at], ties);
            case "ArrowUp":
                _tie = _tie <= 0 ? ties.Count - 1 : _tie - 1;
                return AtTie(state, nodes[at], ties);
            case "Enter" when at < 0:
                return AtNode(state, nodes, 0, shown);
            case "Enter" when _tie < 0 || _tie >= ties.Count:
                return Describe(state, nodes[at], at, nodes.Count, shown);
            case "Enter":
                var other = Other(ties[_tie], nodes[at].Id);
                return AtNode(state, nodes, nodes.FindIndex(n => n.Id == other), shown);
            default:
                return null;
        }
    }

    /// <summary>Puts the cursor on a node (a node chosen with the mouse or in the list of leads), off any tie.</summary>
    public void Place(string? node) => (_node, _tie) = (node, -1);

    /// <summary>The nodes in the order the cursor walks them: best role score first, then by caption.</summary>
    public static List<NetworkNode> Order(LinkChartState state) =>
        state.Nodes.OrderByDescending(LinkChartState.Best).ThenBy(n => n.Caption, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();

    private static List<ChartEdge> TiesOf(LinkChartState state, string node, Func<ChartEdge, bool> shown) =>
        state.Edges.Where(e => (e.Source == node || e.Target == node) && shown(e))
            .OrderBy(e => e.Date ?? "9999", StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    private string AtNode(LinkChartState state, List<NetworkNode> nodes, int index, Func<ChartEdge, bool> shown)
    {
        (_node, _tie) = (nodes[index].Id, -1);
        return Describe(state, nodes[index], index, nodes.Count, shown);
    }

    private string AtTie(LinkChartState state, NetworkNode node, List<ChartEdge> ties)
    {
        var tie = ties[_tie];
        var other = state.Node(Other(tie, node.Id));
        var direction = !tie.Directed ? "with" : tie.Source == node.Id ? "to" : "from";
        return string.Create(CultureInfo.InvariantCulture,
            $"Tie {_tie + 1} of {ties.Count} of {node.Caption}: {tie.Kind} {direction} {other?.Caption ?? "?"}, {tie.Date ?? "no date"}. Enter goes to {other?.Caption ?? "?"}.");
    }

    private static string Describe(LinkChartState state, NetworkNode node, int index, int count, Func<ChartEdge, bool> shown) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Name(node)}, {node.Schema}, {LinkChartState.RoleText(node)}, {TiesOf(state, node.Id, shown).Count} ties shown. Node {index + 1} of {count}.");

    private static string Name(NetworkNode node) => node.Caption;

    private static string Other(ChartEdge tie, string node) => tie.Source == node ? tie.Target : tie.Source;
}
