namespace Tessera.Core.Graph;

/// <summary>Percentile ranks (0–100) of a measure inside groups of nodes (components or communities).</summary>
/// <remarks>Mid-rank for ties: 100·(below + (equal − 1)/2)/(size − 1), so the lowest distinct value scores 0, the
/// highest 100, and a measure that is equal across the group gives everyone 50. A group of one scores 0: there is
/// nothing to rank against. Ranks are comparable across measures and robust to a few missing ties.</remarks>
internal static class PercentileRank
{
    public static double[] Within(double[] values, int[] group)
    {
        var n = values.Length;
        var result = new double[n];
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => group[a] != group[b] ? group[a].CompareTo(group[b]) : values[a].CompareTo(values[b]));
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end < n && group[order[end]] == group[order[start]])
            {
                end++;
            }

            var size = end - start;
            var i = start;
            while (i < end)
            {
                var j = i;
                while (j < end && values[order[j]] == values[order[i]])
                {
                    j++;
                }

                var pct = size > 1 ? 100.0 * ((i - start) + ((j - i - 1) / 2.0)) / (size - 1) : 0.0;
                for (var k = i; k < j; k++)
                {
                    result[order[k]] = pct;
                }

                i = j;
            }

            start = end;
        }

        return result;
    }
}
