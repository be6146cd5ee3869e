namespace Tessera.Core.Graph;

/// <summary>Options for <see cref="CommunityDetection"/>.</summary>
/// <param name="Resolution">γ: above 1 finer cells, below 1 coarser.</param>
/// <param name="Refine">Leiden refinement (Traag, Waltman &amp; van Eck 2019) before each aggregation; false = Louvain.</param>
/// <param name="MaxIterations">Full passes, each starting from the previous partition, while modularity improves.</param>
internal sealed record CommunityOptions(double Resolution = 1.0, int Seed = 42, bool Weighted = false, bool Refine = true, int MaxIterations = 2);

/// <summary>A partition into communities (0..Count-1, by size descending then smallest id) and its modularity.</summary>
internal sealed record CommunityResult(int[] Community, int Count, double Modularity);

/// <summary>Modularity-based community detection: Louvain (Blondel et al. 2008) with the Leiden refinement step.</summary>
/// <remarks>Fast local moving with a node queue (Leiden), greedy refinement inside each community (θ → 0), then
/// aggregation of the refined partition with the unrefined one as the start of the next level. Seeded node order,
/// so a run is reproducible. Each level costs O(m).</remarks>
internal static class CommunityDetection
{
    public static CommunityResult Leiden(CompactGraph g, CommunityOptions? options = null) => Run(g, options ?? new CommunityOptions());

    public static CommunityResult Louvain(CompactGraph g, CommunityOptions? options = null) =>
        Run(g, (options ?? new CommunityOptions()) with { Refine = false });

    private static CommunityResult Run(CompactGraph g, CommunityOptions options)
    {
        var baseGraph = LevelGraph.From(g, options.Weighted);
        var n = baseGraph.NodeCount;
        var rng = new Random(options.Seed);
        var membership = Enumerable.Range(0, n).ToArray();
        var best = Modularity.Compute(baseGraph, membership, options.Resolution);
        for (var iteration = 0; iteration < Math.Max(1, options.MaxIterations); iteration++)
        {
            var candidate = Pass(baseGraph, membership, options, rng);
            var q = Modularity.Compute(baseGraph, candidate, options.Resolution);
            if (q <= best + 1e-12)
            {
                break;
            }

            best = q;
            membership = candidate;
        }

        var (labels, count) = Relabel(g, membership);
        return new CommunityResult(labels, count, best);
    }

    // One multi-level pass from an initial partition; returns the membership of the base nodes.
    private static int[] Pass(LevelGraph baseGraph, int[] initial, CommunityOptions options, Random rng)
    {
        var level = baseGraph;
        var n = baseGraph.NodeCount;
        var toLevel = Enumerable.Range(0, n).ToArray();
        var partition = (int[])initial.Clone();
        Compact(partition, out _);
        while (true)
        {
            var moving = new LocalMoving(level, options.Resolution, rng);
            moving.Run(partition);
            var communities = Compact(partition, out _);
            if (communities == level.NodeCount)
            {
                break;
            }

            int[] refined;
            int refinedCount;
            if (options.Refine)
            {
                refined = moving.Refine(partition);
                refinedCount = Compact(refined, out _);
                if (refinedCount == level.NodeCount)
                {
                    refined = partition;
                    refinedCount = communities;
                }
            }
            else
            {
                refined = partition;
                refinedCount = communities;
            }

            // The aggregate's start partition is the unrefined one (refined communities nest inside it).
            var next = new int[refinedCount];
            for (var v = 0; v < level.NodeCount; v++)
            {
                next[refined[v]] = partition[v];
            }

            for (var o = 0; o < n; o++)
            {
                toLevel[o] = refined[toLevel[o]];
            }

            level = level.Aggregate(refined, refinedCount);
            partition = next;
        }

        var result = new int[n];
        for (var o = 0; o < n; o++)
        {
            result[o] = partition[toLevel[o]];
        }

        return result;
    }

    // Renumbers labels in place to 0..count-1 in order of first appearance.
    private static int Compact(int[] labels, out int[] map)
    {
        map = new int[labels.Length == 0 ? 0 : labels.Max() + 1];
        Array.Fill(map, -1);
        var count = 0;
        for (var v = 0; v < labels.Length; v++)
        {
            var c = labels[v];
            if (map[c] < 0)
            {
                map[c] = count++;
            }

            labels[v] = map[c];
        }

        return count;
    }

    private static (int[] Labels, int Count) Relabel(CompactGraph g, int[] membership)
    {
        var labels = (int[])membership.Clone();
        var count = Compact(labels, out _);
        var sizes = new int[count];
        var first = new int[count];
        Array.Fill(first, -1);
        for (var v = 0; v < labels.Length; v++)
        {
            sizes[labels[v]]++;
            if (first[labels[v]] < 0 || string.CompareOrdinal(g.Ids[v], g.Ids[first[labels[v]]]) < 0)
            {
                first[labels[v]] = v;
            }
        }

        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : string.CompareOrdinal(g.Ids[first[a]], g.Ids[first[b]]));
        var rank = new int[count];
        for (var i = 0; i < count; i++)
        {
            rank[order[i]] = i;
        }

        for (var v = 0; v < labels.Length; v++)
        {
            labels[v] = rank[labels[v]];
        }

        return (labels, count);
    }
}
