using System.Text.Json;

namespace Tessera.Cli.Tests;

public sealed class NormaliseCommandTests
{
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InvokeAsync(null, args);

    [Fact]
    public async Task Normalise_MrzSpecimenJson_FieldsAndExitZero()
    {
        var (code, output, _) = await Run("normalise", "mrz", Line1, Line2, "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("L898902C3", root.GetProperty("documentNumber").GetString());
        Assert.Equal("UTO", root.GetProperty("issuingState").GetString());
        Assert.Equal("UTO", root.GetProperty("nationality").GetString());
        Assert.Equal("1974-08-12", root.GetProperty("birthDate").GetString());
        Assert.Equal("F", root.GetProperty("sex").GetString());
        Assert.Equal("2012-04-15", root.GetProperty("expiryDate").GetString());
        Assert.Equal("ANNA MARIA ERIKSSON", root.GetProperty("names").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Normalise_MrzWithBadCheckDigit_ExitTwoWithReason()
    {
        var (code, output, _) = await Run("normalise", "mrz", Line1, Line2.Replace("7408122", "7408123", StringComparison.Ordinal), "--json");

        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains("birthDate", doc.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", 0, true, "GB82WEST12345698765432")]
    [InlineData("DE89 3704 0044 0532 0130 00", 0, true, "DE89370400440532013000")]
    [InlineData("GB82 WEST 1234 5698 7654 33", 2, false, "GB82WEST12345698765433")]
    public async Task Normalise_IbanJson_ValueValidityAndExitCode(string iban, int exit, bool valid, string value)
    {
        var (code, output, _) = await Run("normalise", "iban", iban, "--json");

        Assert.Equal(exit, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(valid, doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(value, doc.RootElement.GetProperty("value").GetString());
        Assert.Equal(iban[..2], doc.RootElement.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Normalise_PhoneWithRegion_ReadableLine()
    {
        var (code, output, _) = await Run("normalise", "phone", "0612345678", "--region", "IT");

        Assert.Equal(0, code);
        Assert.StartsWith("+390612345678\tvalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalise_HandleWithAt_NotReadAsResponseFile()
    {
        var (code, output, _) = await Run("normalise", "handle", "@Ali_Boats", "--platform", "telegram");

        Assert.Equal(0, code);
        Assert.StartsWith("telegram:ali_boats\tvalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalise_UnknownKind_UsageError()
    {
        var (code, _, _) = await Run("normalise", "colour", "red");

        Assert.Equal(1, code);
    }
}
