namespace Tessera.Core.Graph;

/// <summary>A measure's standing (0–100) inside groups of nodes, keeping its magnitude: how far the value rises above the group's
/// median, as a share of how far the group's largest rises (the "lift"), blended with its percentile rank.</summary>
/// <remarks>Percentile ranks alone erase outliers (a node with three times the next one's betweenness gains one point over it);
/// the lift keeps an outlier far ahead, and measuring from the median (a robust centre, as a robust z-score does) keeps a measure
/// on which everyone is alike (closeness in a small world, the k-core most members share) from lifting everyone. On a sparse
/// measure the median is 0 and the lift is the plain share of the maximum. A value of 0 (or below) stands at 0 whatever its
/// rank: no evidence, no score. Lifts are taken per group (component or community), as the percentiles are.</remarks>
internal static class MeasureScale
{
    /// <summary>Weight of the lift; the percentile rank gets the rest.</summary>
    public const double ShareWeight = 0.75;

    /// <summary>For every node: its lift (0–100: 0 at or below the group's median, 100 at its maximum) and its percentile rank (0–100) among the nodes of its
    /// group where the measure is positive (mid-rank for ties, the largest at 100); 0 and 0 where it is not, and in a group of one.</summary>
    /// <remarks>Ranking only the positive values keeps a sparse measure honest: when nine nodes in ten have no payment at all, a
    /// node with one payment is the lowest of those that pay, not in the top decile.</remarks>
    public static (double[] Lift, double[] Percentile) Within(double[] values, int[] group)
    {
        var n = values.Length;
        var median = Medians(values, group);
        var lift = new double[n];
        var percentile = new double[n];
        // A group of one has nothing to be compared with: it stands at 0 (an isolate is nobody's lead).
        var sizes = group.CountBy(x => x).ToDictionary();
        var positive = Enumerable.Range(0, n).Where(v => values[v] > 0 && sizes[group[v]] > 1).ToArray();
        Array.Sort(positive, (a, b) => group[a] != group[b] ? group[a].CompareTo(group[b]) : values[a].CompareTo(values[b]));
        var start = 0;
        while (start < positive.Length)
        {
            var end = start;
            while (end < positive.Length && group[positive[end]] == group[positive[start]])
            {
                end++;
            }

            var size = end - start;
            var top = values[positive[end - 1]];
            var i = start;
            while (i < end)
            {
                var j = i;
                while (j < end && values[positive[j]] == values[positive[i]])
                {
                    j++;
                }

                // Mid-rank of the tied run, 1-based: the largest distinct value of the group stands at 100.
                var pct = 100.0 * ((i - start) + ((j - i + 1) / 2.0)) / size;
                for (var k = i; k < j; k++)
                {
                    percentile[positive[k]] = pct;
                    var centre = median[group[positive[k]]];
                    lift[positive[k]] = top > centre ? Math.Clamp(100.0 * (values[positive[k]] - centre) / (top - centre), 0, 100) : 0.0;
                }

                i = j;
            }

            start = end;
        }

        return (lift, percentile);
    }

    // The median of every group, over all its members (zeros included).
    private static Dictionary<int, double> Medians(double[] values, int[] group)
    {
        var medians = new Dictionary<int, double>();
        foreach (var members in Enumerable.Range(0, values.Length).GroupBy(v => group[v]))
        {
            var sorted = members.Select(v => values[v]).Order().ToArray();
            var mid = sorted.Length / 2;
            medians[members.Key] = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        return medians;
    }

    /// <summary>The standing of one node from its lift and percentile: 0 when the value is not positive (percentile 0).</summary>
    public static double Standing(double lift, double percentile) =>
        percentile > 0 ? (ShareWeight * lift) + ((1 - ShareWeight) * percentile) : 0.0;
}
