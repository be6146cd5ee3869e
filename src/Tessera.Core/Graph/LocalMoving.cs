namespace Tessera.Core.Graph;

/// <summary>The two node-moving phases of Leiden on one level: fast local moving and refinement.</summary>
/// <remarks>Gain of putting an isolated node v into community C (modularity, resolution γ):
/// w(v, C) − γ·k_v·tot_C / 2m. Ties keep the node where it is, so the result depends only on the seed.</remarks>
internal sealed class LocalMoving
{
    private readonly LevelGraph _g;
    private readonly double _gamma;
    private readonly Random _rng;
    private readonly double[] _scratch;
    private readonly int[] _stamp;
    private readonly List<int> _touched = [];
    private int _epoch;

    public LocalMoving(LevelGraph g, double gamma, Random rng)
    {
        _g = g;
        _gamma = gamma;
        _rng = rng;
        _scratch = new double[g.NodeCount];
        _stamp = new int[g.NodeCount];
    }

    /// <summary>Moves nodes between communities until no move improves modularity (queue of nodes to revisit).</summary>
    public void Run(int[] community)
    {
        var n = _g.NodeCount;
        var m2 = _g.TotalStrength;
        var offsets = _g.Offsets;
        var targets = _g.Targets;
        var weights = _g.Weights;
        var strength = _g.Strength;
        var scratch = _scratch;
        var stamp = _stamp;
        var gamma = _gamma;
        var tot = new double[n];
        for (var v = 0; v < n; v++)
        {
            tot[community[v]] += strength[v];
        }

        var touched = new int[n];
        var queue = Shuffled(n);
        var inQueue = new bool[n];
        Array.Fill(inQueue, true);
        int head = 0, size = n;
        while (size > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            size--;
            inQueue[v] = false;
            var own = community[v];
            var kv = strength[v];

            // Tie weight from v to each neighbouring community (stamp marks the entries valid for this node).
            var epoch = ++_epoch;
            var count = 0;
            int from = offsets[v], to = offsets[v + 1];
            for (var a = from; a < to; a++)
            {
                var c = community[targets[a]];
                if (stamp[c] != epoch)
                {
                    stamp[c] = epoch;
                    scratch[c] = 0;
                    touched[count++] = c;
                }

                scratch[c] += weights[a];
            }

            tot[own] -= kv;
            var scale = gamma * kv / m2;
            var best = own;
            var bestGain = (stamp[own] == epoch ? scratch[own] : 0.0) - (scale * tot[own]);
            for (var i = 0; i < count; i++)
            {
                var c = touched[i];
                var gain = scratch[c] - (scale * tot[c]);
                if (gain > bestGain + 1e-12)
                {
                    best = c;
                    bestGain = gain;
                }
            }

            tot[best] += kv;
            if (best == own)
            {
                continue;
            }

            community[v] = best;
            for (var a = from; a < to; a++)
            {
                var u = targets[a];
                if (!inQueue[u] && community[u] != best)
                {
                    inQueue[u] = true;
                    var tail = head + size;
                    queue[tail >= n ? tail - n : tail] = u;
                    size++;
                }
            }
        }
    }

    /// <summary>Leiden refinement: inside each community, singletons that are well connected to it merge greedily
    /// into well-connected sub-communities; returns the refined labels (node-indexed, not compacted).</summary>
    public int[] Refine(int[] community)
    {
        var n = _g.NodeCount;
        var m2 = _g.TotalStrength;
        var tot = new double[n];
        for (var v = 0; v < n; v++)
        {
            tot[community[v]] += _g.Strength[v];
        }

        var refined = Enumerable.Range(0, n).ToArray();
        var rTot = (double[])_g.Strength.Clone();
        var rExt = new double[n];
        var grown = new bool[n];
        for (var v = 0; v < n; v++)
        {
            for (var a = _g.Offsets[v]; a < _g.Offsets[v + 1]; a++)
            {
                if (community[_g.Targets[a]] == community[v])
                {
                    rExt[v] += _g.Weights[a];
                }
            }
        }

        foreach (var v in Shuffled(n))
        {
            if (refined[v] != v || grown[v])
            {
                continue;
            }

            var c = community[v];
            var kv = _g.Strength[v];
            if (rExt[v] < _gamma * kv * (tot[c] - kv) / m2)
            {
                continue;
            }

            Gather(v, refined, community, c);
            var best = -1;
            var bestGain = 0.0;
            foreach (var s in _touched)
            {
                if (s == v || rExt[s] < _gamma * rTot[s] * (tot[c] - rTot[s]) / m2)
                {
                    continue;
                }

                var gain = _scratch[s] - (_gamma * kv * rTot[s] / m2);
                if (gain > bestGain)
                {
                    best = s;
                    bestGain = gain;
                }
            }

            if (best >= 0)
            {
                rExt[best] += rExt[v] - (2 * _scratch[best]);
                rTot[best] += kv;
                refined[v] = best;
                grown[best] = true;
            }
        }

        return refined;
    }

    // Sums v's tie weights per label of its neighbours (only neighbours in community `within` when given).
    private void Gather(int v, int[] label, int[]? community, int within)
    {
        _epoch++;
        _touched.Clear();
        for (var a = _g.Offsets[v]; a < _g.Offsets[v + 1]; a++)
        {
            var u = _g.Targets[a];
            if (community is not null && community[u] != within)
            {
                continue;
            }

            var c = label[u];
            if (_stamp[c] != _epoch)
            {
                _stamp[c] = _epoch;
                _scratch[c] = 0;
                _touched.Add(c);
            }

            _scratch[c] += _g.Weights[a];
        }
    }

    private int[] Shuffled(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        _rng.Shuffle(order);
        return order;
    }
}
