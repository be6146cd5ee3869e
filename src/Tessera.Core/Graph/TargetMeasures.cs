namespace Tessera.Core.Graph;

/// <summary>The measures the role scores are built from, one value per node.</summary>
/// <remarks>When the network has financial ties, every measure but <paramref name="Money"/> is taken on the other ties (calls,
/// meetings, associates …): who talks to whom and who pays whom are layers with different key actors (graph-anchors §6.3.4), and
/// payments to many would otherwise make the money handler the hub of every path.</remarks>
/// <param name="TiesToHeads">Ties to the heads of other communities (<see cref="CommunityMeasures.OutsideTies"/>).</param>
/// <param name="TiesToOtherCells">Ties to the other members of other communities.</param>
/// <param name="Reach">Harmonic closeness (Σ 1/distance to every other node reached; estimated from the betweenness sources
/// when betweenness is sampled): how near a node is to everyone, whatever its number of ties.</param>
/// <param name="Money">The measures on the financial ties; null when the network has none, and then nobody is scored as a money
/// handler.</param>
internal sealed record TargetMeasures(
    int[] Component,
    int[] Community,
    double[] Eigenvector,
    double[] Betweenness,
    double[] TiesToHeads,
    double[] TiesToOtherCells,
    double[] StrongestLinkBetweenness,
    double[] Reach,
    MoneyMeasures? Money,
    double[] Impact)
{
    /// <summary>Nodes that are never ranked, whatever their measures: victims and smuggled migrants
    /// (<see cref="Model.SubjectCategories.IsNeverRanked"/>); they still count in everyone else's standings.</summary>
    public IReadOnlySet<int>? NeverRanked { get; init; }
}

/// <summary>Measures on the financial ties only (payments, transfers, accounts, wallets: <see cref="TieKinds"/>), one value per node.</summary>
/// <param name="Amount">Summed weight (amount or count) of a node's financial ties.</param>
/// <param name="Counterparties">Distinct persons or accounts a node has financial ties with.</param>
/// <param name="Betweenness">Betweenness on the financial ties: money passing through the node.</param>
/// <param name="NetFlow">In minus out on directed financial ties; null when they are undirected (then the score leaves it out
/// and renormalises the other weights).</param>
/// <param name="Component">The connected component of every node in the whole network, financial ties included: money measures
/// are compared inside it (a money handler tied only by payments is alone on the other ties).</param>
internal sealed record MoneyMeasures(double[] Amount, double[] Counterparties, double[] Betweenness, double[]? NetFlow, int[] Component)
{
    /// <summary>The measures of the financial layer <paramref name="money"/> (same nodes, in the same order, as the whole
    /// network); null when it holds no tie.</summary>
    public static MoneyMeasures? Of(CompactGraph? money, int[] component, BetweennessOptions betweenness)
    {
        if (money is not { EdgeCount: > 0 })
        {
            return null;
        }

        var g = money.AsUndirected();
        return new MoneyMeasures(
            Degree.OutStrength(g),
            [.. Graph.Degree.Out(g).Select(d => (double)d)],
            Graph.Betweenness.Compute(g, betweenness with { Links = false, Reach = false }).Nodes,
            money.IsDirected ? Degree.NetFlow(money) : null,
            component);
    }
}
