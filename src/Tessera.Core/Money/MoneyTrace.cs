namespace Tessera.Core.Money;

/// <summary>Which way a trace follows the money.</summary>
internal enum TraceDirection
{
    /// <summary>Where the money an account sent went.</summary>
    Forward,

    /// <summary>Where the money an account received came from.</summary>
    Backward,
}

/// <summary>A trace request: the account, the direction, the hops and the time window (Unix seconds, inclusive).</summary>
/// <param name="MinAmountEur">Traced amounts below this are dropped (the haircut dilutes them geometrically; dropping
/// them bounds the work without changing any figure above a cent).</param>
internal sealed record TraceRequest(int Account, TraceDirection Direction, int Hops, long From, long To, double MinAmountEur = 0.01);

/// <summary>One account the traced money reached: at which hop first, how much traced money it received, which share of
/// the source's traced total that is, and how much of it the account still holds at the end of the window.</summary>
/// <remarks>Money that circles back to an account counts again each time it arrives, so received amounts (not held
/// ones) may add up to more than the source's total in a cycle.</remarks>
internal sealed record TracedAccount(int Account, int Hop, double AmountEur, double Share, double HeldEur);

/// <summary>Traced money on one tie (account pair, in the direction of payment), for the Sankey chart.</summary>
internal sealed record TracedFlow(int From, int To, int Hop, double AmountEur);

/// <summary>The result of a trace: the source's total, the accounts reached (the source excluded) and the flows.</summary>
internal sealed record TraceResult(int Source, double SourceTotalEur, IReadOnlyList<TracedAccount> Reached, IReadOnlyList<TracedFlow> Flows, int EventsProcessed);

/// <summary>Follows money over k hops in a time window with proportional ("haircut") allocation.</summary>
/// <remarks>
/// Allocation rule: every account keeps a known balance B (what it received minus what it sent inside the window) and
/// the traced part P of it. A payment of amount a carries a·P/B of traced money (all of P when a ≥ B); B and P go down
/// accordingly, and the receiver's go up. The source's own payments in the window are traced in full. Traced money
/// is therefore never created: the amounts reaching all accounts at one hop never exceed the source's total, and a
/// path stays time-respecting (money leaves an account only after it arrived). FIFO allocation is not offered.
/// Backward tracing is the same rule on the reversed graph in reversed time (a "reverse haircut"): walking back from
/// the target, an account's balance is what it paid on, and its receipts, latest first, take their proportional share
/// of the traced part of it; the result says how much of what the target received each origin accounts for.
/// Cost: one heap operation per transaction of a reached account inside the window, O(E log A).
/// </remarks>
internal static class MoneyTrace
{
    public static TraceResult Run(TransactionGraph g, TraceRequest request)
    {
        var forward = request.Direction == TraceDirection.Forward;
        var first = g.FirstAtOrAfter(request.From);
        var last = g.FirstAtOrAfter(request.To == long.MaxValue ? long.MaxValue : request.To + 1) - 1;
        var state = new Holder?[g.AccountCount];
        var flows = new Dictionary<(int, int), (int Hop, double Amount)>();
        var received = new Dictionary<int, double>();
        var heap = new PriorityQueue<int, int>();

        // Event keys run forward in time for a forward trace and backward for a backward one, so "the next event" is
        // always the smallest key; a transaction met twice (from both its accounts' streams) is processed once.
        var source = new Holder(request.Account, 0, forward ? first - 1 : last + 1, g, forward, first, last);
        state[request.Account] = source;
        source.Push(heap);
        var sourceTotal = 0.0;
        var lastKey = int.MinValue;
        var events = 0;
        while (heap.TryDequeue(out var account, out var key))
        {
            var holder = state[account]!;
            holder.Advance();
            holder.Push(heap);
            if (key == lastKey)
            {
                continue;
            }

            lastKey = key;
            events++;
            var tx = forward ? key : -key;
            var (payer, payee) = forward ? (g.From[tx], g.To[tx]) : (g.To[tx], g.From[tx]);
            var amount = g.Amount[tx];
            var carried = 0.0;
            var p = state[payer];
            if (p is not null)
            {
                if (p.Hop == 0)
                {
                    carried = amount;
                    sourceTotal += amount;
                }
                else if (p.Hop < request.Hops && p.Traced > 0)
                {
                    carried = amount >= p.Balance ? p.Traced : amount * p.Traced / p.Balance;
                    p.Traced -= carried;
                }

                p.Balance = Math.Max(0, p.Balance - amount);
            }

            var q = state[payee];
            if (q is not null)
            {
                q.Balance += amount;
                q.Traced += carried;
            }
            else if (carried > 0 && carried >= request.MinAmountEur)
            {
                q = new Holder(payee, p!.Hop + 1, tx, g, forward, first, last) { Traced = carried };
                q.Balance += amount;
                state[payee] = q;
                q.Push(heap);
            }

            if (carried > 0 && carried >= request.MinAmountEur && payee != request.Account)
            {
                received[payee] = received.GetValueOrDefault(payee) + carried;
                var tie = forward ? (payer, payee) : (payee, payer);
                var f = flows.GetValueOrDefault(tie, (p!.Hop + 1, 0));
                flows[tie] = (f.Hop, f.Amount + carried);
            }
        }

        var reached = received
            .Select(kv => new TracedAccount(kv.Key, state[kv.Key]!.Hop, kv.Value, sourceTotal > 0 ? kv.Value / sourceTotal : 0, state[kv.Key]!.Traced))
            .OrderBy(r => r.Hop).ThenByDescending(r => r.AmountEur).ToList();
        var flowList = flows.Select(kv => new TracedFlow(kv.Key.Item1, kv.Key.Item2, kv.Value.Hop, kv.Value.Amount))
            .OrderBy(f => f.Hop).ThenByDescending(f => f.AmountEur).ToList();
        return new TraceResult(request.Account, sourceTotal, reached, flowList, events);
    }

