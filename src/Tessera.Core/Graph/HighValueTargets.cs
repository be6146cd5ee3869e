namespace Tessera.Core.Graph;

/// <summary>The role a high-value-target lead is ranked for.</summary>
internal enum TargetRole
{
    Organiser,
    Broker,
    MoneyHandler,
}

/// <summary>One measure's part in a role score: its percentile (or flag) and weighted contribution.</summary>
internal sealed record ScoreContribution(string Measure, double Percentile, double Contribution);

/// <summary>A node's role scores (0–100), disruption impact (% of the largest component lost without it) and
/// the measures behind its best role — a lead for the analyst, not a verdict.</summary>
internal sealed record TargetLead(
    int Node,
    double Organiser,
    double Broker,
    double MoneyHandler,
    double Impact,
    TargetRole Role,
    IReadOnlyList<ScoreContribution> Why)
{
    public double Score => Math.Max(Organiser, Math.Max(Broker, MoneyHandler));

    /// <summary>True for a person the network exploits (victim, smuggled migrant): no role score, never ranked.</summary>
    public bool NeverRanked { get; init; }
}

/// <summary>The measures the role scores are built from, one value per node.</summary>
/// <param name="NetFlow">In minus out strength on a directed payment/call layer; null when ties are undirected
/// (then the money-handler score leaves it out and renormalises the other weights).</param>
internal sealed record TargetMeasures(
    int[] Component,
    int[] Community,
    double[] Eigenvector,
    double[] Strength,
    double[] Degree,
    double[] CoreNumber,
    double[] Betweenness,
    double[] CommunityBetweenness,
    double[] Participation,
    bool[] IsArticulation,
    double[] StrongestLinkBetweenness,
    double[]? NetFlow,
    double[] Impact)
{
    /// <summary>Nodes that are never ranked, whatever their measures: victims and smuggled migrants
    /// (<see cref="Model.SubjectCategories.IsNeverRanked"/>); they still count in everyone else's percentiles.</summary>
    public IReadOnlySet<int>? NeverRanked { get; init; }
}

/// <summary>High-value-target ranking from percentile ranks of network measures (graph-anchors §6.3 weights).</summary>
/// <remarks>Organiser = 0.35 eigenvector + 0.25 strength + 0.20 k-core + 0.20 betweenness inside its community;
/// Broker = 0.50 betweenness + 0.20 participation coefficient + 0.15 cut vertex (100/0) + 0.15 link betweenness of
/// its strongest link; Money handler = 0.35 strength + 0.25 distinct counterparties + 0.20 betweenness + 0.20
/// |net flow|. Percentiles are taken inside the node's connected component. Rank = best role score, ties broken
/// by disruption impact, then id.</remarks>
internal static class HighValueTargets
{
    public static IReadOnlyList<TargetLead> Score(CompactGraph g, TargetMeasures m)
    {
        var c = m.Component;
        var eig = PercentileRank.Within(m.Eigenvector, c);
        var strength = PercentileRank.Within(m.Strength, c);
        var degree = PercentileRank.Within(m.Degree, c);
        var core = PercentileRank.Within(m.CoreNumber, c);
        var btw = PercentileRank.Within(m.Betweenness, c);
        var localBtw = PercentileRank.Within(m.CommunityBetweenness, c);
        var participation = PercentileRank.Within(m.Participation, c);
        var link = PercentileRank.Within(m.StrongestLinkBetweenness, c);
        var flow = m.NetFlow is null ? null : PercentileRank.Within([.. m.NetFlow.Select(Math.Abs)], c);
        var leads = new TargetLead[g.NodeCount];
        for (var v = 0; v < leads.Length; v++)
        {
            if (m.NeverRanked?.Contains(v) == true)
            {
                leads[v] = new TargetLead(v, 0, 0, 0, 100 * m.Impact[v], TargetRole.Organiser, []) { NeverRanked = true };
                continue;
            }

            ScoreContribution[] organiser =
            [
                new("eigenvector", eig[v], 0.35 * eig[v]),
                new("strength", strength[v], 0.25 * strength[v]),
                new("k-core", core[v], 0.20 * core[v]),
                new("betweenness in community", localBtw[v], 0.20 * localBtw[v]),
            ];
            var cut = m.IsArticulation[v] ? 100.0 : 0.0;
            ScoreContribution[] broker =
            [
                new("betweenness", btw[v], 0.50 * btw[v]),
                new("ties to other communities", participation[v], 0.20 * participation[v]),
                new("cut vertex", cut, 0.15 * cut),
                new("strongest link betweenness", link[v], 0.15 * link[v]),
            ];
            var money = flow is null
                ? new ScoreContribution[]
                {
                    new("strength", strength[v], 0.35 / 0.80 * strength[v]),
                    new("counterparties", degree[v], 0.25 / 0.80 * degree[v]),
                    new("betweenness", btw[v], 0.20 / 0.80 * btw[v]),
                }
                : [
                    new("strength", strength[v], 0.35 * strength[v]),
                    new("counterparties", degree[v], 0.25 * degree[v]),
                    new("betweenness", btw[v], 0.20 * btw[v]),
                    new("|net flow|", flow[v], 0.20 * flow[v]),
                ];
            double o = organiser.Sum(x => x.Contribution), b = broker.Sum(x => x.Contribution), h = money.Sum(x => x.Contribution);
            var (role, parts) = o >= b && o >= h ? (TargetRole.Organiser, organiser) : b >= h ? (TargetRole.Broker, broker) : (TargetRole.MoneyHandler, money);
            leads[v] = new TargetLead(v, o, b, h, 100 * m.Impact[v], role, [.. parts.OrderByDescending(x => x.Contribution).Take(3)]);
        }

        return leads;
    }

    /// <summary>Leads ordered best first: score, then impact, then id (ordinal); nodes never ranked are left out.</summary>
    public static IReadOnlyList<TargetLead> Rank(CompactGraph g, IEnumerable<TargetLead> leads) =>
        [.. leads.Where(l => !l.NeverRanked).OrderByDescending(l => l.Score).ThenByDescending(l => l.Impact).ThenBy(l => g.Ids[l.Node], StringComparer.Ordinal)];

    /// <summary>The local ranking inside each community ("top organiser of each cell"): percentiles taken inside
    /// the community instead of the component; keyed by community.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<TargetLead>> RankPerCommunity(CompactGraph g, TargetMeasures m) =>
        Score(g, m with { Component = m.Community }).Where(l => !l.NeverRanked).GroupBy(l => m.Community[l.Node]).ToDictionary(x => x.Key, x => Rank(g, x));
}
