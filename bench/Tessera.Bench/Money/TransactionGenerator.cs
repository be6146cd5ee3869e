using System.Globalization;

namespace Tessera.Bench.Money;

/// <summary>One generated transaction; <see cref="Label"/> is the planted pattern's name, or null for ordinary payments.</summary>
internal readonly record struct GeneratedTx(int From, int To, double Amount, long Time, string? Label);

/// <summary>Labelled transactions after the pattern definitions of IBM's AMLSim / AMLworld: a year of ordinary payments
/// (private payments with recurring payees, shop purchases, monthly payroll, refunds, rare large purchases just under
/// EUR 10,000, and innocent bursts: an organiser paying suppliers, a collection among friends) with planted fan-out,
/// fan-in, cycle, scatter-gather, gather-scatter, stack and structuring attempts by accounts that also pay ordinarily.</summary>
internal sealed partial class TransactionGenerator
{
    private const long Day = 86_400;
    private static readonly string[] Countries = ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "GR", "PL", "SE", "TR", "GB", "AE", "PK", "IQ", "AF"];
    private readonly Random _rng;
    private readonly long _start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private readonly List<GeneratedTx> _txs = [];
    private readonly int _persons;
    private readonly int _merchants;
    private readonly int _employers;

    public TransactionGenerator(int seed, int persons = 120_000, int merchants = 600, int employers = 400)
    {
        _rng = new Random(seed);
        _persons = persons;
        _merchants = merchants;
        _employers = employers;
    }

    public int AccountCount => _persons + _merchants + _employers;

    public IReadOnlyList<GeneratedTx> Transactions => _txs;

    /// <summary>An account identifier shaped like an IBAN (country, two digits, twelve digits) so that corridors have countries.</summary>
    public static string AccountId(int account) =>
        Countries[account % Countries.Length] + "00" + account.ToString("D12", CultureInfo.InvariantCulture);

    public void Background(int ordinary = 600_000, int purchases = 300_000)
    {
        for (var i = 0; i < ordinary; i++)
        {
            var from = Person();
            var to = _rng.NextDouble() < 0.6 ? UsualPayee(from) : RandomPerson();
            var amount = _rng.NextDouble() < 0.001 ? 8_500 + (_rng.NextDouble() * 1_499) : LogNormal(5.0, 1.2);
            var time = _start + (long)(_rng.NextDouble() * 365 * Day);
            Add(from, to, amount, time, null);
            if (_rng.NextDouble() < 0.01)
            {
                Add(to, from, amount, time + 3_600 + _rng.NextInt64(3 * Day), null);
            }
        }

        for (var i = 0; i < purchases; i++)
        {
            Add(RandomPerson(), _persons + _rng.Next(_merchants), LogNormal(3.7, 0.9), _start + (long)(_rng.NextDouble() * 365 * Day), null);
        }

        for (var e = 0; e < _employers; e++)
        {
            var employer = _persons + _merchants + e;
            var staff = Enumerable.Range(0, 5 + _rng.Next(26)).Select(_ => RandomPerson()).Distinct().ToArray();
            var salaries = staff.Select(_ => LogNormal(7.8, 0.3)).ToArray();
            for (var month = 0; month < 12; month++)
            {
                var payday = new DateTimeOffset(2025, month + 1, 25, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
                for (var s = 0; s < staff.Length; s++)
                {
                    Add(employer, staff[s], salaries[s] * (0.98 + (_rng.NextDouble() * 0.04)), payday + _rng.NextInt64(Day), null);
                }
            }
        }
    }

    /// <summary>Innocent bursts that look like fans: an organiser paying 5–8 suppliers within three days, a collection
    /// among 5–15 friends for one person.</summary>
    public void LookAlikes(int each)
    {
        for (var i = 0; i < each; i++)
        {
            var t = Start();
            var organiser = RandomPerson();
            foreach (var supplier in Distinct(5 + _rng.Next(4)))
            {
                Add(organiser, supplier, LogNormal(6.5, 0.8), t + _rng.NextInt64(3 * Day), null);
            }

            var collector = RandomPerson();
            t = Start();
            foreach (var friend in Distinct(5 + _rng.Next(11)))
            {
                Add(friend, collector, LogNormal(3.5, 0.5), t + _rng.NextInt64(3 * Day), null);
            }
        }
    }

    public void Write(string transactionsPath, string truthPath)
    {
        var order = Enumerable.Range(0, _txs.Count).OrderBy(i => _txs[i].Time).ToArray();
        using var tx = new StreamWriter(transactionsPath) { NewLine = "\n" };
        using var truth = new StreamWriter(truthPath) { NewLine = "\n" };
        tx.WriteLine("id,from,to,amount,currency,time");
        truth.WriteLine("pattern,transaction_id");
        foreach (var i in order)
        {
            var t = _txs[i];
            var id = "T" + i.ToString("D8", CultureInfo.InvariantCulture);
            var time = DateTimeOffset.FromUnixTimeSeconds(t.Time).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            tx.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id},{AccountId(t.From)},{AccountId(t.To)},{t.Amount:0.00},EUR,{time}"));
            if (t.Label is not null)
            {
                truth.WriteLine(t.Label + "," + id);
            }
        }
    }

    private void Add(int from, int to, double amount, long time, string? label)
    {
        if (from != to)
        {
            _txs.Add(new GeneratedTx(from, to, Math.Round(amount, 2), time, label));
        }
    }

    private int Person() => (int)(_persons * Math.Pow(_rng.NextDouble(), 2));

    private int RandomPerson() => _rng.Next(_persons);

    private int UsualPayee(int from) => (int)((((long)from * 2_654_435_761L) + _rng.Next(3)) % _persons);

    private long Start() => _start + (long)(_rng.NextDouble() * 350 * Day);

    private int[] Distinct(int count)
    {
        var set = new HashSet<int>();
        while (set.Count < count)
        {
            set.Add(RandomPerson());
        }

        return [.. set];
    }

    private double LogNormal(double mu, double sigma)
    {
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return Math.Exp(mu + (sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)));
    }

    private double Uniform(double low, double high) => low + (_rng.NextDouble() * (high - low));
}
