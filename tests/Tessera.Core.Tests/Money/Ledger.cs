using System.Globalization;
using System.Text;
using Tessera.Core.Money;

namespace Tessera.Core.Tests.Money;

/// <summary>Builds small transaction sets as CSV text (the same path as a file) for the money tests.</summary>
internal sealed class Ledger
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly StringBuilder _csv = new("id,from,to,amount,currency,time\n");
    private int _next;

    /// <summary>Adds a EUR payment <paramref name="hours"/> after 1 March 2025 and returns its id.</summary>
    public string Pay(string from, string to, double amount, double hours, string? id = null)
    {
        id ??= "t" + (++_next).ToString(CultureInfo.InvariantCulture);
        var time = Start.AddHours(hours).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        _csv.Append(CultureInfo.InvariantCulture, $"{id},{from},{to},{amount.ToString(CultureInfo.InvariantCulture)},EUR,{time}\n");
        return id;
    }

    public string Csv => _csv.ToString();

    public TransactionGraph Build() => TransactionCsv.Read(new StringReader(Csv), "ledger.csv");

    public static long At(double hours) => Start.AddHours(hours).ToUnixTimeSeconds();

    public static int Account(TransactionGraph g, string id) => Array.IndexOf(g.Accounts, id);
}
