namespace Tessera.Core.Money;

/// <summary>A compact, immutable transaction graph: transactions as parallel arrays in time order, and two CSR indexes
/// (outgoing and incoming per account), each segment in time order.</summary>
/// <remarks>Transaction index order is time order (ties keep input order), so "later than" is "larger index" and a
/// window in time is a contiguous index range. Amounts are in EUR. Memory: about 40 bytes per transaction plus the
/// identifiers when they are kept (10 M transactions without identifiers take about 400 MB).</remarks>
internal sealed class TransactionGraph
{
    internal TransactionGraph(string[] accounts, string?[] countries, int[] from, int[] to, double[] amount, long[] time, string[]? ids)
    {
        Accounts = accounts;
        Countries = countries;
        From = from;
        To = to;
        Amount = amount;
        Time = time;
        Ids = ids;
        (OutStart, OutTx) = Index(accounts.Length, from);
        (InStart, InTx) = Index(accounts.Length, to);
    }

    /// <summary>Account identifiers by account number.</summary>
    public string[] Accounts { get; }

    /// <summary>ISO 3166 alpha-2 country of each account when known (IBAN prefix or an explicit column), else null.</summary>
    public string?[] Countries { get; }

    public int[] From { get; }

    public int[] To { get; }

    /// <summary>Amount in EUR.</summary>
    public double[] Amount { get; }

    /// <summary>Unix time in seconds.</summary>
    public long[] Time { get; }

    /// <summary>Transaction identifiers as given, or null when the graph was built without them (benchmarks).</summary>
    public string[]? Ids { get; }

    public int[] OutStart { get; }

    public int[] OutTx { get; }

    public int[] InStart { get; }

    public int[] InTx { get; }

    public int AccountCount => Accounts.Length;

    public int TransactionCount => From.Length;

    public string TransactionId(int tx) => Ids is null ? tx.ToString(System.Globalization.CultureInfo.InvariantCulture) : Ids[tx];

    public ReadOnlySpan<int> Outgoing(int account) => OutTx.AsSpan(OutStart[account], OutStart[account + 1] - OutStart[account]);

    public ReadOnlySpan<int> Incoming(int account) => InTx.AsSpan(InStart[account], InStart[account + 1] - InStart[account]);

    /// <summary>The first transaction index at or after <paramref name="time"/> (binary search; transactions are in time order).</summary>
    public int FirstAtOrAfter(long time)
    {
        int lo = 0, hi = Time.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Time[mid] < time)
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

    /// <summary>Counting sort by account: the transactions already lie in time order, so each segment does too.</summary>
    private static (int[] Start, int[] Tx) Index(int accounts, int[] endpoint)
    {
        var start = new int[accounts + 1];
        foreach (var a in endpoint)
        {
            start[a + 1]++;
        }

        for (var i = 0; i < accounts; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = start[..^1].ToArray();
        var tx = new int[endpoint.Length];
        for (var t = 0; t < endpoint.Length; t++)
        {
            tx[fill[endpoint[t]]++] = t;
        }

        return (start, tx);
    }
}
