using System.Globalization;
using Tessera.Core.Graph;
using Tessera.Core.Model;

namespace Tessera.Core.Money;

/// <summary>Reference rates for converting amounts to EUR at the transaction date.</summary>
/// <remarks>The file has the header <c>date,currency,rate</c>, one row per day and currency, where <c>rate</c> is the
/// number of units of the currency for one euro (the ECB reference-rate convention: <c>2024-03-01,USD,1.0834</c>).
/// A transaction takes the latest rate on or before its date; a currency with no rate on or before that date is an
/// error, never a silent 1:1.</remarks>
internal sealed class ExchangeRates
{
    private readonly Dictionary<string, (int[] Days, double[] Rates)> _byCurrency;

    private ExchangeRates(Dictionary<string, (int[] Days, double[] Rates)> byCurrency) => _byCurrency = byCurrency;

    /// <summary>No rates: only EUR amounts are accepted.</summary>
    public static ExchangeRates None { get; } = new([]);

    public static ExchangeRates Read(TextReader reader, string file)
    {
        var header = (reader.ReadLine() ?? "").Split(',', StringSplitOptions.TrimEntries);
        int date = Array.IndexOf(header, "date"), currency = Array.IndexOf(header, "currency"), rate = Array.IndexOf(header, "rate");
        if (date < 0 || currency < 0 || rate < 0)
        {
            throw new ModelException("the header must name date,currency,rate", file, 1, date < 0 ? "date" : currency < 0 ? "currency" : "rate");
        }

        var rows = new Dictionary<string, List<(int Day, double Rate)>>(StringComparer.Ordinal);
        foreach (var (line, fields) in CsvLine.Rows(reader))
        {
            string Field(int i) => i < fields.Count ? fields[i].Trim() : "";
            if (!DateOnly.TryParseExact(Field(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new ModelException($"'{Field(date)}' is not a date (yyyy-MM-dd)", file, line, "date");
            }

            var code = Field(currency).ToUpperInvariant();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new ModelException($"'{Field(currency)}' is not an ISO 4217 currency code", file, line, "currency");
            }

            if (!double.TryParse(Field(rate), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
            {
                throw new ModelException($"'{Field(rate)}' is not a positive rate", file, line, "rate");
            }

            if (!rows.TryGetValue(code, out var list))
            {
                rows[code] = list = [];
            }

            list.Add((day.DayNumber, value));
        }

        return new ExchangeRates(rows.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                var sorted = kv.Value.OrderBy(r => r.Day).ToArray();
                return (sorted.Select(r => r.Day).ToArray(), sorted.Select(r => r.Rate).ToArray());
            },
            StringComparer.Ordinal));
    }

    /// <summary>The amount in EUR, or null when there is no rate for the currency on or before the day.</summary>
    public double? ToEur(double amount, string currency, DateOnly day)
    {
        if (currency is "EUR")
        {
            return amount;
        }

        if (!_byCurrency.TryGetValue(currency, out var table))
        {
            return null;
        }

        var i = Array.BinarySearch(table.Days, day.DayNumber);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i < 0 ? null : amount / table.Rates[i];
    }
}
