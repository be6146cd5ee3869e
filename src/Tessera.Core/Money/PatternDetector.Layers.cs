namespace Tessera.Core.Money;

internal sealed partial class PatternDetector
{
    /// <summary>Scatter-gather: one source pays ≥ <see cref="PatternOptions.MinScatterDegree"/> distinct intermediaries
    /// within a fan window, and each passes on (pass ratio to 100.01 %, within the pass window) to the same sink.
    /// Score = 0.5 min(1, intermediaries / 2k) + 0.5 × the share of the scattered amount that is gathered.</summary>
    private IEnumerable<DetectedPattern> ScatterGather()
    {
        var fanWindow = _o.FanWindowDays * Day;
        var passWindow = _o.PassWindowDays * Day;
        for (var s = 0; s < _g.AccountCount; s++)
        {
            var outgoing = _g.Outgoing(s);
            if (outgoing.Length < _o.MinScatterDegree)
            {
                continue;
            }

            Dictionary<int, List<(int First, int Second)>>? bySink = null;
            foreach (var e1 in outgoing)
            {
                var m = _g.To[e1];
                if (_claimed[e1] || m == s)
                {
                    continue;
                }

                var onward = _g.Outgoing(m);
                for (var p = LowerBound(onward, e1 + 1); p < onward.Length && _g.Time[onward[p]] - _g.Time[e1] <= passWindow; p++)
                {
                    var e2 = onward[p];
                    var ratio = _g.Amount[e2] / _g.Amount[e1];
                    if (!_claimed[e2] && _g.To[e2] != s && _g.To[e2] != m && ratio >= _o.MinPassRatio && ratio <= 1.0001)
                    {
                        bySink ??= [];
                        if (!bySink.TryGetValue(_g.To[e2], out var list))
                        {
                            bySink[_g.To[e2]] = list = [];
                        }

                        list.Add((e1, e2));
                    }
                }
            }

            if (bySink is null)
            {
                continue;
            }

            foreach (var (_, legs) in bySink)
            {
                var firstByMiddle = legs.GroupBy(l => _g.To[l.First]).Select(g => g.First()).ToList();
                if (firstByMiddle.Count < _o.MinScatterDegree || firstByMiddle.Any(l => _claimed[l.First] || _claimed[l.Second]))
                {
                    continue;
                }

                var times = firstByMiddle.Select(l => _g.Time[l.First]).ToArray();
                if (times.Max() - times.Min() > fanWindow)
                {
                    continue;
                }

                var scattered = firstByMiddle.Sum(l => _g.Amount[l.First]);
                var gathered = firstByMiddle.Sum(l => _g.Amount[l.Second]);
                var score = (0.5 * Math.Min(1, firstByMiddle.Count / (2.0 * _o.MinScatterDegree))) + (0.5 * gathered / scattered);
                yield return Claim(PatternKind.ScatterGather, firstByMiddle.SelectMany(l => new[] { l.First, l.Second }), score);
            }
        }
    }

    /// <summary>Stack: pass-through accounts (≥ 2 new senders, then ≥ 2 new receivers within the pass window, passing
    /// on between the pass ratio and 105 % of what they got) of which at least two share at least two senders: the
    /// layers of a stacked transfer. Score = 0.5 min(1, middles / 4) + 0.5 × the mean pass-on ratio.</summary>
    private IEnumerable<DetectedPattern> Stacks()
    {
        var passWindow = _o.PassWindowDays * Day;
        var middles = new List<(int Account, HashSet<int> Senders, List<int> Txs, double Ratio)>();
        for (var v = 0; v < _g.AccountCount; v++)
        {
            if (_g.Incoming(v).Length < 2 || _g.Outgoing(v).Length < 2)
            {
                continue;
            }

            var ins = Open(_g.Incoming(v));
            var outs = Open(_g.Outgoing(v));
            for (var i = 0; i + 1 < ins.Count; i++)
            {
                var start = _g.Time[ins[i]];
                var gathered = ins.Skip(i).TakeWhile(t => _g.Time[t] - start <= passWindow).ToList();
                var senders = NewCounterparties(v, gathered, outgoing: false);
                if (senders.Count < 2)
                {
                    continue;
                }

                var sent = outs.Where(t => t > gathered[1] && _g.Time[t] - start <= passWindow).ToList();
                var receivers = sent.Count >= 2 ? NewCounterparties(v, sent, outgoing: true) : [];
                var inTx = gathered.Where(t => senders.Contains(_g.From[t])).ToList();
                var outTx = sent.Where(t => receivers.Contains(_g.To[t])).ToList();
                var ratio = outTx.Sum(t => _g.Amount[t]) / inTx.Sum(t => _g.Amount[t]);
                if (receivers.Count >= 2 && ratio >= _o.MinPassRatio && ratio <= 1.05)
                {
                    middles.Add((v, senders, [.. inTx, .. outTx], ratio));
                    break;
                }
            }
        }

        foreach (var group in SharedSenderGroups(middles.Select(m => m.Senders).ToList()))
        {
            var members = group.Select(i => middles[i]).ToList();
            var score = (0.5 * Math.Min(1, members.Count / 4.0)) + (0.5 * Math.Min(1, members.Average(m => m.Ratio)));
            yield return Claim(PatternKind.Stack, members.SelectMany(m => m.Txs), score);
        }
    }

