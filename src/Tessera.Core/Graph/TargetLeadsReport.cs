using System.Globalization;

namespace Tessera.Core.Graph;

/// <summary>Writes the high-value-target leads as CSV, best first: overall rank, the winning role and its score,
/// the three role scores and the impact, the rank inside the node's community (percentiles taken inside the
/// community) and the measures that contributed most ("why"). Leads for the analyst, not verdicts.</summary>
internal static class TargetLeadsReport
{
    public static void WriteCsv(CompactGraph g, TargetMeasures measures, IReadOnlyList<TargetLead> leads, TextWriter writer)
    {
        var local = HighValueTargets.RankPerCommunity(g, measures);
        var localRank = new int[g.NodeCount];
        var localRole = new TargetRole?[g.NodeCount];
        foreach (var ranking in local.Values)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                localRank[ranking[i].Node] = i + 1;
                localRole[ranking[i].Node] = ranking[i].Role;
            }
        }

        writer.Write("rank,id,role,score,organiser,broker,money_handler,impact,community,community_rank,community_role,why\n");
        var rank = 0;
        foreach (var lead in HighValueTargets.Rank(g, leads))
        {
            var v = lead.Node;
            var why = string.Join("; ", lead.Why.Select(w => w.Describe()));
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{++rank},{CsvLine.Quote(g.Ids[v])},{Name(lead.Role!.Value)},{lead.Score:F1},{lead.Organiser:F1},{lead.Broker:F1},{lead.MoneyHandler:F1},{lead.Impact:F2},{measures.Community[v]},{localRank[v]},{(localRole[v] is { } r ? Name(r) : "")},{CsvLine.Quote(why)}\n"));
        }
    }

    private static string Name(TargetRole role) => role switch
    {
        TargetRole.Organiser => "organiser",
        TargetRole.Broker => "broker",
        _ => "money_handler",
    };
}