    /// <summary>An account reached by the trace, with its balance, its traced part and its cursor over the window.</summary>
    private sealed class Holder
    {
        private readonly int _outEnd;
        private readonly int _inEnd;
        private readonly bool _forward;
        private readonly int[] _outTx;
        private readonly int[] _inTx;
        private int _outPos;
        private int _inPos;

        /// <summary>Starts the account's stream just after transaction <paramref name="after"/> (in trace order), with the
        /// balance it built up inside the window before that.</summary>
        public Holder(int account, int hop, int after, TransactionGraph g, bool forward, int first, int last)
        {
            Account = account;
            Hop = hop;
            _forward = forward;
            // "Out" is the side money leaves by in trace order: payments in a forward trace, receipts in a backward one.
            (_outTx, var os, var oe) = forward ? (g.OutTx, g.OutStart[account], g.OutStart[account + 1]) : (g.InTx, g.InStart[account], g.InStart[account + 1]);
            (_inTx, var ins, var ie) = forward ? (g.InTx, g.InStart[account], g.InStart[account + 1]) : (g.OutTx, g.OutStart[account], g.OutStart[account + 1]);
            if (forward)
            {
                _outPos = Bound(_outTx, os, oe, after + 1);
                _inPos = Bound(_inTx, ins, ie, after + 1);
                _outEnd = Bound(_outTx, os, oe, last + 1);
                _inEnd = Bound(_inTx, ins, ie, last + 1);
                // The balance before the transaction that reached the account; that transaction itself is added by the caller.
                Balance = Sum(g, _inTx, Bound(_inTx, ins, ie, first), Bound(_inTx, ins, ie, after)) - Sum(g, _outTx, Bound(_outTx, os, oe, first), Bound(_outTx, os, oe, after));
            }
            else
            {
                // Walk segments from the end down: positions count down, ends are the lowest positions still in the window.
                _outPos = Bound(_outTx, os, oe, after) - 1;
                _inPos = Bound(_inTx, ins, ie, after) - 1;
                _outEnd = Bound(_outTx, os, oe, first) - 1;
                _inEnd = Bound(_inTx, ins, ie, first) - 1;
                Balance = Sum(g, _inTx, Bound(_inTx, ins, ie, after + 1), Bound(_inTx, ins, ie, last + 1)) - Sum(g, _outTx, Bound(_outTx, os, oe, after + 1), Bound(_outTx, os, oe, last + 1));
            }

            Balance = Math.Max(0, Balance);
        }

        public int Account { get; }

        public int Hop { get; }

        public double Balance { get; set; }

        public double Traced { get; set; }

        private int Current
        {
            get
            {
                var o = HasOut ? _outTx[_outPos] : -1;
                var i = HasIn ? _inTx[_inPos] : -1;
                if (o < 0)
                {
                    return i;
                }

                if (i < 0)
                {
                    return o;
                }

                return _forward ? Math.Min(o, i) : Math.Max(o, i);
            }
        }

        private bool HasOut => _forward ? _outPos < _outEnd : _outPos > _outEnd;

        private bool HasIn => _forward ? _inPos < _inEnd : _inPos > _inEnd;

        public void Push(PriorityQueue<int, int> heap)
        {
            var tx = Current;
            if (tx >= 0)
            {
                heap.Enqueue(Account, _forward ? tx : -tx);
            }
        }

        /// <summary>Moves past the current transaction (a self-transfer sits in both streams and is passed in both).</summary>
        public void Advance()
        {
            var tx = Current;
            var step = _forward ? 1 : -1;
            if (HasOut && _outTx[_outPos] == tx)
            {
                _outPos += step;
            }

            if (HasIn && _inTx[_inPos] == tx)
            {
                _inPos += step;
            }
        }

        private static int Bound(int[] tx, int start, int end, int value)
        {
            int lo = start, hi = end;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (tx[mid] < value)
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

        private static double Sum(TransactionGraph g, int[] tx, int start, int end)
        {
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                sum += g.Amount[tx[i]];
            }

            return sum;
        }
    }
}
