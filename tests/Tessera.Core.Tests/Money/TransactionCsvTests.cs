using Tessera.Core.Model;
using Tessera.Core.Money;

namespace Tessera.Core.Tests.Money;

public sealed class TransactionCsvTests
{
    private const string Header = "id,from,to,amount,currency,time\n";

    [Theory]
    [InlineData("t1,A,B,-5,EUR,2025-01-01T10:00:00Z", 2, "amount")]
    [InlineData("t1,A,B,abc,EUR,2025-01-01T10:00:00Z", 2, "amount")]
    [InlineData("t1,A,B,5,EURO,2025-01-01T10:00:00Z", 2, "currency")]
    [InlineData("t1,A,B,5,EUR,01/02/2025", 2, "time")]
    [InlineData("t1,A,B,5,EUR,2025-02-30T10:00:00Z", 2, "time")]
    [InlineData("t1,,B,5,EUR,2025-01-01T10:00:00Z", 2, "from")]
    [InlineData("t1,A,B,5,EUR,2025-01-01T10:00:00Z\nt1,B,C,5,EUR,2025-01-01T11:00:00Z", 3, "id")]
    [InlineData("t1,A,B,5,EUR,2025-01-01T10:00:00Z\nt2,B,C,5,USD,2025-01-01T11:00:00Z", 3, "currency")]
    public void Read_BadRow_NamesFileLineAndField(string rows, int line, string field)
    {
        var error = Assert.Throws<ModelException>(() => TransactionCsv.Read(new StringReader(Header + rows), "tx.csv"));

        Assert.Equal(("tx.csv", line, field), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Read_MissingColumn_NamesIt()
    {
        var error = Assert.Throws<ModelException>(() => TransactionCsv.Read(new StringReader("id,from,to,amount,time\n"), "tx.csv"));

        Assert.Equal("currency", error.Field);
    }

    [Fact]
    public void Read_ForeignCurrency_ConvertsAtTheLatestRateOnOrBeforeTheDate()
    {
        var rates = ExchangeRates.Read(new StringReader("date,currency,rate\n2025-01-01,USD,1.25\n2025-01-10,USD,1.10\n2025-01-20,USD,1.00\n"), "rates.csv");
        var csv = Header + "t1,A,B,125,USD,2025-01-05T10:00:00Z\nt2,A,B,110,USD,2025-01-10T00:00:00Z\nt3,A,B,50,EUR,2025-01-11T00:00:00Z\n";

        var g = TransactionCsv.Read(new StringReader(csv), "tx.csv", rates);

        Assert.Equal([100.0, 100.0, 50.0], g.Amount.Select(a => Math.Round(a, 6)));
    }

    [Fact]
    public void Read_DateBeforeEveryRate_IsAnError()
    {
        var rates = ExchangeRates.Read(new StringReader("date,currency,rate\n2025-01-10,USD,1.10\n"), "rates.csv");

        var error = Assert.Throws<ModelException>(() => TransactionCsv.Read(new StringReader(Header + "t1,A,B,5,USD,2025-01-05T10:00:00Z\n"), "tx.csv", rates));

        Assert.Contains("no EUR rate for USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowsOutOfOrder_AreKeptInTimeOrderWithTimeOrderedSegments()
    {
        var csv = Header + "late,A,B,1,EUR,2025-01-03T00:00:00Z\nearly,A,C,2,EUR,2025-01-01T00:00:00Z\nmid,C,A,3,EUR,2025-01-02T00:00:00+02:00\n";

        var g = TransactionCsv.Read(new StringReader(csv), "tx.csv");

        Assert.Equal(["early", "mid", "late"], g.Ids!);
        var a = Ledger.Account(g, "A");
        Assert.Equal(["early", "late"], g.Outgoing(a).ToArray().Select(g.TransactionId));
        Assert.Equal(["mid"], g.Incoming(a).ToArray().Select(g.TransactionId));
    }

    [Fact]
    public void Corridors_IbanCountriesAndMonths_AddUpToTheWhole()
    {
        var csv = Header
            + "t1,DE89370400440532013000,FR1420041010050500013M02606,100,EUR,2025-01-05T00:00:00Z\n"
            + "t2,DE89370400440532013000,FR1420041010050500013M02606,50,EUR,2025-01-25T00:00:00Z\n"
            + "t3,DE89370400440532013000,cash-desk,25,EUR,2025-02-01T00:00:00Z\n";

        var corridors = Corridors.Aggregate(TransactionCsv.Read(new StringReader(csv), "tx.csv"));

        Assert.Equal(
            [new Corridor("DE", "FR", "2025-01", 2, 150), new Corridor("DE", Corridors.Unknown, "2025-02", 1, 25)],
            corridors);
    }
}
