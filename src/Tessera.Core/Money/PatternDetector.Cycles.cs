namespace Tessera.Core.Money;

internal sealed partial class PatternDetector
{
    /// <summary>Accounts visited at most per starting transaction: keeps the search bounded on hostile input (a dense
    /// clique of same-amount transfers) at the price of missing cycles hidden in such a clique.</summary>
    private const int CycleBudget = 20_000;

    /// <summary>Cycles: from each unclaimed transaction, a time-respecting path of <see cref="PatternOptions.MinCycleHops"/>
    /// to <see cref="PatternOptions.MaxCycleHops"/> hops back to its sender, within the pass window, each hop carrying
    /// between the pass ratio and 100.01 % of the previous one. Reported once, from its earliest transaction.
    /// Score = 0.5 min(1, hops / 6) + 0.5 × the share of the first amount that comes back.</summary>
    private IEnumerable<DetectedPattern> Cycles()
    {
        var path = new List<int>(_o.MaxCycleHops);
        var onPath = new HashSet<int>();
        for (var e0 = 0; e0 < _g.TransactionCount; e0++)
        {
            if (_claimed[e0] || _g.From[e0] == _g.To[e0])
            {
                continue;
            }

            path.Clear();
            onPath.Clear();
            path.Add(e0);
            onPath.Add(_g.From[e0]);
            onPath.Add(_g.To[e0]);
            var budget = CycleBudget;
            if (CycleFrom(e0, path, onPath, ref budget))
            {
                var back = _g.Amount[path[^1]] / _g.Amount[e0];
                yield return Claim(PatternKind.Cycle, path, (0.5 * Math.Min(1, path.Count / 6.0)) + (0.5 * Math.Min(1, back)));
            }
        }
    }

    private bool CycleFrom(int e0, List<int> path, HashSet<int> onPath, ref int budget)
    {
        var last = path[^1];
        var origin = _g.From[e0];
        var deadline = _g.Time[e0] + (_o.PassWindowDays * Day);
        var account = _g.To[last];
        var outgoing = _g.Outgoing(account);
        for (var p = LowerBound(outgoing, last + 1); p < outgoing.Length; p++)
        {
            var e = outgoing[p];
            if (_g.Time[e] > deadline || --budget < 0)
            {
                return false;
            }

            var ratio = _g.Amount[e] / _g.Amount[last];
            if (_claimed[e] || ratio < _o.MinPassRatio || ratio > 1.0001)
            {
                continue;
            }

            var next = _g.To[e];
            if (next == origin)
            {
                if (path.Count + 1 >= _o.MinCycleHops)
                {
                    path.Add(e);
                    return true;
                }

                continue;
            }

            if (path.Count + 1 >= _o.MaxCycleHops || !onPath.Add(next))
            {
                continue;
            }

            path.Add(e);
            if (CycleFrom(e0, path, onPath, ref budget))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
            onPath.Remove(next);
        }

        return false;
    }

    /// <summary>The first position in a time-ordered segment whose transaction index is at least <paramref name="tx"/>.</summary>
    private static int LowerBound(ReadOnlySpan<int> segment, int tx)
    {
        int lo = 0, hi = segment.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (segment[mid] < tx)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
