using System.Globalization;

namespace Tessera.Core.Money;

/// <summary>Money moved between two countries in one calendar month (UTC): the count of transactions and their EUR total.</summary>
internal sealed record Corridor(string FromCountry, string ToCountry, string Month, int Transactions, double AmountEur);

/// <summary>Aggregates transactions into corridors by country pair and month.</summary>
/// <remarks>An account's country is the one given with it or its IBAN's prefix; transactions with an account of unknown
/// country count under "??", so that totals still add up to the whole.</remarks>
internal static class Corridors
{
    public const string Unknown = "??";

    public static IReadOnlyList<Corridor> Aggregate(TransactionGraph g, long from = long.MinValue, long to = long.MaxValue)
    {
        var totals = new Dictionary<(string, string, string), (int Count, double Amount)>();
        for (var tx = 0; tx < g.TransactionCount; tx++)
        {
            if (g.Time[tx] < from || g.Time[tx] > to)
            {
                continue;
            }

            var month = DateTimeOffset.FromUnixTimeSeconds(g.Time[tx]).UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var key = (g.Countries[g.From[tx]] ?? Unknown, g.Countries[g.To[tx]] ?? Unknown, month);
            var t = totals.GetValueOrDefault(key);
            totals[key] = (t.Count + 1, t.Amount + g.Amount[tx]);
        }

        return [.. totals
            .Select(kv => new Corridor(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.Count, Math.Round(kv.Value.Amount, 2)))
            .OrderBy(c => c.Month, StringComparer.Ordinal)
            .ThenByDescending(c => c.AmountEur)];
    }
}
