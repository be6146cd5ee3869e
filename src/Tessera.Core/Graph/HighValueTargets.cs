using System.Globalization;

namespace Tessera.Core.Graph;

/// <summary>The role a high-value-target lead is ranked for.</summary>
internal enum TargetRole
{
    Organiser,
    Broker,
    MoneyHandler,
}

/// <summary>One measure's part in a role score.</summary>
/// <param name="Lift">How far the node's value rises above its component's median, as a percentage of how far the largest rises
/// (<see cref="MeasureScale"/>).</param>
/// <param name="Percentile">Its percentile rank among the nodes of the component where the measure is positive.</param>
/// <param name="Contribution">Points it adds to the role score: weight × standing (<see cref="MeasureScale.Standing"/>).</param>
internal sealed record ScoreContribution(string Measure, double Lift, double Percentile, double Contribution)
{
    /// <summary>How the analyst reads it: <c>betweenness 100/100, 99th pct</c> (lift, then percentile).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Measure} {Lift:0}/100, {Percentile:0}th pct");
}

/// <summary>A node's role scores (0–100), disruption impact (% of the largest component lost without it) and
/// the measures behind its best role — a lead for the analyst, not a verdict.</summary>
/// <param name="Role">The best role; null when every role score is 0 (nothing to go on: no label).</param>
internal sealed record TargetLead(
    int Node,
    double Organiser,
    double Broker,
    double MoneyHandler,
    double Impact,
    TargetRole? Role,
    IReadOnlyList<ScoreContribution> Why)
{
    public double Score => Math.Max(Organiser, Math.Max(Broker, MoneyHandler));

    /// <summary>True for a person the network exploits (victim, smuggled migrant): no role score, never ranked.</summary>
    public bool NeverRanked { get; init; }
}

/// <summary>High-value-target ranking from the standing of network measures inside each component (graph-anchors §6.3,
/// with magnitude: <see cref="MeasureScale"/>).</summary>
/// <remarks>Organiser = 0.30 betweenness + 0.25 reach (harmonic closeness) + 0.25 ties to the heads of other cells + 0.20
/// eigenvector: near everyone and on the paths between them through a few ties to the heads of cells, as an organiser who deals
/// only with cell leaders and brokers is. Broker = 0.40 ties into other cells below their heads + 0.35 betweenness + 0.15
/// disruption impact + 0.10 link betweenness of its strongest link. Money handler, on financial ties only
/// (<see cref="MoneyMeasures"/>) = 0.35 amount + 0.25 distinct counterparties + 0.20 betweenness on financial ties + 0.20
/// |net flow| (left out and the rest renormalised when ties are undirected); 0 for everyone when the network has no financial
/// tie. Weights were set on planted networks (bench <c>leads</c>, docs/performance.md) and checked on CAVIAR and Noordin Top. A
/// node's role is its best score; a node whose scores are all 0 gets no role and is not a lead. Rank = best role score, ties
/// broken by disruption impact, then id.</remarks>
internal static class HighValueTargets
{
    public static IReadOnlyList<TargetLead> Score(CompactGraph g, TargetMeasures m)
    {
        var c = m.Component;
        var eig = MeasureScale.Within(m.Eigenvector, c);
        var btw = MeasureScale.Within(m.Betweenness, c);
        var reach = MeasureScale.Within(m.Reach, c);
        var heads = MeasureScale.Within(m.TiesToHeads, c);
        var cells = MeasureScale.Within(m.TiesToOtherCells, c);
        var link = MeasureScale.Within(m.StrongestLinkBetweenness, c);
        var impact = MeasureScale.Within(m.Impact, c);
        var money = m.Money is { } mm
            ? new[]
            {
                ("amount", MeasureScale.Within(mm.Amount, mm.Component), mm.NetFlow is null ? 0.35 / 0.80 : 0.35),
                ("counterparties", MeasureScale.Within(mm.Counterparties, mm.Component), mm.NetFlow is null ? 0.25 / 0.80 : 0.25),
                ("betweenness on financial ties", MeasureScale.Within(mm.Betweenness, mm.Component), mm.NetFlow is null ? 0.20 / 0.80 : 0.20),
            }.Concat(mm.NetFlow is null ? [] : [("|net flow|", MeasureScale.Within([.. mm.NetFlow.Select(Math.Abs)], mm.Component), 0.20)]).ToArray()
            : [];
        var leads = new TargetLead[g.NodeCount];
        for (var v = 0; v < leads.Length; v++)
        {
            if (m.NeverRanked?.Contains(v) == true)
            {
                leads[v] = new TargetLead(v, 0, 0, 0, 100 * m.Impact[v], null, []) { NeverRanked = true };
                continue;
            }

            ScoreContribution[] organiser =
            [
                Part("betweenness", btw, v, 0.30),
                Part("reach", reach, v, 0.25),
                Part("ties to heads of other cells", heads, v, 0.25),
                Part("eigenvector", eig, v, 0.20),
            ];
            ScoreContribution[] broker =
            [
                Part("ties into other cells", cells, v, 0.40),
                Part("betweenness", btw, v, 0.35),
                Part("impact", impact, v, 0.15),
                Part("strongest link betweenness", link, v, 0.10),
            ];
            var handler = money.Select(x => Part(x.Item1, x.Item2, v, x.Item3)).ToArray();
            double o = organiser.Sum(x => x.Contribution), b = broker.Sum(x => x.Contribution), h = handler.Sum(x => x.Contribution);
            var (role, parts) = o <= 0 && b <= 0 && h <= 0 ? (null, [])
                : o >= b && o >= h ? (TargetRole.Organiser, organiser)
                : b >= h ? (TargetRole.Broker, broker)
                : ((TargetRole?)TargetRole.MoneyHandler, handler);
            // The explanation names only measures that added to the winning score, strongest first.
            leads[v] = new TargetLead(v, o, b, h, 100 * m.Impact[v], role, [.. parts.Where(x => x.Contribution > 0).OrderByDescending(x => x.Contribution).Take(3)]);
        }

        return leads;
    }

    /// <summary>Leads ordered best first: score, then impact, then id (ordinal); nodes never ranked and nodes without a role
    /// (every score 0) are left out.</summary>
    public static IReadOnlyList<TargetLead> Rank(CompactGraph g, IEnumerable<TargetLead> leads) =>
        [.. leads.Where(l => !l.NeverRanked && l.Role is not null).OrderByDescending(l => l.Score).ThenByDescending(l => l.Impact).ThenBy(l => g.Ids[l.Node], StringComparer.Ordinal)];

    /// <summary>The local ranking inside each community ("top organiser of each cell"): standings taken inside
    /// the community instead of the component; keyed by community.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<TargetLead>> RankPerCommunity(CompactGraph g, TargetMeasures m) =>
        Score(g, m with { Component = m.Community, Money = m.Money is { } mm ? mm with { Component = m.Community } : null }).Where(l => !l.NeverRanked && l.Role is not null).GroupBy(l => m.Community[l.Node]).ToDictionary(x => x.Key, x => Rank(g, x));

    private static ScoreContribution Part(string measure, (double[] Lift, double[] Percentile) scale, int v, double weight) =>
        new(measure, scale.Lift[v], scale.Percentile[v], weight * MeasureScale.Standing(scale.Lift[v], scale.Percentile[v]));
}
