namespace Tessera.Cli.Tests.CrossCheck;

[Collection(CliSerial.Name)]
public sealed class CheckCommandTests
{
    [Fact]
    public async Task Import_SamePersonFromAnotherState_IsCrossCheckedAndShownAsHitOnly()
    {
        var cli = await SetUpAsync();
        await cli.RunAsync("import", cli.WriteFile("it.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Mohammed Ali Hassan"],"birthDate":["1988-02-03"],"nationality":["ly"]}}"""), "--org", "IT");

        var import = await cli.RunAsync("import", cli.WriteFile("mt.ftm.json", """{"id":"mt-1","schema":"Person","properties":{"name":["محمد علي حسن"],"birthDate":["1988-02-03"],"nationality":["ly"]}}"""), "--org", "MT");
        var hits = await cli.RunAsync("hits", "--org", "MT");

        Assert.Contains("cross-check: 1 hits", import.Out, StringComparison.Ordinal);
        Assert.Contains("same-person", hits.Out, StringComparison.Ordinal);
        Assert.Contains("hit — ask IT, reference", hits.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed", hits.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIdentifier_UnknownAndKnownPhone_AnswersNoHitThenHit()
    {
        var cli = await SetUpAsync();
        await cli.RunAsync("import", cli.WriteFile("it.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Ali"],"phone":["+39 333 1234567"]}}"""), "--org", "IT");

        var none = await cli.RunAsync("check", "identifier", "--type", "phone", "+49 30 1234567", "--org", "MT");
        var hit = await cli.RunAsync("check", "identifier", "--type", "phone", "0039 333 1234567", "--org", "IT", "--json");
        var bad = await cli.RunAsync("check", "identifier", "--type", "iban", "DE00 1234", "--org", "IT");

        Assert.Equal("no-hit", none.Out.Trim());
        Assert.Contains("\"outcome\": \"hit\"", hit.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
        Assert.Contains("field 'value'", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownOrThirdCountryOrganisation_IsRefusedOrAnsweredAsThatOrganisation()
    {
        var cli = await SetUpAsync();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "RS", "--name", "Serbia", "--country", "RS", "--kind", "third-country")).Code);
        await cli.RunAsync("import", cli.WriteFile("it.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Ali"],"phone":["+39 333 1234567"]}}"""), "--org", "IT");

        var unknown = await cli.RunAsync("check", "identifier", "--type", "phone", "+39 333 1234567", "--org", "XX");
        var malta = await cli.RunAsync("check", "identifier", "--type", "phone", "+39 333 1234567", "--org", "MT");
        var serbia = await cli.RunAsync("check", "identifier", "--type", "phone", "+39 333 1234567", "--org", "RS");
        var kind = await cli.RunAsync("orgs", "add", "ZZ", "--name", "Z", "--country", "ZZ", "--kind", "friendly");

        Assert.Equal(2, unknown.Code);
        Assert.Contains("unknown organisation 'XX'", unknown.Err, StringComparison.Ordinal);
        Assert.NotEqual("no-hit", malta.Out.Trim());
        Assert.Contains("IT", malta.Out, StringComparison.Ordinal);
        // A third country without a transfer learns nothing of Italy's record, not even that a hit exists.
        Assert.Equal("no-hit", serbia.Out.Trim());
        Assert.Equal(2, kind.Code);
    }

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "MT", "--name", "Malta", "--country", "MT")).Code);
        return cli;
    }
}
