using System.Globalization;
using Tessera.Core.Graph;
using Tessera.Core.Model;

namespace Tessera.Core.Money;

/// <summary>Reads a hawala broker's ledger (<c>sender,receiver,amount,currency,place,date</c>; optional <c>id</c>,
/// <c>broker</c>, <c>sender_country</c>, <c>receiver_country</c>) as flows between persons who hold no account.</summary>
/// <remarks>Hawala moves value without moving money: the sender pays a broker in one place, a partner broker pays the
/// receiver in another, and the brokers settle later. Each entry becomes two flows on the same day, the sender to the
/// broker and the broker to the receiver, so that the broker appears as the hub it is and traces pass through it.
/// Parties are named <c>person:NAME</c> and brokers <c>broker:NAME</c>; the broker is the entry's <c>broker</c> column
/// or the ledger's own broker. The place's country, when given, is the receiver's country. All or nothing: the first
/// bad row throws <see cref="ModelException"/> naming the file, line and field.</remarks>
internal static class HawalaLedger
{
    public static readonly string[] Header = ["sender", "receiver", "amount", "currency", "place", "date"];

    public static void ReadInto(TransactionGraphBuilder builder, TextReader reader, string file, ExchangeRates rates, string? ledgerBroker = null)
    {
        var header = CsvLine.Split(reader.ReadLine() ?? "").Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var columns = Header.Select(h => Array.IndexOf(header, h)).ToArray();
        for (var c = 0; c < Header.Length; c++)
        {
            if (columns[c] < 0)
            {
                throw new ModelException($"missing header column '{Header[c]}' (expected {string.Join(',', Header)})", file, 1, Header[c]);
            }
        }

        int idColumn = Array.IndexOf(header, "id"), brokerColumn = Array.IndexOf(header, "broker");
        int senderCountry = Array.IndexOf(header, "sender_country"), receiverCountry = Array.IndexOf(header, "receiver_country");
        var entries = new List<(string Id, string Sender, string Receiver, string Broker, double Eur, long Time, string? From, string? To)>();
        foreach (var (line, fields) in CsvLine.Rows(reader))
        {
            string? Optional(int column) => column >= 0 && column < fields.Count && fields[column].Trim() is { Length: > 0 } v ? v : null;
            string Field(int column, string name) => Optional(column) ?? throw new ModelException("empty value", file, line, name);

            var sender = Field(columns[0], "sender");
            var receiver = Field(columns[1], "receiver");
            var amountText = Field(columns[2], "amount");
            if (!double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0)
            {
                throw new ModelException($"'{amountText}' is not a positive amount", file, line, "amount");
            }

            var currency = Field(columns[3], "currency").ToUpperInvariant();
            var dateText = Field(columns[5], "date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ModelException($"'{dateText}' is not a date (yyyy-MM-dd)", file, line, "date");
            }

            var eur = rates.ToEur(amount, currency, date)
                ?? throw new ModelException($"no EUR rate for {currency} on or before {dateText}; give a rates file (date,currency,rate)", file, line, "currency");
            var broker = Optional(brokerColumn) ?? ledgerBroker
                ?? throw new ModelException("no broker: give a broker column or name the ledger's broker", file, line, "broker");
            var id = Optional(idColumn) ?? Path.GetFileNameWithoutExtension(file) + ":" + line.ToString(CultureInfo.InvariantCulture);
            var time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
            entries.Add((id, sender, receiver, broker, eur, time, Optional(senderCountry)?.ToUpperInvariant(), (Optional(receiverCountry) ?? Field(columns[4], "place")).ToUpperInvariant()));
        }

        foreach (var e in entries)
        {
            var hub = builder.Account("broker:" + e.Broker);
            builder.Add(e.Id + ":in", builder.Account("person:" + e.Sender, e.From), hub, e.Eur, e.Time);
            builder.Add(e.Id + ":out", hub, builder.Account("person:" + e.Receiver, CountryCode(e.To)), e.Eur, e.Time);
        }
    }

    /// <summary>A two-letter code as given; a longer place name gives no country.</summary>
    private static string? CountryCode(string? place) => place is { Length: 2 } && place.All(char.IsAsciiLetter) ? place : null;
}
