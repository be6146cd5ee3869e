using System.Globalization;
using Tessera.Core.Graph;
using Tessera.Core.Model;

namespace Tessera.Core.Money;

/// <summary>Reads transactions from CSV with the header <c>id,from,to,amount,currency,time</c> (time ISO 8601; optional
/// <c>from_country</c>, <c>to_country</c>) into a <see cref="TransactionGraphBuilder"/>.</summary>
/// <remarks>All or nothing: the first bad row throws <see cref="ModelException"/> naming the file, the 1-based line and
/// the field, and nothing of the file is kept. Amounts are converted to EUR at the transaction date
/// (<see cref="ExchangeRates"/>). A time without an offset is read as UTC.</remarks>
internal static class TransactionCsv
{
    public static readonly string[] Header = ["id", "from", "to", "amount", "currency", "time"];

    public static TransactionGraph Read(TextReader reader, string file, ExchangeRates? rates = null)
    {
        var builder = new TransactionGraphBuilder();
        ReadInto(builder, reader, file, rates ?? ExchangeRates.None);
        return builder.Build();
    }

    public static void ReadInto(TransactionGraphBuilder builder, TextReader reader, string file, ExchangeRates rates)
    {
        var header = CsvLine.Split(reader.ReadLine() ?? "").Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var columns = new int[Header.Length];
        for (var c = 0; c < Header.Length; c++)
        {
            columns[c] = Array.IndexOf(header, Header[c]);
            if (columns[c] < 0)
            {
                throw new ModelException($"missing header column '{Header[c]}' (expected {string.Join(',', Header)})", file, 1, Header[c]);
            }
        }

        int fromCountry = Array.IndexOf(header, "from_country"), toCountry = Array.IndexOf(header, "to_country");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in CsvLine.Rows(reader))
        {
            string Field(int column, string name) =>
                column < fields.Count && fields[column].Trim() is { Length: > 0 } v ? v : throw new ModelException("empty value", file, line, name);
            string? Optional(int column) => column >= 0 && column < fields.Count && fields[column].Trim() is { Length: > 0 } v ? v.ToUpperInvariant() : null;

            var id = Field(columns[0], "id");
            if (!seen.Add(id))
            {
                throw new ModelException($"transaction id '{id}' appears twice", file, line, "id");
            }

            var from = Field(columns[1], "from");
            var to = Field(columns[2], "to");
            var amountText = Field(columns[3], "amount");
            if (!double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0)
            {
                throw new ModelException($"'{amountText}' is not a positive amount", file, line, "amount");
            }

            var currency = Field(columns[4], "currency").ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                throw new ModelException($"'{currency}' is not an ISO 4217 currency code", file, line, "currency");
            }

            var timeText = Field(columns[5], "time");
            if (!(TryParseUtc(timeText, out var time)
                || (DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)
                    && timeText.Length >= 10 && timeText[4] == '-')))
            {
                throw new ModelException($"'{timeText}' is not an ISO 8601 time", file, line, "time");
            }

            var eur = rates.ToEur(amount, currency, DateOnly.FromDateTime(time.UtcDateTime))
                ?? throw new ModelException($"no EUR rate for {currency} on or before {time.UtcDateTime:yyyy-MM-dd}; give a rates file (date,currency,rate)", file, line, "currency");
            builder.Add(id, builder.Account(from, Optional(fromCountry)), builder.Account(to, Optional(toCountry)), eur, time.ToUnixTimeSeconds());
        }
    }

    /// <summary>The common form <c>yyyy-MM-ddTHH:mm:ssZ</c> without the general parser (which dominates the load time).</summary>
    private static bool TryParseUtc(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }

        int Digits(int at, int count)
        {
            var value = 0;
            for (var i = at; i < at + count; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return -1;
                }

                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }

        int year = Digits(0, 4), month = Digits(5, 2), day = Digits(8, 2), hour = Digits(11, 2), minute = Digits(14, 2), second = Digits(17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }
}
