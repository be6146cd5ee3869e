using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Cli.Tests.Formats;

/// <summary>FollowTheMoney's statement CSV: written and read back byte for byte, and through the store without loss.</summary>
[Collection(CliSerial.Name)]
public sealed class FtmStatementsTests
{
    private const string Entities =
        """
        {"id":"p1","schema":"Person","properties":{"name":["Mohammed Ali","محمد علي"],"birthDate":["14/05/1979"],"nationality":["Libyen"],"phone":["+218 91 234 5678"]}}
        {"id":"a1","schema":"BankAccount","properties":{"iban":["IT60 X054 2811 1010 0000 0123 456"],"holder":["p1"],"bankName":["Banca \"Esempio\", Roma"]}}
        {"id":"x1","schema":"Payment","properties":{"payer":["p1"],"beneficiary":["p1"],"amount":["3500"],"method":["hawala"],"date":["2026-06-04"]}}
        """;

    [Fact]
    public async Task Export_ReadAndWrittenAgain_IsByteIdentical()
    {
        var cli = await SetUpAsync();
        await cli.RunAsync("import", cli.WriteFile("case.ftm.json", Entities), "--org", "IT");
        var file = Path.Combine(cli.Folder, "export.statements.csv");

        var (code, _, err) = await cli.RunAsync("export", "--format", "statements", "--out", file);
        var bytes = await File.ReadAllBytesAsync(file);
        using var again = new StringWriter();
        FollowTheMoneyStatements.Write(again, FollowTheMoneyStatements.Read(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)), "export.statements.csv"));

        Assert.True(code == 0, err);
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetBytes(again.ToString()));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("canonical_id,entity_id,prop,prop_type,schema,value,dataset,origin,lang,original_value,external,first_seen,last_seen,id\r\n", text, StringComparison.Ordinal);
        // The normalised value in "value", the value as provided beside it.
        Assert.Contains(",phone,phone,Person,+218912345678,IT,", text, StringComparison.Ordinal);
        Assert.Contains(",+218 91 234 5678,", text, StringComparison.Ordinal);
        Assert.Contains(",birthDate,date,Person,1979-05-14,IT,", text, StringComparison.Ordinal);
        Assert.Contains("\"Banca \"\"Esempio\"\", Roma\"", text, StringComparison.Ordinal);
        Assert.Contains(",tesseraHolder,entity,BankAccount,IT:p1,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ImportedIntoAnotherStore_ExportsTheSameValues()
    {
        var first = await SetUpAsync();
        await first.RunAsync("import", first.WriteFile("case.ftm.json", Entities), "--org", "IT");
        var a = Path.Combine(first.Folder, "a.statements.csv");
        await first.RunAsync("export", "--format", "statements", "--org", "IT", "--out", a);
        var second = await SetUpAsync();
        var b = Path.Combine(second.Folder, "b.statements.csv");

        var import = await second.RunAsync("import", a, "--org", "IT");
        await second.RunAsync("export", "--format", "statements", "--org", "IT", "--out", b);

        Assert.True(import.Code == 0, import.Err);
        // Arrival time and contribution differ between the stores; every other column is the same, byte for byte.
        Assert.Equal(WithoutArrival(a), WithoutArrival(b));
        Assert.Equal(File.ReadAllLines(a).Length, File.ReadAllLines(b).Length);
    }

    [Theory]
    [InlineData("entity_id,prop,schema,value\r\np1,name,Persn,A\r\n", "bad.csv:2: field 'schema': unknown schema 'Persn'")]
    [InlineData("entity_id,prop,schema,value\r\np1,imo,Person,A\r\n", "bad.csv:2: field 'prop': unknown property 'imo' of schema Person")]
    [InlineData("entity_id,prop,schema,value\r\np1,name,Person\r\n", "bad.csv:2: the row has 3 fields, the header 4")]
    [InlineData("entity_id,prop,schema,value\r\np1,name,Person,\"open\r\n", "bad.csv:2: a quoted field is not closed")]
    [InlineData("entity_id,prop,schema,value\r\np1,name,Person,A\r\np1,name,Vessel,B\r\n", "bad.csv:3: field 'schema': entity 'p1' is a Person")]
    public async Task Import_BadStatementFile_NamesFileLineAndFieldAndStoresNothing(string content, string expected)
    {
        var cli = await SetUpAsync();

        var (code, _, err) = await cli.RunAsync("import", cli.WriteFile("bad.csv", content), "--org", "IT");
        var export = await cli.RunAsync("export", "--format", "ftm");

        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Equal("", export.Out);
    }

    [Fact]
    public async Task Import_StatementsNamingAnotherOrganisationsEntity_DoNotWriteIntoIt()
    {
        var cli = await SetUpAsync();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "GR", "--name", "Greece", "--country", "GR")).Code);
        await cli.RunAsync("import", cli.WriteFile("case.ftm.json", Entities), "--org", "IT");
        var before = (await cli.RunAsync("export", "--format", "statements", "--org", "IT")).Out;
        var hostile = cli.WriteFile("hostile.csv", "entity_id,prop,schema,value\r\nIT:p1,name,Person,Planted Name\r\nIT:p1,nationality,Person,ru\r\n");

        var import = await cli.RunAsync("import", hostile, "--org", "GR");
        var after = (await cli.RunAsync("export", "--format", "statements", "--org", "IT")).Out;

        // Whatever Greece's file says, its values stay in Greece's namespace; Italy's record is unchanged.
        Assert.Equal(before, after);
        Assert.DoesNotContain("Planted Name", after, StringComparison.Ordinal);
        Assert.True(import.Code is 0 or 2, import.Err);
    }

    [Fact]
    public void Read_AsOpenSanctionsWritesIt_GivesEntities()
    {
        // An older column set (with "target", without "origin"), as OpenSanctions' statement exports have it.
        const string csv = "canonical_id,entity_id,prop,prop_type,schema,value,dataset,lang,original_value,target,external,first_seen,last_seen,id\n" +
            "NK-1,os-1,name,name,Person,Ali Hassan,sanctions,,,t,f,2024-01-01T00:00:00,2025-01-01T00:00:00,abc\n" +
            "NK-1,os-1,birthDate,date,Person,1980-02-03,sanctions,,03.02.1980,t,f,2024-01-01T00:00:00,2025-01-01T00:00:00,abd\n";

        var entities = FollowTheMoneyStatements.ToEntities(FollowTheMoneyStatements.Read(new StringReader(csv), "os.csv"), "os.csv");

        var person = Assert.Single(entities);
        Assert.Equal("Person", person.Schema);
        Assert.Equal(["Ali Hassan", "03.02.1980"], person.Values.Select(v => v.Value));
    }

    private static List<string> WithoutArrival(string file)
    {
        var rows = FollowTheMoneyStatements.Read(new StringReader(File.ReadAllText(file)), file);
        return rows.Select(r => string.Join('|', r.CanonicalId, r.EntityId, r.Prop, r.PropType, r.Schema, r.Value, r.Dataset, r.Lang, r.OriginalValue, r.External, r.Id)).ToList();
    }

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        return cli;
    }
}
