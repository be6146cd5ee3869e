namespace Tessera.Bench.Money;

internal sealed partial class TransactionGenerator
{
    /// <summary>Plants <paramref name="each"/> attempts of every pattern (structuring half by one sender, half by smurfs).</summary>
    public void Plant(int each)
    {
        for (var i = 0; i < each; i++)
        {
            FanOut();
            FanIn();
            Cycle();
            ScatterGather();
            GatherScatter();
            Stack();
            Structuring(smurfs: i % 2 == 1);
        }
    }

    // AMLworld: "FAN-OUT: Max 16-degree Fan-Out"; the sum is split over 5–16 new receivers within three days.
    private void FanOut()
    {
        var t = Start();
        var source = Person();
        var receivers = Distinct(5 + _rng.Next(12));
        var total = Uniform(20_000, 200_000);
        foreach (var r in receivers)
        {
            Add(source, r, total / receivers.Length * Uniform(0.8, 1.2), t + _rng.NextInt64(3 * Day), "fan-out");
        }
    }

    private void FanIn()
    {
        var t = Start();
        var sink = Person();
        var senders = Distinct(5 + _rng.Next(12));
        var total = Uniform(20_000, 200_000);
        foreach (var s in senders)
        {
            Add(s, sink, total / senders.Length * Uniform(0.8, 1.2), t + _rng.NextInt64(3 * Day), "fan-in");
        }
    }

    // AMLworld: "CYCLE: Max N hops"; 3–8 hops, each passing on 90–99 % after one to twelve hours.
    private void Cycle()
    {
        var t = Start();
        var accounts = Distinct(3 + _rng.Next(6));
        var amount = Uniform(5_000, 100_000);
        for (var h = 0; h < accounts.Length; h++)
        {
            Add(accounts[h], accounts[(h + 1) % accounts.Length], amount, t, "cycle");
            amount *= Uniform(0.9, 0.99);
            t += 3_600 + _rng.NextInt64(11 * 3_600);
        }
    }

    private void ScatterGather()
    {
        var t = Start();
        var ends = Distinct(2);
        var total = Uniform(20_000, 200_000);
        var middles = Distinct(3 + _rng.Next(6)).Where(m => !ends.Contains(m)).ToArray();
        foreach (var m in middles)
        {
            var amount = total / middles.Length * Uniform(0.8, 1.2);
            var sent = t + _rng.NextInt64(2 * Day);
            Add(ends[0], m, amount, sent, "scatter-gather");
            Add(m, ends[1], amount * Uniform(0.9, 0.99), sent + 7_200 + _rng.NextInt64(2 * Day), "scatter-gather");
        }
    }

    private void GatherScatter()
    {
        var t = Start();
        var hub = Person();
        var senders = Distinct(4 + _rng.Next(7));
        var receivers = Distinct(4 + _rng.Next(7));
        var total = 0.0;
        var last = t;
        foreach (var s in senders)
        {
            var amount = Uniform(3_000, 30_000);
            var time = t + _rng.NextInt64(3 * Day);
            last = Math.Max(last, time);
            total += amount;
            Add(s, hub, amount, time, "gather-scatter");
        }

        var share = total * Uniform(0.9, 0.98) / receivers.Length;
        foreach (var r in receivers)
        {
            Add(hub, r, share * Uniform(0.9, 1.1), last + 3_600 + _rng.NextInt64(2 * Day), "gather-scatter");
        }
    }

    // Three layers of 2–4 accounts, every account of one layer paying every account of the next.
    private void Stack()
    {
        var t = Start();
        var all = Distinct(12);
        var l1 = all[..(2 + _rng.Next(3))];
        var l2 = all[4..(6 + _rng.Next(3))];
        var l3 = all[8..(10 + _rng.Next(3))];
        var last = t;
        var received = new double[l2.Length];
        foreach (var a in l1)
        {
            for (var b = 0; b < l2.Length; b++)
            {
                var amount = Uniform(2_000, 20_000);
                var time = t + _rng.NextInt64(2 * Day);
                last = Math.Max(last, time);
                received[b] += amount;
                Add(a, l2[b], amount, time, "stack");
            }
        }

        for (var b = 0; b < l2.Length; b++)
        {
            foreach (var c in l3)
            {
                Add(l2[b], c, received[b] * 0.95 / l3.Length * Uniform(0.95, 1.05), last + 3_600 + _rng.NextInt64(2 * Day), "stack");
            }
        }
    }

    // Transfers of EUR 8,600–9,990, just under the EUR 10,000 threshold, over up to eight days.
    private void Structuring(bool smurfs)
    {
        var t = Start();
        var one = Person();
        var others = Distinct(1 + _rng.Next(3));
        var count = 3 + _rng.Next(6);
        for (var i = 0; i < count; i++)
        {
            var other = smurfs ? RandomPerson() : others[i % others.Length];
            var amount = Uniform(8_600, 9_990);
            var time = t + _rng.NextInt64(8 * Day);
            if (smurfs)
            {
                Add(other, one, amount, time, "structuring");
            }
            else
            {
                Add(one, other, amount, time, "structuring");
            }
        }
    }
}
