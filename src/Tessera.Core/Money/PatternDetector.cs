namespace Tessera.Core.Money;

/// <summary>Finds laundering patterns in a <see cref="TransactionGraph"/>: cycles, scatter-gather, gather-scatter,
/// stacked layers, structuring, fan-out and fan-in, in that order (the more specific shapes first); a transaction taken by one pattern is not offered
/// to the next, so each transaction carries at most one label.</summary>
/// <remarks>The patterns follow IBM AMLSim's alert typologies (also those of the AMLworld data sets): fan-out and fan-in
/// are bursts of distinct, new counterparties around one account; a cycle returns money to its origin through ≥ 3
/// hops with each hop passing on most of what it got; scatter-gather sends from one source through several
/// intermediaries to one sink; gather-scatter collects at a hub from several senders and spreads to several receivers;
/// a stack is two layers of pass-through accounts sharing their senders. "New" means that the pair has no transaction
/// outside the window; "burst" compares the window with the account's own average rate, so a shop's steady stream of
/// customers and a payroll that recurs every month are not taken for laundering. Every detector is near linear in the
/// number of transactions for bounded windows; the cycle search has a budget per starting transaction.</remarks>
internal sealed partial class PatternDetector
{
    private const double Day = 86_400;
    private readonly TransactionGraph _g;
    private readonly PatternOptions _o;
    private readonly bool[] _claimed;
    private readonly double _span;

    private PatternDetector(TransactionGraph graph, PatternOptions options)
    {
        _g = graph;
        _o = options;
        _claimed = new bool[graph.TransactionCount];
        _span = graph.TransactionCount == 0 ? Day : Math.Max(Day, graph.Time[^1] - graph.Time[0]);
    }

    public static IReadOnlyList<DetectedPattern> Detect(TransactionGraph graph, PatternOptions? options = null)
    {
        var detector = new PatternDetector(graph, options ?? new PatternOptions());
        var found = new List<DetectedPattern>();
        found.AddRange(detector.Cycles());
        found.AddRange(detector.ScatterGather());
        found.AddRange(detector.GatherScatter());
        found.AddRange(detector.Stacks());
        found.AddRange(detector.Structuring());
        found.AddRange(detector.Fans(outgoing: true));
        found.AddRange(detector.Fans(outgoing: false));
        return found;
    }

    /// <summary>Writes <c>pattern,transaction_id</c>, one row per transaction taking part in a detected pattern.</summary>
    public static void WriteTransactions(TransactionGraph graph, IEnumerable<DetectedPattern> patterns, TextWriter writer)
    {
        writer.Write("pattern,transaction_id\n");
        foreach (var p in patterns)
        {
            foreach (var tx in p.Transactions)
            {
                writer.Write(p.Name);
                writer.Write(',');
                writer.Write(Graph.CsvLine.Quote(graph.TransactionId(tx)));
                writer.Write('\n');
            }
        }
    }

    private DetectedPattern Claim(PatternKind kind, IEnumerable<int> transactions, double score)
    {
        var txs = transactions.Distinct().Order().ToArray();
        var accounts = new SortedSet<int>();
        var amount = 0.0;
        foreach (var t in txs)
        {
            _claimed[t] = true;
            accounts.Add(_g.From[t]);
            accounts.Add(_g.To[t]);
            amount += _g.Amount[t];
        }

        return new DetectedPattern(kind, [.. accounts], txs, amount, Math.Clamp(score, 0, 1));
    }

    private int Other(int tx, bool outgoing) => outgoing ? _g.To[tx] : _g.From[tx];

    /// <summary>The unclaimed transactions of a segment, in time order.</summary>
    private List<int> Open(ReadOnlySpan<int> segment)
    {
        var list = new List<int>(segment.Length);
        foreach (var t in segment)
        {
            if (!_claimed[t])
            {
                list.Add(t);
            }
        }

        return list;
    }

    /// <summary>Counterparties of <paramref name="account"/> among <paramref name="window"/> that have no transaction
    /// with it (in that direction) outside the window.</summary>
    private HashSet<int> NewCounterparties(int account, IReadOnlyCollection<int> window, bool outgoing)
    {
        var inWindow = new Dictionary<int, int>();
        foreach (var t in window)
        {
            inWindow[Other(t, outgoing)] = inWindow.GetValueOrDefault(Other(t, outgoing)) + 1;
        }

        var all = new Dictionary<int, int>(inWindow.Count);
        foreach (var t in outgoing ? _g.Outgoing(account) : _g.Incoming(account))
        {
            var c = Other(t, outgoing);
            if (inWindow.ContainsKey(c))
            {
                all[c] = all.GetValueOrDefault(c) + 1;
            }
        }

        return [.. inWindow.Where(kv => all[kv.Key] == kv.Value).Select(kv => kv.Key)];
    }

    /// <summary>How many times the account's average rate over the data the window holds (at least the count itself when
    /// the account has fewer transactions than one window's worth).</summary>
    private double Burst(int windowCount, int segmentCount, double windowSeconds) =>
        windowCount / Math.Max(1, segmentCount * windowSeconds / _span);
}
