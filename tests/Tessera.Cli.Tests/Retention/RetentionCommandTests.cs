using System.Globalization;
using System.Text.Json;
using Tessera.Storage;

namespace Tessera.Cli.Tests.Retention;

[Collection(CliSerial.Name)]
public sealed class RetentionCommandTests
{
    private const string Person = """{"id":"p1","schema":"Person","properties":{"name":["Mohammed Ali"],"birthDate":["1990-03-07"]}}""";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Run_Json_TellsTheDueOnceAndErasesThePastDue()
    {
        var cli = await SetUpAsync();
        await ImportAsync(cli, "due.ftm.json", "IT", Today.AddDays(10));
        await ImportAsync(cli, "past.ftm.json", "GR", Today.AddDays(-1));

        var dry = await cli.RunAsync("retention", "run", "--dry-run", "--json");
        var first = await cli.RunAsync("retention", "run", "--json");
        var second = await cli.RunAsync("retention", "run");

        Assert.Equal((0, 0, 0), (dry.Code, first.Code, second.Code));
        using var dryJson = JsonDocument.Parse(dry.Out);
        Assert.True(dryJson.RootElement.GetProperty("dryRun").GetBoolean());
        using var json = JsonDocument.Parse(first.Out);
        Assert.Equal("IT", json.RootElement.GetProperty("notified")[0].GetProperty("organisation").GetString());
        Assert.Equal("GR", json.RootElement.GetProperty("erased")[0].GetProperty("organisation").GetString());
        Assert.Contains("told before", second.Out, StringComparison.Ordinal);
        Assert.Contains("1 due, 0 owners told, 0 erased", second.Err, StringComparison.Ordinal);
        var audit = await cli.RunAsync("audit", "list", "--limit", "1000");
        Assert.Contains("retention.erase", audit.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).Code);
    }

    [Fact]
    public async Task Extend_ByTheOwner_MovesTheReviewDate_OthersAndBadDatesAreBadInput()
    {
        var cli = await SetUpAsync();
        await ImportAsync(cli, "due.ftm.json", "IT", Today.AddDays(10));
        var until = Day(Today.AddYears(1));

        var greek = await cli.RunAsync("retention", "extend", "1", "--until", until, "--reason", "trial", "--org", "GR");
        var far = await cli.RunAsync("retention", "extend", "1", "--until", Day(Today.AddYears(4)), "--reason", "trial", "--org", "IT");
        var past = await cli.RunAsync("retention", "extend", "1", "--until", Day(Today.AddDays(-2)), "--reason", "trial", "--org", "IT");
        var notADate = await cli.RunAsync("retention", "extend", "1", "--until", "next year", "--reason", "trial", "--org", "IT");
        var owner = await cli.RunAsync("retention", "extend", "1", "--until", until, "--reason", "trial", "--org", "IT");

        Assert.Equal((2, 2, 2, 2), (greek.Code, far.Code, past.Code, notADate.Code));
        Assert.Contains("until", far.Err, StringComparison.Ordinal);
        Assert.Equal(0, owner.Code);
        Assert.Contains("moved to " + until, owner.Out, StringComparison.Ordinal);
        Assert.Contains("retention.extend", (await cli.RunAsync("audit", "list", "--limit", "1000")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("due\t1\t", (await cli.RunAsync("retention", "run")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MappingWithASubjectColumn_StoresEachRowsCategory_ABadValueRefusesTheFile()
    {
        var cli = await SetUpAsync();
        var mapping = cli.WriteFile("m.yml", "format: csv\ndelimiter: \";\"\nentities:\n  person:\n    schema: Person\n    id: \"{ID}\"\n    subject: { column: ROLE }\n    properties: { name: NAME }\n");
        var good = cli.WriteFile("arrests.csv", "ID;NAME;ROLE\n1;Omar Haddad;suspect\n2;Karim Saleh;informant\n");
        var bad = cli.WriteFile("bad.csv", "ID;NAME;ROLE\n1;Omar Haddad;suspect\n2;Karim Saleh;chief\n");

        var refused = await cli.RunAsync("import", bad, "--mapping", mapping, "--org", "IT");
        var imported = await cli.RunAsync("import", good, "--mapping", mapping, "--org", "IT");

        Assert.Equal(2, refused.Code);
        Assert.Contains("bad.csv:3", refused.Err, StringComparison.Ordinal);
        Assert.Contains("ROLE", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, imported.Code);
        await using var store = await Store.OpenAsync(cli.Storage);
        Assert.Single(await store.Contributions.ContributionsAsync());
        var records = await store.Contributions.StatementsOfAsync(["IT:1", "IT:2"]);
        Assert.Equal(Core.Model.SubjectCategory.Informant, records.Single(r => r.Statement.EntityId == "IT:2").RowSubject);
        Assert.Equal(Core.Model.SubjectCategory.Suspect, records.Single(r => r.Statement.EntityId == "IT:1").RowSubject);
    }

    private static async Task ImportAsync(CliRun cli, string name, string org, DateOnly review)
    {
        var file = cli.WriteFile(name, Person.Replace("Mohammed Ali", "Mohammed Ali " + name, StringComparison.Ordinal) + "\n");
        Assert.Equal(0, (await cli.RunAsync("import", file, "--org", org, "--review-date", Day(review))).Code);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "GR", "--name", "Greece", "--country", "GR")).Code);
        return cli;
    }
}
