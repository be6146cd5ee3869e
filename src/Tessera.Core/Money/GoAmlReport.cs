using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tessera.Core.Model;

namespace Tessera.Core.Money;

/// <summary>Reads the transactions of a UNODC goAML XML report (STR, CTR, EFT …) into a <see cref="TransactionGraphBuilder"/>.</summary>
/// <remarks>Each <c>transaction</c> gives its <c>transactionnumber</c>, <c>date_transaction</c> and <c>amount_local</c>
/// (in the report's <c>currency_code_local</c>, EUR when absent); the payer is <c>t_from_my_client</c> or <c>t_from</c>
/// and the payee <c>t_to_my_client</c> or <c>t_to</c>, each an account (<c>iban</c>, else <c>account</c>), a person
/// (<c>person:FIRST LAST</c>) or an entity (<c>entity:NAME</c>), with <c>from_country</c>/<c>to_country</c> when given.
/// DTDs are refused (no external entities). All or nothing: the first transaction that lacks a field throws
/// <see cref="ModelException"/> naming the file, the line of the element and the field.</remarks>
internal static class GoAmlReport
{
    public static void ReadInto(TransactionGraphBuilder builder, TextReader text, string file, ExchangeRates rates)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ModelException("not well-formed XML: " + ex.Message, file, ex.LineNumber, null);
        }

        var root = doc.Root!;
        var currency = Value(root, "currency_code_local")?.ToUpperInvariant() ?? "EUR";
        var rows = new List<(string Id, string From, string? FromCountry, string To, string? ToCountry, double Eur, long Time)>();
        foreach (var tx in root.Descendants().Where(e => e.Name.LocalName == "transaction"))
        {
            var line = (tx as IXmlLineInfo).LineNumber;
            string Required(XElement e, string name) => Value(e, name) ?? throw new ModelException($"transaction without {name}", file, line, name);

            var id = Required(tx, "transactionnumber");
            var dateText = Required(tx, "date_transaction");
            if (!DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                throw new ModelException($"'{dateText}' is not an ISO 8601 date", file, line, "date_transaction");
            }

            var amountText = Required(tx, "amount_local");
            if (!double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0)
            {
                throw new ModelException($"'{amountText}' is not a positive amount", file, line, "amount_local");
            }

            var eur = rates.ToEur(amount, currency, DateOnly.FromDateTime(time.UtcDateTime))
                ?? throw new ModelException($"no EUR rate for {currency} on or before {time.UtcDateTime:yyyy-MM-dd}", file, line, "currency_code_local");
            var (from, fromCountry) = Party(tx, "from", file, line);
            var (to, toCountry) = Party(tx, "to", file, line);
            rows.Add((id, from, fromCountry, to, toCountry, eur, time.ToUnixTimeSeconds()));
        }

        foreach (var r in rows)
        {
            builder.Add(r.Id, builder.Account(r.From, r.FromCountry), builder.Account(r.To, r.ToCountry), r.Eur, r.Time);
        }
    }

    private static (string Id, string? Country) Party(XElement tx, string side, string file, int line)
    {
        var party = Child(tx, "t_" + side + "_my_client") ?? Child(tx, "t_" + side)
            ?? throw new ModelException($"transaction without t_{side} or t_{side}_my_client", file, line, "t_" + side);
        var country = Value(party, side + "_country")?.ToUpperInvariant();
        if (Child(party, side + "_account") is { } account && (Value(account, "iban") ?? Value(account, "account")) is { } number)
        {
            return (number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), country);
        }

        if (Child(party, side + "_person") is { } person && string.Join(' ', new[] { Value(person, "first_name"), Value(person, "last_name") }.Where(n => n is not null)) is { Length: > 0 } name)
        {
            return ("person:" + name, country);
        }

        if (Child(party, side + "_entity") is { } entity && Value(entity, "name") is { } entityName)
        {
            return ("entity:" + entityName, country);
        }

        throw new ModelException($"t_{side} names no account, person or entity", file, line, side + "_account");
    }

    private static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name);

    private static string? Value(XElement e, string name) => Child(e, name)?.Value.Trim() is { Length: > 0 } v ? v : null;
}
