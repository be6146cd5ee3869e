namespace Tessera.Cli.Tests;

[Collection(CliSerial.Name)]
public sealed class ImportExportCommandTests
{
    private const string Valid =
        """
        {"id":"p1","schema":"Person","properties":{"name":["Mohammed Ali","محمد علي"],"birthDate":["1990-03-07"],"nationality":["ly"]}}
        {"id":"v1","schema":"Vessel","properties":{"name":["AL-AMAL"],"imoNumber":["9074729"]}}
        {"id":"c1","schema":"Call","properties":{"caller":["p1"],"receiver":["p2"],"date":["2026-06-02"]}}
        """;

    [Fact]
    public async Task Import_ThenExport_RoundTripsEveryValue()
    {
        var cli = await SetUpAsync();
        var file = cli.WriteFile("case.ftm.json", Valid);

        var import = await cli.RunAsync("import", file, "--org", "IT", "--case", "C1", "--handling", "H0,H2");
        var out1 = Path.Combine(cli.Folder, "export.ftm.json");
        var export = await cli.RunAsync("export", "--format", "ftm", "--out", out1);
        var reimport = cli.WriteFile("again.ftm.json", File.ReadAllText(out1));
        var second = await cli.RunAsync("import", reimport, "--org", "GR");
        var out2 = Path.Combine(cli.Folder, "export2.ftm.json");
        await cli.RunAsync("export", "--format", "ftm", "--org", "GR", "--out", out2);

        Assert.Equal(0, import.Code);
        Assert.Contains("3 entities, 9 statements", import.Out, StringComparison.Ordinal);
        Assert.Equal(0, export.Code);
        Assert.Equal(0, second.Code);
        // The platform's export names each record in its provider's namespace; Greece's own export gives back what it imported.
        Assert.Equal(Lines(Valid.Replace("\"p1\"", "\"IT:p1\"", StringComparison.Ordinal).Replace("\"v1\"", "\"IT:v1\"", StringComparison.Ordinal)
            .Replace("\"c1\"", "\"IT:c1\"", StringComparison.Ordinal).Replace("\"p2\"", "\"IT:p2\"", StringComparison.Ordinal)), Lines(File.ReadAllText(out1)));
        Assert.Equal(Lines(File.ReadAllText(out1)), Lines(File.ReadAllText(out2)));
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothing()
    {
        var cli = await SetUpAsync();
        var file = cli.WriteFile("case.ftm.json", Valid);

        await cli.RunAsync("import", file, "--org", "IT");
        var second = await cli.RunAsync("import", file, "--org", "IT");

        Assert.Equal(0, second.Code);
        Assert.Contains("nothing added", second.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"schema\":\"Persn\"}", "bad.ftm.json:2: field 'schema': unknown schema 'Persn'")]
    [InlineData("{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"imo\":[\"1\"]}}", "bad.ftm.json:2: field 'properties.imo': unknown property 'imo' of schema Person")]
    [InlineData("{\"schema\":\"Person\"}", "bad.ftm.json:2: field 'id': missing 'id'")]
    [InlineData("{\"id\":\"x\",\"schema\":", "bad.ftm.json:2: not valid JSON")]
    [InlineData("{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ali\\u0000\"]}}", "bad.ftm.json:2: field 'properties.name': the value holds the control or invalid character U+0000")]
    public async Task Import_BadLine_NamesFileLineAndFieldAndStoresNothing(string badLine, string expected)
    {
        var cli = await SetUpAsync();
        var file = cli.WriteFile("bad.ftm.json", "{\"id\":\"ok\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n" + badLine + "\n");

        var (code, _, err) = await cli.RunAsync("import", file, "--org", "IT");
        var export = await cli.RunAsync("export", "--format", "ftm");

        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Equal("", export.Out);
    }

    [Fact]
    public async Task Import_UnknownOrganisation_NamesTheFieldAndStoresNothing()
    {
        var cli = await SetUpAsync();
        var file = cli.WriteFile("case.ftm.json", Valid);

        var (code, _, err) = await cli.RunAsync("import", file, "--org", "XX");
        var export = await cli.RunAsync("export", "--format", "ftm");

        Assert.Equal(2, code);
        Assert.Contains("field 'organisation': unknown organisation 'XX'", err, StringComparison.Ordinal);
        Assert.Equal("", export.Out);
    }

    [Fact]
    public async Task Import_H3WithoutText_IsRefused()
    {
        var cli = await SetUpAsync();
        var file = cli.WriteFile("case.ftm.json", Valid);

        var (code, _, err) = await cli.RunAsync("import", file, "--org", "IT", "--handling", "H0,H3");

        Assert.Equal(2, code);
        Assert.Contains("H3", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_AfterImports_IsIntact()
    {
        var cli = await SetUpAsync();
        await cli.RunAsync("import", cli.WriteFile("case.ftm.json", Valid), "--org", "IT");

        var (code, output, _) = await cli.RunAsync("audit", "verify");

        Assert.Equal(0, code);
        Assert.Contains("intact", output, StringComparison.Ordinal);
    }

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "GR", "--name", "Greece", "--country", "GR")).Code);
        Assert.Equal(0, (await cli.RunAsync("cases", "add", "C1", "--title", "Zuwara", "--owner", "IT", "--members", "GR")).Code);
        return cli;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