    /// <summary>Groups (union-find) of the candidates that share at least two senders with another member.</summary>
    private static IEnumerable<List<int>> SharedSenderGroups(List<HashSet<int>> senders)
    {
        var parent = Enumerable.Range(0, senders.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var bySender = new Dictionary<int, List<int>>();
        for (var i = 0; i < senders.Count; i++)
        {
            foreach (var s in senders[i])
            {
                if (!bySender.TryGetValue(s, out var list))
                {
                    bySender[s] = list = [];
                }

                list.Add(i);
            }
        }

        var shared = new Dictionary<(int, int), int>();
        var linked = new bool[senders.Count];
        foreach (var list in bySender.Values.Where(l => l.Count is > 1 and <= 64))
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var key = (list[a], list[b]);
                    if ((shared[key] = shared.GetValueOrDefault(key) + 1) == 2)
                    {
                        parent[Find(list[a])] = Find(list[b]);
                        linked[list[a]] = linked[list[b]] = true;
                    }
                }
            }
        }

        return Enumerable.Range(0, senders.Count).Where(i => linked[i]).GroupBy(Find).Select(g => g.ToList());
    }

    /// <summary>Structuring: at least <see cref="PatternOptions.MinStructuringCount"/> transfers from one account (or to
    /// one account: smurfing) within the structuring window, each between the band and the reporting threshold, and
    /// at least <see cref="PatternOptions.MinStructuringShare"/> of the account's transfers in that direction over those days.
    /// Score = 0.5 min(1, count / 2k) + 0.5 × how close the amounts sit under the threshold on average.</summary>
    private IEnumerable<DetectedPattern> Structuring()
    {
        var low = _o.ReportingThresholdEur * _o.StructuringBand;
        var window = _o.StructuringWindowDays * Day;
        foreach (var outgoing in new[] { true, false })
        {
            for (var a = 0; a < _g.AccountCount; a++)
            {
                var open = Open(outgoing ? _g.Outgoing(a) : _g.Incoming(a));
                var under = open.Where(t => _g.Amount[t] >= low && _g.Amount[t] < _o.ReportingThresholdEur).ToList();
                var i = 0;
                while (i + _o.MinStructuringCount <= under.Count)
                {
                    var j = i;
                    while (j + 1 < under.Count && _g.Time[under[j + 1]] - _g.Time[under[i]] <= window)
                    {
                        j++;
                    }

                    // A fan whose amounts happen to fall in the band is not structuring: the band must dominate the
                    // account's transfers in that direction over the same days.
                    var (first, lastTime) = (under[i], _g.Time[under[j]]);
                    var alongside = open.Count(t => t >= first && _g.Time[t] <= lastTime);
                    if (j - i + 1 >= _o.MinStructuringCount && (j - i + 1) >= _o.MinStructuringShare * alongside)
                    {
                        var txs = under.GetRange(i, j - i + 1);
                        var closeness = txs.Average(t => (_g.Amount[t] - low) / (_o.ReportingThresholdEur - low));
                        yield return Claim(PatternKind.Structuring, txs, (0.5 * Math.Min(1, txs.Count / (2.0 * _o.MinStructuringCount))) + (0.5 * closeness));
                        i = j + 1;
                    }
                    else
                    {
                        i++;
                    }
                }
            }
        }
    }
}
