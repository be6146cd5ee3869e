using Tessera.Core.Model;
using Tessera.Core.Money;

namespace Tessera.Core.Tests.Money;

public sealed class GoAmlReportTests
{
    private const string Report = """
        <?xml version="1.0" encoding="utf-8"?>
        <report>
          <rentity_id>1234</rentity_id>
          <submission_code>E</submission_code>
          <report_code>STR</report_code>
          <currency_code_local>USD</currency_code_local>
          <transaction>
            <transactionnumber>STR-1</transactionnumber>
            <date_transaction>2025-03-01T10:00:00</date_transaction>
            <amount_local>2000.00</amount_local>
            <t_from_my_client>
              <from_funds_code>K</from_funds_code>
              <from_account><institution_name>Bank</institution_name><iban>DE89 3704 0044 0532 0130 00</iban></from_account>
              <from_country>DE</from_country>
            </t_from_my_client>
            <t_to>
              <to_funds_code>K</to_funds_code>
              <to_person><first_name>Karim</first_name><last_name>Haddad</last_name></to_person>
              <to_country>TR</to_country>
            </t_to>
          </transaction>
          <transaction>
            <transactionnumber>STR-2</transactionnumber>
            <date_transaction>2025-03-02</date_transaction>
            <amount_local>500</amount_local>
            <t_from><from_entity><name>Sunrise Travel</name></from_entity></t_from>
            <t_to_my_client><to_account><account>4711</account></to_account></t_to_my_client>
          </transaction>
        </report>
        """;

    private static readonly ExchangeRates Usd = ExchangeRates.Read(new StringReader("date,currency,rate\n2025-01-01,USD,2.0\n"), "rates.csv");

    [Fact]
    public void Read_Str_GivesAccountsPersonsAndEntitiesInEur()
    {
        var builder = new TransactionGraphBuilder();

        GoAmlReport.ReadInto(builder, new StringReader(Report), "str.xml", Usd);
        var g = builder.Build();

        Assert.Equal(["STR-1", "STR-2"], g.Ids!);
        Assert.Equal([1000.0, 250.0], g.Amount);
        Assert.Equal(["DE89370400440532013000", "person:Karim Haddad", "entity:Sunrise Travel", "4711"], g.Accounts);
        Assert.Equal(new[] { "DE", "TR", null, null }, g.Countries.ToArray());
    }

    [Fact]
    public void Read_TransactionWithoutAmount_NamesLineAndField()
    {
        var broken = Report.Replace("<amount_local>500</amount_local>", "", StringComparison.Ordinal);

        var error = Assert.Throws<ModelException>(() => GoAmlReport.ReadInto(new TransactionGraphBuilder(), new StringReader(broken), "str.xml", Usd));

        Assert.Equal(("str.xml", 22, "amount_local"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Read_DocumentTypeWithEntities_IsRefused()
    {
        const string hostile = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><report><transaction><transactionnumber>&x;</transactionnumber></transaction></report>""";

        var error = Assert.Throws<ModelException>(() => GoAmlReport.ReadInto(new TransactionGraphBuilder(), new StringReader(hostile), "str.xml", Usd));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }
}
