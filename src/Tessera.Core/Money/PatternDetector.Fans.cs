namespace Tessera.Core.Money;

internal sealed partial class PatternDetector
{
    /// <summary>Fan-out (or fan-in): within <see cref="PatternOptions.FanWindowDays"/>, at least
    /// <see cref="PatternOptions.MinFanDegree"/> distinct new counterparties moving at least
    /// <see cref="PatternOptions.MinFanTotalEur"/>, a burst of ≥ <see cref="PatternOptions.MinBurst"/>
    /// times the account's rate, and ≥ <see cref="PatternOptions.MinNewShare"/> of the window's counterparties new.
    /// Score = 0.5 min(1, degree / 2k) + 0.25 new share + 0.25 min(1, burst / 4b).</summary>
    private IEnumerable<DetectedPattern> Fans(bool outgoing)
    {
        var window = _o.FanWindowDays * Day;
        for (var a = 0; a < _g.AccountCount; a++)
        {
            var fullCount = outgoing ? _g.OutStart[a + 1] - _g.OutStart[a] : _g.InStart[a + 1] - _g.InStart[a];
            if (fullCount < _o.MinFanDegree)
            {
                continue;
            }

            var seg = Open(outgoing ? _g.Outgoing(a) : _g.Incoming(a));
            var i = 0;
            while (i + _o.MinFanDegree <= seg.Count)
            {
                var j = i;
                while (j + 1 < seg.Count && _g.Time[seg[j + 1]] - _g.Time[seg[i]] <= window)
                {
                    j++;
                }

                var count = j - i + 1;
                var burst = Burst(count, fullCount, window);
                if (count < _o.MinFanDegree || burst < _o.MinBurst)
                {
                    i++;
                    continue;
                }

                var txs = seg.GetRange(i, count);
                var fresh = NewCounterparties(a, txs, outgoing);
                var distinct = txs.Select(t => Other(t, outgoing)).Distinct().Count();
                var share = fresh.Count / (double)distinct;
                var total = txs.Where(t => fresh.Contains(Other(t, outgoing))).Sum(t => _g.Amount[t]);
                if (fresh.Count >= _o.MinFanDegree && share >= _o.MinNewShare && total >= _o.MinFanTotalEur)
                {
                    var score = (0.5 * Math.Min(1, fresh.Count / (2.0 * _o.MinFanDegree))) + (0.25 * share) + (0.25 * Math.Min(1, burst / (4 * _o.MinBurst)));
                    yield return Claim(outgoing ? PatternKind.FanOut : PatternKind.FanIn, txs.Where(t => fresh.Contains(Other(t, outgoing))), score);
                    i = j + 1;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    /// <summary>Gather-scatter: a hub receives from ≥ k distinct new senders in a fan window and, within the pass window
    /// after the first receipt, sends to ≥ k distinct new receivers, passing on between the pass ratio and 105 % of what
    /// it got. Score = 0.5 min(1, (senders + receivers) / 4k) + 0.5 (1 − |1 − out/in|).</summary>
    private IEnumerable<DetectedPattern> GatherScatter()
    {
        var k = _o.MinGatherScatterDegree;
        var fanWindow = _o.FanWindowDays * Day;
        var passWindow = _o.PassWindowDays * Day;
        for (var hub = 0; hub < _g.AccountCount; hub++)
        {
            var inCount = _g.InStart[hub + 1] - _g.InStart[hub];
            if (inCount < k || _g.OutStart[hub + 1] - _g.OutStart[hub] < k)
            {
                continue;
            }

            var ins = Open(_g.Incoming(hub));
            var outs = Open(_g.Outgoing(hub));
            var i = 0;
            while (i + k <= ins.Count)
            {
                var start = _g.Time[ins[i]];
                var j = i;
                while (j + 1 < ins.Count && _g.Time[ins[j + 1]] - start <= fanWindow)
                {
                    j++;
                }

                var gathered = ins.GetRange(i, j - i + 1);
                if (gathered.Count < k || Burst(gathered.Count, inCount, fanWindow) < _o.MinBurst)
                {
                    i++;
                    continue;
                }

                var senders = NewCounterparties(hub, gathered, outgoing: false);
                var scattered = outs.Where(t => t > ins[i] && _g.Time[t] - start <= passWindow + fanWindow).ToList();
                var receivers = scattered.Count >= k ? NewCounterparties(hub, scattered, outgoing: true) : [];
                var inSum = gathered.Where(t => senders.Contains(_g.From[t])).Sum(t => _g.Amount[t]);
                var outSum = scattered.Where(t => receivers.Contains(_g.To[t])).Sum(t => _g.Amount[t]);
                var ratio = inSum > 0 ? outSum / inSum : 0;
                if (senders.Count >= k && receivers.Count >= k && ratio >= _o.MinPassRatio * 0.7 && ratio <= 1.05)
                {
                    var score = (0.5 * Math.Min(1, (senders.Count + receivers.Count) / (4.0 * k))) + (0.5 * (1 - Math.Min(1, Math.Abs(1 - ratio))));
                    yield return Claim(
                        PatternKind.GatherScatter,
                        gathered.Where(t => senders.Contains(_g.From[t])).Concat(scattered.Where(t => receivers.Contains(_g.To[t]))),
                        score);
                    ins = Open(_g.Incoming(hub));
                    outs = Open(_g.Outgoing(hub));
                    i = ins.FindIndex(t => t > gathered[^1]);
                    if (i < 0)
                    {
                        break;
                    }
                }
                else
                {
                    i++;
                }
            }
        }
    }
}
